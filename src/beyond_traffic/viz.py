"""Bar charts and word clouds that render Chinese, drawn with the bundled CJK font."""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_positive_int, require_str, require_tokens

if TYPE_CHECKING:  # matplotlib, pandas and wordcloud load only when a chart is drawn
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from wordcloud import WordCloud

__all__ = [
    "FONT_FAMILY",
    "bar_chart",
    "cloud_figure",
    "cloud_frequencies",
    "comparison_chart",
    "font_path",
    "font_properties",
    "use_course_font",
    "word_cloud",
]

#: The family name of the bundled font: a renamed subset of Noto Sans CJK SC (see OFL.txt).
FONT_FAMILY = "BeyondTraffic Sans SC"
_FONT_FILE = "BeyondTrafficSansSC-Regular.otf"
# Characters the subset lacks (emoji, rare symbols) fall back to matplotlib's own font.
_FALLBACK = "DejaVu Sans"


def _font_resource():
    return resources.files("beyond_traffic") / "data" / "fonts" / _FONT_FILE


@lru_cache(maxsize=1)
def font_path() -> Path:
    """Return the path of the bundled CJK font file (OpenType/CFF, about 2.4 MB).

    The font covers all of GB2312, Big5 level 1, the Traditional forms of GB2312 hanzi and
    every character of the five articles, raw and converted to Simplified.

    Returns:
        A real file on disk, as matplotlib and wordcloud need: the file inside the installed
        package, or, when the package is imported from a zip archive, a copy in the
        temporary directory (written once, named after its hash).

    Example:
        >>> font_path().name
        'BeyondTrafficSansSC-Regular.otf'
    """
    resource = _font_resource()
    try:
        path = Path(os.fspath(resource))
    except TypeError:  # a zip archive member has no file-system path
        path = None
    if path is not None and path.is_file():
        return path
    data = resource.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"beyond_traffic-{digest}-{_FONT_FILE}"
    if not (target.is_file() and target.stat().st_size == len(data)):
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as tmp:
            tmp.write(data)
        Path(tmp.name).replace(target)  # atomic, so parallel kernels never read half a font
    return target


@lru_cache(maxsize=1)
def _register() -> str:
    from matplotlib import font_manager

    path = str(font_path())
    if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    return FONT_FAMILY


def font_properties(*, size: float | None = None) -> FontProperties:
    """Return matplotlib ``FontProperties`` for the course font, to pass as ``fontproperties``.

    Use it for one text element without changing global settings; the fallback family
    draws the rare character the subset lacks.

    Args:
        size: font size in points; None keeps matplotlib's default.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots()
        >>> ax.set_title("流量之外", fontproperties=font_properties(size=14)).get_text()
        '流量之外'
    """
    from matplotlib.font_manager import FontProperties

    if size is not None and (isinstance(size, bool) or not isinstance(size, Real)):
        raise TypeError(f"size must be a number or None, got {type(size).__name__}")
    return FontProperties(family=[_register(), _FALLBACK], size=size)


def use_course_font() -> str:
    """Register the course font with matplotlib and make it the default for all text.

    Sets ``rcParams["font.family"]`` (the course font first, then matplotlib's DejaVu Sans
    for anything it lacks), puts the font first in ``font.sans-serif``, and keeps the
    proper minus sign on axes (the font has U+2212). Call it once at the top of a notebook.

    Returns:
        The font family name, ``"BeyondTraffic Sans SC"``.

    Example:
        >>> use_course_font()
        'BeyondTraffic Sans SC'
        >>> import matplotlib
        >>> matplotlib.rcParams["font.family"][0]
        'BeyondTraffic Sans SC'
    """
    import matplotlib

    family = _register()
    matplotlib.rcParams["font.family"] = [family, _FALLBACK]
    rest = [name for name in matplotlib.rcParams["font.sans-serif"] if name != family]
    matplotlib.rcParams["font.sans-serif"] = [family, *rest]
    return family


# --- checking counts -----------------------------------------------------------------------


