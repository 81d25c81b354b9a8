"""Check instructor test cells against the grading contract before a class is graded."""

from __future__ import annotations

import ast

from .derive import input_names, refusals

#: Checks that are gates: they may not carry points (see grading/expectations.py).
_GATES = ("expect_type", "expect_len")


def lint_test_cells(cells: list[dict[str, object]], *, notebook: str = "") -> list[str]:
    """Return warnings for test cells that would grade wrongly or not replay exactly.

    Checks: the cell parses; it creates ``Checker`` with its own grade_id and the cell's
    nbgrader points; its last line is an expression (nbgrader gives *full* credit to a test cell
    with no output); no two cells share a Checker id (their observations would mix); no gate
    (``expect_type``, ``expect_len``) carries points; and the cell has the shape that lets only
    its inputs reach the student's kernel (:func:`.derive.refusals`).

    Args:
        cells: ``{"grade_id", "source", "points"}`` as from ``Course.test_cells``.
        notebook: a name to prefix the warnings with.

    Example:
        >>> lint_test_cells([{"grade_id": "q1", "points": 1, "source": "x = 1"}])
        ['q1: no Checker(...) in this test cell', 'q1: the last line is not an expression \
(use ck.report()): nbgrader gives full credit to a test cell without output']
    """
    if not isinstance(cells, list):
        raise TypeError(f"cells must be a list of dicts, got {type(cells).__name__}")
    prefix = f"{notebook}/" if notebook else ""
    warnings: list[str] = []
    seen: dict[str, str] = {}
    earlier: set[str] = set()  # inputs earlier test cells left in the kernel
    for cell in cells:
        gid = str(cell.get("grade_id", "?"))
        where = f"{prefix}{gid}"
        try:
            tree = ast.parse(str(cell.get("source", "")))
        except SyntaxError as exc:
            warnings.append(f"{where}: syntax error on line {exc.lineno}")
            continue
        checkers = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "Checker"
        ]
        if not checkers:
            warnings.append(f"{where}: no Checker(...) in this test cell")
        for call in checkers:
            first = call.args[0] if call.args else None
            cid = first.value if isinstance(first, ast.Constant) else None
            if cid != gid:
                warnings.append(f"{where}: Checker id {cid!r} differs from the cell's grade_id")
            if isinstance(cid, str):
                if cid in seen and seen[cid] != gid:
                    warnings.append(f"{where}: Checker id {cid!r} is also used in {seen[cid]}")
                seen.setdefault(cid, gid)
            pts = next((k.value for k in call.keywords if k.arg == "points"), None)
            value = pts.value if isinstance(pts, ast.Constant) else None
            cell_points = cell.get("points")
            if value is not None and cell_points is not None and float(value) != float(cell_points):
                warnings.append(
                    f"{where}: Checker points {value} differ from the cell's nbgrader points "
                    f"{cell_points}"
                )
        warnings += [
            f"{where}: {problem}" for problem in refusals(str(cell["source"]), earlier=earlier)
        ]
        earlier |= input_names(str(cell["source"]))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _GATES
            ):
                for k in node.keywords:
                    if k.arg == "points" and not (
                        isinstance(k.value, ast.Constant) and k.value.value == 0
                    ):
                        warnings.append(
                            f"{where}: line {node.lineno}: {node.func.attr} is a gate and earns "
                            "no points; give them to a check of the value"
                        )
        if not tree.body or not isinstance(tree.body[-1], ast.Expr):
            warnings.append(
                f"{where}: the last line is not an expression (use ck.report()): nbgrader gives "
                "full credit to a test cell without output"
            )
    return warnings
