//! SQLite's one writer connection, with group commit.
//!
//! SQLite lets one connection write at a time. Every write of the store goes through the one
//! connection here, in arrival order, instead of every pooled connection competing for the
//! write lock (where the busy handler's sleeps gave creates under 32 concurrent writers a p99
//! of 660 ms).
//!
//! **Group commit.** A commit is the dearest part of a small write (it appends every page the
//! transaction touched — the table, its indexes, the search index's new segment, the events,
//! the rollups — to the WAL). So writes that queue behind each other share one: each runs in
//! its own savepoint inside one `BEGIN IMMEDIATE` transaction (its store function's
//! `begin_write` is a `SAVEPOINT`, its `commit` a `RELEASE`, its failure a `ROLLBACK TO` that
//! leaves the others' rows alone), and the transaction commits when no other write is waiting
//! or [`MAX_GROUP`] writes have joined. **No write is answered before its group's commit**:
//! one that succeeded fails if the commit fails (a group's writes are kept or lost together,
//! never half), and one that failed is answered after the commit too, so what it raced with
//! (a member created by another request, say) is visible when it looks again.
//!
//! What could leave the writer stuck, and what prevents it:
//! - A request dropped while it writes (actix drops a handler whose client went away): its
//!   savepoint is rolled back before the connection's next statement (sqlx does this for a
//!   dropped transaction) and the group waits for the next write. Every group has a flusher
//!   that commits it [`FLUSH_AFTER`] it opened if it is still open then, so a group whose later
//!   writes all went away is committed anyway.
//! - The commit runs in a task on the store's runtime, so it finishes even if the request that
//!   started it is dropped, and after the web workers stopped.
//! - SQLite rolling back the whole transaction after an error (disk full, I/O error): a
//!   rollback hook on the connection tells; the group is then failed for all its writes (their
//!   rows are gone) and no further write joins it. A connection given back to the pool still
//!   inside a transaction (that case, or a request dropped in the middle of `BEGIN`) is closed
//!   instead of reused.

use super::StoreResult;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction, TransactionManager};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{oneshot, Mutex, MutexGuard, Notify};

/// Most writes committed together. A group's first write waits for the others' bodies
/// (about a fifth of a millisecond each), so the group is kept small enough not to make its
/// first members wait longer than queueing one by one would.
pub const MAX_GROUP: usize = 32;

/// How long after it opened a group is committed even if writes are still joining or the
/// writes that should have committed it went away.
pub const FLUSH_AFTER: Duration = Duration::from_millis(20);

/// The outcome of a group's commit, for each of its writes: the reason when it failed.
type Outcome = Result<(), Arc<str>>;

/// The writer connection and the group being built on it.
#[derive(Debug)]
pub struct Writer {
    /// A pool of one connection: the writer (also used by migrations and backups).
    pub(crate) pool: SqlitePool,
    group: Mutex<Group>,
    /// Writes waiting for their turn.
    waiting: AtomicUsize,
    /// Set by SQLite's rollback hook when the connection's whole transaction was rolled back.
    rolled_back: Arc<AtomicBool>,
    /// Whether a write of the open group wrote to the outbox (`Store::outbox_written`).
    outbox_written: AtomicBool,
    /// Woken after a commit that wrote to the outbox, so the webhook worker sends at once.
    outbox: Arc<Notify>,
    /// The runtime the store was opened on, which runs commits and flushers: not a web
    /// worker's, which stops with the server while the webhook worker may still write.
    runtime: Option<tokio::runtime::Handle>,
}

/// The open transaction, and the writes in it that wait for its commit.
#[derive(Debug, Default)]
struct Group {
    transaction: Option<Transaction<'static, Sqlite>>,
    /// Counts the groups, so a flusher commits its own group only.
    number: u64,
    members: Vec<oneshot::Sender<Outcome>>,
}

/// One write's turn on the writer connection: it holds the group until [`Turn::finish`] (or
/// its drop, when the request is cancelled) hands it to the next write.
pub(crate) struct Turn<'a> {
    writer: &'a Arc<Writer>,
    /// The group's lock with the transaction taken out while the write runs; put back by
    /// `finish` or drop.
    group: Option<(MutexGuard<'a, Group>, Transaction<'static, Sqlite>)>,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        if let Some((mut group, transaction)) = self.group.take() {
            group.transaction = Some(transaction);
        }
    }
}

