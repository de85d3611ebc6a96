//! What every page needs: the reader's language and words, who is signed in, the CSRF token of
//! the browser, and one way to answer (HTML with the page policy) — also when something fails.

use crate::api::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::i18n::{self, Arg, Language};
use actix_web::cookie::Cookie;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse};

/// The pages' Content-Security-Policy for a page whose one script carries `nonce`: no inline
/// script and no script from elsewhere (only `/static/app.js`, with this page's nonce), styles
/// only from this site, requests only to this site, forms post only here, no `<base>` games.
/// (`frame-ancestors` is added for every answer by `api::security`.)
pub fn policy(nonce: &str) -> String {
    format!(
        "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'self'; img-src 'self'; \
         connect-src 'self'; form-action 'self'; base-uri 'none'"
    )
}

/// The context of one page view.
pub struct Page {
    /// The reader's language: the member's own choice, else Accept-Language, else the default.
    pub language: Language,
    /// The signed-in member, if any.
    pub member: Option<Caller>,
    /// The display name of the signed-in member (for the header).
    pub member_name: String,
    /// This browser's CSRF token, for the forms on the page.
    pub csrf: String,
    /// This answer's script nonce (a fresh random value for every page).
    pub nonce: String,
    /// This page's path and query, to come back to (the language switch).
    pub here: String,
    /// Whether every member may open the dashboard (`TSUNAGU_DASHBOARD_FOR=members`).
    dashboard_for_members: bool,
    /// The CSRF cookie to set when the browser had none.
    csrf_cookie: Option<Cookie<'static>>,
}

impl Page {
    /// The context for `req`: who is signed in (a session, or a key header) — `None` when
    /// nobody or a refused credential.
    pub async fn of(state: &AppState, req: &HttpRequest) -> Self {
        let member = crate::auth::authenticate(req).await.ok();
        // A member who chose a language on the pages reads them in it, whatever the browser
        // asks for (a Japanese Windows sends `ja` to someone who reads English better).
        if let Some(chosen) = member.as_ref().and_then(|m| m.language) {
            i18n::choose(chosen);
        }
        let member_name = member
            .as_ref()
            .map(|caller| caller.display_name.clone())
            .unwrap_or_default();
        let (csrf, csrf_cookie) = super::csrf::token(&state.auth.sessions, req);
        Self {
            language: i18n::current(),
            member,
            member_name,
            csrf,
            nonce: nonce(),
            dashboard_for_members: state.config.dashboard_for_members,
            here: match req.query_string() {
                "" => req.path().to_owned(),
                query => format!("{}?{query}", req.path()),
            },
            csrf_cookie,
        }
    }

    /// A context with nobody signed in and no form token (pages of errors found before the
    /// handler runs).
    pub fn bare(language: Language) -> Self {
        Self {
            language,
            member: None,
            member_name: String::new(),
            csrf: String::new(),
            nonce: nonce(),
            here: "/".to_owned(),
            dashboard_for_members: false,
            csrf_cookie: None,
        }
    }

    /// The page's word `id` (from `locales/<lang>/web.ftl`).
    pub fn t(&self, id: &str) -> String {
        i18n::text(self.language, id, &[])
    }

