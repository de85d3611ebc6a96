//! Retries are safe: the same Idempotency-Key returns the first response, never a duplicate.

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn a_retried_post_returns_the_first_response(app) {
        let m = app.member("m").await;
        let body = json!({"title": "Retried question here", "body": "b"});
        let send = |key: &'static str, body: serde_json::Value| {
            app.client.post(app.url("/questions")).bearer_auth(&m.key).header("Idempotency-Key", key).json(&body).send()
        };
        let first = send("flow-run-1", body.clone()).await.unwrap();
        assert_eq!(first.status(), StatusCode::CREATED);
        assert!(first.headers().get("idempotent-replayed").is_none());
        let location = first.headers()["location"].to_str().unwrap().to_owned();
        let first_body = first.text().await.unwrap();
        let again = send("flow-run-1", body.clone()).await.unwrap();
        assert_eq!(again.status(), StatusCode::CREATED);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(again.headers()["location"].to_str().unwrap(), location);
        assert_eq!(again.headers()["content-type"], "application/json");
        assert_eq!(again.text().await.unwrap(), first_body);
        assert_eq!(app.list_ids(&m.key, "").await.len(), 1, "one question, not two");
        // Same key, different request: refused.
        let p = problem(send("flow-run-1", json!({"title": "A different question", "body": "b"})).await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused").await;
        assert!(p["detail"].as_str().unwrap().contains("new key"));
        // Another member may use the same key for their own request.
        let other = app.member("other").await;
        let theirs = app.client.post(app.url("/questions")).bearer_auth(&other.key).header("Idempotency-Key", "flow-run-1").json(&body).send().await.unwrap();
        assert_eq!(theirs.status(), StatusCode::CREATED);
        assert!(theirs.headers().get("idempotent-replayed").is_none());
        // Refusals are kept too: a retry of an invalid request gets the same 422.
        let bad = json!({"title": "no", "body": "b"});
        problem(send("bad-1", bad.clone()).await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let replayed = send("bad-1", bad).await.unwrap();
        assert_eq!(replayed.headers()["idempotent-replayed"], "true");
        problem(replayed, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        // Keys are checked.
        let p = problem(send("has space", body.clone()).await.unwrap(), StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["Idempotency-Key"]);
        // Without the header nothing changes.
        app.ask(&m.key, "Retried question here", "b", &[], false).await;
        assert_eq!(app.list_ids(&m.key, "mine=true").await.len(), 2);
    }

    async fn fifty_concurrent_identical_posts_create_exactly_one_row(app) {
        let m = app.member("m").await;
        let mut tasks = Vec::new();
        for _ in 0..50 {
            let client = app.client.clone();
            let url = app.url("/wins");
            let key = m.key.clone();
            tasks.push(tokio::spawn(async move {
                client
                    .post(url)
                    .bearer_auth(key)
                    .header("Idempotency-Key", "double-tap")
                    .json(&json!({"title": "One win only", "story": "s", "impact": {"minutes_saved_per_run": 5, "runs_per_month": 1, "people_helped": 1}}))
                    .send()
                    .await
                    .unwrap()
                    .status()
            }));
        }
        let mut statuses = Vec::new();
        for t in tasks {
            statuses.push(t.await.unwrap());
        }
        assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");
        assert!(statuses.contains(&StatusCode::CREATED));
        let wins = app.get_json("/wins", &m.key).await;
        assert_eq!(wins["items"].as_array().unwrap().len(), 1, "exactly one win: {statuses:?}");
        // Once done, a further retry is a replay.
        let replay = app.client.post(app.url("/wins")).bearer_auth(&m.key).header("Idempotency-Key", "double-tap")
            .json(&json!({"title": "One win only", "story": "s", "impact": {"minutes_saved_per_run": 5, "runs_per_month": 1, "people_helped": 1}}))
            .send().await.unwrap();
        assert_eq!((replay.status(), replay.headers()["idempotent-replayed"].to_str().unwrap()), (StatusCode::CREATED, "true"));
    }
}
