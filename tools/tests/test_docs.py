# SPDX-License-Identifier: GPL-2.0-only
"""tools/docs: Documentation/ builds as HTML with Sphinx, the generated ABI
reference and the page-state diagram included, and a warning fails it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def checkout(tmp: Path) -> Path:
    """A copy of what tools/docs reads: itself, venv.sh, pyproject, Documentation/."""
    root = tmp / "covekit"
    (root / "tools/lib").mkdir(parents=True)
    shutil.copy2(ROOT / "tools/docs", root / "tools/docs")
    shutil.copy2(ROOT / "tools/lib/venv.sh", root / "tools/lib/venv.sh")
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "Documentation", root / "Documentation")
    return root


def docs(root: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COVEKIT_BUILD=str(root / "build"))
    return subprocess.run([str(root / "tools/docs")], capture_output=True, text=True,
                          env=env, timeout=600)


def test_docs_build_with_abi_reference_and_diagram(tmp_path):
    root = checkout(tmp_path)
    proc = docs(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = root / "build/docs/html"
    assert proc.stdout.strip() == f"docs: {html}/index.html"
    for rst in (ROOT / "Documentation").rglob("*.rst"):
        page = html / rst.relative_to(ROOT / "Documentation").with_suffix(".html")
        assert page.is_file(), page
    assert (html / "_images/page-states.svg").read_bytes() == \
        (ROOT / "Documentation/page-states.svg").read_bytes()
    assert 'src="../_images/page-states.svg"' in (html / "abi/page-states.html").read_text()
    assert 'href="abi/index.html"' in (html / "index.html").read_text()


def test_a_warning_fails_the_build_and_names_the_line(tmp_path):
    root = checkout(tmp_path)
    tsm = root / "Documentation/tsm.rst"
    tsm.write_text(tsm.read_text() + "\nSee :ref:`no-such-label`.\n")
    (root / "Documentation/orphan.rst").write_text("Orphan\n======\n\nIn no toctree.\n")
    proc = docs(root)
    assert proc.returncode == 1
    err = proc.stderr
    assert "Documentation/tsm.rst:" in err and "no-such-label" in err
    assert "Documentation/orphan.rst: WARNING: document isn't included in any toctree" in err
    assert err.rstrip().endswith("docs: sphinx-build failed: fix the warnings above "
                                 "(Documentation/FILE:LINE)")
