# SPDX-License-Identifier: GPL-2.0-only
"""Load spec YAML keeping line and column of every node, then validate it
against spec/schema.json, turning every failure into a positioned Problem."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

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
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise SpecError([Problem(Pos(name), f"not UTF-8 text: {err.reason}")]) from None
    except OSError as err:
        raise SpecError([Problem(Pos(name), f"cannot read: {err.strerror}")]) from None
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = Pos(name, mark.line + 1, mark.column + 1) if mark else Pos(name)
        what = err.problem or err.context or "invalid YAML"
        if "duplicate key" in what:
            what = f"duplicate key{_dup_key_name(err)}"
        raise SpecError([Problem(pos, f"invalid YAML: {what}")]) from None
    except YAMLError as err:
        raise SpecError([Problem(Pos(name), f"invalid YAML: {err}")]) from None
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


def load_schema(path: Path) -> Any:
    schema = json.loads(path.read_text(encoding="utf-8"))
    _Validator.check_schema(schema)
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


def _schema_problem(err: jsonschema.ValidationError, root: Any, file: str) -> Problem:
    path = list(err.absolute_path)
    label = _label(root, path)
    container, last = _walk(root, path)
    pos = node_pos(container, file, last)
    v, inst, arg = err.validator, err.instance, err.validator_value
    if v == "type":
        want = " or ".join(_TYPE_WORDS.get(t, t) for t in ([arg] if isinstance(arg, str) else arg))
        return Problem(pos, f"{label}: expected {want}, got {_kind(inst)}")
    if v == "required":
        missing = [k for k in arg if k not in inst]
        pos = node_pos(inst, file)
        return Problem(pos, f"{label}: missing required key {missing[0]!r}")
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(k for k in inst if k not in allowed)
        pos = key_pos(inst, file, extra[0])
        return Problem(pos, f"{label}: unknown key {extra[0]!r} (allowed: {', '.join(allowed)})")
    if v == "enum":
        choices = ", ".join(str(c) for c in arg)
        return Problem(pos, f"{label}: {_kind(inst)} is not one of: {choices}")
    if v == "pattern":
        if arg.startswith("^[A-Za-z_]"):
            return Problem(pos, f"{label}: {inst!r} is not a valid C identifier")
        return Problem(pos, f"{label}: {inst!r} does not match the pattern {arg}")
    if v == "minimum":
        return Problem(pos, f"{label}: {inst} is below the minimum {arg}")
    if v == "maximum":
        return Problem(pos, f"{label}: {inst} is above the maximum {arg}")
    if v == "minItems":
        return Problem(pos, f"{label}: needs at least {arg} item(s)")
    if v == "minLength":
        return Problem(pos, f"{label}: must not be empty")
    return Problem(pos, f"{label}: {err.message}")


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
    for err in _leaf_errors(validator.iter_errors(data)):
        p = _schema_problem(err, data, file)
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
