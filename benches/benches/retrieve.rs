//! Retrieval hot paths.
//!
//! - Indexing a two-page profile (about 60 chunks) with the offline embedder: chunking,
//!   embedding, the flat index and BM25 (target ≤ 2 ms).
//! - Exact flat search over 100,000 × 384 vectors, one query.
//! - With `--features usearch`: HNSW over the same vectors (M 16, efConstruction 128, ef 64) in
//!   f32, f16 and i8; recall@10 against exact search, single-threaded queries per second, and
//!   bytes per stored vector for every index type. The vectors are written to
//!   `$TMPDIR/career-copilot-retrieve-bench/` with the results, and
//!   `benches/peers/retrieve_peers.py` runs faiss-cpu HNSW on the same vectors.
//! - With `--features fastembed` and the ONNX Runtime library (`CAREER_COPILOT_ORT_DYLIB`):
//!   all-MiniLM-L6-v2 on batches of 32 texts of about 110 tokens, 2 threads.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use career_copilot::Profile;
use career_copilot::retrieve::{FlatIndex, HashEmbedder, Retriever, VectorIndex, chunk_profile};
use criterion::{Criterion, criterion_group, criterion_main};

const N: usize = 100_000;
const DIM: usize = 384;
const QUERIES: usize = 1_000;

/// The three hand-labelled profiles of the retrieval tests merged into one two-page profile.
fn two_page_profile() -> Profile {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/retrieval/labelled.json"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut merged = serde_json::Map::new();
    for case in doc["cases"].as_array().unwrap() {
        for (k, v) in case["profile"].as_object().unwrap() {
            match (merged.get_mut(k), v) {
                (Some(serde_json::Value::Array(a)), serde_json::Value::Array(b)) => {
                    a.extend(b.iter().cloned())
                }
                (None, _) => {
                    merged.insert(k.clone(), v.clone());
                }
                _ => {}
            }
        }
    }
    serde_json::from_value(serde_json::Value::Object(merged)).unwrap()
}

/// Deterministic clustered unit vectors (sentence embeddings cluster by topic).
fn clustered(n: usize, seed: u64) -> Vec<f32> {
    let mut s = seed;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        // Sum of four uniforms: close enough to a normal for clustering noise.
        (0..4)
            .map(|i| ((s.rotate_left(i * 16) & 0xffff) as f32 / 65535.0) - 0.5)
            .sum::<f32>()
    };
    let centres: Vec<f32> = (0..1000 * DIM).map(|_| next()).collect();
    let mut out = Vec::with_capacity(n * DIM);
    for i in 0..n {
        let c = (i * 7919) % 1000;
        let mut v: Vec<f32> = (0..DIM)
            .map(|d| centres[c * DIM + d] + 0.6 * next())
            .collect();
        career_copilot::retrieve::normalize(&mut v);
        out.extend(v);
    }
    out
}

fn bench_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("career-copilot-retrieve-bench");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_f32(path: PathBuf, v: &[f32]) {
    let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
    std::fs::write(path, bytes).unwrap();
}

fn bench_profile(c: &mut Criterion) {
    let profile = two_page_profile();
    let chunks = chunk_profile(&profile).len();
    println!("two-page profile: {chunks} chunks");
    c.bench_function("retrieve/index_profile_offline", |b| {
        b.iter(|| {
            let r = Retriever::for_profile(Box::new(HashEmbedder::default()), black_box(&profile))
                .unwrap();
            black_box(r.chunks().len())
        })
    });
}

fn bench_vectors(c: &mut Criterion) {
    let base = clustered(N, 0x9e37_79b9_7f4a_7c15);
    let queries = clustered(QUERIES, 0xdead_beef_cafe_f00d);
    let dir = bench_dir();
    write_f32(dir.join("base.f32"), &base);
    write_f32(dir.join("queries.f32"), &queries);

    let mut flat = FlatIndex::new(DIM).unwrap();
    for (i, v) in base.chunks_exact(DIM).enumerate() {
        flat.add(i as u64, v).unwrap();
    }
    let t = Instant::now();
    let truth: Vec<Vec<u64>> = queries
        .chunks_exact(DIM)
        .map(|q| {
            flat.search(q, 10, None)
                .unwrap()
                .into_iter()
                .map(|h| h.0)
                .collect()
        })
        .collect();
    let flat_qps = QUERIES as f64 / t.elapsed().as_secs_f64();
    let mut report = vec![format!(
        "{{\"index\": \"flat-f32\", \"recall_at_10\": 1.0, \"qps\": {flat_qps:.1}, \"bytes_per_vector\": {:.1}}}",
        flat.memory_bytes() as f64 / N as f64
    )];
    println!(
        "flat exact: {flat_qps:.0} QPS single-threaded, {:.0} bytes per vector",
        flat.memory_bytes() as f64 / N as f64
    );
    let q0 = &queries[..DIM];
    c.bench_function("retrieve/flat_search_100k", |b| {
        b.iter(|| black_box(flat.search(black_box(q0), 10, None).unwrap()))
    });

    #[cfg(feature = "usearch")]
    usearch_report(c, &base, &queries, &truth, &mut report);
    #[cfg(not(feature = "usearch"))]
    let _ = &truth;
    std::fs::write(dir.join("rust-results.jsonl"), report.join("\n") + "\n").unwrap();
}

