# SPDX-License-Identifier: GPL-2.0-only
"""tools/series: kernel patch series in kernel-patches/<series>/.

For other modules (tools/series verify):

    from covekit_tools.series import Context, apply, rebase
    ctx = Context.from_env()
    series = apply.load(ctx, "smnpm-kvm")
    with apply.scratch_applied(ctx, series) as applied:   # temporary worktree
        for entry, commit in applied.patches():           # PatchEntry, commit id
            ...  # checkout commit in applied.worktree, build entry.build
    rebase.CHECKS.append(check)   # check(outcome) -> list[str], after every rebase

and cli.register(Command(...)) plus cli.COMMAND_MODULES for a subcommand.
"""

from .context import Context
from .errors import ManifestError, SeriesError
from .manifest import PatchEntry, Series

__all__ = ["Context", "ManifestError", "PatchEntry", "Series", "SeriesError"]
