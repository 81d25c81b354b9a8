"""nbgrader's OverwriteCells without its false "checksum has changed!" on hidden-test cells."""

# generate_assignment stores each locked cell in the gradebook (and its checksum) before
# ClearHiddenTests runs, then writes the release without the hidden tests and with a new checksum.
# Autograde's OverwriteCells compares the submitted cell, i.e. the release version, with the
# gradebook's, and warns "Attribute 'checksum' for cell … has changed!" for every hidden-test cell
# of an untouched release (a known nbgrader behaviour): eight warnings per student on a problem set,
# which hide the one that means a student really edited a locked cell. A cell that is exactly the
# gradebook's source with its hidden tests taken out is the untouched release: its hidden tests are
# put back first, so the check that follows stays silent. Any other change is reported and
# overwritten as before.

from __future__ import annotations

from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import MissingEntry
from nbgrader.preprocessors import ClearHiddenTests
from nbgrader.preprocessors import OverwriteCells as _NbgraderOverwriteCells

__all__ = ["OverwriteCells", "release_source"]


def release_source(source: str, *, config=None) -> str:
    """``source`` as generate_assignment releases it: hidden-test regions removed.

    Example:
        >>> clear = ClearHiddenTests()
        >>> begin, end = clear.begin_test_delimeter, clear.end_test_delimeter
        >>> hidden = f"### {begin}\\n断言 = 2\\n### {end}"
        >>> print(release_source("ck = 1\\n" + hidden))
        ck = 1
    """
    cell = NotebookNode(cell_type="code", source=source, metadata={})
    ClearHiddenTests(config=config)._remove_hidden_test_region(cell)
    return cell.source


class OverwriteCells(_NbgraderOverwriteCells):
    """Restore locked cells from the gradebook, warning only when a student changed one.

    ``nbgrader_config.py`` names it in ``Autograde.sanitize_preprocessors`` in place of
    nbgrader's own; ``beyond-traffic grade`` uses it too.

    Example:
        >>> OverwriteCells.__mro__[1].__name__
        'OverwriteCells'
    """

    def preprocess_cell(self, cell: NotebookNode, resources, cell_index: int):  # noqa: D102
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is not None and utils.is_locked(cell) and cell.cell_type == "code":
            try:
                original = self.gradebook.find_source_cell(
                    grade_id, self.notebook_id, self.assignment_id
                ).source
            except MissingEntry:
                original = None
            if original is not None and original != cell.source:
                if cell.source == release_source(original, config=self.config):
                    cell.source = original
        return super().preprocess_cell(cell, resources, cell_index)
