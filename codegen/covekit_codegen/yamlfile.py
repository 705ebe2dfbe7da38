# SPDX-License-Identifier: GPL-2.0-only
"""YAML files read with the line and column of every node, and every mistake
reported as FILE:LINE:COL: message, at the place to fix, in words a person
editing the file can act on.

The one implementation for the spec (loader) and for the tools' YAML files
(series.yaml, upstreams.yaml, checkpatch-ignore.yaml, the ABI coverage
exemptions), which reach it through covekit_codegen.api.

  load(path, name)      read, decode and parse a file
  decode(raw, name)     bytes -> text; a bad byte is reported where it is
  parse(text, name)     text -> data (ruamel's CommentedMap, CommentedSeq...)
  node_pos, key_pos     where a node, a key's value, an item or a key is
  kind(value)           how a message names a value of the wrong kind

Each raises SpecError; name is the file as messages print it.

Limits, so that no file ends in a RecursionError, a MemoryError or a hang
(Documentation/spec.rst, "Limits"): collections nest at most MAX_DEPTH deep
(aliased ones counted where they are used); aliases, merge keys included,
add at most MAX_ALIAS_NODES nodes to a file, counted while composing, before
any Python object is built; an alias may not refer to a node that contains
it, nor an anchor name be defined twice; a number is at most
MAX_NUMBER_CHARS characters long.  An aliased value
is reported at the alias, where it is used, not at its anchor.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import RoundTripScanner, ScannerError

from .diagnostics import Pos, Problem, SpecError

MAX_DEPTH = 64
MAX_ALIAS_NODES = 10000
MAX_NUMBER_CHARS = 100
_INT_TAG = "tag:yaml.org,2002:int"


class _LimitError(ScannerError):  # type: ignore[misc]
    """A limit the scanner enforces."""


class _BoundedScanner(RoundTripScanner):  # type: ignore[misc]
    """Refuses deep flow nesting as it reads it: ruamel's scanner looks up
    to 1024 characters ahead for a simple key, at a cost that grows with
    the flow depth, before the composer sees the first collection."""

    def fetch_flow_collection_start(self, token_class: Any, to_push: str) -> None:
        if len(self.flow_context) >= MAX_DEPTH:
            raise _LimitError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                              self.reader.get_mark())
        super().fetch_flow_collection_start(token_class, to_push)


class _BoundedComposer(Composer):  # type: ignore[misc]
    """ruamel's composer with the limits above.

    An alias becomes a copy of its anchored node carrying the alias's
    position (sharing the anchored node's children), so that positions,
    and messages, point at the alias.
    """

    def compose_document(self) -> Any:
        self._level = 0
        self._open: list[str] = []  # anchors of the collections being composed
        self._expanded = 0
        self._size: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, height)
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None and not isinstance(event, AliasEvent) and anchor in self.anchors:
            first = self.anchors[anchor].start_mark
            raise ComposerError(None, None, f"anchor &{anchor} is defined again (first at "
                                f"line {first.line + 1}, column {first.column + 1}); give each "
                                f"anchor its own name", event.start_mark)
        if isinstance(event, AliasEvent):
            return self._alias(event) if event.anchor in self.anchors else \
                super().compose_node(parent, index)  # ruamel's "undefined alias"
        if isinstance(event, ScalarEvent):
            node = super().compose_node(parent, index)
            if str(node.tag) == _INT_TAG and len(node.value) > MAX_NUMBER_CHARS:
                raise ComposerError(None, None, f"a number {len(node.value)} characters long; "
                                    f"a spec number has at most {MAX_NUMBER_CHARS}",
                                    node.start_mark)
            return node
        if not isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            return super().compose_node(parent, index)
        self._level += 1
        if self._level > MAX_DEPTH:
            raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                event.start_mark)
        self._open.append(event.anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open.pop()
            self._level -= 1

    def _alias(self, event: AliasEvent) -> Node:
        self.parser.get_event()
        if event.anchor in self._open:
            raise ComposerError(None, None, f"alias *{event.anchor} refers to the node that "
                                f"contains it; YAML that contains itself is not a spec value",
                                event.start_mark)
        node = self.anchors[event.anchor]
        nodes, height = self._measure(node)
        self._expanded += nodes
        if self._expanded > MAX_ALIAS_NODES:
            raise ComposerError(None, None, f"aliases expand this file to more than "
                                f"{MAX_ALIAS_NODES} nodes; write the values out instead of "
                                f"aliasing them", event.start_mark)
        if self._level + height > MAX_DEPTH:
            raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep (with "
                                f"what this alias stands for)", event.start_mark)
        if isinstance(node, ScalarNode):
            return ScalarNode(node.tag, node.value, event.start_mark, event.end_mark,
                              style=node.style)
        cls = MappingNode if isinstance(node, MappingNode) else SequenceNode
        return cls(node.tag, node.value, event.start_mark, event.end_mark,
                   flow_style=node.flow_style)

    def _measure(self, node: Node) -> tuple[int, int]:
        """(nodes, nesting height) of what node stands for, aliases expanded."""
        known = self._size.get(id(node))
        if known is not None:
            return known
        nodes, height = 1, 0
        if isinstance(node, (MappingNode, SequenceNode)):
            height = 1
            children = ([n for pair in node.value for n in pair]
                        if isinstance(node, MappingNode) else node.value)
            for child in children:
                n, h = self._measure(child)
                nodes += n
                height = max(height, 1 + h)
        self._size[id(node)] = (nodes, height)
        return nodes, height


def node_pos(data: Any, file: str, key: str | int | None = None) -> Pos:
    """Position of a container, or of one key's value (or item) in it."""
    lc = getattr(data, "lc", None)
    if lc is None:
        return Pos(file)
    try:
        if key is None:
            line, col = lc.line, lc.col
        elif isinstance(data, CommentedSeq):
            line, col = lc.item(key)
        elif key in data and data[key] is None:
            # An empty value has no token; ruamel reports the next one, often
            # on a later line.  Point at the key instead.
            line, col = lc.key(key)
        else:
            line, col = lc.value(key) if key in data else (lc.line, lc.col)
    except (KeyError, IndexError, TypeError):
        line, col = lc.line, lc.col
    return Pos(file, line + 1, col + 1)


def key_pos(data: CommentedMap, file: str, key: str) -> Pos:
    """Position of a key itself (not its value)."""
    try:
        line, col = data.lc.key(key)
    except (KeyError, AttributeError):
        return node_pos(data, file)
    return Pos(file, line + 1, col + 1)


def load(path: Path, name: str, yaml: YAML | None = None) -> Any:
    """The data of the YAML file at path (None for an empty file)."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SpecError([Problem(Pos(name), f"cannot read: {err.strerror}")]) from None
    return parse(decode(raw, name), name, yaml)


def decode(raw: bytes, name: str) -> str:
    """raw as UTF-8 text; SpecError at the first byte that is not."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise SpecError([Problem(Pos(name, line, col), f"not UTF-8 text: byte "
                                 f"{raw[err.start]:#04x} ({err.reason})")]) from None


