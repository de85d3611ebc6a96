//! Many members writing at once: no lost writes, no "database is locked" errors.

use crate::helpers::json_of;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    // Writes that arrive together share a commit on SQLite (group commit, `store::writer`),
    // each in a savepoint: one refused by the database (a taken e-mail) must take no one
    // else's rows with it, and every write answered 201 must be there afterwards.
    async fn writes_committed_together_are_kept_or_refused_each_on_its_own(app) {
        let asker = app.member("asker").await;
        let mut tasks = Vec::new();
        for i in 0..48 {
            let client = app.client.clone();
            let (base, asker_key, admin_key) = (app.url(""), asker.key.clone(), app.admin_key.clone());
            tasks.push(tokio::spawn(async move {
                let r = match i % 3 {
                    // Half of these take the same e-mail: one is created, the rest refused.
                    0 => client.post(format!("{base}/members")).bearer_auth(&admin_key)
                        .json(&json!({"display_name": format!("m{i}"), "email": if i % 2 == 0 { "same@example.com".to_owned() } else { format!("m{i}@example.com") }}))
                        .send().await.unwrap(),
                    _ => client.post(format!("{base}/questions")).bearer_auth(&asker_key)
                        .json(&json!({"title": format!("Grouped question {i}"), "body": "b", "tags": ["grouped"]}))
                        .send().await.unwrap(),
                };
                let status = r.status();
                let body: serde_json::Value = r.json().await.unwrap();
                (i, status, body)
            }));
        }
        let (mut questions, mut members, mut refused) = (Vec::new(), Vec::new(), 0);
        for task in tasks {
            let (i, status, body) = task.await.unwrap();
            match (i % 3, status) {
                (0, StatusCode::CREATED) => members.push(body["member"]["id"].as_i64().unwrap()),
                (0, StatusCode::CONFLICT) => refused += 1,
                (_, StatusCode::CREATED) => questions.push(body["id"].as_i64().unwrap()),
                other => panic!("unexpected answer {other:?}: {body}"),
            }
        }
        assert_eq!(questions.len(), 32);
        // 16 member requests: 8 with their own e-mail, 8 sharing one (1 created, 7 refused).
        assert_eq!((members.len(), refused), (9, 7));
        for id in &questions {
            assert_eq!(app.get(&format!("/questions/{id}"), &asker.key).await.status(), StatusCode::OK);
        }
        for id in &members {
            assert_eq!(app.get(&format!("/members/{id}"), &app.admin_key).await.status(), StatusCode::OK);
        }
        let grouped = app.get_json("/questions?tag=grouped&limit=100", &asker.key).await;
        assert_eq!(grouped["items"].as_array().unwrap().len(), 32);
    }

    // Requests dropped by their clients while they write (actix drops the handler) must not
    // leave the writer stuck: later writes are answered at once and everything answered 201
    // is there.
    async fn writes_whose_clients_go_away_leave_the_writer_free(app) {
        let asker = app.member("asker").await;
        let mut tasks = Vec::new();
        for i in 0..40u64 {
            let client = reqwest::Client::builder()
                .timeout(std::time::Duration::from_millis(1 + i % 8))
                .build()
                .unwrap();
            let (base, key) = (app.url(""), asker.key.clone());
            tasks.push(tokio::spawn(async move {
                let r = client.post(format!("{base}/questions")).bearer_auth(&key)
                    .json(&json!({"title": format!("Impatient question {i}"), "body": "b", "tags": ["impatient"]}))
                    .send().await;
                match r {
                    Ok(r) if r.status() == StatusCode::CREATED => r.json::<serde_json::Value>().await.ok().and_then(|b| b["id"].as_i64()),
                    Ok(r) => panic!("unexpected {}", r.status()),
                    Err(_) => None,
                }
            }));
        }
        let mut answered = Vec::new();
        for task in tasks {
            answered.extend(task.await.unwrap());
        }
        let started = std::time::Instant::now();
        let q = app.ask(&asker.key, "After the impatient ones", "b", &["impatient"], false).await;
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "the writer was held for {:?}", started.elapsed());
        let listed = app.get_json("/questions?tag=impatient&limit=100", &asker.key).await;
        let listed: Vec<i64> = listed["items"].as_array().unwrap().iter().map(|q| q["id"].as_i64().unwrap()).collect();
        assert!(listed.contains(&q["id"].as_i64().unwrap()));
        for id in answered {
            assert!(listed.contains(&id), "question {id} was answered 201 but is not there");
        }
    }

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

