//! Questions: ask (anonymously if you like), list and search, read with answers, edit,
//! delete, "me too", and "someone may already have asked this".

use crate::api::answers::{answer_view, Answer};
use crate::api::extract::{optional_tag, Json, Query};
use crate::api::links::Links;
use crate::api::members::MemberRef;
use crate::api::pagination::{decode_question_cursor, finish_page, page_limit};
use crate::api::versioning::{check_if_match, etag};
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::pages;
use crate::domain::question::{asker_visible_to, QuestionSort, QuestionStatus};
use crate::domain::search::{normalize, similarity, similarity_grams, SearchQuery};
use crate::domain::tag::TagSlug;
use crate::domain::text::{single_line, Body, QuestionTitle, TITLE_MAX_CHARS};
use crate::error::{ApiError, FieldError, FieldErrors, Problem};
use crate::store::questions::{NewQuestion, QuestionChanges, QuestionFilter, QuestionRow};
use crate::store::SortKey;
use actix_web::{delete, get, http::header, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A question.
#[derive(Debug, Serialize, ToSchema)]
pub struct Question {
    /// Question id.
    #[schema(example = 42)]
    pub id: i64,
    /// The question in one line.
    #[schema(example = "承認フローで差し戻しされたときに申請者へ通知するには？")]
    pub title: String,
    /// Details, in Markdown.
    #[schema(
        example = "経費精算の承認フローを作りました。差し戻しのときだけ申請者にメールを送りたいです。"
    )]
    pub body: String,
    /// `body` rendered as HTML for Teams posts and Power Apps' HTML text control: sanitised
    /// (no scripts, event handlers or `javascript:` links; links get
    /// `rel="noopener noreferrer nofollow"`; images show their alt text; HTML typed into the
    /// Markdown is shown as text).
    #[schema(
        example = "<p>経費精算の承認フローを作りました。差し戻しのときだけ申請者にメールを送りたいです。</p>"
    )]
    pub body_html: String,
    /// Topics.
    #[schema(example = json!(["approvals", "outlook"]))]
    pub tags: Vec<String>,
    /// Where the question stands.
    pub status: QuestionStatus,
    /// Whether the asker chose to stay anonymous.
    pub anonymous: bool,
    /// Who asked; absent when the question is anonymous (except for the asker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<MemberRef>,
    /// Whether the caller asked this question.
    pub mine: bool,
    /// How many members have this question too.
    pub me_too_count: i64,
    /// Whether the caller said "me too".
    pub me_too: bool,
    /// Number of answers.
    pub answer_count: i64,
    /// The accepted answer's id, once the asker accepted one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted_answer_id: Option<i64>,
    /// When it was asked.
    pub created_at: DateTime<Utc>,
    /// When it was last edited.
    pub updated_at: DateTime<Utc>,
    /// When it last changed in any way (asked, answered, accepted, edited).
    pub last_activity_at: DateTime<Utc>,
    /// Whether a moderator hid it; then only its author and moderators see it.
    pub hidden: bool,
    /// Why a moderator hid it; absent unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "個人の電話番号が含まれていたため、非表示にしました。")]
    pub hidden_reason: Option<String>,
    /// The question's URL in this API.
    #[schema(example = "https://tsunagu.example.com/api/v1/questions/42")]
    pub link: String,
    /// The question's page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/questions/42")]
    pub web_url: String,
}

/// A question with all its answers (accepted first, then oldest first).
#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionWithAnswers {
    /// The question.
    #[serde(flatten)]
    pub question: Question,
    /// Its answers.
    pub answers: Vec<Answer>,
}

/// One page of questions.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionPage {
    /// The questions on this page.
    pub items: Vec<Question>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// The URL of the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// A question to ask.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateQuestion {
    /// The question in one line, 5–150 characters.
    #[schema(
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        min_length = 5,
        max_length = 150,
        example = "承認フローで差し戻しされたときに申請者へ通知するには？"
    )]
    pub title: String,
    /// Details in Markdown, 1–20,000 characters.
    #[schema(
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        min_length = 1,
        max_length = 20000,
        example = "経費精算の承認フローを作りました。差し戻しのときだけ申請者にメールを送りたいです。"
    )]
    pub body: String,
    /// Up to 5 topics; new ones are created on first use.
    #[serde(default)]
    #[schema(value_type = Vec<crate::api::tags::TagName>, max_items = 5, example = json!(["approvals"]))]
    pub tags: Vec<String>,
    /// Hide who asked from everyone else (default false).
    #[serde(default)]
    pub anonymous: bool,
}

