//! The real `tsunagu` binary as an operator runs it: killed and stopped.
//!
//! A 201 survives `kill -9`, and retrying after a crash never duplicates: 32 writers post
//! questions with idempotency keys, the process is SIGKILLed mid-run and started again on the
//! same database; then every question that got a 201 is there, and retrying every request with
//! its key yields each question exactly once. And SIGTERM is graceful: a request in flight
//! finishes, new connections are refused, the process exits 0.
//!
//! Webhooks: deliveries pending when the process is SIGKILLed all arrive after a restart; two
//! processes on one PostgreSQL database deliver every event exactly once (when nothing fails)
//! and sweep unanswered questions without firing twice.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;
use sqlx::Connection;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

const WRITERS: usize = 32;
/// Answered requests after which the server is killed.
const KILL_AFTER: usize = 400;

/// One request a writer sent: its key and title, and the id if a 201 came back.
#[derive(Debug, Clone)]
struct Sent {
    key: String,
    title: String,
    created: Option<i64>,
}

/// The binary with the settings every process test uses (quiet log, fast webhook retries).
pub(crate) fn tsunagu(database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tsunagu"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TSUNAGU_DATABASE_URL", database_url)
        .env("TSUNAGU_RATE_LIMIT_PER_MINUTE", "0")
        .env("TSUNAGU_LOG", "warn")
        .env("TSUNAGU_WORKERS", "2")
        .env("TSUNAGU_WEBHOOK_ALLOW_HOSTS", "127.0.0.1")
        .env("TSUNAGU_WEBHOOK_TIMEOUT_SECS", "2")
        .env("TSUNAGU_WEBHOOK_RETRY_BASE_MS", "200")
        .env("TSUNAGU_WEBHOOK_POLL_MS", "50")
        .env("TSUNAGU_WEBHOOK_SWEEP_SECS", "1");
    command
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `tsunagu serve` on `port` and waits until it answers.
async fn start_server(database_url: &str, port: u16) -> Child {
    start_server_with(database_url, port, &[]).await
}

/// Like [`start_server`], with more environment variables.
async fn start_server_with(database_url: &str, port: u16, env: &[(&str, &str)]) -> Child {
    let mut child = tsunagu(database_url)
        .envs(env.iter().copied())
        .env("TSUNAGU_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if let Ok(r) = client
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await
        {
            if r.status() == StatusCode::OK {
                return child;
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("tsunagu exited before serving: {status}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().unwrap();
    panic!("tsunagu did not start serving on port {port}");
}

/// Posts with the key until a 201 (or a replayed one) comes back, waiting out 409s; returns
/// the id and how many 409s ("still in progress": a claim the kill left behind) it waited out.
async fn post_until_answered(
    client: &reqwest::Client,
    base: &str,
    api_key: &str,
    sent: &Sent,
) -> (i64, usize) {
    for waits in 0..100 {
        let response = client
            .post(format!("{base}/api/v1/questions"))
            .bearer_auth(api_key)
            .header("Idempotency-Key", &sent.key)
            .json(&json!({"title": sent.title, "body": "written during the crash test"}))
            .send()
            .await
            .unwrap();
        match response.status() {
            StatusCode::CREATED => {
                let body: serde_json::Value = response.json().await.unwrap();
                return (body["id"].as_i64().unwrap(), waits);
            }
            StatusCode::CONFLICT => {
                let wait: u64 = response.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                tokio::time::sleep(Duration::from_secs(wait)).await;
            }
            other => panic!(
                "retry of {} got {other}: {}",
                sent.key,
                response.text().await.unwrap()
            ),
        }
    }
    panic!("retry of {} never completed", sent.key);
}

/// Creates a member with the CLI and returns their API key.
fn member_key(database_url: &str, name: &str) -> String {
    let output = tsunagu(database_url)
        .args(["admin", "create-member", "--name", name])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("API key (shown once): ").map(str::to_owned))
        .unwrap()
}

async fn execute(backend: Backend, database_url: &str, sql: &str) {
    match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(database_url).await.unwrap();
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(database_url).await.unwrap();
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
    }
}

async fn post_json(
    base: &str,
    key: &str,
    path: &str,
    body: serde_json::Value,
) -> serde_json::Value {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/v1{path}"))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "{path}");
    response.json().await.unwrap()
}

/// One number from the database behind the server's back.
pub(crate) async fn count(backend: Backend, database_url: &str, sql: &str) -> i64 {
    match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(database_url).await.unwrap();
            sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(database_url).await.unwrap();
            sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
        }
    }
}

