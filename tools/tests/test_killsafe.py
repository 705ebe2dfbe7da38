# SPDX-License-Identifier: GPL-2.0-only
"""A killed run leaves nothing behind, and never a broken file.

tools/series runs in a subprocess on the synthetic world of
test_series_support and is killed (SIGKILL) at a random write, or after a
random delay; then every file must be whole, the next run must succeed and
leave no temporary file, and the scratch worktrees of dead runs must be gone
while a live run's stay.  A broken input (empty or truncated patch,
unparsable series.yaml) is one line that says how to restore it."""

from __future__ import annotations

import ast
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from covekit_tools.series import patchfile
from test_series_support import make_world, sh

REPO = Path(__file__).resolve().parents[2]
PYTHONPATH = f"{REPO / 'codegen'}:{REPO / 'tools/lib'}"
# tools/series on a World: its Context, built in the child process
RUNNER = """\
import sys
from pathlib import Path
from covekit_tools.series import cli
from covekit_tools.series.context import Context
root, bare, base = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
ctx = Context(series_root=root, cache=bare.parent, build=root.parent / "build",
              upstreams=root / "upstreams.yaml", resolve=lambda name: (bare, base),
              root=root.parent)
sys.exit(cli.main(sys.argv[4:], ctx=ctx))
"""


