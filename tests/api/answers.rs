use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn answering_moves_a_question_to_answered(app) {
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let q = app.ask(&asker.key, "How do I add a trigger?", "b", &[], false).await;
        let qid = q["id"].as_i64().unwrap();
        let response = app.post(&format!("/questions/{qid}/answers"), &helper.key, json!({"body": "Use **Recurrence**."})).await;
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let answer = json_of(response, StatusCode::CREATED).await;
        assert_eq!(answer["body"], "Use **Recurrence**.");
        assert_eq!(answer["author"]["display_name"], "helper");
        assert_eq!(answer["question_id"], qid);
        assert_eq!(answer["accepted"], false);
        assert_eq!(answer["mine"], true);
        assert_eq!(app.get_json(&location, &asker.key).await["id"], answer["id"]);
        let seen = app.get_json(&format!("/questions/{qid}"), &asker.key).await;
        assert_eq!(seen["status"], "answered");
        assert_eq!(seen["answer_count"], 1);
        assert_eq!(seen["answers"][0]["id"], answer["id"]);
        problem(
            app.post("/questions/424242/answers", &helper.key, json!({"body": "x"})).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
        let p = problem(
            app.post(&format!("/questions/{qid}/answers"), &helper.key, json!({"body": "x".repeat(20_001)})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(problem_fields(&p), ["body"]);
    }

    async fn only_the_asker_accepts_and_accepting_another_switches(app) {
        let asker = app.member("asker").await;
        let h1 = app.member("h1").await;
        let h2 = app.member("h2").await;
        let moderator = app.member_with_role("mod", "moderator").await;
        let qid = app.ask(&asker.key, "Which connector?", "b", &[], false).await["id"].as_i64().unwrap();
        let a1 = app.answer(&h1.key, qid, "first").await["id"].as_i64().unwrap();
        let a2 = app.answer(&h2.key, qid, "second").await["id"].as_i64().unwrap();
        for key in [&h1.key, &h2.key, &moderator.key, &app.admin_key] {
            problem(app.post(&format!("/answers/{a1}/accept"), key, json!({})).await, StatusCode::FORBIDDEN, "forbidden").await;
        }
        let accepted = json_of(app.post(&format!("/answers/{a1}/accept"), &asker.key, json!({})).await, StatusCode::OK).await;
        assert_eq!(accepted["accepted"], true);
        let q = app.get_json(&format!("/questions/{qid}"), &h1.key).await;
        assert_eq!(q["status"], "resolved");
        assert_eq!(q["accepted_answer_id"], a1);
        json_of(app.post(&format!("/answers/{a2}/accept"), &asker.key, json!({})).await, StatusCode::OK).await;
        let q = app.get_json(&format!("/questions/{qid}"), &h1.key).await;
        assert_eq!(q["accepted_answer_id"], a2);
        let accepted: Vec<_> = q["answers"].as_array().unwrap().iter().filter(|a| a["accepted"] == true).collect();
        assert_eq!(accepted.len(), 1, "one accepted answer");
        assert_eq!(q["answers"][0]["id"], a2, "accepted answer listed first");
        // Withdrawing acceptance leaves the question answered.
        json_of(app.delete(&format!("/answers/{a2}/accept"), &asker.key).await, StatusCode::OK).await;
        let q = app.get_json(&format!("/questions/{qid}"), &h1.key).await;
        assert_eq!(q["status"], "answered");
        assert!(q.get("accepted_answer_id").is_none());
    }

    async fn deleting_the_accepted_answer_reopens_the_question(app) {
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let qid = app.ask(&asker.key, "Why does it fail?", "b", &[], false).await["id"].as_i64().unwrap();
        let aid = app.answer(&helper.key, qid, "because").await["id"].as_i64().unwrap();
        json_of(app.post(&format!("/answers/{aid}/accept"), &asker.key, json!({})).await, StatusCode::OK).await;
        problem(app.delete(&format!("/answers/{aid}"), &asker.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_eq!(app.delete(&format!("/answers/{aid}"), &helper.key).await.status(), StatusCode::NO_CONTENT);
        let q = app.get_json(&format!("/questions/{qid}"), &asker.key).await;
        assert_eq!(q["status"], "open");
        assert_eq!(q["answer_count"], 0);
        assert!(q.get("accepted_answer_id").is_none());
        assert_eq!(app.list_ids(&asker.key, "unanswered=true").await, vec![qid]);
        problem(app.get(&format!("/answers/{aid}"), &asker.key).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn the_author_or_a_moderator_edits_an_answer(app) {
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let moderator = app.member_with_role("mod", "moderator").await;
        let qid = app.ask(&asker.key, "Formatting dates?", "b", &[], false).await["id"].as_i64().unwrap();
        let aid = app.answer(&helper.key, qid, "formatDateTime()").await["id"].as_i64().unwrap();
        let path = format!("/answers/{aid}");
        problem(app.patch(&path, &asker.key, json!({"body": "changed"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let edited = json_of(app.patch(&path, &helper.key, json!({"body": "Use formatDateTime(utcNow(), 'yyyy-MM-dd')"})).await, StatusCode::OK).await;
        assert_eq!(edited["body"], "Use formatDateTime(utcNow(), 'yyyy-MM-dd')");
        json_of(app.patch(&path, &moderator.key, json!({"body": "moderated"})).await, StatusCode::OK).await;
        problem(app.patch(&path, &helper.key, json!({"body": ""})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(app.get_json(&path, &helper.key).await["body"], "moderated");
    }

    async fn reactions_are_positive_idempotent_and_not_for_yourself(app) {
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let fan = app.member("fan").await;
        let qid = app.ask(&asker.key, "Looping over rows", "b", &[], false).await["id"].as_i64().unwrap();
        let aid = app.answer(&helper.key, qid, "Apply to each").await["id"].as_i64().unwrap();
        let path = format!("/answers/{aid}/reactions");
        for _ in 0..2 {
            let a = json_of(app.post(&path, &asker.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
            assert_eq!(a["helpful_count"], 1);
        }
        json_of(app.post(&path, &asker.key, json!({"kind": "thanks"})).await, StatusCode::OK).await;
        let a = json_of(app.post(&path, &fan.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
        assert_eq!(a["helpful_count"], 2);
        assert_eq!(a["thanks_count"], 1);
        assert_eq!(a["my_reactions"], json!(["helpful"]));
        let p = problem(app.post(&path, &asker.key, json!({"kind": "downvote"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(problem_fields(&p), ["kind"]);
        problem(app.post(&path, &helper.key, json!({"kind": "helpful"})).await, StatusCode::UNPROCESSABLE_ENTITY, "own_answer").await;
        let a = json_of(app.delete(&format!("{path}/helpful"), &asker.key).await, StatusCode::OK).await;
        assert_eq!(a["helpful_count"], 1);
        assert_eq!(a["my_reactions"], json!(["thanks"]));
        let a = json_of(app.delete(&format!("{path}/helpful"), &asker.key).await, StatusCode::OK).await;
        assert_eq!(a["helpful_count"], 1);
        problem(app.delete(&format!("{path}/downvote"), &asker.key).await, StatusCode::NOT_FOUND, "not_found").await;
    }
}
