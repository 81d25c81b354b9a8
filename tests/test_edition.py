"""The student edition holds lessons, the release and the package, and no secret of solutions/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from beyond_traffic import cli, edition
from beyond_traffic.edition import find_leaks, secret_regions, write_edition

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def student_edition(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("edition") / "流量之外-学生版"
    write_edition(target, root=ROOT, commit=True)
    return target


def _secrets_by_hand() -> list[tuple[str, str]]:
    """Solution and hidden-test regions of solutions/*/*.ipynb, read line by line with nbformat.

    Written independently of ``edition.secret_regions`` so the test does not trust the code it
    checks: a region is every line between nbgrader's BEGIN and END markers; a markdown answer
    cell without markers is a region as a whole.
    """
    begin = {
        "### BEGIN SOLUTION": "### END SOLUTION",
        "### BEGIN HIDDEN TESTS": "### END HIDDEN TESTS",
    }
    regions = []
    for path in sorted(ROOT.glob("solutions/*/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            lines, end, inside, marked = [], None, False, False
            for line in cell.source.splitlines():
                stripped = line.strip()
                if not inside and stripped in begin:
                    inside, end, lines, marked = True, begin[stripped], [], True
                elif inside and stripped == end:
                    inside = False
                    regions.append((f"{path.name}:{meta.get('grade_id')}", "\n".join(lines)))
                elif inside:
                    lines.append(line)
            if cell.cell_type == "markdown" and meta.get("solution") and not marked:
                regions.append((f"{path.name}:{meta.get('grade_id')}", cell.source))
    return regions


