"""ats, matching, skills and model through uniffi's generated Python: records, objects, defaults
and errors as Kotlin and Swift see them."""

import json

import pytest

import career_copilot_mobile as mobile
from conftest import load_vectors

STRONG = next(v for v in load_vectors() if v["name"] == "strong_backend_match")
PROFILE, JOB = json.dumps(STRONG["profile"]), json.dumps(STRONG["job"])


def test_score_records():
    report = mobile.score(PROFILE, JOB, mobile.ScoreConfig(as_of="2024-06"))
    assert report.score == STRONG["expected"]["score"]
    assert report.matched[0].credit in (mobile.Credit.EXACT, mobile.Credit.ALIAS, mobile.Credit.RELATED)
    assert all(isinstance(s.message, str) for s in report.suggestions)
    assert mobile.score(PROFILE, JOB) == mobile.score(PROFILE, JOB, None, None)


def test_weights_and_layout():
    weights = mobile.default_score_weights()
    assert weights.required_skills > 0
    for name in ("preferred_skills", "title", "experience", "education", "keywords", "sections",
                 "contact", "parsability", "bullets"):
        setattr(weights, name, 0.0)
    report = mobile.score(PROFILE, JOB, mobile.ScoreConfig(as_of="2024-06", weights=weights))
    required = next(c for c in report.breakdown if c.name == "required_skills")
    assert report.score == pytest.approx(required.value * 100, abs=0.01)
    layout = mobile.Layout(pages=1, columns=True, tables=False, header_footer_text=False,
                           icon_glyphs=False, images=False)
    columns = mobile.score(PROFILE, JOB, mobile.ScoreConfig(as_of="2024-06"), layout)
    assert any(s.kind == "layout-columns" for s in columns.suggestions)


def test_errors():
    with pytest.raises(mobile.CopilotError.InvalidInput, match="as_of"):
        mobile.score(PROFILE, JOB, mobile.ScoreConfig(as_of="June"))
    with pytest.raises(mobile.CopilotError.InvalidInput, match="profile"):
        mobile.score("[", JOB)
    with pytest.raises(mobile.CopilotError.InvalidInput, match="job"):
        mobile.score(PROFILE, '{"required_skills": 3}')


def test_optimize():
    out = mobile.optimize(PROFILE, JOB)
    assert out.changes and json.loads(out.profile_json)["work"]
    options = mobile.default_optimize_options()
    options.max_bullets, options.min_bullets_per_role = 2, 1
    trimmed = json.loads(mobile.optimize(PROFILE, JOB, options).profile_json)
    assert sum(len(w.get("highlights", [])) for w in trimmed["work"]) == 2


JOBS = [
    {"id": "acct", "title": "Accountant", "description": "Prepare ledgers and tax returns.",
     "required_skills": [{"name": "Excel"}], "workplace_type": "on_site"},
    {"id": "rust", "title": "Senior Rust Engineer", "description": "Rust services on Kubernetes.",
     "required_skills": [{"name": "Rust"}, {"name": "Kubernetes"}], "workplace_type": "remote",
     "seniority": "senior", "date_posted": "2024-05-02"},
]


def test_job_index():
    index = mobile.JobIndex([json.dumps(j) for j in JOBS])
    assert index.len() == 2 and not index.is_empty()
    assert json.loads(index.job_json(1))["id"] == "rust"
    assert index.job_json(5) is None
    ranked = index.rank(PROFILE)
    assert [r.id for r in ranked] == ["rust", "acct"]
    assert ranked[0].factors.skills is not None
    assert index.rank(PROFILE, None, 1) == ranked[:1]
    prefs = mobile.MatchPrefs(remote=True, as_of="2024-06")
    assert index.rank(PROFILE, prefs)[0].factors.recency is not None
    hits = index.search("Kubernetes")
    assert hits[0].id == "rust" and hits[0].score > 0
    senior = index.search("", mobile.SearchFilters(seniority=mobile.Seniority.SENIOR))
    assert [h.id for h in senior] == ["rust"]
    with pytest.raises(mobile.CopilotError.InvalidInput):
        index.search("", mobile.SearchFilters(posted_since="soon"))
    with pytest.raises(mobile.CopilotError.InvalidInput):
        mobile.JobIndex(["not json"])


def test_rank_async_many_at_once_equals_rank():
    import asyncio

    index = mobile.JobIndex([json.dumps(j) for j in JOBS])
    prefs = mobile.MatchPrefs(remote=True, as_of="2024-06")
    expected = index.rank(PROFILE, prefs)

    async def main():
        return await asyncio.gather(*(index.rank_async(PROFILE, prefs) for _ in range(16)))

    assert asyncio.run(main()) == [expected] * 16

    async def bad():
        return await index.rank_async("not json")

    with pytest.raises(mobile.CopilotError.InvalidInput):
        asyncio.run(bad())


def test_insights_skills_merge():
    report = mobile.insights([json.dumps(j) for j in JOBS], PROFILE, 5)
    assert report.jobs == 2
    assert any(g.skill == "Excel" for g in report.gaps)
    assert mobile.insights([json.dumps(j) for j in JOBS]).gaps == []
    assert mobile.skill_lookup("k8s").name == "Kubernetes"
    assert mobile.skill_lookup("nope nope") is None
    assert mobile.skill_autocomplete("kube", 2)[0].name == "Kubernetes"
    react = mobile.skill_lookup("React")
    assert "JavaScript" in [mobile.skill_by_id(i).name for i in react.related]
    merged = mobile.merge_profiles('{"basics": {"email": "a@example.com"}}',
                                   '{"basics": {"email": "b@example.com", "phone": "+1 415 555 0100"}}')
    assert json.loads(merged.profile_json)["basics"]["phone"] == "+1 415 555 0100"
    assert merged.conflicts == [mobile.MergeConflict(path="basics.email", kept="a@example.com", other="b@example.com")]
