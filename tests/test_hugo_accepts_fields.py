"""Front matter as Hugo 0.111 takes it: every Hugo field, in odd shapes and
in any case, built by Hugo and by cameo.

Hypothesis writes a small Hugo site (a home page, a section whose
``_index.md`` may carry a cascade, a few pages) whose front matter gives
Hugo's fields values of every shape: text, numbers, booleans, null, empty
values, date-like text, lists of words, lists of maps, maps, keys in mixed
case (``Title``, ``DATE``). Where Hugo builds, cameo builds to the same pages
with the same titles; where Hugo stops, cameo stops with an error naming the
same file and a line. The examples Hypothesis once found failing are kept
as ``@example``\\ s.
"""

from __future__ import annotations

import json
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cameo_tools.errors import BuildError

from .conftest import MINIMAL_SETTINGS, build_site, examples, write_tree

SITE_TITLE = "S"
CONFIG = f'baseURL = "http://example.org/"\ntitle = "{SITE_TITLE}"\n'
SETTINGS = MINIMAL_SETTINGS
# Hugo writes no file for a page whose layout prints nothing (an empty
# title alone): these print the title inside <title>, as cameo's theme does.
LAYOUTS = {
    path: "<title>{{ .Title }}</title>"
    for path in (
        "layouts/_default/single.html",
        "layouts/_default/list.html",
        "layouts/index.html",
    )
}
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_HUGO_FILE = re.compile(r'"[^"]*/(content/[^":]+):\d+:\d+"')


# --- values of every shape ---------------------------------------------------

_WORDS = st.sampled_from(["alpha", "Beta Gamma", "x-y", "Ünï", "a, b"])
_SCALARS = st.one_of(
    _WORDS,
    st.sampled_from(["", " ", "true", "False", "t", "0", "1", "maybe", "3.0", "0x10"]),
    st.integers(-3, 3),
    st.sampled_from([1.5, -2.7, 1e3, 0.0]),
    st.booleans(),
    st.none(),
)
_DATE_TEXTS = st.sampled_from(
    [
        "2020-01-02",
        "2020-01-02T03:04:05Z",
        "2020-01-02T03:04:05+02:00",
        "2020-01-02 03:04:05",
        "2020-01-02 03:04",
        "2020-01-02T03:04",
        "02 Jan 2020",
        "January 2, 2020",
        "Mon, 02 Jan 2006 15:04:05 MST",
        "2999-01-01",
        "soon",
    ]
)
_MAPS = st.dictionaries(st.sampled_from(["a", "Src", "alt", "b"]), _SCALARS, max_size=2)
_ODD = st.one_of(
    _SCALARS,
    _DATE_TEXTS,
    st.lists(_SCALARS, max_size=3),
    st.lists(_MAPS, min_size=1, max_size=2),
    _MAPS,
    st.just([]),
    st.just({}),
)


def _unique(number: int) -> st.SearchStrategy:
    """Values for a field that places a page, kept apart for each page (two
    pages at one path is a clash, which Hugo settles silently)."""
    return st.sampled_from(
        [
            f"/u{number}/",
            f"u{number}",
            f"-s{number}-",
            f"a{number}/b",
            f"/old{number}/ /older{number}/",
            [f"/al{number}/", {"x": 1}],
            f"http://example.org/{number}/",
            [f"https://example.org/{number}/"],
            number + 10,
            None,
            [],
            {"a": 1},
        ]
    )


_BUILD = st.one_of(
    _ODD,
    st.dictionaries(
        st.sampled_from(["render", "list", "publishResources", "Render"]),
        st.one_of(
            st.sampled_from(["never", "NEVER", "link", "local", "always", "x", "0"]),
            _SCALARS,
            st.just([1]),
        ),
        max_size=2,
    ),
)
_CASCADE = st.one_of(
    _ODD,
    st.lists(
        st.fixed_dictionaries(
            {"title": _WORDS},
            optional={
                "_target": st.sampled_from([5, {"kind": 5}, {"path": [1]}, None]),
                "weight": _SCALARS,
            },
        ),
        max_size=2,
    ),
)