/// Kills the server (SIGKILL) and drops a PostgreSQL test database.
async fn kill_and_clean_up(mut server: Child, backend: Backend, database_url: &str) {
    server.kill().unwrap();
    server.wait().unwrap();
    if backend == Backend::Postgres {
        drop_database(database_url).await;
    }
}

async fn crash_and_retry(backend: Backend) {
    let (database_url, _dir) = fresh_database(backend).await;
    let api_key = member_key(&database_url, "Crash writer");

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&database_url, port).await;

    let answered = Arc::new(AtomicUsize::new(0));
    let killed = Arc::new(AtomicBool::new(false));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let mut writers = Vec::new();
    for writer in 0..WRITERS {
        let (client, base, api_key) = (client.clone(), base.clone(), api_key.clone());
        let (answered, killed) = (answered.clone(), killed.clone());
        writers.push(tokio::spawn(async move {
            let mut sent = Vec::new();
            for n in 0.. {
                let mut request = Sent {
                    key: format!("crash-w{writer}-n{n}"),
                    title: format!("Crash test writer {writer} request {n}"),
                    created: None,
                };
                let response = client
                    .post(format!("{base}/api/v1/questions"))
                    .bearer_auth(&api_key)
                    .header("Idempotency-Key", &request.key)
                    .json(&json!({"title": request.title, "body": "written during the crash test"}))
                    .send()
                    .await;
                // A response cut off by the kill counts as unanswered.
                let body = match response {
                    Ok(r) if r.status() == StatusCode::CREATED => {
                        r.json::<serde_json::Value>().await.ok()
                    }
                    Ok(r) if !killed.load(Ordering::SeqCst) => panic!("unexpected {}", r.status()),
                    _ => None,
                };
                let Some(body) = body else {
                    sent.push(request);
                    return sent;
                };
                request.created = Some(body["id"].as_i64().unwrap());
                sent.push(request);
                answered.fetch_add(1, Ordering::SeqCst);
            }
            sent
        }));
    }
    while answered.load(Ordering::SeqCst) < KILL_AFTER {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    killed.store(true, Ordering::SeqCst);
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    let mut sent: Vec<Sent> = Vec::new();
    for w in writers {
        sent.extend(w.await.unwrap());
    }
    let confirmed: Vec<&Sent> = sent.iter().filter(|s| s.created.is_some()).collect();
    let cut_off = sent.len() - confirmed.len();
    assert!(confirmed.len() >= KILL_AFTER);
    assert_eq!(
        cut_off, WRITERS,
        "each writer ends on the request the kill cut off"
    );

    let server = start_server(&database_url, port).await;
    // Every 201 is still there.
    for s in &confirmed {
        let response = client
            .get(format!("{base}/api/v1/questions/{}", s.created.unwrap()))
            .bearer_auth(&api_key)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{} lost after the crash",
            s.key
        );
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["title"], s.title.as_str());
    }
    // Retrying everything with its key: the same ids for the confirmed, one row each for all.
    let mut waited = 0;
    for s in &sent {
        let (id, waits) = post_until_answered(&client, &base, &api_key, s).await;
        waited += waits.min(1);
        if let Some(created) = s.created {
            assert_eq!(
                id, created,
                "the retry of {} answered another question",
                s.key
            );
        }
    }
    let rows = count(backend, &database_url, "SELECT COUNT(*) FROM questions").await;
    let distinct_titles = count(
        backend,
        &database_url,
        "SELECT COUNT(DISTINCT title) FROM questions",
    )
    .await;
    assert_eq!(
        (rows, distinct_titles),
        (sent.len() as i64, sent.len() as i64),
        "no duplicates, nothing missing"
    );
    eprintln!(
        "crash test ({backend:?}): {} confirmed before SIGKILL, {cut_off} cut off ({waited} left claimed), {rows} questions after retries",
        confirmed.len()
    );
    kill_and_clean_up(server, backend, &database_url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_mid_run_loses_no_201_and_retries_make_no_duplicates_sqlite() {
    crash_and_retry(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_mid_run_loses_no_201_and_retries_make_no_duplicates_postgres() {
    crash_and_retry(Backend::Postgres).await;
}

/// Posts a question whose body arrives in two parts; the second is sent when `rest` fires.
async fn slow_post(
    base: String,
    api_key: String,
    rest: tokio::sync::oneshot::Receiver<()>,
) -> reqwest::Result<reqwest::Response> {
    let body =
        json!({"title": "Posted while stopping", "body": "the server finishes this request"})
            .to_string();
    let (head, tail) = body.split_at(20);
    let parts = vec![
        (head.as_bytes().to_vec(), None),
        (tail.as_bytes().to_vec(), Some(rest)),
    ];
    let stream = futures_util::stream::unfold(parts.into_iter(), |mut parts| async move {
        let (bytes, wait) = parts.next()?;
        if let Some(wait) = wait {
            let _ = wait.await;
        }
        Some((Ok::<_, std::io::Error>(bytes), parts))
    });
    reqwest::Client::new()
        .post(format!("{base}/api/v1/questions"))
        .bearer_auth(api_key)
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
}

async fn stop_gracefully(backend: Backend) {
    let (database_url, _dir) = fresh_database(backend).await;
    let api_key = member_key(&database_url, "Stopper");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&database_url, port).await;

    let (send_rest, rest) = tokio::sync::oneshot::channel();
    let in_flight = tokio::spawn(slow_post(base.clone(), api_key.clone(), rest));
    tokio::time::sleep(Duration::from_millis(300)).await; // the first half is in
    let term = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    // Stopping: new connections are refused while the request in flight is still served.
    let mut refused = false;
    for _ in 0..100 {
        if reqwest::Client::new()
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_err()
        {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        refused,
        "the server kept accepting connections after SIGTERM"
    );
    assert!(
        server.try_wait().unwrap().is_none(),
        "the server exited with a request in flight"
    );
    send_rest.send(()).unwrap();
    let response = in_flight.await.unwrap().unwrap();
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "the request in flight was finished"
    );
    let status = server.wait().unwrap();
    assert!(status.success(), "exit status {status}");
    let rows = count(backend, &database_url, "SELECT COUNT(*) FROM questions").await;
    assert_eq!(rows, 1);
    if backend == Backend::Postgres {
        drop_database(&database_url).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_the_request_in_flight_and_exits_cleanly_sqlite() {
    stop_gracefully(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_the_request_in_flight_and_exits_cleanly_postgres() {
    stop_gracefully(Backend::Postgres).await;
}

async fn deliveries_survive_sigkill(backend: Backend) {
    use crate::receiver::{Behaviour, Receiver};
    let (database_url, _dir) = fresh_database(backend).await;
    let key = member_key(&database_url, "Webhook owner");
    let receiver = Receiver::start(Behaviour {
        unavailable: true,
        ..Behaviour::default()
    })
    .await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&database_url, port).await;
    post_json(
        &base,
        &key,
        "/subscriptions/question-posted",
        json!({"callback_url": receiver.url("/flow")}),
    )
    .await;
    let mut ids = Vec::new();
    for i in 0..20 {
        let q = post_json(
            &base,
            &key,
            "/questions",
            json!({"title": format!("Posted before the crash {i}"), "body": "b"}),
        )
        .await;
        ids.push(q["id"].as_i64().unwrap());
    }
    // The receiver is down: attempts fail and are retried; kill the server meanwhile.
    receiver
        .wait_for(20, "first attempts", |r| r.len() >= 10)
        .await;
    server.kill().unwrap();
    server.wait().unwrap();
    receiver.set(Behaviour::default());
    let server = start_server(&database_url, port).await;
    let received = receiver
        .wait_for(60, "every event after the restart", |r| {
            let delivered: std::collections::HashSet<i64> = r
                .iter()
                .filter(|x| x.answered == 200)
                .filter_map(|x| x.body["question"]["id"].as_i64())
                .collect();
            ids.iter().all(|id| delivered.contains(id))
        })
        .await;
    let mut per_event: std::collections::HashMap<i64, std::collections::HashSet<String>> =
        Default::default();
    for r in &received {
        per_event
            .entry(r.body["id"].as_i64().unwrap())
            .or_default()
            .insert(r.webhook_id.clone());
    }
    assert!(
        per_event.values().all(|ids| ids.len() == 1),
        "one webhook-id per event across the crash"
    );
    eprintln!(
        "webhook crash test ({backend:?}): {} attempts for 20 events, all delivered after SIGKILL",
        received.len()
    );
    kill_and_clean_up(server, backend, &database_url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_deliveries_pending_at_sigkill_all_arrive_after_restart_sqlite() {
    deliveries_survive_sigkill(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_deliveries_pending_at_sigkill_all_arrive_after_restart_postgres() {
    deliveries_survive_sigkill(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_on_one_postgres_deliver_each_event_once() {
    use crate::receiver::{Behaviour, Receiver};
    let backend = Backend::Postgres;
    let (database_url, _dir) = fresh_database(backend).await;
    let key = member_key(&database_url, "Replica tester");
    let receiver = Receiver::start(Behaviour::default()).await;
    let ports = [free_port(), free_port()];
    let bases: Vec<String> = ports
        .iter()
        .map(|p| format!("http://127.0.0.1:{p}"))
        .collect();
    let mut a = start_server(&database_url, ports[0]).await;
    let mut b = start_server(&database_url, ports[1]).await;
    post_json(
        &bases[0],
        &key,
        "/subscriptions/question-posted",
        json!({"callback_url": receiver.url("/posted")}),
    )
    .await;
    post_json(
        &bases[1],
        &key,
        "/subscriptions/question-unanswered",
        json!({"callback_url": receiver.url("/unanswered"), "hours": 1}),
    )
    .await;
    const QUESTIONS: usize = 40;
    for i in 0..QUESTIONS {
        post_json(
            &bases[i % 2],
            &key,
            "/questions",
            json!({"title": format!("Replica question {i}"), "body": "b"}),
        )
        .await;
    }
    // Two hours pass: both replicas sweep for unanswered questions.
    execute(
        backend,
        &database_url,
        "UPDATE questions SET created_at = created_at - 7200000000",
    )
    .await;
    execute(
        backend,
        &database_url,
        "UPDATE subscriptions SET created_at = created_at - 7200000000",
    )
    .await;
    receiver
        .wait_for(60, "every event", |r| {
            r.iter().filter(|x| x.path == "/posted").count() >= QUESTIONS
                && r.iter().filter(|x| x.path == "/unanswered").count() >= QUESTIONS
        })
        .await;
    tokio::time::sleep(Duration::from_secs(3)).await; // a duplicate would arrive by now
    let received = receiver.received();
    for path in ["/posted", "/unanswered"] {
        let on_path: Vec<_> = received.iter().filter(|r| r.path == path).collect();
        let distinct: std::collections::HashSet<&str> =
            on_path.iter().map(|r| r.webhook_id.as_str()).collect();
        assert_eq!(
            (on_path.len(), distinct.len()),
            (QUESTIONS, QUESTIONS),
            "{path}: each event exactly once"
        );
    }
    a.kill().unwrap();
    b.kill().unwrap();
    a.wait().unwrap();
    b.wait().unwrap();
    drop_database(&database_url).await;
}

async fn sigterm_leaves_no_delivery_claimed(backend: Backend) {
    use crate::receiver::{Behaviour, Receiver};
    let (database_url, _dir) = fresh_database(backend).await;
    let key = member_key(&database_url, "Webhook owner");
    // Every request outlasts the sender's timeout: deliveries are always in flight.
    let receiver = Receiver::start(Behaviour {
        slow_every: Some(1),
        ..Behaviour::default()
    })
    .await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&database_url, port).await;
    post_json(
        &base,
        &key,
        "/subscriptions/question-posted",
        json!({"callback_url": receiver.url("/slow")}),
    )
    .await;
    post_json(
        &base,
        &key,
        "/questions",
        json!({"title": "Posted just before stopping", "body": "b"}),
    )
    .await;
    receiver
        .wait_for(10, "an attempt in flight", |r| !r.is_empty())
        .await;
    let term = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let status = server.wait().unwrap();
    assert!(status.success(), "exit status {status}");
    // The attempt in flight finished (timed out, so it will be retried) or was given back:
    // nothing stays claimed by the stopped process, and nothing was lost.
    let claimed = count(
        backend,
        &database_url,
        "SELECT COUNT(*) FROM deliveries WHERE locked_until > 0",
    )
    .await;
    let pending = count(
        backend,
        &database_url,
        "SELECT COUNT(*) FROM deliveries WHERE status = 'pending'",
    )
    .await;
    assert_eq!((claimed, pending), (0, 1));
    if backend == Backend::Postgres {
        drop_database(&database_url).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_leaves_no_webhook_delivery_claimed_sqlite() {
    sigterm_leaves_no_delivery_claimed(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_leaves_no_webhook_delivery_claimed_postgres() {
    sigterm_leaves_no_delivery_claimed(Backend::Postgres).await;
}

/// A server that is killed when the test fails (a panic would otherwise leave it running,
/// holding the test's output pipe open).
struct KillOnDrop(Option<Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Webhook deliveries never go through a proxy from the environment: the proxy would connect
/// on tsunagu's behalf, past the send-time address check.
async fn webhooks_ignore_proxy_variables(backend: Backend) {
    use crate::receiver::{Behaviour, Receiver};
    let (database_url, _dir) = fresh_database(backend).await;
    let key = member_key(&database_url, "Flow owner");
    let receiver = Receiver::start(Behaviour::default()).await;
    // A "proxy" that counts who connects to it.
    let proxy = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_url = format!("http://{}", proxy.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = connections.clone();
    tokio::spawn(async move {
        while let Ok((_socket, _)) = proxy.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
        }
    });
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = KillOnDrop(Some(
        start_server_with(
            &database_url,
            port,
            &[
                ("HTTP_PROXY", &proxy_url),
                ("HTTPS_PROXY", &proxy_url),
                ("ALL_PROXY", &proxy_url),
                ("http_proxy", &proxy_url),
                ("https_proxy", &proxy_url),
            ],
        )
        .await,
    ));
    post_json(
        &base,
        &key,
        "/subscriptions/question-posted",
        json!({"callback_url": receiver.url("/direct")}),
    )
    .await;
    post_json(
        &base,
        &key,
        "/questions",
        json!({"title": "Sent without a proxy", "body": "b"}),
    )
    .await;
    receiver
        .wait_for(20, "the delivery, sent directly", |r| {
            r.iter().any(|x| x.path == "/direct" && x.answered == 200)
        })
        .await;
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "the webhook went through the proxy"
    );
    if let Some(child) = server.0.take() {
        kill_and_clean_up(child, backend, &database_url).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_ignore_proxy_variables_sqlite() {
    webhooks_ignore_proxy_variables(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_ignore_proxy_variables_postgres() {
    webhooks_ignore_proxy_variables(Backend::Postgres).await;
}

/// A first start that cannot listen (port in use) does not use up the one-time admin key: the
/// next start prints it.
async fn the_admin_key_survives_a_start_that_cannot_listen(backend: Backend) {
    let (database_url, _dir) = fresh_database(backend).await;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let failed = tsunagu(&database_url)
        .env("TSUNAGU_BIND", format!("127.0.0.1:{port}"))
        .output()
        .unwrap();
    assert!(!failed.status.success(), "it cannot listen on a taken port");
    assert!(!String::from_utf8_lossy(&failed.stdout).contains("tsu_"));
    drop(taken);
    let free = free_port();
    let mut server = KillOnDrop(Some(
        tsunagu(&database_url)
            .env("TSUNAGU_BIND", format!("127.0.0.1:{free}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    ));
    let stdout = server.0.as_mut().and_then(|c| c.stdout.take()).unwrap();
    let printed = tokio::task::spawn_blocking(move || {
        use std::io::BufRead;
        let mut text = String::new();
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line.unwrap();
            text.push_str(&line);
            text.push('\n');
            if line.starts_with("tsunagu is serving on") {
                break;
            }
        }
        text
    })
    .await
    .unwrap();
    let key = printed
        .split_whitespace()
        .find(|w| w.starts_with("tsu_"))
        .unwrap_or_else(|| {
            panic!("no admin key printed on the first start that served: {printed}")
        });
    let me = reqwest::Client::new()
        .get(format!("http://127.0.0.1:{free}/api/v1/me"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    if let Some(child) = server.0.take() {
        kill_and_clean_up(child, backend, &database_url).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_key_survives_a_start_that_cannot_listen_sqlite() {
    the_admin_key_survives_a_start_that_cannot_listen(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_key_survives_a_start_that_cannot_listen_postgres() {
    the_admin_key_survives_a_start_that_cannot_listen(Backend::Postgres).await;
}

/// Runs `tsunagu migrate` and returns (exit status, stderr, seconds taken).
fn migrate_fails(database_url: &str, env: &[(&str, &str)]) -> (i32, String, f64) {
    let started = std::time::Instant::now();
    let output = tsunagu(database_url)
        .arg("migrate")
        .envs(env.iter().copied())
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        started.elapsed().as_secs_f64(),
    )
}

#[test]
fn a_database_that_cannot_be_opened_is_named_with_what_to_do() {
    // SQLite in a folder that does not exist (it said "unable to open database file").
    let folder = std::env::temp_dir().join(format!("tsunagu-missing-{}", std::process::id()));
    let file = folder.join("tsunagu.db");
    let (status, stderr, _) = migrate_fails(&format!("sqlite://{}", file.display()), &[]);
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!stderr.contains("backtrace"), "{stderr}");
    // A folder, or a file that is not SQLite: named, with what to set instead.
    std::fs::create_dir_all(&folder).unwrap();
    let (status, stderr, _) = migrate_fails(&format!("sqlite://{}", folder.display()), &[]);
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("is a folder") && stderr.contains("tsunagu.db"),
        "{stderr}"
    );
    std::fs::write(&file, "not a database").unwrap();
    let (status, stderr, _) = migrate_fails(&format!("sqlite://{}", file.display()), &[]);
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("is not a SQLite database"), "{stderr}");
    assert_eq!(
        stderr.matches("not a database").count(),
        1,
        "said once: {stderr}"
    );
    std::fs::remove_dir_all(&folder).unwrap();
    // PostgreSQL that is not there (it waited 10 s and said "pool timed out"): at once, with
    // the address and the cause, in the operator's language.
    let port = free_port();
    let url = format!("postgres://tsunagu:secret@127.0.0.1:{port}/tsunagu");
    let (status, stderr, seconds) = migrate_fails(&url, &[]);
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains(&format!("127.0.0.1:{port}")), "{stderr}");
    assert!(stderr.contains("refused"), "{stderr}");
    assert!(stderr.contains("pg_hba.conf"), "{stderr}");
    assert!(
        !stderr.contains("pool timed out") && !stderr.contains("secret"),
        "{stderr}"
    );
    assert!(seconds < 5.0, "took {seconds} s");
    let (_, stderr, _) = migrate_fails(&url, &[("TSUNAGU_DEFAULT_LANGUAGE", "ja")]);
    assert!(stderr.contains("接続できません"), "{stderr}");
    // A URL the server cannot read is refused without echoing its password.
    for bad in [
        " postgres://u:S3cretPW@127.0.0.1:1/db",
        "mysql://u:S3cretPW@db/x",
    ] {
        let (status, stderr, _) = migrate_fails(bad, &[]);
        assert_eq!(status, 1, "{stderr}");
        assert!(!stderr.contains("S3cretPW"), "{stderr}");
    }
}

#[test]
fn the_connector_command_keeps_the_path_and_warns_about_hosts_power_platform_cannot_reach() {
    let out = std::env::temp_dir().join(format!("tsunagu-connector-{}", std::process::id()));
    let run = |args: &[&str]| {
        let output = tsunagu("sqlite::memory:")
            .arg("connector")
            .arg("--out")
            .arg(&out)
            .args(args)
            .output()
            .unwrap();
        let definition: serde_json::Value = serde_json::from_slice(
            &std::fs::read(out.join("apiDefinition.swagger.json")).unwrap_or_default(),
        )
        .unwrap_or_default();
        let readme = std::fs::read_to_string(out.join("readme.md")).unwrap_or_default();
        let properties =
            std::fs::read_to_string(out.join("apiProperties.json")).unwrap_or_default();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
            definition,
            readme,
            properties,
        )
    };
    // A URL with a path: the host without scheme, the path kept in basePath, no warning.
    let (status, stderr, d, readme, properties) = run(&[
        "--host",
        "https://intra.contoso.co.jp/tsunagu/",
        "--client-id",
        "6f1c8e2a-0000-4000-8000-000000000001",
        "--tenant",
        "contoso.onmicrosoft.com",
        "--resource",
        "api://tsunagu-prod",
    ]);
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(d["host"], "intra.contoso.co.jp");
    assert_eq!(d["basePath"], "/tsunagu/api/v1");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(!readme.contains("⚠"), "{readme}");
    let p: serde_json::Value = serde_json::from_str(&properties).unwrap();
    let oauth = &p["properties"]["connectionParameters"]["token"]["oAuthSettings"];
    assert_eq!(oauth["clientId"], "6f1c8e2a-0000-4000-8000-000000000001");
    assert_eq!(
        oauth["customParameters"]["tenantId"]["value"],
        "contoso.onmicrosoft.com"
    );
    assert_eq!(
        oauth["customParameters"]["resourceUri"]["value"],
        "api://tsunagu-prod"
    );
    assert_eq!(
        oauth["properties"]["AzureActiveDirectoryResourceId"],
        "api://tsunagu-prod"
    );
    assert!(readme.contains("on-premises data gateway"), "{readme}");
    // A bare host with a port works too.
    let (status, _, d, _, _) = run(&["--host", "tsunagu.contoso.co.jp:8443", "--auth", "apikey"]);
    assert_eq!(status, Some(0));
    assert_eq!(d["host"], "tsunagu.contoso.co.jp:8443");
    assert_eq!(d["basePath"], "/api/v1");
    // Loopback over http, no client ID: said on stderr and at the top of the readme (in the
    // package's language).
    let (status, stderr, d, readme, _) = run(&["--host", "http://127.0.0.1:8080", "--lang", "ja"]);
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(d["host"], "127.0.0.1:8080");
    for expected in ["this computer", "HTTPS only", "--client-id"] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert!(readme.contains("このコンピューター自身"), "{readme}");
    assert!(readme.find("⚠").unwrap() < readme.find("## 発行元").unwrap());
    // No host at all: the example name, said loudly.
    let (_, stderr, d, _, _) = run(&["--auth", "apikey"]);
    assert_eq!(d["host"], "tsunagu.example.com");
    assert!(stderr.contains("example name"), "{stderr}");
    // The API prefix given with the address is not doubled; disguised example and loopback
    // names are still recognised.
    let (_, _, d, _, _) = run(&[
        "--host",
        "https://tsunagu.contoso.co.jp/api/v1/",
        "--auth",
        "apikey",
    ]);
    assert_eq!(d["basePath"], "/api/v1");
    let (_, stderr, d, _, _) = run(&["--host", "TSUNAGU.EXAMPLE.COM.", "--auth", "apikey"]);
    assert_eq!(d["host"], "tsunagu.example.com");
    assert!(stderr.contains("example name"), "{stderr}");
    let (_, stderr, _, _, _) = run(&["--host", "https://[::ffff:127.0.0.1]/", "--auth", "apikey"]);
    assert!(stderr.contains("this computer"), "{stderr}");
    // An OAuth 2.0 package's provider URLs are examples until replaced.
    let (_, stderr, _, readme, _) = run(&[
        "--host",
        "https://tsunagu.contoso.co.jp",
        "--auth",
        "oauth2",
        "--client-id",
        "abc",
    ]);
    assert!(stderr.contains("login.example.com"), "{stderr}");
    assert!(readme.contains("login.example.com"), "{readme}");
    // Not an address: refused, naming it.
    let (status, stderr, _, _, _) = run(&["--host", "ftp://files.contoso.co.jp"]);
    assert_eq!(status, Some(1));
    assert!(stderr.contains("ftp://files.contoso.co.jp"), "{stderr}");
    let (status, _, _, _, _) = run(&["--host", "https://evil.com\"x"]);
    assert_eq!(status, Some(1));
    // A file where the folder should be: the path and what --out wants.
    let file = out.with_extension("txt");
    std::fs::write(&file, "").unwrap();
    let output = tsunagu("sqlite::memory:")
        .args(["connector", "--auth", "apikey", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains(&file.display().to_string()) && stderr.contains("--out"),
        "{stderr}"
    );
    let _ = std::fs::remove_file(&file);
    let _ = std::fs::remove_dir_all(&out);
}
