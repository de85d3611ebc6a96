//! Opaque access tokens, checked with RFC 7662 token introspection through the `oauth2`
//! crate. Positive answers are cached until the token's `exp` or for 60 s, whichever is
//! sooner, so a busy flow does not call the provider on every request.

use crate::config::IntrospectionConfig;
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenResponse, BasicTokenType,
};
use oauth2::{
    AccessToken, ClientId, ClientSecret, EndpointNotSet, EndpointSet, ExtraTokenFields,
    IntrospectionUrl, StandardRevocableToken, StandardTokenIntrospectionResponse,
    TokenIntrospectionResponse,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// Longest time a positive answer is reused.
pub const CACHE_FOR: Duration = Duration::from_secs(60);

/// Every claim the provider returns besides the standard ones (name, email, roles, …).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct OtherClaims {
    /// The claims, by name.
    #[serde(flatten)]
    pub claims: Map<String, Value>,
}

impl ExtraTokenFields for OtherClaims {}

type IntrospectionResponse = StandardTokenIntrospectionResponse<OtherClaims, BasicTokenType>;

type IntrospectionClient = oauth2::Client<
    BasicErrorResponse,
    BasicTokenResponse,
    IntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
>;

/// An active token's claims and until when they may be reused.
type CachedAnswer = (Map<String, Value>, Instant);

/// Asks the provider whether opaque tokens are active.
pub struct Introspector {
    client: IntrospectionClient,
    http: reqwest::Client,
    issuer: String,
    cache: Mutex<HashMap<String, CachedAnswer>>,
}

impl std::fmt::Debug for Introspector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Introspector")
            .field("issuer", &self.issuer)
            .finish()
    }
}

impl Introspector {
    /// An introspector for `config`.
    pub fn new(config: &IntrospectionConfig, http: reqwest::Client) -> anyhow::Result<Self> {
        let mut client = oauth2::Client::new(ClientId::new(config.client_id.clone()))
            .set_introspection_url(IntrospectionUrl::new(config.url.clone())?);
        if let Some(secret) = &config.client_secret {
            client = client.set_client_secret(ClientSecret::new(secret.clone()));
        }
        let issuer = url::Url::parse(&config.url)?.origin().ascii_serialization();
        Ok(Self {
            client,
            http,
            issuer,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// The issuer identities from this provider are keyed by (the introspection URL's origin).
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The token's claims if it is active, `None` if not. Errors mean the provider failed.
    pub async fn introspect(&self, token: &str) -> Result<Option<Map<String, Value>>, String> {
        let key = super::api_keys::sha256_hex(token.as_bytes());
        {
            let mut cache = self.cache.lock().await;
            if let Some((claims, until)) = cache.get(&key) {
                if Instant::now() < *until {
                    return Ok(Some(claims.clone()));
                }
                cache.remove(&key);
            }
        }
        let access_token = AccessToken::new(token.to_owned());
        let response: IntrospectionResponse = self
            .client
            .introspect(&access_token)
            .request_async(&self.http)
            .await
            .map_err(|e| format!("token introspection failed: {e}"))?;
        if !response.active() {
            return Ok(None);
        }
        let mut claims = response.extra_fields().claims.clone();
        for (name, value) in [
            ("sub", response.sub()),
            ("username", response.username()),
            ("iss", response.iss()),
        ] {
            if let Some(v) = value {
                claims.insert(name.into(), Value::String(v.to_owned()));
            }
        }
        let now = Instant::now();
        let until = match response.exp() {
            Some(exp) => {
                let left = (exp - chrono::Utc::now())
                    .to_std()
                    .unwrap_or(Duration::ZERO);
                if left.is_zero() {
                    return Ok(None);
                }
                now + left.min(CACHE_FOR)
            }
            None => now + CACHE_FOR,
        };
        let mut cache = self.cache.lock().await;
        if cache.len() > 10_000 {
            cache.retain(|_, (_, until)| now < *until);
        }
        cache.insert(key, (claims.clone(), until));
        Ok(Some(claims))
    }
}
