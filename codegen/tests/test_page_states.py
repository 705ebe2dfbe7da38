# SPDX-License-Identifier: GPL-2.0-only
"""spec/tsm.yaml's page states: the generated header builds and its transition
table answers as the spec says; a malformed page-state spec is refused with
one FILE:LINE:COL: message per problem; the SVG drawn by graphviz is the same
on every run and every machine; without graphviz regen says so and writes
nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, Checkout, assert_regen_refused, pos
from covekit_codegen.regen import Layout, load_spec

TSM, LOCK, EXTRA = "spec/tsm.yaml", "spec/abi.lock", "spec/extra.yaml"
FIRMWARE_INC = ROOT / "tsm-firmware/include/generated"
HEADER = "tsm-firmware/include/generated/page_states.h"
RST = "Documentation/abi/page-states.rst"
DOT = "Documentation/page-states.dot"
SVG = "Documentation/page-states.svg"
OUTPUTS = [HEADER, RST, DOT, SVG]
CFLAGS = ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror"]
NO_DOT = ("regen: graphviz 'dot' is not installed (needed for Documentation/page-states.svg); "
          "run: sudo tools/install-deps")


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed: run sudo tools/install-deps")


@pytest.fixture(scope="module")
def spec():
    return load_spec(Layout(ROOT))


# --- the generated header ------------------------------------------------------

# Uses nothing of page_states.h but tsm_page_transition_allowed(): its other
# tables must not trip -Wunused.  Checks a few transitions by name, then
# answers "from to eid fid" lines from stdin with 1 (allowed) or 0.
CHECKER = r"""
#include <stdio.h>
#include "page_states.h"

