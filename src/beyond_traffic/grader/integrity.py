"""The integrity report: answers that hand a question to the course's code, and copied answers."""

# Two kinds of finding, for the instructor to read (scores never change):
#
# * ``shortcut``: a "write it yourself" answer (a ``method`` cell of instructors/blueprint.yaml)
#   whose code reaches a course function listed under ``not_calling``: imported under any name,
#   called through a module alias, or named in a string next to the course package (getattr,
#   importlib). Found in the answer cell's AST, with imports resolved over the whole notebook,
#   and, after ``beyond-traffic grade``, in the course functions the grader saw the student's
#   code call (a name built at run time shows only there).
# * ``similar``: two students whose answer to one question is the same under renaming and
#   reformatting (code), or shares most of its word runs (Chinese written answers); see
#   :mod:`.similarity`. Answers left as the release gave them, and very short ones, are skipped.

from __future__ import annotations

import ast
import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from .similarity import (
    MIN_CODE_TOKENS,
    MIN_TEXT_TOKENS,
    code_fingerprint,
    resemblance,
    text_fingerprint,
)

__all__ = [
    "COLUMNS",
    "CODE_THRESHOLD",
    "TEXT_THRESHOLD",
    "Finding",
    "load_forbidden",
    "shortcuts",
    "notebook_shortcuts",
    "graded_shortcuts",
    "similar_pairs",
    "integrity_report",
    "report_csv",
    "learner_warnings",
    "find_blueprint",
    "add_parser",
]

#: Columns of the CSV report.
COLUMNS = ("student", "other", "grade_id", "kind", "detail")
#: Resemblance from which two answers are listed (1.0: the same code after renaming).
CODE_THRESHOLD = 0.9
TEXT_THRESHOLD = 0.6
_PACKAGE = "beyond_traffic"


@dataclass(frozen=True)
class Finding:
    """One row of the report.

    Attributes:
        student: whose answer it is.
        other: the other student of a ``similar`` pair (``""`` for a shortcut).
        grade_id: the answer cell's grade id.
        kind: ``"shortcut"`` or ``"similar"``.
        detail: what was found, in one line.
    """

    student: str
    other: str
    grade_id: str
    kind: str
    detail: str


def load_forbidden(blueprint: Path, assignment: str) -> dict[str, frozenset[str]]:
    """``{question id: course functions its answer must not call}`` from a blueprint file.

    Example:
        >>> from pathlib import Path
        >>> path = Path(__file__).parents[3] / "instructors" / "blueprint.yaml"
        >>> "strip_pinyin_annotations" in load_forbidden(path, "ps1_segment")["q1_strip_pinyin"]
        True
    """
    import yaml

    data = yaml.safe_load(blueprint.read_text(encoding="utf-8")) or {}
    cells = (data.get(assignment) or {}).get("cells") or {}
    return {
        qid: frozenset(spec.get("not_calling") or ())
        for qid, spec in cells.items()
        if isinstance(spec, dict) and spec.get("kind") == "method"
    }


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _course_names(sources: Iterable[str]) -> tuple[dict[str, str], set[str]]:
    """Names bound to course functions (``name -> function``) and to course modules."""
    functions: dict[str, str] = {}
    modules: set[str] = set()
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(_PACKAGE):
                for alias in node.names:
                    local = alias.asname or alias.name
                    functions[local] = alias.name
                    modules.add(local)  # ``from beyond_traffic import clean`` binds a module
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == _PACKAGE:
                        modules.add((alias.asname or alias.name).split(".")[0])
    return functions, modules


