# SPDX-License-Identifier: GPL-2.0-only
"""tools/upstream: importing a Debian tarball or a git ref into the cache.

The tests use a small synthetic tarball and a synthetic upstreams.yaml
(COVEKIT_UPSTREAMS) with a temporary cache (COVEKIT_CACHE); the one slow
test imports the real linux-source tarball when it is installed.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tarfile
import time
from pathlib import Path

import pytest
from covekit_tools import git, upstream
from covekit_tools.upstream import tarball_import

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "upstream"
TOP = "linux-source-9.9"
UPSTREAM_GITIGNORE = b".*\n*.o\n\n# Rust analyzer configuration\n/rust-project.json\n"
DEBIAN_BLOCK = (b"\n#\n# Debian packaging: ignore everything at the top level, since it isn't\n"
                b"# included in our repository\n#\n/*\n!/debian/\n")
KVM_H = b"/* kvm.h */\n#define KVM_RISCV 1\n"


def add(tf: tarfile.TarFile, name: str, data: bytes = b"", *, mode: int = 0o644,
        kind: bytes = tarfile.REGTYPE, link: str = "") -> None:
    info = tarfile.TarInfo(f"{TOP}/{name}" if name else TOP)
    info.type, info.mode, info.mtime, info.linkname = kind, mode, 1_700_000_000, link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    tf.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def make_tarball(path: Path, gitignore: bytes = UPSTREAM_GITIGNORE + DEBIAN_BLOCK) -> Path:
    with tarfile.open(path, "w:xz", preset=0) as tf:
        add(tf, "", kind=tarfile.DIRTYPE, mode=0o755)
        add(tf, ".gitignore", gitignore)
        add(tf, "Makefile", b"VERSION = 9\nPATCHLEVEL = 9\n")
        add(tf, "scripts", kind=tarfile.DIRTYPE, mode=0o755)
        add(tf, "scripts/run.sh", b"#!/bin/sh\necho run\n", mode=0o755)
        add(tf, "scripts/owner-only.sh", b"#!/bin/sh\n", mode=0o700)
        add(tf, "arch/riscv/include/uapi/asm/kvm.h", KVM_H)
        add(tf, "include/kvm.h", kind=tarfile.SYMTYPE, link="../arch/riscv/include/uapi/asm/kvm.h")
        add(tf, "Kbuild", kind=tarfile.LNKTYPE, link=f"{TOP}/Makefile")
        add(tf, "empty", kind=tarfile.DIRTYPE, mode=0o755)
        add(tf, "Documentation/caf\u00e9.rst", "caf\u00e9\n".encode())
        add(tf, "debian/control", b"Source: linux\n")
    return path


def write_yaml(path: Path, body: str) -> Path:
    path.write_text(f"upstreams:\n{body}")
    return path


def toy_yaml(path: Path, tarball: str = "toy.tar.xz", describe: str = "debian-9.9") -> Path:
    return write_yaml(path, f"  toy:\n    source: debian\n    package: covekit-toy-source\n"
                      f"    tarball: {tarball}\n    describe: {describe}\n")


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A synthetic upstream 'toy'; returns the directory holding its files."""
    make_tarball(tmp_path / "toy.tar.xz")
    monkeypatch.setenv("COVEKIT_UPSTREAMS", str(toy_yaml(tmp_path / "upstreams.yaml")))
    monkeypatch.setenv("COVEKIT_CACHE", str(tmp_path / "cache"))
    return tmp_path


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TOOL), *args], capture_output=True, text=True, timeout=timeout)


def gitq(repo: Path, *args: str) -> str:
    return git.run(repo, f"--git-dir={repo}", *args)


def leftovers(cache: Path) -> list[str]:
    updir = cache / "upstream"
    found = [p.name for p in updir.glob("*.tmp-*")] if updir.exists() else []
    return found + [p.name for p in updir.glob(f"*.git/objects/pack/{tarball_import.TMP_PREFIX}*")]


# --- the .gitignore block -----------------------------------------------------

def test_strip_debian_gitignore_removes_exactly_the_block():
    assert tarball_import.strip_debian_gitignore(UPSTREAM_GITIGNORE + DEBIAN_BLOCK) \
        == UPSTREAM_GITIGNORE
    assert tarball_import.strip_debian_gitignore(b"*.o\n/*\n!/debian/") == b"*.o\n"
    assert tarball_import.strip_debian_gitignore(UPSTREAM_GITIGNORE) is None
    # Comments that belong to upstream lines (no blank line between) stay.
    assert tarball_import.strip_debian_gitignore(b"*.o\n# mine\n/*\n!/debian/\n") \
        == b"*.o\n# mine\n"


