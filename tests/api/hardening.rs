//! Findings of the adversarial review (issue 12), each on SQLite and PostgreSQL: numbers that
//! broke statistics, invisible text, slow bodies.

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// POSTs a question one byte every 300 ms over a raw connection; returns the status line and
/// how long the answer took.
async fn post_slowly(
    app: &TestApp,
    key: &str,
    idempotency_key: Option<&str>,
) -> (String, std::time::Duration) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let body = json!({"title": "Sent one byte at a time", "body": "slowly"}).to_string();
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let extra = idempotency_key
        .map(|k| format!("Idempotency-Key: {k}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /api/v1/questions HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {key}\r\n{extra}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let started = std::time::Instant::now();
    let (mut read, mut write) = stream.into_split();
    let writer = tokio::spawn(async move {
        for byte in body.bytes() {
            if write.write_all(&[byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
    });
    let mut answer = vec![0u8; 512];
    let n = tokio::time::timeout(std::time::Duration::from_secs(20), read.read(&mut answer))
        .await
        .unwrap()
        .unwrap();
    writer.abort();
    let text = String::from_utf8_lossy(&answer[..n]).into_owned();
    (
        text.lines().next().unwrap_or_default().to_owned(),
        started.elapsed(),
    )
}

fn win(minutes: Value) -> Value {
    json!({"title": "Automated the monthly report", "story": "It used to take an hour.",
           "impact": {"minutes_saved_per_run": minutes, "runs_per_month": 20, "people_helped": 1}})
}

on_both_databases! {
    async fn impact_numbers_are_finite_in_range_and_at_their_resolution(app) {
        let m = app.member("maker").await;
        // 5e-324 once broke every statistic on PostgreSQL ("value out of range: underflow").
        for (minutes, code) in [(json!(5e-324), "too_precise"), (json!(2.55), "too_precise"), (json!(-0.5), "out_of_range"), (json!(1440.5), "out_of_range")] {
            let p = problem(app.post("/wins", &m.key, win(minutes.clone())).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(p["errors"][0]["field"], "impact.minutes_saved_per_run", "{minutes}: {p}");
            assert_eq!(p["errors"][0]["code"], code, "{minutes}: {p}");
        }
        let mut money = win(json!(3));
        money["money_saved_per_month"] = json!({"amount": 0.001, "currency": "JPY"});
        let p = problem(app.post("/wins", &m.key, money).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["money_saved_per_month.amount"]);
        json_of(app.post("/wins", &m.key, win(json!(2.5))).await, StatusCode::CREATED).await;
        // Weeks without wins report 0, not -0, in JSON and CSV.
        let report = app.get_json("/stats/health?interval=week", &m.key).await;
        let first = &report["items"][0];
        assert_eq!(first["wins_logged"], 0);
        assert_eq!(first["hours_saved_per_month"].to_string(), "0.0", "{first}");
        let csv = app.get("/stats/health.csv?interval=week", &m.key).await.text().await.unwrap();
        assert!(!csv.contains(",-0"), "{csv}");
        // A value stored before these rules (or behind the API's back) never makes a read fail.
        app.execute_sql("UPDATE wins SET minutes_saved_per_run = 5e-324").await;
        for path in ["/stats/health", "/stats/health.csv", "/stats/summary", "/leaderboard", "/wins"] {
            assert_eq!(app.get(path, &m.key).await.status(), StatusCode::OK, "{path}");
        }
    }

    async fn invisible_text_is_not_text(app) {
        let m = app.member("m").await;
        let ask = |title: String, body: &str, tags: Value| json!({"title": title, "body": body, "tags": tags});
        for (title, why) in [
            ("\u{200B}".repeat(5), "zero-width spaces"),
            ("\u{FEFF}".repeat(5), "byte-order marks"),
            ("\u{3164}".repeat(5), "Hangul fillers"),
            ("\u{2800}".repeat(5), "Braille blanks"),
            (format!("ab{}", "\u{200B}".repeat(3)), "two visible characters"),
        ] {
            let p = problem(app.post("/questions", &m.key, ask(title, "b", json!([]))).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem_fields(&p), ["title"], "{why}: {p}");
        }
        let p = problem(app.post("/questions", &m.key, ask("A fine title".into(), "b", json!(["\u{3164}\u{3164}"]))).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["tags[0]"], "{p}");
        // A right-to-left override is dropped from titles and names.
        let q = app.ask(&m.key, "invoice\u{202E}fdp.exe", "b", &[], false).await;
        assert_eq!(q["title"], "invoicefdp.exe");
        let named = json_of(app.post("/members", &app.admin_key, json!({"display_name": "Eve\u{202E}nimda"})).await, StatusCode::CREATED).await;
        assert_eq!(named["member"]["display_name"], "Evenimda");
        // A decomposed が counts as one character and is stored composed.
        let decomposed = json_of(app.post("/questions", &m.key, ask("か\u{3099}".repeat(150), "b", json!([]))).await, StatusCode::CREATED).await;
        assert_eq!(decomposed["title"].as_str().unwrap().chars().count(), 150);
        // An invisible answer is refused and leaves the question unanswered.
        let other = app.member("other").await;
        let qid = q["id"].as_i64().unwrap();
        for invisible in ["\u{200B}", "\u{0301}", "\u{20DD}", "\u{1BCA0}", "\u{FFF9}", "\u{FFFE}"] {
            let p = problem(app.post(&format!("/questions/{qid}/answers"), &other.key, json!({"body": invisible})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem_fields(&p), ["body"], "{invisible:?}");
        }
        let q = app.get_json(&format!("/questions/{qid}"), &m.key).await;
        assert_eq!((q["status"].as_str(), q["answer_count"].as_i64()), (Some("open"), Some(0)));
    }
}

/// A body sent one byte at a time is cut off after `TSUNAGU_BODY_TIMEOUT_SECS` with a 408, on
/// the plain path and through the Idempotency-Key middleware.
async fn slow_bodies_are_cut_off(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.body_timeout_secs = 2).await;
    for idempotency_key in [None, Some("slow-1")] {
        let (status, took) = post_slowly(&app, &app.admin_key, idempotency_key).await;
        assert!(
            status.starts_with("HTTP/1.1 408"),
            "{idempotency_key:?}: {status}"
        );
        assert!(
            took < std::time::Duration::from_secs(6),
            "{idempotency_key:?}: took {took:?}"
        );
    }
    assert!(
        app.list_ids(&app.admin_key, "").await.is_empty(),
        "nothing was created"
    );
    app.stop().await;
}

#[tokio::test]
async fn slow_bodies_are_cut_off_sqlite() {
    slow_bodies_are_cut_off(Backend::Sqlite).await;
}

#[tokio::test]
async fn slow_bodies_are_cut_off_postgres() {
    slow_bodies_are_cut_off(Backend::Postgres).await;
}
