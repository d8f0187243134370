"""Lists are paged as Hugo 0.111 pages them for a theme that paginates:
``paginate`` entries a page (10 when the config has none; the ``pagination``
table of later Hugo is not read by 0.111), pages 2 onwards at
``page/N/``, and ``page/1/`` a redirect to the list. A term's list of
pages, a section's, the home page's (the main sections' pages) and a
taxonomy's list of terms (newest term first), in every language. Compared
with Hugo, on generated sites."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cameo_tools.errors import BuildError

from .conftest import (
    MIGRATED_SETTINGS,
    ROOT,
    build_site,
    examples,
    hugo_build,
    write_tree,
)

# A list layout that asks for a paginator, as a theme's does (Hugo writes a
# list's page/N/ only then); the single layout prints the title.
LAYOUTS = {
    "layouts/_default/single.html": "{{ .Title }}",
    "layouts/_default/list.html": "{{ .Title }}{{ range .Paginator.Pages }}{{ end }}",
    "layouts/index.html": "{{ .Title }}",
}
PAGED = re.compile(r"^tags/[^/]+/page/\d+/index\.html$")
REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')

PAGE_SIZES = st.one_of(
    st.just(""),
    st.integers(1, 7).map(lambda size: f"paginate = {size}\n"),
    st.integers(1, 7).map(lambda size: f"[pagination]\npagerSize = {size}\n"),
)


def _paged(root: Path) -> dict[str, str]:
    """Each page/N/ file of a term: the redirect's target for page/1/, else
    "page"."""
    found = {}
    for path in root.rglob("index.html"):
        relative = path.relative_to(root).as_posix()
        if PAGED.match(relative):
            target = REFRESH.search(path.read_text("utf-8"))
            found[relative] = (
                target[1].removeprefix("https://example.org") if target else "page"
            )
    return found


def _compare(hugo: str, posts: int, page_size: str) -> None:
    config = f'baseURL = "https://example.org/"\ntitle = "Site"\n{page_size}'
    files = {"hugo.toml": config}
    for number in range(posts):
        files[f"content/posts/p{number}.md"] = (
            f"---\ntitle: P{number}\ndate: 2024-01-{number + 1:02}\n"
            "tags: [go]\n---\nText.\n"
        )
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        theirs = _paged(hugo_build(hugo, root, files, LAYOUTS))
        write_tree(root, {**files, "cameoconf.py": MIGRATED_SETTINGS})
        build_site(root, root / "cameo", root / "cameoconf.py")
        ours = _paged(root / "cameo")
    assert "tags/go/page/1/index.html" in theirs
    assert ours == theirs


@pytest.mark.hugo
@settings(
    max_examples=examples(10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(posts=st.integers(1, 25), page_size=PAGE_SIZES)
def test_term_pages_are_paged_as_hugo_pages_them(hugo, posts, page_size):
    _compare(hugo, posts, page_size)


@pytest.mark.hugo
def test_hugos_later_pagination_table_is_not_read(hugo):
    _compare(hugo, 12, "[pagination]\npagerSize = 5\n")


# --- every list a theme pages (F15) -----------------------------------------
#
# benchmarks/hugo_parity.py's layouts page every list as a typical theme's
# do (the home page through the main sections' regular pages, every other
# list through its own pages); here each also prints the address of every
# entry of the page, so that both sides' pages can be compared entry by
# entry, not only by path.


def _parity_layouts() -> dict[str, str]:
    """The parity script's layouts, each paged list printing its entries."""
    if "hugo_parity" not in sys.modules:
        spec = importlib.util.spec_from_file_location("hugo_parity", PARITY_SCRIPT)
        module = importlib.util.module_from_spec(spec)
        sys.modules["hugo_parity"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    parity = sys.modules["hugo_parity"]
    entry = '<a class="entry" href="{{ .RelPermalink }}"></a>'
    layouts = {}
    for name, text in parity.LAYOUTS.items():
        for paged in (parity.PAGINATE_LIST, parity.PAGINATE_HOME):
            text = text.replace(paged, paged.replace("{{ end }}", entry + "{{ end }}"))
        layouts[f"layouts/{name}"] = text
    return layouts


PARITY_SCRIPT = ROOT / "benchmarks" / "hugo_parity.py"
PARITY_LAYOUTS = _parity_layouts()
SECTIONS = ("posts", "notes", "docs")
TAGS = [f"t{number}" for number in range(12)]
CATEGORIES = ["c0", "c1", "c2"]
SERIES = ["s0", "s1"]
KIND = re.compile(r'<meta name="parity-kind" content="(\w+)')
HUGO_ENTRY = re.compile(r'<a class="entry" href="([^"]*)"')
# cameo's entries: a section's pages, a list's posts, a list's terms.
CAMEO_ENTRY = re.compile(
    r'(?:<li class="h-entry">(?:<time[^>]*>[^<]*</time> )?<a class="p-name u-url" '
    r'|<h2><a class="p-name u-url" |<li><a (?=[^>]*>[^<]*</a> <span class="count">))'
    r'href="https://example\.org([^"]*)"'
)
# The lists whose entries are compared, by Hugo's kind of page.
LISTS = ("home", "section", "taxonomy", "term")


@dataclass
class PagedSite:
    """A Hugo site with sections, terms and languages, as files."""

    files: dict[str, str]
    languages: int


@st.composite
def paged_sites(draw) -> PagedSite:
    languages = draw(st.integers(1, 2))
    page_size = draw(
        st.one_of(st.just(""), st.integers(1, 7).map("paginate = {}\n".format))
    )
    config = 'baseURL = "https://example.org/"\ntitle = "Site"\n' + page_size
    config += '[taxonomies]\ntag = "tags"\ncategory = "categories"\nseries = "series"\n'
    if languages == 2:
        config = 'defaultContentLanguage = "en"\n' + config
        config += "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
    files = {"hugo.toml": config}
    counts: Counter = Counter()
    if draw(st.booleans()):
        files["content/_index.md"] = "---\ntitle: Home\n---\nWelcome.\n"
    for section in draw(
        st.lists(st.sampled_from(SECTIONS), min_size=1, max_size=2, unique=True)
    ):
        if draw(st.booleans()):
            files[f"content/{section}/_index.md"] = f"---\ntitle: {section} list\n---\n"
        for number in range(draw(st.integers(0, 25))):
            fields = {
                "title": f"{section[0].upper()}{number}",
                "tags": draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True)),
                "categories": draw(st.lists(st.sampled_from(CATEGORIES), max_size=1)),
                "series": draw(st.lists(st.sampled_from(SERIES), max_size=1)),
            }
            day = draw(st.one_of(st.none(), st.integers(1, 28)))
            if day is not None:
                fields["date"] = f"2024-02-{day:02}"
            files[f"content/{section}/p{number}.md"] = _page(fields)
            counts[("en", section)] += 1
            if languages == 2 and draw(st.booleans()):
                fields["tags"] = draw(st.lists(st.sampled_from(TAGS), max_size=2))
                files[f"content/{section}/p{number}.fr.md"] = _page(fields)
                counts[("fr", section)] += 1
    # Hugo 0.111 takes any of the busiest sections of a language as its main
    # section (a Go map's order): never two.
    for lang in ("en", "fr"):
        sizes = sorted((n for (on, _), n in counts.items() if on == lang), reverse=True)
        assume(len(sizes) < 2 or sizes[0] != sizes[1])
    return PagedSite(files=files, languages=languages)


