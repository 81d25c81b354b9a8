"""Tests for grader/terminal.py: student text printed without control sequences."""

from __future__ import annotations

import pytest

from beyond_traffic.grader.terminal import printable


@pytest.mark.parametrize(
    "raw",
    [
        "mini\x1b]0;OWNED\x07.ipynb",  # window title
        "\x1b[2J\x1b[31mall grades ok\x1b[0m",  # clear screen, colour
        "\x9b2J",  # C1 CSI alone
        "a\rb\x08c\x7f",  # carriage return and backspace overwrite what was printed
    ],
)
def test_control_characters_are_escaped(raw):
    shown = printable(raw)
    assert not any(ord(c) < 32 and c not in "\n\t" or 127 <= ord(c) < 160 for c in shown)
    assert shown.encode("unicode_escape").decode().count("\\\\x") == sum(
        1 for c in raw if ord(c) < 32 or 127 <= ord(c) < 160
    )


def test_chinese_and_tabs_are_kept_and_a_message_stays_on_one_line():
    assert printable("学生\t作业\n流量之外") == "学生\t作业\\x0a流量之外"


def test_wrong_type_is_refused():
    with pytest.raises(TypeError, match="str"):
        printable(b"\x1b")


def test_round4_student_text_cannot_fake_a_line_or_reorder_one():
    """Red team, round 4: a notebook name a student chose reaches messages and grades.csv; a
    newline (or U+2028 LINE SEPARATOR) fakes a new grades line under ``cat``, and a
    bidi override (U+202E) shows text reversed; printable keeps both."""
    from beyond_traffic.grader.terminal import printable, spreadsheet_safe

    for text in ("x\nbob,ok,100.0,100", "x\u2028bob,ok", "\u202eok,001"):
        shown = [printable(f"found: {text}.ipynb"), spreadsheet_safe(text)]
        assert not any(c in s for s in shown for c in "\n\u2028\u2029\u202e"), shown
