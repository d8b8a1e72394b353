//! Education entries: institution, degree (study type), area, dates, score and courses.

use std::sync::LazyLock;

use regex::Regex;

use super::entries::{Entry, looks_like_location, org_score};
use super::{Ctx, is_url, provenance};
use crate::model::Education;

static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*(?P<deg>
            (?i:bachelor|master|doctor|doctorate|associate|diploma|diplôme|diplomado|diplom|título|magister|licence|licenciatura|grado|máster|maîtrise|
                baccalauréat|bachillerato|abitur|doctorado|doctorat|ingeniería|ingénieur|high\s+school|matura|staatsexamen)
                (?:'s|’s|s)?(?:\s+(?i:of|in|en|de|der|of\s+the)\s+(?i:science|arts|engineering|business\s+administration|fine\s+arts|laws|philosophy|technology|education|ciencias|sciences))?
                (?:\s*\((?:B|M|Dr)\.?\w*\.?\))?
          | Ph\.?\s?D\.? | PhD | DPhil | M\.?\s?Sc\.? | B\.?\s?Sc\.? | M\.?\s?S\. | B\.?\s?S\. | MS | BS | B\.?\s?A\. | M\.?\s?A\. | BA | MA
          | MBA | M\.?B\.?A\. | B\.?\s?Eng\.? | M\.?\s?Eng\.? | BEng | MEng | B\.?\s?Tech\.? | M\.?\s?Tech\.? | BTech | MTech
          | LL\.?M\.? | LL\.?B\.? | J\.?D\.? | M\.?D\.? | MPhil | M\.?Phil\.? | BBA | B\.?Com\.? | HND | GCSEs? | A-Levels?
          | DUT | BTS | DEUG | Licence | Master\s+\d | M1 | M2 | B\.?F\.?A\. | M\.?F\.?A\. | Dipl\.-\w+\.?
        )(?P<rest>(?:\s|,|;|:|$).*)$",
    )
    .expect("degree pattern is valid")
});

static SCORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:c?gpa|score|grade|note|nota|moyenne|abschlussnote|mention)\b\s*[:=]?\s*(?P<a>\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)?)|(?P<b>\d[.,]\d+(?:\s*/\s*\d+(?:[.,]\d+)?)?)\s*(?:c?gpa)\b)")
        .expect("score pattern is valid")
});

static INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)universit|college|institut|school|schule|école|ecole|escuela|academy|akademie|polytechn|politécnic|conservatoire|lycée|gymnasium|colegio|campus|faculty|fakultät|faculté|facultad")
        .expect("institution pattern is valid")
});

/// One-word fields of study (so "University of California, Berkeley" stays whole).
const AREAS: &[&str] = &[
    "mathematics",
    "physics",
    "chemistry",
    "biology",
    "economics",
    "law",
    "medicine",
    "engineering",
    "philosophy",
    "history",
    "informatics",
    "informatik",
    "informatique",
    "informática",
    "psychology",
    "statistics",
    "finance",
    "management",
    "marketing",
    "architecture",
    "linguistics",
    "mathematik",
    "physik",
    "wirtschaftsinformatik",
];

