//! The optimiser: a tailored profile for one job that reorders and emphasises, never invents.
//!
//! Bullets within each role, projects, skill groups and keywords are ordered by relevance to the
//! job; skills the job asks for and the profile shows in experience (but does not list) are
//! surfaced in the skills section using the profile's own words; bullets beyond a page budget
//! are trimmed, least relevant and oldest first. Work entries keep their reverse-chronological
//! order, which ATS and recruiters expect. Every string in the output appears in the input.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::{Job, Profile, Skill};
use crate::skills::{SkillId, Taxonomy};

use super::evidence::{stem, words};

/// Options for [`optimize_with`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OptimizeOptions {
    /// Most bullets kept across all roles (a rough page budget: about 18 bullets fill a page
    /// next to the header, education and skills). `None` keeps every bullet.
    pub max_bullets: Option<usize>,
    /// Fewest bullets kept per role when trimming.
    pub min_bullets_per_role: usize,
    /// Add job skills evidenced in experience to the skills section.
    pub surface_skills: bool,
}

impl Default for OptimizeOptions {
    fn default() -> Self {
        OptimizeOptions {
            max_bullets: Some(24),
            min_bullets_per_role: 2,
            surface_skills: true,
        }
    }
}

/// One change the optimiser made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// `reorder-bullets`, `reorder-projects`, `reorder-skills`, `surface-skill`, `trim-bullet`.
    pub kind: String,
    /// Path in the tailored profile (for trims: in the original).
    pub path: String,
    pub detail: String,
}

/// The tailored profile and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Optimized {
    pub profile: Profile,
    pub changes: Vec<Change>,
}

/// What the job wants, for relevance: its skills (required weigh double) and content words.
struct Wants {
    skills: Vec<(SkillId, f64)>,
    words: HashSet<String>,
}

impl Wants {
    fn new(job: &Job, tax: &Taxonomy) -> Self {
        let mut skills = Vec::new();
        for (list, weight) in [(&job.required_skills, 2.0), (&job.preferred_skills, 1.0)] {
            for s in list {
                if let Some(e) = tax.lookup(&s.name) {
                    if !skills.iter().any(|(id, _)| *id == e.id) {
                        skills.push((e.id, weight));
                    }
                }
            }
        }
        let text = job
            .responsibilities
            .iter()
            .chain(job.requirements.iter())
            .chain(job.title.iter());
        let words = text
            .flat_map(|l| {
                words(l)
                    .filter(|w| w.len() > 3)
                    .map(stem)
                    .collect::<Vec<_>>()
            })
            .collect();
        Wants { skills, words }
    }

    fn relevance(&self, text: &str, tax: &Taxonomy) -> f64 {
        let found: Vec<SkillId> = tax.find(text).into_iter().map(|m| m.skill).collect();
        let skill_score: f64 = self
            .skills
            .iter()
            .filter(|(id, _)| found.contains(id))
            .map(|(_, w)| w)
            .sum();
        let word_hits = words(text)
            .map(stem)
            .filter(|w| self.words.contains(w))
            .count();
        skill_score * 3.0 + word_hits as f64 * 0.5
    }
}

/// Stable sort of `items` by descending relevance; returns whether the order changed.
fn sort_by_relevance<T: Clone>(items: &mut Vec<T>, score: impl Fn(&T) -> f64) -> bool {
    let mut keyed: Vec<(usize, f64, T)> = items
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, t)| (i, score(&t), t))
        .collect();
    keyed.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let changed = keyed.iter().enumerate().any(|(pos, (i, _, _))| pos != *i);
    *items = keyed.into_iter().map(|(_, _, t)| t).collect();
    changed
}

/// Tailors `profile` to `job` with default options.
pub fn optimize(profile: &Profile, job: &Job) -> Optimized {
    optimize_with(profile, job, &OptimizeOptions::default())
}

