# SPDX-License-Identifier: GPL-2.0-only
"""write_atomic and the scratch directories: a process killed at any moment
(SIGKILL, for real) leaves the old file or the new one, never part of one;
what it leaves behind the next run removes; a live process's files stay."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, Checkout
from covekit_codegen import atomic

CODEGEN = str(ROOT / "codegen")


def python(code: str, env: dict[str, str] | None = None, **kw) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code], text=True,
                            env=dict(os.environ, PYTHONPATH=CODEGEN, **(env or {})), **kw)


def temps(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob(".*.tmp") if atomic.TEMP_FILE.match(p.name))


def test_killed_between_write_and_rename_keeps_the_old_file(tmp_path: Path):
    target = tmp_path / "out.rst"
    target.write_text("old\n")
    proc = python(f"from covekit_codegen.atomic import write_atomic\n"
                  f"write_atomic(__import__('pathlib').Path({str(target)!r}), 'new\\n' * 1000)",
                  env={"COVEKIT_FAULT": "kill-before-rename"})
    assert proc.wait(30) == -signal.SIGKILL
    assert target.read_text() == "old\n"
    left = temps(tmp_path)
    assert [p.name.split(".covekit-")[1].split("-")[0] for p in left] == [str(proc.pid)]
    # the next write into that directory removes the dead writer's file
    atomic._swept.clear()
    atomic.write_atomic(tmp_path / "other", b"x")
    assert temps(tmp_path) == []
    assert target.read_text() == "old\n"


def test_a_live_writers_temporary_file_stays(tmp_path: Path):
    proc = python("import fcntl, os, sys, time\n"
                  f"fd = os.open({str(tmp_path)!r} + '/.a.covekit-' + str(os.getpid()) + "
                  "'-0123abcd.tmp', os.O_CREAT | os.O_WRONLY, 0o600)\n"
                  "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('ready', flush=True)\ntime.sleep(60)",
                  stdout=subprocess.PIPE)
    try:
        assert proc.stdout and proc.stdout.readline() == "ready\n"
        atomic._swept.clear()
        assert atomic.sweep_temps(tmp_path) == []
        assert len(temps(tmp_path)) == 1
    finally:
        proc.kill()
        proc.wait()
    atomic._swept.clear()
    assert len(atomic.sweep_temps(tmp_path)) == 1
    assert temps(tmp_path) == []


def test_full_disk_leaves_the_original_and_no_temporary_file(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "out.h"
    target.write_bytes(b"original\n")
    monkeypatch.setenv("COVEKIT_FAULT", "enospc")
    atomic._reached.clear()
    with pytest.raises(OSError) as err:
        atomic.write_atomic(target, b"new contents\n" * 100)
    assert err.value.strerror == os.strerror(28) and err.value.filename == str(target)
    assert target.read_bytes() == b"original\n"
    assert list(tmp_path.iterdir()) == [target]


def test_scratch_directories_of_dead_owners_go_live_ones_stay(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    env = {"TMPDIR": str(tmp_path)}
    dead = python("from covekit_codegen.atomic import owned_tempdir, fault\n"
                  "with owned_tempdir('test') as d:\n"
                  "    (d / 'big').write_bytes(b'x' * 4096)\n"
                  "    fault('kill-in-scratch')\n", env={**env, "COVEKIT_FAULT": "kill-in-scratch"})
    assert dead.wait(30) == -signal.SIGKILL
    live = python("from covekit_codegen.atomic import owned_tempdir\nimport time\n"
                  "with owned_tempdir('test') as d:\n"
                  "    print(d, flush=True)\n    time.sleep(60)\n", env=env,
                  stdout=subprocess.PIPE)
    try:
        assert live.stdout
        live_dir = Path(live.stdout.readline().strip())
        dead_dirs = [p for p in tmp_path.iterdir() if f"-{dead.pid}-" in p.name]
        assert len(dead_dirs) == 1 and (dead_dirs[0] / "big").is_file()
        monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
        seen: list[Path] = []
        assert atomic.sweep_tempdirs(seen.append) == dead_dirs == seen
        assert sorted(tmp_path.iterdir()) == [live_dir]
    finally:
        live.kill()
        live.wait()
    assert atomic.sweep_tempdirs() == [live_dir]


def test_a_reused_pid_does_not_keep_a_dead_writers_file(tmp_path: Path):
    # our own PID, but the file predates this process: not ours
    stale = tmp_path / f".x.covekit-{os.getpid()}-0123abcd.tmp"
    stale.write_bytes(b"")
    os.utime(stale, (0, 0))
    atomic._swept.clear()
    assert atomic.sweep_temps(tmp_path) == [stale]


def outputs(c: Checkout) -> list[str]:
    return [line.split()[1] for line in c.read("codegen/outputs.sum").splitlines()
            if line and not line.startswith(("#", "generator ", "spec "))]


@pytest.mark.parametrize("how", ["kill-before-rename", "kill-mid-write", "delay"])
def test_regen_killed_at_a_random_moment(checkout: Checkout, how: str):
    """Regen every output, SIGKILL it somewhere in the middle: every file is
    whole (old or new), and the next run finishes the job and leaves no
    temporary file behind."""
    paths = outputs(checkout)
    want = {p: checkout.path(p).read_bytes() for p in paths}
    rng = random.Random()
    for _ in range(3):
        for p in paths:  # stale: regen rewrites every one (whole spec unchanged)
            checkout.path(p).unlink()
        env = dict(os.environ, PYTHONPATH=str(checkout.root / "codegen"))
        if how != "delay":
            env["COVEKIT_FAULT"] = f"{how}:{rng.randint(1, len(paths))}"
        proc = subprocess.Popen([sys.executable, "-m", "covekit_codegen", "--root",
                                 str(checkout.root), "-q"], env=env, cwd=checkout.root)
        if how == "delay":
            time.sleep(rng.uniform(0.2, 1.5))
            proc.send_signal(signal.SIGKILL)
        assert proc.wait(120) in (-signal.SIGKILL, 0)
        if how != "delay":
            assert proc.returncode == -signal.SIGKILL
            assert temps(checkout.root), "the fault should leave a temporary file"
        for p in paths:
            have = checkout.path(p)
            assert not have.exists() or have.read_bytes() == want[p], f"{p} is partial"
        r = checkout.regen("-q")
        assert r.returncode == 0, r.stderr
        assert temps(checkout.root) == []
        assert {p: checkout.path(p).read_bytes() for p in paths} == want
        assert checkout.regen("--check").returncode == 0


def test_regen_on_a_full_disk_says_so_in_one_line(checkout: Checkout):
    victim = "Documentation/abi/index.rst"
    old = checkout.path(victim).read_bytes()
    checkout.path(victim).write_bytes(b"")  # stale, so regen rewrites it
    checkout.edit("codegen/outputs.sum", next(line for line in
                                              checkout.read("codegen/outputs.sum").splitlines()
                                              if line.endswith(f" {victim}")),
                  f"{atomic_sha(b'')} {victim}")
    before = checkout.snapshot()
    r = checkout.regen("--full", env={"COVEKIT_FAULT": "enospc"})
    assert r.returncode == 1, r.stderr
    assert r.lines == [f"regen: {checkout.path(victim)}: No space left on device; files "
                       f"already listed were written, the rest are unchanged"]
    assert checkout.snapshot() == before
    assert checkout.regen("-q", "--full").returncode == 0
    assert checkout.path(victim).read_bytes() == old


def atomic_sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
