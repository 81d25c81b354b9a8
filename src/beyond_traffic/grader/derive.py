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

__all__ = [
    "OBSERVE_MARK",
    "observation_code",
    "expected_value_leaks",
    "kernel_names",
    "observed_names",
]

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


def _root_name(func: ast.AST) -> str | None:
    """``f`` for ``f(...)``, ``bt`` for ``bt.clean.f(...)``; ``None`` for anything else."""
    while isinstance(func, ast.Attribute | ast.Subscript | ast.Call):
        func = func.value if not isinstance(func, ast.Call) else func.func
    return func.id if isinstance(func, ast.Name) else None


#: Names that read a namespace by string: whoever uses them may reach any name.
_REFLECTION = {"globals", "vars", "locals", "eval", "exec", "__import__", "__builtins__"}
_REFLECTION |= {"__dict__", "__globals__", "f_globals", "modules"}  # attributes
#: Stands for "every name the kernel holds" in a reach.
_EVERYTHING = "*"
#: Marks a name that reached an expectation only as an argument of a reference function.
_SHIELDED = "shielded:"


def _names_passed_on(node: ast.AST, shields: set[str]) -> set[str]:
    """Names whose values can reach the expected value, not only feed a reference computation.

    Only a call of a *shield* keeps its arguments from the expected value (see :func:`_shields`);
    the shield's own name is kept, so that the globals it reads are followed. Any other call — a
    builtin (``round``, ``dict(zip(...))``), a method (``"-".join``), an unbound method
    (``dict.get``), a name the lint does not know — may hand its argument on.
    """
    found: set[str] = set()

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
            found.add(_EVERYTHING if n.id in _REFLECTION else n.id)
            return
        if isinstance(n, ast.Attribute) and n.attr in _REFLECTION:
            found.add(_EVERYTHING)
        if isinstance(n, ast.Call) and _root_name(n.func) in shields:
            found.add(_root_name(n.func))
            # An argument is shielded only as an input (see expected_value_leaks).
            found.update(_SHIELDED + name for name in _names_passed_on(n, set()) - {_EVERYTHING})
            return
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found


#: Calls that return their argument or a copy of it: what they return *is* the argument.
_COPIES = {"list", "tuple", "set", "frozenset", "dict", "sorted", "reversed", "str", "copy"}
_COPIES |= {"deepcopy", "Counter", "OrderedDict", "defaultdict", "next", "iter", "join"}
#: Methods that put their argument into the object they are called on.
_COLLECTS = {"append", "extend", "add", "insert", "update", "setdefault", "appendleft"}


def _handed_on(node: ast.AST | None, local: set[str] = frozenset()) -> set[str]:
    """Names whose values ``node`` may evaluate to unchanged, copied, joined or picked out of.

    A name, a starred name, a container literal, an item (``words[0]``), either branch of a
    conditional, ``or``/``and``, a walrus, an operator (``t + ""``), an f-string, a yield, a copy
    (``list(t)``, ``c.copy(t)``, ``t.copy()``, ``"".join(t)``) or a call of a function defined
    inside the function or a lambda (``(lambda x: x)(t)``), whose arguments may come back.
    A method that computes (``text.replace(...)``) does not hand its value on.
    """
    if node is None:
        return set()
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Starred | ast.NamedExpr | ast.FormattedValue):
        return _handed_on(node.value, local)
    if isinstance(node, ast.Subscript):  # words[0] or t[:] picks out; text[i - w : i] computes
        piece = node.slice
        fixed = isinstance(piece, ast.Constant) or (
            isinstance(piece, ast.Slice)
            and all(b is None or isinstance(b, ast.Constant) for b in (piece.lower, piece.upper))
        )
        return _handed_on(node.value, local) if fixed else set()
    if isinstance(node, ast.Yield | ast.YieldFrom | ast.Await):
        return _handed_on(node.value, local)
    if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.JoinedStr):
        parts = node.values if isinstance(node, ast.JoinedStr) else node.elts
        return set().union(*(_handed_on(e, local) for e in parts))
    if isinstance(node, ast.Dict):
        return set().union(*(_handed_on(e, local) for e in [*node.keys, *node.values]))
    if isinstance(node, ast.IfExp):
        return _handed_on(node.body, local) | _handed_on(node.orelse, local)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_handed_on(v, local) for v in node.values))
    if isinstance(node, ast.BinOp):  # t + "" or 1 * t; an operation of two names computes
        if isinstance(node.right, ast.Constant):
            return _handed_on(node.left, local)
        return _handed_on(node.right, local) if isinstance(node.left, ast.Constant) else set()
    if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp):
        # [w for _, w in pairs] hands pairs on: the element is a target of a loop over a handed-on
        # value (a filtered one, [t for t in tokens if ...], computes a selection)
        if any(g.ifs for g in node.generators):
            return set()
        element = _handed_on(node.elt, local)
        return set().union(
            set(),
            *(
                _handed_on(g.iter, local)
                for g in node.generators
                if element & bound_names(g.target)
            ),
        )
    if isinstance(node, ast.Call):
        args = set().union(set(), *(_handed_on(a, local) for a in node.args))
        if isinstance(node.func, ast.Attribute) and node.func.attr == "copy" and not node.args:
            return _handed_on(node.func.value, local)
        if call_name(node) in _COPIES or call_name(node) in local:
            return args
        if isinstance(node.func, ast.Lambda):
            return args
    return set()


