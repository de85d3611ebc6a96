//! The event outbox: events recorded inside the transaction of the change that caused them,
//! fanned out in that same transaction to one delivery per matching subscription. Also the
//! event feed (`GET /events`) and the unanswered-question sweep.
//!
//! Events show the present: a change to what an event is about reaches the event in the
//! change's own transaction. Editing a question or an answer (or making the question
//! anonymous) rewrites its events' snapshots ([`refresh_question_events!`]); deleting or
//! hiding a question, answer, tip or win removes its events with their deliveries
//! ([`forget_events!`]), so nothing shown once and hidden later is shown again — not in the
//! feed, not in a delivery still waiting to be sent, not in the admin view.
//!
//! Recording happens through macros ([`record_event!`], [`question_snapshot!`],
//! [`answer_snapshot!`]) because they run on the caller's open transaction, on either backend.

use super::with_writer;
use super::{bind_all, with_pool, BeginWrite, Binds, Pool, Store, StoreResult};
use crate::domain::event::{EventData, EventType, NewEvent};

/// The event's own `INSERT` up to its `RETURNING` (`record_event!`): `$1`–`$9` are its values,
/// the fan-out's follow (see [`EVENT_BINDS`]).
pub(crate) const EVENT_INSERT: &str = "INSERT INTO events (event_type, occurred_at, data, audience_member_id, question_id, answer_id, tip_id, win_id, dedupe_key) \
     VALUES ($1, $2, $3, $4, COALESCE($5, (SELECT question_id FROM answers WHERE id = $6)), $6, $7, $8, $9) \
     ON CONFLICT DO NOTHING";

/// How many values [`EVENT_INSERT`] binds before the fan-out's (a unit test checks it against
/// the statement's placeholders).
pub(crate) const EVENT_BINDS: usize = 9;

/// Builds the condition (on subscriptions `s`) of the active subscriptions matching `event`
/// (type, tag, level, "mine only", personal events): each gets one pending delivery. Its
/// values go into `binds` after the [`EVENT_BINDS`] placeholders of the event's `INSERT`,
/// which reads them in the same statement (`record_event!`).
pub(crate) fn fan_out_condition(event: &NewEvent) -> (String, Binds) {
    // Placeholders for the event's own values, bound by `record_event!` itself.
    let mut binds = Binds(vec![super::Bind::Int(0); EVENT_BINDS]);
    let event_type = binds.text(event.event_type.as_str());
    let mut conditions = vec![
        format!("s.event_type = {event_type}"),
        "s.ended_at IS NULL".to_owned(),
    ];
    if event.event_type.is_for_moderators() {
        // Checked when sending too, not only when subscribing: a demoted moderator's flow
        // stops receiving reports at once.
        conditions.push(
            "EXISTS (SELECT 1 FROM members sm WHERE sm.id = s.member_id AND sm.role IN ('moderator', 'admin'))"
                .into(),
        );
    }
    if event.tags.is_empty() {
        conditions.push("s.tag IS NULL".into());
    } else {
        let tags: Vec<String> = event.tags.iter().map(|t| binds.text(t.as_str())).collect();
        conditions.push(format!("(s.tag IS NULL OR s.tag IN ({}))", tags.join(", ")));
    }
    match event.level {
        Some(level) => {
            let p = binds.text(level.as_str());
            conditions.push(format!("(s.level IS NULL OR s.level = {p})"));
        }
        None => conditions.push("s.level IS NULL".into()),
    }
    match event.audience {
        Some(member) => {
            let p = binds.int(member);
            if event.event_type.is_personal() {
                conditions.push(format!("s.member_id = {p}"));
            } else {
                conditions.push(format!("(s.mine_only = FALSE OR s.member_id = {p})"));
            }
        }
        None if event.event_type.is_personal() => conditions.push("FALSE".into()),
        None => conditions.push("s.mine_only = FALSE".into()),
    }
    if let Some(hours) = event.data.unanswered_hours {
        let p = binds.int(hours);
        conditions.push(format!("s.unanswered_hours = {p}"));
    }
    binds.0.drain(..EVENT_BINDS);
    (conditions.join(" AND "), binds)
}

