//! all-MiniLM-L6-v2 through `FastEmbedder`: real vectors against raw onnxruntime in Python
//! (`benches/peers/minilm_reference.py`), typed errors, and the labelled checks.

use std::path::{Path, PathBuf};

use career_copilot::Error;
use career_copilot::retrieve::{Embedder, FastEmbedder, FastEmbedderOptions, dot};

use super::{esco_suite, evaluate, labelled_suite, print_table};

/// The runtime library: `CAREER_COPILOT_ORT_DYLIB`, else where `scripts/ci/onnxruntime.sh` puts it.
fn runtime() -> Option<PathBuf> {
    let path = std::env::var_os("CAREER_COPILOT_ORT_DYLIB")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| {
                PathBuf::from(h).join(".cache/career-copilot/ort/libonnxruntime.so.1.24.4")
            })
        })?;
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var("CAREER_COPILOT_REQUIRE_MODEL").as_deref() != Ok("1"),
        "CAREER_COPILOT_REQUIRE_MODEL=1 but the ONNX Runtime library {} is missing; run scripts/ci/onnxruntime.sh",
        path.display()
    );
    eprintln!(
        "skipped: no ONNX Runtime library at {} (run scripts/ci/onnxruntime.sh)",
        path.display()
    );
    None
}

fn model_dir() -> PathBuf {
    std::env::var_os("CAREER_COPILOT_MODEL_DIR").map_or_else(
        || {
            career_copilot_e2e::data_dir()
                .unwrap_or_else(|| PathBuf::from("/work/shared/data"))
                .join("../models/all-MiniLM-L6-v2")
        },
        PathBuf::from,
    )
}

fn load(rt: &Path) -> FastEmbedder {
    let options = FastEmbedderOptions {
        threads: Some(2),
        ..FastEmbedderOptions::default()
    };
    FastEmbedder::load(&model_dir(), rt, options).unwrap()
}

#[test]
fn minilm_vectors_match_python_onnxruntime() {
    let Some(rt) = runtime() else { return };
    let e = load(&rt);
    assert_eq!(e.dim(), 384);
    assert_eq!(e.model_id(), "all-MiniLM-L6-v2");
    let texts = [
        "Built a Rust service handling 10k requests per second",
        "Registered nurse with ICU experience",
    ];
    let v = e.embed_documents(&texts).unwrap();
    // From raw onnxruntime 1.24.4 in Python: mean pooling, L2 normalised.
    let expected: [[f32; 6]; 2] = [
        [
            -0.101802, 0.025039, -0.042876, 0.055261, -0.045503, -0.084285,
        ],
        [
            -0.039022, -0.071593, -0.011413, 0.050315, -0.012808, 0.047291,
        ],
    ];
    for (got, want) in v.iter().zip(expected) {
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-5, "{g} vs {w}");
        }
    }
    assert!((dot(&v[0], &v[1]) - 0.06741).abs() < 1e-4);
    // A query embeds as the same document does (MiniLM is symmetric).
    let q = e.embed_query(texts[1]).unwrap();
    assert!((dot(&q, &v[1]) - 1.0).abs() < 1e-5);
    assert!(matches!(
        e.embed_query(" "),
        Err(Error::InvalidInput { .. })
    ));
}

#[test]
fn missing_runtime_and_model_files_are_typed_errors() {
    let Some(rt) = runtime() else { return };
    let err = FastEmbedder::load(
        &model_dir(),
        Path::new("/nonexistent/libonnxruntime.so"),
        FastEmbedderOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err}");
    let empty = tempfile_dir();
    let err = FastEmbedder::load(&empty, &rt, FastEmbedderOptions::default()).unwrap_err();
    assert!(
        matches!(&err, Error::NotFound(m) if m.contains("model.onnx")),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn a_library_that_is_not_onnx_runtime_is_a_typed_error() {
    // Runs in its own process under nextest: ort keeps the first runtime it loads.
    if runtime().is_none() {
        return;
    }
    let not_a_library = model_dir().join("config.json");
    let err = career_copilot::retrieve::load_runtime(&not_a_library).unwrap_err();
    assert!(
        matches!(&err, Error::Provider { provider, .. } if provider == "onnxruntime"),
        "{err}"
    );
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cc-retrieval-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn labelled_checks_with_minilm() {
    let Some(rt) = runtime() else { return };
    let e = std::sync::Arc::new(load(&rt));
    let make = || -> Box<dyn Embedder> { Box::new(e.clone()) };
    let suite = labelled_suite();
    let s = evaluate(&suite, &make);
    print_table(&suite, "all-MiniLM-L6-v2", &s);
    assert!(s[2].recall > 0.6, "{:.3}", s[2].recall);
    if std::env::var("CAREER_COPILOT_EVAL_ESCO").as_deref() == Ok("1") {
        // 13,895 labels through the model: about a minute on two cores, so opt-in.
        if let Some(suite) = esco_suite() {
            let s = evaluate(&suite, &make);
            print_table(&suite, "all-MiniLM-L6-v2", &s);
        }
    }
}
