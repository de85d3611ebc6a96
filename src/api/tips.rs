//! Tips: short knowledge at a level, searchable in Japanese and English, a random tip for a
//! flow's daily message, and a tip of the day per member that never repeats.

use crate::api::extract::{optional_tag, Json, Query};
use crate::api::links::Links;
use crate::api::members::MemberRef;
use crate::api::pagination::{decode_cursor, finish_page, page_limit};
use crate::api::versioning::{check_if_match, etag};
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::search::{normalize, SearchQuery};
use crate::domain::tag::TagSlug;
use crate::domain::text::{Body, QuestionTitle};
use crate::domain::tip::{day_at_offset, TipLevel};
use crate::error::{ApiError, FieldErrors, Problem};
use crate::store::tips::{NewTip, TipChanges, TipFilter, TipRow};
use crate::store::SortKey;
use actix_web::{delete, get, http::header, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A tip.
#[derive(Debug, Serialize, ToSchema)]
pub struct Tip {
    /// Tip id.
    #[schema(example = 5)]
    pub id: i64,
    /// The tip in one line.
    #[schema(example = "承認メールに「詳細」リンクを入れると差し戻しが減ります")]
    pub title: String,
    /// The tip, in Markdown.
    #[schema(
        example = "「承認を開始して待機」の詳細欄にリンクを入れておくと、承認者が内容を確認しやすくなります。"
    )]
    pub body: String,
    /// `body` rendered as HTML for Teams posts and Power Apps' HTML text control: sanitised
    /// (no scripts, event handlers or `javascript:` links; links get
    /// `rel="noopener noreferrer nofollow"`; images show their alt text; HTML typed into the
    /// Markdown is shown as text).
    #[schema(
        example = "<p>「承認を開始して待機」の詳細欄にリンクを入れておくと、承認者が内容を確認しやすくなります。</p>"
    )]
    pub body_html: String,
    /// Topics.
    #[schema(example = json!(["approvals"]))]
    pub tags: Vec<String>,
    /// Who the tip is written for.
    pub level: TipLevel,
    /// Chosen by a moderator as a featured tip.
    pub featured: bool,
    /// How many members found it helpful.
    pub helpful_count: i64,
    /// Whether the caller found it helpful.
    pub helpful: bool,
    /// Who wrote it.
    pub author: MemberRef,
    /// Whether the caller wrote it.
    pub mine: bool,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// When it was last edited.
    pub updated_at: DateTime<Utc>,
    /// Whether a moderator hid it; then only its author and moderators see it.
    pub hidden: bool,
    /// Why a moderator hid it; absent unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "個人の電話番号が含まれていたため、非表示にしました。")]
    pub hidden_reason: Option<String>,
    /// The tip's URL in this API.
    pub link: String,
    /// The tip's page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/tips/5")]
    pub web_url: String,
}

/// One page of tips.
#[derive(Debug, Serialize, ToSchema)]
pub struct TipPage {
    /// The tips on this page.
    pub items: Vec<Tip>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// The URL of the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// A tip to write.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTip {
    /// The tip in one line, 5–150 characters.
    #[schema(
        min_length = 5,
        max_length = 150,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        example = "承認メールに「詳細」リンクを入れると差し戻しが減ります"
    )]
    pub title: String,
    /// The tip in Markdown, 1–20,000 characters.
    #[schema(
        min_length = 1,
        max_length = 20000,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        example = "詳細欄にリンクを入れておくと、承認者が内容を確認しやすくなります。"
    )]
    pub body: String,
    /// Up to 5 topics; new ones are created on first use.
    #[serde(default)]
    #[schema(value_type = Vec<crate::api::tags::TagName>, max_items = 5, example = json!(["approvals"]))]
    pub tags: Vec<String>,
    /// Who the tip is for (default `beginner`).
    #[serde(default)]
    pub level: TipLevel,
    /// Feature the tip (moderators only; default false).
    #[serde(default)]
    pub featured: bool,
}

