//! Members and personal API keys.

use crate::api::extract::Json;
use crate::api::links::Links;
use crate::api::{timestamp, AppState};
use crate::auth::{api_keys, Caller};
use crate::domain::member::{parse_display_name, parse_email, parse_key_name, Role};
use crate::domain::tag::TagSlug;
use crate::domain::tip::TipLevel;
use crate::error::{ApiError, FieldErrors, Problem};
use crate::store::members::{ApiKeyRow, MemberRow, MemberSettings, NewApiKey, NewMember};
use crate::store::StoreError;
use actix_web::{delete, get, http::header, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A member of the community, with their own settings.
#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    /// Member id.
    #[schema(example = 7)]
    pub id: i64,
    /// The name shown to others.
    #[schema(example = "山田 花子")]
    pub display_name: String,
    /// E-mail address, when known (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "hanako.yamada@example.co.jp")]
    pub email: Option<String>,
    /// What the member may do.
    pub role: Role,
    /// Department, when given (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "経理部")]
    pub department: Option<String>,
    /// The member's level; it chooses their tip of the day.
    pub level: TipLevel,
    /// Topics the member is interested in (their tips of the day prefer these).
    #[schema(example = json!(["approvals", "excel"]))]
    pub interests: Vec<String>,
    /// Topics in which the member is happy to be asked for help.
    #[schema(example = json!(["sharepoint"]))]
    pub helper_tags: Vec<String>,
    /// Whether the member chose to appear on the leaderboard (private by default).
    pub show_on_leaderboard: bool,
    /// The language the member reads error messages in, when they chose one (absent: the
    /// request's `Accept-Language`, else the server's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::i18n::Language>,
    /// When the member joined.
    pub created_at: DateTime<Utc>,
    /// The member's profile page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/members/7")]
    pub web_url: String,
}

/// A stored member with their tags, as the API shows them to themselves and to admins.
pub async fn member_view(
    state: &AppState,
    row: MemberRow,
    links: &Links,
) -> Result<Member, ApiError> {
    let (interests, helper_tags) = state.store.member_tags(row.id).await?;
    Ok(Member {
        id: row.id,
        role: row.role(),
        level: TipLevel::from_stored(&row.level),
        display_name: row.display_name,
        email: row.email,
        department: row.department,
        interests,
        helper_tags,
        show_on_leaderboard: row.show_on_leaderboard,
        language: row
            .language
            .as_deref()
            .and_then(crate::i18n::Language::parse),
        web_url: links.site(&crate::domain::pages::member(row.id)),
        created_at: timestamp(row.created_at),
    })
}

/// A member as other members see them: no e-mail address.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberProfile {
    /// Member id.
    #[schema(example = 7)]
    pub id: i64,
    /// The name shown to others.
    #[schema(example = "山田 花子")]
    pub display_name: String,
    /// What the member may do.
    pub role: Role,
    /// When the member joined.
    pub created_at: DateTime<Utc>,
    /// Answers written (not counting an anonymous asker's answers to their own question).
    pub answers: i64,
    /// Answers the asker accepted (self-answers do not count).
    pub accepted_answers: i64,
    /// "Helpful" reactions received on answers and tips.
    pub helpful_received: i64,
    /// Kudos received on wins and answers.
    pub kudos_received: i64,
    /// Tips written.
    pub tips_written: i64,
    /// Wins logged.
    pub wins_logged: i64,
    /// Hours saved per month by other members' wins that name a tip this member wrote or a
    /// question they answered (accepted or helpful answer); each win counts once.
    pub hours_saved_credited: f64,
    /// The member's profile page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/members/7")]
    pub web_url: String,
}

/// A personal API key, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKey {
    /// Key id (use it to revoke the key).
    #[schema(example = 3)]
    pub id: i64,
    /// The label given when the key was made.
    #[schema(example = "Power Automate")]
    pub name: String,
    /// The key's first characters, to recognise it.
    #[schema(example = "tsu_AbCdEfGh")]
    pub prefix: String,
    /// When the key was made.
    pub created_at: DateTime<Utc>,
}

impl From<ApiKeyRow> for ApiKey {
    fn from(row: ApiKeyRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            created_at: timestamp(row.created_at),
        }
    }
}

/// A newly made API key, with its secret. The secret is shown this once and never again.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    /// The key's details.
    #[serde(flatten)]
    pub key: ApiKey,
    /// The secret key: send it as `Authorization: Bearer <key>`. Store it now; it cannot be shown again.
    #[schema(example = "tsu_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg")]
    pub secret: String,
}

/// A list of API keys.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyList {
    /// The keys, newest first.
    pub items: Vec<ApiKey>,
}

