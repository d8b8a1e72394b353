//! Matching: multi-factor fit of a profile to many jobs, ranking, search, gaps and insights.
//!
//! [`JobIndex`] precomputes compact features for each job once (skill ids, title tokens,
//! hashed terms, seniority, workplace, salary, date), so ranking thousands of jobs for a
//! profile is a tight loop of bitset lookups. Factors: skills (required and preferred, with
//! partial credit for related skills), title, seniority, location and remote preference,
//! salary expectation, recency, and text similarity (the offline stand-in for embeddings until
//! the retrieval stage provides them). Factors that do not apply drop out and the rest are
//! rescaled, as in the ATS score.

use serde::{Deserialize, Serialize};

use crate::ats::experience::{experience_months, latest_date, profile_seniority, seniority_fit, title_tokens};
use crate::model::{Job, PartialDate, Profile, Seniority, WorkplaceType};
use crate::skills::{SkillId, Taxonomy};

pub mod bm25;
mod insights;

pub use insights::{Gap, Insights, SkillDemand, TitleCluster, insights};

/// Weights of the fit factors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchWeights {
    pub skills: f64,
    pub title: f64,
    pub seniority: f64,
    pub location: f64,
    pub salary: f64,
    pub recency: f64,
    pub text: f64,
}

impl Default for MatchWeights {
    fn default() -> Self {
        MatchWeights { skills: 40.0, title: 20.0, seniority: 10.0, location: 10.0, salary: 5.0, recency: 5.0, text: 20.0 }
    }
}

/// What the person wants, beyond what their profile shows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchPrefs {
    /// `Some(true)`: remote only is best; `Some(false)`: on-site is fine; `None`: no preference.
    pub remote: Option<bool>,
    /// Places the person would work in (matched as substrings of job locations, any case).
    pub locations: Vec<String>,
    /// Lowest acceptable annual salary, in `currency`.
    pub min_salary: Option<f64>,
    pub currency: Option<String>,
    /// "Today", for recency and ongoing jobs (the core reads no clock).
    pub as_of: Option<PartialDate>,
    pub weights: MatchWeights,
    /// Jobs scoring below this (0–100) are left out of the ranking.
    pub threshold: f64,
}

/// Compact per-job features built once by [`JobIndex::new`].
#[derive(Debug, Clone, Default)]
struct Features {
    required: Vec<u32>,
    preferred: Vec<u32>,
    title: Vec<u64>,
    seniority: Option<Seniority>,
    workplace: Option<WorkplaceType>,
    locations: Vec<String>,
    salary: Option<(f64, Option<String>)>,
    posted: Option<i32>,
    terms: Vec<u64>,
}

/// A ranked job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    /// Index of the job in the [`JobIndex`].
    pub index: usize,
    /// The job's id, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// 0 to 100.
    pub score: f64,
    /// Each factor's value (0 to 1); absent factors did not apply.
    pub factors: Factors,
}

/// Factor values of one job's fit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Factors {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seniority: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recency: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<f64>,
}

/// Filters for [`JobIndex::search`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilters {
    pub remote: Option<bool>,
    /// Substring of a job location, any case.
    pub location: Option<String>,
    /// Jobs whose stated maximum (or minimum) annual salary reaches this.
    pub min_salary: Option<f64>,
    pub seniority: Option<Seniority>,
    /// Posted on or after this date.
    pub posted_since: Option<PartialDate>,
    pub limit: Option<usize>,
}

