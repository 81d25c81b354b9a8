"""Instant, bilingual self-checks for the lessons' "动手试试 / Your turn" cells.

Each ``check_*`` function compares a learner's answer with an expected value that the notebook
computed with the package, prints one short verdict in Chinese and English, and returns ``True``
or ``False``. It never raises because of the learner's answer, never writes to stderr, and never
prints the expected value: it says what *kind* of thing is wrong (type, length, which position,
how many items are missing) and adds a hint.

A placeholder answer (``None`` or ``...``) prints "还没作答 / not answered yet" and returns
``False``, so a lesson with all exercises unanswered still runs top to bottom.

Comparisons use exact types (``type(x) is str``, not ``isinstance``) and never call the
learner's ``__eq__``: an object whose ``__eq__`` always returns ``True`` is refused as the wrong
type.

Self-checks are for learning, not security: the expected value lives in the same notebook and
anyone can print it. Graded work goes through ``beyond_traffic.grading`` instead.

Example:
    >>> expected = ["产业互联网", "的", "前奏曲"]
    >>> check_tokens(["产业", "互联网", "的", "前奏曲"], expected=expected)
    ✗ 还不对 / not yet: 长度不对：需要 3 个词，你给了 4 个 / wrong length: expected 3 items, got 4
    False
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

__all__ = [
    "check",
    "check_choice",
    "check_function",
    "check_number",
    "check_regex",
    "check_set",
    "check_text",
    "check_tokens",
    "is_placeholder",
]

_SHOW = 5  # how many of the learner's own items to echo back in a message
_KINDS = ("auto", "exact", "text", "tokens", "number", "choice", "set")


# ---------------------------------------------------------------------------------------------
# output helpers


def _say(line: str) -> None:
    # print, not logging/warnings: a notebook shows stdout plainly and stderr in red.
    print(line)


def _ok(label: str) -> bool:
    _say(f"✓ 正确！/ correct!{label}")
    return True


def _no(zh: str, en: str, *, hint_zh: str, hint_en: str) -> bool:
    _say(f"✗ 还不对 / not yet: {zh} / {en}")
    if hint_zh or hint_en:
        _say(f"  提示 / hint: {' / '.join(h for h in (hint_zh, hint_en) if h)}")
    return False


def _pending(name: str) -> bool:
    _say(
        f"… 还没作答 / not answered yet: 把 {name} 的占位符（None 或 ...）换成你的答案 "
        f"/ replace the placeholder (None or ...) in {name} with your answer"
    )
    return False


def _label(name: str) -> str:
    return f"（{name}）" if name else ""


def _short(value: object) -> str:
    """A safe, short rendering of the learner's own value (only plain types reach here)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_name(value: object) -> str:
    return type(value).__name__


def is_placeholder(value: object) -> bool:
    """Return True for the placeholders lessons pre-fill answers with: ``None`` and ``...``.

    Example:
        >>> is_placeholder(None), is_placeholder(...), is_placeholder("直播")
        (True, True, False)
    """
    return value is None or value is Ellipsis


# ---------------------------------------------------------------------------------------------
# exact-type plumbing (never calls the learner's __eq__ or __hash__)


def _is_str_list(value: object) -> bool:
    return type(value) in (list, tuple) and all(type(x) is str for x in value)


def _as_number(value: object) -> float | int | None:
    """Return a plain int/float for int, float or a numpy scalar; None for anything else."""
    if type(value) in (int, float):
        return value
    try:  # numpy scalars come out of pandas; accept them by converting to a plain number
        import numpy as np
    except ImportError:  # pragma: no cover - numpy ships with pandas
        return None
    if type(value) is np.bool_:
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return None


def _require_expected(ok: bool, what: str) -> None:
    # A bad *expected* value is the lesson author's bug, so this one does raise.
    if not ok:
        raise TypeError(f"expected must be {what}")


def _require_hints(hint_zh: object, hint_en: object) -> None:
    if type(hint_zh) is not str or type(hint_en) is not str:
        raise TypeError("hint_zh and hint_en must be str")


# ---------------------------------------------------------------------------------------------
# the checks


