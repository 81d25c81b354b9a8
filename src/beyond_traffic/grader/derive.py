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
    bound_names,
    call_name,
    contains_observe,
    course_names,
    expected_args,
    has_check,
    is_observe,
    loaded_names,
)

__all__ = ["OBSERVE_MARK", "observation_code", "expected_value_leaks"]

#: Cell metadata key marking a test cell reduced to its observation code (kept out of ``In``).
OBSERVE_MARK = "beyond_traffic_observe"


def _without_checks(stmt: ast.stmt) -> ast.stmt:
    """A copy of ``stmt`` whose nested bodies lose every statement that checks.

    A nested statement holding an ``expect_*`` or ``report`` call anywhere — as a statement, an
    assignment's value or an ``if`` test — goes, unless it also observes; then the lint refuses
    the cell (:func:`expected_value_leaks`), because no part of a check may run in the kernel.
    """
    node = ast.parse(ast.unparse(stmt)).body[0]
    for sub in ast.walk(node):
        for field in BODIES:
            body = getattr(sub, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                kept = [s for s in body if contains_observe(s) or not has_check(s)]
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


def _names_passed_on(node: ast.AST, shields: set[str]) -> set[str]:
    """Names whose values can reach the expected value, not only feed a reference computation.

    Only a call of a *shield* keeps its arguments from the expected value: a course function
    (imported from ``beyond_traffic`` in the cell), which computes a public reference a student
    could call too, or a reference function the cell defines and keeps out of the kernel. Any other
    call — a builtin (``round``, ``dict(zip(...))``), a method (``"-".join``), an unbound method
    (``dict.get``), a name the lint does not know — may hand its argument on unchanged.
    """
    found: set[str] = set()

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
            found.add(n.id)
            return
        if isinstance(n, ast.Call) and _root_name(n.func) in shields:
            return
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found - shields


def _root_name(func: ast.AST) -> str | None:
    """``f`` for ``f(...)``, ``bt`` for ``bt.clean.f(...)``; ``None`` for anything else."""
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else None


def _bare_names(node: ast.AST) -> set[str]:
    """Names ``node`` is made of directly: a name, or names inside literal containers."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Starred):
        return _bare_names(node.value)
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return set().union(*(_bare_names(e) for e in node.elts))
    if isinstance(node, ast.Dict):
        return set().union(*(_bare_names(e) for e in [*node.keys, *node.values] if e))
    return set()


def _shields(tree: ast.Module, in_kernel: set[str]) -> set[str]:
    """Callables whose arguments the lint treats as inputs of a reference computation.

    A function the cell defines counts when the kernel never receives it and none of its
    ``return`` statements hands a parameter it never rebinds straight back (``return text`` or
    ``return [text]`` would make the expected value the input itself). What it computes from a
    parameter is trusted to be a reference computation: the lint catches slips, it does not prove
    a cell safe.
    """
    shields = course_names(tree)
    for stmt in tree.body:
        if not isinstance(stmt, ast.FunctionDef) or stmt.name in in_kernel:
            continue
        a = stmt.args
        params = {x.arg for x in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg] if x}
        params -= set().union(*(bound_names(s) for s in stmt.body))  # rebound: computed
        returns = [n.value for n in ast.walk(stmt) if isinstance(n, ast.Return) and n.value]
        if not any(_bare_names(r) & params for r in returns):
            shields.add(stmt.name)
    return shields


def expected_value_leaks(source: str) -> list[str]:
    """Expectations whose expected value the kernel's observation code could read.

    Observation code runs in the student's kernel, so a name it binds (an input of an ``observe``
    lambda) must not *be* an expected value: it may appear in an expectation only as an argument
    of a function that computes the reference: a course function such as
    ``strip_pinyin_annotations(_a1)``, or a ``_reference`` the cell itself defines.
    A check that would run in the kernel (inside a statement that also observes) is refused too.

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
    leaks = []
    for stmt in _derive(tree.body):
        in_kernel |= bound_names(stmt)
        if has_check(stmt):
            leaks.append(
                f"line {stmt.lineno}: a check inside code that also observes would run in the "
                "kernel; observe and check in separate statements"
            )
    shields = _shields(tree, in_kernel)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or call_name(node) not in EXPECT_ARGUMENTS:
            continue
        if not isinstance(node.func, ast.Attribute):
            continue
        reached = set()
        for arg in expected_args(node):
            reached |= _names_passed_on(arg, shields) & in_kernel
        if reached:
            key = ast.unparse(node.args[0]) if node.args else "?"
            leaks.append(
                f"line {node.lineno}: {call_name(node)}({key}, …) expects "
                f"{', '.join(sorted(reached))}, which the kernel's observation code holds"
            )
    return leaks
