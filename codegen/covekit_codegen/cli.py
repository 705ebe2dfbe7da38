# SPDX-License-Identifier: GPL-2.0-only
"""Command line of ./tools/regen."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .diagnostics import SpecError, ToolMissing
from .files import sweep_output_temps
from .regen import HandEdited, Layout, check, fast_path_ok, plan, write, write_linux_tree

EPILOG = """\
exit status: 0 done (or, with --check, everything current); 1 --check found
stale or hand-edited outputs, or regen refused to overwrite a hand edit;
2 the spec, the ABI lock or an input is wrong (FILE:LINE:COL: message), or a
program regen needs (graphviz's dot) is not installed; 3 an internal error in
codegen.
"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="tools/regen", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Regenerate every output from spec/*.yaml: firmware headers and dispatch "
                    "table, selftest ecall stubs, Linux-side files and the ABI reference.")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 and list stale or hand-edited outputs")
    ap.add_argument("--linux-out", metavar="DIR", type=Path,
                    help="also write the Linux-side files into the kernel tree DIR and splice "
                         "its arch/riscv/include/uapi/asm/kvm.h")
    ap.add_argument("--accept-break", metavar="'KIND KEY'", action="append", default=[],
                    help="accept a change to a locked ABI entry (glob allowed); needs --reason")
    ap.add_argument("--reason", help="why the ABI must change; recorded in spec/abi.lock")
    ap.add_argument("--force", action="store_true",
                    help="overwrite outputs that were edited by hand")
    ap.add_argument("--full", action="store_true",
                    help="regenerate even when the manifest says everything is current")
    ap.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2],
                    help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.reason is not None and not args.accept_break:
        ap.error("--reason goes with --accept-break")
    if args.check and (args.accept_break or args.force or args.linux_out):
        ap.error("--check writes nothing; it does not combine with --accept-break, --force "
                 "or --linux-out")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except Exception as err:  # a bug in codegen, not in the input
        if os.environ.get("COVEKIT_DEBUG"):
            raise
        print(f"regen: internal error: {type(err).__name__}: {err}; nothing was written "
              f"unless listed above. Rerun with COVEKIT_DEBUG=1 for a traceback and report it.",
              file=sys.stderr)
        return 3


def run(args: argparse.Namespace) -> int:
    layout = Layout(args.root.resolve())
    say = (lambda *_: None) if args.quiet else print
    if not args.check:
        sweep_output_temps(layout.root, layout.manifest)
    try:
        if args.check:
            stale = check(layout)
            for line in stale:
                print(f"regen --check: {line}", file=sys.stderr)
            if stale:
                print("regen --check: run ./tools/regen and commit the result", file=sys.stderr)
                return 1
            say("regen --check: all outputs match the spec")
            return 0
        fast = not (args.full or args.linux_out or args.accept_break or args.force)
        if fast and fast_path_ok(layout):
            say("regen: up to date")
            return 0
        p = plan(layout, args.accept_break, args.reason)
        done = write(layout, p, args.force)
        for verb, path in done:
            say(f"  {verb:<7} {path}")
        if args.linux_out:
            for verb, path in write_linux_tree(layout, args.linux_out):
                say(f"  {verb:<7} {path}")
        unchanged = len(p.expected) - sum(1 for verb, _ in done if verb == "GEN")
        say(f"regen: {len(done)} change(s), {unchanged} output(s) unchanged")
        return 0
    except SpecError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 2
    except ToolMissing as err:
        print(f"regen: {err}", file=sys.stderr)
        return 2
    except HandEdited as err:
        for path in err.paths:
            print(f"{path}: edited by hand since the last regen; regen would overwrite it",
                  file=sys.stderr)
        print("regen: nothing written; move the change into spec/ or codegen/templates/, "
              "or rerun with --force to discard it", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"regen: {err.filename or ''}: {err.strerror}; files already listed were "
              f"written, the rest are unchanged", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("regen: interrupted; every file is either old or new, never half-written",
              file=sys.stderr)
        return 130
