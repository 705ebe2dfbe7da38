# SPDX-License-Identifier: GPL-2.0-only
"""What codegen offers the tools: the one module of covekit_codegen that
tools/lib/covekit_tools imports (tools/tests/test_codegen_api.py checks).

The spec:
  load_spec(root)            the checked model of <root>/spec; SpecError
                             lists every problem, as FILE:LINE:COL: message
  input_hash(root)           changes whenever the spec or codegen changes
  outputs_hash(root)         changes whenever an output or codegen/outputs.sum does
  regen_main(argv)           ./tools/regen's codegen half; its exit status
The Linux-side files codegen owns:
  linux_files(spec)          kernel-tree path -> 'file' (generated whole) or
                             'splice' (upstream's file, our additions in it)
  linux_expected(spec, path, upstream)   the content codegen wants at path
  splice_kvm_h, splice_fragments         the splices themselves
  SBI_H, check_sbi_h(spec, text, name)   the spec's standard SBI numbers
                             against a tree's arch/riscv/include/asm/sbi.h
Diagnostics:
  Pos, Problem, SpecError    a position, a message at one, and the error
                             carrying them (printed one a line, exit 2)
YAML files with positions (the spec's own loader, for any YAML file):
  load_yaml(path, name)      read and parse; SpecError at FILE:LINE:COL
  parse_yaml(text, name), decode_text(raw, name)   the two halves of it
  node_pos, key_pos          where a node, a key's value, an item, a key is
Writing files (atomic.py; every file codegen and the tools write goes here):
  write_atomic(path, data)   whole or not at all, through a PID-named
                             temporary file; an OSError names path
  sweep_temps(dir)           remove dead writers' temporary files in dir
  owned_tempdir(kind)        a scratch directory in $TMPDIR, locked as ours
  sweep_tempdirs(callback)   remove scratch directories of dead processes
  fault(point)               COVEKIT_FAULT's fault injection, for the tests

Everything is imported when first needed: importing this module costs
nothing (./tools/regen's no-op check relies on it).
"""

from __future__ import annotations

# Importing this module imports nothing else: ./tools/regen's no-op check
# needs input_hash() and outputs_hash() in a few milliseconds, before ruamel,
# jinja2 or the model.  The names below come from their modules when first
# used (PEP 562); `if TYPE_CHECKING` shows them to type checkers and ruff.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from .atomic import fault, owned_tempdir, sweep_tempdirs, sweep_temps, write_atomic
    from .diagnostics import Pos, Problem, SpecError
    from .model import Spec
    from .yamlfile import decode as decode_text
    from .yamlfile import key_pos, node_pos
    from .yamlfile import load as load_yaml
    from .yamlfile import parse as parse_yaml

# Where a Linux tree keeps the SBI numbers check_sbi_h compares.
SBI_H = "arch/riscv/include/asm/sbi.h"

__all__ = ["SBI_H", "Pos", "Problem", "SpecError", "check_sbi_h", "decode_text", "fault",
           "input_hash", "key_pos",
           "linux_expected", "linux_files", "load_spec", "load_yaml", "node_pos",
           "outputs_hash", "owned_tempdir", "parse_yaml", "regen_main", "splice_fragments",
           "splice_kvm_h", "sweep_tempdirs", "sweep_temps", "write_atomic"]

_LAZY = {"Pos": ("diagnostics", "Pos"), "Problem": ("diagnostics", "Problem"),
         "SpecError": ("diagnostics", "SpecError"), "decode_text": ("yamlfile", "decode"),
         "key_pos": ("yamlfile", "key_pos"), "node_pos": ("yamlfile", "node_pos"),
         "load_yaml": ("yamlfile", "load"), "parse_yaml": ("yamlfile", "parse"),
         "fault": ("atomic", "fault"), "owned_tempdir": ("atomic", "owned_tempdir"),
         "sweep_tempdirs": ("atomic", "sweep_tempdirs"), "sweep_temps": ("atomic", "sweep_temps"),
         "write_atomic": ("atomic", "write_atomic")}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attr = _LAZY[name]
    value = getattr(importlib.import_module(f".{module}", __package__), attr)
    globals()[name] = value
    return value


def load_spec(root: Path) -> Spec:
    """The spec of the checkout at root, loaded and checked."""
    from pathlib import Path

    from .regen import Layout
    from .regen import load_spec as _load

    return _load(Layout(Path(root)))


def input_hash(root: Path) -> str:
    """A digest of everything regen reads: codegen itself and the spec."""
    from . import inputs

    return f"{inputs.generator_hash()} {inputs.spec_hash(str(root))}"


def outputs_hash(root: Path) -> str:
    """A digest of the outputs as they are on disk now, and of the manifest
    (codegen/outputs.sum) saying what regen last wrote: any output edited,
    deleted or put back changes it."""
    from . import inputs

    return inputs.outputs_hash(str(root))


def regen_main(argv: list[str]) -> int:
    """./tools/regen's codegen half (argv without the program name); its exit status."""
    from .cli import main

    return main(argv)


def linux_files(spec: Spec) -> dict[str, str]:
    """Kernel-tree path -> how codegen makes it ('file' or 'splice')."""
    from .kvm_fragments import REGIONS
    from .outputs import outputs

    paths = {o.linux_path: "file" for o in outputs(spec) if o.linux_path}
    for ke in spec.kvm_enums:
        paths[ke.header] = "splice"
    for path in REGIONS:
        paths[path] = "splice"
    return paths


def linux_expected(spec: Spec, path: str, upstream: bytes | None) -> bytes:
    """The content codegen expects at kernel-tree path; upstream is the base
    tree's file (a splice needs it).  KeyError if codegen owns no such file;
    SpecError, naming both sides, if upstream disagrees with the spec."""
    from .kvm_fragments import REGIONS
    from .outputs import outputs
    from .render import environment, render

    how = linux_files(spec)[path]
    if how == "splice":
        if upstream is None:
            raise KeyError(f"{path}: no upstream file to splice into")
        if path in REGIONS:
            return splice_fragments(upstream.decode(), spec, path, path).encode()
        return splice_kvm_h(upstream.decode(), spec, path, header=path).encode()
    out = next(o for o in outputs(spec) if o.linux_path == path)
    return render(environment(), spec, out)


def splice_kvm_h(text: str, spec: Spec, name: str = "kvm.h",
                 header: str = "arch/riscv/include/uapi/asm/kvm.h") -> str:
    """Upstream kvm.h text with the spec's KVM uapi enum members spliced in."""
    from .kvm_splice import splice_kvm_h as _splice

    return _splice(text, spec, name, header)


def splice_fragments(text: str, spec: Spec, name: str, path: str) -> str:
    """Upstream text of the kernel file path with the spec's ISA extensions added."""
    from .kvm_fragments import splice_fragments as _splice

    return _splice(text, spec, name, path)


def check_sbi_h(spec: Spec, text: str, name: str = SBI_H) -> None:
    """Compare the spec's EIDs, FIDs, error codes and enum members with a
    tree's asm/sbi.h (text; name is how messages call it).  SpecError, at
    the spec's position and naming name:LINE with both values, for each
    disagreement; see covekit_codegen/sbi_header_check.py for the rule."""
    from .sbi_header_check import check_sbi_h as _check

    _check(text, spec, name)
