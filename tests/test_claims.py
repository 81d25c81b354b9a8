"""Tests for beyond_traffic.claims: sentences, markers, profiles, corpus facts from COURSE.md."""

from __future__ import annotations

import re

import pytest

from beyond_traffic.claims import (
    MARKER_KINDS,
    PROFILE_FILLERS,
    ArticleProfile,
    article_profile,
    count_markers,
    find_evidence,
    find_markers,
    marked_sentences,
    profiles_table,
    sentence_table,
    split_sentences,
)
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus
from beyond_traffic.count import count_phrase, han_count

# --- split_sentences ----------------------------------------------------------------------------


def test_split_sentences_on_final_punctuation():
    assert split_sentences("直播带货火了。它会落幕吗？会！") == [
        "直播带货火了。",
        "它会落幕吗？",
        "会！",
    ]


def test_split_sentences_keeps_closing_quotes_attached():
    text = "问题是「是不是只要有流量就能变现?」答案是否定的。他说：“我觉得是。”"
    assert split_sentences(text) == [
        "问题是「是不是只要有流量就能变现?」",
        "答案是否定的。",
        "他说：“我觉得是。”",
    ]


def test_split_sentences_on_ellipsis_runs_and_line_breaks():
    text = "直播带货……真的吗？！\n产业互联网的大潮下，直播带货落幕是必然\n\n  \n最后一句"
    assert split_sentences(text) == [
        "直播带货……",
        "真的吗？！",
        "产业互联网的大潮下，直播带货落幕是必然",
        "最后一句",
    ]


def test_split_sentences_empty_and_bad_input():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
    with pytest.raises(TypeError, match="decode it first"):
        split_sentences("直播".encode())


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_split_sentences_loses_nothing_but_whitespace(article_id):
    text = get_article(article_id).clean
    sentences = split_sentences(text)
    assert re.sub(r"\s", "", "".join(sentences)) == re.sub(r"\s", "", text)
    assert all(s == s.strip() and "\n" not in s for s in sentences)


# --- markers ----------------------------------------------------------------------------------


def test_find_markers_reports_every_kind_in_order():
    markers = find_markers("据36氪报道，直播带货落幕是必然，或许仅仅只是时间问题")
    assert list(markers) == list(MARKER_KINDS)
    assert markers["prediction"] == ["必然"]
    assert markers["certainty"] == ["必然"]
    assert markers["hedge"] == ["或许"]
    assert markers["evidence"] == ["据36氪报道"]
    assert markers["filler"] == ["仅仅只是"]


def test_find_markers_reports_stance_apart_from_filler():
    markers = find_markers("所谓的直播带货其实仅仅只是营销而已，将会落幕")
    assert markers["stance"] == ["所谓", "其实", "而已"]
    assert markers["filler"] == ["仅仅只是"]
    assert markers["prediction"] == ["将会"] and markers["certainty"] == []


def test_find_markers_on_empty_text_finds_nothing():
    assert find_markers("") == {kind: [] for kind in MARKER_KINDS}


def test_find_markers_rejects_non_str():
    with pytest.raises(TypeError, match="sentence must be str"):
        find_markers(["必然"])


def test_find_evidence_keeps_the_longest_of_overlapping_matches():
    matches = find_evidence("据阿里新季度财报显示，占比超过60%，2020年目标5000亿元")
    assert [(m.name, m.text) for m in matches] == [
        ("according_to", "据阿里新季度财报显示"),
        ("percentage", "60%"),
        ("quantity", "5000亿元"),
    ]
    text = "据阿里新季度财报显示"
    assert all(text[m.start : m.end] == m.text for m in find_evidence(text))


def test_find_evidence_ignores_years_and_model_codes():
    assert find_evidence("2020年，我们做B2C和S2B模式") == []


def test_marked_sentences_filters_by_kind():
    text = "直播带货落幕是必然。它或许会变。据报告显示，增长60%。"
    assert marked_sentences(text, "certainty") == ["直播带货落幕是必然。"]
    assert marked_sentences(text, "hedge") == ["它或许会变。"]
    assert marked_sentences(text, "evidence") == ["据报告显示，增长60%。"]
    assert marked_sentences("", "hedge") == []


def test_marked_sentences_rejects_an_unknown_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        marked_sentences("必然。", "hedges")
    with pytest.raises(TypeError, match="kind must be str"):
        marked_sentences("必然。", None)


# --- profiles ---------------------------------------------------------------------------------


def test_article_profile_of_a_short_text():
    text = "直播带货落幕是必然。它或许可能会变，仅仅只是方式和方法而已。"
    profile = article_profile(text)
    assert isinstance(profile, ArticleProfile)
    assert profile.id is None
    assert (profile.sentences, profile.hedges, profile.certainty, profile.predictions) == (
        2,
        2,
        1,
        1,
    )
    assert profile.hedges_per_1000 == pytest.approx(1000 * 2 / han_count(text))
    assert profile.hedges_per_sentence == pytest.approx(1.0)
    assert profile.fillers["仅仅只是"] == 1 and profile.fillers["方式和方法"] == 1
    assert set(profile.as_dict()["fillers"]) == {"仅仅只是", "方式和方法"}
    assert profile.stance == 1  # 而已 is a stance marker (issue 11), not filler
    assert profile.stance_per_1000 == pytest.approx(1000 / han_count(text))


