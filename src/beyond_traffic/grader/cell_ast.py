"""What test-cell code calls, reads and binds: the AST questions the grader asks of a cell."""

from __future__ import annotations

import ast

__all__ = [
    "EXPECT_ARGUMENTS",
    "BODIES",
    "call_name",
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
