//! The generated OpenAPI spec and connector packages: committed copies up to date, every
//! Power Platform definition rule, and a contract test against a running server.

use crate::helpers::*;
use crate::on_both_databases;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashSet};
use tsunagu::connector::{package, AuthMode, ConnectorOptions, Language, EXAMPLE_HOST};

const REGENERATE: &str = "cargo run -- openapi --out openapi/openapi.json && \
     cargo run -- connector --out connector && cargo run -- connector --out connector/ja --lang ja";

/// Operations that have been published: never rename or delete one (rule 18).
const PUBLISHED: &[&str] = &[
    "CreateMember",
    "GetMember",
    "GetMe",
    "ListMyApiKeys",
    "CreateMyApiKey",
    "RevokeMyApiKey",
    "FindSimilarQuestions",
    "ListQuestions",
    "CreateQuestion",
    "GetQuestion",
    "UpdateQuestion",
    "DeleteQuestion",
    "AddMeToo",
    "RemoveMeToo",
    "CreateAnswer",
    "GetAnswer",
    "UpdateAnswer",
    "DeleteAnswer",
    "AcceptAnswer",
    "UnacceptAnswer",
    "AddReaction",
    "RemoveReaction",
    "ListTags",
    "UpdateMe",
    "CreateTip",
    "ListTips",
    "GetTipOfTheDay",
    "GetRandomTip",
    "GetTip",
    "UpdateTip",
    "DeleteTip",
    "AddTipReaction",
    "RemoveTipReaction",
    "CreateWin",
    "ListWins",
    "GetWin",
    "UpdateWin",
    "DeleteWin",
    "GiveWinKudos",
    "GiveAnswerKudos",
    "GetLeaderboard",
    "FindHelpers",
    "GetCommunityHealth",
    "GetCommunityHealthCsv",
    "GetHealthSummary",
    "OnQuestionPosted",
    "OnQuestionAnswered",
    "OnAnswerAccepted",
    "OnQuestionUnanswered",
    "OnTipPublished",
    "OnWinLogged",
    "OnKudosReceived",
    "ListSubscriptions",
    "GetSubscription",
    "DeleteSubscription",
    "OnNewEvents",
    "ListDeliveries",
    "RetryDelivery",
];

fn repo_file(path: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}; regenerate with: {REGENERATE}"))
}

fn definition(lang: Language, auth: AuthMode, host: &str) -> Value {
    let package = package(&ConnectorOptions::new(lang, auth, host).unwrap())
        .unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_slice(package.file("apiDefinition.swagger.json").unwrap()).unwrap()
}

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let committed = String::from_utf8(repo_file("openapi/openapi.json")).unwrap();
    assert!(
        committed == tsunagu::api::openapi_json(),
        "openapi/openapi.json is out of date; regenerate with: {REGENERATE}"
    );
}

#[test]
fn the_committed_connector_packages_match_the_code() {
    for (dir, lang) in [("connector", Language::En), ("connector/ja", Language::Ja)] {
        let generated =
            package(&ConnectorOptions::new(lang, AuthMode::Aad, EXAMPLE_HOST).unwrap()).unwrap();
        for (name, bytes) in &generated.files {
            let committed = repo_file(&format!("{dir}/{name}"));
            assert!(
                &committed == bytes,
                "{dir}/{name} is out of date; regenerate with: {REGENERATE}"
            );
        }
    }
}

#[test]
fn japanese_without_a_translation_fails_rather_than_ships_english() {
    // Every string in the Japanese package has a translation (generation would fail otherwise),
    // and every visible string really is Japanese.
    let ja = definition(Language::Ja, AuthMode::Aad, EXAMPLE_HOST);
    let mut checked = 0;
    visit_texts(&ja, &mut |where_, text| {
        checked += 1;
        let japanese = text.chars().any(|c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
        });
        let ascii_label_ok = ["ID"].contains(&text);
        assert!(
            japanese || ascii_label_ok,
            "untranslated at {where_}: {text}"
        );
    });
    assert!(checked > 300, "only {checked} strings checked");
}

/// The label (`x-ms-summary`) at a `/`-separated path of definition properties.
fn label_at(d: &Value, path: &str) -> String {
    let mut parts = path.split('/');
    let mut schema = &d["definitions"][parts.next().unwrap()];
    for part in parts {
        schema = &schema["properties"][part];
    }
    schema["x-ms-summary"]
        .as_str()
        .unwrap_or_else(|| panic!("no label at {path}"))
        .to_owned()
}

