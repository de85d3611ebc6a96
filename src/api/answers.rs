//! Answers: post, edit, delete, accept (the asker only) and positive reactions.
//! There are no down-votes, by design: nobody is shamed for a beginner's answer.

use crate::api::extract::Json;
use crate::api::links::Links;
use crate::api::members::MemberRef;
use crate::api::questions::find_question;
use crate::api::versioning::{check_if_match, etag};
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::question::{asker_visible_to, ReactionKind};
use crate::domain::text::Body;
use crate::error::{ApiError, Problem};
use crate::store::answers::AnswerRow;
use actix_web::{delete, get, http::header, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An answer to a question.
#[derive(Debug, Serialize, ToSchema)]
pub struct Answer {
    /// Answer id.
    #[schema(example = 108)]
    pub id: i64,
    /// The question it answers.
    #[schema(example = 42)]
    pub question_id: i64,
    /// The answer, in Markdown.
    #[schema(
        example = "「承認を開始して待機」の結果が Reject のときの分岐にメール送信を置きます。"
    )]
    pub body: String,
    /// `body` rendered as HTML for Teams posts and Power Apps' HTML text control: sanitised
    /// (no scripts, event handlers or `javascript:` links; links get
    /// `rel="noopener noreferrer nofollow"`; images show their alt text; HTML typed into the
    /// Markdown is shown as text).
    #[schema(
        example = "<p>「承認を開始して待機」の結果が <strong>Reject</strong> のときの分岐にメール送信を置きます。</p>"
    )]
    pub body_html: String,
    /// Who answered; absent when the anonymous asker answered their own question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<MemberRef>,
    /// Whether the asker of the question wrote this answer.
    pub by_asker: bool,
    /// Whether the caller wrote this answer.
    pub mine: bool,
    /// Whether the asker accepted this answer.
    pub accepted: bool,
    /// How many members found it helpful.
    pub helpful_count: i64,
    /// How many members said thanks.
    pub thanks_count: i64,
    /// The caller's own reactions to it.
    pub my_reactions: Vec<ReactionKind>,
    /// When it was posted.
    pub created_at: DateTime<Utc>,
    /// When it was last edited.
    pub updated_at: DateTime<Utc>,
    /// Whether a moderator hid it; then only its author and moderators see it.
    pub hidden: bool,
    /// Why a moderator hid it; absent unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "個人の電話番号が含まれていたため、非表示にしました。")]
    pub hidden_reason: Option<String>,
    /// The answer's URL in this API.
    pub link: String,
    /// The answer on its question's page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/questions/42#answer-9")]
    pub web_url: String,
}

/// An answer to post, or the new text of one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    /// The answer in Markdown, 1–20,000 characters.
    #[schema(
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        min_length = 1,
        max_length = 20000,
        example = "「承認を開始して待機」の結果が Reject のときの分岐にメール送信を置きます。"
    )]
    pub body: String,
}

/// A reaction to give.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReactionInput {
    /// `helpful` or `thanks`.
    pub kind: ReactionKind,
}

/// A stored answer as `viewer` may see it. An anonymous asker's own answers stay anonymous.
pub fn answer_view(row: AnswerRow, viewer: &Caller, links: &Links) -> Answer {
    let by_asker = row.author_id == row.question_author_id;
    let visible = !by_asker
        || asker_visible_to(
            row.question_anonymous,
            row.question_author_id,
            viewer.member_id,
        );
    let mut my_reactions = Vec::new();
    if row.reacted_helpful {
        my_reactions.push(ReactionKind::Helpful);
    }
    if row.reacted_thanks {
        my_reactions.push(ReactionKind::Thanks);
    }
    Answer {
        link: links.api(&format!("/answers/{}", row.id)),
        web_url: links.site(&crate::domain::pages::answer(row.question_id, row.id)),
        id: row.id,
        question_id: row.question_id,
        author: visible.then(|| MemberRef::new(row.author_id, row.author_name.clone(), links)),
        by_asker,
        mine: row.author_id == viewer.member_id,
        accepted: row.accepted,
        helpful_count: row.helpful_count,
        thanks_count: row.thanks_count,
        my_reactions,
        body_html: crate::domain::markdown::to_html(&row.body),
        body: row.body,
        created_at: timestamp(row.created_at),
        updated_at: timestamp(row.updated_at),
        hidden: row.hidden,
        hidden_reason: row.hidden_reason,
    }
}

