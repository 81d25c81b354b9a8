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


def test_chinese_tabs_and_newlines_are_kept():
    assert printable("学生\t作业\n流量之外") == "学生\t作业\n流量之外"


def test_wrong_type_is_refused():
    with pytest.raises(TypeError, match="str"):
        printable(b"\x1b")