/// Inside a write transaction: records `$event` (a [`NewEvent`]) and its deliveries (each with
/// a random public id); returns `Some(event id)`, or `None` when a once-only event already
/// happened.
macro_rules! record_event {
    ($tx:ident, $event:expr, $now:expr) => {{
        let event: &$crate::domain::event::NewEvent = $event;
        $crate::store::events::lock_event_order!($tx);
        let data = serde_json::to_string(&event.data)
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        let subjects = event.data.subjects();
        // The matching subscriptions come back with the event's id, in the same statement:
        // on SQLite's writer each statement is a round trip to its thread, which every write
        // queues for.
        let (matching, binds) = $crate::store::events::fan_out_condition(event);
        let ids = if $crate::store::events::is_postgres(&*$tx) {
            "string_agg(s.id::text, ',')"
        } else {
            "group_concat(s.id)"
        };
        let sql = format!(
            "{} RETURNING id, (SELECT {ids} FROM subscriptions s WHERE {matching})",
            $crate::store::events::EVENT_INSERT,
        );
        let query = sqlx::query_as::<_, (i64, Option<String>)>(&sql)
        .bind(event.event_type.as_str())
        .bind($now)
        .bind(data)
        .bind(event.audience)
        .bind(subjects.question_id)
        .bind(subjects.answer_id)
        .bind(subjects.tip_id)
        .bind(subjects.win_id)
        .bind(event.dedupe_key.as_deref());
        let recorded = $crate::store::bind_all!(query, &binds.0)
            .fetch_optional(&mut *$tx)
            .await?;
        let id = recorded.as_ref().map(|(id, _)| *id);
        if let Some((id, Some(matching))) = recorded {
            // Delivered in subscription order, as before they came in one list.
            let mut subscriptions = matching
                .split(',')
                .map(str::parse::<i64>)
                .collect::<Result<Vec<i64>, _>>()
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            subscriptions.sort_unstable();
            for subscription in subscriptions {
                sqlx::query(
                    "INSERT INTO deliveries (public_id, event_id, subscription_id, next_attempt_at, created_at) \
                     VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING",
                )
                .bind($crate::store::deliveries::new_public_id())
                .bind(id)
                .bind(subscription)
                .bind($now)
                .execute(&mut *$tx)
                .await?;
            }
        }
        id
    }};
}
pub(crate) use record_event;

/// Key of the PostgreSQL advisory lock that keeps the event feed's cursor from passing an
/// event still being written (`lock_event_order!`, [`Store::event_horizon`]).
pub(crate) const EVENT_ORDER_LOCK: i64 = 0x7473_756e_6167_7501;

/// How long a poll waits for the event lock (`Store::event_horizon`); new writers wait behind
/// a waiting poll, so this bounds how long a poll can hold them up.
pub(crate) const EVENT_HORIZON_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// True when the connection is PostgreSQL's.
pub(crate) fn is_postgres<C: sqlx::Connection>(_: &C) -> bool {
    <C::Database as sqlx::Database>::NAME == "PostgreSQL"
}

/// Inside a transaction, before an event is inserted: keeps the polling cursor (`GET
/// /events?after=`) from passing this event while it is uncommitted. On PostgreSQL a
/// transaction can take id 9, another id 10 and commit first; a poll between the two commits
/// would move the cursor past 9 for good. So every transaction that writes an event holds
/// the advisory lock *shared* from before its event takes an id until it commits (writers do
/// not wait for each other), and a poll takes it *exclusively* to read the newest id no
/// transaction still holds ([`Store::event_horizon`]); it lists nothing above that. While a
/// poll waits for the lock, new writers wait behind it: a poll waits at most
/// [`EVENT_HORIZON_WAIT`]. (The lock used to be exclusive for writers too, which made every
/// write of the service commit one after another: about 400 a second on this machine's
/// disk.) After its event a transaction should take no lock another writer may hold: a
/// writer queued behind a waiting poll would wait for it, and PostgreSQL sorts that out only
/// after `deadlock_timeout` (1 s). SQLite needs nothing: it has one writer at a time.
macro_rules! lock_event_order {
    ($tx:ident) => {
        if $crate::store::events::is_postgres(&*$tx) {
            sqlx::query("SELECT pg_advisory_xact_lock_shared($1)")
                .bind($crate::store::events::EVENT_ORDER_LOCK)
                .execute(&mut *$tx)
                .await?;
        }
    };
}
pub(crate) use lock_event_order;

