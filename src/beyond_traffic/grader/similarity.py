"""Fingerprints of answers that survive renaming and reformatting: code by AST, Chinese by words."""

# Code: the answer's AST with every name the student chose (variables, parameters, functions,
# classes) replaced by its order of first appearance, docstrings and top-level displays dropped,
# then read as a token stream; formatting and comments never reach the AST. Names the student did
# not choose (builtins, imported modules, attributes such as ``.append``) stay, so two answers
# that call different library functions differ. Two answers are "similar" when their streams are
# equal or share most of their 5-token shingles. Chinese written answers are cut into words with
# the course tokenizer and compared by 3-word shingles.

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass

__all__ = [
    "MIN_CODE_TOKENS",
    "MIN_TEXT_TOKENS",
    "Fingerprint",
    "code_fingerprint",
    "text_fingerprint",
    "resemblance",
]

#: Answers shorter than this (canonical tokens / words) are too small to tell copying apart.
MIN_CODE_TOKENS = 40
MIN_TEXT_TOKENS = 20
_BUILTINS = frozenset(dir(builtins))


@dataclass(frozen=True)
class Fingerprint:
    """The canonical token stream of one answer and its shingles.

    Attributes:
        tokens: the canonical tokens (code) or words (text).
        shingles: the set of consecutive token runs compared between answers.
    """

    tokens: tuple[str, ...]
    shingles: frozenset[tuple[str, ...]]


class _Canon(ast.NodeTransformer):
    """Rename every name the student chose to ``v0``, ``v1``… in order of first appearance."""

    def __init__(self, keep: set[str]) -> None:
        self.keep = keep
        self.names: dict[str, str] = {}

    def _new(self, name: str) -> str:
        if name in self.keep or name in _BUILTINS:
            return name
        return self.names.setdefault(name, f"v{len(self.names)}")

    def visit_Name(self, node: ast.Name) -> ast.AST:
        node.id = self._new(node.id)
        return node

    def visit_arg(self, node: ast.arg) -> ast.AST:
        node.arg = self._new(node.arg)
        node.annotation = None
        return node

    def _body(self, node):
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            if isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        node.name = self._new(node.name)
        node.returns = None
        self.generic_visit(node)
        return self._body(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        node.name = self._new(node.name)
        self.generic_visit(node)
        return self._body(node)


def _imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add((alias.asname or alias.name).split(".")[0])
    return names


def _tokens_of(node: ast.AST) -> list[str]:
    out: list[str] = []
    for child in ast.walk(node):
        out.append(type(child).__name__)
        for field in ("id", "arg", "attr", "name"):
            value = getattr(child, field, None)
            if isinstance(value, str):
                out.append(value)
        if isinstance(child, ast.Constant):
            out.append(repr(child.value))
    return out


def _shingles(tokens: tuple[str, ...], width: int) -> frozenset[tuple[str, ...]]:
    if len(tokens) < width:
        return frozenset([tokens]) if tokens else frozenset()
    return frozenset(tokens[i : i + width] for i in range(len(tokens) - width + 1))


def code_fingerprint(source: str, *, keep: set[str] | frozenset[str] = frozenset()) -> Fingerprint:
    """The fingerprint of Python ``source``; renaming and reformatting leave it unchanged.

    Args:
        source: the answer cell's code.
        keep: names that are not the student's choice (the notebook's given functions).

    Example:
        >>> a = code_fingerprint("def f(词):\\n    return len(词)")
        >>> b = code_fingerprint("def g( word ):\\n    # 长度\\n    return len(word)")
        >>> a == b
        True
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return Fingerprint((), frozenset())
    # A bare expression at the top shows a result (the release's worked example): not logic.
    tree.body = [node for node in tree.body if not isinstance(node, ast.Expr)]
    tree = _Canon(set(keep) | _imported(tree)).visit(tree)
    tokens = tuple(_tokens_of(tree)[1:])  # without the Module node
    return Fingerprint(tokens, _shingles(tokens, 5))


def text_fingerprint(text: str) -> Fingerprint:
    """The fingerprint of a Chinese written answer: its words (course tokenizer), 3-word runs.

    Example:
        >>> text_fingerprint("直播带货是营销方式。").tokens[:2]
        ('直播带货', '是')
    """
    from ..segment import tokenize

    words = tuple(w for w in tokenize(text) if w.strip() and not _is_punct(w))
    return Fingerprint(words, _shingles(words, 3))


def _is_punct(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)


def resemblance(a: Fingerprint, b: Fingerprint) -> float:
    """Jaccard resemblance of two fingerprints' shingles (1.0 for equal token streams).

    Example:
        >>> f = code_fingerprint("x = [1, 2]")
        >>> resemblance(f, f)
        1.0
    """
    if a.tokens and a.tokens == b.tokens:
        return 1.0
    if not a.shingles or not b.shingles:
        return 0.0
    return len(a.shingles & b.shingles) / len(a.shingles | b.shingles)