# --- debian import ------------------------------------------------------------

def test_import_gives_the_expected_tree(toy: Path):
    commit = upstream.import_upstream("toy", progress=False)
    repo, resolved = upstream.resolve("toy")
    assert (repo, resolved) == (toy / "cache/upstream/toy.git", commit)
    assert upstream.repo_path("toy") == repo and upstream.cache_dir() == toy / "cache"

    tree = {}
    for line in gitq(repo, "ls-tree", "-r", "-z", commit).split("\0"):
        if line:
            meta, path = line.split("\t", 1)
            mode, kind, oid = meta.split()
            tree[path] = (mode, kind, oid)
    assert {p: m for p, (m, _, _) in tree.items()} == {
        ".gitignore": "100644", "Makefile": "100644", "Kbuild": "100644",
        "scripts/run.sh": "100755", "scripts/owner-only.sh": "100755",
        "arch/riscv/include/uapi/asm/kvm.h": "100644", "include/kvm.h": "120000",
        "Documentation/caf\u00e9.rst": "100644", "debian/control": "100644",
    }
    assert tree["Kbuild"][2] == tree["Makefile"][2]          # the hard link

    def show(path: str) -> str:
        return git.run(repo, f"--git-dir={repo}", "show", f"{commit}:{path}", strip=False)

    assert show(".gitignore") == UPSTREAM_GITIGNORE.decode()
    assert show("include/kvm.h") == "../arch/riscv/include/uapi/asm/kvm.h"
    assert show("arch/riscv/include/uapi/asm/kvm.h") == KVM_H.decode()

    head = gitq(repo, "cat-file", "commit", commit)
    assert "\nauthor covekit <covekit@invalid> 946684800 +0000\n" in head
    assert "\ncommitter covekit <covekit@invalid> 946684800 +0000\n" in head
    assert "\n\nImport covekit-toy-source (debian-9.9)\n" in head
    assert ".gitignore" in head and "Tarball-SHA256: " in head
    refs = gitq(repo, "for-each-ref", "--format=%(refname) %(objectname)")
    assert refs.splitlines() == [f"refs/covekit/upstream/toy {commit}",
                                 f"refs/covekit/upstream/toy-debian-9.9 {commit}"]
    gitq(repo, "fsck", "--strict", "--no-dangling")
    assert leftovers(toy / "cache") == []


def test_the_commit_id_is_the_same_in_two_caches(toy: Path, monkeypatch: pytest.MonkeyPatch):
    first = upstream.import_upstream("toy", progress=False)
    monkeypatch.setenv("COVEKIT_CACHE", str(toy / "other-cache"))
    second = cli("import", "toy")
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1] == first
    assert re.search(rf"^upstream toy: imported 9 files \(0 MB, .gitignore's Debian block "
                     rf"removed\) as {first} in [\d.]+s$", second.stderr, re.M), second.stderr


def test_a_rerun_is_a_no_op(toy: Path):
    first = cli("import", "toy")
    assert first.returncode == 0, first.stderr
    commit = first.stdout.splitlines()[-1]
    packs = sorted((toy / "cache/upstream/toy.git/objects/pack").iterdir())
    again = cli("import", "toy")
    assert again.returncode == 0 and again.stdout.splitlines()[-1] == commit
    assert again.stderr == f"upstream toy: already imported {commit}\n"
    assert sorted((toy / "cache/upstream/toy.git/objects/pack").iterdir()) == packs
    # Touched (reinstalled) but the same bytes: still a no-op, found by its hash.
    os.utime(toy / "toy.tar.xz", (1, 1))
    assert upstream.import_upstream("toy", progress=False) == commit
    assert sorted((toy / "cache/upstream/toy.git/objects/pack").iterdir()) == packs


