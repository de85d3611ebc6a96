//! Prometheus metrics: requests by route and status, latency histograms, rate-limit
//! rejections, webhook delivery attempts by outcome, and — at scrape time — the database pool
//! and the webhook queue depth. Served at `GET /metrics`, protected by
//! `TSUNAGU_METRICS_TOKEN` when set.

use prometheus::{HistogramOpts, HistogramVec, IntCounter, IntCounterVec, Opts, Registry};

/// The service's metrics; built once at start and shared by all workers.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    rate_limited: IntCounter,
    webhook_attempts: IntCounterVec,
}

impl Metrics {
    /// Creates and registers the metrics.
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "tsunagu_http_requests_total",
                "HTTP requests by method, route pattern and status",
            ),
            &["method", "route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "tsunagu_http_request_duration_seconds",
                "HTTP request latency by method and route pattern",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["method", "route"],
        )?;
        let rate_limited = IntCounter::new(
            "tsunagu_rate_limited_total",
            "Requests refused by the rate limit",
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        let webhook_attempts = IntCounterVec::new(
            Opts::new(
                "tsunagu_webhook_attempts_total",
                "Webhook delivery attempts by outcome (delivered, retry, failed, gone)",
            ),
            &["outcome"],
        )?;
        registry.register(Box::new(rate_limited.clone()))?;
        registry.register(Box::new(webhook_attempts.clone()))?;
        Ok(Self {
            registry,
            requests,
            latency,
            rate_limited,
            webhook_attempts,
        })
    }

    /// Records one finished request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .with_label_values(&[method, route, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    /// Counts a rate-limit refusal.
    pub fn rate_limited(&self) {
        self.rate_limited.inc();
    }

    /// Counts a webhook delivery attempt.
    pub fn webhook_attempt(&self, outcome: &str) {
        self.webhook_attempts.with_label_values(&[outcome]).inc();
    }

    /// The text exposition, with the pool figures and the webhook queue depth appended.
    pub fn render(&self, pool_size: u32, pool_idle: usize, webhook_pending: i64) -> String {
        let mut out = String::new();
        if let Err(e) =
            prometheus::TextEncoder::new().encode_utf8(&self.registry.gather(), &mut out)
        {
            tracing::error!(error = %e, "cannot encode metrics");
        }
        let idle = pool_idle as u32;
        out.push_str("# HELP tsunagu_db_pool_connections Database pool connections by state\n");
        out.push_str("# TYPE tsunagu_db_pool_connections gauge\n");
        out.push_str(&format!(
            "tsunagu_db_pool_connections{{state=\"idle\"}} {idle}\n"
        ));
        out.push_str(&format!(
            "tsunagu_db_pool_connections{{state=\"in_use\"}} {}\n",
            pool_size.saturating_sub(idle)
        ));
        out.push_str("# HELP tsunagu_webhook_queue_depth Webhook deliveries waiting to be sent\n");
        out.push_str("# TYPE tsunagu_webhook_queue_depth gauge\n");
        out.push_str(&format!("tsunagu_webhook_queue_depth {webhook_pending}\n"));
        out
    }
}
