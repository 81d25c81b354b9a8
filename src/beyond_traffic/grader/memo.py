"""Replay fast: each expected value is computed once per class and reused for every student."""

# In the replay, what a test cell expects never depends on the student: student values reach the
# replay only through the Checker's observations, and an *eligible* cell touches its Checker only
# in statements ``ck = Checker(...)``, ``ck.observe(...)``, ``ck.expect_*(...)`` and
# ``ck.report()``. Everything else it computes (reference tokenizations, whole-article cleaning,
# gold-standard scores) is the same for every student, so the replay's warm-up computes it once:
#
# * the *warm* version of a cell wraps every argument of every ``expect_*`` call (expected value,
#   options, key; a predicate excepted) in ``__bt_keep__(site, value)``,
#   which records the value (once per evaluation, so loops keep a sequence);
# * the *fast* version replaces each such argument by ``__bt_take__(site)`` and drops every
#   statement the Checker calls no longer need (observe lambdas are never called in the replay,
#   so their inputs are not needed either; their default arguments are).
#
# A replay forked from the warm process runs the fast version in the warm-up's namespace. A cell
# that is not eligible, or that raised during the warm-up, simply runs in full as before.
#
# The warm-up has run *every* cell before any replay starts, so nothing a cell uses may change
# with what later cells do. Each warm-up cell runs in a namespace of its own (a copy of the one
# its predecessor left) and the fast version of a cell runs in a copy of the one it left: a
# ``tol=_tol`` reads ``_tol`` as it was in that cell, whatever a later cell rebinds. Kept values
# are deep copies, so a later cell's mutation cannot reach them either. Predicates
# (``expect_true``) are not kept: they are called in the replay, so the fast version re-creates
# them together with every statement their bodies read, and they see a loop variable or a name
# rebound later in their cell as the full replay does. A statement that changes a needed object
# in place (``_opt[0] = 0.5``) is kept with the statements that bind it.

from __future__ import annotations

import ast
import copy
import types
from collections import defaultdict

from .cell_ast import BODIES, bound_names, call_name, loaded_names

__all__ = ["KEEP", "TAKE", "AFTER", "Plan", "plan_cell", "Memo"]

KEEP = "__bt_keep__"
TAKE = "__bt_take__"
#: Where the warm-up keeps, by grade_id, the namespace each cell left (see replay.run_cells).
AFTER = "__bt_after__"
_CHECKER_METHODS = ("observe", "report")
#: Expectations whose argument is called during the replay (a predicate): not kept in the memo
#: but re-created by the fast code, with every name its body reads, so it reads them as the
#: full replay would at that point of the cell (a loop variable, a name rebound later).
_LIVE = ("expect_true",)


class Plan:
    """The warm and fast sources of one eligible test cell.

    Example:
        >>> p = plan_cell("from beyond_traffic.grading import Checker\\n"
        ...               "ck = Checker('q1', points=1)\\nref = sorted(['流量'])\\n"
        ...               "ck.observe('x', lambda: f(ref))\\nck.expect_equal('x', ref)\\n"
        ...               "ck.report()", "q1")
        >>> "ref = " in p.fast, "__bt_take__" in p.fast
        (False, True)
    """

    def __init__(self, warm: str, fast: str) -> None:
        self.warm = warm
        self.fast = fast


def _checker_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and call_name(node.value) == "Checker":
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _is_checker_call(stmt: ast.AST, checkers: set[str]) -> bool:
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return False
    func = stmt.value.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in checkers
        and (func.attr in _CHECKER_METHODS or func.attr.startswith("expect_"))
    )


