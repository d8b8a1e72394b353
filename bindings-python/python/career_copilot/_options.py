"""Helpers shared by the modules: keyword options to the engine's option dicts."""

from __future__ import annotations

import datetime
from typing import Any, Dict, Mapping, Optional, Union

#: "Today" for the engine (it reads no clock): an ISO date string (``"2024"``, ``"2024-06"``,
#: ``"2024-06-15"``), a :class:`datetime.date`, or ``{"year": 2024, "month": 6}``.
DateLike = Union[str, datetime.date, Mapping[str, Any]]


def date(value: Optional[DateLike]) -> Any:
    """The date as the engine reads it (it parses ISO strings itself)."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    return value


def compact(**options: Any) -> Dict[str, Any]:
    """The options that were given (``None`` means "the engine's default")."""
    return {key: value for key, value in options.items() if value is not None}
