# SPDX-License-Identifier: GPL-2.0-only
"""./tools/bench: time commands side by side in one run and print ratios.

Absolute times depend on the machine; the ratios to a baseline measured in
the same run are what to compare across machines and commits.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from . import context, errors
from .errors import ToolError
from .scratch import sweep, tempdir

ROOT = context.root()

# What a scratch checkout needs for regen to run on it.
REGEN_TREE = ["spec", "codegen/covekit_codegen", "codegen/templates", "codegen/outputs.sum",
              "tsm-firmware/include/generated", "selftests/include/generated",
              "kernel-patches", "Documentation/abi", "Documentation/page-states.dot",
              "Documentation/page-states.svg", "tools/regen", "tools/lib",
              "pyproject.toml"]


def copy_tree(dst: Path, parts: list[str]) -> None:
    for rel in parts:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dst / rel, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)


def as_a_user(env: dict[str, str], tmp: Path) -> dict[str, str]:
    """ENV as a user's shell has it: Python caches bytecode (some sandboxes
    and CI set PYTHONDONTWRITEBYTECODE, making every run compile every
    module), here under TMP so that the checkout is left as it was."""
    env = dict(env, PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(commands: dict[str, list[str]], runs: int, env: dict[str, str],
            check: Callable[[str, subprocess.CompletedProcess[bytes]], None]) -> dict[str, float]:
    """Median wall time of each command; runs are interleaved so that load
    on the machine affects every command alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            start = time.perf_counter()
            proc = subprocess.run(argv, env=env, capture_output=True, timeout=600)
            times[name].append(time.perf_counter() - start)
            check(name, proc)
    return {name: statistics.median(t) for name, t in times.items()}


def report(title: str, medians: dict[str, float], baseline: str, runs: int) -> None:
    print(f"bench {title}: median of {runs} run(s), ratio to '{baseline}' in the same run")
    width = max(len(n) for n in medians)
    base = medians[baseline]
    for name, t in medians.items():
        print(f"  {name:<{width}}  {t * 1000:9.1f} ms  {t / base:7.2f}x")


def bench_regen(runs: int) -> int:
    with tempdir("bench") as tmp:
        scratch = tmp / "covekit"
        copy_tree(scratch, REGEN_TREE)
        env = as_a_user(dict(os.environ, COVEKIT_VENV=str(Path(sys.executable).parents[1]),
                             COVEKIT_BUILD=str(scratch / "build")), Path(tmp))
        for name in ("COVEKIT_ROOT", "COVEKIT_SERIES_DIR", "COVEKIT_UPSTREAMS"):
            env.pop(name, None)
        regen = str(scratch / "tools/regen")
        # Bring the scratch copy up to date, so the no-op is one.
        prep = subprocess.run([regen, "-q"], env=env, capture_output=True, text=True)
        if prep.returncode == 0 and "not checked" in prep.stderr:
            # Without the series' upstream nothing can stamp them as current.
            print("bench regen: kernel series left out: their upstream is not imported "
                  "(tools/upstream import linux)")
            for series in (scratch / "kernel-patches").glob("*/series.yaml"):
                shutil.rmtree(series.parent)
            prep = subprocess.run([regen, "-q"], env=env, capture_output=True, text=True)
        if prep.returncode != 0:
            raise ToolError(f"regen fails on this checkout:\n{prep.stderr.strip()}")
        commands = {
            "python3 -c pass": [sys.executable, "-c", "pass"],
            "tools/regen (no-op)": [regen],
            "tools/regen --full": [regen, "--full"],
            "tools/regen --check": [regen, "--check"],
        }

        def check(name: str, proc: subprocess.CompletedProcess[bytes]) -> None:
            if proc.returncode != 0:
                raise ToolError(f"'{name}' failed (exit {proc.returncode}): "
                                f"{proc.stderr.decode(errors='replace').strip()}")
            if name == "tools/regen (no-op)" and b"up to date" not in proc.stdout:
                raise ToolError("the no-op regen did work: is the output deterministic?")

        report("regen", measure(commands, runs, env, check), "python3 -c pass", runs)
    return 0


FIRST_RESULT = rb"(not )?ok 1\b"
PANICS = (b"tsm: PANIC", b"Kernel panic")  # the machine will print no more