on_both_databases! {
    async fn answering_deleting_and_hiding_in_one_thread_at_once_never_fails(app) {
        // Writers that lock an answer, its question, the events and the per-day rollups, all
        // at once (a review helper's cases: each deadlocked on PostgreSQL, a 500 for one of the
        // two requests): a helper answering while her other answers are deleted and hidden
        // through reports, members answering questions their asker deletes meanwhile, and the
        // asker switching anonymity and reacting. Every request succeeds or finds its post gone.
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let other = app.member("other").await;
        let moderator = app.member_with_role("moderator", "moderator").await;
        let thread = app.ask(&asker.key, "Where do I see the run history", "b", &[], false).await["id"].as_i64().unwrap();
        let mut answers = Vec::new();
        let mut reports = Vec::new();
        for i in 0..16 {
            let a = app.answer(&helper.key, thread, &format!("Look here, number {i}")).await["id"].as_i64().unwrap();
            let report = json_of(app.post("/reports", &other.key, json!({"target_kind": "answer", "target_id": a, "reason": "spam"})).await, StatusCode::CREATED).await;
            answers.push(a);
            reports.push(report["id"].as_i64().unwrap());
        }
        let mut doomed = Vec::new();
        for i in 0..12 {
            doomed.push(app.ask(&asker.key, &format!("Soon deleted question {i}"), "b", &[], i % 2 == 0).await["id"].as_i64().unwrap());
        }
        let base = app.url("");
        let mut tasks = Vec::new();
        for worker in 0..6 {
            let client = app.client.clone();
            let key = match worker {
                0 | 1 | 4 => helper.key.clone(),
                2 => moderator.key.clone(),
                _ => asker.key.clone(),
            };
            let (base, answers, reports, doomed) = (base.clone(), answers.clone(), reports.clone(), doomed.clone());
            tasks.push(tokio::spawn(async move {
                let mut statuses = Vec::new();
                for i in 0..12 {
                    let request = match worker {
                        0 => client.post(format!("{base}/questions/{thread}/answers")).json(&json!({"body": format!("One more idea {i}")})),
                        1 => client.delete(format!("{base}/answers/{}", answers[i])),
                        2 => client.post(format!("{base}/reports/{}/resolve", reports[15 - i])).json(&json!({"action": "hide", "reason": "spam"})),
                        3 => client.delete(format!("{base}/questions/{}", doomed[i])),
                        4 => client.post(format!("{base}/questions/{}/answers", doomed[i])).json(&json!({"body": "Try the run history"})),
                        _ if i % 2 == 0 => client.patch(format!("{base}/questions/{thread}")).json(&json!({"anonymous": i % 4 == 0})),
                        _ => client.post(format!("{base}/answers/{}/reactions", answers[15 - i])).json(&json!({"kind": "helpful"})),
                    };
                    statuses.push(request.bearer_auth(&key).send().await.unwrap().status());
                }
                statuses
            }));
        }
        for task in tasks {
            for status in task.await.unwrap() {
                assert!(!status.is_server_error(), "{status}");
            }
        }
        app.assert_member_days_recount().await;
    }
}

