"""Print the cleaning pipeline's throughput against OpenCC alone on the same text (figures only).

Run: ``.venv/bin/python benchmarks/bench_clean.py [--repeat 5] [--synthetic 200]``. For the five
seed articles and for a batch of synthetic noisy articles it prints characters per second and
milliseconds per article (best of ``--repeat`` runs) for ``clean_text``, for ``audit`` (the
pipeline plus its change log), for each step alone, and for the baseline measured in the same
run: one OpenCC ``tw2s`` conversion of the raw text, the cost no cleaner can avoid.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from _timing import best_seconds

_best_seconds = best_seconds


def _row(label: str, seconds: float, texts: list[str], baseline: float) -> str:
    chars = sum(len(t) for t in texts)
    per_article = 1000 * seconds / len(texts)
    return (
        f"  {label:<34} {chars / seconds:>12,.0f} {per_article:>10.3f} {seconds / baseline:>9.1f}x"
    )


def _table(title: str, texts: list[str], repeat: int) -> None:
    from beyond_traffic.clean import OPENCC_CONFIG, STEPS, audit, clean_text
    from beyond_traffic.clean.script import converter as make_converter

    converter = make_converter(OPENCC_CONFIG)
    chars = sum(len(t) for t in texts)
    print(f"\n{title}: {len(texts)} articles, {chars:,} raw characters")
    print(f"  {'':<34} {'chars/s':>12} {'ms/article':>10} {'vs OpenCC':>10}")
    baseline = _best_seconds(converter.convert, texts, repeat)
    print(_row(f"baseline: OpenCC {OPENCC_CONFIG} only", baseline, texts, baseline))
    print(_row("clean_text", _best_seconds(clean_text, texts, repeat), texts, baseline))
    print(_row("audit (with change log)", _best_seconds(audit, texts, repeat), texts, baseline))
    # each step on the text it receives in the pipeline
    inputs = list(texts)
    for name, step in STEPS:
        seconds = _best_seconds(step, inputs, repeat)
        print(_row(f"  step {name}", seconds, inputs, baseline))
        inputs = [step(t) for t in inputs]


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (best counts)")
    parser.add_argument("--synthetic", type=int, default=200, help="synthetic articles")
    args = parser.parse_args(argv)

    from beyond_traffic.clean import clean_text
    from beyond_traffic.corpus import load_corpus
    from beyond_traffic.synthetic import make_batch

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    t0 = time.perf_counter()
    clean_text("產(chǎn)業(yè)")  # loads OpenCC's dictionaries once
    print(f"first call (OpenCC start-up): {1000 * (time.perf_counter() - t0):.1f} ms")

    _table("seed corpus", [a.raw for a in load_corpus()], args.repeat)
    _table("synthetic", [a.noisy for a in make_batch(args.synthetic)], args.repeat)


if __name__ == "__main__":
    main()
