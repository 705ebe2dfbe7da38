# SPDX-License-Identifier: GPL-2.0-only
"""Load spec YAML keeping line and column of every node (yamlfile), then
validate it against spec/schema.json, turning every failure into a
positioned Problem."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
from ruamel.yaml.comments import CommentedMap

from . import yamlfile
from .diagnostics import Collector, Pos, Problem, SpecError
from .yamlfile import key_pos, node_pos

__all__ = ["Node", "SpecFile", "key_pos", "load_schema", "load_spec_files", "node_pos",
           "validate"]


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


def load_yaml(path: Path, name: str) -> CommentedMap:
    data = yamlfile.load(path, name)
    if data is None:
        raise SpecError([Problem(Pos(name, 1, 1), "empty file: expected a mapping with 'title'")])
    if not isinstance(data, CommentedMap):
        pos = node_pos(data, name) if hasattr(data, "lc") else Pos(name, 1, 1)
        raise SpecError([Problem(pos, f"expected a mapping at the top level, got "
                                 f"{yamlfile.kind(data)}")])
    return data


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
        return [Problem(pos, f"{label}: expected {want}, got {yamlfile.kind(inst)}")]
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
        return [Problem(pos, f"{label}: {yamlfile.kind(inst)} is not one of: {choices}{hint}")]
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
