//! The service as an operator sees it: health, readiness, and the binary's first start.

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

on_both_databases! {
    async fn health_and_readiness_answer_without_a_key(app) {
        let live = app.client.get(format!("{}/healthz", app.address)).send().await.unwrap();
        assert_eq!(json_of(live, StatusCode::OK).await["status"], "ok");
        let ready = app.client.get(format!("{}/readyz", app.address)).send().await.unwrap();
        let body = json_of(ready, StatusCode::OK).await;
        let expected = match app.backend { Backend::Sqlite => "sqlite", Backend::Postgres => "postgres" };
        assert_eq!(body["database"], expected);
    }

    async fn the_binary_prints_the_admin_key_once_and_serves(app) {
        // A fresh database next to the one the test app uses.
        let (url, _dir) = fresh_database(app.backend).await;
        let start = || {
            Command::new(env!("CARGO_BIN_EXE_tsunagu"))
                .env("TSUNAGU_DATABASE_URL", &url)
                .env("TSUNAGU_BIND", "127.0.0.1:0")
                .env("TSUNAGU_WORKERS", "1")
                .env("TSUNAGU_LOG", "warn")
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        };
        let read_until_serving = |child: &mut std::process::Child| {
            let mut lines = Vec::new();
            let stdout = child.stdout.take().unwrap();
            for line in BufReader::new(stdout).lines() {
                let line = line.unwrap();
                let done = line.starts_with("tsunagu is serving on ");
                lines.push(line);
                if done {
                    break;
                }
            }
            lines
        };
        let mut first = start();
        let lines = read_until_serving(&mut first);
        let key = lines.iter().find_map(|l| l.trim().strip_prefix("tsu_").map(|k| format!("tsu_{k}"))).expect("key printed");
        assert!(lines.iter().any(|l| l.contains("curl -H 'Authorization: Bearer")), "{lines:?}");
        let base = lines.last().unwrap().trim_start_matches("tsunagu is serving on ").split(' ').next().unwrap().to_owned();
        let me = app.client.get(format!("{base}/api/v1/me")).bearer_auth(&key).send().await.unwrap();
        assert_eq!(json_of(me, StatusCode::OK).await["role"], "admin");
        first.kill().unwrap();
        first.wait().unwrap();
        // A restart on the same database prints no key.
        let mut second = start();
        let lines = read_until_serving(&mut second);
        second.kill().unwrap();
        second.wait().unwrap();
        assert!(!lines.iter().any(|l| l.contains("tsu_")), "{lines:?}");
        if app.backend == Backend::Postgres {
            drop_database(&url).await;
        }
    }
}

#[tokio::test]
async fn the_openapi_command_prints_a_3_1_document_with_every_route() {
    let output = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .arg("openapi")
        .output()
        .unwrap();
    assert!(output.status.success());
    let spec: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
    assert_eq!(spec["info"]["license"]["name"], "MIT");
    for path in [
        "/api/v1/questions",
        "/api/v1/questions/{id}",
        "/api/v1/questions/similar",
        "/api/v1/answers/{id}/accept",
        "/api/v1/tags",
        "/api/v1/me/api-keys",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} missing");
    }
}

#[tokio::test]
async fn help_lists_the_commands() {
    let output = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    for command in ["serve", "migrate", "admin", "openapi"] {
        assert!(
            text.contains(command),
            "{command} missing from --help: {text}"
        );
    }
}

on_both_databases! {
    async fn every_response_carries_a_request_id_and_safety_headers(app) {
        let response = app.client.get(app.url("/me")).bearer_auth(&app.admin_key).header("X-Request-Id", "flow-run-42").send().await.unwrap();
        assert_eq!(response.headers()["x-request-id"], "flow-run-42");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.headers()["referrer-policy"], "no-referrer");
        let generated = app.client.get(app.url("/me")).send().await.unwrap();
        assert_eq!(generated.status(), StatusCode::UNAUTHORIZED);
        let generated_id = generated.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert!(generated_id.len() >= 32, "a generated id on errors too");
        let p = problem(generated, StatusCode::UNAUTHORIZED, "unauthorized").await;
        assert_eq!(p["request_id"], generated_id.as_str(), "problems quote the request id");
        // A middleware refusal (bad Idempotency-Key) still carries them.
        let refused = app.client.post(app.url("/questions")).bearer_auth(&app.admin_key).header("Idempotency-Key", "with space").json(&serde_json::json!({})).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.headers().contains_key("x-request-id"));
        assert_eq!(refused.headers()["x-content-type-options"], "nosniff");
        // Browsers from other origins get no CORS permission by default.
        let preflight = app.client.request(reqwest::Method::OPTIONS, app.url("/questions"))
            .header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST").send().await.unwrap();
        assert!(preflight.headers().get("access-control-allow-origin").is_none());
    }
}

