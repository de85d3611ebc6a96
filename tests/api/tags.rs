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

/// The counts kept with the tags equal the counts computed from the posts.
async fn counts_agree(app: &TestApp, step: &str) {
    let kept = app.store.tag_counts().await.unwrap();
    let recounted = app.store.tag_counts_recounted().await.unwrap();
    assert_eq!(kept, recounted, "after {step}");
}

on_both_databases! {
    async fn the_kept_tag_counts_follow_every_change_to_posts(app) {
        let m = app.member("m").await;
        let reporter = app.member("r").await;
        let moderator = app.member_with_role("Moderator Mio", "moderator").await;
        let q1 = app.ask(&m.key, "First excel one", "b", &["excel", "approvals"], false).await;
        let q2 = app.ask(&m.key, "Second excel one", "b", &["excel"], true).await;
        let tip = app.post("/tips", &m.key, json!({"title": "Excel のコツです", "body": "b", "tags": ["excel", "tips"]})).await;
        let tip = json_of(tip, StatusCode::CREATED).await;
        let win = app.post("/wins", &m.key, json!({"title": "請求書の転記を自動化", "story": "x", "tags": ["excel"],
            "impact": {"minutes_saved_per_run": 30, "runs_per_month": 4, "people_helped": 1}})).await;
        let win = json_of(win, StatusCode::CREATED).await;
        counts_agree(app, "creating").await;
        let excel = app.get_json("/tags?q=excel", &m.key).await;
        assert_eq!((excel["items"][0]["question_count"].as_i64(), excel["items"][0]["post_count"].as_i64()), (Some(2), Some(4)), "{excel}");
        // Retagging each kind of post.
        app.patch(&format!("/questions/{}", q1["id"]), &m.key, json!({"tags": ["approvals", "sharepoint"]})).await;
        app.patch(&format!("/tips/{}", tip["id"]), &m.key, json!({"tags": ["sharepoint"]})).await;
        app.patch(&format!("/wins/{}", win["id"]), &m.key, json!({"tags": ["approvals"]})).await;
        counts_agree(app, "retagging").await;
        // Hiding and showing again each kind of post (a hidden post is not counted).
        for (kind, id) in [("question", &q2["id"]), ("tip", &tip["id"]), ("win", &win["id"])] {
            let report = app.post("/reports", &reporter.key, json!({"target_kind": kind, "target_id": id, "reason": "spam"})).await;
            let report = json_of(report, StatusCode::CREATED).await;
            let hidden = app.post(&format!("/reports/{}/resolve", report["id"]), &moderator.key, json!({"action": "hide", "reason": "x"})).await;
            assert_eq!(hidden.status(), StatusCode::OK);
            counts_agree(app, &format!("hiding a {kind}")).await;
        }
        let excel = app.get_json("/tags?q=excel", &m.key).await;
        assert_eq!((excel["items"][0]["question_count"].as_i64(), excel["items"][0]["post_count"].as_i64()), (Some(0), Some(0)), "{excel}");
        // Retagging a hidden post changes no count.
        app.patch(&format!("/questions/{}", q2["id"]), &m.key, json!({"tags": ["approvals"]})).await;
        counts_agree(app, "retagging a hidden question").await;
        assert_eq!(app.delete(&format!("/hidden-posts/question/{}", q2["id"]), &moderator.key).await.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.delete(&format!("/hidden-posts/tip/{}", tip["id"]), &moderator.key).await.status(), StatusCode::NO_CONTENT);
        counts_agree(app, "showing again").await;
        // Deleting posts, hidden or not.
        for path in [format!("/questions/{}", q1["id"]), format!("/questions/{}", q2["id"]), format!("/tips/{}", tip["id"]), format!("/wins/{}", win["id"])] {
            assert_eq!(app.delete(&path, &moderator.key).await.status(), StatusCode::NO_CONTENT, "{path}");
            counts_agree(app, &format!("deleting {path}")).await;
        }
        let all = app.store.tag_counts().await.unwrap();
        assert!(all.iter().all(|t| t.question_count == 0 && t.post_count == 0), "{all:?}");
    }
}

on_both_databases! {
    async fn a_questions_tags_come_in_slug_order_wherever_it_is_shown(app) {
        // SQLite sorts them in the service, PostgreSQL in the query (see
        // `store::questions::select_questions_from`); both give slug order.
        let m = app.member("m").await;
        let asked = app.ask(&m.key, "Sorted tags on a question", "b", &["sharepoint", "approvals", "excel"], false).await;
        let sorted = serde_json::json!(["approvals", "excel", "sharepoint"]);
        assert_eq!(asked["tags"], sorted);
        let id = asked["id"].as_i64().unwrap();
        assert_eq!(app.get_json(&format!("/questions/{id}"), &m.key).await["tags"], sorted);
        let listed = app.get_json("/questions?limit=5", &m.key).await;
        assert_eq!(listed["items"][0]["tags"], sorted);
        let found = app.get_json("/questions?q=sorted", &m.key).await;
        assert_eq!(found["items"][0]["tags"], sorted);
    }
}
