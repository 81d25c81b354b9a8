"""What test-cell code calls, reads and binds: the AST questions the grader asks of a cell."""

from __future__ import annotations

import ast

__all__ = [
    "EXPECT_ARGUMENTS",
    "COURSE_PACKAGE",
    "BODIES",
    "call_name",
    "is_observe",
    "is_check",
    "has_check",
    "course_names",
    "contains_observe",
    "loaded_names",
    "bound_names",
    "expected_args",
]

#: For each expectation, the arguments that carry what is expected (position, keyword names).
EXPECT_ARGUMENTS = {
    "expect_equal": (1, ("expected",)),
    "expect_contains": (1, ("items",)),
    "expect_subset": (1, ("allowed",)),
    "expect_true": (1, ("predicate",)),
    "expect_len": (1, ("length", "min_len", "max_len")),
}
#: The package whose functions a test cell may call to compute a reference from a hidden input.
COURSE_PACKAGE = "beyond_traffic"
_CHECKS = ("expect_", "report")


def call_name(node: ast.AST) -> str | None:
    """The called function's or method's name, for a call node; else ``None``.

    Example:
        >>> call_name(ast.parse("ck.observe('x', lambda: 1)").body[0].value)
        'observe'
    """
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute):
            return func.attr
        if isinstance(func, ast.Name):
            return func.id
    return None


def is_observe(stmt: ast.stmt) -> bool:
    """Whether ``stmt`` is a statement ``X.observe(...)``."""
    return isinstance(stmt, ast.Expr) and call_name(stmt.value) == "observe"


def is_check(stmt: ast.stmt) -> bool:
    """Whether ``stmt`` is a statement ``X.expect_...(...)`` or ``X.report(...)``."""
    name = call_name(stmt.value) if isinstance(stmt, ast.Expr) else None
    return bool(name) and name.startswith(_CHECKS) and isinstance(stmt.value.func, ast.Attribute)


def has_check(node: ast.AST) -> bool:
    """Whether an ``X.expect_...(...)`` or ``X.report(...)`` call occurs anywhere in ``node``.

    Unlike :func:`is_check` this also finds a check whose value is used: ``ok = ck.expect_equal(
    ...)`` or ``if not ck.expect_true(...):``.
    """
    return any(
        isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr.startswith(_CHECKS)
        for n in ast.walk(node)
    )


def course_names(tree: ast.AST) -> set[str]:
    """Names a cell imports from the course package (functions, or the package's modules).

    Example:
        >>> sorted(course_names(ast.parse(
        ...     "import beyond_traffic.clean as bc\\nfrom beyond_traffic.segment import cut")))
        ['bc', 'cut']
    """
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == COURSE_PACKAGE:
                names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == COURSE_PACKAGE:
                    names.add(alias.asname or alias.name.split(".")[0])
    return names


def contains_observe(stmt: ast.stmt) -> bool:
    """Whether an ``observe`` statement occurs anywhere inside ``stmt``."""
    return any(isinstance(n, ast.stmt) and is_observe(n) for n in ast.walk(stmt))


_SCOPES = (
    ast.Lambda,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


def _local_names(scope: ast.AST) -> set[str]:
    """Names a lambda, function or comprehension binds for itself (parameters, loop targets)."""
    names: set[str] = set()
    if isinstance(scope, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
        a = scope.args
        for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]:
            if arg is not None:
                names.add(arg.arg)
        if not isinstance(scope, ast.Lambda):
            for stmt in scope.body:
                names |= bound_names(stmt)
    else:
        for gen in scope.generators:
            names |= {n.id for n in ast.walk(gen.target) if isinstance(n, ast.Name)}
    return names


def loaded_names(node: ast.AST) -> set[str]:
    """Free names ``node`` reads (names local to its lambdas and comprehensions excluded)."""
    if isinstance(node, ast.Name):
        return {node.id} if isinstance(node.ctx, ast.Load) else set()
    names: set[str] = set()
    for child in ast.iter_child_nodes(node):
        names |= loaded_names(child)
    if isinstance(node, _SCOPES):
        names -= _local_names(node)
    return names


def bound_names(node: ast.AST) -> set[str]:
    """Names ``node`` binds in the cell's own scope (not inside its lambdas or functions)."""
    if isinstance(node, ast.Name):
        return {node.id} if isinstance(node.ctx, ast.Store | ast.Del) else set()
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {node.name}
    if isinstance(node, ast.Lambda | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        return set()
    names: set[str] = set()
    if isinstance(node, ast.Import | ast.ImportFrom):
        names |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
    elif isinstance(node, ast.ExceptHandler) and node.name:
        names.add(node.name)
    for child in ast.iter_child_nodes(node):
        names |= bound_names(child)
    return names


BODIES = ("body", "orelse", "finalbody", "handlers")


def expected_args(call: ast.Call) -> list[ast.AST]:
    """The argument expressions of an ``expect_*`` call that carry what is expected."""
    position, keywords = EXPECT_ARGUMENTS[call_name(call)]
    args = [call.args[position]] if len(call.args) > position else []
    if call_name(call) == "expect_len":
        args += call.args[position + 1 :]
    return args + [k.value for k in call.keywords if k.arg in keywords]
