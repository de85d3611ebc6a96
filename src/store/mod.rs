//! Persistence with sqlx, on SQLite (embedded default) or PostgreSQL (scale).
//!
//! The backend is chosen from the database URL at start. Both run the same SQL wherever the
//! dialects agree (`$1` placeholders work on both); where they do not (full-text search) each
//! query names its backend. [`with_pool!`] expands one body once per backend so the compiler
//! type-checks it against each driver — actix handlers cannot be generic, so the store is a
//! concrete type rather than a generic over `sqlx::Database`. No HTTP types appear here.

pub mod answers;
pub mod members;
pub mod questions;
pub mod tags;

use anyhow::Context;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write (e.g. an e-mail already in use).
    #[error("duplicate {0}")]
    Duplicate(&'static str),
    /// Any other database failure.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Shorthand for store results.
pub type StoreResult<T> = Result<T, StoreError>;

/// Maps a unique violation to [`StoreError::Duplicate`], anything else to a database error.
pub(crate) fn unique_as(what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate(what),
        _ => StoreError::Database(e),
    }
}

/// Which database the store talks to.
#[derive(Clone, Debug)]
pub enum Pool {
    /// An embedded SQLite file.
    Sqlite(SqlitePool),
    /// A PostgreSQL server.
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the concrete pool of whichever backend is configured.
macro_rules! with_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::store::Pool::Sqlite($pool) => $body,
            $crate::store::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use with_pool;

/// Takes the row lock on a question inside a transaction, so counters recomputed afterwards
/// see every concurrent change that committed first.
macro_rules! lock_question {
    ($tx:ident, $question_id:expr) => {
        sqlx::query("UPDATE questions SET me_too_count = me_too_count WHERE id = $1")
            .bind($question_id)
            .execute(&mut *$tx)
            .await?
    };
}
pub(crate) use lock_question;

/// Binds a list of [`Bind`] values onto a query, in order.
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for value in $binds {
            query = match value {
                $crate::store::Bind::Int(v) => query.bind(*v),
                $crate::store::Bind::Text(v) => query.bind(v.clone()),
            };
        }
        query
    }};
}
pub(crate) use bind_all;

/// A value for a query built at run time (filters, search terms, cursors).
#[derive(Debug, Clone)]
pub(crate) enum Bind {
    Int(i64),
    Text(String),
}

/// Collects binds for dynamic SQL and hands out their `$n` placeholders.
#[derive(Debug, Default)]
pub(crate) struct Binds(pub Vec<Bind>);

impl Binds {
    pub fn int(&mut self, v: i64) -> String {
        self.0.push(Bind::Int(v));
        format!("${}", self.0.len())
    }
    pub fn text(&mut self, v: impl Into<String>) -> String {
        self.0.push(Bind::Text(v.into()));
        format!("${}", self.0.len())
    }
}

/// Starts a transaction that will write.
///
/// On SQLite this is `BEGIN IMMEDIATE`: it takes the write lock up front, waiting up to the
/// busy timeout, instead of failing with "database is locked" when a deferred transaction
/// tries to upgrade while another connection writes. PostgreSQL needs no such care.
pub(crate) trait BeginWrite {
    type Db: sqlx::Database;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>;
}

impl BeginWrite for SqlitePool {
    type Db = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Db = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error> {
        self.begin().await
    }
}

/// The application's storage.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) pool: Pool,
}

/// Options for opening the store.
#[derive(Clone, Debug)]
pub struct StoreOptions {
    /// `sqlite://path` or `postgres://…`.
    pub url: String,
    /// Most connections in the pool.
    pub max_connections: u32,
}

/// Current time in microseconds since the Unix epoch: the stored form of every timestamp.
pub fn now_micros() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

impl Store {
    /// Opens (creating a SQLite file if needed) and returns the store. Does not migrate.
    pub async fn connect(options: &StoreOptions) -> anyhow::Result<Self> {
        let url = options.url.as_str();
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let connect = PgConnectOptions::from_str(url).context("invalid PostgreSQL URL")?;
            let pool = PgPoolOptions::new()
                .max_connections(options.max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(connect)
                .await
                .context("cannot connect to PostgreSQL")?;
            Pool::Postgres(pool)
        } else if url.starts_with("sqlite:") {
            let connect = SqliteConnectOptions::from_str(url)
                .context("invalid SQLite URL")?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5));
            let pool = SqlitePoolOptions::new()
                .max_connections(options.max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(connect)
                .await
                .with_context(|| format!("cannot open SQLite database {url}"))?;
            Pool::Sqlite(pool)
        } else {
            anyhow::bail!(
                "TSUNAGU_DATABASE_URL must start with sqlite: or postgres:// (got {url:?})"
            );
        };
        Ok(Self { pool })
    }

    /// Applies pending migrations for this backend.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("migrations/sqlite").run(pool).await?,
            Pool::Postgres(pool) => {
                sqlx::migrate!("migrations/postgres").run(pool).await?;
                let ctype: String = sqlx::query_scalar("SELECT current_setting('lc_ctype')")
                    .fetch_one(pool)
                    .await?;
                let lower = ctype.to_lowercase();
                if !(lower.contains("utf-8") || lower.contains("utf8")) {
                    tracing::warn!(
                        lc_ctype = %ctype,
                        "the database's LC_CTYPE is not UTF-8: Japanese search will not use the trigram indexes; create the database with LC_CTYPE 'C.UTF-8'"
                    );
                }
            }
        }
        Ok(())
    }

    /// Which backend this is, for logs.
    pub fn backend_name(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    /// Checks the database answers (readiness).
    pub async fn ping(&self) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }
}
