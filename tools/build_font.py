"""Rebuild the bundled CJK font (a renamed Noto Sans CJK SC subset) and its OFL.txt, byte for byte.

Usage (from the repository root, with Debian's ``fonts-noto-cjk`` installed)::

    .venv/bin/python tools/build_font.py            # write the font and OFL.txt
    .venv/bin/python tools/build_font.py --check    # exit 1 if the committed files differ

The source is the SC face of Debian's ``NotoSansCJK-Regular.ttc``. The character set is
the union of: every character of the corpus (raw text, ``clean`` text, OpenCC t2s of the
raw text, titles and authors) and of the package's text data files; all of GB2312 (symbol
rows 0xA1-0xA9, hanzi rows 0xB0-0xF7); the Traditional counterparts of the GB2312 hanzi
(OpenCC s2t, s2tw, s2hk); Big5 level 1 (0xA440-0xC67E); ASCII, Latin-1 and pinyin letters;
general, CJK and fullwidth punctuation and forms. Hinting, vertical metrics, layout
features other than ``kern`` and glyph names are dropped to keep the file small.

The OFL asks a Modified Version not to use the Reserved Font Name ('Source', from Source
Han Sans) and Google's trademark 'Noto' stays off the primary name too, so every name
record and every CFF name is rewritten to ``BeyondTraffic Sans SC``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import tempfile
import unicodedata
from pathlib import Path

import opencc
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FACE = "NotoSansCJKsc-Regular"  # PostScript name of the face to take from the TTC
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
DATA = ROOT / "src" / "beyond_traffic" / "data"
OUT_FONT = DATA / "fonts" / "BeyondTrafficSansSC-Regular.otf"
OUT_LICENCE = DATA / "fonts" / "OFL.txt"

FAMILY = "BeyondTraffic Sans SC"
POSTSCRIPT = "BeyondTrafficSansSC-Regular"

COPYRIGHT_HEADER = """\
Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.
Noto is a trademark of Google Inc.

BeyondTraffic Sans SC (BeyondTrafficSansSC-Regular.otf) is a Modified Version of
Noto Sans CJK SC Regular, version 2.004, as packaged by Debian (fonts-noto-cjk):
a subset of its characters, made by tools/build_font.py of the beyond-traffic
project. Following the licence below, it carries a new name and does not use the
Reserved Font Name. It is licensed under the SIL Open Font License, Version 1.1,
and not under the licence of the rest of the beyond-traffic package.

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below, and is also available with a FAQ at:
https://openfontlicense.org

"""


# --- the character set -------------------------------------------------------------------


def _two_byte_range(codec: str, leads: range, trails: list[int]) -> set[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.update(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue  # unassigned cells inside a row
    return chars


def gb2312_symbols() -> set[str]:
    """GB2312 rows 1-9 (0xA1-0xA9): punctuation, numerals, kana, Greek, Cyrillic, pinyin."""
    return _two_byte_range("gb2312", range(0xA1, 0xAA), list(range(0xA1, 0xFF)))


def gb2312_hanzi() -> set[str]:
    """GB2312 rows 16-87 (0xB0-0xF7): its 6,763 hanzi."""
    return _two_byte_range("gb2312", range(0xB0, 0xF8), list(range(0xA1, 0xFF)))


def big5_level1() -> set[str]:
    """Big5 level 1, the 5,401 frequent Traditional hanzi (0xA440-0xC67E)."""
    trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    chars = _two_byte_range("big5", range(0xA4, 0xC7), trails)
    last = {c for c in chars if c.encode("big5") > b"\xc6\x7e"}  # row 0xC6 ends at 0x7E
    return {c for c in chars - last if "\u4e00" <= c <= "\u9fff"}


def traditional_of(hanzi: set[str]) -> set[str]:
    """The Traditional forms OpenCC gives for each character, one character at a time."""
    out = set()
    joined = "\n".join(sorted(hanzi))  # newlines keep phrase tables from joining neighbours
    for config in ("s2t", "s2tw", "s2hk"):
        out.update(opencc.OpenCC(config).convert(joined))
    out.discard("\n")
    return out


def basic_latin_and_punctuation() -> set[str]:
    """ASCII, Latin-1, pinyin tone letters, general/CJK punctuation, maths, fullwidth forms."""
    ranges = [
        (0x20, 0x7E),  # ASCII
        (0xA0, 0xFF),  # Latin-1 supplement
        (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis
        (0x2100, 0x215F),  # letterlike symbols and number forms (℃, №, Ⅰ…)
        (0x2190, 0x21FF),  # arrows
        (0x2200, 0x22FF),  # mathematical operators: matplotlib's minus sign U+2212 on axes
        (0x2460, 0x24FF),  # enclosed numerals ①
        (0x25A0, 0x25FF),  # geometric shapes ■ ● ▲
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0xFE10, 0xFE1F),  # vertical forms
        (0xFE30, 0xFE4F),  # CJK compatibility forms
        (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    ]
    chars = {chr(c) for lo, hi in ranges for c in range(lo, hi + 1)}
    chars.update("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ")
    chars.add("\ufffd")  # the replacement character that mojibake lessons print
    return chars


def corpus_chars() -> set[str]:
    """Every character of the corpus (raw, clean, t2s of raw, metadata) and of data files."""
    sys.path.insert(0, str(ROOT / "src"))
    from beyond_traffic.corpus import load_corpus

    t2s = opencc.OpenCC("t2s")
    chars: set[str] = set()
    for article in load_corpus():
        for text in (article.raw, article.clean, t2s.convert(article.raw)):
            chars.update(text)
        chars.update((article.title or "") + (article.author or ""))
    for path in sorted(DATA.glob("*")):  # lexicons, errata, userdict: words a plot may show
        if path.suffix in {".txt", ".tsv", ".json"}:
            chars.update(path.read_text(encoding="utf-8"))
    return chars


def character_set() -> tuple[set[int], dict[str, int]]:
    """Return the code points to keep and how many each source contributed."""
    hanzi = gb2312_hanzi()
    parts = {
        "latin+punctuation": basic_latin_and_punctuation(),
        "gb2312 symbols": gb2312_symbols(),
        "gb2312 hanzi": hanzi,
        "s2t of gb2312": traditional_of(hanzi),
        "big5 level 1": big5_level1(),
        "corpus + data": corpus_chars(),
    }
    wanted = {
        ord(c)
        for chars in parts.values()
        for c in chars
        if unicodedata.category(c) not in {"Cc", "Cs", "Co", "Cn"}  # no glyphs for controls
    }
    return wanted, {name: len(chars) for name, chars in parts.items()}


# --- the font ----------------------------------------------------------------------------


def source_face() -> TTFont:
    """Open the SC face of the Debian collection, found by PostScript name, not by index."""
    collection = TTCollection(str(SOURCE), recalcTimestamp=False)
    for font in collection.fonts:
        if font["name"].getDebugName(6) == SOURCE_FACE:
            return font
    raise SystemExit(f"{SOURCE} has no face named {SOURCE_FACE}")


def subset_options() -> subset.Options:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["kern"]  # Latin kerning; CJK needs no shaping here
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "GSUB"]
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True  # a missing character shows as a box, not as nothing
    options.recalc_timestamp = False  # keep head.modified from the source: reproducible
    options.prune_unicode_ranges = True
    return options


def rename(font: TTFont) -> None:
    """Give the subset its own name everywhere (name table and CFF), as the OFL asks."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    source_version = version.split(";")[0].replace("Version ", "")
    new = {
        1: FAMILY,
        2: "Regular",
        3: f"{source_version};BeyondTraffic;{POSTSCRIPT}",
        4: FAMILY,
        5: f"Version {source_version}; subset of Noto Sans CJK SC by beyond-traffic",
        6: POSTSCRIPT,
    }
    for record in list(name.names):
        if record.nameID in (16, 17, 21, 22):  # typographic family names would keep 'Noto'
            name.removeNames(nameID=record.nameID)
        elif record.nameID in new:
            record.string = new[record.nameID]
    description = (
        "BeyondTraffic Sans SC: a subset of Noto Sans CJK SC (Regular, "
        f"{source_version}) for the beyond-traffic course, renamed under SIL OFL 1.1."
    )
    name.setName(description, 10, 3, 1, 0x409)

    cff = font["CFF "].cff
    old_ps = cff.fontNames[0]
    cff.fontNames[0] = POSTSCRIPT
    top = cff.topDictIndex[0]
    top.FullName = FAMILY
    top.FamilyName = FAMILY
    for fd in getattr(top, "FDArray", []):
        if getattr(fd, "FontName", "").startswith(old_ps):
            fd.FontName = POSTSCRIPT + fd.FontName[len(old_ps) :]


