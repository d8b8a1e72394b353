//! Accuracy of the job parser on `../shared/data/jobs`.
//!
//! - **glassdoor-ds-2021** (672 US data-science postings). *Pasted*: each row is fed as a
//!   person would paste it, built from the columns as
//!   `"{Job Title}\n{Company Name}\n{Location}\n\n{Job Description}"` (the company's trailing
//!   rating line, `"Healthfirst\n3.1"`, is cut off, for the text and the truth alike); title,
//!   company and location are scored. *Description only*: the `Job Description` column alone;
//!   title is scored on rows whose description contains the title, company on rows whose
//!   description contains the company name. The salary column is Glassdoor's estimate, not in
//!   the text, and is not scored. *One-line header*: the same with
//!   `"{Job Title} at {Company Name} — {Location}\n\n{Job Description}"`.
//! - **remoteok-sample**: each posting of the raw API array (the terms notice skipped) is fed as
//!   its own JSON object. Scored: `position`, `company`, `location` (when given), `tags` as skill
//!   recall over the tags the skill taxonomy knows, and `salary_min`/`salary_max` when above 0.
//! - **skill-extraction-esco-benchmark**, per file: each annotated span (duplicates dropped) is
//!   a skill the sentence names. `find`: does `Taxonomy::find(sentence)` return a match whose
//!   surface text or canonical name is the span (or whose name is the ESCO label)? `parse`: the
//!   same over the skills of `parse_job(sentence)`. `known`: `find` recall over the spans the
//!   taxonomy can look up by name, which separates matching from coverage.

use std::path::Path;

use career_copilot::model::Job;
use career_copilot::skills::Taxonomy;
use career_copilot::{Hint, parse_job};

use super::{DocScore, Report, mean, norm, same};

/// One row per labelled set, each field the mean over the set's documents.
pub fn run(data: &Path) -> Report {
    let mut summary = Report {
        name: "jobs".into(),
        docs: Vec::new(),
    };
    for r in reports(data) {
        let mut d = DocScore::new(format!("{} ({})", r.name, r.docs.len()));
        for (f, s) in r.field_means() {
            d.set(&f, s);
        }
        summary.docs.push(d);
    }
    summary
}

/// One report per labelled set, one document per posting (or annotated span set).
pub fn reports(data: &Path) -> Vec<Report> {
    let jobs = data.join("jobs");
    let mut out = Vec::new();
    let (pasted, one_line, desc_only) =
        glassdoor(&jobs.join("glassdoor-ds-2021/Uncleaned_DS_jobs.csv"));
    out.push(pasted);
    out.push(one_line);
    out.push(desc_only);
    out.push(remoteok(&jobs.join("remoteok-sample/remoteok.json")));
    for file in ["house", "tech"] {
        out.push(esco(
            &jobs.join(format!(
                "skill-extraction-esco-benchmark/{file}_validation_annotations.csv"
            )),
            file,
        ));
    }
    out
}

/// A Glassdoor row: the truth and the two texts fed to the parser.
#[derive(Debug, Clone)]
pub struct GlassdoorRow {
    pub title: String,
    pub company: String,
    pub location: String,
    pub description: String,
}

impl GlassdoorRow {
    /// The posting as a person would paste it.
    pub fn pasted(&self) -> String {
        format!(
            "{}\n{}\n{}\n\n{}",
            self.title, self.company, self.location, self.description
        )
    }

    /// The same with the header on one line, as many boards show it.
    pub fn one_line(&self) -> String {
        format!(
            "{} at {} — {}\n\n{}",
            self.title, self.company, self.location, self.description
        )
    }
}

/// Reads the Glassdoor CSV; an empty list when the file is absent.
pub fn glassdoor_rows(path: &Path) -> Vec<GlassdoorRow> {
    let Ok(mut rdr) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    let Ok(headers) = rdr.headers().cloned() else {
        return Vec::new();
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(t), Some(c), Some(l), Some(d)) = (
        col("Job Title"),
        col("Company Name"),
        col("Location"),
        col("Job Description"),
    ) else {
        return Vec::new();
    };
    rdr.records()
        .flatten()
        .map(|r| GlassdoorRow {
            title: r.get(t).unwrap_or("").trim().to_string(),
            // "Healthfirst\n3.1": the rating line is not part of the name.
            company: r
                .get(c)
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
            location: r.get(l).unwrap_or("").trim().to_string(),
            description: r.get(d).unwrap_or("").to_string(),
        })
        .collect()
}

