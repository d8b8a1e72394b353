//! The first lines of a pasted posting: title, company and location, in the shapes people
//! write them ("Senior Rust Engineer\nAcme Corp — Berlin, Germany (Hybrid)", "Data Scientist at
//! Acme — Boston, MA", or one item a line).

use std::sync::LazyLock;

use regex::Regex;

use super::{place, sections};
use crate::ingest::Line;
use crate::model::Job;

/// Words that make a line read as a job title.
pub(crate) static ROLE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(engineer|engineering|developer|programmer|scientist|analyst|manager|director|designer|architect|specialist|consultant|administrator|admin|intern|internship|lead|head|officer|coordinator|associate|assistant|technician|researcher|strategist|advisor|adviser|representative|executive|accountant|writer|editor|recruiter|nurse|teacher|owner|sre|devops|vp|president|chief|cto|ceo|cfo|agent|operator|trainer|tester|qa|expert|statistician|modeler|fellow|economist|attorney|counsel|planner|buyer|clerk|controller|supervisor|generalist|partner|principal|product|marketer|sales|support|instructor|professor|lecturer|physician|pharmacist|therapist|mechanic|electrician|driver|cook|chef|cashier|receptionist|secretary|bookkeeper|auditor|underwriter|actuary|technologist|biologist|chemist|physicist|mathematician|epidemiologist|biostatistician|entwickler|ingenieur|développeur|ingénieur|desarrollador)s?(?-u:\b)")
        .expect("static regex")
});

/// Header lines that are form labels or questions, not company names ("Job Details",
/// "Job ID", "Who is Cenlar?").
static NOT_COMPANY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(job|position|posting|req|requisition|business|department|division|organi[sz]ation|reports?|reporting|location|function|category|code|id|details|summary|overview|join|apply|who|what|why|how|full[- ]time|part[- ]time|no|outside|grow|please)(?-u:\b)|[?:{}]|^[A-Z0-9-]*\d{3,}[A-Z0-9-]*$|apply now").expect("static regex")
});

/// Reads title, company and location from the first lines; returns where the body starts.
pub(crate) fn read_header(
    lines: &[&Line],
    blank_before: &[bool],
    used: &mut [bool],
    job: &mut Job,
    fallback_title: &mut Option<String>,
) -> usize {
    let mut head: Vec<usize> = Vec::new();
    let mut end = 0;
    for (i, l) in lines.iter().enumerate() {
        end = i;
        // A paragraph break ends a header of two lines or more ("Title\nCompany\nPlace\n\n"),
        // or of one line that holds several parts ("Title at Company — Place\n\n").
        let full = head.len() >= 2
            || head
                .first()
                .is_some_and(|&h| split_parts(header_text(&lines[h].text)).len() >= 2);
        if head.len() >= 5 || i >= 8 || (full && blank_before.get(i).copied().unwrap_or(false)) {
            break;
        }
        if used[i] {
            end = i + 1;
            continue;
        }
        let t = l.text.trim();
        let words = t.split_whitespace().count();
        let prose = t.chars().count() > 100 || (words > 8 && t.ends_with(['.', '!', '?']));
        if prose || l.bullet || sections::heading(t, l.heading && i > 0).is_some() {
            break;
        }
        head.push(i);
        end = i + 1;
    }
    let mut title: Option<String> = None;
    let mut company: Option<String> = None;
    let mut locations: Vec<String> = Vec::new();
    let place_part = |part: &str, locations: &mut Vec<String>, job: &mut Job| {
        let (places, workplace) = place::split_locations(part);
        locations.extend(places);
        if job.workplace_type.is_none() {
            job.workplace_type = workplace;
        }
    };
    // The title is the first header line that names a role, else the first line.
    let role_line = head
        .iter()
        .position(|&i| ROLE_RE.is_match(&lines[i].text) && !place::is_location(&lines[i].text));
    let title_at = role_line.unwrap_or(0);
    for (n, &i) in head.iter().enumerate() {
        used[i] = true;
        if n == title_at {
            continue;
        }
        for (_, part) in split_parts(header_text(&lines[i].text)) {
            if part.is_empty() {
                continue;
            }
            if place::is_location(&part) {
                place_part(&part, &mut locations, job);
            } else if company.is_none() && !NOT_COMPANY_RE.is_match(&part) {
                company = Some(part);
            }
        }
    }
    // The title line keeps what follows a separator ("Data Scientist – Image Analytics") unless
    // the other lines left the company or the place unsaid ("Engineer at Acme — Berlin").
    if let Some(&i) = head.get(title_at) {
        let mut parts = split_parts(header_text(&lines[i].text)).into_iter();
        let mut t = parts.next().map(|(_, p)| p).unwrap_or_default();
        for (sep, part) in parts {
            if part.is_empty() {
                continue;
            }
            if locations.is_empty() && place::is_location(&part) {
                place_part(&part, &mut locations, job);
            } else if company.is_none()
                && !place::is_location(&part)
                && (sep.trim() != "-" || ROLE_RE.is_match(&t))
            {
                company = Some(part);
            } else {
                t.push_str(&sep);
                t.push_str(&part);
            }
        }
        // A block of several lines is a header: its first line is the title even without a
        // role word ("Environmental Data Science").
        if role_line.is_some() || (head.len() >= 2 && !NOT_COMPANY_RE.is_match(&t)) {
            let t = clean_title(&t);
            title = (!t.is_empty()).then_some(t);
        } else if !t.is_empty()
            && !NOT_COMPANY_RE.is_match(&t)
            && t.split_whitespace().count() >= 2
            && !t.contains(',')
        {
            // No header line names a role: the prose may, else this line stands.
            *fallback_title = Some(clean_title(&t));
        }
    }
    if job.title.is_none() {
        job.title = title;
    }
    if job.company.is_none() {
        job.company = company.map(|c| {
            c.trim_start_matches(['@'])
                .trim_end_matches('.')
                .trim()
                .to_string()
        });
    }
    if job.locations.is_empty() {
        job.locations = locations;
    }
    end
}

