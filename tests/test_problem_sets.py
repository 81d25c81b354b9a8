"""Design of the problem sets: method share, test-cell contract, rubrics, ASCII names, quotes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from beyond_traffic import release
from beyond_traffic.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
BLUEPRINT = yaml.safe_load((ROOT / "instructors" / "blueprint.yaml").read_text(encoding="utf-8"))
ASSIGNMENTS = list(release.ASSIGNMENTS)
KINDS = {"method", "application", "library", "open"}
EXPECTS = {
    "expect_equal",
    "expect_type",
    "expect_len",
    "expect_contains",
    "expect_subset",
    "expect_true",
    "expect_ok",
}
HIDDEN_MARK = "### BEGIN HIDDEN TESTS"
MIN_METHOD_SHARE = 0.5


def meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def source_nb(name: str):
    return nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", as_version=4)


def release_nb(name: str):
    return nbformat.read(ROOT / "assignments" / name / f"{name}.ipynb", as_version=4)


def cells_by_id(nb) -> dict:
    return {meta(c)["grade_id"]: c for c in nb.cells if meta(c).get("grade_id")}


def graded_test_cells(nb) -> list:
    return [c for c in nb.cells if meta(c).get("grade") and not meta(c).get("solution")]


def written_cells(nb) -> list:
    return [c for c in nb.cells if meta(c).get("grade") and meta(c).get("solution")]


def points(nb) -> dict[str, float]:
    return {meta(c)["grade_id"]: float(meta(c)["points"]) for c in nb.cells if meta(c).get("grade")}


def solution_region(source: str) -> str:
    body = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", source, re.S)
    assert body, "every answer cell has a solution region"
    return "\n".join(
        line[4:] if line.startswith("    ") else line for line in body.group(1).splitlines()
    )


def method_share(name: str) -> float:
    """Share of the autograded points (nbgrader metadata) the blueprint classifies as method."""
    auto = {
        c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
        for c in graded_test_cells(source_nb(name))
    }
    kinds = BLUEPRINT[name]["cells"]
    return sum(p for gid, p in auto.items() if kinds[gid]["kind"] == "method") / sum(auto.values())


# --------------------------------------------------------------------------- the blueprint


def test_blueprint_lists_exactly_the_problem_sets():
    assert list(BLUEPRINT) == ASSIGNMENTS


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_blueprint_classifies_every_graded_cell(name):
    nb = source_nb(name)
    declared = BLUEPRINT[name]["cells"]
    assert set(declared) == set(points(nb)), "every graded cell, and only those, is classified"
    assert {spec["kind"] for spec in declared.values()} <= KINDS
    manual = {meta(c)["grade_id"] for c in written_cells(nb)}
    assert manual == {gid for gid, spec in declared.items() if spec["kind"] == "open"}
    assert manual, "each problem set has at least one written answer graded by hand"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_at_least_half_of_the_autograded_points_go_to_student_written_methods(name):
    share = method_share(name)
    print(f"{name}: {share:.1%} of the autograded points go to method code")
    assert share >= MIN_METHOD_SHARE


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_method_answers_are_functions_the_student_writes(name):
    src, rel = cells_by_id(source_nb(name)), cells_by_id(release_nb(name))
    for gid, spec in BLUEPRINT[name]["cells"].items():
        if spec["kind"] != "method":
            continue
        answer = f"{gid}_answer"
        stub = ast.parse(rel[answer].source)
        defs = [n for n in stub.body if isinstance(n, ast.FunctionDef)]
        assert defs, f"{gid}: the release asks for a function"
        for fn in defs:
            body = [
                n
                for n in fn.body
                if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
            ]
            assert body == [], f"{gid}: the released {fn.name} is a stub (docstring only)"
        test = ast.parse(src[gid].source)
        observed = {
            n.id
            for call in ast.walk(test)
            if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "observe"
            for n in ast.walk(call)
            if isinstance(n, ast.Name)
        }
        assert {fn.name for fn in defs} & observed, f"{gid}: the test cell calls the function"
        called = {
            getattr(n.func, "id", None) or getattr(n.func, "attr", None)
            for n in ast.walk(ast.parse(solution_region(src[answer].source)))
            if isinstance(n, ast.Call)
        }
        banned = called & set(spec.get("not_calling", []))
        assert not banned, f"{gid}: the reference method calls the course's own {banned}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_each_notebook_states_its_time_estimate(name):
    intro = source_nb(name).cells[0].source
    assert BLUEPRINT[name]["time"] in intro
    assert "Estimated time" in intro and "预计用时" in intro


# --------------------------------------------------------------------------- written answers


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_written_answers_have_a_rubric_with_limits_and_a_self_assessment(name):
    for nb in (source_nb(name), release_nb(name)):
        by_id = cells_by_id(nb)
        for cell in written_cells(nb):
            gid = meta(cell)["grade_id"]
            assert cell.cell_type == "markdown" and not meta(cell).get("locked")
            intro = by_id[gid.split("_")[0] + "_intro"].source
            rows = re.findall(r"^\| (\S+) ([^|]*)\| ([\d.]+) \|", intro, re.M)
            assert rows, f"{gid}: a rubric table above the answer"
            assert sum(float(p) for _, _, p in rows) == float(meta(cell)["points"])
            assert any("局限" in zh and "Limits of the method" in en for zh, en, _ in rows)
            assessment = intro.split("自评表 / Self-assessment", 1)
            assert len(assessment) == 2 and assessment[1].count("- [ ]") >= 3


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_written_solution_cells_point_graders_to_the_exemplars(name):
    for cell in written_cells(source_nb(name)):
        gid = meta(cell)["grade_id"]
        assert f"instructors/exemplars/{name}_{gid}.md" in cell.source
        assert (ROOT / "instructors" / "exemplars" / f"{name}_{gid}.md").is_file()


# --------------------------------------------------------------------------- names and quotes


def _identifiers(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            found.add(node.name)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.alias):
            found.add(node.asname or node.name)
        elif isinstance(node, ast.keyword) and node.arg:
            found.add(node.arg)
    return found


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_code_students_read_or_type_uses_ascii_names(name):
    for nb in (release_nb(name), source_nb(name)):
        for cell in nb.cells:
            if cell.cell_type == "code":
                bad = sorted(i for i in _identifiers(cell.source) if not i.isascii())
                assert bad == [], f"{meta(cell).get('grade_id')}: non-ASCII names {bad}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_quotations_in_problem_sets_occur_in_the_cleaned_corpus(name):
    corpus = [a.clean for a in load_corpus()]
    for cell in source_nb(name).cells:
        for span in re.findall(r"「([^「」]*)」", cell.source):
            fragments = [f for f in span.split("…") if f]
            assert fragments and any(all(f in text for f in fragments) for text in corpus), (
                f"{meta(cell).get('grade_id')}: 「{span}」 is not in the cleaned corpus"
            )


# --------------------------------------------------------------------------- test-cell contract


def _module_bindings(tree: ast.Module) -> set[str]:
    """Names a cell binds in the kernel's global namespace (not inside functions)."""
    names: set[str] = set()
    scoped = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.comprehension)

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(child.name)
            elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                names.add(child.id)
            elif isinstance(child, ast.alias):
                names.add((child.asname or child.name).split(".")[0])
            if not isinstance(child, scoped):
                visit(child)

    visit(tree)
    return names


