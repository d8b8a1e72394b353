//! ATS: an explainable score of a profile against a job.
//!
//! [`score`] returns a 0–100 score with a breakdown whose every point has evidence: each met
//! requirement names the profile item that meets it (`work[2].highlights[1]`), each unmet one
//! says so, and credit through an alias or a related skill is marked. Suggestions name the item
//! to change and why; a skill the person does not show anywhere is a gap to learn, never a
//! keyword to add.
//!
//! The score is deterministic: the same inputs give the same score on every platform (plain
//! IEEE arithmetic, sorted iteration, rounding to two decimals at the end).

use serde::{Deserialize, Serialize};

use crate::ingest::LayoutSignals;
use crate::model::{Job, JobSkill, PartialDate, Profile};
use crate::skills::{SkillEntry, Taxonomy};

pub mod bullets;
mod checks;
pub mod evidence;
pub mod experience;

use evidence::{FieldKind, ProfileIndex, stem, words};

/// Weights of the score's components. A component that does not apply (the job states no
/// years, no preferred skills, ...) drops out and the others are scaled up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub required_skills: f64,
    pub preferred_skills: f64,
    pub title: f64,
    pub experience: f64,
    pub education: f64,
    pub keywords: f64,
    pub sections: f64,
    pub contact: f64,
    pub parsability: f64,
    pub bullets: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            required_skills: 30.0,
            preferred_skills: 8.0,
            title: 12.0,
            experience: 15.0,
            education: 5.0,
            keywords: 10.0,
            sections: 5.0,
            contact: 4.0,
            parsability: 6.0,
            bullets: 5.0,
        }
    }
}

/// Options for [`score_with`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreConfig {
    pub weights: Weights,
    /// "Today", for ongoing jobs. The core reads no clock; without it the latest date in the
    /// profile or the job's posting date stands in.
    pub as_of: Option<PartialDate>,
    /// Credit for a related skill (React for JavaScript), 0 to 1.
    pub related_credit: Option<f64>,
}

/// How a job skill was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Credit {
    /// The same skill, under its canonical name.
    Exact,
    /// The same skill under another name (Postgres for PostgreSQL): full credit.
    Alias,
    /// A related skill (React for JavaScript): partial credit.
    Related,
}

/// A job skill the profile meets, with where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matched {
    pub skill: String,
    pub required: bool,
    pub credit: Credit,
    /// Path of the profile item that meets it, e.g. `work[0].highlights[2]`.
    pub evidence: String,
    /// The words in the profile that matched.
    pub evidence_text: String,
    /// The skill is only claimed in the skills section, never shown in experience.
    pub only_in_skills_section: bool,
}

/// A job skill the profile does not meet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Missing {
    pub skill: String,
    pub required: bool,
}

/// One part of the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    pub name: String,
    pub weight: f64,
    /// 0 to 1.
    pub value: f64,
    /// Points contributed to the 0–100 score.
    pub points: f64,
    /// What was measured, for people.
    pub detail: String,
}

/// A concrete change, naming the item and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// `add-skill-to-section`, `learn-skill`, `quantify-bullet`, `action-verb`, `first-person`,
    /// `bullet-length`, `add-section`, `add-contact`, `layout-*`, `dates`, `title`, ...
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub message: String,
    /// Rough points the change could add.
    pub impact: f64,
}

impl Suggestion {
    fn new(kind: &str, path: Option<&str>, message: impl Into<String>, impact: f64) -> Self {
        Suggestion {
            kind: kind.into(),
            path: path.map(Into::into),
            message: message.into(),
            impact: round2(impact),
        }
    }
}

/// The explainable result of [`score`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AtsReport {
    /// 0 to 100.
    pub score: f64,
    pub breakdown: Vec<Component>,
    pub matched: Vec<Matched>,
    pub missing: Vec<Missing>,
    /// Words from the job's responsibilities and requirements found in the profile.
    pub matched_keywords: Vec<String>,
    pub missing_keywords: Vec<String>,
    pub experience_years: f64,
    pub suggestions: Vec<Suggestion>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Scores `profile` against `job` with the default configuration and no layout signals.
pub fn score(profile: &Profile, job: &Job) -> AtsReport {
    score_with(profile, job, None, &ScoreConfig::default())
}

