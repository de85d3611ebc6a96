//! Reporting a hurtful post, and the moderators' queue.
//!
//! Any member may report a question, answer, tip or win they can see, once (reporting it again
//! answers `200` with the first report). Moderators and admins list the queue, resolve a report
//! (hide the post, record that they edited it, or dismiss it — each closes every open report of
//! that post) and show a hidden post again. The reporter is never in a response or an event:
//! not for the author, not for other members, and not for moderators either, who may be the
//! author's friends; a reporter can read their own report back.

use crate::api::extract::{Json, Query};
use crate::api::links::Links;
use crate::api::pagination::{decode_cursor, finish_page, page_limit};
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::event::excerpt;
use crate::domain::member::Role;
use crate::domain::report::{
    parse_note, parse_resolution_reason, ReportReason, ReportStatus, ReportTargetKind,
    ResolveAction,
};
use crate::error::{ApiError, FieldErrors, Problem};
use crate::store::reports::{Filed, NewReport, ReportFilter, ReportRow, Resolved};
use crate::store::SortKey;
use actix_web::{delete, get, http::header, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A report of a post. It never names the reporter.
#[derive(Debug, Serialize, ToSchema)]
pub struct Report {
    /// Report id.
    #[schema(example = 4)]
    pub id: i64,
    /// What kind of post was reported.
    pub target_kind: ReportTargetKind,
    /// The reported post's id.
    #[schema(example = 9)]
    pub target_id: i64,
    /// The post's title, or the first 280 characters of an answer (moderators only; absent once the post is deleted).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "条件分岐で「差し戻し」を判定して、メール送信アクションを追加します。")]
    pub target_title: Option<String>,
    /// The reported post's URL in this API.
    #[schema(example = "https://tsunagu.example.com/api/v1/answers/9")]
    pub target_link: String,
    /// Why it was reported.
    pub reason: ReportReason,
    /// The reporter's note, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "言い方がきつく、初心者が質問しづらくなると思います。")]
    pub note: Option<String>,
    /// Where the report stands.
    pub status: ReportStatus,
    /// How many members have reported this post, in any status (moderators only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = 2)]
    pub report_count: Option<i64>,
    /// The moderator's reason, when one was given (moderators only; the moderator is never named).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "個人の電話番号が含まれていたため、非表示にしました。")]
    pub resolution_reason: Option<String>,
    /// When it was reported.
    pub created_at: DateTime<Utc>,
    /// When a moderator resolved it; absent while open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// The report's URL in this API.
    #[schema(example = "https://tsunagu.example.com/api/v1/reports/4")]
    pub link: String,
}

/// One page of the moderators' queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportPage {
    /// The reports on this page, oldest first.
    pub items: Vec<Report>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// The URL of the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// A post to report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateReport {
    /// What kind of post: `question`, `answer`, `tip` or `win`.
    pub target_kind: ReportTargetKind,
    /// The post's id.
    #[schema(example = 1)]
    pub target_id: i64,
    /// Why you report it.
    pub reason: ReportReason,
    /// Anything moderators should know, 1–1,000 characters (optional; the author never sees it).
    #[schema(
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        max_length = 1000,
        example = "言い方がきつく、初心者が質問しづらくなると思います。"
    )]
    pub note: Option<String>,
}

/// What a moderator does with a report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolveReport {
    /// `hide` the post, record that you `edited` it, or `dismiss` the report.
    pub action: ResolveAction,
    /// Why, 1–500 characters; required to hide (the author is shown it), optional otherwise.
    #[schema(
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        max_length = 500,
        example = "個人の電話番号が含まれていたため、非表示にしました。"
    )]
    pub reason: Option<String>,
}

/// Which reports to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListReportsParams {
    /// Only reports in this state (default `open`).
    pub status: Option<ReportStatus>,
    /// Page size, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// A report as `viewer` may see it: moderators see the post's title, the count and the
/// resolution; the reporter reading their own report sees what they sent and its status.
fn report_view(row: ReportRow, viewer: &Caller, links: &Links) -> Report {
    let moderator = viewer.role.can_moderate();
    let target_kind =
        ReportTargetKind::parse(&row.target_kind).unwrap_or(ReportTargetKind::Question);
    Report {
        link: links.api(&format!("/reports/{}", row.id)),
        target_link: links.api(&target_kind.path(row.target_id)),
        id: row.id,
        target_kind,
        target_id: row.target_id,
        target_title: row
            .target_text
            .filter(|_| moderator)
            .map(|t| excerpt(&t, 280)),
        reason: ReportReason::from_stored(&row.reason),
        note: row.note,
        status: ReportStatus::from_stored(&row.status),
        report_count: moderator.then_some(row.report_count),
        resolution_reason: row.resolution_reason.filter(|_| moderator),
        created_at: timestamp(row.created_at),
        resolved_at: row.resolved_at.map(timestamp),
    }
}

