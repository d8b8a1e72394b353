"""Exceptions raised by Career Copilot.

Every error is a :class:`CareerCopilotError` with a stable ``code`` (the core's
``Error::code()``) and the core's message. Bad input is also a :class:`ValueError`, a missing
item a :class:`LookupError` and storage failures an :class:`OSError`, so callers can catch
either our classes or Python's usual ones.
"""

from __future__ import annotations

from typing import Optional


class CareerCopilotError(Exception):
    """Base class of every Career Copilot error."""

    code: str = "error"

    def __init__(self, message: str, code: Optional[str] = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        """The core's message, naming what was wrong."""
        return str(self.args[0]) if self.args else ""


class InvalidInputError(CareerCopilotError, ValueError):
    """The input is malformed or empty, or an option is invalid."""

    code = "invalid_input"


class UnsupportedFormatError(CareerCopilotError, ValueError):
    """The bytes are of a format this build cannot read."""

    code = "unsupported_format"


class LimitExceededError(CareerCopilotError, ValueError):
    """A limit (input size, pages, unzipped bytes, ...) was hit; raise it with ``limits=``."""

    code = "limit_exceeded"


class CorruptDocumentError(CareerCopilotError, ValueError):
    """The document is damaged."""

    code = "corrupt"


class EncryptedDocumentError(CareerCopilotError, ValueError):
    """The document is encrypted and cannot be read without its password."""

    code = "encrypted"


class NoTextLayerError(CareerCopilotError, ValueError):
    """A PDF without a text layer (a scan): it needs OCR first."""

    code = "no_text_layer"


class ProviderError(CareerCopilotError):
    """A provider (LLM, embedder, store, HTTP) failed."""

    code = "provider"


class NotFoundError(CareerCopilotError, LookupError):
    """A requested item does not exist."""

    code = "not_found"


class StorageError(CareerCopilotError, OSError):
    """The store failed to read or write."""

    code = "storage"


_BY_CODE = {
    cls.code: cls
    for cls in (
        InvalidInputError,
        UnsupportedFormatError,
        LimitExceededError,
        CorruptDocumentError,
        EncryptedDocumentError,
        NoTextLayerError,
        ProviderError,
        NotFoundError,
        StorageError,
    )
}


def _from_core(code: str, message: str) -> CareerCopilotError:
    """The exception for a core error code (called by the native module). Codes this version
    does not know yet become the base class, still carrying their code."""
    return _BY_CODE.get(code, CareerCopilotError)(message, code)


__all__ = [
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
