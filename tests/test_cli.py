"""Tests for beyond_traffic.cli: the argparse command and its `grade` subcommand errors."""

from __future__ import annotations

import pytest

from beyond_traffic import cli


def test_parser_has_grade_with_options():
    args = cli.build_parser().parse_args(["grade", "ps1_segment", "-j", "2", "--force"])
    assert (args.command, args.assignment, args.jobs, args.force) == (
        "grade",
        "ps1_segment",
        2,
        True,
    )
    assert args.func is cli._run_grade


def test_repeatable_student_option():
    args = cli.build_parser().parse_args(["grade", "ps1", "--student", "张三", "--student", "li"])
    assert args.students == ["张三", "li"]


def test_no_command_prints_help_and_returns_2(capsys):
    assert cli.main([]) == 2
    assert "grade" in capsys.readouterr().out


def test_help_exits_cleanly(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["grade", "--help"])
    assert exc.value.code == 0
    assert "--jobs" in capsys.readouterr().out


def test_grade_outside_a_course_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["grade", "ps1_segment", "--course", str(tmp_path), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "nbgrader_config.py" in err


def test_grade_rejects_bad_jobs(capsys):
    assert cli.main(["grade", "ps1_segment", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_grade_unknown_assignment(tmp_path, capsys):
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'x'\n", encoding="utf-8"
    )
    assert cli.main(["grade", "不存在", "--course", str(tmp_path), "--no-progress"]) == 2
    assert "generate_assignment" in capsys.readouterr().err


def test_register_adds_a_subcommand(monkeypatch):
    monkeypatch.setattr(cli, "_COMMANDS", list(cli._COMMANDS))

    @cli.register
    def _audit(sub):
        p = sub.add_parser("audit-demo")
        p.set_defaults(func=lambda args: 7)

    assert cli.main(["audit-demo"]) == 7
