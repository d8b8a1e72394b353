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
    words(title)
        .filter_map(|w| {
            let w = w.to_lowercase();
            LEVEL_WORDS.iter().find(|(k, _)| *k == w).map(|(_, s)| *s)
        })
        .max()
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
    let latest = profile
        .work
        .iter()
        .max_by_key(|w| w.start())
        .and_then(|w| w.position.as_deref())
        .and_then(title_seniority);
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
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "staff",
    "principal",
    "i",
    "ii",
    "iii",
    "iv",
    "remote",
    "hybrid",
    "m",
    "f",
    "d",
    "w",
    "x",
    "all",
    "genders",
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "in",
    "at",
    "to",
    "with",
    "team",
    "mid",
    "level",
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

/// The head of a title before a qualifier: "Data Scientist - TS/SCI Required" → "Data
/// Scientist", "Engineer (Platform), Berlin" → "Engineer". The whole title when the head is empty.
pub(crate) fn core_title(title: &str) -> &str {
    let cut = [" - ", " – ", " — ", " | ", "(", ",", ";"]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min();
    match cut {
        Some(i) if title[..i].chars().any(char::is_alphanumeric) => &title[..i],
        _ => title,
    }
}

pub(crate) fn title_tokens(title: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(&core_title(title).replace(['-', '/'], " ")) {
        let lw = w.to_lowercase();
        if TITLE_NOISE.contains(&lw.as_str()) {
            continue;
        }
        let s = stem(&lw);
        let s = TITLE_SYNONYMS
            .iter()
            .find(|(k, _)| *k == s)
            .map_or(s, |(_, v)| (*v).to_string());
        if s == "end" || s == "stack" {
            continue;
        }
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The profile's titles as tokens, most recent first, with their weight: the latest role
/// counts fully, older roles and the headline at 0.8.
pub(crate) fn profile_titles(profile: &Profile) -> Vec<(Vec<String>, f64, String)> {
    let mut by_recency: Vec<&crate::model::Work> = profile.work.iter().collect();
    by_recency.sort_by_key(|w| std::cmp::Reverse(w.start()));
    let mut titles = Vec::new();
    for (i, w) in by_recency.iter().enumerate() {
        if let Some(p) = &w.position {
            titles.push((title_tokens(p), if i == 0 { 1.0 } else { 0.8 }, p.clone()));
        }
    }
    if let Some(label) = profile.basics.as_ref().and_then(|b| b.label.clone()) {
        titles.push((title_tokens(&label), 0.8, label));
    }
    titles
}

/// How well the profile's titles match the job title (0 to 1) and the title that matched best.
/// The most recent title counts fully, older titles and the headline at 0.8.
pub fn title_alignment(profile: &Profile, job: &Job) -> Option<(f64, String)> {
    titles_alignment(&profile_titles(profile), job)
}

/// [`title_alignment`] over titles from [`profile_titles`].
pub(crate) fn titles_alignment(
    titles: &[(Vec<String>, f64, String)],
    job: &Job,
) -> Option<(f64, String)> {
    let want = title_tokens(job.title.as_deref()?);
    if want.is_empty() {
        return None;
    }
    titles
        .iter()
        .map(|(have, weight, t)| {
            let overlap = want.iter().filter(|w| have.contains(w)).count();
            (overlap as f64 / want.len() as f64 * weight, t)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(v, t)| (v, t.clone()))
        .or(Some((0.0, String::new())))
}

/// Degree levels: 0 none, 1 associate, 2 bachelor, 3 master, 4 doctorate, from prose (a job's
/// requirement, an education line). Only unambiguous words count here: "be", "ms", "ma" are
/// English words or brands in prose, "Scrum Master" is no degree, "promotion" is marketing.
pub fn degree_level(text: &str) -> u8 {
    level_in(text, false)
}

/// Degree level of a short education field (`studyType`), where abbreviations such as "BE",
/// "MS" or "MA" do name degrees.
pub fn degree_level_field(text: &str) -> u8 {
    level_in(text, text.split_whitespace().count() <= 6)
}

/// The lowest degree level a job's text names: "Bachelor's or Master's degree" asks for a
/// bachelor, with the master as a plus. 0 when none is named.
pub fn lowest_degree_level(text: &str) -> u8 {
    let m = levels_in(text, false);
    if m == 0 { 0 } else { m.trailing_zeros() as u8 }
}

/// Whether `w` occurs in `t` between spaces (`t` is padded with spaces at both ends).
fn has_word(t: &str, w: &str) -> bool {
    t.match_indices(w).any(|(i, _)| {
        t.as_bytes().get(i.wrapping_sub(1)) == Some(&b' ')
            && t.as_bytes().get(i + w.len()) == Some(&b' ')
    })
}

fn level_in(text: &str, abbreviations: bool) -> u8 {
    let m = levels_in(text, abbreviations);
    if m == 0 {
        0
    } else {
        (7 - m.leading_zeros()) as u8
    }
}

/// Bit `n` set when level `n` is named.
fn levels_in(text: &str, abbreviations: bool) -> u8 {
    let mut t = String::with_capacity(text.len() + 2);
    t.push(' ');
    t.extend(text.chars().flat_map(char::to_lowercase).map(|c| {
        if matches!(c, '.' | ',' | '(' | ')' | '/' | ':' | ';') {
            ' '
        } else {
            c
        }
    }));
    t.push(' ');
    for phrase in [
        "scrum master",
        "master data",
        "ms office",
        "ms excel",
        "ms word",
        "ms project",
        "associate product",
        "associate consultant",
    ] {
        if t.contains(phrase) {
            t = t.replace(phrase, " ");
        }
    }
    // Whole-word search without building a string per word (this runs on every requirement).
    let has = |ws: &[&str]| ws.iter().any(|w| has_word(&t, w));
    let short = |ws: &[&str]| abbreviations && has(ws);
    let mut m = 0u8;
    if has(&["phd", "ph d", "doctorate", "doctoral", "dphil", "doktor"])
        || short(&["dr", "promotion"])
    {
        m |= 1 << 4;
    }
    if has(&[
        "master",
        "masters",
        "master's",
        "msc",
        "m sc",
        "mba",
        "meng",
        "m eng",
        "diplom",
        "mtech",
        "m tech",
        "postgraduate",
        "m s",
    ]) || short(&["ms", "ma", "mca", "mcom", "m com"])
    {
        m |= 1 << 3;
    }
    if has(&[
        "bachelor",
        "bachelors",
        "bachelor's",
        "bsc",
        "b sc",
        "beng",
        "b eng",
        "btech",
        "b tech",
        "undergraduate",
        "licence",
        "licenciatura",
        "b s",
        "b a",
        "bca",
        "bcom",
        "b com",
        "b e",
    ]) || short(&["bs", "ba", "be", "ug"])
        || (m == 0 && has(&["degree"]))
    {
        m |= 1 << 2;
    }
    if has(&["associate's", "associates", "associate degree", "hnd"])
        || short(&["associate", "diploma"])
    {
        m |= 1 << 1;
    }
    m
}

/// The highest degree level in the profile.
pub fn profile_degree(profile: &Profile) -> u8 {
    profile
        .education
        .iter()
        .map(|e| {
            let field = degree_level_field(e.study_type.as_deref().unwrap_or(""));
            let area = degree_level(e.area.as_deref().unwrap_or(""));
            field.max(area).max(
                u8::from(e.institution.as_deref().is_some_and(|i| {
                    let i = i.to_lowercase();
                    i.contains("university")
                        || i.contains("college")
                        || i.contains("universit")
                        || i.contains("hochschule")
                })) * 2,
            )
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Work;

    fn work(start: &str, end: Option<&str>) -> Work {
        Work {
            start_date: Some(start.into()),
            end_date: end.map(Into::into),
            ..Work::default()
        }
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
        assert_eq!(
            title_seniority("Senior Software Engineer"),
            Some(Seniority::Senior)
        );
        assert_eq!(
            title_tokens("Sr. Backend Developer (m/f/d)"),
            vec!["back", "engineer"]
        );
        assert_eq!(degree_level("B.Sc. Computer Science"), 2);
        assert_eq!(degree_level("Master of Science"), 3);
        assert_eq!(degree_level("PhD in Physics"), 4);
        assert_eq!(degree_level("High school"), 0);
        // Prose words that are not degrees.
        assert_eq!(degree_level("You must be able to work with MS Office"), 0);
        assert_eq!(degree_level("Certified Scrum Master preferred"), 0);
        assert_eq!(degree_level("Drive promotion campaigns"), 0);
        assert_eq!(degree_level_field("MS"), 3);
        assert_eq!(degree_level_field("B.E."), 2);
        assert_eq!(degree_level("Bachelor's degree or equivalent"), 2);
        assert_eq!(
            lowest_degree_level("Bachelor's or Master's degree in statistics"),
            2
        );
        assert_eq!(
            degree_level("Bachelor's or Master's degree in statistics"),
            3
        );
        assert_eq!(
            title_tokens("Data Scientist - TS/SCI Required"),
            vec!["data", "scientist"]
        );
    }
}
