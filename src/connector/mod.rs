//! The Power Platform custom connector package, generated from tsunagu's own OpenAPI spec.
//!
//! Power Platform accepts only Swagger 2.0 with its `x-ms-*` extensions, while utoipa emits
//! OpenAPI 3.1, so tsunagu converts its spec itself ([`swagger`]) — written for this spec, not
//! as a general converter. Labels and descriptions come in English or Japanese ([`strings`]);
//! Japanese output fails to generate if any string lacks a translation, so nothing ships half
//! translated. [`package`] adds `apiProperties.json` for the chosen sign-in, the icon,
//! `settings.json` for the `paconn` CLI and a readme.

pub mod icon;
pub mod package;
pub mod strings;
pub mod swagger;

pub use package::{package, Package};

use std::fmt;
use std::str::FromStr;

/// The language of the connector's labels and descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Lang::En),
            "ja" => Ok(Lang::Ja),
            other => Err(format!("unknown language {other:?}: use en or ja")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        })
    }
}

/// How a connection signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMode {
    /// Microsoft Entra ID (OAuth 2.0, `aad` identity provider).
    Aad,
    /// Any OAuth 2.0 / OpenID Connect provider.
    Oauth2,
    /// A personal tsunagu API key, sent in the `X-Api-Key` header.
    ApiKey,
}

impl FromStr for AuthMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "aad" => Ok(AuthMode::Aad),
            "oauth2" => Ok(AuthMode::Oauth2),
            "apikey" => Ok(AuthMode::ApiKey),
            other => Err(format!(
                "unknown auth mode {other:?}: use aad, oauth2 or apikey"
            )),
        }
    }
}

impl fmt::Display for AuthMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AuthMode::Aad => "aad",
            AuthMode::Oauth2 => "oauth2",
            AuthMode::ApiKey => "apikey",
        })
    }
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectorOptions {
    /// Language of labels and descriptions.
    pub lang: Lang,
    /// Connection sign-in.
    pub auth: AuthMode,
    /// The host (and optional port) the connector calls, without scheme or path.
    pub host: String,
}

/// The host the committed package in `connector/` is generated for.
pub const EXAMPLE_HOST: &str = "tsunagu.example.com";

/// The brand colour of the icon and `iconBrandColor`.
pub const BRAND_COLOR: &str = "#1f6f5c";

/// Strings that have no Japanese translation yet (the Japanese package refuses to generate).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} strings have no Japanese translation in src/connector/strings.rs:\n{}", .0.len(), .0.join("\n"))]
pub struct Untranslated(pub Vec<String>);
