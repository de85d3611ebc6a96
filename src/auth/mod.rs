//! Who is calling: credentials in, a [`Caller`] out.
//!
//! A caller proves who they are with one of:
//! - a personal API key (`Authorization: Bearer tsu_…`, or `X-Api-Key: tsu_…` as the
//!   connector's API-key connection sends it), stored only as a SHA-256 hash;
//! - a bearer JWT from the company's OpenID provider ([`oidc`]), validated against its JWKS;
//! - an opaque token checked by RFC 7662 introspection ([`introspection`]);
//! - a browser session cookie set by `/auth/callback` ([`session`]).
//!
//! The first valid token of a person creates their member; later tokens keep name and e-mail
//! current. The role is the higher of the member's stored role and the one the token's roles
//! claim grants. Tokens and keys are never logged; refusals are logged at debug level.

pub mod api_keys;
pub mod identity;
pub mod introspection;
pub mod oidc;
pub mod session;

use crate::api::AppState;
use crate::config::Config;
use crate::domain::member::Role;
use crate::error::ApiError;
use crate::store::members::{IdentityRecord, MemberRow};
use crate::store::Store;
use actix_web::dev::Payload;
use actix_web::{http::header, web, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;
use identity::Identity;
use introspection::Introspector;
use oidc::{OidcVerifier, TokenError};
use session::SessionKeys;
use std::time::Duration;

/// The header the connector's API-key connection uses (an alternative to `Authorization: Bearer`).
pub const API_KEY_HEADER: &str = "X-Api-Key";

/// A fingerprint of whatever credentials a request presents (bearer token or API key header,
/// and the session cookie), or `None` when it presents none. Idempotency keys and rate-limit
/// buckets are kept per fingerprint; the credentials themselves are never stored.
pub fn credential_fingerprint(req: &HttpRequest) -> Option<String> {
    let credentials: Vec<String> = [header::AUTHORIZATION.as_str(), API_KEY_HEADER]
        .iter()
        .filter_map(|h| {
            req.headers()
                .get(*h)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .chain(
            req.cookie(session::SESSION_COOKIE)
                .map(|c| c.value().to_owned()),
        )
        .collect();
    (!credentials.is_empty()).then(|| api_keys::sha256_hex(credentials.join("\n").as_bytes()))
}

/// The authenticated member making a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Member id.
    pub member_id: i64,
    /// Display name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The language the member chose for messages (`PATCH /me`), if any.
    pub language: Option<crate::i18n::Language>,
}

impl Caller {
    /// Fails with 403 unless the caller has at least `role`.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.role >= role {
            Ok(())
        } else {
            Err(ApiError::Forbidden(crate::error::Text::say(
                "forbidden-role",
                vec![
                    ("needed", crate::i18n::Arg::from(role.as_str())),
                    ("actual", crate::i18n::Arg::from(self.role.as_str())),
                ],
            )))
        }
    }

    fn from_member(member: MemberRow, token_role: Option<Role>) -> Self {
        Caller {
            member_id: member.id,
            role: member.role().max(token_role.unwrap_or_default()),
            language: member
                .language
                .as_deref()
                .and_then(crate::i18n::Language::parse),
            display_name: member.display_name,
        }
    }
}

impl From<&Caller> for crate::store::Viewer {
    /// The caller as a viewer of posts: moderators and admins also see hidden ones.
    fn from(caller: &Caller) -> Self {
        crate::store::Viewer {
            member_id: caller.member_id,
            moderator: caller.role.can_moderate(),
        }
    }
}

/// Everything that turns credentials into a caller; built once at start.
#[derive(Debug)]
pub struct Authenticator {
    /// Company sign-in (bearer JWTs, browser sign-in), when configured.
    pub oidc: Option<OidcVerifier>,
    /// Opaque-token introspection, when configured.
    pub introspection: Option<Introspector>,
    /// Cookie keys.
    pub sessions: SessionKeys,
    /// HTTP client for the provider (no redirects, short timeouts).
    pub http: reqwest::Client,
}

