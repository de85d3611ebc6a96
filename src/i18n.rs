//! Translations: every sentence a member reads comes from a locale file (`locales/<lang>/*.ftl`,
//! Project Fluent), looked up by a key that names its meaning — so one English word can have two
//! Japanese renderings, and a translator edits the files without touching Rust.
//!
//! The files are compiled into the binary (no files to deploy). A missing Japanese message
//! falls back to English, and a missing English one to its key, so a gap shows as English, never
//! as an error. Responses say which language they are in (`Content-Language`).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// A language tsunagu speaks: `en` (English) or `ja` (Japanese).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 2] = [Language::En, Language::Ja];

    /// The BCP 47 tag (`en`, `ja`), as in `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
        }
    }

    /// Reads a language tag by its primary subtag, in any case: `ja`, `ja-JP`, `EN-us`.
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::En),
            "ja" => Some(Language::Ja),
            _ => None,
        }
    }

    /// The language an `Accept-Language` header (RFC 9110 §12.5.4) prefers among ours: the
    /// highest `q`, the earlier on ties; `q=0` excludes; `*` and languages we lack are skipped.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut best: Option<(f32, Language)> = None;
        for range in accept_language.split(',') {
            let mut parts = range.split(';');
            let Some(language) = parts.next().and_then(Language::parse) else {
                continue;
            };
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, language));
            }
        }
        best.map(|(_, language)| language)
    }
}

impl std::str::FromStr for Language {
    type Err = String;

    /// `en` or `ja` exactly (command-line options and query parameters).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Language::En),
            "ja" => Ok(Language::Ja),
            other => Err(format!("unknown language {other:?}: use en or ja")),
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// A value to put into a message: text or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text, put in as is.
    Text(String),
    /// A whole number.
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A sentence to say, in whichever language the reader wants: its key and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The key in the locale files (`text-too-long`).
    pub id: &'static str,
    /// The values of its placeables (`field`, `max`, `count`).
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message with its values.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self { id, args }
    }

    /// The message in `language`. In a language other than English the values read as that
    /// language's readers know them: a field is named by its label in the connector designer
    /// (`title` → 「タイトル」, `tags[2]` → 「タグ（3 番目）」), lists are joined with 「、」, and
    /// a line break is 改行, not `U+000A`.
    pub fn render(&self, language: Language) -> String {
        if language == Language::En {
            return text(language, self.id, &self.args);
        }
        let args: Vec<(&'static str, Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match (name, value) {
                    (&"field", Arg::Text(path)) => Arg::Text(field_label(language, path)),
                    (&("choices" | "allowed" | "known"), Arg::Text(list)) => {
                        Arg::Text(list.replace(", ", "、"))
                    }
                    (&"char", Arg::Text(code)) => Arg::Text(character_name(language, code)),
                    _ => value.clone(),
                };
                (*name, value)
            })
            .collect();
        text(language, self.id, &args)
    }
}

/// How a reader of `language` knows the field at `path` (`title`, `tags[2]`,
/// `impact.minutes_saved_per_run`): its label in the connector (`label-<name>` in
/// `connector.ftl`), with the position of a list item; the path itself when it has none.
fn field_label(language: Language, path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    let (name, index) = match last.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
        None => (last, None),
    };
    let key = format!("label-{name}");
    if !has(language, &key) {
        return path.to_owned();
    }
    let label = text(language, &key, &[]);
    match index {
        Some(i) => text(
            language,
            "field-item",
            &[("label", Arg::Text(label)), ("position", Arg::from(i + 1))],
        ),
        None => label,
    }
}

/// `U+000A` as a reader of `language` knows it (改行（U+000A）), a lone space as 空白; other
/// characters as given.
fn character_name(language: Language, code: &str) -> String {
    let mut chars = code.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let key = format!("char-{:04x}", c as u32);
        return if has(language, &key) {
            text(language, &key, &[])
        } else {
            code.to_owned()
        };
    }
    let key = format!(
        "char-{}",
        code.trim_start_matches("U+").to_ascii_lowercase()
    );
    if has(language, &key) {
        format!("{}（{code}）", text(language, &key, &[]))
    } else {
        code.to_owned()
    }
}

const SOURCES: [(Language, &[&str]); 2] = [
    (
        Language::En,
        &[
            include_str!("../locales/en/errors.ftl"),
            include_str!("../locales/en/connector.ftl"),
            include_str!("../locales/en/operator.ftl"),
            include_str!("../locales/en/web.ftl"),
            include_str!("../locales/en/cards.ftl"),
        ],
    ),
    (
        Language::Ja,
        &[
            include_str!("../locales/ja/errors.ftl"),
            include_str!("../locales/ja/connector.ftl"),
            include_str!("../locales/ja/operator.ftl"),
            include_str!("../locales/ja/web.ftl"),
            include_str!("../locales/ja/cards.ftl"),
        ],
    ),
];

static BUNDLES: LazyLock<Vec<(Language, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(language, files)| {
            let id = language
                .tag()
                .parse()
                .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around placeables: the text goes into JSON and flows.
            bundle.set_use_isolating(false);
            for source in *files {
                // A syntax error in a locale file keeps the messages that parsed; the unit test
                // `every_locale_file_parses` makes it a build failure instead.
                let resource = FluentResource::try_new((*source).to_owned())
                    .unwrap_or_else(|(partial, _)| partial);
                let _ = bundle.add_resource(resource);
            }
            (*language, bundle)
        })
        .collect()
});