def _eligible(tree: ast.Module, checkers: set[str]) -> bool:
    """Every use of a Checker is its creation or a statement calling observe/expect_*/report."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and call_name(node.value) == "Checker":
            allowed |= {id(t) for t in node.targets}
        elif _is_checker_call(node, checkers):
            allowed.add(id(node.value.func.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in checkers and id(node) not in allowed:
            return False
        if isinstance(node, ast.Global | ast.Nonlocal):
            return False
        # Pruning a loop or a try that checks could change its control flow (a while loop whose
        # condition a pruned statement advanced would never end); one that only computes (in a
        # reference function, say) is kept or dropped whole.
        if isinstance(node, ast.While | ast.Try) and any(
            isinstance(n, ast.Name) and n.id in checkers for n in ast.walk(node)
        ):
            return False
        # A Checker used inside a function would run its checks wherever the function is called.
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            if any(isinstance(n, ast.Name) and n.id in checkers for n in ast.walk(node)):
                return False
    return True


def _runtime_names(node: ast.AST) -> set[str]:
    """Names needed to *evaluate* ``node`` in the replay: lambda bodies are never called there."""
    if isinstance(node, ast.Lambda):
        return set().union(
            *(
                _runtime_names(d)
                for d in node.args.defaults + node.args.kw_defaults
                if d is not None
            )
        )
    if isinstance(node, ast.Name):
        return {node.id} if isinstance(node.ctx, ast.Load) else set()
    names: set[str] = set()
    for child in ast.iter_child_nodes(node):
        names |= _runtime_names(child)
    if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        for gen in node.generators:
            names -= {n.id for n in ast.walk(gen.target) if isinstance(n, ast.Name)}
    return names


def _expected_sites(tree: ast.Module, checkers: set[str]) -> list[tuple[ast.Call, list]]:
    """Every argument of every ``expect_*`` call, but a predicate: kept by the warm-up.

    Options and keys are kept as well as expected values, so that whatever computed them — a
    walrus in the expected argument, a reference function's side effect, a loop variable — the
    fast replay uses the values the full replay would, without re-running that code.
    """
    sites = []
    for node in ast.walk(tree):
        if not _is_checker_call(node, checkers) or not node.value.func.attr.startswith("expect_"):
            continue
        call = node.value
        live = ("arg", 1) if call.func.attr in _LIVE else None
        slots = [
            ("arg", i)
            for i, arg in enumerate(call.args)
            if ("arg", i) != live and not isinstance(arg, ast.Starred)
        ]
        slots += [
            ("kw", j)
            for j, k in enumerate(call.keywords)
            if k.arg is not None and not (live and k.arg == "predicate")
        ]
        sites.append((call, slots))
    return sites


def _wrap(call: ast.Call, slot: tuple[str, int], make) -> None:
    kind, i = slot
    if kind == "arg":
        call.args[i] = make(call.args[i])
    else:
        call.keywords[i].value = make(call.keywords[i].value)


def _mutated_roots(stmt: ast.stmt) -> set[str]:
    """Names whose objects ``stmt`` may change in place: ``_opt[0] = …``, ``x.append(…)``."""
    roots: set[str] = set()
    for node in ast.walk(stmt):
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign | ast.Delete):
            targets = node.targets if isinstance(node, ast.Delete) else [node.target]
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            targets = [node.value.func]  # a method called for its effect
        for target in targets:
            while isinstance(target, ast.Subscript | ast.Attribute | ast.Starred):
                target = target.value
                if isinstance(target, ast.Name):
                    roots.add(target.id)
    return roots


def _needs(node: ast.AST, checkers: set[str]) -> set[str]:
    """Names the replay reads to run ``node``, predicates' bodies included."""
    names = _runtime_names(node)
    for sub in ast.walk(node):
        if _is_checker_call(sub, checkers) and call_name(sub.value) in _LIVE:
            names |= set().union(*(loaded_names(arg) for arg in sub.value.args[1:]))
            names |= set().union(*(loaded_names(k.value) for k in sub.value.keywords))
    return names


