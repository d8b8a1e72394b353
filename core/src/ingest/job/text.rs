//! Postings as text: the header lines (title, company, location), labelled lines
//! (`Company: X`), and sections (responsibilities, requirements, nice-to-have, benefits).
//!
//! [`fill`] only sets fields that are still empty, so the same pass reads a pasted posting and
//! fills in what a board's JSON or a page's JSON-LD left out.

use std::sync::LazyLock;

use regex::Regex;

use super::header::{ROLE_RE, read_header};
use super::sections::{self, Kind};
use super::skills::Gathered;
use super::{classify, experience, place, prose, salary};
use crate::ingest::{Line, Warning};
use crate::model::{Job, date};

static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[*_\s]*(job title|posting title|position title|title|position|role|company name|company|employer|organi[sz]ation|hiring company|job location|work location|office location|locations?|based in|city|place of work|employment type|job type|contract type|position type|type of employment|schedule|commitment|salary range|pay range|base salary|salary|compensation|pay|hourly rate|rate|wage|workplace type|workplace|work model|work arrangement|work setting|location type|remote|date posted|posting date|posted on|posted|published|closing date|application deadline|apply by|deadline|valid through|expires|closes|years of experience|experience required|experience level|required experience|experience|education level|education|degree|seniority level|seniority|career level|level|department|team|reports to|industry|start date|duration)[*_\s]*[:：][*_\s]*(?P<v>.+?)[*_\s]*$")
        .expect("static regex")
});

/// A label alone on its line, its value on the next ("Company:\nMIT Lincoln Laboratory").
static KEY_ONLY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[*_\s]*(job title|posting title|position title|company name|company|employer|job location|work location|location|employment type|job type|position type|salary range|pay range|salary|compensation|workplace type|date posted|posted|closing date|education level|experience level|seniority level)[*_\s]*[:：]?[*_\s]*$").expect("static regex")
});

/// Equal-opportunity and legal text, which ends whatever section it follows.
static LEGAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)equal (?:employment )?opportunity|(?-u:\b)EEO(?-u:\b)|reasonable accommodation|without regard to|OFCCP|E-Verify|\]\]>|^(?:disclaimer|pay transparency)").expect("static regex")
});

static DEGREE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(bachelor'?s?|master'?s?|ph\.?\s?d|doctorate|doctoral|mba|b\.?s\.?c?|m\.?s\.?c?|b\.?a\.?|m\.?a\.?|b\.?eng|m\.?eng|b\.?tech|m\.?tech|associate'?s degree|degree|diploma|diplôme|abschluss|studium|high school|ged)(?-u:\b)")
        .expect("static regex")
});

