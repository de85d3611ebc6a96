//! Settings, read only from `TSUNAGU_*` environment variables, with defaults that run out of
//! the box: an embedded SQLite file next to where the binary starts, on loopback port 8080.

use anyhow::{bail, Context};
use std::net::SocketAddr;

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Origins that may frame tsunagu's pages by default: Microsoft Teams (web, desktop and mobile
/// clients) and the Microsoft 365 hosts that show Teams tabs.
pub const DEFAULT_FRAME_ANCESTORS: [&str; 5] = [
    "https://teams.microsoft.com",
    "https://*.teams.microsoft.com",
    "https://*.cloud.microsoft",
    "https://*.office.com",
    "https://*.skype.com",
];

/// Company sign-in with an OpenID Connect provider (Entra ID, Okta, Keycloak, Google, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcConfig {
    /// `TSUNAGU_OIDC_ISSUER`: the provider's issuer URL (discovery is read from it).
    pub issuer: String,
    /// `TSUNAGU_OIDC_AUDIENCE`: accepted `aud` values, comma-separated (e.g. the app ID URI
    /// and the client id).
    pub audiences: Vec<String>,
    /// `TSUNAGU_OIDC_EXTRA_ISSUERS`: other accepted `iss` values; `{tenantid}` is replaced by
    /// the token's `tid` (Entra ID v1 tokens: `https://sts.windows.net/{tenantid}/`).
    pub extra_issuers: Vec<String>,
    /// `TSUNAGU_OIDC_TENANTS`: if set, only tokens whose `tid` is listed.
    pub tenants: Vec<String>,
    /// `TSUNAGU_OIDC_SUBJECT_CLAIM`: claims naming the person, first present wins.
    pub subject_claims: Vec<String>,
    /// `TSUNAGU_OIDC_NAME_CLAIM`: claims holding the display name, first present wins.
    pub name_claims: Vec<String>,
    /// `TSUNAGU_OIDC_EMAIL_CLAIM`: claims holding the e-mail address, first present wins.
    pub email_claims: Vec<String>,
    /// `TSUNAGU_OIDC_ROLES_CLAIM`: the claim listing the person's roles.
    pub roles_claim: String,
    /// `TSUNAGU_OIDC_MODERATOR_ROLE`: the role value that makes a moderator.
    pub moderator_role: String,
    /// `TSUNAGU_OIDC_ADMIN_ROLE`: the role value that makes an admin.
    pub admin_role: String,
    /// `TSUNAGU_OIDC_TRUST_EMAIL`: `true` to link a first sign-in to a member an admin created
    /// by an `email` claim the provider does not mark `email_verified` (Entra ID sends no such
    /// claim; turn on only when your directory manages the mail attribute). Default `false`:
    /// only a verified `email` links, never `preferred_username` or `upn`.
    pub trust_email: bool,
    /// `TSUNAGU_OIDC_CLIENT_ID`: tsunagu's client id, for browser sign-in.
    pub client_id: Option<String>,
    /// `TSUNAGU_OIDC_CLIENT_SECRET`: its secret, for confidential clients.
    pub client_secret: Option<String>,
}

/// RFC 7662 token introspection for providers that issue opaque tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntrospectionConfig {
    /// `TSUNAGU_OAUTH_INTROSPECTION_URL`.
    pub url: String,
    /// `TSUNAGU_OAUTH_CLIENT_ID`.
    pub client_id: String,
    /// `TSUNAGU_OAUTH_CLIENT_SECRET`.
    pub client_secret: Option<String>,
}

