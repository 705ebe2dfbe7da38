# SPDX-License-Identifier: GPL-2.0-only
"""./tools/measure: the measurement the TSM gives a TVM built in the
canonical order, computed from its images and parameters without the
firmware, as Documentation/abi/measurement.rst defines it:

  m = 48 zero bytes; then for each record, m = SHA-384(m || record)
  TVM_REGN gpa size          for each --region, in the order given
  TVM_PAGE gpa <4096 bytes>  for each page of every image, ascending GPA
  TVM_FINL entry arg vcpus   for finalize_tvm

(tags are 8 ASCII bytes, numbers u64 little-endian).  A host that makes
the calls in another order gets another measurement.  Each image is
padded with zeros to whole pages.  Prints the measurement in hex, or with
--json its inputs too.  Exit status 2, with one line on stderr, on bad
input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from covekit_tools import errors

DIGEST_SIZE = 48  # SHA-384
PAGE_SIZE = 4096
GPA_LIMIT = 1 << 41  # Sv39x4: the TSM refuses regions past 2^41
U64_MAX = (1 << 64) - 1
TAG_REGION = b"TVM_REGN"
TAG_PAGE = b"TVM_PAGE"
TAG_FINALIZE = b"TVM_FINL"


class InputError(errors.UsageError):
    """Bad input: one line for the user, exit 2."""


@dataclass(frozen=True)
class Region:
    gpa: int
    size: int

    @property
    def end(self) -> int:
        return self.gpa + self.size


@dataclass(frozen=True)
class Image:
    path: str
    gpa: int
    data: bytes

    @property
    def pages(self) -> int:
        return (len(self.data) + PAGE_SIZE - 1) // PAGE_SIZE

    @property
    def end(self) -> int:
        return self.gpa + self.pages * PAGE_SIZE


@dataclass(frozen=True)
class Tvm:
    regions: list[Region]
    images: list[Image]
    entry: int
    arg: int
    vcpus: int


def region_record(gpa: int, size: int) -> bytes:
    return TAG_REGION + struct.pack("<QQ", gpa, size)


def page_record(gpa: int, page: bytes) -> bytes:
    assert len(page) == PAGE_SIZE
    return TAG_PAGE + struct.pack("<Q", gpa) + page


def finalize_record(entry: int, arg: int, vcpus: int) -> bytes:
    return TAG_FINALIZE + struct.pack("<QQQ", entry, arg, vcpus)


def records(tvm: Tvm) -> list[bytes]:
    """Every record, in the canonical order."""
    out = [region_record(r.gpa, r.size) for r in tvm.regions]
    for img in sorted(tvm.images, key=lambda i: i.gpa):
        padded = img.data.ljust(img.pages * PAGE_SIZE, b"\0")
        out += [page_record(img.gpa + off, padded[off:off + PAGE_SIZE])
                for off in range(0, len(padded), PAGE_SIZE)]
    out.append(finalize_record(tvm.entry, tvm.arg, tvm.vcpus))
    return out


def measure(tvm: Tvm) -> bytes:
    m = bytes(DIGEST_SIZE)
    for record in records(tvm):
        m = hashlib.sha384(m + record).digest()
    return m


# --- input ----------------------------------------------------------------------

def number(text: str, what: str) -> int:
    try:
        value = int(text, 0)
    except ValueError:
        raise InputError(f"{what}: not a number: {text!r} (decimal, or 0x... hex)") from None
    if not 0 <= value <= U64_MAX:
        raise InputError(f"{what}: {text} does not fit in 64 bits")
    return value


def aligned(value: int, what: str) -> int:
    if value % PAGE_SIZE:
        raise InputError(f"{what} {value:#x} is not 4 KiB aligned")
    return value


def parse_region(text: str) -> Region:
    gpa, sep, size = text.rpartition(":")
    if not sep or not gpa:
        raise InputError(f"--region {text}: expected GPA:SIZE")
    r = Region(aligned(number(gpa, "--region GPA"), f"--region {text}: GPA"),
               aligned(number(size, "--region SIZE"), f"--region {text}: SIZE"))
    if not r.size:
        raise InputError(f"--region {text}: the size is 0")
    if r.end > GPA_LIMIT:
        raise InputError(f"--region {text}: ends past the {GPA_LIMIT:#x} GPA limit (Sv39x4)")
    return r


def load_image(path: str, gpa_text: str, what: str) -> Image:
    gpa = aligned(number(gpa_text, f"{what} GPA"), f"{what}: GPA")
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InputError(f"{what}: cannot read {path}: {err.strerror}") from None
    if not data:
        raise InputError(f"{what}: {path} is empty")
    return Image(path, gpa, data)


def check(tvm: Tvm) -> None:
    regions = sorted(tvm.regions, key=lambda r: r.gpa)
    for a, b in zip(regions, regions[1:], strict=False):
        if b.gpa < a.end:
            raise InputError(f"--region {a.gpa:#x}:{a.size:#x} and --region "
                             f"{b.gpa:#x}:{b.size:#x} overlap")
    images = sorted(tvm.images, key=lambda i: i.gpa)
    for a, b in zip(images, images[1:], strict=False):
        if b.gpa < a.end:
            raise InputError(f"images {a.path} ({a.gpa:#x}-{a.end:#x}) and {b.path} "
                             f"({b.gpa:#x}-{b.end:#x}) overlap")
    for img in images:
        for gpa in range(img.gpa, img.end, PAGE_SIZE):
            if not any(r.gpa <= gpa < r.end for r in regions):
                raise InputError(f"image {img.path}: its page at GPA {gpa:#x} is outside "
                                 f"every --region")
    if tvm.vcpus < 1:
        raise InputError("--vcpus: at least 1 (finalize_tvm needs vCPU 0)")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise InputError(f"{message} (see tools/measure --help)")


def parse(argv: list[str] | None) -> tuple[Tvm, bool]:
    ap = Parser(prog="tools/measure", description=__doc__,
                formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("image", nargs="?", metavar="IMAGE", help="an image to load at --gpa")
    ap.add_argument("--gpa", help="guest-physical address of IMAGE (4 KiB aligned)")
    ap.add_argument("--load", action="append", default=[], metavar="FILE@GPA",
                    help="another image and its GPA; repeatable")
    ap.add_argument("--region", action="append", default=[], metavar="GPA:SIZE",
                    help="a memory region (4 KiB aligned); repeatable, measured in this order")
    ap.add_argument("--entry", required=True, help="finalize_tvm's entry_sepc")
    ap.add_argument("--arg", default="0", help="finalize_tvm's entry_arg (default 0)")
    ap.add_argument("--vcpus", default="1", help="number of vCPUs created (default 1)")
    ap.add_argument("--json", action="store_true", help="print the inputs and the measurement "
                    "as JSON")
    args = ap.parse_args(argv)
    if (args.image is None) != (args.gpa is None):
        raise InputError("IMAGE and --gpa go together (see tools/measure --help)")
    images = []
    if args.image is not None:
        images.append(load_image(args.image, args.gpa, f"{args.image} --gpa"))
    for spec in args.load:
        path, sep, gpa = spec.rpartition("@")
        if not sep or not path:
            raise InputError(f"--load {spec}: expected FILE@GPA")
        images.append(load_image(path, gpa, f"--load {spec}"))
    tvm = Tvm(regions=[parse_region(r) for r in args.region], images=images,
              entry=number(args.entry, "--entry"), arg=number(args.arg, "--arg"),
              vcpus=number(args.vcpus, "--vcpus"))
    check(tvm)
    return tvm, args.json


def main(argv: list[str] | None = None) -> int:
    try:
        tvm, as_json = parse(argv)
    except InputError as err:
        return errors.report("measure", err)
    m = measure(tvm).hex()
    if not as_json:
        print(m)
        return 0
    print(json.dumps({
        "hash": "SHA-384",
        "measurement": m,
        "regions": [{"gpa": hex(r.gpa), "size": hex(r.size)} for r in tvm.regions],
        "images": [{"file": i.path, "gpa": hex(i.gpa), "bytes": len(i.data), "pages": i.pages}
                   for i in sorted(tvm.images, key=lambda i: i.gpa)],
        "entry": hex(tvm.entry), "arg": hex(tvm.arg), "vcpus": tvm.vcpus,
        "records": len(records(tvm)),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
