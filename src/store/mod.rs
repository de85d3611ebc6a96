//! Persistence with sqlx, on SQLite (embedded default) or PostgreSQL (scale).
//!
//! The backend is chosen from the database URL at start. Both run the same SQL wherever the
//! dialects agree (`$1` placeholders work on both); where they do not (full-text search) each
//! query names its backend. [`with_pool!`] expands one body once per backend so the compiler
//! type-checks it against each driver — actix handlers cannot be generic, so the store is a
//! concrete type rather than a generic over `sqlx::Database`. No HTTP types appear here.

pub mod answers;
pub mod deliveries;
pub mod events;
pub mod idempotency;
pub mod members;
pub mod questions;
pub mod reports;
pub mod stats;
pub mod subscriptions;
pub mod tags;
pub mod tips;
pub mod wins;
pub mod writer;

use crate::domain::search::{like_contains, SearchQuery};
use anyhow::Context;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// A PostgreSQL connection idle at least this long (seconds) is pinged before it is used again.
const PING_WHEN_IDLE_SECS: u64 = 5;

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

/// Whether PostgreSQL aborted the transaction to break a deadlock (SQLSTATE `40P01`) or for a
/// serialization failure (`40001`): running it again can succeed (see [`with_writer`]).
pub(crate) fn is_transient(error: &StoreError) -> bool {
    match error {
        StoreError::Database(sqlx::Error::Database(db)) => {
            matches!(db.code().as_deref(), Some("40P01" | "40001"))
        }
        _ => false,
    }
}

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
    /// An embedded SQLite file: the pool's connections read, the writer (one connection, with
    /// group commit) writes.
    Sqlite(SqlitePool, std::sync::Arc<writer::Writer>),
    /// A PostgreSQL server.
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the concrete pool of whichever backend is configured.
macro_rules! with_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::store::Pool::Sqlite($pool, _) => $body,
            $crate::store::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use with_pool;

/// Runs `$body` with `$pool` bound to the connection that writes: on SQLite the one writer
/// connection, inside its group's transaction ([`writer`]: writes queue for it in order and
/// share commits; `begin_write` is a savepoint there); on PostgreSQL the pool. Every store
/// function that writes uses this instead of `with_pool!`; reads stay on the pool's other
/// connections (WAL lets them run beside the writer). The body is an async block's: `return`
/// ends the body, not the function.
///
/// On PostgreSQL a transaction the database aborted to break a deadlock (or a serialization
/// failure) is run again from the start, up to three times: several writers lock the same rows
/// (an answer, its question, the events, the per-day rollups) and one order for all of them is
/// kept by hand, but a rare cycle must cost a retry, not a 500. The body must therefore do
/// nothing outside its transaction before committing.
macro_rules! with_writer {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::store::Pool::Sqlite(_, writer) => {
                let mut turn = writer.turn().await?;
                let result: $crate::store::StoreResult<_> = async {
                    let $pool = turn.connection()?;
                    $body
                }
                .await;
                turn.finish(result).await
            }
            $crate::store::Pool::Postgres($pool) => {
                let mut attempt = 1;
                loop {
                    let result: $crate::store::StoreResult<_> = async { $body }.await;
                    match result {
                        Err(e) if attempt < 3 && $crate::store::is_transient(&e) => {
                            tracing::debug!(attempt, error = %e, "transaction aborted by the database; running it again");
                            attempt += 1;
                        }
                        result => break result,
                    }
                }
            }
        }
    };
}
pub(crate) use with_writer;

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

