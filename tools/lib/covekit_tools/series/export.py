# SPDX-License-Identifier: GPL-2.0-only
"""Export a series for the mailing list: `[PATCH vN 0/M]` cover letter and
`[PATCH vN k/M]` patches, ready for git am or git send-email.

git format-patch --cover-letter --base makes them from the series applied in a
scratch worktree; the cover letter then gets the series title as its subject,
cover-letter.txt and "Changes in vK" (from history) as its text, and
change-id (and prerequisite-change-id) trailers after base-commit, b4 style.
The cover letter is from the user's git identity (or the first patch's
author) and dated like the newest patch, so exporting twice gives the same
files. To: and Cc: of every file come from the tree's get_maintainer.pl
(recipients.py) plus --to/--cc, so git send-email needs no addresses.
"""

from __future__ import annotations

import email.header
import re
from collections.abc import Sequence
from email.utils import parsedate_to_datetime
from pathlib import Path

from covekit_codegen import api

from covekit_tools import git, scratch

from . import apply, manifest, recipients, worktree
from .context import Context
from .errors import SeriesError
from .manifest import Series

SUBJECT_PLACEHOLDER = "*** SUBJECT HERE ***"
BLURB_PLACEHOLDER = "*** BLURB HERE ***"


def subject_prefix(series: Series) -> str:
    return "PATCH" if series.revision == 1 else f"PATCH v{series.revision}"


def blurb(series: Series, cover: str) -> str:
    """cover-letter.txt followed by "Changes in vK:" for every revision K > 1."""
    parts = [cover.strip("\n")]
    for h in sorted(series.history, key=lambda h: -h.revision):
        if 1 < h.revision <= series.revision and h.changes:
            parts.append(f"Changes in v{h.revision}:\n" + "\n".join(f"- {c}" for c in h.changes))
    return "\n\n".join(parts)


def trailers(series: Series, stack: list[Series], tail: str) -> str:
    """format-patch's base-commit/prerequisite-patch-id block with change-id added."""
    lines = tail.splitlines()
    base = [ln for ln in lines if ln.startswith("base-commit:")]
    patch_ids = [ln for ln in lines if ln.startswith("prerequisite-patch-id:")]
    prereqs = [f"prerequisite-change-id: {s.change_id}:v{s.revision}" for s in stack[:-1]]
    return "\n".join([*base, f"change-id: {series.change_id}", *prereqs, *patch_ids]) + "\n"


def fill_cover(text: str, series: Series, stack: list[Series], cover: str) -> str:
    head, _, body = text.partition("\n\n")
    subject = series.title
    if not subject.isascii():
        subject = email.header.Header(subject, "utf-8").encode()
    head = head.replace(SUBJECT_PLACEHOLDER, subject, 1)
    body = body.replace(BLURB_PLACEHOLDER, blurb(series, cover), 1)
    m = re.search(r"^base-commit: .*\Z", body, re.M | re.S)
    if m:
        body = body[:m.start()] + trailers(series, stack, m.group(0))
    if not body.isascii() and "\nContent-Type:" not in f"\n{head}":
        head += ("\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                 "Content-Transfer-Encoding: 8bit")
    return f"{head}\n\n{body}"


def sender(ctx: Context, applied: apply.Applied) -> dict[str, str]:
    """GIT_COMMITTER_NAME/EMAIL for the cover letter's From: the user's identity
    in the covekit checkout, else the first patch's author."""
    ident = ""
    if ctx.root.is_dir() and git.ok(ctx.root, "var", "GIT_COMMITTER_IDENT"):
        ident = git.run(ctx.root, "var", "GIT_COMMITTER_IDENT")
    m = re.match(r"^(.*?) <(.*)> \d+ [+-]\d{4}$", ident)
    if m and m.group(1) and m.group(2):
        return {"GIT_COMMITTER_NAME": m.group(1), "GIT_COMMITTER_EMAIL": m.group(2)}
    first = applied.commits[0]
    name, email = worktree.run(applied.worktree, "log", "-1", "--format=%an%x00%ae",
                               first).split("\0")
    return {"GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}


def export(ctx: Context, series: Series, out: Path | None = None,
           force: bool = False, to: Sequence[str] = (), cc: Sequence[str] = (),
           maintainers: bool = True) -> tuple[Path, list[Path]]:
    """`tools/series export`: write the cover letter and patches into OUT
    (default <build>/series/<series>-v<N>/), addressed to TO and CC and, when
    MAINTAINERS, to what the tree's get_maintainer.pl names."""
    cover = series.cover_letter()
    if cover is None:
        raise SeriesError(f"{series.store.display(series.name, manifest.COVER_LETTER)} does "
                          f"not exist; write the cover letter text there")
    if not series.patches:
        raise SeriesError(f"{series.name} has no patches to export")
    out = (out or ctx.export_dir(series.name, series.revision)).absolute()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        if not force:
            raise SeriesError(f"{out} exists and is not empty; pass --force to overwrite it")
        if not out.is_dir():
            raise SeriesError(f"{out} is not a directory")
        for old in out.glob("*.patch"):
            old.unlink()
    stack = apply.chain(series.store, series)
    with apply.scratch_applied(ctx, series) as applied, \
            scratch.tempdir("export") as tmp:
        log = worktree.run(applied.worktree, "log", "--format=%aD",
                           f"{applied.prereq_tip}..{applied.tip}").splitlines()
        newest = max(log, key=lambda d: parsedate_to_datetime(d))
        env = {**sender(ctx, applied), "GIT_COMMITTER_DATE": newest}
        who = recipients.Recipients().add(to, cc)
        if maintainers:
            with apply.files([series]) as items:
                found = recipients.get_maintainer(applied.worktree, [i.path for i in items])
            who.add(found.to, found.cc)
        listing = worktree.run(
            applied.worktree, "format-patch", "--cover-letter", f"--base={applied.base}",
            f"--subject-prefix={subject_prefix(series)}", "--numbered", "--zero-commit",
            "--no-signature", "--abbrev=12", "--no-thread", "--no-notes",
            "--encode-email-headers", *who.format_patch_args(), "-o", str(tmp),
            f"{applied.prereq_tip}..{applied.tip}",
            env=env)
        made = [Path(line) for line in listing.splitlines() if line.strip()]
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for path in made:
            raw = path.read_bytes()
            if path.name.startswith("0000-"):
                text = fill_cover(raw.decode("utf-8", "surrogateescape"), series, stack, cover)
                raw = text.encode("utf-8", "surrogateescape")
            api.write_atomic(out / path.name, raw)
            written.append(out / path.name)
    return out, written
