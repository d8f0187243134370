"""A term's list is paged as Hugo 0.111 pages it for a theme that paginates:
``paginate`` posts a page (10 when the config has none; the ``pagination``
table of later Hugo is not read by 0.111), pages 2 onwards at
``page/N/``, and ``page/1/`` a redirect to the list. Compared with Hugo."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import MIGRATED_SETTINGS, build_site, examples, hugo_build, write_tree

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
