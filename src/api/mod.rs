//! The HTTP layer: one module per resource, each handler thin (parse → authorize → domain →
//! store → response). Every route is registered in [`routes`], so the whole API surface is
//! visible in one place; registering through `utoipa_actix_web` puts each route in the
//! OpenAPI description too.

pub mod answers;
pub mod cards;
pub mod deliveries;
pub mod events;
pub mod extract;
pub mod health;
pub mod idempotency;
pub mod language;
pub mod links;
pub mod members;
pub mod pagination;
pub mod people;
pub mod questions;
pub mod rate_limit;
pub mod reports;
pub mod security;
pub mod signin;
pub mod site;
pub mod stats;
pub mod subscriptions;
pub mod tags;
pub mod tips;
pub mod versioning;
pub mod wins;

use crate::config::Config;
use crate::store::Store;
use std::sync::Arc;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::service_config::ServiceConfig;

/// What every handler can reach: the store and the settings. Built once, shared by workers.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// The settings the service started with.
    pub config: Arc<Config>,
    /// Turns credentials into callers.
    pub auth: Arc<crate::auth::Authenticator>,
}

/// The API's version prefix.
pub const API_PREFIX: &str = "/api/v1";

/// Every route of the service.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(
            utoipa_actix_web::scope(API_PREFIX)
                // members and keys
                .service(members::create_member)
                .service(members::get_member)
                .service(members::set_member_role)
                .service(members::me)
                .service(members::update_me)
                .service(members::list_my_api_keys)
                .service(members::create_my_api_key)
                .service(members::revoke_my_api_key)
                // questions ("similar" before "{id}" so it is not read as an id)
                .service(questions::similar_questions)
                .service(questions::list_questions)
                .service(questions::create_question)
                .service(questions::get_question)
                .service(questions::update_question)
                .service(questions::delete_question)
                .service(questions::add_me_too)
                .service(questions::remove_me_too)
                // answers
                .service(answers::create_answer)
                .service(answers::get_answer)
                .service(answers::update_answer)
                .service(answers::delete_answer)
                .service(answers::accept_answer)
                .service(answers::unaccept_answer)
                .service(answers::add_reaction)
                .service(answers::remove_reaction)
                // tips ("daily" and "random" before "{id}")
                .service(tips::daily_tip)
                .service(tips::random_tip)
                .service(tips::list_tips)
                .service(tips::create_tip)
                .service(tips::get_tip)
                .service(tips::update_tip)
                .service(tips::delete_tip)
                .service(tips::add_tip_reaction)
                .service(tips::remove_tip_reaction)
                // wins and kudos
                .service(wins::list_wins)
                .service(wins::create_win)
                .service(wins::get_win)
                .service(wins::update_win)
                .service(wins::delete_win)
                .service(wins::give_win_kudos)
                .service(wins::give_answer_kudos)
                // reports and moderation
                .service(reports::create_report)
                .service(reports::list_reports)
                .service(reports::get_report)
                .service(reports::resolve_report)
                .service(reports::unhide_post)
                // recognition
                .service(people::leaderboard)
                .service(people::helpers)
                // community health
                .service(stats::health)
                .service(stats::health_csv)
                .service(stats::summary)
                // Adaptive Cards for flows
                .service(cards::get_question_card)
                .service(cards::get_tip_of_the_day_card)
                .service(cards::get_win_card)
                .service(cards::get_health_summary_card)
                // tags
                .service(tags::list_tags)
                .service(tags::create_tag)
                // triggers: webhook subscriptions and the polling feed
                .service(subscriptions::on_question_posted)
                .service(subscriptions::on_question_answered)
                .service(subscriptions::on_answer_accepted)
                .service(subscriptions::on_question_unanswered)
                .service(subscriptions::on_tip_published)
                .service(subscriptions::on_win_logged)
                .service(subscriptions::on_kudos_received)
                .service(subscriptions::on_post_reported)
                .service(subscriptions::list_subscriptions)
                .service(subscriptions::get_subscription)
                .service(subscriptions::delete_subscription)
                .service(events::list_events)
                // webhook deliveries (admins)
                .service(deliveries::list_deliveries)
                .service(deliveries::retry_delivery),
        );
}