def _student_names(nb) -> set[str]:
    """Names bound by every cell that is not an autograded test cell (they live in the kernel)."""
    names: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and cell not in graded_test_cells(nb):
            names |= _module_bindings(ast.parse(cell.source))
    return names


def _global_names(tree: ast.Module) -> list[ast.Name]:
    """Every Name node that refers to a module-level (kernel) name, scopes taken into account."""
    found: list[ast.Name] = []

    def local_names(node: ast.AST) -> set[str]:
        if isinstance(node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            bound = {a.arg for a in args.args + args.kwonlyargs + args.posonlyargs}
            bound |= {a.arg for a in (args.vararg, args.kwarg) if a}
            if not isinstance(node, ast.Lambda):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                        bound.add(inner.id)
            return bound
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            return {
                n.id
                for gen in node.generators
                for n in ast.walk(gen.target)
                if isinstance(n, ast.Name)
            }
        return set()

    def visit(node: ast.AST, shadowed: frozenset[str]) -> None:
        shadowed = shadowed | local_names(node)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Name) and child.id not in shadowed:
                found.append(child)
            visit(child, shadowed)

    visit(tree, frozenset())
    return found


def _is_call(node, attr: str) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == attr
    )


def _observation_names(tree: ast.Module) -> set[str]:
    """Cell-level names the observe lambdas need, transitively through the cell's bindings."""
    bound: dict[str, list[ast.AST]] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                for n in ast.walk(target):
                    if isinstance(n, ast.Name):
                        bound.setdefault(n.id, []).append(stmt.value)
        elif isinstance(stmt, ast.FunctionDef):
            bound.setdefault(stmt.name, []).append(stmt)
    frontier = [
        n.id
        for call in ast.walk(tree)
        if _is_call(call, "observe")
        for arg in call.args[1:]
        for n in ast.walk(arg)
        if isinstance(n, ast.Name)
    ]
    needed: set[str] = set()
    while frontier:
        name = frontier.pop()
        if name in needed or name not in bound:
            continue
        needed.add(name)
        frontier += [
            n.id for value in bound[name] for n in ast.walk(value) if isinstance(n, ast.Name)
        ]
    return needed


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def lint_test_cell(source: str, *, grade_id: str, points: float, students: set[str]) -> list[str]:
    """Problems of one test cell under the contract in docs/grading.md (and the lead's lint)."""
    problems = []
    tree = ast.parse(source)
    if HIDDEN_MARK not in source:
        problems.append("no hidden tests")
    for stmt in tree.body:
        if not isinstance(
            stmt, ast.Import | ast.ImportFrom | ast.Assign | ast.Expr | ast.FunctionDef
        ):
            problems.append(
                f"line {stmt.lineno}: only imports, assignments, defs and Checker calls"
            )
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "beyond_traffic.grading":
            if [a.name for a in stmt.names] != ["Checker"]:
                problems.append("imports from beyond_traffic.grading other than Checker")
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            for alias in stmt.names:
                bound = alias.asname or alias.name
                if bound != "Checker" and not bound.startswith("_"):
                    problems.append(
                        f"import {bound} without a private alias (it would shadow a student name)"
                    )
    last = tree.body[-1]
    if not (isinstance(last, ast.Expr) and _is_call(last.value, "report")):
        problems.append("the last line is not ck.report()")
    checkers = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Checker"
    ]
    if len(checkers) != 1 or ast.literal_eval(checkers[0].args[0]) != grade_id:
        problems.append("one Checker named by the cell's grade_id")
    elif (
        float(ast.literal_eval(next(k.value for k in checkers[0].keywords if k.arg == "points")))
        != points
    ):
        problems.append("Checker points differ from the cell's nbgrader points")
    # Student names only inside observe lambdas; none rebound by the cell.
    inside: set[int] = set()
    for call in ast.walk(tree):
        if _is_call(call, "observe"):
            inside |= {id(n) for arg in call.args[1:] for n in ast.walk(arg)}
    for node in _global_names(tree):
        if node.id in students and id(node) not in inside:
            problems.append(f"student name {node.id} outside an observe lambda")
    # Expected values must not be reachable from the observation code.
    needed = _observation_names(tree)
    parents = _parents(tree)
    total = 0.0
    for call in ast.walk(tree):
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in EXPECTS
        ):
            continue
        default = 0.0 if call.func.attr in ("expect_type", "expect_len") else 1.0  # gates
        given = next((k.value for k in call.keywords if k.arg == "points"), None)
        total += float(ast.literal_eval(given)) if given is not None else default
        expected = call.args[1:] + [
            k.value for k in call.keywords if k.arg not in ("points", "zh", "en")
        ]
        for arg in expected:
            for node in ast.walk(arg):
                if not (isinstance(node, ast.Name) and node.id in needed):
                    continue
                parent = parents.get(id(node))
                as_argument = (
                    isinstance(parent, ast.Call)
                    and parent is not call
                    and (node in parent.args or node in [k.value for k in parent.keywords])
                )
                if not as_argument:
                    problems.append(
                        f"{call.func.attr}: observation input {node.id} in an expected value"
                    )
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name not in needed:
            leaked = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)} & needed
            if leaked:
                problems.append(f"{stmt.name} reads observation inputs {sorted(leaked)} as globals")
    if abs(total - points) > 1e-9:
        problems.append(f"expectations add up to {total}, not {points}")
    return problems


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_test_cells_follow_the_contract(name):
    nb = source_nb(name)
    students = _student_names(nb)
    assert students, "answers are named variables or functions"
    problems = []
    for cell in graded_test_cells(nb):
        gid = meta(cell)["grade_id"]
        problems += [
            f"{gid}: {p}"
            for p in lint_test_cell(
                cell.source, grade_id=gid, points=float(meta(cell)["points"]), students=students
            )
        ]
    assert problems == []


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_visible_checks_can_say_an_answer_is_right(name):
    """Each test cell's visible part checks more than the type and length gates."""
    for cell in graded_test_cells(source_nb(name)):
        visible = ast.parse(cell.source.split(HIDDEN_MARK)[0] + "\nck.report()")
        earning = [
            call
            for call in ast.walk(visible)
            if isinstance(call, ast.Call)
            and getattr(call.func, "attr", "") in EXPECTS - {"expect_type", "expect_len"}
        ]
        assert earning, f"{meta(cell)['grade_id']}: visible checks only look at the type"
        kinds = BLUEPRINT[name]["cells"][meta(cell)["grade_id"]]["kind"]
        if kinds == "method":
            assert any(c.func.attr == "expect_equal" for c in earning), (
                f"{meta(cell)['grade_id']}: a method is checked for equality on its worked example"
            )