/// Sets every still-empty field of `job` that the lines state. `header` reads the first lines
/// as title, company and location (pasted postings); board descriptions pass `false`.
pub(crate) fn fill(lines: &[Line], job: &mut Job, warnings: &mut Vec<Warning>, header: bool) {
    // Non-empty lines, each with whether a blank line came before it.
    let mut blank_before = Vec::new();
    let mut blank = false;
    let mut kept: Vec<&Line> = Vec::new();
    for l in lines {
        if l.text.trim().is_empty() {
            blank = true;
        } else {
            blank_before.push(blank);
            kept.push(l);
            blank = false;
        }
    }
    let lines = kept;
    let mut used = vec![false; lines.len()];
    let mut st = State::default();

    // Labelled lines ("Company: X"). Those opening the posting count before its header; the
    // rest only fill what the header leaves empty (descriptions repeat the location in
    // looser words).
    let mut labels: Vec<(usize, String, String)> = Vec::new();
    for (i, l) in lines.iter().enumerate().take(80) {
        // Two single-character searches use memchr; a set of characters walks char by char.
        if !l.text.contains(':') && !l.text.contains('：') {
            continue;
        }
        if let Some(c) = LABEL_RE.captures(&l.text) {
            let key = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
            let value = c.name("v").map_or("", |m| m.as_str()).trim().to_string();
            let known = label(&key, &value, &mut Job::default(), &mut State::default());
            if !value.is_empty() && value.chars().count() <= 160 && known {
                used[i] = true;
                labels.push((i, key, value));
            }
        }
    }
    for i in 0..lines.len().min(80).saturating_sub(1) {
        if lines[i].text.len() > 40 {
            continue;
        }
        let Some(c) = KEY_ONLY_RE.captures(&lines[i].text) else {
            continue;
        };
        let next = lines[i + 1].text.trim();
        let plausible = next.chars().count() <= 80
            && !used[i + 1]
            && !KEY_ONLY_RE.is_match(next)
            && sections::heading(next, lines[i + 1].heading).is_none();
        let key = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
        if plausible && !used[i] && label(&key, next, &mut Job::default(), &mut State::default()) {
            used[i] = true;
            used[i + 1] = true;
            labels.push((i, key, next.to_string()));
        }
    }
    labels.sort_by_key(|(i, _, _)| *i);
    let first_unused = used.iter().position(|u| !u).unwrap_or(used.len());
    let leading = labels
        .iter()
        .take_while(|(i, _, _)| *i < first_unused)
        .count();
    for (_, key, value) in &labels[..leading] {
        label(key, value, job, &mut st);
    }
    let body_start = if header {
        read_header(
            &lines,
            &blank_before,
            &mut used,
            job,
            &mut st.fallback_title,
        )
    } else {
        0
    };
    st.header = lines[..body_start]
        .iter()
        .filter(|l| !LABEL_RE.is_match(&l.text))
        .map(|l| l.text.clone())
        .collect();
    for (_, key, value) in &labels[leading..] {
        label(key, value, job, &mut st);
    }

    let mut kind = Kind::Intro;
    // The longest line of the current section so far: a list of short lines that runs into a
    // long paragraph has ended without a heading.
    let mut longest = 0usize;
    for (i, l) in lines.iter().enumerate().skip(body_start) {
        if used[i] {
            continue;
        }
        if LEGAL_RE.is_match(&l.text) {
            kind = Kind::Other;
        } else if kind != Kind::Intro
            && kind != Kind::Other
            && !l.bullet
            && l.text.len() > 400
            && longest > 0
            && longest <= 250
        {
            kind = Kind::Intro;
        }
        if let Some(k) = sections::heading(&l.text, l.heading) {
            // "As our Data Scientist, you will:" opens a section and names the role.
            st.headings.push(l.text.clone());
            kind = k;
            longest = 0;
            if k == Kind::About && job.company.is_none() {
                st.about_company = about_name(&l.text);
            }
            continue;
        }
        let (k, text) = match sections::inline_heading(&l.text) {
            Some((k, rest)) => {
                kind = k;
                (k, rest)
            }
            None => (kind, l.text.as_str()),
        };
        longest = longest.max(text.len());
        st.route(k, text, l.bullet);
    }
    st.finish(job, warnings);
}

/// Lines gathered per section, and label values waiting for the end.
#[derive(Default)]
struct State {
    responsibilities: Vec<String>,
    required: Vec<String>,
    preferred: Vec<String>,
    benefits: Vec<String>,
    education: Vec<String>,
    intro: Vec<String>,
    other: Vec<String>,
    salary: Option<String>,
    years: Option<String>,
    seniority: Option<String>,
    about_company: Option<String>,
    /// The first header line, when no header line names a role.
    fallback_title: Option<String>,
    /// The header lines as written, for the skills they name.
    header: Vec<String>,
    /// Section headings, for a title stated in one.
    headings: Vec<String>,
}

impl State {
    fn route(&mut self, kind: Kind, text: &str, bullet: bool) {
        // "-Bachelor's Degree": a bullet typed without its space.
        let text = text
            .trim()
            .trim_start_matches(['-', '*', '•', '·'])
            .trim()
            .to_string();
        if text.chars().filter(|c| c.is_alphabetic()).take(3).count() < 3 {
            return;
        }
        let list = match kind {
            Kind::Responsibilities => &self.responsibilities,
            Kind::Requirements | Kind::Preferred => &self.required,
            Kind::Benefits => &self.benefits,
            _ => &self.intro,
        };
        if list.contains(&text) || self.preferred.contains(&text) {
            return;
        }
        match kind {
            Kind::Responsibilities => self.responsibilities.push(text),
            Kind::Requirements if sections::cue(&text) == Some(false) => self.preferred.push(text),
            Kind::Requirements => self.required.push(text),
            Kind::Preferred => self.preferred.push(text),
            Kind::Benefits => self.benefits.push(text),
            Kind::Education => self.education.push(text),
            Kind::Intro if bullet && sections::cue(&text) == Some(false) => {
                self.preferred.push(text)
            }
            Kind::Intro => self.intro.push(text),
            Kind::About | Kind::Other => self.other.push(text),
        }
    }

