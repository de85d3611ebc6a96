//! Who may do what: every mutating endpoint × (no credentials, the owner, another member,
//! a moderator, an admin). Each cell runs against a fresh resource owned by "owner".

use crate::helpers::*;
use crate::on_both_databases;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

struct People {
    owner: TestMember,
    other: TestMember,
    moderator: TestMember,
}

/// The callers of a row, in order: none, owner, other, moderator, admin.
fn callers<'a>(app: &'a TestApp, people: &'a People) -> [(&'static str, Option<&'a str>); 5] {
    [
        ("no credentials", None),
        ("owner", Some(people.owner.key.as_str())),
        ("other member", Some(people.other.key.as_str())),
        ("moderator", Some(people.moderator.key.as_str())),
        ("admin", Some(app.admin_key.as_str())),
    ]
}

async fn id(app: &TestApp, key: &str, path: &str, body: Value) -> i64 {
    let response = app.post(path, key, body).await;
    json_of(response, StatusCode::CREATED).await["id"]
        .as_i64()
        .unwrap()
}

on_both_databases! {
    async fn every_mutating_endpoint_enforces_its_minimum_role(app) {
        let people = People {
            owner: app.member("owner").await,
            other: app.member("other").await,
            moderator: app.member_with_role("moderator", "moderator").await,
        };
        let helper = app.member("helper").await;
        let question = json!({"title": "A question to test", "body": "b"});
        // (endpoint, expected statuses for none/owner/other/moderator/admin)
        type Row = (&'static str, [u16; 5]);
        let rows: Vec<Row> = vec![
            ("POST /members", [401, 403, 403, 403, 201]),
            ("PUT /members/{owner}/role", [401, 403, 403, 403, 200]),
            ("POST /me/api-keys", [401, 201, 201, 201, 201]),
            ("DELETE /me/api-keys/{owner key}", [401, 204, 404, 404, 404]),
            ("POST /questions", [401, 201, 201, 201, 201]),
            ("PATCH /questions/{id}", [401, 200, 403, 200, 200]),
            ("DELETE /questions/{id}", [401, 204, 403, 204, 204]),
            ("POST /questions/{id}/me-too", [401, 422, 200, 200, 200]),
            ("DELETE /questions/{id}/me-too", [401, 200, 200, 200, 200]),
            ("POST /questions/{id}/answers", [401, 201, 201, 201, 201]),
            ("PATCH /answers/{id}", [401, 200, 403, 200, 200]),
            ("DELETE /answers/{id}", [401, 204, 403, 204, 204]),
            ("POST /answers/{id}/accept", [401, 200, 403, 403, 403]),
            ("DELETE /answers/{id}/accept", [401, 200, 403, 403, 403]),
            ("POST /answers/{id}/reactions", [401, 422, 200, 200, 200]),
            ("DELETE /answers/{id}/reactions/helpful", [401, 200, 200, 200, 200]),
            ("POST /tags", [401, 403, 403, 201, 201]),
        ];
        let mut mismatches = Vec::new();
        for (endpoint, expected) in rows {
            for ((who, key), want) in callers(app, &people).into_iter().zip(expected) {
                // A fresh resource for every cell, so deletes do not change later cells.
                let owner = &people.owner.key;
                let (method, path, body) = match endpoint {
                    "POST /members" => (Method::POST, "/members".to_owned(), Some(json!({"display_name": "new"}))),
                    "PUT /members/{owner}/role" => (Method::PUT, format!("/members/{}/role", people.owner.id), Some(json!({"role": "member"}))),
                    "POST /me/api-keys" => (Method::POST, "/me/api-keys".to_owned(), Some(json!({"name": "k"}))),
                    "DELETE /me/api-keys/{owner key}" => {
                        let key_id = id(app, owner, "/me/api-keys", json!({"name": "to revoke"})).await;
                        (Method::DELETE, format!("/me/api-keys/{key_id}"), None)
                    }
                    "POST /questions" => (Method::POST, "/questions".to_owned(), Some(question.clone())),
                    "PATCH /questions/{id}" => {
                        let q = id(app, owner, "/questions", question.clone()).await;
                        (Method::PATCH, format!("/questions/{q}"), Some(json!({"body": "edited"})))
                    }
                    "DELETE /questions/{id}" => {
                        let q = id(app, owner, "/questions", question.clone()).await;
                        (Method::DELETE, format!("/questions/{q}"), None)
                    }
                    "POST /questions/{id}/me-too" | "DELETE /questions/{id}/me-too" => {
                        let q = id(app, owner, "/questions", question.clone()).await;
                        let method = if endpoint.starts_with("POST") { Method::POST } else { Method::DELETE };
                        (method, format!("/questions/{q}/me-too"), None)
                    }
                    "POST /questions/{id}/answers" => {
                        let q = id(app, owner, "/questions", question.clone()).await;
                        (Method::POST, format!("/questions/{q}/answers"), Some(json!({"body": "answer"})))
                    }
                    "PATCH /answers/{id}" | "DELETE /answers/{id}" | "POST /answers/{id}/reactions" | "DELETE /answers/{id}/reactions/helpful" => {
                        // An answer written by the owner on someone else's question.
                        let q = id(app, &helper.key, "/questions", question.clone()).await;
                        let a = id(app, owner, &format!("/questions/{q}/answers"), json!({"body": "mine"})).await;
                        match endpoint {
                            "PATCH /answers/{id}" => (Method::PATCH, format!("/answers/{a}"), Some(json!({"body": "edited"}))),
                            "DELETE /answers/{id}" => (Method::DELETE, format!("/answers/{a}"), None),
                            "POST /answers/{id}/reactions" => (Method::POST, format!("/answers/{a}/reactions"), Some(json!({"kind": "helpful"}))),
                            _ => (Method::DELETE, format!("/answers/{a}/reactions/helpful"), None),
                        }
                    }
                    "POST /answers/{id}/accept" | "DELETE /answers/{id}/accept" => {
                        // An answer by someone else on the owner's question.
                        let q = id(app, owner, "/questions", question.clone()).await;
                        let a = id(app, &helper.key, &format!("/questions/{q}/answers"), json!({"body": "try this"})).await;
                        let method = if endpoint.starts_with("POST") { Method::POST } else { Method::DELETE };
                        (method, format!("/answers/{a}/accept"), None)
                    }
                    "POST /tags" => (Method::POST, "/tags".to_owned(), Some(json!({"slug": format!("ahead-{}", who.replace(' ', "-"))}))),
                    other => panic!("no setup for {other}"),
                };
                let status = app.call(method, &path, key, body).await.status().as_u16();
                if status != want {
                    mismatches.push(format!("{endpoint} as {who}: got {status}, expected {want}"));
                }
            }
        }
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    }
}
