# SPDX-License-Identifier: GPL-2.0-only
"""./tools/regen's no-op stamp (covekit_tools/regen.py): every input is in
the digest, a change to any of them or to an output means a full run, and
--check never takes the stamp's word."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from covekit_tools import context, regen
from covekit_tools.bench import REGEN_TREE, copy_tree
from covekit_tools.series.context import Context as SeriesContext

SERIES = "kvm-pointer-masking"
OUTPUT = "tsm-firmware/include/generated/sbi_abi.h"


class Scratch:
    """A copy of what regen reads and writes, with its own build dir and a
    fake upstream cache, run as a user runs it."""

    def __init__(self, tmp: Path):
        self.root = tmp / "covekit"
        copy_tree(self.root, REGEN_TREE)
        self.cache = tmp / "cache"
        refs = self.cache / "upstream/linux.git/refs/covekit/upstream"
        refs.mkdir(parents=True)
        (refs / "linux").write_text("1" * 40 + "\n")
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("COVEKIT_ROOT", "COVEKIT_SERIES_DIR", "COVEKIT_UPSTREAMS")}
        self.env.update(COVEKIT_VENV=str(Path(sys.executable).parents[1]),
                        COVEKIT_BUILD=str(tmp / "build"), COVEKIT_CACHE=str(self.cache))
        self.stamp = tmp / "build" / regen.STAMP

    def path(self, rel: str) -> Path:
        return self.root / rel

    def digest(self, **env: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-c", "from covekit_tools import regen; print(regen.digest())"],
            env=dict(self.env, **env, COVEKIT_ROOT=str(self.root),
                     PYTHONPATH=f"{self.root}/codegen:{self.root}/tools/lib"),
            capture_output=True, text=True, check=True)
        return proc.stdout.strip()

    def regen(self, *args: str, python: list[str] | None = None) -> subprocess.CompletedProcess:
        argv = ([sys.executable, *python, "-m", "covekit_tools.regen"] if python
                else [str(self.root / "tools/regen")])
        env = dict(self.env, PYTHONPATH=f"{self.root}/codegen:{self.root}/tools/lib",
                   COVEKIT_ROOT=str(self.root))
        return subprocess.run([*argv, *args], env=env, capture_output=True, text=True,
                              timeout=300)

    def drop_series(self) -> None:
        """Without an imported upstream a series cannot be checked (nor stamped)."""
        shutil.rmtree(self.path(f"kernel-patches/{SERIES}"))


@pytest.fixture
def scratch(tmp_path: Path) -> Scratch:
    return Scratch(tmp_path)


def _append(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\n# changed\n")


# One of each kind of input: (what, how to change it).
INPUTS = {
    "spec yaml": lambda s: _append(s.path("spec/kvm.yaml")),
    "spec schema": lambda s: _append(s.path("spec/schema.json")),
    "abi lock": lambda s: _append(s.path("spec/abi.lock")),
    "codegen module": lambda s: _append(s.path("codegen/covekit_codegen/outputs.py")),
    "codegen new module": lambda s: s.path("codegen/covekit_codegen/new.py").write_text(""),
    "template": lambda s: _append(next(s.path("codegen/templates").rglob("*.j2"))),
    "output edited": lambda s: _append(s.path(OUTPUT)),
    "output deleted": lambda s: s.path(OUTPUT).unlink(),
    "manifest": lambda s: _append(s.path("codegen/outputs.sum")),
    "series patch": lambda s: _append(next(s.path(f"kernel-patches/{SERIES}").glob("*.patch"))),
    "series.yaml": lambda s: _append(s.path(f"kernel-patches/{SERIES}/series.yaml")),
    "series config": lambda s: _append(s.path(f"kernel-patches/{SERIES}/kvm.config")),
    "series removed": lambda s: s.drop_series(),
    "upstreams.yaml": lambda s: _append(s.path("kernel-patches/upstreams.yaml")),
    "upstream ref": lambda s: (s.cache / "upstream/linux.git/refs/covekit/upstream/linux")
    .write_text("2" * 40 + "\n"),
    "upstream packed-refs": lambda s: (s.cache / "upstream/linux.git/packed-refs")
    .write_text("# pack-refs\n"),
    "upstream imported": lambda s: (s.cache / "upstream/other.git/HEAD").parent.mkdir(),
    "series tool code": lambda s: _append(s.path("tools/lib/covekit_tools/kernel/generated.py")),
}


@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_the_digest_changes_with_every_input(scratch: Scratch, kind: str):
    before = scratch.digest()
    assert scratch.digest() == before, "the digest is not deterministic"
    INPUTS[kind](scratch)
    assert scratch.digest() != before


def test_the_digest_changes_with_where_inputs_are_read_from(scratch: Scratch, tmp_path: Path):
    elsewhere = tmp_path / "series"
    shutil.copytree(scratch.path("kernel-patches"), elsewhere)
    assert scratch.digest(COVEKIT_SERIES_DIR=str(elsewhere)) != scratch.digest()


@pytest.mark.parametrize("env", [
    {},
    {"COVEKIT_BUILD": "/b", "COVEKIT_CACHE": "~/c", "COVEKIT_SERIES_DIR": "/s"},
    {"COVEKIT_ROOT": "/r", "COVEKIT_UPSTREAMS": "/u.yaml"},
])
def test_places_agree_with_the_tools_contexts(env: dict[str, str]):
    got = regen.places(env)
    ctx, sctx = context.Context.from_env(env), SeriesContext.from_env(env)
    assert Path(got["root"]) == ctx.root == sctx.root
    assert Path(got["build"]) == ctx.build == sctx.build
    assert Path(got["cache"]) == ctx.cache.absolute() == sctx.cache
    assert Path(got["series"]) == sctx.series_root
    assert Path(got["upstreams"]) == sctx.upstreams


def test_a_noop_imports_neither_the_model_nor_yaml_nor_jinja(scratch: Scratch):
    scratch.drop_series()
    assert scratch.regen().returncode == 0
    proc = scratch.regen(python=["-X", "importtime"])
    assert (proc.returncode, proc.stdout) == (0, "regen: up to date\n"), proc.stderr
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:")}
    assert "covekit_codegen.api" in imported  # the scan sees our modules
    heavy = {m for m in imported if m.split(".")[0] in ("ruamel", "jinja2", "dataclasses")
             or m in ("covekit_codegen.model", "covekit_codegen.regen", "covekit_tools.series")}
    assert heavy == set()


def test_edited_and_deleted_outputs_are_still_found(scratch: Scratch):
    scratch.drop_series()
    r = scratch.regen()
    assert r.returncode == 0, r.stderr
    assert scratch.stamp.is_file()
    assert scratch.regen().stdout == "regen: up to date\n"

    good = scratch.path(OUTPUT).read_bytes()
    scratch.path(OUTPUT).write_bytes(good + b"/* hand edit */\n")
    r = scratch.regen("--check")
    assert r.returncode == 1 and f"regen --check: hand-edited: {OUTPUT}" in r.stderr
    r = scratch.regen()
    assert r.returncode == 1 and f"{OUTPUT}: edited by hand since the last regen" in r.stderr

    scratch.path(OUTPUT).unlink()
    r = scratch.regen("--check")
    assert r.returncode == 1 and f"regen --check: missing: {OUTPUT}" in r.stderr
    r = scratch.regen()
    assert r.returncode == 0 and f"GEN     {OUTPUT}" in r.stdout
    assert scratch.path(OUTPUT).read_bytes() == good
    assert scratch.regen().stdout == "regen: up to date\n"


def test_check_never_trusts_the_stamp(scratch: Scratch):
    """A stamp that vouches for a hand-edited tree (copied, forged, or from
    another checkout) does not make --check pass."""
    scratch.drop_series()
    assert scratch.regen().returncode == 0
    scratch.path(OUTPUT).write_bytes(scratch.path(OUTPUT).read_bytes() + b"/* edit */\n")
    scratch.stamp.write_text(scratch.digest() + "\n")
    assert scratch.regen().stdout == "regen: up to date\n"  # the stamp vouches...
    r = scratch.regen("--check")
    assert r.returncode == 1 and f"hand-edited: {OUTPUT}" in r.stderr  # ...--check does not


def test_no_stamp_while_a_series_cannot_be_checked(scratch: Scratch):
    """The fake cache has no real upstream: the series half says so every
    time instead of being stamped as current."""
    for _ in range(2):
        r = scratch.regen()
        assert r.returncode == 0, r.stderr
        assert f"kernel-patches/{SERIES}: generated content not checked" in r.stderr
    assert not scratch.stamp.exists()


@pytest.mark.parametrize("args", [["--full"], ["--force"], ["--check"]])
def test_only_a_plain_run_takes_the_stamp(scratch: Scratch, args: list[str]):
    scratch.drop_series()
    assert scratch.regen().returncode == 0
    r = scratch.regen(*args)
    assert r.returncode == 0 and "regen: up to date" not in r.stdout, r.stdout


def test_help_and_usage_errors_stop_before_the_series(scratch: Scratch):
    r = scratch.regen("--help")
    assert r.returncode == 0 and "usage: tools/regen" in r.stdout
    r = scratch.regen("--reason", "x")
    assert r.returncode == 2 and "--reason goes with --accept-break" in r.stderr
    assert not scratch.stamp.exists()


def test_venv_sh_compares_contents_only_when_the_mtime_moved(tmp_path: Path):
    """The front ends' venv check spawns nothing when the stamp carries
    pyproject.toml's mtime, and resyncs it after a real content check."""
    import hashlib

    root = Path(__file__).resolve().parents[2]
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin/python").symlink_to(sys.executable)
    stamp = venv / ".covekit-deps"
    stamp.write_text(hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest() + "\n")
    os.utime(stamp, (1, 1))
    env = dict(os.environ, COVEKIT_VENV=str(venv))
    proc = subprocess.run(["bash", "-c", f". {root}/tools/lib/venv.sh"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert stamp.stat().st_mtime_ns == (root / "pyproject.toml").stat().st_mtime_ns
