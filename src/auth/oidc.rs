//! Bearer JWTs from the company's OpenID provider: discovery, a cached JWKS, and validation.
//!
//! The algorithm is pinned to what the signing key says (RS*/PS*/ES*), never to the token's
//! header, so `alg: none` and HS256-signed-with-the-public-key tokens are refused. The JWKS is
//! fetched on first use and refetched when a token names an unknown `kid` — at most once per
//! minute, so a flood of forged tokens cannot make tsunagu hammer the provider.

use crate::config::OidcConfig;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, JwkSet, KeyAlgorithm};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, RwLock};

/// Least time between two JWKS refetches caused by unknown key ids.
pub const JWKS_REFRESH_COOLDOWN: Duration = Duration::from_secs(60);
/// Clock skew tolerated on `exp` and `nbf`, in seconds.
pub const LEEWAY_SECS: u64 = 60;

/// Why a token was refused (logged at debug level; the client sees it in `WWW-Authenticate`).
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    /// Not a JWT, or its header cannot be read.
    #[error("the token is not a readable JWT")]
    Malformed,
    /// The header names an algorithm tsunagu never accepts.
    #[error("the token's algorithm is not accepted")]
    Algorithm,
    /// No key with the token's `kid`, even after refreshing the JWKS.
    #[error("the token is signed with an unknown key")]
    UnknownKey,
    /// Signature, expiry, not-before or audience check failed.
    #[error("the token is invalid: {0}")]
    Invalid(String),
    /// The token comes from another issuer.
    #[error("the token was issued by another provider")]
    Issuer,
    /// The token's tenant is not allowed.
    #[error("the token's tenant is not allowed")]
    Tenant,
    /// The ID token's nonce does not match the sign-in.
    #[error("the sign-in nonce does not match")]
    Nonce,
    /// The provider cannot be reached or answered nonsense.
    #[error("the identity provider is unavailable: {0}")]
    Provider(String),
}

/// Endpoints read from the provider's discovery document.
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    /// The issuer the provider names itself.
    pub issuer: String,
    /// Where keys are published.
    pub jwks_uri: String,
    /// Browser sign-in.
    pub authorization_endpoint: Option<String>,
    /// Code exchange.
    pub token_endpoint: Option<String>,
}

struct Keys {
    by_kid: HashMap<String, (DecodingKey, Algorithm)>,
    /// Keys published without a `kid` (tried when a token has none).
    anonymous: Vec<(DecodingKey, Algorithm)>,
}

/// Validates bearer JWTs and ID tokens from one provider.
pub struct OidcVerifier {
    config: OidcConfig,
    http: reqwest::Client,
    discovery: RwLock<Option<Arc<Discovery>>>,
    keys: RwLock<Option<Arc<Keys>>>,
    last_refresh: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for OidcVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcVerifier")
            .field("issuer", &self.config.issuer)
            .finish()
    }
}

impl OidcVerifier {
    /// A verifier for `config`; nothing is fetched until first needed.
    pub fn new(config: OidcConfig, http: reqwest::Client) -> Self {
        Self {
            config,
            http,
            discovery: RwLock::new(None),
            keys: RwLock::new(None),
            last_refresh: Mutex::new(None),
        }
    }

    /// The settings.
    pub fn config(&self) -> &OidcConfig {
        &self.config
    }

    /// The provider's discovery document (fetched once).
    pub async fn discovery(&self) -> Result<Arc<Discovery>, TokenError> {
        if let Some(d) = self.discovery.read().await.as_ref() {
            return Ok(d.clone());
        }
        let url = format!("{}/.well-known/openid-configuration", self.config.issuer);
        let discovery: Discovery = self.get_json(&url).await?;
        let discovery = Arc::new(discovery);
        *self.discovery.write().await = Some(discovery.clone());
        Ok(discovery)
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, TokenError> {
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| TokenError::Provider(format!("{url}: {e}")))?;
        if !response.status().is_success() {
            return Err(TokenError::Provider(format!(
                "{url} answered {}",
                response.status()
            )));
        }
        response
            .json()
            .await
            .map_err(|e| TokenError::Provider(format!("{url}: {e}")))
    }

