# SPDX-License-Identifier: GPL-2.0-only
"""The real spec's outputs: in step, carrying the facts of the spec, stable,
and protected against hand edits."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from conftest import ROOT, Checkout

FIRMWARE = "tsm-firmware/include/generated"
LINUX_ASM = "kernel-patches/generated/linux/arch/riscv/include/asm"


def manifest_outputs(root) -> list[str]:
    lines = (root / "codegen/outputs.sum").read_text().splitlines()
    return [line.split()[1] for line in lines
            if line and not line.startswith("#") and line.split()[0] not in ("generator", "spec")]


def test_committed_outputs_match_the_spec():
    # The committed outputs are the golden files: regen --check regenerates
    # everything in memory and compares byte for byte.
    env = dict(os.environ, PYTHONPATH=str(ROOT / "codegen"))
    proc = subprocess.run([sys.executable, "-m", "covekit_codegen", "--check"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_outputs_carry_the_spec_numbers():
    abi = (ROOT / FIRMWARE / "sbi_abi.h").read_text()
    assert re.search(r"#define SBI_EXT_COVH\t+0x434F5648UL\t/\* \"COVH\" \*/", abi)
    assert re.search(r"#define SBI_EXT_COVG\t+0x434F5647UL", abi)
    assert re.search(r"#define SBI_EXT_COVI\t+0x434F5649UL", abi)
    # CoVE-2025 numbering: promote_to_tvm took FID 7, destroy_tvm moved to 8.
    assert re.search(r"\tSBI_EXT_COVH_PROMOTE_TO_TVM\t+= 7,", abi)
    assert re.search(r"\tSBI_EXT_COVH_DESTROY_TVM\t+= 8,", abi)
    assert re.search(r"\tSBI_EXT_COVH_TVM_REMOVE_PAGES\t+= 19,", abi)
    assert re.search(r"#define SBI_EXT_COVH_FID_COUNT\t+20", abi)
    assert re.search(r"#define SBI_ERR_DENIED_LOCKED\t+-14", abi)
    types = (ROOT / FIRMWARE / "sbi_cove_types.h").read_text()
    assert "_Static_assert(sizeof(struct sbi_tsm_info) == 48," in types
    assert "_Static_assert(offsetof(struct sbi_tsm_info, tsm_capabilities) == 16," in types
    assert re.search(r"#define SBI_TSM_CAPABILITIES_AIA\t+\(1ULL << 3\)", types)


def test_provisional_errors_are_marked_everywhere():
    provisional = ["OUT_OF_PTPAGES", "AUTH", "OUT_OF_MEMORY", "BUSY"]
    abi = (ROOT / FIRMWARE / "sbi_abi.h").read_text()
    linux = (ROOT / LINUX_ASM / "sbi-cove.h").read_text()
    docs = (ROOT / "Documentation/abi/errors.rst").read_text()
    for name in provisional:
        for text in (abi, linux):
            block = text[:text.index(f"#define SBI_ERR_{name}\t")].rsplit("#define", 1)[1]
            assert "Provisional" in block, name
        row = docs[docs.index(f"``SBI_ERR_{name}``"):]
        assert "(provisional)" in row.split("* -", 1)[0], name


def test_linux_header_leaves_out_what_linux_defines():
    linux = (ROOT / LINUX_ASM / "sbi-cove.h").read_text()
    assert "SBI_ERR_FAILED" not in linux  # asm/sbi.h has SBI_ERR_FAILURE
    assert "#define SBI_ERR_INVALID_STATE" in linux  # 6.12 lacks -10 and below
    assert "enum sbi_srst_reset_type" not in linux
    assert "struct sbi_tsm_info {" in linux and "\tu32 tsm_state;" in linux
    covh = (ROOT / LINUX_ASM / "sbi-covh.h").read_text()
    assert "return sbi_ecall(SBI_EXT_COVH, SBI_EXT_COVH_TSM_GET_INFO," in covh


def test_every_output_has_the_banner():
    for rel in manifest_outputs(ROOT):
        text = (ROOT / rel).read_text()
        first = text.splitlines()[0]
        assert "SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause" in first, rel
        head = "\n".join(text.splitlines()[:8])
        assert "Do not edit: change the spec and run ./tools/regen." in head, rel
        assert "spec/cove.yaml" in head and "codegen/templates/" in head, rel


def test_c_outputs_are_kernel_style():
    for rel in manifest_outputs(ROOT):
        if not rel.endswith(".h"):
            continue
        for n, line in enumerate((ROOT / rel).read_text().splitlines(), 1):
            assert not re.match(r"^ +\S", line) or line.startswith(" *"), f"{rel}:{n} space indent"
            assert line == line.rstrip(), f"{rel}:{n} trailing white space"
            # checkpatch's limit; only long struct field names in asserts pass 80.
            assert len(line.expandtabs(8)) <= 100, f"{rel}:{n} too long"


def test_two_runs_are_byte_identical(checkout: Checkout, tmp_path):
    outs = manifest_outputs(checkout.root)
    other = Checkout(tmp_path / "other")
    shutil.copytree(checkout.root, other.root)
    for co, seed in ((checkout, "1"), (other, "4242")):
        for rel in outs:
            co.path(rel).unlink()
        os.environ["PYTHONHASHSEED"] = seed
        try:
            assert co.regen().returncode == 0
        finally:
            del os.environ["PYTHONHASHSEED"]
    for rel in outs + ["codegen/outputs.sum", "spec/abi.lock"]:
        assert checkout.path(rel).read_bytes() == other.path(rel).read_bytes(), rel
        assert checkout.path(rel).read_bytes() == (ROOT / rel).read_bytes(), rel


def test_noop_regen_keeps_files_and_mtimes(checkout: Checkout):
    outs = manifest_outputs(checkout.root)
    for rel in outs:
        os.utime(checkout.path(rel), (1_000_000_000, 1_000_000_000))
    r = checkout.regen()
    assert (r.returncode, r.stdout.strip()) == (0, "regen: up to date")
    r = checkout.regen("--full")
    assert r.returncode == 0 and "0 change(s)" in r.stdout, r.stdout
    assert all(checkout.path(rel).stat().st_mtime == 1_000_000_000 for rel in outs)
    leftovers = [p for p in checkout.root.rglob(".*.tmp")]
    assert leftovers == []


def test_spec_edit_regenerates_only_what_changed(checkout: Checkout):
    checkout.edit("spec/cove.yaml", "Number of 4 KiB pages to convert.",
                  "How many 4 KiB pages to convert.")
    r = checkout.regen("--check")
    assert r.returncode == 1
    assert f"regen --check: stale: {LINUX_ASM}/sbi-covh.h" in r.lines
    r = checkout.regen()
    assert r.returncode == 0, r.stderr
    changed = {line.split()[1] for line in r.stdout.splitlines() if line.startswith("  GEN")}
    assert f"{LINUX_ASM}/sbi-covh.h" in changed
    assert f"{FIRMWARE}/sbi_abi.h" not in changed  # holds no argument docs
    assert "How many 4 KiB pages to convert." in checkout.read(f"{LINUX_ASM}/sbi-covh.h")
    assert checkout.regen("--check").returncode == 0


def test_check_catches_a_hand_edit_and_regen_keeps_it(checkout: Checkout):
    rel = f"{FIRMWARE}/sbi_abi.h"
    checkout.edit(rel, "= 8,", "= 9,")
    edited = checkout.read(rel)
    r = checkout.regen("--check")
    assert r.returncode == 1
    assert f"regen --check: hand-edited: {rel}" in r.lines
    r = checkout.regen()
    assert r.returncode == 1
    assert r.lines[0] == f"{rel}: edited by hand since the last regen; regen would overwrite it"
    assert checkout.read(rel) == edited  # nothing a user made is lost
    r = checkout.regen("--force")
    assert r.returncode == 0
    assert checkout.read(rel) == (ROOT / rel).read_text()


def test_check_catches_a_template_change(checkout: Checkout):
    tpl = "codegen/templates/firmware/sbi_abi.h.j2"
    checkout.edit(tpl, "/* Extension IDs (a7) */", "/* Extension IDs (register a7) */")
    r = checkout.regen("--check")
    assert r.returncode == 1
    assert f"regen --check: stale: {FIRMWARE}/sbi_abi.h" in r.lines
    assert checkout.regen().returncode == 0
    assert "/* Extension IDs (register a7) */" in checkout.read(f"{FIRMWARE}/sbi_abi.h")
    assert checkout.regen("--check").returncode == 0


def test_check_catches_a_generator_change_with_identical_output(checkout: Checkout):
    # A change that happens not to alter any output still makes the recorded
    # generator hash stale: the outputs were not made by this generator.
    checkout.edit("codegen/templates/firmware/sbi_abi.h.j2", "{{ banner }}",
                  "{{ banner }}{# reviewed #}")
    r = checkout.regen("--check")
    assert r.returncode == 1
    assert any("stale: codegen/ changed since the last regen" in line for line in r.lines)
    assert checkout.regen().returncode == 0
    assert checkout.regen("--check").returncode == 0


def test_check_reports_a_missing_output(checkout: Checkout):
    rel = "Documentation/abi/kvm.rst"
    checkout.path(rel).unlink()
    r = checkout.regen("--check")
    assert r.returncode == 1 and f"regen --check: missing: {rel}" in r.lines
    assert not checkout.path(rel).exists()  # --check writes nothing


NEW_EXTENSION = """
  - name: XTST
    eid: 0x08000001
    doc: A scratch extension for tests.
    source: CoVE-2025
    handled_by: tsm
    functions:
      - name: ping
        fid: 0
        caller: host
        implemented: false
        doc: Does nothing.
        args: []
        errors: []
