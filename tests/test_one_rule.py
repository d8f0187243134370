"""One rule, one place (issue 14, point 5): both plugins judge a link with
the same function, name a file the same way, and take a key's line from the
front matter parser rather than searching the file again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cameo_tools.errors import BuildError
from pelican.plugins.cameo import theme_support
from pelican.plugins.hugo_frontmatter.content import urls
from pelican.plugins.hugo_frontmatter.content.fields import to_pelican
from pelican.plugins.hugo_frontmatter.content.frontmatter import (
    FrontMatterError,
    split,
)
from pelican.plugins.hugo_frontmatter.content.source import Source

from .conftest import build_site, write_tree

# (URL, allowed as a link, allowed as an image)
URLS = [
    ("javascript:alert(1)", False, False),
    ("JaVaScRiPt:alert(1)", False, False),
    ("  javascript:alert(1)", False, False),
    ("java\nscript:alert(1)", False, False),
    ("java\tscript:alert(1)", False, False),
    ("\x01javascript:alert(1)", False, False),
    ("data:text/html,<script>alert(1)</script>", False, False),
    ("vbscript:msgbox(1)", False, False),
    ("javascript%3Aalert(1)", False, False),
    ("%6Aavascript:alert(1)", False, False),
    ("javascript&#58;alert(1)", False, False),
    ("&#106;avascript:alert(1)", False, False),
    ("&#x6A;avascript&colon;alert(1)", False, False),
    ("//evil.example/a.png", False, False),
    ("/\\evil.example/a.png", False, False),
    ("/%2f/evil.example/a.png", False, False),
    ("https:evil.example", False, False),
    ("http://[evil.example", False, False),
    ("https://evil.example\\@good.example/", False, False),
    ("mailto:", False, False),
    ("https://example.org/a.png?size=2&v=1", True, True),
    ("HTTP://example.org/", True, True),
    ("mailto:me@example.org", True, False),
    ("tel:+15550100", True, False),
    ("/images/me.png", True, True),
    ("images/me.png", True, True),
    ("../me.png", True, True),
    ("/caf%C3%A9/me.png", True, True),
    ("#top", True, True),
]
IDS = [repr(url) for url, _, _ in URLS]


@pytest.mark.parametrize(("url", "link", "image"), URLS, ids=IDS)
def test_one_rule_judges_every_url(url, link, image):
    assert urls.is_safe_link(url) is link
    assert urls.is_safe_link(url, urls.WEB_SCHEMES) is image


@pytest.mark.parametrize(("url", "link", "image"), URLS, ids=IDS)
def test_the_theme_plugin_judges_social_links_by_the_rule(url, link, image):
    settings = {"SOCIAL": [("Link", url)]}
    if link:
        theme_support.check_social(settings)
    else:
        with pytest.raises(ValueError, match="SOCIAL entry 'Link'"):
            theme_support.check_social(settings)


@pytest.mark.parametrize(("url", "link", "image"), URLS, ids=IDS)
def test_the_hugo_plugin_judges_images_and_icons_by_the_rule(url, link, image):
    for field in (f"images: [{json.dumps(url)}]", f"icon:\n  url: {json.dumps(url)}"):
        front = split(f"---\ntitle: T\n{field}\n---\n", "content/page.md")
        source = Source("content/page.md", "page.md")
        if image:
            to_pelican(front, source, {}, lambda name, value: value)
        else:
            with pytest.raises(FrontMatterError, match=r"^content/page.md:3: "):
                to_pelican(front, source, {}, lambda name, value: value)


def _failed_build(content: Path) -> list[str]:
    with pytest.raises(BuildError) as caught:
        build_site(content, content.parent / "output")
    return caught.value.problems


def test_unsafe_link_and_icon_url_stop_a_real_build(tmp_path, monkeypatch):
    """The Hugo plugin refuses the page's image link and icon, at the line
    the parser gave."""
    monkeypatch.chdir(tmp_path)
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": (
                '---\ntitle: Home\nicon:\n  url: "java\\nscript:alert(1)"\n---\nHi\n'
            ),
            "a.md": '---\ntitle: A\nimages: ["JaVaScRiPt:alert(1)"]\n---\nA\n',
        },
    )
    problems = _failed_build(content)
    assert any(
        problem.startswith("content/a.md:3: 'images' must be a list of image paths")
        for problem in problems
    ), problems
    assert any(
        problem.startswith(
            "content/_index.md:3: 'icon' must be a mapping whose 'url' is a path "
            "or an http(s) URL"
        )
        for problem in problems
    ), problems
    assert not (tmp_path / "output").exists()


MISSING = (
    "icon.url '/images/nope.png' names content/images/nope.png, which does not "
    "exist; put the image there or correct the path (a file under "
    "content/images/ is /images/nope.png)"
)


@pytest.mark.parametrize(
    ("page", "line"),
    [
        (  # the same text on an earlier line; the key after 'alt'
            "---\ntitle: T\ndescription: /images/nope.png\nicon:\n  alt: A\n"
            "  url: /images/nope.png\n---\nHi\n",
            6,
        ),
        (  # written with escapes: the text is nowhere in the file
            '---\ntitle: T\nicon:\n  alt: A\n  url: "\\x2fimages/nope.png"\n---\n',
            5,
        ),
        (  # a TOML table
            '+++\ntitle = "T"\ndescription = "/images/nope.png"\n\n[icon]\n'
            'alt = "A"\nurl = "/images/nope.png"\n+++\nHi\n',
            7,
        ),
        (  # a TOML dotted key
            '+++\ntitle = "T"\nicon.alt = "A"\nicon.url = "/images/nope.png"\n+++\n',
            4,
        ),
        (  # JSON: the parser gives no lines; a nested key has its holder's
            '{\n  "title": "T",\n  "icon": {\n    "url": "/images/nope.png"\n  }\n}\n',
            3,
        ),
    ],
    ids=["yaml", "yaml_escaped", "toml_table", "toml_dotted", "json"],
)
def test_icon_url_errors_name_the_line_the_parser_gave(
    tmp_path, monkeypatch, page, line
):
    monkeypatch.chdir(tmp_path)
    content = write_tree(tmp_path / "content", {"_index.md": page})
    assert f"content/_index.md:{line}: {MISSING}" in _failed_build(content)


@pytest.mark.parametrize("inside", [True, False], ids=["below", "outside"])
def test_both_plugins_show_a_file_the_same_way(tmp_path, monkeypatch, inside):
    """Relative to the working folder when the file is below it, else whole."""
    content = write_tree(
        tmp_path / "site" / "content",
        {
            "_index.md": "---\ntitle: T\nicon:\n  url: /images/nope.png\n---\n",
            # A url with a protocol: Hugo stops there too.
            "bad.md": "---\ntitle: B\nurl: https://x.example/\n---\n",
        },
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(tmp_path / "site" if inside else elsewhere)
    shown = "content" if inside else str(content)
    problems = _failed_build(content)
    theme = f"{shown}/_index.md:4: icon.url '/images/nope.png' names "
    hugo = f"{shown}/bad.md:3: 'url' must be a path inside the site"
    assert any(problem.startswith(theme) for problem in problems), problems
    assert any(problem.startswith(hugo) for problem in problems), problems
    assert f"names {shown}/images/nope.png, which does not exist" in "\n".join(problems)