def series(w, *argv: str, env: dict[str, str] | None = None,
           **kw) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(w.ctx.series_root), str(w.bare), w.base, *argv],
        env=dict(os.environ, PYTHONPATH=PYTHONPATH, TMPDIR=str(w.tmp / "tmp"), **(env or {})),
        text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def done(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def world(tmp_path: Path):
    """The demo series, and a branch 'reworded' of it whose refresh rewrites
    every patch file and series.yaml (one subject changes: a rename)."""
    w = make_world(tmp_path)
    (w.tmp / "tmp").mkdir()
    sh(w.src, "checkout", "-q", "-b", "reworded", w.base)
    for commit in sh(w.src, "rev-list", "--reverse", f"{w.base}..series").split():
        sh(w.src, "cherry-pick", commit)
        msg = sh(w.src, "log", "-1", "--format=%B").replace("Body of", "A new body of")
        sh(w.src, "commit", "-q", "--amend", "-m", msg.replace("f7: patch line 10",
                                                               "f7: patch the tenth line"))
    sh(w.src, "push", "-q", str(w.bare), "reworded")
    return w


def check_whole(w) -> None:
    """Every patch file whole; no temporary file once a run has come by."""
    for p in w.series_dir.glob("*.patch"):
        assert patchfile.problem(p.read_bytes()) is None, f"{p.name} is broken"
    assert (w.series_dir / "series.yaml").read_text().startswith("# A test series.")


def temps(w) -> list[str]:
    return sorted(p.name for p in w.series_dir.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("how", ["kill-before-rename", "kill-mid-write", "delay"])
def test_refresh_killed_at_a_random_moment(tmp_path: Path, how: str):
    w = world(tmp_path)
    reworded = w.rev("reworded")
    status, _, err = done(series(w, "refresh", "demo", "--from", reworded))
    assert status == 0, err
    want = {p.name: p.read_bytes() for p in w.series_dir.iterdir()}
    rng = random.Random()
    for attempt in range(3):
        status, _, err = done(series(w, "refresh", "demo", "--from", w.rev("series")))
        assert status == 0, err
        env = {} if how == "delay" else {"COVEKIT_FAULT": f"{how}:{rng.randint(1, 8)}"}
        proc = series(w, "refresh", "demo", "--from", reworded, env=env)
        if how == "delay":
            time.sleep(rng.uniform(0.05, 0.6))
            proc.send_signal(signal.SIGKILL)
        status, _, err = done(proc)
        if how != "delay":
            assert status == -signal.SIGKILL, err
            assert temps(w), "the fault should leave a temporary file"
        check_whole(w)
        status, _, err = done(series(w, "refresh", "demo", "--from", reworded))
        assert status == 0, f"attempt {attempt}: {err}"
        assert temps(w) == []
        assert {p.name: p.read_bytes() for p in w.series_dir.iterdir()} == want
        assert done(series(w, "list"))[0] == 0


def test_refresh_on_a_full_disk_leaves_every_file_and_says_so(tmp_path: Path):
    w = world(tmp_path)
    before = {p.name: p.read_bytes() for p in w.series_dir.iterdir()}
    status, out, err = done(series(w, "refresh", "demo", "--from", w.rev("reworded"),
                                   env={"COVEKIT_FAULT": "enospc"}))
    first = sorted(before)[0]
    assert status == 1
    assert err.splitlines() == [f"series: {w.series_dir / first}: No space left on device; "
                                f"that file is unchanged"]
    assert {p.name: p.read_bytes() for p in w.series_dir.iterdir()} == before


@pytest.mark.parametrize("damage", ["empty", "truncated"])
def test_a_broken_patch_is_one_line_with_the_restore_command(tmp_path: Path, damage: str):
    w = make_world(tmp_path, patches=3)
    path = w.series_dir / "0002-f2-patch-line-10.patch"
    good = path.read_bytes()
    path.write_bytes(b"" if damage == "empty" else good[:len(good) * 2 // 3])
    for command in (["apply", "demo"], ["list"]):
        status, out, err = w.cli(*command)
        why = "is empty (0 bytes)" if damage == "empty" else "is truncated"
        assert status == 2, err
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert err.startswith(f"kernel-patches/demo/0002-f2-patch-line-10.patch: {why}")
        assert err.rstrip().endswith("; restore it: ./tools/series refresh demo")
    # the command it names restores the file
    status, out, err = w.cli("refresh", "demo", "--from", "series")
    assert status == 0, err
    assert path.read_bytes() == good


def test_the_restore_command_is_git_checkout_when_git_knows_the_file(tmp_path: Path):
    w = make_world(tmp_path, patches=2)
    checkout = w.ctx.root
    sh(checkout, "init", "-q")
    sh(checkout, "add", ".")
    sh(checkout, "commit", "-q", "-m", "series")
    path = w.series_dir / "0001-f1-patch-line-10.patch"
    path.write_bytes(b"")
    status, _, err = w.cli("apply", "demo")
    assert status == 2
    assert err.splitlines() == [
        "kernel-patches/demo/0001-f1-patch-line-10.patch: is empty (0 bytes); restore it: "
        "git checkout -- kernel-patches/demo/0001-f1-patch-line-10.patch"]
    (w.series_dir / "series.yaml").write_text("title: [\n")
    status, _, err = w.cli("apply", "demo")
    assert status == 2 and len(err.splitlines()) == 1, err
    assert err.startswith("kernel-patches/demo/series.yaml:2:1: invalid YAML")
    assert err.rstrip().endswith("; restore it: git checkout -- kernel-patches/demo/series.yaml")


def regen_hook(w, *args: str) -> subprocess.CompletedProcess[str]:
    """The series half of ./tools/regen, on the world's series directory."""
    env = dict(os.environ, PYTHONPATH=PYTHONPATH, COVEKIT_SERIES_DIR=str(w.ctx.series_root),
               COVEKIT_BUILD=str(w.tmp / "build"), COVEKIT_CACHE=str(w.tmp / "cache"),
               TMPDIR=str(w.tmp / "tmp"))
    return subprocess.run([sys.executable, "-m", "covekit_tools.series.regen_hook", *args],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("damage", ["empty patch", "unparsable series.yaml"])
def test_regen_reports_a_broken_series_in_one_line(tmp_path: Path, damage: str):
    w = make_world(tmp_path, patches=2)
    (w.tmp / "tmp").mkdir()
    if damage == "empty patch":
        (w.series_dir / "0001-f1-patch-line-10.patch").write_bytes(b"")
        want = "0001-f1-patch-line-10.patch: is empty (0 bytes); restore it: "
    else:
        (w.series_dir / "series.yaml").write_text("title: [\n")
        want = "series.yaml:2:1: invalid YAML"
    r = regen_hook(w)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1, r.stderr
    assert r.stderr.startswith(f"{w.series_dir}/{want}")


def scratch_dirs(w) -> list[Path]:
    return sorted((w.tmp / "tmp").glob("covekit-worktree-*"))


def registered(w) -> list[str]:
    return [line for line in sh(w.bare, "worktree", "list", "--porcelain").splitlines()
            if line.startswith("worktree ") and "covekit-worktree-" in line]


HOLD_SCRATCH = """\
import sys, time
from pathlib import Path
from covekit_tools.series import worktree
with worktree.scratch(Path(sys.argv[1]), sys.argv[2]) as wt:
    print(wt, flush=True)
    time.sleep(120)
"""


def test_scratch_worktrees_of_dead_runs_go_live_ones_stay(tmp_path: Path):
    w = make_world(tmp_path, patches=2)
    (w.tmp / "tmp").mkdir()
    env = dict(os.environ, PYTHONPATH=PYTHONPATH, TMPDIR=str(w.tmp / "tmp"))
    dead = subprocess.run([sys.executable, "-c", HOLD_SCRATCH, str(w.bare), w.base],
                          env={**env, "COVEKIT_FAULT": "kill-in-scratch"}, timeout=60)
    assert dead.returncode == -signal.SIGKILL
    assert len(scratch_dirs(w)) == 1 and len(registered(w)) == 1
    assert (scratch_dirs(w)[0] / "wt/f1.c").is_file()
    live = subprocess.Popen([sys.executable, "-c", HOLD_SCRATCH, str(w.bare), w.base],
                            env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert live.stdout
        live_wt = Path(live.stdout.readline().strip())
        assert len(scratch_dirs(w)) == 2 and len(registered(w)) == 2
        status, _, err = done(series(w, "list"))  # any run of a tool
        assert status == 0, err
        assert scratch_dirs(w) == [live_wt.parent]
        assert registered(w) == [f"worktree {live_wt}"]
        assert (live_wt / "f1.c").is_file()
    finally:
        live.kill()
        live.wait()
    r = regen_hook(w, "--check")  # the series half of regen sweeps too
    assert scratch_dirs(w) == [] and registered(w) == [], r.stderr


# What may write a file other than through write_atomic, and why.
ALLOWED = {
    ("covekit_tools/fuzz.py", "open"): "libFuzzer's log, streamed as it runs: a log that "
    "stops where the run was killed is the truth",
    ("covekit_tools/fuzz.py", "shutil.copytree"): "a scratch copy of the seeds in the build "
    "directory, deleted and remade by every run",
    ("covekit_tools/upstream/tarball_import.py", "open"): "the pack and its index, streamed "
    "into a fresh repository that is renamed into the cache only once complete",
    ("covekit_tools/upstream/tarball_import.py", "os.replace"): "the complete pack and "
    "index, moved into the fresh repository's pack directory",
    ("covekit_tools/upstream/debian.py", "os.rename"): "a fully imported fresh repository "
    "renamed into the cache: a directory rename is atomic",
    ("covekit_tools/upstream/git_source.py", "os.rename"): "a fully fetched fresh repository "
    "renamed into the cache: a directory rename is atomic",
    ("covekit_tools/bench.py", "write_text"): "fixtures inside the bench's own scratch "
    "directory",
    ("covekit_tools/bench.py", "tarfile.open"): "a fixture tarball in the bench's scratch "
    "directory",
    ("covekit_tools/bench.py", "shutil.copytree"): "a scratch checkout for the bench",
    ("covekit_tools/bench.py", "shutil.copy2"): "a scratch checkout for the bench",
    ("covekit_tools/series/verify.py", "open"): "an empty lock file, held with flock while "
    "verify uses its worktree: its content is never read",
}
WRITE_METHODS = {"write_text", "write_bytes"}
WRITE_FUNCTIONS = {"shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree",
                   "shutil.move", "json.dump", "os.rename", "os.replace"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else "?"


def _mode(call: ast.Call) -> str:
    args = [a for a in call.args[1:2]] + [k.value for k in call.keywords if k.arg == "mode"]
    return next((a.value for a in args if isinstance(a, ast.Constant)
                 and isinstance(a.value, str)), "r")


def writes(path: Path) -> list[tuple[int, str]]:
    """(line, what) for every call in PATH that writes a file by itself."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        short = name.rsplit(".", 1)[-1]
        if short in WRITE_METHODS or name in WRITE_FUNCTIONS:
            found.append((node.lineno, short if short in WRITE_METHODS else name))
        elif short == "open" and name != "os.open" and any(c in _mode(node) for c in "wax+"):
            found.append((node.lineno, name if name.startswith("tarfile") else "open"))
        elif name == "os.open" and "O_CREAT" in ast.dump(node):
            found.append((node.lineno, "os.open"))
        elif short == "write" and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Call) and \
                _name(node.func.value.func).endswith("ElementTree"):
            found.append((node.lineno, "ElementTree.write"))
    return found


def test_every_file_is_written_through_write_atomic():
    roots = {REPO / "tools/lib": sorted((REPO / "tools/lib").rglob("*.py")),
             REPO / "codegen": sorted((REPO / "codegen/covekit_codegen").rglob("*.py"))}
    wrong = []
    for base, files in roots.items():
        for path in files:
            rel = path.relative_to(base).as_posix()
            if rel == "covekit_codegen/atomic.py":
                continue  # the writer itself
            if rel == "covekit_tools/upstream/importer.py":
                continue  # the import's lock file: opened, never written
            for line, what in writes(path):
                if (rel, what) not in ALLOWED:
                    wrong.append(f"{rel}:{line}: {what}")
    assert wrong == []


def test_the_scan_sees_every_kind_of_write(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text("p.write_text('x')\nq.write_bytes(b'')\nopen(f, 'w')\n"
                      "open(f, mode='ab')\nopen(f)\nshutil.copyfile(a, b)\njson.dump(d, f)\n"
                      "ET.ElementTree(r).write(f)\nos.replace(a, b)\ntarfile.open(t, 'w:xz')\n"
                      "os.open(p, os.O_CREAT)\n")
    assert writes(sample) == [(1, "write_text"), (2, "write_bytes"), (3, "open"), (4, "open"),
                              (6, "shutil.copyfile"), (7, "json.dump"),
                              (8, "ElementTree.write"), (9, "os.replace"), (10, "tarfile.open"),
                              (11, "os.open")]