/// A transaction PostgreSQL aborts to break a deadlock is run again, not answered with a 500
/// (`with_writer!`). Another session holds the question's row lock while the API deletes one
/// of its answers (which locks the answer, then waits for the question), then asks for the
/// answer's lock: a cycle. The API's session waited first, so its deadlock check (after
/// PostgreSQL's `deadlock_timeout`, 1 s) runs first and aborts it; run again, it waits for the
/// other session to commit and deletes the answer. On a loaded machine PostgreSQL now and then
/// aborts the other session instead (its check ran first); that round proves nothing and the
/// scenario runs again, up to five rounds.
#[tokio::test]
async fn a_transaction_aborted_by_a_deadlock_is_run_again() {
    use sqlx::Connection;
    let app = crate::helpers::spawn_app(crate::helpers::Backend::Postgres).await;
    let asker = app.member("asker").await;
    let helper = app.member("helper").await;
    let q = app
        .ask(&asker.key, "Which trigger fits", "b", &[], false)
        .await["id"]
        .as_i64()
        .unwrap();
    let mut other = sqlx::PgConnection::connect(&app.database_url)
        .await
        .unwrap();
    for round in 1..=5 {
        let a = app.answer(&helper.key, q, "The scheduled one").await["id"]
            .as_i64()
            .unwrap();
        sqlx::query("BEGIN").execute(&mut other).await.unwrap();
        sqlx::query("SELECT id FROM questions WHERE id = $1 FOR UPDATE")
            .bind(q)
            .execute(&mut other)
            .await
            .unwrap();
        let client = app.client.clone();
        let (url, key) = (app.url(&format!("/answers/{a}")), helper.key.clone());
        let delete = tokio::spawn(async move {
            client
                .delete(url)
                .bearer_auth(key)
                .send()
                .await
                .unwrap()
                .status()
        });
        // Until the API's transaction holds the answer and waits for the question.
        let waiting = "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";
        for _ in 0..100 {
            let n: i64 = sqlx::query_scalar(waiting)
                .fetch_one(&mut other)
                .await
                .unwrap();
            if n > 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        // Granted once PostgreSQL has aborted the API's transaction.
        let granted = sqlx::query("SELECT id FROM answers WHERE id = $1 FOR UPDATE")
            .bind(a)
            .execute(&mut other)
            .await;
        let victim_was_other = match &granted {
            Ok(_) => false,
            Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("40P01") => true,
            Err(e) => panic!("{e}"),
        };
        let end = if victim_was_other {
            "ROLLBACK"
        } else {
            "COMMIT"
        };
        sqlx::query(end).execute(&mut other).await.unwrap();
        assert_eq!(delete.await.unwrap(), StatusCode::NO_CONTENT);
        assert_eq!(
            app.get(&format!("/answers/{a}"), &helper.key)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        if !victim_was_other {
            app.stop().await;
            return;
        }
        eprintln!("round {round}: PostgreSQL aborted the other session; again");
    }
    panic!("PostgreSQL never aborted the API's transaction in five rounds");
}

/// PostgreSQL connections that sat idle are pinged before use (`store::PING_WHEN_IDLE_SECS`,
/// 5 s; busy ones are not, to spare a round trip per query): connections cut behind the
/// service's back while idle — a server restart, a firewall's timeout — are replaced, and the
/// next requests are answered instead of failing. One used a moment before the cut fails its
/// next request with a retryable 503, never a 500. (SQLite's are a local file's.)
#[tokio::test]
async fn connections_cut_while_idle_are_replaced_before_use() {
    // The webhook worker would otherwise come upon the cut connections first.
    let app = crate::helpers::spawn_app_with(crate::helpers::Backend::Postgres, |config| {
        config.webhooks.poll_ms = 600_000;
    })
    .await;
    let reader = app.member("reader").await;
    assert_eq!(
        app.get("/questions", &reader.key).await.status(),
        StatusCode::OK
    );
    // Every other session on the service's database ends, as in a restart.
    let cut = app
        .execute_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid() \
             AND backend_type = 'client backend' AND usename = current_user",
        )
        .await;
    assert!(cut >= 1, "the service held no connection to cut");
    // At once: the connection was in use moments ago (503), unless the test ran slowly
    // enough for it to count as idle (pinged and replaced: 200).
    let response = app.get("/questions", &reader.key).await;
    match response.status() {
        StatusCode::OK => {}
        StatusCode::SERVICE_UNAVAILABLE => {
            let problem = json_of(response, StatusCode::SERVICE_UNAVAILABLE).await;
            assert_eq!(problem["code"], "unavailable");
        }
        other => panic!(
            "a cut connection answered {other}: {:?}",
            response.text().await
        ),
    }
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    for _ in 0..5 {
        let response = app.get("/questions", &reader.key).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{:?}",
            response.text().await
        );
    }
    app.stop().await;
}

/// The bundled SQLite is built without the shared page-cache LRU and without allocation
/// statistics (`LIBSQLITE3_FLAGS` in `.cargo/config.toml`): both took a process-wide mutex on
/// every page fetch or allocation, which the reading connections queued on. Fails when the
/// setting no longer reaches libsqlite3-sys's build (e.g. an exported `LIBSQLITE3_FLAGS`).
#[tokio::test]
async fn sqlite_is_built_without_process_wide_locks() {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
        .await
        .unwrap();
    let options: Vec<String> = sqlx::query_scalar("PRAGMA compile_options")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert!(
        options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
        "{options:?}"
    );
    assert!(
        !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
        "{options:?}"
    );
}
