//! Wins, what helped them, kudos, and the recognition figures built on them: a member's
//! profile, the opt-in leaderboard and "find someone who can help".

use super::events::record_event;
use super::idempotency::{created_before, record_created};
use super::with_writer;
use super::{
    bind_all, link_tag, now_micros, with_pool, BeginWrite, Binds, SortKey, Store, StoreResult,
    Viewer,
};
use crate::domain::event::{EventData, EventKudos, EventMember, EventType, EventWin, NewEvent};
use crate::domain::tag::TagSlug;
use crate::domain::win::hours_saved_per_month;

/// Writes a win's tags and helped-by links inside a transaction.
macro_rules! write_win_links {
    ($tx:ident, $id:expr, $win:expr, $now:expr) => {{
        for tag in $win.tags {
            link_tag!($tx, "win_tags", "win_id", $id, tag.as_str(), $now);
        }
        for (kind, targets) in [("question", $win.helped_by_questions), ("tip", $win.helped_by_tips)] {
            for target in targets {
                sqlx::query("INSERT INTO win_helped_by (win_id, kind, target_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind($id)
                    .bind(kind)
                    .bind(*target)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
    }};
}

/// A win as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WinRow {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub title: String,
    pub story: String,
    pub minutes_saved_per_run: f64,
    pub runs_per_month: i64,
    pub people_helped: i64,
    pub money_saved_per_month: Option<f64>,
    pub currency: Option<String>,
    pub link: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub kudos_count: i64,
    /// Whether the viewer gave kudos.
    pub kudos_given: bool,
    pub sort_key: i64,
    /// Whether a moderator hid it (then only its author and moderators get this row).
    pub hidden: bool,
    /// Why a moderator hid it.
    pub hidden_reason: Option<String>,
    #[sqlx(skip)]
    pub tags: Vec<String>,
    #[sqlx(skip)]
    pub helped_by_questions: Vec<i64>,
    #[sqlx(skip)]
    pub helped_by_tips: Vec<i64>,
    /// Those of `helped_by_questions` that are anonymous now: shown to the win's author only,
    /// since any of them may be the author's own anonymous question.
    #[sqlx(skip)]
    pub anonymous_citations: Vec<i64>,
    /// Citations (`question`/`tip`, id) of posts a moderator hid.
    #[sqlx(skip)]
    pub hidden_citations: Vec<(&'static str, i64)>,
}

/// A win to create (or the full new content of one).
#[derive(Debug, Clone)]
pub struct WinContent<'a> {
    pub title: &'a str,
    pub story: &'a str,
    pub search_title: &'a str,
    pub search_body: &'a str,
    pub minutes_saved_per_run: f64,
    pub runs_per_month: i64,
    pub people_helped: i64,
    pub money: Option<(f64, &'a str)>,
    pub link: Option<&'a str>,
    pub tags: &'a [TagSlug],
    pub helped_by_questions: &'a [i64],
    pub helped_by_tips: &'a [i64],
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct WinFilter {
    pub tag: Option<TagSlug>,
    pub author: Option<i64>,
    pub since: Option<i64>,
    pub after: Option<SortKey>,
    pub limit: i64,
}

/// A member's public recognition figures.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ProfileStats {
    pub answers: i64,
    pub accepted_answers: i64,
    pub helpful_received: i64,
    pub kudos_received: i64,
    pub tips_written: i64,
    pub wins_logged: i64,
    pub minutes_credited: f64,
}

/// A leaderboard or helper row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    pub member_id: i64,
    pub display_name: String,
    pub accepted_answers: i64,
    pub helpful_answers: i64,
    pub kudos_received: i64,
    pub minutes_credited: f64,
    pub offers_help: bool,
}

/// True for kudos `k` given to an answer its question's anonymous asker wrote: they go to a
/// hidden member, so no public figure of hers counts them.
const KUDOS_TO_ANONYMOUS_ASKER: &str = "EXISTS (SELECT 1 FROM answers a JOIN questions q ON q.id = a.question_id \
     WHERE k.target_kind = 'answer' AND a.id = k.target_id AND q.anonymous AND q.author_id = a.author_id)";

const SELECT_WINS: &str = "SELECT w.id, w.author_id, m.display_name AS author_name, w.title, w.story, \
    w.minutes_saved_per_run, w.runs_per_month, w.people_helped, w.money_saved_per_month, w.currency, w.link, \
    w.created_at, w.updated_at, \
    (SELECT COUNT(*) FROM kudos k WHERE k.target_kind = 'win' AND k.target_id = w.id) AS kudos_count, \
    EXISTS (SELECT 1 FROM kudos k WHERE k.target_kind = 'win' AND k.target_id = w.id AND k.giver_id = $1) AS kudos_given, \
    w.created_at AS sort_key, w.hidden_at IS NOT NULL AS hidden, w.hidden_reason \
    FROM wins w JOIN members m ON m.id = w.author_id";

/// The one rule for which wins `w` a viewer (`$1`) who does not moderate may see: those not
/// hidden by a moderator, and their own.
pub(crate) const WIN_VISIBLE: &str = "(w.hidden_at IS NULL OR w.author_id = $1)";

/// Minutes saved per month credited to member `$1` by other members' wins: wins that name a
/// tip `$1` wrote, or a question where `$1` wrote an accepted or helpful answer (not the
/// asker's own answers). Each win counts once. `{since}` limits to wins logged since then.
/// Computed in whole tenths of a minute (the input resolution), so no stored value can make
/// the sum underflow or fail.
///
/// The cited questions are looked up from each win (a win cites a few), then their answers by
/// the member: written as one join, SQLite walked all of the member's answers for every win
/// instead (30 ms for a profile at 10,000 questions and 500 wins). The unary `+` keeps SQLite
/// from reading the answers through their author (a covering index it prefers without
/// statistics) rather than through the cited question. `accepted` and `by_asker` of the answer
/// say what its question would (migrations 0015 and 0018), without reading the question.
fn credited_minutes_sql(member: &str, since: &str) -> String {
    format!(
        "(SELECT COALESCE(SUM(CAST(ROUND(w.minutes_saved_per_run * 10) AS BIGINT) * w.runs_per_month * w.people_helped), 0) / 10.0 FROM wins w \
         WHERE w.author_id <> {member} AND w.created_at >= {since} AND ( \
           EXISTS (SELECT 1 FROM win_helped_by h JOIN tips t ON t.id = h.target_id \
                   WHERE h.win_id = w.id AND h.kind = 'tip' AND t.author_id = {member}) \
           OR EXISTS (SELECT 1 FROM win_helped_by h WHERE h.win_id = w.id AND h.kind = 'question' AND EXISTS ( \
                   SELECT 1 FROM answers a \
                   WHERE a.question_id = h.target_id AND +a.author_id = {member} AND NOT a.by_asker \
                   AND (a.accepted OR EXISTS (SELECT 1 FROM answer_reactions r WHERE r.answer_id = a.id AND r.kind = 'helpful'))))))"
    )
}

impl Store {
    /// Question and tip ids among `ids` that do not exist or that `viewer` may not see (hidden
    /// by a moderator): `(missing questions, missing tips)`.
    pub async fn missing_help_targets(
        &self,
        viewer: super::Viewer,
        questions: &[i64],
        tips: &[i64],
    ) -> StoreResult<(Vec<i64>, Vec<i64>)> {
        let mut missing = (Vec::new(), Vec::new());
        for (table, ids, out) in [
            (
                format!(
                    "questions q WHERE q.id = $2 AND {}",
                    viewer.sees(super::questions::QUESTION_VISIBLE)
                ),
                questions,
                &mut missing.0,
            ),
            (
                format!(
                    "tips t WHERE t.id = $2 AND {}",
                    viewer.sees(super::tips::TIP_VISIBLE)
                ),
                tips,
                &mut missing.1,
            ),
        ] {
            for id in ids {
                let sql = format!("SELECT COUNT(*) FROM {table}");
                let found: i64 = with_pool!(self, pool => {
                    sqlx::query_scalar(&sql).bind(viewer.member_id).bind(*id).fetch_one(pool).await?
                });
                if found == 0 {
                    out.push(*id);
                }
            }
        }
        Ok(missing)
    }

    /// Creates a win; returns its id.
    pub async fn create_win(&self, author_id: i64, win: &WinContent<'_>) -> StoreResult<i64> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let Some(id) = created_before!(tx, "win") {
                tx.commit().await?;
                return Ok(id);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO wins (author_id, title, story, search_title, search_body, minutes_saved_per_run, runs_per_month, \
                 people_helped, money_saved_per_month, currency, link, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
            )
            .bind(author_id)
            .bind(win.title)
            .bind(win.story)
            .bind(win.search_title)
            .bind(win.search_body)
            .bind(win.minutes_saved_per_run)
            .bind(win.runs_per_month)
            .bind(win.people_helped)
            .bind(win.money.map(|m| m.0))
            .bind(win.money.map(|m| m.1))
            .bind(win.link)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            write_win_links!(tx, id, win, now);
            record_created!(tx, "win", id);
            let author: String = sqlx::query_scalar("SELECT display_name FROM members WHERE id = $1")
                .bind(author_id)
                .fetch_one(&mut *tx)
                .await?;
            let tags: Vec<String> = win.tags.iter().map(|t| t.as_str().to_owned()).collect();
            let event = NewEvent {
                event_type: EventType::WinLogged,
                tags: tags.clone(),
                data: EventData {
                    win: Some(EventWin {
                        id,
                        title: win.title.to_owned(),
                        tags,
                        author: EventMember::new(author_id, author),
                        hours_saved_per_month: hours_saved_per_month(win.minutes_saved_per_run, win.runs_per_month, win.people_helped),
                        link: String::new(),
                        web_url: String::new(),
                    }),
                    ..EventData::default()
                },
                level: None,
                audience: Some(author_id),
                dedupe_key: None,
            };
            record_event!(tx, &event, now);
            tx.commit().await?;
            self.outbox_written();
            Ok(id)
        })
    }

    /// Replaces a win's content; false when it does not exist.
    pub async fn update_win(&self, id: i64, win: &WinContent<'_>) -> StoreResult<bool> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found = sqlx::query(
                "UPDATE wins SET title = $2, story = $3, search_title = $4, search_body = $5, minutes_saved_per_run = $6, \
                 runs_per_month = $7, people_helped = $8, money_saved_per_month = $9, currency = $10, link = $11, updated_at = $12 \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(win.title)
            .bind(win.story)
            .bind(win.search_title)
            .bind(win.search_body)
            .bind(win.minutes_saved_per_run)
            .bind(win.runs_per_month)
            .bind(win.people_helped)
            .bind(win.money.map(|m| m.0))
            .bind(win.money.map(|m| m.1))
            .bind(win.link)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if found {
                sqlx::query("DELETE FROM win_tags WHERE win_id = $1").bind(id).execute(&mut *tx).await?;
                sqlx::query("DELETE FROM win_helped_by WHERE win_id = $1").bind(id).execute(&mut *tx).await?;
                write_win_links!(tx, id, win, now);
            }
            tx.commit().await?;
            Ok(found)
        })
    }

    /// One win as `viewer` sees it, or `None` (also when it is hidden from them).
    pub async fn win(&self, id: i64, viewer: impl Into<Viewer>) -> StoreResult<Option<WinRow>> {
        let viewer = viewer.into();
        let sql = format!(
            "{SELECT_WINS} WHERE w.id = $2 AND {}",
            viewer.sees(WIN_VISIBLE)
        );
        let row: Option<WinRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(viewer.member_id).bind(id).fetch_optional(pool).await?
        });
        Ok(self.complete_wins(row.into_iter().collect()).await?.pop())
    }

    /// A page of wins, newest first.
    pub async fn list_wins(
        &self,
        viewer: impl Into<Viewer>,
        filter: &WinFilter,
    ) -> StoreResult<Vec<WinRow>> {
        let viewer = viewer.into();
        let mut binds = Binds::default();
        binds.int(viewer.member_id);
        let mut conditions = vec![viewer.sees(WIN_VISIBLE).to_owned()];
        if let Some(tag) = &filter.tag {
            let p = binds.text(tag.as_str());
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM win_tags wt JOIN tags g ON g.id = wt.tag_id WHERE wt.win_id = w.id AND g.slug = {p})"
            ));
        }
        if let Some(author) = filter.author {
            let p = binds.int(author);
            conditions.push(format!("w.author_id = {p}"));
        }
        if let Some(since) = filter.since {
            let p = binds.int(since);
            conditions.push(format!("w.created_at >= {p}"));
        }
        if let Some(after) = filter.after {
            let (k, i) = (binds.int(after.sort_key), binds.int(after.id));
            conditions.push(format!("(w.created_at, w.id) < ({k}, {i})"));
        }
        let limit = binds.int(filter.limit);
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        let sql = format!(
            "{SELECT_WINS}{where_clause} ORDER BY w.created_at DESC, w.id DESC LIMIT {limit}"
        );
        let rows: Vec<WinRow> = with_pool!(self, pool => {
            bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?
        });
        self.complete_wins(rows).await
    }

    /// Deletes a win; false when absent.
    pub async fn delete_win(&self, id: i64) -> StoreResult<bool> {
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            super::events::forget_events!(tx, "win_id", id);
            sqlx::query("DELETE FROM kudos WHERE target_kind = 'win' AND target_id = $1").bind(id).execute(&mut *tx).await?;
            let done = sqlx::query("DELETE FROM wins WHERE id = $1").bind(id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Records kudos once per giver per item; returns `(kudos id, newly given)`, or `None` when
    /// the answer they are for was deleted meanwhile.
    pub async fn give_kudos(
        &self,
        giver: i64,
        receiver: i64,
        kind: &str,
        target_id: i64,
        message: Option<&str>,
    ) -> StoreResult<Option<(i64, bool)>> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // Kudos for an answer lock it first, as its foreign key would (the target has none):
            // kudos are then never left for an answer deleted at the same moment, whose
            // deletion could not take them out of `member_days` (migration 0019).
            if kind == "answer" {
                let found = sqlx::query("UPDATE answers SET accepted = accepted WHERE id = $1")
                    .bind(target_id)
                    .execute(&mut *tx)
                    .await?;
                if found.rows_affected() == 0 {
                    tx.rollback().await?;
                    return Ok(None);
                }
            }
            let inserted: Option<i64> = sqlx::query_scalar(
                // `by_asker`: given by the asker of the answer's question, inside her own thread
                // (fixed now; the health figures leave such kudos out while she is anonymous).
                "INSERT INTO kudos (giver_id, receiver_id, target_kind, target_id, message, created_at, by_asker) \
                 VALUES ($1, $2, $3, $4, $5, $6, $3 = 'answer' AND $1 = COALESCE((SELECT q.author_id FROM answers a \
                   JOIN questions q ON q.id = a.question_id WHERE a.id = $4), 0)) \
                 ON CONFLICT (giver_id, target_kind, target_id) DO NOTHING RETURNING id",
            )
            .bind(giver)
            .bind(receiver)
            .bind(kind)
            .bind(target_id)
            .bind(message)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let result = match inserted {
                Some(id) => {
                    // Kudos the anonymous asker gives inside her own thread come "from the asker".
                    let (from, from_asker) = super::events::kudos_from!(tx, id);
                    let event = NewEvent {
                        event_type: EventType::KudosReceived,
                        tags: Vec::new(),
                        data: EventData {
                            kudos: Some(EventKudos {
                                id,
                                from,
                                from_asker,
                                target_kind: kind.to_owned(),
                                target_id,
                                message: message.map(str::to_owned),
                                link: String::new(),
                                web_url: String::new(),
                            }),
                            ..EventData::default()
                        },
                        level: None,
                        audience: Some(receiver),
                        dedupe_key: None,
                    };
                    record_event!(tx, &event, now);
                    (id, true)
                }
                None => {
                    let id: i64 = sqlx::query_scalar(
                        "SELECT id FROM kudos WHERE giver_id = $1 AND target_kind = $2 AND target_id = $3",
                    )
                    .bind(giver)
                    .bind(kind)
                    .bind(target_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    (id, false)
                }
            };
            tx.commit().await?;
            self.outbox_written();
            Ok(Some(result))
        })
    }

    /// How many kudos an answer has, and whether `viewer` gave one.
    pub async fn answer_kudos(&self, answer_id: i64, viewer: i64) -> StoreResult<(i64, bool)> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM kudos WHERE target_kind = 'answer' AND target_id = $1), \
                 EXISTS (SELECT 1 FROM kudos WHERE target_kind = 'answer' AND target_id = $1 AND giver_id = $2)",
            )
            .bind(answer_id)
            .bind(viewer)
            .fetch_one(pool)
            .await?)
        })
    }

    /// A member's public recognition figures. Answers an anonymous asker wrote on their own
    /// question, and what they received (helpful, kudos), are left out, so counts cannot
    /// reveal who asked.
    ///
    /// Each count reads the member's own answers from their index; a question is looked up
    /// only for an answer its asker wrote (`by_asker`), the one case where the question's
    /// anonymity matters (the `CASE` of the health figures, which PostgreSQL cannot turn into
    /// a hash of every anonymous question). Joining every answer to its question cost 21 ms per count for a
    /// member with 14,000 answers (SQLite, 1,000,000 questions); now about 1 ms.
    pub async fn profile_stats(&self, member_id: i64) -> StoreResult<ProfileStats> {
        let sql = format!(
            "SELECT \
             (SELECT COUNT(*) FROM answers a WHERE a.author_id = $1 AND NOT {hidden}) AS answers, \
             (SELECT COUNT(*) FROM answers a WHERE a.author_id = $1 AND a.accepted AND NOT a.by_asker) AS accepted_answers, \
             ((SELECT COUNT(*) FROM answer_reactions r JOIN answers a ON a.id = r.answer_id WHERE a.author_id = $1 AND r.kind = 'helpful' AND NOT {hidden}) \
               + (SELECT COUNT(*) FROM tip_reactions r JOIN tips t ON t.id = r.tip_id WHERE t.author_id = $1)) AS helpful_received, \
             (SELECT COUNT(*) FROM kudos k WHERE k.receiver_id = $1 AND NOT {KUDOS_TO_ANONYMOUS_ASKER}) AS kudos_received, \
             (SELECT COUNT(*) FROM tips t WHERE t.author_id = $1) AS tips_written, \
             (SELECT COUNT(*) FROM wins w WHERE w.author_id = $1) AS wins_logged, \
             CAST({credited} AS DOUBLE PRECISION) AS minutes_credited",
            hidden = super::stats::ANSWER_BY_ANONYMOUS_ASKER,
            credited = credited_minutes_sql("$1", "0")
        );
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&sql).bind(member_id).fetch_one(pool).await?)
        })
    }

    /// Members who opted in to the leaderboard, with their figures since `since` (µs), ranked
    /// by hours credited, then accepted answers, then kudos.
    pub async fn leaderboard(&self, since: i64, limit: i64) -> StoreResult<Vec<PersonRow>> {
        let sql = format!(
            "SELECT m.id AS member_id, m.display_name, \
             (SELECT COUNT(*) FROM answers a WHERE a.author_id = m.id AND a.accepted AND NOT a.by_asker AND a.created_at >= $1) AS accepted_answers, \
             (SELECT COUNT(DISTINCT r.answer_id) FROM answer_reactions r JOIN answers a ON a.id = r.answer_id WHERE a.author_id = m.id AND r.kind = 'helpful' AND NOT a.by_asker AND a.created_at >= $1) AS helpful_answers, \
             (SELECT COUNT(*) FROM kudos k WHERE k.receiver_id = m.id AND k.created_at >= $1 AND NOT {KUDOS_TO_ANONYMOUS_ASKER}) AS kudos_received, \
             CAST({} AS DOUBLE PRECISION) AS minutes_credited, \
             FALSE AS offers_help \
             FROM members m WHERE m.show_on_leaderboard = TRUE \
             ORDER BY minutes_credited DESC, accepted_answers DESC, kudos_received DESC, m.id LIMIT $2",
            credited_minutes_sql("m.id", "$1")
        );
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&sql).bind(since).bind(limit).fetch_all(pool).await?)
        })
    }

    /// People who can help with a tag: those who offer help in it first, then by accepted and
    /// helpful answers to questions with that tag since `since`.
    pub async fn helpers(
        &self,
        tag: &TagSlug,
        since: i64,
        limit: i64,
    ) -> StoreResult<Vec<PersonRow>> {
        let in_tag = "EXISTS (SELECT 1 FROM question_tags qt JOIN tags g ON g.id = qt.tag_id WHERE qt.question_id = q.id AND g.slug = $1)";
        let sql = format!(
            "SELECT * FROM (SELECT m.id AS member_id, m.display_name, \
             (SELECT COUNT(*) FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.author_id = m.id AND a.accepted AND NOT a.by_asker AND a.created_at >= $2 AND {in_tag}) AS accepted_answers, \
             (SELECT COUNT(DISTINCT r.answer_id) FROM answer_reactions r JOIN answers a ON a.id = r.answer_id JOIN questions q ON q.id = a.question_id WHERE a.author_id = m.id AND r.kind = 'helpful' AND NOT a.by_asker AND a.created_at >= $2 AND {in_tag}) AS helpful_answers, \
             (SELECT COUNT(*) FROM kudos k WHERE k.receiver_id = m.id AND NOT {KUDOS_TO_ANONYMOUS_ASKER}) AS kudos_received, \
             CAST(0 AS DOUBLE PRECISION) AS minutes_credited, \
             EXISTS (SELECT 1 FROM member_tags mt JOIN tags g ON g.id = mt.tag_id WHERE mt.member_id = m.id AND mt.kind = 'helper' AND g.slug = $1) AS offers_help \
             FROM members m) people \
             WHERE offers_help OR accepted_answers > 0 OR helpful_answers > 0 \
             ORDER BY offers_help DESC, accepted_answers DESC, helpful_answers DESC, member_id LIMIT $3"
        );
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&sql).bind(tag.as_str()).bind(since).bind(limit).fetch_all(pool).await?)
        })
    }

    async fn complete_wins(&self, mut rows: Vec<WinRow>) -> StoreResult<Vec<WinRow>> {
        if rows.is_empty() {
            return Ok(rows);
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        // The citations of every win of the page in one query (it was one per win: twenty
        // round trips for a page of wins on PostgreSQL), beside the tags.
        let mut binds = Binds::default();
        let sql = format!(
            "SELECT h.win_id, h.kind, h.target_id, COALESCE(q.anonymous, FALSE), \
             COALESCE(q.hidden_at IS NOT NULL, FALSE) OR COALESCE(t.hidden_at IS NOT NULL, FALSE) \
             FROM win_helped_by h \
             LEFT JOIN questions q ON h.kind = 'question' AND q.id = h.target_id \
             LEFT JOIN tips t ON h.kind = 'tip' AND t.id = h.target_id \
             WHERE h.win_id IN ({}) ORDER BY h.win_id, h.kind, h.target_id",
            binds.ints(&ids)
        );
        let citations = async {
            let rows: Vec<(i64, String, i64, bool, bool)> = with_pool!(self, pool => {
                bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?
            });
            Ok::<_, super::StoreError>(rows)
        };
        let (mut tags, citations) =
            tokio::try_join!(self.tags_of("win_tags", "win_id", &ids), citations)?;
        let mut cited: std::collections::HashMap<i64, Vec<(String, i64, bool, bool)>> =
            Default::default();
        for (win, kind, target, anonymous, hidden) in citations {
            cited
                .entry(win)
                .or_default()
                .push((kind, target, anonymous, hidden));
        }
        for row in &mut rows {
            row.tags = tags.remove(&row.id).unwrap_or_default();
            for (kind, target, anonymous, hidden) in cited.remove(&row.id).unwrap_or_default() {
                let kind = if kind == "question" {
                    "question"
                } else {
                    "tip"
                };
                if kind == "question" {
                    row.helped_by_questions.push(target);
                    if anonymous {
                        row.anonymous_citations.push(target);
                    }
                } else {
                    row.helped_by_tips.push(target)
                }
                if hidden {
                    row.hidden_citations.push((kind, target));
                }
            }
        }
        Ok(rows)
    }
}
