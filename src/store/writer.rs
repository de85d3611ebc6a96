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
//! or [`MAX_GROUP`] writes have joined. **No write is reported done before its commit**: each
//! waits for the commit of its group and returns that commit's error if it failed (all of a
//! group's writes fail together; none is half-kept).
//!
//! Cancellation: a request dropped while it writes leaves its savepoint to be rolled back
//! before the connection's next statement (sqlx does this for a dropped transaction) and the
//! group to the next writer; the commit itself runs in a task of its own, so it finishes even if
//! the request that started it is dropped. A write that joined a group nobody commits (every
//! later writer went away) commits it itself after [`FLUSH_AFTER`].

use super::StoreResult;
use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{oneshot, Mutex, MutexGuard, Notify};

/// Most writes committed together. A group's first write waits for the others' bodies
/// (about a fifth of a millisecond each), so the group is kept small enough not to make its
/// first members wait longer than queueing one by one would.
pub const MAX_GROUP: usize = 32;

/// How long a write waits for a commit that should come from a later write before it commits
/// its group itself (only when the writes behind it were cancelled).
pub const FLUSH_AFTER: Duration = Duration::from_millis(20);

/// The outcome of a group's commit, for each of its writes: the database's message when it
/// failed.
type Outcome = Result<(), Arc<str>>;

/// The writer connection and the group being built on it.
#[derive(Debug)]
pub struct Writer {
    /// A pool of one connection: the writer (also used by migrations and backups).
    pub(crate) pool: SqlitePool,
    group: Mutex<Group>,
    /// Writes waiting for their turn.
    waiting: AtomicUsize,
    /// Woken after a commit, so the webhook worker sends what it wrote at once.
    committed: Arc<Notify>,
    /// The runtime the store was opened on, which runs the commits: not a web worker's, which
    /// stops with the server while the webhook worker may still write (returning its leases).
    runtime: Option<tokio::runtime::Handle>,
}

/// The open transaction, and the writes in it that wait for its commit.
#[derive(Debug, Default)]
struct Group {
    transaction: Option<Transaction<'static, Sqlite>>,
    /// Counts the groups, so a write that commits its group itself commits its own one only.
    number: u64,
    members: Vec<oneshot::Sender<Outcome>>,
}

/// One write's turn on the writer connection: it holds the group until [`Turn::finish`] (or
/// its drop, when the request is cancelled) hands it to the next write.
pub(crate) struct Turn<'a> {
    writer: &'a Writer,
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
    /// A writer on `pool` (a pool of one connection); `committed` is woken after each commit.
    pub fn new(pool: SqlitePool, committed: Arc<Notify>) -> Self {
        Self {
            pool,
            group: Mutex::default(),
            waiting: AtomicUsize::new(0),
            committed,
            runtime: tokio::runtime::Handle::try_current().ok(),
        }
    }

    /// Waits for this write's turn, in arrival order, and opens the group's transaction if
    /// none is open.
    pub(crate) async fn turn(&self) -> StoreResult<Turn<'_>> {
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let mut group = {
            let _waiting = Waiting(&self.waiting);
            self.group.lock().await
        };
        let transaction = match group.transaction.take() {
            Some(open) => open,
            None => {
                group.number += 1;
                // Waits for the connection while the previous group's commit runs.
                self.pool.begin_with("BEGIN IMMEDIATE").await?
            }
        };
        Ok(Turn {
            writer: self,
            group: Some((group, transaction)),
        })
    }

    /// Commits the group's transaction in a task of its own (it must finish even if the
    /// request that started it goes away) and tells its writes how it went.
    fn commit(&self, group: &mut Group) {
        let members = std::mem::take(&mut group.members);
        let Some(transaction) = group.transaction.take() else {
            return;
        };
        let committed = self.committed.clone();
        let commit = async move {
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
            committed.notify_one();
        };
        match &self.runtime {
            Some(runtime) => drop(runtime.spawn(commit)),
            None => drop(tokio::spawn(commit)),
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

    /// Ends this write's turn with its `result`: a write that succeeded waits for its group's
    /// commit (and fails if the commit does); the group commits now if no other write waits
    /// or it is full, else the next write carries it on.
    pub(crate) async fn finish<T>(mut self, result: StoreResult<T>) -> StoreResult<T> {
        let writer = self.writer;
        let Some((mut group, transaction)) = self.group.take() else {
            return result;
        };
        group.transaction = Some(transaction);
        let receiver = result.is_ok().then(|| {
            let (sender, receiver) = oneshot::channel();
            group.members.push(sender);
            receiver
        });
        let number = group.number;
        if writer.waiting.load(Ordering::Acquire) == 0 || group.members.len() >= MAX_GROUP {
            writer.commit(&mut group);
        }
        drop(group);
        let Some(mut receiver) = receiver else {
            return result;
        };
        loop {
            match tokio::time::timeout(FLUSH_AFTER, &mut receiver).await {
                Ok(Ok(Ok(()))) => return result,
                Ok(Ok(Err(message))) => {
                    return Err(
                        sqlx::Error::Protocol(format!("group commit failed: {message}")).into(),
                    );
                }
                Ok(Err(_)) => {
                    return Err(sqlx::Error::Protocol("group commit lost".into()).into());
                }
                Err(_) => {
                    // The writes behind this one went away without committing: commit the
                    // group if it is still the one this write joined.
                    let mut group = writer.group.lock().await;
                    if group.number == number && group.transaction.is_some() {
                        writer.commit(&mut group);
                    }
                }
            }
        }
    }
}
