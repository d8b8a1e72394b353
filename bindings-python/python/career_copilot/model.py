"""Model: operations on profiles."""

from __future__ import annotations

from typing import Any, Dict, Mapping

from . import _native


def merge(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> Dict[str, Any]:
    """Merges a second source for the same person (``theirs``, e.g. a LinkedIn export) into
    ``ours`` (e.g. the parsed resume): ``{"profile": merged, "report": {"conflicts",
    "added", "matched"}}``. Where both hold different values ours is kept and the conflict
    reported with both values. The inputs are not changed."""
    return _native.merge_profiles(ours, theirs)


__all__ = ["merge"]