/// Everything the service can be told.
#[derive(Debug, Clone)]
pub struct Config {
    /// `TSUNAGU_BIND`: address to listen on.
    pub bind: SocketAddr,
    /// `TSUNAGU_DATABASE_URL`: `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// `TSUNAGU_SQLITE_SYNCHRONOUS`: `full` (default: a 201 survives a power cut) or `normal`
    /// (faster; in WAL mode the last commits may be lost on a power cut, never corrupted).
    pub sqlite_synchronous_full: bool,
    /// `TSUNAGU_DB_MAX_CONNECTIONS`: pool size.
    pub db_max_connections: u32,
    /// `TSUNAGU_PUBLIC_URL`: the URL clients reach the service at (links, `Location`); when
    /// unset, taken from each request's `Host`.
    pub public_url: Option<String>,
    /// `TSUNAGU_MAX_BODY_BYTES`: largest accepted request body.
    pub max_body_bytes: usize,
    /// `TSUNAGU_BODY_TIMEOUT_SECS`: seconds a request body may take to arrive (default 15).
    pub body_timeout_secs: u64,
    /// `TSUNAGU_FRAME_ANCESTORS`: origins besides this site that may show its pages in a frame
    /// (space- or comma-separated CSP sources); default: Microsoft Teams, for the Teams tab.
    /// `none` allows no other origin.
    pub frame_ancestors: Vec<String>,
    /// `TSUNAGU_DASHBOARD_FOR`: who may open the community dashboard page (`/dashboard`):
    /// `moderators` (moderators and admins, the default) or `members` (everyone signed in —
    /// the figures are counts, never per anonymous asker, and `/api/v1/stats/*` serves them to
    /// every member anyway).
    pub dashboard_for_members: bool,
    /// `TSUNAGU_LOG`: log filter (`info`, `debug`, `tsunagu=debug,sqlx=warn`, …).
    pub log_filter: String,
    /// `TSUNAGU_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `TSUNAGU_WORKERS`: HTTP worker threads (default: one per core).
    pub workers: Option<usize>,
    /// Company sign-in, when `TSUNAGU_OIDC_ISSUER` is set.
    pub oidc: Option<OidcConfig>,
    /// Token introspection, when `TSUNAGU_OAUTH_INTROSPECTION_URL` is set.
    pub introspection: Option<IntrospectionConfig>,
    /// `TSUNAGU_RATE_LIMIT_PER_MINUTE`: requests per minute per caller (0 turns limits off).
    pub rate_limit_per_minute: u32,
    /// `TSUNAGU_RATE_LIMIT_BURST`: how many requests a caller may make at once.
    pub rate_limit_burst: u32,
    /// `TSUNAGU_METRICS_TOKEN`: when set, `GET /metrics` needs `Authorization: Bearer <token>`.
    pub metrics_token: Option<String>,
    /// `TSUNAGU_CONNECTOR_CLIENT_ID`: the client ID of the connector's app registration, put
    /// into the packages `/connector.zip` serves (and the default of `tsunagu connector
    /// --client-id`).
    pub connector_client_id: Option<String>,
    /// `TSUNAGU_SHUTDOWN_GRACE_SECS`: how long in-flight requests may finish after SIGTERM.
    pub shutdown_grace_secs: u64,
    /// `TSUNAGU_CORS_ORIGINS`: browser origins allowed to call the API (none by default).
    pub cors_origins: Vec<String>,
    /// `TSUNAGU_UTC_OFFSET` (`+09:00`): where the members' day starts, for the tip of the day;
    /// in minutes east of UTC.
    pub utc_offset_minutes: i32,
    /// `TSUNAGU_DEFAULT_LANGUAGE` (`en` or `ja`, default `en`): the language of problem details
    /// for a request without `Accept-Language`.
    pub default_language: crate::i18n::Language,
    /// `TSUNAGU_SESSION_SECRET`: signs browser session cookies (at least 32 characters);
    /// random per start when unset, so sessions end when the service restarts.
    pub session_secret: Option<String>,
    /// `TSUNAGU_TEAMS_TAB`: `true` when the pages are shown in a Microsoft Teams tab. A tab is a
    /// frame inside Teams' own site, where browsers send only `SameSite=None; Secure` cookies,
    /// so the session and form-token cookies are sent so (forms stay protected by their token
    /// and the same-origin check). Needs `https` (`TSUNAGU_PUBLIC_URL=https://…`).
    pub teams_tab: bool,
    /// Webhook delivery (triggers).
    pub webhooks: WebhookConfig,
    /// `TSUNAGU_SEARCH_GLOSSARY`: a file of the company's own search synonyms, one group per
    /// line (`kintone, キントーン`), added to the built-in glossary.
    pub search_glossary: crate::domain::search::Glossary,
    /// `TSUNAGU_SEARCH_WALK` (1000): PostgreSQL only — how many questions, newest (or oldest)
    /// first, a search looks through before it turns to the whole search index. A word in at
    /// least one question in 50 fills a page of 20 within the first 1000, without fetching all
    /// its matches to sort them; a rarer word costs this many rows more.
    pub search_walk: i64,
}

