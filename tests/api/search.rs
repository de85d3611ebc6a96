use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::Value;

/// Percent-encodes a query value (reqwest sends the URL as given).
fn q(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

on_both_databases! {
    async fn japanese_terms_of_any_length_match(app) {
        let m = app.member("m").await;
        let expense = app.ask(&m.key, "経費精算の承認フローが止まる", "申請後にステータスが変わりません", &[], false).await["id"].as_i64().unwrap();
        let mail = app.ask(&m.key, "メールの自動送信について", "毎朝 Outlook で送りたい", &[], false).await["id"].as_i64().unwrap();
        let _other = app.ask(&m.key, "Excel の関数を教えてください", "VLOOKUP の代わり", &[], false).await;
        // Two-character words (no trigram possible) are found by substring.
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("承認"))).await, vec![expense]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("経費"))).await, vec![expense]);
        // Longer words use the trigram index, in titles and in bodies.
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("自動送信"))).await, vec![mail]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("ステータス"))).await, vec![expense]);
        // A single character matches too.
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("朝"))).await, vec![mail]);
        assert!(app.list_ids(&m.key, &format!("q={}", q("存在しない言葉"))).await.is_empty());
    }

    async fn katakana_and_english_spellings_find_each_other(app) {
        let m = app.member("m").await;
        let ja = app.ask(&m.key, "経費精算のフローが止まる", "承認者に通知が届きません", &[], false).await["id"].as_i64().unwrap();
        let en = app.ask(&m.key, "Approval flow is stuck", "The approver never gets a notification", &[], false).await["id"].as_i64().unwrap();
        let connector = app.ask(&m.key, "カスタムコネクターの作り方", "b", &[], false).await["id"].as_i64().unwrap();
        let _unrelated = app.ask(&m.key, "Excel の関数を教えてください", "VLOOKUP", &[], false).await;
        // English finds katakana, katakana finds English (newest first).
        assert_eq!(app.list_ids(&m.key, "q=flow").await, vec![en, ja]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("フロー"))).await, vec![en, ja]);
        // Two-character Japanese words (substring search) and English meet too.
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("承認"))).await, vec![en, ja]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("通知"))).await, vec![en, ja]);
        // Every term still has to match, each in any spelling.
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("経費 flow"))).await, vec![ja]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("承認 stuck"))).await, vec![en]);
        // Katakana written with or without the final long vowel.
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("コネクタ"))).await, vec![connector]);
        assert_eq!(app.list_ids(&m.key, "q=connector").await, vec![connector]);
        // Tips and wins search the same way.
        let tip = app.post("/tips", &m.key, serde_json::json!({"title": "フローのエラーを通知する", "body": "b"})).await;
        let tip = json_of(tip, StatusCode::CREATED).await["id"].clone();
        let found = app.get_json("/tips?q=error", &m.key).await;
        assert_eq!(found["items"][0]["id"], tip);
    }

    async fn every_term_must_match_with_ascii_or_full_width_spaces(app) {
        let m = app.member("m").await;
        let both = app.ask(&m.key, "承認フローで経費を申請", "b", &[], false).await["id"].as_i64().unwrap();
        let _only_one = app.ask(&m.key, "承認フローの期限", "b", &[], false).await;
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("承認　経費"))).await, vec![both]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("経費 承認フロー"))).await, vec![both]);
    }

    async fn english_is_case_insensitive_and_width_insensitive(app) {
        let m = app.member("m").await;
        let ui = app.ask(&m.key, "Power Apps UI looks broken", "The gallery flickers", &[], false).await["id"].as_i64().unwrap();
        let full_width = app.ask(&m.key, "ＵＩを整えたい", "キャンバスアプリ", &[], false).await["id"].as_i64().unwrap();
        assert_eq!(app.list_ids(&m.key, "q=ui").await, vec![full_width, ui]);
        assert_eq!(app.list_ids(&m.key, "q=GALLERY").await, vec![ui]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("ｕｉ power"))).await, vec![ui]);
        // Half-width katakana finds full-width.
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("ｷｬﾝﾊﾞｽ"))).await, vec![full_width]);
    }

    async fn title_matches_rank_before_body_matches(app) {
        let m = app.member("m").await;
        let in_title = app.ask(&m.key, "SharePoint リストの列", "b", &[], false).await["id"].as_i64().unwrap();
        let in_body = app.ask(&m.key, "列の書式設定", "SharePoint で使います", &[], false).await["id"].as_i64().unwrap();
        let in_title_too = app.ask(&m.key, "Old SharePoint question", "b", &[], false).await["id"].as_i64().unwrap();
        // Newer body match comes after both title matches.
        let newest_body = app.ask(&m.key, "ほかの質問", "sharepoint online", &[], false).await["id"].as_i64().unwrap();
        assert_eq!(
            app.list_ids(&m.key, "q=sharepoint").await,
            vec![in_title_too, in_title, newest_body, in_body]
        );
    }

    async fn like_wildcards_in_queries_are_literal(app) {
        let m = app.member("m").await;
        let percent = app.ask(&m.key, "Discount of 100% applied", "b", &[], false).await["id"].as_i64().unwrap();
        let _plain = app.ask(&m.key, "Discount of 1000 applied", "b", &[], false).await;
        let underscore = app.ask(&m.key, "Column named my_col", "b", &[], false).await["id"].as_i64().unwrap();
        let _mycol = app.ask(&m.key, "Column named myXcol", "b", &[], false).await;
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("100%"))).await, vec![percent]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("%"))).await, vec![percent]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("my_col"))).await, vec![underscore]);
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("\"quoted\""))).await, Vec::<i64>::new());
    }

    async fn search_combines_with_filters(app) {
        let m = app.member("m").await;
        let tagged = app.ask(&m.key, "承認の設定", "b", &["approvals"], false).await["id"].as_i64().unwrap();
        let _untagged = app.ask(&m.key, "承認の期限", "b", &[], false).await;
        assert_eq!(app.list_ids(&m.key, &format!("q={}&tag=approvals", q("承認"))).await, vec![tagged]);
    }

    async fn similar_questions_are_suggested_in_japanese_and_english(app) {
        let m = app.member("m").await;
        let expense = app.ask(&m.key, "経費精算の承認フローが止まる", "b", &[], false).await["id"].as_i64().unwrap();
        let approval = app.ask(&m.key, "Approval flow is stuck after update", "b", &[], false).await["id"].as_i64().unwrap();
        let _unrelated = app.ask(&m.key, "Excel の関数を教えてください", "b", &[], false).await;
        let found: Value = app.get_json(&format!("/questions/similar?title={}", q("経費精算の承認フローが動かない")), &m.key).await;
        assert_eq!(ids(&found["items"]), vec![expense]);
        let score = found["items"][0]["similarity"].as_f64().unwrap();
        assert!(score > 0.5 && score <= 1.0, "{score}");
        let found = app.get_json(&format!("/questions/similar?title={}", q("approval flow stuck")), &m.key).await;
        assert_eq!(ids(&found["items"]), vec![approval]);
        // Two-character Japanese words are compared as bigrams.
        let notify = app.ask(&m.key, "承認フローで差し戻されたら申請者に通知したい", "b", &[], false).await["id"].as_i64().unwrap();
        let found = app.get_json(&format!("/questions/similar?title={}", q("差し戻しの通知方法")), &m.key).await;
        assert_eq!(ids(&found["items"]), vec![notify]);
        let found = app.get_json(&format!("/questions/similar?title={}", q("全く関係ない話題です")), &m.key).await;
        assert_eq!(found["items"].as_array().unwrap().len(), 0);
        // At most `limit`, most similar first.
        for i in 0..7 {
            app.ask(&m.key, &format!("承認フローの質問 その{i}"), "b", &[], false).await;
        }
        let found = app.get_json(&format!("/questions/similar?title={}", q("承認フローの質問")), &m.key).await;
        assert_eq!(found["items"].as_array().unwrap().len(), 5);
        let scores: Vec<f64> = found["items"].as_array().unwrap().iter().map(|i| i["similarity"].as_f64().unwrap()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        let p = problem(app.get("/questions/similar", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["title"]);
        problem(app.get("/questions/similar?title=x&limit=11", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
    }

    async fn similar_suggestions_follow_edits_hiding_deletion_and_backfill(app) {
        // The candidates come from an index of titles (FTS5 on SQLite, `question_title_grams`
        // on PostgreSQL): it must follow every change of a title, never offer a hidden or
        // deleted question, and be filled at start-up for questions written before it.
        let m = app.member("m").await;
        let similar = |draft: &'static str| {
            let (app, key) = (&app, m.key.clone());
            async move { ids(&app.get_json(&format!("/questions/similar?title={}", q(draft)), &key).await["items"]) }
        };
        let expense = app.ask(&m.key, "経費精算の承認フローが止まる", "b", &[], false).await["id"].as_i64().unwrap();
        let excel = app.ask(&m.key, "Excel の関数を教えてください", "b", &[], false).await["id"].as_i64().unwrap();
        assert_eq!(similar("経費精算の承認フロー").await, vec![expense]);
        json_of(app.patch(&format!("/questions/{excel}"), &m.key, serde_json::json!({"title": "経費精算の承認フローを直したい"})).await, StatusCode::OK).await;
        assert_eq!(similar("経費精算の承認フロー").await, vec![excel, expense], "the new title is found");
        assert_eq!(similar("Excel の関数を教えて").await, Vec::<i64>::new(), "the old title is gone");
        if app.backend == Backend::Postgres {
            // Stale grams would not be offered (each candidate is scored by its title) but
            // would take the places of real candidates.
            let stale = format!("DELETE FROM question_title_grams WHERE question_id = {excel} AND gram IN ('excel', '関数')");
            assert_eq!(app.execute_sql(&stale).await, 0, "the old title's grams are dropped");
        }
        assert_eq!(app.execute_sql(&format!("UPDATE questions SET hidden_at = 1 WHERE id = {expense}")).await, 1);
        assert_eq!(similar("経費精算の承認フロー").await, vec![excel], "hidden questions are not offered");
        assert_eq!(app.delete(&format!("/questions/{excel}"), &m.key).await.status(), StatusCode::NO_CONTENT);
        assert_eq!(similar("経費精算の承認フロー").await, Vec::<i64>::new(), "deleted questions are not offered");
        let later = app.ask(&m.key, "承認フローの通知が来ない", "b", &[], false).await["id"].as_i64().unwrap();
        if app.backend == Backend::Postgres {
            // Written before migration 0016: no title grams until the start-up backfill.
            assert!(app.execute_sql(&format!("DELETE FROM question_title_grams WHERE question_id = {later}")).await > 0);
            assert_eq!(similar("承認フローの通知").await, Vec::<i64>::new());
            app.execute_sql("INSERT INTO search_backfill (table_name) VALUES ('questions')").await;
            assert_eq!(app.store.index_unindexed().await.unwrap(), 1);
        }
        assert_eq!(similar("承認フローの通知").await, vec![later]);
    }

    async fn search_queries_are_limited(app) {
        let m = app.member("m").await;
        let long = "あ".repeat(201);
        let p = problem(app.get(&format!("/questions?q={}", q(&long)), &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_eq!(problem_fields(&p), ["q"]);
        let many = (0..11).map(|i| format!("t{i}")).collect::<Vec<_>>().join(" ");
        problem(app.get(&format!("/questions?q={}", q(&many)), &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        // A blank query means no search.
        app.ask(&m.key, "Anything at all", "b", &[], false).await;
        assert_eq!(app.list_ids(&m.key, &format!("q={}", q("　 "))).await.len(), 1);
    }
}

/// A company's own glossary (`TSUNAGU_SEARCH_GLOSSARY`) works like the built-in one.
async fn company_glossary(backend: Backend) {
    let app = spawn_app_with(backend, |config| {
        config.search_glossary =
            tsunagu::domain::search::Glossary::extended("kintone, キントーン\n稟議, approval\n")
                .unwrap();
    })
    .await;
    let m = app.member("m").await;
    let kintone = app
        .ask(&m.key, "キントーンとの連携方法", "b", &[], false)
        .await["id"]
        .as_i64()
        .unwrap();
    let approval = app
        .ask(&m.key, "承認ルートを変更したい", "b", &[], false)
        .await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(app.list_ids(&m.key, "q=kintone").await, vec![kintone]);
    // 稟議 joined the built-in approval group, so it finds 承認 as well.
    assert_eq!(
        app.list_ids(&m.key, &format!("q={}", q("稟議"))).await,
        vec![approval]
    );
    app.stop().await;
}

#[tokio::test]
async fn a_company_glossary_extends_search_sqlite() {
    company_glossary(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_company_glossary_extends_search_postgres() {
    company_glossary(Backend::Postgres).await;
}

/// Every id `q` finds, in order, following the pages (of 7, so that pages end inside both
/// the title matches and the rest).
async fn found(app: &TestApp, key: &str, query: &str, sort: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut next = Some(app.url(&format!("/questions?limit=7&sort={sort}&q={}", q(query))));
    while let Some(link) = next {
        let page = app.get_json(&link, key).await;
        for item in page["items"].as_array().unwrap() {
            let id = item["id"].as_i64().unwrap();
            assert!(!ids.contains(&id), "{query}: {id} twice");
            ids.push(id);
        }
        next = page["next_link"].as_str().map(str::to_owned);
    }
    ids
}

/// Every query on a generated corpus finds exactly what a substring scan of the same texts
/// finds, in order, page by page.
async fn finds_what_a_substring_scan_finds(app: &TestApp) {
    use tsunagu::domain::search::{normalize, Glossary};
    let m = app.member("m").await;
    // A corpus from a small alphabet, so that short terms match many posts: Japanese,
    // half- and full-width forms, English in both cases, LIKE's wildcards, punctuation.
    let alphabet: Vec<&str> = vec![
        "承", "認", "フ", "ロ", "ー", "ﾌ", "ﾛ", "経", "費", "a", "p", "r", "o", "v", "l", "A",
        "Ｐ", "%", "_", "-", " ", "。", "の",
    ];
    let mut rng = Lcg(20261130);
    let text = |rng: &mut Lcg, min: usize, max: usize| -> String {
        let len = min + rng.next(max - min + 1);
        let mut s = String::new();
        while s.chars().filter(|c| !c.is_whitespace()).count() < len {
            s.push_str(alphabet[rng.next(alphabet.len())]);
        }
        s
    };
    let mut corpus = Vec::new();
    for i in 0..120 {
        let title = format!(
            "{}{}",
            text(&mut rng, 5, 20),
            if i % 10 == 0 { " approval" } else { "" }
        );
        let body = format!(
            "{}{}",
            text(&mut rng, 1, 40),
            if i % 7 == 0 { " フロー" } else { "" }
        );
        let created = app.ask(&m.key, &title, &body, &[], false).await;
        corpus.push((
            created["id"].as_i64().unwrap(),
            normalize(&title),
            normalize(&body),
        ));
    }
    // Terms cut from the corpus (1–5 characters), invented ones, and glossary words.
    let mut queries: Vec<String> = vec![
        "承認".into(),
        "approval".into(),
        "flow".into(),
        "%".into(),
        "_".into(),
        "a%".into(),
        "ー".into(),
        "フロ".into(),
        "ｐ".into(),
        "zz".into(),
    ];
    for _ in 0..50 {
        let (_, title, body) = &corpus[rng.next(corpus.len())];
        let source: Vec<char> = if rng.next(2) == 0 {
            title.chars().collect()
        } else {
            body.chars().collect()
        };
        let len = 1 + rng.next(5);
        if source.len() < len {
            continue;
        }
        let start = rng.next(source.len() - len + 1);
        let term: String = source[start..start + len].iter().collect();
        let term = term.split_whitespace().next().unwrap_or("").to_owned();
        if term.is_empty() {
            continue;
        }
        if rng.next(3) == 0 {
            let other = alphabet[rng.next(alphabet.len())].trim().to_owned();
            queries.push(format!("{term} {other}"));
        } else {
            queries.push(term);
        }
    }
    let glossary = Glossary::default();
    let mut matched = 0;
    for query in &queries {
        let groups: Vec<Vec<String>> = normalize(query)
            .split_whitespace()
            .map(|t| glossary.alternatives(t))
            .collect();
        if groups.is_empty() {
            continue;
        }
        // Questions whose title holds every word first, each part newest first.
        let holds =
            |text: &str, group: &Vec<String>| group.iter().any(|t| text.contains(t.as_str()));
        let mut expected: Vec<(bool, i64)> = corpus
            .iter()
            .filter(|(_, title, body)| {
                groups
                    .iter()
                    .all(|group| holds(title, group) || holds(body, group))
            })
            .map(|(id, title, _)| (groups.iter().all(|group| holds(title, group)), *id))
            .collect();
        expected.sort_by(|a, b| b.cmp(a));
        let newest: Vec<i64> = expected.iter().map(|(_, id)| *id).collect();
        // Nothing was answered: the most active are the newest.
        for sort in ["newest", "active"] {
            assert_eq!(
                found(app, &m.key, query, sort).await,
                newest,
                "q={query:?} sort={sort}"
            );
        }
        expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let oldest: Vec<i64> = expected.iter().map(|(_, id)| *id).collect();
        assert_eq!(
            found(app, &m.key, query, "oldest").await,
            oldest,
            "q={query:?} sort=oldest"
        );
        matched += usize::from(!newest.is_empty());
    }
    assert!(
        matched >= 40,
        "only {matched} of {} queries found something",
        queries.len()
    );
}

on_both_databases! {
    async fn a_repeated_multi_word_search_follows_edits_deletions_and_new_questions(app) {
        // On SQLite a multi-word search keeps which titles hold every word (`Store::
        // title_matches`): every change below must show in the next identical search.
        let m = app.member("m").await;
        let ask = |title: &'static str, body: &'static str| {
            let key = m.key.clone();
            async move { app.ask(&key, title, body, &[], false).await["id"].as_i64().unwrap() }
        };
        let search = |query: &'static str| found(app, &m.key, query, "newest");
        let titled = ask("Approval flow is stuck", "nothing moves").await;
        let bodied = ask("Approval needed", "the flow stops").await;
        let _other = ask("Excel functions", "VLOOKUP").await;
        // Titles holding every word first, then the rest; newest first in each.
        assert_eq!(search("approval flow").await, vec![titled, bodied]);
        assert_eq!(search("フロー 承認").await, vec![titled, bodied]);
        // A title edited to hold both words.
        let edit = |id: i64, title: &'static str| {
            let key = m.key.clone();
            async move {
                let changed = app.patch(&format!("/questions/{id}"), &key, serde_json::json!({ "title": title })).await;
                assert_eq!(changed.status(), StatusCode::OK);
            }
        };
        edit(bodied, "Approval flow needed").await;
        assert_eq!(search("approval flow").await, vec![bodied, titled]);
        // A title edited to lose one (its body does not have it either).
        edit(titled, "Approval is stuck").await;
        assert_eq!(search("approval flow").await, vec![bodied]);
        assert_eq!(search("フロー 承認").await, vec![bodied]);
        // Questions asked since.
        let newer = ask("Flow approval error", "b").await;
        let in_body = ask("Error after approval", "in my flow").await;
        assert_eq!(search("approval flow").await, vec![newer, bodied, in_body]);
        // Deleted.
        let gone = app.delete(&format!("/questions/{newer}"), &m.key).await;
        assert_eq!(gone.status(), StatusCode::NO_CONTENT);
        assert_eq!(search("approval flow").await, vec![bodied, in_body]);
        // Oldest first reads the same kept titles from the other end.
        assert_eq!(found(app, &m.key, "approval flow", "oldest").await, vec![bodied, in_body]);
        // More titles than are kept: found page by page all the same.
        let mut many = Vec::new();
        for _ in 0..(tsunagu::store::questions::TITLE_MATCHES_KEPT + 3) {
            many.push(ask("Approval flow again", "b").await);
        }
        many.reverse();
        many.push(bodied);
        many.push(in_body);
        assert_eq!(search("approval flow").await, many);
    }

    async fn a_repeated_multi_word_search_shows_each_viewer_only_what_she_may_see(app) {
        // Kept title matches (SQLite) are found for one member, but what a search lists still
        // depends on who searches: a hidden question is listed for its asker and moderators,
        // and not for another member who searched the same words first.
        let asker = app.member("asker").await;
        let other = app.member("other").await;
        let moderator = app.member_with_role("mod", "moderator").await;
        let shown = app.ask(&asker.key, "Approval flow is stuck", "b", &[], false).await["id"].as_i64().unwrap();
        let hidden = app.ask(&asker.key, "Approval flow fails", "b", &[], true).await["id"].as_i64().unwrap();
        for _ in 0..2 {
            assert_eq!(found(app, &other.key, "approval flow", "newest").await, vec![hidden, shown]);
        }
        assert_eq!(app.execute_sql(&format!("UPDATE questions SET hidden_at = 1 WHERE id = {hidden}")).await, 1);
        for _ in 0..2 {
            assert_eq!(found(app, &other.key, "approval flow", "newest").await, vec![shown]);
            assert_eq!(found(app, &asker.key, "approval flow", "newest").await, vec![hidden, shown]);
            assert_eq!(found(app, &moderator.key, "approval flow", "newest").await, vec![hidden, shown]);
        }
        // Filters apply to the kept matches too.
        let mine = format!("q={}&mine=true", q("approval flow"));
        assert_eq!(app.list_ids(&other.key, &mine).await, Vec::<i64>::new());
        assert_eq!(app.list_ids(&asker.key, &format!("q={}&unanswered=true", q("approval flow"))).await, vec![hidden, shown]);
    }

    async fn a_repeated_multi_word_search_finds_questions_the_backfill_indexes(app) {
        // The start-up backfill writes grams without touching the questions (no trigger sees
        // it), so it raises the kept title matches' counter itself (SQLite).
        let m = app.member("m").await;
        let first = app.ask(&m.key, "Approval flow is stuck", "b", &[], false).await["id"].as_i64().unwrap();
        let second = app.ask(&m.key, "Approval flow fails", "b", &[], false).await["id"].as_i64().unwrap();
        let unindex = if app.backend == Backend::Sqlite {
            format!("DELETE FROM questions_grams WHERE rowid = {first}")
        } else {
            format!("UPDATE questions SET search_grams = NULL WHERE id = {first}")
        };
        assert_eq!(app.execute_sql(&unindex).await, 1);
        assert_eq!(found(app, &m.key, "approval flow", "newest").await, vec![second]);
        app.execute_sql("INSERT INTO search_backfill (table_name) VALUES ('questions')").await;
        assert_eq!(app.store.index_unindexed().await.unwrap(), 1);
        assert_eq!(found(app, &m.key, "approval flow", "newest").await, vec![second, first]);
    }

    async fn search_finds_exactly_what_a_substring_scan_finds(app) {
        finds_what_a_substring_scan_finds(app).await;
    }
}

/// SQLite: kept title matches come from an earlier snapshot than the query that lists them, so
/// a title edited in between (here: an edit the counter missed) must not be listed as a match.
#[tokio::test]
async fn kept_title_matches_are_checked_against_the_titles_sqlite() {
    let app = spawn_app(Backend::Sqlite).await;
    let m = app.member("m").await;
    let first = app
        .ask(
            &m.key,
            "Approval flow is stuck",
            "nothing moves",
            &[],
            false,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let second = app
        .ask(&m.key, "Approval flow fails", "b", &[], false)
        .await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        found(&app, &m.key, "approval flow", "newest").await,
        vec![second, first]
    );
    let missed = format!(
        "UPDATE questions SET title = 'Excel question', search_title = 'excel question' WHERE id = {first}"
    );
    assert_eq!(app.execute_sql(&missed).await, 1);
    assert_eq!(
        app.execute_sql(&format!(
            "DELETE FROM questions_grams WHERE rowid = {first}"
        ))
        .await,
        1
    );
    assert_eq!(
        app.execute_sql("UPDATE search_generation SET value = value - 1")
            .await,
        1
    );
    assert_eq!(
        found(&app, &m.key, "approval flow", "newest").await,
        vec![second]
    );
    // Without the counter's row nothing is kept, and searches still work.
    assert_eq!(app.execute_sql("DELETE FROM search_generation").await, 1);
    assert_eq!(
        found(&app, &m.key, "approval flow", "newest").await,
        vec![second]
    );
    app.stop().await;
}

/// The same on PostgreSQL when a search first looks through only the next 10 questions
/// (`TSUNAGU_SEARCH_WALK`): pages that fill inside the walk, pages that fall through to the
/// whole index, and cursors that start inside or beyond it.
#[tokio::test]
async fn a_short_search_walk_finds_exactly_what_a_substring_scan_finds_postgres() {
    let app = spawn_app_with(Backend::Postgres, |config| config.search_walk = 10).await;
    finds_what_a_substring_scan_finds(&app).await;
    app.stop().await;
}

on_both_databases! {
    async fn rows_without_grams_are_indexed_once_when_named_for_backfill(app) {
        // Rows written before the gram index (migration 0014) have no grams; the start-up
        // backfill finds them when their table is named in `search_backfill`, and then forgets
        // the name so later starts do not scan.
        let m = app.member("m").await;
        let mut ids = Vec::new();
        for i in 0..5 {
            ids.push(app.ask(&m.key, &format!("経費精算の承認 {i}"), "本文", &[], false).await["id"].as_i64().unwrap());
        }
        let unindex = if app.backend == Backend::Sqlite {
            format!("DELETE FROM questions_grams WHERE rowid IN ({}, {})", ids[1], ids[3])
        } else {
            format!("UPDATE questions SET search_grams = NULL WHERE id IN ({}, {})", ids[1], ids[3])
        };
        assert_eq!(app.execute_sql(&unindex).await, 2);
        let mut found = app.list_ids(&m.key, &format!("q={}", q("承認"))).await;
        found.sort();
        assert_eq!(found, [ids[0], ids[2], ids[4]], "unindexed rows are not found");
        assert_eq!(app.store.index_unindexed().await.unwrap(), 0, "nothing is named for backfill");
        app.execute_sql("INSERT INTO search_backfill (table_name) VALUES ('questions')").await;
        assert_eq!(app.store.index_unindexed().await.unwrap(), 2);
        let mut found = app.list_ids(&m.key, &format!("q={}", q("承認"))).await;
        found.sort();
        assert_eq!(found, ids);
        assert_eq!(app.execute_sql("DELETE FROM search_backfill").await, 0, "the name is forgotten");
    }
}

/// PostgreSQL hands out question ids when a transaction inserts, not when it commits: a
/// question whose transaction took its id before a newer question's but committed after it
/// must still be found by a repeated multi-word search (kept title matches are brought up to
/// date by the transactions their snapshot could not see, not by ids above the newest).
#[tokio::test]
async fn a_repeated_multi_word_search_finds_a_question_committed_after_a_newer_one_postgres() {
    use sqlx::Connection;
    let app = spawn_app(Backend::Postgres).await;
    let m = app.member("m").await;
    let first = app
        .ask(&m.key, "Approval flow is stuck", "b", &[], false)
        .await["id"]
        .as_i64()
        .unwrap();
    let other = app.member("other").await;
    // A transaction takes the next id and stays open while a newer question is asked. (Asked
    // by someone else three days earlier, so that the statistics' rows it locks are not the
    // newer question's.)
    let mut conn = sqlx::PgConnection::connect(&app.database_url)
        .await
        .unwrap();
    let mut tx = conn.begin().await.unwrap();
    let late: i64 = sqlx::query_scalar(
        "INSERT INTO questions (author_id, title, body, search_title, search_body, search_grams, \
         created_at, updated_at, last_activity_at) \
         SELECT $2, 'Approval flow is late', body, 'approval flow is late', search_body, \
         search_grams, created_at - 3 * 86400000000, updated_at, last_activity_at \
         FROM questions WHERE id = $1 RETURNING id",
    )
    .bind(first)
    .bind(other.id)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    let newer = app
        .ask(&m.key, "Approval flow fails", "b", &[], false)
        .await["id"]
        .as_i64()
        .unwrap();
    assert!(late < newer);
    for _ in 0..2 {
        assert_eq!(
            found(&app, &m.key, "approval flow", "newest").await,
            vec![newer, first]
        );
    }
    tx.commit().await.unwrap();
    assert_eq!(
        found(&app, &m.key, "approval flow", "newest").await,
        vec![newer, first, late]
    );
    app.stop().await;
}

/// PostgreSQL: a database restored from another cluster may bring transaction ids ahead of this
/// one's in `title_xid`; no snapshot would ever see those titles as written, so start-up sets
/// them back to 0 (which every snapshot sees), and a repeated search keeps finding the question.
#[tokio::test]
async fn start_up_forgets_title_xids_from_another_cluster_postgres() {
    let app = spawn_app(Backend::Postgres).await;
    let m = app.member("m").await;
    let id = app
        .ask(&m.key, "Approval flow is stuck", "b", &[], false)
        .await["id"]
        .as_i64()
        .unwrap();
    let ahead = format!(
        "UPDATE questions SET title_xid = CAST(CAST(CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) \
         AS TEXT) AS BIGINT) + 1000000 AS TEXT) AS xid8) WHERE id = {id}"
    );
    assert_eq!(app.execute_sql(&ahead).await, 1);
    app.store.migrate().await.unwrap();
    let xids = app
        .numbers_sql(&format!(
            "SELECT CAST(CAST(title_xid AS TEXT) AS BIGINT) FROM questions WHERE id = {id}"
        ))
        .await;
    assert_eq!(xids, vec![vec![0]]);
    for _ in 0..2 {
        assert_eq!(
            found(&app, &m.key, "approval flow", "newest").await,
            vec![id]
        );
    }
    app.stop().await;
}
