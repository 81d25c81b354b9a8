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


def _stored_json_chars(kind: str, content: dict) -> int:
    """Characters of output a cell keeps after the kernel sends one message ``content``."""
    import json

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("display(...)")]
    client = CappedClient(nb)
    client.clear_before_next_output = False
    msg = {"msg_type": kind, "parent_header": {"msg_id": "c"}, "header": {"msg_type": kind}}
    client.output(nb.cells[0].outputs, {**msg, "content": content}, None, 0)
    return len(json.dumps(nb.cells[0].outputs, ensure_ascii=False))


def test_round4_the_cell_cap_counts_json_data_metadata_and_evalue():
    """Red team, round 4: _size counts a non-string MIME value as 100 characters and never
    counts ``metadata`` or an error's ``evalue``: one output of 3,000,000 characters passes the
    1,000,000-character cell cap (a student's kernel sends any content it likes)."""
    from beyond_traffic.grader.execute import CELL_OUTPUT_CAP

    big = "流" * 3_000_000
    cases = {
        "json_data": ("display_data", {"data": {"application/json": {"k": big}}, "metadata": {}}),
        "metadata": ("display_data", {"data": {"text/plain": ""}, "metadata": {"k": big}}),
        "evalue": ("error", {"ename": "E", "evalue": big, "traceback": []}),
    }
    kept = {name: _stored_json_chars(*case) for name, case in cases.items()}
    assert all(size <= CELL_OUTPUT_CAP + 1000 for size in kept.values()), kept
