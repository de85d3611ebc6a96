//! The community's activity for the health figures (`domain::health`): counted per interval
//! with indexed range queries over the asked period ([`Store::health_facts`]), and read whole
//! only as the reference the tests compare against ([`Store::activity`]). Only ids, times and
//! numbers are read, and the member of an anonymous question — or of what its asker did
//! inside its thread — is never read at all, so no figure can depend on who asked
//! anonymously.

use super::{with_pool, Store, StoreResult};
use crate::domain::health::{
    Act, Activity, FirstQuestion, HealthFacts, IntervalCounts, QuestionFact, WinFact, DAY_MICROS,
};
use crate::domain::tag::TagSlug;
use chrono::{DateTime, Utc};

/// An answer `a` by its question's anonymous asker (in her own thread). `by_asker` is fixed
/// when the answer is written, so only the asker's own answers look their question up: a
/// `CASE` with a scalar subquery, because PostgreSQL plans `by_asker AND EXISTS (…)` as a
/// hashed subplan that hashes every anonymous question on each request (658 ms at 1,000,000
/// questions).
const ANSWER_BY_ANONYMOUS_ASKER: &str = "(CASE WHEN a.by_asker THEN COALESCE((SELECT q.anonymous \
     FROM questions q WHERE q.id = a.question_id), FALSE) ELSE FALSE END)";

/// A reaction `r` by the anonymous asker of the question the answer belongs to (a `CASE`, as
/// above).
const REACTION_BY_ANONYMOUS_ASKER: &str =
    "(CASE WHEN r.by_asker THEN COALESCE((SELECT q.anonymous \
     FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = r.answer_id), FALSE) \
     ELSE FALSE END)";

