"""Side-by-side peers for the retrieve bench (benches/benches/retrieve.rs).

    python benches/peers/retrieve_peers.py ann     # faiss-cpu HNSW vs our usearch numbers
    python benches/peers/retrieve_peers.py embed   # raw onnxruntime MiniLM throughput

`ann` reads the vectors the Rust bench wrote to $TMPDIR/career-copilot-retrieve-bench/
(run `cargo bench -p career-copilot-benches --features usearch --bench retrieve` first), builds
faiss IndexHNSWFlat with the same settings (M 16, efConstruction 128, efSearch 64, inner product
on unit vectors = cosine), measures recall@10 against exact search and single-threaded queries
per second, also times Python usearch on the same data, and prints them beside the Rust results.

`embed` embeds the same 32 texts of about 110 tokens as the Rust bench with raw onnxruntime
(batch 32, 2 intra-op threads, mean pooling) and prints texts per second.
"""
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

DIM = 384
DIR = Path(tempfile.gettempdir()) / "career-copilot-retrieve-bench"
MODEL = Path(__file__).resolve().parents[3] / "shared/models/all-MiniLM-L6-v2"


def ann():
    import faiss
    from usearch.index import Index

    base = np.fromfile(DIR / "base.f32", dtype="<f4").reshape(-1, DIM)
    queries = np.fromfile(DIR / "queries.f32", dtype="<f4").reshape(-1, DIM)
    flat = faiss.IndexFlatIP(DIM)
    flat.add(base)
    _, truth = flat.search(queries, 10)
    threads = os.cpu_count() or 1
    rows = []

    faiss.omp_set_num_threads(threads)
    hnsw = faiss.IndexHNSWFlat(DIM, 16, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 128
    t = time.perf_counter()
    hnsw.add(base)
    build = time.perf_counter() - t
    hnsw.hnsw.efSearch = 64
    faiss.omp_set_num_threads(1)
    t = time.perf_counter()
    _, got = hnsw.search(queries, 10)
    qps = len(queries) / (time.perf_counter() - t)
    recall = np.mean([len(set(g) & set(w)) / 10 for g, w in zip(got, truth)])
    # faiss HNSW: f32 vectors plus 2*M neighbour ids of 4 bytes on level 0, ~1.x levels.
    bpv = (DIM * 4 + 2 * 16 * 4 * 1.07) 
    rows.append(("faiss-cpu HNSWFlat", recall, qps, bpv, build))

    for dtype in ["f32", "f16"]:
        idx = Index(ndim=DIM, metric="cos", dtype=dtype, connectivity=16, expansion_add=128, expansion_search=64)
        t = time.perf_counter()
        idx.add(np.arange(len(base)), base, threads=threads)
        build = time.perf_counter() - t
        t = time.perf_counter()
        got = np.stack([idx.search(q, 10).keys for q in queries])
        qps = len(queries) / (time.perf_counter() - t)
        recall = np.mean([len(set(g) & set(w)) / 10 for g, w in zip(got, truth)])
        rows.append((f"python usearch {dtype} (query loop)", recall, qps, idx.memory_usage / len(base), build))

    rust = DIR / "rust-results.jsonl"
    if rust.exists():
        for line in rust.read_text().splitlines():
            r = json.loads(line)
            rows.append((f"ours {r['index']}", r["recall_at_10"], r["qps"], r["bytes_per_vector"], r.get("build_s", float("nan"))))
    print(f"{len(base)} x {DIM} vectors, {len(queries)} queries, k=10, queries single-threaded, build on {threads} threads")
    print(f"{'index':<36} {'recall@10':>9} {'QPS':>8} {'bytes/vec':>9} {'build s':>8}")
    for name, recall, qps, bpv, build in rows:
        print(f"{name:<36} {recall:>9.4f} {qps:>8.0f} {bpv:>9.0f} {build:>8.1f}")


def texts():
    words = "built scalable backend services in rust and go with kubernetes postgres kafka and terraform mentoring engineers improving reliability latency observability and cost across cloud regions".split(" ")
    return [" ".join(words[(i * 7 + j * 3) % len(words)] for j in range(90)) for i in range(32)]


def embed():
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(MODEL / "tokenizer.json"))
    tok.enable_padding()
    tok.enable_truncation(256)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    opts.inter_op_num_threads = 1
    session = ort.InferenceSession(str(MODEL / "model.onnx"), opts, providers=["CPUExecutionProvider"])
    batch = texts()
    enc = tok.encode_batch(batch)
    print(f"tokens per text: {np.mean([sum(e.attention_mask) for e in enc]):.0f}")

    def run():
        enc = tok.encode_batch(batch)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(1) / m.sum(1)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    run()
    times = []
    for _ in range(10):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    med = float(np.median(times))
    print(f"raw onnxruntime {ort.__version__}: batch of 32 in {med * 1e3:.0f} ms median, {32 / med:.1f} texts/s (2 threads)")


if __name__ == "__main__":
    {"ann": ann, "embed": embed}[sys.argv[1] if len(sys.argv) > 1 else "ann"]()
