//! Retrieval quality on labelled data, and the fastembed embedder against Python onnxruntime.
//!
//! Two labelled checks, each run for lexical (BM25), dense and hybrid (RRF) retrieval:
//! - job requirements against profile evidence, labelled by hand in
//!   `tests/fixtures/retrieval/labelled.json`;
//! - ESCO skill-extraction validation spans against the 13,895 ESCO skill labels.
//!
//! Dense runs with the offline `HashEmbedder` always, and with all-MiniLM-L6-v2 when built with
//! `--features fastembed` and the ONNX Runtime library is present: set
//! `CAREER_COPILOT_ORT_DYLIB` (from `scripts/ci/onnxruntime.sh`) and optionally
//! `CAREER_COPILOT_MODEL_DIR`; `CAREER_COPILOT_REQUIRE_MODEL=1` turns a missing runtime into a
//! failure instead of a skip.

use std::collections::{BTreeMap, HashSet};

use career_copilot::Profile;
use career_copilot::retrieve::{
    Chunk, ChunkFilter, ChunkKind, Embedder, HashEmbedder, Mode, Retriever, chunk_profile,
};
use career_copilot_e2e::data_dir;
use serde_json::Value;

const K: usize = 5;

/// One query with the paths judged relevant.
struct Query {
    text: String,
    relevant: HashSet<String>,
}

/// A corpus with its queries.
struct Suite {
    name: &'static str,
    corpora: Vec<(Vec<Chunk>, Vec<Query>)>,
}

#[derive(Default, Clone, Copy)]
struct Scores {
    recall: f64,
    ndcg: f64,
    n: usize,
}

fn labelled_suite() -> Suite {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/retrieval/labelled.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut corpora = Vec::new();
    for case in doc["cases"].as_array().unwrap() {
        let profile: Profile = serde_json::from_value(case["profile"].clone()).unwrap();
        let chunks = chunk_profile(&profile);
        let paths: HashSet<&str> = chunks.iter().map(|c| c.path.as_str()).collect();
        let queries: Vec<Query> = case["queries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let relevant: HashSet<String> = q["relevant"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap().to_string())
                    .collect();
                for p in &relevant {
                    assert!(
                        paths.contains(p.as_str()),
                        "label {p} is not a chunk path: {paths:?}"
                    );
                }
                Query {
                    text: q["requirement"].as_str().unwrap().to_string(),
                    relevant,
                }
            })
            .collect();
        corpora.push((chunks, queries));
    }
    Suite {
        name: "requirements → profile evidence (hand-labelled)",
        corpora,
    }
}

fn esco_suite() -> Option<Suite> {
    let data = data_dir()?;
    let labels =
        std::fs::read_to_string(data.join("taxonomy/esco/esco_v1.1.0_skills_en_label.txt")).ok()?;
    let chunks: Vec<Chunk> = labels
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Chunk {
            path: l.to_string(),
            kind: ChunkKind::Other,
            text: l.to_string(),
            tags: Vec::new(),
        })
        .collect();
    let known: HashSet<&str> = chunks.iter().map(|c| c.path.as_str()).collect();
    let mut by_span: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for file in ["tech", "house"] {
        let path = data.join(format!(
            "jobs/skill-extraction-esco-benchmark/{file}_validation_annotations.csv"
        ));
        let mut rdr = csv::Reader::from_path(path).ok()?;
        for row in rdr.records() {
            let row = row.unwrap();
            let (span, label) = (row[1].trim(), row[3].trim());
            if span.is_empty() || !known.contains(label) {
                continue; // LABEL NOT PRESENT, UNDERSPECIFIED
            }
            by_span
                .entry(span.to_string())
                .or_default()
                .insert(label.to_string());
        }
    }
    let queries = by_span
        .into_iter()
        .map(|(text, relevant)| Query { text, relevant })
        .collect();
    Some(Suite {
        name: "ESCO validation spans → skill labels",
        corpora: vec![(chunks, queries)],
    })
}

/// Recall@K and binary nDCG@K of every mode, averaged over queries.
fn evaluate(suite: &Suite, embedder: &dyn Fn() -> Box<dyn Embedder>) -> [Scores; 3] {
    let mut out = [Scores::default(); 3];
    for (chunks, queries) in &suite.corpora {
        let mut r = Retriever::new(embedder()).unwrap();
        r.add(chunks.clone()).unwrap();
        for q in queries {
            for (m, mode) in [Mode::Lexical, Mode::Dense, Mode::Hybrid]
                .into_iter()
                .enumerate()
            {
                let hits = r.search(&q.text, K, mode, &ChunkFilter::default()).unwrap();
                let gains: Vec<bool> = hits.iter().map(|h| q.relevant.contains(&h.path)).collect();
                let found = gains.iter().filter(|g| **g).count();
                let dcg: f64 = gains
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| **g)
                    .map(|(i, _)| 1.0 / (i as f64 + 2.0).log2())
                    .sum();
                let ideal: f64 = (0..q.relevant.len().min(K))
                    .map(|i| 1.0 / (i as f64 + 2.0).log2())
                    .sum();
                let s = &mut out[m];
                s.recall += found as f64 / q.relevant.len().min(K) as f64;
                s.ndcg += dcg / ideal;
                s.n += 1;
            }
        }
    }
    for s in &mut out {
        s.recall /= s.n as f64;
        s.ndcg /= s.n as f64;
    }
    out
}

fn print_table(suite: &Suite, model: &str, s: &[Scores; 3]) {
    println!("\n{} — dense model {model}, {} queries", suite.name, s[0].n);
    println!("| mode    | recall@{K} | nDCG@{K} |");
    println!("|---------|----------|--------|");
    for (name, x) in ["lexical", "dense", "hybrid"].iter().zip(s) {
        println!("| {name:<7} | {:.3}    | {:.3}  |", x.recall, x.ndcg);
    }
}

fn offline() -> Box<dyn Embedder> {
    Box::new(HashEmbedder::default())
}

#[test]
fn labelled_requirements_offline_hybrid_beats_each_alone() {
    let suite = labelled_suite();
    let s = evaluate(&suite, &offline);
    print_table(&suite, "hash-v1 (offline)", &s);
    let [lex, dense, hybrid] = s;
    assert!(
        hybrid.ndcg > lex.ndcg && hybrid.ndcg > dense.ndcg,
        "hybrid nDCG {:.3} vs lexical {:.3}, dense {:.3}",
        hybrid.ndcg,
        lex.ndcg,
        dense.ndcg
    );
    assert!(hybrid.recall >= lex.recall && hybrid.recall >= dense.recall);
    // A floor that catches a broken retriever, well under what it measures.
    assert!(hybrid.recall > 0.6, "{:.3}", hybrid.recall);
}

#[test]
fn esco_spans_offline() {
    let Some(suite) = esco_suite() else {
        eprintln!("skipped: ../shared/data with the ESCO benchmark is not present");
        return;
    };
    let s = evaluate(&suite, &offline);
    print_table(&suite, "hash-v1 (offline)", &s);
    let [lex, dense, hybrid] = s;
    assert!(hybrid.ndcg > lex.ndcg.min(dense.ndcg));
    assert!(hybrid.recall > 0.3, "{:.3}", hybrid.recall);
}

#[cfg(feature = "fastembed")]
#[path = "retrieval/minilm.rs"]
mod minilm;