/// A degree at the start of `text`: (degree, area).
pub fn degree_of(text: &str) -> Option<(String, Option<String>)> {
    let c = DEGREE.captures(text)?;
    let deg = c.name("deg")?.as_str().trim().to_string();
    let rest = c.name("rest").map_or("", |m| m.as_str());
    let rest = rest.trim_start_matches([',', ';', ':', ' ']);
    let rest = ["in ", "of ", "en ", "de ", "der ", "im "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let rest = SCORE.replace(rest, "");
    let area = rest
        .replace("()", "")
        .trim()
        .trim_matches(|c: char| c == '-' || c == ',' || c == '–' || c.is_whitespace())
        .to_string();
    Some((deg, (!area.is_empty()).then_some(area)))
}

/// A score ("GPA: 3.8", "3.8 GPA", "Note: 1,3").
pub fn score_of(text: &str) -> Option<String> {
    let c = SCORE.captures(text)?;
    c.name("a")
        .or(c.name("b"))
        .map(|m| m.as_str().replace(' ', ""))
}

const COURSE_LABELS: &[&str] = &[
    "relevant coursework:",
    "coursework:",
    "courses:",
    "relevant courses:",
    "key courses:",
    "kurse:",
    "cours:",
    "cursos:",
    "asignaturas:",
];

/// Education entries from a section's entries.
pub fn educations(entries: &[Entry<'_>], ctx: &mut Ctx) -> Vec<Education> {
    let mut out = Vec::new();
    for e in entries {
        let parts = e.head_parts();
        if parts.is_empty() && e.range.is_none() {
            continue;
        }
        let (mut start, mut end, ongoing) = e.dates();
        // A lone date on a degree is when it was (or will be) awarded.
        if e.range.is_some_and(|r| r.end.is_none()) {
            end = start.take();
        }
        let mut ed = Education {
            start_date: start,
            end_date: end,
            ongoing,
            ..Education::default()
        };
        let mut others = Vec::new();
        for part in parts {
            for piece in split_degree_pair(&part) {
                classify(&mut ed, piece, &mut others);
            }
        }
        // The institution: a part that names a school, else the first part that is not a degree.
        if ed.institution.is_none() {
            if let Some(i) = others
                .iter()
                .position(|o| INSTITUTION.is_match(o))
                .or((!others.is_empty()).then_some(0))
            {
                ed.institution = Some(others.remove(i));
            }
        }
        if ed.area.is_none() && ed.study_type.is_some() {
            if let Some(i) = others.iter().position(|o| {
                !looks_like_location(o) && org_score(o) == 0 && o.split_whitespace().count() <= 8
            }) {
                ed.area = Some(others.remove(i));
            }
        }
        for l in &e.body {
            let lower = l.text.to_lowercase();
            if ed.score.is_none() {
                ed.score = score_of(&l.text);
            }
            if let Some(label) = COURSE_LABELS.iter().find(|p| lower.starts_with(*p)) {
                let list = &l.text[label.len()..];
                ed.courses.extend(split_courses(list));
            }
        }
        let i = out.len();
        let mut conf: f32 = 0.9;
        if ed.institution.is_none() || ed.study_type.is_none() {
            conf -= 0.2;
        }
        if ed.start_date.is_none() && ed.end_date.is_none() {
            conf -= 0.3;
            ctx.warn_at(
                "undated-entry",
                format!("education[{i}]"),
                format!(
                    "no dates found for {}",
                    ed.institution.as_deref().unwrap_or("an education entry")
                ),
            );
        }
        ed.provenance = Some(provenance(ctx, e, conf));
        out.push(ed);
    }
    out
}

/// "PhD, Computer Science; Awesome University" and "Princeton University, PhD in CS": a degree
/// and a school joined by a comma.
fn split_degree_pair(part: &str) -> Vec<&str> {
    if let Some((a, b)) = part.split_once(", ") {
        let (da, db) = (degree_of(a).is_some(), degree_of(b).is_some());
        let (ia, ib) = (INSTITUTION.is_match(a), INSTITUTION.is_match(b));
        if (da && ib && !ia) || (db && ia && !ib) {
            return vec![a.trim(), b.trim()];
        }
        // "Classes préparatoires MP, Lycée du Parc": only one side names a school.
        if ib && !ia && !looks_like_location(a) {
            return vec![a.trim(), b.trim()];
        }
        // "University of La Verne, La Verne, CA": the school and its place.
        if ia && looks_like_location(b) {
            return vec![a.trim(), b.trim()];
        }
        // "Princeton University, Computer Science": a school and a field (not "…, Berkeley").
        if ia
            && !ib
            && !looks_like_location(b)
            && (b.split_whitespace().count() >= 2 || AREAS.contains(&b.to_lowercase().as_str()))
        {
            return vec![a.trim(), b.trim()];
        }
    }
    vec![part]
}

fn classify(ed: &mut Education, piece: &str, others: &mut Vec<String>) {
    let piece = piece.trim();
    if let Some(s) = score_of(piece) {
        if ed.score.is_none() {
            ed.score = Some(s);
        }
        let lower = piece.to_lowercase();
        if lower.starts_with("score") || lower.starts_with("gpa") || lower.starts_with("grade") {
            return;
        }
    }
    if ed.url.is_none() && is_url(piece) {
        ed.url = Some(piece.to_string());
        return;
    }
    // "PhD Princeton University": a degree run into the school's name.
    if let Some((deg, Some(rest))) = degree_of(piece) {
        if ed.institution.is_none()
            && INSTITUTION.is_match(&rest)
            && !INSTITUTION.is_match(&deg)
            && !rest.contains(" of ")
        {
            ed.study_type.get_or_insert(deg);
            ed.institution = Some(rest);
            return;
        }
    }
    if !INSTITUTION.is_match(piece) {
        if let Some((deg, area)) = degree_of(piece) {
            if ed.study_type.is_some() {
                // The degree again ("PhD" above "PhD in Computer Science"): keep its field.
                if ed.area.is_none() {
                    ed.area = area;
                }
                return;
            }
            // "Bachelor, Computer Engineering, Score: 3.8" keeps the area in the comma list.
            let area = area.map(|a| {
                let mut bits: Vec<&str> = a.split(", ").filter(|b| score_of(b).is_none()).collect();
                bits.retain(|b| !b.trim().is_empty());
                bits.join(", ")
            });
            ed.study_type = Some(deg);
            ed.area = area.filter(|a| !a.is_empty());
            return;
        }
    }
    if looks_like_location(piece) && !INSTITUTION.is_match(piece) {
        return;
    }
    if ed.institution.is_none() && INSTITUTION.is_match(piece) {
        ed.institution = Some(strip_place(piece.trim_end_matches(',')).to_string());
        return;
    }
    others.push(piece.to_string());
}

/// "Awesome University (MyTown)": a place in parentheses is not part of the name (an expansion
/// such as "POSTECH(Pohang University of Science and Technology)" is).
fn strip_place(name: &str) -> &str {
    if let (Some(i), true) = (name.rfind('('), name.ends_with(')')) {
        let inner = &name[i + 1..name.len() - 1];
        if !INSTITUTION.is_match(inner)
            && inner.split_whitespace().count() <= 3
            && !inner.contains(char::is_numeric)
            && i > 0
        {
            return name[..i].trim_end();
        }
    }
    name
}

fn split_courses(list: &str) -> Vec<String> {
    list.split([',', ';'])
        .map(|c| {
            let c = c.trim();
            // "Cloud Computing (A)": the grade is not part of the course.
            match c.rfind(" (") {
                Some(i) if c.ends_with(')') && c.len() - i <= 6 => c[..i].trim().to_string(),
                _ => c.to_string(),
            }
        })
        .filter(|c| !c.is_empty())
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn degrees_and_scores() {
        assert_eq!(
            degree_of("PhD in Computer Science"),
            Some(("PhD".into(), Some("Computer Science".into())))
        );
        assert_eq!(
            degree_of("Bachelor of Science in Computer Science - 3.8 GPA"),
            Some((
                "Bachelor of Science".into(),
                Some("Computer Science".into())
            ))
        );
        assert_eq!(
            degree_of("B.S. in Computer Science and Engineering").map(|d| d.0),
            Some("B.S.".into())
        );
        assert_eq!(
            degree_of("Master en Informatique").map(|d| d.1),
            Some(Some("Informatique".into()))
        );
        assert!(degree_of("Massive Systems").is_none());
        assert_eq!(
            score_of("GPA: 3.97/4.00, Valedictorian").as_deref(),
            Some("3.97/4.00")
        );
        assert_eq!(score_of("Score: 3.8").as_deref(), Some("3.8"));
        assert_eq!(score_of("3.8 GPA").as_deref(), Some("3.8"));
        assert_eq!(
            split_courses(" Cloud Computing (A), Algorithms (A-)"),
            ["Cloud Computing", "Algorithms"]
        );
    }
}
