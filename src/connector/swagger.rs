//! OpenAPI 3.1 (as utoipa emits it for tsunagu) → Swagger 2.0 with Power Platform extensions.
//!
//! What it does, and why:
//! - request bodies become one `in: body` parameter; `components/schemas` become `definitions`;
//! - 3.1-only constructs are resolved into plain 2.0 types: `type: [T, "null"]` → `T`,
//!   `oneOf: [null, X]` → `X` (absent optional fields are simply omitted by the API), `allOf`
//!   (serde `flatten`) is merged into one object;
//! - a property that refers to another schema is inlined so it can carry its own
//!   `x-ms-summary` and `description` (Microsoft's schema forbids siblings next to `$ref`);
//! - every parameter and property gets `x-ms-summary` (the label in the flow designer),
//!   `description` and, where it matters, `x-ms-visibility`;
//! - enums get `x-ms-enum-values`, tag inputs get `x-ms-dynamic-values` fed by `ListTags`;
//! - triggers keep `x-ms-trigger` (a `batch` one gets the polling `x-ms-trigger-metadata`), the
//!   path's `x-ms-notification-content` points at its definition, and the subscribe body's
//!   `callback_url` becomes the internal `x-ms-notification-url` Power Automate fills in.

use super::strings::{key, KeyPath, Strings};
use super::{AuthMode, ConnectorOptions, Untranslated};
use crate::api::API_PREFIX;
use serde_json::{json, Map, Value};

/// Converts tsunagu's OpenAPI 3.1 document into the connector's Swagger 2.0 definition.
pub fn convert(spec: &Value, options: &ConnectorOptions) -> Result<Value, Untranslated> {
    let strings = Strings::new(options.lang);
    let converter = Converter {
        spec,
        strings: &strings,
    };
    let definitions = converter.definitions();
    let paths = converter.paths();
    let info = json!({
        "title": "tsunagu",
        "description": strings.say("connector-description", &[]),
        "version": spec["info"]["version"].as_str().unwrap_or("0.1.0"),
        "contact": {
            "name": "tsunagu maintainers",
            "url": "https://github.com/tsunagu/tsunagu",
            "email": "tsunagu@example.com"
        }
    });
    let (security_name, security_definition) = security_definition(options.auth);
    let mut swagger = json!({
        "swagger": "2.0",
        "info": info,
        "host": options.target.host,
        "basePath": options.target.base_path(),
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json", "application/problem+json"],
        "paths": paths,
        "definitions": definitions,
        "parameters": {},
        "responses": {},
        "securityDefinitions": { security_name: security_definition },
        "security": [{ security_name: [] }],
        "tags": [],
        "x-ms-connector-metadata": [
            { "propertyName": "Website", "propertyValue": "https://github.com/tsunagu/tsunagu" },
            { "propertyName": "Privacy policy", "propertyValue": "https://github.com/tsunagu/tsunagu#privacy" },
            { "propertyName": "Categories", "propertyValue": "Productivity;Collaboration" }
        ]
    });
    if let Some(obj) = swagger.as_object_mut() {
        obj.remove("parameters");
        obj.remove("responses");
        obj.remove("tags");
    }
    strings.finish()?;
    Ok(swagger)
}

/// The security scheme the definition declares for each sign-in mode.
fn security_definition(auth: AuthMode) -> (&'static str, Value) {
    match auth {
        AuthMode::Aad => (
            "oauth2_auth",
            json!({
                "type": "oauth2",
                "flow": "accessCode",
                "authorizationUrl": "https://login.microsoftonline.com/common/oauth2/authorize",
                "tokenUrl": "https://login.windows.net/common/oauth2/authorize",
                "scopes": {}
            }),
        ),
        AuthMode::Oauth2 => (
            "oauth2_auth",
            json!({
                "type": "oauth2",
                "flow": "accessCode",
                "authorizationUrl": "https://login.example.com/oauth2/authorize",
                "tokenUrl": "https://login.example.com/oauth2/token",
                "scopes": {}
            }),
        ),
        AuthMode::ApiKey => (
            "api_key",
            json!({ "type": "apiKey", "in": "header", "name": "X-Api-Key" }),
        ),
    }
}

