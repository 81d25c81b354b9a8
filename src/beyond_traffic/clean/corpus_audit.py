"""The audit of the five corpus articles as one table (article × step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from beyond_traffic.clean.pipeline import StepReport, audit

if TYPE_CHECKING:  # pandas is imported only when audit_corpus() runs
    import pandas as pd

__all__ = ["audit_corpus", "examples"]


def examples(report: StepReport, k: int = 3) -> str:
    """The first ``k`` edits of a step, as one line (``−'removed'; 'old'→'new'``).

    Example:
        >>> examples(audit("產(chǎn)業")[1])
        "−'(chǎn)'"
    """
    shown = [f"−{old!r}" for old in report.removed[:k]]
    shown += [f"{old!r}→{new!r}" for old, new in report.changed[: max(0, k - len(shown))]]
    return "; ".join(shown)


def audit_corpus() -> pd.DataFrame:
    """Audit every article of the corpus: one row per (article, step).

    Returns:
        A DataFrame with columns ``article``, ``step``, ``chars_before``, ``chars_after``,
        ``removed`` (number of deletions), ``changed`` (number of replacements), ``count``,
        ``examples`` (the first few edits) and ``garbled`` (spans left that look mis-decoded,
        on the first step's row; 0 elsewhere).

    Example:
        >>> table = audit_corpus()
        >>> sorted(table.query("step == 'apply_errata' and count > 0")["article"])
        ['A1', 'A3', 'A4']
    """
    import pandas as pd

    # The corpus imports the cleaning to build Article.clean: imported here, on use.
    from beyond_traffic.corpus import load_corpus

    rows = []
    for article in load_corpus():
        result = audit(article.raw)
        for i, report in enumerate(result):
            rows.append(
                {
                    "article": article.id,
                    "step": report.step,
                    "chars_before": report.chars_before,
                    "chars_after": report.chars_after,
                    "removed": len(report.removed),
                    "changed": len(report.changed),
                    "count": report.count,
                    "examples": examples(report),
                    "garbled": len(result.garbled) if i == 0 else 0,
                }
            )
    return pd.DataFrame(rows)
