//! Adaptive Cards for flows: a question, the tip of the day, a win and the community's
//! health figures as cards a flow posts to Teams in one step (Teams' "Post card in a chat or
//! channel" takes the answer as it is), in the caller's language, each with a button to the
//! page (`web_url`).
//!
//! Why here and not in a flow: a flow maker would otherwise assemble card JSON by hand from a
//! dozen dynamic-content fields, in one language, and could name an anonymous asker by
//! mistake. The cards are built from the same views as the API's answers (`question_view`,
//! `tip_view`, `win_view`), so an anonymous question's card never names its asker.
//!
//! Schema 1.5 (Teams' desktop, web and mobile clients render it): `TextBlock`s, `FactSet`s and
//! `Action.OpenUrl` only. Text is plain (Markdown stripped), `wrap`ped, and excerpts are
//! capped so a card stays short in a channel. The card's language is the answer's
//! `Content-Language`, not the card's `lang` property: the Adaptive Cards SDK (3.0.6) checks
//! `lang` with a stateful regular expression and refuses every second card parsed in a page
//! (found by the browser tests), and nothing on these cards depends on it.

use crate::api::links::Links;
use crate::api::questions::{find_question, question_view, Question};
use crate::api::stats::{health_summary, HealthSummary};
use crate::api::tips::{tip_of_the_day, tip_view, Tip};
use crate::api::wins::{find_win, win_view, Win};
use crate::api::AppState;
use crate::auth::Caller;
use crate::domain::event::excerpt;
use crate::domain::markdown::to_plain;
use crate::domain::question::QuestionStatus;
use crate::error::{ApiError, Problem};
use crate::i18n::{text, Arg, Language};
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

/// Characters of a question's, tip's or win's text shown on a card.
pub const CARD_EXCERPT_CHARS: usize = 280;

/// An Adaptive Card (schema version 1.5), ready for Teams' "Post card in a chat or channel"
/// (pass the whole answer as the card) or any Adaptive Card host.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdaptiveCard {
    /// Always `AdaptiveCard`.
    #[serde(rename = "type")]
    #[schema(example = "AdaptiveCard")]
    pub card_type: String,
    /// The Adaptive Cards schema version the card uses: `1.5`.
    #[schema(example = "1.5")]
    pub version: String,
    /// What a client that cannot show the card shows instead (a notification, an old client).
    #[serde(rename = "fallbackText")]
    #[schema(example = "承認フローで差し戻しされたときに申請者へ通知するには？")]
    pub fallback_text: String,
    /// The card's elements, top to bottom.
    pub body: Vec<CardElement>,
    /// The card's buttons: each opens a tsunagu page.
    pub actions: Vec<CardAction>,
}

/// One element of a card, as the Adaptive Cards schema 1.5 defines it: a `TextBlock` (a text
/// and its look) or a `FactSet` (title–value pairs). Absent properties take the schema's
/// defaults.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct CardElement {
    /// `TextBlock` or `FactSet`.
    #[serde(rename = "type")]
    #[schema(example = "TextBlock")]
    pub element_type: String,
    /// The text of a `TextBlock`, plain.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "承認フローで差し戻しされたときに申請者へ通知するには？")]
    pub text: Option<String>,
    /// Text size: `Small`, `Large` or `ExtraLarge`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// `Bolder` for titles and figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<String>,
    /// `Good` (green) for the hours a win saves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Whether the text is shown subdued (grey).
    #[serde(rename = "isSubtle", skip_serializing_if = "Option::is_none")]
    pub is_subtle: Option<bool>,
    /// Whether long text wraps (always, on these cards).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrap: Option<bool>,
    /// Space above the element: `None` to sit right under the one before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spacing: Option<String>,
    /// `heading` for the card's title (read as a heading by screen readers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    /// The title–value pairs of a `FactSet`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<Vec<CardFact>>,
    /// The runs of a `RichTextBlock`: members' own words (titles, names, excerpts) go here,
    /// because a `TextRun` is shown as typed while a `TextBlock` reads Markdown — a title like
    /// `[Claim your bonus](https://…)` must not become a link in a Teams channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inlines: Option<Vec<CardTextRun>>,
}

/// A run of text shown exactly as written (no Markdown), in a `RichTextBlock`.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct CardTextRun {
    /// Always `TextRun`.
    #[serde(rename = "type")]
    #[schema(example = "TextRun")]
    pub run_type: String,
    /// The words.
    #[schema(example = "承認フローで差し戻しされたときに申請者へ通知するには？")]
    pub text: String,
    /// Text size: `Large` for titles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// `Bolder` for titles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<String>,
    /// Whether the text is shown subdued (grey).
    #[serde(rename = "isSubtle", skip_serializing_if = "Option::is_none")]
    pub is_subtle: Option<bool>,
}

