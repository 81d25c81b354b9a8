"""Tests for beyond_traffic.arguments: reconstructions anchored in the text, comparisons."""

from __future__ import annotations

import re

import pytest

from beyond_traffic.arguments import (
    CLAIM_TYPES,
    RELATIONS,
    TENSES,
    Statement,
    anchor_problems,
    anchor_sentences,
    comparison_table,
    comparisons,
    load_reconstructions,
    reconstruction,
    reconstruction_table,
    statement,
)
from beyond_traffic.claims import split_sentences
from beyond_traffic.corpus import ARTICLE_IDS, get_article
from beyond_traffic.lexicons import PREDICTIONS


def test_the_data_has_no_problems():
    assert anchor_problems() == []


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_each_article_has_a_conclusion_premises_and_unstated_warrants(article_id):
    r = reconstruction(article_id)
    assert r.conclusion.role == "conclusion" and r.conclusion.anchors
    assert len(r.premises) >= 3
    assert len(r.warrants) >= 2
    assert any(w.stated == "unstated" for w in r.warrants)
    assert r.note


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_every_anchor_is_verbatim_in_one_sentence(article_id):
    sentences = split_sentences(get_article(article_id).clean)
    for s in reconstruction(article_id).statements():
        for anchor in s.anchors:
            assert sum(anchor in sentence for sentence in sentences) == 1, (s.id, anchor)


def test_unstated_warrants_are_not_in_the_text():
    # a warrant is our inference: its wording must not be found in any article
    texts = [get_article(a).clean for a in ARTICLE_IDS]
    for r in load_reconstructions().values():
        for w in r.warrants:
            assert not any(w.claim.rstrip("。") in t for t in texts), w.id


def test_future_statements_are_anchored_in_future_words():
    # a statement labelled 'future' should show the tense in at least one anchor
    for r in load_reconstructions().values():
        for s in [r.conclusion, *r.premises, *r.concessions]:
            if s.tense == "future":
                assert any(
                    PREDICTIONS.find(a) or "将" in a or "未来" in a or "无法" in a
                    for a in s.anchors
                ), s.id


def test_a1_and_a2_on_production_differ_in_tense_not_in_substance():
    # issue 11: A1's 将改变 is a prediction, A2's 并未真正改变 is about the present
    assert statement("A1.P5").tense == "future"
    assert statement("A2.P2").tense == "present"
    assert "这仅仅只是一个开始" in statement("A1.K1").anchors[0]
    tense = [c for c in comparisons() if c.relation == "tense"]
    assert any({"A1.P5", "A2.P2"} <= set(c.statements) for c in tense)


def test_a1_and_a2_share_the_entry_point_premise():
    shared = [c for c in comparisons() if c.relation == "shared"]
    assert any({"A1.C", "A2.P3"} <= set(c.statements) for c in shared)
    assert any("切入点" in a for a in statement("A2.P3").anchors)
    assert any("切入点" in a for a in statement("A1.C").anchors)


def test_the_present_disagreement_rests_on_a1s_present_claims_read_two_ways():
    # A1 states change as done more than once (打破了这一困局 in the marketing section,
    # 打破了这种困局 in the design-and-production section, …); its possibilities (可以,
    # 可能性) are kept apart so that a possibility is never compared with A2's present-tense
    # denial as a fact
    present = statement("A1.P7")
    assert present.tense == "present"
    assert {"直播带货的出现打破了这一困局"} < set(present.anchors)
    assert any("打破了这种困局" in a for a in present.anchors)
    assert "唯一" not in present.claim
    possible = statement("A1.P8")
    assert any("可能性" in a for a in possible.anchors) and "可能" in possible.claim
    # the same statement mixes an assertion about the present and an observation with possibility
    assert any("深度改造的过程" in a for a in possible.anchors)
    assert any("更加明白" in a for a in possible.anchors)
    assert "不是已经发生" not in possible.claim
    assert "它也没有改变商品本身" in statement("A2.P2").anchors
    # whether it clashes with A2 depends on how the present claims are read: open, not a key
    by_reading = [c for c in comparisons() if c.relation == "reading"]
    x8 = [c for c in by_reading if {"A1.P7", "A2.P2"} <= set(c.statements)]
    assert x8 and "A1.P8" not in x8[0].statements
    assert "打破了这一困局" in x8[0].note and "打破了这种困局" in x8[0].note
    assert "只有一句" not in x8[0].note
    assert statement("A1.P4").tense == "future"  # the prediction, split from the present claim
    # where live commerce belongs now (part of 产业互联网, or 相悖 to it) is a second open reading
    assert any(
        "A1" in c.anchors and any("相违背" in a for a in c.anchors.get("A2", ()))
        for c in by_reading
    )