/// How webhook deliveries are made (`TSUNAGU_WEBHOOK_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookConfig {
    /// `TSUNAGU_WEBHOOK_ALLOW_HOSTS`: callback hosts exempt from the https and public-address
    /// rules (comma-separated, e.g. an internal relay); none by default.
    pub allow_hosts: Vec<String>,
    /// `TSUNAGU_WEBHOOK_TIMEOUT_SECS`: how long one attempt may take (10).
    pub timeout_secs: u64,
    /// `TSUNAGU_WEBHOOK_MAX_AGE_HOURS`: how long a delivery is retried before it is marked
    /// failed (24).
    pub max_age_hours: u64,
    /// `TSUNAGU_WEBHOOK_CONCURRENCY`: deliveries in flight at once per replica (16).
    pub concurrency: usize,
    /// `TSUNAGU_WEBHOOK_RETRY_BASE_MS`: the first retry's delay; each next one doubles, with
    /// jitter, up to an hour (2000).
    pub retry_base_ms: u64,
    /// `TSUNAGU_WEBHOOK_SWEEP_SECS`: how often unanswered questions are looked for (60).
    pub sweep_secs: u64,
    /// `TSUNAGU_WEBHOOK_POLL_MS`: how often the worker looks for due deliveries (500).
    pub poll_ms: u64,
    /// `TSUNAGU_EVENT_RETENTION_DAYS`: how long events and finished deliveries are kept (30);
    /// the event feed and the admin view reach back this far.
    pub event_retention_days: u64,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        Self {
            allow_hosts: Vec::new(),
            timeout_secs: 10,
            max_age_hours: 24,
            concurrency: 16,
            retry_base_ms: 2000,
            sweep_secs: 60,
            poll_ms: 500,
            event_retention_days: 30,
        }
    }
}

/// Default database: a SQLite file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://tsunagu.db";

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: DEFAULT_DATABASE_URL.into(),
            db_max_connections: 10,
            sqlite_synchronous_full: true,
            public_url: None,
            max_body_bytes: 256 * 1024,
            body_timeout_secs: 15,
            frame_ancestors: DEFAULT_FRAME_ANCESTORS
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            dashboard_for_members: false,
            log_filter: "info".into(),
            log_format: LogFormat::Text,
            workers: None,
            oidc: None,
            introspection: None,
            session_secret: None,
            teams_tab: false,
            utc_offset_minutes: 0,
            default_language: crate::i18n::Language::En,
            shutdown_grace_secs: 20,
            metrics_token: None,
            connector_client_id: None,
            rate_limit_per_minute: 600,
            rate_limit_burst: 60,
            cors_origins: Vec::new(),
            webhooks: WebhookConfig::default(),
            search_glossary: Default::default(),
            search_walk: 1000,
        }
    }
}