def _page(fields: dict) -> str:
    lines = [f"{key}: {json.dumps(value)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\nText.\n"


def _outputs(root: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each HTML page (path -> the entries a paged list shows, [] for any
    other page) and each redirect (path -> its target, as a path)."""
    pages, redirects = {}, {}
    for path in root.rglob("*.html"):
        relative = path.relative_to(root).as_posix()
        text = path.read_text("utf-8")
        target = REFRESH.search(text)
        if target:
            redirects[relative] = target[1].removeprefix("https://example.org")
        else:
            pages[relative] = text
    return pages, redirects


def _hugo_entries(text: str) -> list[str]:
    return HUGO_ENTRY.findall(text)


def _cameo_entries(text: str) -> list[str]:
    main = text[text.find("<main") : text.find("</main>")]
    return CAMEO_ENTRY.findall(main)


def _compare_paged(hugo: str, site: PagedSite) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        theirs, their_redirects = _outputs(
            hugo_build(hugo, root, site.files, PARITY_LAYOUTS)
        )
        write_tree(root, {"cameoconf.py": MIGRATED_SETTINGS})
        build_site(root, root / "cameo", root / "cameoconf.py")
        ours, our_redirects = _outputs(root / "cameo")
    extra, missing = sorted(ours.keys() - theirs), sorted(theirs.keys() - ours)
    assert (extra, missing) == ([], [])
    assert our_redirects == their_redirects
    for path, text in theirs.items():
        kind = KIND.search(text)
        if kind and kind[1] in LISTS:
            assert (path, _cameo_entries(ours[path])) == (path, _hugo_entries(text))


@pytest.mark.hugo
@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(site=paged_sites())
def test_every_list_is_paged_as_hugo_pages_it(hugo, site):
    """Sections, the home page and every list of terms, in one or two
    languages: the same pages (page/N/ included) and redirects (page/1/) as
    Hugo's with a theme that pages its lists, and the same entries on each
    page of a section's and a taxonomy's list."""
    _compare_paged(hugo, site)


def test_a_page_at_a_later_page_of_a_list_is_a_clash_named_by_its_file(tmp_path):
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "S"\npaginate = 1\n',
        "content/x.md": "---\ntitle: X\nurl: /posts/page/2/\n---\nX\n",
        "cameoconf.py": MIGRATED_SETTINGS,
    }
    for number in range(3):
        files[f"content/posts/p{number}.md"] = f"---\ntitle: P{number}\n---\nP\n"
    write_tree(tmp_path, files)
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path, tmp_path / "out", tmp_path / "cameoconf.py")
    assert any(
        line.endswith(
            "content/x.md:3: writes posts/page/2/index.html, which page 2 of the "
            "list /posts/ writes too; give the page another url or slug"
        )
        for line in caught.value.problems
    ), caught.value.problems
