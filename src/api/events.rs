//! The event feed: the polling twin of the webhook triggers, for tenants whose policies block
//! inbound webhooks. `after` is the cursor a polling trigger passes back (the `cursor` of its
//! last response). A poll returns the *oldest* `limit` events after it (shown newest first, as
//! the platform expects), so a burst larger than a page is delivered over the next polls and
//! nothing is skipped; the first poll (no `after`) returns no events and a cursor at the newest
//! one, so a newly enabled flow does not fire for the past. Kudos and the news that a post was
//! hidden are listed to their receiver only, reports to moderators only; payloads are the same
//! as the webhooks' and never name an anonymous author or a reporter.

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
    #[param(value_type = Option<Vec<EventType>>, style = Form, explode = false, max_items = 9)]
    pub types: Option<String>,
    /// Only events after this id: the `cursor` of the previous poll (0 for all events kept).
    /// Without it, no events are returned and `cursor` is the newest event: where a new poller
    /// starts.
    #[param(example = 1000, minimum = 0)]
    pub after: Option<i64>,
    /// How many events at most (1–100, default 20).
    #[param(example = 20, minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// The events after the cursor: the oldest `limit` of them, listed newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    /// The events, newest first: the oldest `limit` events after `after`.
    pub items: Vec<Event>,
    /// Pass as `after` next time: the newest event id in `items` (or the `after` given, when
    /// there are none; without `after`, the newest event).
    #[schema(example = 1001)]
    pub cursor: i64,
    /// Whether more events are waiting after `cursor` (poll again now to get them).
    pub has_more: bool,
}

/// When events happen (polling)
///
/// This operation triggers when new events happen, for tenants that block webhooks; each poll returns the oldest events since the last one (at most `limit`, newest first), so none is skipped; the first poll only sets the starting point.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnNewEvents",
    params(ListEventsParams),
    responses(
        (status = 200, description = "The oldest events after the cursor, newest first", body = EventPage),
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
                return Err(ApiError::InvalidQuery(FieldError::say(
                    "types",
                    "unknown_type",
                    "event-type-unknown",
                    vec![
                        ("name", crate::i18n::Arg::from(name)),
                        ("known", crate::i18n::Arg::from(known.join(", "))),
                    ],
                )));
            }
        }
    }
    if let Some(after) = params.after {
        if after < 0 {
            return Err(ApiError::InvalidQuery(FieldError::say(
                "after",
                "out_of_range",
                "after-negative",
                vec![],
            )));
        }
    }
    let filter = EventFilter {
        types,
        after: params.after.unwrap_or(0),
        limit: limit + 1,
        moderator: caller.role.can_moderate(),
    };
    let Some(after) = params.after else {
        let cursor = state.store.newest_event_id().await?;
        return Ok(HttpResponse::Ok().json(EventPage {
            items: Vec::new(),
            cursor,
            has_more: false,
        }));
    };
    let mut rows = state.store.list_events(caller.member_id, &filter).await?;
    let has_more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let cursor = rows.last().map_or(after, |r| r.id);
    let site = Links::new(&state, &req).site("");
    let items = rows
        .into_iter()
        .rev()
        .filter_map(|row| {
            let event_type = EventType::parse(&row.event_type)?;
            Some(Event::new(
                row.id,
                event_type,
                timestamp(row.occurred_at),
                row.data(),
                &site,
            ))
        })
        .collect();
    Ok(HttpResponse::Ok().json(EventPage {
        items,
        cursor,
        has_more,
    }))
}