#[tokio::test]
async fn configured_cors_origins_may_call_the_api() {
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.cors_origins = vec!["https://apps.contoso.com".into()]
    })
    .await;
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/questions"))
        .header("Origin", "https://apps.contoso.com")
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "x-api-key, content-type, idempotency-key",
        )
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        "https://apps.contoso.com"
    );
    let other = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/questions"))
        .header("Origin", "https://evil.example.com")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    app.stop().await;
}

on_both_databases! {
    async fn the_backup_command_copies_a_live_sqlite_database(app) {
        app.ask(&app.admin_key, "Please keep me safe", "b", &[], false).await;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("backup.db");
        let run = || {
            Command::new(env!("CARGO_BIN_EXE_tsunagu"))
                .args(["backup", "--out", out.to_str().unwrap()])
                .env("TSUNAGU_DATABASE_URL", &app.database_url)
                .env("TSUNAGU_LOG", "warn")
                .output()
                .unwrap()
        };
        let first = run();
        let stderr = String::from_utf8_lossy(&first.stderr).to_string();
        match app.backend {
            Backend::Sqlite => {
                assert!(first.status.success(), "{stderr}");
                let copy = tsunagu::config::Config { database_url: format!("sqlite://{}", out.display()), ..Default::default() };
                let store = tsunagu::startup::open_store(&copy).await.unwrap();
                let admin = store.member_by_key_hash(&tsunagu::auth::api_keys::hash(&app.admin_key)).await.unwrap().unwrap();
                let filter = tsunagu::store::questions::QuestionFilter { limit: 10, ..Default::default() };
                assert_eq!(store.list_questions(admin.id, &filter).await.unwrap()[0].title, "Please keep me safe");
                store.close().await;
                let again = run();
                assert!(!again.status.success());
                assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
            }
            Backend::Postgres => {
                assert!(!first.status.success());
                assert!(stderr.contains("pg_dump"), "{stderr}");
            }
        }
    }
}

