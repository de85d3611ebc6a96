//! The members' pages — the place people open, in the browser and in a Teams tab.
//!
//! Why this shape: pages are rendered on the server from askama templates (`templates/`,
//! checked at compile time) and work without JavaScript — every action is a form (POST → 303 →
//! GET). Handlers are thin like the API's (parse → authorize → domain → store) and call the
//! same domain and store functions with the same [`Caller`], never the API over HTTP, so a page
//! shows exactly what the API would show that member (an anonymous asker stays anonymous).
//! Words come from `locales/<lang>/web.ftl` in the reader's language. Assets are embedded in
//! the binary (`static/`), so the pages work on a closed company network.
//!
//! Every page answer carries a Content-Security-Policy that allows only `/static/app.js` with a
//! fresh nonce (no inline script) and styles only from this site; forms carry a CSRF token (double-submit cookie, see [`csrf`]).

pub mod actions;
pub mod ask;
pub mod csrf;
pub mod dashboard;
pub mod edit;
pub mod home;
pub mod members;
pub mod page;
pub mod preview;
pub mod questions;
pub mod search;
pub mod settings;
pub mod signin;
pub mod tips;
pub mod wins;

use actix_web::{http::header, web, HttpResponse};

/// Every page route, in one visible place. Forms may be as large as an API body
/// (`TSUNAGU_MAX_BODY_BYTES`: a 20,000-character Japanese answer is about 180 KB URL-encoded);
/// a form that cannot be read is a page in the reader's language, not plain text.
pub fn routes(cfg: &mut web::ServiceConfig, form_limit: usize) {
    cfg.app_data(web::QueryConfig::default().error_handler(|error, _req| {
        // Only the pages read queries with actix's extractor (the API has its own): a query a
        // page cannot read (`?question=abc`, a field twice) is a page, not plain text.
        let problem = crate::error::ApiError::InvalidQuery(crate::error::FieldError::say(
            "query",
            "invalid_query",
            "web-query-unreadable",
            vec![],
        ));
        let page = page::Page::bare(crate::i18n::current());
        actix_web::error::InternalError::from_response(error, problem.into_page(&page)).into()
    }))
    .app_data(
        web::FormConfig::default()
            .limit(form_limit)
            .error_handler(move |error, _req| {
                let language = crate::i18n::current();
                let problem = match &error {
                    actix_web::error::UrlencodedError::Overflow { .. } => {
                        crate::error::ApiError::PayloadTooLarge(form_limit)
                    }
                    _ => crate::error::ApiError::InvalidBody(crate::error::FieldError::say(
                        "body",
                        "invalid_form",
                        "web-form-unreadable",
                        vec![],
                    )),
                };
                let page = page::Page::bare(language);
                actix_web::error::InternalError::from_response(error, problem.into_page(&page))
                    .into()
            }),
    )
    .route("/", web::get().to(home::home))
    .route("/ask", web::get().to(ask::form))
    .route("/ask", web::post().to(ask::submit))
    .route("/questions/{id}", web::get().to(questions::show))
    .route("/questions/{id}/edit", web::get().to(edit::question_form))
    .route("/questions/{id}/edit", web::post().to(edit::question_save))
    .route("/answers/{id}/edit", web::get().to(edit::answer_form))
    .route("/answers/{id}/edit", web::post().to(edit::answer_save))
    .route(
        "/questions/{id}/answers",
        web::post().to(questions::post_answer),
    )
    .route(
        "/questions/{id}/anonymity",
        web::post().to(actions::anonymity),
    )
    .route("/tips/{id}/helpful", web::post().to(actions::tip_helpful))
    .route(
        "/questions/{id}/me-too",
        web::post().to(actions::me_too_question),
    )
    .route("/answers/{id}", web::get().to(questions::answer_page))
    .route(
        "/answers/{id}/accept",
        web::post().to(actions::accept_answer),
    )
    .route("/answers/{id}/kudos", web::post().to(actions::answer_kudos))
    .route(
        "/answers/{id}/delete",
        web::post().to(actions::delete_answer),
    )
    .route(
        "/questions/{id}/delete",
        web::post().to(actions::delete_question),
    )
    .route(
        "/answers/{id}/{kind}",
        web::post().to(actions::react_to_answer),
    )
    .route("/search", web::get().to(search::search))
    .route("/tags", web::get().to(search::tags))
    .route("/tips", web::get().to(tips::list))
    .route("/tips/new", web::get().to(tips::new))
    .route("/tips/new", web::post().to(tips::create))
    .route("/tips/{id}", web::get().to(tips::show))
    .route("/wins", web::get().to(wins::list))
    .route("/wins/new", web::get().to(wins::new))
    .route("/wins/new", web::post().to(wins::create))
    .route("/wins/{id}", web::get().to(wins::show))
    .route("/wins/{id}/kudos", web::post().to(wins::kudos))
    .route("/members/{id}", web::get().to(members::show))
    .route("/dashboard", web::get().to(dashboard::dashboard))
    .route("/settings", web::get().to(settings::form))
    .route("/settings", web::post().to(settings::save))
    .route("/settings/keys", web::post().to(settings::new_key))
    .route(
        "/settings/keys/{id}/revoke",
        web::post().to(settings::revoke_key),
    )
    .route("/language", web::post().to(settings::switch))
    .route("/signin", web::get().to(signin::form))
    .route("/signin", web::post().to(signin::submit))
    .route("/signout", web::post().to(signin::signout))
    .route("/report", web::post().to(actions::report))
    .route("/preview", web::post().to(preview::preview))
    .route("/static/app.css", web::get().to(stylesheet))
    .route("/static/app.js", web::get().to(script))
    .route("/static/icon.png", web::get().to(icon))
    .route("/favicon.ico", web::get().to(icon));
}

