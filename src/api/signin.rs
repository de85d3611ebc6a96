//! Browser sign-in with the company's OpenID provider: the authorization code flow with PKCE,
//! `state` and `nonce`, through the `oauth2` crate. A signed-in browser gets a session cookie
//! and can call the API as itself — this is how a member creates an API key for the
//! connector's API-key connection without ever seeing a token.

use crate::api::extract::Query;
use crate::api::links::Links;
use crate::api::AppState;
use crate::auth::identity;
use crate::auth::session::{PendingLogin, LOGIN_COOKIE, SESSION_COOKIE};
use crate::auth::token_error;
use crate::error::{ApiError, FieldError, Text};
use actix_web::{http::header, web, HttpRequest, HttpResponse};
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    StandardRevocableToken, StandardTokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};

/// The ID token that comes with the code exchange.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct IdTokenField {
    /// The OpenID Connect ID token.
    pub id_token: Option<String>,
}

impl ExtraTokenFields for IdTokenField {}

type LoginClient = oauth2::Client<
    BasicErrorResponse,
    StandardTokenResponse<IdTokenField, BasicTokenType>,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// Where to go after signing in.
#[derive(Debug, Deserialize)]
pub struct LoginParams {
    /// A local path to return to (default `/api/v1/me`).
    pub return_to: Option<String>,
}

/// What the provider sends back.
#[derive(Debug, Deserialize)]
pub struct CallbackParams {
    /// The authorization code.
    pub code: Option<String>,
    /// The state sent with the sign-in.
    pub state: Option<String>,
    /// An error code, when sign-in failed at the provider.
    pub error: Option<String>,
    /// The provider's description of the error: logged at debug, never shown (anyone can put
    /// words in a link to the callback).
    pub error_description: Option<String>,
}

async fn login_client(state: &AppState, req: &HttpRequest) -> Result<LoginClient, ApiError> {
    let not_configured = || {
        ApiError::NotConfigured(
            "browser sign-in needs TSUNAGU_OIDC_ISSUER, TSUNAGU_OIDC_AUDIENCE and TSUNAGU_OIDC_CLIENT_ID".into(),
        )
    };
    let verifier = state.auth.oidc.as_ref().ok_or_else(not_configured)?;
    let client_id = verifier
        .config()
        .client_id
        .clone()
        .ok_or_else(not_configured)?;
    let discovery = verifier.discovery().await.map_err(token_error)?;
    let provider = |what: &str| {
        ApiError::Unavailable(format!("the identity provider publishes no valid {what}"))
    };
    let auth_url = discovery
        .authorization_endpoint
        .clone()
        .and_then(|u| AuthUrl::new(u).ok())
        .ok_or_else(|| provider("authorization_endpoint"))?;
    let token_url = discovery
        .token_endpoint
        .clone()
        .and_then(|u| TokenUrl::new(u).ok())
        .ok_or_else(|| provider("token_endpoint"))?;
    let redirect = Links::new(state, req).site("/auth/callback");
    let redirect =
        RedirectUrl::new(redirect).map_err(|e| ApiError::Internal(anyhow::Error::new(e)))?;
    let mut client = oauth2::Client::new(ClientId::new(client_id))
        .set_auth_uri(auth_url)
        .set_token_uri(token_url)
        .set_redirect_uri(redirect);
    if let Some(secret) = &verifier.config().client_secret {
        client = client.set_client_secret(ClientSecret::new(secret.clone()));
    }
    Ok(client)
}

/// Where a browser lands after signing in when `return_to` is absent or refused.
const DEFAULT_RETURN: &str = "/api/v1/me";

/// `raw` when it is a path on this site that a browser will not read as another origin: it
/// starts with one `/`, and has no backslash, no control or whitespace character (a browser
/// drops TAB, CR and LF, so `/\t/evil.example` becomes `//evil.example`) and no `%` escape of
/// one. `None` otherwise.
pub fn safe_return_path(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    if bytes.first() != Some(&b'/') || matches!(bytes.get(1), Some(b'/') | Some(b'\\')) {
        return None;
    }
    if raw.len() > 2000
        || raw
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
    {
        return None;
    }
    // An escaped control character or slash a later decoding could turn into the above.
    let lower = raw.to_ascii_lowercase();
    if ["%0", "%1", "%7f", "%5c", "%2f%2f", "%09"]
        .iter()
        .any(|bad| lower.contains(bad))
    {
        return None;
    }
    // What a browser would resolve it to must stay on this origin.
    let base = url::Url::parse("https://tsunagu.invalid/").ok()?;
    let resolved = base.join(raw).ok()?;
    (resolved.origin() == base.origin()).then(|| raw.to_owned())
}

/// A sign-in failure as a browser should see it: a page in the reader's language when the
/// request takes HTML (a person clicked "sign in"), problem+json otherwise (a script or test).
fn answered(req: &HttpRequest, result: Result<HttpResponse, ApiError>) -> HttpResponse {
    match result {
        Ok(response) => response,
        // No company sign-in here: a person is sent to the trial sign-in instead.
        Err(ApiError::NotConfigured(_)) if crate::web::takes_html(req) => {
            crate::web::page::see_other("/signin")
        }
        Err(e) if crate::web::takes_html(req) => {
            let page = crate::web::page::Page::bare(crate::i18n::current());
            e.into_page(&page)
        }
        Err(e) => actix_web::ResponseError::error_response(&e),
    }
}

/// `GET /auth/login`: redirects the browser to the provider's sign-in page (failures: a page
/// for browsers, problem+json otherwise).
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    Query(params): Query<LoginParams>,
) -> HttpResponse {
    let result = start_login(&state, &req, params).await;
    answered(&req, result)
}