/// Scores `profile` against `job`. `layout` comes from [`Parsed::layout`](crate::Parsed) when
/// the profile was parsed from a document.
pub fn score_with(
    profile: &Profile,
    job: &Job,
    layout: Option<&LayoutSignals>,
    config: &ScoreConfig,
) -> AtsReport {
    score_prepared(&PreparedProfile::new(profile), job, layout, config)
}

/// The job-independent work on a profile, done once: every field with the skills found in it,
/// its words, bullet checks, title tokens and degree. Score one profile against many jobs with
/// [`score_prepared`]; the result is the same as [`score_with`].
#[derive(Debug)]
pub struct PreparedProfile<'a> {
    profile: &'a Profile,
    index: ProfileIndex<'a>,
    /// Experience bullets (field index) with their flaws.
    bullets: Vec<(usize, bullets::BulletFlaws)>,
    titles: Vec<(Vec<String>, f64, String)>,
    degree: u8,
    latest: Option<PartialDate>,
}

impl<'a> PreparedProfile<'a> {
    pub fn new(profile: &'a Profile) -> Self {
        let index = ProfileIndex::new(profile, Taxonomy::builtin());
        let bullets = index
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == FieldKind::Experience && f.path.contains(".highlights["))
            .map(|(i, f)| (i, bullets::assess(f.text)))
            .collect();
        PreparedProfile {
            profile,
            bullets,
            titles: experience::profile_titles(profile),
            degree: experience::profile_degree(profile),
            latest: experience::latest_date(profile),
            index,
        }
    }

    /// The profile's fields and the skills found in them.
    pub fn index(&self) -> &ProfileIndex<'a> {
        &self.index
    }
}