def _hands_a_parameter_back(fn: ast.AST) -> bool:
    """Whether function ``fn`` may return a parameter unchanged, copied or picked out of."""
    a = fn.args
    tainted = {x.arg for x in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg] if x}
    if isinstance(fn, ast.Lambda):
        return bool(_handed_on(fn.body) & tainted)
    local = {n.name for n in ast.walk(fn) if isinstance(n, ast.FunctionDef) and n is not fn}
    local |= {
        t.id
        for n in ast.walk(fn)
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Lambda)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    # A parameter the body rebinds to something it computes (``text = text.replace(...)`` in a
    # loop) counts as computed: the analysis does not follow the order of statements.
    for n in ast.walk(fn):
        if isinstance(n, ast.Assign | ast.AugAssign) and not _handed_on(n.value, local) & tainted:
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            tainted -= set().union(*(bound_names(t) for t in targets))
    # Local aliases (``y = text``, ``for w in words``) carry the taint until nothing changes.
    while True:
        grown = set(tainted)
        for n in ast.walk(fn):
            if isinstance(n, ast.Assign | ast.AnnAssign | ast.AugAssign) and n.value is not None:
                if _handed_on(n.value, local) & tainted:
                    targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                    grown |= set().union(*(bound_names(t) for t in targets))
            elif isinstance(n, ast.For) and _handed_on(n.iter, local) & tainted:
                grown |= bound_names(n.target)
            elif (
                isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute)
                and n.func.attr in _COLLECTS
                and any(
                    isinstance(a, ast.Name | ast.Subscript | ast.Starred)
                    and _handed_on(a, local) & tainted
                    for a in n.args
                )
            ):
                # out.append(want) carries want; appending a record built of parts computes
                grown |= {_root_name(n.func.value) or ""}
        if grown == tainted:
            break
        tainted = grown
    outs = [n.value for n in ast.walk(fn) if isinstance(n, ast.Return | ast.Yield) and n.value]
    return any(_handed_on(r, local) & tainted for r in outs)


def _rebound(tree: ast.Module, names: set[str]) -> set[str]:
    """Which of ``names`` the cell binds more than once, anywhere, or patches an attribute of."""
    counts: dict[str, int] = {}
    patched: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            counts[node.id] = counts.get(node.id, 0) + 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            counts[node.name] = counts.get(node.name, 0) + 1
        elif isinstance(node, ast.alias):
            name = node.asname or node.name.split(".")[0]
            counts[name] = counts.get(name, 0) + 1
        elif isinstance(node, ast.Global | ast.Nonlocal):
            patched |= set(node.names)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store | ast.Del):
            patched.add(_root_name(node) or "")
    return {name for name in names if counts.get(name, 0) > 1 or name in patched}


def _shields(tree: ast.Module, in_kernel: set[str]) -> set[str]:
    """Callables whose arguments the lint treats as inputs of a reference computation.

    A course function (imported from ``beyond_traffic``) counts when the cell never rebinds or
    patches its name. A function the cell defines counts when it is a plain top-level ``def``
    bound once and never decorated, the kernel never receives it, and it never hands a
    parameter back — through an alias, ``*args``, an item, a copy, a join, an operator, an
    f-string, a conditional or an inner function. What it computes from a parameter
    (``text.replace(...)``) is trusted to be a reference computation, and the globals it reads
    are followed like any other name: the lint catches slips, it does not prove a cell safe.
    """
    course = course_names(tree)
    defs = {s.name: s for s in tree.body if isinstance(s, ast.FunctionDef) and not s.decorator_list}
    rebound = _rebound(tree, course | set(defs))
    shields = course - rebound
    for name, fn in defs.items():
        if name not in rebound and name not in in_kernel and not _hands_a_parameter_back(fn):
            shields.add(name)
    return shields


