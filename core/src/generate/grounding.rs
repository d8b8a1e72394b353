//! Grounding: checks that generated text claims nothing the profile does not support.
//!
//! Career text goes wrong in a few predictable ways: an employer the person never worked for,
//! a title they never held, a date moved, a degree upgraded, a number inflated, a skill they
//! lack, more years of experience than they have. [`Facts`] gathers what the profile supports
//! (plus the target job's title and company, which a letter may name), and [`Facts::check`]
//! lists every claim in a text that falls outside it. The checks are deliberately strict: a
//! false alarm costs a retry, a missed fabrication costs the person their credibility.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ats::experience::{degree_level, experience_months, latest_date, profile_degree};
use crate::model::date::{DatePoint, find_dates};
use crate::model::{Job, PartialDate, Profile};
use crate::skills::{SkillId, SkillSource, Taxonomy};

/// What kind of claim failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// "at Google", "joined Initech": an organisation not in the profile.
    Employer,
    /// "worked as a Staff Engineer": a title not in the profile.
    Title,
    /// A year or month the profile's dates and text do not contain.
    Date,
    /// A degree above the highest in the profile.
    Degree,
    /// A figure (count, percentage, amount) not in the profile.
    Number,
    /// A skill from the taxonomy the profile never mentions.
    Skill,
    /// More years of experience than the profile shows.
    Experience,
    /// A proper name found neither in the profile nor in the job.
    Name,
    /// An output item cites evidence ids that do not exist, or none where some are required.
    Source,
}

/// One unsupported claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Violation {
    pub kind: ClaimKind,
    /// The words of the claim, as generated.
    pub claim: String,
    /// Why it is unsupported, in words a model (and a person) can act on.
    pub reason: String,
}

/// A figure with its kind: percentages never ground plain counts and back.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Quantity {
    value: f64,
    percent: bool,
}

/// What a profile supports, and what a text about a job may also name.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Lower-case words of the profile.
    vocab: HashSet<String>,
    /// The profile's text, lower case and one-spaced, for phrase lookups.
    corpus: String,
    /// Lower-case words of the job: enough for a plain name ("your Payments team"), never for
    /// an employer, a title or a skill.
    job_vocab: HashSet<String>,
    /// The job's title and company, masked before the skill and name checks so that naming
    /// the role ("the Senior Rust Engineer role") is not claiming Rust.
    masks: Vec<Regex>,
    numbers: Vec<Quantity>,
    years: HashSet<u16>,
    months: HashSet<(u16, u8)>,
    /// Years for which the profile gives month-precise dates: only there is a month checked.
    month_years: HashSet<u16>,
    skills: HashSet<SkillId>,
    /// Each position (and the headline) as a set of words.
    titles: Vec<HashSet<String>>,
    degree: u8,
    max_years: u32,
    /// Whether to flag capitalised words outside the profile and job. Off for German, which
    /// capitalises every noun.
    check_names: bool,
}

/// Keys of the profile JSON whose strings are not content.
const SKIP_KEYS: &[&str] = &[
    "x-id",
    "x-provenance",
    "url",
    "image",
    "$schema",
    "meta",
    "email",
    "phone",
];

fn collect_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => {
            for (k, x) in o {
                if !SKIP_KEYS.contains(&k.as_str()) {
                    collect_strings(x, out);
                }
            }
        }
        _ => {}
    }
}

/// Lower-case word tokens; possessives are cut ("Acme's" is "acme").
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '+' || c == '#'))
        .map(|w| {
            let w = w.trim_matches(|c| c == '\'' || c == '’');
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("dozen", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("hundreds", 100.0),
];

fn number_word(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

static NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?:^|[^\w.,])
        (?P<cur>[$€£¥])?\s?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?:\s?(?P<unit>%|percent\b|per\s?cent\b|k\b|m\b|mm\b|million\b|bn\b|b\b|billion\b|x\b))?",
    )
    .expect("number pattern")
});

static EXPERIENCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
    Regex::new(&format!(
        r"(?i)\b(?P<n>\d+|{})\s*\+?\s*(?:full\s+)?(?:years?|yrs?|jahre?n?|ans|años)\b",
        words.join("|")
    ))
    .expect("experience pattern")
});

