//! From ordered raw lines to [`Line`]s: repeated headers and footers, page numbers, line-end
//! hyphenation, bullets, headings and paragraph breaks.

use std::collections::HashMap;

use super::layout::{RawLine, body_size};
use crate::ingest::doc::{Line, line_from_plain};

/// A line at most this far from the top or bottom edge (as a share of the page height) may be
/// a running header or footer.
const EDGE: f32 = 0.12;

/// Turns each page's ordered lines into the document's lines. Returns them and whether text
/// sat in repeated headers or footers.
pub(super) fn finish(pages: Vec<(Vec<RawLine>, f32)>) -> (Vec<Line>, bool) {
    let (drop, header_footer) = running_lines(&pages);
    let all: Vec<RawLine> = pages.into_iter().flat_map(|(lines, _)| lines).collect();
    let body = body_size(&all);
    let mut out: Vec<Line> = Vec::with_capacity(all.len() + all.len() / 4);
    let mut prev: Option<&RawLine> = None;
    for (i, raw) in all.iter().enumerate() {
        if drop.contains(&i) {
            continue;
        }
        let mut line = line_from_plain(&raw.text, raw.page);
        if line.text.is_empty() {
            continue;
        }
        let rel = if body > 0.0 { raw.size / body } else { 1.0 };
        line.size = Some((rel * 100.0).round() / 100.0);
        line.heading = !line.bullet && !raw.table && is_heading(raw, &line.text, rel);
        line.table = raw.table;
        if let Some(p) = prev {
            let new_flow = p.page != raw.page || p.column != raw.column;
            let gap = raw.y - p.y;
            if (new_flow || gap > 1.75 * p.size.max(raw.size) || gap < 0.0)
                && out.last().is_some_and(|l| !l.text.is_empty())
            {
                out.push(Line {
                    text: String::new(),
                    page: raw.page,
                    ..Line::default()
                });
            } else if !new_flow && !line.bullet && !line.heading {
                if let Some(last) = out.last_mut() {
                    dehyphenate(last, &mut line);
                }
            }
        }
        prev = Some(raw);
        if !line.text.is_empty() {
            out.push(line);
        }
    }
    while out.last().is_some_and(|l| l.text.is_empty()) {
        out.pop();
    }
    (out, header_footer)
}

/// A heading is a short line set larger than the body or entirely in bold capitals, not
/// starting with a number (award and publication entries do) and not ending like a sentence.
fn is_heading(raw: &RawLine, text: &str, rel: f32) -> bool {
    let words = text.split_whitespace().count();
    if words == 0
        || words > 8
        || text.ends_with(['.', ',', ';', '-'])
        || text.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    if rel >= 1.15 {
        return true;
    }
    let all_bold = raw.bold * 10 >= raw.chars * 9;
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let caps = letters.clone().count() >= 3 && letters.clone().all(char::is_uppercase);
    all_bold && caps && words <= 5
}

/// First halves of compounds that keep their hyphen when broken across lines.
const COMPOUND_PREFIXES: &[&str] = &[
    "multi", "cross", "self", "non", "co", "well", "high", "low", "full", "cloud", "open", "real",
    "end", "long", "short", "client", "server", "data", "user", "hands", "state", "cost", "time",
    "fault", "cutting", "fast", "large", "small", "event", "test", "detail", "team", "customer",
    "mission", "front", "back", "on", "off", "in", "e", "x", "re",
];

/// "develop-" then "ment of ..." becomes "development" then "of ...". The hyphen may end the
/// line's first field when a right-aligned date follows it ("submis- | 4 months").
fn dehyphenate(prev: &mut Line, next: &mut Line) {
    let field_end = prev.text.find(" | ").unwrap_or(prev.text.len());
    let mut tail = prev.text[..field_end].chars().rev();
    let (Some('-'), Some(before)) = (tail.next(), tail.next()) else {
        return;
    };
    if !before.is_lowercase() || !next.text.starts_with(|c: char| c.is_lowercase()) {
        return;
    }
    let cut = next.text.find(' ').unwrap_or(next.text.len());
    let word = next.text[..cut].to_string();
    // "multi-" + "account" is a compound broken at its own hyphen: keep the hyphen.
    let head = &prev.text[..field_end - 1];
    let prefix = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let keep = if COMPOUND_PREFIXES.contains(&prefix.as_str()) {
        1
    } else {
        0
    };
    prev.text
        .replace_range(field_end - 1 + keep..field_end, &word);
    next.text = next.text[cut..].trim_start_matches([' ', '|']).to_string();
}

