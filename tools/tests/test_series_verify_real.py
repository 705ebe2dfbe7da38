# SPDX-License-Identifier: GPL-2.0-only
"""tools/series verify on the real Linux 6.12 tree: import the Debian
tarball (a no-op once cached), verify kernel-patches/kvm-pointer-masking,
and catch a stale generated hunk and an impossible config option."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TARBALL = Path("/usr/src/linux-source-6.12.tar.xz")
SERIES = "kvm-pointer-masking"

pytestmark = pytest.mark.skipif(
    not TARBALL.exists() or shutil.which("riscv64-linux-gnu-gcc") is None,
    reason="linux-source-6.12 or the riscv64 cross compiler is missing: "
           "run sudo tools/install-deps")


def tool(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ROOT / "tools" / argv[0]), *argv[1:]], capture_output=True,
                          text=True, timeout=1800, env=dict(os.environ, **(env or {})))


@pytest.fixture(scope="module", autouse=True)
def imported():
    proc = tool("upstream", "import", "linux", "-q")
    assert proc.returncode == 0, proc.stderr


def test_series_verifies_patch_by_patch():
    proc = tool("series", "verify", SERIES, "--json", "-")
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert report["ok"] and report["config"] == [] and report["sbi_h"] == []
    got = [(p["file"][:4], p["apply"], p["checkpatch"], p["generated"], p["build"])
           for p in report["patches"]]
    assert got == [  # dt-bindings, host parsing, KVM (uapi ids + mapping), selftest
        ("0001", "clean", [], [], "nothing to build"),
        ("0002", "clean", [], [], "ok"),
        ("0003", "clean", [], [], "ok"),
        ("0004", "clean", [], [], "nothing to build"),
    ]


def test_stale_generated_content_and_a_missing_option_are_caught(tmp_path):
    series_root = tmp_path / "kernel-patches"
    shutil.copytree(ROOT / "kernel-patches", series_root)
    series = series_root / SERIES
    patch = next(series.glob("0003-*.patch"))  # the KVM patch: uapi ids and mapping
    text = patch.read_text()
    assert "+\tKVM_RISCV_ISA_EXT_SSNPM,\n" in text
    patch.write_text(text.replace("+\tKVM_RISCV_ISA_EXT_SSNPM,\n",
                                  "+\tKVM_RISCV_ISA_EXT_SSNPMX,\n"))
    with (series / "kvm.config").open("a") as f:
        f.write("CONFIG_COVEKIT_NO_SUCH_OPTION=y\n")
    proc = tool("series", "verify", SERIES, "--json", "-",
                env={"COVEKIT_SERIES_DIR": str(series_root)})
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    edited = next(p for p in report["patches"] if p["file"] == patch.name)
    assert edited["apply"] == "clean"  # the edit still applies...
    assert edited["generated"] == [  # ...but is not what the spec generates
        "arch/riscv/include/uapi/asm/kvm.h: differs from codegen's output (run ./tools/regen)"]
    assert report["config"] == [
        "CONFIG_COVEKIT_NO_SUCH_OPTION: asked y, after olddefconfig absent or not set "
        "(does the option exist, and are its dependencies met?)"]


def test_rebase_reports_an_abi_conflict():
    """A new upstream that gave 62 to another extension: our SMNPM would move."""
    repo = Path(os.environ.get("COVEKIT_CACHE") or Path.home() / ".cache/covekit") \
        / "upstream/linux.git"
    base = "refs/covekit/upstream/linux"
    path = "arch/riscv/include/uapi/asm/kvm.h"

    def git(*args: str, input: str | None = None) -> str:
        return subprocess.run(["git", "--git-dir", str(repo), *args], input=input,
                              capture_output=True, text=True, check=True,
                              env=dict(os.environ, GIT_INDEX_FILE=str(repo / "covekit-test.index"),
                                       GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
                                       GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t",
                                       GIT_AUTHOR_DATE="2001-01-01T00:00:00Z",
                                       GIT_COMMITTER_DATE="2001-01-01T00:00:00Z")).stdout.strip()

    kvm_h = git("show", f"{base}:{path}")
    newer = kvm_h.replace("\tKVM_RISCV_ISA_EXT_ZAWRS,\n",
                          "\tKVM_RISCV_ISA_EXT_ZAWRS,\n\tKVM_RISCV_ISA_EXT_ZNEW,\n")
    assert newer != kvm_h
    blob = git("hash-object", "-w", "--stdin", input=newer + "\n")
    git("read-tree", base)
    git("update-index", "--cacheinfo", f"100644,{blob},{path}")
    tree = git("write-tree")
    commit = git("commit-tree", tree, "-p", base, "-m", "upstream: a new ISA extension")
    (repo / "covekit-test.index").unlink()

    proc = tool("series", "rebase", SERIES, "--onto", commit, "--record")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "ABI conflict: " in out and "KVM_RISCV_ISA_EXT_ZNEW = 62 is in the upstream enum" in out
    assert "KVM_RISCV_ISA_EXT_SMNPM is 62 in the spec, but appending it" in out
    # Nothing was recorded: the series still names the old base.
    manifest = (ROOT / "kernel-patches" / SERIES / "series.yaml").read_text()
    assert "commit: 7c1fafec1c643160e0f4da0210eee25f4c230b92" in manifest


def test_regen_refreshes_stale_generated_content_in_a_patch(tmp_path):
    series_root = tmp_path / "kernel-patches"
    shutil.copytree(ROOT / "kernel-patches", series_root)
    patch = next((series_root / SERIES).glob("0003-*.patch"))
    good = patch.read_bytes()
    patch.write_bytes(good.replace(b"+\tKVM_RISCV_ISA_EXT_SSNPM,\n",
                                   b"+\tKVM_RISCV_ISA_EXT_SSNPMX,\n"))
    env = {"COVEKIT_SERIES_DIR": str(series_root), "COVEKIT_BUILD": str(tmp_path / "build")}
    proc = tool("regen", "--check", env=env)
    assert proc.returncode == 1
    assert (f"regen --check: stale: kernel-patches/{SERIES}/{patch.name}: "
            f"arch/riscv/include/uapi/asm/kvm.h is not what the spec generates") in proc.stderr
    proc = tool("regen", env=env)
    assert proc.returncode == 0, proc.stderr
    assert f"  SERIES  kernel-patches/{SERIES}/{patch.name}" in proc.stdout.splitlines()
    assert patch.read_bytes() == good  # back to exactly what the spec makes
    assert tool("regen", "--check", env=env).returncode == 0


def test_regen_says_plainly_when_the_upstream_is_missing(tmp_path):
    env = {"COVEKIT_CACHE": str(tmp_path / "empty-cache"), "COVEKIT_BUILD": str(tmp_path)}
    proc = tool("regen", "--check", env=env)
    assert proc.returncode == 0  # codegen's outputs are fine; nothing to check the series with
    assert (f"regen: kernel-patches/{SERIES}: generated content not checked: upstream 'linux' "
            f"is not in the cache; run: tools/upstream import linux") in proc.stderr


CACHE_REPO = Path(os.environ.get("COVEKIT_CACHE") or Path.home() / ".cache/covekit") \
    / "upstream/linux.git"
SBI_H = "arch/riscv/include/asm/sbi.h"


def upstream_with(path: str, old: str, new: str) -> str:
    """A commit on the cached upstream whose PATH has OLD replaced by NEW."""
    base = "refs/covekit/upstream/linux"
    index = CACHE_REPO / "covekit-test-sbi.index"

    def git(*args: str, input: str | None = None) -> str:
        return subprocess.run(["git", "--git-dir", str(CACHE_REPO), *args], input=input,
                              capture_output=True, text=True, check=True,
                              env=dict(os.environ, GIT_INDEX_FILE=str(index),
                                       GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
                                       GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t",
                                       GIT_AUTHOR_DATE="2001-01-01T00:00:00Z",
                                       GIT_COMMITTER_DATE="2001-01-01T00:00:00Z")).stdout

    text = git("show", f"{base}:{path}")
    assert text.count(old) == 1, old
    blob = git("hash-object", "-w", "--stdin", input=text.replace(old, new)).strip()
    git("read-tree", base)
    git("update-index", "--cacheinfo", f"100644,{blob},{path}")
    tree = git("write-tree").strip()
    index.unlink()
    return git("commit-tree", tree, "-p", base, "-m", f"upstream: change {path}").strip()


def test_regen_reports_an_sbi_h_that_disagrees_with_the_spec(tmp_path):
    """A base tree whose sbi.h renumbers an HSM FID: regen names both sides."""
    commit = upstream_with(SBI_H, "\tSBI_EXT_HSM_HART_SUSPEND,\n",
                           "\tSBI_EXT_HSM_HART_SUSPEND = 9,\n")
    series_root = tmp_path / "kernel-patches"
    shutil.copytree(ROOT / "kernel-patches", series_root)
    manifest = series_root / SERIES / "series.yaml"
    manifest.write_text(manifest.read_text().replace(
        "commit: 7c1fafec1c643160e0f4da0210eee25f4c230b92", f"commit: {commit}"))
    env = {"COVEKIT_SERIES_DIR": str(series_root), "COVEKIT_BUILD": str(tmp_path / "build")}
    proc = tool("regen", "--check", env=env)
    assert proc.returncode == 2, proc.stderr
    spec = (ROOT / "spec/sbi.yaml").read_text().splitlines()
    at = next(n for n, line in enumerate(spec) if line.strip() == "- name: hart_suspend")
    line = at + 2  # the fid: line just after the name, 1-based
    assert spec[line - 1].strip() == "fid: 3"
    assert proc.stderr.splitlines() == [
        f"spec/sbi.yaml:{line}:14: the FID of HSM.hart_suspend is 3 in the spec but 9 in "
        f"linux@{commit[:12]}:{SBI_H}:79 (SBI_EXT_HSM_HART_SUSPEND); the spec must match "
        f"the upstream tree"]
    # The rebase check refuses that tree too.
    proc = tool("series", "rebase", SERIES, "--onto", commit, "--record",
                env={"COVEKIT_SERIES_DIR": str(series_root)})
    assert proc.returncode != 0
    assert (f"ABI conflict: spec/sbi.yaml:{line}:14: the FID of HSM.hart_suspend is 3 in the "
            f"spec but 9 in {commit[:12]}:{SBI_H}:79") in proc.stdout + proc.stderr