/// Parses pasted text the way a caller would: the format is sniffed from the bytes.
fn parse_text(text: &str) -> Option<Job> {
    parse_job(text.as_bytes(), &Hint::default())
        .ok()
        .map(|p| p.value)
}

fn location_score(job: &Job, truth: &str) -> f64 {
    if truth.eq_ignore_ascii_case("remote") {
        return if job.workplace_type == Some(career_copilot::model::WorkplaceType::Remote) {
            1.0
        } else {
            0.0
        };
    }
    let joined = job.locations.join(", ");
    if same(&joined, truth) == 1.0 || job.locations.iter().any(|l| same(l, truth) == 1.0) {
        1.0
    } else {
        0.0
    }
}

fn glassdoor(path: &Path) -> (Report, Report, Report) {
    let mut pasted = Report {
        name: "glassdoor-ds-2021 pasted".into(),
        docs: Vec::new(),
    };
    let mut one_line = Report {
        name: "glassdoor-ds-2021 one-line header".into(),
        docs: Vec::new(),
    };
    let mut desc_only = Report {
        name: "glassdoor-ds-2021 description only".into(),
        docs: Vec::new(),
    };
    for (i, row) in glassdoor_rows(path).iter().enumerate() {
        let mut d = DocScore::new(format!("glassdoor/{i}"));
        let job = parse_text(&row.pasted()).unwrap_or_default();
        d.set(
            "title",
            same(job.title.as_deref().unwrap_or(""), &row.title),
        );
        d.set(
            "company",
            same(job.company.as_deref().unwrap_or(""), &row.company),
        );
        d.set("location", location_score(&job, &row.location));
        pasted.docs.push(d);
        let job = parse_text(&row.one_line()).unwrap_or_default();
        let mut d = DocScore::new(format!("glassdoor/{i}"));
        d.set(
            "title",
            same(job.title.as_deref().unwrap_or(""), &row.title),
        );
        d.set(
            "company",
            same(job.company.as_deref().unwrap_or(""), &row.company),
        );
        d.set("location", location_score(&job, &row.location));
        one_line.docs.push(d);

        let desc = norm(&row.description);
        let has_title = !row.title.is_empty() && desc.contains(&norm(&row.title));
        let has_company = !row.company.is_empty() && desc.contains(&norm(&row.company));
        if has_title || has_company {
            let job = parse_text(&row.description).unwrap_or_default();
            let mut d = DocScore::new(format!("glassdoor/{i}"));
            if has_title {
                d.set(
                    "title",
                    same(job.title.as_deref().unwrap_or(""), &row.title),
                );
            }
            if has_company {
                d.set(
                    "company",
                    same(job.company.as_deref().unwrap_or(""), &row.company),
                );
            }
            desc_only.docs.push(d);
        }
    }
    (pasted, one_line, desc_only)
}

/// Undoes UTF-8 read as Latin-1 in the ground truth ("GdaÅ\u{84}sk").
fn unmojibake(s: &str) -> String {
    if s.chars().all(|c| (c as u32) < 0x100) {
        let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        if let Ok(t) = String::from_utf8(bytes) {
            return t;
        }
    }
    s.to_string()
}

