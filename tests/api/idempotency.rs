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
        let p = problem(send("has space", body.clone()).await.unwrap(), StatusCode::BAD_REQUEST, "invalid_header").await;
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

    async fn a_retry_after_a_crash_answers_with_the_row_the_first_run_created(app) {
        let m = app.member("m").await;
        let body = json!({"title": "Crash-safe question", "body": "b", "tags": ["excel"]});
        let send = || app.client.post(app.url("/questions")).bearer_auth(&m.key).header("Idempotency-Key", "run-7").json(&body).send();
        let first = send().await.unwrap();
        assert_eq!(first.status(), StatusCode::CREATED);
        let location = first.headers()["location"].to_str().unwrap().to_owned();
        // What a SIGKILL between the row's commit and the stored response leaves behind.
        let staged = app.execute_sql("UPDATE idempotency_keys SET completed = FALSE, status = NULL, body = NULL, content_type = NULL, location = NULL").await;
        assert_eq!(staged, 1);
        // While the first run might still be alive, a retry is told to wait.
        let busy = send().await.unwrap();
        let retry_after: u64 = busy.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=30).contains(&retry_after), "{retry_after}");
        problem(busy, StatusCode::CONFLICT, "idempotency_in_progress").await;
        // After the lease the retry takes over and finds the question the first run made.
        app.execute_sql("UPDATE idempotency_keys SET claimed_at = 0").await;
        let retried = send().await.unwrap();
        assert_eq!(retried.status(), StatusCode::CREATED);
        assert_eq!(retried.headers()["location"].to_str().unwrap(), location);
        let retried = retried.json::<serde_json::Value>().await.unwrap();
        assert_eq!((retried["title"].as_str(), retried["tags"][0].as_str()), (Some("Crash-safe question"), Some("excel")));
        assert_eq!(app.list_ids(&m.key, "").await.len(), 1, "one question, not two");
        // That response is now the stored one.
        let replay = send().await.unwrap();
        assert_eq!((replay.status(), replay.headers()["idempotent-replayed"].to_str().unwrap()), (StatusCode::CREATED, "true"));
        // A run that died before its row committed: the takeover creates the row once.
        app.execute_sql("DELETE FROM questions").await;
        app.execute_sql("UPDATE idempotency_keys SET completed = FALSE, status = NULL, body = NULL, resource_kind = NULL, resource_id = NULL, claimed_at = 0").await;
        assert_eq!(send().await.unwrap().status(), StatusCode::CREATED);
        assert_eq!(app.list_ids(&m.key, "").await.len(), 1);
        // A stale claim is only taken over by the same request.
        app.execute_sql("UPDATE idempotency_keys SET completed = FALSE, claimed_at = 0").await;
        let other = app.client.post(app.url("/questions")).bearer_auth(&m.key).header("Idempotency-Key", "run-7")
            .json(&json!({"title": "Another question", "body": "b"})).send().await.unwrap();
        problem(other, StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused").await;
    }

    async fn a_member_created_before_a_crash_is_found_again_with_a_working_key(app) {
        let body = json!({"display_name": "Hanako", "email": "hanako@example.com"});
        let send = || app.client.post(app.url("/members")).bearer_auth(&app.admin_key).header("Idempotency-Key", "onboard-hanako").json(&body).send();
        let first = json_of(send().await.unwrap(), StatusCode::CREATED).await;
        app.execute_sql("UPDATE idempotency_keys SET completed = FALSE, status = NULL, body = NULL, claimed_at = 0").await;
        // Without the key's record this retry would be a 409 "email taken".
        let second = json_of(send().await.unwrap(), StatusCode::CREATED).await;
        assert_eq!(second["member"]["id"], first["member"]["id"]);
        let key = second["api_key"]["secret"].as_str().unwrap();
        assert_ne!(Some(key), first["api_key"]["secret"].as_str());
        assert_eq!(app.get_json("/me", key).await["id"], first["member"]["id"]);
    }
}

on_both_databases! {
    async fn a_replayed_key_creation_does_not_keep_the_secret(app) {
        let m = app.member("m").await;
        let send = || app.client.post(app.url("/me/api-keys")).bearer_auth(&m.key).header("Idempotency-Key", "new-key-1").json(&json!({"name": "flow"})).send();
        let first = json_of(send().await.unwrap(), StatusCode::CREATED).await;
        let secret = first["secret"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("tsu_"));
        let again = json_of(send().await.unwrap(), StatusCode::CREATED).await;
        assert_eq!(again["key"]["id"], first["key"]["id"], "the same key, not a second one");
        assert!(!again["secret"].as_str().unwrap().starts_with("tsu_"), "{again}");
        // Nothing at rest holds it: the stored response has no secret.
        let stored = app.execute_sql(&format!("DELETE FROM idempotency_keys WHERE body LIKE '%{secret}%'")).await;
        assert_eq!(stored, 0, "the secret was stored in plain text");
    }
}