/// A title–value pair of a `FactSet`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CardFact {
    /// What the figure is.
    #[schema(example = "回答")]
    pub title: String,
    /// The figure, with its unit.
    #[schema(example = "2 件")]
    pub value: String,
}

impl CardElement {
    /// A `RichTextBlock` of one run of `text`, shown as typed.
    fn plain(run: CardTextRun) -> Self {
        Self {
            element_type: "RichTextBlock".into(),
            inlines: Some(vec![run]),
            ..Self::default()
        }
    }

    /// A `TextBlock` of `text` that wraps (tsunagu's own words only: it reads Markdown).
    fn text(text: String) -> Self {
        Self {
            element_type: "TextBlock".into(),
            text: Some(text),
            wrap: Some(true),
            ..Self::default()
        }
    }
}

/// A card's button that opens a page (`Action.OpenUrl`).
#[derive(Debug, Serialize, ToSchema)]
pub struct CardAction {
    /// Always `Action.OpenUrl`.
    #[serde(rename = "type")]
    #[schema(example = "Action.OpenUrl")]
    pub action_type: String,
    /// The button's words, in the card's language.
    #[schema(example = "質問を開く")]
    pub title: String,
    /// The page it opens (a `web_url`).
    #[schema(example = "https://tsunagu.example.com/questions/42")]
    pub url: String,
}

/// Builds one card in one language.
struct Card {
    language: Language,
    body: Vec<CardElement>,
    actions: Vec<CardAction>,
}

impl Card {
    fn new(language: Language) -> Self {
        Self {
            language,
            body: Vec::new(),
            actions: Vec::new(),
        }
    }

    fn t(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        text(self.language, id, args)
    }

    /// A small grey line above the title (what kind of card this is).
    fn kicker(mut self, words: String) -> Self {
        self.body.push(CardElement {
            size: Some("Small".into()),
            is_subtle: Some(true),
            ..CardElement::text(words)
        });
        self
    }

    /// tsunagu's own title for a card.
    fn heading(mut self, words: String) -> Self {
        self.body.push(CardElement {
            size: Some("Large".into()),
            weight: Some("Bolder".into()),
            style: Some("heading".into()),
            ..CardElement::text(words)
        });
        self
    }

    /// A member's title, as typed.
    fn title(mut self, words: &str) -> Self {
        self.body.push(CardElement::plain(CardTextRun {
            run_type: "TextRun".into(),
            text: words.to_owned(),
            size: Some("Large".into()),
            weight: Some("Bolder".into()),
            ..CardTextRun::default()
        }));
        self
    }

    /// A subdued line that holds members' words (names, tags), as typed.
    fn subtle(mut self, words: String) -> Self {
        self.body.push(CardElement {
            spacing: Some("None".into()),
            ..CardElement::plain(CardTextRun {
                run_type: "TextRun".into(),
                text: words,
                is_subtle: Some(true),
                ..CardTextRun::default()
            })
        });
        self
    }

    fn highlight(mut self, words: String) -> Self {
        self.body.push(CardElement {
            size: Some("ExtraLarge".into()),
            weight: Some("Bolder".into()),
            color: Some("Good".into()),
            ..CardElement::text(words)
        });
        self
    }

    /// The first [`CARD_EXCERPT_CHARS`] characters of Markdown `source`, as plain text.
    fn excerpt(mut self, source: &str) -> Self {
        let plain = excerpt(&to_plain(source), CARD_EXCERPT_CHARS);
        if !plain.is_empty() {
            self.body.push(CardElement::plain(CardTextRun {
                run_type: "TextRun".into(),
                text: plain,
                ..CardTextRun::default()
            }));
        }
        self
    }

    fn facts(mut self, facts: Vec<(String, String)>) -> Self {
        let facts = facts
            .into_iter()
            .map(|(title, value)| CardFact { title, value })
            .collect();
        self.body.push(CardElement {
            element_type: "FactSet".into(),
            facts: Some(facts),
            ..CardElement::default()
        });
        self
    }

    fn button(mut self, title: String, url: String) -> Self {
        self.actions.push(CardAction {
            action_type: "Action.OpenUrl".into(),
            title,
            url,
        });
        self
    }

    fn finish(self, fallback: String) -> AdaptiveCard {
        AdaptiveCard {
            card_type: "AdaptiveCard".into(),
            version: "1.5".into(),
            fallback_text: fallback,
            body: self.body,
            actions: self.actions,
        }
    }
}

/// Hours as the API and the pages write them (to the hundredth): `15`, `12.5`, `0.02`.
fn hours(value: f64) -> String {
    format!("{}", crate::domain::win::round_to_hundredths(value))
}

