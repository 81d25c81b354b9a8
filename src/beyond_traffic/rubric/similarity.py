"""Order answers so that similar ones are graded together (Jaccard on jieba token sets)."""

from __future__ import annotations


def token_set(text: str) -> frozenset[str]:
    """The course tokenizer's words of ``text``, without punctuation and spaces.

    Example:
        >>> sorted(token_set("流量，流量之外"))
        ['之外', '流量']
    """
    from ..segment import tokenize

    return frozenset(t for t in tokenize(text) if any(ch.isalnum() for ch in t))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; two empty answers are identical.

    Example:
        >>> jaccard(frozenset({"流量", "平台"}), frozenset({"流量"}))
        0.5
    """
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def similarity_order(answers: dict[str, str]) -> list[str]:
    """Students in a greedy nearest-neighbour order: each next answer is the most similar left.

    Example:
        >>> similarity_order({"s1": "流量很重要", "s2": "赋能是口号", "s3": "流量真重要"})
        ['s1', 's3', 's2']
    """
    sets = {s: token_set(t) for s, t in answers.items()}
    left = sorted(sets)
    if not left:
        return []
    order = [left.pop(0)]
    while left:
        last = sets[order[-1]]
        # Ties go to the first id in sorted order, so the order is reproducible.
        best = max(left, key=lambda s: (jaccard(last, sets[s]), -left.index(s)))
        left.remove(best)
        order.append(best)
    return order
