//! tsunagu (つなぐ, "to connect"): the backend of an in-company learning community for
//! citizen developers, served as a REST API and packaged as a Power Platform custom connector.
//!
//! Data flows one way: HTTP → [`api`] or [`web`] (parse, authorize) → [`domain`] (rules) →
//! [`store`] (SQL). The pages in [`web`] call the same domain and store functions as the API.

pub mod api; // HTTP handlers and request/response types, one module per resource
pub mod auth; // who is calling: API keys today, company sign-in later
pub mod config; // settings from TSUNAGU_* environment variables
pub mod connector; // OpenAPI 3.1 → Power Platform connector package (Swagger 2.0, en/ja)
pub mod domain; // validated types and community rules, no I/O
pub mod error; // the one ApiError, rendered as RFC 9457 problem+json
pub mod i18n; // translations from locales/*.ftl (Project Fluent), the request's language
pub mod metrics; // Prometheus counters and histograms behind GET /metrics
pub mod startup; // builds the app once for the server, the CLI and the tests
pub mod store; // SQLite and PostgreSQL persistence behind one type
pub mod telemetry; // tracing setup
pub mod web; // the members' pages (askama templates, forms, sign-in), same rules as the API
pub mod webhooks; // delivery of trigger events to flows: worker, SSRF guard, signatures
