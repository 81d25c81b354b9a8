"""Tests for beyond_traffic.segment: the course tokenizer, its dictionary, POS tags, isolation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jieba
import pytest

from beyond_traffic import segment
from beyond_traffic.segment import (
    CourseTokenizer,
    get_pos_tokenizer,
    get_tokenizer,
    load_userdict_entries,
    make_tokenizer,
    pos_tag,
    tokenize,
)

SENTENCES = [
    "直播带货是产业互联网的前奏曲",
    "直播带货的真正用户其实并不是C端用户，而是B端用户。",
    "从PC端到移动端总体的发展这是必经过程",
    "淘宝直播支付GMV的比例超过60%，商家可以自己开直播间。",
    "技术优势背后的To B思维",
]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "BEYOND_TRAFFIC_CACHE_DIR": str(tmp_path / "cache"),
            "TMPDIR": str(tmp_path),
            "PYTHONWARNINGS": "default",  # show any warning a student's kernel would show
        }
    )
    env.update(extra)
    return env


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


# --- tokenize ---------------------------------------------------------------------------------


def test_domain_terms_stay_whole():
    words = tokenize("直播带货是产业互联网的前奏曲")
    assert "直播带货" in words
    assert "产业互联网" in words


def test_without_dictionary_jieba_splits_the_domain_term():
    assert "产业互联网" not in tokenize("产业互联网的逻辑", userdict=False)
    assert "产业互联网" in tokenize("产业互联网的逻辑")


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("hmm", [True, False])
def test_words_spell_the_text_without_whitespace(text, hmm):
    words = tokenize(text, hmm=hmm)
    assert all(isinstance(w, str) and w.strip() == w and w for w in words)
    assert "".join(words).replace(" ", "") == "".join(text.split())


def test_empty_and_blank_text_give_no_words():
    assert tokenize("") == []
    assert tokenize(" \n\t　") == []
    assert pos_tag("") == []


@pytest.mark.parametrize("bad", [None, 42, ["直播"], b"\xe7\x9b\xb4"])
def test_non_str_text_is_a_type_error(bad):
    with pytest.raises(TypeError, match="text must be str"):
        tokenize(bad)
    with pytest.raises(TypeError, match="text must be str"):
        pos_tag(bad)


def test_bytes_get_a_decode_hint():
    with pytest.raises(TypeError, match="decode"):
        tokenize("直播".encode())


@pytest.mark.parametrize("option", ["userdict", "hmm"])
def test_options_must_be_bool(option):
    with pytest.raises(TypeError, match=option):
        tokenize("直播带货", **{option: 1})


def test_tokenizer_option_rejects_non_tokenizers_and_userdict_false():
    with pytest.raises(TypeError, match="tokenizer"):
        tokenize("直播带货", tokenizer="jieba")
    with pytest.raises(ValueError, match="not both"):
        tokenize("直播带货", tokenizer=make_tokenizer(), userdict=False)


# --- the shipped dictionary -------------------------------------------------------------------


def test_userdict_is_read_with_frequencies_and_tags():
    entries = load_userdict_entries()
    assert len(entries) >= 30
    words = [e.word for e in entries]
    assert len(words) == len(set(words)), "each word once"
    for required in ["产业互联网", "消费互联网", "直播带货", "B端", "C端", "赋能", "S2B", "GMV"]:
        assert required in words
    assert all(isinstance(e.freq, int) and e.tag for e in entries)


def test_filler_phrases_are_not_dictionary_words():
    words = {e.word for e in load_userdict_entries() if e.freq}
    assert "方式和方法" not in words
    assert tokenize("方式和方法") == ["方式", "和", "方法"]


@pytest.mark.parametrize("hmm", [True, False])
def test_every_dictionary_word_comes_out_whole(hmm):
    for entry in load_userdict_entries():
        if entry.freq:
            assert tokenize(entry.word, hmm=hmm) == [entry.word], entry
            # and inside a sentence, next to particles
            assert entry.word in tokenize(f"这是{entry.word}的问题", hmm=hmm), entry


def test_zero_frequency_entry_removes_a_jieba_word():
    removed = [e.word for e in load_userdict_entries() if e.freq == 0]
    assert "仅仅只是" in removed
    assert tokenize("仅仅只是一个开始", userdict=False)[0] == "仅仅只是"  # jieba's own dictionary
    assert tokenize("仅仅只是一个开始")[:2] == ["仅仅", "只是"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("赋能B端用户", "B端"),
        ("并不是C端用户", "C端"),
        ("AB端", "B端"),
        ("从PC端到移动端", "PC端"),
        ("S2B模式就是它们的突出代表", "S2B"),
        ("直播电商中的ToB属性", "ToB"),
        ("SaaS平台可以了解行业的真实需求", "SaaS"),
    ],
)
@pytest.mark.parametrize("hmm", [True, False])
def test_latin_and_mixed_latin_han_words(text, word, hmm):
    assert word in tokenize(text, hmm=hmm)
    assert word in [w for w, _ in pos_tag(text, hmm=hmm)]


def test_words_with_a_space_are_joined_after_the_cut():
    # jieba never lets a word cross whitespace: the course tokenizer joins "To B" itself.
    assert get_tokenizer().lcut("To B思维")[:3] == ["To", " ", "B"]
    assert tokenize("技术优势背后的To B思维")[-2:] == ["To B", "思维"]
    assert ("To B", "eng") in pos_tag("背后的To B思维")
    assert tokenize("To  B") == ["To", "B"], "two spaces are not the dictionary word"


# --- the shared tokenizer and make_tokenizer --------------------------------------------------


def test_shared_tokenizer_is_cached_and_not_jiebas_global():
    tok = get_tokenizer()
    assert tok is get_tokenizer()
    assert tok is not get_tokenizer(userdict=False)
    assert isinstance(tok, jieba.Tokenizer)
    assert tok is not jieba.dt


def test_shared_tokenizer_refuses_changes():
    before = tokenize("抛弃流量思维")
    with pytest.raises(RuntimeError, match="make_tokenizer"):
        get_tokenizer().add_word("流量思维", 500, "n")
    with pytest.raises(RuntimeError, match="make_tokenizer"):
        get_tokenizer().del_word("直播带货")
    with pytest.raises(RuntimeError, match="make_tokenizer"):
        get_tokenizer().suggest_freq(("流量", "思维"), tune=True)
    assert tokenize("抛弃流量思维") == before


def test_make_tokenizer_gives_a_fresh_tokenizer_with_extra_words():
    before = tokenize("抛弃流量思维")
    assert "流量思维" not in before
    tok = make_tokenizer(extra_words=["流量思维", ("饮鸩止渴的解药", 500, "l")])
    assert isinstance(tok, CourseTokenizer)
    assert tok is not make_tokenizer()
    assert "流量思维" in tokenize("抛弃流量思维", tokenizer=tok)
    assert ("饮鸩止渴的解药", "l") in pos_tag("只能是饮鸩止渴的解药", tokenizer=tok)
    assert "产业互联网" in tokenize("产业互联网", tokenizer=tok), "keeps the course dictionary"
    assert tokenize("抛弃流量思维") == before, "the shared tokenizer did not change"
    tok.add_word("抛弃流量", 900)  # your own tokenizer stays editable
    assert tokenize("抛弃流量思维", tokenizer=tok)[0] == "抛弃流量"


def test_make_tokenizer_can_remove_and_can_start_from_jieba_alone():
    assert "前奏曲" not in tokenize("前奏曲", tokenizer=make_tokenizer(extra_words=[("前奏曲", 0)]))
    plain = make_tokenizer(userdict=False)
    assert "产业互联网" not in tokenize("产业互联网", tokenizer=plain)


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ("流量思维", TypeError),
        (42, TypeError),
        ([42], TypeError),
        ([("流量思维", "500")], TypeError),
        ([("流量思维", 500, 1)], TypeError),
        ([""], ValueError),
        ([("流量思维", -1)], ValueError),
    ],
)
def test_make_tokenizer_rejects_bad_entries(extra, error):
    with pytest.raises(error):
        make_tokenizer(extra_words=extra)


# --- POS tags ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", SENTENCES)
def test_pos_tag_words_match_tokenize(text):
    pairs = pos_tag(text)
    assert all(isinstance(w, str) and isinstance(t, str) and t for w, t in pairs)
    assert [w for w, _ in pairs] == tokenize(text)


def test_pos_tags_come_from_the_dictionary():
    tags = {e.word: e.tag for e in load_userdict_entries()}
    pairs = dict(pos_tag("产业互联网需要赋能B端"))
    for word in ["产业互联网", "赋能", "B端"]:
        assert pairs[word] == tags[word]


def test_a_second_pos_tokenizer_still_sees_the_dictionary_tags():
    import jieba.posseg

    pos_tag("赋能B端")  # jieba's posseg empties user_word_tag_tab on first use
    other = jieba.posseg.POSTokenizer(get_tokenizer())
    assert ("赋能", "v") in [tuple(p) for p in other.lcut("赋能B端")]
    assert get_pos_tokenizer() is get_pos_tokenizer()


# --- cache directory --------------------------------------------------------------------------


def test_cache_dir_prefers_the_override(tmp_path, monkeypatch):
    monkeypatch.setenv("BEYOND_TRAFFIC_CACHE_DIR", str(tmp_path / "mine"))
    assert segment.cache_dir() == tmp_path / "mine"
    assert (tmp_path / "mine").is_dir()


def test_cache_dir_uses_xdg_then_falls_back_to_temp(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.delenv("BEYOND_TRAFFIC_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert segment.cache_dir() == tmp_path / "xdg" / "beyond-traffic"
    # an unwritable cache home (here: under a file, which even root cannot write into)
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    found = segment.cache_dir()
    assert found is not None and found.parent == tmp_path / "tmp"
    assert found.name.startswith("beyond-traffic-")


# --- stderr, cache file and jieba's globals, in fresh processes -------------------------------

_USE_COURSE = """
    from beyond_traffic.segment import make_tokenizer, pos_tag, tokenize
    assert tokenize("直播带货是产业互联网的前奏曲")[0] == "直播带货"
    assert pos_tag("赋能B端用户")[0] == ("赋能", "v")