/// Inside transaction `$tx`: (re)writes the search grams of row `$id` of `$table`
/// (`questions` or `tips`) from its stored `search_title` and `search_body` — the FTS5 twin
/// `<table>_grams` on SQLite (`$sqlite`), the `search_grams` array on PostgreSQL. See
/// `domain::search`, "The gram index". With `new` first, the row was inserted in this
/// transaction with the normalised `$title` and `$body` given: it has no grams to take out
/// (the delete cost a tenth of a question's creation), and they are not read back (on
/// SQLite's writer every statement is a round trip to its thread, which all writes queue for);
/// on PostgreSQL its `INSERT` set `search_grams` itself ([`new_post_grams`]), as an `UPDATE`
/// right after it would write the row and every index on it a second time.
macro_rules! index_grams {
    ($tx:ident, $sqlite:expr, $table:literal, $id:expr) => {{
        let (title, body): (String, String) = sqlx::query_as(concat!(
            "SELECT search_title, search_body FROM ",
            $table,
            " WHERE id = $1"
        ))
        .bind($id)
        .fetch_one(&mut *$tx)
        .await?;
        $crate::store::index_grams!(@ $tx, $sqlite, $table, $id, false, &title, &body)
    }};
    (new $tx:ident, $sqlite:expr, $table:literal, $id:expr, $title:expr, $body:expr) => {
        $crate::store::index_grams!(@ $tx, $sqlite, $table, $id, true, $title, $body)
    };
    (@ $tx:ident, $sqlite:expr, $table:literal, $id:expr, $new:expr, $title:expr, $body:expr) => {{
        let (title, body): (&str, &str) = ($title, $body);
        if $sqlite {
            if !$new {
                sqlx::query(concat!("DELETE FROM ", $table, "_grams WHERE rowid = $1"))
                    .bind($id)
                    .execute(&mut *$tx)
                    .await?;
            }
            sqlx::query(concat!(
                "INSERT INTO ",
                $table,
                "_grams (rowid, title, body) VALUES ($1, $2, $3)"
            ))
            .bind($id)
            .bind($crate::domain::search::gram_sequence('t', title))
            .bind($crate::domain::search::gram_sequence('b', body))
            .execute(&mut *$tx)
            .await?;
        } else {
            if !$new {
                sqlx::query(concat!(
                    "UPDATE ",
                    $table,
                    " SET search_grams = string_to_array($2, ' ') WHERE id = $1"
                ))
                .bind($id)
                .bind($crate::domain::search::post_grams(title, body))
                .execute(&mut *$tx)
                .await?;
            }
            if $table == "questions" {
                $crate::store::index_title_grams!($tx, $id, title, $new);
            }
        }
    }};
}
pub(crate) use index_grams;

/// PostgreSQL: what a new question's or tip's `INSERT` adds for its `search_grams` — the
/// column, its value (parameter `$p`) and what to bind there (`domain::search::post_grams`
/// of the normalised `title` and `body`); nothing on SQLite, whose gram index is a table of
/// its own (see [`index_grams!`]).
pub(crate) fn new_post_grams(
    sqlite: bool,
    p: usize,
    title: &str,
    body: &str,
) -> (&'static str, String, Option<String>) {
    if sqlite {
        ("", String::new(), None)
    } else {
        let grams = crate::domain::search::post_grams(title, body);
        (
            ", search_grams",
            format!(", string_to_array(${p}, ' ')"),
            Some(grams),
        )
    }
}

/// PostgreSQL, inside transaction `$tx`: (re)writes the rows of `question_title_grams` of
/// question `$id` from its normalised `$title` — its similarity n-grams (alphanumeric runs:
/// never a space), for `Store::similar_candidates` (migration 0016).
macro_rules! index_title_grams {
    ($tx:ident, $id:expr, $title:expr, $new:expr) => {{
        if !$new {
            sqlx::query("DELETE FROM question_title_grams WHERE question_id = $1")
                .bind($id)
                .execute(&mut *$tx)
                .await?;
        }
        let grams = $crate::domain::search::similarity_grams($title);
        if !grams.is_empty() {
            sqlx::query(
                "INSERT INTO question_title_grams (gram, question_id) \
                 SELECT g, $1 FROM unnest(string_to_array($2, ' ')) g",
            )
            .bind($id)
            .bind(grams.into_iter().collect::<Vec<_>>().join(" "))
            .execute(&mut *$tx)
            .await?;
        }
    }};
}
pub(crate) use index_title_grams;

/// Links a tag (creating it on first use) to a row of `$table` inside a transaction.
macro_rules! link_tag {
    ($tx:ident, $table:literal, $column:literal, $id:expr, $slug:expr, $now:expr) => {{
        let link = concat!(
            "INSERT INTO ",
            $table,
            " (",
            $column,
            ", tag_id) SELECT $1, id FROM tags WHERE slug = $2 ON CONFLICT DO NOTHING RETURNING tag_id"
        );
        // Most tags exist already: linking first saves a statement (on SQLite's writer, a
        // round trip to its thread that every write queues for); nothing linked means the tag
        // is new (or the link was there: then both statements below change nothing).
        let linked: Option<i64> = sqlx::query_scalar(link)
            .bind($id)
            .bind($slug)
            .fetch_optional(&mut *$tx)
            .await?;
        if linked.is_none() {
            sqlx::query(
                "INSERT INTO tags (slug, created_at) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING",
            )
            .bind($slug)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
            sqlx::query_scalar::<_, i64>(link)
                .bind($id)
                .bind($slug)
                .fetch_optional(&mut *$tx)
                .await?;
        }
    }};
}
pub(crate) use link_tag;

