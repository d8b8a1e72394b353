//! No-loss guarantee: every word of a resume's extracted text ends up somewhere in the parsed
//! profile (basics, a section's entries, or a custom section). Measured as the share of input
//! words (runs of letters and digits, lowercased) found among the serialized profile's words.
//! Words the profile holds in structured form count as kept: heading words (the section
//! itself), months and "present" (ISO dates) and field labels ("GPA", "Phone"); see
//! `career_copilot::ingest::resume::coverage::structural_word`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use career_copilot::ingest::resume::coverage::structural_word;
use career_copilot::ingest::{Format, extract_text, sniff};
use career_copilot::{Hint, Limits, parse_resume};
use career_copilot_e2e::accuracy::{heldout, resumes};
use career_copilot_e2e::data_dir;

const MIN_COVERAGE: f64 = 0.97;

/// Lowercased runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every string in a JSON value, keys excluded.
fn strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Number(n) => {
            out.push_str(&n.to_string());
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// Share of the input text's words that the parsed profile keeps, or `None` for an empty input.
fn coverage(bytes: &[u8], file_name: &str) -> Option<f64> {
    let hint = Hint {
        file_name: Some(file_name.into()),
        ..Hint::default()
    };
    let format = sniff(bytes, Some(file_name)).ok()?;
    let input = match format {
        Format::Pdf | Format::Docx | Format::Html | Format::Markdown | Format::Text => {
            extract_text(bytes, format, &Limits::default()).ok()?.text()
        }
        _ => return None,
    };
    let want = words(&input);
    if want.is_empty() {
        return None;
    }
    let profile = parse_resume(bytes, &hint).ok()?.value;
    let mut got = String::new();
    strings(
        &serde_json::to_value(&profile).unwrap_or_default(),
        &mut got,
    );
    let have: HashSet<String> = words(&got).into_iter().collect();
    let is_kept = |w: &String| have.contains(w) || structural_word(w);
    let kept = want.iter().filter(|w| is_kept(w)).count();
    if std::env::var("COVERAGE_DEBUG").is_ok() {
        let lost: Vec<&String> = want.iter().filter(|w| !is_kept(w)).collect();
        println!("{file_name}: lost {lost:?}");
    }
    Some(kept as f64 / want.len() as f64)
}

/// Mean and minimum of a set's scores, with the name of the worst document.
fn report(set: &str, scores: &[(String, f64)]) -> f64 {
    let mean = scores.iter().map(|s| s.1).sum::<f64>() / scores.len().max(1) as f64;
    let worst = scores
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .cloned()
        .unwrap_or_default();
    println!(
        "{set:<12} n={:<4} mean {mean:.4}  min {:.4} ({})",
        scores.len(),
        worst.1,
        worst.0
    );
    worst.1
}

fn file_scores(files: &[PathBuf]) -> Vec<(String, f64)> {
    files
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let name = p.file_name()?.to_string_lossy().to_string();
            coverage(&bytes, &name).map(|c| (p.display().to_string(), c))
        })
        .collect()
}

fn csv_scores(data: &Path) -> Vec<(String, f64)> {
    let path = data.join("fit/resume-categories-25/UpdatedResumeDataSet.csv");
    let Ok(mut csv) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, rec) in csv.records().flatten().enumerate() {
        let text = rec.get(1).unwrap_or_default().to_string();
        if seen.insert(text.clone())
            && let Some(c) = coverage(text.as_bytes(), "resume.txt")
        {
            out.push((format!("csv row {i}"), c));
        }
    }
    out
}

#[test]
fn parsed_profiles_keep_the_input_words() {
    let Some(data) = data_dir() else {
        println!("skipped: ../shared/data is absent");
        return;
    };
    let root = data.join("resumes");
    let labelled: Vec<PathBuf> = resumes::labelled(&root)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !p.to_string_lossy().contains("word-cvs"))
        .collect();
    let mut word_cvs: Vec<PathBuf> = std::fs::read_dir(root.join("word-cvs"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    word_cvs.retain(|p| p.extension().is_some_and(|e| e == "docx"));
    word_cvs.sort();
    let held: Vec<PathBuf> = heldout::labelled(&heldout::fixtures_dir())
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let sets = [
        ("resumes", file_scores(&labelled)),
        ("word-cvs", file_scores(&word_cvs)),
        ("heldout", file_scores(&held)),
        ("csv", csv_scores(&data)),
    ];
    let mut failures = Vec::new();
    for (name, scores) in &sets {
        assert!(!scores.is_empty(), "{name}: no documents were scored");
        report(name, scores);
        failures.extend(
            scores
                .iter()
                .filter(|s| s.1 < MIN_COVERAGE)
                .map(|s| format!("{name}: {} keeps {:.3}", s.0, s.1)),
        );
    }
    assert!(
        failures.is_empty(),
        "{} documents lose words:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
