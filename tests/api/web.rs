//! The members' pages as a browser uses them: the trial sign-in with a personal API key (a
//! form with a CSRF token, then a session cookie), the home page and a question page in the
//! reader's language, signing out — and an anonymous question as anonymous on the pages as in
//! the API. (Walked in a real browser by the browser tests; here over plain HTTP.)

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::header::{CONTENT_SECURITY_POLICY, COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;

/// A browser without cookies of its own: redirects are followed by hand.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// `name=value` of every `Set-Cookie` of `response`.
fn cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .collect()
}

/// The CSRF token of the first form in `html`.
fn csrf_of(html: &str) -> String {
    html.split(r#"name="csrf" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

/// Signs in with `key` like a browser: the form, then its POST. Returns the cookie header.
async fn sign_in(app: &TestApp, key: &str) -> String {
    let client = browser();
    let form = client
        .get(format!("{}/signin", app.address))
        .send()
        .await
        .unwrap();
    let mut jar = cookies(&form);
    let csrf = csrf_of(&form.text().await.unwrap());
    let posted = client
        .post(format!("{}/signin", app.address))
        .header(COOKIE, jar.join("; "))
        .header("Origin", &app.address)
        .form(&[("api_key", key), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(posted.headers()[LOCATION], "/");
    jar.extend(cookies(&posted));
    jar.join("; ")
}

/// Follows `url` (absolute) from the sign-in page as someone signed out: the sign-in page
/// carries it, and signing in with `key` lands on it. Returns the session cookie.
async fn sign_in_to(app: &TestApp, url: &str, key: &str) -> String {
    let path = url.strip_prefix(&app.address).unwrap();
    let client = browser();
    let first = client.get(url).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::SEE_OTHER, "{url}");
    let signin = first.headers()[LOCATION].to_str().unwrap().to_owned();
    let expected = format!(
        "/signin?{}",
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("next", path)
            .finish()
    );
    assert_eq!(signin, expected);
    let form = client
        .get(format!("{}{signin}", app.address))
        .send()
        .await
        .unwrap();
    let mut jar = cookies(&form);
    let html = form.text().await.unwrap();
    let csrf = csrf_of(&html);
    let posted = client
        .post(format!("{}/signin", app.address))
        .header(COOKIE, jar.join("; "))
        .header("Origin", &app.address)
        .form(&[("api_key", key), ("csrf", csrf.as_str()), ("next", path)])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(posted.headers()[LOCATION].to_str().unwrap(), path);
    jar.extend(cookies(&posted));
    jar.join("; ")
}

async fn page(app: &TestApp, path: &str, cookie: &str, language: &str) -> (StatusCode, String) {
    let response = browser()
        .get(format!("{}{path}", app.address))
        .header(COOKIE, cookie)
        .header("Accept-Language", language)
        .send()
        .await
        .unwrap();
    let status = response.status();
    if status.is_success() {
        let policy = response.headers()[CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            policy.starts_with("default-src 'none'") && !policy.contains("unsafe"),
            "{policy}"
        );
        assert_eq!(response.headers()["content-language"], language);
    }
    (status, response.text().await.unwrap())
}

on_both_databases! {
    async fn a_member_signs_in_with_a_key_and_reads_questions_in_their_language(app) {
        let asker = app.member("Aiko Asano").await;
        let reader = app.member("Ben Brown").await;
        let q = app.ask(&asker.key, "承認フローの差し戻しを通知したい", "**太字**と<script>alert(1)</script>", &["approvals"], true).await;
        let id = q["id"].as_i64().unwrap();
        // Not signed in: sent to sign in.
        let (status, _) = page(app, "/", "", "ja").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        // The trial sign-in (no identity provider configured) says so, in Japanese.
        let (status, html) = page(app, "/signin", "", "ja").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("お試しモード") && html.contains(r#"<html lang="ja">"#), "{html}");
        let cookie = sign_in(app, &reader.key).await;
        let (status, home) = page(app, "/", &cookie, "ja").await;
        assert_eq!(status, StatusCode::OK, "{home}");
        assert!(home.contains("回答を待っている質問") && home.contains("承認フローの差し戻しを通知したい"), "{home}");
        assert!(home.contains("Ben Brown さんとしてサインイン中"), "{home}");
        // The question page: Markdown rendered, HTML typed into it shown as text, and the
        // anonymous asker not named — to a reader, as in the API.
        let (status, html) = page(app, &format!("/questions/{id}"), &cookie, "ja").await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("<strong>太字</strong>") && !html.contains("<script>"), "{html}");
        assert!(html.contains("匿名") && !html.contains("Aiko Asano"), "{html}");
        assert!(!home.contains("Aiko Asano"), "{home}");
        // The asker sees it is theirs, and that only they can see that.
        let mine = sign_in(app, &asker.key).await;
        let (_, html) = page(app, &format!("/questions/{id}"), &mine, "ja").await;
        assert!(html.contains("自分の質問だとわかるのはあなただけです"), "{html}");
        // English for English readers; a question that does not exist is a page, not JSON.
        let (_, html) = page(app, "/", &cookie, "en").await;
        assert!(html.contains("Waiting for an answer"), "{html}");
        let (status, html) = page(app, "/questions/999999", &cookie, "ja").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(html.contains("その ID の質問は見つかりません") || html.contains("見つかりません"), "{html}");
    }

    async fn forms_need_their_token_and_sign_out_ends_the_session(app) {
        let member = app.member("m").await;
        let client = browser();
        // A sign-in posted from elsewhere (no token, or another browser's) is refused.
        let forged = client
            .post(format!("{}/signin", app.address))
            .form(&[("api_key", member.key.as_str()), ("csrf", "x".repeat(43).as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        assert!(cookies(&forged).iter().all(|c| !c.starts_with("tsunagu_session=")));
        // A wrong key is said plainly, in the reader's language.
        let form = client.get(format!("{}/signin", app.address)).header("Accept-Language", "ja").send().await.unwrap();
        let jar = cookies(&form).join("; ");
        let csrf = csrf_of(&form.text().await.unwrap());
        // A sign-in with a valid token but posted from another site (a planted cookie) is
        // refused too: the browser would end up in someone else's account.
        let planted = client
            .post(format!("{}/signin", app.address))
            .header(COOKIE, &jar)
            .header("Origin", "https://evil.example")
            .form(&[("api_key", member.key.as_str()), ("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(planted.status(), StatusCode::FORBIDDEN);
        assert!(cookies(&planted).iter().all(|c| !c.starts_with("tsunagu_session=")));
        let wrong = client
            .post(format!("{}/signin", app.address))
            .header(COOKIE, &jar)
            .header("Origin", &app.address)
            .header("Accept-Language", "ja")
            .form(&[("api_key", "tsu_0000000000000000000000000000000000000000000"), ("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
        assert!(wrong.text().await.unwrap().contains("登録されていないか"));
        // Signing out needs the token too, then the old cookie no longer opens the pages.
        let cookie = sign_in(app, &member.key).await;
        let (_, home) = page(app, "/", &cookie, "en").await;
        let token = csrf_of(&home);
        let ignored = client.post(format!("{}/signout", app.address)).header(COOKIE, &cookie).header("Origin", &app.address).form(&[("csrf", "nope")]).send().await.unwrap();
        assert_eq!(ignored.status(), StatusCode::FORBIDDEN);
        assert_eq!(page(app, "/", &cookie, "en").await.0, StatusCode::OK);
        let out = client.post(format!("{}/signout", app.address)).header(COOKIE, &cookie).header("Origin", &app.address).form(&[("csrf", token.as_str())]).send().await.unwrap();
        assert_eq!(out.status(), StatusCode::SEE_OTHER);
        assert_eq!(out.headers()[LOCATION], "/signin");
        assert_eq!(page(app, "/", &cookie, "en").await.0, StatusCode::SEE_OTHER);
    }
}

/// Posts `fields` (and the browser's CSRF token) to `path` with `cookie`.
async fn post_form(
    app: &TestApp,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    // The token of the home page's forms (in whatever language the member reads it).
    let home = browser()
        .get(format!("{}/", app.address))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_of(&home);
    let mut form: Vec<(&str, &str)> = fields.to_vec();
    form.push(("csrf", token.as_str()));
    // What a browser sends with a form from the page itself.
    browser()
        .post(format!("{}{path}", app.address))
        .header(COOKIE, cookie)
        .header("Origin", &app.address)
        .header("Accept-Language", "ja")
        .form(&form)
        .send()
        .await
        .unwrap()
}

on_both_databases! {
    async fn a_beginner_asks_anonymously_and_a_colleague_answers_on_the_pages(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        let a = sign_in(app, &asker.key).await;
        let b = sign_in(app, &helper.key).await;
        // The Ask page says in plain words who will not see the name.
        let (status, html) = page(app, "/ask", &a, "ja").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("ほかのメンバーにも、モデレーターにも、管理者にも表示されません"), "{html}");
        // Problems come back on the form, in Japanese, with what was typed kept.
        let bad = post_form(app, "/ask", &a, &[("title", "短い"), ("body", "本文です"), ("tags", "")]).await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = bad.text().await.unwrap();
        assert!(html.contains("「タイトル」は 5 文字以上にしてください") && html.contains("本文です"), "{html}");
        // Asked anonymously: shown as theirs to the asker only.
        let posted = post_form(app, "/ask", &a, &[("title", "差し戻しのときだけメールしたい"), ("body", "条件の書き方が分かりません"), ("tags", "approvals、mail"), ("anonymous", "on")]).await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        let location = posted.headers()[LOCATION].to_str().unwrap().to_owned();
        assert!(location.ends_with("?asked=1"), "{location}");
        let (_, html) = page(app, &location, &a, "ja").await;
        assert!(html.contains("質問を投稿しました。 自分の質問だとわかるのはあなただけです。"), "{html}");
        let question_path = location.trim_end_matches("?asked=1").to_owned();
        let id: i64 = question_path.rsplit('/').next().unwrap().parse().unwrap();
        let api = app.get_json(&format!("/questions/{id}"), &asker.key).await;
        assert_eq!(api["anonymous"], true);
        assert_eq!(api["tags"], serde_json::json!(["approvals", "mail"]));
        // The colleague sees it waiting, without the name, and answers it.
        let (_, home) = page(app, "/", &b, "ja").await;
        assert!(home.contains("差し戻しのときだけメールしたい") && !home.contains("Aiko Asano"), "{home}");
        let (_, html) = page(app, &format!("{question_path}?asked=1"), &b, "ja").await;
        assert!(!html.contains("質問を投稿しました") && !html.contains("Aiko Asano"), "{html}");
        let empty = post_form(app, &format!("{question_path}/answers"), &b, &[("body", "")]).await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // A long Japanese answer fits (a form's limit is the API's body limit, not 16 KiB);
        // one over the limit is a Japanese page, not plain English text.
        let long = "長い回答です。".repeat(300);
        let answered = post_form(app, &format!("{question_path}/answers"), &b, &[("body", &long)]).await;
        assert_eq!(answered.status(), StatusCode::SEE_OTHER);
        let huge = "あ".repeat(30_000);
        let refused = post_form(app, &format!("{question_path}/answers"), &b, &[("body", &huge)]).await;
        assert_eq!(refused.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(refused.text().await.unwrap().contains("<html lang=\"ja\">"));
        let answered = post_form(app, &format!("{question_path}/answers"), &b, &[("body", "条件に **outcome** を使います")]).await;
        assert_eq!(answered.status(), StatusCode::SEE_OTHER);
        let (_, html) = page(app, &question_path, &a, "ja").await;
        assert!(html.contains("回答 2 件") && html.contains("<strong>outcome</strong>") && html.contains("Ben Brown"), "{html}");
        assert_eq!(app.get_json(&format!("/questions/{id}"), &helper.key).await["answer_count"], 2);
        // The colleague has the same question; the asker chooses the best answer and thanks.
        let answer_id = app.get_json(&format!("/questions/{id}"), &helper.key).await["answers"][0]["id"].as_i64().unwrap();
        assert_eq!(post_form(app, &format!("{question_path}/me-too"), &b, &[]).await.status(), StatusCode::SEE_OTHER);
        let (_, html) = page(app, &question_path, &a, "ja").await;
        assert!(html.contains("ベストアンサーに選ぶ") && html.contains("ありがとう (0)"), "{html}");
        let (_, html_b) = page(app, &question_path, &b, "ja").await;
        assert!(!html_b.contains("ベストアンサーに選ぶ") && !html_b.contains(&format!("/answers/{answer_id}/thanks")), "{html_b}");
        for path in [format!("/answers/{answer_id}/accept"), format!("/answers/{answer_id}/thanks")] {
            let done = post_form(app, &path, &a, &[]).await;
            assert_eq!(done.status(), StatusCode::SEE_OTHER, "{path}");
            assert_eq!(done.headers()[LOCATION].to_str().unwrap(), format!("{question_path}#answer-{answer_id}"));
        }
        // What the asker already gave reads as pressed (and stays reachable by keyboard).
        let (_, html) = page(app, &question_path, &a, "ja").await;
        assert!(html.contains(r#"aria-pressed="true">ありがとう (1)"#) && !html.contains(" disabled"), "{html}");
        let api = app.get_json(&format!("/questions/{id}"), &helper.key).await;
        assert_eq!(api["accepted_answer_id"], answer_id);
        assert_eq!(api["me_too_count"], 1);
        assert_eq!(api["answers"][0]["thanks_count"], 1);
        let (_, html) = page(app, &question_path, &b, "ja").await;
        assert!(html.contains("ベストアンサー") && !html.contains("Aiko Asano"), "{html}");
        // The helper may not choose the best answer of someone else's question: said on a page.
        let refused = post_form(app, &format!("/answers/{answer_id}/accept"), &b, &[]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert!(refused.text().await.unwrap().contains("<html lang=\"ja\">"));
        // A form from another site (no matching token) posts nothing.
        let forged = browser()
            .post(format!("{}/ask", app.address))
            .header(COOKIE, &b)
            .header("Origin", &app.address)
            .form(&[("title", "他サイトからの投稿です"), ("body", "x"), ("csrf", "y")])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.get_json("/questions", &helper.key).await["items"].as_array().unwrap().len(), 1);
    }
}

on_both_databases! {
    async fn every_web_url_opens_its_page_after_signing_in(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        let q = app.ask(&asker.key, "承認フローの差し戻しを通知したい", "どうすれば？", &["approvals"], true).await;
        let id = q["id"].as_i64().unwrap();
        assert_eq!(q["web_url"], format!("{}/questions/{id}", app.address));
        assert_eq!(q["link"], format!("{}/api/v1/questions/{id}", app.address));
        let a = app.answer(&helper.key, id, "条件で分岐します").await;
        let answer_id = a["id"].as_i64().unwrap();
        assert_eq!(a["web_url"], format!("{}/questions/{id}#answer-{answer_id}", app.address));
        assert_eq!(a["author"]["web_url"], format!("{}/members/{}", app.address, helper.id));
        let tip = app.post("/tips", &helper.key, serde_json::json!({
            "title": "承認メールに詳細リンクを入れる", "body": "**便利**です", "tags": ["approvals"], "level": "beginner"
        })).await.json::<serde_json::Value>().await.unwrap();
        let win = app.post("/wins", &asker.key, serde_json::json!({
            "title": "請求書の転記を自動化しました", "story": "毎月の作業がなくなりました",
            "impact": {"minutes_saved_per_run": 15, "runs_per_month": 20, "people_helped": 3},
            "helped_by": {"questions": [id], "tips": [tip["id"]]}
        })).await.json::<serde_json::Value>().await.unwrap();
        let profile = app.get_json(&format!("/members/{}", helper.id), &asker.key).await;
        // A signed-out reader who clicks a link from a Teams post signs in and lands on it.
        let cookie = sign_in_to(app, q["web_url"].as_str().unwrap(), &helper.key).await;
        let (status, html) = page(app, &format!("/questions/{id}"), &cookie, "ja").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("承認フローの差し戻しを通知したい") && !html.contains("Aiko Asano"), "{html}");
        // An answer's page is its question's (`/answers/{id}` for kudos and reports).
        let kudos_link = browser().get(format!("{}/answers/{answer_id}", app.address)).header(COOKIE, &cookie).send().await.unwrap();
        assert_eq!(kudos_link.status(), StatusCode::SEE_OTHER);
        assert_eq!(kudos_link.headers()[LOCATION].to_str().unwrap(), format!("/questions/{id}#answer-{answer_id}"));
        for (url, words) in [
            (tip["web_url"].as_str().unwrap(), vec!["承認メールに詳細リンクを入れる", "<strong>便利</strong>", "初級向け", "Ben Brown"]),
            (profile["web_url"].as_str().unwrap(), vec!["Ben Brown", "書いた回答", "書いたヒント"]),
        ] {
            let path = url.strip_prefix(&app.address).unwrap();
            let (status, html) = page(app, path, &cookie, "ja").await;
            assert_eq!(status, StatusCode::OK, "{path}: {html}");
            for word in words {
                assert!(html.contains(word), "{path} lacks {word}: {html}");
            }
        }
        // The win: hours saved, what helped (the anonymous question only to its author), kudos.
        let win_path = win["web_url"].as_str().unwrap().strip_prefix(&app.address).unwrap().to_owned();
        let (status, html) = page(app, &win_path, &cookie, "ja").await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("1 か月に 15 時間の節約") && html.contains("Aiko Asano") && html.contains("称賛はまだありません"), "{html}");
        assert!(html.contains("承認メールに詳細リンクを入れる") && !html.contains("承認フローの差し戻しを通知したい"), "{html}");
        let mine = sign_in(app, &asker.key).await;
        let (_, own) = page(app, &win_path, &mine, "en").await;
        assert!(own.contains("Saves 15 hours a month") && own.contains(&format!("/questions/{id}")) && !own.contains("Send kudos"), "{own}");
        // A message too long comes back on the page with the draft kept; nothing is given.
        let long = "す".repeat(281);
        let refused = post_form(app, &format!("{win_path}/kudos"), &cookie, &[("message", long.as_str())]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("280") && html.contains(&long), "{html}");
        assert_eq!(app.get_json(&win_path, &asker.key).await["kudos_count"], 0);
        let given = post_form(app, &format!("{win_path}/kudos"), &cookie, &[("message", "毎朝の作業がなくなりましたね！")]).await;
        assert_eq!(given.status(), StatusCode::SEE_OTHER);
        assert_eq!(given.headers()[LOCATION].to_str().unwrap(), format!("{win_path}#kudos"));
        let (_, html) = page(app, &win_path, &cookie, "ja").await;
        assert!(html.contains("称賛 1 件") && html.contains("称賛を送りました"), "{html}");
        assert_eq!(app.get_json(&win_path, &asker.key).await["kudos_count"], 1);
        // One's own win: refused on a page in the reader's language.
        let own_kudos = post_form(app, &format!("{win_path}/kudos"), &mine, &[]).await;
        assert_eq!(own_kudos.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Mistyped addresses are pages too, not JSON; the API still answers problem+json.
        for path in ["/questions/abc", "/no-such-page", "/wins/999999"] {
            let response = browser().get(format!("{}{path}", app.address)).header(COOKIE, &cookie)
                .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "ja").send().await.unwrap();
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"), "{path}");
            assert!(response.text().await.unwrap().contains("ホームへ戻る"), "{path}");
        }
        let api = browser().get(format!("{}/api/v1/no-such-route", app.address)).header("Accept", "text/html").send().await.unwrap();
        assert_eq!(api.headers()["content-type"], "application/problem+json");
        // A `next` that leaves the site is not followed.
        let (_, html) = page(app, "/signin?next=//evil.example/x", "", "en").await;
        assert!(html.contains(r#"name="next" value="/""#), "{html}");
    }
}

/// The position of `needle` in `haystack` (panics when absent).
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} is not on the page: {haystack}"))
}

on_both_databases! {
    async fn the_home_page_puts_the_longest_waiting_first_and_a_helpers_topics_above_the_rest(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        app.patch("/me", &helper.key, serde_json::json!({"helper_tags": ["sharepoint"]})).await;
        app.ask(&asker.key, "一番古い Excel の質問です", "x", &["excel"], false).await;
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        app.ask(&asker.key, "SharePoint のリストの質問です", "x", &["sharepoint"], true).await;
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        let newest = app.ask(&asker.key, "一番新しい Excel の質問です", "x", &["excel"], false).await;
        // The API's new order: the longest-waiting first.
        let oldest_first = app.get_json("/questions?unanswered=true&sort=oldest", &helper.key).await;
        let titles: Vec<&str> = oldest_first["items"].as_array().unwrap().iter().map(|q| q["title"].as_str().unwrap()).collect();
        assert_eq!(titles, ["一番古い Excel の質問です", "SharePoint のリストの質問です", "一番新しい Excel の質問です"]);
        // …page by page too (the cursor walks up).
        let first = app.get_json("/questions?unanswered=true&sort=oldest&limit=2", &helper.key).await;
        let cursor = first["next_cursor"].as_str().unwrap();
        let second = app.get_json(&format!("/questions?unanswered=true&sort=oldest&limit=2&cursor={cursor}"), &helper.key).await;
        assert_eq!(second["items"][0]["title"], "一番新しい Excel の質問です");
        assert_eq!(second["items"].as_array().unwrap().len(), 1);
        let searched = app.get_json("/questions?q=excel&sort=oldest&limit=1", &helper.key).await;
        let cursor = searched["next_cursor"].as_str().unwrap();
        let next = app.get_json(&format!("/questions?q=excel&sort=oldest&limit=1&cursor={cursor}"), &helper.key).await;
        assert_eq!((searched["items"][0]["title"].as_str(), next["items"][0]["title"].as_str()), (Some("一番古い Excel の質問です"), Some("一番新しい Excel の質問です")));
        let cookie = sign_in(app, &helper.key).await;
        app.post("/tips", &asker.key, serde_json::json!({"title": "承認メールに詳細リンクを入れる", "body": "x", "tags": ["approvals"]})).await;
        let (status, home) = page(app, "/", &cookie, "ja").await;
        assert_eq!(status, StatusCode::OK, "{home}");
        // The helper's topic first, then the rest oldest first, then the newest.
        let for_you = at(&home, "相談に乗れるタグで回答を待っている質問");
        let waiting = at(&home, r#"<h2 id="waiting">"#);
        assert!(for_you < at(&home, "SharePoint のリストの質問です") && at(&home, "SharePoint のリストの質問です") < waiting, "{home}");
        assert!(waiting < at(&home, "一番古い Excel の質問です") && at(&home, "一番古い Excel の質問です") < at(&home, "一番新しい Excel の質問です"), "{home}");
        assert!(home.contains("今日のヒント") && home.contains("承認メールに詳細リンクを入れる"), "{home}");
        assert!(home.contains(r#"href="/?tag=excel""#), "{home}");
        // Someone without helper topics has no such list; a tag narrows (the tag's page).
        let asker_cookie = sign_in(app, &asker.key).await;
        let (_, home) = page(app, "/?tag=sharepoint", &asker_cookie, "ja").await;
        assert!(!home.contains("相談に乗れるタグで回答を待っている") && home.contains("「sharepoint」の質問") && !home.contains("一番古い Excel"), "{home}");
        // A tag nobody uses is a page that says so, not lists that say every question is answered.
        let (status, html) = page(app, "/?tag=no-such-tag", &asker_cookie, "ja").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!html.contains("すべての質問に回答があります"), "{html}");
        // Search: every word, highlighted; a bad search is said on the page.
        let (status, html) = page(app, "/search?q=excel+%E8%B3%AA%E5%95%8F", &cookie, "ja").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("2 件の質問が見つかりました") && html.contains("<mark>Excel</mark>") && html.contains("<mark>質問</mark>"), "{html}");
        assert!(!html.contains("SharePoint のリスト"), "{html}");
        let long = "あ".repeat(201);
        let (status, html) = page(app, &format!("/search?q={long}"), &cookie, "ja").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("200 文字以内"), "{html}");
        // Topics with their counts.
        let (_, html) = page(app, "/tags", &cookie, "ja").await;
        assert!(html.contains(r#"<a class="tag" href="/?tag=excel">excel</a></td><td>2</td>"#), "{html}");
        assert_eq!(newest["status"], "open");
    }

    async fn members_write_tips_and_log_wins_citing_what_helped_on_the_pages(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        let q = app.ask(&helper.key, "請求書の転記を自動にしたい", "Excel から", &["excel"], false).await;
        let id = q["id"].as_i64().unwrap();
        let a = sign_in(app, &asker.key).await;
        // A tip: problems come back with what was typed; then it is published.
        let refused = post_form(app, "/tips/new", &a, &[("title", "短い"), ("body", "本文"), ("level", "intermediate"), ("tags", "excel")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("5 文字以上") && html.contains(r#"value="intermediate" selected"#), "{html}");
        let posted = post_form(app, "/tips/new", &a, &[("title", "転記はテーブルにしてから"), ("body", "**テーブル**に"), ("level", "intermediate"), ("tags", "excel、power-automate")]).await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        let tip_path = posted.headers()[LOCATION].to_str().unwrap().to_owned();
        let tip = app.get_json(&tip_path, &helper.key).await;
        assert_eq!((tip["level"].as_str(), tip["tags"].as_array().unwrap().len()), (Some("intermediate"), 2));
        let (_, tips) = page(app, "/tips?level=intermediate", &a, "ja").await;
        assert!(tips.contains("転記はテーブルにしてから") && tips.contains("中級向け"), "{tips}");
        let (_, tips) = page(app, "/tips?level=beginner", &a, "ja").await;
        assert!(!tips.contains("転記はテーブルにしてから"), "{tips}");
        // A win from the question page's link: the question is cited from the start.
        let (_, question) = page(app, &format!("/questions/{id}"), &a, "ja").await;
        assert!(question.contains(&format!(r#"href="/wins/new?question={id}""#)), "{question}");
        let (status, form) = page(app, &format!("/wins/new?question={id}"), &a, "ja").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains(&format!(r#"value="question:{id}" checked"#)) && form.contains("請求書の転記を自動にしたい"), "{form}");
        // "Find" keeps what was typed, shows the hours, and offers the tip.
        let cite = format!("question:{id}");
        let found = post_form(app, "/wins/new", &a, &[("title", "請求書の転記を自動化"), ("story", "毎月の転記がなくなった"), ("minutes", "12.5"), ("runs", "20"), ("people", "3"), ("cite", cite.as_str()), ("find", "テーブル"), ("action", "find")]).await;
        assert_eq!(found.status(), StatusCode::OK);
        let html = found.text().await.unwrap();
        assert!(html.contains("1 か月に 12.5 時間の節約") && html.contains("転記はテーブルにしてから") && html.contains(r#"value="請求書の転記を自動化""#), "{html}");
        let tip_cite = format!("tip:{}", tip["id"]);
        // Not a number: said in words, nothing logged.
        // Every problem at once: the numbers, and the title too short.
        let refused = post_form(app, "/wins/new", &a, &[("title", "短い"), ("story", "x"), ("minutes", "十"), ("runs", "2.5"), ("people", "3")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("「1 回あたりの節約時間（分）」には数字を入れてください") && html.contains("「1 か月の実行回数」には整数を入れてください"), "{html}");
        assert!(html.contains("5 文字以上") && !html.contains("「助かる人数」"), "{html}");
        assert_eq!(app.get_json("/wins", &a_key(&asker)).await["items"].as_array().unwrap().len(), 0);
        // Full-width digits and grouping commas are numbers as typed by office staff.
        let logged = post_form(app, "/wins/new", &a, &[("title", "請求書の転記を自動化"), ("story", "毎月の転記がなくなった"), ("minutes", "１２．５"), ("runs", "２０"), ("people", "3"), ("cite", cite.as_str()), ("cite", tip_cite.as_str()), ("action", "log")]).await;
        assert_eq!(logged.status(), StatusCode::SEE_OTHER);
        let win_path = logged.headers()[LOCATION].to_str().unwrap().to_owned();
        let win = app.get_json(&win_path, &helper.key).await;
        assert_eq!(win["hours_saved_per_month"], 12.5);
        assert_eq!(win["helped_by"], serde_json::json!({"questions": [id], "tips": [tip["id"]]}));
        let (_, wins) = page(app, "/wins", &a, "ja").await;
        assert!(wins.contains("請求書の転記を自動化") && wins.contains("1 か月に 12.5 時間の節約"), "{wins}");
        // The Markdown preview (the forms' script): sanitised as on the pages, with the token only.
        let shown = post_form(app, "/preview", &a, &[("body", "**太字**<script>alert(1)</script>")]).await;
        assert_eq!(shown.status(), StatusCode::OK);
        assert_eq!(shown.text().await.unwrap(), "<p><strong>太字</strong>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
        let forged = browser().post(format!("{}/preview", app.address)).header(COOKIE, &a).header("Origin", &app.address).form(&[("body", "x"), ("csrf", "y")]).send().await.unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        // The script is served, and every page allows it by this page's nonce only.
        let script = browser().get(format!("{}/static/app.js", app.address)).send().await.unwrap();
        assert_eq!(script.headers()["content-type"], "text/javascript; charset=utf-8");
        // The icon (no 404 in the browser's console on the first page).
        for path in ["/static/icon.png", "/favicon.ico"] {
            let icon = browser().get(format!("{}{path}", app.address)).send().await.unwrap();
            assert_eq!(icon.headers()["content-type"], "image/png");
            assert!(icon.bytes().await.unwrap().starts_with(b"\x89PNG"), "{path}");
        }
        let home = browser().get(format!("{}/", app.address)).header(COOKIE, &a).send().await.unwrap();
        let policy = home.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
        let html = home.text().await.unwrap();
        let nonce = policy.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap();
        assert!(html.contains(&format!(r#"<script src="/static/app.js" nonce="{nonce}" defer></script>"#)), "{policy}");
        assert_eq!(html.matches("<script").count(), 1, "{html}");
    }
}

fn a_key(member: &TestMember) -> String {
    member.key.clone()
}

on_both_databases! {
    async fn a_member_changes_settings_and_reads_the_pages_in_the_language_they_chose(app) {
        let member = app.member("Aiko Asano").await;
        let cookie = sign_in(app, &member.key).await;
        let (_, html) = page(app, "/settings", &cookie, "ja").await;
        assert!(html.contains("ブラウザーの設定に合わせる") && html.contains(r#"value="beginner" selected"#), "{html}");
        // Too many helper topics: said with what was typed kept; nothing saved.
        let many = (1..=11).map(|i| format!("topic{i}")).collect::<Vec<_>>().join(" ");
        let refused = post_form(app, "/settings", &cookie, &[("level", "advanced"), ("interests", "excel"), ("helper_tags", many.as_str()), ("language", "")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("topic11") && html.contains("10"), "{html}");
        assert_eq!(app.get_json("/me", &member.key).await["level"], "beginner");
        let saved = post_form(app, "/settings", &cookie, &[("level", "advanced"), ("interests", "excel、approvals"), ("helper_tags", "sharepoint"), ("leaderboard", "on"), ("language", "")]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let me = app.get_json("/me", &member.key).await;
        assert_eq!((me["level"].as_str(), me["show_on_leaderboard"].as_bool()), (Some("advanced"), Some(true)));
        assert_eq!(me["interests"], serde_json::json!(["approvals", "excel"]));
        assert_eq!(me["helper_tags"], serde_json::json!(["sharepoint"]));
        // The footer's switch: English now, though the browser asks for Japanese.
        let switched = post_form(app, "/language", &cookie, &[("language", "en"), ("back", "/tips?level=advanced")]).await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        assert_eq!(switched.headers()[LOCATION], "/tips?level=advanced");
        let response = browser().get(format!("{}/tips", app.address)).header(COOKIE, &cookie).header("Accept-Language", "ja").send().await.unwrap();
        assert_eq!(response.headers()["content-language"], "en");
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"<html lang="en">"#) && html.contains("Write a tip") && html.contains(">日本語</button>"), "{html}");
        // Another site's address is not followed back.
        let away = post_form(app, "/language", &cookie, &[("language", "ja"), ("back", "//evil.example/")]).await;
        assert_eq!(away.headers()[LOCATION], "/");
        // "As my browser says" again.
        post_form(app, "/settings", &cookie, &[("level", "advanced"), ("language", "")]).await;
        assert!(app.get_json("/me", &member.key).await.get("language").is_none());
    }
}

on_both_databases! {
    async fn moderators_see_the_community_dashboard_with_this_period_against_the_last(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        let moderator = app.member_with_role("Mio Moderator", "moderator").await;
        app.patch("/me", &helper.key, serde_json::json!({"show_on_leaderboard": true})).await;
        // Opted in, but helped nobody: not a helper.
        let idle = app.member("Chika Idle").await;
        app.patch("/me", &idle.key, serde_json::json!({"show_on_leaderboard": true})).await;
        let q = app.ask(&asker.key, "いちばん長く待っている質問です", "x", &["excel"], true).await;
        let answered = app.ask(&asker.key, "回答された質問です", "x", &["excel"], false).await;
        let a = app.answer(&helper.key, answered["id"].as_i64().unwrap(), "こうします").await;
        app.post(&format!("/answers/{}/accept", a["id"]), &asker.key, serde_json::json!({})).await;
        app.post("/wins", &asker.key, serde_json::json!({"title": "請求書の転記を自動化", "story": "x",
            "impact": {"minutes_saved_per_run": 30, "runs_per_month": 4, "people_helped": 1}})).await;
        // A member: not for them (by default).
        let member = sign_in(app, &helper.key).await;
        let (status, html) = page(app, "/dashboard", &member, "ja").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(html.contains("モデレーターと管理者だけ") && !html.contains(r#"href="/dashboard""#), "{html}");
        // The moderator: figures named as in the connector, with units and the change.
        let cookie = sign_in(app, &moderator.key).await;
        let (status, html) = page(app, "/dashboard", &cookie, "ja").await;
        assert_eq!(status, StatusCode::OK, "{html}");
        for expected in ["直近 30 日とその前の 30 日", "<th scope=\"row\">質問数</th><td class=\"now\">2 件</td><td>0 件</td><td>+2</td>",
            "<th scope=\"row\">24 時間以内の回答率</th><td class=\"now\">50 %</td><td>—</td><td>—</td>", "記録した成果数", "いちばん長く待っている質問です", "Ben Brown", "CSV をダウンロード",
            "記録された成果による 1 か月の節約時間", "2 時間", r#"href="/dashboard""#] {
            assert!(html.contains(expected), "the dashboard lacks {expected}: {html}");
        }
        assert!(!html.contains("Chika Idle"), "{html}");
        // An answer within seconds: the median wait is under a minute, not "0 hours".
        assert!(html.contains("<th scope=\"row\">最初の回答までの時間（中央値）</th><td class=\"now\">1 分未満</td>"), "{html}");
        // No answer in the period before: its median is "—", not a missing row.
        assert!(html.matches("<td>—</td><td>—</td>").count() >= 2, "the median row shows — for the empty period: {html}");
        // The waiting list links the anonymous question without naming its asker.
        assert!(html.contains(&format!("/questions/{}", q["id"])) && !html.contains("Aiko Asano"), "{html}");
        // The CSV button works with the browser's session.
        let csv = browser().get(format!("{}/api/v1/stats/health.csv?interval=month", app.address)).header(COOKIE, &cookie).send().await.unwrap();
        assert_eq!(csv.status(), StatusCode::OK);
        let text = csv.text().await.unwrap();
        assert!(text.trim_start_matches('\u{feff}').starts_with("start,"), "{text}");
    }
}

#[tokio::test]
async fn an_admin_can_open_the_dashboard_to_every_member() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.dashboard_for_members = true).await;
    let member = app.member("Ben Brown").await;
    let cookie = sign_in(&app, &member.key).await;
    let (status, html) = page(&app, "/dashboard", &cookie, "en").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("The last 30 days against the 30 before")
            && html.contains(r#"href="/dashboard""#),
        "{html}"
    );
    app.stop().await;
}

#[tokio::test]
async fn in_a_teams_tab_the_cookies_reach_the_frame_and_teams_may_frame_the_pages() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.teams_tab = true).await;
    let form = browser()
        .get(format!("{}/signin", app.address))
        .send()
        .await
        .unwrap();
    let policy = form.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("frame-ancestors 'self' https://teams.microsoft.com"),
        "{policy}"
    );
    assert!(form.headers().get("x-frame-options").is_none());
    let set_cookie = form.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(
        set_cookie.contains("SameSite=None")
            && set_cookie.contains("Secure")
            && set_cookie.contains("HttpOnly"),
        "{set_cookie}"
    );
    let html = form.text().await.unwrap();
    // The trial form works in a frame as it is; the note for the company sign-in waits hidden.
    assert!(html.contains(r#"name="api_key""#), "{html}");
    app.stop().await;
    // Outside a tab, Lax as before.
    let app = spawn_app(Backend::Sqlite).await;
    let form = browser()
        .get(format!("{}/signin", app.address))
        .send()
        .await
        .unwrap();
    assert!(form.headers()[SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("SameSite=Lax"));
    app.stop().await;
}

on_both_databases! {
    async fn revoking_a_key_signs_out_every_browser_that_used_it(app) {
        // The admin was shown Hana's first key, signed a browser in with it, made a key of
        // their own from it and subscribed a flow to "my question was answered".
        let hana = app.member("Hana Hayashi").await;
        let helper = app.member("Ben Brown").await;
        let admins_browser = sign_in(app, &hana.key).await;
        let admins_key = app.post("/me/api-keys", &hana.key, serde_json::json!({"name": "Made on the settings page"})).await.json::<serde_json::Value>().await.unwrap()["secret"].as_str().unwrap().to_owned();
        let receiver = crate::receiver::Receiver::start(crate::receiver::Behaviour::default()).await;
        let hook = app.post("/subscriptions/question-answered", &hana.key, serde_json::json!({"callback_url": receiver.url("/hook"), "mine_only": true})).await;
        assert_eq!(hook.status(), StatusCode::CREATED);
        let hanas_browser = sign_in(app, &hana.key).await;
        // Hana starts over on the settings page: one new key, shown once; everything else ends.
        let made = post_form(app, "/settings/keys", &hanas_browser, &[]).await;
        assert_eq!(made.status(), StatusCode::OK);
        let html = made.text().await.unwrap();
        let secret = html.split(r#"<code class="secret">"#).nth(1).unwrap().split('<').next().unwrap().to_owned();
        assert!(secret.starts_with("tsu_") && html.contains("この一度だけ"), "{html}");
        assert_eq!(app.get_json("/me/api-keys", &secret).await["items"].as_array().unwrap().len(), 1);
        for old in [&hana.key, &admins_key] {
            assert_eq!(app.get("/me", old).await.status(), StatusCode::UNAUTHORIZED);
        }
        // The admin's browser is signed out and the admin's flow no longer hears of her.
        let (status, _) = page(app, "/", &admins_browser, "ja").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let listed = browser().get(format!("{}/api/v1/questions?mine=true", app.address)).header(COOKIE, &admins_browser).send().await.unwrap();
        assert_eq!(listed.status(), StatusCode::UNAUTHORIZED);
        let subscriptions = app.get_json("/subscriptions", &secret).await;
        assert!(subscriptions["items"].as_array().unwrap().iter().all(|s| s["active"] == false && s["ended_reason"] == "key_revoked"), "{subscriptions}");
        // Hana signs in with her new key and goes on.
        let again = sign_in(app, &secret).await;
        assert_eq!(page(app, "/settings", &again, "ja").await.0, StatusCode::OK);
        // Her next anonymous question, answered: nothing reaches the admin's flow.
        let q = app.ask(&secret, "作り直したあとの匿名の質問", "本文", &[], true).await;
        app.answer(&helper.key, q["id"].as_i64().unwrap(), "こうします").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(receiver.received().is_empty(), "the revoked key's trigger still fired");
        // Revoking one key through the API does the same.
        let other = app.post("/me/api-keys", &secret, serde_json::json!({"name": "flow"})).await.json::<serde_json::Value>().await.unwrap();
        assert_eq!(app.delete(&format!("/me/api-keys/{}", other["id"]), &secret).await.status(), StatusCode::NO_CONTENT);
        assert_eq!(page(app, "/", &again, "ja").await.0, StatusCode::SEE_OTHER);
    }
}

on_both_databases! {
    async fn pages_say_what_is_hidden_and_whose_answer_is_whose_and_never_answer_in_plain_text(app) {
        let asker = app.member("Aiko Asano").await;
        let reporter = app.member("Ren Reporter").await;
        let moderator = app.member_with_role("Mio Moderator", "moderator").await;
        let q = app.ask(&asker.key, "個人の電話番号を書いてしまった質問", "090-xxxx", &["excel"], true).await;
        let id = q["id"].as_i64().unwrap();
        app.answer(&asker.key, id, "自分で補足します").await;
        // The asker's own answer in her anonymous thread reads as hers-anonymous to her.
        let mine = sign_in(app, &asker.key).await;
        let (_, html) = page(app, &format!("/questions/{id}"), &mine, "ja").await;
        assert!(html.contains(r#"<h3 class="meta">あなた（匿名）</h3>"#) && !html.contains("Aiko Asano</a></h3>"), "{html}");
        // Hidden by a moderator: its author sees that, and why.
        let report = app.post("/reports", &reporter.key, serde_json::json!({"target_kind": "question", "target_id": id, "reason": "personal_information"})).await.json::<serde_json::Value>().await.unwrap();
        let hidden = app.post(&format!("/reports/{}/resolve", report["id"]), &moderator.key, serde_json::json!({"action": "hide", "reason": "電話番号が含まれていたため"})).await;
        assert_eq!(hidden.status(), StatusCode::OK);
        let (_, html) = page(app, &format!("/questions/{id}"), &mine, "ja").await;
        assert!(html.contains("モデレーターが非表示にしました") && html.contains("電話番号が含まれていたため"), "{html}");
        // Addresses a page cannot read are pages, in the reader's language.
        for path in ["/wins/new?question=abc", "/tips?level=beginner&level=advanced", "/?tag=a&tag=b"] {
            let response = browser().get(format!("{}{path}", app.address)).header(COOKIE, &mine).header("Accept-Language", "ja").send().await.unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
            assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"), "{path}");
            assert!(response.text().await.unwrap().contains("読み取れない指定"), "{path}");
        }
        let (status, html) = page(app, "/tips?level=expert", &mine, "ja").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(html.contains("読み取れない指定") && !html.contains("API"), "{html}");
        let (status, html) = page(app, "/search?q=x&cursor=garbage", &mine, "ja").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(html.contains("別の検索のものか、途中で切れています"), "{html}");
        // After signing in, a page — never an API document.
        let (_, html) = page(app, "/signin?next=/api/v1/me", "", "ja").await;
        assert!(html.contains(r#"name="next" value="/""#), "{html}");
    }
}

#[tokio::test]
async fn search_results_come_a_page_at_a_time() {
    let app = spawn_app(Backend::Sqlite).await;
    let member = app.member("Aiko Asano").await;
    for i in 0..33 {
        app.ask(
            &member.key,
            &format!("ページ送りの質問 {i:02}"),
            "本文",
            &[],
            false,
        )
        .await;
    }
    let cookie = sign_in(&app, &member.key).await;
    let (_, first) = page(
        &app,
        "/search?q=%E3%83%9A%E3%83%BC%E3%82%B8%E9%80%81%E3%82%8A",
        &cookie,
        "ja",
    )
    .await;
    assert!(
        first.contains("最初の 30 件")
            && first.contains("の質問 32<")
            && first.contains("の質問 03<")
            && !first.contains("の質問 02<"),
        "{first}"
    );
    let next = first
        .split(r#"<p><a href=""#)
        .last()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    assert!(
        next.starts_with("/search?q=") && next.contains("cursor="),
        "{next}"
    );
    let (status, second) = page(&app, &next, &cookie, "ja").await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert!(
        second.contains("見つかった質問の続き")
            && second.contains("の質問 00<")
            && second.contains("の質問 02<")
            && !second.contains("の質問 03<")
            && !second.contains("次の質問を見る"),
        "{second}"
    );
    // No words: every question, newest first.
    let (_, all) = page(&app, "/search", &cookie, "ja").await;
    assert!(
        all.contains("すべての質問（新しい順）") && all.contains("次の質問を見る"),
        "{all}"
    );
    app.stop().await;
}

on_both_databases! {
    async fn the_asker_shows_her_name_when_she_wants_and_members_mark_tips_helpful(app) {
        let asker = app.member("Aiko Asano").await;
        let reader = app.member("Ben Brown").await;
        let q = app.ask(&asker.key, "名前を出すか迷っている質問", "本文", &[], true).await;
        let path = format!("/questions/{}", q["id"]);
        let mine = sign_in(app, &asker.key).await;
        let theirs = sign_in(app, &reader.key).await;
        let (_, html) = page(app, &path, &theirs, "ja").await;
        assert!(!html.contains("Aiko Asano") && !html.contains("この質問に名前を出す"), "{html}");
        let (_, html) = page(app, &path, &mine, "ja").await;
        assert!(html.contains("この質問に名前を出す") && html.contains("あとで匿名に戻せます"), "{html}");
        // Only the asker may: the reader's attempt is refused.
        assert_eq!(post_form(app, &format!("{path}/anonymity"), &theirs, &[("anonymous", "false")]).await.status(), StatusCode::FORBIDDEN);
        // Anything but the buttons' own values changes nothing (a checkbox's `on` included).
        for odd in ["on", "1", "True", "yes", ""] {
            assert_eq!(post_form(app, &format!("{path}/anonymity"), &mine, &[("anonymous", odd)]).await.status(), StatusCode::BAD_REQUEST, "{odd}");
        }
        let (_, html) = page(app, &path, &theirs, "ja").await;
        assert!(!html.contains("Aiko Asano"), "{html}");
        let shown = post_form(app, &format!("{path}/anonymity"), &mine, &[("anonymous", "false")]).await;
        assert_eq!(shown.status(), StatusCode::SEE_OTHER);
        let (_, html) = page(app, &path, &theirs, "ja").await;
        assert!(html.contains("Aiko Asano"), "{html}");
        post_form(app, &format!("{path}/anonymity"), &mine, &[("anonymous", "true")]).await;
        let (_, html) = page(app, &path, &theirs, "ja").await;
        assert!(!html.contains("Aiko Asano"), "{html}");
        // A tip: "helpful" from others, not from its author.
        let tip = app.post("/tips", &asker.key, serde_json::json!({"title": "承認メールに詳細リンクを入れる", "body": "x"})).await.json::<serde_json::Value>().await.unwrap();
        let tip_path = format!("/tips/{}", tip["id"]);
        assert_eq!(post_form(app, &format!("{tip_path}/helpful"), &theirs, &[]).await.status(), StatusCode::SEE_OTHER);
        let (_, html) = page(app, &tip_path, &theirs, "ja").await;
        assert!(html.contains(r#"aria-pressed="true">役に立った (1)"#), "{html}");
        assert_eq!(post_form(app, &format!("{tip_path}/helpful"), &mine, &[]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}

on_both_databases! {
    async fn the_asker_sends_kudos_to_an_answer_from_the_page_and_stays_unnamed(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        app.post("/tips", &helper.key, serde_json::json!({"title": "sharepoint の一覧を使うときのコツ", "body": "x", "tags": ["sharepoint"]})).await;
        let q = app.ask(&asker.key, "助けてもらった質問です", "本文", &[], true).await;
        let a = app.answer(&helper.key, q["id"].as_i64().unwrap(), "こうします").await;
        let mine = sign_in(app, &asker.key).await;
        let (_, ask) = page(app, "/ask", &mine, "ja").await;
        assert!(ask.contains("よく使われているタグ：") && ask.contains(r#"<code data-tag="sharepoint">sharepoint</code>"#), "{ask}");
        let sent = post_form(app, &format!("/answers/{}/kudos", a["id"]), &mine, &[]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let back = sent.headers()[LOCATION].to_str().unwrap().to_owned();
        assert_eq!(back, format!("/questions/{}?kudos={}#answer-{}", q["id"], a["id"], a["id"]));
        let (_, html) = page(app, back.split('#').next().unwrap(), &mine, "ja").await;
        assert!(html.contains("称賛を送りました"), "{html}");
        assert_eq!(app.get_json(&format!("/members/{}", helper.id), &helper.key).await["kudos_received"], 1);
        // The helper is told by whom — by nobody named: the asker is anonymous here.
        let events = app.get_json("/events?after=0&types=kudos.received", &helper.key).await;
        assert_eq!(events["items"][0]["kudos"]["from_asker"], true);
        assert!(!events.to_string().contains("Aiko Asano"), "{events}");
        // Not to one's own answer.
        let own = app.answer(&asker.key, q["id"].as_i64().unwrap(), "自分で補足").await;
        assert_eq!(post_form(app, &format!("/answers/{}/kudos", own["id"]), &mine, &[]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}

on_both_databases! {
    async fn askers_and_answerers_delete_their_own_posts_from_the_pages(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        let q = app.ask(&asker.key, "消したくなった質問です", "本文", &[], true).await;
        let a = app.answer(&helper.key, q["id"].as_i64().unwrap(), "こうします").await;
        let mine = sign_in(app, &asker.key).await;
        let theirs = sign_in(app, &helper.key).await;
        let path = format!("/questions/{}", q["id"]);
        let (_, html) = page(app, &path, &theirs, "ja").await;
        assert!(!html.contains("この質問を削除する") && html.contains("この回答を削除する"), "{html}");
        assert_eq!(post_form(app, &format!("{path}/delete"), &theirs, &[]).await.status(), StatusCode::FORBIDDEN);
        let gone = post_form(app, &format!("/answers/{}/delete", a["id"]), &theirs, &[]).await;
        assert_eq!(gone.status(), StatusCode::SEE_OTHER);
        assert_eq!(gone.headers()[LOCATION].to_str().unwrap(), path);
        assert_eq!(app.get_json(&path, &asker.key).await["answer_count"], 0);
        let deleted = post_form(app, &format!("{path}/delete"), &mine, &[]).await;
        assert_eq!((deleted.status(), deleted.headers()[LOCATION].to_str().unwrap()), (StatusCode::SEE_OTHER, "/"));
        assert_eq!(page(app, &path, &mine, "ja").await.0, StatusCode::NOT_FOUND);
    }
}

on_both_databases! {
    async fn members_report_posts_from_the_page_and_nobody_learns_who(app) {
        let author = app.member("Aki Author").await;
        let reporter = app.member("Ren Reporter").await;
        let moderator = app.member_with_role("Mio Moderator", "moderator").await;
        let q = app.ask(&author.key, "きつい言い方の質問", "本文", &[], false).await;
        let a = app.answer(&author.key, q["id"].as_i64().unwrap(), "そんなことも知らないの？").await;
        let cookie = sign_in(app, &reporter.key).await;
        let path = format!("/questions/{}", q["id"]);
        let (_, html) = page(app, &path, &cookie, "ja").await;
        assert!(html.contains("モデレーターに報告する") && html.contains("誰が報告したかはモデレーターにも伝わりません"), "{html}");
        let back = format!("{path}#answer-{}", a["id"]);
        let id = a["id"].to_string();
        let sent = post_form(app, "/report", &cookie, &[("target_kind", "answer"), ("target_id", id.as_str()), ("reason", "unkind"), ("note", "初心者がこわがります"), ("back", back.as_str())]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        assert_eq!(sent.headers()[LOCATION].to_str().unwrap(), format!("{path}?reported=1#answer-{}", a["id"]));
        let (_, html) = page(app, &format!("{path}?reported=1"), &cookie, "ja").await;
        assert!(html.contains("あなたが報告したことは誰にも伝わりません"), "{html}");
        let queue = app.get_json("/reports", &moderator.key).await;
        assert_eq!(queue["items"][0]["reason"], "unkind");
        assert!(!queue.to_string().contains("Ren Reporter"), "{queue}");
        // Not one's own post; not an unknown reason.
        let mine = sign_in(app, &author.key).await;
        let (_, own) = page(app, &path, &mine, "ja").await;
        assert!(!own.contains("モデレーターに報告する"), "{own}");
        let refused = post_form(app, "/report", &mine, &[("target_kind", "answer"), ("target_id", id.as_str()), ("reason", "unkind"), ("back", "/")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let odd = post_form(app, "/report", &cookie, &[("target_kind", "answer"), ("target_id", id.as_str()), ("reason", "boring"), ("back", "/")]).await;
        assert_eq!(odd.status(), StatusCode::NOT_FOUND);
    }
}

/// The `version` the edit form at `path` started from.
fn version_of(html: &str) -> String {
    html.split(r#"name="version" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned()
}

on_both_databases! {
    async fn askers_and_answerers_edit_their_own_posts_from_the_pages_and_nothing_typed_is_lost(app) {
        let asker = app.member("Aiko Asano").await;
        let helper = app.member("Ben Brown").await;
        let q = app.ask(&asker.key, "承認フローの通知が来ません", "本文です", &["approvals"], true).await;
        let a = app.answer(&helper.key, q["id"].as_i64().unwrap(), "設定を見てください").await;
        let mine = sign_in(app, &asker.key).await;
        let theirs = sign_in(app, &helper.key).await;
        let path = format!("/questions/{}", q["id"]);
        let (_, html) = page(app, &path, &mine, "ja").await;
        assert!(html.contains("この質問を編集する") && !html.contains("この回答を編集する"), "{html}");
        // The asker's form is filled with her question; the helper may not open it.
        let (status, form) = page(app, &format!("{path}/edit"), &mine, "ja").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("承認フローの通知が来ません") && form.contains("本文です") && form.contains(r#"value="approvals""#), "{form}");
        assert_eq!(page(app, &format!("{path}/edit"), &theirs, "ja").await.0, StatusCode::FORBIDDEN);
        let version = version_of(&form);
        let fields = [("title", "承認フローの通知が届きません"), ("body", "**太字**で詳しく"), ("tags", "approvals、通知"), ("version", version.as_str())];
        assert_eq!(post_form(app, &format!("{path}/edit"), &theirs, &fields).await.status(), StatusCode::FORBIDDEN);
        // A title too short comes back with the text kept and the problem in her language.
        let short = [("title", "短い"), ("body", "残してほしい本文"), ("tags", ""), ("version", version.as_str())];
        let refused = post_form(app, &format!("{path}/edit"), &mine, &short).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("残してほしい本文") && refused.contains("5"), "{refused}");
        let saved = post_form(app, &format!("{path}/edit"), &mine, &fields).await;
        assert_eq!((saved.status(), saved.headers()[LOCATION].to_str().unwrap()), (StatusCode::SEE_OTHER, path.as_str()));
        let edited = app.get_json(&path, &asker.key).await;
        assert_eq!(edited["title"], "承認フローの通知が届きません");
        assert_eq!(edited["body"], "**太字**で詳しく");
        assert_eq!(edited["tags"], serde_json::json!(["approvals", "通知"]));
        assert_eq!(edited["anonymous"], true, "editing keeps the question anonymous");
        let (_, shown) = page(app, &path, &theirs, "ja").await;
        assert!(shown.contains("<strong>太字</strong>") && !shown.contains("Aiko"), "{shown}");
        // A form opened before that change comes back with what was typed, and the newer
        // version to build on; saving again then replaces it.
        let stale = [("title", "古い画面からの題名です"), ("body", "古い画面で書いた本文"), ("tags", ""), ("version", version.as_str())];
        let conflict = post_form(app, &format!("{path}/edit"), &mine, &stale).await;
        assert_eq!(conflict.status(), StatusCode::CONFLICT);
        let conflict = conflict.text().await.unwrap();
        assert!(conflict.contains("古い画面で書いた本文") && conflict.contains("ほかの人がこの投稿を変更しました"), "{conflict}");
        let newer = version_of(&conflict);
        assert_ne!(newer, version);
        // A version that cannot be read is out of date too: the text comes back, nothing lost.
        let mangled = [("title", "壊れた版の題名です"), ("body", "壊れた版で書いた本文"), ("tags", ""), ("version", "abc")];
        let kept = post_form(app, &format!("{path}/edit"), &mine, &mangled).await;
        assert_eq!(kept.status(), StatusCode::CONFLICT);
        assert!(kept.text().await.unwrap().contains("壊れた版で書いた本文"));
        assert_eq!(app.get_json(&path, &asker.key).await["body"], "**太字**で詳しく", "nothing saved over the newer text");
        // The helper edits her answer; the asker may not.
        let answer_edit = format!("/answers/{}/edit", a["id"]);
        assert_eq!(page(app, &answer_edit, &mine, "ja").await.0, StatusCode::FORBIDDEN);
        let (status, form) = page(app, &answer_edit, &theirs, "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("設定を見てください") && !form.contains(r#"name="title""#), "{form}");
        let fields = [("body", "設定画面の「通知」を確認してください"), ("version", &version_of(&form))];
        let saved = post_form(app, &answer_edit, &theirs, &fields).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        assert_eq!(saved.headers()[LOCATION].to_str().unwrap(), format!("{path}#answer-{}", a["id"]));
        assert_eq!(app.get_json(&format!("/answers/{}", a["id"]), &helper.key).await["body"], "設定画面の「通知」を確認してください");
    }
}

on_both_databases! {
    async fn without_company_sign_in_a_browser_goes_to_the_trial_sign_in_and_provider_text_is_not_shown(app) {
        let login = browser().get(format!("{}/auth/login", app.address)).header("Accept", "text/html").send().await.unwrap();
        assert_eq!(login.status(), StatusCode::SEE_OTHER);
        assert_eq!(login.headers()[LOCATION], "/signin");
        // A script still gets the problem.
        let script = browser().get(format!("{}/auth/login", app.address)).send().await.unwrap();
        assert_eq!(script.status(), StatusCode::NOT_IMPLEMENTED);
        // Whatever a link puts in error_description is not shown on this site's page.
        let refused = browser()
            .get(format!("{}/auth/callback?error=access_denied&error_description=Call%200120-000-000%20now", app.address))
            .header("Accept", "text/html")
            .header("Accept-Language", "ja")
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        let html = refused.text().await.unwrap();
        assert!(html.contains("access_denied") && !html.contains("0120"), "{html}");
    }
}

on_both_databases! {
    async fn a_long_thread_is_sent_compressed_under_100_kb_with_tokens_masked_per_page(app) {
        // Issue 15's bar: every page under 100 KB transferred. A question and three answers near
        // the 20,000-character limit are ~170 KB of HTML; compressed (as every browser asks) far less.
        let asker = app.member("asker").await;
        let helper = app.member("helper").await;
        let long = |seed: &str| (0..3000).map(|i| format!("{seed}{i:04}承認")).collect::<String>().chars().take(19_000).collect::<String>();
        let q = app.ask(&asker.key, "長い説明のある質問", &long("手順"), &[], false).await["id"].as_i64().unwrap();
        for n in 0..3 {
            app.answer(&helper.key, q, &long(&format!("回答{n}"))).await;
        }
        let cookie = sign_in(app, &helper.key).await;
        let get = |encoding: Option<&'static str>| {
            let mut request = browser().get(format!("{}/questions/{q}", app.address)).header(COOKIE, cookie.clone());
            if let Some(encoding) = encoding {
                request = request.header("Accept-Encoding", encoding);
            }
            request.send()
        };
        let plain = get(None).await.unwrap();
        assert_eq!(plain.status(), StatusCode::OK);
        let plain = plain.bytes().await.unwrap();
        assert!(plain.len() > 100_000, "{} bytes", plain.len());
        for encoding in ["gzip", "br", "gzip, deflate, br, zstd"] {
            let response = get(Some(encoding)).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            assert!(response.headers().contains_key("content-encoding"), "{encoding}");
            let sent = response.bytes().await.unwrap().len();
            assert!(sent < 100_000 && sent * 2 < plain.len(), "{encoding}: {sent} bytes");
        }
        // The forms' token differs on every page (masked), and each one works.
        let (_, first) = page(app, &format!("/questions/{q}"), &cookie, "ja").await;
        let (_, second) = page(app, &format!("/questions/{q}"), &cookie, "ja").await;
        assert_ne!(csrf_of(&first), csrf_of(&second));
        for html in [first, second] {
            let posted = browser()
                .post(format!("{}/questions/{q}/me-too", app.address))
                .header(COOKIE, cookie.clone())
                .header("Origin", &app.address)
                .form(&[("csrf", csrf_of(&html).as_str())])
                .send()
                .await
                .unwrap();
            assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        }
    }
}
