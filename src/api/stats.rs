//! Community health for the community manager: per-interval figures as JSON and as CSV
//! (UTF-8 with a BOM so Excel opens Japanese tags correctly), and headline numbers for a
//! dashboard tile or a flow's weekly message. Definitions: `domain::health`.

use crate::api::extract::{optional_tag, Query};
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::health::{boundaries, rows, HealthRow, Interval};
use crate::error::{ApiError, FieldError, Problem};
use actix_web::{get, http::header, web, HttpResponse};
use chrono::{DateTime, Duration, FixedOffset, Offset, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// How a health report is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum HealthInterval {
    /// Weeks starting on Monday (local midnight, TSUNAGU_UTC_OFFSET).
    #[default]
    Week,
    /// Calendar months.
    Month,
}

/// Which health report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HealthParams {
    /// Start: RFC 3339 (`2026-11-01T00:00:00+09:00`), or without an offset
    /// (`2026-11-01T00:00:00`, or a date, `2026-11-01`, meaning its midnight), read in the
    /// community's time zone (`TSUNAGU_UTC_OFFSET`); default: 12 intervals before `to`.
    #[param(value_type = Option<String>, pattern = r"^(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?(Z|z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?)?$", example = "2026-11-01")]
    pub from: Option<crate::api::extract::LocalDateTime>,
    /// End (exclusive), written like `from`; default: now. `from` must be before `to`, and a
    /// report covers at most 10 years.
    #[param(value_type = Option<String>, pattern = r"^(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?(Z|z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?)?$", example = "2026-12-01")]
    pub to: Option<crate::api::extract::LocalDateTime>,
    /// `week` (default) or `month`.
    pub interval: Option<HealthInterval>,
    /// Only questions, tips and wins with this topic.
    #[param(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$"
    )]
    pub tag: Option<String>,
}

/// Community health figures for one interval.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthFigures {
    /// Interval start: local midnight in the members' time zone (`TSUNAGU_UTC_OFFSET`),
    /// written with that offset (`2026-11-30T00:00:00+09:00`), so a week or month reads as
    /// the members' own.
    pub start: DateTime<FixedOffset>,
    /// Interval end (exclusive), in the same offset.
    pub end: DateTime<FixedOffset>,
    /// Questions asked in the interval, anonymous ones included.
    pub questions_asked: i64,
    /// Of those, questions someone other than the asker has answered.
    pub answered: i64,
    /// Median hours from asking to the first answer by someone other than the asker, over the interval's answered questions; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_hours_to_first_answer: Option<f64>,
    /// Share (0–1) of the interval's questions first answered by someone else within 24 hours.
    pub answered_within_24h_share: f64,
    /// The interval's questions nobody but the asker has answered yet.
    pub still_unanswered: i64,
    /// Members whose first question asked by name ever was asked in the interval (anonymous questions never count per member).
    pub first_time_askers: i64,
    /// Share (0–1) of those first questions answered by someone else within 24 hours.
    pub first_time_askers_answered_within_24h_share: f64,
    /// First-time askers of the interval who asked by name again within 30 days.
    pub returning_askers: i64,
    /// Members whose first answer or tip ever came in the interval (an anonymous asker's answers in her own thread do not count).
    pub new_contributors: i64,
    /// Members who asked by name, answered, reacted, wrote a tip, logged a win or gave kudos in the interval (nothing an anonymous asker did in her own thread counts).
    pub active_members: i64,
    /// Tips published in the interval.
    pub tips_published: i64,
    /// Wins logged in the interval.
    pub wins_logged: i64,
    /// Hours saved per month by the wins logged in the interval.
    pub hours_saved_per_month: f64,
    /// Kudos given in the interval.
    pub kudos_given: i64,
    /// Of the interval's questions, those asked anonymously.
    pub anonymous_questions_asked: i64,
    /// Share (0–1) of the interval's anonymous questions first answered by someone else within 24 hours.
    pub anonymous_answered_within_24h_share: f64,
}

impl HealthFigures {
    /// The figures of `r`, its interval written in `offset`.
    fn new(r: HealthRow, offset: FixedOffset) -> Self {
        Self {
            start: r.start.with_timezone(&offset),
            end: r.end.with_timezone(&offset),
            questions_asked: r.questions_asked,
            answered: r.answered,
            median_hours_to_first_answer: r.median_hours_to_first_answer,
            answered_within_24h_share: r.answered_within_24h_share,
            still_unanswered: r.still_unanswered,
            first_time_askers: r.first_time_askers,
            first_time_askers_answered_within_24h_share: r
                .first_time_askers_answered_within_24h_share,
            returning_askers: r.returning_askers,
            new_contributors: r.new_contributors,
            active_members: r.active_members,
            tips_published: r.tips_published,
            wins_logged: r.wins_logged,
            hours_saved_per_month: r.hours_saved_per_month,
            kudos_given: r.kudos_given,
            anonymous_questions_asked: r.anonymous_questions_asked,
            anonymous_answered_within_24h_share: r.anonymous_answered_within_24h_share,
        }
    }
}

