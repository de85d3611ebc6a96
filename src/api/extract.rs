//! Request extractors that turn every kind of bad input into a clear problem document.
//!
//! actix's own `Json`/`Query` report errors as plain text without saying which field was
//! wrong. These report the JSON path of the offending field (`tags[2]`, `title`), refuse bodies
//! over the configured size with 413 and non-JSON bodies with 415.

use crate::api::AppState;
use crate::error::{ApiError, FieldError};
use crate::i18n::Arg;
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
                ApiError::InvalidBody(FieldError::say(
                    "body",
                    "unreadable",
                    "body-unreadable",
                    vec![("reason", Arg::from(e.to_string()))],
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
        return Err(ApiError::InvalidBody(FieldError::say(
            "body",
            "required",
            "body-required",
            vec![],
        )));
    }
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{')
        && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok()
    {
        return Err(ApiError::InvalidBody(FieldError::say(
            "body",
            "invalid_value",
            "body-not-object",
            vec![],
        )));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let read = <Platform as serde::Deserialize>::deserialize(&mut deserializer).and_then(|v| {
        deserializer.end()?;
        Ok(v)
    });
    let Platform {
        value,
        without_blanks,
    } = match read {
        Ok(read) => read,
        Err(e) => {
            let message = e.to_string();
            return Err(ApiError::InvalidBody(
                match quoted_after(&message, DUPLICATE_MARKER) {
                    Some(field) => {
                        FieldError::say(field, "duplicate_field", "field-duplicate", vec![])
                    }
                    None => describe_json_error(".", &e),
                },
            ));
        }
    };
    // `""` means "not given" (what Power Automate sends for an empty dynamic value), unless
    // the field is required: then the request is read as sent, and the empty value is refused
    // by the field's own rule.
    match from_value::<T>(without_blanks) {
        Err(e) if e.code == "required" => from_value(value),
        read => read,
    }
    .map_err(|e| {
        if e.code == "not_whole_number" || e.code == "out_of_range" {
            ApiError::Validation(vec![e])
        } else {
            ApiError::InvalidBody(e)
        }
    })
}

fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, FieldError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        if let Some(number) = message.strip_prefix("invalid type: floating point `") {
            // A whole number too large for the field (1e20) is out of range, not a fraction.
            let whole = number
                .split('`')
                .next()
                .and_then(|n| n.parse::<f64>().ok())
                .is_some_and(|n| n.fract() == 0.0);
            return if whole {
                FieldError::say(path, "out_of_range", "field-too-large", vec![])
            } else {
                FieldError::say(path, "not_whole_number", "field-not-whole", vec![])
            };
        }
        describe_json_error(&path, e.inner())
    })
}

/// For a field where `null` means "clear it" and absence "leave it": absent → `None`,
/// `null` → `Some(None)`, a value → `Some(Some(value))`. Use with `#[serde(default)]`.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
}

const DUPLICATE_MARKER: &str = "duplicate field `";

/// A request body as JSON the way flows send it: a number with a zero fraction (`20.0`, which
/// JSON Schema counts as an integer and flow expressions produce) is read as the integer, a
/// member given twice is refused (two parsers could disagree on which one counts), and
/// `without_blanks` is the same body without its `""` members.
struct Platform {
    value: serde_json::Value,
    without_blanks: serde_json::Value,
}

