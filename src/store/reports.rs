//! Reports of hurtful posts, the moderators' queue, and hiding a post.
//!
//! The reporter is stored (one report per member and post, and so they can read their own) but
//! [`ReportRow`] keeps it private: nothing outside this module can put it in a response, and
//! the events written here (`post.reported` for moderators, `post.hidden` for the author) carry
//! neither the reporter nor the moderator.

use super::answers::refresh_question;
use super::events::{answer_snapshot, forget_events, question_snapshot, record_event};
use super::idempotency::{created_before, record_created};
use super::with_writer;
use super::{bind_all, now_micros, with_pool, BeginWrite, Binds, SortKey, Store, StoreResult};
use crate::domain::event::{
    EventData, EventHiddenPost, EventMember, EventReport, EventTip, EventType, EventWin, NewEvent,
};
use crate::domain::report::{ReportReason, ReportStatus, ReportTargetKind, ResolveAction};
use crate::domain::tip::TipLevel;
use crate::domain::win::hours_saved_per_month;

/// A report as stored, with how many members reported the same post and the post's title (or
/// the start of an answer; `None` once the post is deleted). Who filed it stays private.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    reporter_id: i64,
    pub target_kind: String,
    pub target_id: i64,
    pub reason: String,
    pub note: Option<String>,
    pub status: String,
    pub resolution_reason: Option<String>,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    /// Reports of the same post, in any status, this one included.
    pub report_count: i64,
    /// The post's title, or the first 281 characters of an answer.
    pub target_text: Option<String>,
}

impl ReportRow {
    /// Whether `member_id` filed this report (so may read it back).
    pub fn filed_by(&self, member_id: i64) -> bool {
        self.reporter_id == member_id
    }
}

/// A report to file.
#[derive(Debug, Clone)]
pub struct NewReport<'a> {
    pub reporter_id: i64,
    pub target_kind: ReportTargetKind,
    pub target_id: i64,
    pub reason: ReportReason,
    pub note: Option<&'a str>,
}

/// What filing a report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    /// A new report with this id.
    New(i64),
    /// The member had already reported this post: their earlier report's id.
    Existing(i64),
    /// The post is gone.
    NoPost,
}

/// What resolving a report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// Done: this many open reports of the post were closed (the one named included).
    Closed(u64),
    /// No report with that id.
    NoReport,
    /// The report was closed before (perhaps with another report of the same post).
    AlreadyResolved,
    /// The post to hide is gone.
    NoPost,
}

/// What the queue lists.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub status: ReportStatus,
    /// Continue after this report (oldest first).
    pub after: Option<SortKey>,
    pub limit: i64,
}

const SELECT_REPORTS: &str = "SELECT r.id, r.reporter_id, r.target_kind, r.target_id, r.reason, r.note, r.status, \
    r.resolution_reason, r.created_at, r.resolved_at, \
    (SELECT COUNT(*) FROM reports o WHERE o.target_kind = r.target_kind AND o.target_id = r.target_id) AS report_count, \
    CASE r.target_kind \
      WHEN 'question' THEN (SELECT q.title FROM questions q WHERE q.id = r.target_id) \
      WHEN 'answer' THEN (SELECT SUBSTR(a.body, 1, 281) FROM answers a WHERE a.id = r.target_id) \
      WHEN 'tip' THEN (SELECT t.title FROM tips t WHERE t.id = r.target_id) \
      WHEN 'win' THEN (SELECT w.title FROM wins w WHERE w.id = r.target_id) \
    END AS target_text \
    FROM reports r";

/// A reported or hidden post as events show it.
struct PostSnapshot {
    /// The post as the event part of its kind (an answer with its question), anonymity applied.
    parts: EventData,
    /// Its title, or the first 280 characters of an answer.
    title: String,
    author_id: i64,
    /// For an answer: its question.
    question_id: Option<i64>,
}

