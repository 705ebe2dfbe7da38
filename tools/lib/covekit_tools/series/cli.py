# SPDX-License-Identifier: GPL-2.0-only
"""Command line of ./tools/series: a small registry of subcommands.

A module adds a subcommand by calling register() when it is imported, and by
being listed in COMMAND_MODULES:

    from covekit_tools.series.cli import Command, register

    def configure(ap: argparse.ArgumentParser) -> None:
        ap.add_argument("series")

    def run(args: argparse.Namespace, ctx: Context) -> int:
        ...
        return 0

    register(Command("verify", "check a series patch by patch", configure, run))

run() returns the exit status; it raises SeriesError for a one-line failure
(exit 1) and ManifestError for series.yaml problems (exit 2).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from covekit_tools import git, scratch

from .context import Context
from .errors import ManifestError, SeriesError

EPILOG = """\
exit status: 0 done; 1 the command failed or found a problem (a patch that
does not apply, a dirty worktree, a missing upstream: one line saying so);
2 bad usage, or a series.yaml is wrong (FILE:LINE:COL: message); 3 an
internal error in tools/series.
"""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Context], int]


COMMANDS: dict[str, Command] = {}
# Imported before the command line is parsed; each registers its commands.
COMMAND_MODULES: list[str] = ["covekit_tools.series.commands", "covekit_tools.series.verify",
                              "covekit_tools.series.abi_check"]
# Commands that need only the module named here: running one imports just
# that module, not all of COMMAND_MODULES (start-up is most of the cost of a
# small tools/series apply).  rebase, refresh and verify are not here: the
# checks abi_check adds to rebase.CHECKS must be in place for them.
ONE_MODULE: dict[str, str] = {name: "covekit_tools.series.commands"
                              for name in ("list", "apply", "export", "range-diff")}


def register(command: Command) -> Command:
    COMMANDS[command.name] = command
    return command


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ARGV's command alone when that one
    is in ONE_MODULE (and so is what argparse would see)."""
    name = next((a for a in argv if not a.startswith("-")), None) if argv else None
    for module in [ONE_MODULE[name]] if name in ONE_MODULE else COMMAND_MODULES:
        importlib.import_module(module)
    shown = [COMMANDS[name]] if name in ONE_MODULE and name in COMMANDS else COMMANDS.values()
    ap = argparse.ArgumentParser(
        prog="tools/series", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Apply, rebase, refresh and export the kernel patch series in "
                    "kernel-patches/ against the upstream trees in the cache.")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in shown:
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        command.configure(p)
    return ap


def main(argv: list[str] | None = None, ctx: Context | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv).parse_args(argv)
    ctx = ctx or Context.from_env()
    try:
        scratch.sweep()  # scratch worktrees of killed runs
        return COMMANDS[args.command].run(args, ctx)
    except ManifestError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 2
    except SeriesError as err:
        print(f"series: {err}", file=sys.stderr)
        for line in err.hint:
            print(f"  {line}", file=sys.stderr)
        return 1
    except git.GitError as err:
        print(f"series: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # a full disk: write_atomic left the file as it was
        print(f"series: {err.filename or ''}: {err.strerror}; that file is unchanged",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("series: interrupted; rerun the command (a rerun of apply cleans up the "
              "interrupted git am and starts over)", file=sys.stderr)
        return 130
    except Exception as err:
        if os.environ.get("COVEKIT_DEBUG"):
            raise
        print(f"series: internal error: {type(err).__name__}: {err}. Rerun with "
              f"COVEKIT_DEBUG=1 for a traceback and report it.", file=sys.stderr)
        return 3
