use crate::helpers::*;
use crate::on_both_databases;
use reqwest::{Method, StatusCode};
use serde_json::json;

on_both_databases! {
    async fn the_first_admin_key_identifies_an_admin(app) {
        let me = app.get_json("/me", &app.admin_key).await;
        assert_eq!(me["role"], "admin");
        assert_eq!(me["display_name"], "admin");
    }

    async fn an_admin_creates_a_member_whose_key_works(app) {
        let response = app
            .post("/members", &app.admin_key, json!({"display_name": "山田 花子", "email": "Hanako@Example.co.jp"}))
            .await;
        let location = response.headers().get("location").unwrap().to_str().unwrap().to_owned();
        let created = json_of(response, StatusCode::CREATED).await;
        assert_eq!(created["member"]["display_name"], "山田 花子");
        assert_eq!(created["member"]["email"], "hanako@example.co.jp");
        assert_eq!(created["member"]["role"], "member");
        assert!(location.ends_with(&format!("/api/v1/members/{}", created["member"]["id"])));
        let key = created["api_key"]["secret"].as_str().unwrap();
        let profile = app.get_json(&location, key).await;
        assert_eq!(profile["display_name"], "山田 花子");
        assert!(profile.get("email").is_none(), "other members do not see e-mail: {profile}");
        problem(app.get("/members/999999", key).await, StatusCode::NOT_FOUND, "not_found").await;
        assert!(key.starts_with("tsu_"));
        let me = app.get_json("/me", key).await;
        assert_eq!(me["id"], created["member"]["id"]);
        assert_eq!(me["display_name"], "山田 花子");
    }

    async fn only_admins_create_members(app) {
        let member = app.member("taro").await;
        let moderator = app.member_with_role("mod", "moderator").await;
        for key in [&member.key, &moderator.key] {
            problem(
                app.post("/members", key, json!({"display_name": "x"})).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            )
            .await;
        }
        problem(
            app.call(Method::POST, "/members", None, Some(json!({"display_name": "x"}))).await,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        )
        .await;
    }

    async fn member_fields_are_validated(app) {
        let p = problem(
            app.post("/members", &app.admin_key, json!({"display_name": "", "email": "not-an-email"})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(problem_fields(&p), ["display_name", "email"]);
        let p = problem(
            app.post("/members", &app.admin_key, json!({"display_name": "x", "role": "owner"})).await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        )
        .await;
        assert_eq!(problem_fields(&p), ["role"]);
    }

    async fn an_email_belongs_to_one_member(app) {
        app.post("/members", &app.admin_key, json!({"display_name": "a", "email": "a@example.com"})).await;
        problem(
            app.post("/members", &app.admin_key, json!({"display_name": "b", "email": "A@example.com"})).await,
            StatusCode::CONFLICT,
            "email_taken",
        )
        .await;
    }

    async fn api_keys_are_shown_once_listed_without_secret_and_revocable(app) {
        let member = app.member("hana").await;
        let response = app.post("/me/api-keys", &member.key, json!({"name": "Power Automate"})).await;
        let created = json_of(response, StatusCode::CREATED).await;
        let second_key = created["secret"].as_str().unwrap().to_owned();
        assert!(second_key.starts_with(created["prefix"].as_str().unwrap()));
        assert_eq!(app.get_json("/me", &second_key).await["id"], member.id);

        let list = app.get_json("/me/api-keys", &member.key).await;
        let items = list["items"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["name"], "Power Automate");
        assert!(!list.to_string().contains(&second_key), "secrets never listed");
        assert!(items.iter().all(|k| k.get("secret").is_none()));

        let id = created["id"].as_i64().unwrap();
        // Another member cannot revoke it.
        let other = app.member("other").await;
        problem(app.delete(&format!("/me/api-keys/{id}"), &other.key).await, StatusCode::NOT_FOUND, "not_found").await;
        let revoked = app.delete(&format!("/me/api-keys/{id}"), &member.key).await;
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        let p = problem(app.get("/me", &second_key).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
        assert!(p["detail"].as_str().unwrap().contains("revoked"));
        problem(app.delete(&format!("/me/api-keys/{id}"), &member.key).await, StatusCode::NOT_FOUND, "not_found").await;
        // The first key still works.
        assert_eq!(app.get_json("/me", &member.key).await["id"], member.id);
        let p = problem(
            app.post("/me/api-keys", &member.key, json!({"name": "   "})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(problem_fields(&p), ["name"]);
    }

    async fn bad_credentials_get_401_with_a_bearer_challenge(app) {
        let response = app.call(Method::GET, "/me", None, None).await;
        assert_eq!(response.headers()["www-authenticate"], "Bearer realm=\"tsunagu\"");
        problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
        for bad in ["tsu_not-a-real-key", "tsu_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Basic"] {
            let response = app.get("/me", bad).await;
            let challenge = response.headers()["www-authenticate"].to_str().unwrap().to_owned();
            assert!(challenge.contains("error=\"invalid_token\""), "{challenge}");
            problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
        }
        let response = app.client.get(app.url("/me")).header("authorization", "Basic dXNlcjpwYXNz").send().await.unwrap();
        problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }

    async fn the_cli_creates_a_member_and_prints_a_working_key(app) {
        // Off the runtime's thread: the server in this process must keep running (a webhook
        // claim it started would otherwise hold SQLite's write lock while we wait).
        let database_url = app.database_url.clone();
        let output = tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_tsunagu"))
                .args(["admin", "create-member", "--name", "佐藤 一郎", "--email", "ichiro@example.com", "--role", "moderator"])
                .env("TSUNAGU_DATABASE_URL", &database_url)
                .env("TSUNAGU_LOG", "warn")
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{stdout} {}", String::from_utf8_lossy(&output.stderr));
        let key = stdout.split_whitespace().find(|w| w.starts_with("tsu_")).expect("key printed");
        let me = app.get_json("/me", key).await;
        assert_eq!(me["display_name"], "佐藤 一郎");
        assert_eq!(me["role"], "moderator");
        // The same e-mail again is refused with a clear message.
        let database_url = app.database_url.clone();
        let again = tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_tsunagu"))
                .args(["admin", "create-member", "--name", "x", "--email", "ichiro@example.com"])
                .env("TSUNAGU_DATABASE_URL", &database_url)
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        assert!(!again.status.success());
        assert!(String::from_utf8_lossy(&again.stderr).contains("e-mail"), "{}", String::from_utf8_lossy(&again.stderr));
    }

    async fn the_admin_key_is_issued_once_per_database(app) {
        let config = tsunagu::config::Config { database_url: app.database_url.clone(), ..Default::default() };
        let store = tsunagu::startup::open_store(&config).await.unwrap();
        assert_eq!(tsunagu::startup::bootstrap_admin(&store).await.unwrap(), None);
    }
}
