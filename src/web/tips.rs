//! Tips: the reader's tip of the day and the tips by level and tag (`/tips`), one tip (the page
//! a tip's `web_url` opens), and the form to write one — published by the same function as the
//! API's `POST /tips`.

use super::page::{see_other, sign_in_first, Page};
use crate::api::extract::optional_tag;
use crate::api::links::Links;
use crate::api::tips::{find_tip, publish_tip, tip_of_the_day, tip_view, CreateTip, Tip};
use crate::api::AppState;
use crate::domain::tip::TipLevel;
use crate::error::ApiError;
use crate::store::tips::TipFilter;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// The tip page.
#[derive(askama::Template)]
#[template(path = "tip.html")]
pub struct TipTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The tip as the reader may see it.
    pub tip: Tip,
}

impl TipTemplate<'_> {
    /// Who the tip is for, in the reader's words.
    pub fn level(&self) -> String {
        self.page.level_words(self.tip.level)
    }
}

/// `GET /tips/{id}`: one tip.
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    match find_tip(&state, id.into_inner(), &caller).await {
        Ok(row) => {
            let tip = tip_view(row, &caller, &Links::new(&state, &req));
            page.render(StatusCode::OK, &TipTemplate { page: &page, tip })
        }
        Err(e) => e.into_page(&page),
    }
}

/// How many tips the tips page lists.
const LIST_SIZE: i64 = 30;

/// The tips page's query.
#[derive(Debug, Deserialize)]
pub struct TipsQuery {
    /// Only tips for this level (`beginner`, `intermediate`, `advanced`); empty: all.
    pub level: Option<String>,
    /// Only tips with this tag.
    pub tag: Option<String>,
}

/// The tips page.
#[derive(askama::Template)]
#[template(path = "tips.html")]
pub struct TipsTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The reader's tip of the day, if one is left at their level.
    pub daily: Option<Tip>,
    /// The tips, newest first.
    pub tips: Vec<Tip>,
    /// The level the list is narrowed to (`""`: all).
    pub level: String,
    /// The tag the list is narrowed to, if any.
    pub tag: Option<String>,
}

impl TipsTemplate<'_> {
    /// The levels to choose from: `(value, words, chosen)`.
    pub fn levels(&self) -> Vec<(&'static str, String, bool)> {
        self.page.level_choices(&self.level)
    }

    /// Who `tip` is for, in the reader's words.
    pub fn level_of(&self, tip: &Tip) -> String {
        self.page.level_words(tip.level)
    }
}

/// `GET /tips`: the reader's tip of the day, then tips by level and tag.
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<TipsQuery>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let query = query.into_inner();
    let level = match query.level.as_deref().filter(|l| !l.is_empty()) {
        None => None,
        Some(raw) => match TipLevel::parse(raw) {
            Some(level) => Some(level),
            None => {
                return ApiError::InvalidQuery(crate::error::FieldError::say(
                    "level",
                    "invalid_query",
                    "web-query-unreadable",
                    vec![],
                ))
                .into_page(&page)
            }
        },
    };
    let tag = match optional_tag(query.tag.as_deref()) {
        Ok(tag) => tag,
        Err(e) => return e.into_page(&page),
    };
    let links = Links::new(&state, &req);
    let filter = TipFilter {
        tag: tag.clone(),
        level,
        featured: None,
        search: None,
        after: None,
        limit: LIST_SIZE,
    };
    let rows = match state.store.list_tips(&caller, &filter).await {
        Ok(rows) => rows,
        Err(e) => return ApiError::from(e).into_page(&page),
    };
    let daily = match tip_of_the_day(&state, &caller).await {
        Ok(row) => Some(tip_view(row, &caller, &links)),
        Err(ApiError::NotFoundBecause(..)) => None,
        Err(e) => return e.into_page(&page),
    };
    let tips = rows
        .into_iter()
        .map(|r| tip_view(r, &caller, &links))
        .collect();
    page.render(
        StatusCode::OK,
        &TipsTemplate {
            page: &page,
            daily,
            tips,
            level: level.map(|l| l.as_str().to_owned()).unwrap_or_default(),
            tag: tag.map(|t| t.as_str().to_owned()),
        },
    )
}

/// The tip form as sent.
#[derive(Debug, Default, Deserialize)]
pub struct TipForm {
    /// The tip in one line.
    #[serde(default)]
    pub title: String,
    /// The tip, Markdown.
    #[serde(default)]
    pub body: String,
    /// Tags separated by spaces, commas or 、.
    #[serde(default)]
    pub tags: String,
    /// Who it is for.
    #[serde(default)]
    pub level: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// The "write a tip" page.
#[derive(askama::Template)]
#[template(path = "tip_form.html")]
pub struct TipFormTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// What was typed.
    pub form: TipForm,
    /// What to fix, in the reader's language.
    pub problems: Vec<String>,
}

impl TipFormTemplate<'_> {
    /// The levels to choose from: `(value, words, chosen)`.
    pub fn levels(&self) -> Vec<(&'static str, String, bool)> {
        match self.form.level.as_str() {
            "" => self.page.level_choices(TipLevel::default().as_str()),
            chosen => self.page.level_choices(chosen),
        }
    }
}

/// `GET /tips/new`: the form to write a tip.
pub async fn new(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    if page.member.is_none() {
        return sign_in_first(&req);
    }
    let template = TipFormTemplate {
        page: &page,
        form: TipForm::default(),
        problems: Vec::new(),
    };
    page.render(StatusCode::OK, &template)
}

/// `POST /tips/new`: publishes the tip and shows it (303); problems come back on the form.
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<TipForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let form = form.into_inner();
    let again = |status: StatusCode, problems: Vec<String>, form: TipForm| {
        page.render(
            status,
            &TipFormTemplate {
                page: &page,
                form,
                problems,
            },
        )
    };
    if !super::csrf::check(&req, &form.csrf) {
        return again(
            StatusCode::FORBIDDEN,
            vec![page.t("web-form-expired")],
            form,
        );
    }
    let level = TipLevel::parse(&form.level).unwrap_or_default();
    let input = CreateTip {
        title: form.title.clone(),
        body: form.body.clone(),
        tags: super::split_tags(&form.tags),
        level,
        featured: false,
    };
    match publish_tip(&state, &caller, &input).await {
        Ok(id) => see_other(&crate::domain::pages::tip(id)),
        Err(ApiError::Validation(errors)) => {
            let problems = page.problems(&errors);
            again(StatusCode::UNPROCESSABLE_ENTITY, problems, form)
        }
        Err(e) => e.into_page(&page),
    }
}
