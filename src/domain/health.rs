//! Community health figures, computed from the community's activity so every definition is
//! in one place (and testable with a fixed clock). Definitions follow Discourse and CHAOSS:
//!
//! - **questions_asked**: questions created in the interval (with the tag, when filtered).
//! - **answered**: of those, questions someone other than the asker has answered (as of now).
//! - **median_hours_to_first_answer**: median of hours from asking to the first answer by
//!   someone other than the asker, over the interval's answered questions.
//! - **answered_within_24h_share**: share of the interval's questions first answered by someone
//!   else within 24 hours (0 when none were asked).
//! - **still_unanswered**: the interval's questions nobody but the asker has answered yet.
//! - **first_time_askers**: members whose first question ever was asked in the interval;
//!   **first_time_askers_answered_within_24h_share**: share of those first questions answered
//!   within 24 hours; **returning_askers**: first-time askers who asked again within 30 days.
//! - **new_contributors**: members whose first answer or tip ever came in the interval.
//! - **active_members**: distinct members who asked, answered, reacted, wrote a tip, logged a
//!   win or gave kudos in the interval.
//! - **tips_published**, **wins_logged**, **kudos_given**: counts in the interval;
//!   **hours_saved_per_month**: the monthly hours of the wins logged in the interval.
//! - **anonymous_questions_asked**: the interval's questions asked anonymously (as they are
//!   now); **anonymous_answered_within_24h_share**: share of those first answered by someone
//!   else within 24 hours — the safety signal for people who do not dare to ask by name.
//!
//! Anonymity rule: figures counted per member (first-time and returning askers, new
//! contributors, active members) never see who asked anonymously. An anonymous question has
//! no author here, and what its asker did inside its thread (answering, reacting, giving
//! kudos) has no member either; such acts count only in per-question and per-act figures. So
//! swapping the anonymous asker for anyone else leaves every figure unchanged.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use std::collections::{HashMap, HashSet};

const HOUR_MICROS: i64 = 3_600_000_000;
/// A day in microseconds (the unit of every stored time).
pub const DAY_MICROS: i64 = 24 * HOUR_MICROS;

/// One question's facts.
#[derive(Debug, Clone)]
pub struct QuestionFact {
    /// The asker; `None` for an anonymous question.
    pub author_id: Option<i64>,
    pub created_at: i64,
    pub first_answer_at: Option<i64>,
    /// Carries the filter tag (always true without a filter).
    pub in_tag: bool,
}

/// Something a member did, at a time.
#[derive(Debug, Clone, Copy)]
pub struct Act {
    /// Who; `None` when the anonymous asker did it inside her own question's thread.
    pub member_id: Option<i64>,
    pub at: i64,
}

/// A win's facts.
#[derive(Debug, Clone)]
pub struct WinFact {
    pub author_id: i64,
    pub created_at: i64,
    pub hours_per_month: f64,
    pub in_tag: bool,
}

/// All activity the figures are computed from (all time: "first ever" needs history).
#[derive(Debug, Clone, Default)]
pub struct Activity {
    pub questions: Vec<QuestionFact>,
    pub answers: Vec<Act>,
    /// Tips: author, time, in tag.
    pub tips: Vec<(Act, bool)>,
    pub wins: Vec<WinFact>,
    pub reactions: Vec<Act>,
    pub kudos: Vec<Act>,
}

/// How the period is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// Weeks starting on Monday.
    Week,
    /// Calendar months.
    Month,
}

/// The figures of one interval.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthRow {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub questions_asked: i64,
    pub answered: i64,
    pub median_hours_to_first_answer: Option<f64>,
    pub answered_within_24h_share: f64,
    pub still_unanswered: i64,
    pub first_time_askers: i64,
    pub first_time_askers_answered_within_24h_share: f64,
    pub returning_askers: i64,
    pub new_contributors: i64,
    pub active_members: i64,
    pub tips_published: i64,
    pub wins_logged: i64,
    pub hours_saved_per_month: f64,
    pub kudos_given: i64,
    pub anonymous_questions_asked: i64,
    pub anonymous_answered_within_24h_share: f64,
}

