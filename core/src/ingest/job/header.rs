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
    Regex::new(r"(?i)^(job|position|posting|req|requisition|business|department|division|organi[sz]ation|reports?|reporting|location|function|category|code|id|details|summary|overview|join|apply|who|what|why|how|full[- ]time|part[- ]time|no|outside|grow|please)(?-u:\b)|[?:{}]|(?-i:^[A-Z0-9-]*\d{3,}[A-Z0-9-]*$)|apply now").expect("static regex")
});

/// Opening lines that are greetings, page furniture or notes, never a title ("Hello
/// Associates", "About Gap Inc.", "No calls or recruiters, please", "Search by Keyword").
static NOT_TITLE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:no|please|outside|hi|hello|greetings|dear|about|intro|introduction|search|more options|back to|previous|next|share|apply|we|we're|you|your|our|if|careers?\s*\|)(?-u:\b)|[!?]$").expect("static regex")
});

/// A line in title or name shape: most of its words capitalised ("Senior Data Scientist",
/// "Procter & Gamble"), unlike a sentence cut short ("Work in a fast growing startup").
fn name_shaped(t: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "and", "for", "in", "the", "to", "with", "a", "an", "on", "at", "&", "-", "/",
    ];
    let (mut caps, mut all) = (0, 0);
    for w in t.split_whitespace() {
        if SMALL.contains(&w) {
            continue;
        }
        all += 1;
        // "iSeatz", "hc1", "webfx.com" are names too.
        if !w.chars().next().is_some_and(char::is_lowercase)
            || w.chars()
                .skip(1)
                .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
        {
            caps += 1;
        }
    }
    all > 0 && caps * 2 >= all && t.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

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
    let role_line = head.iter().position(|&i| {
        let t = lines[i].text.trim();
        ROLE_RE.is_match(t) && !place::is_location(t) && !NOT_TITLE_RE.is_match(t) && name_shaped(t)
    });
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
            } else if company.is_none()
                && !NOT_COMPANY_RE.is_match(&part)
                && !NOT_TITLE_RE.is_match(&part)
                && name_shaped(&part)
                && part.split_whitespace().count() <= 8
            {
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
        let shaped = name_shaped(&t) && !NOT_TITLE_RE.is_match(&t);
        if role_line.is_some() || (head.len() >= 2 && shaped && !NOT_COMPANY_RE.is_match(&t)) {
            let t = clean_title(&t);
            title = (!t.is_empty()).then_some(t);
        } else if shaped
            && !NOT_COMPANY_RE.is_match(&t)
            && t.split_whitespace().count() >= 2
            && !t.contains(',')
        {
            // No header line names a role: the prose may, else this line stands.
            *fallback_title = Some(clean_title(&t));
        }
    }
    // With no place elsewhere, one the title ends in is the place.
    if locations.is_empty()
        && let Some(t) = &title
        && let Some((head, place)) = trailing_place(t)
    {
        place_part(place, &mut locations, job);
        title = Some(head.to_string());
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
    Regex::new(r"(?i)^(?:(?:job description|job posting|job title|job opening|position|vacancy|opening|title|role)\s*[:\-–—]\s*|job description for\s+|(?:full|part)[- ]time\s+)").expect("static regex")
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

/// A title that ends in its place, "Data Analyst -San Francisco" or "Analyst (Cedar Rapids,
/// IA)": the title and the place.
fn trailing_place(t: &str) -> Option<(&str, &str)> {
    let i = t.rfind(['(', '-', '–', '—'])?;
    let (head, rest) = (t[..i].trim_end(), &t[i..]);
    let place = rest
        .trim_start_matches(['(', '-', '–', '—'])
        .trim_end_matches(')')
        .trim();
    (i > 0 && t[..i].ends_with(' ') && !head.is_empty() && place::is_location(place))
        .then_some((head, place))
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
