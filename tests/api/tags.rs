use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn tags_list_counts_and_filters_by_prefix(app) {
        let m = app.member("m").await;
        app.ask(&m.key, "First excel one", "b", &["excel", "approvals"], false).await;
        app.ask(&m.key, "Second excel one", "b", &["Excel"], false).await;
        app.ask(&m.key, "Expense question", "b", &["expenses", "経費精算"], false).await;
        app.ask(&m.key, "Another expense", "b", &["経費"], false).await;
        let all = app.get_json("/tags", &m.key).await;
        assert_eq!(all["items"][0], json!({"slug": "excel", "question_count": 2, "post_count": 2, "label": "excel (2)"}));
        assert_eq!(all["items"].as_array().unwrap().len(), 5);
        let ex = app.get_json("/tags?q=EX", &m.key).await;
        let slugs: Vec<&str> = ex["items"].as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs, ["excel", "expenses"]);
        let ja = app.get_json("/tags?q=%E7%B5%8C%E8%B2%BB", &m.key).await; // 経費
        let slugs: Vec<&str> = ja["items"].as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs, ["経費", "経費精算"]);
        assert_eq!(app.get_json("/tags?q=%25", &m.key).await["items"], json!([]));
        assert_eq!(app.get_json("/tags?limit=1", &m.key).await["items"].as_array().unwrap().len(), 1);
        problem(app.get("/tags?limit=0", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        // A NUL byte (which PostgreSQL text cannot hold) is a clear 400, found by fuzzing.
        let p = problem(app.get("/tags?q=a%00b", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["q"]);
    }

    async fn trigger_tags_must_exist_and_moderators_create_them_ahead(app) {
        let m = app.member("m").await;
        let moderator = app.member_with_role("moderator", "moderator").await;
        app.ask(&m.key, "Approval flows that send reminders", "b", &["approvals"], false).await;
        // A typo would make a flow that never fires: refused, naming the closest tag.
        for trigger in ["question-posted", "question-answered", "answer-accepted", "question-unanswered", "tip-published", "win-logged"] {
            let p = problem(app.post(&format!("/subscriptions/{trigger}"), &m.key, json!({"callback_url": "http://127.0.0.1:9/hook", "tag": "aproval"})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem_fields(&p), ["tag"], "{trigger}");
            assert_eq!(p["errors"][0]["code"], "unknown_tag");
            assert!(p["errors"][0]["detail"].as_str().unwrap().contains("\"approvals\""), "{p}");
        }
        assert!(app.get_json("/subscriptions", &m.key).await["items"].as_array().unwrap().is_empty());
        // A moderator creates a topic before its first question; members may not.
        problem(app.post("/tags", &m.key, json!({"slug": "copilot-studio"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let created = json_of(app.post("/tags", &moderator.key, json!({"slug": "Copilot-Studio"})).await, StatusCode::CREATED).await;
        assert_eq!((created["slug"].as_str(), created["question_count"].as_i64()), (Some("copilot-studio"), Some(0)));
        let again = json_of(app.post("/tags", &moderator.key, json!({"slug": "ｃｏｐｉｌｏｔ-ｓｔｕｄｉｏ"})).await, StatusCode::OK).await;
        assert_eq!(again["slug"], "copilot-studio");
        let p = problem(app.post("/tags", &moderator.key, json!({"slug": "two words"})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["slug"]);
        json_of(app.post("/subscriptions/question-posted", &m.key, json!({"callback_url": "http://127.0.0.1:9/hook", "tag": "copilot-studio"})).await, StatusCode::CREATED).await;
        json_of(app.post("/subscriptions/question-posted", &m.key, json!({"callback_url": "http://127.0.0.1:9/hook", "tag": "Approvals"})).await, StatusCode::CREATED).await;
        // Every wrong field at once: the unknown tag beside a bad number.
        let p = problem(app.post("/subscriptions/question-unanswered", &m.key, json!({"callback_url": "http://127.0.0.1:9/hook", "hours": 0, "tag": "aproval"})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["hours", "tag"]);
        // A tag used by tips only is a tag too (for OnTipPublished); the dropdown counts posts.
        json_of(app.post("/tips", &m.key, json!({"title": "A tip with its own topic", "body": "b", "tags": ["tip-only"]})).await, StatusCode::CREATED).await;
        json_of(app.post("/subscriptions/tip-published", &m.key, json!({"callback_url": "http://127.0.0.1:9/hook", "tag": "tip-only"})).await, StatusCode::CREATED).await;
        let tags = app.get_json("/tags", &m.key).await;
        let labels: Vec<&str> = tags["items"].as_array().unwrap().iter().map(|t| t["label"].as_str().unwrap()).collect();
        assert_eq!(labels, ["approvals (1)", "tip-only (1)", "copilot-studio (0)"]);
        assert_eq!(tags["items"][1]["question_count"], 0);
    }
}
