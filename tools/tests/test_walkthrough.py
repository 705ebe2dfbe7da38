# SPDX-License-Identifier: GPL-2.0-only
"""The main user story, end to end (Documentation/walkthrough.rst): add an
extension to the spec, ./tools/regen updates the series' generated hunks,
tools/series verify passes; renumbering a published member is refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERIES = "kvm-pointer-masking"
NEW_MEMBER = """      - name: SVVPTC
        value: 64
        origin: covekit
        host_ext: RISCV_ISA_EXT_SVVPTC
        disable: never
        doc: Svvptc for guests (a walk-through example).

  - name: KVM_RISCV_SBI_EXT_ID
"""

pytestmark = pytest.mark.skipif(
    not Path("/usr/src/linux-source-6.12.tar.xz").exists()
    or shutil.which("riscv64-linux-gnu-gcc") is None,
    reason="linux-source-6.12 or the riscv64 cross compiler is missing: "
           "run sudo tools/install-deps")


def run(checkout: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COVEKIT_VENV=str(ROOT / ".venv"))
    for key in ("COVEKIT_ROOT", "COVEKIT_SERIES_DIR", "COVEKIT_BUILD"):
        env.pop(key, None)
    return subprocess.run([str(checkout / "tools" / argv[0]), *argv[1:]], env=env,
                          capture_output=True, text=True, timeout=3600)


def test_add_an_extension_regen_verify_then_renumber(tmp_path):
    assert run(ROOT, "upstream", "import", "linux", "-q").returncode == 0
    checkout = tmp_path / "covekit"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(checkout)], check=True)

    # 1. Add an extension to the spec.
    kvm = checkout / "spec/kvm.yaml"
    text = kvm.read_text()
    kvm.write_text(text.replace("\n  - name: KVM_RISCV_SBI_EXT_ID\n", "\n" + NEW_MEMBER, 1))

    # 2. ./tools/regen: the headers, the lock, and the series' generated hunks.
    proc = run(checkout, "regen")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("  LOCK    spec/abi.lock (+1 entries)") for line in lines)
    rewritten = sorted(line.split("/")[-1] for line in lines if line.startswith("  SERIES"))
    assert [name[:4] for name in rewritten] == ["0003", "0004"], lines
    patches = checkout / "kernel-patches" / SERIES
    kvm_patch = next(patches.glob("0003-*")).read_text()
    assert "+\tKVM_RISCV_ISA_EXT_SVVPTC,\n" in kvm_patch
    assert "+\tKVM_ISA_EXT_ARR(SVVPTC),\n" in kvm_patch
    assert "+KVM_ISA_EXT_SIMPLE_CONFIG(svvptc, SVVPTC);\n" in \
        next(patches.glob("0004-*")).read_text()
    assert run(checkout, "regen", "--check").returncode == 0

    # 3. The series still verifies, patch by patch.
    proc = run(checkout, "series", "verify", SERIES, "--json", "-")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert json.loads(proc.stdout)["ok"]

    # 4. Renumbering a published member is refused by the ABI lock.  In a C
    # enum a value is a position, so renumbering means swapping two members.
    text = kvm.read_text()
    smnpm = text.index("      - name: SMNPM\n")
    ssnpm = text.index("      - name: SSNPM\n")
    after = text.index("      - name: SVVPTC\n")
    first, second = text[smnpm:ssnpm], text[ssnpm:after]
    kvm.write_text(text[:smnpm] + second.replace("value: 63", "value: 62")
                   + first.replace("value: 62", "value: 63") + text[after:])
    proc = run(checkout, "regen")
    assert proc.returncode == 2
    assert "kvm KVM_RISCV_ISA_EXT_ID.SMNPM is renumbered: the spec says 63" in proc.stderr
    assert "spec/abi.lock:" in proc.stderr and "locks 62" in proc.stderr
