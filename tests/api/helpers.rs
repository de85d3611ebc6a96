//! A real server on a random port over a fresh database, per test, on SQLite or PostgreSQL.

use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use sqlx::Connection;
use tsunagu::config::Config;
use tsunagu::startup::{bootstrap_admin, open_store, Application};

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A running tsunagu with its first admin's key.
pub struct TestApp {
    pub address: String,
    pub admin_key: String,
    pub database_url: String,
    pub backend: Backend,
    pub client: reqwest::Client,
    server: actix_web::dev::ServerHandle,
    /// The running app's store, for races no HTTP request can line up.
    pub store: tsunagu::store::Store,
    _dir: Option<tempfile::TempDir>,
}

/// A member made for a test.
#[derive(Debug, Clone)]
pub struct TestMember {
    pub id: i64,
    pub key: String,
}

fn init_logs() {
    if std::env::var("TEST_LOG").is_ok() {
        tsunagu::telemetry::init("debug", tsunagu::config::LogFormat::Text, std::io::stdout);
    }
}

/// The PostgreSQL server tests use (a maintenance database on it; each test gets its own).
pub fn postgres_admin_url() -> String {
    std::env::var("TSUNAGU_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "PostgreSQL tests need TSUNAGU_TEST_POSTGRES_URL (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres); \
             scripts/test.sh sets it up"
        )
    })
}

/// A fresh, empty database URL for `backend`.
pub async fn fresh_database(backend: Backend) -> (String, Option<tempfile::TempDir>) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("tsunagu.db").display());
            (url, Some(dir))
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let name = format!("tsunagu_test_{:016x}", rand::random::<u64>());
            let mut conn = sqlx::PgConnection::connect(&admin_url)
                .await
                .expect("connect to the PostgreSQL test server");
            sqlx::query(&format!(
                "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            ))
            .execute(&mut conn)
            .await
            .expect("create test database");
            let mut url = url::Url::parse(&admin_url).expect("postgres url");
            url.set_path(&name);
            (url.to_string(), None)
        }
    }
}

/// Drops a PostgreSQL test database, best effort: cleanup is not what the tests check, and a
/// backend the test role may not signal (an autovacuum worker) can hold it for a moment.
pub async fn drop_database(database_url: &str) {
    let name = url::Url::parse(database_url)
        .expect("url")
        .path()
        .trim_start_matches('/')
        .to_owned();
    let mut conn = sqlx::PgConnection::connect(&postgres_admin_url())
        .await
        .expect("connect");
    for attempt in 0..5 {
        // FORCE ends our own lingering sessions; it fails only when some backend we may not
        // signal (autovacuum) holds the database, and then waiting a moment helps.
        match sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn)
            .await
        {
            Ok(_) => return,
            Err(e) if attempt == 4 => eprintln!("could not drop test database {name}: {e}"),
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
        }
    }
}

/// Starts a server on a fresh database and creates its first admin.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Like [`spawn_app`], with settings changed by `configure` (e.g. an identity provider).
pub async fn spawn_app_with(backend: Backend, configure: impl FnOnce(&mut Config)) -> TestApp {
    init_logs();
    let (database_url, dir) = fresh_database(backend).await;
    let mut config = Config {
        bind: "127.0.0.1:0".parse().expect("addr"),
        database_url: database_url.clone(),
        db_max_connections: 5,
        workers: Some(1),
        max_body_bytes: 64 * 1024,
        // Tests make many quick requests; the rate-limit test sets its own limits.
        rate_limit_per_minute: 0,
        // Webhook receivers in tests listen on loopback over plain HTTP; deliveries and
        // retries run quickly.
        webhooks: tsunagu::config::WebhookConfig {
            allow_hosts: vec!["127.0.0.1".into()],
            timeout_secs: 2,
            retry_base_ms: 200,
            poll_ms: 50,
            sweep_secs: 1,
            ..Default::default()
        },
        ..Config::default()
    };
    configure(&mut config);
    let store = open_store(&config).await.expect("open store");
    let admin_key = bootstrap_admin(&store)
        .await
        .expect("bootstrap")
        .expect("a fresh database gets an admin key");
    let app = Application::build_with_store(config, store).expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    let server = app.handle();
    let store = app.store().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        admin_key,
        database_url,
        backend,
        client: reqwest::Client::new(),
        server,
        store,
        _dir: dir,
    }
}

