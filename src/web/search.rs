//! Search and topics: the same search as the API's `GET /questions?q=` (every word must match,
//! Japanese and English spellings of one word count as one, title matches first), with the
//! matched words highlighted; and the list of topics with how many posts carry each.

use super::page::{sign_in_first, Page};
use crate::api::links::Links;
use crate::api::questions::{question_view, Question};
use crate::api::AppState;
use crate::domain::event::excerpt;
use crate::domain::markdown::to_plain;
use crate::domain::question::QuestionSort;
use crate::domain::search::{highlight, SearchQuery};
use crate::error::ApiError;
use crate::store::questions::QuestionFilter;
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
}

/// The search page's query.
#[derive(Debug, Deserialize)]
pub struct SearchParams {
    /// Words to find.
    #[serde(default)]
    pub q: String,
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
    let q = params.into_inner().q;
    let query = match SearchQuery::parse("q", &q, &state.config.search_glossary) {
        Ok(query) => query,
        Err(problem) => {
            let problems = page.problems(&[problem]);
            let template = SearchTemplate {
                page: &page,
                q,
                hits: Vec::new(),
                problems,
            };
            return page.render(StatusCode::UNPROCESSABLE_ENTITY, &template);
        }
    };
    let mut hits = Vec::new();
    if let Some(query) = query {
        let needles: Vec<String> = query.term_groups().iter().flatten().cloned().collect();
        let filter = QuestionFilter {
            tag: None,
            status: None,
            unanswered: false,
            asked_by: None,
            search: Some(query),
            sort: QuestionSort::Newest,
            after: None,
            limit: RESULTS,
        };
        let rows = match state.store.list_questions(&caller, &filter).await {
            Ok(rows) => rows,
            Err(e) => return ApiError::from(e).into_page(&page),
        };
        let links = Links::new(&state, &req);
        for row in rows {
            let q = question_view(row, &caller, &links);
            let snippet = excerpt(&to_plain(&q.body), SNIPPET_CHARS);
            hits.push(Hit {
                title: highlight(&q.title, &needles),
                snippet: highlight(&snippet, &needles),
                q,
            });
        }
    }
    page.render(
        StatusCode::OK,
        &SearchTemplate {
            page: &page,
            q,
            hits,
            problems: Vec::new(),
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
