# SPDX-License-Identifier: GPL-2.0-only
"""series.yaml checking (FILE:LINE:COL, exit 2), tools/series list, and the
command line itself."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
from contextlib import redirect_stderr
from pathlib import Path

import pytest
from covekit_tools.kernel import checkpatch
from covekit_tools.series import cli, context, verify
from covekit_tools.series.errors import ManifestError
from test_series_support import CHANGE_ID, make_world

ROOT = Path(__file__).resolve().parents[2]
M = "kernel-patches/demo/series.yaml"
IGNORE = "kernel-patches/demo/checkpatch-ignore.yaml"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("manifest"), patches=2)


@pytest.fixture
def manifest(world):
    path = world.series_dir / "series.yaml"
    original = path.read_text()
    yield path, original
    path.write_text(original)


CASES = [
    ("missing key", lambda t, b: t.replace(f"change-id: {CHANGE_ID}\n", ""),
     f"{M}:2:1: the manifest lacks 'change-id'"),
    ("bad change-id", lambda t, b: t.replace(CHANGE_ID, "demo"),
     f"{M}:7:12: change-id 'demo' is not of the form YYYYMMDD-slug-<12 hex digits> (b4 style)"),
    ("revision not a number", lambda t, b: t.replace("revision: 2\n", "revision: two\n", 1),
     f"{M}:8:11: revision must be a whole number >= 1"),
    ("unknown key", lambda t, b: t.replace("revision: 2\n", "revision: 2\nrevison: 3\n", 1),
     f"{M}:9:1: unknown key 'revison' in the manifest (expected one of: title, upstream, "
     f"base, change-id, revision, prerequisites, patches, config, history)"),
    ("duplicate key", lambda t, b: t.replace("revision: 2\n", "revision: 2\nrevision: 3\n", 1),
     f'{M}:9:1: invalid YAML: duplicate key "revision" (first at line 8)'),
    ("short base commit", lambda t, b: t.replace(b, "abc123"),
     f"{M}:5:11: base commit 'abc123' is not a full commit id (40 lowercase hex digits)"),
    ("unknown upstream", lambda t, b: t.replace("upstream: linux", "upstream: linus"),
     f"{M}:3:11: upstream 'linus' is not in upstreams.yaml (known: linux)"),
    ("YAML syntax", lambda t, b: t.replace("revision: 2\n", "revision: [2\n", 1),
     f"{M}:8:11: invalid YAML: this '[' is never closed: expected ',' or ']' but found ':' "
     f"at line 9, column 14"),
    ("history from the future", lambda t, b: t.replace("  - revision: 2", "  - revision: 5"),
     f"{M}:18:15: history revision 5 is newer than the series revision 2"),
    ("absolute generated path", lambda t, b: t.replace("generated: []", "generated: [/x.h]", 1),
     f"{M}:12:17: generated path '/x.h' must be relative to the kernel tree"),
    ("empty file", lambda t, b: "",
     f"{M}:1:1: expected a mapping with 'title', 'upstream', 'base', 'change-id', "
     f"'revision' and 'patches'"),
]


@pytest.mark.parametrize("name,change,expected", CASES, ids=[c[0] for c in CASES])
def test_manifest_problems_are_reported_at_line_and_column(world, manifest, name, change,
                                                           expected):
    path, original = manifest
    path.write_text(change(original, world.base))
    for command in (["list"], ["apply", "demo"]):
        status, out, err = world.cli(*command)
        assert (status, out, err) == (2, "", expected + "\n")


@pytest.mark.parametrize("text,expected", [
    ("ignore:\n  - type: LONG_LINE\n    why: tables\n  - patches: [0001-f1-patch-line-10.patch]\n",
     f"{IGNORE}:4:5: entry 2 needs 'type' and 'why' (the justification)"),
    ("ignore:\n  - type: LONG_LINE\n    why: 'tables\n",
     f"{IGNORE}:3:10: invalid YAML: the quoted string that starts here is never closed"),
    ("ignore: LONG_LINE\n", f"{IGNORE}:1:9: expected a mapping with 'ignore', a list"),
])
def test_checkpatch_exemptions_are_reported_at_line_and_column(world, text, expected):
    path = world.series_dir / verify.IGNORE_FILE
    path.write_text(text)
    try:
        with pytest.raises(ManifestError) as err:
            verify.exemptions(world.series())
    finally:
        path.unlink()
    assert str(err.value) == expected


def test_checkpatch_exemptions_are_read(world):
    path = world.series_dir / verify.IGNORE_FILE
    path.write_text("ignore:\n  - type: LONG_LINE\n    why: tables\n"
                    "    patches: [0001-f1-patch-line-10.patch]\n")
    try:
        found = verify.exemptions(world.series())
    finally:
        path.unlink()
    assert found == [checkpatch.Exemption("LONG_LINE", ("0001-f1-patch-line-10.patch",),
                                          "tables")]


def test_patch_files_and_the_patch_list_must_agree(world, manifest):
    path, original = manifest
    path.write_text(original.replace("0002-f2-patch-line-10.patch", "0002-f2.patch"))
    status, _, err = world.cli("list")
    assert status == 2
    assert err.splitlines() == [
        f"{M}:10:1: 0002-f2-patch-line-10.patch is in the series directory but not in patches",
        f"{M}:14:11: 0002-f2.patch does not exist in the series directory"]


def test_list(world):
    status, out, err = world.cli("list")
    assert (status, err) == (0, "")
    assert out.splitlines() == ["series  upstream  base  revision  patches",
                                "demo    linux     v1    v2        2"]


def test_unknown_series_is_one_line(world):
    status, _, err = world.cli("apply", "nope")
    assert (status, err) == (1, "series: no series 'nope': kernel-patches/nope/series.yaml "
                                "does not exist\n")


def test_commands_are_a_registry(world, monkeypatch):
    seen = []
    command = cli.Command("hello", "say hello", lambda ap: ap.add_argument("who"),
                          lambda args, ctx: seen.append((args.who, ctx)) or 0)
    monkeypatch.setitem(cli.COMMANDS, "hello", command)
    assert world.cli("hello", "world")[0] == 0
    assert seen == [("world", world.ctx)]
    # verify registers itself from its own module, listed in COMMAND_MODULES
    assert cli.COMMANDS["verify"].run.__module__ == "covekit_tools.series.verify"


def test_the_front_end(world):
    env = dict(os.environ, COVEKIT_SERIES_DIR=str(world.ctx.series_root))
    proc = subprocess.run([str(ROOT / "tools/series"), "list"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1] == "demo    linux     v1    v2        2"
    proc = subprocess.run([str(ROOT / "tools/series"), "--help"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 0
    for name in ("list", "apply", "rebase", "refresh", "export", "range-diff"):
        assert f"    {name}" in proc.stdout
    proc = subprocess.run([str(ROOT / "tools/series"), "rebase"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 2 and "required: series" in proc.stderr


def test_a_missing_upstream_names_the_import_command(world, monkeypatch):
    from covekit_tools import upstream

    def resolve(name):
        raise upstream.UpstreamMissing(name)

    # The real module, whoever imported it first: no stand-in in sys.modules.
    monkeypatch.setattr(upstream, "resolve", resolve)
    ctx = dataclasses.replace(world.ctx, resolve=context.resolve_upstream)
    for argv in (["apply", "demo"], ["rebase", "demo"], ["export", "demo"]):
        status = cli.main(argv, ctx=ctx)
        assert status == 1
    err = io.StringIO()
    with redirect_stderr(err):
        cli.main(["apply", "demo"], ctx=ctx)
    assert err.getvalue() == ("series: upstream 'linux' is not in the cache; run: "
                              "tools/upstream import linux\n")
