"""Derive from a test cell the code that only observes: all that runs in the student's kernel."""

# A test cell (see docs/grading.md) creates a Checker, observes student values with
# ``ck.observe(key, lambda: ...)`` and compares them with ``ck.expect_*``. The kernel receives an
# allow-list of the cell's top-level statements and nothing else:
#
# * imports;
# * ``ck = Checker("id", points=N)``;
# * the cell's *inputs*: the names its observe lambdas read, each bound once by a top-level
#   ``NAME = VALUE`` whose value reads only imports, builtins and earlier inputs;
# * the ``ck.observe("key", lambda: ...)`` statements themselves.
#
# Every other statement — expected values, reference functions, helpers, loops that check,
# ``report()`` — runs only in the grader's trusted replay. Safety then follows from one rule on
# the observe lambdas: an input appears there only *whole*, as an argument of a call (the
# student's function, or a course function that runs the student's object), or as a list
# iterated by a comprehension whose loop variables are each passed whole. So the kernel holds
# nothing that the student's own code is not handed as an argument: reading the kernel's
# globals tells a student no more than reading the arguments. A case table with an expected
# column (``for raw, want in cases``), a part of an input (``case["input"]``, ``case[-1]``), a
# dict iterated for its keys, an observe inside a loop or a helper: each is refused, with the
# cell's line, before any kernel starts.

from __future__ import annotations

import ast
import builtins

from .cell_ast import EXPECT_ARGUMENTS, call_name, expected_args, loaded_names

__all__ = ["OBSERVE_MARK", "CellRefused", "observation_code", "refusals", "input_names"]

#: Cell metadata key marking a test cell reduced to its observation code (kept out of ``In``).
OBSERVE_MARK = "beyond_traffic_observe"

_BUILTINS = frozenset(dir(builtins))
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_FIX_SHAPE = (
    "pass each input whole to the student's function (a list of inputs may be iterated, "
    "each item passed whole); keep expected values in statements of their own, which run "
    "only in the grader's replay (docs/grading.md)"
)


