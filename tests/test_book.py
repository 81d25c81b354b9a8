"""The course book: Sphinx builds it offline from the lessons, glossary and docs; a reader finds
lessons by a Chinese search term in Chromium, and no page shows missing-glyph boxes."""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from glyphs import find_tofu
from lesson_tools import lesson_paths

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
# Sphinx loads the book's extensions from book/_ext (conf.py puts it on the path); so do we.
sys.path.insert(0, str(BOOK / "_ext"))

import chinese_search  # noqa: E402
import editions  # noqa: E402
import glossary_links  # noqa: E402
import image_alt  # noqa: E402
import launch_links  # noqa: E402

LESSONS = [p.stem for p in lesson_paths(ROOT / "course")]
DOCS = sorted(p.stem for p in (ROOT / "docs").glob("*.md"))
#: The instructors' documents, which the students' book leaves out.
INSTRUCTOR_DOCS = ("instructors", "grading", "jupyterhub")
#: The shared build is the students' book for a repository on a git host the theme does not
#: know (a plain URL, as a Gitea or a school's own server has).
REPOSITORY = "https://git.example.org/course/beyond-traffic.git"
#: The axe-core release the accessibility check installs from npm.
AXE_VERSION = "4.10.3"
GLOSSARY = glossary_links.parse_glossary((ROOT / "course" / "glossary.md").read_text("utf-8"))
HUB = "https://hub.example.edu"
SEARCH_TERM = "直播带货"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
#: Run a command in a network namespace of its own with only loopback up (the kernels that
#: execute the lessons talk over loopback): the book must build with no network at all.
OFFLINE = ["unshare", "--net", "--map-root-user", "sh", "-c", 'ip link set lo up && exec "$@"', "-"]


# ---------------------------------------------------------------- the extensions, alone


@pytest.mark.parametrize(
    "module", [glossary_links, chinese_search, editions, launch_links, image_alt]
)
def test_extension_docstring_examples_run(module):
    failed, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failed == 0


def test_glossary_is_read_from_its_tables():
    assert len(GLOSSARY) >= 50
    assert all(entry.english and entry.names for entry in GLOSSARY)
    anchors = [entry.anchor for entry in GLOSSARY]
    assert len(anchors) == len(set(anchors)), "two rows would share an anchor"
    names = {name for entry in GLOSSARY for name in entry.names}
    assert {"产业互联网", "直播带货", "ToB", "ToC", "jieba"} <= names
    assert "中文" not in names, "header rows are not terms"


def test_glossary_cells_are_read_as_rendered_text():
    entries = glossary_links.parse_glossary("| `KWIC` / **语境索引** | yǔjìng | concordance |")
    assert entries[0].names == ("KWIC", "语境索引") and entries[0].anchor == "term-KWIC"


def test_term_pattern_prefers_the_longest_name_and_whole_latin_words():
    entries = glossary_links.parse_glossary(
        "| 中文 | 拼音 | English |\n|---|---|---|\n"
        "| 流量 | liúliàng | traffic |\n| 流量变现 | x | monetising traffic |\n"
        "| TextRank | TextRank | TextRank |\n"
    )
    pattern = glossary_links.term_pattern(entries)
    assert [m.group(0) for m in pattern.finditer("流量变现靠流量")] == ["流量变现", "流量"]
    assert pattern.search("MyTextRanker") is None
    assert pattern.search("用 TextRank 排序").group(0) == "TextRank"


def test_terms_are_linked_once_and_never_in_code():
    from docutils import nodes
    from docutils.utils import new_document

    doc = new_document("lesson")
    doc += nodes.paragraph("", "", nodes.Text("直播带货是什么？再说直播带货。"))
    doc += nodes.paragraph("", "", nodes.literal("", "流量"), nodes.Text(" 与流量"))
    doc += nodes.literal_block("", "赋能 = 1")
    pattern = glossary_links.term_pattern(GLOSSARY)
    by_name = {n: e for e in GLOSSARY for n in e.names}
    linked = glossary_links.link_terms(
        doc, pattern=pattern, by_name=by_name, refuri="glossary.html"
    )
    assert linked == ["直播带货", "流量"]
    refs = list(doc.findall(nodes.reference))
    assert [r["refuri"] for r in refs] == ["glossary.html#term-直播带货", "glossary.html#term-流量"]
    assert doc[0].astext() == "直播带货是什么？再说直播带货。", "the text itself is unchanged"
    assert "赋能" not in {r.astext() for r in refs}, "code is never linked"


