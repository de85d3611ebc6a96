//! Adaptive Cards for flows: each card is schema 1.5 in the caller's language, with buttons to
//! the page; a question's card never names its anonymous asker. (The Adaptive Cards SDK parses
//! and renders them in Chromium in the browser tests.)

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// `GET path` as `key` in `language`: the status and the card.
async fn card(app: &TestApp, path: &str, key: &str, language: &str) -> (StatusCode, Value) {
    let response = app
        .client
        .get(app.url(path))
        .bearer_auth(key)
        .header("Accept-Language", language)
        .send()
        .await
        .unwrap();
    let status = response.status();
    if status.is_success() {
        assert_eq!(response.headers()["content-language"], language);
    }
    (status, response.json().await.unwrap())
}

/// Every `text`, fact and button title of `card`, one per line.
fn words(card: &Value) -> String {
    let mut out = Vec::new();
    for element in card["body"].as_array().unwrap() {
        if let Some(text) = element["text"].as_str() {
            out.push(text.to_owned());
        }
        for run in element["inlines"].as_array().into_iter().flatten() {
            assert_eq!(run["type"], "TextRun");
            out.push(run["text"].as_str().unwrap().to_owned());
        }
        for fact in element["facts"].as_array().into_iter().flatten() {
            out.push(format!(
                "{}: {}",
                fact["title"].as_str().unwrap(),
                fact["value"].as_str().unwrap()
            ));
        }
    }
    for action in card["actions"].as_array().unwrap() {
        assert_eq!(action["type"], "Action.OpenUrl");
        out.push(action["title"].as_str().unwrap().to_owned());
    }
    out.join("\n")
}

on_both_databases! {
    async fn flows_get_cards_in_the_callers_language_with_buttons_to_the_pages(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        let q = app.ask(&asker.key, "承認フローの差し戻しを通知したい", "**差し戻し**のとき、[申請者](https://example.com)へメールを送りたいです。", &["approvals"], true).await;
        let id = q["id"].as_i64().unwrap();
        app.answer(&helper.key, id, "条件で分岐します").await;
        // The question, to a colleague, in Japanese: the asker is not named; Markdown is text.
        let (status, c) = card(app, &format!("/questions/{id}/card"), &helper.key, "ja").await;
        assert_eq!(status, StatusCode::OK, "{c}");
        assert_eq!((c["type"].as_str(), c["version"].as_str()), (Some("AdaptiveCard"), Some("1.5")));
        assert!(c.get("lang").is_none(), "{c}");
        let text = words(&c);
        assert!(text.contains("承認フローの差し戻しを通知したい") && text.contains("匿名の質問 · approvals"), "{text}");
        assert!(text.contains("差し戻しのとき、申請者へメールを送りたいです。") && !text.contains("**"), "{text}");
        assert!(text.contains("回答: 1 件") && text.contains("状態: 回答があります") && text.contains("質問を開く"), "{text}");
        assert!(!c.to_string().contains("Aiko Asano") && !c.to_string().contains(&format!("/members/{}", asker.id)), "{c}");
        let page = format!("{}/questions/{id}", app.address);
        assert_eq!(c["actions"][0]["url"], page.as_str());
        assert_eq!(c["actions"][1]["url"], format!("{page}#your-answer"));
        assert_eq!(c["fallbackText"], format!("承認フローの差し戻しを通知したい — {page}"));
        // In English for an English reader.
        let (_, c) = card(app, &format!("/questions/{id}/card"), &helper.key, "en").await;
        let text = words(&c);
        assert!(text.contains("Asked anonymously") && text.contains("Answers: 1") && text.contains("Open the question"), "{text}");
        // Not even the card the asker fetches herself names her: her flow posts it to a channel.
        let (status, c) = card(app, &format!("/questions/{id}/card"), &asker.key, "ja").await;
        assert_eq!(status, StatusCode::OK, "{c}");
        assert!(words(&c).contains("匿名の質問 · approvals"), "{c}");
        assert!(!c.to_string().contains("Aiko Asano") && !c.to_string().contains(&format!("/members/{}", asker.id)), "{c}");

        // A named question names its asker.
        let named = app.ask(&asker.key, "SharePoint のリストを Excel に出したい", "毎週の作業です", &["sharepoint"], false).await;
        let (_, c) = card(app, &format!("/questions/{}/card", named["id"]), &helper.key, "ja").await;
        assert!(words(&c).contains("Aiko Asano さんの質問 · sharepoint"), "{c}");
        // A win: the hours first.
        let win = app.post("/wins", &asker.key, json!({
            "title": "請求書の転記を自動化しました", "story": "毎月の作業がなくなりました",
            "impact": {"minutes_saved_per_run": 12.5, "runs_per_month": 20, "people_helped": 3}
        })).await.json::<Value>().await.unwrap();
        let (status, c) = card(app, &format!("/wins/{}/card", win["id"]), &helper.key, "ja").await;
        assert_eq!(status, StatusCode::OK, "{c}");
        let text = words(&c);
        assert!(text.contains("1 か月に 12.5 時間の節約") && text.contains("Aiko Asano さんの成果") && text.contains("称賛を送る"), "{text}");
        assert_eq!(c["actions"][1]["url"], format!("{}/wins/{}#kudos", app.address, win["id"]));
        // The tip of the day, and a member with none left is told so.
        let (status, _) = card(app, "/tips/daily/card", &helper.key, "ja").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        app.post("/tips", &asker.key, json!({"title": "承認メールに詳細リンクを入れる", "body": "`詳細` 欄に入れます", "tags": ["approvals"], "level": "beginner"})).await;
        let (status, c) = card(app, "/tips/daily/card", &helper.key, "ja").await;
        assert_eq!(status, StatusCode::OK, "{c}");
        let text = words(&c);
        assert!(text.contains("今日のヒント") && text.contains("Aiko Asano さん · 初級向け") && text.contains("詳細 欄に入れます"), "{text}");
        // The health summary: the dashboard's words, units, percentages.
        let (status, c) = card(app, "/stats/summary/card", &helper.key, "ja").await;
        assert_eq!(status, StatusCode::OK, "{c}");
        let text = words(&c);
        assert!(text.contains("コミュニティの状況（直近 30 日）") && text.contains("質問数: 2 件") && text.contains("24 時間以内の回答率: 50 %"), "{text}");
        assert!(text.contains("1 か月の節約時間（合計）: 12.5 時間") && text.contains("ダッシュボードを開く"), "{text}");
        assert_eq!(c["actions"][0]["url"], format!("{}/dashboard", app.address));
        // Members' words never reach a TextBlock (which reads Markdown): a title made to look
        // like a link stays text in a Teams channel.
        let bait = app.ask(&asker.key, "[Claim your bonus](https://evil.example) **URGENT**", "`[code](https://evil.example/code)` \\[esc\\](https://evil.example/esc)", &[], false).await;
        let (_, c) = card(app, &format!("/questions/{}/card", bait["id"]), &helper.key, "en").await;
        for element in c["body"].as_array().unwrap() {
            if element["type"] == "TextBlock" {
                assert!(!element["text"].as_str().unwrap().contains("evil.example"), "{c}");
            }
        }
        assert!(words(&c).contains("[Claim your bonus](https://evil.example) **URGENT**"), "{c}");
        // No such question or win: 404 problem details, as for the resource.
        let (status, p) = card(app, "/questions/999999/card", &helper.key, "ja").await;
        assert_eq!((status, p["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")));
        let (status, _) = card(app, "/wins/999999/card", &helper.key, "en").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}
