//! Determinism through the command line: `copilot score PROFILE.json JOB.json --as-of ...` on
//! the shared vectors (`tests/vectors/*.json`) prints exactly the numbers the vectors pin down,
//! the same as Rust (`tests/tests/ats_vectors.rs`) and every binding.
//!
//! Lives in the examples crate because Cargo builds the `copilot` binary for its own
//! integration tests only (`CARGO_BIN_EXE_copilot`).

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};

fn vectors() -> Vec<(PathBuf, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).expect("vector"))
                .expect("vector JSON");
            (p, v)
        })
        .collect()
}

/// The part of a report the vectors pin down (as in ats_vectors.rs), from the CLI's JSON.
fn pinned(r: &Value) -> Value {
    let pick = |v: &Value, keys: &[&str]| {
        Value::Object(
            keys.iter()
                .map(|k| ((*k).to_owned(), v[*k].clone()))
                .collect(),
        )
    };
    let list = |key: &str, keys: &[&str]| {
        r[key]
            .as_array()
            .map(|a| a.iter().map(|v| pick(v, keys)).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    json!({
        "score": r["score"],
        "experience_years": r["experience_years"],
        "breakdown": list("breakdown", &["name", "weight", "value", "points"]),
        "matched": list("matched", &["skill", "required", "credit", "evidence"]),
        "missing": list("missing", &["skill", "required"]),
    })
}

/// `{"year": 2024, "month": 6}` as `2024-06`, the form `--as-of` takes.
fn iso(date: &Value) -> String {
    let mut s = format!("{:04}", date["year"].as_u64().expect("year"));
    if let Some(m) = date["month"].as_u64() {
        s.push_str(&format!("-{m:02}"));
        if let Some(d) = date["day"].as_u64() {
            s.push_str(&format!("-{d:02}"));
        }
    }
    s
}

#[test]
fn copilot_score_matches_the_shared_vectors() {
    let files = vectors();
    assert!(files.len() >= 5, "the vectors are missing");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_vectors");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut checked = 0;
    for (path, v) in files {
        let name = v["name"].as_str().expect("name");
        let config = v["config"].as_object().expect("config");
        // The CLI takes "today" only; a vector with other options cannot run through it.
        assert!(
            config.keys().all(|k| k == "as_of"),
            "{name}: the CLI has no flag for {config:?}"
        );
        let profile = dir.join(format!("{name}.profile.json"));
        let job = dir.join(format!("{name}.job.json"));
        std::fs::write(&profile, v["profile"].to_string()).expect("write profile");
        std::fs::write(&job, v["job"].to_string()).expect("write job");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_copilot"));
        cmd.arg("score").arg(&profile).arg(&job);
        if let Some(as_of) = config.get("as_of").filter(|d| !d.is_null()) {
            cmd.arg("--as-of").arg(iso(as_of));
        }
        let out = cmd.output().expect("run copilot");
        if v["job"] == json!({}) || v["profile"] == json!({}) {
            // `copilot` reads files through the parsers, which refuse an empty document: `{}` is
            // neither a JSON Resume nor a job posting (a typed error, exit 1). The library
            // scores such values (ats_vectors.rs and the bindings). Pin the refusal rather than
            // skip silently.
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                !out.status.success()
                    && (stderr.contains("no job posting found")
                        || stderr.contains("not a JSON Resume")),
                "{name}: expected the CLI to refuse an empty document: {stderr}"
            );
            continue;
        }
        checked += 1;
        assert!(
            out.status.success(),
            "{name}: copilot score failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).expect("report JSON");
        assert_eq!(
            pinned(&report),
            v["expected"],
            "{}: the CLI's score differs from the shared vector",
            path.display()
        );
    }
    assert!(checked >= 3, "only {checked} vectors went through the CLI");
}
