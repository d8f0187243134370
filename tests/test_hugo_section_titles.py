"""A section without ``_index.md`` is titled as Hugo 0.111 titles it: its
folder's name as written, first letter upper-cased, in the plural unless
``pluralizeListTitles = false``. Compared with Hugo on generated names."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import build_site, examples, hugo_build, write_tree

# Names sites give their sections, in the cases and spellings people use.
# Hugo pluralizes with Go's flect, and so does cameo (hugo_templates'
# inflect, flect's word lists and rules), rare words and names in capitals
# included (flect writes the suffix it swaps in lower case: STORY, STOries).
WORDS = (
    "post", "blog", "article", "news", "project", "talk", "note", "paper",
    "publication", "doc", "guide", "tutorial", "recipe", "photo", "gallery",
    "event", "series", "story", "category", "person", "child", "status",
    "analysis", "index", "quiz", "bus", "city", "day", "leaf", "wife",
    "life", "half", "sheep", "data", "media", "matrix", "vertex", "crisis",
    "mouse", "portfolio", "video", "podcast", "book", "study", "library",
    "cactus", "foot", "ox", "octopus", "criterion", "thesis", "goose",
)  # fmt: skip
NAMES = st.builds(
    lambda word, shape, extra: shape(word) + extra,
    st.sampled_from(WORDS),
    st.sampled_from((str, str.capitalize, str.upper)),
    st.sampled_from(("", "-notes", "_item", " stuff", "2")),
)


def _titles(root: Path, sections: list[str]) -> dict[str, str]:
    """Each section page's title: Hugo's layouts print only the title,
    cameo's theme heads the page with it."""
    found = {}
    for name in sections:
        path = root / name.lower().replace(" ", "-") / "index.html"
        if path.is_file():
            soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            found[name] = (soup.h1 or soup).get_text(strip=True)
    return found


def _compare(hugo: str, sections: list[str], pluralize: bool) -> None:
    config = 'baseURL = "https://example.org/"\ntitle = "Site"\n'
    if not pluralize:
        config += "pluralizeListTitles = false\n"
    files = {"hugo.toml": config}
    for name in sections:
        files[f"content/{name}/page.md"] = "---\ntitle: A page\n---\nText.\n"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        theirs = _titles(hugo_build(hugo, root, files), sections)
        write_tree(root, files)
        build_site(
            root / "content",
            root / "cameo",
            HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
        )
        ours = _titles(root / "cameo", sections)
    assert theirs and ours == theirs


@pytest.mark.hugo
@settings(
    max_examples=examples(12),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    sections=st.lists(NAMES, min_size=1, max_size=6, unique_by=str.lower),
    pluralize=st.booleans(),
)
def test_section_titles_are_hugos_for_generated_names(hugo, sections, pluralize):
    _compare(hugo, sections, pluralize)


@pytest.mark.hugo
def test_a_section_title_keeps_its_folders_spelling(hugo):
    _compare(hugo, ["post", "my-notes", "Person", "analysis", "box_set"], True)
