# SPDX-License-Identifier: GPL-2.0-only
"""Mutation fuzzing of the spec loader and checker.

Seeded, deterministic mutants of the real spec/*.yaml (lines deleted,
duplicated, swapped or re-indented; numbers made huge, negative or float;
anchors, aliases and merge keys inserted; files truncated; bad bytes and
stray quotes added; deep nesting and alias bombs appended) each go through
regen, and every one must either

- succeed (exit 0) with outputs whose C compiles under -Wall -Werror, or
- be refused (exit 2) with every stderr line ``spec/FILE.yaml:LINE:COL: ``,
  no traceback and no internal error, and nothing written;

and take under a second of CPU either way.

COVEKIT_SPEC_FUZZ=N runs N mutants instead of the default DEFAULT_MUTANTS;
COVEKIT_SPEC_FUZZ_SEED=S starts at another seed.  Regen runs in this process
(a subprocess per mutant would cost more than the mutant), with an alarm
against hangs and an address-space cap against memory bombs.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import COPIED, ROOT

DEFAULT_MUTANTS = 120  # about 45 s; each mutant is a full regen
MUTANTS = int(os.environ.get("COVEKIT_SPEC_FUZZ", DEFAULT_MUTANTS))
SEED = int(os.environ.get("COVEKIT_SPEC_FUZZ_SEED", 10))
CPU_BOUND = 1.0       # seconds of CPU per mutant
HANG = 20             # seconds of wall time after which a mutant hangs
MEMORY_HEADROOM = 1 << 30
PROBLEM_LINE = re.compile(r"^spec/[\w.-]+\.yaml:\d+:\d+: ")
SPEC_FILES = ["spec/sbi.yaml", "spec/cove.yaml", "spec/kvm.yaml", "spec/tsm.yaml"]
CC = shutil.which("riscv64-linux-gnu-gcc") or shutil.which("gcc")

# --- mutations: each takes the file's lines (bytes) and an rng ----------------

HUGE_NUMBERS = [b"0x3FFFFFFFFFFFFFFFFF", b"-0x8000000000000000", b"18446744073709551616",
                b"-1", b"-9999999999", b"4.5", b"1e400", b".nan", b".inf", b"0b" + b"1" * 70,
                b"9" * 5000, b"0x" + b"F" * 3000, b"2147483648", b"4294967296", b"65536",
                b"0", b"3", b"1_000_000", b"0o777", b"~", b"true", b"''", b"[]", b"{}"]
BAD_BYTES = [b"\x00", b"\xff", b"\xc3", b"\x1b", b"\xe2\x80\xa8", b"\xef\xbb\xbf", b"\r",
             b"\t", b"\x7f", b"\xf4\x90\x80\x80"]
QUOTES = [b"'", b'"', b"\\", b"`", b"{", b"[", b"]", b"}", b":", b"#", b"&", b"*", b"!",
          b"|", b">", b"%", b"@", b"? ", b"- ", b", "]
NUMBER = re.compile(rb"(?<![\w.])-?(0x[0-9A-Fa-f]+|[0-9]+)(?![\w.])")
VALUE = re.compile(rb"^(\s*(?:- )?[A-Za-z_]\w*:) (\S.*)$")
KEYED = re.compile(rb"^(\s*)(- )?([A-Za-z_]\w*):")


def _line(rng: random.Random, lines: list[bytes]) -> int:
    return rng.randrange(len(lines)) if lines else 0


def delete_line(rng: random.Random, lines: list[bytes]) -> None:
    if lines:
        del lines[_line(rng, lines)]


def duplicate_line(rng: random.Random, lines: list[bytes]) -> None:
    if lines:
        i = _line(rng, lines)
        lines.insert(i, lines[i])


def swap_lines(rng: random.Random, lines: list[bytes]) -> None:
    if len(lines) > 1:
        i = _line(rng, lines)
        j = min(len(lines) - 1, i + 1) if rng.random() < 0.7 else _line(rng, lines)
        lines[i], lines[j] = lines[j], lines[i]


def reindent(rng: random.Random, lines: list[bytes]) -> None:
    if lines:
        i = _line(rng, lines)
        delta = rng.choice([-4, -2, -1, 1, 2, 4])
        body = lines[i].lstrip(b" ")
        indent = max(0, len(lines[i]) - len(body) + delta)
        lines[i] = b" " * indent + body


def replace_number(rng: random.Random, lines: list[bytes]) -> None:
    hits = [i for i, line in enumerate(lines) if NUMBER.search(line)]
    if hits:
        i = rng.choice(hits)
        matches = list(NUMBER.finditer(lines[i]))
        m = rng.choice(matches)
        lines[i] = lines[i][:m.start()] + rng.choice(HUGE_NUMBERS) + lines[i][m.end():]


def anchor_and_alias(rng: random.Random, lines: list[bytes]) -> None:
    """Anchor one value and alias it from a later key: a type error, a
    wrong value, or (aliasing a parent) a recursive structure."""
    hits = [i for i, line in enumerate(lines) if VALUE.match(line)]
    keyed = [i for i, line in enumerate(lines) if KEYED.match(line)]
    if not hits or not keyed:
        return
    i = rng.choice(hits)
    m = VALUE.match(lines[i])
    assert m is not None
    lines[i] = m.group(1) + b" &fz " + m.group(2)
    later = [k for k in keyed if k >= i] or keyed
    k = rng.choice(later)
    km = KEYED.match(lines[k])
    assert km is not None
    head = lines[k][:km.end()]
    lines[k] = head + b" *fz"


def merge_key(rng: random.Random, lines: list[bytes]) -> None:
    """Anchor a mapping item and merge it into another one."""
    items = [i for i, line in enumerate(lines) if re.match(rb"^\s*- [A-Za-z_]\w*:", line)]
    if len(items) < 2:
        return
    i, k = sorted(rng.sample(items, 2))
    lines[i] = lines[i].replace(b"- ", b"- &fm\n" + b" " * (lines[i].index(b"-") + 2), 1)
    indent = lines[k].index(b"-") + 2
    lines.insert(k + 2 if k + 2 <= len(lines) else k + 1, b" " * indent + b"<<: *fm")


def truncate(rng: random.Random, lines: list[bytes]) -> None:
    if lines:
        i = _line(rng, lines)
        cut = rng.randrange(len(lines[i]) + 1)
        lines[i:] = [lines[i][:cut]]


def bad_bytes(rng: random.Random, lines: list[bytes]) -> None:
    if lines:
        i = _line(rng, lines)
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(BAD_BYTES) + lines[i][at:]


def stray_quote(rng: random.Random, lines: list[bytes]) -> None:
    if lines:
        i = _line(rng, lines)
        if rng.random() < 0.3 and (b"'" in lines[i] or b'"' in lines[i]):
            lines[i] = lines[i].replace(rng.choice([b"'", b'"']), b"", 1)
            return
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(QUOTES) + lines[i][at:]


def deep_nesting(rng: random.Random, lines: list[bytes]) -> None:
    depth = rng.choice([63, 65, 200, 3000])
    if rng.random() < 0.5:
        lines.append(b"x: " + b"[" * depth + b"]" * depth)
    else:
        lines.append(b"x: " + b"{a: " * depth + b"}" * depth)


def alias_bomb(rng: random.Random, lines: list[bytes]) -> None:
    """Aliases of aliases, used where the schema looks at every item."""
    width = rng.choice([2, 10])
    bomb = [b"z0: &z0 [" + b", ".join([b"x"] * width) + b"]"]
    levels = rng.choice([5, 30])
    for n in range(1, levels):
        bomb.append(b"z%d: &z%d [" % (n, n) + b", ".join([b"*z%d" % (n - 1)] * width) + b"]")
    lists = [i for i, line in enumerate(lines) if re.match(rb"^\s*errors: \[", line)]
    if lists:
        i = rng.choice(lists)
        lines[i] = lines[i][:lines[i].index(b"[")] + b"*z%d" % (levels - 1)
    lines[1:1] = bomb


MUTATIONS: list[Callable[[random.Random, list[bytes]], None]] = [
    delete_line, duplicate_line, swap_lines, reindent, replace_number, replace_number,
    anchor_and_alias, merge_key, truncate, bad_bytes, stray_quote, deep_nesting, alias_bomb]


def mutate(seed: int, texts: dict[str, bytes]) -> tuple[str, bytes, str]:
    """(file, its mutated bytes, what was done) for mutant number seed."""
    rng = random.Random(seed)
    rel = rng.choice(SPEC_FILES)
    lines = texts[rel].split(b"\n")
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        op = rng.choice(MUTATIONS)
        op(rng, lines)
        done.append(op.__name__)
    return rel, b"\n".join(lines), "+".join(done)


# --- running regen on a mutant -------------------------------------------------

class Hang(BaseException):
    """Raised by the alarm: not an Exception, so regen cannot swallow it."""


def _on_alarm(_sig: int, _frame: object) -> None:
    raise Hang


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """An alarm against hangs and a cap on further address space."""
    old_handler = signal.signal(signal.SIGALRM, _on_alarm)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as f:
        used = int(f.read().split()[0]) * resource.getpagesize()
    cap = used + MEMORY_HEADROOM
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    signal.alarm(HANG)
    try:
        yield
    finally:
        signal.alarm(0)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        signal.signal(signal.SIGALRM, old_handler)


def regen(root: Path) -> tuple[int, str, float]:
    """Exit status, stderr and CPU seconds of ./tools/regen on root."""
    from covekit_codegen.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.process_time()
    with guarded(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        try:
            rc = main(["--root", str(root), "-q"])
        except Hang:
            rc = -1
            print(f"HANG: still running after {HANG} s", file=sys.stderr)
        # A warning reaches a user's terminal as unpositioned stderr lines.
        for w in warned:
            print(f"WARNING: {w.category.__name__}: {' '.join(str(w.message).split())}",
                  file=sys.stderr)
    return rc, err.getvalue(), time.process_time() - start


def state(root: Path) -> dict[str, tuple[int, int, int]]:
    """(inode, size, mtime) of every file: a write or a rename changes it."""
    snap = {}
    for dirpath, _dirs, files in os.walk(root):
        if "__pycache__" in dirpath:
            continue
        for name in files:
            st = os.stat(os.path.join(dirpath, name))
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            snap[rel] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return snap


def compiles(root: Path) -> str | None:
    """None if the generated C compiles under -Wall -Werror, else gcc's errors."""
    if CC is None:
        return None
    fw, st = root / "tsm-firmware/include/generated", root / "selftests/include/generated"
    src = root / "fuzz_check.c"
    src.write_text("#define SBI_ABI_EXAMPLE_ADDR 0x80200000UL\n"
                   '#include "cove_dispatch_table.h"\n#include "page_states.h"\n'
                   '#include "sbi_abi_expect.h"\n')
    extra = ["-ffreestanding"] if "riscv64" in CC else []
    proc = subprocess.run([CC, "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only",
                           *extra, f"-I{fw}", f"-I{st}", str(src)],
                          capture_output=True, text=True, timeout=60)
    src.unlink()
    return None if proc.returncode == 0 else proc.stderr


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dst = tmp_path_factory.mktemp("fuzz") / "covekit"
    for rel in COPIED:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dst / rel, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)
    return dst


