//! Many members writing at once: no lost writes, no "database is locked" errors.

use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn concurrent_questions_answers_and_reactions_all_land(app) {
        let asker = app.member("asker").await;
        let mut helpers = Vec::new();
        for i in 0..8 {
            helpers.push(app.member(&format!("helper{i}")).await);
        }
        let qid = app.ask(&asker.key, "Busy question", "b", &["busy"], false).await["id"].as_i64().unwrap();
        let mut tasks = Vec::new();
        for (i, helper) in helpers.iter().enumerate() {
            let client = app.client.clone();
            let key = helper.key.clone();
            let asker_key = asker.key.clone();
            let base = app.url("");
            tasks.push(tokio::spawn(async move {
                let mut statuses = Vec::new();
                for j in 0..3 {
                    let r = client.post(format!("{base}/questions")).bearer_auth(&key)
                        .json(&json!({"title": format!("Concurrent question {i}-{j}"), "body": "b", "tags": ["busy", format!("t{j}")]}))
                        .send().await.unwrap();
                    statuses.push(r.status());
                    let r = client.post(format!("{base}/questions/{qid}/answers")).bearer_auth(&key)
                        .json(&json!({"body": format!("answer {i}-{j}")})).send().await.unwrap();
                    statuses.push(r.status());
                    let answer: serde_json::Value = r.json().await.unwrap();
                    let r = client.post(format!("{base}/answers/{}/reactions", answer["id"])).bearer_auth(&asker_key)
                        .json(&json!({"kind": "helpful"})).send().await.unwrap();
                    statuses.push(r.status());
                    let r = client.post(format!("{base}/questions/{qid}/me-too")).bearer_auth(&key)
                        .json(&json!({})).send().await.unwrap();
                    statuses.push(r.status());
                }
                statuses
            }));
        }
        for task in tasks {
            for status in task.await.unwrap() {
                assert!(status == StatusCode::CREATED || status == StatusCode::OK, "{status}");
            }
        }
        let q = app.get_json(&format!("/questions/{qid}"), &asker.key).await;
        assert_eq!(q["answer_count"], 24);
        assert_eq!(q["answers"].as_array().unwrap().len(), 24);
        assert_eq!(q["me_too_count"], 8);
        assert!(q["answers"].as_array().unwrap().iter().all(|a| a["helpful_count"] == 1));
        let busy = app.get_json("/questions?tag=busy&limit=100", &asker.key).await;
        assert_eq!(busy["items"].as_array().unwrap().len(), 25);
        let tags = app.get_json("/tags", &asker.key).await;
        assert_eq!(tags["items"][0], json!({"slug": "busy", "question_count": 25, "post_count": 25, "label": "busy (25)"}));
    }

    async fn accepting_an_answer_while_it_is_edited_never_fails(app) {
        // Accepting changes the answer's `accepted` flag (a trigger, migration 0018) while
        // editing changes its body: both lock the answer and its question, and must take the
        // locks in the same order, or PostgreSQL aborts one of them (a 500).
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let qid = app.ask(&asker.key, "Which connector do I need", "b", &[], false).await["id"].as_i64().unwrap();
        let answer = app.answer(&helper.key, qid, "The Office 365 one").await["id"].as_i64().unwrap();
        let mut tasks = Vec::new();
        for worker in 0..4 {
            let client = app.client.clone();
            let (key, base) = (if worker % 2 == 0 { asker.key.clone() } else { helper.key.clone() }, app.url(""));
            tasks.push(tokio::spawn(async move {
                let mut statuses = Vec::new();
                for i in 0..40 {
                    let request = match (worker % 2, i % 2) {
                        (0, 0) => client.post(format!("{base}/answers/{answer}/accept")).json(&json!({})),
                        (0, _) => client.delete(format!("{base}/answers/{answer}/accept")),
                        _ => client.patch(format!("{base}/answers/{answer}")).json(&json!({"body": format!("edit {worker}-{i}")})),
                    };
                    statuses.push(request.bearer_auth(&key).send().await.unwrap().status());
                }
                statuses
            }));
        }
        for task in tasks {
            for status in task.await.unwrap() {
                assert_eq!(status, StatusCode::OK);
            }
        }
    }
}
