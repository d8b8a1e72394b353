//! Which font draws each piece of text, and checks that keep pdf-extract off its panics.
//!
//! pdf-extract's `OutputDev` reports glyphs with positions but not their font, and the font
//! is what tells bold headings and icon glyphs (FontAwesome names such as "GITHUB-SQUARE",
//! stray letters from SimpleIcons) apart from text. pdf-extract calls `begin_word` once per
//! string shown (`Tj`, each string of a `TJ`), in content order, descending into form
//! XObjects. This pre-scan walks the same operators the same way and records the font style
//! of every shown string, so the collector can look it up by counting `begin_word` calls.
//! The walk also rejects the operator shapes on which pdf-extract would panic (on wasm32 a
//! panic aborts, so this is the guard there).

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, ObjectId};

use super::lexer::{self, Tok};

use super::document::{as_dict, inherited, resolve};
use crate::{Error, Result};

/// The string is drawn in a bold font.
pub(super) const BOLD: u8 = 1;
/// The string is drawn in an icon font: its glyphs are pictures, not text.
pub(super) const ICON: u8 = 2;

/// Font styles of every string a page shows, in pdf-extract's order.
#[derive(Debug, Default)]
pub(super) struct PageFonts {
    pub styles: Vec<u8>,
    /// The page shows text at all (its text operators draw strings).
    pub shows_text: bool,
}

/// Scans one page's content (and the form XObjects it draws). `precise` parses with lopdf,
/// as pdf-extract does; otherwise a lighter lexer reads the operators.
pub(super) fn scan_page(doc: &Document, page: ObjectId, precise: bool) -> Result<PageFonts> {
    let content = doc
        .get_page_content(page)
        .map_err(|e| Error::corrupt("PDF", format!("page content: {e}")))?;
    let empty = Dictionary::new();
    let resources = inherited(doc, page, b"Resources")
        .and_then(|r| as_dict(doc, r))
        .unwrap_or(&empty);
    let mut scan = Scan {
        doc,
        cache: HashMap::new(),
        out: PageFonts::default(),
        precise,
    };
    scan.stream(&content, resources, 0)?;
    scan.out.shows_text = !scan.out.styles.is_empty();
    Ok(scan.out)
}

struct Scan<'a> {
    doc: &'a Document,
    /// pdf-extract caches fonts by resource name for the whole page, so the first
    /// definition of a name wins even inside form XObjects; mirror that.
    cache: HashMap<Vec<u8>, u8>,
    out: PageFonts,
    precise: bool,
}

/// The font state of one content stream: the font in effect, saved and restored with the
/// graphics state like pdf-extract does.
#[derive(Default)]
struct FontState {
    font: Option<u8>,
    stack: Vec<Option<u8>>,
}

fn bad(what: &str) -> Error {
    Error::corrupt("PDF", format!("malformed content stream: {what}"))
}