def _texts(folder: Path) -> dict[Path, str]:
    """Every file of ``folder`` as text (notebooks also cell by cell), whitespace removed."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # fonts and images: still searched, byte for byte
        if path.suffix == ".ipynb":
            cells = json.loads(text)["cells"]
            text += "\n".join("".join(c["source"]) for c in cells)
        out[path] = re.sub(r"\s+", "", text)
    return out


def test_solutions_have_secrets_to_look_for():
    regions = _secrets_by_hand()
    # Every problem set has both kinds; if the markers change, this test must change too.
    for ps in ("ps1_segment", "ps2_count", "ps3_critique"):
        assert any(where.startswith(ps) for where, _ in regions), ps
    assert len(regions) >= 30


def test_no_solution_or_hidden_test_text_in_any_file(student_edition):
    texts = _texts(student_edition)
    assert len(texts) > 40
    leaked = []
    for where, region in _secrets_by_hand():
        needle = re.sub(r"\s+", "", region)
        if len(needle) < 12:  # `pass`, `return n`: too short to be a secret
            continue
        leaked += [
            (where, str(p.relative_to(student_edition))) for p, t in texts.items() if needle in t
        ]
    assert not leaked, f"solution or hidden-test text in the edition: {leaked[:5]}"
    for path, text in texts.items():
        for marker in ("###BEGINSOLUTION", "###BEGINHIDDENTESTS", "===BEGINMARKSCHEME==="):
            assert marker not in text, f"{marker} in {path}"


def test_the_check_finds_a_planted_leak(student_edition, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(student_edition, copy, ignore=shutil.ignore_patterns(".git"))
    assert find_leaks(copy, root=ROOT) == []
    where, region = next(r for r in _secrets_by_hand() if len(r[1]) > 40)
    lesson = copy / "course" / "00_orientation.py"
    # Re-indented and re-wrapped, the secret is still found.
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n" + region.replace("\n", "\n\n    "))
    leaks = find_leaks(copy, root=ROOT)
    assert [leak.file for leak in leaks] == [lesson]
    assert leaks[0].source.endswith(where.split(":")[1])


def test_only_the_allow_list_goes_in(student_edition):
    top = {p.name for p in student_edition.iterdir()}
    assert top == {
        ".beyond-traffic-edition.json",
        ".git",
        ".gitignore",
        "LICENSE",
        "Makefile",
        "README.md",
        "assignments",
        "binder",
        "course",
        "docs",
        "pyproject.toml",
        "src",
    }
    for forbidden in ("solutions", "instructors", "nbgrader_config.py", "tests", "gradebook.db"):
        assert not list(student_edition.rglob(forbidden)), forbidden
    assert not list(student_edition.rglob("ps*_*.py")), "a jupytext twin of a solution notebook"
    assert sorted(p.name for p in (student_edition / "docs").iterdir()) == [
        "cleaning.md",
        "font.md",
        "segmentation_guideline.md",
    ]


def test_release_and_lessons_are_copied_byte_for_byte(student_edition):
    for folder in ("assignments", "course"):
        for src in (ROOT / folder).rglob("*"):
            if src.is_file() and ".ipynb_checkpoints" not in src.parts:
                dst = student_edition / src.relative_to(ROOT)
                assert dst.read_bytes() == src.read_bytes(), dst
    package = student_edition / "src" / "beyond_traffic"
    # The Checker the released test cells import, and the five articles they read.
    assert {"grading", "grading.py"} & {p.name for p in package.iterdir()}
    assert (package / "data" / "seeds").is_dir()
    assert not list(package.rglob("__pycache__"))


def test_student_readme_and_makefile(student_edition):
    readme = (student_edition / "README.md").read_text(encoding="utf-8")
    assert "Assignments" in readme and "nbgitpuller" in readme and "学生版" in readme
    assert "solutions/" not in readme
    sets = sorted({p.name.split("_")[0] for p in (ROOT / "assignments").iterdir() if p.is_dir()})
    assert len(sets) >= 3, sets
    assert f"{sets[0]}–{sets[-1]}" in readme and f"{len(sets)} 份作业" in readme
    dry = subprocess.run(
        ["make", "-n", "lab"], cwd=student_edition, capture_output=True, text=True, check=True
    )
    assert "jupyter lab" in dry.stdout and "course/00_orientation.ipynb" in dry.stdout


def test_edition_is_a_git_repository_and_records_its_source(student_edition):
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=student_edition, capture_output=True, text=True
    )
    assert log.stdout.startswith("Student edition")
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=student_edition, capture_output=True, text=True
    ).stdout.split()
    assert "assignments/ps1_segment/ps1_segment.ipynb" in tracked
    manifest = json.loads((student_edition / edition.MARKER).read_text(encoding="utf-8"))
    assert "assignments/ps1_segment/ps1_segment.ipynb" in manifest["files"]


def test_rewriting_an_edition_keeps_git_and_removes_stale_files(tmp_path):
    target = tmp_path / "ed"
    write_edition(target, root=ROOT, commit=True)
    # A file of an older edition that the course has since dropped.
    (target / "course" / "stale.md").write_text("旧文件", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@localhost"]
    subprocess.run([*git, "add", "-A"], cwd=target, check=True)
    subprocess.run([*git, "commit", "-qm", "old edition"], cwd=target, check=True)
    write_edition(target, root=ROOT, commit=True)
    assert not (target / "course" / "stale.md").exists()
    tracked = subprocess.run(["git", "ls-files"], cwd=target, capture_output=True, text=True)
    assert "course/stale.md" not in tracked.stdout.split()
    count = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"], cwd=target, capture_output=True, text=True
    )
    assert count.stdout.strip() == "3"
    write_edition(target, root=ROOT, commit=True)  # nothing changed: no empty commit
    count = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"], cwd=target, capture_output=True, text=True
    )
    assert count.stdout.strip() == "3"


def test_refuses_a_folder_that_is_not_an_edition(tmp_path):
    (tmp_path / "作业.txt").write_text("别删我", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not empty"):
        write_edition(tmp_path, root=ROOT)
    assert (tmp_path / "作业.txt").read_text(encoding="utf-8") == "别删我"
    with pytest.raises(ValueError, match="outside the repository"):
        write_edition(ROOT / "build" / "edition", root=ROOT)
    with pytest.raises(FileNotFoundError, match="not the course repository"):
        write_edition(tmp_path / "out", root=tmp_path / "不是课程")
    with pytest.raises(TypeError):
        write_edition(str(tmp_path / "x"), root=ROOT)


def test_refuses_to_write_a_leak(tmp_path, monkeypatch):
    monkeypatch.setattr(edition, "INCLUDE", edition.INCLUDE + ("solutions",))
    with pytest.raises(ValueError, match="secret text reached the student edition"):
        write_edition(tmp_path / "ed", root=ROOT, commit=True)
    assert not (tmp_path / "ed" / ".git").exists(), "nothing is committed after a leak"


def test_instructors_exemplars_count_as_secrets(tmp_path):
    repo = tmp_path / "repo"
    (repo / "instructors").mkdir(parents=True)
    exemplar = "范文：A2 的“落幕是必然”是预言而非论证，全文没有一处证据标记。"
    (repo / "instructors" / "ps3_exemplars.md").write_text(f"# 范文\n\n{exemplar}\n")
    kinds = {(k, t.strip()) for k, _, t in secret_regions(repo)}
    assert ("instructors", exemplar) in kinds
    ed = tmp_path / "ed"
    (ed / "course").mkdir(parents=True)
    (ed / "course" / "notes.md").write_text("笔记\n" + exemplar[:20] + "\n" + exemplar[20:])
    assert [leak.kind for leak in find_leaks(ed, root=repo)] == ["instructors"]


def test_the_capstones_own_wording_is_no_secret_what_the_instructor_writes_is(tmp_path):
    """``beyond-traffic capstone`` writes a skeleton and a report under instructors/ from
    templates in the package, which every edition ships; the reports filled in stay secret."""
    from beyond_traffic.capstone import CapstoneReport, _exemplar_skeleton

    repo = tmp_path / "repo"
    (repo / "src" / "beyond_traffic").mkdir(parents=True)
    (repo / "instructors" / "exemplars").mkdir(parents=True)
    (repo / "instructors" / "capstone").mkdir(parents=True)
    package = ROOT / "src" / "beyond_traffic" / "capstone.py"
    shutil.copy(package, repo / "src" / "beyond_traffic" / "capstone.py")
    report = "小王的报告把“倒逼”说成了改造，却没有给出一处证据，也没有算区间。"
    skeleton = _exemplar_skeleton("产地的直播间").replace("\n(to write)\n", f"\n{report}\n", 1)
    (repo / "instructors" / "exemplars" / "ps4_capstone_q10_report.md").write_text(skeleton)
    page = CapstoneReport("产地的直播间", "S", "MIT", 2000, 700, 25, {}, {}, (), 0.2)
    (repo / "instructors" / "capstone" / "REPORT.md").write_text(page.to_markdown())
    ed = tmp_path / "ed"
    (ed / "src").mkdir(parents=True)
    shutil.copy(package, ed / "src" / "capstone.py")
    (ed / "src" / "notes.md").write_text(report)
    leaks = find_leaks(ed, root=repo)
    assert [(leak.file.name, leak.kind) for leak in leaks] == [("notes.md", "instructors")]


def test_cli_writes_the_edition(tmp_path, capsys):
    assert cli.main(["student-edition", str(tmp_path / "out"), "--from", str(ROOT)]) == 0
    assert "files written" in capsys.readouterr().out
    assert (tmp_path / "out" / "assignments" / "ps2_count" / "ps2_count.ipynb").is_file()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x").write_text("x")
    assert cli.main(["student-edition", str(tmp_path / "other"), "--from", str(ROOT)]) == 2
    assert "not empty" in capsys.readouterr().err


def _clean_env(**extra: str) -> dict[str, str]:
    """This environment without the test venv's Python and Jupyter settings."""
    prefixes = ("VIRTUAL_ENV", "PYTHON", "JUPYTER", "PIP_REQUIRE_VIRTUALENV")
    return {**{k: v for k, v in os.environ.items() if not k.startswith(prefixes)}, **extra}


