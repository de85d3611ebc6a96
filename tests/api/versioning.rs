//! Optimistic concurrency: ETag on reads, If-Match on changes (412 when stale, optional).

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn stale_if_match_is_refused_and_no_if_match_still_works(app) {
        let m = app.member("m").await;
        let q = app.ask(&m.key, "A question to edit twice", "b", &[], false).await;
        let tip = json_of(app.post("/tips", &m.key, json!({"title": "A tip to edit twice", "body": "b"})).await, StatusCode::CREATED).await;
        let win = json_of(app.post("/wins", &m.key, json!({"title": "A win to edit twice", "story": "s", "impact": {"minutes_saved_per_run": 1, "runs_per_month": 1, "people_helped": 1}})).await, StatusCode::CREATED).await;
        let helper = app.member("helper").await;
        let answer = app.answer(&helper.key, q["id"].as_i64().unwrap(), "an answer").await;
        for (path, key, change) in [
            (format!("/questions/{}", q["id"]), &m.key, json!({"body": "edited"})),
            (format!("/tips/{}", tip["id"]), &m.key, json!({"body": "edited"})),
            (format!("/wins/{}", win["id"]), &m.key, json!({"story": "edited"})),
            (format!("/answers/{}", answer["id"]), &helper.key, json!({"body": "edited"})),
        ] {
            let read = app.get(&path, key).await;
            let etag = read.headers()["etag"].to_str().unwrap().to_owned();
            assert!(etag.starts_with('"'), "{path}: {etag}");
            // Someone else changes it first (no If-Match: allowed).
            std::thread::sleep(std::time::Duration::from_millis(2));
            json_of(app.patch(&path, key, change.clone()).await, StatusCode::OK).await;
            // Our change, based on the old read, is refused.
            let stale = app.client.patch(app.url(&path)).bearer_auth(key).header("If-Match", &etag).json(&change).send().await.unwrap();
            let p = problem(stale, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
            assert!(p["detail"].as_str().unwrap().contains("read it again"));
            let stale_delete = app.client.delete(app.url(&path)).bearer_auth(key).header("If-Match", &etag).send().await.unwrap();
            problem(stale_delete, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
            // With the fresh tag it goes through.
            let fresh = app.get(&path, key).await.headers()["etag"].to_str().unwrap().to_owned();
            assert_ne!(fresh, etag);
            let ok = app.client.patch(app.url(&path)).bearer_auth(key).header("If-Match", &fresh).json(&change).send().await.unwrap();
            assert_eq!(ok.status(), StatusCode::OK, "{path}");
            let star = app.client.patch(app.url(&path)).bearer_auth(key).header("If-Match", "*").json(&change).send().await.unwrap();
            assert_eq!(star.status(), StatusCode::OK, "{path}");
        }
    }

    async fn permission_comes_before_preconditions_and_if_match_compares_strongly(app) {
        let m = app.member("m").await;
        let other = app.member("other").await;
        let q = app.ask(&m.key, "A question someone else tries to edit", "b", &[], false).await;
        let tip = json_of(app.post("/tips", &m.key, json!({"title": "A tip someone else tries", "body": "b"})).await, StatusCode::CREATED).await;
        let win = json_of(app.post("/wins", &m.key, json!({"title": "A win someone else tries", "story": "s", "impact": {"minutes_saved_per_run": 1, "runs_per_month": 1, "people_helped": 1}})).await, StatusCode::CREATED).await;
        let answer = app.answer(&m.key, q["id"].as_i64().unwrap(), "an answer").await;
        for (path, change) in [
            (format!("/questions/{}", q["id"]), json!({"body": "edited"})),
            (format!("/tips/{}", tip["id"]), json!({"body": "edited"})),
            (format!("/wins/{}", win["id"]), json!({"story": "edited"})),
            (format!("/answers/{}", answer["id"]), json!({"body": "edited"})),
        ] {
            let etag = app.get(&path, &m.key).await.headers()["etag"].to_str().unwrap().to_owned();
            // Not theirs, with a stale tag: 403 (a 412 would tell them to retry in vain).
            let patch = app.client.patch(app.url(&path)).bearer_auth(&other.key).header("If-Match", "\"stale\"").json(&change).send().await.unwrap();
            problem(patch, StatusCode::FORBIDDEN, "forbidden").await;
            let delete = app.client.delete(app.url(&path)).bearer_auth(&other.key).header("If-Match", "\"stale\"").send().await.unwrap();
            problem(delete, StatusCode::FORBIDDEN, "forbidden").await;
            // A weak tag never satisfies If-Match, even the current one.
            let weak = app.client.patch(app.url(&path)).bearer_auth(&m.key).header("If-Match", format!("W/{etag}")).json(&change).send().await.unwrap();
            problem(weak, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
            // Longer than the declared maxLength: a clear 400 naming the header.
            let long = app.client.patch(app.url(&path)).bearer_auth(&m.key).header("If-Match", format!("\"{}\"", "a".repeat(250))).json(&change).send().await.unwrap();
            let p = problem(long, StatusCode::BAD_REQUEST, "invalid_header").await;
            assert_eq!(problem_fields(&p), ["If-Match"]);
            // Nothing changed.
            assert_eq!(app.get(&path, &m.key).await.headers()["etag"].to_str().unwrap(), etag, "{path}");
        }
    }
}