def check_text(
    answer: object,
    *,
    expected: str,
    hint_zh: str = "",
    hint_en: str = "",
    name: str = "答案",
    strip: bool = True,
) -> bool:
    """Check a string answer; on a mismatch say where it first differs, not what it should be.

    Args:
        answer: the learner's value.
        expected: the right string.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        name: the variable name shown in messages.
        strip: ignore leading/trailing whitespace on both sides.

    Returns:
        True when the answer is right.

    Example:
        >>> check_text("产业互联网", expected="产业互联网")
        ✓ 正确！/ correct!（答案）
        True
    """
    _require_expected(type(expected) is str, "str")
    _require_hints(hint_zh, hint_en)
    if is_placeholder(answer):
        return _pending(name)
    if type(answer) is not str:
        return _no(
            f"类型不对：需要 str（字符串），你给的是 {_type_name(answer)}",
            f"wrong type: expected str, got {_type_name(answer)}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    got, want = (answer.strip(), expected.strip()) if strip else (answer, expected)
    if got == want:
        return _ok(_label(name))
    first = next(
        (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
        min(len(got), len(want)),
    )
    return _no(
        f"从第 {first + 1} 个字符起不同（你的长度 {len(got)}，应为 {len(want)}）",
        f"differs from character {first + 1} on (your length {len(got)}, expected {len(want)})",
        hint_zh=hint_zh,
        hint_en=hint_en,
    )


def check_tokens(
    answer: object,
    *,
    expected: Sequence[str],
    hint_zh: str = "",
    hint_en: str = "",
    name: str = "答案",
) -> bool:
    """Check an ordered list of tokens (e.g. a segmentation); order and length both matter.

    Args:
        answer: the learner's value; a ``list`` or ``tuple`` of ``str``.
        expected: the right tokens, in order.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        name: the variable name shown in messages.

    Returns:
        True when the answer is right.

    Example:
        >>> check_tokens(["直播带货"], expected=["直播带货"], name="q1")
        ✓ 正确！/ correct!（q1）
        True
    """
    _require_expected(_is_str_list(expected), "a list or tuple of str")
    _require_hints(hint_zh, hint_en)
    if is_placeholder(answer):
        return _pending(name)
    if type(answer) not in (list, tuple):
        return _no(
            f"类型不对：需要 list（由 str 组成），你给的是 {_type_name(answer)}",
            f"wrong type: expected a list of str, got {_type_name(answer)}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    bad = next((i for i, x in enumerate(answer) if type(x) is not str), None)
    if bad is not None:
        return _no(
            f"第 {bad + 1} 项不是 str，而是 {_type_name(answer[bad])}",
            f"item {bad + 1} is {_type_name(answer[bad])}, not str",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    if len(answer) != len(expected):
        return _no(
            f"长度不对：需要 {len(expected)} 个词，你给了 {len(answer)} 个",
            f"wrong length: expected {len(expected)} items, got {len(answer)}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    wrong = [i for i, (a, b) in enumerate(zip(answer, expected, strict=True)) if a != b]
    if not wrong:
        return _ok(_label(name))
    first = wrong[0]
    return _no(
        f"{len(wrong)} 处不对，第一处在第 {first + 1} 项（你写的是 {_short(answer[first])}）",
        f"{len(wrong)} item(s) wrong, the first at position {first + 1} "
        f"(you wrote {_short(answer[first])})",
        hint_zh=hint_zh,
        hint_en=hint_en,
    )


def check_set(
    answer: object,
    *,
    expected: Sequence[str] | set[str] | frozenset[str],
    hint_zh: str = "",
    hint_en: str = "",
    name: str = "答案",
) -> bool:
    """Check an unordered collection of strings: says how many are missing and which are extra.

    Duplicates and order are ignored. Items the learner gave that do not belong are echoed back
    (they are the learner's own); missing items are only counted.

    Args:
        answer: the learner's value; a ``set``, ``frozenset``, ``list`` or ``tuple`` of ``str``.
        expected: the right items.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        name: the variable name shown in messages.

    Returns:
        True when the answer is right.

    Example:
        >>> check_set({"或许", "必然"}, expected={"或许", "可能"})
        ✗ 还不对 / not yet: 少了 1 项；多了 1 项：['必然'] / 1 missing; 1 extra: ['必然']
        False
    """
    collections = (set, frozenset, list, tuple)
    _require_expected(
        type(expected) in collections and all(type(x) is str for x in expected),
        "a set, list or tuple of str",
    )
    _require_hints(hint_zh, hint_en)
    if is_placeholder(answer):
        return _pending(name)
    if type(answer) not in collections:
        return _no(
            f"类型不对：需要 set 或 list（由 str 组成），你给的是 {_type_name(answer)}",
            f"wrong type: expected a set or list of str, got {_type_name(answer)}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    # Checked before set(): hashing a str subclass could run the learner's __hash__.
    bad = [x for x in answer if type(x) is not str]
    if bad:
        return _no(
            f"有 {len(bad)} 项不是 str（例如 {_type_name(bad[0])}）",
            f"{len(bad)} item(s) are not str (e.g. {_type_name(bad[0])})",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    got, want = set(answer), set(expected)
    if got == want:
        return _ok(_label(name))
    missing = len(want - got)
    extra = sorted(got - want)
    zh, en = [], []
    if missing:
        zh.append(f"少了 {missing} 项")
        en.append(f"{missing} missing")
    if extra:
        shown = extra[:_SHOW] + (["..."] if len(extra) > _SHOW else [])
        zh.append(f"多了 {len(extra)} 项：{shown}")
        en.append(f"{len(extra)} extra: {shown}")
    return _no("；".join(zh), "; ".join(en), hint_zh=hint_zh, hint_en=hint_en)


def check_number(
    answer: object,
    *,
    expected: int | float,
    hint_zh: str = "",
    hint_en: str = "",
    name: str = "答案",
    abs_tol: float = 0.0,
    rel_tol: float = 1e-9,
) -> bool:
    """Check a number, within a tolerance; says "too big" or "too small" but not the value.

    ``int``, ``float`` and numpy scalars are accepted; ``bool`` and numeric strings are not.

    Args:
        answer: the learner's value.
        expected: the right number.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        name: the variable name shown in messages.
        abs_tol: absolute tolerance (e.g. 0.01 for rates rounded to two decimals).
        rel_tol: relative tolerance.

    Returns:
        True when the answer is right.

    Example:
        >>> check_number(30, expected=29)
        ✗ 还不对 / not yet: 太大了 / too big
        False
    """
    _require_expected(
        type(expected) in (int, float) and math.isfinite(expected), "a finite int or float"
    )
    _require_hints(hint_zh, hint_en)
    if is_placeholder(answer):
        return _pending(name)
    number = _as_number(answer)
    if number is None:
        zh_extra = "（看起来是字符串：去掉引号）" if type(answer) is str else ""
        en_extra = " (a string: drop the quotes)" if type(answer) is str else ""
        return _no(
            f"类型不对：需要数字（int 或 float），你给的是 {_type_name(answer)}{zh_extra}",
            f"wrong type: expected a number (int or float), got {_type_name(answer)}{en_extra}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    if math.isnan(number):
        return _no("你的数字是 NaN", "your number is NaN", hint_zh=hint_zh, hint_en=hint_en)
    if math.isclose(number, expected, rel_tol=rel_tol, abs_tol=abs_tol):
        return _ok(_label(name))
    big = number > expected
    return _no(
        "太大了" if big else "太小了",
        "too big" if big else "too small",
        hint_zh=hint_zh,
        hint_en=hint_en,
    )


def _norm_choice(value: object) -> str | None:
    if type(value) is str:
        return value.strip().upper()
    if type(value) is int:
        return str(value)
    return None


def check_choice(
    answer: object,
    *,
    expected: str | int | Sequence[str | int] | set[str | int],
    options: Sequence[str | int] = (),
    hint_zh: str = "",
    hint_en: str = "",
    name: str = "答案",
) -> bool:
    """Check a multiple-choice answer given by letter or ID (``"B"``, ``"b"``, ``"A3"``, ``2``).

    When ``expected`` is a collection, the question is "choose all that apply" and the answer
    must be a collection with exactly those choices (order ignored).

    Args:
        answer: the learner's choice(s).
        expected: the right choice, or the collection of right choices.
        options: the valid choices; an answer outside them gets its own message.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        name: the variable name shown in messages.

    Returns:
        True when the answer is right.

    Example:
        >>> check_choice("a3", expected="A3", options=["A1", "A2", "A3", "A4", "A5"])
        ✓ 正确！/ correct!（答案）
        True
    """
    _require_hints(hint_zh, hint_en)
    multi = type(expected) in (list, tuple, set, frozenset)
    wanted = [_norm_choice(x) for x in expected] if multi else [_norm_choice(expected)]
    _require_expected(
        bool(wanted) and None not in wanted, "a str/int choice or a collection of them"
    )
    valid = [_norm_choice(x) for x in options]
    _require_expected(None not in valid, "chosen from options of str or int")
    if is_placeholder(answer):
        return _pending(name)
    if multi:
        if type(answer) not in (list, tuple, set, frozenset):
            return _no(
                f"这题可多选：请用 list 或 set 列出选项，你给的是 {_type_name(answer)}",
                f"choose all that apply: give a list or set, got {_type_name(answer)}",
                hint_zh=hint_zh,
                hint_en=hint_en,
            )
        got = [_norm_choice(x) for x in answer]
    else:
        got = [_norm_choice(answer)]
    if None in got:
        return _no(
            '类型不对：选项要写成字母/编号字符串（如 "B"）或整数',
            'wrong type: a choice is a letter/ID string (e.g. "B") or an int',
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    unknown = sorted({g for g in got if valid and g not in valid})
    if unknown:
        return _no(
            f"{unknown} 不在选项 {valid} 之中",
            f"{unknown} is not among the options {valid}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    if set(got) == set(wanted):
        return _ok(_label(name))
    if multi:
        missing, extra = len(set(wanted) - set(got)), len(set(got) - set(wanted))
        return _no(
            f"少选了 {missing} 项，多选了 {extra} 项",
            f"{missing} missing, {extra} extra",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    return _no(f"选 {got[0]} 不对", f"{got[0]} is not the answer", hint_zh=hint_zh, hint_en=hint_en)


def _same(a: object, b: object) -> bool:
    """Exact-type structural equality on plain data; never calls a foreign ``__eq__``."""
    if type(a) is not type(b):
        return False
    if type(b) in (str, int, bool, type(None)):
        return a == b
    if type(b) is float:
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if type(b) in (list, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if type(b) is dict:
        if not all(type(k) in (str, int) for k in a):
            return False
        return set(a) == set(b) and all(_same(a[k], b[k]) for k in b)
    if type(b) in (set, frozenset):
        if not all(type(x) in (str, int) for x in a):
            return False
        return a == b
    return False


def check_regex(
    pattern: object,
    *,
    cases: Sequence[tuple[str, str]],
    repl: str = "",
    hint_zh: str = "",
    hint_en: str = "",
    name: str = "pattern",
) -> bool:
    """Check a regular expression by running ``re.sub(pattern, repl, text)`` on test cases.

    On failure it shows the first failing input and what the learner's pattern made of it (both
    the learner's own), never the expected output.

    Args:
        pattern: the learner's pattern, a ``str`` (or a compiled ``re.Pattern``).
        cases: ``(input, expected_output)`` pairs, typically computed with the package.
        repl: the replacement string.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        name: the variable name shown in messages.

    Returns:
        True when every case gives the expected output.

    Example:
        >>> check_regex(r"\\([a-z]+\\)", cases=[("產(chan)業", "產業")])
        ✓ 正确！/ correct!（pattern）
        True
    """
    _require_expected(
        type(cases) in (list, tuple)
        and all(type(c) is tuple and len(c) == 2 and all(type(s) is str for s in c) for c in cases),
        "cases: a list of (input, output) str pairs",
    )
    _require_hints(hint_zh, hint_en)
    if type(repl) is not str:
        raise TypeError("repl must be str")
    if is_placeholder(pattern):
        return _pending(name)
    if type(pattern) is re.Pattern:
        compiled = pattern
    elif type(pattern) is str:
        if not pattern:
            return _no("正则表达式是空的", "the pattern is empty", hint_zh=hint_zh, hint_en=hint_en)
        try:
            compiled = re.compile(pattern)
        except re.error as err:
            return _no(
                f"正则表达式写错了：{err}",
                f"the pattern does not compile: {err}",
                hint_zh=hint_zh,
                hint_en=hint_en,
            )
    else:
        return _no(
            f"类型不对：需要 str（正则表达式），你给的是 {_type_name(pattern)}",
            f"wrong type: expected a str pattern, got {_type_name(pattern)}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    try:
        outputs = [compiled.sub(repl, text) for text, _ in cases]
    except re.error as err:  # e.g. a bad group reference in repl
        return _no(
            f"替换出错：{err}", f"substitution failed: {err}", hint_zh=hint_zh, hint_en=hint_en
        )
    failing = [
        i for i, (out, (_, want)) in enumerate(zip(outputs, cases, strict=True)) if out != want
    ]
    if not failing:
        return _ok(_label(name))
    first = failing[0]
    _no(
        f"{len(cases)} 个例子中有 {len(failing)} 个不对",
        f"{len(failing)} of {len(cases)} cases wrong",
        hint_zh=hint_zh,
        hint_en=hint_en,
    )
    _say(f"  例如输入 / e.g. input: {cases[first][0]!r}")
    _say(f"  你的结果 / your output: {outputs[first]!r}")
    return False


def check_function(
    func: object,
    *,
    cases: Sequence[tuple[tuple, object]],
    hint_zh: str = "",
    hint_en: str = "",
    name: str = "函数 / function",
) -> bool:
    """Check a learner's function by calling it on ``(args, expected_result)`` cases.

    Results are compared with exact types on plain data (str, int, float, bool, None, list,
    tuple, dict, set). An exception inside the function is reported by its type name.

    Args:
        func: the learner's function.
        cases: pairs of an argument tuple and the expected result.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        name: the name shown in messages.

    Returns:
        True when every case gives the expected result.

    Example:
        >>> check_function(len, cases=[(("直播带货",), 4)])
        ✓ 正确！/ correct!（函数 / function）
        True
    """
    _require_expected(
        type(cases) in (list, tuple)
        and all(type(c) is tuple and len(c) == 2 and type(c[0]) is tuple for c in cases),
        "cases: a list of (args_tuple, expected) pairs",
    )
    _require_hints(hint_zh, hint_en)
    if is_placeholder(func):
        return _pending(name)
    if not callable(func):
        return _no(
            f"类型不对：需要一个函数，你给的是 {_type_name(func)}",
            f"wrong type: expected a function, got {_type_name(func)}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    call: Callable = func  # type: ignore[assignment]
    for i, (args, want) in enumerate(cases):
        try:
            got = call(*args)
        except Exception as err:  # any failure in learner code is feedback, not a crash
            return _no(
                f"第 {i + 1} 个例子运行出错：{type(err).__name__}",
                f"case {i + 1} raised {type(err).__name__}",
                hint_zh=hint_zh,
                hint_en=hint_en,
            )
        if type(got) is not type(want):
            return _no(
                f"第 {i + 1} 个例子返回类型不对：需要 {_type_name(want)}，得到 {_type_name(got)}",
                f"case {i + 1} returned {_type_name(got)}, expected {_type_name(want)}",
                hint_zh=hint_zh,
                hint_en=hint_en,
            )
        if not _same(got, want):
            return _no(
                f"第 {i + 1} 个例子（参数 {_short(args)}）结果不对",
                f"case {i + 1} (arguments {_short(args)}) gives a wrong result",
                hint_zh=hint_zh,
                hint_en=hint_en,
            )
    return _ok(_label(name))


def check(
    answer: object,
    *,
    expected: object,
    hint_zh: str = "",
    hint_en: str = "",
    kind: str = "auto",
    name: str = "答案",
) -> bool:
    """Check an answer, choosing the comparison from ``kind`` (or from ``expected``'s type).

    ``kind="auto"`` picks: ``str`` → text, list/tuple of str → tokens, set/frozenset → set,
    int/float → number, anything else → exact (exact-type structural equality). Pass
    ``kind="choice"`` for multiple choice by letter or ID.

    Args:
        answer: the learner's value.
        expected: the right value.
        hint_zh: a Chinese hint printed when the answer is wrong.
        hint_en: the English hint.
        kind: one of ``auto``, ``exact``, ``text``, ``tokens``, ``number``, ``choice``, ``set``.
        name: the variable name shown in messages.

    Returns:
        True when the answer is right.

    Example:
        >>> check(None, expected="流量", name="q2")  # doctest: +ELLIPSIS
        … 还没作答 / not answered yet: 把 q2 的占位符（None 或 ...）换成你的答案 / ...
        False
    """
    if type(kind) is not str:
        raise TypeError(f"kind must be str, got {_type_name(kind)}")
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {_KINDS}, got {kind!r}")
    if kind == "auto":
        if type(expected) is str:
            kind = "text"
        elif _is_str_list(expected):
            kind = "tokens"
        elif type(expected) in (set, frozenset):
            kind = "set"
        elif type(expected) in (int, float):
            kind = "number"
        else:
            kind = "exact"
    opts = {"expected": expected, "hint_zh": hint_zh, "hint_en": hint_en, "name": name}
    if kind == "text":
        return check_text(answer, **opts)
    if kind == "tokens":
        return check_tokens(answer, **opts)
    if kind == "set":
        return check_set(answer, **opts)
    if kind == "number":
        return check_number(answer, **opts)
    if kind == "choice":
        return check_choice(answer, **opts)
    _require_hints(hint_zh, hint_en)
    if is_placeholder(answer):
        return _pending(name)
    if type(answer) is not type(expected):
        return _no(
            f"类型不对：需要 {_type_name(expected)}，你给的是 {_type_name(answer)}",
            f"wrong type: expected {_type_name(expected)}, got {_type_name(answer)}",
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    if type(expected) in (list, tuple, dict) and len(answer) != len(expected):  # type: ignore[arg-type]
        return _no(
            f"长度不对：需要 {len(expected)} 项，你给了 {len(answer)} 项",  # type: ignore[arg-type]
            f"wrong length: expected {len(expected)} items, got {len(answer)}",  # type: ignore[arg-type]
            hint_zh=hint_zh,
            hint_en=hint_en,
        )
    if _same(answer, expected):
        return _ok(_label(name))
    return _no("内容不对", "the content is wrong", hint_zh=hint_zh, hint_en=hint_en)