class CellRefused(ValueError):
    """A test cell whose shape could hand the kernel more than the student's inputs.

    Example:
        >>> str(CellRefused(["line 3: observe inside a loop"]))
        'line 3: observe inside a loop'
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _cell_bindings(tree: ast.Module) -> dict[str, int]:
    """How many times each name is bound in the cell's own scope (functions' locals excluded)."""
    counts: dict[str, int] = {}

    def add(name: str) -> None:
        counts[name] = counts.get(name, 0) + 1

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            add(node.id)
        elif isinstance(node, ast.alias):
            add(node.asname or node.name.split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            add(node.name)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            for name in node.names:  # a function rebinding a cell name counts as a binding
                add(name)
        if isinstance(node, _SCOPES):
            if not isinstance(node, ast.Lambda):
                add(node.name)
            for child in ast.walk(node):
                if child is not node and isinstance(child, ast.Global | ast.Nonlocal):
                    for name in child.names:
                        add(name)
            return
        if isinstance(node, _COMPREHENSIONS):
            for child in ast.walk(node):  # a walrus in a comprehension binds in the cell
                if isinstance(child, ast.NamedExpr):
                    add(child.target.id)
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return counts


def _is_sequence(node: ast.AST) -> bool:
    """Whether ``node`` is a list or tuple display, or what a (course) function computed.

    Iterating yields every part of a list; a dict display would yield only its keys and leave
    its values in the kernel unused. A value a function computes from literals is public course
    data, not a table an instructor wrote.
    """
    if isinstance(node, ast.List | ast.Tuple | ast.ListComp):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_sequence(node.left) and _is_sequence(node.right)
    if isinstance(node, ast.Call):
        return not (isinstance(node.func, ast.Name) and node.func.id in _BUILTINS)
    return False


def _parents(root: ast.AST) -> dict[int, ast.AST]:
    return {id(c): p for p in ast.walk(root) for c in ast.iter_child_nodes(p)}


def _whole_uses(
    lam: ast.Lambda, inputs: dict[str, ast.Assign], bound: set[str], course: set[str]
) -> list[tuple[int, str]]:
    """Where an observe lambda uses an input (or a loop variable over one) other than whole.

    Whole means as an argument of the student's code (a name the cell does not bind, or a
    method of one) or of a course function (imported from ``beyond_traffic``), which runs the
    student's object, as ``tokenize(text, tokenizer=q4_tokenizer)`` does.
    """
    parents = _parents(lam)
    problems: list[tuple[int, str]] = []
    carriers: set[str] = set()  # comprehension variables bound to items of an input list

    def callee_ok(call: ast.Call) -> bool:
        root = call.func
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name) or root.id in carriers:
            return False
        if root.id in course:
            return True
        return root.id not in bound and root.id not in _BUILTINS  # the student's own names

    def check(node: ast.Name, what: str) -> None:
        parent = parents.get(id(node))
        if isinstance(parent, ast.Starred):  # f(*args): every item is an argument
            parent = parents.get(id(parent))
            if isinstance(parent, ast.Call) and callee_ok(parent):
                return
        if isinstance(parent, ast.Call) and node in parent.args and callee_ok(parent):
            return
        if isinstance(parent, ast.keyword):  # f(key=value) or f(**options)
            call = parents.get(id(parent))
            if isinstance(call, ast.Call) and callee_ok(call):
                return
        if isinstance(parent, ast.comprehension) and node is parent.iter and what == "input":
            if not _is_sequence(inputs[node.id].value):
                problems.append(
                    (
                        node.lineno,
                        f"the observe iterates {node.id}, which is not written as a list: "
                        "iterate a list or tuple display or what a course function returns (a "
                        "dict yields only its keys, so its values would sit in the kernel unused)",
                    )
                )
                return
            names = [n for n in ast.walk(parent.target) if isinstance(n, ast.Name)]
            if any(isinstance(n, ast.Starred) for n in ast.walk(parent.target)):
                problems.append(
                    (node.lineno, f"the observe unpacks {node.id} with *: {_FIX_SHAPE}")
                )
                return
            comp = parents.get(id(parent))
            for target in names:
                carriers.add(target.id)
                used = [
                    n
                    for n in ast.walk(comp)
                    if isinstance(n, ast.Name) and n.id == target.id and isinstance(n.ctx, ast.Load)
                ]
                if not used:
                    problems.append(
                        (
                            node.lineno,
                            f"the observe never passes {target.id}, a part of each item of "
                            f"{node.id}, to a call: that part (an expected column?) would sit in "
                            f"the kernel; {_FIX_SHAPE}",
                        )
                    )
            return
        context = parents.get(id(parent)) if isinstance(parent, ast.keyword) else parent
        shown = ast.unparse(context) if isinstance(context, ast.expr) else node.id
        problems.append(
            (
                node.lineno,
                f"the observe uses {what} {node.id} other than whole ({shown[:60]}): the kernel "
                f"would hold parts the student's code never receives; {_FIX_SHAPE}",
            )
        )

    # Loop variables are known only once their comprehension is seen: visit in source order,
    # generators before the element they feed.
    def visit(node: ast.AST) -> None:
        if isinstance(node, _COMPREHENSIONS):
            for gen in node.generators:
                visit(gen)
            for part in (node.key, node.value) if isinstance(node, ast.DictComp) else (node.elt,):
                visit(part)
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in inputs:
                check(node, "input")
            elif node.id in carriers:
                check(node, "item")
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(lam.body)
    return problems


def _analyse(
    tree: ast.Module, earlier: frozenset[str] = frozenset()
) -> tuple[list[ast.stmt], list[str], set[str]]:
    """The statements the kernel runs, the problems that refuse the cell, and its inputs."""
    problems: list[tuple[int, str]] = []
    bindings = _cell_bindings(tree)
    imports: set[str] = set()
    course: set[str] = set()  # names imported from the course package
    checkers: set[str] = set()
    assigns: dict[str, ast.Assign] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            names = {a.asname or a.name.split(".")[0] for a in stmt.names}
            imports |= names
            module = stmt.module if isinstance(stmt, ast.ImportFrom) else stmt.names[0].name
            if getattr(stmt, "level", 0) == 0 and (module or "").split(".")[0] == "beyond_traffic":
                if isinstance(stmt, ast.ImportFrom) or len(stmt.names) == 1:
                    course |= names
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name):
                if call_name(stmt.value) == "Checker":
                    checkers.add(target.id)
                else:
                    assigns.setdefault(target.id, stmt)
    top_observes = [
        s
        for s in tree.body
        if isinstance(s, ast.Expr)
        and call_name(s.value) == "observe"
        and isinstance(s.value.func, ast.Attribute)
    ]
    for node in ast.walk(tree):
        if call_name(node) == "observe" and isinstance(node.func, ast.Attribute):
            if not any(node is s.value for s in top_observes):
                problems.append(
                    (
                        node.lineno,
                        "observe inside another statement (a loop, an if, a function, an "
                        "assignment): write each observe as a statement of its own at the top "
                        'level of the cell, e.g. ck.observe("cases", lambda: [f(x) for x in '
                        "_inputs])",
                    )
                )
    # The inputs: names the observe lambdas read that the cell binds.
    inputs: dict[str, ast.Assign] = {}
    lambdas: list[ast.Lambda] = []
    todo: list[tuple[str, int]] = []
    for stmt in top_observes:
        call = stmt.value
        target = call.func.value
        form_ok = (
            isinstance(target, ast.Name)
            and target.id in checkers
            and len(call.args) == 2
            and not call.keywords
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Lambda)
        )
        if not form_ok:
            problems.append(
                (
                    stmt.lineno,
                    'write an observe as ck.observe("key", lambda: ...) with the Checker\'s '
                    "name, a string key and a lambda without parameters",
                )
            )
            continue
        lam = call.args[1]
        a = lam.args
        if a.posonlyargs or a.args or a.kwonlyargs or a.vararg or a.kwarg:
            problems.append((stmt.lineno, "an observe lambda takes no parameters (nor defaults)"))
            continue
        lambdas.append(lam)
        todo += [(name, stmt.lineno) for name in sorted(loaded_names(lam))]
    while todo:
        name, line = todo.pop(0)
        if name in inputs or name in imports or name not in bindings:
            continue  # an input already, an import, or a builtin or student name
        if name in checkers:
            problems.append((line, f"the Checker {name} is read inside an observe lambda"))
            continue
        decl = assigns.get(name)
        if decl is None or bindings[name] != 1:
            problems.append(
                (
                    line,
                    f"{name} reaches the kernel but is not an input: an input is bound once, "
                    f"by a top-level {name} = VALUE (not a def, a loop, a with, or a second "
                    "binding); write helpers inline in the lambda or bind the value once",
                )
            )
            continue
        inputs[name] = decl
        for used in sorted(loaded_names(decl.value)):
            if used in imports or used in _BUILTINS and used not in bindings:
                continue
            if used not in bindings:
                problems.append(
                    (
                        decl.lineno,
                        f"input {name} reads {used}, which the cell does not define: an input "
                        "is made of literals, imports, builtins and earlier inputs (student "
                        "names belong inside observe lambdas)",
                    )
                )
            else:
                todo.append((used, decl.lineno))
    for name, decl in inputs.items():
        for used in loaded_names(decl.value):
            if used in inputs and inputs[used].lineno >= decl.lineno:
                problems.append((decl.lineno, f"input {name} reads {used} before it is bound"))
    # Inputs are changed nowhere else: the kernel runs only their declaration.
    top_level = set(map(id, tree.body))
    for stmt in tree.body:
        for node in ast.walk(stmt):
            root = node
            if isinstance(node, ast.Subscript | ast.Attribute) and isinstance(
                node.ctx, ast.Store | ast.Del
            ):
                while isinstance(root, ast.Subscript | ast.Attribute):
                    root = root.value
            elif (
                id(stmt) in top_level
                and node is getattr(stmt, "value", None)
                and isinstance(stmt, ast.Expr)
                and isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id in checkers)
            ):
                root = node.func.value  # _inputs.append(...) changes it in place
            else:
                continue
            if isinstance(root, ast.Name) and root.id in inputs:
                problems.append(
                    (
                        node.lineno,
                        f"input {root.id} is changed after it is bound; bind it once, complete",
                    )
                )
    for lam in lambdas:
        problems += _whole_uses(lam, inputs, set(bindings), course)
    # No expectation may expect an input itself (this cell's, or one an earlier test cell left in
    # the kernel): a function returning its argument, or reading that global, would earn it.
    held = set(inputs) | {n for n in earlier if n not in bindings}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and call_name(node) in EXPECT_ARGUMENTS:
            for arg in expected_args(node):
                if isinstance(arg, ast.Name) and arg.id in held:
                    problems.append(
                        (
                            node.lineno,
                            f"{call_name(node)} expects the input {arg.id} itself: an answer "
                            "that hands its argument back would earn it; compute the expected "
                            "value with a reference function",
                        )
                    )
    kept_ids = {id(d) for d in inputs.values()} | {id(s) for s in top_observes}
    kept = [
        s
        for s in tree.body
        if id(s) in kept_ids
        or isinstance(s, ast.Import | ast.ImportFrom)
        or (
            isinstance(s, ast.Assign)
            and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name)
            and s.targets[0].id in checkers
        )
    ]
    messages = [f"line {line}: {text}" for line, text in sorted(set(problems))]
    return kept, messages, set(inputs)


def refusals(source: str, *, earlier: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Why a test cell may not run in a student's kernel (empty when it may).

    Args:
        source: the instructor's test-cell code (hidden tests included).
        earlier: inputs that earlier test cells of the notebook left in the same kernel
            (see :func:`input_names`); no expectation may expect one of them itself.

    Returns:
        One ``"line N: ..."`` message per problem.

    Raises:
        SyntaxError: the cell does not parse.

    Example:
        >>> cell = '''
        ... from beyond_traffic.grading import Checker
        ... ck = Checker("q2", points=1)
        ... cases = [("流量", 2), ("之外", 2)]
        ... ck.observe("n", lambda: [f(text) for text, want in cases])
        ... ck.expect_equal("n", [want for text, want in cases])
        ... ck.report()'''
        >>> [m[:37] for m in refusals(cell)]
        ['line 5: the observe never passes want']
    """
    if not isinstance(source, str):
        raise TypeError(f"source must be str, got {type(source).__name__}")
    return _analyse(ast.parse(source), frozenset(earlier))[1]


def input_names(source: str) -> set[str]:
    """The inputs of a test cell: the names its observation code binds besides the Checker.

    Example:
        >>> sorted(input_names("ck = Checker('q', points=1)\\n_t = '流量'\\n"
        ...                    "ck.observe('n', lambda: f(_t))\\nck.expect_equal('n', 2)"))
        ['_t']
    """
    if not isinstance(source, str):
        raise TypeError(f"source must be str, got {type(source).__name__}")
    return _analyse(ast.parse(source))[2]


def observation_code(source: str) -> str:
    """The observing part of a test cell: what the grader runs in the student's kernel.

    Args:
        source: the instructor's test-cell code (hidden tests included).

    Returns:
        Python source holding the imports, the ``Checker``, the inputs and every ``observe``
        call — no expectation and no expected value. Empty when nothing observes.

    Raises:
        SyntaxError: the cell does not parse.
        CellRefused: the cell breaks the rules of :func:`refusals`.

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
    kept, problems, _ = _analyse(ast.parse(source))
    if problems:
        raise CellRefused(problems)
    if not any(isinstance(s, ast.Expr) for s in kept):
        return ""
    return ast.unparse(ast.Module(body=kept, type_ignores=[]))
