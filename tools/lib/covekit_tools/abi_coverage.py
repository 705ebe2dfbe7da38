# SPDX-License-Identifier: GPL-2.0-only
"""./tools/abi-coverage: every (call, error) pair the spec declares for the
TSM's calls, and which test exercised it.

Tests mark an error they asserted with a line "abi-error: EXT.call ERROR"
(ktap_sbi_err() in payloads, CHECK_SBI_ERR() in unit tests).  Their output
is read from the QEMU suites' console logs and meson's unit-test log.
Calls the spec marks 'implemented: false' are not checked; pairs the TSM
cannot return are listed, with the reason, in
selftests/abi-coverage-exempt.yaml.  Exit status 1 when a pair of an
implemented call is neither exercised nor exempt, or an exemption is stale.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from covekit_codegen import api

from covekit_tools import context, errors

ROOT = context.root()
EXEMPT = ROOT / "selftests/abi-coverage-exempt.yaml"
TAG = re.compile(r"abi-error: (\w+\.\w+) (\w+)")


def declared_pairs(root: Path = ROOT) -> tuple[list[tuple[str, str]], dict[str, bool]]:
    """(EXT.call, ERROR) for every TSM call in root's spec/, and EXT.call ->
    whether the spec marks it 'implemented'."""
    spec = api.load_spec(root)
    pairs, implemented = [], {}
    for ext in spec.tsm_extensions:
        for fn in ext.functions:
            implemented[fn.key] = bool(fn.implemented)
            pairs += [(fn.key, err) for err in fn.errors]
    return pairs, implemented


def exemptions() -> dict[tuple[str, str], str]:
    data = api.load_yaml(EXEMPT, str(EXEMPT.relative_to(ROOT))) or {}
    return {(e["call"], e["error"]): " ".join(str(e["why"]).split())
            for e in data.get("exempt", [])}


def exercised(logs: list[Path]) -> dict[tuple[str, str], set[str]]:
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for log in logs:
        for call, error in TAG.findall(log.read_text(errors="replace")):
            seen[(call, error)].add(log.stem if log.suffix == ".log" else log.name)
    return seen


def default_logs(build: Path) -> list[Path]:
    logs = sorted((build / "riscv64/selftest-logs/tsm").glob("*.log"))
    unit = build / "host/meson-logs/testlog.txt"
    return logs + ([unit] if unit.is_file() else [])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tools/abi-coverage", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", type=Path, default=context.build_dir(),
                    help="build directory holding the test logs (default: $COVEKIT_BUILD, "
                         "else build/)")
    ap.add_argument("logs", nargs="*", type=Path,
                    help="logs to read instead (QEMU consoles, meson testlog.txt)")
    args = ap.parse_args(argv)
    logs = args.logs or default_logs(args.build)
    if not logs:
        print(f"abi-coverage: no test logs under {args.build}: run ./tools/test first",
              file=sys.stderr)
        return 1
    try:
        pairs, implemented = declared_pairs()
        exempt = exemptions()
    except api.SpecError as err:
        return errors.report("abi-coverage", err)
    seen = exercised(logs)
    declared = set(pairs)
    covered = missing = excused = 0
    problems: list[str] = []
    skipped_calls: list[str] = []
    for call, error in pairs:
        if not implemented[call]:
            if call not in skipped_calls:
                skipped_calls.append(call)
            continue
        by = seen.get((call, error))
        why = exempt.get((call, error))
        if by and why:
            problems.append(f"{call} {error}: exempt in {EXEMPT.name}, but "
                            f"{', '.join(sorted(by))} exercises it: remove the exemption")
        elif by:
            covered += 1
            print(f"  ok      {call} {error}  ({', '.join(sorted(by))})")
        elif why:
            excused += 1
            print(f"  exempt  {call} {error}  ({why})")
        else:
            missing += 1
            print(f"  MISSING {call} {error}")
    for pair in exempt:
        if pair not in declared:
            problems.append(f"{pair[0]} {pair[1]}: exempt in {EXEMPT.name}, but the spec "
                            f"declares no such pair")
        elif not implemented[pair[0]]:
            problems.append(f"{pair[0]} {pair[1]}: exempt, but the call is not implemented")
    for problem in problems:
        print(f"abi-coverage: {problem}", file=sys.stderr)
    print(f"  ({len(skipped_calls)} calls not implemented yet are not checked: "
          f"{', '.join(skipped_calls)})")
    print(f"abi-coverage: {covered} exercised, {excused} exempt, {missing} missing")
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
