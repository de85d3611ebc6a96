//! Wins: the newest wins (`/wins`); one win — what a member automated, the hours it saves each
//! month, the questions and tips that helped (by title, as the reader may see them), and kudos,
//! given through the same function as the API's `POST /wins/{id}/kudos`; and the form to log a
//! win, citing the posts that helped (found by the same search as the API), logged by the same
//! function as `POST /wins`.

use super::page::{see_other, sign_in_first, Page};
use crate::api::links::Links;
use crate::api::questions::find_question;
use crate::api::tips::find_tip;
use crate::api::wins::{
    check_win, find_win, give_kudos, log_win, win_view, CreateWin, HelpedBy, Impact, KudosInput,
    KudosTarget, Win,
};
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::pages;
use crate::domain::question::QuestionSort;
use crate::domain::search::SearchQuery;
use crate::domain::win::hours_saved_per_month;
use crate::error::ApiError;
use crate::store::questions::QuestionFilter;
use crate::store::tips::TipFilter;
use crate::store::wins::WinFilter;
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

/// How many wins the wins page lists.
const LIST_SIZE: i64 = 30;
/// How many posts a search in the win form offers to cite.
const FIND_SIZE: i64 = 8;

/// The wins page.
#[derive(askama::Template)]
#[template(path = "wins.html")]
pub struct WinsTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The newest wins.
    pub wins: Vec<Win>,
}

/// `GET /wins`: the newest wins, with the hours each saves.
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let filter = WinFilter {
        tag: None,
        author: None,
        since: None,
        after: None,
        limit: LIST_SIZE,
    };
    match state.store.list_wins(&caller, &filter).await {
        Ok(rows) => {
            let links = Links::new(&state, &req);
            let wins = rows
                .into_iter()
                .map(|r| win_view(r, &caller, &links))
                .collect();
            page.render(StatusCode::OK, &WinsTemplate { page: &page, wins })
        }
        Err(e) => ApiError::from(e).into_page(&page),
    }
}

/// A post the win form offers to cite.
pub struct Candidate {
    /// `question:42` or `tip:5`, the checkbox's value.
    pub key: String,
    /// Its title.
    pub title: String,
    /// Whether it is cited.
    pub cited: bool,
    /// Whether it is a tip (else a question).
    pub tip: bool,
}

/// The win form as sent: the fields, and every cited post (`cite=question:42`, repeated).
#[derive(Debug, Default)]
pub struct WinForm {
    /// The win in one line.
    pub title: String,
    /// What was built and what changed, Markdown.
    pub story: String,
    /// Tags separated by spaces, commas or 、.
    pub tags: String,
    /// Minutes saved per run, as typed.
    pub minutes: String,
    /// Runs per month, as typed.
    pub runs: String,
    /// People it saves time for, as typed.
    pub people: String,
    /// The flow or app, optional.
    pub link: String,
    /// Cited posts: `question:42`, `tip:5`.
    pub cite: Vec<String>,
    /// Words to find posts to cite (the form's "find" button).
    pub find: String,
    /// Which button: `find` searches, anything else logs the win.
    pub action: String,
    /// The browser's CSRF token.
    pub csrf: String,
}

impl WinForm {
    /// The form from its `name=value` pairs (a checkbox group repeats its name).
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = WinForm::default();
        for (name, value) in pairs {
            match name.as_str() {
                "title" => form.title = value,
                "story" => form.story = value,
                "tags" => form.tags = value,
                "minutes" => form.minutes = value,
                "runs" => form.runs = value,
                "people" => form.people = value,
                "link" => form.link = value,
                "cite" if !form.cite.contains(&value) => form.cite.push(value),
                "find" => form.find = value,
                "action" => form.action = value,
                "csrf" => form.csrf = value,
                _ => {}
            }
        }
        form
    }

    /// The cited ids of one kind (`question` or `tip`).
    fn cited(&self, kind: &str) -> Vec<i64> {
        self.cite
            .iter()
            .filter_map(|c| c.strip_prefix(kind)?.strip_prefix(':')?.parse().ok())
            .collect()
    }
}

/// The "log a win" page.
#[derive(askama::Template)]
#[template(path = "win_form.html")]
pub struct WinFormTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// What was typed.
    pub form: WinForm,
    /// Posts to cite: those cited, then those found.
    pub candidates: Vec<Candidate>,
    /// Whether a search found nothing.
    pub found_nothing: bool,
    /// The hours per month the typed figures give, when they are numbers.
    pub hours: Option<String>,
    /// What to fix, in the reader's language.
    pub problems: Vec<String>,
}

