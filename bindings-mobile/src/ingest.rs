//! `ingest`: resumes and job postings in, JSON plus typed findings out.

use career_copilot::ingest::{Format, LayoutSignals, Warning};
use career_copilot::{Hint, Parsed};

use crate::CopilotError;

/// The format an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DocumentFormat {
    Pdf,
    Docx,
    Html,
    Markdown,
    Text,
    JsonResume,
    Json,
    RenderCvYaml,
    LinkedInZip,
    Zip,
}

impl From<Format> for DocumentFormat {
    fn from(format: Format) -> Self {
        // Exhaustive on purpose: a new core format fails this build instead of being lost.
        match format {
            Format::Pdf => DocumentFormat::Pdf,
            Format::Docx => DocumentFormat::Docx,
            Format::Html => DocumentFormat::Html,
            Format::Markdown => DocumentFormat::Markdown,
            Format::Text => DocumentFormat::Text,
            Format::JsonResume => DocumentFormat::JsonResume,
            Format::Json => DocumentFormat::Json,
            Format::RenderCvYaml => DocumentFormat::RenderCvYaml,
            Format::LinkedInZip => DocumentFormat::LinkedInZip,
            Format::Zip => DocumentFormat::Zip,
        }
    }
}

/// A non-fatal finding (low confidence, unknown heading, a layout that may confuse ATS).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ParseWarning {
    /// Stable kebab-case code, e.g. `no-name`, `two-columns`.
    pub code: String,
    pub message: String,
    /// The field it concerns, like `work[2].startDate`.
    pub path: Option<String>,
}

/// Layout facts about the source, for ATS parsability checks.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Layout {
    pub pages: u32,
    pub columns: bool,
    pub tables: bool,
    pub header_footer_text: bool,
    pub icon_glyphs: bool,
    pub images: bool,
}

/// A parsed resume: the profile as JSON Resume text, with findings.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ParsedResume {
    pub profile_json: String,
    pub warnings: Vec<ParseWarning>,
    pub format: DocumentFormat,
    pub layout: Layout,
}

/// A parsed job posting: the job as JSON text, with findings.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ParsedJob {
    pub job_json: String,
    pub warnings: Vec<ParseWarning>,
    pub format: DocumentFormat,
    pub layout: Layout,
}

/// Parses a resume (PDF, DOCX, HTML, Markdown, text, JSON Resume, RenderCV YAML, LinkedIn
/// export ZIP). The format is sniffed from the bytes; `file_name` only breaks ties.
#[uniffi::export(default(file_name = None))]
pub fn parse_resume(
    bytes: Vec<u8>,
    file_name: Option<String>,
) -> Result<ParsedResume, CopilotError> {
    let parsed = career_copilot::parse_resume(&bytes, &hint(file_name))?;
    let (profile_json, warnings, format, layout) = split(parsed)?;
    Ok(ParsedResume {
        profile_json,
        warnings,
        format,
        layout,
    })
}

/// Parses a job posting (text, Markdown, HTML with or without schema.org JSON-LD, job-board
/// JSON, PDF, DOCX).
#[uniffi::export(default(file_name = None))]
pub fn parse_job(bytes: Vec<u8>, file_name: Option<String>) -> Result<ParsedJob, CopilotError> {
    let parsed = career_copilot::parse_job(&bytes, &hint(file_name))?;
    let (job_json, warnings, format, layout) = split(parsed)?;
    Ok(ParsedJob {
        job_json,
        warnings,
        format,
        layout,
    })
}

fn hint(file_name: Option<String>) -> Hint {
    Hint {
        file_name,
        ..Hint::default()
    }
}

type Parts = (String, Vec<ParseWarning>, DocumentFormat, Layout);

fn split<T: serde::Serialize>(parsed: Parsed<T>) -> Result<Parts, CopilotError> {
    let json = serde_json::to_string(&parsed.value)
        .map_err(|e| CopilotError::Other(format!("could not write the result as JSON: {e}")))?;
    let warnings = parsed.warnings.into_iter().map(warning).collect();
    Ok((json, warnings, parsed.format.into(), layout(parsed.layout)))
}

fn warning(w: Warning) -> ParseWarning {
    ParseWarning {
        code: w.code,
        message: w.message,
        path: w.path,
    }
}

fn layout(signals: LayoutSignals) -> Layout {
    // Destructured without `..`: a new core field fails this build instead of being dropped.
    let LayoutSignals {
        pages,
        columns,
        tables,
        header_footer_text,
        icon_glyphs,
        images,
    } = signals;
    Layout {
        pages,
        columns,
        tables,
        header_footer_text,
        icon_glyphs,
        images,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_resume_round_trips_to_json() {
        let parsed = parse_resume(b"Jane Doe\njane@example.com\n".to_vec(), None).expect("parses");
        assert_eq!(parsed.format, DocumentFormat::Text);
        let profile: serde_json::Value = serde_json::from_str(&parsed.profile_json).expect("JSON");
        assert_eq!(profile["basics"]["name"], "Jane Doe");
    }

    #[test]
    fn errors_map_to_actionable_variants() {
        let err = parse_resume(br#"{"hello": "world"}"#.to_vec(), None).expect_err("not a resume");
        assert!(matches!(err, CopilotError::InvalidInput(_)), "{err:?}");
    }
}
