//! Community health over HTTP on a small known data set (the time-based figures are checked
//! against a fixed clock in `domain::health`'s unit tests).

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn health_counts_a_known_week(app) {
        let newcomer = app.member("newcomer").await;
        let helper = app.member("helper").await;
        let q1 = app.ask(&newcomer.key, "経費精算の承認について", "b", &["経費精算"], true).await["id"].as_i64().unwrap();
        let _q2 = app.ask(&newcomer.key, "Second question here", "b", &["excel"], false).await;
        let q3 = app.ask(&helper.key, "Helper also asks one", "b", &["excel"], false).await["id"].as_i64().unwrap();
        let a = app.answer(&helper.key, q1, "こうします").await["id"].as_i64().unwrap();
        app.answer(&helper.key, q3, "self answer does not count").await;
        json_of(app.post(&format!("/answers/{a}/reactions"), &newcomer.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
        json_of(app.post("/tips", &helper.key, json!({"title": "A tip for everyone", "body": "b", "tags": ["excel"]})).await, StatusCode::CREATED).await;
        let win = json_of(app.post("/wins", &newcomer.key, json!({"title": "Automated approvals", "story": "s", "tags": ["経費精算"],
            "impact": {"minutes_saved_per_run": 30, "runs_per_month": 10, "people_helped": 2}})).await, StatusCode::CREATED).await;
        json_of(app.post(&format!("/wins/{}/kudos", win["id"]), &helper.key, json!({})).await, StatusCode::CREATED).await;

        let report = app.get_json("/stats/health?interval=week", &helper.key).await;
        assert_eq!(report["interval"], "week");
        let rows = report["items"].as_array().unwrap();
        assert!(rows.len() >= 12, "12 weeks by default");
        let this_week = rows.last().unwrap();
        assert_eq!(this_week["questions_asked"], 3);
        assert_eq!(this_week["answered"], 1, "the self-answer does not count");
        assert_eq!(this_week["still_unanswered"], 2);
        // Per-member figures never see the anonymous question: the newcomer's first question
        // asked by name is q2, and nobody asked by name twice.
        assert_eq!(this_week["first_time_askers"], 2);
        assert_eq!(this_week["returning_askers"], 0);
        assert_eq!(this_week["anonymous_questions_asked"], 1);
        assert_eq!(this_week["anonymous_answered_within_24h_share"], 1.0);
        assert_eq!(this_week["new_contributors"], 1);
        assert_eq!(this_week["active_members"], 2);
        assert_eq!(this_week["tips_published"], 1);
        assert_eq!(this_week["wins_logged"], 1);
        assert_eq!(this_week["hours_saved_per_month"], 10.0);
        assert_eq!(this_week["kudos_given"], 1);
        assert_eq!(this_week["answered_within_24h_share"], 0.333);
        assert!(this_week["median_hours_to_first_answer"].as_f64().unwrap() < 1.0);
        assert!(rows[0].get("median_hours_to_first_answer").is_none(), "absent, not null, for an empty week");
        // Filtered by a Japanese tag.
        let tagged = app.get_json("/stats/health?interval=month&tag=%E7%B5%8C%E8%B2%BB%E7%B2%BE%E7%AE%97", &helper.key).await;
        let month = tagged["items"].as_array().unwrap().last().unwrap().clone();
        assert_eq!((month["questions_asked"].as_i64(), month["wins_logged"].as_i64(), month["tips_published"].as_i64()), (Some(1), Some(1), Some(0)));
        // CSV for Excel: BOM, header, one line per interval.
        let csv = app.get("/stats/health.csv?interval=week", &helper.key).await;
        assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let text = csv.text().await.unwrap();
        assert!(text.starts_with("\u{feff}start,end,questions_asked,answered,"));
        assert!(text.lines().next().unwrap().ends_with(",kudos_given,anonymous_questions_asked,anonymous_answered_within_24h_share"));
        assert_eq!(text.lines().count(), rows.len() + 1);
        // Summary.
        let summary = app.get_json("/stats/summary", &helper.key).await;
        assert_eq!(summary["questions_asked"], 3);
        assert_eq!(summary["questions_without_answer"], 2);
        assert_eq!(summary["total_hours_saved_per_month"], 10.0);
        // Bad ranges are clear.
        let p = problem(app.get("/stats/health?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", &helper.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["from"]);
        problem(app.get("/stats/health?interval=day", &helper.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        // Anonymous authorship does not show in any figure output.
        assert!(!report.to_string().contains("newcomer"));
    }
}

on_both_databases! {
    async fn the_old_stats_page_sends_browsers_to_the_dashboard(app) {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let old = client.get(format!("{}/stats", app.address)).header("Accept", "text/html").send().await.unwrap();
        assert_eq!(old.status(), StatusCode::PERMANENT_REDIRECT);
        assert_eq!(old.headers()["location"], "/dashboard");
    }
}
