//! Free-text fields: titles, Markdown bodies and names, with their limits.
//!
//! Every field people type goes through [`clean`] before it is checked or stored: Unicode NFC
//! (a decomposed が is one character, as the member sees it), and no characters that show
//! nothing — zero-width spaces, bidirectional controls that reorder what follows (U+202E can
//! make `exe.txt` read `txt.exe`), byte-order marks, Hangul and Braille fillers. Otherwise a
//! title of five U+200B passes the five-character minimum, and an invisible answer marks a
//! question answered. Joiners and variation selectors stay (emoji and Japanese variant kanji
//! need them) but never count as content.

use crate::error::FieldError;
use crate::i18n::Arg;
use unicode_normalization::UnicodeNormalization;

/// Whether `c` shows nothing and means nothing in typed text, so it is removed: zero-width
/// spaces, bidi controls and marks, the BOM, soft hyphen, combining grapheme joiner,
/// invisible operators, Hangul and Braille fillers, tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{2800}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation controls
        | '\u{FFFE}' | '\u{FFFF}' // noncharacters
        | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}' // format controls of old scripts
        | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}')
}

/// Whether `c` is kept but is no content of its own: joiners and variation selectors.
fn is_modifier(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// A typed text as it is checked and stored: NFC, without [`is_invisible`] characters.
pub fn clean(raw: &str) -> String {
    raw.nfc().filter(|c| !is_invisible(*c)).collect()
}

/// How many characters of `text` a reader sees: not whitespace, not joiners or selectors, not
/// combining marks (an accent with no letter under it shows as nothing readable).
pub fn visible_chars(text: &str) -> usize {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !is_modifier(*c)
                && !unicode_normalization::char::is_combining_mark(*c)
        })
        .count()
}

/// Shortest question title, in characters.
pub const TITLE_MIN_CHARS: usize = 5;
/// Longest question title, in characters.
pub const TITLE_MAX_CHARS: usize = 150;
/// Longest question or answer body, in characters.
pub const BODY_MAX_CHARS: usize = 20_000;

/// Checks a single-line text: [`clean`]ed, trimmed, no control characters, at least `min`
/// visible characters and at most `max` characters.
pub fn single_line(field: &str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let typed = raw.chars().count();
    let cleaned = clean(raw);
    let value = cleaned.trim();
    // Line and paragraph separators break a line as surely as a line feed.
    if let Some(c) = value
        .chars()
        .find(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Err(FieldError::say(
            field,
            "invalid_character",
            "text-one-line",
            vec![("char", Arg::from(format!("U+{:04X}", c as u32)))],
        ));
    }
    check_visible(field, value, min, typed)?;
    check_length(field, value, max)?;
    Ok(value.to_owned())
}

/// Checks a multi-line Markdown text: [`clean`]ed, at least `min` visible characters, at most
/// `max`, no control characters other than tab and line breaks. Otherwise kept as sent.
pub fn multi_line(field: &str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let typed = raw.chars().count();
    let cleaned = clean(raw);
    let raw = cleaned.as_str();
    if let Some(c) = raw
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FieldError::say(
            field,
            "invalid_character",
            "text-control",
            vec![("char", Arg::from(format!("U+{:04X}", c as u32)))],
        ));
    }
    check_visible(field, raw, min, typed)?;
    check_length(field, raw, max)?;
    Ok(raw.to_owned())
}

/// At least `min` characters a reader can see. `typed` is how many characters were sent: when
/// they were enough but spaces or invisible characters made up the difference, the code is
/// `too_few_visible` (a rule JSON Schema's `minLength` cannot state), else `too_short` or
/// `required`.
fn check_visible(field: &str, value: &str, min: usize, typed: usize) -> Result<(), FieldError> {
    let count = visible_chars(value);
    if count < min {
        if typed >= min.max(1) {
            return Err(FieldError::say(
                field,
                "too_few_visible",
                "text-too-few-visible",
                vec![("min", Arg::from(min)), ("count", Arg::from(count))],
            ));
        }
        return Err(too_short(field, min, count));
    }
    Ok(())
}

/// At most `max` characters as a reader sees them (grapheme clusters) in the cleaned text, and
/// at most four code points per allowed character (a letter under a tower of combining marks is
/// one grapheme). Cleaning can lengthen a text in code points — NFC leaves a few precomposed
/// letters in two or three (Devanagari क़, U+0958, is U+0915 U+093C) — but not in graphemes,
/// so a text within the spec's `maxLength` (code points as sent) is not refused, and a text as
/// stored passes again when sent back unchanged (an edit that changes only the body).
fn check_length(field: &str, value: &str, max: usize) -> Result<(), FieldError> {
    use unicode_segmentation::UnicodeSegmentation;
    let graphemes = value.graphemes(true).count();
    let points = value.chars().count();
    let (limit, count) = if graphemes > max {
        (max, graphemes)
    } else if points > max.saturating_mul(4) {
        (max.saturating_mul(4), points)
    } else {
        return Ok(());
    };
    Err(FieldError::say(
        field,
        "too_long",
        "text-too-long",
        vec![("max", Arg::from(limit)), ("count", Arg::from(count))],
    ))
}

