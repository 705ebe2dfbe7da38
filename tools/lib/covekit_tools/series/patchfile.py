# SPDX-License-Identifier: GPL-2.0-only
"""NNNN-slug.patch files: the normal form tools/series keeps them in, and
what it reads from them (subject, hunks).

Normal form is `git format-patch --zero-commit --no-signature --full-index -N`
output: a zero commit id on the From line, `Subject: [PATCH] ...` without
numbering or version, no version signature, no base-commit or
prerequisite-patch-id trailers.  Numbering, version and trailers are added by
`tools/series export`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

ZERO_FROM = b"From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
_FROM = re.compile(rb"\AFrom [0-9a-f]{40}(?:[0-9a-f]{24})? Mon Sep 17 00:00:00 2001\n")
_SUBJECT = re.compile(rb"^Subject: \[[^\]\n]*\] ?", re.M)
_SIGNATURE = re.compile(rb"\n-- \n[^\n]*\n\n\Z")
_BASE = re.compile(rb"\n\nbase-commit: [0-9a-f]+\n(?:prerequisite-patch-id: [0-9a-f]+\n)*\Z")
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$")
# git format-patch's options for the files kept in a series directory
FORMAT_OPTIONS = ("--zero-commit", "--no-signature", "--full-index", "--no-numbered",
                  "--subject-prefix=PATCH", "--no-cover-letter", "--no-thread",
                  "--no-notes", "--binary", "--encode-email-headers")


def normalize(raw: bytes) -> bytes:
    """RAW (format-patch output, one patch) in the series' normal form."""
    head, sep, rest = raw.partition(b"\n\n")
    head = _FROM.sub(ZERO_FROM, head + b"\n", count=1)[:-1]
    head = _SUBJECT.sub(b"Subject: [PATCH] ", head, count=1)
    raw = head + sep + rest
    raw = _SIGNATURE.sub(b"\n", raw)
    return _BASE.sub(b"\n", raw)


def subject(raw: bytes) -> str:
    """The Subject header, unfolded, without its [PATCH ...] prefix."""
    head = raw.partition(b"\n\n")[0].decode("utf-8", "replace")
    m = re.search(r"^Subject: (.*(?:\n[ \t].*)*)", head, re.M)
    if not m:
        return ""
    text = re.sub(r"\n[ \t]+", " ", m.group(1))
    return re.sub(r"^\[[^\]]*\] ?", "", text).strip()


@dataclass(frozen=True)
class Hunk:
    old_path: str
    new_path: str
    number: int        # 1-based, within its file
    old_start: int
    old_len: int
    new_start: int
    new_len: int
    heading: str

    def header(self) -> str:
        tail = f" {self.heading}" if self.heading else ""
        return (f"@@ -{self.old_start},{self.old_len} +{self.new_start},{self.new_len} "
                f"@@{tail}")

    @property
    def path(self) -> str:
        return self.new_path if self.new_path != "/dev/null" else self.old_path


def hunks(raw: bytes | str) -> list[Hunk]:
    """Every hunk of the diff in RAW, with the file it belongs to."""
    text = raw.decode("utf-8", "surrogateescape") if isinstance(raw, bytes) else raw
    out: list[Hunk] = []
    old = new = ""
    number, in_header = 0, False
    for line in text.splitlines():
        if line.startswith("diff --git "):
            m = re.match(r"diff --git a/(.*) b/(.*)$", line)
            old, new = (m.group(1), m.group(2)) if m else ("", "")
            number, in_header = 0, True
        elif in_header and line.startswith("--- "):
            path = line[4:].strip()
            old = path[2:] if path.startswith("a/") else path
        elif in_header and line.startswith("+++ "):
            path = line[4:].strip()
            new = path[2:] if path.startswith("b/") else path
        elif line.startswith("@@ ") and old:
            m = _HUNK.match(line)
            in_header = False
            if m:
                number += 1
                out.append(Hunk(old, new, number, int(m.group(1)), int(m.group(2) or 1),
                                int(m.group(3)), int(m.group(4) or 1), m.group(5)))
    return out