/// The author of a post the caller can see, or 404 (also when it is hidden from them).
async fn visible_post_author(
    state: &AppState,
    caller: &Caller,
    kind: ReportTargetKind,
    id: i64,
) -> Result<i64, ApiError> {
    let store = &state.store;
    let author = match kind {
        ReportTargetKind::Question => store.question(id, caller).await?.map(|r| r.author_id),
        ReportTargetKind::Answer => store.answer(id, caller).await?.map(|r| r.author_id),
        ReportTargetKind::Tip => store.tip(id, caller).await?.map(|r| r.author_id),
        ReportTargetKind::Win => store.win(id, caller).await?.map(|r| r.author_id),
    };
    author.ok_or(ApiError::NotFound(kind.as_str()))
}

/// A report the caller may read: any, for moderators; their own, for the reporter.
async fn find_report(state: &AppState, id: i64, caller: &Caller) -> Result<ReportRow, ApiError> {
    match state.store.report(id).await? {
        Some(row) if caller.role.can_moderate() || row.filed_by(caller.member_id) => Ok(row),
        _ => Err(ApiError::NotFound("report")),
    }
}

/// Report a post
///
/// Tells the moderators that a question, answer, tip or win is unkind, spam, shows personal information, or is wrong in another way. Nobody else learns who reported it, not even the moderators. Each member reports a post once; reporting it again returns the first report.
#[utoipa::path(
    tag = "reports",
    operation_id = "ReportPost",
    request_body = CreateReport,
    responses(
        (status = 201, description = "Reported", body = Report, headers(("Location" = String, description = "URL of the new report"))),
        (status = 200, description = "You had already reported this post; nothing changed", body = Report),
        (status = 400, description = "Malformed request or unknown reason", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such post", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Your own post, or an invalid note", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/reports")]
pub async fn create_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<CreateReport>,
) -> Result<HttpResponse, ApiError> {
    let (id, new) = file_report(&state, &caller, &input).await?;
    let report = report_view(
        find_report(&state, id, &caller).await?,
        &caller,
        &Links::new(&state, &req),
    );
    Ok(if new {
        HttpResponse::Created()
            .insert_header((header::LOCATION, report.link.clone()))
            .json(report)
    } else {
        HttpResponse::Ok().json(report)
    })
}

/// Files `caller`'s report of a post (the API's `POST /reports` and the pages' report form):
/// once per member and post — a second report returns the first. Returns the report's id and
/// whether it is new. Errors: 404 when the post is not there for `caller`, 422 for one's own
/// post or an invalid note.
pub async fn file_report(
    state: &AppState,
    caller: &Caller,
    input: &CreateReport,
) -> Result<(i64, bool), ApiError> {
    let author = visible_post_author(state, caller, input.target_kind, input.target_id).await?;
    if author == caller.member_id {
        return Err(ApiError::Unprocessable(
            "own_post",
            crate::error::Text::say(
                "own-post",
                vec![("kind", crate::i18n::Arg::from(input.target_kind.as_str()))],
            ),
        ));
    }
    let mut errors = FieldErrors::default();
    let note = errors.check(parse_note(input.note.as_deref()));
    let (Some(note), true) = (note, errors.is_empty()) else {
        return Err(errors.into_error());
    };
    let filed = state
        .store
        .create_report(&NewReport {
            reporter_id: caller.member_id,
            target_kind: input.target_kind,
            target_id: input.target_id,
            reason: input.reason,
            note: note.as_deref(),
        })
        .await?;
    let (id, new) = match filed {
        Filed::New(id) => (id, true),
        Filed::Existing(id) => (id, false),
        Filed::NoPost => return Err(ApiError::NotFound(input.target_kind.as_str())),
    };
    // No member id: the reporter must not be findable in the logs either.
    if new {
        tracing::info!(
            report_id = id,
            target_kind = input.target_kind.as_str(),
            target_id = input.target_id,
            "post reported"
        );
    }
    Ok((id, new))
}

/// List reports
///
/// Lists reports for moderators, oldest first: by default the open ones still waiting for a moderator. Reports never name who reported.
#[utoipa::path(
    tag = "reports",
    operation_id = "ListReports",
    params(ListReportsParams),
    responses(
        (status = 200, description = "A page of reports", body = ReportPage),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Moderators only", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/reports")]
