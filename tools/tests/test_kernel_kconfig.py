# SPDX-License-Identifier: GPL-2.0-only
"""Kernel config fragments: parsing and checking a resulting .config."""

from __future__ import annotations

import pytest
from covekit_tools.kernel.kconfig import FragmentError, check_fragment, parse_config


def test_parse_config_values_and_unset():
    assert parse_config("CONFIG_KVM=y\n# CONFIG_SMP is not set\n\n# a comment\n"
                        'CONFIG_CMDLINE="x y"\nCONFIG_NR_CPUS=8\n') == {
        "CONFIG_KVM": "y", "CONFIG_SMP": "n", "CONFIG_CMDLINE": '"x y"',
        "CONFIG_NR_CPUS": "8"}


def test_parse_config_rejects_junk_with_its_line():
    with pytest.raises(FragmentError, match=r"^kvm.config:2: not a config line: 'KVM=y'$"):
        parse_config("CONFIG_KVM=y\nKVM=y\n", "kvm.config")


def test_check_fragment_names_each_option_not_held(tmp_path):
    config = tmp_path / ".config"
    config.write_text("CONFIG_KVM=m\nCONFIG_SMP=y\n# CONFIG_FOO is not set\n")
    problems = check_fragment(config, {"CONFIG_KVM": "y", "CONFIG_SMP": "y",
                                       "CONFIG_FOO": "n", "CONFIG_NEW_THING": "y"})
    assert problems == [
        "CONFIG_KVM: asked y, after olddefconfig m",
        "CONFIG_NEW_THING: asked y, after olddefconfig absent or not set (does the option "
        "exist, and are its dependencies met?)",
    ]
