//! Scoring and ranking hot paths: one parsed resume against one parsed job (the ATS score,
//! with and without the profile prepared once), and ranking 100,000 parsed jobs for one
//! profile. `benches/peers/match_peers.py speed` reads these results and times scikit-learn
//! TF-IDF cosine top-k on 100,000 jobs made the same way.
//!
//! The 100,000 jobs are the Glassdoor postings parsed once and varied: a variant number in the
//! title, the description's sentences rotated, a required skill dropped now and then. Building
//! the index is not part of the rank timing; its time and the feature bytes per job are printed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use career_copilot::ats::{PreparedProfile, ScoreConfig, score_prepared, score_with};
use career_copilot::ingest::{Hint, parse_job, parse_resume};
use career_copilot::matching::{JobIndex, MatchPrefs};
use career_copilot::{Job, Profile};
use career_copilot_benches::{data_dir, data_file};
use criterion::{Criterion, criterion_group, criterion_main};

const RESUME: &str = "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf";
const JOB: &str = "fit/resume-matcher-samples/job_descriptions/job_desc_full_stack_engineer.pdf";
const JOBS: usize = 100_000;

fn profile() -> Option<Profile> {
    let bytes = data_file(RESUME)?;
    parse_resume(&bytes, &Hint::file_name("cv.pdf"))
        .ok()
        .map(|p| p.value)
}

fn glassdoor() -> Vec<Job> {
    let path = data_dir().join("jobs/glassdoor-ds-2021/Uncleaned_DS_jobs.csv");
    let Ok(mut rdr) = csv::Reader::from_path(&path) else {
        eprintln!("skipping: {} not readable", path.display());
        return Vec::new();
    };
    rdr.records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            let mut job = parse_job(r.get(3)?.as_bytes(), &Hint::default())
                .ok()?
                .value;
            job.title = Some(r.get(1)?.to_string());
            Some(job)
        })
        .collect()
}

/// `n` jobs varied from the real ones.
pub fn synthetic(base: &[Job], n: usize) -> Vec<Job> {
    (0..n)
        .map(|i| {
            let mut j = base[i % base.len()].clone();
            let round = i / base.len();
            j.id = Some(format!("job-{i}"));
            j.title = j.title.map(|t| format!("Variant {} {t}", i % 97));
            let sentences: Vec<&str> = j.description.split_inclusive(['.', '\n']).collect();
            if !sentences.is_empty() {
                let k = round % sentences.len();
                j.description = sentences[k..]
                    .iter()
                    .chain(&sentences[..k])
                    .copied()
                    .collect();
            }
            if round % 3 == 1 && !j.required_skills.is_empty() {
                let k = round % j.required_skills.len();
                j.required_skills.remove(k);
            }
            j
        })
        .collect()
}

fn score_one(c: &mut Criterion) {
    let (Some(profile), Some(job)) = (
        profile(),
        data_file(JOB).and_then(|b| parse_job(&b, &Hint::file_name("job.pdf")).ok()),
    ) else {
        return;
    };
    let job = job.value;
    let config = ScoreConfig::default();
    let mut group = c.benchmark_group("score");
    group.measurement_time(Duration::from_secs(4));
    let prepared = PreparedProfile::new(&profile);
    group.bench_function("prepared_resume_vs_job", |b| {
        b.iter(|| black_box(score_prepared(&prepared, black_box(&job), None, &config)))
    });
    group.bench_function("resume_vs_job_unprepared", |b| {
        b.iter(|| black_box(score_with(&profile, black_box(&job), None, &config)))
    });
    group.bench_function("prepare_profile", |b| {
        b.iter(|| black_box(PreparedProfile::new(black_box(&profile))))
    });
    group.finish();
}

fn rank_many(c: &mut Criterion) {
    let Some(profile) = profile() else { return };
    let base = glassdoor();
    if base.is_empty() {
        return;
    }
    let jobs = synthetic(&base, JOBS);
    let start = Instant::now();
    let index = JobIndex::new(jobs);
    eprintln!(
        "score: JobIndex::new over {JOBS} jobs took {:.2} s; feature_bytes_per_job = {}",
        start.elapsed().as_secs_f64(),
        index.feature_bytes_per_job()
    );
    let prefs = MatchPrefs::default();
    let mut group = c.benchmark_group("score_rank");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("rank_100k_top10", |b| {
        b.iter(|| black_box(index.rank_top(black_box(&profile), &prefs, 10)))
    });
    group.bench_function("rank_100k_all", |b| {
        b.iter(|| black_box(index.rank(black_box(&profile), &prefs)))
    });
    group.finish();
}

criterion_group!(benches, score_one, rank_many);
criterion_main!(benches);
