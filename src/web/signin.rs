//! Signing in to the pages. With the company's identity provider configured, the page offers
//! its sign-in (`/auth/login`, authorization code + PKCE → session). Without one — a trial —
//! a member pastes their personal API key and gets the same browser session. Signing out ends
//! every session of the member (as `/auth/logout` does).

use super::page::{see_other, Page};
use crate::api::AppState;
use crate::auth::session::SESSION_COOKIE;
use crate::error::ApiError;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// The sign-in page.
#[derive(askama::Template)]
#[template(path = "signin.html")]
pub struct SigninTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// Whether the company's sign-in is configured (else the API-key trial form).
    pub company: bool,
    /// Why the last attempt failed, in the reader's language.
    pub error: Option<String>,
    /// The page to return to after signing in (a path on this site).
    pub next: String,
}

impl SigninTemplate<'_> {
    /// The company sign-in's address, returning to [`Self::next`].
    pub fn company_href(&self) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("return_to", &self.next)
            .finish();
        format!("/auth/login?{query}")
    }
}

/// Where to go after signing in: `next` when it is a path on this site, else the home page.
fn next_page(next: Option<&str>) -> String {
    next.and_then(crate::api::signin::safe_return_path)
        // A page, not an API document (a browser shown raw JSON after signing in is lost).
        .filter(|path| !path.starts_with("/api/"))
        .unwrap_or_else(|| "/".to_owned())
}

/// The sign-in page's query.
#[derive(Debug, Deserialize)]
pub struct SigninQuery {
    /// The page to return to (`/questions/42`).
    pub next: Option<String>,
}

/// `GET /signin`.
pub async fn form(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<SigninQuery>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let next = next_page(query.next.as_deref());
    if page.member.is_some() {
        return see_other(&next);
    }
    page.render(
        StatusCode::OK,
        &SigninTemplate {
            page: &page,
            company: state.auth.oidc.is_some(),
            error: None,
            next,
        },
    )
}

/// The trial sign-in form.
#[derive(Debug, Deserialize)]
pub struct SigninForm {
    /// The member's personal API key (`tsu_…`).
    pub api_key: String,
    /// The browser's CSRF token.
    pub csrf: String,
    /// The page to return to.
    #[serde(default)]
    pub next: Option<String>,
}

/// `POST /signin`: an API key becomes a browser session (trial mode only).
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<SigninForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let next = next_page(form.next.as_deref());
    let again = |status: StatusCode, id: &str| {
        page.render(
            status,
            &SigninTemplate {
                page: &page,
                company: state.auth.oidc.is_some(),
                error: Some(page.t(id)),
                next: next.clone(),
            },
        )
    };
    // The token, and the page's own origin: a sign-in posted from another site (with a cookie
    // planted there) must not put this browser into someone else's account.
    if !super::csrf::check(&req, &form.csrf)
        || !crate::auth::is_same_origin_for_cookie(&state, &req)
    {
        return again(StatusCode::FORBIDDEN, "web-form-expired");
    }
    if state.auth.oidc.is_some() {
        // With the company's sign-in, keys are for flows and apps, not for the browser.
        return again(StatusCode::FORBIDDEN, "web-signin-use-company");
    }
    let key = form.api_key.trim();
    if !crate::auth::api_keys::looks_like_key(key) {
        return again(StatusCode::UNAUTHORIZED, "web-signin-not-a-key");
    }
    match state.auth.caller_for_token(&state.store, key).await {
        Ok(caller) => HttpResponse::SeeOther()
            .insert_header((actix_web::http::header::LOCATION, next.clone()))
            .cookie(state.auth.sessions.session_cookie(caller.member_id))
            .finish(),
        Err(_) => again(StatusCode::UNAUTHORIZED, "web-signin-unknown-key"),
    }
}

/// The sign-out form.
#[derive(Debug, Deserialize)]
pub struct SignoutForm {
    /// The browser's CSRF token.
    pub csrf: String,
}

/// `POST /signout`: ends the member's sessions and returns to the sign-in page.
pub async fn signout(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<SignoutForm>,
) -> HttpResponse {
    if !super::csrf::check(&req, &form.csrf)
        || !crate::auth::is_same_origin_for_cookie(&state, &req)
    {
        let page = Page::of(&state, &req).await;
        return ApiError::Forbidden(crate::error::Text::say("web-form-expired", vec![]))
            .into_page(&page);
    }
    if let Some((member_id, _)) = state.auth.sessions.session(&req) {
        if let Err(e) = state
            .store
            .end_sessions(member_id, chrono::Utc::now().timestamp_micros())
            .await
        {
            let page = Page::of(&state, &req).await;
            return ApiError::from(e).into_page(&page);
        }
    }
    let mut response = see_other("/signin");
    let _ = response.add_cookie(&state.auth.sessions.removal(SESSION_COOKIE));
    response
}