fn bundle(language: Language) -> Option<&'static FluentBundle<FluentResource>> {
    BUNDLES.iter().find(|(l, _)| *l == language).map(|(_, b)| b)
}

fn format(language: Language, id: &str, args: &[(&'static str, Arg)]) -> Option<String> {
    let bundle = bundle(language)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The message `id` in `language` with `args`; English when `language` lacks it, and the key
/// itself when English does too.
pub fn text(language: Language, id: &str, args: &[(&'static str, Arg)]) -> String {
    format(language, id, args)
        .or_else(|| format(Language::En, id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// Whether `language` has its own message `id` (not the English fallback).
pub fn has(language: Language, id: &str) -> bool {
    bundle(language).is_some_and(|b| b.has_message(id))
}

/// The language of the request being served, and whether the request named it.
struct RequestLanguage {
    language: std::cell::Cell<Language>,
    explicit: bool,
}

tokio::task_local! {
    /// The language of the request being served (set by `api::language`).
    static CURRENT: RequestLanguage;
}

/// The language of the request being served; English outside a request.
pub fn current() -> Language {
    CURRENT.try_with(|r| r.language.get()).unwrap_or_default()
}

/// Runs `future` with `language` as the request's language; `explicit` when the request named
/// it (`Accept-Language`), so a member's own setting does not override it.
pub async fn scope<F: std::future::Future>(
    language: Language,
    explicit: bool,
    future: F,
) -> F::Output {
    let request = RequestLanguage {
        language: std::cell::Cell::new(language),
        explicit,
    };
    CURRENT.scope(request, future).await
}

/// Sets the request's language to `language` whatever the request named: on the pages, a
/// member's own choice (the page's language switch) wins over the browser's `Accept-Language`.
pub fn choose(language: Language) {
    let _ = CURRENT.try_with(|r| r.language.set(language));
}

/// Sets the request's language to the member's own choice unless the request named one.
pub fn prefer(language: Language) {
    let _ = CURRENT.try_with(|r| {
        if !r.explicit {
            r.language.set(language);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message ids of a language, for the tests that check every English message has a
    /// Japanese one.
    fn ids(language: Language) -> Vec<String> {
        SOURCES
            .iter()
            .filter(|(l, _)| *l == language)
            .flat_map(|(_, files)| files.iter())
            .flat_map(|source| {
                source
                    .lines()
                    .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                    .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn every_locale_file_parses_and_japanese_has_every_message() {
        for (_, files) in SOURCES {
            for source in files {
                if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
                    panic!("locale file does not parse: {errors:?}");
                }
            }
        }
        let japanese = ids(Language::Ja);
        let missing: Vec<String> = ids(Language::En)
            .into_iter()
            .filter(|id| !japanese.contains(id))
            .collect();
        assert!(missing.is_empty(), "no Japanese for {missing:?}");
        assert!(japanese.len() > 40);
    }

    /// Every message a template or a page handler names literally (`t("…")`, `t1("…", …)`, `tn("…", …)`) exists
    /// in both languages: a missing one would show its id to the reader.
    #[test]
    fn every_message_a_template_names_exists() {
        let dirs = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/templates"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/web"),
        ];
        let mut checked = 0;
        for entry in dirs.iter().flat_map(|dir| std::fs::read_dir(dir).unwrap()) {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            for call in [".t(\"", ".t1(\"", ".tn(\""] {
                for rest in source.split(call).skip(1) {
                    let id = rest.split('"').next().unwrap();
                    for language in [Language::En, Language::Ja] {
                        assert!(
                            has(language, id),
                            "{}: {id} missing in {language:?}",
                            path.display()
                        );
                    }
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 100,
            "only {checked} messages found in the templates"
        );
    }

    #[test]
    fn messages_render_with_their_values() {
        let args = vec![
            ("field", Arg::from("title")),
            ("max", Arg::from(150usize)),
            ("count", Arg::from(151usize)),
        ];
        assert_eq!(
            text(Language::En, "text-too-long", &args),
            "title must be at most 150 characters (it has 151)"
        );
        assert_eq!(
            Message::new("text-too-long", args.clone()).render(Language::Ja),
            "「タイトル」は 150 文字以内にしてください（いまは 151 文字です）"
        );
        assert_eq!(
            text(Language::Ja, "no-such-message", &[]),
            "no-such-message"
        );
        // Values read as Japanese readers know them.
        let item = Message::new(
            "text-one-line",
            vec![
                ("field", Arg::from("tags[2]")),
                ("char", Arg::from("U+000A")),
            ],
        );
        assert_eq!(
            item.render(Language::Ja),
            "「タグ（3 番目）」は改行や制御文字を含まない 1 行にしてください（改行（U+000A）が含まれています）"
        );
    }

    #[test]
    fn accept_language_is_negotiated() {
        assert_eq!(Language::negotiate("ja"), Some(Language::Ja));
        assert_eq!(
            Language::negotiate("ja-JP,ja;q=0.9,en;q=0.8"),
            Some(Language::Ja)
        );
        assert_eq!(
            Language::negotiate("fr, en;q=0.5, ja;q=0.7"),
            Some(Language::Ja)
        );
        assert_eq!(Language::negotiate("en-US"), Some(Language::En));
        assert_eq!(Language::negotiate("ja;q=0, en;q=0.1"), Some(Language::En));
        assert_eq!(Language::negotiate("fr, *"), None);
        assert_eq!(Language::negotiate(""), None);
    }
}