/// The card of `question` as its viewer may see it. An anonymous question's card never names
/// its asker — not even on the card she fetches herself: a card is made to be posted to a chat
/// or channel, where her own flow would otherwise show her name (found by a review helper).
pub fn question_card(question: &Question, language: Language) -> AdaptiveCard {
    let card = Card::new(language);
    let author = question.author.as_ref().filter(|_| !question.anonymous);
    let asked = match author {
        Some(author) => card.t(
            "card-asked-by",
            &[("name", Arg::from(author.display_name.as_str()))],
        ),
        None => card.t("card-asked-anonymously", &[]),
    };
    let tags = if question.tags.is_empty() {
        String::new()
    } else {
        format!(" · {}", question.tags.join(", "))
    };
    let status = match question.status {
        QuestionStatus::Open => "card-status-open",
        QuestionStatus::Answered => "card-status-answered",
        QuestionStatus::Resolved => "card-status-resolved",
    };
    let facts = vec![
        (
            card.t("card-answers", &[]),
            card.t("card-count", &[("count", Arg::from(question.answer_count))]),
        ),
        (card.t("card-status", &[]), card.t(status, &[])),
        (
            card.t("card-me-too", &[]),
            card.t(
                "card-people",
                &[("count", Arg::from(question.me_too_count))],
            ),
        ),
    ];
    let kicker = card.t("card-question", &[]);
    let open = card.t("card-open-question", &[]);
    let answer = card.t("card-answer-it", &[]);
    card.kicker(kicker)
        .title(&question.title)
        .subtle(format!("{asked}{tags}"))
        .excerpt(&question.body)
        .facts(facts)
        .button(open, question.web_url.clone())
        .button(answer, format!("{}#your-answer", question.web_url))
        .finish(format!("{} — {}", question.title, question.web_url))
}

/// The card of a tip of the day.
pub fn tip_card(tip: &Tip, language: Language) -> AdaptiveCard {
    let card = Card::new(language);
    let level = text(language, &format!("web-level-{}", tip.level.as_str()), &[]);
    let by = card.t(
        "card-tip-by",
        &[
            ("name", Arg::from(tip.author.display_name.as_str())),
            ("level", Arg::from(level.as_str())),
        ],
    );
    let kicker = card.t("card-tip-of-the-day", &[]);
    let open = card.t("card-open-tip", &[]);
    card.kicker(kicker)
        .title(&tip.title)
        .subtle(by)
        .excerpt(&tip.body)
        .button(open, tip.web_url.clone())
        .finish(format!("{} — {}", tip.title, tip.web_url))
}

/// The card of a win: the hours it saves first.
pub fn win_card(win: &Win, language: Language) -> AdaptiveCard {
    let card = Card::new(language);
    let by = card.t(
        "card-win-by",
        &[("name", Arg::from(win.author.display_name.as_str()))],
    );
    let saves = card.t(
        "card-win-hours",
        &[(
            "hours",
            Arg::from(hours(win.hours_saved_per_month).as_str()),
        )],
    );
    let facts = vec![
        (
            card.t("card-minutes-per-run", &[]),
            win.impact.minutes_saved_per_run.to_string(),
        ),
        (
            card.t("card-runs-per-month", &[]),
            win.impact.runs_per_month.to_string(),
        ),
        (
            card.t("card-people-helped", &[]),
            card.t(
                "card-people",
                &[("count", Arg::from(win.impact.people_helped))],
            ),
        ),
        (
            card.t("card-kudos", &[]),
            card.t("card-count", &[("count", Arg::from(win.kudos_count))]),
        ),
    ];
    let kicker = card.t("card-win", &[]);
    let open = card.t("card-open-win", &[]);
    let kudos = card.t("card-send-kudos", &[]);
    card.kicker(kicker)
        .title(&win.title)
        .subtle(by)
        .highlight(saves)
        .excerpt(&win.story)
        .facts(facts)
        .button(open, win.web_url.clone())
        .button(kudos, format!("{}#kudos", win.web_url))
        .finish(format!("{} — {}", win.title, win.web_url))
}

