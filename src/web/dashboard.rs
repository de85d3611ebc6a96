//! The community dashboard for moderators and admins — the page to show a manager's manager:
//! the last 30 days against the 30 before, the hours saved and the questions month by month,
//! the busiest topics, the questions waiting longest, the helpers (those who opted in to the
//! leaderboard), and the CSV. Figures come from the same computation as `/api/v1/stats/*`
//! (`domain::health::compute`) and are named as in the connector; nothing here is per
//! anonymous asker.

use super::page::{sign_in_first, Page};
use crate::api::links::Links;
use crate::api::questions::{question_view, Question};
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::health::{recent_months, rows, HealthRow};
use crate::domain::question::QuestionSort;
use crate::error::ApiError;
use crate::i18n::Arg;
use crate::store::questions::QuestionFilter;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration, FixedOffset, Offset, Utc};

/// One headline figure: its name, this period, the one before, and the change in words.
pub struct Figure {
    /// The figure's name (the connector's label).
    pub name: String,
    /// The last 30 days, with its unit.
    pub now: String,
    /// The 30 days before, with its unit.
    pub before: String,
    /// `+3`, `−2`, `±0` (percentage points for shares).
    pub change: String,
}

/// One month of a bar chart: its label, the value with its unit, and the bar's width (0–100).
pub struct Bar {
    /// `2026-11`.
    pub label: String,
    /// The value, with its unit.
    pub value: String,
    /// The bar's width as a share of the largest value, 0–100.
    pub width: u32,
}

/// The dashboard page.
#[derive(askama::Template)]
#[template(path = "dashboard.html")]
pub struct DashboardTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The headline figures, this period against the one before.
    pub figures: Vec<Figure>,
    /// Hours saved per month by the wins logged each month, the last 12 months.
    pub hours: Vec<Bar>,
    /// Questions asked each month, the last 12 months.
    pub questions: Vec<Bar>,
    /// The busiest topics: `(slug, posts)`.
    pub tags: Vec<(String, i64)>,
    /// The questions waiting longest for an answer.
    pub waiting: Vec<Question>,
    /// Helpers of the last 30 days (leaderboard opt-in): `(member id, name, best answers, kudos)`.
    pub helpers: Vec<(i64, String, i64, i64)>,
}

/// How many rows each list shows.
const LIST: i64 = 10;

/// `GET /dashboard`: moderators and admins, or every member with `TSUNAGU_DASHBOARD_FOR=members`
/// (403 page otherwise).
pub async fn dashboard(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    if !caller.role.can_moderate() && !state.config.dashboard_for_members {
        return ApiError::Forbidden(crate::error::Text::say("web-dashboard-forbidden", vec![]))
            .into_page(&page);
    }
    match build(&state, &req, &page, &caller).await {
        Ok(template) => page.render(StatusCode::OK, &template),
        Err(e) => e.into_page(&page),
    }
}

