"""The model binding: merging two sources for one person."""

import copy

import pytest

import career_copilot
from career_copilot import InvalidInputError

OURS = {
    "basics": {"name": "Jane Doe", "email": "jane@example.com"},
    "work": [{"name": "Acme Corp", "position": "Engineer", "startDate": "2020-01"}],
}
THEIRS = {
    "basics": {"name": "Jane Doe", "email": "jane.doe@example.org", "phone": "+1 415 555 0100"},
    "work": [
        {"name": "Acme", "position": "Senior Engineer", "startDate": "2020-01",
         "highlights": ["Led the billing rewrite"]},
        {"name": "Initech", "position": "Intern", "startDate": "2018-06", "endDate": "2018-09"},
    ],
}


def test_merge():
    before = copy.deepcopy(OURS), copy.deepcopy(THEIRS)
    out = career_copilot.merge(OURS, THEIRS)
    assert (OURS, THEIRS) == before, "inputs are not changed"
    merged, report = out["profile"], out["report"]
    assert merged["basics"]["email"] == "jane@example.com"  # ours kept ...
    assert merged["basics"]["phone"] == "+1 415 555 0100"  # ... gaps filled
    assert {"path": "basics.email", "kept": "jane@example.com", "other": "jane.doe@example.org"} in report["conflicts"]
    assert [w["name"] for w in merged["work"]] == ["Acme Corp", "Initech"]
    assert merged["work"][0]["highlights"] == ["Led the billing rewrite"]
    assert report["added"] and report["matched"]


def test_merge_bad_input():
    with pytest.raises(InvalidInputError, match="other profile"):
        career_copilot.merge(OURS, {"work": 5})
