"""Tests for beyond_traffic.grader.writer: what the grader refuses to read from a submission."""

from __future__ import annotations

import json

import pytest

from beyond_traffic.grader.writer import MAX_CELLS, read_notebook

_META = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


def _notebook(cells: list[dict]) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": _META, "cells": cells})


def _code(i: int, outputs: list[dict]) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": f"c{i}",
        "metadata": {},
        "outputs": outputs,
        "source": "x",
    }


def test_more_cells_than_the_cap_are_refused(tmp_path):
    path = tmp_path / "作业.ipynb"
    path.write_text(_notebook([_code(i, []) for i in range(MAX_CELLS + 1)]), encoding="utf-8")
    with pytest.raises(ValueError, match="cells, more than"):
        read_notebook(path)


def test_the_cell_cap_is_not_bypassed_by_outputs_in_one_cell(tmp_path):
    """Red team, round 3: the cap counts cells only. One cell with 900,000 one-character stream
    outputs (52 MB, under the 50 MiB size cap) cost read_notebook alone 30 s of CPU and 1.2 GB in
    the unsandboxed grader (rough, on the shared 2-core machine; validation's per-output schema
    checks), before ClearOutput drops them; 600,000 cost 21 s / 0.86 GB. Here 50 outputs per
    allowed cell, in a single cell, are accepted like a normal notebook."""
    out = {"output_type": "stream", "name": "stdout", "text": "x"}
    path = tmp_path / "作业.ipynb"
    path.write_text(_notebook([_code(0, [out] * (MAX_CELLS * 50))]), encoding="utf-8")
    with pytest.raises(ValueError):
        read_notebook(path)


def _v3(cells: list[dict]) -> str:
    return json.dumps(
        {
            "nbformat": 3,
            "nbformat_minor": 0,
            "metadata": {"name": ""},
            "worksheets": [{"cells": cells, "metadata": {}}],
        }
    )


def test_round4_the_cell_cap_is_not_bypassed_by_an_nbformat_3_notebook(tmp_path):
    """Red team, round 4: a v3 notebook keeps its cells under ``worksheets``, so the cell cap
    never sees them; nbformat converts it to v4 with all of them (the node cap allows ~40,000)."""
    path = tmp_path / "ps.ipynb"
    path.write_text(_v3([{"cell_type": "markdown", "source": "x", "metadata": {}}] * 3 * MAX_CELLS))
    try:
        nb = read_notebook(path)
    except ValueError:
        return  # refused
    assert len(nb.cells) <= MAX_CELLS


def test_round4_submitted_outputs_of_an_nbformat_3_notebook_are_dropped(tmp_path):
    """Red team, round 4: outputs under ``worksheets`` are not dropped unread but converted."""
    cell = {
        "cell_type": "code",
        "input": "1",
        "language": "python",
        "metadata": {},
        "collapsed": False,
        "outputs": [{"output_type": "stream", "stream": "stdout", "text": "SUBMITTED"}],
    }
    path = tmp_path / "ps.ipynb"
    path.write_text(_v3([cell]))
    try:
        nb = read_notebook(path)
    except ValueError:
        return  # refused
    assert "SUBMITTED" not in json.dumps(nb)
