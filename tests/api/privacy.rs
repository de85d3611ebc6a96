//! The counterfactual privacy harness: anonymity as a tested property.
//!
//! The same community story is played twice on a fresh database — once with member A as the
//! anonymous asker, once with member C — while A and C keep different public histories of
//! their own. Everything that B, a moderator and an admin can observe is recorded: every `GET`
//! operation of the OpenAPI description (status, body, `ETag`, `Location`, `Link`, item
//! order), error responses, the event feed, every webhook delivery a local receiver accepted
//! (body and headers), the admin delivery view, `/stats/*` (CSV included), profiles,
//! leaderboard and helpers, the `/stats` page, the members' pages (home and the page of every
//! question they can list), `/metrics` and the server's info-level log.
//! After normalising what differs for unrelated reasons (timestamps, random ids, latencies,
//! retry counts), the two recordings must be identical: if swapping the asker changes
//! anything anyone else can see, the asker can be found, and the test fails naming the first
//! difference.
//!
//! The operations come from the generated spec, and the harness fails when a `GET` operation
//! is not exercised with a success, so every future endpoint is covered by construction: a
//! new one needs an entry in [`query_variants`] only when it needs parameters.
//!
//! The server is the real binary (so its log is the real log), on SQLite and PostgreSQL.

use crate::helpers::{drop_database, fresh_database, Backend};
use crate::receiver::{Behaviour, Receiver};
use regex::Regex;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::process::Child;
use std::sync::LazyLock;
use std::time::Duration;

/// The members of the story, created in this order (so ids match across runs): key, name,
/// role.
const CAST: [(&str, &str, &str); 5] = [
    ("A", "Aiko Asano", "member"),
    ("B", "Ben Brown", "member"),
    ("C", "Chika Chiba", "member"),
    ("D", "Daichi Doi", "member"),
    ("M", "Mika Moderator", "moderator"),
];

/// Who observes: a member, a moderator and the admin.
const OBSERVERS: [&str; 3] = ["B", "M", "admin"];

/// A running `tsunagu` binary with its log captured.
struct Server {
    child: Child,
    base: String,
    admin_key: String,
    log: PathBuf,
    backend: Backend,
    database_url: String,
    client: reqwest::Client,
    _dir: tempfile::TempDir,
    _db_dir: Option<tempfile::TempDir>,
}