def _prune(stmts: list[ast.stmt], checkers: set[str]) -> list[ast.stmt]:
    kept: list[ast.stmt] = []
    needed: set[str] = set()
    for stmt in reversed(stmts):
        if _is_checker_call(stmt, checkers):
            node = stmt
        elif isinstance(stmt, ast.Assign) and call_name(stmt.value) == "Checker":
            node = stmt
        elif any(_is_checker_call(n, checkers) for n in ast.walk(stmt)):
            node = copy.copy(stmt)
            for field in BODIES:
                body = getattr(stmt, field, None)
                if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                    setattr(node, field, _prune(body, checkers) or [ast.Pass()])
        elif bound_names(stmt) & needed or _mutated_roots(stmt) & needed:
            node = stmt
        else:
            continue
        kept.append(node)
        needed |= _needs(node, checkers)
        if isinstance(node, ast.For):
            needed |= _runtime_names(node.iter)
    kept.reverse()
    return kept


def plan_cell(source: str, cell: str) -> Plan | None:
    """The warm and fast versions of a test cell, or ``None`` when it must run in full.

    Args:
        source: the instructor's test-cell code.
        cell: a key naming the cell (its grade_id), used in the memo's site keys.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    checkers = _checker_names(tree)
    if not checkers or not _eligible(tree, checkers):
        return None
    warm = copy.deepcopy(tree)
    fast = copy.deepcopy(tree)
    for n, ((wcall, slots), (fcall, _)) in enumerate(
        zip(_expected_sites(warm, checkers), _expected_sites(fast, checkers), strict=True)
    ):
        for m, slot in enumerate(slots):
            key = ast.Constant(f"{cell}:{n}:{m}")

            def keep(expr, key=key):
                return ast.Call(ast.Name(KEEP, ast.Load()), [key, expr], [])

            def take(expr, key=key):
                return ast.Call(ast.Name(TAKE, ast.Load()), [key], [])

            _wrap(wcall, slot, keep)
            _wrap(fcall, slot, take)
    fast.body = _prune(fast.body, checkers)
    ast.fix_missing_locations(warm)
    ast.fix_missing_locations(fast)
    return Plan(ast.unparse(warm), ast.unparse(fast))


class Memo:
    """Expected values kept by the warm-up, handed out again in the same order to each replay.

    Example:
        >>> memo = Memo()
        >>> memo.keep("q1:0:0", ["流量"])
        ['流量']
        >>> memo.cursor().take("q1:0:0")
        ['流量']
    """

    def __init__(self) -> None:
        self.values: dict[str, list] = defaultdict(list)

    def keep(self, key: str, value: object) -> object:
        """Record ``value`` for ``key`` and return it unchanged (the warm-up's ``__bt_keep__``).

        What is recorded is the value as it is now: a deep copy, or for a function, the function
        bound to a snapshot of its globals (see the module comment).
        """
        self.values[key].append(_as_of_now(value))
        return value

    def cursor(self) -> _Cursor:
        """A fresh reader for one replay."""
        return _Cursor(self.values)


def _as_of_now(value: object) -> object:
    """``value`` as it is now, safe from later changes to what it holds (see the module comment).

    A deep copy; a function is rebuilt with deep copies of its default arguments and closure
    cells (``copy`` treats functions as atoms). Its globals need no copy: :func:`.replay.run_cells`
    gives every warm-up cell a namespace of its own. What cannot be copied is kept as it is.
    """
    try:
        if isinstance(value, types.FunctionType):
            cells = value.__closure__
            if cells is not None:
                cells = tuple(types.CellType(copy.deepcopy(c.cell_contents)) for c in cells)
            new = types.FunctionType(
                value.__code__,
                value.__globals__,
                value.__name__,
                copy.deepcopy(value.__defaults__),
                cells,
            )
            new.__kwdefaults__ = copy.deepcopy(value.__kwdefaults__)
            return new
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001 - an uncopyable value is kept as it is
        return value


class _Cursor:
    def __init__(self, values: dict[str, list]) -> None:
        self._values = values
        self._next: dict[str, int] = defaultdict(int)

    def take(self, key: str) -> object:
        i = self._next[key]
        self._next[key] = i + 1
        return self._values[key][i]