/// Tags as typed in a form's one text field: separated by spaces (also the ideographic one),
/// commas or 、.
pub fn split_tags(typed: &str) -> Vec<String> {
    typed
        .split([' ', ',', '、', '　', '，'])
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The `limit` busiest topics with posts, busiest first: `(slug, posts)` — for the home page,
/// the dashboard and the topics to pick from on the forms.
pub async fn busiest_topics(
    state: &crate::api::AppState,
    limit: i64,
) -> Result<Vec<(String, i64)>, crate::error::ApiError> {
    let rows = state.store.tags("", limit).await?;
    Ok(rows
        .into_iter()
        .filter(|t| t.post_count > 0)
        .map(|t| (t.slug, t.post_count))
        .collect())
}

/// Whether `req` asks for a page: a browser (it takes `text/html`) on a path outside the API,
/// the sign-in endpoints and the machine files. Unknown paths and unreadable ids answer such
/// requests with a page in the reader's language instead of problem+json.
pub fn is_page_request(req: &actix_web::HttpRequest) -> bool {
    let path = req.path();
    let machine = [
        "/api/",
        "/auth/",
        "/openapi",
        "/metrics",
        "/healthz",
        "/readyz",
        "/connector",
    ]
    .iter()
    .any(|prefix| path.starts_with(prefix));
    !machine && takes_html(req)
}

/// Whether `req` comes from a browser showing a page: its `Accept` takes `text/html`.
pub fn takes_html(req: &actix_web::HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// The "no such page" page (404), for [`is_page_request`]s whose path cannot be read (no member
/// known yet: the request's language).
pub fn not_found() -> HttpResponse {
    page::Page::bare(crate::i18n::current()).not_found()
}

/// The "no such page" page (404) for a path that matches no page, in the signed-in member's
/// language and with their header.
pub async fn no_such_page(req: &actix_web::HttpRequest) -> HttpResponse {
    match req.app_data::<web::Data<crate::api::AppState>>() {
        Some(state) => page::Page::of(state, req).await.not_found(),
        None => not_found(),
    }
}

/// `GET /static/app.js`: the pages' one script — niceties only (the hours of a win as they
/// are typed, a Markdown preview, similar questions while asking); every page works without it.
async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/app.js"))
}

/// `GET /static/icon.png` and `/favicon.ico`: the connector's icon (two linked rings), drawn
/// once per process, as the pages' icon.
async fn icon() -> HttpResponse {
    static ICON: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    HttpResponse::Ok()
        .content_type("image/png")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(ICON.get_or_init(crate::connector::icon::png).clone())
}

/// `GET /static/app.css`: the pages' one stylesheet, embedded in the binary.
async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/app.css"))
}