/// Changes to a tip; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTip {
    /// New title, 5–150 characters.
    #[schema(
        min_length = 5,
        max_length = 150,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$"
    )]
    pub title: Option<String>,
    /// New body, 1–20,000 characters.
    #[schema(
        min_length = 1,
        max_length = 20000,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub body: Option<String>,
    /// New set of topics (replaces the old set), up to 5.
    #[schema(value_type = Option<Vec<crate::api::tags::TagName>>, max_items = 5, example = json!(["approvals"]))]
    pub tags: Option<Vec<String>>,
    /// New level.
    pub level: Option<TipLevel>,
    /// Feature or unfeature (moderators only).
    pub featured: Option<bool>,
}

/// Filters, search and paging for a tip listing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListTipsParams {
    /// Search words (Japanese or English), separated by spaces, at most 10; all must match
    /// title or body.
    #[param(
        max_length = 200,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub q: Option<String>,
    /// Only tips with this topic.
    #[param(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$"
    )]
    pub tag: Option<String>,
    /// Only tips for this level.
    pub level: Option<TipLevel>,
    /// Only featured (true) or only other (false) tips.
    #[serde(default, deserialize_with = "crate::api::extract::flag")]
    pub featured: Option<bool>,
    /// Page size, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// Which tips a random tip is drawn from.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RandomTipParams {
    /// Only tips with this topic.
    #[param(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$"
    )]
    pub tag: Option<String>,
    /// Only tips for this level.
    pub level: Option<TipLevel>,
}

/// A reaction to a tip.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TipReactionInput {
    /// `helpful`: the only reaction to a tip.
    pub kind: TipReactionKind,
}

/// A positive reaction to a tip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TipReactionKind {
    /// "This helped me."
    Helpful,
}

/// A stored tip as `viewer` sees it.
pub fn tip_view(row: TipRow, viewer: &Caller, links: &Links) -> Tip {
    Tip {
        link: links.api(&format!("/tips/{}", row.id)),
        web_url: links.site(&crate::domain::pages::tip(row.id)),
        id: row.id,
        level: TipLevel::from_stored(&row.level),
        mine: row.author_id == viewer.member_id,
        author: MemberRef::new(row.author_id, row.author_name, links),
        title: row.title,
        body_html: crate::domain::markdown::to_html(&row.body),
        body: row.body,
        tags: row.tags,
        featured: row.featured,
        helpful_count: row.helpful_count,
        helpful: row.helpful,
        created_at: timestamp(row.created_at),
        updated_at: timestamp(row.updated_at),
        hidden: row.hidden,
        hidden_reason: row.hidden_reason,
    }
}

/// Tip `id` as `viewer` may see it; 404 when there is none or it is hidden from them.
pub async fn find_tip(state: &AppState, id: i64, viewer: &Caller) -> Result<TipRow, ApiError> {
    state
        .store
        .tip(id, viewer)
        .await?
        .ok_or(ApiError::NotFound("tip"))
}

fn require_moderator_to_feature(caller: &Caller, featured: Option<bool>) -> Result<(), ApiError> {
    if featured.is_some() && !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-feature",
            vec![],
        )));
    }
    Ok(())
}

/// Write a tip
///
/// Publishes a tip for a level. Any member may write tips; only moderators may feature one.
#[utoipa::path(
    tag = "tips",
    operation_id = "CreateTip",
    request_body = CreateTip,
    responses(
        (status = 201, description = "Created", body = Tip, headers(("Location" = String, description = "URL of the new tip"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only moderators can feature tips", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/tips")]
pub async fn create_tip(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<CreateTip>,
) -> Result<HttpResponse, ApiError> {
    let id = publish_tip(&state, &caller, &input).await?;
    let tip = tip_view(
        find_tip(&state, id, &caller).await?,
        &caller,
        &Links::new(&state, &req),
    );
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, tip.link.clone()))
        .json(tip))
}

