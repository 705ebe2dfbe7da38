# SPDX-License-Identifier: GPL-2.0-only
"""A series that needs another one first (prerequisites: [its change-id])."""

from __future__ import annotations

from test_series_support import CHANGE_ID, make_world, manifest_text, sh


def test_a_series_on_top_of_its_prerequisite(tmp_path):
    w = make_world(tmp_path, patches=2)
    assert w.cli("apply", "demo")[0] == 0
    demo_tip = w.rev("covekit/demo")
    wt = w.ctx.worktree_dir("demo")
    (wt / "f1.c").write_text((wt / "f1.c").read_text().replace("line 15", "line fifteen"))
    sh(wt, "commit", "-q", "-a", "-m", "f1: on top of demo")
    top = sh(wt, "rev-parse", "HEAD")
    sh(wt, "reset", "-q", "--hard", demo_tip)

    extra = w.ctx.series_root / "extra"
    extra.mkdir()
    text = (manifest_text(w.base).replace(CHANGE_ID, "20261122-extra-0123456789ab")
            .replace("prerequisites: []", f"prerequisites: [{CHANGE_ID}]")
            .replace("revision: 2\n", "revision: 1\n").split("history:")[0])
    (extra / "series.yaml").write_text(text)
    (extra / "cover-letter.txt").write_text("More.\n")
    status, out, err = w.cli("refresh", "extra", "--from", top)
    assert status == 0, err
    assert out.splitlines() == ["wrote 0001-f1-on-top-of-demo.patch", "updated series.yaml"]

    status, out, err = w.cli("apply", "extra")
    assert status == 0, err
    assert "applied 1 patches of extra" in out
    # the prerequisite's commits are the very ones of covekit/demo (reproducible)
    assert w.rev("covekit/extra~1") == demo_tip
    assert w.rev("covekit/extra^{tree}") == w.rev(f"{top}^{{tree}}")
    assert w.cli("refresh", "extra")[1] == "nothing changed (1 patches as they were)\n"

    assert w.cli("export", "extra", "--no-maintainers")[0] == 0
    cover = (w.ctx.build / "series" / "extra-v1" / "0000-cover-letter.patch").read_text()
    tail = cover.split("\nbase-commit: ", 1)[1].splitlines()
    assert tail[0] == w.base
    assert tail[1:3] == ["change-id: 20261122-extra-0123456789ab",
                         f"prerequisite-change-id: {CHANGE_ID}:v2"]
    assert [t.split(":")[0] for t in tail[3:]] == ["prerequisite-patch-id"] * 2
    status, out, _ = w.cli("list")
    assert out.splitlines()[1:] == ["demo    linux     v1    v2        2",
                                    "extra   linux     v1    v1        1"]
