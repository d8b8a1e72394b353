#!/usr/bin/env python3
"""Matching side by side: Career Copilot against a scikit-learn TF-IDF cosine baseline.

Two modes:

``quality`` (default) ranks labelled data both ways and prints MAP / nDCG@10 / P@5:
  (a) the 166 distinct resumes of ../shared/data/fit/resume-categories-25 (each with a
      `Category`) against a job set: the first 200 Glassdoor data-science postings, the
      RemoteOK sample and the 25 short per-category postings written for this check
      (tests/fixtures/ranking/category_jobs.jsonl). Labels come from job titles through
      tests/fixtures/ranking/labels.json (documented there). Ours is `copilot rank RESUME
      JOBS.jsonl`, exactly as held-out sets are scored; the baseline is
      `TfidfVectorizer(stop_words="english")` fitted on the job texts (title + description),
      cosine to the resume text.
  (b) the resume-matcher samples: 5 resume PDFs, 4 job PDFs, pairs by file name. For each job,
      is its resume ranked first among the resumes, and for each resume, its job first among
      the jobs? Ours is `copilot rank` on each PDF; the baseline uses pdfminer.six text.

``speed`` runs `cargo bench -p career-copilot-benches --bench score -- --noplot` (skip with
--no-cargo to reuse target/criterion) and times scikit-learn on 100,000 synthetic jobs made
the same way as the Rust bench (the Glassdoor postings with varied titles and sentence order):
TfidfVectorizer prefitted on the jobs, then one resume transformed, cosine to all jobs and
the top 10 taken, median of repeated runs.

Needs the venv at /root/.cache/career-copilot/venv with scikit-learn and pdfminer.six, and
the `copilot` binary (built with `cargo build -p career-copilot-examples --bin copilot`).
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
FIXTURES = ROOT / "tests" / "fixtures" / "ranking"
COPILOT = Path(os.environ.get("COPILOT", ROOT / "target" / "debug" / "copilot"))
CRITERION = ROOT / "target" / "criterion"
GLASSDOOR_ROWS = 200  # Kept in step with tests/tests/ranking.rs.


def strip_html(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def category_jobs() -> list[dict]:
    """The labelled job set, in a fixed order, deduplicated by description."""
    jobs: list[dict] = []
    with open(DATA / "jobs/glassdoor-ds-2021/Uncleaned_DS_jobs.csv", newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= GLASSDOOR_ROWS:
                break
            jobs.append({"id": f"gd-{row['index']}", "title": row["Job Title"], "description": row["Job Description"]})
    for row in json.loads((DATA / "jobs/remoteok-sample/remoteok.json").read_text(encoding="utf-8")):
        if row.get("position"):
            jobs.append({"id": f"rok-{row['id']}", "title": row["position"], "description": row.get("description", "")})
    for line in (FIXTURES / "category_jobs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            jobs.append(json.loads(line))
    seen, out = set(), []
    for j in jobs:
        if j["description"] not in seen:
            seen.add(j["description"])
            out.append(j)
    rules = json.loads((FIXTURES / "labels.json").read_text(encoding="utf-8"))["rules"]
    for j in out:
        t = j["title"].lower() + " "
        j["categories"] = next((cats for pat, cats in rules if pat in t), [])
    return out


def onet_jobs() -> list[dict]:
    """The held-out set: every O*NET occupation as a job (see tests/fixtures/ranking/onet_labels.json)."""
    root = DATA / "taxonomy/onet"
    tech: dict[str, list[tuple[bool, str]]] = {}
    with open(root / "Technology_Skills.txt", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            tech.setdefault(row["O*NET-SOC Code"], []).append((row["Hot Technology"] != "Y", row["Example"]))
    labels = json.loads((FIXTURES / "onet_labels.json").read_text(encoding="utf-8"))["categories"]
    jobs = []
    with open(root / "Occupation_Data.txt", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["O*NET-SOC Code"]
            tools = [name for _, name in sorted(tech.get(code, []))[:20]]
            description = row["Description"] + ("\n\nTechnologies: " + ", ".join(tools) if tools else "")
            jobs.append({"id": code, "title": row["Title"], "description": description,
                         "categories": [c for c, codes in labels.items() if code in codes]})
    return jobs


def resumes() -> list[tuple[str, str]]:
    """Distinct (category, text) pairs, first occurrence order."""
    seen, out = set(), []
    with open(DATA / "fit/resume-categories-25/UpdatedResumeDataSet.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Resume"] not in seen:
                seen.add(row["Resume"])
                out.append((row["Category"], row["Resume"]))
    return out


def metrics(ranked: list[bool], total_relevant: int) -> tuple[float, float, float]:
    """AP, nDCG@10 and P@5 of one ranking given relevance flags in rank order."""
    hits, ap = 0, 0.0
    for k, rel in enumerate(ranked, 1):
        if rel:
            hits += 1
            ap += hits / k
    ap = ap / total_relevant if total_relevant else 0.0
    dcg = sum(1 / math.log2(k + 1) for k, rel in enumerate(ranked[:10], 1) if rel)
    idcg = sum(1 / math.log2(k + 1) for k in range(1, min(10, total_relevant) + 1))
    return ap, (dcg / idcg if idcg else 0.0), sum(ranked[:5]) / 5


def copilot_rank(resume: Path, jobs: Path) -> list[dict]:
    out = subprocess.run([str(COPILOT), "rank", str(resume), str(jobs)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def quality() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    people = resumes()
    for set_name, jobs in (("25 categories vs jobs labelled by title", category_jobs()), ("held-out: O*NET occupations", onet_jobs())):
        labelled = sum(1 for j in jobs if j["categories"])
        print(f"(a) {set_name}: {len(people)} distinct resumes x {len(jobs)} jobs ({labelled} labelled relevant to some category)")
        rank_set(jobs, people)
    matcher_pairs()


def rank_set(jobs: list[dict], people: list[tuple[str, str]]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    texts = [j["title"] + "\n" + strip_html(j["description"]) for j in jobs]
    vec = TfidfVectorizer(stop_words="english")
    jm = vec.fit_transform(texts)
    ours, base = [], []
    with tempfile.TemporaryDirectory() as tmp:
        jobs_path = Path(tmp) / "jobs.jsonl"
        jobs_path.write_text("".join(json.dumps({k: j[k] for k in ("id", "title", "description")}) + "\n" for j in jobs), encoding="utf-8")
        by_id = {j["id"]: j for j in jobs}
        for n, (cat, text) in enumerate(people):
            rel = [cat in j["categories"] for j in jobs]
            total = sum(rel)
            if total == 0:
                continue
            sims = linear_kernel(vec.transform([text]), jm).ravel()
            order = sorted(range(len(jobs)), key=lambda i: (-sims[i], i))
            base.append(metrics([rel[i] for i in order], total))
            path = Path(tmp) / f"r{n:03}.txt"
            path.write_text(text, encoding="utf-8")
            rows = copilot_rank(path, jobs_path)
            ours.append(metrics([cat in by_id[r["id"]]["categories"] for r in rows], total))
    print(f"{'':24}{'MAP':>8}{'nDCG@10':>9}{'P@5':>8}   ({len(ours)} queries)")
    for name, m in (("career-copilot", ours), ("tf-idf cosine (sklearn)", base)):
        print(f"{name:24}" + "".join(f"{statistics.fmean(x[i] for x in m):>{w}.3f}" for i, w in ((0, 8), (1, 9), (2, 8))))



def matcher_pairs() -> None:
    """(b) Resume-matcher samples."""
    from pdfminer.high_level import extract_text
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    root = DATA / "fit/resume-matcher-samples"
    pair = {"pm": "product_manager", "fe": "front_end", "fullstack": "full_stack"}
    res = sorted((root / "resumes").glob("*.pdf"))
    jds = sorted((root / "job_descriptions").glob("*.pdf"))
    job_of = {r.stem: next((j.stem for j in jds if r.stem.rsplit("_", 1)[-1] in pair and pair[r.stem.rsplit("_", 1)[-1]] in j.stem), None) for r in res}
    ours_s = {r.stem: {row["id"]: row["score"] for row in copilot_rank(r, root / "job_descriptions")} for r in res}
    vec = TfidfVectorizer(stop_words="english")
    jm = vec.fit_transform([extract_text(str(j)) for j in jds])
    rm = vec.transform([extract_text(str(r)) for r in res])
    sims = linear_kernel(rm, jm)
    base_s = {r.stem: {j.stem: float(sims[a, b]) for b, j in enumerate(jds)} for a, r in enumerate(res)}
    print("\n(b) resume-matcher samples: paired item ranked first")
    for name, s in (("career-copilot", ours_s), ("tf-idf cosine (sklearn)", base_s)):
        job_first = [max(s, key=lambda r: s[r][j.stem]) == r for r in s for j in jds if job_of[r] == j.stem]
        res_first = [max(s[r], key=s[r].get) == job_of[r] for r in s if job_of[r]]
        print(f"{name:24} jobs: {sum(job_first)}/{len(job_first)}  resumes: {sum(res_first)}/{len(res_first)}")
        for r in s:
            print("   ", r, " ".join(f"{j}={v:.3f}" for j, v in sorted(s[r].items())))


def synthetic_jobs(n: int) -> list[str]:
    """Like benches/benches/score.rs: the 672 Glassdoor postings with varied titles and rotated sentences."""
    with open(DATA / "jobs/glassdoor-ds-2021/Uncleaned_DS_jobs.csv", newline="", encoding="utf-8") as f:
        base = [row["Job Title"] + "\n" + row["Job Description"] for row in csv.DictReader(f)]
    out = []
    for i in range(n):
        text = base[i % len(base)]
        parts = re.split(r"(?<=[.\n])", text)
        k = (i // len(base)) % max(1, len(parts))
        out.append(f"Variant {i % 97} " + "".join(parts[k:] + parts[:k]))
    return out


def median_seconds(fn, repeat: int = 7) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def speed(run_cargo: bool) -> None:
    if run_cargo:
        subprocess.run(["cargo", "bench", "-p", "career-copilot-benches", "--bench", "score", "--", "--noplot"], cwd=ROOT, check=True)
    for est in sorted(CRITERION.glob("score*/**/new/estimates.json")):
        median = json.loads(est.read_text())["median"]["point_estimate"]
        print(f"career-copilot {est.parent.parent.relative_to(CRITERION)}: median {median / 1e3:.1f} µs")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel
    import numpy as np

    jobs = synthetic_jobs(100_000)
    t = time.perf_counter()
    vec = TfidfVectorizer(stop_words="english")
    jm = vec.fit_transform(jobs)
    print(f"sklearn TfidfVectorizer fit on {len(jobs)} jobs: {time.perf_counter() - t:.1f} s; matrix {jm.data.nbytes + jm.indices.nbytes + jm.indptr.nbytes} bytes ({(jm.data.nbytes + jm.indices.nbytes) / len(jobs):.0f} per job)")
    resume = resumes()[0][1]

    def top10():
        sims = linear_kernel(vec.transform([resume]), jm).ravel()
        idx = np.argpartition(-sims, 10)[:10]
        return idx[np.argsort(-sims[idx])]

    print(f"sklearn transform + cosine + top-10 over 100,000 jobs: median {median_seconds(top10) * 1e3:.1f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", nargs="?", choices=["quality", "speed"], default="quality")
    ap.add_argument("--no-cargo", action="store_true", help="speed: reuse the last criterion results")
    args = ap.parse_args()
    if args.mode == "quality":
        quality()
    else:
        speed(not args.no_cargo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