/// Scores a [`PreparedProfile`] against `job`; see [`score_with`].
pub fn score_prepared(
    prepared: &PreparedProfile<'_>,
    job: &Job,
    layout: Option<&LayoutSignals>,
    config: &ScoreConfig,
) -> AtsReport {
    let tax = Taxonomy::builtin();
    let profile = prepared.profile;
    let index = &prepared.index;
    let w = &config.weights;
    let mut suggestions = Vec::new();
    let mut parts: Vec<(String, f64, Option<f64>, String)> = Vec::new();

    // Skills, required and preferred. A skill both required and preferred counts as required.
    let related_credit = config.related_credit.unwrap_or(0.5).clamp(0.0, 1.0);
    let mut matched = Vec::new();
    let mut missing = Vec::new();
    let required = dedup(&job.required_skills, tax, &[]);
    let preferred = dedup(&job.preferred_skills, tax, &required);
    let n_required = required.len();
    for (is_required, list, weight, name) in [
        (true, required, w.required_skills, "required_skills"),
        (false, preferred, w.preferred_skills, "preferred_skills"),
    ] {
        let mut got = 0.0;
        let n = list.len();
        for (js, entry) in list {
            match meet(index, tax, js, entry, is_required, related_credit) {
                Some((m, credit)) => {
                    got += credit;
                    if m.only_in_skills_section && m.credit != Credit::Related {
                        suggestions.push(Suggestion::new("show-skill-in-experience", Some(&m.evidence), format!("{} is listed in your skills but no role shows it; if you used it, say where in a bullet.", m.skill), 1.0));
                    }
                    matched.push(m);
                }
                None => missing.push(Missing {
                    skill: js.name.clone(),
                    required: is_required,
                }),
            }
        }
        let value = (n > 0).then(|| got / n as f64);
        let detail = format!(
            "{} of {} met",
            matched.iter().filter(|m| m.required == is_required).count(),
            n
        );
        parts.push((name.into(), weight, value, detail));
    }
    for m in &missing {
        let kind = if m.required { "required" } else { "preferred" };
        suggestions.push(Suggestion::new(
            "learn-skill",
            None,
            format!("{} ({kind}) does not appear anywhere in your profile: a gap to close, not a keyword to add.", m.skill),
            if m.required { w.required_skills / (n_required.max(1) as f64) } else { 1.0 },
        ));
    }

    // Title.
    let title = experience::titles_alignment(&prepared.titles, job);
    if let Some((v, t)) = &title {
        if *v < 0.5 {
            suggestions.push(Suggestion::new("title", Some("basics.label"), format!("Your titles share little with \"{}\"; if your work matches it, use a headline close to the job's title.", job.title.as_deref().unwrap_or_default()), w.title * (1.0 - v) / 2.0));
        }
        parts.push((
            "title".into(),
            w.title,
            Some(*v),
            if t.is_empty() {
                "no titles in profile".into()
            } else {
                format!("best match: {t}")
            },
        ));
    }

    // Experience: years against the requirement, and seniority.
    let as_of = config
        .as_of
        .or_else(|| {
            job.date_posted.as_deref().and_then(|d| {
                PartialDate::parse_iso(d.get(..10).unwrap_or(d))
                    .or_else(|| PartialDate::parse_iso(d.get(..7).unwrap_or(d)))
            })
        })
        .or(prepared.latest)
        .unwrap_or(PartialDate::year(2000));
    let months = experience::experience_months(profile, as_of);
    let years = f64::from(months) / 12.0;
    let years_fit = job.years_min.map(|min| {
        if min <= 0.0 {
            1.0
        } else {
            (years / f64::from(min)).min(1.0)
        }
    });
    // No roles is no evidence of any level (not the junior level the years would suggest).
    let level_fit = job.seniority.map(|s| {
        if profile.work.is_empty() {
            0.0
        } else {
            experience::seniority_fit(experience::profile_seniority(profile, months), s)
        }
    });
    let exp = match (years_fit, level_fit) {
        (Some(a), Some(b)) => Some(0.7 * a + 0.3 * b),
        (a, b) => a.or(b),
    };
    if let Some(min) = job.years_min {
        if years < f64::from(min) {
            suggestions.push(Suggestion::new("experience", Some("work"), format!("The job asks for {min} years; your dated roles add up to {years:.1}. Make sure every role has start and end dates."), 2.0));
        }
    }
    parts.push((
        "experience".into(),
        w.experience,
        exp,
        format!(
            "{years:.1} years (overlaps counted once); job asks {}",
            job.years_min
                .map_or("no minimum".to_string(), |m| format!("{m}+"))
        ),
    ));

    // Education.
    // The lowest degree the job names (a "Bachelor's or Master's" asks for a bachelor).
    let want_degree = job
        .education
        .as_deref()
        .map(experience::lowest_degree_level)
        .filter(|l| *l > 0)
        .or_else(|| {
            job.requirements
                .iter()
                .map(|r| experience::lowest_degree_level(r))
                .filter(|l| *l > 0)
                .min()
        });
    if let Some(want) = want_degree.filter(|l| *l > 0) {
        let have = prepared.degree;
        let v = if have >= want {
            1.0
        } else if have + 1 == want {
            0.5
        } else {
            0.0
        };
        parts.push((
            "education".into(),
            w.education,
            Some(v),
            format!("degree level {have} of {want} asked"),
        ));
    }

    // Keywords from responsibilities and requirements.
    let (kw_hit, kw_miss) = keywords(job, index);
    let kw_total = kw_hit.len() + kw_miss.len();
    parts.push((
        "keywords".into(),
        w.keywords,
        (kw_total > 0).then(|| kw_hit.len() as f64 / kw_total as f64),
        format!("{} of {kw_total} key terms", kw_hit.len()),
    ));

    // Sections, contact, parsability.
    parts.push((
        "sections".into(),
        w.sections,
        Some(checks::sections(profile, &mut suggestions)),
        "summary, experience, education, skills".into(),
    ));
    parts.push((
        "contact".into(),
        w.contact,
        Some(checks::contact(profile, &mut suggestions)),
        "name, email, phone, location, LinkedIn".into(),
    ));
    // An empty profile has nothing to parse well: no free points for it.
    let parsable =
        (!index.fields.is_empty()).then(|| checks::parsability(profile, layout, &mut suggestions));
    parts.push((
        "parsability".into(),
        w.parsability,
        Some(parsable.unwrap_or(0.0)),
        "layout, headings, dates, length".into(),
    ));

    // Bullets.
    let mut bullet_scores = Vec::new();
    for &(i, flaws) in &prepared.bullets {
        let f = &index.fields[i];
        bullet_scores.push(flaws.quality());
        let fixes = [
            (
                flaws.no_number,
                "quantify-bullet",
                "has no number: say how much, how many or how fast",
            ),
            (
                flaws.weak_verb,
                "action-verb",
                "does not open with an action verb (Built, Led, Reduced...)",
            ),
            (
                flaws.first_person,
                "first-person",
                "uses the first person; resume bullets drop \"I\" and \"my\"",
            ),
            (
                flaws.filler,
                "filler",
                "uses filler (\"responsible for\", \"various\"); say what you did and what changed",
            ),
            (
                flaws.bad_length,
                "bullet-length",
                "is too short or too long; aim for one line of 8 to 30 words",
            ),
        ];
        for (bad, kind, why) in fixes {
            if bad && suggestions.iter().filter(|s| s.kind == kind).count() < 3 {
                suggestions.push(Suggestion::new(
                    kind,
                    Some(&f.path),
                    format!("\"{}\" {why}.", short(f.text)),
                    0.5,
                ));
            }
        }
    }
    let bq = (!bullet_scores.is_empty())
        .then(|| bullet_scores.iter().sum::<f64>() / bullet_scores.len() as f64);
    parts.push((
        "bullets".into(),
        w.bullets,
        bq,
        format!("{} bullets checked", bullet_scores.len()),
    ));

    // Combine: drop components that do not apply and scale the rest to 100.
    let total_weight: f64 = parts.iter().filter(|p| p.2.is_some()).map(|p| p.1).sum();
    let mut breakdown = Vec::new();
    let mut score = 0.0;
    for (name, weight, value, detail) in parts {
        let (v, points) = match value {
            Some(v) if total_weight > 0.0 => (v, v * weight / total_weight * 100.0),
            _ => (0.0, 0.0),
        };
        score += points;
        breakdown.push(Component {
            name,
            weight: if value.is_some() { weight } else { 0.0 },
            value: round2(v),
            points: round2(points),
            detail,
        });
    }
    suggestions.sort_by(|a, b| {
        b.impact
            .total_cmp(&a.impact)
            .then_with(|| a.kind.cmp(&b.kind))
    });
    AtsReport {
        score: round2(score.clamp(0.0, 100.0)),
        breakdown,
        matched,
        missing,
        matched_keywords: kw_hit,
        missing_keywords: kw_miss,
        experience_years: round2(years),
        suggestions,
    }
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

/// Job skills without repeats: the same taxonomy skill under two names ("Postgres",
/// "PostgreSQL") counts once, as do names repeated in any case; skills in `skip` are left out.
fn dedup<'j>(
    list: &'j [JobSkill],
    tax: &'static Taxonomy,
    skip: &[(&JobSkill, Option<&SkillEntry>)],
) -> Vec<(&'j JobSkill, Option<&'static SkillEntry>)> {
    let mut out: Vec<(&JobSkill, Option<&SkillEntry>)> = Vec::new();
    for js in list {
        let entry = tax
            .lookup(&js.name)
            .or_else(|| js.matched.as_deref().and_then(|m| tax.lookup(m)));
        let same = |(o, e): &(&JobSkill, Option<&SkillEntry>)| match (e, entry) {
            (Some(a), Some(b)) => a.id == b.id,
            _ => o.name.eq_ignore_ascii_case(&js.name),
        };
        if !out.iter().any(same) && !skip.iter().any(same) {
            out.push((js, entry));
        }
    }
    out
}

