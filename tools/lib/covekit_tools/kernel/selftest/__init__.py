# SPDX-License-Identifier: GPL-2.0-only
"""tools/selftest kernel SERIES: boot the series' kernel in QEMU and run KVM
selftests in it.

  1. apply SERIES in its worktree (tools/series apply: branch covekit/SERIES);
  2. build a minimal riscv64 kernel out of tree in <build>/kernel/SERIES:
     tinyconfig, the series' config fragment and selftests/kernel/
     selftest.config merged in, olddefconfig, make Image (ccache; the
     directory is reused, so a second run rebuilds only what changed);
  3. make headers_install there, and build the KVM selftests the suite runs
     (tools/testing/selftests/kvm of the patched tree) statically against
     those headers, in <build>/kernel/SERIES/kselftest;
  4. build selftests/kernel/init.c statically and pack it as /init, the suite
     file as /suite and each selftest as /bin/NAME into a cpio initramfs;
  5. boot QEMU once per `boot` line of selftests/kernel/SERIES.suite, with
     that boot's expectations on the kernel command line (covekit.VAR=VALUE);
     init runs the `test` lines and prints KTAP.

The suite file's format is in selftests/kernel/README.md. This package
builds and plans, one job a module: suite (the suite file), build (kernel,
selftests, init), initramfs (the cpio archive), boot (the QEMU runs); host
(tools/selftest host: the unpatched kernel as the TSM's host);
covekit_tools.selftest boots, parses the KTAP and reports.
"""

from __future__ import annotations

from . import host
from .boot import MACHINE, PANIC, Prepared, prepare, qemu_args
from .build import CROSS_CC, Layout, build_root, init_argv, layout
from .common import KernelSelftestError
from .initramfs import S_IFCHR, S_IFDIR, S_IFREG, CpioEntry, initramfs, newc
from .suite import (
           CMDLINE,
           Boot,
           SuiteError,
           SuiteFile,
           Test,
           load_suite,
           parse_suite,
           split_words,
           suite_path,
)

__all__ = ["CMDLINE", "CROSS_CC", "MACHINE", "PANIC", "S_IFCHR", "S_IFDIR", "S_IFREG", "Boot",
           "CpioEntry", "KernelSelftestError", "Layout", "Prepared", "SuiteError", "SuiteFile",
           "Test", "build_root", "host", "init_argv", "initramfs", "layout", "load_suite", "newc",
           "parse_suite", "prepare", "qemu_args", "split_words", "suite_path"]
