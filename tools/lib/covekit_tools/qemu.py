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


# Where the runners load the TSM's host image: test payloads are linked here
# (selftests/lib/payload.ld), and it is 2 MiB-aligned as Linux's Image needs.
HOST_ADDR = 0x80400000
# The host's initramfs, when a run has one: well above any payload.
HOST_RAMDISK_ADDR = 0x88000000


def _escape(value: str) -> str:
    """A value for a QEMU -device option: its commas doubled."""
    return value.replace(",", ",,")


def tsm_args(tsm: str, host: str, *, bootargs: str = "", ramdisk: str | None = None,
             tsm_options: str = "") -> list[str]:
    """QEMU arguments that boot the TSM with `host` as its host kernel.

    The host comes in as QEMU loads a hypervisor's guest: a guest-loader
    kernel module (with the host's `bootargs`) and, optionally, a ramdisk
    module. `tsm_options` (tsm.trace, tsm.bench) go to the TSM itself as
    -append, which the TSM does not pass on to the host."""
    kernel = f"guest-loader,addr={HOST_ADDR:#x},kernel={_escape(host)}"
    if bootargs:
        kernel += f",bootargs={_escape(bootargs)}"
    args = ["-kernel", tsm, "-device", kernel]
    if ramdisk is not None:
        args += ["-device", f"guest-loader,addr={HOST_RAMDISK_ADDR:#x},"
                            f"initrd={_escape(ramdisk)}"]
    if tsm_options:
        args += ["-append", tsm_options]
    return args


def host_image(args: Sequence[str]) -> str | None:
    """The host kernel file of arguments made by tsm_args(), if any."""
    for i, arg in enumerate(args[:-1]):
        if arg == "-device" and args[i + 1].startswith("guest-loader,"):
            opts = args[i + 1].replace(",,", "\0").split(",")
            for opt in opts:
                if opt.startswith("kernel="):
                    return opt[len("kernel="):].replace("\0", ",")
    return None


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
    """Boot the machine with `args` appended (-kernel, -device, -append,
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