struct Converter<'a> {
    spec: &'a Value,
    strings: &'a Strings,
}

/// Operations whose paths are outside the API prefix (health checks) are not for flows.
fn connector_path(path: &str) -> Option<&str> {
    path.strip_prefix(API_PREFIX).filter(|p| p.starts_with('/'))
}

impl Converter<'_> {
    fn schema(&self, name: &str) -> Option<&Value> {
        self.spec["components"]["schemas"].get(name)
    }

    fn ref_name(value: &Value) -> Option<&str> {
        value
            .get("$ref")?
            .as_str()?
            .strip_prefix("#/components/schemas/")
    }

    fn definitions(&self) -> Value {
        let mut out = Map::new();
        if let Some(schemas) = self.spec["components"]["schemas"].as_object() {
            for (name, schema) in schemas {
                out.insert(
                    name.clone(),
                    self.convert_named(schema, None, name, &KeyPath::default()),
                );
            }
        }
        Value::Object(out)
    }

    /// Converts a schema; `field` names the property it describes (whose label and description
    /// the caller sets); `path` says where it sits (for its strings' keys).
    fn convert_schema(&self, schema: &Value, field: Option<&str>, path: &KeyPath) -> Value {
        self.convert_schema_in(schema, field, None, path)
    }

    /// Converts the schema `name` of `components/schemas`: an enum's values get that enum's
    /// labels, since one value may mean two things (a question `open`, a report `open`).
    fn convert_named(
        &self,
        schema: &Value,
        field: Option<&str>,
        name: &str,
        path: &KeyPath,
    ) -> Value {
        self.convert_schema_in(schema, field, Some(name), &path.schema(name))
    }

    fn convert_schema_in(
        &self,
        schema: &Value,
        field: Option<&str>,
        name: Option<&str>,
        path: &KeyPath,
    ) -> Value {
        // oneOf [null, X] (an Option<T>): X, keeping the outer description.
        if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
            let inner = variants
                .iter()
                .find(|v| v.get("type") != Some(&json!("null")))
                .cloned()
                .unwrap_or(json!({"type": "string"}));
            let mut converted = self.convert_schema(&inner, field, path);
            if let (Some(d), Some(obj)) = (
                schema.get("description").and_then(Value::as_str),
                converted.as_object_mut(),
            ) {
                obj.insert(
                    "description".into(),
                    json!(self.strings.describe(&path.here("schema"), d)),
                );
            }
            return converted;
        }
        // A reference: inline it where it describes a field, so it can carry a label.
        if let Some(name) = Self::ref_name(schema) {
            let target = self.schema(name).cloned().unwrap_or(json!({}));
            if field.is_none() {
                return json!({ "$ref": format!("#/definitions/{name}") });
            }
            // Its label is set by the object that holds the field.
            let mut inlined = self.convert_named(&target, None, name, path);
            if let (Some(d), Some(obj)) = (
                schema.get("description").and_then(Value::as_str),
                inlined.as_object_mut(),
            ) {
                obj.insert(
                    "description".into(),
                    json!(self.strings.describe(&path.here("schema"), d)),
                );
            }
            return inlined;
        }
        let mut out = Map::new();
        // allOf (serde flatten): merge every part into one object.
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            let mut properties = Map::new();
            let mut required: Vec<Value> = Vec::new();
            for part in parts {
                let converted = match Self::ref_name(part) {
                    Some(name) => {
                        let resolved = self.schema(name).cloned().unwrap_or(json!({}));
                        self.convert_named(&resolved, None, name, path)
                    }
                    None => self.convert_schema(part, None, path),
                };
                if let Some(props) = converted.get("properties").and_then(Value::as_object) {
                    properties.extend(props.clone());
                }
                if let Some(req) = converted.get("required").and_then(Value::as_array) {
                    required.extend(req.iter().cloned());
                }
            }
            out.insert("type".into(), json!("object"));
            out.insert("properties".into(), Value::Object(properties));
            if !required.is_empty() {
                out.insert("required".into(), Value::Array(required));
            }
        }
        // type: ["T", "null"] → "T".
        match schema.get("type") {
            Some(Value::Array(types)) => {
                if let Some(t) = types.iter().find(|t| *t != "null") {
                    out.insert("type".into(), t.clone());
                }
            }
            Some(t) => {
                out.insert("type".into(), t.clone());
            }
            None => {}
        }
        // Every rule the server enforces that Swagger 2.0 can say (what it cannot — `const`,
        // 3.1's numeric `exclusiveMinimum` — is rewritten or left to the description).
        for key in [
            "format",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "pattern",
            "minItems",
            "maxItems",
            "uniqueItems",
            "multipleOf",
            "example",
        ] {
            if let Some(v) = schema.get(key) {
                if key == "format" && !ALLOWED_FORMATS.contains(&v.as_str().unwrap_or("")) {
                    continue;
                }
                out.insert(key.into(), v.clone());
            }
        }
        // 3.1 writes an exclusive bound as a number, 2.0 as a flag beside minimum/maximum.
        for (exclusive, bound) in [
            ("exclusiveMinimum", "minimum"),
            ("exclusiveMaximum", "maximum"),
        ] {
            if let Some(v) = schema.get(exclusive).filter(|v| v.is_number()) {
                out.insert(bound.into(), v.clone());
                out.insert(exclusive.into(), json!(true));
            }
        }
        // Unknown fields are refused with 400: say so.
        if schema.get("additionalProperties") == Some(&json!(false)) {
            out.insert("additionalProperties".into(), json!(false));
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            out.insert("enum".into(), Value::Array(values.clone()));
            let labels: Vec<Value> = values
                .iter()
                .filter_map(Value::as_str)
                .map(|v| json!({ "value": v, "displayName": self.strings.enum_label(name, v) }))
                .collect();
            out.insert("x-ms-enum-values".into(), Value::Array(labels));
        }
        if let Some(items) = schema.get("items") {
            let mut converted = self.convert_items(items, path);
            if field == Some("tags") {
                if let Some(obj) = converted.as_object_mut() {
                    obj.insert("x-ms-dynamic-values".into(), tag_dropdown());
                }
            }
            out.insert("items".into(), converted);
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            // Request bodies refuse unknown fields; their `tag` (a trigger's filter) gets the
            // same dropdown as actions' tags.
            let is_input = schema.get("additionalProperties") == Some(&json!(false));
            let mut converted = Map::new();
            for (name, prop) in props {
                let mut p = self.convert_schema(prop, Some(name), &path.field(name));
                if let Some(obj) = p.as_object_mut() {
                    let label = self.strings.label(&path.keys("label", name), name);
                    obj.insert("x-ms-summary".into(), json!(label));
                    let description = prop
                        .get("description")
                        .and_then(Value::as_str)
                        .map(|d| self.strings.describe(&path.keys("desc", name), d))
                        .or_else(|| {
                            obj.get("description")
                                .cloned()
                                .and_then(|d| d.as_str().map(str::to_owned))
                        })
                        .unwrap_or(label);
                    obj.insert("description".into(), json!(description));
                    if let Some(visibility) = property_visibility(name) {
                        obj.insert("x-ms-visibility".into(), json!(visibility));
                    }
                    if name == "callback_url" {
                        obj.insert("x-ms-notification-url".into(), json!(true));
                    }
                    if is_input && name == "tag" {
                        obj.insert("x-ms-dynamic-values".into(), tag_dropdown());
                    }
                }
                converted.insert(name.clone(), p);
            }
            out.insert("type".into(), json!("object"));
            out.insert("properties".into(), Value::Object(converted));
            if let Some(req) = schema.get("required") {
                out.insert("required".into(), req.clone());
            }
        }
        if field.is_none() {
            if let Some(d) = schema.get("description").and_then(Value::as_str) {
                out.insert(
                    "description".into(),
                    json!(self.strings.describe(&path.here("schema"), d)),
                );
            }
        }
        Value::Object(out)
    }

    /// Array items: object references stay references (no label needed on items); enum
    /// references are inlined so the values are visible.
    fn convert_items(&self, items: &Value, path: &KeyPath) -> Value {
        match Self::ref_name(items).and_then(|name| self.schema(name).map(|s| (name, s))) {
            // Enums and plain values (a `TagName`) are inlined: they carry labels and
            // dropdowns, which may not sit beside a `$ref`.
            Some((name, target))
                if target.get("enum").is_some() || target.get("properties").is_none() =>
            {
                self.convert_named(target, None, name, path)
            }
            Some((name, _)) => json!({ "$ref": format!("#/definitions/{name}") }),
            None => self.convert_schema(items, None, path),
        }
    }

    fn paths(&self) -> Value {
        let mut out = Map::new();
        let Some(paths) = self.spec["paths"].as_object() else {
            return Value::Object(out);
        };
        for (path, item) in paths {
            let Some(relative) = connector_path(path) else {
                continue;
            };
            let mut methods = Map::new();
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(op) = item.get(method) {
                    methods.insert(method.into(), self.operation(method, op));
                }
            }
            if let Some(content) = item.get("x-ms-notification-content") {
                let name = Self::ref_name(&content["schema"]).unwrap_or("Event");
                let keys = [key(&["notification", name])];
                let description = content["description"].as_str().unwrap_or("");
                methods.insert(
                    "x-ms-notification-content".into(),
                    json!({
                        "description": self.strings.describe(&keys, description),
                        "schema": { "$ref": format!("#/definitions/{name}") }
                    }),
                );
            }
            out.insert(relative.to_owned(), Value::Object(methods));
        }
        Value::Object(out)
    }

    fn operation(&self, method: &str, op: &Value) -> Value {
        let operation_id = op["operationId"].as_str().unwrap_or_default();
        let summary = self.strings.describe(
            &[key(&["op", operation_id, "summary"])],
            op["summary"].as_str().unwrap_or(operation_id),
        );
        let mut description = self.strings.describe(
            &[key(&["op", operation_id, "description"])],
            op["description"].as_str().unwrap_or(""),
        );
        if !description.ends_with('.') && !description.ends_with('。') {
            description.push('.');
        }
        let mut parameters: Vec<Value> = Vec::new();
        for param in op["parameters"].as_array().into_iter().flatten() {
            parameters.push(self.parameter(operation_id, param));
        }
        if let Some(body) = op.get("requestBody") {
            let schema = &body["content"]["application/json"]["schema"];
            let name = Self::ref_name(schema).unwrap_or("Body");
            parameters.push(json!({
                "name": "body",
                "in": "body",
                "required": true,
                "schema": { "$ref": format!("#/definitions/{name}") }
            }));
        }
        let mut responses = Map::new();
        for (code, response) in op["responses"].as_object().into_iter().flatten() {
            responses.insert(code.clone(), self.response(operation_id, code, response));
        }
        let mut out = json!({
            "operationId": operation_id,
            "summary": summary,
            "description": description,
            "parameters": parameters,
            "responses": responses,
        });
        let success_media: Vec<&str> = op["responses"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(code, _)| code.starts_with('2'))
            .filter_map(|(_, r)| r["content"].as_object())
            .flat_map(|c| c.keys().map(String::as_str))
            .collect();
        if let Some(obj) = out.as_object_mut() {
            if success_media.contains(&"text/csv") {
                obj.insert(
                    "produces".into(),
                    json!(["text/csv", "application/problem+json"]),
                );
            }
            let trigger = op.get("x-ms-trigger").and_then(Value::as_str);
            if method == "delete" || operation_id == "CreateMember" || trigger.is_some() {
                obj.insert("x-ms-no-generic-test".into(), json!(true));
            }
            if let Some(kind) = trigger {
                obj.insert("x-ms-trigger".into(), json!(kind));
                if kind == "batch" {
                    obj.insert(
                        "x-ms-trigger-metadata".into(),
                        json!({ "kind": "query", "mode": "polling" }),
                    );
                }
                obj.insert(
                    "x-ms-trigger-hint".into(),
                    json!(self.strings.say(&key(&["trigger-hint", operation_id]), &[])),
                );
            }
            if let Some(visibility) = operation_visibility(operation_id) {
                obj.insert("x-ms-visibility".into(), json!(visibility));
            }
        }
        out
    }

    fn parameter(&self, operation_id: &str, param: &Value) -> Value {
        let name = param["name"].as_str().unwrap_or_default();
        let location = param["in"].as_str().unwrap_or("query");
        let enum_name = Self::ref_name(&param["schema"]);
        let schema = match enum_name {
            Some(target) => self
                .schema(target)
                .cloned()
                .unwrap_or(json!({"type": "string"})),
            None => param["schema"].clone(),
        };
        let path = match enum_name {
            Some(_) => KeyPath::default(),
            None => KeyPath::default().schema(operation_id).field(name),
        };
        let converted = match enum_name {
            Some(enum_name) => self.convert_named(&schema, None, enum_name, &path),
            None => self.convert_schema_in(&schema, None, None, &path),
        };
        let mut out = json!({
            "name": name,
            "in": location,
            "required": location == "path" || param["required"].as_bool().unwrap_or(false),
            "type": converted.get("type").cloned().unwrap_or(json!("string")),
            "description": self.strings.describe(
                &[key(&["param", operation_id, name]), key(&["param", name])],
                param["description"].as_str().unwrap_or(name),
            ),
            "x-ms-summary": self.strings.label(
                &[key(&["label", operation_id, name]), key(&["label", name])],
                name,
            ),
        });
        if let Some(obj) = out.as_object_mut() {
            // A sample value (the maker portal's test form and contract tests use it).
            if let Some(example) = param
                .get("example")
                .or_else(|| param["schema"].get("example"))
            {
                obj.insert("x-ms-test-value".into(), example.clone());
            }
            for key in [
                "format",
                "enum",
                "x-ms-enum-values",
                "minimum",
                "maximum",
                "exclusiveMinimum",
                "exclusiveMaximum",
                "minLength",
                "maxLength",
                "pattern",
                "minItems",
                "maxItems",
                "uniqueItems",
                "multipleOf",
            ] {
                if let Some(v) = converted.get(key) {
                    obj.insert(key.into(), v.clone());
                }
            }
            if location == "path" {
                obj.insert("x-ms-url-encoding".into(), json!("single"));
            }
            // A list in one query parameter (`types=a,b`): each item a dropdown.
            if let Some(items) = converted.get("items") {
                // A parameter's Items Object has no description (Swagger 2.0), and Microsoft's
                // schema allows no `x-ms-*` in it: the dropdown offers the enum's values as is.
                let mut items = items.clone();
                if let Some(items) = items.as_object_mut() {
                    items.remove("description");
                    items.retain(|key, _| !key.starts_with("x-ms-"));
                }
                obj.insert("items".into(), items);
                let explode = param["explode"].as_bool().unwrap_or(true);
                obj.insert(
                    "collectionFormat".into(),
                    json!(if explode { "multi" } else { "csv" }),
                );
            }
            obj.insert(
                "x-ms-visibility".into(),
                json!(parameter_visibility(operation_id, name, location)),
            );
            if name == "tag" {
                obj.insert("x-ms-dynamic-values".into(), tag_dropdown());
            }
        }
        out
    }

    fn response(&self, operation_id: &str, code: &str, response: &Value) -> Value {
        let mut out = Map::new();
        out.insert(
            "description".into(),
            json!(self.strings.describe(
                &[
                    key(&["response", operation_id, code]),
                    key(&["response", code])
                ],
                response["description"].as_str().unwrap_or("Response")
            )),
        );
        let content = response["content"].as_object();
        if let Some((_, media)) = content.and_then(|c| c.iter().next()) {
            if let Some(name) = Self::ref_name(&media["schema"]) {
                out.insert(
                    "schema".into(),
                    json!({ "$ref": format!("#/definitions/{name}") }),
                );
            } else if media.get("schema").is_some() {
                // A plain body such as CSV text.
                let path = KeyPath::default().schema(operation_id);
                out.insert(
                    "schema".into(),
                    self.convert_schema(&media["schema"], None, &path),
                );
            }
        }
        if let Some(headers) = response["headers"].as_object() {
            let mut converted = Map::new();
            // What every response carries (request id, rate limits, replays) is described in
            // the OpenAPI document; flows have no use for it as dynamic content.
            for (name, header) in headers
                .iter()
                .filter(|(name, _)| !COMMON_HEADERS.contains(&name.as_str()))
            {
                converted.insert(
                    name.clone(),
                    json!({
                        "type": "string",
                        "description": self.strings.describe(
                            &[key(&["header", operation_id, name]), key(&["header", name])],
                            header["description"].as_str().unwrap_or(name)
                        ),
                    }),
                );
            }
            out.insert("headers".into(), Value::Object(converted));
        }
        Value::Object(out)
    }
}

