//! The small buttons of the question page — best answer, 「役に立った」/「ありがとう」, 「私も」 —
//! each a form (POST → 303 back to the question), through the same functions as the API.

use super::page::{see_other, sign_in_first, Page};
use crate::api::answers::{accept, react};
use crate::api::questions::{apply_edit, authorize_edit, find_question, me_too, UpdateQuestion};
use crate::api::AppState;
use crate::domain::question::ReactionKind;
use crate::error::ApiError;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// A button's form: only the CSRF token.
#[derive(Debug, Deserialize)]
pub struct ButtonForm {
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// Runs `act` for the signed-in member after the CSRF check; sends the browser to `back` (or
/// shows the problem).
async fn button<F, Fut>(
    state: &AppState,
    req: &HttpRequest,
    form: &ButtonForm,
    act: F,
) -> HttpResponse
where
    F: FnOnce(crate::auth::Caller) -> Fut,
    Fut: std::future::Future<Output = Result<String, ApiError>>,
{
    let page = Page::of(state, req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(req);
    };
    if !super::csrf::check(req, &form.csrf) {
        return ApiError::Forbidden(crate::error::Text::say("web-form-expired", vec![]))
            .into_page(&page);
    }
    match act(caller).await {
        Ok(back) => see_other(&back),
        Err(e) => e.into_page(&page),
    }
}

/// `POST /answers/{id}/accept`: the asker chooses the best answer.
pub async fn accept_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<ButtonForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let shared = state.clone();
    button(&state, &req, &form, |caller| async move {
        let (question, answer) = accept(&shared, &caller, id).await?;
        Ok(format!("/questions/{question}#answer-{answer}"))
    })
    .await
}

/// `POST /answers/{id}/helpful` and `/answers/{id}/thanks`.
pub async fn react_to_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(i64, String)>,
    form: web::Form<ButtonForm>,
) -> HttpResponse {
    let (id, kind) = path.into_inner();
    let kind = match kind.as_str() {
        "helpful" => ReactionKind::Helpful,
        "thanks" => ReactionKind::Thanks,
        _ => {
            let page = Page::of(&state, &req).await;
            return ApiError::RouteNotFound.into_page(&page);
        }
    };
    let shared = state.clone();
    button(&state, &req, &form, |caller| async move {
        let (question, answer) = react(&shared, &caller, id, kind).await?;
        Ok(format!("/questions/{question}#answer-{answer}"))
    })
    .await
}

/// `POST /answers/{id}/kudos`: kudos to the person who answered (not to one's own answer);
/// back to the answer, which then says they were sent.
pub async fn answer_kudos(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<ButtonForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let shared = state.clone();
    button(&state, &req, &form, |caller| async move {
        let target = crate::api::wins::KudosTarget::Answer(id);
        let input = crate::api::wins::KudosInput { message: None };
        crate::api::wins::give_kudos(&shared, &caller, target, &input).await?;
        let answer = crate::api::answers::find_answer(&shared, id, &caller).await?;
        Ok(format!(
            "/questions/{}?kudos={id}#answer-{id}",
            answer.question_id
        ))
    })
    .await
}

/// `POST /questions/{id}/delete`: the asker (or a moderator) deletes the question with its
/// answers; then the home page.
pub async fn delete_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<ButtonForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let shared = state.clone();
    button(&state, &req, &form, |caller| async move {
        let row = find_question(&shared, id, &caller).await?;
        crate::api::questions::authorize_delete(&row, &caller)?;
        crate::api::questions::remove_question(&shared, &row).await?;
        Ok("/".to_owned())
    })
    .await
}

/// `POST /answers/{id}/delete`: who wrote the answer (or a moderator) deletes it; then its
/// question.
pub async fn delete_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<ButtonForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let shared = state.clone();
    button(&state, &req, &form, |caller| async move {
        let question = crate::api::answers::remove_answer(&shared, &caller, id).await?;
        Ok(crate::domain::pages::question(question))
    })
    .await
}

