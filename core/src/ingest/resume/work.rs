//! Work, volunteer and project entries: which head part is the organisation, which the title,
//! which the place, whatever the order ("Title at Company", "Company — Title", "Title | Company
//! | Dates", two lines, company first or title first).

use std::sync::LazyLock;

use regex::Regex;

use super::entries::{Entry, looks_like_location, org_score, title_score};
use super::shapes::known_place;
use super::{Ctx, is_url, provenance};
use crate::model::{List, Project, Volunteer, Work};

/// What a head says, sorted into fields.
#[derive(Debug, Default, Clone)]
pub struct Fields {
    pub org: Option<String>,
    pub title: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    /// Parts that were none of the above (a tagline, a team), in order.
    pub rest: Vec<String>,
    /// Whether the title was decided by its words (not by position).
    pub sure: bool,
    /// The title came before the organisation in the head.
    pub title_first: Option<bool>,
}

static AT_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:at|@|bei|chez|en|in)\s+|\s*@\s*").expect("at pattern is valid")
});

/// Splits "Title at Company" and "Title, Company" when one side reads as a title and the other not,
/// and peels a trailing place off "Company, Berlin, Germany".
fn refine(parts: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for p in parts {
        // "Beispiel GmbH, München": a place after the last comma.
        if !looks_like_location(&p) {
            if let Some(i) = p.rfind(", ") {
                let (a, b) = (p[..i].trim(), p[i + 2..].trim());
                if !a.is_empty()
                    && looks_like_location(b)
                    && !looks_like_location(a)
                    && !b.contains(',')
                {
                    let mut inner = refine(vec![a.to_string()]);
                    inner.push(b.to_string());
                    out.extend(inner);
                    continue;
                }
            }
        }
        if let Some(m) = AT_SPLIT.find(&p) {
            let (a, b) = (p[..m.start()].trim(), p[m.end()..].trim());
            if !a.is_empty()
                && !b.is_empty()
                && title_score(a) > 0
                && title_score(b) == 0
                && !m.as_str().trim().eq_ignore_ascii_case("in")
            {
                out.push(a.to_string());
                out.push(b.to_string());
                continue;
            }
        }
        let mut done = false;
        for (i, _) in p.match_indices(", ") {
            let (a, b) = (p[..i].trim(), p[i + 2..].trim());
            if a.is_empty() || b.is_empty() {
                continue;
            }
            if looks_like_location(b) && !looks_like_location(a) {
                out.push(a.to_string());
                out.push(b.to_string());
                done = true;
                break;
            }
            let (ta, tb) = (title_score(a) > 0, title_score(b) > 0);
            if ta != tb
                && !(org_score(b) > 0
                    && b.split_whitespace().count() == 1
                    && org_score(a) == 0
                    && !tb
                    && title_score(a) == 0)
            {
                // "Co., Ltd." after a name is part of it, not a second field.
                if b.split_whitespace().all(|w| org_score(w) > 0) {
                    continue;
                }
                out.push(a.to_string());
                out.push(b.to_string());
                done = true;
                break;
            }
        }
        if !done {
            out.push(p);
        }
    }
    out
}

/// Sorts head parts into organisation, title, place and the rest. `title_first` is the
/// section's habit, used when the words do not decide.
pub fn assign(parts: Vec<String>, title_first: bool) -> Fields {
    if let Some(f) = labelled_fields(&parts) {
        return f;
    }
    let mut f = Fields::default();
    let mut cands: Vec<String> = Vec::new();
    for p in refine(parts) {
        if f.url.is_none() && is_url(&p) {
            f.url = Some(p);
        } else if f.location.is_none() && looks_like_location(&p) {
            f.location = Some(p);
        } else if p.split_whitespace().count() > 12 || super::entries::sentence(&p) {
            f.rest.push(p);
        } else {
            cands.push(p.trim_end_matches(':').trim_end().to_string());
        }
    }
    if cands.is_empty() {
        return f;
    }
    // The part that reads most like a title.
    let scored: Vec<i64> = cands
        .iter()
        .map(|c| title_score(c) as i64 * 2 - org_score(c) as i64)
        .collect();
    let best = (0..cands.len()).max_by_key(|&i| (scored[i], std::cmp::Reverse(i)));
    let ti = match best {
        Some(i)
            if scored[i] > 0
                && (cands.len() == 1
                    || scored.iter().filter(|&&s| s == scored[i]).count() == 1) =>
        {
            f.sure = true;
            Some(i)
        }
        _ if cands.len() >= 2 => Some(if title_first { 0 } else { 1 }),
        _ => None,
    };
    match ti {
        Some(t) => {
            let oi = (0..cands.len()).find(|&i| i != t);
            f.title = Some(cands[t].clone());
            if let Some(o) = oi {
                f.org = Some(cands[o].clone());
                f.title_first = Some(t < o);
            }
            for (i, c) in cands.into_iter().enumerate() {
                if Some(i) != oi && i != t {
                    f.rest.push(c);
                }
            }
        }
        None => {
            let mut it = cands.into_iter();
            f.org = it.next();
            f.rest.extend(it);
        }
    }
    // A title with no employer and "Fjordline Energy, Göteborg" as the place: the employer
    // shares the line with its city.
    if f.org.is_none() && f.title.is_some() {
        if let Some((a, b)) = f.location.as_deref().and_then(|l| l.split_once(", ")) {
            let (a, b) = (a.trim(), b.trim());
            if (a.split_whitespace().count() >= 2 || org_score(a) > 0)
                && !known_place(a)
                && !b.is_empty()
            {
                f.org = Some(a.to_string());
                f.location = Some(b.to_string());
            }
        }
    }
    f
}

