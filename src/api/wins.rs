//! Wins: what a member automated and how much time it saves (minutes per run × runs per
//! month × people), what helped (questions and tips, whose helpers are credited), and kudos on
//! wins and answers — one per member per item, never to yourself.

use crate::api::extract::{optional_tag, Json, Query};
use crate::api::links::Links;
use crate::api::members::MemberRef;
use crate::api::pagination::{decode_cursor, finish_page, page_limit};
use crate::api::versioning::{check_if_match, etag};
use crate::api::{timestamp, AppState};
use crate::auth::Caller;
use crate::domain::search::normalize;
use crate::domain::tag::TagSlug;
use crate::domain::text::{multi_line, QuestionTitle};
use crate::domain::win::{
    check_impact, check_link, check_money, hours_saved_per_month, MAX_HELPED_BY,
};
use crate::error::{ApiError, FieldError, FieldErrors, Problem};
use crate::store::wins::{WinContent, WinFilter, WinRow};
use crate::store::SortKey;
use actix_web::{delete, get, http::header, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// How much time a win saves.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    /// Minutes saved each time the flow or app runs, 0–1,440, in tenths of a minute (e.g. 2.5).
    #[schema(minimum = 0, maximum = 1440, example = 15)]
    pub minutes_saved_per_run: f64,
    /// Runs per month, 0–100,000.
    #[schema(minimum = 0, maximum = 100000, example = 20)]
    pub runs_per_month: i64,
    /// People it saves time for, 0–100,000.
    #[schema(minimum = 0, maximum = 100000, example = 3)]
    pub people_helped: i64,
}

/// Money saved per month.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Amount per month, 0–1,000,000,000, in hundredths (e.g. 1200.50).
    #[schema(minimum = 0, maximum = 1000000000, example = 30000)]
    pub amount: f64,
    /// ISO 4217 currency code.
    #[schema(
        min_length = 3,
        max_length = 3,
        pattern = r"^[A-Za-z]{3}$",
        example = "JPY"
    )]
    pub currency: String,
}

/// Questions and tips that helped.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpedBy {
    /// Question ids (up to 10): the people who answered them get credit. Anonymous questions
    /// among them are shown to the win's author only.
    #[serde(default)]
    #[schema(max_items = 10, example = json!([]))]
    pub questions: Vec<i64>,
    /// Tip ids (up to 10): their authors get credit.
    #[serde(default)]
    #[schema(max_items = 10, example = json!([]))]
    pub tips: Vec<i64>,
}

/// A win: something a member automated, and what it saves.
#[derive(Debug, Serialize, ToSchema)]
pub struct Win {
    /// Win id.
    #[schema(example = 9)]
    pub id: i64,
    /// The win in one line.
    #[schema(example = "経費精算の承認を自動化しました")]
    pub title: String,
    /// What was built and what changed, in Markdown.
    pub story: String,
    /// `story` rendered as HTML for Teams posts and Power Apps' HTML text control: sanitised
    /// (no scripts, event handlers or `javascript:` links; links get
    /// `rel="noopener noreferrer nofollow"`; images show their alt text; HTML typed into the
    /// Markdown is shown as text).
    #[schema(example = "<p>請求書の転記を <strong>Power Automate</strong> で自動化しました。</p>")]
    pub story_html: String,
    /// Topics.
    pub tags: Vec<String>,
    /// The measured impact.
    pub impact: Impact,
    /// minutes_saved_per_run × runs_per_month × people_helped ÷ 60, rounded to 0.01.
    #[schema(example = 15.0)]
    pub hours_saved_per_month: f64,
    /// Money saved per month, when given (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub money_saved_per_month: Option<Money>,
    /// The flow or app, when given (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "https://make.powerautomate.com/environments/x/flows/y")]
    pub link: Option<String>,
    /// Questions and tips that helped.
    pub helped_by: HelpedBy,
    /// Who logged it.
    pub author: MemberRef,
    /// Whether the caller logged it.
    pub mine: bool,
    /// How many kudos it received.
    pub kudos_count: i64,
    /// Whether the caller gave kudos.
    pub kudos_given: bool,
    /// When it was logged.
    pub created_at: DateTime<Utc>,
    /// When it was last edited.
    pub updated_at: DateTime<Utc>,
    /// Whether a moderator hid it; then only its author and moderators see it.
    pub hidden: bool,
    /// Why a moderator hid it; absent unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "個人の電話番号が含まれていたため、非表示にしました。")]
    pub hidden_reason: Option<String>,
    /// The win's URL in this API.
    pub api_link: String,
    /// The win's page, to open in a browser or a Teams tab.
    #[schema(example = "https://tsunagu.example.com/wins/3")]
    pub web_url: String,
}

