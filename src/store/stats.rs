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
pub(crate) const ANSWER_BY_ANONYMOUS_ASKER: &str =
    "(CASE WHEN a.by_asker THEN COALESCE((SELECT q.anonymous \
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

/// Sums the per-question counts of a rollup `table` (`question_days` by `day`, `question_hours`
/// by `hour`) over each range of whole units `(interval index, first, end)`. PostgreSQL sums
/// each range in a `LATERAL` subquery, one index range each; joined and grouped, it compared
/// every hour with every interval (10 ms at 10,000 questions, against 2 ms). SQLite has no
/// `LATERAL` and joins fast.
fn rollup_sql(table: &str, unit: &str, count: usize, postgres: bool) -> String {
    let buckets = buckets(count, postgres);
    if postgres {
        format!(
            "{buckets} SELECT b.i, x.* FROM b, LATERAL (SELECT \
               CAST(COALESCE(SUM(h.asked), 0) AS BIGINT), CAST(COALESCE(SUM(h.answered), 0) AS BIGINT), \
               CAST(COALESCE(SUM(h.answered_within_24h), 0) AS BIGINT), CAST(COALESCE(SUM(h.anonymous), 0) AS BIGINT), \
               CAST(COALESCE(SUM(h.anonymous_answered_within_24h), 0) AS BIGINT) \
               FROM {table} h WHERE h.{unit} >= b.s AND h.{unit} < b.e) x WHERE ($1 = $1)"
        )
    } else {
        format!(
            "{buckets} SELECT b.i, CAST(SUM(h.asked) AS BIGINT), CAST(SUM(h.answered) AS BIGINT), \
               CAST(SUM(h.answered_within_24h) AS BIGINT), CAST(SUM(h.anonymous) AS BIGINT), \
               CAST(SUM(h.anonymous_answered_within_24h) AS BIGINT) \
             FROM b JOIN {table} h ON h.{unit} >= b.s AND h.{unit} < b.e WHERE ($1 = $1) GROUP BY b.i"
        )
    }
}

/// The per-question counts of each range `(interval index, start, end)` — questions asked,
/// answered, answered within 24 hours, asked anonymously, and of those answered within 24
/// hours — as rows `(interval index, …)`, several per interval when it is split. Without a
/// topic, the whole UTC days of each range are summed from `question_days`, the whole hours
/// left at its ends from `question_hours` (both kept by triggers), and only a partial first
/// and last hour are read from the questions; with a topic (`$1`), the questions are read.
macro_rules! question_counts {
    ($pool:expr, $postgres:expr, $slug:expr, $tagged:expr, $ranges:expr) => {{
        let (daily, hourly, raw) = if $tagged {
            (Vec::new(), Vec::new(), $ranges.to_vec())
        } else {
            let (daily, rest) = split($ranges, DAY_MICROS);
            let (hourly, raw) = split(&rest, HOUR_MICROS);
            (daily, hourly, raw)
        };
        type Counts = (i64, i64, i64, i64, i64, i64);
        let days = async {
            if daily.is_empty() {
                return Ok::<Vec<Counts>, sqlx::Error>(Vec::new());
            }
            let sql = rollup_sql("question_days", "day", daily.len(), $postgres);
            Ok(per_interval!($pool, $postgres, $slug, &daily, &sql, Counts))
        };
        let hours = async {
            if hourly.is_empty() {
                return Ok::<Vec<Counts>, sqlx::Error>(Vec::new());
            }
            let sql = rollup_sql("question_hours", "hour", hourly.len(), $postgres);
            Ok(per_interval!($pool, $postgres, $slug, &hourly, &sql, Counts))
        };
        let questions = async {
            if raw.is_empty() {
                return Ok::<Vec<Counts>, sqlx::Error>(Vec::new());
            }
            let within_day = format!("t.first_answer_at - t.created_at <= {DAY_MICROS}");
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
            Ok(per_interval!($pool, $postgres, $slug, &raw, &sql, Counts))
        };
        let (mut counts, hours, questions) = tokio::try_join!(days, hours, questions)?;
        counts.extend(hours);
        counts.extend(questions);
        counts
    }};
}

