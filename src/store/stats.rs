//! The community's activity, read whole for the health figures (computed in
//! `domain::health`). Only ids and timestamps are read, and the member of an anonymous
//! question — or of what its asker did inside its thread — is never read at all (NULL), so
//! no figure can depend on who asked anonymously.

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
            "SELECT CASE WHEN t.anonymous THEN NULL ELSE t.author_id END, t.created_at, t.first_answer_at, {} AS in_tag FROM questions t",
            in_tag("question_tags", "question_id")
        );
        let tips_sql = format!(
            "SELECT t.author_id, t.created_at, {} AS in_tag FROM tips t",
            in_tag("tip_tags", "tip_id")
        );
        let wins_sql = format!(
            "SELECT t.author_id, t.created_at, t.minutes_saved_per_run, t.runs_per_month, t.people_helped, {} AS in_tag FROM wins t",
            in_tag("win_tags", "win_id")
        );
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
