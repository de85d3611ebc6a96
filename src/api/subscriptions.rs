//! Webhook subscriptions: the triggers of the connector.
//!
//! Each trigger is its own subscribe operation (Power Automate calls it when a flow with that
//! trigger is saved, with the flow's callback URL), answered `201` with the subscription's
//! `Location`; Power Automate sends `DELETE` to that URL when the flow is turned off or deleted.
//! `DELETE` is idempotent: deleting one's own subscription again is another `204`. Callback URLs
//! pass the SSRF guard (`webhooks::ssrf`) here and again when sending. Responses never show the
//! callback URL itself (a Power Automate callback URL is a credential), only its host.

use crate::api::extract::{Json, Query};
use crate::api::links::Links;
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::event::EventType;
use crate::domain::member::Role;
use crate::domain::tag::TagSlug;
use crate::domain::tip::TipLevel;
use crate::error::{ApiError, FieldError, FieldErrors, Problem};
use crate::store::subscriptions::{NewSubscription, SubscriptionRow};
use crate::webhooks::{signing, ssrf};
use actix_web::{delete, get, http::header, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Longest callback URL accepted, in characters.
pub const MAX_CALLBACK_URL_CHARS: usize = 2000;

/// A webhook subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct Subscription {
    /// Subscription id.
    #[schema(example = 12)]
    pub id: i64,
    /// Which events it receives.
    pub event_type: EventType,
    /// The member it belongs to.
    #[schema(example = 7)]
    pub member_id: i64,
    /// The host events are sent to (the full callback URL is never shown).
    #[schema(example = "prod-12.japaneast.logic.azure.com")]
    pub callback_host: String,
    /// Only events with this tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Only tips for this level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<TipLevel>,
    /// Only events about the subscriber's own questions or answers.
    pub mine_only: bool,
    /// For unanswered-question subscriptions: after how many hours without an answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<i64>,
    /// Whether deliveries are signed (a secret was given).
    pub signed: bool,
    /// False once unsubscribed, or after the receiver answered that the flow is gone.
    pub active: bool,
    /// Why it ended, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended_reason: Option<String>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// The subscription's URL in this API (`DELETE` it to unsubscribe).
    #[schema(example = "https://tsunagu.example.com/api/v1/subscriptions/12")]
    pub link: String,
}

/// A list of subscriptions.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionList {
    /// The subscriptions, newest first.
    pub items: Vec<Subscription>,
}

/// A subscription to new questions.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionPostedSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Only questions with this tag.
    #[schema(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "approvals"
    )]
    pub tag: Option<String>,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// A subscription to new answers.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionAnsweredSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Only answers to questions I asked.
    #[serde(default)]
    pub mine_only: bool,
    /// Only questions with this tag.
    #[schema(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "approvals"
    )]
    pub tag: Option<String>,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// A subscription to accepted answers.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerAcceptedSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Only acceptances of answers I wrote.
    #[serde(default)]
    pub mine_only: bool,
    /// Only questions with this tag.
    #[schema(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "approvals"
    )]
    pub tag: Option<String>,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// A subscription to questions left without an answer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionUnansweredSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Hours without an answer from another member before the trigger fires (1–720, default 24).
    #[schema(minimum = 1, maximum = 720, example = 24)]
    pub hours: Option<i64>,
    /// Only questions with this tag.
    #[schema(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "approvals"
    )]
    pub tag: Option<String>,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// A subscription to new tips.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TipPublishedSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Only tips with this tag.
    #[schema(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "sharepoint"
    )]
    pub tag: Option<String>,
    /// Only tips for this level.
    pub level: Option<TipLevel>,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// A subscription to new wins.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WinLoggedSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Only wins with this tag.
    #[schema(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$",
        example = "excel"
    )]
    pub tag: Option<String>,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// A subscription to the kudos I receive.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KudosReceivedSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// A subscription to reports of posts (moderators only).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostReportedSubscription {
    /// The URL events are POSTed to (Power Automate fills it in).
    #[schema(max_length = 2000, example = "https://example.com/hooks/tsunagu")]
    pub callback_url: String,
    /// Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
    #[schema(
        pattern = r"^whsec_(?:(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/][AQgw]==)?)$",
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )]
    pub secret: Option<String>,
}

/// What to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListSubscriptionsParams {
    /// Everyone's active subscriptions, not just mine (admins only).
    #[serde(default, deserialize_with = "crate::api::extract::flag")]
    pub all: Option<bool>,
}

