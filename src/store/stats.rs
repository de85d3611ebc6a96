//! The community's activity, read whole for the health figures (computed in
//! `domain::health`). Only ids and timestamps are read: nothing about anonymous authorship
//! leaves this module except as counts.

use super::{with_pool, Store, StoreResult};
use crate::domain::health::{Act, Activity, QuestionFact, WinFact};
use crate::domain::tag::TagSlug;

impl Store {
    /// Every question, answer, tip, win, reaction and kudos (times and members), with whether
    /// questions, tips and wins carry `tag`.
    pub async fn activity(&self, tag: Option<&TagSlug>) -> StoreResult<Activity> {
        let in_tag = |table: &str, column: &str| {
            match tag {
            Some(_) => format!(
                "EXISTS (SELECT 1 FROM {table} x JOIN tags g ON g.id = x.tag_id WHERE x.{column} = t.id AND g.slug = $1)"
            ),
            None => "($1 = $1)".to_owned(),
        }
        };
        let slug = tag.map(|t| t.as_str().to_owned()).unwrap_or_default();
        let questions_sql = format!(
            "SELECT t.author_id, t.created_at, t.first_answer_at, {} AS in_tag FROM questions t",
            in_tag("question_tags", "question_id")
        );
        let tips_sql = format!(
            "SELECT t.author_id, t.created_at, {} AS in_tag FROM tips t",
            in_tag("tip_tags", "tip_id")
        );
        let wins_sql = format!(
            "SELECT t.author_id, t.created_at, CAST(t.minutes_saved_per_run * t.runs_per_month * t.people_helped / 60.0 AS DOUBLE PRECISION), {} AS in_tag FROM wins t",
            in_tag("win_tags", "win_id")
        );
        let acts = |rows: Vec<(i64, i64)>| {
            rows.into_iter()
                .map(|(member_id, at)| Act { member_id, at })
                .collect::<Vec<_>>()
        };
        with_pool!(self, pool => {
            let questions: Vec<(i64, i64, Option<i64>, bool)> =
                sqlx::query_as(&questions_sql).bind(&slug).fetch_all(pool).await?;
            let answers: Vec<(i64, i64)> = sqlx::query_as("SELECT author_id, created_at FROM answers").fetch_all(pool).await?;
            let tips: Vec<(i64, i64, bool)> = sqlx::query_as(&tips_sql).bind(&slug).fetch_all(pool).await?;
            let wins: Vec<(i64, i64, f64, bool)> = sqlx::query_as(&wins_sql).bind(&slug).fetch_all(pool).await?;
            let reactions: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT member_id, created_at FROM answer_reactions UNION ALL SELECT member_id, created_at FROM tip_reactions",
            )
            .fetch_all(pool)
            .await?;
            let kudos: Vec<(i64, i64)> = sqlx::query_as("SELECT giver_id, created_at FROM kudos").fetch_all(pool).await?;
            Ok(Activity {
                questions: questions
                    .into_iter()
                    .map(|(author_id, created_at, first_answer_at, in_tag)| QuestionFact { author_id, created_at, first_answer_at, in_tag })
                    .collect(),
                answers: acts(answers),
                tips: tips.into_iter().map(|(member_id, at, in_tag)| (Act { member_id, at }, in_tag)).collect(),
                wins: wins
                    .into_iter()
                    .map(|(author_id, created_at, hours_per_month, in_tag)| WinFact { author_id, created_at, hours_per_month, in_tag })
                    .collect(),
                reactions: acts(reactions),
                kudos: acts(kudos),
            })
        })
    }
}
