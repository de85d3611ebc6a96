//! Members, their API keys and the one-time bootstrap of the first admin.

use super::idempotency::{created_before, record_created};
use super::with_writer;
use super::{
    end_sessions_and_triggers, now_micros, revoke_every_key, unique_as, with_pool, BeginWrite,
    Store, StoreResult,
};
use crate::domain::member::Role;

/// A member as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub display_name: String,
    pub email: Option<String>,
    pub role: String,
    pub created_at: i64,
    pub level: String,
    pub department: Option<String>,
    pub show_on_leaderboard: bool,
    /// `en` or `ja`, when the member chose one.
    pub language: Option<String>,
}

impl MemberRow {
    /// The member's role.
    pub fn role(&self) -> Role {
        Role::from_stored(&self.role)
    }
}

/// An API key as stored (never the secret, only its hash).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyRow {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: i64,
}

/// A member to create.
#[derive(Debug, Clone)]
pub struct NewMember<'a> {
    pub display_name: &'a str,
    pub email: Option<&'a str>,
    pub role: Role,
}

/// A key to store: its label, display prefix and hash.
#[derive(Debug, Clone)]
pub struct NewApiKey<'a> {
    pub name: &'a str,
    pub prefix: &'a str,
    pub hash: &'a str,
}

const MEMBER_COLUMNS: &str =
    "id, display_name, email, role, created_at, level, department, show_on_leaderboard, language";
const KEY_COLUMNS: &str = "id, member_id, name, prefix, created_at";

impl Store {
    /// Creates a member and, when `key` is given, their first API key, in one transaction.
    pub async fn create_member(
        &self,
        member: &NewMember<'_>,
        key: Option<&NewApiKey<'_>>,
    ) -> StoreResult<(MemberRow, Option<ApiKeyRow>)> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // A retry after a crash finds the member its first run created; it still gets a
            // new first key below, because the first run's secret never reached anyone.
            let row: MemberRow = match created_before!(tx, "member") {
                Some(id) => sqlx::query_as(&format!("SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1"))
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?,
                None => {
                    let row: MemberRow = sqlx::query_as(&format!(
                        "INSERT INTO members (display_name, email, role, created_at) VALUES ($1, $2, $3, $4) RETURNING {MEMBER_COLUMNS}"
                    ))
                    .bind(member.display_name)
                    .bind(member.email)
                    .bind(member.role.as_str())
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(unique_as("email"))?;
                    record_created!(tx, "member", row.id);
                    row
                }
            };
            let key_row = match key {
                Some(key) => Some(
                    sqlx::query_as(&format!(
                        "INSERT INTO api_keys (member_id, name, prefix, key_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING {KEY_COLUMNS}"
                    ))
                    .bind(row.id)
                    .bind(key.name)
                    .bind(key.prefix)
                    .bind(key.hash)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?,
                ),
                None => None,
            };
            tx.commit().await?;
            Ok((row, key_row))
        })
    }

    /// Creates the first admin with a key, once per database: returns `None` when an earlier
    /// start (or another replica) already did, so the key is printed exactly once.
    pub async fn bootstrap_admin(
        &self,
        member: &NewMember<'_>,
        key: &NewApiKey<'_>,
    ) -> StoreResult<Option<(MemberRow, ApiKeyRow)>> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let claimed = sqlx::query(
                "INSERT INTO bootstrap_events (name, happened_at) VALUES ('first_admin_key', $1) ON CONFLICT (name) DO NOTHING",
            )
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members")
                .fetch_one(&mut *tx)
                .await?;
            if claimed == 0 || existing > 0 {
                // Roll back so a database that already has members keeps its history as it was.
                tx.rollback().await?;
                return Ok(None);
            }
            let row: MemberRow = sqlx::query_as(&format!(
                "INSERT INTO members (display_name, email, role, created_at) VALUES ($1, $2, $3, $4) RETURNING {MEMBER_COLUMNS}"
            ))
            .bind(member.display_name)
            .bind(member.email)
            .bind(member.role.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let key_row: ApiKeyRow = sqlx::query_as(&format!(
                "INSERT INTO api_keys (member_id, name, prefix, key_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING {KEY_COLUMNS}"
            ))
            .bind(row.id)
            .bind(key.name)
            .bind(key.prefix)
            .bind(key.hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Some((row, key_row)))
        })
    }

    /// A member by id.
    pub async fn member(&self, id: i64) -> StoreResult<Option<MemberRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!("SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// The member owning an unrevoked API key with this hash.
    pub async fn member_by_key_hash(&self, hash: &str) -> StoreResult<Option<MemberRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(
                "SELECT m.id, m.display_name, m.email, m.role, m.created_at, m.level, m.department, m.show_on_leaderboard, m.language FROM api_keys k JOIN members m ON m.id = k.member_id WHERE k.key_hash = $1 AND k.revoked_at IS NULL",
            )
            .bind(hash)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Stores a new API key for a member.
    pub async fn create_api_key(
        &self,
        member_id: i64,
        key: &NewApiKey<'_>,
    ) -> StoreResult<ApiKeyRow> {
        with_writer!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "INSERT INTO api_keys (member_id, name, prefix, key_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING {KEY_COLUMNS}"
            ))
            .bind(member_id)
            .bind(key.name)
            .bind(key.prefix)
            .bind(key.hash)
            .bind(now_micros())
            .fetch_one(pool)
            .await?)
        })
    }

    /// Revokes every key of a member and ends their browser sessions and trigger subscriptions
    /// ("start over", see `end_sessions_and_triggers!`); returns how many keys were revoked.
    pub async fn revoke_all_api_keys(&self, member_id: i64) -> StoreResult<u64> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let revoked = revoke_every_key!(tx, member_id, now);
            tx.commit().await?;
            Ok(revoked)
        })
    }

    /// A member's unrevoked keys, newest first.
    pub async fn api_keys(&self, member_id: i64) -> StoreResult<Vec<ApiKeyRow>> {
        with_pool!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "SELECT {KEY_COLUMNS} FROM api_keys WHERE member_id = $1 AND revoked_at IS NULL ORDER BY id DESC"
            ))
            .bind(member_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Revokes one of a member's keys, ends every browser session of the member and every
    /// trigger subscription of theirs (see `end_sessions_and_triggers!`); false when they have
    /// no such unrevoked key.
    pub async fn revoke_api_key(&self, member_id: i64, key_id: i64) -> StoreResult<bool> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(
                "UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND member_id = $3 AND revoked_at IS NULL",
            )
            .bind(now)
            .bind(key_id)
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                end_sessions_and_triggers!(tx, member_id, now);
            }
            tx.commit().await?;
            Ok(done.rows_affected() == 1)
        })
    }
}

