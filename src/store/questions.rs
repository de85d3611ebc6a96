//! Questions: create, read, list with filters, search and keyset pagination, edit, delete,
//! "me too", and candidates for similar-question suggestions.

use super::events::{forget_events, record_event, refresh_question_events};
use super::idempotency::{created_before, record_created};
use super::with_writer;
use super::{
    bind_all, now_micros, with_pool, BeginWrite, Binds, SortKey, Store, StoreResult, Viewer,
};
use crate::domain::event::{EventData, EventMember, EventQuestion, EventType, NewEvent};
use crate::domain::question::{QuestionSort, QuestionStatus};
use crate::domain::search::SearchQuery;
use crate::domain::tag::TagSlug;

/// A question as stored, with its asker's name and the viewer's "me too". The asker fields
/// are raw: the API layer decides what a viewer may see.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuestionRow {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub title: String,
    pub body: String,
    pub anonymous: bool,
    pub status: String,
    pub answer_count: i64,
    pub me_too_count: i64,
    pub accepted_answer_id: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_activity_at: i64,
    /// Whether the viewer said "me too".
    pub me_too: bool,
    /// 1 when every search term is in the title (search results rank those first), else 0.
    pub rank: i64,
    /// The value the listing is sorted by (created or last-activity time).
    pub sort_key: i64,
    /// Whether a moderator hid it (then only its asker and moderators get this row).
    pub hidden: bool,
    /// Why a moderator hid it.
    pub hidden_reason: Option<String>,
    /// Its tag slugs in order, separated by spaces (a slug has none), read in the same query
    /// as the row: a second query for the tags cost a list of 20 questions a fifth of its time
    /// on SQLite, where every query and row crosses to the connection's thread and back.
    tag_list: Option<String>,
    #[sqlx(skip)]
    pub tags: Vec<String>,
}

/// The one rule for which questions `q` a viewer (`$1`) who does not moderate may see: those
/// not hidden by a moderator, and their own.
pub(crate) const QUESTION_VISIBLE: &str = "(q.hidden_at IS NULL OR q.author_id = $1)";

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct QuestionFilter {
    pub tag: Option<TagSlug>,
    pub status: Option<QuestionStatus>,
    pub unanswered: bool,
    /// Only questions asked by this member.
    pub asked_by: Option<i64>,
    pub search: Option<SearchQuery>,
    pub sort: QuestionSort,
    pub after: Option<SortKey>,
    pub limit: i64,
}

/// A question to create.
#[derive(Debug, Clone)]
pub struct NewQuestion<'a> {
    pub author_id: i64,
    pub title: &'a str,
    pub body: &'a str,
    pub search_title: &'a str,
    pub search_body: &'a str,
    pub anonymous: bool,
    pub tags: &'a [TagSlug],
}

/// Changes to a question; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct QuestionChanges<'a> {
    pub title: Option<(&'a str, &'a str)>,
    pub body: Option<(&'a str, &'a str)>,
    pub anonymous: Option<bool>,
    pub tags: Option<&'a [TagSlug]>,
}

/// About how many multi-word searches [`Store::title_matches`] keeps (each at most
/// [`TITLE_MATCHES_KEPT`] ids); the bound is [`TITLE_MATCHES_BYTES`].
pub const TITLE_MATCHES_SEARCHES: usize = 1_000;

/// Most bytes [`Store::title_matches`] keeps, counting each entry's search text, its ids and
/// 64 bytes of bookkeeping (4 MiB: 1,000 searches of 200 ids and 2,400-byte queries).
pub const TITLE_MATCHES_BYTES: u64 = 4 << 20;

/// A kept entry of [`Store::title_matches`]: the searching member's id and the FTS5 query.
pub type TitleMatchesKey = (i64, String);

/// Weighs an entry of [`Store::title_matches`] by its bytes (see [`TITLE_MATCHES_BYTES`]).
#[derive(Clone)]
pub struct TitleMatchesBytes;

impl quick_cache::Weighter<TitleMatchesKey, std::sync::Arc<TitleMatches>> for TitleMatchesBytes {
    fn weight(&self, key: &TitleMatchesKey, kept: &std::sync::Arc<TitleMatches>) -> u64 {
        let ids = kept.ids.as_deref().map_or(0, <[i64]>::len);
        let snapshot = match &kept.as_of {
            AsOf::Counter { .. } => 0,
            AsOf::Snapshot {
                snapshot,
                incarnation,
                ..
            } => snapshot.len() + incarnation.len(),
        };
        (64 + key.1.len() + snapshot + ids * std::mem::size_of::<i64>()) as u64
    }
}

/// Most ids of questions [`Store::title_matches`] keeps for one search; a search whose words
/// are together in more titles is not kept (its first phase finds a page's worth quickly).
pub const TITLE_MATCHES_KEPT: usize = 200;

