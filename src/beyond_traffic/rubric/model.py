"""Rubrics as data: criteria, levels with points and descriptors, exemplars by level."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

#: Where a course keeps its rubric files: ``instructors/rubrics/ASSIGNMENT.yaml``.
RUBRIC_DIR = Path("instructors") / "rubrics"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LEVEL_HEAD = re.compile(
    r"^## (?:\((?P<group>[^)]+)\) )?(?P<label>优秀|合格|不足) \w+ "
    r"\((?P<got>[\d.]+)/(?P<max>[\d.]+)\)$",
    re.M,
)
_SCORES = re.compile(
    r"^\*\*得分 / Scores\*\*: (?P<body>.+) = (?P<got>[\d.]+)/(?P<max>[\d.]+)$", re.M
)


class RubricError(ValueError):
    """A rubric file (or a grade against it) is wrong; the message names where and the fix."""


@dataclass(frozen=True)
class Level:
    """One level of a criterion: its points and what an answer at that level does."""

    points: float
    zh: str


@dataclass(frozen=True)
class Criterion:
    """One criterion: a stable ASCII id, names, levels best first, learner self-checks."""

    id: str
    zh: str
    en: str
    levels: tuple[Level, ...]
    self_check: tuple[str, ...] = ()

    @property
    def max_points(self) -> float:
        """The points of the best level."""
        return self.levels[0].points

    def level(self, points: float) -> Level:
        """The level worth ``points``.

        Raises:
            RubricError: no level of this criterion is worth that much.

        Example:
            >>> levels = (Level(1.0, "清楚"), Level(0.0, "难懂"))
            >>> c = Criterion("writing", "表达", "Writing", levels)
            >>> c.level(1).zh
            '清楚'
        """
        for lv in self.levels:
            if abs(lv.points - float(points)) < 1e-9:
                return lv
        allowed = ", ".join(_fmt(lv.points) for lv in self.levels)
        raise RubricError(
            f"criterion {self.id} ({self.zh}) has no level worth {points}: choose one of {allowed}"
        )


@dataclass(frozen=True)
class Exemplar:
    """One exemplar answer section: its heading, group ((甲)/(乙) or ''), scores by criterion."""

    file: str
    heading: str
    group: str
    label: str
    total: float
    scores: dict[str, float] = field(default_factory=dict)
    text: str = ""


@dataclass(frozen=True)
class Rubric:
    """The rubric of one written question (``assignment``/``grade_id``)."""

    assignment: str
    grade_id: str
    title: str
    zero: str
    criteria: tuple[Criterion, ...]
    exemplar_file: str = ""

    @property
    def max_points(self) -> float:
        """Sum of the criteria's best levels: the notebook cell's nbgrader points."""
        return sum(c.max_points for c in self.criteria)

    def criterion(self, cid: str) -> Criterion:
        """The criterion with id ``cid`` (RubricError naming the known ids otherwise)."""
        for c in self.criteria:
            if c.id == cid:
                return c
        known = ", ".join(c.id for c in self.criteria)
        raise RubricError(f"{self.grade_id} has no criterion {cid!r}: known are {known}")

    def score(self, levels: dict[str, float]) -> float:
        """Total of the chosen levels; every criterion must have one.

        Example:
            >>> levels = (Level(1.0, "清楚"), Level(0.0, "难懂"))
            >>> c = Criterion("writing", "表达", "Writing", levels)
            >>> Rubric("ps", "q1", "题", "", (c,)).score({"writing": 1})
            1.0
        """
        missing = [c.id for c in self.criteria if c.id not in levels]
        if missing:
            raise RubricError(f"{self.grade_id}: no level chosen for {', '.join(missing)}")
        extra = sorted(set(levels) - {c.id for c in self.criteria})
        if extra:
            raise RubricError(f"{self.grade_id}: unknown criteria {', '.join(extra)}")
        return float(sum(self.criterion(cid).level(p).points for cid, p in levels.items()))


def _fmt(x: float) -> str:
    return str(int(x)) if float(x) == int(x) else f"{x:g}"


def _require(cond: bool, where: str, msg: str) -> None:
    if not cond:
        raise RubricError(f"{where}: {msg}")


def _criterion(data: object, where: str) -> Criterion:
    _require(isinstance(data, dict), where, "each criterion is a mapping with id, zh, en, levels")
    cid = data.get("id")
    _require(isinstance(cid, str) and bool(_ID.match(cid)), where, "id must be lower-case ASCII")
    where = f"{where} ({cid})"
    for key in ("zh", "en"):
        _require(isinstance(data.get(key), str) and data[key].strip(), where, f"{key} is missing")
    _require(" " not in data["zh"], where, "the Chinese name has no spaces (tables rely on it)")
    raw = data.get("levels")
    _require(isinstance(raw, list) and len(raw) >= 2, where, "give at least two levels")
    levels = []
    for i, lv in enumerate(raw):
        _require(
            isinstance(lv, dict) and isinstance(lv.get("points"), int | float) and lv.get("zh"),
            where,
            f"level {i + 1} needs points (a number) and zh (what an answer at that level does)",
        )
        levels.append(Level(float(lv["points"]), str(lv["zh"]).strip()))
    pts = [lv.points for lv in levels]
    _require(
        pts == sorted(pts, reverse=True) and len(set(pts)) == len(pts),
        where,
        "levels go from best to worst with distinct points",
    )
    _require(pts[-1] == 0, where, "the last level is worth 0")
    checks = data.get("self_check") or []
    _require(all(isinstance(s, str) and s for s in checks), where, "self_check is a list of text")
    return Criterion(cid, data["zh"], data["en"], tuple(levels), tuple(checks))


def parse_rubrics(data: object, *, assignment: str, source: str = "") -> dict[str, Rubric]:
    """Rubrics of one assignment from parsed YAML (``{"questions": {grade_id: {...}}}``).

    Raises:
        RubricError: the data is malformed; the message names the question and criterion.

    Example:
        >>> data = {"questions": {"q9": {"title": "词典", "zero": "", "criteria": [
        ...     {"id": "writing", "zh": "表达", "en": "Writing",
        ...      "levels": [{"points": 1, "zh": "清楚"}, {"points": 0, "zh": "难懂"}]}]}}}
        >>> parse_rubrics(data, assignment="ps1")["q9"].max_points
        1.0
    """
    where = source or assignment
    _require(
        isinstance(data, dict) and isinstance(data.get("questions"), dict),
        where,
        "the file needs a mapping `questions: {GRADE_ID: {title, criteria, ...}}`",
    )
    out = {}
    for gid, q in data["questions"].items():
        w = f"{where}: {gid}"
        _require(isinstance(q, dict) and isinstance(q.get("criteria"), list), w, "needs criteria")
        criteria = tuple(
            _criterion(c, f"{w}: criterion {i + 1}") for i, c in enumerate(q["criteria"])
        )
        ids = [c.id for c in criteria]
        _require(len(set(ids)) == len(ids), w, "criterion ids repeat")
        out[gid] = Rubric(
            assignment,
            gid,
            str(q.get("title", gid)),
            str(q.get("zero", "")),
            criteria,
            str(q.get("exemplars", "")),
        )
    return out


def load_rubrics(root: Path | str, assignment: str) -> dict[str, Rubric]:
    """Every rubric of ``assignment`` in the course at ``root`` (``{}`` when there is no file).

    Example:
        >>> load_rubrics("/nonexistent/课程", "ps1_segment")
        {}
    """
    import yaml  # comes with the grader extra (Jupyter's own dependency)

    path = Path(root) / RUBRIC_DIR / f"{assignment}.yaml"
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RubricError(f"{path}: not valid YAML ({exc}); fix the file") from None
    return parse_rubrics(data, assignment=assignment, source=str(path))


def load_rubric(root: Path | str, assignment: str, grade_id: str) -> Rubric:
    """The rubric of one written question.

    Raises:
        RubricError: the assignment has no rubric for ``grade_id``.

    Example:
        >>> load_rubric("/nonexistent/课程", "ps1_segment", "q9")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        beyond_traffic.rubric.model.RubricError: no rubric for ps1_segment/q9 ...
    """
    rubrics = load_rubrics(root, assignment)
    if grade_id not in rubrics:
        known = ", ".join(rubrics) or "none"
        raise RubricError(
            f"no rubric for {assignment}/{grade_id} in {Path(root) / RUBRIC_DIR} "
            f"(questions with a rubric: {known})"
        )
    return rubrics[grade_id]


def parse_exemplars(text: str, *, file: str = "") -> list[Exemplar]:
    """The scored sections of an exemplar file (``## (甲) 优秀 Strong (8/8)`` + a Scores line).

    Example:
        >>> t = "## 优秀 Strong (1/1)\\n\\n> 答\\n\\n**得分 / Scores**: 表达 1/1 = 1/1\\n"
        >>> parse_exemplars(t)[0].scores
        {'表达': 1.0}
    """
    heads = list(_LEVEL_HEAD.finditer(text))
    out = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        body = text[head.end() : end].split("## 核对 / Facts", 1)[0]
        m = _SCORES.search(body)
        scores = {}
        if m:
            for zh, got, _ in re.findall(r"(\S+) ([\d.]+)/([\d.]+)", m.group("body")):
                scores[zh] = float(got)
        out.append(
            Exemplar(
                file,
                head.group(0)[3:],
                head.group("group") or "",
                head.group("label"),
                float(head.group("got")),
                scores,
                body.strip(),
            )
        )
    return out


def exemplars_for(rubric: Rubric, root: Path | str) -> list[Exemplar]:
    """The exemplars of ``rubric`` from ``instructors/exemplars`` (empty without the file)."""
    if not rubric.exemplar_file:
        return []
    path = Path(root) / "instructors" / "exemplars" / rubric.exemplar_file
    if not path.is_file():
        return []
    return parse_exemplars(path.read_text(encoding="utf-8"), file=rubric.exemplar_file)


def exemplars_by_level(
    rubric: Rubric, exemplars: list[Exemplar]
) -> dict[tuple[str, float], list[str]]:
    """``{(criterion id, level points): [exemplar headings]}``: the exemplars at each level."""
    out: dict[tuple[str, float], list[str]] = {}
    for ex in exemplars:
        for c in rubric.criteria:
            if c.zh in ex.scores:
                out.setdefault((c.id, ex.scores[c.zh]), []).append(ex.heading)
    return out
