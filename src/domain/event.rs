//! Events: what happened in the community, as flows see it.
//!
//! An event is recorded with the change that caused it (same transaction) and is what webhook
//! subscriptions receive and `GET /events` lists. Its data is a snapshot written only from
//! what every member may see: an anonymous question carries no asker, an anonymous asker's
//! own answer carries no author, and kudos she gives inside her own thread come "from the
//! asker", so a payload never reveals her. The snapshot shows the present, not the past: when
//! its question becomes anonymous or is edited, the store rewrites it, and when what it is
//! about is deleted or hidden, the event and its unsent deliveries go (see
//! `store::events`). Links are not stored; they are added when the event is sent or listed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::report::{ReportReason, ReportTargetKind};
use super::tip::TipLevel;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum EventType {
    /// A question was posted.
    #[serde(rename = "question.posted")]
    QuestionPosted,
    /// An answer was posted to a question.
    #[serde(rename = "question.answered")]
    QuestionAnswered,
    /// The asker accepted an answer.
    #[serde(rename = "answer.accepted")]
    AnswerAccepted,
    /// A question has had no answer from another member for some hours.
    #[serde(rename = "question.unanswered")]
    QuestionUnanswered,
    /// A tip was published.
    #[serde(rename = "tip.published")]
    TipPublished,
    /// A win was logged.
    #[serde(rename = "win.logged")]
    WinLogged,
    /// A member received kudos.
    #[serde(rename = "kudos.received")]
    KudosReceived,
    /// A member reported a post (listed and sent to moderators only; never names the reporter).
    #[serde(rename = "post.reported")]
    PostReported,
    /// A moderator hid a post (listed to its author only; never names the moderator).
    #[serde(rename = "post.hidden")]
    PostHidden,
}

impl EventType {
    /// Every event type.
    pub const ALL: [EventType; 9] = [
        EventType::QuestionPosted,
        EventType::QuestionAnswered,
        EventType::AnswerAccepted,
        EventType::QuestionUnanswered,
        EventType::TipPublished,
        EventType::WinLogged,
        EventType::KudosReceived,
        EventType::PostReported,
        EventType::PostHidden,
    ];

    /// The stored and wire form (`question.posted`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::QuestionPosted => "question.posted",
            EventType::QuestionAnswered => "question.answered",
            EventType::AnswerAccepted => "answer.accepted",
            EventType::QuestionUnanswered => "question.unanswered",
            EventType::TipPublished => "tip.published",
            EventType::WinLogged => "win.logged",
            EventType::KudosReceived => "kudos.received",
            EventType::PostReported => "post.reported",
            EventType::PostHidden => "post.hidden",
        }
    }

    /// Reads the stored form.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Which parts of an [`Event`] this type carries (beyond id, type and time).
    pub fn parts(self) -> &'static [&'static str] {
        match self {
            EventType::QuestionPosted => &["question"],
            EventType::QuestionAnswered | EventType::AnswerAccepted => &["question", "answer"],
            EventType::QuestionUnanswered => &["question", "unanswered_hours"],
            EventType::TipPublished => &["tip"],
            EventType::WinLogged => &["win"],
            EventType::KudosReceived => &["kudos"],
            EventType::PostReported => &["report"],
            EventType::PostHidden => &["hidden_post"],
        }
    }

    /// Parts this type may carry besides [`EventType::parts`]: a report carries the reported
    /// post as the part of its kind (an answer with its question).
    pub fn optional_parts(self) -> &'static [&'static str] {
        match self {
            EventType::PostReported => &["question", "answer", "tip", "win"],
            _ => &[],
        }
    }

    /// The name of the schema of this type's payload (`QuestionPostedEvent`).
    pub fn schema_name(self) -> &'static str {
        match self {
            EventType::QuestionPosted => "QuestionPostedEvent",
            EventType::QuestionAnswered => "QuestionAnsweredEvent",
            EventType::AnswerAccepted => "AnswerAcceptedEvent",
            EventType::QuestionUnanswered => "QuestionUnansweredEvent",
            EventType::TipPublished => "TipPublishedEvent",
            EventType::WinLogged => "WinLoggedEvent",
            EventType::KudosReceived => "KudosReceivedEvent",
            EventType::PostReported => "PostReportedEvent",
            EventType::PostHidden => "PostHiddenEvent",
        }
    }

    /// Whether only one member may see events of this type: kudos go to their receiver, and
    /// the news that a post was hidden to its author; they are listed to nobody else.
    pub fn is_personal(self) -> bool {
        matches!(self, EventType::KudosReceived | EventType::PostHidden)
    }

    /// Whether only moderators and admins may see (and subscribe to) events of this type.
    pub fn is_for_moderators(self) -> bool {
        self == EventType::PostReported
    }
}

