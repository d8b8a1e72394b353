//! Field-by-field accuracy of the parsers on labelled documents in `../shared/data`.
//!
//! Run `cargo run -p career-copilot-e2e --bin accuracy` to print the tables; the integration test
//! `tests/tests/accuracy.rs` holds the thresholds.

use std::collections::BTreeMap;
use std::fmt::Write as _;

pub mod heldout;
pub mod jobs;
pub mod ranking;
pub mod resumes;

/// Scores (0 to 1) of one document's fields.
#[derive(Debug, Clone, Default)]
pub struct DocScore {
    pub doc: String,
    pub fields: BTreeMap<String, f64>,
}

impl DocScore {
    /// A new, empty score for `doc`.
    pub fn new(doc: impl Into<String>) -> Self {
        DocScore {
            doc: doc.into(),
            fields: BTreeMap::new(),
        }
    }

    /// Records one field's score.
    pub fn set(&mut self, field: &str, score: f64) {
        self.fields.insert(field.to_string(), score);
    }

    /// The mean over this document's fields.
    pub fn mean(&self) -> f64 {
        mean(self.fields.values().copied())
    }
}

/// Scores of a labelled set.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub name: String,
    pub docs: Vec<DocScore>,
}

impl Report {
    /// Mean over every field of every document.
    pub fn mean(&self) -> f64 {
        mean(self.docs.iter().flat_map(|d| d.fields.values().copied()))
    }

    /// Mean of each field across documents.
    pub fn field_means(&self) -> BTreeMap<String, f64> {
        let mut acc: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for d in &self.docs {
            for (f, s) in &d.fields {
                acc.entry(f.clone()).or_default().push(*s);
            }
        }
        acc.into_iter()
            .map(|(f, v)| (f, mean(v.into_iter())))
            .collect()
    }

    /// A plain-text table: one row a document, then the field means and the overall mean.
    pub fn table(&self) -> String {
        let mut out = format!("## {}\n", self.name);
        for d in &self.docs {
            let fields: Vec<String> = d
                .fields
                .iter()
                .map(|(f, s)| format!("{f}={s:.2}"))
                .collect();
            let _ = writeln!(out, "{:<48} {:.3}  {}", d.doc, d.mean(), fields.join(" "));
        }
        let fm: Vec<String> = self
            .field_means()
            .iter()
            .map(|(f, s)| format!("{f}={s:.3}"))
            .collect();
        let _ = writeln!(out, "field means: {}", fm.join(" "));
        let _ = writeln!(
            out,
            "mean: {:.3} over {} documents",
            self.mean(),
            self.docs.len()
        );
        out
    }
}

/// Mean of an iterator (0 when empty).
pub fn mean(it: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = it.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { s / n as f64 }
}

/// Lowercases and keeps only letters and digits, for lenient string comparison.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// 1 when the normalised strings are equal, or one contains the other and covers most of it.
pub fn same(a: &str, b: &str) -> f64 {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    if a == b {
        return 1.0;
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.contains(short.as_str()) && short.len() * 10 >= long.len() * 8 {
        1.0
    } else {
        0.0
    }
}