/// The report form.
#[derive(Debug, Deserialize)]
pub struct ReportForm {
    /// `question`, `answer`, `tip` or `win`.
    #[serde(default)]
    pub target_kind: String,
    /// The post's id.
    #[serde(default)]
    pub target_id: i64,
    /// `unkind`, `spam`, `personal_information` or `other`.
    #[serde(default)]
    pub reason: String,
    /// What the moderators should know (optional).
    #[serde(default)]
    pub note: String,
    /// The page to return to.
    #[serde(default)]
    pub back: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// `POST /report`: reports a post to the moderators (never naming the reporter), then back to
/// the page with a notice.
pub async fn report(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<ReportForm>,
) -> HttpResponse {
    let form = form.into_inner();
    let kind = serde_json::from_value(serde_json::Value::String(form.target_kind.clone()));
    let reason = serde_json::from_value(serde_json::Value::String(form.reason.clone()));
    let (Ok(target_kind), Ok(reason)) = (kind, reason) else {
        let page = Page::of(&state, &req).await;
        return page.not_found();
    };
    let note = form.note.trim().to_owned();
    let input = crate::api::reports::CreateReport {
        target_kind,
        target_id: form.target_id,
        reason,
        note: (!note.is_empty()).then_some(note),
    };
    let back = crate::api::signin::safe_return_path(&form.back).unwrap_or_else(|| "/".to_owned());
    let shared = state.clone();
    let button_form = ButtonForm {
        csrf: form.csrf.clone(),
    };
    button(&state, &req, &button_form, |caller| async move {
        crate::api::reports::file_report(&shared, &caller, &input).await?;
        let (path, fragment) = back.split_once('#').unwrap_or((back.as_str(), ""));
        let joiner = if path.contains('?') { '&' } else { '?' };
        Ok(format!("{path}{joiner}reported=1#{fragment}"))
    })
    .await
}

/// `POST /tips/{id}/helpful`: "this tip helped me" (not on one's own tip).
pub async fn tip_helpful(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<ButtonForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let shared = state.clone();
    button(&state, &req, &form, |caller| async move {
        let tip = crate::api::tips::mark_tip_helpful(&shared, &caller, id).await?;
        Ok(crate::domain::pages::tip(tip))
    })
    .await
}

/// The name form: `anonymous=false` shows the asker's name, `true` hides it again.
#[derive(Debug, Deserialize)]
pub struct NameForm {
    /// `true` or `false`.
    #[serde(default)]
    pub anonymous: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// `POST /questions/{id}/anonymity`: the asker shows her name on her question, or hides it
/// again — through the same checks and change as the API's `PATCH /questions/{id}`.
pub async fn anonymity(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<NameForm>,
) -> HttpResponse {
    let id = id.into_inner();
    // Only the two values the page's buttons send: anything else changes nothing (a name is
    // never shown by a request that did not say so).
    let anonymous = match form.anonymous.as_str() {
        "true" => true,
        "false" => false,
        _ => {
            let page = Page::of(&state, &req).await;
            return ApiError::InvalidBody(crate::error::FieldError::say(
                "anonymous",
                "invalid_form",
                "web-form-unreadable",
                vec![],
            ))
            .into_page(&page);
        }
    };
    let shared = state.clone();
    let button_form = ButtonForm {
        csrf: form.csrf.clone(),
    };
    button(&state, &req, &button_form, |caller| async move {
        let row = find_question(&shared, id, &caller).await?;
        let input = UpdateQuestion {
            title: None,
            body: None,
            tags: None,
            anonymous: Some(anonymous),
        };
        authorize_edit(&row, &caller, &input)?;
        apply_edit(&shared, &row, &input).await?;
        Ok(crate::domain::pages::question(id))
    })
    .await
}

/// `POST /questions/{id}/me-too`: "I have this question too".
pub async fn me_too_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<ButtonForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let shared = state.clone();
    button(&state, &req, &form, |caller| async move {
        let (question, _) = me_too(&shared, &caller, id, true).await?;
        Ok(format!("/questions/{question}"))
    })
    .await
}
