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


# --------------------------------------------------------------------------- fair types


def test_a_namedtuple_is_a_tuple_read_through_tuples_own_slots():
    from collections import namedtuple

    scores = namedtuple("Scores", "precision recall f1")
    tag, data = canonicalize(scores(0.5, 2 / 3, 4 / 7))
    assert tag == "tuple" and type(data) is tuple and data == (0.5, 2 / 3, 4 / 7)
    tag, data = canonicalize([scores(1.0, 1.0, 1.0)])
    assert type(data[0]) is tuple

    class Rigged(tuple):  # its own methods are never what the grader reads
        def __iter__(self):
            raise AssertionError("student __iter__ was called")

        def __len__(self):
            raise AssertionError("student __len__ was called")

        def __eq__(self, other):
            return True

        __hash__ = tuple.__hash__

    tag, data = canonicalize(Rigged(("流量", 1)))
    assert (tag, data, type(data)) == ("tuple", ("流量", 1), tuple)


def test_numpy_scalars_are_the_python_values_they_stand_for():
    import numpy as np

    names = np.array(["jieba", "mine", "course"])
    for value, tag, plain in [
        (names[2], "str", "course"),
        (np.float64(0.25), "float", 0.25),
        (np.float32(0.5), "float", 0.5),
        (np.int64(7), "int", 7),
        (np.bool_(True), "bool", True),
    ]:
        got_tag, data = canonicalize(value)
        assert (got_tag, data, type(data)) == (tag, plain, type(plain))


def test_an_unsupported_type_is_refused_with_the_supported_ones_named():
    class Box:
        pass

    with pytest.raises(CanonicalError) as err:
        canonicalize(Box())
    message = str(err.value)
    assert "unsupported type Box" in message
    for named in ("str", "int", "float", "list", "tuple", "namedtuple", "dict", "numpy", "pandas"):
        assert named in message
