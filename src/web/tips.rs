//! The tip page: one tip, rendered, with who wrote it and for whom — the page a tip's
//! `web_url` opens.

use super::page::{sign_in_first, Page};
use crate::api::links::Links;
use crate::api::tips::{find_tip, tip_view, Tip};
use crate::api::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// The tip page.
#[derive(askama::Template)]
#[template(path = "tip.html")]
pub struct TipTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The tip as the reader may see it.
    pub tip: Tip,
}

impl TipTemplate<'_> {
    /// Who the tip is for, in the reader's words.
    pub fn level(&self) -> String {
        self.page
            .t(&format!("web-level-{}", self.tip.level.as_str()))
    }
}

/// `GET /tips/{id}`: one tip.
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    match find_tip(&state, id.into_inner(), &caller).await {
        Ok(row) => {
            let tip = tip_view(row, &caller, &Links::new(&state, &req));
            page.render(StatusCode::OK, &TipTemplate { page: &page, tip })
        }
        Err(e) => e.into_page(&page),
    }
}
