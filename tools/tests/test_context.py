# SPDX-License-Identifier: GPL-2.0-only
"""The tools' shared context (root, build, cache from the environment) and
their error convention: every tool uses them, none rereads the variables."""

from __future__ import annotations

import ast
import os
import subprocess
from pathlib import Path

import pytest
from covekit_codegen.api import Pos, Problem, SpecError
from covekit_tools import context, errors

ROOT = Path(__file__).resolve().parents[2]
LIB = ROOT / "tools/lib"
VARIABLES = {"COVEKIT_ROOT", "COVEKIT_BUILD", "COVEKIT_CACHE"}


def test_defaults_and_overrides():
    assert context.root({}) == ROOT
    assert context.build_dir({}) == ROOT / "build"
    assert context.cache_dir({}) == Path.home() / ".cache/covekit"
    env = {"COVEKIT_ROOT": "/src/covekit", "COVEKIT_CACHE": "/var/cache/ck"}
    assert context.root(env) == Path("/src/covekit")
    assert context.build_dir(env) == Path("/src/covekit/build")  # follows the root
    assert context.cache_dir(env) == Path("/var/cache/ck")
    env["COVEKIT_BUILD"] = "/tmp/b"
    assert context.Context.from_env(env) == context.Context(
        Path("/src/covekit"), Path("/tmp/b"), Path("/var/cache/ck"))


def test_the_error_convention(capsys: pytest.CaptureFixture[str]):
    def fails(err: Exception) -> int:
        def main() -> int:
            raise err
        return errors.run("tool", main)

    assert errors.run("tool", lambda: 0) == 0
    assert fails(errors.ToolError("the check failed")) == 1
    assert fails(errors.UsageError("no such suite")) == 2
    assert fails(SpecError([Problem(Pos("x.yaml", 3, 4), "bad")])) == 2
    assert capsys.readouterr().err == ("tool: the check failed\ntool: no such suite\n"
                                       "x.yaml:3:4: bad\n")
    with pytest.raises(KeyError):  # a bug is not an error message
        fails(KeyError("internal"))


def _is_variable(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in VARIABLES


def _reads(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id == "__file__"
    if isinstance(node, ast.Subscript):
        return _is_variable(node.slice)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("get", "getenv") and bool(node.args) \
            and _is_variable(node.args[0])
    return False


def reads_the_context(tree: ast.AST) -> list[int]:
    """Lines that find the checkout from __file__ or read a COVEKIT_ variable of context's."""
    return sorted(node.lineno for node in ast.walk(tree) if _reads(node))


# regen.py's no-op check cannot afford context's imports (pathlib,
# dataclasses); tools/tests/test_regen_stamp.py holds it to context's answers.
READERS = {LIB / "covekit_tools/context.py", LIB / "covekit_tools/regen.py"}


def test_only_context_reads_root_build_and_cache():
    found = [f"{path.relative_to(LIB)}:{line}" for path in sorted(LIB.rglob("*.py"))
             if path not in READERS
             for line in reads_the_context(ast.parse(path.read_text()))]
    assert found == []
    sample = ast.parse("import os\nR = __file__\nB = os.environ.get('COVEKIT_BUILD')\n"
                       "C = os.environ['COVEKIT_CACHE']\nD = dict(COVEKIT_CACHE='x')\n")
    assert reads_the_context(sample) == [2, 3, 4]


def test_abi_coverage_reads_the_build_directory_of_covekit_build(tmp_path: Path):
    env = dict(os.environ, COVEKIT_BUILD=str(tmp_path), COVEKIT_VENV=os.environ.get(
        "COVEKIT_VENV", str(ROOT / ".venv")))
    proc = subprocess.run([str(ROOT / "tools/abi-coverage")], capture_output=True, text=True,
                          env=env, timeout=120)
    assert (proc.returncode, proc.stderr.splitlines()[-1:]) == (
        1, [f"abi-coverage: no test logs under {tmp_path}: run ./tools/test first"])
