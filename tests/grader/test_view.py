"""Tests for beyond_traffic.grader.view: what a sandboxed kernel can see."""

from __future__ import annotations

import sys
from pathlib import Path

import beyond_traffic
from beyond_traffic.grader.view import HOME, OBSERVATIONS, STAGE, bwrap_args, make_view

REPO = Path(__file__).resolve().parents[2]


def _view():
    return make_view(
        stage="/grader/box/stage",
        observations="/grader/box/obs.jsonl",
        uid=4321,
        home_bytes=2**20,
        tmp_bytes=2**19,
    )


def test_the_view_shows_the_package_folder_but_never_the_checkout_around_it():
    view = _view()
    package = str(Path(beyond_traffic.__file__).resolve().parent)
    assert package in view.ro_binds
    solutions = (REPO / "solutions").resolve()
    for path in view.ro_binds:
        assert not solutions.is_relative_to(Path(path).resolve()), path
    prefix = Path(sys.prefix).resolve()
    assert any(prefix.is_relative_to(p) for p in view.ro_binds)


def test_generated_account_files_name_only_root_and_the_sandbox_user():
    view = _view()
    assert view.passwd().count("\n") == 2 and ":4321:4321:" in view.passwd()
    assert "student:x:4321:" in view.group()


def test_bwrap_arguments_build_the_same_view():
    args = bwrap_args(_view(), data_fds={"/etc/passwd": 7})
    assert args[args.index("--ro-bind-data") + 1 : args.index("--ro-bind-data") + 3] == [
        "7",
        "/etc/passwd",
    ]
    home = args.index(HOME)
    assert args[home - 3 : home] == ["--size", str(2**20), "--tmpfs"]
    assert ["--ro-bind", "/grader/box/stage", STAGE] == args[
        args.index(STAGE) - 2 : args.index(STAGE) + 1
    ]
    assert ["--bind", "/grader/box/obs.jsonl", OBSERVATIONS] == args[-5:-2]
    # The top of the tree is read-only once everything is mounted, as root's chroot is.
    assert args[-2:] == ["--remount-ro", "/"]
    assert "/" not in [args[i + 1] for i, a in enumerate(args) if a in ("--bind", "--ro-bind")]