/// Publishes `caller`'s tip (the API's `POST /tips` and the pages' tip form) and returns its
/// id. Errors: 422 with every invalid field; 403 when a member who is not a moderator asks to
/// feature it.
pub async fn publish_tip(
    state: &AppState,
    caller: &Caller,
    input: &CreateTip,
) -> Result<i64, ApiError> {
    require_moderator_to_feature(caller, input.featured.then_some(true))?;
    let mut errors = FieldErrors::default();
    let title = errors.check(QuestionTitle::parse(&input.title));
    let body = errors.check(Body::parse(&input.body));
    let tags = errors.check_all(TagSlug::parse_list("tags", &input.tags));
    let (Some(title), Some(body), Some(tags), true) = (title, body, tags, errors.is_empty()) else {
        return Err(errors.into_error());
    };
    let id = state
        .store
        .create_tip(&NewTip {
            author_id: caller.member_id,
            title: title.as_str(),
            body: body.as_str(),
            search_title: &normalize(title.as_str()),
            search_body: &normalize(body.as_str()),
            level: input.level,
            featured: input.featured,
            tags: &tags,
        })
        .await?;
    tracing::info!(tip_id = id, "tip published");
    Ok(id)
}

/// List tips
///
/// Lists tips, newest first, with Japanese/English search and filters by topic and level.
#[utoipa::path(
    tag = "tips",
    operation_id = "ListTips",
    params(ListTipsParams),
    responses(
        (status = 200, description = "A page of tips", body = TipPage),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/tips")]
pub async fn list_tips(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<ListTipsParams>,
) -> Result<HttpResponse, ApiError> {
    let limit = page_limit(params.limit)?;
    let search = match &params.q {
        Some(q) => SearchQuery::parse("q", q, &state.config.search_glossary)
            .map_err(ApiError::InvalidQuery)?,
        None => None,
    };
    let scope = if search.is_some() {
        "newest+q"
    } else {
        "newest"
    };
    let after = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(decode_cursor("t1", scope, c)?),
        None => None,
    };
    let filter = TipFilter {
        tag: optional_tag(params.tag.as_deref())?,
        level: params.level,
        featured: params.featured,
        search,
        after,
        limit: limit + 1,
    };
    let mut rows = state.store.list_tips(&caller, &filter).await?;
    let next_cursor = finish_page(&mut rows, limit, "t1", scope, |last| SortKey {
        rank: last.rank,
        sort_key: last.sort_key,
        id: last.id,
    });
    let links = Links::new(&state, &req);
    let next_link = next_cursor.as_deref().map(|c| links.with_cursor(&req, c));
    Ok(HttpResponse::Ok().json(TipPage {
        items: rows
            .into_iter()
            .map(|r| tip_view(r, &caller, &links))
            .collect(),
        next_cursor,
        next_link,
    }))
}

/// Get my tip of the day
///
/// Returns the caller's tip of the day: a tip at their level (see UpdateMe) that they have
/// never been shown, preferring their interest topics. It stays the same all day.
#[utoipa::path(
    tag = "tips",
    operation_id = "GetTipOfTheDay",
    responses(
        (status = 200, description = "Today's tip for the caller", body = Tip),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unseen tip is left at the caller's level", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/tips/daily")]
pub async fn daily_tip(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let tip = tip_of_the_day(&state, &caller).await?;
    Ok(HttpResponse::Ok().json(tip_view(tip, &caller, &Links::new(&state, &req))))
}

/// `caller`'s tip of the day (the same all day, in the members' time zone): the API's
/// `GET /tips/daily`, its card and the home page. 404 `no_tip_left` when every tip at their
/// level has been shown.
pub async fn tip_of_the_day(state: &AppState, caller: &Caller) -> Result<TipRow, ApiError> {
    let member = state
        .store
        .member(caller.member_id)
        .await?
        .ok_or(ApiError::NotFound("member"))?;
    let level = TipLevel::from_stored(&member.level);
    let day = day_at_offset(Utc::now(), state.config.utc_offset_minutes);
    let tip = state
        .store
        .daily_tip(caller.member_id, &day, level)
        .await?
        .ok_or_else(|| {
            ApiError::NotFoundBecause(
                "no_tip_left",
                crate::error::Text::say(
                    "no-tip-left",
                    vec![("level", crate::i18n::Arg::from(level.as_str()))],
                ),
            )
        })?;
    Ok(tip)
}

/// Get a random tip
///
/// Returns a random tip, optionally of a topic and a level — handy for a flow's daily post.
#[utoipa::path(
    tag = "tips",
    operation_id = "GetRandomTip",
    params(RandomTipParams),
    responses(
        (status = 200, description = "A tip", body = Tip),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No tip matches", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/tips/random")]