impl TestApp {
    /// Stops the server, closes its connections and drops a PostgreSQL test database.
    pub async fn stop(self) {
        self.server.stop(true).await;
        self.store.close().await;
        if self.backend == Backend::Postgres {
            drop_database(&self.database_url).await;
        }
    }

    /// Runs one SQL statement on the app's database behind its back: how tests stage what a
    /// crash leaves behind.
    pub async fn execute_sql(&self, statement: &str) -> u64 {
        match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.database_url)
                    .await
                    .expect("connect");
                sqlx::query(statement)
                    .execute(&mut conn)
                    .await
                    .expect(statement)
                    .rows_affected()
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.database_url)
                    .await
                    .expect("connect");
                sqlx::query(statement)
                    .execute(&mut conn)
                    .await
                    .expect(statement)
                    .rows_affected()
            }
        }
    }

    /// Reads rows of whole numbers (BIGINT columns) from the app's database behind its back:
    /// how tests compare a kept rollup with a count from scratch.
    pub async fn numbers_sql(&self, statement: &str) -> Vec<Vec<i64>> {
        use sqlx::Row;
        match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.database_url)
                    .await
                    .expect("connect");
                let rows = sqlx::query(statement)
                    .fetch_all(&mut conn)
                    .await
                    .expect(statement);
                rows.iter()
                    .map(|r| (0..r.len()).map(|i| r.get::<i64, _>(i)).collect())
                    .collect()
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.database_url)
                    .await
                    .expect("connect");
                let rows = sqlx::query(statement)
                    .fetch_all(&mut conn)
                    .await
                    .expect(statement);
                rows.iter()
                    .map(|r| (0..r.len()).map(|i| r.get::<i64, _>(i)).collect())
                    .collect()
            }
        }
    }

    /// Asserts that the per-day rollup of who was active (`member_days`, which the health
    /// figures read) equals a count from scratch: every act by name, and an asker's acts in her
    /// own thread only while it is not anonymous (migrations 0017 and 0019).
    pub async fn assert_member_days_recount(&self) {
        let recount = "SELECT day, member_id, COUNT(*), SUM(asked), SUM(answered), SUM(tipped) FROM (\
          SELECT created_at / 86400000000 AS day, author_id AS member_id, 1 AS asked, 0 AS answered, 0 AS tipped FROM questions WHERE NOT anonymous \
          UNION ALL SELECT a.created_at / 86400000000, a.author_id, 0, 1, 0 FROM answers a JOIN questions q ON q.id = a.question_id \
            WHERE NOT a.by_asker OR NOT q.anonymous \
          UNION ALL SELECT r.created_at / 86400000000, r.member_id, 0, 0, 0 FROM answer_reactions r JOIN answers a ON a.id = r.answer_id \
            JOIN questions q ON q.id = a.question_id WHERE NOT r.by_asker OR NOT q.anonymous \
          UNION ALL SELECT k.created_at / 86400000000, k.giver_id, 0, 0, 0 FROM kudos k \
            LEFT JOIN answers a ON k.target_kind = 'answer' AND a.id = k.target_id LEFT JOIN questions q ON q.id = a.question_id \
            WHERE NOT k.by_asker OR NOT COALESCE(q.anonymous, TRUE) \
          UNION ALL SELECT created_at / 86400000000, member_id, 0, 0, 0 FROM tip_reactions \
          UNION ALL SELECT created_at / 86400000000, author_id, 0, 0, 1 FROM tips \
          UNION ALL SELECT created_at / 86400000000, author_id, 0, 0, 0 FROM wins) x \
        GROUP BY day, member_id ORDER BY day, member_id";
        let kept = self
            .numbers_sql("SELECT day, member_id, acts, asked, answered, tipped FROM member_days ORDER BY day, member_id")
            .await;
        assert_eq!(
            kept,
            self.numbers_sql(recount).await,
            "member_days against a recount"
        );
    }

    /// `{address}/api/v1{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("{}/api/v1{}", self.address, path)
    }

    /// Sends a request with an optional key and JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Response {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            self.url(path)
        };
        let mut request = self.client.request(method, url);
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("request sent")
    }

    pub async fn get(&self, path: &str, key: &str) -> Response {
        self.call(Method::GET, path, Some(key), None).await
    }

    pub async fn post(&self, path: &str, key: &str, body: Value) -> Response {
        self.call(Method::POST, path, Some(key), Some(body)).await
    }

    pub async fn patch(&self, path: &str, key: &str, body: Value) -> Response {
        self.call(Method::PATCH, path, Some(key), Some(body)).await
    }

    pub async fn delete(&self, path: &str, key: &str) -> Response {
        self.call(Method::DELETE, path, Some(key), None).await
    }

    /// GETs `path` and returns the JSON body, asserting 200.
    pub async fn get_json(&self, path: &str, key: &str) -> Value {
        json_of(self.get(path, key).await, StatusCode::OK).await
    }

    /// Creates a member with `role` through the API.
    pub async fn member_with_role(&self, name: &str, role: &str) -> TestMember {
        let body = json_of(
            self.post(
                "/members",
                &self.admin_key,
                json!({"display_name": name, "role": role}),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        TestMember {
            id: body["member"]["id"].as_i64().expect("id"),
            key: body["api_key"]["secret"]
                .as_str()
                .expect("secret")
                .to_owned(),
        }
    }

    /// Creates an ordinary member.
    pub async fn member(&self, name: &str) -> TestMember {
        self.member_with_role(name, "member").await
    }

    /// Asks a question and returns its JSON.
    pub async fn ask(
        &self,
        key: &str,
        title: &str,
        body: &str,
        tags: &[&str],
        anonymous: bool,
    ) -> Value {
        json_of(
            self.post(
                "/questions",
                key,
                json!({"title": title, "body": body, "tags": tags, "anonymous": anonymous}),
            )
            .await,
            StatusCode::CREATED,
        )
        .await
    }

    /// Answers a question and returns the answer's JSON.
    pub async fn answer(&self, key: &str, question_id: i64, body: &str) -> Value {
        json_of(
            self.post(
                &format!("/questions/{question_id}/answers"),
                key,
                json!({"body": body}),
            )
            .await,
            StatusCode::CREATED,
        )
        .await
    }

    /// Question ids of a listing, in order.
    pub async fn list_ids(&self, key: &str, query: &str) -> Vec<i64> {
        let page = self.get_json(&format!("/questions?{query}"), key).await;
        ids(&page["items"])
    }
}

/// Asserts the status and returns the JSON body.
pub async fn json_of(response: Response, expected: StatusCode) -> Value {
    let status = response.status();
    let text = response.text().await.expect("body");
    assert_eq!(status, expected, "unexpected status; body: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Asserts a problem+json response with `status` and `code`; returns it.
pub async fn problem(response: Response, status: StatusCode, code: &str) -> Value {
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = json_of(response, status).await;
    assert_eq!(
        content_type, "application/problem+json",
        "problem content type; body: {body}"
    );
    assert_eq!(body["code"], code, "problem code; body: {body}");
    assert_eq!(body["status"], status.as_u16());
    assert!(
        body["type"]
            .as_str()
            .unwrap_or("")
            .starts_with("urn:tsunagu:problem:"),
        "{body}"
    );
    assert!(!body["detail"].as_str().unwrap_or("").is_empty(), "{body}");
    body
}

/// The fields named by a problem's `errors`.
pub fn problem_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The `id`s of a JSON array of objects.
pub fn ids(items: &Value) -> Vec<i64> {
    items
        .as_array()
        .expect("array")
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect()
}

/// Runs each scenario once on SQLite and once on PostgreSQL, as `name::sqlite` and
/// `name::postgres`.
#[macro_export]
macro_rules! on_both_databases {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                async fn scenario($app: &$crate::helpers::TestApp) $body
                #[tokio::test]
                async fn sqlite() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await;
                    scenario(&app).await;
                    app.stop().await;
                }
                #[tokio::test]
                async fn postgres() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Postgres).await;
                    scenario(&app).await;
                    app.stop().await;
                }
            }
        )*
    };
}

/// A small deterministic random source (a linear congruential generator).
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..below`.
    pub fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
}