/// Finds the best evidence for one job skill: the skill itself, or a related one.
fn meet(
    index: &ProfileIndex<'_>,
    tax: &Taxonomy,
    js: &JobSkill,
    entry: Option<&SkillEntry>,
    required: bool,
    related_credit: f64,
) -> Option<(Matched, f64)> {
    let Some(entry) = entry else {
        // Not in the taxonomy: look for the words themselves.
        let f = index.find_phrase(&js.name)?;
        let m = Matched {
            skill: js.name.clone(),
            required,
            credit: Credit::Exact,
            evidence: f.path.clone(),
            evidence_text: short(f.text),
            only_in_skills_section: f.kind == FieldKind::SkillsSection,
        };
        return Some((m, 1.0));
    };
    if let Some(f) = index.best_evidence(entry.id) {
        let canonical = entry.name.to_lowercase();
        let credit = if f.text.to_lowercase().contains(&canonical) {
            Credit::Exact
        } else {
            Credit::Alias
        };
        let only = f.kind == FieldKind::SkillsSection;
        let m = Matched {
            skill: entry.name.clone(),
            required,
            credit,
            evidence: f.path.clone(),
            evidence_text: short(f.text),
            only_in_skills_section: only,
        };
        return Some((m, 1.0));
    }
    // A related skill the profile has (linked either way): partial credit, marked. The
    // strongest evidence wins (experience before a skills list), then the lowest id.
    let (rid, f) = index
        .skills
        .keys()
        .copied()
        .filter(|&id| tax.linked(id, entry.id))
        .filter_map(|id| index.best_evidence(id).map(|f| (id, f)))
        .min_by_key(|(id, f)| (f.kind, *id))?;
    let m = Matched {
        skill: entry.name.clone(),
        required,
        credit: Credit::Related,
        evidence: f.path.clone(),
        evidence_text: format!("{} (related: {})", short(f.text), tax.get(rid).name),
        only_in_skills_section: f.kind == FieldKind::SkillsSection,
    };
    Some((m, related_credit))
}

