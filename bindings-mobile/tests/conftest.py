"""Fixtures for the tests over uniffi's generated Python module (scripts/test.sh puts it and the
library on sys.path)."""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# CAREER_COPILOT_DATA overrides, as for the Rust tests (tests/lib.rs).
DATA = Path(os.environ.get("CAREER_COPILOT_DATA", ROOT.parent / "shared" / "data"))
VECTORS = ROOT / "tests" / "vectors"


@pytest.fixture(scope="session")
def data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"test data folder {DATA} is absent")
    return DATA


def load_vectors() -> list:
    """The shared ATS vectors (tests/vectors/*.json), sorted by file name."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(VECTORS.glob("*.json"))]