/// Someone named in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventMember {
    /// Member id.
    #[schema(example = 7)]
    pub id: i64,
    /// The name shown to others.
    #[schema(example = "山田 花子")]
    pub display_name: String,
    /// The member's profile page, to open in a browser or a Teams tab.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/members/7")]
    pub web_url: String,
}

impl EventMember {
    /// Member `id` named `display_name` (the page link is added when the event is sent).
    pub fn new(id: i64, display_name: String) -> Self {
        Self {
            id,
            display_name,
            web_url: String::new(),
        }
    }
}

/// The question an event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventQuestion {
    /// Question id.
    #[schema(example = 42)]
    pub id: i64,
    /// The question in one line.
    #[schema(example = "承認フローで差し戻しされたときに申請者へ通知するには？")]
    pub title: String,
    /// Topics.
    #[schema(example = json!(["approvals"]))]
    pub tags: Vec<String>,
    /// Whether the asker chose to stay anonymous.
    pub anonymous: bool,
    /// Who asked; absent when the question is anonymous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asker: Option<EventMember>,
    /// When it was asked.
    pub created_at: DateTime<Utc>,
    /// The question's URL in this API.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/questions/42")]
    pub link: String,
    /// The question's page, to open in a browser or a Teams tab.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/questions/42")]
    pub web_url: String,
}

impl EventQuestion {
    /// A question as events show it: the asker is named only when it is not anonymous.
    pub fn new(
        id: i64,
        title: String,
        tags: Vec<String>,
        anonymous: bool,
        asker: EventMember,
        created_at: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            title,
            tags,
            anonymous,
            asker: (!anonymous).then_some(asker),
            created_at,
            link: String::new(),
            web_url: String::new(),
        }
    }
}

/// The answer an event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventAnswer {
    /// Answer id.
    #[schema(example = 9)]
    pub id: i64,
    /// The question it answers.
    #[schema(example = 42)]
    pub question_id: i64,
    /// The first 280 characters of the answer, in Markdown.
    #[schema(example = "条件分岐で「差し戻し」を判定して、メール送信アクションを追加します。")]
    pub excerpt: String,
    /// `excerpt` rendered as sanitised HTML (as `body_html` of an answer), for Teams posts and
    /// Power Apps' HTML text control.
    #[serde(default)]
    #[schema(
        example = "<p>条件分岐で「差し戻し」を判定して、メール送信アクションを追加します。</p>"
    )]
    pub excerpt_html: String,
    /// Who answered; absent when the anonymous asker answered their own question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<EventMember>,
    /// When it was posted.
    pub created_at: DateTime<Utc>,
    /// The answer's URL in this API.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/answers/9")]
    pub link: String,
    /// The answer on its question's page, to open in a browser or a Teams tab.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/questions/42#answer-9")]
    pub web_url: String,
}

/// The tip an event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventTip {
    /// Tip id.
    #[schema(example = 5)]
    pub id: i64,
    /// The tip in one line.
    #[schema(example = "Outlook のメール添付を SharePoint に自動保存する")]
    pub title: String,
    /// Topics.
    #[schema(example = json!(["sharepoint"]))]
    pub tags: Vec<String>,
    /// Who the tip is written for.
    pub level: TipLevel,
    /// Who wrote it.
    pub author: EventMember,
    /// The tip's URL in this API.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/tips/5")]
    pub link: String,
    /// The tip's page, to open in a browser or a Teams tab.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/tips/5")]
    pub web_url: String,
}

/// The win an event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventWin {
    /// Win id.
    #[schema(example = 3)]
    pub id: i64,
    /// The win in one line.
    #[schema(example = "請求書の転記を自動化して月20時間削減")]
    pub title: String,
    /// Topics.
    #[schema(example = json!(["excel"]))]
    pub tags: Vec<String>,
    /// Who logged it.
    pub author: EventMember,
    /// Hours saved per month (minutes per run × runs per month × people ÷ 60).
    #[schema(example = 20.0)]
    pub hours_saved_per_month: f64,
    /// The win's URL in this API.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/wins/3")]
    pub link: String,
    /// The win's page, to open in a browser or a Teams tab.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/wins/3")]
    pub web_url: String,
}

/// The kudos an event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventKudos {
    /// Kudos id.
    #[schema(example = 11)]
    pub id: i64,
    /// Who gave it; absent when the anonymous asker gave it inside her own question's thread
    /// (then `from_asker` is true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<EventMember>,
    /// True when the kudos came from the question's anonymous asker, who stays unnamed.
    #[serde(default)]
    pub from_asker: bool,
    /// What it was given for: `win` or `answer`.
    #[schema(example = "answer")]
    pub target_kind: String,
    /// The win's or answer's id.
    #[schema(example = 9)]
    pub target_id: i64,
    /// The thank-you message, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "助かりました！")]
    pub message: Option<String>,
    /// The win's or answer's URL in this API.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/answers/9")]
    pub link: String,
    /// The page of the win or answer, to open in a browser or a Teams tab.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/answers/9")]
    pub web_url: String,
}