"""


def test_removed_extension_deletes_its_outputs(checkout: Checkout):
    text = checkout.read("spec/cove.yaml")
    checkout.write("spec/cove.yaml", text.replace("\nenums:", NEW_EXTENSION + "\nenums:", 1))
    r = checkout.regen()
    assert r.returncode == 0, r.stderr
    assert checkout.path("Documentation/abi/ext-xtst.rst").exists()
    checkout.write("spec/cove.yaml", text)
    r = checkout.regen()
    assert r.returncode == 2  # the lock refuses a removal...
    assert checkout.path("Documentation/abi/ext-xtst.rst").exists()
    r = checkout.regen("--accept-break", "* XTST*", "--reason", "scratch extension")
    assert r.returncode == 0, r.stderr  # ...unless accepted, which removes its page
    assert "  RM      Documentation/abi/ext-xtst.rst" in r.stdout.splitlines()
    assert not checkout.path("Documentation/abi/ext-xtst.rst").exists()
    assert checkout.regen("--check").returncode == 0


def test_outputs_follow_what_is_implemented():
    # spec/cove.yaml's 'implemented' is the one statement: the handler
    # prototypes, the NOT_SUPPORTED stubs, the probe table, the payloads'
    # expectations and the ABI reference all follow it.
    handlers = (ROOT / FIRMWARE / "cove_handlers.h").read_text()
    assert "struct sbiret covh_convert_pages(struct tsm *tsm," in handlers
    assert "covh_tvm_initiate_fence(" not in handlers and "covg_get_evidence(" not in handlers
    table = (ROOT / FIRMWARE / "cove_dispatch_table.h").read_text()
    run = table[table.index("covh_tvm_initiate_fence_checked(struct tsm *tsm, const"):]
    assert run.split("\n}\n")[0].endswith("return sbi_abi_error(SBI_ERR_NOT_SUPPORTED);")
    convert = table[table.index("covh_convert_pages_checked(struct tsm *tsm, const"):]
    convert = convert.split("\n}\n")[0]
    assert "return covh_convert_pages(tsm, args[0], args[1]);" in convert
    available = re.findall(r"\.eid = (SBI_EXT_\w+),\n.*\n.*\n.*\n\t\t\.available = ([^,]+),",
                           table)
    assert available == [("SBI_EXT_COVH", "SBI_ABI_CALLER_HOST"), ("SBI_EXT_COVG", "0"),
                         ("SBI_EXT_COVI", "0"), ("SBI_EXT_NACL", "SBI_ABI_CALLER_HOST")]
    expect = (ROOT / "selftests/include/generated/sbi_abi_expect.h").read_text()
    assert re.search(r'"COVH.convert_pages",\n.*\n\t\t\.implemented = true,', expect)
    assert re.search(r'"COVH.tvm_initiate_fence",\n.*\n\t\t\.implemented = false,', expect)
    docs = (ROOT / "Documentation/abi/ext-covh.rst").read_text()
    assert "   * - 16\n     - `tvm_initiate_fence`_\n     - host\n     - pending\n" in docs


def _set_implemented(co: Checkout, ext: str, value: bool) -> None:
    """Mark every call of one extension of spec/cove.yaml implemented or not."""
    text = co.read("spec/cove.yaml")
    start = text.index(f"  - name: {ext}\n")
    end = text.find("\n  - name: ", start + 1)
    end = text.index("\nenums:") if end < 0 else end
    body = re.sub(r"implemented: (true|false)", f"implemented: {str(value).lower()}",
                  text[start:end])
    co.write("spec/cove.yaml", text[:start] + body + text[end:])


def test_implementing_a_call_changes_the_tsm_not_the_abi(checkout: Checkout):
    fw = [f"{FIRMWARE}/cove_dispatch_table.h", f"{FIRMWARE}/cove_handlers.h"]
    checkout.edit("spec/cove.yaml", "      - name: tvm_initiate_fence\n        fid: 16\n"
                  "        caller: host\n        implemented: false\n",
                  "      - name: tvm_initiate_fence\n        fid: 16\n"
                  "        caller: host\n        implemented: true\n")
    lock = checkout.read("spec/abi.lock")
    r = checkout.regen()
    assert r.returncode == 0, r.stderr
    changed = {line.split()[1] for line in r.stdout.splitlines() if line.startswith("  GEN")}
    assert changed == set(fw) | {"selftests/include/generated/sbi_abi_expect.h",
                                 "Documentation/abi/ext-covh.rst"}
    assert checkout.read("spec/abi.lock") == lock  # not a fact of the ABI
    handlers = checkout.read(f"{FIRMWARE}/cove_handlers.h")
    assert "struct sbiret covh_tvm_initiate_fence(struct tsm *tsm, unsigned long tvm_id);" \
        in " ".join(handlers.split())
    assert "return covh_tvm_initiate_fence(tsm, args[0]);" in checkout.read(fw[0])


def test_an_extension_with_only_pending_calls_is_not_advertised(checkout: Checkout):
    _set_implemented(checkout, "COVH", False)
    _set_implemented(checkout, "COVG", True)
    assert checkout.regen().returncode == 0
    table = checkout.read(f"{FIRMWARE}/cove_dispatch_table.h")
    assert re.findall(r"\t\t\.available = ([^,]+),", table) == \
        ["0", "SBI_ABI_CALLER_GUEST", "0", "SBI_ABI_CALLER_HOST"]
    handlers = checkout.read(f"{FIRMWARE}/cove_handlers.h")
    assert "struct sbiret covh_" not in handlers and "struct sbiret covg_" in handlers
    assert "reports it present to no caller" in checkout.read("Documentation/abi/ext-covh.rst")
