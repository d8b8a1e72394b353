"""Shared fixtures: the real documents in ../shared/data beside the repository."""

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"test data folder {DATA} is absent")
    return DATA
