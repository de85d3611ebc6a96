//! The event feed: the polling twin of the webhook triggers, for tenants whose policies block
//! inbound webhooks. Newest first; `after` is the cursor a polling trigger passes back (the
//! `cursor` of its last response), so each poll returns only what is new. Kudos and the news
//! that a post was hidden are listed to their receiver only, reports to moderators only;
//! payloads are the same as the webhooks' and never name an anonymous author or a reporter.

use crate::api::extract::Query;
use crate::api::links::Links;
use crate::api::pagination::page_limit;
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::event::{Event, EventType};
use crate::error::{ApiError, FieldError, Problem};
use crate::store::events::EventFilter;
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// What to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListEventsParams {
    /// Event types to include, comma-separated (e.g. `question.posted,question.answered`); all when empty.
    #[param(example = "question.posted")]
    pub types: Option<String>,
    /// Only events after this id: the `cursor` of the previous poll.
    #[param(example = 1000)]
    pub after: Option<i64>,
    /// How many events at most (1–100, default 20).
    #[param(example = 20)]
    pub limit: Option<i64>,
}

/// Events, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    /// The events, newest first.
    pub items: Vec<Event>,
    /// Pass as `after` next time: the newest event id seen so far.
    #[schema(example = 1001)]
    pub cursor: i64,
}

/// When events happen (polling)
///
/// This operation triggers when new events happen, for tenants that block webhooks; it returns the events since the last poll, newest first.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnNewEvents",
    params(ListEventsParams),
    responses(
        (status = 200, description = "Events since the cursor, newest first", body = EventPage),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<ListEventsParams>,
) -> Result<HttpResponse, ApiError> {
    let limit = page_limit(params.limit)?;
    let mut types = Vec::new();
    for name in params
        .types
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        match EventType::parse(name) {
            Some(t) => types.push(t),
            None => {
                let known: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
                return Err(ApiError::InvalidQuery(FieldError::new(
                    "types",
                    "unknown_type",
                    format!("unknown event type {name:?}; use {}", known.join(", ")),
                )));
            }
        }
    }
    if let Some(after) = params.after {
        if after < 0 {
            return Err(ApiError::InvalidQuery(FieldError::new(
                "after",
                "out_of_range",
                "after must be 0 or more",
            )));
        }
    }
    let rows = state
        .store
        .list_events(
            caller.member_id,
            &EventFilter {
                types,
                after: params.after,
                limit,
                moderator: caller.role.can_moderate(),
            },
        )
        .await?;
    let api_base = Links::new(&state, &req).api("");
    let cursor = rows.first().map(|r| r.id).or(params.after).unwrap_or(0);
    let items = rows
        .into_iter()
        .filter_map(|row| {
            let event_type = EventType::parse(&row.event_type)?;
            Some(Event::new(
                row.id,
                event_type,
                timestamp(row.occurred_at),
                row.data(),
                &api_base,
            ))
        })
        .collect();
    Ok(HttpResponse::Ok().json(EventPage { items, cursor }))
}
