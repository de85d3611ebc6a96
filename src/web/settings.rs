//! One's own settings — level (it picks the tip of the day), interests, the topics one offers
//! to help with, the leaderboard opt-in and the language — saved by the same function as the
//! API's `PATCH /me`; and the language switch in every page's footer.

use super::page::{see_other, sign_in_first, Page};
use crate::api::members::{issue_api_key, update_settings, ApiKey, CreateApiKey, UpdateMe};
use crate::api::AppState;
use crate::auth::session::SESSION_COOKIE;
use crate::domain::tip::TipLevel;
use crate::error::ApiError;
use crate::i18n::Language;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// The settings form as sent (and as shown).
#[derive(Debug, Default, Deserialize)]
pub struct SettingsForm {
    /// `beginner`, `intermediate` or `advanced`.
    #[serde(default)]
    pub level: String,
    /// Interest topics, separated by spaces, commas or 、.
    #[serde(default)]
    pub interests: String,
    /// Topics one offers help in, separated likewise.
    #[serde(default)]
    pub helper_tags: String,
    /// Present (`on`) when one appears on the leaderboard.
    #[serde(default)]
    pub leaderboard: Option<String>,
    /// `en`, `ja`, or empty for "as my browser says".
    #[serde(default)]
    pub language: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// The settings page.
#[derive(askama::Template)]
#[template(path = "settings.html")]
pub struct SettingsTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The settings as stored, or as typed when they come back with problems.
    pub form: SettingsForm,
    /// Shown once after saving.
    pub saved: bool,
    /// What to fix, in the reader's language.
    pub problems: Vec<String>,
    /// The member's API keys (never their secrets).
    pub keys: Vec<ApiKey>,
    /// A key just made: its secret, shown this once.
    pub new_secret: Option<String>,
}

impl SettingsTemplate<'_> {
    /// The levels to choose from: `(value, words, chosen)`.
    pub fn levels(&self) -> Vec<(&'static str, String, bool)> {
        self.page.level_choices(&self.form.level)
    }

    /// The languages to choose from: `(value, words, chosen)`; `""` follows the browser.
    pub fn languages(&self) -> Vec<(&'static str, String, bool)> {
        [
            ("", self.page.t("web-settings-language-browser")),
            ("ja", "日本語".to_owned()),
            ("en", "English".to_owned()),
        ]
        .into_iter()
        .map(|(value, words)| (value, words, self.form.language == value))
        .collect()
    }
}

/// The page's query.
#[derive(Debug, Deserialize)]
pub struct SettingsQuery {
    /// `1` right after saving.
    pub saved: Option<String>,
}

