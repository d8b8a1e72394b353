"""Determinism: the shared vectors in tests/vectors give, through Python, exactly the numbers
the Rust test (tests/tests/ats_vectors.rs) pins down, to the last digit."""

import pytest

import career_copilot
from conftest import load_vectors

VECTORS = load_vectors()


def pinned(report: dict) -> dict:
    """The part of a report the vectors pin down (as in ats_vectors.rs)."""
    return {
        "score": report["score"],
        "experience_years": report["experience_years"],
        "breakdown": [
            {k: c[k] for k in ("name", "weight", "value", "points")} for c in report["breakdown"]
        ],
        "matched": [
            {k: m[k] for k in ("skill", "required", "credit", "evidence")} for m in report["matched"]
        ],
        "missing": [{k: m[k] for k in ("skill", "required")} for m in report["missing"]],
    }


def test_there_are_vectors():
    assert len(VECTORS) >= 5


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_native_config_gives_the_pinned_numbers(vector):
    report = career_copilot._native.score(vector["profile"], vector["job"], vector["config"])
    assert pinned(report) == vector["expected"]
    # Exact equality of floats, not approximate: the same IEEE doubles cross unchanged.
    assert repr(report["score"]) == repr(vector["expected"]["score"])


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_keyword_api_gives_the_pinned_numbers(vector):
    # The config's keys are score()'s keyword arguments; "today" goes in as an ISO string.
    options = dict(vector["config"])
    as_of = options.get("as_of")
    if as_of is not None:
        options["as_of"] = f"{as_of['year']:04d}" + (f"-{as_of['month']:02d}" if as_of.get("month") else "")
    report = career_copilot.score(vector["profile"], vector["job"], **options)
    assert pinned(report) == vector["expected"]
