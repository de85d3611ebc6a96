//! Webhook deliveries for admins: see what failed and send it again.
//!
//! A delivery whose event concerns a hidden member (an anonymous asker) and whose subscription
//! is that member's own ("mine only", or their kudos) is not in this view at all — not its
//! presence, place or count — and delivery ids are random, so nothing here connects an
//! anonymous question to the person who asked it.

use crate::api::extract::Query;
use crate::api::pagination::{decode_cursor, finish_page};
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::event::EventType;
use crate::domain::member::Role;
use crate::error::{ApiError, Problem};
use crate::store::deliveries::DeliveryRow;
use crate::store::SortKey;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryStatus {
    /// Waiting for its next attempt.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Retried until it expired without success.
    Failed,
    /// Its subscription ended (unsubscribed, or the flow is gone).
    Cancelled,
}

impl DeliveryStatus {
    fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Failed => "failed",
            DeliveryStatus::Cancelled => "cancelled",
        }
    }

    fn from_stored(s: &str) -> Self {
        match s {
            "delivered" => DeliveryStatus::Delivered,
            "failed" => DeliveryStatus::Failed,
            "cancelled" => DeliveryStatus::Cancelled,
            _ => DeliveryStatus::Pending,
        }
    }
}

/// One event sent (or to be sent) to one subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct Delivery {
    /// Delivery id (random, `dlv_` and 24 hex digits); the `webhook-id` header is `msg_<id>`.
    #[schema(example = "dlv_3f9a0c1b2d4e5f60718293a4")]
    pub id: String,
    /// The event.
    #[schema(example = 1001)]
    pub event_id: i64,
    /// The event's type.
    pub event_type: EventType,
    /// The subscription.
    #[schema(example = 12)]
    pub subscription_id: i64,
    /// Where it stands.
    pub status: DeliveryStatus,
    /// Attempts made so far.
    pub attempts: i64,
    /// The receiver's last HTTP status, if it answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = 503)]
    pub last_status: Option<i64>,
    /// What went wrong last time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// When the next attempt is due (pending deliveries).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When it was queued.
    pub created_at: DateTime<Utc>,
    /// When it was delivered, failed or cancelled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<DateTime<Utc>>,
}

/// A page of deliveries, newest event first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryPage {
    /// The deliveries.
    pub items: Vec<Delivery>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// What to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListDeliveriesParams {
    /// Only deliveries in this state.
    pub status: Option<DeliveryStatus>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
    /// How many at most (1–100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

fn delivery_view(row: DeliveryRow) -> Delivery {
    let status = DeliveryStatus::from_stored(&row.status);
    Delivery {
        id: row.public_id,
        event_id: row.event_id,
        event_type: EventType::parse(&row.event_type).unwrap_or(EventType::QuestionPosted),
        subscription_id: row.subscription_id,
        status,
        attempts: row.attempts,
        last_status: row.last_status,
        last_error: row.last_error,
        next_attempt_at: (status == DeliveryStatus::Pending)
            .then(|| timestamp(row.next_attempt_at)),
        created_at: timestamp(row.created_at),
        finished_at: row.finished_at.map(timestamp),
    }
}

/// List webhook deliveries
///
/// Lists webhook deliveries for admins, newest first, optionally only failed ones.
#[utoipa::path(
    tag = "admin",
    operation_id = "ListDeliveries",
    params(ListDeliveriesParams),
    responses(
        (status = 200, description = "A page of deliveries", body = DeliveryPage),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/admin/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    Query(params): Query<ListDeliveriesParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Admin)?;
    let limit = crate::api::pagination::page_limit(params.limit)?;
    let after = params
        .cursor
        .as_deref()
        .map(|c| decode_cursor("d1", "all", c).map(|key| (key.sort_key, key.id)))
        .transpose()?;
    let mut rows = state
        .store
        .list_deliveries(params.status.map(DeliveryStatus::as_str), after, limit + 1)
        .await?;
    let next_cursor = finish_page(&mut rows, limit, "d1", "all", |last| SortKey {
        rank: 0,
        sort_key: last.event_id,
        id: last.subscription_id,
    });
    Ok(HttpResponse::Ok().json(DeliveryPage {
        items: rows.into_iter().map(delivery_view).collect(),
        next_cursor,
    }))
}

/// Retry a failed delivery
///
/// Sends a failed webhook delivery again (admins only); it is retried as a new delivery would be.
#[utoipa::path(
    tag = "admin",
    operation_id = "RetryDelivery",
    params(("id" = String, Path, description = "Delivery id (`dlv_…`)")),
    responses(
        (status = 200, description = "Queued again", body = Delivery),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not failed, or its subscription has ended", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/admin/deliveries/{id}/retry")]
pub async fn retry_delivery(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Admin)?;
    let id = id.into_inner();
    let max_age = state.config.webhooks.max_age_hours as i64 * 3_600_000_000;
    if !state.store.retry_delivery(&id, max_age).await? {
        return match state.store.delivery(&id).await? {
            None => Err(ApiError::NotFound("delivery")),
            Some(row) => Err(ApiError::Conflict(
                "not_retryable",
                crate::error::Text::say(
                    "not-retryable",
                    vec![("status", crate::i18n::Arg::from(row.status.as_str()))],
                ),
            )),
        };
    }
    tracing::info!(delivery_id = %id, "delivery queued again");
    let row = state
        .store
        .delivery(&id)
        .await?
        .ok_or(ApiError::NotFound("delivery"))?;
    Ok(HttpResponse::Ok().json(delivery_view(row)))
}