const STOPWORDS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "also",
    "and",
    "any",
    "are",
    "around",
    "being",
    "both",
    "but",
    "can",
    "could",
    "daily",
    "day",
    "each",
    "etc",
    "ever",
    "every",
    "experience",
    "for",
    "from",
    "good",
    "great",
    "has",
    "have",
    "help",
    "high",
    "how",
    "including",
    "into",
    "its",
    "job",
    "just",
    "knowledge",
    "like",
    "looking",
    "make",
    "many",
    "more",
    "most",
    "must",
    "new",
    "not",
    "our",
    "out",
    "over",
    "own",
    "part",
    "per",
    "plus",
    "preferred",
    "required",
    "role",
    "should",
    "skill",
    "skills",
    "some",
    "strong",
    "such",
    "team",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "through",
    "time",
    "using",
    "very",
    "want",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "within",
    "work",
    "working",
    "would",
    "year",
    "years",
    "you",
    "your",
    "ability",
    "excellent",
    "other",
    "all",
    "one",
    "two",
    "three",
    "ideal",
    "candidate",
    "we",
    "us",
    "able",
    "equivalent",
    "related",
    "field",
    "least",
    "minimum",
    "bonus",
    "nice",
    "degree",
];

/// Content words of the job's responsibilities and requirements, split into those the profile
/// has and those it lacks, most frequent first. Skills are scored above, so words inside a
/// skill mention ("machine learning", "Node.js") or of a listed skill's name are left out, and
/// so is a term the profile only has as part of a different skill.
fn keywords(job: &Job, index: &ProfileIndex<'_>) -> (Vec<String>, Vec<String>) {
    let tax = Taxonomy::builtin();
    let mut counts: std::collections::BTreeMap<String, (usize, String)> =
        std::collections::BTreeMap::new();
    let skill_words: std::collections::HashSet<String> = job
        .skills()
        .flat_map(|s| words(&s.name).map(stem).collect::<Vec<_>>())
        .collect();
    let mut hits = Vec::new();
    for line in job.responsibilities.iter().chain(job.requirements.iter()) {
        tax.find_into(line, &mut hits);
        let mut pos = 0;
        for w in words(line) {
            // Byte offset of this word in the line (words are subslices, found in order).
            let start = line[pos..].find(w).map_or(pos, |i| pos + i);
            pos = start + w.len();
            if hits.iter().any(|h| h.start <= start && start < h.end) {
                continue;
            }
            // Cheap checks before any allocation.
            if w.chars().count() < 4
                || w.chars().all(|c| c.is_ascii_digit())
                || STOPWORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
            {
                continue;
            }
            let lw = w.to_lowercase();
            let st = stem(&lw);
            if skill_words.contains(&st) {
                continue;
            }
            let e = counts.entry(st).or_insert((0, lw));
            e.0 += 1;
        }
    }
    let mut terms: Vec<(String, usize, String)> =
        counts.into_iter().map(|(s, (n, w))| (s, n, w)).collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(25);
    let (hit, miss): (Vec<_>, Vec<_>) = terms
        .into_iter()
        .partition(|(s, _, _)| index.words.contains(s));
    (
        hit.into_iter().map(|t| t.2).collect(),
        miss.into_iter().map(|t| t.2).collect(),
    )
}

pub mod optimize;

#[cfg(test)]
mod tests;