/// The card of the health figures, named as on the dashboard and in the connector.
pub fn summary_card(
    summary: &HealthSummary,
    language: Language,
    dashboard: String,
) -> AdaptiveCard {
    let card = Card::new(language);
    let labels = crate::connector::strings::Strings::new(language);
    let label = |field: &str| crate::api::stats::figure_label(&labels, field);
    let count = |n: i64| card.t("card-count", &[("count", Arg::from(n))]);
    let people = |n: i64| card.t("card-people", &[("count", Arg::from(n))]);
    let share = |s: f64| {
        card.t(
            "card-share",
            &[("percent", Arg::from(format!("{:.0}", s * 100.0).as_str()))],
        )
    };
    let time = |h: f64| card.t("card-hours", &[("hours", Arg::from(hours(h).as_str()))]);
    let mut facts = vec![
        (label("questions_asked"), count(summary.questions_asked)),
        (
            label("answered_within_24h_share"),
            share(summary.answered_within_24h_share),
        ),
    ];
    if let Some(median) = summary.median_hours_to_first_answer {
        facts.push((label("median_hours_to_first_answer"), time(median)));
    }
    facts.extend([
        (
            label("questions_without_answer"),
            count(summary.questions_without_answer),
        ),
        (
            label("first_time_askers"),
            people(summary.first_time_askers),
        ),
        (label("active_members"), people(summary.active_members)),
        (label("wins_logged"), count(summary.wins_logged)),
        (
            label("total_hours_saved_per_month"),
            time(summary.total_hours_saved_per_month),
        ),
        (label("kudos_given"), count(summary.kudos_given)),
    ]);
    let title = card.t("card-summary", &[]);
    let open = card.t("card-open-dashboard", &[]);
    let fallback = format!("{title} — {dashboard}");
    card.heading(title)
        .facts(facts)
        .button(open, dashboard)
        .finish(fallback)
}

/// A card as the answer, with its language as `Content-Language`.
fn card_answer(card: AdaptiveCard) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_LANGUAGE,
            crate::i18n::current().tag(),
        ))
        .json(card)
}

/// Get a question as an Adaptive Card
///
/// Returns the question as an Adaptive Card (schema 1.5) in the caller's language — title,
/// who asked (never an anonymous asker), an excerpt, answers and status — with buttons to
/// open and to answer it. Pass the whole answer as the card of Teams' "Post card in a chat
/// or channel".
#[utoipa::path(
    tag = "cards",
    operation_id = "GetQuestionCard",
    params(("id" = i64, Path, description = "Question id")),
    responses(
        (status = 200, description = "The card", body = AdaptiveCard),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/questions/{id}/card")]
pub async fn get_question_card(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_question(&state, id.into_inner(), &caller).await?;
    let question = question_view(row, &caller, &Links::new(&state, &req));
    Ok(card_answer(question_card(
        &question,
        crate::i18n::current(),
    )))
}

/// Get my tip of the day as an Adaptive Card
///
/// Returns the caller's tip of the day (as GetTipOfTheDay) as an Adaptive Card (schema 1.5)
/// in their language, with a button to open it — for a flow's morning post.
#[utoipa::path(
    tag = "cards",
    operation_id = "GetTipOfTheDayCard",
    responses(
        (status = 200, description = "The card", body = AdaptiveCard),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unseen tip is left at the caller's level", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/tips/daily/card")]
pub async fn get_tip_of_the_day_card(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let row = tip_of_the_day(&state, &caller).await?;
    let tip = tip_view(row, &caller, &Links::new(&state, &req));
    Ok(card_answer(tip_card(&tip, crate::i18n::current())))
}

/// Get a win as an Adaptive Card
///
/// Returns the win as an Adaptive Card (schema 1.5) in the caller's language — the hours it
/// saves each month and how, an excerpt, kudos — with buttons to open it and to send kudos.
#[utoipa::path(
    tag = "cards",
    operation_id = "GetWinCard",
    params(("id" = i64, Path, description = "Win id")),
    responses(
        (status = 200, description = "The card", body = AdaptiveCard),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such win", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/wins/{id}/card")]
pub async fn get_win_card(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = find_win(&state, id.into_inner(), &caller).await?;
    let win = win_view(row, &caller, &Links::new(&state, &req));
    Ok(card_answer(win_card(&win, crate::i18n::current())))
}

/// Get the health summary as an Adaptive Card
///
/// Returns the headline figures of the last 30 days (as GetHealthSummary) as an Adaptive
/// Card (schema 1.5) in the caller's language, with a button to the dashboard — for a
/// flow's weekly post to a manager's channel.
#[utoipa::path(
    tag = "cards",
    operation_id = "GetHealthSummaryCard",
    responses(
        (status = 200, description = "The card", body = AdaptiveCard),
        (status = 401, description = "No valid API key", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/stats/summary/card")]
pub async fn get_health_summary_card(
    state: web::Data<AppState>,
    req: HttpRequest,
    _caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let summary = health_summary(&state).await?;
    let dashboard = Links::new(&state, &req).site("/dashboard");
    Ok(card_answer(summary_card(
        &summary,
        crate::i18n::current(),
        dashboard,
    )))
}
