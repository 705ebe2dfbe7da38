# SPDX-License-Identifier: GPL-2.0-only
"""tools/series export: numbered patches and a filled cover letter that git am
turns back into the same tree."""

from __future__ import annotations

import re

from covekit_tools.series import apply
from test_series_support import CHANGE_ID, make_world, sh


def test_export_then_git_am_reproduces_the_tree(tmp_path):
    w = make_world(tmp_path, patches=3)
    status, out, err = w.cli("export", "demo")
    assert status == 0, err
    outdir = w.ctx.build / "series" / "demo-v2"
    files = sorted(p.name for p in outdir.iterdir())
    assert files == ["0000-cover-letter.patch", "0001-f1-patch-line-10.patch",
                     "0002-f2-patch-line-10.patch", "0003-f3-patch-line-10.patch"]
    subjects = [re.search(r"^Subject: (.*)$", (outdir / f).read_text(), re.M).group(1)
                for f in files]
    assert subjects == ["[PATCH v2 0/3] demo: patch line 10 everywhere",
                        "[PATCH v2 1/3] f1: patch line 10", "[PATCH v2 2/3] f2: patch line 10",
                        "[PATCH v2 3/3] f3: patch line 10"]
    cover = (outdir / "0000-cover-letter.patch").read_text()
    assert "***" not in cover
    body = cover.split("\n\n", 1)[1]
    assert body.startswith("This series patches line 10 of every file.\n\nIt is a test.\n\n"
                           "Changes in v2:\n- patch f7.c too\n\nAda Author (3):\n")
    assert cover.endswith(f"\nbase-commit: {w.base}\nchange-id: {CHANGE_ID}\n")

    fresh = tmp_path / "fresh"
    sh(tmp_path, "clone", "-q", str(w.src), str(fresh))
    sh(fresh, "checkout", "-q", "--detach", w.base)
    sh(fresh, "am", "-q", *(str(outdir / f) for f in files[1:]))
    with apply.scratch_applied(w.ctx, w.series()) as applied:
        assert sh(fresh, "rev-parse", "HEAD^{tree}") == sh(w.bare, "rev-parse",
                                                          f"{applied.tip}^{{tree}}")
    assert sh(fresh, "log", "--format=%s", "-1") == "f3: patch line 10"

    # an existing output is not overwritten by accident; --force does it,
    # and the export is the same bytes again
    before = {f: (outdir / f).read_bytes() for f in files}
    status, _, err = w.cli("export", "demo")
    assert status == 1 and err == f"series: {outdir} exists and is not empty; pass --force " \
                                  f"to overwrite it\n"
    assert w.cli("export", "demo", "--force")[0] == 0
    assert {f: (outdir / f).read_bytes() for f in files} == before


def test_export_of_revision_one_to_a_chosen_directory(tmp_path):
    w = make_world(tmp_path, patches=1)
    manifest = w.series_dir / "series.yaml"
    manifest.write_text(manifest.read_text().replace("revision: 2\nprerequisites",
                                                     "revision: 1\nprerequisites")
                        .split("history:")[0])
    status, _, err = w.cli("export", "demo", "-o", str(tmp_path / "out"))
    assert status == 0, err
    cover = (tmp_path / "out" / "0000-cover-letter.patch").read_text()
    assert "Subject: [PATCH 0/1] demo: patch line 10 everywhere" in cover
    assert "Changes in" not in cover
    assert "Subject: [PATCH 1/1] f1: patch line 10" in (
        tmp_path / "out" / "0001-f1-patch-line-10.patch").read_text()
