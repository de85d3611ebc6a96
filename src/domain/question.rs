//! Questions and answers: status, sorting, reactions and the anonymity rule.
//!
//! The anonymity rule lives here, in one function, so every response that shows an author
//! (questions, answers, listings, search, similar questions) applies the same test.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionStatus {
    /// No one other than the asker has answered yet.
    Open,
    /// Someone other than the asker has answered; no answer is accepted.
    Answered,
    /// The asker accepted an answer.
    Resolved,
}

impl QuestionStatus {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionStatus::Open => "open",
            QuestionStatus::Answered => "answered",
            QuestionStatus::Resolved => "resolved",
        }
    }

    /// Derives the status from the facts it depends on.
    pub fn derive(has_accepted_answer: bool, answered_by_someone_else: bool) -> Self {
        if has_accepted_answer {
            QuestionStatus::Resolved
        } else if answered_by_someone_else {
            QuestionStatus::Answered
        } else {
            QuestionStatus::Open
        }
    }

    /// Reads the stored form.
    pub fn from_stored(s: &str) -> Self {
        match s {
            "resolved" => QuestionStatus::Resolved,
            "answered" => QuestionStatus::Answered,
            _ => QuestionStatus::Open,
        }
    }
}

/// The order of a question listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum QuestionSort {
    /// Most recently asked first.
    #[default]
    Newest,
    /// Most recent activity (asked, answered, accepted, edited) first.
    Active,
    /// Least recently asked first: with `unanswered`, the question that has waited longest
    /// comes first.
    Oldest,
}

impl QuestionSort {
    /// The form used in cursors.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionSort::Newest => "newest",
            QuestionSort::Active => "active",
            QuestionSort::Oldest => "oldest",
        }
    }
}

/// A positive reaction to an answer. There are no down-votes, by design.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReactionKind {
    /// "This helped me."
    Helpful,
    /// "Thank you."
    Thanks,
}

impl ReactionKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReactionKind::Helpful => "helpful",
            ReactionKind::Thanks => "thanks",
        }
    }

    /// Reads the stored form.
    pub fn from_stored(s: &str) -> Option<Self> {
        match s {
            "helpful" => Some(ReactionKind::Helpful),
            "thanks" => Some(ReactionKind::Thanks),
            _ => None,
        }
    }
}

/// Whether `viewer` may see who asked a question. An anonymous question's author is visible to
/// the author alone: not to other members, not to moderators, not to admins.
pub fn asker_visible_to(anonymous: bool, asker_id: i64, viewer_id: i64) -> bool {
    !anonymous || asker_id == viewer_id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_answers_and_acceptance() {
        assert_eq!(QuestionStatus::derive(false, false), QuestionStatus::Open);
        assert_eq!(
            QuestionStatus::derive(false, true),
            QuestionStatus::Answered
        );
        assert_eq!(
            QuestionStatus::derive(true, false),
            QuestionStatus::Resolved
        );
    }

    #[test]
    fn anonymous_askers_are_visible_only_to_themselves() {
        assert!(asker_visible_to(false, 1, 2));
        assert!(asker_visible_to(true, 1, 1));
        assert!(!asker_visible_to(true, 1, 2));
    }
}
