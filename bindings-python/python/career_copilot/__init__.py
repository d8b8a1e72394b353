"""Career Copilot: resumes and job postings to structured data.

The work happens in a Rust engine (``career_copilot._native``); this package gives it a Python
face. Results are plain dicts and lists (JSON Resume for profiles), so they serialise with
``json.dumps`` as they are.

>>> import career_copilot
>>> parsed = career_copilot.parse_resume(b"Jane Doe\\njane@example.com\\n")
>>> parsed["value"]["basics"]["name"]
'Jane Doe'
"""

from ._native import __version__
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

__all__ = [
    "__version__",
    "parse_resume",
    "parse_job",
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