    fn finish(self, job: &mut Job, warnings: &mut Vec<Warning>) {
        if job.title.is_none() {
            job.title = prose::title(
                self.intro
                    .iter()
                    .chain(&self.responsibilities)
                    .chain(&self.other)
                    .chain(&self.headings),
            )
            .or(self.fallback_title.clone());
        }
        if job.company.is_none() {
            job.company = prose::company(
                self.intro
                    .iter()
                    .chain(&self.other)
                    .chain(&self.responsibilities)
                    .chain(&self.benefits),
                self.about_company.as_deref(),
            );
        }
        if job.responsibilities.is_empty() {
            job.responsibilities = self.responsibilities.clone();
        }
        if job.requirements.is_empty() {
            job.requirements = self.required.clone();
        }
        if job.benefits.is_empty() {
            // A pay line under "Benefits" or "Compensation" is the salary, not a benefit.
            job.benefits = self
                .benefits
                .iter()
                .filter(|b| salary::find(b).is_none())
                .cloned()
                .collect();
        }
        if job.education.is_none() {
            job.education = self
                .education
                .iter()
                .chain(&self.required)
                .chain(&self.preferred)
                .chain(&self.intro)
                .find(|l| DEGREE_RE.is_match(l) && l.chars().count() <= 400)
                .map(|l| l.trim_end_matches(['.', ';']).to_string());
        }
        if job.years_min.is_none() {
            let label = self
                .years
                .as_deref()
                .and_then(|v| experience::find(&format!("{v} of experience")));
            let from = |ls: &[String]| {
                ls.iter()
                    .filter_map(|l| experience::find(l))
                    .reduce(|a, b| if b.min > a.min { b } else { a })
            };
            let found = label
                .or_else(|| from(&self.required))
                .or_else(|| from(&self.education))
                .or_else(|| from(&self.intro))
                .or_else(|| from(&self.responsibilities))
                .or_else(|| from(&self.preferred));
            if let Some(y) = found {
                job.years_min = Some(y.min);
                job.years_max = y.max;
            }
        }
        let all = || {
            self.intro
                .iter()
                .chain(&self.responsibilities)
                .chain(&self.required)
                .chain(&self.preferred)
                .chain(&self.education)
                .chain(&self.benefits)
                .chain(&self.other)
        };
        // The regexes below run once over the whole text rather than line by line.
        let joined = all().map(String::as_str).collect::<Vec<_>>().join("\n");
        if job.salary.is_none() {
            job.salary = self
                .salary
                .as_deref()
                .and_then(salary::parse_value)
                .or_else(|| salary::find(&joined));
        }
        let title = job.title.clone().unwrap_or_default();
        if job.employment_type.is_none() {
            job.employment_type = classify::employment_from_value(&title)
                .filter(|t| *t == crate::model::EmploymentType::Internship)
                .or_else(|| classify::employment_from_text(&joined));
        }
        if job.workplace_type.is_none() {
            job.workplace_type = job
                .locations
                .iter()
                .find_map(|l| classify::workplace_from_value(l))
                .or_else(|| classify::workplace_from_text(&title))
                .or_else(|| classify::workplace_from_text(&joined));
        }
        if job.seniority.is_none() {
            job.seniority = classify::seniority_from_title(&title)
                .or_else(|| {
                    self.seniority
                        .as_deref()
                        .and_then(classify::seniority_from_title)
                })
                .or_else(|| job.years_min.map(classify::seniority_from_years));
        }
        // Skills add up across passes (JSON-LD `skills`, then the description, then the page).
        let mut g = Gathered::from_existing(&job.required_skills, &job.preferred_skills);
        g.add_line(&title, false);
        for l in self.header.iter().chain(&self.required) {
            g.add_line(l, false);
        }
        for l in self
            .responsibilities
            .iter()
            .chain(&self.intro)
            .chain(&self.education)
        {
            g.add_line(l, false);
        }
        for l in &self.preferred {
            g.add_line(l, true);
        }
        (job.required_skills, job.preferred_skills) = g.finish();
        if job.title.is_none() {
            warnings.push(Warning::at("no-title", "title", "no job title found"));
        }
        if job.company.is_none() {
            warnings.push(Warning::at(
                "no-company",
                "company",
                "no company name found",
            ));
        }
    }
}