def _make(edition_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = _clean_env()
    return subprocess.run(
        ["make", *args, f"PYTHON={sys.executable}"],
        cwd=edition_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


@pytest.mark.slow
def test_make_install_from_nothing_then_a_lesson_runs(tmp_path):
    """The student's `make lab` install step, into a fresh venv of the edition, then lesson 00."""
    ed = tmp_path / "学生版"
    write_edition(ed, root=ROOT)
    stamp = ed / ".venv" / ".installed"
    # A pin that cannot be met: the install fails, says why, and leaves no stamp behind.
    lock = ed / "binder" / "requirements.txt"
    good = lock.read_text(encoding="utf-8")
    lock.write_text(re.sub(r"(?m)^jieba==\S+", "jieba==0.0.404", good), encoding="utf-8")
    failed = _make(ed, "install")
    assert failed.returncode != 0
    shown = failed.stdout + failed.stderr
    assert re.search(r"jieba\S* depends on jieba|jieba==0\.0\.404", shown), shown[-3000:]
    assert "The conflict is caused by" in shown, "pip's explanation is shown, not only its verdict"
    assert not stamp.exists(), "a failed install must not be marked done"
    lock.write_text(good, encoding="utf-8")
    done = _make(ed, "install")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert stamp.is_file()
    python = ed / ".venv" / "bin" / "python"
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import beyond_traffic, ipykernel, jupyterlab; print(beyond_traffic.__file__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(ed / "src") in where, "the edition's own package, installed editable"
    pins = dict(
        line.split("==", 1)
        for line in good.splitlines()
        if "==" in line and not line.startswith("#")
    )
    versions = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in ("jupyterlab", "ipykernel", "jieba", "pandas"):
        assert f"{name}=={pins[name]}" in versions, f"{name} is not the pinned {pins[name]}"
    again = _make(ed, "install")
    assert again.returncode == 0 and "pip install" not in again.stdout, "re-run installs nothing"
    # One lesson, top to bottom, in the edition's kernel.
    out = tmp_path / "executed.ipynb"
    run = subprocess.run(
        [str(ed / ".venv" / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute"]
        + ["--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=python3"]
        + ["--output", str(out), "course/00_orientation.ipynb"],
        cwd=ed,
        env=_clean_env(HOME=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    executed = nbformat.read(out, as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors and any(c.get("outputs") for c in executed.cells)