/// Inside a write transaction `$tx`: ends every browser session of member `$member` and every
/// trigger subscription of theirs (cancelling what they still had pending), as of `$now`. Run
/// when a key of theirs is revoked (and at the first company sign-in, which revokes the keys an
/// admin was shown): whoever held the key — the admin who created the member, say — may have
/// signed a browser in with it or subscribed a flow to her events ("when my question is
/// answered"), and either would go on telling them what she asks anonymously. Her own flows
/// subscribe again when they are saved.
macro_rules! end_sessions_and_triggers {
    ($tx:ident, $member:expr, $now:expr) => {{
        sqlx::query("UPDATE members SET sessions_ended_at = $2 WHERE id = $1")
            .bind($member)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
        sqlx::query(
            "UPDATE deliveries SET status = 'cancelled', finished_at = $2 WHERE status = 'pending' \
             AND subscription_id IN (SELECT id FROM subscriptions WHERE member_id = $1 AND ended_at IS NULL)",
        )
        .bind($member)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(
            "UPDATE subscriptions SET ended_at = $2, ended_reason = 'key_revoked' \
             WHERE member_id = $1 AND ended_at IS NULL",
        )
        .bind($member)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use end_sessions_and_triggers;

/// Inside write transaction `$tx`: revokes every key of member `$member` as of `$now` and ends
/// their sessions and triggers (`end_sessions_and_triggers!`) — "start over" on the settings
/// page, and the first company sign-in. Evaluates to how many keys were revoked.
macro_rules! revoke_every_key {
    ($tx:ident, $member:expr, $now:expr) => {{
        let revoked = sqlx::query(
            "UPDATE api_keys SET revoked_at = $2 WHERE member_id = $1 AND revoked_at IS NULL",
        )
        .bind($member)
        .bind($now)
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        $crate::store::end_sessions_and_triggers!($tx, $member, $now);
        revoked
    }};
}
pub(crate) use revoke_every_key;

/// Who is looking at posts. A post a moderator hid is shown to its author and to moderators
/// only; each table states the rule once as an SQL condition (`QUESTION_VISIBLE`,
/// `ANSWER_VISIBLE`, `TIP_VISIBLE`, `WIN_VISIBLE`) over its row and `$1`, the viewer's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewer {
    /// The viewer's member id (bound as `$1` in every post query).
    pub member_id: i64,
    /// Whether the viewer moderates (sees hidden posts).
    pub moderator: bool,
}

impl From<i64> for Viewer {
    /// A member who does not moderate.
    fn from(member_id: i64) -> Self {
        Viewer {
            member_id,
            moderator: false,
        }
    }
}

impl Viewer {
    /// The SQL condition for rows this viewer may see, given a table's visibility rule.
    pub(crate) fn sees(self, rule: &'static str) -> &'static str {
        if self.moderator {
            "TRUE"
        } else {
            rule
        }
    }
}

/// Where a listing continues: the last row's sort values (title rank for searches, the sort
/// column, the id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    pub rank: i64,
    pub sort_key: i64,
    pub id: i64,
}

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
    /// Binds every id and returns their placeholders for an `IN (…)` list: `$1, $2, $3`.
    pub fn ints(&mut self, ids: &[i64]) -> String {
        let placeholders: Vec<String> = ids.iter().map(|id| self.int(*id)).collect();
        placeholders.join(", ")
    }
}

/// Starts a transaction that will write.
///
/// On SQLite's writer connection this is a savepoint inside its group's transaction, which
/// began with `BEGIN IMMEDIATE` (see [`writer`]); on PostgreSQL a transaction.
pub(crate) trait BeginWrite<'c> {
    type Db: sqlx::Database;
    async fn begin_write(self) -> Result<sqlx::Transaction<'c, Self::Db>, sqlx::Error>;
}

impl<'c> BeginWrite<'c> for &'c mut sqlx::SqliteConnection {
    type Db = sqlx::Sqlite;
    async fn begin_write(self) -> Result<sqlx::Transaction<'c, Self::Db>, sqlx::Error> {
        use sqlx::Connection;
        self.begin().await
    }
}

impl<'c> BeginWrite<'c> for &'c PgPool {
    type Db = sqlx::Postgres;
    async fn begin_write(self) -> Result<sqlx::Transaction<'c, Self::Db>, sqlx::Error> {
        self.begin().await
    }
}

/// The application's storage.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) pool: Pool,
    /// Woken after a commit that wrote to the outbox, so this process's webhook worker sends
    /// at once instead of at its next poll (other replicas find it when they poll).
    outbox: std::sync::Arc<tokio::sync::Notify>,
    /// PostgreSQL: how many questions, in listing order, a search looks through before it
    /// uses the whole search index (`TSUNAGU_SEARCH_WALK`; see `questions::list_phase`).
    pub(crate) search_walk: i64,
    /// The questions whose title holds every word of recent multi-word searches, by
    /// member and FTS5 query (see `Store::title_matches`).
    pub(crate) title_matches: std::sync::Arc<
        quick_cache::sync::Cache<
            questions::TitleMatchesKey,
            std::sync::Arc<questions::TitleMatches>,
            questions::TitleMatchesBytes,
        >,
    >,
    /// PostgreSQL: the newest event horizon a poll has read (`events::Store::event_horizon`);
    /// a poll that cannot take the event lock in time lists up to it instead.
    pub(crate) event_horizon: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

