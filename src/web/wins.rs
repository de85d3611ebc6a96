//! The win page: what a member automated, the hours it saves each month, the questions and
//! tips that helped (by title, as the reader may see them), and kudos — given through the same
//! function as the API's `POST /wins/{id}/kudos`.

use super::page::{see_other, sign_in_first, Page};
use crate::api::links::Links;
use crate::api::questions::find_question;
use crate::api::tips::find_tip;
use crate::api::wins::{find_win, give_kudos, win_view, KudosInput, KudosTarget, Win};
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::pages;
use crate::error::ApiError;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

/// A post that helped, as the win page lists it.
pub struct Citation {
    /// The post's page.
    pub href: String,
    /// Its title.
    pub title: String,
}

/// The win page.
#[derive(askama::Template)]
#[template(path = "win.html")]
pub struct WinTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The win as the reader may see it.
    pub win: Win,
    /// The questions and tips that helped, by title.
    pub helped_by: Vec<Citation>,
    /// The kudos message being written (kept when it comes back with problems).
    pub draft: String,
    /// What to fix in the kudos message, in the reader's language.
    pub problems: Vec<String>,
}

impl WinTemplate<'_> {
    /// Hours saved per month, as people write them (`12.5`, `20`).
    pub fn hours(&self) -> String {
        let hours = self.win.hours_saved_per_month;
        if hours.fract() == 0.0 {
            format!("{hours:.0}")
        } else {
            format!("{hours}")
        }
    }
}

/// `GET /wins/{id}`: one win.
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    render(
        &state,
        &req,
        &page,
        &caller,
        id.into_inner(),
        String::new(),
        Vec::new(),
    )
    .await
}

/// Renders the page of win `id` for `caller`.
async fn render(
    state: &AppState,
    req: &HttpRequest,
    page: &Page,
    caller: &Caller,
    id: i64,
    draft: String,
    problems: Vec<String>,
) -> HttpResponse {
    let row = match find_win(state, id, caller).await {
        Ok(row) => row,
        Err(e) => return e.into_page(page),
    };
    let win = win_view(row, caller, &Links::new(state, req));
    // Titles of the cited posts, each as the reader may see it (a post hidden meanwhile is
    // left out rather than failing the page).
    let mut helped_by = Vec::new();
    for &question in &win.helped_by.questions {
        if let Ok(row) = find_question(state, question, caller).await {
            helped_by.push(Citation {
                href: pages::question(row.id),
                title: row.title,
            });
        }
    }
    for &tip in &win.helped_by.tips {
        if let Ok(row) = find_tip(state, tip, caller).await {
            helped_by.push(Citation {
                href: pages::tip(row.id),
                title: row.title,
            });
        }
    }
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render(
        status,
        &WinTemplate {
            page,
            win,
            helped_by,
            draft,
            problems,
        },
    )
}

/// The kudos form.
#[derive(Debug, Deserialize)]
pub struct KudosForm {
    /// A short thank-you message, optional (up to 280 characters).
    #[serde(default)]
    pub message: String,
    /// The browser's CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// `POST /wins/{id}/kudos`: gives kudos and shows the win again (303); problems come back on
/// the page.
pub async fn kudos(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    form: web::Form<KudosForm>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let id = id.into_inner();
    let form = form.into_inner();
    if !super::csrf::check(&req, &form.csrf) {
        let problems = vec![page.t("web-form-expired")];
        return render(&state, &req, &page, &caller, id, form.message, problems).await;
    }
    let message = form.message.trim();
    let input = KudosInput {
        message: (!message.is_empty()).then(|| message.to_owned()),
    };
    match give_kudos(&state, &caller, KudosTarget::Win(id), &input).await {
        Ok(_) => see_other(&format!("{}#kudos", pages::win(id))),
        Err(ApiError::Validation(errors)) => {
            let problems = page.problems(&errors);
            render(&state, &req, &page, &caller, id, form.message, problems).await
        }
        Err(e) => e.into_page(&page),
    }
}
