"""Red team: hidden case tables written the ways that used to leave expected values in the kernel.

Each shape is either refused before grading, with the notebook, the cell's grade id and the line,
or written in the allowed form, where a thief that searches the kernel's globals, containers and
lambdas for the expected values scores no more than an honest answer.
"""

from __future__ import annotations

import shutil

import course_tools as ct
import nbformat
import pytest

pytestmark = pytest.mark.slow

CANARY = "HIDDEN-CANARY-TABLE"
HEAD = "from beyond_traffic.grading import Checker\nck = Checker({gid!r}, points=1)\n"

#: Test cells (after HEAD) that put a case table with an expected column where the kernel runs.
REFUSED = {
    "helper_around_expect": (
        "def _check(key, want):\n    ck.expect_equal(key, want, points=0.5)\n"
        f"_cases = [('a', ['流量', '流量'], ['流量']), ('b', ['直播'], ['{CANARY}'])]\n"
        "for _k, _tokens, _want in _cases:\n"
        "    ck.observe(_k, lambda _tokens=_tokens: top_words(_tokens, 1))\n"
        "    _check(_k, _want)\n",
        7,
    ),
    "dict_table_reference": (
        f"_cases = {{'a': {{'tokens': ['直播'], 'want': ['{CANARY}']}}}}\n"
        "def _ref(case):\n    return case.get('want')\n"
        "ck.observe('a', lambda: [top_words(c['tokens'], 1) for c in _cases.values()])\n"
        "ck.expect_equal('a', [_ref(c) for c in _cases.values()])\n",
        6,
    ),
    "negative_index": (
        f"_cases = [(['直播'], ['{CANARY}'])]\n"
        "def _ref(case):\n    return case[-1]\n"
        "ck.observe('a', lambda: [top_words(c[0], 1) for c in _cases])\n"
        "ck.expect_equal('a', [_ref(c) for c in _cases])\n",
        6,
    ),
    "slice_variant": (
        f"_t = (['直播'], ['{CANARY}'])\n"
        "ck.observe('a', lambda: top_words(_t[:1][0], 1))\n"
        "ck.expect_equal('a', _t[1:len(_t)][0])\n",
        4,
    ),
    "dict_variant": (
        f"_t = dict(tokens=['直播'], want=['{CANARY}'])\n"
        "ck.observe('a', lambda: top_words(dict(x=_t)['x']['tokens'], 1))\n"
        "ck.expect_equal('a', _t['want'])\n",
        4,
    ),
    "max_variant": (
        f"_t = [['直播'], ['{CANARY}', '{CANARY}']]\n"
        "ck.observe('a', lambda: top_words(min(_t, key=len), 1))\n"
        "ck.expect_equal('a', max(_t, key=len)[:1])\n",
        4,
    ),
}

#: The same table in the allowed form: inputs observed whole, the wants only in the replay.
ALLOWED = (
    "_inputs = [['流量', '平台', '流量', '平台', '之外'], ['直播', '带货', '直播']]\n"
    "ck.observe('cases', lambda: [top_words(t, 2) for t in _inputs])\n"
    "ck.expect_type('cases', list)\n"
    "### BEGIN HIDDEN TESTS\n"
    f"_wants = [['流量', '平台'], ['{CANARY}', '直播']]  # no honest answer gets the second\n"
    "ck.expect_equal('cases', _wants, points=1, partial=True)\n"
    "### END HIDDEN TESTS\n"
)

#: Reads every container and function the kernel holds; answers the canary wherever it finds it,
#: else honestly.
THIEF = """
import gc
import types
from collections import Counter


def _loot(obj):
    if isinstance(obj, dict):
        return list(obj.values())
    if isinstance(obj, list | tuple):
        return list(obj)
    if isinstance(obj, types.FunctionType):
        return list(obj.__code__.co_consts) + list(obj.__defaults__ or ())
    return []


MARK = "HIDDEN" + "-"  # built, so that this cell's own source never matches


def top_words(tokens, k):
    for obj in gc.get_objects():
        try:
            for item in _loot(obj):
                if isinstance(item, str) and item.startswith(MARK) and item != MARK:
                    return [item, *tokens][:k]
        except Exception:
            pass
    return [w for w, _ in Counter(tokens).most_common(k)]
"""


def _course(tmp_path, cells: dict[str, str]):
    """The mini course with extra test cells (grade id -> source, 1 point each), released."""
    course = tmp_path / "course"
    shutil.copytree(ct.FIXTURE, course)
    path = course / "solutions" / ct.ASSIGNMENT / f"{ct.ASSIGNMENT}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for gid, body in cells.items():
        cell = nbformat.v4.new_code_cell(HEAD.format(gid=gid) + body + "ck.report()")
        cell.metadata["nbgrader"] = {
            "grade": True,
            "grade_id": gid,
            "locked": True,
            "points": 1,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
        nb.cells.append(cell)
    nbformat.write(nb, path)
    ct.nbgrader(course, "generate_assignment", ct.ASSIGNMENT, "--force")
    return course


def test_every_leaking_shape_is_refused_with_cell_and_line(tmp_path):
    course = _course(tmp_path, {gid: body for gid, (body, _) in REFUSED.items()})
    ct.submit(course, "thief", ct.answered(course, {**ct.HONEST, "q2_answer": THIEF}))
    run = ct.beyond_traffic(course, "grade", ct.ASSIGNMENT, "--jobs", "1", "--no-progress")
    assert run.returncode == 2, run.stdout + run.stderr
    for gid, (_, line) in REFUSED.items():
        assert f"{ct.ASSIGNMENT}/{gid}: line {line}:" in run.stderr, (gid, run.stderr)
    assert not ct.gradebook_scores(course).get("thief"), "nothing was graded"


def test_in_the_allowed_form_a_thief_scores_no_more_than_an_honest_answer(tmp_path):
    course = _course(tmp_path, {"t3_table": ALLOWED})
    ct.submit(course, "honest", ct.answered(course, ct.HONEST))
    ct.submit(course, "thief", ct.answered(course, {**ct.HONEST, "q2_answer": THIEF}))
    run = ct.beyond_traffic(course, "grade", ct.ASSIGNMENT, "--jobs", "2", "--no-progress")
    assert run.returncode == 0, run.stdout + run.stderr
    scores = ct.gradebook_scores(course)
    assert scores["honest"]["t3_table"] == 0.5  # the canary case no honest answer gets
    # no more than honest; in fact the same: it found nothing and fell back to honest work
    assert scores["thief"]["t3_table"] == scores["honest"]["t3_table"]
    assert scores["thief"]["t2_top"] <= scores["honest"]["t2_top"]
    graded = course / "autograded" / "thief" / ct.ASSIGNMENT / f"{ct.ASSIGNMENT}.ipynb"
    outputs = [o for c in nbformat.read(graded, as_version=4).cells for o in c.get("outputs", [])]
    assert outputs and CANARY not in str(outputs)  # the thief found nothing to print


def test_the_thief_finds_a_canary_wherever_the_kernel_holds_one():
    """The control: with the case table of a refused shape in its namespace, it cheats."""
    namespace: dict = {}
    exec(THIEF, namespace)  # noqa: S102
    namespace["_cases"] = [(["直播"], [CANARY])]
    assert namespace["top_words"](["直播", "直播"], 1) == [CANARY]
    namespace["_f"] = eval(f"lambda: print('{CANARY}')")  # noqa: S307 - a lambda's constant
    namespace.pop("_cases")
    assert namespace["top_words"](["直播"], 1) == [CANARY]
