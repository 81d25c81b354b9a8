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

__all__ = ["OBSERVE_MARK", "observation_code", "expected_value_leaks", "kernel_names"]

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
    (``dict.get``), a name the lint does not know — may hand its argument on unchanged. A
    shield's own name is kept: the globals it reads are looked at by the caller.
    """
    found: set[str] = set()

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
            found.add(n.id)
            return
        if isinstance(n, ast.Call) and _root_name(n.func) in shields:
            found.add(_root_name(n.func))
            return
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found


def _root_name(func: ast.AST) -> str | None:
    """``f`` for ``f(...)``, ``bt`` for ``bt.clean.f(...)``; ``None`` for anything else."""
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else None


#: Calls that return their argument or a copy of it: what they return *is* the argument.
_COPIES = {"list", "tuple", "set", "frozenset", "dict", "sorted", "reversed", "str", "copy"}
_COPIES |= {"deepcopy", "Counter", "OrderedDict", "defaultdict"}


def _handed_on(node: ast.AST | None) -> set[str]:
    """Names whose values ``node`` evaluates to unchanged, copied or picked out of.

    A name, a starred name, a container literal, an item (``words[0]``), either branch of a
    conditional, an ``or``/``and``, a walrus, a copy (``list(words)``, ``words.copy()``).
    A method that computes (``text.replace(...)``) does not hand its value on.
    """
    if node is None:
        return set()
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Starred | ast.NamedExpr | ast.Subscript):
        return _handed_on(node.value)
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return set().union(*(_handed_on(e) for e in node.elts))
    if isinstance(node, ast.Dict):
        return set().union(*(_handed_on(e) for e in [*node.keys, *node.values]))
    if isinstance(node, ast.IfExp):
        return _handed_on(node.body) | _handed_on(node.orelse)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_handed_on(v) for v in node.values))
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "copy":
            return _handed_on(node.func.value)
        if call_name(node) in _COPIES:
            return set().union(*(_handed_on(a) for a in node.args))
    return set()


def _hands_a_parameter_back(fn: ast.AST) -> bool:
    """Whether function ``fn`` may return a parameter unchanged, copied or picked out of."""
    a = fn.args
    tainted = {x.arg for x in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg] if x}
    if isinstance(fn, ast.Lambda):
        return bool(_handed_on(fn.body) & tainted)
    # A parameter the body rebinds to something it computes (``text = text.replace(...)`` in a
    # loop) counts as computed: the analysis does not follow the order of statements.
    for n in ast.walk(fn):
        if isinstance(n, ast.Assign | ast.AugAssign) and not _handed_on(n.value) & tainted:
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            tainted -= set().union(*(bound_names(t) for t in targets))
    # Local aliases (``y = text``, ``for w in words``) carry the taint until nothing changes.
    while True:
        grown = set(tainted)
        for n in ast.walk(fn):
            if isinstance(n, ast.Assign | ast.AnnAssign | ast.AugAssign) and n.value is not None:
                if _handed_on(n.value) & tainted:
                    targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                    grown |= set().union(*(bound_names(t) for t in targets))
            elif isinstance(n, ast.For) and _handed_on(n.iter) & tainted:
                grown |= bound_names(n.target)
        if grown == tainted:
            break
        tainted = grown
    returns = [n.value for n in ast.walk(fn) if isinstance(n, ast.Return) and n.value is not None]
    return any(_handed_on(r) & tainted for r in returns)


def _head_names(stmt: ast.stmt) -> set[str]:
    """Names a statement binds itself: all of a simple one's, a compound one's head only."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {stmt.name}
    if isinstance(stmt, ast.For | ast.AsyncFor):
        return bound_names(stmt.target)
    if isinstance(stmt, ast.With | ast.AsyncWith):
        return set().union(*(bound_names(i.optional_vars) for i in stmt.items if i.optional_vars))
    if any(isinstance(getattr(stmt, f, None), list) for f in BODIES):
        return set()
    return bound_names(stmt)


def _binding_counts(tree: ast.Module) -> dict[str, int]:
    """How many statements of the cell (at any depth, outside functions) bind each name."""
    counts: dict[str, int] = {}
    todo = list(tree.body)
    while todo:
        stmt = todo.pop()
        for name in _head_names(stmt):
            counts[name] = counts.get(name, 0) + 1
        if not isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for field in BODIES:
                body = getattr(stmt, field, None)
                if isinstance(body, list):
                    todo += [s for s in body if isinstance(s, ast.stmt)]
                    for handler in body:
                        if isinstance(handler, ast.ExceptHandler):
                            todo += handler.body
    return counts


