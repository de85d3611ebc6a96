//! Tags with question counts; the connector uses this list for dropdowns.

use crate::api::extract::Query;
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::search::normalize;
use crate::domain::tag::TAG_MAX_CHARS;
use crate::error::{ApiError, FieldError, Problem};
use actix_web::{get, web, HttpResponse};
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
    #[param(max_length = 40)]
    pub q: Option<String>,
    /// How many, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// List tags
///
/// Lists topics with their question counts, most used first, optionally by prefix.
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
        return Err(ApiError::InvalidQuery(FieldError::new(
            "q",
            "invalid_character",
            "q must not contain control characters",
        )));
    }
    if prefix.chars().count() > TAG_MAX_CHARS {
        return Err(ApiError::InvalidQuery(FieldError::new(
            "q",
            "too_long",
            format!("q must be at most {TAG_MAX_CHARS} characters"),
        )));
    }
    let limit = match params.limit {
        None => 50,
        Some(n) if (1..=200).contains(&n) => n,
        Some(n) => {
            return Err(ApiError::InvalidQuery(FieldError::new(
                "limit",
                "out_of_range",
                format!("limit must be between 1 and 200 (got {n})"),
            )))
        }
    };
    let rows = state.store.tags(&prefix, limit).await?;
    Ok(HttpResponse::Ok().json(TagList {
        items: rows
            .into_iter()
            .map(|r| Tag {
                slug: r.slug,
                question_count: r.question_count,
            })
            .collect(),
    }))
}
