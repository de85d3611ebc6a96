//! Answers, acceptance and positive reactions. Every change that affects a question's
//! counters or status recomputes them in the same transaction.

use super::events::{
    answer_snapshot, forget_events, question_snapshot, record_event, refresh_question_events,
};
use super::idempotency::{created_before, record_created};
use super::with_writer;
use super::{now_micros, with_pool, BeginWrite, Store, StoreResult, Viewer};
use crate::domain::event::{EventData, EventType, NewEvent};
use crate::domain::question::ReactionKind;

/// An answer as stored, with facts about its question and the viewer's reactions.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub id: i64,
    pub question_id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The question's asker (to apply the anonymity rule to the asker's own answers).
    pub question_author_id: i64,
    pub question_anonymous: bool,
    pub accepted: bool,
    pub helpful_count: i64,
    pub thanks_count: i64,
    /// Whether the viewer reacted `helpful` / `thanks`.
    pub reacted_helpful: bool,
    pub reacted_thanks: bool,
    /// Whether a moderator hid it (then only its author and moderators get this row).
    pub hidden: bool,
    /// Why a moderator hid it.
    pub hidden_reason: Option<String>,
}

/// SELECT list for answers; `$1` is the viewer's member id.
const SELECT_ANSWERS: &str = "SELECT a.id, a.question_id, a.author_id, m.display_name AS author_name, a.body, \
    a.created_at, a.updated_at, q.author_id AS question_author_id, q.anonymous AS question_anonymous, \
    (q.accepted_answer_id IS NOT NULL AND q.accepted_answer_id = a.id) AS accepted, \
    (SELECT COUNT(*) FROM answer_reactions r WHERE r.answer_id = a.id AND r.kind = 'helpful') AS helpful_count, \
    (SELECT COUNT(*) FROM answer_reactions r WHERE r.answer_id = a.id AND r.kind = 'thanks') AS thanks_count, \
    EXISTS (SELECT 1 FROM answer_reactions r WHERE r.answer_id = a.id AND r.member_id = $1 AND r.kind = 'helpful') AS reacted_helpful, \
    EXISTS (SELECT 1 FROM answer_reactions r WHERE r.answer_id = a.id AND r.member_id = $1 AND r.kind = 'thanks') AS reacted_thanks, \
    a.hidden_at IS NOT NULL AS hidden, a.hidden_reason \
    FROM answers a JOIN members m ON m.id = a.author_id JOIN questions q ON q.id = a.question_id";

/// The one rule for which answers `a` (to question `q`) a viewer (`$1`) who does not moderate
/// may see: those not hidden by a moderator, or their own, in a question they may see (see
/// `questions::QUESTION_VISIBLE`): hiding a question hides its thread.
pub(crate) const ANSWER_VISIBLE: &str =
    "((a.hidden_at IS NULL OR a.author_id = $1) AND (q.hidden_at IS NULL OR q.author_id = $1))";

