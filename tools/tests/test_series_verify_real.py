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
    assert report["ok"] and report["config"] == []
    for patch in report["patches"]:
        assert (patch["apply"], patch["checkpatch"], patch["generated"], patch["build"]) == (
            "clean", [], [], "ok"), patch


def test_stale_generated_content_and_a_missing_option_are_caught(tmp_path):
    series_root = tmp_path / "kernel-patches"
    shutil.copytree(ROOT / "kernel-patches", series_root)
    series = series_root / SERIES
    patch = next(series.glob("0001-*.patch"))
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
    first = report["patches"][0]
    assert first["apply"] == "clean"  # the edit still applies...
    assert first["generated"] == [  # ...but is not what the spec generates
        "arch/riscv/include/uapi/asm/kvm.h: differs from codegen's output (run ./tools/regen)"]
    assert report["config"] == [
        "CONFIG_COVEKIT_NO_SUCH_OPTION: asked y, after olddefconfig absent or not set "
        "(does the option exist, and are its dependencies met?)"]
