//! Bad input of every kind gets a clear 4xx problem, never a 500.

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn malformed_and_mistyped_json_is_400_naming_the_field(app) {
        let m = app.member("m").await;
        let raw = |body: &'static str| {
            app.client
                .post(app.url("/questions"))
                .bearer_auth(&m.key)
                .header("content-type", "application/json")
                .body(body)
                .send()
        };
        let p = problem(raw("{\"title\": ").await.unwrap(), StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(p["errors"][0]["code"], "malformed_json");
        let p = problem(raw("").await.unwrap(), StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(p["errors"][0]["code"], "required");
        let p = problem(raw("[1, 2]").await.unwrap(), StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(problem_fields(&p), ["body"]);
        let p = problem(
            app.post("/questions", &m.key, json!({"title": 12345, "body": "b"})).await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        )
        .await;
        assert_eq!(problem_fields(&p), ["title"]);
        let p = problem(app.post("/questions", &m.key, json!({"body": "b"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(problem_fields(&p), ["title"]);
        assert_eq!(p["errors"][0]["code"], "required");
        let p = problem(
            app.post("/questions", &m.key, json!({"title": "Typo in a field", "body": "b", "anonymus": true})).await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        )
        .await;
        assert_eq!(problem_fields(&p), ["anonymus"]);
        assert_eq!(p["errors"][0]["code"], "unknown_field");
        let p = problem(
            app.post("/questions", &m.key, json!({"title": "Tags as string", "body": "b", "tags": "excel"})).await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        )
        .await;
        assert_eq!(problem_fields(&p), ["tags"]);
        let p = problem(
            app.post("/questions", &m.key, json!({"title": "Tag not a string", "body": "b", "tags": ["ok", 7]})).await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        )
        .await;
        assert_eq!(problem_fields(&p), ["tags[1]"]);
        // Nothing was stored by any of these.
        assert!(app.list_ids(&m.key, "").await.is_empty());
    }

    async fn non_json_and_oversized_bodies_are_refused(app) {
        let m = app.member("m").await;
        let response = app
            .client
            .post(app.url("/questions"))
            .bearer_auth(&m.key)
            .header("content-type", "text/plain")
            .body("title=hello")
            .send()
            .await
            .unwrap();
        problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
        // The test server allows 64 KiB.
        let big = "字".repeat(30_000); // 90,000 bytes
        let p = problem(
            app.post("/questions", &m.key, json!({"title": "Too big", "body": big})).await,
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        )
        .await;
        assert!(p["detail"].as_str().unwrap().contains("65536"));
        // Chunked bodies without a Content-Length are counted as they arrive.
        let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
            (0..70).map(|_| Ok(vec![b' '; 1024])).collect();
        let response = app
            .client
            .post(app.url("/questions"))
            .bearer_auth(&m.key)
            .header("content-type", "application/json")
            .body(reqwest::Body::wrap_stream(futures_util::stream::iter(chunks)))
            .send()
            .await
            .unwrap();
        problem(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    }

    async fn over_long_urls_are_414_problems(app) {
        let m = app.member("m").await;
        // 8,192 characters as sent is the limit (percent-encoded, as on the wire).
        let prefix = "/api/v1/questions?q=";
        let fits = "a".repeat(8192 - prefix.len());
        let response = app.get(&format!("{}{}{fits}", app.address, prefix), &m.key).await;
        problem(response, StatusCode::BAD_REQUEST, "invalid_query").await; // q is capped at 200 characters
        let too_long = format!("{fits}a");
        let response = app.get(&format!("{}{}{too_long}", app.address, prefix), &m.key).await;
        let p = problem(response, StatusCode::URI_TOO_LONG, "uri_too_long").await;
        assert!(p["detail"].as_str().unwrap().contains("8192"));
        // Refused before anything else runs, yet in the reader's language.
        let url = format!("{}{}{too_long}", app.address, prefix);
        let response = app.client.get(url).bearer_auth(&m.key).header("Accept-Language", "ja").send().await.unwrap();
        assert_eq!(response.headers()["content-language"], "ja");
        let p = problem(response, StatusCode::URI_TOO_LONG, "uri_too_long").await;
        assert!(p["detail_en"].as_str().unwrap().contains("8192"), "{p}");
        assert!(p["detail"].as_str().unwrap().contains("URL"), "{p}");
    }

    async fn unknown_ids_and_routes_are_404(app) {
        let m = app.member("m").await;
        for path in ["/questions/999999", "/questions/abc", "/answers/999999", "/questions/99999999999999999999999"] {
            problem(app.get(path, &m.key).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        problem(app.patch("/answers/999999", &m.key, json!({"body": "x"})).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.post("/answers/999999/accept", &m.key, json!({})).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.get("/no-such-route", &m.key).await, StatusCode::NOT_FOUND, "route_not_found").await;
        let response = app.client.get(format!("{}/elsewhere", app.address)).send().await.unwrap();
        problem(response, StatusCode::NOT_FOUND, "route_not_found").await;
    }

    async fn bad_query_values_are_400_naming_the_parameter(app) {
        let m = app.member("m").await;
        for (query, field) in [
            ("status=closed", "status"),
            ("sort=popular", "sort"),
            ("unanswered=maybe", "unanswered"),
            ("mine=2", "mine"),
            ("tag=two%20words", "tag"),
        ] {
            let p = problem(app.get(&format!("/questions?{query}"), &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
            assert_eq!(problem_fields(&p), [field], "{query}");
        }
        // Unknown parameters are ignored.
        assert_eq!(app.get("/questions?utm_source=flow", &m.key).await.status(), StatusCode::OK);
    }

    async fn control_characters_and_nul_are_refused_not_stored(app) {
        let m = app.member("m").await;
        let p = problem(
            app.post("/questions", &m.key, json!({"title": "NUL \u{0000} inside", "body": "b\u{0000}"})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(problem_fields(&p), ["title", "body"]);
        assert!(app.list_ids(&m.key, "").await.is_empty());
    }
}

on_both_databases! {
    async fn a_known_path_with_the_wrong_method_is_405_with_allow(app) {
        let m = app.member("m").await;
        let response = app.call(reqwest::Method::PUT, "/questions/1", Some(&m.key), Some(json!({}))).await;
        let allow = response.headers()["allow"].to_str().unwrap().to_owned();
        assert_eq!(allow, "GET, PATCH, DELETE");
        problem(response, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
        let response = app.call(reqwest::Method::DELETE, "/questions", Some(&m.key), None).await;
        problem(response, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    }
}

on_both_databases! {
    async fn a_fixed_path_with_a_method_it_lacks_is_405_not_404(app) {
        let m = app.member("m").await;
        let response = app.call(reqwest::Method::PATCH, "/questions/similar", Some(&m.key), Some(json!({}))).await;
        assert_eq!(response.headers()["allow"], "GET");
        problem(response, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
        // A templated path with a bad id stays a 404.
        problem(app.patch("/questions/abc", &m.key, json!({})).await, StatusCode::NOT_FOUND, "not_found").await;
    }
}
