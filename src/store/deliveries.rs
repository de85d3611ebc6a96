//! Webhook deliveries: the worker claims due ones under a lease, reports each attempt's
//! outcome, and admins list and retry them.
//!
//! Claiming is one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)` on PostgreSQL, so
//! replicas sharing a database never claim the same delivery; on SQLite the write lock of
//! `BEGIN IMMEDIATE` serialises claims. A claim is a lease (`locked_until`): if the worker dies,
//! the delivery becomes due again when the lease runs out, and a late report from a worker
//! whose lease was taken over is ignored (it must name the lease it held).

use super::with_writer;
use super::{now_micros, with_pool, BeginWrite, Pool, Store, StoreResult};

/// A new delivery's public id: `dlv_` and 24 random hex digits. Random, so it carries no
/// order: one subscriber's delivery id says nothing about deliveries to anyone else.
pub fn new_public_id() -> String {
    use std::fmt::Write;
    let bytes: [u8; 12] = rand::random();
    bytes.iter().fold(String::from("dlv_"), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// True for a delivery `d` of event `e` to subscription `s` that would tie an anonymous
/// question to its asker: the event's audience is hidden now and the subscription is that
/// member's own ("mine only", or their kudos). Such deliveries are still sent, but no view,
/// count or info-level log shows them.
pub(crate) const CONCEALED_DELIVERY: &str = "(s.member_id = e.audience_member_id AND (s.mine_only OR s.event_type = 'kudos.received') AND EXISTS (SELECT 1 FROM questions hq WHERE hq.id = e.question_id AND hq.anonymous AND hq.author_id = e.audience_member_id))";

/// A delivery claimed for sending, with what is needed to send it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueDelivery {
    pub id: i64,
    /// The public id (`webhook-id` is `msg_` + this).
    pub public_id: String,
    /// Whether the delivery must stay out of views, counts and info-level logs (see
    /// [`CONCEALED_DELIVERY`]).
    pub concealed: bool,
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

/// A delivery as the admin view shows it. Concealed deliveries (see [`CONCEALED_DELIVERY`])
/// are not in the view at all, so it cannot connect an anonymous question to its asker by
/// presence, order, id or count.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub public_id: String,
    pub event_id: i64,
    pub event_type: String,
    pub subscription_id: i64,
    pub status: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub next_attempt_at: i64,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

/// The admin view of deliveries, without the concealed ones (see [`DeliveryRow`]); a query
/// adds its conditions with `AND`.
fn select_deliveries() -> String {
    format!(
        "SELECT d.public_id, d.event_id, e.event_type, d.subscription_id, \
         d.status, d.attempts, d.last_status, d.last_error, d.next_attempt_at, d.created_at, d.finished_at \
         FROM deliveries d JOIN events e ON e.id = d.event_id JOIN subscriptions s ON s.id = d.subscription_id \
         WHERE NOT {CONCEALED_DELIVERY}"
    )
}

/// The columns an outcome sets: status, next attempt (µs; 0 keeps it), the receiver's last
/// HTTP status, and the last error.
fn outcome_columns(outcome: &AttemptOutcome) -> (&'static str, i64, Option<i64>, Option<&str>) {
    match outcome {
        AttemptOutcome::Delivered { status } => ("delivered", 0, Some(*status as i64), None),
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
    }
}

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
            Pool::Sqlite(..) => "",
        };
        let claim = format!(
            "UPDATE deliveries SET locked_until = $3, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1 AND locked_until <= $1 \
              ORDER BY next_attempt_at, id LIMIT $2{skip_locked}) RETURNING id"
        );
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let ids: Vec<i64> = sqlx::query_scalar(&claim)
                .bind(now)
                .bind(limit)
                .bind(lease_until)
                .fetch_all(&mut *tx)
                .await?;
            // What each claimed delivery needs, in one query for the whole claim.
            let mut due = Vec::with_capacity(ids.len());
            if !ids.is_empty() {
                let placeholders = (1..=ids.len()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ");
                let sql = format!("SELECT d.id, d.public_id, {CONCEALED_DELIVERY} AS concealed, d.attempts, d.created_at, d.expires_at, \
                     s.id AS subscription_id, s.callback_url, s.secret, e.id AS event_id, e.event_type, e.occurred_at, e.data \
                     FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id JOIN events e ON e.id = d.event_id \
                     WHERE d.id IN ({placeholders}) ORDER BY d.next_attempt_at, d.id");
                let mut query = sqlx::query_as::<_, DueDelivery>(&sql);
                for id in &ids {
                    query = query.bind(*id);
                }
                due = query.fetch_all(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(due)
        })
    }

    /// Records the outcomes of finished attempts `(delivery, lease it was claimed under,
    /// outcome)` in one transaction, each only if its lease is still this worker's (a delivery
    /// cancelled while in flight keeps its status and gets the receiver's answer); then ends
    /// the subscription of each recorded 404/410 (see below). Returns, in order, whether each
    /// was recorded: false when the lease was lost (another worker took the delivery over), or
    /// the delivery is gone because what its event was about was deleted or hidden meanwhile
    /// (see [`Store::delivery_exists`]). One transaction for a batch is what lets a worker
    /// deliver thousands of events a second: a commit per outcome was most of its time.
    pub async fn finish_attempts(
        &self,
        finished: &[(DueDelivery, i64, AttemptOutcome)],
    ) -> StoreResult<Vec<bool>> {
        let now = now_micros();
        let recorded = with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let mut recorded = Vec::with_capacity(finished.len());
            for (delivery, lease, outcome) in finished {
                let (status, next_at, last_status, error) = outcome_columns(outcome);
                let finished_at = (status != "pending").then_some(now);
                let updated = sqlx::query(
                    "UPDATE deliveries SET status = $3, next_attempt_at = CASE WHEN $4 > 0 THEN $4 ELSE next_attempt_at END, \
                     last_status = $5, last_error = $6, finished_at = $7, locked_until = 0 \
                     WHERE id = $1 AND locked_until = $2 AND status = 'pending'",
                )
                .bind(delivery.id)
                .bind(*lease)
                .bind(status)
                .bind(next_at)
                .bind(last_status)
                .bind(error)
                .bind(finished_at)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                // Cancelled while in flight (its subscription ended — another delivery's 410,
                // or an unsubscribe): it stays cancelled, with what the receiver answered.
                let updated = if updated == 1 {
                    updated
                } else {
                    sqlx::query(
                        "UPDATE deliveries SET last_status = $3, last_error = $4, locked_until = 0 \
                         WHERE id = $1 AND locked_until = $2 AND status = 'cancelled'",
                    )
                    .bind(delivery.id)
                    .bind(*lease)
                    .bind(last_status)
                    .bind(error)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                };
                recorded.push(updated == 1);
            }
            tx.commit().await?;
            Ok(recorded)
        })?;
        // A concealed delivery (to an anonymous asker's own subscription) does not end the
        // subscription: an admin would see which subscription ended right after an event
        // only the asker could receive. The next ordinary delivery's 404/410 ends it.
        for ((delivery, _, outcome), recorded) in finished.iter().zip(&recorded) {
            if let (true, false, AttemptOutcome::Gone { status }) =
                (*recorded, delivery.concealed, outcome)
            {
                self.end_subscription(
                    delivery.subscription_id,
                    &format!("the receiver answered {status}"),
                )
                .await?;
            }
        }
        Ok(recorded)
    }

    /// Whether a delivery still exists (its event was not withdrawn), by internal id.
    pub async fn delivery_exists(&self, id: i64) -> StoreResult<bool> {
        with_pool!(self, pool => {
            Ok(sqlx::query_scalar::<_, i64>("SELECT id FROM deliveries WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await?
                .is_some())
        })
    }

    /// Gives back leases this worker holds (shutting down), so others need not wait them out.
    pub async fn release_leases(&self, leases: &[(i64, i64)]) -> StoreResult<()> {
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            for (id, lease) in leases {
                sqlx::query("UPDATE deliveries SET locked_until = 0 WHERE id = $1 AND locked_until = $2 AND status = 'pending'")
                    .bind(id)
                    .bind(lease)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Deliveries for admins, newest event first and by subscription within an event,
    /// optionally of one status, after `(event id, subscription id)` (paging).
    pub async fn list_deliveries(
        &self,
        status: Option<&str>,
        after: Option<(i64, i64)>,
        limit: i64,
    ) -> StoreResult<Vec<DeliveryRow>> {
        let (event, subscription) = after.unzip();
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "{} AND ($1 IS NULL OR d.status = $1) AND ($2 IS NULL OR (d.event_id, d.subscription_id) < ($2, $3)) \
                 ORDER BY d.event_id DESC, d.subscription_id DESC LIMIT $4",
                select_deliveries()
            ))
            .bind(status)
            .bind(event)
            .bind(subscription)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// One delivery for admins, by public id (never a concealed one).
    pub async fn delivery(&self, public_id: &str) -> StoreResult<Option<DeliveryRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!("{} AND d.public_id = $1", select_deliveries()))
                .bind(public_id)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// Makes a failed delivery (by public id) pending again, due now, retried for `max_age`
    /// (µs) from now. False when it is not failed, its subscription has ended, or it is
    /// concealed.
    pub async fn retry_delivery(&self, public_id: &str, max_age: i64) -> StoreResult<bool> {
        let now = now_micros();
        with_writer!(self, pool => {
            Ok(sqlx::query(
                &format!("UPDATE deliveries SET status = 'pending', next_attempt_at = $2, expires_at = $3, finished_at = NULL, locked_until = 0 \
                 WHERE public_id = $1 AND status = 'failed' \
                 AND EXISTS (SELECT 1 FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id JOIN events e ON e.id = d.event_id \
                             WHERE d.id = deliveries.id AND s.ended_at IS NULL AND NOT {CONCEALED_DELIVERY})"),
            )
            .bind(public_id)
            .bind(now)
            .bind(now + max_age)
            .execute(pool)
            .await?
            .rows_affected() == 1)
        })
    }

    /// How many deliveries wait to be sent (the webhook queue depth), concealed ones left out.
    pub async fn pending_deliveries(&self) -> StoreResult<i64> {
        with_pool!(self, pool => {
            Ok(sqlx::query_scalar(&format!(
                "SELECT COUNT(*) FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id JOIN events e ON e.id = d.event_id \
                 WHERE d.status = 'pending' AND NOT {CONCEALED_DELIVERY}"
            )).fetch_one(pool).await?)
        })
    }
}
