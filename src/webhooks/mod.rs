//! Webhook delivery: the worker that sends what the outbox holds.
//!
//! Every replica runs one [`Worker`]. It wakes when this process commits an event (and
//! otherwise every `TSUNAGU_WEBHOOK_POLL_MS`, which is how it finds events other replicas
//! wrote, and retries that came due). It claims due deliveries under a lease (so replicas on one
//! PostgreSQL never send the same one at once, and a crashed replica's claims come back when
//! the lease runs out), sends up to `TSUNAGU_WEBHOOK_CONCURRENCY` at a time — a slow receiver
//! holds one slot for at most the attempt timeout, never the others — and records each outcome.
//! Claims and outcomes are batched: after a completion it claims again once half the slots are
//! free (at once when woken by a new event or the poll), and the outcomes of all attempts that
//! have finished are recorded in one transaction (10,000 events in a backlog took 10 s to
//! deliver with a claim and a commit per delivery). The outcomes:
//!
//! - 2xx: delivered.
//! - 404 or 410: the flow is gone; the subscription ends and its pending deliveries are
//!   cancelled (Power Automate answers so for a deleted flow).
//! - anything else, or no answer: retried with exponential back-off and jitter (the
//!   receiver's `Retry-After` on 429/503 is honoured), until `TSUNAGU_WEBHOOK_MAX_AGE_HOURS`
//!   after the event; then failed, for an admin to look at and retry.
//!
//! Every attempt of a delivery carries the same `webhook-id`, so a receiver can drop a
//! duplicate (delivery is at least once). Between deliveries the worker also sweeps for
//! unanswered questions and removes what is past keeping (events and finished deliveries after
//! `TSUNAGU_EVENT_RETENTION_DAYS`, Idempotency-Keys after 24 hours). On shutdown it lets attempts in flight finish (they are bounded by the
//! timeout) and gives back any lease it still holds.

pub mod signing;
pub mod ssrf;

use crate::config::WebhookConfig;
use crate::domain::event::{Event, EventData, EventType};
use crate::metrics::Metrics;
use crate::store::deliveries::{AttemptOutcome, DueDelivery};
use crate::store::{now_micros, Store};
use rand::Rng;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// An attempt that has ended: the delivery, the lease it was claimed under, and how it ended.
type Finished = (DueDelivery, i64, AttemptOutcome);

/// The longest wait between two attempts.
const MAX_BACKOFF_MICROS: i64 = 3_600_000_000;

/// Sends webhook deliveries.
#[derive(Clone)]
pub struct Worker {
    store: Store,
    config: WebhookConfig,
    client: reqwest::Client,
    /// `https://host/api/v1`, for links in payloads.
    site_base: String,
    metrics: Option<Arc<Metrics>>,
}

/// A running worker: tell it to stop, then wait for it.
pub struct WorkerHandle {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl WorkerHandle {
    /// Stops claiming, lets attempts in flight finish, gives back leases, and returns.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

impl Worker {
    /// A worker for `store`, linking payloads to `site_base` (`https://host`: `link` goes under
    /// its `/api/v1`, `web_url` to its pages).
    pub fn new(
        store: Store,
        config: WebhookConfig,
        site_base: String,
        metrics: Option<Arc<Metrics>>,
    ) -> anyhow::Result<Self> {
        let resolver = ssrf::PublicOnlyResolver {
            allow_hosts: Arc::new(config.allow_hosts.clone()),
        };
        let client = reqwest::Client::builder()
            // Never through HTTP(S)_PROXY from the environment: a proxy would resolve and
            // connect on our behalf, past the address check of the resolver below.
            .no_proxy()
            .dns_resolver(Arc::new(resolver))
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(config.timeout_secs))
            .user_agent(concat!("tsunagu-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            store,
            config,
            client,
            site_base,
            metrics,
        })
    }

    /// How long a claim is held: an attempt's timeout and a margin.
    fn lease_micros(&self) -> i64 {
        (self.config.timeout_secs as i64 + 5) * 1_000_000
    }

    /// Starts the worker on the current runtime.
    pub fn spawn(self) -> WorkerHandle {
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(self.run(stopped));
        WorkerHandle { stop, task }
    }

