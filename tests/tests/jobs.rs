//! Job parsing over the real postings in `../shared/data/jobs`: accuracy floors, the RemoteOK
//! payload as a whole, and speed. Run `cargo run -p career-copilot-e2e --bin accuracy jobs`
//! for the tables.

use std::collections::BTreeMap;
use std::time::Instant;

use career_copilot::ingest::Format;
use career_copilot::ingest::job::parse_many;
use career_copilot::{Hint, Limits, parse_job};
use career_copilot_e2e::accuracy::jobs;

fn field_means() -> Option<BTreeMap<String, BTreeMap<String, f64>>> {
    let Some(data) = career_copilot_e2e::data_dir() else {
        eprintln!("skipped: ../shared/data not found");
        return None;
    };
    Some(
        jobs::reports(&data)
            .into_iter()
            .map(|r| (r.name.clone(), r.field_means()))
            .collect(),
    )
}

fn at_least(means: &BTreeMap<String, BTreeMap<String, f64>>, set: &str, field: &str, floor: f64) {
    let got = means
        .get(set)
        .and_then(|m| m.get(field))
        .copied()
        .unwrap_or(0.0);
    assert!(got >= floor, "{set} {field}: {got:.3} is below {floor}");
}

#[test]
fn accuracy_floors() {
    let Some(m) = field_means() else { return };
    for (set, fields) in &m {
        eprintln!("{set}: {fields:?}");
    }
    // Measured: title 1.00, company 1.00, location 1.00.
    for f in ["title", "company", "location"] {
        at_least(&m, "glassdoor-ds-2021 pasted", f, 0.97);
    }
    // Measured: title 0.96, company 0.98, location 0.97.
    at_least(&m, "glassdoor-ds-2021 one-line header", "title", 0.92);
    at_least(&m, "glassdoor-ds-2021 one-line header", "company", 0.94);
    at_least(&m, "glassdoor-ds-2021 one-line header", "location", 0.93);
    // Measured: title 0.82, company 0.63 (was 0.64 / 0.53 before lower-case titles, "As a
    // data scientist at X", "X (ABC) is seeking", "Join us at X" and abbreviations spelled out).
    at_least(&m, "glassdoor-ds-2021 description only", "title", 0.76);
    at_least(&m, "glassdoor-ds-2021 description only", "company", 0.58);
    // Measured: 1.00 each, tag skills 0.92.
    for f in ["title", "company", "location", "salary"] {
        at_least(&m, "remoteok-sample", f, 0.95);
    }
    at_least(&m, "remoteok-sample", "tag_skills", 0.80);
    // Measured: tech find 0.48, parse 0.47 (inflected names: "solving business problems");
    // house find 0.20, parse 0.21 (mostly soft-skill spans the taxonomy does not hold); spans
    // the taxonomy knows are found 0.98 to 1.00 of the time.
    at_least(&m, "esco tech", "find", 0.40);
    at_least(&m, "esco tech", "parse", 0.42);
    at_least(&m, "esco house", "find", 0.15);
    at_least(&m, "esco house", "parse", 0.16);
    at_least(&m, "esco tech", "known", 0.90);
    at_least(&m, "esco house", "known", 0.90);
}

#[test]
fn remoteok_payload_keeps_source_and_link() {
    let Some(data) = career_copilot_e2e::data_dir() else {
        return;
    };
    let Ok(bytes) = std::fs::read(data.join("jobs/remoteok-sample/remoteok.json")) else {
        return;
    };
    let all = parse_many(&bytes, Format::Json, &Limits::default()).expect("parses");
    assert_eq!(all.len(), 15, "the terms notice is skipped");
    for p in &all {
        assert_eq!(p.value.source.as_deref(), Some("remoteok"));
        assert!(
            p.value
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://remoteOK.com/"))
        );
        assert!(
            !p.value.description.contains("â€"),
            "mojibake left in {:?}",
            p.value.source_id
        );
    }
    let first = parse_job(&bytes, &Hint::default()).expect("parses");
    assert!(first.warnings.iter().any(|w| w.code == "more-postings"));
}

#[test]
fn parsing_is_fast() {
    let Some(data) = career_copilot_e2e::data_dir() else {
        return;
    };
    let rows = jobs::glassdoor_rows(&data.join("jobs/glassdoor-ds-2021/Uncleaned_DS_jobs.csv"));
    if rows.is_empty() {
        return;
    }
    let texts: Vec<String> = rows.iter().map(|r| r.pasted()).collect();
    let hint = Hint {
        format: Some(Format::Text),
        ..Hint::default()
    };
    // Warm up the lazily built regexes and the skill taxonomy.
    parse_job(texts[0].as_bytes(), &hint).expect("parses");
    let start = Instant::now();
    for t in &texts {
        parse_job(t.as_bytes(), &hint).expect("parses");
    }
    let elapsed = start.elapsed();
    eprintln!(
        "parsed {} Glassdoor postings in {:.3} s",
        texts.len(),
        elapsed.as_secs_f64()
    );
    // A typical posting: the median length (about 3,400 characters), parsed 100 times.
    let mut by_len: Vec<&String> = texts.iter().collect();
    by_len.sort_by_key(|t| t.len());
    let typical = by_len[by_len.len() / 2];
    // The best of ten rounds of ten: the machine may be shared, and the best round is the
    // one least disturbed.
    let each = (0..10)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..10 {
                parse_job(typical.as_bytes(), &hint).expect("parses");
            }
            start.elapsed().as_secs_f64() * 100.0
        })
        .fold(f64::INFINITY, f64::min);
    eprintln!(
        "a typical posting ({} characters): {each:.3} ms",
        typical.chars().count()
    );
    // Generous bounds: the test profile compiles this crate without optimisation and CI
    // machines are shared; see the hand-off report for the figures measured.
    assert!(
        elapsed.as_secs_f64() < 4.0,
        "{} postings took {elapsed:?}",
        texts.len()
    );
    assert!(each < 10.0, "a typical posting took {each:.3} ms");
}

#[test]
fn job_description_pdfs() {
    let Some(data) = career_copilot_e2e::data_dir() else {
        return;
    };
    let Ok(dir) = std::fs::read_dir(data.join("fit/resume-matcher-samples/job_descriptions"))
    else {
        return;
    };
    let mut seen = 0;
    for entry in dir.flatten() {
        let path = entry.path();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let p = parse_job(&bytes, &Hint::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let j = &p.value;
        eprintln!(
            "{}: {:?} | {:?} | {:?} | years {:?} | {} required skills",
            path.display(),
            j.title,
            j.company,
            j.locations,
            j.years_min,
            j.required_skills.len()
        );
        assert!(j.title.is_some(), "{}: no title", path.display());
        assert!(
            !j.required_skills.is_empty(),
            "{}: no skills",
            path.display()
        );
        seen += 1;
    }
    assert!(seen > 0);
}