/// The subscribe operations and the events each delivers.
pub const SUBSCRIBE_OPERATIONS: [(&str, EventType); 8] = [
    ("OnQuestionPosted", EventType::QuestionPosted),
    ("OnQuestionAnswered", EventType::QuestionAnswered),
    ("OnAnswerAccepted", EventType::AnswerAccepted),
    ("OnQuestionUnanswered", EventType::QuestionUnanswered),
    ("OnTipPublished", EventType::TipPublished),
    ("OnWinLogged", EventType::WinLogged),
    ("OnKudosReceived", EventType::KudosReceived),
    ("OnPostReported", EventType::PostReported),
];

/// The polling trigger's operation.
pub const POLLING_OPERATION: &str = "OnNewEvents";

/// Declares the triggers in the spec: `x-ms-trigger` on each subscribe operation (`single`)
/// and on the event feed (`batch`), and at each subscribe path the payload its callback
/// receives (`x-ms-notification-content`), as a schema per event type — the `Event` schema
/// narrowed to the parts that type carries, all required (and the parts it may carry, optional)
/// — so flows get typed dynamic content.
pub fn declare_triggers(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::extensions::Extensions;
    use utoipa::openapi::{RefOr, Schema};
    let components = spec.components.get_or_insert_with(Default::default);
    let Some(RefOr::T(Schema::Object(event))) = components.schemas.get("Event").cloned() else {
        return;
    };
    for (_, event_type) in SUBSCRIBE_OPERATIONS {
        let mut narrowed = event.clone();
        let parts = event_type.parts();
        let optional = event_type.optional_parts();
        narrowed.properties.retain(|name, _| {
            ["id", "type", "occurred_at"].contains(&name.as_str())
                || parts.contains(&name.as_str())
                || optional.contains(&name.as_str())
        });
        narrowed.required = ["id", "type", "occurred_at"]
            .iter()
            .chain(parts.iter())
            .map(|s| (*s).to_owned())
            .collect();
        narrowed.description = Some(format!(
            "The event a subscription to `{}` receives.",
            event_type.as_str()
        ));
        components.schemas.insert(
            event_type.schema_name().to_owned(),
            RefOr::T(Schema::Object(narrowed)),
        );
    }
    for item in spec.paths.paths.values_mut() {
        let mut trigger_type = None;
        for op in [item.get.as_mut(), item.post.as_mut()]
            .into_iter()
            .flatten()
        {
            let id = op.operation_id.clone().unwrap_or_default();
            let kind = if id == POLLING_OPERATION {
                Some("batch")
            } else if let Some((_, t)) = SUBSCRIBE_OPERATIONS.iter().find(|(op_id, _)| *op_id == id)
            {
                trigger_type = Some(*t);
                Some("single")
            } else {
                None
            };
            if let Some(kind) = kind {
                let mut ext = Extensions::default();
                ext.insert("x-ms-trigger".into(), serde_json::json!(kind));
                op.extensions
                    .get_or_insert_with(Default::default)
                    .merge(ext);
            }
        }
        if let Some(t) = trigger_type {
            let mut ext = Extensions::default();
            ext.insert(
                "x-ms-notification-content".into(),
                serde_json::json!({
                    "description": format!("The {} event", t.as_str()),
                    "schema": { "$ref": format!("#/components/schemas/{}", t.schema_name()) }
                }),
            );
            item.extensions
                .get_or_insert_with(Default::default)
                .merge(ext);
        }
    }
}

/// The filters one trigger offers.
#[derive(Debug, Default)]
struct Filters<'a> {
    tag: Option<&'a str>,
    level: Option<TipLevel>,
    mine_only: bool,
    hours: Option<i64>,
}

/// What every subscribe operation answers (declared once for the triggers).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // documentation only: handlers answer through `HttpResponse`
enum SubscribeResponses {
    /// Subscribed
    #[response(status = 201, headers(("Location" = String, description = "URL of the subscription; DELETE it to unsubscribe")))]
    Subscribed(Subscription),
    /// Malformed request
    #[response(status = 400, content_type = "application/problem+json")]
    Malformed(Problem),
    /// No valid API key
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(Problem),
    /// Body too large
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(Problem),
    /// Body is not JSON
    #[response(status = 415, content_type = "application/problem+json")]
    NotJson(Problem),
    /// Invalid field, or a callback URL that is not https or not public
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
}

