# SPDX-License-Identifier: GPL-2.0-only
"""Load spec YAML keeping line and column of every node, then validate it
against spec/schema.json, turning every failure into a positioned Problem."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from .diagnostics import Collector, Pos, Problem, SpecError


@dataclass
class Node:
    """A mapping from the spec with the file it came from, for positions."""

    data: CommentedMap
    file: str

    def pos(self, key: str | None = None) -> Pos:
        return node_pos(self.data, self.file, key)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def child(self, key: str) -> list[Node]:
        return [Node(item, self.file) for item in self.data.get(key, [])]


@dataclass
class SpecFile:
    path: Path
    name: str  # relative to the checkout, as printed in messages
    root: Node


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


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def load_yaml(path: Path, name: str) -> CommentedMap:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SpecError([Problem(Pos(name), f"cannot read: {err.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise SpecError([Problem(Pos(name, line, col), f"not UTF-8 text: byte "
                                 f"{raw[err.start]:#04x} ({err.reason})")]) from None
    try:
        data = _yaml().load(text)
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
    if data is None:
        raise SpecError([Problem(Pos(name, 1, 1), "empty file: expected a mapping with 'title'")])
    if not isinstance(data, CommentedMap):
        return _not_a_mapping(data, name)
    return data


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
    quote = _runaway_quote(text, mark)
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


def _not_a_mapping(data: Any, name: str) -> CommentedMap:
    pos = node_pos(data, name) if hasattr(data, "lc") else Pos(name, 1, 1)
    raise SpecError([Problem(pos, f"expected a mapping at the top level, got {_kind(data)}")])


# --- schema validation -----------------------------------------------------

def _is_integer(_checker: Any, instance: Any) -> bool:
    # YAML 48.0 is a float, and a bool is no number: both are wrong here.
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


def load_schema(path: Path, name: str | None = None) -> Any:
    """A validator for spec/schema.json; SpecError if that is not a valid schema."""
    name = name or f"{path.parent.name}/{path.name}"
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SpecError([Problem(Pos(name), f"cannot read: {err.strerror}")]) from None
    except UnicodeDecodeError as err:
        raise SpecError([Problem(Pos(name), f"not UTF-8 text: {err.reason}")]) from None
    except json.JSONDecodeError as err:
        raise SpecError([Problem(Pos(name, err.lineno, err.colno),
                                 f"invalid JSON: {err.msg}")]) from None
    try:
        _Validator.check_schema(schema)
    except jsonschema.SchemaError as err:
        where = ".".join(str(p) for p in err.absolute_path) or "top level"
        raise SpecError([Problem(Pos(name), f"not a valid JSON Schema: {where}: "
                                 f"{' '.join(err.message.split())}")]) from None
    return _Validator(schema)


def _kind(value: Any) -> str:
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


def _label(root: Any, path: list[str | int]) -> str:
    """extensions[COVH].functions[tsm_get_info].fid, for messages."""
    parts: list[str] = []
    node = root
    for step in path:
        if isinstance(step, int):
            name = node[step].get("name") if isinstance(node[step], dict) else None
            parts[-1] += f"[{name}]" if isinstance(name, str) else f"[{step}]"
        else:
            parts.append(step)
        node = node[step]
    return ".".join(parts) or "top level"


def _walk(root: Any, path: list[str | int]) -> tuple[Any, str | int | None]:
    """The container holding the last path element, and that element."""
    if not path:
        return root, None
    node = root
    for step in path[:-1]:
        node = node[step]
    return node, path[-1]


_TYPE_WORDS = {"integer": "an integer", "string": "a string", "boolean": "true or false",
               "array": "a list", "object": "a mapping"}


def _did_you_mean(word: Any, choices: list[str]) -> str | None:
    if not isinstance(word, str):
        return None
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_keys(err: jsonschema.ValidationError) -> list[Any]:
    allowed = err.schema.get("properties", {})
    return sorted((k for k in err.instance if k not in allowed), key=str)


def _typos(err: jsonschema.ValidationError) -> dict[Any, str]:
    """Unknown key -> the missing known key it is a misspelling of."""
    allowed = sorted(err.schema.get("properties", {}))
    typos: dict[Any, str] = {}
    for extra in _unknown_keys(err):
        missing = [k for k in allowed if k not in err.instance and k not in typos.values()]
        guess = _did_you_mean(extra, missing)
        if guess is not None:
            typos[extra] = guess
    return typos


_FIELD_TYPE = "^(u8|u16|u32|u64|s8|s16|s32|s64|ulong|long)"
# A page-state transition's call: EXT.function.
_CALL_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$"
# A measurement record's tag, and the type of one of its fields.
_TAG_PATTERN = "^[A-Z0-9_]{8}$"
_MEASURE_TYPE = r"^(u64|u8\[[1-9][0-9]*\])$"


def _schema_problems(err: jsonschema.ValidationError, root: Any, file: str,
                     misspelled: set[str]) -> list[Problem]:
    """Problems for one schema failure; misspelled: required keys whose absence
    is already reported as a typo of an unknown key."""
    path = list(err.absolute_path)
    label = _label(root, path)
    container, last = _walk(root, path)
    pos = node_pos(container, file, last)
    v, inst, arg = err.validator, err.instance, err.validator_value
    if v == "type":
        want = " or ".join(_TYPE_WORDS.get(t, t) for t in ([arg] if isinstance(arg, str) else arg))
        return [Problem(pos, f"{label}: expected {want}, got {_kind(inst)}")]
    if v == "required":
        missing = [k for k in arg if k not in inst and k not in misspelled]
        if not missing:
            return []
        keys = ", ".join(repr(k) for k in missing)
        return [Problem(node_pos(inst, file),
                        f"{label}: missing required key{'s' if len(missing) > 1 else ''} {keys}")]
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        typos = _typos(err)
        problems = []
        for extra in _unknown_keys(err):
            hint = (f"did you mean {typos[extra]!r}?" if extra in typos
                    else f"allowed: {', '.join(allowed)}")
            problems.append(Problem(key_pos(inst, file, extra),
                                    f"{label}: unknown key {extra!r} ({hint})"))
        return problems
    if v == "enum":
        choices = ", ".join(str(c) for c in arg)
        guess = _did_you_mean(inst, [str(c) for c in arg])
        hint = f"; did you mean {guess!r}?" if guess else ""
        return [Problem(pos, f"{label}: {_kind(inst)} is not one of: {choices}{hint}")]
    if v == "pattern":
        if arg == _CALL_PATTERN:
            return [Problem(pos, f"{label}: {inst!r} is not a call: expected EXT.function, "
                            f"an extension and one of its functions (e.g. COVH.convert_pages)")]
        if arg == _TAG_PATTERN:
            return [Problem(pos, f"{label}: {inst!r} is not a record tag: expected exactly 8 "
                            f"characters, each A-Z, 0-9 or '_'")]
        if arg == _MEASURE_TYPE:
            return [Problem(pos, f"{label}: {inst!r} is not a record field type: expected u64 "
                            f"or u8[N] (N bytes, e.g. u8[4096])")]
        if arg.startswith("^[A-Za-z_]"):
            return [Problem(pos, f"{label}: {inst!r} is not a valid C identifier (letters, "
                            f"digits and '_', not starting with a digit)")]
        if arg.startswith(_FIELD_TYPE):
            types = _FIELD_TYPE.strip("^()").replace("|", ", ")
            return [Problem(pos, f"{label}: {inst!r} is not a field type: expected one of "
                            f"{types}, optionally followed by an array length such as [4]")]
        return [Problem(pos, f"{label}: {inst!r} does not match the pattern {arg}")]
    if v == "minimum":
        return [Problem(pos, f"{label}: {inst} is below the minimum {arg}")]
    if v == "maximum":
        return [Problem(pos, f"{label}: {inst} is above the maximum {arg}")]
    if v == "minItems":
        return [Problem(pos, f"{label}: needs at least {arg} item(s)")]
    if v == "minLength":
        return [Problem(pos, f"{label}: must not be empty")]
    return [Problem(pos, f"{label}: {' '.join(err.message.split())}")]


def _leaf_errors(
    errors: Iterator[jsonschema.ValidationError],
) -> Iterator[jsonschema.ValidationError]:
    # A failed $ref/anyOf hides its cause in .context; report the cause.
    for err in errors:
        if err.context:
            yield from _leaf_errors(iter(err.context))
        else:
            yield err


def validate(validator: Any, data: CommentedMap, file: str, problems: Collector) -> None:
    errors = list(_leaf_errors(validator.iter_errors(data)))
    # A misspelt key is both unknown and, if required, missing: report it once.
    misspelled: dict[int, set[str]] = {}
    for err in errors:
        if err.validator == "additionalProperties":
            misspelled.setdefault(id(err.instance), set()).update(_typos(err).values())
    for err in errors:
        for p in _schema_problems(err, data, file, misspelled.get(id(err.instance), set())):
            problems.add(p.pos, p.message)


def load_spec_files(spec_dir: Path, root: Path, schema: Any) -> list[SpecFile]:
    """Load and schema-check every spec/*.yaml; raise SpecError on any problem."""
    paths = sorted(spec_dir.glob("*.yaml"))
    if not paths:
        rel = spec_dir.relative_to(root) if spec_dir.is_relative_to(root) else spec_dir
        raise SpecError([Problem(Pos(str(rel)), "no *.yaml spec files")])
    problems = Collector()
    files: list[SpecFile] = []
    for path in paths:
        name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        try:
            data = load_yaml(path, name)
        except SpecError as err:
            problems.problems.extend(err.problems)
            continue
        validate(schema, data, name, problems)
        files.append(SpecFile(path, name, Node(data, name)))
    problems.raise_if_any()
    return files
