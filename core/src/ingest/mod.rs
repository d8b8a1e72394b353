//! Ingest: documents in, [`Profile`]s and [`Job`]s out.
//!
//! The pipeline is: sniff the format from the bytes (`sniff`), extract text with its layout
//! ([`TextDoc`]: lines with page, heading and bullet hints), then parse the text into a model.
//! Structured sources (JSON Resume, RenderCV YAML, LinkedIn exports, job-board JSON, JSON-LD)
//! skip the text stage. Every stage is bounded by [`Limits`].

use serde::{Deserialize, Serialize};

use crate::model::{Job, Profile};
use crate::{Error, Limits, Result};

pub mod doc;
#[cfg(feature = "docx")]
pub mod docx;
#[cfg(feature = "html")]
pub mod html;
pub mod job;
pub mod json_resume;
pub mod linkedin;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod rendercv;
pub mod resume;
pub mod sniff;
pub mod text;
mod zip_package;

pub use doc::{LayoutSignals, Line, TextDoc};
pub use sniff::{Format, sniff};

/// A non-fatal finding: low confidence, something skipped, a layout that may confuse ATS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable kebab-case code, e.g. `no-name`, `unknown-heading`, `two-columns`.
    pub code: String,
    /// What was found, for people.
    pub message: String,
    /// The field it concerns, as a path like `work[2].startDate`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Warning {
    /// A warning without a path.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Warning {
            code: code.into(),
            message: message.into(),
            path: None,
        }
    }

    /// A warning about one field.
    pub fn at(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            code: code.into(),
            message: message.into(),
            path: Some(path.into()),
        }
    }
}

/// A parsed value with the findings gathered on the way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parsed<T> {
    pub value: T,
    pub warnings: Vec<Warning>,
    /// The format the input was read as.
    pub format: Format,
    /// Layout facts about the source (columns, tables, text layer), for ATS parsability checks.
    #[serde(default)]
    pub layout: LayoutSignals,
}

/// What the caller knows about the input. The bytes decide the format; the hint only breaks
/// ties (Markdown vs plain text) or forces a format when set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Hint {
    /// Force this format instead of sniffing.
    pub format: Option<Format>,
    /// The file name, used for tie-breaks only.
    pub file_name: Option<String>,
    /// Limits for this parse.
    pub limits: Limits,
}

impl Hint {
    /// A hint carrying only a file name.
    pub fn file_name(name: impl Into<String>) -> Self {
        Hint {
            file_name: Some(name.into()),
            ..Hint::default()
        }
    }
}

/// Extracts a document's text and layout. Structured formats have no text stage and are refused.
pub fn extract_text(bytes: &[u8], format: Format, limits: &Limits) -> Result<TextDoc> {
    match format {
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::extract(bytes, limits),
        #[cfg(feature = "docx")]
        Format::Docx => docx::extract(bytes, limits),
        #[cfg(feature = "html")]
        Format::Html => html::extract(bytes, limits),
        Format::Markdown => Ok(markdown::extract(&text::decode(bytes, limits)?)),
        Format::Text => Ok(TextDoc::from_plain(&text::decode(bytes, limits)?)),
        other => Err(Error::UnsupportedFormat(format!(
            "{} has no text stage in this build",
            other.name()
        ))),
    }
}

/// Parses a resume in any supported format into a [`Profile`].
///
/// ```
/// use career_copilot::ingest::{parse_resume, Hint};
/// let text = "Jane Doe\njane@example.com\n\nEXPERIENCE\nEngineer, Acme  Jan 2020 - Present\n- Built things in Rust\n";
/// let parsed = parse_resume(text.as_bytes(), &Hint::default()).unwrap();
/// assert_eq!(parsed.value.name(), Some("Jane Doe"));
/// ```
pub fn parse_resume(bytes: &[u8], hint: &Hint) -> Result<Parsed<Profile>> {
    let limits = &hint.limits;
    Limits::check("input bytes", bytes.len() as u64, limits.max_input_bytes)?;
    let format = match hint.format {
        Some(f) => f,
        None => sniff(bytes, hint.file_name.as_deref())?,
    };
    let mut parsed = match format {
        Format::JsonResume => json_resume::parse(bytes)?,
        Format::RenderCvYaml => rendercv::parse(bytes, limits)?,
        Format::LinkedInZip => linkedin::parse_zip(bytes, limits)?,
        Format::Json => {
            return Err(Error::invalid(
                "resume",
                "JSON that is not a JSON Resume document (no basics, work or education)",
            ));
        }
        Format::Zip => {
            return Err(Error::UnsupportedFormat(
                "a ZIP archive that is neither DOCX nor a LinkedIn data export".into(),
            ));
        }
        _ => {
            let doc = extract_text(bytes, format, limits)?;
            let layout = doc.signals.clone();
            let (profile, warnings) = resume::parse_doc(&doc, format);
            Parsed {
                value: profile,
                warnings,
                format,
                layout,
            }
        }
    };
    parsed.format = format;
    parsed.value.ensure_ids();
    Ok(parsed)
}

/// Parses a job posting (text, Markdown, HTML with or without JSON-LD, job-board JSON, PDF,
/// DOCX) into a [`Job`].
pub fn parse_job(bytes: &[u8], hint: &Hint) -> Result<Parsed<Job>> {
    let limits = &hint.limits;
    Limits::check("input bytes", bytes.len() as u64, limits.max_input_bytes)?;
    let format = match hint.format {
        Some(f) => f,
        None => sniff(bytes, hint.file_name.as_deref())?,
    };
    job::parse(bytes, format, limits)
}