/// A member to create.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateMember {
    /// The name shown to others, 1–80 characters.
    #[schema(
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        min_length = 1,
        max_length = 80,
        example = "山田 花子"
    )]
    pub display_name: String,
    /// E-mail address (unique), optional.
    #[schema(
        max_length = 254,
        pattern = r"^[^@\s\u0000-\u001F\u007F-\u009F]+@[^@\s.\u0000-\u001F\u007F-\u009F]([^@\s\u0000-\u001F\u007F-\u009F]*\.)+[^@\s.\u0000-\u001F\u007F-\u009F]+$",
        example = "hanako.yamada@example.co.jp"
    )]
    pub email: Option<String>,
    /// Role; `member` when absent.
    pub role: Option<Role>,
    /// Also make a first API key for the member (default true).
    pub issue_api_key: Option<bool>,
}

/// The created member and, unless declined, their first API key (secret shown once).
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedMember {
    /// The new member.
    pub member: Member,
    /// Their first API key, with its secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key: Option<CreatedApiKey>,
}

/// A key to create.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    /// A label to recognise the key by, 1–80 characters.
    #[schema(
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        min_length = 1,
        max_length = 80,
        example = "Power Automate"
    )]
    pub name: String,
}

/// Creates a member and an API key in one step (the domain half of `POST /members` and of the
/// `tsunagu admin create-member` command).
pub async fn create_member_with_key(
    state: &AppState,
    input: &CreateMember,
    links: &Links,
) -> Result<CreatedMember, ApiError> {
    let mut errors = Vec::new();
    let name = parse_display_name(&input.display_name)
        .map_err(|e| errors.push(e))
        .ok();
    let email = match &input.email {
        Some(e) => parse_email(e).map_err(|e| errors.push(e)).ok(),
        None => None,
    };
    let (Some(name), true) = (name, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let generated = input.issue_api_key.unwrap_or(true).then(api_keys::generate);
    let new_key = generated.as_ref().map(|g| NewApiKey {
        name: "first key",
        prefix: &g.prefix,
        hash: &g.hash,
    });
    let member = NewMember {
        display_name: &name,
        email: email.as_deref(),
        role: input.role.unwrap_or_default(),
    };
    let (member, key) = state
        .store
        .create_member(&member, new_key.as_ref())
        .await
        .map_err(|e| match e {
            StoreError::Duplicate(_) => ApiError::Conflict(
                "email_taken",
                crate::error::Text::say("email-taken", vec![]),
            ),
            other => other.into(),
        })?;
    Ok(CreatedMember {
        member: member_view(state, member, links).await?,
        api_key: key.zip(generated).map(|(row, g)| CreatedApiKey {
            key: row.into(),
            secret: g.secret,
        }),
    })
}

/// Create a member
///
/// Creates a member and, unless `issue_api_key` is false, their first API key, whose secret
/// is in the response once. Admins only.
#[utoipa::path(
    tag = "members",
    operation_id = "CreateMember",
    request_body = CreateMember,
    responses(
        (status = 201, description = "Created", body = CreatedMember, headers(("Location" = String, description = "URL of the new member"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "E-mail already in use", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/members")]
pub async fn create_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<CreateMember>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Admin)?;
    let links = Links::new(&state, &req);
    let created = create_member_with_key(&state, &input, &links).await?;
    tracing::info!(member_id = created.member.id, "member created");
    let location = links.api(&format!("/members/{}", created.member.id));
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(created))
}

/// Get a member
///
/// Returns a member's public profile (no e-mail address) with their recognition figures. It
/// never reveals anonymous questions.
#[utoipa::path(
    tag = "members",
    operation_id = "GetMember",
    params(("id" = i64, Path, description = "Member id")),
    responses(
        (status = 200, description = "The member", body = MemberProfile),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such member", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/members/{id}")]
pub async fn get_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    _caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let links = Links::new(&state, &req);
    Ok(HttpResponse::Ok().json(member_profile(&state, id.into_inner(), &links).await?))
}

/// Member `id` as other members see them (the API's `GET /members/{id}` and the profile
/// page); 404 when there is no such member.
pub async fn member_profile(
    state: &AppState,
    id: i64,
    links: &Links,
) -> Result<MemberProfile, ApiError> {
    let member = state
        .store
        .member(id)
        .await?
        .ok_or(ApiError::NotFound("member"))?;
    let stats = state.store.profile_stats(member.id).await?;
    Ok(MemberProfile {
        id: member.id,
        role: member.role(),
        display_name: member.display_name,
        created_at: timestamp(member.created_at),
        answers: stats.answers,
        accepted_answers: stats.accepted_answers,
        helpful_received: stats.helpful_received,
        kudos_received: stats.kudos_received,
        tips_written: stats.tips_written,
        wins_logged: stats.wins_logged,
        hours_saved_credited: (stats.minutes_credited / 60.0 * 100.0).round() / 100.0,
        web_url: links.site(&crate::domain::pages::member(id)),
    })
}

