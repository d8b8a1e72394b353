//! Years of experience, seniority, title alignment and education level.

use crate::model::{Job, PartialDate, Profile, Seniority};

use super::evidence::{stem, words};

/// Months of work experience: the union of all work spans, so overlapping jobs count once.
/// Ongoing jobs run to `as_of`; jobs without a start date are skipped.
pub fn experience_months(profile: &Profile, as_of: PartialDate) -> u32 {
    let now = as_of.months(12);
    let mut spans: Vec<(i32, i32)> = profile
        .work
        .iter()
        .filter_map(|w| {
            let start = w.start()?.months(1);
            let end = match w.end() {
                Some(e) => e.months(12),
                None if w.is_ongoing() => now,
                None => start,
            };
            (end >= start).then_some((start, end.min(now.max(start))))
        })
        .collect();
    spans.sort_unstable();
    let mut total = 0i32;
    let mut current: Option<(i32, i32)> = None;
    for (s, e) in spans {
        current = match current {
            Some((cs, ce)) if s <= ce + 1 => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs + 1;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((cs, ce)) = current {
        total += ce - cs + 1;
    }
    u32::try_from(total).unwrap_or(0)
}

/// The latest date mentioned in the profile: a stand-in for "today" when the caller gives none.
pub fn latest_date(profile: &Profile) -> Option<PartialDate> {
    let work = profile.work.iter().flat_map(|w| [w.start(), w.end()]);
    let edu = profile.education.iter().flat_map(|e| [e.start(), e.end()]);
    let proj = profile.projects.iter().flat_map(|p| [p.start(), p.end()]);
    work.chain(edu).chain(proj).flatten().max()
}

const LEVEL_WORDS: &[(&str, Seniority)] = &[
    ("intern", Seniority::Intern),
    ("internship", Seniority::Intern),
    ("trainee", Seniority::Intern),
    ("apprentice", Seniority::Intern),
    ("junior", Seniority::Junior),
    ("jr", Seniority::Junior),
    ("graduate", Seniority::Junior),
    ("entry", Seniority::Junior),
    ("associate", Seniority::Junior),
    ("senior", Seniority::Senior),
    ("sr", Seniority::Senior),
    ("lead", Seniority::Lead),
    ("staff", Seniority::Principal),
    ("principal", Seniority::Principal),
    ("architect", Seniority::Principal),
    ("manager", Seniority::Manager),
    ("head", Seniority::Director),
    ("director", Seniority::Director),
    ("vp", Seniority::Executive),
    ("cto", Seniority::Executive),
    ("ceo", Seniority::Executive),
    ("chief", Seniority::Executive),
    ("founder", Seniority::Executive),
];

/// The seniority a title states, if any ("Senior Engineer" → Senior).
pub fn title_seniority(title: &str) -> Option<Seniority> {
    words(title).filter_map(|w| {
        let w = w.to_lowercase();
        LEVEL_WORDS.iter().find(|(k, _)| *k == w).map(|(_, s)| *s)
    }).max()
}

/// The seniority a profile shows: the latest title's level, or one read from the years.
pub fn profile_seniority(profile: &Profile, months: u32) -> Seniority {
    let from_years = match months / 12 {
        0 => Seniority::Junior,
        1..=2 => Seniority::Junior,
        3..=5 => Seniority::Mid,
        6..=9 => Seniority::Senior,
        _ => Seniority::Lead,
    };
    let latest = profile.work.iter().max_by_key(|w| w.start()).and_then(|w| w.position.as_deref()).and_then(title_seniority);
    match latest {
        Some(s) if s > from_years || s == Seniority::Intern => s,
        _ => from_years,
    }
}

/// Distance on a coarse ladder, so Manager/Lead and Principal/Lead count as near.
fn rung(s: Seniority) -> i32 {
    match s {
        Seniority::Intern => 0,
        Seniority::Junior => 1,
        Seniority::Mid => 2,
        Seniority::Senior => 3,
        Seniority::Lead | Seniority::Manager => 4,
        Seniority::Principal | Seniority::Director => 5,
        Seniority::Executive => 6,
    }
}

/// 1 for the same level, less for each rung apart.
pub fn seniority_fit(have: Seniority, want: Seniority) -> f64 {
    match (rung(have) - rung(want)).abs() {
        0 => 1.0,
        1 => 0.6,
        2 => 0.25,
        _ => 0.0,
    }
}

const TITLE_NOISE: &[&str] = &[
    "senior", "sr", "junior", "jr", "lead", "staff", "principal", "i", "ii", "iii", "iv", "remote", "hybrid", "m", "f", "d",
    "w", "x", "all", "genders", "the", "a", "an", "of", "and", "for", "in", "at", "to", "with", "team", "mid", "level",
];

const TITLE_SYNONYMS: &[(&str, &str)] = &[
    ("developer", "engineer"),
    ("programmer", "engineer"),
    ("dev", "engineer"),
    ("swe", "engineer"),
    ("sde", "engineer"),
    ("scientist", "scientist"),
    ("analyst", "analyst"),
    ("backend", "back"),
    ("frontend", "front"),
    ("fullstack", "full"),
];

pub(crate) fn title_tokens(title: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(&title.replace(['-', '/'], " ")) {
        let lw = w.to_lowercase();
        if TITLE_NOISE.contains(&lw.as_str()) {
            continue;
        }
        let s = stem(&lw);
        let s = TITLE_SYNONYMS.iter().find(|(k, _)| *k == s).map_or(s, |(_, v)| (*v).to_string());
        if s == "end" || s == "stack" {
            continue;
        }
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// How well the profile's titles match the job title (0 to 1) and the title that matched best.
/// The most recent title counts fully, older titles and the headline at 0.8.
pub fn title_alignment(profile: &Profile, job: &Job) -> Option<(f64, String)> {
    let want = title_tokens(job.title.as_deref()?);
    if want.is_empty() {
        return None;
    }
    let mut titles: Vec<(String, f64)> = Vec::new();
    let mut by_recency: Vec<&crate::model::Work> = profile.work.iter().collect();
    by_recency.sort_by_key(|w| std::cmp::Reverse(w.start()));
    for (i, w) in by_recency.iter().enumerate() {
        if let Some(p) = &w.position {
            titles.push((p.clone(), if i == 0 { 1.0 } else { 0.8 }));
        }
    }
    if let Some(label) = profile.basics.as_ref().and_then(|b| b.label.clone()) {
        titles.push((label, 0.8));
    }
    titles
        .into_iter()
        .map(|(t, weight)| {
            let have = title_tokens(&t);
            let overlap = want.iter().filter(|w| have.contains(w)).count();
            (overlap as f64 / want.len() as f64 * weight, t)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .or(Some((0.0, String::new())))
}

/// Degree levels: 0 none, 1 associate, 2 bachelor, 3 master, 4 doctorate.
pub fn degree_level(text: &str) -> u8 {
    let t = format!(" {} ", text.to_lowercase().replace(['.', ',', '(', ')', '/'], " "));
    let has = |ws: &[&str]| ws.iter().any(|w| t.contains(&format!(" {w} ")));
    if has(&["phd", "ph d", "doctorate", "doctoral", "doctor", "dphil", "promotion"]) {
        4
    } else if has(&["master", "masters", "master's", "msc", "ms", "m sc", "ma", "mba", "meng", "m eng", "diplom", "mtech", "m tech", "postgraduate"]) {
        3
    } else if has(&["bachelor", "bachelors", "bachelor's", "bsc", "bs", "b sc", "ba", "beng", "b eng", "btech", "b tech", "undergraduate", "licence", "licenciatura", "degree", "be"]) {
        2
    } else if has(&["associate", "associate's", "diploma", "hnd"]) {
        1
    } else {
        0
    }
}

/// The highest degree level in the profile.
pub fn profile_degree(profile: &Profile) -> u8 {
    profile
        .education
        .iter()
        .map(|e| {
            let text = format!("{} {}", e.study_type.as_deref().unwrap_or(""), e.area.as_deref().unwrap_or(""));
            degree_level(&text).max(u8::from(e.institution.as_deref().is_some_and(|i| {
                let i = i.to_lowercase();
                i.contains("university") || i.contains("college") || i.contains("universit") || i.contains("hochschule")
            })) * 2)
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Work;

    fn work(start: &str, end: Option<&str>) -> Work {
        Work { start_date: Some(start.into()), end_date: end.map(Into::into), ..Work::default() }
    }

    #[test]
    fn overlapping_jobs_count_once() {
        let mut p = Profile::default();
        p.work.push(work("2018-01", Some("2019-12")));
        p.work.push(work("2019-01", Some("2020-12")));
        p.work.push(work("2022-01", None));
        let months = experience_months(&p, PartialDate::month(2022, 12));
        assert_eq!(months, 36 + 12);
    }

    #[test]
    fn titles_and_degrees() {
        assert_eq!(title_seniority("Senior Software Engineer"), Some(Seniority::Senior));
        assert_eq!(title_tokens("Sr. Backend Developer (m/f/d)"), vec!["back", "engineer"]);
        assert_eq!(degree_level("B.Sc. Computer Science"), 2);
        assert_eq!(degree_level("Master of Science"), 3);
        assert_eq!(degree_level("PhD in Physics"), 4);
        assert_eq!(degree_level("High school"), 0);
    }
}
