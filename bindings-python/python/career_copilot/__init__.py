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
"""

from . import ats, ingest, matching, model, skills
from ._native import __version__
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
from .ingest import parse_job, parse_resume
from .matching import JobIndex, insights
from .model import merge

__all__ = [
    "__version__",
    "parse_resume",
    "parse_job",
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