/// Validates and stores a subscription, answering 201 with its `Location`.
async fn subscribe(
    state: &AppState,
    req: &HttpRequest,
    caller: &Caller,
    event_type: EventType,
    callback_url: &str,
    secret: Option<&str>,
    filters: Filters<'_>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = FieldErrors::default();
    let callback_url = callback_url.trim();
    if callback_url.chars().count() > MAX_CALLBACK_URL_CHARS {
        errors.check::<()>(Err(FieldError::say(
            "callback_url",
            "too_long",
            "text-too-long",
            vec![
                ("max", crate::i18n::Arg::from(MAX_CALLBACK_URL_CHARS)),
                (
                    "count",
                    crate::i18n::Arg::from(callback_url.chars().count()),
                ),
            ],
        )));
    } else if let Err(refused) =
        ssrf::check_callback_url(callback_url, &state.config.webhooks.allow_hosts).await
    {
        let (id, value) = match &refused {
            ssrf::CallbackRefused::Invalid => ("callback-invalid", String::new()),
            ssrf::CallbackRefused::NotHttps => ("callback-not-https", String::new()),
            ssrf::CallbackRefused::PrivateAddress(ip) => ("callback-private", ip.to_string()),
            ssrf::CallbackRefused::Unresolvable(host) => ("callback-unresolvable", host.clone()),
        };
        errors.check::<()>(Err(FieldError::say(
            "callback_url",
            refused.code(),
            id,
            vec![("value", crate::i18n::Arg::from(value))],
        )));
    }
    if let Some(secret) = secret {
        if signing::secret_key(secret).is_none() {
            errors.check::<()>(Err(FieldError::say(
                "secret",
                "invalid",
                "secret-invalid",
                vec![],
            )));
        }
    }
    let tag = match filters.tag.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => errors.check(TagSlug::parse("tag", t)),
        None => None,
    };
    if let Some(hours) = filters.hours {
        if !(1..=720).contains(&hours) {
            errors.check::<()>(Err(FieldError::say(
                "hours",
                "out_of_range",
                "value-out-of-range",
                vec![
                    ("min", crate::i18n::Arg::from(1i64)),
                    ("max", crate::i18n::Arg::from(720i64)),
                    ("got", crate::i18n::Arg::from(hours)),
                ],
            )));
        }
    }
    if let Some(tag) = &tag {
        if let Some(unknown) = crate::api::tags::unknown_tag(state, tag).await? {
            errors.check::<()>(Err(unknown));
        }
    }
    if !errors.is_empty() {
        return Err(errors.into_error());
    }
    let row = state
        .store
        .create_subscription(&NewSubscription {
            member_id: caller.member_id,
            event_type: event_type.as_str(),
            callback_url,
            secret,
            tag: tag.as_ref().map(TagSlug::as_str),
            level: filters.level.map(TipLevel::as_str),
            mine_only: filters.mine_only,
            unanswered_hours: filters.hours,
        })
        .await?;
    tracing::info!(
        subscription_id = row.id,
        event_type = event_type.as_str(),
        "subscribed"
    );
    let view = subscription_view(row, &Links::new(state, req));
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, view.link.clone()))
        .json(view))
}

fn subscription_view(row: SubscriptionRow, links: &Links) -> Subscription {
    let callback_host = url::Url::parse(&row.callback_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    Subscription {
        id: row.id,
        event_type: EventType::parse(&row.event_type).unwrap_or(EventType::QuestionPosted),
        member_id: row.member_id,
        callback_host,
        tag: row.tag,
        level: row.level.as_deref().map(TipLevel::from_stored),
        mine_only: row.mine_only,
        hours: row.unanswered_hours,
        signed: row.secret.is_some(),
        active: row.ended_at.is_none(),
        ended_reason: row.ended_reason,
        created_at: timestamp(row.created_at),
        link: links.api(&format!("/subscriptions/{}", row.id)),
    }
}

/// Finds a subscription the caller may see: their own, or any for an admin.
async fn find_subscription(
    state: &AppState,
    id: i64,
    caller: &Caller,
) -> Result<SubscriptionRow, ApiError> {
    match state.store.subscription(id).await? {
        Some(row) if row.member_id == caller.member_id || caller.role >= Role::Admin => Ok(row),
        _ => Err(ApiError::NotFound("subscription")),
    }
}

/// When a question is posted
///
/// This operation triggers when a member posts a question, optionally only for one tag.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnQuestionPosted",
    request_body = QuestionPostedSubscription,
    responses(SubscribeResponses)
)]
#[post("/subscriptions/question-posted")]
pub async fn on_question_posted(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<QuestionPostedSubscription>,
) -> Result<HttpResponse, ApiError> {
    let filters = Filters {
        tag: input.tag.as_deref(),
        ..Filters::default()
    };
    subscribe(
        &state,
        &req,
        &caller,
        EventType::QuestionPosted,
        &input.callback_url,
        input.secret.as_deref(),
        filters,
    )
    .await
}

