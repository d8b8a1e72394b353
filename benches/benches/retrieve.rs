//! Retrieval hot paths.
//!
//! Criterion (`cargo bench -p career-copilot-benches --features usearch,fastembed --bench retrieve`):
//! - indexing a two-page profile (about 60 chunks) with the offline embedder: chunking,
//!   embedding, the flat index and BM25 (target ≤ 2 ms);
//! - exact flat search over 100,000 × 384 vectors, one query (its cost does not depend on
//!   where the vectors lie);
//! - with `--features fastembed` and `CAREER_COPILOT_ORT_DYLIB`: all-MiniLM-L6-v2 on 32 texts.
//!
//! Report modes, run by `benches/peers/retrieve_peers.py` beside the peer tool on the same
//! files (`CAREER_COPILOT_BENCH=ann|embed`, `CAREER_COPILOT_BENCH_DIR`): `ann` builds usearch
//! HNSW (f32, f16, i8) and the flat index over the script's 100k vectors and times its queries;
//! `embed` times `FastEmbedder` on the script's texts. Each writes `rust.jsonl` there.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use career_copilot::Profile;
use career_copilot::retrieve::{FlatIndex, HashEmbedder, Retriever, VectorIndex, chunk_profile};
use criterion::Criterion;
use serde_json::{Value, json};

const DIM: usize = 384;

/// The three hand-labelled profiles of the retrieval tests merged into one two-page profile.
fn two_page_profile() -> Profile {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/retrieval/labelled.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut merged = serde_json::Map::new();
    for case in doc["cases"].as_array().unwrap() {
        for (k, v) in case["profile"].as_object().unwrap() {
            match (merged.get_mut(k), v) {
                (Some(Value::Array(a)), Value::Array(b)) => a.extend(b.iter().cloned()),
                (None, _) => {
                    merged.insert(k.clone(), v.clone());
                }
                _ => {}
            }
        }
    }
    serde_json::from_value(Value::Object(merged)).unwrap()
}

fn bench_profile(c: &mut Criterion) {
    let profile = two_page_profile();
    println!("two-page profile: {} chunks", chunk_profile(&profile).len());
    c.bench_function("retrieve/index_profile_offline", |b| {
        b.iter(|| {
            let r = Retriever::for_profile(Box::new(HashEmbedder::default()), black_box(&profile))
                .unwrap();
            black_box(r.chunks().len())
        })
    });
}

/// Deterministic unit vectors (xorshift): enough for timing exact search, whose cost is the
/// same wherever the vectors lie. Recall is measured on the peer script's realistic data.
fn uniform_vectors(n: usize, seed: u64) -> Vec<f32> {
    let mut s = seed;
    let mut out = Vec::with_capacity(n * DIM);
    for _ in 0..n {
        let mut v: Vec<f32> = (0..DIM)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s >> 40) as f32 / (1u64 << 24) as f32 - 0.5
            })
            .collect();
        career_copilot::retrieve::normalize(&mut v);
        out.extend(v);
    }
    out
}

fn bench_flat(c: &mut Criterion) {
    let base = uniform_vectors(100_000, 0x9e37_79b9_7f4a_7c15);
    let mut flat = FlatIndex::new(DIM).unwrap();
    for (i, v) in base.chunks_exact(DIM).enumerate() {
        flat.add(i as u64, v).unwrap();
    }
    println!(
        "flat index: {:.0} bytes per stored vector",
        flat.memory_bytes() as f64 / 100_000.0
    );
    let q = uniform_vectors(1, 7);
    c.bench_function("retrieve/flat_search_100k", |b| {
        b.iter(|| black_box(flat.search(black_box(&q), 10, None).unwrap()))
    });
}

#[cfg(feature = "fastembed")]
fn runtime() -> Option<PathBuf> {
    std::env::var_os("CAREER_COPILOT_ORT_DYLIB")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
}

