# SPDX-License-Identifier: GPL-2.0-only
"""Boot QEMU's virt machine under OpenSBI and capture its serial console.

Shared by tools/selftest and tools/bench (which appends `-icount shift=0`, as
instruction counts are only reproducible with it).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_QEMU = "qemu-system-riscv64"
DEFAULT_OPENSBI = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"
# One hart with the H extension, the console on stdout and nothing else. A
# payload that failed shuts down for SYSTEM_FAILURE, and the TSM makes QEMU
# exit 1 through the virt test device (Documentation/isolation.rst).
MACHINE = ["-M", "virt", "-cpu", "rv64,h=true", "-smp", "1", "-m", "256M", "-nodefaults",
           "-display", "none", "-serial", "stdio", "-monitor", "none"]


def qemu_binary() -> str:
    """$COVEKIT_QEMU (the tests point it at a fake), else Debian's QEMU."""
    return os.environ.get("COVEKIT_QEMU") or DEFAULT_QEMU


def opensbi_firmware() -> str:
    """$COVEKIT_OPENSBI, else the firmware of Debian's opensbi package."""
    return os.environ.get("COVEKIT_OPENSBI") or DEFAULT_OPENSBI


def timeout_scale() -> float:
    """$COVEKIT_TIMEOUT_SCALE, which stretches every timeout on slow machines."""
    raw = os.environ.get("COVEKIT_TIMEOUT_SCALE") or "1"
    try:
        scale = float(raw)
    except ValueError:
        scale = 0.0
    if not 0 < scale < float("inf"):
        raise ValueError(f"COVEKIT_TIMEOUT_SCALE={raw!r} is not a positive number")
    return scale


@dataclass(frozen=True)
class QemuRun:
    argv: list[str]
    console: str  # the serial console, i.e. QEMU's stdout
    stderr: str  # QEMU's own messages
    exit_code: int | None  # None if killed on timeout; negative: killed by that signal
    timed_out: bool
    seconds: float


_lock = threading.Lock()
_running: set[subprocess.Popen[bytes]] = set()
_stopped = False


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it died on its own meanwhile
        os.killpg(proc.pid, signal.SIGKILL)


def run_qemu(args: Sequence[str], timeout: float) -> QemuRun:
    """Boot the machine with `args` appended (-kernel, -initrd, -append,
    -icount, ...; a later -cpu replaces ours) and wait for QEMU to exit, at
    most `timeout` seconds."""
    argv = [qemu_binary(), *MACHINE, "-bios", opensbi_firmware(), *args]
    start = time.monotonic()
    with _lock:  # so that stop_all() cannot miss a QEMU being started
        if _stopped:
            raise KeyboardInterrupt
        try:
            # A process group of its own, to kill on timeout with any helpers.
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, start_new_session=True)
        except OSError as err:
            # 127, as a shell reports a command it cannot run.
            return QemuRun(argv, "", f"{argv[0]}: {err.strerror}", 127, False, 0.0)
        _running.add(proc)
    timed_out = False
    try:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(proc)
            out, err = proc.communicate()  # what it printed before the kill
    finally:
        with _lock:
            _running.discard(proc)
    return QemuRun(argv, out.decode(errors="replace"), err.decode(errors="replace"),
                   None if timed_out else proc.returncode, timed_out,
                   time.monotonic() - start)


def run_attached(args: Sequence[str]) -> tuple[list[str], int]:
    """Boot like run_qemu() but with the console on our stdout and no timeout
    (tools/selftest --gdb); the argv and QEMU's exit status (127: not started).
    Ctrl-C reaches QEMU too: it is in our process group."""
    argv = [qemu_binary(), *MACHINE, "-bios", opensbi_firmware(), *args]
    try:
        return argv, subprocess.run(argv, stdin=subprocess.DEVNULL).returncode
    except OSError as err:
        print(f"{argv[0]}: {err.strerror}", file=sys.stderr)
        return argv, 127


def stop_all() -> None:
    """Kill every running QEMU and start no more. Call on Ctrl-C: in their own
    process groups, they do not get the terminal's SIGINT."""
    global _stopped
    with _lock:
        _stopped = True
        for proc in _running:
            if proc.returncode is None:
                _kill_group(proc)
