//! Community health over HTTP on a small known data set (the time-based figures are checked
//! against a fixed clock in `domain::health`'s unit tests).

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn health_counts_a_known_week(app) {
        let newcomer = app.member("newcomer").await;
        let helper = app.member("helper").await;
        let q1 = app.ask(&newcomer.key, "経費精算の承認について", "b", &["経費精算"], true).await["id"].as_i64().unwrap();
        let _q2 = app.ask(&newcomer.key, "Second question here", "b", &["excel"], false).await;
        let q3 = app.ask(&helper.key, "Helper also asks one", "b", &["excel"], false).await["id"].as_i64().unwrap();
        let a = app.answer(&helper.key, q1, "こうします").await["id"].as_i64().unwrap();
        app.answer(&helper.key, q3, "self answer does not count").await;
        json_of(app.post(&format!("/answers/{a}/reactions"), &newcomer.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
        json_of(app.post("/tips", &helper.key, json!({"title": "A tip for everyone", "body": "b", "tags": ["excel"]})).await, StatusCode::CREATED).await;
        let win = json_of(app.post("/wins", &newcomer.key, json!({"title": "Automated approvals", "story": "s", "tags": ["経費精算"],
            "impact": {"minutes_saved_per_run": 30, "runs_per_month": 10, "people_helped": 2}})).await, StatusCode::CREATED).await;
        json_of(app.post(&format!("/wins/{}/kudos", win["id"]), &helper.key, json!({})).await, StatusCode::CREATED).await;

        let report = app.get_json("/stats/health?interval=week", &helper.key).await;
        assert_eq!(report["interval"], "week");
        let rows = report["items"].as_array().unwrap();
        assert!(rows.len() >= 12, "12 weeks by default");
        let this_week = rows.last().unwrap();
        assert_eq!(this_week["questions_asked"], 3);
        assert_eq!(this_week["answered"], 1, "the self-answer does not count");
        assert_eq!(this_week["still_unanswered"], 2);
        // Per-member figures never see the anonymous question: the newcomer's first question
        // asked by name is q2, and nobody asked by name twice.
        assert_eq!(this_week["first_time_askers"], 2);
        assert_eq!(this_week["returning_askers"], 0);
        assert_eq!(this_week["anonymous_questions_asked"], 1);
        assert_eq!(this_week["anonymous_answered_within_24h_share"], 1.0);
        assert_eq!(this_week["new_contributors"], 1);
        assert_eq!(this_week["active_members"], 2);
        assert_eq!(this_week["tips_published"], 1);
        assert_eq!(this_week["wins_logged"], 1);
        assert_eq!(this_week["hours_saved_per_month"], 10.0);
        assert_eq!(this_week["kudos_given"], 1);
        assert_eq!(this_week["answered_within_24h_share"], 0.333);
        assert!(this_week["median_hours_to_first_answer"].as_f64().unwrap() < 1.0);
        assert!(rows[0].get("median_hours_to_first_answer").is_none(), "absent, not null, for an empty week");
        // Filtered by a Japanese tag.
        let tagged = app.get_json("/stats/health?interval=month&tag=%E7%B5%8C%E8%B2%BB%E7%B2%BE%E7%AE%97", &helper.key).await;
        let month = tagged["items"].as_array().unwrap().last().unwrap().clone();
        assert_eq!((month["questions_asked"].as_i64(), month["wins_logged"].as_i64(), month["tips_published"].as_i64()), (Some(1), Some(1), Some(0)));
        // CSV for Excel: BOM, header, one line per interval.
        let csv = app.get("/stats/health.csv?interval=week", &helper.key).await;
        assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let text = csv.text().await.unwrap();
        assert!(text.starts_with("\u{feff}start,end,questions_asked,answered,"));
        assert!(text.lines().next().unwrap().ends_with(",kudos_given,anonymous_questions_asked,anonymous_answered_within_24h_share"));
        assert_eq!(text.lines().count(), rows.len() + 1);
        // Summary.
        let summary = app.get_json("/stats/summary", &helper.key).await;
        assert_eq!(summary["questions_asked"], 3);
        assert_eq!(summary["questions_without_answer"], 2);
        assert_eq!(summary["total_hours_saved_per_month"], 10.0);
        // Bad ranges are clear.
        let p = problem(app.get("/stats/health?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", &helper.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["from"]);
        problem(app.get("/stats/health?interval=day", &helper.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        // A mistyped topic is refused with the closest one, not answered with zeros.
        let p = problem(app.get("/stats/health?tag=exel", &helper.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["tag"]);
        assert!(p.to_string().contains("excel"), "{p}");
        problem(app.get("/stats/health.csv?tag=exel", &helper.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        // Anonymous authorship does not show in any figure output.
        assert!(!report.to_string().contains("newcomer"));
    }
}

on_both_databases! {
    async fn the_old_stats_page_sends_browsers_to_the_dashboard(app) {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let old = client.get(format!("{}/stats", app.address)).header("Accept", "text/html").send().await.unwrap();
        assert_eq!(old.status(), StatusCode::PERMANENT_REDIRECT);
        assert_eq!(old.headers()["location"], "/dashboard");
    }
}

on_both_databases! {
    async fn indexed_figures_equal_the_definition_on_a_random_history(app) {
        use chrono::{Duration, Utc};
        use tsunagu::domain::health::{boundaries, compute, rows, Interval};
        // Eight members ask, answer, react, write tips, log wins and give kudos, some asking
        // anonymously (and then answering, reacting and giving kudos inside their own
        // threads); the times are then spread over 300 days, so some members asked long
        // before the periods below and others ask for the first time inside them.
        let mut members = Vec::new();
        for n in 0..8 {
            members.push(app.member(&format!("member {n}")).await);
        }
        let tags = ["excel", "経費精算", "flow"];
        let mut rng = Lcg(20261201);
        let mut questions = Vec::new();
        for i in 0..80 {
            let asker = rng.next(members.len());
            let anonymous = rng.next(4) == 0;
            let tag = tags[rng.next(tags.len())];
            let id = app.ask(&members[asker].key, &format!("Question number {i} about flows"), "b", &[tag], anonymous).await["id"].as_i64().unwrap();
            questions.push((id, asker));
        }
        let mut answers = Vec::new();
        for i in 0..120 {
            let (question, asker) = questions[rng.next(questions.len())];
            // One in five answers comes from the asker, inside her own thread.
            let by = if rng.next(5) == 0 { asker } else { rng.next(members.len()) };
            let id = app.answer(&members[by].key, question, &format!("answer {i}")).await["id"].as_i64().unwrap();
            answers.push((id, by));
        }
        let mut kudos_given = std::collections::HashSet::new();
        let mut reactions = Vec::new();
        for _ in 0..100 {
            let (answer, author) = answers[rng.next(answers.len())];
            let by = rng.next(members.len());
            if by == author {
                continue;
            }
            json_of(app.post(&format!("/answers/{answer}/reactions"), &members[by].key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
            reactions.push((answer, by));
            if kudos_given.insert((answer, by)) {
                json_of(app.post(&format!("/answers/{answer}/kudos"), &members[by].key, json!({})).await, StatusCode::CREATED).await;
            }
        }
        for i in 0..25 {
            let author = rng.next(members.len());
            let tip = json_of(app.post("/tips", &members[author].key, json!({"title": format!("Tip number {i}"), "body": "b", "tags": [tags[rng.next(tags.len())]]})).await, StatusCode::CREATED).await;
            let reader = rng.next(members.len());
            if reader != author {
                json_of(app.post(&format!("/tips/{}/reactions", tip["id"]), &members[reader].key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
            }
        }
        for i in 0..25 {
            let author = rng.next(members.len());
            let win = json_of(app.post("/wins", &members[author].key, json!({"title": format!("Win number {i}"), "story": "s", "tags": [tags[rng.next(tags.len())]],
                "impact": {"minutes_saved_per_run": 1 + rng.next(90), "runs_per_month": 1 + rng.next(40), "people_helped": 1 + rng.next(5)}})).await, StatusCode::CREATED).await;
            let giver = rng.next(members.len());
            if giver != author {
                json_of(app.post(&format!("/wins/{}/kudos", win["id"]), &members[giver].key, json!({})).await, StatusCode::CREATED).await;
            }
        }
        // A member who only ever acts inside her own anonymous thread: she answers there, marks
        // an answer helpful and gives it kudos. None of it may make her an active member.
        let quiet = app.member("quiet").await;
        let helper = &members[0];
        let thread = app.ask(&quiet.key, "A question nobody may trace", "b", &["excel"], true).await["id"].as_i64().unwrap();
        let reply = app.answer(&helper.key, thread, "try this").await["id"].as_i64().unwrap();
        app.answer(&quiet.key, thread, "thanks, and one more detail").await;
        json_of(app.post(&format!("/answers/{reply}/reactions"), &quiet.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
        json_of(app.post(&format!("/answers/{reply}/kudos"), &quiet.key, json!({})).await, StatusCode::CREATED).await;
        // A member who asks by name and acts in her threads: one answer she reacted to and
        // thanked with kudos is deleted below, and so is her second thread, with all of it.
        let open = app.member("open").await;
        let named = app.ask(&open.key, "A question asked by name", "b", &["flow"], false).await["id"].as_i64().unwrap();
        let kept_reply = app.answer(&helper.key, named, "first").await["id"].as_i64().unwrap();
        let doomed_reply = app.answer(&members[1].key, named, "second").await["id"].as_i64().unwrap();
        app.answer(&open.key, named, "my own follow-up").await;
        let second_thread = app.ask(&open.key, "Another question asked by name", "b", &["flow"], false).await["id"].as_i64().unwrap();
        let third_reply = app.answer(&helper.key, second_thread, "third").await["id"].as_i64().unwrap();
        app.answer(&open.key, second_thread, "my own follow-up").await;
        for reply in [kept_reply, doomed_reply, third_reply] {
            json_of(app.post(&format!("/answers/{reply}/reactions"), &open.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
            json_of(app.post(&format!("/answers/{reply}/kudos"), &open.key, json!({})).await, StatusCode::CREATED).await;
        }
        // Spread every time over 300 days before now (distinct to the microsecond); a quarter
        // of the questions stay unanswered, the rest are first answered 0–59 hours later.
        let now = Utc::now().timestamp_micros();
        let hour = 3_600_000_000_i64;
        let spread = |key: &str, step: i64| format!("{now} - (({key}) * {step} % 997) * 7 * {hour} - ({key})");
        app.execute_sql(&format!(
            "UPDATE questions SET created_at = {at}, first_answer_at = CASE WHEN id % 4 = 0 THEN NULL ELSE {at} + (id * 31 % 60) * {hour} END",
            at = spread("id", 7919)
        )).await;
        app.execute_sql(&format!("UPDATE answers SET created_at = {}", spread("id", 104729))).await;
        app.execute_sql(&format!("UPDATE answer_reactions SET created_at = {}", spread("answer_id * 13 + member_id", 3571))).await;
        app.execute_sql(&format!("UPDATE tips SET created_at = {}", spread("id", 6151))).await;
        app.execute_sql(&format!("UPDATE tip_reactions SET created_at = {}", spread("tip_id * 17 + member_id", 4099))).await;
        app.execute_sql(&format!("UPDATE wins SET created_at = {}", spread("id", 2909))).await;
        app.execute_sql(&format!("UPDATE kudos SET created_at = {}", spread("id", 8191))).await;
        // Askers change their minds afterwards: every fifth question changes from named to
        // anonymous or back, with what its asker did in its thread (the per-day counts follow).
        for &(id, asker) in questions.iter().skip(2).step_by(5) {
            let question = json_of(app.get(&format!("/questions/{id}"), &members[asker].key).await, StatusCode::OK).await;
            let anonymous = question["anonymous"].as_bool().unwrap();
            json_of(app.patch(&format!("/questions/{id}"), &members[asker].key, json!({"anonymous": !anonymous})).await, StatusCode::OK).await;
        }
        // Some answers are deleted (with their reactions) and some reactions taken back.
        let mut deleted_answers = 0;
        for &(id, by) in answers.iter().skip(3).step_by(11) {
            let status = app.delete(&format!("/answers/{id}"), &members[by].key).await.status();
            assert!(status == StatusCode::NO_CONTENT || status == StatusCode::CONFLICT, "{status}");
            deleted_answers += usize::from(status == StatusCode::NO_CONTENT);
        }
        assert!(deleted_answers > 0);
        for &(answer, by) in reactions.iter().skip(1).step_by(7) {
            let status = app.delete(&format!("/answers/{answer}/reactions/helpful"), &members[by].key).await.status();
            assert!(status.is_success() || status == StatusCode::NOT_FOUND, "{status}");
        }
        assert_eq!(app.delete(&format!("/answers/{doomed_reply}"), &members[1].key).await.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.delete(&format!("/questions/{second_thread}"), &open.key).await.status(), StatusCode::NO_CONTENT);
        // Some questions are deleted afterwards, answered or not, with their threads.
        for &(id, asker) in questions.iter().step_by(9) {
            assert_eq!(app.delete(&format!("/questions/{id}"), &members[asker].key).await.status(), StatusCode::NO_CONTENT);
        }

        let now = Utc::now();
        let periods: Vec<(Option<&str>, Vec<_>)> = vec![
            (None, boundaries(now - Duration::weeks(12), now, Interval::Week, 540)),
            (None, boundaries(now - Duration::days(365), now, Interval::Month, 0)),
            (Some("excel"), boundaries(now - Duration::weeks(30), now, Interval::Week, 0)),
            (Some("経費精算"), boundaries(now - Duration::days(700), now, Interval::Month, 540)),
            // The dashboard's two periods, which start at any instant.
            (None, vec![(now - Duration::days(60), now - Duration::days(30)), (now - Duration::days(30), now)]),
        ];
        for (tag, intervals) in &periods {
            let tag = tag.map(|t| tsunagu::domain::tag::TagSlug::parse("tag", t).unwrap());
            let expected = compute(&app.store.activity(tag.as_ref()).await.unwrap(), intervals);
            let counted = rows(&app.store.health_facts(tag.as_ref(), intervals).await.unwrap(), intervals);
            assert_eq!(counted, expected, "tag {tag:?}");
            if tag.is_none() {
                // The dashboard's chart counts only two figures.
                let charted: Vec<(i64, f64)> = expected.iter().map(|r| (r.questions_asked, r.hours_saved_per_month)).collect();
                assert_eq!(app.store.asked_and_hours(intervals).await.unwrap(), charted);
            }
        }
        // The history reaches every figure, so the comparison above means something.
        let year = compute(&app.store.activity(None).await.unwrap(), &periods[1].1);
        let total = |f: fn(&tsunagu::domain::health::HealthRow) -> i64| year.iter().map(f).sum::<i64>();
        assert!(total(|r| r.first_time_askers) > 0 && total(|r| r.returning_askers) > 0);
        assert!(total(|r| r.new_contributors) > 0 && total(|r| r.anonymous_questions_asked) > 0);
        assert!(total(|r| r.still_unanswered) > 0 && total(|r| r.kudos_given) > 0);
        assert!(total(|r| r.tips_published) > 0 && total(|r| r.wins_logged) > 0);
        assert!(year.iter().filter(|r| r.median_hours_to_first_answer.is_some()).count() > 3);
        assert!(year.iter().any(|r| r.first_time_askers_answered_within_24h_share > 0.0));
        assert!(year.iter().any(|r| r.answered_within_24h_share > 0.0 && r.answered_within_24h_share < 1.0));
        // The per-day rollup the figures read equals a count from scratch: every act by name,
        // and an asker's acts in her own thread only while it is not anonymous (migration 0019;
        // the toggles and deletions above moved them).

        app.assert_member_days_recount().await;
        let askers_own = "SELECT COUNT(*) FROM answer_reactions r JOIN answers a ON a.id = r.answer_id JOIN questions q ON q.id = a.question_id \
            WHERE r.by_asker AND NOT q.anonymous";
        assert!(app.numbers_sql(askers_own).await[0][0] > 0, "askers reacted in their named threads");
        // The summary's all-time figures.
        let activity = app.store.activity(None).await.unwrap();
        assert_eq!(app.store.count_unanswered().await.unwrap(), activity.questions.iter().filter(|q| q.first_answer_at.is_none()).count() as i64);
        assert_eq!(app.store.total_hours_saved().await.unwrap(), activity.wins.iter().map(|w| w.hours_per_month).sum::<f64>());
    }
}

/// Every figure trusts `kudos.by_asker` to keep an anonymous asker's kudos in her own thread
/// from naming her. On PostgreSQL, where several replicas may share the database (an older one
/// during an upgrade, which does not set the flag), the database sets it itself; SQLite has one
/// writer, the service, which sets it (covered by the random-history test above).
#[tokio::test]
async fn kudos_written_without_the_flag_still_do_not_name_an_anonymous_asker_on_postgres() {
    let app = spawn_app(Backend::Postgres).await;
    let asker = app.member("asker").await;
    let helper = app.member("helper").await;
    let q = app
        .ask(&asker.key, "An anonymous question", "b", &[], true)
        .await["id"]
        .as_i64()
        .unwrap();
    let a = app.answer(&helper.key, q, "an answer").await["id"]
        .as_i64()
        .unwrap();
    let now = chrono::Utc::now().timestamp_micros();
    app.execute_sql(&format!(
        "INSERT INTO kudos (giver_id, receiver_id, target_kind, target_id, message, created_at) \
         VALUES ({}, {}, 'answer', {a}, NULL, {now})",
        asker.id, helper.id
    ))
    .await;
    assert_eq!(
        app.execute_sql("UPDATE kudos SET message = message WHERE by_asker")
            .await,
        1,
        "the database marks kudos given by the asker in her own thread"
    );
    // Only the helper acted by name this week (the asker asked anonymously and thanked
    // inside her own thread).
    let report = app
        .get_json("/stats/health?interval=week", &helper.key)
        .await;
    let this_week = report["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(this_week["active_members"], 1, "{this_week}");
    assert_eq!(this_week["kudos_given"], 1, "{this_week}");
    app.stop().await;
}

/// Profiles count an answer, and what it received, as an anonymous asker's own through
/// `answers.by_asker` alone. On PostgreSQL the database sets it (and reactions' flag) for a
/// writer that does not, as for kudos above.
#[tokio::test]
async fn answers_written_without_the_flag_still_do_not_name_an_anonymous_asker_on_postgres() {
    let app = spawn_app(Backend::Postgres).await;
    let asker = app.member("asker").await;
    let helper = app.member("helper").await;
    let q = app
        .ask(&asker.key, "An anonymous question", "b", &[], true)
        .await["id"]
        .as_i64()
        .unwrap();
    let now = chrono::Utc::now().timestamp_micros();
    app.execute_sql(&format!(
        "INSERT INTO answers (question_id, author_id, body, created_at, updated_at) \
         VALUES ({q}, {}, 'what I did in the end', {now}, {now})",
        asker.id
    ))
    .await;
    app.execute_sql(&format!(
        "INSERT INTO answer_reactions (answer_id, member_id, kind, created_at) \
         SELECT id, {}, 'helpful', {now} FROM answers WHERE question_id = {q}",
        helper.id
    ))
    .await;
    assert_eq!(
        app.execute_sql("UPDATE answer_reactions SET kind = kind WHERE by_asker")
            .await,
        0,
        "the helper's reaction is not the asker's"
    );
    let profile = app
        .get_json(&format!("/members/{}", asker.id), &helper.key)
        .await;
    assert_eq!(
        (
            profile["answers"].as_i64(),
            profile["helpful_received"].as_i64()
        ),
        (Some(0), Some(0)),
        "{profile}"
    );
    app.execute_sql(&format!(
        "INSERT INTO answer_reactions (answer_id, member_id, kind, created_at) \
         SELECT id, {}, 'thanks', {now} FROM answers WHERE question_id = {q}",
        asker.id
    ))
    .await;
    assert_eq!(
        app.execute_sql("UPDATE answer_reactions SET kind = kind WHERE by_asker")
            .await,
        1,
        "the database marks the asker's own reactions in her thread"
    );
    app.stop().await;
}