async fn start_login(
    state: &AppState,
    req: &HttpRequest,
    params: LoginParams,
) -> Result<HttpResponse, ApiError> {
    let client = login_client(state, req).await?;
    let return_to = params
        .return_to
        .as_deref()
        .and_then(safe_return_path)
        .unwrap_or_else(|| DEFAULT_RETURN.to_owned());
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let nonce = CsrfToken::new_random().secret().clone();
    let (url, csrf) = client
        .authorize_url(CsrfToken::new_random)
        .add_scope(Scope::new("openid".into()))
        .add_scope(Scope::new("profile".into()))
        .add_scope(Scope::new("email".into()))
        .add_extra_param("nonce", nonce.clone())
        .set_pkce_challenge(challenge)
        .url();
    let pending = PendingLogin {
        state: csrf.secret().clone(),
        verifier: verifier.secret().clone(),
        nonce,
        return_to,
    };
    Ok(HttpResponse::Found()
        .cookie(state.auth.sessions.login_cookie(&pending))
        .insert_header((header::LOCATION, url.to_string()))
        .finish())
}

/// `GET /auth/callback`: checks the sign-in, validates the ID token and starts a session
/// (failures: a page for browsers, problem+json otherwise).
pub async fn callback(
    state: web::Data<AppState>,
    req: HttpRequest,
    Query(params): Query<CallbackParams>,
) -> HttpResponse {
    let result = finish_login(&state, &req, params).await;
    answered(&req, result)
}

async fn finish_login(
    state: &AppState,
    req: &HttpRequest,
    params: CallbackParams,
) -> Result<HttpResponse, ApiError> {
    if let Some(error) = params.error {
        // Only the provider's error code (RFC 6749 §4.1.2.1), never its free text: anyone can
        // put words in a link to this page.
        let code: String = error
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .take(64)
            .collect();
        tracing::debug!(error = %code, description = ?params.error_description, "the provider refused a sign-in");
        return Err(ApiError::Unauthorized(Text::say(
            "signin-refused-by-provider",
            vec![("reason", code.as_str().into())],
        )));
    }
    let bad = |field: &str, id: &'static str| {
        ApiError::InvalidQuery(FieldError::say(field, "invalid_sign_in", id, vec![]))
    };
    let pending = state
        .auth
        .sessions
        .pending_login(req)
        .ok_or_else(|| bad("state", "signin-no-pending"))?;
    if params.state.as_deref() != Some(pending.state.as_str()) {
        return Err(bad("state", "signin-state-mismatch"));
    }
    let code = params.code.ok_or_else(|| bad("code", "signin-no-code"))?;
    let client = login_client(state, req).await?;
    let response = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
        .request_async(&state.auth.http)
        .await
        .map_err(|e| {
            ApiError::Unauthorized(Text::say(
                "signin-code-refused",
                vec![("reason", e.to_string().into())],
            ))
        })?;
    let id_token = response
        .extra_fields()
        .id_token
        .clone()
        .ok_or_else(|| ApiError::Unauthorized(Text::say("signin-no-id-token", vec![])))?;
    let verifier = state
        .auth
        .oidc
        .as_ref()
        .ok_or_else(|| ApiError::NotConfigured("TSUNAGU_OIDC_ISSUER is not set".into()))?;
    let client_id = verifier.config().client_id.clone().unwrap_or_default();
    let claims = verifier
        .verify(&id_token, Some(&[client_id]), Some(&pending.nonce))
        .await
        .map_err(token_error)?;
    let identity = identity::from_claims(&claims, verifier.config())
        .ok_or_else(|| ApiError::Unauthorized(Text::say("unauthorized-no-subject", vec![])))?;
    let caller = state
        .auth
        .caller_for_identity(&state.store, &verifier.config().issuer, &identity)
        .await?;
    tracing::debug!(member_id = caller.member_id, "browser signed in");
    Ok(HttpResponse::SeeOther()
        .cookie(state.auth.sessions.session_cookie(caller.member_id))
        .cookie(state.auth.sessions.removal(LOGIN_COOKIE))
        // Checked again: the cookie may come from an older version of this code.
        .insert_header((
            header::LOCATION,
            safe_return_path(&pending.return_to).unwrap_or_else(|| DEFAULT_RETURN.to_owned()),
        ))
        .finish())
}

/// `POST /auth/logout`: ends the browser session — here and on the server, so a copy of the
/// cookie no longer works either (every session of the member made until now ends).
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let Some((member_id, _)) = state.auth.sessions.session(&req) {
        state
            .store
            .end_sessions(member_id, chrono::Utc::now().timestamp_micros())
            .await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(state.auth.sessions.removal(SESSION_COOKIE))
        .finish())
}

#[cfg(test)]
mod tests {
    use super::safe_return_path;

    #[test]
    fn only_same_origin_paths_are_followed() {
        for ok in [
            "/api/v1/me",
            "/questions/7?tab=answers#a3",
            "/stats",
            "/タグ/承認",
        ] {
            assert_eq!(safe_return_path(ok).as_deref(), Some(ok), "{ok}");
        }
        for bad in [
            "//evil.example/x",
            "/\\evil.example",
            "/\t/evil.example/x",
            "/\r\nX-Injected: 1",
            "/%09/evil.example",
            "/%0d%0aX-Injected:%201",
            "/%5cevil.example",
            "https://evil.example/",
            "evil.example",
            "",
            "/ /evil",
        ] {
            assert_eq!(safe_return_path(bad), None, "{bad:?}");
        }
    }
}
