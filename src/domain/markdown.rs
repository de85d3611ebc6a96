//! Markdown → safe HTML, for `body_html`/`story_html` in responses and `excerpt_html` in
//! events: flows post them to Teams and into Power Apps' HTML text control, which would show
//! raw `**Reject**`, and the members' pages show the same HTML.
//!
//! Rendering is pulldown-cmark (CommonMark with tables, strikethrough and task lists);
//! sanitising is ammonia, a whitelist sanitiser, so no script, style, event handler or
//! `javascript:` URL survives whatever the Markdown contains. Two choices on top:
//! - HTML typed into the Markdown is shown as text, not interpreted: members paste
//!   expressions and XML from flows (`<br>`, `<x:Body>`) and expect to see them.
//! - Images are not rendered (their alt text is): an image fetched from a server a member
//!   controls would tell that member who read the post and when — including the asker of an
//!   anonymous question reading answers in her own thread.
//!
//! Links keep only `http`, `https` and `mailto` and get `rel="noopener noreferrer nofollow"`.

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// Deepest nesting of elements rendered; deeper containers (a quote in a quote in …) are
/// flattened into their text. The sanitiser's HTML parser takes time quadratic in the nesting
/// depth, so without this a body of 20,000 `>` — or `- ` — would take seconds to render on
/// every read (measured: 10,000 nested list items, 1.7 s; capped, milliseconds).
pub const MAX_DEPTH: usize = 16;

/// The text of Markdown without its markup, for places that show plain text (Adaptive Cards'
/// text blocks): paragraphs and list items on their own lines, code as typed, links as their
/// text, images as their alt text, HTML as typed.
pub fn to_plain(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::CodeBlock,
            ) if !text.ends_with('\n') => text.push('\n'),
            _ => {}
        }
    }
    text.trim().to_owned()
}

/// Renders Markdown as sanitised HTML (a fragment: `<p>`, lists, code, tables, links).
///
/// Served from [`RENDERED`] when the same text was rendered lately: a list of 20 questions
/// rendered and sanitised 20 bodies on every read.
pub fn to_html(markdown: &str) -> String {
    if let Some(html) = RENDERED.get(markdown) {
        return html.to_string();
    }
    let html = render(markdown);
    RENDERED.insert(markdown.to_owned(), std::sync::Arc::from(html.as_str()));
    html
}

/// Most bytes of Markdown and HTML kept in [`RENDERED`] (4 MiB: about 2,000 posts of an
/// average length).
const RENDERED_BYTES: u64 = 4 << 20;

/// Recently rendered Markdown and its HTML, by the Markdown's text (so an edit is a new entry
/// and the old one ages out), bounded by [`RENDERED_BYTES`]. The rendering is a pure function
/// of the text, so a cached entry is never stale.
static RENDERED: std::sync::LazyLock<
    quick_cache::sync::Cache<String, std::sync::Arc<str>, TextBytes>,
> = std::sync::LazyLock::new(|| {
    quick_cache::sync::Cache::with_weighter(2_000, RENDERED_BYTES, TextBytes)
});

/// Weighs a cached rendering by its bytes (Markdown and HTML).
#[derive(Clone)]
struct TextBytes;

impl quick_cache::Weighter<String, std::sync::Arc<str>> for TextBytes {
    fn weight(&self, markdown: &String, html: &std::sync::Arc<str>) -> u64 {
        (markdown.len() + html.len()) as u64
    }
}

