# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest --gdb: QEMU starts stopped with a gdb stub, and the printed
gdb-multiarch command names the TSM's and the payload's ELF files, with the
payload's .text address."""

from __future__ import annotations

import shlex
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from covekit_tools import gdb
from test_selftest import FakeBuild, ktap


def tiny_elf(path: Path, text_addr: int) -> None:
    """An ELF64 file with sections: null, .text at TEXT_ADDR, .shstrtab."""
    names = b"\0.text\0.shstrtab\0"
    text = b"\x13\x00\x00\x00"  # nop
    shoff = 64 + len(text) + len(names)
    header = (b"\x7fELF\x02\x01\x01" + bytes(9)
              + struct.pack("<HHIQQQIHHHHHH", 2, 243, 1, text_addr, 0, shoff, 0, 64, 56, 0,
                            64, 3, 2))
    sections = [bytes(64),
                struct.pack("<IIQQQQIIQQ", 1, 1, 6, text_addr, 64, len(text), 0, 0, 4, 0),
                struct.pack("<IIQQQQIIQQ", 7, 3, 0, 0, 64 + len(text), len(names), 0, 0, 1, 0)]
    path.write_bytes(header + text + names + b"".join(sections))


def test_gdb_boots_one_suite_stopped_and_prints_the_attach_command(tmp_path: Path):
    fake = FakeBuild(tmp_path)
    fake.suite("alpha", argv=True, console=ktap("ok 1 boot"))
    fake.suite("beta", argv=True, console=ktap("ok 1 other"))
    tsm = fake.build / "riscv64/tsm-firmware/tsm.elf"
    tiny_elf(tsm, 0x80200000)
    tiny_elf(fake.suites / "alpha.elf", 0x80400000)
    proc = fake.run("--gdb", "alpha", "--gdb-port", "4321")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    argv = [ln[len("# argv: "):] for ln in lines if ln.startswith("# argv: ")]
    # only alpha was booted, stopped, with the stub on localhost:4321
    loaders = [a for a in argv if a.startswith("guest-loader,")]
    assert loaders == [f"guest-loader,addr=0x80400000,kernel={fake.suites / 'alpha.bin'}"]
    assert "-S" in argv
    assert argv[argv.index("-gdb") + 1] == "tcp:127.0.0.1:4321"
    assert "ok 1 boot" in lines and "ok 1 other" not in lines  # the console is shown

    assert lines[0] == ("selftest: alpha is stopped before its first instruction; in another "
                        "terminal run:")
    cmd = shlex.split(lines[1])
    assert cmd[:3] == ["gdb-multiarch", "-q", str(tsm)]
    ex = [cmd[i + 1] for i, a in enumerate(cmd) if a == "-ex"]
    add = next(e for e in ex if e.startswith("add-symbol-file "))
    _, payload, address = shlex.split(add)
    assert Path(payload) == fake.suites / "alpha.elf" and Path(payload).is_file()
    assert Path(cmd[2]).is_file()
    assert address == "0x80400000"
    assert ex[-1] == "target remote 127.0.0.1:4321"
    assert lines[-1].startswith("selftest: QEMU exited with status 0: ")


def test_gdb_errors(tmp_path: Path):
    fake = FakeBuild(tmp_path)
    fake.suite("alpha")
    proc = fake.run("--gdb", "alpha")  # the build has no alpha.elf
    assert proc.returncode == 1
    assert proc.stderr == (f"selftest: cannot read the symbols for --gdb: [Errno 2] No such "
                           f"file or directory: '{fake.suites / 'alpha.elf'}'\n")
    (fake.suites / "alpha.elf").write_text("not an elf")
    proc = fake.run("--gdb", "alpha")
    assert proc.stderr == (f"selftest: cannot read the symbols for --gdb: "
                           f"{fake.suites / 'alpha.elf'} is not an ELF file\n")
    proc = fake.run("--gdb", "nosuch")
    assert proc.returncode == 2 and "unknown tsm suite(s) nosuch; known: alpha" in proc.stderr
    proc = fake.run("kernel", "demo", "--gdb", "x")
    assert proc.returncode == 2
    assert "--gdb boots a payload suite of the TSM, not a kernel suite" in proc.stderr


@pytest.mark.skipif(shutil.which("riscv64-linux-gnu-gcc") is None,
                    reason="the riscv64 cross compiler is missing: run sudo tools/install-deps")
def test_text_address_of_a_real_elf(tmp_path: Path):
    src = tmp_path / "p.c"
    src.write_text("void _start(void) { for (;;) ; }\n")
    elf = tmp_path / "p.elf"
    subprocess.run(["riscv64-linux-gnu-gcc", "-nostdlib", "-static", "-Wl,-Ttext=0x80412340",
                    "-o", str(elf), str(src)], check=True)
    assert gdb.text_address(elf) == 0x80412340