    /// The page's sentence `id` with one value.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        i18n::text(self.language, id, &[(name, Arg::from(value))])
    }

    /// The page's sentence `id` with a count (plural rules apply).
    pub fn tn(&self, id: &str, count: impl std::borrow::Borrow<usize>) -> String {
        i18n::text(self.language, id, &[("count", Arg::from(*count.borrow()))])
    }

    /// Who a tip is for, in the reader's words (「初級向け」).
    pub fn level_words(&self, level: crate::domain::tip::TipLevel) -> String {
        self.t(&format!("web-level-{}", level.as_str()))
    }

    /// The levels for a `<select>`: `(value, words, chosen)`, `chosen` where the value is
    /// `chosen`.
    pub fn level_choices(&self, chosen: &str) -> Vec<(&'static str, String, bool)> {
        crate::domain::tip::TipLevel::ALL
            .into_iter()
            .map(|l| (l.as_str(), self.level_words(l), l.as_str() == chosen))
            .collect()
    }

    /// The signed-in member's id (0 when nobody is signed in).
    pub fn member_id(&self) -> i64 {
        self.member.as_ref().map_or(0, |m| m.member_id)
    }

    /// Whether the signed-in member moderates (delete buttons on others' posts).
    pub fn can_moderate(&self) -> bool {
        self.member.as_ref().is_some_and(|m| m.role.can_moderate())
    }

    /// Whether the signed-in member may open the dashboard (its link in the footer).
    pub fn sees_dashboard(&self) -> bool {
        self.member
            .as_ref()
            .is_some_and(|m| m.role.can_moderate() || self.dashboard_for_members)
    }

    /// The language tag for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.language.tag()
    }

    /// `template` as the page's answer, with `status`.
    pub fn render<T: askama::Template>(&self, status: StatusCode, template: &T) -> HttpResponse {
        match template.render() {
            Ok(body) => self.answer(status, body),
            Err(e) => ApiError::Internal(anyhow::Error::new(e)).into_page(self),
        }
    }

    /// What to fix, from validation errors, in the reader's language.
    pub fn problems(&self, errors: &[crate::error::FieldError]) -> Vec<String> {
        errors
            .iter()
            .map(|e| e.in_language(self.language).detail)
            .collect()
    }

    /// Rendered HTML as the answer: language, the page policy, no caching, and the form token
    /// cookie when the browser had none (every page, error pages too, may hold a form).
    fn answer(&self, status: StatusCode, body: String) -> HttpResponse {
        let mut response = HttpResponse::build(status);
        response
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_LANGUAGE, self.language.tag()))
            .insert_header((header::CONTENT_SECURITY_POLICY, policy(&self.nonce)))
            .insert_header((header::CACHE_CONTROL, "no-store"));
        if let Some(cookie) = &self.csrf_cookie {
            response.cookie(cookie.clone());
        }
        response.body(body)
    }
}

/// A fresh script nonce: 16 random bytes, base64.
fn nonce() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes)
}

/// `303 See Other` to `location` (after a form, and to the sign-in page).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// `303 See Other` to the sign-in page for someone not signed in, who comes back to this page
/// afterwards (`/signin?next=/questions/42`) — a link opened from a Teams post lands on its
/// page, not on the home page. After a form (POST) they come back to the home page.
pub fn sign_in_first(req: &HttpRequest) -> HttpResponse {
    let next = if req.method() == actix_web::http::Method::GET {
        match req.query_string() {
            "" => req.path().to_owned(),
            query => format!("{}?{query}", req.path()),
        }
    } else {
        "/".to_owned()
    };
    if next == "/" {
        return see_other("/signin");
    }
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("next", &next)
        .finish();
    see_other(&format!("/signin?{query}"))
}

/// A failed page: its status and the problem's sentence in the reader's language.
#[derive(askama::Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    /// The page context.
    pub page: &'a Page,
    /// What went wrong, for people.
    pub detail: String,
}

impl Page {
    /// The "no such page" answer (404) for a mistyped or stale address.
    pub fn not_found(&self) -> HttpResponse {
        let detail = self.t("web-not-found");
        let body = askama::Template::render(&ErrorPage { page: self, detail }).unwrap_or_default();
        self.answer(StatusCode::NOT_FOUND, body)
    }
}

impl ApiError {
    /// This error as an HTML page for `page`'s reader (the API answers problem+json instead).
    pub fn into_page(self, page: &Page) -> HttpResponse {
        use actix_web::ResponseError;
        let status = self.status_code();
        let detail = self.problem_in(page.language).detail;
        let body = askama::Template::render(&ErrorPage { page, detail }).unwrap_or_default();
        page.answer(status, body)
    }
}