impl Authenticator {
    /// Builds the authenticator the configuration asks for.
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        let secure = config
            .public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https:"))
            || !config.bind.ip().is_loopback();
        if config.session_secret.is_none()
            && config.oidc.as_ref().is_some_and(|o| o.client_id.is_some())
        {
            tracing::warn!("TSUNAGU_SESSION_SECRET is not set: browser sessions end when tsunagu restarts and are not shared between replicas");
        }
        Ok(Self {
            oidc: config
                .oidc
                .clone()
                .map(|c| OidcVerifier::new(c, http.clone())),
            introspection: match &config.introspection {
                Some(c) => Some(Introspector::new(c, http.clone())?),
                None => None,
            },
            sessions: {
                let keys = SessionKeys::new(config.session_secret.as_deref(), secure);
                if config.teams_tab {
                    keys.for_teams_tab()
                } else {
                    keys
                }
            },
            http,
        })
    }

    /// The caller behind a bearer token (API key, JWT or opaque token).
    pub async fn caller_for_token(&self, store: &Store, token: &str) -> Result<Caller, ApiError> {
        if api_keys::looks_like_key(token) {
            let member = store
                .member_by_key_hash(&api_keys::hash(token))
                .await?
                .ok_or_else(|| {
                    ApiError::Unauthorized(crate::error::Text::say(
                        "unauthorized-unknown-key",
                        vec![],
                    ))
                })?;
            return Ok(Caller::from_member(member, None));
        }
        let looks_like_jwt = token.split('.').count() == 3;
        if let (true, Some(verifier)) = (looks_like_jwt, &self.oidc) {
            let claims = verifier
                .verify(token, None, None)
                .await
                .map_err(token_error)?;
            let identity = identity::from_claims(&claims, verifier.config()).ok_or_else(|| {
                ApiError::Unauthorized(crate::error::Text::say("unauthorized-no-subject", vec![]))
            })?;
            return self
                .caller_for_identity(store, &verifier.config().issuer, &identity)
                .await;
        }
        if let Some(introspector) = &self.introspection {
            let claims = introspector
                .introspect(token)
                .await
                .map_err(ApiError::Unavailable)?
                .ok_or_else(|| {
                    ApiError::Unauthorized(crate::error::Text::say(
                        "unauthorized-token-inactive",
                        vec![],
                    ))
                })?;
            let names = self
                .oidc
                .as_ref()
                .map(|v| v.config().clone())
                .unwrap_or_else(identity::default_claims);
            let identity = identity::from_claims(&claims, &names).ok_or_else(|| {
                ApiError::Unauthorized(crate::error::Text::say("unauthorized-no-subject", vec![]))
            })?;
            return self
                .caller_for_identity(store, introspector.issuer(), &identity)
                .await;
        }
        Err(ApiError::Unauthorized(if looks_like_jwt {
            // The operator's fix (TSUNAGU_OIDC_ISSUER) is in the README, not in members' errors.
            crate::error::Text::say("unauthorized-provider-tokens-off", vec![])
        } else {
            crate::error::Text::say(
                "unauthorized-not-a-key",
                vec![("header", "Authorization".into())],
            )
        }))
    }

    /// The member for a signed-in identity (created on first sight), as a caller.
    pub async fn caller_for_identity(
        &self,
        store: &Store,
        issuer: &str,
        identity: &Identity,
    ) -> Result<Caller, ApiError> {
        let member = store
            .member_for_identity(&IdentityRecord {
                issuer,
                subject: &identity.subject,
                display_name: &identity.display_name,
                email: identity.email.as_deref(),
                email_verified: identity.email_verified,
            })
            .await?;
        Ok(Caller::from_member(member, identity.role))
    }
}

/// A refused token as a 401 (or 503 when the provider cannot be reached).
pub fn token_error(e: TokenError) -> ApiError {
    match e {
        TokenError::Provider(reason) => ApiError::Unavailable(reason),
        other => {
            let (id, reason) = match &other {
                TokenError::Malformed => ("token-malformed", String::new()),
                TokenError::Algorithm => ("token-algorithm", String::new()),
                TokenError::UnknownKey => ("token-unknown-key", String::new()),
                TokenError::Invalid(reason) => ("token-invalid", reason.clone()),
                TokenError::Issuer => ("token-issuer", String::new()),
                TokenError::Tenant => ("token-tenant", String::new()),
                TokenError::Nonce => ("token-nonce", String::new()),
                TokenError::Provider(_) => ("token-invalid", String::new()),
            };
            ApiError::Unauthorized(crate::error::Text::say(id, vec![("reason", reason.into())]))
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The rate limiter authenticated this request already: use its answer.
        let cached = req.extensions_mut().remove::<Authenticated>();
        let req = req.clone();
        Box::pin(async move {
            match cached {
                Some(Authenticated(outcome)) => outcome,
                None => authenticate(&req).await,
            }
        })
    }
}

/// The outcome of authenticating a request, kept in its extensions by the rate limiter so the
/// [`Caller`] extractor does not look the credential up twice.
pub struct Authenticated(pub Result<Caller, ApiError>);

/// Whether a request carries any credential: an `Authorization` or `X-Api-Key` header, or a
/// session cookie.
pub fn has_credentials(req: &HttpRequest) -> bool {
    req.headers().contains_key(header::AUTHORIZATION)
        || req.headers().contains_key(API_KEY_HEADER)
        || req.cookie(session::SESSION_COOKIE).is_some()
}

/// Whether a request authenticated by the session cookie may proceed: reads always; a change
/// (POST, PUT, PATCH, DELETE) only from this site — `Sec-Fetch-Site: same-origin`, else (from
/// browsers that do not send it) an `Origin` equal to this site's. `SameSite=Lax` alone does not
/// stop a sibling subdomain, and body-less POSTs (`/me-too`, `/accept`) need no CORS preflight.
pub fn is_same_origin_for_cookie(state: &AppState, req: &HttpRequest) -> bool {
    use actix_web::http::Method;
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        return site == "same-origin";
    }
    let own = crate::api::links::Links::new(state, req).site("");
    let own = url::Url::parse(&own).map(|u| u.origin());
    match (header("origin"), own) {
        (Some(origin), Ok(own)) => url::Url::parse(origin).is_ok_and(|o| o.origin() == own),
        _ => false,
    }
}

