use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn win_body(
    title: &str,
    minutes: f64,
    runs: i64,
    people: i64,
    questions: &[i64],
    tips: &[i64],
) -> Value {
    json!({
        "title": title, "story": "フローにしました", "tags": ["approvals"],
        "impact": {"minutes_saved_per_run": minutes, "runs_per_month": runs, "people_helped": people},
        "helped_by": {"questions": questions, "tips": tips}
    })
}

async fn log_win(app: &TestApp, key: &str, body: Value) -> Value {
    json_of(app.post("/wins", key, body).await, StatusCode::CREATED).await
}

on_both_databases! {
    async fn a_win_records_its_impact_and_what_helped(app) {
        let m = app.member("maker").await;
        let q = app.ask(&m.key, "承認フローの質問です", "b", &[], false).await["id"].as_i64().unwrap();
        let response = app
            .post("/wins", &m.key, json!({
                "title": "経費精算の承認を自動化", "story": "申請から承認までをフローに", "tags": ["Approvals", "経費精算"],
                "impact": {"minutes_saved_per_run": 15, "runs_per_month": 20, "people_helped": 3},
                "money_saved_per_month": {"amount": 30000, "currency": "jpy"},
                "link": "https://make.powerautomate.com/flows/1",
                "helped_by": {"questions": [q, q]}
            }))
            .await;
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let win = json_of(response, StatusCode::CREATED).await;
        assert_eq!(win["hours_saved_per_month"], 15.0, "15 min × 20 runs × 3 people = 15 h");
        assert_eq!(win["money_saved_per_month"], json!({"amount": 30000.0, "currency": "JPY"}));
        assert_eq!(win["helped_by"], json!({"questions": [q], "tips": []}));
        assert_eq!(win["tags"], json!(["approvals", "経費精算"]));
        assert_eq!(app.get_json(&location, &m.key).await["id"], win["id"]);
        // Bad input names every field.
        let p = problem(
            app.post("/wins", &m.key, json!({
                "title": "Bad", "story": "", "impact": {"minutes_saved_per_run": -1, "runs_per_month": 100001, "people_helped": 1},
                "money_saved_per_month": {"amount": 5, "currency": "JP"}, "link": "javascript:alert(1)",
                "helped_by": {"questions": [999999], "tips": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}
            })).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        let fields = problem_fields(&p);
        for f in ["title", "story", "impact.minutes_saved_per_run", "impact.runs_per_month", "money_saved_per_month.currency", "link", "helped_by.questions", "helped_by.tips"] {
            assert!(fields.contains(&f.to_owned()), "{f} missing from {fields:?}");
        }
        problem(app.post("/wins", &m.key, json!({"title": "No impact here", "story": "s"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
    }

    async fn wins_are_listed_edited_and_deleted_by_their_author_or_a_moderator(app) {
        let a = app.member("a").await;
        let b = app.member("b").await;
        let moderator = app.member_with_role("mod", "moderator").await;
        let first = log_win(app, &a.key, win_body("First win here", 10.0, 10, 1, &[], &[])).await;
        let second = log_win(app, &b.key, win_body("Second win here", 5.0, 4, 2, &[], &[])).await;
        assert_eq!(ids(&app.get_json("/wins", &a.key).await["items"]), vec![second["id"].as_i64().unwrap(), first["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json(&format!("/wins?member={}", a.id), &a.key).await["items"]), vec![first["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json("/wins?tag=approvals&limit=1", &a.key).await["items"]).len(), 1);
        assert!(app.get_json("/wins?since=2999-01-01T00:00:00Z", &a.key).await["items"].as_array().unwrap().is_empty());
        problem(app.get("/wins?since=yesterday", &a.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        let path = format!("/wins/{}", first["id"]);
        problem(app.patch(&path, &b.key, json!({"title": "Not mine"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let edited = json_of(app.patch(&path, &a.key, json!({"impact": {"minutes_saved_per_run": 30, "runs_per_month": 10, "people_helped": 2}})).await, StatusCode::OK).await;
        assert_eq!(edited["hours_saved_per_month"], 10.0);
        assert_eq!(edited["title"], "First win here", "absent fields stay");
        json_of(app.patch(&path, &moderator.key, json!({"story": "moderated"})).await, StatusCode::OK).await;
        problem(app.delete(&path, &b.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_eq!(app.delete(&path, &a.key).await.status(), StatusCode::NO_CONTENT);
        problem(app.get(&path, &a.key).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn kudos_are_once_per_member_and_never_to_yourself(app) {
        let a = app.member("a").await;
        let b = app.member("b").await;
        let win = log_win(app, &a.key, win_body("A win worth kudos", 1.0, 1, 1, &[], &[])).await;
        let path = format!("/wins/{}/kudos", win["id"]);
        let first = json_of(app.post(&path, &b.key, json!({"message": "すごい！"})).await, StatusCode::CREATED).await;
        assert_eq!(first["newly_given"], true);
        let again = json_of(app.post(&path, &b.key, json!({})).await, StatusCode::OK).await;
        assert_eq!((again["newly_given"].as_bool(), again["id"].clone()), (Some(false), first["id"].clone()));
        problem(app.post(&path, &a.key, json!({})).await, StatusCode::UNPROCESSABLE_ENTITY, "own_item").await;
        let other = app.member("other").await;
        let p = problem(app.post(&path, &other.key, json!({"message": "x".repeat(281)})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["message"]);
        assert_eq!(app.get_json(&format!("/wins/{}", win["id"]), &other.key).await["kudos_count"], 1);
        assert_eq!(app.get_json(&format!("/wins/{}", win["id"]), &b.key).await["kudos_given"], true);
        problem(app.post("/wins/999999/kudos", &b.key, json!({})).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn accepted_answers_follow_every_change_of_the_acceptance(app) {
        // Profiles count accepted answers from a flag kept beside each answer (migration 0018):
        // it must follow accepting, replacing, withdrawing and deleting.
        let asker = app.member("asker").await;
        let first = app.member("first").await;
        let second = app.member("second").await;
        let reader = app.member("reader").await;
        let key = reader.key.clone();
        let accepted = |who: i64| {
            let (path, key) = (format!("/members/{who}"), key.clone());
            async move { app.get_json(&path, &key).await["accepted_answers"].as_i64() }
        };
        let q = app.ask(&asker.key, "How do I filter rows", "b", &[], false).await["id"].as_i64().unwrap();
        let a1 = app.answer(&first.key, q, "Filter array").await["id"].as_i64().unwrap();
        let a2 = app.answer(&second.key, q, "A condition").await["id"].as_i64().unwrap();
        let own = app.answer(&asker.key, q, "What I did in the end").await["id"].as_i64().unwrap();
        let asker_key = asker.key.clone();
        let accept = |id: i64| {
            let (path, key) = (format!("/answers/{id}/accept"), asker_key.clone());
            async move { app.post(&path, &key, json!({})).await }
        };
        json_of(accept(a1).await, StatusCode::OK).await;
        assert_eq!((accepted(first.id).await, accepted(second.id).await), (Some(1), Some(0)));
        json_of(accept(a2).await, StatusCode::OK).await;
        assert_eq!((accepted(first.id).await, accepted(second.id).await), (Some(0), Some(1)));
        json_of(app.delete(&format!("/answers/{a2}/accept"), &asker.key).await, StatusCode::OK).await;
        assert_eq!((accepted(first.id).await, accepted(second.id).await), (Some(0), Some(0)));
        // The asker's own answer, accepted, is not an accepted answer to someone else.
        json_of(accept(own).await, StatusCode::OK).await;
        assert_eq!(accepted(asker.id).await, Some(0));
        json_of(accept(a1).await, StatusCode::OK).await;
        assert_eq!(accepted(first.id).await, Some(1));
        assert_eq!(app.delete(&format!("/answers/{a1}"), &first.key).await.status(), StatusCode::NO_CONTENT);
        assert_eq!((accepted(first.id).await, accepted(asker.id).await), (Some(0), Some(0)));
        // Accepted again on a new question: counted again.
        let q2 = app.ask(&asker.key, "How do I sort rows", "b", &[], false).await["id"].as_i64().unwrap();
        let a3 = app.answer(&first.key, q2, "Sort by column").await["id"].as_i64().unwrap();
        json_of(accept(a3).await, StatusCode::OK).await;
        assert_eq!((accepted(first.id).await, app.get_json(&format!("/members/{}", first.id), &reader.key).await["answers"].as_i64()), (Some(1), Some(1)));
    }

    async fn helpers_are_credited_with_the_hours_of_wins_they_helped(app) {
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let writer = app.member("writer").await;
        let bystander = app.member("bystander").await;
        let q = app.ask(&asker.key, "How do I loop over rows", "b", &["excel"], false).await["id"].as_i64().unwrap();
        let accepted = app.answer(&helper.key, q, "Apply to each").await["id"].as_i64().unwrap();
        app.answer(&bystander.key, q, "not helpful").await;
        app.answer(&asker.key, q, "my own note").await;
        json_of(app.post(&format!("/answers/{accepted}/accept"), &asker.key, json!({})).await, StatusCode::OK).await;
        let tip = json_of(app.post("/tips", &writer.key, json!({"title": "Use tables in Excel", "body": "b"})).await, StatusCode::CREATED).await["id"].as_i64().unwrap();
        // 30 min × 4 runs × 1 person = 2 h; 60 × 1 × 1 = 1 h naming both.
        log_win(app, &asker.key, win_body("Looping solved", 30.0, 4, 1, &[q], &[])).await;
        log_win(app, &asker.key, win_body("Tables help a lot", 60.0, 1, 1, &[q], &[tip])).await;
        let profile = app.get_json(&format!("/members/{}", helper.id), &bystander.key).await;
        assert_eq!(profile["hours_saved_credited"], 3.0);
        assert_eq!(profile["accepted_answers"], 1);
        assert_eq!(profile["answers"], 1);
        assert_eq!(app.get_json(&format!("/members/{}", writer.id), &bystander.key).await["hours_saved_credited"], 1.0);
        assert_eq!(app.get_json(&format!("/members/{}", writer.id), &bystander.key).await["tips_written"], 1);
        // Unaccepted, unthanked answers and the asker's own answers earn nothing.
        assert_eq!(app.get_json(&format!("/members/{}", bystander.id), &helper.key).await["hours_saved_credited"], 0.0);
        let asker_profile = app.get_json(&format!("/members/{}", asker.id), &helper.key).await;
        assert_eq!((asker_profile["hours_saved_credited"].as_f64(), asker_profile["wins_logged"].as_i64()), (Some(0.0), Some(2)));
        // Kudos show on the receiver's profile.
        let answer_kudos = json_of(app.post(&format!("/answers/{accepted}/kudos"), &asker.key, json!({"message": "ありがとう"})).await, StatusCode::CREATED).await;
        assert_eq!(answer_kudos["target_kind"], "answer");
        assert_eq!(app.get_json(&format!("/members/{}", helper.id), &writer.key).await["kudos_received"], 1);
    }

    async fn the_leaderboard_lists_only_members_who_opted_in(app) {
        let asker = app.member("asker").await;
        let shy = app.member("shy").await;
        let proud = app.member("proud").await;
        let q = app.ask(&asker.key, "Which connector is best", "b", &["sharepoint"], false).await["id"].as_i64().unwrap();
        let shy_answer = app.answer(&shy.key, q, "shy answer").await["id"].as_i64().unwrap();
        let proud_answer = app.answer(&proud.key, q, "proud answer").await["id"].as_i64().unwrap();
        json_of(app.post(&format!("/answers/{proud_answer}/accept"), &asker.key, json!({})).await, StatusCode::OK).await;
        json_of(app.post(&format!("/answers/{shy_answer}/reactions"), &asker.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
        assert!(app.get_json("/leaderboard", &asker.key).await["items"].as_array().unwrap().is_empty(), "private by default");
        json_of(app.patch("/me", &proud.key, json!({"show_on_leaderboard": true})).await, StatusCode::OK).await;
        let board = app.get_json("/leaderboard?period=month", &asker.key).await;
        assert_eq!(board["period"], "month");
        let items = board["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["member"]["display_name"], "proud");
        assert_eq!((items[0]["rank"].as_i64(), items[0]["accepted_answers"].as_i64()), (Some(1), Some(1)));
        assert!(!board.to_string().contains("shy"));
        assert_eq!(app.get_json("/leaderboard?period=all", &asker.key).await["items"].as_array().unwrap().len(), 1);
        problem(app.get("/leaderboard?period=decade", &asker.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;

        // Finding helpers: those who offer help first, then by answers in the topic.
        let volunteer = app.member("volunteer").await;
        json_of(app.patch("/me", &volunteer.key, json!({"helper_tags": ["sharepoint"]})).await, StatusCode::OK).await;
        let helpers = app.get_json("/helpers?tag=SharePoint", &asker.key).await;
        let names: Vec<&str> = helpers["items"].as_array().unwrap().iter().map(|h| h["member"]["display_name"].as_str().unwrap()).collect();
        assert_eq!(names, ["volunteer", "proud", "shy"]);
        assert_eq!(helpers["items"][0]["offers_help"], true);
        assert!(app.get_json("/helpers?tag=excel", &asker.key).await["items"].as_array().unwrap().is_empty());
        let p = problem(app.get("/helpers", &asker.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["tag"]);
    }
}
