use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use std::collections::HashSet;

on_both_databases! {
    async fn pages_walk_every_question_once_even_with_concurrent_inserts(app) {
        let m = app.member("m").await;
        let mut expected = Vec::new();
        for i in 0..25 {
            expected.push(app.ask(&m.key, &format!("Question number {i}"), "b", &[], false).await["id"].as_i64().unwrap());
        }
        expected.reverse();
        let mut seen = Vec::new();
        let mut next = Some(app.url("/questions?limit=10"));
        let mut pages = 0;
        while let Some(link) = next {
            let page = app.get_json(&link, &m.key).await;
            seen.extend(ids(&page["items"]));
            pages += 1;
            if pages == 1 {
                assert!(page["next_cursor"].is_string());
                // New questions arrive between pages: they must not shift what follows.
                for i in 0..3 {
                    app.ask(&m.key, &format!("Late question {i}"), "b", &[], false).await;
                }
            }
            next = page["next_link"].as_str().map(str::to_owned);
            if next.is_none() {
                assert!(page.get("next_cursor").is_none());
            }
        }
        assert_eq!(pages, 3);
        assert_eq!(seen, expected);
    }

    async fn cursors_work_with_search_and_active_sort(app) {
        let m = app.member("m").await;
        for i in 0..7 {
            let title = if i % 2 == 0 { format!("承認 in title {i}") } else { format!("Body match {i}") };
            let body = if i % 2 == 0 { "b".to_owned() } else { "承認が必要".to_owned() };
            app.ask(&m.key, &title, &body, &[], false).await;
        }
        let all = app.list_ids(&m.key, "q=%E6%89%BF%E8%AA%8D&limit=100").await;
        assert_eq!(all.len(), 7);
        for sort in ["newest", "active"] {
            let mut seen = Vec::new();
            let mut next = Some(app.url(&format!("/questions?q=%E6%89%BF%E8%AA%8D&limit=2&sort={sort}")));
            while let Some(link) = next {
                let page = app.get_json(&link, &m.key).await;
                seen.extend(ids(&page["items"]));
                next = page["next_link"].as_str().map(str::to_owned);
            }
            assert_eq!(seen, all, "sort={sort}");
            assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 7);
        }
    }

    async fn bad_limits_and_cursors_are_400(app) {
        let m = app.member("m").await;
        for bad in ["limit=0", "limit=101", "limit=-1", "limit=ten"] {
            let p = problem(app.get(&format!("/questions?{bad}"), &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
            assert_eq!(problem_fields(&p), ["limit"], "{bad}");
        }
        let p = problem(app.get("/questions?cursor=not-a-cursor", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(p["errors"][0]["code"], "invalid_cursor");
        for i in 0..3 {
            app.ask(&m.key, &format!("Question number {i}"), "b", &[], false).await;
        }
        let page = app.get_json("/questions?limit=1", &m.key).await;
        let cursor = page["next_cursor"].as_str().unwrap();
        let p = problem(app.get(&format!("/questions?limit=1&sort=active&cursor={cursor}"), &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["cursor"]);
        let page2 = app.get_json(&format!("/questions?limit=1&cursor={cursor}"), &m.key).await;
        assert_eq!(page2["items"].as_array().unwrap().len(), 1);
        assert_ne!(page2["items"][0]["id"], page["items"][0]["id"]);
    }
}