/// A person as the identity provider describes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityRecord<'a> {
    /// The provider (its configured issuer).
    pub issuer: &'a str,
    /// The person's stable id at the provider.
    pub subject: &'a str,
    /// Display name (already validated).
    pub display_name: &'a str,
    /// E-mail address (lower case), if the provider gave one.
    pub email: Option<&'a str>,
    /// Whether `email` is verified, so it may link to a member an admin created with it.
    pub email_verified: bool,
}

impl Store {
    /// The member for a signed-in identity: found by (issuer, subject), else linked to the
    /// member with the same verified e-mail (pre-created by an admin, nobody signed in as it
    /// yet), else created. A link by e-mail never carries a stored moderator or admin role:
    /// the member signs in as a member until an admin confirms the role (`PUT
    /// /members/{id}/role`). Name and e-mail follow the provider. Writes only when something
    /// changed.
    pub async fn member_for_identity(
        &self,
        identity: &IdentityRecord<'_>,
    ) -> StoreResult<MemberRow> {
        for attempt in 0..3 {
            match self.member_for_identity_once(identity).await {
                // Two first requests of the same person raced; the other one created it.
                Err(super::StoreError::Duplicate(_)) if attempt < 2 => continue,
                other => return other,
            }
        }
        Err(super::StoreError::Duplicate("identity"))
    }

