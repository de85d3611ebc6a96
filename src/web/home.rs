//! The home page: questions waiting for an answer first — the longest-waiting first, so a
//! beginner's question does not sink — and for a helper, those in their helper topics before
//! the rest; then the newest; the reader's tip of the day; the busiest topics. `?tag=` narrows
//! the lists to one tag (the tag's page).

use super::page::{sign_in_first, Page};
use crate::api::extract::optional_tag;
use crate::api::links::Links;
use crate::api::questions::{question_view, Question};
use crate::api::tips::{tip_of_the_day, tip_view, Tip};
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::question::QuestionSort;
use crate::domain::tag::TagSlug;
use crate::error::ApiError;
use crate::store::questions::{QuestionFilter, QuestionRow};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// How many questions each list shows.
const LIST_SIZE: i64 = 20;
/// How many questions in the helper's topics are shown above the rest.
const HELPER_LIST_SIZE: usize = 10;
/// How many topics the home page offers as filters.
const TOP_TAGS: i64 = 12;

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
    /// Unanswered questions in the reader's helper topics, the longest-waiting first.
    pub for_you: Vec<Question>,
    /// Questions nobody but the asker has answered yet, the longest-waiting first.
    pub waiting: Vec<Question>,
    /// The newest questions.
    pub newest: Vec<Question>,
    /// The reader's tip of the day, if one is left at their level.
    pub tip: Option<Tip>,
    /// The topics with the most posts: `(slug, posts)`.
    pub tags: Vec<(String, i64)>,
}

/// The questions `caller` may list under `filter`.
async fn list(
    state: &AppState,
    caller: &Caller,
    filter: QuestionFilter,
) -> Result<Vec<QuestionRow>, ApiError> {
    Ok(state.store.list_questions(caller, &filter).await?)
}

fn filter(tag: Option<TagSlug>, unanswered: bool, sort: QuestionSort) -> QuestionFilter {
    QuestionFilter {
        tag,
        status: None,
        unanswered,
        asked_by: None,
        search: None,
        sort,
        after: None,
        limit: LIST_SIZE,
    }
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
    match build(&state, &req, &page, &caller, &query).await {
        Ok(template) => page.render(StatusCode::OK, &template),
        Err(e) => e.into_page(&page),
    }
}

async fn build<'a>(
    state: &AppState,
    req: &HttpRequest,
    page: &'a Page,
    caller: &Caller,
    query: &HomeQuery,
) -> Result<HomeTemplate<'a>, ApiError> {
    let tag = optional_tag(query.tag.as_deref())?;
    // A tag nobody uses: a page that says so, not lists that say every question is answered.
    if let Some(tag) = &tag {
        if !state.store.tag_exists(tag.as_str()).await? {
            return Err(ApiError::NotFound("tag"));
        }
    }
    let links = Links::new(state, req);
    let view = |rows: Vec<QuestionRow>| -> Vec<Question> {
        rows.into_iter()
            .map(|r| question_view(r, caller, &links))
            .collect()
    };
    // A helper's topics first (on the unfiltered home page): the oldest waiting question in
    // any of them leads.
    let mut for_you: Vec<QuestionRow> = Vec::new();
    if tag.is_none() {
        let (_, helper_tags) = state.store.member_tags(caller.member_id).await?;
        for helper_tag in helper_tags {
            let Ok(slug) = TagSlug::parse("tag", &helper_tag) else {
                continue;
            };
            let rows = list(
                state,
                caller,
                filter(Some(slug), true, QuestionSort::Oldest),
            )
            .await?;
            for row in rows {
                if row.author_id != caller.member_id && !for_you.iter().any(|q| q.id == row.id) {
                    for_you.push(row);
                }
            }
        }
        for_you.sort_by_key(|q| (q.created_at, q.id));
        for_you.truncate(HELPER_LIST_SIZE);
    }
    let waiting: Vec<QuestionRow> = list(
        state,
        caller,
        filter(tag.clone(), true, QuestionSort::Oldest),
    )
    .await?
    .into_iter()
    .filter(|q| !for_you.iter().any(|mine| mine.id == q.id))
    .collect();
    let newest = list(
        state,
        caller,
        filter(tag.clone(), false, QuestionSort::Newest),
    )
    .await?;
    let tip = match tip_of_the_day(state, caller).await {
        Ok(row) => Some(tip_view(row, caller, &links)),
        Err(ApiError::NotFoundBecause(..)) => None,
        Err(e) => return Err(e),
    };
    let tags = super::busiest_topics(state, TOP_TAGS).await?;
    Ok(HomeTemplate {
        page,
        tag: tag.map(|t| t.as_str().to_owned()),
        for_you: view(for_you),
        waiting: view(waiting),
        newest: view(newest),
        tip,
        tags,
    })
}