/// Interval boundaries covering `[from, to)`, aligned to local midnights at `offset_minutes`.
pub fn boundaries(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    interval: Interval,
    offset_minutes: i32,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let offset = Duration::minutes(offset_minutes as i64);
    let local_date = |t: DateTime<Utc>| (t + offset).date_naive();
    let to_utc =
        |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default()) - offset;
    let mut start = local_date(from);
    start = match interval {
        Interval::Week => start - Duration::days(start.weekday().num_days_from_monday() as i64),
        Interval::Month => start.with_day(1).unwrap_or(start),
    };
    let mut out = Vec::new();
    while to_utc(start) < to && out.len() < 1000 {
        let next = match interval {
            Interval::Week => start + Duration::days(7),
            Interval::Month => {
                let (y, m) = if start.month() == 12 {
                    (start.year() + 1, 1)
                } else {
                    (start.year(), start.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(start + Duration::days(31))
            }
        };
        out.push((to_utc(start), to_utc(next)));
        start = next;
    }
    out
}

/// The last `count` calendar months up to `now`, the current one included (partial), at the
/// members' local midnight (`offset_minutes`): always `count` intervals, whatever the day.
pub fn recent_months(
    now: DateTime<Utc>,
    count: u32,
    offset_minutes: i32,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let offset = Duration::minutes(offset_minutes as i64);
    let local = (now + offset).date_naive();
    let month = local.year() * 12 + local.month0() as i32 - count.saturating_sub(1) as i32;
    let first = NaiveDate::from_ymd_opt(month.div_euclid(12), month.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(local);
    let from = Utc.from_utc_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default()) - offset;
    // The current month counts even at its very first instant.
    boundaries(
        from,
        now + Duration::microseconds(1),
        Interval::Month,
        offset_minutes,
    )
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        ((part as f64 / whole as f64) * 1000.0).round() / 1000.0
    }
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    let m = if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    };
    Some((m * 100.0).round() / 100.0)
}

/// What the store counts for one interval with indexed range queries over that interval only
/// (`Store::health_facts`); [`rows`] turns it into the figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntervalCounts {
    /// Questions asked (in the tag).
    pub questions_asked: i64,
    /// Of those, answered by someone other than the asker.
    pub answered: i64,
    /// Of those, first answered within 24 hours.
    pub answered_within_24h: i64,
    /// Questions asked anonymously (in the tag).
    pub anonymous_questions_asked: i64,
    /// Of those, first answered within 24 hours.
    pub anonymous_answered_within_24h: i64,
    /// The middle one (odd count) or two (even count) times to first answer of the answered
    /// questions, in microseconds, smallest first; empty when none was answered.
    pub middle_delays: Vec<i64>,
    /// Distinct members who did anything (anonymity rule as in [`compute`]).
    pub active_members: i64,
    /// Tips published (in the tag).
    pub tips_published: i64,
    /// Wins logged (in the tag).
    pub wins_logged: i64,
    /// Sum of those wins' monthly hours, each rounded as the win shows it, in posting order.
    pub hours_saved_per_month: f64,
    /// Kudos given.
    pub kudos_given: i64,
}

/// A member's first question ever (anonymous questions not counted), when it was asked in
/// the period.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstQuestion {
    pub created_at: i64,
    pub first_answer_at: Option<i64>,
    /// Carries the filter tag (always true without a filter).
    pub in_tag: bool,
    /// When the same member asked next (by name), if ever.
    pub next_asked_at: Option<i64>,
}

/// Everything the figures of a period need, read with indexed queries over the period (and
/// one index seek per member for "first ever"), so its cost follows the period, not the
/// history.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HealthFacts {
    /// One per interval, in the intervals' order.
    pub intervals: Vec<IntervalCounts>,
    /// First questions ever asked inside the period.
    pub first_questions: Vec<FirstQuestion>,
    /// Times of members' first contribution ever (answer or tip) that fall inside the period.
    pub first_contributions: Vec<i64>,
}

