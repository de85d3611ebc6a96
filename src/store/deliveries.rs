//! Webhook deliveries: the worker claims due ones under a lease, reports each attempt's
//! outcome, and admins list and retry them.
//!
//! Claiming is one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)` on PostgreSQL, so
//! replicas sharing a database never claim the same delivery; on SQLite the write lock of
//! `BEGIN IMMEDIATE` serialises claims. A claim is a lease (`locked_until`): if the worker dies,
//! the delivery becomes due again when the lease runs out, and a late report from a worker
//! whose lease was taken over is ignored (it must name the lease it held).

use super::{now_micros, with_pool, BeginWrite, Pool, Store, StoreResult};

/// A delivery claimed for sending, with what is needed to send it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueDelivery {
    pub id: i64,
    pub attempts: i64,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub subscription_id: i64,
    pub callback_url: String,
    pub secret: Option<String>,
    pub event_id: i64,
    pub event_type: String,
    pub occurred_at: i64,
    pub data: String,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq)]
pub enum AttemptOutcome {
    /// The receiver answered 2xx.
    Delivered { status: u16 },
    /// Try again at `next_attempt_at` (µs).
    Retry {
        status: Option<u16>,
        error: String,
        next_attempt_at: i64,
    },
    /// Out of time: give up.
    Failed { status: Option<u16>, error: String },
    /// The receiver answered 404 or 410: the flow is gone, so the subscription ends.
    Gone { status: u16 },
}

/// A delivery as the admin view shows it. The subscription is left out when the event
/// concerns a hidden member and the subscription is theirs (a "mine only" one, or their kudos),
/// so the view cannot connect an anonymous question to its asker.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: i64,
    pub event_id: i64,
    pub event_type: String,
    pub subscription_id: Option<i64>,
    pub status: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub next_attempt_at: i64,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

/// The admin view of deliveries, with the subscription left out where it would reveal a
/// hidden member (see [`DeliveryRow`]).
const SELECT_DELIVERIES: &str = "SELECT d.id, d.event_id, e.event_type, \
     CASE WHEN e.conceals_audience AND (s.mine_only OR s.event_type = 'kudos.received') THEN NULL ELSE d.subscription_id END AS subscription_id, \
     d.status, d.attempts, d.last_status, d.last_error, d.next_attempt_at, d.created_at, d.finished_at \
     FROM deliveries d JOIN events e ON e.id = d.event_id JOIN subscriptions s ON s.id = d.subscription_id";

