# SPDX-License-Identifier: GPL-2.0-only
"""Operations on a Linux tree: kbuild, kconfig fragments, checkpatch, the
content codegen expects in it, and selftest/ (tools/selftest kernel: build
a series' kernel and plan its QEMU boots)."""