/// Get my member record
///
/// Returns the member the API key belongs to.
#[utoipa::path(
    tag = "members",
    operation_id = "GetMe",
    responses(
        (status = 200, description = "The caller", body = Member),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me")]
pub async fn me(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let member = state
        .store
        .member(caller.member_id)
        .await?
        .ok_or(ApiError::NotFound("member"))?;
    // The effective role: a role granted by the sign-in token counts too.
    Ok(HttpResponse::Ok().json(Member {
        role: caller.role,
        ..member_view(&state, member, &Links::new(&state, &req)).await?
    }))
}

/// List my API keys
///
/// Lists the caller's active API keys, without their secrets.
#[utoipa::path(
    tag = "members",
    operation_id = "ListMyApiKeys",
    responses(
        (status = 200, description = "The keys", body = ApiKeyList),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me/api-keys")]
pub async fn list_my_api_keys(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let keys = state.store.api_keys(caller.member_id).await?;
    Ok(HttpResponse::Ok().json(ApiKeyList {
        items: keys.into_iter().map(ApiKey::from).collect(),
    }))
}

/// Create an API key
///
/// Makes a new personal API key. The secret is in this response only: store it now.
#[utoipa::path(
    tag = "members",
    operation_id = "CreateMyApiKey",
    request_body = CreateApiKey,
    responses(
        (status = 201, description = "Created; the secret is shown once", body = CreatedApiKey),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/me/api-keys")]
pub async fn create_my_api_key(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<CreateApiKey>,
) -> Result<HttpResponse, ApiError> {
    let created = issue_api_key(&state, &caller, &input).await?;
    let location = Links::new(&state, &req).api(&format!("/me/api-keys/{}", created.key.id));
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(created))
}

/// Makes `caller` a new personal API key (the API's `POST /me/api-keys` and the settings
/// page); the secret is in the answer only. Errors: 422 for an invalid name.
pub async fn issue_api_key(
    state: &AppState,
    caller: &Caller,
    input: &CreateApiKey,
) -> Result<CreatedApiKey, ApiError> {
    let name = parse_key_name(&input.name).map_err(|e| ApiError::Validation(vec![e]))?;
    let generated = api_keys::generate();
    let row = state
        .store
        .create_api_key(
            caller.member_id,
            &NewApiKey {
                name: &name,
                prefix: &generated.prefix,
                hash: &generated.hash,
            },
        )
        .await?;
    Ok(CreatedApiKey {
        key: row.into(),
        secret: generated.secret,
    })
}

/// Revoke an API key
///
/// Revokes one of the caller's API keys; it stops working at once. Every browser session of
/// the caller is signed out and every trigger subscription of theirs ends (`ended_reason`
/// `key_revoked`): whoever else held the key may have used it for either. Flows subscribe
/// again when they are saved.
#[utoipa::path(
    tag = "members",
    operation_id = "RevokeMyApiKey",
    params(("id" = i64, Path, description = "Key id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key of yours", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/me/api-keys/{id}")]
pub async fn revoke_my_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    if state
        .store
        .revoke_api_key(caller.member_id, id.into_inner())
        .await?
    {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::NotFound("API key"))
    }
}

/// Someone in the community, as other members see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberRef {
    /// Member id.
    #[schema(example = 7)]
    pub id: i64,
    /// The name shown to others.
    #[schema(example = "山田 花子")]
    pub display_name: String,
    /// The member's profile page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/members/7")]
    pub web_url: String,
}

impl MemberRef {
    /// Member `id` named `display_name`, with the link to their profile page.
    pub fn new(id: i64, display_name: String, links: &Links) -> Self {
        Self {
            id,
            display_name,
            web_url: links.site(&crate::domain::pages::member(id)),
        }
    }
}

/// A role to give a member.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetRole {
    /// The new role.
    pub role: Role,
}

/// Set a member's role
///
/// Makes a member a member, moderator or admin. Admins only; an admin cannot change their own
/// role. A role granted by the company sign-in's roles claim still applies on top.
#[utoipa::path(
    tag = "members",
    operation_id = "SetMemberRole",
    params(("id" = i64, Path, description = "Member id")),
    request_body = SetRole,
    responses(
        (status = 200, description = "The member with the new role", body = Member),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such member", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Your own role", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/members/{id}/role")]
pub async fn set_member_role(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<SetRole>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Admin)?;
    let id = id.into_inner();
    if id == caller.member_id {
        return Err(ApiError::Unprocessable(
            "own_role",
            crate::error::Text::say("own-role", vec![]),
        ));
    }
    let member = state
        .store
        .set_member_role(id, input.role)
        .await?
        .ok_or(ApiError::NotFound("member"))?;
    tracing::info!(member_id = member.id, role = member.role, "role changed");
    Ok(HttpResponse::Ok().json(member_view(&state, member, &Links::new(&state, &req)).await?))
}

