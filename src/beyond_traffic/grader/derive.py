"""Derive from a test cell the code that only observes: all that runs in the student's kernel."""

# A test cell (see docs/grading.md) creates a Checker, observes student values with
# ``ck.observe(key, lambda: ...)`` and compares them with ``ck.expect_*``. The kernel needs only the
# observing half: the ``observe`` calls and the statements their lambdas depend on (imports, the
# Checker, inputs). Everything else — expected values, reference computations, hidden
# expectations, ``report()`` — runs only in the grader's trusted replay, so no kernel can read it.
#
# Derivation is mechanical: a backward pass over the cell keeps a statement when it contains an
# ``observe`` call or binds a name that a kept statement reads; compound statements that are kept
# lose the checks inside them. Names are collected conservatively (every loaded name counts), so
# doubt keeps code *in* the kernel, and :func:`expected_value_leaks` then refuses any expected
# value that kept code could reach.

from __future__ import annotations

import ast

from .cell_ast import (
    BODIES,
    EXPECT_ARGUMENTS,
    PASS_THROUGH,
    bound_names,
    call_name,
    contains_observe,
    expected_args,
    is_check,
    is_observe,
    loaded_names,
)

__all__ = ["OBSERVE_MARK", "observation_code", "expected_value_leaks"]

#: Cell metadata key marking a test cell reduced to its observation code (kept out of ``In``).
OBSERVE_MARK = "beyond_traffic_observe"


def _without_checks(stmt: ast.stmt) -> ast.stmt:
    """A copy of ``stmt`` whose nested bodies keep only what observes or binds."""
    node = ast.parse(ast.unparse(stmt)).body[0]
    for sub in ast.walk(node):
        for field in BODIES:
            body = getattr(sub, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                kept = [s for s in body if not is_check(s)]
                setattr(sub, field, kept or [ast.Pass()])
    return node


def _derive(stmts: list[ast.stmt]) -> list[ast.stmt]:
    kept: list[ast.stmt] = []
    needed: set[str] = set()
    for stmt in reversed(stmts):
        if is_observe(stmt):
            node = stmt
        elif contains_observe(stmt) or bound_names(stmt) & needed:
            if isinstance(stmt, ast.Expr):
                continue  # a bare expression binds nothing a later statement could need
            node = _without_checks(stmt)
        else:
            continue
        kept.append(node)
        needed |= loaded_names(node)
    kept.reverse()
    return kept


def observation_code(source: str) -> str:
    """The observing part of a test cell: what the grader runs in the student's kernel.

    Args:
        source: the instructor's test-cell code (hidden tests included).

    Returns:
        Python source holding the imports, the ``Checker`` and every ``observe`` call with what
        their lambdas need — no expectation and no expected value. Empty when nothing observes.

    Raises:
        SyntaxError: the cell does not parse.

    Example:
        >>> cell = '''
        ... from beyond_traffic.grading import Checker
        ... ck = Checker("q1", points=1)
        ... text = "直播帶(dài)貨(huò)"
        ... ck.observe("demo", lambda: q1_strip(text))
        ... ck.expect_equal("demo", "直播帶貨")
        ... ck.report()'''
        >>> print(observation_code(cell))
        from beyond_traffic.grading import Checker
        ck = Checker('q1', points=1)
        text = '直播帶(dài)貨(huò)'
        ck.observe('demo', lambda: q1_strip(text))
    """
    if not isinstance(source, str):
        raise TypeError(f"source must be str, got {type(source).__name__}")
    tree = ast.parse(source)
    kept = _derive(tree.body)
    return ast.unparse(ast.Module(body=kept, type_ignores=[])) if kept else ""


def _names_passed_on(node: ast.AST) -> set[str]:
    """Names whose values can reach the expected value, not only feed a reference computation."""
    found: set[str] = set()

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
            found.add(n.id)
            return
        if isinstance(n, ast.Call) and call_name(n) not in PASS_THROUGH:
            # Arguments are inputs of a reference computation, and a called name is a function;
            # but a method of a value (``ref.upper()``) still passes that value on.
            if isinstance(n.func, ast.Attribute):
                visit(n.func.value)
            return
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found


def expected_value_leaks(source: str) -> list[str]:
    """Expectations whose expected value the kernel's observation code could read.

    Observation code runs in the student's kernel, so a name it binds (an input of an ``observe``
    lambda) must not *be* an expected value: it may appear in an expectation only as an argument
    of a call that computes the reference, such as ``strip_pinyin_annotations(_a1)``.

    Example:
        >>> cell = '''
        ... from beyond_traffic.grading import Checker
        ... ck = Checker("q2", points=1)
        ... ref = ["流量", "赋能"]
        ... ck.observe("words", lambda: q2_words(ref))
        ... ck.expect_equal("words", ref)
        ... ck.report()'''
        >>> expected_value_leaks(cell)
        ["line 6: expect_equal('words', …) expects ref, which the kernel's observation code holds"]
    """
    tree = ast.parse(source)
    in_kernel: set[str] = set()
    for stmt in _derive(tree.body):
        in_kernel |= bound_names(stmt)
    leaks = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or call_name(node) not in EXPECT_ARGUMENTS:
            continue
        if not isinstance(node.func, ast.Attribute):
            continue
        reached = set()
        for arg in expected_args(node):
            reached |= _names_passed_on(arg) & in_kernel
        if reached:
            key = ast.unparse(node.args[0]) if node.args else "?"
            leaks.append(
                f"line {node.lineno}: {call_name(node)}({key}, …) expects "
                f"{', '.join(sorted(reached))}, which the kernel's observation code holds"
            )
    return leaks
