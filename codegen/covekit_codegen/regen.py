# SPDX-License-Identifier: GPL-2.0-only
"""./tools/regen: load and check the spec, keep the ABI lock, write outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import inputs
from .diagnostics import Collector, Pos, Problem, SpecError
from .files import Manifest, read_or_none, sha256, write_atomic

PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Layout:
    """Where a checkout keeps the inputs and bookkeeping of regen."""

    root: Path

    @property
    def spec_dir(self) -> Path:
        return self.root / "spec"

    @property
    def schema(self) -> Path:
        return self.spec_dir / "schema.json"

    @property
    def lock(self) -> Path:
        return self.spec_dir / "abi.lock"

    @property
    def manifest(self) -> Path:
        return self.root / "codegen" / "outputs.sum"

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def spec_inputs(self) -> list[Path]:
        return [self.root / rel for rel in inputs.spec_inputs(str(self.root))]

    def generator_inputs(self) -> list[Path]:
        return [PACKAGE.parent / rel for rel in inputs.generator_inputs()]

    def generator_hash(self) -> str:
        return inputs.generator_hash()

    def spec_hash(self) -> str:
        return inputs.spec_hash(str(self.root))


def load_spec(layout: Layout):  # -> Spec (imported lazily: the fast path skips it)
    from .checks import check_spec
    from .loader import load_schema, load_spec_files
    from .model import build

    if not layout.schema.exists():
        raise SpecError([Problem(Pos(layout.rel(layout.schema)), "schema missing")])
    files = load_spec_files(layout.spec_dir, layout.root, load_schema(layout.schema))
    problems = Collector()
    spec = build(files, problems)
    problems.raise_if_any()  # layout problems would make later messages noisy
    check_spec(spec, problems)
    problems.raise_if_any()
    return spec


@dataclass
class Plan:
    """What a regen would do: new file contents, and what is in the way."""

    expected: dict[str, bytes]
    lock_text: str
    lock_added: int
    manifest: Manifest
    changes: list[tuple[str, str]] = field(default_factory=list)  # (verb, path)
    hand_edited: list[str] = field(default_factory=list)
    obsolete: list[str] = field(default_factory=list)


def plan(layout: Layout, accept: list[str], reason: str | None) -> Plan:
    from .lock import read_lock, updated
    from .outputs import outputs

    spec = load_spec(layout)
    lock, added = updated(read_lock(layout.lock, layout.rel(layout.lock)), spec, accept, reason)
    from .render import environment, render_all  # jinja2: only once the spec is good

    expected = render_all(environment(), spec, outputs(spec))
    old = Manifest.read(layout.manifest)
    p = Plan(expected, lock.text(), added, old)
    for path, data in expected.items():
        have = read_or_none(layout.root / path)
        if have == data:
            continue
        if have is None or sha256(have) == old.outputs.get(path):
            p.changes.append(("GEN", path))
        else:
            p.hand_edited.append(path)
            p.changes.append(("GEN", path))
    for path, digest in old.outputs.items():
        if path in expected:
            continue
        have = read_or_none(layout.root / path)
        if have is None:
            continue
        p.obsolete.append(path)
        if sha256(have) != digest:
            p.hand_edited.append(path)
    return p


def fast_path_ok(layout: Layout) -> bool:
    """True when the manifest proves every output current: nothing to load."""
    m = Manifest.read(layout.manifest)
    if not m.outputs or m.generator != layout.generator_hash() or m.spec != layout.spec_hash():
        return False
    for path, digest in m.outputs.items():
        data = read_or_none(layout.root / path)
        if data is None or sha256(data) != digest:
            return False
    return True


def write(layout: Layout, p: Plan, force: bool) -> list[tuple[str, str]]:
    """Apply a plan; raises HandEdited, before writing anything, when an
    output was edited by hand and force is not set."""
    if p.hand_edited and not force:
        raise HandEdited(p.hand_edited)
    done: list[tuple[str, str]] = []
    lock_old = read_or_none(layout.lock)
    if lock_old != p.lock_text.encode():
        write_atomic(layout.lock, p.lock_text.encode())
        done.append(("LOCK", f"{layout.rel(layout.lock)} (+{p.lock_added} entries)"
                     if p.lock_added else layout.rel(layout.lock)))
    for verb, path in p.changes:
        write_atomic(layout.root / path, p.expected[path])
        done.append((verb, path))
    for path in p.obsolete:
        (layout.root / path).unlink()
        done.append(("RM", path))
    manifest = Manifest(layout.generator_hash(), layout.spec_hash(),
                        {path: sha256(data) for path, data in p.expected.items()})
    text = manifest.text().encode()
    if read_or_none(layout.manifest) != text:
        write_atomic(layout.manifest, text)
        done.append(("SUM", layout.rel(layout.manifest)))
    return done


class HandEdited(Exception):
    def __init__(self, paths: list[str]):
        self.paths = paths
        super().__init__(", ".join(paths))


def check(layout: Layout) -> list[str]:
    """Every way the checkout is out of step with the spec; empty when clean."""
    p = plan(layout, [], None)
    stale: list[str] = []
    lock_have = read_or_none(layout.lock)
    if lock_have != p.lock_text.encode():
        what = f"{p.lock_added} new entries not locked yet" if p.lock_added else "out of date"
        stale.append(f"stale: {layout.rel(layout.lock)}: {what}")
    for _verb, path in p.changes:
        have = read_or_none(layout.root / path)
        if have is None:
            stale.append(f"missing: {path}")
        elif path in p.hand_edited:
            stale.append(f"hand-edited: {path}")
        else:
            stale.append(f"stale: {path}")
    for path in p.obsolete:
        stale.append(f"obsolete: {path} (no longer generated)")
    if p.manifest.generator != layout.generator_hash():
        stale.append(f"stale: codegen/ changed since the last regen "
                     f"({layout.rel(layout.manifest)} records another generator hash)")
    elif not stale and p.manifest.spec != layout.spec_hash():
        stale.append(f"stale: {layout.rel(layout.manifest)}: spec changed since the last regen")
    return stale


def write_linux_tree(layout: Layout, tree: Path) -> list[tuple[str, str]]:
    """Write the Linux-side files into a kernel tree and splice its kvm.h,
    once its asm/sbi.h is found to agree with the spec's SBI numbers."""
    from .kvm_fragments import REGIONS, splice_fragments
    from .kvm_splice import splice_kvm_h
    from .outputs import outputs
    from .render import DO_NOT_EDIT, environment, render
    from .sbi_header_check import SBI_H, check_sbi_h

    kvm_h = tree / "arch/riscv/include/uapi/asm/kvm.h"
    if not kvm_h.is_file():
        raise SpecError([Problem(Pos(str(tree)), "not a Linux tree with RISC-V KVM: "
                                 "arch/riscv/include/uapi/asm/kvm.h is missing")])
    spec = load_spec(layout)
    env = environment()
    todo: list[tuple[Path, bytes]] = []
    refused: list[Problem] = []
    for out in outputs(spec):
        if out.linux_path is None:
            continue
        target = tree / out.linux_path
        data = render(env, spec, out)
        have = read_or_none(target)
        if have == data:
            continue
        if have is not None and DO_NOT_EDIT.encode() not in have:
            refused.append(Problem(Pos(str(target)), "exists and was not generated by covekit; "
                                   "not overwriting it (move it away first)"))
        todo.append((target, data))
    sbi_h = tree / SBI_H
    if sbi_h.is_file():  # the tree's SBI numbers must be the spec's
        check_sbi_h(sbi_h.read_text(encoding="utf-8"), spec, str(sbi_h))
    text = kvm_h.read_text(encoding="utf-8")
    spliced = splice_kvm_h(text, spec, str(kvm_h))
    sources = {}
    for path in REGIONS:
        if (tree / path).is_file():
            old = (tree / path).read_text(encoding="utf-8")
            sources[path] = (old, splice_fragments(old, spec, str(tree / path), path))
    if refused:
        raise SpecError(refused)
    done = []
    for target, data in todo:
        write_atomic(target, data)
        done.append(("GEN", str(target)))
    if spliced != text:
        write_atomic(kvm_h, spliced.encode("utf-8"))
        done.append(("SPLICE", str(kvm_h)))
    for path, (old, new) in sources.items():
        if new != old:
            write_atomic(tree / path, new.encode("utf-8"))
            done.append(("SPLICE", str(tree / path)))
    return done