def test_a_failed_import_leaves_nothing_and_a_rerun_succeeds(toy: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    expected = upstream.import_upstream("toy", progress=False)
    monkeypatch.setenv("COVEKIT_CACHE", str(toy / "cache2"))
    seen: list[bool] = []

    def interrupted(pack: tarball_import.PackWriter, path: Path) -> None:
        seen.append(any((toy / "cache2/upstream").glob("toy.git.tmp-*")))
        raise KeyboardInterrupt

    with monkeypatch.context() as m, pytest.raises(KeyboardInterrupt):
        m.setattr(tarball_import.PackWriter, "write_index", interrupted)
        upstream.import_upstream("toy", progress=False)
    assert seen == [True]                   # it failed after the temporary repo existed
    assert not (toy / "cache2/upstream/toy.git").exists()
    assert leftovers(toy / "cache2") == []
    with pytest.raises(upstream.UpstreamMissing):
        upstream.resolve("toy")
    assert upstream.import_upstream("toy", progress=False) == expected


def test_reimport_into_an_existing_repository_keeps_it_until_the_end(
        toy: Path, monkeypatch: pytest.MonkeyPatch):
    old = upstream.import_upstream("toy", progress=False)
    toy_yaml(toy / "upstreams.yaml", describe="debian-9.9.1")
    with pytest.raises(upstream.UpstreamMissing):
        upstream.resolve("toy")              # upstreams.yaml says another import
    with monkeypatch.context() as m:
        m.setattr(tarball_import.PackWriter, "write_index",
                  lambda *a: (_ for _ in ()).throw(RuntimeError("disk full")))
        with pytest.raises(RuntimeError):
            upstream.import_upstream("toy", progress=False)
    repo = toy / "cache/upstream/toy.git"
    assert gitq(repo, "rev-parse", "refs/covekit/upstream/toy") == old
    assert leftovers(toy / "cache") == []
    new = upstream.import_upstream("toy", progress=False)
    assert new != old                         # the message names the describe
    assert upstream.resolve("toy") == (repo, new)
    assert gitq(repo, "rev-parse", "refs/covekit/upstream/toy-debian-9.9") == old


def _start_on_fifo(toy: Path) -> tuple[subprocess.Popen[str], int]:
    """An import reading a FIFO that gets half the tarball, then blocks.

    The FIFO is opened read-write here, so that this never blocks and the
    import never sees its end; the caller closes the returned descriptor.
    """
    data = (toy / "toy.tar.xz").read_bytes()
    os.mkfifo(toy / "toy.fifo")
    toy_yaml(toy / "upstreams.yaml", tarball="toy.fifo")
    proc = subprocess.Popen([str(TOOL), "import", "toy"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    writer = os.open(toy / "toy.fifo", os.O_RDWR)
    os.write(writer, data[:len(data) // 2])      # far less than a pipe's buffer
    deadline = time.monotonic() + 30
    while not list((toy / "cache/upstream").glob("toy.git.tmp-*/objects/pack/tmp_*")):
        assert time.monotonic() < deadline and proc.poll() is None, "the import did not start"
        time.sleep(0.05)
    time.sleep(0.3)                          # let it read what there is, and block
    return proc, writer


def test_ctrl_c_leaves_no_repository(toy: Path):
    proc, writer = _start_on_fifo(toy)
    try:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        os.close(writer)
    assert proc.returncode == 130, err
    assert "upstream: interrupted; nothing was changed" in err
    assert not (toy / "cache/upstream/toy.git").exists()
    assert leftovers(toy / "cache") == []


def test_a_killed_import_is_cleaned_up_by_the_rerun(toy: Path):
    proc, writer = _start_on_fifo(toy)
    try:
        proc.kill()
        proc.wait(timeout=30)
    finally:
        os.close(writer)
    assert not (toy / "cache/upstream/toy.git").exists()
    assert leftovers(toy / "cache") != []    # SIGKILL: nothing could clean up
    toy_yaml(toy / "upstreams.yaml")
    rerun = cli("import", "toy")
    assert rerun.returncode == 0, rerun.stderr
    assert leftovers(toy / "cache") == []
    assert upstream.resolve("toy")[1] == rerun.stdout.splitlines()[-1]


def test_progress_reports_files_and_bytes(toy: Path):
    repo = toy / "bare.git"
    git.run(toy, f"--git-dir={repo}", "init", "--bare", "-q")
    seen: list[tuple[int, int, int, int]] = []
    result = tarball_import.import_tarball(
        repo, toy / "toy.tar.xz", lambda top, sha, stripped: f"{top} {sha} {stripped}\n",
        when=0, progress=lambda p: seen.append((p.files, p.bytes, p.read, p.total)),
        progress_every=0)
    assert [f for f, _, _, _ in seen] == list(range(1, 10))
    assert seen[-1][1] == result.bytes and seen[-1][3] == (toy / "toy.tar.xz").stat().st_size
    assert (result.files, result.top, result.gitignore_stripped) == (9, TOP, True)
    assert gitq(repo, "log", "--format=%s", result.commit).startswith(f"{TOP} ")


def test_a_pinned_version_must_be_the_installed_one(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    proc = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "linux-source-6.12"],
                          capture_output=True, text=True) if shutil.which("dpkg-query") else None
    if proc is None or proc.returncode != 0:
        pytest.skip("needs dpkg and linux-source-6.12 installed")
    make_tarball(tmp_path / "toy.tar.xz")
    yaml = write_yaml(tmp_path / "up.yaml", "  toy:\n    source: debian\n"
                      "    package: linux-source-6.12\n    version: 0.1-1\n"
                      "    tarball: toy.tar.xz\n    describe: x\n")
    monkeypatch.setenv("COVEKIT_UPSTREAMS", str(yaml))
    monkeypatch.setenv("COVEKIT_CACHE", str(tmp_path / "cache"))
    with pytest.raises(upstream.UpstreamError) as err:
        upstream.import_upstream("toy", progress=False)
    assert str(err.value) == (f"{yaml}:5:14: toy: version 0.1-1, but the installed "
                              f"linux-source-6.12 is {proc.stdout}; update 'version' and "
                              f"'describe'")


def test_list_shows_what_is_imported(toy: Path):
    before = cli("list")
    assert before.returncode == 0, before.stderr
    assert before.stdout == (
        f"toy  debian covekit-toy-source (debian-9.9): {toy}/toy.tar.xz\n"
        f"     not imported: run tools/upstream import toy\n")
    commit = upstream.import_upstream("toy", progress=False)
    after = cli("list")
    assert after.stdout.splitlines()[1] == (
        f"     imported: {commit} in {toy}/cache/upstream/toy.git")


def test_a_missing_tarball_names_the_install_command(toy: Path):
    toy_yaml(toy / "upstreams.yaml", tarball="/nonexistent/toy.tar.xz")
    proc = cli("import", "toy")
    assert proc.returncode == 1
    assert proc.stderr == ("upstream: toy: /nonexistent/toy.tar.xz is missing (Debian package "
                           "covekit-toy-source); run: sudo tools/install-deps\n")
    list_ = cli("list")
    assert "     tarball missing: run sudo tools/install-deps\n" in list_.stdout


def test_resolve_names_the_import_command(toy: Path):
    with pytest.raises(upstream.UpstreamMissing) as err:
        upstream.resolve("toy")
    assert str(err.value) == "tools/upstream import toy"


def test_an_unknown_name_lists_the_known_ones(toy: Path):
    proc = cli("import", "nope")
    assert (proc.returncode, proc.stderr) == (2, "upstream: unknown upstream 'nope'; known: toy\n")
    with pytest.raises(upstream.UnknownUpstream):
        upstream.resolve("nope")


# --- git import -----------------------------------------------------------------

def test_import_from_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    src = tmp_path / "src"
    src.mkdir()
    ident = {**git.FIXED_IDENTITY, "GIT_AUTHOR_DATE": "@0 +0000", "GIT_COMMITTER_DATE": "@0 +0000"}
    git.run(src, "init", "-q", "-b", "main")
    (src / "README").write_text("one\n")
    git.run(src, "add", "README")
    git.run(src, "commit", "-q", "-m", "one", env=ident)
    git.run(src, "tag", "-a", "-m", "v1.0", "v1.0", env=ident)
    tagged = git.run(src, "rev-parse", "HEAD")
    monkeypatch.setenv("COVEKIT_CACHE", str(tmp_path / "cache"))
    yaml = tmp_path / "upstreams.yaml"
    monkeypatch.setenv("COVEKIT_UPSTREAMS", str(yaml))
    write_yaml(yaml, "  mine:\n    source: git\n    git: src\n    ref: v1.0\n")
    assert upstream.import_upstream("mine", progress=False) == tagged   # the tag, peeled
    repo = tmp_path / "cache/upstream/mine.git"
    assert upstream.resolve("mine") == (repo, tagged)
    assert gitq(repo, "rev-parse", "refs/covekit/upstream/mine-v1.0") == tagged
    assert gitq(repo, "tag") == ""           # --no-tags

    (src / "README").write_text("two\n")
    git.run(src, "commit", "-q", "-am", "two", env=ident)
    head = git.run(src, "rev-parse", "HEAD")
    write_yaml(yaml, "  mine:\n    source: git\n    git: src\n    ref: refs/heads/main\n")
    assert upstream.import_upstream("mine", progress=False) == head
    assert upstream.resolve("mine") == (repo, head)
    assert upstream.load_upstreams()["mine"].describe == "main"
    again = cli("import", "mine")
    assert again.returncode == 0 and again.stdout.splitlines()[-1] == head
    assert f"upstream mine: already imported {head}\n" in again.stderr


# --- upstreams.yaml -------------------------------------------------------------

@pytest.mark.parametrize("body, message", [
    ("  linux:\n    source: debian\n   package: x\n",
     "4:4: invalid YAML: bad indentation: this line does not line up with the block "
     "that starts at line 2, column 3"),
    ("  linux:\n    source: debain\n",
     "3:13: linux: 'source' must be 'debian' or 'git', not 'debain'"),
    ("  linux:\n    source: debian\n    package: p\n    tarball: t\n",
     "2:3: linux: missing 'describe' (source debian needs package, tarball, describe)"),
    ("  linux:\n    source: git\n    git: x\n    ref: main\n    tarball: t\n",
     "6:5: linux: unknown key 'tarball' for source git (expected describe, git, ref, source)"),
    ("  linux:\n    source: git\n    git: x\n    ref: main\n    describe: a b\n",
     "6:15: linux: describe 'a b' cannot be part of a git ref name"),
    ("  linux:\n    source: git\n    git: x\n    ref: [main]\n",
     "5:10: linux: 'ref' must be a non-empty string"),
    # The spec's YAML diagnostics (codegen's yamlfile), not ruamel's words:
    ("  linux:\n    source: \"debian\n    package: x\n    tarball: \"t\"\n",
     "3:13: invalid YAML: the quoted string that starts here is not closed on its line; it "
     "runs on to line 5, where YAML fails (expected <block end>, but found '<scalar>')"),
    ("  linux: {source: git, git: x\n",
     "2:10: invalid YAML: this '{' is never closed: expected ',' or '}' but found the end "
     "of the file at line 3, column 1"),
])
def test_a_malformed_upstreams_yaml_names_line_and_column(tmp_path: Path, body: str,
                                                          message: str):
    (tmp_path / "kernel-patches").mkdir()
    write_yaml(tmp_path / "kernel-patches/upstreams.yaml", body)
    with pytest.raises(upstream.UpstreamsFileError) as err:
        upstream.load_upstreams(tmp_path)
    assert str(err.value) == f"kernel-patches/upstreams.yaml:{message}"


def test_the_command_reports_a_malformed_file_with_exit_2(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    yaml = write_yaml(tmp_path / "up.yaml", "  linux:\n    source: debian\n    source: git\n")
    monkeypatch.setenv("COVEKIT_UPSTREAMS", str(yaml))
    proc = cli("list")
    assert proc.returncode == 2
    assert proc.stderr == f"{yaml}:4:5: invalid YAML: duplicate key \"source\" (first at line 3)\n"


def test_the_checked_in_upstreams_load():
    ups = upstream.load_upstreams(ROOT)
    linux = ups["linux"]
    assert (linux.name, linux.source) == ("linux", "debian")
    assert linux.describe.startswith("debian-") and linux.tarball is not None


# --- the real tarball (slow: once per cache) --------------------------------------

REAL = Path("/usr/src/linux-source-6.12.tar.xz")


@pytest.mark.skipif(not REAL.exists(), reason=f"{REAL} is not installed (sudo tools/install-deps)")
def test_import_the_real_linux_tarball(monkeypatch: pytest.MonkeyPatch, capsys):
    # Uses $COVEKIT_CACHE (default ~/.cache/covekit), as tools/upstream does:
    # the first run imports (well under a minute here), later runs are no-ops.
    monkeypatch.delenv("COVEKIT_UPSTREAMS", raising=False)
    start = time.monotonic()
    commit = upstream.import_upstream("linux", progress=False, root=ROOT)
    elapsed = time.monotonic() - start
    repo, resolved = upstream.resolve("linux", root=ROOT)
    assert resolved == commit
    gitq(repo, "cat-file", "-e", f"{commit}:arch/riscv/include/uapi/asm/kvm.h")
    gitignore = git.run(repo, f"--git-dir={repo}", "show", f"{commit}:.gitignore", strip=False)
    assert "!/debian/" not in gitignore and "\n/*\n" not in gitignore
    assert gitignore.endswith("/rust-project.json\n")
    with capsys.disabled():
        print(f"\n  real linux import: {commit} in {elapsed:.1f}s")
    assert elapsed < 180
