"""Matching: rank and search many jobs for a profile, and market insights over jobs.

>>> index = JobIndex(jobs)                     # doctest: +SKIP
>>> index.rank(profile, top=10, remote=True)   # doctest: +SKIP
[{"index": 3, "id": "job-3", "score": 71.5, "factors": {...}}, ...]

The index is immutable and thread-safe; the GIL is released while it builds, ranks and
searches.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Iterable, List, Mapping, Optional, Sequence

from . import _native
from ._options import DateLike, compact, date

Data = Mapping[str, Any]


class JobIndex:
    """Jobs (dicts, as ``parse_job(...)["value"]`` returns them) with precomputed features,
    ready to rank and search many times. ``len(index)`` and ``index[i]`` give the jobs back."""

    __slots__ = ("_inner",)

    def __init__(
        self, jobs: Iterable[Data], *, progress: Optional[Callable[[int, int], Any]] = None
    ) -> None:
        """``jobs`` are dicts or :class:`~career_copilot.Job`s. ``progress(done, total)`` is
        called as the jobs are read, every 64 jobs, and once more when the index is built."""
        self._inner = _native.JobIndex([_job(job) for job in jobs], progress)

    def __len__(self) -> int:
        return len(self._inner)

    def __getitem__(self, index: int) -> Dict[str, Any]:
        return self._inner[index]

    def __repr__(self) -> str:
        return f"JobIndex(<{len(self)} jobs>)"

    @property
    def feature_bytes_per_job(self) -> int:
        """Approximate heap bytes of the ranking features per job."""
        return self._inner.feature_bytes_per_job

    def rank(
        self,
        profile: Data,
        *,
        top: Optional[int] = None,
        remote: Optional[bool] = None,
        locations: Optional[Sequence[str]] = None,
        min_salary: Optional[float] = None,
        currency: Optional[str] = None,
        as_of: Optional[DateLike] = None,
        weights: Optional[Mapping[str, float]] = None,
        threshold: Optional[float] = None,
        text: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """The best ``top`` jobs (all when ``None``) for ``profile``, best first, each
        ``{"index", "id", "score", "factors"}`` (``id`` when the job has one).

        ``remote``: ``True`` prefers remote jobs, ``False`` is happy on site. ``locations``:
        places the person would work in. ``min_salary`` (annual, in ``currency``). ``as_of``:
        "today", for recency. ``weights``: factor weights (``skills``, ``title``,
        ``seniority``, ``location``, ``salary``, ``recency``, ``text``). ``threshold``: leave
        out jobs scoring below it. ``text``: the resume's full text, as further evidence.
        """
        prefs = _prefs(remote, locations, min_salary, currency, as_of, weights, threshold)
        return self._inner.rank(profile, prefs, top, text)

    def rank_async(
        self,
        profile: Data,
        *,
        top: Optional[int] = None,
        remote: Optional[bool] = None,
        locations: Optional[Sequence[str]] = None,
        min_salary: Optional[float] = None,
        currency: Optional[str] = None,
        as_of: Optional[DateLike] = None,
        weights: Optional[Mapping[str, float]] = None,
        threshold: Optional[float] = None,
        text: Optional[str] = None,
    ) -> Awaitable[List[Dict[str, Any]]]:
        """:meth:`rank` as an awaitable: the work runs on the package's own runtime threads,
        so the event loop stays free. Call it inside a coroutine::

            results = await asyncio.gather(*(index.rank_async(p) for p in profiles))
        """
        prefs = _prefs(remote, locations, min_salary, currency, as_of, weights, threshold)
        return self._inner.rank_async(profile, prefs, top, text)

    def search(
        self,
        query: str = "",
        *,
        remote: Optional[bool] = None,
        location: Optional[str] = None,
        min_salary: Optional[float] = None,
        seniority: Optional[str] = None,
        posted_since: Optional[DateLike] = None,
        limit: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """BM25 full-text search, best first, each ``{"index", "id", "score"}``. An empty
        query lists the jobs that pass the filters in index order. ``seniority`` is one of
        ``"intern"``, ``"junior"``, ``"mid"``, ``"senior"``, ``"lead"``, ``"principal"``,
        ``"manager"``, ``"director"``, ``"executive"``."""
        filters = compact(
            remote=remote,
            location=location,
            min_salary=min_salary,
            seniority=seniority,
            posted_since=date(posted_since),
            limit=limit,
        )
        return self._inner.search(query, filters)


def insights(
    jobs: Iterable[Data], profile: Optional[Data] = None, *, top: int = 20
) -> Dict[str, Any]:
    """Insights over ``jobs``: ``{"jobs", "demand", "cooccurrence", "gaps",
    "title_clusters"}``; ``gaps`` (the missing skills that would open the most jobs) needs
    ``profile``. Lists hold at most ``top`` entries."""
    return _native.insights([_job(job) for job in jobs], profile, top)


def _prefs(remote, locations, min_salary, currency, as_of, weights, threshold) -> Dict[str, Any]:
    return compact(
        remote=remote,
        locations=None if locations is None else list(locations),
        min_salary=min_salary,
        currency=currency,
        as_of=date(as_of),
        weights=None if weights is None else dict(weights),
        threshold=threshold,
    )


def _job(job: Any) -> Any:
    """A `Job` handle as it is, any other mapping as a dict."""
    return job if isinstance(job, _native.Job) else dict(job)


__all__ = ["JobIndex", "insights"]