/// Most questions whose title was written since a kept entry's snapshot that
/// [`Store::title_matches`] reads to bring it up to date on PostgreSQL; past that (an entry
/// left unused through a busy day), it finds the matches again instead.
pub const TITLE_MATCHES_CHANGES: usize = 2_000;

/// The questions whose title holds every word of a multi-word search, as
/// [`Store::title_matches`] keeps them.
#[derive(Debug)]
pub struct TitleMatches {
    /// What they are exact for.
    as_of: AsOf,
    /// Their ids, ascending; `None` when there were more than [`TITLE_MATCHES_KEPT`].
    ids: Option<std::sync::Arc<[i64]>>,
}

/// How long [`Store::title_matches`] brings a PostgreSQL entry up to date before it finds the
/// matches again from scratch: a backstop for what its checks cannot see (transaction ids
/// handed out again after a failover that lost the old primary's last transactions, before
/// the new timeline is checkpointed).
pub const TITLE_MATCHES_REFOUND: std::time::Duration = std::time::Duration::from_secs(600);

/// Which database a PostgreSQL snapshot belongs to: the cluster's system identifier, its
/// timeline (a promoted replica starts a new one) and the database's oid (a database dropped
/// and restored under the same name gets a new one), as `system/timeline/oid`.
const INCARNATION: &str = "CONCAT((SELECT system_identifier FROM pg_control_system()), '/', \
     (SELECT timeline_id FROM pg_control_checkpoint()), '/', \
     (SELECT oid FROM pg_database WHERE datname = current_database()))";

/// When a [`TitleMatches`] was found.
#[derive(Debug)]
enum AsOf {
    /// SQLite: `search_generation.value` then (migrations 0021, 0022), which changes with any
    /// title edit after which they could be wrong, and the newest question's id then (the
    /// questions written since are looked up on top).
    Counter { generation: i64, newest: i64 },
    /// PostgreSQL: the snapshot they were brought up to date in (`pg_current_snapshot()` as
    /// text; the questions whose `title_xid` it cannot see are read on top, migration 0021),
    /// the database's [`INCARNATION`] then, and when they were first found.
    Snapshot {
        snapshot: String,
        incarnation: String,
        found_at: std::time::Instant,
    },
}

/// The SELECT list shared by every question query; `$1` is the viewer's member id.
fn select_questions(sqlite: bool, rank_expr: &str, sort_column: &str) -> String {
    select_questions_from(sqlite, rank_expr, sort_column, "questions q")
}

/// [`select_questions`] over `source`, which names the questions `q` (a join with the search
/// index, say).
///
/// Each row's tags come as one space-separated `tag_list`, in slug order: PostgreSQL sorts
/// them (in the database's collation, as every other tag list); on SQLite [`Store::with_tags`]
/// does, in the same byte order SQLite would use. SQLite sorts an aggregate's `ORDER BY` in a
/// temporary b-tree per row, and opening one allocates its page cache in one block of tens of
/// KiB, on which glibc's malloc consolidates its free chunks: 6 % of the newest-20 list's
/// CPU in a profile (`perf`, wrk -c32, 10,000 questions).
fn select_questions_from(sqlite: bool, rank_expr: &str, sort_column: &str, source: &str) -> String {
    let tags = if sqlite {
        "string_agg(t.slug, ' ')"
    } else {
        "string_agg(t.slug, ' ' ORDER BY t.slug)"
    };
    format!(
        "SELECT q.id, q.author_id, m.display_name AS author_name, q.title, q.body, q.anonymous, \
         q.status, q.answer_count, q.me_too_count, q.accepted_answer_id, q.created_at, \
         q.updated_at, q.last_activity_at, \
         EXISTS (SELECT 1 FROM question_me_too mt WHERE mt.question_id = q.id AND mt.member_id = $1) AS me_too, \
         CAST({rank_expr} AS BIGINT) AS rank, {sort_column} AS sort_key, \
         q.hidden_at IS NOT NULL AS hidden, q.hidden_reason, \
         (SELECT {tags} FROM question_tags x JOIN tags t ON t.id = x.tag_id \
            WHERE x.question_id = q.id) AS tag_list \
         FROM {source} JOIN members m ON m.id = q.author_id"
    )
}