# Hugo's fields (as Hugo 0.111 reads front matter) and what each may hold.
FIELDS = {
    "title": st.one_of(_SCALARS, _ODD),
    "linkTitle": _ODD,
    "description": _ODD,
    "summary": _ODD,
    "translationKey": _ODD,
    "draft": _ODD,
    "headless": _ODD,
    "isCJKLanguage": _ODD,
    "weight": _ODD,
    "tags": _ODD,
    "categories": _ODD,
    "keywords": _ODD,
    "images": _ODD,
    "sitemap": st.one_of(_ODD, st.fixed_dictionaries({"priority": _SCALARS})),
    "_build": _BUILD,
    "type": _ODD,
    "layout": _ODD,
    "author": _ODD,
    "authors": _ODD,
    "date": st.one_of(_DATE_TEXTS, _ODD),
    "publishDate": st.one_of(_DATE_TEXTS, _ODD),
    "pubdate": _DATE_TEXTS,
    "published": st.one_of(_DATE_TEXTS, _ODD),
    "lastmod": st.one_of(_DATE_TEXTS, _ODD),
    "modified": _DATE_TEXTS,
    "expiryDate": st.one_of(_DATE_TEXTS, _ODD),
    "unpublishdate": _DATE_TEXTS,
    "markup": st.just("markdown"),
    "resources": _ODD,
    "outputs": st.just(["html"]),
    "favouriteColour": _ODD,  # a field Hugo does not know
}
PLACING = ("url", "slug", "aliases")


def _any_case(name: str) -> st.SearchStrategy:
    return st.sampled_from([name, name.lower(), name.upper(), name.capitalize()])


@st.composite
def _front(draw, number: int) -> dict:
    names = draw(
        st.lists(
            st.sampled_from(sorted(FIELDS) + list(PLACING)), max_size=4, unique=True
        )
    )
    front = {}
    for name in names:
        value = _unique(number) if name in PLACING else FIELDS[name]
        front[draw(_any_case(name))] = draw(value)
    if draw(st.booleans()) and not any(k.lower() == "title" for k in front):
        front["Title"] = f"Page {number}"
    return front


@st.composite
def sites(draw) -> dict:
    """A Hugo site: hugo.toml, the home page, a section, up to three pages
    and a leaf bundle."""
    pages = draw(st.integers(1, 3))
    files = {
        "hugo.toml": CONFIG,
        "content/_index.md": "---\ntitle: Home\n---\nHome\n",
    }
    section = {"title": "Posts"}
    if draw(st.booleans()):
        section[draw(_any_case("cascade"))] = draw(_CASCADE)
    files["content/posts/_index.md"] = _document(section, draw(st.booleans()))
    for number in range(pages):
        front = draw(_front(number))
        files[f"content/posts/p{number}.md"] = _document(front, draw(st.booleans()))
    if draw(st.booleans()):  # a leaf bundle, where headless means something
        front = draw(_front(9))
        files["content/posts/b/index.md"] = _document(front, draw(st.booleans()))
        files["content/posts/b/data.txt"] = "data\n"
    return files


def _document(front: dict, as_json: bool) -> str:
    if as_json:
        return json.dumps(front, indent=1) + f"\nBody of {len(front)}.\n"
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{text}---\nBody.\n"


# --- the two builds ----------------------------------------------------------


