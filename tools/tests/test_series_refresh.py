# SPDX-License-Identifier: GPL-2.0-only
"""tools/series refresh: the round trip is byte-identical, only changed patches
are rewritten, renames and removals follow into series.yaml."""

from __future__ import annotations

import os
import re

from covekit_tools.series import patchfile
from test_series_support import make_world, sh

OLD = 1_000_000_000  # an mtime to recognise untouched files by


def snapshot(d):
    return {p.name: (p.read_bytes(), p.stat().st_mtime) for p in sorted(d.iterdir())}


def age(d):
    for p in d.iterdir():
        os.utime(p, (OLD, OLD))


def test_patch_files_are_in_normal_form(tmp_path):
    w = make_world(tmp_path, patches=2)
    raw = (w.series_dir / "0002-f2-patch-line-10.patch").read_bytes()
    assert raw.startswith(patchfile.ZERO_FROM)
    assert b"\nSubject: [PATCH] f2: patch line 10\n" in raw
    assert b"\n-- \n" not in raw and b"base-commit:" not in raw
    assert re.search(rb"^index [0-9a-f]{40}\.\.[0-9a-f]{40} 100644$", raw, re.M)
    # numbering, versions, signatures and trailers from elsewhere are normalized away
    mailed = (raw.replace(patchfile.ZERO_FROM, b"From " + b"1" * 40 +
                          b" Mon Sep 17 00:00:00 2001\n")
              .replace(b"[PATCH]", b"[PATCH v3 2/7]")
              + b"\nbase-commit: " + b"2" * 40 + b"\n-- \n2.39.5\n\n")
    assert patchfile.normalize(mailed) == raw


def test_apply_then_refresh_is_byte_identical(tmp_path):
    w = make_world(tmp_path)
    age(w.series_dir)
    before = snapshot(w.series_dir)
    assert w.cli("apply", "demo")[0] == 0
    status, out, err = w.cli("refresh", "demo", "--from", "covekit/demo")
    assert status == 0, err
    assert out == "nothing changed (7 patches as they were)\n"
    assert snapshot(w.series_dir) == before
    # from the worktree directory itself, too
    status, out, _ = w.cli("refresh", "demo", "--from", str(w.ctx.worktree_dir("demo")))
    assert status == 0 and snapshot(w.series_dir) == before


def test_refresh_rewrites_only_the_changed_patches(tmp_path):
    w = make_world(tmp_path, patches=4)
    assert w.cli("apply", "demo")[0] == 0
    wt = w.ctx.worktree_dir("demo")
    age(w.series_dir)
    before = snapshot(w.series_dir)
    # amend patch 2 in the middle of the branch, then replay 3 and 4
    commits = sh(wt, "rev-list", "--reverse", f"{w.base}..HEAD").split()
    sh(wt, "reset", "-q", "--hard", commits[1])
    (wt / "f2.c").write_text((wt / "f2.c").read_text().replace("line 12", "line twelve"))
    sh(wt, "commit", "-q", "-a", "--amend", "--no-edit")
    sh(wt, "cherry-pick", commits[2], commits[3])
    status, out, err = w.cli("refresh", "demo")
    assert status == 0, err
    assert out == "wrote 0002-f2-patch-line-10.patch\n"
    after = snapshot(w.series_dir)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["0002-f2-patch-line-10.patch"]
    assert b"+f2 line twelve" in after["0002-f2-patch-line-10.patch"][0]


def test_refresh_follows_renames_removals_and_new_patches(tmp_path):
    w = make_world(tmp_path, patches=3)
    manifest = w.series_dir / "series.yaml"
    text = manifest.read_text()
    text = text.replace("  - file: 0003-f3-patch-line-10.patch\n    generated: []\n"
                        "    build: []\n",
                        "  - file: 0003-f3-patch-line-10.patch  # keep this comment\n"
                        "    generated: [arch/riscv/include/asm/sbi-cove.h]\n"
                        "    build: [arch/riscv/kernel/sbi.o]\n")
    manifest.write_text(text)
    assert w.cli("apply", "demo")[0] == 0
    wt = w.ctx.worktree_dir("demo")
    commits = sh(wt, "rev-list", "--reverse", f"{w.base}..HEAD").split()
    # drop patch 2, reword patch 3, add a new patch at the end
    sh(wt, "reset", "-q", "--hard", commits[0])
    sh(wt, "cherry-pick", commits[2])
    sh(wt, "commit", "-q", "--amend", "-m", "f3: reworded")
    (wt / "new.c").write_text("new\n")
    sh(wt, "add", "new.c")
    sh(wt, "commit", "-q", "-m", "add new.c")
    status, out, err = w.cli("refresh", "demo")
    assert status == 0, err
    assert sorted(out.splitlines()) == sorted([
        "wrote 0002-f3-reworded.patch", "wrote 0003-add-new.c.patch",
        "removed 0002-f2-patch-line-10.patch", "removed 0003-f3-patch-line-10.patch",
        "updated series.yaml"])
    series = w.series()
    assert [(p.file, p.generated, p.build) for p in series.patches] == [
        ("0001-f1-patch-line-10.patch", (), ()),
        ("0002-f3-reworded.patch", ("arch/riscv/include/asm/sbi-cove.h",),
         ("arch/riscv/kernel/sbi.o",)),
        ("0003-add-new.c.patch", (), ())]
    assert re.search(r"^  - file: 0002-f3-reworded.patch +# keep this comment$",
                     manifest.read_text(), re.M)
    assert sorted(p.name for p in w.series_dir.glob("*.patch")) == [
        p.file for p in series.patches]


def test_refresh_refuses_a_branch_not_on_the_series_base(tmp_path):
    w = make_world(tmp_path, patches=1)
    unrelated = sh(w.bare, "commit-tree", "-m", "unrelated", f"{w.base}^{{tree}}")
    status, _, err = w.cli("refresh", "demo", "--from", unrelated)
    assert status == 1
    assert "does not contain the series base" in err
    assert f"tools/series refresh demo --from {unrelated} --base REF" in err
