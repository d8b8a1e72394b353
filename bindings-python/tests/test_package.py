"""Packaging: the public names, the version, the type information."""

import ast
from pathlib import Path

import career_copilot
from career_copilot import _native

PACKAGE = Path(career_copilot.__file__).parent


def test_version_is_the_crate_version():
    assert career_copilot.__version__.count(".") == 2


def test_native_stub_names_match_the_module():
    stub = ast.parse((PACKAGE / "_native.pyi").read_text())
    declared = {node.name for node in stub.body if isinstance(node, ast.FunctionDef)}
    declared |= {node.target.id for node in stub.body if isinstance(node, ast.AnnAssign)}
    exported = {name for name in dir(_native) if not name.startswith("_") or name == "__version__"}
    assert declared == exported


def test_typed_marker_is_installed():
    assert (PACKAGE / "py.typed").is_file()


def test_all_names_exist():
    for name in career_copilot.__all__:
        assert hasattr(career_copilot, name), name
