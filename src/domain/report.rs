//! Reports of hurtful posts and what moderators do with them.
//!
//! Any member may report a question, answer, tip or win once, with a reason and an optional
//! note. The reporter is never shown: not to the author, not to other members, and not to
//! moderators either (a moderator may be the author's friend), in no response, event or log.
//! Moderators resolve a report by hiding the post (its author and moderators still see it,
//! with the reason), by recording that they edited it, or by dismissing it; resolving one
//! report closes every open report of the same post.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::text::multi_line;

/// Longest note a reporter may add, in characters.
pub const NOTE_MAX_CHARS: usize = 1000;
/// Longest reason a moderator may give, in characters.
pub const RESOLUTION_REASON_MAX_CHARS: usize = 500;

/// What kind of post a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReportTargetKind {
    /// A question.
    Question,
    /// An answer.
    Answer,
    /// A tip.
    Tip,
    /// A win.
    Win,
}

impl ReportTargetKind {
    /// Every kind.
    pub const ALL: [ReportTargetKind; 4] = [
        ReportTargetKind::Question,
        ReportTargetKind::Answer,
        ReportTargetKind::Tip,
        ReportTargetKind::Win,
    ];

    /// The stored and wire form (`question`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReportTargetKind::Question => "question",
            ReportTargetKind::Answer => "answer",
            ReportTargetKind::Tip => "tip",
            ReportTargetKind::Win => "win",
        }
    }

    /// Reads the stored form.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The table the posts of this kind live in.
    pub fn table(self) -> &'static str {
        match self {
            ReportTargetKind::Question => "questions",
            ReportTargetKind::Answer => "answers",
            ReportTargetKind::Tip => "tips",
            ReportTargetKind::Win => "wins",
        }
    }

    /// The post's path in the API (`/questions/42`).
    pub fn path(self, id: i64) -> String {
        format!("/{}/{id}", self.table())
    }

    /// The post's page (`/questions/42`; an answer's page is its question's, reached through
    /// `/answers/9`).
    pub fn page_path(self, id: i64) -> String {
        match self {
            ReportTargetKind::Question => super::pages::question(id),
            ReportTargetKind::Answer => super::pages::answer_by_id(id),
            ReportTargetKind::Tip => super::pages::tip(id),
            ReportTargetKind::Win => super::pages::win(id),
        }
    }
}

/// Why a member reports a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    /// Unkind or hurtful.
    Unkind,
    /// Spam or advertising.
    Spam,
    /// Shows someone's personal information.
    PersonalInformation,
    /// Something else (say what in the note).
    Other,
}

impl ReportReason {
    /// Every reason.
    pub const ALL: [ReportReason; 4] = [
        ReportReason::Unkind,
        ReportReason::Spam,
        ReportReason::PersonalInformation,
        ReportReason::Other,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Unkind => "unkind",
            ReportReason::Spam => "spam",
            ReportReason::PersonalInformation => "personal_information",
            ReportReason::Other => "other",
        }
    }

    /// Reads the stored form; unknown text (never written) reads as `other`.
    pub fn from_stored(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .unwrap_or(ReportReason::Other)
    }
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum ReportStatus {
    /// Waiting for a moderator.
    #[default]
    Open,
    /// A moderator hid the post.
    Hidden,
    /// A moderator edited the post.
    Edited,
    /// A moderator found nothing to do.
    Dismissed,
}

impl ReportStatus {
    /// Every status.
    pub const ALL: [ReportStatus; 4] = [
        ReportStatus::Open,
        ReportStatus::Hidden,
        ReportStatus::Edited,
        ReportStatus::Dismissed,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Open => "open",
            ReportStatus::Hidden => "hidden",
            ReportStatus::Edited => "edited",
            ReportStatus::Dismissed => "dismissed",
        }
    }

    /// Reads the stored form; unknown text (never written) reads as `open`.
    pub fn from_stored(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .unwrap_or_default()
    }
}

