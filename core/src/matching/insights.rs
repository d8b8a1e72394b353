//! Market insights over a corpus of jobs: skill demand and co-occurrence, the missing skills
//! that would open the most jobs, the salary impact of a skill, and clusters of titles.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::ats::evidence::ProfileIndex;
use crate::ats::experience::title_tokens;
use crate::model::{Job, Profile};
use crate::skills::Taxonomy;

/// Demand for one skill across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillDemand {
    pub skill: String,
    /// Jobs naming the skill (required or preferred).
    pub jobs: usize,
    /// Share of all jobs, 0 to 1.
    pub share: f64,
    /// Jobs requiring it.
    pub required: usize,
    /// Median stated annual salary of jobs asking for it, and of those that do not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_salary_with: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_salary_without: Option<f64>,
    /// Whether the profile (if one was given) shows it.
    pub have: bool,
}

/// A missing skill and how many jobs it alone stands between the person and full coverage of
/// the required skills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub skill: String,
    pub jobs_opened: usize,
    /// Jobs that ask for it at all.
    pub jobs_asking: usize,
}

/// Jobs with the same normalised title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleCluster {
    /// Normalised key (seniority and noise words removed).
    pub key: String,
    pub jobs: usize,
    /// Up to three titles as written.
    pub examples: Vec<String>,
}

/// Everything [`insights`] reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    pub jobs: usize,
    pub demand: Vec<SkillDemand>,
    /// Pairs of skills named together, most frequent first.
    pub cooccurrence: Vec<(String, String, usize)>,
    pub gaps: Vec<Gap>,
    pub title_clusters: Vec<TitleCluster>,
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Insights over `jobs`, and gaps for `profile` when given. Lists are capped at `top` entries.
pub fn insights(profile: Option<&Profile>, jobs: &[Job], top: usize) -> Insights {
    let tax = Taxonomy::builtin();
    let have: BTreeSet<u32> = profile
        .map(|p| {
            ProfileIndex::new(p, tax)
                .skills
                .keys()
                .map(|k| k.0)
                .collect()
        })
        .unwrap_or_default();
    let mut per_job: Vec<(BTreeSet<u32>, BTreeSet<u32>)> = Vec::with_capacity(jobs.len());
    for j in jobs {
        let ids = |list: &[crate::model::JobSkill]| {
            list.iter()
                .filter_map(|s| tax.lookup(&s.name).map(|e| e.id.0))
                .collect::<BTreeSet<u32>>()
        };
        per_job.push((ids(&j.required_skills), ids(&j.preferred_skills)));
    }
    let salaries: Vec<Option<f64>> = jobs
        .iter()
        .map(|j| j.salary.as_ref().and_then(|s| s.annual_mid()))
        .collect();

    let mut count: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    let mut pairs: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    let mut opened: BTreeMap<u32, usize> = BTreeMap::new();
    for (req, pref) in &per_job {
        let all: BTreeSet<u32> = req.union(pref).copied().collect();
        for &s in &all {
            let e = count.entry(s).or_default();
            e.0 += 1;
            if req.contains(&s) {
                e.1 += 1;
            }
        }
        let v: Vec<u32> = all.into_iter().collect();
        for (i, a) in v.iter().enumerate() {
            for b in &v[i + 1..] {
                *pairs.entry((*a, *b)).or_default() += 1;
            }
        }
        if profile.is_some() {
            let missing: Vec<u32> = req.iter().filter(|s| !have.contains(s)).copied().collect();
            if let [only] = missing.as_slice() {
                *opened.entry(*only).or_default() += 1;
            }
        }
    }
    let n = jobs.len();
    let mut demand: Vec<SkillDemand> = count
        .iter()
        .map(|(&s, &(jobs_n, req_n))| {
            let (with, without): (Vec<_>, Vec<_>) = per_job
                .iter()
                .zip(&salaries)
                .filter_map(|((r, p), sal)| sal.map(|v| (r.contains(&s) || p.contains(&s), v)))
                .partition(|(asks, _)| *asks);
            SkillDemand {
                skill: tax.get(crate::skills::SkillId(s)).name.clone(),
                jobs: jobs_n,
                share: if n == 0 {
                    0.0
                } else {
                    jobs_n as f64 / n as f64
                },
                required: req_n,
                median_salary_with: median(with.into_iter().map(|x| x.1).collect()),
                median_salary_without: median(without.into_iter().map(|x| x.1).collect()),
                have: have.contains(&s),
            }
        })
        .collect();
    demand.sort_by(|a, b| b.jobs.cmp(&a.jobs).then_with(|| a.skill.cmp(&b.skill)));
    demand.truncate(top);

    let mut cooccurrence: Vec<(String, String, usize)> = pairs
        .into_iter()
        .map(|((a, b), c)| {
            (
                tax.get(crate::skills::SkillId(a)).name.clone(),
                tax.get(crate::skills::SkillId(b)).name.clone(),
                c,
            )
        })
        .collect();
    cooccurrence.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    cooccurrence.truncate(top);

    let mut gaps: Vec<Gap> = opened
        .into_iter()
        .map(|(s, c)| Gap {
            skill: tax.get(crate::skills::SkillId(s)).name.clone(),
            jobs_opened: c,
            jobs_asking: count.get(&s).map_or(0, |x| x.0),
        })
        .collect();
    gaps.sort_by(|a, b| {
        b.jobs_opened
            .cmp(&a.jobs_opened)
            .then(b.jobs_asking.cmp(&a.jobs_asking))
            .then_with(|| a.skill.cmp(&b.skill))
    });
    gaps.truncate(top);

    let mut clusters: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    for j in jobs {
        let Some(t) = j.title.as_deref() else {
            continue;
        };
        let mut toks = title_tokens(t);
        toks.sort();
        if toks.is_empty() {
            continue;
        }
        let e = clusters.entry(toks.join(" ")).or_default();
        e.0 += 1;
        if e.1.len() < 3 && !e.1.iter().any(|x| x == t) {
            e.1.push(t.to_string());
        }
    }
    let mut title_clusters: Vec<TitleCluster> = clusters
        .into_iter()
        .map(|(key, (jobs, examples))| TitleCluster {
            key,
            jobs,
            examples,
        })
        .collect();
    title_clusters.sort_by(|a, b| b.jobs.cmp(&a.jobs).then_with(|| a.key.cmp(&b.key)));
    title_clusters.truncate(top);

    Insights {
        jobs: n,
        demand,
        cooccurrence,
        gaps,
        title_clusters,
    }
}