/// Changes to the caller's own settings; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMe {
    /// Department, up to 80 characters; `null` clears it (an empty string, like an absent
    /// field, leaves it as it is).
    #[serde(default, deserialize_with = "crate::api::extract::nullable")]
    #[schema(value_type = Option<String>, nullable, max_length = 80, pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$", example = "経理部")]
    pub department: Option<Option<String>>,
    /// Your level: `beginner`, `intermediate` or `advanced`.
    pub level: Option<TipLevel>,
    /// Topics you are interested in (up to 10); replaces the old list.
    #[schema(value_type = Option<Vec<crate::api::tags::TagName>>, max_items = 10, example = json!(["approvals"]))]
    pub interests: Option<Vec<String>>,
    /// Topics in which you are happy to be asked (up to 10); replaces the old list.
    #[schema(value_type = Option<Vec<crate::api::tags::TagName>>, max_items = 10, example = json!(["excel"]))]
    pub helper_tags: Option<Vec<String>>,
    /// Appear on the leaderboard (default false: recognition is private).
    pub show_on_leaderboard: Option<bool>,
    /// The language to read error messages in when a request does not name one with
    /// `Accept-Language`: `en` or `ja`; `null` goes back to the server's default.
    #[serde(default, deserialize_with = "crate::api::extract::nullable")]
    #[schema(value_type = Option<crate::i18n::Language>, nullable)]
    pub language: Option<Option<crate::i18n::Language>>,
}

/// Most interest or helper tags a member may list.
pub const MAX_MEMBER_TAGS: usize = 10;

fn member_tag_list(
    field: &str,
    raw: &[String],
) -> Result<Vec<TagSlug>, Vec<crate::error::FieldError>> {
    if raw.len() > MAX_MEMBER_TAGS {
        return Err(vec![crate::error::FieldError::say(
            field,
            "too_many",
            "tags-too-many",
            vec![
                ("max", crate::i18n::Arg::from(MAX_MEMBER_TAGS)),
                ("count", crate::i18n::Arg::from(raw.len())),
            ],
        )]);
    }
    let mut tags: Vec<TagSlug> = Vec::new();
    let mut errors = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        match TagSlug::parse(&format!("{field}[{i}]"), t) {
            Ok(tag) if !tags.contains(&tag) => tags.push(tag),
            Ok(_) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(tags)
    } else {
        Err(errors)
    }
}

/// Update my settings
///
/// Changes the caller's department, level, interests, helper topics and leaderboard opt-in.
#[utoipa::path(
    tag = "members",
    operation_id = "UpdateMe",
    request_body = UpdateMe,
    responses(
        (status = 200, description = "The caller with the new settings", body = Member),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<UpdateMe>,
) -> Result<HttpResponse, ApiError> {
    update_settings(&state, &caller, &input).await?;
    let member = state
        .store
        .member(caller.member_id)
        .await?
        .ok_or(ApiError::NotFound("member"))?;
    Ok(HttpResponse::Ok().json(Member {
        role: caller.role,
        ..member_view(&state, member, &Links::new(&state, &req)).await?
    }))
}

/// Changes `caller`'s own settings (the API's `PATCH /me` and the pages' settings form);
/// absent fields stay as they are. Errors: 422 with every invalid field.
pub async fn update_settings(
    state: &AppState,
    caller: &Caller,
    input: &UpdateMe,
) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    let department = match input
        .department
        .as_ref()
        .map(|d| d.as_deref().map(str::trim))
    {
        None => None,
        Some(None | Some("")) => Some(None),
        Some(Some(d)) => errors
            .check(crate::domain::text::single_line("department", d, 1, 80))
            .map(Some),
    };
    let interests = input
        .interests
        .as_deref()
        .and_then(|t| errors.check_all(member_tag_list("interests", t)));
    let helper_tags = input
        .helper_tags
        .as_deref()
        .and_then(|t| errors.check_all(member_tag_list("helper_tags", t)));
    if !errors.is_empty() {
        return Err(errors.into_error());
    }
    state
        .store
        .update_member_settings(
            caller.member_id,
            &MemberSettings {
                department: department.as_ref().map(|d| d.as_deref()),
                level: input.level,
                interests: interests.as_deref(),
                helper_tags: helper_tags.as_deref(),
                show_on_leaderboard: input.show_on_leaderboard,
                language: input.language,
            },
        )
        .await?;
    Ok(())
}
