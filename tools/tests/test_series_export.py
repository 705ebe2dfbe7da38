# SPDX-License-Identifier: GPL-2.0-only
"""tools/series export: numbered patches and a filled cover letter that git am
turns back into the same tree."""

from __future__ import annotations

import email
import email.policy
import re

from covekit_tools.series import apply
from test_series_support import CHANGE_ID, make_world, sh

# A stand-in for the kernel's scripts/get_maintainer.pl: it logs its
# arguments to $FAKE_GM_LOG and prints maintainers and reviewers for --m,
# lists for --l (and a maintainer again, which must not be repeated in Cc:).
FAKE_GET_MAINTAINER = r"""#!/usr/bin/perl
open(my $log, '>>', $ENV{FAKE_GM_LOG}) or die "no log";
print $log join(' ', @ARGV), "\n";
if (grep { $_ eq '--m' } @ARGV) {
    print "Mae Maintainer <mae\@example.org>\n";
    print "Zo\x{c3}\x{ab} Reviewer <zoe\@example.org>\n";
}
if (grep { $_ eq '--l' } @ARGV) {
    print "demo-list\@lists.example.org\n";
    print "mae\@example.org\n";
}
"""
BROKEN_GET_MAINTAINER = """#!/usr/bin/perl
die "MAINTAINERS: No such file or directory\\n";
"""


def headers(path):
    """To: and Cc: of an exported file, decoded."""
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return ([str(a) for a in msg["To"].addresses] if msg["To"] else [],
            [str(a) for a in msg["Cc"].addresses] if msg["Cc"] else [])


def test_export_addresses_every_file_from_get_maintainer(tmp_path, monkeypatch):
    w = make_world(tmp_path, patches=3,
                   base_files={"scripts/get_maintainer.pl": FAKE_GET_MAINTAINER})
    log = tmp_path / "get_maintainer.log"
    monkeypatch.setenv("FAKE_GM_LOG", str(log))
    status, _, err = w.cli("export", "demo", "--to", "Extra To <extra@example.org>",
                           "--cc", "cc-me@example.org", "--cc", "MAE@example.org")
    assert status == 0, err
    files = sorted((w.ctx.build / "series" / "demo-v2").iterdir())
    assert len(files) == 4
    for f in files:
        # --to/--cc first, then get_maintainer's; an address given twice once
        assert headers(f) == (
            ["Extra To <extra@example.org>", "Mae Maintainer <mae@example.org>",
             "Zo\u00eb Reviewer <zoe@example.org>"],
            ["cc-me@example.org", "demo-list@lists.example.org"]), f.name
        # the non-ASCII name is RFC 2047 encoded: the headers stay ASCII
        assert f.read_bytes().split(b"\n\n", 1)[0].isascii(), f.name
    # once per role, without git history, over the series' own patch files
    runs = log.read_text().splitlines()
    assert len(runs) == 2
    patches = " ".join(str(w.series_dir / e.file) for e in w.series().patches)
    for run, roles in zip(runs, ["--m --r --no-l", "--no-m --no-r --l"], strict=True):
        assert run.startswith("--no-git --no-git-fallback ") and "--no-rolestats" in run
        assert run.endswith(f" {roles} {patches}"), run


def test_export_with_a_failing_script_and_without_maintainers(tmp_path):
    w = make_world(tmp_path, patches=1,
                   base_files={"scripts/get_maintainer.pl": BROKEN_GET_MAINTAINER})
    status, out, err = w.cli("export", "demo")
    assert status == 1 and out == ""
    first, *hint = err.splitlines()
    assert first.startswith("series: get_maintainer.pl failed (exit ")
    assert first.endswith(": MAINTAINERS: No such file or directory")
    assert hint[0].startswith("  command: ") and "scripts/get_maintainer.pl --no-git " in hint[0]
    assert not (w.ctx.build / "series" / "demo-v2").exists()  # nothing half-written

    status, _, err = w.cli("export", "demo", "--no-maintainers", "--cc", "a@example.org")
    assert status == 0, err
    for f in (w.ctx.build / "series" / "demo-v2").iterdir():
        assert headers(f) == ([], ["a@example.org"])


def test_export_without_the_script_says_so(tmp_path):
    w = make_world(tmp_path, patches=1)
    status, _, err = w.cli("export", "demo")
    assert status == 1
    assert re.fullmatch(r"series: \S+/scripts/get_maintainer\.pl does not exist; pass "
                        r"--no-maintainers \(and --to/--cc\) to export without it\n", err), err


def test_export_then_git_am_reproduces_the_tree(tmp_path):
    w = make_world(tmp_path, patches=3)
    status, out, err = w.cli("export", "demo", "--no-maintainers")
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
    status, _, err = w.cli("export", "demo", "--no-maintainers")
    assert status == 1 and err == f"series: {outdir} exists and is not empty; pass --force " \
                                  f"to overwrite it\n"
    assert w.cli("export", "demo", "--force", "--no-maintainers")[0] == 0
    assert {f: (outdir / f).read_bytes() for f in files} == before


def test_export_of_revision_one_to_a_chosen_directory(tmp_path):
    w = make_world(tmp_path, patches=1)
    manifest = w.series_dir / "series.yaml"
    manifest.write_text(manifest.read_text().replace("revision: 2\nprerequisites",
                                                     "revision: 1\nprerequisites")
                        .split("history:")[0])
    status, _, err = w.cli("export", "demo", "-o", str(tmp_path / "out"), "--no-maintainers")
    assert status == 0, err
    cover = (tmp_path / "out" / "0000-cover-letter.patch").read_text()
    assert "Subject: [PATCH 0/1] demo: patch line 10 everywhere" in cover
    assert "Changes in" not in cover
    assert "Subject: [PATCH 1/1] f1: patch line 10" in (
        tmp_path / "out" / "0001-f1-patch-line-10.patch").read_text()
