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

/// Renders Markdown as sanitised HTML (a fragment: `<p>`, lists, code, tables, links).
pub fn to_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        // HTML in the Markdown is shown as typed.
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        // An image becomes its alt text (the text events between its start and end).
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut rendered = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut rendered, events);
    ammonia::Builder::default()
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .rm_tags(HashSet::from(["img"]))
        .clean(&rendered)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_html;

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
}
