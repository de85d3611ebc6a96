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

use crate::i18n::Arg;
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
    /// Where the connector calls.
    pub target: Target,
    /// The sign-in app registrations (Entra ID or OAuth 2.0).
    pub sign_in: SignIn,
}

impl ConnectorOptions {
    /// Options for `target` (a URL or a host, see [`Target::parse`]) with the default sign-in
    /// settings.
    pub fn new(lang: Language, auth: AuthMode, target: &str) -> Result<Self, String> {
        Ok(Self {
            lang,
            auth,
            target: Target::parse(target)?,
            sign_in: SignIn::default(),
        })
    }

    /// What an admin must fix before the package works: placeholder or loopback host, plain
    /// HTTP, a placeholder client ID. Said on stderr by `tsunagu connector` and at the top of
    /// the package readme.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let host = self.target.hostname();
        if is_placeholder(host) {
            warnings.push(Warning::PlaceholderHost);
        } else if is_loopback(host) {
            warnings.push(Warning::LoopbackHost);
        }
        if self.target.insecure {
            warnings.push(Warning::PlainHttp);
        }
        if self.auth != AuthMode::ApiKey && self.sign_in.client_id.is_none() {
            warnings.push(Warning::PlaceholderClientId);
        }
        if self.auth == AuthMode::Oauth2 {
            warnings.push(Warning::PlaceholderOauthUrls);
        }
        warnings
    }
}

/// Where Power Platform calls the server: its host (and port) and the path tsunagu is served
/// under, if any (`https://intra.example.com/tsunagu` → host `intra.example.com`, base path
/// `/tsunagu/api/v1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Host and optional port, no scheme or path (Swagger 2.0 `host`).
    pub host: String,
    /// The path before `/api/v1`: empty, or `/tsunagu` (no trailing slash).
    pub path: String,
    /// The URL said `http://`: Power Platform calls custom connectors over HTTPS only.
    pub insecure: bool,
}

impl Target {
    /// Reads a URL (`https://intra.example.com/tsunagu`) or a host with an optional port and
    /// path (`intra.example.com:8443/tsunagu`). Errors name what is wrong: a scheme other than
    /// http(s), a query or fragment, no host.
    pub fn parse(input: &str) -> Result<Self, String> {
        let input = input.trim();
        let with_scheme = if input.contains("://") {
            input.to_owned()
        } else {
            format!("https://{input}")
        };
        let url = url::Url::parse(&with_scheme)
            .map_err(|e| format!("{input:?} is not a URL or host name ({e})"))?;
        if !["http", "https"].contains(&url.scheme()) {
            return Err(format!(
                "{input:?}: the connector calls https:// (got {}://)",
                url.scheme()
            ));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "{input:?}: give the server's address without ? or #"
            ));
        }
        let hostname = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| format!("{input:?} has no host name"))?;
        // A host name or address only: nothing that could break out of the JSON or readme.
        if !hostname
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]_".contains(c))
        {
            return Err(format!("{input:?} has characters a host name cannot have"));
        }
        let hostname = hostname.trim_end_matches('.');
        let host = match url.port() {
            Some(port) => format!("{hostname}:{port}"),
            None => hostname.to_owned(),
        };
        Ok(Self {
            host,
            // `…/api/v1` given as the address: the prefix is added once, not twice.
            path: url
                .path()
                .trim_end_matches('/')
                .trim_end_matches(crate::api::API_PREFIX)
                .trim_end_matches('/')
                .to_owned(),
            insecure: url.scheme() == "http",
        })
    }

    /// The host name alone (no port; IPv6 without brackets).
    pub fn hostname(&self) -> &str {
        let host = match self.host.rsplit_once(':') {
            Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
            _ => self.host.as_str(),
        };
        host.trim_start_matches('[').trim_end_matches(']')
    }

    /// The Swagger `basePath`: the path, then `/api/v1`.
    pub fn base_path(&self) -> String {
        format!("{}{}", self.path, crate::api::API_PREFIX)
    }

    /// The server's address as people would type it: `https://host/path`.
    pub fn url(&self) -> String {
        format!("https://{}{}", self.host, self.path)
    }
}

/// Host names that are certainly not a real server: `example.com` and its subdomains, and the
/// reserved `.example`, `.test`, `.invalid` and `.localhost` names (RFC 2606, RFC 6761).
fn is_placeholder(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    ["example.com", "example.org", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".test", ".invalid"]
            .iter()
            .any(|tld| host.ends_with(tld))
}

/// Names that mean "this machine": unreachable from Microsoft's cloud.
fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .map(|ip| ip.to_canonical())
            .is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified())
}

/// The app registrations an OAuth connection signs in with (ignored for `apikey`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn {
    /// The client ID of the connector's own app registration; a placeholder (and a warning)
    /// when absent.
    pub client_id: Option<String>,
    /// Entra ID tenant: a tenant ID or domain, or `common` (any work account).
    pub tenant: String,
    /// Entra ID: the Application ID URI of tsunagu's API registration (the token's audience).
    pub resource: String,
}

impl Default for SignIn {
    fn default() -> Self {
        Self {
            client_id: None,
            tenant: "common".into(),
            resource: "api://tsunagu".into(),
        }
    }
}

/// Something an admin must fix before the package works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// The host is an example name.
    PlaceholderHost,
    /// The host is this machine (`127.0.0.1`, `localhost`).
    LoopbackHost,
    /// The address is `http://`.
    PlainHttp,
    /// No client ID was given for an OAuth sign-in.
    PlaceholderClientId,
    /// An `oauth2` package's authorization, token and refresh URLs are examples.
    PlaceholderOauthUrls,
}

impl Warning {
    /// Its message key in `locales/<lang>/connector.ftl`.
    pub fn key(self) -> &'static str {
        match self {
            Warning::PlaceholderHost => "warning-placeholder-host",
            Warning::LoopbackHost => "warning-loopback-host",
            Warning::PlainHttp => "warning-plain-http",
            Warning::PlaceholderClientId => "warning-placeholder-client-id",
            Warning::PlaceholderOauthUrls => "warning-placeholder-oauth-urls",
        }
    }

    /// The values its message names.
    pub fn args(options: &ConnectorOptions) -> Vec<(&'static str, Arg)> {
        vec![
            ("host", options.target.host.as_str().into()),
            ("auth", options.auth.to_string().into()),
        ]
    }

    /// The warning in `lang`, about `options`.
    pub fn say(self, lang: Language, options: &ConnectorOptions) -> String {
        crate::i18n::text(lang, self.key(), &Self::args(options))
    }
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
