//! Webhook subscriptions: who wants which events, delivered where.

use super::idempotency::{created_before, record_created};
use super::with_writer;
use super::{now_micros, with_pool, BeginWrite, Store, StoreResult};

/// A subscription as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubscriptionRow {
    pub id: i64,
    pub member_id: i64,
    pub event_type: String,
    pub callback_url: String,
    pub secret: Option<String>,
    pub tag: Option<String>,
    pub level: Option<String>,
    pub mine_only: bool,
    pub unanswered_hours: Option<i64>,
    pub created_at: i64,
    pub ended_at: Option<i64>,
    pub ended_reason: Option<String>,
}

/// A subscription to create.
#[derive(Debug, Clone)]
pub struct NewSubscription<'a> {
    pub member_id: i64,
    pub event_type: &'a str,
    pub callback_url: &'a str,
    pub secret: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub level: Option<&'a str>,
    pub mine_only: bool,
    pub unanswered_hours: Option<i64>,
}

const COLUMNS: &str = "id, member_id, event_type, callback_url, secret, tag, level, mine_only, unanswered_hours, created_at, ended_at, ended_reason";

impl Store {
    /// Creates a subscription; returns it. Under an Idempotency-Key, a retry after a crash
    /// returns the subscription the first run made.
    pub async fn create_subscription(
        &self,
        new: &NewSubscription<'_>,
    ) -> StoreResult<SubscriptionRow> {
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let row: SubscriptionRow = match created_before!(tx, "subscription") {
                Some(id) => sqlx::query_as(&format!("SELECT {COLUMNS} FROM subscriptions WHERE id = $1"))
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?,
                None => {
                    let row: SubscriptionRow = sqlx::query_as(&format!(
                        "INSERT INTO subscriptions (member_id, event_type, callback_url, secret, tag, level, mine_only, unanswered_hours, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLUMNS}"
                    ))
                    .bind(new.member_id)
                    .bind(new.event_type)
                    .bind(new.callback_url)
                    .bind(new.secret)
                    .bind(new.tag)
                    .bind(new.level)
                    .bind(new.mine_only)
                    .bind(new.unanswered_hours)
                    .bind(now_micros())
                    .fetch_one(&mut *tx)
                    .await?;
                    record_created!(tx, "subscription", row.id);
                    row
                }
            };
            tx.commit().await?;
            Ok(row)
        })
    }

    /// One subscription, ended or not.
    pub async fn subscription(&self, id: i64) -> StoreResult<Option<SubscriptionRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM subscriptions WHERE id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// Active subscriptions, newest first: one member's, or everyone's (`member_id` None).
    pub async fn list_subscriptions(
        &self,
        member_id: Option<i64>,
    ) -> StoreResult<Vec<SubscriptionRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM subscriptions WHERE ended_at IS NULL AND ($1 IS NULL OR member_id = $1) ORDER BY id DESC LIMIT 1000"
            ))
            .bind(member_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Ends a subscription (unsubscribed, or the receiver said it is gone) and cancels what
    /// it still had pending. Ending an ended subscription changes nothing.
    pub async fn end_subscription(&self, id: i64, reason: &str) -> StoreResult<()> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("UPDATE subscriptions SET ended_at = $2, ended_reason = $3 WHERE id = $1 AND ended_at IS NULL")
                .bind(id)
                .bind(now)
                .bind(reason)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE deliveries SET status = 'cancelled', finished_at = $2 WHERE subscription_id = $1 AND status = 'pending'")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}
