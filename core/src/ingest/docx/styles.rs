//! Paragraph styles (`styles.xml`) and list definitions (`numbering.xml`): just what decides
//! headings, list items and relative font size.

use std::collections::HashMap;

use super::xml::{self, Ev};
use crate::{Limits, Result};

/// One paragraph style, unresolved (its `basedOn` parent is looked up on demand).
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u32>,
    num_id: Option<u32>,
    bold: Option<bool>,
    size: Option<u32>,
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    /// Default run size in half-points (`w:docDefaults`).
    pub(super) default_size: Option<u32>,
}

/// Resolved facts about a paragraph style.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct StyleFacts {
    pub(super) heading: bool,
    pub(super) num_id: Option<u32>,
    pub(super) bold: Option<bool>,
    pub(super) size: Option<u32>,
}

/// Style-name stems that mean "heading" in the languages Word ships (the style id drops
/// non-ASCII letters, hence `berschrift`).
const HEADING_NAMES: &[&str] = &[
    "heading",
    "title",
    "berschrift",
    "überschrift",
    "titre",
    "título",
    "titulo",
    "rubrik",
    "otsikko",
    "nagłówek",
    "naglowek",
    "заголовок",
    "titolo",
    "overskrift",
    "intestazione",
    "başlık",
    "nadpis",
];

impl Styles {
    pub(super) fn parse(xml_bytes: &[u8], limits: &Limits) -> Result<Styles> {
        let mut out = Styles::default();
        let mut cur: Option<(String, Style)> = None;
        let mut path: Vec<Vec<u8>> = Vec::new();
        xml::walk(xml_bytes, "word/styles.xml", limits, |ev| {
            let (name, e, empty) = match ev {
                Ev::Start(n, e) => (n, e, false),
                Ev::Empty(n, e) => (n, e, true),
                Ev::End => {
                    if path.pop().as_deref() == Some(b"style") {
                        if let Some((id, s)) = cur.take() {
                            out.styles.insert(id, s);
                        }
                    }
                    return Ok(());
                }
                Ev::Text(_) => return Ok(()),
            };
            let n = name.unwrap_or(b"");
            let parent = path.last().map(Vec::as_slice);
            match n {
                b"style" if !empty => {
                    let para = xml::attr(e, b"type").is_none_or(|t| t.as_ref() == b"paragraph");
                    cur = para.then(|| {
                        (
                            String::from_utf8_lossy(&xml::attr(e, b"styleId").unwrap_or_default())
                                .into_owned(),
                            Style::default(),
                        )
                    });
                }
                b"name" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.name = String::from_utf8_lossy(&xml::val(e).unwrap_or_default())
                            .to_lowercase();
                    }
                }
                b"basedOn" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.based_on = xml::val(e).map(|v| String::from_utf8_lossy(&v).into_owned());
                    }
                }
                b"outlineLvl" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.outline = xml::num(xml::val(e));
                    }
                }
                b"numId" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.num_id = xml::num(xml::val(e));
                    }
                }
                b"b" if parent == Some(b"rPr") => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.bold = Some(xml::toggle(e));
                    }
                }
                b"sz" if parent == Some(b"rPr") => {
                    let size = xml::num(xml::val(e));
                    match cur.as_mut() {
                        Some((_, s)) => s.size = size,
                        None if path.iter().any(|p| p == b"rPrDefault") => out.default_size = size,
                        None => {}
                    }
                }
                _ => {}
            }
            if !empty {
                path.push(n.to_vec());
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Resolves a style through its `basedOn` chain (at most 16 steps: chains can be cyclic).
    pub(super) fn facts(&self, id: &str) -> StyleFacts {
        let mut facts = StyleFacts::default();
        let mut next = Some(id);
        for _ in 0..16 {
            let Some(s) = next.and_then(|id| self.styles.get(id)) else {
                break;
            };
            let named = HEADING_NAMES.iter().any(|h| s.name.starts_with(h))
                && !s.name.starts_with("heading char");
            facts.heading |= named || s.outline.is_some_and(|o| o < 9);
            facts.num_id = facts.num_id.or(s.num_id);
            facts.bold = facts.bold.or(s.bold);
            facts.size = facts.size.or(s.size);
            next = s.based_on.as_deref();
        }
        if next.is_none() && facts.num_id.is_none() && !facts.heading {
            // Unknown style ids still carry meaning when the id itself is a heading name.
            let lower = id.to_lowercase();
            facts.heading =
                lower.starts_with("heading") || lower == "title" || lower.starts_with("berschrift");
        }
        facts
    }
}

/// List definitions: which (numId, level) pairs show no label at all (`numFmt none`).
#[derive(Debug, Default)]
pub(super) struct Numbering {
    num_to_abstract: HashMap<u32, u32>,
    unlabelled: Vec<(u32, u32)>,
}

impl Numbering {
    pub(super) fn parse(xml_bytes: &[u8], limits: &Limits) -> Result<Numbering> {
        let mut out = Numbering::default();
        let mut abstract_id: Option<u32> = None;
        let mut num_id: Option<u32> = None;
        let mut level: u32 = 0;
        xml::walk(xml_bytes, "word/numbering.xml", limits, |ev| {
            let (n, e) = match ev {
                Ev::Start(Some(n), e) | Ev::Empty(Some(n), e) => (n, e),
                _ => return Ok(()),
            };
            match n {
                b"abstractNum" => abstract_id = xml::num(xml::attr(e, b"abstractNumId")),
                b"num" => num_id = xml::num(xml::attr(e, b"numId")),
                b"abstractNumId" => {
                    if let (Some(n), Some(a)) = (num_id, xml::num(xml::val(e))) {
                        out.num_to_abstract.insert(n, a);
                    }
                }
                b"lvl" => level = xml::num(xml::attr(e, b"ilvl")).unwrap_or(0),
                b"numFmt" if xml::val(e).as_deref() == Some(b"none") => {
                    if let Some(a) = abstract_id {
                        out.unlabelled.push((a, level));
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Whether a paragraph with this numbering shows a list label (bullet or number).
    pub(super) fn labelled(&self, num_id: u32, level: u32) -> bool {
        if num_id == 0 {
            return false;
        }
        match self.num_to_abstract.get(&num_id) {
            Some(a) => !self.unlabelled.contains(&(*a, level)),
            None => true,
        }
    }
}