/// Changes to a question; absent fields stay as they are.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateQuestion {
    /// New title, 5–150 characters.
    #[schema(
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        min_length = 5,
        max_length = 150
    )]
    pub title: Option<String>,
    /// New body, 1–20,000 characters.
    #[schema(
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        min_length = 1,
        max_length = 20000
    )]
    pub body: Option<String>,
    /// New set of topics (replaces the old set), up to 5.
    #[schema(value_type = Option<Vec<crate::api::tags::TagName>>, max_items = 5, example = json!(["approvals"]))]
    pub tags: Option<Vec<String>>,
    /// Change anonymity; only the asker may.
    pub anonymous: Option<bool>,
}

/// Filters, search and paging for a question listing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuestionsParams {
    /// Only questions with this topic.
    #[param(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$"
    )]
    pub tag: Option<String>,
    /// Only questions in this state.
    pub status: Option<QuestionStatus>,
    /// Only questions nobody but the asker has answered.
    #[serde(default, deserialize_with = "crate::api::extract::flag")]
    pub unanswered: Option<bool>,
    /// Only questions I asked.
    #[serde(default, deserialize_with = "crate::api::extract::flag")]
    pub mine: Option<bool>,
    /// Search words (Japanese or English), separated by spaces, at most 10; all must match
    /// title or body.
    #[param(
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        max_length = 200
    )]
    pub q: Option<String>,
    /// Order: `newest` (default), `active` (latest activity first) or `oldest` (with
    /// `unanswered`: the longest-waiting first).
    pub sort: Option<QuestionSort>,
    /// Page size, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// A draft title to compare with existing questions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SimilarParams {
    /// The draft title, 1–150 characters.
    #[param(
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        min_length = 1,
        max_length = 150
    )]
    pub title: String,
    /// How many suggestions, 1–10 (default 5).
    #[param(minimum = 1, maximum = 10)]
    pub limit: Option<i64>,
}

/// An existing question similar to a draft.
#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarQuestion {
    /// Question id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Where it stands.
    pub status: QuestionStatus,
    /// Topics.
    pub tags: Vec<String>,
    /// Number of answers.
    pub answer_count: i64,
    /// Share of the draft's character n-grams found in this title, 0–1.
    #[schema(example = 0.72)]
    pub similarity: f64,
    /// When it was asked.
    pub created_at: DateTime<Utc>,
    /// The question's URL in this API.
    pub link: String,
    /// The question's page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/questions/42")]
    pub web_url: String,
}

/// Questions similar to a draft, most similar first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarQuestionList {
    /// Up to `limit` questions.
    pub items: Vec<SimilarQuestion>,
}

/// The "me too" state of a question.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeToo {
    /// Question id.
    pub question_id: i64,
    /// How many members have this question too.
    pub me_too_count: i64,
    /// Whether the caller is one of them.
    pub me_too: bool,
}

/// Least similarity for a suggestion.
const SIMILAR_MIN_SCORE: f64 = 0.3;
/// How many recent matching questions are scored.
const SIMILAR_CANDIDATES: i64 = 300;

/// A stored question as `viewer` may see it: the anonymity rule is applied here.
pub fn question_view(row: QuestionRow, viewer: &Caller, links: &Links) -> Question {
    let author = asker_visible_to(row.anonymous, row.author_id, viewer.member_id)
        .then(|| MemberRef::new(row.author_id, row.author_name.clone(), links));
    Question {
        link: links.api(&format!("/questions/{}", row.id)),
        web_url: links.site(&pages::question(row.id)),
        id: row.id,
        title: row.title,
        body_html: crate::domain::markdown::to_html(&row.body),
        body: row.body,
        tags: row.tags,
        status: QuestionStatus::from_stored(&row.status),
        anonymous: row.anonymous,
        author,
        mine: row.author_id == viewer.member_id,
        me_too_count: row.me_too_count,
        me_too: row.me_too,
        answer_count: row.answer_count,
        accepted_answer_id: row.accepted_answer_id,
        created_at: timestamp(row.created_at),
        updated_at: timestamp(row.updated_at),
        last_activity_at: timestamp(row.last_activity_at),
        hidden: row.hidden,
        hidden_reason: row.hidden_reason,
    }
}

/// Loads a question or fails with 404.
pub async fn find_question(
    state: &AppState,
    id: i64,
    viewer: &Caller,
) -> Result<QuestionRow, ApiError> {
    state
        .store
        .question(id, viewer)
        .await?
        .ok_or(ApiError::NotFound("question"))
}