/// The figures for each interval from the store's counts: the same figures [`compute`]
/// gives from the whole activity (a test compares the two on both databases).
pub fn rows(facts: &HealthFacts, intervals: &[(DateTime<Utc>, DateTime<Utc>)]) -> Vec<HealthRow> {
    let answered_within = |created_at: i64, first_answer_at: Option<i64>| {
        first_answer_at.is_some_and(|a| a - created_at <= DAY_MICROS)
    };
    intervals
        .iter()
        .enumerate()
        .map(|(n, &(start, end))| {
            let (s, e) = (start.timestamp_micros(), end.timestamp_micros());
            let inside = |t: i64| s <= t && t < e;
            let empty = IntervalCounts::default();
            let c = facts.intervals.get(n).unwrap_or(&empty);
            let firsts: Vec<&FirstQuestion> = facts
                .first_questions
                .iter()
                .filter(|q| q.in_tag && inside(q.created_at))
                .collect();
            let returning = firsts
                .iter()
                .filter(|q| {
                    q.next_asked_at
                        .is_some_and(|next| next - q.created_at <= 30 * DAY_MICROS)
                })
                .count();
            HealthRow {
                start,
                end,
                questions_asked: c.questions_asked,
                answered: c.answered,
                median_hours_to_first_answer: median(
                    c.middle_delays
                        .iter()
                        .map(|d| *d as f64 / HOUR_MICROS as f64)
                        .collect(),
                ),
                answered_within_24h_share: share(
                    c.answered_within_24h as usize,
                    c.questions_asked as usize,
                ),
                still_unanswered: c.questions_asked - c.answered,
                first_time_askers: firsts.len() as i64,
                first_time_askers_answered_within_24h_share: share(
                    firsts
                        .iter()
                        .filter(|q| answered_within(q.created_at, q.first_answer_at))
                        .count(),
                    firsts.len(),
                ),
                returning_askers: returning as i64,
                new_contributors: facts
                    .first_contributions
                    .iter()
                    .filter(|t| inside(**t))
                    .count() as i64,
                active_members: c.active_members,
                tips_published: c.tips_published,
                wins_logged: c.wins_logged,
                hours_saved_per_month: super::win::round_to_hundredths(c.hours_saved_per_month),
                kudos_given: c.kudos_given,
                anonymous_questions_asked: c.anonymous_questions_asked,
                anonymous_answered_within_24h_share: share(
                    c.anonymous_answered_within_24h as usize,
                    c.anonymous_questions_asked as usize,
                ),
            }
        })
        .collect()
}