/// Counts a write as waiting while it waits for its turn, also when it is cancelled meanwhile.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Writer {
    /// The writer on the database of `connect` (opened on first use); `outbox` is woken after
    /// a commit that wrote to the outbox.
    pub fn open(connect: SqliteConnectOptions, outbox: Arc<Notify>) -> Arc<Self> {
        let rolled_back = Arc::new(AtomicBool::new(false));
        let hook = rolled_back.clone();
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(0)
            .acquire_timeout(Duration::from_secs(30))
            .test_before_acquire(false)
            .after_connect(move |conn, _| {
                let hook = hook.clone();
                Box::pin(async move {
                    conn.lock_handle()
                        .await?
                        .set_rollback_hook(move || hook.store(true, Ordering::Release));
                    Ok(())
                })
            })
            // Only a connection outside any transaction is used again.
            .after_release(|conn, _| {
                Box::pin(async move {
                    let clean =
                        <Sqlite as sqlx::Database>::TransactionManager::get_transaction_depth(conn)
                            == 0;
                    if !clean {
                        tracing::warn!(
                            "the writer connection came back inside a transaction; it is closed"
                        );
                    }
                    Ok(clean)
                })
            })
            .connect_lazy_with(connect);
        Arc::new(Self {
            pool,
            group: Mutex::default(),
            waiting: AtomicUsize::new(0),
            rolled_back,
            outbox_written: AtomicBool::new(false),
            outbox,
            runtime: tokio::runtime::Handle::try_current().ok(),
        })
    }

    /// Notes that the open group wrote to the outbox: the webhook worker is woken after its
    /// commit (not before: it would find nothing yet).
    pub(crate) fn outbox_written(&self) {
        self.outbox_written.store(true, Ordering::Release);
    }

    /// Waits for this write's turn, in arrival order, and opens a group if none is open.
    pub(crate) async fn turn(self: &Arc<Self>) -> StoreResult<Turn<'_>> {
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let mut group = {
            let _waiting = Waiting(&self.waiting);
            self.group.lock().await
        };
        if let Some(open) = group.transaction.take() {
            if !self.rolled_back.load(Ordering::Acquire) {
                return Ok(Turn {
                    writer: self,
                    group: Some((group, open)),
                });
            }
            self.fail(&mut group, open);
        }
        group.number += 1;
        // Waits for the connection while the previous group's commit runs.
        let transaction = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // After the BEGIN: a failed group's rollback, run before it, has fired the hook.
        self.rolled_back.store(false, Ordering::Release);
        self.spawn(Self::flush_later(self.clone(), group.number, FLUSH_AFTER));
        Ok(Turn {
            writer: self,
            group: Some((group, transaction)),
        })
    }

    /// Commits group `number` after `delay`, if it is still open.
    async fn flush_later(self: Arc<Self>, number: u64, delay: Duration) {
        tokio::time::sleep(delay).await;
        let mut group = self.group.lock().await;
        if group.number == number {
            self.commit(&mut group);
        }
    }

    /// Commits the group's transaction in a task of its own (it must finish even if the
    /// request that started it goes away) and tells its writes how it went.
    fn commit(&self, group: &mut Group) {
        let Some(transaction) = group.transaction.take() else {
            return;
        };
        if self.rolled_back.load(Ordering::Acquire) {
            self.fail(group, transaction);
            return;
        }
        let members = std::mem::take(&mut group.members);
        tracing::debug!(writes = members.len(), group = group.number, "group commit");
        let wrote_outbox = self.outbox_written.swap(false, Ordering::AcqRel);
        let outbox = self.outbox.clone();
        self.spawn(async move {
            let outcome: Outcome = match transaction.commit().await {
                Ok(()) => Ok(()),
                Err(e) => {
                    tracing::error!(error = %e, writes = members.len(), "a group commit failed; its writes are reported failed");
                    Err(e.to_string().into())
                }
            };
            for member in members {
                let _ = member.send(outcome.clone());
            }
            if wrote_outbox {
                outbox.notify_one();
            }
        });
    }

    /// SQLite rolled the group's whole transaction back (after a disk-full or I/O error):
    /// every write in it failed; the transaction is dropped (its connection, still counted
    /// inside a transaction by sqlx, is closed when it comes back to the pool).
    fn fail(&self, group: &mut Group, transaction: Transaction<'static, Sqlite>) {
        tracing::error!(
            writes = group.members.len(),
            "SQLite rolled back the writes' shared transaction; they are reported failed"
        );
        self.outbox_written.store(false, Ordering::Release);
        drop(transaction);
        let outcome: Outcome = Err("the database rolled the transaction back".into());
        for member in group.members.drain(..) {
            let _ = member.send(outcome.clone());
        }
    }

    fn spawn(&self, task: impl std::future::Future<Output = ()> + Send + 'static) {
        match &self.runtime {
            Some(runtime) => drop(runtime.spawn(task)),
            None => drop(tokio::spawn(task)),
        }
    }
}

impl Turn<'_> {
    /// The connection, inside the group's transaction: `begin_write` on it opens a savepoint.
    pub(crate) fn connection(&mut self) -> StoreResult<&mut SqliteConnection> {
        match &mut self.group {
            Some((_, transaction)) => Ok(transaction),
            None => Err(sqlx::Error::PoolClosed.into()),
        }
    }

    /// Ends this write's turn with its `result` and answers after its group's commit: the
    /// group commits now if no other write waits or it is full, else the next write carries it
    /// on (and its flusher commits it at the latest). A write that succeeded fails if the
    /// commit does.
    pub(crate) async fn finish<T>(mut self, result: StoreResult<T>) -> StoreResult<T> {
        let writer = self.writer;
        let Some((mut group, transaction)) = self.group.take() else {
            return result;
        };
        group.transaction = Some(transaction);
        let (sender, receiver) = oneshot::channel();
        group.members.push(sender);
        if writer.waiting.load(Ordering::Acquire) == 0 || group.members.len() >= MAX_GROUP {
            writer.commit(&mut group);
        }
        drop(group);
        let outcome = receiver.await;
        match (result, outcome) {
            (Err(e), _) => Err(e),
            (Ok(value), Ok(Ok(()))) => Ok(value),
            (Ok(_), Ok(Err(reason))) => {
                Err(sqlx::Error::Protocol(format!("the write was not committed: {reason}")).into())
            }
            (Ok(_), Err(_)) => {
                Err(sqlx::Error::Protocol("the write's commit was lost".into()).into())
            }
        }
    }
}
