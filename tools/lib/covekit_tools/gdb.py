# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest --gdb: the QEMU arguments for a stopped machine with a gdb
stub, and the gdb-multiarch command that attaches to it with the symbols of
the TSM and of the test payload.

The TSM (tsm.elf) is loaded at its link address by OpenSBI; the payload runs
in VS-mode with no VS-stage translation and an identity G-stage map, so its
addresses too are the ones it was linked at. gdb's add-symbol-file takes the
address of .text, which is read from the payload's ELF section headers.
"""

from __future__ import annotations

import shlex
import socket
import struct
from pathlib import Path

GDB = "gdb-multiarch"
HOST = "127.0.0.1"


class ElfError(Exception):
    pass


def text_address(elf: Path) -> int:
    """The address of ELF's .text section (ELF64, little-endian)."""
    data = elf.read_bytes()
    if data[:4] != b"\x7fELF" or len(data) < 64:
        raise ElfError(f"{elf} is not an ELF file")
    if data[4] != 2 or data[5] != 1:
        raise ElfError(f"{elf} is not a little-endian 64-bit ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    if shoff == 0 or shnum == 0 or shoff + shnum * shentsize > len(data):
        raise ElfError(f"{elf} has no section headers")

    def section(i: int) -> tuple[int, int, int, int]:
        name, _, _, addr, offset, size = struct.unpack_from("<IIQQQQ", data,
                                                            shoff + i * shentsize)
        return name, addr, offset, size

    _, _, str_off, str_size = section(shstrndx)
    names = data[str_off:str_off + str_size]
    for i in range(shnum):
        name, addr, _, _ = section(i)
        if names[name:names.index(b"\0", name)] == b".text":
            return addr
    raise ElfError(f"{elf} has no .text section")


def free_port() -> int:
    """A TCP port nobody listens on now, for QEMU's gdb stub."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def qemu_args(port: int) -> list[str]:
    """QEMU stopped before the first instruction, its gdb stub on PORT of localhost."""
    return ["-S", "-gdb", f"tcp:{HOST}:{port}"]


def command(tsm: Path, payload: Path, port: int) -> str:
    """The gdb-multiarch command line that attaches to QEMU with both symbol files."""
    argv = [GDB, "-q", str(tsm), "-ex", "set confirm off",
            "-ex", f"add-symbol-file {shlex.quote(str(payload))} {text_address(payload):#x}",
            "-ex", f"target remote {HOST}:{port}"]
    return shlex.join(argv)
