//! Problem details speak the member's language: `Accept-Language: ja` gets Japanese sentences
//! (with the English in `detail_en`), `Content-Language` says which, `code`s never change, and
//! `TSUNAGU_DEFAULT_LANGUAGE` covers requests that name no language.

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn post_in(
    app: &TestApp,
    language: Option<&str>,
    key: &str,
    path: &str,
    body: Value,
) -> reqwest::Response {
    let mut request = app.client.post(app.url(path)).bearer_auth(key).json(&body);
    if let Some(language) = language {
        request = request.header("Accept-Language", language);
    }
    request.send().await.unwrap()
}

on_both_databases! {
    async fn problem_details_are_in_the_requested_language(app) {
        let m = app.member("m").await;
        let response = post_in(app, Some("ja-JP,ja;q=0.9,en;q=0.8"), &m.key, "/questions", json!({"title": "短い", "body": "b"})).await;
        assert_eq!(response.headers()["content-language"], "ja");
        let p = problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(p["errors"][0]["code"], "too_short");
        assert_eq!(p["errors"][0]["detail"], "「タイトル」は 5 文字以上にしてください（いまは 2 文字です）");
        assert_eq!(p["errors"][0]["detail_en"], "title must be at least 5 visible characters (it has 2)");
        assert_eq!(p["detail"], p["errors"][0]["detail"]);
        assert_eq!(p["detail_en"], p["errors"][0]["detail_en"]);
        // Parser errors become sentences about the field.
        let p = problem(post_in(app, Some("ja"), &m.key, "/questions", json!({"title": 12345, "body": "b"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(p["errors"][0]["detail"], "「タイトル」は文字列で指定してください");
        let q = app.ask(&m.key, "A question to react to", "b", &[], false).await;
        let other = app.member("other").await;
        let a = app.answer(&other.key, q["id"].as_i64().unwrap(), "an answer").await;
        let p = problem(post_in(app, Some("ja"), &m.key, &format!("/answers/{}/reactions", a["id"]), json!({"kind": "役に立った"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(p["errors"][0]["detail"], "「リアクション」は helpful、thanks のどちらかにしてください（「役に立った」が送られました）");
        let p = problem(post_in(app, Some("ja"), &m.key, "/questions", json!({"title": "A fine title", "body": "b", "anonymus": true})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(p["errors"][0]["detail"], "「anonymus」はこのリクエストにない項目です。項目名を確かめてください");
        // Malformed JSON: where, not the parser's words; "本文" stays the post's body.
        let raw = app.client.post(app.url("/questions")).bearer_auth(&m.key).header("Accept-Language", "ja")
            .header("Content-Type", "application/json").body("{\"title\": ").send().await.unwrap();
        let p = problem(raw, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(p["errors"][0]["detail"], "送信データが JSON の形になっていません（1 行目 10 文字目あたり）");
        // A reaction that does not exist is named, not "an id".
        let response = app.client.delete(app.url(&format!("/answers/{}/reactions/foo", a["id"]))).bearer_auth(&m.key).header("Accept-Language", "ja").send().await.unwrap();
        let p = problem(response, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(p["detail"], "「foo」というリアクションはありません。使えるのは helpful、thanks です");
        // Refused webhook addresses (English only before) are explained in Japanese too.
        let response = post_in(app, Some("ja"), &m.key, "/subscriptions/question-posted", json!({"callback_url": "http://example.com/x", "secret": "abc"})).await;
        let languages = response.headers()["content-language"].to_str().unwrap().to_owned();
        let p = problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(languages, "ja", "{p}");
        assert_eq!(p["errors"][0]["detail"], "「コールバック URL」は https の URL にしてください", "{p}");
        assert!(p["errors"][0].get("detail_en").is_some() && p["errors"][1].get("detail_en").is_some(), "{p}");
        // Whole-request problems too.
        let missing = app.client.get(app.url("/questions/999999")).bearer_auth(&m.key).header("Accept-Language", "ja").send().await.unwrap();
        let p = problem(missing, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(p["detail"], "その ID の質問は見つかりません。");
        assert_eq!(p["detail_en"], "No question with that id exists.");
        // English by default: no detail_en.
        let response = post_in(app, None, &m.key, "/questions", json!({"title": "短い", "body": "b"})).await;
        assert_eq!(response.headers()["content-language"], "en");
        let p = problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(p["errors"][0]["detail"], "title must be at least 5 visible characters (it has 2)");
        assert!(p.get("detail_en").is_none() && p["errors"][0].get("detail_en").is_none(), "{p}");
        // A member's own choice applies when the request names no language.
        let chosen = json_of(app.patch("/me", &m.key, json!({"language": "ja"})).await, StatusCode::OK).await;
        assert_eq!(chosen["language"], "ja");
        let response = post_in(app, None, &m.key, "/questions", json!({"title": "短い", "body": "b"})).await;
        assert_eq!(response.headers()["content-language"], "ja");
        let response = post_in(app, Some("en"), &m.key, "/questions", json!({"title": "短い", "body": "b"})).await;
        assert_eq!(response.headers()["content-language"], "en", "Accept-Language wins");
        let back = json_of(app.patch("/me", &m.key, json!({"language": null})).await, StatusCode::OK).await;
        assert!(back.get("language").is_none(), "{back}");
        let response = post_in(app, None, &m.key, "/questions", json!({"title": "短い", "body": "b"})).await;
        assert_eq!(response.headers()["content-language"], "en");
        // A language tsunagu lacks falls back to the default.
        let response = post_in(app, Some("fr, de;q=0.5"), &m.key, "/questions", json!({"title": "短い", "body": "b"})).await;
        assert_eq!(response.headers()["content-language"], "en");
    }
}

/// `TSUNAGU_DEFAULT_LANGUAGE=ja`: a request without `Accept-Language` is answered in Japanese.
async fn the_default_language_is_configurable(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.default_language = tsunagu::i18n::Language::Ja
    })
    .await;
    let m = app.member("m").await;
    let response = post_in(
        &app,
        None,
        &m.key,
        "/questions",
        json!({"title": "", "body": "b"}),
    )
    .await;
    assert_eq!(response.headers()["content-language"], "ja");
    let p = problem(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["detail"], "「タイトル」を入力してください");
    let response = post_in(
        &app,
        Some("en"),
        &m.key,
        "/questions",
        json!({"title": "", "body": "b"}),
    )
    .await;
    assert_eq!(response.headers()["content-language"], "en");
    // Refusals are translated too; `code` stays.
    let response = post_in(&app, None, &m.key, "/tags", json!({"slug": "x"})).await;
    assert_eq!(response.headers()["content-language"], "ja");
    let p = problem(response, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(p["detail"], "前もってタグを作れるのはモデレーターと管理者だけです。メンバーは、質問などにタグを付けるとそのタグを作れます");
    let q = app
        .ask(&m.key, "My own question here", "b", &[], false)
        .await;
    let p = problem(
        post_in(
            &app,
            None,
            &m.key,
            &format!("/questions/{}/me-too", q["id"]),
            json!({}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "own_question",
    )
    .await;
    assert_eq!(p["detail"], "自分の質問に「私も」は付けられません");
    assert_eq!(
        p["detail_en"],
        "you asked this question, so you cannot add a \"me too\" to it"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_default_language_is_configurable_sqlite() {
    the_default_language_is_configurable(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_default_language_is_configurable_postgres() {
    the_default_language_is_configurable(Backend::Postgres).await;
}

on_both_databases! {
    async fn refused_credentials_are_explained_in_the_members_language(app) {
        let ask = |header: &'static str, value: &'static str| {
            let request = app
                .client
                .get(app.url("/questions"))
                .header("Accept-Language", "ja")
                .header(header, value);
            async move { request.send().await.unwrap() }
        };
        // A wrong key in either header: said in Japanese, naming the header it came in.
        for (header, value, named) in [
            ("Authorization", "Bearer tsu_0000000000000000000000000000000000000000000", "登録されていない"),
            ("Authorization", "Bearer nope", "Authorization の値"),
            ("X-Api-Key", "nope", "X-Api-Key の値"),
            ("Authorization", "Basic YTpi", "Authorization: Bearer"),
        ] {
            let response = ask(header, value).await;
            assert_eq!(response.headers()["content-language"], "ja");
            let p = problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
            let detail = p["detail"].as_str().unwrap();
            assert!(detail.contains(named), "{header}: {value}: {p}");
            assert!(!p["detail_en"].as_str().unwrap().is_empty());
        }
        // English is unchanged for those who ask in English.
        let response = app.client.get(app.url("/questions")).header("X-Api-Key", "nope").send().await.unwrap();
        let p = problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
        assert!(p["detail"].as_str().unwrap().contains("The X-Api-Key value is not a tsunagu API key"), "{p}");
    }
}

on_both_databases! {
    async fn query_problems_say_what_is_wrong_in_the_designers_words(app) {
        let m = app.member("m").await;
        let ask = |path: &'static str| {
            let request = app.client.get(app.url(path)).bearer_auth(&m.key).header("Accept-Language", "ja");
            async move { problem(request.send().await.unwrap(), StatusCode::BAD_REQUEST, "invalid_query").await }
        };
        // A day the calendar lacks, a year out of range, a parameter sent twice, a negative
        // position: each its own sentence, naming the designer's label (it said the date format,
        // or "duplicate field `limit`", or 「after」).
        for (path, code, detail) in [
            ("/wins?since=2026-02-30", "invalid_date", "「開始日時」の 2026-02-30 はカレンダーにない日付です"),
            ("/wins?since=1800-01-01", "invalid_date", "「開始日時」の年は 1900～2999 にしてください"),
            ("/questions?limit=1&limit=2", "duplicate_field", "「件数」が URL に 2 回あります。1 回だけにしてください"),
            ("/events?after=-1", "out_of_range", "「この番号より後」は 0 以上にしてください"),
            ("/questions?unanswered=maybe", "invalid_value", "「未回答のみ」には、はい（true）かいいえ（false）を指定してください（True、FALSE、1、0 も使えます）"),
        ] {
            let p = ask(path).await;
            assert_eq!(p["errors"][0]["code"], code, "{path}: {p}");
            assert_eq!(p["errors"][0]["detail"], detail, "{path}: {p}");
            assert!(p["errors"][0]["detail_en"].is_string(), "{path}: {p}");
        }
    }
}