/// The section's habit: does the title come first? Decided by the entries whose words tell.
pub fn title_first_vote(heads: &[Vec<String>]) -> bool {
    let (mut first, mut second) = (0, 0);
    for h in heads {
        let f = assign(h.clone(), false);
        if f.sure {
            match f.title_first {
                Some(true) => first += 1,
                Some(false) => second += 1,
                None => {}
            }
        }
    }
    first > second
}

/// Body lines: bullets become highlights, other lines the summary.
pub fn body(e: &Entry<'_>, extra_summary: &[String]) -> (List<String>, Option<String>) {
    let mut highlights = Vec::new();
    let mut summary: Vec<String> = extra_summary.to_vec();
    for l in &e.body {
        if l.bullet {
            highlights.push(l.text.clone());
        } else {
            summary.push(l.text.clone());
        }
    }
    let summary = (!summary.is_empty()).then(|| summary.join("\n"));
    (List::from(highlights), summary)
}

/// Whether a section headed as experience holds projects ("Technical Experience" over "My Cool
/// Side Project" and "Open Source"): no entry is dated and at least half are named as projects.
pub fn projects_like(entries: &[Entry<'_>]) -> bool {
    use super::sections::{SectionKind, stem_kind, vocab_kind};
    let named = entries
        .iter()
        .filter(|e| {
            e.head_parts().first().is_some_and(|h| {
                vocab_kind(h) == Some(SectionKind::Projects)
                    || stem_kind(h) == Some(SectionKind::Projects)
            })
        })
        .count();
    !entries.is_empty() && entries.iter().all(|e| e.range.is_none()) && named * 2 >= entries.len()
}

/// Field labels of plain-text exports ("company - Ernst & Young LLP", "designation - Analyst").
const ORG_LABELS: &[&str] = &[
    "company",
    "employer",
    "organization",
    "organisation",
    "firm",
];
const TITLE_LABELS: &[&str] = &["designation", "position", "role", "title", "job title"];

/// A head written as "label - value": the label says which field the value is.
fn labelled_fields(parts: &[String]) -> Option<Fields> {
    let (label, value) = match parts {
        [label, value @ ..] if !value.is_empty() => {
            (label.trim().to_lowercase(), value.join(" - "))
        }
        _ => return None,
    };
    let mut f = Fields {
        sure: true,
        ..Fields::default()
    };
    if ORG_LABELS.contains(&label.as_str()) {
        f.org = Some(value);
    } else if TITLE_LABELS.contains(&label.as_str()) {
        f.title = Some(value);
    } else {
        return None;
    }
    Some(f)
}

/// A short value that reads as a job title on a "label - value" line of the entry.
fn labelled_title(e: &Entry<'_>) -> Option<String> {
    e.head.iter().chain(e.body.iter()).find_map(|l| {
        let (label, value) = l.text.split_once(" - ")?;
        let value = value.trim();
        (label.split_whitespace().count() == 1
            && label.trim().chars().all(char::is_alphabetic)
            && value.split_whitespace().count() <= 5
            && title_score(value) > 0)
            .then(|| value.to_string())
    })
}

/// Work entries from a section's entries.
pub fn works(entries: &[Entry<'_>], ctx: &mut Ctx, path: &str, offset: usize) -> Vec<Work> {
    let heads: Vec<Vec<String>> = entries.iter().map(Entry::head_parts).collect();
    let tf = title_first_vote(&heads);
    let mut out: Vec<Work> = Vec::new();
    for (e, parts) in entries.iter().zip(heads) {
        if parts.is_empty() && e.range.is_none() {
            // A body with no head: more of the previous job.
            if let Some(prev) = out.last_mut() {
                let (h, s) = body(e, &[]);
                prev.highlights.extend(h.into_vec());
                if let Some(s) = s {
                    prev.summary = Some(
                        prev.summary
                            .take()
                            .map_or(s.clone(), |p| format!("{p}\n{s}")),
                    );
                }
                continue;
            }
        }
        let f = assign(parts, tf);
        let (start, end, ongoing) = e.dates();
        let (highlights, summary) = body(e, &f.rest);
        let mut w = Work {
            name: f.org.clone(),
            position: f.title.clone(),
            location: f.location.clone(),
            url: f.url.clone(),
            start_date: start,
            end_date: end,
            ongoing,
            summary,
            highlights,
            ..Work::default()
        };
        // "description - Jr. Java Developer" under "company - X": a labelled short title.
        if w.position.is_none() {
            w.position = labelled_title(e);
        }
        // A second role at the same employer: a title alone under the previous company.
        if w.name.is_none() && w.position.as_deref().is_some_and(|p| title_score(p) > 0) {
            w.name = out.last().and_then(|p| p.name.clone());
        }
        let mut conf: f32 = 0.9;
        if !f.sure {
            conf -= 0.2;
        }
        let i = offset + out.len();
        if w.start_date.is_none() {
            conf -= 0.3;
            ctx.warn_at(
                "undated-entry",
                format!("{path}[{i}]"),
                format!("no dates found for {}", label(&w.position, &w.name)),
            );
        }
        if w.name.is_none() || w.position.is_none() {
            conf -= 0.2;
        }
        if conf < 0.5 {
            ctx.warn_at(
                "low-confidence",
                format!("{path}[{i}]"),
                format!("unsure how to read {}", label(&w.position, &w.name)),
            );
        }
        w.provenance = Some(provenance(ctx, e, conf));
        out.push(w);
    }
    out
}

fn label(a: &Option<String>, b: &Option<String>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("\"{a}, {b}\""),
        (Some(a), None) | (None, Some(a)) => format!("\"{a}\""),
        _ => "an entry".into(),
    }
}

/// Volunteer entries (same shapes as work).
pub fn volunteers(entries: &[Entry<'_>], ctx: &mut Ctx, offset: usize) -> Vec<Volunteer> {
    works(entries, ctx, "volunteer", offset)
        .into_iter()
        .map(|w| Volunteer {
            organization: w.name,
            position: w.position,
            url: w.url,
            start_date: w.start_date,
            end_date: w.end_date,
            ongoing: w.ongoing,
            summary: w.summary,
            highlights: w.highlights,
            provenance: w.provenance,
            ..Volunteer::default()
        })
        .collect()
}

const KEYWORD_LABELS: &[&str] = &[
    "keywords:",
    "technologies:",
    "tech stack:",
    "tools:",
    "stack:",
    "built with:",
    "environment:",
];

/// Project entries: name first, then a description, highlights and keywords.
pub fn projects(entries: &[Entry<'_>], ctx: &mut Ctx) -> Vec<Project> {
    let mut out = Vec::new();
    for e in entries {
        let mut parts = e.head_parts().into_iter();
        let Some(name) = parts.next() else { continue };
        let (start, end, ongoing) = e.dates();
        let mut p = Project {
            name: Some(name),
            start_date: start,
            end_date: end,
            ongoing,
            ..Project::default()
        };
        let mut desc = Vec::new();
        for part in parts {
            if p.url.is_none() && is_url(&part) {
                p.url = Some(part);
            } else {
                desc.push(part);
            }
        }
        for l in &e.body {
            let lower = l.text.to_lowercase();
            if let Some(label) = KEYWORD_LABELS.iter().find(|k| lower.starts_with(*k)) {
                p.keywords.extend(
                    l.text[label.len()..]
                        .split([',', ';'])
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty()),
                );
            } else if l.bullet {
                p.highlights.push(l.text.clone());
            } else {
                desc.push(l.text.clone());
            }
        }
        if !desc.is_empty() {
            p.description = Some(desc.join(" "));
        }
        let conf = if p.start_date.is_some() { 0.8 } else { 0.6 };
        p.provenance = Some(provenance(ctx, e, conf));
        out.push(p);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn labelled_heads_name_their_fields() {
        let f = assign(vec!["company".into(), "Ernst & Young LLP".into()], true);
        assert_eq!(
            (f.org.as_deref(), f.title.as_deref()),
            (Some("Ernst & Young LLP"), None)
        );
        let f = assign(vec!["Designation".into(), "Analyst".into()], false);
        assert_eq!(f.title.as_deref(), Some("Analyst"));
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_string()).collect()
    }

    #[test]
    fn arrangements() {
        let f = assign(
            s(&["Nexus AI, Co-Founder & CTO", "San Francisco, CA"]),
            false,
        );
        assert_eq!(
            (f.org.as_deref(), f.title.as_deref(), f.location.as_deref()),
            (
                Some("Nexus AI"),
                Some("Co-Founder & CTO"),
                Some("San Francisco, CA")
            )
        );
        let f = assign(s(&["Senior Engineer at Google"]), false);
        assert_eq!(
            (f.org.as_deref(), f.title.as_deref()),
            (Some("Google"), Some("Senior Engineer"))
        );
        let f = assign(s(&["Software Engineer", "Acme", "Berlin, Germany"]), false);
        assert_eq!(
            (f.org.as_deref(), f.title.as_deref(), f.location.as_deref()),
            (
                Some("Acme"),
                Some("Software Engineer"),
                Some("Berlin, Germany")
            )
        );
        let f = assign(
            s(&["Omnious. Co., Ltd.", "Seoul, S.Korea", "Software Architect"]),
            false,
        );
        assert_eq!(
            (f.org.as_deref(), f.title.as_deref()),
            (Some("Omnious. Co., Ltd."), Some("Software Architect"))
        );
        let f = assign(s(&["Kasa", "Foo Bar"]), true);
        assert_eq!(
            (f.org.as_deref(), f.title.as_deref()),
            (Some("Foo Bar"), Some("Kasa"))
        );
    }
}