/// One page of wins.
#[derive(Debug, Serialize, ToSchema)]
pub struct WinPage {
    /// The wins on this page.
    pub items: Vec<Win>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// The URL of the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// A win to log.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWin {
    /// The win in one line, 5–150 characters.
    #[schema(
        min_length = 5,
        max_length = 150,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        example = "経費精算の承認を自動化しました"
    )]
    pub title: String,
    /// What was built and what changed, in Markdown, 1–20,000 characters.
    #[schema(
        min_length = 1,
        max_length = 20000,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$",
        example = "申請から承認までをフローにしました。"
    )]
    pub story: String,
    /// Up to 5 topics.
    #[serde(default)]
    #[schema(value_type = Vec<crate::api::tags::TagName>, max_items = 5, example = json!(["approvals"]))]
    pub tags: Vec<String>,
    /// The measured impact.
    pub impact: Impact,
    /// Money saved per month, optional.
    pub money_saved_per_month: Option<Money>,
    /// The flow or app (an http or https URL), optional.
    #[schema(
        max_length = 2000,
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][!-~]*)?$",
        example = "https://make.powerautomate.com/environments/x/flows/y"
    )]
    pub link: Option<String>,
    /// Questions and tips that helped, optional.
    pub helped_by: Option<HelpedBy>,
}

/// Changes to a win; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWin {
    /// New title, 5–150 characters.
    #[schema(
        min_length = 5,
        max_length = 150,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$"
    )]
    pub title: Option<String>,
    /// New story, 1–20,000 characters.
    #[schema(
        min_length = 1,
        max_length = 20000,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub story: Option<String>,
    /// New set of topics, up to 5.
    #[schema(value_type = Option<Vec<crate::api::tags::TagName>>, max_items = 5, example = json!(["approvals"]))]
    pub tags: Option<Vec<String>>,
    /// New impact.
    pub impact: Option<Impact>,
    /// New money saved per month.
    pub money_saved_per_month: Option<Money>,
    /// New link to the flow or app.
    #[schema(
        max_length = 2000,
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][!-~]*)?$",
        example = "https://make.powerautomate.com/environments/x/flows/y"
    )]
    pub link: Option<String>,
    /// New list of questions and tips that helped.
    pub helped_by: Option<HelpedBy>,
}

/// Filters and paging for a win listing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListWinsParams {
    /// Only wins with this topic.
    #[param(
        max_length = 40,
        pattern = r"^[^\u0000-\u0020!-,/:-@\[-^`{-~\u007F-\u00A0]+$"
    )]
    pub tag: Option<String>,
    /// Only wins logged by this member id.
    pub member: Option<i64>,
    /// Only wins logged at or after this time: RFC 3339 (`2026-11-01T09:00:00+09:00`), or
    /// without an offset (`2026-11-01T09:00:00`, or a date, `2026-11-01`, meaning its
    /// midnight), read in the community's time zone (`TSUNAGU_UTC_OFFSET`).
    #[param(value_type = Option<String>, pattern = r"^(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?(Z|z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?)?$", example = "2026-11-01")]
    pub since: Option<crate::api::extract::LocalDateTime>,
    /// Page size, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// Kudos to give.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KudosInput {
    /// A short message, up to 280 characters, optional.
    #[schema(
        max_length = 280,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$",
        example = "おかげで毎朝の作業がなくなりました！"
    )]
    pub message: Option<String>,
}

