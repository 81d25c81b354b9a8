"""The clean and audit commands: cleaned text on stdout, garbled spans named on stderr."""

from __future__ import annotations

from beyond_traffic.cli import main
from beyond_traffic.damage import garble

PAGE = "文/林晓舟\n县城的直播间{bad}很热闹，，是吗?\n阅读 3万 | 点赞 8\n"


def test_clean_prints_text_and_warns_about_garbled_spans(tmp_path, capsys) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE.format(bad=garble("直播间")), encoding="utf-8")
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("县城的") and "，，" not in out.out and "阅读" not in out.out
    assert "line 2, column" in out.err and "looks mis-decoded" in out.err
    errata = [line for line in out.err.splitlines() if line.count("\t") == 3]
    assert len(errata) == 1 and "<correction>" in errata[0]


def test_clean_says_nothing_on_stderr_for_a_clean_page(tmp_path, capsys) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE.format(bad=""), encoding="utf-8")
    assert main(["clean", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_audit_shows_furniture_by_class_and_garbled_spans(tmp_path, capsys) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE.format(bad=garble("直播间")), encoding="utf-8")
    assert main(["audit", str(path)]) == 0
    out = capsys.readouterr()
    assert "furniture removed by class: by-line 1, counter 1" in out.out
    assert "spans that look mis-decoded: 1" in out.out
    assert "looks mis-decoded" in out.err