def test_the_lint_catches_what_it_should():
    students = {"q1_answer"}
    good = (
        "from beyond_traffic.grading import Checker\n"
        "ck = Checker('q1', points=1)\n"
        "_x = 'A1'\n"
        "ck.observe('v', lambda: q1_answer(_x))\n"
        "### BEGIN HIDDEN TESTS\n"
        "ck.expect_equal('v', _ref(_x), points=1)\n"
        "### END HIDDEN TESTS\n"
        "ck.report()\n"
    )
    assert lint_test_cell(good, grade_id="q1", points=1, students=students) == []
    leaks = good.replace("_ref(_x)", "_x")
    assert any(
        "in an expected value" in p
        for p in lint_test_cell(leaks, grade_id="q1", points=1, students=students)
    )
    outside = good.replace("_x = 'A1'", "_x = q1_answer")
    assert any(
        "outside an observe" in p
        for p in lint_test_cell(outside, grade_id="q1", points=1, students=students)
    )
    shadow = good.replace("_x = 'A1'\n", "from beyond_traffic.count import kwic\n_x = 'A1'\n")
    assert any(
        "private alias" in p
        for p in lint_test_cell(shadow, grade_id="q1", points=1, students=students)
    )
    points = good.replace("points=1)\n### END", "points=0.5)\n### END")
    assert any(
        "add up" in p for p in lint_test_cell(points, grade_id="q1", points=1, students=students)
    )


def test_the_instructors_guide_states_the_computed_figures():
    """Points, method shares and times in docs/instructors.md are what the notebooks hold."""
    guide = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
    for name in ASSIGNMENTS:
        row = next(line for line in guide.splitlines() if line.startswith(f"| `{name}` |"))
        nb = source_nb(name)
        auto = [c for c in graded_test_cells(nb)]
        total = sum(float(meta(c)["points"]) for c in auto)
        assert f"{len(auto)} questions, {total:g} pts" in row
        assert f"{round(100 * method_share(name))} %" in row
        for cell in written_cells(nb):
            assert f"{float(meta(cell)['points']):g} pts" in row
        hours = BLUEPRINT[name]["time"].split(" / ")[1].replace(" hours", " h")
        assert hours in row


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_the_graders_own_lint_accepts_every_test_cell(name):
    from beyond_traffic.grader.lint import lint_test_cells

    cells = [
        {"grade_id": meta(c)["grade_id"], "source": c.source, "points": meta(c)["points"]}
        for c in graded_test_cells(source_nb(name))
    ]
    assert lint_test_cells(cells, notebook=name) == []
