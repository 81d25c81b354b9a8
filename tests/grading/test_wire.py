"""Tests for beyond_traffic.grading.wire: the observations file, read within limits."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from beyond_traffic.grading import REPLAY_ENV, Checker, wire
from beyond_traffic.grading.canonical import CanonicalError, Observation, canonicalize
from beyond_traffic.grading.wire import (
    MAX_RECORDS,
    MAX_SAME_HASH,
    ObservationFile,
    decode,
    encode,
    load_observations,
    write_record,
)


def _line(checker: str, name: str, value: object = None, *, tag: str = "list") -> str:
    header = json.dumps({"checker": checker, "name": name, "tag": tag}, ensure_ascii=False)
    return header + "\t" + json.dumps(encode(value), ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    "value",
    [["流量", ("之外", 1)], {"a": [1.5, float("inf")], 2: {"b"}}, None, True, -(10**30)],
)
def test_encode_decode_round_trip(value):
    _, data = canonicalize(value)
    assert decode(json.loads(json.dumps(encode(data)))) == data


@pytest.mark.parametrize(
    "bad", [[], ["x", 1], ["s", 1], ["i", "1" * 5000], ["l", [["zz"]]], ["S", [["l", []]]], "s"]
)
def test_decode_refuses_malformed(bad):
    with pytest.raises((CanonicalError, ValueError)):
        decode(bad)


def test_write_then_read_every_kind_of_record(tmp_path):
    path = str(tmp_path / "obs.jsonl")
    write_record(path, "q1", "词表", Observation(tag="list", value=["流量", "赋能"]))
    write_record(path, "q1", "坏", Observation(tag="NameError", error="NameError"))
    write_record(path, "q2", "制表\t换行\n", Observation(tag="str", value="a\tb\nc"))
    index = ObservationFile(path)
    assert index.get("q1", "词表").value == ["流量", "赋能"]
    assert index.get("q1", "坏").error == "NameError"
    assert index.get("q2", "制表\t换行\n").value == "a\tb\nc"
    assert index.get("q3", "x").error.startswith("not observed")
    assert index.problem is None


def test_a_key_recorded_twice_differently_is_refused_whatever_the_order(tmp_path):
    path = tmp_path / "obs.jsonl"
    path.write_text(_line("t", "v", ["对"]) + _line("t", "w", [1]) + _line("t", "v", ["错"]))
    index = ObservationFile(str(path))
    assert index.get("t", "v").error == "recorded more than once, differently"
    assert index.get("t", "w").value == [1]
    path.write_text(_line("t", "v", ["错"]) + _line("t", "v", ["对"]) + _line("t", "v", ["对"]))
    assert ObservationFile(str(path)).get("t", "v").error.startswith("recorded more than once")


def test_identical_records_of_a_key_count_once(tmp_path):
    # A student who pastes a copy of a visible test cell records the same observation twice.
    path = tmp_path / "obs.jsonl"
    path.write_text(_line("t", "v", ["流量"]) * 3)
    assert ObservationFile(str(path)).get("t", "v").value == ["流量"]


def test_malformed_lines_are_skipped_and_cost_only_their_own_key(tmp_path):
    path = tmp_path / "obs.jsonl"
    bad_value = json.dumps({"checker": "t", "name": "m", "tag": "list"}) + '\t["l", [["s", 1]]]\n'
    path.write_text("not json\n" + '{"checker": 1}\t[]\n' + bad_value + _line("t", "v", ["流量"]))
    index = ObservationFile(str(path))
    assert index.get("t", "v").value == ["流量"]
    assert index.get("t", "m").error == "malformed"


def test_replay_reads_recorded_values_and_scores_missing_ones_zero(tmp_path, monkeypatch):
    path = tmp_path / "obs.jsonl"
    path.write_text(_line("t", "v", ["流量"]))
    monkeypatch.setenv(REPLAY_ENV, str(path))
    ck = Checker("t", points=2)
    ck.observe("v", lambda: None)
    ck.observe("w", lambda: None)
    assert ck.expect_equal("v", ["流量"])
    assert not ck.expect_ok("w")
    assert ck.report(quiet=True) == 1.0
    wire.clear_replay_cache()


def test_oversized_file_and_too_many_records_are_refused_whole(tmp_path, monkeypatch):
    path = tmp_path / "obs.jsonl"
    path.write_text(_line("t", "v", 1, tag="int"))
    monkeypatch.setattr(wire, "MAX_FILE_BYTES", 10)
    assert load_observations(str(path)) == {}
    assert ObservationFile(str(path)).get("t", "v").error == "observations file too large"
    monkeypatch.undo()
    path.write_text("".join(_line("t", f"k{i}", i, tag="int") for i in range(MAX_RECORDS + 1)))
    index = ObservationFile(str(path))
    assert index.problem == "too many observation records"
    assert index.get("t", "k0").ok is False


def test_a_line_longer_than_the_limit_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(wire, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "obs.jsonl"
    path.write_text(_line("t", "big", ["流量" * 1000]) + _line("t", "ok", [1]))
    index = ObservationFile(str(path))
    assert index.get("t", "big").error == "value too large"
    assert index.get("t", "ok").value == [1]


def test_symbolic_links_are_never_followed(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text(_line("t", "v", ["流量"]))
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert ObservationFile(str(link)).keys() == []


def test_dict_keys_sharing_one_hash_are_refused_quickly():
    # 100k integers equal modulo 2**61 - 1 share a hash: building the dict is quadratic.
    modulus = 2**61 - 1
    keys = [["i", str(7 + i * modulus)] for i in range(100_000)]
    payload = ["d", [[k, ["n"]] for k in keys]]
    # CPU time of this process, not wall time: the quadratic build takes CPU minutes.
    start = time.process_time()
    with pytest.raises(CanonicalError, match="same hash"):
        decode(payload)
    assert time.process_time() - start < 5
    ok = ["d", [[["i", str(7 + i * modulus)], ["n"]] for i in range(MAX_SAME_HASH)]]
    assert len(decode(ok)) == MAX_SAME_HASH
    colliding_set = ["S", [["i", str(7 + i * modulus)] for i in range(1000)]]
    with pytest.raises(CanonicalError, match="same hash"):
        decode(colliding_set)


def test_a_file_of_empty_lists_stays_small_in_memory(tmp_path):
    # 64 MB of empty lists took 1.7 GB when every line was parsed eagerly.
    path = tmp_path / "obs.jsonl"
    header = json.dumps({"checker": "t", "name": "v", "tag": "list"})
    body = "[" + ",".join(["[]"] * 2_000_000) + "]"
    with open(path, "w") as fh:
        fh.write(header + "\t" + body + "\n")
        for i in range(200):
            fh.write(json.dumps({"checker": "junk", "name": str(i), "tag": "list"}) + "\t[]\n")
    # VmHWM is this process's own peak: ru_maxrss would also count the pytest worker's pages
    # the child held between fork and exec (Linux keeps that figure across exec).
    probe = (
        "import sys\n"
        "from beyond_traffic.grading.wire import ObservationFile\n"
        "index = ObservationFile(sys.argv[1])\n"
        "print(index.get('t', 'v').error)\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "print(status.split()[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "value too large"
    peak_kib = int(out[1])
    assert peak_kib < 300 * 1024, f"peak {peak_kib} KiB"
