"""Tests for beyond_traffic.grading.canonical: student values as exact plain data."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from beyond_traffic.grading.canonical import MAX_DEPTH, MAX_NODES, CanonicalError, canonicalize

from .students import AlwaysEqual, Exploding, SneakyStr

# --------------------------------------------------------------------------- canonical data


def test_canonicalize_keeps_exact_builtin_types():
    value = ["流量", ("之外", 1), {"词": 2.5, 3: None}, {True}, frozenset({"平台"})]
    tag, data = canonicalize(value)
    assert tag == "list"
    assert data == value
    assert type(data[1]) is tuple and type(data[3]) is set and type(data[4]) is frozenset


def test_canonicalize_refuses_subclasses_without_calling_them():
    for bad in (AlwaysEqual(["流量"]), SneakyStr("流量"), [Exploding()], {"k": Exploding()}):
        with pytest.raises(CanonicalError, match="unsupported type"):
            canonicalize(bad)


def test_canonicalize_counter_becomes_plain_dict_with_tag():
    tag, data = canonicalize(Counter("流量流"))
    assert tag == "Counter"
    assert type(data) is dict and data == {"流": 2, "量": 1}


def test_canonicalize_pandas_by_value():
    df = pd.DataFrame({"词": ["流量", "平台"], "次数": [3, 2]})
    tag, data = canonicalize(df)
    assert tag == "DataFrame"
    assert data == {"columns": ["词", "次数"], "index": [0, 1], "data": [["流量", 3], ["平台", 2]]}
    assert all(type(row[1]) is int for row in data["data"])  # numpy ints became int
    tag, data = canonicalize(df["次数"])
    assert tag == "Series" and data["data"] == [3, 2] and data["name"] == "次数"


def test_canonicalize_limits_size_depth_and_cycles():
    with pytest.raises(CanonicalError, match="too large"):
        canonicalize(["字"] * (MAX_NODES + 1))
    deep: list = []
    for _ in range(MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(CanonicalError, match="deeply"):
        canonicalize(deep)
    loop: list = []
    loop.append(loop)
    with pytest.raises(CanonicalError):
        canonicalize(loop)
