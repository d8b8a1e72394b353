//! Rendering a [`Profile`] (and cover letters) to PDF, SVG, PNG, HTML, Markdown, plain text,
//! DOCX and JSON Resume.
//!
//! Every format is written from one [`View`](view::View): the profile with dates formatted,
//! titles localised ([`Locale`]), sections ordered and filtered ([`RenderOptions`]), and
//! optionally [anonymised](anonymize). HTML, Markdown, text and JSON Resume are pure and always
//! built (also for wasm32). PDF, SVG and PNG come from Typst in-process and DOCX from docx-rs,
//! behind the `render` feature: the themes are Typst code inside the crate, the view reaches
//! them as JSON (`json("/data.json")`), so user text is never parsed as markup.
//!
//! ```
//! use career_copilot::render::{render, OutputFormat, RenderOptions};
//! use career_copilot::{parse_resume, Hint};
//!
//! let p = parse_resume(b"Ada Lovelace\nada@example.com\n\nSkills\nRust, Go\n", &Hint::default())?.value;
//! let out = render(&p, &RenderOptions::theme("modern"), OutputFormat::Markdown)?;
//! assert!(String::from_utf8(out.bytes).unwrap().starts_with("# Ada Lovelace"));
//! # Ok::<(), career_copilot::Error>(())
//! ```

pub mod anonymize;
pub mod html;
pub mod letter;
pub mod locale;
pub mod options;
pub mod text;
pub mod themes;
pub mod view;

#[cfg(feature = "render")]
mod docx;
#[cfg(feature = "render")]
mod engine;
#[cfg(feature = "render")]
mod typst_out;

#[cfg(feature = "render")]
pub use engine::Renderer;
pub use letter::LetterDoc;
pub use locale::Locale;
pub use options::{FONTS, OutputFormat, PageSize, RenderOptions, SectionId};
pub use themes::{ThemeInfo, themes};

use serde::Serialize;

use crate::ingest::Warning;
use crate::model::Profile;
use crate::{Error, Limits, Result};

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Rendered {
    /// The file: the whole document, or for SVG and PNG the first page.
    #[serde(skip)]
    pub bytes: Vec<u8>,
    /// SVG and PNG: every page as its own file (`pages[0] == bytes`). Empty otherwise.
    #[serde(skip)]
    pub pages: Vec<Vec<u8>>,
    /// Pages in the layout (PDF, SVG, PNG); 0 for formats without pages.
    pub page_count: usize,
    pub format: OutputFormat,
    /// Findings such as characters missing from the fonts. Not failures.
    pub warnings: Vec<Warning>,
}

impl Rendered {
    fn flow(bytes: Vec<u8>, format: OutputFormat, warnings: Vec<Warning>) -> Self {
        Rendered {
            bytes,
            pages: Vec::new(),
            page_count: 0,
            format,
            warnings,
        }
    }
}

/// Most bullets, courses and lines rendered in one document.
pub const MAX_ITEMS: u64 = 5_000;
/// Longest single field, in characters.
pub const MAX_FIELD_CHARS: u64 = 20_000;
/// Most characters of text in one document.
pub const MAX_TOTAL_CHARS: u64 = 1_000_000;

/// Fails with [`Error::LimitExceeded`] when the profile is beyond what a CV can be.
fn check_limits(p: &Profile) -> Result<()> {
    let v = serde_json::to_value(p).map_err(|e| Error::Render(e.to_string()))?;
    let (mut items, mut total, mut longest) = (0u64, 0u64, 0u64);
    fn walk(v: &serde_json::Value, items: &mut u64, total: &mut u64, longest: &mut u64) {
        match v {
            serde_json::Value::String(s) => {
                let n = s.chars().count() as u64;
                *total += n;
                *longest = (*longest).max(n);
            }
            serde_json::Value::Array(a) => {
                *items += a.len() as u64;
                a.iter().for_each(|x| walk(x, items, total, longest));
            }
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, items, total, longest)),
            _ => {}
        }
    }
    walk(&v, &mut items, &mut total, &mut longest);
    Limits::check("render items", items, MAX_ITEMS)?;
    Limits::check("render field characters", longest, MAX_FIELD_CHARS)?;
    Limits::check("render characters", total, MAX_TOTAL_CHARS)
}

/// The profile to render: validated, checked against limits, anonymised when asked.
fn prepare(p: &Profile, opts: &RenderOptions) -> Result<(Profile, Option<anonymize::Scrubber>)> {
    opts.validate()?;
    check_limits(p)?;
    if opts.anonymize {
        let (q, sc) = anonymize::anonymize(p, opts.locale);
        Ok((q, Some(sc)))
    } else {
        Ok((p.clone(), None))
    }
}

/// The view of a profile for these options (exposed for custom writers and tests).
pub fn view(p: &Profile, opts: &RenderOptions) -> Result<view::View> {
    let (p, _) = prepare(p, opts)?;
    let theme = themes::theme(&opts.theme)
        .ok_or_else(|| Error::invalid("theme", format!("unknown theme {:?}", opts.theme)))?;
    Ok(view::build(&p, opts, theme))
}

