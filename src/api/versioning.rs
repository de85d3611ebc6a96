//! Optimistic concurrency: single resources carry an `ETag`, and `PATCH`/`DELETE` honour
//! `If-Match` with `412 Precondition Failed` when someone changed the resource meanwhile.
//! `If-Match` stays optional (never a 428), so flows that do not send it keep working.

use crate::error::ApiError;
use actix_web::http::header;
use actix_web::HttpRequest;

/// The entity tag of a resource version.
pub fn etag(kind: &str, id: i64, updated_at: i64) -> String {
    format!("\"{kind}-{id}-{updated_at}\"")
}

/// Longest `If-Match` header read, in characters (declared in the spec).
pub const MAX_IF_MATCH_CHARS: usize = 200;

/// Fails with 412 when the request's `If-Match` names neither `*` nor `current`, comparing
/// strongly (RFC 9110 §8.8.3.2: a weak `W/"…"` tag never matches), and with 400
/// `invalid_header` when the header is longer than [`MAX_IF_MATCH_CHARS`] or not ASCII.
/// Call it only once the request is otherwise allowed (after the 403 checks): preconditions
/// are evaluated only for a request that would succeed without them (RFC 9110 §13.2.1).
pub fn check_if_match(req: &HttpRequest, current: &str) -> Result<(), ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(());
    };
    let value = match value.to_str() {
        Ok(v) if v.len() <= MAX_IF_MATCH_CHARS => v,
        _ => {
            return Err(ApiError::InvalidHeader(crate::error::FieldError::say(
                "If-Match",
                "invalid",
                "if-match-invalid",
                vec![("max", crate::i18n::Arg::from(MAX_IF_MATCH_CHARS))],
            )))
        }
    };
    let matches = value
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag == current);
    if matches {
        Ok(())
    } else {
        Err(ApiError::PreconditionFailed(crate::error::Text::say(
            "stale-etag",
            vec![("etag", crate::i18n::Arg::from(current))],
        )))
    }
}

/// Declares `If-Match` and `412` on the PATCH and DELETE of versioned resources, and the
/// `ETag` header on their GET, in the OpenAPI document.
pub fn declare(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::{HeaderBuilder, ObjectBuilder, RefOr, Required, Type};
    for (path, item) in spec.paths.paths.iter_mut() {
        let versioned = ["questions", "answers", "tips", "wins"]
            .iter()
            .any(|kind| path == &format!("{}/{kind}/{{id}}", crate::api::API_PREFIX));
        if !versioned {
            continue;
        }
        if let Some(get) = item.get.as_mut() {
            if let Some(RefOr::T(ok)) = get.responses.responses.get_mut("200") {
                ok.headers.insert(
                    "ETag".to_owned(),
                    HeaderBuilder::new()
                        .schema(ObjectBuilder::new().schema_type(Type::String))
                        .description(Some("The version of the resource; send it back as If-Match to change it safely"))
                        .build(),
                );
            }
        }
        for op in [item.patch.as_mut(), item.delete.as_mut()]
            .into_iter()
            .flatten()
        {
            op.parameters.get_or_insert_with(Vec::new).push(
                ParameterBuilder::new()
                    .name("If-Match")
                    .parameter_in(ParameterIn::Header)
                    .required(Required::False)
                    .description(Some("The ETag you read: the change is refused with 412 if someone changed the resource since."))
                    .schema(Some(ObjectBuilder::new().schema_type(Type::String).max_length(Some(MAX_IF_MATCH_CHARS))))
                    .build(),
            );
            op.responses
                .responses
                .entry("400".to_owned())
                .or_insert_with(|| {
                    crate::api::problem_response("Invalid header (If-Match)")
                        .build()
                        .into()
                });
            op.responses.responses.insert(
                "412".to_owned(),
                crate::api::problem_response("The resource changed since the ETag in If-Match")
                    .build()
                    .into(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn if_match_accepts_the_current_tag_a_star_or_nothing() {
        let current = etag("question", 7, 123);
        assert_eq!(current, "\"question-7-123\"");
        assert!(check_if_match(&TestRequest::default().to_http_request(), &current).is_ok());
        for ok in ["\"question-7-123\"", "*", "\"x\", \"question-7-123\""] {
            let req = TestRequest::default()
                .insert_header((header::IF_MATCH, ok))
                .to_http_request();
            assert!(check_if_match(&req, &current).is_ok(), "{ok}");
        }
        // Stale, and weak: If-Match compares strongly.
        for stale in ["\"question-7-100\"", "W/\"question-7-123\""] {
            let req = TestRequest::default()
                .insert_header((header::IF_MATCH, stale))
                .to_http_request();
            assert!(
                matches!(
                    check_if_match(&req, &current),
                    Err(ApiError::PreconditionFailed(_))
                ),
                "{stale}"
            );
        }
        let long = format!("\"{}\"", "a".repeat(MAX_IF_MATCH_CHARS));
        let req = TestRequest::default()
            .insert_header((header::IF_MATCH, long))
            .to_http_request();
        assert!(matches!(
            check_if_match(&req, &current),
            Err(ApiError::InvalidHeader(_))
        ));
    }
}
