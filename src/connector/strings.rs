//! The connector's words: labels (`x-ms-summary`), descriptions and package texts, from
//! `locales/<lang>/connector.ftl` (Project Fluent).
//!
//! Every string is looked up by keys that say where it sits, most specific first
//! ([`KeyPath::keys`]): `label-Kudos-from` (who sent the kudos) wins over `label-from` (a
//! start date), so one English word can have two Japanese renderings.
//!
//! English descriptions are the `///` docs of the code (they are the OpenAPI document too).
//! A Japanese description records in a `# en:` comment the English it was translated from, and
//! is used only while that English is unchanged: editing a doc comment without the translation
//! makes the Japanese package fail to generate — and a test fail — naming the key and the new
//! English, instead of shipping a stale or half-English connector. Labels, choices and package
//! texts are in both files; one missing in either language fails the same way.

use super::Untranslated;
use crate::i18n::{self, Arg, Language};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// The Japanese connector file (its `# en:` comments are read here; its messages are in the
/// `i18n` bundles).
const JA_SOURCE: &str = include_str!("../../locales/ja/connector.ftl");

/// For each Japanese description, the English it was translated from (its `# en:` comment).
static TRANSLATED_FROM: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let resource = match fluent_syntax::parser::parse(JA_SOURCE) {
        Ok(resource) => resource,
        Err((partial, _)) => partial,
    };
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => {
                let english = message.comment.as_ref().and_then(|c| {
                    c.content
                        .iter()
                        .find_map(|line| line.strip_prefix("en:").map(normalize))
                })?;
                Some((message.id.name.to_owned(), english))
            }
            _ => None,
        })
        .collect()
});

/// Looks up and records connector strings for one language.
#[derive(Debug)]
pub struct Strings {
    lang: Language,
    missing: RefCell<BTreeSet<String>>,
}

