"""Tests for beyond_traffic.grader.replay: the trusted re-run of test cells."""

from __future__ import annotations

import os

from beyond_traffic.grader.replay import REPLAY_LIMITS, run_cells
from beyond_traffic.grading import REPLAY_ENV


def test_run_cells_mirrors_notebook_outputs():
    out = run_cells(
        [
            {"grade_id": "a", "source": "x = 2\nprint('流量')\nx * 1.5"},
            {"grade_id": "b", "source": "x + undefined"},
            {"grade_id": "c", "source": "y = x"},
            {"grade_id": "d", "source": "import sys\nsys.stderr.write('坏')\n1"},
        ]
    )
    assert out["a"][0] == {"output_type": "stream", "name": "stdout", "text": "流量\n"}
    assert out["a"][1]["data"] == {"text/plain": "3.0"}
    assert out["b"][0]["output_type"] == "error" and out["b"][0]["ename"] == "NameError"
    assert out["c"] == []
    assert [o.get("name") for o in out["d"]][:1] == ["stderr"]


def test_run_cells_syntax_error_is_an_error_output():
    out = run_cells([{"grade_id": "a", "source": "def ("}])
    assert out["a"][0]["ename"] == "SyntaxError"


def test_replay_env_is_not_leaked_into_this_process():
    assert REPLAY_ENV not in os.environ


def test_replay_children_have_cpu_memory_and_time_limits():
    assert REPLAY_LIMITS["cpu_seconds"] <= 600
    assert REPLAY_LIMITS["memory_bytes"] <= 8 * 1024**3
