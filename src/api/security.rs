//! Headers on every response: `X-Request-Id` (the caller's, when it sent a sensible one, else
//! the one the request was logged under), `X-Content-Type-Options: nosniff`, a strict
//! `Referrer-Policy`, `Cache-Control: no-store` on API responses, which are per caller, and
//! `Content-Security-Policy: frame-ancestors` so only this site and the origins in
//! `TSUNAGU_FRAME_ANCESTORS` (Teams by default) may show its pages in a frame.
//! It also refuses an over-long URL (414 as problem+json) before anything else reads it.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::HttpMessage;

/// The request id header.
pub const REQUEST_ID: &str = "X-Request-Id";

/// A caller-supplied request id, if it is 1–128 visible ASCII characters.
pub fn caller_request_id(req: &actix_web::HttpRequest) -> Option<String> {
    req.headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| (1..=128).contains(&v.len()) && v.bytes().all(|b| (0x21..=0x7e).contains(&b)))
        .map(str::to_owned)
}

/// The longest URL (path and query string, as sent, so percent-encoded) accepted: far above any
/// real request (search terms are at most 200 characters) and below what proxies refuse.
pub const MAX_URL_CHARS: usize = 8192;

/// The middleware.
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let url_chars = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    let request_id = caller_request_id(req.request()).or_else(|| {
        req.extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(|id| id.to_string())
    });
    let api = req.path().starts_with(crate::api::API_PREFIX);
    let frame_ancestors = req
        .app_data::<actix_web::web::Data<crate::api::AppState>>()
        .map(|s| s.config.frame_ancestors.join(" "))
        .unwrap_or_default();
    let mut res = if url_chars > MAX_URL_CHARS {
        let (language, explicit) = crate::api::language::of(&req);
        crate::i18n::scope(language, explicit, async {
            req.error_response(crate::error::ApiError::UriTooLong(MAX_URL_CHARS))
        })
        .await
    } else {
        next.call(req).await?.map_into_boxed_body()
    };
    // Problems name the request too, so a member can quote it to the admin.
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if let (true, Some(id)) = (is_problem, request_id.as_deref()) {
        let (http_req, response) = res.into_parts();
        let (mut head, body) = response.into_parts();
        let bytes = actix_web::body::to_bytes(body).await.unwrap_or_default();
        let body =
            match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&bytes) {
                Ok(mut problem) => {
                    problem.insert(
                        "request_id".into(),
                        serde_json::Value::String(id.to_owned()),
                    );
                    serde_json::to_vec(&problem).unwrap_or_else(|_| bytes.to_vec())
                }
                Err(_) => bytes.to_vec(),
            };
        head.headers_mut().remove(header::CONTENT_LENGTH);
        res = ServiceResponse::new(http_req, head.set_body(BoxBody::new(body)));
    }
    let headers = res.headers_mut();
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        headers.insert(HeaderName::from_static("x-request-id"), id);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    // Pages set their own policy (scripts, styles, forms); every response gets who may frame it.
    let own = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .map(|v| format!("{v}; "))
        .unwrap_or_default();
    if let Ok(policy) =
        HeaderValue::from_str(&format!("{own}frame-ancestors 'self' {frame_ancestors}"))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    Ok(res)
}
