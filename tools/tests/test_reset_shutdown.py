# SPDX-License-Identifier: GPL-2.0-only
"""The TSM scrubs confidential memory before an SRST shutdown reaches
OpenSBI: real QEMU, the real TSM, a payload that builds a TVM with a known
pattern and shuts down (selftests/tsm/reset_scrub_shutdown.c).  QEMU pauses
instead of exiting on the shutdown, and the former TVM range is read back
through QMP's pmemsave."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from covekit_tools import qemu, selftest

TOOLS = ["qemu-system-riscv64", "riscv64-linux-gnu-gcc"]
PAGE = 4096
RANGE = re.compile(r"^# reset-scrub: tvm (0x[0-9a-f]+)-(0x[0-9a-f]+) built (\d) "
                   r"planted-sum (\d+)$", re.M)
TIMEOUT = 30.0

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="QEMU or the riscv64 cross compiler is missing: run sudo tools/install-deps")


def pattern(i: int) -> int:
    """Byte i of what the payload plants (rs_pattern() in reset_scrub_tvm.h)."""
    return 0xC0 | ((i * 13 + 5) & 0x3F)


@pytest.fixture(scope="module")
def build() -> Path:
    directory = selftest.build_dir()
    selftest.build(directory)  # a no-op when already built
    return directory


class Qmp:
    """Just enough of QMP: one command at a time, events skipped."""

    def __init__(self, path: Path, proc: subprocess.Popen[bytes], deadline: float) -> None:
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(str(path))
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self.sock.close()
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.sock.settimeout(TIMEOUT)
        self.lines = self.sock.makefile("r")
        json.loads(self.lines.readline())  # the greeting
        self.command("qmp_capabilities")

    def command(self, name: str, **arguments: Any) -> Any:
        self.sock.sendall(json.dumps({"execute": name, "arguments": arguments}).encode())
        while True:
            reply = json.loads(self.lines.readline())
            if "event" in reply:
                continue
            if "error" in reply:
                raise RuntimeError(f"QMP {name}: {reply['error']}")
            return reply["return"]

    def close(self) -> None:
        self.lines.close()
        self.sock.close()


@pytest.fixture
def paused_after_shutdown(build: Path, tmp_path: Path) -> Iterator[tuple[Qmp, str]]:
    """Boot the payload; yield QMP and the console once QEMU has paused on
    the shutdown."""
    # A short path: a unix socket's name is limited to 107 bytes.
    sock = Path(tempfile.mkdtemp(prefix="covekit-qmp-")) / "qmp.sock"
    at = qemu.MACHINE.index("-monitor")
    machine = qemu.MACHINE[:at] + qemu.MACHINE[at + 2:]  # QMP instead
    argv = [qemu.qemu_binary(), *machine, "-bios", qemu.opensbi_firmware(),
            *qemu.tsm_args(str(build / "tsm-firmware/tsm.elf"),
                           str(build / "selftests/tsm/reset_scrub_shutdown.img")),
            "-action", "shutdown=pause", "-qmp", f"unix:{sock},server=on,wait=off"]
    console = tmp_path / "console.log"
    with console.open("wb") as out:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + TIMEOUT
        try:
            mon = Qmp(sock, proc, deadline)
        except OSError as err:
            pytest.fail(f"no QMP at {sock} ({err}): {console.read_text()[-2000:]}")
        while mon.command("query-status")["status"] != "shutdown":
            assert proc.poll() is None, f"QEMU exited: {console.read_text()[-2000:]}"
            assert time.monotonic() < deadline, (
                f"no shutdown in {TIMEOUT:g}s: {console.read_text()[-2000:]}")
            time.sleep(0.05)
        yield mon, console.read_text(errors="replace")
        mon.command("quit")
        mon.close()
        proc.wait(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(sock.parent, ignore_errors=True)


def test_tvm_memory_is_zero_once_shutdown_is_called(paused_after_shutdown, tmp_path):
    mon, console = paused_after_shutdown
    found = RANGE.search(console)
    assert found, f"the payload did not say what it planted: {console[-2000:]}"
    start, end, built, planted = (int(found[1], 16), int(found[2], 16), found[3],
                                  int(found[4]))
    assert built == "1", console[-2000:]
    # The payload handed exactly the pattern to add_tvm_measured_pages.
    assert planted == sum(pattern(i) for i in range(PAGE))
    assert "SRST shutdown returned" not in console

    dump = tmp_path / "tvm.bin"
    mon.command("pmemsave", val=start, size=end - start, filename=str(dump))
    memory = dump.read_bytes()
    assert len(memory) == end - start
    nonzero = sum(b != 0 for b in memory)
    at = memory.find(bytes(pattern(i) for i in range(PAGE)))
    assert at < 0, (f"the planted page survived the shutdown at {start + at:#x} "
                    f"({nonzero} non-zero bytes in the former TVM range)")
    assert nonzero == 0, f"{nonzero} non-zero bytes in the former TVM range"


@pytest.mark.parametrize(("fixture", "status"), [("fail", 1), ("crash", 0)])
def test_shutdown_reason_sets_qemu_exit_status(build, fixture, status):
    """A payload that fails shuts down for SYSTEM_FAILURE, and the TSM makes
    QEMU exit 1 (OpenSBI alone would exit 0); a plain shutdown exits 0."""
    image = build / f"selftests/runner-fixtures/{fixture}.bin"
    run = qemu.run_qemu(qemu.tsm_args(str(build / "tsm-firmware/tsm.elf"), str(image)),
                        TIMEOUT)
    assert not run.timed_out, run.console[-2000:]
    assert run.exit_code == status, run.console[-2000:]
