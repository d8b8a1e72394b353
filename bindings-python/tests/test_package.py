"""Packaging: the public names, the version, the type information."""

import ast
import inspect
from pathlib import Path

import career_copilot
from career_copilot import _native

PACKAGE = Path(career_copilot.__file__).parent


def test_version_is_the_crate_version():
    assert career_copilot.__version__.count(".") == 2


STUB = ast.parse((PACKAGE / "_native.pyi").read_text())


def _public(names):
    return {n for n in names if not n.startswith("_") or n in ("__version__", "__len__", "__getitem__")}


def _parameters(node: ast.FunctionDef):
    args = node.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    return [n for n in names if n not in ("self", "cls")]


def test_native_stub_names_match_the_module():
    declared = {node.name for node in STUB.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    declared |= {node.target.id for node in STUB.body if isinstance(node, ast.AnnAssign)}
    assert declared == _public(dir(_native))


def test_native_stub_signatures_match_the_module():
    # pyo3 records each function's text signature; the stub must name the same parameters.
    functions = [node for node in STUB.body if isinstance(node, ast.FunctionDef)]
    for node in functions:
        assert _parameters(node) == list(inspect.signature(getattr(_native, node.name)).parameters), node.name
    for cls in (node for node in STUB.body if isinstance(node, ast.ClassDef)):
        native = getattr(_native, cls.name)
        methods = {m.name: m for m in cls.body if isinstance(m, ast.FunctionDef)}
        assert set(methods) - {"__new__"} == _public(n for n in vars(native) if n != "__new__"), cls.name
        for name, node in methods.items():
            if name.startswith("__") or any(
                isinstance(d, ast.Name) and d.id == "property" for d in node.decorator_list
            ):
                continue
            params = list(inspect.signature(getattr(native, name)).parameters)
            assert _parameters(node) == [p for p in params if p != "self"], f"{cls.name}.{name}"
        if "__new__" in methods:
            assert _parameters(methods["__new__"]) == list(inspect.signature(native).parameters)


def test_typed_marker_is_installed():
    assert (PACKAGE / "py.typed").is_file()


def test_all_names_exist():
    for name in career_copilot.__all__:
        assert hasattr(career_copilot, name), name