#define EXPECT(allowed, from, to, ext, fn)					\
	do {									\
		if (tsm_page_transition_allowed(TSM_PAGE_##from, TSM_PAGE_##to,	\
						SBI_EXT_##ext,			\
						SBI_EXT_##ext##_##fn) != allowed) { \
			printf("wrong: %s -> %s by %s\n", #from, #to, #fn);	\
			return 1;						\
		}								\
	} while (0)

int main(void)
{
	unsigned int from, to;
	unsigned long eid, fid;

	EXPECT(1, HOST, CONVERTING, COVH, CONVERT_PAGES);
	EXPECT(1, CONVERTING, CONFIDENTIAL, COVH, LOCAL_FENCE);
	EXPECT(1, CONFIDENTIAL, HOST, COVH, RECLAIM_PAGES);
	EXPECT(1, CONFIDENTIAL, TVM_MEMORY, COVH, ADD_TVM_ZERO_PAGES);
	EXPECT(1, TVM_MEMORY, CONFIDENTIAL, COVH, DESTROY_TVM);
	/* Skipping the fence: converting pages are not yet confidential. */
	EXPECT(0, HOST, CONFIDENTIAL, COVH, CONVERT_PAGES);
	EXPECT(0, CONVERTING, CONFIDENTIAL, COVH, CONVERT_PAGES);
	/* A TVM's pages go back to the host only through CONFIDENTIAL. */
	EXPECT(0, TVM_MEMORY, HOST, COVH, RECLAIM_PAGES);
	EXPECT(0, TVM_METADATA, HOST, COVH, DESTROY_TVM);
	/* The right call in the wrong direction. */
	EXPECT(0, CONFIDENTIAL, TVM_MEMORY, COVH, DESTROY_TVM);
	EXPECT(0, CONVERTING, HOST, COVH, CONVERT_PAGES);
	/* The right FID of another extension. */
	if (tsm_page_transition_allowed(TSM_PAGE_HOST, TSM_PAGE_CONVERTING, SBI_EXT_COVG,
					SBI_EXT_COVH_CONVERT_PAGES)) {
		printf("wrong: COVG's FID %d allowed\n", SBI_EXT_COVH_CONVERT_PAGES);
		return 1;
	}
	while (scanf("%u %u %lx %lu", &from, &to, &eid, &fid) == 4)
		printf("%d\n", tsm_page_transition_allowed(from, to, eid, fid));
	return 0;
}
"""

# Every table of the header, printed for comparison with the spec.
TABLES = r"""
#include <stdio.h>
#include "page_states.h"

int main(void)
{
	for (unsigned int i = 0; i < TSM_PAGE_STATE_COUNT; i++)
		printf("%u %s %d %d %d\n", i, tsm_page_state_names[i],
			tsm_page_host_access[i], tsm_page_confidential[i], tsm_page_state_valid(i));
	printf("valid(COUNT) %d\n", tsm_page_state_valid(TSM_PAGE_STATE_COUNT));
	return 0;
}
"""


def build(tmp_path: Path, name: str, source: str, cc: str = "gcc", *extra: str) -> Path:
    need(cc)
    (tmp_path / f"{name}.c").write_text(source)
    out = tmp_path / name
    proc = subprocess.run([cc, *CFLAGS, *extra, f"-I{FIRMWARE_INC}", str(tmp_path / f"{name}.c"),
                           "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out


def test_transition_table_answers_as_the_spec_says(spec, tmp_path: Path) -> None:
    checker = build(tmp_path, "checker", CHECKER)
    ps = spec.page_states
    allowed = {(t.from_state.value, t.to_state.value, t.function.ext.eid, t.function.fid)
               for t in ps.transitions}
    functions = [(ext.eid, fn.fid) for ext in spec.extensions for fn in ext.functions]
    # Every pair of states (and one value past the last), by every call.
    values = range(len(ps.states) + 1)
    queries = [(a, b, eid, fid) for a in values for b in values for eid, fid in functions]
    stdin = "".join(f"{a} {b} {eid:#x} {fid}\n" for a, b, eid, fid in queries)
    proc = subprocess.run([str(checker)], input=stdin, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stdout
    answers = proc.stdout.split()
    assert len(answers) == len(queries)
    wrong = [q for q, got in zip(queries, answers, strict=True) if (got == "1") != (q in allowed)]
    assert wrong == []
    assert answers.count("1") == len(allowed) == len(ps.transitions)


def test_state_tables_match_the_spec(spec, tmp_path: Path) -> None:
    out = subprocess.run([str(build(tmp_path, "tables", TABLES))], capture_output=True,
                         text=True, check=True, timeout=60).stdout.splitlines()
    want = [f"{s.value} {s.name} {int(s.host_access)} {int(s.confidential)} 1"
            for s in spec.page_states.by_value]
    assert out == want + ["valid(COUNT) 0"]


def test_header_cross_compiles(tmp_path: Path) -> None:
    src = tmp_path / "pages.c"
    src.write_text('#include "page_states.h"\n'
                   "bool may_convert(unsigned int s)\n{\n\treturn tsm_page_transition_allowed("
                   "s, TSM_PAGE_CONVERTING, SBI_EXT_COVH,\n\t\t\t\t\t\t   "
                   "SBI_EXT_COVH_CONVERT_PAGES);\n}\n")
    need("riscv64-linux-gnu-gcc")
    proc = subprocess.run(["riscv64-linux-gnu-gcc", *CFLAGS, "-ffreestanding", "-c",
                           f"-I{FIRMWARE_INC}", str(src), "-o", str(tmp_path / "pages.o")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_header_names() -> None:
    text = (ROOT / HEADER).read_text()
    for needle in ("enum tsm_page_state {", "\tTSM_PAGE_HOST\t", "#define TSM_PAGE_STATE_COUNT\t",
                   "static const char *const tsm_page_state_names[TSM_PAGE_STATE_COUNT] = {",
                   "static const bool tsm_page_host_access[TSM_PAGE_STATE_COUNT] = {",
                   "static const bool tsm_page_confidential[TSM_PAGE_STATE_COUNT] = {",
                   "struct tsm_page_transition {\n\tuint8_t from, to;\n"
                   "\tunsigned long eid, fid;\n};",
                   "static const struct tsm_page_transition tsm_page_transitions[] = {",
                   "\t  SBI_EXT_COVH, SBI_EXT_COVH_CONVERT_PAGES },",
                   "tsm_page_transition_allowed(unsigned int from, unsigned int to,\n"
                   "\t\t\t    unsigned long eid, unsigned long fid)\n",
                   '#include "sbi_abi.h"', " * enum tsm_page_state - Ownership state of one 4 KiB "
                   "page of DRAM\n * @TSM_PAGE_HOST: Owned by the host and mapped in its G-stage"):
        assert needle in text, needle


# --- the docs ------------------------------------------------------------------

def test_docs_page_and_diagram_source(spec) -> None:
    index = (ROOT / "Documentation/abi/index.rst").read_text()
    toc = index[index.index(".. toctree::"):index.index("Extensions\n")]
    assert "\n   page-states\n" in toc
    rst = (ROOT / RST).read_text()
    assert ".. image:: ../page-states.svg" in rst
    for s in spec.page_states.states:
        assert f"   * - {s.value}\n     - ``{s.c_name}``\n" in rst, s.name
    assert ("   * - ``HOST``\n     - ``CONVERTING``\n     - ``convert_pages`` "
            "(:doc:`COVH <ext-covh>`)\n") in rst
    dot = (ROOT / DOT).read_text()
    assert 'digraph "page_state" {' in dot
    assert '\t"HOST" [label="HOST", fillcolor="#cfe2f3", peripheries=2];' in dot
    assert '\t"CONVERTING" [label="CONVERTING"];' in dot
    assert '\t"TVM_MEMORY" [label="TVM_MEMORY", fillcolor="#f4cccc"];' in dot
    assert '\t"CONVERTING" -> "CONFIDENTIAL" [label="local_fence"];' in dot
    assert dot.count(" -> ") == len(spec.page_states.transitions)


# --- the SVG -------------------------------------------------------------------

def test_svg_is_byte_identical_across_runs_and_fonts(checkout: Checkout, tmp_path: Path) -> None:
    need("dot")
    # An empty fontconfig: no font at all, unlike this machine.  The SVG must
    # not depend on which fonts are installed.
    (tmp_path / "fonts").mkdir()
    nofonts = tmp_path / "fonts/fonts.conf"
    nofonts.write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{tmp_path}/fonts</dir>"
                       f"<cachedir>{tmp_path}/fonts/cache</cachedir></fontconfig>\n")
    runs = []
    for env in ({"PYTHONHASHSEED": "1"}, {"PYTHONHASHSEED": "4242"},
                {"FONTCONFIG_FILE": str(nofonts)}):
        checkout.path(SVG).unlink()
        r = checkout.regen(env=env)
        assert r.returncode == 0, r.stderr
        assert f"  GEN     {SVG}" in r.stdout.splitlines()
        runs.append(checkout.path(SVG).read_bytes())
    assert runs[0] == runs[1] == runs[2] == (ROOT / SVG).read_bytes()
    svg = runs[0].decode()
    assert "graphviz version" not in svg and "Generated by graphviz" not in svg
    assert svg.startswith("<!-- SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause -->\n")
    assert "<svg " in svg and svg.endswith("</svg>\n")
    assert "<title>HOST&#45;&gt;CONVERTING</title>" in svg
    assert ">convert_pages</text>" in svg
    assert checkout.regen("--check").returncode == 0


def test_svg_hand_edit_is_caught(checkout: Checkout) -> None:
    checkout.edit(SVG, ">convert_pages<", ">convert<")
    r = checkout.regen("--check")
    assert r.returncode == 1 and f"regen --check: hand-edited: {SVG}" in r.lines


# --- without graphviz ----------------------------------------------------------

def no_dot_path(tmp_path: Path) -> dict[str, str]:
    """A PATH on which python is found and dot is not."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    (bin_dir / "python").symlink_to(sys.executable)
    return {"PATH": str(bin_dir)}


@pytest.mark.parametrize("args", [("--full",), ("--check",)], ids=["full", "check"])
def test_missing_dot_is_one_line_and_writes_nothing(checkout: Checkout, tmp_path: Path,
                                                    args: tuple[str, ...]) -> None:
    # A spec change, so that a regen would have work to do.
    checkout.edit(TSM, "Zeroed and mapped at its GPA.", "Zeroed, then mapped at its GPA.")
    before = checkout.snapshot()
    r = checkout.regen(*args, env=no_dot_path(tmp_path))
    assert (r.returncode, r.lines, r.stdout) == (2, [NO_DOT], "")
    assert checkout.snapshot() == before, "regen without dot wrote files"


def test_up_to_date_regen_needs_no_dot(checkout: Checkout, tmp_path: Path) -> None:
    r = checkout.regen(env=no_dot_path(tmp_path))
    assert (r.returncode, r.stdout.strip()) == (0, "regen: up to date")


def test_spec_without_page_states_needs_no_dot(checkout: Checkout, tmp_path: Path) -> None:
    checkout.path(TSM).unlink()
    env = no_dot_path(tmp_path)
    r = checkout.regen(env=env)
    assert r.returncode == 2  # the lock keeps published state values...
    assert len(r.lines) == 5, r.stderr
    assert any(line.endswith(f"enum page_state.HOST (0), locked at {LOCK}:"
                             f"{lock_line(checkout, 'enum page_state.HOST 0')}:1, is gone from "
                             f"the spec; published ABI is never removed; to break the ABI on "
                             f"purpose: ./tools/regen --accept-break 'enum page_state.HOST' "
                             f"--reason '...'") for line in r.lines), r.stderr
    r = checkout.regen("--accept-break", "enum page_state.*", "--reason", "no page states",
                       env=env)
    assert r.returncode == 0, r.stderr  # ...unless accepted; no dot needed then
    for rel in OUTPUTS:
        assert f"  RM      {rel}" in r.stdout.splitlines()
        assert not checkout.path(rel).exists()
    assert "page-states" not in checkout.read("Documentation/abi/index.rst")
    assert checkout.regen("--check", env=env).returncode == 0


# --- malformed page states ------------------------------------------------------


def lock_line(c: Checkout, entry: str) -> int:
    lines = c.read(LOCK).splitlines()
    assert lines.count(entry) == 1, entry
    return lines.index(entry) + 1


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Checkout], None]
    expect: Callable[[Checkout], list[str]]  # every line regen prints, sorted