/// The report an event is about. It never names the reporter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventReport {
    /// Report id.
    #[schema(example = 4)]
    pub id: i64,
    /// What kind of post was reported.
    pub target_kind: ReportTargetKind,
    /// The reported post's id.
    #[schema(example = 9)]
    pub target_id: i64,
    /// The reported post's title (question, tip, win) or its first 280 characters (answer).
    #[schema(example = "条件分岐で「差し戻し」を判定して、メール送信アクションを追加します。")]
    pub target_title: String,
    /// Why it was reported.
    pub reason: ReportReason,
    /// The reporter's note, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "言い方がきつく、初心者が質問しづらくなると思います。")]
    pub note: Option<String>,
    /// How many members have reported this post so far (this report included).
    #[schema(example = 1)]
    pub report_count: i64,
    /// The reported post's URL in this API.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/answers/9")]
    pub target_link: String,
    /// The reported post's page, to open in a browser or a Teams tab.
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/answers/9")]
    pub target_web_url: String,
    /// The report's URL in this API (for moderators).
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/reports/4")]
    pub link: String,
}

/// The post a moderator hid, as its author is told. It never names the moderator or the
/// reporters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventHiddenPost {
    /// What kind of post was hidden.
    pub target_kind: ReportTargetKind,
    /// The hidden post's id.
    #[schema(example = 9)]
    pub target_id: i64,
    /// The post's title (question, tip, win) or its first 280 characters (answer).
    #[schema(example = "条件分岐で「差し戻し」を判定して、メール送信アクションを追加します。")]
    pub target_title: String,
    /// Why the moderator hid it.
    #[schema(example = "個人の電話番号が含まれていたため、非表示にしました。")]
    pub reason: String,
    /// The post's URL in this API (its author and moderators can still open it).
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/api/v1/answers/9")]
    pub target_link: String,
    /// The post's page (its author and moderators can still open it).
    #[serde(default)]
    #[schema(example = "https://tsunagu.example.com/answers/9")]
    pub target_web_url: String,
}

/// The stored snapshot of an event: which parts are present depends on its type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<EventQuestion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<EventAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<EventTip>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win: Option<EventWin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kudos: Option<EventKudos>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unanswered_hours: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<EventReport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden_post: Option<EventHiddenPost>,
}

impl EventData {
    /// Adds links to every part from the site's base URL (`https://host`, or with the path
    /// tsunagu is served under): `link` into the API (`{site}/api/v1/...`), `web_url` to the
    /// page a person opens (`{site}/questions/42`).
    pub fn with_links(mut self, site: &str) -> Self {
        use super::pages;
        let api = format!("{site}{}", crate::api::API_PREFIX);
        let person = |m: &mut EventMember| m.web_url = format!("{site}{}", pages::member(m.id));
        if let Some(q) = &mut self.question {
            q.link = format!("{api}/questions/{}", q.id);
            q.web_url = format!("{site}{}", pages::question(q.id));
            q.asker.as_mut().map(person);
        }
        if let Some(a) = &mut self.answer {
            a.link = format!("{api}/answers/{}", a.id);
            a.web_url = format!("{site}{}", pages::answer(a.question_id, a.id));
            a.excerpt_html = super::markdown::to_html(&a.excerpt);
            a.author.as_mut().map(person);
        }
        if let Some(t) = &mut self.tip {
            t.link = format!("{api}/tips/{}", t.id);
            t.web_url = format!("{site}{}", pages::tip(t.id));
            person(&mut t.author);
        }
        if let Some(w) = &mut self.win {
            w.link = format!("{api}/wins/{}", w.id);
            w.web_url = format!("{site}{}", pages::win(w.id));
            person(&mut w.author);
        }
        if let Some(k) = &mut self.kudos {
            k.link = format!("{api}/{}s/{}", k.target_kind, k.target_id);
            k.web_url = match k.target_kind.as_str() {
                "win" => format!("{site}{}", pages::win(k.target_id)),
                _ => format!("{site}{}", pages::answer_by_id(k.target_id)),
            };
            k.from.as_mut().map(person);
        }
        if let Some(r) = &mut self.report {
            r.link = format!("{api}/reports/{}", r.id);
            r.target_link = format!("{api}{}", r.target_kind.path(r.target_id));
            r.target_web_url = format!("{site}{}", r.target_kind.page_path(r.target_id));
        }
        if let Some(h) = &mut self.hidden_post {
            h.target_link = format!("{api}{}", h.target_kind.path(h.target_id));
            h.target_web_url = format!("{site}{}", h.target_kind.page_path(h.target_id));
        }
        self
    }
}

