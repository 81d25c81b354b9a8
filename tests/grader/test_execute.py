"""Tests for beyond_traffic.grader.execute: the output caps of the executing client."""

from __future__ import annotations

import nbformat

from beyond_traffic.grader.execute import NOTEBOOK_OUTPUT_CAP, CappedClient


def _message(kind: str, text: str, display_id: str) -> dict:
    return {
        "msg_type": kind,
        "parent_header": {"msg_id": "cell"},
        "header": {"msg_type": kind},
        "content": {
            "data": {"text/plain": text},
            "metadata": {},
            "transient": {"display_id": display_id},
        },
    }


def _output_chars(nb: nbformat.NotebookNode) -> int:
    return sum(
        len(o.get("data", {}).get("text/plain", "")) for cell in nb.cells for o in cell.outputs
    )


def test_update_display_cannot_grow_small_displays_past_the_notebook_cap():
    """Red team, round 3: the growth of an update is counted as (number of outputs under the
    display id) x (new size - size of the *last* display under that id). Twenty empty displays
    followed by one of 500,000 characters, then one update to 500,000 characters, count as no
    growth at all, and the notebook holds 10.5 MB of output against its 8 MB cap (with 100
    empty displays and 900,000 characters: 91 MB, eleven times the cap)."""
    nb = nbformat.v4.new_notebook()
    small, big = 20, "流" * 500_000
    nb.cells = [nbformat.v4.new_code_cell("display(..., display_id='d')") for _ in range(small + 1)]
    client = CappedClient(nb)
    client.clear_before_next_output = False  # set by nbclient when a cell starts executing
    for i in range(small):
        client.output(nb.cells[i].outputs, _message("display_data", "", "d"), "d", i)
    client.output(nb.cells[small].outputs, _message("display_data", big, "d"), "d", small)
    client._update_display_id("d", _message("update_display_data", big, "d"))
    total = _output_chars(nb)
    assert total <= NOTEBOOK_OUTPUT_CAP