/// The win form's query: a post to cite from the start (`?question=42` from a question page).
#[derive(Debug, Deserialize)]
pub struct NewWinQuery {
    /// A question that helped.
    pub question: Option<i64>,
    /// A tip that helped.
    pub tip: Option<i64>,
}

/// `GET /wins/new`: the form to log a win.
pub async fn new(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<NewWinQuery>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let mut form = WinForm {
        people: "1".into(),
        ..WinForm::default()
    };
    if let Some(id) = query.question {
        form.cite.push(format!("question:{id}"));
    }
    if let Some(id) = query.tip {
        form.cite.push(format!("tip:{id}"));
    }
    form_page(&state, &page, &caller, form, StatusCode::OK, Vec::new()).await
}

/// Renders the win form with its candidates to cite.
async fn form_page(
    state: &AppState,
    page: &Page,
    caller: &Caller,
    form: WinForm,
    status: StatusCode,
    problems: Vec<String>,
) -> HttpResponse {
    let mut candidates = Vec::new();
    for id in form.cited("question") {
        if let Ok(row) = find_question(state, id, caller).await {
            candidates.push(Candidate {
                key: format!("question:{}", row.id),
                title: row.title,
                cited: true,
                tip: false,
            });
        }
    }
    for id in form.cited("tip") {
        if let Ok(row) = find_tip(state, id, caller).await {
            candidates.push(Candidate {
                key: format!("tip:{}", row.id),
                title: row.title,
                cited: true,
                tip: true,
            });
        }
    }
    let mut found_nothing = false;
    if !form.find.trim().is_empty() {
        let found = match find(state, caller, &form.find).await {
            Ok(found) => found,
            Err(ApiError::InvalidQuery(problem)) => {
                let mut problems = problems;
                problems.extend(page.problems(&[problem]));
                return render_form(page, form, candidates, false, status, problems);
            }
            Err(e) => return e.into_page(page),
        };
        found_nothing = found.is_empty();
        for candidate in found {
            if !candidates.iter().any(|c| c.key == candidate.key) {
                candidates.push(candidate);
            }
        }
    }
    render_form(page, form, candidates, found_nothing, status, problems)
}

fn render_form(
    page: &Page,
    form: WinForm,
    candidates: Vec<Candidate>,
    found_nothing: bool,
    status: StatusCode,
    problems: Vec<String>,
) -> HttpResponse {
    let hours = match (
        typed_number(&form.minutes),
        typed_whole_number(&form.runs),
        typed_whole_number(&form.people),
    ) {
        (Some(m), Some(r), Some(p)) if m >= 0.0 && r >= 0 && p >= 0 => {
            let hours = hours_saved_per_month(m, r, p);
            Some(format!("{hours}"))
        }
        _ => None,
    };
    page.render(
        status,
        &WinFormTemplate {
            page,
            form,
            candidates,
            found_nothing,
            hours,
            problems,
        },
    )
}

/// Questions and tips matching `words`, as `caller` may see them.
async fn find(state: &AppState, caller: &Caller, words: &str) -> Result<Vec<Candidate>, ApiError> {
    let Some(query) = SearchQuery::parse("find", words, &state.config.search_glossary)
        .map_err(ApiError::InvalidQuery)?
    else {
        return Ok(Vec::new());
    };
    let questions = QuestionFilter {
        tag: None,
        status: None,
        unanswered: false,
        asked_by: None,
        search: Some(query.clone()),
        sort: QuestionSort::Newest,
        after: None,
        limit: FIND_SIZE,
    };
    let tips = TipFilter {
        tag: None,
        level: None,
        featured: None,
        search: Some(query),
        after: None,
        limit: FIND_SIZE,
    };
    let mut found: Vec<Candidate> = state
        .store
        .list_questions(caller, &questions)
        .await?
        .into_iter()
        .map(|q| Candidate {
            key: format!("question:{}", q.id),
            title: q.title,
            cited: false,
            tip: false,
        })
        .collect();
    found.extend(
        state
            .store
            .list_tips(caller, &tips)
            .await?
            .into_iter()
            .map(|t| Candidate {
                key: format!("tip:{}", t.id),
                title: t.title,
                cited: false,
                tip: true,
            }),
    );
    Ok(found)
}

