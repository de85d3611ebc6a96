//! Latency and throughput of the main reads and writes over real HTTP, on a seeded database.
//!
//! `cargo bench --bench api` runs on SQLite; set `TSUNAGU_BENCH_POSTGRES_URL` (a server where
//! the user may create databases) to measure PostgreSQL too. `TSUNAGU_BENCH_QUESTIONS` sets the
//! number of seeded questions (default 5000): asked through the store by 50 members, a fifth
//! anonymously, seven in ten answered by someone else, spread over the last 18.25 days (a
//! twentieth of a year). `TSUNAGU_BENCH_COPIES=N` then copies that history N times further
//! back, each copy one span older, with SQL (`10000` × `99` copies = 1,000,000 questions over
//! five years, as a community with years of history has); the copies are search-indexed before
//! measuring. Prints one line per scenario — the API's reads and writes, the statistics, then
//! the members' pages (with the largest body each returned), then — on a fresh database of its
//! own — how fast one webhook worker empties a backlog of 10,000 events; asserts nothing.
//! `TSUNAGU_BENCH_ONLY=sqlite|postgres` measures one database; `TSUNAGU_BENCH_MATCH=stats,page`
//! only the scenarios whose label holds one of those texts; `TSUNAGU_BENCH_KEEP=1` keeps the seeded
//! databases (their paths are printed) for `EXPLAIN` and profiling.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};
use tsunagu::config::Config;
use tsunagu::domain::search::normalize;
use tsunagu::domain::tag::TagSlug;
use tsunagu::startup::{bootstrap_admin, open_store, Application};
use tsunagu::store::members::NewMember;
use tsunagu::store::questions::NewQuestion;

/// Members who ask and answer in the seeded history (the first is the admin).
const MEMBERS: usize = 50;
/// The seeded questions are spread over this span before now (a twentieth of a year).
const SPAN_MICROS: i64 = 365 * 86_400_000_000 / 20;

const JA_WORDS: &[&str] = &[
    "承認",
    "フロー",
    "経費精算",
    "申請",
    "通知",
    "メール",
    "SharePoint",
    "リスト",
    "Teams",
    "Excel",
    "テーブル",
    "自動化",
    "差し戻し",
    "期限",
    "ボタン",
    "ギャラリー",
    "コネクタ",
    "変数",
];
const EN_WORDS: &[&str] = &[
    "approval",
    "flow",
    "expense",
    "request",
    "notify",
    "email",
    "list",
    "table",
    "trigger",
    "gallery",
    "connector",
    "variable",
    "button",
    "deadline",
    "loop",
    "condition",
];
const TAGS: &[&str] = &[
    "approvals",
    "excel",
    "sharepoint",
    "teams",
    "outlook",
    "経費精算",
    "power-apps",
];

fn pick<'a>(words: &[&'a str], seed: usize, n: usize) -> Vec<&'a str> {
    (0..n)
        .map(|i| words[(seed * 5 + i * 3 + i * i) % words.len()])
        .collect()
}

