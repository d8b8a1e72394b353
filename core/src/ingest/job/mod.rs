//! Job postings in, [`Job`]s out.
//!
//! Three routes, all ending in the same text pass (`text::fill`) that sets whatever is still
//! empty from the posting's wording:
//! - text, Markdown, PDF and DOCX: the first lines give title, company and location; section
//!   headings split responsibilities, requirements, nice-to-haves and benefits;
//! - HTML pages: schema.org `JobPosting` JSON-LD first ([`from_json_ld`]), then the visible text;
//! - JSON: RemoteOK, Greenhouse and Lever payloads, JSON-LD, or our own `Job` serialization.

mod boards;
mod classify;
mod experience;
mod fragment;
mod header;
mod jsonld;
mod place;
mod prose;
mod salary;
mod sections;
mod skills;
mod stems;
mod text;

use serde_json::Value;

pub use jsonld::{from_json_ld, to_json_ld};

use super::{Format, LayoutSignals, Line, Parsed, TextDoc, Warning};
use crate::model::{Job, WorkplaceType};
use crate::{Error, Limits, Result};
use boards::Shape;

/// Parses one job posting. A JSON payload with several postings gives the first, with a
/// `more-postings` warning; [`parse_many`] gives them all.
pub fn parse(bytes: &[u8], format: Format, limits: &Limits) -> Result<Parsed<Job>> {
    match format {
        Format::Json | Format::JsonResume => {
            let v = read_json(bytes, limits)?;
            let posts = boards::postings(&v);
            let Some(&(shape, first)) = posts.first() else {
                return Err(no_posting(format));
            };
            let mut parsed = from_shape(shape, first, format, limits)?;
            if posts.len() > 1 {
                parsed.warnings.push(Warning::new(
                    "more-postings",
                    format!("the payload holds {} postings; only the first was read (parse_many reads all)", posts.len()),
                ));
            }
            Ok(parsed)
        }
        Format::Html => parse_html(bytes, limits),
        Format::RenderCvYaml | Format::LinkedInZip | Format::Zip => Err(Error::UnsupportedFormat(
            format!("{} is not a job posting format", format.name()),
        )),
        _ => from_doc(&super::extract_text(bytes, format, limits)?, format),
    }
}

/// Parses every posting of a job-board payload (RemoteOK array, Greenhouse `{"jobs": [...]}`,
/// Lever array, JSON-LD `@graph`); other formats give one posting. Postings with neither a
/// title nor a description are skipped.
pub fn parse_many(bytes: &[u8], format: Format, limits: &Limits) -> Result<Vec<Parsed<Job>>> {
    match format {
        Format::Json | Format::JsonResume => {
            let v = read_json(bytes, limits)?;
            let posts = boards::postings(&v);
            if posts.is_empty() {
                return Err(no_posting(format));
            }
            let mut out = Vec::with_capacity(posts.len());
            for (shape, post) in posts {
                match from_shape(shape, post, format, limits) {
                    Ok(p) => out.push(p),
                    Err(Error::InvalidInput { .. }) => continue,
                    Err(e) => return Err(e),
                }
            }
            if out.is_empty() {
                return Err(Error::invalid(
                    "job postings",
                    "every posting in the payload has neither a title nor a description",
                ));
            }
            Ok(out)
        }
        _ => Ok(vec![parse(bytes, format, limits)?]),
    }
}

fn no_posting(format: Format) -> Error {
    let what = if format == Format::JsonResume {
        "a JSON Resume document, not a job posting"
    } else {
        "no job posting found"
    };
    Error::invalid(
        "job JSON",
        format!(
            "{what}: expected a RemoteOK, Greenhouse or Lever payload, a schema.org JobPosting, or a Job"
        ),
    )
}

fn read_json(bytes: &[u8], limits: &Limits) -> Result<Value> {
    let text = super::text::decode(bytes, limits)?;
    serde_json::from_str(&text).map_err(|e| Error::invalid("job JSON", e.to_string()))
}

/// A posting from a pasted or extracted document.
fn from_doc(doc: &TextDoc, format: Format) -> Result<Parsed<Job>> {
    // Pasted text often carries UTF-8 read as Windows-1252 ("Weâ€™re").
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .map(|l| match fragment::fix_mojibake(&l.text) {
            std::borrow::Cow::Owned(text) => Line {
                text: crate::ingest::doc::clean(&text),
                ..l.clone()
            },
            std::borrow::Cow::Borrowed(_) => l.clone(),
        })
        .collect();
    let mut job = Job {
        description: description_of(&lines),
        source: Some(format.name().into()),
        ..Job::default()
    };
    if job.description.is_empty() {
        return Err(Error::invalid(
            "job posting",
            "the document has no text (no title and no description)",
        ));
    }
    let mut warnings = Vec::new();
    text::fill(&lines, &mut job, &mut warnings, true);
    Ok(Parsed {
        value: job,
        warnings,
        format,
        layout: doc.signals.clone(),
    })
}