/// When a question is answered
///
/// This operation triggers when an answer is posted, optionally only to questions I asked or with one tag.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnQuestionAnswered",
    request_body = QuestionAnsweredSubscription,
    responses(SubscribeResponses)
)]
#[post("/subscriptions/question-answered")]
pub async fn on_question_answered(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<QuestionAnsweredSubscription>,
) -> Result<HttpResponse, ApiError> {
    let filters = Filters {
        tag: input.tag.as_deref(),
        mine_only: input.mine_only,
        ..Filters::default()
    };
    subscribe(
        &state,
        &req,
        &caller,
        EventType::QuestionAnswered,
        &input.callback_url,
        input.secret.as_deref(),
        filters,
    )
    .await
}

/// When an answer is accepted
///
/// This operation triggers when an asker accepts an answer, optionally only answers I wrote or with one tag.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnAnswerAccepted",
    request_body = AnswerAcceptedSubscription,
    responses(SubscribeResponses)
)]
#[post("/subscriptions/answer-accepted")]
pub async fn on_answer_accepted(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<AnswerAcceptedSubscription>,
) -> Result<HttpResponse, ApiError> {
    let filters = Filters {
        tag: input.tag.as_deref(),
        mine_only: input.mine_only,
        ..Filters::default()
    };
    subscribe(
        &state,
        &req,
        &caller,
        EventType::AnswerAccepted,
        &input.callback_url,
        input.secret.as_deref(),
        filters,
    )
    .await
}

/// When a question is left unanswered
///
/// This operation triggers once per question when it has had no answer from another member for the given hours.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnQuestionUnanswered",
    request_body = QuestionUnansweredSubscription,
    responses(SubscribeResponses)
)]
#[post("/subscriptions/question-unanswered")]
pub async fn on_question_unanswered(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<QuestionUnansweredSubscription>,
) -> Result<HttpResponse, ApiError> {
    let filters = Filters {
        tag: input.tag.as_deref(),
        hours: Some(input.hours.unwrap_or(24)),
        ..Filters::default()
    };
    subscribe(
        &state,
        &req,
        &caller,
        EventType::QuestionUnanswered,
        &input.callback_url,
        input.secret.as_deref(),
        filters,
    )
    .await
}

/// When a tip is published
///
/// This operation triggers when a member publishes a tip, optionally only for one tag or level.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnTipPublished",
    request_body = TipPublishedSubscription,
    responses(SubscribeResponses)
)]
#[post("/subscriptions/tip-published")]
pub async fn on_tip_published(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<TipPublishedSubscription>,
) -> Result<HttpResponse, ApiError> {
    let filters = Filters {
        tag: input.tag.as_deref(),
        level: input.level,
        ..Filters::default()
    };
    subscribe(
        &state,
        &req,
        &caller,
        EventType::TipPublished,
        &input.callback_url,
        input.secret.as_deref(),
        filters,
    )
    .await
}

/// When a win is logged
///
/// This operation triggers when a member logs a win, optionally only for one tag.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnWinLogged",
    request_body = WinLoggedSubscription,
    responses(SubscribeResponses)
)]
#[post("/subscriptions/win-logged")]
pub async fn on_win_logged(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<WinLoggedSubscription>,
) -> Result<HttpResponse, ApiError> {
    let filters = Filters {
        tag: input.tag.as_deref(),
        ..Filters::default()
    };
    subscribe(
        &state,
        &req,
        &caller,
        EventType::WinLogged,
        &input.callback_url,
        input.secret.as_deref(),
        filters,
    )
    .await
}

/// When I receive kudos
///
/// This operation triggers when someone gives me kudos for a win or an answer.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnKudosReceived",
    request_body = KudosReceivedSubscription,
    responses(SubscribeResponses)
)]
#[post("/subscriptions/kudos-received")]
pub async fn on_kudos_received(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<KudosReceivedSubscription>,
) -> Result<HttpResponse, ApiError> {
    subscribe(
        &state,
        &req,
        &caller,
        EventType::KudosReceived,
        &input.callback_url,
        input.secret.as_deref(),
        Filters::default(),
    )
    .await
}