/// Answer `id` as `viewer` may see it; 404 when there is none or it is hidden from them.
pub async fn find_answer(
    state: &AppState,
    id: i64,
    viewer: &Caller,
) -> Result<AnswerRow, ApiError> {
    state
        .store
        .answer(id, viewer)
        .await?
        .ok_or(ApiError::NotFound("answer"))
}

async fn answer_response(
    state: &AppState,
    req: &HttpRequest,
    caller: &Caller,
    id: i64,
) -> Result<Answer, ApiError> {
    let row = find_answer(state, id, caller).await?;
    Ok(answer_view(row, caller, &Links::new(state, req)))
}

/// Whether `caller` may `action` (`edit` or `delete`) answer `row`: who wrote it or a moderator
/// (403 otherwise).
pub fn require_author_or_moderator(
    row: &AnswerRow,
    caller: &Caller,
    action: &str,
) -> Result<(), ApiError> {
    if row.author_id == caller.member_id || caller.role.can_moderate() {
        Ok(())
    } else {
        Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-answer",
            vec![("action", crate::i18n::Arg::from(action))],
        )))
    }
}

fn require_asker(row: &AnswerRow, caller: &Caller) -> Result<(), ApiError> {
    if row.question_author_id == caller.member_id {
        Ok(())
    } else {
        Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-accept",
            vec![],
        )))
    }
}

/// Answer a question
///
/// Posts an answer to a question.
#[utoipa::path(
    tag = "answers",
    operation_id = "CreateAnswer",
    params(("id" = i64, Path, description = "Question id")),
    request_body = AnswerInput,
    responses(
        (status = 201, description = "Created", body = Answer, headers(("Location" = String, description = "URL of the new answer"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/questions/{id}/answers")]
pub async fn create_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<AnswerInput>,
) -> Result<HttpResponse, ApiError> {
    let answer_id = answer(&state, &caller, id.into_inner(), &input).await?;
    let answer = answer_response(&state, &req, &caller, answer_id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, answer.link.clone()))
        .json(answer))
}

impl Answer {
    /// Whether the reader already gave `kind` (`helpful`, `thanks`) to this answer.
    pub fn has_reacted(&self, kind: &str) -> bool {
        self.my_reactions.iter().any(|r| r.as_str() == kind)
    }
}

/// Validates and stores `caller`'s answer to the question `question_id` (the API's
/// `POST /questions/{id}/answers` and the question page's form); returns its id. Errors:
/// `NotFound` for a question the caller cannot see, `Validation` for the body.
pub async fn answer(
    state: &AppState,
    caller: &Caller,
    question_id: i64,
    input: &AnswerInput,
) -> Result<i64, ApiError> {
    let question = find_question(state, question_id, caller).await?;
    let body = Body::parse(&input.body).map_err(|e| ApiError::Validation(vec![e]))?;
    let answer_id = state
        .store
        .create_answer(question.id, caller.member_id, body.as_str())
        .await?
        // Deleted since it was looked up above.
        .ok_or(ApiError::NotFound("question"))?;
    tracing::info!(question_id = question.id, answer_id, "answer created");
    Ok(answer_id)
}

/// Get an answer
///
/// Returns one answer.
#[utoipa::path(
    tag = "answers",
    operation_id = "GetAnswer",
    params(("id" = i64, Path, description = "Answer id")),
    responses(
        (status = 200, description = "The answer", body = Answer),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/answers/{id}")]
pub async fn get_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let answer = answer_response(&state, &req, &caller, id.into_inner()).await?;
    let version = etag("answer", answer.id, answer.updated_at.timestamp_micros());
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version))
        .json(answer))
}