/// The profile as JSON Resume: `x-` extensions removed (ids, provenance, unknown sections).
pub fn to_json_resume(p: &Profile) -> Result<String> {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.retain(|k, _| !k.starts_with("x-"));
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(p).map_err(|e| Error::Render(e.to_string()))?;
    strip(&mut v);
    serde_json::to_string_pretty(&v).map_err(|e| Error::Render(e.to_string()))
}

/// Renders a CV. PDF, SVG, PNG and DOCX use a process-wide `Renderer` (feature `render`) (built on first use);
/// hold your own `Renderer` to control its lifetime.
pub fn render(p: &Profile, opts: &RenderOptions, format: OutputFormat) -> Result<Rendered> {
    if let Some(out) = render_pure(p, opts, format)? {
        return Ok(out);
    }
    typeset(p, opts, format)
}

/// Renders a cover letter in the CV's theme.
pub fn render_letter(
    doc: &letter::LetterDoc,
    p: &Profile,
    opts: &RenderOptions,
    format: OutputFormat,
) -> Result<Rendered> {
    let (l, _) = letter_view(doc, p, opts)?;
    let flow = |s: String| Rendered::flow(s.into_bytes(), format, Vec::new());
    match format {
        OutputFormat::Text => Ok(flow(text::letter_text(&l))),
        OutputFormat::Markdown => Ok(flow(text::letter_markdown(&l))),
        OutputFormat::Html => Ok(flow(html::letter_html(&l))),
        OutputFormat::JsonResume => Err(Error::UnsupportedFormat(
            "a cover letter has no JSON Resume form; use text, Markdown, HTML, PDF or DOCX".into(),
        )),
        _ => typeset_letter(&l, opts, format),
    }
}

/// The letter view, with the letter's text scrubbed when anonymising.
fn letter_view(
    doc: &letter::LetterDoc,
    p: &Profile,
    opts: &RenderOptions,
) -> Result<(letter::LetterView, Option<anonymize::Scrubber>)> {
    let (q, sc) = prepare(p, opts)?;
    let body: u64 = doc
        .paragraphs
        .iter()
        .map(|s| s.chars().count() as u64)
        .sum();
    Limits::check("letter characters", body, MAX_TOTAL_CHARS)?;
    Limits::check("letter paragraphs", doc.paragraphs.len() as u64, MAX_ITEMS)?;
    let mut doc = doc.clone();
    if let Some(sc) = &sc {
        doc.recipient = sc.scrub(&doc.recipient);
        doc.greeting = sc.scrub(&doc.greeting);
        doc.paragraphs = doc.paragraphs.iter().map(|s| sc.scrub(s)).collect();
        doc.signature.clear();
    }
    Ok((letter::build(&doc, &q, opts), sc))
}

/// The pure formats; `None` for the ones that need Typst or docx-rs.
fn render_pure(
    p: &Profile,
    opts: &RenderOptions,
    format: OutputFormat,
) -> Result<Option<Rendered>> {
    let flow = |s: String| Some(Rendered::flow(s.into_bytes(), format, Vec::new()));
    Ok(match format {
        OutputFormat::Text => flow(text::cv_text(&view(p, opts)?)),
        OutputFormat::Markdown => flow(text::cv_markdown(&view(p, opts)?)),
        OutputFormat::Html => flow(html::cv_html(&view(p, opts)?)),
        OutputFormat::JsonResume => {
            let (q, _) = prepare(p, opts)?;
            flow(to_json_resume(&q)?)
        }
        _ => None,
    })
}

#[cfg(feature = "render")]
fn typeset(p: &Profile, opts: &RenderOptions, format: OutputFormat) -> Result<Rendered> {
    typst_out::shared()?.render(p, opts, format)
}

#[cfg(feature = "render")]
fn typeset_letter(
    l: &letter::LetterView,
    opts: &RenderOptions,
    format: OutputFormat,
) -> Result<Rendered> {
    typst_out::shared()?.letter(l, opts, format)
}

#[cfg(not(feature = "render"))]
fn typeset(_: &Profile, _: &RenderOptions, format: OutputFormat) -> Result<Rendered> {
    Err(needs_feature(format))
}

#[cfg(not(feature = "render"))]
fn typeset_letter(
    _: &letter::LetterView,
    _: &RenderOptions,
    format: OutputFormat,
) -> Result<Rendered> {
    Err(needs_feature(format))
}

#[cfg(not(feature = "render"))]
fn needs_feature(format: OutputFormat) -> Error {
    Error::UnsupportedFormat(format!(
        "{} output needs the `render` feature of career-copilot",
        format.extension().to_uppercase()
    ))
}

#[cfg(test)]
mod tests;
#[cfg(all(test, feature = "render"))]
mod tests_typst;