def _pages(root: Path) -> dict[str, str]:
    """Each written page (its path) and its title as the layout prints it."""
    found = {}
    for page in root.rglob("*.html"):
        text = page.read_text("utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # an alias
        found[page.relative_to(root).as_posix()] = text
    return found


def _hugo(hugo: str, root: Path, files: dict) -> tuple[dict[str, str], str | None]:
    """Hugo's pages and titles, or the file Hugo's error names."""
    write_tree(root, {**files, **LAYOUTS})
    done = subprocess.run(
        [hugo, "--source", str(root), "-d", str(root / "hugo")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode:
        named = _HUGO_FILE.search(done.stdout + done.stderr)
        return {}, named[1] if named else "?"
    pages = _pages(root / "hugo")
    return {
        path: unescape(_TITLE.search(text)[1]).strip() for path, text in pages.items()
    }, None


def _cameo(root: Path) -> dict[str, str]:
    (root / "fieldsite.py").write_text(SETTINGS, "utf-8")
    build_site(root / "content", root / "out", root / "fieldsite.py")
    pages = _pages(root / "out")
    titles = {}
    for path, text in pages.items():
        title = unescape(_TITLE.search(text)[1].strip())
        # cameo's <title> is "TITLE · S", or "S" for an untitled page
        titles[path] = "" if title == SITE_TITLE else title.removesuffix("· S").strip()
    return titles


def _compared(pages: dict[str, str]) -> dict[str, str]:
    """The pages both builds are held to: the content's own, with titles for
    the regular pages (list pages title themselves by their own rules), and
    without the theme's and Hugo's own extras (404, term lists)."""
    return {
        path: "" if path in ("index.html", "posts/index.html") else title
        for path, title in pages.items()
        if not path.startswith(("theme/", "cards/", "tags/", "categories/"))
        and path != "404.html"
    }


# The words of cameo's refusal of a path that would take a browser away.
_LEAVES_THE_SITE = "a browser would leave the site"


def _same_as_hugo(hugo: str, root: Path, files: dict) -> bool:
    """Whether Hugo built the site; cameo held to the same either way."""
    theirs, refused = _hugo(hugo, root, files)
    if refused:
        with pytest.raises(BuildError) as caught:
            _cameo(root)
        problems = caught.value.problems
        named = re.compile(rf"(.*/)?{re.escape(refused)}:\d+: ")
        assert any(named.match(problem) for problem in problems), (
            refused,
            problems,
        )
        return False
    try:
        ours = _cameo(root)
    except BuildError as stopped:
        # cameo's one deliberate refusal where Hugo builds: a url, slug or
        # alias a browser would take off the site (docs/security.md).
        assert stopped.problems, stopped.summary
        assert all(
            _LEAVES_THE_SITE in problem or not re.match(r".*:\d+: ", problem)
            for problem in stopped.problems
        ), stopped.problems
        return False
    assert _compared(ours) == _compared(theirs)
    return True


# --- the examples once found, and the generated ones -------------------------

FOUND = [
    # The issue's own: a theme's gallery reads images as maps.
    {
        "content/posts/p0.md": "---\ntitle: G\nimages:\n  - src: http://x.org/a.png\n---\n"
    },
    # A title of blanks is a title (the theme's <title> strips it).
    {"content/posts/p0.md": "---\nauthor: alpha\nauthors: alpha\ntitle: ' '\n---\n"},
    # A JSON number is a float to Hugo, so no date (YAML's 0 is 1970).
    {"content/posts/p0.md": '{"expiryDate": 0, "title": "J"}\nBody\n'},
    {"content/posts/p0.md": "---\nexpiryDate: 0\ntitle: Y\n---\nBody\n"},
]


@pytest.mark.hugo
@pytest.mark.parametrize("files", FOUND)
def test_found_examples_build_as_in_hugo(hugo, tmp_path, files):
    site = {"hugo.toml": CONFIG, "content/_index.md": "---\ntitle: Home\n---\n"}
    _same_as_hugo(hugo, tmp_path, {**site, **files})


@pytest.mark.hugo
@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sites())
def test_generated_front_matter_builds_as_in_hugo(hugo, tmp_path_factory, files):
    built = _same_as_hugo(hugo, tmp_path_factory.mktemp("fields"), files)
    event("Hugo builds" if built else "Hugo stops")
