//! Members and their roles.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Longest display name, in characters.
pub const DISPLAY_NAME_MAX_CHARS: usize = 80;
/// Longest API key name, in characters.
pub const KEY_NAME_MAX_CHARS: usize = 80;

/// What a member may do. Each role includes the ones before it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Asks, answers, reacts; edits only their own posts.
    #[default]
    Member,
    /// Also edits and deletes any post.
    Moderator,
    /// Also manages members.
    Admin,
}

impl Role {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// Reads the stored form; unknown text is the least-privileged role.
    pub fn from_stored(s: &str) -> Self {
        match s {
            "admin" => Role::Admin,
            "moderator" => Role::Moderator,
            _ => Role::Member,
        }
    }

    /// Whether this role may moderate other members' posts.
    pub fn can_moderate(self) -> bool {
        self >= Role::Moderator
    }
}

/// A member's display name: one line, 1–80 characters.
pub fn parse_display_name(raw: &str) -> Result<String, FieldError> {
    crate::domain::text::single_line("display_name", raw, 1, DISPLAY_NAME_MAX_CHARS)
}

/// An API key's label: one line, 1–80 characters.
pub fn parse_key_name(raw: &str) -> Result<String, FieldError> {
    crate::domain::text::single_line("name", raw, 1, KEY_NAME_MAX_CHARS)
}

/// An e-mail address, lower-cased; checked for shape only (one `@`, a dot in the domain).
pub fn parse_email(raw: &str) -> Result<String, FieldError> {
    // ASCII case only: Unicode lower-casing turns the Kelvin sign (U+212A) into "k", so a
    // lookalike address would match, and link to, someone else's.
    let email = raw.trim().to_ascii_lowercase();
    let invalid = || {
        FieldError::say(
            "email",
            "invalid",
            "email-invalid",
            vec![("value", crate::i18n::Arg::from(raw))],
        )
    };
    if email.chars().count() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid());
    }
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.') =>
        {
            Ok(email)
        }
        _ => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_privilege() {
        assert!(Role::Admin.can_moderate());
        assert!(Role::Moderator.can_moderate());
        assert!(!Role::Member.can_moderate());
        assert_eq!(Role::from_stored("bogus"), Role::Member);
    }

    #[test]
    fn emails_are_lowercased_and_checked_for_shape() {
        assert_eq!(
            parse_email(" Hana@Example.co.jp ").unwrap(),
            "hana@example.co.jp"
        );
        for bad in ["", "no-at", "a@b", "a@@b.c", "@b.c", "a b@c.d", "a@.c"] {
            assert!(parse_email(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn display_names_may_be_japanese() {
        assert_eq!(parse_display_name("山田 花子").unwrap(), "山田 花子");
        assert_eq!(parse_display_name("").unwrap_err().code, "required");
    }
}
