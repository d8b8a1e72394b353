//! Field-by-field accuracy on generated held-out resumes in `tests/fixtures/heldout`.
//!
//! `scripts/make_heldout.py` writes them in layouts the parser was not tuned on (one- and
//! two-column Typst PDFs, Word documents, plain-text exports), each with a `.truth.json`
//! beside it: `name`, `email`, `phone`, `work[]` (`company`, `position`, `start`, `end`; ISO
//! dates, "present" for an ongoing role), `institutions`, `skills`. Scoring is the one of
//! [`resumes::score`](super::resumes::score); [`run`] also reports the mean of each layout
//! family (the file name's prefix before the first `-`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use career_copilot::{Hint, parse_resume};
use serde_json::Value;

use super::resumes::{Truth, TruthJob, score};
use super::{Report, mean};

/// The fixtures folder in this repository.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/heldout")
}

/// Each generated document with its truth, sorted by file name.
pub fn labelled(dir: &Path) -> Vec<(PathBuf, Truth)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "pdf" || e == "docx" || e == "txt")
        })
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().to_string();
            let text =
                std::fs::read_to_string(p.with_file_name(format!("{stem}.truth.json"))).ok()?;
            let v: Value = serde_json::from_str(&text).ok()?;
            Some((p.clone(), truth(&v)))
        })
        .collect()
}

fn s(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(s).collect())
        .unwrap_or_default()
}

/// Reads a `.truth.json`.
pub fn truth(v: &Value) -> Truth {
    Truth {
        name: s(&v["name"]),
        email: s(&v["email"]),
        phone: s(&v["phone"]),
        work: v["work"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|w| TruthJob {
                        company: s(&w["company"]),
                        position: s(&w["position"]),
                        start: s(&w["start"]),
                        end: s(&w["end"]),
                        label_only: false,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        institutions: strings(&v["institutions"]),
        skills: strings(&v["skills"]),
    }
}

/// Scores every generated resume under `dir`.
pub fn run(dir: &Path) -> Report {
    let docs = labelled(dir)
        .into_iter()
        .map(|(file, truth)| {
            let name = file
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default();
            let parsed = std::fs::read(&file)
                .ok()
                .and_then(|bytes| parse_resume(&bytes, &Hint::file_name(&name)).ok())
                .map(|p| p.value);
            score(&name, parsed.as_ref(), &truth)
        })
        .collect();
    Report {
        name: "held-out resumes".into(),
        docs,
    }
}

/// Mean of each layout family (the document name up to its first `-`).
pub fn family_means(report: &Report) -> BTreeMap<String, f64> {
    let mut acc: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for d in &report.docs {
        let family = d.doc.split('-').next().unwrap_or("").to_string();
        acc.entry(family)
            .or_default()
            .extend(d.fields.values().copied());
    }
    acc.into_iter()
        .map(|(f, v)| (f, mean(v.into_iter())))
        .collect()
}

/// The report's table followed by one line of family means.
pub fn table(report: &Report) -> String {
    let mut out = report.table();
    let fams: Vec<String> = family_means(report)
        .iter()
        .map(|(f, m)| format!("{f}={m:.3}"))
        .collect();
    let _ = writeln!(out, "family means: {}", fams.join(" "));
    out
}