fn query_error(e: FieldError) -> ApiError {
    ApiError::InvalidQuery(e)
}

/// Ask a question
///
/// Posts a question. Set `anonymous` to hide who asked from everyone else; you still see it
/// as yours and can accept an answer.
#[utoipa::path(
    tag = "questions",
    operation_id = "CreateQuestion",
    request_body = CreateQuestion,
    responses(
        (status = 201, description = "Created", body = Question, headers(("Location" = String, description = "URL of the new question"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/questions")]
pub async fn create_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<CreateQuestion>,
) -> Result<HttpResponse, ApiError> {
    let id = ask(&state, &caller, &input).await?;
    let links = Links::new(&state, &req);
    let question = question_view(find_question(&state, id, &caller).await?, &caller, &links);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, question.link.clone()))
        .json(question))
}

/// Validates and stores a question by `caller` (the API's `POST /questions` and the Ask page);
/// returns its id. Errors: `Validation` listing every bad field.
pub async fn ask(
    state: &AppState,
    caller: &Caller,
    input: &CreateQuestion,
) -> Result<i64, ApiError> {
    let mut errors = FieldErrors::default();
    let title = errors.check(QuestionTitle::parse(&input.title));
    let body = errors.check(Body::parse(&input.body));
    let tags = errors.check_all(TagSlug::parse_list("tags", &input.tags));
    let (Some(title), Some(body), Some(tags), true) = (title, body, tags, errors.is_empty()) else {
        return Err(errors.into_error());
    };
    let id = state
        .store
        .create_question(&NewQuestion {
            author_id: caller.member_id,
            title: title.as_str(),
            body: body.as_str(),
            search_title: &normalize(title.as_str()),
            search_body: &normalize(body.as_str()),
            anonymous: input.anonymous,
            tags: &tags,
        })
        .await?;
    // No member id here: an anonymous question's author must not be findable in the logs.
    tracing::info!(question_id = id, "question created");
    Ok(id)
}

/// List questions
///
/// Lists questions, newest (or most active) first, with filters and Japanese/English search.
/// Pages with `limit` and `cursor`; `next_link` is the next page.
#[utoipa::path(
    tag = "questions",
    operation_id = "ListQuestions",
    params(ListQuestionsParams),
    responses(
        (status = 200, description = "A page of questions", body = QuestionPage),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/questions")]
pub async fn list_questions(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<ListQuestionsParams>,
) -> Result<HttpResponse, ApiError> {
    let limit = page_limit(params.limit)?;
    let tag = optional_tag(params.tag.as_deref())?;
    let search = match &params.q {
        Some(q) => {
            SearchQuery::parse("q", q, &state.config.search_glossary).map_err(query_error)?
        }
        None => None,
    };
    let sort = params.sort.unwrap_or_default();
    let scope = format!(
        "{}{}",
        sort.as_str(),
        if search.is_some() { "+q" } else { "" }
    );
    let after = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(decode_question_cursor(&scope, c)?),
        None => None,
    };
    let filter = QuestionFilter {
        tag,
        status: params.status,
        unanswered: params.unanswered.unwrap_or(false),
        asked_by: params.mine.unwrap_or(false).then_some(caller.member_id),
        search,
        sort,
        after,
        limit: limit + 1,
    };
    let mut rows = state.store.list_questions(&caller, &filter).await?;
    let next_cursor = finish_page(&mut rows, limit, "q1", &scope, |last| SortKey {
        rank: last.rank,
        sort_key: last.sort_key,
        id: last.id,
    });
    let links = Links::new(&state, &req);
    let next_link = next_cursor.as_deref().map(|c| links.with_cursor(&req, c));
    Ok(HttpResponse::Ok().json(QuestionPage {
        items: rows
            .into_iter()
            .map(|r| question_view(r, &caller, &links))
            .collect(),
        next_cursor,
        next_link,
    }))
}

