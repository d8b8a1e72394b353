"""The ats binding: arguments, results, errors and threads. Scoring itself is proven by the Rust
tests; these check that the binding carries it across faithfully."""

import datetime
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import career_copilot
from career_copilot import InvalidInputError
from conftest import load_vectors

STRONG = next(v for v in load_vectors() if v["name"] == "strong_backend_match")
PROFILE, JOB = STRONG["profile"], STRONG["job"]


def test_report_is_plain_data():
    report = career_copilot.score(PROFILE, JOB, as_of="2024-06")
    assert set(report) >= {"score", "breakdown", "matched", "missing", "suggestions", "experience_years"}
    assert 0 <= report["score"] <= 100
    assert report["score"] == STRONG["expected"]["score"]
    assert all(isinstance(s["message"], str) for s in report["suggestions"])
    assert json.loads(json.dumps(report)) == report


def test_as_of_forms_agree():
    by_str = career_copilot.score(PROFILE, JOB, as_of="2024-06")
    assert career_copilot.score(PROFILE, JOB, as_of={"year": 2024, "month": 6}) == by_str
    # A date names the month it falls in; the day does not change the months of experience.
    assert career_copilot.score(PROFILE, JOB, as_of=datetime.date(2024, 6, 15)) == by_str
    later = career_copilot.score(PROFILE, JOB, as_of="2030-01")
    assert later["experience_years"] > by_str["experience_years"]


def test_weights_change_the_score():
    base = career_copilot.score(PROFILE, JOB, as_of="2024-06")
    only_skills = career_copilot.score(
        PROFILE,
        JOB,
        as_of="2024-06",
        weights={k: 0 for k in ("preferred_skills", "title", "experience", "education", "keywords",
                                "sections", "contact", "parsability", "bullets")},
    )
    required = next(c for c in base["breakdown"] if c["name"] == "required_skills")
    assert only_skills["score"] == pytest.approx(required["value"] * 100, abs=0.01)
    assert only_skills["score"] != base["score"]


def test_layout_from_a_parse_result_counts():
    clean = career_copilot.score(PROFILE, JOB, as_of="2024-06")
    columns = {"pages": 1, "columns": True, "tables": False, "header_footer_text": False,
               "icon_glyphs": False, "images": False}
    two_columns = career_copilot.score(PROFILE, JOB, as_of="2024-06", layout=columns)
    assert two_columns["score"] < clean["score"]
    assert any(s["kind"] == "layout-columns" for s in two_columns["suggestions"])


def test_empty_inputs_give_a_report():
    report = career_copilot.score({}, {})
    assert 0 <= report["score"] <= 100


def test_bad_profile_is_invalid_input():
    with pytest.raises(InvalidInputError, match="invalid profile") as err:
        career_copilot.score({"work": "not a list"}, JOB)
    assert isinstance(err.value, ValueError)
    with pytest.raises(InvalidInputError, match="invalid job"):
        career_copilot.score(PROFILE, {"required_skills": 3})


def test_bad_as_of_is_invalid_input():
    with pytest.raises(InvalidInputError, match="as_of"):
        career_copilot.score(PROFILE, JOB, as_of="June 2024")
    with pytest.raises(InvalidInputError, match="config"):
        career_copilot.score(PROFILE, JOB, weights={"title": "heavy"})


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        career_copilot.score(PROFILE, JOB, "2024-06")  # type: ignore[misc]


def test_optimize_reorders_and_never_invents():
    out = career_copilot.optimize(PROFILE, JOB)
    assert set(out) == {"profile", "changes"}
    assert out["changes"], "the strong match has bullets to reorder"
    assert {c["kind"] for c in out["changes"]} <= {
        "reorder-bullets", "reorder-projects", "reorder-skills", "surface-skill", "trim-bullet"}
    source = json.dumps(PROFILE)
    for work in out["profile"]["work"]:
        for bullet in work.get("highlights", []):
            assert json.dumps(bullet)[1:-1] in source


def test_optimize_options():
    out = career_copilot.optimize(PROFILE, JOB, max_bullets=2, min_bullets_per_role=1)
    kept = sum(len(w.get("highlights", [])) for w in out["profile"]["work"])
    assert kept == 2
    assert any(c["kind"] == "trim-bullet" for c in out["changes"])
    with pytest.raises(InvalidInputError, match="options"):
        career_copilot.optimize(PROFILE, JOB, max_bullets=-1)


