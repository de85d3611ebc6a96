//! An anonymous question never reveals its author to anyone but the author.

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Every place a question can be seen, as raw response text for `key`.
async fn everywhere(app: &TestApp, key: &str, qid: i64) -> Vec<(String, String)> {
    let paths = [
        format!("/questions/{qid}"),
        "/questions".to_owned(),
        "/questions?q=%E7%A7%98%E5%AF%86".to_owned(), // 秘密
        "/questions?q=secretive".to_owned(),
        "/questions?unanswered=true".to_owned(),
        "/questions?status=answered".to_owned(),
        "/questions?tag=privacy".to_owned(),
        "/questions?sort=active".to_owned(),
        "/questions/similar?title=%E7%A7%98%E5%AF%86%E3%81%AE%E8%B3%AA%E5%95%8F%20secretive"
            .to_owned(),
    ];
    let mut seen = Vec::new();
    for path in paths {
        let response = app.get(&path, key).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        seen.push((path, response.text().await.unwrap()));
    }
    seen
}

on_both_databases! {
    async fn nobody_but_the_asker_sees_who_asked_anonymously(app) {
        let asker = app.member("匿名希望さん").await;
        let other = app.member("other").await;
        let moderator = app.member_with_role("moderator", "moderator").await;
        let q = app.ask(&asker.key, "秘密の質問 secretive", "本文です", &["privacy"], true).await;
        let qid = q["id"].as_i64().unwrap();
        assert_eq!(q["author"]["display_name"], "匿名希望さん", "the asker sees it as theirs");
        assert_eq!(q["mine"], true);
        // The asker answers a follow-up on their own question; a helper answers too.
        app.answer(&asker.key, qid, "追記: 環境は Teams です").await;
        app.answer(&other.key, qid, "こうしてみては").await;

        for (who, key) in [("other", &other.key), ("moderator", &moderator.key), ("admin", &app.admin_key)] {
            for (path, text) in everywhere(app, key, qid).await {
                assert!(!text.contains("匿名希望さん"), "{who} sees the name at {path}: {text}");
                assert!(!text.contains(&format!("\"author\":{{\"id\":{},", asker.id)), "{who} sees the id at {path}: {text}");
                if !path.contains("similar") && !path.contains("unanswered") {
                    assert!(text.contains("秘密の質問"), "{who} still finds the question at {path}");
                }
            }
            let seen: Value = app.get_json(&format!("/questions/{qid}"), key).await;
            assert!(seen.get("author").is_none(), "{who}: {seen}");
            assert_eq!(seen["anonymous"], true);
            assert_eq!(seen["mine"], false);
            let by_asker = &seen["answers"][0];
            assert_eq!(by_asker["by_asker"], true);
            assert!(by_asker.get("author").is_none(), "{who}: the asker's own answer stays anonymous: {by_asker}");
            assert_eq!(seen["answers"][1]["author"]["display_name"], "other");
        }

        // The asker still sees everything as theirs, and can accept.
        let mine = app.get_json(&format!("/questions/{qid}"), &asker.key).await;
        assert_eq!(mine["mine"], true);
        assert_eq!(mine["author"]["id"], asker.id);
        assert_eq!(mine["answers"][0]["author"]["id"], asker.id);
        assert_eq!(app.list_ids(&asker.key, "mine=true").await, vec![qid]);
        assert!(app.list_ids(&other.key, "mine=true").await.is_empty());
        let helper_answer = mine["answers"][1]["id"].as_i64().unwrap();
        json_of(app.post(&format!("/answers/{helper_answer}/accept"), &asker.key, json!({})).await, StatusCode::OK).await;

        // Refusals do not name the asker either.
        for response in [
            app.patch(&format!("/questions/{qid}"), &other.key, json!({"title": "changed title"})).await,
            app.delete(&format!("/questions/{qid}"), &other.key).await,
            app.post(&format!("/answers/{helper_answer}/accept"), &other.key, json!({})).await,
            app.patch(&format!("/questions/{qid}"), &moderator.key, json!({"anonymous": false})).await,
        ] {
            let text = response.text().await.unwrap();
            assert!(!text.contains("匿名希望さん"), "{text}");
        }
        assert_eq!(app.get_json(&format!("/questions/{qid}"), &other.key).await["anonymous"], true);
    }

    async fn the_asker_may_reveal_themselves_later(app) {
        let asker = app.member("shy").await;
        let other = app.member("other").await;
        let qid = app.ask(&asker.key, "Anonymous for now", "b", &[], true).await["id"].as_i64().unwrap();
        assert!(app.get_json(&format!("/questions/{qid}"), &other.key).await.get("author").is_none());
        json_of(app.patch(&format!("/questions/{qid}"), &asker.key, json!({"anonymous": false})).await, StatusCode::OK).await;
        assert_eq!(app.get_json(&format!("/questions/{qid}"), &other.key).await["author"]["display_name"], "shy");
    }
}

