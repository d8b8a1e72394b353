"""Career Copilot: resumes and job postings to structured data, ATS scores and job matches.

The work happens in a Rust engine (``career_copilot._native``); this package gives it a Python
face. Results are plain dicts and lists (JSON Resume for profiles), so they serialise with
``json.dumps`` as they are.

>>> import career_copilot
>>> parsed = career_copilot.parse_resume(b"Jane Doe\\njane@example.com\\n")
>>> parsed["value"]["basics"]["name"]
'Jane Doe'

Modules mirror the engine's: :mod:`~career_copilot.ingest` (parse), :mod:`~career_copilot.ats`
(score, optimize), :mod:`~career_copilot.matching` (JobIndex, insights),
:mod:`~career_copilot.skills` (lookup, autocomplete) and :mod:`~career_copilot.model` (merge).
The most used functions are also here at the top level.

To score one profile against many jobs, convert it once: ``Profile(profile_dict)`` keeps it on
the Rust side, prepared for scoring, and ``profile.score(job)`` returns a :class:`Report`, a
read-only mapping whose items are converted only when read. ``Job(job_dict)`` does the same for
jobs. Every function that takes a profile or job dict also takes these.
"""

from collections.abc import Mapping as _Mapping

from . import ats, ingest, matching, model, skills
from ._native import Job, Profile, Report, __version__
from .ats import optimize, score
from .errors import (
    CareerCopilotError,
    CorruptDocumentError,
    EncryptedDocumentError,
    InvalidInputError,
    LimitExceededError,
    NoTextLayerError,
    NotFoundError,
    ProviderError,
    StorageError,
    UnsupportedFormatError,
)
from .ingest import parse_job, parse_job_async, parse_resume, parse_resume_async
from .matching import JobIndex, insights
from .model import merge

# A `Report` is a read-only mapping (`report["score"]`, `dict(report)`, `report.to_dict()`).
_Mapping.register(Report)

__all__ = [
    "__version__",
    "Profile",
    "Job",
    "Report",
    "parse_resume",
    "parse_job",
    "parse_resume_async",
    "parse_job_async",
    "score",
    "optimize",
    "JobIndex",
    "insights",
    "merge",
    "ats",
    "ingest",
    "matching",
    "model",
    "skills",
    "CareerCopilotError",
    "InvalidInputError",
    "UnsupportedFormatError",
    "LimitExceededError",
    "CorruptDocumentError",
    "EncryptedDocumentError",
    "NoTextLayerError",
    "ProviderError",
    "NotFoundError",
    "StorageError",
]
