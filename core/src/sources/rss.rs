//! A small, bounded RSS 2.0 reader: each `<item>`'s child elements as (local name, text), and
//! RFC 2822 dates (`Tue, 10 Mar 2026 18:05:11 +0000`) turned into ISO 8601.

use quick_xml::events::Event;

use crate::{Error, Limits, Result};

/// One `<item>`: its children's local names and texts, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Item {
    pub fields: Vec<(String, String)>,
}

impl Item {
    /// The first child with this local name, trimmed; `None` when absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// Reads the items of an RSS feed. Malformed or cut-off XML is [`Error::Corrupt`]; a document
/// without a `<channel>` is [`Error::Corrupt`] too (it is not a feed); more than `max_items`
/// items or deeper nesting than the limits allow is [`Error::LimitExceeded`].
pub(crate) fn items(xml: &[u8], max_items: usize, limits: &Limits) -> Result<Vec<Item>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut depth: u64 = 0;
    let mut out = Vec::new();
    let mut current: Option<Item> = None;
    // The child of <item> being read, and the depth it opened at.
    let mut field: Option<(String, u64, String)> = None;
    let mut channel = false;
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| {
            Error::corrupt("RSS", format!("not well-formed XML near byte {pos}: {e}"))
        })?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                Limits::check("XML nesting depth", depth, limits.max_nesting_depth)?;
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if name == "channel" {
                    channel = true;
                }
                if name == "item" && current.is_none() {
                    Limits::check("RSS items", out.len() as u64 + 1, max_items as u64)?;
                    current = Some(Item::default());
                } else if current.is_some() && field.is_none() {
                    field = Some((name, depth, String::new()));
                }
            }
            Event::End(e) => {
                if let Some((name, d, text)) = field.take() {
                    if d == depth {
                        if let Some(item) = current.as_mut() {
                            item.fields.push((name, text));
                        }
                    } else {
                        field = Some((name, d, text));
                    }
                } else if e.local_name().as_ref() == b"item" {
                    out.extend(current.take());
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                if let Some((_, _, text)) = field.as_mut() {
                    let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                    match quick_xml::escape::unescape(&raw) {
                        Ok(s) => text.push_str(&s),
                        Err(_) => text.push_str(&raw),
                    }
                }
            }
            Event::CData(t) => {
                if let Some((_, _, text)) = field.as_mut() {
                    text.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 || current.is_some() {
        return Err(Error::corrupt(
            "RSS",
            "the feed is cut off (unclosed elements)",
        ));
    }
    if !channel {
        return Err(Error::corrupt(
            "RSS",
            "no <channel>: the document is not an RSS feed",
        ));
    }
    Ok(out)
}

/// An RFC 2822 date-time as ISO 8601 (`2026-03-10T18:05:11+00:00`); `None` when unreadable.
pub(crate) fn rfc2822_to_iso(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s.split_once(',').map_or(s, |(_, rest)| rest).trim();
    let mut parts = s.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = match parts.next()?.get(..3)?.to_ascii_lowercase().as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    let year: u32 = parts.next()?.parse().ok()?;
    if !(1..=31).contains(&day) || !(1970..=9999).contains(&year) {
        return None;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    let Some(time) = parts.next() else {
        return Some(date);
    };
    let hms: Vec<u32> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (h, m, sec) = match hms.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let zone = match parts.next() {
        Some(z) if z.len() == 5 && (z.starts_with('+') || z.starts_with('-')) => {
            format!("{}:{}", &z[..3], &z[3..])
        }
        _ => "+00:00".into(),
    };
    Some(format!("{date}T{h:02}:{m:02}:{sec:02}{zone}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            rfc2822_to_iso("Tue, 10 Mar 2026 18:05:11 +0000").as_deref(),
            Some("2026-03-10T18:05:11+00:00")
        );
        assert_eq!(
            rfc2822_to_iso("1 Apr 2026 08:00 -0500").as_deref(),
            Some("2026-04-01T08:00:00-05:00")
        );
        assert_eq!(rfc2822_to_iso("yesterday"), None);
        assert_eq!(rfc2822_to_iso("Tue, 40 Mar 2026 18:05:11 +0000"), None);
    }

    #[test]
    fn items_and_faults() {
        let feed = br#"<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>x</title>
            <item><title>Acme: Dev &amp; Ops</title><description><![CDATA[<p>Hi</p>]]></description><media:content url="u"/></item>
            <item><title>B: C</title></item></channel></rss>"#;
        let got = items(feed, 10, &Limits::default()).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].get("title"), Some("Acme: Dev & Ops"));
        assert_eq!(got[0].get("description"), Some("<p>Hi</p>"));
        assert!(matches!(
            items(&feed[..feed.len() - 30], 10, &Limits::default()),
            Err(Error::Corrupt { .. })
        ));
        assert!(matches!(
            items(feed, 1, &Limits::default()),
            Err(Error::LimitExceeded { .. })
        ));
        assert!(matches!(
            items(
                b"<html><body>Bad gateway</body></html>",
                10,
                &Limits::default()
            ),
            Err(Error::Corrupt { .. })
        ));
    }
}
