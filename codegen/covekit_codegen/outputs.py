# SPDX-License-Identifier: GPL-2.0-only
"""The list of generated files: where each goes and which template makes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Spec

FIRMWARE_DIR = "tsm-firmware/include/generated"
SELFTESTS_DIR = "selftests/include/generated"
# Linux-side files, kept in the repo at their kernel-tree paths under here.
LINUX_DIR = "kernel-patches/generated/linux"
DOCS_DIR = "Documentation/abi"
# The page-state diagram: its graphviz source, and the SVG dot draws from it.
PAGE_STATES_DOT = "Documentation/page-states.dot"
PAGE_STATES_SVG = "Documentation/page-states.svg"


@dataclass(frozen=True)
class Output:
    path: str  # relative to the checkout
    template: str  # relative to codegen/templates
    context: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    linux_path: str | None = None  # kernel-tree path, for --linux-out
    # Not rendered from the template but drawn by graphviz (dot -Tsvg) from
    # this other output, which the template renders.
    svg_of: str | None = None

    @property
    def comment_style(self) -> str:
        if self.path.endswith(".rst"):
            return "rst"
        return "xml" if self.path.endswith(".svg") else "c"  # .h and .dot: /* */


def outputs(spec: Spec) -> list[Output]:
    outs = [
        Output(f"{FIRMWARE_DIR}/sbi_abi.h", "firmware/sbi_abi.h.j2"),
        Output(f"{FIRMWARE_DIR}/sbi_cove_types.h", "firmware/sbi_cove_types.h.j2"),
        Output(f"{FIRMWARE_DIR}/cove_handlers.h", "firmware/cove_handlers.h.j2"),
        Output(f"{FIRMWARE_DIR}/cove_dispatch_table.h", "firmware/cove_dispatch_table.h.j2"),
        Output(f"{SELFTESTS_DIR}/sbi_ecall_stubs.h", "selftests/sbi_ecall_stubs.h.j2"),
        Output(f"{SELFTESTS_DIR}/sbi_abi_expect.h", "selftests/sbi_abi_expect.h.j2"),
    ]
    ps = spec.page_states
    if ps is not None:
        outs.append(Output(f"{FIRMWARE_DIR}/page_states.h", "firmware/page_states.h.j2",
                           {"ps": ps}))
    ma = spec.memory_attributes
    if ma is not None:
        outs.append(Output(f"{FIRMWARE_DIR}/host_memory_attributes.h",
                           "firmware/host_memory_attributes.h.j2", {"ma": ma}))
    linux = [("arch/riscv/include/asm/sbi-cove.h", "linux/sbi-cove.h.j2", {})]
    for ext in spec.extensions:
        if not ext.linux_upstream:
            linux.append((f"arch/riscv/include/asm/sbi-{ext.name.lower()}.h",
                          "linux/sbi-ext-stubs.h.j2", {"ext": ext}))
    for path, template, ctx in linux:
        outs.append(Output(f"{LINUX_DIR}/{path}", template, ctx, linux_path=path))
    outs += [
        Output(f"{DOCS_DIR}/index.rst", "docs/index.rst.j2"),
        Output(f"{DOCS_DIR}/errors.rst", "docs/errors.rst.j2"),
        Output(f"{DOCS_DIR}/enums.rst", "docs/enums.rst.j2"),
        Output(f"{DOCS_DIR}/structs.rst", "docs/structs.rst.j2"),
        Output(f"{DOCS_DIR}/kvm.rst", "docs/kvm.rst.j2"),
    ]
    for ext in spec.extensions:
        outs.append(Output(f"{DOCS_DIR}/ext-{ext.name.lower()}.rst", "docs/extension.rst.j2",
                           {"ext": ext}))
    if ps is not None:
        outs += [
            Output(f"{DOCS_DIR}/page-states.rst", "docs/page-states.rst.j2", {"ps": ps}),
            Output(PAGE_STATES_DOT, "docs/page-states.dot.j2", {"ps": ps}),
            Output(PAGE_STATES_SVG, "docs/page-states.dot.j2", svg_of=PAGE_STATES_DOT),
        ]
    if ma is not None:
        outs.append(Output(f"{DOCS_DIR}/memory-attributes.rst", "docs/memory-attributes.rst.j2",
                           {"ma": ma}))
    if spec.measurement is not None:
        outs.append(Output(f"{DOCS_DIR}/measurement.rst", "docs/measurement.rst.j2",
                           {"m": spec.measurement}))
    return outs