async fn rate_limited(backend: Backend) {
    // A strict limit: a burst of 4, then one token a second.
    let app = spawn_app_with(backend, |c| {
        c.rate_limit_per_minute = 60;
        c.rate_limit_burst = 4;
    })
    .await;
    let first = app.get("/me", &app.admin_key).await;
    assert_eq!(first.status(), StatusCode::OK);
    // One model: the limit is the bucket, what remains is in it, the policy says how fast it
    // refills (4 tokens at one a second: 4 s).
    assert_eq!(first.headers()["ratelimit-limit"], "4");
    assert_eq!(first.headers()["ratelimit-remaining"], "3");
    assert_eq!(first.headers()["ratelimit-policy"], "4;w=4");
    let mut last = None;
    for _ in 0..4 {
        last = Some(app.get("/me", &app.admin_key).await);
    }
    let limited = last.unwrap();
    // Retry-After says when the next request may go; RateLimit-Reset, when the bucket is full.
    assert_eq!(limited.headers()["ratelimit-remaining"], "0");
    let reset: u64 = limited.headers()["ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3..=4).contains(&reset), "{reset}");
    let retry: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    problem(limited, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // Other callers are unaffected; health checks are never limited.
    let other = app.client.get(app.url("/me")).send().await.unwrap();
    assert_eq!(
        other.status(),
        StatusCode::UNAUTHORIZED,
        "an anonymous caller has its own bucket"
    );
    assert_eq!(
        app.client
            .get(format!("{}/healthz", app.address))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    app.stop().await;
}

/// The bucket is the member's however the credential is spelled; failed and missing
/// credentials share one per address, failures costing more; two credentials are refused.
async fn rate_limits_cannot_be_dodged(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.rate_limit_per_minute = 60;
        c.rate_limit_burst = 20;
    })
    .await;
    let statuses = |responses: Vec<reqwest::Response>| {
        responses
            .iter()
            .map(|r| r.status().as_u16())
            .collect::<Vec<_>>()
    };
    let member = app.member("m").await;
    // Spaces after "Bearer" make another header, not another bucket.
    let mut responses = Vec::new();
    for i in 0..30 {
        let header = format!("Bearer{}{}", " ".repeat(1 + i % 7), app.admin_key);
        responses.push(
            app.client
                .get(app.url("/me"))
                .header("authorization", header)
                .send()
                .await
                .unwrap(),
        );
    }
    let seen = statuses(responses);
    assert!(
        seen.contains(&429),
        "varied spacing dodged the limit: {seen:?}"
    );
    // Two credentials at once are refused, not ranked.
    let both = app
        .client
        .get(app.url("/me"))
        .header("x-api-key", &member.key)
        .header("authorization", "Bearer junk")
        .send()
        .await
        .unwrap();
    problem(both, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let twice = app
        .client
        .get(app.url("/me"))
        .header("x-api-key", &member.key)
        .header("x-api-key", &app.admin_key)
        .send()
        .await
        .unwrap();
    problem(twice, StatusCode::UNAUTHORIZED, "unauthorized").await;
    // A junk session cookie, and a new bogus key each time, meet the address's bucket.
    for (what, build) in [("junk session cookies", 0), ("bogus keys", 1)] {
        let mut responses = Vec::new();
        for i in 0..30 {
            let request = app.client.get(app.url("/questions"));
            let request = if build == 0 {
                request.header("cookie", format!("tsunagu_session=junk{i}"))
            } else {
                request.bearer_auth(format!("tsu_bogus{i}"))
            };
            responses.push(request.send().await.unwrap());
        }
        let seen = statuses(responses);
        assert!(seen.contains(&429), "{what} dodged the limit: {seen:?}");
        assert!(!seen.contains(&200), "{what}: {seen:?}");
    }
    // The pages that cost work (the connector package, sign-in) use the address's bucket too.
    let zip = app
        .client
        .get(format!("{}/connector.zip", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(zip.status(), StatusCode::TOO_MANY_REQUESTS);
    app.stop().await;
}

#[tokio::test]
async fn rate_limits_cannot_be_dodged_sqlite() {
    rate_limits_cannot_be_dodged(Backend::Sqlite).await
}

#[tokio::test]
async fn rate_limits_cannot_be_dodged_postgres() {
    rate_limits_cannot_be_dodged(Backend::Postgres).await
}

#[tokio::test]
async fn over_the_rate_limit_callers_get_429_with_retry_after_sqlite() {
    rate_limited(Backend::Sqlite).await
}

#[tokio::test]
async fn over_the_rate_limit_callers_get_429_with_retry_after_postgres() {
    rate_limited(Backend::Postgres).await
}

on_both_databases! {
    async fn pages_may_be_framed_only_by_this_site_and_teams(app) {
        let page = app.client.get(format!("{}/signin", app.address)).send().await.unwrap();
        let policy = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(policy.contains("; frame-ancestors 'self' https://teams.microsoft.com"), "{policy}");
        assert_eq!(policy.matches("frame-ancestors").count(), 1, "{policy}");
        assert!(!policy.contains('*') || policy.contains("https://*.teams.microsoft.com"), "{policy}");
        assert!(!policy.contains("https://*.example"), "{policy}");
    }

    async fn metrics_count_requests_by_route_and_status(app) {
        app.get_json("/me", &app.admin_key).await;
        app.get("/questions/999", &app.admin_key).await;
        let text = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
        assert!(text.contains(r#"tsunagu_http_requests_total{method="GET",route="/api/v1/me",status="200"} 1"#), "{text}");
        assert!(text.contains(r#"route="/api/v1/questions/{id}",status="404""#), "{text}");
        assert!(text.contains("tsunagu_http_request_duration_seconds_bucket"));
        assert!(text.contains(r#"tsunagu_db_pool_connections{state="idle"}"#));
        assert!(!text.contains(&app.admin_key), "no secrets in metrics");
    }
}

#[tokio::test]
async fn metrics_can_require_a_token() {
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.metrics_token = Some("scrape-secret".into())
    })
    .await;
    let url = format!("{}/metrics", app.address);
    problem(
        app.client.get(&url).send().await.unwrap(),
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let ok = app
        .client
        .get(&url)
        .bearer_auth("scrape-secret")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert!(ok.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    app.stop().await;
}
