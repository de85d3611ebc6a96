//! What Power Automate and Logic Apps actually send: `True`/`False` and `1`/`0` for booleans,
//! `""` for an empty dynamic value, `20.0` for a whole number, and date-times without an
//! offset. Each is read as the member meant it; what cannot be read gets a clear error.

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn booleans_in_any_case_and_as_digits(app) {
        let m = app.member("m").await;
        let other = app.member("other").await;
        app.ask(&m.key, "Mine and still unanswered", "b", &[], false).await;
        let answered = app.ask(&other.key, "Someone else's, answered", "b", &[], false).await;
        app.answer(&m.key, answered["id"].as_i64().unwrap(), "an answer").await;
        for (canonical, variants) in [
            ("mine=true", &["mine=True", "mine=TRUE", "mine=1"][..]),
            ("mine=false", &["mine=False", "mine=0"][..]),
            ("unanswered=true", &["unanswered=True", "unanswered=1"][..]),
        ] {
            let expected = app.list_ids(&m.key, canonical).await;
            for variant in variants {
                assert_eq!(app.list_ids(&m.key, variant).await, expected, "{variant}");
            }
        }
        assert_eq!(app.get("/tips?featured=True", &m.key).await.status(), StatusCode::OK);
        assert_eq!(app.get("/subscriptions?all=False", &app.admin_key).await.status(), StatusCode::OK);
        let p = problem(app.get("/questions?mine=yes", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["mine"]);
    }

    async fn empty_values_mean_not_given(app) {
        let m = app.member("m").await;
        // Queries: an empty value is no filter.
        assert_eq!(app.list_ids(&m.key, "tag=&status=&mine=&q=").await, app.list_ids(&m.key, "").await);
        assert_eq!(app.get("/tips?level=&featured=", &m.key).await.status(), StatusCode::OK);
        // Bodies: an empty optional field is absent (the default applies) ...
        let created = json_of(app.post("/members", &app.admin_key, json!({"display_name": "Empty email", "email": "", "role": ""})).await, StatusCode::CREATED).await;
        assert_eq!(created["member"]["role"], "member");
        assert!(created["member"].get("email").is_none(), "{created}");
        let tip = json_of(app.post("/tips", &m.key, json!({"title": "A tip with no level", "body": "b", "level": ""})).await, StatusCode::CREATED).await;
        assert!(tip.get("level").is_none() || tip["level"] == "beginner", "{tip}");
        // ... and an empty required one is refused by its own rule, naming the field.
        let p = problem(app.post("/questions", &m.key, json!({"title": "", "body": "b"})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["title"]);
    }

    async fn whole_numbers_written_as_decimals(app) {
        let m = app.member("m").await;
        let win = json_of(app.post("/wins", &m.key, json!({
            "title": "Twenty runs a month", "story": "s",
            "impact": {"minutes_saved_per_run": 30.0, "runs_per_month": 20.0, "people_helped": 2.0}})).await, StatusCode::CREATED).await;
        assert_eq!(win["impact"]["runs_per_month"], 20);
        assert_eq!(win["impact"]["people_helped"], 2);
        let p = problem(app.post("/wins", &m.key, json!({
            "title": "Twenty and a half runs", "story": "s",
            "impact": {"minutes_saved_per_run": 30, "runs_per_month": 20.5, "people_helped": 1}})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["impact.runs_per_month"]);
        assert!(p["errors"][0]["detail"].as_str().unwrap().contains("whole number"), "{p}");
        let p = problem(app.post("/wins", &m.key, json!({
            "title": "Too many runs to count", "story": "s",
            "impact": {"minutes_saved_per_run": 30, "runs_per_month": 1e20, "people_helped": 1}})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!((problem_fields(&p), p["errors"][0]["code"].as_str()), (vec!["impact.runs_per_month".to_owned()], Some("out_of_range")));
        assert_eq!(app.get_json("/wins", &m.key).await["items"].as_array().unwrap().len(), 1);
    }

    async fn markdown_comes_with_sanitised_html(app) {
        let m = app.member("m").await;
        let helper = app.member("helper").await;
        let hostile = "**Reject** を判定\n\n<script>alert(1)</script> [x](javascript:alert(1)) ![pixel](https://tracker.example/p.png)";
        let q = app.ask(&m.key, "Markdown in a question body", hostile, &[], false).await;
        let read = app.get_json(&format!("/questions/{}", q["id"]), &m.key).await;
        let html = read["body_html"].as_str().unwrap();
        assert!(html.contains("<strong>Reject</strong>"), "{html}");
        assert_eq!(read["body"], hostile, "the Markdown itself is kept");
        let answer = app.answer(&helper.key, q["id"].as_i64().unwrap(), hostile).await;
        let tip = json_of(app.post("/tips", &m.key, json!({"title": "Markdown in a tip body", "body": hostile})).await, StatusCode::CREATED).await;
        let win = json_of(app.post("/wins", &m.key, json!({"title": "Markdown in a win story", "story": hostile,
            "impact": {"minutes_saved_per_run": 1, "runs_per_month": 1, "people_helped": 1}})).await, StatusCode::CREATED).await;
        let events = app.get_json("/events?after=0&types=question.answered", &m.key).await;
        let rendered = [
            html.to_owned(),
            answer["body_html"].as_str().unwrap().to_owned(),
            tip["body_html"].as_str().unwrap().to_owned(),
            win["story_html"].as_str().unwrap().to_owned(),
            events["items"][0]["answer"]["excerpt_html"].as_str().unwrap().to_owned(),
        ];
        for html in rendered {
            assert!(html.contains("<strong>Reject</strong>"), "{html}");
            assert!(html.contains("&lt;script&gt;"), "typed HTML is shown as text: {html}");
            for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap()) {
                assert!(!tag.contains("script") && !tag.contains("javascript") && !tag.starts_with("img") && !tag.contains("tracker"), "{html}");
            }
        }
        // Titles stay plain text in events.
        assert!(events["items"][0]["question"].get("title_html").is_none());
    }

    async fn a_field_given_twice_is_refused(app) {
        let m = app.member("m").await;
        let response = app.client.post(app.url("/questions")).bearer_auth(&m.key)
            .header("Content-Type", "application/json")
            .body(r#"{"title": "A harmless title here", "body": "b", "title": "Another title here"}"#)
            .send().await.unwrap();
        let p = problem(response, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(problem_fields(&p), ["title"]);
        assert_eq!(p["errors"][0]["code"], "duplicate_field");
        assert!(app.list_ids(&m.key, "").await.is_empty());
    }
}

/// `since`, `from` and `to` without an offset are read in the members' time zone: with
/// `TSUNAGU_UTC_OFFSET=+09:00`, `2026-11-01` is 2026-10-31T15:00:00Z.
async fn date_times_without_an_offset(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.utc_offset_minutes = 9 * 60).await;
    let m = app.member("m").await;
    json_of(
        app.post(
            "/wins",
            &m.key,
            json!({"title": "A win logged today", "story": "s",
        "impact": {"minutes_saved_per_run": 1, "runs_per_month": 1, "people_helped": 1}}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    // Wall-clock times in +09:00, a minute either side of the win.
    let local_now = chrono::Utc::now().naive_utc() + chrono::Duration::hours(9);
    let before = local_now - chrono::Duration::minutes(1);
    let after = local_now + chrono::Duration::minutes(1);
    for (since, expected) in [
        (before.format("%Y-%m-%dT%H:%M:%S").to_string(), 1),
        (before.format("%Y-%m-%d%%20%H:%M").to_string(), 1),
        (after.format("%Y-%m-%dT%H:%M:%S").to_string(), 0),
        (local_now.format("%Y-%m-%d").to_string(), 1),
        (
            (local_now + chrono::Duration::days(1))
                .format("%Y-%m-%d")
                .to_string(),
            0,
        ),
    ] {
        let got = app.get_json(&format!("/wins?since={since}"), &m.key).await;
        assert_eq!(
            got["items"].as_array().unwrap().len(),
            expected,
            "{since}: {got}"
        );
    }
    // Health figures: the interval boundaries of a date-only range sit at local midnight.
    let report = app
        .get_json(
            "/stats/health?interval=week&from=2026-11-02&to=2026-11-16",
            &m.key,
        )
        .await;
    let rows = report["items"].as_array().unwrap();
    // Written in the members' offset, so the week of Monday 11-02 reads 11-02 (it read
    // 2026-11-01T15:00:00Z, a Sunday).
    assert_eq!(rows[0]["start"], "2026-11-02T00:00:00+09:00", "{report}");
    assert_eq!(rows.last().unwrap()["end"], "2026-11-16T00:00:00+09:00");
    let csv = app
        .get(
            "/stats/health.csv?interval=month&from=2026-11-01&to=2026-12-01",
            &m.key,
        )
        .await
        .text()
        .await
        .unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("2026-11-01T00:00:00+09:00,2026-12-01T00:00:00+09:00,"),
        "{csv}"
    );
    let p = problem(
        app.get("/wins?since=11%2F01%2F2026", &m.key).await,
        StatusCode::BAD_REQUEST,
        "invalid_query",
    )
    .await;
    assert_eq!(problem_fields(&p), ["since"]);
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("2026-11-01T09:00:00+09:00"),
        "{p}"
    );
    app.stop().await;
}

#[tokio::test]
async fn date_times_without_an_offset_sqlite() {
    date_times_without_an_offset(Backend::Sqlite).await;
}

#[tokio::test]
async fn date_times_without_an_offset_postgres() {
    date_times_without_an_offset(Backend::Postgres).await;
}