/// Inside a transaction: a question as events show it, and its asker's id (for "mine only").
macro_rules! question_snapshot {
    ($tx:ident, $question_id:expr) => {{
        let (id, title, anonymous, author_id, created_at, name): (i64, String, bool, i64, i64, String) =
            sqlx::query_as(
                "SELECT q.id, q.title, q.anonymous, q.author_id, q.created_at, m.display_name \
                 FROM questions q JOIN members m ON m.id = q.author_id WHERE q.id = $1",
            )
            .bind($question_id)
            .fetch_one(&mut *$tx)
            .await?;
        let tags: Vec<String> = sqlx::query_scalar(
            "SELECT t.slug FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = $1 ORDER BY t.slug",
        )
        .bind(id)
        .fetch_all(&mut *$tx)
        .await?;
        let question = $crate::domain::event::EventQuestion::new(
            id,
            title,
            tags,
            anonymous,
            $crate::domain::event::EventMember::new(author_id, name),
            $crate::store::timestamp(created_at),
        );
        (question, author_id)
    }};
}
pub(crate) use question_snapshot;

/// Inside a transaction: an answer as events show it (no author when the anonymous asker
/// answered their own question), its author's id, and whether that author is hidden.
macro_rules! answer_snapshot {
    ($tx:ident, $answer_id:expr) => {{
        let (id, question_id, body, author_id, created_at, name, hidden): (i64, i64, String, i64, i64, String, bool) =
            sqlx::query_as(&format!(
                "SELECT a.id, a.question_id, a.body, a.author_id, a.created_at, m.display_name, {} \
                 FROM answers a JOIN members m ON m.id = a.author_id JOIN questions q ON q.id = a.question_id WHERE a.id = $1",
                $crate::store::answers::ANSWER_BY_ANONYMOUS_ASKER
            ))
            .bind($answer_id)
            .fetch_one(&mut *$tx)
            .await?;
        let answer = $crate::domain::event::EventAnswer {
            id,
            question_id,
            excerpt: $crate::domain::event::excerpt(&body, 280),
            excerpt_html: String::new(),
            author: (!hidden).then(|| $crate::domain::event::EventMember::new(author_id, name)),
            created_at: $crate::store::timestamp(created_at),
            link: String::new(),
            web_url: String::new(),
        };
        (answer, author_id, hidden)
    }};
}
pub(crate) use answer_snapshot;

/// Inside a transaction: who kudos `$kudos_id` came from as others may see it — `(None,
/// true)` when the anonymous asker gave it to an answer in her own question's thread.
macro_rules! kudos_from {
    ($tx:ident, $kudos_id:expr) => {{
        let (giver, name, by_asker): (i64, String, bool) = sqlx::query_as(
            "SELECT k.giver_id, m.display_name, \
             COALESCE((SELECT q.anonymous AND q.author_id = k.giver_id FROM answers a JOIN questions q ON q.id = a.question_id \
                       WHERE k.target_kind = 'answer' AND a.id = k.target_id), FALSE) \
             FROM kudos k JOIN members m ON m.id = k.giver_id WHERE k.id = $1",
        )
        .bind($kudos_id)
        .fetch_one(&mut *$tx)
        .await?;
        if by_asker {
            (None, true)
        } else {
            (Some($crate::domain::event::EventMember::new(giver, name)), false)
        }
    }};
}
pub(crate) use kudos_from;