/// Splits each range `(i, start, end)` in microseconds into its whole `unit`s (as unit numbers:
/// hours for `question_hours`, days for `member_days`) and the partial units at its ends (in
/// microseconds, to be read from the acts themselves).
fn split(ranges: &[Range], unit: i64) -> (Vec<Range>, Vec<Range>) {
    let (mut whole, mut raw) = (Vec::new(), Vec::new());
    for &(i, s, e) in ranges {
        let first = -(-s).div_euclid(unit);
        let end = e.div_euclid(unit);
        if first < end {
            whole.push((i, first, end));
            if s < first * unit {
                raw.push((i, s, first * unit));
            }
            if end * unit < e {
                raw.push((i, end * unit, e));
            }
        } else {
            raw.push((i, s, e));
        }
    }
    (whole, raw)
}

/// Kudos `k` given by the anonymous asker of the answer's question, inside her own thread (a
/// `CASE`, as above; `by_asker` is fixed when the kudos are given).
/// Kudos the asker gave in a thread that is gone (their answer deleted at the same moment, which
/// giving kudos now prevents) count for no one, as in `member_days` (migration 0019).
const KUDOS_BY_ANONYMOUS_ASKER: &str = "(CASE WHEN k.by_asker THEN COALESCE((SELECT q.anonymous \
     FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = k.target_id), TRUE) ELSE FALSE END)";

/// The members active in each range `(i, start, end)` of `$2`… (see [`buckets`]), as rows
/// `(interval index, member)`: everyone who asked by name, answered, reacted, wrote a tip,
/// logged a win or gave kudos — except what an anonymous asker did inside her own thread.
/// Read from the acts themselves, so only for the partial days at the ends of the intervals
/// (whole days come from `member_days`). PostgreSQL reads each range with a `LATERAL`
/// subquery (one index range per table); SQLite joins the ranges.
fn active_members_sql(count: usize, postgres: bool) -> String {
    let hidden = |condition: &str| format!("NOT {condition}");
    let acts: [(&str, &str, &str, String); 7] = [
        (
            "questions t",
            "t",
            "author_id",
            "NOT t.anonymous".to_owned(),
        ),
        (
            "answers a",
            "a",
            "author_id",
            hidden(ANSWER_BY_ANONYMOUS_ASKER),
        ),
        (
            "answer_reactions r",
            "r",
            "member_id",
            hidden(REACTION_BY_ANONYMOUS_ASKER),
        ),
        ("kudos k", "k", "giver_id", hidden(KUDOS_BY_ANONYMOUS_ASKER)),
        ("tip_reactions r", "r", "member_id", "TRUE".to_owned()),
        ("tips p", "p", "author_id", "TRUE".to_owned()),
        ("wins w", "w", "author_id", "TRUE".to_owned()),
    ];
    let buckets = buckets(count, postgres);
    if postgres {
        let union = acts
            .iter()
            .map(|(table, x, member, condition)| {
                format!("SELECT {x}.{member} AS m FROM {table} WHERE {x}.created_at >= b.s AND {x}.created_at < b.e AND {condition}")
            })
            .collect::<Vec<_>>()
            .join(" UNION ");
        format!("{buckets} SELECT b.i, x.m FROM b, LATERAL ({union}) x WHERE ($1 = $1)")
    } else {
        let union = acts
            .iter()
            .map(|(table, x, member, condition)| {
                format!("SELECT b.i, {x}.{member} FROM b JOIN {table} ON {x}.created_at >= b.s AND {x}.created_at < b.e WHERE ($1 = $1) AND {condition}")
            })
            .collect::<Vec<_>>()
            .join(" UNION ");
        format!("{buckets} {union}")
    }
}

