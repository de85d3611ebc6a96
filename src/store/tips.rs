//! Tips: create, read, list and search, edit, delete, "helpful", a random tip, and the tip of
//! the day (one per member per day, never one they were shown before).

use super::events::record_event;
use super::idempotency::{created_before, record_created};
use super::with_writer;
use super::{
    bind_all, link_tag, now_micros, with_pool, BeginWrite, Binds, SortKey, Store, StoreResult,
    Viewer,
};
use crate::domain::event::{EventData, EventMember, EventTip, EventType, NewEvent};
use crate::domain::search::SearchQuery;
use crate::domain::tag::TagSlug;
use crate::domain::tip::TipLevel;

/// A tip as stored, with its author's name and whether the viewer found it helpful.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TipRow {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub title: String,
    pub body: String,
    pub level: String,
    pub featured: bool,
    pub helpful_count: i64,
    pub created_at: i64,
    pub updated_at: i64,
    /// Whether the viewer marked it helpful.
    pub helpful: bool,
    /// 1 when every search term is in the title, else 0.
    pub rank: i64,
    /// The listing's sort value (creation time).
    pub sort_key: i64,
    /// Whether a moderator hid it (then only its author and moderators get this row).
    pub hidden: bool,
    /// Why a moderator hid it.
    pub hidden_reason: Option<String>,
    #[sqlx(skip)]
    pub tags: Vec<String>,
}

/// The one rule for which tips `t` a viewer (`$1`) who does not moderate may see: those not
/// hidden by a moderator, and their own. A random tip or a tip of the day is never a hidden one.
pub(crate) const TIP_VISIBLE: &str = "(t.hidden_at IS NULL OR t.author_id = $1)";

/// A tip to create.
#[derive(Debug, Clone)]
pub struct NewTip<'a> {
    pub author_id: i64,
    pub title: &'a str,
    pub body: &'a str,
    pub search_title: &'a str,
    pub search_body: &'a str,
    pub level: TipLevel,
    pub featured: bool,
    pub tags: &'a [TagSlug],
}

/// Changes to a tip; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct TipChanges<'a> {
    pub title: Option<(&'a str, &'a str)>,
    pub body: Option<(&'a str, &'a str)>,
    pub level: Option<TipLevel>,
    pub featured: Option<bool>,
    pub tags: Option<&'a [TagSlug]>,
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct TipFilter {
    pub tag: Option<TagSlug>,
    pub level: Option<TipLevel>,
    pub featured: Option<bool>,
    pub search: Option<SearchQuery>,
    pub after: Option<SortKey>,
    pub limit: i64,
}

/// SELECT list for tips; `$1` is the viewer's member id.
fn select_tips(rank_expr: &str) -> String {
    format!(
        "SELECT t.id, t.author_id, m.display_name AS author_name, t.title, t.body, t.level, t.featured, \
         t.helpful_count, t.created_at, t.updated_at, \
         EXISTS (SELECT 1 FROM tip_reactions r WHERE r.tip_id = t.id AND r.member_id = $1) AS helpful, \
         CAST({rank_expr} AS BIGINT) AS rank, t.created_at AS sort_key, \
         t.hidden_at IS NOT NULL AS hidden, t.hidden_reason \
         FROM tips t JOIN members m ON m.id = t.author_id"
    )
}

