//! Search that works for Japanese and English.
//!
//! Stored text and query terms go through the same normalisation (NFKC, then lower case), so
//! full-width `ＵＩ`, half-width `ﾌﾛｰ` and `Flow` match `ui`, `フロー` and `flow`. A query is
//! split on ASCII and full-width (`　`) spaces and every term must match as a substring of the
//! title or the body. The store serves every term, of any length, from a character-bigram
//! index (see "The gram index" below), exact on both databases. A term that is in the
//! [`GLOSSARY`] also matches its other spellings, so `flow` finds
//! `フロー`, `承認` finds `approval` and `コネクタ` finds `コネクター` — members write both
//! languages and both katakana variants. "Similar questions" scores candidates by the share of the draft's character n-grams
//! they contain, which works for Japanese titles with no spaces where word-based similarity
//! gives nothing.

use crate::error::FieldError;
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// Longest search query, in characters.
pub const QUERY_MAX_CHARS: usize = 200;
/// Most terms in one query.
pub const MAX_TERMS: usize = 10;
/// The n-gram length "similar questions" compares for Latin-script words (trigrams).
pub const TRIGRAM_MIN_CHARS: usize = 3;

/// The form all searchable text is stored and compared in.
pub fn normalize(text: &str) -> String {
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// Words that mean the same to citizen developers, in their normalised form: English, the
/// katakana loanword (with and without the final long vowel where both are written) or the
/// Japanese word. A query term equal to one of them matches any of its group. Plurals need
/// no entry (`flow` is found inside `flows`), and one-character words are left out because
/// they would match inside too many others. A company adds its own words with
/// `TSUNAGU_SEARCH_GLOSSARY` (see [`Glossary::extended`]).
pub const GLOSSARY: &[&[&str]] = &[
    &["flow", "フロー"],
    &["approval", "承認"],
    &["approver", "承認者"],
    &["connector", "コネクタ", "コネクター"],
    &["trigger", "トリガー", "トリガ"],
    &["action", "アクション"],
    &["app", "アプリ"],
    &["canvas", "キャンバス"],
    &["variable", "変数"],
    &["condition", "条件"],
    &["loop", "ループ"],
    &["error", "エラー"],
    &["table", "テーブル"],
    &["list", "リスト"],
    &["column", "カラム"],
    &["form", "フォーム"],
    &["mail", "メール"],
    &["attachment", "添付"],
    &["schedule", "スケジュール"],
    &["license", "licence", "ライセンス"],
    &["environment", "環境"],
    &["solution", "ソリューション"],
    &["gallery", "ギャラリー"],
    &["button", "ボタン"],
    &["file", "ファイル"],
    &["folder", "フォルダ", "フォルダー"],
    &["permission", "権限"],
    &["notification", "通知"],
    &["template", "テンプレート"],
    &["filter", "フィルター", "フィルタ"],
    &["expense", "経費"],
    &["automation", "自動化"],
    &["excel", "エクセル"],
    &["sharepoint", "シェアポイント"],
    &["outlook", "アウトルック"],
    &["teams", "チームズ"],
    &["dataverse", "データバース"],
];

/// The glossary in use: the built-in [`GLOSSARY`], plus a company's own groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glossary {
    groups: Vec<Vec<String>>,
}

impl Default for Glossary {
    fn default() -> Self {
        Self {
            groups: GLOSSARY
                .iter()
                .map(|g| g.iter().map(|w| (*w).to_owned()).collect())
                .collect(),
        }
    }
}

