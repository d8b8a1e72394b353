//! `ats`: the explainable ATS score and the optimiser.

use career_copilot::ats::optimize::{self, OptimizeOptions as CoreOptimizeOptions};
use career_copilot::ats::{self as core_ats, Weights};
use career_copilot::ingest::LayoutSignals;

use crate::convert;
use crate::{CopilotError, Layout};

/// Weights of the score's components. Start from [`default_score_weights`] and change a few; a
/// component that does not apply drops out and the others are scaled up.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScoreWeights {
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

/// Options for [`score`]; every field may be left out.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScoreConfig {
    /// "Today" (`YYYY-MM`), for ongoing roles; the engine reads no clock.
    #[uniffi(default)]
    pub as_of: Option<String>,
    /// The engine's defaults when absent.
    #[uniffi(default)]
    pub weights: Option<ScoreWeights>,
    /// Credit for a related skill (React for JavaScript), 0 to 1.
    #[uniffi(default)]
    pub related_credit: Option<f64>,
}

/// How a job skill was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Credit {
    /// The same skill, under its canonical name.
    Exact,
    /// The same skill under another name (Postgres for PostgreSQL): full credit.
    Alias,
    /// A related skill (React for JavaScript): partial credit.
    Related,
}

/// One part of the score.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScoreComponent {
    pub name: String,
    pub weight: f64,
    /// 0 to 1.
    pub value: f64,
    /// Points contributed to the 0–100 score.
    pub points: f64,
    pub detail: String,
}

/// A job skill the profile meets, with where.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MatchedSkill {
    pub skill: String,
    pub required: bool,
    pub credit: Credit,
    /// Path of the profile item that meets it, e.g. `work[0].highlights[2]`.
    pub evidence: String,
    pub evidence_text: String,
    pub only_in_skills_section: bool,
}

/// A job skill the profile does not meet.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MissingSkill {
    pub skill: String,
    pub required: bool,
}

/// A concrete change, naming the item and why.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Suggestion {
    pub kind: String,
    pub path: Option<String>,
    pub message: String,
    /// Rough points the change could add.
    pub impact: f64,
}

/// The explainable ATS report.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AtsReport {
    /// 0 to 100, rounded to two decimals; the same on every platform.
    pub score: f64,
    pub breakdown: Vec<ScoreComponent>,
    pub matched: Vec<MatchedSkill>,
    pub missing: Vec<MissingSkill>,
    pub matched_keywords: Vec<String>,
    pub missing_keywords: Vec<String>,
    pub experience_years: f64,
    pub suggestions: Vec<Suggestion>,
}

/// Options for [`optimize`]. Start from [`default_optimize_options`].
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct OptimizeOptions {
    /// Most bullets kept across all roles; `null` keeps every bullet.
    pub max_bullets: Option<u32>,
    /// Fewest bullets kept per role when trimming.
    pub min_bullets_per_role: u32,
    /// Add job skills evidenced in experience to the skills section.
    pub surface_skills: bool,
}

/// One change the optimiser made.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ProfileChange {
    /// `reorder-bullets`, `reorder-projects`, `reorder-skills`, `surface-skill`, `trim-bullet`.
    pub kind: String,
    pub path: String,
    pub detail: String,
}

/// The tailored profile (JSON Resume text) and what changed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Optimized {
    pub profile_json: String,
    pub changes: Vec<ProfileChange>,
}

/// The engine's default score weights.
#[uniffi::export]
pub fn default_score_weights() -> ScoreWeights {
    weights_out(Weights::default())
}

/// The engine's default optimiser options.
#[uniffi::export]
pub fn default_optimize_options() -> OptimizeOptions {
    let CoreOptimizeOptions {
        max_bullets,
        min_bullets_per_role,
        surface_skills,
    } = CoreOptimizeOptions::default();
    OptimizeOptions {
        max_bullets: max_bullets.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        min_bullets_per_role: u32::try_from(min_bullets_per_role).unwrap_or(u32::MAX),
        surface_skills,
    }
}

/// Scores a profile (JSON Resume text) against a job (JSON text): a 0–100 score with a
/// breakdown whose every point has evidence. `layout` is a parse result's layout.
#[uniffi::export(default(config = None, layout = None))]
pub fn score(
    profile_json: String,
    job_json: String,
    config: Option<ScoreConfig>,
    layout: Option<Layout>,
) -> Result<AtsReport, CopilotError> {
    let profile = convert::profile("profile", &profile_json)?;
    let job = convert::job(&job_json)?;
    let config = match config {
        None => core_ats::ScoreConfig::default(),
        Some(ScoreConfig {
            as_of,
            weights,
            related_credit,
        }) => core_ats::ScoreConfig {
            weights: weights.map(weights_in).unwrap_or_default(),
            as_of: convert::date("as_of", as_of.as_deref())?,
            related_credit,
        },
    };
    let layout = layout.map(layout_in);
    Ok(report_out(core_ats::score_with(
        &profile,
        &job,
        layout.as_ref(),
        &config,
    )))
}

