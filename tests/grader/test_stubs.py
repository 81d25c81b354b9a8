"""Points only for correct work: type-correct zeroed stubs of every answer earn (almost) nothing.

The stubs are built mechanically from the reference solutions: each answer cell runs its
reference code, then every answer name it binds is replaced by a value of the same type and
shape with zeroed content — 0, 0.0, False, "", same-length lists and tuples of zeroed items,
same-key dicts of zeroed values, empty sets, and for a function, one returning the zeroed form
of what the reference returns for the same arguments. Graded by ``beyond-traffic grade`` (the
sandbox, the observation code and the fast replay), such a stub must score at most 2 % of a
problem set's autograded points.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import course_tools as ct
import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
ASSIGNMENTS = sorted(p.parent.name for p in REPO.glob("solutions/*/*.ipynb"))

#: Appended to each answer cell: zero every answer name the cell bound (its reference code ran).
ZEROING = """
def _bt_zero(value):
    import types
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 0
    if isinstance(value, float):
        return 0.0
    if isinstance(value, str):
        return ""
    if isinstance(value, tuple):
        items = [_bt_zero(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, list):
        return [_bt_zero(v) for v in value]
    if isinstance(value, dict):
        return {k: _bt_zero(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return type(value)()
    if isinstance(value, types.FunctionType):
        return lambda *args, **kwargs: _bt_zero(value(*args, **kwargs))
    if isinstance(value, types.ModuleType):
        return value
    return None


for _bt_name in NAMES:
    globals()[_bt_name] = _bt_zero(globals()[_bt_name])
"""


def answer_names(source: str) -> list[str]:
    """The names an answer cell binds at its top level (helpers starting with ``_`` aside)."""
    names: list[str] = []
    for stmt in ast.parse(source).body:
        if isinstance(stmt, ast.FunctionDef):
            names.append(stmt.name)
        elif isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                names += [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
    return sorted({n for n in names if not n.startswith("_")})


def stub_answers(assignment: str) -> dict[str, str]:
    """Each answer cell's reference code followed by the zeroing of its answer names."""
    source = nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    out = {}
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            names = answer_names(cell.source)
            out[meta["grade_id"]] = cell.source + "\n" + ZEROING.replace("NAMES", repr(names))
    return out


def test_the_zeroing_keeps_types_and_shapes():
    namespace: dict = {}
    exec(  # noqa: S102
        "from collections import namedtuple\nP = namedtuple('P', 'p r')\n"
        "def f(x):\n    return [(x, 1.5), (x, 2.5)]\n"
        "a, b, c, d, e = 3, '流量', {'A1': (0.5, P(1.0, 2.0))}, {'流量'}, True\n"
        + ZEROING.replace("NAMES", "['a', 'b', 'c', 'd', 'e', 'f']"),
        namespace,
    )
    assert (namespace["a"], namespace["b"], namespace["d"], namespace["e"]) == (0, "", set(), False)
    assert namespace["c"] == {"A1": (0.0, (0.0, 0.0))}
    assert type(namespace["c"]["A1"][1]).__name__ == "P"
    assert namespace["f"]("赋能") == [("", 0.0), ("", 0.0)]
    assert answer_names("def q1(x):\n    return x\nq2 = None\n_h = 1\nq2 = 3") == ["q1", "q2"]


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_zeroed_stub_scores_at_most_two_percent(tmp_path, assignment):
    shutil.copy(REPO / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    shutil.copytree(REPO / "solutions" / assignment, tmp_path / "solutions" / assignment)
    ct.nbgrader(tmp_path, "generate_assignment", assignment, "--force")
    answers = stub_answers(assignment)
    assert answers, "every problem set has answer cells"
    ct.submit_answers(tmp_path, assignment, "stub", answers)
    release = tmp_path / "assignments" / assignment / f"{assignment}.ipynb"
    nb = nbformat.read(release, as_version=4)
    run = ct.beyond_traffic(tmp_path, "grade", assignment, "--jobs", "1", "--no-progress")
    assert run.returncode == 0, run.stdout + run.stderr
    scores = ct.gradebook_scores(tmp_path, assignment)["stub"]
    points = {
        c.metadata["nbgrader"]["grade_id"]: float(c.metadata["nbgrader"]["points"])
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade")
        and not c.metadata["nbgrader"].get("solution")
        and c.cell_type == "code"
    }
    assert set(points) <= set(scores), "every test cell was graded"
    total = sum(points.values())
    earned = {k: v for k, v in scores.items() if v}
    assert sum(earned.values()) <= 0.02 * total, earned