"""


def test_fresh_process_writes_nothing_to_stderr_and_caches_per_user(tmp_path):
    result = _run(_USE_COURSE, _env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert list((tmp_path / "cache").glob("jieba-*.cache")), "jieba's cache is in our directory"
    again = _run(_USE_COURSE, _env(tmp_path))  # now loading from the cache
    assert again.returncode == 0 and again.stderr == ""


def test_unwritable_cache_home_falls_back_to_temp_silently(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = _env(
        tmp_path,
        BEYOND_TRAFFIC_CACHE_DIR=str(blocker / "cache"),
        XDG_CACHE_HOME=str(blocker / "xdg"),
        HOME=str(blocker),
    )
    result = _run(_USE_COURSE, env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert list(tmp_path.glob("beyond-traffic-*/jieba-*.cache"))


_PROBE = ["直播带货是产业互联网的前奏曲", "抛弃流量思维", "仅仅只是一个开始", "赋能B端用户"]


def test_jieba_global_tokenizer_is_untouched(tmp_path):
    plain = _run(
        f"""
        import json, jieba
        print(json.dumps([jieba.lcut(s) for s in {_PROBE!r}], ensure_ascii=False))
        """,
        _env(tmp_path),
    )
    assert plain.returncode == 0, plain.stderr
    expected = json.loads(plain.stdout)

    after = _run(
        f"""
        import json, jieba, jieba.finalseg
        jieba.initialize()
        freq, total = dict(jieba.dt.FREQ), jieba.dt.total
        tags = dict(jieba.dt.user_word_tag_tab)
        force = set(jieba.finalseg.Force_Split_Words)
        from beyond_traffic.segment import get_tokenizer, make_tokenizer, pos_tag, tokenize
        tok = make_tokenizer(extra_words=["流量思维", ("前奏曲", 0)])
        tok.add_word("仅仅只是一个", 5000, "l")
        tok.del_word("直播带货")
        tokenize("抛弃流量思维", tokenizer=tok)
        pos_tag("赋能B端用户", tokenizer=tok)
        pos_tag("赋能B端用户")
        tokenize("直播带货是产业互联网的前奏曲")
        assert get_tokenizer() is not jieba.dt
        assert jieba.dt.FREQ == freq and jieba.dt.total == total, "jieba.dt's dictionary changed"
        assert jieba.dt.user_word_tag_tab == tags, "jieba.dt's tags changed"
        assert set(jieba.finalseg.Force_Split_Words) == force, "jieba's HMM split list changed"
        print(json.dumps([jieba.lcut(s) for s in {_PROBE!r}], ensure_ascii=False))
        """,
        _env(tmp_path),
    )
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout) == expected