pub async fn list_reports(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<ListReportsParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Moderator)?;
    let limit = page_limit(params.limit)?;
    let status = params.status.unwrap_or_default();
    let after = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(decode_cursor("r1", status.as_str(), c)?),
        None => None,
    };
    let mut rows = state
        .store
        .list_reports(&ReportFilter {
            status,
            after,
            limit: limit + 1,
        })
        .await?;
    let next_cursor = finish_page(&mut rows, limit, "r1", status.as_str(), |last| SortKey {
        rank: 0,
        sort_key: last.created_at,
        id: last.id,
    });
    let links = Links::new(&state, &req);
    let next_link = next_cursor.as_deref().map(|c| links.with_cursor(&req, c));
    Ok(HttpResponse::Ok().json(ReportPage {
        items: rows
            .into_iter()
            .map(|r| report_view(r, &caller, &links))
            .collect(),
        next_cursor,
        next_link,
    }))
}

/// Get a report
///
/// Returns one report: any, for moderators; your own, for the member who reported.
#[utoipa::path(
    tag = "reports",
    operation_id = "GetReport",
    params(("id" = i64, Path, description = "Report id")),
    responses(
        (status = 200, description = "The report", body = Report),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such report of yours", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/reports/{id}")]
pub async fn get_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_report(&state, id.into_inner(), &caller).await?;
    Ok(HttpResponse::Ok().json(report_view(row, &caller, &Links::new(&state, &req))))
}

/// Resolve a report
///
/// Moderators only. Hides the post (its author and moderators still see it, and the author is told why but not by whom), records that you edited it, or dismisses the report. Every open report of the same post is closed with it.
#[utoipa::path(
    tag = "reports",
    operation_id = "ResolveReport",
    params(("id" = i64, Path, description = "Report id")),
    request_body = ResolveReport,
    responses(
        (status = 200, description = "The resolved report", body = Report),
        (status = 400, description = "Malformed request or unknown action", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Moderators only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such report, or the post to hide was deleted", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The report was already resolved", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field (a reason is required to hide)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/reports/{id}/resolve")]
pub async fn resolve_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<ResolveReport>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Moderator)?;
    let id = id.into_inner();
    let mut errors = FieldErrors::default();
    let reason = errors.check(parse_resolution_reason(
        input.action,
        input.reason.as_deref(),
    ));
    let (Some(reason), true) = (reason, errors.is_empty()) else {
        return Err(errors.into_error());
    };
    match state
        .store
        .resolve_report(id, input.action, reason.as_deref(), caller.member_id)
        .await?
    {
        Resolved::Closed(closed) => {
            tracing::info!(
                report_id = id,
                closed,
                status = input.action.status().as_str(),
                "reports resolved"
            );
        }
        Resolved::NoReport => return Err(ApiError::NotFound("report")),
        Resolved::AlreadyResolved => {
            return Err(ApiError::Conflict(
                "report_resolved",
                crate::error::Text::say("report-resolved", vec![]),
            ))
        }
        Resolved::NoPost => {
            return Err(ApiError::NotFoundBecause(
                "post_deleted",
                crate::error::Text::say("post-deleted", vec![]),
            ))
        }
    }
    let row = find_report(&state, id, &caller).await?;
    Ok(HttpResponse::Ok().json(report_view(row, &caller, &Links::new(&state, &req))))
}

/// Show a hidden post again
///
/// Moderators only. Makes a post that a moderator hid visible to everyone again. Showing a post that is not hidden changes nothing.
#[utoipa::path(
    tag = "reports",
    operation_id = "UnhidePost",
    params(
        ("target_kind" = ReportTargetKind, Path, description = "What kind of post: `question`, `answer`, `tip` or `win`"),
        ("target_id" = i64, Path, description = "The post's id")
    ),
    responses(
        (status = 204, description = "Visible to everyone again"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Moderators only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such post", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/hidden-posts/{target_kind}/{target_id}")]
pub async fn unhide_post(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(ReportTargetKind, i64)>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Moderator)?;
    let (kind, id) = path.into_inner();
    if !state.store.unhide_post(kind, id).await? {
        return Err(ApiError::NotFound(kind.as_str()));
    }
    tracing::info!(
        target_kind = kind.as_str(),
        target_id = id,
        "post shown again"
    );
    Ok(HttpResponse::NoContent().finish())
}
