//! The question page: the question rendered, its answers (the best answer first), and the form
//! to answer — stored by the same function as the API's `POST /questions/{id}/answers`.

use super::page::{see_other, sign_in_first, Page};
use crate::api::answers::{answer, answer_view, Answer, AnswerInput};
use crate::api::links::Links;
use crate::api::questions::{find_question, question_view, Question};
use crate::api::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// The question page.
#[derive(askama::Template)]
#[template(path = "question.html")]
pub struct QuestionTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The question as the reader may see it.
    pub question: Question,
    /// Its answers as the reader may see them, the best answer first.
    pub answers: Vec<Answer>,
    /// Shown once after asking (`?asked=1`).
    pub just_asked: bool,
    /// The answer being written (kept when it comes back with problems).
    pub draft: String,
    /// What to fix in the answer, in the reader's language.
    pub problems: Vec<String>,
    /// The answer the reader just sent kudos to (0: none).
    pub kudos_sent: i64,
    /// Shown once after the reader reported a post here.
    pub just_reported: bool,
}

impl QuestionTemplate<'_> {
    /// This page's path (to come back to after a report).
    pub fn here(&self) -> String {
        crate::domain::pages::question(self.question.id)
    }

    /// Answer `id` on this page.
    pub fn answer_here(&self, id: &i64) -> String {
        crate::domain::pages::answer(self.question.id, *id)
    }
}

/// The page's query.
#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    /// `1` right after the reader asked this question.
    pub asked: Option<String>,
    /// The answer the reader just sent kudos to.
    pub kudos: Option<i64>,
    /// `1` right after the reader reported a post on the page.
    pub reported: Option<String>,
}

/// `GET /questions/{id}`: one question with its answers.
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    query: web::Query<ShowQuery>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let just_asked = query.asked.as_deref() == Some("1");
    let shown = render(
        &state,
        &req,
        &page,
        &caller,
        id.into_inner(),
        just_asked,
        String::new(),
        Vec::new(),
        query.kudos.unwrap_or(0),
        query.reported.as_deref() == Some("1"),
    );
    shown.await
}

/// Renders the page of question `id` for `caller`.
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    req: &HttpRequest,
    page: &Page,
    caller: &Caller,
    id: i64,
    just_asked: bool,
    draft: String,
    problems: Vec<String>,
    kudos_sent: i64,
    just_reported: bool,
) -> HttpResponse {
    let row = match find_question(state, id, caller).await {
        Ok(row) => row,
        Err(e) => return e.into_page(page),
    };
    let answers = match state.store.answers_to(row.id, caller).await {
        Ok(answers) => answers,
        Err(e) => return ApiError::from(e).into_page(page),
    };
    let links = Links::new(state, req);
    let mut answers: Vec<Answer> = answers
        .into_iter()
        .map(|a| answer_view(a, caller, &links))
        .collect();
    answers.sort_by_key(|a| !a.accepted);
    let question = question_view(row, caller, &links);
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render(
        status,
        &QuestionTemplate {
            page,
            just_asked: just_asked && question.mine,
            question,
            answers,
            draft,
            problems,
            kudos_sent,
            just_reported,
        },
    )
}

/// The answer form.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    /// The answer, Markdown.
    #[serde(default)]
    pub body: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// `POST /questions/{id}/answers`: posts the answer and shows it (303); problems come back on
/// the page.
pub async fn post_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<AnswerForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let id = id.into_inner();
    let form = form.into_inner();
    if !super::csrf::check(&req, &form.csrf) {
        let problems = vec![page.t("web-form-expired")];
        return render(
            &state, &req, &page, &caller, id, false, form.body, problems, 0, false,
        )
        .await;
    }
    let input = AnswerInput {
        body: form.body.clone(),
    };
    match answer(&state, &caller, id, &input).await {
        Ok(answer_id) => see_other(&format!("/questions/{id}#answer-{answer_id}")),
        Err(ApiError::Validation(errors)) => {
            let problems = page.problems(&errors);
            render(
                &state, &req, &page, &caller, id, false, form.body, problems, 0, false,
            )
            .await
        }
        Err(e) => e.into_page(&page),
    }
}

/// `GET /answers/{id}`: an answer's page when only its id is known (the `web_url` of kudos
/// and reports) — 303 to the answer on its question's page.
pub async fn answer_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    match crate::api::answers::find_answer(&state, id.into_inner(), &caller).await {
        Ok(row) => see_other(&crate::domain::pages::answer(row.question_id, row.id)),
        Err(e) => e.into_page(&page),
    }
}
