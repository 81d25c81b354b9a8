"""Tests for beyond_traffic.grading.calls: which course functions the student's code called."""

from __future__ import annotations

import importlib
import sys

import pytest

from beyond_traffic.clean import strip_pinyin_annotations
from beyond_traffic.corpus import load_corpus
from beyond_traffic.grading import calls
from beyond_traffic.grading.calls import traced

RAW = "產(chǎn)業(yè)"
STRIP = "beyond_traffic.clean.ruby.strip_pinyin_annotations"
#: What a student's ``q1_strip = strip_pinyin_annotations`` leaves in the kernel's globals.
q1_strip = strip_pinyin_annotations


def built_at_run_time(text: str) -> str:
    module = importlib.import_module("beyond" + "_traffic" + ".clean")
    return getattr(module, "strip_" + "pinyin_annotations")(text)


def articles() -> int:
    return len(load_corpus())


def own_work(text: str) -> str:
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


def test_a_name_built_at_run_time_is_seen():
    value, error, names = traced(lambda: built_at_run_time(RAW))
    assert (value, error, names) == ("產業", None, [STRIP])


def test_an_alias_called_from_the_test_cell_is_seen():
    assert traced(lambda: q1_strip(RAW))[2] == [STRIP]


def test_the_test_cells_own_call_and_the_courses_inner_calls_are_not():
    assert traced(lambda: strip_pinyin_annotations(RAW))[2] == []
    # load_corpus cleans every page itself: only load_corpus is the student's call.
    assert traced(lambda: articles())[2] == ["beyond_traffic.corpus.load_corpus"]
    assert traced(lambda: own_work(RAW))[2] == []


def test_errors_are_returned_and_the_previous_profiler_restored():
    seen = []

    def outer(frame, event, arg):
        seen.append(event)

    sys.setprofile(outer)
    try:
        value, error, names = traced(lambda: 1 / 0)
        assert sys.getprofile() is outer
    finally:
        sys.setprofile(None)
    assert value is None and isinstance(error, ZeroDivisionError) and names == []


def test_the_hook_steps_aside_after_its_budget(monkeypatch):
    monkeypatch.setattr(calls, "MAX_EVENTS", 50)

    def long_then_shortcut(text: str) -> str:
        for _ in range(200):
            own_work(text)
        return built_at_run_time(text)

    value, error, names = traced(lambda: long_then_shortcut(RAW))
    assert value == "產業" and error is None
    assert names == []  # past the budget: documented as a limit of a flag, not a score
    assert traced(lambda: built_at_run_time(RAW))[2] == [STRIP]


@pytest.mark.parametrize("bad", [None, 3])
def test_a_producer_that_is_not_callable_is_an_error_not_a_crash(bad):
    value, error, names = traced(bad)
    assert isinstance(error, TypeError) and names == []


def test_a_long_list_of_calls_never_costs_the_observation(tmp_path):
    from beyond_traffic.grading import Observation, load_observations
    from beyond_traffic.grading.wire import recorded_calls, write_record

    path = str(tmp_path / "obs.jsonl")
    names = [f"beyond_traffic.module_{i}.{'函数' * 60}" for i in range(calls.MAX_CALLS)]
    write_record(path, "q1_test", "词", Observation(tag="str", value="流量"), calls=names)
    assert load_observations(path)[("q1_test", "词")].value == "流量"
    kept = recorded_calls(path)["q1_test"]
    assert 0 < len(kept) < len(names) and kept == names[: len(kept)]
