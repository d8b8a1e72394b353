"""The skills binding: lookup, autocomplete, ids."""

import career_copilot
from career_copilot import skills


def test_lookup_by_alias():
    k8s = skills.lookup("k8s")
    assert k8s["name"] == "Kubernetes"
    assert set(k8s) >= {"id", "name", "aliases", "category", "related", "hot", "source"}
    assert skills.lookup("Postgres")["name"] == "PostgreSQL"
    assert skills.lookup("definitely not a skill") is None
    assert skills.lookup("") is None


def test_autocomplete():
    found = skills.autocomplete("kube", 3)
    assert found[0]["name"] == "Kubernetes"
    assert len(found) <= 3
    assert skills.autocomplete("kube", 0) == []


def test_by_id_follows_related():
    react = skills.lookup("React")
    related = [skills.by_id(i)["name"] for i in react["related"]]
    assert "JavaScript" in related
    assert skills.by_id(react["id"]) == react
    assert skills.by_id(10**9) is None


def test_module_is_exported():
    assert career_copilot.skills is skills
