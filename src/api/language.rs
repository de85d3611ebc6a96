//! The language of a request: `Accept-Language` (RFC 9110 §12.5.4) when it names one tsunagu
//! speaks, else the member's own choice (`PATCH /me {"language": "ja"}`, applied once the
//! caller is authenticated, see [`crate::i18n::prefer`]), else `TSUNAGU_DEFAULT_LANGUAGE`. Problem details are written in it (with the English
//! beside them in `detail_en`) and say so in `Content-Language`; `code`s never change.

use crate::api::AppState;
use crate::i18n::Language;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web;

/// The middleware: runs the rest of the request with its language set (see
/// [`crate::i18n::current`]).
pub async fn negotiate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let (language, explicit) = of(&req);
    crate::i18n::scope(language, explicit, next.call(req)).await
}

/// The language `req` asks for, and whether it asked (else the server's default). For the
/// few answers given before this middleware runs (a URL too long).
pub fn of(req: &ServiceRequest) -> (Language, bool) {
    // Every Accept-Language header, as one list (RFC 9110 §5.3); bytes that are not text do
    // not void the rest.
    let header: Vec<String> = req
        .headers()
        .get_all(header::ACCEPT_LANGUAGE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .collect();
    let requested = Language::negotiate(&header.join(","));
    let language = requested.unwrap_or_else(|| {
        req.app_data::<web::Data<AppState>>()
            .map(|state| state.config.default_language)
            .unwrap_or_default()
    });
    (language, requested.is_some())
}
