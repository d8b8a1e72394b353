"""The matching binding: JobIndex (rank, search), insights; arguments, errors, threads."""

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import career_copilot
from career_copilot import InvalidInputError, JobIndex
from conftest import load_vectors

STRONG = next(v for v in load_vectors() if v["name"] == "strong_backend_match")
PROFILE = STRONG["profile"]


def job(id, title, description, skills=(), **extra):
    return {"id": id, "title": title, "description": description,
            "required_skills": [{"name": s} for s in skills], **extra}


JOBS = [
    job("acct", "Accountant", "Prepare ledgers, audits and tax returns.", ["Excel"],
        locations=["Berlin"], workplace_type="on_site", seniority="mid"),
    job("rust", "Senior Rust Engineer", "Build ingestion services in Rust on Kubernetes.",
        ["Rust", "Kubernetes"], locations=["Munich"], workplace_type="remote", seniority="senior",
        salary={"min": 90000, "max": 110000, "currency": "EUR", "period": "year"},
        date_posted="2024-05-02"),
    job("py", "Backend Engineer", "Python APIs and PostgreSQL.", ["Python", "PostgreSQL"],
        locations=["Hamburg"], workplace_type="hybrid", date_posted="2023-01-10"),
    job("nurse", "Nurse", "Care for patients on a busy ward."),
]


@pytest.fixture(scope="module")
def index():
    return JobIndex(JOBS)


def test_len_getitem_repr(index):
    assert len(index) == 4
    assert index[1]["id"] == "rust"
    assert index[-1]["title"] == "Nurse"
    with pytest.raises(IndexError):
        index[4]
    assert repr(index) == "JobIndex(<4 jobs>)"
    assert index.feature_bytes_per_job > 0


def test_rank_is_best_first_plain_data(index):
    ranked = index.rank(PROFILE)
    # The backend engineer's profile: the two engineering jobs first, in either order.
    assert {r["id"] for r in ranked[:2]} == {"rust", "py"}
    assert all(index[r["index"]]["id"] == r["id"] for r in ranked)
    scores = [r["score"] for r in ranked]
    assert scores == sorted(scores, reverse=True)
    assert set(ranked[0]["factors"]) >= {"skills", "title", "text"}
    json.dumps(ranked)


def test_rank_top_is_a_prefix(index):
    full = index.rank(PROFILE)
    for k in range(1, 5):
        assert index.rank(PROFILE, top=k) == full[:k]
    assert index.rank(PROFILE, top=0) == []


def test_rank_prefs(index):
    threshold = index.rank(PROFILE)[1]["score"]
    assert len(index.rank(PROFILE, threshold=threshold)) == 2
    with_recency = index.rank(PROFILE, as_of="2024-06")
    assert "recency" in with_recency[0]["factors"]
    plain = {r["id"]: r for r in index.rank(PROFILE)}
    remote = {r["id"]: r for r in index.rank(PROFILE, remote=True, locations=["Munich"],
                                             min_salary=80000, currency="EUR")}
    assert remote["rust"]["factors"]["location"] > remote["acct"]["factors"]["location"]
    assert "salary" in remote["rust"]["factors"] and "salary" not in plain["rust"]["factors"]
    title_only = index.rank(PROFILE, weights={"skills": 0, "seniority": 0, "location": 0,
                                              "salary": 0, "recency": 0, "text": 0})
    assert set(title_only[0]["factors"]) >= {"title"}


def test_rank_text_is_further_evidence(index):
    bare = {"basics": {"name": "Sam"}}
    without = index.rank(bare)
    with_text = index.rank(bare, text="Nurse caring for patients on a busy hospital ward")
    assert with_text[0]["id"] == "nurse"
    assert with_text != without


def test_search(index):
    hits = index.search("Rust Kubernetes")
    assert hits[0] == {"index": 1, "id": "rust", "score": hits[0]["score"]} and hits[0]["score"] > 0
    assert [h["id"] for h in index.search("", remote=True)] == ["rust"]
    assert [h["id"] for h in index.search("", location="hamburg")] == ["py"]
    assert [h["id"] for h in index.search("", min_salary=100000)] == ["rust"]
    assert [h["id"] for h in index.search("", seniority="senior")] == ["rust"]
    assert [h["id"] for h in index.search("", posted_since="2024-01")] == ["rust"]
    assert len(index.search("", limit=2)) == 2


def test_bad_arguments(index):
    with pytest.raises(InvalidInputError, match="filters"):
        index.search("", seniority="galactic")
    with pytest.raises(InvalidInputError, match="posted_since"):
        index.search("", posted_since="yesterday")
    with pytest.raises(InvalidInputError, match="jobs"):
        JobIndex([{"title": ["not", "a", "string"]}])
    with pytest.raises(TypeError):
        index.rank(PROFILE, 3)  # type: ignore[misc]


def test_empty_index():
    empty = JobIndex([])
    assert len(empty) == 0
    assert empty.rank(PROFILE) == []
    assert empty.search("rust") == []


def test_threads_share_an_index(index):
    expected = index.rank(PROFILE, as_of="2024-06")
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: index.rank(PROFILE, as_of="2024-06"), range(32)))
    assert all(r == expected for r in results)


def test_insights():
    report = career_copilot.insights(JOBS, PROFILE, top=5)
    assert report["jobs"] == 4
    demand = {d["skill"]: d for d in report["demand"]}
    assert demand["Rust"]["jobs"] == 1 and demand["Rust"]["have"] is True
    assert any(g["skill"] == "Excel" for g in report["gaps"])
    assert len(report["demand"]) <= 5
    assert career_copilot.insights(JOBS)["gaps"] == []
    json.dumps(report)


def test_real_jobs(data: Path):
    postings = json.loads((data / "jobs/remoteok-sample/remoteok.json").read_text(encoding="utf-8"))
    jobs = []
    for posting in postings[1:40]:
        try:
            jobs.append(career_copilot.parse_job(json.dumps(posting).encode())["value"])
        except career_copilot.CareerCopilotError:
            continue
    index = JobIndex(jobs)
    ranked = index.rank(PROFILE, top=5)
    assert len(ranked) == min(5, len(jobs))
    assert all(0 <= r["score"] <= 100 for r in ranked)
