//! Tags with their question counts, for dropdowns and browsing; tags moderators create ahead
//! of use; and the check that a trigger's tag filter names a tag that exists.

use super::with_writer;
use super::{now_micros, with_pool, Store, StoreResult};
use crate::domain::search::like_contains;

/// A tag, how many questions carry it, and how many posts (questions, tips and wins).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TagRow {
    pub slug: String,
    pub question_count: i64,
    pub post_count: i64,
}

/// Tags with their counts, as kept by the database's triggers (migration `0013_tag_counts`);
/// posts a moderator hid are not counted. `{filter}` is the WHERE condition on `t`.
const TAG_COUNTS: &str = "SELECT t.slug, t.question_count, t.post_count FROM tags t WHERE {filter}";

/// The same counts computed from the posts themselves: what the kept counts must equal.
const TAG_COUNTS_RECOUNTED: &str = "SELECT t.slug, COALESCE(SUM(u.is_question), 0) AS question_count, COUNT(u.tag_id) AS post_count \
     FROM tags t LEFT JOIN ( \
       SELECT qt.tag_id, 1 AS is_question FROM question_tags qt JOIN questions q ON q.id = qt.question_id WHERE q.hidden_at IS NULL \
       UNION ALL SELECT tt.tag_id, 0 FROM tip_tags tt JOIN tips p ON p.id = tt.tip_id WHERE p.hidden_at IS NULL \
       UNION ALL SELECT wt.tag_id, 0 FROM win_tags wt JOIN wins w ON w.id = wt.win_id WHERE w.hidden_at IS NULL \
     ) u ON u.tag_id = t.id WHERE {filter} GROUP BY t.slug";

impl Store {
    /// Tags starting with `prefix` (all when empty), most used first (questions, tips and wins
    /// together), then by name; tags created ahead of use come last. Posts a moderator hid are
    /// not counted.
    pub async fn tags(&self, prefix: &str, limit: i64) -> StoreResult<Vec<TagRow>> {
        // like_contains gives "%prefix%"; drop the leading '%' for a prefix match.
        let pattern = like_contains(prefix)[1..].to_owned();
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "{} ORDER BY post_count DESC, t.slug LIMIT $2",
                TAG_COUNTS.replace("{filter}", "t.slug LIKE $1 ESCAPE '\\'")
            ))
            .bind(pattern)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Every tag with its counts computed from the posts themselves, by slug — slow (it reads
    /// every post); for checking that the counts kept with the tags are right.
    pub async fn tag_counts_recounted(&self) -> StoreResult<Vec<TagRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "{} ORDER BY t.slug",
                TAG_COUNTS_RECOUNTED.replace("{filter}", "1 = 1")
            ))
            .fetch_all(pool)
            .await?)
        })
    }

    /// Every tag with its kept counts, by slug (see [`Store::tag_counts_recounted`]).
    pub async fn tag_counts(&self) -> StoreResult<Vec<TagRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!("{} ORDER BY t.slug", TAG_COUNTS.replace("{filter}", "1 = 1")))
                .fetch_all(pool)
                .await?)
        })
    }

    /// Whether the tag exists (used on a question, tip or win, or created by a moderator).
    pub async fn tag_exists(&self, slug: &str) -> StoreResult<bool> {
        with_pool!(self, pool => {
            let found: Option<i64> = sqlx::query_scalar("SELECT id FROM tags WHERE slug = $1")
                .bind(slug)
                .fetch_optional(pool)
                .await?;
            Ok(found.is_some())
        })
    }

    /// Every tag's slug, most used first (at most `limit`): the candidates for "did you mean".
    pub async fn tag_slugs(&self, limit: i64) -> StoreResult<Vec<String>> {
        Ok(self
            .tags("", limit)
            .await?
            .into_iter()
            .map(|t| t.slug)
            .collect())
    }

    /// Creates a tag ahead of use; returns it with its count and whether it is new (`false`
    /// when it existed already).
    pub async fn create_tag(&self, slug: &str) -> StoreResult<(TagRow, bool)> {
        let created = with_writer!(self, pool => {
            Ok(sqlx::query("INSERT INTO tags (slug, created_at) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING")
                .bind(slug)
                .bind(now_micros())
                .execute(pool)
                .await?
                .rows_affected()
                == 1)
        })?;
        let row = with_pool!(self, pool => {
            sqlx::query_as(&TAG_COUNTS.replace("{filter}", "t.slug = $1"))
            .bind(slug)
            .fetch_one(pool)
            .await?
        });
        Ok((row, created))
    }
}