/// Response headers left out of the connector (see `response`): the ones every answer carries
/// (`api::declare_common_headers`).
const COMMON_HEADERS: &[&str] = &[
    crate::api::security::REQUEST_ID,
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
    crate::api::idempotency::REPLAYED,
];

/// `format` values Power Platform accepts.
const ALLOWED_FORMATS: &[&str] = &[
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

/// A dropdown of existing tags, fed by `ListTags`.
fn tag_dropdown() -> Value {
    json!({
        "operationId": "ListTags",
        "parameters": { "limit": { "value": 200 } },
        "value-collection": "items",
        "value-path": "slug",
        "value-title": "label"
    })
}

/// Filters and paging are `advanced`; what people fill in is `important`.
fn parameter_visibility(operation_id: &str, name: &str, location: &str) -> &'static str {
    match (operation_id, name, location) {
        (_, _, "path") => "important",
        ("ListQuestions", "tag" | "q", _) => "important",
        ("FindSimilarQuestions", "title", _) => "important",
        ("OnNewEvents", "types", _) => "important",
        // The polling cursor: the platform passes it back, people never type it.
        ("OnNewEvents", "after", _) => "internal",
        _ => "advanced",
    }
}

/// Response and body fields that are plumbing rather than content.
fn property_visibility(name: &str) -> Option<&'static str> {
    match name {
        "title" | "body" | "tags" | "anonymous" | "display_name" | "kind" | "name" => {
            Some("important")
        }
        // Filled in by Power Automate, or for REST subscribers that verify signatures.
        "callback_url" | "secret" => Some("internal"),
        "next_cursor" | "next_link" | "link" | "updated_at" | "last_activity_at" | "prefix"
        | "issue_api_key" | "by_asker" | "my_reactions" | "type" | "errors" => Some("advanced"),
        _ => None,
    }
}

/// Operations for administrators, moderators or key management are `advanced` in the action list.
fn operation_visibility(operation_id: &str) -> Option<&'static str> {
    match operation_id {
        "CreateMember" | "SetMemberRole" | "ListMyApiKeys" | "CreateMyApiKey"
        | "RevokeMyApiKey" | "ListTags" | "ListSubscriptions" | "GetSubscription"
        | "ListDeliveries" | "RetryDelivery" | "ListReports" | "GetReport" | "ResolveReport"
        | "UnhidePost" => Some("advanced"),
        // Power Automate calls it when a flow is turned off; people do not.
        "DeleteSubscription" => Some("internal"),
        "ListQuestions" | "CreateQuestion" | "GetQuestion" | "CreateAnswer" => Some("important"),
        _ => None,
    }
}