def _functions(tree: ast.Module) -> dict[str, ast.AST]:
    """The cell's own top-level functions (``def f`` and ``f = lambda ...``), by name."""
    found: dict[str, ast.AST] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            found[stmt.name] = stmt
        elif isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Lambda):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = stmt.value
    return found


def _shields(tree: ast.Module, in_kernel: set[str]) -> set[str]:
    """Callables whose arguments the lint treats as inputs of a reference computation.

    A course function counts when the cell binds its name once (the import). A function the
    cell defines counts when it is bound once, the kernel never receives it, and it never hands
    a parameter back unchanged, copied or picked out of — through an alias, ``*args``, a
    conditional or a copy. What it computes from a parameter (``text.replace(...)``) is trusted
    to be a reference computation: the lint catches slips, it does not prove a cell safe.
    """
    counts = _binding_counts(tree)
    shields = {name for name in course_names(tree) if counts.get(name, 0) == 1}
    for name, fn in _functions(tree).items():
        if counts.get(name, 0) == 1 and name not in in_kernel and not _hands_a_parameter_back(fn):
            shields.add(name)
    return shields


def _with_globals(names: set[str], functions: dict[str, ast.AST]) -> set[str]:
    """``names`` and the globals every cell-defined function among them reads, transitively."""
    reached, todo = set(names), list(names)
    while todo:
        fn = functions.get(todo.pop())
        if fn is None:
            continue
        for name in loaded_names(fn) - reached:
            reached.add(name)
            todo.append(name)
    return reached


def kernel_names(source: str) -> set[str]:
    """Names a test cell's observation code binds in the student's kernel.

    Example:
        >>> sorted(kernel_names("ck = Checker('q', points=1)\\n_t = '流量'\\n"
        ...                     "ck.observe('n', lambda: f(_t))\\nck.expect_equal('n', 2)"))
        ['_t', 'ck']
    """
    if not isinstance(source, str):
        raise TypeError(f"source must be str, got {type(source).__name__}")
    return set().union(set(), *(bound_names(s) for s in _derive(ast.parse(source).body)))


def expected_value_leaks(
    source: str, *, kernel: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """Expectations whose expected value the kernel's observation code could read.

    Observation code runs in the student's kernel, so a name it binds (an input of an ``observe``
    lambda) must not *be* an expected value: it may appear in an expectation only as an argument
    of a function that computes the reference: a course function such as
    ``strip_pinyin_annotations(_a1)``, or a ``_reference`` the cell itself defines. A function
    the expectation uses (a predicate, a reference) must not read such a name either. Refused
    too: a check that would run in the kernel (inside a statement that also observes) and a
    check named without being called there (``eq = ck.expect_equal``): the lint cannot follow it.

    Args:
        source: the test cell.
        kernel: names that earlier test cells' observation code left in the same kernel.

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
    in_kernel: set[str] = set(kernel)
    leaks = []
    for stmt in _derive(tree.body):
        in_kernel |= bound_names(stmt)
        if has_check(stmt):
            leaks.append(
                f"line {stmt.lineno}: a check inside code that also observes would run in the "
                "kernel; observe and check in separate statements"
            )
    shields = _shields(tree, in_kernel)
    functions = _functions(tree)
    course = course_names(tree)
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("expect_"):
            if id(node) not in called:
                leaks.append(
                    f"line {node.lineno}: {node.attr} is named but not called there; call "
                    "checks directly (ck.expect_equal(...)) so the lint can see what they expect"
                )
        if not isinstance(node, ast.Call) or call_name(node) not in EXPECT_ARGUMENTS:
            continue
        if not isinstance(node.func, ast.Attribute):
            continue
        reached = set()
        for arg in expected_args(node):
            names = _with_globals(_names_passed_on(arg, shields), functions)
            reached |= (names - course) & in_kernel  # course functions are public anyway
        if reached:
            key = ast.unparse(node.args[0]) if node.args else "?"
            leaks.append(
                f"line {node.lineno}: {call_name(node)}({key}, …) expects "
                f"{', '.join(sorted(reached))}, which the kernel's observation code holds"
            )
    return leaks