pub async fn random_tip(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<RandomTipParams>,
) -> Result<HttpResponse, ApiError> {
    let tag = optional_tag(params.tag.as_deref())?;
    let tip = state
        .store
        .random_tip(caller.member_id, tag.as_ref(), params.level)
        .await?
        .ok_or_else(|| {
            ApiError::NotFoundBecause(
                "no_tip_matches",
                crate::error::Text::say("no-tip-matches", vec![]),
            )
        })?;
    Ok(HttpResponse::Ok().json(tip_view(tip, &caller, &Links::new(&state, &req))))
}

/// Get a tip
///
/// Returns one tip.
#[utoipa::path(
    tag = "tips",
    operation_id = "GetTip",
    params(("id" = i64, Path, description = "Tip id")),
    responses(
        (status = 200, description = "The tip", body = Tip),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such tip", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/tips/{id}")]
pub async fn get_tip(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let tip = find_tip(&state, id.into_inner(), &caller).await?;
    let version = etag("tip", tip.id, tip.updated_at);
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version))
        .json(tip_view(tip, &caller, &Links::new(&state, &req))))
}

/// Edit a tip
///
/// Changes a tip. The author or a moderator may edit; only moderators may feature.
#[utoipa::path(
    tag = "tips",
    operation_id = "UpdateTip",
    params(("id" = i64, Path, description = "Tip id")),
    request_body = UpdateTip,
    responses(
        (status = 200, description = "The updated tip", body = Tip),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the author or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such tip", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/tips/{id}")]
pub async fn update_tip(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<UpdateTip>,
) -> Result<HttpResponse, ApiError> {
    let row = find_tip(&state, id.into_inner(), &caller).await?;
    if row.author_id != caller.member_id && !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-tip",
            vec![("action", crate::i18n::Arg::from("edit"))],
        )));
    }
    require_moderator_to_feature(&caller, input.featured)?;
    check_if_match(&req, &etag("tip", row.id, row.updated_at))?;
    let mut errors = FieldErrors::default();
    let title = input
        .title
        .as_deref()
        .and_then(|t| errors.check(QuestionTitle::parse(t)));
    let body = input
        .body
        .as_deref()
        .and_then(|b| errors.check(Body::parse(b)));
    let tags = input
        .tags
        .as_deref()
        .and_then(|t| errors.check_all(TagSlug::parse_list("tags", t)));
    if !errors.is_empty() {
        return Err(errors.into_error());
    }
    let search_title = title.as_ref().map(|t| normalize(t.as_str()));
    let search_body = body.as_ref().map(|b| normalize(b.as_str()));
    let changes = TipChanges {
        title: title
            .as_ref()
            .zip(search_title.as_deref())
            .map(|(t, s)| (t.as_str(), s)),
        body: body
            .as_ref()
            .zip(search_body.as_deref())
            .map(|(b, s)| (b.as_str(), s)),
        level: input.level,
        featured: input.featured,
        tags: tags.as_deref(),
    };
    if !state.store.update_tip(row.id, &changes).await? {
        return Err(ApiError::NotFound("tip"));
    }
    let tip = find_tip(&state, row.id, &caller).await?;
    Ok(HttpResponse::Ok().json(tip_view(tip, &caller, &Links::new(&state, &req))))
}

