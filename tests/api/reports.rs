//! Reporting a hurtful post: once per member and post, the moderators' queue, hiding (seen by
//! the author and moderators only, the author told why), edited and dismissed, un-hiding, the
//! `OnPostReported` trigger — and the reporter (or an anonymous asker) named nowhere.

use crate::helpers::*;
use crate::on_both_databases;
use crate::receiver::{Behaviour, Receiver};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The reporter's display name: no response anyone else can get may contain it.
const REPORTER: &str = "Reporter Reiko";

/// Reports a post; returns (status, body, Location).
async fn report(
    app: &TestApp,
    key: &str,
    kind: &str,
    id: &Value,
    body: Value,
) -> (StatusCode, Value, Option<String>) {
    let mut body = body;
    body["target_kind"] = json!(kind);
    body["target_id"] = id.clone();
    let response = app.post("/reports", key, body).await;
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap(), location)
}

/// GETs `path` as `key` and returns the raw body (any status).
async fn raw(app: &TestApp, path: &str, key: &str) -> String {
    app.get(path, key).await.text().await.unwrap()
}

/// Percent-encodes a query value (reqwest sends the URL as given).
fn enc(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Asserts no text names the reporter: neither their name nor a `reporter` field.
fn assert_no_reporter(what: &str, text: &str) {
    assert!(
        !text.contains(REPORTER),
        "{what} names the reporter: {text}"
    );
    assert!(
        !text.contains("\"reporter"),
        "{what} has a reporter field: {text}"
    );
}

async fn resolve(app: &TestApp, key: &str, report_id: &Value, body: Value) -> reqwest::Response {
    app.post(&format!("/reports/{report_id}/resolve"), key, body)
        .await
}

on_both_databases! {
    async fn a_member_reports_a_post_once_and_nobody_else_can_read_the_report(app) {
        let author = app.member("Author Aki").await;
        let reporter = app.member(REPORTER).await;
        let other = app.member("Other Osamu").await;
        let q = app.ask(&other.key, "How do I filter a SharePoint list?", "b", &[], false).await;
        let a = app.answer(&author.key, q["id"].as_i64().unwrap(), "Read the manual, it is obvious.").await;

        let (status, first, location) = report(app, &reporter.key, "answer", &a["id"], json!({"reason": "unkind", "note": "言い方がきつい\nと思います"})).await;
        assert_eq!(status, StatusCode::CREATED, "{first}");
        let location = location.expect("201 carries Location");
        assert_eq!(first["link"], location.as_str());
        assert_eq!((first["target_kind"].as_str(), first["target_id"].as_i64()), (Some("answer"), a["id"].as_i64()));
        assert_eq!((first["reason"].as_str(), first["status"].as_str()), (Some("unkind"), Some("open")));
        assert_eq!(first["note"], "言い方がきつい\nと思います");
        assert_eq!(first["target_link"], app.url(&format!("/answers/{}", a["id"])));
        // What only moderators see is not in the reporter's copy.
        for field in ["report_count", "target_title", "resolution_reason"] {
            assert!(first.get(field).is_none(), "{field}: {first}");
        }
        // Once per member and post: the second report is the first one.
        let (status, again, location) = report(app, &reporter.key, "answer", &a["id"], json!({"reason": "spam"})).await;
        assert_eq!(status, StatusCode::OK, "{again}");
        assert!(location.is_none());
        assert_eq!((again["id"].clone(), again["reason"].as_str()), (first["id"].clone(), Some("unkind")));

        // The reporter reads it back; nobody else (the author included) learns it exists.
        assert_eq!(app.get_json(&location_path(&first), &reporter.key).await["id"], first["id"]);
        problem(app.get(&location_path(&first), &author.key).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.get(&location_path(&first), &other.key).await, StatusCode::NOT_FOUND, "not_found").await;
        // What the author can see names nobody who reported.
        for path in [format!("/answers/{}", a["id"]), format!("/questions/{}", q["id"]), "/events?after=0".into(), format!("/members/{}", author.id)] {
            assert_no_reporter(&path, &raw(app, &path, &author.key).await);
        }
    }

    async fn reports_are_validated(app) {
        let author = app.member("Author Aki").await;
        let reporter = app.member(REPORTER).await;
        let tip = json_of(app.post("/tips", &author.key, json!({"title": "Name your flows well", "body": "b"})).await, StatusCode::CREATED).await;

        let p = problem(app.post("/reports", &reporter.key, json!({"target_kind": "tip", "target_id": tip["id"], "reason": "rude"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(problem_fields(&p), ["reason"]);
        problem(app.post("/reports", &reporter.key, json!({"target_kind": "comment", "target_id": 1, "reason": "spam"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        problem(app.post("/reports", &reporter.key, json!({"target_kind": "tip", "target_id": tip["id"], "reason": "spam", "reporter": 1})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        let (status, p, _) = report(app, &reporter.key, "tip", &tip["id"], json!({"reason": "other", "note": "字".repeat(1001)})).await;
        assert_eq!((status, p["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("validation_failed")), "{p}");
        assert_eq!(problem_fields(&p), ["note"]);
        assert_eq!(p["errors"][0]["code"], "too_long");
        let (status, p, _) = report(app, &reporter.key, "tip", &tip["id"], json!({"reason": "other", "note": "a\u{0}b"})).await;
        assert_eq!((status, p["errors"][0]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_character")), "{p}");
        // 1,000 characters are fine; a blank note is no note.
        let (status, ok, _) = report(app, &reporter.key, "tip", &tip["id"], json!({"reason": "other", "note": "字".repeat(1000)})).await;
        assert_eq!(status, StatusCode::CREATED, "{ok}");
        let other = app.member("Other Osamu").await;
        let (status, blank, _) = report(app, &other.key, "tip", &tip["id"], json!({"reason": "personal_information", "note": "  "})).await;
        assert_eq!(status, StatusCode::CREATED, "{blank}");
        assert!(blank.get("note").is_none(), "{blank}");
        assert_eq!(blank["reason"], "personal_information");
        // Your own post, and a post that does not exist.
        let (status, p, _) = report(app, &author.key, "tip", &tip["id"], json!({"reason": "spam"})).await;
        assert_eq!((status, p["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("own_post")), "{p}");
        for kind in ["question", "answer", "tip", "win"] {
            let (status, p, _) = report(app, &reporter.key, kind, &json!(999_999), json!({"reason": "spam"})).await;
            assert_eq!((status, p["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")), "{kind}: {p}");
        }
    }

    async fn moderators_get_the_queue_oldest_first_and_members_do_not(app) {
        let author = app.member("Author Aki").await;
        let reporter = app.member(REPORTER).await;
        let second = app.member("Second Sachi").await;
        let moderator = app.member_with_role("Moderator Mio", "moderator").await;
        let q = app.ask(&author.key, "Why does my approval flow time out?", "b", &["approvals"], false).await;
        let a = app.answer(&second.key, q["id"].as_i64().unwrap(), "You should know this by now. 電話は 090-0000-0000 まで").await;
        let tip = json_of(app.post("/tips", &author.key, json!({"title": "Buy cheap watches here", "body": "b"})).await, StatusCode::CREATED).await;
        let (_, r1, _) = report(app, &reporter.key, "answer", &a["id"], json!({"reason": "personal_information", "note": "phone number"})).await;
        let (_, r2, _) = report(app, &reporter.key, "tip", &tip["id"], json!({"reason": "spam"})).await;
        let (_, r3, _) = report(app, &author.key, "answer", &a["id"], json!({"reason": "unkind"})).await;

        problem(app.get("/reports", &reporter.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        problem(app.get("/reports?status=open", &author.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        problem(app.get("/reports?status=closed", &moderator.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;

        let queue_text = raw(app, "/reports?status=open", &moderator.key).await;
        assert_no_reporter("the queue", &queue_text);
        let queue: Value = serde_json::from_str(&queue_text).unwrap();
        assert_eq!(ids(&queue["items"]), [r1["id"].as_i64().unwrap(), r2["id"].as_i64().unwrap(), r3["id"].as_i64().unwrap()], "oldest first");
        let first = &queue["items"][0];
        assert_eq!((first["report_count"].as_i64(), first["note"].as_str()), (Some(2), Some("phone number")));
        assert!(first["target_title"].as_str().unwrap().starts_with("You should know this by now."), "{first}");
        assert_eq!(queue["items"][1]["target_title"], "Buy cheap watches here");
        assert_eq!(queue["items"][1]["report_count"], 1);
        // The default is the open queue; keyset pages.
        assert_eq!(app.get_json("/reports", &moderator.key).await["items"], queue["items"]);
        let page = app.get_json("/reports?limit=2", &moderator.key).await;
        assert_eq!(page["items"].as_array().unwrap().len(), 2);
        let next = app.get_json(page["next_link"].as_str().unwrap(), &moderator.key).await;
        assert_eq!(ids(&next["items"]), [r3["id"].as_i64().unwrap()]);
        assert!(next.get("next_cursor").is_none());
        problem(app.get(&format!("/reports?status=hidden&cursor={}", page["next_cursor"].as_str().unwrap()), &moderator.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(app.get_json("/reports?status=dismissed", &moderator.key).await["items"], json!([]));
        // One report for a moderator, never with its reporter.
        let one = raw(app, &location_path(&r2), &moderator.key).await;
        assert_no_reporter("a report", &one);
        assert_eq!(serde_json::from_str::<Value>(&one).unwrap()["target_kind"], "tip");
    }

    async fn hiding_shows_a_post_to_its_author_and_moderators_only_and_tells_the_author_why(app) {
        let asker = app.member("Asker Ayumi").await;
        let author = app.member("Author Aki").await;
        let reporter = app.member(REPORTER).await;
        let second = app.member("Second Sachi").await;
        let moderator = app.member_with_role("Moderator Mio", "moderator").await;
        let q = app.ask(&asker.key, "承認フローの差し戻しを通知したい", "b", &["approvals"], false).await;
        let qid = q["id"].as_i64().unwrap();
        let a = app.answer(&author.key, qid, "そんなことも知らないの？").await;
        let answer_path = format!("/answers/{}", a["id"]);
        assert_eq!(app.get_json(&format!("/questions/{qid}"), &asker.key).await["status"], "answered");
        let (_, r1, _) = report(app, &reporter.key, "answer", &a["id"], json!({"reason": "unkind"})).await;
        let (_, r2, _) = report(app, &second.key, "answer", &a["id"], json!({"reason": "unkind"})).await;

        // Only moderators resolve; hiding needs a reason.
        problem(resolve(app, &reporter.key, &r1["id"], json!({"action": "hide", "reason": "x"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let p = problem(resolve(app, &moderator.key, &r1["id"], json!({"action": "hide"})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!((problem_fields(&p), p["errors"][0]["code"].as_str()), (vec!["reason".to_owned()], Some("required_to_hide")));
        problem(resolve(app, &moderator.key, &r1["id"], json!({"action": "delete", "reason": "x"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        problem(resolve(app, &moderator.key, &json!(999_999), json!({"action": "dismiss"})).await, StatusCode::NOT_FOUND, "not_found").await;

        let reason = "初心者を傷つける言い方のため、非表示にしました。";
        let resolved = json_of(resolve(app, &moderator.key, &r1["id"], json!({"action": "hide", "reason": reason})).await, StatusCode::OK).await;
        assert_eq!((resolved["status"].as_str(), resolved["resolution_reason"].as_str()), (Some("hidden"), Some(reason)));
        assert!(resolved["resolved_at"].is_string());
        // Every open report of the post closes with it; resolving again is a conflict.
        assert_eq!(app.get_json(&location_path(&r2), &moderator.key).await["status"], "hidden");
        problem(resolve(app, &moderator.key, &r2["id"], json!({"action": "dismiss"})).await, StatusCode::CONFLICT, "report_resolved").await;
        assert_eq!(app.get_json("/reports", &moderator.key).await["items"], json!([]));
        // The reporter sees that it was acted on, not the reason.
        let mine = app.get_json(&location_path(&r1), &reporter.key).await;
        assert_eq!(mine["status"], "hidden");
        assert!(mine.get("resolution_reason").is_none(), "{mine}");

        // Everyone else: gone, and the question no longer counts it.
        for key in [&reporter.key, &second.key, &asker.key] {
            problem(app.get(&answer_path, key).await, StatusCode::NOT_FOUND, "not_found").await;
            let question = app.get_json(&format!("/questions/{qid}"), key).await;
            assert_eq!((question["answers"].clone(), question["answer_count"].as_i64(), question["status"].as_str()), (json!([]), Some(0), Some("open")));
        }
        assert_eq!(app.list_ids(&asker.key, "unanswered=true").await, [qid]);
        // What was shown of it leaves everyone's feed: the answer's event and the reports of it.
        for key in [&asker.key, &reporter.key, &moderator.key, &app.admin_key] {
            let feed = raw(app, "/events?after=0&limit=100", key).await;
            assert!(!feed.contains("そんなことも知らないの"), "{feed}");
        }
        // Its author and moderators still see it, marked hidden, with the reason.
        for key in [&author.key, &moderator.key, &app.admin_key] {
            let seen = app.get_json(&answer_path, key).await;
            assert_eq!((seen["hidden"].as_bool(), seen["hidden_reason"].as_str()), (Some(true), Some(reason)), "{seen}");
        }
        let for_moderator = app.get_json(&format!("/questions/{qid}"), &moderator.key).await;
        assert_eq!(for_moderator["answers"][0]["hidden"], true);
        assert_eq!(app.get_json(&format!("/questions/{qid}"), &asker.key).await["hidden"], false);
        // Kudos, reactions and reports need a post one can see.
        problem(app.post(&format!("{answer_path}/kudos"), &asker.key, json!({})).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.post(&format!("{answer_path}/reactions"), &asker.key, json!({"kind": "helpful"})).await, StatusCode::NOT_FOUND, "not_found").await;
        let (status, _, _) = report(app, &asker.key, "answer", &a["id"], json!({"reason": "unkind"})).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // The author is told what and why — not by whom, and nobody else is told.
        let text = raw(app, "/events?after=0&types=post.hidden", &author.key).await;
        assert_no_reporter("the author's events", &text);
        assert!(!text.contains("Moderator Mio") && !text.contains("Second Sachi"), "{text}");
        let events: Value = serde_json::from_str(&text).unwrap();
        let hidden = &events["items"][0];
        assert_eq!(hidden["type"], "post.hidden");
        assert_eq!(hidden["hidden_post"], json!({
            "target_kind": "answer", "target_id": a["id"], "target_title": "そんなことも知らないの？",
            "reason": reason, "target_link": app.url(&answer_path),
            "target_web_url": format!("{}/answers/{}", app.address, a["id"])
        }));
        for key in [&asker.key, &reporter.key, &moderator.key] {
            assert_eq!(app.get_json("/events?after=0&types=post.hidden", key).await["items"], json!([]));
        }

        // Shown again: members only may not; then it is back for everyone, and counted.
        let unhide = format!("/hidden-posts/answer/{}", a["id"]);
        problem(app.delete(&unhide, &author.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        problem(app.delete("/hidden-posts/answer/999999", &moderator.key).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.delete("/hidden-posts/comment/1", &moderator.key).await, StatusCode::NOT_FOUND, "not_found").await;
        for _ in 0..2 {
            assert_eq!(app.delete(&unhide, &moderator.key).await.status(), StatusCode::NO_CONTENT);
        }
        let back = app.get_json(&answer_path, &asker.key).await;
        assert_eq!(back["hidden"], false);
        assert!(back.get("hidden_reason").is_none(), "{back}");
        let question = app.get_json(&format!("/questions/{qid}"), &asker.key).await;
        assert_eq!((question["answer_count"].as_i64(), question["status"].as_str()), (Some(1), Some("answered")));
    }

    async fn hidden_questions_tips_and_wins_leave_every_listing_search_and_suggestion(app) {
        let author = app.member("Author Aki").await;
        let reporter = app.member(REPORTER).await;
        let moderator = app.member_with_role("Moderator Mio", "moderator").await;
        let q = app.ask(&author.key, "経費精算フローの承認者を自動で決めたい", "b", &["expenses"], false).await;
        let qid = q["id"].as_i64().unwrap();
        let tip = json_of(app.post("/tips", &author.key, json!({"title": "経費精算のヒント: 承認者を表で管理する", "body": "b", "tags": ["expenses"]})).await, StatusCode::CREATED).await;
        let win = json_of(app.post("/wins", &author.key, json!({"title": "経費精算の転記を自動化", "story": "s", "tags": ["expenses"], "impact": {"minutes_saved_per_run": 10, "runs_per_month": 10, "people_helped": 1}})).await, StatusCode::CREATED).await;
        for (kind, post) in [("question", &q), ("tip", &tip), ("win", &win)] {
            let (_, r, _) = report(app, &reporter.key, kind, &post["id"], json!({"reason": "spam"})).await;
            json_of(resolve(app, &moderator.key, &r["id"], json!({"action": "hide", "reason": "宣伝のため"})).await, StatusCode::OK).await;
        }
        let reader = &reporter.key;
        assert!(app.list_ids(reader, "").await.is_empty());
        assert!(app.list_ids(reader, &format!("q={}", enc("経費"))).await.is_empty());
        assert!(app.list_ids(reader, "tag=expenses").await.is_empty());
        let similar = app.get_json(&format!("/questions/similar?title={}", enc("経費精算フローの承認者を自動で決める")), reader).await;
        assert_eq!(similar["items"], json!([]));
        problem(app.get(&format!("/questions/{qid}"), reader).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(app.get_json(&format!("/tips?q={}", enc("経費")), reader).await["items"], json!([]));
        problem(app.get("/tips/random", reader).await, StatusCode::NOT_FOUND, "no_tip_matches").await;
        problem(app.get("/tips/daily", reader).await, StatusCode::NOT_FOUND, "no_tip_left").await;
        problem(app.get(&format!("/tips/{}", tip["id"]), reader).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(app.get_json("/wins", reader).await["items"], json!([]));
        problem(app.get(&format!("/wins/{}", win["id"]), reader).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.post(&format!("/questions/{qid}/answers"), reader, json!({"body": "x"})).await, StatusCode::NOT_FOUND, "not_found").await;
        // Its author finds their own posts, marked hidden; so do moderators.
        for key in [&author.key, &moderator.key] {
            assert_eq!(app.list_ids(key, &format!("q={}", enc("経費"))).await, [qid]);
            let listed = app.get_json("/questions?mine=false", key).await;
            assert_eq!((listed["items"][0]["hidden"].as_bool(), listed["items"][0]["hidden_reason"].as_str()), (Some(true), Some("宣伝のため")));
            assert_eq!(ids(&app.get_json("/tips", key).await["items"]), [tip["id"].as_i64().unwrap()]);
            assert_eq!(app.get_json(&format!("/wins/{}", win["id"]), key).await["hidden"], true);
        }
        // The asker of a hidden question is told, with its title.
        let events = app.get_json("/events?after=0&types=post.hidden", &author.key).await;
        let kinds: Vec<&str> = events["items"].as_array().unwrap().iter().map(|e| e["hidden_post"]["target_kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["win", "tip", "question"]);
        assert_eq!(events["items"][2]["hidden_post"]["target_title"], "経費精算フローの承認者を自動で決めたい");
    }

    async fn edited_and_dismissed_close_reports_and_leave_the_post_visible(app) {
        let author = app.member("Author Aki").await;
        let reporter = app.member(REPORTER).await;
        let second = app.member("Second Sachi").await;
        let moderator = app.member_with_role("Moderator Mio", "moderator").await;
        let tip = json_of(app.post("/tips", &author.key, json!({"title": "Call Taro at 090-1234-5678", "body": "b"})).await, StatusCode::CREATED).await;
        let win = json_of(app.post("/wins", &author.key, json!({"title": "A perfectly fine win", "story": "s", "impact": {"minutes_saved_per_run": 1, "runs_per_month": 1, "people_helped": 1}})).await, StatusCode::CREATED).await;
        let (_, r1, _) = report(app, &reporter.key, "tip", &tip["id"], json!({"reason": "personal_information"})).await;
        let (_, r2, _) = report(app, &second.key, "tip", &tip["id"], json!({"reason": "personal_information"})).await;
        let (_, r3, _) = report(app, &reporter.key, "win", &win["id"], json!({"reason": "other", "note": "?"})).await;

        // A moderator edits through the ordinary PATCH, then records it.
        let edited = app.patch(&format!("/tips/{}", tip["id"]), &moderator.key, json!({"title": "Call the help desk"})).await;
        assert_eq!(edited.status(), StatusCode::OK);
        let done = json_of(resolve(app, &moderator.key, &r1["id"], json!({"action": "edited", "reason": "電話番号を削除しました"})).await, StatusCode::OK).await;
        assert_eq!(done["status"], "edited");
        assert_eq!(app.get_json(&location_path(&r2), &moderator.key).await["status"], "edited");
        let dismissed = json_of(resolve(app, &moderator.key, &r3["id"], json!({"action": "dismiss"})).await, StatusCode::OK).await;
        assert_eq!(dismissed["status"], "dismissed");
        assert!(dismissed.get("resolution_reason").is_none(), "{dismissed}");

        assert_eq!(app.get_json("/reports?status=open", &moderator.key).await["items"], json!([]));
        assert_eq!(ids(&app.get_json("/reports?status=edited", &moderator.key).await["items"]), [r1["id"].as_i64().unwrap(), r2["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json("/reports?status=dismissed", &moderator.key).await["items"]), [r3["id"].as_i64().unwrap()]);
        // The posts stay visible, not hidden; nobody was told anything.
        let seen = app.get_json(&format!("/tips/{}", tip["id"]), &second.key).await;
        assert_eq!((seen["title"].as_str(), seen["hidden"].as_bool()), (Some("Call the help desk"), Some(false)));
        assert_eq!(app.get_json(&format!("/wins/{}", win["id"]), &second.key).await["hidden"], false);
        assert_eq!(app.get_json("/events?after=0&types=post.hidden", &author.key).await["items"], json!([]));
        assert_eq!(app.get_json(&location_path(&r3), &reporter.key).await["status"], "dismissed");

        // A deleted post: its report stays, without a title; it cannot be hidden, only dismissed.
        let gone = json_of(app.post("/tips", &author.key, json!({"title": "Soon to be deleted", "body": "b"})).await, StatusCode::CREATED).await;
        let (_, r4, _) = report(app, &reporter.key, "tip", &gone["id"], json!({"reason": "spam"})).await;
        assert_eq!(app.delete(&format!("/tips/{}", gone["id"]), &author.key).await.status(), StatusCode::NO_CONTENT);
        let orphan = app.get_json(&location_path(&r4), &moderator.key).await;
        assert!(orphan.get("target_title").is_none(), "{orphan}");
        problem(resolve(app, &moderator.key, &r4["id"], json!({"action": "hide", "reason": "spam"})).await, StatusCode::NOT_FOUND, "post_deleted").await;
        json_of(resolve(app, &moderator.key, &r4["id"], json!({"action": "dismiss"})).await, StatusCode::OK).await;
    }

    async fn on_post_reported_reaches_moderators_and_names_neither_reporter_nor_anonymous_asker(app) {
        let receiver = Receiver::start(Behaviour::default()).await;
        let asker = app.member("Anonymous Asuka").await;
        let reporter = app.member(REPORTER).await;
        let moderator = app.member_with_role("Moderator Mio", "moderator").await;
        let hook = |path: &str| json!({"callback_url": receiver.url(path)});
        // Only moderators and admins may subscribe.
        problem(app.post("/subscriptions/post-reported", &reporter.key, hook("/member")).await, StatusCode::FORBIDDEN, "forbidden").await;
        let response = app.post("/subscriptions/post-reported", &moderator.key, hook("/moderator")).await;
        assert!(response.headers().contains_key("location"));
        let subscription = json_of(response, StatusCode::CREATED).await;
        assert_eq!(subscription["event_type"], "post.reported");
        json_of(app.post("/subscriptions/post-reported", &app.admin_key, hook("/admin")).await, StatusCode::CREATED).await;
        // Subscriptions to other triggers never receive reports.
        json_of(app.post("/subscriptions/question-posted", &reporter.key, hook("/posted")).await, StatusCode::CREATED).await;

        let q = app.ask(&asker.key, "誰にも知られずに聞きたいこと", "b", &["hr"], true).await;
        let own = app.answer(&asker.key, q["id"].as_i64().unwrap(), "自己解決しました（匿名の質問者の回答）").await;
        let (_, rq, _) = report(app, &reporter.key, "question", &q["id"], json!({"reason": "other", "note": "場所違いかもしれません"})).await;
        let (_, ra, _) = report(app, &reporter.key, "answer", &own["id"], json!({"reason": "spam"})).await;
        receiver.wait_for(20, "both reports at both moderators' flows", |r| {
            ["/moderator", "/admin"].iter().all(|p| r.iter().filter(|x| &x.path == p).count() >= 2)
        }).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        for r in receiver.received() {
            assert!(r.path == "/moderator" || r.path == "/admin" || r.path == "/posted", "{}", r.path);
            if r.path == "/posted" {
                continue;
            }
            assert_no_reporter(&r.path, &r.raw);
            assert!(!r.raw.contains("Anonymous Asuka"), "{} names the anonymous asker: {}", r.path, r.raw);
            assert_eq!(r.body["type"], "post.reported");
            assert!(r.body["question"].get("asker").is_none(), "{}", r.raw);
        }
        let delivered = receiver.delivered("/moderator");
        let on_question = delivered.iter().find(|r| r.body["report"]["id"] == rq["id"]).unwrap();
        assert_eq!(on_question.body["report"], json!({
            "id": rq["id"], "target_kind": "question", "target_id": q["id"], "target_title": "誰にも知られずに聞きたいこと",
            "reason": "other", "note": "場所違いかもしれません", "report_count": 1,
            "target_link": app.url(&format!("/questions/{}", q["id"])), "link": app.url(&format!("/reports/{}", rq["id"])),
            "target_web_url": format!("{}/questions/{}", app.address, q["id"])
        }));
        assert_eq!(on_question.body["question"]["anonymous"], true);
        let on_answer = delivered.iter().find(|r| r.body["report"]["id"] == ra["id"]).unwrap();
        assert!(on_answer.body["answer"].get("author").is_none(), "{}", on_answer.raw);
        assert_eq!(on_answer.body["report"]["target_title"], "自己解決しました（匿名の質問者の回答）");

        // The feed lists reports to moderators and admins only.
        for key in [&reporter.key, &asker.key] {
            assert_eq!(app.get_json("/events?after=0&types=post.reported", key).await["items"], json!([]));
            let all = raw(app, "/events?after=0", key).await;
            assert!(!all.contains("post.reported"), "{all}");
        }
        for key in [&moderator.key, &app.admin_key] {
            let text = raw(app, "/events?after=0&types=post.reported", key).await;
            assert_no_reporter("the moderators' feed", &text);
            assert!(!text.contains("Anonymous Asuka"), "{text}");
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap()["items"].as_array().unwrap().len(), 2);
        }
        // The queue and the reports do not name the anonymous asker either.
        let queue = raw(app, "/reports", &moderator.key).await;
        assert!(!queue.contains("Anonymous Asuka") && !queue.contains("\"author") && !queue.contains("\"asker"), "{queue}");
        assert_no_reporter("the queue", &queue);

        // Hiding the anonymous question tells its asker, and still names nobody.
        json_of(resolve(app, &moderator.key, &rq["id"], json!({"action": "hide", "reason": "人事の窓口へご相談ください"})).await, StatusCode::OK).await;
        let told = raw(app, "/events?after=0&types=post.hidden", &asker.key).await;
        assert!(told.contains("人事の窓口へご相談ください"), "{told}");
        assert_no_reporter("the asker's events", &told);
        assert!(!told.contains("Moderator Mio"), "{told}");

        // A moderator demoted to member: their flow receives no more reports.
        json_of(app.call(reqwest::Method::PUT, &format!("/members/{}/role", moderator.id), Some(&app.admin_key), Some(json!({"role": "member"}))).await, StatusCode::OK).await;
        let tip = json_of(app.post("/tips", &asker.key, json!({"title": "A tip to report", "body": "b"})).await, StatusCode::CREATED).await;
        let (_, rt, _) = report(app, &reporter.key, "tip", &tip["id"], json!({"reason": "spam"})).await;
        receiver.wait_for(20, "the third report at the admin's flow", |r| {
            r.iter().any(|x| x.path == "/admin" && x.body["report"]["id"] == rt["id"])
        }).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(receiver.received().iter().all(|x| !(x.path == "/moderator" && x.body["report"]["id"] == rt["id"])), "a demoted moderator's flow still receives reports");
    }
}

/// A report's path under the API, from its `link`.
fn location_path(report: &Value) -> String {
    let link = report["link"].as_str().expect("link");
    link[link.find("/api/v1").expect("api link") + "/api/v1".len()..].to_owned()
}

on_both_databases! {
    async fn hidden_posts_leave_tag_counts_citations_and_acceptance(app) {
        let author = app.member("author").await;
        let helper = app.member("helper").await;
        let reporter = app.member(REPORTER).await;
        let other = app.member("other").await;
        let moderator = app.member_with_role("moderator", "moderator").await;
        let q = app.ask(&author.key, "A question in a rare tag", "b", &["raretag"], false).await;
        let qid = q["id"].as_i64().unwrap();
        let a = app.answer(&helper.key, qid, "an answer that turns out hurtful").await;
        json_of(app.post(&format!("/answers/{}/accept", a["id"]), &author.key, json!({})).await, StatusCode::OK).await;
        // A win cites the question before it is hidden.
        let win = json_of(app.post("/wins", &other.key, json!({"title": "A win citing it", "story": "s",
            "impact": {"minutes_saved_per_run": 10, "runs_per_month": 1, "people_helped": 1},
            "helped_by": {"questions": [qid]}})).await, StatusCode::CREATED).await;
        // The accepted answer is hidden: the question is no longer resolved by it.
        let (_, ra, _) = report(app, &reporter.key, "answer", &a["id"], json!({"reason": "unkind"})).await;
        json_of(resolve(app, &moderator.key, &ra["id"], json!({"action": "hide", "reason": "不適切な表現"})).await, StatusCode::OK).await;
        let seen = app.get_json(&format!("/questions/{qid}"), &author.key).await;
        assert_eq!((seen["status"].as_str(), seen["answer_count"].as_i64()), (Some("open"), Some(0)), "{seen}");
        assert!(seen.get("accepted_answer_id").is_none_or(Value::is_null), "{seen}");
        // The question is hidden: tag counts, citations and new citations forget it.
        let (_, rq, _) = report(app, &reporter.key, "question", &q["id"], json!({"reason": "spam"})).await;
        json_of(resolve(app, &moderator.key, &rq["id"], json!({"action": "hide", "reason": "宣伝です"})).await, StatusCode::OK).await;
        let tags = app.get_json("/tags?q=rare", &other.key).await;
        assert_eq!(tags["items"][0]["question_count"], 0, "{tags}");
        let seen = app.get_json(&format!("/wins/{}", win["id"]), &reporter.key).await;
        assert_eq!(seen["helped_by"]["questions"], json!([]), "{seen}");
        let by_moderator = app.get_json(&format!("/wins/{}", win["id"]), &moderator.key).await;
        assert_eq!(by_moderator["helped_by"]["questions"], json!([qid]), "{by_moderator}");
        // Citing it now is "no such question", exactly as for one that never existed.
        let cite = |id: i64| json!({"title": "Another win", "story": "s",
            "impact": {"minutes_saved_per_run": 10, "runs_per_month": 1, "people_helped": 1},
            "helped_by": {"questions": [id]}});
        let hidden = problem(app.post("/wins", &other.key, cite(qid)).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let absent = problem(app.post("/wins", &other.key, cite(999_999)).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(hidden["errors"][0]["code"], absent["errors"][0]["code"]);
        // The win's own author can still edit it: the citation it already had is kept.
        let edited = json_of(app.patch(&format!("/wins/{}", win["id"]), &other.key, json!({"title": "A win citing it, edited"})).await, StatusCode::OK).await;
        assert_eq!(edited["title"], "A win citing it, edited");
        let kept = app.get_json(&format!("/wins/{}", win["id"]), &moderator.key).await;
        assert_eq!(kept["helped_by"]["questions"], json!([qid]), "{kept}");
    }
}
