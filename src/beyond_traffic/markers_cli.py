"""The ``beyond-traffic markers validate CODING.tsv`` subcommand: marker scores on your coding."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_parser", "format_scores", "read_coding", "run_validate"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add ``markers validate`` to the ``beyond-traffic`` command.

    Example:
        >>> from beyond_traffic.cli import build_parser
        >>> build_parser().parse_args(["markers", "validate", "我的编码.tsv"]).coding
        PosixPath('我的编码.tsv')
    """
    p = sub.add_parser(
        "markers",
        help="claim markers: score the course's markers against your own coding",
        description="Claim-marker tools (lesson 06; docs/marker_coding_guideline.md).",
    )
    actions = p.add_subparsers(dest="markers_command", metavar="ACTION")
    v = actions.add_parser(
        "validate",
        help="precision and recall per category, with intervals, against CODING.tsv",
        description=(
            "CODING.tsv is coded by docs/marker_coding_guideline.md in the format of "
            "src/beyond_traffic/data/marker_gold.tsv: article<TAB>index<TAB>voice<TAB>codes"
            "<TAB>sentence, codes '-' or category=span|span; category=span. Intervals come "
            "from resampling your sentences."
        ),
    )
    v.add_argument("coding", type=Path, help="your coding, a UTF-8 TSV file")
    v.add_argument("--resamples", type=int, default=2000, help="bootstrap resamples (2000)")
    v.add_argument("--seed", type=int, default=0, help="random seed (0)")
    v.set_defaults(func=run_validate)
    p.set_defaults(func=lambda args: _help(p))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def read_coding(path: Path) -> list:
    """Read and parse a coding file; every problem is a ValueError naming the file and the fix.

    Example:
        >>> read_coding(Path("没有这个文件.tsv"))
        Traceback (most recent call last):
        ...
        ValueError: 没有这个文件.tsv: no such file; give the path of your coding (a .tsv file)
    """
    from beyond_traffic.marker_gold import parse_coding

    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file; give the path of your coding (a .tsv file)")
    data = path.read_bytes()
    if b"\x00" in data:
        raise ValueError(f"{path}: this is a binary file, not a TSV text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{path}: not UTF-8 (byte {exc.start}); save the file as UTF-8 and try again"
        ) from exc
    sentences = parse_coding(text, source=path.name)
    if not sentences:
        raise ValueError(f"{path}: no coded sentences (only comments or blank lines)")
    return sentences


def format_scores(table) -> str:
    """Return the score table as aligned text, one line per category.

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"gold": [2], "found": [1], "true_positives": [1], "precision": [1.0],
        ...     "precision_low": [1.0], "precision_high": [1.0], "recall": [0.5],
        ...     "recall_low": [0.0], "recall_high": [1.0]}, index=["hedge"])
        >>> print(format_scores(t).splitlines()[1])
        hedge          2      1        1  1.00 [1.00, 1.00]  0.50 [0.00, 1.00]
    """

    def cell(row, name: str) -> str:
        value = row[name]
        if value != value:  # NaN: nothing found or nothing coded
            return f"{'—':>17}"
        return f"{value:.2f} [{row[name + '_low']:.2f}, {row[name + '_high']:.2f}]"

    lines = [f"{'category':<10} {'coded':>6} {'found':>6} {'correct':>8}  {'precision':<17} recall"]
    for category, row in table.iterrows():
        lines.append(
            f"{category:<10} {int(row['gold']):>6} {int(row['found']):>6} "
            f"{int(row['true_positives']):>8}  {cell(row, 'precision')}  {cell(row, 'recall')}"
        )
    return "\n".join(lines)


def run_validate(args: argparse.Namespace) -> int:
    """Run ``markers validate``: print the scores, or a clear error and exit status 2."""
    from beyond_traffic.validation import score_coding

    try:
        sentences = read_coding(args.coding)
        table = score_coding(sentences, resamples=args.resamples, seed=args.seed)
    except (ValueError, TypeError) as exc:
        print(f"beyond-traffic markers validate: {exc}", file=sys.stderr)
        return 2
    print(f"{args.coding.name}: {len(sentences)} sentences")
    print(format_scores(table))
    print(
        "\nIntervals: 95% percentile bootstrap over your sentences; they say how much the figures"
        "\nwould move with other sentences like these, coded the same way. '—': nothing found or"
        "\nnothing coded in that category."
    )
    return 0
