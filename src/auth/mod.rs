//! Who is calling: credentials in, a [`Caller`] out.
//!
//! Today a caller proves who they are with a personal API key (`Authorization: Bearer tsu_…`,
//! or `X-Api-Key: tsu_…` as the connector's API-key connection sends it).
//! Keys are random, shown once, and stored only as a SHA-256 hash: a leaked database does not
//! leak usable keys. Company sign-in (OIDC bearer tokens) plugs in here later.

pub mod api_keys;

use crate::api::AppState;
use crate::domain::member::Role;
use crate::error::ApiError;
use actix_web::dev::Payload;
use actix_web::{http::header, web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

/// The header the connector's API-key connection uses (an alternative to `Authorization: Bearer`).
pub const API_KEY_HEADER: &str = "X-Api-Key";

/// The authenticated member making a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Member id.
    pub member_id: i64,
    /// Display name.
    pub display_name: String,
    /// Role.
    pub role: Role,
}

impl Caller {
    /// Fails with 403 unless the caller has at least `role`.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.role >= role {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "this needs the {} role (you are a {})",
                role.as_str(),
                self.role.as_str()
            )))
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        // The connector's API-key connection sends the key in `X-Api-Key`.
        let authorization = req
            .headers()
            .get(API_KEY_HEADER)
            .map(|v| v.to_str().map(|k| format!("Bearer {}", k.trim())))
            .or_else(|| {
                req.headers()
                    .get(header::AUTHORIZATION)
                    .map(|v| v.to_str().map(str::to_owned))
            });
        Box::pin(async move {
            let state = state.ok_or_else(|| anyhow::anyhow!("AppState missing"))?;
            let token = match authorization {
                None => return Err(ApiError::MissingCredentials),
                Some(Err(_)) => {
                    return Err(ApiError::Unauthorized(
                        "the Authorization header is not valid text".into(),
                    ))
                }
                Some(Ok(value)) => bearer_token(&value)?.to_owned(),
            };
            if !api_keys::looks_like_key(&token) {
                return Err(ApiError::Unauthorized(
                    "the bearer token is not a tsunagu API key".into(),
                ));
            }
            let member = state
                .store
                .member_by_key_hash(&api_keys::hash(&token))
                .await?
                .ok_or_else(|| {
                    ApiError::Unauthorized("the API key is unknown or revoked".into())
                })?;
            Ok(Caller {
                member_id: member.id,
                role: member.role(),
                display_name: member.display_name,
            })
        })
    }
}

/// The token in `Bearer <token>` (scheme case-insensitive).
fn bearer_token(value: &str) -> Result<&str, ApiError> {
    let (scheme, token) = value
        .trim()
        .split_once(' ')
        .ok_or_else(|| ApiError::Unauthorized("use `Authorization: Bearer <api key>`".into()))?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::Unauthorized(
            "use `Authorization: Bearer <api key>`".into(),
        ));
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