/// The figures for each interval, from the whole activity: the definition, kept as the
/// reference the store's indexed counting ([`rows`] of `Store::health_facts`) is tested
/// against, and by the hand-computed unit tests below.
pub fn compute(
    activity: &Activity,
    intervals: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Vec<HealthRow> {
    // First question ever per member, and their question times (all tags).
    // Anonymous questions have no author here, so they never count per member.
    let mut questions_by_member: HashMap<i64, Vec<&QuestionFact>> = HashMap::new();
    for q in &activity.questions {
        if let Some(author) = q.author_id {
            questions_by_member.entry(author).or_default().push(q);
        }
    }
    for list in questions_by_member.values_mut() {
        list.sort_by_key(|q| q.created_at);
    }
    // First contribution (answer or tip) ever per member.
    let mut first_contribution: HashMap<i64, i64> = HashMap::new();
    for act in activity
        .answers
        .iter()
        .chain(activity.tips.iter().map(|(a, _)| a))
    {
        if let Some(member) = act.member_id {
            let e = first_contribution.entry(member).or_insert(act.at);
            *e = (*e).min(act.at);
        }
    }
    let answered_within = |q: &QuestionFact| {
        q.first_answer_at
            .is_some_and(|a| a - q.created_at <= DAY_MICROS)
    };
    intervals
        .iter()
        .map(|&(start, end)| {
            let (s, e) = (start.timestamp_micros(), end.timestamp_micros());
            let inside = |t: i64| s <= t && t < e;
            let asked: Vec<&QuestionFact> = activity
                .questions
                .iter()
                .filter(|q| q.in_tag && inside(q.created_at))
                .collect();
            let answered: Vec<&&QuestionFact> = asked
                .iter()
                .filter(|q| q.first_answer_at.is_some())
                .collect();
            let hours: Vec<f64> = answered
                .iter()
                .filter_map(|q| {
                    q.first_answer_at
                        .map(|a| (a - q.created_at) as f64 / HOUR_MICROS as f64)
                })
                .collect();
            let firsts: Vec<&QuestionFact> = questions_by_member
                .values()
                .filter_map(|list| list.first().copied())
                .filter(|q| q.in_tag && inside(q.created_at))
                .collect();
            let returning = firsts
                .iter()
                .filter(|first| {
                    first
                        .author_id
                        .and_then(|author| questions_by_member.get(&author))
                        .is_some_and(|list| {
                            list.iter()
                                .skip(1)
                                .any(|q| q.created_at - first.created_at <= 30 * DAY_MICROS)
                        })
                })
                .count();
            let mut active: HashSet<i64> = HashSet::new();
            active.extend(
                activity
                    .questions
                    .iter()
                    .filter(|q| inside(q.created_at))
                    .filter_map(|q| q.author_id),
            );
            for acts in [&activity.answers, &activity.reactions, &activity.kudos] {
                active.extend(
                    acts.iter()
                        .filter(|a| inside(a.at))
                        .filter_map(|a| a.member_id),
                );
            }
            active.extend(
                activity
                    .tips
                    .iter()
                    .filter(|(a, _)| inside(a.at))
                    .filter_map(|(a, _)| a.member_id),
            );
            active.extend(
                activity
                    .wins
                    .iter()
                    .filter(|w| inside(w.created_at))
                    .map(|w| w.author_id),
            );
            let anonymous: Vec<&&QuestionFact> =
                asked.iter().filter(|q| q.author_id.is_none()).collect();
            let wins: Vec<&WinFact> = activity
                .wins
                .iter()
                .filter(|w| w.in_tag && inside(w.created_at))
                .collect();
            HealthRow {
                start,
                end,
                questions_asked: asked.len() as i64,
                answered: answered.len() as i64,
                median_hours_to_first_answer: median(hours),
                answered_within_24h_share: share(
                    asked.iter().filter(|q| answered_within(q)).count(),
                    asked.len(),
                ),
                still_unanswered: (asked.len() - answered.len()) as i64,
                first_time_askers: firsts.len() as i64,
                first_time_askers_answered_within_24h_share: share(
                    firsts.iter().filter(|q| answered_within(q)).count(),
                    firsts.len(),
                ),
                returning_askers: returning as i64,
                new_contributors: first_contribution.values().filter(|t| inside(**t)).count()
                    as i64,
                active_members: active.len() as i64,
                tips_published: activity
                    .tips
                    .iter()
                    .filter(|(a, in_tag)| *in_tag && inside(a.at))
                    .count() as i64,
                wins_logged: wins.len() as i64,
                hours_saved_per_month: super::win::round_to_hundredths(
                    wins.iter().map(|w| w.hours_per_month).sum::<f64>(),
                ),
                kudos_given: activity.kudos.iter().filter(|k| inside(k.at)).count() as i64,
                anonymous_questions_asked: anonymous.len() as i64,
                anonymous_answered_within_24h_share: share(
                    anonymous.iter().filter(|q| answered_within(q)).count(),
                    anonymous.len(),
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(day: u32, hour: u32) -> i64 {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .unwrap()
            .timestamp_micros()
    }

    fn q(author: i64, at: i64, first_answer: Option<i64>) -> QuestionFact {
        QuestionFact {
            author_id: Some(author),
            created_at: at,
            first_answer_at: first_answer,
            in_tag: true,
        }
    }

    #[test]
    fn weeks_start_on_monday_at_local_midnight() {
        let from = Utc.with_ymd_and_hms(2026, 11, 4, 12, 0, 0).unwrap(); // a Wednesday
        let to = Utc.with_ymd_and_hms(2026, 11, 17, 0, 0, 0).unwrap();
        let weeks = boundaries(from, to, Interval::Week, 0);
        assert_eq!(weeks.len(), 3);
        assert_eq!(
            weeks[0].0,
            Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap()
        );
        let jst = boundaries(from, to, Interval::Week, 540);
        assert_eq!(
            jst[0].0,
            Utc.with_ymd_and_hms(2026, 11, 1, 15, 0, 0).unwrap(),
            "Monday 00:00 JST"
        );
        let months = boundaries(
            from,
            Utc.with_ymd_and_hms(2027, 1, 2, 0, 0, 0).unwrap(),
            Interval::Month,
            0,
        );
        assert_eq!(months.len(), 3);
        assert_eq!(
            months[2].0,
            Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()
        );
    }

    #[test]
    fn recent_months_are_always_twelve_bars() {
        // On 31 March, 334 days back lands on 1 May: the dashboard showed 11 months.
        for (now, first) in [
            (
                Utc.with_ymd_and_hms(2027, 3, 31, 12, 0, 0).unwrap(),
                (2026, 4),
            ),
            (
                Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
                (2026, 2),
            ),
            (
                Utc.with_ymd_and_hms(2026, 12, 31, 23, 0, 0).unwrap(),
                (2026, 1),
            ),
        ] {
            let months = recent_months(now, 12, 0);
            assert_eq!(months.len(), 12, "{now}");
            assert_eq!((months[0].0.year(), months[0].0.month()), first, "{now}");
            assert!(months[11].0 <= now && now < months[11].1);
        }
        // 31 December 20:00 UTC is already January in Tokyo.
        let jst = recent_months(
            Utc.with_ymd_and_hms(2026, 12, 31, 20, 0, 0).unwrap(),
            12,
            540,
        );
        assert_eq!(jst.len(), 12);
        assert_eq!(
            jst[0].0,
            Utc.with_ymd_and_hms(2026, 1, 31, 15, 0, 0).unwrap(),
            "1 Feb 00:00 JST"
        );
    }

    #[test]
    fn figures_match_a_hand_computed_week() {
        // Week of Mon 2026-11-02. Member 1 asks their first question (answered after 2 h by
        // member 2) and a second one 3 days later (answered after 30 h). Member 3 asked long
        // before (not a first-time asker) and gets no answer. Member 2's first answer ever
        // is in this week; member 4's first tip too.
        let activity = Activity {
            questions: vec![
                q(
                    3,
                    t(1, 0) - 60 * DAY_MICROS,
                    Some(t(1, 1) - 60 * DAY_MICROS),
                ),
                q(1, t(2, 9), Some(t(2, 11))),
                q(1, t(5, 9), Some(t(6, 15))),
                q(3, t(3, 10), None),
            ],
            answers: vec![
                Act {
                    member_id: Some(2),
                    at: t(2, 11),
                },
                Act {
                    member_id: Some(2),
                    at: t(6, 15),
                },
            ],
            tips: vec![(
                Act {
                    member_id: Some(4),
                    at: t(4, 8),
                },
                true,
            )],
            wins: vec![WinFact {
                author_id: 1,
                created_at: t(7, 12),
                hours_per_month: 15.0,
                in_tag: true,
            }],
            reactions: vec![Act {
                member_id: Some(5),
                at: t(6, 16),
            }],
            kudos: vec![Act {
                member_id: Some(1),
                at: t(7, 13),
            }],
        };
        let week = (
            Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 9, 0, 0, 0).unwrap(),
        );
        let row = &compute(&activity, &[week])[0];
        assert_eq!(row.questions_asked, 3);
        assert_eq!(row.answered, 2);
        assert_eq!(row.still_unanswered, 1);
        assert_eq!(row.median_hours_to_first_answer, Some(16.0)); // median of 2 and 30
        assert_eq!(row.answered_within_24h_share, 0.333);
        assert_eq!(row.first_time_askers, 1);
        assert_eq!(row.first_time_askers_answered_within_24h_share, 1.0);
        assert_eq!(row.returning_askers, 1);
        assert_eq!(row.new_contributors, 2);
        assert_eq!(row.active_members, 5); // 1, 2, 3, 4, 5
        assert_eq!(row.tips_published, 1);
        assert_eq!(row.wins_logged, 1);
        assert_eq!(row.hours_saved_per_month, 15.0);
        assert_eq!(row.kudos_given, 1);
    }

    #[test]
    fn an_empty_interval_has_zeros_and_no_median() {
        let week = (
            Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 9, 0, 0, 0).unwrap(),
        );
        let row = &compute(&Activity::default(), &[week])[0];
        assert_eq!(row.hours_saved_per_month.to_string(), "0", "never -0");
        assert_eq!(
            (
                row.questions_asked,
                row.answered_within_24h_share,
                row.median_hours_to_first_answer
            ),
            (0, 0.0, None)
        );
    }
}