/// Kudos given.
#[derive(Debug, Serialize, ToSchema)]
pub struct Kudos {
    /// Kudos id.
    pub id: i64,
    /// `win` or `answer`.
    #[schema(example = "win")]
    pub target_kind: String,
    /// The win or answer id.
    pub target_id: i64,
    /// False when the caller had already given kudos to this item (nothing changed).
    pub newly_given: bool,
}

/// Longest kudos message, in characters.
pub const KUDOS_MESSAGE_MAX_CHARS: usize = 280;

/// A stored win as `viewer` may see it (citations of anonymous or hidden posts filtered).
pub fn win_view(row: WinRow, viewer: &Caller, links: &Links) -> Win {
    let mine = row.author_id == viewer.member_id;
    // Anonymous questions among the citations are shown to the win's author only: one of
    // them may be her own, and showing the rest would single that one out.
    let questions: Vec<i64> = if mine {
        row.helped_by_questions
    } else {
        row.helped_by_questions
            .into_iter()
            .filter(|q| !row.anonymous_citations.contains(q))
            .collect()
    };
    // Citations of posts a moderator hid are shown to moderators only.
    let moderator = viewer.role.can_moderate();
    let questions = questions
        .into_iter()
        .filter(|q| moderator || !row.hidden_citations.contains(&("question", *q)))
        .collect();
    let tips = row
        .helped_by_tips
        .into_iter()
        .filter(|t| moderator || !row.hidden_citations.contains(&("tip", *t)))
        .collect();
    Win {
        api_link: links.api(&format!("/wins/{}", row.id)),
        web_url: links.site(&crate::domain::pages::win(row.id)),
        id: row.id,
        hours_saved_per_month: hours_saved_per_month(
            row.minutes_saved_per_run,
            row.runs_per_month,
            row.people_helped,
        ),
        impact: Impact {
            minutes_saved_per_run: row.minutes_saved_per_run,
            runs_per_month: row.runs_per_month,
            people_helped: row.people_helped,
        },
        money_saved_per_month: row
            .money_saved_per_month
            .zip(row.currency)
            .map(|(amount, currency)| Money { amount, currency }),
        mine,
        author: MemberRef::new(row.author_id, row.author_name, links),
        title: row.title,
        story_html: crate::domain::markdown::to_html(&row.story),
        story: row.story,
        tags: row.tags,
        link: row.link,
        helped_by: HelpedBy { questions, tips },
        kudos_count: row.kudos_count,
        kudos_given: row.kudos_given,
        created_at: timestamp(row.created_at),
        updated_at: timestamp(row.updated_at),
        hidden: row.hidden,
        hidden_reason: row.hidden_reason,
    }
}

/// Validated win content, owned.
struct ValidWin {
    title: String,
    story: String,
    tags: Vec<TagSlug>,
    impact: Impact,
    money: Option<(f64, String)>,
    link: Option<String>,
    helped_by: HelpedBy,
}

