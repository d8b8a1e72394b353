//! A strict, bounded pull loop over one XML part: well-formedness errors, truncation and nesting
//! deeper than the limit all become typed errors, so nothing downstream sees broken XML.

use quick_xml::events::{BytesStart, Event};

use crate::{Error, Limits, Result};

/// WordprocessingML namespaces (transitional and strict).
const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// One event of the walk, with element names already reduced to WordprocessingML local names
/// (`Some("p")`) or `None` for elements of other namespaces.
pub(super) enum Ev<'e> {
    Start(Option<&'e [u8]>, &'e BytesStart<'e>),
    Empty(Option<&'e [u8]>, &'e BytesStart<'e>),
    End,
    Text(&'e [u8]),
}

/// Walks `xml`, calling `f` for each event. The WordprocessingML prefix is read from the root.
pub(super) fn walk(
    xml: &[u8],
    part: &str,
    limits: &Limits,
    mut f: impl FnMut(Ev<'_>) -> Result<()>,
) -> Result<()> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut depth: u64 = 0;
    let mut prefix: Option<Vec<u8>> = None;
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| {
            Error::corrupt(
                "DOCX",
                format!("{part} is not well-formed XML near byte {pos}: {e}"),
            )
        })?;
        match ev {
            Event::Start(ref e) => {
                depth += 1;
                if depth > limits.max_nesting_depth {
                    return Err(Error::LimitExceeded {
                        limit: "XML nesting depth",
                        actual: depth,
                        max: limits.max_nesting_depth,
                    });
                }
                if prefix.is_none() {
                    prefix = Some(w_prefix(e));
                }
                f(Ev::Start(local(e, prefix.as_deref()), e))?;
            }
            Event::Empty(ref e) => {
                if prefix.is_none() {
                    prefix = Some(w_prefix(e));
                }
                f(Ev::Empty(local(e, prefix.as_deref()), e))?;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                f(Ev::End)?;
            }
            Event::Text(ref t) => f(Ev::Text(t.as_ref()))?,
            Event::CData(ref t) => f(Ev::Text(t.as_ref()))?,
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(Error::corrupt(
            "DOCX",
            format!("{part} ends early: {depth} element(s) left open (truncated file?)"),
        ));
    }
    Ok(())
}

/// The prefix (with its colon) bound to the WordprocessingML namespace on the root element.
fn w_prefix(root: &BytesStart) -> Vec<u8> {
    for a in root.attributes().flatten() {
        if W_NS.contains(&a.value.as_ref()) {
            let key = a.key.as_ref();
            if key == b"xmlns" {
                return Vec::new();
            }
            if let Some(p) = key.strip_prefix(b"xmlns:") {
                let mut p = p.to_vec();
                p.push(b':');
                return p;
            }
        }
    }
    b"w:".to_vec()
}

fn local<'e>(e: &'e BytesStart<'_>, prefix: Option<&[u8]>) -> Option<&'e [u8]> {
    let name = e.name().0;
    let rest = name.strip_prefix(prefix.unwrap_or(b"w:"))?;
    (!rest.contains(&b':')).then_some(rest)
}

/// The `w:val` (or `val`) attribute of an element, raw.
pub(super) fn val<'a>(e: &'a BytesStart<'a>) -> Option<std::borrow::Cow<'a, [u8]>> {
    attr(e, b"val")
}

/// An attribute by local name, whatever its prefix.
pub(super) fn attr<'a>(e: &'a BytesStart<'a>, name: &[u8]) -> Option<std::borrow::Cow<'a, [u8]>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value)
}

/// A boolean toggle property (`<w:b/>`, `<w:b w:val="0"/>`).
pub(super) fn toggle(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some(b"0" | b"false" | b"off"))
}

/// A decimal attribute value.
pub(super) fn num(v: Option<std::borrow::Cow<[u8]>>) -> Option<u32> {
    std::str::from_utf8(v.as_deref()?).ok()?.trim().parse().ok()
}

/// Text content with XML entities decoded; unknown entities are kept as written.
pub(super) fn unescape(raw: &[u8]) -> std::borrow::Cow<'_, str> {
    let s = String::from_utf8_lossy(raw);
    if !s.contains('&') {
        return s;
    }
    match quick_xml::escape::unescape(&s) {
        Ok(u) => std::borrow::Cow::Owned(u.into_owned()),
        Err(_) => s,
    }
}
