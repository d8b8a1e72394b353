//! PDF text extraction: positioned glyphs from pdf-extract, put back into reading order.
//!
//! The stages: `document` loads and checks the file with lopdf (encryption, page count,
//! bounded inflate, page boxes); `fonts` pre-scans each page's content (with the light
//! tokenizer in `lexer`) for the font of every shown string and rejects what would make
//! pdf-extract panic; `collect` receives glyphs
//! through pdf-extract's `OutputDev` and builds runs with spaces from glyph gaps; `layout`
//! finds columns and builds lines by baseline; `cleanup` drops repeated headers and footers,
//! joins hyphenated words and marks bullets and headings.
//!
//! pdf-extract can still panic on malformed files; on native targets every call into it runs
//! under `catch_unwind` and a panic becomes [`Error::Corrupt`]. On wasm32 a panic aborts, so
//! the lopdf checks in `document` and `fonts` run first and refuse what they can see.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{LayoutSignals, TextDoc};
use crate::{Error, Limits, Result};

mod cleanup;
mod collect;
mod document;
mod fonts;
mod layout;
mod lexer;

/// Fewer visible characters than this per page means there is no text layer.
const MIN_CHARS_PER_PAGE: u64 = 8;
/// With images on the pages, fewer characters than this per page means a scan.
const SCAN_CHARS_PER_PAGE: u64 = 60;

/// Extracts a PDF's text in reading order with its layout signals.
///
/// Errors: [`Error::Corrupt`] for a damaged file (including files pdf-extract panics on),
/// [`Error::Encrypted`] when it needs a password, [`Error::NoTextLayer`] for scans,
/// [`Error::LimitExceeded`] over `limits.max_pages`, `max_input_bytes`, `max_text_chars` or
/// `max_unzipped_bytes` (decompressed content streams).
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<TextDoc> {
    Limits::check("input bytes", bytes.len() as u64, limits.max_input_bytes)?;
    let prepared = guarded("lopdf", || document::open(bytes, limits))??;
    let doc = &prepared.doc;
    let pages = prepared.pages.len();
    // Pages the pre-scan refuses are skipped; if all are refused, the first reason is the error.
    let mut scans = Vec::with_capacity(pages);
    let mut first_error = None;
    for page in &prepared.pages {
        // A page the light tokenizer finds no text on is checked with lopdf's parser, so that
        // a tokenizer slip cannot drop a page.
        let scan = guarded("lopdf", || fonts::scan_page(doc, *page, false))
            .and_then(|r| r)
            .and_then(|s| {
                if s.shows_text {
                    Ok(s)
                } else {
                    guarded("lopdf", || fonts::scan_page(doc, *page, true)).and_then(|r| r)
                }
            });
        match scan {
            Ok(s) => scans.push(Some(s)),
            Err(e) => {
                first_error.get_or_insert(e);
                scans.push(None);
            }
        }
    }
    if scans.iter().flatten().all(|s| !s.shows_text) {
        return Err(first_error.unwrap_or(Error::NoTextLayer { pages }));
    }
    let mut collector = collect::Collector::new(limits.max_text_chars);
    let mut texts = Vec::with_capacity(pages);
    for (i, scan) in scans.into_iter().enumerate() {
        let Some(scan) = scan.filter(|s| s.shows_text) else {
            continue;
        };
        let number = (i + 1) as u32;
        match page_text(doc, &mut collector, i, scan.styles) {
            Ok(page) => texts.push((number, page)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
        if collector.total_chars >= limits.max_text_chars {
            return Err(Error::LimitExceeded {
                limit: "text characters",
                actual: collector.total_chars,
                max: limits.max_text_chars,
            });
        }
    }
    if texts.is_empty() {
        return Err(first_error.unwrap_or(Error::NoTextLayer { pages }));
    }
    // A scan may carry a few words of text (a scanner's stamp, a page number): with images on
    // the pages and a few dozen characters a page, there is no text layer to speak of.
    let per_page = collector.total_chars / pages as u64;
    if per_page < MIN_CHARS_PER_PAGE || (prepared.image_pages > 0 && per_page < SCAN_CHARS_PER_PAGE)
    {
        return Err(Error::NoTextLayer { pages });
    }
    let (mut columns, mut tables) = (false, false);
    let mut ordered = Vec::with_capacity(texts.len());
    for (number, page) in &texts {
        let (mut lines, cols) = layout::page_lines(page, *number);
        columns |= cols;
        tables |= layout::mark_tables(&mut lines);
        ordered.push((lines, page.height));
    }
    let (lines, header_footer_text) = cleanup::finish(ordered);
    let signals = LayoutSignals {
        pages: pages as u32,
        columns,
        tables,
        header_footer_text,
        icon_glyphs: collector.icons,
        images: prepared.image_pages > 0,
    };
    Ok(TextDoc { lines, signals })
}

/// Extracts page `index` (0-based) with the pre-scan's font styles. Should pdf-extract show
/// a different number of strings than the pre-scan counted, the styles would land on the
/// wrong text (an icon flag on a name would drop it): the page is scanned again with lopdf's
/// own parser, and failing that extracted without styles.
fn page_text(
    doc: &lopdf::Document,
    collector: &mut collect::Collector,
    index: usize,
    styles: Vec<u8>,
) -> Result<collect::PageText> {
    let number = (index + 1) as u32;
    let mut styles = Some(styles);
    for attempt in 0..3 {
        let current = match attempt {
            0 => styles.take().unwrap_or_default(),
            1 => guarded("lopdf", || {
                fonts::scan_page(doc, doc_page(doc, number)?, true)
            })
            .and_then(|r| r)
            .map(|s| s.styles)
            .unwrap_or_default(),
            _ => Vec::new(),
        };
        let none = current.is_empty();
        collector.start_page(current);
        guarded("pdf-extract", || {
            pdf_extract::output_doc_page(doc, collector, number)
        })?
        .map_err(|e| Error::corrupt("PDF", format!("page {number}: {e}")))?;
        let page = collector
            .take_page()
            .ok_or_else(|| Error::corrupt("PDF", format!("page {number} did not finish")))?;
        if none || collector.fonts_matched() {
            return Ok(page);
        }
        collector.discard(&page);
    }
    Err(Error::corrupt(
        "PDF",
        format!("page {number} could not be read"),
    ))
}

/// The object id of page `number` (1-based).
fn doc_page(doc: &lopdf::Document, number: u32) -> Result<lopdf::ObjectId> {
    doc.page_iter()
        .nth(number as usize - 1)
        .ok_or_else(|| Error::corrupt("PDF", format!("no page {number}")))
}

/// Runs `f`, turning a panic into [`Error::Corrupt`] naming the library that panicked.
fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Error::corrupt(
            "PDF",
            format!(
                "{what} failed on this file{}{msg}",
                if msg.is_empty() { "" } else { ": " }
            ),
        )
    })
}

#[cfg(test)]
mod tests;
