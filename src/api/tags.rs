//! Tags with question counts; the connector uses this list for dropdowns (actions' and
//! triggers' tag fields). Moderators may create a tag ahead of use, so a flow can follow a
//! topic before its first question.

use crate::api::extract::{Json, Query};
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::search::normalize;
use crate::domain::tag::TAG_MAX_CHARS;
use crate::error::{ApiError, FieldError, Problem};
use actix_web::{get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A topic.
#[derive(Debug, Serialize, ToSchema)]
pub struct Tag {
    /// The tag's slug.
    #[schema(example = "approvals")]
    pub slug: String,
    /// How many questions carry it.
    #[schema(example = 12)]
    pub question_count: i64,
    /// How many posts carry it: questions, tips and wins.
    #[schema(example = 15)]
    pub post_count: i64,
    /// The slug with its number of posts, for dropdowns: `approvals (15)`.
    #[schema(example = "approvals (15)")]
    pub label: String,
}

impl From<crate::store::tags::TagRow> for Tag {
    fn from(row: crate::store::tags::TagRow) -> Self {
        Tag {
            label: format!("{} ({})", row.slug, row.post_count),
            slug: row.slug,
            question_count: row.question_count,
            post_count: row.post_count,
        }
    }
}

/// A topic as a member types it: 1–40 letters of any script, digits, `-`, `_` or `.`
/// (normalised: NFKC, lower case). The pattern states the part of the rule a JSON Schema
/// regex can (no spaces, controls or ASCII punctuation other than `-_.`); symbols such as emoji
/// are refused too (`422 invalid_character`).
pub struct TagName;

/// The pattern of [`TagName`].
pub const TAG_PATTERN: &str = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$";

impl utoipa::PartialSchema for TagName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::Type::String)
            .description(Some(
                "A topic: 1–40 letters of any script, digits, `-`, `_` or `.`.",
            ))
            .max_length(Some(TAG_MAX_CHARS))
            .pattern(Some(TAG_PATTERN))
            .examples(["approvals"])
            .into()
    }
}

impl ToSchema for TagName {}

/// A tag to create ahead of use.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTag {
    /// The tag: 1–40 letters (any script), digits, `-`, `_` or `.`; stored normalised (NFKC,
    /// lower case), so `SharePoint` and `ｓｈａｒｅｐｏｉｎｔ` are one tag.
    #[schema(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "copilot-studio"
    )]
    pub slug: String,
}

/// A list of tags, most used first.
#[derive(Debug, Serialize, ToSchema)]
pub struct TagList {
    /// The tags.
    pub items: Vec<Tag>,
}

/// Which tags to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListTagsParams {
    /// Only tags starting with this text.
    #[param(max_length = 40, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    pub q: Option<String>,
    /// How many, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// List tags
///
/// Lists topics with their question and post counts, most used first, optionally by prefix.
#[utoipa::path(
    tag = "tags",
    operation_id = "ListTags",
    params(ListTagsParams),
    responses(
        (status = 200, description = "The tags", body = TagList),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/tags")]
pub async fn list_tags(
    state: web::Data<AppState>,
    _caller: Caller,
    Query(params): Query<ListTagsParams>,
) -> Result<HttpResponse, ApiError> {
    let prefix = normalize(params.q.as_deref().unwrap_or("").trim());
    if prefix.chars().any(char::is_control) {
        return Err(ApiError::InvalidQuery(FieldError::say(
            "q",
            "invalid_character",
            "text-control",
            vec![("char", crate::i18n::Arg::from("U+0000–U+001F"))],
        )));
    }
    // Counted as sent (what the spec's `maxLength` counts); a prefix NFKC lengthens past the
    // longest tag simply finds nothing.
    let sent = params.q.as_deref().unwrap_or("").chars().count();
    if sent > TAG_MAX_CHARS {
        return Err(ApiError::InvalidQuery(FieldError::say(
            "q",
            "too_long",
            "text-too-long",
            vec![
                ("max", crate::i18n::Arg::from(TAG_MAX_CHARS)),
                ("count", crate::i18n::Arg::from(sent)),
            ],
        )));
    }
    let limit = match params.limit {
        None => 50,
        Some(n) if (1..=200).contains(&n) => n,
        Some(n) => {
            return Err(ApiError::InvalidQuery(FieldError::say(
                "limit",
                "out_of_range",
                "value-out-of-range",
                vec![
                    ("min", crate::i18n::Arg::from(1i64)),
                    ("max", crate::i18n::Arg::from(200i64)),
                    ("got", crate::i18n::Arg::from(n)),
                ],
            )))
        }
    };
    let rows = state.store.tags(&prefix, limit).await?;
    Ok(HttpResponse::Ok().json(TagList {
        items: rows.into_iter().map(Tag::from).collect(),
    }))
}

/// Create a tag
///
/// Creates a topic ahead of its first question, so that triggers can follow it (moderators and admins). Creating one that exists returns it unchanged.
#[utoipa::path(
    tag = "tags",
    operation_id = "CreateTag",
    request_body = CreateTag,
    responses(
        (status = 201, description = "Created", body = Tag),
        (status = 200, description = "The tag existed already", body = Tag),
        (status = 400, description = "Invalid body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a moderator or admin", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid tag", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/tags")]
pub async fn create_tag(
    state: web::Data<AppState>,
    caller: Caller,
    Json(input): Json<CreateTag>,
) -> Result<HttpResponse, ApiError> {
    if !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-create-tag",
            vec![],
        )));
    }
    let slug = crate::domain::tag::TagSlug::parse("slug", &input.slug)
        .map_err(|e| ApiError::Validation(vec![e]))?;
    let (row, created) = state.store.create_tag(slug.as_str()).await?;
    if created {
        tracing::info!(tag = row.slug, "tag created");
        Ok(HttpResponse::Created().json(Tag::from(row)))
    } else {
        Ok(HttpResponse::Ok().json(Tag::from(row)))
    }
}

/// A filter by a tag nobody uses would silently never match (a trigger that never fires, a
/// report of zeros): the problem to report (code `unknown_tag` on field `tag`, naming the
/// closest existing tag), if the tag does not exist.
pub(crate) async fn unknown_tag(
    state: &AppState,
    tag: &crate::domain::tag::TagSlug,
) -> Result<Option<FieldError>, ApiError> {
    if state.store.tag_exists(tag.as_str()).await? {
        return Ok(None);
    }
    let known = state.store.tag_slugs(5000).await?;
    let near = crate::domain::tag::closest(tag.as_str(), known.iter().map(String::as_str));
    let mut args = vec![("tag", crate::i18n::Arg::from(tag.as_str()))];
    let id = match near {
        Some(near) => {
            args.push(("near", crate::i18n::Arg::from(near)));
            "unknown-tag-near"
        }
        None => "unknown-tag",
    };
    Ok(Some(FieldError::say("tag", "unknown_tag", id, args)))
}