/// "Job Description: Senior Engineer (5+ Years of Experience)" → "Senior Engineer".
static TITLE_PREFIX_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:job description|job posting|job title|job opening|position|vacancy|opening|title)\s*[:\-–—]\s*").expect("static regex")
});
static TITLE_YEARS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*[(\[][^)\]]*(?:years?|yrs?|experience)[^)\]]*[)\]]?\s*$")
        .expect("static regex")
});

/// A title without a "Job Description:" prefix, a years note, or a bracket left open by a
/// line break.
pub(crate) fn clean_title(t: &str) -> String {
    let t = TITLE_PREFIX_RE
        .find(t)
        .filter(|m| m.end() < t.len())
        .map_or(t, |m| &t[m.end()..]);
    let t = TITLE_YEARS_RE.replace(t, "");
    let t = t.trim();
    let open = t.matches('(').count() > t.matches(')').count();
    let t = match t.rfind('(') {
        Some(i) if open && i > 0 => t[..i].trim_end(),
        _ => t,
    };
    t.trim_end_matches([',', '-', '–', '—', ':'])
        .trim()
        .to_string()
}

fn header_text(text: &str) -> &str {
    text.trim().trim_matches(['*', '#', '_']).trim()
}

/// Splits a header line on the separators people use between title, company and place,
/// keeping each part's separator.
fn split_parts(text: &str) -> Vec<(String, String)> {
    let mut parts = vec![(String::new(), text.to_string())];
    for sep in [" — ", " – ", " | ", " · ", " • ", " @ ", " at ", " - "] {
        parts = parts
            .into_iter()
            .flat_map(|(before, p)| {
                // " - " inside a title ("Data Scientist - NLP") only splits off places.
                if sep == " - " && !p.split(sep).skip(1).any(place::is_location) {
                    return vec![(before, p)];
                }
                let mut out = Vec::new();
                for (k, piece) in p.split(sep).enumerate() {
                    let s = if k == 0 {
                        before.clone()
                    } else {
                        sep.to_string()
                    };
                    out.push((s, piece.trim().trim_matches(['*', '_']).trim().to_string()));
                }
                out
            })
            .collect();
    }
    parts
}
