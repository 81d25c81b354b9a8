"""Tests for beyond_traffic.viz: the bundled font's coverage and licence, charts, word clouds."""

from __future__ import annotations

import hashlib
import importlib.util
import math
import unicodedata
import warnings
import zipfile
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.image as mpimg  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import opencc  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from beyond_traffic import viz  # noqa: E402
from beyond_traffic.corpus import load_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEBIAN_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.fixture(scope="module")
def font() -> TTFont:
    return TTFont(viz.font_path())


@pytest.fixture(scope="module")
def cmap(font) -> set[int]:
    return set(font.getBestCmap())


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _drawable(chars) -> set[str]:
    # Line breaks, tabs and other controls are never drawn, so no font needs them.
    return {c for c in chars if unicodedata.category(c) != "Cc"}


def _missing(chars, cmap) -> list[str]:
    return sorted(c for c in _drawable(chars) if ord(c) not in cmap)


def _gb2312(leads: range) -> set[str]:
    chars = set()
    for lead in leads:
        for trail in range(0xA1, 0xFF):
            try:
                chars.update(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def _draw_warnings(fig) -> list[str]:
    """Draw ``fig`` and return every warning message raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught]


def _ink(path: Path) -> int:
    """Number of pixels that are not (near-)white in a saved PNG."""
    image = mpimg.imread(path)[..., :3]
    return int((image.min(axis=2) < 0.8).sum())


# --- the font file ------------------------------------------------------------------------------


def test_font_path_is_a_real_otf_file_inside_the_package():
    path = viz.font_path()
    assert isinstance(path, Path)
    assert path.is_file()
    assert path.suffix == ".otf"
    assert path.parent.name == "fonts"
    assert (path.parent.parent.parent / "viz.py").is_file()  # beyond_traffic/data/fonts/


def test_font_is_a_small_cff_font_without_vertical_or_substitution_tables(font):
    size = viz.font_path().stat().st_size
    assert 500_000 < size < 4_000_000, f"font is {size:,} bytes"
    assert "CFF " in font and "glyf" not in font
    for dropped in ("vmtx", "vhea", "VORG", "GSUB"):
        assert dropped not in font


def test_font_path_copies_the_font_out_of_a_zip_install(tmp_path, monkeypatch):
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(viz.font_path(), "beyond_traffic/data/fonts/BeyondTrafficSansSC-Regular.otf")
    member = zipfile.Path(archive, "beyond_traffic/data/fonts/BeyondTrafficSansSC-Regular.otf")
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setattr(viz, "_font_resource", lambda: member)
    monkeypatch.setattr(viz.tempfile, "tempdir", str(cache))
    viz.font_path.cache_clear()
    try:
        copied = viz.font_path()
        again = viz.font_path.__wrapped__()  # a second call reuses the copy
    finally:
        monkeypatch.undo()
        viz.font_path.cache_clear()
    assert copied.parent == cache
    assert copied.read_bytes() == member.read_bytes()
    assert again == copied
    assert viz.font_path() != copied  # cache cleared: back to the package file


def test_font_covers_every_character_of_the_seeds_raw_clean_and_simplified(cmap):
    t2s = opencc.OpenCC("t2s")
    for article in load_corpus():
        for label, text in (
            ("raw", article.raw),
            ("t2s(raw)", t2s.convert(article.raw)),
            ("clean", article.clean),
            ("title/author", (article.title or "") + (article.author or "")),
        ):
            assert len(_drawable(text)) > 0 or label == "title/author"
            assert _missing(text, cmap) == [], f"{article.id} {label}"


def test_font_covers_all_of_gb2312(cmap):
    hanzi = _gb2312(range(0xB0, 0xF8))
    symbols = _gb2312(range(0xA1, 0xAA))
    assert len(hanzi) == 6763  # the standard's count: the enumeration itself is complete
    assert _missing(hanzi, cmap) == []
    assert _missing(symbols, cmap) == []


def test_font_covers_common_traditional_characters(cmap):
    hanzi = _gb2312(range(0xB0, 0xF8))
    traditional = set(opencc.OpenCC("s2t").convert("\n".join(sorted(hanzi)))) - {"\n"}
    assert len(traditional - hanzi) > 2000  # s2t really produced Traditional forms
    assert _missing(traditional, cmap) == []
    big5 = set()
    for lead in range(0xA4, 0xC7):
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            if (lead << 8 | trail) > 0xC67E:
                continue
            try:
                big5.update(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                pass
    assert len(big5) == 5401
    assert _missing(big5, cmap) == []


def test_font_covers_ascii_fullwidth_and_cjk_punctuation(cmap):
    ascii_printable = {chr(c) for c in range(0x20, 0x7F)}
    fullwidth = {chr(c) for c in range(0xFF01, 0xFF5F)}
    punctuation = set("、。〈〉《》「」『』【】〔〕〖〗〜·…—‘’“”") | {"\u3000", "\u2212"}
    pinyin = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")
    assert _missing(ascii_printable | fullwidth | punctuation | pinyin, cmap) == []


def test_font_is_renamed_as_the_ofl_asks(font):
    name = font["name"]
    for name_id in (1, 3, 4, 6):
        records = [r for r in name.names if r.nameID == name_id]
        assert records, f"name ID {name_id} missing"
        for record in records:
            text = record.toUnicode()
            assert "Noto" not in text and "Source" not in text, (name_id, text)
    assert name.getDebugName(1) == viz.FONT_FAMILY
    assert name.getDebugName(6) == "BeyondTrafficSansSC-Regular"
    assert not [r for r in name.names if r.nameID in (16, 17, 21, 22)]
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    cff_names = [cff.fontNames[0], top.FullName, top.FamilyName]
    cff_names += [fd.FontName for fd in getattr(top, "FDArray", [])]
    assert all("Noto" not in n for n in cff_names), cff_names
    assert "Adobe" in name.getDebugName(0)  # the copyright notice stays
    assert "Open Font License" in name.getDebugName(13)


def test_licence_file_is_shipped_with_the_full_ofl_text():
    licence = viz.font_path().parent / "OFL.txt"
    text = licence.read_text(encoding="utf-8")
    assert "Copyright 2014-2021 Adobe" in text
    assert "Reserved Font Name 'Source'" in text
    assert "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007" in text
    for heading in ("PREAMBLE", "DEFINITIONS", "PERMISSION & CONDITIONS", "TERMINATION"):
        assert f"\n{heading}\n" in text
    assert "OTHER DEALINGS IN THE FONT SOFTWARE." in text  # the disclaimer's last words
    assert viz.FONT_FAMILY in text
    readme = viz.font_path().parent / "README.md"
    assert "tools/build_font.py" in readme.read_text(encoding="utf-8")


def test_package_data_globs_ship_the_font_and_licence():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["beyond_traffic"]
    package = viz.font_path().parents[2]
    shipped = {p for pattern in globs for p in package.glob(pattern)}
    assert viz.font_path() in shipped
    assert viz.font_path().parent / "OFL.txt" in shipped


# --- matplotlib -------------------------------------------------------------------------------


def test_use_course_font_registers_the_font_and_sets_rcparams():
    with matplotlib.rc_context():
        assert viz.use_course_font() == viz.FONT_FAMILY
        assert matplotlib.rcParams["font.family"][0] == viz.FONT_FAMILY
        assert matplotlib.rcParams["font.sans-serif"][0] == viz.FONT_FAMILY
        found = font_manager.findfont(
            font_manager.FontProperties(family=viz.FONT_FAMILY), fallback_to_default=False
        )
        assert Path(found) == viz.font_path()
        viz.use_course_font()  # twice is harmless
        assert matplotlib.rcParams["font.sans-serif"].count(viz.FONT_FAMILY) == 1
        fig, ax = plt.subplots()
        ax.set_title("產業互聯網与直播带货")  # no fontproperties: rcParams alone must do
        ax.plot([-1, 1])  # negative ticks use U+2212
        messages = _draw_warnings(fig)
    assert not [m for m in messages if "missing" in m.lower()], messages


def test_font_properties_point_at_the_course_font():
    prop = viz.font_properties(size=14)
    assert prop.get_size() == 14
    assert prop.get_family()[0] == viz.FONT_FAMILY
    assert Path(font_manager.findfont(prop)) == viz.font_path()
    with pytest.raises(TypeError):
        viz.font_properties(size="14")


def test_control_warning_capture_sees_missing_glyphs_in_dejavu():
    fig, ax = plt.subplots()
    ax.set_title("流量之外", fontfamily="DejaVu Sans")
    messages = _draw_warnings(fig)
    assert any("missing" in m.lower() for m in messages), messages


def _corpus_counts() -> Counter:
    """Words of every script in the corpus: Simplified, Traditional, pinyin-annotated."""
    t2s = opencc.OpenCC("t2s")
    counts: Counter = Counter()
    for article in load_corpus():
        for text in (article.raw, t2s.convert(article.raw)):
            chars = sorted(_drawable(text) - {" "})
            for i in range(0, len(chars), 24):  # every character lands on some label
                counts[article.id + "".join(chars[i : i + 24])] += 1 + i % 7
    return counts


def test_bar_chart_of_every_corpus_character_has_no_missing_glyphs():
    counts = _corpus_counts()
    fig = viz.bar_chart(counts, title="產業互聯網 vs 产业互联网", top=None, xlabel="次数")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == len(counts)
    messages = _draw_warnings(fig)
    assert not [m for m in messages if "missing" in m.lower()], messages[:3]


def test_bar_chart_orders_bars_and_respects_top():
    counts = {"流量": 12, "赋能": 9, "产业互联网": 7, "的": 30, "平台": 9}
    fig = viz.bar_chart(counts, top=4, title="高频词")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    expected = sorted(counts, key=lambda w: (-counts[w], w))[:4]
    assert labels == expected
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == [counts[w] for w in expected]
    assert ax.get_title() == "高频词"


def test_bar_chart_accepts_series_counter_pairs_and_a_given_axes():
    data = {"直播": 5, "带货": 3}
    fig, ax = plt.subplots()
    for counts in (pd.Series(data), Counter(data), list(data.items()), {"直播": 5.0, "带货": 3}):
        ax.clear()
        out = viz.bar_chart(counts, ax=ax)
        assert out is fig
        assert [t.get_text() for t in ax.get_yticklabels()] == ["直播", "带货"]


@pytest.mark.parametrize(
    "bad",
    ["流量 流量", b"bytes", 42, None, {1: 2}, {"流量": "3"}, {"流量": True}, [("流量",)]],
)
def test_bar_chart_rejects_wrong_types(bad):
    with pytest.raises(TypeError):
        viz.bar_chart(bad)


def test_bar_chart_rejects_bad_options():
    with pytest.raises(TypeError, match="top"):
        viz.bar_chart({"流量": 1}, top="5")
    with pytest.raises(ValueError, match="top"):
        viz.bar_chart({"流量": 1}, top=0)
    with pytest.raises(TypeError, match="title"):
        viz.bar_chart({"流量": 1}, title=3)
    with pytest.raises(TypeError, match="ax"):
        viz.bar_chart({"流量": 1}, ax="left")


@pytest.mark.parametrize("empty", [{}, Counter(), pd.Series(dtype=float), []])
def test_bar_chart_empty_counts_is_a_clear_value_error(empty):
    with pytest.raises(ValueError, match="empty"):
        viz.bar_chart(empty)


def test_bar_chart_rejects_nan():
    with pytest.raises(ValueError, match="finite"):
        viz.bar_chart({"流量": math.nan})


def test_rendered_chart_png_has_chinese_ink(tmp_path):
    fig = viz.bar_chart({"流量": 3, "赋能": 2}, title="流量之外")
    out = tmp_path / "chart.png"
    fig.savefig(out, dpi=80)
    assert out.stat().st_size > 0
    assert _ink(out) > 2000


def _text_png(tmp_path: Path, text: str, family: list[str], name: str) -> Path:
    fig = plt.figure(figsize=(6, 1.2))
    fig.text(0.02, 0.3, text, fontfamily=family, fontsize=36)
    out = tmp_path / name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tofu rendering warns, as the control test shows
        fig.savefig(out, dpi=60, facecolor="white")
    return out


def test_course_font_draws_real_glyphs_where_dejavu_draws_tofu(tmp_path):
    course = viz.font_properties().get_family()
    real_a = _text_png(tmp_path, "产业互联网", course, "real_a.png")
    real_b = _text_png(tmp_path, "直播带货了", course, "real_b.png")
    tofu_a = _text_png(tmp_path, "产业互联网", ["DejaVu Sans"], "tofu_a.png")
    tofu_b = _text_png(tmp_path, "直播带货了", ["DejaVu Sans"], "tofu_b.png")
    # Tofu (matplotlib's last-resort box, the same for every hanzi) makes two different words
    # identical pictures; real glyphs tell them apart. Ink alone cannot: the boxes are dense.
    assert (mpimg.imread(tofu_a) == mpimg.imread(tofu_b)).all()
    assert not (mpimg.imread(real_a) == mpimg.imread(real_b)).all()
    assert _ink(real_a) > 500 and _ink(real_b) > 500


# --- comparison chart ---------------------------------------------------------------------------


def test_comparison_chart_draws_one_bar_per_term_and_article():
    table = pd.DataFrame(
        {"A1": [3, 0, 5], "A2": [1, 29, 2], "A3": [4, 4, 4]}, index=["赋能", "仅仅只是", "流量"]
    )
    fig = viz.comparison_chart(table, title="各篇用词")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(table.index)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(table.columns)
    assert len(ax.patches) == table.size
    assert sorted(bar.get_width() for bar in ax.patches) == sorted(table.to_numpy().ravel())
    messages = _draw_warnings(fig)
    assert not [m for m in messages if "missing" in m.lower()], messages


def test_comparison_chart_rejects_bad_tables():
    with pytest.raises(TypeError, match="DataFrame"):
        viz.comparison_chart({"A1": [1]})
    with pytest.raises(ValueError, match="empty"):
        viz.comparison_chart(pd.DataFrame())
    with pytest.raises(TypeError):
        viz.comparison_chart(pd.DataFrame({"A1": ["多"]}, index=["流量"]))


# --- word clouds --------------------------------------------------------------------------------


def test_cloud_frequencies_drops_stopwords_and_punctuation():
    tokens = ["流量", "的", "流量", "，", "赋能", "。", "是"]
    freqs = viz.cloud_frequencies(tokens)
    assert freqs == {"流量": 2, "赋能": 1}
    assert list(freqs) == ["流量", "赋能"]
    kept = viz.cloud_frequencies(tokens, stopwords=set())
    assert kept["的"] == 1 and "，" not in kept
    assert viz.cloud_frequencies(tokens, stopwords={"流量"}, min_len=2) == {"赋能": 1}
    assert viz.cloud_frequencies([]) == {}
    with pytest.raises(TypeError):
        viz.cloud_frequencies("流量的流量")


def test_word_cloud_uses_the_given_frequencies_and_the_course_font():
    counts = {"直播带货": 40, "产业互联网": 20, "流量": 10, "赋能": 5, "產業": 2, "的": 1}
    cloud = viz.word_cloud(counts, width=400, height=200, max_words=4)
    expected_words = sorted(counts, key=lambda w: -counts[w])[:4]
    assert set(cloud.words_) == set(expected_words)
    top = max(counts.values())
    for word, share in cloud.words_.items():
        assert share == pytest.approx(counts[word] / top)
    placed = [item[0][0] for item in cloud.layout_]
    assert placed and set(placed) <= set(expected_words)
    assert Path(cloud.font_path) == viz.font_path()


def test_word_cloud_is_reproducible_and_seeded():
    counts = viz.cloud_frequencies(["流量"] * 5 + ["赋能"] * 3 + ["平台"] * 2 + ["新零售"])
    first = viz.word_cloud(counts, width=300, height=150)
    second = viz.word_cloud(counts, width=300, height=150)
    assert first.layout_ == second.layout_
    assert (first.to_array() == second.to_array()).all()
    assert first.to_array().shape == (150, 300, 3)


def test_word_cloud_words_are_all_covered_by_the_font(cmap):
    counts = Counter()
    for article in load_corpus():
        counts.update(viz.cloud_frequencies(list(article.raw), stopwords=set()))
    cloud = viz.word_cloud(counts, width=300, height=150, max_words=2000)
    assert len(cloud.words_) > 500
    assert _missing("".join(cloud.words_), cmap) == []


def test_word_cloud_rejects_text_and_bad_frequencies():
    with pytest.raises(TypeError, match="segment"):
        viz.word_cloud("直播带货是产业互联网的前奏曲")
    with pytest.raises(ValueError, match="empty"):
        viz.word_cloud({})
    with pytest.raises(ValueError, match="empty"):
        viz.word_cloud({"流量": 0})
    with pytest.raises(ValueError, match="negative"):
        viz.word_cloud({"流量": -1})
    with pytest.raises(TypeError, match="width"):
        viz.word_cloud({"流量": 1}, width=3.5)
    with pytest.raises(ValueError, match="max_words"):
        viz.word_cloud({"流量": 1}, max_words=0)


def test_cloud_figure_shows_the_cloud_with_a_chinese_title(tmp_path):
    cloud = viz.word_cloud({"流量": 3, "赋能": 2, "產業互聯網": 1}, width=300, height=150)
    fig = viz.cloud_figure(cloud, title="A1 词云：流量之外")
    messages = _draw_warnings(fig)
    assert not [m for m in messages if "missing" in m.lower()], messages
    out = tmp_path / "cloud.png"
    fig.savefig(out, dpi=60)
    assert _ink(out) > 500
    with pytest.raises(TypeError, match="WordCloud"):
        viz.cloud_figure({"流量": 3})


# --- the build is reproducible -----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not DEBIAN_FONT.is_file(), reason="needs Debian's fonts-noto-cjk")
def test_build_font_regenerates_the_shipped_files_byte_for_byte(tmp_path):
    spec = importlib.util.spec_from_file_location("build_font", ROOT / "tools" / "build_font.py")
    build_font = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_font)
    assert build_font.main(["--out-dir", str(tmp_path)]) == 0
    shipped = viz.font_path().parent
    for name in ("BeyondTrafficSansSC-Regular.otf", "OFL.txt"):
        # Digests, not the bytes: pytest's diff of two fonts takes longer than the whole suite.
        built = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        committed = hashlib.sha256((shipped / name).read_bytes()).hexdigest()
        assert built == committed, f"{name} differs: rebuild it with tools/build_font.py"