/// Lines repeated at the top or bottom of several pages. Returns the indices (into the
/// flattened line list) to drop, keeping each repeated text once, and whether any repeated
/// text other than a page number was found. Page numbers alone are always dropped.
fn running_lines(pages: &[(Vec<RawLine>, f32)]) -> (std::collections::HashSet<usize>, bool) {
    let mut drop = std::collections::HashSet::new();
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    let mut base = 0;
    for (lines, height) in pages {
        let mut keys_here = std::collections::HashSet::new();
        for (i, l) in lines.iter().enumerate() {
            let edge = l.y < EDGE * height || l.y > (1.0 - EDGE) * height;
            if !edge {
                continue;
            }
            let key = shape(&l.text);
            if is_page_number(&key) {
                drop.insert(base + i);
            } else if keys_here.insert(key.clone()) {
                seen.entry(key).or_default().push(base + i);
            }
        }
        base += lines.len();
    }
    let mut found = false;
    if pages.len() >= 2 {
        for at in seen.values().filter(|v| v.len() >= 2) {
            found = true;
            drop.extend(at.iter().skip(1));
        }
    }
    (drop, found)
}

/// Text with digits folded and spaces collapsed, so "Page 2" and "Page 3" compare equal.
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            out.push(if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            });
        }
    }
    while out.contains("##") {
        out = out.replace("##", "#");
    }
    out
}

fn is_page_number(shaped: &str) -> bool {
    matches!(
        shaped,
        "#" | "# / #"
            | "#/#"
            | "- # -"
            | "page #"
            | "page # of #"
            | "page #/#"
            | "# of #"
            | "seite #"
            | "página #"
            | "p. #"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str, page: u32, y: f32) -> RawLine {
        RawLine {
            text: text.into(),
            page,
            y,
            size: 10.0,
            chars: text.len() as u32,
            bold: 0,
            column: 0,
            fields: vec![72.0],
            table: false,
        }
    }

    #[test]
    fn repeated_header_kept_once_and_page_numbers_dropped() {
        let p1 = vec![
            raw("Jane Doe · jane@example.com", 1, 20.0),
            raw("Experience", 1, 100.0),
            raw("1 / 2", 1, 780.0),
        ];
        let p2 = vec![
            raw("Jane Doe · jane@example.com", 2, 20.0),
            raw("Education", 2, 100.0),
            raw("2 / 2", 2, 780.0),
        ];
        let (lines, hf) = finish(vec![(p1, 792.0), (p2, 792.0)]);
        let texts: Vec<&str> = lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            texts,
            ["Jane Doe · jane@example.com", "Experience", "Education"]
        );
        assert!(hf);
    }

    #[test]
    fn hyphenation_joined_at_line_end_only() {
        let lines = vec![
            raw("Built a high-throughput devel-", 1, 300.0),
            raw("opment pipeline", 1, 312.0),
            raw("Sep 2023 -", 1, 324.0),
            raw("Mar 2024", 1, 336.0),
            raw("top 5% of submis- | 4 months", 1, 348.0),
            raw("sions)", 1, 360.0),
            raw("AWS multi-", 1, 372.0),
            raw("account setups", 1, 384.0),
        ];
        let (out, _) = finish(vec![(lines, 792.0)]);
        let texts: Vec<&str> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Built a high-throughput development",
                "pipeline",
                "Sep 2023 -",
                "Mar 2024",
                "top 5% of submissions) | 4 months",
                "AWS multi-account",
                "setups"
            ]
        );
    }
}
