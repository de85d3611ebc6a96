//! A real HTTP webhook receiver for the tests, on a random loopback port: it records every
//! request and answers as told — fail a share of requests, be slow on some (longer than the
//! sender's timeout), say a flow is gone, or redirect.

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub webhook_id: String,
    pub timestamp: String,
    pub signature: Option<String>,
    pub body: Value,
    pub raw: String,
    /// The status the receiver answered.
    pub answered: u16,
}

/// How the receiver answers.
#[derive(Debug, Clone, Default)]
pub struct Behaviour {
    /// Answer 500 to every n-th request.
    pub fail_every: Option<usize>,
    /// Sleep 3 s (past the sender's 2 s timeout) on every n-th request.
    pub slow_every: Option<usize>,
    /// Answer 503 with `Retry-After: 1` to everything.
    pub unavailable: bool,
}

#[derive(Default)]
struct State {
    received: Vec<Received>,
    count: usize,
    behaviour: Behaviour,
}

/// A running receiver.
#[derive(Clone)]
pub struct Receiver {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

impl Receiver {
    /// Starts a receiver. Paths: `/gone/…` answer 410, `/redirect/…` answer 307 to
    /// `/redirected`, anything else 200 (subject to the behaviour).
    pub async fn start(behaviour: Behaviour) -> Self {
        let state = Arc::new(Mutex::new(State {
            behaviour,
            ..State::default()
        }));
        let shared = state.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(web::Data::new(shared.clone()))
                .default_service(web::to(receive))
        })
        .workers(2)
        .bind(("127.0.0.1", 0))
        .unwrap();
        let port = server.addrs()[0].port();
        tokio::spawn(server.run());
        Self { port, state }
    }

    /// `http://127.0.0.1:{port}{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Changes how it answers from now on.
    pub fn set(&self, behaviour: Behaviour) {
        self.state.lock().unwrap().behaviour = behaviour;
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// Requests answered 200 on `path`, one per webhook-id (the first).
    pub fn delivered(&self, path: &str) -> Vec<Received> {
        let mut seen = std::collections::HashSet::new();
        self.received()
            .into_iter()
            .filter(|r| r.path == path && r.answered == 200)
            .filter(|r| seen.insert(r.webhook_id.clone()))
            .collect()
    }

    /// Waits until `done` holds for what was received, or panics after `secs`.
    pub async fn wait_for(
        &self,
        secs: u64,
        what: &str,
        done: impl Fn(&[Received]) -> bool,
    ) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let received = self.received();
            if done(&received) {
                return received;
            }
            if tokio::time::Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what}; received: {:#?}",
                    received
                        .iter()
                        .map(|r| (&r.path, &r.webhook_id, r.answered, &r.body["type"]))
                        .collect::<Vec<_>>()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    state: web::Data<Arc<Mutex<State>>>,
) -> HttpResponse {
    let path = req.path().to_owned();
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (n, behaviour) = {
        let mut s = state.lock().unwrap();
        s.count += 1;
        (s.count, s.behaviour.clone())
    };
    let slow = behaviour.slow_every.is_some_and(|k| n % k == 0);
    if slow {
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    let (status, response) = if path.starts_with("/gone/") {
        (410, HttpResponse::Gone().finish())
    } else if path.starts_with("/redirect/") {
        (
            307,
            HttpResponse::TemporaryRedirect()
                .insert_header(("Location", "/redirected"))
                .finish(),
        )
    } else if behaviour.unavailable {
        (
            503,
            HttpResponse::ServiceUnavailable()
                .insert_header(("Retry-After", "1"))
                .finish(),
        )
    } else if behaviour.fail_every.is_some_and(|k| n % k == 0) || slow {
        // A slow answer arrives after the sender gave up; count it as not delivered.
        (500, HttpResponse::InternalServerError().finish())
    } else {
        (200, HttpResponse::Ok().finish())
    };
    let raw = String::from_utf8_lossy(&body).into_owned();
    state.lock().unwrap().received.push(Received {
        path,
        webhook_id: header("webhook-id").unwrap_or_default(),
        timestamp: header("webhook-timestamp").unwrap_or_default(),
        signature: header("webhook-signature"),
        body: serde_json::from_str(&raw).unwrap_or(Value::Null),
        raw,
        answered: status,
    });
    response
}