/// Routes outside the API: `/openapi.json`, the `/docs` reference, `/connector.zip`, the
/// `/stats` dashboard page and the browser sign-in under `/auth`.
///
/// `/openapi.json` is serialized on its first request and then served as it is by every
/// worker ([`served_spec`]).
pub fn site_routes(cfg: &mut actix_web::web::ServiceConfig) {
    use actix_web::web;
    cfg.service(
        utoipa_swagger_ui::SwaggerUi::new("/docs/{_:.*}")
            .config(utoipa_swagger_ui::Config::from("/openapi.json")),
    )
    .route(
        "/openapi.json",
        web::get().to(|| async {
            actix_web::HttpResponse::Ok()
                .content_type("application/json")
                .body(served_spec())
        }),
    )
    .route("/docs", web::get().to(site::docs_redirect))
    .route("/auth/login", web::get().to(signin::login))
    .route("/auth/callback", web::get().to(signin::callback))
    .route("/auth/logout", web::post().to(signin::logout))
    .route("/connector.zip", web::get().to(site::connector_zip))
    .route("/stats", web::get().to(site::dashboard))
    .route("/metrics", web::get().to(site::metrics));
}

/// The OpenAPI document's fixed parts; paths and schemas are collected from [`routes`].
#[derive(OpenApi)]
#[openapi(
    info(
        title = "tsunagu",
        description = "Community API for citizen developers: ask questions (anonymously if you like), answer, react, and find what was already asked — in Japanese and English.",
        license(name = "MIT", identifier = "MIT"),
        contact(name = "tsunagu maintainers", url = "https://github.com/tsunagu/tsunagu")
    ),
    // Enums used only as query parameters are not collected from the routes.
    components(schemas(
        crate::domain::question::QuestionSort,
        crate::domain::question::QuestionStatus,
        crate::domain::question::ReactionKind,
        crate::domain::tip::TipLevel,
        crate::api::tips::TipReactionKind,
        crate::api::people::Period,
        crate::api::stats::HealthInterval,
        crate::api::deliveries::DeliveryStatus,
        crate::domain::report::ReportStatus,
        crate::domain::event::Event
    )),
    modifiers(&BearerAuth),
    security(("api_key" = [])),
    tags(
        (name = "members", description = "Members and their personal API keys"),
        (name = "questions", description = "Questions, search and similar-question suggestions"),
        (name = "answers", description = "Answers, acceptance and positive reactions"),
        (name = "tips", description = "Tips at a level, the tip of the day, a random tip"),
        (name = "wins", description = "Wins with measured impact, and kudos"),
        (name = "people", description = "The opt-in leaderboard and finding helpers"),
        (name = "reports", description = "Reporting hurtful posts, and the moderators' queue"),
        (name = "stats", description = "Community health figures"),
        (name = "cards", description = "Adaptive Cards for Teams posts: a question, the tip of the day, a win, the health summary"),
        (name = "tags", description = "Topics"),
        (name = "triggers", description = "Webhook subscriptions for flow triggers, and the polling event feed"),
        (name = "admin", description = "Webhook deliveries, for administrators"),
        (name = "health", description = "Liveness and readiness")
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description =
            Some("A personal API key (`tsu_…`) sent as `Authorization: Bearer <key>`.".to_owned());
        components.add_security_scheme("api_key", SecurityScheme::Http(scheme));
    }
}

/// The OpenAPI description of the whole service.
pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa_actix_web::AppExt;
    let (_, mut spec) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts();
    spec.info.version = env!("CARGO_PKG_VERSION").to_owned();
    declare_idempotency_key(&mut spec);
    versioning::declare(&mut spec);
    declare_rate_limit(&mut spec);
    declare_common_headers(&mut spec);
    declare_body_timeout(&mut spec);
    declare_links(&mut spec);
    subscriptions::declare_triggers(&mut spec);
    spec
}

/// A response declared as an RFC 9457 problem document with `description`, for the rules
/// declared on many operations at once (408, 409, 412, 429).
pub(crate) fn problem_response(description: &str) -> utoipa::openapi::ResponseBuilder {
    utoipa::openapi::ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            utoipa::openapi::ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                .build(),
        )
}

/// Where the id of what a `201` response (of this schema) created is, and the path of the
/// operations that take that id.
const CREATED: [(&str, &str, &str); 8] = [
    ("Question", "/id", "/api/v1/questions/{id}"),
    ("Answer", "/id", "/api/v1/answers/{id}"),
    ("Tip", "/id", "/api/v1/tips/{id}"),
    ("Win", "/id", "/api/v1/wins/{id}"),
    ("Report", "/id", "/api/v1/reports/{id}"),
    ("Subscription", "/id", "/api/v1/subscriptions/{id}"),
    ("CreatedMember", "/member/id", "/api/v1/members/{id}"),
    ("CreatedApiKey", "/key/id", "/api/v1/me/api-keys/{id}"),
];

