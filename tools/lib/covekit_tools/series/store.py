# SPDX-License-Identifier: GPL-2.0-only
"""Where series files are read from: the series directory on disk, or the
same directory at an earlier commit of the covekit repository (range-diff)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Protocol

from covekit_tools import git


class Store(Protocol):
    """The series directory: one subdirectory per series."""

    def names(self) -> list[str]:
        """Every series (subdirectory holding a series.yaml), sorted."""
        ...

    def files(self, series: str) -> list[str]:
        """Names of the files directly in SERIES's directory, sorted."""
        ...

    def read(self, series: str, file: str) -> bytes:
        """A file's bytes; FileNotFoundError when it does not exist."""
        ...

    def display(self, series: str, file: str) -> str:
        """How messages name the file."""
        ...

    def directory(self, series: str) -> Path | None:
        """SERIES's directory on disk, or None when the store is not on disk."""
        ...


class DirStore:
    """The series directory on disk (kernel-patches/, or $COVEKIT_SERIES_DIR)."""

    def __init__(self, root: Path, display_root: str):
        self.root, self.display_root = root, display_root

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / "series.yaml").is_file())

    def files(self, series: str) -> list[str]:
        d = self.root / series
        return sorted(p.name for p in d.iterdir() if p.is_file()) if d.is_dir() else []

    def read(self, series: str, file: str) -> bytes:
        return (self.root / series / file).read_bytes()

    def display(self, series: str, file: str) -> str:
        return f"{self.display_root}/{series}/{file}"

    def directory(self, series: str) -> Path | None:
        return self.root / series


class GitStore:
    """The series directory as it was at commit REV of the covekit repository."""

    def __init__(self, repo: Path, rev: str, prefix: str):
        self.repo, self.rev = repo, rev
        self.prefix = PurePosixPath(prefix) if prefix else PurePosixPath()

    def _tree(self, sub: PurePosixPath) -> list[tuple[str, str]]:
        spec = f"{self.rev}:{sub}" if str(sub) != "." else f"{self.rev}:"
        out = git.run(self.repo, "ls-tree", "-z", spec, check=False, strip=False)
        entries = []
        for item in out.split("\0"):
            if "\t" in item:
                meta, name = item.split("\t", 1)
                entries.append((meta.split()[1], name))
        return entries

    def names(self) -> list[str]:
        return sorted(name for kind, name in self._tree(self.prefix)
                      if kind == "tree" and "series.yaml" in self.files(name))

    def files(self, series: str) -> list[str]:
        return sorted(name for kind, name in self._tree(self.prefix / series) if kind == "blob")

    def read(self, series: str, file: str) -> bytes:
        path = self.prefix / series / file
        if not git.ok(self.repo, "cat-file", "-e", f"{self.rev}:{path}"):
            raise FileNotFoundError(str(path))
        text = git.run(self.repo, "show", f"{self.rev}:{path}", strip=False)
        return text.encode("utf-8", "surrogateescape")

    def display(self, series: str, file: str) -> str:
        return f"{self.rev}:{self.prefix / series / file}"

    def directory(self, series: str) -> Path | None:
        return None
