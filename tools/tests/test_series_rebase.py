# SPDX-License-Identifier: GPL-2.0-only
"""tools/series rebase: every patch classified, --record, the check hook."""

from __future__ import annotations

import re

import pytest
from covekit_tools.series import rebase
from test_series_support import make_world


def table(stdout: str) -> dict[str, tuple[str, str]]:
    rows = re.findall(r"^  (\d{4}-\S+\.patch) +(\S+) *(.*)$", stdout, re.M)
    return {name: (kind, detail) for name, kind, detail in rows}


def test_rebase_classifies_every_patch_and_goes_on_past_a_conflict(tmp_path):
    w = make_world(tmp_path)
    before = (w.series_dir / "series.yaml").read_bytes()
    status, out, err = w.cli("rebase", "demo", "--onto", "v2")
    assert status == 1
    rows = table(out)
    assert {name: kind for name, (kind, _) in rows.items()} == {
        "0001-f1-patch-line-10.patch": "clean",
        "0002-f2-patch-line-10.patch": "offset",
        "0003-f3-patch-line-10.patch": "fuzz",
        "0004-f4-patch-line-10.patch": "3way",
        "0005-f5-patch-line-10.patch": "conflict",
        "0006-f6-patch-line-10.patch": "already-upstream",
        "0007-f7-patch-line-10.patch": "clean",   # after the conflict: still tried
    }
    assert rows["0002-f2-patch-line-10.patch"][1] == "f2.c: hunk 1 +3"
    assert rows["0003-f3-patch-line-10.patch"][1] == "context reduced to 2 lines"
    assert rows["0004-f4-patch-line-10.patch"][1] == "merged into g4.c"
    # the conflict names the file and the hunk
    assert rows["0005-f5-patch-line-10.patch"][1] == "f5.c hunk 1 (@@ -7,7 +7,7 @@ f5 line 6)"
    assert "summary: 2 clean, 1 offset, 1 fuzz, 1 3way, 1 conflict, 1 already-upstream" in out
    assert "1 patch conflicts" in err
    assert "tools/series apply demo --onto v2" in err
    assert "tools/series refresh demo --base v2" in err
    # nothing recorded, and without --record nothing is written anyway
    assert (w.series_dir / "series.yaml").read_bytes() == before


def test_rebase_record_refuses_when_a_patch_conflicts(tmp_path):
    w = make_world(tmp_path)
    files = {p.name: p.read_bytes() for p in w.series_dir.iterdir()}
    status, _, err = w.cli("rebase", "demo", "--onto", "v2", "--record")
    assert status == 1 and "nothing recorded" in err
    assert {p.name: p.read_bytes() for p in w.series_dir.iterdir()} == files


def test_rebase_record_rewrites_base_and_patches(tmp_path):
    w = make_world(tmp_path)
    status, out, err = w.cli("rebase", "demo", "--onto", "v2-calm", "--record")
    assert status == 0, err
    assert "recorded:" in out
    series = w.series()
    assert (series.base_commit, series.base_describe) == (w.rev("v2-calm"), "v2-calm")
    # the already-upstream patch is gone, the later one renumbered
    assert [p.file for p in series.patches] == [
        "0001-f1-patch-line-10.patch", "0002-f2-patch-line-10.patch",
        "0003-f3-patch-line-10.patch", "0004-f4-patch-line-10.patch",
        "0005-f5-patch-line-10.patch", "0006-f7-patch-line-10.patch"]
    assert sorted(p.name for p in w.series_dir.glob("*.patch")) == [
        p.file for p in series.patches]
    assert b"@@ -10,7 +10,7 @@" in (w.series_dir / "0002-f2-patch-line-10.patch").read_bytes()
    assert b"diff --git a/g4.c b/g4.c" in (
        w.series_dir / "0004-f4-patch-line-10.patch").read_bytes()
    # now the series is at home on its new base: all clean
    status, out, _ = w.cli("rebase", "demo", "--onto", "v2-calm")
    assert status == 0 and "summary: 6 clean" in out


def test_rebase_checks_run_and_block_record(tmp_path, monkeypatch):
    w = make_world(tmp_path)
    seen = []

    def abi_check(outcome: rebase.Outcome) -> list[str]:
        seen.append((outcome.new_base, outcome.worktree.is_dir(), len(outcome.results)))
        return ["uapi: KVM_RISCV_SBI_EXT_COVH taken upstream"]

    monkeypatch.setattr(rebase, "CHECKS", [abi_check])
    before = (w.series_dir / "series.yaml").read_bytes()
    status, out, err = w.cli("rebase", "demo", "--onto", "v2-calm", "--record")
    assert status == 1
    assert seen == [(w.rev("v2-calm"), True, 7)]
    assert "problem: uapi: KVM_RISCV_SBI_EXT_COVH taken upstream" in out
    assert "nothing recorded" in err
    assert (w.series_dir / "series.yaml").read_bytes() == before


@pytest.mark.parametrize("onto", ["no-such-ref"])
def test_rebase_onto_an_unknown_ref_is_one_line(tmp_path, onto):
    w = make_world(tmp_path, patches=1)
    status, _, err = w.cli("rebase", "demo", "--onto", onto)
    assert status == 1
    assert err.startswith(f"series: '{onto}' is not a commit of the linux upstream cache")
