"""Tests for beyond_traffic.markers_cli: `beyond-traffic markers validate CODING.tsv`."""

from __future__ import annotations

import pytest

from beyond_traffic.cli import main
from beyond_traffic.markers_cli import read_coding

GOOD = (
    "# my coding\n"
    "N\t0\tauthor\thedge=有时; filler=方法和途径\t我们有时需要新的方法和途径。\n"
    "N\t1\tauthor\t-\t这是一句话。\n"
)


def test_validate_prints_precision_and_recall_per_category(tmp_path, capsys):
    path = tmp_path / "coding.tsv"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["markers", "validate", str(path), "--resamples", "100"]) == 0
    out = capsys.readouterr().out
    assert "coding.tsv: 2 sentences" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    for category in ("hedge", "certainty", "prediction", "evidence", "filler", "stance", "all"):
        assert category in lines
    assert "1.00 [1.00, 1.00]" in lines["hedge"]
    assert "—" in lines["evidence"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("N\t0\tauthor\t-\n", "line 1: expected 5 tab-separated fields"),
        ("N\tx\tauthor\t-\t一句话。\n", "line 1: index must be a whole number"),
        ("N\t0\twriter\t-\t一句话。\n", "line 1: voice must be one of"),
        ("# c\nN\t0\tauthor\thedge=也许\t它或许会变。\n", "line 2: hedge span '也许'"),
        ("N\t0\tauthor\tbooster=或许\t它或许会变。\n", "line 1: bad code"),
        (
            "N\t0\tauthor\t-\t一句。\nN\t0\tauthor\t-\t一句。\n",
            "line 2: N sentence 0 is coded twice",
        ),
        ("# only a comment\n", "no coded sentences"),
    ],
)
def test_malformed_files_name_the_row_and_the_fix(tmp_path, capsys, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    assert main(["markers", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bad.tsv" in err and message in err


def test_missing_binary_and_non_utf8_files_are_refused(tmp_path):
    with pytest.raises(ValueError, match="no such file"):
        read_coding(tmp_path / "nothing.tsv")
    binary = tmp_path / "b.tsv"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(ValueError, match="binary"):
        read_coding(binary)
    gbk = tmp_path / "g.tsv"
    gbk.write_bytes("N\t0\tauthor\t-\t一句话。\n".encode("gbk"))
    with pytest.raises(ValueError, match="not UTF-8"):
        read_coding(gbk)


def test_markers_without_an_action_prints_help(capsys):
    assert main(["markers"]) == 2
    assert "validate" in capsys.readouterr().out