/// Edit an answer
///
/// Replaces an answer's text. The person who answered or a moderator may edit.
#[utoipa::path(
    tag = "answers",
    operation_id = "UpdateAnswer",
    params(("id" = i64, Path, description = "Answer id")),
    request_body = AnswerInput,
    responses(
        (status = 200, description = "The updated answer", body = Answer),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the author or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/answers/{id}")]
pub async fn update_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<AnswerInput>,
) -> Result<HttpResponse, ApiError> {
    let row = find_answer(&state, id.into_inner(), &caller).await?;
    require_author_or_moderator(&row, &caller, "edit")?;
    check_if_match(&req, &etag("answer", row.id, row.updated_at))?;
    apply_answer_edit(&state, &row, &input.body).await?;
    Ok(HttpResponse::Ok().json(answer_response(&state, &req, &caller, row.id).await?))
}

/// Replaces the text of an authorized answer `row` (the API's `PATCH /answers/{id}` and the
/// answer's edit page). Errors: 422 when `body` is not 1–20,000 characters; 404 when the answer
/// was deleted meanwhile.
pub async fn apply_answer_edit(
    state: &AppState,
    row: &AnswerRow,
    body: &str,
) -> Result<(), ApiError> {
    let body = Body::parse(body).map_err(|e| ApiError::Validation(vec![e]))?;
    if !state.store.update_answer(row.id, body.as_str()).await? {
        return Err(ApiError::NotFound("answer"));
    }
    Ok(())
}

/// Delete an answer
///
/// Deletes an answer. The person who answered or a moderator may delete.
#[utoipa::path(
    tag = "answers",
    operation_id = "DeleteAnswer",
    params(("id" = i64, Path, description = "Answer id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the author or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/answers/{id}")]
pub async fn delete_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_answer(&state, id.into_inner(), &caller).await?;
    require_author_or_moderator(&row, &caller, "delete")?;
    check_if_match(&req, &etag("answer", row.id, row.updated_at))?;
    if !state.store.delete_answer(row.id).await? {
        return Err(ApiError::NotFound("answer"));
    }
    Ok(HttpResponse::NoContent().finish())
}

/// Deletes answer `id` for `caller` — who wrote it, or a moderator (the question page's
/// button; the API's `DELETE /answers/{id}` checks the version too). Returns the question's
/// id. Errors: 404 when it is not there for `caller`, 403 for someone else's answer.
pub async fn remove_answer(state: &AppState, caller: &Caller, id: i64) -> Result<i64, ApiError> {
    let row = find_answer(state, id, caller).await?;
    require_author_or_moderator(&row, caller, "delete")?;
    if !state.store.delete_answer(row.id).await? {
        return Err(ApiError::NotFound("answer"));
    }
    Ok(row.question_id)
}

/// Accept an answer
///
/// Marks this answer as the one that solved the question (replacing any earlier choice) and
/// resolves the question. Only the person who asked may accept.
#[utoipa::path(
    tag = "answers",
    operation_id = "AcceptAnswer",
    params(("id" = i64, Path, description = "Answer id")),
    responses(
        (status = 200, description = "The accepted answer", body = Answer),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the asker", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/answers/{id}/accept")]
pub async fn accept_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = accept(&state, &caller, id.into_inner()).await?.1;
    Ok(HttpResponse::Ok().json(answer_response(&state, &req, &caller, id).await?))
}

/// Makes answer `answer_id` the best answer of its question (the asker only; the API's
/// `POST /answers/{id}/accept` and the question page's button). Returns (question id, answer
/// id). Errors: `NotFound`, `Forbidden` for anyone but the asker.
pub async fn accept(
    state: &AppState,
    caller: &Caller,
    answer_id: i64,
) -> Result<(i64, i64), ApiError> {
    let row = find_answer(state, answer_id, caller).await?;
    require_asker(&row, caller)?;
    state
        .store
        .set_accepted(row.question_id, row.id, true)
        .await?;
    tracing::info!(
        question_id = row.question_id,
        answer_id = row.id,
        "answer accepted"
    );
    Ok((row.question_id, row.id))
}