    async fn run(self, mut stopped: watch::Receiver<bool>) {
        let mut in_flight: JoinSet<Finished> = JoinSet::new();
        let mut leases: HashMap<i64, i64> = HashMap::new();
        // Claim at once when woken by a new event or the poll; after a completion, only once
        // half the slots are free, so claims come in batches.
        let mut claim_now = true;
        let batch = self.config.concurrency.div_ceil(2);
        let mut next_sweep = tokio::time::Instant::now();
        let poll = Duration::from_millis(self.config.poll_ms);
        while !*stopped.borrow() {
            if tokio::time::Instant::now() >= next_sweep {
                next_sweep += Duration::from_secs(self.config.sweep_secs);
                match self.store.sweep_unanswered(now_micros()).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(events = n, "unanswered questions found"),
                    Err(e) => tracing::warn!(error = %e, "unanswered-question sweep failed"),
                }
                let keep = self.config.event_retention_days as i64 * 86_400_000_000;
                match self.store.prune(now_micros(), now_micros() - keep).await {
                    Ok((0, 0, 0)) => {}
                    Ok((events, deliveries, keys)) => {
                        tracing::info!(
                            events,
                            deliveries,
                            keys,
                            "old events, deliveries and idempotency keys removed"
                        )
                    }
                    Err(e) => tracing::warn!(error = %e, "pruning failed"),
                }
            }
            let free = self.config.concurrency.saturating_sub(in_flight.len());
            if free > 0 && (claim_now || free >= batch) {
                let lease = now_micros() + self.lease_micros();
                match self.store.claim_due_deliveries(free as i64, lease).await {
                    Ok(due) => {
                        for delivery in due {
                            leases.insert(delivery.id, lease);
                            let worker = self.clone();
                            in_flight.spawn(async move {
                                let outcome = worker.send(&delivery).await;
                                (delivery, lease, outcome)
                            });
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "cannot claim webhook deliveries"),
                }
            }
            claim_now = false;
            tokio::select! {
                Some(done) = in_flight.join_next(), if !in_flight.is_empty() => {
                    // This attempt and every other that has finished meanwhile: one write.
                    let mut finished: Vec<Finished> = done.into_iter().collect();
                    while let Some(done) = in_flight.try_join_next() {
                        finished.extend(done);
                    }
                    self.record(finished, &mut leases).await;
                }
                _ = tokio::time::sleep(poll) => claim_now = true,
                _ = self.store.outbox_changed() => claim_now = true,
                _ = stopped.changed() => {}
            }
        }
        // Shutting down: attempts in flight end within their timeout; then give back the rest.
        let grace = Duration::from_secs(self.config.timeout_secs + 1);
        let mut finished: Vec<Finished> = Vec::new();
        let _ = tokio::time::timeout(grace, async {
            while let Some(done) = in_flight.join_next().await {
                finished.extend(done);
            }
        })
        .await;
        in_flight.abort_all();
        self.record(finished, &mut leases).await;
        let held: Vec<(i64, i64)> = leases.into_iter().collect();
        if !held.is_empty() {
            if let Err(e) = self.store.release_leases(&held).await {
                tracing::warn!(error = %e, "cannot release webhook leases");
            }
        }
    }

