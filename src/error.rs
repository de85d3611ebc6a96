//! The one error type of the HTTP API.
//!
//! Every failure a client can see is an [`ApiError`], rendered as an RFC 9457
//! `application/problem+json` document with a stable `type` URI and `code`, a human `detail`
//! and, for bad input, the offending field(s). Handlers return `Result<_, ApiError>`; storage
//! errors convert into an opaque 500 whose cause is logged, never sent.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// One problem with one input field.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// The field, as a JSON path for bodies (`title`, `tags[2]`) or the parameter name for queries.
    #[schema(example = "title")]
    pub field: String,
    /// A stable machine-readable reason, e.g. `too_short`, `too_long`, `required`, `invalid`.
    #[schema(example = "too_short")]
    pub code: String,
    /// What is wrong and how to fix it, for people, in the language of the response
    /// (`Content-Language`).
    #[schema(example = "title must be at least 5 characters (it has 3)")]
    pub detail: String,
    /// The same in English, when `detail` is in another language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail_en: Option<String>,
    /// The sentence behind `detail`, to say it in the reader's language.
    #[serde(skip)]
    #[schema(ignore)]
    pub message: Option<Box<crate::i18n::Message>>,
}

impl FieldError {
    /// A field error with its field, code and a detail that exists in English only.
    pub fn new(field: impl Into<String>, code: &str, detail: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.to_owned(),
            detail: detail.into(),
            detail_en: None,
            message: None,
        }
    }

    /// A field error whose detail is the locale files' message `id`, with `args` and the
    /// field's name (as `$field`).
    pub fn say(
        field: impl Into<String>,
        code: &str,
        id: &'static str,
        mut args: Vec<(&'static str, crate::i18n::Arg)>,
    ) -> Self {
        let field = field.into();
        args.push(("field", crate::i18n::Arg::from(field.as_str())));
        let message = crate::i18n::Message::new(id, args);
        Self {
            detail: message.render(crate::i18n::Language::En),
            field,
            code: code.to_owned(),
            detail_en: None,
            message: Some(Box::new(message)),
        }
    }

    /// This error as a reader of `language` gets it: `detail` in that language (where the
    /// locale files have it) and `detail_en` beside it.
    pub fn in_language(&self, language: crate::i18n::Language) -> Self {
        let mut out = self.clone();
        if let Some(message) = &self.message {
            if language != crate::i18n::Language::En && crate::i18n::has(language, message.id) {
                out.detail = message.render(language);
                out.detail_en = Some(self.detail.clone());
            }
        }
        out
    }
}

/// The human part of an error: English, and — where the locale files have it — the sentence
/// to say it in the reader's language. `"…".into()` makes an English-only one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The detail in English (also what the logs show).
    pub english: String,
    /// The sentence behind it, when it has one.
    pub message: Option<Box<crate::i18n::Message>>,
}

impl Text {
    /// The locale files' message `id` with `args`.
    pub fn say(id: &'static str, args: Vec<(&'static str, crate::i18n::Arg)>) -> Self {
        let message = crate::i18n::Message::new(id, args);
        Self {
            english: message.render(crate::i18n::Language::En),
            message: Some(Box::new(message)),
        }
    }
}

impl From<String> for Text {
    fn from(english: String) -> Self {
        Self {
            english,
            message: None,
        }
    }
}