def _require_counts(counts: object, *, name: str = "counts") -> list[tuple[str, float]]:
    """Return ``counts`` as (label, value) pairs, refusing wrong types and non-finite values."""
    series_type = _series_type()
    if series_type is not None and isinstance(counts, series_type):
        pairs = list(counts.items())
    elif isinstance(counts, Mapping):
        pairs = list(counts.items())
    elif isinstance(counts, (str, bytes)) or not isinstance(counts, Iterable):
        raise TypeError(
            f"{name} must be a dict, Counter or pandas Series of word -> number (or a list of "
            f"(word, number) pairs such as top_k gives), got {type(counts).__name__}"
        )
    else:
        pairs = []
        for i, item in enumerate(counts):
            if not (isinstance(item, tuple | list) and len(item) == 2):
                raise TypeError(
                    f"{name}[{i}] must be a (word, number) pair, got {type(item).__name__}"
                )
            pairs.append(tuple(item))
    checked = []
    for label, value in pairs:
        if not isinstance(label, str):
            raise TypeError(f"{name} keys must be str, found {type(label).__name__} {label!r}")
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(
                f"{name}[{label!r}] must be a number (int or float), got {type(value).__name__}"
            )
        if not math.isfinite(value):
            raise ValueError(f"{name}[{label!r}] is {value}: only finite numbers can be drawn")
        checked.append((label, value))
    return checked


def _series_type():
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency; kept for a bare install
        return None
    return pd.Series


def _empty_error(name: str) -> ValueError:
    return ValueError(
        f"{name} is empty: there is nothing to draw. Count some words first, e.g. "
        f"frequencies(tokenize(text)), and check that filters did not remove every word."
    )


def _require_top(top: object) -> int | None:
    return None if top is None else require_positive_int(top, name="top")


def _require_title(title: object) -> str | None:
    return None if title is None else require_str(title, name="title")


def _require_axes(ax: object) -> Axes | None:
    from matplotlib.axes import Axes

    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _ranked(pairs: list[tuple[str, float]], top: int | None) -> list[tuple[str, float]]:
    # Largest first, ties by the word: the same chart on every run, whatever the dict order.
    ordered = sorted(pairs, key=lambda item: (-item[1], item[0]))
    return ordered if top is None else ordered[:top]


def _axes(ax: Axes | None, *, rows: int) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=(7, max(2.5, 0.35 * rows + 1.2)), layout="constrained")
    return new


def _label(ax: Axes, *, title: str | None, xlabel: str | None) -> None:
    prop = font_properties()
    # tick_params, unlike setting each label, survives the ticks matplotlib makes at draw time.
    ax.tick_params(axis="both", labelfontfamily=prop.get_family())
    if title is not None:
        ax.set_title(title, fontproperties=font_properties(size=13))
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontproperties=prop)


# --- charts -----------------------------------------------------------------------------------


def bar_chart(
    counts: Mapping[str, float] | pd.Series | Iterable[tuple[str, float]],
    *,
    title: str | None = None,
    ax: Axes | None = None,
    top: int | None = 20,
    xlabel: str | None = None,
    color: str = "#3b6ea5",
) -> Figure:
    """Draw a horizontal bar chart of word counts, largest at the top, labels in Chinese.

    Horizontal bars keep Chinese labels upright and readable, however long the word.
    The course font is applied to this chart's text only; global settings are untouched.

    Args:
        counts: word -> number, as a dict, ``Counter`` or pandas ``Series``, or a list of
            ``(word, number)`` pairs (what ``count.top_k`` returns). Numbers may be counts,
            rates or scores; negative values draw to the left.
        title: chart title.
        ax: the matplotlib Axes to draw on; None makes a new figure.
        top: draw only the ``top`` largest values (ties broken by the word); None draws all.
        xlabel: label of the value axis, e.g. ``"次数"``.
        color: bar colour.

    Returns:
        The matplotlib Figure holding the chart.

    Raises:
        TypeError: ``counts`` is not word -> number, or an option has the wrong type.
        ValueError: ``counts`` is empty, has NaN/inf, or ``top`` < 1.

    Example:
        >>> fig = bar_chart({"流量": 12, "赋能": 9, "产业互联网": 7}, title="高频词")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['流量', '赋能', '产业互联网']
    """
    pairs = _require_counts(counts)
    top = _require_top(top)
    title = _require_title(title)
    xlabel = None if xlabel is None else require_str(xlabel, name="xlabel")
    ax = _require_axes(ax)
    if not pairs:
        raise _empty_error("counts")
    ranked = _ranked(pairs, top)
    ax = _axes(ax, rows=len(ranked))
    labels = [word for word, _ in ranked]
    positions = range(len(ranked))
    ax.barh(positions, [value for _, value in ranked], color=color)
    ax.set_yticks(list(positions), labels=labels)
    ax.invert_yaxis()  # the largest bar on top, where the eye starts
    ax.spines[["top", "right"]].set_visible(False)
    _label(ax, title=title, xlabel=xlabel)
    return ax.figure