def shortcuts(answer: str, forbidden: Iterable[str], *, context: Iterable[str] = ()) -> list[str]:
    """How ``answer`` reaches a forbidden course function (empty when it does not).

    Args:
        answer: the answer cell's code.
        forbidden: names of course functions the question asks the student to write.
        context: the notebook's other code cells (their imports bind names the answer uses).

    Example:
        >>> src = "from beyond_traffic.clean import strip_pinyin_annotations as q1_strip_pinyin"
        >>> shortcuts(src, ["strip_pinyin_annotations"])
        ['imports beyond_traffic.clean.strip_pinyin_annotations as q1_strip_pinyin']
        >>> shortcuts("def q1(text):\\n    return text.count('流量')", ["count"])
        []
    """
    banned = frozenset(forbidden)
    try:
        tree = ast.parse(answer)
    except SyntaxError:
        return []
    functions, modules = _course_names([*context, answer])
    own = {
        n.name
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }
    found: list[str] = []
    mentions_course = False
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(_PACKAGE):
            mentions_course = True
            for alias in node.names:
                if alias.name in banned:
                    name = f"{node.module}.{alias.name}"
                    found.append(
                        f"imports {name}" + (f" as {alias.asname}" if alias.asname else "")
                    )
        elif isinstance(node, ast.Import):
            mentions_course |= any(a.name.split(".")[0] == _PACKAGE for a in node.names)
        elif isinstance(node, ast.Name) and node.id not in own:
            target = functions.get(node.id)
            if target in banned and isinstance(node.ctx, ast.Load):
                found.append(f"uses {target}")
            mentions_course |= node.id in modules
        elif isinstance(node, ast.Attribute) and node.attr in banned:
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in modules:
                found.append(f"uses {node.attr} through {base.id}")
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    mentions_course |= any(isinstance(v, str) and v.startswith(_PACKAGE) for v in strings)
    if mentions_course:
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in banned:
                found.append(f"names {node.value} in a string beside the course package")
    return list(dict.fromkeys(found))


def _question(grade_id: str, forbidden: dict[str, frozenset[str]]) -> str | None:
    # Answer cells are named for their question: q1_strip_pinyin_answer answers q1_strip_pinyin.
    for qid in forbidden:
        if grade_id == qid or grade_id.startswith(qid + "_"):
            return qid
    return None


def notebook_shortcuts(nb, forbidden: dict[str, frozenset[str]]) -> list[tuple[str, str]]:
    """``(grade_id, detail)`` for every shortcut in one notebook's answer cells.

    Example:
        >>> import nbformat
        >>> cell = nbformat.v4.new_code_cell("from beyond_traffic.gold import score_segmentation")
        >>> cell.metadata["nbgrader"] = {"grade_id": "q6_prf_answer", "solution": True}
        >>> nb = nbformat.v4.new_notebook(cells=[cell])
        >>> notebook_shortcuts(nb, {"q6_prf": frozenset({"score_segmentation"})})
        [('q6_prf_answer', 'imports beyond_traffic.gold.score_segmentation')]
    """
    code = [c for c in nb.cells if c.cell_type == "code"]
    out = []
    for cell in code:
        meta = _meta(cell)
        gid = meta.get("grade_id", "")
        qid = _question(gid, forbidden) if meta.get("solution") else None
        if qid is None:
            continue
        context = [str(c.source) for c in code if c is not cell]
        out += [(gid, d) for d in shortcuts(str(cell.source), forbidden[qid], context=context)]
    return out


def _answers(nb, given: dict[str, str]) -> dict[str, tuple[str, str]]:
    """``{grade_id: (cell type, source)}`` of the answer cells a student changed."""
    out = {}
    for cell in nb.cells:
        meta = _meta(cell)
        gid = meta.get("grade_id")
        if meta.get("solution") and gid and str(cell.source).strip() != given.get(gid, "").strip():
            out[gid] = (cell.cell_type, str(cell.source))
    return out


def similar_pairs(
    answers: dict[str, dict[str, tuple[str, str]]], *, keep: frozenset[str] = frozenset()
) -> list[Finding]:
    """Pairs of students whose answer to one question resembles the other's.

    Args:
        answers: ``{student: {grade_id: (cell type, source)}}``.
        keep: names given by the notebook (not the student's choice when renaming).

    Example:
        >>> a = "def f(词表):\\n    return sorted(词表)"
        >>> b = "def g( ws ):  # 排序\\n    return sorted(ws)"
        >>> similar_pairs({"甲": {"q": ("code", a)}, "乙": {"q": ("code", b)}})  # too short
        []
    """
    prints: dict[str, dict[str, object]] = {}
    for student, cells in answers.items():
        for gid, (kind, source) in cells.items():
            fp = code_fingerprint(source, keep=keep) if kind == "code" else text_fingerprint(source)
            least = MIN_CODE_TOKENS if kind == "code" else MIN_TEXT_TOKENS
            if len(fp.tokens) >= least:
                prints.setdefault(gid, {})[student] = (kind, fp)
    found = []
    for gid in sorted(prints):
        for (s1, (kind, f1)), (s2, (_, f2)) in combinations(sorted(prints[gid].items()), 2):
            score = resemblance(f1, f2)
            threshold = CODE_THRESHOLD if kind == "code" else TEXT_THRESHOLD
            if score >= threshold:
                how = "code equal after renaming" if score == 1.0 else "code alike"
                if kind != "code":
                    how = "written answer alike (word runs)"
                found.append(Finding(s1, s2, gid, "similar", f"{how}: {score:.2f}"))
    return found


def integrity_report(
    course: Path, assignment: str, *, blueprint: Path | None = None
) -> list[Finding]:
    """Every finding for ``assignment`` over ``course/submitted/*/ASSIGNMENT/*.ipynb``.

    Args:
        course: the course folder (with ``submitted/`` and ``release/`` or ``assignments/``).
        assignment: the assignment name, e.g. ``"ps1_segment"``.
        blueprint: the blueprint file (default: ``course/instructors/blueprint.yaml``; without
            one only ``similar`` pairs are listed).

    Example:
        >>> integrity_report(Path("/nonexistent"), "ps1_segment")
        []
    """
    import nbformat

    blueprint = blueprint or course / "instructors" / "blueprint.yaml"
    forbidden = load_forbidden(blueprint, assignment) if blueprint.is_file() else {}
    given: dict[str, str] = {}
    keep: set[str] = set()
    for folder in ("release", "assignments"):
        for path in sorted((course / folder).glob(f"**/{assignment}/*.ipynb")):
            release = nbformat.read(path, as_version=4)
            for cell in release.cells:
                gid = _meta(cell).get("grade_id")
                if gid:
                    given.setdefault(gid, str(cell.source))
                if cell.cell_type == "code":
                    # Names the release defines are given: renaming them is not disguise.
                    keep |= _defined(str(cell.source))
    findings: list[Finding] = []
    answers: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted((course / "submitted").glob(f"*/{assignment}/*.ipynb")):
        student = path.parents[1].name
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # noqa: BLE001 - a broken notebook has nothing to report
            continue
        for gid, detail in notebook_shortcuts(nb, forbidden):
            findings.append(Finding(student, "", gid, "shortcut", detail))
        findings += graded_shortcuts(course, assignment, student, forbidden)
        answers.setdefault(student, {}).update(_answers(nb, given))
    return findings + similar_pairs(answers, keep=frozenset(keep))


def graded_shortcuts(
    course: Path, assignment: str, student: str, forbidden: dict[str, frozenset[str]]
) -> list[Finding]:
    """Shortcuts seen while grading: course functions the student's code called at run time.

    ``beyond-traffic grade`` keeps, in its resume marker, the course functions each test cell saw
    the student's code call (:mod:`beyond_traffic.grading.calls`); this lists those a question
    forbids, whatever name or string the code used to reach them. Without a ``grade`` run there
    is nothing to list.

    Example:
        >>> graded_shortcuts(Path("/nonexistent"), "ps1_segment", "甲", {})
        []
    """
    # The marker's place is grader.course.Course.state_file (not imported: it needs nbgrader).
    marker = course / ".beyond_traffic" / "grade" / assignment / f"{student}.json"
    try:
        calls = json.loads(marker.read_text(encoding="utf-8")).get("course_calls") or {}
    except (OSError, ValueError, AttributeError):
        return []
    found = []
    for gid, names in sorted(calls.items()) if isinstance(calls, dict) else ():
        qid = _question(str(gid), forbidden)
        if qid is None or not isinstance(names, list):
            continue
        for name in names:
            if str(name).rsplit(".", 1)[-1] in forbidden[qid]:
                detail = f"called {name} while graded (the answer reached it at run time)"
                found.append(Finding(student, "", str(gid), "shortcut", detail))
    return found


def _defined(source: str) -> set[str]:
    """Top-level names a release cell defines (functions, classes, variables)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def report_csv(findings: Iterable[Finding]) -> str:
    """The findings as CSV text with the columns :data:`COLUMNS`.

    Example:
        >>> print(report_csv([Finding("甲", "", "q1", "shortcut", "uses clean_text")]).strip())
        student,other,grade_id,kind,detail
        甲,,q1,shortcut,uses clean_text
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in findings:
        writer.writerow([f.student, f.other, f.grade_id, f.kind, f.detail])
    return out.getvalue()


