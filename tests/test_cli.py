"""Tests for beyond_traffic.cli: the argparse command and its `grade` subcommand errors."""

from __future__ import annotations

import re

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


def test_clean_corpus_id_prints_the_cleaned_article(capsys):
    from beyond_traffic.corpus import get_article

    assert cli.main(["clean", "a3"]) == 0
    assert capsys.readouterr().out == get_article("A3").clean + "\n"


def test_clean_reads_a_file_of_an_unseen_article(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text("產(chǎn)業(yè)互聯(lián)網\n聯系郵箱：someone@example.com\n", encoding="utf-8")
    assert cli.main(["clean", str(page)]) == 0
    out = capsys.readouterr().out
    assert "产业互联网" in out
    assert "chǎn" not in out and "example.com" not in out


def test_clean_missing_or_binary_file_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["clean", str(tmp_path / "nope.txt")]) == 2
    assert "no such file or corpus id" in capsys.readouterr().err
    binary = tmp_path / "gbk.txt"
    binary.write_bytes("产业".encode("gbk"))
    assert cli.main(["clean", str(binary)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_audit_of_one_article_lists_every_step_with_masked_personal_data(capsys):
    from beyond_traffic.clean import STEPS
    from beyond_traffic.corpus import get_article

    emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", get_article("A5").raw)
    assert emails  # A5's footer carries a contact address
    assert cli.main(["audit", "A5", "--examples", "50"]) == 0
    out = capsys.readouterr().out
    for name, _ in STEPS:
        assert out.count(f"{name}:") == 1
    assert "@**.***" in out  # the removal is shown, in its masked shape only
    assert not any(email in out for email in emails)


def test_audit_of_the_corpus_is_a_table_of_steps_that_edited(capsys):
    assert cli.main(["audit"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["article", "step", "removed", "changed"]
    assert any(line.split()[:2] == ["A3", "apply_errata"] for line in lines[1:])