/// The members with a row in `member_days` in each range of whole days `(i, first day, end
/// day)`, as rows `(interval index, member)`.
fn member_days_sql(count: usize, postgres: bool) -> String {
    let buckets = buckets(count, postgres);
    if postgres {
        format!(
            "{buckets} SELECT b.i, x.member_id FROM b, LATERAL (SELECT d.member_id FROM member_days d \
             WHERE d.day >= b.s AND d.day < b.e GROUP BY d.member_id) x WHERE ($1 = $1)"
        )
    } else {
        format!(
            "{buckets} SELECT DISTINCT b.i, d.member_id FROM b JOIN member_days d ON d.day >= b.s AND d.day < b.e WHERE ($1 = $1)"
        )
    }
}

/// The lower and upper middle of comma-separated whole numbers in any order (the same one when
/// their count is odd; `None` for none): what the median is computed from.
fn middles_of(list: &str) -> Result<(Option<i64>, Option<i64>), std::num::ParseIntError> {
    if list.is_empty() {
        return Ok((None, None));
    }
    let mut values = list
        .split(',')
        .map(str::parse::<i64>)
        .collect::<Result<Vec<_>, _>>()?;
    let n = values.len();
    let (_, &mut upper, _) = values.select_nth_unstable(n / 2);
    let lower = if n % 2 == 1 {
        upper
    } else {
        // The largest of the lower half, which `select_nth_unstable` left before the middle.
        values[..n / 2].iter().copied().max().unwrap_or(upper)
    };
    Ok((Some(lower), Some(upper)))
}

