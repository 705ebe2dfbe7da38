# SPDX-License-Identifier: GPL-2.0-only
"""ABI conflicts on rebase: the new upstream took a uapi enum value that our
spec gives to something else (or renumbered a member the spec locks), or
its asm/sbi.h gives a standard SBI number another value than the spec.

Registered as a rebase check: any conflict blocks `rebase --record`, since
rebasing would silently move a published number.
"""

from __future__ import annotations

from covekit_tools.kernel import generated

from . import rebase, worktree


def abi_conflicts(outcome: rebase.Outcome) -> list[str]:
    """Conflicts in the uapi headers the series splices (its patches own them)."""
    carried = {p for e in outcome.series.patches for p in e.generated}
    problems = []
    for path, how in generated.owned_paths().items():
        if how != "splice" or path not in carried:
            continue
        at_base = f"{outcome.new_base}:{path}"
        if not worktree.ok(outcome.repo, "cat-file", "-e", at_base):
            problems.append(f"ABI: {path} is missing from the new base")
            continue
        upstream = worktree.run(outcome.repo, "show", at_base, strip=False).encode()
        try:
            generated.expected(path, upstream)
        except Exception as err:  # SpecError: the splice names both sides
            problems += [f"ABI conflict: {line}" for line in str(err).splitlines()]
    at_base = f"{outcome.new_base}:{generated.SBI_H}"
    if worktree.ok(outcome.repo, "cat-file", "-e", at_base):
        data = worktree.run(outcome.repo, "show", at_base, strip=False).encode()
        try:
            generated.check_sbi_h(data, f"{outcome.new_base[:12]}:{generated.SBI_H}")
        except Exception as err:  # SpecError: names both sides
            problems += [f"ABI conflict: {line}" for line in str(err).splitlines()]
    return problems


rebase.CHECKS.append(abi_conflicts)
