//! The question page: the question rendered, its answers (the best answer first).

use super::page::{see_other, Page};
use crate::api::answers::{answer_view, Answer};
use crate::api::links::Links;
use crate::api::questions::{find_question, question_view, Question};
use crate::api::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

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
}

/// `GET /questions/{id}`: one question with its answers.
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return see_other("/signin");
    };
    let row = match find_question(&state, id.into_inner(), &caller).await {
        Ok(row) => row,
        Err(e) => return e.into_page(&page),
    };
    let answers = match state.store.answers_to(row.id, &caller).await {
        Ok(answers) => answers,
        Err(e) => return crate::error::ApiError::from(e).into_page(&page),
    };
    let links = Links::new(&state, &req);
    let mut answers: Vec<Answer> = answers
        .into_iter()
        .map(|a| answer_view(a, &caller, &links))
        .collect();
    answers.sort_by_key(|a| !a.accepted);
    page.render(
        StatusCode::OK,
        &QuestionTemplate {
            page: &page,
            question: question_view(row, &caller, &links),
            answers,
        },
    )
}