async fn validate_win(state: &AppState, input: ValidWinInput<'_>) -> Result<ValidWin, ApiError> {
    let mut errors = FieldErrors::default();
    let title = errors.check(QuestionTitle::parse(input.title));
    let story = errors.check(multi_line(
        "story",
        input.story,
        1,
        crate::domain::text::BODY_MAX_CHARS,
    ));
    let tags = errors.check_all(TagSlug::parse_list("tags", input.tags));
    errors.check_all({
        let problems = check_impact(
            input.impact.minutes_saved_per_run,
            input.impact.runs_per_month,
            input.impact.people_helped,
        );
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    });
    let money = match input.money {
        Some(m) => errors
            .check_all(check_money(m.amount, Some(&m.currency)))
            .map(|code| Some((m.amount, code))),
        None => Some(None),
    };
    let link = match input.link.map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) => errors.check(check_link(l)).map(Some),
        None => Some(None),
    };
    let mut helped_by = input.helped_by.clone();
    helped_by.questions.sort_unstable();
    helped_by.questions.dedup();
    helped_by.tips.sort_unstable();
    helped_by.tips.dedup();
    for (field, count) in [
        ("helped_by.questions", helped_by.questions.len()),
        ("helped_by.tips", helped_by.tips.len()),
    ] {
        if count > MAX_HELPED_BY {
            errors.check::<()>(Err(FieldError::say(
                field,
                "too_many",
                "list-too-many",
                vec![
                    ("max", crate::i18n::Arg::from(MAX_HELPED_BY)),
                    ("count", crate::i18n::Arg::from(count)),
                ],
            )));
        }
    }
    let new_questions: Vec<i64> = helped_by
        .questions
        .iter()
        .copied()
        .filter(|q| !input.already.questions.contains(q))
        .collect();
    let new_tips: Vec<i64> = helped_by
        .tips
        .iter()
        .copied()
        .filter(|t| !input.already.tips.contains(t))
        .collect();
    // A hidden post the saver cannot see is "no such" post, as if it did not exist.
    let (missing_questions, missing_tips) = state
        .store
        .missing_help_targets(input.viewer, &new_questions, &new_tips)
        .await?;
    for (field, missing) in [
        ("helped_by.questions", missing_questions),
        ("helped_by.tips", missing_tips),
    ] {
        if !missing.is_empty() {
            let ids: Vec<String> = missing.iter().map(i64::to_string).collect();
            errors.check::<()>(Err(FieldError::say(
                field,
                "not_found",
                "helped-by-missing",
                vec![
                    (
                        "kind",
                        crate::i18n::Arg::from(if field.ends_with("tips") {
                            "tips"
                        } else {
                            "questions"
                        }),
                    ),
                    ("ids", crate::i18n::Arg::from(ids.join(", "))),
                ],
            )));
        }
    }
    match (title, story, tags, money, link, errors.is_empty()) {
        (Some(title), Some(story), Some(tags), Some(money), Some(link), true) => Ok(ValidWin {
            title: title.as_str().to_owned(),
            story,
            tags,
            // Stored at the documented resolution (tenths of a minute, hundredths of money),
            // never as `-0`.
            impact: Impact {
                minutes_saved_per_run: crate::domain::win::to_resolution(
                    input.impact.minutes_saved_per_run,
                    crate::domain::win::MINUTES_RESOLUTION,
                ),
                ..input.impact.clone()
            },
            money: money.map(|(amount, code)| {
                (
                    crate::domain::win::to_resolution(amount, crate::domain::win::MONEY_RESOLUTION),
                    code,
                )
            }),
            link,
            helped_by,
        }),
        _ => Err(errors.into_error()),
    }
}

struct ValidWinInput<'a> {
    title: &'a str,
    story: &'a str,
    tags: &'a [String],
    impact: &'a Impact,
    money: Option<&'a Money>,
    link: Option<&'a str>,
    helped_by: &'a HelpedBy,
    /// Who is saving: new citations must be of questions and tips they can see.
    viewer: crate::store::Viewer,
    /// Citations the win already has: kept without checking again (one may have been hidden
    /// since, and the author cannot see it any more).
    already: &'a HelpedBy,
}

fn content<'a>(win: &'a ValidWin, search_title: &'a str, search_body: &'a str) -> WinContent<'a> {
    WinContent {
        title: &win.title,
        story: &win.story,
        search_title,
        search_body,
        minutes_saved_per_run: win.impact.minutes_saved_per_run,
        runs_per_month: win.impact.runs_per_month,
        people_helped: win.impact.people_helped,
        money: win.money.as_ref().map(|(a, c)| (*a, c.as_str())),
        link: win.link.as_deref(),
        tags: &win.tags,
        helped_by_questions: &win.helped_by.questions,
        helped_by_tips: &win.helped_by.tips,
    }
}

/// Win `id` as `viewer` may see it; 404 when there is none or it is hidden from them.
pub async fn find_win(state: &AppState, id: i64, viewer: &Caller) -> Result<WinRow, ApiError> {
    state
        .store
        .win(id, viewer)
        .await?
        .ok_or(ApiError::NotFound("win"))
}

