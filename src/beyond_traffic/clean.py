"""Text-in/text-out cleaning steps for scraped Chinese web articles, and the pipeline."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_str
from beyond_traffic.errata import load_errata

if TYPE_CHECKING:  # pandas is imported only when audit_corpus() runs
    import pandas as pd

__all__ = [
    "OPENCC_CONFIG",
    "STEPS",
    "StepReport",
    "apply_errata",
    "audit",
    "audit_corpus",
    "clean_text",
    "normalise_lines",
    "normalise_punctuation",
    "redact_personal_data",
    "remove_furniture",
    "strip_pinyin_annotations",
    "to_simplified",
]

#: The OpenCC configuration used by :func:`to_simplified` (see its docstring for why).
OPENCC_CONFIG = "tw2s"

Change = tuple[str, str]  # (old, new); new == "" means the snippet was removed
_Logged = tuple[str, list[Change]]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
# Full-width punctuation and quotes that count as "Chinese text" around a half-width mark.
_CJK_PUNCT = "，。、；：？！（）「」『』“”‘’《》【】…—"


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (_CJK_CHAR.match(ch) is not None or ch in _CJK_PUNCT)


# ---------------------------------------------------------------- 1. errata


def _apply_errata(text: str) -> _Logged:
    changes: list[Change] = []
    seen: set[str] = set()
    # Longest first, so a span that contains another is repaired as a whole.
    for erratum in sorted(load_errata(), key=lambda e: -len(e.garbled)):
        if erratum.garbled in seen:
            continue
        seen.add(erratum.garbled)
        n = text.count(erratum.garbled)
        if n:
            text = text.replace(erratum.garbled, erratum.correction)
            changes.extend([(erratum.garbled, erratum.correction)] * n)
    return text, changes


def apply_errata(text: str) -> str:
    """Repair mojibake listed in the errata table (``data/errata.tsv``).

    Mojibake in the seeds is lossy (bytes were dropped), so no rule can undo it: each garbled
    span is listed verbatim with its correction and the reason. This is the only
    article-specific step; it runs first because the garbled spans contain pinyin notes and
    ``?`` that later steps would alter.

    Args:
        text: raw text.

    Returns:
        The text with every listed garbled span replaced by its correction.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> apply_errata("他們可以減少?zèng)Q策失誤")
        '他們可以减少决策失誤'
    """
    return _apply_errata(require_str(text))[0]


# ---------------------------------------------------------------- 2. pinyin annotations

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_ANNOTATION = re.compile(f"(?<=[{_CJK}])[(（]([a-zü{_TONED}]{{1,7}})[)）]")
_SYLLABLE = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er"
    r"|ia|ie|iu|in|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v)|ng|n|m)"
)


@lru_cache(maxsize=2048)
def _is_toned_syllable(word: str) -> bool:
    # A pinyin note carries exactly one tone mark; "(café)" has one but fails the syllable test.
    if sum(ch in _TONED for ch in word) != 1:
        return False
    bare = "".join("v" if ch in "üǖǘǚǜ" else unicodedata.normalize("NFD", ch)[0] for ch in word)
    return _SYLLABLE.fullmatch(bare) is not None


def _strip_pinyin_annotations(text: str) -> _Logged:
    changes: list[Change] = []

    def drop(match: re.Match[str]) -> str:
        if not _is_toned_syllable(match.group(1)):
            return match.group(0)
        changes.append((match.group(0), ""))
        return ""

    return _ANNOTATION.sub(drop, text), changes


def strip_pinyin_annotations(text: str) -> str:
    """Remove pinyin notes such as ``(chǎn)`` that a converter put after Chinese characters.

    Only a parenthesised single pinyin syllable with a tone mark, right after a CJK
    character, is removed; real parenthetical text such as ``(ToB)``, ``（见下文）`` or
    ``(café)`` stays. Run it before :func:`to_simplified`: OpenCC converts phrases, and a note
    between two characters would hide the phrase.

    Args:
        text: text with pinyin notes.

    Returns:
        The text without them.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> strip_pinyin_annotations("產(chǎn)業(yè)互聯(lián)網(wǎng)的(ToB)屬性")
        '產業互聯網的(ToB)屬性'
    """
    return _strip_pinyin_annotations(require_str(text))[0]


# ---------------------------------------------------------------- 3. Traditional -> Simplified

# tw2s turns every 著 into 着 except in OpenCC's phrase list (著名, 著作, …); in these words
# 著 means "notable / to write" and must stay. Both sides are Simplified, so this is safe.
_ZHU_WORDS = ("显著", "土著", "著称", "卓著", "昭著", "名著", "巨著", "著述", "著书立说")
_ZHU_REPAIR = {word.replace("著", "着"): word for word in _ZHU_WORDS}
_ZHU_PATTERN = re.compile("|".join(map(re.escape, _ZHU_REPAIR)))


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc  # imported on first use: the binding loads its dictionaries

    return opencc.OpenCC(config)


def _diff_snippets(old: str, new: str) -> list[Change]:
    if old == new:
        return []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _line_diff(before: str, after: str) -> list[Change]:
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        return _diff_snippets(before, after)
    changes: list[Change] = []
    for old, new in zip(old_lines, new_lines, strict=True):
        changes.extend(_diff_snippets(old, new))
    return changes


def _to_simplified(text: str, log: bool = True) -> _Logged:
    converted = _converter(OPENCC_CONFIG).convert(text)
    converted = _ZHU_PATTERN.sub(lambda m: _ZHU_REPAIR[m.group(0)], converted)
    return converted, _line_diff(text, converted) if log else []


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified with OpenCC ``tw2s``.

    Why ``tw2s``: on the corpus, ``t2s`` and ``hk2s`` give identical output and both leave the
    aspect particle 著 unconverted (有著, 隨著, 做著, 擁有著: 7 times in A1, A3, A4), while
    ``tw2s`` converts it to 着 and differs in nothing else; ``tw2sp`` also rewrites Taiwanese
    vocabulary into mainland words that change the authors' text (线上→在线, 建立→创建,
    程序→进程). ``tw2s`` over-converts a few words where 著 means "notable" (显著 → 显着), so
    those are put back. Simplified text passes through unchanged.

    Args:
        text: Traditional, Simplified or mixed text.

    Returns:
        Simplified text.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> to_simplified("產業互聯網有著顯著的變化")
        '产业互联网有着显著的变化'
    """
    return _to_simplified(require_str(text), log=False)[0]