def learner_warnings(nb, forbidden: dict[str, frozenset[str]]) -> list[str]:
    """Bilingual lines telling a learner which answers hand the question to the course's code.

    Example:
        >>> import nbformat
        >>> cell = nbformat.v4.new_code_cell("from beyond_traffic.clean import clean_text")
        >>> cell.metadata["nbgrader"] = {"grade_id": "q3_residue_answer", "solution": True}
        >>> nb = nbformat.v4.new_notebook(cells=[cell])
        >>> line = learner_warnings(nb, {"q3_residue": frozenset({"clean_text"})})[0]
        >>> print(line.split("（")[0])
        q3_residue_answer: 这道题要你自己写，答案却用了课程的实现
    """
    return [
        f"{gid}: 这道题要你自己写，答案却用了课程的实现（{detail}）。"
        f" / this question asks you to write it yourself; the answer uses the course's own "
        f"implementation ({detail}), which the instructor's integrity report lists."
        for gid, detail in notebook_shortcuts(nb, forbidden)
    ]


def add_parser(sub) -> None:
    """Register ``beyond-traffic integrity ASSIGNMENT --csv FILE``."""
    p = sub.add_parser(
        "integrity",
        help="list answers that call the course's own code, and copied answers (no score changes)",
        description=(
            "Run in the course folder. Lists 'shortcut' answers (a question asks the student to "
            "write a method; the answer calls the course's implementation, per "
            "instructors/blueprint.yaml) and 'similar' pairs (the same code under renaming and "
            "reformatting, or Chinese written answers sharing most word runs). Scores are not "
            "changed: read the listed answers before deciding anything."
        ),
    )
    p.add_argument("assignment")
    p.add_argument("--csv", dest="csv_file", type=Path, default=None, help="where to write")
    p.add_argument(
        "--notebook",
        type=Path,
        default=None,
        help="check only this notebook, before submitting (for learners; prints, writes nothing)",
    )
    p.add_argument("--course", type=Path, default=Path("."), help="course folder (default: .)")
    p.add_argument("--blueprint", type=Path, default=None, help="blueprint YAML file")
    p.set_defaults(func=_run)


def _run(args) -> int:
    import sys

    if args.notebook is not None:
        return _run_learner(args)
    if args.csv_file is None:
        print("beyond-traffic integrity: give --csv FILE (or --notebook NB)", file=sys.stderr)
        return 2
    if not (args.course / "submitted").is_dir():
        print(
            f"beyond-traffic integrity: no submitted/ folder in {args.course}: run it in the "
            "course folder or pass --course",
            file=sys.stderr,
        )
        return 2
    findings = integrity_report(args.course, args.assignment, blueprint=args.blueprint)
    args.csv_file.write_text(report_csv(findings), encoding="utf-8")
    kinds = {k: sum(f.kind == k for f in findings) for k in ("shortcut", "similar")}
    print(f"{args.assignment}: {kinds['shortcut']} shortcut, {kinds['similar']} similar")
    print(f"report: {args.csv_file}")
    return 0


def find_blueprint(start: Path) -> Path | None:
    """``instructors/blueprint.yaml`` in ``start`` or a folder above it (a full course checkout).

    Example:
        >>> find_blueprint(Path("/")) is None
        True
    """
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / "instructors" / "blueprint.yaml"
        if candidate.is_file():
            return candidate
    return None


def _run_learner(args) -> int:
    import sys

    import nbformat

    blueprint = args.blueprint or find_blueprint(args.notebook.parent)
    if blueprint is None:
        print(
            "beyond-traffic integrity: no instructors/blueprint.yaml above the notebook (it "
            "ships with the full course); pass --blueprint",
            file=sys.stderr,
        )
        return 2
    try:
        nb = nbformat.read(args.notebook, as_version=4)
    except (OSError, ValueError) as exc:
        print(f"beyond-traffic integrity: cannot read {args.notebook}: {exc}", file=sys.stderr)
        return 2
    lines = learner_warnings(nb, load_forbidden(blueprint, args.assignment))
    for line in lines:
        print(line)
    if not lines:
        print("没有发现调用课程实现的答案 / no answer hands its question to the course's code")
    return 1 if lines else 0
