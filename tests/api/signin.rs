//! Company sign-in against a real OpenID provider: bearer JWTs, introspection, roles from
//! claims and the browser code flow with PKCE.

use crate::helpers::*;
use crate::on_both_databases;
use crate::provider::{kid_of, Provider, AUDIENCE, CLIENT_ID, TENANT};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tsunagu::config::{Config, IntrospectionConfig, OidcConfig};

fn configure(config: &mut Config, provider: &Provider) {
    config.oidc = Some(OidcConfig {
        issuer: provider.issuer.clone(),
        audiences: vec![AUDIENCE.into()],
        tenants: vec![TENANT.into()],
        client_id: Some(CLIENT_ID.into()),
        ..tsunagu::auth::identity::default_claims()
    });
    config.introspection = Some(IntrospectionConfig {
        url: format!("{}/test/introspect", provider.issuer),
        client_id: "tsunagu".into(),
        client_secret: Some("secret".into()),
    });
}

/// Runs each scenario on SQLite and PostgreSQL with its own provider.
macro_rules! with_provider {
    ($(async fn $name:ident($app:ident, $idp:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                async fn scenario($app: &TestApp, $idp: &Provider) $body
                async fn run(backend: Backend) {
                    let idp = Provider::start();
                    let app = spawn_app_with(backend, |c| configure(c, &idp)).await;
                    scenario(&app, &idp).await;
                    app.stop().await;
                }
                #[tokio::test]
                async fn sqlite() { run(Backend::Sqlite).await }
                #[tokio::test]
                async fn postgres() { run(Backend::Postgres).await }
            }
        )*
    };
}

