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

/// A heading level as a relative font size, so that the resume parser can tell a section
/// (`##`) from an entry under it (`### tinyqueue`) the way it does for PDFs.
fn level_size(level: usize) -> f32 {
    match level {
        1 => 2.0,
        2 => 1.6,
        3 => 1.3,
        4 => 1.15,
        _ => 1.05,
    }
}

/// Markdown to lines with heading and bullet hints.
pub fn extract(text: &str) -> TextDoc {
    let raw: Vec<&str> = text.lines().collect();
    let mut lines: Vec<Line> = Vec::new();
    // Whether the last line is an open paragraph or list item that a following line continues.
    let mut open = false;
    let mut in_code = false;
    // A heading after some content has been seen: the header block is over.
    let mut section_seen = false;
    // The last paragraph line as written, to tell a wrap from a deliberate break.
    let mut prev_raw = String::new();
    // …and whether it started with a date range (a dated head line stands alone).
    let mut prev_dated = false;
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
                section_seen |= !lines.is_empty();
                lines.push(Line {
                    text: inline(t),
                    page: 1,
                    heading: true,
                    size: Some(level_size(if n.starts_with('=') { 1 } else { 2 })),
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
            let level = 1 + h.len() - h.trim_start_matches('#').len();
            let h = h.trim_start_matches('#');
            if h.starts_with(' ') || h.is_empty() {
                let h = h.trim().trim_end_matches('#').trim();
                section_seen |= !lines.is_empty();
                lines.push(Line {
                    text: inline(h),
                    page: 1,
                    heading: true,
                    size: Some(level_size(level)),
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
        // Resumes break lines without Markdown's trailing spaces: in the header block (name,
        // headline, contact lines) every line stands alone, and a date range starts its own line.
        let header = !section_seen;
        let dated = crate::model::date::find_date_range(&text).is_some_and(|d| d.span.0 == 0);
        // …and so does a line after a short one, unless it reads on (lowercase, open end).
        let reads_on = !prev_dated && prev_raw.chars().count() >= 50
            || text.starts_with(char::is_lowercase)
            || prev_raw.ends_with([',', ';', '(', '-', '/', '&']);
        prev_raw = t.to_string();
        prev_dated = dated;
        match lines.last_mut() {
            Some(prev) if open && !prev.heading && !header && !dated && reads_on => {
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

    #[test]
    fn resume_line_breaks_and_heading_levels() {
        let md = "# Ana Pereira\nBackend Engineer · Porto\nana@example.com\n\n## Experience\n\n\
                  ### Acme\n02/2019 - 03/2021  Acme Payments\nEngineer, Porto\n\n\
                  Prose that wraps at sixty characters or so, as editors do it\nand goes on here.\n";
        let d = extract(md);
        let texts: Vec<(&str, Option<f32>)> =
            d.lines.iter().map(|l| (l.text.as_str(), l.size)).collect();
        assert_eq!(
            texts,
            [
                ("Ana Pereira", Some(2.0)),
                ("Backend Engineer · Porto", None),
                ("ana@example.com", None),
                ("", None),
                ("Experience", Some(1.6)),
                ("Acme", Some(1.3)),
                ("02/2019 - 03/2021 Acme Payments", None),
                ("Engineer, Porto", None),
                ("", None),
                (
                    "Prose that wraps at sixty characters or so, as editors do it and goes on here.",
                    None
                ),
            ]
        );
    }
}