/// Options for opening the store.
#[derive(Clone, Debug)]
pub struct StoreOptions {
    /// `sqlite://path` or `postgres://…`.
    pub url: String,
    /// Most connections in the pool.
    pub max_connections: u32,
    /// SQLite: `synchronous=FULL` (true) or `NORMAL`.
    pub sqlite_synchronous_full: bool,
    /// The language of the messages for the operator when the database cannot be opened.
    pub language: crate::i18n::Language,
    /// PostgreSQL: questions a search looks through, in listing order, before it uses the
    /// whole search index (`TSUNAGU_SEARCH_WALK`, 1000).
    pub search_walk: i64,
}

/// A sentence for the operator from `locales/<lang>/operator.ftl`.
fn say(options: &StoreOptions, id: &str, args: &[(&'static str, crate::i18n::Arg)]) -> String {
    crate::i18n::text(options.language, id, args)
}

/// Before SQLite opens a file: a read-only file or folder would otherwise fail later with
/// "attempt to write a readonly database" (no file named), a missing or closed folder with
/// "unable to open database file". Names the path and what to do.
fn check_sqlite_file(options: &StoreOptions, path: &std::path::Path) -> anyhow::Result<()> {
    let name = path.display().to_string();
    if name.is_empty() || name == ":memory:" {
        return Ok(());
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let folder_name = folder.display().to_string();
    if path.is_dir() {
        anyhow::bail!(say(
            options,
            "db-path-is-folder",
            &[("file", name.as_str().into())]
        ));
    }
    if !folder.is_dir() {
        anyhow::bail!(say(
            options,
            "db-folder-missing",
            &[
                ("file", name.as_str().into()),
                ("folder", folder_name.as_str().into())
            ]
        ));
    }
    let permission = |e: &std::io::Error| e.kind() == std::io::ErrorKind::PermissionDenied;
    if path.exists() {
        if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
            if permission(&e) {
                anyhow::bail!(say(
                    options,
                    "db-file-read-only",
                    &[("file", name.as_str().into())]
                ));
            }
        }
    }
    // SQLite writes `-wal` and `-shm` files beside the database (and creates it if missing).
    let probe = folder.join(format!(".tsunagu-write-check-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) if permission(&e) || e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => {
            anyhow::bail!(say(
                options,
                "db-folder-read-only",
                &[
                    ("file", name.as_str().into()),
                    ("folder", folder_name.as_str().into())
                ]
            ))
        }
        Err(_) => Ok(()),
    }
}

/// Current time in microseconds since the Unix epoch: the stored form of every timestamp.
pub fn now_micros() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

/// A stored timestamp (microseconds since the epoch) as a UTC time.
pub fn timestamp(micros: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

/// The FTS5 query (SQLite) for rows matching every term group of `search` whose title holds
/// every group (`in_title`) or does not — see [`Store::search_condition`].
pub(crate) fn fts_query(search: &SearchQuery, in_title: bool) -> String {
    // Title tokens have their own postings (`t…`): no column filter that reads them all.
    let titles = fts_groups(search, &['t']);
    if in_title {
        titles
    } else {
        format!("({}) NOT ({titles})", fts_everywhere(search))
    }
}

/// The FTS5 query for rows where every term group matches in the title or the body, whether
/// the title holds them all or not: the index's half of the second phase of a search walked
/// in posting order, whose other half is [`title_holds_every_group`] on each row found.
pub(crate) fn fts_everywhere(search: &SearchQuery) -> String {
    fts_groups(search, &['t', 'b'])
}

/// Every term group of `search` matched by any spelling in any of `fields` (`t`, `b`; see
/// `domain::search::gram_sequence`): `(…) AND (…)`, one parenthesised `OR` per group.
fn fts_groups(search: &SearchQuery, fields: &[char]) -> String {
    use crate::domain::search::fts_term;
    search
        .term_groups()
        .iter()
        .map(|group| {
            let phrases: Vec<String> = group
                .iter()
                .flat_map(|t| fields.iter().map(move |f| fts_term(*f, t)))
                .collect();
            format!("({})", phrases.join(" OR "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// [`Store::search_condition`]'s rows by `LIKE` alone, which needs no index: every term group
/// by any spelling in the title or the body, and with `in_title` every group in the title,
/// without, not. For a query that reads a bounded range of questions another way, where the
/// gram arrays would only give PostgreSQL an index to misuse.
pub(crate) fn search_likes(
    alias: &str,
    search: &SearchQuery,
    in_title: bool,
    binds: &mut Binds,
) -> String {
    let title = title_holds_every_group(alias, search, binds);
    // As the gram index: a post the start-up backfill has not reached yet is not found.
    let indexed = format!("{alias}.search_grams IS NOT NULL");
    if in_title {
        return format!("{indexed} AND {title}");
    }
    let anywhere = every_group_like(search, binds, |p| {
        format!(
            "{alias}.search_title LIKE {p} ESCAPE '\\' OR {alias}.search_body LIKE {p} ESCAPE '\\'"
        )
    });
    format!("{indexed} AND {anywhere} AND NOT ({title})")
}

/// `(…) AND (…)`: each term group of `search` by any of its spellings, each spelling's
/// `LIKE` pattern bound in `binds` and written by `spelling` from its placeholder.
fn every_group_like(
    search: &SearchQuery,
    binds: &mut Binds,
    spelling: impl Fn(&str) -> String,
) -> String {
    search
        .term_groups()
        .iter()
        .map(|group| {
            let spellings: Vec<String> = group
                .iter()
                .map(|t| spelling(&binds.text(like_contains(t))))
                .collect();
            format!("({})", spellings.join(" OR "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Whether `alias.search_title` (normalised) holds every term group by any of its spellings
/// — the same test as the index's title postings, on one row. Searches walked in posting
/// order use it to keep the questions whose title does not: in the index, `… NOT (title
/// groups)` first ran through every title posting of the words to find the next title
/// match, even when none was left (110 of 190 ms for `approval flow` at 1,000,000 questions).
pub(crate) fn title_holds_every_group(
    alias: &str,
    search: &SearchQuery,
    binds: &mut Binds,
) -> String {
    every_group_like(search, binds, |p| {
        format!("{alias}.search_title LIKE {p} ESCAPE '\\'")
    })
}

impl Store {
    /// Wakes this process's webhook worker: the outbox has something new.
    pub(crate) fn outbox_written(&self) {
        match &self.pool {
            // After the group's commit.
            Pool::Sqlite(_, writer) => writer.outbox_written(),
            Pool::Postgres(_) => self.outbox.notify_one(),
        }
    }

    /// Resolves when [`Store::outbox_written`] was called since the last wait.
    pub async fn outbox_changed(&self) {
        self.outbox.notified().await;
    }

    /// Opens (creating a SQLite file if needed) and returns the store. Does not migrate.
    pub async fn connect(options: &StoreOptions) -> anyhow::Result<Self> {
        let url = options.url.as_str();
        let outbox: std::sync::Arc<tokio::sync::Notify> = Default::default();
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // JIT compilation off: its cost model starts compiling the health figures' and
            // search's queries (estimated costly, run in milliseconds), which then spent 15–25
            // ms compiling on every request.
            let connect = PgConnectOptions::from_str(url)
                .context("invalid PostgreSQL URL")?
                .options([("jit", "off")]);
            // One connection first: the pool would retry until its timeout and report only
            // "pool timed out", hiding the cause (refused, unknown host, password, database).
            let first = tokio::time::timeout(
                Duration::from_secs(10),
                <sqlx::PgConnection as sqlx::Connection>::connect_with(&connect),
            )
            .await;
            let cause = match first {
                Ok(Ok(connection)) => {
                    let _ = sqlx::Connection::close(connection).await;
                    None
                }
                Ok(Err(e)) => Some(e.to_string()),
                Err(_) => Some(say(options, "db-timed-out", &[])),
            };
            if let Some(cause) = cause {
                let database = connect.get_database().unwrap_or("postgres");
                anyhow::bail!(say(
                    options,
                    "db-postgres-unreachable",
                    &[
                        (
                            "address",
                            format!("{}:{}", connect.get_host(), connect.get_port()).into()
                        ),
                        ("database", database.into()),
                        ("cause", cause.into()),
                    ]
                ));
            }
            let pool = PgPoolOptions::new()
                .max_connections(options.max_connections)
                .acquire_timeout(Duration::from_secs(10))
                // A connection idle for a while may have been cut (a server restart, a
                // firewall's timeout): ping it before use. One in use a moment ago is not
                // pinged — the ping is a round trip to the server before every query.
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for >= Duration::from_secs(PING_WHEN_IDLE_SECS) {
                            sqlx::Connection::ping(conn).await?;
                        }
                        Ok(true)
                    })
                })
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        // At least 16 MB for a query's bitmaps and sorts (the server's 4 MB
                        // default made a two-word search's bitmap of common grams lossy at
                        // 1,000,000 questions: 52,000 pages rechecked, 1.5 s instead of 77 ms).
                        // A server configured higher keeps its own setting.
                        sqlx::query(
                            "SELECT set_config('work_mem', '16MB', false) \
                             WHERE pg_size_bytes(current_setting('work_mem')) < 16 * 1024 * 1024",
                        )
                        .execute(conn)
                        .await?;
                        Ok(())
                    })
                })
                .connect_with(connect)
                .await
                .context("cannot connect to PostgreSQL")?;
            Pool::Postgres(pool)
        } else if url.starts_with("sqlite:") {
            let connect = SqliteConnectOptions::from_str(url)
                .context("invalid SQLite URL")?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(if options.sqlite_synchronous_full {
                    SqliteSynchronous::Full
                } else {
                    SqliteSynchronous::Normal
                })
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5));
            check_sqlite_file(options, connect.get_filename())?;
            // The pool's connections only read (`query_only`): a write that did not go through
            // the writer connection fails at once instead of queueing for SQLite's lock.
            // No ping before each use: a local file's connection cannot have been cut, and
            // the ping is a round trip to the connection's worker thread on every query.
            let pool = SqlitePoolOptions::new()
                .max_connections(options.max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .test_before_acquire(false)
                .connect_with(connect.clone().pragma("query_only", "true"))
                .await
                .map_err(|e| {
                    // SQLite's own sentence, once (sqlx repeats it), with the file and a hint.
                    let cause = e
                        .as_database_error()
                        .map(|d| d.message().to_owned())
                        .unwrap_or_else(|| e.to_string());
                    let file = connect.get_filename().display().to_string();
                    let id = if cause.contains("not a database") {
                        "db-not-sqlite"
                    } else {
                        "db-sqlite-cannot-open"
                    };
                    anyhow::anyhow!(say(
                        options,
                        id,
                        &[("file", file.into()), ("cause", cause.into())]
                    ))
                })?;
            // The writer opens its connection on first use, after the pool checked that the
            // file is a database.
            Pool::Sqlite(pool, writer::Writer::open(connect, outbox.clone()))
        } else {
            // Never the URL itself: it may hold a password.
            let scheme = url.trim().split(':').next().unwrap_or_default();
            anyhow::bail!(
                "TSUNAGU_DATABASE_URL must start with sqlite: or postgres:// (it starts with {scheme:?}, without spaces before it)"
            );
        };
        Ok(Self {
            pool,
            outbox,
            search_walk: options.search_walk,
            title_matches: std::sync::Arc::new(quick_cache::sync::Cache::with_weighter(
                questions::TITLE_MATCHES_SEARCHES,
                questions::TITLE_MATCHES_BYTES,
                questions::TitleMatchesBytes,
            )),
            event_horizon: std::sync::Arc::default(),
        })
    }

    /// Applies pending migrations for this backend.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match &self.pool {
            Pool::Sqlite(_, writer) => {
                let pool = &writer.pool;
                sqlx::migrate!("migrations/sqlite").run(pool).await?
            }
            Pool::Postgres(pool) => {
                sqlx::migrate!("migrations/postgres").run(pool).await?;
                // A database restored from another cluster (pg_dump, logical replication)
                // brings that cluster's transaction ids, which may lie ahead of this one's: no
                // snapshot would ever see those titles as written, and every kept list of title
                // matches (`questions::title_matches`) would read them on each use.
                sqlx::query(
                    "UPDATE questions SET title_xid = '0' \
                     WHERE title_xid >= pg_snapshot_xmax(pg_current_snapshot())",
                )
                .execute(pool)
                .await?;
            }
        }
        let indexed = self.index_unindexed().await?;
        if indexed > 0 {
            tracing::info!(
                indexed,
                "search grams written for posts made before the gram index"
            );
        }
        Ok(())
    }

    /// Whether the database is PostgreSQL (whose SQL and row locks some queries treat apart).
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self.pool, Pool::Postgres(_))
    }

    /// Which backend this is, for logs.
    pub fn backend_name(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(..) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    /// Hands back the page cache each open SQLite connection filled during start-up
    /// (migrations, the index check: pages no request will want), with `PRAGMA
    /// shrink_memory`; a connection's cache (at most 2 MB) fills again as requests read.
    /// Nothing to do on PostgreSQL, whose cache is the server's.
    pub async fn release_startup_memory(&self) -> StoreResult<()> {
        if let Pool::Sqlite(pool, writer) = &self.pool {
            for pool in [pool, &writer.pool] {
                // Every idle connection at once, so each is asked, not one of them twice.
                let mut connections = Vec::new();
                for _ in 0..pool.num_idle() {
                    match pool.try_acquire() {
                        Some(connection) => connections.push(connection),
                        None => break,
                    }
                }
                for connection in &mut connections {
                    sqlx::query("PRAGMA shrink_memory")
                        .execute(&mut **connection)
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// Checks the database answers (readiness).
    pub async fn ping(&self) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Whether this store is SQLite (else PostgreSQL).
    pub(crate) fn is_sqlite(&self) -> bool {
        matches!(self.pool, Pool::Sqlite(..))
    }

    /// Indexes the questions and tips that have no search grams yet — rows written before the
    /// gram index existed (migration 0014) — in batches of 1,000; returns how many. Run at
    /// start-up after migrating. Only the tables named in `search_backfill` are looked at,
    /// and a table's name is removed once it is fully indexed, so later starts do not scan.
    pub async fn index_unindexed(&self) -> StoreResult<u64> {
        let sqlite = self.is_sqlite();
        let mut indexed = 0;
        let pending: Vec<String> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT table_name FROM search_backfill").fetch_all(pool).await?
        });
        macro_rules! backfill {
            ($table:literal) => {
                // Walks the table in id order, 1,000 rows at a time, and indexes those of each
                // batch that have no grams: one pass, however many rows are missing.
                let mut after = 0_i64;
                while pending.iter().any(|t| t == $table) {
                    let have = if sqlite {
                        concat!("SELECT rowid FROM ", $table, "_grams WHERE rowid >= $1 AND rowid <= $2")
                    } else {
                        concat!("SELECT id FROM ", $table, " WHERE id >= $1 AND id <= $2 AND search_grams IS NOT NULL")
                    };
                    let (done, last) = with_writer!(self, pool => {
                        let mut tx = pool.begin_write().await?;
                        let ids: Vec<i64> = sqlx::query_scalar(concat!("SELECT id FROM ", $table, " WHERE id > $1 ORDER BY id LIMIT 1000"))
                            .bind(after)
                            .fetch_all(&mut *tx)
                            .await?;
                        let (first, last) = (ids.first().copied(), ids.last().copied());
                        let mut done = 0_u64;
                        if let (Some(first), Some(last)) = (first, last) {
                            let have: std::collections::HashSet<i64> = sqlx::query_scalar(have)
                                .bind(first)
                                .bind(last)
                                .fetch_all(&mut *tx)
                                .await?
                                .into_iter()
                                .collect();
                            for id in ids.iter().filter(|id| !have.contains(id)) {
                                index_grams!(tx, sqlite, $table, *id);
                                done += 1;
                            }
                            if sqlite && $table == "questions" && done > 0 {
                                // Older questions now match searches: kept title matches
                                // (`Store::title_matches`) are made again.
                                sqlx::query("UPDATE search_generation SET value = value + 1")
                                    .execute(&mut *tx)
                                    .await?;
                            }
                            if !sqlite && $table == "questions" {
                                // Questions indexed before migration 0016 have search grams but
                                // no title grams: only those are written (rewriting each row's
                                // array would leave a dead copy of every question behind). One
                                // whose title has none is looked at again, harmlessly, in this
                                // one pass.
                                let untitled: Vec<(i64, String)> = sqlx::query_as(
                                    "SELECT q.id, q.search_title FROM questions q WHERE q.id >= $1 AND q.id <= $2 \
                                       AND q.search_grams IS NOT NULL \
                                       AND NOT EXISTS (SELECT 1 FROM question_title_grams g WHERE g.question_id = q.id)",
                                )
                                .bind(first)
                                .bind(last)
                                .fetch_all(&mut *tx)
                                .await?;
                                for (id, title) in untitled {
                                    index_title_grams!(tx, id, &title, false);
                                    if have.contains(&id) {
                                        done += 1;
                                    }
                                }
                            }
                        }
                        tx.commit().await?;
                        Ok((done, last))
                    })?;
                    indexed += done;
                    if let Some(last) = last {
                        after = last;
                    } else {
                        with_writer!(self, pool => {
                            sqlx::query("DELETE FROM search_backfill WHERE table_name = $1")
                                .bind($table)
                                .execute(pool)
                                .await?;
                            Ok(())
                        })?;
                        break;
                    }
                }
            };
        }
        backfill!("questions");
        backfill!("tips");
        Ok(indexed)
    }

    /// The WHERE condition for a search over a table with `search_title`/`search_body`
    /// columns (aliased `alias`) and gram index `grams` (the FTS5 table on SQLite; the
    /// `search_grams` column on PostgreSQL): rows where every term group matches, each by any
    /// of its spellings, as a substring of the title or the body — and with `in_title`, rows
    /// whose title holds every group; without, rows whose title does not (search results
    /// list the first before the second). On SQLite the phrase of a term's pairs in the FTS5
    /// table matches exactly; on PostgreSQL the array holding the term's grams (GIN) narrows
    /// the rows down and `LIKE` keeps the match exact.
    pub(crate) fn search_condition(
        &self,
        alias: &str,
        grams: &str,
        search: &SearchQuery,
        in_title: bool,
        binds: &mut Binds,
    ) -> String {
        use crate::domain::search::term_grams;
        if self.is_sqlite() {
            let m = binds.text(fts_query(search, in_title));
            return format!("{alias}.id IN (SELECT rowid FROM {grams} WHERE {grams} MATCH {m})");
        }
        // Per term group: the index half (any spelling's grams in the title or the body: a
        // BitmapOr over the GIN index) AND the exact half (any spelling as a substring). A
        // substring of a field always has its grams among the row's, so this equals "some
        // spelling has its grams and its substring in the same field" — but on each row the
        // bitmap found PostgreSQL checks the LIKEs first and the `@>` (over the row's few
        // hundred grams) only where one matched, instead of every `@>` of every spelling
        // (10,000 questions, wrk -c32: q=approval flow 170 → 265 req/s, q=フロー 承認 140 →
        // 245 req/s).
        // Each group's title LIKEs, and its conditions in the title (in_title) or anywhere: the
        // LIKEs first, as PostgreSQL checks a row's conditions of equal cost in the written
        // order and stops at the first false one.
        let mut title_likes = Vec::new();
        let mut groups = Vec::new();
        for group in search.term_groups() {
            let (mut likes, mut grams, mut in_titles) = (Vec::new(), Vec::new(), Vec::new());
            for term in group {
                let p = binds.text(like_contains(term));
                let title = format!("{alias}.search_title LIKE {p} ESCAPE '\\'");
                let t = binds.text(term_grams('t', term).join(" "));
                grams.push(format!("{alias}.search_grams @> string_to_array({t}, ' ')"));
                likes.push(title.clone());
                in_titles.push(title);
                if !in_title {
                    let b = binds.text(term_grams('b', term).join(" "));
                    grams.push(format!("{alias}.search_grams @> string_to_array({b}, ' ')"));
                    likes.push(format!("{alias}.search_body LIKE {p} ESCAPE '\\'"));
                }
            }
            groups.push(format!(
                "({}) AND ({})",
                likes.join(" OR "),
                grams.join(" OR ")
            ));
            title_likes.push(format!("({})", in_titles.join(" OR ")));
        }
        if in_title {
            groups.join(" AND ")
        } else {
            // Not every group in the title: the LIKEs alone decide that (no index to use).
            format!(
                "{} AND NOT ({})",
                groups.join(" AND "),
                title_likes.join(" AND ")
            )
        }
    }

    /// The tag slugs of many rows of `table` (`question_tags`, `tip_tags`, …) with one query.
    pub(crate) async fn tags_of(
        &self,
        table: &str,
        id_column: &str,
        ids: &[i64],
    ) -> StoreResult<std::collections::HashMap<i64, Vec<String>>> {
        let mut by_id: std::collections::HashMap<i64, Vec<String>> = Default::default();
        if ids.is_empty() {
            return Ok(by_id);
        }
        let mut binds = Binds::default();
        let sql = format!(
            "SELECT x.{id_column}, t.slug FROM {table} x JOIN tags t ON t.id = x.tag_id \
             WHERE x.{id_column} IN ({}) ORDER BY t.slug",
            binds.ints(ids)
        );
        let pairs: Vec<(i64, String)> = with_pool!(self, pool => {
            bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?
        });
        for (id, slug) in pairs {
            by_id.entry(id).or_default().push(slug);
        }
        Ok(by_id)
    }

    /// Writes a consistent copy of a SQLite database to `path` while it is in use
    /// (`VACUUM INTO`). PostgreSQL is backed up with `pg_dump` instead.
    pub async fn backup_to(&self, path: &std::path::Path) -> anyhow::Result<()> {
        match &self.pool {
            Pool::Sqlite(_, writer) => {
                let pool = &writer.pool;
                anyhow::ensure!(!path.exists(), "{} already exists; choose a new file", path.display());
                sqlx::query("VACUUM INTO $1")
                    .bind(path.to_string_lossy().into_owned())
                    .execute(pool)
                    .await
                    .with_context(|| format!("cannot write the backup to {}", path.display()))?;
                Ok(())
            }
            Pool::Postgres(_) => anyhow::bail!(
                "this is a PostgreSQL database: back it up with pg_dump (see README, \"Backup and restore\")"
            ),
        }
    }

    /// Pool size and idle connections, for metrics.
    pub fn pool_stats(&self) -> (u32, usize) {
        with_pool!(self, pool => (pool.size(), pool.num_idle()))
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }
}