/// A community health report.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthReport {
    /// How the period is cut.
    pub interval: HealthInterval,
    /// One row per interval, oldest first.
    pub items: Vec<HealthFigures>,
}

/// Headline numbers for the last 30 days.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthSummary {
    /// Questions asked in the last 30 days, anonymous ones included.
    pub questions_asked: i64,
    /// Share (0–1) of them first answered by someone else within 24 hours.
    pub answered_within_24h_share: f64,
    /// Median hours to the first answer by someone else; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_hours_to_first_answer: Option<f64>,
    /// Questions of any age nobody but the asker has answered yet.
    pub questions_without_answer: i64,
    /// Members whose first question asked by name ever came in the last 30 days.
    pub first_time_askers: i64,
    /// Members active in the last 30 days (anonymous questions and their askers' acts in them not counted per member).
    pub active_members: i64,
    /// Wins logged in the last 30 days.
    pub wins_logged: i64,
    /// Hours saved per month by all wins ever logged.
    pub total_hours_saved_per_month: f64,
    /// Kudos given in the last 30 days.
    pub kudos_given: i64,
    /// Questions asked anonymously in the last 30 days.
    pub anonymous_questions_asked: i64,
    /// Share (0–1) of them first answered by someone else within 24 hours.
    pub anonymous_answered_within_24h_share: f64,
}

async fn report(
    state: &AppState,
    params: &HealthParams,
) -> Result<(HealthInterval, Vec<HealthRow>), ApiError> {
    let interval = params.interval.unwrap_or_default();
    let offset = state.config.utc_offset_minutes;
    let to = params.to.map_or_else(Utc::now, |t| t.resolve(offset));
    let from = params
        .from
        .map(|f| f.resolve(offset))
        .unwrap_or_else(|| match interval {
            HealthInterval::Week => to - Duration::weeks(12),
            HealthInterval::Month => to - Duration::days(365),
        });
    if from >= to {
        return Err(ApiError::InvalidQuery(FieldError::say(
            "from",
            "invalid_range",
            "range-order",
            vec![],
        )));
    }
    if to - from > Duration::days(366 * 10) {
        return Err(ApiError::InvalidQuery(FieldError::say(
            "from",
            "invalid_range",
            "range-too-long",
            vec![],
        )));
    }
    let tag = optional_tag(params.tag.as_deref())?;
    // A mistyped topic would give a report of zeros that looks real.
    if let Some(tag) = &tag {
        if let Some(unknown) = crate::api::tags::unknown_tag(state, tag).await? {
            return Err(ApiError::InvalidQuery(unknown));
        }
    }
    let cut = match interval {
        HealthInterval::Week => Interval::Week,
        HealthInterval::Month => Interval::Month,
    };
    let intervals = boundaries(from, to, cut, state.config.utc_offset_minutes);
    let facts = state.store.health_facts(tag.as_ref(), &intervals).await?;
    Ok((interval, rows(&facts, &intervals)))
}

/// Get community health
///
/// Returns community health figures per week or month: questions, answers and time to first
/// answer, first-time askers, contributors, tips, wins, hours saved and kudos.
#[utoipa::path(
    tag = "stats",
    operation_id = "GetCommunityHealth",
    params(HealthParams),
    responses(
        (status = 200, description = "The report", body = HealthReport),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/stats/health")]
pub async fn health(
    state: web::Data<AppState>,
    _caller: Caller,
    Query(params): Query<HealthParams>,
) -> Result<HttpResponse, ApiError> {
    let (interval, rows) = report(&state, &params).await?;
    Ok(HttpResponse::Ok().json(HealthReport {
        interval,
        items: rows
            .into_iter()
            .map(|r| HealthFigures::new(r, members_offset(&state)))
            .collect(),
    }))
}

/// The fields of the summary, in order (the dashboard's tiles).
pub const SUMMARY_FIELDS: [&str; 11] = [
    "questions_asked",
    "answered_within_24h_share",
    "median_hours_to_first_answer",
    "questions_without_answer",
    "first_time_askers",
    "active_members",
    "wins_logged",
    "total_hours_saved_per_month",
    "kudos_given",
    "anonymous_questions_asked",
    "anonymous_answered_within_24h_share",
];

/// Column names of the CSV, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "start",
    "end",
    "questions_asked",
    "answered",
    "median_hours_to_first_answer",
    "answered_within_24h_share",
    "still_unanswered",
    "first_time_askers",
    "first_time_askers_answered_within_24h_share",
    "returning_askers",
    "new_contributors",
    "active_members",
    "tips_published",
    "wins_logged",
    "hours_saved_per_month",
    "kudos_given",
    "anonymous_questions_asked",
    "anonymous_answered_within_24h_share",
];