def comparison_chart(
    table: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
    xlabel: str | None = None,
) -> Figure:
    """Draw grouped horizontal bars for a per-article table: rows are terms, columns articles.

    Made for ``compare.frequency_table``: one group per term, one bar per article (A1…A5),
    so a reader sees at once which article leans on which word.

    Args:
        table: a pandas DataFrame of numbers, terms as the index, articles as the columns.
        title: chart title.
        ax: the matplotlib Axes to draw on; None makes a new figure.
        xlabel: label of the value axis, e.g. ``"每千字次数"``.

    Returns:
        The matplotlib Figure holding the chart.

    Raises:
        TypeError: ``table`` is not a DataFrame, or it holds non-numbers or non-str labels.
        ValueError: the table has no rows or no columns, or NaN/inf.

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"A1": [3, 0], "A2": [1, 29]}, index=["赋能", "仅仅只是"])
        >>> fig = comparison_chart(t, title="各篇用词")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['赋能', '仅仅只是']
    """
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"table must be a pandas DataFrame (e.g. compare.frequency_table(...)), "
            f"got {type(table).__name__}"
        )
    title = _require_title(title)
    xlabel = None if xlabel is None else require_str(xlabel, name="xlabel")
    ax = _require_axes(ax)
    if table.shape[0] == 0 or table.shape[1] == 0:
        raise ValueError(
            f"table is empty ({table.shape[0]} rows, {table.shape[1]} columns): "
            "there is nothing to draw"
        )
    terms = [str(term) for term in table.index]
    columns = [str(column) for column in table.columns]
    for column in table.columns:
        _require_counts(list(zip(terms, table[column].tolist(), strict=True)), name="table")
    ax = _axes(ax, rows=len(terms) * max(1, len(columns) // 2))
    height = 0.8 / len(columns)
    for j, column in enumerate(table.columns):
        offsets = [i - 0.4 + height * (j + 0.5) for i in range(len(terms))]
        ax.barh(offsets, table[column].tolist(), height=height, label=columns[j])
    ax.set_yticks(list(range(len(terms))), labels=terms)
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(prop=font_properties(), frameon=False)
    _label(ax, title=title, xlabel=xlabel)
    return ax.figure


# --- word clouds ------------------------------------------------------------------------------


def cloud_frequencies(
    tokens: Iterable[str],
    *,
    stopwords: Collection[str] | None = None,
    min_len: int = 1,
) -> dict[str, int]:
    """Count segmented tokens for a word cloud, without stopwords and punctuation.

    Args:
        tokens: a list of words, e.g. ``tokenize(text)``.
        stopwords: words to leave out; None uses the course list ``lexicons.stopwords()``
            (的, 是, 和 …); pass an empty set to keep every word.
        min_len: leave out words shorter than this (2 drops every one-character word).

    Returns:
        word -> count, largest first (ties by the word), ready for :func:`word_cloud`.

    Raises:
        TypeError: ``tokens`` is a plain str (segment it first) or not a list of str.

    Example:
        >>> cloud_frequencies(["流量", "的", "流量", "，", "赋能"])
        {'流量': 2, '赋能': 1}
    """
    from beyond_traffic.count import frequencies

    words = require_tokens(tokens, name="tokens")
    if stopwords is None:
        from beyond_traffic.lexicons import stopwords as course_stopwords

        stopwords = course_stopwords()
    counts = frequencies(words, stopwords=stopwords, drop_punct=True, min_len=min_len)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def word_cloud(
    frequencies: Mapping[str, float] | pd.Series | Iterable[tuple[str, float]],
    *,
    width: int = 800,
    height: int = 400,
    max_words: int = 100,
    random_state: int = 0,
    background_color: str = "white",
    colormap: str = "viridis",
    prefer_horizontal: float = 1.0,
) -> WordCloud:
    """Lay out a word cloud from word frequencies, drawn with the course font.

    Give it frequencies, never raw text: wordcloud's own tokenizer splits on spaces and
    punctuation, and Chinese has no spaces, so ``WordCloud.generate(text)`` would treat
    whole clauses as "words". Segment first (``tokenize``), count (:func:`cloud_frequencies`
    or ``count.frequencies``), then pass the counts here. Remember what a cloud hides: size
    shows frequency only, not context, negation or who is speaking.

    Args:
        frequencies: word -> count (dict, ``Counter``, pandas ``Series``, or (word, count)
            pairs). Zero counts are left out; negative ones are an error.
        width, height: canvas size in pixels.
        max_words: the largest number of words to place (the most frequent ones).
        random_state: seed of the layout, so the same counts always give the same cloud.
        background_color: canvas colour.
        colormap: matplotlib colormap name for the words.
        prefer_horizontal: share of words laid horizontally; 1.0 (the default) keeps every
            Chinese word upright, since a rotated word reads sideways.

    Returns:
        The fitted ``wordcloud.WordCloud``: ``.words_`` holds the relative frequencies used,
        ``.layout_`` the placed words; show it with :func:`cloud_figure` or
        ``.to_file("cloud.png")``.

    Raises:
        TypeError: wrong types (a plain str is refused: segment and count it first).
        ValueError: no positive frequency to draw, a negative one, or a size < 1.

    Example:
        >>> cloud = word_cloud({"流量": 12, "赋能": 9, "产业互联网": 7}, width=300, height=150)
        >>> sorted(cloud.words_)
        ['产业互联网', '流量', '赋能']
    """
    from wordcloud import WordCloud

    if isinstance(frequencies, str):
        raise TypeError(
            "frequencies must be word -> count, not text: wordcloud cannot segment Chinese. "
            "Use word_cloud(cloud_frequencies(tokenize(text))) instead"
        )
    pairs = _require_counts(frequencies, name="frequencies")
    width = require_positive_int(width, name="width")
    height = require_positive_int(height, name="height")
    max_words = require_positive_int(max_words, name="max_words")
    if isinstance(random_state, bool) or not isinstance(random_state, int):
        raise TypeError(f"random_state must be int, got {type(random_state).__name__}")
    require_str(background_color, name="background_color")
    require_str(colormap, name="colormap")
    if isinstance(prefer_horizontal, bool) or not isinstance(prefer_horizontal, Real):
        raise TypeError(
            f"prefer_horizontal must be a number, got {type(prefer_horizontal).__name__}"
        )
    if not 0 <= prefer_horizontal <= 1:
        raise ValueError(f"prefer_horizontal must be between 0 and 1, got {prefer_horizontal}")
    negative = [word for word, value in pairs if value < 0]
    if negative:
        raise ValueError(f"frequencies must not be negative: {negative[:5]}")
    positive = {word: value for word, value in _ranked(pairs, None) if value > 0 and word.strip()}
    if not positive:
        raise _empty_error("frequencies")
    cloud = WordCloud(
        font_path=str(font_path()),
        width=width,
        height=height,
        max_words=max_words,
        random_state=random_state,
        background_color=background_color,
        colormap=colormap,
        prefer_horizontal=prefer_horizontal,
    )
    return cloud.generate_from_frequencies(positive)


def cloud_figure(cloud: WordCloud, *, title: str | None = None, ax: Axes | None = None) -> Figure:
    """Show a fitted word cloud in a matplotlib figure, with an optional Chinese title.

    Args:
        cloud: what :func:`word_cloud` returned.
        title: figure title, drawn with the course font.
        ax: the matplotlib Axes to draw on; None makes a new figure.

    Returns:
        The matplotlib Figure.

    Example:
        >>> fig = cloud_figure(word_cloud({"流量": 3, "赋能": 2}), title="A1 词云")
        >>> fig.axes[0].get_title()
        'A1 词云'
    """
    from wordcloud import WordCloud

    if not isinstance(cloud, WordCloud) or not hasattr(cloud, "layout_"):
        raise TypeError(
            f"cloud must be a fitted WordCloud, as word_cloud() returns; got {type(cloud).__name__}"
        )
    title = _require_title(title)
    ax = _require_axes(ax)
    if ax is None:
        import matplotlib.pyplot as plt

        aspect = cloud.height / cloud.width
        _, ax = plt.subplots(figsize=(8, 8 * aspect + 0.6), layout="constrained")
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    if title is not None:
        ax.set_title(title, fontproperties=font_properties(size=13))
    return ax.figure