fn nums(args: &[Tok<'_>], at_least: usize) -> bool {
    args.len() >= at_least && args.iter().all(|a| *a == Tok::Num)
}

impl<'a> Scan<'a> {
    fn stream(&mut self, content: &[u8], resources: &'a Dictionary, depth: usize) -> Result<()> {
        if depth > 8 {
            return Err(Error::corrupt(
                "PDF",
                "form XObjects nested more than 8 deep",
            ));
        }
        let mut state = FontState::default();
        if self.precise {
            let ops = Content::decode(content)
                .map_err(|e| Error::corrupt("PDF", format!("content stream: {e}")))?;
            for op in &ops.operations {
                let args: Vec<Tok<'_>> = op.operands.iter().map(Tok::of).collect();
                self.apply(op.operator.as_bytes(), &args, &mut state, resources, depth)?;
            }
            Ok(())
        } else {
            lexer::for_each_op(content, |op, args| {
                self.apply(op, args, &mut state, resources, depth)
            })
        }
    }

    /// One operator: font changes, shown strings, form XObjects, and the operand shapes
    /// pdf-extract would panic on.
    fn apply(
        &mut self,
        op: &[u8],
        args: &[Tok<'_>],
        state: &mut FontState,
        resources: &'a Dictionary,
        depth: usize,
    ) -> Result<()> {
        match op {
            b"q" => state.stack.push(state.font),
            b"Q" => {
                if let Some(f) = state.stack.pop() {
                    state.font = f;
                }
            }
            b"Tf" => {
                let Some(Tok::Name(name)) = args.first() else {
                    return Err(bad("Tf without a font name"));
                };
                if args.get(1) != Some(&Tok::Num) {
                    return Err(bad("Tf without a size"));
                }
                let style = match self.cache.get(*name) {
                    Some(s) => *s,
                    None => {
                        let dict = resources
                            .get(b"Font")
                            .ok()
                            .and_then(|f| as_dict(self.doc, f))
                            .and_then(|f| f.get(name).ok())
                            .and_then(|f| as_dict(self.doc, f))
                            .ok_or_else(|| bad("Tf names a font missing from the resources"))?;
                        let s = style_of(self.doc, dict);
                        self.cache.insert(name.to_vec(), s);
                        s
                    }
                };
                state.font = Some(style);
            }
            b"Tj" => {
                let f = state
                    .font
                    .ok_or_else(|| bad("text shown before a font is set"))?;
                if args.first() != Some(&Tok::Str) {
                    return Err(bad("Tj without a string"));
                }
                self.out.styles.push(f);
            }
            b"TJ" => {
                if let Some(Tok::Arr(strings)) = args.first() {
                    if *strings > 0 {
                        let f = state
                            .font
                            .ok_or_else(|| bad("text shown before a font is set"))?;
                        self.out
                            .styles
                            .extend(std::iter::repeat_n(f, *strings as usize));
                    }
                }
            }
            b"cm" | b"Tm" if args.len() != 6 || !nums(args, 6) => {
                return Err(bad("a matrix without six numbers"));
            }
            b"Td" | b"TD" if args.len() != 2 || !nums(args, 2) => {
                return Err(bad("Td without two numbers"));
            }
            b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" | b"w" if args.first() != Some(&Tok::Num) => {
                return Err(bad("a text state operator without a number"));
            }
            b"m" | b"l" if !nums(args, 2) => return Err(bad("a path operator without numbers")),
            b"c" if !nums(args, 6) => return Err(bad("a curve without six numbers")),
            b"v" | b"y" | b"re" if !nums(args, 4) => {
                return Err(bad("a path operator without four numbers"));
            }
            b"gs" | b"cs" | b"CS" if !matches!(args.first(), Some(Tok::Name(_))) => {
                return Err(bad("an operator without its name"));
            }
            b"Do" => {
                let Some(Tok::Name(name)) = args.first() else {
                    return Err(bad("Do without a name"));
                };
                let stream = resources
                    .get(b"XObject")
                    .ok()
                    .and_then(|x| as_dict(self.doc, x))
                    .and_then(|x| x.get(name).ok())
                    .and_then(|x| resolve(self.doc, x).as_stream().ok())
                    .ok_or_else(|| bad("Do names an XObject missing from the resources"))?;
                let inner = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| as_dict(self.doc, r))
                    .unwrap_or(resources);
                if stream.dict.get(b"Filter").is_ok() {
                    let data = stream
                        .decompressed_content()
                        .unwrap_or_else(|_| stream.content.clone());
                    self.stream(&data, inner, depth + 1)?;
                } else {
                    self.stream(&stream.content, inner, depth + 1)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// Bold and icon flags from a font's name and descriptor.
fn style_of(doc: &Document, font: &Dictionary) -> u8 {
    let name = font
        .get(b"BaseFont")
        .ok()
        .map(|n| resolve(doc, n))
        .and_then(|n| n.as_name().ok())
        .unwrap_or(b"");
    let name = String::from_utf8_lossy(name);
    // Drop the subset tag ("ABCDEF+").
    let name = name.split_once('+').map_or(
        &*name,
        |(tag, rest)| if tag.len() == 6 { rest } else { &*name },
    );
    let lower = name.to_ascii_lowercase();
    let mut style = 0;
    if is_icon_font(&lower) {
        style |= ICON;
    }
    let weight = descriptor(doc, font)
        .and_then(|d| d.get(b"FontWeight").ok())
        .and_then(|w| w.as_float().ok())
        .unwrap_or(0.0);
    if weight >= 600.0 || is_bold_name(&lower) {
        style |= BOLD;
    }
    style
}

fn descriptor<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    if let Some(d) = font
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| as_dict(doc, d))
    {
        return Some(d);
    }
    let descendant = font
        .get(b"DescendantFonts")
        .ok()
        .map(|d| resolve(doc, d))
        .and_then(|d| d.as_array().ok())?
        .first()?;
    as_dict(doc, descendant)?
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| as_dict(doc, d))
}

/// Font families whose glyphs are pictograms. Symbol, Wingdings and Dingbats are left out:
/// Word draws list bullets with them.
pub(super) fn is_icon_font(lower: &str) -> bool {
    const ICON_FONTS: &[&str] = &[
        "fontawesome",
        "awesome",
        "simpleicons",
        "academicons",
        "materialicons",
        "materialsymbols",
        "material-icons",
        "fontello",
        "ionicons",
        "octicons",
        "entypo",
        "typicons",
        "glyphicons",
        "feather",
        "icomoon",
        "devicon",
        "bootstrap-icons",
        "bootstrapicons",
        "remixicon",
        "tabler-icons",
        "lineicons",
    ];
    ICON_FONTS.iter().any(|f| lower.contains(f))
}

/// Weight words in PostScript names, plus TeX's bold extended (cmbx, cmssbx, lmroman-bold).
pub(super) fn is_bold_name(lower: &str) -> bool {
    const BOLD: &[&str] = &[
        "bold",
        "black",
        "heavy",
        "semibold",
        "demi",
        "-bd",
        "cmbx",
        "cmssbx",
        "cmb10",
        "extrabold",
        "ultrabold",
    ];
    BOLD.iter().any(|b| lower.contains(b)) || lower.ends_with(",bold")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_names() {
        assert!(is_icon_font("fontawesome7brands-regular-identity-h"));
        assert!(is_icon_font("simpleiconsfiltered"));
        assert!(!is_icon_font("symbol"));
        assert!(is_bold_name("sourcesans3-bold"));
        assert!(is_bold_name("cmbx12"));
        assert!(is_bold_name("arial-boldmt"));
        assert!(!is_bold_name("cmr10"));
        assert!(!is_bold_name("lato-regular"));
    }
}