impl Glossary {
    /// The built-in glossary extended by `text`: one group per line, words separated by commas
    /// (`kintone, キントーン`); blank lines and lines starting with `#` are skipped. Words are
    /// normalised like search text; a group sharing a word with another (built-in or not) is
    /// merged into it, so `flow, ワークフロー` adds a spelling to the built-in `flow` group.
    /// Errors name the line.
    pub fn extended(text: &str) -> Result<Self, String> {
        let mut glossary = Self::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words: Vec<String> = Vec::new();
            for word in line.split([',', '、']).map(|w| normalize(w.trim())) {
                if word.is_empty() {
                    continue;
                }
                if word.chars().count() < 2 || word.chars().any(char::is_whitespace) {
                    return Err(format!(
                        "line {}: {word:?} must be one word of at least 2 characters",
                        n + 1
                    ));
                }
                if !words.contains(&word) {
                    words.push(word);
                }
            }
            if words.len() < 2 {
                return Err(format!("line {}: a group needs at least two words", n + 1));
            }
            // Merge every existing group that shares a word with this one.
            let (sharing, mut rest): (Vec<Vec<String>>, Vec<Vec<String>>) = glossary
                .groups
                .into_iter()
                .partition(|g| g.iter().any(|w| words.contains(w)));
            let mut merged: Vec<String> = sharing.into_iter().flatten().collect();
            for word in words {
                if !merged.contains(&word) {
                    merged.push(word);
                }
            }
            rest.push(merged);
            glossary.groups = rest;
        }
        Ok(glossary)
    }

    /// The spellings a normalised term is searched by: itself, and the rest of its group.
    pub fn alternatives(&self, term: &str) -> Vec<String> {
        let mut out = vec![term.to_owned()];
        for group in &self.groups {
            if group.iter().any(|w| w == term) {
                out.extend(group.iter().filter(|w| *w != term).cloned());
            }
        }
        out
    }
}

/// A parsed search: normalised terms, all of which must match (each by any of its
/// [`alternatives`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    terms: Vec<String>,
    groups: Vec<Vec<String>>,
}

impl SearchQuery {
    /// Parses `q`, each term with its spellings in `glossary`; `None` when it holds no terms
    /// (blank means "no search").
    pub fn parse(field: &str, raw: &str, glossary: &Glossary) -> Result<Option<Self>, FieldError> {
        let count = raw.chars().count();
        if count > QUERY_MAX_CHARS {
            return Err(FieldError::say(
                field,
                "too_long",
                "text-too-long",
                vec![
                    ("max", crate::i18n::Arg::from(QUERY_MAX_CHARS)),
                    ("count", crate::i18n::Arg::from(count)),
                ],
            ));
        }
        if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
            return Err(FieldError::say(
                field,
                "invalid_character",
                "search-control",
                vec![],
            ));
        }
        let normalized = normalize(raw);
        let mut terms: Vec<String> = Vec::new();
        for term in normalized
            .split(char::is_whitespace)
            .filter(|t| !t.is_empty())
        {
            if !terms.iter().any(|t| t == term) {
                terms.push(term.to_owned());
            }
        }
        if terms.len() > MAX_TERMS {
            return Err(FieldError::say(
                field,
                "too_many_terms",
                "search-too-many-words",
                vec![
                    ("max", crate::i18n::Arg::from(MAX_TERMS)),
                    ("count", crate::i18n::Arg::from(terms.len())),
                ],
            ));
        }
        let groups = terms.iter().map(|t| glossary.alternatives(t)).collect();
        Ok((!terms.is_empty()).then_some(Self { terms, groups }))
    }

    /// The normalised terms.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Each term with its other spellings: every group must match, by any of its members.
    pub fn term_groups(&self) -> &[Vec<String>] {
        &self.groups
    }
}