def first_result_seconds(args: list[str], timeout: float, line: bytes = FIRST_RESULT) -> float:
    """Wall time from starting QEMU to the first console line matching
    `line` (by default the first KTAP result)."""
    from . import qemu

    argv = [qemu.qemu_binary(), *qemu.MACHINE, "-bios", qemu.opensbi_firmware(), *args]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    assert proc.stdout is not None
    # A reader thread, so that a machine that prints nothing still times out.
    seen = threading.Event()
    panic: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            if re.match(line, raw):
                seen.set()
                return
            if any(marker in raw for marker in PANICS):  # no use waiting on
                panic.append(raw.decode(errors="replace").strip())
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        reader.join(timeout)
        if seen.is_set():
            return time.perf_counter() - start
        why = f"{panic[0]!r}" if panic else f"no {line.decode()!r} line within {timeout:g} s"
        raise ToolError(f"{why} from: {shlex.join(argv)}")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


TVM_FIGURES = {
    "tvm_ecall_host": "TVM ecall served by the host (TVM->TSM->host->run->TVM)",
    "tvm_base_probe": "BASE probe served by the TSM inside the TVM",
    "tvm_create_to_first_result": "TVM creation to the guest's first KTAP result",
}


def bench_tvm(tsm: str, build_path: Path, timeout: float, null_covh: int) -> None:
    """Instructions for a TVM's exits and its creation, as ratios to the null
    COVH call (selftests/bench/tvm.c)."""
    from . import qemu

    run = qemu.run_qemu([*qemu.tsm_args(tsm, str(build_path / "selftests/bench/tvm.bin")),
                         "-icount", "shift=0"], timeout)
    counts = {m[0]: int(m[1]) for m in re.findall(r"^bench: (tvm_\w+) (\d+) instructions",
                                                    run.console, re.M)}
    if sorted(counts) != sorted(TVM_FIGURES):
        raise ToolError(f"expected {sorted(TVM_FIGURES)} from the TVM bench payload, got:\n"
                        f"{run.console[-2000:]}")
    print("bench tsm: TVM exits and creation (instructions, QEMU -icount), "
          "ratio to the null COVH call")
    for name, label in TVM_FIGURES.items():
        print(f"  {label:<55} {counts[name]:9d}  {counts[name] / null_covh:8.2f}x")


