//! Tags with their question counts, for dropdowns and browsing; tags moderators create ahead
//! of use; and the check that a trigger's tag filter names a tag that exists.

use super::{now_micros, with_pool, Store, StoreResult};
use crate::domain::search::like_contains;

/// A tag and how many questions carry it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TagRow {
    pub slug: String,
    pub question_count: i64,
}

impl Store {
    /// Tags starting with `prefix` (all when empty), most used first, then by name. Questions
    /// a moderator hid are not counted.
    pub async fn tags(&self, prefix: &str, limit: i64) -> StoreResult<Vec<TagRow>> {
        // like_contains gives "%prefix%"; drop the leading '%' for a prefix match.
        let pattern = like_contains(prefix)[1..].to_owned();
        with_pool!(self, pool => {
            Ok(sqlx::query_as(
                "SELECT t.slug, COUNT(qt.question_id) AS question_count FROM tags t \
                 LEFT JOIN question_tags qt ON qt.tag_id = t.id \
                 AND NOT EXISTS (SELECT 1 FROM questions hq WHERE hq.id = qt.question_id AND hq.hidden_at IS NOT NULL) \
                 WHERE t.slug LIKE $1 ESCAPE '\\' GROUP BY t.slug \
                 ORDER BY question_count DESC, t.slug LIMIT $2",
            )
            .bind(pattern)
            .bind(limit)
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
        let created = with_pool!(self, pool => {
            sqlx::query("INSERT INTO tags (slug, created_at) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING")
                .bind(slug)
                .bind(now_micros())
                .execute(pool)
                .await?
                .rows_affected()
                == 1
        });
        let row = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT t.slug, COUNT(qt.question_id) AS question_count FROM tags t \
                 LEFT JOIN question_tags qt ON qt.tag_id = t.id \
                 AND NOT EXISTS (SELECT 1 FROM questions hq WHERE hq.id = qt.question_id AND hq.hidden_at IS NOT NULL) \
                 WHERE t.slug = $1 GROUP BY t.slug",
            )
            .bind(slug)
            .fetch_one(pool)
            .await?
        });
        Ok((row, created))
    }
}
