use crate::helpers::*;
use crate::on_both_databases;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn tip(
    app: &TestApp,
    key: &str,
    title: &str,
    body: &str,
    tags: &[&str],
    level: &str,
) -> Value {
    json_of(
        app.post(
            "/tips",
            key,
            json!({"title": title, "body": body, "tags": tags, "level": level}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

fn q(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

on_both_databases! {
    async fn tips_are_written_searched_filtered_and_paged(app) {
        let m = app.member("花子").await;
        let response = app.post("/tips", &m.key, json!({"title": "承認メールに詳細リンクを入れる", "body": "差し戻しが減ります", "tags": ["Approvals"]})).await;
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let first = json_of(response, StatusCode::CREATED).await;
        assert_eq!(first["level"], "beginner", "default level");
        assert_eq!(first["tags"], json!(["approvals"]));
        assert_eq!(first["author"]["display_name"], "花子");
        assert_eq!(first["featured"], false);
        assert_eq!(app.get_json(&location, &m.key).await["id"], first["id"]);
        let second = tip(app, &m.key, "Use variables in loops", "Initialize outside Apply to each", &["flow"], "intermediate").await;
        let third = tip(app, &m.key, "経費精算フローのテンプレート", "Excel の表から作れます", &["excel", "経費精算"], "beginner").await;
        let ids = |page: &Value| ids(&page["items"]);
        assert_eq!(ids(&app.get_json("/tips", &m.key).await), vec![third["id"].as_i64().unwrap(), second["id"].as_i64().unwrap(), first["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json(&format!("/tips?q={}", q("承認")), &m.key).await), vec![first["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json(&format!("/tips?q={}", q("ＥＸＣＥＬ")), &m.key).await), vec![third["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json("/tips?q=apply%20variables", &m.key).await), vec![second["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json("/tips?level=intermediate", &m.key).await), vec![second["id"].as_i64().unwrap()]);
        assert_eq!(ids(&app.get_json(&format!("/tips?tag={}", q("経費精算")), &m.key).await), vec![third["id"].as_i64().unwrap()]);
        let mut seen = Vec::new();
        let mut next = Some(app.url("/tips?limit=1"));
        while let Some(link) = next {
            let page = app.get_json(&link, &m.key).await;
            seen.extend(ids(&page));
            next = page["next_link"].as_str().map(str::to_owned);
        }
        assert_eq!(seen.len(), 3);
        problem(app.get("/tips?level=expert", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        problem(app.get("/tips?cursor=bad", &m.key).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        let p = problem(app.post("/tips", &m.key, json!({"title": "短い", "body": "", "level": "beginner"})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["title", "body"]);
        problem(app.post("/tips", &m.key, json!({"title": "Valid title", "body": "b", "level": "expert"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
    }

    async fn authors_and_moderators_edit_and_only_moderators_feature(app) {
        let author = app.member("author").await;
        let other = app.member("other").await;
        let moderator = app.member_with_role("mod", "moderator").await;
        problem(app.post("/tips", &author.key, json!({"title": "Feature me please", "body": "b", "featured": true})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let t = tip(app, &author.key, "A plain tip here", "b", &[], "beginner").await;
        let path = format!("/tips/{}", t["id"]);
        problem(app.patch(&path, &author.key, json!({"featured": true})).await, StatusCode::FORBIDDEN, "forbidden").await;
        problem(app.patch(&path, &other.key, json!({"title": "Hijacked title"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let edited = json_of(app.patch(&path, &author.key, json!({"title": "A better tip", "level": "advanced", "tags": ["teams"]})).await, StatusCode::OK).await;
        assert_eq!((edited["title"].as_str(), edited["level"].as_str()), (Some("A better tip"), Some("advanced")));
        assert_eq!(edited["tags"], json!(["teams"]));
        let featured = json_of(app.patch(&path, &moderator.key, json!({"featured": true})).await, StatusCode::OK).await;
        assert_eq!(featured["featured"], true);
        assert_eq!(ids(&app.get_json("/tips?featured=true", &other.key).await["items"]), vec![t["id"].as_i64().unwrap()]);
        problem(app.delete(&path, &other.key).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_eq!(app.delete(&path, &moderator.key).await.status(), StatusCode::NO_CONTENT);
        problem(app.get(&path, &author.key).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn helpful_is_positive_idempotent_and_not_for_your_own_tip(app) {
        let author = app.member("author").await;
        let reader = app.member("reader").await;
        let t = tip(app, &author.key, "Name your flows well", "b", &[], "beginner").await;
        let path = format!("/tips/{}/reactions", t["id"]);
        for _ in 0..2 {
            let after = json_of(app.post(&path, &reader.key, json!({"kind": "helpful"})).await, StatusCode::OK).await;
            assert_eq!((after["helpful_count"].as_i64(), after["helpful"].as_bool()), (Some(1), Some(true)));
        }
        problem(app.post(&path, &author.key, json!({"kind": "helpful"})).await, StatusCode::UNPROCESSABLE_ENTITY, "own_tip").await;
        problem(app.post(&path, &reader.key, json!({"kind": "thanks"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        let after = json_of(app.delete(&format!("{path}/helpful"), &reader.key).await, StatusCode::OK).await;
        assert_eq!(after["helpful_count"], 0);
        problem(app.delete(&format!("{path}/downvote"), &reader.key).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn a_random_tip_respects_tag_and_level(app) {
        let m = app.member("m").await;
        let excel = tip(app, &m.key, "Excel tables first", "b", &["excel"], "beginner").await;
        let _flow = tip(app, &m.key, "Flow tip for experts", "b", &["flow"], "advanced").await;
        for _ in 0..5 {
            let r = app.get_json("/tips/random?tag=excel", &m.key).await;
            assert_eq!(r["id"], excel["id"]);
            assert_eq!(app.get_json("/tips/random?level=advanced", &m.key).await["tags"], json!(["flow"]));
        }
        let p = problem(app.get("/tips/random?tag=excel&level=advanced", &m.key).await, StatusCode::NOT_FOUND, "no_tip_matches").await;
        assert!(p["detail"].as_str().unwrap().contains("no tip"));
    }

    async fn the_tip_of_the_day_fits_the_member_prefers_interests_and_never_repeats(app) {
        let writer = app.member("writer").await;
        let a = tip(app, &writer.key, "Beginner tip about Excel", "b", &["excel"], "beginner").await["id"].as_i64().unwrap();
        let b = tip(app, &writer.key, "Beginner tip about approvals", "b", &["approvals"], "beginner").await["id"].as_i64().unwrap();
        let _c = tip(app, &writer.key, "Intermediate tip only", "b", &[], "intermediate").await;
        let reader = app.member("reader").await;
        json_of(app.patch("/me", &reader.key, json!({"interests": ["approvals"]})).await, StatusCode::OK).await;
        // Over HTTP: today's tip follows the interests and stays the same all day.
        let today = app.get_json("/tips/daily", &reader.key).await;
        assert_eq!(today["id"], b);
        assert_eq!(app.get_json("/tips/daily", &reader.key).await["id"], b);
        // Someone with no interests gets the oldest unseen beginner tip.
        let newcomer = app.member("newcomer").await;
        assert_eq!(app.get_json("/tips/daily", &newcomer.key).await["id"], a);
        // Over the following days (the store decides per calendar day): never a repeat, then none.
        let config = tsunagu::config::Config { database_url: app.database_url.clone(), ..Default::default() };
        let store = tsunagu::startup::open_store(&config).await.unwrap();
        let level = tsunagu::domain::tip::TipLevel::Beginner;
        let next = store.daily_tip(reader.id, "2099-01-01", level).await.unwrap().unwrap();
        assert_eq!(next.id, a);
        assert!(store.daily_tip(reader.id, "2099-01-02", level).await.unwrap().is_none());
        store.close().await;
        // An advanced member with no advanced tips hears why.
        json_of(app.patch("/me", &newcomer.key, json!({"level": "advanced"})).await, StatusCode::OK).await;
        let expert = app.member("expert").await;
        json_of(app.patch("/me", &expert.key, json!({"level": "advanced"})).await, StatusCode::OK).await;
        let p = problem(app.get("/tips/daily", &expert.key).await, StatusCode::NOT_FOUND, "no_tip_left").await;
        assert!(p["detail"].as_str().unwrap().contains("advanced"));
    }

    async fn members_set_their_own_level_interests_and_helper_topics(app) {
        let m = app.member("m").await;
        let me = app.get_json("/me", &m.key).await;
        assert_eq!(me["level"], "beginner");
        assert_eq!(me["interests"], json!([]));
        assert_eq!(me["show_on_leaderboard"], false);
        let updated = json_of(
            app.patch("/me", &m.key, json!({"department": "経理部", "level": "intermediate", "interests": ["Excel", "経費精算"], "helper_tags": ["sharepoint"], "show_on_leaderboard": true})).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated["department"], "経理部");
        assert_eq!(updated["level"], "intermediate");
        assert_eq!(updated["interests"], json!(["excel", "経費精算"]));
        assert_eq!(updated["helper_tags"], json!(["sharepoint"]));
        assert_eq!(updated["show_on_leaderboard"], true);
        // Absent fields stay, and so do empty ones (what a flow sends for an empty value);
        // null clears the department.
        let kept = json_of(app.patch("/me", &m.key, json!({"department": "", "level": ""})).await, StatusCode::OK).await;
        assert_eq!((kept["department"].as_str(), kept["level"].as_str()), (Some("経理部"), Some("intermediate")), "{kept}");
        let cleared = json_of(app.patch("/me", &m.key, json!({"department": null})).await, StatusCode::OK).await;
        assert!(cleared.get("department").is_none());
        assert_eq!(cleared["interests"], json!(["excel", "経費精算"]));
        let p = problem(app.patch("/me", &m.key, json!({"interests": ["two words"], "helper_tags": (0..11).map(|i| format!("t{i}")).collect::<Vec<_>>()})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem_fields(&p), ["interests[0]", "helper_tags"]);
        problem(app.patch("/me", &m.key, json!({"level": "expert"})).await, StatusCode::BAD_REQUEST, "invalid_body").await;
        // Other members do not see settings or e-mail in the public profile.
        let other = app.member("other").await;
        let profile = app.get_json(&format!("/members/{}", m.id), &other.key).await;
        assert!(profile.get("interests").is_none() && profile.get("department").is_none());
    }
}
