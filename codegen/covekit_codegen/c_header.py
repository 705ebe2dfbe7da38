# SPDX-License-Identifier: GPL-2.0-only
"""The integer constants a C header defines: enum members and #defines.

Enough of C for the kernel's asm/sbi.h: every enum (values implicit or
given by an expression), object-like #defines, and function-like ones
(kept so a constant may use them, e.g. BIT(3)).  Preprocessor conditionals
are ignored: a name defined in any branch counts.  A value the evaluator
does not understand is kept as text, never guessed.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass

from .diagnostics import Pos, Problem, SpecError

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\([^)]*\))?[ \t]*(.*)$")
_ENUM = re.compile(r"\benum\s+([A-Za-z_]\w*)\s*\{")
_MEMBER = re.compile(r"([A-Za-z_]\w*)\s*(?:=\s*(.+))?", re.S)
_INT_SUFFIX = re.compile(r"\b(0[xX][0-9a-fA-F]+|\d+)(?:[uU]?[lL]{0,2}|[lL]{1,2}[uU])\b")
# What the kernel's own headers give these, for an RV64 kernel.
BUILTINS = {"__riscv_xlen": 64, "BITS_PER_LONG": 64}


@dataclass
class Constant:
    name: str
    text: str  # the expression as written (comments removed)
    value: int | None  # None: not an integer constant this evaluator can compute
    line: int
    col: int
    enum: str | None = None  # the enum tag, for an enum member


@dataclass
class Macro:
    params: list[str]
    body: str
    line: int


def _blank(m: re.Match[str]) -> str:
    # Keep offsets (and so line numbers) while hiding the text.
    return re.sub(r"[^\n]", " ", m.group(0))


def _join_continuations(code: str) -> str:
    # A backslash-newline becomes two spaces plus a newline at the end of the
    # logical line, so every physical line keeps its number.
    out: list[str] = []
    pending = 0
    for line in code.split("\n"):
        if line.endswith("\\"):
            out.append(line[:-1] + " ")
            pending += 1
            continue
        out.append(line)
        if pending:
            joined = " ".join(out[-pending - 1:])
            out[-pending - 1:] = [joined] + [""] * pending
            pending = 0
    return "\n".join(out)


@functools.cache
def _parse(text: str) -> ast.expr | None:
    # Cached: an index macro is evaluated for thousands of keys.
    try:
        return ast.parse(_INT_SUFFIX.sub(r"\1", text), mode="eval").body
    except SyntaxError:
        return None


class Header:
    """The constants of one header text; name is how messages call it."""

    def __init__(self, text: str, name: str):
        self.name = name
        self.constants: dict[str, Constant] = {}
        self.macros: dict[str, Macro] = {}
        self.enums: set[str] = set()
        code = _COMMENT.sub(_blank, text)
        logical = _join_continuations(code)
        for n, line in enumerate(logical.split("\n"), 1):
            m = _DEFINE.match(line)
            if m is None:
                continue
            name_, params, body = m.group(1), m.group(2), m.group(3).strip()
            if params is not None:
                self.macros[name_] = Macro([p.strip() for p in params[1:-1].split(",")
                                            if p.strip()], body, n)
            elif name_ not in self.constants:
                self.constants[name_] = Constant(name_, body, None, n, m.start(1) + 1)
        # Directives inside enums (#ifdef CONFIG_...) are blanked, not parsed.
        enum_code = re.sub(r"(?m)^[ \t]*#.*$", _blank, logical)
        for m in _ENUM.finditer(enum_code):
            self._enum(enum_code, m)
        for c in self.constants.values():
            if c.enum is None:
                c.value = self.evaluate(c.text)

    def _enum(self, code: str, start: re.Match[str]) -> None:
        tag = start.group(1)
        end = code.find("}", start.end())
        if end < 0:
            line = code.count("\n", 0, start.start()) + 1
            raise SpecError([Problem(Pos(self.name, line, 1), f"enum {tag} is not closed")])
        self.enums.add(tag)
        value: int | None = -1
        offset = start.end()
        for piece in code[start.end():end].split(","):
            stripped = piece.strip()
            at = offset + (piece.find(stripped) if stripped else 0)
            offset += len(piece) + 1
            if not stripped:
                continue
            line = code.count("\n", 0, at) + 1
            col = at - (code.rfind("\n", 0, at) + 1) + 1
            m = _MEMBER.fullmatch(stripped)
            if m is None:
                raise SpecError([Problem(Pos(self.name, line, col),
                                         f"enum {tag}: cannot parse member {stripped!r}")])
            if m.group(2) is not None:
                text = " ".join(m.group(2).split())
                value = self.evaluate(text)
            else:
                text = "(previous + 1)"
                value = None if value is None else value + 1
            if m.group(1) not in self.constants:
                self.constants[m.group(1)] = Constant(m.group(1), text, value, line, col, tag)

    def evaluate(self, text: str, scope: dict[str, int] | None = None,
                 depth: int = 0) -> int | None:
        """The integer value of a C constant expression, or None."""
        if depth > 20 or not text:
            return None
        tree = _parse(text)
        if tree is None:
            return None
        try:
            return self._eval(tree, scope or {}, depth)
        except (Unknown, ZeroDivisionError, RecursionError):
            return None

    def _name(self, name: str, scope: dict[str, int], depth: int) -> int:
        if name in scope:
            return scope[name]
        if name in BUILTINS:
            return BUILTINS[name]
        c = self.constants.get(name)
        if c is None:
            raise Unknown(name)
        if c.enum is not None:
            if c.value is None:
                raise Unknown(name)
            return c.value
        value = self.evaluate(c.text, None, depth + 1)
        if value is None:
            raise Unknown(name)
        return value

    def _eval(self, node: ast.AST, scope: dict[str, int], depth: int) -> int:
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return node.value
        if isinstance(node, ast.Name):
            return self._name(node.id, scope, depth)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd,
                                                                  ast.Invert)):
            v = self._eval(node.operand, scope, depth)
            return {ast.USub: -v, ast.UAdd: v, ast.Invert: ~v}[type(node.op)]
        if isinstance(node, ast.BinOp):
            a = self._eval(node.left, scope, depth)
            b = self._eval(node.right, scope, depth)
            op = type(node.op)
            if op is ast.Div:  # C division truncates toward zero
                q = abs(a) // abs(b)
                return q if (a < 0) == (b < 0) else -q
            ops = {ast.Add: lambda: a + b, ast.Sub: lambda: a - b, ast.Mult: lambda: a * b,
                   ast.Mod: lambda: a % b, ast.LShift: lambda: a << b,
                   ast.RShift: lambda: a >> b, ast.BitOr: lambda: a | b,
                   ast.BitAnd: lambda: a & b, ast.BitXor: lambda: a ^ b}
            if op in ops:
                return ops[op]()
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
            args = [self._eval(a, scope, depth) for a in node.args]
            return self.call(node.func.id, args, depth)
        raise Unknown(ast.dump(node))

    def call(self, name: str, args: list[int], depth: int = 0) -> int:
        """A function-like macro applied to integer arguments."""
        if name in ("BIT", "BIT_ULL") and len(args) == 1:
            return 1 << args[0]
        if name in ("GENMASK", "GENMASK_ULL") and len(args) == 2:
            return ((1 << (args[0] + 1)) - 1) & ~((1 << args[1]) - 1)
        if name in ("_AC", "_UL", "_ULL", "UL", "ULL") and args:
            return args[0]
        macro = self.macros.get(name)
        if macro is None or len(macro.params) != len(args):
            raise Unknown(name)
        value = self.evaluate(macro.body, dict(zip(macro.params, args, strict=True)), depth + 1)
        if value is None:
            raise Unknown(name)
        return value


class Unknown(Exception):
    """A name or construct the evaluator cannot give a value."""
