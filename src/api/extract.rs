//! Request extractors that turn every kind of bad input into a clear problem document.
//!
//! actix's own `Json`/`Query` report errors as plain text without saying which field was
//! wrong. These report the JSON path of the offending field (`tags[2]`, `title`), refuse bodies
//! over the configured size with 413 and non-JSON bodies with 415.

use crate::api::AppState;
use crate::error::{ApiError, FieldError};
use actix_web::dev::Payload;
use actix_web::{http::header, web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

/// A JSON request body, parsed with field-level errors.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.config.max_body_bytes)
            .unwrap_or(256 * 1024);
        let content_type_ok = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let essence = v
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                essence == "application/json" || essence.ends_with("+json")
            })
            .unwrap_or(false);
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let timeout = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.config.body_timeout_secs)
            .unwrap_or(30);
        let mut payload = payload.take();
        Box::pin(async move {
            if declared_length.is_some_and(|n| n > limit) {
                return Err(ApiError::PayloadTooLarge(limit));
            }
            if !content_type_ok {
                return Err(ApiError::UnsupportedMediaType);
            }
            let body = read_body(&mut payload, limit, timeout).await?;
            parse_json(&body).map(Json)
        })
    }
}

/// Reads a whole request body: at most `limit` bytes (else `413`), within `timeout_secs`
/// from the first byte asked for (else `408`), so a client sending one byte a second cannot
/// hold a connection and a worker for minutes.
pub async fn read_body(
    payload: &mut Payload,
    limit: usize,
    timeout_secs: u64,
) -> Result<web::Bytes, ApiError> {
    let read = async {
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| {
                ApiError::InvalidBody(FieldError::new(
                    "body",
                    "unreadable",
                    format!("the request body could not be read: {e}"),
                ))
            })?;
            if body.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    };
    tokio::time::timeout(std::time::Duration::from_secs(timeout_secs), read)
        .await
        .unwrap_or(Err(ApiError::BodyTimeout(timeout_secs)))
}

/// Parses JSON, naming the offending field on failure.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::InvalidBody(FieldError::new(
            "body",
            "required",
            "the request needs a JSON body",
        )));
    }
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{')
        && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok()
    {
        return Err(ApiError::InvalidBody(FieldError::new(
            "body",
            "invalid_value",
            "the request body must be a JSON object",
        )));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        ApiError::InvalidBody(describe_json_error(&path, e.inner()))
    })?;
    deserializer
        .end()
        .map_err(|e| ApiError::InvalidBody(describe_json_error(".", &e)))?;
    Ok(value)
}

fn describe_json_error(path: &str, e: &serde_json::Error) -> FieldError {
    use serde_json::error::Category;
    let message = e.to_string();
    let parent = if path == "." { "" } else { path };
    let join = |name: &str| {
        if parent.is_empty() {
            name.to_owned()
        } else {
            format!("{parent}.{name}")
        }
    };
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => FieldError::new(
            "body",
            "malformed_json",
            format!("the body is not valid JSON: {message}"),
        ),
        Category::Data => {
            if let Some(name) = quoted_after(&message, "missing field `") {
                FieldError::new(
                    join(&name),
                    "required",
                    format!("{} is required", join(&name)),
                )
            } else if let Some(name) = quoted_after(&message, "unknown field `") {
                // The path already ends with the unknown field's name.
                let field = if parent.is_empty() {
                    name
                } else {
                    parent.to_owned()
                };
                FieldError::new(
                    field.clone(),
                    "unknown_field",
                    format!(
                        "{field} is not a field of this request ({})",
                        strip_position(&message)
                    ),
                )
            } else {
                let field = if parent.is_empty() { "body" } else { parent };
                FieldError::new(
                    field,
                    "invalid_value",
                    format!("{field}: {}", strip_position(&message)),
                )
            }
        }
    }
}

fn quoted_after(message: &str, marker: &str) -> Option<String> {
    let rest = &message[message.find(marker)? + marker.len()..];
    Some(rest[..rest.find('`')?].to_owned())
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// Query parameters, parsed with the parameter's name in errors. Unknown parameters are
/// ignored so that tools adding their own (cache busters, tracing) keep working.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

/// Parses a query string, naming the offending parameter on failure.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let deserializer =
        serde_urlencoded::Deserializer::new(url::form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        let field = match quoted_after(&message, "field `") {
            Some(name) => name,
            None if path != "." => path,
            None => "query".to_owned(),
        };
        ApiError::InvalidQuery(FieldError::new(
            field.clone(),
            "invalid_value",
            format!("query parameter {field}: {message}"),
        ))
    })
}

/// An optional `tag` query parameter: blank means no filter; otherwise a valid tag or a 400.
pub fn optional_tag(raw: Option<&str>) -> Result<Option<crate::domain::tag::TagSlug>, ApiError> {
    match raw.map(str::trim) {
        Some(t) if !t.is_empty() => crate::domain::tag::TagSlug::parse("tag", t)
            .map(Some)
            .map_err(ApiError::InvalidQuery),
        _ => Ok(None),
    }
}

/// The error for a path segment that is not a valid id: nothing can exist there — unless the
/// path is a fixed route for other methods (`PATCH /questions/similar`), which is a 405.
pub fn path_error(_: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    let known = req.app_data::<web::Data<crate::startup::KnownRoutes>>();
    match known.and_then(|k| k.allowed_methods(req.path())) {
        Some(methods) if !methods.contains(&req.method().as_str()) => {
            ApiError::MethodNotAllowed(methods.to_vec()).into()
        }
        _ => ApiError::NotFound("resource").into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        anonymous: bool,
        #[serde(default)]
        tags: Vec<String>,
    }

    fn err(body: &str) -> FieldError {
        match parse_json::<Sample>(body.as_bytes()).unwrap_err() {
            ApiError::InvalidBody(e) => e,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn json_errors_name_the_field() {
        assert_eq!(err("{").code, "malformed_json");
        assert_eq!(err("").code, "required");
        let missing = err(r#"{"anonymous": true}"#);
        assert_eq!(
            (missing.field.as_str(), missing.code.as_str()),
            ("title", "required")
        );
        let wrong = err(r#"{"title": "x", "anonymous": "yes"}"#);
        assert_eq!(
            (wrong.field.as_str(), wrong.code.as_str()),
            ("anonymous", "invalid_value")
        );
        let typo = err(r#"{"title": "x", "anonymus": true}"#);
        assert_eq!(
            (typo.field.as_str(), typo.code.as_str()),
            ("anonymus", "unknown_field")
        );
        let nested = err(r#"{"title": "x", "anonymous": true, "tags": ["a", 3]}"#);
        assert_eq!(nested.field, "tags[1]");
        assert_eq!(
            err(r#"{"title": "x", "anonymous": true} trailing"#).code,
            "malformed_json"
        );
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Paging {
        limit: Option<i64>,
    }

    #[test]
    fn query_errors_name_the_parameter() {
        match parse_query::<Paging>("limit=abc").unwrap_err() {
            ApiError::InvalidQuery(e) => assert_eq!(e.field, "limit"),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(
            parse_query::<Paging>("limit=5&other=x").unwrap().limit,
            Some(5)
        );
    }
}