/// Who is calling: from `X-Api-Key` (the connector's API-key connection) or `Authorization:
/// Bearer` (an API key or a provider's token), else the browser's session cookie. Both headers
/// at once is `401`: two credentials that may name two people are refused, not ranked.
pub async fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
    let caller = identify(req).await?;
    // From here on, messages are in the member's chosen language (unless the request named
    // one with Accept-Language).
    if let Some(language) = caller.language {
        crate::i18n::prefer(language);
    }
    Ok(caller)
}

async fn identify(req: &HttpRequest) -> Result<Caller, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("AppState missing"))?;
    if req.headers().get_all(API_KEY_HEADER).count() > 1
        || req.headers().get_all(header::AUTHORIZATION).count() > 1
    {
        return Err(ApiError::Unauthorized(crate::error::Text::say(
            "unauthorized-repeated-credential",
            vec![],
        )));
    }
    let api_key = req.headers().get(API_KEY_HEADER);
    let authorization = req.headers().get(header::AUTHORIZATION);
    let value = match (api_key, authorization) {
        (Some(_), Some(_)) => {
            return Err(ApiError::Unauthorized(crate::error::Text::say(
                "unauthorized-two-credentials",
                vec![],
            )))
        }
        (Some(key), None) => {
            let key = key.to_str().map(str::trim).unwrap_or_default();
            if !api_keys::looks_like_key(key) {
                return Err(ApiError::Unauthorized(crate::error::Text::say(
                    "unauthorized-not-a-key",
                    vec![("header", API_KEY_HEADER.into())],
                )));
            }
            Ok(format!("Bearer {key}"))
        }
        (None, Some(value)) => value.to_str().map(str::to_owned),
        (None, None) => {
            let (member_id, issued) = state
                .auth
                .sessions
                .session(req)
                .ok_or(ApiError::MissingCredentials)?;
            let (member, signed_out) = state
                .store
                .session_member(member_id, issued)
                .await?
                .ok_or_else(|| {
                    ApiError::Unauthorized(crate::error::Text::say(
                        "unauthorized-session-member-gone",
                        vec![],
                    ))
                })?;
            if signed_out {
                return Err(ApiError::Unauthorized(crate::error::Text::say(
                    "unauthorized-signed-out",
                    vec![],
                )));
            }
            if !is_same_origin_for_cookie(&state, req) {
                return Err(ApiError::Forbidden(crate::error::Text::say(
                    "forbidden-cross-site",
                    vec![],
                )));
            }
            return Ok(Caller::from_member(member, None));
        }
    };
    let value = value.map_err(|_| {
        ApiError::Unauthorized(crate::error::Text::say("unauthorized-not-text", vec![]))
    })?;
    let token = bearer_token(&value)?.to_owned();
    state.auth.caller_for_token(&state.store, &token).await
}

/// The token in `Bearer <token>` (scheme case-insensitive).
fn bearer_token(value: &str) -> Result<&str, ApiError> {
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(|| {
        ApiError::Unauthorized(crate::error::Text::say("unauthorized-use-bearer", vec![]))
    })?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::Unauthorized(crate::error::Text::say(
            "unauthorized-use-bearer",
            vec![],
        )));
    }
    Ok(token.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_scheme_is_case_insensitive() {
        assert_eq!(bearer_token("Bearer abc").unwrap(), "abc");
        assert_eq!(bearer_token("bearer  abc ").unwrap(), "abc");
        assert!(bearer_token("Basic abc").is_err());
        assert!(bearer_token("Bearer").is_err());
    }
}