def test_a1_names_both_causes_of_the_stalled_industrial_internet_as_ongoing():
    stalled = statement("A1.P2")
    assert stalled.tense == "present"  # 迟迟无法打开发展局面 is a state that goes on
    assert any("尚未成熟" in a for a in stalled.anchors)


def test_a2s_conditional_on_fusion_is_only_negative():
    # 或许 hedges the failure outcome; the one positive conditional is about 产业互联网,
    # not new technology
    k1 = statement("A2.K1")
    assert any("与产业互联网的结合点" in a for a in k1.anchors)
    assert not k1.claim.startswith("若能找到与新技术")


def test_a1_k1_is_marked_as_an_implied_concession():
    assert "隐含" in statement("A1.K1").claim


def test_a1_and_a3_share_a_commonplace_not_a_dependence():
    # both weigh the business side, with different ideas; nothing in A3 cites or relies on A1
    shared = [c for c in comparisons() if c.relation == "shared"]
    x4 = [
        c
        for c in shared
        if "A1.P1" in c.statements and any(s.startswith("A3.") for s in c.statements)
    ]
    assert x4 and "常识" in x4[0].note
    notes = [c.note for c in comparisons()] + [r.note for r in load_reconstructions().values()]
    for note in notes:
        assert not re.search(r"建立在[^，。；]*A1", note), note


def test_traffic_empowerment_is_shared_ground_and_a_difference_of_words():
    # A5 uses 「流量赋能」 critically: it sides with A4 (and A1) against shallow traffic empowerment
    assert any("单一的流量赋能" in a for a in statement("A5.P6").anchors)
    by_relation = {r: [c for c in comparisons() if c.relation == r] for r in RELATIONS}
    assert any({"A4.P3", "A5.P6"} <= set(c.statements) for c in by_relation["shared"])
    assert any({"A4.P3", "A5.P6"} <= set(c.statements) for c in by_relation["terms"])
    assert not any(
        "A5" in c.anchors or "A5.P6" in c.statements for c in by_relation["disagreement"]
    )
    # a shared preference, not one judgement of traffic now: A4 grants it was 可取, A5 calls it
    # 饮鸩止渴; whether the two differ only in words depends on how A4.K1 is read
    x6 = [c for c in by_relation["shared"] if {"A4.P3", "A5.P6"} <= set(c.statements)][0]
    assert "可取" in x6.note and "饮鸩止渴" in x6.note
    assert "差别只在" not in x6.note
    x12 = [c for c in by_relation["terms"] if {"A4.P3", "A5.P6"} <= set(c.statements)][0]
    assert "观点相同" not in x12.note and "A4.K1" in x12.note


def test_warrants_are_unstated_and_carry_no_anchor():
    # lesson 01: what the text says is a premise with an anchor; a warrant is our inference
    for r in load_reconstructions().values():
        for w in r.warrants:
            assert w.stated == "unstated" and not w.anchors, w.id


def test_a4s_two_way_logic_keeps_its_hedge_and_a3_its_concession():
    assert "即有些时候是双向的运行逻辑" in statement("A4.P4").anchors
    assert reconstruction("A3").concessions, "A3 grants the hosts' central place (主播或者KOL)"


def test_every_relation_is_used_and_shared_ground_comes_first():
    relations = [c.relation for c in comparisons()]
    assert set(relations) == set(RELATIONS)
    assert relations[0] == "shared"


def test_labels_are_known():
    for r in load_reconstructions().values():
        for s in r.statements():
            if s.role != "warrant":
                assert s.type in CLAIM_TYPES and s.tense in TENSES


def test_anchor_sentences_quote_the_article():
    found = anchor_sentences("A2.P2")
    assert found and all(s in get_article("A2").clean for s in found)
    assert anchor_sentences(statement("A3.C")) == anchor_sentences("A3.C")
    with pytest.raises(TypeError):
        anchor_sentences(3)


def test_tables_have_one_row_per_statement_and_comparison():
    assert len(reconstruction_table("A4")) == len(reconstruction("A4").statements())
    assert len(comparison_table()) == len(comparisons())


def test_lookups_fail_clearly():
    with pytest.raises(KeyError, match="A6"):
        reconstruction("A6")
    with pytest.raises(KeyError, match="ids look like"):
        statement("A1.Z9")
    with pytest.raises(TypeError):
        reconstruction(1)


def test_anchor_problems_reports_a_bad_anchor(monkeypatch):
    from beyond_traffic import arguments

    recons, comps = arguments._load()
    broken = dict(recons)
    a1 = recons["A1"]
    bad = Statement("A1.P9", "A1", "premise", "虚构", "factual", "present", "", ("不存在的句子",))
    broken["A1"] = type(a1)(a1.article_id, a1.note, a1.conclusion, (*a1.premises, bad), (), ())
    monkeypatch.setattr(arguments, "_load", lambda: (broken, comps))
    problems = anchor_problems()
    assert any("A1.P9" in p and "0 sentences" in p for p in problems)
