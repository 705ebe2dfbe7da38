# SPDX-License-Identifier: GPL-2.0-only
"""Files and scratch directories that a killed run never leaves half made.

Every file codegen and the tools write goes through write_atomic(): the
data goes to a temporary file next to the target, named
``.NAME.covekit-PID-RANDOM.tmp`` after its writer, is fsynced and renamed
over the target.  A reader sees the old file or the new one, never a
truncated one; a failed write (a full disk) removes the temporary file and
leaves the target as it was.

A writer holds an flock on its temporary file until the rename.  A process
killed in between leaves the file behind, unlocked; the next write into
that directory (sweep_temps) removes it.  A live writer's file is locked,
and left alone.

Scratch directories (owned_tempdir) live in $TMPDIR as
``covekit-KIND-PID-RANDOM`` with a lock file ``.owner`` that their process
holds for as long as it uses them; sweep_tempdirs() removes those whose
owner is gone.  A lock, unlike a PID alone, cannot be fooled by a PID the
system has given to another process since; the PID in the name serves the
moment between making a directory and locking its lock file.

Fault injection, for the tests: COVEKIT_FAULT is a comma-separated list of
POINT or POINT:N (the Nth time this process reaches POINT; default the
first).  Points: ``kill-before-rename`` (SIGKILL after the temporary file is
complete), ``kill-mid-write`` (SIGKILL with half of it written),
``enospc`` (the write fails with ENOSPC half way), and any name a caller
passes to fault() (``kill-in-scratch``: SIGKILL once a scratch worktree
exists).  A point whose name starts with ``kill`` kills the process.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import secrets
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_FILE = re.compile(r"^\.(?P<name>.+)\.covekit-(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")
TEMP_DIR = re.compile(r"^covekit-(?P<kind>[a-z]+)-(?P<pid>\d+)-[0-9a-f]{8}$")
OWNER = ".owner"

_swept: set[Path] = set()
_reached: dict[str, int] = {}


def fault(point: str) -> None:
    """Fail here if COVEKIT_FAULT asks for it (see the module docstring)."""
    spec = os.environ.get("COVEKIT_FAULT")
    if not spec:
        return
    _reached[point] = _reached.get(point, 0) + 1
    for item in spec.split(","):
        name, _, nth = item.strip().partition(":")
        if name != point or _reached[point] != (int(nth) if nth else 1):
            continue
        if point.startswith("kill"):
            os.kill(os.getpid(), signal.SIGKILL)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _write_all(fd: int, data: bytes, path: Path) -> None:
    view = memoryview(data)
    for point in ("kill-mid-write", "enospc"):
        try:
            fault(point)
        except OSError as err:
            os.write(fd, view[:len(view) // 2])
            err.filename = str(path)
            raise
    while view:
        view = view[os.write(fd, view):]


def write_atomic(path: Path, data: bytes | str, mode: int | None = None) -> None:
    """Make PATH hold DATA (str: UTF-8), whole or not at all.

    MODE defaults to the existing file's, else 0644.  On any failure the
    temporary file is removed and PATH is untouched; the OSError names PATH.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    sweep_temps(directory)
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o644
    tmp = directory / f".{path.name}.covekit-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # held until the rename: "my writer is alive"
        _write_all(fd, raw, path)
        os.fchmod(fd, mode)
        os.fsync(fd)
        fault("kill-before-rename")
        os.replace(tmp, path)
    except BaseException as err:
        tmp.unlink(missing_ok=True)
        if isinstance(err, OSError) and err.filename is None:
            err.filename = str(path)
        raise
    finally:
        os.close(fd)
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (a crash after it keeps the new file)."""
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _start_time(pid: int) -> float | None:
    """When process PID started (seconds since the epoch), from /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat.rpartition(")")[2].split()[19])
        boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def pid_owns(pid: int, since: float) -> bool:
    """Whether the process PID is alive and is the one that made, at time
    SINCE, a file named after it (not a later process given the same PID)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    started = _start_time(pid)
    return started is None or started <= since + 2  # /proc's clock ticks are coarse


def _lock_free(path: Path) -> bool | None:
    """True if nobody holds PATH's flock (we take it; closing drops it);
    None if PATH is gone."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def _dead(lock: Path, pid: int) -> bool:
    """Whether the owner (PID, holding LOCK's flock while alive) is gone."""
    try:
        since = lock.stat().st_mtime
    except FileNotFoundError:
        return False
    if _lock_free(lock) is not True:
        return False
    return not pid_owns(pid, since)


def sweep_temps(directory: Path) -> list[Path]:
    """Remove the temporary files that dead writers left in DIRECTORY (once
    per directory and process); the files removed."""
    directory = Path(directory)
    key = directory.absolute()
    if key in _swept:
        return []
    _swept.add(key)
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    for entry in entries:
        m = TEMP_FILE.match(entry.name)
        if m and entry.is_file(follow_symlinks=False) and _dead(Path(entry.path),
                                                                int(m["pid"])):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed


@contextmanager
def owned_tempdir(kind: str) -> Iterator[Path]:
    """A fresh directory $TMPDIR/covekit-KIND-PID-RANDOM, locked as this
    process's while the block runs, removed afterwards."""
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"scratch directory kind {kind!r}: lowercase letters only")
    base = Path(tempfile.gettempdir())
    while True:
        path = base / f"covekit-{kind}-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            path.mkdir(mode=0o700)
            break
        except FileExistsError:
            continue
    fd = os.open(path / OWNER, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        os.close(fd)


def sweep_tempdirs(before_removing: Callable[[Path], None] | None = None) -> list[Path]:
    """Remove the scratch directories in $TMPDIR whose owner is dead;
    BEFORE_REMOVING(dir) runs first for each.  The directories removed."""
    base = Path(tempfile.gettempdir())
    removed = []
    try:
        entries = list(os.scandir(base))
    except OSError:
        return []
    for entry in entries:
        m = TEMP_DIR.match(entry.name)
        if not m or not entry.is_dir(follow_symlinks=False):
            continue
        path, pid = Path(entry.path), int(m["pid"])
        lock = path / OWNER
        if lock.exists():
            if not _dead(lock, pid):
                continue
        else:  # killed between mkdir and the lock file, or still about to make it
            try:
                if pid_owns(pid, path.stat().st_mtime):
                    continue
            except FileNotFoundError:
                continue
        if before_removing is not None:
            before_removing(path)
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed
