# SPDX-License-Identifier: GPL-2.0-only
"""Render outputs through jinja2 with the banner and text helpers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import jinja2

from .atomic import owned_tempdir
from .diagnostics import ToolMissing
from .model import Spec
from .outputs import Output

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SPDX = "GPL-2.0-only OR BSD-2-Clause"
# Every generated file carries this; --linux-out overwrites only such files.
DO_NOT_EDIT = "Do not edit: change the spec and run ./tools/regen."


# A sentence ends at . ! or ? followed by a space, unless it is one of these.
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.")


def _first_sentence_end(text: str) -> int:
    for m in re.finditer(r"[.!?](\s|$)", text):
        end = m.start() + 1
        if not text[:end].endswith(_ABBREVIATIONS):
            return end
    return len(text)


def summary(doc: str) -> str:
    """First sentence of a doc string, without its full stop."""
    text = " ".join(doc.split())
    return text[:_first_sentence_end(text)].rstrip(".")


def details(doc: str) -> str:
    """Everything after the first sentence."""
    text = " ".join(doc.split())
    return text[_first_sentence_end(text):].strip()


def comment(text: str, prefix: str = " * ", width: int = 80, first: str | None = None) -> str:
    """Wrap text into comment lines, tabs counting to the next multiple of 8;
    the first line may carry its own prefix (e.g. ' * @name: ')."""
    text = " ".join(text.split())
    first = prefix if first is None else first
    if not text:
        return first.rstrip()
    lines = textwrap.wrap(text, width=width, initial_indent=first.expandtabs(8),
                          subsequent_indent=prefix.expandtabs(8),
                          break_on_hyphens=False, break_long_words=False)
    out = [first + lines[0][len(first.expandtabs(8)):]]
    out += [prefix + line[len(prefix.expandtabs(8)):] for line in lines[1:]]
    return "\n".join(line.rstrip() for line in out)


def c_comment(text: str, indent: str = "", width: int = 80) -> str:
    """A one-line /* comment */ when it fits, else a kernel-style block."""
    text = " ".join(text.split())
    one = f"{indent}/* {text} */"
    if _columns(one) <= width:
        return one
    return f"{indent}/*\n{comment(text, prefix=indent + ' * ', width=width)}\n{indent} */"


def _columns(text: str) -> int:
    col = 0
    for ch in text:
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    return col


def c_call(head: str, items: list[str], tail: str = "", width: int = 80) -> str:
    """``head(a, b, c)tail`` wrapped kernel style: continuation lines align
    with the first item, using tabs then spaces."""
    items = list(items)
    one = f"{head}({', '.join(items)}){tail}"
    if _columns(one.split("\n")[-1]) <= width or not items:
        return one
    indent_cols = _columns(head + "(")
    lead = head[: len(head) - len(head.lstrip())]
    pad = lead + "\t" * ((indent_cols - _columns(lead)) // 8)
    pad += " " * (indent_cols - _columns(pad))
    lines: list[str] = []
    cur = head + "("
    for i, item in enumerate(items):
        piece = item + (", " if i < len(items) - 1 else f"){tail}")
        if cur not in (head + "(", pad) and _columns(cur + piece.rstrip()) > width:
            lines.append(cur.rstrip())
            cur = pad
        cur += piece
    lines.append(cur)
    return "\n".join(lines)


def align_column(names: list[str], lead: int = 8) -> int:
    """The tab stop after the longest name (lead: columns before names)."""
    return (lead + max(len(n) for n in names)) // 8 * 8 + 8


def tab_to(text: str, column: int) -> str:
    """Pad with tabs so that what follows starts at column (a multiple of 8)."""
    cols = _columns(text)
    tabs = max(1, (column - cols + 7) // 8)
    return text + "\t" * tabs


def rst_wrap(text: str, indent: str = "", width: int = 78) -> str:
    text = " ".join(text.split())
    return "\n".join(textwrap.wrap(text, width=width, initial_indent=indent,
                                   subsequent_indent=indent, break_on_hyphens=False,
                                   break_long_words=False))


def banner(spec: Spec, out: Output) -> str:
    sources = ", ".join(spec.file_names)
    how = " and graphviz (dot -Tsvg)" if out.svg_of else ""
    lines = [f"Generated from {sources}",
             f"by codegen/templates/{out.template}{how}.",
             DO_NOT_EDIT]
    if out.comment_style == "rst":
        body = "\n".join(f"   {line}" for line in lines)
        return f".. SPDX-License-Identifier: {SPDX}\n\n..\n{body}\n"
    if out.comment_style == "xml":
        body = "\n".join(f"  {line}" for line in lines)
        return f"<!-- SPDX-License-Identifier: {SPDX} -->\n<!--\n{body}\n-->\n"
    body = "\n".join(f" * {line}" for line in lines)
    return f"/* SPDX-License-Identifier: {SPDX} */\n/*\n{body}\n */\n"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True,
                             autoescape=False)
    env.filters.update(summary=summary, details=details, comment=comment, rst_wrap=rst_wrap,
                       c_call=c_call, tab_to=tab_to, align_column=align_column,
                       add_suffix=lambda text, suffix: text + suffix, c_comment=c_comment,
                       hex=lambda v, width=0: f"0x{v:0{width}X}")
    return env


def render(env: jinja2.Environment, spec: Spec, out: Output) -> bytes:
    template = env.get_template(out.template)
    text = template.render(spec=spec, banner=banner(spec, out), out=out, **out.context)
    text = re.sub(r"\n{3,}", "\n\n", text)  # templates may leave runs of blank lines
    return text.rstrip("\n").encode("utf-8") + b"\n"


def render_all(env: jinja2.Environment, spec: Spec, outs: list[Output]) -> dict[str, bytes]:
    """Every output's content, in list order; an SVG is drawn from the
    rendered output it names.  Raises ToolMissing, before running any tool,
    when graphviz is needed and not installed."""
    drawn = [o for o in outs if o.svg_of is not None]
    dot = find_dot(drawn[0].path) if drawn else ""
    done = {o.path: render(env, spec, o) for o in outs if o.svg_of is None}
    for o in drawn:
        done[o.path] = render_svg(dot, spec, o, done[o.svg_of])
    return {o.path: done[o.path] for o in outs}


# --- graphviz ------------------------------------------------------------------
#
# dot measures text with the fonts fontconfig finds (through its pango
# plugin), so the same .dot lays out differently on machines with other fonts
# installed.  We run it with only its core (SVG) and dot_layout plugins; text
# is then measured with graphviz's built-in font metrics, and the SVG is the
# same on every machine with the same graphviz.

DOT_PLUGINS = ("libgvplugin_core", "libgvplugin_dot_layout")


def find_dot(needed_for: str) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise ToolMissing(f"graphviz 'dot' is not installed (needed for {needed_for}); "
                          f"run: sudo tools/install-deps")
    return dot


def _run(argv: list[str], env: dict[str, str],
         data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run a graphviz command; its failure is a bug in codegen (exit 3)."""
    proc = subprocess.run(argv, input=data, env=env, capture_output=True, timeout=120)
    if proc.returncode != 0:
        err = " ".join(proc.stderr.decode(errors="replace").split())
        raise RuntimeError(f"{' '.join(argv)} failed (exit {proc.returncode}): {err}")
    return proc


