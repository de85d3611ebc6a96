//! What the service offers besides the API itself: its OpenAPI description, an interactive
//! reference whose scripts and styles are served by tsunagu (it works on a closed company
//! network), and the Power Platform connector package for this server's own host.

use crate::api::extract::Query;
use crate::api::AppState;
use crate::connector::{package, AuthMode, ConnectorOptions, Language, SignIn, Target};
use crate::error::{ApiError, FieldError};
use actix_web::{http::header, web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// Which connector package to download.
#[derive(Debug, Deserialize)]
pub struct ConnectorParams {
    /// `en` (default) or `ja`.
    pub lang: Option<String>,
    /// `aad` (default), `oauth2` or `apikey`.
    pub auth: Option<String>,
}

/// `GET /connector.zip?lang=&auth=`: the connector package for this server's public host.
pub async fn connector_zip(
    state: web::Data<AppState>,
    req: HttpRequest,
    Query(params): Query<ConnectorParams>,
) -> Result<HttpResponse, ApiError> {
    let invalid = |field: &str, choices: &str, got: &str| {
        ApiError::InvalidQuery(FieldError::say(
            field,
            "invalid_value",
            "field-bad-choice",
            vec![
                ("count", choices.split(", ").count().into()),
                ("choices", choices.into()),
                ("got", got.into()),
            ],
        ))
    };
    let lang = params.lang.as_deref().unwrap_or("en");
    let lang: Language = lang.parse().map_err(|_| invalid("lang", "en, ja", lang))?;
    let auth = params.auth.as_deref().unwrap_or("aad");
    let auth: AuthMode = auth
        .parse()
        .map_err(|_| invalid("auth", "aad, oauth2, apikey", auth))?;
    let target = public_target(&state, &req);
    let host = target.url();
    // Building the package costs real CPU and anyone may ask: each (language, sign-in, host)
    // is built once per process (a few hosts at most are remembered).
    static BUILT: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<String, web::Bytes>>,
    > = std::sync::OnceLock::new();
    let built = BUILT.get_or_init(Default::default);
    let cache_key = format!("{lang}|{auth}|{host}");
    let cached = built
        .lock()
        .ok()
        .and_then(|cache| cache.get(&cache_key).cloned());
    let zip = match cached {
        Some(zip) => zip,
        None => {
            let options = ConnectorOptions {
                lang,
                auth,
                target,
                sign_in: sign_in(&state),
            };
            let package =
                package(&options).map_err(|e| ApiError::Internal(anyhow::Error::new(e)))?;
            let zip = web::Bytes::from(
                package
                    .zip()
                    .map_err(|e| ApiError::Internal(anyhow::Error::new(e)))?,
            );
            if let Ok(mut cache) = built.lock() {
                if cache.len() < 24 {
                    cache.insert(cache_key, zip.clone());
                }
            }
            zip
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"tsunagu-connector-{lang}-{auth}.zip\""),
        ))
        .body(zip))
}

/// Where clients reach this server: `TSUNAGU_PUBLIC_URL` (its path kept), else the host the
/// request came to (the package readme then warns when that is this machine).
fn public_target(state: &AppState, req: &HttpRequest) -> Target {
    state
        .config
        .public_url
        .as_deref()
        .and_then(|url| Target::parse(url).ok())
        .or_else(|| {
            let info = req.connection_info();
            Target::parse(&format!("{}://{}", info.scheme(), info.host())).ok()
        })
        .unwrap_or_else(|| Target {
            host: crate::connector::EXAMPLE_HOST.to_owned(),
            path: String::new(),
            insecure: false,
        })
}

/// The sign-in settings this server already knows: the connector's client ID
/// (`TSUNAGU_CONNECTOR_CLIENT_ID`), its one tenant and its API's audience.
fn sign_in(state: &AppState) -> SignIn {
    let mut sign_in = SignIn {
        client_id: state.config.connector_client_id.clone(),
        ..SignIn::default()
    };
    if let Some(oidc) = &state.config.oidc {
        if let [tenant] = oidc.tenants.as_slice() {
            sign_in.tenant = tenant.clone();
        }
        if let Some(audience) = oidc
            .audiences
            .iter()
            .find(|a| a.starts_with("api://"))
            .or(oidc.audiences.first())
        {
            sign_in.resource = audience.clone();
        }
    }
    sign_in
}

/// `GET /stats`: where the community manager's page used to be — a permanent redirect (308)
/// to the members' dashboard (`/dashboard`), so old bookmarks and links still open it.
pub async fn dashboard() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/dashboard"))
        .finish()
}

/// `GET /docs` → `/docs/`, where the interactive reference lives.
pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/docs/"))
        .finish()
}

/// `GET /metrics`: Prometheus text format; needs `TSUNAGU_METRICS_TOKEN` as a bearer token when
/// one is configured.
pub async fn metrics(
    state: web::Data<AppState>,
    metrics: web::Data<crate::metrics::Metrics>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let Some(token) = &state.config.metrics_token {
        let sent = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        if sent != Some(token.as_str()) {
            return Err(ApiError::Unauthorized(crate::error::Text::say(
                "unauthorized-metrics-token",
                vec![],
            )));
        }
    }
    let (size, idle) = state.store.pool_stats();
    let pending = state.store.pending_deliveries().await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(metrics.render(size, idle, pending)))
}