/// A period `[from, to)` split for `member_days`: `(first day, end day, m1, m2)` — its whole
/// UTC days `[first day, end day)`, which are `[m1, m2)` in microseconds, and its partial days
/// `[from, m1)` and `[m2, to)`. Without a whole day, the days are empty and `m1 = m2 = to`.
fn period_days(from: i64, to: i64) -> (i64, i64, i64, i64) {
    match split(&[(0, from, to)], DAY_MICROS).0.first() {
        Some(&(_, first, end)) => (first, end, first * DAY_MICROS, end * DAY_MICROS),
        None => (0, 0, to, to),
    }
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
        let postgres = self.is_postgres();
        let buckets = buckets(intervals.len(), postgres);
        let in_bucket = |column: &str| format!("{column} >= b.s AND {column} < b.e");
        // The middle one or two times to first answer of the answered questions of each
        // interval, in one query (it was one query per interval, thirteen round trips one after
        // the other), as rows `(interval, lower middle, upper middle)` — the same value when the
        // count is odd. PostgreSQL's `percentile_disc(f)` takes the ⌈f·n⌉-th value of one sort:
        // f = 0.5 is the lower middle, and f = 0.5 + 10⁻¹⁰ the upper one (⌈n/2 + n·10⁻¹⁰⌉ is
        // n/2 + 1 for an even n and the lower middle for an odd n, for any n below 10¹⁰; the
        // product is exact enough in double precision). One sort of bare numbers: 2.2 ms for
        // 7,000 answered questions, against 4.5 ms sorting twice and 6.5 ms with window functions.
        let middles_sql = format!(
            "{buckets} SELECT b.i, m.x[1], m.x[2] FROM b, LATERAL (SELECT \
               percentile_disc(ARRAY[0.5, 0.5000000001]) WITHIN GROUP (ORDER BY t.first_answer_at - t.created_at) AS x \
               FROM questions t WHERE {range} AND t.first_answer_at IS NOT NULL AND {tagged}) m \
             WHERE m.x IS NOT NULL",
            range = in_bucket("t.created_at"),
            tagged = in_tag("question_tags", "question_id"),
        );
        // SQLite has neither: one query per interval ($2–$3), each on its own reader connection
        // (they run side by side), reads the interval's times to first answer as one text of
        // comma-separated numbers, and the middle ones are selected here (1.7 ms for 7,000,
        // against 4.6 ms counting, sorting and skipping to the middle in SQL — SQLite's sorter —
        // and 14 ms with window functions; one row instead of 7,000 through the driver).
        let middle_sql = format!(
            "SELECT group_concat(t.first_answer_at - t.created_at) FROM questions t \
             WHERE t.created_at >= $2 AND t.created_at < $3 AND t.first_answer_at IS NOT NULL AND {tagged}",
            tagged = in_tag("question_tags", "question_id"),
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
        // The period's whole UTC days come from `member_days`, its partial first and last day
        // from the acts (see `period_days`).
        // Each member who asked by name in the period: their first question ever (one seek in
        // `questions_first_by_asker`) with their next one; kept below when it falls in the
        // period. The joined question is found by its id alone: with the period's range on it
        // too, PostgreSQL's generic plan hashed every question of the period (2 → 18 ms at
        // 10,000 questions once the statement was cached).
        let firsts_sql = format!(
            "WITH m AS (SELECT d.member_id AS id FROM member_days d WHERE d.day >= $4 AND d.day < $5 AND d.asked > 0 \
               UNION SELECT author_id FROM questions WHERE created_at >= $2 AND created_at < $6 AND NOT anonymous \
               UNION SELECT author_id FROM questions WHERE created_at >= $7 AND created_at < $3 AND NOT anonymous), \
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
            "WITH m AS (SELECT d.member_id AS id FROM member_days d \
                 WHERE d.day >= $3 AND d.day < $4 AND (d.answered > 0 OR d.tipped > 0) \
               UNION SELECT a.author_id FROM answers a WHERE a.created_at >= $1 AND a.created_at < $5 AND NOT {hidden} \
               UNION SELECT a.author_id FROM answers a WHERE a.created_at >= $6 AND a.created_at < $2 AND NOT {hidden} \
               UNION SELECT author_id FROM tips WHERE created_at >= $1 AND created_at < $5 \
               UNION SELECT author_id FROM tips WHERE created_at >= $6 AND created_at < $2) \
             SELECT (SELECT a.created_at FROM answers a \
                 WHERE a.author_id = m.id AND NOT {hidden} ORDER BY a.created_at LIMIT 1), \
               (SELECT MIN(t.created_at) FROM tips t WHERE t.author_id = m.id) \
             FROM m",
            hidden = ANSWER_BY_ANONYMOUS_ASKER,
        );
        let (first_day, end_day, m1, m2) = period_days(from, to);
        let bounds = micros(intervals);
        let ranges: Vec<Range> = bounds
            .iter()
            .enumerate()
            .map(|(i, (s, e))| (i as i64, *s, *e))
            .collect();
        // Active members: the whole days of each interval from `member_days`, the partial days
        // from every act. A member counts once per interval.
        let (days, edges) = split(&ranges, DAY_MICROS);
        let days_sql = member_days_sql(days.len(), postgres);
        let edges_sql = active_members_sql(edges.len(), postgres);
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
                // One query per interval, side by side on the pool's reader connections.
                futures_util::future::try_join_all(ranges.iter().map(|&(i, s, e)| {
                    let (slug, middle_sql) = (&slug, &middle_sql);
                    async move {
                        let delays: Option<String> = sqlx::query_scalar(middle_sql)
                            .bind(slug)
                            .bind(s)
                            .bind(e)
                            .fetch_one(pool)
                            .await?;
                        let (lower, upper) = middles_of(delays.as_deref().unwrap_or_default())
                            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
                        Ok::<_, sqlx::Error>((i, lower, upper))
                    }
                }))
                .await
            };
            // The two parts of the active members side by side too.
            let active = async {
                let slug = &slug;
                let parts = [(&days, &days_sql), (&edges, &edges_sql)];
                let rows = futures_util::future::try_join_all(parts.into_iter().map(|(of, sql)| async move {
                    if of.is_empty() {
                        return Ok::<Vec<(i64, i64)>, sqlx::Error>(Vec::new());
                    }
                    Ok(per_interval!(pool, postgres, slug, of, sql, (i64, i64)))
                }))
                .await?;
                Ok::<_, sqlx::Error>(rows.concat())
            };
            let small = async {
                let tips = async { Ok::<_, sqlx::Error>(per_interval!(pool, postgres, &slug, &ranges, &tips_sql, (i64, i64))) };
                let kudos = async { Ok::<_, sqlx::Error>(per_interval!(pool, postgres, &slug, &ranges, &kudos_sql, (i64, i64))) };
                let wins = async { Ok::<_, sqlx::Error>(per_interval!(pool, postgres, &slug, &ranges, &wins_sql, (i64, f64, i64, i64))) };
                Ok::<Small, sqlx::Error>(tokio::try_join!(tips, kudos, wins)?)
            };
            let firsts = sqlx::query_as::<_, (i64, Option<i64>, bool, Option<i64>)>(&firsts_sql)
                .bind(&slug)
                .bind(from)
                .bind(to)
                .bind(first_day)
                .bind(end_day)
                .bind(m1)
                .bind(m2)
                .fetch_all(pool);
            let contributors = sqlx::query_as::<_, (Option<i64>, Option<i64>)>(&contributors_sql)
                .bind(from)
                .bind(to)
                .bind(first_day)
                .bind(end_day)
                .bind(m1)
                .bind(m2)
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
        let active: std::collections::HashSet<(i64, i64)> = active.into_iter().collect();
        for (i, _) in active {
            if let Some(c) = facts.intervals.get_mut(i as usize) {
                c.active_members += 1;
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
        let postgres = self.is_postgres();
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
        // Kudos the asker gave for an answer that is gone count for no one.
        let kudos_sql = "SELECT CASE WHEN EXISTS (SELECT 1 FROM answers a JOIN questions q ON q.id = a.question_id \
             WHERE k.target_kind = 'answer' AND a.id = k.target_id AND q.anonymous AND q.author_id = k.giver_id) \
             OR (k.by_asker AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.id = k.target_id)) \
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
    fn middles_are_those_of_the_sorted_numbers() {
        assert_eq!(middles_of(""), Ok((None, None)));
        assert_eq!(middles_of("7"), Ok((Some(7), Some(7))));
        assert_eq!(middles_of("9,-2"), Ok((Some(-2), Some(9))));
        assert_eq!(middles_of("5,1,9,3,7"), Ok((Some(5), Some(5))));
        assert_eq!(middles_of("8,1,9,3,7,3"), Ok((Some(3), Some(7))));
        // Against a sort, on many lists with repeats.
        let mut seed = 12345_u64;
        for n in 1..60 {
            let values: Vec<i64> = (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (seed >> 40) as i64 % 17 - 8
                })
                .collect();
            let mut sorted = values.clone();
            sorted.sort_unstable();
            let text = values
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let expected = (Some(sorted[(n - 1) / 2]), Some(sorted[n / 2]));
            assert_eq!(middles_of(&text), Ok(expected), "{text}");
        }
        assert!(middles_of("1,x").is_err());
    }

    #[test]
    fn ranges_split_into_whole_hours_and_partial_ends() {
        let h = HOUR_MICROS;
        // Aligned: whole hours only.
        assert_eq!(split(&[(0, 2 * h, 5 * h)], h), (vec![(0, 2, 5)], vec![]));
        // Unaligned ends are read from the questions.
        assert_eq!(
            split(&[(1, 2 * h + 7, 5 * h + 9)], h),
            (
                vec![(1, 3, 5)],
                vec![(1, 2 * h + 7, 3 * h), (1, 5 * h, 5 * h + 9)]
            )
        );
        // Inside one hour, or across one boundary only: no whole hour.
        assert_eq!(
            split(&[(2, h + 1, h + 5)], h),
            (vec![], vec![(2, h + 1, h + 5)])
        );
        assert_eq!(
            split(&[(3, h + 1, 2 * h + 5)], h),
            (vec![], vec![(3, h + 1, 2 * h + 5)])
        );
    }
}
