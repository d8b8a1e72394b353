//! Opening a PDF with lopdf and making it safe for pdf-extract.
//!
//! pdf-extract trusts its input: it panics on a missing MediaBox, inflates streams without
//! bound and recurses into XObjects without a depth limit. So the document is loaded and
//! checked here first (encryption, page count, page boxes), content streams are inflated once
//! under a byte budget and stored back uninflated, and image streams are emptied (pdf-extract
//! would otherwise parse pixel data as page content).

use std::io::Read;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::{Error, Limits, Result};

/// How deep a `Parent` chain or reference chain is followed.
const MAX_CHAIN: usize = 32;

/// A loaded document ready for extraction, with facts gathered on the way.
#[derive(Debug)]
pub(super) struct Prepared {
    pub doc: Document,
    /// Page object ids in page order.
    pub pages: Vec<ObjectId>,
    /// Pages that draw an image XObject.
    pub image_pages: usize,
}

/// Loads, checks and prepares a PDF. Fails with the error a caller can act on: corrupt,
/// encrypted, or over a limit.
pub(super) fn open(bytes: &[u8], limits: &Limits) -> Result<Prepared> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Error::corrupt(
            "PDF",
            "no %PDF- header in the first 1024 bytes",
        ));
    }
    // The page tree's own count, read without loading every object, so that a document
    // claiming thousands of pages fails before it is parsed in full.
    if let Ok(meta) = Document::load_metadata_mem(bytes) {
        Limits::check("PDF pages", u64::from(meta.page_count), limits.max_pages)?;
    }
    let doc = Document::load_mem(bytes)
        .map_err(|e| Error::corrupt("PDF", format!("lopdf could not load it: {e}")))?;
    if doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        // lopdf already tried the empty user password and removed /Encrypt when it worked.
        return Err(Error::Encrypted { format: "PDF" });
    }
    let pages: Vec<ObjectId> = doc
        .page_iter()
        .take(limits.max_pages.saturating_add(1) as usize)
        .collect();
    Limits::check("PDF pages", pages.len() as u64, limits.max_pages)?;
    if pages.is_empty() {
        return Err(Error::corrupt("PDF", "the page tree has no pages"));
    }
    let mut prepared = Prepared {
        doc,
        pages,
        image_pages: 0,
    };
    fix_cid_widths(&mut prepared.doc);
    let mut budget = limits.max_unzipped_bytes;
    let mut seen_streams = std::collections::HashSet::new();
    for i in 0..prepared.pages.len() {
        let page = prepared.pages[i];
        ensure_media_box(&mut prepared.doc, page)?;
        let resources = inherited(&prepared.doc, page, b"Resources")
            .and_then(|o| as_dict(&prepared.doc, o))
            .cloned();
        for id in prepared.doc.get_page_contents(page) {
            if seen_streams.insert(id) {
                inflate_in_place(&mut prepared.doc, id, &mut budget)?;
            }
        }
        if let Some(res) = resources {
            if prepare_xobjects(&mut prepared.doc, &res, &mut budget, &mut seen_streams, 0)? {
                prepared.image_pages += 1;
            }
        }
    }
    Ok(prepared)
}

/// pdf-extract 0.12 reads only the `c [w1 w2 ...]` form of a CID font's /W array: the
/// `c_first c_last w` form (Typst writes it, with /DW 0) leaves every glyph zero wide, which
/// breaks spacing, and an odd-length array makes it panic. Rewrite /W into the first form.
fn fix_cid_widths(doc: &mut Document) {
    let ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict().is_ok_and(|d| {
                d.get(b"Subtype")
                    .and_then(Object::as_name)
                    .is_ok_and(|s| s == b"CIDFontType0" || s == b"CIDFontType2")
                    && d.get(b"W").is_ok()
            })
        })
        .map(|(id, _)| *id)
        .collect();
    for id in ids {
        let Some(w) = doc
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"W").ok())
            .map(|w| resolve(doc, w))
            .and_then(|w| w.as_array().ok())
        else {
            continue;
        };
        let fixed = normalise_widths(w);
        if let Ok(d) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
            d.set("W", fixed);
        }
    }
}

/// Converts every `c_first c_last w` triple of a /W array into `c_first [w ...]`, keeping
/// `c [w ...]` entries and dropping a malformed tail. At most 65,536 widths are written.
fn normalise_widths(w: &[Object]) -> Vec<Object> {
    let num = |o: &Object| match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    };
    let mut out = Vec::new();
    let mut budget: i64 = 65_536;
    let mut i = 0;
    while i + 1 < w.len() {
        let Some(first) = w[i].as_i64().ok() else {
            break;
        };
        if let Object::Array(ws) = &w[i + 1] {
            if !ws.iter().all(|x| num(x).is_some()) {
                break;
            }
            budget -= ws.len() as i64;
            out.push(Object::Integer(first));
            out.push(Object::Array(ws.clone()));
            i += 2;
        } else {
            let (Some(last), Some(width)) = (w[i + 1].as_i64().ok(), w.get(i + 2).and_then(num))
            else {
                break;
            };
            let n = last - first + 1;
            if n <= 0 || n > budget {
                break;
            }
            budget -= n;
            out.push(Object::Integer(first));
            out.push(Object::Array(vec![Object::Real(width as f32); n as usize]));
            i += 3;
        }
        if budget <= 0 {
            break;
        }
    }
    out
}