/// OpenAPI links from each `201` to the operations on what it created (`GetQuestion`,
/// `UpdateQuestion`, `CreateAnswer`, …) and from the deliveries list to a retry, so clients
/// and stateful testers (schemathesis) can chain them. Swagger 2.0 has no links; the
/// connector leaves them out.
fn declare_links(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::link::LinkBuilder;
    use utoipa::openapi::RefOr;
    // (path, operation id) of every operation taking exactly the `{id}` a creation yields.
    let mut targets: Vec<(String, String)> = Vec::new();
    for (path, item) in &spec.paths.paths {
        for op in [
            item.get.as_ref(),
            item.post.as_ref(),
            item.put.as_ref(),
            item.patch.as_ref(),
            item.delete.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            if let Some(id) = &op.operation_id {
                targets.push((path.clone(), id.clone()));
            }
        }
    }
    // utoipa 5.5 writes `Link::operation_id` as `operation_id` instead of `operationId`, so
    // the field is set through the link's (flattened) extensions under its proper name.
    let link = |operation: &str, pointer: &str| {
        let name: utoipa::openapi::extensions::Extensions =
            [("operationId", serde_json::Value::from(operation))]
                .into_iter()
                .collect();
        LinkBuilder::new()
            .parameter("id", format!("$response.body#{pointer}"))
            .extensions(Some(name))
            .build()
    };
    for item in spec.paths.paths.values_mut() {
        for op in [item.post.as_mut(), item.get.as_mut()]
            .into_iter()
            .flatten()
        {
            let is_deliveries = op.operation_id.as_deref() == Some("ListDeliveries");
            for (status, response) in op.responses.responses.iter_mut() {
                let RefOr::T(response) = response else {
                    continue;
                };
                if is_deliveries && status == "200" {
                    response.links.insert(
                        "RetryDelivery".into(),
                        RefOr::T(link("RetryDelivery", "/items/0/id")),
                    );
                    continue;
                }
                if status != "201" {
                    continue;
                }
                let schema = response.content.values().find_map(|c| match &c.schema {
                    Some(RefOr::Ref(r)) => r.ref_location.rsplit('/').next().map(str::to_owned),
                    _ => None,
                });
                let Some((_, pointer, prefix)) = CREATED
                    .iter()
                    .find(|(name, _, _)| Some(*name) == schema.as_deref())
                else {
                    continue;
                };
                for (path, operation) in &targets {
                    let on_it = path == prefix
                        || path
                            .strip_prefix(prefix)
                            .is_some_and(|rest| rest.starts_with('/') && !rest[1..].contains('{'));
                    if on_it {
                        response
                            .links
                            .insert(operation.clone(), RefOr::T(link(operation, pointer)));
                    }
                }
            }
        }
    }
}

/// Every operation with a request body may answer 408 when the body does not arrive within
/// `TSUNAGU_BODY_TIMEOUT_SECS` (see [`extract::read_body`]).
fn declare_body_timeout(spec: &mut utoipa::openapi::OpenApi) {
    for item in spec.paths.paths.values_mut() {
        for op in [item.post.as_mut(), item.put.as_mut(), item.patch.as_mut()]
            .into_iter()
            .flatten()
        {
            if op.request_body.is_none() {
                continue;
            }
            op.responses
                .responses
                .entry("408".to_owned())
                .or_insert_with(|| {
                    problem_response("The request body did not arrive in time; send it again")
                        .build()
                        .into()
                });
        }
    }
}

/// Every operation of the API (paths under [`API_PREFIX`]), to declare what all of them share.
fn api_operations(
    spec: &mut utoipa::openapi::OpenApi,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    spec.paths
        .paths
        .iter_mut()
        .filter(|(path, _)| path.starts_with(API_PREFIX))
        .flat_map(|(_, item)| {
            [
                item.get.as_mut(),
                item.post.as_mut(),
                item.put.as_mut(),
                item.patch.as_mut(),
                item.delete.as_mut(),
            ]
        })
        .flatten()
}

/// Every API operation may answer 429 when the caller exceeds the rate limit.
fn declare_rate_limit(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{HeaderBuilder, ObjectBuilder, Type};
    for op in api_operations(spec) {
        op.responses
            .responses
            .entry("429".to_owned())
            .or_insert_with(|| {
                problem_response("Too many requests; retry after the Retry-After seconds")
                    .header(
                        "Retry-After",
                        HeaderBuilder::new()
                            .schema(ObjectBuilder::new().schema_type(Type::Integer))
                            .description(Some("Seconds to wait before retrying"))
                            .build(),
                    )
                    .build()
                    .into()
            });
    }
}

