//! Search and topics: the same search as the API's `GET /questions?q=` (every word must match,
//! Japanese and English spellings of one word count as one, title matches first), with the
//! matched words highlighted and a page at a time (no words: every question, newest first);
//! and the list of topics with how many posts carry each.

use super::page::{sign_in_first, Page};
use crate::api::links::Links;
use crate::api::pagination::{decode_question_cursor, finish_page};
use crate::api::questions::{question_view, Question};
use crate::api::AppState;
use crate::domain::event::excerpt;
use crate::domain::markdown::to_plain;
use crate::domain::question::QuestionSort;
use crate::domain::search::{highlight, SearchQuery};
use crate::error::ApiError;
use crate::store::questions::QuestionFilter;
use crate::store::SortKey;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// How many results the page shows.
const RESULTS: i64 = 30;
/// Characters of a question's text shown under its title.
const SNIPPET_CHARS: usize = 140;
/// How many topics the topics page lists.
const TAGS: i64 = 200;

/// A search result: the question, with its title and the start of its text cut into runs
/// (`matched` runs are highlighted).
pub struct Hit {
    /// The question as the reader may see it.
    pub q: Question,
    /// The title in runs.
    pub title: Vec<(String, bool)>,
    /// The start of the text in runs.
    pub snippet: Vec<(String, bool)>,
}

/// The search page.
#[derive(askama::Template)]
#[template(path = "search.html")]
pub struct SearchTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// What was searched for, as typed.
    pub q: String,
    /// The results, best first.
    pub hits: Vec<Hit>,
    /// What is wrong with the search, in the reader's language.
    pub problems: Vec<String>,
    /// The next page's address, when there are more.
    pub next: Option<String>,
    /// Whether this is a later page (the count then says "more").
    pub later: bool,
}

/// The search page's query.
#[derive(Debug, Deserialize)]
pub struct SearchParams {
    /// Words to find (none: every question, newest first).
    #[serde(default)]
    pub q: String,
    /// Where the previous page ended (the "next" link's cursor).
    pub cursor: Option<String>,
}

/// `GET /search?q=`: questions matching every word.
pub async fn search(
    state: web::Data<AppState>,
    req: HttpRequest,
    params: web::Query<SearchParams>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let params = params.into_inner();
    let q = params.q;
    let query = match SearchQuery::parse("q", &q, &state.config.search_glossary) {
        Ok(query) => query,
        Err(problem) => {
            let problems = page.problems(&[problem]);
            let template = SearchTemplate {
                page: &page,
                q,
                hits: Vec::new(),
                problems,
                next: None,
                later: false,
            };
            return page.render(StatusCode::UNPROCESSABLE_ENTITY, &template);
        }
    };
    // The same cursors as the API's `GET /questions` (newest first, best match first).
    let scope = if query.is_some() {
        "newest+q"
    } else {
        "newest"
    };
    let after = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(cursor) => match decode_question_cursor(scope, cursor) {
            Ok(key) => Some(key),
            // A link from another search, or mangled: said in the reader's words.
            Err(_) => {
                return ApiError::InvalidQuery(crate::error::FieldError::say(
                    "cursor",
                    "invalid_cursor",
                    "web-search-bad-cursor",
                    vec![],
                ))
                .into_page(&page)
            }
        },
        None => None,
    };
    let needles: Vec<String> = query
        .as_ref()
        .map(|query| query.term_groups().iter().flatten().cloned().collect())
        .unwrap_or_default();
    let filter = QuestionFilter {
        tag: None,
        status: None,
        unanswered: false,
        asked_by: None,
        search: query,
        sort: QuestionSort::Newest,
        after,
        limit: RESULTS + 1,
    };
    let mut rows = match state.store.list_questions(&caller, &filter).await {
        Ok(rows) => rows,
        Err(e) => return ApiError::from(e).into_page(&page),
    };
    let cursor = finish_page(&mut rows, RESULTS, "q1", scope, |last| SortKey {
        rank: last.rank,
        sort_key: last.sort_key,
        id: last.id,
    });
    let next = cursor.map(|cursor| {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &q)
            .append_pair("cursor", &cursor)
            .finish();
        format!("/search?{query}")
    });
    let links = Links::new(&state, &req);
    let hits = rows
        .into_iter()
        .map(|row| {
            let q = question_view(row, &caller, &links);
            let snippet = excerpt(&to_plain(&q.body), SNIPPET_CHARS);
            Hit {
                title: highlight(&q.title, &needles),
                snippet: highlight(&snippet, &needles),
                q,
            }
        })
        .collect();
    page.render(
        StatusCode::OK,
        &SearchTemplate {
            page: &page,
            q,
            hits,
            problems: Vec::new(),
            next,
            later: after.is_some(),
        },
    )
}

/// The topics page.
#[derive(askama::Template)]
#[template(path = "tags.html")]
pub struct TagsTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// Every topic with posts: `(slug, questions, posts)`, busiest first.
    pub tags: Vec<(String, i64, i64)>,
}

/// `GET /tags`: every topic with its counts; each leads to its questions (`/?tag=`).
pub async fn tags(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    if page.member.is_none() {
        return sign_in_first(&req);
    }
    match state.store.tags("", TAGS).await {
        Ok(rows) => {
            let tags = rows
                .into_iter()
                .map(|t| (t.slug, t.question_count, t.post_count))
                .collect();
            page.render(StatusCode::OK, &TagsTemplate { page: &page, tags })
        }
        Err(e) => ApiError::from(e).into_page(&page),
    }
}
