//! Search helpers every backend shares, so memory, SQLite and PostgreSQL agree on what matches.

use sha2::{Digest, Sha256};

use crate::model::{Job, Salary, Seniority, Timestamp, WorkplaceType};

/// The words a text search sees in a job: title, company, locations, skills and description,
/// lowercased, split on anything that is not a letter or digit, joined by single spaces.
pub fn job_words(job: &Job) -> String {
    let mut out = String::new();
    let parts = job
        .title
        .iter()
        .chain(job.company.iter())
        .chain(job.locations.iter())
        .map(String::as_str)
        .chain(job.skills().map(|s| s.name.as_str()))
        .chain(std::iter::once(job.description.as_str()));
    for part in parts {
        for word in words(part) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
    }
    out
}

/// The query's words, as [`job_words`] would split them (at most 16; longer queries are cut).
pub fn query_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = words(text).collect();
    terms.dedup();
    terms.truncate(16);
    terms
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// True when every term begins some word of `words` (a [`job_words`] string).
pub(crate) fn words_match(words: &str, terms: &[String]) -> bool {
    terms
        .iter()
        .all(|t| words.split(' ').any(|w| w.starts_with(t.as_str())))
}

/// The Unix time of an ISO 8601 date or date-time's day (`2024-05-01`, `2024-05-01T10:00:00Z`),
/// at midnight UTC plus the time of day when given as `THH:MM[:SS]`. Offsets are ignored.
pub fn posted_at(iso: &str) -> Option<Timestamp> {
    let s = iso.trim();
    let date = s.get(..10)?;
    let mut it = date.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1900..=9999).contains(&y) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if let Some(time) = s.get(11..).filter(|_| s.as_bytes().get(10) == Some(&b'T')) {
        let mut t = time.split(':');
        let h: i64 = t
            .next()
            .and_then(|x| x.get(..2))
            .and_then(|x| x.parse().ok())?;
        let mi: i64 = t
            .next()
            .and_then(|x| x.get(..2))
            .and_then(|x| x.parse().ok())?;
        let se: i64 = t
            .next()
            .and_then(|x| x.get(..2))
            .and_then(|x| x.parse().ok())
            .unwrap_or(0);
        secs += h * 3600 + mi * 60 + se;
    }
    Some(secs)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The top of a salary range scaled to a year (the one bound when only one is stated).
pub(crate) fn salary_top(s: &Salary) -> Option<f64> {
    let top = s.max.or(s.min)?;
    let scaled = Salary {
        min: Some(top),
        max: None,
        currency: None,
        period: s.period,
    };
    scaled.annual_mid().filter(|x| x.is_finite())
}

pub(crate) fn workplace_name(w: WorkplaceType) -> &'static str {
    match w {
        WorkplaceType::Remote => "remote",
        WorkplaceType::Hybrid => "hybrid",
        WorkplaceType::OnSite => "on_site",
    }
}

pub(crate) fn seniority_name(s: Seniority) -> &'static str {
    match s {
        Seniority::Intern => "intern",
        Seniority::Junior => "junior",
        Seniority::Mid => "mid",
        Seniority::Senior => "senior",
        Seniority::Lead => "lead",
        Seniority::Principal => "principal",
        Seniority::Manager => "manager",
        Seniority::Director => "director",
        Seniority::Executive => "executive",
    }
}

/// Hex SHA-256, used to tell an unchanged job from an updated one.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_unix_times() {
        assert_eq!(posted_at("1970-01-01"), Some(0));
        assert_eq!(posted_at("2024-03-01"), Some(1_709_251_200));
        assert_eq!(
            posted_at("2024-03-01T01:02:03+02:00"),
            Some(1_709_251_200 + 3723)
        );
        assert_eq!(posted_at("2024-13-01"), None);
        assert_eq!(posted_at("yesterday"), None);
        assert_eq!(posted_at("2024-03-01Tzz"), None);
    }

    #[test]
    fn words_and_terms_agree() {
        let job = Job {
            title: Some("Senior Rust/Go Engineer".into()),
            company: Some("Zürich Labs".into()),
            description: "Build C++ things.".into(),
            ..Job::default()
        };
        let w = job_words(&job);
        assert_eq!(w, "senior rust go engineer zürich labs build c things");
        assert!(words_match(&w, &query_terms("ZÜR eng")));
        assert!(!words_match(&w, &query_terms("ust")));
        assert!(words_match(&w, &[]));
    }

    #[test]
    fn salary_top_scales_to_a_year() {
        let s = Salary {
            min: Some(50.0),
            max: Some(60.0),
            currency: Some("USD".into()),
            period: crate::model::SalaryPeriod::Hour,
        };
        assert_eq!(salary_top(&s), Some(60.0 * 2080.0));
    }
}