/// Inside a write transaction: rewrites every event about question `$question_id` (its
/// answers and the kudos on them included) to what members may see now — title, tags,
/// anonymity and asker, answer excerpts and authors, who gave kudos.
macro_rules! refresh_question_events {
    ($tx:ident, $question_id:expr) => {{
        let question_id: i64 = $question_id;
        let stale: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, data FROM events WHERE question_id = $1 \
             OR answer_id IN (SELECT id FROM answers WHERE question_id = $1)",
        )
        .bind(question_id)
        .fetch_all(&mut *$tx)
        .await?;
        if !stale.is_empty() {
            let (question, _) = $crate::store::events::question_snapshot!($tx, question_id);
            for (event_id, data) in stale {
                let mut data: $crate::domain::event::EventData =
                    serde_json::from_str(&data).unwrap_or_default();
                if data.question.is_some() {
                    data.question = Some(question.clone());
                }
                if let Some(answer_id) = data.answer.as_ref().map(|a| a.id) {
                    let (answer, _, _) = $crate::store::events::answer_snapshot!($tx, answer_id);
                    data.answer = Some(answer);
                }
                if let Some(kudos) = data.kudos.as_mut() {
                    let (from, from_asker) = $crate::store::events::kudos_from!($tx, kudos.id);
                    kudos.from = from;
                    kudos.from_asker = from_asker;
                }
                let data =
                    serde_json::to_string(&data).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
                sqlx::query("UPDATE events SET data = $2 WHERE id = $1")
                    .bind(event_id)
                    .bind(data)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
    }};
}
pub(crate) use refresh_question_events;

/// Inside a write transaction: removes every event about the `$column` (`question_id`,
/// `answer_id`, `tip_id`, `win_id`) `$id`, with all their deliveries, sent or not. For a
/// question this includes the events about its answers.
macro_rules! forget_events {
    ($tx:ident, $column:literal, $id:expr) => {{
        let about = if $column == "question_id" {
            "e.question_id = $1 OR e.answer_id IN (SELECT id FROM answers WHERE question_id = $1)"
        } else {
            concat!("e.", $column, " = $1")
        };
        sqlx::query(&format!(
            "DELETE FROM deliveries WHERE event_id IN (SELECT e.id FROM events e WHERE {about})"
        ))
        .bind($id)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(&format!(
            "DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE {about})"
        ))
        .bind($id)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use forget_events;

/// An event as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub id: i64,
    pub event_type: String,
    pub occurred_at: i64,
    pub data: String,
}

impl EventRow {
    /// The snapshot, or an empty one if it cannot be read (it was written by this code).
    pub fn data(&self) -> EventData {
        serde_json::from_str(&self.data).unwrap_or_default()
    }
}

/// What the event feed lists.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Only these types (all when empty).
    pub types: Vec<EventType>,
    /// Only events after this id.
    pub after: i64,
    /// How many events at most.
    pub limit: i64,
    /// Whether the viewer moderates: only moderators see moderators' events (reports).
    pub moderator: bool,
}

impl Store {
    /// The `limit` *oldest* events after `filter.after`, oldest first, so that a poller
    /// following the cursor sees every event exactly once however many arrive between polls.
    /// Personal events (kudos, a post hidden) are listed to their receiver only, and reports
    /// to moderators only. Nothing above the [`Store::event_horizon`] is listed, so an event
    /// committed after a newer one is not passed by the cursor (see `lock_event_order`).
    pub async fn list_events(
        &self,
        viewer: i64,
        filter: &EventFilter,
    ) -> StoreResult<Vec<EventRow>> {
        self.select_events(viewer, filter, "e.id ASC").await
    }

    /// The id of the newest event (0 when none; on PostgreSQL the [`Store::event_horizon`]):
    /// where a newly started poller begins, so that it does not fire
    /// for what happened before it. Of every event, not only those its caller may see: a
    /// member who sees none yet (a new moderator, say) would otherwise start at 0 and later
    /// be shown everything kept.
    pub async fn newest_event_id(&self) -> StoreResult<i64> {
        // PostgreSQL's horizon is itself the newest event id, read under the event lock.
        if let Some(horizon) = self.event_horizon().await? {
            return Ok(horizon);
        }
        with_pool!(self, pool => {
            Ok(sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events").fetch_one(pool).await?)
        })
    }

    async fn select_events(
        &self,
        viewer: i64,
        filter: &EventFilter,
        order: &str,
    ) -> StoreResult<Vec<EventRow>> {
        let mut binds = Binds::default();
        let viewer = binds.int(viewer);
        let personal: Vec<String> = EventType::ALL
            .into_iter()
            .filter(|t| t.is_personal())
            .map(|t| binds.text(t.as_str()))
            .collect();
        let mut conditions = vec![format!(
            "(e.event_type NOT IN ({}) OR e.audience_member_id = {viewer})",
            personal.join(", ")
        )];
        if !filter.moderator {
            let for_moderators: Vec<String> = EventType::ALL
                .into_iter()
                .filter(|t| t.is_for_moderators())
                .map(|t| binds.text(t.as_str()))
                .collect();
            conditions.push(format!(
                "e.event_type NOT IN ({})",
                for_moderators.join(", ")
            ));
        }
        if !filter.types.is_empty() {
            let types: Vec<String> = filter
                .types
                .iter()
                .map(|t| binds.text(t.as_str()))
                .collect();
            conditions.push(format!("e.event_type IN ({})", types.join(", ")));
        }
        conditions.push(format!("e.id > {}", binds.int(filter.after)));
        if let Some(horizon) = self.event_horizon().await? {
            conditions.push(format!("e.id <= {}", binds.int(horizon)));
        }
        let limit = binds.int(filter.limit);
        let sql = format!(
            "SELECT e.id, e.event_type, e.occurred_at, e.data FROM events e WHERE {} ORDER BY {order} LIMIT {limit}",
            conditions.join(" AND ")
        );
        with_pool!(self, pool => {
            Ok(bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?)
        })
    }

    /// PostgreSQL: an event id at or below which no transaction is still writing an event
    /// (`None` on SQLite, whose one writer commits events in id order). Taken under the
    /// event lock held exclusively: granted once the transactions writing events at that
    /// moment have finished (each holds it shared until it commits), it keeps new ones from
    /// taking an id meanwhile, so every id handed out so far belongs to a finished
    /// transaction, and the newest committed one is a horizon. (That relies on event ids
    /// coming only from the `events` identity sequence, in the event's `INSERT`, and on the
    /// sequence handing them out one at a time, `CACHE 1`.) The lock is let go at once,
    /// before the caller's read. When it is not granted within [`EVENT_HORIZON_WAIT`] (a
    /// long write transaction), the last horizon read serves instead: it stays true for good.
    async fn event_horizon(&self) -> StoreResult<Option<i64>> {
        use std::sync::atomic::Ordering;
        let Pool::Postgres(pool) = &self.pool else {
            return Ok(None);
        };
        let mut tx = pool.begin().await?;
        sqlx::query(&format!(
            "SET LOCAL lock_timeout = '{}ms'",
            EVENT_HORIZON_WAIT.as_millis()
        ))
        .execute(&mut *tx)
        .await?;
        let locked = sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(EVENT_ORDER_LOCK)
            .execute(&mut *tx)
            .await;
        match locked {
            Ok(_) => {}
            // 55P03 lock_not_available: the wait ran out.
            Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("55P03") => {
                return Ok(Some(self.event_horizon.load(Ordering::Relaxed)));
            }
            Err(e) => return Err(e.into()),
        }
        let newest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        self.event_horizon.fetch_max(newest, Ordering::Relaxed);
        Ok(Some(newest))
    }

    /// Deletes what is past keeping, in bounded batches: deliveries that finished (delivered,
    /// failed, cancelled) for events older than `events_before`, then those events once no
    /// delivery refers to them (an event with a pending delivery stays until it is sent), and
    /// Idempotency-Keys older than 24 hours. Returns (events, deliveries, keys) deleted.
    pub async fn prune(&self, now: i64, events_before: i64) -> StoreResult<(u64, u64, u64)> {
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let deliveries = sqlx::query(
                "DELETE FROM deliveries WHERE id IN (SELECT d.id FROM deliveries d JOIN events e ON e.id = d.event_id \
                 WHERE d.status <> 'pending' AND e.occurred_at < $1 LIMIT 5000)",
            )
            .bind(events_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let events = sqlx::query(
                "DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE e.occurred_at < $1 \
                 AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id) LIMIT 5000)",
            )
            .bind(events_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let keys = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
                .bind(now - super::idempotency::KEEP_MICROS)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            Ok((events, deliveries, keys))
        })
    }

    /// Records `question.unanswered` for questions that have waited `hours` for another
    /// member's answer, for every `hours` an active subscription asks for. Each (question,
    /// hours) happens once (a unique key), so replicas may sweep at the same time. Only
    /// questions that crossed the threshold after the oldest such subscription began count,
    /// so a new subscription does not fire for the whole archive. Returns how many events.
    pub async fn sweep_unanswered(&self, now: i64) -> StoreResult<usize> {
        const HOUR: i64 = 3_600_000_000;
        let mut recorded = 0;
        // Read on the pool; each event written in a transaction of its own.
        let thresholds: Vec<(i64, Vec<i64>)> = with_pool!(self, pool => {
            let mut found = Vec::new();
            let thresholds: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT unanswered_hours, MIN(created_at) FROM subscriptions \
                 WHERE event_type = $1 AND ended_at IS NULL AND unanswered_hours IS NOT NULL GROUP BY unanswered_hours",
            )
            .bind(EventType::QuestionUnanswered.as_str())
            .fetch_all(pool)
            .await?;
            for (hours, since) in thresholds {
                let due: Vec<i64> = sqlx::query_scalar(
                    "SELECT q.id FROM questions q WHERE q.first_answer_at IS NULL AND q.status <> 'resolved' \
                     AND q.created_at <= $1 AND q.created_at >= $2 \
                     AND NOT EXISTS (SELECT 1 FROM events e WHERE e.dedupe_key = 'question.unanswered:' || CAST(q.id AS TEXT) || $3) \
                     ORDER BY q.id LIMIT 500",
                )
                .bind(now - hours * HOUR)
                .bind(since - hours * HOUR)
                .bind(format!(":{hours}"))
                .fetch_all(pool)
                .await?;
                found.push((hours, due));
            }
            found
        });
        for (hours, due) in thresholds {
            for question_id in due {
                let added: bool = with_writer!(self, pool => {
                    let mut tx = pool.begin_write().await?;
                    let (question, asker) = question_snapshot!(tx, question_id);
                    let data = EventData { question: Some(question), unanswered_hours: Some(hours), ..EventData::default() };
                    let event = NewEvent {
                        event_type: EventType::QuestionUnanswered,
                        tags: data.question.as_ref().map(|q| q.tags.clone()).unwrap_or_default(),
                        data,
                        level: None,
                        audience: Some(asker),
                        dedupe_key: Some(format!("question.unanswered:{question_id}:{hours}")),
                    };
                    let added = record_event!(tx, &event, now).is_some();
                    tx.commit().await?;
                    Ok(added)
                })?;
                recorded += usize::from(added);
            }
        }
        Ok(recorded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::EventType;

    /// Every `$n` in `sql`, in order of appearance.
    fn placeholders(sql: &str) -> Vec<usize> {
        sql.split('$')
            .skip(1)
            .filter_map(|rest| {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .collect()
    }

    #[test]
    fn the_fan_out_binds_follow_the_event_inserts_own() {
        assert_eq!(
            placeholders(EVENT_INSERT).into_iter().max(),
            Some(EVENT_BINDS)
        );
        let event = NewEvent {
            event_type: EventType::QuestionPosted,
            tags: vec!["approvals".into(), "excel".into()],
            data: EventData::default(),
            level: None,
            audience: Some(7),
            dedupe_key: None,
        };
        let (condition, binds) = fan_out_condition(&event);
        let used = placeholders(&condition);
        assert_eq!(used.iter().min(), Some(&(EVENT_BINDS + 1)), "{condition}");
        assert_eq!(
            used.iter().max(),
            Some(&(EVENT_BINDS + binds.0.len())),
            "{condition}"
        );
    }
}