/// [`to_html`] without the cache.
fn render(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Whether each open element was kept (it was within MAX_DEPTH), so its end is kept too.
    let mut open: Vec<bool> = Vec::new();
    let mut kept_depth = 0usize;
    let events = Parser::new_ext(markdown, options).filter_map(move |event| match event {
        // HTML in the Markdown is shown as typed.
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        // An image becomes its alt text (the text events between its start and end).
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        // A task list's box, as a character (the sanitiser removes form controls).
        Event::TaskListMarker(done) => Some(Event::Text(if done { "☑ " } else { "☐ " }.into())),
        Event::Start(tag) => {
            let keep = kept_depth < MAX_DEPTH;
            open.push(keep);
            if keep {
                kept_depth += 1;
                Some(Event::Start(tag))
            } else {
                None
            }
        }
        Event::End(tag) => {
            if open.pop().unwrap_or(false) {
                kept_depth -= 1;
                Some(Event::End(tag))
            } else {
                None
            }
        }
        other => Some(other),
    });
    let mut rendered = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut rendered, events);
    SANITIZER.clean(&rendered).to_string()
}

/// The sanitiser, built once: building one fills a dozen hash sets, which was a tenth of the
/// CPU time of listing 20 questions (`perf`, `scripts/bench.sh`).
static SANITIZER: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .rm_tags(HashSet::from(["img"]));
    builder
});

#[cfg(test)]
mod tests {
    use super::{to_html, to_plain};

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            to_html("**Reject** it"),
            "<p><strong>Reject</strong> it</p>\n"
        );
        assert_eq!(
            to_html("1. 条件\n2. 承認"),
            "<ol>\n<li>条件</li>\n<li>承認</li>\n</ol>\n"
        );
        assert!(to_html("`code`").contains("<code>code</code>"));
        assert!(to_html("| a | b |\n|---|---|\n| 1 | 2 |").contains("<table>"));
    }

    #[test]
    fn nothing_active_survives() {
        for hostile in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=https://evil.example></iframe>",
            "<style>body{display:none}</style>",
            "<div onclick=alert(1)>x</div>",
            "![pixel](https://tracker.example/p.png)",
        ] {
            let html = to_html(hostile);
            // Every tag that survives is harmless: text may mention anything, escaped.
            for tag in html.to_lowercase().split('<').skip(1) {
                let tag = tag.split('>').next().unwrap_or("");
                for active in [
                    "script",
                    "img",
                    "iframe",
                    "style",
                    "javascript:",
                    "data:",
                    "onerror",
                    "onclick",
                    "tracker",
                ] {
                    assert!(!tag.contains(active), "{hostile:?} → {html}");
                }
            }
        }
        // Typed HTML is shown as text; an image leaves its alt text.
        assert_eq!(to_html("<b>x</b>"), "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
        assert_eq!(
            to_html("![the chart](https://x.example/c.png)"),
            "<p>the chart</p>\n"
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        for deep in [
            format!("{}x", ">".repeat(20_000)),
            format!("{}x", "- ".repeat(9_000)),
            format!("{}x", "1. ".repeat(6_000)),
        ] {
            let html = to_html(&deep);
            let mut depth = 0usize;
            let mut deepest = 0usize;
            for tag in html.split('<').skip(1) {
                if tag.starts_with('/') {
                    depth = depth.saturating_sub(1);
                } else if !tag.starts_with("br") && !tag.starts_with("hr") {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            assert!(deepest <= super::MAX_DEPTH, "depth {deepest}");
            assert!(html.contains('x'), "the text is kept");
        }
        // Ordinary nesting is untouched; task boxes stay visible.
        assert_eq!(
            to_html("> quoted\n>\n> - item"),
            "<blockquote>\n<p>quoted</p>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>\n"
        );
        assert!(to_html("- [ ] todo\n- [x] done").contains("☐ todo"));
        assert!(to_html("- [x] done").contains("☑ done"));
    }

    #[test]
    fn links_are_safe_to_follow() {
        let html = to_html("[docs](https://learn.microsoft.com/power-automate/)");
        assert!(
            html.contains("href=\"https://learn.microsoft.com/power-automate/\""),
            "{html}"
        );
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{html}"
        );
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            to_plain("**Reject** の[とき](https://x)は\n\n- `条件`\n- 承認 <b>"),
            "Reject のときは\n条件\n承認 <b>"
        );
    }
}