    async fn member_for_identity_once(
        &self,
        identity: &IdentityRecord<'_>,
    ) -> StoreResult<MemberRow> {
        let select =
            "SELECT m.id, m.display_name, m.email, m.role, m.created_at, m.level, m.department, m.show_on_leaderboard, m.language FROM member_identities i \
                      JOIN members m ON m.id = i.member_id WHERE i.issuer = $1 AND i.subject = $2";
        let existing: Option<MemberRow> = with_pool!(self, pool => {
            sqlx::query_as(select).bind(identity.issuer).bind(identity.subject).fetch_optional(pool).await?
        });
        if let Some(member) = &existing {
            let unchanged = member.display_name == identity.display_name
                && (identity.email.is_none() || member.email.as_deref() == identity.email);
            if unchanged {
                return Ok(member.clone());
            }
        }
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let email_owner: Option<i64> = match identity.email {
                Some(email) => sqlx::query_scalar("SELECT id FROM members WHERE email = $1")
                    .bind(email)
                    .fetch_optional(&mut *tx)
                    .await?,
                None => None,
            };
            let member_id = match &existing {
                Some(member) => {
                    // Keep the old address if another member already uses the new one.
                    let email = match email_owner {
                        Some(owner) if owner != member.id => member.email.as_deref(),
                        _ => identity.email.or(member.email.as_deref()),
                    };
                    sqlx::query("UPDATE members SET display_name = $2, email = $3 WHERE id = $1")
                        .bind(member.id)
                        .bind(identity.display_name)
                        .bind(email)
                        .execute(&mut *tx)
                        .await?;
                    member.id
                }
                None => {
                    // Link by e-mail only to a member nobody has signed in as yet (one an
                    // admin created ahead); otherwise the address stays with its owner.
                    let linkable = match email_owner {
                        Some(owner) if identity.email_verified => {
                            let identities: i64 = sqlx::query_scalar(
                                "SELECT COUNT(*) FROM member_identities WHERE member_id = $1",
                            )
                            .bind(owner)
                            .fetch_one(&mut *tx)
                            .await?;
                            (identities == 0).then_some(owner)
                        }
                        _ => None,
                    };
                    let new_email = if email_owner.is_some() { None } else { identity.email };
                    let member_id = match linkable {
                        Some(owner) => {
                            // Link to the member an admin created with this address, as a
                            // member: an e-mail claim is not proof enough for a role.
                            let demoted = sqlx::query(
                                "UPDATE members SET display_name = $2, role = 'member' WHERE id = $1 AND role <> 'member'",
                            )
                            .bind(owner)
                            .bind(identity.display_name)
                            .execute(&mut *tx)
                            .await?
                            .rows_affected();
                            // The keys issued when the admin created this member were shown
                            // to the admin: from now on the person signs in, and no one else
                            // holds a working key of theirs.
                            // …nor a browser session or a trigger made with one of those keys.
                            revoke_every_key!(tx, owner, now);
                            if demoted > 0 {
                                // Not at info or above: this runs inside the person's first request,
                                // which may be an anonymous question.
                                tracing::debug!(
                                    member_id = owner,
                                    "a first sign-in was linked by e-mail to a member created with a role; the role is not carried over until an admin confirms it with PUT /api/v1/members/{{id}}/role"
                                );
                            } else {
                                sqlx::query("UPDATE members SET display_name = $2 WHERE id = $1")
                                    .bind(owner)
                                    .bind(identity.display_name)
                                    .execute(&mut *tx)
                                    .await?;
                            }
                            owner
                        }
                        None => sqlx::query_scalar(
                            "INSERT INTO members (display_name, email, role, created_at) VALUES ($1, $2, 'member', $3) RETURNING id",
                        )
                        .bind(identity.display_name)
                        .bind(new_email)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(unique_as("member"))?,
                    };
                    sqlx::query(
                        "INSERT INTO member_identities (issuer, subject, member_id, created_at) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(identity.issuer)
                    .bind(identity.subject)
                    .bind(member_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(unique_as("identity"))?;
                    member_id
                }
            };
            let member: MemberRow = sqlx::query_as(&format!("SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1"))
                .bind(member_id)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(member)
        })
    }