    async fn fetch_keys(&self) -> Result<Arc<Keys>, TokenError> {
        let discovery = self.discovery().await?;
        let set: JwkSet = self.get_json(&discovery.jwks_uri).await?;
        let mut keys = Keys {
            by_kid: HashMap::new(),
            anonymous: Vec::new(),
        };
        for jwk in &set.keys {
            let Some(algorithm) = pinned_algorithm(jwk) else {
                continue;
            };
            let Ok(key) = DecodingKey::from_jwk(jwk) else {
                continue;
            };
            match &jwk.common.key_id {
                Some(kid) => {
                    keys.by_kid.insert(kid.clone(), (key, algorithm));
                }
                None => keys.anonymous.push((key, algorithm)),
            }
        }
        let keys = Arc::new(keys);
        *self.keys.write().await = Some(keys.clone());
        Ok(keys)
    }

    async fn keys(&self) -> Result<Arc<Keys>, TokenError> {
        if let Some(k) = self.keys.read().await.as_ref() {
            return Ok(k.clone());
        }
        self.fetch_keys().await
    }

    /// Refetches the JWKS for an unknown `kid`, unless that happened less than a minute ago.
    async fn refresh_for_unknown_kid(&self) -> Result<Option<Arc<Keys>>, TokenError> {
        let mut last = self.last_refresh.lock().await;
        if last.is_some_and(|t| t.elapsed() < JWKS_REFRESH_COOLDOWN) {
            return Ok(None);
        }
        *last = Some(Instant::now());
        drop(last);
        self.fetch_keys().await.map(Some)
    }

