"""Social cards: every page without an image of its own shares a 1200 x 630
PNG card that is in the output, small, the same bytes from build to build,
named by what it shows; Chinese titles are drawn in a font that has them,
never as boxes; CAMEO_SOCIAL_CARDS = False turns them off."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from .conftest import HUGO_SETTINGS, ROOT, build_site, missing, write_tree

SITE = "https://example.org"
AVATAR = (ROOT / "content" / "images" / "avatar.png").read_bytes()
CHINESE = "机器学习笔记"
TREE = {
    "_index.md": """
        ---
        title: Hello, I'm Ann.
        supertitle: Ann Example
        icon:
          url: /images/avatar.png
          alt: Ann's face
        ---
        Welcome.
        """,
    "images/avatar.png": AVATAR,
    "about.md": "---\ntitle: About Ann\n---\nMe.\n",
    "garden.md": "---\ntitle: Garden\nimages: [/images/avatar.png]\n---\nBeans.\n",
    "posts/first.md": "---\ntitle: First post\ndate: 2024-01-02\n---\nA post.\n",
}


def _build(folder: Path, files: dict = TREE, **settings) -> Path:
    content = write_tree(folder / "content", files)
    output = folder / "output"
    settings.setdefault("CACHE_PATH", str(folder / "cache"))
    build_site(content, output, HUGO_SETTINGS, SITEURL=SITE, **settings)
    return output


def _meta(output: Path, page: str) -> dict[str, str]:
    soup = BeautifulSoup((output / page).read_text("utf-8"), "html.parser")
    found = {}
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found[key] = meta["content"]
    return found


def _card_file(output: Path, page: str) -> Path:
    address = _meta(output, page)["og:image"]
    assert address.startswith(f"{SITE}/cards/")
    return output / address.removeprefix(f"{SITE}/")


def _chinese_font(folder: Path, characters: str) -> Path:
    """A TrueType font with a glyph (a box with its own bars) for each of
    ``characters`` and a space; nothing else."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = {ord(ch): f"g{ord(ch):x}" for ch in characters}
    builder = FontBuilder(1000, isTTF=True)
    order = [".notdef", "space", *names.values()]
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({32: "space", **names})
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        if name not in (".notdef", "space"):
            bars = int(name[1:], 16) % 5 + 1
            for bar in range(bars):
                top = 100 + bar * 160
                pen.moveTo((100, top))
                pen.lineTo((100, top + 100))
                pen.lineTo((900, top + 100))
                pen.lineTo((900, top))
                pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 0) for name in order})
    builder.setupHorizontalHeader(ascent=900, descent=-100)
    builder.setupNameTable({"familyName": "Test Han", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=900, sTypoDescender=-100, usWinAscent=900)
    builder.setupPost()
    path = folder / "han.ttf"
    builder.save(str(path))
    return path


def _latin_font() -> str:
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", "sans-serif"], capture_output=True, text=True
    ).stdout
    if not found:
        missing("fontconfig finds no sans-serif font")
    return found


def test_every_page_without_an_image_shares_a_card(tmp_path):
    output = _build(tmp_path)
    for page in ("about/index.html", "posts/first/index.html"):
        meta = _meta(output, page)
        card = _card_file(output, page)
        assert card.stat().st_size < 100_000
        with Image.open(card) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
            assert not image.info.keys() - {"transparency"}  # no text chunks
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:image:alt"].endswith("(Hugo fixture)")
    assert _meta(output, "about/index.html")["og:image:alt"].startswith("About Ann")
    # A page with its own image keeps it; the profile's card shows its avatar.
    garden = _meta(output, "garden/index.html")
    assert garden["og:image"] == f"{SITE}/images/avatar.png"
    assert garden["twitter:card"] == "summary"
    assert "og:image:width" not in garden
    home = _meta(output, "index.html")
    assert home["og:image"].startswith(f"{SITE}/cards/")
    assert home["twitter:card"] == "summary_large_image"
    # Three pages, three cards: nothing else in the folder.
    assert len(list((output / "cards").iterdir())) == 3


def test_a_card_is_drawn_once_and_renamed_when_its_title_changes(tmp_path):
    output = _build(tmp_path)
    card = _card_file(output, "about/index.html")
    cached = tmp_path / "cache" / "cameo-cards" / card.name
    drawn_at = cached.stat().st_mtime_ns
    # The same inputs: the same name, and the cached card is not drawn again.
    output = _build(tmp_path)
    assert _card_file(output, "about/index.html") == card
    assert cached.stat().st_mtime_ns == drawn_at
    changed = {**TREE, "about.md": "---\ntitle: About Ann, again\n---\nMe.\n"}
    output = _build(tmp_path, changed)
    renamed = _card_file(output, "about/index.html")
    assert renamed.name != card.name
    assert _card_file(output, "posts/first/index.html").exists()


def test_a_home_without_a_photo_shares_a_card_but_no_person_image(tmp_path):
    """A drawn card is no picture of the person: the home page's JSON-LD
    Person gets no ``image`` from it; an untitled page's alt says the site's
    name once."""
    import json

    tree = {"_index.md": "---\ndescription: A site.\n---\nWelcome.\n"}
    output = _build(tmp_path, tree, SITENAME="Ann's notes")
    meta = _meta(output, "index.html")
    assert meta["og:image"].startswith(f"{SITE}/cards/")
    assert meta["og:image:alt"] == "Ann's notes"
    soup = BeautifulSoup((output / "index.html").read_text("utf-8"), "html.parser")
    people = [
        json.loads(script.string)
        for script in soup.find_all("script", type="application/ld+json")
    ]
    person = next(p for p in people if p.get("@type") == "Person")
    assert "image" not in person, person