/// What a moderator does with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ResolveAction {
    /// Hide the post from everyone but its author and moderators (a reason is required).
    Hide,
    /// Record that a moderator edited the post (edit it first with its PATCH operation).
    Edited,
    /// Nothing to do: close the report.
    Dismiss,
}

impl ResolveAction {
    /// The status the post's open reports get.
    pub fn status(self) -> ReportStatus {
        match self {
            ResolveAction::Hide => ReportStatus::Hidden,
            ResolveAction::Edited => ReportStatus::Edited,
            ResolveAction::Dismiss => ReportStatus::Dismissed,
        }
    }
}

/// A reporter's optional note: 1–1,000 characters, line breaks and tabs allowed, no other
/// control characters. A blank note (what a form sends for an empty box) is no note.
pub fn parse_note(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw {
        None => Ok(None),
        Some(text) if text.trim().is_empty() => Ok(None),
        Some(text) => multi_line("note", text, 1, NOTE_MAX_CHARS).map(Some),
    }
}

/// A moderator's reason: required to hide (the author is shown it), optional otherwise;
/// 1–500 characters, line breaks and tabs allowed, no other control characters.
pub fn parse_resolution_reason(
    action: ResolveAction,
    raw: Option<&str>,
) -> Result<Option<String>, FieldError> {
    match raw.filter(|t| !t.trim().is_empty()) {
        None if action == ResolveAction::Hide => Err(FieldError::say(
            "reason",
            "required_to_hide",
            "reason-required-to-hide",
            vec![],
        )),
        None => Ok(None),
        Some(text) => multi_line("reason", text, 1, RESOLUTION_REASON_MAX_CHARS).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_forms_round_trip() {
        for kind in ReportTargetKind::ALL {
            assert_eq!(ReportTargetKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        for reason in ReportReason::ALL {
            assert_eq!(ReportReason::from_stored(reason.as_str()), reason);
            assert_eq!(serde_json::to_value(reason).unwrap(), reason.as_str());
        }
        for status in ReportStatus::ALL {
            assert_eq!(ReportStatus::from_stored(status.as_str()), status);
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
        }
        assert_eq!(
            serde_json::to_value(ReportReason::PersonalInformation).unwrap(),
            "personal_information"
        );
        assert_eq!(ReportTargetKind::Answer.path(9), "/answers/9");
    }

    #[test]
    fn notes_are_optional_and_counted_in_characters() {
        assert_eq!(parse_note(None).unwrap(), None);
        assert_eq!(parse_note(Some("  \n ")).unwrap(), None);
        assert_eq!(
            parse_note(Some("言い方が\nきつい")).unwrap().as_deref(),
            Some("言い方が\nきつい")
        );
        assert!(parse_note(Some(&"字".repeat(NOTE_MAX_CHARS))).is_ok());
        assert_eq!(
            parse_note(Some(&"字".repeat(NOTE_MAX_CHARS + 1)))
                .unwrap_err()
                .code,
            "too_long"
        );
        assert_eq!(
            parse_note(Some("a\u{7}b")).unwrap_err().code,
            "invalid_character"
        );
    }

    #[test]
    fn hiding_needs_a_reason_and_the_others_do_not() {
        let hide = parse_resolution_reason(ResolveAction::Hide, None).unwrap_err();
        assert_eq!(
            (hide.field.as_str(), hide.code.as_str()),
            ("reason", "required_to_hide")
        );
        assert!(parse_resolution_reason(ResolveAction::Hide, Some(" ")).is_err());
        assert_eq!(
            parse_resolution_reason(ResolveAction::Dismiss, None).unwrap(),
            None
        );
        assert_eq!(
            parse_resolution_reason(ResolveAction::Hide, Some("個人情報を含むため"))
                .unwrap()
                .as_deref(),
            Some("個人情報を含むため")
        );
        assert_eq!(
            parse_resolution_reason(
                ResolveAction::Edited,
                Some(&"x".repeat(RESOLUTION_REASON_MAX_CHARS + 1))
            )
            .unwrap_err()
            .code,
            "too_long"
        );
        assert_eq!(ResolveAction::Hide.status(), ReportStatus::Hidden);
    }
}
