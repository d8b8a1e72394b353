//! Markdown to [`TextDoc`]: headings (ATX and setext) become heading lines, list items bullets,
//! paragraphs one line each; emphasis and code marks are stripped, links kept as `text (url)`.

use std::sync::LazyLock;

use regex::Regex;

use super::TextDoc;
use super::doc::{LayoutSignals, Line, clean};

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+[^)]*)?\)").expect("link pattern is valid")
});
static REF_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\s?\[[^\]]*\]").expect("ref link pattern is valid"));
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<((?:https?://|mailto:)?[^<>\s]+[@.][^<>\s]+)>")
        .expect("autolink pattern is valid")
});
static REF_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}\[[^\]]+\]:\s*\S+").expect("ref def pattern is valid"));
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$").expect("list pattern is valid")
});
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|(?P<pre>[\s(\[]))[*_](?P<post>\S)|(?P<pre2>\S)[*_](?:$|(?P<after>[\s).,;:!?\]]))",
    )
    .expect("emphasis pattern is valid")
});
static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^<>]*>|<!--.*?-->").expect("tag pattern is valid"));

/// Inline Markdown to plain text.
fn inline(text: &str) -> String {
    let t = text.trim_end_matches('\\').replace('`', "");
    let t = LINK.replace_all(&t, |c: &regex::Captures<'_>| {
        let (bang, label, url) = (&c[1], c[2].trim(), c[3].trim());
        if !bang.is_empty() {
            String::new()
        } else if label.is_empty() || label == url || url.starts_with('#') {
            if label.is_empty() {
                url.to_string()
            } else {
                label.to_string()
            }
        } else {
            format!("{label} ({url})")
        }
    });
    let t = AUTOLINK.replace_all(&t, |c: &regex::Captures<'_>| {
        c[1].trim_start_matches("mailto:").to_string()
    });
    let t = REF_LINK.replace_all(&t, "$1");
    let t = HTML_TAG.replace_all(&t, "");
    let t = t.replace("**", "").replace("__", "");
    let t = EMPHASIS.replace_all(&t, |c: &regex::Captures<'_>| {
        let mut s = String::new();
        for n in ["pre", "post", "pre2", "after"] {
            if let Some(m) = c.name(n) {
                s.push_str(m.as_str());
            }
        }
        s
    });
    clean(&t)
}

fn is_rule(t: &str) -> bool {
    let t = t.trim();
    t.len() >= 3
        && (t.chars().all(|c| c == '-' || c == ' ')
            || t.chars().all(|c| c == '*' || c == ' ')
            || t.chars().all(|c| c == '_' || c == ' '))
}

/// Markdown to lines with heading and bullet hints.
pub fn extract(text: &str) -> TextDoc {
    let raw: Vec<&str> = text.lines().collect();
    let mut lines: Vec<Line> = Vec::new();
    // Whether the last line is an open paragraph or list item that a following line continues.
    let mut open = false;
    let mut in_code = false;
    let mut i = 0;
    while i < raw.len() {
        let r = raw[i];
        let t = r.trim();
        i += 1;
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            open = false;
            continue;
        }
        if in_code {
            lines.push(Line::plain(clean(r)));
            continue;
        }
        if t.is_empty() {
            if open {
                lines.push(Line::plain(""));
            }
            open = false;
            continue;
        }
        // Setext heading: this line underlined by === or --- on the next.
        if let Some(next) = raw.get(i) {
            let n = next.trim();
            if !t.starts_with(['-', '*', '+', '>', '|'])
                && n.len() >= 2
                && (n.chars().all(|c| c == '=') || n.chars().all(|c| c == '-'))
            {
                lines.push(Line {
                    text: inline(t),
                    page: 1,
                    heading: true,
                    ..Line::default()
                });
                i += 1;
                open = false;
                continue;
            }
        }
        if is_rule(t) || REF_DEF.is_match(r) {
            open = false;
            continue;
        }
        if let Some(h) = t.strip_prefix('#') {
            let h = h.trim_start_matches('#');
            if h.starts_with(' ') || h.is_empty() {
                let h = h.trim().trim_end_matches('#').trim();
                lines.push(Line {
                    text: inline(h),
                    page: 1,
                    heading: true,
                    ..Line::default()
                });
                open = false;
                continue;
            }
        }
        let t = t.trim_start_matches('>').trim_start();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('|') {
            let cells: Vec<String> = t.trim_matches('|').split('|').map(inline).collect();
            if cells
                .iter()
                .all(|c| c.chars().all(|ch| ch == '-' || ch == ':' || ch == ' '))
            {
                continue;
            }
            lines.push(Line {
                text: cells.join(" | "),
                page: 1,
                table: true,
                ..Line::default()
            });
            open = false;
            continue;
        }
        // Pandoc definition lists: ":   definition".
        let definition = t.starts_with(": ") || t.starts_with(":\t");
        let t = if definition { t[1..].trim_start() } else { t };
        if definition {
            open = false;
        }
        if let Some(c) = LIST_ITEM.captures(
            r.trim_start_matches('>')
                .trim_start_matches(' ')
                .trim_start(),
        ) {
            let body = c.get(2).map_or("", |m| m.as_str());
            lines.push(Line {
                text: inline(body),
                page: 1,
                bullet: true,
                ..Line::default()
            });
            open = true;
            continue;
        }
        let text = inline(t);
        let hard_break = r.trim_end().ends_with('\\') || r.ends_with("  ");
        match lines.last_mut() {
            Some(prev) if open && !prev.heading => {
                if !prev.text.is_empty() {
                    prev.text.push(' ');
                }
                prev.text.push_str(&text);
            }
            _ => lines.push(Line::plain(text)),
        }
        open = !hard_break;
    }
    TextDoc {
        lines,
        signals: LayoutSignals {
            pages: 1,
            ..LayoutSignals::default()
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_links_emphasis() {
        let md = "Jane Doe\n========\n\n> <jane@example.com> • [LinkedIn](https://linkedin.com/in/jane)\\\n> Berlin\n\n## Experience\n\n**Engineer**, *Acme*  \nJan 2020 - Present\n\n* Built **fast** things with\n  snake_case names\n* Second [item] [ref]\n\n[ref]: https://example.com\n\n1. Numbered\n";
        let d = extract(md);
        let texts: Vec<(&str, bool, bool)> = d
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.heading, l.bullet))
            .collect();
        assert_eq!(
            texts,
            [
                ("Jane Doe", true, false),
                (
                    "jane@example.com • LinkedIn (https://linkedin.com/in/jane)",
                    false,
                    false
                ),
                ("Berlin", false, false),
                ("", false, false),
                ("Experience", true, false),
                ("Engineer, Acme", false, false),
                ("Jan 2020 - Present", false, false),
                ("", false, false),
                ("Built fast things with snake_case names", false, true),
                ("Second item", false, true),
                ("", false, false),
                ("Numbered", false, true),
            ]
        );
    }
}