async fn build<'a>(
    state: &AppState,
    req: &HttpRequest,
    page: &'a Page,
    caller: &Caller,
) -> Result<DashboardTemplate<'a>, ApiError> {
    let language = page.language;
    let labels = crate::connector::strings::Strings::new(language);
    let label = |field: &str| crate::api::stats::figure_label(&labels, field);
    let t = |id: &str, name: &'static str, value: String| {
        crate::i18n::text(language, id, &[(name, Arg::from(value.as_str()))])
    };
    let count = |n: i64| t("card-count", "count", n.to_string());
    let people = |n: i64| crate::i18n::text(language, "card-people", &[("count", Arg::from(n))]);
    let hours = |h: f64| {
        t(
            "card-hours",
            "hours",
            format!("{}", (h * 10.0).round() / 10.0),
        )
    };
    let share = |s: f64| t("card-share", "percent", format!("{:.0}", s * 100.0));
    // A wait under an hour in minutes (a median of 36 seconds read "0 hours").
    let wait = |h: f64| {
        let minutes = (h * 60.0).round();
        if h >= 1.0 {
            hours(h)
        } else if minutes < 1.0 {
            crate::i18n::text(language, "card-under-a-minute", &[])
        } else {
            crate::i18n::text(
                language,
                "card-minutes",
                &[("minutes", Arg::from(minutes as i64))],
            )
        }
    };

    let now = Utc::now();
    let periods = [
        (now - Duration::days(60), now - Duration::days(30)),
        (now - Duration::days(30), now),
    ];
    // Month by month, this month and the 11 before it (in the members' time zone).
    let months = recent_months(now, 12, state.config.utc_offset_minutes);
    // The reads are independent: side by side (on PostgreSQL each is a round trip). Only the
    // two charted figures are counted for the months.
    let links = Links::new(state, req);
    let waiting_filter = QuestionFilter {
        tag: None,
        status: None,
        unanswered: true,
        asked_by: None,
        search: None,
        sort: QuestionSort::Oldest,
        after: None,
        limit: LIST,
    };
    let (facts, counts, tags, waiting, helpers) = tokio::try_join!(
        async { Ok::<_, ApiError>(state.store.health_facts(None, &periods).await?) },
        async { Ok(state.store.asked_and_hours(&months).await?) },
        super::busiest_topics(state, LIST),
        async { Ok(state.store.list_questions(caller, &waiting_filter).await?) },
        async {
            Ok(state
                .store
                .leaderboard((now - Duration::days(30)).timestamp_micros(), LIST)
                .await?)
        },
    )?;
    let periods = rows(&facts, &periods);
    let (before, current) = (&periods[0], &periods[1]);
    let diff = |a: f64, b: f64, points: bool| {
        let d = if points { (a - b) * 100.0 } else { a - b };
        let d = (d * 10.0).round() / 10.0;
        let unit = if points { " pt" } else { "" };
        if d > 0.0 {
            format!("+{d}{unit}")
        } else if d < 0.0 {
            format!("−{}{unit}", -d)
        } else {
            format!("±0{unit}")
        }
    };
    let figure = |field: &str, now: String, was: String, change: String| Figure {
        name: label(field),
        now,
        before: was,
        change,
    };
    let n = |row: &HealthRow, f: fn(&HealthRow) -> i64| f(row) as f64;
    let mut figures = vec![figure(
        "questions_asked",
        count(current.questions_asked),
        count(before.questions_asked),
        diff(
            n(current, |r| r.questions_asked),
            n(before, |r| r.questions_asked),
            false,
        ),
    )];
    // A share of no questions is not 0 %: it is shown as "—", and so is its change.
    let share_of =
        |row: &HealthRow| (row.questions_asked > 0).then_some(row.answered_within_24h_share);
    let none = || "—".to_owned();
    figures.push(figure(
        "answered_within_24h_share",
        share_of(current).map(share).unwrap_or_else(none),
        share_of(before).map(share).unwrap_or_else(none),
        share_of(current)
            .zip(share_of(before))
            .map(|(a, b)| diff(a, b, true))
            .unwrap_or_else(none),
    ));
    // A period with no answered question has no median: "—", like the share above.
    let (a, b) = (
        current.median_hours_to_first_answer,
        before.median_hours_to_first_answer,
    );
    figures.push(figure(
        "median_hours_to_first_answer",
        a.map(wait).unwrap_or_else(none),
        b.map(wait).unwrap_or_else(none),
        a.zip(b)
            .map(|(a, b)| diff(a, b, false))
            .unwrap_or_else(none),
    ));
    for (field, get, unit_people) in [
        (
            "first_time_askers",
            (|r: &HealthRow| r.first_time_askers) as fn(&HealthRow) -> i64,
            true,
        ),
        ("active_members", |r: &HealthRow| r.active_members, true),
        ("wins_logged", |r: &HealthRow| r.wins_logged, false),
        ("kudos_given", |r: &HealthRow| r.kudos_given, false),
        (
            "anonymous_questions_asked",
            |r: &HealthRow| r.anonymous_questions_asked,
            false,
        ),
    ] {
        let show = |v: i64| if unit_people { people(v) } else { count(v) };
        figures.push(figure(
            field,
            show(get(current)),
            show(get(before)),
            diff(get(current) as f64, get(before) as f64, false),
        ));
    }
    figures.push(figure(
        "hours_saved_per_month",
        hours(current.hours_saved_per_month),
        hours(before.hours_saved_per_month),
        diff(
            current.hours_saved_per_month,
            before.hours_saved_per_month,
            false,
        ),
    ));

    let offset =
        FixedOffset::east_opt(state.config.utc_offset_minutes * 60).unwrap_or_else(|| Utc.fix());
    let bars = |value: &dyn Fn(&(i64, f64)) -> f64, show: &dyn Fn(f64) -> String| -> Vec<Bar> {
        let largest = counts.iter().map(value).fold(0.0_f64, f64::max);
        months
            .iter()
            .zip(&counts)
            .map(|((start, _), c)| Bar {
                label: start.with_timezone(&offset).format("%Y-%m").to_string(),
                value: show(value(c)),
                width: if largest > 0.0 {
                    (value(c) / largest * 100.0).round() as u32
                } else {
                    0
                },
            })
            .collect()
    };
    let hours_bars = bars(&|c| c.1, &|v| hours(v));
    let question_bars = bars(&|c| c.0 as f64, &|v| count(v as i64));

    let waiting = waiting
        .into_iter()
        .map(|r| question_view(r, caller, &links))
        .collect();
    let helpers = helpers
        .into_iter()
        // Opted in to the leaderboard, but a helper only if they helped.
        .filter(|p| {
            p.accepted_answers > 0
                || p.helpful_answers > 0
                || p.kudos_received > 0
                || p.minutes_credited > 0.0
        })
        .map(|p| {
            (
                p.member_id,
                p.display_name,
                p.accepted_answers,
                p.kudos_received,
            )
        })
        .collect();
    Ok(DashboardTemplate {
        page,
        figures,
        hours: hours_bars,
        questions: question_bars,
        tags,
        waiting,
        helpers,
    })
}
