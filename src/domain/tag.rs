//! Tags: topic slugs such as `approvals`, `sharepoint` or `経費精算`.
//!
//! Slugs are normalised (NFKC, lower case) so `SharePoint`, `sharepoint` and full-width
//! `ＳｈａｒｅＰｏｉｎｔ` are one tag. Letters of any script are allowed: Japanese topics are
//! first-class.

use crate::error::FieldError;
use crate::i18n::Arg;
use unicode_normalization::UnicodeNormalization;

/// Longest tag, in characters.
pub const TAG_MAX_CHARS: usize = 40;
/// Most tags on one question.
pub const MAX_TAGS: usize = 5;

/// A normalised tag slug.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TagSlug(String);

impl TagSlug {
    /// Parses one tag as sent by a member; `field` names it in errors (e.g. `tags[1]`).
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let slug: String = super::text::clean(raw)
            .trim()
            .nfkc()
            .filter(|c| !super::text::is_invisible(*c))
            .flat_map(char::to_lowercase)
            .collect();
        // The limit is on the slug as stored: a tag is also a link (`/?tag=`) and a filter whose
        // parameter is at most 40 characters, so a stored tag must never be longer. NFKC
        // lengthens a few compatibility characters (㍿ is 株式会社): they count as spelled out.
        let count = slug.chars().count();
        if count == 0 {
            let (code, id) = if raw.is_empty() {
                ("required", "tag-empty")
            } else {
                ("too_few_visible", "tag-invisible")
            };
            return Err(FieldError::say(field, code, id, vec![]));
        }
        if count > TAG_MAX_CHARS {
            return Err(FieldError::say(
                field,
                "too_long",
                "tag-too-long",
                vec![
                    ("max", Arg::from(TAG_MAX_CHARS)),
                    ("count", Arg::from(count)),
                ],
            ));
        }
        if let Some(bad) = slug
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        {
            return Err(FieldError::say(
                field,
                "invalid_character",
                "tag-bad-character",
                vec![
                    ("char", Arg::from(bad.to_string())),
                    (
                        "space",
                        Arg::from(if bad.is_whitespace() { "yes" } else { "no" }),
                    ),
                ],
            ));
        }
        Ok(Self(slug))
    }

    /// Parses a list of tags: at most [`MAX_TAGS`], duplicates (after normalisation) merged.
    pub fn parse_list(field: &str, raw: &[String]) -> Result<Vec<Self>, Vec<FieldError>> {
        if raw.len() > MAX_TAGS {
            return Err(vec![FieldError::say(
                field,
                "too_many",
                "tags-too-many",
                vec![
                    ("max", Arg::from(MAX_TAGS)),
                    ("count", Arg::from(raw.len())),
                ],
            )]);
        }
        let mut errors = Vec::new();
        let mut tags: Vec<Self> = Vec::new();
        for (i, tag) in raw.iter().enumerate() {
            match Self::parse(&format!("{field}[{i}]"), tag) {
                Ok(t) if !tags.contains(&t) => tags.push(t),
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(tags)
        } else {
            Err(errors)
        }
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The known tag closest to `slug` in spelling (edit distance over characters, at most a
/// third of the longer one's length, and at least 1 apart from nothing): what a "did you mean"
/// names when a trigger's tag filter names no tag. `known` is most used first, so ties go to
/// the more used tag.
pub fn closest<'a>(slug: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted: Vec<char> = slug.chars().collect();
    let mut best: Option<(usize, &str)> = None;
    for candidate in known {
        let chars: Vec<char> = candidate.chars().collect();
        let distance = edit_distance(&wanted, &chars);
        let allowed = (wanted.len().max(chars.len()) / 3).max(1);
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance between two character sequences.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_to_one_slug() {
        for raw in ["SharePoint", " sharepoint ", "ＳｈａｒｅＰｏｉｎｔ"] {
            assert_eq!(TagSlug::parse("tag", raw).unwrap().as_str(), "sharepoint");
        }
        assert_eq!(
            TagSlug::parse("tag", "経費精算").unwrap().as_str(),
            "経費精算"
        );
        assert_eq!(TagSlug::parse("tag", "ﾌﾛｰ").unwrap().as_str(), "フロー");
    }

    #[test]
    fn a_stored_tag_is_never_longer_than_the_limit() {
        // ㍿ is 株式会社 once normalised: the tag as stored would be 43 characters.
        let sent = format!("{}\u{337F}", "a".repeat(TAG_MAX_CHARS - 1));
        assert_eq!(TagSlug::parse("tag", &sent).unwrap_err().code, "too_long");
        let fits = format!("{}\u{337F}", "a".repeat(TAG_MAX_CHARS - 4));
        assert_eq!(
            TagSlug::parse("tag", &fits)
                .unwrap()
                .as_str()
                .chars()
                .count(),
            TAG_MAX_CHARS
        );
        let too_long = "a".repeat(TAG_MAX_CHARS + 1);
        assert_eq!(
            TagSlug::parse("tag", &too_long).unwrap_err().code,
            "too_long"
        );
    }

    #[test]
    fn invisible_tags_are_empty() {
        assert_eq!(
            TagSlug::parse("tags[0]", "\u{3164}\u{3164}")
                .unwrap_err()
                .code,
            "too_few_visible"
        );
        assert_eq!(
            TagSlug::parse("tags[0]", "ex\u{200B}cel").unwrap().as_str(),
            "excel"
        );
    }

    #[test]
    fn bad_tags_name_their_position() {
        let err = TagSlug::parse_list("tags", &["ok".into(), "two words".into()]).unwrap_err();
        assert_eq!(err[0].field, "tags[1]");
        assert_eq!(err[0].code, "invalid_character");
        let six: Vec<String> = (0..6).map(|i| format!("t{i}")).collect();
        assert_eq!(
            TagSlug::parse_list("tags", &six).unwrap_err()[0].code,
            "too_many"
        );
        let dupes = vec!["Excel".into(), "excel".into()];
        assert_eq!(TagSlug::parse_list("tags", &dupes).unwrap().len(), 1);
    }

    #[test]
    fn the_closest_known_tag_is_named() {
        let known = ["approvals", "excel", "sharepoint", "経費精算"];
        assert_eq!(closest("aproval", known), Some("approvals"));
        assert_eq!(closest("exel", known), Some("excel"));
        assert_eq!(closest("経費清算", known), Some("経費精算"));
        assert_eq!(closest("teams", known), None);
        assert_eq!(closest("x", known), None);
    }
}