def edit(old: str, new: str) -> Callable[[Checkout], None]:
    return lambda c: c.edit(TSM, old, new)


def one(needle: str, message: str, at: str | None = None,
        start: str | None = None) -> Callable[[Checkout], list[str]]:
    return lambda c: [f"{pos(c, TSM, needle, at, start)}: page_states: {message}"]


STATES = "CONVERTING, CONFIDENTIAL, TVM_METADATA, TVM_MEMORY"
FENCE = "      to: CONFIDENTIAL\n      call: COVH.local_fence\n"
CONVERT = """    - from: HOST
      to: CONVERTING
      call: COVH.convert_pages
      doc: Unmapped from the host's G-stage.
"""
CONFIDENTIAL = """    - name: CONFIDENTIAL
      value: 2
      host_access: false
      confidential: true
"""
TVM_METADATA = """    - name: TVM_METADATA
      value: 3
"""
TVM_MEMORY = """    - name: TVM_MEMORY
      value: 4
"""
QUARANTINED = """    - name: QUARANTINED
      value: 5
      host_access: false
      confidential: true
      doc: Held back after a failed reclaim.
  transitions:
"""
SECOND_HOST = """    - name: HOST
      value: 5
      host_access: true
      confidential: false
      doc: A second host state.
  transitions:
"""
SELF_LOOP = """    - from: CONFIDENTIAL
      to: CONFIDENTIAL
      call: COVH.reclaim_pages
      doc: Zeroed in place.
"""
EXTRA_SPEC = """title: More page states
page_states:
  name: granule_state
  source: covekit
  doc: A second page-state machine.
  states:
    - name: UNDELEGATED
      value: 0
      host_access: true
      confidential: false
      doc: The host's.
  transitions: []
"""