/// Something that happened, as a webhook receives it and `GET /events` lists it. Which of
/// `question`, `answer`, `tip`, `win`, `kudos`, `report` and `hidden_post` are present depends
/// on `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    /// Event id; increases with time.
    #[schema(example = 1001)]
    pub id: i64,
    /// What happened.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// The question (question events, answers, acceptances).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<EventQuestion>,
    /// The answer (`question.answered`, `answer.accepted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<EventAnswer>,
    /// The tip (`tip.published`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<EventTip>,
    /// The win (`win.logged`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win: Option<EventWin>,
    /// The kudos (`kudos.received`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kudos: Option<EventKudos>,
    /// For `question.unanswered`: how many hours the question has waited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = 24)]
    pub unanswered_hours: Option<i64>,
    /// The report (`post.reported`, for moderators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<EventReport>,
    /// The hidden post (`post.hidden`, for its author).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden_post: Option<EventHiddenPost>,
}

impl Event {
    /// The wire form of a stored event, with links from the site's base URL (`https://host`).
    pub fn new(
        id: i64,
        event_type: EventType,
        occurred_at: DateTime<Utc>,
        data: EventData,
        site: &str,
    ) -> Self {
        let data = data.with_links(site);
        Self {
            id,
            event_type,
            occurred_at,
            question: data.question,
            answer: data.answer,
            tip: data.tip,
            win: data.win,
            kudos: data.kudos,
            unanswered_hours: data.unanswered_hours,
            report: data.report,
            hidden_post: data.hidden_post,
        }
    }
}

/// An event about to be recorded, with what subscriptions are matched on.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub event_type: EventType,
    pub data: EventData,
    /// Tags a subscription's `tag` filter is matched against.
    pub tags: Vec<String>,
    /// The tip level a subscription's `level` filter is matched against.
    pub level: Option<TipLevel>,
    /// Who "mine only" (and kudos) subscriptions are matched against: the asker, the answer's
    /// author, the kudos receiver. Never shown. Whether this member is hidden (an anonymous
    /// asker) is read from the question when it matters, never stored.
    pub audience: Option<i64>,
    /// For once-only events ("question 7 unanswered for 24 hours").
    pub dedupe_key: Option<String>,
}

/// The question, answer, tip and win an event is about (kudos on an answer: that answer and
/// its question).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventSubjects {
    pub question_id: Option<i64>,
    pub answer_id: Option<i64>,
    pub tip_id: Option<i64>,
    pub win_id: Option<i64>,
}

impl EventData {
    /// What this snapshot is about, as far as it says (kudos on an answer do not name the
    /// answer's question: the store looks it up).
    pub fn subjects(&self) -> EventSubjects {
        let kudos_on = |kind: &str| {
            self.kudos
                .as_ref()
                .filter(|k| k.target_kind == kind)
                .map(|k| k.target_id)
        };
        EventSubjects {
            question_id: self
                .question
                .as_ref()
                .map(|q| q.id)
                .or(self.answer.as_ref().map(|a| a.question_id)),
            answer_id: self.answer.as_ref().map(|a| a.id).or(kudos_on("answer")),
            tip_id: self.tip.as_ref().map(|t| t.id),
            win_id: self.win.as_ref().map(|w| w.id).or(kudos_on("win")),
        }
    }
}

/// The first `max` characters of `text` (counted in characters), with `…` when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_round_trip_through_their_stored_form() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
        }
        assert_eq!(EventType::parse("question.deleted"), None);
    }

    #[test]
    fn excerpts_count_characters() {
        assert_eq!(excerpt("承認フロー", 3), "承認フ…");
        assert_eq!(excerpt("short", 10), "short");
    }

    #[test]
    fn links_are_added_from_the_api_base() {
        let data = EventData {
            kudos: Some(EventKudos {
                id: 1,
                from: Some(EventMember::new(2, "a".into())),
                from_asker: false,
                target_kind: "answer".into(),
                target_id: 9,
                message: None,
                link: String::new(),
                web_url: String::new(),
            }),
            ..EventData::default()
        }
        .with_links("https://h/tsunagu");
        let kudos = data.kudos.unwrap();
        assert_eq!(kudos.link, "https://h/tsunagu/api/v1/answers/9");
        assert_eq!(kudos.web_url, "https://h/tsunagu/answers/9");
        assert_eq!(kudos.from.unwrap().web_url, "https://h/tsunagu/members/2");
    }
}
