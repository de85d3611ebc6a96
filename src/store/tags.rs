//! Tags with their question counts, for dropdowns and browsing.

use super::{with_pool, Store, StoreResult};
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
}
