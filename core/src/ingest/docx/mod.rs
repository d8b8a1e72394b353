//! DOCX text extraction.
//!
//! The package is opened with bounds on entry count and unzipped bytes (`zip_package`); each XML
//! part is pulled once with quick-xml under a nesting limit (`xml`), so truncated or hostile
//! XML fails with a typed error instead of looping or panicking. The body walk (`body`) sees
//! paragraphs, hyperlinks, content controls, text boxes, tables, headers and footers; styles
//! and list definitions (`styles`) are read only when the body refers to them.
//!
//! docx-rs's `read_docx` is not used here: it builds the whole document model (including
//! every style of a 350 kB `styles.xml`), takes about 4.5 ms for a one-page resume, can loop
//! forever on truncated XML and drops hyperlink and text-box text from `raw_text`.

mod body;
mod styles;
mod xml;

use std::collections::HashSet;

use super::TextDoc;
use super::doc::{LayoutSignals, Line, line_from_plain};
use super::zip_package::Package;
use crate::{Error, Limits, Result};
use body::RawLine;
use styles::{Numbering, StyleFacts, Styles};

/// Word's default run size when neither run, style nor document defaults set one (10 pt).
const DEFAULT_HALF_POINTS: u32 = 20;

/// Extracts the text and layout of a DOCX document.
///
/// Headers and footers come first and last, each distinct line once; list items (bulleted or
/// numbered) become bullet lines without their label (labels are Word's rendering of the list,
/// and the parsers treat numbered and bulleted items alike); heading styles, outline levels
/// and short lines set in a larger or bold font are headings.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<TextDoc> {
    Limits::check("input bytes", bytes.len() as u64, limits.max_input_bytes)?;
    if super::sniff::is_encrypted_ole(bytes) {
        return Err(Error::Encrypted { format: "DOCX" });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Error::UnsupportedFormat(
            "legacy Word .doc (OLE2); save it as DOCX or PDF".into(),
        ));
    }
    let mut pkg = Package::open(bytes, limits, "DOCX")?;
    let document = pkg
        .read("word/document.xml")?
        .ok_or_else(|| Error::corrupt("DOCX", "the package has no word/document.xml"))?;
    let body = body::walk(&document, "word/document.xml", limits)?;
    drop(document);

    let mut headers = Vec::new();
    let mut footers = Vec::new();
    for name in pkg.names(|n| is_part(n, "word/header")) {
        if let Some(xml) = pkg.read(&name)? {
            headers.push(body::walk(&xml, &name, limits)?);
        }
    }
    for name in pkg.names(|n| is_part(n, "word/footer")) {
        if let Some(xml) = pkg.read(&name)? {
            footers.push(body::walk(&xml, &name, limits)?);
        }
    }

    let all = || {
        std::iter::once(&body)
            .chain(&headers)
            .chain(&footers)
            .flat_map(|f| f.lines.iter())
    };
    let needs_styles =
        all().any(|l| l.style.is_some() || l.runs.iter().any(|(f, _)| f.size.is_some()));
    let styles = match needs_styles && pkg.has("word/styles.xml") {
        // A broken styles part costs heading hints, not the text.
        true => pkg
            .read("word/styles.xml")?
            .and_then(|x| Styles::parse(&x, limits).ok())
            .unwrap_or_default(),
        false => Styles::default(),
    };
    let needs_numbering = all().any(|l| {
        l.num.is_some()
            || l.style
                .as_deref()
                .is_some_and(|s| styles.facts(s).num_id.is_some())
    });
    let numbering = match needs_numbering && pkg.has("word/numbering.xml") {
        true => pkg
            .read("word/numbering.xml")?
            .and_then(|x| Numbering::parse(&x, limits).ok())
            .unwrap_or_default(),
        false => Numbering::default(),
    };
    let app_pages = pkg
        .read("docProps/app.xml")
        .ok()
        .flatten()
        .and_then(|x| app_pages(&x));

    let resolver = Resolver::new(&styles, &numbering, all());
    let use_rendered = body.rendered_breaks > 0;
    let page_of = |l: &RawLine| {
        1 + if use_rendered {
            l.rendered_breaks
        } else {
            l.hard_breaks
        }
    };
    let last_page = app_pages.unwrap_or(1).max(
        1 + if use_rendered {
            body.rendered_breaks
        } else {
            body.hard_breaks
        },
    );

    let mut lines = Vec::new();
    let mut seen = HashSet::new();
    let mut header_footer_text = false;
    for (found, page) in headers
        .iter()
        .map(|h| (h, Some(1)))
        .chain([(&body, None)])
        .chain(footers.iter().map(|f| (f, Some(last_page))))
    {
        for raw in &found.lines {
            let line = resolver.line(raw, page.unwrap_or_else(|| page_of(raw)));
            if page.is_some() {
                if line.text.is_empty() || !seen.insert(line.text.clone()) {
                    continue;
                }
                header_footer_text = true;
            }
            lines.push(line);
        }
    }
    tidy_blank_lines(&mut lines);
    if lines.is_empty() {
        let reason = if body.images {
            "the document holds only images; it needs OCR"
        } else {
            "the document has no text"
        };
        return Err(Error::invalid("DOCX document", reason));
    }
    let found = std::iter::once(&body).chain(&headers).chain(&footers);
    let (mut tables, mut images, mut icon_glyphs) = (false, false, false);
    for f in found {
        tables |= f.tables;
        images |= f.images;
        icon_glyphs |= f.icons;
    }
    let signals = LayoutSignals {
        pages: last_page,
        columns: false,
        tables,
        header_footer_text,
        icon_glyphs,
        images,
    };
    Ok(TextDoc { lines, signals })
}