/// When a post is reported
///
/// This operation triggers when a member reports a question, answer, tip or win, for moderators; the event never names who reported.
#[utoipa::path(
    tag = "triggers",
    operation_id = "OnPostReported",
    request_body = PostReportedSubscription,
    responses(
        SubscribeResponses,
        (status = 403, description = "Moderators only", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/subscriptions/post-reported")]
pub async fn on_post_reported(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<PostReportedSubscription>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Moderator)?;
    subscribe(
        &state,
        &req,
        &caller,
        EventType::PostReported,
        &input.callback_url,
        input.secret.as_deref(),
        Filters::default(),
    )
    .await
}

/// List subscriptions
///
/// Lists my active webhook subscriptions; admins may list everyone's with all=true.
#[utoipa::path(
    tag = "triggers",
    operation_id = "ListSubscriptions",
    params(ListSubscriptionsParams),
    responses(
        (status = 200, description = "Active subscriptions", body = SubscriptionList),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "all=true needs the admin role", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/subscriptions")]
pub async fn list_subscriptions(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<ListSubscriptionsParams>,
) -> Result<HttpResponse, ApiError> {
    let member = if params.all == Some(true) {
        caller.require(Role::Admin)?;
        None
    } else {
        Some(caller.member_id)
    };
    let links = Links::new(&state, &req);
    let items = state
        .store
        .list_subscriptions(member)
        .await?
        .into_iter()
        .map(|row| subscription_view(row, &links))
        .collect();
    Ok(HttpResponse::Ok().json(SubscriptionList { items }))
}

/// Get a subscription
///
/// Returns one of my subscriptions (any, for an admin), active or ended.
#[utoipa::path(
    tag = "triggers",
    operation_id = "GetSubscription",
    params(("id" = i64, Path, description = "Subscription id")),
    responses(
        (status = 200, description = "The subscription", body = Subscription),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription of mine", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/subscriptions/{id}")]
pub async fn get_subscription(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_subscription(&state, id.into_inner(), &caller).await?;
    Ok(HttpResponse::Ok().json(subscription_view(row, &Links::new(&state, &req))))
}

/// Delete a subscription
///
/// Unsubscribes: no more events are sent and pending ones are cancelled. Deleting an ended subscription again also succeeds.
#[utoipa::path(
    tag = "triggers",
    operation_id = "DeleteSubscription",
    params(("id" = i64, Path, description = "Subscription id")),
    responses(
        (status = 204, description = "Unsubscribed (or already was)"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription of mine", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/subscriptions/{id}")]
pub async fn delete_subscription(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_subscription(&state, id.into_inner(), &caller).await?;
    state.store.end_subscription(row.id, "unsubscribed").await?;
    tracing::info!(subscription_id = row.id, "unsubscribed");
    Ok(HttpResponse::NoContent().finish())
}

/// The OpenAPI 3.1 `webhooks`: one per subscribe operation, the `POST` tsunagu makes to the
/// callback URL — the typed event as body, the Standard Webhooks headers (`webhook-id`, the
/// same on every attempt of a delivery; `webhook-timestamp`; `webhook-signature` when the
/// subscription has a secret), and what each answer means.
pub fn webhooks() -> serde_json::Value {
    use serde_json::json;
    let header = |name: &str, description: &str, required: bool| json!({"name": name, "in": "header", "required": required, "description": description, "schema": {"type": "string"}});
    let mut out = serde_json::Map::new();
    for (operation_id, event_type) in SUBSCRIBE_OPERATIONS {
        out.insert(
            event_type.as_str().to_owned(),
            json!({"post": {
                "operationId": format!("Deliver{}", operation_id.trim_start_matches("On")),
                "summary": format!("A `{}` event, to a subscription made with {operation_id}", event_type.as_str()),
                "parameters": [
                    header("webhook-id", "The delivery's id (`msg_…`), the same on every attempt: drop repeats", true),
                    header("webhook-timestamp", "When this attempt was sent, in seconds since 1970 (UTC)", true),
                    header("webhook-signature", "`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the subscription's secret; absent without one", false)
                ],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{}", event_type.schema_name())}}}},
                "responses": {
                    "2XX": {"description": "Received; the delivery is done"},
                    "404": {"description": "Gone: the subscription ends (as for 410)"},
                    "410": {"description": "Gone: the subscription ends"},
                    "429": {"description": "Busy: retried after Retry-After"},
                    "5XX": {"description": "Failed: retried with back-off for up to 24 hours"}
                }
            }}),
        );
    }
    serde_json::Value::Object(out)
}
