//! Job-board JSON: RemoteOK's API, Greenhouse's job board API and Lever's postings API.
//!
//! Each reader maps the board's own fields and returns the description as lines; the caller
//! then fills what the fields leave out from those lines.

use serde_json::{Map, Value};

use super::{classify, fragment, place, salary, skills};
use crate::ingest::Line;
use crate::model::{Job, JobSkill, Salary, SalaryPeriod, WorkplaceType};

/// The payload shapes this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    RemoteOk,
    Greenhouse,
    Lever,
    JsonLd,
    /// Our own [`Job`] serialization.
    Job,
}

/// Recognises the shape of one posting object.
pub(crate) fn shape(v: &Value) -> Option<Shape> {
    let o = v.as_object()?;
    let has = |k: &str| o.contains_key(k);
    if !super::jsonld::postings(v).is_empty() {
        Some(Shape::JsonLd)
    } else if has("position") && (has("slug") || has("epoch") || has("apply_url") || has("tags")) {
        Some(Shape::RemoteOk)
    } else if has("absolute_url") || has("internal_job_id") || (has("content") && has("updated_at"))
    {
        Some(Shape::Greenhouse)
    } else if has("hostedUrl") || has("descriptionPlain") || (has("text") && has("categories")) {
        Some(Shape::Lever)
    } else if [
        "title",
        "description",
        "required_skills",
        "company",
        "locations",
        "requirements",
    ]
    .iter()
    .any(|k| has(k))
    {
        Some(Shape::Job)
    } else {
        None
    }
}