    /// The member of a browser session issued at `issued` (µs), and whether a sign-out since
    /// ended it; one query, on every request a signed-in browser makes.
    pub async fn session_member(
        &self,
        member_id: i64,
        issued: i64,
    ) -> StoreResult<Option<(MemberRow, bool)>> {
        #[derive(sqlx::FromRow)]
        struct SessionRow {
            #[sqlx(flatten)]
            member: MemberRow,
            signed_out: bool,
        }
        let sql = format!(
            "SELECT {MEMBER_COLUMNS}, COALESCE(sessions_ended_at >= $2, FALSE) AS signed_out \
             FROM members WHERE id = $1"
        );
        let row: Option<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(member_id).bind(issued).fetch_optional(pool).await?
        });
        Ok(row.map(|r| (r.member, r.signed_out)))
    }

    /// Ends every browser session of a member issued until `at` (microseconds since the epoch).
    pub async fn end_sessions(&self, member_id: i64, at: i64) -> StoreResult<()> {
        with_writer!(self, pool => {
            sqlx::query("UPDATE members SET sessions_ended_at = $2 WHERE id = $1")
                .bind(member_id)
                .bind(at)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Sets a member's stored role; `None` when there is no such member.
    pub async fn set_member_role(
        &self,
        member_id: i64,
        role: Role,
    ) -> StoreResult<Option<MemberRow>> {
        with_writer!(self, pool => {
            Ok(sqlx::query_as(&format!(
                "UPDATE members SET role = $2 WHERE id = $1 RETURNING {MEMBER_COLUMNS}"
            ))
            .bind(member_id)
            .bind(role.as_str())
            .fetch_optional(pool)
            .await?)
        })
    }
}

/// A member's own settings; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct MemberSettings<'a> {
    /// `Some(None)` clears the department.
    pub department: Option<Option<&'a str>>,
    pub level: Option<crate::domain::tip::TipLevel>,
    pub interests: Option<&'a [crate::domain::tag::TagSlug]>,
    pub helper_tags: Option<&'a [crate::domain::tag::TagSlug]>,
    pub show_on_leaderboard: Option<bool>,
    /// `Some(None)` goes back to the request's language.
    pub language: Option<Option<crate::i18n::Language>>,
}

impl Store {
    /// Applies a member's settings.
    pub async fn update_member_settings(
        &self,
        member_id: i64,
        settings: &MemberSettings<'_>,
    ) -> StoreResult<()> {
        let now = now_micros();
        with_writer!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "UPDATE members SET \
                 department = CASE WHEN $2 THEN $3 ELSE department END, \
                 level = COALESCE($4, level), \
                 show_on_leaderboard = COALESCE($5, show_on_leaderboard), \
                 language = CASE WHEN $6 THEN $7 ELSE language END WHERE id = $1",
            )
            .bind(member_id)
            .bind(settings.department.is_some())
            .bind(settings.department.flatten())
            .bind(settings.level.map(|l| l.as_str()))
            .bind(settings.show_on_leaderboard)
            .bind(settings.language.is_some())
            .bind(settings.language.flatten().map(|l| l.tag()))
            .execute(&mut *tx)
            .await?;
            for (kind, tags) in [("interest", settings.interests), ("helper", settings.helper_tags)] {
                let Some(tags) = tags else { continue };
                sqlx::query("DELETE FROM member_tags WHERE member_id = $1 AND kind = $2")
                    .bind(member_id)
                    .bind(kind)
                    .execute(&mut *tx)
                    .await?;
                for tag in tags {
                    sqlx::query("INSERT INTO tags (slug, created_at) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING")
                        .bind(tag.as_str())
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query(
                        "INSERT INTO member_tags (member_id, tag_id, kind) SELECT $1, id, $3 FROM tags WHERE slug = $2 ON CONFLICT DO NOTHING",
                    )
                    .bind(member_id)
                    .bind(tag.as_str())
                    .bind(kind)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// A member's interest and helper tags: `(interests, helper_tags)`.
    pub async fn member_tags(&self, member_id: i64) -> StoreResult<(Vec<String>, Vec<String>)> {
        let rows: Vec<(String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT mt.kind, t.slug FROM member_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.member_id = $1 ORDER BY t.slug",
            )
            .bind(member_id)
            .fetch_all(pool)
            .await?
        });
        let mut interests = Vec::new();
        let mut helper = Vec::new();
        for (kind, slug) in rows {
            if kind == "interest" {
                interests.push(slug)
            } else {
                helper.push(slug)
            }
        }
        Ok((interests, helper))
    }
}