    /// Logs and counts finished attempts, then records their outcomes in one transaction and
    /// forgets their leases.
    async fn record(&self, finished: Vec<Finished>, leases: &mut HashMap<i64, i64>) {
        if finished.is_empty() {
            return;
        }
        for (delivery, _, outcome) in &finished {
            leases.remove(&delivery.id);
            self.log_attempt(delivery, outcome);
        }
        // A few tries: on PostgreSQL at shutdown, a pooled connection opened by an HTTP worker
        // whose runtime has just stopped fails, and the pool replaces it on the next try.
        let mut tries = 0;
        let recorded = loop {
            match self.store.finish_attempts(&finished).await {
                Ok(recorded) => break recorded,
                Err(e) if tries < 4 => {
                    tries += 1;
                    tracing::debug!(error = %e, tries, "recording webhook outcomes failed; trying again");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => {
                    // Not recorded: each lease runs out and the delivery is attempted again.
                    tracing::warn!(attempts = finished.len(), error = %e, "cannot record webhook outcomes");
                    return;
                }
            }
        };
        for ((delivery, _, _), recorded) in finished.iter().zip(recorded) {
            if recorded {
                continue;
            }
            // Withdrawn while in flight: what the event was about was deleted or hidden.
            if !self
                .store
                .delivery_exists(delivery.id)
                .await
                .unwrap_or(true)
            {
                tracing::debug!(delivery_id = %delivery.public_id, "webhook delivery withdrawn during its attempt")
            } else {
                tracing::warn!(
                    delivery_id = %delivery.public_id,
                    "webhook lease was taken over; outcome not recorded"
                )
            }
        }
    }

    /// Logs an attempt and counts it in the metrics — unless it is concealed.
    fn log_attempt(&self, delivery: &DueDelivery, outcome: &AttemptOutcome) {
        let label = match outcome {
            AttemptOutcome::Delivered { .. } => "delivered",
            AttemptOutcome::Retry { .. } => "retry",
            AttemptOutcome::Failed { .. } => "failed",
            AttemptOutcome::Gone { .. } => "gone",
        };
        // A concealed delivery (to an anonymous asker's own subscription) is sent like any
        // other, but counted and logged at info nowhere: its presence would tell who asked.
        if delivery.concealed {
            tracing::debug!(
                delivery_id = %delivery.public_id,
                event_id = delivery.event_id,
                attempt = delivery.attempts,
                outcome = label,
                "webhook attempt (concealed)"
            );
        } else {
            if let Some(metrics) = &self.metrics {
                metrics.webhook_attempt(label);
            }
            tracing::info!(
                delivery_id = %delivery.public_id,
                event_id = delivery.event_id,
                event_type = %delivery.event_type,
                attempt = delivery.attempts,
                outcome = label,
                "webhook attempt"
            );
        }
    }

    /// The message a delivery sends.
    pub fn payload(&self, delivery: &DueDelivery) -> Vec<u8> {
        let data: EventData = serde_json::from_str(&delivery.data).unwrap_or_default();
        let event_type =
            EventType::parse(&delivery.event_type).unwrap_or(EventType::QuestionPosted);
        let occurred_at =
            chrono::DateTime::from_timestamp_micros(delivery.occurred_at).unwrap_or_default();
        let event = Event::new(
            delivery.event_id,
            event_type,
            occurred_at,
            data,
            &self.site_base,
        );
        serde_json::to_vec(&event).unwrap_or_default()
    }

    async fn send(&self, delivery: &DueDelivery) -> AttemptOutcome {
        let url = match url::Url::parse(&delivery.callback_url) {
            Ok(url) => url,
            Err(_) => {
                return AttemptOutcome::Failed {
                    status: None,
                    error: "the callback URL is not a URL".into(),
                }
            }
        };
        // The resolver checks names; an IP literal is checked here. Neither is retried: the
        // URL will not become safe by waiting.
        if let Err(refused) = ssrf::check_literal_host(&url, &self.config.allow_hosts) {
            return AttemptOutcome::Failed {
                status: None,
                error: refused.to_string(),
            };
        }
        let body = self.payload(delivery);
        let message_id = format!("msg_{}", delivery.public_id);
        let timestamp = chrono::Utc::now().timestamp();
        let mut request = self
            .client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("webhook-id", &message_id)
            .header("webhook-timestamp", timestamp.to_string());
        if let Some(key) = delivery.secret.as_deref().and_then(signing::secret_key) {
            request = request.header(
                "webhook-signature",
                signing::sign(&key, &message_id, timestamp, &body),
            );
        }
        let (status, retry_after, error) = match request.body(body).send().await {
            Ok(response) => {
                let status = response.status();
                if status.is_success() {
                    return AttemptOutcome::Delivered {
                        status: status.as_u16(),
                    };
                }
                if status == reqwest::StatusCode::NOT_FOUND || status == reqwest::StatusCode::GONE {
                    return AttemptOutcome::Gone {
                        status: status.as_u16(),
                    };
                }
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<i64>().ok())
                    .filter(|_| {
                        status == reqwest::StatusCode::TOO_MANY_REQUESTS
                            || status == reqwest::StatusCode::SERVICE_UNAVAILABLE
                    });
                (
                    Some(status.as_u16()),
                    retry_after,
                    format!("the receiver answered {status}"),
                )
            }
            // Without the URL: a Power Automate callback URL carries its signature.
            Err(e) => (None, None, e.without_url().to_string()),
        };
        let now = now_micros();
        let expires = delivery
            .expires_at
            .unwrap_or(delivery.created_at + self.config.max_age_hours as i64 * 3_600_000_000);
        let delay = backoff_micros(
            delivery.attempts,
            self.config.retry_base_ms as i64 * 1000,
            retry_after,
        );
        if now + delay > expires {
            AttemptOutcome::Failed { status, error }
        } else {
            AttemptOutcome::Retry {
                status,
                error,
                next_attempt_at: now + delay,
            }
        }
    }
}

/// The wait before the next attempt after `attempts` failed ones: `base × 2^(attempts−1)`,
/// at most an hour, with full jitter in its upper half; or the receiver's `Retry-After`.
pub fn backoff_micros(attempts: i64, base_micros: i64, retry_after_secs: Option<i64>) -> i64 {
    if let Some(secs) = retry_after_secs {
        return (secs.max(1) * 1_000_000).min(MAX_BACKOFF_MICROS);
    }
    let exponent = (attempts.max(1) - 1).min(30) as u32;
    let ceiling = base_micros
        .saturating_mul(1_i64 << exponent)
        .min(MAX_BACKOFF_MICROS);
    rand::thread_rng().gen_range(ceiling / 2..=ceiling.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_honours_retry_after() {
        for attempts in 1..=5 {
            let ceiling = 2_000_000 * (1 << (attempts - 1));
            let delay = backoff_micros(attempts, 2_000_000, None);
            assert!(
                (ceiling / 2..=ceiling).contains(&delay),
                "{attempts}: {delay}"
            );
        }
        assert!(backoff_micros(40, 2_000_000, None) <= MAX_BACKOFF_MICROS);
        assert_eq!(backoff_micros(1, 2_000_000, Some(30)), 30_000_000);
        assert_eq!(
            backoff_micros(1, 2_000_000, Some(999_999)),
            MAX_BACKOFF_MICROS
        );
    }
}