/// The headers the middlewares add, on every successful answer and every `429` of the API:
/// `X-Request-Id` ([`security`]) and the rate-limit headers ([`rate_limit`]; absent when rate
/// limits are off), and `Idempotent-Replayed` on the successes of operations that take an
/// `Idempotency-Key` ([`idempotency`]). None is required: declared so clients know them.
fn declare_common_headers(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{Header, HeaderBuilder, ObjectBuilder, RefOr, Type};
    let header = |kind: Type, description: &str| -> Header {
        HeaderBuilder::new()
            .schema(ObjectBuilder::new().schema_type(kind))
            .description(Some(description))
            .build()
    };
    let common = [
        (security::REQUEST_ID, header(Type::String, "The request's id, also in the logs and in problem documents (`request_id`): quote it when asking for help")),
        ("RateLimit-Limit", header(Type::Integer, "The bucket's size: how many tokens a caller may spend at once (a read costs 1, a write 2)")),
        ("RateLimit-Remaining", header(Type::Integer, "Tokens left in the caller's bucket after this request")),
        ("RateLimit-Reset", header(Type::Integer, "Seconds until the bucket is full again")),
        ("RateLimit-Policy", header(Type::String, "The bucket as `<size>;w=<seconds to refill it>` (IETF RateLimit header fields draft)")),
    ];
    let replayed = header(
        Type::String,
        "`true` when this is the stored answer to an earlier request with the same Idempotency-Key",
    );
    for op in api_operations(spec) {
        let idempotent = op
            .parameters
            .iter()
            .flatten()
            .any(|p| p.name == idempotency::HEADER);
        for (status, response) in op.responses.responses.iter_mut() {
            let RefOr::T(response) = response else {
                continue;
            };
            if !(status.starts_with('2') || status == "429") {
                continue;
            }
            for (name, h) in &common {
                response
                    .headers
                    .entry((*name).to_owned())
                    .or_insert_with(|| h.clone());
            }
            if idempotent && status.starts_with('2') {
                response
                    .headers
                    .entry(idempotency::REPLAYED.to_owned())
                    .or_insert_with(|| replayed.clone());
            }
        }
    }
}

/// Every POST that creates something accepts `Idempotency-Key` (see [`idempotency`]); the
/// middleware handles it for all of them, so it is declared here once rather than per route.
fn declare_idempotency_key(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::{ObjectBuilder, Required, Type};
    for item in spec.paths.paths.values_mut() {
        let Some(op) = item.post.as_mut() else {
            continue;
        };
        if !op.responses.responses.contains_key("201") {
            continue;
        }
        let parameter = ParameterBuilder::new()
            .name(idempotency::HEADER)
            .parameter_in(ParameterIn::Header)
            .required(Required::False)
            .description(Some(
                "A unique value per request (1–255 printable characters): a retry with the same key returns the first response instead of creating a duplicate.",
            ))
            .schema(Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .min_length(Some(1))
                    .max_length(Some(255))
                    .pattern(Some("^[!-~]+$")),
            ))
            .build();
        op.parameters.get_or_insert_with(Vec::new).push(parameter);
        op.responses
            .responses
            .entry("409".to_owned())
            .or_insert_with(|| {
                problem_response("A request with this Idempotency-Key is still being processed")
                    .build()
                    .into()
            });
    }
}

/// The OpenAPI description as committed in `openapi/openapi.json`: pretty JSON, final newline.
pub fn openapi_json() -> String {
    let mut text = serde_json::to_string_pretty(&openapi_document()).unwrap_or_default();
    text.push('\n');
    text
}

/// The OpenAPI document as `/openapi.json` serves it (compact JSON, about 330 KB), made on
/// its first request and shared from then on: no copy per worker, no serializing per request,
/// and nothing held by a service nobody has asked for it yet.
fn served_spec() -> actix_web::web::Bytes {
    static SPEC: std::sync::OnceLock<actix_web::web::Bytes> = std::sync::OnceLock::new();
    SPEC.get_or_init(|| {
        // Serializing a `serde_json::Value` cannot fail (its map keys are strings).
        let mut json = serde_json::to_vec(&openapi_document()).unwrap_or_default();
        json.shrink_to_fit();
        actix_web::web::Bytes::from(json)
    })
    .clone()
}

/// The OpenAPI description as served and committed: [`openapi`] plus what utoipa cannot
/// express, the top-level `webhooks` (OpenAPI 3.1) — the deliveries subscriptions receive.
pub fn openapi_document() -> serde_json::Value {
    let mut document = serde_json::to_value(openapi()).unwrap_or_default();
    if let Some(object) = document.as_object_mut() {
        object.insert("webhooks".into(), subscriptions::webhooks());
    }
    document
}

pub use crate::store::timestamp;
