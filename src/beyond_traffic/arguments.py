"""Argument reconstructions of A1–A5 (data/arguments.json): premises, warrants, conclusion, anchors.

A reconstruction restates an argument so it can be judged: the conclusion, the premises offered
for it, the concessions it makes, and the warrants it leaves unstated (Toulmin 1958). Every
premise, concession and conclusion is *anchored* to verbatim spans of the cleaned article, so a
reader can check the paraphrase against the words; warrants are our inference and carry no
anchor unless the article half-states them. Comparisons line the articles up premise by premise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_str

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLAIM_TYPES",
    "RELATIONS",
    "ROLES",
    "TENSES",
    "Comparison",
    "Reconstruction",
    "Statement",
    "anchor_problems",
    "anchor_sentences",
    "comparison_table",
    "comparisons",
    "load_reconstructions",
    "reconstruction",
    "reconstruction_table",
    "statement",
]

#: Claim types (论断类型), with the course's Chinese names (glossary §3).
CLAIM_TYPES: dict[str, str] = {
    "factual": "事实论断",
    "evaluative": "评价论断",
    "predictive": "预测论断",
    "prescriptive": "规范论断",
}
#: When a claim is about: 过去, 现在, 将来, or in general (一般而言).
TENSES: dict[str, str] = {"past": "过去", "present": "现在", "future": "将来", "general": "一般"}
#: The parts of a reconstruction.
ROLES: dict[str, str] = {
    "conclusion": "结论",
    "premise": "前提",
    "concession": "让步",
    "warrant": "隐含前提（保证）",
}
#: How two or more articles' statements relate.
RELATIONS: dict[str, str] = {
    "shared": "共同前提",
    "disagreement": "真正的分歧",
    "tense": "时态不同",
    "scope": "范围不同",
    "terms": "用词不同",
    # a clash that exists under one reasonable reading of the text and not under another
    "reading": "取决于读法",
}


@dataclass(frozen=True)
class Statement:
    """One part of a reconstructed argument.

    Attributes:
        id: e.g. ``"A2.P2"`` (article, role letter C/P/K/W, number).
        article_id: ``"A1"`` … ``"A5"``.
        role: ``"conclusion"``, ``"premise"``, ``"concession"`` or ``"warrant"``.
        claim: our paraphrase, in Chinese (never a quotation).
        type: a key of :data:`CLAIM_TYPES` (warrants: ``None``).
        tense: a key of :data:`TENSES` (warrants: ``None``).
        scope: what the claim is about, and when.
        anchors: verbatim spans of the cleaned article (each in exactly one sentence).
        condition: the condition a forecast states, if any.
        stated: ``"stated"``; for warrants ``"unstated"`` or ``"partly"``.
        supports: for warrants, the statement ids it links.

    Example:
        >>> statement("A1.P5").tense
        'future'
    """

    id: str
    article_id: str
    role: str
    claim: str
    type: str | None = None
    tense: str | None = None
    scope: str | None = None
    anchors: tuple[str, ...] = ()
    condition: str | None = None
    stated: str = "stated"
    supports: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reconstruction:
    """One article's argument: conclusion, premises, concessions and warrants.

    Example:
        >>> r = reconstruction("A2")
        >>> r.conclusion.id, len(r.premises) >= 3
        ('A2.C', True)
    """

    article_id: str
    note: str
    conclusion: Statement
    premises: tuple[Statement, ...]
    concessions: tuple[Statement, ...]
    warrants: tuple[Statement, ...]

    def statements(self) -> list[Statement]:
        """Return every statement: conclusion, premises, concessions, warrants, in that order."""
        return [self.conclusion, *self.premises, *self.concessions, *self.warrants]


@dataclass(frozen=True)
class Comparison:
    """Statements of several articles lined up on one question.

    Attributes:
        id: ``"X1"`` …
        topic: the question, in Chinese.
        relation: a key of :data:`RELATIONS`.
        statements: the statement ids compared.
        anchors: extra verbatim spans per article id, for articles without a matching statement.
        note: our reading of the relation.

    Example:
        >>> next(c for c in comparisons() if c.relation == "tense").statements[0]
        'A1.P5'
    """

    id: str
    topic: str
    relation: str
    statements: tuple[str, ...]
    note: str
    anchors: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _statement(raw: dict, article_id: str, role: str) -> Statement:
    return Statement(
        id=raw["id"],
        article_id=article_id,
        role=role,
        claim=raw["claim"],
        type=raw.get("type"),
        tense=raw.get("tense"),
        scope=raw.get("scope"),
        anchors=tuple(raw.get("anchors", ())),
        condition=raw.get("condition"),
        stated=raw.get("stated", "stated"),
        supports=tuple(raw.get("supports", ())),
    )


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Reconstruction], tuple[Comparison, ...]]:
    path = resources.files("beyond_traffic") / "data" / "arguments.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    recons = {}
    for article_id in ("A1", "A2", "A3", "A4", "A5"):
        raw = data[article_id]
        recons[article_id] = Reconstruction(
            article_id=article_id,
            note=raw["note"],
            conclusion=_statement(raw["conclusion"], article_id, "conclusion"),
            premises=tuple(_statement(p, article_id, "premise") for p in raw["premises"]),
            concessions=tuple(_statement(p, article_id, "concession") for p in raw["concessions"]),
            warrants=tuple(_statement(p, article_id, "warrant") for p in raw["warrants"]),
        )
    comps = tuple(
        Comparison(
            id=c["id"],
            topic=c["topic"],
            relation=c["relation"],
            statements=tuple(c["statements"]),
            note=c["note"],
            anchors={k: tuple(v) for k, v in c.get("anchors", {}).items()},
        )
        for c in data["comparisons"]
    )
    return recons, comps


def load_reconstructions() -> dict[str, Reconstruction]:
    """Return the five reconstructions, by article id.

    Example:
        >>> sorted(load_reconstructions())
        ['A1', 'A2', 'A3', 'A4', 'A5']
    """
    return dict(_load()[0])


def reconstruction(article_id: str) -> Reconstruction:
    """Return one article's reconstruction (``"A1"`` … ``"A5"``, case-insensitive).

    Raises:
        TypeError: ``article_id`` is not a str.
        KeyError: no such article.

    Example:
        >>> reconstruction("a4").conclusion.type
        'evaluative'
    """
    require_str(article_id, name="article_id")
    wanted = article_id.strip().upper()
    recons = _load()[0]
    if wanted not in recons:
        raise KeyError(f"no article {article_id!r}; choose one of {', '.join(recons)}")
    return recons[wanted]


def statement(statement_id: str) -> Statement:
    """Return one statement by id, e.g. ``"A2.P2"``.

    Raises:
        TypeError: ``statement_id`` is not a str.
        KeyError: no such statement.

    Example:
        >>> statement("A2.P2").role
        'premise'
    """
    require_str(statement_id, name="statement_id")
    for recon in _load()[0].values():
        for s in recon.statements():
            if s.id == statement_id:
                return s
    raise KeyError(f"no statement {statement_id!r} (ids look like 'A2.P2', 'A1.C', 'A4.W1')")


def comparisons() -> list[Comparison]:
    """Return the premise-by-premise comparisons of the articles.

    Example:
        >>> sorted({c.relation for c in comparisons()}) == sorted(RELATIONS)
        True
    """
    return list(_load()[1])


def anchor_sentences(item: Statement | str) -> list[str]:
    """Return the sentences of the cleaned article that hold a statement's anchors, in order.

    Args:
        item: a :class:`Statement` or its id.

    Example:
        >>> anchor_sentences("A2.P1")[0].startswith("至少从现在的情况来看")
        True
    """
    from beyond_traffic.claims import find_sentences

    chosen = statement(item) if isinstance(item, str) else item
    if not isinstance(chosen, Statement):
        raise TypeError(f"item must be a Statement or its id, got {type(item).__name__}")
    found: list[str] = []
    for anchor in chosen.anchors:
        for sentence in find_sentences(chosen.article_id, anchor):
            if sentence not in found:
                found.append(sentence)
    return found


def anchor_problems() -> list[str]:
    """Return what is wrong with the data: anchors not found once, bad labels, unknown ids.

    An empty list means every anchor occurs in exactly one sentence of its cleaned article and
    every label and reference is known (``tests/test_arguments.py`` asserts it).

    Example:
        >>> anchor_problems()
        []
    """
    from beyond_traffic.claims import find_sentences

    problems = []
    recons, comps = _load()
    ids = {s.id for r in recons.values() for s in r.statements()}

    def check_anchor(article_id: str, anchor: str, owner: str) -> None:
        hits = find_sentences(article_id, anchor)
        if len(hits) != 1:
            problems.append(
                f"{owner}: anchor {anchor!r} is in {len(hits)} sentences of {article_id}"
            )

    for recon in recons.values():
        for s in recon.statements():
            if not s.id.startswith(recon.article_id + "."):
                problems.append(f"{s.id}: id does not start with {recon.article_id}.")
            if s.role == "warrant":
                if s.stated not in ("unstated", "partly"):
                    problems.append(f"{s.id}: a warrant is 'unstated' or 'partly' stated")
                if s.stated == "unstated" and s.anchors:
                    problems.append(f"{s.id}: an unstated warrant has no anchor")
                problems += [f"{s.id}: supports unknown {x}" for x in s.supports if x not in ids]
            else:
                if s.type not in CLAIM_TYPES:
                    problems.append(f"{s.id}: unknown claim type {s.type!r}")
                if s.tense not in TENSES:
                    problems.append(f"{s.id}: unknown tense {s.tense!r}")
                if not s.anchors:
                    problems.append(f"{s.id}: a {s.role} needs at least one anchor")
            for anchor in s.anchors:
                check_anchor(recon.article_id, anchor, s.id)
    for c in comps:
        if c.relation not in RELATIONS:
            problems.append(f"{c.id}: unknown relation {c.relation!r}")
        problems += [f"{c.id}: unknown statement {x}" for x in c.statements if x not in ids]
        articles = {x.split(".")[0] for x in c.statements} | set(c.anchors)
        if len(articles) < 2:
            problems.append(f"{c.id}: a comparison needs at least two articles")
        for article_id, anchors in c.anchors.items():
            for anchor in anchors:
                check_anchor(article_id, anchor, c.id)
    return problems


def reconstruction_table(article_id: str) -> pd.DataFrame:
    """Return one article's reconstruction as a table, one row per statement.

    Columns: ``id``, ``角色 role``, ``论断 claim`` (our paraphrase), ``类型 type``,
    ``时态 tense``, ``原文锚点 anchors`` (verbatim spans joined by " / ").

    Example:
        >>> reconstruction_table("A3").iloc[0]["角色 role"]
        '结论'
    """
    import pandas as pd

    rows = []
    for s in reconstruction(article_id).statements():
        rows.append(
            {
                "id": s.id,
                "角色 role": ROLES[s.role],
                "论断 claim": s.claim,
                "类型 type": CLAIM_TYPES.get(s.type or "", "—"),
                "时态 tense": TENSES.get(s.tense or "", "—"),
                "原文锚点 anchors": " / ".join(s.anchors) or "（未明说）",
            }
        )
    return pd.DataFrame(rows).set_index("id")


def comparison_table() -> pd.DataFrame:
    """Return the comparisons as a table: topic, relation, the statements per article, note.

    Example:
        >>> "真正的分歧" in set(comparison_table()["关系 relation"])
        True
    """
    import pandas as pd

    rows = []
    for c in comparisons():
        rows.append(
            {
                "id": c.id,
                "问题 topic": c.topic,
                "关系 relation": RELATIONS[c.relation],
                "涉及 statements": "、".join([*c.statements, *(f"{a}（原文）" for a in c.anchors)]),
                "说明 note": c.note,
            }
        )
    return pd.DataFrame(rows).set_index("id")