def _renumbered(c: Checkout) -> list[str]:
    def refused(state: str, new: int, old: int) -> str:
        ident = f"enum page_state.{state}"
        return (f"{pos(c, TSM, f'value: {new}', at=str(new), start=f'- name: {state}')}: "
                f"{ident} is renumbered: the spec says {new}, {LOCK}:"
                f"{lock_line(c, f'{ident} {old}')}:1 locks {old}; to break the ABI on purpose: "
                f"./tools/regen --accept-break '{ident}' --reason '...'")
    return [refused("CONFIDENTIAL", 3, 2), refused("TVM_METADATA", 2, 3)]


def _swap_values(c: Checkout) -> None:
    c.edit(TSM, CONFIDENTIAL, CONFIDENTIAL.replace("value: 2", "value: 3"))
    c.edit(TSM, TVM_METADATA, TVM_METADATA.replace("value: 3", "value: 2"))


def _duplicate_transition(c: Checkout) -> list[str]:
    first = pos(c, TSM, "- from: HOST", at="HOST")
    second = pos(c, TSM, "- from: HOST", at="HOST", start="doc: Unmapped from the host's")
    return [f"{second}: page_states: duplicate transition HOST -> CONVERTING by "
            f"COVH.convert_pages (first at {first})"]


def _duplicate_value(c: Checkout) -> list[str]:
    first = pos(c, TSM, "value: 3", at="3", start="- name: TVM_METADATA")
    second = pos(c, TSM, "value: 3", at="3", start="- name: TVM_MEMORY")
    return [f"{second}: page_states: duplicate value 3 (first at {first})"]


def _duplicate_name(c: Checkout) -> list[str]:
    first = pos(c, TSM, "- name: HOST", at="HOST")
    second = pos(c, TSM, "- name: HOST", at="HOST", start="- name: TVM_MEMORY")
    return [f"{second}: page_states: duplicate state name 'HOST' (first at {first})"]


def _declared_twice(c: Checkout) -> list[str]:
    # Files load in name order: extra.yaml's declaration is the first.
    return [f"{TSM}:{c.line_of(TSM, 'page_states:')}:1: page_states: declared again (first at "
            f"{EXTRA}:2:1); at most one spec file declares the page states"]