impl From<&str> for Text {
    fn from(english: &str) -> Self {
        english.to_owned().into()
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

/// Collects field errors while parsing a request, so one response lists every bad field.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// Keeps the value, or records its error.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    /// Keeps the value, or records all its errors.
    pub fn check_all<T>(&mut self, result: Result<T, Vec<FieldError>>) -> Option<T> {
        result.map_err(|e| self.0.extend(e)).ok()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The recorded errors as a 422.
    pub fn into_error(self) -> ApiError {
        ApiError::Validation(self.0)
    }
}

/// An RFC 9457 problem document, as sent on every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem; stable, compare it or `code`.
    #[schema(example = "urn:tsunagu:problem:validation-failed")]
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the kind of problem.
    #[schema(example = "Validation failed")]
    pub title: String,
    /// The HTTP status code.
    #[schema(example = 422)]
    pub status: u16,
    /// What went wrong in this case, for people, in the language of the response
    /// (`Content-Language`: the request's `Accept-Language`, else the member's own setting,
    /// else `TSUNAGU_DEFAULT_LANGUAGE`).
    #[schema(example = "The request has 1 invalid field.")]
    pub detail: String,
    /// The same in English, when `detail` is in another language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail_en: Option<String>,
    /// A stable machine-readable code (the last part of `type`, with underscores).
    #[schema(example = "validation_failed")]
    pub code: String,
    /// The offending fields, for validation problems.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The request's id (as in `X-Request-Id` and the logs), to quote when asking for help.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "6f1c2a7e-8d1b-4c55-9a0e-2f5d3b8c1e90")]
    pub request_id: Option<String>,
}

/// Everything that can go wrong in a request, mapped to a status and a problem document.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body could not be read as the expected JSON (syntax, type, unknown field).
    #[error("invalid request body: {0:?}")]
    InvalidBody(FieldError),
    /// A query parameter could not be parsed.
    #[error("invalid query: {0:?}")]
    InvalidQuery(FieldError),
    /// A request header (`Idempotency-Key`, `If-Match`) is malformed.
    #[error("invalid header: {0:?}")]
    InvalidHeader(FieldError),
    /// The input parsed but breaks a rule (length, count, format).
    #[error("validation failed: {0:?}")]
    Validation(Vec<FieldError>),
    /// No credentials were sent.
    #[error("no credentials")]
    MissingCredentials,
    /// Bad credentials.
    #[error("unauthorized: {0}")]
    Unauthorized(Text),
    /// Authenticated, but not allowed to do this.
    #[error("forbidden: {0}")]
    Forbidden(Text),
    /// The named resource does not exist (or is not visible to the caller).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// Nothing to return, for a reason with its own stable code (e.g. no tip left).
    #[error("{0}: {1}")]
    NotFoundBecause(&'static str, Text),
    /// No route matches the path.
    #[error("no route")]
    RouteNotFound,
    /// The route exists but not for this method; holds the methods it allows.
    #[error("method not allowed")]
    MethodNotAllowed(Vec<&'static str>),
    /// The request conflicts with the current state (stable `code`, human detail).
    #[error("conflict {0}: {1}")]
    Conflict(&'static str, Text),
    /// The request is well-formed but not allowed by a domain rule (stable `code`, detail).
    #[error("unprocessable {0}: {1}")]
    Unprocessable(&'static str, Text),
    /// Too many requests; retry after this many seconds.
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    /// `If-Match` names another version (optimistic concurrency).
    #[error("precondition failed: {0}")]
    PreconditionFailed(Text),
    /// The body is larger than the configured limit (bytes).
    #[error("payload too large (limit {0} bytes)")]
    PayloadTooLarge(usize),
    /// The body did not arrive within the limit (seconds).
    #[error("request body timed out ({0} s)")]
    BodyTimeout(u64),
    /// The URL (path and query) is longer than the limit in characters.
    #[error("URI too long")]
    UriTooLong(usize),
    /// The body is not `application/json`.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// A feature that needs configuration the operator has not given.
    #[error("not configured: {0}")]
    NotConfigured(String),
    /// The service cannot serve right now (e.g. the database is unreachable).
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// No usable database connection: one was lost (e.g. the server restarted) or none came
    /// free within the pool's timeout (10 s). Retrying can succeed. The cause is logged.
    #[error("database unavailable: {0}")]
    DatabaseUnavailable(sqlx::Error),
    /// A bug or an infrastructure failure; the cause is logged, never sent.
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        if lost_connection(&e) {
            return ApiError::DatabaseUnavailable(e);
        }
        ApiError::Internal(anyhow::Error::new(e))
    }
}

/// Whether `e` is a failed connection rather than a failed statement — an I/O error, no free
/// connection within the pool's timeout, a closed pool (shutting down), a crashed SQLite worker,
/// PostgreSQL's connection exceptions (SQLSTATE class `08`) or its shutdowns (`57P01`–`57P03`,
/// e.g. a restart) — so the request may succeed when retried: a 503, not a 500. (A pooled
/// PostgreSQL connection in use a moment ago is not pinged before use; one the server cut
/// meanwhile fails its request this way once, then the pool drops it.)
fn lost_connection(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|c| {
            c.starts_with("08") || matches!(c.as_ref(), "57P01" | "57P02" | "57P03")
        }),
        _ => false,
    }
}

/// PostgreSQL `23503`, SQLite `787` (`SQLITE_CONSTRAINT_FOREIGNKEY`): sqlx reports both as
/// `ForeignKeyViolation`.
fn is_foreign_key_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| matches!(d.kind(), sqlx::error::ErrorKind::ForeignKeyViolation))
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::Duplicate(what) => ApiError::Conflict(
                "duplicate",
                format!("a {what} like this already exists").into(),
            ),
            // What the request acts on was deleted between the handler's lookup and the write
            // (a foreign key no longer has its row): as if it had not been found.
            crate::store::StoreError::Database(e) if is_foreign_key_violation(&e) => {
                ApiError::NotFoundBecause("not_found", Text::say("gone-meanwhile", vec![]))
            }
            crate::store::StoreError::Database(e) => e.into(),
        }
    }
}