    /// Validates a token and returns its claims. `audiences` overrides the configured ones
    /// (ID tokens are for the client id); `nonce`, when given, must match.
    pub async fn verify(
        &self,
        token: &str,
        audiences: Option<&[String]>,
        nonce: Option<&str>,
    ) -> Result<Map<String, Value>, TokenError> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|_| match header_algorithm(token) {
                // `none`, or anything jsonwebtoken does not know: never accepted.
                Some(_) => TokenError::Algorithm,
                None => TokenError::Malformed,
            })?;
        if !matches!(
            header.alg,
            Algorithm::RS256
                | Algorithm::RS384
                | Algorithm::RS512
                | Algorithm::PS256
                | Algorithm::PS384
                | Algorithm::PS512
                | Algorithm::ES256
                | Algorithm::ES384
        ) {
            return Err(TokenError::Algorithm);
        }
        let mut keys = self.keys().await?;
        let candidates = loop {
            let found: Vec<(DecodingKey, Algorithm)> = match &header.kid {
                Some(kid) => keys.by_kid.get(kid).cloned().into_iter().collect(),
                None => keys.anonymous.clone(),
            };
            if !found.is_empty() {
                break found;
            }
            match self.refresh_for_unknown_kid().await? {
                Some(fresh) => keys = fresh,
                None => return Err(TokenError::UnknownKey),
            }
            if header
                .kid
                .as_ref()
                .is_some_and(|kid| !keys.by_kid.contains_key(kid))
            {
                return Err(TokenError::UnknownKey);
            }
        };
        let audiences = audiences.unwrap_or(&self.config.audiences);
        let mut last_error = TokenError::UnknownKey;
        for (key, algorithm) in candidates {
            if algorithm != header.alg {
                last_error = TokenError::Algorithm;
                continue;
            }
            let mut validation = Validation::new(algorithm);
            validation.leeway = LEEWAY_SECS;
            validation.validate_nbf = true;
            validation.set_audience(audiences);
            validation.set_required_spec_claims(&["exp", "iss", "aud"]);
            match jsonwebtoken::decode::<Map<String, Value>>(token, &key, &validation) {
                Ok(data) => {
                    let claims = data.claims;
                    // jsonwebtoken does not look at `iat`: a token "issued" in the future
                    // (beyond the clock leeway) is refused.
                    // A time claim that is there must be a number of seconds.
                    for name in ["iat", "nbf", "exp"] {
                        if claims.get(name).is_some_and(|v| !v.is_number()) {
                            return Err(TokenError::Invalid(format!(
                                "the token's {name} is not a number of seconds"
                            )));
                        }
                    }
                    if let Some(iat) = claims.get("iat").and_then(Value::as_f64) {
                        let now = std::time::SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .map(|d| d.as_secs_f64())
                            .unwrap_or_default();
                        if iat > now + LEEWAY_SECS as f64 {
                            return Err(TokenError::Invalid(
                                "the token was issued in the future (iat)".into(),
                            ));
                        }
                    }
                    self.check_issuer_and_tenant(&claims).await?;
                    if let Some(expected) = nonce {
                        if claims.get("nonce").and_then(Value::as_str) != Some(expected) {
                            return Err(TokenError::Nonce);
                        }
                    }
                    return Ok(claims);
                }
                Err(e) => last_error = TokenError::Invalid(e.to_string()),
            }
        }
        Err(last_error)
    }

    async fn check_issuer_and_tenant(&self, claims: &Map<String, Value>) -> Result<(), TokenError> {
        // Compared exactly (OpenID Connect Discovery §4.3): `https://idp/` is not `https://idp`.
        let iss = claims
            .get("iss")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let tid = claims.get("tid").and_then(Value::as_str);
        let discovery = self.discovery().await?;
        let mut accepted: Vec<String> = vec![self.config.issuer.clone(), discovery.issuer.clone()];
        accepted.extend(self.config.extra_issuers.iter().cloned());
        let matches = accepted.iter().any(|candidate| {
            let candidate = match tid {
                Some(tid) => candidate.replace("{tenantid}", tid),
                None => candidate.clone(),
            };
            candidate == iss
        });
        if !matches {
            return Err(TokenError::Issuer);
        }
        if !self.config.tenants.is_empty()
            && !tid.is_some_and(|t| self.config.tenants.iter().any(|a| a == t))
        {
            return Err(TokenError::Tenant);
        }
        Ok(())
    }
}

/// The `alg` a token's header names, read without trusting anything else in it.
fn header_algorithm(token: &str) -> Option<String> {
    use base64::Engine;
    let header = token.split('.').next()?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(header)
        .ok()?;
    let value: Value = serde_json::from_slice(&bytes).ok()?;
    value.get("alg")?.as_str().map(str::to_owned)
}

/// The one algorithm a key may verify: from its `alg`, else from its type. HMAC never.
fn pinned_algorithm(jwk: &jsonwebtoken::jwk::Jwk) -> Option<Algorithm> {
    if let Some(alg) = jwk.common.key_algorithm {
        return match alg {
            KeyAlgorithm::RS256 => Some(Algorithm::RS256),
            KeyAlgorithm::RS384 => Some(Algorithm::RS384),
            KeyAlgorithm::RS512 => Some(Algorithm::RS512),
            KeyAlgorithm::PS256 => Some(Algorithm::PS256),
            KeyAlgorithm::PS384 => Some(Algorithm::PS384),
            KeyAlgorithm::PS512 => Some(Algorithm::PS512),
            KeyAlgorithm::ES256 => Some(Algorithm::ES256),
            KeyAlgorithm::ES384 => Some(Algorithm::ES384),
            _ => None,
        };
    }
    match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => Some(Algorithm::RS256),
        AlgorithmParameters::EllipticCurve(p) => match p.curve {
            EllipticCurve::P256 => Some(Algorithm::ES256),
            EllipticCurve::P384 => Some(Algorithm::ES384),
            _ => None,
        },
        _ => None,
    }
}