impl Store {
    /// Claims up to `limit` due deliveries until `lease_until` (µs) and counts the attempt.
    pub async fn claim_due_deliveries(
        &self,
        limit: i64,
        lease_until: i64,
    ) -> StoreResult<Vec<DueDelivery>> {
        let now = now_micros();
        let skip_locked = match &self.pool {
            Pool::Postgres(_) => " FOR UPDATE SKIP LOCKED",
            Pool::Sqlite(_) => "",
        };
        let claim = format!(
            "UPDATE deliveries SET locked_until = $3, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1 AND locked_until <= $1 \
              ORDER BY next_attempt_at, id LIMIT $2{skip_locked}) RETURNING id"
        );
        with_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let ids: Vec<i64> = sqlx::query_scalar(&claim)
                .bind(now)
                .bind(limit)
                .bind(lease_until)
                .fetch_all(&mut *tx)
                .await?;
            let mut due = Vec::with_capacity(ids.len());
            for id in ids {
                due.push(
                    sqlx::query_as::<_, DueDelivery>(
                        "SELECT d.id, d.attempts, d.created_at, d.expires_at, s.id AS subscription_id, s.callback_url, s.secret, \
                         e.id AS event_id, e.event_type, e.occurred_at, e.data \
                         FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id JOIN events e ON e.id = d.event_id WHERE d.id = $1",
                    )
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?,
                );
            }
            tx.commit().await?;
            Ok(due)
        })
    }

    /// Records an attempt's outcome, if `lease` is still this worker's. Returns false when
    /// the lease was lost (another worker took the delivery over).
    pub async fn finish_attempt(
        &self,
        delivery: &DueDelivery,
        lease: i64,
        outcome: &AttemptOutcome,
    ) -> StoreResult<bool> {
        let now = now_micros();
        let (status, next_at, last_status, error): (&str, i64, Option<i64>, Option<&str>) =
            match outcome {
                AttemptOutcome::Delivered { status } => {
                    ("delivered", 0, Some(*status as i64), None)
                }
                AttemptOutcome::Retry {
                    status,
                    error,
                    next_attempt_at,
                } => (
                    "pending",
                    *next_attempt_at,
                    status.map(i64::from),
                    Some(error.as_str()),
                ),
                AttemptOutcome::Failed { status, error } => {
                    ("failed", 0, status.map(i64::from), Some(error.as_str()))
                }
                AttemptOutcome::Gone { status } => (
                    "cancelled",
                    0,
                    Some(*status as i64),
                    Some("the receiver answered that the flow is gone"),
                ),
            };
        let finished = (status != "pending").then_some(now);
        let updated = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE deliveries SET status = $3, next_attempt_at = CASE WHEN $4 > 0 THEN $4 ELSE next_attempt_at END, \
                 last_status = $5, last_error = $6, finished_at = $7, locked_until = 0 \
                 WHERE id = $1 AND locked_until = $2 AND status = 'pending'",
            )
            .bind(delivery.id)
            .bind(lease)
            .bind(status)
            .bind(next_at)
            .bind(last_status)
            .bind(error)
            .bind(finished)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if updated == 1 {
            if let AttemptOutcome::Gone { status } = outcome {
                self.end_subscription(
                    delivery.subscription_id,
                    &format!("the receiver answered {status}"),
                )
                .await?;
            }
        }
        Ok(updated == 1)
    }

    /// Gives back leases this worker holds (shutting down), so others need not wait them out.
    pub async fn release_leases(&self, leases: &[(i64, i64)]) -> StoreResult<()> {
        with_pool!(self, pool => {
            for (id, lease) in leases {
                sqlx::query("UPDATE deliveries SET locked_until = 0 WHERE id = $1 AND locked_until = $2 AND status = 'pending'")
                    .bind(id)
                    .bind(lease)
                    .execute(pool)
                    .await?;
            }
            Ok(())
        })
    }

    /// Deliveries for admins, newest first, optionally of one status, before an id (paging).
    pub async fn list_deliveries(
        &self,
        status: Option<&str>,
        before: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<DeliveryRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "{SELECT_DELIVERIES} WHERE ($1 IS NULL OR d.status = $1) AND ($2 IS NULL OR d.id < $2) ORDER BY d.id DESC LIMIT $3"
            ))
            .bind(status)
            .bind(before)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// One delivery for admins.
    pub async fn delivery(&self, id: i64) -> StoreResult<Option<DeliveryRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!("{SELECT_DELIVERIES} WHERE d.id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// Makes a failed delivery pending again, due now, retried for `max_age` (µs) from now.
    /// False when it is not failed or its subscription has ended.
    pub async fn retry_delivery(&self, id: i64, max_age: i64) -> StoreResult<bool> {
        let now = now_micros();
        with_pool!(self, pool => {
            Ok(sqlx::query(
                "UPDATE deliveries SET status = 'pending', next_attempt_at = $2, expires_at = $3, finished_at = NULL, locked_until = 0 \
                 WHERE id = $1 AND status = 'failed' \
                 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = deliveries.subscription_id AND s.ended_at IS NULL)",
            )
            .bind(id)
            .bind(now)
            .bind(now + max_age)
            .execute(pool)
            .await?
            .rows_affected() == 1)
        })
    }

    /// How many deliveries wait to be sent (the webhook queue depth).
    pub async fn pending_deliveries(&self) -> StoreResult<i64> {
        with_pool!(self, pool => {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'").fetch_one(pool).await?)
        })
    }
}
