# SPDX-License-Identifier: GPL-2.0-only
"""The tools reach codegen through covekit_codegen.api only: any other
covekit_codegen module is codegen's own business and may change freely."""

from __future__ import annotations

import ast
from pathlib import Path

LIB = Path(__file__).resolve().parents[1] / "lib"
API = "covekit_codegen.api"


def codegen_imports(path: Path) -> list[str]:
    """Each covekit_codegen module the file imports, as LINE: MODULE."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "covekit_codegen":
                modules = [f"covekit_codegen.{alias.name}" for alias in node.names]
            else:
                modules = [node.module]
        else:
            continue
        found += [f"{node.lineno}: {m}" for m in modules
                  if (m == "covekit_codegen" or m.startswith("covekit_codegen."))]
    return found


def test_tools_import_only_codegens_api():
    files = sorted(LIB.rglob("*.py"))
    assert files
    wrong = [f"{path.relative_to(LIB)}:{where}" for path in files
             for where in codegen_imports(path) if not where.endswith(f": {API}")]
    assert wrong == []


def test_the_scan_sees_every_form_of_import(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text("import covekit_codegen.loader\n"
                      "from covekit_codegen import api, regen\n"
                      "from covekit_codegen.api import load_spec\n"
                      "def f():\n    from covekit_codegen.render import render\n")
    assert codegen_imports(sample) == [
        "1: covekit_codegen.loader", "2: covekit_codegen.api", "2: covekit_codegen.regen",
        "3: covekit_codegen.api", "5: covekit_codegen.render"]