on_both_databases! {
    async fn events_show_what_is_visible_now(app) {
        let asker = app.member("Yamada Hanako").await;
        let helper = app.member("helper").await;
        let moderator = app.member_with_role("moderator", "moderator").await;
        let qid = app.ask(&asker.key, "Asked by name first", "b", &["payroll"], false).await["id"].as_i64().unwrap();
        let answer = app.answer(&helper.key, qid, "an answer").await["id"].as_i64().unwrap();
        let feed = app.get_json("/events?after=0&limit=100", &helper.key).await.to_string();
        assert!(feed.contains("Yamada Hanako"), "shown while public: {feed}");
        // Made anonymous: every event about it forgets the asker.
        json_of(app.patch(&format!("/questions/{qid}"), &asker.key, json!({"anonymous": true})).await, StatusCode::OK).await;
        let feed = app.get_json("/events?after=0&limit=100", &helper.key).await.to_string();
        assert!(!feed.contains("Yamada Hanako"), "{feed}");
        // Redacted by a moderator: the old title is gone from the feed too.
        json_of(app.patch(&format!("/questions/{qid}"), &moderator.key, json!({"title": "Redacted by a moderator"})).await, StatusCode::OK).await;
        let feed = app.get_json("/events?after=0&limit=100", &helper.key).await.to_string();
        assert!(!feed.contains("Asked by name first") && feed.contains("Redacted by a moderator"), "{feed}");
        // Kudos the anonymous asker gives in her thread come from "the asker".
        json_of(app.post(&format!("/answers/{answer}/accept"), &asker.key, json!({})).await, StatusCode::OK).await;
        json_of(app.post(&format!("/answers/{answer}/kudos"), &asker.key, json!({"message": "thank you"})).await, StatusCode::CREATED).await;
        let kudos = app.get_json("/events?after=0&types=kudos.received", &helper.key).await;
        let kudos = &kudos["items"][0]["kudos"];
        assert_eq!(kudos["from_asker"], true, "{kudos}");
        assert!(kudos.get("from").is_none(), "{kudos}");
        assert_eq!(kudos["message"], "thank you");
        // Deleted: its events are gone.
        assert_eq!(app.delete(&format!("/questions/{qid}"), &asker.key).await.status(), StatusCode::NO_CONTENT);
        let feed = app.get_json("/events?after=0&limit=100", &helper.key).await;
        assert!(feed["items"].as_array().unwrap().is_empty(), "{feed}");
    }

    async fn a_moderator_editing_a_win_keeps_the_citations_they_cannot_see(app) {
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let moderator = app.member_with_role("moderator", "moderator").await;
        let hidden_q = app.ask(&asker.key, "My anonymous question", "b", &[], true).await["id"].as_i64().unwrap();
        let public_q = app.ask(&helper.key, "A public question", "b", &[], false).await["id"].as_i64().unwrap();
        let win = json_of(app.post("/wins", &asker.key, json!({"title": "My win", "story": "s",
            "impact": {"minutes_saved_per_run": 10, "runs_per_month": 1, "people_helped": 1},
            "helped_by": {"questions": [hidden_q]}})).await, StatusCode::CREATED).await;
        let by_moderator = app.get_json(&format!("/wins/{}", win["id"]), &moderator.key).await;
        assert_eq!(by_moderator["helped_by"]["questions"], json!([]), "anonymous citations are the author's");
        json_of(app.patch(&format!("/wins/{}", win["id"]), &moderator.key, json!({"helped_by": {"questions": [public_q]}})).await, StatusCode::OK).await;
        let mine = app.get_json(&format!("/wins/{}", win["id"]), &asker.key).await;
        let mut cited: Vec<i64> = mine["helped_by"]["questions"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
        cited.sort();
        assert_eq!(cited, vec![hidden_q, public_q], "{mine}");
    }

    async fn kudos_to_the_asker_s_own_answer_stay_out_of_her_figures(app) {
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        json_of(app.patch("/me", &asker.key, json!({"show_on_leaderboard": true})).await, StatusCode::OK).await;
        let qid = app.ask(&asker.key, "Anonymous with a follow-up", "b", &[], true).await["id"].as_i64().unwrap();
        let own = app.answer(&asker.key, qid, "my own follow-up").await["id"].as_i64().unwrap();
        json_of(app.post(&format!("/answers/{own}/kudos"), &helper.key, json!({})).await, StatusCode::CREATED).await;
        let profile = app.get_json(&format!("/members/{}", asker.id), &helper.key).await;
        assert_eq!(profile["kudos_received"], 0, "{profile}");
        let board = app.get_json("/leaderboard", &helper.key).await;
        assert!(board["items"].as_array().unwrap().iter().all(|p| p["kudos_received"] == 0), "{board}");
    }
}
