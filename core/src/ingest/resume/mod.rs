//! Resume text to [`Profile`]: the parser behind [`parse_resume`](crate::ingest::parse_resume)
//! for PDF, DOCX, HTML, Markdown and plain text.
//!
//! The stages, each in its own module:
//! 1. [`lines`]: drop page furniture, rejoin wrapped lines, mark stray bullets;
//! 2. [`sections`]: find headings by the extractor's hint *or* by shape and a vocabulary in
//!    English, German, French and Spanish; the header block before the first heading holds the
//!    contact details ([`contact`]);
//! 3. [`entries`]: cut dated sections into entries anchored on their date ranges, then read each
//!    entry's head ([`work`], [`education`], [`items`]) with word lists that tell a title from an
//!    employer from a place ([`shapes`]); list sections go to [`skills_section`].
//!
//! Unknown headings are kept in `custom_sections`; doubts come back as warnings.

use std::collections::BTreeMap;

use super::{Format, TextDoc, Warning};
use crate::model::{CustomSection, List, Profile, Provenance};

pub mod contact;
pub mod education;
pub mod entries;
pub mod items;
pub mod lines;
pub mod sections;
pub mod shapes;
pub mod skills_section;
pub mod work;

use lines::RLine;
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

/// A section found under a heading.
#[derive(Debug)]
struct Section {
    kind: SectionKind,
    title: String,
    lines: Vec<RLine>,
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
    let all = lines::prepare(&doc.lines);
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
    for s in found {
        apply_section(&mut profile, &mut ctx, s, &mut summary_parts);
    }
    fill_basics(&mut profile, &mut ctx, &contact_lines, &all, summary_parts);
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
            let w = work::works(&segmented(), ctx, "work", p.work.len());
            p.work.extend(w);
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

/// Splits lines into the header block and the sections under headings.
fn split_sections(all: &[RLine]) -> (Vec<RLine>, Vec<Section>) {
    let kinds: Vec<Option<SectionKind>> = all
        .iter()
        .map(|l| {
            if l.bullet || !sections::heading_shape(&l.text) {
                None
            } else {
                sections::vocab_kind(&l.text)
            }
        })
        .collect();
    let known: Vec<usize> = (0..all.len()).filter(|&i| kinds[i].is_some()).collect();
    let hinted = known.iter().filter(|&&i| all[i].hint).count();
    let trust_hints = hinted >= 2 && hinted * 10 >= known.len() * 6;
    let caps = known
        .iter()
        .filter(|&&i| sections::all_caps(&all[i].text))
        .count();
    let caps_style = caps >= 1 && caps * 10 >= known.len() * 6;
    // The size section headings share: the most common size among hinted known headings.
    let dominant = {
        let mut counts: Vec<(f32, usize)> = Vec::new();
        for &i in known.iter().filter(|&&i| all[i].hint) {
            if let Some(s) = all[i].size {
                match counts.iter_mut().find(|(k, _)| (k - s).abs() < 0.05) {
                    Some(c) => c.1 += 1,
                    None => counts.push((s, 1)),
                }
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
            .map(|c| c.0)
    };
    let sizes: Vec<f32> = dominant.into_iter().collect();

    let mut header = Vec::new();
    let mut found: Vec<Section> = Vec::new();
    for (i, l) in all.iter().enumerate() {
        let cur = found.last().map(|s| s.kind);
        let heading = match kinds[i] {
            Some(k)
                if accept_known(all, i, k, cur, trust_hints)
                    && size_fits(&all[i], dominant, trust_hints) =>
            {
                Some(k)
            }
            _ if cur.is_some() && kinds[i].is_none() => {
                unknown_heading(all, i, cur, caps_style, trust_hints, &sizes)
            }
            _ => None,
        };
        match heading {
            Some(kind) => found.push(Section {
                kind,
                title: l.text.trim_end_matches(':').trim().to_string(),
                lines: Vec::new(),
            }),
            None => match (inline_heading(l, cur), found.last_mut()) {
                (Some((kind, title, rest)), _) => found.push(Section {
                    kind,
                    title,
                    lines: vec![RLine {
                        text: rest,
                        ..l.clone()
                    }],
                }),
                (None, Some(s)) => s.lines.push(l.clone()),
                (None, None) => header.push(l.clone()),
            },
        }
    }
    (header, found)
}

/// "SKILLS: Python, SQL" inside another section: a heading with its content on the same line.
/// Not inside list sections, where "Languages: Rust, Go" is a group.
fn inline_heading(l: &RLine, cur: Option<SectionKind>) -> Option<(SectionKind, String, String)> {
    use SectionKind::*;
    if l.bullet || matches!(cur, None | Some(Skills | Languages | Interests)) {
        return None;
    }
    let (head, rest) = l.text.split_once(':')?;
    let (head, rest) = (head.trim(), rest.trim());
    if rest.is_empty()
        || head.split_whitespace().count() > 3
        || !(sections::all_caps(head) || l.hint)
    {
        return None;
    }
    let kind = sections::vocab_kind(head).filter(|k| Some(*k) != cur && *k != Contact)?;
    Some((kind, head.to_string(), rest.to_string()))
}

/// With trusted hints, a known heading in a smaller font than the section headings is an
/// entry's title ("Open Source" under "Technical Experience").
fn size_fits(l: &RLine, dominant: Option<f32>, trust_hints: bool) -> bool {
    match (trust_hints, dominant, l.size) {
        (true, Some(d), Some(s)) => s >= d - 0.1 || sections::all_caps(&l.text),
        _ => true,
    }
}

fn short_item(l: &RLine) -> bool {
    !l.bullet && l.text.split_whitespace().count() <= 3 && !l.text.contains([',', ':', '.'])
}

fn accept_known(
    all: &[RLine],
    i: usize,
    kind: SectionKind,
    cur: Option<SectionKind>,
    trust_hints: bool,
) -> bool {
    let l = &all[i];
    let strong = l.hint || sections::all_caps(&l.text) || l.text.trim_end().ends_with(':');
    if trust_hints && !strong {
        return false;
    }
    if l.hint {
        return true;
    }
    let prev = i.checked_sub(1).and_then(|j| all.get(j));
    let next = all.get(i + 1);
    // "Languages" as a group inside a skills list ("DevOps" / "AWS, Docker" / "Languages" / "Korean, English").
    if matches!(cur, Some(SectionKind::Skills)) && kind == SectionKind::Languages && !strong {
        let list = |l: Option<&RLine>| l.is_some_and(|l| l.text.contains(','));
        if list(prev) && list(next) {
            return false;
        }
    }
    // "Leadership" in a column of one-word skills.
    if matches!(
        cur,
        Some(SectionKind::Skills | SectionKind::Interests | SectionKind::Languages)
    ) && !strong
        && prev.is_some_and(short_item)
        && next.is_some_and(short_item)
    {
        return false;
    }
    // A heading is followed by content.
    next.is_some()
}

fn unknown_heading(
    all: &[RLine],
    i: usize,
    cur: Option<SectionKind>,
    caps_style: bool,
    trust_hints: bool,
    sizes: &[f32],
) -> Option<SectionKind> {
    let l = &all[i];
    let t = l.text.trim();
    // Markdown and Word headings are explicit: allow them longer ("Extra Section, Call it Whatever").
    let explicit = l.hint
        && trust_hints
        && t.split_whitespace().count() <= 10
        && t.len() <= 80
        && !t.ends_with('.');
    if l.bullet || !(sections::heading_shape(t) || explicit) || contact::email_in(t).is_some() {
        return None;
    }
    let colon = t.ends_with(':') && !trust_hints && t.split_whitespace().count() <= 4;
    let size_ok = match (l.size, sizes.is_empty()) {
        (Some(s), false) => sizes.iter().any(|k| (k - s).abs() < 0.05),
        _ => true,
    };
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let caps =
        caps_style && sections::all_caps(t) && t.split_whitespace().count() <= 5 && letters >= 5;
    // In list sections a one-word line in capitals is an item ("HTML"), unless the source says heading.
    let list_section = matches!(
        cur,
        Some(SectionKind::Skills | SectionKind::Languages | SectionKind::Interests)
    );
    let styled =
        (l.hint && (trust_hints || sections::all_caps(t)) && size_ok) || (caps && !list_section);
    if !(styled || colon && sections::stem_kind(t).is_some()) {
        return None;
    }
    // An entry's head (a company in capitals) is followed by dates within two lines.
    let entry_section = matches!(
        cur,
        Some(
            SectionKind::Work
                | SectionKind::Education
                | SectionKind::Volunteer
                | SectionKind::Projects
        )
    );
    // …unless it has the headings' own style and reads as neither an employer nor a title.
    let house_style = l.hint
        && caps_style
        && sections::all_caps(t)
        && t.split_whitespace().count() >= 2
        && entries::org_score(t) == 0
        && entries::title_score(t) == 0;
    if entry_section
        && !house_style
        && all
            .iter()
            .skip(i + 1)
            .take(2)
            .any(|n| entries::anchor(n).is_some())
    {
        return None;
    }
    if entries::looks_like_location(t) || all.get(i + 1).is_none() {
        return None;
    }
    Some(sections::stem_kind(t).unwrap_or(SectionKind::Other))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