# ---------------------------------------------------------------- 4. personal data

_PERSONAL = re.compile(
    "|".join(
        [
            # e-mail addresses
            r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
            # mainland mobile numbers, optionally +86 and grouped 3-4-4
            r"(?<![\d.])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![\d.])",
            # landlines with an area code: 010-12345678, (0571)8888 8888
            r"(?<![\d.])(?:0\d{2,3}-|[(（]0\d{2,3}[)）]\s?)\d{3,4}[- ]?\d{4}(?![\d.])",
            # labelled QQ numbers and WeChat ids
            r"(?:QQ|qq|微信号?)\s*[:：]?\s*(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{5,20}",
        ]
    )
)


def _redact_personal_data(text: str) -> _Logged:
    changes: list[Change] = []

    def drop(match: re.Match[str]) -> str:
        changes.append((match.group(0), ""))
        return ""

    return _PERSONAL.sub(drop, text), changes


def redact_personal_data(text: str) -> str:
    """Remove e-mail addresses, phone numbers and labelled QQ / WeChat ids.

    A course corpus should not redistribute anyone's contact details, and they carry nothing
    for text analysis. They are deleted (not masked) so they cannot leak into word counts.

    Args:
        text: text that may contain personal data.

    Returns:
        The text without it.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> redact_personal_data("如有侵权请联系邮箱710911939@qq.com或13812345678。")
        '如有侵权请联系邮箱或。'
    """
    return _redact_personal_data(require_str(text))[0]


# ---------------------------------------------------------------- 5. page furniture