async fn seed(url: &str, questions: usize, copies: usize) -> (Application, String) {
    let config = Config {
        bind: "127.0.0.1:0".parse().unwrap(),
        database_url: url.to_owned(),
        // Measure the service, not the limiter.
        rate_limit_per_minute: 0,
        // The webhook scenario's receiver listens on loopback over plain HTTP.
        webhooks: tsunagu::config::WebhookConfig {
            allow_hosts: vec!["127.0.0.1".into()],
            ..Default::default()
        },
        ..Config::default()
    };
    let store = open_store(&config).await.unwrap();
    let key = bootstrap_admin(&store)
        .await
        .unwrap()
        .expect("fresh database");
    let started = Instant::now();
    let mut members = vec![1_i64];
    for m in 1..MEMBERS {
        let (row, _) = store
            .create_member(
                &NewMember {
                    display_name: &format!("メンバー {m}"),
                    email: None,
                    role: tsunagu::domain::member::Role::Member,
                },
                None,
            )
            .await
            .unwrap();
        members.push(row.id);
    }
    for i in 0..questions {
        let (title, body) = if i % 2 == 0 {
            (
                format!(
                    "{}の{}で{}したい {i}",
                    pick(JA_WORDS, i, 1)[0],
                    pick(JA_WORDS, i + 1, 1)[0],
                    pick(JA_WORDS, i + 2, 1)[0]
                ),
                pick(JA_WORDS, i + 3, 40).join("と"),
            )
        } else {
            (
                format!(
                    "How to {} a {} {} {i}",
                    pick(EN_WORDS, i, 1)[0],
                    pick(EN_WORDS, i + 1, 1)[0],
                    pick(EN_WORDS, i + 2, 1)[0]
                ),
                pick(EN_WORDS, i + 3, 60).join(" "),
            )
        };
        let tags: Vec<TagSlug> = pick(TAGS, i, 2)
            .iter()
            .map(|t| TagSlug::parse("t", t).unwrap())
            .collect();
        let author = members[(i * 7) % MEMBERS];
        let id = store
            .create_question(&NewQuestion {
                author_id: author,
                title: &title,
                body: &body,
                search_title: &normalize(&title),
                search_body: &normalize(&body),
                anonymous: i % 5 == 0,
                tags: &tags,
            })
            .await
            .unwrap();
        if i % 10 < 7 {
            let helper = members[(i * 7 + 1 + i % 13) % MEMBERS];
            let answer = store
                .create_answer(id, helper, "この手順で解決できます。")
                .await
                .unwrap()
                .unwrap();
            // Four in ten questions get an accepted answer, and their asker finds two in
            // ten answers helpful (the profiles and the leaderboard have figures to count).
            if i % 10 < 4 {
                store.set_accepted(id, answer, true).await.unwrap();
            }
            if i % 5 == 1 {
                store
                    .set_reaction(
                        answer,
                        author,
                        tsunagu::domain::question::ReactionKind::Helpful,
                        true,
                    )
                    .await
                    .unwrap();
            }
        }
    }
    // A tip and a win for every twentieth question; wins cite a question and a tip, and every
    // other win gets kudos (the tips, wins and member pages, and the figures, have rows to show).
    let mut tips = Vec::new();
    for i in 0..questions / 20 {
        let title = format!(
            "{}を{}するコツ {i}",
            pick(JA_WORDS, i, 1)[0],
            pick(JA_WORDS, i + 1, 1)[0]
        );
        let body = pick(JA_WORDS, i + 2, 30).join("と");
        let tags: Vec<TagSlug> = pick(TAGS, i, 1)
            .iter()
            .map(|t| TagSlug::parse("t", t).unwrap())
            .collect();
        let tip = store
            .create_tip(&tsunagu::store::tips::NewTip {
                author_id: members[(i * 11) % MEMBERS],
                title: &title,
                body: &body,
                search_title: &normalize(&title),
                search_body: &normalize(&body),
                level: tsunagu::domain::tip::TipLevel::Beginner,
                featured: i % 7 == 0,
                tags: &tags,
            })
            .await
            .unwrap();
        tips.push(tip);
        let title = format!(
            "{}の{}を自動化 {i}",
            pick(JA_WORDS, i + 3, 1)[0],
            pick(JA_WORDS, i + 4, 1)[0]
        );
        let story = pick(JA_WORDS, i + 5, 30).join("と");
        let author = members[(i * 13 + 2) % MEMBERS];
        let win = store
            .create_win(
                author,
                &tsunagu::store::wins::WinContent {
                    title: &title,
                    story: &story,
                    search_title: &normalize(&title),
                    search_body: &normalize(&story),
                    minutes_saved_per_run: (5 + i % 30) as f64,
                    runs_per_month: (4 + i % 40) as i64,
                    people_helped: (1 + i % 5) as i64,
                    money: None,
                    link: None,
                    tags: &tags,
                    helped_by_questions: &[(1 + i * 20 % questions) as i64],
                    helped_by_tips: &[tip],
                },
            )
            .await
            .unwrap();
        if i % 2 == 0 {
            let giver = members[(i * 13 + 5) % MEMBERS];
            store
                .give_kudos(giver, author, "win", win, None)
                .await
                .unwrap();
        }
    }
    eprintln!(
        "  seeded {questions} questions, {} tips and {} wins in {:.1} s",
        tips.len(),
        tips.len(),
        started.elapsed().as_secs_f64()
    );
    history(url, questions, copies).await;
    if copies > 0 {
        let started = Instant::now();
        let indexed = store.index_unindexed().await.unwrap();
        eprintln!(
            "  search-indexed {indexed} copied rows in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    // A live PostgreSQL has statistics and vacuumed tables (autovacuum analyzes tables as
    // they grow, and flushes the GIN index's pending list); a database seeded a second ago
    // (and rewritten by `history`) does not yet, and its plans would be measured instead of ours.
    if url.starts_with("postgres") {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::raw_sql("VACUUM ANALYZE")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    (Application::build_with_store(config, store).unwrap(), key)
}

/// Spreads the seeded questions over the last [`SPAN_MICROS`] (answers 0–72 hours after the
/// question, helpful reactions an hour after the answer, never later than now), then copies
/// them `copies` times, each copy one span further back. Plain SQL on the benchmark's own
/// database: the store has no way to write the past, by design.
async fn history(url: &str, questions: usize, copies: usize) {
    let mut conn = Raw::connect(url).await;
    let now = chrono::Utc::now().timestamp_micros();
    let n = questions as i64;
    let postgres = url.starts_with("postgres");
    let statements = vec![
        format!("UPDATE questions SET created_at = {now} - ({n} - id) * {SPAN_MICROS} / {n} - 1000000"),
        "UPDATE questions SET updated_at = created_at, last_activity_at = created_at, \
             first_answer_at = CASE WHEN first_answer_at IS NULL THEN NULL ELSE created_at + (id * 7919 % 4320) * 60000000 END".into(),
        "UPDATE answers SET created_at = COALESCE((SELECT q.first_answer_at FROM questions q WHERE q.id = answers.question_id), created_at), \
             updated_at = COALESCE((SELECT q.first_answer_at FROM questions q WHERE q.id = answers.question_id), updated_at)".into(),
        format!("UPDATE answer_reactions SET created_at = COALESCE((SELECT CASE WHEN a.created_at + 3600000000 < {now} THEN a.created_at + 3600000000 ELSE {now} END FROM answers a WHERE a.id = answer_reactions.answer_id), created_at)"),
    ];
    for sql in statements {
        conn.execute(&sql).await;
    }
    if copies == 0 {
        return;
    }
    let started = Instant::now();
    let answers = conn
        .number("SELECT COALESCE(MAX(id), 0) FROM answers")
        .await;
    let (overriding, grams, gram_values) = if postgres {
        (
            "OVERRIDING SYSTEM VALUE",
            ", search_grams",
            ", search_grams",
        )
    } else {
        ("", "", "")
    };
    if postgres {
        // Maintaining the gram indexes row by row would take most of an hour; rebuilt below.
        conn.execute("DROP INDEX questions_search_grams").await;
        conn.execute("DROP INDEX question_title_grams_question")
            .await;
        conn.execute("ALTER TABLE question_title_grams DROP CONSTRAINT question_title_grams_pkey")
            .await;
    }
    for c in 1..=copies as i64 {
        let shift = c * SPAN_MICROS;
        conn.execute("BEGIN").await;
        for sql in [
            format!("INSERT INTO questions (id, author_id, title, body, search_title, search_body, anonymous, status, answer_count, me_too_count, first_answer_at, created_at, updated_at, last_activity_at{grams}) {overriding} \
                     SELECT id + {c} * {n}, author_id, title, body, search_title, search_body, anonymous, status, answer_count, me_too_count, first_answer_at - {shift}, created_at - {shift}, updated_at - {shift}, last_activity_at - {shift}{gram_values} \
                     FROM questions WHERE id <= {n} ORDER BY id"),
            format!("INSERT INTO question_tags (question_id, tag_id) SELECT question_id + {c} * {n}, tag_id FROM question_tags WHERE question_id <= {n}"),
            format!("INSERT INTO answers (id, question_id, author_id, body, created_at, updated_at, by_asker) {overriding} \
                     SELECT id + {c} * {answers}, question_id + {c} * {n}, author_id, body, created_at - {shift}, updated_at - {shift}, by_asker FROM answers WHERE id <= {answers} ORDER BY id"),
            format!("INSERT INTO answer_reactions (answer_id, member_id, kind, created_at, by_asker) \
                     SELECT answer_id + {c} * {answers}, member_id, kind, created_at - {shift}, by_asker FROM answer_reactions WHERE answer_id <= {answers}"),
            // The acceptances last: they refer to the copied answers.
            format!("UPDATE questions SET accepted_answer_id = (SELECT p.accepted_answer_id + {c} * {answers} FROM questions p WHERE p.id = questions.id - {c} * {n}) \
                     WHERE id > {c} * {n} AND id <= ({c} + 1) * {n} AND id - {c} * {n} IN (SELECT id FROM questions WHERE id <= {n} AND accepted_answer_id IS NOT NULL)"),
        ] {
            conn.execute(&sql).await;
        }
        if postgres {
            conn.execute(&format!("INSERT INTO question_title_grams (gram, question_id) SELECT gram, question_id + {c} * {n} FROM question_title_grams WHERE question_id <= {n}"))
                .await;
        }
        conn.execute("COMMIT").await;
    }
    if !postgres {
        // The copies have no search grams yet (SQLite's gram table is contentless, nothing to
        // copy from): name the table for the store's backfill.
        conn.execute(
            "INSERT INTO search_backfill (table_name) VALUES ('questions') ON CONFLICT DO NOTHING",
        )
        .await;
    }
    if postgres {
        conn.execute("CREATE INDEX questions_search_grams ON questions USING gin (search_grams)")
            .await;
        conn.execute("ALTER TABLE question_title_grams ADD PRIMARY KEY (gram, question_id)")
            .await;
        conn.execute(
            "CREATE INDEX question_title_grams_question ON question_title_grams (question_id)",
        )
        .await;
        for table in ["questions", "answers"] {
            conn.execute(&format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"))
                .await;
        }
    }
    eprintln!(
        "  copied the history {copies} times ({} questions) in {:.1} s",
        n * (copies as i64 + 1),
        started.elapsed().as_secs_f64()
    );
}

/// A connection to the benchmark's database, whichever it is.
enum Raw {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Raw {
    async fn connect(url: &str) -> Self {
        use sqlx::Connection;
        if url.starts_with("postgres") {
            Raw::Postgres(sqlx::PgConnection::connect(url).await.unwrap())
        } else {
            Raw::Sqlite(sqlx::SqliteConnection::connect(url).await.unwrap())
        }
    }

    async fn execute(&mut self, sql: &str) {
        match self {
            Raw::Sqlite(c) => sqlx::raw_sql(sql).execute(c).await.map(|_| ()),
            Raw::Postgres(c) => sqlx::raw_sql(sql).execute(c).await.map(|_| ()),
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    async fn number(&mut self, sql: &str) -> i64 {
        match self {
            Raw::Sqlite(c) => sqlx::query_scalar(sql).fetch_one(c).await,
            Raw::Postgres(c) => sqlx::query_scalar(sql).fetch_one(c).await,
        }
        .unwrap()
    }
}

/// Whether any of the comma-separated texts of `TSUNAGU_BENCH_MATCH` (unset: everything) is
/// part of the scenario's label.
fn selected(label: &str) -> bool {
    std::env::var("TSUNAGU_BENCH_MATCH")
        .map_or(true, |m| m.split(',').any(|part| label.contains(part)))
}

/// What the webhook receiver got: when each question's event first arrived, and all posts.
#[derive(Default)]
struct Arrivals {
    first: std::collections::HashMap<i64, Instant>,
    posts: usize,
}

/// A webhook receiver on a free loopback port that answers 200 at once and records arrivals.
fn receiver() -> (u16, std::sync::Arc<std::sync::Mutex<Arrivals>>) {
    use actix_web::{web, App, HttpResponse, HttpServer};
    use std::sync::{Arc, Mutex};
    type Shared = Arc<Mutex<Arrivals>>;
    let arrivals: Shared = Arc::default();
    let shared = arrivals.clone();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(shared.clone()))
            .default_service(web::to(
                |body: web::Json<serde_json::Value>, arrivals: web::Data<Shared>| async move {
                    if let Some(id) = body["question"]["id"].as_i64() {
                        let mut seen = arrivals.lock().unwrap();
                        seen.first.entry(id).or_insert_with(Instant::now);
                        seen.posts += 1;
                    }
                    HttpResponse::Ok().finish()
                },
            ))
    })
    .workers(2)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let port = server.addrs()[0].port();
    tokio::spawn(server.run());
    (port, arrivals)
}

/// Events in the webhook backlog scenario.
const BACKLOG: usize = 10_000;

/// Webhooks, a backlog: [`BACKLOG`] `question.posted` events wait in the outbox of a fresh
/// database at `url` (written through the store while no worker runs, one subscription), then
/// one worker with the default settings starts. Prints the time from its start to the last
/// arrival at a local receiver (which answers 200 at once), and events per second.
async fn webhook_backlog(url: &str) {
    use tsunagu::store::subscriptions::NewSubscription;
    let label = "webhook backlog: 10,000 events delivered";
    if !selected(label) {
        return;
    }
    let config = Config {
        database_url: url.to_owned(),
        webhooks: tsunagu::config::WebhookConfig {
            allow_hosts: vec!["127.0.0.1".into()],
            ..Default::default()
        },
        ..Config::default()
    };
    let store = open_store(&config).await.unwrap();
    bootstrap_admin(&store).await.unwrap();
    let (port, arrivals) = receiver();
    let callback = format!("http://127.0.0.1:{port}/hook");
    store
        .create_subscription(&NewSubscription {
            member_id: 1,
            event_type: "question.posted",
            callback_url: &callback,
            secret: None,
            tag: None,
            level: None,
            mine_only: false,
            unanswered_hours: None,
        })
        .await
        .unwrap();
    let started = Instant::now();
    for i in 0..BACKLOG {
        let title = format!("Backlog question {i}");
        store
            .create_question(&NewQuestion {
                author_id: 1,
                title: &title,
                body: "b",
                search_title: &normalize(&title),
                search_body: "b",
                anonymous: false,
                tags: &[],
            })
            .await
            .unwrap();
    }
    eprintln!(
        "  queued {BACKLOG} events in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let worker = tsunagu::webhooks::Worker::new(
        store.clone(),
        config.webhooks.clone(),
        "http://127.0.0.1".into(),
        None,
    )
    .unwrap()
    .spawn();
    let started = Instant::now();
    while arrivals.lock().unwrap().first.len() < BACKLOG
        && started.elapsed() < Duration::from_secs(300)
    {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let total = started.elapsed();
    let (unique, posts) = {
        let seen = arrivals.lock().unwrap();
        (seen.first.len(), seen.posts)
    };
    worker.shutdown().await;
    println!(
        "  {label:<44} in {:>6.2} s  {:>6.0} events/s  ({unique} of {BACKLOG} arrived, {posts} posts)",
        total.as_secs_f64(),
        unique as f64 / total.as_secs_f64(),
    );
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

async fn measure(key: &str, label: &str, make: impl Fn(usize) -> reqwest::RequestBuilder) {
    if !selected(label) {
        return;
    }
    let rounds = 200;
    let mut times = Vec::with_capacity(rounds);
    let mut largest = 0usize;
    for i in 0..rounds {
        let started = Instant::now();
        let response = make(i).bearer_auth(key).send().await.unwrap();
        let status = response.status();
        largest = largest.max(response.bytes().await.unwrap().len());
        times.push(started.elapsed());
        assert!(status.is_success(), "{label}: {status}");
    }
    times.sort();
    // Throughput with 16 requests in flight.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..16 {
        let request = make(worker).bearer_auth(key);
        tasks.push(tokio::spawn(async move {
            for _ in 0..25 {
                let r = request.try_clone().unwrap().send().await.unwrap();
                r.bytes().await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let rps = 400.0 / started.elapsed().as_secs_f64();
    println!(
        "  {label:<44} p50 {:>7.2} ms  p95 {:>7.2} ms  max {:>7.2} ms  {:>7.0} req/s (16 in flight)  largest body {:>6.1} KB",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        percentile(&times, 1.0),
        rps,
        largest as f64 / 1024.0
    );
}

async fn run(backend: &str, url: &str, questions: usize, copies: usize) {
    println!("{backend}:");
    let (app, key) = seed(url, questions, copies).await;
    let base = format!("http://127.0.0.1:{}/api/v1", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let get = |path: String| {
        let client = client.clone();
        let base = base.clone();
        move |_: usize| client.get(format!("{base}{path}"))
    };
    measure(
        &key,
        "GET /questions (newest, 20)",
        get("/questions".into()),
    )
    .await;
    measure(
        &key,
        "GET /questions?tag=excel",
        get("/questions?tag=excel".into()),
    )
    .await;
    measure(
        &key,
        "GET /questions?q=承認 (2 chars)",
        get("/questions?q=%E6%89%BF%E8%AA%8D".into()),
    )
    .await;
    measure(
        &key,
        "GET /questions?q=経費精算 (trigram)",
        get("/questions?q=%E7%B5%8C%E8%B2%BB%E7%B2%BE%E7%AE%97".into()),
    )
    .await;
    measure(
        &key,
        "GET /questions?q=approval flow",
        get("/questions?q=approval%20flow".into()),
    )
    .await;
    measure(
        &key,
        "GET /questions?q=zzzz (no match)",
        get("/questions?q=zzzz".into()),
    )
    .await;
    measure(&key, "GET /questions/similar (Japanese draft)", get("/questions/similar?title=%E7%B5%8C%E8%B2%BB%E7%B2%BE%E7%AE%97%E3%81%AE%E6%89%BF%E8%AA%8D%E3%83%95%E3%83%AD%E3%83%BC%E3%81%8C%E6%AD%A2%E3%81%BE%E3%82%8B".into())).await;
    measure(
        &key,
        "GET /questions/similar (English draft)",
        get("/questions/similar?title=approval%20flow%20is%20stuck".into()),
    )
    .await;
    measure(&key, "GET /questions/{id}", {
        let client = client.clone();
        let base = base.clone();
        move |i: usize| client.get(format!("{base}/questions/{}", 1 + i % questions))
    })
    .await;
    measure(&key, "POST /questions", {
        let client = client.clone();
        let base = base.clone();
        move |i: usize| {
            client
                .post(format!("{base}/questions"))
                .json(&serde_json::json!({
                    "title": format!("ベンチマークの質問 {i}"), "body": "本文", "tags": ["bench"]
                }))
        }
    })
    .await;
    for (label, path) in [
        ("GET /stats/health (12 weeks)", "/stats/health"),
        (
            "GET /stats/health?interval=month (13)",
            "/stats/health?interval=month",
        ),
        (
            "GET /stats/health.csv?interval=month",
            "/stats/health.csv?interval=month",
        ),
        ("GET /stats/summary", "/stats/summary"),
    ] {
        measure(&key, label, get(path.into())).await;
    }
    // The members' pages (an API key header signs a page request in, as a session would).
    let site = base.trim_end_matches("/api/v1").to_owned();
    let page = |path: String| {
        let client = client.clone();
        let site = site.clone();
        move |_: usize| {
            client
                .get(format!("{site}{path}"))
                .header("Accept-Language", "ja")
        }
    };
    for (label, path) in [
        ("page / (home)", "/"),
        ("page /search?q=承認", "/search?q=%E6%89%BF%E8%AA%8D"),
        ("page /tags", "/tags"),
        ("page /tips", "/tips"),
        ("page /wins", "/wins"),
        ("page /ask", "/ask"),
        ("page /?tag=excel", "/?tag=excel"),
        ("page /tips/new", "/tips/new"),
        ("page /wins/new", "/wins/new"),
        ("page /settings", "/settings"),
        ("page /dashboard", "/dashboard"),
    ] {
        measure(&key, label, page(path.into())).await;
    }
    measure(&key, "page /questions/{id}", {
        let client = client.clone();
        let site = site.clone();
        move |i: usize| client.get(format!("{site}/questions/{}", 1 + i % questions))
    })
    .await;
    // Tips and wins: one for every twentieth question (see `seed`); members: the 50 who post.
    let few = (questions / 20).max(1);
    for (label, kind, count) in [
        ("page /tips/{id}", "tips", few),
        ("page /wins/{id}", "wins", few),
        ("page /members/{id}", "members", MEMBERS),
    ] {
        measure(&key, label, {
            let client = client.clone();
            let site = site.clone();
            move |i: usize| client.get(format!("{site}/{kind}/{}", 1 + i % count))
        })
        .await;
    }
    if selected("webhook") {
        webhooks(&key, &base).await;
    }
}

/// Webhooks: with one subscription, post questions (16 at a time) and time each event from
/// the 201 to its arrival at a local receiver, with the default worker settings.
async fn webhooks(key: &str, base: &str) {
    let (port, arrivals) = receiver();
    let client = reqwest::Client::new();
    let subscribed = client
        .post(format!("{base}/subscriptions/question-posted"))
        .bearer_auth(key)
        .json(&serde_json::json!({"callback_url": format!("http://127.0.0.1:{port}/hook")}))
        .send()
        .await
        .unwrap();
    assert_eq!(subscribed.status(), 201);
    const EVENTS: usize = 400;
    let started = Instant::now();
    let mut created: Vec<(i64, Instant)> = Vec::new();
    let mut tasks = Vec::new();
    for chunk in 0..EVENTS / 16 {
        for j in 0..16 {
            let (client, base, key) = (client.clone(), base.to_owned(), key.to_owned());
            tasks.push(tokio::spawn(async move {
                let response = client
                    .post(format!("{base}/questions"))
                    .bearer_auth(key)
                    .json(&serde_json::json!({"title": format!("Webhook bench {chunk} {j}"), "body": "b"}))
                    .send()
                    .await
                    .unwrap();
                let at = Instant::now();
                let body: serde_json::Value = response.json().await.unwrap();
                (body["id"].as_i64().unwrap(), at)
            }));
        }
        for t in tasks.drain(..) {
            created.push(t.await.unwrap());
        }
    }
    while arrivals.lock().unwrap().first.len() < EVENTS
        && started.elapsed() < Duration::from_secs(120)
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let total = started.elapsed();
    let arrived = arrivals.lock().unwrap().first.clone();
    let mut latencies: Vec<Duration> = created
        .iter()
        .filter_map(|(id, at)| {
            arrived
                .get(id)
                .map(|got| got.saturating_duration_since(*at))
        })
        .collect();
    latencies.sort();
    println!(
        "  {:<44} p50 {:>7.2} ms  p95 {:>7.2} ms  {:>6.0} events/s  ({} of {EVENTS} delivered)",
        "webhook: 201 → delivered (question.posted)",
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.95),
        latencies.len() as f64 / total.as_secs_f64(),
        latencies.len()
    );
}

#[tokio::main]
async fn main() {
    let questions: usize = std::env::var("TSUNAGU_BENCH_QUESTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let copies: usize = std::env::var("TSUNAGU_BENCH_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    // For scripts/bench.sh, which measures the release binary with wrk: seed one empty
    // database and print the admin's key, or run only the webhook backlog on one.
    if let Ok(url) = std::env::var("TSUNAGU_BENCH_SEED") {
        let (_app, key) = seed(&url, questions, copies).await;
        println!("key={key}");
        return;
    }
    if let Ok(url) = std::env::var("TSUNAGU_BENCH_BACKLOG") {
        webhook_backlog(&url).await;
        return;
    }
    let only = std::env::var("TSUNAGU_BENCH_ONLY").unwrap_or_default();
    let keep = std::env::var("TSUNAGU_BENCH_KEEP").is_ok_and(|v| v == "1");
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().to_owned();
    if keep {
        // Left behind on purpose: the seeded files are for inspection.
        std::mem::forget(temp);
    }
    if only != "postgres" {
        let sqlite = format!("sqlite://{}", dir.join("bench.db").display());
        run("sqlite", &sqlite, questions, copies).await;
        if keep {
            println!("kept {sqlite}");
        }
        webhook_backlog(&format!("sqlite://{}", dir.join("backlog.db").display())).await;
    }
    if only == "sqlite" {
        return;
    }
    if let Ok(admin_url) = std::env::var("TSUNAGU_BENCH_POSTGRES_URL") {
        use sqlx::Connection;
        let name = format!("tsunagu_bench_{:08x}", rand::random::<u32>());
        let mut conn = sqlx::PgConnection::connect(&admin_url).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"))
            .execute(&mut conn)
            .await
            .unwrap();
        let mut url = url::Url::parse(&admin_url).unwrap();
        url.set_path(&name);
        run("postgres", url.as_str(), questions, copies).await;
        let backlog = format!("{name}_backlog");
        sqlx::query(&format!("CREATE DATABASE {backlog} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"))
            .execute(&mut conn)
            .await
            .unwrap();
        let mut backlog_url = url.clone();
        backlog_url.set_path(&backlog);
        webhook_backlog(backlog_url.as_str()).await;
        sqlx::query(&format!("DROP DATABASE {backlog} WITH (FORCE)"))
            .execute(&mut conn)
            .await
            .unwrap();
        if keep {
            println!("kept {url}");
            return;
        }
        sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .execute(&mut conn)
            .await
            .unwrap();
    } else {
        println!("postgres: skipped (set TSUNAGU_BENCH_POSTGRES_URL)");
    }
}