impl Server {
    async fn start(backend: Backend) -> Self {
        let (database_url, db_dir) = fresh_database(backend).await;
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("server.log");
        let out = dir.path().join("server.out");
        let port = crate::process::free_port();
        // The process tests' command, with the info-level log as JSON lines.
        let child = crate::process::tsunagu(&database_url)
            .env("TSUNAGU_BIND", format!("127.0.0.1:{port}"))
            .env("TSUNAGU_LOG", "info")
            .env("TSUNAGU_LOG_FORMAT", "json")
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        for _ in 0..400 {
            let printed = std::fs::read_to_string(&out).unwrap_or_default();
            let key = printed
                .split_whitespace()
                .find(|w| w.starts_with("tsu_"))
                .map(str::to_owned);
            let serving = printed.contains("tsunagu is serving on");
            if let (Some(admin_key), true) = (key, serving) {
                return Self {
                    child,
                    base,
                    admin_key,
                    log,
                    backend,
                    database_url,
                    client,
                    _dir: dir,
                    _db_dir: db_dir,
                };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut child = child;
        let _ = child.kill();
        let _ = child.wait();
        panic!(
            "tsunagu did not start: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// One number from the database behind the server's back.
    async fn count(&self, sql: &str) -> i64 {
        crate::process::count(self.backend, &self.database_url, sql).await
    }

    async fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.backend == Backend::Postgres {
            drop_database(&self.database_url).await;
        }
    }
}

impl Drop for Server {
    /// A failing story still stops its server.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One response, as an observer saw it.
struct Seen {
    status: StatusCode,
    headers: Vec<(String, String)>,
    body: String,
}

impl Seen {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// A story in progress: the server, the members' keys and what was created.
struct Story {
    server: Server,
    receiver: Receiver,
    keys: HashMap<String, String>,
    member_ids: BTreeMap<String, i64>,
    /// Ids of everything created, by path prefix (`questions`, `answers`, …).
    created: BTreeMap<&'static str, BTreeSet<i64>>,
    /// Ids the refusals below need: `q1` (the anonymous question), `b1` (B's answer to it),
    /// `x1` (the asker's own answer to it).
    named: BTreeMap<&'static str, i64>,
}

impl Story {
    /// The ids `observer` sees listed at `path` (at least one).
    async fn listed_ids(&self, path: &str, observer: &str) -> Vec<i64> {
        let listing = self.send(Method::GET, path, observer, None).await;
        let listed: Value = serde_json::from_str(&listing.body).unwrap_or_default();
        let ids: Vec<i64> = listed["items"]
            .as_array()
            .map(|items| items.iter().filter_map(|x| x["id"].as_i64()).collect())
            .unwrap_or_default();
        assert!(!ids.is_empty(), "{observer} lists nothing at {path}");
        ids
    }

    async fn send(&self, method: Method, path: &str, who: &str, body: Option<Value>) -> Seen {
        // `page:/questions/7` is the members' page, not the API's `/questions/7`.
        let url = if let Some(page) = path.strip_prefix("page:") {
            format!("{}{page}", self.server.base)
        } else if path.starts_with('/') && !path.starts_with("/api/") && !is_site(path) {
            format!("{}/api/v1{path}", self.server.base)
        } else {
            format!("{}{path}", self.server.base)
        };
        let mut request = self.server.client.request(method, url);
        if let Some(key) = self.keys.get(who) {
            request = request.bearer_auth(key);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let mut headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter(|(name, _)| {
                ["etag", "location", "link", "content-type"].contains(&name.as_str())
            })
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap_or("").to_owned()))
            .collect();
        headers.sort();
        let body = response.text().await.unwrap();
        Seen {
            status,
            headers,
            body,
        }
    }

    /// A step of the story that must succeed; returns its JSON.
    async fn act(&mut self, method: Method, path: &str, who: &str, body: Value) -> Value {
        let sent = if method == Method::DELETE || method == Method::GET {
            None
        } else {
            Some(body)
        };
        let seen = self.send(method.clone(), path, who, sent).await;
        assert!(
            seen.status.is_success(),
            "story step {method} {path} by {who}: {} {}",
            seen.status,
            seen.body
        );
        let value = seen.json();
        if seen.status == StatusCode::CREATED {
            if let Some(id) = value.get("id").and_then(Value::as_i64) {
                let kind = path
                    .rsplit('/')
                    .find(|s| s.parse::<i64>().is_err())
                    .unwrap_or("");
                let kind: &'static str = match kind {
                    "questions" => "questions",
                    "answers" => "answers",
                    "tips" => "tips",
                    "wins" => "wins",
                    "kudos" => "kudos",
                    "reports" => "reports",
                    k if path.starts_with("/subscriptions/") && !k.is_empty() => "subscriptions",
                    _ => "other",
                };
                self.created.entry(kind).or_default().insert(id);
            }
        }
        value
    }

    async fn post(&mut self, path: &str, who: &str, body: Value) -> Value {
        self.act(Method::POST, path, who, body).await
    }

    async fn id(&mut self, path: &str, who: &str, body: Value) -> i64 {
        self.post(path, who, body).await["id"].as_i64().unwrap()
    }

    async fn subscribe(&mut self, who: &str, trigger: &str, path: &str, filters: Value) {
        let mut body = json!({"callback_url": self.receiver.url(path)});
        if let (Some(b), Some(f)) = (body.as_object_mut(), filters.as_object()) {
            b.extend(f.clone());
        }
        self.post(&format!("/subscriptions/{trigger}"), who, body)
            .await;
    }

    /// Waits until no webhook delivery is pending (concealed ones included).
    async fn settle(&self) {
        for _ in 0..600 {
            if self
                .server
                .count("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'")
                .await
                == 0
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("webhook deliveries did not settle");
    }
}

fn is_site(path: &str) -> bool {
    ["/stats", "/metrics", "/healthz", "/readyz", "/openapi.json"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}?")))
}

/// Plays the story with `asker` (`A` or `C`) as the anonymous asker; returns the server and
/// the story's state for observing.
async fn play(backend: Backend, asker: &str) -> Story {
    let server = Server::start(backend).await;
    let receiver = Receiver::start(Behaviour::default()).await;
    let mut keys = HashMap::new();
    keys.insert("admin".to_owned(), server.admin_key.clone());
    let mut story = Story {
        server,
        receiver,
        keys,
        member_ids: BTreeMap::new(),
        created: BTreeMap::new(),
        named: BTreeMap::new(),
    };
    let x = asker;
    // The cast, in a fixed order.
    let admin_id = story.act(Method::GET, "/me", "admin", json!({})).await["id"]
        .as_i64()
        .unwrap();
    story.member_ids.insert("admin".into(), admin_id);
    for (key, name, role) in CAST {
        let created = story
            .post(
                "/members",
                "admin",
                json!({"display_name": name, "role": role}),
            )
            .await;
        story
            .member_ids
            .insert(key.into(), created["member"]["id"].as_i64().unwrap());
        story.keys.insert(
            key.into(),
            created["api_key"]["secret"].as_str().unwrap().to_owned(),
        );
    }
    // A and C have different public lives.
    story
        .act(Method::PATCH, "/me", "A", json!({"show_on_leaderboard": true, "helper_tags": ["excel"], "interests": ["payroll"]}))
        .await;
    story
        .act(
            Method::PATCH,
            "/me",
            "C",
            json!({"helper_tags": ["payroll"], "level": "intermediate"}),
        )
        .await;
    story
        .act(
            Method::PATCH,
            "/me",
            "B",
            json!({"show_on_leaderboard": true}),
        )
        .await;

    // Triggers, including "mine only" ones of both A and C, and a kudos trigger only A has —
    // whose flow is gone (410), so a delivery to it would end it for everyone to see.
    story
        .subscribe("B", "question-answered", "/b/answered", json!({}))
        .await;
    story
        .subscribe(
            "A",
            "question-answered",
            "/a/answered",
            json!({"mine_only": true}),
        )
        .await;
    story
        .subscribe("D", "question-answered", "/d/answered", json!({}))
        .await;
    story
        .subscribe(
            "C",
            "question-answered",
            "/c/answered",
            json!({"mine_only": true}),
        )
        .await;
    story
        .subscribe("A", "kudos-received", "/gone/a/kudos", json!({}))
        .await;
    story
        .subscribe("B", "kudos-received", "/b/kudos", json!({}))
        .await;
    story
        .subscribe("D", "question-posted", "/d/posted", json!({}))
        .await;
    story
        .subscribe(
            "C",
            "answer-accepted",
            "/c/accepted",
            json!({"mine_only": true}),
        )
        .await;
    story
        .subscribe("B", "answer-accepted", "/b/accepted", json!({}))
        .await;
    story
        .subscribe(
            "A",
            "answer-accepted",
            "/a/accepted",
            json!({"mine_only": true}),
        )
        .await;
    story
        .subscribe("D", "win-logged", "/d/wins", json!({"tag": "payroll"}))
        .await;
    story
        .subscribe(
            "B",
            "question-posted",
            "/b/payroll",
            json!({"tag": "payroll"}),
        )
        .await;

    // Public histories: A asks by name, gets an answer, accepts and thanks; C answers and
    // writes a tip; D asks and waits.
    let pa = story
        .id("/questions", "A", json!({"title": "Excel の VLOOKUP がフローで動きません", "body": "表の範囲の指定が違うのでしょうか", "tags": ["excel"]}))
        .await;
    let pa_b = story
        .id(
            &format!("/questions/{pa}/answers"),
            "B",
            json!({"body": "範囲を絶対参照にしてみてください"}),
        )
        .await;
    story
        .id(
            &format!("/questions/{pa}/answers"),
            "C",
            json!({"body": "テーブルにすると楽です"}),
        )
        .await;
    story
        .post(&format!("/answers/{pa_b}/accept"), "A", json!({}))
        .await;
    story
        .post(
            &format!("/answers/{pa_b}/kudos"),
            "A",
            json!({"message": "助かりました"}),
        )
        .await;
    story
        .id("/tips", "C", json!({"title": "日付は ISO 形式で渡す", "body": "formatDateTime を使います", "tags": ["excel"], "level": "beginner"}))
        .await;
    story
        .id("/tips", "D", json!({"title": "承認フローの再割り当て", "body": "承認者を変えるには", "tags": ["approvals"], "level": "intermediate"}))
        .await;
    story
        .id("/questions", "D", json!({"title": "SharePoint リストの権限を分けたい", "body": "部署ごとに", "tags": ["sharepoint"]}))
        .await;

    // Case 5: the anonymous question, then A asks by name in the same tag.
    let q1 = story
        .id("/questions", x, json!({"title": "給与計算フローの締め日がずれます", "body": "月末が土日のときにずれます", "tags": ["payroll"], "anonymous": true}))
        .await;
    story
        .id("/questions", "A", json!({"title": "給与明細を PDF にして送りたい", "body": "OneDrive に保存してから", "tags": ["payroll"]}))
        .await;
    // Answers from others and from the asker herself.
    let b1 = story
        .id(
            &format!("/questions/{q1}/answers"),
            "B",
            json!({"body": "営業日の計算を入れましょう"}),
        )
        .await;
    let d1 = story
        .id(
            &format!("/questions/{q1}/answers"),
            "D",
            json!({"body": "タイムゾーンも確認を"}),
        )
        .await;
    let x1 = story
        .id(
            &format!("/questions/{q1}/answers"),
            x,
            json!({"body": "追記: 環境は日本時間です"}),
        )
        .await;
    // Reactions in both directions, me-too, acceptance (case 1: kudos from the asker).
    story
        .post(
            &format!("/answers/{b1}/reactions"),
            x,
            json!({"kind": "helpful"}),
        )
        .await;
    story
        .post(
            &format!("/answers/{d1}/reactions"),
            x,
            json!({"kind": "thanks"}),
        )
        .await;
    story
        .post(
            &format!("/answers/{x1}/reactions"),
            "D",
            json!({"kind": "helpful"}),
        )
        .await;
    story
        .post(
            &format!("/answers/{b1}/reactions"),
            "D",
            json!({"kind": "thanks"}),
        )
        .await;
    story
        .post(&format!("/questions/{q1}/me-too"), "B", json!({}))
        .await;
    story
        .post(&format!("/questions/{q1}/me-too"), "D", json!({}))
        .await;
    story
        .post(&format!("/answers/{b1}/accept"), x, json!({}))
        .await;
    story
        .post(
            &format!("/answers/{b1}/kudos"),
            x,
            json!({"message": "本当にありがとうございます"}),
        )
        .await;
    // Case 2: kudos to the asker's own anonymous answer.
    story
        .post(&format!("/answers/{x1}/kudos"), "B", json!({}))
        .await;
    story
        .post(&format!("/answers/{d1}/kudos"), "B", json!({}))
        .await;
    // Sent deliveries show the question as it was when sent: let them go before editing.
    story.settle().await;
    // The asker edits her question; a moderator redacts part of it.
    story
        .act(Method::PATCH, &format!("/questions/{q1}"), x, json!({"title": "給与計算フローの締め日が月末にずれます", "tags": ["payroll", "excel"]}))
        .await;
    story
        .act(
            Method::PATCH,
            &format!("/questions/{q1}"),
            "M",
            json!({"body": "月末が土日のときにずれます（個人情報は削除しました）"}),
        )
        .await;
    // Case 6: A and C log the same win; the asker's cites her own anonymous question too.
    let mut wins = Vec::new();
    for author in ["A", "C"] {
        let mut helped_by = vec![pa];
        if author == x {
            helped_by.push(q1);
        }
        wins.push(
            story
                .id("/wins", author, json!({"title": "給与の締め処理を自動化", "story": "毎月 2 時間かかっていました", "tags": ["payroll"],
                    "impact": {"minutes_saved_per_run": 120, "runs_per_month": 1, "people_helped": 3},
                    "helped_by": {"questions": helped_by}}))
                .await,
        );
    }
    let win_a = wins[0];
    story
        .post(&format!("/wins/{win_a}/kudos"), "B", json!({}))
        .await;
    // Reports: whichever of A and C did not ask reports the anonymous question and B's answer
    // to A's question; B reports the asker's own answer. The moderator's flow hears of each;
    // the moderator hides the asker's answer and dismisses one report. Since the reporter
    // swaps with the asker, nothing may show who reported either.
    let other = if x == "A" { "C" } else { "A" };
    story
        .subscribe("M", "post-reported", "/m/reported", json!({}))
        .await;
    story
        .id("/reports", other, json!({"target_kind": "question", "target_id": q1, "reason": "personal_information", "note": "締め日の話に個人名はありませんが念のため"}))
        .await;
    let r2 = story
        .id(
            "/reports",
            other,
            json!({"target_kind": "answer", "target_id": pa_b, "reason": "unkind"}),
        )
        .await;
    let r3 = story
        .id(
            "/reports",
            "B",
            json!({"target_kind": "answer", "target_id": x1, "reason": "spam"}),
        )
        .await;
    story.settle().await;
    story
        .post(
            &format!("/reports/{r3}/resolve"),
            "M",
            json!({"action": "hide", "reason": "宣伝のため非表示にしました"}),
        )
        .await;
    story
        .post(
            &format!("/reports/{r2}/resolve"),
            "M",
            json!({"action": "dismiss"}),
        )
        .await;
    story
        .named
        .extend([("q1", q1), ("b1", b1), ("x1", x1), ("r3", r3)]);
    story.settle().await;

    // Case 4: what was shown and is hidden later — while the flows are down, so the
    // deliveries are not sent yet. The asker asks by name and then makes it anonymous; asks
    // and deletes; a moderator redacts a title that named someone.
    story.receiver.set(Behaviour {
        unavailable: true,
        ..Behaviour::default()
    });
    let q2 = story
        .id("/questions", x, json!({"title": "締め日の設定はどこで変えますか", "body": "設定画面が見つかりません", "tags": ["payroll"]}))
        .await;
    story
        .id(
            &format!("/questions/{q2}/answers"),
            "B",
            json!({"body": "環境変数にあります"}),
        )
        .await;
    let q3 = story
        .id(
            "/questions",
            x,
            json!({"title": "やっぱり消したい質問", "body": "恥ずかしいので", "tags": ["payroll"]}),
        )
        .await;
    story
        .id(
            &format!("/questions/{q3}/answers"),
            "D",
            json!({"body": "気にしないで"}),
        )
        .await;
    let q4 = story
        .id("/questions", x, json!({"title": "社員番号 12345 の給与が間違っています", "body": "山田さんの分です", "tags": ["payroll"], "anonymous": true}))
        .await;
    story
        .act(
            Method::PATCH,
            &format!("/questions/{q2}"),
            x,
            json!({"anonymous": true}),
        )
        .await;
    story
        .act(Method::DELETE, &format!("/questions/{q3}"), x, json!({}))
        .await;
    story
        .act(Method::PATCH, &format!("/questions/{q4}"), "M", json!({"title": "給与の金額が間違っています（個人情報は削除しました）", "body": "（削除しました）"}))
        .await;
    story.receiver.set(Behaviour::default());
    story.settle().await;
    story
}

/// Query strings to call each `GET` operation with, beyond its bare path. Operations whose
/// answer is chosen at random are called only with filters that leave one candidate.
fn query_variants(operation: &str, ids: &BTreeMap<String, i64>) -> Vec<String> {
    let v = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    match operation {
        "ListQuestions" => v(&[
            "",
            "mine=true",
            "unanswered=true",
            "status=answered",
            "status=resolved",
            "tag=payroll",
            "q=%E7%B5%A6%E4%B8%8E",          // 給与
            "q=%E7%B7%A0%E3%82%81%E6%97%A5", // 締め日
            "sort=active",
            "limit=2",
        ]),
        "FindSimilarQuestions" => v(&[
            "title=%E7%B5%A6%E4%B8%8E%E8%A8%88%E7%AE%97%E3%81%AE%E7%B7%A0%E3%82%81%E6%97%A5",
        ]),
        "ListTips" => v(&["", "tag=excel", "q=%E6%89%BF%E8%AA%8D"]),
        "GetRandomTip" => v(&["tag=excel", "tag=approvals"]),
        "ListWins" => {
            let mut list = v(&["", "tag=payroll"]);
            for m in ["A", "C"] {
                list.push(format!("member={}", ids[m]));
            }
            list
        }
        "GetLeaderboard" => v(&["", "period=all"]),
        "FindHelpers" => v(&["tag=payroll", "tag=excel"]),
        "GetCommunityHealth" | "GetCommunityHealthCsv" => v(&[
            "",
            "tag=payroll",
            "interval=month",
            "interval=month&tag=excel",
        ]),
        "ListTags" => v(&["", "q=pay"]),
        "ListSubscriptions" => v(&["", "all=true"]),
        "OnNewEvents" => v(&[
            "",
            "types=kudos.received",
            "after=0&limit=100",
            "after=0&limit=3",
            "after=0&types=kudos.received",
            "after=0&types=question.posted,question.answered",
        ]),
        "ListDeliveries" => v(&["limit=100", "status=delivered&limit=100"]),
        "ListReports" => v(&["", "status=hidden", "status=dismissed"]),
        _ => vec![String::new()],
    }
}

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})").unwrap()
});
static DELIVERY_ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"dlv_[0-9a-f]{24}").unwrap());
static CURSOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"("next_cursor":"|cursor=)[A-Za-z0-9_%-]+"#).unwrap());
static API_KEY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"tsu_[A-Za-z0-9_-]+").unwrap());
static ATTEMPTS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""(attempts?)":\d+"#).unwrap());
static LOCAL_URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"127\.0\.0\.1:\d+").unwrap());
static REQUEST_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""request_id":"[^"]*""#).unwrap());
/// A page form's CSRF token: random per browser.
static CSRF_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"name="csrf" value="[^"]*""#).unwrap());

/// An edit form's version: the post's `updated_at` in microseconds (a time, like `<time>`).
static VERSION_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"name="version" value="\d+""#).unwrap());

/// A page's script nonce (in its policy and its script tag): random per answer.
static NONCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"nonce="[^"]*"|'nonce-[^']*'"#).unwrap());

/// Normalises what differs between runs for reasons unrelated to who asked.
fn normalise(text: &str) -> String {
    let text = TIMESTAMP.replace_all(text, "<time>");
    let text = DELIVERY_ID.replace_all(&text, "<delivery id>");
    let text = CURSOR.replace_all(&text, "${1}<cursor>");
    let text = LOCAL_URL.replace_all(&text, "127.0.0.1:<port>");
    let text = API_KEY.replace_all(&text, "tsu_<key>");
    // How often a delivery was tried depends on when the flows came back up.
    let text = ATTEMPTS.replace_all(&text, r#""$1":<n>"#);
    let text = CSRF_FIELD.replace_all(&text, r#"name="csrf" value="<csrf>""#);
    let text = NONCE.replace_all(&text, "nonce=<nonce>");
    let text = VERSION_FIELD.replace_all(&text, r#"name="version" value="<time>""#);
    REQUEST_ID
        .replace_all(&text, r#""request_id":"<request id>""#)
        .into_owned()
}

/// What one observer saw of one call.
fn record_seen(seen: &Seen) -> String {
    let mut out = format!("{}\n", seen.status.as_u16());
    for (name, value) in &seen.headers {
        // ETags are derived from the row's update time, which differs by a few microseconds.
        let value = if name == "etag" {
            "<etag>".to_owned()
        } else {
            value.clone()
        };
        out.push_str(&format!("{name}: {value}\n"));
    }
    out.push_str(&seen.body);
    normalise(&out)
}

/// Everything the observers can see at the end of the story, with labels.
async fn observe(story: &Story) -> (Vec<(String, String)>, BTreeSet<String>) {
    let mut recording = Vec::new();
    let mut exercised = BTreeSet::new();
    let spec = tsunagu::api::openapi();
    let spec = serde_json::to_value(&spec).unwrap();
    let mut gets: Vec<(String, String)> = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        if let Some(op) = item.get("get") {
            gets.push((path.clone(), op["operationId"].as_str().unwrap().to_owned()));
        }
    }
    for observer in OBSERVERS {
        for (template, operation) in &gets {
            let mut paths = vec![template.clone()];
            if template.contains("{id}") {
                let kind = template
                    .trim_start_matches("/api/v1/")
                    .split('/')
                    .next()
                    .unwrap();
                let ids: Vec<i64> = if kind == "members" {
                    story.member_ids.values().copied().collect()
                } else {
                    let kind = match kind {
                        "questions" | "answers" | "tips" | "wins" | "subscriptions"
                        | "reports" => kind,
                        other => panic!(
                            "the privacy harness does not know whose ids {other} takes ({operation}); add it to observe()"
                        ),
                    };
                    story
                        .created
                        .get(kind)
                        .cloned()
                        .unwrap_or_default()
                        .into_iter()
                        .collect()
                };
                assert!(!ids.is_empty(), "no ids to call {operation} with");
                paths = ids
                    .iter()
                    .map(|id| template.replace("{id}", &id.to_string()))
                    .collect();
            }
            assert!(
                !paths.iter().any(|p| p.contains('{')),
                "the privacy harness cannot fill the path of {operation}: {template}"
            );
            for path in paths {
                for query in query_variants(operation, &story.member_ids) {
                    let full = if query.is_empty() {
                        path.clone()
                    } else {
                        format!("{path}?{query}")
                    };
                    let seen = story.send(Method::GET, &full, observer, None).await;
                    if seen.status.is_success() {
                        exercised.insert(operation.clone());
                    }
                    assert!(
                        seen.status.as_u16() < 500,
                        "{operation} {full} as {observer}: {} {}",
                        seen.status,
                        seen.body
                    );
                    recording.push((format!("{observer} GET {full}"), record_seen(&seen)));
                }
            }
        }
        // Pages and metrics outside the API.
        for page in ["/stats", "/metrics"] {
            let seen = story.send(Method::GET, page, observer, None).await;
            let text = if page == "/metrics" {
                metrics_that_do_not_depend_on_timing(&seen.body)
            } else {
                record_seen(&seen)
            };
            recording.push((format!("{observer} GET {page}"), text));
        }
        // The members' pages: home, and the page of every question the observer can list.
        let listing = story
            .send(Method::GET, "/questions?limit=100", observer, None)
            .await;
        let listed: Value = serde_json::from_str(&listing.body).unwrap_or_default();
        let ids: Vec<i64> = listed["items"]
            .as_array()
            .map(|items| items.iter().filter_map(|q| q["id"].as_i64()).collect())
            .unwrap_or_default();
        assert!(
            !ids.is_empty(),
            "{observer} lists no questions: {}",
            listing.body
        );
        // …and of every tip and win it can list, and every member's profile.
        let tips = story.listed_ids("/tips?limit=100", observer).await;
        let wins = story.listed_ids("/wins?limit=100", observer).await;
        // Lists, search (a word in the anonymous question), topics, the forms — the win form
        // citing the anonymous question from the start.
        let q1 = story.named["q1"];
        let pages = [
            "page:/".to_owned(),
            "page:/ask".to_owned(),
            "page:/?tag=payroll".to_owned(),
            "page:/search?q=%E7%B5%A6%E4%B8%8E".to_owned(),
            "page:/search".to_owned(),
            "page:/tags".to_owned(),
            "page:/tips".to_owned(),
            "page:/tips/new".to_owned(),
            "page:/wins".to_owned(),
            "page:/wins/new".to_owned(),
            "page:/settings".to_owned(),
            format!("page:/wins/new?question={q1}"),
        ]
        .into_iter()
        .chain(ids.iter().map(|id| format!("page:/questions/{id}")))
        .chain(tips.iter().map(|id| format!("page:/tips/{id}")))
        .chain(wins.iter().map(|id| format!("page:/wins/{id}")))
        .chain(
            story
                .member_ids
                .values()
                .map(|id| format!("page:/members/{id}")),
        )
        // The dashboard is for moderators and admins.
        .chain((observer != "B").then(|| "page:/dashboard".to_owned()));
        for page in pages {
            let seen = story.send(Method::GET, &page, observer, None).await;
            assert_eq!(
                seen.status,
                StatusCode::OK,
                "{observer} {page}: {}",
                seen.body
            );
            recording.push((format!("{observer} GET {page}"), record_seen(&seen)));
        }
        // The edit forms of every question and of the named answers: open to the author and
        // moderators, refused to the rest — either way the same whoever asked.
        let answers = ["b1", "x1"].map(|name| story.named[name]);
        let edits = ids
            .iter()
            .map(|id| format!("page:/questions/{id}/edit"))
            .chain(answers.iter().map(|id| format!("page:/answers/{id}/edit")));
        for page in edits {
            let seen = story.send(Method::GET, &page, observer, None).await;
            recording.push((format!("{observer} GET {page}"), record_seen(&seen)));
        }
    }
    // Refusals: what B and the moderator are told when they try the asker's acts.
    let (q1, b1, x1, r3) = (
        story.named["q1"],
        story.named["b1"],
        story.named["x1"],
        story.named["r3"],
    );
    for (who, method, path, body) in [
        (
            "B",
            Method::PATCH,
            format!("/questions/{q1}"),
            json!({"title": "changed by someone else"}),
        ),
        ("B", Method::DELETE, format!("/questions/{q1}"), json!({})),
        (
            "M",
            Method::PATCH,
            format!("/questions/{q1}"),
            json!({"anonymous": false}),
        ),
        (
            "B",
            Method::POST,
            format!("/answers/{b1}/accept"),
            json!({}),
        ),
        ("B", Method::POST, format!("/answers/{x1}/kudos"), json!({})),
        (
            "D",
            Method::POST,
            format!("/answers/{x1}/kudos"),
            json!({"message": "ありがとう"}),
        ),
        (
            "B",
            Method::POST,
            format!("/answers/{x1}/reactions"),
            json!({"kind": "nope"}),
        ),
        (
            "D",
            Method::POST,
            "/reports".into(),
            json!({"target_kind": "answer", "target_id": x1, "reason": "unkind"}),
        ),
        (
            "M",
            Method::POST,
            format!("/reports/{r3}/resolve"),
            json!({"action": "dismiss"}),
        ),
        (
            "B",
            Method::POST,
            "/subscriptions/post-reported".into(),
            json!({"callback_url": "https://example.com/hook"}),
        ),
    ] {
        let sent = (method != Method::DELETE).then_some(body);
        let seen = story.send(method.clone(), &path, who, sent).await;
        recording.push((format!("{who} {method} {path}"), record_seen(&seen)));
    }
    // Delivery ids carry no order: listed by event and subscription, the admin's ids are
    // not sorted (they would be if they were counted across subscriptions, and then a gap
    // would show a hidden delivery). With 20+ random ids, sorted by chance is negligible.
    let admin_view = story
        .send(Method::GET, "/admin/deliveries?limit=100", "admin", None)
        .await
        .json();
    let ids: Vec<String> = admin_view["items"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.len() >= 20, "{admin_view}");
    assert!(
        ids.windows(2).any(|w| w[0] > w[1]) && ids.windows(2).any(|w| w[0] < w[1]),
        "delivery ids follow the order deliveries were made in: {ids:?}"
    );
    // Every delivery the flows of B, D and the moderator accepted (A's and C's flows are seen
    // by A and C, whose roles the two runs swap), in a stable order.
    let mut deliveries: Vec<(String, String)> = story
        .receiver
        .received()
        .into_iter()
        .filter(|r| {
            r.answered == 200 && ["/b/", "/d/", "/m/"].iter().any(|p| r.path.starts_with(p))
        })
        .map(|r| {
            assert!(
                DELIVERY_ID.is_match(&r.webhook_id) && r.webhook_id.starts_with("msg_dlv_"),
                "webhook-id {}",
                r.webhook_id
            );
            (
                format!("webhook {}", r.path),
                normalise(&format!(
                    "webhook-id: <msg id>\nsigned: {}\n{}",
                    r.signature.is_some(),
                    r.raw
                )),
            )
        })
        .collect();
    deliveries.sort();
    recording.extend(deliveries);
    // The server's info-level log, as a multiset of lines without times, ids and latencies.
    recording.push((
        "server log".into(),
        log_lines(&std::fs::read_to_string(&story.server.log).unwrap()),
    ));
    (recording, exercised)
}

/// The Prometheus text without what depends on timing: latency histograms, pool gauges and
/// retried webhook attempts.
fn metrics_that_do_not_depend_on_timing(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| !l.contains("_bucket") && !l.contains("_sum") && !l.contains("db_pool"))
        .filter(|l| !l.contains("outcome=\"retry\""))
        .map(|l| normalise(l) + "\n")
        .collect()
}

/// The info-level log as sorted lines of JSON without timestamps, latencies, random ids,
/// retried attempts and slow-statement warnings.
fn log_lines(text: &str) -> String {
    let mut lines: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        // Retried attempts and sqlx's slow-statement warnings depend on timing alone.
        .filter(|v| v["outcome"] != "retry" && v["target"] != "sqlx::query")
        .map(|mut v| {
            if let Some(o) = v.as_object_mut() {
                for key in [
                    "timestamp",
                    "latency_ms",
                    "threadId",
                    "thread_id",
                    "span",
                    "spans",
                ] {
                    o.remove(key);
                }
            }
            normalise(&v.to_string())
        })
        .collect();
    lines.sort();
    lines.join("\n")
}

/// Plays the story with A and then with C as the anonymous asker and compares what others saw.
async fn counterfactual(backend: Backend) {
    let spec = serde_json::to_value(tsunagu::api::openapi()).unwrap();
    let every_get: BTreeSet<String> = spec["paths"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|item| item.get("get"))
        .map(|op| op["operationId"].as_str().unwrap().to_owned())
        .collect();
    let mut recordings = Vec::new();
    for asker in ["A", "C"] {
        let story = play(backend, asker).await;
        let (recording, exercised) = observe(&story).await;
        let missed: Vec<&String> = every_get.difference(&exercised).collect();
        assert!(
            missed.is_empty(),
            "the privacy harness did not exercise these GET operations with a success: {missed:?}; \
             give them ids or a query in tests/api/privacy.rs"
        );
        story.server.stop().await;
        recordings.push(recording);
    }
    let (with_a, with_c) = (&recordings[0], &recordings[1]);
    for ((label, a), (label_c, c)) in with_a.iter().zip(with_c) {
        assert_eq!(
            label, label_c,
            "swapping the anonymous asker (A → C) changes which observations there are"
        );
        if a != c {
            let first = a
                .lines()
                .zip(c.lines())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            panic!(
                "swapping the anonymous asker (A → C) changes what others see at: {label}\n\
                 first differing line {first}:\n  with A: {}\n  with C: {}\n\nwith A:\n{a}\n\nwith C:\n{c}",
                a.lines().nth(first).unwrap_or(""),
                c.lines().nth(first).unwrap_or("")
            );
        }
    }
    assert_eq!(
        with_a.len(),
        with_c.len(),
        "swapping the anonymous asker (A → C) changes how many observations there are"
    );
}

#[tokio::test]
async fn swapping_the_anonymous_asker_changes_nothing_others_can_observe_sqlite() {
    counterfactual(Backend::Sqlite).await;
}

#[tokio::test]
async fn swapping_the_anonymous_asker_changes_nothing_others_can_observe_postgres() {
    counterfactual(Backend::Postgres).await;
}
