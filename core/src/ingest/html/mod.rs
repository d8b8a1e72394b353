//! HTML resumes and job pages: text lines from the DOM, and schema.org JSON-LD blocks.
//!
//! Input is bounded in size and pre-scanned for nesting depth (`depth`) before html5ever
//! parses it; the tree is then walked with an explicit open/close traversal, never recursion,
//! so hostile nesting cannot exhaust the stack.

mod depth;
mod walk;

use scraper::Html;

use super::TextDoc;
use crate::{Error, Limits, Result};

/// Extracts text lines from an HTML document or fragment.
///
/// Block elements (`p`, `div`, `li`, `h1`-`h6`, `tr`, `section`, ...) and `br` end lines;
/// `h1`-`h6` lines are headings, `li` lines bullets, table rows one line with cells joined by
/// ` | ` (rows whose cells hold several blocks are page layout and come out block by block);
/// `script`, `style`, `noscript`, `template` and hidden elements are skipped.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<TextDoc> {
    let html = parse(bytes, limits)?;
    let doc = walk::lines(&html, limits)?;
    if doc.lines.iter().all(|l| l.text.is_empty()) {
        return Err(Error::invalid(
            "HTML document",
            "the page has no visible text",
        ));
    }
    Ok(doc)
}

/// The JSON-LD blocks (`<script type="application/ld+json">`) of a page, parsed. A block that
/// is an array, or an object with `@graph`, gives its member objects; blocks that are not
/// valid JSON are skipped.
pub fn json_ld(bytes: &[u8], limits: &Limits) -> Result<Vec<serde_json::Value>> {
    let html = parse(bytes, limits)?;
    let mut out = Vec::new();
    for node in html.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        if el.name() != "script"
            || !el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let text: String = node
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        let body = strip_wrappers(&text);
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(body) {
            flatten(value, &mut out, 0);
        }
    }
    Ok(out)
}

/// Some sites wrap JSON-LD in `<!-- -->` or `//<![CDATA[ ... //]]>`.
fn strip_wrappers(s: &str) -> &str {
    let mut t = s.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = t.strip_prefix(open) {
            t = inner.trim_end().strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    t
}

fn flatten(value: serde_json::Value, out: &mut Vec<serde_json::Value>, depth: u32) {
    match value {
        serde_json::Value::Array(items) if depth < 8 => {
            items.into_iter().for_each(|v| flatten(v, out, depth + 1))
        }
        serde_json::Value::Object(mut map) if depth < 8 && map.contains_key("@graph") => {
            match map.remove("@graph") {
                Some(graph) => flatten(graph, out, depth + 1),
                None => out.push(serde_json::Value::Object(map)),
            }
        }
        v @ serde_json::Value::Object(_) => out.push(v),
        _ => {}
    }
}

/// Decodes, bounds and parses the page.
fn parse(bytes: &[u8], limits: &Limits) -> Result<Html> {
    Limits::check("input bytes", bytes.len() as u64, limits.max_input_bytes)?;
    let text = decode(bytes);
    depth::check(&text, limits.max_nesting_depth)?;
    Ok(Html::parse_document(&text))
}

/// UTF-8 or UTF-16 by byte-order mark, else UTF-8, else the `<meta charset>`, else
/// Windows-1252 (what browsers assume for legacy pages).
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let enc = head
        .find("charset=")
        .map(|p| {
            head[p + 8..]
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect::<String>()
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8)
        .unwrap_or(encoding_rs::WINDOWS_1252);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

#[cfg(test)]
mod tests;
