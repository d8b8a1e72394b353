//! One job's fit factors for one profile, and their weighted combination.

use super::{Factors, Features, JobIndex, MatchPrefs, MatchWeights, ProfileSide};
use crate::ats::experience::seniority_fit;
use crate::model::WorkplaceType;

impl JobIndex {
    pub(super) fn fit(
        &self,
        f: &Features,
        p: &ProfileSide,
        prefs: &MatchPrefs,
        now: Option<i32>,
    ) -> Factors {
        // Coverage of the job's skills, each weighted by its rarity across the jobs.
        let cover = |ids: &[u32]| -> Option<f64> {
            if ids.is_empty() {
                return None;
            }
            let (mut got, mut all) = (0.0f32, 0.0f32);
            for &id in ids {
                let w = self.skill_idf.get(id as usize).copied().unwrap_or(1.0);
                got += w * p.credit.get(id as usize).copied().unwrap_or(0.0);
                all += w;
            }
            // Coverage of what the job asks, tempered by how much of the person's skill set
            // the job uses: a job asking for two common skills a person has is a weaker
            // signal than one asking for ten of their skills.
            let coverage = got / all.max(f32::MIN_POSITIVE);
            let overlap = got / (all * p.skill_mass).sqrt().max(f32::MIN_POSITIVE);
            Some(f64::from(coverage * 0.5 + (overlap * 2.0).min(1.0) * 0.5))
        };
        let skills = match (cover(&f.required), cover(&f.preferred)) {
            (Some(r), Some(pr)) => Some(0.8 * r + 0.2 * pr),
            (r, pr) => r.or(pr),
        };
        let title = (!f.title.is_empty()).then(|| {
            let held = p
                .titles
                .iter()
                .map(|(toks, w)| {
                    f.title.iter().filter(|t| toks.contains(t)).count() as f64
                        / f.title.len() as f64
                        * w
                })
                .fold(0.0, f64::max);
            // The job's title words in the profile's prose ("... as a Java developer"): weaker.
            let named = if f.title_terms.is_empty() {
                0.0
            } else {
                f.title_terms.iter().filter(|&&t| p.terms.has(t)).count() as f64
                    / f.title_terms.len() as f64
                    * 0.6
            };
            held.max(named)
        });
        let seniority = f.seniority.map(|s| seniority_fit(p.seniority, s));
        let loc_pref = !prefs.locations.is_empty();
        let location = match (prefs.remote, loc_pref) {
            (None, false) => None,
            _ => {
                let remote = f.workplace == Some(WorkplaceType::Remote);
                let place = loc_pref
                    && prefs.locations.iter().any(|l| {
                        let l = l.to_lowercase();
                        f.locations.iter().any(|x| x.contains(&l))
                    });
                Some(match prefs.remote {
                    Some(true) if remote => 1.0,
                    Some(true) if f.workplace == Some(WorkplaceType::Hybrid) && place => 0.7,
                    Some(true) if place => 0.4,
                    Some(true) => 0.0,
                    _ if place || remote => 1.0,
                    _ if !loc_pref => 1.0,
                    _ => 0.0,
                })
            }
        };
        let salary = match (prefs.min_salary, &f.salary) {
            (Some(min), Some((mid, cur)))
                if min > 0.0
                    && (cur.is_none() || prefs.currency.is_none() || cur == &prefs.currency) =>
            {
                Some(if *mid >= min {
                    1.0
                } else {
                    (mid / min).powi(2)
                })
            }
            _ => None,
        };
        let recency = match (f.posted, now) {
            (Some(m), Some(now)) => Some((1.0 - f64::from((now - m).max(0)) / 6.0).max(0.0)),
            _ => None,
        };
        // Cosine of TF-IDF vectors; 0.5 is already a very close text, so it saturates there.
        let text = (!f.terms.is_empty() && p.has_text)
            .then(|| (f64::from(p.terms.cosine(&f.terms)) * 2.0).min(1.0));
        // Cosine of unit vectors; like text, a cosine of 0.6 is already a very close pair.
        let semantic = match (&self.semantic, &p.vector) {
            (Some(s), Some(v)) => s
                .cosine(f.row, v)
                .map(|c| (f64::from(c) / 0.6).clamp(0.0, 1.0)),
            _ => None,
        };
        Factors {
            semantic,
            skills,
            title,
            seniority,
            location,
            salary,
            recency,
            text,
        }
    }
}

pub(super) fn combine(f: &Factors, w: &MatchWeights) -> f64 {
    let parts = [
        (f.skills, w.skills),
        (f.title, w.title),
        (f.seniority, w.seniority),
        (f.location, w.location),
        (f.salary, w.salary),
        (f.recency, w.recency),
        (f.text, w.text),
        (f.semantic, w.semantic),
    ];
    let total: f64 = parts
        .iter()
        .filter(|(v, _)| v.is_some())
        .map(|(_, w)| w)
        .sum();
    if total <= 0.0 {
        return 0.0;
    }
    let s: f64 = parts.iter().filter_map(|(v, w)| v.map(|v| v * w)).sum();
    (s / total * 100.0 * 100.0).round() / 100.0
}