/// The intervals as a table `b(i, s, e)` bound from `$2` on (`$1` is the tag): each query
/// joins it with a range condition on a time index, so each interval is one index range.
/// PostgreSQL gets three comma-separated lists (`$2`–`$4`), so that the statement's text and
/// plan are the same for any intervals: with one parameter per bound it planned each request
/// anew (custom plans; 4.5 of the 15 ms of `/stats/health` at 10,000 questions).
fn buckets(count: usize, postgres: bool) -> String {
    if postgres {
        return "WITH b(i, s, e) AS (SELECT * FROM unnest(CAST(string_to_array($2, ',') AS BIGINT[]), \
                CAST(string_to_array($3, ',') AS BIGINT[]), CAST(string_to_array($4, ',') AS BIGINT[])))"
            .to_owned();
    }
    format!(
        "WITH b(i, s, e) AS (VALUES {})",
        (0..count)
            .map(|n| format!("(${}, ${}, ${})", 3 * n + 2, 3 * n + 3, 3 * n + 4))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The intervals in microseconds, the unit of every stored time.
fn micros(intervals: &[(DateTime<Utc>, DateTime<Utc>)]) -> Vec<(i64, i64)> {
    intervals
        .iter()
        .map(|(s, e)| (s.timestamp_micros(), e.timestamp_micros()))
        .collect()
}

/// Runs `$sql` (which starts with [`buckets`]) with `$1` = `$slug` and the ranges
/// `(interval index, start, end)` bound as [`buckets`] expects them on `$postgres` or not.
macro_rules! per_interval {
    ($pool:expr, $postgres:expr, $slug:expr, $ranges:expr, $sql:expr, $row:ty) => {{
        let mut query = sqlx::query_as::<_, $row>($sql).bind($slug);
        if $postgres {
            let list = |f: fn(&Range) -> i64| {
                $ranges
                    .iter()
                    .map(|r| f(r).to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            query = query
                .bind(list(|r| r.0))
                .bind(list(|r| r.1))
                .bind(list(|r| r.2));
        } else {
            for (i, s, e) in $ranges.iter() {
                query = query.bind(*i).bind(*s).bind(*e);
            }
        }
        query.fetch_all($pool).await?
    }};
}

/// Whether the post `t` carries the tag `$1` (`table` links posts to tags by `column`); without
/// a tag, a condition that is always true but still binds `$1`, so every query binds alike.
fn in_tag(tagged: bool, table: &str, column: &str) -> String {
    if tagged {
        format!(
            "EXISTS (SELECT 1 FROM {table} x JOIN tags g ON g.id = x.tag_id WHERE x.{column} = t.id AND g.slug = $1)"
        )
    } else {
        "($1 = $1)".to_owned()
    }
}

/// A range of one interval: `(interval index, start, end)`.
type Range = (i64, i64, i64);

/// An hour in microseconds: the unit of `question_hours`.
const HOUR_MICROS: i64 = 3_600_000_000;

/// The per-question counts of each range `(interval index, start, end)` — questions asked,
/// answered, answered within 24 hours, asked anonymously, and of those answered within 24
/// hours — as rows `(interval index, …)`, several per interval when it is split. Without a
/// topic, the whole hours of each range are summed from `question_hours` (kept by triggers)
/// and only a partial first and last hour are read from the questions; with a topic
/// (`$1`), the questions are read.
macro_rules! question_counts {
    ($pool:expr, $postgres:expr, $slug:expr, $tagged:expr, $ranges:expr) => {{
        let (hourly, raw) = if $tagged { (Vec::new(), $ranges.to_vec()) } else { split_hours($ranges) };
        let within_day = format!("t.first_answer_at - t.created_at <= {DAY_MICROS}");
        let mut counts: Vec<(i64, i64, i64, i64, i64, i64)> = Vec::new();
        if !hourly.is_empty() {
            // PostgreSQL sums each interval's hours in a `LATERAL` subquery, one index range
            // each; joined and grouped, it compared every hour with every interval (10 ms at
            // 10,000 questions, against 2 ms). SQLite has no `LATERAL` and joins fast.
            let sql = if $postgres { format!(
                "{} SELECT b.i, x.* FROM b, LATERAL (SELECT \
                   CAST(COALESCE(SUM(h.asked), 0) AS BIGINT), CAST(COALESCE(SUM(h.answered), 0) AS BIGINT), \
                   CAST(COALESCE(SUM(h.answered_within_24h), 0) AS BIGINT), CAST(COALESCE(SUM(h.anonymous), 0) AS BIGINT), \
                   CAST(COALESCE(SUM(h.anonymous_answered_within_24h), 0) AS BIGINT) \
                   FROM question_hours h WHERE h.hour >= b.s AND h.hour < b.e) x WHERE ($1 = $1)",
                buckets(hourly.len(), $postgres)
            ) } else { format!(
                "{} SELECT b.i, CAST(SUM(h.asked) AS BIGINT), CAST(SUM(h.answered) AS BIGINT), \
                   CAST(SUM(h.answered_within_24h) AS BIGINT), CAST(SUM(h.anonymous) AS BIGINT), \
                   CAST(SUM(h.anonymous_answered_within_24h) AS BIGINT) \
                 FROM b JOIN question_hours h ON h.hour >= b.s AND h.hour < b.e WHERE ($1 = $1) GROUP BY b.i",
                buckets(hourly.len(), $postgres)
            ) };
            counts.extend(per_interval!($pool, $postgres, $slug, &hourly, &sql, (i64, i64, i64, i64, i64, i64)));
        }
        if !raw.is_empty() {
            let tagged = in_tag($tagged, "question_tags", "question_id");
            let sql = format!(
                "{} SELECT b.i, COUNT(*), \
                   SUM(CASE WHEN t.first_answer_at IS NOT NULL THEN 1 ELSE 0 END), \
                   SUM(CASE WHEN {within_day} THEN 1 ELSE 0 END), \
                   SUM(CASE WHEN t.anonymous THEN 1 ELSE 0 END), \
                   SUM(CASE WHEN t.anonymous AND {within_day} THEN 1 ELSE 0 END) \
                 FROM b JOIN questions t ON t.created_at >= b.s AND t.created_at < b.e WHERE {tagged} GROUP BY b.i",
                buckets(raw.len(), $postgres)
            );
            counts.extend(per_interval!($pool, $postgres, $slug, &raw, &sql, (i64, i64, i64, i64, i64, i64)));
        }
        counts
    }};
}

/// Splits each range `(i, start, end)` in microseconds into its whole hours (as hour numbers,
/// for `question_hours`) and the partial hours at its ends (in microseconds, to be read from
/// the questions).
fn split_hours(ranges: &[Range]) -> (Vec<Range>, Vec<Range>) {
    let (mut hourly, mut raw) = (Vec::new(), Vec::new());
    for &(i, s, e) in ranges {
        let first = -(-s).div_euclid(HOUR_MICROS);
        let end = e.div_euclid(HOUR_MICROS);
        if first < end {
            hourly.push((i, first, end));
            if s < first * HOUR_MICROS {
                raw.push((i, s, first * HOUR_MICROS));
            }
            if end * HOUR_MICROS < e {
                raw.push((i, end * HOUR_MICROS, e));
            }
        } else {
            raw.push((i, s, e));
        }
    }
    (hourly, raw)
}

impl Store {
    /// The counts the health figures of `intervals` need (see [`HealthFacts`]), with whether
    /// questions, tips and wins carry `tag`. Every query reads only the period
    /// (`intervals[0].0` to the last end) through a time index, plus one index seek per member
    /// active in it for their first question, answer and tip ever — so a year of figures
    /// costs the same on a database with one year or ten years of history.
    ///
    /// The anonymity rule of `domain::health` holds in the SQL: an anonymous question has no
    /// asker here, and what its asker did inside its thread has no member.
    pub async fn health_facts(
        &self,
        tag: Option<&TagSlug>,
        intervals: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> StoreResult<HealthFacts> {
        let (Some(first), Some(last)) = (intervals.first(), intervals.last()) else {
            return Ok(HealthFacts::default());
        };
        let (from, to) = (first.0.timestamp_micros(), last.1.timestamp_micros());
        let in_tag = |table: &str, column: &str| in_tag(tag.is_some(), table, column);
        let slug = tag.map(|t| t.as_str().to_owned()).unwrap_or_default();
        let postgres = matches!(self.pool, super::Pool::Postgres(_));
        let buckets = buckets(intervals.len(), postgres);
        let in_bucket = |column: &str| format!("{column} >= b.s AND {column} < b.e");
        // The middle one or two times to first answer of the answered questions of each
        // interval, in one query (it was one query per interval, thirteen round trips one after
        // the other), as rows `(interval, lower middle, upper middle)` — the same value when the
        // count is odd: PostgreSQL takes the ⌈n/2⌉-th value from each end with `percentile_disc`
        // (two sorts of bare numbers: 2 ms for 7,000 answered questions, against 6.5 ms with
        // window functions and 3 ms one interval at a time).
        let middles_sql = format!(
            "{buckets} SELECT b.i, m.lo, m.hi FROM b, LATERAL (SELECT \
               percentile_disc(0.5) WITHIN GROUP (ORDER BY t.first_answer_at - t.created_at) AS lo, \
               percentile_disc(0.5) WITHIN GROUP (ORDER BY t.first_answer_at - t.created_at DESC) AS hi \
               FROM questions t WHERE {range} AND t.first_answer_at IS NOT NULL AND {tagged}) m \
             WHERE m.lo IS NOT NULL",
            range = in_bucket("t.created_at"),
            tagged = in_tag("question_tags", "question_id"),
        );
        // SQLite has neither; one interval ($2–$3) at a time, it counts, sorts and skips to
        // the middle (4 ms for 7,000, against 14 ms with window functions; its queries have no
        // round trip to speak of).
        let middle_sql = format!(
            "WITH answered AS (SELECT t.first_answer_at - t.created_at AS d FROM questions t \
               WHERE t.created_at >= $2 AND t.created_at < $3 AND t.first_answer_at IS NOT NULL AND {tagged}), \
             n AS (SELECT COUNT(*) AS n FROM answered) \
             SELECT MIN(d), MAX(d) FROM (SELECT d FROM answered ORDER BY d \
               LIMIT (SELECT 2 - n % 2 FROM n) OFFSET (SELECT (n - 1) / 2 FROM n)) x",
            tagged = in_tag("question_tags", "question_id"),
        );
        // Per interval, a scalar subquery whose `UNION` keeps each member once: every act is
        // one index range of its interval, and the distinct members are hashed, not sorted
        // (a `GROUP BY` over one `UNION ALL` of all intervals cost PostgreSQL 20 ms at 10,000
        // questions, against 7 ms this way).
        let active_sql = format!(
            "{buckets} SELECT b.i, (SELECT COUNT(*) FROM ( \
               SELECT t.author_id AS m FROM questions t WHERE {q} AND NOT t.anonymous \
               UNION SELECT a.author_id FROM answers a WHERE {a} AND NOT {hidden} \
               UNION SELECT r.member_id FROM answer_reactions r WHERE {r} AND NOT {reaction_hidden} \
               UNION SELECT r.member_id FROM tip_reactions r WHERE {r} \
               UNION SELECT p.author_id FROM tips p WHERE {p} \
               UNION SELECT w.author_id FROM wins w WHERE {w} \
               UNION SELECT k.giver_id FROM kudos k WHERE {k} \
                 AND NOT EXISTS (SELECT 1 FROM answers a JOIN questions q ON q.id = a.question_id \
                   WHERE k.target_kind = 'answer' AND a.id = k.target_id AND q.anonymous AND q.author_id = k.giver_id) \
             ) x) FROM b WHERE ($1 = $1)",
            q = in_bucket("t.created_at"),
            a = in_bucket("a.created_at"),
            r = in_bucket("r.created_at"),
            p = in_bucket("p.created_at"),
            w = in_bucket("w.created_at"),
            k = in_bucket("k.created_at"),
            hidden = ANSWER_BY_ANONYMOUS_ASKER,
            reaction_hidden = REACTION_BY_ANONYMOUS_ASKER,
        );
        let tips_sql = format!(
            "{buckets} SELECT b.i, COUNT(*) FROM b JOIN tips t ON {range} WHERE {tagged} GROUP BY b.i",
            range = in_bucket("t.created_at"),
            tagged = in_tag("tip_tags", "tip_id"),
        );
        let kudos_sql = format!(
            "{buckets} SELECT b.i, COUNT(*) FROM b JOIN kudos t ON {range} WHERE ($1 = $1) GROUP BY b.i",
            range = in_bucket("t.created_at"),
        );
        // Hours are computed here, not in SQL: no stored value can make the query fail.
        let wins_sql = format!(
            "{buckets} SELECT b.i, t.minutes_saved_per_run, t.runs_per_month, t.people_helped \
             FROM b JOIN wins t ON {range} WHERE {tagged} ORDER BY b.i, t.id",
            range = in_bucket("t.created_at"),
            tagged = in_tag("win_tags", "win_id"),
        );
        // Each member who asked by name in the period: their first question ever (one seek in
        // `questions_first_by_asker`) with their next one; kept below when it falls in the
        // period. The joined question is found by its id alone: with the period's range on it
        // too, PostgreSQL's generic plan hashed every question of the period (2 → 18 ms at
        // 10,000 questions once the statement was cached).
        let firsts_sql = format!(
            "WITH m AS (SELECT DISTINCT author_id AS id FROM questions \
                 WHERE created_at >= $2 AND created_at < $3 AND NOT anonymous), \
             f AS (SELECT (SELECT p.id FROM questions p WHERE p.author_id = m.id AND NOT p.anonymous \
                 ORDER BY p.created_at, p.id LIMIT 1) AS id FROM m) \
             SELECT t.created_at, t.first_answer_at, {tagged} AS in_tag, \
               (SELECT s.created_at FROM questions s WHERE s.author_id = t.author_id AND NOT s.anonymous \
                  AND (s.created_at > t.created_at OR (s.created_at = t.created_at AND s.id > t.id)) \
                ORDER BY s.created_at, s.id LIMIT 1) \
             FROM f JOIN questions t ON t.id = f.id",
            tagged = in_tag("question_tags", "question_id"),
        );
        // Each member who answered (outside her own anonymous thread) or wrote a tip in the
        // period: their first answer and first tip ever (one seek each).
        let contributors_sql = format!(
            "WITH m AS (SELECT a.author_id AS id FROM answers a \
                 WHERE a.created_at >= $1 AND a.created_at < $2 AND NOT {hidden} \
               UNION SELECT author_id FROM tips WHERE created_at >= $1 AND created_at < $2) \
             SELECT (SELECT a.created_at FROM answers a \
                 WHERE a.author_id = m.id AND NOT {hidden} ORDER BY a.created_at LIMIT 1), \
               (SELECT MIN(t.created_at) FROM tips t WHERE t.author_id = m.id) \
             FROM m",
            hidden = ANSWER_BY_ANONYMOUS_ASKER,
        );
        let bounds = micros(intervals);
        let ranges: Vec<Range> = bounds
            .iter()
            .enumerate()
            .map(|(i, (s, e))| (i as i64, *s, *e))
            .collect();
        let mut facts = HealthFacts {
            intervals: vec![IntervalCounts::default(); intervals.len()],
            ..HealthFacts::default()
        };
        type Counts = (i64, i64, i64, i64, i64, i64);
        type Small = (Vec<(i64, i64)>, Vec<(i64, i64)>, Vec<(i64, f64, i64, i64)>);
        let (counts, middles, active, (tips, kudos, wins), firsts, contributors) = with_pool!(self, pool => {
            // Independent reads, run side by side on the pool's connections.
            let counts = async {
                Ok::<Vec<Counts>, sqlx::Error>(question_counts!(pool, postgres, &slug, tag.is_some(), &ranges))
            };
            let middles = async {
                if postgres {
                    return Ok(per_interval!(pool, postgres, &slug, &ranges, &middles_sql, (i64, Option<i64>, Option<i64>)));
                }
                let mut middles = Vec::new();
                for &(i, s, e) in &ranges {
                    let (lower, upper): (Option<i64>, Option<i64>) = sqlx::query_as(&middle_sql)
                        .bind(&slug)
                        .bind(s)
                        .bind(e)
                        .fetch_one(pool)
                        .await?;
                    middles.push((i, lower, upper));
                }
                Ok::<_, sqlx::Error>(middles)
            };
            let active = async {
                Ok::<_, sqlx::Error>(per_interval!(pool, postgres, &slug, &ranges, &active_sql, (i64, i64)))
            };
            let small = async {
                let tips = per_interval!(pool, postgres, &slug, &ranges, &tips_sql, (i64, i64));
                let kudos = per_interval!(pool, postgres, &slug, &ranges, &kudos_sql, (i64, i64));
                let wins = per_interval!(pool, postgres, &slug, &ranges, &wins_sql, (i64, f64, i64, i64));
                Ok::<Small, sqlx::Error>((tips, kudos, wins))
            };
            let firsts = sqlx::query_as::<_, (i64, Option<i64>, bool, Option<i64>)>(&firsts_sql)
                .bind(&slug)
                .bind(from)
                .bind(to)
                .fetch_all(pool);
            let contributors = sqlx::query_as::<_, (Option<i64>, Option<i64>)>(&contributors_sql)
                .bind(from)
                .bind(to)
                .fetch_all(pool);
            let (counts, middles, active, small, firsts, contributors) =
                tokio::try_join!(counts, middles, active, small, firsts, contributors)?;
            (counts, middles, active, small, firsts, contributors)
        });
        for (i, asked, answered, within, anonymous, anonymous_within) in counts {
            if let Some(c) = facts.intervals.get_mut(i as usize) {
                c.questions_asked += asked;
                c.answered += answered;
                c.answered_within_24h += within;
                c.anonymous_questions_asked += anonymous;
                c.anonymous_answered_within_24h += anonymous_within;
            }
        }
        for (i, lower, upper) in middles {
            if let Some(c) = facts.intervals.get_mut(i as usize) {
                c.middle_delays = match (lower, upper) {
                    (Some(l), Some(u)) if l == u => vec![l],
                    (l, u) => l.into_iter().chain(u).collect(),
                };
            }
        }
        for (i, members) in active {
            if let Some(c) = facts.intervals.get_mut(i as usize) {
                c.active_members = members;
            }
        }
        for (i, count) in tips {
            if let Some(c) = facts.intervals.get_mut(i as usize) {
                c.tips_published = count;
            }
        }
        for (i, count) in kudos {
            if let Some(c) = facts.intervals.get_mut(i as usize) {
                c.kudos_given = count;
            }
        }
        for (i, minutes, runs, people) in wins {
            if let Some(c) = facts.intervals.get_mut(i as usize) {
                c.wins_logged += 1;
                c.hours_saved_per_month +=
                    crate::domain::win::hours_saved_per_month(minutes, runs, people);
            }
        }
        facts.first_questions = firsts
            .into_iter()
            .filter(|(created_at, ..)| (from..to).contains(created_at))
            .map(
                |(created_at, first_answer_at, in_tag, next_asked_at)| FirstQuestion {
                    created_at,
                    first_answer_at,
                    in_tag,
                    next_asked_at,
                },
            )
            .collect();
        facts.first_contributions = contributors
            .into_iter()
            .filter_map(|(answer, tip)| match (answer, tip) {
                (Some(a), Some(t)) => Some(a.min(t)),
                (a, t) => a.or(t),
            })
            .filter(|t| (from..to).contains(t))
            .collect();
        Ok(facts)
    }

    /// Per interval, the questions asked and the monthly hours of the wins logged (each win
    /// rounded as it shows, summed in posting order, then rounded): the two figures of the
    /// dashboard's month-by-month chart, without the rest of [`Store::health_facts`].
    pub async fn asked_and_hours(
        &self,
        intervals: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> StoreResult<Vec<(i64, f64)>> {
        let mut out = vec![(0_i64, 0.0_f64); intervals.len()];
        if intervals.is_empty() {
            return Ok(out);
        }
        let ranges: Vec<Range> = micros(intervals)
            .into_iter()
            .enumerate()
            .map(|(i, (s, e))| (i as i64, s, e))
            .collect();
        let postgres = matches!(self.pool, super::Pool::Postgres(_));
        let buckets = buckets(intervals.len(), postgres);
        let wins = format!(
            "{buckets} SELECT b.i, t.minutes_saved_per_run, t.runs_per_month, t.people_helped \
             FROM b JOIN wins t ON t.created_at >= b.s AND t.created_at < b.e WHERE ($1 = $1) ORDER BY b.i, t.id"
        );
        let (asked, wins) = with_pool!(self, pool => {
            let asked = async { Ok::<_, sqlx::Error>(question_counts!(pool, postgres, "", false, &ranges)) };
            let wins = async {
                Ok::<_, sqlx::Error>(per_interval!(pool, postgres, "", &ranges, &wins, (i64, f64, i64, i64)))
            };
            tokio::try_join!(asked, wins)?
        });
        for (i, count, ..) in asked {
            if let Some(o) = out.get_mut(i as usize) {
                o.0 += count;
            }
        }
        for (i, minutes, runs, people) in wins {
            if let Some(o) = out.get_mut(i as usize) {
                o.1 += crate::domain::win::hours_saved_per_month(minutes, runs, people);
            }
        }
        Ok(out
            .into_iter()
            .map(|(asked, hours)| (asked, crate::domain::win::round_to_hundredths(hours)))
            .collect())
    }

    /// Questions nobody but the asker has answered yet, all time: the sum of the counters
    /// triggers keep (`question_counters`, migration 0015), not a count of the questions.
    pub async fn count_unanswered(&self) -> StoreResult<i64> {
        with_pool!(self, pool => {
            let (n,): (i64,) = sqlx::query_as("SELECT CAST(COALESCE(SUM(unanswered), 0) AS BIGINT) FROM question_counters")
                .fetch_one(pool)
                .await?;
            Ok(n)
        })
    }

    /// The monthly hours of every win ever logged, each rounded as the win shows it, summed in
    /// posting order (the summary's total).
    pub async fn total_hours_saved(&self) -> StoreResult<f64> {
        with_pool!(self, pool => {
            let wins: Vec<(f64, i64, i64)> = sqlx::query_as(
                "SELECT minutes_saved_per_run, runs_per_month, people_helped FROM wins ORDER BY id",
            )
            .fetch_all(pool)
            .await?;
            Ok(wins
                .into_iter()
                .map(|(m, r, p)| crate::domain::win::hours_saved_per_month(m, r, p))
                .sum())
        })
    }

    /// Every question, answer, tip, win, reaction and kudos (times and members, in posting
    /// order), with whether questions, tips and wins carry `tag`: the whole history, for the
    /// reference definition `domain::health::compute` that tests check
    /// [`Store::health_facts`] against.
    pub async fn activity(&self, tag: Option<&TagSlug>) -> StoreResult<Activity> {
        let in_tag = |table: &str, column: &str| in_tag(tag.is_some(), table, column);
        let slug = tag.map(|t| t.as_str().to_owned()).unwrap_or_default();
        let questions_sql = format!(
            "SELECT CASE WHEN t.anonymous THEN NULL ELSE t.author_id END, t.created_at, t.first_answer_at, {} AS in_tag FROM questions t",
            in_tag("question_tags", "question_id")
        ) + " ORDER BY t.id";
        let tips_sql = format!(
            "SELECT t.author_id, t.created_at, {} AS in_tag FROM tips t",
            in_tag("tip_tags", "tip_id")
        ) + " ORDER BY t.id";
        let wins_sql = format!(
            "SELECT t.author_id, t.created_at, t.minutes_saved_per_run, t.runs_per_month, t.people_helped, {} AS in_tag FROM wins t",
            in_tag("win_tags", "win_id")
        ) + " ORDER BY t.id";
        // Acts of an anonymous asker inside her own thread keep their time, not their member.
        let answers_sql = format!(
            "SELECT CASE WHEN {hidden} THEN NULL ELSE a.author_id END, a.created_at \
             FROM answers a JOIN questions q ON q.id = a.question_id",
            hidden = super::answers::ANSWER_BY_ANONYMOUS_ASKER
        );
        let reactions_sql = "SELECT CASE WHEN q.anonymous AND q.author_id = r.member_id THEN NULL ELSE r.member_id END, r.created_at \
             FROM answer_reactions r JOIN answers a ON a.id = r.answer_id JOIN questions q ON q.id = a.question_id \
             UNION ALL SELECT member_id, created_at FROM tip_reactions";
        let kudos_sql = "SELECT CASE WHEN EXISTS (SELECT 1 FROM answers a JOIN questions q ON q.id = a.question_id \
             WHERE k.target_kind = 'answer' AND a.id = k.target_id AND q.anonymous AND q.author_id = k.giver_id) \
             THEN NULL ELSE k.giver_id END, k.created_at FROM kudos k";
        let acts = |rows: Vec<(Option<i64>, i64)>| {
            rows.into_iter()
                .map(|(member_id, at)| Act { member_id, at })
                .collect::<Vec<_>>()
        };
        with_pool!(self, pool => {
            let questions: Vec<(Option<i64>, i64, Option<i64>, bool)> =
                sqlx::query_as(&questions_sql).bind(&slug).fetch_all(pool).await?;
            let answers: Vec<(Option<i64>, i64)> = sqlx::query_as(&answers_sql).fetch_all(pool).await?;
            let tips: Vec<(i64, i64, bool)> = sqlx::query_as(&tips_sql).bind(&slug).fetch_all(pool).await?;
            // Hours are computed here, not in SQL: no stored value can make the query fail.
            let wins: Vec<(i64, i64, f64, i64, i64, bool)> = sqlx::query_as(&wins_sql).bind(&slug).fetch_all(pool).await?;
            let reactions: Vec<(Option<i64>, i64)> = sqlx::query_as(reactions_sql).fetch_all(pool).await?;
            let kudos: Vec<(Option<i64>, i64)> = sqlx::query_as(kudos_sql).fetch_all(pool).await?;
            Ok(Activity {
                questions: questions
                    .into_iter()
                    .map(|(author_id, created_at, first_answer_at, in_tag)| QuestionFact { author_id, created_at, first_answer_at, in_tag })
                    .collect(),
                answers: acts(answers),
                tips: tips.into_iter().map(|(member_id, at, in_tag)| (Act { member_id: Some(member_id), at }, in_tag)).collect(),
                wins: wins
                    .into_iter()
                    .map(|(author_id, created_at, minutes, runs, people, in_tag)| WinFact {
                        author_id,
                        created_at,
                        hours_per_month: crate::domain::win::hours_saved_per_month(minutes, runs, people),
                        in_tag,
                    })
                    .collect(),
                reactions: acts(reactions),
                kudos: acts(kudos),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_split_into_whole_hours_and_partial_ends() {
        let h = HOUR_MICROS;
        // Aligned: whole hours only.
        assert_eq!(split_hours(&[(0, 2 * h, 5 * h)]), (vec![(0, 2, 5)], vec![]));
        // Unaligned ends are read from the questions.
        assert_eq!(
            split_hours(&[(1, 2 * h + 7, 5 * h + 9)]),
            (
                vec![(1, 3, 5)],
                vec![(1, 2 * h + 7, 3 * h), (1, 5 * h, 5 * h + 9)]
            )
        );
        // Inside one hour, or across one boundary only: no whole hour.
        assert_eq!(
            split_hours(&[(2, h + 1, h + 5)]),
            (vec![], vec![(2, h + 1, h + 5)])
        );
        assert_eq!(
            split_hours(&[(3, h + 1, 2 * h + 5)]),
            (vec![], vec![(3, h + 1, 2 * h + 5)])
        );
    }
}