def test_search_dictionary_keeps_course_terms_whole_where_jieba_alone_cuts_them(tmp_path):
    import jieba

    lines = chinese_search.dictionary_lines([n for e in GLOSSARY for n in e.names])
    parsed = [jieba.re_userdict.match(line) for line in lines]
    assert all(parsed), "every line is in jieba's user-dictionary format: word [freq] [tag]"
    words = {match.group(1) for match in parsed}
    assert {"直播带货", "产业互联网", "模糊限制语"} <= words
    assert not any(line.startswith("#") for line in lines)
    plain = jieba.Tokenizer()
    assert SEARCH_TERM not in plain.lcut_for_search("直播带货是产业互联网的前奏曲")
    path = tmp_path / "dict.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    course = jieba.Tokenizer()
    course.load_userdict(str(path))
    assert SEARCH_TERM in course.lcut_for_search("直播带货是产业互联网的前奏曲")


def test_book_finds_lessons_and_docs_by_pattern_not_by_name():
    index = (BOOK / "index.md").read_text(encoding="utf-8")
    assert "/course/[0-9][0-9]*_*" in index and "/docs/*" in index
    for name in LESSONS:
        assert name not in index, f"{name} is listed by hand: lessons are found by pattern"


def test_the_students_book_leaves_out_every_instructors_document_and_the_full_book_none():
    student = editions.excluded_docs(ROOT, "student")
    assert {f"docs/{d}.md" for d in INSTRUCTOR_DOCS} <= set(student)
    # What a lesson names stays in, or its link would break.
    assert "docs/marker_coding_guideline.md" not in student
    assert editions.excluded_docs(ROOT, "instructors") == []
    with pytest.raises(ValueError, match="BOOK_EDITION"):
        editions.excluded_docs(ROOT, "teachers")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site:.*\n\tBOOK_EDITION=student ", makefile, re.M)
    assert re.search(r"^site-instructors:.*\n\tBOOK_EDITION=instructors ", makefile, re.M)


@pytest.mark.parametrize(
    ("url", "theme"),
    [
        ("https://github.com/org/beyond-traffic", True),
        ("https://gitlab.com/org/beyond-traffic.git", True),
        ("https://gitea.example.org/org/beyond-traffic", False),
        ("https://git.example.org/groups/course/beyond-traffic.git", False),
    ],
)
def test_any_git_host_gets_launch_buttons(url, theme):
    repo = launch_links.parse_repository(url)
    options = launch_links.theme_options(
        repo, branch="main", binderhub="https://mybinder.org", hub=HUB
    )
    # The theme stops the build on a host it does not know: it is given only the ones it knows.
    assert ("repository_url" in options) == theme
    assert repo.folder == "beyond-traffic" and not repo.url.endswith(".git")
    path = "course/00_orientation.ipynb"
    binder = launch_links.binder_link(
        repo, binderhub="https://mybinder.org", branch="main", path=path
    )
    assert binder.startswith("https://mybinder.org/v2/git/https%3A%2F%2F")
    hub = unquote(launch_links.hub_link(repo, hub=HUB, branch="main", path=path))
    assert f"repo={repo.url}" in hub and f"urlpath=lab/tree/beyond-traffic/{path}" in hub
    with pytest.raises(ValueError, match="BOOK_REPOSITORY_URL"):
        launch_links.parse_repository("git@example.org:org/repo.git")


def test_make_site_builds_the_book_with_warnings_as_errors():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^site:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert rule and "sphinx-build -b html -c book" in rule.group(1)
    assert " -W " in rule.group(1) and "_build/html" in rule.group(1)