#[cfg(feature = "usearch")]
fn usearch_report(
    c: &mut Criterion,
    base: &[f32],
    queries: &[f32],
    truth: &[Vec<u64>],
    report: &mut Vec<String>,
) {
    use career_copilot::retrieve::{Quantization, UsearchIndex, UsearchOptions};
    for (name, q) in [
        ("f32", Quantization::F32),
        ("f16", Quantization::F16),
        ("i8", Quantization::I8),
    ] {
        let options = UsearchOptions {
            quantization: q,
            ..UsearchOptions::default()
        };
        let idx = UsearchIndex::new(DIM, options).unwrap();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        idx.reserve(N, threads).unwrap();
        let t = Instant::now();
        std::thread::scope(|s| {
            for part in 0..threads {
                let idx = &idx;
                s.spawn(move || {
                    for i in (part..N).step_by(threads) {
                        idx.add_shared(i as u64, &base[i * DIM..(i + 1) * DIM])
                            .unwrap();
                    }
                });
            }
        });
        let build = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut found = 0usize;
        for (q, want) in queries.chunks_exact(DIM).zip(truth) {
            let got = idx.search(q, 10, None).unwrap();
            found += got.iter().filter(|h| want.contains(&h.0)).count();
        }
        let qps = QUERIES as f64 / t.elapsed().as_secs_f64();
        let recall = found as f64 / (QUERIES * 10) as f64;
        let bpv = idx.memory_bytes() as f64 / N as f64;
        println!(
            "usearch {name}: recall@10 {recall:.4}, {qps:.0} QPS single-threaded, built in {build:.1} s on {threads} threads, {bpv:.0} bytes per vector"
        );
        report.push(format!(
            "{{\"index\": \"usearch-{name}\", \"recall_at_10\": {recall:.4}, \"qps\": {qps:.1}, \"bytes_per_vector\": {bpv:.1}, \"build_s\": {build:.2}}}"
        ));
        if q == Quantization::F16 {
            let q0 = &queries[..DIM];
            c.bench_function("retrieve/usearch_f16_search_100k", |b| {
                b.iter(|| black_box(idx.search(black_box(q0), 10, None).unwrap()))
            });
            let path = bench_dir().join("usearch-f16.usearch");
            idx.save(&path).unwrap();
            let t = Instant::now();
            let view = UsearchIndex::view(&path).unwrap();
            println!(
                "usearch f16: memory-mapped view of {} vectors opened in {:.1} ms",
                view.len(),
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}

#[cfg(feature = "fastembed")]
fn bench_minilm(c: &mut Criterion) {
    use career_copilot::retrieve::{Embedder, FastEmbedder, FastEmbedderOptions};
    let Some(rt) = std::env::var_os("CAREER_COPILOT_ORT_DYLIB").map(PathBuf::from) else {
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
    let texts = minilm_texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut g = c.benchmark_group("retrieve");
    g.sample_size(10);
    g.throughput(criterion::Throughput::Elements(refs.len() as u64));
    g.bench_function("minilm_embed_32x110_tokens", |b| {
        b.iter(|| black_box(e.embed_documents(black_box(&refs)).unwrap()))
    });
    g.finish();
}

/// 32 texts of about 110 tokens, the same the Python peer embeds.
pub fn minilm_texts() -> Vec<String> {
    let words = "built scalable backend services in rust and go with kubernetes postgres kafka and terraform mentoring engineers improving reliability latency observability and cost across cloud regions";
    let w: Vec<&str> = words.split(' ').collect();
    (0..32)
        .map(|i| {
            (0..90)
                .map(|j| w[(i * 7 + j * 3) % w.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[cfg(feature = "fastembed")]
criterion_group!(benches, bench_profile, bench_vectors, bench_minilm);
#[cfg(not(feature = "fastembed"))]
criterion_group!(benches, bench_profile, bench_vectors);
criterion_main!(benches);