def _diff_lines(raw: bytes) -> list[bytes]:
    """The diff part of a patch (from its first 'diff --git' line), line by line."""
    if raw.startswith(b"diff --git "):
        return raw.splitlines(keepends=True)
    sep = raw.find(b"\n---\n")
    start = raw.find(b"\ndiff --git ", max(sep, 0))
    return [] if start < 0 else raw[start + 1:].splitlines(keepends=True)


def pieces(raw: bytes) -> list[tuple[str, int, bytes]]:
    """RAW cut into one patch per hunk: (file, hunk number or 0 for a file
    change without hunks, a patch git apply takes on its own)."""
    out: list[tuple[str, int, bytes]] = []
    header: list[bytes] = []
    hunk: list[bytes] = []
    path, number = "", 0

    def flush() -> None:
        if hunk:
            out.append((path, number, b"".join(header + hunk)))
        elif header:
            out.append((path, 0, b"".join(header)))

    for line in _diff_lines(raw):
        if line.startswith(b"diff --git "):
            flush()
            m = re.match(rb"diff --git a/(.*) b/(.*)$", line.rstrip(b"\n"))
            path = m.group(2).decode("utf-8", "surrogateescape") if m else ""
            header, hunk, number = [line], [], 0
        elif line.startswith(b"@@ ") and header:
            if hunk:
                out.append((path, number, b"".join(header + hunk)))
            number += 1
            hunk = [line]
        elif hunk:
            hunk.append(line)
        elif header:
            header.append(line)
    flush()
    return out


def diff_id(raw: bytes) -> str:
    """An id of what a patch changes, the same when only its message, its line
    numbers or its blob ids differ (like git patch-id --stable)."""
    h = hashlib.sha1()
    for line in _diff_lines(raw):
        if line.startswith(b"index "):
            continue
        if line.startswith(b"@@ "):
            line = b"@@"
        h.update(b"".join(line.split()) + b"\n")
    return h.hexdigest()


_STAT = re.compile(rb"^ (\d+) files? changed(?:, (\d+) insertions?\(\+\))?"
                   rb"(?:, (\d+) deletions?\(-\))?$", re.M)


def problem(raw: bytes) -> str | None:
    """Why RAW is not a whole format-patch file (empty, truncated, not a
    patch), or None.  A patch cut short inside a hunk has fewer lines than
    its @@ header counts; one cut at a hunk or file boundary has fewer
    insertions, deletions or files than the diffstat above it says."""
    if not raw.strip():
        return f"is empty ({len(raw)} bytes)"
    if not raw.startswith(b"From "):
        return "does not start with git format-patch's 'From <commit>' line"
    if not raw.endswith(b"\n"):
        return "is truncated: its last line is cut short"
    lines = _diff_lines(raw)
    if not lines:
        return "is truncated: it holds no diff"
    files = plus = minus = 0
    left: tuple[int, int] | None = None   # old, new lines the current hunk still owes
    for line in lines:
        if left and left != (0, 0):
            tag = line[:1]
            old, new = left
            if tag in (b" ", b"\n", b"\r"):
                left = (old - 1, new - 1)
            elif tag == b"-":
                left, minus = (old - 1, new), minus + 1
            elif tag == b"+":
                left, plus = (old, new - 1), plus + 1
            elif tag != b"\\":
                return "is truncated or damaged: a hunk has fewer lines than its @@ header says"
            if min(left) < 0:
                return "is damaged: a hunk has more lines than its @@ header says"
            continue
        if line.startswith(b"diff --git "):
            files += 1
        elif line.startswith(b"@@ "):
            m = _HUNK.match(line.decode("utf-8", "surrogateescape").rstrip("\n"))
            if m:
                left = (int(m.group(2) or 1), int(m.group(4) or 1))
    if left and left != (0, 0):
        return "is truncated: its last hunk has fewer lines than its @@ header says"
    head = raw[:raw.find(b"\ndiff --git ")]
    stat = _STAT.search(head)
    if stat:
        said = tuple(int(g or 0) for g in stat.groups())
        if said != (files, plus, minus):
            return (f"is truncated or edited: its diffstat says {said[0]} file(s), +{said[1]} "
                    f"-{said[2]}, its diff has {files}, +{plus} -{minus}")
    return None