/// Inside a transaction: `Some(PostSnapshot)` of a post, or `None` when it does not exist.
macro_rules! post_snapshot {
    ($tx:ident, $kind:expr, $id:expr) => {{
        let kind: ReportTargetKind = $kind;
        let id: i64 = $id;
        let author: Option<i64> =
            sqlx::query_scalar(&format!("SELECT author_id FROM {} WHERE id = $1", kind.table()))
                .bind(id)
                .fetch_optional(&mut *$tx)
                .await?;
        match author {
            None => None,
            Some(author_id) => Some(match kind {
                ReportTargetKind::Question => {
                    let (question, _) = question_snapshot!($tx, id);
                    PostSnapshot {
                        title: question.title.clone(),
                        author_id,
                        question_id: None,
                        parts: EventData { question: Some(question), ..EventData::default() },
                    }
                }
                ReportTargetKind::Answer => {
                    let (answer, _, _) = answer_snapshot!($tx, id);
                    let (question, _) = question_snapshot!($tx, answer.question_id);
                    PostSnapshot {
                        title: answer.excerpt.clone(),
                        author_id,
                        question_id: Some(answer.question_id),
                        parts: EventData { question: Some(question), answer: Some(answer), ..EventData::default() },
                    }
                }
                ReportTargetKind::Tip => {
                    let (title, level, name): (String, String, String) = sqlx::query_as(
                        "SELECT t.title, t.level, m.display_name FROM tips t JOIN members m ON m.id = t.author_id WHERE t.id = $1",
                    )
                    .bind(id)
                    .fetch_one(&mut *$tx)
                    .await?;
                    let tags: Vec<String> = sqlx::query_scalar(
                        "SELECT g.slug FROM tip_tags x JOIN tags g ON g.id = x.tag_id WHERE x.tip_id = $1 ORDER BY g.slug",
                    )
                    .bind(id)
                    .fetch_all(&mut *$tx)
                    .await?;
                    PostSnapshot {
                        title: title.clone(),
                        author_id,
                        question_id: None,
                        parts: EventData {
                            tip: Some(EventTip {
                                id,
                                title,
                                tags,
                                level: TipLevel::from_stored(&level),
                                author: EventMember::new(author_id, name),
                                link: String::new(),
                                web_url: String::new(),
                            }),
                            ..EventData::default()
                        },
                    }
                }
                ReportTargetKind::Win => {
                    let (title, minutes, runs, people, name): (String, f64, i64, i64, String) = sqlx::query_as(
                        "SELECT w.title, w.minutes_saved_per_run, w.runs_per_month, w.people_helped, m.display_name \
                         FROM wins w JOIN members m ON m.id = w.author_id WHERE w.id = $1",
                    )
                    .bind(id)
                    .fetch_one(&mut *$tx)
                    .await?;
                    let tags: Vec<String> = sqlx::query_scalar(
                        "SELECT g.slug FROM win_tags x JOIN tags g ON g.id = x.tag_id WHERE x.win_id = $1 ORDER BY g.slug",
                    )
                    .bind(id)
                    .fetch_all(&mut *$tx)
                    .await?;
                    PostSnapshot {
                        title: title.clone(),
                        author_id,
                        question_id: None,
                        parts: EventData {
                            win: Some(EventWin {
                                id,
                                title,
                                tags,
                                author: EventMember::new(author_id, name),
                                hours_saved_per_month: hours_saved_per_month(minutes, runs, people),
                                link: String::new(),
                                web_url: String::new(),
                            }),
                            ..EventData::default()
                        },
                    }
                }
            }),
        }
    }};
}

