//! Resume text to [`Profile`]: the parser behind [`parse_resume`](crate::ingest::parse_resume)
//! for PDF, DOCX, HTML, Markdown and plain text.
//!
//! The stages, each in its own module:
//! 1. [`lines`]: drop page furniture, rejoin wrapped lines, mark stray bullets, read text
//!    underlines as headings; [`columns`] lays out a sidebar that extraction interleaved with
//!    the main column;
//! 2. `outline` with [`sections`]: find headings by the extractor's hint *or* by shape and a
//!    vocabulary in English, German, French and Spanish (or by looking like the document's known
//!    headings); the header block before the first heading, or under the name in the largest
//!    type, holds the contact details ([`contact`]);
//! 3. [`entries`]: cut dated sections into entries anchored on their date ranges, then read each
//!    entry's head ([`work`], [`education`], [`items`]) with word lists that tell a title from an
//!    employer from a place ([`shapes`]); list sections go to [`skills_section`].
//!
//! Unknown headings are kept in `custom_sections`; doubts come back as warnings.

use std::collections::BTreeMap;

use super::{Format, TextDoc, Warning};
use crate::model::{CustomSection, List, Profile, Provenance};

pub mod columns;
pub mod contact;
pub mod coverage;
pub mod education;
pub mod entries;
mod glued;
pub mod items;
pub mod lines;
mod outline;
pub mod sections;
pub mod shapes;
pub mod skills_section;
pub mod work;

use lines::RLine;
use outline::{Section, split_sections};
use sections::SectionKind;

/// Shared state while parsing one document.
#[derive(Debug)]
pub struct Ctx {
    /// Provenance source: the format's name.
    pub source: &'static str,
    pub warnings: Vec<Warning>,
}

impl Ctx {
    fn warn(&mut self, code: &str, message: impl Into<String>) {
        self.warnings.push(Warning::new(code, message));
    }

    fn warn_at(&mut self, code: &str, path: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Warning::at(code, path, message));
    }
}

/// Provenance of an entry.
fn provenance(ctx: &Ctx, e: &entries::Entry<'_>, confidence: f32) -> Provenance {
    Provenance {
        source: ctx.source.into(),
        page: Some(e.page()),
        lines: Some(e.span()),
        confidence: confidence.clamp(0.0, 1.0),
    }
}

/// Provenance of a run of lines from `a` to `b`.
fn line_prov(ctx: &Ctx, a: &RLine, b: &RLine, confidence: f32) -> Provenance {
    Provenance {
        source: ctx.source.into(),
        page: Some(a.page),
        lines: Some((a.first, b.last)),
        confidence,
    }
}

/// Whether a head part is a bare link.
fn is_url(s: &str) -> bool {
    let t = s.trim();
    !t.contains(' ')
        && (t.starts_with("http://")
            || t.starts_with("https://")
            || t.starts_with("www.")
            || t.starts_with("doi:"))
}

const NOT_NAMES: &[&str] = &[
    "resume",
    "résumé",
    "cv",
    "curriculum vitae",
    "lebenslauf",
    "currículum",
    "curriculum",
    "currículum vitae",
];

/// Parses extracted text into a profile, with warnings for what it was unsure of.
pub fn parse_doc(doc: &TextDoc, format: Format) -> (Profile, Vec<Warning>) {
    let mut ctx = Ctx {
        source: format.name(),
        warnings: Vec::new(),
    };
    let all = glued::split(columns::unzip(lines::prepare(&doc.lines)));
    let (mut header, found) = split_sections(&all);
    header.retain(|l| !NOT_NAMES.contains(&sections::normalize(&l.text).as_str()));
    let mut profile = Profile::default();
    let mut summary_parts: Vec<String> = Vec::new();
    let mut contact_lines: Vec<RLine> = header.clone();
    for s in &found {
        if s.kind == SectionKind::Contact {
            contact_lines.extend(s.lines.iter().cloned());
        }
    }
    // What each section held, to keep what its parser could not place.
    let mut groups: Vec<(String, Vec<RLine>)> = vec![("Other".to_string(), header.clone())];
    groups.extend(
        found
            .iter()
            .filter(|s| s.kind != SectionKind::Other)
            .map(|s| (s.title.clone(), s.lines.clone())),
    );
    for s in found {
        apply_section(&mut profile, &mut ctx, s, &mut summary_parts);
    }
    fill_basics(&mut profile, &mut ctx, &contact_lines, &all, summary_parts);
    let kept = coverage::keep_unplaced(&mut profile, &groups);
    if kept > 0 {
        ctx.warn_at(
            "unplaced-lines",
            "x-sections",
            format!("kept {kept} lines no section parser placed as they are"),
        );
    }
    if profile.work.is_empty() && profile.education.is_empty() && profile.skills.is_empty() {
        ctx.warn(
            "no-sections",
            "no experience, education or skills section was recognised",
        );
    }
    (profile, ctx.warnings)
}