/// Follows a page's `Parent` chain for an inherited attribute (Resources, MediaBox).
pub(super) fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut dict = doc.get_dictionary(page).ok()?;
    for _ in 0..MAX_CHAIN {
        if let Ok(v) = dict.get(key) {
            return Some(v);
        }
        dict = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok()?;
    }
    None
}

/// Resolves an object (following references) to a dictionary.
pub(super) fn as_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    resolve(doc, obj).as_dict().ok()
}

/// Follows references, at most [`MAX_CHAIN`] of them.
pub(super) fn resolve<'a>(doc: &'a Document, mut obj: &'a Object) -> &'a Object {
    for _ in 0..MAX_CHAIN {
        match obj {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(o) => obj = o,
                Err(_) => return obj,
            },
            _ => return obj,
        }
    }
    obj
}

/// pdf-extract panics on a page without a usable MediaBox: give such pages US Letter.
fn ensure_media_box(doc: &mut Document, page: ObjectId) -> Result<()> {
    let ok = inherited(doc, page, b"MediaBox")
        .map(|o| resolve(doc, o))
        .and_then(|o| o.as_array().ok())
        .is_some_and(|a| {
            a.len() == 4
                && a.iter()
                    .all(|v| matches!(v, Object::Integer(_) | Object::Real(_)))
        });
    if !ok {
        let dict = doc
            .get_object_mut(page)
            .and_then(Object::as_dict_mut)
            .map_err(|e| Error::corrupt("PDF", format!("page object: {e}")))?;
        dict.set("MediaBox", vec![0.into(), 0.into(), 612.into(), 792.into()]);
    }
    Ok(())
}

/// Inflates Flate content streams of the page's XObjects under the budget and empties image
/// streams. Returns whether an image was found.
fn prepare_xobjects(
    doc: &mut Document,
    resources: &Dictionary,
    budget: &mut u64,
    seen: &mut std::collections::HashSet<ObjectId>,
    depth: usize,
) -> Result<bool> {
    if depth > 8 {
        return Err(Error::corrupt(
            "PDF",
            "form XObjects nested more than 8 deep",
        ));
    }
    let Some(xobjects) = resources.get(b"XObject").ok().and_then(|x| as_dict(doc, x)) else {
        return Ok(false);
    };
    let ids: Vec<ObjectId> = xobjects
        .iter()
        .filter_map(|(_, v)| v.as_reference().ok())
        .collect();
    let mut image = false;
    for id in ids {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let subtype = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        if subtype == b"Image" {
            image = true;
            if seen.insert(id) {
                if let Ok(s) = doc.get_object_mut(id).and_then(Object::as_stream_mut) {
                    s.set_plain_content(Vec::new());
                }
            }
        } else if seen.insert(id) {
            let inner = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|r| as_dict(doc, r))
                .cloned();
            inflate_in_place(doc, id, budget)?;
            if let Some(inner) = inner {
                image |= prepare_xobjects(doc, &inner, budget, seen, depth + 1)?;
            }
        }
    }
    Ok(image)
}

/// Replaces a FlateDecode stream's data by its inflated bytes, charging them to the budget.
fn inflate_in_place(doc: &mut Document, id: ObjectId, budget: &mut u64) -> Result<()> {
    let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
        return Ok(());
    };
    let flate_only = stream
        .filters()
        .is_ok_and(|f| f.len() == 1 && f[0] == b"FlateDecode");
    if !flate_only || stream.dict.get(b"DecodeParms").is_ok() {
        *budget = budget.saturating_sub(stream.content.len() as u64);
        return Ok(());
    }
    let data = inflate_bounded(&stream.content, *budget)?;
    *budget -= data.len() as u64;
    if let Ok(s) = doc.get_object_mut(id).and_then(Object::as_stream_mut) {
        s.set_plain_content(data);
    }
    Ok(())
}

/// Zlib inflate that stops at `budget` bytes; falls back to raw deflate like lopdf does.
fn inflate_bounded(data: &[u8], budget: u64) -> Result<Vec<u8>> {
    let over = || Error::LimitExceeded {
        limit: "decompressed PDF content bytes",
        actual: budget.saturating_add(1),
        max: budget,
    };
    let mut out = Vec::with_capacity(data.len().saturating_mul(4).min(budget as usize));
    let zlib = flate2::read::ZlibDecoder::new(data)
        .take(budget.saturating_add(1))
        .read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() && data.len() > 2 {
        let _ = flate2::read::DeflateDecoder::new(&data[2..])
            .take(budget.saturating_add(1))
            .read_to_end(&mut out);
    }
    if out.len() as u64 > budget {
        return Err(over());
    }
    Ok(out)
}
