# SPDX-License-Identifier: GPL-2.0-only
"""The SBI extension IDs that the SBI specification assigns: facts the checker
knows whether or not the spec defines those extensions.

Source: RISC-V SBI specification v3.0 (riscv-non-isa/riscv-sbi-doc), the
``SBI-3.0`` source of spec/sbi.yaml; collected in the project's ABI facts.
"""

from __future__ import annotations

SOURCE = "SBI-3.0"

# Name -> EID of every standard extension of SBI 3.0.
STANDARD_EIDS: dict[str, int] = {
    "BASE": 0x10,
    "TIME": 0x54494D45,
    "IPI": 0x735049,
    "RFENCE": 0x52464E43,
    "HSM": 0x48534D,
    "SRST": 0x53525354,
    "PMU": 0x504D55,
    "DBCN": 0x4442434E,
    "SUSP": 0x53555350,
    "CPPC": 0x43505043,
    "NACL": 0x4E41434C,
    "STA": 0x535441,
    "SSE": 0x535345,
    "FWFT": 0x46574654,
    "DBTR": 0x44425452,
    "MPXY": 0x4D505859,
}

# The legacy (SBI v0.1) extensions: one EID per call, 0x00-0x0F.
LEGACY_EIDS = range(0x00, 0x10)

# Ranges left to non-standard extensions.
EXPERIMENTAL_EIDS = range(0x08000000, 0x09000000)
VENDOR_EIDS = range(0x09000000, 0x0A000000)
FIRMWARE_EIDS = range(0x0A000000, 0x0B000000)

STANDARD_BY_EID = {eid: name for name, eid in STANDARD_EIDS.items()}
