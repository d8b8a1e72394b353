"""Profile, Job and Report: values kept on the Rust side give the same results as dicts."""

import copy
import json
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

import pytest

import career_copilot
from career_copilot import InvalidInputError, Job, JobIndex, Profile, Report
from conftest import load_vectors

VECTORS = load_vectors()
STRONG = next(v for v in VECTORS if v["name"] == "strong_backend_match")
PROFILE, JOB = STRONG["profile"], STRONG["job"]


def test_round_trip_equals_the_dict_round_trip():
    # to_dict() is the engine's form of the dict (what score() reads), the same either way.
    assert Profile(PROFILE).to_dict() == career_copilot.model.merge(PROFILE, {})["profile"]
    assert Job.from_dict(JOB).to_dict() == Job(Job(JOB).to_dict()).to_dict()
    assert Job(JOB).to_dict()["title"] == JOB["title"]
    assert Profile(PROFILE).name == PROFILE["basics"]["name"]
    assert repr(Job(JOB)) == f'Job("{JOB["title"]}")'


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_every_form_gives_the_vectors_report(vector):
    profile, job, config = vector["profile"], vector["job"], vector["config"]
    as_dicts = career_copilot.score(profile, job, **config)
    p, j = Profile(profile), Job(job)
    assert career_copilot.score(p, j, **config) == as_dicts
    assert career_copilot.score(p, job, **config) == as_dicts
    assert career_copilot.score(profile, j, **config) == as_dicts
    report = p.score(j, **config)
    assert isinstance(report, Report)
    assert report.score == as_dicts["score"] == vector["expected"]["score"]
    assert report.to_dict() == as_dicts
    assert report == as_dicts
    assert p.score(job, **config) == report


def test_report_is_a_read_only_mapping():
    report = Profile(PROFILE).score(Job(JOB), as_of="2024-06")
    as_dict = career_copilot.score(PROFILE, JOB, as_of="2024-06")
    assert isinstance(report, Mapping)
    assert list(report) == list(as_dict) == report.keys()
    assert len(report) == len(as_dict)
    assert dict(report) == as_dict
    assert "matched" in report and "nope" not in report and 3 not in report
    assert report["matched"] == as_dict["matched"]
    assert report.get("nope") is None and report.get("nope", 7) == 7
    with pytest.raises(KeyError, match="nope"):
        report["nope"]
    # Items are fresh values: changing one does not change the report.
    report["matched"].clear()
    assert report["matched"] == as_dict["matched"]
    assert json.loads(json.dumps(report.to_dict())) == as_dict
    assert "Report(score=" in repr(report)


def test_keyword_forms_agree_with_score():
    p, j = Profile(PROFILE), Job(JOB)
    import datetime

    by_str = career_copilot.score(PROFILE, JOB, as_of="2024-06")
    assert p.score(j, as_of=datetime.date(2024, 6, 15)) == by_str
    assert p.score(j, as_of={"year": 2024, "month": 6}) == by_str
    assert p.score(j, as_of={"year": 2024, "month": 6, "day": 15}) == by_str
    assert p.score(j, as_of={"year": 2030}) == career_copilot.score(PROFILE, JOB, as_of="2030")
    weights = {"title": 0, "keywords": 40}
    assert p.score(j, as_of="2024-06", weights=weights) == career_copilot.score(
        PROFILE, JOB, as_of="2024-06", weights=weights
    )
    assert p.score(j, related_credit=0.0) == career_copilot.score(PROFILE, JOB, related_credit=0.0)
    layout = {"pages": 3, "columns": True, "tables": True, "header_footer_text": False,
              "icon_glyphs": False, "images": False}
    assert p.score(j, layout=layout) == career_copilot.score(PROFILE, JOB, layout=layout)


def test_score_many_equals_one_by_one():
    jobs = [v["job"] for v in VECTORS]
    p = Profile(PROFILE)
    many = p.score_many([Job(job) if i % 2 else job for i, job in enumerate(jobs)], as_of="2024-06")
    assert [r.to_dict() for r in many] == [career_copilot.score(PROFILE, job, as_of="2024-06") for job in jobs]
    assert p.score_many([]) == []


def test_bad_input_is_invalid_input():
    with pytest.raises(InvalidInputError, match="invalid profile"):
        Profile({"basics": {"name": 3}})
    with pytest.raises(InvalidInputError, match="invalid job"):
        Job({"title": ["not", "a", "title"]})
    with pytest.raises(InvalidInputError, match="as_of"):
        Profile(PROFILE).score(Job(JOB), as_of="June")
    with pytest.raises(InvalidInputError, match="as_of"):
        Profile(PROFILE).score(Job(JOB), as_of={"year": 2024, "month": 13})
    with pytest.raises(InvalidInputError, match="as_of"):
        Profile(PROFILE).score(Job(JOB), as_of={"year": "2024", "month": 6})
    with pytest.raises(InvalidInputError, match="invalid job"):
        Profile(PROFILE).score_many([JOB, {"title": 5}])
    with pytest.raises(TypeError):
        Profile(PROFILE).score(JOB, "2024-06")  # keyword-only options


def test_handles_work_everywhere_dicts_do():
    p, j = Profile(PROFILE), Job(JOB)
    assert career_copilot.optimize(p, j) == career_copilot.optimize(PROFILE, JOB)
    jobs = [v["job"] for v in VECTORS]
    by_dicts = JobIndex(jobs).rank(PROFILE, as_of="2024-06")
    assert JobIndex([Job(x) for x in jobs]).rank(p, as_of="2024-06") == by_dicts
    assert career_copilot.insights([Job(x) for x in jobs], p) == career_copilot.insights(jobs, PROFILE)


def test_a_profile_is_shared_by_threads():
    p = Profile(PROFILE)
    jobs = [Job(v["job"]) for v in VECTORS] * 8
    expected = [r.to_dict() for r in p.score_many(jobs)]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda job: p.score(job).to_dict(), jobs))
    assert got == expected


def test_inputs_are_copied_in():
    data = copy.deepcopy(PROFILE)
    p = Profile(data)
    before = p.score(JOB)
    data["skills"] = []
    assert p.score(JOB) == before