# Each rule names a kind of furniture and recognises one whole line (after conversion to
# Simplified; both half- and full-width colons are accepted). A "short" rule only fires on
# lines of at most `limit` characters, so a body paragraph that merely mentions 微信 stays.
_FURNITURE: tuple[tuple[str, re.Pattern[str], int | None], ...] = (
    ("original title", re.compile(r"^原标题\s*[:：]"), None),
    ("by-line", re.compile(r"^(?:文|撰文|作者|编辑|责编|责任编辑|来源|记者)\s*[/／|｜:：]"), 30),
    ("author bio", re.compile(r"^(?:作者(?:简介)?|关于作者)\s*[:：]"), None),
    ("copyright notice", re.compile(r"转载请|版权所有|违者必究|未经(?:授权|许可).{0,6}转载"), None),
    (
        "disclaimer",
        re.compile(
            r"^免责声明|免责声明\s*[:：]|^本网站|本文来源(?:于)?网络|如有侵权|侵权请?(?:随时)?联系"
            r"|不代表本(?:站|网|平台)(?:的)?(?:观点|立场)|仅代表作者(?:个人)?观点"
        ),
        None,
    ),
    ("related headlines", re.compile(r"^[-–•·*]\s*\S"), 80),
    (
        "related headlines",
        re.compile(
            r"^(?:相关(?:阅读|文章|新闻|推荐)|推荐阅读|延伸阅读|热门(?:文章|推荐)|猜你喜欢)"
        ),
        20,
    ),
    (
        "pagination",
        re.compile(r"^共\s*\d+\s*页|^第\s*\d+\s*页|\[\d+\]\s*\[\d+\]|上一页|下一页"),
        40,
    ),
    (
        "contact line",
        re.compile(
            r"^(?:投稿|联系|商务合作|广告合作)(?:邮箱|电话|方式)?\s*[:：]"
            r"|^(?:邮箱|电子邮件|电话|手机|微信|QQ|[Ee]-?mail)\s*[:：]"
        ),
        40,
    ),
    ("share footer", re.compile(r"分享到|分享至|扫一扫|朋友圈|点击底部|打开微信"), 40),
    (
        "account plug",
        re.compile(
            r"关注(?:微信)?公(?:众)?号|(?:微信)?公众号\s*[:：]|关注更多|扫码关注|长按(?:识别|二维码)"
        ),
        60,
    ),
)


def _furniture_kind(line: str) -> str | None:
    stripped = line.strip(" \t\u3000\xa0")
    for kind, pattern, limit in _FURNITURE:
        if limit is not None and len(stripped) > limit:
            continue
        if pattern.search(stripped):
            return kind
    return None


def _remove_furniture(text: str) -> _Logged:
    kept: list[str] = []
    changes: list[Change] = []
    for line in text.split("\n"):
        if line.strip() and _furniture_kind(line) is not None:
            changes.append((line, ""))
        else:
            kept.append(line)
    return "\n".join(kept), changes


def remove_furniture(text: str) -> str:
    """Remove page furniture: whole lines that belong to the web page, not to the article.

    Recognised kinds: ``原标题:`` lines, by-lines (文/孟永辉), author bios (作者:…),
    copyright notices (转载请…), disclaimers (免责声明, 本文来源网络…), related-headline lists
    (bulleted lines, 相关阅读), pagination (共2页 [1] [2] 下一页), contact lines (投稿邮箱:…),
    share-to-WeChat footers and public-account plugs (关注公号). Rules match kinds of lines,
    never positions, so they apply to unseen articles from the same kind of site. Works on
    lines: run it before :func:`normalise_lines` joins anything.

    Args:
        text: text with one paragraph or furniture item per line.

    Returns:
        The text without furniture lines (other lines untouched).

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> remove_furniture("文/孟永辉\\n直播带货是一种营销方式。\\n共2页 [1] [2] 下一页")
        '直播带货是一种营销方式。'
    """
    return _remove_furniture(require_str(text))[0]


# ---------------------------------------------------------------- 6. punctuation

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_MARK = re.compile(r"[,;:?!]")
_SPACE_AROUND_FULL = re.compile(r"[ \t\u3000]*([，。、；：？！（）])[ \t\u3000]*")


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[:start].rstrip(" \t")[-1:]
    after = text[end:].lstrip(" \t")[:1]
    return before, after


def _convert_parentheses(text: str) -> str:
    """Full-width parentheses where they belong to Chinese text; ASCII ones such as f(x) stay."""
    chars = list(text)
    stack: list[int] = []
    unmatched: list[int] = []
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                start = stack.pop()
                before, _ = _neighbours(text, start, start + 1)
                # pairs may span a stray line break, so they are matched on the whole text
                if _CJK_CHAR.search(text, start, i) or _is_cjk(before):
                    chars[start], chars[i] = "（", "）"
            else:
                unmatched.append(i)
    for i in unmatched + stack:
        before, after = _neighbours(text, i, i + 1)
        if _is_cjk(before) or _is_cjk(after):
            chars[i] = _HALF_TO_FULL[chars[i]]
    return "".join(chars)