/// The posting objects in a payload, in order: an array of postings (RemoteOK's terms notice
/// skipped), `{"jobs": [...]}` (Greenhouse), a JSON-LD `@graph`, or one posting.
pub(crate) fn postings(v: &Value) -> Vec<(Shape, &Value)> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| shape(i).map(|s| (s, i)))
            .collect(),
        Value::Object(o) => {
            if let Some(s) = shape(v) {
                if s != Shape::Job
                    || !["jobs", "postings", "data", "results"]
                        .iter()
                        .any(|k| o.get(*k).is_some_and(Value::is_array))
                {
                    return vec![(s, v)];
                }
            }
            for key in ["jobs", "postings", "data", "results", "@graph"] {
                if let Some(inner @ Value::Array(_)) = o.get(key) {
                    let found = postings(inner);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// A posting read from a board: the mapped fields, the description as lines, and the board's
/// skill tags (added after the description's skills).
#[derive(Debug, Default)]
pub(crate) struct BoardPosting {
    pub job: Job,
    pub lines: Vec<Line>,
    /// Board fields read as labelled lines ("Cost Center: R&D"), kept out of the description.
    pub meta: Vec<Line>,
    pub tags: Vec<String>,
    /// The board lists remote jobs only (RemoteOK): remote unless the text says otherwise.
    pub remote_board: bool,
}

fn s(o: &Map<String, Value>, k: &str) -> Option<String> {
    match o.get(k)? {
        Value::String(v) => {
            let v = fragment::decode_entities(&fragment::fix_mojibake(v));
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_string())
        }
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn f(o: &Map<String, Value>, k: &str) -> Option<f64> {
    match o.get(k)? {
        Value::Number(n) => n.as_f64(),
        Value::String(v) => salary::number(v.trim()),
        _ => None,
    }
}

/// RemoteOK: `id`, `position`, `company`, `tags`, `location`, `salary_min`/`salary_max`,
/// `description` (HTML), `url`, `apply_url`, `date`.
pub(crate) fn remoteok(o: &Map<String, Value>) -> BoardPosting {
    let mut job = Job {
        source: Some("remoteok".into()),
        source_id: s(o, "id"),
        title: s(o, "position"),
        company: s(o, "company"),
        url: s(o, "url"),
        date_posted: s(o, "date"),
        ..Job::default()
    };
    if let Some(loc) = s(o, "location") {
        let (places, workplace) = place::split_locations(&loc);
        job.locations = places;
        job.workplace_type = workplace;
    }
    if let Some(apply) = o
        .get("apply_url")
        .filter(|v| v.as_str().is_some_and(|s| !s.is_empty()))
    {
        job.extra.insert("apply_url".into(), apply.clone());
    }
    let lines = s(o, "description")
        .map(|d| fragment::to_lines(&d))
        .unwrap_or_default();
    let (min, max) = (
        f(o, "salary_min").filter(|v| *v > 0.0),
        f(o, "salary_max").filter(|v| *v > 0.0),
    );
    if min.is_some() || max.is_some() {
        // RemoteOK's figures are yearly USD unless the text states them otherwise.
        let text_salary = lines.iter().find_map(|l| salary::find(&l.text));
        let agrees = |t: &Salary| {
            t.min
                .zip(min.or(max))
                .is_some_and(|(a, b)| (a - b).abs() <= b * 0.02)
        };
        let (currency, period) = match text_salary.filter(agrees) {
            Some(t) => (t.currency, t.period),
            None if max.or(min).is_some_and(|m| m < 1000.0) => {
                (Some("USD".into()), SalaryPeriod::Hour)
            }
            None => (Some("USD".into()), SalaryPeriod::Year),
        };
        job.salary = Some(Salary {
            min,
            max,
            currency,
            period,
        });
    }
    let tags = o
        .get("tags")
        .and_then(Value::as_array)
        .map(|t| {
            t.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    BoardPosting {
        job,
        lines,
        meta: Vec::new(),
        tags,
        remote_board: true,
    }
}

/// Greenhouse job board API: `id`, `title`, `location.name`, `absolute_url`, `updated_at`,
/// `content` (escaped HTML), `offices`, `departments`, `metadata`, and `company_name` where
/// the board sends it.
pub(crate) fn greenhouse(o: &Map<String, Value>) -> BoardPosting {
    let mut job = Job {
        source: Some("greenhouse".into()),
        source_id: s(o, "id"),
        title: s(o, "title"),
        company: s(o, "company_name"),
        url: s(o, "absolute_url"),
        date_posted: s(o, "first_published").or_else(|| s(o, "updated_at")),
        ..Job::default()
    };
    if let Some(loc) = o
        .get("location")
        .and_then(Value::as_object)
        .and_then(|l| s(l, "name"))
    {
        let (places, workplace) = place::split_locations(&loc);
        job.locations = places;
        job.workplace_type = workplace;
    }
    if job.locations.is_empty() {
        for office in o
            .get("offices")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
        {
            if let Some(name) = s(office, "location").or_else(|| s(office, "name")) {
                job.locations.extend(place::split_locations(&name).0);
            }
        }
    }
    let mut meta = Vec::new();
    for m in o
        .get("metadata")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
    {
        let (Some(name), Some(value)) = (s(m, "name"), metadata_value(m.get("value"))) else {
            continue;
        };
        let n = name.to_lowercase();
        if n.contains("employment") || n.contains("job type") || n.contains("commitment") {
            job.employment_type = job
                .employment_type
                .or(classify::employment_from_value(&value));
        } else if n.contains("salary") || n.contains("compensation") || n.contains("pay") {
            job.salary = job.salary.take().or_else(|| salary::parse_value(&value));
        } else if n.contains("remote")
            || n.contains("workplace")
            || n.contains("location type")
            || n.contains("work model")
        {
            job.workplace_type = job
                .workplace_type
                .or(classify::workplace_from_value(&value));
        } else {
            meta.push(Line::plain(format!("{name}: {value}")));
        }
    }
    let lines = s(o, "content")
        .map(|d| fragment::to_lines(&d))
        .unwrap_or_default();
    if let Some(depts) = o
        .get("departments")
        .filter(|d| d.as_array().is_some_and(|a| !a.is_empty()))
    {
        job.extra.insert("departments".into(), depts.clone());
    }
    BoardPosting {
        job,
        lines,
        meta,
        ..BoardPosting::default()
    }
}

fn metadata_value(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(|x| metadata_value(Some(x))).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(o) => s(o, "name").or_else(|| s(o, "value")),
        _ => None,
    }
}

/// Lever postings API: `id`, `text`, `categories` (`location`, `allLocations`, `commitment`,
/// `team`, `department`), `description`/`descriptionPlain`, `lists` (`text` heading with HTML
/// `content`), `additional`, `hostedUrl`, `applyUrl`, `createdAt` (ms), `workplaceType`,
/// `salaryRange`.
pub(crate) fn lever(o: &Map<String, Value>) -> BoardPosting {
    let mut job = Job {
        source: Some("lever".into()),
        source_id: s(o, "id"),
        title: s(o, "text"),
        url: s(o, "hostedUrl"),
        ..Job::default()
    };
    let cats = o.get("categories").and_then(Value::as_object);
    if let Some(c) = cats {
        let all: Vec<String> = c
            .get("allLocations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        let locs = if all.is_empty() {
            s(c, "location").into_iter().collect()
        } else {
            all
        };
        for l in locs {
            let (places, workplace) = place::split_locations(&l);
            job.locations.extend(places);
            job.workplace_type = job.workplace_type.or(workplace);
        }
        job.employment_type = s(c, "commitment").and_then(|v| classify::employment_from_value(&v));
        if let Some(team) = s(c, "team") {
            job.extra.insert("team".into(), Value::String(team));
        }
    }
    job.workplace_type = match s(o, "workplaceType").map(|w| w.to_lowercase()).as_deref() {
        Some("remote") => Some(WorkplaceType::Remote),
        Some("hybrid") => Some(WorkplaceType::Hybrid),
        Some("onsite" | "on-site" | "on_site") => Some(WorkplaceType::OnSite),
        _ => job.workplace_type,
    };
    if let Some(apply) = o.get("applyUrl").filter(|v| v.is_string()) {
        job.extra.insert("applyUrl".into(), apply.clone());
    }
    job.date_posted = f(o, "createdAt").and_then(|ms| date_from_epoch_ms(ms as i64));
    if let Some(r) = o.get("salaryRange").and_then(Value::as_object) {
        let period = match s(r, "interval").unwrap_or_default().as_str() {
            i if i.contains("hour") => SalaryPeriod::Hour,
            i if i.contains("day") => SalaryPeriod::Day,
            i if i.contains("week") => SalaryPeriod::Week,
            i if i.contains("month") => SalaryPeriod::Month,
            _ => SalaryPeriod::Year,
        };
        let (min, max) = (f(r, "min"), f(r, "max"));
        if min.is_some() || max.is_some() {
            job.salary = Some(Salary {
                min,
                max,
                currency: s(r, "currency").map(|c| c.to_ascii_uppercase()),
                period,
            });
        }
    }
    let mut lines = match (s(o, "description"), s(o, "descriptionPlain")) {
        (Some(html), _) => fragment::to_lines(&html),
        (None, Some(plain)) => fragment::to_lines(&plain),
        _ => Vec::new(),
    };
    for list in o
        .get("lists")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
    {
        if let Some(head) = s(list, "text") {
            lines.push(Line {
                heading: true,
                ..Line::plain(head)
            });
        }
        if let Some(content) = s(list, "content") {
            let items = fragment::to_lines(&content);
            lines.extend(items.into_iter().map(|mut l| {
                l.bullet = true;
                l
            }));
        }
    }
    if let Some(extra) = s(o, "additional").or_else(|| s(o, "additionalPlain")) {
        lines.extend(fragment::to_lines(&extra));
    }
    if let Some(pay) = s(o, "salaryDescriptionPlain").or_else(|| s(o, "salaryDescription")) {
        lines.extend(fragment::to_lines(&pay));
    }
    BoardPosting {
        job,
        lines,
        ..BoardPosting::default()
    }
}

/// Adds board tags the taxonomy knows as required skills, after the description's skills.
/// Short or ambiguous tags ("go", "c") count only when the description names the skill too.
pub(crate) fn add_tags(job: &mut Job, tags: &[String]) {
    if tags.is_empty() {
        return;
    }
    let in_text: Vec<String> = skills::names_in(&format!(
        "{}\n{}",
        job.title.as_deref().unwrap_or(""),
        job.description
    ));
    for tag in tags {
        let Some(name) = skills::lookup(tag) else {
            continue;
        };
        let short = tag.chars().count() <= 2 || tag.eq_ignore_ascii_case("go");
        if short && !in_text.iter().any(|n| n == &name) {
            continue;
        }
        if job.skills().any(|s| s.name.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let matched = (!tag.eq_ignore_ascii_case(&name)).then(|| tag.clone());
        job.required_skills.push(JobSkill { name, matched });
    }
}

/// A UTC calendar date (`YYYY-MM-DD`) from milliseconds since the Unix epoch.
pub(crate) fn date_from_epoch_ms(ms: i64) -> Option<String> {
    if !(0..=253_402_300_799_000).contains(&ms) {
        return None;
    }
    let days = ms.div_euclid(86_400_000);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_dates() {
        assert_eq!(date_from_epoch_ms(0).as_deref(), Some("1970-01-01"));
        assert_eq!(
            date_from_epoch_ms(1_700_000_000_000).as_deref(),
            Some("2023-11-14")
        );
        assert_eq!(
            date_from_epoch_ms(951_782_400_000).as_deref(),
            Some("2000-02-29")
        );
        assert_eq!(date_from_epoch_ms(-5), None);
    }
}