/// `word/header1.xml` and the like (not their `_rels`).
fn is_part(name: &str, stem: &str) -> bool {
    name.strip_prefix(stem)
        .is_some_and(|rest| rest.ends_with(".xml") && !rest.contains('/'))
}

/// `<Pages>N</Pages>` from `docProps/app.xml`, as Word counted them when saving.
fn app_pages(xml: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(xml).ok()?;
    let start = text.find("<Pages>")? + "<Pages>".len();
    let end = text[start..].find('<')? + start;
    text[start..end]
        .trim()
        .parse()
        .ok()
        .filter(|&n: &u32| n > 0)
}

/// Drops leading, trailing and repeated blank lines (empty paragraphs used as spacing).
fn tidy_blank_lines(lines: &mut Vec<Line>) {
    let mut prev_blank = true;
    lines.retain(|l| {
        let blank = l.text.is_empty() && !l.bullet;
        let keep = !(blank && prev_blank);
        prev_blank = blank;
        keep
    });
    if lines.last().is_some_and(|l| l.text.is_empty()) {
        lines.pop();
    }
}

/// Turns raw lines into [`Line`]s once styles are known.
struct Resolver<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    /// The body text size in half-points: the size most characters are set in.
    body_size: u32,
}

impl<'a> Resolver<'a> {
    fn new<'l>(
        styles: &'a Styles,
        numbering: &'a Numbering,
        lines: impl Iterator<Item = &'l RawLine>,
    ) -> Self {
        let mut r = Resolver {
            styles,
            numbering,
            body_size: DEFAULT_HALF_POINTS,
        };
        let mut hist: Vec<(u32, u64)> = Vec::new();
        for l in lines {
            let facts = r.facts(l);
            for (fmt, n) in &l.runs {
                let size = r.size(fmt.size, &facts);
                match hist.iter_mut().find(|(s, _)| *s == size) {
                    Some((_, c)) => *c += u64::from(*n),
                    None => hist.push((size, u64::from(*n))),
                }
            }
        }
        if let Some((s, _)) = hist.iter().max_by_key(|(s, c)| (*c, *s)) {
            r.body_size = (*s).max(1);
        }
        r
    }

    fn facts(&self, l: &RawLine) -> StyleFacts {
        l.style
            .as_deref()
            .map(|s| self.styles.facts(s))
            .unwrap_or_default()
    }

    fn size(&self, run: Option<u32>, facts: &StyleFacts) -> u32 {
        run.or(facts.size)
            .or(self.styles.default_size)
            .unwrap_or(DEFAULT_HALF_POINTS)
    }

    fn line(&self, raw: &RawLine, page: u32) -> Line {
        let facts = self.facts(raw);
        let mut line = line_from_plain(&raw.text, page);
        line.table = raw.table;
        if line.text.is_empty() {
            line.bullet = false;
            return line;
        }
        let (mut max_size, mut chars, mut bold_chars) = (0, 0u32, 0u32);
        for (fmt, n) in &raw.runs {
            max_size = max_size.max(self.size(fmt.size, &facts));
            chars += n;
            if fmt.bold.or(facts.bold).unwrap_or(false) {
                bold_chars += n;
            }
        }
        let ratio = max_size as f32 / self.body_size as f32;
        line.size = Some((ratio * 100.0).round() / 100.0);
        let styled_heading = facts.heading || raw.outline.is_some_and(|o| o < 9);
        let num = raw.num.or_else(|| facts.num_id.map(|n| (n, 0)));
        let listed = num.is_some_and(|(id, lvl)| self.numbering.labelled(id, lvl));
        if raw.table {
            return line;
        }
        line.heading = styled_heading
            || (!line.bullet
                && !listed
                && looks_emphasised(&line.text, ratio, chars > 0 && bold_chars == chars));
        line.bullet = !line.heading && (line.bullet || listed);
        line
    }
}

/// A short line set larger than the body text, or a short all-bold line without digits (a job
/// title with dates has digits), reads as a heading.
fn looks_emphasised(text: &str, size_ratio: f32, all_bold: bool) -> bool {
    let words = text.split_whitespace().count();
    if text.chars().count() > 60
        || words > 6
        || !text.chars().any(char::is_alphabetic)
        || text.ends_with(['.', ',', ';'])
    {
        return false;
    }
    size_ratio >= 1.15 || (all_bold && words <= 5 && !text.chars().any(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests;