/// `POST /wins/new`: the "find" button searches posts to cite and shows the form again; the
/// other logs the win and shows it (303). Problems come back on the form, with what was typed.
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<Vec<(String, String)>>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    let form = WinForm::from_pairs(form.into_inner());
    if !super::csrf::check(&req, &form.csrf) {
        let problems = vec![page.t("web-form-expired")];
        return form_page(
            &state,
            &page,
            &caller,
            form,
            StatusCode::FORBIDDEN,
            problems,
        )
        .await;
    }
    if form.action == "find" {
        return form_page(&state, &page, &caller, form, StatusCode::OK, Vec::new()).await;
    }
    let mut problems = Vec::new();
    let minutes = typed_number(&form.minutes);
    if minutes.is_none() {
        let field = page.t("web-win-field-minutes");
        problems.push(page.t1("web-win-not-a-number", "field", &field));
    }
    let runs = typed_whole_number(&form.runs);
    let people = typed_whole_number(&form.people);
    for (value, label) in [
        (runs, "web-win-field-runs"),
        (people, "web-win-field-people"),
    ] {
        if value.is_none() {
            let field = page.t(label);
            problems.push(page.t1("web-win-not-a-whole-number", "field", &field));
        }
    }
    let link = form.link.trim();
    let mut input = CreateWin {
        title: form.title.clone(),
        story: form.story.clone(),
        tags: super::split_tags(&form.tags),
        impact: Impact {
            minutes_saved_per_run: minutes.unwrap_or_default(),
            runs_per_month: runs.unwrap_or_default(),
            people_helped: people.unwrap_or_default(),
        },
        money_saved_per_month: None,
        link: (!link.is_empty()).then(|| link.to_owned()),
        helped_by: Some(HelpedBy {
            questions: form.cited("question"),
            tips: form.cited("tip"),
        }),
    };
    if !problems.is_empty() {
        // Everything else is checked too, so the member fixes the form once: the numbers
        // that could not be read are stood in for by valid ones.
        input.impact = Impact {
            minutes_saved_per_run: minutes.unwrap_or(1.0),
            runs_per_month: runs.unwrap_or(1),
            people_helped: people.unwrap_or(1),
        };
        if let Err(ApiError::Validation(errors)) = check_win(&state, &caller, &input).await {
            problems.extend(page.problems(&errors));
        }
        return form_page(
            &state,
            &page,
            &caller,
            form,
            StatusCode::UNPROCESSABLE_ENTITY,
            problems,
        )
        .await;
    }
    match log_win(&state, &caller, &input).await {
        Ok(id) => see_other(&pages::win(id)),
        Err(ApiError::Validation(errors)) => {
            let problems = page.problems(&errors);
            form_page(
                &state,
                &page,
                &caller,
                form,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
            )
            .await
        }
        Err(e) => e.into_page(&page),
    }
}

/// A number as office staff type it: full-width digits (２．５) and grouping commas in groups
/// of three (1,000 or １，０００) are read as the plain number; a comma anywhere else (a
/// decimal comma, 12,5) is not a number, so nothing is read ten times too large. `None` when
/// it is not a finite number.
pub fn typed_number(typed: &str) -> Option<f64> {
    plain_number(typed)?
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// A whole number as office staff type it (see [`typed_number`]); `None` otherwise.
pub fn typed_whole_number(typed: &str) -> Option<i64> {
    plain_number(typed)?.parse::<i64>().ok()
}

/// `typed` after NFKC and trimming, with grouping commas removed; `None` when a comma is not
/// a thousands separator.
fn plain_number(typed: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let normalized: String = typed.nfkc().collect();
    let text = normalized.trim();
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    let mut groups = digits.split(',');
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let rest_ok = groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !first_ok || !rest_ok || fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    Some(text.replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::{typed_number, typed_whole_number};

    #[test]
    fn numbers_are_read_as_office_staff_type_them() {
        assert_eq!(typed_number("２．５"), Some(2.5));
        assert_eq!(typed_number(" 1,000 "), Some(1000.0));
        assert_eq!(typed_number("1，000.5"), Some(1000.5));
        assert_eq!(typed_number("inf"), None);
        assert_eq!(typed_number("二"), None);
        assert_eq!(typed_whole_number("２０"), Some(20));
        assert_eq!(typed_whole_number("1,200"), Some(1200));
        assert_eq!(typed_whole_number("2.5"), None);
        assert_eq!(typed_whole_number(""), None);
        // A comma that is not a thousands separator is not read at all.
        for wrong in ["12,5", "1,0", ",100", "1,,0", "1 000", "1,0000", "1.000,5"] {
            assert_eq!(typed_number(wrong), None, "{wrong}");
        }
        assert_eq!(typed_number("-1,234.5"), Some(-1234.5));
        assert_eq!(typed_whole_number("12,345,678"), Some(12_345_678));
    }
}