def test_social_cards_off_gives_no_card(tmp_path):
    output = _build(tmp_path, CAMEO_SOCIAL_CARDS=False)
    assert not (output / "cards").exists()
    meta = _meta(output, "about/index.html")
    assert "og:image" not in meta and meta["twitter:card"] == "summary"
    # The profile's own image is the same either way.
    assert _meta(output, "index.html")["og:image"] == f"{SITE}/images/avatar.png"


BUILD = """
import sys
from pathlib import Path
from cameo_tools.build import build
content, output, cache, settings = sys.argv[1:]
build(settings, output, overrides={
    "PATH": content, "CACHE_PATH": cache, "SITEURL": "https://example.org"})
"""


@pytest.mark.slow
def test_two_builds_in_new_processes_draw_the_same_bytes(tmp_path):
    content = write_tree(tmp_path / "content", TREE)
    cards = []
    for run in ("one", "two"):
        output = tmp_path / run
        arguments = [content, output, tmp_path / f"cache-{run}", HUGO_SETTINGS]
        subprocess.run(
            [sys.executable, "-c", BUILD, *map(str, arguments)],
            check=True,
            capture_output=True,
            cwd=tmp_path,
        )
        cards.append({p.name: p.read_bytes() for p in (output / "cards").iterdir()})
    assert len(cards[0]) == 3 and cards[0] == cards[1]


def _title_area(card: Path) -> Image.Image:
    with Image.open(card) as image:
        return image.convert("RGB").crop((80, 230, 900, 540))


@pytest.mark.slow
def test_a_chinese_title_is_drawn_in_a_font_that_has_it(tmp_path, caplog):
    fonts = tempfile.mkdtemp(dir=tmp_path)
    han = _chinese_font(Path(fonts), CHINESE)
    latin = _latin_font()
    tree = {**TREE, "posts/zh.md": f"---\ntitle: {CHINESE}\n---\n中文。\n"}
    with caplog.at_level(logging.WARNING):
        drawn = _build(tmp_path / "han", tree, CAMEO_CARD_FONTS=[latin, str(han)])
    assert "social card" not in caplog.text
    caplog.clear()
    # A font without these glyphs: a warning naming the file and the
    # characters, and a card without them (not boxes).
    with caplog.at_level(logging.WARNING):
        bare = _build(tmp_path / "bare", tree, CAMEO_CARD_FONTS=[latin])
    warnings = [r.getMessage() for r in caplog.records if "social card" in r.message]
    assert len(warnings) == 1 and "zh.md" in warnings[0]
    assert all(repr(ch) in warnings[0] for ch in CHINESE)
    page = "posts/zh/index.html"
    assert _meta(bare, page)["og:image:alt"].startswith(CHINESE)
    left_out = _title_area(_card_file(bare, page))
    assert len(left_out.getcolors()) == 1  # the background alone: no boxes
    shown = _title_area(_card_file(drawn, page))
    assert len(shown.getcolors()) > 1
    assert shown.tobytes() != left_out.tobytes()


def _light(name: str) -> tuple[int, ...]:
    css = (ROOT / "theme" / "static" / "css" / "base.css").read_text("utf-8")
    value = re.search(rf"--{name}: light-dark\((#\w{{6}})", css)[1]
    return tuple(bytes.fromhex(value[1:]))


def test_card_colours_are_the_theme_light_ones(tmp_path):
    output = _build(tmp_path)
    with Image.open(_card_file(output, "about/index.html")) as image:
        rgb = image.convert("RGB")
        # The band on top is the accent, the page is the background.
        assert rgb.getpixel((600, 4)) == _light("accent")
        assert rgb.getpixel((600, 200)) == _light("bg")


@pytest.mark.slow
def test_cards_drawn_in_processes_are_the_ones_drawn_alone(tmp_path):
    from pelican.plugins.cameo import cards

    posts = {
        f"posts/p{number}.md": f"---\ntitle: Post {number}\ndate: 2024-01-02\n---\nA.\n"
        for number in range(2 * cards.PARALLEL_FROM)
    }
    output = _build(tmp_path, {**TREE, **posts})
    # The plugin as the build loaded it (from PLUGIN_PATHS, as "cameo").
    cards = sys.modules["cameo.cards"]
    planned = list(cards._planned.values())
    assert len(planned) == len(posts) + 3  # and TREE's three
    for card in planned:
        alone = tmp_path / f"{card.name}.png"
        cards._draw_into((card, str(alone)))
        assert (output / card.path).read_bytes() == alone.read_bytes()


def test_a_card_font_that_is_not_a_font_is_a_one_line_error(tmp_path):
    from cameo_tools.errors import BuildError

    not_a_font = write_tree(tmp_path / "fonts", {"notes.ttf": "not a font\n"})
    with pytest.raises(BuildError) as failure:
        _build(tmp_path, CAMEO_CARD_FONTS=[str(not_a_font / "notes.ttf")])
    message = str(failure.value)
    assert "CAMEO_CARD_FONTS names" in message and "notes.ttf" in message
    assert "Traceback" not in message