def _normalise_punctuation(text: str, log: bool = True) -> _Logged:
    original = text
    text = _FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    text = _convert_parentheses(text)

    def mark(match: re.Match[str]) -> str:
        before, after = _neighbours(text, match.start(), match.end())
        # "3,000", "10:30" and "https://…?a=1" stay: neither side is Chinese.
        if _is_cjk(before) or (_CJK_CHAR.match(after) is not None):
            return _HALF_TO_FULL[match.group(0)]
        return match.group(0)

    text = _MARK.sub(mark, text)
    text = _SPACE_AROUND_FULL.sub(r"\1", text)
    return text, _line_diff(original, text) if log else []


def normalise_punctuation(text: str) -> str:
    """Turn half-width ``, ; : ? ! ( )`` in Chinese text into full-width ``，；：？！（）``.

    A mark is converted when the text before it is Chinese (a CJK character or full-width
    punctuation) or a CJK character follows; a pair of parentheses is converted when its
    content holds Chinese or Chinese text comes right before it, an unpaired one when Chinese
    is on either side. Marks inside ASCII runs stay: ``3,000``, ``10:30``,
    ``https://…?a=1``, ``f(x)``. Full-width letters and digits become ASCII, and spaces
    around full-width punctuation are removed.

    Args:
        text: text with half-width punctuation.

    Returns:
        The normalised text (line breaks untouched).

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> normalise_punctuation("直播电商中的(ToB)属性,变得更加重要? 是的:3,000万")
        '直播电商中的（ToB）属性，变得更加重要？是的：3,000万'
    """
    return _normalise_punctuation(require_str(text), log=False)[0]


# ---------------------------------------------------------------- 7. lines

# A line ending in one of these closes a sentence, heading or quotation: never joined.
_LINE_END = "。！？；：…—”’」』）》】.!?;:"
# A line ending in one of these function characters cannot be a complete heading.
_DANGLING = "的地得之和与及或并而但却且把被对从在将为以让使给是于"
_SENTENCE_END = re.compile(r"[。！？!?]")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")


def _is_broken(line: str, following: str) -> bool:
    """Whether a line break between ``line`` and ``following`` falls inside a sentence."""
    if line[-1] in _LINE_END:
        return False
    if following[0] in "，。、；：？！）」』”":
        return True
    # A heading has no sentence end inside it and does not end on a function word.
    return _SENTENCE_END.search(line) is not None or line[-1] in _DANGLING


def _normalise_lines(text: str, log: bool = True) -> _Logged:
    if not text:
        return "", []
    changes: list[Change] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for raw_line in text.split("\n"):
        line = _SPACES.sub(" ", _INVISIBLE.sub("", raw_line)).strip()
        if not line:
            changes.append((raw_line + "\n", ""))
            continue
        if log and line != raw_line:
            changes.extend(_diff_snippets(raw_line, line))
        if paragraphs and _is_broken(paragraphs[-1], line):
            glue = " " if paragraphs[-1][-1].isascii() and line[0].isascii() else ""
            tail, head = paragraphs[-1][-6:], line[:6]
            changes.append((f"{tail}\n{head}", f"{tail}{glue}{head}"))
            paragraphs[-1] += glue + line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs), changes


def normalise_lines(text: str) -> str:
    """Make one paragraph per line: drop blank lines, trim spaces, join stray line breaks.

    A break is "stray" when the line before it cannot end there: it has no closing
    punctuation and either holds a sentence end already (so it is prose, not a heading) or
    ends on a function character such as 的; or the next line starts with punctuation.
    Headings (short lines without a sentence end) stay on their own line.

    Args:
        text: text with any line breaks.

    Returns:
        Paragraphs separated by single newlines, without leading or trailing blank lines.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> normalise_lines("前奏曲\\n\\n当直播带货风靡的时候，我们看到的\\n\\n是一场反思。")
        '前奏曲\\n当直播带货风靡的时候，我们看到的是一场反思。'
    """
    return _normalise_lines(require_str(text), log=False)[0]


# ---------------------------------------------------------------- the pipeline

_LOGGED: dict[str, Callable[[str], _Logged]] = {
    "apply_errata": _apply_errata,
    "strip_pinyin_annotations": _strip_pinyin_annotations,
    "to_simplified": _to_simplified,
    "redact_personal_data": _redact_personal_data,
    "remove_furniture": _remove_furniture,
    "normalise_punctuation": _normalise_punctuation,
    "normalise_lines": _normalise_lines,
}

#: The pipeline, in order, as (name, function) pairs; each function maps str to str.
STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("apply_errata", apply_errata),
    ("strip_pinyin_annotations", strip_pinyin_annotations),
    ("to_simplified", to_simplified),
    ("redact_personal_data", redact_personal_data),
    ("remove_furniture", remove_furniture),
    ("normalise_punctuation", normalise_punctuation),
    ("normalise_lines", normalise_lines),
)


