//! From a laid-out Typst document to PDF (tagged, with title, author, language and an optional
//! fixed creation date), SVG and PNG; and the [`Renderer`] entry points for every format.

use std::sync::OnceLock;

use typst::foundations::{Datetime, Smart};
use typst::utils::Scalar;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use super::engine::Renderer;
use super::letter::{LetterDoc, LetterView};
use super::{OutputFormat, RenderOptions, Rendered, docx, letter_view, render_pure, view};
use crate::model::{PartialDate, Profile};
use crate::{Error, Result};

static SHARED: OnceLock<std::result::Result<Renderer, String>> = OnceLock::new();

/// The process-wide renderer behind [`render`](super::render).
pub(crate) fn shared() -> Result<&'static Renderer> {
    SHARED
        .get_or_init(|| Renderer::new().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::Render(e.clone()))
}

/// The creation date option as a Typst datetime (midnight UTC).
fn creation(opts: &RenderOptions) -> Option<Datetime> {
    let d = PartialDate::parse_iso(opts.creation_date.as_deref()?)?;
    Datetime::from_ymd_hms(i32::from(d.year), d.month?, d.day?, 0, 0, 0)
}

impl Renderer {
    /// Renders a CV in any format, reusing this renderer's fonts and parsed themes.
    pub fn render(
        &self,
        p: &Profile,
        opts: &RenderOptions,
        format: OutputFormat,
    ) -> Result<Rendered> {
        if let Some(out) = render_pure(p, opts, format)? {
            return Ok(out);
        }
        let v = view(p, opts)?;
        if format == OutputFormat::Docx {
            return Ok(Rendered::flow(docx::cv_docx(&v)?, format, Vec::new()));
        }
        let data = serde_json::to_vec(&v).map_err(|e| Error::Render(e.to_string()))?;
        self.export(&opts.theme, data, opts, format)
    }

    /// Renders a cover letter in the CV's theme.
    pub fn render_letter(
        &self,
        doc: &LetterDoc,
        p: &Profile,
        opts: &RenderOptions,
        format: OutputFormat,
    ) -> Result<Rendered> {
        match format {
            OutputFormat::Pdf | OutputFormat::Svg | OutputFormat::Png | OutputFormat::Docx => {
                let (l, _) = letter_view(doc, p, opts)?;
                self.letter(&l, opts, format)
            }
            _ => super::render_letter(doc, p, opts, format),
        }
    }

    /// A letter view to PDF, SVG, PNG or DOCX.
    pub(crate) fn letter(
        &self,
        l: &LetterView,
        opts: &RenderOptions,
        format: OutputFormat,
    ) -> Result<Rendered> {
        if format == OutputFormat::Docx {
            return Ok(Rendered::flow(docx::letter_docx(l)?, format, Vec::new()));
        }
        let data = serde_json::to_vec(l).map_err(|e| Error::Render(e.to_string()))?;
        self.export(&opts.theme, data, opts, format)
    }

    fn export(
        &self,
        theme: &str,
        data: Vec<u8>,
        opts: &RenderOptions,
        format: OutputFormat,
    ) -> Result<Rendered> {
        let theme = super::themes::theme(theme)
            .map(|t| t.name)
            .ok_or_else(|| Error::invalid("theme", format!("unknown theme {theme:?}")))?;
        let date = creation(opts);
        let (doc, warnings) = self.layout(theme, data, date)?;
        let page_count = doc.pages().len();
        let (bytes, pages) = match format {
            OutputFormat::Pdf => (pdf(&doc, date)?, Vec::new()),
            OutputFormat::Svg => {
                let opts = typst_svg::SvgOptions::default();
                let pages: Vec<Vec<u8>> = doc
                    .pages()
                    .iter()
                    .map(|p| typst_svg::svg(p, &opts).into_bytes())
                    .collect();
                (pages.first().cloned().unwrap_or_default(), pages)
            }
            OutputFormat::Png => {
                let ro = typst_render::RenderOptions {
                    pixel_per_pt: Scalar::new(f64::from(opts.png_scale)),
                    render_bleed: false,
                };
                let mut pages = Vec::with_capacity(doc.pages().len());
                for p in doc.pages() {
                    let png = typst_render::render(p, &ro)
                        .encode_png()
                        .map_err(|e| Error::Render(format!("PNG encoding: {e}")))?;
                    pages.push(png);
                }
                (pages.first().cloned().unwrap_or_default(), pages)
            }
            other => {
                return Err(Error::UnsupportedFormat(format!(
                    "{} is not a Typst output",
                    other.extension()
                )));
            }
        };
        Ok(Rendered {
            bytes,
            pages,
            page_count,
            format,
            warnings,
        })
    }
}

/// Tagged PDF; byte-identical for the same input (the creation date is either fixed or absent).
fn pdf(doc: &PagedDocument, date: Option<Datetime>) -> Result<Vec<u8>> {
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some("Career Copilot (Typst)".into())),
        timestamp: date.map(Timestamp::new_utc),
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|errs| {
        let msgs: Vec<String> = errs.iter().take(3).map(|e| e.message.to_string()).collect();
        Error::Render(format!("PDF export: {}", msgs.join("; ")))
    })
}