/// An HTML page: its JSON-LD `JobPosting` first, then the visible text for what that lacks.
fn parse_html(bytes: &[u8], limits: &Limits) -> Result<Parsed<Job>> {
    let ld = json_ld_of(bytes, limits)?;
    let ld_job = ld.iter().find_map(from_json_ld);
    let doc = super::extract_text(bytes, Format::Html, limits);
    let Some(mut job) = ld_job else {
        return from_doc(&doc?, Format::Html);
    };
    let mut warnings = Vec::new();
    let desc_lines = TextDoc::from_plain(&job.description).lines;
    text::fill(&desc_lines, &mut job, &mut Vec::new(), false);
    let layout = match doc {
        Ok(doc) => {
            if job.description.is_empty() {
                job.description = description_of(&doc.lines);
            }
            text::fill(&doc.lines, &mut job, &mut warnings, false);
            doc.signals
        }
        Err(e) => {
            warnings.push(Warning::new(
                "no-visible-text",
                format!("used the page's JSON-LD only; its text could not be read: {e}"),
            ));
            text::fill(&[], &mut job, &mut warnings, false);
            LayoutSignals {
                pages: 1,
                ..LayoutSignals::default()
            }
        }
    };
    job.source.get_or_insert_with(|| "html".into());
    require_text(&job)?;
    Ok(Parsed {
        value: job,
        warnings,
        format: Format::Html,
        layout,
    })
}

#[cfg(feature = "html")]
fn json_ld_of(bytes: &[u8], limits: &Limits) -> Result<Vec<Value>> {
    super::html::json_ld(bytes, limits)
}

#[cfg(not(feature = "html"))]
fn json_ld_of(_bytes: &[u8], _limits: &Limits) -> Result<Vec<Value>> {
    Err(Error::UnsupportedFormat(
        "HTML job pages need the `html` feature".into(),
    ))
}

/// One posting of a JSON payload.
fn from_shape(shape: Shape, v: &Value, format: Format, limits: &Limits) -> Result<Parsed<Job>> {
    let mut warnings = Vec::new();
    let job = match shape {
        Shape::Job => serde_json::from_value::<Job>(v.clone())
            .map_err(|e| Error::invalid("job JSON", e.to_string()))?,
        Shape::JsonLd => {
            let mut job = from_json_ld(v).ok_or_else(|| no_posting(format))?;
            let lines = TextDoc::from_plain(&job.description).lines;
            text::fill(&lines, &mut job, &mut warnings, false);
            job.source.get_or_insert_with(|| "json-ld".into());
            job
        }
        Shape::RemoteOk | Shape::Greenhouse | Shape::Lever => {
            let Some(o) = v.as_object() else {
                return Err(no_posting(format));
            };
            let mut post = match shape {
                Shape::RemoteOk => boards::remoteok(o),
                Shape::Greenhouse => boards::greenhouse(o),
                _ => boards::lever(o),
            };
            post.job.description = description_of(&post.lines);
            Limits::check(
                "text characters",
                post.job.description.chars().count() as u64,
                limits.max_text_chars,
            )?;
            // Board fields read as labels come first, so they never land in the last section.
            let mut lines = std::mem::take(&mut post.meta);
            lines.append(&mut post.lines);
            text::fill(&lines, &mut post.job, &mut warnings, false);
            boards::add_tags(&mut post.job, &post.tags);
            if post.remote_board && post.job.workplace_type.is_none() {
                post.job.workplace_type = Some(WorkplaceType::Remote);
            }
            post.job
        }
    };
    require_text(&job)?;
    Ok(Parsed {
        value: job,
        warnings,
        format,
        layout: LayoutSignals::default(),
    })
}

fn require_text(job: &Job) -> Result<()> {
    if job.title.as_deref().is_none_or(|t| t.trim().is_empty()) && job.description.trim().is_empty()
    {
        return Err(Error::invalid("job posting", "no title and no description"));
    }
    Ok(())
}

/// The plain text of a posting: one line each, bullets as `- `, single blank lines between
/// paragraphs.
fn description_of(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        if l.bullet {
            out.push_str("- ");
        }
        out.push_str(t);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests;