impl Config {
    /// Reads the environment; a malformed value is an error naming the variable.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let mut config = Self::default();
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = get("TSUNAGU_BIND") {
            config.bind = v.parse().with_context(|| {
                format!("TSUNAGU_BIND={v:?} is not an address like 127.0.0.1:8080")
            })?;
        }
        if let Some(v) = get("TSUNAGU_DATABASE_URL") {
            config.database_url = v;
        }
        if let Some(v) = get("TSUNAGU_SQLITE_SYNCHRONOUS") {
            config.sqlite_synchronous_full = match v.trim().to_ascii_lowercase().as_str() {
                "full" => true,
                "normal" => false,
                other => bail!("TSUNAGU_SQLITE_SYNCHRONOUS must be full or normal (got {other:?})"),
            };
        }
        if let Some(v) = get("TSUNAGU_DB_MAX_CONNECTIONS") {
            config.db_max_connections = parse_positive("TSUNAGU_DB_MAX_CONNECTIONS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_PUBLIC_URL") {
            let url = url::Url::parse(&v)
                .with_context(|| format!("TSUNAGU_PUBLIC_URL={v:?} is not a URL"))?;
            if !matches!(url.scheme(), "http" | "https") {
                bail!("TSUNAGU_PUBLIC_URL must be an http(s) URL (got {v:?})");
            }
            config.public_url = Some(v.trim_end_matches('/').to_owned());
        }
        if let Some(v) = get("TSUNAGU_MAX_BODY_BYTES") {
            config.max_body_bytes = parse_positive("TSUNAGU_MAX_BODY_BYTES", &v)?;
        }
        if let Some(v) = get("TSUNAGU_DASHBOARD_FOR") {
            config.dashboard_for_members = match v.trim().to_ascii_lowercase().as_str() {
                "moderators" => false,
                "members" => true,
                _ => bail!("TSUNAGU_DASHBOARD_FOR must be moderators or members (got {v:?})"),
            };
        }
        if let Some(v) = get("TSUNAGU_FRAME_ANCESTORS") {
            let sources: Vec<String> = v
                .split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if let Some(bad) = sources.iter().find(|s| {
                s.as_str() == "*" || s.chars().any(|c| c.is_control() || c == ';' || c == '\'')
            }) {
                bail!("TSUNAGU_FRAME_ANCESTORS: {bad:?} is not a CSP source such as https://teams.microsoft.com");
            }
            config.frame_ancestors = if sources.iter().any(|s| s == "none") {
                Vec::new()
            } else {
                sources
            };
        }
        if let Some(v) = get("TSUNAGU_BODY_TIMEOUT_SECS") {
            config.body_timeout_secs = parse_positive::<u64>("TSUNAGU_BODY_TIMEOUT_SECS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_LOG") {
            config.log_filter = v;
        }
        if let Some(v) = get("TSUNAGU_LOG_FORMAT") {
            config.log_format = match v.as_str() {
                "text" => LogFormat::Text,
                "json" => LogFormat::Json,
                other => bail!("TSUNAGU_LOG_FORMAT must be text or json (got {other:?})"),
            };
        }
        if let Some(v) = get("TSUNAGU_WORKERS") {
            config.workers = Some(parse_positive("TSUNAGU_WORKERS", &v)?);
        }
        let list = |name: &str, default: &str| -> Vec<String> {
            get(name)
                .unwrap_or_else(|| default.to_owned())
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        if let Some(issuer) = get("TSUNAGU_OIDC_ISSUER") {
            url::Url::parse(&issuer)
                .with_context(|| format!("TSUNAGU_OIDC_ISSUER={issuer:?} is not a URL"))?;
            let audiences = list("TSUNAGU_OIDC_AUDIENCE", "");
            if audiences.is_empty() {
                bail!("TSUNAGU_OIDC_AUDIENCE must name the audience(s) tokens are issued for (e.g. api://tsunagu)");
            }
            config.oidc = Some(OidcConfig {
                issuer: issuer.trim_end_matches('/').to_owned(),
                audiences,
                extra_issuers: list("TSUNAGU_OIDC_EXTRA_ISSUERS", ""),
                tenants: list("TSUNAGU_OIDC_TENANTS", ""),
                subject_claims: list("TSUNAGU_OIDC_SUBJECT_CLAIM", "oid,sub"),
                name_claims: list("TSUNAGU_OIDC_NAME_CLAIM", "name,preferred_username"),
                email_claims: list("TSUNAGU_OIDC_EMAIL_CLAIM", "email,preferred_username,upn"),
                roles_claim: get("TSUNAGU_OIDC_ROLES_CLAIM").unwrap_or_else(|| "roles".into()),
                moderator_role: get("TSUNAGU_OIDC_MODERATOR_ROLE")
                    .unwrap_or_else(|| "Tsunagu.Moderator".into()),
                admin_role: get("TSUNAGU_OIDC_ADMIN_ROLE")
                    .unwrap_or_else(|| "Tsunagu.Admin".into()),
                trust_email: match get("TSUNAGU_OIDC_TRUST_EMAIL")
                    .map(|v| v.trim().to_ascii_lowercase())
                {
                    None => false,
                    Some(v) if v == "true" || v == "1" => true,
                    Some(v) if v == "false" || v == "0" => false,
                    Some(other) => {
                        bail!("TSUNAGU_OIDC_TRUST_EMAIL must be true or false (got {other:?})")
                    }
                },
                client_id: get("TSUNAGU_OIDC_CLIENT_ID"),
                client_secret: get("TSUNAGU_OIDC_CLIENT_SECRET"),
            });
        }
        if let Some(url) = get("TSUNAGU_OAUTH_INTROSPECTION_URL") {
            url::Url::parse(&url)
                .with_context(|| format!("TSUNAGU_OAUTH_INTROSPECTION_URL={url:?} is not a URL"))?;
            let client_id = get("TSUNAGU_OAUTH_CLIENT_ID").context(
                "TSUNAGU_OAUTH_INTROSPECTION_URL needs TSUNAGU_OAUTH_CLIENT_ID (and usually TSUNAGU_OAUTH_CLIENT_SECRET)",
            )?;
            config.introspection = Some(IntrospectionConfig {
                url,
                client_id,
                client_secret: get("TSUNAGU_OAUTH_CLIENT_SECRET"),
            });
        }
        if let Some(v) = get("TSUNAGU_RATE_LIMIT_PER_MINUTE") {
            config.rate_limit_per_minute = v
                .trim()
                .parse()
                .with_context(|| format!("TSUNAGU_RATE_LIMIT_PER_MINUTE={v:?} must be a whole number (0 turns limits off)"))?;
        }
        if let Some(v) = get("TSUNAGU_RATE_LIMIT_BURST") {
            config.rate_limit_burst = parse_positive("TSUNAGU_RATE_LIMIT_BURST", &v)?;
        }
        config.metrics_token = get("TSUNAGU_METRICS_TOKEN");
        config.connector_client_id = get("TSUNAGU_CONNECTOR_CLIENT_ID")
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
        if config
            .metrics_token
            .as_deref()
            .is_some_and(|t| t.trim().chars().count() < 16)
        {
            bail!("TSUNAGU_METRICS_TOKEN must be at least 16 characters (unset it to leave /metrics open)");
        }
        if let Some(v) = get("TSUNAGU_SHUTDOWN_GRACE_SECS") {
            config.shutdown_grace_secs = parse_positive("TSUNAGU_SHUTDOWN_GRACE_SECS", &v)?;
        }
        for origin in list("TSUNAGU_CORS_ORIGINS", "") {
            let url = url::Url::parse(&origin)
                .with_context(|| format!("TSUNAGU_CORS_ORIGINS: {origin:?} is not an origin like https://apps.contoso.com"))?;
            config.cors_origins.push(url.origin().ascii_serialization());
        }
        if let Some(v) = get("TSUNAGU_DEFAULT_LANGUAGE") {
            config.default_language = crate::i18n::Language::parse(&v)
                .with_context(|| format!("TSUNAGU_DEFAULT_LANGUAGE={v:?} must be en or ja"))?;
        }
        if let Some(v) = get("TSUNAGU_UTC_OFFSET") {
            config.utc_offset_minutes = parse_utc_offset(&v).with_context(|| {
                format!("TSUNAGU_UTC_OFFSET={v:?} must look like +09:00 or -05:00")
            })?;
        }
        config.webhooks.allow_hosts = list("TSUNAGU_WEBHOOK_ALLOW_HOSTS", "")
            .into_iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        if let Some(bad) = config
            .webhooks
            .allow_hosts
            .iter()
            .find(|h| h.contains(['*', '/']))
        {
            bail!("TSUNAGU_WEBHOOK_ALLOW_HOSTS names hosts one by one (e.g. relay.contoso.local), not patterns or URLs (got {bad:?})");
        }
        if let Some(v) = get("TSUNAGU_WEBHOOK_TIMEOUT_SECS") {
            config.webhooks.timeout_secs = parse_positive("TSUNAGU_WEBHOOK_TIMEOUT_SECS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_WEBHOOK_MAX_AGE_HOURS") {
            config.webhooks.max_age_hours = parse_positive("TSUNAGU_WEBHOOK_MAX_AGE_HOURS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_WEBHOOK_CONCURRENCY") {
            config.webhooks.concurrency = parse_positive("TSUNAGU_WEBHOOK_CONCURRENCY", &v)?;
        }
        if let Some(v) = get("TSUNAGU_WEBHOOK_RETRY_BASE_MS") {
            config.webhooks.retry_base_ms = parse_positive("TSUNAGU_WEBHOOK_RETRY_BASE_MS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_WEBHOOK_SWEEP_SECS") {
            config.webhooks.sweep_secs = parse_positive("TSUNAGU_WEBHOOK_SWEEP_SECS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_EVENT_RETENTION_DAYS") {
            config.webhooks.event_retention_days =
                parse_positive("TSUNAGU_EVENT_RETENTION_DAYS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_WEBHOOK_POLL_MS") {
            config.webhooks.poll_ms = parse_positive("TSUNAGU_WEBHOOK_POLL_MS", &v)?;
        }
        if let Some(v) = get("TSUNAGU_SEARCH_WALK") {
            config.search_walk = parse_positive("TSUNAGU_SEARCH_WALK", &v)?;
        }
        if let Some(path) = get("TSUNAGU_SEARCH_GLOSSARY") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("TSUNAGU_SEARCH_GLOSSARY: cannot read {path}"))?;
            config.search_glossary = crate::domain::search::Glossary::extended(&text)
                .map_err(|e| anyhow::anyhow!("TSUNAGU_SEARCH_GLOSSARY {path}, {e}"))?;
        }
        if let Some(secret) = get("TSUNAGU_SESSION_SECRET") {
            if secret.chars().count() < 32 {
                bail!("TSUNAGU_SESSION_SECRET must be at least 32 characters");
            }
            config.session_secret = Some(secret);
        }
        if let Some(v) = get("TSUNAGU_TEAMS_TAB") {
            config.teams_tab = match v.trim().to_ascii_lowercase().as_str() {
                "true" | "1" => true,
                "false" | "0" => false,
                _ => bail!("TSUNAGU_TEAMS_TAB must be true or false (got {v:?})"),
            };
            let https = config
                .public_url
                .as_deref()
                .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://"));
            if config.teams_tab && !https {
                bail!("TSUNAGU_TEAMS_TAB needs TSUNAGU_PUBLIC_URL=https://…: Teams shows tabs over https only, and browsers drop SameSite=None cookies that are not Secure");
            }
        }
        Ok(config)
    }
}

/// `+09:00` → 540, `-05:30` → -330, `Z` → 0.
fn parse_utc_offset(v: &str) -> Option<i32> {
    let v = v.trim();
    if v == "Z" || v == "UTC" {
        return Some(0);
    }
    let (sign, rest) = match v.chars().next()? {
        '+' => (1, &v[1..]),
        '-' => (-1, &v[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=14).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 60 + m))
}

fn parse_positive<T: std::str::FromStr + PartialOrd + From<u8>>(
    name: &str,
    v: &str,
) -> anyhow::Result<T> {
    match v.trim().parse::<T>() {
        Ok(n) if n >= T::from(1) => Ok(n),
        _ => bail!("{name}={v:?} must be a positive whole number"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> anyhow::Result<Config> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn a_search_glossary_file_is_read_and_checked() {
        let dir = std::env::temp_dir().join(format!("tsunagu-glossary-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.txt");
        std::fs::write(&good, "kintone, キントーン\n").unwrap();
        let c = from(&[("TSUNAGU_SEARCH_GLOSSARY", good.to_str().unwrap())]).unwrap();
        assert_eq!(
            c.search_glossary.alternatives("kintone"),
            ["kintone", "キントーン"]
        );
        let bad = dir.join("bad.txt");
        std::fs::write(&bad, "# ok\nkintone\n").unwrap();
        let e = from(&[("TSUNAGU_SEARCH_GLOSSARY", bad.to_str().unwrap())])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("TSUNAGU_SEARCH_GLOSSARY") && e.contains("line 2"),
            "{e}"
        );
        let e = from(&[("TSUNAGU_SEARCH_GLOSSARY", "/no/such/file")]).unwrap_err();
        assert!(
            format!("{e:#}").contains("cannot read /no/such/file"),
            "{e:#}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_teams_tab_and_the_dashboard_audience_are_checked() {
        let e = from(&[("TSUNAGU_TEAMS_TAB", "true")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("https"), "{e}");
        let c = from(&[
            ("TSUNAGU_TEAMS_TAB", "true"),
            ("TSUNAGU_PUBLIC_URL", "https://tsunagu.contoso.co.jp"),
            ("TSUNAGU_DASHBOARD_FOR", "members"),
        ])
        .unwrap();
        assert!(c.teams_tab && c.dashboard_for_members);
        let upper = from(&[
            ("TSUNAGU_TEAMS_TAB", "true"),
            ("TSUNAGU_PUBLIC_URL", "HTTPS://tsunagu.contoso.co.jp"),
        ]);
        assert!(upper.is_ok(), "{upper:?}");
        assert!(from(&[("TSUNAGU_TEAMS_TAB", "yes")]).is_err());
        assert!(from(&[("TSUNAGU_DASHBOARD_FOR", "everyone")]).is_err());
        assert!(!from(&[]).unwrap().dashboard_for_members);
    }

    #[test]
    fn defaults_serve_sqlite_on_loopback() {
        let c = from(&[]).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.max_body_bytes, 262_144);
    }

    #[test]
    fn bad_values_name_the_variable() {
        let e = from(&[("TSUNAGU_BIND", "nope")]).unwrap_err().to_string();
        assert!(e.contains("TSUNAGU_BIND"), "{e}");
        let e = from(&[("TSUNAGU_MAX_BODY_BYTES", "0")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("TSUNAGU_MAX_BODY_BYTES"), "{e}");
        let e = from(&[("TSUNAGU_LOG_FORMAT", "xml")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("text or json"), "{e}");
    }

    #[test]
    fn oidc_settings_have_entra_friendly_defaults() {
        let c = from(&[
            (
                "TSUNAGU_OIDC_ISSUER",
                "https://login.example.com/tenant/v2.0/",
            ),
            ("TSUNAGU_OIDC_AUDIENCE", "api://tsunagu, 1234"),
        ])
        .unwrap();
        let oidc = c.oidc.unwrap();
        assert_eq!(oidc.issuer, "https://login.example.com/tenant/v2.0");
        assert_eq!(oidc.audiences, ["api://tsunagu", "1234"]);
        assert_eq!(oidc.subject_claims, ["oid", "sub"]);
        assert_eq!(oidc.roles_claim, "roles");
        assert_eq!(oidc.admin_role, "Tsunagu.Admin");
        let e = from(&[("TSUNAGU_OIDC_ISSUER", "https://x.example.com")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("TSUNAGU_OIDC_AUDIENCE"), "{e}");
        let e = from(&[("TSUNAGU_SESSION_SECRET", "short")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("32"), "{e}");
    }

    #[test]
    fn utc_offsets_are_read_as_minutes() {
        assert_eq!(
            from(&[("TSUNAGU_UTC_OFFSET", "+09:00")])
                .unwrap()
                .utc_offset_minutes,
            540
        );
        assert_eq!(
            from(&[("TSUNAGU_UTC_OFFSET", "-05:30")])
                .unwrap()
                .utc_offset_minutes,
            -330
        );
        assert!(from(&[("TSUNAGU_UTC_OFFSET", "JST")]).is_err());
    }

    #[test]
    fn public_url_loses_its_trailing_slash() {
        let c = from(&[("TSUNAGU_PUBLIC_URL", "https://tsunagu.example.com/")]).unwrap();
        assert_eq!(c.public_url.as_deref(), Some("https://tsunagu.example.com"));
        let c = from(&[("TSUNAGU_PUBLIC_URL", "http://127.0.0.1:8080/")]).unwrap();
        assert_eq!(c.public_url.as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(Config::default().public_url, None);
    }
}
