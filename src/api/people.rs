//! Recognition that is private by default: an opt-in leaderboard, and "find someone who can
//! help" for a topic (members who offer help in it first, then those whose answers in it
//! were accepted or found helpful).

use crate::api::extract::Query;
use crate::api::links::Links;
use crate::api::members::MemberRef;
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::tag::TagSlug;
use crate::error::{ApiError, FieldError, Problem};
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The window a leaderboard covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// The last 30 days.
    #[default]
    Month,
    /// The last 90 days.
    Quarter,
    /// The last 365 days.
    Year,
    /// Since the start.
    All,
}

impl Period {
    fn days(self) -> Option<i64> {
        match self {
            Period::Month => Some(30),
            Period::Quarter => Some(90),
            Period::Year => Some(365),
            Period::All => None,
        }
    }
}

/// Which leaderboard.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LeaderboardParams {
    /// `month` (default, last 30 days), `quarter`, `year` or `all`.
    pub period: Option<Period>,
    /// How many, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// Whom to find.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HelpersParams {
    /// The topic you need help with.
    #[param(
        min_length = 1,
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "approvals"
    )]
    pub tag: String,
    /// How many, 1–50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<i64>,
}

/// A member on the leaderboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct LeaderboardEntry {
    /// Position, from 1.
    pub rank: i64,
    /// The member.
    pub member: MemberRef,
    /// Accepted answers in the period.
    pub accepted_answers: i64,
    /// Answers in the period that someone found helpful.
    pub helpful_answers: i64,
    /// Kudos received in the period.
    pub kudos_received: i64,
    /// Hours saved per month credited to the member by wins logged in the period.
    pub hours_saved_credited: f64,
}

/// The opt-in leaderboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct Leaderboard {
    /// The window covered.
    pub period: Period,
    /// Members who chose to appear, best first.
    pub items: Vec<LeaderboardEntry>,
}

/// Someone who can help with a topic.
#[derive(Debug, Serialize, ToSchema)]
pub struct Helper {
    /// The member.
    pub member: MemberRef,
    /// Whether they said they are happy to be asked about this topic.
    pub offers_help: bool,
    /// Their accepted answers in this topic in the last 180 days.
    pub accepted_answers: i64,
    /// Their answers in this topic found helpful in the last 180 days.
    pub helpful_answers: i64,
}

/// People who can help with a topic.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelperList {
    /// Best first.
    pub items: Vec<Helper>,
}

fn limit(raw: Option<i64>, default: i64, max: i64) -> Result<i64, ApiError> {
    match raw {
        None => Ok(default),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::InvalidQuery(FieldError::say(
            "limit",
            "out_of_range",
            "value-out-of-range",
            vec![
                ("min", crate::i18n::Arg::from(1i64)),
                ("max", crate::i18n::Arg::from(max)),
                ("got", crate::i18n::Arg::from(n)),
            ],
        ))),
    }
}

fn since_days(days: Option<i64>) -> i64 {
    match days {
        Some(d) => (chrono::Utc::now() - chrono::Duration::days(d)).timestamp_micros(),
        None => 0,
    }
}

/// Get the leaderboard
///
/// Lists the members who chose to appear (see UpdateMe), ranked by hours saved credited to
/// them, then accepted answers, then kudos. Everyone else stays private.
#[utoipa::path(
    tag = "people",
    operation_id = "GetLeaderboard",
    params(LeaderboardParams),
    responses(
        (status = 200, description = "The leaderboard", body = Leaderboard),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/leaderboard")]
pub async fn leaderboard(
    state: web::Data<AppState>,
    req: HttpRequest,
    _caller: Caller,
    Query(params): Query<LeaderboardParams>,
) -> Result<HttpResponse, ApiError> {
    let links = Links::new(&state, &req);
    let period = params.period.unwrap_or_default();
    let limit = limit(params.limit, 20, 100)?;
    let rows = state
        .store
        .leaderboard(since_days(period.days()), limit)
        .await?;
    let items = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| LeaderboardEntry {
            rank: i as i64 + 1,
            member: MemberRef::new(r.member_id, r.display_name, &links),
            accepted_answers: r.accepted_answers,
            helpful_answers: r.helpful_answers,
            kudos_received: r.kudos_received,
            hours_saved_credited: (r.minutes_credited / 60.0 * 100.0).round() / 100.0,
        })
        .collect();
    Ok(HttpResponse::Ok().json(Leaderboard { period, items }))
}

/// Find someone who can help
///
/// Lists members who can help with a topic: those who offer help in it first, then by their
/// accepted and helpful answers in it over the last 180 days.
#[utoipa::path(
    tag = "people",
    operation_id = "FindHelpers",
    params(HelpersParams),
    responses(
        (status = 200, description = "People who can help", body = HelperList),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/helpers")]
pub async fn helpers(
    state: web::Data<AppState>,
    req: HttpRequest,
    _caller: Caller,
    Query(params): Query<HelpersParams>,
) -> Result<HttpResponse, ApiError> {
    let links = Links::new(&state, &req);
    let tag = TagSlug::parse("tag", &params.tag).map_err(ApiError::InvalidQuery)?;
    let limit = limit(params.limit, 10, 50)?;
    let rows = state
        .store
        .helpers(&tag, since_days(Some(180)), limit)
        .await?;
    Ok(HttpResponse::Ok().json(HelperList {
        items: rows
            .into_iter()
            .map(|r| Helper {
                member: MemberRef::new(r.member_id, r.display_name, &links),
                offers_help: r.offers_help,
                accepted_answers: r.accepted_answers,
                helpful_answers: r.helpful_answers,
            })
            .collect(),
    }))
}
