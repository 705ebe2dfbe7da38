# SPDX-License-Identifier: GPL-2.0-only
"""tools/measure, written from Documentation/abi/measurement.rst, against the
firmware: tvm_measure_probe builds the same TVM through the real COVH
handlers (tsm-firmware/tests/tvm_measure_probe.c) and prints the
measurement the TSM computed.  Both must agree on random TVMs, and both
must change when any one measured input changes.  Known-answer checks pin
the algorithm itself, and the tool's record layouts must be the spec's."""

from __future__ import annotations

import hashlib
import json
import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from covekit_tools import measure

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools/measure"
PG = 4096
BASE_GPA = 0x80000000


@pytest.fixture(scope="session")
def probe() -> Path:
    """The probe, built natively with meson in $COVEKIT_BUILD/host."""
    build = Path(os.environ.get("COVEKIT_BUILD", ROOT / "build")) / "host"
    meson = [sys.executable, "-m", "mesonbuild.mesonmain"]
    if not (build / "meson-private/coredata.dat").is_file():
        proc = subprocess.run([*meson, "setup", str(build)], cwd=ROOT, capture_output=True,
                              text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    proc = subprocess.run([*meson, "compile", "-C", str(build), "tvm_measure_probe"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    exe = build / "tsm-firmware/tests/tvm_measure_probe"
    # The simulated RAM must sit at 0x80000000; where it cannot, say so.
    check = subprocess.run([str(exe), "--entry", "0"], capture_output=True, text=True,
                           timeout=60)
    if "cannot map the simulated RAM" in check.stderr:
        pytest.skip(f"the probe cannot run here: {check.stderr.strip()}")
    assert check.returncode == 0, check.stderr
    return exe


def args_for(regions: list[tuple[int, int]], images: list[tuple[Path, int]], entry: int,
             arg: int, vcpus: int) -> list[str]:
    """The command line both programs take; images in the order given."""
    out = []
    for gpa, size in regions:
        out += ["--region", f"{gpa:#x}:{size:#x}"]
    for path, gpa in images:
        out += ["--load", f"{path}@{gpa:#x}"]
    return out + ["--entry", hex(entry), "--arg", hex(arg), "--vcpus", str(vcpus)]


def run_tool(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TOOL), *args], capture_output=True, text=True, timeout=120)


def tool(args: list[str]) -> str:
    proc = run_tool(args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def firmware(probe: Path, args: list[str]) -> str:
    proc = subprocess.run([str(probe), *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def random_tvm(rng: random.Random, tmp: Path) -> tuple[list[tuple[int, int]],
                                                      list[tuple[Path, int]], int, int, int]:
    """1-3 regions 1 GiB apart, each with 0-2 images in ascending GPA."""
    regions, images = [], []
    for r in range(rng.randint(1, 3)):
        gpa = BASE_GPA + r * (1 << 30) + rng.randrange(0, 64) * PG
        size = rng.randint(16, 64) * PG
        regions.append((gpa, size))
        at = gpa
        for _ in range(rng.randint(0 if r else 1, 2)):
            data = rng.randbytes(rng.randint(1, 3 * PG))
            path = tmp / f"img{len(images)}.bin"
            path.write_bytes(data)
            at += rng.randrange(0, 4) * PG
            images.append((path, at))
            at += (len(data) + PG - 1) // PG * PG
    rng.shuffle(regions)
    return regions, images, rng.randrange(1 << 64), rng.randrange(1 << 64), rng.randint(1, 8)


@pytest.mark.parametrize("seed", range(8))
def test_tool_matches_the_firmware_on_random_tvms(probe: Path, tmp_path: Path,
                                                  seed: int) -> None:
    regions, images, entry, arg, vcpus = random_tvm(random.Random(seed), tmp_path)
    # The tool sorts the images itself; the probe adds them as given.
    got = tool(args_for(regions, images[::-1], entry, arg, vcpus))
    assert got == firmware(probe, args_for(regions, images, entry, arg, vcpus))
    assert len(got) == 96


@pytest.fixture
def base(tmp_path: Path) -> dict:
    rng = random.Random(1234)
    image = tmp_path / "image.bin"
    image.write_bytes(rng.randbytes(2 * PG + 123))
    second = tmp_path / "second.bin"
    second.write_bytes(rng.randbytes(PG))
    return {"regions": [(BASE_GPA, 0x100000), (0x90000000, 0x10000)],
            "images": [(image, BASE_GPA), (second, 0x90000000)],
            "entry": BASE_GPA, "arg": 0x80080000, "vcpus": 2}


def _flip_byte(t: dict, tmp_path: Path) -> None:
    path = tmp_path / "flipped.bin"
    data = bytearray(t["images"][0][0].read_bytes())
    data[PG + 7] ^= 0x01
    path.write_bytes(bytes(data))
    t["images"][0] = (path, t["images"][0][1])


VARIANTS = {
    "entry": lambda t, _: t.update(entry=t["entry"] + 4),
    "arg": lambda t, _: t.update(arg=t["arg"] + PG),
    "vcpus": lambda t, _: t.update(vcpus=3),
    "region-size": lambda t, _: t["regions"].__setitem__(1, (0x90000000, 0x20000)),
    "extra-region": lambda t, _: t["regions"].append((0xA0000000, PG)),
    "region-order": lambda t, _: t["regions"].reverse(),
    "one-byte": _flip_byte,
    "image-gpa": lambda t, _: t["images"].__setitem__(0, (t["images"][0][0], BASE_GPA + PG)),
}


@pytest.mark.parametrize("what", VARIANTS)
def test_changing_one_input_changes_the_measurement(probe: Path, tmp_path: Path, base: dict,
                                                    what: str) -> None:
    changed = {k: list(v) if isinstance(v, list) else v for k, v in base.items()}
    VARIANTS[what](changed, tmp_path)
    before_fw = firmware(probe, args_for(**base))
    after_fw = firmware(probe, args_for(**changed))
    assert after_fw != before_fw, f"the firmware ignores {what}"
    before_tool = tool(args_for(**base))
    after_tool = tool(args_for(**changed))
    assert after_tool != before_tool, f"tools/measure ignores {what}"
    assert (before_tool, after_tool) == (before_fw, after_fw)


def test_another_page_order_gets_another_measurement(probe: Path, base: dict) -> None:
    canonical = tool(args_for(**base))
    reversed_order = dict(base, images=base["images"][::-1])
    assert firmware(probe, args_for(**reversed_order)) != canonical


# --- known answers, by hand with hashlib -------------------------------------------


def test_known_answer_finalize_only() -> None:
    record = (b"TVM_FINL" + bytes.fromhex("0010000000000000")   # entry 0x1000
              + bytes.fromhex("efbeadde00000000")                # arg 0xdeadbeef
              + bytes.fromhex("0100000000000000"))               # 1 vCPU
    want = hashlib.sha384(bytes(48) + record).hexdigest()
    assert tool(["--entry", "0x1000", "--arg", "0xdeadbeef"]) == want


def test_known_answer_tiny_tvm(tmp_path: Path) -> None:
    image = tmp_path / "tiny.bin"
    image.write_bytes(b"\x13\x00\x00\x00")  # one RISC-V nop, padded to a page
    m = bytes(48)
    m = hashlib.sha384(m + b"TVM_REGN" + (0x80000000).to_bytes(8, "little")
                       + (0x2000).to_bytes(8, "little")).digest()
    m = hashlib.sha384(m + b"TVM_PAGE" + (0x80001000).to_bytes(8, "little")
                       + b"\x13\x00\x00\x00" + bytes(PG - 4)).digest()
    m = hashlib.sha384(m + b"TVM_FINL" + (0x80001000).to_bytes(8, "little")
                       + (0x80000000).to_bytes(8, "little") + (2).to_bytes(8, "little")).digest()
    got = tool([str(image), "--gpa", "0x80001000", "--region", "0x80000000:0x2000",
                "--entry", "0x80001000", "--arg", "0x80000000", "--vcpus", "2"])
    assert got == m.hex()
    # The algorithm is a published contract: any change to it shows here.
    assert got == ("ded8c49abd438a7a13b66f44fec5458042f005f44c18b03ab10b9bbf1b2e9351"
                   "5fbc5f82b4e8f4550271e238da3259e0")


def test_records_are_the_specs_layout() -> None:
    from covekit_codegen.regen import Layout, load_spec

    spec = load_spec(Layout(ROOT)).measurement
    assert spec is not None and spec.hash == "SHA-384" and spec.initial == "zero"
    assert spec.digest_size == measure.DIGEST_SIZE
    made = {"region": measure.region_record(0x1122334455667788, 0x99AABBCC),
            "page": measure.page_record(0x1000, bytes(range(256)) * 16),
            "finalize": measure.finalize_record(1, 2, 3)}
    values = {"region": [0x1122334455667788, 0x99AABBCC], "page": [0x1000, None],
              "finalize": [1, 2, 3]}
    assert sorted(made) == sorted(r.name for r in spec.records)
    for r in spec.records:
        raw = made[r.name]
        assert len(raw) == r.size and raw[:8] == r.tag.encode("ascii"), r.name
        for f, want in zip(r.fields, values[r.name], strict=True):
            if f.type == "u64":
                assert struct.unpack_from("<Q", raw, f.offset)[0] == want, (r.name, f.name)


# --- input errors --------------------------------------------------------------


BAD_INPUTS = ["missing-file", "unaligned-gpa", "unaligned-region", "outside-every-region",
              "overlapping-images", "overlapping-regions", "empty-image", "not-a-number",
              "no-vcpus", "gpa-without-image", "no-entry"]


def _bad_inputs(tmp: Path) -> dict[str, tuple[list[str], str]]:
    img = tmp / "img.bin"
    img.write_bytes(b"x" * (PG + 1))  # two pages
    empty = tmp / "empty.bin"
    empty.write_bytes(b"")
    r = ["--region", "0x80000000:0x10000", "--entry", "0"]
    return {
        "missing-file": ([str(tmp / "nope.bin"), "--gpa", "0x80000000", *r],
                         f"measure: {tmp}/nope.bin --gpa: cannot read {tmp}/nope.bin: "
                         f"No such file or directory"),
        "unaligned-gpa": (["--load", f"{img}@0x80000800", *r],
                          f"measure: --load {img}@0x80000800: GPA 0x80000800 is not 4 KiB "
                          f"aligned"),
        "unaligned-region": (["--region", "0x80000000:0x1800", "--entry", "0"],
                             "measure: --region 0x80000000:0x1800: SIZE 0x1800 is not 4 KiB "
                             "aligned"),
        "outside-every-region": (["--load", f"{img}@0x8000f000", *r],
                                 f"measure: image {img}: its page at GPA 0x80010000 is "
                                 f"outside every --region"),
        "overlapping-images": (["--load", f"{img}@0x80000000", "--load", f"{img}@0x80001000",
                                *r],
                               f"measure: images {img} (0x80000000-0x80002000) and {img} "
                               f"(0x80001000-0x80003000) overlap"),
        "overlapping-regions": (["--region", "0x80000000:0x2000", *r],
                                "measure: --region 0x80000000:0x2000 and --region "
                                "0x80000000:0x10000 overlap"),
        "empty-image": (["--load", f"{empty}@0x80000000", *r],
                        f"measure: --load {empty}@0x80000000: {empty} is empty"),
        "not-a-number": (["--entry", "main"],
                         "measure: --entry: not a number: 'main' (decimal, or 0x... hex)"),
        "no-vcpus": (["--entry", "0", "--vcpus", "0"],
                     "measure: --vcpus: at least 1 (finalize_tvm needs vCPU 0)"),
        "gpa-without-image": (["--gpa", "0x1000", "--entry", "0"],
                              "measure: IMAGE and --gpa go together (see tools/measure "
                              "--help)"),
        "no-entry": ([], "measure: the following arguments are required: --entry (see "
                     "tools/measure --help)"),
    }


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    cases = _bad_inputs(tmp_path)
    assert sorted(cases) == sorted(BAD_INPUTS)
    args, message = cases[case]
    proc = run_tool(args)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", message + "\n")


def test_json(tmp_path: Path) -> None:
    img = tmp_path / "img.bin"
    img.write_bytes(b"\x01" * 5000)
    args = ["--load", f"{img}@0x80000000", "--region", "0x80000000:0x4000", "--entry",
            "0x80000000", "--vcpus", "4"]
    out = json.loads(tool([*args, "--json"]))
    assert out == {"hash": "SHA-384", "measurement": tool(args),
                   "regions": [{"gpa": "0x80000000", "size": "0x4000"}],
                   "images": [{"file": str(img), "gpa": "0x80000000", "bytes": 5000,
                               "pages": 2}],
                   "entry": "0x80000000", "arg": "0x0", "vcpus": 4, "records": 4}