static WORD_NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", words.join("|"))).expect("number words")
});

/// A capitalised word or a run of them (with the small words names contain).
const CAP_SEQ: &str =
    r"[\p{Lu}][\p{L}\p{N}&'’.\-]*(?:\s+(?:[\p{Lu}][\p{L}\p{N}&'’.\-]*|&|of|and|de|der|für))*";

static EMPLOYER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:at|joined|for|with|from|bei|chez|en|para|pour)\s+(?:the\s+)?(?P<org>{CAP_SEQ})"
    ))
    .expect("employer pattern")
});

static TITLE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?i:worked|working|served|serving|employed|experience|years|tenure|time|role|position|career|promoted)\s+(?:to\s+)?as|(?:^|[.!?:]\s+)As|(?i:promoted\s+to))\s+(?:(?i:an?|the|my)\s+)?(?P<title>{CAP_SEQ})"
    ))
    .expect("title pattern")
});

static CAP_WORD_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[\p{Lu}][\p{L}\p{N}'’\-+#]*").expect("capitalised word"));

/// Capitalised words every letter may use.
const COMMON: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "dear",
    "hiring",
    "manager",
    "managers",
    "team",
    "teams",
    "sincerely",
    "regards",
    "kind",
    "best",
    "yours",
    "faithfully",
    "thank",
    "thanks",
    "mr",
    "ms",
    "mrs",
    "mx",
    "dr",
    "sir",
    "madam",
    "recruiter",
    "recruiting",
    "talent",
    "acquisition",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "english",
    "madame",
    "monsieur",
    "estimado",
    "estimada",
    "señor",
    "señora",
    "atentamente",
    "cordialement",
    "saludos",
    "ceo",
    "cto",
    "hr",
];

fn parse_quantity(c: &regex::Captures<'_>) -> Option<Quantity> {
    let num = c.name("num")?.as_str().replace(',', "");
    let mut value: f64 = num.parse().ok()?;
    let unit = c
        .name("unit")
        .map(|u| u.as_str().to_lowercase().replace(' ', ""));
    let percent = matches!(
        unit.as_deref(),
        Some("%" | "percent" | "percent\u{0}" | "percents")
    ) || unit.as_deref().is_some_and(|u| u.starts_with("per"));
    value *= match unit.as_deref() {
        Some("k") => 1e3,
        Some("m" | "mm" | "million") => 1e6,
        Some("b" | "bn" | "billion") => 1e9,
        _ => 1.0,
    };
    Some(Quantity { value, percent })
}

fn quantities(text: &str) -> Vec<(Quantity, (usize, usize))> {
    let mut out: Vec<(Quantity, (usize, usize))> = NUMBER_RE
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let start = c.name("cur").or_else(|| c.name("num"))?.start();
            Some((parse_quantity(&c)?, (start, m.end())))
        })
        .collect();
    for m in WORD_NUMBER_RE.find_iter(text) {
        if let Some(v) = number_word(m.as_str()) {
            let percent = text[m.end()..]
                .trim_start()
                .to_lowercase()
                .starts_with("percent");
            out.push((Quantity { value: v, percent }, (m.start(), m.end())));
        }
    }
    out
}

fn is_year(q: Quantity, raw: &str) -> Option<u16> {
    let digits = raw.trim();
    (!q.percent && digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse::<u16>().ok())
        .flatten()
        .filter(|y| (1950..=2099).contains(y))
}

fn whole_phrase(text: &str) -> Option<Regex> {
    let t = text.trim();
    if t.chars().count() < 2 {
        return None;
    }
    Regex::new(&format!(r"(?i)\b{}\b", regex::escape(t))).ok()
}