/// Tailors `profile` to `job`. See the module docs for what it does and never does.
pub fn optimize_with(profile: &Profile, job: &Job, options: &OptimizeOptions) -> Optimized {
    let tax = Taxonomy::builtin();
    let wants = Wants::new(job, tax);
    let mut p = profile.clone();
    let mut changes = Vec::new();

    // Bullets within each role, most relevant first.
    let mut scored_bullets: Vec<(usize, usize, f64)> = Vec::new();
    for (i, w) in p.work.iter_mut().enumerate() {
        let mut bullets: Vec<String> = w.highlights.to_vec();
        if sort_by_relevance(&mut bullets, |b| wants.relevance(b, tax)) {
            changes.push(Change {
                kind: "reorder-bullets".into(),
                path: format!("work[{i}].highlights"),
                detail: "most relevant to the job first".into(),
            });
        }
        for (j, b) in bullets.iter().enumerate() {
            scored_bullets.push((i, j, wants.relevance(b, tax)));
        }
        *w.highlights = bullets;
    }

    // Projects by relevance of their whole text.
    let mut projects = p.projects.to_vec();
    let project_text = |pr: &crate::model::Project| {
        let mut t = [pr.name.clone(), pr.description.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        for s in pr.highlights.iter().chain(pr.keywords.iter()) {
            t.push(' ');
            t.push_str(s);
        }
        t
    };
    if sort_by_relevance(&mut projects, |pr| wants.relevance(&project_text(pr), tax)) {
        changes.push(Change {
            kind: "reorder-projects".into(),
            path: "projects".into(),
            detail: "most relevant to the job first".into(),
        });
    }
    *p.projects = projects;

    // Skill keywords within groups, then groups, by relevance.
    for (i, g) in p.skills.iter_mut().enumerate() {
        let mut kws = g.keywords.to_vec();
        if sort_by_relevance(&mut kws, |k| {
            wants.relevance(k, tax)
                + tax.lookup(k).map_or(0.0, |e| {
                    if wants.skills.iter().any(|(id, _)| *id == e.id) {
                        3.0
                    } else {
                        0.0
                    }
                })
        }) {
            changes.push(Change {
                kind: "reorder-skills".into(),
                path: format!("skills[{i}].keywords"),
                detail: "skills the job asks for first".into(),
            });
        }
        *g.keywords = kws;
    }

    // Surface job skills evidenced in experience but missing from the skills section, in the
    // profile's own words.
    if options.surface_skills {
        let listed: HashSet<SkillId> = p
            .skills
            .iter()
            .flat_map(|g| {
                g.keywords.iter().flat_map(|k| {
                    tax.find(k)
                        .into_iter()
                        .map(|m| m.skill)
                        .chain(tax.lookup(k).map(|e| e.id))
                })
            })
            .collect();
        let mut surfaced: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for (i, w) in profile.work.iter().enumerate() {
            for (j, h) in w.highlights.iter().enumerate() {
                for m in tax.find(h) {
                    if wants.skills.iter().any(|(id, _)| *id == m.skill)
                        && !listed.contains(&m.skill)
                        && seen.insert(m.skill)
                    {
                        surfaced.push(m.matched.clone());
                        changes.push(Change {
                            kind: "surface-skill".into(),
                            path: format!("skills[{}]", p.skills.len()),
                            detail: format!("{} is shown in work[{i}].highlights[{j}]", m.matched),
                        });
                    }
                }
            }
        }
        if !surfaced.is_empty() {
            // One group or none: extend it. Several named groups: a new unnamed group first, so
            // no group name is made up.
            match p.skills.len() {
                1 => p.skills[0].keywords.extend(surfaced),
                _ => p.skills.insert(
                    0,
                    Skill {
                        keywords: surfaced.into(),
                        ..Skill::default()
                    },
                ),
            }
        }
    }

    // Trim to the bullet budget: drop the least relevant bullets, older roles first, keeping a
    // few per role.
    if let Some(budget) = options.max_bullets {
        let total: usize = p.work.iter().map(|w| w.highlights.len()).sum();
        if total > budget {
            let mut order: Vec<(usize, usize, f64)> = scored_bullets.clone();
            // Least relevant first; among equals, older roles (higher index) first.
            order.sort_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)).then(b.1.cmp(&a.1)));
            let mut drop: HashSet<(usize, usize)> = HashSet::new();
            let mut kept: Vec<usize> = p.work.iter().map(|w| w.highlights.len()).collect();
            for (i, j, _) in order {
                if total - drop.len() <= budget {
                    break;
                }
                if kept[i] > options.min_bullets_per_role {
                    kept[i] -= 1;
                    drop.insert((i, j));
                }
            }
            for (i, w) in p.work.iter_mut().enumerate() {
                let before: Vec<String> = w.highlights.to_vec();
                let mut after = Vec::new();
                for (j, b) in before.into_iter().enumerate() {
                    if drop.contains(&(i, j)) {
                        changes.push(Change {
                            kind: "trim-bullet".into(),
                            path: format!("work[{i}].highlights[{j}]"),
                            detail: format!("dropped to fit the page budget: {b}"),
                        });
                    } else {
                        after.push(b);
                    }
                }
                *w.highlights = after;
            }
        }
    }
    Optimized {
        profile: p,
        changes,
    }
}
