"""``ref`` and ``relref`` as Hugo 0.111 resolves them (``refs``): beside the
page (a bundle beside its folder), from the content root, sections, bundles,
``_index.md``, taxonomies and terms, a bare name across the content (two
pages of one name: an error), languages, output formats, ``/``, a fragment
alone; a target Hugo finds nothing for stops the build with file:line, or,
with ``refLinksErrorLevel = "warning"``, gives ``refLinksNotFoundURL``.

Each case builds the same tree with Debian's hugo and with cameo, and
compares the ``href`` each writes for every target; Hypothesis writes trees
and targets of its own."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cameo_tools.build import BuildError

from .conftest import build_site, write_tree

pytestmark = pytest.mark.hugo

NOT_FOUND = "/ref-not-found/"
CONFIG = f"""
baseURL = "https://example.org/sub/"
title = "Refs"
refLinksErrorLevel = "WARNING"
refLinksNotFoundURL = "{NOT_FOUND}"
"""
LAYOUTS = {
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ .Content }}",
}
_LINK = re.compile(r"r\d+")


def _page(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\n{extra}---\n"


def _links(refs: list[str]) -> str:
    """One Markdown link a target, each target with ref and with relref."""
    return "".join(
        f'[r{2 * i}]({{{{< ref "{t}" >}}}}) [r{2 * i + 1}]({{{{< relref "{t}" >}}}})\n\n'
        for i, t in enumerate(refs)
    )


def _hrefs(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {
        a.get_text(): a.get("href", "")
        for a in soup.find_all("a")
        if _LINK.fullmatch(a.get_text())
    }


def _output_of(path: str) -> str:
    """Where a content file's page goes (the tests use Hugo's defaults)."""
    folder, name = path.rsplit("/", 1) if "/" in path else ("", path)
    stem = name.split(".")[0]
    parts = [p for p in folder.split("/") if p]
    if stem not in ("index", "_index"):
        parts.append(stem)
    return "/".join(p.lower() for p in [*parts, "index.html"])


def compare(
    root: Path,
    hugo: str,
    files: dict[str, str],
    callers: dict[str, list[str]],
    config: str = CONFIG,
) -> None:
    """Build ``files`` with the targets of ``callers`` (page -> targets) in
    their bodies with Hugo and cameo: the same href for each target."""
    files = dict(files)
    for caller, refs in callers.items():
        files[caller] = files[caller] + _links(refs)
    write_tree(
        root,
        {
            "hugo.toml": config,
            **{f"content/{name}": text for name, text in files.items()},
            **LAYOUTS,
        },
    )
    subprocess.run(
        [hugo, "--quiet", "-s", str(root), "-d", str(root / "hugo")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    build_site(
        root / "content",
        root / "out",
        HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
    )
    for caller, refs in callers.items():
        page = _output_of(caller)
        want = _hrefs((root / "hugo" / page).read_text(encoding="utf-8"))
        got = _hrefs((root / "out" / page).read_text(encoding="utf-8"))
        table = {
            f"{'ref' if n % 2 == 0 else 'relref'} {refs[n // 2]!r}": (
                want.get(f"r{n}"),
                got.get(f"r{n}"),
            )
            for n in range(2 * len(refs))
        }
        differ = {k: v for k, v in table.items() if v[0] != v[1]}
        assert not differ, f"{caller}: (hugo, cameo) {differ}"


TREE = {
    "_index.md": _page("Home"),
    "posts/_index.md": _page("Posts"),
    "posts/a.md": _page("A", "tags: [Python Tips, configuration]\n"),
    "posts/MyPage.md": _page("MyPage"),
    "posts/bund/index.md": _page("Bund"),
    "posts/bund/notes.md": _page("Resource"),
    "docs/configuration.md": _page("Conf"),
    "docs/sub/page.md": _page("Sub"),
    "docs/deep/_index.md": _page("Deep"),
    "docs/deep/page2.md": _page("Deep page"),
    "about/index.md": _page("About"),
    "docs/dup.md": _page("Dup 1"),
    "posts/dup.md": _page("Dup 2"),
    "posts/draftpage.md": _page("Draft", "draft: true\n"),
    "docs/sub/a.md": _page("A draft", "draft: true\n"),
    "posts/caller.md": _page("Caller"),
    "posts/bc/index.md": _page("Bundle caller"),
}
TARGETS = """/ #frag posts posts/ /posts /posts/ posts/_index.md posts/_index
/posts/_index.md a a.md posts/a posts/a.md /posts/a.md /posts/a/ posts/a.md#x
mypage MyPage posts/MyPage.md posts/mypage bund bund/index.md posts/bund
posts/bund/index.md /posts/bund/ notes configuration docs/configuration sub/page
docs/sub/page page docs/sub docs/deep deep docs/deep/page2 page2 about
about/index.md dup posts/dup ./a ../a ./bund ../posts/a ../../../posts/a tags
tags/python-tips python-tips /tags/python-tips /tags draftpage nothing
posts/nothing a.en.md _index.md index.md Configuration a.MD""".split()


def test_refs_resolve_as_in_hugo(tmp_path, hugo):
    compare(
        tmp_path,
        hugo,
        TREE,
        {
            "posts/caller.md": TARGETS,
            "posts/bc/index.md": TARGETS,
            "docs/deep/_index.md": TARGETS,
        },
    )