async fn refused(app: &TestApp, token: &str) -> String {
    let response = app.get("/me", token).await;
    let challenge = response
        .headers()
        .get("www-authenticate")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let p = problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert!(
        challenge.starts_with("Bearer") && challenge.contains("error=\"invalid_token\""),
        "{challenge}"
    );
    p["detail"].as_str().unwrap().to_owned()
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

with_provider! {
    async fn a_valid_token_creates_the_member_and_later_tokens_update_it(app, idp) {
        let token = idp.token(json!({})).await;
        let me = app.get_json("/me", &token).await;
        assert_eq!(me["display_name"], "山田 花子");
        assert_eq!(me["email"], "hanako@contoso.co.jp");
        assert_eq!(me["role"], "member");
        let renamed = idp.token(json!({"name": "山田 花", "preferred_username": "hana@contoso.co.jp"})).await;
        let again = app.get_json("/me", &renamed).await;
        assert_eq!(again["id"], me["id"], "same person, same member");
        assert_eq!(again["display_name"], "山田 花");
        assert_eq!(again["email"], "hana@contoso.co.jp");
        // Another person is another member, even one whose token claims the same address.
        let other = app.get_json("/me", &idp.token(json!({"oid": "person-2", "name": "佐藤", "preferred_username": "hana@contoso.co.jp"})).await).await;
        assert_ne!(other["id"], me["id"]);
        assert!(other.get("email").is_none(), "the address stays with its owner: {other}");
        // API keys keep working alongside.
        assert_eq!(app.get_json("/me", &app.admin_key).await["role"], "admin");
        // A member's token can ask questions like a key can.
        let q = app.ask(&token, "トークンで質問します", "本文", &[], false).await;
        assert_eq!(q["author"]["id"], me["id"]);
    }

    async fn a_member_an_admin_created_is_linked_by_email_on_first_sign_in(app, idp) {
        let created = json_of(
            app.post("/members", &app.admin_key, json!({"display_name": "事前登録", "email": "pre@contoso.co.jp"})).await,
            StatusCode::CREATED,
        )
        .await;
        // The admin was shown the member's first key; it works until the person signs in.
        let kept_by_admin = created["api_key"]["secret"].as_str().unwrap().to_owned();
        assert_eq!(app.get("/me", &kept_by_admin).await.status(), StatusCode::OK);
        // preferred_username is not an e-mail anyone verified: it never links.
        let other = app.get_json("/me", &idp.token(json!({"oid": "pre-0", "preferred_username": "Pre@Contoso.co.jp", "email": null, "name": "なりすまし"})).await).await;
        assert_ne!(other["id"], created["member"]["id"]);
        // A verified e-mail links.
        let me = app.get_json("/me", &idp.token(json!({"oid": "pre-1", "email": "Pre@Contoso.co.jp", "email_verified": true, "name": "事前 登録"})).await).await;
        assert_eq!(me["id"], created["member"]["id"]);
        assert_eq!(me["display_name"], "事前 登録");
        // Signed in: the key the admin saw no longer works.
        problem(app.get("/me", &kept_by_admin).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }

    async fn an_email_claim_cannot_take_over_an_admin(app, idp) {
        let boss = json_of(
            app.post("/members", &app.admin_key, json!({"display_name": "Boss", "email": "boss@example.com", "role": "admin", "issue_api_key": false})).await,
            StatusCode::CREATED,
        )
        .await;
        let boss_id = boss["member"]["id"].clone();
        // Unverified e-mail, or the address only in preferred_username: a new member, not Boss.
        for claims in [
            json!({"oid": "intruder-1", "email": "BOSS@example.com", "preferred_username": null}),
            json!({"oid": "intruder-2", "email": "boss@example.com", "email_verified": false}),
            json!({"oid": "intruder-3", "email": null, "preferred_username": "boss@example.com", "email_verified": true}),
        ] {
            let me = app.get_json("/me", &idp.token(claims.clone()).await).await;
            assert_ne!(me["id"], boss_id, "{claims}");
            assert_eq!(me["role"], "member", "{claims}");
        }
        // A lookalike (Kelvin sign K) is another address.
        let pre = json_of(app.post("/members", &app.admin_key, json!({"display_name": "Kate", "email": "kate@example.com", "issue_api_key": false})).await, StatusCode::CREATED).await;
        let lookalike = app.get_json("/me", &idp.token(json!({"oid": "intruder-5", "email": "\u{212A}ate@example.com", "email_verified": true})).await).await;
        assert_ne!(lookalike["id"], pre["member"]["id"], "a Kelvin sign linked to kate@");
        // Even a verified e-mail links as a member: the admin role waits for an admin.
        let token = idp.token(json!({"oid": "boss-1", "email": "boss@example.com", "email_verified": true, "name": "Boss"})).await;
        let me = app.get_json("/me", &token).await;
        assert_eq!((me["id"].clone(), me["role"].as_str()), (boss_id.clone(), Some("member")));
        problem(app.get("/admin/deliveries", &token).await, StatusCode::FORBIDDEN, "forbidden").await;
        json_of(app.call(reqwest::Method::PUT, &format!("/members/{boss_id}/role"), Some(&app.admin_key), Some(json!({"role": "admin"}))).await, StatusCode::OK).await;
        assert_eq!(app.get_json("/me", &token).await["role"], "admin");
    }

    async fn issuers_match_exactly_and_tokens_are_not_from_the_future(app, idp) {
        let slash = idp.token(json!({"iss": format!("{}/", idp.issuer)})).await;
        assert!(refused(app, &slash).await.contains("another provider"), "a trailing slash is another issuer");
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        let future = idp.token(json!({"iat": now + 365 * 24 * 3600, "exp": now + 366 * 24 * 3600})).await;
        assert!(refused(app, &future).await.contains("future"));
        for bad in [json!({"iat": (now + 365 * 24 * 3600).to_string()}), json!({"iat": "abc"}), json!({"nbf": true})] {
            let token = idp.token(bad.clone()).await;
            assert!(refused(app, &token).await.contains("not a number"), "{bad}");
        }
        // Names from the provider get the same hygiene as typed ones.
        let named = idp.token(json!({"oid": "rlo-1", "name": "ab\u{202E}cd\u{200B}"})).await;
        assert_eq!(app.get_json("/me", &named).await["display_name"], "abcd");
        let skewed = idp.token(json!({"iat": now + 30})).await;
        assert_eq!(app.get("/me", &skewed).await.status(), StatusCode::OK, "within the clock leeway");
    }

    async fn expired_wrong_audience_wrong_issuer_and_wrong_tenant_are_refused(app, idp) {
        let expired = idp.token(json!({"exp": now() - 3600, "iat": now() - 7200, "nbf": now() - 7200})).await;
        assert!(refused(app, &expired).await.contains("invalid"));
        let not_yet = idp.token(json!({"nbf": now() + 3600})).await;
        refused(app, &not_yet).await;
        let audience = idp.token(json!({"aud": "api://someone-else"})).await;
        refused(app, &audience).await;
        let issuer = idp.token(json!({"iss": "http://evil.example.com"})).await;
        assert!(refused(app, &issuer).await.contains("another provider"));
        let tenant = idp.token(json!({"tid": "tenant-b"})).await;
        assert!(refused(app, &tenant).await.contains("tenant"));
        let no_subject = idp.token(json!({"oid": null, "sub": null})).await;
        assert!(refused(app, &no_subject).await.contains("subject"));
        // The same provider's good token still works.
        assert_eq!(app.get("/me", &idp.token(json!({})).await).await.status(), StatusCode::OK);
    }

    async fn forged_tokens_are_refused(app, idp) {
        let good = idp.token(json!({})).await;
        let parts: Vec<&str> = good.split('.').collect();
        // A bad signature.
        let mut signature = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
        signature[10] ^= 0xff;
        let tampered = format!("{}.{}.{}", parts[0], parts[1], URL_SAFE_NO_PAD.encode(&signature));
        refused(app, &tampered).await;
        // A changed payload with the original signature.
        let mut payload: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        payload["roles"] = json!(["Tsunagu.Admin"]);
        let escalated = format!("{}.{}.{}", parts[0], URL_SAFE_NO_PAD.encode(payload.to_string()), parts[2]);
        refused(app, &escalated).await;
        // alg: none.
        let kid = kid_of(&good);
        let none_header = URL_SAFE_NO_PAD.encode(json!({"alg": "none", "typ": "JWT", "kid": kid}).to_string());
        let unsigned = format!("{none_header}.{}.", parts[1]);
        assert!(refused(app, &unsigned).await.contains("algorithm") );
        // HS256 "signed" with the provider's public key material.
        let jwks: Value = reqwest::get(format!("{}/jwks", idp.issuer)).await.unwrap().json().await.unwrap();
        let public_n = jwks["keys"][0]["n"].as_str().unwrap().to_owned();
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some(kid);
        let hs256 = jsonwebtoken::encode(&header, &payload, &jsonwebtoken::EncodingKey::from_secret(public_n.as_bytes())).unwrap();
        assert!(refused(app, &hs256).await.contains("algorithm"));
        // Not a JWT at all, with no introspection answer for it either.
        assert_eq!(app.get("/me", "garbage.token.value").await.status(), StatusCode::UNAUTHORIZED);
    }

    async fn a_rotated_key_is_fetched_once_and_unknown_keys_do_not_hammer_the_provider(app, idp) {
        let first = idp.token(json!({})).await;
        assert_eq!(app.get("/me", &first).await.status(), StatusCode::OK);
        let new_kid = idp.rotate_keys().await;
        // The provider signs with its keys in turn: ask until the new one is used.
        let mut rotated = idp.token(json!({})).await;
        for _ in 0..3 {
            if kid_of(&rotated) == new_kid {
                break;
            }
            rotated = idp.token(json!({})).await;
        }
        assert_eq!(kid_of(&rotated), new_kid);
        let me = app.get_json("/me", &rotated).await;
        assert_eq!(me["display_name"], "山田 花子");
        // A token naming a key nobody published: refused without another JWKS fetch (cool-down).
        let parts: Vec<&str> = rotated.split('.').collect();
        let header = URL_SAFE_NO_PAD.encode(json!({"alg": "RS256", "typ": "JWT", "kid": "no-such-key"}).to_string());
        let unknown = format!("{header}.{}.{}", parts[1], parts[2]);
        assert!(refused(app, &unknown).await.contains("unknown key"));
    }

    async fn roles_come_from_the_roles_claim_and_from_admins(app, idp) {
        let moderator_token = idp.token(json!({"oid": "mod-1", "name": "モデレーター", "roles": ["Tsunagu.Moderator"]})).await;
        assert_eq!(app.get_json("/me", &moderator_token).await["role"], "moderator");
        let admin_token = idp.token(json!({"oid": "adm-1", "name": "管理者", "roles": ["Tsunagu.Admin"]})).await;
        assert_eq!(app.get_json("/me", &admin_token).await["role"], "admin");
        let created = app.post("/members", &admin_token, json!({"display_name": "新しい人"})).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        // An admin raises a member; the member's next request has the role.
        let member_token = idp.token(json!({"oid": "mem-1", "name": "一般"})).await;
        let member = app.get_json("/me", &member_token).await;
        assert_eq!(member["role"], "member");
        let path = format!("/members/{}/role", member["id"]);
        problem(app.call(reqwest::Method::PUT, &path, Some(&moderator_token), Some(json!({"role": "admin"}))).await, StatusCode::FORBIDDEN, "forbidden").await;
        let raised = json_of(app.call(reqwest::Method::PUT, &path, Some(&admin_token), Some(json!({"role": "moderator"}))).await, StatusCode::OK).await;
        assert_eq!(raised["role"], "moderator");
        assert_eq!(app.get_json("/me", &member_token).await["role"], "moderator");
        let own = format!("/members/{}/role", app.get_json("/me", &admin_token).await["id"]);
        problem(app.call(reqwest::Method::PUT, &own, Some(&admin_token), Some(json!({"role": "member"}))).await, StatusCode::UNPROCESSABLE_ENTITY, "own_role").await;
        problem(app.call(reqwest::Method::PUT, "/members/999999/role", Some(&admin_token), Some(json!({"role": "member"}))).await, StatusCode::NOT_FOUND, "not_found").await;
        problem(app.call(reqwest::Method::PUT, &path, Some(&admin_token), Some(json!({"role": "owner"}))).await, StatusCode::BAD_REQUEST, "invalid_body").await;
    }

    async fn opaque_tokens_are_introspected_and_cached(app, idp) {
        idp.set_introspection(json!({"sub": "opaque-1", "name": "外部 利用者", "email": "opaque@contoso.co.jp"})).await;
        let me = app.get_json("/me", "opaque-access-token-1").await;
        assert_eq!(me["display_name"], "外部 利用者");
        // The answer is cached: the provider changing its mind within the minute is not seen.
        idp.set_introspection(json!({"sub": "opaque-2", "name": "別人"})).await;
        assert_eq!(app.get_json("/me", "opaque-access-token-1").await["id"], me["id"]);
        let other = app.get_json("/me", "opaque-access-token-2").await;
        assert_eq!(other["display_name"], "別人");
        let detail = refused(app, "opaque-inactive-token").await;
        assert!(detail.contains("not active"), "{detail}");
    }

    async fn the_browser_signs_in_with_the_code_flow_and_pkce(app, idp) {
        idp.set_login(json!({"oid": "browser-1", "name": "ブラウザ 太郎", "email": "taro@contoso.co.jp", "tid": TENANT})).await;
        // Without following redirects: the login cookie is HttpOnly and SameSite=Lax, and the
        // provider is asked for a PKCE S256 challenge, a state and a nonce.
        let manual = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let login = manual.get(format!("{}/auth/login", app.address)).send().await.unwrap();
        assert_eq!(login.status(), StatusCode::FOUND);
        let location = login.headers()["location"].to_str().unwrap().to_owned();
        for needed in ["code_challenge=", "code_challenge_method=S256", "state=", "nonce=", "client_id=tsunagu-web", "scope=openid"] {
            assert!(location.contains(needed), "{needed} missing from {location}");
        }
        let cookie = login.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
        // A callback whose state does not match is refused.
        let bad = manual.get(format!("{}/auth/callback?code=x&state=forged", app.address)).header("cookie", cookie.split(';').next().unwrap()).send().await.unwrap();
        problem(bad, StatusCode::BAD_REQUEST, "invalid_query").await;
        // A person's browser (it takes HTML) is told on a page in its language instead.
        let page = manual.get(format!("{}/auth/callback?code=x&state=forged", app.address)).header("cookie", cookie.split(';').next().unwrap()).header("accept", "text/html,*/*").header("accept-language", "ja").send().await.unwrap();
        assert_eq!(page.status(), StatusCode::BAD_REQUEST);
        assert!(page.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let html = page.text().await.unwrap();
        assert!(html.contains(r#"<html lang="ja">"#) && html.contains(r#"href="/""#), "{html}");
        assert!(!html.contains("invalid_query"), "{html}");

        // Following every redirect, as a browser does.
        let browser = reqwest::Client::builder().cookie_store(true).build().unwrap();
        let landed = browser.get(format!("{}/auth/login?return_to=/api/v1/me", app.address)).send().await.unwrap();
        assert_eq!(landed.url().path(), "/api/v1/me");
        let me = json_of(landed, StatusCode::OK).await;
        assert_eq!(me["display_name"], "ブラウザ 太郎");
        assert_eq!(me["email"], "taro@contoso.co.jp");
        // Changes made with the session come from this site only: a body-less POST from
        // another origin (or a sibling subdomain) is refused, by Sec-Fetch-Site or by Origin.
        let q = json_of(browser.post(app.url("/questions")).header("origin", app.address.as_str()).json(&json!({"title": "Asked in the browser", "body": "b"})).send().await.unwrap(), StatusCode::CREATED).await;
        for (name, value) in [("sec-fetch-site", "cross-site"), ("sec-fetch-site", "same-site"), ("sec-fetch-site", "none"), ("origin", "https://evil.example"), ("origin", "null")] {
            let forged = browser.post(app.url(&format!("/questions/{}/me-too", q["id"]))).header(name, value).send().await.unwrap();
            problem(forged, StatusCode::FORBIDDEN, "forbidden").await;
        }
        let no_origin = browser.delete(app.url(&format!("/questions/{}", q["id"]))).send().await.unwrap();
        problem(no_origin, StatusCode::FORBIDDEN, "forbidden").await;
        let same = browser.patch(app.url(&format!("/questions/{}", q["id"]))).header("sec-fetch-site", "same-origin").json(&json!({"title": "Asked in the browser, edited"})).send().await.unwrap();
        assert_eq!(same.status(), StatusCode::OK);
        // The signed-in browser makes its own API key for the connector's API-key connection.
        let key = json_of(browser.post(app.url("/me/api-keys")).header("origin", app.address.as_str()).json(&json!({"name": "Power Automate"})).send().await.unwrap(), StatusCode::CREATED).await;
        let secret = key["secret"].as_str().unwrap();
        assert_eq!(app.get_json("/me", secret).await["id"], me["id"]);
        // Signing out ends the session.
        assert_eq!(browser.post(format!("{}/auth/logout", app.address)).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        problem(browser.get(app.url("/me")).send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
        // return_to leads only to a path on this site.
        for (evil, why) in [("/%09/evil.example/x", "a tab a browser drops"), ("//evil.example/x", "another origin"), ("/%5Cevil.example", "a backslash"), ("/%0d%0aX-Injected:%201", "a header injection")] {
            let fresh = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
            let login = fresh.get(format!("{}/auth/login?return_to={evil}", app.address)).send().await.unwrap();
            let authorize = login.headers()["location"].to_str().unwrap().to_owned();
            let back = fresh.get(&authorize).send().await.unwrap();
            let callback = back.headers()["location"].to_str().unwrap().to_owned();
            let landed = fresh.get(&callback).send().await.unwrap();
            assert_eq!(landed.status(), StatusCode::SEE_OTHER, "{why}: {}", landed.text().await.unwrap());
            assert_eq!(landed.headers()["location"], "/api/v1/me", "{why}");
        }
        // Signing out ends the session on the server: a copy of the cookie stops working too.
        let fresh = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let login = fresh.get(format!("{}/auth/login", app.address)).send().await.unwrap();
        let back = fresh.get(login.headers()["location"].to_str().unwrap()).send().await.unwrap();
        let landed = fresh.get(back.headers()["location"].to_str().unwrap()).send().await.unwrap();
        let session = landed
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("tsunagu_session="))
            .unwrap();
        let copy = session.split(';').next().unwrap().to_owned();
        assert_eq!(manual.get(app.url("/me")).header("cookie", &copy).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(manual.post(format!("{}/auth/logout", app.address)).header("cookie", &copy).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        problem(manual.get(app.url("/me")).header("cookie", &copy).send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
        // A forged session cookie is ignored.
        let forged = manual.get(app.url("/me")).header("cookie", format!("tsunagu_session={}|9999999999", me["id"])).send().await.unwrap();
        problem(forged, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
}

on_both_databases! {
    async fn without_a_provider_sign_in_says_it_is_not_configured(app) {
        let response = app.client.get(format!("{}/auth/login", app.address)).send().await.unwrap();
        problem(response, StatusCode::NOT_IMPLEMENTED, "not_configured").await;
        let detail = {
            let response = app.get("/me", "aaa.bbb.ccc").await;
            problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await["detail"].as_str().unwrap().to_owned()
        };
        // Members are told what to use instead; the operator's setting is in the README.
        assert!(detail.contains("does not accept sign-in tokens"), "{detail}");
        let ja = app.client.get(app.url("/me")).bearer_auth("aaa.bbb.ccc").header("Accept-Language", "ja").send().await.unwrap();
        let p = problem(ja, StatusCode::UNAUTHORIZED, "unauthorized").await;
        assert!(p["detail"].as_str().unwrap().contains("API キーを使ってください"), "{p}");
        assert!(p["detail_en"].as_str().unwrap().contains("does not accept sign-in tokens"), "{p}");
    }
}
