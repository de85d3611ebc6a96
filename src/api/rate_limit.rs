//! Rate limits: a token bucket per caller. Refilled at `TSUNAGU_RATE_LIMIT_PER_MINUTE`
//! (default 600) up to a burst of `TSUNAGU_RATE_LIMIT_BURST` (default 60); reads cost 1 token,
//! writes 2. Over the limit: `429` with `Retry-After`, which Power Automate honours when it
//! retries. Every API response carries the bucket in the fields of the IETF RateLimit header
//! draft, in one model: `RateLimit-Limit` is the bucket's size (the burst), `RateLimit-Remaining`
//! the tokens left in it, `RateLimit-Reset` the seconds until it is full, and
//! `RateLimit-Policy: <size>;w=<seconds to refill it>`. With rate limits off, none is sent.
//!
//! The bucket is the **authenticated member's**, however the credential is spelled (spaces
//! after `Bearer`, a key or a token, a session): the request is authenticated here, once, and
//! the [`crate::auth::Caller`] extractor reuses the answer. Requests without a credential, and
//! requests whose credential fails, share a bucket per client address, where a failure costs
//! [`FAILED_AUTH_COST`] — so guessing keys is slowed down, not just refused.
//!
//! Buckets live in memory, per replica: behind a load balancer with N replicas a caller may
//! get up to N times the limit.

use crate::error::ApiError;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web;
use actix_web::HttpMessage;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Tokens a write (POST, PUT, PATCH, DELETE) costs; reads cost 1.
pub const WRITE_COST: f64 = 2.0;
/// Tokens a request whose credential was refused costs its client address's bucket.
pub const FAILED_AUTH_COST: f64 = 5.0;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// The shared limiter.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    burst: f64,
    buckets: Mutex<HashMap<String, Bucket>>,
}

/// What a request's check found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// Whether the request may proceed.
    pub allowed: bool,
    /// Tokens left after it.
    pub remaining: u32,
    /// Seconds until the bucket is full again (`RateLimit-Reset`).
    pub reset_secs: u64,
    /// When refused: seconds until the request would be allowed (`Retry-After`).
    pub retry_after_secs: u64,
}

impl RateLimiter {
    /// A limiter; `per_minute` 0 disables it.
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self {
            per_minute,
            burst: burst.max(1) as f64,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes `cost` tokens from `key`'s bucket if it has them.
    pub fn check(&self, key: &str, cost: f64, now: Instant) -> Decision {
        if self.per_minute == 0 {
            return Decision {
                allowed: true,
                remaining: self.burst as u32,
                reset_secs: 0,
                retry_after_secs: 0,
            };
        }
        let rate = self.per_minute as f64 / 60.0;
        let mut buckets = match self.buckets.lock() {
            Ok(b) => b,
            Err(poisoned) => poisoned.into_inner(),
        };
        if buckets.len() > 100_000 {
            let burst = self.burst;
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * rate < burst
            });
        }
        let bucket = buckets.entry(key.to_owned()).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        bucket.tokens = (bucket.tokens + now.duration_since(bucket.updated).as_secs_f64() * rate)
            .min(self.burst);
        bucket.updated = now;
        if bucket.tokens >= cost {
            bucket.tokens -= cost;
            Decision {
                allowed: true,
                remaining: bucket.tokens.floor() as u32,
                reset_secs: ((self.burst - bucket.tokens) / rate).ceil() as u64,
                retry_after_secs: 0,
            }
        } else {
            Decision {
                allowed: false,
                remaining: 0,
                reset_secs: ((self.burst - bucket.tokens) / rate).ceil() as u64,
                retry_after_secs: ((cost - bucket.tokens) / rate).ceil().max(1.0) as u64,
            }
        }
    }

    /// The configured requests per minute (tokens refilled per minute).
    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// The bucket's size: the most tokens a caller may spend at once.
    pub fn burst(&self) -> u32 {
        self.burst as u32
    }

    /// Seconds an empty bucket takes to fill up.
    pub fn refill_secs(&self) -> u64 {
        if self.per_minute == 0 {
            return 0;
        }
        (self.burst * 60.0 / f64::from(self.per_minute)).ceil() as u64
    }
}

/// The middleware.
pub async fn limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let limiter = req.app_data::<web::Data<RateLimiter>>().cloned();
    // The API, and the pages anyone can hit that cost the server work: sign-in (each callback
    // calls the identity provider) and the connector package.
    let limited = req.path().starts_with(crate::api::API_PREFIX)
        || req.path().starts_with("/auth/")
        || req.path() == "/connector.zip";
    let (Some(limiter), true) = (limiter, limited) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if limiter.per_minute() == 0 {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let mut cost = if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        1.0
    } else {
        WRITE_COST
    };
    let address = || {
        format!(
            "ip:{}",
            req.peer_addr()
                .map(|a| a.ip().to_string())
                .unwrap_or_default()
        )
    };
    let key = if crate::auth::has_credentials(req.request()) {
        let outcome = crate::auth::authenticate(req.request()).await;
        let key = match &outcome {
            Ok(caller) => format!("member:{}", caller.member_id),
            Err(_) => {
                cost = FAILED_AUTH_COST;
                address()
            }
        };
        req.extensions_mut()
            .insert(crate::auth::Authenticated(outcome));
        key
    } else {
        address()
    };
    let decision = limiter.check(&key, cost, Instant::now());
    let headers_for = |res: &mut ServiceResponse<BoxBody>| {
        let h = res.headers_mut();
        for (name, value) in [
            ("ratelimit-limit", limiter.burst().to_string()),
            ("ratelimit-remaining", decision.remaining.to_string()),
            ("ratelimit-reset", decision.reset_secs.to_string()),
            (
                "ratelimit-policy",
                format!("{};w={}", limiter.burst(), limiter.refill_secs()),
            ),
        ] {
            if let Ok(v) = HeaderValue::from_str(&value) {
                h.insert(HeaderName::from_static(name), v);
            }
        }
    };
    if !decision.allowed {
        tracing::debug!("rate limit reached");
        if let Some(metrics) = req.app_data::<web::Data<crate::metrics::Metrics>>() {
            metrics.rate_limited();
        }
        let mut res = req
            .error_response(ApiError::RateLimited(decision.retry_after_secs))
            .map_into_boxed_body();
        headers_for(&mut res);
        return Ok(res);
    }
    let mut res = next.call(req).await?.map_into_boxed_body();
    headers_for(&mut res);
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_bucket_allows_the_burst_then_refills_at_the_rate() {
        let limiter = RateLimiter::new(60, 3); // one token per second
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check("a", 1.0, t0).allowed);
        }
        let refused = limiter.check("a", 1.0, t0);
        assert!(!refused.allowed);
        // Allowed again in 1 s; full again (3 tokens) in 3 s.
        assert_eq!((refused.retry_after_secs, refused.reset_secs), (1, 3));
        assert!(
            limiter.check("b", 1.0, t0).allowed,
            "buckets are per caller"
        );
        assert!(
            limiter
                .check("a", 1.0, t0 + Duration::from_millis(1100))
                .allowed
        );
        assert!(
            !limiter
                .check("a", WRITE_COST, t0 + Duration::from_millis(1200))
                .allowed,
            "writes cost more"
        );
        assert!(
            RateLimiter::new(0, 1).check("a", 100.0, t0).allowed,
            "0 disables"
        );
    }
}