def clean_text(raw: str) -> str:
    """Return Simplified, annotation-free, boilerplate-free body text, one paragraph per line.

    Runs :data:`STEPS` in order: errata (they match the raw bytes), pinyin notes (before
    OpenCC, which needs adjacent characters), Traditional → Simplified, personal data, page
    furniture (on whole lines, before lines are joined), punctuation, then line breaks (the
    join rule reads full-width sentence ends). Authors' own slips (内在机构, 聪 for 从) are kept.

    Args:
        raw: the scraped text, decoded.

    Returns:
        The cleaned text; ``""`` for ``""``.

    Raises:
        TypeError: ``raw`` is not a str (decode bytes first).

    Example:
        >>> clean_text("文/孟永輝\\n產(chǎn)業(yè)互聯(lián)網(wǎng)的節(jié)奏是什么?")
        '产业互联网的节奏是什么？'
    """
    text = require_str(raw, name="raw")
    for _, step in STEPS:
        text = step(text)
    return text


@dataclass(frozen=True)
class StepReport:
    """What one cleaning step did to one text.

    Attributes:
        step: the step's name in :data:`STEPS`.
        chars_before: length of the text the step received.
        chars_after: length of the text it returned.
        count: number of edits (``len(removed) + len(changed)``).
        removed: snippets deleted, in order.
        changed: ``(old, new)`` pairs of snippets replaced, in order.

    Example:
        >>> report = audit("產(chǎn)業(yè)")[1]
        >>> report.step, report.removed
        ('strip_pinyin_annotations', ('(chǎn)', '(yè)'))
    """

    step: str
    chars_before: int
    chars_after: int
    count: int
    removed: tuple[str, ...]
    changed: tuple[Change, ...]


def _mask(snippet: str) -> str:
    """Hide personal data in an audit report but keep its shape: ``7********@**.***``."""
    return "".join(ch if i == 0 or not ch.isalnum() else "*" for i, ch in enumerate(snippet))


def audit(raw: str) -> list[StepReport]:
    """Run the pipeline step by step and report what each step removed or changed.

    Args:
        raw: the scraped text, decoded.

    Returns:
        One :class:`StepReport` per step, in pipeline order. The last step's output equals
        ``clean_text(raw)``.

    Raises:
        TypeError: ``raw`` is not a str.

    Example:
        >>> [r.count for r in audit("文/孟永輝\\n網(wǎng)絡")]
        [0, 1, 2, 0, 1, 0, 0]
    """
    text = require_str(raw, name="raw")
    reports = []
    for name, _ in STEPS:
        result, changes = _LOGGED[name](text)
        if name == "redact_personal_data":
            # An audit is shown to learners: it must not re-publish what redaction removed.
            changes = [(_mask(old), new) for old, new in changes]
        removed = tuple(old for old, new in changes if new == "")
        changed = tuple((old, new) for old, new in changes if new != "")
        reports.append(StepReport(name, len(text), len(result), len(changes), removed, changed))
        text = result
    return reports


def _examples(report: StepReport, k: int = 3) -> str:
    shown = [f"−{old!r}" for old in report.removed[:k]]
    shown += [f"{old!r}→{new!r}" for old, new in report.changed[: max(0, k - len(shown))]]
    return "; ".join(shown)


def audit_corpus() -> pd.DataFrame:
    """Audit every article of the corpus: one row per (article, step).

    Returns:
        A DataFrame with columns ``article``, ``step``, ``chars_before``, ``chars_after``,
        ``removed`` (number of deletions), ``changed`` (number of replacements), ``count``
        and ``examples`` (the first few edits).

    Example:
        >>> table = audit_corpus()
        >>> sorted(table.query("step == 'apply_errata' and count > 0")["article"])
        ['A1', 'A3', 'A4']
    """
    import pandas as pd

    from beyond_traffic.corpus import load_corpus

    rows = []
    for article in load_corpus():
        for report in audit(article.raw):
            rows.append(
                {
                    "article": article.id,
                    "step": report.step,
                    "chars_before": report.chars_before,
                    "chars_after": report.chars_after,
                    "removed": len(report.removed),
                    "changed": len(report.changed),
                    "count": report.count,
                    "examples": _examples(report),
                }
            )
    return pd.DataFrame(rows)
