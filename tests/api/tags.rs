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
        assert_eq!(all["items"][0], json!({"slug": "excel", "question_count": 2}));
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
}
