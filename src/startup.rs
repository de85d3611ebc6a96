//! Builds the application once; the server, the CLI and the tests all go through here.
//!
//! The listener is bound before the server is built so tests can ask for port 0 and learn the
//! real port. Pools and state are created once, outside the per-worker factory closure.

use crate::api::extract::path_error;
use crate::api::{routes, site_routes, AppState};
use crate::auth::api_keys;
use crate::config::Config;
use crate::domain::member::Role;
use crate::error::ApiError;
use crate::store::members::{NewApiKey, NewMember};
use crate::store::{Store, StoreOptions};
use crate::telemetry::RequestSpan;
use actix_web::dev::{ResourceDef, Server};
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use anyhow::Context;
use std::net::TcpListener;
use std::sync::Arc;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;

/// Opens the configured database and applies migrations.
pub async fn open_store(config: &Config) -> anyhow::Result<Store> {
    let store = Store::connect(&StoreOptions {
        url: config.database_url.clone(),
        max_connections: config.db_max_connections,
        sqlite_synchronous_full: config.sqlite_synchronous_full,
        language: config.default_language,
        search_walk: config.search_walk,
    })
    .await?;
    store
        .migrate()
        .await
        .context("cannot apply database migrations")?;
    Ok(store)
}

/// On an empty database, creates the first admin and returns their API key (once ever).
pub async fn bootstrap_admin(store: &Store) -> anyhow::Result<Option<String>> {
    let key = api_keys::generate();
    let created = store
        .bootstrap_admin(
            &NewMember {
                display_name: "admin",
                email: None,
                role: Role::Admin,
            },
            &NewApiKey {
                name: "first admin key",
                prefix: &key.prefix,
                hash: &key.hash,
            },
        )
        .await?;
    Ok(created.map(|_| key.secret))
}

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    server: Server,
    store: Store,
    webhooks: crate::webhooks::WorkerHandle,
}

impl Application {
    /// Opens the store, binds the listener and builds the server (not yet running).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let store = open_store(&config).await?;
        Self::build_with_store(config, store)
    }

    /// Like [`Application::build`], with an already opened store.
    pub fn build_with_store(config: Config, store: Store) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(config.bind).map_err(|e| {
            let id = if e.kind() == std::io::ErrorKind::AddrInUse {
                "listen-in-use"
            } else {
                "listen-failed"
            };
            anyhow::anyhow!(crate::i18n::text(
                config.default_language,
                id,
                &[
                    ("address", config.bind.to_string().into()),
                    ("cause", e.to_string().into()),
                ],
            ))
        })?;
        let port = listener.local_addr()?.port();
        let workers = config.workers;
        let grace = config.shutdown_grace_secs;
        let cors_origins = config.cors_origins.clone();
        let metrics = web::Data::new(crate::metrics::Metrics::new()?);
        // Links in webhook payloads: the public URL, or where this process listens.
        let site_base = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}:{port}", config.bind.ip()));
        let webhooks = crate::webhooks::Worker::new(
            store.clone(),
            config.webhooks.clone(),
            site_base,
            Some(metrics.clone().into_inner()),
        )?
        .spawn();
        let limiter = web::Data::new(crate::api::rate_limit::RateLimiter::new(
            config.rate_limit_per_minute,
            config.rate_limit_burst,
        ));
        let known_routes = web::Data::new(KnownRoutes::from_openapi());
        let form_limit = config.max_body_bytes;
        let auth = Arc::new(crate::auth::Authenticator::from_config(&config)?);
        let state = web::Data::new(AppState {
            store: store.clone(),
            config: Arc::new(config),
            auth,
        });
        let mut server = HttpServer::new(move || {
            App::new()
                .into_utoipa_app()
                .configure(routes)
                .into_app()
                .configure(site_routes)
                .configure(|cfg| crate::web::routes(cfg, form_limit))
                .app_data(state.clone())
                .app_data(known_routes.clone())
                .app_data(limiter.clone())
                .app_data(metrics.clone())
                .app_data(web::PathConfig::default().error_handler(path_error))
                .default_service(web::to(no_route))
                .wrap(actix_web::middleware::from_fn(
                    crate::api::idempotency::idempotency,
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::api::rate_limit::limit,
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::api::language::negotiate,
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::api::security::headers,
                ))
                .wrap(cors(&cors_origins))
                // gzip, Brotli or zstd as the client accepts: a question page with long
                // answers is ~180 KB of HTML and ~40 KB sent. (The pages' CSRF tokens are
                // masked per page for this: see `web::csrf`.)
                .wrap(actix_web::middleware::Compress::default())
                .wrap(TracingLogger::<RequestSpan>::new())
        })
        .listen(listener)?
        .shutdown_timeout(grace);
        if let Some(n) = workers {
            server = server.workers(n);
        }
        Ok(Self {
            port,
            server: server.run(),
            store,
            webhooks,
        })
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the server.
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// The store the server uses.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serves until SIGINT/SIGTERM, lets in-flight requests finish, stops the webhook worker
    /// (attempts in flight finish, leases are given back), then closes the pool.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        self.server.await?;
        self.webhooks.shutdown().await;
        self.store.close().await;
        Ok(())
    }
}

/// CORS: off unless `TSUNAGU_CORS_ORIGINS` names origins (a canvas app's web player, a
/// portal). Credentials (the session cookie) are not shared cross-origin.
fn cors(origins: &[String]) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default()
        .allowed_methods(["GET", "POST", "PATCH", "PUT", "DELETE"])
        .allowed_headers([
            actix_web::http::header::AUTHORIZATION,
            actix_web::http::header::CONTENT_TYPE,
            actix_web::http::header::IF_MATCH,
        ])
        .allowed_header("X-Api-Key")
        .allowed_header("Idempotency-Key")
        .allowed_header("X-Request-Id")
        .expose_headers([
            "Location",
            "ETag",
            "X-Request-Id",
            "Retry-After",
            "Idempotent-Replayed",
        ])
        .max_age(3600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}

/// Every route pattern with the methods it accepts, to tell a wrong method (405) from a path
/// that does not exist (404). Read from the OpenAPI description, which lists every route.
pub struct KnownRoutes(Vec<(ResourceDef, Vec<&'static str>)>);

impl KnownRoutes {
    fn from_openapi() -> Self {
        let spec = crate::api::openapi();
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(method, present)| present.then_some(method))
                .collect();
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect::<Vec<_>>();
        // Literal paths (`/questions/similar`) before templates (`/questions/{id}`) that
        // would also match them.
        let (mut literal, templated): (Vec<_>, Vec<_>) = routes
            .into_iter()
            .partition(|(def, _)| !def.pattern().unwrap_or("").contains('{'));
        literal.extend(templated);
        Self(literal)
    }

    /// The methods the first route matching `path` allows.
    pub fn allowed_methods(&self, path: &str) -> Option<&[&'static str]> {
        self.0
            .iter()
            .find(|(def, _)| def.is_match(path))
            .map(|(_, m)| m.as_slice())
    }
}

async fn no_route(
    req: HttpRequest,
    known: web::Data<KnownRoutes>,
) -> Result<HttpResponse, ApiError> {
    tracing::debug!(path = req.path(), method = %req.method(), "no route");
    if crate::web::is_page_request(&req) && known.allowed_methods(req.path()).is_none() {
        return Ok(crate::web::no_such_page(&req).await);
    }
    match known.allowed_methods(req.path()) {
        Some(methods) => Err(ApiError::MethodNotAllowed(methods.to_vec())),
        None => Err(ApiError::RouteNotFound),
    }
}
