//! The `tsunagu` command: serve the API (the default), migrate, manage members, print the spec.

use clap::{Parser, Subcommand};
use tsunagu::api::members::{create_member_with_key, CreateMember};
use tsunagu::api::AppState;
use tsunagu::config::Config;
use tsunagu::connector::{AuthMode, ConnectorOptions, Language, SignIn, Target};
use tsunagu::domain::member::Role;
use tsunagu::i18n::text;
use tsunagu::startup::{bootstrap_admin, open_store, Application};

/// tsunagu: a community API for citizen developers.
///
/// Configuration comes from TSUNAGU_* environment variables (see README.md).
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API (the default when no command is given).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Write a consistent copy of the SQLite database while the service runs.
    Backup {
        /// The file to write (must not exist yet).
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Administrative tasks.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Print (or write) the OpenAPI 3.1 description of the API.
    Openapi {
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Write the Power Platform custom connector package.
    Connector {
        /// The folder to write the package to (created if missing).
        #[arg(long)]
        out: std::path::PathBuf,
        /// Language of labels and descriptions: en or ja.
        #[arg(long, default_value = "en")]
        lang: Language,
        /// Connection sign-in: aad (Entra ID), oauth2 (any OAuth 2.0 provider) or apikey.
        #[arg(long, default_value = "aad")]
        auth: AuthMode,
        /// The server's public address: a URL (`https://intra.example.com/tsunagu`, its path
        /// kept) or a host (`tsunagu.example.com:8443`); default: TSUNAGU_PUBLIC_URL.
        #[arg(long)]
        host: Option<String>,
        /// The client ID of the connector's app registration (aad, oauth2).
        #[arg(long, env = "TSUNAGU_CONNECTOR_CLIENT_ID")]
        client_id: Option<String>,
        /// Entra ID tenant (ID or domain) members sign in to; `common` accepts any work account.
        #[arg(long, default_value = "common")]
        tenant: String,
        /// Entra ID: the Application ID URI of tsunagu's API registration.
        #[arg(long, default_value = "api://tsunagu")]
        resource: String,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create a member and print their first API key.
    CreateMember {
        /// Display name.
        #[arg(long)]
        name: String,
        /// E-mail address.
        #[arg(long)]
        email: Option<String>,
        /// Role: member, moderator or admin.
        #[arg(long, value_parser = parse_role, default_value = "member")]
        role: Role,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    match s {
        "member" => Ok(Role::Member),
        "moderator" => Ok(Role::Moderator),
        "admin" => Ok(Role::Admin),
        other => Err(format!(
            "unknown role {other:?}: use member, moderator or admin"
        )),
    }
}

/// Runs the command; a failure is one readable line (its causes joined with `: `) and exit
/// status 1 — never a backtrace, even with `RUST_BACKTRACE` set.
fn main() -> std::process::ExitCode {
    match actix_web::rt::System::new().block_on(run()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::from_env()?;
    tsunagu::telemetry::init(&config.log_filter, config.log_format, std::io::stderr);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Backup { out } => {
            let store = open_store(&config).await?;
            store.backup_to(&out).await?;
            eprintln!(
                "{}",
                text(
                    config.default_language,
                    "cli-backup-written",
                    &[("file", out.display().to_string().into())]
                )
            );
            Ok(())
        }
        Command::Migrate => {
            let store = open_store(&config).await?;
            eprintln!(
                "{}",
                text(
                    config.default_language,
                    "cli-migrated",
                    &[("backend", store.backend_name().into())]
                )
            );
            Ok(())
        }
        Command::Admin(AdminCommand::CreateMember { name, email, role }) => {
            let language = config.default_language;
            let store = open_store(&config).await?;
            let auth = std::sync::Arc::new(tsunagu::auth::Authenticator::from_config(&config)?);
            let state = AppState {
                store,
                config: std::sync::Arc::new(config),
                auth,
            };
            let input = CreateMember {
                display_name: name,
                email,
                role: Some(role),
                issue_api_key: Some(true),
            };
            let links = tsunagu::api::links::Links::configured(&state.config);
            let created = create_member_with_key(&state, &input, &links)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.problem_in(language).detail))?;
            let key = created.api_key.map(|k| k.secret).unwrap_or_default();
            println!(
                "{}",
                text(
                    language,
                    "cli-member-created",
                    &[
                        ("id", created.member.id.into()),
                        ("name", created.member.display_name.as_str().into())
                    ]
                )
            );
            // The key's line stays the same in every language: scripts read it.
            println!("API key (shown once): {key}");
            Ok(())
        }
        Command::Openapi { out } => {
            let text = tsunagu::api::openapi_json();
            match out {
                Some(path) => std::fs::write(&path, text)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display())),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
        Command::Connector {
            out,
            lang,
            auth,
            host,
            client_id,
            tenant,
            resource,
        } => {
            let address = host
                .or_else(|| config.public_url.clone())
                .unwrap_or_else(|| tsunagu::connector::EXAMPLE_HOST.to_owned());
            let options = ConnectorOptions {
                lang,
                auth,
                target: Target::parse(&address).map_err(anyhow::Error::msg)?,
                sign_in: SignIn {
                    client_id,
                    tenant,
                    resource,
                },
            };
            let package = tsunagu::connector::package(&options)?;
            package.write_to(&out).map_err(|e| {
                anyhow::anyhow!(tsunagu::i18n::text(
                    config.default_language,
                    "cli-cannot-write-package",
                    &[
                        ("folder", out.display().to_string().into()),
                        ("cause", e.to_string().into()),
                    ],
                ))
            })?;
            for warning in options.warnings() {
                eprintln!(
                    "warning: {}",
                    warning.say(config.default_language, &options)
                );
            }
            eprintln!(
                "{}",
                text(
                    config.default_language,
                    "cli-package-written",
                    &[
                        ("count", package.files.len().into()),
                        ("folder", out.display().to_string().into())
                    ]
                )
            );
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    let public_url = config.public_url.clone();
    let language = config.default_language;
    let bind = config.bind;
    // Listen first: the one-time admin key is made only once serving is certain, so a start
    // that cannot bind (port in use) does not use it up unseen.
    let app = Application::build_with_store(config, store)?;
    let first_admin_key = bootstrap_admin(app.store()).await?;
    let base = public_url.unwrap_or_else(|| format!("http://{}:{}", bind.ip(), app.port()));
    let say = |id: &str, args: &[(&'static str, tsunagu::i18n::Arg)]| {
        tsunagu::i18n::text(language, id, args)
    };
    if let Some(key) = first_admin_key {
        println!();
        println!("{}", say("serve-first-admin-key", &[]));
        println!();
        println!("    {key}");
        println!();
        println!("{}", say("serve-try-it", &[]));
        println!("    curl -H 'Authorization: Bearer {key}' {base}/api/v1/me");
        println!();
    }
    println!(
        "{}",
        say(
            "serve-serving",
            &[
                ("base", base.as_str().into()),
                ("backend", app.store().backend_name().into()),
            ],
        )
    );
    tracing::info!(%base, backend = app.store().backend_name(), "tsunagu is serving");
    // The workers build their routes on their own threads once the server runs, and free what
    // they only needed for that (each collects the OpenAPI paths); trim after they have.
    let store = app.store().clone();
    actix_web::rt::spawn(async move {
        actix_web::rt::time::sleep(std::time::Duration::from_secs(2)).await;
        if let Err(error) = store.release_startup_memory().await {
            tracing::warn!(%error, "could not release start-up memory");
        }
        return_free_memory();
    });
    app.run_until_stopped().await
}

/// Gives back to the operating system the memory start-up allocated and freed (building the
/// OpenAPI document, migrations, the first queries, each worker's routes), which glibc
/// otherwise keeps in every thread's arena: idle resident memory after a restart falls by
/// several MB.
fn return_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` releases only memory the allocator holds as free; it is safe to call
    // at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}