impl Facts {
    /// What `profile` supports. `job`'s title and company (and its words, for plain names)
    /// may be named too. `as_of` ends ongoing roles (the latest date in the profile if `None`).
    pub fn new(profile: &Profile, job: Option<&Job>, as_of: Option<PartialDate>) -> Facts {
        let value = serde_json::to_value(profile).unwrap_or(Value::Null);
        let mut strings = Vec::new();
        collect_strings(&value, &mut strings);
        let mut facts = Facts {
            vocab: HashSet::new(),
            corpus: String::new(),
            job_vocab: HashSet::new(),
            masks: Vec::new(),
            numbers: Vec::new(),
            years: HashSet::new(),
            months: HashSet::new(),
            month_years: HashSet::new(),
            skills: HashSet::new(),
            titles: Vec::new(),
            degree: profile_degree(profile),
            max_years: 0,
            check_names: true,
        };
        let tax = Taxonomy::builtin();
        let mut stated_years = 0u32;
        for s in &strings {
            facts.vocab.extend(tokens(s));
            facts.corpus.push(' ');
            facts.corpus.extend(s.split_whitespace().flat_map(|w| {
                w.chars()
                    .flat_map(char::to_lowercase)
                    .chain(std::iter::once(' '))
            }));
            for (q, span) in quantities(s) {
                facts.numbers.push(q);
                if let Some(y) = is_year(q, &s[span.0..span.1]) {
                    facts.years.insert(y);
                }
            }
            for c in EXPERIENCE_RE.captures_iter(s) {
                let n = c.name("n").map(|m| m.as_str()).unwrap_or("");
                let n = n
                    .parse::<f64>()
                    .ok()
                    .or_else(|| number_word(n))
                    .unwrap_or(0.0);
                stated_years = stated_years.max(n as u32);
            }
            facts
                .skills
                .extend(tax.find(s).into_iter().map(|m| m.skill));
            if s.contains(['\n', '\t', '\r']) || s.contains("  ") {
                // Generated text joins a PDF's broken lines; match it as it will read.
                let spaced = s.split_whitespace().collect::<Vec<_>>().join(" ");
                facts
                    .skills
                    .extend(tax.find(&spaced).into_iter().map(|m| m.skill));
            }
            // A skills keyword is often a bare name ("Bootstrap 5") that reads differently
            // in running text; look each list item up as a name too.
            for piece in s.split([',', ';', '/', '|', '•', '(', ')', ':']) {
                if let Some(e) = tax.lookup(piece.trim()) {
                    facts.skills.insert(e.id);
                }
            }
            // Education the parser could not structure still counts.
            facts.degree = facts.degree.max(degree_level(s));
            facts.add_dates(s);
        }
        let dated = profile
            .work
            .iter()
            .flat_map(|w| [w.start(), w.end()])
            .chain(profile.volunteer.iter().flat_map(|w| [w.start(), w.end()]))
            .chain(profile.education.iter().flat_map(|e| [e.start(), e.end()]))
            .chain(profile.projects.iter().flat_map(|p| [p.start(), p.end()]))
            .flatten();
        for d in dated {
            facts.add_date(d);
        }
        let positions = profile
            .work
            .iter()
            .map(|w| w.position.as_deref())
            .chain(profile.volunteer.iter().map(|v| v.position.as_deref()))
            .chain(
                profile
                    .projects
                    .iter()
                    .flat_map(|p| p.roles.iter().map(|r| Some(r.as_str()))),
            )
            .chain(std::iter::once(
                profile.basics.as_ref().and_then(|b| b.label.as_deref()),
            ))
            .flatten();
        facts.titles = positions.map(|t| tokens(t).collect()).collect();
        // The same "today" the ATS score uses: the caller's, the posting date, the profile's
        // latest date.
        let posted = job.and_then(|j| j.date_posted.as_deref()).and_then(|d| {
            PartialDate::parse_iso(d.get(..10).unwrap_or(d))
                .or_else(|| PartialDate::parse_iso(d.get(..7).unwrap_or(d)))
        });
        let as_of = as_of.or(posted).or_else(|| latest_date(profile));
        if let Some(d) = as_of {
            facts.years.insert(d.year);
        }
        let months = as_of.map_or(0, |d| experience_months(profile, d));
        facts.max_years = stated_years.max(months.div_ceil(12));
        if let Some(job) = job {
            for part in [job.title.as_deref(), job.company.as_deref()]
                .into_iter()
                .flatten()
            {
                facts.masks.extend(whole_phrase(part));
                facts.job_vocab.extend(tokens(part));
            }
            for l in &job.locations {
                facts.job_vocab.extend(tokens(l));
            }
            for line in job
                .requirements
                .iter()
                .chain(&job.responsibilities)
                .chain(&job.benefits)
                .chain(std::iter::once(&job.description))
            {
                facts.job_vocab.extend(tokens(line));
            }
        }
        facts
    }

