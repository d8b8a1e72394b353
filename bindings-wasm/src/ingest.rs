//! `ingest`: resumes and job postings in, plain objects out.

use career_copilot::Hint;
use wasm_bindgen::prelude::*;

use crate::{convert, error};

#[wasm_bindgen]
extern "C" {
    /// `{ fileName?, format?, limits? }`, declared in `types.d.ts`.
    #[wasm_bindgen(typescript_type = "ParseOptions")]
    pub type ParseOptions;
}

/// Parses a resume (PDF, DOCX, HTML, Markdown, text, JSON Resume, RenderCV YAML, LinkedIn
/// export ZIP) into `{ value: Profile, warnings, format, layout }`. The format is sniffed from
/// the bytes; `options.fileName` breaks ties, `options.format` forces one, `options.limits`
/// bounds the work. Throws an `Error` with a `code` when the input cannot be read.
#[wasm_bindgen(js_name = parseResume, unchecked_return_type = "Parsed<Profile>")]
pub fn parse_resume(bytes: &[u8], options: Option<ParseOptions>) -> Result<JsValue, JsValue> {
    let hint: Hint = convert::from_js("options", options.map(JsValue::from))?;
    let parsed = career_copilot::parse_resume(bytes, &hint).map_err(|e| error::to_js(&e))?;
    convert::to_js(&parsed)
}

/// Parses a job posting (text, Markdown, HTML with or without schema.org JSON-LD, job-board
/// JSON, PDF, DOCX) into `{ value: Job, warnings, format, layout }`.
#[wasm_bindgen(js_name = parseJob, unchecked_return_type = "Parsed<Job>")]
pub fn parse_job(bytes: &[u8], options: Option<ParseOptions>) -> Result<JsValue, JsValue> {
    let hint: Hint = convert::from_js("options", options.map(JsValue::from))?;
    let parsed = career_copilot::parse_job(bytes, &hint).map_err(|e| error::to_js(&e))?;
    convert::to_js(&parsed)
}