fn remoteok(path: &Path) -> Report {
    let mut report = Report {
        name: "remoteok-sample".into(),
        docs: Vec::new(),
    };
    let Ok(bytes) = std::fs::read(path) else {
        return report;
    };
    let Ok(serde_json::Value::Array(items)) = serde_json::from_slice::<serde_json::Value>(&bytes)
    else {
        return report;
    };
    let tax = Taxonomy::builtin();
    for item in items.iter().filter(|i| i.get("legal").is_none()) {
        let s = |k: &str| {
            item.get(k)
                .and_then(|v| v.as_str())
                .map(unmojibake)
                .unwrap_or_default()
        };
        let id = s("id");
        let mut d = DocScore::new(format!("remoteok/{id}"));
        let Ok(bytes) = serde_json::to_vec(item) else {
            continue;
        };
        let job = match parse_job(&bytes, &Hint::default()) {
            Ok(p) => p.value,
            // A posting with no title and no description is refused; score it as empty.
            Err(_) => Job::default(),
        };
        if !s("position").is_empty() {
            d.set(
                "title",
                same(job.title.as_deref().unwrap_or(""), &s("position")),
            );
        }
        if !s("company").is_empty() {
            d.set(
                "company",
                same(job.company.as_deref().unwrap_or(""), &s("company")),
            );
        }
        if !s("location").is_empty() {
            d.set("location", location_score(&job, &s("location")));
        }
        let known: Vec<String> = item
            .get("tags")
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .filter_map(|t| tax.lookup(t).map(|e| e.name.clone()))
            .collect();
        if !known.is_empty() {
            let found = known
                .iter()
                .filter(|k| job.skills().any(|s| &s.name == *k))
                .count();
            d.set("tag_skills", found as f64 / known.len() as f64);
        }
        let num = |k: &str| item.get(k).and_then(|v| v.as_f64()).unwrap_or(0.0);
        if num("salary_min") > 0.0 || num("salary_max") > 0.0 {
            let ok = job.salary.as_ref().is_some_and(|sal| {
                sal.min.unwrap_or(0.0) == num("salary_min")
                    && sal.max.unwrap_or(sal.min.unwrap_or(0.0)) == num("salary_max")
            });
            d.set("salary", if ok { 1.0 } else { 0.0 });
        }
        report.docs.push(d);
    }
    report
}

/// Whether an extracted skill (surface text and canonical name) is the annotated span.
fn hits(matched: &str, name: &str, span: &str, label: &str) -> bool {
    same(matched, span) == 1.0 || same(name, span) == 1.0 || same(name, label) == 1.0
}

fn esco(path: &Path, file: &str) -> Report {
    let mut report = Report {
        name: format!("esco {file}"),
        docs: Vec::new(),
    };
    let Ok(mut rdr) = csv::Reader::from_path(path) else {
        return report;
    };
    let tax = Taxonomy::builtin();
    let mut seen = std::collections::HashSet::new();
    let mut by_sentence: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for r in rdr.records().flatten() {
        let (sentence, span, label) = (
            r.get(0).unwrap_or(""),
            r.get(1).unwrap_or("").trim(),
            r.get(3).unwrap_or(""),
        );
        let span = span.trim_end_matches([' ', '.', ')', ',']).trim();
        if span.is_empty() || !seen.insert((sentence.to_string(), span.to_string())) {
            continue;
        }
        match by_sentence.iter_mut().find(|(s, _)| s == sentence) {
            Some((_, spans)) => spans.push((span.to_string(), label.to_string())),
            None => by_sentence.push((
                sentence.to_string(),
                vec![(span.to_string(), label.to_string())],
            )),
        }
    }
    for (i, (sentence, spans)) in by_sentence.iter().enumerate() {
        let found = tax.find(sentence);
        let parsed = parse_text(sentence).unwrap_or_default();
        let mut d = DocScore::new(format!("esco-{file}/{i}"));
        let rate = |hit: &dyn Fn(&str, &str) -> bool, only_known: bool| {
            let scored: Vec<f64> = spans
                .iter()
                .filter(|(span, _)| !only_known || tax.lookup(span).is_some())
                .map(|(span, label)| if hit(span, label) { 1.0 } else { 0.0 })
                .collect();
            (!scored.is_empty()).then(|| mean(scored.into_iter()))
        };
        let by_find =
            |span: &str, label: &str| found.iter().any(|m| hits(&m.matched, &m.name, span, label));
        let by_parse = |span: &str, label: &str| {
            parsed.skills().any(|s| {
                hits(
                    s.matched.as_deref().unwrap_or(&s.name),
                    &s.name,
                    span,
                    label,
                )
            })
        };
        if let Some(r) = rate(&by_find, false) {
            d.set("find", r);
        }
        if let Some(r) = rate(&by_parse, false) {
            d.set("parse", r);
        }
        if let Some(r) = rate(&by_find, true) {
            d.set("known", r);
        }
        report.docs.push(d);
    }
    report
}