/// Applies one labelled line; `false` when the label is not one this parser uses.
fn label(key: &str, value: &str, job: &mut Job, st: &mut State) -> bool {
    let set = |f: &mut Option<String>, v: &str| {
        if f.is_none() {
            *f = Some(v.to_string());
        }
    };
    match key {
        "job title" | "posting title" | "position title" | "title" | "position" | "role" => {
            if value.split_whitespace().count() > 12
                || (!ROLE_RE.is_match(value) && classify::employment_from_value(value).is_some())
            {
                return false;
            }
            set(&mut job.title, value);
        }
        "company name" | "company" | "employer" | "organization" | "organisation"
        | "hiring company" => set(&mut job.company, value),
        "job location" | "work location" | "office location" | "location" | "locations"
        | "based in" | "city" | "place of work" => {
            let (places, workplace) = place::split_locations(value);
            if job.locations.is_empty() {
                job.locations = places;
            }
            if job.workplace_type.is_none() {
                job.workplace_type = workplace;
            }
        }
        "employment type" | "job type" | "contract type" | "position type"
        | "type of employment" | "schedule" | "commitment" => {
            if job.employment_type.is_none() {
                job.employment_type = classify::employment_from_value(value);
            }
            if job.workplace_type.is_none() {
                job.workplace_type = classify::workplace_from_value(value);
            }
        }
        "salary range" | "pay range" | "base salary" | "salary" | "compensation" | "pay"
        | "hourly rate" | "rate" | "wage" => set(&mut st.salary, value),
        "workplace type" | "workplace" | "work model" | "work arrangement" | "work setting"
        | "location type" | "remote" => {
            if job.workplace_type.is_none() {
                job.workplace_type = match classify::workplace_from_value(value) {
                    None if key == "remote" && value.to_lowercase().starts_with("yes") => {
                        Some(crate::model::WorkplaceType::Remote)
                    }
                    w => w,
                };
            }
        }
        "date posted" | "posting date" | "posted on" | "posted" | "published" => {
            set(&mut job.date_posted, &iso_date(value))
        }
        "closing date"
        | "application deadline"
        | "apply by"
        | "deadline"
        | "valid through"
        | "expires"
        | "closes" => set(&mut job.valid_through, &iso_date(value)),
        "years of experience" | "experience required" | "required experience" | "experience" => {
            if value.split_whitespace().count() > 8 {
                return false;
            }
            set(&mut st.years, value);
        }
        "experience level" | "seniority level" | "seniority" | "career level" | "level" => {
            set(&mut st.seniority, value);
            if experience::find(&format!("{value} of experience")).is_some() {
                set(&mut st.years, value);
            }
        }
        "education level" | "education" | "degree" => set(&mut job.education, value),
        // Recognised so they are not taken for titles or companies; no field holds them.
        "department" | "team" | "reports to" | "industry" | "start date" | "duration" => {}
        _ => return false,
    }
    true
}

/// A date value as ISO 8601 when it parses, else as written.
fn iso_date(value: &str) -> String {
    match date::parse_date(value) {
        Some(date::DatePoint::Date(d)) => d.to_string(),
        _ => value.to_string(),
    }
}

/// The name in an "About Acme" heading.
fn about_name(heading: &str) -> Option<String> {
    let t = heading.trim().trim_matches(['*', '#', '_', ':']).trim();
    let name = t
        .strip_prefix("About ")
        .or_else(|| t.strip_prefix("About"))?
        .trim();
    let lower = name.to_lowercase();
    let generic = [
        "us",
        "you",
        "the",
        "this",
        "our",
        "the role",
        "the company",
        "the team",
    ];
    (!name.is_empty()
        && name.split_whitespace().count() <= 4
        && !generic
            .iter()
            .any(|g| lower == *g || lower.starts_with(&format!("{g} "))))
    .then(|| name.trim_end_matches(':').to_string())
}