/// 64-bit FNV-1a, stable across platforms, for hashed tokens.
fn h64(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const TERM_BITS: usize = 1 << 16;

/// A bitmap of hashed terms: a tiny Bloom filter with one hash, for O(1) membership.
#[derive(Debug, Clone)]
struct TermSet(Vec<u64>);

impl TermSet {
    fn new() -> Self {
        TermSet(vec![0; TERM_BITS / 64])
    }
    fn insert(&mut self, h: u64) {
        let bit = (h as usize) & (TERM_BITS - 1);
        self.0[bit / 64] |= 1 << (bit % 64);
    }
    fn contains(&self, h: u64) -> bool {
        let bit = (h as usize) & (TERM_BITS - 1);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The distinct content terms of a text, hashed, most frequent first, at most `max`.
fn top_terms(text: &str, max: usize) -> Vec<u64> {
    let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for t in bm25::terms(text) {
        if t.len() > 3 {
            *counts.entry(t).or_default() += 1;
        }
    }
    let mut v: Vec<(String, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().take(max).map(|(t, _)| h64(&t)).collect()
}

fn months_of(date: &str) -> Option<i32> {
    let d = date.get(..10).unwrap_or(date);
    PartialDate::parse_iso(d).or_else(|| PartialDate::parse_iso(d.get(..7)?)).map(|p| p.months(1))
}

fn skill_ids(job_skills: &[crate::model::JobSkill], tax: &Taxonomy) -> Vec<u32> {
    let mut v: Vec<u32> = job_skills.iter().filter_map(|s| tax.lookup(&s.name).map(|e| e.id.0)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn features(job: &Job, tax: &Taxonomy) -> Features {
    let mut text = job.description.clone();
    for l in job.responsibilities.iter().chain(job.requirements.iter()) {
        text.push(' ');
        text.push_str(l);
    }
    Features {
        required: skill_ids(&job.required_skills, tax),
        preferred: skill_ids(&job.preferred_skills, tax),
        title: job.title.as_deref().map(|t| title_tokens(t).iter().map(|s| h64(s)).collect()).unwrap_or_default(),
        seniority: job.seniority,
        workplace: job.workplace_type,
        locations: job.locations.iter().map(|l| l.to_lowercase()).collect(),
        salary: job.salary.as_ref().and_then(|s| s.annual_mid().map(|m| (m, s.currency.clone()))),
        posted: job.date_posted.as_deref().and_then(months_of),
        terms: top_terms(&text, 48),
    }
}

/// The profile side, computed once per ranking.
struct ProfileSide {
    have: Vec<u64>,
    related: Vec<u64>,
    titles: Vec<(Vec<u64>, f64)>,
    seniority: Seniority,
    terms: TermSet,
    term_count: usize,
}

fn set_bit(bits: &mut Vec<u64>, id: u32) {
    let i = id as usize / 64;
    if bits.len() <= i {
        bits.resize(i + 1, 0);
    }
    bits[i] |= 1 << (id % 64);
}

fn has_bit(bits: &[u64], id: u32) -> bool {
    bits.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
}

impl ProfileSide {
    fn new(profile: &Profile, tax: &Taxonomy, as_of: PartialDate) -> Self {
        let index = crate::ats::evidence::ProfileIndex::new(profile, tax);
        let mut have = Vec::new();
        let mut related = Vec::new();
        for id in index.skills.keys() {
            set_bit(&mut have, id.0);
            for r in &tax.get(*id).related {
                set_bit(&mut related, r.0);
            }
        }
        // Skills that list one of ours as related count as related too.
        for i in 0..tax.len() {
            let e = tax.get(SkillId(i as u32));
            if e.related.iter().any(|r| index.skills.contains_key(r)) {
                set_bit(&mut related, e.id.0);
            }
        }
        let mut by_recency: Vec<&crate::model::Work> = profile.work.iter().collect();
        by_recency.sort_by_key(|w| std::cmp::Reverse(w.start()));
        let mut titles: Vec<(Vec<u64>, f64)> = by_recency
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.position.as_deref().map(|p| (title_tokens(p).iter().map(|s| h64(s)).collect(), if i == 0 { 1.0 } else { 0.8 })))
            .collect();
        if let Some(label) = profile.basics.as_ref().and_then(|b| b.label.as_deref()) {
            titles.push((title_tokens(label).iter().map(|s| h64(s)).collect(), 0.9));
        }
        let mut terms = TermSet::new();
        let mut term_count = 0;
        let mut seen = std::collections::HashSet::new();
        for f in &index.fields {
            for t in bm25::terms(f.text) {
                if t.len() > 3 && seen.insert(t.clone()) {
                    terms.insert(h64(&t));
                    term_count += 1;
                }
            }
        }
        let months = experience_months(profile, as_of);
        ProfileSide { have, related, titles, seniority: profile_seniority(profile, months), terms, term_count }
    }
}

/// Jobs with precomputed features, ready to rank and search many times.
#[derive(Debug, Clone)]
pub struct JobIndex {
    jobs: Vec<Job>,
    features: Vec<Features>,
    text: bm25::Bm25,
}

impl JobIndex {
    /// Indexes `jobs` (features for ranking, BM25 for search).
    pub fn new(jobs: Vec<Job>) -> Self {
        let tax = Taxonomy::builtin();
        let features = jobs.iter().map(|j| features(j, tax)).collect();
        let docs: Vec<String> = jobs
            .iter()
            .map(|j| format!("{} {} {} {}", j.title.as_deref().unwrap_or(""), j.company.as_deref().unwrap_or(""), j.locations.join(" "), j.description))
            .collect();
        let text = bm25::Bm25::new(docs.iter().map(String::as_str));
        JobIndex { jobs, features, text }
    }

    /// The indexed jobs.
    pub fn jobs(&self) -> &[Job] {
        &self.jobs
    }

    /// Approximate heap bytes per indexed job for the ranking features (not the jobs themselves).
    pub fn feature_bytes_per_job(&self) -> usize {
        if self.features.is_empty() {
            return 0;
        }
        let total: usize = self
            .features
            .iter()
            .map(|f| {
                std::mem::size_of::<Features>()
                    + 4 * (f.required.capacity() + f.preferred.capacity())
                    + 8 * (f.title.capacity() + f.terms.capacity())
                    + f.locations.iter().map(|l| l.capacity() + 24).sum::<usize>()
            })
            .sum();
        total / self.features.len()
    }

    /// Ranks every job for `profile`, best first; ties keep index order.
    pub fn rank(&self, profile: &Profile, prefs: &MatchPrefs) -> Vec<Ranked> {
        let tax = Taxonomy::builtin();
        let as_of = prefs.as_of.or_else(|| latest_date(profile)).unwrap_or(PartialDate::year(2000));
        let side = ProfileSide::new(profile, tax, as_of);
        let now = as_of.months(12);
        let mut out: Vec<Ranked> = Vec::with_capacity(self.jobs.len());
        for (i, f) in self.features.iter().enumerate() {
            let factors = fit(f, &side, prefs, now);
            let score = combine(&factors, &prefs.weights);
            if score >= prefs.threshold {
                out.push(Ranked { index: i, id: self.jobs[i].id.clone(), score, factors });
            }
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        out
    }

    /// BM25 search with filters, best first, as (job index, score).
    pub fn search(&self, query: &str, filters: &SearchFilters) -> Vec<(usize, f64)> {
        let hits = if query.trim().is_empty() {
            (0..self.jobs.len()).map(|i| (i, 0.0)).collect()
        } else {
            self.text.search(query)
        };
        let since = filters.posted_since.map(|d| d.months(1));
        let loc = filters.location.as_ref().map(|l| l.to_lowercase());
        let mut out: Vec<(usize, f64)> = hits
            .into_iter()
            .filter(|(i, _)| {
                let f = &self.features[*i];
                let job = &self.jobs[*i];
                let remote_ok = match filters.remote {
                    Some(true) => f.workplace == Some(WorkplaceType::Remote),
                    Some(false) => f.workplace != Some(WorkplaceType::Remote),
                    None => true,
                };
                let loc_ok = loc.as_ref().is_none_or(|l| f.locations.iter().any(|x| x.contains(l.as_str())));
                let salary_ok = filters.min_salary.is_none_or(|m| {
                    job.salary.as_ref().is_some_and(|s| {
                        let top = s.max.or(s.min).unwrap_or(0.0);
                        let factor = s.annual_mid().unwrap_or(0.0) / ((s.min.unwrap_or(top) + s.max.unwrap_or(top)) / 2.0).max(1e-9);
                        top * factor >= m
                    })
                });
                let level_ok = filters.seniority.is_none_or(|s| f.seniority == Some(s));
                let date_ok = since.is_none_or(|s| f.posted.is_some_and(|p| p >= s));
                remote_ok && loc_ok && salary_ok && level_ok && date_ok
            })
            .collect();
        if let Some(limit) = filters.limit {
            out.truncate(limit);
        }
        out
    }
}

fn fit(f: &Features, p: &ProfileSide, prefs: &MatchPrefs, now: i32) -> Factors {
    let cover = |ids: &[u32]| -> Option<f64> {
        if ids.is_empty() {
            return None;
        }
        let got: f64 = ids.iter().map(|&id| if has_bit(&p.have, id) { 1.0 } else if has_bit(&p.related, id) { 0.5 } else { 0.0 }).sum();
        Some(got / ids.len() as f64)
    };
    let skills = match (cover(&f.required), cover(&f.preferred)) {
        (Some(r), Some(pr)) => Some(0.8 * r + 0.2 * pr),
        (r, pr) => r.or(pr),
    };
    let title = (!f.title.is_empty()).then(|| {
        p.titles
            .iter()
            .map(|(toks, w)| f.title.iter().filter(|t| toks.contains(t)).count() as f64 / f.title.len() as f64 * w)
            .fold(0.0, f64::max)
    });
    let seniority = f.seniority.map(|s| seniority_fit(p.seniority, s));
    let loc_pref = !prefs.locations.is_empty();
    let location = match (prefs.remote, loc_pref) {
        (None, false) => None,
        _ => {
            let remote = f.workplace == Some(WorkplaceType::Remote);
            let place = loc_pref && prefs.locations.iter().any(|l| {
                let l = l.to_lowercase();
                f.locations.iter().any(|x| x.contains(&l))
            });
            Some(match prefs.remote {
                Some(true) if remote => 1.0,
                Some(true) if f.workplace == Some(WorkplaceType::Hybrid) && place => 0.7,
                Some(true) => if place { 0.4 } else { 0.0 },
                _ if place || remote => 1.0,
                _ if !loc_pref => 1.0,
                _ => 0.0,
            })
        }
    };
    let salary = match (prefs.min_salary, &f.salary) {
        (Some(min), Some((mid, cur))) if cur.is_none() || prefs.currency.is_none() || cur == &prefs.currency => {
            Some(if *mid >= min { 1.0 } else { (mid / min).powi(2) })
        }
        _ => None,
    };
    let recency = f.posted.map(|m| {
        let age = (now - m).max(0);
        (1.0 - f64::from(age) / 6.0).max(0.0)
    });
    let text = (!f.terms.is_empty() && p.term_count > 0).then(|| {
        let hits = f.terms.iter().filter(|t| p.terms.contains(**t)).count();
        (hits as f64 / f.terms.len() as f64 * 1.5).min(1.0)
    });
    Factors { skills, title, seniority, location, salary, recency, text }
}

fn combine(f: &Factors, w: &MatchWeights) -> f64 {
    let parts = [(f.skills, w.skills), (f.title, w.title), (f.seniority, w.seniority), (f.location, w.location), (f.salary, w.salary), (f.recency, w.recency), (f.text, w.text)];
    let total: f64 = parts.iter().filter(|(v, _)| v.is_some()).map(|(_, w)| w).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let s: f64 = parts.iter().filter_map(|(v, w)| v.map(|v| v * w)).sum();
    (s / total * 100.0 * 100.0).round() / 100.0
}

/// Ranks `jobs` for `profile` with default preferences (builds a [`JobIndex`] first).
pub fn rank(profile: &Profile, jobs: &[Job]) -> Vec<Ranked> {
    JobIndex::new(jobs.to_vec()).rank(profile, &MatchPrefs::default())
}