/// Delete a tip
///
/// Deletes a tip. The author or a moderator may delete.
#[utoipa::path(
    tag = "tips",
    operation_id = "DeleteTip",
    params(("id" = i64, Path, description = "Tip id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the author or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such tip", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/tips/{id}")]
pub async fn delete_tip(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_tip(&state, id.into_inner(), &caller).await?;
    if row.author_id != caller.member_id && !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-tip",
            vec![("action", crate::i18n::Arg::from("delete"))],
        )));
    }
    check_if_match(&req, &etag("tip", row.id, row.updated_at))?;
    if !state.store.delete_tip(row.id).await? {
        return Err(ApiError::NotFound("tip"));
    }
    Ok(HttpResponse::NoContent().finish())
}

/// Mark a tip helpful
///
/// Says a tip helped you. Saying it twice counts once; you cannot mark your own tip.
#[utoipa::path(
    tag = "tips",
    operation_id = "AddTipReaction",
    params(("id" = i64, Path, description = "Tip id")),
    request_body = TipReactionInput,
    responses(
        (status = 200, description = "The tip with its new count", body = Tip),
        (status = 400, description = "Malformed request or unknown kind", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such tip", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Your own tip", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/tips/{id}/reactions")]
pub async fn add_tip_reaction(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(_input): Json<TipReactionInput>,
) -> Result<HttpResponse, ApiError> {
    let id = mark_tip_helpful(&state, &caller, id.into_inner()).await?;
    let tip = find_tip(&state, id, &caller).await?;
    Ok(HttpResponse::Ok().json(tip_view(tip, &caller, &Links::new(&state, &req))))
}

/// Marks tip `id` helpful for `caller` (the API's `POST /tips/{id}/reactions` and the tip
/// page's button); marking twice is harmless. Errors: 404 when the tip is not there for
/// `caller`, 422 for one's own tip. Returns the tip's id.
pub async fn mark_tip_helpful(state: &AppState, caller: &Caller, id: i64) -> Result<i64, ApiError> {
    let row = find_tip(state, id, caller).await?;
    if row.author_id == caller.member_id {
        return Err(ApiError::Unprocessable(
            "own_tip",
            crate::error::Text::say("own-tip", vec![]),
        ));
    }
    state
        .store
        .set_tip_helpful(row.id, caller.member_id, true)
        .await?;
    Ok(row.id)
}

/// Withdraw helpful
///
/// Withdraws the caller's "helpful" from a tip. Withdrawing twice is harmless.
#[utoipa::path(
    tag = "tips",
    operation_id = "RemoveTipReaction",
    params(
        ("id" = i64, Path, description = "Tip id"),
        ("kind" = TipReactionKind, Path, description = "`helpful`")
    ),
    responses(
        (status = 200, description = "The tip with its new count", body = Tip),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such tip or reaction kind", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/tips/{id}/reactions/{kind}")]
pub async fn remove_tip_reaction(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    path: web::Path<(i64, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    if kind != "helpful" {
        return Err(ApiError::NotFoundBecause(
            "not_found",
            crate::error::Text::say(
                "reaction-kind-unknown",
                vec![
                    ("kind", crate::i18n::Arg::from(kind)),
                    ("allowed", crate::i18n::Arg::from("helpful")),
                ],
            ),
        ));
    }
    let row = find_tip(&state, id, &caller).await?;
    state
        .store
        .set_tip_helpful(row.id, caller.member_id, false)
        .await?;
    let tip = find_tip(&state, row.id, &caller).await?;
    Ok(HttpResponse::Ok().json(tip_view(tip, &caller, &Links::new(&state, &req))))
}
