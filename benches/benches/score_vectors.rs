//! The ATS score on the shared test vectors (`tests/vectors/*.json`) and on a real parsed
//! resume and job, from Rust: the baseline that `bindings-python/bench/score_overhead.py`
//! compares the Python binding with (the same inputs and config, called from Python).
//!
//! Ids: `score_vectors/<vector name>` and `score_vectors/pdf_resume_vs_job` (when the data
//! folder is present: `CAREER_COPILOT_DATA`, else `../shared/data`).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use career_copilot::ats::{ScoreConfig, score_with};
use career_copilot::ingest::{Hint, parse_job, parse_resume};
use career_copilot::{Job, Profile};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;

fn vectors() -> Vec<(String, Profile, Job, ScoreConfig)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not readable", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|path| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
            Some((
                v["name"].as_str()?.to_owned(),
                serde_json::from_value(v["profile"].clone()).ok()?,
                serde_json::from_value(v["job"].clone()).ok()?,
                serde_json::from_value(v["config"].clone()).ok()?,
            ))
        })
        .collect()
}

fn pdf_pair() -> Option<(Profile, Job)> {
    let data = std::env::var_os("CAREER_COPILOT_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    let resume = std::fs::read(data.join("resumes/rendercv/John_Doe_ClassicTheme_CV.pdf")).ok()?;
    let job = std::fs::read(
        data.join("fit/resume-matcher-samples/job_descriptions/job_desc_full_stack_engineer.pdf"),
    )
    .ok()?;
    Some((
        parse_resume(&resume, &Hint::file_name("cv.pdf"))
            .ok()?
            .value,
        parse_job(&job, &Hint::file_name("job.pdf")).ok()?.value,
    ))
}

fn score_vectors(c: &mut Criterion) {
    let mut group = c.benchmark_group("score_vectors");
    group.measurement_time(Duration::from_secs(3));
    for (name, profile, job, config) in vectors() {
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(score_with(
                    black_box(&profile),
                    black_box(&job),
                    None,
                    &config,
                ))
            })
        });
    }
    if let Some((profile, job)) = pdf_pair() {
        let config = ScoreConfig::default();
        group.bench_function("pdf_resume_vs_job", |b| {
            b.iter(|| {
                black_box(score_with(
                    black_box(&profile),
                    black_box(&job),
                    None,
                    &config,
                ))
            })
        });
    } else {
        eprintln!("skipping pdf_resume_vs_job: the data folder is absent");
    }
    group.finish();
}

criterion_group!(benches, score_vectors);
criterion_main!(benches);
