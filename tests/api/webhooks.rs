//! Triggers: webhook subscriptions, delivery to a real receiver (failing, slow, gone), the
//! SSRF guard, signatures, the polling feed, the admin view — and anonymity throughout.

use crate::helpers::*;
use crate::on_both_databases;
use crate::receiver::{Behaviour, Receiver};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Subscribes `key` to a trigger (`question-posted`, …) and returns the subscription.
async fn subscribe(app: &TestApp, key: &str, trigger: &str, body: Value) -> (Value, String) {
    let response = app
        .post(&format!("/subscriptions/{trigger}"), key, body)
        .await;
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    let subscription = json_of(response, StatusCode::CREATED).await;
    let location = location.expect("201 carries Location");
    assert_eq!(subscription["link"], location.as_str());
    (subscription, location)
}

/// Verifies a Standard Webhooks signature the way a receiver would.
fn signature_is_valid(secret: &str, id: &str, timestamp: &str, body: &str, header: &str) -> bool {
    use base64::Engine;
    use hmac::Mac;
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.trim_start_matches("whsec_"))
        .unwrap();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    header.split(' ').any(|s| s == format!("v1,{expected}"))
}

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

on_both_databases! {
    async fn every_trigger_delivers_its_typed_event(app) {
        let receiver = Receiver::start(Behaviour::default()).await;
        let asker = app.member("Asker").await;
        let helper = app.member("Helper").await;
        let watcher = app.member("Watcher").await;
        // The community's topics exist before the flows that follow them.
        for tag in ["excel", "approvals", "sharepoint"] {
            app.post("/tags", &app.admin_key, json!({"slug": tag})).await;
        }
        for (trigger, body) in [
            ("question-posted", json!({"tag": "excel"})),
            ("question-answered", json!({})),
            ("answer-accepted", json!({})),
            ("tip-published", json!({"level": "beginner"})),
            ("win-logged", json!({})),
        ] {
            let mut body = body;
            body["callback_url"] = json!(receiver.url(&format!("/{trigger}")));
            subscribe(app, &watcher.key, trigger, body).await;
        }
        let (_, _) = subscribe(app, &helper.key, "kudos-received", json!({"callback_url": receiver.url("/kudos"), "secret": SECRET})).await;

        let question = app.ask(&asker.key, "Excel のマクロを Power Automate から動かせますか", "b", &["excel"], false).await;
        app.ask(&asker.key, "A question about approvals only", "b", &["approvals"], false).await; // filtered out by tag
        let answer = app.answer(&helper.key, question["id"].as_i64().unwrap(), "Office Scripts を使います").await;
        let accept = app.post(&format!("/answers/{}/accept", answer["id"]), &asker.key, json!({})).await;
        assert_eq!(accept.status(), StatusCode::OK);
        // Accepting the same answer again is no news.
        app.post(&format!("/answers/{}/accept", answer["id"]), &asker.key, json!({})).await;
        let tip = app.post("/tips", &helper.key, json!({"title": "Use scopes for error handling", "body": "b", "level": "beginner", "tags": ["flows"]})).await;
        assert_eq!(tip.status(), StatusCode::CREATED);
        app.post("/tips", &helper.key, json!({"title": "An advanced tip nobody subscribed to", "body": "b", "level": "advanced"})).await;
        let win = app.post("/wins", &asker.key, json!({"title": "Saved 10 hours a month", "story": "s", "impact": {"minutes_saved_per_run": 30, "runs_per_month": 10, "people_helped": 2}})).await;
        assert_eq!(win.status(), StatusCode::CREATED);
        let kudos = app.post(&format!("/answers/{}/kudos", answer["id"]), &asker.key, json!({"message": "助かりました！"})).await;
        assert_eq!(kudos.status(), StatusCode::CREATED);

        let paths = ["/question-posted", "/question-answered", "/answer-accepted", "/tip-published", "/win-logged", "/kudos"];
        receiver.wait_for(20, "one event per trigger", |r| paths.iter().all(|p| r.iter().any(|x| &x.path == p))).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await; // anything extra would arrive now
        let posted = receiver.delivered("/question-posted");
        assert_eq!(posted.len(), 1, "the approvals question is filtered out by tag");
        let e = &posted[0].body;
        assert_eq!(e["type"], "question.posted");
        assert_eq!(e["question"]["title"], "Excel のマクロを Power Automate から動かせますか");
        assert_eq!(e["question"]["tags"], json!(["excel"]));
        assert_eq!(e["question"]["asker"]["display_name"], "Asker");
        assert_eq!(e["question"]["link"], app.url(&format!("/questions/{}", question["id"])));
        let answered = &receiver.delivered("/question-answered")[0].body;
        assert_eq!((answered["type"].as_str(), answered["answer"]["author"]["display_name"].as_str()), (Some("question.answered"), Some("Helper")));
        assert_eq!(answered["answer"]["excerpt"], "Office Scripts を使います");
        let accepted = receiver.delivered("/answer-accepted");
        assert_eq!(accepted.len(), 1, "re-accepting the same answer fires nothing");
        assert_eq!(accepted[0].body["answer"]["id"], answer["id"]);
        let tips = receiver.delivered("/tip-published");
        assert_eq!(tips.len(), 1, "the advanced tip is filtered out by level");
        assert_eq!((tips[0].body["tip"]["level"].as_str(), tips[0].body["tip"]["author"]["display_name"].as_str()), (Some("beginner"), Some("Helper")));
        let wins = receiver.delivered("/win-logged");
        assert_eq!(wins[0].body["win"]["hours_saved_per_month"], 10.0);
        let kudos = &receiver.delivered("/kudos")[0];
        assert_eq!(kudos.body["kudos"]["from"]["display_name"], "Asker");
        assert_eq!(kudos.body["kudos"]["from_asker"], false);
        assert_eq!(kudos.body["kudos"]["message"], "助かりました！");
        assert_eq!(kudos.body["kudos"]["link"], app.url(&format!("/answers/{}", answer["id"])));
        // Signed for the subscriber that gave a secret, unsigned otherwise.
        let signature = kudos.signature.as_deref().expect("signed");
        assert!(signature_is_valid(SECRET, &kudos.webhook_id, &kudos.timestamp, &kudos.raw, signature));
        assert!(!signature_is_valid(SECRET, &kudos.webhook_id, &kudos.timestamp, &kudos.raw.replace("Asker", "Someone"), signature));
        assert!(posted[0].signature.is_none());
        // The payload is the declared schema of the trigger.
        for r in receiver.received() {
            assert!(r.webhook_id.starts_with("msg_dlv_") && r.webhook_id.len() == 32, "{}", r.webhook_id);
        }
    }

    async fn anonymous_askers_are_never_named_in_events(app) {
        let receiver = Receiver::start(Behaviour::default()).await;
        let asker = app.member("Hidden Asker").await;
        let helper = app.member("Helper").await;
        let admin_key = app.admin_key.clone();
        subscribe(app, &helper.key, "question-posted", json!({"callback_url": receiver.url("/posted")})).await;
        subscribe(app, &helper.key, "question-answered", json!({"callback_url": receiver.url("/answered")})).await;
        // The asker's own "mine only" subscription: it must work, and must not out them.
        subscribe(app, &asker.key, "question-answered", json!({"callback_url": receiver.url("/mine"), "mine_only": true})).await;
        subscribe(app, &helper.key, "kudos-received", json!({"callback_url": receiver.url("/kudos")})).await;
        subscribe(app, &asker.key, "kudos-received", json!({"callback_url": receiver.url("/asker-kudos")})).await;
        let q = app.ask(&asker.key, "誰にも知られずに聞きたいこと", "b", &[], true).await;
        let qid = q["id"].as_i64().unwrap();
        app.answer(&helper.key, qid, "an answer").await;
        let own = app.answer(&asker.key, qid, "my own follow-up").await;
        // Kudos to the anonymous asker's own answer.
        assert_eq!(app.post(&format!("/answers/{}/kudos", own["id"]), &helper.key, json!({})).await.status(), StatusCode::CREATED);
        receiver.wait_for(20, "all events", |r| {
            ["/posted", "/mine", "/asker-kudos"].iter().all(|p| r.iter().any(|x| &x.path == p))
                && r.iter().filter(|x| x.path == "/answered").count() >= 2
        }).await;
        assert!(receiver.delivered("/kudos").is_empty(), "kudos go to their receiver only");
        for r in receiver.received() {
            assert!(!r.raw.contains("Hidden Asker"), "{} names the anonymous asker: {}", r.path, r.raw);
            if let Some(question) = r.body.get("question") {
                assert!(question.get("asker").is_none(), "{}", r.raw);
            }
        }
        let own_answer_event = receiver.delivered("/answered").into_iter().find(|r| r.body["answer"]["id"] == own["id"]).unwrap();
        assert!(own_answer_event.body["answer"].get("author").is_none(), "{}", own_answer_event.raw);
        // The feed is the same snapshot.
        let feed = app.get_json("/events?after=0", &helper.key).await;
        assert!(!feed.to_string().contains("Hidden Asker"));
        assert!(feed["items"].as_array().unwrap().iter().all(|e| e["type"] != "kudos.received"), "kudos are not listed to others: {feed}");
        // The admin view does not tie the asker's mine-only subscription to the question.
        let deliveries = app.get_json("/admin/deliveries?limit=100", &admin_key).await;
        let askers: Vec<Value> = app.get_json("/subscriptions", &asker.key).await["items"].as_array().unwrap().iter().map(|s| s["id"].clone()).collect();
        assert_eq!(askers.len(), 2);
        let items = deliveries["items"].as_array().unwrap();
        // Posted and two answers to the helper; the asker's own deliveries (mine only, kudos)
        // are not in the view at all.
        assert_eq!(items.len(), 3, "{deliveries}");
        assert!(items.iter().all(|d| !askers.contains(&d["subscription_id"])), "{deliveries}");
        // Other members' deliveries are shown, with random ids that carry no order.
        assert!(items.iter().all(|d| d["id"].as_str().unwrap().starts_with("dlv_")), "{deliveries}");
    }

    async fn failing_and_slow_receivers_get_every_event_with_stable_ids(app) {
        // Every 3rd request fails, every 4th takes longer than the sender waits.
        let receiver = Receiver::start(Behaviour { fail_every: Some(3), slow_every: Some(4), ..Behaviour::default() }).await;
        let m = app.member("m").await;
        subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/flaky"), "secret": SECRET})).await;
        let mut ids = Vec::new();
        for i in 0..12 {
            ids.push(app.ask(&m.key, &format!("Flaky delivery question {i}"), "b", &[], false).await["id"].as_i64().unwrap());
        }
        let received = receiver.wait_for(60, "all 12 questions delivered", |r| {
            let delivered: std::collections::HashSet<_> = r.iter().filter(|x| x.answered == 200).map(|x| x.body["question"]["id"].as_i64()).collect();
            ids.iter().all(|id| delivered.contains(&Some(*id)))
        }).await;
        assert!(received.iter().any(|r| r.answered != 200), "the receiver did fail some attempts");
        // Retries of one event carry one webhook-id; different events never share one.
        let mut by_id: std::collections::HashMap<String, std::collections::HashSet<i64>> = Default::default();
        for r in &received {
            by_id.entry(r.webhook_id.clone()).or_default().insert(r.body["id"].as_i64().unwrap());
            assert!(signature_is_valid(SECRET, &r.webhook_id, &r.timestamp, &r.raw, r.signature.as_deref().unwrap()));
        }
        assert!(by_id.values().all(|events| events.len() == 1), "{by_id:?}");
        assert_eq!(by_id.len(), 12);
        assert!(received.len() > 12, "some events were retried");
    }

    async fn a_gone_flow_ends_its_subscription(app) {
        let receiver = Receiver::start(Behaviour::default()).await;
        let m = app.member("m").await;
        let (_, location) = subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/gone/flow")})).await;
        app.ask(&m.key, "First question after subscribing", "b", &[], false).await;
        receiver.wait_for(10, "the 410", |r| r.iter().any(|x| x.path == "/gone/flow")).await;
        let mut subscription = Value::Null;
        for _ in 0..100 {
            subscription = app.get_json(location.trim_start_matches(&app.url("")), &m.key).await;
            if subscription["active"] == false {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(subscription["active"], false, "{subscription}");
        assert!(subscription["ended_reason"].as_str().unwrap().contains("410"));
        app.ask(&m.key, "Second question, nobody listens", "b", &[], false).await;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        assert_eq!(receiver.received().len(), 1, "nothing is sent to a gone flow");
    }

    async fn outcomes_finishing_together_are_each_recorded(app) {
        // One burst to three flows: one answers 200, one says it is gone, one redirects (not
        // followed: a retry). The worker records outcomes in batches; each delivery must end
        // as its own receiver answered, and every event reach the live flow exactly once.
        let receiver = Receiver::start(Behaviour::default()).await;
        let m = app.member("m").await;
        let (ok, _) = subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/ok")})).await;
        let (gone, gone_location) = subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/gone/flow")})).await;
        let (moved, _) = subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/redirect/flow")})).await;
        let titles: Vec<String> = (0..20).map(|i| format!("Burst question number {i}")).collect();
        let asked = futures_util::future::join_all(titles.iter().map(|t| app.ask(&m.key, t, "b", &[], false))).await;
        let ids: std::collections::HashSet<i64> = asked.iter().map(|q| q["id"].as_i64().unwrap()).collect();
        receiver.wait_for(30, "all 20 questions at the live flow", |r| {
            r.iter().filter(|x| x.path == "/ok").filter_map(|x| x.body["question"]["id"].as_i64()).collect::<std::collections::HashSet<_>>() == ids
        }).await;
        let mut deliveries: Vec<Value> = Vec::new();
        for _ in 0..100 {
            let page = app.get_json("/admin/deliveries?limit=100", &app.admin_key).await;
            deliveries = page["items"].as_array().unwrap().clone();
            let of = |s: &Value| deliveries.iter().filter(|d| d["subscription_id"] == s["id"]).collect::<Vec<_>>();
            if of(&ok).iter().all(|d| d["status"] == "delivered") && of(&moved).iter().all(|d| d["attempts"].as_i64() >= Some(1) && d["last_status"] == 307) && of(&gone).iter().all(|d| d["status"] == "cancelled" && (d["attempts"] == 0 || d["last_status"] == 410)) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let of = |s: &Value| deliveries.iter().filter(|d| d["subscription_id"] == s["id"]).collect::<Vec<_>>();
        assert_eq!(of(&ok).len(), 20, "{deliveries:?}");
        assert!(of(&ok).iter().all(|d| d["status"] == "delivered" && d["last_status"] == 200 && d["attempts"] == 1), "{:?}", of(&ok));
        // Those in flight when the first 410 ended the subscription stay cancelled, with the
        // receiver's answer.
        assert!(of(&gone).iter().all(|d| d["status"] == "cancelled" && (d["attempts"] == 0 || d["last_status"] == 410)), "{:?}", of(&gone));
        assert!(of(&gone).iter().any(|d| d["attempts"] == 1), "{:?}", of(&gone));
        assert!(of(&moved).iter().all(|d| d["status"] == "pending" && d["last_status"] == 307), "{:?}", of(&moved));
        let ended = app.get_json(gone_location.trim_start_matches(&app.url("")), &m.key).await;
        assert_eq!(ended["active"], false, "{ended}");
        let live: Vec<_> = receiver.received().into_iter().filter(|r| r.path == "/ok").collect();
        let messages: std::collections::HashSet<_> = live.iter().map(|r| r.webhook_id.clone()).collect();
        assert_eq!((live.len(), messages.len()), (20, 20), "each event once at the live flow");
    }

    async fn redirects_are_not_followed(app) {
        let receiver = Receiver::start(Behaviour::default()).await;
        let m = app.member("m").await;
        subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/redirect/x")})).await;
        app.ask(&m.key, "Question that meets a redirect", "b", &[], false).await;
        receiver.wait_for(10, "the redirect attempt", |r| r.iter().any(|x| x.path == "/redirect/x")).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(receiver.received().iter().all(|r| r.path != "/redirected"));
        let failed = app.get_json("/admin/deliveries?status=pending", &app.admin_key).await;
        assert_eq!(failed["items"][0]["last_status"], 307, "{failed}");
    }

    async fn subscribe_and_unsubscribe_as_power_automate_does(app) {
        let m = app.member("m").await;
        let other = app.member("other").await;
        let receiver = Receiver::start(Behaviour::default()).await;
        json_of(app.post("/tags", &app.admin_key, json!({"slug": "excel"})).await, StatusCode::CREATED).await;
        let (subscription, location) = subscribe(app, &m.key, "question-unanswered", json!({"callback_url": receiver.url("/hook"), "hours": 48, "tag": "Excel"})).await;
        assert_eq!((subscription["event_type"].as_str(), subscription["hours"].as_i64(), subscription["tag"].as_str()), (Some("question.unanswered"), Some(48), Some("excel")));
        assert_eq!(subscription["callback_host"], "127.0.0.1");
        assert!(subscription.get("callback_url").is_none(), "the callback URL is a credential and never shown");
        assert_eq!(subscription["active"], true);
        let path = location.trim_start_matches(&app.url("")).to_owned();
        // Someone else can neither see nor delete it.
        problem(app.get(&path, &other.key).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.delete(&path, &other.key).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(app.get_json("/subscriptions", &m.key).await["items"].as_array().unwrap().len(), 1);
        // Power Automate deletes it when the flow is turned off — and may do so twice.
        assert_eq!(app.client.delete(&location).bearer_auth(&m.key).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(app.client.delete(&location).bearer_auth(&m.key).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        let ended = app.get_json(&path, &m.key).await;
        assert_eq!((ended["active"].as_bool(), ended["ended_reason"].as_str()), (Some(false), Some("unsubscribed")));
        assert!(app.get_json("/subscriptions", &m.key).await["items"].as_array().unwrap().is_empty());
        // Admins list everyone's; members may not.
        subscribe(app, &other.key, "win-logged", json!({"callback_url": receiver.url("/w")})).await;
        problem(app.get("/subscriptions?all=true", &m.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        let all = app.get_json("/subscriptions?all=true", &app.admin_key).await;
        assert_eq!(all["items"].as_array().unwrap().len(), 1);
        // Bad filters are named.
        let p = problem(app.post("/subscriptions/question-unanswered", &m.key, json!({"callback_url": receiver.url("/h"), "hours": 0})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["hours"]);
        let p = problem(app.post("/subscriptions/question-posted", &m.key, json!({"callback_url": receiver.url("/h"), "secret": "hunter2"})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["secret"]);
        let p = problem(app.post("/subscriptions/tip-published", &m.key, json!({"callback_url": receiver.url("/h"), "level": "expert"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(problem_fields(&p), ["level"]);
        problem(app.post("/subscriptions/question-posted", &m.key, json!({"callback_url": receiver.url("/h"), "mine_only": true})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
    }

    async fn callback_urls_must_be_public_https(app) {
        let m = app.member("m").await;
        for (url, code) in [
            ("http://example.com/hook", "not_https"),
            ("https://10.0.0.8/hook", "private_address"),
            ("https://192.168.1.20/hook", "private_address"),
            ("https://169.254.169.254/latest/meta-data/", "private_address"),
            ("https://[::1]/hook", "private_address"),
            ("https://[fd00::1]/hook", "private_address"),
            ("https://localhost:8443/hook", "private_address"),
            ("https://0.0.0.0/hook", "private_address"),
            ("https://[2002:7f00:1::]/hook", "private_address"),
            ("https://[2001::1]/hook", "private_address"),
            ("https://[fec0::1]/hook", "private_address"),
            ("https://192.88.99.1/hook", "private_address"),
            ("https://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "private_address"),
            ("ftp://example.com/hook", "invalid_url"),
            ("not a url", "invalid_url"),
        ] {
            let p = problem(app.post("/subscriptions/question-posted", &m.key, json!({"callback_url": url})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem_fields(&p), ["callback_url"], "{url}");
            assert_eq!(p["errors"][0]["code"], code, "{url}: {p}");
        }
        let long = format!("https://example.com/{}", "a".repeat(2000));
        let p = problem(app.post("/subscriptions/question-posted", &m.key, json!({"callback_url": long})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(p["errors"][0]["code"], "too_long");
        // Nothing was stored.
        assert!(app.get_json("/subscriptions", &m.key).await["items"].as_array().unwrap().is_empty());
    }

    async fn the_event_feed_polls_newest_first_with_a_cursor(app) {
        let m = app.member("m").await;
        let other = app.member("other").await;
        let q1 = app.ask(&m.key, "First feed question here", "b", &[], false).await;
        let q2 = app.ask(&m.key, "Second feed question here", "b", &[], false).await;
        let page = app.get_json("/events?after=0", &other.key).await;
        let items = page["items"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!((items[0]["question"]["id"].clone(), items[1]["question"]["id"].clone()), (q2["id"].clone(), q1["id"].clone()));
        let cursor = page["cursor"].as_i64().unwrap();
        assert_eq!(cursor, items[0]["id"].as_i64().unwrap());
        // Nothing new: nothing returned, the cursor stays.
        let again = app.get_json(&format!("/events?after={cursor}"), &other.key).await;
        assert!(again["items"].as_array().unwrap().is_empty());
        assert_eq!(again["cursor"], cursor);
        let a = app.answer(&other.key, q1["id"].as_i64().unwrap(), "an answer").await;
        let next = app.get_json(&format!("/events?after={cursor}"), &other.key).await;
        assert_eq!(next["items"].as_array().unwrap().len(), 1);
        assert_eq!(next["items"][0]["type"], "question.answered");
        assert_eq!(next["items"][0]["answer"]["id"], a["id"]);
        // Types filter; kudos only for their receiver.
        app.post(&format!("/answers/{}/kudos", a["id"]), &m.key, json!({})).await;
        let only = app.get_json("/events?after=0&types=question.answered,kudos.received", &m.key).await;
        assert_eq!(only["items"].as_array().unwrap().len(), 1, "{only}");
        let theirs = app.get_json("/events?after=0&types=kudos.received", &other.key).await;
        assert_eq!(theirs["items"].as_array().unwrap().len(), 1);
        assert_eq!(app.get_json("/events?after=0&limit=1", &m.key).await["items"].as_array().unwrap().len(), 1);
        let p = problem(app.get("/events?after=0&types=question.deleted", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["types"]);
        problem(app.get("/events?after=0&limit=0", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
    }

    async fn the_polling_trigger_sees_every_event_of_a_burst_once(app) {
        let m = app.member("m").await;
        let other = app.member("other").await;
        let before = app.ask(&m.key, "Asked before the flow was on", "b", &[], false).await;
        // The first poll (no cursor) returns nothing and starts at the newest event.
        let first = app.get_json("/events?limit=3", &other.key).await;
        assert_eq!(first["items"], json!([]), "{first}");
        assert_eq!(first["has_more"], false);
        let latest = app.get_json("/events?after=0", &other.key).await;
        assert_eq!(latest["items"][0]["question"]["id"], before["id"]);
        assert_eq!(first["cursor"], latest["items"][0]["id"]);
        // A flow for events nobody has had yet (reports, before any is filed) starts from now too,
        // not from 0 (which would later list everything kept).
        let reports = app.get_json("/events?types=post.reported", &app.admin_key).await;
        assert_eq!(reports["cursor"], first["cursor"], "{reports}");
        // A burst of eight, polled three at a time: every event once, oldest page first,
        // each page newest first.
        let mut asked = Vec::new();
        for i in 0..8 {
            asked.push(app.ask(&m.key, &format!("Burst question number {i}"), "b", &[], false).await["id"].clone());
        }
        let mut cursor = first["cursor"].clone();
        let mut seen = Vec::new();
        let mut pages = Vec::new();
        for _ in 0..5 {
            let page = app.get_json(&format!("/events?after={cursor}&limit=3"), &other.key).await;
            let ids: Vec<i64> = page["items"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
            assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {page}");
            if let Some(newest) = ids.first() {
                assert_eq!(page["cursor"], json!(newest));
            } else {
                assert_eq!(page["cursor"], cursor);
            }
            pages.push((ids.len(), page["has_more"].as_bool().unwrap()));
            seen.extend(page["items"].as_array().unwrap().iter().rev().map(|e| e["question"]["id"].clone()));
            cursor = page["cursor"].clone();
        }
        assert_eq!(seen, asked);
        assert_eq!(pages, [(3, true), (3, true), (2, false), (0, false), (0, false)]);
    }

    async fn questions_left_unanswered_fire_once(app) {
        let receiver = Receiver::start(Behaviour::default()).await;
        let m = app.member("m").await;
        let helper = app.member("helper").await;
        let waiting = app.ask(&m.key, "Nobody has answered this yet", "b", &["excel"], false).await;
        let answered = app.ask(&m.key, "Somebody answered this one", "b", &["excel"], false).await;
        let self_answered = app.ask(&m.key, "Only the asker answered this", "b", &["excel"], false).await;
        let other_tag = app.ask(&m.key, "Unanswered but another topic", "b", &["word"], false).await;
        app.answer(&helper.key, answered["id"].as_i64().unwrap(), "here you go").await;
        app.answer(&m.key, self_answered["id"].as_i64().unwrap(), "I found it myself").await;
        subscribe(app, &helper.key, "question-unanswered", json!({"callback_url": receiver.url("/unanswered"), "hours": 1, "tag": "excel"})).await;
        // Two hours pass (the subscription predates them).
        app.execute_sql("UPDATE questions SET created_at = created_at - 7200000000").await;
        app.execute_sql("UPDATE subscriptions SET created_at = created_at - 7200000000").await;
        let received = receiver.wait_for(10, "the unanswered questions", |r| r.len() >= 2).await;
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await; // two more sweeps
        let delivered: Vec<i64> = receiver.delivered("/unanswered").iter().map(|r| r.body["question"]["id"].as_i64().unwrap()).collect();
        let mut expected = vec![waiting["id"].as_i64().unwrap(), self_answered["id"].as_i64().unwrap()];
        expected.sort();
        let mut got = delivered.clone();
        got.sort();
        assert_eq!(got, expected, "once each; not the answered one, not the other tag");
        assert_eq!(received[0].body["unanswered_hours"], 1);
        let _ = other_tag;
    }

    async fn admins_see_failed_deliveries_and_send_them_again(app) {
        let receiver = Receiver::start(Behaviour { unavailable: true, ..Behaviour::default() }).await;
        let m = app.member("m").await;
        subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/down")})).await;
        app.ask(&m.key, "Posted while the flow is down", "b", &[], false).await;
        receiver.wait_for(10, "a first attempt", |r| !r.is_empty()).await;
        // The retry window runs out.
        app.execute_sql("UPDATE deliveries SET expires_at = 1").await;
        let mut failed = Value::Null;
        for _ in 0..100 {
            failed = app.get_json("/admin/deliveries?status=failed", &app.admin_key).await;
            if !failed["items"].as_array().unwrap().is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let delivery = &failed["items"][0];
        assert_eq!((delivery["status"].as_str(), delivery["last_status"].as_i64(), delivery["event_type"].as_str()), (Some("failed"), Some(503), Some("question.posted")));
        assert!(delivery["attempts"].as_i64().unwrap() >= 1);
        problem(app.get("/admin/deliveries", &m.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        problem(app.post(&format!("/admin/deliveries/{}/retry", delivery["id"].as_str().unwrap()), &m.key, json!({})).await, StatusCode::FORBIDDEN, "forbidden").await;
        receiver.set(Behaviour::default());
        let retried = json_of(app.post(&format!("/admin/deliveries/{}/retry", delivery["id"].as_str().unwrap()), &app.admin_key, json!({})).await, StatusCode::OK).await;
        assert_eq!(retried["status"], "pending");
        receiver.wait_for(10, "the retried delivery", |r| r.iter().any(|x| x.answered == 200)).await;
        let ids: std::collections::HashSet<String> = receiver.received().into_iter().map(|r| r.webhook_id).collect();
        assert_eq!(ids.len(), 1, "the admin retry is the same message");
        problem(app.post(&format!("/admin/deliveries/{}/retry", delivery["id"].as_str().unwrap()), &app.admin_key, json!({})).await, StatusCode::CONFLICT, "not_retryable").await;
        problem(app.post("/admin/deliveries/999999/retry", &app.admin_key, json!({})).await, StatusCode::NOT_FOUND, "not_found").await;
        let metrics = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
        assert!(metrics.contains("tsunagu_webhook_queue_depth 0"), "{metrics}");
        assert!(metrics.contains("tsunagu_webhook_attempts_total{outcome=\"delivered\"} 1"), "{metrics}");
    }

    async fn events_deliveries_and_idempotency_keys_are_pruned_when_old(app) {
        let receiver = Receiver::start(Behaviour::default()).await;
        let m = app.member("m").await;
        subscribe(app, &m.key, "question-posted", json!({"callback_url": receiver.url("/hook")})).await;
        let keyed = |key: &'static str, title: &'static str| {
            app.client.post(app.url("/questions")).bearer_auth(&m.key).header("Idempotency-Key", key).json(&json!({"title": title, "body": "b"})).send()
        };
        assert_eq!(keyed("old-key", "Delivered long ago").await.unwrap().status(), StatusCode::CREATED);
        receiver.wait_for(10, "the first delivery", |r| r.iter().any(|x| x.answered == 200)).await;
        // The flow goes down; the next event stays pending.
        receiver.set(Behaviour { unavailable: true, ..Behaviour::default() });
        app.ask(&m.key, "Still waiting to be delivered", "b", &[], false).await;
        receiver.wait_for(10, "a failed attempt", |r| r.iter().any(|x| x.answered == 503)).await;
        // A month and a day pass.
        app.execute_sql("UPDATE events SET occurred_at = occurred_at - 2678400000000").await;
        app.execute_sql("UPDATE idempotency_keys SET created_at = created_at - 90000000000").await;
        let mut feed = Value::Null;
        for _ in 0..100 {
            feed = app.get_json("/events?after=0", &m.key).await;
            if feed["items"].as_array().unwrap().len() == 1 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // The delivered event is gone; the one still pending stays until it is sent.
        let items = feed["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{feed}");
        assert_eq!(items[0]["question"]["title"], "Still waiting to be delivered");
        let deliveries = app.get_json("/admin/deliveries", &app.admin_key).await;
        assert_eq!(deliveries["items"].as_array().unwrap().len(), 1, "{deliveries}");
        assert_eq!(deliveries["items"][0]["status"], "pending");
        // Day-old Idempotency-Keys are removed (none is left to touch) …
        assert_eq!(app.execute_sql("UPDATE idempotency_keys SET scope = scope").await, 0);
        // … so the same key makes a new question.
        let again = keyed("old-key", "Delivered long ago").await.unwrap();
        assert_eq!(again.status(), StatusCode::CREATED);
        assert!(again.headers().get("idempotent-replayed").is_none());
        assert_eq!(app.list_ids(&m.key, "").await.len(), 3);
    }
}

/// Waits until a session of the test's PostgreSQL database waits for a row lock (a lock
/// other than an advisory one).
async fn a_session_waits(database_url: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(database_url).await.unwrap();
    for _ in 0..200 {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
             AND wait_event_type = 'Lock' AND wait_event <> 'advisory'",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap();
        if waiting > 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no session waited for a row lock");
}

/// PostgreSQL hands out event ids when a transaction inserts, not when it commits. Writers no
/// longer commit one after another, so a question's event can commit after a newer one's; the
/// polling trigger must not move its cursor past the older event meanwhile (it would never
/// fire for it). Here the older question's transaction has its event and waits (for a lock on
/// the subscription its delivery names) while a newer question commits; a poll meanwhile
/// waits 50 ms for the older one, then lists neither; once the older one commits the next
/// poll lists both, oldest id first.
#[tokio::test]
async fn a_poll_waits_for_an_event_committed_after_a_newer_one_postgres() {
    use sqlx::Connection;
    let app = spawn_app(Backend::Postgres).await;
    let receiver = Receiver::start(Behaviour::default()).await;
    let m = app.member("m").await;
    let other = app.member("other").await;
    let flow = app.member("flow").await;
    app.ask(&m.key, "The first slow question", "b", &["slow"], false)
        .await;
    subscribe(
        &app,
        &flow.key,
        "question-posted",
        json!({"callback_url": receiver.url("/slow"), "tag": "slow"}),
    )
    .await;
    let cursor = app.get_json("/events", &flow.key).await["cursor"].clone();
    let mut conn = sqlx::PgConnection::connect(&app.database_url)
        .await
        .unwrap();
    let mut tx = conn.begin().await.unwrap();
    sqlx::query("SELECT id FROM subscriptions FOR UPDATE")
        .execute(&mut *tx)
        .await
        .unwrap();
    // The older question takes its event id, then waits to insert its delivery.
    let (older, newer, page) = {
        let older = app.ask(&m.key, "Held up before its commit", "b", &["slow"], false);
        tokio::pin!(older);
        tokio::select! {
            _ = &mut older => panic!("the question was asked although its delivery could not be written"),
            _ = a_session_waits(&app.database_url) => {}
        }
        // Asked by someone else: the statistics' row of the asker's day is locked by the
        // older question until it commits.
        let newer = tokio::time::timeout(
            std::time::Duration::from_secs(20),
            app.ask(&other.key, "Asked later, committed first", "b", &[], false),
        )
        .await
        .expect("a newer question does not wait for an older one's commit");
        // A poll waits a moment for the older question's transaction, then lists only what
        // is below it: nothing, and the cursor stays (the newer question is not passed to
        // the flow ahead of the older one, which would then be skipped).
        let after = format!("/events?after={cursor}");
        let started = std::time::Instant::now();
        let held = app.get_json(&after, &flow.key).await;
        assert!(started.elapsed() >= std::time::Duration::from_millis(50));
        assert_eq!(held["items"], json!([]), "{held}");
        assert_eq!(held["cursor"], cursor, "{held}");
        assert_eq!(held["has_more"], false);
        // A flow starting now starts below the older question too.
        assert_eq!(app.get_json("/events", &flow.key).await["cursor"], cursor);
        // The older question commits once the subscription is let go.
        tx.rollback().await.unwrap();
        let older = older.await;
        (older, newer, app.get_json(&after, &flow.key).await)
    };
    let questions: Vec<Value> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["question"]["id"].clone())
        .collect();
    assert_eq!(
        questions,
        vec![newer["id"].clone(), older["id"].clone()],
        "{page}"
    );
    let ids: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(
        ids[0] > ids[1],
        "the older question's event has the lower id: {page}"
    );
    assert_eq!(page["cursor"], json!(ids[0]));
    app.stop().await;
}
