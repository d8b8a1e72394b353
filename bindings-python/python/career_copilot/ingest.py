"""Ingest: resumes and job postings in, plain dicts out.

``data`` is either the document's content (``bytes``, ``bytearray`` or ``memoryview``) or a
path to it (``str`` or ``os.PathLike``), read here. To parse text you hold in a ``str``, pass
``text.encode()``. The format is sniffed from the content; ``file_name`` only breaks ties
(Markdown or plain text) and ``format`` forces one (use the names that ``result["format"]``
returns: ``"pdf"``, ``"docx"``, ``"html"``, ``"markdown"``, ``"text"``, ``"json_resume"``, ...).

The GIL is released while the engine parses, so threads parse in parallel.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _native

#: Content (bytes-like) or a path to read.
Source = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"]

#: ``{"value": ..., "warnings": [{"code", "message", "path"?}], "format": str, "layout": {...}}``
Parsed = Dict[str, Any]


def parse_resume(
    data: Source,
    *,
    file_name: Optional[str] = None,
    format: Optional[str] = None,
    limits: Optional[Mapping[str, int]] = None,
) -> Parsed:
    """Parses a resume (PDF, DOCX, HTML, Markdown, text, JSON Resume, RenderCV YAML, LinkedIn
    export ZIP) into ``{"value": profile, ...}``, where ``profile`` is a JSON Resume dict.

    ``limits`` overrides some of the engine's bounds, e.g. ``{"max_input_bytes": 10_000_000}``.
    Raises a :class:`~career_copilot.CareerCopilotError` subclass when the input cannot be read.
    """
    content, file_name = _content(data, file_name)
    return _native.parse_resume(content, _hint(file_name, format, limits))


def parse_job(
    data: Source,
    *,
    file_name: Optional[str] = None,
    format: Optional[str] = None,
    limits: Optional[Mapping[str, int]] = None,
) -> Parsed:
    """Parses a job posting (text, Markdown, HTML with or without schema.org JSON-LD,
    job-board JSON, PDF, DOCX) into ``{"value": job, ...}``."""
    content, file_name = _content(data, file_name)
    return _native.parse_job(content, _hint(file_name, format, limits))


async def parse_resume_async(
    data: Source,
    *,
    file_name: Optional[str] = None,
    format: Optional[str] = None,
    limits: Optional[Mapping[str, int]] = None,
) -> Parsed:
    """:func:`parse_resume` as a coroutine: the engine parses on the package's own runtime
    threads, so the event loop stays free (a path is read before that, here)."""
    content, file_name = _content(data, file_name)
    return await _native.parse_resume_async(content, _hint(file_name, format, limits))


async def parse_job_async(
    data: Source,
    *,
    file_name: Optional[str] = None,
    format: Optional[str] = None,
    limits: Optional[Mapping[str, int]] = None,
) -> Parsed:
    """:func:`parse_job` as a coroutine."""
    content, file_name = _content(data, file_name)
    return await _native.parse_job_async(content, _hint(file_name, format, limits))


def _content(data: Source, file_name: Optional[str]) -> Tuple[bytes, Optional[str]]:
    """The bytes to parse, and the file name (a path's own name unless one was given)."""
    if isinstance(data, bytes):
        return data, file_name
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data), file_name
    if isinstance(data, (str, os.PathLike)):
        path = Path(data)
        return path.read_bytes(), file_name if file_name is not None else path.name
    raise TypeError(
        f"data must be bytes-like content or a str/os.PathLike path, not {type(data).__name__}"
    )


def _hint(
    file_name: Optional[str], format: Optional[str], limits: Optional[Mapping[str, int]]
) -> Dict[str, Any]:
    """The engine's ``Hint`` as a dict; the engine validates it."""
    hint: Dict[str, Any] = {}
    if file_name is not None:
        hint["file_name"] = file_name
    if format is not None:
        hint["format"] = format
    if limits is not None:
        hint["limits"] = dict(limits)
    return hint


__all__ = ["parse_resume", "parse_job", "parse_resume_async", "parse_job_async", "Parsed", "Source"]
