"""Skills: the taxonomy shipped with the engine (about 3,500 skills with their aliases).

Entries are dicts: ``{"id", "name", "aliases", "category", "related" (ids), "hot",
"source"}``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import _native

Skill = Dict[str, Any]


def lookup(name: str) -> Optional[Skill]:
    """The skill a name or alias stands for, in any case and spacing (``"k8s"`` is
    Kubernetes, ``"Postgres"`` PostgreSQL), or ``None``."""
    return _native.skill_lookup(name)


def autocomplete(prefix: str, limit: int = 10) -> List[Skill]:
    """Skills whose name or an alias starts with ``prefix``, best first."""
    return _native.skill_autocomplete(prefix, limit)


def by_id(id: int) -> Optional[Skill]:
    """The skill with a taxonomy id (as in an entry's ``related``), or ``None``."""
    return _native.skill_by_id(id)


__all__ = ["lookup", "autocomplete", "by_id", "Skill"]