def _unshield(names: set[str], inputs: set[str]) -> set[str]:
    """``names`` with each shielded argument dropped if it is an input, kept as a name if not."""
    shielded = {n[len(_SHIELDED) :] for n in names if n.startswith(_SHIELDED)}
    return {n for n in names if not n.startswith(_SHIELDED)} | (shielded - inputs)


def _reaches(tree: ast.Module, shields: set[str], inputs: set[str]) -> dict[str, set[str]]:
    """For each name the cell binds anywhere, the names its value may come from.

    An assignment, loop, ``with`` or walrus passes on what its value passes on; a function, a
    lambda or a class reaches every name its code reads (it may return any of them).
    """
    reach: dict[str, set[str]] = {}

    def add(targets: set[str], names: set[str]) -> None:
        for target in targets:
            reach.setdefault(target, set()).update(_unshield(names, inputs))

    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            reflective = _EVERYTHING in _names_passed_on(node, set())
            add({node.name}, loaded_names(node) | ({_EVERYTHING} if reflective else set()))
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = _names_passed_on(node.value, shields)
            add(set().union(*(bound_names(t) for t in targets)), names)
        elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
            add(bound_names(node.target), _names_passed_on(node.iter, shields))
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            add(bound_names(node.optional_vars), _names_passed_on(node.context_expr, shields))
        elif isinstance(node, ast.NamedExpr):
            add({node.target.id}, _names_passed_on(node.value, shields))
    return reach


def observed_names(source: str) -> set[str]:
    """Names a test cell's ``observe`` calls read: the inputs handed to the student's code.

    Example:
        >>> sorted(observed_names("_t, _want = '流量', 2\\nck.observe('n', lambda: f(_t))"))
        ['_t', 'f']
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and call_name(node) == "observe":
            names |= set().union(set(), *(loaded_names(a) for a in node.args[1:]))
            names |= set().union(set(), *(loaded_names(k.value) for k in node.keywords))
    return names


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
    source: str,
    *,
    kernel: set[str] | frozenset[str] = frozenset(),
    inputs: set[str] | frozenset[str] = frozenset(),
) -> list[str]:
    """Expectations whose expected value the kernel's observation code could read.

    Observation code runs in the student's kernel, so a name it binds — an input of an
    ``observe`` lambda, here or in an earlier test cell — must not reach an expected value. It
    may appear in an expectation only as an argument of a reference function (see
    :func:`_shields`): a course function such as ``strip_pinyin_annotations(_a1)``, or a
    ``_reference`` the cell itself defines. Everything else is followed to where its value came
    from: aliases, loops, ``with``, walrus, builtins and methods, the globals of the cell's
    functions, lambdas and classes, ``globals()``. Refused too: a check that would run in the
    kernel (inside a statement that also observes), a check named without being called there
    (``eq = ck.expect_equal``), and expected arguments passed unpacked (``*`` or ``**``).

    Args:
        source: the test cell.
        kernel: names that earlier test cells' observation code left in the same kernel.
        inputs: names that earlier test cells' observe calls read (see :func:`observed_names`).

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
    imported = {
        alias.asname or alias.name.split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for alias in n.names
    }
    all_inputs = set(inputs) | observed_names(source) | imported  # imports are code, not data
    public = course_names(tree) & shields  # course functions: public, even in the kernel
    reach = _reaches(tree, shields, all_inputs)
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
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            leaks.append(
                f"line {node.lineno}: {call_name(node)} with unpacked arguments (* or **): pass "
                "what is expected by position or by name"
            )
            continue
        names: set[str] = set()
        for arg in expected_args(node):
            names |= _names_passed_on(arg, shields)
        # A reference function may take an input (a name an observe call reads); any other name
        # the kernel holds — the expected column of a case table the loop also binds — may not
        # reach the expectation even through one.
        names = _unshield(names, all_inputs)
        todo = list(names)
        while todo:  # follow each name to where its value came from
            for origin in reach.get(todo.pop(), ()):
                if origin not in names:
                    names.add(origin)
                    todo.append(origin)
        reached = in_kernel if _EVERYTHING in names else names & in_kernel
        reached -= public | imported
        if reached:
            key = ast.unparse(node.args[0]) if node.args else "?"
            leaks.append(
                f"line {node.lineno}: {call_name(node)}({key}, …) expects "
                f"{', '.join(sorted(reached))}, which the kernel's observation code holds"
            )
    return leaks