/// Download community health as CSV
///
/// Returns the community health report as CSV (UTF-8 with a byte order mark, so Excel opens
/// it correctly) for Excel or Power BI.
#[utoipa::path(
    tag = "stats",
    operation_id = "GetCommunityHealthCsv",
    params(HealthParams),
    responses(
        (status = 200, description = "The report as CSV", body = String, content_type = "text/csv"),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/stats/health.csv")]
pub async fn health_csv(
    state: web::Data<AppState>,
    _caller: Caller,
    Query(params): Query<HealthParams>,
) -> Result<HttpResponse, ApiError> {
    let (_, rows) = report(&state, &params).await?;
    let offset = members_offset(&state);
    let mut csv = String::from("\u{feff}");
    csv.push_str(&CSV_COLUMNS.join(","));
    csv.push_str("\r\n");
    for r in rows {
        let fields = [
            r.start.with_timezone(&offset).to_rfc3339(),
            r.end.with_timezone(&offset).to_rfc3339(),
            r.questions_asked.to_string(),
            r.answered.to_string(),
            r.median_hours_to_first_answer
                .map(|m| m.to_string())
                .unwrap_or_default(),
            r.answered_within_24h_share.to_string(),
            r.still_unanswered.to_string(),
            r.first_time_askers.to_string(),
            r.first_time_askers_answered_within_24h_share.to_string(),
            r.returning_askers.to_string(),
            r.new_contributors.to_string(),
            r.active_members.to_string(),
            r.tips_published.to_string(),
            r.wins_logged.to_string(),
            r.hours_saved_per_month.to_string(),
            r.kudos_given.to_string(),
            r.anonymous_questions_asked.to_string(),
            r.anonymous_answered_within_24h_share.to_string(),
        ];
        csv.push_str(&fields.join(","));
        csv.push_str("\r\n");
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"tsunagu-health.csv\"",
        ))
        .body(csv))
}

/// Get the health summary
///
/// Returns headline numbers for the last 30 days, for a dashboard tile or a flow's weekly
/// message.
#[utoipa::path(
    tag = "stats",
    operation_id = "GetHealthSummary",
    responses(
        (status = 200, description = "The summary", body = HealthSummary),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/stats/summary")]
pub async fn summary(
    state: web::Data<AppState>,
    _caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(health_summary(&state).await?))
}

/// The name of health figure `field` (`questions_asked`) in `strings`' language: the
/// connector's label, most specific key first — one name for the figure on the dashboard, the
/// `/stats` page, the summary card and in the flow designer.
pub fn figure_label(strings: &crate::connector::strings::Strings, field: &str) -> String {
    let keys = [
        format!("label-HealthFigures-{field}"),
        format!("label-HealthSummary-{field}"),
        format!("label-{field}"),
    ];
    strings.label(&keys, field)
}

/// The headline figures of the last 30 days (the API's `GET /stats/summary` and its card).
pub async fn health_summary(state: &AppState) -> Result<HealthSummary, ApiError> {
    let to = Utc::now();
    let from = to - Duration::days(30);
    let period = [(from, to)];
    let (facts, unanswered, total_hours) = tokio::try_join!(
        state.store.health_facts(None, &period),
        state.store.count_unanswered(),
        state.store.total_hours_saved()
    )?;
    let row = rows(&facts, &period).remove(0);
    Ok(HealthSummary {
        questions_asked: row.questions_asked,
        answered_within_24h_share: row.answered_within_24h_share,
        median_hours_to_first_answer: row.median_hours_to_first_answer,
        questions_without_answer: unanswered,
        first_time_askers: row.first_time_askers,
        active_members: row.active_members,
        wins_logged: row.wins_logged,
        total_hours_saved_per_month: crate::domain::win::round_to_hundredths(total_hours),
        kudos_given: row.kudos_given,
        anonymous_questions_asked: row.anonymous_questions_asked,
        anonymous_answered_within_24h_share: row.anonymous_answered_within_24h_share,
    })
}

/// The members' time zone (`TSUNAGU_UTC_OFFSET`) as a chrono offset.
fn members_offset(state: &AppState) -> FixedOffset {
    FixedOffset::east_opt(state.config.utc_offset_minutes * 60).unwrap_or_else(|| Utc.fix())
}
