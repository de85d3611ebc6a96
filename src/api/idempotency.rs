//! `Idempotency-Key` on POSTs that create something: Power Automate retries a call on a
//! timeout, 408, 429 or 5xx, and Power Apps users double-tap; with a key, a repeat returns the
//! first response (`Idempotent-Replayed: true`) instead of creating a second question.
//!
//! Keys are kept per credential (the caller's API key, token or session) for 24 hours. The
//! same key with a different body is a 422; a repeat while the first is still running is a
//! 409 with `Retry-After`. A response with a 5xx status is not kept, so a retry runs again.
//!
//! A crash cannot turn a retry into a duplicate: the created row records itself on the key in
//! its own transaction, and a claim left without a response (its process died) is taken over
//! by the next retry after a 30-second lease, which then answers with that same row. The key
//! reaches the store as a task-local around the handler (`store::idempotency::CURRENT_CLAIM`).

use crate::api::AppState;
use crate::auth::api_keys::sha256_hex;
use crate::error::{ApiError, FieldError};
use crate::store::idempotency::{Claim, ClaimRef, CURRENT_CLAIM, LEASE_MICROS};
use crate::store::now_micros;
use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};

/// The request header.
pub const HEADER: &str = "Idempotency-Key";
/// The response header marking a replay.
pub const REPLAYED: &str = "Idempotent-Replayed";

/// What is kept for a replay: the response without API key secrets, which are stored nowhere
/// else but as a hash. A replayed key creation says so instead of repeating the secret (the key
/// exists; revoke it and make another if the first answer was lost).
fn without_secrets(body: &[u8]) -> Vec<u8> {
    fn redact(value: &mut serde_json::Value) -> bool {
        match value {
            serde_json::Value::Object(map) => {
                let mut changed = false;
                if let Some(secret) = map.get_mut("secret") {
                    if secret.as_str().is_some_and(|s| s.starts_with("tsu_")) {
                        *secret = serde_json::Value::String(REPLAYED_SECRET.into());
                        changed = true;
                    }
                }
                for v in map.values_mut() {
                    changed |= redact(v);
                }
                changed
            }
            serde_json::Value::Array(items) => items.iter_mut().fold(false, |c, v| redact(v) | c),
            _ => false,
        }
    }
    // Only key creations carry one: skip parsing every other response.
    if !body.windows(8).any(|w| w == b"\"secret\"") {
        return body.to_vec();
    }
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return body.to_vec();
    };
    if redact(&mut value) {
        serde_json::to_vec(&value).unwrap_or_else(|_| body.to_vec())
    } else {
        body.to_vec()
    }
}

/// Stands in for a key's secret in a replayed response.
pub const REPLAYED_SECRET: &str =
    "(shown only in the first response; revoke this key and make another if you lost it)";

/// The middleware; a no-op for requests without the header or that are not POSTs.
pub async fn idempotency(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = req.headers().get(HEADER).cloned();
    let (Some(key), true) = (key, req.method() == Method::POST) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let key = match key.to_str() {
        Ok(k) if (1..=255).contains(&k.len()) && k.bytes().all(|b| (0x21..=0x7e).contains(&b)) => {
            k.to_owned()
        }
        _ => {
            let error = ApiError::InvalidHeader(FieldError::say(
                HEADER,
                "invalid",
                "idempotency-key-invalid",
                vec![],
            ));
            return Ok(req.error_response(error));
        }
    };
    // The key belongs to whoever presents these credentials.
    let scope = crate::auth::credential_fingerprint(req.request());
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let Some(scope) = scope else {
        // Unauthenticated: the handler answers 401; nothing to remember.
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    // Read the body to fingerprint it, then hand it on unchanged.
    let mut payload = req.take_payload();
    let body = match crate::api::extract::read_body(
        &mut payload,
        state.config.max_body_bytes,
        state.config.body_timeout_secs,
    )
    .await
    {
        Ok(body) => body,
        Err(error) => return Ok(req.error_response(error)),
    };
    let request_hash = sha256_hex(
        &[
            req.path().as_bytes(),
            b"\n",
            req.query_string().as_bytes(),
            b"\n",
            &body,
        ]
        .concat(),
    );
    req.set_payload(Payload::from(body));

    let claim = match state
        .store
        .claim_idempotency_key(&scope, &key, &request_hash)
        .await
    {
        Ok(claim) => claim,
        Err(e) => return Ok(req.error_response(ApiError::from(e))),
    };
    match claim {
        Claim::Existing(stored) if stored.request_hash != request_hash => {
            Ok(req.error_response(ApiError::Unprocessable(
                "idempotency_key_reused",
                crate::error::Text::say("idempotency-reused", vec![]),
            )))
        }
        Claim::Existing(stored) if !stored.completed => {
            // Until the lease runs out the first request may still finish; after it, a retry
            // takes the claim over (see `store::idempotency`).
            let wait_secs = (stored.claimed_at + LEASE_MICROS - now_micros())
                .clamp(1_000_000, LEASE_MICROS)
                / 1_000_000;
            let mut response = req.error_response(ApiError::Conflict(
                "idempotency_in_progress",
                crate::error::Text::say("idempotency-in-progress", vec![]),
            ));
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(wait_secs));
            Ok(response)
        }
        Claim::Existing(stored) => {
            let status =
                StatusCode::from_u16(stored.status.unwrap_or(200) as u16).unwrap_or(StatusCode::OK);
            let mut replay = HttpResponse::build(status);
            replay.insert_header((REPLAYED, "true"));
            if let Some(ct) = stored.content_type {
                replay.insert_header((header::CONTENT_TYPE, ct));
            }
            if let Some(location) = stored.location {
                replay.insert_header((header::LOCATION, location));
            }
            let (http_req, _) = req.into_parts();
            Ok(ServiceResponse::new(
                http_req,
                replay.body(stored.body.unwrap_or_default()),
            ))
        }
        Claim::Claimed => {
            let claim = ClaimRef {
                scope: scope.clone(),
                key: key.clone(),
            };
            let response = CURRENT_CLAIM.scope(claim, next.call(req)).await;
            let response = match response {
                Ok(r) => r,
                Err(e) => {
                    state
                        .store
                        .release_idempotency_key(&scope, &key)
                        .await
                        .map_err(ApiError::from)?;
                    return Err(e);
                }
            };
            let (http_req, res) = response.into_parts();
            let status = res.status();
            let headers = res.headers().clone();
            let bytes = to_bytes(res.into_body()).await.map_err(|_| {
                ApiError::Internal(anyhow::anyhow!("cannot read the response body"))
            })?;
            if status.is_server_error() {
                state
                    .store
                    .release_idempotency_key(&scope, &key)
                    .await
                    .map_err(ApiError::from)?;
            } else {
                let header_text = |name: header::HeaderName| {
                    headers
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned)
                };
                state
                    .store
                    .complete_idempotency_key(
                        &scope,
                        &key,
                        status.as_u16(),
                        &without_secrets(&bytes),
                        header_text(header::CONTENT_TYPE).as_deref(),
                        header_text(header::LOCATION).as_deref(),
                    )
                    .await
                    .map_err(ApiError::from)?;
            }
            let mut rebuilt = HttpResponse::build(status);
            for (name, value) in headers.iter() {
                rebuilt.insert_header((name.clone(), value.clone()));
            }
            Ok(ServiceResponse::new(http_req, rebuilt.body(bytes)))
        }
    }
}