#[test]
fn the_japanese_package_names_things_as_office_staff_would() {
    // The committed package, as an admin imports it.
    let ja: Value =
        serde_json::from_slice(&repo_file("connector/ja/apiDefinition.swagger.json")).unwrap();
    let properties = String::from_utf8(repo_file("connector/ja/apiProperties.json")).unwrap();
    let readme = String::from_utf8(repo_file("connector/ja/readme.md")).unwrap();
    // The event type is the kind of event (it read 「問題の種類」, the problem+json label).
    for event in [
        "Event",
        "QuestionPostedEvent",
        "KudosReceivedEvent",
        "AnswerAcceptedEvent",
    ] {
        assert_eq!(label_at(&ja, &format!("{event}/type")), "イベントの種類");
    }
    assert_eq!(
        label_at(&ja, "Problem/type"),
        "エラーの種类".replace('类', "類")
    );
    // Who sent kudos (it read 「開始日時」, the label of the statistics' `from`).
    assert_eq!(label_at(&ja, "KudosReceivedEvent/kudos/from"), "送った人");
    assert_eq!(
        label_at(&ja, "KudosReceivedEvent/kudos/from/display_name"),
        "送った人の名前"
    );
    // Nested people and ids say whose they are.
    assert_eq!(
        label_at(&ja, "QuestionAnsweredEvent/question/asker/display_name"),
        "質問者の名前"
    );
    assert_eq!(
        label_at(&ja, "QuestionAnsweredEvent/answer/author/display_name"),
        "回答者の名前"
    );
    assert_eq!(label_at(&ja, "QuestionAnsweredEvent/answer/id"), "回答 ID");
    assert_eq!(
        label_at(&ja, "QuestionAnsweredEvent/question/id"),
        "質問 ID"
    );
    assert_eq!(label_at(&ja, "QuestionAnsweredEvent/id"), "イベント ID");
    // Counts read as counts.
    assert_eq!(
        label_at(&ja, "HealthFigures/kudos_given"),
        "送られた称賛の数"
    );
    assert_eq!(label_at(&ja, "MemberProfile/answers"), "書いた回答数");
    for (name, schema) in ja["definitions"].as_object().unwrap() {
        if ![
            "HealthFigures",
            "HealthSummary",
            "MemberProfile",
            "LeaderboardEntry",
        ]
        .contains(&name.as_str())
        {
            continue;
        }
        for (field, prop) in schema["properties"].as_object().unwrap() {
            let label = prop["x-ms-summary"].as_str().unwrap();
            if ["integer", "number"].contains(&prop["type"].as_str().unwrap_or_default())
                && !field.ends_with("id")
            {
                assert!(
                    ["数", "時間", "率", "順位", "（中央値）", "（合計）"]
                        .iter()
                        .any(|end| label.ends_with(end)),
                    "{name}.{field} does not read as a figure: {label}"
                );
            }
        }
    }
    assert_eq!(
        label_at(&ja, "Impact/minutes_saved_per_run"),
        "1 回あたりの節約時間（分）"
    );
    // Every path id says whose it is.
    for (path, item) in ja["paths"].as_object().unwrap() {
        for (method, op) in operations_of(item) {
            for p in op["parameters"].as_array().unwrap() {
                if p["in"] == "path" && p["name"].as_str().unwrap().ends_with("id") {
                    let label = p["x-ms-summary"].as_str().unwrap();
                    assert!(
                        label != "ID" && label.ends_with("ID"),
                        "{method} {path}: {label}"
                    );
                }
            }
        }
    }
    // One concept, one word: choosing the answer that solved a question is ベストアンサー
    // (承認 is the Approvals connector's word).
    let summary = |id: &str| {
        ja["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(operations_of)
            .find(|(_, op)| op["operationId"] == id)
            .map(|(_, op)| op["summary"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(summary("AcceptAnswer"), "ベストアンサーに選ぶ");
    assert_eq!(summary("OnAnswerAccepted"), "ベストアンサーが選ばれたとき");
    // What people read (examples are sample content: a question may well be about 承認).
    let mut text = properties + &readme;
    visit_texts(&ja, &mut |_, t| text.push_str(t));
    for item in ja["paths"].as_object().unwrap().values() {
        if let Some(content) = item.get("x-ms-notification-content") {
            text.push_str(content["description"].as_str().unwrap());
        }
    }
    // Jargon for office staff, and English a Japanese reader should not meet (the hidden
    // `token:TenantId` texts stay as Microsoft's schema fixes them).
    for word in [
        "承認",
        "冪等",
        "ポーリング",
        "カーソル",
        "サブスクリプション",
        "健全性",
        "分数",
        "Poll for",
        "UpdateMe を",
    ] {
        assert!(!text.contains(word), "the Japanese package says {word:?}");
    }
    // Descriptions speak of the designer's labels and はい/いいえ, not of raw names and booleans.
    visit_texts(&ja, &mut |at, text| {
        for raw in [
            "`true`",
            "`false`",
            " true",
            " false",
            "`anonymous`",
            "`limit`",
            "`cursor`",
        ] {
            assert!(!text.contains(raw), "{at}: {text}");
        }
    });
    // What a trigger sends is named in words, not by its event code.
    for item in ja["paths"].as_object().unwrap().values() {
        if let Some(content) = item.get("x-ms-notification-content") {
            let description = content["description"].as_str().unwrap();
            assert!(
                !description.contains('.') && description.ends_with("イベント"),
                "{description}"
            );
        }
    }
}

#[test]
fn no_two_fields_of_one_output_share_a_label() {
    // In the designer's dynamic content every field of a trigger's or action's output sits in
    // one list: two 「リンク」 (the question's and the answer's) cannot be told apart.
    fn labels(schema: &Value, at: &str, out: &mut Vec<(String, String)>) {
        for (name, prop) in schema["properties"].as_object().into_iter().flatten() {
            let path = format!("{at}/{name}");
            out.push((
                prop["x-ms-summary"].as_str().unwrap_or_default().to_owned(),
                path.clone(),
            ));
            labels(prop, &path, out);
        }
    }
    for dir in ["connector", "connector/ja"] {
        let d: Value =
            serde_json::from_slice(&repo_file(&format!("{dir}/apiDefinition.swagger.json")))
                .unwrap();
        for (name, schema) in d["definitions"].as_object().unwrap() {
            let mut seen: Vec<(String, String)> = Vec::new();
            labels(schema, name, &mut seen);
            seen.sort();
            for pair in seen.windows(2) {
                assert!(
                    pair[0].0 != pair[1].0,
                    "{dir}: {} and {} are both {:?}",
                    pair[0].1,
                    pair[1].1,
                    pair[0].0
                );
            }
        }
    }
}

/// Calls `f` with every summary, description and x-ms-summary of operations, parameters and
/// definition properties.
fn visit_texts(definition: &Value, f: &mut dyn FnMut(&str, &str)) {
    for (path, item) in definition["paths"].as_object().unwrap() {
        for (method, op) in operations_of(item) {
            for key in ["summary", "description"] {
                f(&format!("{method} {path} {key}"), op[key].as_str().unwrap());
            }
            for p in op["parameters"].as_array().unwrap() {
                if p["in"] != "body" {
                    f(
                        &format!("{method} {path} {}", p["name"]),
                        p["x-ms-summary"].as_str().unwrap(),
                    );
                    f(
                        &format!("{method} {path} {}", p["name"]),
                        p["description"].as_str().unwrap(),
                    );
                }
            }
            for (code, r) in op["responses"].as_object().unwrap() {
                f(
                    &format!("{method} {path} {code}"),
                    r["description"].as_str().unwrap(),
                );
            }
        }
    }
    for (name, schema) in definition["definitions"].as_object().unwrap() {
        visit_schema_texts(name, schema, f);
    }
}

fn visit_schema_texts(where_: &str, schema: &Value, f: &mut dyn FnMut(&str, &str)) {
    if let Some(d) = schema["description"].as_str() {
        f(where_, d);
    }
    if let Some(props) = schema["properties"].as_object() {
        for (name, prop) in props {
            let at = format!("{where_}.{name}");
            f(
                &at,
                prop["x-ms-summary"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{at} has no x-ms-summary")),
            );
            visit_schema_texts(&at, prop, f);
        }
    }
    if let Some(values) = schema["x-ms-enum-values"].as_array() {
        for v in values {
            f(where_, v["displayName"].as_str().unwrap());
        }
    }
}

#[test]
fn every_definition_rule_holds_in_both_languages_and_all_sign_ins() {
    let mut en_ids = None;
    for lang in [Language::En, Language::Ja] {
        for auth in [AuthMode::Aad, AuthMode::Oauth2, AuthMode::ApiKey] {
            let d = definition(lang, auth, EXAMPLE_HOST);
            let problems = definition_rule_violations(&d, lang);
            assert!(
                problems.is_empty(),
                "{lang}/{auth}:\n{}",
                problems.join("\n")
            );
            let ids = operation_ids(&d);
            for published in PUBLISHED {
                assert!(
                    ids.contains(&published.to_string()),
                    "published operation {published} is gone (rule 18)"
                );
            }
            match &en_ids {
                None => en_ids = Some(ids),
                Some(first) => assert_eq!(first, &ids, "operationIds differ in {lang}/{auth}"),
            }
        }
    }
}

/// Rules the server enforces that Swagger 2.0 can state.
const RULE_KEYWORDS: [&str; 8] = [
    "pattern",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "additionalProperties",
];

/// The OpenAPI schema without its `oneOf [null, X]` / `type: [T, null]` wrapping.
fn unwrap_nullable<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    let schema = match schema.get("oneOf").and_then(Value::as_array) {
        Some(variants) => variants
            .iter()
            .find(|v| v["type"] != "null")
            .unwrap_or(schema),
        None => schema,
    };
    match schema["$ref"].as_str() {
        Some(r) => &spec["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    }
}

#[test]
fn the_connector_states_every_rule_the_openapi_document_declares() {
    let spec: Value = serde_json::from_str(&tsunagu::api::openapi_json()).unwrap();
    let d = definition(Language::En, AuthMode::ApiKey, EXAMPLE_HOST);
    let mut missing = Vec::new();
    let mut compared = 0;
    // Schemas: each component and each of its properties (and their items).
    for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
        let converted = &d["definitions"][name];
        let mut pairs = vec![(name.clone(), schema, converted)];
        for (prop, inner) in schema["properties"].as_object().into_iter().flatten() {
            let inner = unwrap_nullable(&spec, inner);
            let out = &converted["properties"][prop];
            pairs.push((format!("{name}.{prop}"), inner, out));
            if let Some(items) = inner.get("items") {
                pairs.push((
                    format!("{name}.{prop}[]"),
                    unwrap_nullable(&spec, items),
                    &out["items"],
                ));
            }
        }
        for (at, from, to) in pairs {
            for key in RULE_KEYWORDS {
                if let Some(rule) = from
                    .get(key)
                    .filter(|v| key != "additionalProperties" || **v == json!(false))
                {
                    compared += 1;
                    if to.get(key) != Some(rule) {
                        missing.push(format!("{at}: {key} {rule} became {:?}", to.get(key)));
                    }
                }
            }
        }
    }
    // Parameters of every operation.
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(params) = op["parameters"].as_array() else {
                continue;
            };
            let swagger_path = path.trim_start_matches(tsunagu::api::API_PREFIX);
            let converted = d["paths"][swagger_path][method]["parameters"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for param in params {
                let name = param["name"].as_str().unwrap();
                let Some(to) = converted.iter().find(|p| p["name"] == name) else {
                    continue;
                };
                let schema = unwrap_nullable(&spec, &param["schema"]);
                for key in RULE_KEYWORDS {
                    if let Some(rule) = schema.get(key) {
                        compared += 1;
                        if to.get(key) != Some(rule) {
                            missing.push(format!(
                                "{method} {path} {name}: {key} {rule} became {:?}",
                                to.get(key)
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(compared > 100, "only {compared} rules compared");
    assert!(
        missing.is_empty(),
        "the connector drops rules:\n{}",
        missing.join("\n")
    );
}

#[test]
fn deliveries_and_common_headers_are_described() {
    let spec: Value = serde_json::from_str(&tsunagu::api::openapi_json()).unwrap();
    // Every schema is used: the event payloads by the `webhooks` (OpenAPI 3.1).
    let text = spec.to_string();
    for name in spec["components"]["schemas"].as_object().unwrap().keys() {
        assert!(
            text.contains(&format!("\"#/components/schemas/{name}\"")),
            "{name} is referenced nowhere"
        );
    }
    let webhooks = spec["webhooks"].as_object().unwrap();
    assert_eq!(webhooks.len(), 8);
    for (event, item) in webhooks {
        let names: Vec<&str> = item["post"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["webhook-id", "webhook-timestamp", "webhook-signature"],
            "{event}"
        );
        assert!(
            item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                .as_str()
                .unwrap()
                .ends_with("Event")
        );
    }
    // The headers every answer carries are declared.
    let created = &spec["paths"]["/api/v1/questions"]["post"]["responses"]["201"]["headers"];
    for header in [
        "X-Request-Id",
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
        "RateLimit-Policy",
        "Idempotent-Replayed",
        "Location",
    ] {
        assert!(
            created.get(header).is_some(),
            "201 of CreateQuestion lacks {header}: {created}"
        );
    }
    let listed = &spec["paths"]["/api/v1/questions"]["get"]["responses"]["200"]["headers"];
    assert!(
        listed.get("RateLimit-Policy").is_some() && listed.get("Idempotent-Replayed").is_none()
    );
}

#[test]
fn the_packages_readme_and_properties_have_no_gaps() {
    for lang in [Language::En, Language::Ja] {
        for auth in [AuthMode::Aad, AuthMode::Oauth2, AuthMode::ApiKey] {
            let package =
                package(&ConnectorOptions::new(lang, auth, EXAMPLE_HOST).unwrap()).unwrap();
            let readme = String::from_utf8(package.file("readme.md").unwrap().to_vec()).unwrap();
            assert!(
                !readme.contains("- ****") && !readme.contains("(``)"),
                "{lang}/{auth}: empty bullets in readme.md"
            );
            // Every operation is listed, triggers included.
            for id in ["OnQuestionPosted", "OnNewEvents", "CreateTag"] {
                assert!(
                    readme.contains(&format!("(`{id}`)")),
                    "{lang}/{auth}: {id} missing from readme.md"
                );
            }
            if lang == Language::Ja {
                let properties =
                    String::from_utf8(package.file("apiProperties.json").unwrap().to_vec())
                        .unwrap();
                // (The hidden `token:TenantId` texts are fixed by Microsoft's schema.)
                for english in ["Poll for new events", "Sign in with your"] {
                    assert!(
                        !properties.contains(english),
                        "{auth}: English left in apiProperties.json: {english}"
                    );
                }
            }
        }
    }
}

/// The operations of a path item (not its `x-ms-notification-content`).
fn operations_of(item: &Value) -> impl Iterator<Item = (&String, &Value)> {
    item.as_object()
        .unwrap()
        .iter()
        .filter(|(key, _)| ["get", "post", "put", "patch", "delete"].contains(&key.as_str()))
}

fn operation_ids(d: &Value) -> Vec<String> {
    let mut ids: Vec<String> = d["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(operations_of)
        .map(|(_, op)| op["operationId"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

const PRODUCT_NAMES: &[&str] = &[
    "Power Apps",
    "Power Automate",
    "Logic Apps",
    "Power Platform",
];
const FORMATS: &[&str] = &[
    "int32",
    "int64",
    "float",
    "double",
    "byte",
    "binary",
    "date",
    "date-time",
    "password",
    "date-no-tz",
    "email",
    "html",
    "uri",
    "uuid",
];

/// Rules 1–18 of connector-rules.md, checked on the generated definition.
fn definition_rule_violations(d: &Value, lang: Language) -> Vec<String> {
    let mut v = Vec::new();
    // 1. Swagger 2.0, no 3.1-only constructs, no $ref siblings.
    if d["swagger"] != "2.0" {
        v.push("1: swagger is not 2.0".into());
    }
    walk(d, "", &mut |at, value| {
        if let Some(obj) = value.as_object() {
            for key in ["oneOf", "anyOf", "nullable", "const"] {
                if obj.contains_key(key) && !at.contains("/x-ms-") {
                    v.push(format!("1: {key} at {at}"));
                }
            }
            if obj.get("type").is_some_and(Value::is_array) {
                v.push(format!("1: type array at {at}"));
            }
            if obj.contains_key("$ref") && obj.len() > 1 {
                v.push(format!("1: $ref with siblings at {at}"));
            }
            if let Some(f) = obj.get("format").and_then(Value::as_str) {
                if !FORMATS.contains(&f) {
                    v.push(format!("14: format {f} at {at}"));
                }
            }
            if let Some(vis) = obj.get("x-ms-visibility").and_then(Value::as_str) {
                if !["important", "advanced", "internal"].contains(&vis) {
                    v.push(format!("12: visibility {vis} at {at}"));
                }
                if vis == "internal"
                    && obj.get("required") == Some(&json!(true))
                    && !obj.contains_key("default")
                {
                    v.push(format!("12: internal required without default at {at}"));
                }
            }
        }
    });
    // 2–5. info and metadata.
    let title = d["info"]["title"].as_str().unwrap_or("");
    if title.chars().count() > 30
        || title
            .split_whitespace()
            .any(|w| w == "API" || w == "Connector")
        || PRODUCT_NAMES.iter().any(|p| title.contains(p))
    {
        v.push(format!("2: bad title {title}"));
    }
    let description = d["info"]["description"].as_str().unwrap_or("");
    let n = description.chars().count();
    if !(30..=500).contains(&n) || PRODUCT_NAMES.iter().any(|p| description.contains(p)) {
        v.push(format!("3: bad info.description ({n} chars)"));
    }
    for key in ["name", "url", "email"] {
        if !d["info"]["contact"][key].is_string() {
            v.push(format!("4: contact.{key} missing"));
        }
    }
    let metadata: Vec<&str> = d["x-ms-connector-metadata"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m["propertyName"].as_str())
                .collect()
        })
        .unwrap_or_default();
    for name in ["Website", "Privacy policy", "Categories"] {
        if !metadata.contains(&name) {
            v.push(format!("5: x-ms-connector-metadata lacks {name}"));
        }
    }
    // 6. host, basePath, schemes.
    let host = d["host"].as_str().unwrap_or("");
    if host.is_empty() || host.contains(['/', ' ', '{', '}', '\\']) || host.matches(':').count() > 1
    {
        v.push(format!("6: bad host {host}"));
    }
    if !d["basePath"].as_str().unwrap_or("").starts_with('/') {
        v.push("6: basePath must start with /".into());
    }
    if d["schemes"] != json!(["https"]) {
        v.push("6: schemes must be [https]".into());
    }
    // 7–13, 17: operations.
    let mut seen = HashSet::new();
    for (path, item) in d["paths"].as_object().unwrap() {
        for (method, op) in operations_of(item) {
            let at = format!("{method} {path}");
            let id = op["operationId"].as_str().unwrap_or("");
            if !seen.insert(id.to_owned()) {
                v.push(format!("7: duplicate operationId {id}"));
            }
            if id.is_empty()
                || !id.chars().next().unwrap().is_ascii_uppercase()
                || !id.chars().all(|c| c.is_ascii_alphanumeric())
            {
                v.push(format!("7: operationId {id:?} is not PascalCase"));
            }
            let summary = op["summary"].as_str().unwrap_or("");
            let last = summary.chars().last().unwrap_or('.');
            if summary.is_empty()
                || summary.chars().count() > 80
                || summary.contains(['/', '\\', '<', '>', '*', '%', '&', '?'])
                || !(last.is_alphanumeric() || last == ')')
                || summary == id
            {
                v.push(format!("8: bad summary at {at}: {summary:?}"));
            }
            if lang == Language::En && !summary.chars().next().is_some_and(char::is_uppercase) {
                v.push(format!("8: summary not in sentence case at {at}"));
            }
            let description = op["description"].as_str().unwrap_or("");
            let end = if lang == Language::En { '.' } else { '。' };
            if !description.ends_with(end) || description == summary {
                v.push(format!(
                    "9: description at {at} must be a sentence ending with {end:?}"
                ));
            }
            if op.get("x-ms-trigger").is_some()
                && !summary.starts_with("When")
                && lang == Language::En
            {
                v.push(format!("17: trigger summary at {at}"));
            }
            for p in op["parameters"].as_array().unwrap() {
                let name = p["name"].as_str().unwrap_or("");
                if p["in"] == "body" {
                    continue;
                }
                let label = p["x-ms-summary"].as_str().unwrap_or("");
                if label.is_empty() || label.chars().count() > 80 || !p["description"].is_string() {
                    v.push(format!(
                        "10: parameter {name} at {at} needs x-ms-summary and description"
                    ));
                }
                if lang == Language::En
                    && label
                        .split(' ')
                        .any(|w| !w.chars().next().is_some_and(char::is_uppercase))
                {
                    v.push(format!("10: label {label:?} at {at} is not Title Case"));
                }
                if p["in"] == "path"
                    && (p["required"] != true || p.get("x-ms-url-encoding").is_none())
                {
                    v.push(format!("11: path parameter {name} at {at}"));
                }
            }
            let responses = op["responses"].as_object().unwrap();
            let mut typed_success = false;
            for (code, r) in responses {
                if code == "default" && r.get("schema").is_some() {
                    v.push(format!("13: default response with a schema at {at}"));
                }
                if code.starts_with('2') && (r.get("schema").is_some() || code == "204") {
                    typed_success = true;
                }
            }
            if !typed_success {
                v.push(format!("13: no typed 2xx response at {at}"));
            }
        }
    }
    // 10. properties of every definition carry a label and a description.
    for (name, schema) in d["definitions"].as_object().unwrap() {
        walk(schema, name, &mut |at, value| {
            if let Some(props) = value.get("properties").and_then(Value::as_object) {
                for (pname, prop) in props {
                    if !prop["x-ms-summary"].is_string() || !prop["description"].is_string() {
                        v.push(format!(
                            "10: property {at}.{pname} needs x-ms-summary and description"
                        ));
                    }
                }
            }
        });
    }
    // 15. size.
    let size = serde_json::to_vec(d).unwrap().len();
    if size >= 1_000_000 || d["definitions"].as_object().unwrap().len() > 512 {
        v.push(format!("15: definition too large ({size} bytes)"));
    }
    // 16. security definitions.
    for (name, s) in d["securityDefinitions"].as_object().unwrap() {
        match s["type"].as_str() {
            Some("apiKey") | Some("basic") => {}
            Some("oauth2") if s["flow"] == "accessCode" => {}
            other => v.push(format!("16: security {name} type {other:?}")),
        }
    }
    v
}

fn walk(value: &Value, at: &str, f: &mut dyn FnMut(&str, &Value)) {
    f(at, value);
    match value {
        Value::Object(map) => {
            for (k, child) in map {
                walk(child, &format!("{at}/{k}"), f);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{at}/{i}"), f);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Contract test: drive the server only through what the definition declares.
// ---------------------------------------------------------------------------------------

/// Resolves `#/definitions/X`.
fn resolve<'a>(d: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/definitions/"))
    {
        Some(name) => &d["definitions"][name],
        None => schema,
    }
}

/// A value a maker would fill in for `schema`.
fn sample(d: &Value, schema: &Value) -> Value {
    let schema = resolve(d, schema);
    if let Some(example) = schema
        .get("x-ms-test-value")
        .or_else(|| schema.get("example"))
    {
        return example.clone();
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    match schema["type"].as_str() {
        Some("object") => {
            let mut out = Map::new();
            for (name, prop) in schema["properties"].as_object().into_iter().flatten() {
                out.insert(name.clone(), sample(d, prop));
            }
            Value::Object(out)
        }
        Some("array") => json!([sample(d, &schema["items"])]),
        Some("integer") => json!(1),
        Some("number") => json!(1.0),
        Some("boolean") => json!(false),
        _ => json!("Contract test text"),
    }
}

/// Sets every property marked `x-ms-notification-url` to `url`.
fn fill_notification_url(d: &Value, schema: &Value, value: &mut Value, url: &str) {
    let schema = resolve(d, schema);
    for (name, prop) in schema["properties"].as_object().into_iter().flatten() {
        if prop["x-ms-notification-url"] == true {
            value[name.as_str()] = json!(url);
        }
    }
}

/// Checks `value` against `schema`; strict: no undeclared properties.
fn conforms(d: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(d, schema);
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} not in {allowed:?}"));
        }
    }
    let ok = match schema["type"].as_str() {
        Some("object") => {
            let Some(obj) = value.as_object() else {
                errors.push(format!("{at}: expected object, got {value}"));
                return;
            };
            let props = schema["properties"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            for required in schema["required"].as_array().into_iter().flatten() {
                if !obj.contains_key(required.as_str().unwrap()) {
                    errors.push(format!("{at}: missing required {required}"));
                }
            }
            for (k, child) in obj {
                match props.get(k) {
                    Some(p) => conforms(d, p, child, &format!("{at}.{k}"), errors),
                    None => errors.push(format!("{at}: undeclared property {k}")),
                }
            }
            true
        }
        Some("array") => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    conforms(d, &schema["items"], item, &format!("{at}[{i}]"), errors);
                }
                true
            }
            None => false,
        },
        Some("string") => match value.as_str() {
            Some(s) if schema["format"] == "date-time" => {
                chrono::DateTime::parse_from_rfc3339(s).is_ok()
            }
            Some(_) => true,
            None => false,
        },
        Some("integer") => value.is_i64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        _ => true,
    };
    if !ok {
        errors.push(format!("{at}: {value} is not a {}", schema["type"]));
    }
}

on_both_databases! {
    async fn every_operation_answers_as_the_connector_definition_declares(app) {
        let port = app.address.rsplit(':').next().unwrap();
        let d = definition(Language::En, AuthMode::ApiKey, &format!("127.0.0.1:{port}"));
        // TLS ends at the company's proxy in production; the test server speaks plain HTTP.
        let base = format!("http://{}{}", d["host"].as_str().unwrap(), d["basePath"].as_str().unwrap());
        let key_header = d["securityDefinitions"]["api_key"]["name"].as_str().unwrap().to_owned();
        // Nothing listens there: deliveries are retried in the background, which this test
        // does not look at (tests/api/webhooks.rs does).
        let closed_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let callback = format!("http://127.0.0.1:{closed_port}/flow");
        let mut operations: Vec<(String, String, Value)> = Vec::new();
        for (path, item) in d["paths"].as_object().unwrap() {
            for (method, op) in operations_of(item) {
                operations.push((method.clone(), path.clone(), op.clone()));
            }
        }
        // Create first (what answers 201), then read, change, and delete last.
        let rank = |method: &str, path: &str, op: &Value| match method {
            "post" if !path.contains('{') => 0,
            "post" if op["responses"].get("201").is_some() => 1,
            "post" => 2,
            "get" => 3,
            "patch" | "put" => 4,
            _ => 5,
        };
        // Deletes of sub-resources (reactions, acceptance) before the resources themselves.
        let depth = |m: &str, p: &str| {
            let segments = p.matches('/').count() as i64;
            if m == "delete" { -segments } else { segments }
        };
        operations.sort_by_key(|(m, p, op)| (rank(m, p, op), depth(m, p), p.clone()));
        let mut ids: BTreeMap<String, i64> = BTreeMap::new();
        let mut statuses = Vec::new();
        let mut errors = Vec::new();
        let collection_of = |path: &str| path.split("/{").next().unwrap().rsplit('/').next().unwrap().to_owned();
        let mut pending: std::collections::VecDeque<(String, String, Value)> = operations.iter().cloned().collect();
        let mut deferred = HashSet::new();
        while let Some((method, path, op)) = pending.pop_front() {
            let (method, path, op) = (&method, &path, &op);
            // A creation that needs a resource another creation makes (kudos on an answer)
            // waits until that one has run.
            if method == "post" && path.contains('{') && !ids.contains_key(&collection_of(path)) && deferred.insert(path.clone()) {
                let at = pending.iter().position(|(m, _, _)| m != "post").unwrap_or(pending.len());
                pending.insert(at, (method.clone(), path.clone(), op.clone()));
                continue;
            }
            let mut url = format!("{base}{path}");
            let mut query = Vec::new();
            let mut body = None;
            for p in op["parameters"].as_array().unwrap() {
                let name = p["name"].as_str().unwrap();
                match p["in"].as_str().unwrap() {
                    "path" => {
                        let value = if p["type"] == "integer" {
                            ids.get(&collection_of(path)).copied().unwrap_or(1).to_string()
                        } else {
                            sample(&d, p).as_str().unwrap_or("x").to_owned()
                        };
                        url = url.replace(&format!("{{{name}}}"), &value);
                    }
                    "query" if p["required"] == true => {
                        let v = sample(&d, p);
                        query.push((name.to_owned(), v.as_str().map(str::to_owned).unwrap_or(v.to_string())));
                    }
                    "body" => {
                        let mut value = sample(&d, &p["schema"]);
                        // What Power Automate does for a trigger: put its callback URL into the
                        // property marked x-ms-notification-url.
                        fill_notification_url(&d, &p["schema"], &mut value, &callback);
                        body = Some(value);
                    }
                    _ => {}
                }
            }
            let mut request = app
                .client
                .request(method.to_uppercase().parse().unwrap(), &url)
                .query(&query)
                .header(&key_header, &app.admin_key);
            if let Some(body) = &body {
                request = request.json(body);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16().to_string();
            let text = response.text().await.unwrap();
            statuses.push(format!("{} {method} {path}", status));
            let Some(declared) = op["responses"].get(&status) else {
                errors.push(format!("{method} {path}: undeclared status {status}: {text}"));
                continue;
            };
            if let Some(schema) = declared.get("schema") {
                let value: Value = match serde_json::from_str(&text) {
                    Ok(v) => v,
                    // A plain-text body (CSV) declared as a string.
                    Err(_) if resolve(&d, schema)["type"] == "string" => Value::String(text.clone()),
                    Err(_) => Value::Null,
                };
                conforms(&d, schema, &value, &format!("{method} {path} {status}"), &mut errors);
                if method == "post" && status.starts_with('2') {
                    if let Some(id) = value["id"].as_i64() {
                        let collection = path.rsplit('/').next().unwrap().to_owned();
                        ids.insert(collection, id);
                    }
                }
            }
        }
        assert!(errors.is_empty(), "contract violations:\n{}\nstatuses:\n{}", errors.join("\n"), statuses.join("\n"));
        let succeeded = statuses.iter().filter(|s| s.starts_with('2')).count();
        assert!(succeeded * 10 >= operations.len() * 8, "too few operations succeeded:\n{}", statuses.join("\n"));
    }

    async fn triggers_subscribe_deliver_their_declared_payload_and_unsubscribe_as_power_automate_does(app) {
        use crate::receiver::{Behaviour, Receiver};
        let port = app.address.rsplit(':').next().unwrap();
        let d = definition(Language::En, AuthMode::ApiKey, &format!("127.0.0.1:{port}"));
        let receiver = Receiver::start(Behaviour::default()).await;
        let base = format!("http://{}{}", d["host"].as_str().unwrap(), d["basePath"].as_str().unwrap());
        // The examples' tags exist (a trigger may only follow a tag that does).
        for tag in ["approvals", "excel", "sharepoint"] {
            app.post("/tags", &app.admin_key, json!({"slug": tag})).await;
        }
        // Subscribe to every webhook trigger the way the platform does: the body from the
        // definition, the flow's callback URL in the x-ms-notification-url property.
        let mut subscriptions = Vec::new();
        for (path, item) in d["paths"].as_object().unwrap() {
            let Some(op) = item.get("post").filter(|op| op["x-ms-trigger"] == "single") else { continue };
            let operation_id = op["operationId"].as_str().unwrap().to_owned();
            let body_param = op["parameters"].as_array().unwrap().iter().find(|p| p["in"] == "body").unwrap();
            let mut body = sample(&d, &body_param["schema"]);
            fill_notification_url(&d, &body_param["schema"], &mut body, &receiver.url(&format!("/{operation_id}")));
            assert_eq!(body["callback_url"], receiver.url(&format!("/{operation_id}")), "{operation_id} has a notification URL");
            let response = app.client.post(format!("{base}{path}")).header("X-Api-Key", &app.admin_key).json(&body).send().await.unwrap();
            assert_eq!(response.status(), 201, "{operation_id}");
            let location = response.headers()["location"].to_str().unwrap().to_owned();
            let schema = item["x-ms-notification-content"]["schema"].clone();
            assert!(schema["$ref"].is_string(), "{operation_id} declares its payload");
            subscriptions.push((operation_id, location, schema));
        }
        assert_eq!(subscriptions.len(), 8);
        // Make every event happen, matching the sample filters (the tags of the definition's
        // examples, level beginner).
        let m = app.member("Contract member").await;
        let q = app.ask(&m.key, "Approval flow question for triggers", "b", &["approvals"], false).await;
        let a = app.answer(&app.admin_key, q["id"].as_i64().unwrap(), "admin answers").await;
        app.post(&format!("/answers/{}/accept", a["id"]), &m.key, json!({})).await;
        app.post(&format!("/answers/{}/kudos", a["id"]), &m.key, json!({})).await;
        app.post("/reports", &m.key, json!({"target_kind": "answer", "target_id": a["id"], "reason": "unkind"})).await;
        app.post("/tips", &m.key, json!({"title": "Approvals tip for beginners", "body": "b", "level": "beginner", "tags": ["approvals", "sharepoint"]})).await;
        app.post("/wins", &m.key, json!({"title": "Approvals win for the team", "story": "s", "tags": ["approvals", "excel"], "impact": {"minutes_saved_per_run": 5, "runs_per_month": 10, "people_helped": 1}})).await;
        let lonely = app.ask(&m.key, "Approval question nobody answers", "b", &["approvals"], false).await;
        app.execute_sql(&format!("UPDATE questions SET created_at = created_at - 90000000000 WHERE id = {}", lonely["id"])).await;
        app.execute_sql("UPDATE subscriptions SET created_at = created_at - 90000000000").await;
        let names: Vec<String> = subscriptions.iter().map(|(id, _, _)| format!("/{id}")).collect();
        receiver.wait_for(20, "an event for every trigger", |r| names.iter().all(|n| r.iter().any(|x| &x.path == n))).await;
        let mut errors = Vec::new();
        for (operation_id, _, schema) in &subscriptions {
            for r in receiver.delivered(&format!("/{operation_id}")) {
                conforms(&d, schema, &r.body, &format!("{operation_id} payload"), &mut errors);
                let required = resolve(&d, schema)["required"].as_array().unwrap().clone();
                for field in required {
                    assert!(r.body.get(field.as_str().unwrap()).is_some(), "{operation_id}: {field} missing in {}", r.raw);
                }
            }
        }
        assert!(errors.is_empty(), "payloads differ from x-ms-notification-content:\n{}", errors.join("\n"));
        // The flow is turned off: Power Automate deletes the Location, perhaps twice.
        for (operation_id, location, _) in &subscriptions {
            for _ in 0..2 {
                let response = app.client.delete(location).header("X-Api-Key", &app.admin_key).send().await.unwrap();
                assert_eq!(response.status(), 204, "{operation_id}");
            }
        }
        let before = receiver.received().len();
        app.ask(&m.key, "Posted after every flow was turned off", "b", &["approvals"], false).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(receiver.received().len(), before, "nothing is sent after unsubscribing");
    }

    async fn the_server_offers_its_spec_docs_and_connector_package(app) {
        let spec: Value = app.client.get(format!("{}/openapi.json", app.address)).send().await.unwrap().json().await.unwrap();
        assert_eq!(spec, serde_json::from_str::<Value>(&tsunagu::api::openapi_json()).unwrap());
        let docs = app.client.get(format!("{}/docs", app.address)).send().await.unwrap();
        assert!(docs.status().is_success(), "{}", docs.status());
        let html = docs.text().await.unwrap();
        assert!(html.contains("swagger-ui"), "{html}");
        for line in html.lines().filter(|l| l.contains("src=") || l.contains("href=")) {
            assert!(!line.contains("http://") && !line.contains("https://"), "external asset: {line}");
        }
        let script = app.client.get(format!("{}/docs/swagger-ui-bundle.js", app.address)).send().await.unwrap();
        assert_eq!(script.status(), 200);
        let zip = app.client.get(format!("{}/connector.zip?lang=ja&auth=apikey", app.address)).send().await.unwrap();
        assert_eq!(zip.headers()["content-type"], "application/zip");
        let bytes = zip.bytes().await.unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let mut names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        names.sort();
        assert_eq!(names, ["apiDefinition.swagger.json", "apiProperties.json", "icon.png", "readme.md", "settings.json"]);
        let definition: Value = serde_json::from_reader(archive.by_name("apiDefinition.swagger.json").unwrap()).unwrap();
        assert_eq!(definition["host"], app.address.trim_start_matches("http://"));
        assert_eq!(definition["securityDefinitions"]["api_key"]["name"], "X-Api-Key");
        assert!(definition["info"]["description"].as_str().unwrap().contains("市民開発者"));
        let p = problem(
            app.client.get(format!("{}/connector.zip?lang=fr", app.address)).send().await.unwrap(),
            reqwest::StatusCode::BAD_REQUEST,
            "invalid_query",
        )
        .await;
        assert_eq!(problem_fields(&p), ["lang"]);
    }

    async fn the_api_key_header_of_the_connector_works_like_bearer(app) {
        let response = app.client.get(app.url("/me")).header("X-Api-Key", &app.admin_key).send().await.unwrap();
        assert_eq!(json_of(response, reqwest::StatusCode::OK).await["role"], "admin");
        let response = app.client.get(app.url("/me")).header("X-Api-Key", "tsu_nope").send().await.unwrap();
        problem(response, reqwest::StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
}

/// The package a server serves at `/connector.zip?{query}`.
async fn download(app: &TestApp, query: &str) -> zip::ZipArchive<std::io::Cursor<Vec<u8>>> {
    let url = format!("{}/connector.zip?{query}", app.address);
    let zip = app
        .client
        .get(url)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    zip::ZipArchive::new(std::io::Cursor::new(zip.to_vec())).unwrap()
}

async fn the_downloaded_package_is_ready_to_import(backend: Backend) {
    let app = spawn_app_with(backend, |config| {
        config.public_url = Some("https://intra.contoso.co.jp/tsunagu".into());
        config.connector_client_id = Some("6f1c8e2a-0000-4000-8000-000000000002".into());
    })
    .await;
    let mut archive = download(&app, "lang=ja&auth=aad").await;
    let definition: Value =
        serde_json::from_reader(archive.by_name("apiDefinition.swagger.json").unwrap()).unwrap();
    assert_eq!(definition["host"], "intra.contoso.co.jp");
    assert_eq!(definition["basePath"], "/tsunagu/api/v1");
    let properties: Value =
        serde_json::from_reader(archive.by_name("apiProperties.json").unwrap()).unwrap();
    assert_eq!(
        properties["properties"]["connectionParameters"]["token"]["oAuthSettings"]["clientId"],
        "6f1c8e2a-0000-4000-8000-000000000002"
    );
    let mut readme = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("readme.md").unwrap(), &mut readme).unwrap();
    assert!(!readme.contains("⚠"), "{readme}");
    // From a server that knows no public URL: the readme says Power Platform cannot reach it.
    let local = spawn_app(backend).await;
    let mut archive = download(&local, "lang=ja&auth=apikey").await;
    let mut readme = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("readme.md").unwrap(), &mut readme).unwrap();
    assert!(readme.contains("このコンピューター自身"), "{readme}");
}

#[tokio::test]
async fn the_downloaded_package_is_ready_to_import_sqlite() {
    the_downloaded_package_is_ready_to_import(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_downloaded_package_is_ready_to_import_postgres() {
    the_downloaded_package_is_ready_to_import(Backend::Postgres).await;
}
