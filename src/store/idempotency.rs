//! Stored responses for `Idempotency-Key`: claim a key, complete it with the response, or
//! release it when the request failed on our side so a retry can run again.

use super::{now_micros, with_pool, BeginWrite, Store, StoreResult};

/// How long a key's response is kept, in microseconds (24 hours).
pub const KEEP_MICROS: i64 = 24 * 3_600_000_000;

/// A stored response.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredResponse {
    pub request_hash: String,
    pub completed: bool,
    pub status: Option<i64>,
    pub body: Option<Vec<u8>>,
    pub content_type: Option<String>,
    pub location: Option<String>,
}

/// What claiming a key found.
#[derive(Debug, Clone)]
pub enum Claim {
    /// The key is new: run the request, then complete or release it.
    Claimed,
    /// The key was used before (or is in use right now).
    Existing(StoredResponse),
}

impl Store {
    /// Claims `(scope, key)` for a request with `request_hash`, forgetting claims older than
    /// 24 hours first.
    pub async fn claim_idempotency_key(
        &self,
        scope: &str,
        key: &str,
        request_hash: &str,
    ) -> StoreResult<Claim> {
        let now = now_micros();
        with_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at < $3")
                .bind(scope)
                .bind(key)
                .bind(now - KEEP_MICROS)
                .execute(&mut *tx)
                .await?;
            let inserted = sqlx::query(
                "INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
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
                Claim::Existing(
                    sqlx::query_as(
                        "SELECT request_hash, completed, status, body, content_type, location FROM idempotency_keys WHERE scope = $1 AND key = $2",
                    )
                    .bind(scope)
                    .bind(key)
                    .fetch_one(&mut *tx)
                    .await?,
                )
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
        with_pool!(self, pool => {
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

    /// Forgets a claimed key (the request failed on our side; a retry may run again).
    pub async fn release_idempotency_key(&self, scope: &str, key: &str) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND completed = FALSE")
                .bind(scope)
                .bind(key)
                .execute(pool)
                .await?;
            Ok(())
        })
    }
}