/// `text` cut into runs, each `(run, matched)`: a run is matched when it is part of an
/// occurrence of one of `needles` (normalised search terms and their other spellings),
/// compared in the normalised form, as the search compares — for highlighting results.
pub fn highlight(text: &str, needles: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    // The normalised form of the text, and where each character's part of it starts.
    let mut normalized = String::new();
    let mut starts = Vec::with_capacity(chars.len() + 1);
    for c in &chars {
        starts.push(normalized.len());
        normalized.push_str(&normalize(c.encode_utf8(&mut [0; 4])));
    }
    starts.push(normalized.len());
    let mut marked = vec![false; chars.len()];
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        for (at, found) in normalized.match_indices(needle.as_str()) {
            let end = at + found.len();
            for (i, mark) in marked.iter_mut().enumerate() {
                if starts[i] < end && starts[i + 1] > at {
                    *mark = true;
                }
            }
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (c, mark) in chars.into_iter().zip(marked) {
        match runs.last_mut() {
            Some((run, m)) if *m == mark => run.push(c),
            _ => runs.push((c.to_string(), mark)),
        }
    }
    runs
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern and wraps it in `%…%`.
pub fn like_contains(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The character n-grams that "similar questions" compares: trigrams of Latin-script words
/// (`approval` → `app`, `ppr`, …) and bigrams of Japanese runs (`通知方法` → `通知`, `知方`,
/// `方法`), because most Japanese words are two characters long and a trigram would straddle
/// two of them. Punctuation and spaces separate runs; single Latin letters are ignored.
pub fn similarity_grams(text: &str) -> BTreeSet<String> {
    let normalized = normalize(text);
    let mut grams = BTreeSet::new();
    let mut run: Vec<char> = Vec::new();
    let mut flush = |run: &mut Vec<char>| {
        let latin = run.first().is_some_and(char::is_ascii);
        let n = if latin { TRIGRAM_MIN_CHARS } else { 2 };
        match run.len() {
            0 => {}
            1 if latin => {}
            len if len < n => {
                grams.insert(run.iter().collect());
            }
            _ => {
                for window in run.windows(n) {
                    grams.insert(window.iter().collect());
                }
            }
        }
        run.clear();
    };
    for c in normalized.chars() {
        if !c.is_alphanumeric() {
            flush(&mut run);
        } else {
            if run.first().is_some_and(|f| f.is_ascii() != c.is_ascii()) {
                flush(&mut run);
            }
            run.push(c);
        }
    }
    flush(&mut run);
    grams
}

/// How similar a candidate title is to a draft: the share of the draft's n-grams found in the
/// candidate's, from 0.0 to 1.0.
pub fn similarity(draft: &BTreeSet<String>, candidate_title: &str) -> f64 {
    if draft.is_empty() {
        return 0.0;
    }
    let candidate = similarity_grams(candidate_title);
    let shared = draft.intersection(&candidate).count();
    shared as f64 / draft.len() as f64
}

// The gram index: character bigrams, the standard way to index Japanese without a dictionary
// (Elasticsearch's `cjk_bigram`, Groonga's `TokenBigram`), used for English too so that one
// index serves every term of any length exactly.
//
// Every character and every pair of adjacent characters of the normalised text becomes a
// token written in hexadecimal code points (`承認` → `627fx8a8d`), so that no tokenizer ever
// splits, folds or drops one — punctuation, `%` and `_` included. On SQLite an FTS5 table
// holds, for each position of the text, the pair starting there, prefixed with `t` in the
// title and `b` in the body ([`gram_sequence`]); a term of two or more characters is the
// phrase of its pairs, which matches exactly where the term is a substring, and a
// one-character term is the prefix of the pairs starting with it ([`fts_term`]). The prefix
// gives the title its own postings: "every word in the title" reads the titles' postings
// only, not every posting of its words to keep the title ones. On PostgreSQL a GIN-indexed
// array holds each distinct character and pair of the title (`t…`) and of the body (`b…`)
// ([`gram_set`]); the pairs of a term narrow the rows down, and `LIKE` on those rows keeps
// the match exact ([`term_grams`]).

/// A character as a token: its code point in hexadecimal.
fn hex(c: char) -> String {
    format!("{:x}", c as u32)
}

/// The pair `a`, `b` as a token (`627fx8a8d`); `b` is `None` at the end of the text.
fn pair(a: char, b: Option<char>) -> String {
    match b {
        Some(b) => format!("{}x{}", hex(a), hex(b)),
        None => format!("{}x", hex(a)),
    }
}

/// The FTS5 column text for normalised `text` in `field` (`t` for a title, `b` for a body):
/// at each position, the pair starting there, prefixed with `field`, separated by spaces
/// (`ab` in a title → `t61x62 t62x`).
pub fn gram_sequence(field: char, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(chars.len() * 11);
    for (i, c) in chars.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(field);
        out.push_str(&pair(*c, chars.get(i + 1).copied()));
    }
    out
}

/// The FTS5 query for one normalised term in `field` (see [`gram_sequence`]): the phrase of
/// its pairs, or for one character the prefix of every pair starting with it.
pub fn fts_term(field: char, term: &str) -> String {
    let chars: Vec<char> = term.chars().collect();
    match chars.as_slice() {
        [] => "\"\"".to_owned(),
        [c] => format!("\"{field}{}x\"*", hex(*c)),
        _ => {
            let pairs: Vec<String> = chars
                .windows(2)
                .map(|w| format!("{field}{}", pair(w[0], Some(w[1]))))
                .collect();
            format!("\"{}\"", pairs.join(" "))
        }
    }
}

/// The distinct characters and pairs of normalised `text`, each prefixed with `field` (`t`
/// for a title, `b` for a body), separated by spaces: PostgreSQL's array of grams.
pub fn gram_set(field: char, text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut grams = BTreeSet::new();
    for (i, c) in chars.iter().enumerate() {
        grams.insert(format!("{field}{}", hex(*c)));
        if let Some(next) = chars.get(i + 1) {
            grams.insert(format!("{field}{}", pair(*c, Some(*next))));
        }
    }
    grams
}

/// The grams a row's `field` must hold to contain normalised `term` (see [`gram_set`]): its
/// distinct pairs, or the character itself.
pub fn term_grams(field: char, term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() == 1 {
        return vec![format!("{field}{}", hex(chars[0]))];
    }
    let set: BTreeSet<String> = chars
        .windows(2)
        .map(|w| format!("{field}{}", pair(w[0], Some(w[1]))))
        .collect();
    set.into_iter().collect()
}

/// The PostgreSQL array of grams for a post: its title's and its body's, space-separated
/// (the store splits them with `string_to_array`).
pub fn post_grams(search_title: &str, search_body: &str) -> String {
    let mut all = gram_set('t', search_title);
    all.extend(gram_set('b', search_body));
    all.into_iter().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_follow_the_normalised_comparison() {
        let runs = highlight("ＦＬＯＷの承認フロー", &["flow".into(), "承認".into()]);
        assert_eq!(
            runs,
            vec![
                ("ＦＬＯＷ".to_owned(), true),
                ("の".to_owned(), false),
                ("承認".to_owned(), true),
                ("フロー".to_owned(), false),
            ]
        );
        assert_eq!(highlight("abc", &[]), vec![("abc".to_owned(), false)]);
    }

    #[test]
    fn queries_split_on_ascii_and_full_width_spaces() {
        let q = SearchQuery::parse("q", "承認　経費 Flow", &Glossary::default())
            .unwrap()
            .unwrap();
        assert_eq!(q.terms(), ["承認", "経費", "flow"]);
        assert_eq!(
            SearchQuery::parse("q", " 　 ", &Glossary::default()).unwrap(),
            None
        );
    }

    #[test]
    fn width_and_case_variants_normalise_to_one_form() {
        assert_eq!(normalize("ＵＩ"), "ui");
        assert_eq!(normalize("ﾌﾛｰ"), "フロー");
        assert_eq!(normalize("SharePoint"), "sharepoint");
    }

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_contains("100%_x\\"), "%100\\%\\_x\\\\%");
    }

    #[test]
    fn too_many_terms_is_an_error() {
        let q = (0..11)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            SearchQuery::parse("q", &q, &Glossary::default())
                .unwrap_err()
                .code,
            "too_many_terms"
        );
    }

    #[test]
    fn japanese_runs_give_bigrams_and_latin_words_trigrams() {
        let grams = similarity_grams("Flow の通知、UI");
        let expected: BTreeSet<String> = ["flo", "low", "の通", "通知", "ui"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(grams, expected);
        assert!(similarity_grams("a ?").is_empty());
    }

    #[test]
    fn japanese_titles_without_spaces_are_similar_by_their_bigrams() {
        let draft = similarity_grams("経費精算の承認フローが止まる");
        assert!(similarity(&draft, "経費精算の承認フローが動かない") > 0.5);
        assert!(similarity(&draft, "Excel の関数について") < 0.1);
        let short = similarity_grams("差し戻しの通知方法");
        assert!(similarity(&short, "承認フローで差し戻されたら申請者に通知したい") >= 0.3);
        let english = similarity_grams("Approval flow is stuck");
        assert!(similarity(&english, "approval flow stuck after update") > 0.6);
    }

    #[test]
    fn glossary_terms_match_their_other_spellings() {
        let glossary = Glossary::default();
        assert_eq!(glossary.alternatives("flow"), ["flow", "フロー"]);
        assert_eq!(
            glossary.alternatives("コネクター"),
            ["コネクター", "connector", "コネクタ"]
        );
        assert_eq!(glossary.alternatives("承認"), ["承認", "approval"]);
        assert_eq!(glossary.alternatives("経費精算"), ["経費精算"]);
        // Every glossary word is already in normalised form, and appears in one group only.
        let mut seen = std::collections::HashSet::new();
        for group in GLOSSARY {
            for word in *group {
                assert_eq!(normalize(word), *word);
                assert!(seen.insert(*word), "{word} is in two groups");
                assert!(
                    word.chars().count() >= 2,
                    "{word} is too short to search by"
                );
            }
        }
        let q = SearchQuery::parse("q", "ＦＬＯＷ 承認", &Glossary::default())
            .unwrap()
            .unwrap();
        assert_eq!(
            q.term_groups(),
            [vec!["flow", "フロー"], vec!["承認", "approval"]]
        );
    }

    #[test]
    fn a_company_glossary_adds_groups_and_spellings() {
        let text =
            "# our systems\nKintone, キントーン\n\nflow、ワークフロー\nＳＡＰ, エスエーピー, sap\n";
        let glossary = Glossary::extended(text).unwrap();
        assert_eq!(glossary.alternatives("kintone"), ["kintone", "キントーン"]);
        assert_eq!(
            glossary.alternatives("ワークフロー"),
            ["ワークフロー", "flow", "フロー"]
        );
        assert_eq!(glossary.alternatives("sap"), ["sap", "エスエーピー"]);
        // Merging keeps one group: flow's spellings are not listed twice.
        assert_eq!(
            glossary.alternatives("フロー"),
            ["フロー", "flow", "ワークフロー"]
        );
        for (bad, line) in [
            ("kintone\n", 1),
            ("# c\na, bb\n", 2),
            ("two words, x y\n", 1),
        ] {
            let e = Glossary::extended(bad).unwrap_err();
            assert!(e.starts_with(&format!("line {line}:")), "{bad:?}: {e}");
        }
    }

    #[test]
    fn grams_are_hexadecimal_pairs_in_order() {
        use super::{fts_term, gram_sequence, post_grams, term_grams};
        assert_eq!(gram_sequence('t', "承認"), "t627fx8a8d t8a8dx");
        assert_eq!(gram_sequence('b', "a%"), "b61x25 b25x");
        assert_eq!(fts_term('t', "承認"), "\"t627fx8a8d\"");
        assert_eq!(fts_term('b', "承"), "\"b627fx\"*");
        assert_eq!(fts_term('t', "承認フ"), "\"t627fx8a8d t8a8dx30d5\"");
        assert_eq!(term_grams('t', "aaa"), vec!["t61x61"]);
        assert_eq!(post_grams("ab", "b"), "b62 t61 t61x62 t62");
    }
}
