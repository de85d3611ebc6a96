//! The Power Platform custom connector package, generated from tsunagu's own OpenAPI spec.
//!
//! Power Platform accepts only Swagger 2.0 with its `x-ms-*` extensions, while utoipa emits
//! OpenAPI 3.1, so tsunagu converts its spec itself ([`swagger`]) — written for this spec, not
//! as a general converter. Labels and descriptions come in English or Japanese from
//! `locales/<lang>/connector.ftl` ([`strings`]); a package with any string missing or out of
//! date refuses to generate, so nothing ships half translated. [`package`] adds `apiProperties.json` for the chosen sign-in, the icon,
//! `settings.json` for the `paconn` CLI and a readme.

pub mod icon;
pub mod package;
pub mod strings;
pub mod swagger;

pub use package::{package, Package};

pub use crate::i18n::Language;
use std::fmt;
use std::str::FromStr;

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
    pub lang: Language,
    /// Connection sign-in.
    pub auth: AuthMode,
    /// The host (and optional port) the connector calls, without scheme or path.
    pub host: String,
}

/// The host the committed package in `connector/` is generated for.
pub const EXAMPLE_HOST: &str = "tsunagu.example.com";

/// The brand colour of the icon and `iconBrandColor`.
pub const BRAND_COLOR: &str = "#1f6f5c";

/// Strings a locale file lacks, or whose English changed since they were translated (the
/// package refuses to generate, so nothing ships half translated).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} strings are missing or out of date in locales/{lang}/connector.ftl:\n{}",
    .missing.len(),
    .missing.join("\n")
)]
pub struct Untranslated {
    /// The language of the package.
    pub lang: Language,
    /// The keys (and, for descriptions, the English to translate).
    pub missing: Vec<String>,
}