    fn add_date(&mut self, d: PartialDate) {
        self.years.insert(d.year);
        if let Some(m) = d.month {
            self.months.insert((d.year, m));
            self.month_years.insert(d.year);
        }
    }

    fn add_dates(&mut self, text: &str) {
        for (p, _) in find_dates(text) {
            if let DatePoint::Date(d) = p {
                self.add_date(d);
            }
        }
    }

    /// Also allows what `text` says (a letter's date line, a recipient the caller named).
    pub fn allow(&mut self, text: &str) {
        self.vocab.extend(tokens(text));
        for (q, span) in quantities(text) {
            self.numbers.push(q);
            if let Some(y) = is_year(q, &text[span.0..span.1]) {
                self.years.insert(y);
            }
        }
        self.add_dates(text);
    }

    /// Turns the capitalised-name check on or off (off for German text).
    pub fn check_names(mut self, on: bool) -> Facts {
        self.check_names = on;
        self
    }

    /// Most years of experience a text may claim.
    pub fn max_years(&self) -> u32 {
        self.max_years
    }

    /// Whether the profile has `phrase` as whole words (the taxonomy's matcher weighs context,
    /// so the same name can be found in one sentence and not in another).
    fn says(&self, phrase: &str) -> bool {
        let p = phrase.to_lowercase();
        let p = p.trim();
        !p.is_empty()
            && self.corpus.match_indices(p).any(|(i, _)| {
                let before = self.corpus[..i].chars().next_back();
                let after = self.corpus[i + p.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
    }

    fn known(&self, word: &str) -> bool {
        self.vocab.contains(word)
    }

    fn has_number(&self, q: Quantity) -> bool {
        self.numbers.iter().any(|n| {
            n.percent == q.percent && (n.value - q.value).abs() <= 1e-9 * q.value.abs().max(1.0)
        })
    }

    /// Every unsupported claim in `text`, in order of kind; empty when the text is grounded.
    pub fn check(&self, text: &str) -> Vec<Violation> {
        let mut out: Vec<Violation> = Vec::new();
        let push = |out: &mut Vec<Violation>, kind, claim: &str, reason: String| {
            let v = Violation {
                kind,
                claim: claim.trim().to_string(),
                reason,
            };
            if !out.contains(&v) {
                out.push(v);
            }
        };

        // Titles first, on the text as written: "worked as a Senior Rust Engineer" claims the
        // job's own title as a past one.
        for c in TITLE_RE.captures_iter(text) {
            let Some(t) = c.name("title") else { continue };
            let words: Vec<String> = tokens(t.as_str())
                .filter(|w| !matches!(w.as_str(), "of" | "and" | "&" | "de" | "der" | "für"))
                .collect();
            let held = self
                .titles
                .iter()
                .any(|title| words.iter().all(|w| title.contains(w)));
            if !held {
                push(
                    &mut out,
                    ClaimKind::Title,
                    t.as_str(),
                    "no position in the profile has this title".into(),
                );
            }
        }

        let tax = Taxonomy::builtin();
        let masked = self.mask(text);
        let mut employer_spans: Vec<(usize, usize)> = Vec::new();
        for c in EMPLOYER_RE.captures_iter(&masked) {
            let Some(org) = c.name("org") else { continue };
            // A name ends with its sentence: "... Informatics. There I" is two.
            let org_text = org.as_str().split(". ").next().unwrap_or("");
            if tax.lookup(org_text.trim_end_matches('.')).is_some() {
                // "with Haskell" is a skill claim; the skill check reports it.
                continue;
            }
            let unknown: Vec<String> = cap_words(org_text)
                .filter(|w| !self.known(w) && !COMMON.contains(&w.as_str()))
                .collect();
            if !unknown.is_empty() {
                employer_spans.push((org.start(), org.start() + org_text.len()));
                push(
                    &mut out,
                    ClaimKind::Employer,
                    org_text,
                    format!(
                        "no employer, school or organisation in the profile is called this ({} not in the profile)",
                        unknown.join(", ")
                    ),
                );
            }
        }

        // Years of experience, then every other figure.
        let mut counted: Vec<(usize, usize)> = Vec::new();
        for c in EXPERIENCE_RE.captures_iter(&masked) {
            let Some(n) = c.name("n") else { continue };
            counted.push((n.start(), n.end()));
            let value = n
                .as_str()
                .parse::<f64>()
                .ok()
                .or_else(|| number_word(n.as_str()))
                .unwrap_or(0.0);
            let claim = c.get(0).map_or("", |m| m.as_str());
            // "10 years of Kubernetes" and "10 years of experience" both claim ten years.
            if value > f64::from(self.max_years) {
                push(
                    &mut out,
                    ClaimKind::Experience,
                    claim,
                    format!(
                        "the profile shows at most {} years of experience",
                        self.max_years
                    ),
                );
            }
        }
        for (q, (s, e)) in quantities(&masked) {
            if counted.iter().any(|&(cs, ce)| s < ce && cs < e) {
                continue;
            }
            let raw = &masked[s..e];
            let digits = raw.trim_start_matches(['$', '€', '£', '¥', ' ']);
            if let Some(y) = is_year(q, digits) {
                if !self.years.contains(&y) && !self.has_number(q) {
                    push(
                        &mut out,
                        ClaimKind::Date,
                        raw,
                        format!("{y} is not a year in the profile"),
                    );
                }
                continue;
            }
            if !self.has_number(q) {
                push(
                    &mut out,
                    ClaimKind::Number,
                    raw,
                    "this figure does not appear in the profile".into(),
                );
            }
        }
        for (p, (s, e)) in find_dates(&masked) {
            if let DatePoint::Date(PartialDate {
                year,
                month: Some(m),
                ..
            }) = p
                && self.month_years.contains(&year)
                && !self.months.contains(&(year, m))
            {
                push(
                    &mut out,
                    ClaimKind::Date,
                    &masked[s..e],
                    "the profile has no date with this month and year".into(),
                );
            }
        }

        // Degrees, sentence by sentence.
        for sentence in masked.split(['!', '?', '\n']).flat_map(|s| s.split(". ")) {
            let level = degree_level(sentence);
            if level > self.degree {
                push(
                    &mut out,
                    ClaimKind::Degree,
                    sentence,
                    format!(
                        "names a {} but the profile's highest degree is {}",
                        level_name(level),
                        level_name(self.degree)
                    ),
                );
            }
        }

        // Skills the taxonomy knows (curated and O*NET: ESCO's labels include everyday words).
        let mut skill_spans: Vec<(usize, usize)> = Vec::new();
        for m in tax.find(&masked) {
            let entry = tax.get(m.skill);
            if entry.source == SkillSource::Esco || entry.category == "soft" {
                continue;
            }
            if !self.skills.contains(&m.skill) && !self.says(&m.matched) {
                skill_spans.push((m.start, m.end));
                push(
                    &mut out,
                    ClaimKind::Skill,
                    &m.matched,
                    format!("the profile never mentions {}", entry.name),
                );
            }
        }

        if self.check_names {
            for m in CAP_WORD_RE.find_iter(&masked) {
                if employer_spans
                    .iter()
                    .chain(&skill_spans)
                    .any(|&(s, e)| m.start() < e && s < m.end())
                    || sentence_initial(&masked, m.start())
                {
                    continue;
                }
                let w = tokens(m.as_str()).collect::<Vec<_>>().join(" ");
                if w.is_empty()
                    || tokens(m.as_str()).all(|t| {
                        self.known(&t)
                            || self.job_vocab.contains(&t)
                            || COMMON.contains(&t.as_str())
                    })
                {
                    continue;
                }
                push(
                    &mut out,
                    ClaimKind::Name,
                    m.as_str(),
                    "this name appears in neither the profile nor the job".into(),
                );
            }
        }
        out.sort_by_key(|v| v.kind as u8);
        out
    }

    fn mask(&self, text: &str) -> String {
        let mut t = text.to_string();
        for re in &self.masks {
            t = re.replace_all(&t, " ~ ").into_owned();
        }
        t
    }
}

fn cap_words(seq: &str) -> impl Iterator<Item = String> + '_ {
    CAP_WORD_RE
        .find_iter(seq)
        .flat_map(|m| tokens(m.as_str()).collect::<Vec<_>>())
}

/// Whether the word at `at` opens a sentence (or the text, a line, a quotation).
fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '"', '“', '(', '\'', '‘']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '\n', '•', '-', '–', '—'])
}