/// Log a win
///
/// Records something you automated and the time it saves. Name the questions and tips that
/// helped so their helpers get credit for the hours.
#[utoipa::path(
    tag = "wins",
    operation_id = "CreateWin",
    request_body = CreateWin,
    responses(
        (status = 201, description = "Created", body = Win, headers(("Location" = String, description = "URL of the new win"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/wins")]
pub async fn create_win(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Json(input): Json<CreateWin>,
) -> Result<HttpResponse, ApiError> {
    let id = log_win(&state, &caller, &input).await?;
    let win = win_view(
        find_win(&state, id, &caller).await?,
        &caller,
        &Links::new(&state, &req),
    );
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, win.api_link.clone()))
        .json(win))
}

/// Checks a new win as `caller` would log it, without saving: 422 with every invalid field
/// (the win page checks the rest of the form when a number could not be read).
pub async fn check_win(
    state: &AppState,
    caller: &Caller,
    input: &CreateWin,
) -> Result<(), ApiError> {
    validate_new_win(state, caller, input).await.map(|_| ())
}

async fn validate_new_win(
    state: &AppState,
    caller: &Caller,
    input: &CreateWin,
) -> Result<ValidWin, ApiError> {
    let helped_by = input.helped_by.clone().unwrap_or_default();
    validate_win(
        state,
        ValidWinInput {
            title: &input.title,
            story: &input.story,
            tags: &input.tags,
            impact: &input.impact,
            money: input.money_saved_per_month.as_ref(),
            link: input.link.as_deref(),
            helped_by: &helped_by,
            viewer: caller.into(),
            already: &HelpedBy::default(),
        },
    )
    .await
}

/// Logs `caller`'s win (the API's `POST /wins` and the pages' win form) and returns its id.
/// Errors: 422 with every invalid field (a cited question or tip that does not exist
/// included).
pub async fn log_win(
    state: &AppState,
    caller: &Caller,
    input: &CreateWin,
) -> Result<i64, ApiError> {
    let valid = validate_new_win(state, caller, input).await?;
    let (search_title, search_body) = (normalize(&valid.title), normalize(&valid.story));
    let id = state
        .store
        .create_win(
            caller.member_id,
            &content(&valid, &search_title, &search_body),
        )
        .await?;
    tracing::info!(win_id = id, "win logged");
    Ok(id)
}

/// List wins
///
/// Lists wins, newest first, by topic, member or date.
#[utoipa::path(
    tag = "wins",
    operation_id = "ListWins",
    params(ListWinsParams),
    responses(
        (status = 200, description = "A page of wins", body = WinPage),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/wins")]
pub async fn list_wins(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    Query(params): Query<ListWinsParams>,
) -> Result<HttpResponse, ApiError> {
    let limit = page_limit(params.limit)?;
    let after = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(decode_cursor("w1", "newest", c)?),
        None => None,
    };
    let tag = optional_tag(params.tag.as_deref())?;
    let filter = WinFilter {
        tag,
        author: params.member,
        since: params.since.map(|s| {
            s.resolve(state.config.utc_offset_minutes)
                .timestamp_micros()
        }),
        after,
        limit: limit + 1,
    };
    let mut rows = state.store.list_wins(&caller, &filter).await?;
    let next_cursor = finish_page(&mut rows, limit, "w1", "newest", |last| SortKey {
        rank: 0,
        sort_key: last.sort_key,
        id: last.id,
    });
    let links = Links::new(&state, &req);
    let next_link = next_cursor.as_deref().map(|c| links.with_cursor(&req, c));
    Ok(HttpResponse::Ok().json(WinPage {
        items: rows
            .into_iter()
            .map(|r| win_view(r, &caller, &links))
            .collect(),
        next_cursor,
        next_link,
    }))
}

/// Get a win
///
/// Returns one win with its impact and what helped.
#[utoipa::path(
    tag = "wins",
    operation_id = "GetWin",
    params(("id" = i64, Path, description = "Win id")),
    responses(
        (status = 200, description = "The win", body = Win),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such win", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/wins/{id}")]
