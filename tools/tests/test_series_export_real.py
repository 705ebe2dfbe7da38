# SPDX-License-Identifier: GPL-2.0-only
"""tools/series export on the real Linux 6.12 tree: the tree's own
scripts/get_maintainer.pl addresses kvm-pointer-masking to the KVM RISC-V
maintainers, reviewers and lists that its MAINTAINERS file names."""

from __future__ import annotations

import email
import email.policy
import email.utils
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("COVEKIT_CACHE") or Path.home() / ".cache/covekit")
REPO = CACHE / "upstream/linux.git"
UPSTREAM = "refs/covekit/upstream/linux"
SERIES = "kvm-pointer-masking"
SECTION = "KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv)"

pytestmark = pytest.mark.skipif(
    not REPO.is_dir(), reason=f"the Linux upstream cache {REPO} is missing: run "
                              f"tools/upstream import linux")


def section_addresses() -> set[str]:
    """The M:, R: and L: addresses of SECTION in the cached MAINTAINERS."""
    text = subprocess.run(["git", "--git-dir", str(REPO), "show", f"{UPSTREAM}:MAINTAINERS"],
                          capture_output=True, text=True, check=True).stdout
    block = text.split(f"\n{SECTION}\n", 1)[1].split("\n\n", 1)[0]
    found = {email.utils.parseaddr(m.group(1))[1]
             for m in re.finditer(r"^[MRL]:\s*(.*)$", block, re.M)}
    assert len(found) >= 4, block  # Anup Patel, Atish Patra and the lists
    return found


def test_export_addresses_the_kvm_riscv_maintainers(tmp_path):
    want = section_addresses()
    out = tmp_path / "out"
    proc = subprocess.run([str(ROOT / "tools/series"), "export", SERIES, "-o", str(out),
                           "--cc", "covekit-test@example.org"],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr
    files = sorted(out.glob("*.patch"))
    assert files[0].name == "0000-cover-letter.patch" and len(files) > 1
    for f in files:
        msg = email.message_from_bytes(f.read_bytes(), policy=email.policy.default)
        to = {a.addr_spec for a in msg["To"].addresses}
        cc = {a.addr_spec for a in msg["Cc"].addresses}
        assert want <= to | cc, (f.name, want - (to | cc))
        assert "anup@brainfault.org" in to  # the M: of the section goes to To:
        assert "kvm-riscv@lists.infradead.org" in cc  # its list to Cc:
        assert "covekit-test@example.org" in cc and not to & cc