def build_font() -> tuple[bytes, dict[str, int]]:
    """Return the subset font's bytes and the character-set statistics."""
    font = source_face()
    wanted, stats = character_set()
    available = set(font.getBestCmap())
    options = subset_options()
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(wanted & available))
    subsetter.subset(font)
    rename(font)
    stats["wanted"] = len(wanted)
    stats["not in source"] = len(wanted - available)
    stats["kept"] = len(font.getBestCmap())
    stats["glyphs"] = len(font.getGlyphOrder())
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    return buffer.getvalue(), stats


def build_licence() -> str:
    """Return OFL.txt: the copyright lines, then the OFL 1.1 text from Debian's copyright."""
    lines = DEBIAN_COPYRIGHT.read_text(encoding="utf-8").splitlines()
    # The licence text is the stand-alone "License: SIL-1.1" paragraph, not the Files: one.
    start = next(
        i + 1
        for i, line in enumerate(lines)
        if line == "License: SIL-1.1" and lines[i + 1].startswith(" ")
    )
    body = []
    for line in lines[start:]:
        if not line.startswith(" "):  # the next stanza of the Debian copyright file
            break
        text = line[1:]
        body.append("" if text == "." else text)
    return COPYRIGHT_HEADER + "\n".join(body).strip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out-dir", type=Path, help="write here instead of the package")
    args = parser.parse_args(argv)
    if not SOURCE.is_file():
        print(f"{SOURCE} not found: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 2

    font_bytes, stats = build_font()
    licence = build_licence().encode("utf-8")
    for key, value in stats.items():
        print(f"{key:>20}: {value}")
    print(f"{'size':>20}: {len(font_bytes):,} bytes")
    print(f"{'sha256':>20}: {hashlib.sha256(font_bytes).hexdigest()}")

    if args.check:
        same = OUT_FONT.read_bytes() == font_bytes and OUT_LICENCE.read_bytes() == licence
        print("up to date" if same else "DIFFERS: run tools/build_font.py")
        return 0 if same else 1
    font_out = args.out_dir / OUT_FONT.name if args.out_dir else OUT_FONT
    licence_out = args.out_dir / OUT_LICENCE.name if args.out_dir else OUT_LICENCE
    font_out.parent.mkdir(parents=True, exist_ok=True)
    # Write atomically so a reader never sees half a font.
    for path, data in ((font_out, font_bytes), (licence_out, licence)):
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            tmp.write(data)
        Path(tmp.name).chmod(0o644)  # NamedTemporaryFile is private (0600); a package file is not
        Path(tmp.name).replace(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