pub async fn get_win(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_win(&state, id.into_inner(), &caller).await?;
    let version = etag("win", row.id, row.updated_at);
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version))
        .json(win_view(row, &caller, &Links::new(&state, &req))))
}

/// Edit a win
///
/// Changes a win. The member who logged it or a moderator may edit.
#[utoipa::path(
    tag = "wins",
    operation_id = "UpdateWin",
    params(("id" = i64, Path, description = "Win id")),
    request_body = UpdateWin,
    responses(
        (status = 200, description = "The updated win", body = Win),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the author or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such win", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/wins/{id}")]
pub async fn update_win(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<UpdateWin>,
) -> Result<HttpResponse, ApiError> {
    let row = find_win(&state, id.into_inner(), &caller).await?;
    if row.author_id != caller.member_id && !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-win",
            vec![("action", crate::i18n::Arg::from("edit"))],
        )));
    }
    check_if_match(&req, &etag("win", row.id, row.updated_at))?;
    let current_impact = Impact {
        minutes_saved_per_run: row.minutes_saved_per_run,
        runs_per_month: row.runs_per_month,
        people_helped: row.people_helped,
    };
    let current_money = row
        .money_saved_per_month
        .zip(row.currency.clone())
        .map(|(amount, currency)| Money { amount, currency });
    let current_helped = HelpedBy {
        questions: row.helped_by_questions.clone(),
        tips: row.helped_by_tips.clone(),
    };
    // A moderator editing someone's win cannot see its anonymous citations (see win_view),
    // so a new list from them keeps those instead of silently dropping them.
    let edited_helped = input.helped_by.as_ref().map(|new| {
        let mut merged = new.clone();
        if row.author_id != caller.member_id {
            for q in &row.anonymous_citations {
                if !merged.questions.contains(q) {
                    merged.questions.push(*q);
                }
            }
        }
        merged
    });
    let valid = validate_win(
        &state,
        ValidWinInput {
            title: input.title.as_deref().unwrap_or(&row.title),
            story: input.story.as_deref().unwrap_or(&row.story),
            tags: input.tags.as_deref().unwrap_or(&row.tags),
            impact: input.impact.as_ref().unwrap_or(&current_impact),
            money: input
                .money_saved_per_month
                .as_ref()
                .or(current_money.as_ref()),
            link: input.link.as_deref().or(row.link.as_deref()),
            helped_by: edited_helped.as_ref().unwrap_or(&current_helped),
            viewer: (&caller).into(),
            already: &current_helped,
        },
    )
    .await?;
    let (search_title, search_body) = (normalize(&valid.title), normalize(&valid.story));
    if !state
        .store
        .update_win(row.id, &content(&valid, &search_title, &search_body))
        .await?
    {
        return Err(ApiError::NotFound("win"));
    }
    let updated = find_win(&state, row.id, &caller).await?;
    Ok(HttpResponse::Ok().json(win_view(updated, &caller, &Links::new(&state, &req))))
}