def test_article_profile_of_empty_text_is_all_zero():
    profile = article_profile("")
    assert profile.sentences == profile.hedges == profile.evidence == 0
    assert profile.hedges_per_1000 == profile.certainty_per_sentence == 0.0


def test_article_profile_rejects_other_types():
    with pytest.raises(TypeError, match="Article"):
        article_profile(42)


@pytest.fixture(scope="module")
def table():
    return profiles_table()


def test_profiles_table_has_one_row_per_article(table):
    assert list(table.index) == list(ARTICLE_IDS)
    for column in ("sentences", "hedges_per_1000", "certainty_per_sentence", "evidence"):
        assert column in table.columns
    assert set(PROFILE_FILLERS) <= set(table.columns)
    for article in load_corpus():
        profile = article_profile(article)
        assert table.loc[article.id, "hedges"] == profile.hedges
        assert table.loc[article.id, "sentences"] == len(split_sentences(article.clean))


# --- what COURSE.md says about the corpus, computed on the cleaned text -------------------------


def test_a3_has_the_most_evidence_markers(table):
    # COURSE.md: A3 is "the only article with figures and named sources".
    others = table.drop(index="A3")["evidence"]
    assert table.loc["A3", "evidence"] > others.max()
    assert table["evidence_per_1000"].idxmax() == "A3"


def test_only_a3_cites_a_named_work():
    named = {
        a.id for a in load_corpus() if any(m.name == "named_work" for m in find_evidence(a.clean))
    }
    assert named == {"A3"}


def test_a1_has_no_figures():
    # COURSE.md on A1: "No figures." (the bio and headline list that do have some are furniture).
    figures = [
        m for m in find_evidence(get_article("A1").clean) if m.name in {"quantity", "percentage"}
    ]
    assert figures == []


def test_a5s_only_figures_are_the_vendor_pitch():
    # COURSE.md: A5's middle section is a software vendor's pitch, "用户数…从8万到50万".
    figures = [m.text for m in find_evidence(get_article("A5").clean) if m.name == "quantity"]
    assert figures == ["8万", "50万"]


def test_a2_says_jinjin_zhishi_29_times(table):
    # COURSE.md: "仅仅只是" occurs 29 times in A2.
    assert table.loc["A2", "仅仅只是"] == count_phrase(get_article("A2").clean, "仅仅只是") == 29
    assert table["仅仅只是"].idxmax() == "A2"


def test_a2_states_the_exit_of_live_commerce_as_inevitable():
    # COURSE.md: A2 says "under the industrial-internet tide its exit is inevitable" (落幕是必然).
    clean = get_article("A2").clean
    for kind in ("certainty", "prediction"):
        hits = [s for s in marked_sentences(clean, kind) if "必然" in s and "落幕" in s]
        assert hits, kind


def test_a2_hedges_and_predicts_side_by_side(table):
    # COURSE.md: "predictions stated as certainties (必然, 将会) beside hedges (或许, 可能)".
    a2 = table.loc["A2"]
    assert a2["predictions"] > 0 and a2["hedges"] > 0


def test_find_sentences_quotes_verbatim_from_an_article_or_a_text():
    from beyond_traffic.claims import find_sentences
    from beyond_traffic.corpus import get_article

    found = find_sentences("A3", "直播是定语修饰")
    assert len(found) == 1 and found[0] in get_article("A3").clean
    assert find_sentences(get_article("a3"), "直播是定语修饰") == found
    assert find_sentences("流量见顶。赋能才是方向。", "赋能") == ["赋能才是方向。"]
    assert find_sentences("A1", "") == [] and find_sentences("", "流量") == []
    with pytest.raises(TypeError, match="needle"):
        find_sentences("A1", None)
    with pytest.raises(TypeError, match="article"):
        find_sentences(3, "流量")


# --- one counting method (issue 11) ------------------------------------------------------------


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_count_markers_sentence_table_and_profiles_agree(article_id, table):
    article = get_article(article_id)
    sentences = sentence_table(article)
    assert len(sentences) == table.loc[article_id, "sentences"]
    assert int(sentences["han_chars"].sum()) == table.loc[article_id, "han_chars"]
    columns = {
        "hedge": "hedges",
        "certainty": "certainty",
        "prediction": "predictions",
        "evidence": "evidence",
        "filler": "fillers",
        "stance": "stance",
    }
    for kind, column in columns.items():
        assert (
            count_markers(article, kind)
            == int(sentences[kind].sum())
            == table.loc[article_id, column]
        ), kind


def test_rates_of_the_new_kinds_use_han_characters(table):
    a2 = table.loc["A2"]
    assert a2["stance_per_1000"] == pytest.approx(1000 * a2["stance"] / a2["han_chars"])
    assert a2["fillers_per_1000"] == pytest.approx(1000 * a2["fillers"] / a2["han_chars"])
    assert a2["predictions_per_1000"] == pytest.approx(1000 * a2["predictions"] / a2["han_chars"])


def test_count_markers_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="kind must be one of"):
        count_markers("必然。", "booster")
    with pytest.raises(TypeError, match="Article"):
        sentence_table(3)