# ---------------------------------------------------------------- the built book


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The students' book as `make site` builds it, offline, for a repository on a plain git
    host, with a JupyterHub so both launch buttons show."""
    out = tmp_path_factory.mktemp("book")
    env = {
        **os.environ,
        "BOOK_HUB_URL": HUB,
        "BOOK_EDITION": "student",
        "BOOK_REPOSITORY_URL": REPOSITORY,
    }
    started = time.perf_counter()
    done = subprocess.run(
        OFFLINE
        + [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(BOOK)]
        + ["-d", str(out / "doctrees"), "-q", "-W", "--keep-going", str(ROOT), str(out / "html")],
        capture_output=True,
        text=True,
        timeout=1800,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, f"the book did not build:\n{done.stderr[-5000:]}"
    print(f"book built in {time.perf_counter() - started:.0f} s")
    return out / "html"


def test_the_offline_namespace_has_loopback_and_nothing_else():
    links = subprocess.run(OFFLINE + ["ip", "-o", "link", "show"], capture_output=True, text=True)
    assert links.returncode == 0, links.stderr
    names = [line.split(":")[1].strip() for line in links.stdout.splitlines()]
    assert names == ["lo"], f"the build namespace has other interfaces: {names}"
    assert "UP" in links.stdout.split("<")[1].split(">")[0], "loopback is up for the kernels"


def _page(site: Path, name: str) -> str:
    return (site / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_every_lesson_doc_and_the_glossary_are_pages_in_order(site):
    assert LESSONS, "no lessons found in course/"
    landing = _page(site, "book/index")
    hrefs = re.findall(r'href="\.\./course/(\d\d[a-z]?_[^"#]+)\.html"', landing)
    assert list(dict.fromkeys(hrefs)) == LESSONS, "the navigation lists the lessons in order"
    for name in ["course/glossary"] + editions.student_docs(ROOT):
        assert (site / f"{name}.html").is_file(), f"{name} is not published"
    for name in INSTRUCTOR_DOCS:
        assert not (site / f"docs/{name}.html").exists(), f"the students' book has {name}"
        assert f"{name}.html" not in landing
    assert "For instructors" not in landing
    redirect = (site / "index.html").read_text(encoding="utf-8")
    assert "url=book/index.html" in redirect


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_lessons_are_executed_with_their_outputs(site):
    images = 0
    for name in LESSONS:
        page = _page(site, f"course/{name}")
        assert "cell_output" in page, f"{name} shows no output: was it executed?"
        assert "Traceback" not in page
        images += len(re.findall(r'<img [^>]*src="\.\./_images/[^"]+\.png"', page))
    assert images >= 1, "the charts and word clouds are in the book"
    for image in (site / "_images").glob("*.png"):
        assert image.stat().st_size > 1000


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_lessons_link_glossary_terms_to_rows_that_exist(site):
    glossary = _page(site, "course/glossary")
    anchors = set(re.findall(r'id="(term-[^"]+)"', glossary))
    assert {entry.anchor for entry in GLOSSARY} <= anchors
    for name in LESSONS:
        page = _page(site, f"course/{name}")
        links = re.findall(r'class="glossary-link[^"]*" href="glossary\.html#([^"]+)"', page)
        assert links, f"{name} links no glossary term"
        assert set(links) <= anchors, f"{name} links rows that do not exist"
        assert len(links) == len(set(links)), f"{name} links a term twice"


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_lessons_have_binder_and_jupyterhub_launch_buttons(site):
    repo = launch_links.parse_repository(REPOSITORY)
    for name in LESSONS:
        page = _page(site, f"course/{name}").replace("&amp;", "&")
        path = f"course/{name}.ipynb"
        binder = launch_links.binder_link(
            repo, binderhub="https://mybinder.org", branch="main", path=path
        )
        assert binder in page, f"{name}: no Binder button"
        puller = re.search(rf'href="({re.escape(HUB)}/hub/user-redirect/git-pull\?[^"]+)"', page)
        assert puller, f"{name}: no JupyterHub (nbgitpuller) button"
        link = unquote(puller.group(1))
        assert f"repo={repo.url}" in link
        assert f"urlpath=lab/tree/{repo.folder}/{path}" in link
        assert f'href="{repo.url}"' in page, f"{name}: no link to the repository"


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_every_plot_says_what_it_shows(site):
    images = 0
    for name in LESSONS:
        page = _page(site, f"course/{name}")
        for tag in re.findall(r"<img [^>]*>", page):
            alt = re.search(r'alt="([^"]*)"', tag)
            assert alt and len(alt.group(1)) >= image_alt.MIN_ALT, f"{name}: {tag}"
            assert "_images/" not in alt.group(1) and ".png" not in alt.group(1), tag
            images += "_images/" in tag
    assert images >= 5, "the lessons' charts and word clouds are checked"


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_search_index_finds_lessons_by_chinese_words(site):
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docs = index["docnames"]

    def found(term: str) -> set[str]:
        hits = set()
        for table in ("terms", "titleterms"):
            value = index[table].get(term, [])
            hits |= {docs[i] for i in ([value] if isinstance(value, int) else value)}
        return hits

    assert any(d.startswith("course/0") for d in found(SEARCH_TERM)), "直播带货 finds no lesson"
    assert any(d.startswith("course/0") for d in found("产业互联网"))
    assert "course/glossary" in found("模糊限制语")


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_book_loads_nothing_from_the_network(site):
    external = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//[^"]+"')
    for page in site.rglob("*.html"):
        found = external.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page.relative_to(site)} loads {found[:3]}"


# ---------------------------------------------------------------- a reader in Chromium


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(site):
    """The built book on a loopback HTTP server, as a static host would serve it."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
        + ["--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/index.html", timeout=2)
            break
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "no HTTP server"
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def browser_page():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is required: apt-get install chromium (make test does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.errors = []
        page.external = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))

        def only_loopback(route):
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
                route.continue_()
            else:
                page.external.append(route.request.url)
                route.abort()

        page.route("**/*", only_loopback)
        yield page
        browser.close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.xdist_group("book")
