#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""A stand-in for qemu-system-riscv64 in the tools/selftest tests.

It ignores its arguments except the guest-loader kernel module (the TSM's host
image, qemu.tsm_args()), whose file (the suite's "payload")
holds a JSON scenario, every key optional:
  argv     true: first print the arguments, one "# argv: ..." line each
  console  what the serial console shows (stdout)
  stderr   what QEMU itself complains with
  delay    seconds to wait before exiting; a child process waits as long
           with stdout open, so only killing the process group ends it
  exit     the exit status (default 0)
"""

import json
import subprocess
import sys
import time

args = sys.argv[1:]
host = next(opt[len("kernel="):] for arg in args for opt in arg.split(",")
            if arg.startswith("guest-loader,") and opt.startswith("kernel="))
with open(host) as f:
    scenario = json.load(f)
if scenario.get("argv"):
    print("\n".join(f"# argv: {arg}" for arg in args))
sys.stdout.write(scenario.get("console", ""))
sys.stdout.flush()
sys.stderr.write(scenario.get("stderr", ""))
if delay := scenario.get("delay", 0):
    subprocess.Popen([sys.executable, "-c", f"import time; time.sleep({delay})"])
    time.sleep(delay)
sys.exit(scenario.get("exit", 0))
