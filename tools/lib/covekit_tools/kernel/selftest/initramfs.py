# SPDX-License-Identifier: GPL-2.0-only
"""The initramfs: a cpio "newc" archive of /init, /suite and the selftests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

S_IFDIR, S_IFREG, S_IFCHR = 0o040000, 0o100000, 0o020000


@dataclass(frozen=True)
class CpioEntry:
    path: str  # without the leading "/"
    mode: int  # type and permissions
    data: bytes = b""
    rdev: tuple[int, int] = (0, 0)  # a device's major, minor


def _pad4(n: int) -> bytes:
    return b"\0" * (-n % 4)


def newc(entries: Iterable[CpioEntry]) -> bytes:
    """A cpio archive in the "newc" format the kernel unpacks (Documentation/
    driver-api/early-userspace/buffer-format.rst): owner root, time 0, inode
    numbers in order, so the same entries always give the same bytes."""
    out = bytearray()

    def member(ino: int, entry: CpioEntry) -> None:
        name = entry.path.encode() + b"\0"
        nlink = 2 if entry.mode & 0o170000 == S_IFDIR else 1
        fields = [ino, entry.mode, 0, 0, nlink, 0, len(entry.data), 0, 0, *entry.rdev,
                  len(name), 0]
        header = b"070701" + b"".join(b"%08X" % f for f in fields)
        out.extend(header + name + _pad4(len(header) + len(name)))
        out.extend(entry.data + _pad4(len(entry.data)))

    for ino, entry in enumerate(entries, 1):
        if not entry.path or entry.path.startswith("/") or entry.path == "TRAILER!!!":
            raise ValueError(f"bad cpio path {entry.path!r}")
        member(ino, entry)
    member(0, CpioEntry("TRAILER!!!", 0))
    return bytes(out)


def initramfs(init: bytes, suite: bytes | None, programs: dict[str, bytes]) -> bytes:
    """/init, /suite (unless None), /bin/NAME for each program, the
    directories init mounts on, and /dev/console (the kernel opens it for init
    before devtmpfs is up)."""
    dirs = {"bin", "dev", "proc", "sys"}
    for name in programs:
        parts = f"bin/{name}".split("/")
        dirs.update("/".join(parts[:i]) for i in range(1, len(parts)))
    entries = [CpioEntry(d, S_IFDIR | 0o755) for d in sorted(dirs)]
    entries += [CpioEntry("dev/console", S_IFCHR | 0o600, rdev=(5, 1)),
                CpioEntry("init", S_IFREG | 0o755, init)]
    if suite is not None:
        entries.append(CpioEntry("suite", S_IFREG | 0o644, suite))
    entries += [CpioEntry(f"bin/{name}", S_IFREG | 0o755, data)
                for name, data in sorted(programs.items())]
    return newc(entries)
