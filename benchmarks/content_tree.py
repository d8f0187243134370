"""The generated sites that build.py and rebuild.py time.

One tree of N pages, written three ways: Hugo-style front matter for cameo
and for Hugo, Pelican's own metadata for bare Pelican. Pages are spread over
three sections, carry two tags each, and a third of them use TOML front
matter, the rest YAML.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("posts", "notes", "docs")

COMMON = """
SITENAME = "Benchmark"
SITEURL = ""
TIMEZONE = "UTC"
PATH = "content"
ARTICLE_PATHS = ["posts", "notes", "docs"]
PAGE_PATHS = ["pages"]
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""

# cameo's settings for a blog written for Hugo (docs/performance.md): the
# pages Hugo writes for the same tree (home, sections, tags) and no more.
# Sections already list their pages, so Pelican's category, author and
# archive pages, which Hugo does not have, are not written.
CAMEO = f"""
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
HUGO_FRONTMATTER = {{"hugo_urls": True}}
DIRECT_TEMPLATES = ["index", "tags", "404"]
CATEGORY_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
CAMEO_SITEMAP = False  # Hugo's build below has no sitemap either
"""

# Pelican as it comes, with its `simple` theme. The page menu is off: with it
# on, every page lists every page (see NOTES), which is not what we compare.
BARE = """
THEME = "simple"
PLUGINS = []
DISPLAY_PAGES_ON_MENU = False
"""

HUGO_CONFIG = """baseURL = "http://example.org/"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title>"
    '</head><body>{{ block "main" . }}{{ end }}</body></html>',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>'
    "{{ .Content }}{{ end }}",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>'
    '{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}'
    "</a></li>{{ end }}</ul>{{ end }}",
}


def page(number: int, hugo: bool, toml: bool) -> str:
    day = 1 + number % 28
    tags = [f"tag{number % 7}", f"topic{number % 13}"]
    body = (
        f"Paragraph {number} with *emphasis*, `code` and a "
        "[link](https://example.org).\n\n"
    ) * 6 + "## A heading\n\nMore text.\n"
    if not hugo:
        return (
            f"Title: Page {number}\nDate: 2024-01-{day:02d}\n"
            f"Tags: {', '.join(tags)}\nSummary: Page number {number}\n\n" + body
        )
    if toml:
        return (
            f'+++\ntitle = "Page {number}"\ndate = 2024-01-{day:02d}\n'
            f"tags = {tags!r}\n".replace("'", '"')
            + f'description = "Page number {number}"\n+++\n'
            + body
        )
    return (
        f"---\ntitle: Page {number}\ndate: 2024-01-{day:02d}\n"
        f"tags: [{', '.join(tags)}]\ndescription: Page number {number}\n---\n" + body
    )


def write_tree(folder: Path, pages: int, kind: str) -> None:
    """Write N pages for ``kind`` ("cameo", "bare" or "hugo") and its settings."""
    content = folder / "content"
    for number in range(pages):
        section = SECTIONS[number % len(SECTIONS)]
        text = page(number, hugo=kind != "bare", toml=number % 3 == 2)
        path = content / section / f"page-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    if kind == "hugo":
        (folder / "hugo.toml").write_text(HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            target = folder / "layouts" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    else:
        (folder / "content" / "pages").mkdir(exist_ok=True)
        settings = COMMON + (CAMEO if kind == "cameo" else BARE)
        (folder / "settings.py").write_text(settings)