fn level_name(level: u8) -> &'static str {
    match level {
        0 => "none",
        1 => "an associate degree",
        2 => "a bachelor's degree",
        3 => "a master's degree",
        _ => "a doctorate",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::{Hint, parse_job, parse_resume};

    const RESUME: &str = include_str!("../../../examples/data/jane-doe.md");
    const JOB: &str = include_str!("../../../examples/data/senior-rust-engineer.txt");

    fn facts() -> Facts {
        let p = parse_resume(RESUME.as_bytes(), &Hint::default())
            .unwrap()
            .value;
        let j = parse_job(JOB.as_bytes(), &Hint::default()).unwrap().value;
        Facts::new(&p, Some(&j), Some(PartialDate::month(2026, 12)))
    }

    fn kinds(text: &str) -> Vec<ClaimKind> {
        facts().check(text).into_iter().map(|v| v.kind).collect()
    }

    #[test]
    fn grounded_text_passes() {
        let f = facts();
        for t in [
            "At Lumen Analytics GmbH, I designed and built a Rust ingestion service handling 40k events per second, cutting infrastructure cost by 35%.",
            "I am applying for the Senior Rust Engineer role at Ferrous Systems Cloud.",
            "Backend engineer with eight years of experience in Rust, Go and PostgreSQL.",
            "At Northwind Logistics I built route-optimisation APIs serving 2 million requests per day.",
            "I hold an M.Sc. in Computer Science from the Technical University of Munich (2015).",
            "Dear Hiring Manager,",
            "I mentored four engineers; two were promoted within a year.",
        ] {
            assert_eq!(f.check(t), vec![], "{t}");
        }
    }

    #[test]
    fn every_fabrication_is_caught() {
        assert!(kinds("At Google, I led the search team.").contains(&ClaimKind::Employer));
        assert!(kinds("I joined Initech in 2019.").contains(&ClaimKind::Employer));
        assert!(kinds("I worked as a Principal Architect at Lumen.").contains(&ClaimKind::Title));
        assert!(kinds("I worked as a Senior Rust Engineer.").contains(&ClaimKind::Title));
        assert!(kinds("cutting infrastructure cost by 55%").contains(&ClaimKind::Number));
        assert!(kinds("handling 400k events per second").contains(&ClaimKind::Number));
        assert!(kinds("I mentored twelve engineers.").contains(&ClaimKind::Number));
        assert!(kinds("I have deep experience with Haskell.").contains(&ClaimKind::Skill));
        assert!(kinds("Since March 2018 I have led the team.").contains(&ClaimKind::Date));
        assert!(kinds("In 2009 I started programming.").contains(&ClaimKind::Date));
        assert!(kinds("I hold a PhD in Computer Science.").contains(&ClaimKind::Degree));
        assert!(
            kinds("I bring 15 years of Kubernetes experience.").contains(&ClaimKind::Experience)
        );
        assert!(kinds("My work impressed Zorblax and the board.").contains(&ClaimKind::Name));
    }

    #[test]
    fn naming_the_role_is_not_claiming_its_skills() {
        let p = parse_resume(b"Sam Roe\nsam@example.com\n\nExperience\nClerk, Shop, 2019 - 2021\n- Served customers\n", &Hint::default())
            .unwrap()
            .value;
        let j = parse_job(JOB.as_bytes(), &Hint::default()).unwrap().value;
        let f = Facts::new(&p, Some(&j), None);
        assert_eq!(
            f.check("I am applying for the Senior Rust Engineer role at Ferrous Systems Cloud."),
            vec![]
        );
        assert!(
            f.check("I have used Rust for years.")
                .iter()
                .any(|v| v.kind == ClaimKind::Skill)
        );
    }

    #[test]
    fn allowed_text_extends_the_facts() {
        let mut f = facts();
        assert!(!f.check("7 December 2031").is_empty());
        f.allow("7 December 2031");
        assert_eq!(f.check("7 December 2031"), vec![]);
    }
}
