//! The native side of the browser speed comparison (scripts/ci/browser.sh): the same work the
//! browser test times in wasm (parse a resume file, parse a job posting, score one against the
//! other) run natively, built with the same cargo profile as the wasm it is compared with.
//!
//!     cargo run -p career-copilot-wasm --example native_timing -- RESUME JOB [RUNS]
//!
//! Prints `{"runs":N,"median_ms":M,"min_ms":m,"first_ms":F,"score":S}`: the median and
//! minimum of N timed runs after the first, and the first (cold) run on its own.

use std::time::Instant;

use career_copilot::ats::{ScoreConfig, score_with};
use career_copilot::{Hint, parse_job, parse_resume};

fn main() {
    if let Err(message) = run() {
        eprintln!("native_timing: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(resume_path), Some(job_path)) = (args.first(), args.get(1)) else {
        return Err("usage: native_timing RESUME JOB [RUNS]".into());
    };
    let runs: usize = match args.get(2) {
        Some(n) => n.parse().map_err(|e| format!("RUNS {n:?}: {e}"))?,
        None => 7,
    };
    let resume = std::fs::read(resume_path).map_err(|e| format!("{resume_path}: {e}"))?;
    let job = std::fs::read(job_path).map_err(|e| format!("{job_path}: {e}"))?;
    let name = std::path::Path::new(resume_path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    let once = || -> Result<f64, String> {
        let parsed =
            parse_resume(&resume, &Hint::file_name(name.clone())).map_err(|e| e.to_string())?;
        let posting = parse_job(&job, &Hint::default()).map_err(|e| e.to_string())?;
        let report = score_with(
            &parsed.value,
            &posting.value,
            Some(&parsed.layout),
            &ScoreConfig::default(),
        );
        Ok(report.score)
    };
    let start = Instant::now();
    let score = once()?;
    let first = start.elapsed().as_secs_f64() * 1000.0;
    let mut times = Vec::with_capacity(runs.max(1));
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        std::hint::black_box(once()?);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "{{\"runs\":{},\"median_ms\":{median:.3},\"min_ms\":{:.3},\"first_ms\":{first:.3},\"score\":{score}}}",
        times.len(),
        times[0]
    );
    Ok(())
}