CASES = [
    Case("unknown-state", edit(FENCE, FENCE.replace("to: CONFIDENTIAL", "to: CONFIDENTAIL")),
         one("to: CONFIDENTAIL", "transition CONVERTING -> CONFIDENTAIL by COVH.local_fence: "
             f"state 'CONFIDENTAIL' is not defined (states: HOST, {STATES})",
             at="CONFIDENTAIL")),
    Case("unknown-function", edit("call: COVH.local_fence", "call: COVH.local_fences"),
         one("call: COVH.local_fences", "transition CONVERTING -> CONFIDENTIAL by "
             "COVH.local_fences: COVH has no function 'local_fences'", at="COVH")),
    Case("unknown-extension", edit("call: COVH.local_fence", "call: COVX.local_fence"),
         one("call: COVX.local_fence", "transition CONVERTING -> CONFIDENTIAL by "
             "COVX.local_fence: extension 'COVX' is not defined", at="COVX")),
    Case("call-not-ext-dot-function", edit("call: COVH.local_fence", "call: local_fence"),
         lambda c: [f"{pos(c, TSM, 'call: local_fence', at='local')}: page_states.transitions"
                    f"[1].call: 'local_fence' is not a call: expected EXT.function, an "
                    f"extension and one of its functions (e.g. COVH.convert_pages)"]),
    Case("host-access-and-confidential",
         edit(CONFIDENTIAL, CONFIDENTIAL.replace("host_access: false", "host_access: true")),
         one("confidential: true", "state CONFIDENTIAL has both host_access and confidential; "
             "a page the host can reach cannot be confidential", at="true",
             start="- name: CONFIDENTIAL")),
    Case("unreachable-state", edit("  transitions:\n", QUARANTINED),
         one("- name: QUARANTINED", "state QUARANTINED is unreachable from HOST, the first "
             "state, where every page starts; add a transition into it", at="QUARANTINED")),
    Case("unreachable-states",  # every state past the missing fence, each at its name
         edit("""    - from: CONVERTING
      to: CONFIDENTIAL
      call: COVH.local_fence
      doc: The last hart's local fence completes the fence the page waited for.
""", ""),
         lambda c: [f"{pos(c, TSM, f'- name: {s}', at=s)}: page_states: state {s} is "
                    f"unreachable from HOST, the first state, where every page starts; add a "
                    f"transition into it" for s in ("CONFIDENTIAL", "TVM_METADATA",
                                                    "TVM_MEMORY")]),
    Case("duplicate-value", edit(TVM_MEMORY, TVM_MEMORY.replace("value: 4", "value: 3")),
         _duplicate_value),
    Case("duplicate-state-name", edit("  transitions:\n", SECOND_HOST), _duplicate_name),
    Case("value-gap", edit(TVM_MEMORY, TVM_MEMORY.replace("value: 4", "value: 5")),
         one("value: 3", "gap after TVM_METADATA (no state has value 4); values index the "
             "generated tables, so they run 0, 1, 2, ... without gaps", at="3",
             start="- name: TVM_METADATA")),
    Case("duplicate-transition", edit(CONVERT, CONVERT + CONVERT), _duplicate_transition),
    Case("transition-to-itself", edit(CONVERT, CONVERT + SELF_LOOP),
         one("to: CONFIDENTIAL", "transition CONFIDENTIAL -> CONFIDENTIAL by "
             "COVH.reclaim_pages does not change the state; list only calls that move a page "
             "to another state", at="CONFIDENTIAL", start="doc: Unmapped from the host's")),
    Case("declared-twice", lambda c: c.write(EXTRA, EXTRA_SPEC), _declared_twice),
    Case("renumbered-state-refused-by-the-lock", _swap_values, _renumbered),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_page_states_are_refused(checkout: Checkout, case: Case) -> None:
    case.mutate(checkout)
    assert_regen_refused(checkout, case.expect(checkout))


def test_accepted_renumbering_regenerates_the_header(checkout: Checkout) -> None:
    _swap_values(checkout)
    r = checkout.regen("--accept-break", "enum page_state.*", "--reason", "scratch")
    assert r.returncode == 0, r.stderr
    header = checkout.read(HEADER)
    assert "\tTSM_PAGE_CONFIDENTIAL\t\t= 3," in header
    assert "\t[TSM_PAGE_TVM_METADATA] = \"TVM_METADATA\",\n\t[TSM_PAGE_CONFIDENTIAL]" in header
    assert checkout.regen("--check").returncode == 0