impl ApiError {
    /// The stable code of this error (also the last segment of its `type` URI).
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::InvalidBody(_) => "invalid_body",
            ApiError::InvalidQuery(_) => "invalid_query",
            ApiError::InvalidHeader(_) => "invalid_header",
            ApiError::Validation(_) => "validation_failed",
            ApiError::MissingCredentials | ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound(_) => "not_found",
            ApiError::RouteNotFound => "route_not_found",
            ApiError::MethodNotAllowed(_) => "method_not_allowed",
            ApiError::Conflict(code, _)
            | ApiError::Unprocessable(code, _)
            | ApiError::NotFoundBecause(code, _) => code,
            ApiError::PayloadTooLarge(_) => "payload_too_large",
            ApiError::BodyTimeout(_) => "request_timeout",
            ApiError::UriTooLong(_) => "uri_too_long",
            ApiError::PreconditionFailed(_) => "precondition_failed",
            ApiError::RateLimited(_) => "rate_limited",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::Unavailable(_) | ApiError::DatabaseUnavailable(_) => "unavailable",
            ApiError::NotConfigured(_) => "not_configured",
            ApiError::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::InvalidBody(_) => "Invalid request body",
            ApiError::InvalidQuery(_) => "Invalid query parameter",
            ApiError::InvalidHeader(_) => "Invalid header",
            ApiError::Validation(_) => "Validation failed",
            ApiError::MissingCredentials | ApiError::Unauthorized(_) => "Authentication required",
            ApiError::Forbidden(_) => "Not allowed",
            ApiError::NotFound(_) | ApiError::RouteNotFound | ApiError::NotFoundBecause(..) => {
                "Not found"
            }
            ApiError::MethodNotAllowed(_) => "Method not allowed",
            ApiError::Conflict(..) => "Conflict",
            ApiError::Unprocessable(..) => "Request cannot be carried out",
            ApiError::PayloadTooLarge(_) => "Payload too large",
            ApiError::BodyTimeout(_) => "Request timeout",
            ApiError::UriTooLong(_) => "URI too long",
            ApiError::PreconditionFailed(_) => "Precondition failed",
            ApiError::RateLimited(_) => "Too many requests",
            ApiError::UnsupportedMediaType => "Unsupported media type",
            ApiError::Unavailable(_) | ApiError::DatabaseUnavailable(_) => "Service unavailable",
            ApiError::NotConfigured(_) => "Not configured",
            ApiError::Internal(_) => "Internal error",
        }
    }

    fn detail(&self) -> String {
        match self {
            ApiError::InvalidBody(e) | ApiError::InvalidQuery(e) | ApiError::InvalidHeader(e) => {
                e.detail.clone()
            }
            ApiError::Validation(errors) => match errors.as_slice() {
                [one] => one.detail.clone(),
                many => format!("The request has {} invalid fields.", many.len()),
            },
            ApiError::Unauthorized(t) => t.english.clone(),
            ApiError::Forbidden(t)
            | ApiError::Conflict(_, t)
            | ApiError::Unprocessable(_, t)
            | ApiError::NotFoundBecause(_, t)
            | ApiError::PreconditionFailed(t) => t.english.clone(),
            ApiError::MissingCredentials => {
                "Send a key as `Authorization: Bearer <api key>`.".into()
            }
            ApiError::RateLimited(secs) => {
                format!("Too many requests from this caller; retry in {secs} s.")
            }
            ApiError::NotFound(what) => format!("No {what} with that id exists."),
            ApiError::RouteNotFound => "No API route matches this path. See /openapi.json.".into(),
            ApiError::MethodNotAllowed(allowed) => {
                format!("This path accepts only {}.", allowed.join(", "))
            }
            ApiError::PayloadTooLarge(limit) => {
                format!("The request body is larger than the limit of {limit} bytes.")
            }
            ApiError::BodyTimeout(secs) => {
                format!("The request body did not arrive within {secs} seconds; send it again.")
            }
            ApiError::UriTooLong(limit) => {
                format!("The URL is longer than the limit of {limit} characters; send long text in a request body.")
            }
            ApiError::UnsupportedMediaType => {
                "Send the request body as JSON with `Content-Type: application/json`.".into()
            }
            ApiError::Unavailable(d) | ApiError::NotConfigured(d) => d.clone(),
            ApiError::DatabaseUnavailable(_) => {
                "The database cannot be reached right now; try again in a moment.".into()
            }
            ApiError::Internal(_) => {
                "Something went wrong on our side. The error has been logged.".into()
            }
        }
    }

    /// The sentence of this error's `detail` in the locale files, where it has one.
    fn message(&self) -> Option<crate::i18n::Message> {
        use crate::i18n::{Arg, Message};
        Some(match self {
            ApiError::InvalidBody(e) | ApiError::InvalidQuery(e) | ApiError::InvalidHeader(e) => {
                return e.message.as_deref().cloned()
            }
            ApiError::Validation(errors) => match errors.as_slice() {
                [one] => return one.message.as_deref().cloned(),
                many => Message::new("validation-summary", vec![("count", Arg::from(many.len()))]),
            },
            ApiError::MissingCredentials => Message::new("missing-credentials", vec![]),
            ApiError::RateLimited(secs) => {
                Message::new("rate-limited", vec![("seconds", Arg::from(*secs))])
            }
            ApiError::NotFound(what) => {
                let thing = crate::i18n::text(
                    crate::i18n::current(),
                    &format!("thing-{}", what.to_ascii_lowercase().replace(' ', "-")),
                    &[],
                );
                Message::new("not-found", vec![("what", Arg::from(thing))])
            }
            ApiError::RouteNotFound => Message::new("route-not-found", vec![]),
            ApiError::MethodNotAllowed(allowed) => Message::new(
                "method-not-allowed",
                vec![("allowed", Arg::from(allowed.join(", ")))],
            ),
            ApiError::PayloadTooLarge(limit) => Message::new(
                "payload-too-large",
                vec![
                    ("limit", Arg::from(*limit)),
                    ("kib", Arg::from(*limit / 1024)),
                ],
            ),
            ApiError::BodyTimeout(secs) => {
                Message::new("body-timeout", vec![("seconds", Arg::from(*secs))])
            }
            ApiError::UriTooLong(limit) => {
                Message::new("uri-too-long", vec![("limit", Arg::from(*limit))])
            }
            ApiError::UnsupportedMediaType => Message::new("unsupported-media-type", vec![]),
            ApiError::Forbidden(t)
            | ApiError::Conflict(_, t)
            | ApiError::Unprocessable(_, t)
            | ApiError::NotFoundBecause(_, t)
            | ApiError::PreconditionFailed(t)
            | ApiError::Unauthorized(t) => return t.message.as_deref().cloned(),
            ApiError::Internal(_) => Message::new("internal", vec![]),
            ApiError::DatabaseUnavailable(_) => Message::new("database-unavailable", vec![]),
            _ => return None,
        })
    }

    /// The RFC 9457 document for this error, in English.
    pub fn problem(&self) -> Problem {
        self.problem_in(crate::i18n::Language::En)
    }

    /// The RFC 9457 document for this error, for a reader of `language`: `detail` (and each
    /// field's) in that language where the locale files have it, with `detail_en` beside it.
    /// `code`, `type` and `title` do not change.
    pub fn problem_in(&self, language: crate::i18n::Language) -> Problem {
        let code = self.code();
        let english = self.detail();
        let localized = self
            .message()
            .filter(|m| language != crate::i18n::Language::En && crate::i18n::has(language, m.id))
            .map(|m| m.render(language));
        Problem {
            problem_type: format!("urn:tsunagu:problem:{}", code.replace('_', "-")),
            title: self.title().to_owned(),
            status: self.status_code().as_u16(),
            detail_en: localized.as_ref().map(|_| english.clone()),
            detail: localized.unwrap_or(english),
            code: code.to_owned(),
            errors: match self {
                ApiError::InvalidBody(e)
                | ApiError::InvalidQuery(e)
                | ApiError::InvalidHeader(e) => vec![e.in_language(language)],
                ApiError::Validation(errors) => {
                    errors.iter().map(|e| e.in_language(language)).collect()
                }
                _ => Vec::new(),
            },
            request_id: None,
        }
    }

    /// A validation error about one field.
    pub fn field(field: &str, code: &str, detail: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code, detail)])
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::InvalidBody(_) | ApiError::InvalidQuery(_) | ApiError::InvalidHeader(_) => {
                StatusCode::BAD_REQUEST
            }
            ApiError::Validation(_) | ApiError::Unprocessable(..) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::MissingCredentials | ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) | ApiError::RouteNotFound | ApiError::NotFoundBecause(..) => {
                StatusCode::NOT_FOUND
            }
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(..) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::BodyTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            ApiError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable(_) | ApiError::DatabaseUnavailable(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ApiError::NotConfigured(_) => StatusCode::NOT_IMPLEMENTED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(cause) => tracing::error!(error = ?cause, "internal error"),
            ApiError::Unavailable(reason) => tracing::warn!(%reason, "service unavailable"),
            ApiError::DatabaseUnavailable(cause) => {
                tracing::warn!(error = %cause, "no usable database connection")
            }
            ApiError::Unauthorized(reason) => tracing::debug!(%reason, "unauthorized"),
            _ => {}
        }
        let problem = self.problem_in(crate::i18n::current());
        // The languages the document is in: the request's where every sentence has a
        // translation, English where none has, both when some fields are still English only.
        let requested = crate::i18n::current();
        let translated = problem.detail_en.is_some();
        let untranslated_field = problem.errors.iter().any(|e| e.detail_en.is_none());
        let language = match (requested, translated, untranslated_field) {
            (crate::i18n::Language::En, _, _) | (_, false, _) => "en".to_owned(),
            (l, true, false) => l.tag().to_owned(),
            (l, true, true) => format!("{}, en", l.tag()),
        };
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        response.insert_header((header::CONTENT_LANGUAGE, language));
        if let ApiError::RateLimited(secs) = self {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if let ApiError::MethodNotAllowed(allowed) = self {
            response.insert_header((header::ALLOW, allowed.join(", ")));
        }
        if let ApiError::MissingCredentials = self {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"tsunagu\""));
        }
        if let ApiError::Unauthorized(reason) = self {
            let description = reason.english.replace(['"', '\\'], "'");
            response.insert_header((
                header::WWW_AUTHENTICATE,
                format!(
                    "Bearer realm=\"tsunagu\", error=\"invalid_token\", error_description=\"{description}\""
                ),
            ));
        }
        response.json(problem)
    }
}