/// Withdraw acceptance
///
/// Un-accepts this answer; the question is no longer resolved. Only the person who asked may.
#[utoipa::path(
    tag = "answers",
    operation_id = "UnacceptAnswer",
    params(("id" = i64, Path, description = "Answer id")),
    responses(
        (status = 200, description = "The answer, no longer accepted", body = Answer),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the asker", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/answers/{id}/accept")]
pub async fn unaccept_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_answer(&state, id.into_inner(), &caller).await?;
    require_asker(&row, &caller)?;
    state
        .store
        .set_accepted(row.question_id, row.id, false)
        .await?;
    Ok(HttpResponse::Ok().json(answer_response(&state, &req, &caller, row.id).await?))
}

/// React to an answer
///
/// Marks an answer `helpful` or says `thanks`. Reacting twice counts once. Reactions are
/// positive only; you cannot react to your own answer.
#[utoipa::path(
    tag = "answers",
    operation_id = "AddReaction",
    params(("id" = i64, Path, description = "Answer id")),
    request_body = ReactionInput,
    responses(
        (status = 200, description = "The answer with its reaction counts", body = Answer),
        (status = 400, description = "Malformed request or unknown kind", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Your own answer", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/answers/{id}/reactions")]
pub async fn add_reaction(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<ReactionInput>,
) -> Result<HttpResponse, ApiError> {
    let id = react(&state, &caller, id.into_inner(), input.kind).await?.1;
    Ok(HttpResponse::Ok().json(answer_response(&state, &req, &caller, id).await?))
}

/// Gives `kind` to answer `answer_id` (idempotent; not to one's own answer — the API's
/// `POST /answers/{id}/reactions` and the question page's buttons). Returns (question id,
/// answer id). Errors: `NotFound`, `Unprocessable` (`own_answer`).
pub async fn react(
    state: &AppState,
    caller: &Caller,
    answer_id: i64,
    kind: ReactionKind,
) -> Result<(i64, i64), ApiError> {
    let row = find_answer(state, answer_id, caller).await?;
    if row.author_id == caller.member_id {
        return Err(ApiError::Unprocessable(
            "own_answer",
            crate::error::Text::say("own-answer", vec![]),
        ));
    }
    state
        .store
        .set_reaction(row.id, caller.member_id, kind, true)
        .await?;
    Ok((row.question_id, row.id))
}

/// Remove a reaction
///
/// Withdraws the caller's `helpful` or `thanks` from an answer. Removing twice is harmless.
#[utoipa::path(
    tag = "answers",
    operation_id = "RemoveReaction",
    params(
        ("id" = i64, Path, description = "Answer id"),
        ("kind" = ReactionKind, Path, description = "`helpful` or `thanks`")
    ),
    responses(
        (status = 200, description = "The answer with its reaction counts", body = Answer),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer or reaction kind", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/answers/{id}/reactions/{kind}")]
pub async fn remove_reaction(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    path: web::Path<(i64, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    let kind = ReactionKind::from_stored(&kind).ok_or_else(|| {
        ApiError::NotFoundBecause(
            "not_found",
            crate::error::Text::say(
                "reaction-kind-unknown",
                vec![
                    ("kind", crate::i18n::Arg::from(kind.as_str())),
                    ("allowed", crate::i18n::Arg::from("helpful, thanks")),
                ],
            ),
        )
    })?;
    let row = find_answer(&state, id, &caller).await?;
    state
        .store
        .set_reaction(row.id, caller.member_id, kind, false)
        .await?;
    Ok(HttpResponse::Ok().json(answer_response(&state, &req, &caller, row.id).await?))
}
