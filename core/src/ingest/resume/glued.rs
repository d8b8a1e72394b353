//! Plain-text exports flatten a resume's layout: a heading runs into its content ("Skills *
//! Programming Languages: Python, Sql") or onto the end of the line before it ("…24
//! monthsCompany Details"). These rules split such lines so the outline sees the heading on a
//! line of its own.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::RLine;
use super::sections;

/// A heading ending in "Details" glued to the end of a line ("learning.Education Details").
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<body>.*?\S)\s*(?P<head>[A-Z][a-z]+ Details)\s*:?\s*$")
        .expect("trailing heading pattern is valid")
});

/// The heading words a line starts with, when a run-in bullet follows ("Skills * Programming
/// Languages: …"). Not before a colon: "Languages: Rust, Go" is a group in a skills list.
fn leading_heading(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    for sep in [" * ", " • "] {
        let Some((head, rest)) = t.split_once(sep) else {
            continue;
        };
        let head = head.trim();
        if head.split_whitespace().count() <= 3
            && !rest.trim().is_empty()
            && head.starts_with(char::is_uppercase)
            && sections::vocab_kind(head).is_some()
        {
            return Some((head.to_string(), rest.trim().to_string()));
        }
    }
    None
}

/// A heading glued to the end of a line: the body and the heading.
fn trailing_heading(text: &str) -> Option<(String, String)> {
    let c = TRAILING.captures(text.trim())?;
    let (body, head) = (c.name("body")?.as_str(), c.name("head")?.as_str());
    sections::vocab_kind(head)?;
    Some((body.trim().to_string(), head.trim().to_string()))
}

/// Splits glued headings off their lines. Only for text without heading hints (plain text),
/// where layout cannot tell a heading apart.
pub(super) fn split(lines: Vec<RLine>) -> Vec<RLine> {
    if lines.iter().any(|l| l.hint) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        let mut cur = l;
        let mut tail: Option<RLine> = None;
        if let Some((body, head)) = trailing_heading(&cur.text) {
            tail = Some(RLine {
                text: head,
                bullet: false,
                gap_before: true,
                ..cur.clone()
            });
            cur.text = body;
        }
        match leading_heading(&cur.text) {
            Some((head, rest)) if !cur.bullet => {
                out.push(RLine {
                    text: head,
                    ..cur.clone()
                });
                // The run-in bullets become lines of their own: "Label: items" groups.
                for item in rest
                    .replace(" • ", " * ")
                    .split(" * ")
                    .filter(|t| !t.trim().is_empty())
                {
                    out.push(RLine {
                        text: item.trim().to_string(),
                        bullet: true,
                        gap_before: false,
                        ..cur.clone()
                    });
                }
            }
            _ => out.push(cur),
        }
        out.extend(tail);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> RLine {
        RLine {
            text: text.into(),
            bullet: false,
            hint: false,
            size: None,
            page: 1,
            first: 1,
            last: 1,
            gap_before: false,
            side: Vec::new(),
            anchor: None,
        }
    }

    fn texts(lines: &[&str]) -> Vec<String> {
        split(lines.iter().map(|t| line(t)).collect())
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn headings_glued_to_content_are_split() {
        assert_eq!(
            texts(&[
                "Skills * Programming Languages: Python, Sql * Machine learning: SVM.Education Details"
            ]),
            [
                "Skills",
                "Programming Languages: Python, Sql",
                "Machine learning: SVM.",
                "Education Details"
            ]
        );
        assert_eq!(
            texts(&["Python- Exprience - 24 monthsCompany Details"]),
            ["Python- Exprience - 24 months", "Company Details"]
        );
        assert_eq!(texts(&["Skill Details"]), ["Skill Details"]);
        // Not a heading: an ordinary label inside an entry.
        assert_eq!(
            texts(&["Order Details: billing rewrite", "Skills: Rust, Go"]),
            ["Order Details: billing rewrite", "Skills: Rust, Go"]
        );
    }
}