def test_reader_searches_a_chinese_term_and_lands_on_a_lesson(served, browser_page):
    page = browser_page
    page.goto(f"{served}/index.html")
    page.wait_for_url("**/book/index.html")
    # As a reader does: open the search box, type the term, press Enter.
    page.locator("button.search-button__button").first.click()
    box = page.locator("input[name=q]:visible").first
    box.fill(SEARCH_TERM)
    box.press("Enter")
    page.wait_for_url(f"**/search.html?q={quote(SEARCH_TERM)}*")
    page.wait_for_selector("#search-results ul.search li a", timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "book_search.png"))
    results = page.locator("#search-results ul.search li a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    lesson_hits = [h for h in hrefs if re.search(r"course/\d\d_", h or "")]
    assert lesson_hits, f"searching {SEARCH_TERM} found no lesson: {hrefs}"
    page.locator("#search-results ul.search li a", has_text=re.compile(r"第 \d\d 课")).first.click()
    page.wait_for_url(re.compile(r".*/course/\d\d_[^/]+\.html.*"))
    heading = page.locator("main h1").first.inner_text()
    assert re.match(r"第 \d\d 课", heading), f"landed on {heading!r}, not a lesson"
    assert SEARCH_TERM in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "book_lesson.png"))
    assert not page.errors, f"JavaScript errors: {page.errors}"
    assert not page.external, f"the book asked the network for {page.external[:5]}"


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.xdist_group("book")
def test_no_page_of_the_book_shows_missing_glyph_boxes(site, served, browser_page):
    page = browser_page
    pages = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith("_") and p != site / "index.html"
    )  # index.html only redirects to book/index.html
    checked = {}
    for path in pages:
        page.goto(f"{served}/{path}")
        result = find_tofu(page)
        assert result["controlAlike"], "the check cannot see missing glyphs in this browser"
        assert not result["tofu"], f"{path} shows missing-glyph boxes for {result['tofu']}"
        checked[path] = result["chars"]
    for name in LESSONS:
        assert checked[f"course/{name}.html"] > 100, f"{name}: its hanzi were not checked"
    assert not page.errors, f"JavaScript errors: {page.errors}"
    assert not page.external, f"the book asked the network for {page.external[:5]}"


@pytest.mark.slow
@pytest.mark.browser
def test_glyph_check_sees_characters_no_installed_font_has(browser_page):
    # The control: hanzi that no font on this machine covers must be reported, real ones not.
    missing = [
        chr(c)
        for c in range(0x9FF0, 0xA000)
        if subprocess.run(["fc-list", f":charset={c:x}"], capture_output=True, text=True).stdout
        == ""
    ][:2]
    assert len(missing) == 2, "no uncovered hanzi left to test the check with"
    browser_page.set_content(f"<p>产业互联网与直播带货 {''.join(missing)}</p>")
    result = find_tofu(browser_page)
    assert sorted(result["tofu"]) == sorted(missing)


@pytest.fixture(scope="module")
def axe_script(tmp_path_factory) -> Path:
    """axe-core from npm, installed into a folder of this test run."""
    folder = tmp_path_factory.mktemp("axe")
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder)]
        + [f"axe-core@{AXE_VERSION}"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"npm could not install axe-core:\n{done.stderr[-2000:]}"
    return folder / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.xdist_group("book")
def test_home_lesson_and_search_pages_pass_axe_core(served, browser_page, axe_script):
    page = browser_page
    pages = {
        "home": f"{served}/book/index.html",
        "lesson": f"{served}/course/{LESSONS[0]}.html",
        "search": f"{served}/search.html?q={quote(SEARCH_TERM)}",
    }
    for label, url in pages.items():
        page.goto(url)
        page.wait_for_load_state("load")
        if label == "search":
            page.wait_for_selector("#search-results ul.search li a", timeout=60_000)
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate("async () => await axe.run(document)")
        assert result["passes"], f"{label}: axe-core checked nothing"
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, f"{label} page: " + "; ".join(serious)
    assert not page.external, f"the book asked the network for {page.external[:5]}"
    # The control: an image without alt text is a critical violation axe-core must report.
    page.set_content('<html lang="zh"><body><main><img src="chart.png"></main></body></html>')
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("async () => await axe.run(document)")
    assert "image-alt" in {v["id"] for v in result["violations"] if v["impact"] == "critical"}
