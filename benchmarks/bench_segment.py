"""Print start-up time and throughput of the course tokenizer vs plain jieba (figures only).

Run: ``.venv/bin/python benchmarks/bench_segment.py [--repeat 3]``. Start-up is measured in
fresh processes (cold: empty jieba cache; cached: the cache file exists) and in-process (warm:
the tokenizer is already built). Throughput is characters per second on the five articles'
cleaned text, best of ``--repeat`` runs, for ``segment.tokenize`` and ``jieba.lcut``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from _timing import best_seconds

_STARTUP = r"""
import json, sys, time
t0 = time.perf_counter()
if sys.argv[1] == "course":
    from beyond_traffic.segment import get_tokenizer
    get_tokenizer()
else:
    import logging, jieba
    jieba.setLogLevel(logging.ERROR)
    jieba.initialize()
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def _startup(which: str, cache: str) -> float:
    env = dict(os.environ, BEYOND_TRAFFIC_CACHE_DIR=cache, TMPDIR=cache)
    out = subprocess.run(
        [sys.executable, "-c", _STARTUP, which],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout)["seconds"]


def _chars_per_second(fn, texts: list[str], repeat: int) -> float:
    chars = sum(len(t) for t in texts)
    return chars / best_seconds(fn, texts, repeat)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="throughput runs (best counts)")
    args = parser.parse_args(argv)

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print("start-up (seconds)            course tokenizer   plain jieba")
    with tempfile.TemporaryDirectory() as course_cache, tempfile.TemporaryDirectory() as jcache:
        cold = (_startup("course", course_cache), _startup("jieba", jcache))
        cached = (_startup("course", course_cache), _startup("jieba", jcache))
    print(f"  fresh process, no cache     {cold[0]:>16.3f}   {cold[1]:>11.3f}")
    print(f"  fresh process, cache file   {cached[0]:>16.3f}   {cached[1]:>11.3f}")

    import logging

    import jieba

    from beyond_traffic.corpus import load_corpus
    from beyond_traffic.segment import get_tokenizer, tokenize

    jieba.setLogLevel(logging.ERROR)
    t0 = time.perf_counter()
    get_tokenizer()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    get_tokenizer()
    warm = time.perf_counter() - t0
    jieba.initialize()
    print(f"  in-process, first call      {first:>16.3f}")
    print(f"  in-process, warm (cached)   {warm:>16.6f}")

    articles = load_corpus()
    texts = [a.clean for a in articles]
    cleaned = any(a.clean != a.raw for a in articles)
    label = "clean text" if cleaned else "raw text (clean_text not ready yet)"
    print(f"throughput on the corpus, {sum(map(len, texts))} chars of {label}:")
    for name, fn in [
        ("tokenize (course dictionary)", tokenize),
        ("tokenize(userdict=False)", lambda t: tokenize(t, userdict=False)),
        ("tokenize(hmm=False)", lambda t: tokenize(t, hmm=False)),
        ("jieba.lcut (global jieba)", jieba.lcut),
    ]:
        print(f"  {name:<30} {_chars_per_second(fn, texts, args.repeat):>12,.0f} chars/s")

    from beyond_traffic.gold import compare_dictionary

    print("segmentation quality on the gold standard:")
    print(compare_dictionary().to_string(index=False))


if __name__ == "__main__":
    main()
