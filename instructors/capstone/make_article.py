"""Make the capstone's noisy page (solutions/ps4_capstone/article.txt) from original.txt.

The article is fiction written for the course (see ARTICLE.md next to article.txt). Its noise
is made the way ``beyond_traffic.synthetic`` makes the test pages — OpenCC to Traditional,
pinyin notes after listed characters, half-width punctuation, page furniture — plus three
residues: a site counter line and a pinyin note separated from its character by a space (the
cleaning removes both, by kind, and the audit shows them), and a U+FFFD replacement character
where a closing quotation mark was lost in decoding (kept, and named by the audit).

Run from the repository root: ``python instructors/capstone/make_article.py`` (``--check``
only compares). tests/test_ps4_capstone.py checks that the shipped page is this script's output.
"""

import argparse
import random
from pathlib import Path

from beyond_traffic.synthetic import add_pinyin_notes, to_halfwidth, to_traditional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ORIGINAL = HERE / "original.txt"
PAGE = ROOT / "solutions" / "ps4_capstone" / "article.txt"
SEED = 2026

# Page furniture, written for this page (the synthetic module's own lists are private).
BYLINE = "文/林晓舟"
COUNTER = "阅读 2.3万 | 点赞 516"  # a counter line: removed by the cleaning's counter class
FOOTER = (
    "编辑：周岚",
    "免责声明：本文仅代表作者个人观点，不代表本站立场。",
    "相关阅读",
    "- 县域电商进入精细化运营阶段",
    "- 一双袜子的数字化之旅",
    "- 产业带直播的三个误区",
    "分享到微信 ×",
    "投稿邮箱：qingxi_news@example.com",
)


def make_page(original: str, *, seed: int = SEED) -> str:
    """Return the noisy page for ``original`` (title line, then one paragraph per line)."""
    rng = random.Random(seed)
    lines = original.strip("\n").split("\n")
    title, body = lines[0], lines[1:]
    # A decoding error lost the closing quotation mark of the livestream call (U+FFFD).
    body = [line.replace("上链接”", "上链接\ufffd", 1) for line in body]
    # A scraper broke the fourth paragraph after an image: a stray break inside a sentence.
    body[3] = body[3].replace("传感器，", "传感器，\n\n", 1)
    page = "\n\n".join([title, BYLINE, COUNTER, *body, *FOOTER]) + "\n"
    page = to_traditional(page, config="s2t")
    page = add_pinyin_notes(page, rate=0.7, seed=rng.randrange(2**32))
    page = to_halfwidth(page)
    # One note the converter left detached from its character by a space.
    return page.replace("產(chǎn)", "產 (chǎn)", 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    page = make_page(ORIGINAL.read_text(encoding="utf-8"))
    if args.check:
        same = PAGE.is_file() and PAGE.read_text(encoding="utf-8") == page
        print("article.txt is up to date" if same else "article.txt is stale: run without --check")
        return 0 if same else 1
    PAGE.write_text(page, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} ({len(page)} characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