/// Find similar questions
///
/// Suggests up to 5 existing questions whose titles resemble a draft title, so an asker can
/// see that someone may already have asked. Works for Japanese titles without spaces.
#[utoipa::path(
    tag = "questions",
    operation_id = "FindSimilarQuestions",
    params(SimilarParams),
    responses(
        (status = 200, description = "Similar questions, most similar first", body = SimilarQuestionList),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/questions/similar")]
pub async fn similar_questions(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<SimilarParams>,
) -> Result<HttpResponse, ApiError> {
    let title = single_line("title", &params.title, 1, TITLE_MAX_CHARS).map_err(query_error)?;
    let limit = match params.limit {
        None => 5,
        Some(n) if (1..=10).contains(&n) => n as usize,
        Some(n) => {
            return Err(query_error(FieldError::say(
                "limit",
                "out_of_range",
                "value-out-of-range",
                vec![
                    ("min", crate::i18n::Arg::from(1i64)),
                    ("max", crate::i18n::Arg::from(10i64)),
                    ("got", crate::i18n::Arg::from(n)),
                ],
            )))
        }
    };
    let draft = similarity_grams(&title);
    let grams: Vec<String> = draft.iter().cloned().collect();
    let candidates = state
        .store
        .similar_candidates(&grams, SIMILAR_CANDIDATES)
        .await?;
    let mut scored: Vec<(f64, i64)> = candidates
        .into_iter()
        .map(|(id, title)| (similarity(&draft, &title), id))
        .filter(|(score, _)| *score >= SIMILAR_MIN_SCORE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
    scored.truncate(limit);
    let links = Links::new(&state, &req);
    let mut items = Vec::with_capacity(scored.len());
    for (score, id) in scored {
        if let Some(row) = state.store.question(id, &caller).await? {
            items.push(SimilarQuestion {
                link: links.api(&format!("/questions/{}", row.id)),
                web_url: links.site(&pages::question(row.id)),
                id: row.id,
                title: row.title,
                status: QuestionStatus::from_stored(&row.status),
                tags: row.tags,
                answer_count: row.answer_count,
                similarity: (score * 100.0).round() / 100.0,
                created_at: timestamp(row.created_at),
            });
        }
    }
    Ok(HttpResponse::Ok().json(SimilarQuestionList { items }))
}

/// Get a question
///
/// Returns a question with all its answers.
#[utoipa::path(
    tag = "questions",
    operation_id = "GetQuestion",
    params(("id" = i64, Path, description = "Question id")),
    responses(
        (status = 200, description = "The question and its answers", body = QuestionWithAnswers),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/questions/{id}")]
pub async fn get_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_question(&state, id.into_inner(), &caller).await?;
    let version = etag("question", row.id, row.updated_at);
    let answers = state.store.answers_to(row.id, &caller).await?;
    let links = Links::new(&state, &req);
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version))
        .json(QuestionWithAnswers {
            question: question_view(row, &caller, &links),
            answers: answers
                .into_iter()
                .map(|a| answer_view(a, &caller, &links))
                .collect(),
        }))
}

/// Edit a question
///
/// Changes a question's title, body, tags or anonymity. The asker or a moderator may edit;
/// only the asker may change `anonymous`.
#[utoipa::path(
    tag = "questions",
    operation_id = "UpdateQuestion",
    params(("id" = i64, Path, description = "Question id")),
    request_body = UpdateQuestion,
    responses(
        (status = 200, description = "The updated question", body = Question),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the asker or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/questions/{id}")]
pub async fn update_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<UpdateQuestion>,
) -> Result<HttpResponse, ApiError> {
    let row = find_question(&state, id.into_inner(), &caller).await?;
    authorize_edit(&row, &caller, &input)?;
    check_if_match(&req, &etag("question", row.id, row.updated_at))?;
    apply_edit(&state, &row, &input).await?;
    let links = Links::new(&state, &req);
    let updated = find_question(&state, row.id, &caller).await?;
    Ok(HttpResponse::Ok().json(question_view(updated, &caller, &links)))
}

/// Whether `caller` may make these changes to question `row`: the asker or a moderator may
/// edit; only the asker may show or hide her name (403 otherwise).
pub fn authorize_edit(
    row: &QuestionRow,
    caller: &Caller,
    input: &UpdateQuestion,
) -> Result<(), ApiError> {
    let is_asker = row.author_id == caller.member_id;
    if !is_asker && !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-question",
            vec![("action", crate::i18n::Arg::from("edit"))],
        )));
    }
    if input.anonymous.is_some() && !is_asker {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-anonymous",
            vec![],
        )));
    }
    Ok(())
}

