"""ATS: the explainable score of a profile against a job, and the optimiser.

Profiles are JSON Resume dicts (``parse_resume(...)["value"]``), jobs are job dicts
(``parse_job(...)["value"]``). Results are plain dicts shaped like ``copilot score`` and
``copilot optimize`` print them. The GIL is released while the engine works.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from . import _native
from ._options import DateLike, compact, date

#: A profile (JSON Resume dict) or a job dict.
Data = Mapping[str, Any]

#: ``{"score": 0..100, "breakdown": [...], "matched": [...], "missing": [...],
#: "matched_keywords", "missing_keywords", "experience_years", "suggestions": [...]}``
Report = Dict[str, Any]


def score(
    profile: Data,
    job: Data,
    *,
    as_of: Optional[DateLike] = None,
    weights: Optional[Mapping[str, float]] = None,
    related_credit: Optional[float] = None,
    layout: Optional[Mapping[str, Any]] = None,
) -> Report:
    """Scores ``profile`` against ``job``: a 0–100 score with a breakdown whose every point has
    evidence, the matched and missing skills, and suggestions.

    ``as_of`` is "today" for ongoing roles (default: the latest date in the profile or the job's
    posting date). ``weights`` overrides some component weights, e.g. ``{"title": 20}`` (keys:
    ``required_skills``, ``preferred_skills``, ``title``, ``experience``, ``education``,
    ``keywords``, ``sections``, ``contact``, ``parsability``, ``bullets``). ``layout`` is the
    ``layout`` of the resume's parse result, for the parsability checks.
    """
    config = compact(as_of=date(as_of), weights=_dict(weights), related_credit=related_credit)
    return _native.score(profile, job, config, _dict(layout))


def optimize(
    profile: Data,
    job: Data,
    *,
    max_bullets: Optional[int] = None,
    min_bullets_per_role: Optional[int] = None,
    surface_skills: Optional[bool] = None,
) -> Dict[str, Any]:
    """Tailors ``profile`` to ``job``: ``{"profile": tailored, "changes": [{"kind", "path",
    "detail"}]}``. It reorders, surfaces skills the profile shows in experience and trims to a
    page budget (``max_bullets``, default 24); every string in the result is in the input.
    """
    options = compact(
        max_bullets=max_bullets,
        min_bullets_per_role=min_bullets_per_role,
        surface_skills=surface_skills,
    )
    return _native.optimize(profile, job, options)


def _dict(value: Optional[Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    return None if value is None else dict(value)


__all__ = ["score", "optimize", "Report", "Data"]
