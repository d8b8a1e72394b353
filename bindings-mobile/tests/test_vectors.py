"""Determinism through the uniffi scaffolding (the FFI Kotlin and Swift use): the shared vectors
give exactly the numbers tests/tests/ats_vectors.rs pins down."""

import json

import pytest

import career_copilot_mobile as mobile
from conftest import load_vectors

VECTORS = load_vectors()


def iso(date: dict) -> str:
    return f"{date['year']:04d}" + (f"-{date['month']:02d}" if date.get("month") else "")


def config(vector: dict) -> mobile.ScoreConfig:
    c = vector["config"]
    weights = None
    if "weights" in c:
        weights = mobile.default_score_weights()
        for key, value in c["weights"].items():
            setattr(weights, key, value)
    as_of = iso(c["as_of"]) if c.get("as_of") else None
    return mobile.ScoreConfig(as_of=as_of, weights=weights, related_credit=c.get("related_credit"))


def pinned(report) -> dict:
    return {
        "score": report.score,
        "experience_years": report.experience_years,
        "breakdown": [
            {"name": c.name, "weight": c.weight, "value": c.value, "points": c.points} for c in report.breakdown
        ],
        "matched": [
            {"skill": m.skill, "required": m.required, "credit": m.credit.name.lower(), "evidence": m.evidence}
            for m in report.matched
        ],
        "missing": [{"skill": m.skill, "required": m.required} for m in report.missing],
    }


def test_there_are_vectors():
    assert len(VECTORS) >= 5


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector(vector):
    report = mobile.score(json.dumps(vector["profile"]), json.dumps(vector["job"]), config(vector))
    assert pinned(report) == vector["expected"]