impl Store {
    /// Creates a question with its tags (created on first use); returns its id.
    pub async fn create_question(&self, new: &NewQuestion<'_>) -> StoreResult<i64> {
        let now = now_micros();
        let sqlite = self.is_sqlite();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let Some(id) = created_before!(tx, "question") {
                tx.commit().await?;
                return Ok(id);
            }
            // The asker's name for the event comes back with the id: each statement on
            // SQLite's writer is a round trip to its thread, which every write queues for.
            let (grams, grams_value, grams_bind) =
                super::new_post_grams(sqlite, 8, new.search_title, new.search_body);
            let sql = format!(
                "INSERT INTO questions (author_id, title, body, search_title, search_body, anonymous, created_at, updated_at, last_activity_at{grams}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7{grams_value}) \
                 RETURNING id, (SELECT display_name FROM members WHERE id = $1)",
            );
            let mut insert = sqlx::query_as(&sql)
                .bind(new.author_id)
                .bind(new.title)
                .bind(new.body)
                .bind(new.search_title)
                .bind(new.search_body)
                .bind(new.anonymous)
                .bind(now);
            if let Some(grams) = grams_bind {
                insert = insert.bind(grams);
            }
            let (id, asker): (i64, String) = insert.fetch_one(&mut *tx).await?;
            super::index_grams!(new tx, sqlite, "questions", id, new.search_title, new.search_body);
            for tag in new.tags {
                super::link_tag!(tx, "question_tags", "question_id", id, tag.as_str(), now);
            }
            record_created!(tx, "question", id);
            let mut tags: Vec<String> = new.tags.iter().map(|t| t.as_str().to_owned()).collect();
            tags.sort();
            tags.dedup();
            let question = EventQuestion::new(
                id,
                new.title.to_owned(),
                tags,
                new.anonymous,
                EventMember::new(new.author_id, asker),
                super::timestamp(now),
            );
            let event = NewEvent {
                event_type: EventType::QuestionPosted,
                tags: question.tags.clone(),
                data: EventData { question: Some(question), ..EventData::default() },
                level: None,
                audience: Some(new.author_id),
                dedupe_key: None,
            };
            record_event!(tx, &event, now);
            tx.commit().await?;
            self.outbox_written();
            Ok(id)
        })
    }

    /// One question as `viewer` sees it (tags included), or `None` (also when it is hidden
    /// from them).
    pub async fn question(
        &self,
        id: i64,
        viewer: impl Into<Viewer>,
    ) -> StoreResult<Option<QuestionRow>> {
        let viewer = viewer.into();
        let sql = format!(
            "{} WHERE q.id = $2 AND {}",
            select_questions(self.is_sqlite(), "0", "q.created_at"),
            viewer.sees(QUESTION_VISIBLE)
        );
        let row: Option<QuestionRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(viewer.member_id).bind(id).fetch_optional(pool).await?
        });
        match row {
            Some(row) => Ok(self.with_tags(vec![row]).pop()),
            None => Ok(None),
        }
    }

    /// A page of questions: up to `filter.limit` rows after `filter.after`, in listing order.
    /// A search lists the questions whose title holds every term first (rank 1), then the
    /// rest (rank 0), each in the chosen order: two queries that each stop at the page's end,
    /// so a word found in most questions costs no more than a rare one.
    pub async fn list_questions(
        &self,
        viewer: impl Into<Viewer>,
        filter: &QuestionFilter,
    ) -> StoreResult<Vec<QuestionRow>> {
        let viewer = viewer.into();
        let Some(search) = &filter.search else {
            let rows = self.list_phase(viewer, filter, None).await?;
            return Ok(self.with_tags(rows));
        };
        let mut rows: Vec<QuestionRow> = Vec::new();
        let from_rank = filter.after.map_or(1, |after| after.rank);
        for rank in [1, 0] {
            let left = filter.limit - rows.len() as i64;
            if rank > from_rank || left <= 0 {
                continue;
            }
            let phase = QuestionFilter {
                after: filter.after.filter(|after| after.rank == rank),
                limit: left,
                ..filter.clone()
            };
            rows.extend(
                self.list_phase(viewer, &phase, Some((search, rank == 1)))
                    .await?,
            );
        }
        Ok(self.with_tags(rows))
    }

    /// One query of [`Store::list_questions`]: without a search, or the questions matching
    /// `search` whose title holds every term (`true`, rank 1) or not (`false`, rank 0).
    async fn list_phase(
        &self,
        viewer: Viewer,
        filter: &QuestionFilter,
        search: Option<(&SearchQuery, bool)>,
    ) -> StoreResult<Vec<QuestionRow>> {
        let mut binds = Binds::default();
        binds.int(viewer.member_id); // $1
        let mut conditions: Vec<String> = vec![viewer.sees(QUESTION_VISIBLE).to_owned()];
        if let Some(tag) = &filter.tag {
            let p = binds.text(tag.as_str());
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = q.id AND t.slug = {p})"
            ));
        }
        if let Some(status) = filter.status {
            let p = binds.text(status.as_str());
            conditions.push(format!("q.status = {p}"));
        }
        if filter.unanswered {
            conditions.push("q.first_answer_at IS NULL".into());
        }
        if let Some(asker) = filter.asked_by {
            let p = binds.int(asker);
            conditions.push(format!("q.author_id = {p}"));
        }
        let mut rank = 0;
        // Whether the first phase reads kept title matches instead of the index.
        let mut kept_ids = false;
        // Where in `conditions` the search's `search_condition` is, if it is there.
        let mut search_at = None;
        // On SQLite, newest or oldest first, the search index drives the query in posting
        // order (its rowids are the question ids) and stops at the page's end, instead of
        // finding every match first: a word in most questions costs no more than a rare one.
        let by_index = self.is_sqlite() && search.is_some() && filter.sort != QuestionSort::Active;
        if let Some((search, in_title)) = search {
            if by_index && !in_title {
                let m = binds.text(super::fts_everywhere(search));
                conditions.push(format!("questions_grams MATCH {m}"));
                let title = super::title_holds_every_group("q", search, &mut binds);
                conditions.push(format!("NOT ({title})"));
            } else if in_title && (by_index || !self.is_sqlite()) {
                let fts = super::fts_query(search, in_title);
                match self.title_matches(viewer, search, &fts).await? {
                    Some(ids) if ids.is_empty() => return Ok(Vec::new()),
                    Some(ids) => {
                        let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                        if self.is_sqlite() {
                            let p = binds.text(format!("[{}]", list.join(",")));
                            conditions.push(format!("q.id IN (SELECT value FROM json_each({p}))"));
                        } else {
                            let p = binds.text(format!("{{{}}}", list.join(",")));
                            conditions.push(format!("q.id = ANY(CAST({p} AS BIGINT[]))"));
                        }
                        // The ids were found in an earlier snapshot than this query's: a title
                        // edited in between must not be listed as matching.
                        let title = super::title_holds_every_group("q", search, &mut binds);
                        conditions.push(title);
                        kept_ids = true;
                    }
                    None if by_index => {
                        let m = binds.text(fts);
                        conditions.push(format!("questions_grams MATCH {m}"));
                    }
                    None => {}
                }
            }
            // Not read from the index in posting order nor from kept matches: the search's
            // condition over the whole index.
            if !by_index && !kept_ids {
                search_at = Some(conditions.len());
                conditions.push(self.search_condition(
                    "q",
                    "questions_grams",
                    search,
                    in_title,
                    &mut binds,
                ));
            }
            rank = i64::from(in_title);
        }
        let sort_column = match filter.sort {
            QuestionSort::Newest | QuestionSort::Oldest => "q.created_at",
            QuestionSort::Active => "q.last_activity_at",
        };
        // Newest and most active first walk the index down; oldest first walks it up.
        let (direction, beyond) = match filter.sort {
            QuestionSort::Oldest => ("ASC", ">"),
            QuestionSort::Newest | QuestionSort::Active => ("DESC", "<"),
        };
        if by_index {
            let (key, source) = if kept_ids {
                ("q.id", "questions q")
            } else {
                (
                    "questions_grams.rowid",
                    "questions_grams JOIN questions q ON q.id = questions_grams.rowid",
                )
            };
            if let Some(after) = filter.after {
                let i = binds.int(after.id);
                conditions.push(format!("{key} {beyond} {i}"));
            }
            let limit = binds.int(filter.limit);
            let sql = format!(
                "{} WHERE {} ORDER BY {key} {direction} LIMIT {limit}",
                select_questions_from(self.is_sqlite(), &rank.to_string(), sort_column, source),
                conditions.join(" AND "),
            );
            let rows: Vec<QuestionRow> = with_pool!(self, pool => {
                bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?
            });
            return Ok(rows);
        }
        if let Some(after) = filter.after {
            let (k, i) = (binds.int(after.sort_key), binds.int(after.id));
            conditions.push(format!("({sort_column}, q.id) {beyond} ({k}, {i})"));
        }
        let limit = binds.int(filter.limit);
        let query = |conditions: &[String]| {
            format!(
                "{} WHERE {} ORDER BY {sort_column} {direction}, q.id {direction} LIMIT {limit}",
                select_questions(self.is_sqlite(), &rank.to_string(), sort_column),
                conditions.join(" AND "),
            )
        };
        // PostgreSQL, searching newest or oldest first: look among the next `search_walk`
        // questions in listing order first (`TSUNAGU_SEARCH_WALK`). If the page fills there, it
        // is exact — every later match comes after them — and a common word costs a bounded
        // range instead of fetching each of its thousands of matches to sort them (q=承認 at
        // 10,000 questions: 16 ms → 2 ms). A rarer word falls through to the whole index.
        // Not for kept title matches: they are few, read by id.
        if !self.is_sqlite() && search.is_some() && !kept_ids && filter.sort != QuestionSort::Active
        {
            let mark = binds.0.len();
            // The next questions in order, from the listing's index, in a subquery that
            // keeps that order, so that the page stops at its last match instead of checking
            // and sorting the whole range (which PostgreSQL chose on a freshly seeded
            // database: 6–8 ms for `approval flow` at 10,000 questions).
            let after = match filter.after {
                Some(after) => {
                    let (k, i) = (binds.int(after.sort_key), binds.int(after.id));
                    format!("WHERE ({sort_column}, q.id) {beyond} ({k}, {i})")
                }
                None => String::new(),
            };
            let next = format!(
                "(SELECT * FROM questions q {after} \
                  ORDER BY {sort_column} {direction}, q.id {direction} LIMIT {}) q",
                self.search_walk
            );
            // The search by `LIKE` alone: with no gram array to match, PostgreSQL has only the
            // listing's index to read the questions with, so one plan serves every value and
            // the statement is prepared once per connection. With the arrays, a generic plan
            // read each gram's whole bitmap, so the query was planned on every request (2 of
            // its 3 ms for q=承認 at 1,000,000 questions). The search's binds in `conditions`
            // are left unused.
            let mut bounded = conditions.clone();
            if let (Some(at), Some((search, in_title))) = (search_at, search) {
                bounded[at] = super::search_likes("q", search, in_title, &mut binds);
            }
            let sql = format!(
                "{} WHERE {} ORDER BY {sort_column} {direction}, q.id {direction} LIMIT {limit}",
                select_questions_from(false, &rank.to_string(), sort_column, &next),
                bounded.join(" AND "),
            );
            let rows: Vec<QuestionRow> = with_pool!(self, pool => {
                bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?
            });
            if rows.len() as i64 >= filter.limit {
                return Ok(rows);
            }
            binds.0.truncate(mark);
        }
        let sql = query(&conditions);
        let rows: Vec<QuestionRow> = with_pool!(self, pool => {
            bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// A search of two words or more (term groups): the ids of the questions whose title holds
    /// every one — the first phase of the search, whatever its filters — ascending; `None` for
    /// one word, or when more than [`TITLE_MATCHES_KEPT`] titles match (the phase then uses
    /// the index as for one word). `fts` (its FTS5 title query) names the search.
    ///
    /// Why kept: both indexes find them by reading the words' title postings, whole when the
    /// words are common but seldom together — `approval flow` at 1,000,000 questions: 62,500
    /// and 125,000 titles that never meet, 36 ms on SQLite, 120 ms on PostgreSQL (its bitmaps
    /// of four posting lists) — on every page and every time. They are kept per search (as
    /// Lucene's query cache keeps a filter's documents) with what they are exact for, and
    /// brought up to date on each use:
    ///
    /// - SQLite: checked against `search_generation`, which any title edit raises (migrations
    ///   0021, 0022); the questions written since are looked up on top, in the index range
    ///   above the newest id then, which is exact because SQLite commits ids in increasing
    ///   order (an id inserted below the newest raises the counter too).
    /// - PostgreSQL commits ids in any order, so the entry keeps its snapshot instead; the
    ///   questions whose title a transaction that snapshot could not see wrote (`title_xid`,
    ///   migration 0021; at most [`TITLE_MATCHES_CHANGES`]) are read on top, in one statement
    ///   that also takes the new snapshot.
    ///
    /// The kept ids ignore visibility and filters: the phase's query applies what the viewer
    /// may see and the filters, and checks each kept title again (the ids come from an earlier
    /// snapshot than that query's). Deletions need no counter: ids are never reused and the
    /// query drops a deleted one.
    ///
    /// Kept per member (`viewer`), not shared: a shared entry would answer another member's
    /// identical search ten times faster, and so tell anyone who times a search that somebody
    /// searched those words recently. A member paging through results or repeating a search
    /// gets her own entry back.
    async fn title_matches(
        &self,
        viewer: Viewer,
        search: &SearchQuery,
        fts: &str,
    ) -> StoreResult<Option<std::sync::Arc<[i64]>>> {
        if search.term_groups().len() < 2 {
            return Ok(None);
        }
        let key: TitleMatchesKey = (viewer.member_id, fts.to_owned());
        match &self.pool {
            super::Pool::Sqlite(pool, _) => self.title_matches_sqlite(pool, key, fts).await,
            super::Pool::Postgres(pool) => self.title_matches_postgres(pool, key, search).await,
        }
    }

    /// [`Store::title_matches`] on SQLite.
    async fn title_matches_sqlite(
        &self,
        pool: &sqlx::SqlitePool,
        key: TitleMatchesKey,
        fts: &str,
    ) -> StoreResult<Option<std::sync::Arc<[i64]>>> {
        // One snapshot for the counter, the newest id and the lookup.
        let mut tx = pool.begin().await?;
        let (generation, newest): (Option<i64>, i64) = sqlx::query_as(
            "SELECT (SELECT value FROM search_generation), COALESCE((SELECT max(id) FROM questions), 0)",
        )
        .fetch_one(&mut *tx)
        .await?;
        // Without its counter row (only a hand-edited database) nothing can be kept safely.
        let Some(generation) = generation else {
            return Ok(None);
        };
        let kept = self
            .title_matches
            .get(&key)
            .and_then(|kept| match kept.as_of {
                AsOf::Counter {
                    generation: g,
                    newest: n,
                } if g == generation => Some((n, kept.ids.clone())),
                _ => None,
            });
        let (after, mut ids) = match kept {
            // Found in this snapshot or a later one (another request of hers got there first):
            // ids above this snapshot's newest are dropped by the query if they are not there.
            Some((kept_newest, ids)) if kept_newest >= newest || ids.is_none() => {
                return Ok(ids);
            }
            Some((kept_newest, ids)) => (kept_newest, ids.as_deref().unwrap_or_default().to_vec()),
            None => (0, Vec::new()),
        };
        let found: Vec<i64> = sqlx::query_scalar(
            "SELECT rowid FROM questions_grams WHERE questions_grams MATCH $1 \
             AND rowid > $2 AND rowid <= $3 ORDER BY rowid LIMIT $4",
        )
        .bind(fts)
        .bind(after)
        .bind(newest)
        .bind((TITLE_MATCHES_KEPT + 1 - ids.len()) as i64)
        .fetch_all(&mut *tx)
        .await?;
        tx.rollback().await?;
        ids.extend(found);
        let ids: Option<std::sync::Arc<[i64]>> =
            (ids.len() <= TITLE_MATCHES_KEPT).then(|| ids.into());
        // Not over an entry found in a later snapshot meanwhile.
        let later = self
            .title_matches
            .get(&key)
            .is_some_and(|other| match other.as_of {
                AsOf::Counter {
                    generation: g,
                    newest: n,
                } => (g, n) > (generation, newest),
                AsOf::Snapshot { .. } => false,
            });
        if !later {
            let entry = TitleMatches {
                as_of: AsOf::Counter { generation, newest },
                ids: ids.clone(),
            };
            self.title_matches.insert(key, std::sync::Arc::new(entry));
        }
        Ok(ids)
    }

    /// [`Store::title_matches`] on PostgreSQL. Any entry is exact for its own snapshot, so
    /// requests of hers racing each other may store in either order.
    ///
    /// Brought up to date only while the database is the same one ([`INCARNATION`]), its
    /// snapshots move forward, at most [`TITLE_MATCHES_CHANGES`] titles changed and
    /// [`TITLE_MATCHES_REFOUND`] has not passed since the entry was found; otherwise found
    /// again. An entry of too many matches (`None`) is found again once any title changed
    /// (edits, deletions and hidden questions can bring it under the bound).
    async fn title_matches_postgres(
        &self,
        pool: &sqlx::PgPool,
        key: TitleMatchesKey,
        search: &SearchQuery,
    ) -> StoreResult<Option<std::sync::Arc<[i64]>>> {
        let kept = self.title_matches.get(&key);
        let mut updated = None;
        if let Some(TitleMatches {
            as_of:
                AsOf::Snapshot {
                    snapshot: since,
                    incarnation,
                    found_at,
                },
            ids,
        }) = kept.as_deref()
        {
            if found_at.elapsed() < TITLE_MATCHES_REFOUND {
                // The questions whose title (or grams) a transaction `since` could not see
                // wrote: one that had not begun (at or above its xmax) or was in progress
                // (its xip list) — each read from the `title_xid` index, in its order so that
                // PostgreSQL walks the index whatever it guesses of the range (a generic plan
                // guessed a third of the table: 1 s at 1,000,000 questions). Not everything
                // above its xmin: a transaction left open would make that range grow with
                // every title written after it began.
                let mut binds = Binds::default();
                let s = binds.text(since.as_str());
                let holds = super::title_holds_every_group("q", search, &mut binds);
                let limit = TITLE_MATCHES_CHANGES + 1;
                let sql = format!(
                    "WITH changed AS MATERIALIZED (\
                       (SELECT q.id, q.search_grams IS NOT NULL AND {holds} AS holds \
                        FROM questions q \
                        WHERE q.title_xid >= pg_snapshot_xmax(CAST({s} AS pg_snapshot)) \
                        ORDER BY q.title_xid LIMIT {limit}) \
                       UNION ALL \
                       (SELECT q.id, q.search_grams IS NOT NULL AND {holds} AS holds \
                        FROM questions q WHERE q.title_xid = \
                          ANY(ARRAY(SELECT pg_snapshot_xip(CAST({s} AS pg_snapshot)))) \
                        LIMIT {limit})) \
                     SELECT CAST(pg_current_snapshot() AS TEXT), {INCARNATION}, \
                     pg_snapshot_xmax(pg_current_snapshot()) \
                       >= pg_snapshot_xmax(CAST({s} AS pg_snapshot)), \
                     ARRAY(SELECT id FROM changed), ARRAY(SELECT id FROM changed WHERE holds)"
                );
                type CaughtUp = (String, String, bool, Vec<i64>, Vec<i64>);
                let (now, now_incarnation, forward, changed, matching): CaughtUp =
                    bind_all!(sqlx::query_as(&sql), &binds.0)
                        .fetch_one(pool)
                        .await?;
                let same = now_incarnation == *incarnation && forward;
                if same && changed.len() <= TITLE_MATCHES_CHANGES {
                    match ids {
                        None if !changed.is_empty() => {}
                        None => updated = Some((now, now_incarnation, *found_at, None)),
                        Some(ids) => {
                            let mut ids: std::collections::BTreeSet<i64> =
                                ids.iter().copied().collect();
                            for id in &changed {
                                ids.remove(id);
                            }
                            ids.extend(matching);
                            let ids: Vec<i64> = ids.into_iter().collect();
                            updated = Some((now, now_incarnation, *found_at, Some(ids)));
                        }
                    }
                }
            }
        }
        let (snapshot, incarnation, found_at, ids) = match updated {
            Some(updated) => updated,
            None => {
                let mut binds = Binds::default();
                let title = self.search_condition("q", "", search, true, &mut binds);
                let sql = format!(
                    "SELECT CAST(pg_current_snapshot() AS TEXT), {INCARNATION}, \
                     ARRAY(SELECT q.id FROM questions q WHERE {title} LIMIT {})",
                    TITLE_MATCHES_KEPT + 1
                );
                let (now, incarnation, mut ids): (String, String, Vec<i64>) =
                    bind_all!(sqlx::query_as(&sql), &binds.0)
                        .fetch_one(pool)
                        .await?;
                ids.sort_unstable();
                (now, incarnation, std::time::Instant::now(), Some(ids))
            }
        };
        let ids: Option<std::sync::Arc<[i64]>> = ids
            .filter(|ids| ids.len() <= TITLE_MATCHES_KEPT)
            .map(Into::into);
        let entry = TitleMatches {
            as_of: AsOf::Snapshot {
                snapshot,
                incarnation,
                found_at,
            },
            ids: ids.clone(),
        };
        self.title_matches.insert(key, std::sync::Arc::new(entry));
        Ok(ids)
    }

    /// Ids and titles of the newest `limit` questions (by id) sharing at least one of `grams`
    /// (`domain::search::similarity_grams` of a draft title) with their title: candidates
    /// that the caller scores. Hidden questions are never suggested. Both databases read an
    /// index that keeps each gram's questions in order and stop after `limit` per gram:
    /// SQLite the title tokens (`t…`) of the FTS5 gram table, PostgreSQL
    /// `question_title_grams`.
    pub async fn similar_candidates(
        &self,
        grams: &[String],
        limit: i64,
    ) -> StoreResult<Vec<(i64, String)>> {
        if grams.is_empty() {
            return Ok(Vec::new());
        }
        if self.is_sqlite() {
            let mut binds = Binds::default();
            // The index drives the query, newest posting first, and stops at `limit`: common
            // grams (の, した) no longer make it find every title first.
            let phrases: Vec<String> = grams
                .iter()
                .map(|g| crate::domain::search::fts_term('t', g))
                .collect();
            let m = binds.text(phrases.join(" OR "));
            let limit = binds.int(limit);
            let sql = format!(
                "SELECT q.id, q.title FROM questions_grams JOIN questions q ON q.id = questions_grams.rowid \
                 WHERE questions_grams MATCH {m} AND q.hidden_at IS NULL \
                 ORDER BY questions_grams.rowid DESC LIMIT {limit}"
            );
            return with_pool!(self, pool => {
                Ok(bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?)
            });
        }
        // The newest `limit` of each gram (a backward range of the primary key), then the
        // newest `limit` of those: the same as the newest `limit` having any gram. A hidden
        // question is left out after the cut, so there may be a few fewer.
        let sql = "SELECT q.id, q.title FROM questions q WHERE q.hidden_at IS NULL AND q.id IN ( \
               SELECT DISTINCT x.question_id FROM unnest(string_to_array($1, ' ')) g(gram), \
                 LATERAL (SELECT t.question_id FROM question_title_grams t WHERE t.gram = g.gram \
                   ORDER BY t.question_id DESC LIMIT $2) x \
               ORDER BY x.question_id DESC LIMIT $2) \
             ORDER BY q.id DESC";
        with_pool!(self, pool => {
            Ok(sqlx::query_as(sql).bind(grams.join(" ")).bind(limit).fetch_all(pool).await?)
        })
    }

    /// Applies changes to a question; false when it does not exist.
    pub async fn update_question(
        &self,
        id: i64,
        changes: &QuestionChanges<'_>,
    ) -> StoreResult<bool> {
        let now = now_micros();
        let sqlite = self.is_sqlite();
        let text_changed = changes.title.is_some() || changes.body.is_some();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found = sqlx::query(
                "UPDATE questions SET \
                 title = COALESCE($2, title), search_title = COALESCE($3, search_title), \
                 body = COALESCE($4, body), search_body = COALESCE($5, search_body), \
                 anonymous = COALESCE($6, anonymous), updated_at = $7, last_activity_at = $7 \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(changes.title.map(|t| t.0))
            .bind(changes.title.map(|t| t.1))
            .bind(changes.body.map(|b| b.0))
            .bind(changes.body.map(|b| b.1))
            .bind(changes.anonymous)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if found && text_changed {
                super::index_grams!(tx, sqlite, "questions", id);
            }
            if found {
                if let Some(tags) = changes.tags {
                    sqlx::query("DELETE FROM question_tags WHERE question_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    for tag in tags {
                        super::link_tag!(tx, "question_tags", "question_id", id, tag.as_str(), now);
                    }
                }
                // Its events show the question as it is now (no asker once it is anonymous).
                refresh_question_events!(tx, id);
            }
            tx.commit().await?;
            Ok(found)
        })
    }

    /// Deletes a question with its answers, reactions, kudos on its answers, "me too"s and
    /// events (with their deliveries, sent or not); false when absent.
    pub async fn delete_question(&self, id: i64) -> StoreResult<bool> {
        let postgres = self.is_postgres();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // Row locks in the order every writer takes them: the answers (which an asker's
            // reaction in her thread takes through its foreign key before the question,
            // migration 0019, and accepting takes first), the question, then the events.
            if postgres {
                sqlx::query("SELECT id FROM answers WHERE question_id = $1 ORDER BY id FOR UPDATE").bind(id).execute(&mut *tx).await?;
                // FOR UPDATE, not the lighter lock of `lock_question!`: an answer's foreign key
                // (KEY SHARE) must wait for it rather than slip in before the deletion.
                sqlx::query("SELECT id FROM questions WHERE id = $1 FOR UPDATE").bind(id).execute(&mut *tx).await?;
            }
            forget_events!(tx, "question_id", id);
            sqlx::query("DELETE FROM kudos WHERE target_kind = 'answer' AND target_id IN (SELECT id FROM answers WHERE question_id = $1)")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let done = sqlx::query("DELETE FROM questions WHERE id = $1").bind(id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Records or withdraws a member's "me too" (idempotently); returns the new count, or
    /// `None` when the question is gone (deleted since the caller looked it up).
    pub async fn set_me_too(
        &self,
        question_id: i64,
        member_id: i64,
        on: bool,
    ) -> StoreResult<Option<i64>> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            super::lock_question!(tx, question_id);
            // Deleted since the caller looked it up: nothing to record or count.
            let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM questions WHERE id = $1")
                .bind(question_id)
                .fetch_optional(&mut *tx)
                .await?;
            if exists.is_none() {
                tx.rollback().await?;
                return Ok(None);
            }
            let changed = if on {
                sqlx::query("INSERT INTO question_me_too (question_id, member_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(question_id).bind(member_id).bind(now)
                    .execute(&mut *tx).await?.rows_affected()
            } else {
                sqlx::query("DELETE FROM question_me_too WHERE question_id = $1 AND member_id = $2")
                    .bind(question_id).bind(member_id)
                    .execute(&mut *tx).await?.rows_affected()
            };
            // The question exists and is locked: these find its row.
            let count: i64 = if changed > 0 {
                sqlx::query_scalar(
                    "UPDATE questions SET me_too_count = (SELECT COUNT(*) FROM question_me_too WHERE question_id = $1) WHERE id = $1 RETURNING me_too_count",
                )
                .bind(question_id)
                .fetch_one(&mut *tx)
                .await?
            } else {
                sqlx::query_scalar("SELECT me_too_count FROM questions WHERE id = $1")
                    .bind(question_id)
                    .fetch_one(&mut *tx)
                    .await?
            };
            tx.commit().await?;
            Ok(Some(count))
        })
    }

    /// Fills in the tags of each row from its `tag_list`, in slug order (sorted here on
    /// SQLite: see [`select_questions_from`]).
    fn with_tags(&self, mut rows: Vec<QuestionRow>) -> Vec<QuestionRow> {
        let sort = self.is_sqlite();
        for row in &mut rows {
            row.tags = row
                .tag_list
                .take()
                .map(|list| list.split(' ').map(str::to_owned).collect())
                .unwrap_or_default();
            if sort {
                row.tags.sort_unstable();
            }
        }
        rows
    }
}
