"""What the cameo plugin hands the templates: the home page, sharing metadata
and JSON-LD, absolute addresses only, robots.txt, translations, sections."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import signals

from .conftest import HUGO_SETTINGS, MIGRATED_SETTINGS, ROOT, build_site, write_tree

SOCIAL = [("GitHub", "https://github.com/ann")]
TREE = {
    "_index.md": """
        ---
        title: Hello, I'm Ann.
        supertitle: Ann Example
        description: I grow beans.
        ---
        Welcome.
        """,
    "about.md": "---\ntitle: About\ndescription: Who Ann is.\n---\nMe.\n",
    "posts/first.md": "---\ntitle: First\ndate: 2024-01-02\n---\nA post.\n",
}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _build(tmp_path: Path, files: dict[str, str] = TREE, **settings) -> Path:
    content = write_tree(tmp_path / "content", files)
    output = tmp_path / "output"
    build_site(content, output, HUGO_SETTINGS, **settings)
    return output


def _sharing(soup: BeautifulSoup) -> dict[str, str]:
    return {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}


# Filled by the receiver below during a build: source path -> is_home.
_home_flags: dict[str, bool] = {}


def _record_home_flags(generators) -> None:
    context = generators[0].context
    for item in [*context["pages"], *context["articles"]]:
        _home_flags[item.relative_source_path] = item.is_home


def test_only_the_home_page_is_home(tmp_path):
    _home_flags.clear()
    signals.all_generators_finalized.connect(_record_home_flags)
    try:
        output = _build(
            tmp_path,
            SOCIAL=SOCIAL,
            DISPLAY_PAGES_ON_MENU=True,
            DISPLAY_CATEGORIES_ON_MENU=False,
        )
    finally:
        signals.all_generators_finalized.disconnect(_record_home_flags)
    assert _home_flags == {
        "_index.md": True,
        "about.md": False,
        "posts/first.md": False,
    }
    home, about = _soup(output / "index.html"), _soup(output / "about/index.html")
    post = _soup(output / "posts/first/index.html")
    assert home.select(".profile-links a") and not about.select(".profile-links")
    assert _sharing(home)["og:type"] == "profile"
    assert _sharing(about)["og:type"] == "website"
    assert _sharing(post)["og:type"] == "article"
    assert home.find("script", type="application/ld+json")
    assert not about.find("script", type="application/ld+json")
    # The menu lists the top pages but not the home page (the site name is).
    assert [a.get_text() for a in about.select(".menu a")] == ["About"]


def test_person_json_ld_is_data_that_cannot_end_the_script(tmp_path):
    files = {
        "_index.md": """
            ---
            title: Hi
            supertitle: "Ann &lt;/script&gt;&lt;script&gt;alert(1)"
            description: "Beans &lt;/script&gt; and peas"
            icon: {url: /images/ann.png, alt: Ann}
            ---
            Welcome.
            """,
    }
    content = write_tree(tmp_path / "content", files)
    (content / "images").mkdir()
    avatar = Path(__file__).resolve().parent.parent / "content/images/avatar.png"
    (content / "images" / "ann.png").write_bytes(avatar.read_bytes())
    output = tmp_path / "output"
    build_site(
        content, output, HUGO_SETTINGS, SITEURL="https://example.org", SOCIAL=SOCIAL
    )
    html = (output / "index.html").read_text("utf-8")
    assert html.count("<script") == 2  # the scheme script and the JSON-LD
    script = _soup(output / "index.html").find("script", type="application/ld+json")
    assert json.loads(script.string) == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Ann </script><script>alert(1)",
        "url": "https://example.org/",
        "image": "https://example.org/images/ann.png",
        "description": "Beans </script> and peas",
        "sameAs": ["https://github.com/ann"],
    }


def test_no_canonical_or_relative_sharing_urls_without_a_site_url(tmp_path):
    files = {**TREE, "about.md": "---\ntitle: About\nimages: [/a.png]\n---\nMe.\n"}
    output = _build(tmp_path, files)
    for page in ("index.html", "about/index.html", "posts/first/index.html"):
        soup = _soup(output / page)
        assert soup.find("link", rel="canonical") is None
        sharing = _sharing(soup)
        assert "og:url" not in sharing and "og:image" not in sharing
    person = json.loads(
        _soup(output / "index.html").find("script", type="application/ld+json").string
    )
    assert "url" not in person and "image" not in person
    # A sitemap lists absolute addresses only: none without SITEURL.
    assert not (output / "sitemap.xml").exists()
    assert (output / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_canonical_and_sharing_urls_are_absolute_with_a_site_url(tmp_path):
    files = {**TREE, "about.md": "---\ntitle: About\nimages: [/a.png]\n---\nMe.\n"}
    output = _build(tmp_path, files, SITEURL="https://example.org")
    for page, address in (
        ("index.html", "https://example.org/"),
        ("about/index.html", "https://example.org/about/"),
        ("posts/first/index.html", "https://example.org/posts/first/"),
    ):
        soup = _soup(output / page)
        assert soup.find("link", rel="canonical")["href"] == address
        assert _sharing(soup)["og:url"] == address
    about = _sharing(_soup(output / "about/index.html"))
    assert about["og:image"] == "https://example.org/a.png"
    assert "og:image:alt" not in about  # an avatar's alt is not this image's
    sitemap = (output / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://example.org/about/</loc>" in sitemap
    assert "<loc>/" not in sitemap


def test_robots_txt_comes_from_the_theme_template(tmp_path):
    output = _build(tmp_path / "plain", SITEURL="https://example.org")
    assert (output / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n"
    )
    # A site's own templates folder can replace it, as any template.
    templates = write_tree(
        tmp_path / "templates",
        {"robots.txt": "User-agent: *\nDisallow: /drafts/ & more\n"},
    )
    output = _build(
        tmp_path / "own",
        SITEURL="https://example.org",
        THEME_TEMPLATES_OVERRIDES=[str(templates)],
    )
    # Plain text, not HTML-escaped (Jinja drops the file's last newline).
    assert (output / "robots.txt").read_text() == (
        "User-agent: *\nDisallow: /drafts/ & more"
    )


def test_translations_are_read_once_for_all_generators(tmp_path, monkeypatch):
    from babel.messages import pofile

    for name, module in list(sys.modules.items()):
        if name.endswith("cameo.translations"):
            module.compiled.cache_clear()
    reads = []
    read_po = pofile.read_po

    def counting_read_po(*args, **kwargs):
        reads.append(args)
        return read_po(*args, **kwargs)

    monkeypatch.setattr(pofile, "read_po", counting_read_po)
    output = _build(tmp_path / "one", DEFAULT_LANG="zh-CN")
    assert _soup(output / "index.html").select_one(".skip-link").get_text() == (
        "跳到正文"
    )
    assert len(reads) == 1
    _build(tmp_path / "two", DEFAULT_LANG="zh")
    assert len(reads) == 1  # the same file, unchanged: not read again


@pytest.fixture(scope="module")
def sections(tmp_path_factory) -> Path:
    """A Hugo tree: a section with an _index.md, one without, a sub-section."""
    files = {
        "_index.md": "---\ntitle: Home\n---\nHi.\n",
        "posts/_index.md": "---\ntitle: Posts\n---\nMy posts.\n",
        "posts/one.md": "---\ntitle: One\ndate: 2024-01-01\n---\n1\n",
        "posts/two.md": "---\ntitle: Two\nlinkTitle: 2\ndate: 2024-02-02\n---\n2\n",
        "posts/sub/_index.md": "---\ntitle: Sub\n---\nA sub-section.\n",
        "notes/a.md": "---\ntitle: A note\ndate: 2024-03-03\n---\nA\n",
    }
    tmp_path = tmp_path_factory.mktemp("sections")
    content = write_tree(tmp_path / "content", files)
    output = tmp_path / "output"
    build_site(content, output, HUGO_SETTINGS)
    return output


def test_a_section_lists_its_pages_newest_first_with_dates(sections):
    items = _soup(sections / "posts" / "index.html").select(".dated-list li")
    assert [(li.time["datetime"][:10], li.a.get_text()) for li in items] == [
        ("2024-02-02", "2"),
        ("2024-01-01", "One"),
    ]
    assert [li.a["href"] for li in items] == ["/posts/two/", "/posts/one/"]


def test_a_section_without_index_lists_its_pages_undated(sections):
    # notes/ is not an article folder: its pages are pages, listed undated.
    items = _soup(sections / "notes" / "index.html").select(".dated-list li")
    assert [(li.time, li.a.get_text()) for li in items] == [(None, "A note")]


def test_the_avatars_sizes_are_the_width_the_stylesheet_shows_it_at():
    """images.py makes the avatar at 1x, 2x and 3x the width profile.css
    gives ``.avatar`` (a root font size of 16 px): one changed without the
    other would send a blurred or needlessly large picture."""
    from pelican.plugins.cameo import images

    css = (ROOT / "theme" / "static" / "css" / "profile.css").read_text("utf-8")
    rule = re.search(r"\n\.avatar \{([^}]*)\}", css)
    width = re.search(r"\bwidth: ([0-9.]+)rem;", rule.group(1))
    assert images.AVATAR_SIZES == f"{width.group(1)}rem"
    pixels = round(float(width.group(1)) * 16)
    assert images.AVATAR_WIDTHS == (pixels, 2 * pixels, 3 * pixels)


def test_a_language_named_by_emoji_codes_shows_its_own_name(tmp_path):
    # hugo-coder's example names its languages ":uk:" and ":brazil:" (its
    # theme shows flags): a flag names a country, not a language, and the
    # code would be read out as it is, so the switch names each language.
    config = (
        'baseURL = "https://example.org/"\ntitle = "Site"\nlanguageCode = "en"\n'
        '[languages.en]\nlanguageName = ":uk:"\n'
        '[languages.pt-br]\nlanguageName = ":brazil:"\nweight = 2\n'
        '[languages.fr]\nlanguageName = "Français de France"\nweight = 3\n'
    )
    files = {
        "hugo.toml": config,
        "cameoconf.py": MIGRATED_SETTINGS,
        "content/about.md": "---\ntitle: About\n---\nHi.\n",
        "content/about.pt-br.md": "---\ntitle: Sobre\n---\nOi.\n",
        "content/about.fr.md": "---\ntitle: À propos\n---\nSalut.\n",
    }
    site = write_tree(tmp_path / "site", files)
    build_site(site, tmp_path / "out", site / "cameoconf.py")
    soup = BeautifulSoup(
        (tmp_path / "out" / "about" / "index.html").read_text("utf-8"), "html.parser"
    )
    switch = [(a["lang"], a.get_text()) for a in soup.select("nav.languages a")]
    # pt-br has no code of its own: the top-level "en" is not taken for it.
    assert sorted(switch) == [
        ("fr", "Français de France"),
        ("pt-br", "Português (Brasil)"),
    ]
    assert soup.html["lang"] == "en"