def _restore(root: Path, baseline: dict[str, bytes], before: dict[str, tuple[int, int, int]]
             ) -> None:
    after = state(root)
    for rel, st in after.items():
        if rel not in baseline:
            (root / rel).unlink()
        elif before.get(rel) != st:
            (root / rel).write_bytes(baseline[rel])


def test_spec_mutants(scratch: Path) -> None:
    baseline = {rel: (scratch / rel).read_bytes() for rel in state(scratch)}
    texts = {rel: baseline[rel] for rel in SPEC_FILES}
    failures: list[str] = []
    counts = {0: 0, 2: 0}
    slowest = (0.0, "")
    for seed in range(SEED, SEED + MUTANTS):
        rel, data, what = mutate(seed, texts)
        (scratch / rel).write_bytes(data)
        before = state(scratch)
        rc, stderr, cpu = regen(scratch)
        tag = f"mutant {seed} ({what} in {rel}): exit {rc}, {cpu:.2f} s CPU"
        slowest = max(slowest, (cpu, tag))
        lines = [line for line in stderr.splitlines() if line.strip()]
        if rc == 2:
            counts[2] += 1
            bad = [line for line in lines if not PROBLEM_LINE.match(line)]
            if bad or not lines or "Traceback" in stderr:
                failures.append(f"{tag}: not FILE:LINE:COL: lines: {(bad or lines)[:3]}")
            if state(scratch) != before:
                failures.append(f"{tag}: a refused regen wrote files")
        elif rc == 0:
            counts[0] += 1
            errors = compiles(scratch)
            if errors is not None:
                failures.append(f"{tag}: accepted, but its C does not compile: "
                                f"{errors.splitlines()[:3]}")
        else:
            failures.append(f"{tag}: {lines[:3]}")
        if cpu >= CPU_BOUND:
            failures.append(f"{tag}: slower than {CPU_BOUND} s")
        _restore(scratch, baseline, before)
        (scratch / rel).write_bytes(texts[rel])
    print(f"{MUTANTS} mutants from seed {SEED}: {counts[0]} accepted, {counts[2]} refused; "
          f"slowest {slowest[1]}")
    assert not failures, "\n".join(failures)
