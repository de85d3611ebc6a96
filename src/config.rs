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

/// Everything the service can be told.
#[derive(Debug, Clone)]
pub struct Config {
    /// `TSUNAGU_BIND`: address to listen on.
    pub bind: SocketAddr,
    /// `TSUNAGU_DATABASE_URL`: `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// `TSUNAGU_DB_MAX_CONNECTIONS`: pool size.
    pub db_max_connections: u32,
    /// `TSUNAGU_PUBLIC_URL`: the URL clients reach the service at (links, `Location`); when
    /// unset, taken from each request's `Host`.
    pub public_url: Option<String>,
    /// `TSUNAGU_MAX_BODY_BYTES`: largest accepted request body.
    pub max_body_bytes: usize,
    /// `TSUNAGU_LOG`: log filter (`info`, `debug`, `tsunagu=debug,sqlx=warn`, …).
    pub log_filter: String,
    /// `TSUNAGU_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `TSUNAGU_WORKERS`: HTTP worker threads (default: one per core).
    pub workers: Option<usize>,
}

/// Default database: a SQLite file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://tsunagu.db";

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: DEFAULT_DATABASE_URL.into(),
            db_max_connections: 10,
            public_url: None,
            max_body_bytes: 256 * 1024,
            log_filter: "info".into(),
            log_format: LogFormat::Text,
            workers: None,
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
        Ok(config)
    }
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
    fn public_url_loses_its_trailing_slash() {
        let c = from(&[("TSUNAGU_PUBLIC_URL", "https://tsunagu.example.com/")]).unwrap();
        assert_eq!(c.public_url.as_deref(), Some("https://tsunagu.example.com"));
    }
}
