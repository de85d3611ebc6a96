//! Free-text fields: titles, Markdown bodies and names, with their limits.

use crate::error::FieldError;

/// Shortest question title, in characters.
pub const TITLE_MIN_CHARS: usize = 5;
/// Longest question title, in characters.
pub const TITLE_MAX_CHARS: usize = 150;
/// Longest question or answer body, in characters.
pub const BODY_MAX_CHARS: usize = 20_000;

/// Checks a single-line text: trimmed, no control characters, `min..=max` characters.
pub fn single_line(field: &str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return Err(FieldError::new(
            field,
            "invalid_character",
            format!(
                "{field} must be a single line without control characters (found U+{:04X})",
                c as u32
            ),
        ));
    }
    check_length(field, value, min, max)?;
    Ok(value.to_owned())
}

/// Checks a multi-line Markdown text: at least `min` non-blank characters, at most `max`,
/// no control characters other than tab and line breaks. Kept exactly as sent.
pub fn multi_line(field: &str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    if let Some(c) = raw
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FieldError::new(
            field,
            "invalid_character",
            format!(
                "{field} must not contain control characters (found U+{:04X})",
                c as u32
            ),
        ));
    }
    if raw.trim().chars().count() < min {
        return Err(too_short(field, min, raw.trim().chars().count()));
    }
    check_length(field, raw, 0, max)?;
    Ok(raw.to_owned())
}

fn check_length(field: &str, value: &str, min: usize, max: usize) -> Result<(), FieldError> {
    let count = value.chars().count();
    if count < min {
        return Err(too_short(field, min, count));
    }
    if count > max {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("{field} must be at most {max} characters (it has {count})"),
        ));
    }
    Ok(())
}

fn too_short(field: &str, min: usize, count: usize) -> FieldError {
    if count == 0 {
        FieldError::new(field, "required", format!("{field} must not be empty"))
    } else {
        FieldError::new(
            field,
            "too_short",
            format!("{field} must be at least {min} characters (it has {count})"),
        )
    }
}

/// A question title: one line, 5–150 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionTitle(String);

impl QuestionTitle {
    /// Parses a title sent by a member.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        single_line("title", raw, TITLE_MIN_CHARS, TITLE_MAX_CHARS).map(Self)
    }
    /// The title text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Markdown body of a question or an answer: 1–20,000 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body(String);

impl Body {
    /// Parses a body sent by a member.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        multi_line("body", raw, 1, BODY_MAX_CHARS).map(Self)
    }
    /// The Markdown text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_titles_are_counted_in_characters_not_bytes() {
        // 5 characters, 15 bytes.
        assert!(QuestionTitle::parse("承認フロー").is_ok());
        let long = "あ".repeat(TITLE_MAX_CHARS);
        assert!(QuestionTitle::parse(&long).is_ok());
        let too_long = "あ".repeat(TITLE_MAX_CHARS + 1);
        assert_eq!(
            QuestionTitle::parse(&too_long).unwrap_err().code,
            "too_long"
        );
    }

    #[test]
    fn titles_are_trimmed_and_must_be_one_line() {
        assert_eq!(QuestionTitle::parse("  hello  ").unwrap().as_str(), "hello");
        assert_eq!(QuestionTitle::parse("abc").unwrap_err().code, "too_short");
        assert_eq!(QuestionTitle::parse("   ").unwrap_err().code, "required");
        assert_eq!(
            QuestionTitle::parse("line one\nline two").unwrap_err().code,
            "invalid_character"
        );
    }

    #[test]
    fn bodies_keep_markdown_but_refuse_nul_and_blank() {
        let md = "  indented code\n\n* item\t";
        assert_eq!(Body::parse(md).unwrap().as_str(), md);
        assert_eq!(Body::parse(" \n ").unwrap_err().code, "required");
        assert_eq!(Body::parse("a\0b").unwrap_err().code, "invalid_character");
        assert!(Body::parse(&"字".repeat(BODY_MAX_CHARS)).is_ok());
        assert_eq!(
            Body::parse(&"字".repeat(BODY_MAX_CHARS + 1))
                .unwrap_err()
                .code,
            "too_long"
        );
    }
}
