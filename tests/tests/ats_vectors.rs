//! The shared ATS test vectors (`tests/vectors/*.json`): the same profile and job give the same
//! score and breakdown here and in every binding. See `tests/vectors/README.md`.

use std::path::PathBuf;

use career_copilot::ats::{AtsReport, ScoreConfig, score_with};
use career_copilot::{Job, Profile};
use serde_json::{Value, json};

fn vectors() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// The part of a report the vectors pin down.
fn expected(r: &AtsReport) -> Value {
    json!({
        "score": r.score,
        "experience_years": r.experience_years,
        "breakdown": r.breakdown.iter().map(|c| json!({"name": c.name, "weight": c.weight, "value": c.value, "points": c.points})).collect::<Vec<_>>(),
        "matched": r.matched.iter().map(|m| json!({"skill": m.skill, "required": m.required, "credit": m.credit, "evidence": m.evidence})).collect::<Vec<_>>(),
        "missing": r.missing.iter().map(|m| json!({"skill": m.skill, "required": m.required})).collect::<Vec<_>>(),
    })
}

#[test]
fn scores_match_the_shared_vectors() {
    let update = std::env::var_os("CAREER_COPILOT_UPDATE_VECTORS").is_some();
    let files = vectors();
    assert!(files.len() >= 5, "the vectors are missing");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("vector");
        let mut v: Value = serde_json::from_str(&text).expect("vector JSON");
        let profile: Profile = serde_json::from_value(v["profile"].clone()).expect("profile");
        let job: Job = serde_json::from_value(v["job"].clone()).expect("job");
        let config: ScoreConfig = serde_json::from_value(v["config"].clone()).expect("config");
        let report = score_with(&profile, &job, None, &config);
        // Twice: the score is a pure function of its inputs.
        assert_eq!(report, score_with(&profile, &job, None, &config));
        let got = expected(&report);
        let points: f64 = report.breakdown.iter().map(|c| c.points).sum();
        assert!(
            (points - report.score).abs() < 0.05,
            "{}: points add up to the score",
            path.display()
        );
        if update || v["expected"].is_null() {
            v["expected"] = got;
            std::fs::write(
                &path,
                serde_json::to_string_pretty(&v).expect("json") + "\n",
            )
            .expect("write vector");
            continue;
        }
        assert_eq!(
            got,
            v["expected"],
            "{}: the score differs from the shared vector",
            path.display()
        );
    }
}
