//! A linear pre-scan of HTML nesting, run before html5ever.
//!
//! html5ever's tree builder is iterative, but some of its steps scan the stack of open
//! elements, so 100,000 nested `<div>`s cost quadratic time. Counting the depth first, the way
//! the tree builder would nest, turns such input into [`Error::LimitExceeded`] in one pass.

use crate::{Error, Result};

/// Elements that never hold children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame",
];
/// Elements whose end tag may be left out: the parser closes them when a sibling opens, so
/// they do not nest when written without end tags.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body",
];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Fails when element nesting goes deeper than `max`.
pub(super) fn check(html: &str, max: u64) -> Result<()> {
    let b = html.as_bytes();
    let mut i = 0;
    let mut depth: u64 = 0;
    // Depth at which foreign content (SVG, MathML) began: there `/>` closes an element.
    let mut foreign: Option<u64> = None;
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        let rest = &b[i..];
        if rest.starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        if rest.first().is_some_and(|c| *c == b'!' || *c == b'?') {
            i = memchr(b'>', rest).map_or(b.len(), |p| i + p + 1);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_start = i + usize::from(end_tag);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (close, self_closing) = tag_end(b, name_start + name_len);
        i = close;
        if end_tag {
            if !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
                if foreign.is_some_and(|f| depth <= f) {
                    foreign = None;
                }
            }
            continue;
        }
        if VOID.contains(&name.as_str())
            || OPTIONAL_END.contains(&name.as_str())
            || (self_closing && foreign.is_some())
        {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let closing = format!("</{name}");
            i = find_ci(b, i, closing.as_bytes()).unwrap_or(b.len());
            continue;
        }
        if (name == "svg" || name == "math") && foreign.is_none() {
            if self_closing {
                continue;
            }
            foreign = Some(depth);
        }
        depth += 1;
        if depth > max {
            return Err(Error::LimitExceeded {
                limit: "HTML nesting depth",
                actual: depth,
                max,
            });
        }
    }
    Ok(())
}

/// The index after the tag's `>`, skipping quoted attribute values, and whether it ends `/>`.
fn tag_end(b: &[u8], mut i: usize) -> (usize, bool) {
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return (i + 1, i > 0 && b[i - 1] == b'/'),
            None => {}
        }
        i += 1;
    }
    (b.len(), false)
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn counts_nesting_like_the_tree_builder() {
        assert!(check("<div><p>a<p>b<ul><li>x<li>y</ul></div>", 2).is_ok());
        assert!(check(&"<div>".repeat(10), 9).is_err());
        assert!(check(&"<div></div>".repeat(1000), 2).is_ok());
        assert!(check(&format!("<svg>{}</svg>", "<path d='a>b'/>".repeat(500)), 2).is_ok());
        assert!(check(&format!("<script>{}</script><div>", "<div>".repeat(500)), 2).is_ok());
        assert!(
            check(
                &format!("<!-- {} --><br><img src=x>", "<div>".repeat(500)),
                1
            )
            .is_ok()
        );
        assert!(check("a < b and <3 <", 1).is_ok());
        let err = check(&"<div>".repeat(100_000), 256).unwrap_err();
        assert!(matches!(
            err,
            Error::LimitExceeded {
                limit: "HTML nesting depth",
                actual: 257,
                max: 256
            }
        ));
    }
}