/// Delete a win
///
/// Deletes a win. The member who logged it or a moderator may delete.
#[utoipa::path(
    tag = "wins",
    operation_id = "DeleteWin",
    params(("id" = i64, Path, description = "Win id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the author or a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such win", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/wins/{id}")]
pub async fn delete_win(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_win(&state, id.into_inner(), &caller).await?;
    if row.author_id != caller.member_id && !caller.role.can_moderate() {
        return Err(ApiError::Forbidden(crate::error::Text::say(
            "forbidden-win",
            vec![("action", crate::i18n::Arg::from("delete"))],
        )));
    }
    check_if_match(&req, &etag("win", row.id, row.updated_at))?;
    if !state.store.delete_win(row.id).await? {
        return Err(ApiError::NotFound("win"));
    }
    Ok(HttpResponse::NoContent().finish())
}

fn kudos_message(input: &KudosInput) -> Result<Option<String>, ApiError> {
    match input
        .message
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        None => Ok(None),
        Some(m) => crate::domain::text::single_line("message", m, 1, KUDOS_MESSAGE_MAX_CHARS)
            .map(Some)
            .map_err(|e| ApiError::Validation(vec![e])),
    }
}

/// What kudos are given to.
#[derive(Debug, Clone, Copy)]
pub enum KudosTarget {
    /// A win (its id).
    Win(i64),
    /// An answer (its id).
    Answer(i64),
}

/// Gives `caller`'s kudos to `target` (once per member and target; never to one's own post);
/// the API's `POST /wins/{id}/kudos` and `/answers/{id}/kudos` and the pages' kudos buttons
/// all come here. Errors: 404 when the post is not there for `caller`, 422 for one's own post
/// or an invalid message.
pub async fn give_kudos(
    state: &AppState,
    caller: &Caller,
    target: KudosTarget,
    input: &KudosInput,
) -> Result<Kudos, ApiError> {
    let (receiver, kind, target) = match target {
        KudosTarget::Win(id) => {
            let row = find_win(state, id, caller).await?;
            (row.author_id, "win", row.id)
        }
        KudosTarget::Answer(id) => {
            let answer = state
                .store
                .answer(id, caller)
                .await?
                .ok_or(ApiError::NotFound("answer"))?;
            (answer.author_id, "answer", answer.id)
        }
    };
    if receiver == caller.member_id {
        return Err(ApiError::Unprocessable(
            "own_item",
            crate::error::Text::say("own-kudos", vec![("kind", crate::i18n::Arg::from(kind))]),
        ));
    }
    let message = kudos_message(input)?;
    let (id, newly_given) = state
        .store
        .give_kudos(caller.member_id, receiver, kind, target, message.as_deref())
        .await?
        // The answer was deleted since it was looked up above.
        .ok_or(ApiError::NotFound("answer"))?;
    Ok(Kudos {
        id,
        target_kind: kind.to_owned(),
        target_id: target,
        newly_given,
    })
}

/// `201 Created` for new kudos, `200 OK` when they were already given.
fn kudos_answer(kudos: Kudos) -> HttpResponse {
    if kudos.newly_given {
        HttpResponse::Created().json(kudos)
    } else {
        HttpResponse::Ok().json(kudos)
    }
}

/// Give kudos to a win
///
/// Thanks the member who logged a win, with an optional message. Once per member per win; not
/// to your own win.
#[utoipa::path(
    tag = "wins",
    operation_id = "GiveWinKudos",
    params(("id" = i64, Path, description = "Win id")),
    request_body = KudosInput,
    responses(
        (status = 201, description = "Kudos given", body = Kudos),
        (status = 200, description = "Kudos were already given; nothing changed", body = Kudos),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such win", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Your own win, or an invalid message", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/wins/{id}/kudos")]
pub async fn give_win_kudos(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<KudosInput>,
) -> Result<HttpResponse, ApiError> {
    let target = KudosTarget::Win(id.into_inner());
    Ok(kudos_answer(
        give_kudos(&state, &caller, target, &input).await?,
    ))
}

/// Give kudos to an answer
///
/// Thanks the member who wrote an answer, with an optional message. Once per member per
/// answer; not to your own answer.
#[utoipa::path(
    tag = "answers",
    operation_id = "GiveAnswerKudos",
    params(("id" = i64, Path, description = "Answer id")),
    request_body = KudosInput,
    responses(
        (status = 201, description = "Kudos given", body = Kudos),
        (status = 200, description = "Kudos were already given; nothing changed", body = Kudos),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such answer", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Your own answer, or an invalid message", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/answers/{id}/kudos")]
pub async fn give_answer_kudos(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    Json(input): Json<KudosInput>,
) -> Result<HttpResponse, ApiError> {
    let target = KudosTarget::Answer(id.into_inner());
    Ok(kudos_answer(
        give_kudos(&state, &caller, target, &input).await?,
    ))
}