fn too_short(field: &str, min: usize, count: usize) -> FieldError {
    if count == 0 {
        FieldError::say(field, "required", "text-empty", vec![])
    } else {
        FieldError::say(
            field,
            "too_short",
            "text-too-short",
            vec![("min", Arg::from(min)), ("count", Arg::from(count))],
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
    fn a_text_within_the_limit_as_sent_is_not_refused_when_cleaning_lengthens_it() {
        // U+0958 stays two code points under NFC: 150 sent, 151 stored.
        let sent = format!("{}\u{0958}", "a".repeat(TITLE_MAX_CHARS - 1));
        let title = QuestionTitle::parse(&sent).unwrap();
        assert_eq!(title.as_str().chars().count(), TITLE_MAX_CHARS + 1);
        // Sent back unchanged (an edit of the body only), the stored title passes again.
        assert_eq!(QuestionTitle::parse(title.as_str()).unwrap(), title);
        // A tower of combining marks is one grapheme, but not an unlimited one.
        let tower = format!("abcde{}", "\u{0301}".repeat(4 * TITLE_MAX_CHARS));
        assert_eq!(QuestionTitle::parse(&tower).unwrap_err().code, "too_long");
        let body = format!("{}\u{0958}", "a".repeat(BODY_MAX_CHARS - 1));
        assert!(Body::parse(&body).is_ok());
        // One character more than the limit is refused.
        let err =
            QuestionTitle::parse(&format!("{}\u{0958}", "a".repeat(TITLE_MAX_CHARS))).unwrap_err();
        assert_eq!(err.code, "too_long");
        // Invisible characters removed by cleaning do not count against the limit.
        let padded = format!("{}{}", "a".repeat(TITLE_MAX_CHARS), "\u{200B}".repeat(3));
        assert!(QuestionTitle::parse(&padded).is_ok());
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
    fn invisible_characters_are_removed_before_the_checks() {
        for blank in [
            "\u{200B}".repeat(5),
            "\u{FEFF}".repeat(5),
            "\u{3164}".repeat(5),
            "\u{2800}".repeat(5),
        ] {
            assert_eq!(
                QuestionTitle::parse(&blank).unwrap_err().code,
                "too_few_visible",
                "{blank:?}"
            );
            assert_eq!(
                Body::parse(&blank).unwrap_err().code,
                "too_few_visible",
                "{blank:?}"
            );
        }
        assert_eq!(
            QuestionTitle::parse("ab\u{200B}\u{200B}\u{200B}")
                .unwrap_err()
                .code,
            "too_few_visible"
        );
        assert_eq!(QuestionTitle::parse("abc").unwrap_err().code, "too_short");
        assert_eq!(Body::parse("\u{200B}").unwrap_err().code, "too_few_visible");
        // A right-to-left override is dropped, the text around it kept.
        assert_eq!(
            QuestionTitle::parse("invoice\u{202E}fdp.exe")
                .unwrap()
                .as_str(),
            "invoicefdp.exe"
        );
        // Decomposed が (か + U+3099) is one character, stored composed.
        let decomposed = "か\u{3099}".repeat(TITLE_MAX_CHARS);
        let title = QuestionTitle::parse(&decomposed).unwrap();
        assert_eq!(title.as_str().chars().count(), TITLE_MAX_CHARS);
        assert!(title.as_str().starts_with('が'));
        // Emoji sequences keep their joiners and selectors, which are not content alone.
        assert_eq!(
            Body::parse("👩\u{200D}💻 ❤\u{FE0F}").unwrap().as_str(),
            "👩\u{200D}💻 ❤\u{FE0F}"
        );
        assert_eq!(
            Body::parse("\u{200D}\u{FE0F}").unwrap_err().code,
            "too_few_visible"
        );
    }

    #[test]
    fn bodies_keep_markdown_but_refuse_nul_and_blank() {
        let md = "  indented code\n\n* item\t";
        assert_eq!(Body::parse(md).unwrap().as_str(), md);
        assert_eq!(Body::parse(" \n ").unwrap_err().code, "too_few_visible");
        assert_eq!(Body::parse("").unwrap_err().code, "required");
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
