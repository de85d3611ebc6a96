//! The Ask page: a title, the details in Markdown, tags, and a plainly worded "ask anonymously"
//! switch — stored by the same function as the API's `POST /questions`.

use super::page::{see_other, sign_in_first, Page};
use crate::api::questions::{ask, CreateQuestion};
use crate::api::AppState;
use crate::error::ApiError;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// The Ask page.
#[derive(askama::Template)]
#[template(path = "ask.html")]
pub struct AskTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// What was typed (kept when the form comes back with problems).
    pub form: AskForm,
    /// What to fix, in the reader's language.
    pub problems: Vec<String>,
    /// The community's busiest topics, to pick from (their exact spelling).
    pub topics: Vec<String>,
}

/// How many topics the Ask page suggests.
const TOPICS: i64 = 20;

/// The busiest topics (none when they cannot be read: the form works without them).
pub async fn topics(state: &AppState) -> Vec<String> {
    super::busiest_topics(state, TOPICS)
        .await
        .map(|topics| topics.into_iter().map(|(slug, _)| slug).collect())
        .unwrap_or_default()
}

/// The Ask form as sent.
#[derive(Debug, Default, Deserialize)]
pub struct AskForm {
    /// The question in one line.
    #[serde(default)]
    pub title: String,
    /// The details, Markdown.
    #[serde(default)]
    pub body: String,
    /// Tags separated by spaces, commas or 、.
    #[serde(default)]
    pub tags: String,
    /// Present (`on`) when the switch is on.
    #[serde(default)]
    pub anonymous: Option<String>,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

impl AskForm {
    /// Whether the anonymous switch is on.
    pub fn is_anonymous(&self) -> bool {
        self.anonymous.is_some()
    }
}

/// `GET /ask`.
pub async fn form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    if page.member.is_none() {
        return sign_in_first(&req);
    }
    render(
        &state,
        &page,
        StatusCode::OK,
        AskForm::default(),
        Vec::new(),
    )
    .await
}

/// The Ask page with `form` as typed and what to fix (the topics are read only when the page
/// is shown, not for a question that posts).
async fn render(
    state: &AppState,
    page: &Page,
    status: StatusCode,
    form: AskForm,
    problems: Vec<String>,
) -> HttpResponse {
    let topics = topics(state).await;
    page.render(
        status,
        &AskTemplate {
            page,
            form,
            problems,
            topics,
        },
    )
}

/// `POST /ask`: posts the question, then shows it (303); problems come back on the form.
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<AskForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let form = form.into_inner();
    if !super::csrf::check(&req, &form.csrf) {
        let problems = vec![page.t("web-form-expired")];
        return render(&state, &page, StatusCode::FORBIDDEN, form, problems).await;
    }
    let input = CreateQuestion {
        title: form.title.clone(),
        body: form.body.clone(),
        tags: super::split_tags(&form.tags),
        anonymous: form.is_anonymous(),
    };
    match ask(&state, &caller, &input).await {
        Ok(id) => see_other(&format!("/questions/{id}?asked=1")),
        Err(ApiError::Validation(errors)) => {
            let problems = page.problems(&errors);
            render(
                &state,
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                problems,
            )
            .await
        }
        Err(e) => e.into_page(&page),
    }
}
