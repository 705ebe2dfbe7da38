# SPDX-License-Identifier: GPL-2.0-only
"""The tree's own scripts/checkpatch.pl on a patch, with justified exceptions."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

# --terse --show-types: "FILE:LINE: LEVEL:TYPE: message"
_FINDING = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<level>ERROR|WARNING|CHECK):"
                      r"(?P<type>[A-Z0-9_]+): (?P<message>.*)$")


@dataclass(frozen=True)
class Finding:
    level: str
    type: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.level}:{self.type}: {self.message} (line {self.line})"


@dataclass(frozen=True)
class Exemption:
    """A justified checkpatch finding: its type, the patches it covers, why."""

    type: str
    patches: tuple[str, ...]  # patch file names; empty: every patch
    why: str

    def covers(self, finding: Finding, patch: str) -> bool:
        return finding.type == self.type and (not self.patches or patch in self.patches)


def checkpatch(tree: Path, patch: Path) -> list[Finding]:
    """Every finding of the tree's checkpatch.pl on patch."""
    script = tree / "scripts/checkpatch.pl"
    proc = subprocess.run(["perl", str(script), "--terse", "--show-types", "--no-summary",
                           "--max-line-length=100", str(patch)],
                          cwd=tree, capture_output=True, text=True, errors="replace")
    findings = []
    for line in proc.stdout.splitlines():
        if m := _FINDING.match(line):
            findings.append(Finding(m["level"], m["type"], int(m["line"]), m["message"]))
    if proc.returncode != 0 and not findings:
        raise RuntimeError(f"checkpatch.pl failed on {patch}: {proc.stderr.strip()}")
    return findings


def unjustified(findings: list[Finding], patch: str,
                exemptions: list[Exemption]) -> list[Finding]:
    return [f for f in findings if not any(e.covers(f, patch) for e in exemptions)]
