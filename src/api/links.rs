//! Absolute links to resources and pages (`Location`, `link`, `next_link`).
//!
//! The base is `TSUNAGU_PUBLIC_URL` when set (behind a proxy it is the only reliable one),
//! otherwise the scheme and host the request came in on.

use crate::api::{AppState, API_PREFIX};
use actix_web::HttpRequest;

/// Builds links for one request.
#[derive(Debug, Clone)]
pub struct Links {
    base: String,
}

impl Links {
    /// Links for this request.
    pub fn new(state: &AppState, req: &HttpRequest) -> Self {
        let base = match &state.config.public_url {
            Some(url) => url.clone(),
            None => {
                let info = req.connection_info();
                format!("{}://{}", info.scheme(), info.host())
            }
        };
        Self { base }
    }

    /// Links outside a request (the command line): `TSUNAGU_PUBLIC_URL`, else the address the
    /// server listens on.
    pub fn configured(config: &crate::config::Config) -> Self {
        let base = match &config.public_url {
            Some(url) => url.clone(),
            None => format!("http://{}", config.bind),
        };
        Self { base }
    }

    /// `{base}{path}`, for pages outside the API.
    pub fn site(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `{base}/api/v1{path}`.
    pub fn api(&self, path: &str) -> String {
        format!("{}{API_PREFIX}{path}", self.base)
    }

    /// The current request's URL with `cursor` set to `cursor` (other parameters kept).
    pub fn with_cursor(&self, req: &HttpRequest, cursor: &str) -> String {
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
            if k != "cursor" {
                pairs.append_pair(&k, &v);
            }
        }
        pairs.append_pair("cursor", cursor);
        format!("{}{}?{}", self.base, req.path(), pairs.finish())
    }
}