#[cfg(feature = "fastembed")]
fn bench_minilm(c: &mut Criterion) {
    use career_copilot::retrieve::{Embedder, FastEmbedder, FastEmbedderOptions};
    let Some(rt) = runtime() else {
        eprintln!("skipping MiniLM: set CAREER_COPILOT_ORT_DYLIB (scripts/ci/onnxruntime.sh)");
        return;
    };
    let model = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/models/all-MiniLM-L6-v2"
    ));
    let options = FastEmbedderOptions {
        threads: Some(2),
        batch_size: 32,
        ..FastEmbedderOptions::default()
    };
    let e = FastEmbedder::load(&model, &rt, options).unwrap();
    let words = "built scalable backend services in rust and go with kubernetes postgres kafka and terraform mentoring engineers improving reliability latency observability and cost across cloud regions";
    let w: Vec<&str> = words.split(' ').collect();
    let texts: Vec<String> = (0..32)
        .map(|i| {
            (0..90)
                .map(|j| w[(i * 7 + j * 3) % w.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut g = c.benchmark_group("retrieve");
    g.sample_size(10);
    g.throughput(criterion::Throughput::Elements(refs.len() as u64));
    g.bench_function("minilm_embed_32x110_tokens", |b| {
        b.iter(|| black_box(e.embed_documents(black_box(&refs)).unwrap()))
    });
    g.finish();
}

// --- report modes for benches/peers/retrieve_peers.py ----------------------------------------

fn read_config(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap()
}

fn read_f32(path: PathBuf) -> Vec<f32> {
    std::fs::read(path)
        .unwrap()
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// Median seconds of `repeats` calls.
fn median_secs(repeats: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..repeats.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn write_report(dir: &Path, rows: &[Value]) {
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(dir.join("rust.jsonl"), text).unwrap();
}

/// The top 10 of every query, one thread, or `threads` threads taking queries in turn.
fn search_all(
    idx: &(dyn VectorIndex + Sync),
    queries: &[f32],
    dim: usize,
    k: usize,
    threads: usize,
) -> Vec<Vec<u64>> {
    let qs: Vec<&[f32]> = queries.chunks_exact(dim).collect();
    let mut out = vec![Vec::new(); qs.len()];
    if threads <= 1 {
        for (o, q) in out.iter_mut().zip(&qs) {
            *o = idx
                .search(q, k, None)
                .unwrap()
                .into_iter()
                .map(|h| h.0)
                .collect();
        }
        return out;
    }
    let size = qs.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        for (part, chunk) in out.chunks_mut(size).enumerate() {
            let qs = &qs;
            s.spawn(move || {
                let start = part * size;
                for (i, o) in chunk.iter_mut().enumerate() {
                    *o = idx
                        .search(qs[start + i], k, None)
                        .unwrap()
                        .into_iter()
                        .map(|h| h.0)
                        .collect();
                }
            });
        }
    });
    out
}

fn recall(got: &[Vec<u64>], truth: &[u64], k: usize) -> f64 {
    let found: usize = got
        .iter()
        .zip(truth.chunks_exact(k))
        .map(|(g, t)| g.iter().filter(|x| t.contains(x)).count())
        .sum();
    found as f64 / truth.len() as f64
}

#[cfg(feature = "usearch")]
fn ann_report(dir: &Path) {
    use career_copilot::retrieve::{Quantization, UsearchIndex, UsearchOptions};
    let cfg = read_config(dir);
    let get = |k: &str| cfg[k].as_u64().unwrap() as usize;
    let (n, dim, k, threads, repeats) = (
        get("n"),
        get("dim"),
        get("k"),
        get("threads"),
        get("repeats"),
    );
    let efs: Vec<usize> = cfg["ef_search"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_u64().unwrap() as usize)
        .collect();
    let base = read_f32(dir.join("base.f32"));
    let queries = read_f32(dir.join("queries.f32"));
    let nq = queries.len() / dim;
    let truth: Vec<u64> = std::fs::read(dir.join("truth.u64"))
        .unwrap()
        .chunks_exact(8)
        .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
        .collect();
    assert_eq!((base.len(), truth.len()), (n * dim, nq * k));
    let mut rows = Vec::new();

    let t = Instant::now();
    let mut flat = FlatIndex::new(dim).unwrap();
    for (i, v) in base.chunks_exact(dim).enumerate() {
        flat.add(i as u64, v).unwrap();
    }
    let build = t.elapsed().as_secs_f64();
    let got = search_all(&flat, &queries, dim, k, 1);
    let secs = median_secs(repeats.min(3), || {
        black_box(search_all(&flat, &queries, dim, k, 1));
    });
    let secs_n = median_secs(repeats.min(3), || {
        black_box(search_all(&flat, &queries, dim, k, threads));
    });
    rows.push(
        json!({"index": "ours FlatIndex (exact)", "ef": null, "recall": recall(&got, &truth, k),
        "qps1": nq as f64 / secs, "qpsn": nq as f64 / secs_n,
        "bytes": flat.memory_bytes() as f64 / n as f64, "build": build}),
    );
    eprintln!("flat: {:.0} QPS", nq as f64 / secs);
    drop(flat);

    for (name, q) in [
        ("f32", Quantization::F32),
        ("f16", Quantization::F16),
        ("i8", Quantization::I8),
    ] {
        let options = UsearchOptions {
            quantization: q,
            connectivity: get("m"),
            expansion_add: get("ef_construction"),
            expansion_search: efs[0],
        };
        let idx = UsearchIndex::new(dim, options).unwrap();
        idx.reserve(n, threads).unwrap();
        let t = Instant::now();
        std::thread::scope(|s| {
            for part in 0..threads {
                let (idx, base) = (&idx, &base);
                s.spawn(move || {
                    for i in (part..n).step_by(threads) {
                        idx.add_shared(i as u64, &base[i * dim..(i + 1) * dim])
                            .unwrap();
                    }
                });
            }
        });
        let build = t.elapsed().as_secs_f64();
        let bytes = idx.memory_bytes() as f64 / n as f64;
        for &ef in &efs {
            idx.set_expansion_search(ef);
            let got = search_all(&idx, &queries, dim, k, 1);
            let secs = median_secs(repeats, || {
                black_box(search_all(&idx, &queries, dim, k, 1));
            });
            let secs_n = median_secs(repeats, || {
                black_box(search_all(&idx, &queries, dim, k, threads));
            });
            let r = recall(&got, &truth, k);
            eprintln!(
                "usearch {name} ef {ef}: recall@10 {r:.4}, {:.0} QPS",
                nq as f64 / secs
            );
            rows.push(json!({"index": format!("ours usearch {name}"), "ef": ef, "recall": r,
                "qps1": nq as f64 / secs, "qpsn": nq as f64 / secs_n, "bytes": bytes, "build": build}));
        }
        if q == Quantization::F16 {
            let path = dir.join("f16.usearch");
            idx.save(&path).unwrap();
            let t = Instant::now();
            let view = UsearchIndex::view(&path).unwrap();
            let open_ms = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let loaded = UsearchIndex::load(&path).unwrap();
            let load_ms = t.elapsed().as_secs_f64() * 1e3;
            let file = std::fs::metadata(&path).unwrap().len() as f64 / n as f64;
            eprintln!(
                "usearch f16 file: {file:.0} bytes per vector; view opened in {open_ms:.1} ms, loaded in {load_ms:.0} ms (both checked)"
            );
            let ef = efs[efs.len() / 2];
            view.set_expansion_search(ef);
            let got = search_all(&view, &queries, dim, k, 1);
            let secs = median_secs(repeats, || {
                black_box(search_all(&view, &queries, dim, k, 1));
            });
            rows.push(json!({"index": "ours usearch f16 mmap view", "ef": ef,
                "recall": recall(&got, &truth, k), "qps1": nq as f64 / secs, "qpsn": null,
                "bytes": file, "build": null, "open_ms": open_ms, "load_ms": load_ms}));
            drop((view, loaded));
            std::fs::remove_file(&path).unwrap();
        }
    }
    write_report(dir, &rows);
}

#[cfg(feature = "fastembed")]
fn embed_report(dir: &Path) {
    use career_copilot::retrieve::{Embedder, FastEmbedder, FastEmbedderOptions};
    let cfg = read_config(dir);
    let texts: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("texts.json")).unwrap()).unwrap();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let rt = runtime().expect("set CAREER_COPILOT_ORT_DYLIB (scripts/ci/onnxruntime.sh)");
    let options = FastEmbedderOptions {
        threads: Some(cfg["threads"].as_u64().unwrap() as usize),
        batch_size: cfg["batch"].as_u64().unwrap() as usize,
        ..FastEmbedderOptions::default()
    };
    let e = FastEmbedder::load(Path::new(cfg["model"].as_str().unwrap()), &rt, options).unwrap();
    let vectors = e.embed_documents(&refs).unwrap();
    let bytes: Vec<u8> = vectors
        .iter()
        .flatten()
        .flat_map(|x| x.to_le_bytes())
        .collect();
    std::fs::write(dir.join("vectors.f32"), bytes).unwrap();
    let secs = median_secs(cfg["repeats"].as_u64().unwrap() as usize, || {
        black_box(e.embed_documents(&refs).unwrap());
    });
    write_report(
        dir,
        &[json!({"texts_per_s": texts.len() as f64 / secs, "model": e.model_id()})],
    );
}

fn main() {
    let dir = std::env::var_os("CAREER_COPILOT_BENCH_DIR").map(PathBuf::from);
    match (
        std::env::var("CAREER_COPILOT_BENCH").as_deref(),
        dir.as_deref(),
    ) {
        #[cfg(feature = "usearch")]
        (Ok("ann"), Some(dir)) => ann_report(dir),
        #[cfg(feature = "fastembed")]
        (Ok("embed"), Some(dir)) => embed_report(dir),
        (Ok(mode), _) => panic!(
            "CAREER_COPILOT_BENCH={mode}: needs CAREER_COPILOT_BENCH_DIR and the feature (usearch for ann, fastembed for embed)"
        ),
        _ => {
            let mut c = Criterion::default().configure_from_args();
            bench_profile(&mut c);
            bench_flat(&mut c);
            #[cfg(feature = "fastembed")]
            bench_minilm(&mut c);
            c.final_summary();
        }
    }
}