def parse(text: str, name: str, yaml: YAML | None = None) -> Any:
    """The data of YAML text, with positions (round-trip types).

    yaml: a loader of the caller's (one set up to dump the file back, say);
    duplicate keys are refused either way.
    """
    yaml = yaml or YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Composer = _BoundedComposer
    yaml.Scanner = _BoundedScanner
    try:
        return yaml.load(text)
    except MarkedYAMLError as err:
        raise SpecError([_yaml_problem(err, text, name)]) from None
    except ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        col = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        char = err.character if isinstance(err.character, int) else ord(err.character)
        raise SpecError([Problem(Pos(name, line, col), f"invalid YAML: control character "
                                 f"U+{char:04X} is not allowed in YAML text")]) from None
    except YAMLError as err:
        what = " ".join(str(err).split())
        raise SpecError([Problem(Pos(name), f"invalid YAML: {what}")]) from None


def _dup_key_name(err: MarkedYAMLError) -> str:
    problem = err.problem or ""
    start = problem.find('"')
    if start >= 0:
        end = problem.find('"', start + 1)
        return f" {problem[start:end + 1]}" if end > start else ""
    return ""


def _mark(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _yaml_problem(err: MarkedYAMLError, text: str, name: str) -> Problem:
    """One line a spec author can act on, at the place to fix, for a YAML error."""
    mark = err.problem_mark or err.context_mark
    pos = Pos(name, mark.line + 1, mark.column + 1) if mark else Pos(name)
    problem = " ".join((err.problem or "").split())
    context = " ".join((err.context or "").split())
    ctx_mark = err.context_mark
    if context == "while scanning a quoted scalar" and ctx_mark is not None and (
            "end of stream" in problem or "document separator" in problem):
        return Problem(Pos(name, ctx_mark.line + 1, ctx_mark.column + 1),
                       "invalid YAML: the quoted string that starts here is never closed")
    # The composer's own errors (limits, aliases) come after the scanner
    # has read the text: no runaway quote explains them.
    limit = isinstance(err, (ComposerError, _LimitError))
    quote = None if limit else _runaway_quote(text, mark)
    if quote is not None:
        return Problem(Pos(name, quote.line + 1, quote.column + 1),
                       f"invalid YAML: the quoted string that starts here is not closed on "
                       f"its line; it runs on to line {mark.line + 1}, where YAML fails "
                       f"({problem})")
    if "duplicate key" in problem:
        key = _dup_key_name(err)
        first = _first_key_line(text, ctx_mark, mark, key.strip(' "')) if key else None
        where = f" (first at line {first})" if first else ""
        return Problem(pos, f"invalid YAML: duplicate key{key}{where}")
    if "'\\t'" in problem or "\t" in problem:
        return Problem(pos, "invalid YAML: tab character; use spaces (YAML does not allow "
                       "tabs here)")
    flow = re.match(r"expected ',' or '([\]}])', but got (.*)$", problem)
    if flow and ctx_mark is not None:
        opening = "[" if flow.group(1) == "]" else "{"
        got = "the end of the file" if "stream end" in flow.group(2) else flow.group(2)
        return Problem(Pos(name, ctx_mark.line + 1, ctx_mark.column + 1),
                       f"invalid YAML: this '{opening}' is never closed: expected ',' or "
                       f"'{flow.group(1)}' but found {got} at {_mark(mark)}")
    if problem.startswith("expected <block end>") and ctx_mark is not None:
        return Problem(pos, f"invalid YAML: bad indentation: this line does not line up "
                       f"with the block that starts at {_mark(ctx_mark)}")
    if problem == "mapping values are not allowed here":
        return Problem(pos, "invalid YAML: unexpected ':' (bad indentation, or a value "
                       "containing ': ' that needs quotes)")
    what = problem or context or "invalid YAML"
    if context and ctx_mark is not None and (ctx_mark.line, ctx_mark.column) != (
            mark.line, mark.column):
        what += f" ({context} that starts at {_mark(ctx_mark)})"
    return Problem(pos, f"invalid YAML: {what}")


def _runaway_quote(text: str, mark: Any) -> Any:
    """Start of a quoted scalar that spans lines and ends on the error's line.

    A forgotten closing quote makes YAML swallow the following lines up to the
    next quote character and fail there; the place to fix is the opening quote.
    """
    if mark is None:
        return None
    start = None
    try:
        for token in YAML(typ="rt").scan(text):
            if token.start_mark.line > mark.line:
                break
            style = getattr(token, "style", None)
            if (style in ("'", '"') and token.end_mark.line == mark.line
                    and token.start_mark.line < mark.line):
                start = token.start_mark
    except YAMLError:
        pass
    return start


def _first_key_line(text: str, ctx_mark: Any, mark: Any, key: str) -> int | None:
    """Line of the first occurrence of a duplicated key in the same mapping."""
    if ctx_mark is None or mark is None:
        return None
    lines = text.splitlines()
    col = mark.column
    for n in range(ctx_mark.line, min(mark.line, len(lines))):
        line = lines[n]
        head, rest = line[:col], line[col:]
        if head.strip(" -") == "" and re.match(rf"""["']?{re.escape(key)}["']?\s*:""", rest):
            return n + 1
    return None


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"number {value}"
    if isinstance(value, str):
        return f"string {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    return type(value).__name__
