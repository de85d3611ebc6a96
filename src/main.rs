//! The `tsunagu` command: serve the API (the default), migrate, manage members, print the spec.

use clap::{Parser, Subcommand};
use tsunagu::api::members::{create_member_with_key, CreateMember};
use tsunagu::api::AppState;
use tsunagu::config::Config;
use tsunagu::connector::{AuthMode, ConnectorOptions, Language};
use tsunagu::domain::member::Role;
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
        /// Host the connector calls (no scheme or path); default: TSUNAGU_PUBLIC_URL's host.
        #[arg(long)]
        host: Option<String>,
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

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::from_env()?;
    tsunagu::telemetry::init(&config.log_filter, config.log_format, std::io::stderr);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Backup { out } => {
            let store = open_store(&config).await?;
            store.backup_to(&out).await?;
            eprintln!("backup written to {}", out.display());
            Ok(())
        }
        Command::Migrate => {
            let store = open_store(&config).await?;
            eprintln!("migrations applied ({})", store.backend_name());
            Ok(())
        }
        Command::Admin(AdminCommand::CreateMember { name, email, role }) => {
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
            let created = create_member_with_key(&state, &input)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.problem().detail))?;
            let key = created.api_key.map(|k| k.secret).unwrap_or_default();
            println!(
                "created member {} ({})",
                created.member.id, created.member.display_name
            );
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
        } => {
            let host = host
                .or_else(|| config.public_host())
                .unwrap_or_else(|| tsunagu::connector::EXAMPLE_HOST.to_owned());
            let package = tsunagu::connector::package(&ConnectorOptions { lang, auth, host })?;
            package.write_to(&out)?;
            eprintln!("wrote {} files to {}", package.files.len(), out.display());
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    let public_url = config.public_url.clone();
    let bind = config.bind;
    // Listen first: the one-time admin key is made only once serving is certain, so a start
    // that cannot bind (port in use) does not use it up unseen.
    let app = Application::build_with_store(config, store)?;
    let first_admin_key = bootstrap_admin(app.store()).await?;
    let base = public_url.unwrap_or_else(|| format!("http://{}:{}", bind.ip(), app.port()));
    if let Some(key) = first_admin_key {
        println!();
        println!(
            "This is a new database. An admin API key was created; it is shown only this once:"
        );
        println!();
        println!("    {key}");
        println!();
        println!("Try it:");
        println!("    curl -H 'Authorization: Bearer {key}' {base}/api/v1/me");
        println!();
    }
    println!(
        "tsunagu is serving on {base} ({} database)",
        app.store().backend_name()
    );
    tracing::info!(%base, backend = app.store().backend_name(), "tsunagu is serving");
    app.run_until_stopped().await
}