/// Applies authorized changes to question `row` (the API's `PATCH /questions/{id}` and the
/// question page's "show my name" button). Errors: 422 with every invalid field; 404 when the
/// question was deleted meanwhile.
pub async fn apply_edit(
    state: &AppState,
    row: &QuestionRow,
    input: &UpdateQuestion,
) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    let title = input
        .title
        .as_deref()
        .and_then(|t| errors.check(QuestionTitle::parse(t)));
    let body = input
        .body
        .as_deref()
        .and_then(|b| errors.check(Body::parse(b)));
    let tags = input
        .tags
        .as_deref()
        .and_then(|t| errors.check_all(TagSlug::parse_list("tags", t)));
    if !errors.is_empty() {
        return Err(errors.into_error());
    }
    let search_title = title.as_ref().map(|t| normalize(t.as_str()));
    let search_body = body.as_ref().map(|b| normalize(b.as_str()));
    let changes = QuestionChanges {
        title: title
            .as_ref()
            .zip(search_title.as_deref())
            .map(|(t, s)| (t.as_str(), s)),
        body: body
            .as_ref()
            .zip(search_body.as_deref())
            .map(|(b, s)| (b.as_str(), s)),
        anonymous: input.anonymous,
        tags: tags.as_deref(),
    };
    let nothing_to_change = changes.title.is_none()
        && changes.body.is_none()
        && changes.anonymous.is_none()
        && changes.tags.is_none();
    if !nothing_to_change && !state.store.update_question(row.id, &changes).await? {
        return Err(ApiError::NotFound("question"));
    }
    Ok(())
}

/// Delete a question
///
/// Deletes a question with its answers. The asker or a moderator may delete.
#[utoipa::path(
    tag = "questions",
    operation_id = "DeleteQuestion",
    params(("id" = i64, Path, description = "Question id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the asker or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/questions/{id}")]
pub async fn delete_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_question(&state, id.into_inner(), &caller).await?;
    authorize_delete(&row, &caller)?;
    check_if_match(&req, &etag("question", row.id, row.updated_at))?;
    remove_question(&state, &row).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Whether `caller` may delete question `row`: the asker or a moderator (403 otherwise).
pub fn authorize_delete(row: &QuestionRow, caller: &Caller) -> Result<(), ApiError> {
    if row.author_id != caller.member_id && !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-question",
            vec![("action", crate::i18n::Arg::from("delete"))],
        )));
    }
    Ok(())
}

/// Deletes question `row` with its answers (the API's `DELETE /questions/{id}` and the
/// question page's button, after [`authorize_delete`]); 404 when it went meanwhile.
pub async fn remove_question(state: &AppState, row: &QuestionRow) -> Result<(), ApiError> {
    if !state.store.delete_question(row.id).await? {
        return Err(ApiError::NotFound("question"));
    }
    tracing::info!(question_id = row.id, "question deleted");
    Ok(())
}

async fn set_me_too(
    state: &AppState,
    caller: &Caller,
    id: i64,
    on: bool,
) -> Result<HttpResponse, ApiError> {
    let (question_id, count) = me_too(state, caller, id, on).await?;
    Ok(HttpResponse::Ok().json(MeToo {
        question_id,
        me_too_count: count,
        me_too: on,
    }))
}

/// Records (`on`) or withdraws `caller`'s "me too" on question `id` (idempotent; not on one's
/// own question — the API's `/questions/{id}/me-too` and the question page's button). Returns
/// (question id, new count). Errors: `NotFound`, `Unprocessable` (`own_question`).
pub async fn me_too(
    state: &AppState,
    caller: &Caller,
    id: i64,
    on: bool,
) -> Result<(i64, i64), ApiError> {
    let row = find_question(state, id, caller).await?;
    if on && row.author_id == caller.member_id {
        return Err(ApiError::Unprocessable(
            "own_question",
            crate::error::Text::say("own-question", vec![]),
        ));
    }
    let count = state
        .store
        .set_me_too(row.id, caller.member_id, on)
        .await?
        .ok_or(ApiError::NotFound("question"))?;
    Ok((row.id, count))
}

/// Say you have this question too
///
/// Records that the caller has this question too. Saying it twice counts once.
#[utoipa::path(
    tag = "questions",
    operation_id = "AddMeToo",
    params(("id" = i64, Path, description = "Question id")),
    responses(
        (status = 200, description = "The new count", body = MeToo),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Your own question", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/questions/{id}/me-too")]
pub async fn add_me_too(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    set_me_too(&state, &caller, id.into_inner(), true).await
}

/// Withdraw your me-too
///
/// Withdraws the caller's "me too". Withdrawing twice is harmless.
#[utoipa::path(
    tag = "questions",
    operation_id = "RemoveMeToo",
    params(("id" = i64, Path, description = "Question id")),
    responses(
        (status = 200, description = "The new count", body = MeToo),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/questions/{id}/me-too")]
pub async fn remove_me_too(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    set_me_too(&state, &caller, id.into_inner(), false).await
}
