//! Many members writing at once: no lost writes, no "database is locked" errors.

use crate::helpers::json_of;
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

on_both_databases! {
    async fn an_asker_acting_in_her_thread_while_it_changes_anonymity_is_counted_right(app) {
        // Her acts in her own thread count as hers only while it is not anonymous (migration
        // 0019): her reactions, kudos and answers there, her switching anonymity on and off,
        // and a helper deleting answers she reacted to, all at once. On PostgreSQL each side
        // could miss the other's uncommitted change without the question's row lock (and the
        // locks must come in one order, or one side is aborted: a 500).
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let qid = app.ask(&asker.key, "Why does my flow stop at the approval", "b", &[], false).await["id"].as_i64().unwrap();
        let mut answers = Vec::new();
        for i in 0..24 {
            answers.push(app.answer(&helper.key, qid, &format!("Try this, number {i}")).await["id"].as_i64().unwrap());
        }
        let mut tasks = Vec::new();
        for worker in 0..4 {
            let client = app.client.clone();
            let key = if worker == 3 { helper.key.clone() } else { asker.key.clone() };
            let (base, answers) = (app.url(""), answers.clone());
            tasks.push(tokio::spawn(async move {
                let mut statuses = Vec::new();
                for i in 0..24 {
                    let a = answers[i];
                    let request = match worker {
                        0 => client.patch(format!("{base}/questions/{qid}")).json(&json!({"anonymous": i % 2 == 0})),
                        1 if i % 3 == 2 => client.delete(format!("{base}/answers/{}/reactions/helpful", answers[i - 1])),
                        1 => client.post(format!("{base}/answers/{a}/reactions")).json(&json!({"kind": "helpful"})),
                        2 if i % 4 == 0 => client.post(format!("{base}/questions/{qid}/answers")).json(&json!({"body": format!("More detail {i}")})),
                        2 => client.post(format!("{base}/answers/{}/kudos", answers[23 - i])).json(&json!({})),
                        _ if i % 2 == 0 => client.delete(format!("{base}/answers/{}", answers[(i * 7) % 24])),
                        _ => client.patch(format!("{base}/answers/{}", answers[(i * 5) % 24])).json(&json!({"body": format!("edit {i}")})),
                    };
                    statuses.push(request.bearer_auth(&key).send().await.unwrap().status());
                }
                statuses
            }));
        }
        for task in tasks {
            for status in task.await.unwrap() {
                // A reaction, kudos or edit may find its answer deleted a moment before.
                assert!(status.is_success() || status == StatusCode::NOT_FOUND, "{status}");
            }
        }
        app.assert_member_days_recount().await;
        // And once more after the end state is settled: switch back to named and check again.
        json_of(app.patch(&format!("/questions/{qid}"), &asker.key, json!({"anonymous": false})).await, StatusCode::OK).await;
        app.assert_member_days_recount().await;
    }
}