/// Recomputes a question's answer count, first-answer time, accepted answer and status.
/// Answers a moderator hid do not count: a question answered only by hidden answers is open.
macro_rules! refresh_question {
    ($tx:ident, $question_id:expr) => {{
        // Lock the question row in its own statement first: on PostgreSQL (READ COMMITTED) the
        // recount below then takes a fresh snapshot that includes every answer committed by
        // transactions that held the lock before us. Counting in the locking statement itself
        // would use a snapshot from before the wait and lose concurrent answers.
        $crate::store::lock_question!($tx, $question_id);
        let (accepted, answered): (bool, bool) = sqlx::query_as(
            "UPDATE questions SET \
             answer_count = (SELECT COUNT(*) FROM answers a WHERE a.question_id = questions.id AND a.hidden_at IS NULL), \
             first_answer_at = (SELECT MIN(a.created_at) FROM answers a WHERE a.question_id = questions.id AND a.author_id <> questions.author_id AND a.hidden_at IS NULL), \
             accepted_answer_id = (SELECT a.id FROM answers a WHERE a.question_id = questions.id AND a.id = questions.accepted_answer_id) \
             WHERE id = $1 \
             RETURNING accepted_answer_id IS NOT NULL, first_answer_at IS NOT NULL",
        )
        .bind($question_id)
        .fetch_one(&mut *$tx)
        .await?;
        sqlx::query("UPDATE questions SET status = $2 WHERE id = $1")
            .bind($question_id)
            .bind($crate::domain::question::QuestionStatus::derive(accepted, answered).as_str())
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(crate) use refresh_question;

/// True for an answer `a` that the anonymous asker of its question `q` wrote: its author is
/// hidden like the asker (see `domain::question::asker_visible_to`), in events and in counts.
pub(crate) const ANSWER_BY_ANONYMOUS_ASKER: &str = "(q.anonymous AND q.author_id = a.author_id)";

impl Store {
    /// Adds an answer to an existing question; returns its id, or `None` when the question was
    /// deleted meanwhile.
    pub async fn create_answer(
        &self,
        question_id: i64,
        author_id: i64,
        body: &str,
    ) -> StoreResult<Option<i64>> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let Some(id) = created_before!(tx, "answer") {
                tx.commit().await?;
                return Ok(Some(id));
            }
            // The question's row lock before the answer's row and the per-day rollups its
            // triggers write: the order in which deleting an answer takes them (PostgreSQL).
            if super::lock_question!(tx, question_id).rows_affected() == 0 {
                // Deleted since the caller looked it up.
                return Ok(None);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO answers (question_id, author_id, body, created_at, updated_at, by_asker) \
                 VALUES ($1, $2, $3, $4, $4, EXISTS (SELECT 1 FROM questions WHERE id = $1 AND author_id = $2)) RETURNING id",
            )
            .bind(question_id)
            .bind(author_id)
            .bind(body)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE questions SET last_activity_at = $2 WHERE id = $1")
                .bind(question_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            refresh_question!(tx, question_id);
            record_created!(tx, "answer", id);
            let (question, asker) = question_snapshot!(tx, question_id);
            let (answer, _, _) = answer_snapshot!(tx, id);
            let event = NewEvent {
                event_type: EventType::QuestionAnswered,
                tags: question.tags.clone(),
                data: EventData { question: Some(question), answer: Some(answer), ..EventData::default() },
                level: None,
                audience: Some(asker),
                dedupe_key: None,
            };
            record_event!(tx, &event, now);
            tx.commit().await?;
            self.outbox_written();
            Ok(Some(id))
        })
    }

    /// One answer as `viewer` sees it, or `None` (also when it is hidden from them).
    pub async fn answer(
        &self,
        id: i64,
        viewer: impl Into<Viewer>,
    ) -> StoreResult<Option<AnswerRow>> {
        let viewer = viewer.into();
        let sql = format!(
            "{SELECT_ANSWERS} WHERE a.id = $2 AND {}",
            viewer.sees(ANSWER_VISIBLE)
        );
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&sql).bind(viewer.member_id).bind(id).fetch_optional(pool).await?)
        })
    }

    /// The answers to a question that `viewer` may see, accepted first, then oldest first.
    pub async fn answers_to(
        &self,
        question_id: i64,
        viewer: impl Into<Viewer>,
    ) -> StoreResult<Vec<AnswerRow>> {
        let viewer = viewer.into();
        let sql = format!(
            "{SELECT_ANSWERS} WHERE a.question_id = $2 AND {} ORDER BY accepted DESC, a.created_at, a.id",
            viewer.sees(ANSWER_VISIBLE)
        );
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&sql).bind(viewer.member_id).bind(question_id).fetch_all(pool).await?)
        })
    }

    /// Replaces an answer's body; false when it does not exist.
    pub async fn update_answer(&self, id: i64, body: &str) -> StoreResult<bool> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let question_id: Option<i64> = sqlx::query_scalar(
                "UPDATE answers SET body = $2, updated_at = $3 WHERE id = $1 RETURNING question_id",
            )
            .bind(id)
            .bind(body)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(question_id) = question_id {
                sqlx::query("UPDATE questions SET last_activity_at = $2 WHERE id = $1")
                    .bind(question_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                refresh_question_events!(tx, question_id);
            }
            tx.commit().await?;
            Ok(question_id.is_some())
        })
    }

    /// Deletes an answer (and its reactions, kudos and events); the question's status
    /// follows. False when absent.
    pub async fn delete_answer(&self, id: i64) -> StoreResult<bool> {
        let postgres = self.is_postgres();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // Row locks in the order every writer takes them: the answer (which an asker's
            // reaction to it takes through its foreign key, and accepting takes first), then its
            // question (which deleting kudos the asker gave here takes, migration 0019), then
            // the events (which a change of the question's anonymity rewrites after locking it).
            if postgres {
                sqlx::query("SELECT id FROM answers WHERE id = $1 FOR UPDATE").bind(id).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE questions SET me_too_count = me_too_count WHERE id = (SELECT question_id FROM answers WHERE id = $1)")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            forget_events!(tx, "answer_id", id);
            sqlx::query("DELETE FROM kudos WHERE target_kind = 'answer' AND target_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let question_id: Option<i64> =
                sqlx::query_scalar("DELETE FROM answers WHERE id = $1 RETURNING question_id")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some(question_id) = question_id {
                refresh_question!(tx, question_id);
            }
            tx.commit().await?;
            Ok(question_id.is_some())
        })
    }

    /// Makes `answer_id` the accepted answer of its question (replacing any other), or clears
    /// the acceptance when `accept` is false and this answer is the accepted one.
    pub async fn set_accepted(
        &self,
        question_id: i64,
        answer_id: i64,
        accept: bool,
    ) -> StoreResult<()> {
        let now = now_micros();
        let postgres = self.is_postgres();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // The row locks of the answers whose `accepted` flag the question's trigger will
            // change (migration 0018), before the question's: editing, deleting or hiding an
            // answer locks the answer, then its question. In the other order, on PostgreSQL,
            // accepting an answer while it was being edited deadlocked (one of the two
            // requests failed with a 500: 137 of 600 under two concurrent loops). In id order, as
            // deleting a question locks its answers. (SQLite has one writer: no row locks.)
            if postgres {
                sqlx::query(
                    "SELECT id FROM answers WHERE id = $2 OR id = (SELECT accepted_answer_id FROM questions WHERE id = $1) \
                     ORDER BY id FOR NO KEY UPDATE",
                )
                .bind(question_id)
                .bind(answer_id)
                .execute(&mut *tx)
                .await?;
            }
            if accept {
                // Only a change of the accepted answer is news.
                let changed = sqlx::query(
                    "UPDATE questions SET accepted_answer_id = $2, last_activity_at = $3 \
                     WHERE id = $1 AND (accepted_answer_id IS NULL OR accepted_answer_id <> $2)",
                )
                .bind(question_id)
                .bind(answer_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 1 {
                    let (question, _) = question_snapshot!(tx, question_id);
                    let (answer, author, _) = answer_snapshot!(tx, answer_id);
                    let event = NewEvent {
                        event_type: EventType::AnswerAccepted,
                        tags: question.tags.clone(),
                        data: EventData { question: Some(question), answer: Some(answer), ..EventData::default() },
                        level: None,
                        audience: Some(author),
                        dedupe_key: None,
                    };
                    record_event!(tx, &event, now);
                }
            } else {
                sqlx::query("UPDATE questions SET accepted_answer_id = NULL, last_activity_at = $3 WHERE id = $1 AND accepted_answer_id = $2")
                    .bind(question_id)
                    .bind(answer_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            refresh_question!(tx, question_id);
            tx.commit().await?;
            self.outbox_written();
            Ok(())
        })
    }

    /// Adds or removes a member's reaction (idempotently).
    pub async fn set_reaction(
        &self,
        answer_id: i64,
        member_id: i64,
        kind: ReactionKind,
        on: bool,
    ) -> StoreResult<()> {
        with_writer!(self, pool => {
            if on {
                sqlx::query("INSERT INTO answer_reactions (answer_id, member_id, kind, created_at, by_asker) \
                     VALUES ($1, $2, $3, $4, EXISTS (SELECT 1 FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = $1 AND q.author_id = $2)) \
                     ON CONFLICT DO NOTHING")
                    .bind(answer_id).bind(member_id).bind(kind.as_str()).bind(now_micros())
                    .execute(pool).await?;
            } else {
                let mut tx = pool.begin_write().await?;
                // Taking back the asker's own reaction in her thread locks the question before
                // the reaction (its count in `member_days` depends on the question's anonymity,
                // migration 0019): the order in which deleting the answer takes them.
                sqlx::query("UPDATE questions SET me_too_count = me_too_count WHERE id = \
                     (SELECT a.question_id FROM answer_reactions r JOIN answers a ON a.id = r.answer_id \
                      WHERE r.answer_id = $1 AND r.member_id = $2 AND r.kind = $3 AND r.by_asker)")
                    .bind(answer_id).bind(member_id).bind(kind.as_str())
                    .execute(&mut *tx).await?;
                sqlx::query("DELETE FROM answer_reactions WHERE answer_id = $1 AND member_id = $2 AND kind = $3")
                    .bind(answer_id).bind(member_id).bind(kind.as_str())
                    .execute(&mut *tx).await?;
                tx.commit().await?;
            }
            Ok(())
        })
    }
}