def bench_tsm(runs: int) -> int:
    from . import qemu
    from .selftest import build, build_dir, check_tools

    build_path = build_dir()
    check_tools(building=True, running=True)  # Fatal: a ToolError, "bench: ..."
    build(build_path)
    tsm = str(build_path / "tsm-firmware/tsm.elf")
    timeout = 30 * qemu.timeout_scale()

    # Instructions: deterministic under -icount, so one run is exact.
    run = qemu.run_qemu([*qemu.tsm_args(tsm, str(build_path / "selftests/bench/calls.bin"),
                                        tsm_options="tsm.bench"),
                         "-icount", "shift=0"], timeout)
    counts = {m[0]: int(m[1]) for m in re.findall(r"^bench: (\w+) (\d+) instructions",
                                                    run.console, re.M)}
    want = ["hs_base_call", "vs_null_covh", "vs_base_forwarded"]
    if sorted(counts) != sorted(want):
        raise ToolError(f"expected {want} from the bench payload, got:\n{run.console[-2000:]}")
    base = counts["hs_base_call"]
    print("bench tsm: instructions per SBI call (rdinstret, QEMU -icount), "
          "ratio to a direct HS-mode call to OpenSBI")
    labels = {"hs_base_call": "BASE call from HS-mode straight to OpenSBI",
              "vs_null_covh": "null COVH call from VS-mode (local_fence)",
              "vs_base_forwarded": "BASE call from VS-mode forwarded by the TSM"}
    for name in want:
        print(f"  {labels[name]:<45} {counts[name]:6d}  {counts[name] / base:6.2f}x")

    bench_tvm(tsm, build_path, timeout, counts["vs_null_covh"])

    # Memory conversion: how the cost grows with the number of pages.
    run = qemu.run_qemu([*qemu.tsm_args(tsm, str(build_path / "selftests/bench/memory.bin")),
                         "-icount", "shift=0"], timeout)
    cycles = {int(m[0]): int(m[1]) for m in re.findall(
        r"^bench: convert_fence_reclaim_(\d+) (\d+) instructions", run.console, re.M)}
    if sorted(cycles) != [1, 64, 4096]:
        raise ToolError(f"expected 1, 64 and 4096 pages from the memory payload, got:\n"
                        f"{run.console[-2000:]}")
    print("bench tsm: convert_pages + initiate_fence + local_fence + reclaim_pages "
          "(instructions), ratio to 1 page")
    for pages, count in cycles.items():
        print(f"  {pages:5d} page(s)  {count:10d}  {count // pages:8d} per page  "
              f"{count / cycles[1]:8.2f}x")

    # Boot to the first result, with and without the TSM, runs interleaved.
    payload = build_path / "selftests/tsm/base"
    elf = str(build_path / "selftests/tsm/base.elf")
    variants = {
        "OpenSBI -> payload (no TSM)": ["-kernel", elf],
        "OpenSBI -> TSM -> payload": qemu.tsm_args(tsm, f"{payload}.bin"),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, args in variants.items():
            times[name].append(first_result_seconds(args, timeout))
    report("tsm: boot to first KTAP result", {n: statistics.median(t) for n, t in times.items()},
           "OpenSBI -> payload (no TSM)", runs)
    return 0


def bench_host_boot(runs: int) -> int:
    """The unpatched Linux host (tools/selftest host) from QEMU's start to its
    /init's first line, straight from OpenSBI and as the TSM's host."""
    from . import qemu
    from .kernel import selftest as ks
    from .selftest import build, build_dir, check_tools

    check_tools(building=True, running=True)
    build(build_dir())
    try:
        _, planned = ks.host.prepare()
    except ks.KernelSelftestError as err:
        raise ToolError(str(err)) from None
    boots = dict(planned)
    variants = {"OpenSBI -> Linux (no TSM)": boots["plain"],
                "OpenSBI -> TSM -> Linux": boots["tsm"]}
    timeout = 120 * qemu.timeout_scale()
    times: dict[str, list[float]] = {name: [] for name in variants}
    failed: dict[str, str] = {}
    for _ in range(runs):
        for name, args in variants.items():
            if name in failed:
                continue
            try:
                times[name].append(first_result_seconds(args, timeout, rb"KTAP version 1"))
            except ToolError as err:  # say it, measure the rest, fail at the end
                failed[name] = str(err)
    medians = {n: statistics.median(t) for n, t in times.items() if n not in failed}
    baseline = "OpenSBI -> Linux (no TSM)"
    if baseline in medians:
        report("host-boot: QEMU start to the host's /init (its first KTAP line)", medians,
               baseline, runs)
    for name, why in failed.items():
        print(f"  {name}: did not reach /init: {why}")
    if failed:
        raise ToolError(f"{', '.join(failed)}: no boot to /init, so no ratio")
    return 0


def bench_import(runs: int) -> int:
    """tools/upstream import of a synthetic tarball vs plain tar -xJf of it."""
    import io
    import random
    import string
    import tarfile

    files = 10000
    with tempdir("bench") as tmp:
        base = tmp
        tarball = base / "bench.tar.xz"
        rng = random.Random(1)
        words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 10)))
                 for _ in range(3000)]
        lines = [" ".join(rng.choices(words, k=rng.randint(1, 12))) for _ in range(5000)]
        size = 0
        with tarfile.open(tarball, "w:xz", preset=1) as tf:
            for i in range(files):
                data = ("\n".join(rng.choices(lines, k=rng.randint(5, 300))) + "\n").encode()
                info = tarfile.TarInfo(f"bench-1.0/dir{i % 100:02d}/file{i:05d}.c")
                info.size, info.mode = len(data), 0o755 if i % 50 == 0 else 0o644
                tf.addfile(info, io.BytesIO(data))
                size += len(data)
        (base / "upstreams.yaml").write_text(
            "upstreams:\n  bench:\n    source: debian\n    package: covekit-bench\n"
            "    tarball: bench.tar.xz\n    describe: bench\n")
        env = dict(os.environ, COVEKIT_UPSTREAMS=str(base / "upstreams.yaml"),
                   COVEKIT_VENV=str(Path(sys.executable).parents[1]))
        commands = {"tar -xJf": ["tar", "-xJf", str(tarball), "-C"],
                    "tools/upstream import": [str(ROOT / "tools/upstream"), "import", "-q",
                                              "bench"]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        commits = set()
        for run in range(runs):
            for name, argv in commands.items():
                # A fresh target every run: the import into a used cache is a no-op.
                target = base / f"run{run}"
                target.mkdir()
                run_env = dict(env, COVEKIT_CACHE=str(target))
                argv = argv + [str(target)] if name == "tar -xJf" else argv
                start = time.perf_counter()
                proc = subprocess.run(argv, env=run_env, capture_output=True, text=True,
                                      timeout=600)
                times[name].append(time.perf_counter() - start)
                if proc.returncode != 0:
                    raise ToolError(f"'{name}' failed (exit {proc.returncode}): "
                                    f"{proc.stderr.strip()}")
                if name != "tar -xJf":
                    commits.add(proc.stdout.split()[-1])
                shutil.rmtree(target)
        if len(commits) != 1:
            raise ToolError(f"the imports gave different commits: {sorted(commits)}")
        report(f"import: {files} files, {size / 1e6:.0f} MB, {tarball.stat().st_size / 1e6:.1f} "
               f"MB .tar.xz", {n: statistics.median(t) for n, t in times.items()},
               "tar -xJf", runs)
    return 0


def _synthetic_series(tmp: Path, patches: int) -> dict[str, str]:
    """An upstream git repo, a series of PATCHES patches against it, and the
    environment pointing tools/upstream and tools/series at them."""
    from . import git

    up = tmp / "upstream"
    up.mkdir()
    git.run(up, "init", "--quiet", "-b", "main")
    for i in range(patches):
        (up / f"file{i:03d}.c").write_text("".join(f"int v{i}_{n} = {n};\n" for n in range(40)))
    env = dict(git.FIXED_IDENTITY, GIT_AUTHOR_DATE="2001-01-01T00:00:00Z",
               GIT_COMMITTER_DATE="2001-01-01T00:00:00Z")
    git.run(up, "add", "-A")
    git.run(up, "commit", "--quiet", "-m", "base", env=env)
    base = git.run(up, "rev-parse", "HEAD")
    for i in range(patches):
        f = up / f"file{i:03d}.c"
        f.write_text(f.read_text().replace(f"v{i}_20 = 20", f"v{i}_20 = 2000"))
        git.run(up, "commit", "--quiet", "-am", f"file{i:03d}: change v{i}_20", env=env)
    series = tmp / "kernel-patches" / "bench"
    series.mkdir(parents=True)
    git.run(up, "format-patch", "--quiet", "--zero-commit", "--no-signature", "--full-index",
            "--no-numbered", "-o", str(series), f"{base}..HEAD")
    git.run(up, "reset", "--quiet", "--hard", base)
    files = sorted(p.name for p in series.glob("*.patch"))
    (series / "series.yaml").write_text(
        "title: bench\nupstream: bench\nbase:\n  commit: " + base + "\n  describe: base\n"
        "change-id: 20261121-bench-000000000000\nrevision: 1\nprerequisites: []\n"
        "patches:\n" + "".join(f"  - file: {f}\n    generated: []\n    build: []\n"
                                for f in files) + "history: []\n")
    (tmp / "upstreams.yaml").write_text(
        f"upstreams:\n  bench:\n    source: git\n    git: {up}\n    ref: main\n")
    return {"COVEKIT_SERIES_DIR": str(tmp / "kernel-patches"), "COVEKIT_CACHE": str(tmp / "cache"),
            "COVEKIT_UPSTREAMS": str(tmp / "upstreams.yaml"), "COVEKIT_BUILD": str(tmp / "build")}


def bench_series(runs: int) -> int:
    from . import git

    patches = 50
    with tempdir("bench") as tmp:
        env = as_a_user(dict(os.environ, **_synthetic_series(tmp, patches)), tmp)
        tools = ROOT / "tools"
        subprocess.run([str(tools / "upstream"), "import", "bench", "-q"], env=env, check=True,
                       capture_output=True)
        repo = tmp / "cache/upstream/bench.git"
        base = git.run(repo, "rev-parse", "refs/covekit/upstream/bench")
        series_files = sorted(str(p) for p in (tmp / "kernel-patches/bench").glob("*.patch"))
        plain_wt = tmp / "plain-wt"
        times: dict[str, list[float]] = {"git worktree add + git am": [], "tools/series apply": []}
        for _ in range(runs):
            start = time.perf_counter()
            git.run(repo, "worktree", "add", "--quiet", "--detach", str(plain_wt), base)
            git.run(plain_wt, "am", "--quiet", *series_files, env=git.FIXED_IDENTITY)
            times["git worktree add + git am"].append(time.perf_counter() - start)
            git.run(repo, "worktree", "remove", "--force", str(plain_wt))
            start = time.perf_counter()
            proc = subprocess.run([str(tools / "series"), "apply", "bench"], env=env,
                                  capture_output=True, text=True)
            times["tools/series apply"].append(time.perf_counter() - start)
            if proc.returncode != 0:
                raise ToolError(f"tools/series apply failed: {proc.stderr.strip()}")
        report(f"series: apply {patches} patches", {n: statistics.median(t)
                                                     for n, t in times.items()},
               "git worktree add + git am", runs)
    return 0


VERIFY_SERIES = "kvm-pointer-masking"
VERIFY_TARGET = 60.0  # seconds, for the whole series, with a warm ccache


def bench_verify(runs: int) -> int:
    """tools/series verify of the real series against its target: first with
    no build directory and no verify worktree (ccache stays as it is), then
    again with both kept, as a rerun after an edit finds them."""
    from .series import apply
    from .series.context import Context
    from .series.errors import SeriesError

    ctx = Context.from_env()
    try:
        repo, _ = ctx.resolve(apply.load(ctx, VERIFY_SERIES).upstream)
    except SeriesError as err:  # the upstream is not imported
        print(f"bench verify: skipped: {err}")
        return 0
    wt = ctx.cache / "verify" / VERIFY_SERIES / "tree"
    print(f"bench verify: tools/series verify {VERIFY_SERIES}, target {VERIFY_TARGET:.0f} s "
          f"with a warm ccache; ratio to the target")
    with tempfile.TemporaryDirectory(prefix="covekit-bench-") as tmp:
        env = as_a_user(dict(os.environ, COVEKIT_BUILD=str(Path(tmp) / "build")), Path(tmp))
        for run in range(runs):
            for label in ("cold-ish (new build dir and worktree)", "warm (both kept)"):
                if label.startswith("cold"):
                    subprocess.run(["git", "-C", str(repo), "worktree", "remove", "--force",
                                    "--force", str(wt)], capture_output=True)
                    shutil.rmtree(wt, ignore_errors=True)
                    shutil.rmtree(Path(tmp) / "build", ignore_errors=True)
                start = time.perf_counter()
                proc = subprocess.run([str(ROOT / "tools/series"), "verify", VERIFY_SERIES,
                                       "--json", "-"], env=env, capture_output=True, text=True,
                                      timeout=3600)
                seconds = time.perf_counter() - start
                if proc.returncode != 0:
                    raise ToolError(f"tools/series verify {VERIFY_SERIES} failed "
                                    f"(exit {proc.returncode}):\n{proc.stdout[-2000:]}"
                                    f"{proc.stderr[-2000:]}")
                print(f"  run {run + 1} {label:<40} {seconds:7.1f} s  "
                      f"{seconds / VERIFY_TARGET:5.2f}x of {VERIFY_TARGET:.0f} s")
    return 0


BENCHES = {"regen": bench_regen, "tsm": bench_tsm, "series": bench_series, "import": bench_import,
           "verify": bench_verify, "host-boot": bench_host_boot}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tools/bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", choices=sorted(BENCHES), help="what to measure")
    ap.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    sweep()  # scratch directories of killed runs
    return errors.run("bench", lambda: BENCHES[args.bench](args.runs))


if __name__ == "__main__":
    sys.exit(main())