impl Store {
    /// Files a report, once per member and post, and tells moderators (`post.reported`) in
    /// the same transaction. A second report of the same post by the same member changes
    /// nothing and returns the first.
    pub async fn create_report(&self, new: &NewReport<'_>) -> StoreResult<Filed> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let Some(id) = created_before!(tx, "report") {
                tx.commit().await?;
                return Ok(Filed::New(id));
            }
            let Some(post) = post_snapshot!(tx, new.target_kind, new.target_id) else {
                return Ok(Filed::NoPost);
            };
            let inserted: Option<i64> = sqlx::query_scalar(
                "INSERT INTO reports (reporter_id, target_kind, target_id, reason, note, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (reporter_id, target_kind, target_id) DO NOTHING RETURNING id",
            )
            .bind(new.reporter_id)
            .bind(new.target_kind.as_str())
            .bind(new.target_id)
            .bind(new.reason.as_str())
            .bind(new.note)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = inserted else {
                let id: i64 = sqlx::query_scalar(
                    "SELECT id FROM reports WHERE reporter_id = $1 AND target_kind = $2 AND target_id = $3",
                )
                .bind(new.reporter_id)
                .bind(new.target_kind.as_str())
                .bind(new.target_id)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                return Ok(Filed::Existing(id));
            };
            record_created!(tx, "report", id);
            let report_count: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM reports WHERE target_kind = $1 AND target_id = $2",
            )
            .bind(new.target_kind.as_str())
            .bind(new.target_id)
            .fetch_one(&mut *tx)
            .await?;
            let event = NewEvent {
                event_type: EventType::PostReported,
                tags: Vec::new(),
                data: EventData {
                    report: Some(EventReport {
                        id,
                        target_kind: new.target_kind,
                        target_id: new.target_id,
                        target_title: post.title,
                        reason: new.reason,
                        note: new.note.map(str::to_owned),
                        report_count,
                        target_link: String::new(),
                        target_web_url: String::new(),
                        link: String::new(),
                    }),
                    ..post.parts
                },
                level: None,
                // Nobody's "mine only": the event concerns moderators, and names no member
                // but the post's author where the post itself shows them.
                audience: None,
                dedupe_key: None,
            };
            record_event!(tx, &event, now);
            tx.commit().await?;
            self.outbox_written();
            Ok(Filed::New(id))
        })
    }

    /// One report, or `None`.
    pub async fn report(&self, id: i64) -> StoreResult<Option<ReportRow>> {
        let sql = format!("{SELECT_REPORTS} WHERE r.id = $1");
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?)
        })
    }

    /// The moderators' queue: reports in one status, oldest first.
    pub async fn list_reports(&self, filter: &ReportFilter) -> StoreResult<Vec<ReportRow>> {
        let mut binds = Binds::default();
        let status = binds.text(filter.status.as_str());
        let mut conditions = vec![format!("r.status = {status}")];
        if let Some(after) = filter.after {
            let (k, i) = (binds.int(after.sort_key), binds.int(after.id));
            conditions.push(format!("(r.created_at, r.id) > ({k}, {i})"));
        }
        let limit = binds.int(filter.limit);
        let sql = format!(
            "{SELECT_REPORTS} WHERE {} ORDER BY r.created_at, r.id LIMIT {limit}",
            conditions.join(" AND ")
        );
        with_pool!(self, pool => {
            Ok(bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?)
        })
    }

    /// Resolves a report and every other open report of the same post, by `moderator_id`.
    /// `Hide` hides the post (its author and moderators still see it, with `reason`) and tells
    /// its author (`post.hidden`, naming neither the moderator nor the reporters) in the same
    /// transaction; an answer hidden stops counting for its question's status.
    pub async fn resolve_report(
        &self,
        id: i64,
        action: ResolveAction,
        reason: Option<&str>,
        moderator_id: i64,
    ) -> StoreResult<Resolved> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // Row lock first, so two moderators resolving at once do it once.
            let found: Option<(String, i64, String)> = sqlx::query_as(
                "UPDATE reports SET status = status WHERE id = $1 RETURNING target_kind, target_id, status",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((kind, target_id, status)) = found else {
                return Ok(Resolved::NoReport);
            };
            if ReportStatus::from_stored(&status) != ReportStatus::Open {
                return Ok(Resolved::AlreadyResolved);
            }
            let Some(kind) = ReportTargetKind::parse(&kind) else {
                return Ok(Resolved::NoReport);
            };
            if action == ResolveAction::Hide {
                let Some(post) = post_snapshot!(tx, kind, target_id) else {
                    return Ok(Resolved::NoPost);
                };
                let reason = reason.unwrap_or_default();
                // The post's row, then its question's, then the events: the order in which
                // deleting and editing take their locks (PostgreSQL).
                let hidden = sqlx::query(&format!(
                    "UPDATE {} SET hidden_at = COALESCE(hidden_at, $2), hidden_reason = $3 WHERE id = $1",
                    kind.table()
                ))
                .bind(target_id)
                .bind(now)
                .bind(reason)
                .execute(&mut *tx)
                .await?;
                if hidden.rows_affected() == 0 {
                    // Deleted (with its question, for an answer) since the snapshot above.
                    return Ok(Resolved::NoPost);
                }
                if let Some(question_id) = post.question_id {
                    // A hidden answer is no longer the accepted one (un-hiding does not
                    // restore that: the asker accepts again if she wants).
                    sqlx::query("UPDATE questions SET accepted_answer_id = NULL WHERE id = $1 AND accepted_answer_id = $2")
                        .bind(question_id)
                        .bind(target_id)
                        .execute(&mut *tx)
                        .await?;
                    refresh_question!(tx, question_id);
                }
                // What was shown and is hidden now leaves the events (reports of it included),
                // with their deliveries; `post.hidden` below is about no post, so it stays.
                match kind {
                    ReportTargetKind::Question => forget_events!(tx, "question_id", target_id),
                    ReportTargetKind::Answer => forget_events!(tx, "answer_id", target_id),
                    ReportTargetKind::Tip => forget_events!(tx, "tip_id", target_id),
                    ReportTargetKind::Win => forget_events!(tx, "win_id", target_id),
                }
                let event = NewEvent {
                    event_type: EventType::PostHidden,
                    tags: Vec::new(),
                    data: EventData {
                        hidden_post: Some(EventHiddenPost {
                            target_kind: kind,
                            target_id,
                            target_title: post.title,
                            reason: reason.to_owned(),
                            target_link: String::new(),
                            target_web_url: String::new(),
                        }),
                        ..EventData::default()
                    },
                    level: None,
                    audience: Some(post.author_id),
                    dedupe_key: None,
                };
                record_event!(tx, &event, now);
            }
            let closed = sqlx::query(
                "UPDATE reports SET status = $3, resolved_by = $4, resolution_reason = $5, resolved_at = $6 \
                 WHERE target_kind = $1 AND target_id = $2 AND status = 'open'",
            )
            .bind(kind.as_str())
            .bind(target_id)
            .bind(action.status().as_str())
            .bind(moderator_id)
            .bind(reason)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            self.outbox_written();
            Ok(Resolved::Closed(closed))
        })
    }

    /// Shows a hidden post to everyone again; false when there is no such post. Showing a post
    /// that is not hidden changes nothing. Its reports keep their status.
    pub async fn unhide_post(&self, kind: ReportTargetKind, id: i64) -> StoreResult<bool> {
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found: Option<i64> = sqlx::query_scalar(&format!(
                "UPDATE {} SET hidden_at = NULL, hidden_reason = NULL WHERE id = $1 RETURNING id",
                kind.table()
            ))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            if found.is_some() && kind == ReportTargetKind::Answer {
                let question_id: i64 = sqlx::query_scalar("SELECT question_id FROM answers WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                refresh_question!(tx, question_id);
            }
            tx.commit().await?;
            Ok(found.is_some())
        })
    }
}
