//! Stored responses for `Idempotency-Key`: claim a key, complete it with the response, or
//! release it when the request failed on our side so a retry can run again.
//!
//! Crash safety. A request can die (SIGKILL, power cut, a dropped connection) after the row
//! it created committed but before its response was stored. So the row records itself on the
//! claim **in its own transaction** ([`created_before`] / [`record_created`], called by the
//! store's create functions): a retry that takes over the claim finds that id and answers with
//! the same resource instead of inserting a second one. A claim with no response after
//! [`LEASE_MICROS`] belongs to a request that is gone, and the next retry may take it over.
//!
//! The claim travels from the HTTP middleware to the store as a task-local
//! ([`CURRENT_CLAIM`]), so create functions need no extra parameter and a create that runs
//! without a key behaves exactly as before.

use super::with_writer;
use super::{now_micros, BeginWrite, Store, StoreResult};

/// How long a key's response is kept, in microseconds (24 hours).
pub const KEEP_MICROS: i64 = 24 * 3_600_000_000;

/// How long a claim without a response counts as "still running" (30 seconds); after that a
/// retry may take it over. Requests finish in milliseconds; one that has run this long has died
/// with its process or its connection.
pub const LEASE_MICROS: i64 = 30_000_000;

/// The key a request runs under: who presented it (`scope`) and the key itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    pub scope: String,
    pub key: String,
}

tokio::task_local! {
    /// The idempotency claim of the request being handled on this task, if any.
    pub static CURRENT_CLAIM: ClaimRef;
}

/// A stored response.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredResponse {
    pub request_hash: String,
    pub completed: bool,
    pub status: Option<i64>,
    pub body: Option<Vec<u8>>,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub claimed_at: i64,
}

/// What claiming a key found.
#[derive(Debug, Clone)]
pub enum Claim {
    /// The key is new, or its earlier request died: run the request, then complete or
    /// release it.
    Claimed,
    /// The key was used before (or is in use right now).
    Existing(StoredResponse),
}

/// Inside a create function's write transaction: the id this request's key already created
/// (a retry after a crash), which the caller returns instead of inserting. Takes the claim's
/// row lock first, so two runs under one key create one row. `$kind` names the table, so a
/// row created on the side (a member made at first sign-in) is never mistaken for it.
macro_rules! created_before {
    ($tx:ident, $kind:literal) => {{
        match $crate::store::idempotency::CURRENT_CLAIM.try_with(Clone::clone).ok() {
            None => None,
            Some(claim) => {
                let found: Option<(Option<String>, Option<i64>)> = sqlx::query_as(
                    "UPDATE idempotency_keys SET claimed_at = claimed_at WHERE scope = $1 AND key = $2 RETURNING resource_kind, resource_id",
                )
                .bind(&claim.scope)
                .bind(&claim.key)
                .fetch_optional(&mut *$tx)
                .await?;
                match found {
                    Some((Some(kind), Some(id))) if kind == $kind => Some(id),
                    _ => None,
                }
            }
        }
    }};
}
pub(crate) use created_before;

/// Inside the same transaction, after the insert: records the new row's id on the claim.
macro_rules! record_created {
    ($tx:ident, $kind:literal, $id:expr) => {{
        if let Ok(claim) = $crate::store::idempotency::CURRENT_CLAIM.try_with(Clone::clone) {
            sqlx::query("UPDATE idempotency_keys SET resource_kind = $3, resource_id = $4 WHERE scope = $1 AND key = $2")
                .bind(&claim.scope)
                .bind(&claim.key)
                .bind($kind)
                .bind($id)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}
pub(crate) use record_created;

impl Store {
    /// Claims `(scope, key)` for a request with `request_hash`: forgets a response older than
    /// 24 hours first, and takes over a claim whose request has had no response for the
    /// lease (see [`LEASE_MICROS`]) when the request is the same.
    pub async fn claim_idempotency_key(
        &self,
        scope: &str,
        key: &str,
        request_hash: &str,
    ) -> StoreResult<Claim> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at < $3")
                .bind(scope)
                .bind(key)
                .bind(now - KEEP_MICROS)
                .execute(&mut *tx)
                .await?;
            let inserted = sqlx::query(
                "INSERT INTO idempotency_keys (scope, key, request_hash, created_at, claimed_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING",
            )
            .bind(scope)
            .bind(key)
            .bind(request_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let claim = if inserted == 1 {
                Claim::Claimed
            } else {
                let taken_over = sqlx::query(
                    "UPDATE idempotency_keys SET claimed_at = $4 \
                     WHERE scope = $1 AND key = $2 AND request_hash = $3 AND completed = FALSE AND claimed_at < $5",
                )
                .bind(scope)
                .bind(key)
                .bind(request_hash)
                .bind(now)
                .bind(now - LEASE_MICROS)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if taken_over == 1 {
                    Claim::Claimed
                } else {
                    Claim::Existing(
                        sqlx::query_as(
                            "SELECT request_hash, completed, status, body, content_type, location, claimed_at FROM idempotency_keys WHERE scope = $1 AND key = $2",
                        )
                        .bind(scope)
                        .bind(key)
                        .fetch_one(&mut *tx)
                        .await?,
                    )
                }
            };
            tx.commit().await?;
            Ok(claim)
        })
    }

    /// Stores the response of a claimed key.
    pub async fn complete_idempotency_key(
        &self,
        scope: &str,
        key: &str,
        status: u16,
        body: &[u8],
        content_type: Option<&str>,
        location: Option<&str>,
    ) -> StoreResult<()> {
        with_writer!(self, pool => {
            sqlx::query(
                "UPDATE idempotency_keys SET completed = TRUE, status = $3, body = $4, content_type = $5, location = $6 WHERE scope = $1 AND key = $2",
            )
            .bind(scope)
            .bind(key)
            .bind(status as i64)
            .bind(body)
            .bind(content_type)
            .bind(location)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Gives up a claimed key after a failure on our side, so a retry runs again at once. A
    /// claim that already created its row is kept (ready for takeover) so the retry answers
    /// with that row rather than creating another.
    pub async fn release_idempotency_key(&self, scope: &str, key: &str) -> StoreResult<()> {
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND completed = FALSE AND resource_id IS NULL")
                .bind(scope)
                .bind(key)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE idempotency_keys SET claimed_at = 0 WHERE scope = $1 AND key = $2 AND completed = FALSE")
                .bind(scope)
                .bind(key)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}