/// Tailors a profile to a job: reorders, surfaces evidenced skills, trims to a page budget;
/// every string in the result is in the input.
#[uniffi::export(default(options = None))]
pub fn optimize(
    profile_json: String,
    job_json: String,
    options: Option<OptimizeOptions>,
) -> Result<Optimized, CopilotError> {
    let profile = convert::profile("profile", &profile_json)?;
    let job = convert::job(&job_json)?;
    let options = match options {
        None => CoreOptimizeOptions::default(),
        Some(OptimizeOptions {
            max_bullets,
            min_bullets_per_role,
            surface_skills,
        }) => CoreOptimizeOptions {
            max_bullets: max_bullets.map(|n| convert::size(n.into())),
            min_bullets_per_role: convert::size(min_bullets_per_role.into()),
            surface_skills,
        },
    };
    let out = optimize::optimize_with(&profile, &job, &options);
    Ok(Optimized {
        profile_json: convert::json(&out.profile)?,
        changes: out
            .changes
            .into_iter()
            .map(|c| ProfileChange {
                kind: c.kind,
                path: c.path,
                detail: c.detail,
            })
            .collect(),
    })
}

fn weights_in(w: ScoreWeights) -> Weights {
    let ScoreWeights {
        required_skills,
        preferred_skills,
        title,
        experience,
        education,
        keywords,
        sections,
        contact,
        parsability,
        bullets,
    } = w;
    Weights {
        required_skills,
        preferred_skills,
        title,
        experience,
        education,
        keywords,
        sections,
        contact,
        parsability,
        bullets,
    }
}

fn weights_out(w: Weights) -> ScoreWeights {
    // Destructured without `..`: a new core weight fails this build instead of being dropped.
    let Weights {
        required_skills,
        preferred_skills,
        title,
        experience,
        education,
        keywords,
        sections,
        contact,
        parsability,
        bullets,
    } = w;
    ScoreWeights {
        required_skills,
        preferred_skills,
        title,
        experience,
        education,
        keywords,
        sections,
        contact,
        parsability,
        bullets,
    }
}

fn layout_in(l: Layout) -> LayoutSignals {
    let Layout {
        pages,
        columns,
        tables,
        header_footer_text,
        icon_glyphs,
        images,
    } = l;
    LayoutSignals {
        pages,
        columns,
        tables,
        header_footer_text,
        icon_glyphs,
        images,
    }
}

fn report_out(r: core_ats::AtsReport) -> AtsReport {
    let core_ats::AtsReport {
        score,
        breakdown,
        matched,
        missing,
        matched_keywords,
        missing_keywords,
        experience_years,
        suggestions,
    } = r;
    AtsReport {
        score,
        breakdown: breakdown
            .into_iter()
            .map(|c| ScoreComponent {
                name: c.name,
                weight: c.weight,
                value: c.value,
                points: c.points,
                detail: c.detail,
            })
            .collect(),
        matched: matched
            .into_iter()
            .map(|m| MatchedSkill {
                skill: m.skill,
                required: m.required,
                credit: match m.credit {
                    core_ats::Credit::Exact => Credit::Exact,
                    core_ats::Credit::Alias => Credit::Alias,
                    core_ats::Credit::Related => Credit::Related,
                },
                evidence: m.evidence,
                evidence_text: m.evidence_text,
                only_in_skills_section: m.only_in_skills_section,
            })
            .collect(),
        missing: missing
            .into_iter()
            .map(|m| MissingSkill {
                skill: m.skill,
                required: m.required,
            })
            .collect(),
        matched_keywords,
        missing_keywords,
        experience_years,
        suggestions: suggestions
            .into_iter()
            .map(|s| Suggestion {
                kind: s.kind,
                path: s.path,
                message: s.message,
                impact: s.impact,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_weights_round_trip() {
        assert_eq!(weights_in(default_score_weights()), Weights::default());
    }

    #[test]
    fn bad_as_of_is_invalid_input() {
        let config = ScoreConfig {
            as_of: Some("June".into()),
            weights: None,
            related_credit: None,
        };
        let err = score("{}".into(), "{}".into(), Some(config), None).expect_err("bad date");
        assert!(
            matches!(&err, CopilotError::InvalidInput(m) if m.contains("as_of")),
            "{err:?}"
        );
    }

    #[test]
    fn bad_profile_json_is_invalid_input() {
        let err = score("[".into(), "{}".into(), None, None).expect_err("bad JSON");
        assert!(
            matches!(&err, CopilotError::InvalidInput(m) if m.contains("profile")),
            "{err:?}"
        );
    }
}
