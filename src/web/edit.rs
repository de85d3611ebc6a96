//! Editing a question or an answer on its own page (`/questions/{id}/edit`,
//! `/answers/{id}/edit`): the same authorization and the same functions as the API's `PATCH`.
//!
//! Why a version field: two people may edit at once (the asker and a moderator). The form
//! carries the version it started from (`updated_at`, like the API's `ETag`); when the post
//! changed meanwhile, the form comes back (409) with the member's text kept and the newer
//! version to build on — nobody's words are lost silently.

use super::page::{see_other, sign_in_first, Page};
use crate::api::answers::{apply_answer_edit, find_answer, require_author_or_moderator};
use crate::api::questions::{apply_edit, authorize_edit, find_question, UpdateQuestion};
use crate::api::AppState;
use crate::domain::pages;
use crate::error::ApiError;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// The edit page of a question or an answer.
#[derive(askama::Template)]
#[template(path = "edit.html")]
pub struct EditTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The heading (`web-edit-question` or `web-edit-answer`), in the reader's language.
    pub heading: String,
    /// Where the form posts.
    pub action: String,
    /// Where "cancel" and saving lead: the question page (at the answer).
    pub back: String,
    /// The text as typed (or as stored when the page opens).
    pub form: EditForm,
    /// The community's busiest topics, to pick from (questions only).
    pub topics: Vec<String>,
    /// Whether someone changed the post while the reader was editing.
    pub conflict: bool,
    /// What to fix, in the reader's language.
    pub problems: Vec<String>,
}

/// The edit form as sent.
#[derive(Debug, Default, Deserialize)]
pub struct EditForm {
    /// The question's title (absent for an answer).
    #[serde(default)]
    pub title: Option<String>,
    /// The Markdown text.
    #[serde(default)]
    pub body: String,
    /// The question's tags separated by spaces, commas or 、 (absent for an answer).
    #[serde(default)]
    pub tags: Option<String>,
    /// The post's `updated_at` (Unix microseconds) when the form was opened, as sent (an
    /// unreadable one counts as out of date: the form comes back with the text kept).
    #[serde(default)]
    pub version: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// What an edit page shows besides the form.
struct Shown {
    heading: &'static str,
    action: String,
    back: String,
}

/// Renders the edit page.
async fn render(
    state: &AppState,
    page: &Page,
    status: StatusCode,
    shown: Shown,
    form: EditForm,
    problems: Vec<String>,
) -> HttpResponse {
    let topics = if form.tags.is_some() {
        super::ask::topics(state).await
    } else {
        Vec::new()
    };
    page.render(
        status,
        &EditTemplate {
            page,
            heading: page.t(shown.heading),
            action: shown.action,
            back: shown.back,
            form,
            topics,
            conflict: status == StatusCode::CONFLICT,
            problems,
        },
    )
}

fn question_shown(id: i64) -> Shown {
    Shown {
        heading: "web-edit-question",
        action: format!("/questions/{id}/edit"),
        back: pages::question(id),
    }
}

fn answer_shown(question: i64, id: i64) -> Shown {
    Shown {
        heading: "web-edit-answer",
        action: format!("/answers/{id}/edit"),
        back: pages::answer(question, id),
    }
}

/// `GET /questions/{id}/edit`: the asker's (or a moderator's) form, filled with the question.
pub async fn question_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let row = match find_question(&state, id.into_inner(), &caller).await {
        Ok(row) => row,
        Err(e) => return e.into_page(&page),
    };
    if let Err(e) = authorize_edit(&row, &caller, &UpdateQuestion::default()) {
        return e.into_page(&page);
    }
    let form = EditForm {
        title: Some(row.title),
        body: row.body,
        tags: Some(row.tags.join(" ")),
        version: row.updated_at.to_string(),
        csrf: String::new(),
    };
    let shown = question_shown(row.id);
    render(&state, &page, StatusCode::OK, shown, form, Vec::new()).await
}

/// `POST /questions/{id}/edit`: saves title, details and tags, then the question (303);
/// problems and a concurrent change come back on the form.
pub async fn question_save(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<EditForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let mut form = form.into_inner();
    let row = match find_question(&state, id.into_inner(), &caller).await {
        Ok(row) => row,
        Err(e) => return e.into_page(&page),
    };
    let input = UpdateQuestion {
        title: Some(form.title.clone().unwrap_or_default()),
        body: Some(form.body.clone()),
        tags: Some(super::split_tags(form.tags.as_deref().unwrap_or_default())),
        anonymous: None,
    };
    if let Err(e) = authorize_edit(&row, &caller, &input) {
        return e.into_page(&page);
    }
    form.tags.get_or_insert_with(String::new);
    form.title.get_or_insert_with(String::new);
    let shown = question_shown(row.id);
    let applied = apply_edit(&state, &row, &input);
    save(&state, &req, &page, shown, form, row.updated_at, applied).await
}

/// Saves an authorized edit: checks the form's CSRF token (403), then that the post is still
/// at the form's version (else 409, the text kept, the form now at `current`), then runs
/// `apply` — 303 to the post, or the form with what to fix (422).
async fn save(
    state: &AppState,
    req: &HttpRequest,
    page: &Page,
    shown: Shown,
    mut form: EditForm,
    current: i64,
    apply: impl std::future::Future<Output = Result<(), ApiError>>,
) -> HttpResponse {
    if !super::csrf::check(req, &form.csrf) {
        let problems = vec![page.t("web-form-expired")];
        return render(state, page, StatusCode::FORBIDDEN, shown, form, problems).await;
    }
    if form.version != current.to_string() {
        form.version = current.to_string();
        return render(state, page, StatusCode::CONFLICT, shown, form, Vec::new()).await;
    }
    match apply.await {
        Ok(()) => see_other(&shown.back),
        Err(ApiError::Validation(errors)) => {
            let problems = page.problems(&errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(state, page, status, shown, form, problems).await
        }
        Err(e) => e.into_page(page),
    }
}

/// `GET /answers/{id}/edit`: the form of who wrote the answer (or a moderator).
pub async fn answer_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let row = match find_answer(&state, id.into_inner(), &caller).await {
        Ok(row) => row,
        Err(e) => return e.into_page(&page),
    };
    if let Err(e) = require_author_or_moderator(&row, &caller, "edit") {
        return e.into_page(&page);
    }
    let shown = answer_shown(row.question_id, row.id);
    let form = EditForm {
        title: None,
        body: row.body,
        tags: None,
        version: row.updated_at.to_string(),
        csrf: String::new(),
    };
    render(&state, &page, StatusCode::OK, shown, form, Vec::new()).await
}

/// `POST /answers/{id}/edit`: saves the answer, then the question at the answer (303).
pub async fn answer_save(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<EditForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let mut form = form.into_inner();
    form.title = None;
    form.tags = None;
    let row = match find_answer(&state, id.into_inner(), &caller).await {
        Ok(row) => row,
        Err(e) => return e.into_page(&page),
    };
    if let Err(e) = require_author_or_moderator(&row, &caller, "edit") {
        return e.into_page(&page);
    }
    let shown = answer_shown(row.question_id, row.id);
    let body = form.body.clone();
    let applied = apply_answer_edit(&state, &row, &body);
    save(&state, &req, &page, shown, form, row.updated_at, applied).await
}