/// `GET /settings`.
pub async fn form(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<SettingsQuery>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let form = match current_form(&state, &caller).await {
        Ok(form) => form,
        Err(e) => return e.into_page(&page),
    };
    let saved = query.saved.as_deref() == Some("1");
    render(
        &state,
        &page,
        &caller,
        form,
        saved,
        Vec::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The member's settings as stored, as the form shows them.
async fn current_form(
    state: &AppState,
    caller: &crate::auth::Caller,
) -> Result<SettingsForm, ApiError> {
    let member = state
        .store
        .member(caller.member_id)
        .await?
        .ok_or(ApiError::NotFound("member"))?;
    let (interests, helper_tags) = state.store.member_tags(caller.member_id).await?;
    Ok(SettingsForm {
        level: member.level.clone(),
        interests: interests.join(" "),
        helper_tags: helper_tags.join(" "),
        leaderboard: member.show_on_leaderboard.then(|| "on".to_owned()),
        language: member.language.unwrap_or_default(),
        csrf: String::new(),
    })
}

/// Renders the settings page with the member's keys.
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    page: &Page,
    caller: &crate::auth::Caller,
    form: SettingsForm,
    saved: bool,
    problems: Vec<String>,
    new_secret: Option<String>,
    status: StatusCode,
) -> HttpResponse {
    let keys = match state.store.api_keys(caller.member_id).await {
        Ok(keys) => keys.into_iter().map(ApiKey::from).collect(),
        Err(e) => return ApiError::from(e).into_page(page),
    };
    page.render(
        status,
        &SettingsTemplate {
            page,
            form,
            saved,
            problems,
            keys,
            new_secret,
        },
    )
}

/// A key form: only the CSRF token.
#[derive(Debug, Deserialize)]
pub struct KeyForm {
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// `POST /settings/keys`: starts over — revokes every key of the member (which signs out every
/// browser and ends every trigger subscription), makes one new key and shows its secret once.
pub async fn new_key(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<KeyForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    if !super::csrf::check(&req, &form.csrf) {
        return ApiError::Forbidden(crate::error::Text::say("web-form-expired", vec![]))
            .into_page(&page);
    }
    // Start over: every key revoked, every browser signed out, every trigger ended — then the
    // one new key. Anyone who was shown a key, or signed a browser in as the member and made a
    // key of their own meanwhile, is locked out together.
    if let Err(e) = state.store.revoke_all_api_keys(caller.member_id).await {
        return ApiError::from(e).into_page(&page);
    }
    let input = CreateApiKey {
        name: page.t("web-keys-default-name"),
    };
    let created = match issue_api_key(&state, &caller, &input).await {
        Ok(created) => created,
        Err(e) => return e.into_page(&page),
    };
    // The page again, with the new secret (not after a redirect: it is shown this once).
    let form = match current_form(&state, &caller).await {
        Ok(form) => form,
        Err(e) => return e.into_page(&page),
    };
    let mut response = render(
        &state,
        &page,
        &caller,
        form,
        false,
        Vec::new(),
        Some(created.secret),
        StatusCode::OK,
    )
    .await;
    let _ = response.add_cookie(&state.auth.sessions.removal(SESSION_COOKIE));
    response
}

/// `POST /settings/keys/{id}/revoke`: revokes one of the member's keys. That ends every browser
/// session of the member (this one too), so the member signs in again with a key they keep.
pub async fn revoke_key(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<KeyForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    if !super::csrf::check(&req, &form.csrf) {
        return ApiError::Forbidden(crate::error::Text::say("web-form-expired", vec![]))
            .into_page(&page);
    }
    match state
        .store
        .revoke_api_key(caller.member_id, id.into_inner())
        .await
    {
        Ok(true) => {
            let mut response = see_other("/signin?next=%2Fsettings");
            let _ = response.add_cookie(&state.auth.sessions.removal(SESSION_COOKIE));
            response
        }
        Ok(false) => ApiError::NotFound("API key").into_page(&page),
        Err(e) => ApiError::from(e).into_page(&page),
    }
}

/// `POST /settings`: saves, then shows the settings again (303) in the language chosen.
pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<SettingsForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let form = form.into_inner();
    if !super::csrf::check(&req, &form.csrf) {
        let problems = vec![page.t("web-form-expired")];
        return render(
            &state,
            &page,
            &caller,
            form,
            false,
            problems,
            None,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    let input = UpdateMe {
        department: None,
        level: TipLevel::parse(&form.level),
        interests: Some(super::split_tags(&form.interests)),
        helper_tags: Some(super::split_tags(&form.helper_tags)),
        show_on_leaderboard: Some(form.leaderboard.is_some()),
        language: Some(Language::parse(&form.language)),
    };
    match update_settings(&state, &caller, &input).await {
        Ok(()) => see_other("/settings?saved=1"),
        Err(ApiError::Validation(errors)) => {
            let problems = page.problems(&errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &page, &caller, form, false, problems, None, status).await
        }
        Err(e) => e.into_page(&page),
    }
}

/// The language switch's form.
#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    /// `en` or `ja`.
    #[serde(default)]
    pub language: String,
    /// The page to return to.
    #[serde(default)]
    pub back: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// `POST /language`: the footer's switch — saves the member's language and returns to the
/// page (a path on this site; else home).
pub async fn switch(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<LanguageForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    if !super::csrf::check(&req, &form.csrf) {
        return ApiError::Forbidden(crate::error::Text::say("web-form-expired", vec![]))
            .into_page(&page);
    }
    let Some(language) = Language::parse(&form.language) else {
        return page.not_found();
    };
    let input = UpdateMe {
        department: None,
        level: None,
        interests: None,
        helper_tags: None,
        show_on_leaderboard: None,
        language: Some(Some(language)),
    };
    match update_settings(&state, &caller, &input).await {
        Ok(()) => see_other(
            &crate::api::signin::safe_return_path(&form.back).unwrap_or_else(|| "/".to_owned()),
        ),
        Err(e) => e.into_page(&page),
    }
}