def _core_plugins(dot: str, tmp: Path, env: dict[str, str]) -> None:
    """Set tmp up as a GVBINDIR holding only DOT_PLUGINS, with its config."""
    verbose = _run([dot, "-v", "-Tcanon"], env, b"digraph {}").stderr.decode(errors="replace")
    m = re.search(r'libdir = "([^"]+)"', verbose)
    libdir = Path(m.group(1)) if m else None
    for name in DOT_PLUGINS:
        libs = sorted(libdir.glob(f"{name}.so*")) if libdir and libdir.is_dir() else []
        if not libs:
            raise ToolMissing(f"graphviz's {name} plugin is not in {libdir or 'its libdir'}; "
                              f"run: sudo apt-get install --reinstall libgvc6")
        for lib in libs:
            (tmp / lib.name).symlink_to(lib)
    _run([dot, "-c"], dict(env, GVBINDIR=str(tmp)))


def render_svg(dot: str, spec: Spec, out: Output, source: bytes) -> bytes:
    """dot -Tsvg of source, without graphviz's version, behind our banner."""
    env = dict(os.environ, LC_ALL="C")
    env.pop("GVBINDIR", None)
    with owned_tempdir("dot") as tmp:
        _core_plugins(dot, tmp, env)
        svg = _run([dot, "-Tsvg"], dict(env, GVBINDIR=str(tmp)), source).stdout.decode("utf-8")
    # The XML declaration is optional (UTF-8 is the default); dropping it lets
    # the banner come first, as in every output.
    svg = re.sub(r"\A<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"<!-- Generated by graphviz.*?-->\s*", "", svg, flags=re.DOTALL)
    return (banner(spec, out) + svg.rstrip("\n") + "\n").encode("utf-8")