fn apply_section(p: &mut Profile, ctx: &mut Ctx, s: Section, summary: &mut Vec<String>) {
    use SectionKind::*;
    let segmented = || entries::segment(&s.lines);
    match s.kind {
        Summary => summary.push(paragraph(&s.lines)),
        Work => {
            let entries = segmented();
            if work::projects_like(&entries) {
                p.projects.extend(work::projects(&entries, ctx));
            } else {
                let w = work::works(&entries, ctx, "work", p.work.len());
                p.work.extend(w);
            }
        }
        Volunteer => {
            let v = work::volunteers(&segmented(), ctx, p.volunteer.len());
            p.volunteer.extend(v);
        }
        Projects => p.projects.extend(work::projects(&segmented(), ctx)),
        Education => p.education.extend(education::educations(&segmented(), ctx)),
        Skills => p.skills.extend(skills_section::skills(&s.lines, ctx)),
        Languages => p.languages.extend(skills_section::languages(&s.lines, ctx)),
        Interests => p.interests.extend(skills_section::interests(&s.lines, ctx)),
        Awards => p.awards.extend(items::awards(&segmented(), ctx)),
        Certificates => p
            .certificates
            .extend(items::certificates(&segmented(), ctx)),
        Publications => p
            .publications
            .extend(items::publications(&segmented(), ctx)),
        References => p.references.extend(items::references(&segmented(), ctx)),
        Contact => {}
        Other => {
            ctx.warn_at(
                "unknown-heading",
                format!("x-sections[{}]", p.custom_sections.len()),
                format!("kept the section \"{}\" as it is", s.title),
            );
            let mut c = CustomSection {
                title: Some(s.title.clone()),
                lines: s
                    .lines
                    .iter()
                    .map(|l| {
                        if l.bullet {
                            format!("- {}", l.text)
                        } else {
                            l.text.clone()
                        }
                    })
                    .collect::<List<String>>(),
                ..CustomSection::default()
            };
            if let (Some(a), Some(b)) = (s.lines.first(), s.lines.last()) {
                c.provenance = Some(line_prov(ctx, a, b, 0.5));
            }
            p.custom_sections.push(c);
        }
    }
}

/// Lines as a paragraph: wrapped lines joined with spaces, bullets on lines of their own.
fn paragraph(lines: &[RLine]) -> String {
    let mut out = String::new();
    for l in lines {
        if !out.is_empty() {
            out.push(if l.bullet || l.gap_before { '\n' } else { ' ' });
        }
        if l.bullet {
            out.push_str("- ");
        }
        out.push_str(&l.text);
    }
    out
}

fn fill_basics(
    p: &mut Profile,
    ctx: &mut Ctx,
    header: &[RLine],
    all: &[RLine],
    summary_parts: Vec<String>,
) {
    let c = contact::extract(header, all);
    let line_at = |i: usize| {
        header
            .get(i)
            .or_else(|| all.get(i.saturating_sub(header.len())))
    };
    let mut prov = BTreeMap::new();
    let mut note = |field: &str, i: usize, conf: f32| {
        if let Some(l) = line_at(i) {
            prov.insert(
                field.to_string(),
                Provenance {
                    source: ctx.source.into(),
                    page: Some(l.page),
                    lines: Some((l.first, l.last)),
                    confidence: conf,
                },
            );
        }
    };
    let b = p.basics_mut();
    if let Some((name, i)) = c.name {
        b.name = Some(name);
        note("name", i, 0.8);
    }
    if let Some((email, i)) = c.email {
        b.email = Some(email);
        note("email", i, 0.95);
    }
    if let Some((phone, i)) = c.phone {
        b.phone = Some(phone);
        note("phone", i, 0.85);
    }
    if let Some((loc, i)) = c.location {
        b.location = Some(loc);
        note("location", i, 0.6);
    }
    b.label = c.label;
    b.url = c.url;
    if !c.profiles.is_empty() {
        b.profiles = List::from(c.profiles);
    }
    let summary = if summary_parts.is_empty() {
        c.summary
    } else {
        summary_parts
    };
    if !summary.is_empty() {
        b.summary = Some(summary.join("\n"));
    }
    let missing_name = b.name.is_none();
    let missing_email = b.email.is_none();
    if !prov.is_empty() {
        p.basics_provenance = Some(prov);
    }
    if missing_name {
        ctx.warn_at(
            "no-name",
            "basics.name",
            "no name found at the top of the document",
        );
    }
    if missing_email {
        ctx.warn_at("no-email", "basics.email", "no email address found");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
#[cfg(test)]
mod tests_layouts;