impl<'de> serde::Deserialize<'de> for Platform {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Platform;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Platform, E> {
                Ok(Platform::same(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Platform, E> {
                Ok(Platform::same(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Platform, E> {
                Ok(Platform::same(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Platform, E> {
                // Every whole f64 below 2^63 in magnitude is exactly an i64.
                const EXACT: f64 = 9_223_372_036_854_775_000.0;
                Ok(Platform::same(if v.fract() == 0.0 && v.abs() < EXACT {
                    (v as i64).into()
                } else {
                    v.into()
                }))
            }
            fn visit_str<E>(self, v: &str) -> Result<Platform, E> {
                Ok(Platform::same(v.into()))
            }
            fn visit_string<E>(self, v: String) -> Result<Platform, E> {
                Ok(Platform::same(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Platform, E> {
                Ok(Platform::same(serde_json::Value::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Platform, A::Error> {
                let (mut value, mut without_blanks) = (Vec::new(), Vec::new());
                while let Some(item) = seq.next_element::<Platform>()? {
                    value.push(item.value);
                    without_blanks.push(item.without_blanks);
                }
                Ok(Platform {
                    value: value.into(),
                    without_blanks: without_blanks.into(),
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Platform, A::Error> {
                let (mut value, mut without_blanks) =
                    (serde_json::Map::new(), serde_json::Map::new());
                while let Some(key) = map.next_key::<String>()? {
                    let item = map.next_value::<Platform>()?;
                    if value.contains_key(&key) {
                        return Err(serde::de::Error::custom(format!(
                            "{DUPLICATE_MARKER}{key}`"
                        )));
                    }
                    if item.without_blanks != "" {
                        without_blanks.insert(key.clone(), item.without_blanks);
                    }
                    value.insert(key, item.value);
                }
                Ok(Platform {
                    value: value.into(),
                    without_blanks: without_blanks.into(),
                })
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

impl Platform {
    fn same(value: serde_json::Value) -> Self {
        Platform {
            without_blanks: value.clone(),
            value,
        }
    }
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
        Category::Syntax | Category::Eof | Category::Io => FieldError::say(
            "body",
            "malformed_json",
            "body-malformed",
            vec![
                ("reason", Arg::from(message)),
                ("line", Arg::from(e.line())),
                ("column", Arg::from(e.column())),
            ],
        ),
        Category::Data => {
            if let Some(name) = quoted_after(&message, "missing field `") {
                FieldError::say(join(&name), "required", "field-required", vec![])
            } else if let Some(name) = quoted_after(&message, "unknown field `") {
                // The path already ends with the unknown field's name.
                let field = if parent.is_empty() {
                    name
                } else {
                    parent.to_owned()
                };
                FieldError::say(field, "unknown_field", "field-unknown", vec![])
            } else {
                let field = if parent.is_empty() { "body" } else { parent };
                describe_value_error(field, strip_position(&message))
            }
        }
    }
}

/// A value of the wrong type or outside an enum, in a sentence about the field (serde's own
/// wording — ``invalid type: string "x", expected i64`` — is for programmers).
fn describe_value_error(field: &str, message: &str) -> FieldError {
    if let Some(got) = quoted_after(message, "unknown variant `") {
        let choices = message
            .split_once("expected ")
            .map(|(_, rest)| {
                rest.replace("one of ", "")
                    .replace("` or `", "`, `")
                    .replace('`', "")
            })
            .unwrap_or_default();
        return FieldError::say(
            field,
            "invalid_value",
            "field-bad-choice",
            vec![
                ("count", Arg::from(choices.split(", ").count())),
                ("choices", Arg::from(choices)),
                ("got", Arg::from(got)),
            ],
        );
    }
    if message.starts_with("invalid type") || message.starts_with("invalid digit") {
        let expected = message.rsplit("expected ").next().unwrap_or("");
        let id = if expected.contains("i64")
            || expected.contains("u64")
            || expected.contains("integer")
            || message.starts_with("invalid digit")
        {
            "field-must-be-integer"
        } else if expected.contains("f64") || expected.contains("number") {
            "field-must-be-number"
        } else if expected.contains("bool") {
            "field-must-be-boolean"
        } else if expected.contains("sequence") {
            "field-must-be-list"
        } else if expected.contains("string") || expected.contains("char") {
            "field-must-be-text"
        } else {
            "field-must-be-object"
        };
        return FieldError::say(field, "invalid_value", id, vec![]);
    }
    if message.contains("too large") || message.contains("out of range") {
        return FieldError::say(field, "invalid_value", "field-too-large", vec![]);
    }
    if message.starts_with("invalid value: integer") {
        return FieldError::say(field, "invalid_value", "field-out-of-range", vec![]);
    }
    // Anything else: a sentence in the reader's language, the parser's words in brackets.
    FieldError::say(
        field,
        "invalid_value",
        "field-invalid",
        vec![("reason", Arg::from(message))],
    )
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

/// What a [`flag`] parse error says; [`parse_query`] recognises it.
const NOT_A_FLAG: &str = "is not true or false";

/// A boolean query parameter as clients send it: `true`/`false` in any case (Logic Apps and
/// Power Automate send `True`/`False`), or `1`/`0`. Use with `#[serde(default)]`.
pub fn flag<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    let raw = <String as serde::Deserialize>::deserialize(deserializer)?;
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Ok(Some(true)),
        "false" | "0" => Ok(Some(false)),
        _ => Err(serde::de::Error::custom(format!(
            "{raw:?} {NOT_A_FLAG} (True, FALSE, 1 and 0 are read too)"
        ))),
    }
}

/// Parses a query string, naming the offending parameter on failure. A parameter given with
/// an empty value (`tag=`, what Power Automate sends for an empty dynamic value) counts as not
/// given.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let given = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(url::form_urlencoded::parse(query.as_bytes()).filter(|(_, v)| !v.is_empty()))
        .finish();
    let deserializer =
        serde_urlencoded::Deserializer::new(url::form_urlencoded::parse(given.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        let field = match quoted_after(&message, "field `") {
            Some(name) => name,
            None if path != "." => path,
            None => "query".to_owned(),
        };
        ApiError::InvalidQuery(if let Some(day) = quoted_after(&message, NO_SUCH_DAY) {
            // A well-formed date the calendar lacks (2026-02-30) is its own case: the pattern
            // in the description cannot know how many days a month has.
            FieldError::say(
                field,
                "invalid_date",
                "query-no-such-day",
                vec![("value", Arg::from(day))],
            )
        } else if message.contains(YEAR_RANGE) {
            FieldError::say(field, "invalid_date", "query-year-range", vec![])
        } else if message.contains(NOT_A_DATE) {
            FieldError::say(field, "invalid_date", "query-not-date", vec![])
        } else if message.starts_with("duplicate field") {
            FieldError::say(field, "duplicate_field", "query-duplicate", vec![])
        } else if message.contains(NOT_A_FLAG) {
            FieldError::say(field, "invalid_value", "query-not-flag", vec![])
        } else if message.starts_with("missing field") {
            FieldError::say(field, "required", "field-required", vec![])
        } else {
            describe_value_error(&field, &message)
        })
    })
}

/// A date-time query parameter as people and flows write it: RFC 3339 with an offset
/// (`2026-11-01T09:00:00+09:00`, `…Z`), or without one — `2026-11-01T00:00:00`,
/// `2026-11-01 00:00`, or a date alone (`2026-11-01`, its midnight), which is what
/// `convertFromUtc(...)` and date pickers produce — read in the members' time zone
/// (`TSUNAGU_UTC_OFFSET`). Resolve it with [`LocalDateTime::resolve`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LocalDateTime {
    /// Given with an offset: an exact instant.
    Exact(chrono::DateTime<chrono::Utc>),
    /// Given without one: a wall-clock time in the members' time zone.
    Local(chrono::NaiveDateTime),
}

impl LocalDateTime {
    /// Reads `raw`; `None` when it is none of the accepted forms, or its year is outside
    /// 1900–2999 (a community's history fits, and every interval computed from it is a valid
    /// RFC 3339 time).
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        if !raw
            .get(..4)
            .and_then(|year| year.parse::<u16>().ok())
            .is_some_and(|year| (1900..=2999).contains(&year))
        {
            return None;
        }
        if let Ok(exact) = chrono::DateTime::parse_from_rfc3339(raw) {
            return Some(Self::Exact(exact.with_timezone(&chrono::Utc)));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(local) = chrono::NaiveDateTime::parse_from_str(raw, format) {
                return Some(Self::Local(local));
            }
        }
        chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(Self::Local)
    }

    /// The instant meant, reading a time without offset at `utc_offset_minutes` east of UTC.
    pub fn resolve(self, utc_offset_minutes: i32) -> chrono::DateTime<chrono::Utc> {
        match self {
            Self::Exact(at) => at,
            Self::Local(local) => {
                (local - chrono::Duration::minutes(i64::from(utc_offset_minutes))).and_utc()
            }
        }
    }
}

/// What a [`LocalDateTime`] parse error says; [`parse_query`] gives it the code `invalid_date`.
const NOT_A_DATE: &str = "is not a date-time";
/// …when the date is well formed but the calendar lacks it (followed by the date in backticks).
const NO_SUCH_DAY: &str = "no such day `";
/// …when the year is outside 1900–2999.
const YEAR_RANGE: &str = "year outside 1900-2999";

impl<'de> serde::Deserialize<'de> for LocalDateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <String as serde::Deserialize>::deserialize(deserializer)?;
        let date = raw.trim().get(..10).unwrap_or_default();
        let shaped = date.len() == 10
            && date.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if shaped && Self::parse(&raw).is_none() {
            let year_ok = date[..4]
                .parse::<u16>()
                .is_ok_and(|year| (1900..=2999).contains(&year));
            if !year_ok {
                return Err(serde::de::Error::custom(format!(
                    "{raw:?} {NOT_A_DATE}: {YEAR_RANGE}"
                )));
            }
            if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
                return Err(serde::de::Error::custom(format!(
                    "{raw:?} {NOT_A_DATE}: {NO_SUCH_DAY}{date}`"
                )));
            }
        }
        Self::parse(&raw).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{raw:?} {NOT_A_DATE}; use 2026-11-01T09:00:00+09:00, 2026-11-01T09:00:00 (the members' time zone) or 2026-11-01"
            ))
        })
    }
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
pub fn path_error(error: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    if crate::web::is_page_request(req) {
        return actix_web::error::InternalError::from_response(error, crate::web::not_found())
            .into();
    }
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

    #[test]
    fn date_times_without_an_offset_are_read_in_the_members_time_zone() {
        let jst = 9 * 60;
        let midnight_jst = "2026-10-31T15:00:00Z";
        for raw in [
            "2026-11-01",
            "2026-11-01T00:00:00",
            "2026-11-01 00:00",
            "2026-11-01T00:00",
            "2026-11-01T00:00:00.000",
            "2026-11-01T00:00:00+09:00",
            "2026-10-31T15:00:00Z",
        ] {
            let at = LocalDateTime::parse(raw).unwrap().resolve(jst);
            assert_eq!(
                at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                midnight_jst,
                "{raw}"
            );
        }
        let spaced = LocalDateTime::parse("2026-11-01 00:00:00+09:00");
        assert_eq!(
            spaced.map(|d| d.resolve(0)),
            LocalDateTime::parse(midnight_jst).map(|d| d.resolve(0))
        );
        for bad in [
            "2026-02-30",
            "0000-01-01",
            "1899-12-31",
            "3000-01-01",
            "yesterday",
            "2026-13-01",
            "2026-11-01T25:00:00",
            "11/01/2026",
            "",
        ] {
            assert!(LocalDateTime::parse(bad).is_none(), "{bad}");
        }
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
