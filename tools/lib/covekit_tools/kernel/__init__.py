# SPDX-License-Identifier: GPL-2.0-only
"""Operations on a Linux tree: kbuild, kconfig fragments, checkpatch,
and the content codegen expects in it."""