impl Store {
    /// Creates a tip with its tags; returns its id.
    pub async fn create_tip(&self, new: &NewTip<'_>) -> StoreResult<i64> {
        let now = now_micros();
        let sqlite = self.is_sqlite();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let Some(id) = created_before!(tx, "tip") {
                tx.commit().await?;
                return Ok(id);
            }
            let (grams, grams_value, grams_bind) =
                super::new_post_grams(sqlite, 9, new.search_title, new.search_body);
            let sql = format!(
                "INSERT INTO tips (author_id, title, body, search_title, search_body, level, featured, created_at, updated_at{grams}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8{grams_value}) \
                 RETURNING id, (SELECT display_name FROM members WHERE id = $1)",
            );
            let mut insert = sqlx::query_as(&sql)
                .bind(new.author_id)
                .bind(new.title)
                .bind(new.body)
                .bind(new.search_title)
                .bind(new.search_body)
                .bind(new.level.as_str())
                .bind(new.featured)
                .bind(now);
            if let Some(grams) = grams_bind {
                insert = insert.bind(grams);
            }
            let (id, author): (i64, String) = insert.fetch_one(&mut *tx).await?;
            super::index_grams!(new tx, sqlite, "tips", id, new.search_title, new.search_body);
            for tag in new.tags {
                link_tag!(tx, "tip_tags", "tip_id", id, tag.as_str(), now);
            }
            record_created!(tx, "tip", id);
            let tags: Vec<String> = new.tags.iter().map(|t| t.as_str().to_owned()).collect();
            let event = NewEvent {
                event_type: EventType::TipPublished,
                tags: tags.clone(),
                data: EventData {
                    tip: Some(EventTip {
                        id,
                        title: new.title.to_owned(),
                        tags,
                        level: new.level,
                        author: EventMember::new(new.author_id, author),
                        link: String::new(),
                        web_url: String::new(),
                    }),
                    ..EventData::default()
                },
                level: Some(new.level),
                audience: Some(new.author_id),
                dedupe_key: None,
            };
            record_event!(tx, &event, now);
            tx.commit().await?;
            self.outbox_written();
            Ok(id)
        })
    }

    /// One tip as `viewer` sees it, or `None` (also when it is hidden from them).
    pub async fn tip(&self, id: i64, viewer: impl Into<Viewer>) -> StoreResult<Option<TipRow>> {
        let viewer = viewer.into();
        let sql = format!(
            "{} WHERE t.id = $2 AND {}",
            select_tips("0"),
            viewer.sees(TIP_VISIBLE)
        );
        let row: Option<TipRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(viewer.member_id).bind(id).fetch_optional(pool).await?
        });
        Ok(self.tips_with_tags(row.into_iter().collect()).await?.pop())
    }

    /// A page of tips, newest first (title matches first when searching).
    pub async fn list_tips(
        &self,
        viewer: impl Into<Viewer>,
        filter: &TipFilter,
    ) -> StoreResult<Vec<TipRow>> {
        let viewer = viewer.into();
        let mut binds = Binds::default();
        binds.int(viewer.member_id);
        let mut conditions = vec![viewer.sees(TIP_VISIBLE).to_owned()];
        if let Some(tag) = &filter.tag {
            let p = binds.text(tag.as_str());
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM tip_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.tip_id = t.id AND g.slug = {p})"
            ));
        }
        if let Some(level) = filter.level {
            let p = binds.text(level.as_str());
            conditions.push(format!("t.level = {p}"));
        }
        if let Some(featured) = filter.featured {
            conditions.push(format!(
                "t.featured = {}",
                if featured { "TRUE" } else { "FALSE" }
            ));
        }
        let mut rank_expr = "0".to_owned();
        if let Some(search) = &filter.search {
            // Tips are few: one query, ranked (title matches first) after matching.
            let in_title = self.search_condition("t", "tips_grams", search, true, &mut binds);
            let elsewhere = self.search_condition("t", "tips_grams", search, false, &mut binds);
            conditions.push(format!("(({in_title}) OR ({elsewhere}))"));
            rank_expr = format!("CASE WHEN {in_title} THEN 1 ELSE 0 END");
        }
        let ranked = filter.search.is_some();
        if let Some(after) = filter.after {
            let (k, i) = (binds.int(after.sort_key), binds.int(after.id));
            if ranked {
                let r = binds.int(after.rank);
                conditions.push(format!(
                    "(CAST({rank_expr} AS BIGINT), t.created_at, t.id) < ({r}, {k}, {i})"
                ));
            } else {
                conditions.push(format!("(t.created_at, t.id) < ({k}, {i})"));
            }
        }
        let limit = binds.int(filter.limit);
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        let sql = format!(
            "{}{where_clause} ORDER BY {}t.created_at DESC, t.id DESC LIMIT {limit}",
            select_tips(&rank_expr),
            if ranked { "rank DESC, " } else { "" },
        );
        let rows: Vec<TipRow> = with_pool!(self, pool => {
            bind_all!(sqlx::query_as(&sql), &binds.0).fetch_all(pool).await?
        });
        self.tips_with_tags(rows).await
    }

    /// Applies changes to a tip; false when it does not exist.
    pub async fn update_tip(&self, id: i64, changes: &TipChanges<'_>) -> StoreResult<bool> {
        let now = now_micros();
        let sqlite = self.is_sqlite();
        let text_changed = changes.title.is_some() || changes.body.is_some();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found = sqlx::query(
                "UPDATE tips SET \
                 title = COALESCE($2, title), search_title = COALESCE($3, search_title), \
                 body = COALESCE($4, body), search_body = COALESCE($5, search_body), \
                 level = COALESCE($6, level), featured = COALESCE($7, featured), updated_at = $8 \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(changes.title.map(|t| t.0))
            .bind(changes.title.map(|t| t.1))
            .bind(changes.body.map(|b| b.0))
            .bind(changes.body.map(|b| b.1))
            .bind(changes.level.map(TipLevel::as_str))
            .bind(changes.featured)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if found && text_changed {
                super::index_grams!(tx, sqlite, "tips", id);
            }
            if found {
                if let Some(tags) = changes.tags {
                    sqlx::query("DELETE FROM tip_tags WHERE tip_id = $1").bind(id).execute(&mut *tx).await?;
                    for tag in tags {
                        link_tag!(tx, "tip_tags", "tip_id", id, tag.as_str(), now);
                    }
                }
            }
            tx.commit().await?;
            Ok(found)
        })
    }

    /// Deletes a tip; false when absent.
    pub async fn delete_tip(&self, id: i64) -> StoreResult<bool> {
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            super::events::forget_events!(tx, "tip_id", id);
            let done = sqlx::query("DELETE FROM tips WHERE id = $1").bind(id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Adds or removes a member's "helpful" on a tip (idempotently).
    pub async fn set_tip_helpful(&self, tip_id: i64, member_id: i64, on: bool) -> StoreResult<()> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // Row lock first, so the recount sees every concurrent change that committed before.
            sqlx::query("UPDATE tips SET helpful_count = helpful_count WHERE id = $1").bind(tip_id).execute(&mut *tx).await?;
            if on {
                sqlx::query("INSERT INTO tip_reactions (tip_id, member_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(tip_id).bind(member_id).bind(now).execute(&mut *tx).await?;
            } else {
                sqlx::query("DELETE FROM tip_reactions WHERE tip_id = $1 AND member_id = $2")
                    .bind(tip_id).bind(member_id).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE tips SET helpful_count = (SELECT COUNT(*) FROM tip_reactions WHERE tip_id = $1) WHERE id = $1")
                .bind(tip_id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// A random tip (never a hidden one), optionally of a tag and a level.
    pub async fn random_tip(
        &self,
        viewer: i64,
        tag: Option<&TagSlug>,
        level: Option<TipLevel>,
    ) -> StoreResult<Option<TipRow>> {
        let mut binds = Binds::default();
        binds.int(viewer);
        let mut conditions = vec!["t.hidden_at IS NULL".to_owned()];
        if let Some(tag) = tag {
            let p = binds.text(tag.as_str());
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM tip_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.tip_id = t.id AND g.slug = {p})"
            ));
        }
        if let Some(level) = level {
            let p = binds.text(level.as_str());
            conditions.push(format!("t.level = {p}"));
        }
        let sql = format!(
            "{} WHERE {} ORDER BY RANDOM() LIMIT 1",
            select_tips("0"),
            conditions.join(" AND ")
        );
        let row: Option<TipRow> = with_pool!(self, pool => {
            bind_all!(sqlx::query_as(&sql), &binds.0).fetch_optional(pool).await?
        });
        Ok(self.tips_with_tags(row.into_iter().collect()).await?.pop())
    }

    /// The member's tip for `day`: the one already chosen today, or a new one at `level` they
    /// have never been shown — tips in their interest tags first, then featured, then oldest.
    /// Hidden tips are never chosen. `None` when no such tip is left (or today's was hidden).
    pub async fn daily_tip(
        &self,
        member_id: i64,
        day: &str,
        level: TipLevel,
    ) -> StoreResult<Option<TipRow>> {
        let chosen = "SELECT tip_id FROM tip_deliveries WHERE member_id = $1 AND day = $2";
        let existing: Option<i64> = with_pool!(self, pool => {
            sqlx::query_scalar(chosen).bind(member_id).bind(day).fetch_optional(pool).await?
        });
        if let Some(tip_id) = existing {
            return self.tip(tip_id, member_id).await;
        }
        let now = now_micros();
        let tip_id: Option<i64> = with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let candidate: Option<i64> = sqlx::query_scalar(
                "SELECT t.id FROM tips t WHERE t.level = $2 AND t.hidden_at IS NULL \
                 AND NOT EXISTS (SELECT 1 FROM tip_deliveries d WHERE d.member_id = $1 AND d.tip_id = t.id) \
                 ORDER BY CASE WHEN EXISTS (SELECT 1 FROM tip_tags tt JOIN member_tags mt ON mt.tag_id = tt.tag_id \
                   WHERE tt.tip_id = t.id AND mt.member_id = $1 AND mt.kind = 'interest') THEN 0 ELSE 1 END, \
                 CASE WHEN t.featured THEN 0 ELSE 1 END, t.id \
                 LIMIT 1",
            )
            .bind(member_id)
            .bind(level.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(tip_id) = candidate {
                // Another request of the same member may have chosen first: keep its choice.
                sqlx::query("INSERT INTO tip_deliveries (member_id, day, tip_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                    .bind(member_id)
                    .bind(day)
                    .bind(tip_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            let chosen_now: Option<i64> = sqlx::query_scalar(chosen).bind(member_id).bind(day).fetch_optional(&mut *tx).await?;
            tx.commit().await?;
            Ok(chosen_now)
        })?;
        match tip_id {
            Some(id) => self.tip(id, member_id).await,
            None => Ok(None),
        }
    }

    async fn tips_with_tags(&self, mut rows: Vec<TipRow>) -> StoreResult<Vec<TipRow>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut by_tip = self.tags_of("tip_tags", "tip_id", &ids).await?;
        for row in &mut rows {
            row.tags = by_tip.remove(&row.id).unwrap_or_default();
        }
        Ok(rows)
    }
}
