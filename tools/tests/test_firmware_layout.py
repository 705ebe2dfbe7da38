# SPDX-License-Identifier: GPL-2.0-only
"""The firmware's entry points alone name its global state: every handler
and helper below them gets a struct tsm * (or the parts it needs) from
its caller, so it can be run on any instance (unit tests, the fuzzer, and
later one per hart) and reaches nothing behind its arguments' backs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRMWARE = ROOT / "tsm-firmware"
# The entry points (they hand &tsm down), and the header declaring it.
ALLOWED = {"src/main.c", "src/trap.c", "src/reset.c", "src/console.c",
           "include/tsm/global.h"}

# Comments and literals may say "tsm.trace": blank them, keeping newlines.
_NOISE = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
# Ways C code reaches the global: its header, a declaration of it, a
# member of the struct itself (a parameter is a pointer: tsm->), its
# address (&tsm, but not &tsm->x; &tsm.x is a member use).
_USES = [
    (re.compile(r'#\s*include\s*"tsm/global\.h"'), "includes tsm/global.h"),
    (re.compile(r"\bstruct\s+tsm\s+tsm\b"), "declares the global"),
    (re.compile(r"\btsm\s*\.\s*[A-Za-z_]"), "uses the global (tsm.)"),
    (re.compile(r"&\s*tsm\b(?!\s*(?:->|\.))"), "takes the global's address (&tsm)"),
]


def _blank(m: re.Match[str]) -> str:
    text = m.group(0)
    if text.startswith('"') and "global.h" in text:
        return text  # keep the include's file name
    return re.sub(r"[^\n]", " ", text)


def global_uses(root: Path) -> list[str]:
    """'path:line: what' for each use of the global outside ALLOWED."""
    found = []
    for path in sorted([*root.glob("src/**/*.[chS]"), *root.glob("include/**/*.h")]):
        rel = path.relative_to(root).as_posix()
        if rel in ALLOWED:
            continue
        code = _NOISE.sub(_blank, path.read_text())
        for number, line in enumerate(code.splitlines(), 1):
            for pattern, what in _USES:
                if pattern.search(line):
                    found.append(f"tsm-firmware/{rel}:{number}: {what}")
    return found


def test_only_the_entry_points_name_the_global():
    assert global_uses(FIRMWARE) == []


def test_the_entry_points_do(tmp_path: Path):
    # Otherwise the check above could pass by looking at nothing.
    assert "dispatch_sbi_call(&tsm," in (FIRMWARE / "src/trap.c").read_text()
    src = tmp_path / "src"
    src.mkdir()
    (src / "main.c").write_text((FIRMWARE / "src/main.c").read_text())
    assert global_uses(tmp_path) == []


def test_each_way_of_reaching_the_global_is_reported(tmp_path: Path):
    covh = tmp_path / "src/covh"
    covh.mkdir(parents=True)
    (covh / "bad.c").write_text(
        '#include "tsm/global.h"\n'
        "/* tsm.trace in a comment is fine */\n"
        'static const char *s = "tsm.bench";\n'
        "void f(struct tsm *tsm) { g(&tsm->pages); }\n"
        "void h(void) { g(&tsm.pages); }\n"
        "void k(void) { dispatch(&tsm, 0); }\n"
        "extern struct tsm tsm;\n")
    assert global_uses(tmp_path) == [
        "tsm-firmware/src/covh/bad.c:1: includes tsm/global.h",
        "tsm-firmware/src/covh/bad.c:5: uses the global (tsm.)",
        "tsm-firmware/src/covh/bad.c:6: takes the global's address (&tsm)",
        "tsm-firmware/src/covh/bad.c:7: declares the global",
    ]