impl Strings {
    /// Strings for `lang`.
    pub fn new(lang: Language) -> Self {
        Self {
            lang,
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    /// The language.
    pub fn lang(&self) -> Language {
        self.lang
    }

    fn miss(&self, what: String) {
        self.missing.borrow_mut().insert(what);
    }

    /// A description or summary written in the code's docs as `english`: English as is (white
    /// space collapsed); Japanese from the first of `keys` translated from this very English.
    pub fn describe(&self, keys: &[String], english: &str) -> String {
        let english = normalize(english);
        if self.lang == Language::En {
            return english;
        }
        let found = keys.iter().find(|key| {
            TRANSLATED_FROM.get(key.as_str()) == Some(&english) && i18n::has(self.lang, key)
        });
        match found {
            Some(key) => i18n::text(self.lang, key, &[]),
            None => {
                let first = keys.first().map(String::as_str).unwrap_or_default();
                let stale = TRANSLATED_FROM
                    .get(first)
                    .map(|old| format!(" (translated from an older English: {old:?})"))
                    .unwrap_or_default();
                self.miss(format!("{first} — en: {english}{stale}"));
                english
            }
        }
    }

    /// The label (`x-ms-summary`) of the parameter or property `field`, from the first of
    /// `keys` the language has.
    pub fn label(&self, keys: &[String], field: &str) -> String {
        self.first_of(keys).unwrap_or_else(|| {
            let general = keys.last().map(String::as_str).unwrap_or(field);
            self.miss(format!("{general} (the label of `{field}`)"));
            field.to_owned()
        })
    }

    /// The display name of the value `value` of the enum schema `name` (`enum-<name>-<value>`,
    /// then `enum-<value>`: one value may mean two things — a question `open`, a report `open`).
    pub fn enum_label(&self, name: Option<&str>, value: &str) -> String {
        let keys = enum_keys(name, value);
        self.first_of(&keys).unwrap_or_else(|| {
            self.miss(format!("{} (the choice `{value}`)", key(&["enum", value])));
            value.to_owned()
        })
    }

    /// A package text (`key` with its values), which both locale files hold.
    pub fn say(&self, key: &str, args: &[(&'static str, Arg)]) -> String {
        if i18n::has(self.lang, key) {
            i18n::text(self.lang, key, args)
        } else {
            self.miss(key.to_owned());
            key.to_owned()
        }
    }

    fn first_of(&self, keys: &[String]) -> Option<String> {
        keys.iter()
            .find(|key| i18n::has(self.lang, key))
            .map(|key| i18n::text(self.lang, key, &[]))
    }

    /// Ok when every string had a text in the language.
    pub fn finish(&self) -> Result<(), Untranslated> {
        let missing = self.missing.borrow();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Untranslated {
                lang: self.lang,
                missing: missing.iter().cloned().collect(),
            })
        }
    }
}

fn enum_keys(name: Option<&str>, value: &str) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(name) = name {
        keys.push(key(&["enum", name, value]));
    }
    keys.push(key(&["enum", value]));
    keys
}

/// A Fluent message id from parts: `label-Question-title`; characters Fluent ids may not hold
/// (the `.` of `question.posted`) become `_`.
pub fn key(parts: &[&str]) -> String {
    parts
        .join("-")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where a string sits in the definition, for its keys: the schemas and the fields that lead
/// to it (`Event` → `data` → `EventData` → `question` → `Question`).
#[derive(Debug, Clone, Default)]
pub struct KeyPath(Vec<Segment>);

#[derive(Debug, Clone)]
enum Segment {
    Schema(String),
    Field(String),
}

impl KeyPath {
    /// The path into the schema (or operation) `name`.
    pub fn schema(&self, name: &str) -> Self {
        let mut path = self.clone();
        path.0.push(Segment::Schema(name.to_owned()));
        path
    }

    /// The path into the field `name`.
    pub fn field(&self, name: &str) -> Self {
        let mut path = self.clone();
        path.0.push(Segment::Field(name.to_owned()));
        path
    }

    /// Keys for the description of the schema the path ends at: `{prefix}-{schema}` for a named
    /// schema, the field's description keys for a schema written inside a field.
    pub fn here(&self, prefix: &str) -> Vec<String> {
        match self.0.split_last() {
            Some((Segment::Schema(name), _)) => vec![key(&[prefix, name])],
            Some((Segment::Field(field), parent)) => KeyPath(parent.to_vec()).keys("desc", field),
            None => vec![key(&[prefix, "anonymous"])],
        }
    }

    /// Keys for `leaf` (a property) here, most specific first: for each schema on the path,
    /// outermost first, `{prefix}-{schema}-{fields after it}-{leaf}`; then
    /// `{prefix}-{the field holding it}-{leaf}`; then `{prefix}-{leaf}`.
    pub fn keys(&self, prefix: &str, leaf: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for (i, segment) in self.0.iter().enumerate() {
            if let Segment::Schema(name) = segment {
                let mut parts = vec![prefix, name.as_str()];
                parts.extend(self.0[i + 1..].iter().filter_map(|s| match s {
                    Segment::Field(f) => Some(f.as_str()),
                    Segment::Schema(_) => None,
                }));
                parts.push(leaf);
                keys.push(key(&parts));
            }
        }
        // The field that holds it, wherever it sits (`label-asker-display_name`).
        let holder = self.0.iter().rev().find_map(|s| match s {
            Segment::Field(f) => Some(f.as_str()),
            Segment::Schema(_) => None,
        });
        if let Some(holder) = holder {
            // Before the key of the schema the path ends at: "the asker's id" says more than
            // "a member's id".
            let at = match self.0.last() {
                Some(Segment::Schema(_)) => keys.len() - 1,
                _ => keys.len(),
            };
            keys.insert(at, key(&[prefix, holder, leaf]));
        }
        keys.push(key(&[prefix, leaf]));
        keys
    }
}

/// Collapses runs of white space (doc comments wrap lines) into single spaces.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_used_only_for_the_english_it_was_made_from() {
        let strings = Strings::new(Language::Ja);
        let keys = vec![key(&["op", "AcceptAnswer", "summary"])];
        let english = TRANSLATED_FROM[&keys[0]].clone();
        let japanese = strings.describe(&keys, &format!("  {english}\n"));
        assert_eq!(japanese, i18n::text(Language::Ja, &keys[0], &[]));
        assert!(strings.finish().is_ok());
        // The doc comment changed: the old translation is not shipped, and the error says so.
        let changed = strings.describe(&keys, "Choose the best answer");
        assert_eq!(changed, "Choose the best answer");
        let error = strings.finish().unwrap_err();
        assert_eq!(error.missing.len(), 1);
        assert!(error.missing[0].contains("op-AcceptAnswer-summary — en: Choose the best answer"));
        assert!(error.missing[0].contains("older English"));
        assert!(error.to_string().contains("locales/ja/connector.ftl"));
    }

    #[test]
    fn the_most_specific_key_wins_and_english_needs_every_label_too() {
        let path = KeyPath::default()
            .schema("Event")
            .field("data")
            .schema("EventData")
            .field("kudos")
            .schema("EventKudos");
        assert_eq!(
            path.keys("label", "from"),
            [
                "label-Event-data-kudos-from",
                "label-EventData-kudos-from",
                "label-kudos-from",
                "label-EventKudos-from",
                "label-from"
            ]
        );
        assert_eq!(key(&["enum", "question.posted"]), "enum-question_posted");
        for language in Language::ALL {
            let strings = Strings::new(language);
            strings.label(&[key(&["label", "no_such_field"])], "no_such_field");
            let error = strings.finish().unwrap_err();
            assert!(error.missing[0].contains("label-no_such_field"), "{error}");
        }
    }
}
