//! The Markdown preview of the Ask, answer, tip and win forms: the text rendered exactly as it
//! will be shown (the same renderer and sanitiser as `body_html`), for the page's script.

use super::page::Page;
use crate::api::AppState;
use crate::error::ApiError;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// What to preview.
#[derive(Debug, Deserialize)]
pub struct PreviewForm {
    /// Markdown.
    #[serde(default)]
    pub body: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// `POST /preview`: the sanitised HTML fragment of `body` (signed-in members, with the form
/// token; 401/403 otherwise).
pub async fn preview(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<PreviewForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    if page.member.is_none() {
        return ApiError::Unauthorized(crate::error::Text::say("web-form-expired", vec![]))
            .into_page(&page);
    }
    if !super::csrf::check(&req, &form.csrf) {
        return ApiError::Forbidden(crate::error::Text::say("web-form-expired", vec![]))
            .into_page(&page);
    }
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "default-src 'none'"))
        .body(crate::domain::markdown::to_html(&form.body))
}
