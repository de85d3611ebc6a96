//! The home page: questions waiting for an answer first (a beginner's question should not sink),
//! then the newest; `?tag=` narrows both to one tag.

use super::page::{sign_in_first, Page};
use crate::api::extract::optional_tag;
use crate::api::links::Links;
use crate::api::questions::{question_view, Question};
use crate::api::AppState;
use crate::domain::question::QuestionSort;
use crate::store::questions::QuestionFilter;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// How many questions each list shows.
const LIST_SIZE: i64 = 20;

/// The home page's query.
#[derive(Debug, Deserialize)]
pub struct HomeQuery {
    /// Only questions with this tag.
    pub tag: Option<String>,
}

/// The home page.
#[derive(askama::Template)]
#[template(path = "home.html")]
pub struct HomeTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The tag the lists are narrowed to, if any.
    pub tag: Option<String>,
    /// Questions nobody but the asker has answered yet.
    pub waiting: Vec<Question>,
    /// The newest questions.
    pub newest: Vec<Question>,
}

/// `GET /`: the home page (signed-in members; others are sent to sign in).
pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<HomeQuery>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let tag = match optional_tag(query.tag.as_deref()) {
        Ok(tag) => tag,
        Err(e) => return e.into_page(&page),
    };
    let links = Links::new(&state, &req);
    let list = |unanswered: bool| QuestionFilter {
        tag: tag.clone(),
        status: None,
        unanswered,
        asked_by: None,
        search: None,
        sort: QuestionSort::Newest,
        after: None,
        limit: LIST_SIZE,
    };
    let (waiting, newest) = match (
        state.store.list_questions(&caller, &list(true)).await,
        state.store.list_questions(&caller, &list(false)).await,
    ) {
        (Ok(waiting), Ok(newest)) => (waiting, newest),
        (Err(e), _) | (_, Err(e)) => return crate::error::ApiError::from(e).into_page(&page),
    };
    let view = |rows: Vec<_>| -> Vec<Question> {
        rows.into_iter()
            .map(|r| question_view(r, &caller, &links))
            .collect()
    };
    page.render(
        StatusCode::OK,
        &HomeTemplate {
            page: &page,
            tag: tag.map(|t| t.as_str().to_owned()),
            waiting: view(waiting),
            newest: view(newest),
        },
    )
}