# Threads -------------------------------------------------------------------------------------


def _score_all(pairs):
    return [career_copilot.score(p, j, as_of="2024-06")["score"] for p, j in pairs]


def test_eight_threads_give_the_same_results_as_one():
    vectors = load_vectors()
    pairs = [(v["profile"], v["job"]) for v in vectors] * 8
    expected = _score_all(pairs)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda pair: career_copilot.score(pair[0], pair[1], as_of="2024-06")["score"], pairs))
    assert results == expected
    assert expected[: len(vectors)] == [v["expected"]["score"] for v in vectors]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores to run faster")
def test_eight_threads_run_faster_than_one():
    # The GIL is released while the engine scores, so threads overlap. The machine may be busy
    # with other work: each attempt takes the best of five rounds, and a slower attempt is
    # retried twice before the test fails.
    pairs = [(PROFILE, JOB)] * 200
    chunks = [pairs[i::8] for i in range(8)]
    expected = [STRONG["expected"]["score"]] * len(pairs)

    def one_thread():
        return _score_all(pairs)

    def eight_threads(pool):
        return [s for chunk in pool.map(_score_all, chunks) for s in chunk]

    def best(fn):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            scores = fn()
            times.append(time.perf_counter() - start)
            assert sorted(scores) == expected
        return min(times)

    with ThreadPoolExecutor(max_workers=8) as pool:
        for attempt in range(3):
            single = best(one_thread)
            threaded = best(lambda: eight_threads(pool))
            available = _spare_parallelism(pool)
            print(f"200 scores: one thread {single * 1e3:.1f} ms, eight threads {threaded * 1e3:.1f} ms "
                  f"({single / threaded:.2f}x; hashlib in threads {available:.2f}x; attempt {attempt + 1})")
            if threaded < single * 0.9:
                return
    if available < 1.3:
        pytest.skip(f"no spare core right now: GIL-free hashlib ran only {available:.2f}x faster in threads")
    pytest.fail(f"eight threads were not faster: one thread {single:.3f}s, eight threads {threaded:.3f}s")


def _spare_parallelism(pool) -> float:
    """How much faster GIL-free work (hashlib on large buffers) runs in eight threads than in
    one, right now: on a shared machine other work may hold the other cores."""
    import hashlib

    block = b"x" * (1 << 22)
    work = lambda _: hashlib.sha256(block).digest()  # noqa: E731
    def timed(fn):
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    single = min(timed(lambda: [work(i) for i in range(16)]) for _ in range(3))
    threaded = min(timed(lambda: list(pool.map(work, range(16)))) for _ in range(3))
    return single / threaded


# Plain-data conversion ---------------------------------------------------------------------------


def test_tuples_and_mappings_are_plain_data():
    from types import MappingProxyType

    as_tuples = dict(PROFILE, work=tuple(PROFILE["work"]))
    expected = career_copilot.score(PROFILE, JOB, as_of="2024-06")
    assert career_copilot.score(as_tuples, JOB, as_of="2024-06") == expected
    assert career_copilot.score(MappingProxyType(PROFILE), JOB, as_of="2024-06") == expected


def test_data_that_is_not_plain_is_invalid_input():
    with pytest.raises(InvalidInputError, match="keys must be strings"):
        career_copilot.score({1: "x"}, JOB)
    with pytest.raises(InvalidInputError, match="not a finite number"):
        career_copilot.score(PROFILE, dict(JOB, years_min=float("nan")))
    with pytest.raises(InvalidInputError, match="not plain data"):
        career_copilot.score({"basics": {"name": object()}}, JOB)
    with pytest.raises(InvalidInputError, match="too large"):
        career_copilot.score(PROFILE, dict(JOB, years_min=10**30))


def test_deep_or_cyclic_data_is_invalid_input():
    deep: dict = {}
    node = deep
    for _ in range(200):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(InvalidInputError, match="nested deeper"):
        career_copilot.score({"basics": deep}, JOB)
    cyclic: dict = {"basics": {}}
    cyclic["basics"]["self"] = cyclic
    with pytest.raises(InvalidInputError, match="nested deeper"):
        career_copilot.score(cyclic, JOB)
