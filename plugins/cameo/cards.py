"""Social cards: a 1200 x 630 PNG for each page that has no image of its own
(its title, the site's name or its supertitle, the avatar, the theme's light
colours), planned once every page is read, named by a hash of what it shows,
drawn in parallel into the cache only when that name is new, and copied into
the output."""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import subprocess
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup
from pelican.generators import Generator

from cameo_shared.paths import display_path

from .images import checked_target
from .page_data import site_address, site_header

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
# The folder of the cards in the output, and of drawn cards in CACHE_PATH.
FOLDER = "cards"
CACHE_FOLDER = "cameo-cards"
# Changes whenever the drawing changes, so that old cards get new names.
DRAWING = 2
# The theme's custom properties a card uses, and where they are read.
COLOURS = ("bg", "fg", "muted", "accent", "rule")
_PROPERTY = re.compile(
    r"--([\w-]+)\s*:\s*(?:light-dark\(\s*(#[0-9a-fA-F]{3,8})|(#[0-9a-fA-F]{3,8}))"
)
# Fontconfig patterns of the fonts tried, first to last, without CAMEO_CARD_FONTS.
FONT_PATTERNS = ("sans-serif:bold",)
# Languages whose fonts fontconfig lists after those (fc-match would answer
# a Latin sans-serif: the family outranks the language in its sort).
FONT_LANGUAGES = ("zh",)
TITLE_SIZES = (72, 60, 48)
TITLE_LINES = 4
LABEL_SIZE = 34
AVATAR_SIDE = 180
MARGIN = 80
# Cards to draw for each process started (fewer: drawn one after another).
PARALLEL_FROM = 8
# A character no font maps: its glyph is the font's .notdef (a box, or nothing).
_UNMAPPED = "\uffff"


@dataclass(frozen=True)
class Card:
    """One card: what it shows, the file it is drawn into, and its alt text."""

    name: str
    title: str
    label: str
    avatar: str | None
    colours: tuple[tuple[str, str], ...]
    # The title's font file and the label's ("" for Pillow's own font).
    fonts: tuple[str, str]
    # What the card says, for og:image:alt: every character of it.
    alt: str

    width, height = WIDTH, HEIGHT

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.name}.png"


# Cards planned in this run: name -> Card; reset by each plan().
_planned: dict[str, Card] = {}


def plan(generators, avatar: str | None) -> None:
    """Give each page without an image of its own a card (``social_card``),
    once all pages are read and before any is written."""
    _planned.clear()
    settings = generators[0].settings
    if not settings.get("CAMEO_SOCIAL_CARDS", True) or site_address(settings) is None:
        return
    context = generators[0].context
    colours = tuple(sorted(theme_colours(settings["THEME"]).items()))
    fonts = card_fonts(settings)
    avatar_digest = _digest_of_file(avatar) if avatar else ""
    for content in _all_content(context):
        if _has_own_image(content):
            continue
        # The site's name in the page's language (CAMEO_LANGUAGES), else SITENAME.
        site_name = site_header(settings, getattr(content, "lang", None))["name"]
        label = _plain(getattr(content, "supertitle", None) or site_name)
        title = _plain(getattr(content, "title", "") or site_name)
        alt = f"{title} ({label})" if label and label != title else title
        title, title_font = _drawable(title, fonts, content)
        label, label_font = _drawable(label, fonts, content)
        used = (title_font, label_font)
        # A font file is known by its path, size and time: an updated font
        # draws a new card.
        font_files = [(font, *_stamp(font)) for font in used]
        shown = [DRAWING, title, label, avatar_digest, colours, font_files]
        name = hashlib.sha256(json.dumps(shown).encode("utf-8")).hexdigest()[:20]
        card = Card(name, title, label, avatar, colours, used, alt)
        content.social_card = card
        _planned[name] = card


def _all_content(context) -> list:
    """Every article and page of the build, with their translations."""
    found, seen = [], set()
    keys = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages")
    for key in (*keys, "draft_pages"):
        for item in context.get(key) or []:
            for one in [item, *(getattr(item, "translations", None) or [])]:
                if id(one) not in seen:
                    seen.add(id(one))
                    found.append(one)
    return found


def _has_own_image(content) -> bool:
    """A page with ``images`` is shared with its first; an avatar is no such
    image (a square photo is cropped in a wide preview): the card shows it."""
    return bool(getattr(content, "images", None))


def _plain(text) -> str:
    return " ".join(Markup(str(text)).striptags().split())


def _stamp(path: str) -> tuple[int, int]:
    if not path:
        return (0, 0)
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


def _digest_of_file(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def theme_colours(theme: str) -> dict[str, str]:
    """The light value of each of COLOURS, from the custom properties of the
    theme's stylesheets (``--bg: light-dark(#fdfcfa, #16181c)``)."""
    folder = os.path.join(theme, "static", "css")
    found: dict[str, str] = {}
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    for name in names:
        if name.endswith(".css"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                for match in _PROPERTY.finditer(handle.read()):
                    found.setdefault(match[1], match[2] or match[3])
    fallback = {"bg": "#ffffff", "fg": "#000000", "muted": "#555555"}
    fallback |= {"accent": "#1d5fbf", "rule": "#dddddd"}
    return {name: found.get(name, fallback[name]) for name in COLOURS}


def card_fonts(settings) -> tuple[str, ...]:
    """The font files a card may be drawn in, first choice first:
    CAMEO_CARD_FONTS, else what fontconfig matches to FONT_PATTERNS, else
    Pillow's own font."""
    named = settings.get("CAMEO_CARD_FONTS")
    if named:
        found = []
        for path in map(str, named):
            problem = _font_problem(path)
            if problem:
                logger.error(
                    "CAMEO_CARD_FONTS names %s, which %s; name a font file "
                    "(fc-list lists them)",
                    path,
                    problem,
                )
            else:
                found.append(path)
    else:
        found = [p for p in map(_fc_match, FONT_PATTERNS) if p]
        for language in FONT_LANGUAGES:
            found.extend(_fc_covering(language))
    # Without any, Pillow's own font ("").
    return tuple(dict.fromkeys(found)) or ("",)


def _font_problem(path: str) -> str | None:
    if not os.path.isfile(path):
        return "does not exist"
    try:
        _font(path, LABEL_SIZE)
    except OSError as error:
        return f"is not a font Pillow can read ({error})"
    return None


@lru_cache(maxsize=16)
def _fc_match(pattern: str) -> str | None:
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found if found and os.path.isfile(found) else None


@lru_cache(maxsize=16)
def _fc_covering(language: str) -> list[str]:
    """The font files fontconfig says cover ``language``, bold ones first,
    then by path (the same order on every run)."""
    try:
        listed = subprocess.run(
            ["fc-list", "-f", "%{file}\t%{style}\n", f":lang={language}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = {}
    for line in listed.splitlines():
        path, _, style = line.partition("\t")
        if os.path.isfile(path):
            bold = "bold" in style.lower()
            files[path] = files.get(path, False) or bold
    return sorted(files, key=lambda path: (not files[path], path))


def _drawable(text: str, fonts: tuple[str, ...], content) -> tuple[str, str]:
    """``text`` without the characters no font has, and the font that has
    the most of them (the first of equals); a warning names those left out."""
    best, best_missing = "", None
    for font in fonts:
        missing = [ch for ch in dict.fromkeys(text) if not has_glyph(font, ch)]
        if best_missing is None or len(missing) < len(best_missing):
            best, best_missing = font, missing
        if not missing:
            break
    if best_missing:
        logger.warning(
            "%s: no font for the social card has %s; the card leaves them out "
            "(name a font that has them in CAMEO_CARD_FONTS)",
            display_path(content.source_path),
            " ".join(repr(ch) for ch in best_missing),
        )
        gone = set(best_missing)
        text = " ".join("".join(ch for ch in text if ch not in gone).split())
    return text, best


@lru_cache(maxsize=4096)
def has_glyph(font_path: str, character: str) -> bool:
    """Whether the font draws ``character`` as itself, not as its .notdef box:
    whitespace and format characters always pass."""
    if character.isspace() or unicodedata.category(character) in ("Cf", "Zs"):
        return True
    font = _font(font_path, 48)
    return _rendered(font, character) != _rendered(font, _UNMAPPED)


def _rendered(font, text: str) -> tuple:
    mask = font.getmask(text)
    return mask.size, bytes(mask)


@lru_cache(maxsize=32)
def _font(path: str | None, size: int):
    from PIL import ImageFont

    if not path:
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


class SocialCardsGenerator(Generator):
    """Draws the planned cards that are not in the cache yet, and copies
    every planned card into the output."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        write_cards(
            list(_planned.values()),
            self.output_path,
            os.path.join(self.settings["CACHE_PATH"], CACHE_FOLDER),
        )


def write_cards(cards: list[Card], output: str, cache: str) -> int:
    """Draw the cards missing from ``cache`` and put each into ``output``;
    returns how many were drawn.

    Many cards are drawn in processes, one a core: threads were no faster
    than one after another (drawing text holds the GIL), processes were
    (benchmarks/social_cards.py); a few are not worth starting them."""
    todo = []
    for card in cards:
        cached = checked_target(cache, f"{card.name}.png")
        if not os.path.isfile(cached):
            todo.append((card, cached))
    if todo:
        os.makedirs(cache, exist_ok=True)
        workers = min(len(todo) // PARALLEL_FROM, os.cpu_count() or 1)
        # Forked, the workers have this module as the build loaded it (a
        # spawned one could not import a plugin found on PLUGIN_PATHS).
        if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for job in todo:
                _draw_into(job)
        else:
            chunk = max(1, len(todo) // (workers * 4))
            forked = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=forked) as pool:
                list(pool.map(_draw_into, todo, chunksize=chunk))
    for card in cards:
        target = checked_target(output, card.path)
        if not os.path.isfile(target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(cache, f"{card.name}.png"), target)
    return len(todo)


def _draw_into(job: tuple[Card, str]) -> None:
    card, cached = job
    partial = f"{cached}.{os.getpid()}.{id(card)}.part"
    # No optimize: it made a card 2 KB smaller and its saving eight times
    # slower (66 ms against 8), most of what a cold build of cards cost.
    draw(card).save(partial, format="PNG")
    os.replace(partial, cached)


def draw(card: Card):
    """The card as a palette image: a band of the accent colour, the label,
    the title (wrapped, smaller when long, cut with an ellipsis when too
    long) and the avatar in a circle.

    Drawn as palette indices from the start (the text's antialiasing as
    steps between the background and its colour, the avatar in colours of
    its own): a palette PNG is a third of an RGB one, and quantizing a whole
    card took longer than all the rest of its drawing."""
    from PIL import Image, ImageColor, ImageDraw

    colours = {name: ImageColor.getrgb(value)[:3] for name, value in card.colours}
    palette = [colours["bg"], colours["accent"], colours["rule"]]
    palette += _ramp(colours["bg"], colours["fg"], FG_STEPS)
    palette += _ramp(colours["bg"], colours["muted"], MUTED_STEPS)
    indices = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(indices)
    pen.rectangle((0, 0, WIDTH, 16), fill=1)
    pen.line((MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN), 2, 3)
    title_font, label_font = card.fonts
    text_right = WIDTH - MARGIN
    if card.avatar:
        left = WIDTH - MARGIN - AVATAR_SIDE
        stamp = os.stat(card.avatar).st_mtime_ns
        avatar, colours_of_avatar = _avatar(
            card.avatar, stamp, colours["bg"], len(palette)
        )
        indices.paste(avatar, (left, MARGIN + 16))
        palette += colours_of_avatar
        text_right = left - 40
    font = _font(label_font, LABEL_SIZE)
    label = _fit(card.label, font, text_right - MARGIN)
    _text(indices, (MARGIN, MARGIN + 16), label, font, 3 + FG_STEPS, MUTED_STEPS)
    lines, font = _title_lines(card.title, title_font, text_right - MARGIN)
    step = round(font.size * 1.25)
    top = HEIGHT - MARGIN - 40 - len(lines) * step
    for number, line in enumerate(lines):
        _text(indices, (MARGIN, top + number * step), line, font, 3, FG_STEPS)
    card_image = Image.frombytes("P", indices.size, indices.tobytes())
    card_image.putpalette([part for colour in palette for part in colour])
    return card_image


# Palette entries of the title's colour and the label's, over the background.
FG_STEPS, MUTED_STEPS = 32, 16


def _ramp(start: tuple, end: tuple, steps: int) -> list[tuple[int, ...]]:
    """``steps`` colours from just past ``start`` to ``end``."""
    return [
        tuple(
            round(a + (b - a) * (n + 1) / steps)
            for a, b in zip(start, end, strict=True)
        )
        for n in range(steps)
    ]


def _text(indices, where, text: str, font, first: int, steps: int) -> None:
    """Draw ``text`` into the index image: each pixel's coverage as one of
    ``steps`` entries from ``first``."""
    from PIL import Image, ImageDraw

    coverage = Image.new("L", indices.size, 0)
    ImageDraw.Draw(coverage).text(where, text, font=font, fill=255)
    shade = [first + max(0, (v * steps - 1) // 255) for v in range(256)]
    indices.paste(coverage.point(shade), (0, 0), coverage.point([0] + [255] * 255))


@lru_cache(maxsize=4)
def _avatar(path: str, stamp: int, background: tuple, first: int):
    """The avatar in a circle over ``background``, as indices from ``first``
    into its own colours (and those colours); once per file and change
    (``stamp``)."""
    from PIL import Image, ImageDraw

    with Image.open(path) as source:
        source = source.convert("RGB")
        side = min(source.size)
        left, top = (source.width - side) // 2, (source.height - side) // 2
        square = source.crop((left, top, left + side, top + side))
    square = square.resize((AVATAR_SIDE, AVATAR_SIDE), Image.Resampling.LANCZOS)
    big = AVATAR_SIDE * 4
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, big - 1, big - 1), fill=255)
    mask = mask.resize((AVATAR_SIDE, AVATAR_SIDE), Image.Resampling.LANCZOS)
    round_avatar = Image.new("RGB", square.size, background)
    round_avatar.paste(square, (0, 0), mask)
    count = 256 - first
    reduced = round_avatar.quantize(
        count, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    flat = reduced.getpalette()[: 3 * count]
    colours = [tuple(flat[n : n + 3]) for n in range(0, len(flat), 3)]
    colours += [background] * (count - len(colours))
    shifted = Image.frombytes("L", reduced.size, reduced.tobytes())
    return shifted.point([min(255, first + v) for v in range(256)]), colours


def _title_lines(title: str, font_path: str | None, width: int):
    """The title's lines at the largest of TITLE_SIZES that fits TITLE_LINES."""
    for size in TITLE_SIZES:
        font = _font(font_path, size)
        lines = wrap(title, font, width)
        if len(lines) <= TITLE_LINES:
            return lines, font
    kept = lines[:TITLE_LINES]
    kept[-1] = _fit(kept[-1] + " " + lines[TITLE_LINES], font, width, cut=True)
    return kept, font


def _fit(text: str, font, width: int, cut: bool = False) -> str:
    """``text``, or as much of it as fits ``width`` with an ellipsis."""
    if not cut and font.getlength(text) <= width:
        return text
    ellipsis = "…" if font.getlength("…") > 0 else "..."
    while text and font.getlength(text + ellipsis) > width:
        text = text[:-1]
    return text.rstrip() + ellipsis


_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def wrap(text: str, font, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``: broken at spaces, and
    between any two Chinese, Japanese or Korean characters."""
    units: list[tuple[str, bool]] = []  # (piece, a space before it)
    for word in text.split(" "):
        pieces = [p for p in re.split(f"({_WIDE.pattern})", word) if p]
        for number, piece in enumerate(pieces):
            units.append((piece, number == 0))
    lines: list[str] = []
    line = ""
    for piece, spaced in units:
        joined = f"{line} {piece}" if spaced and line else line + piece
        if font.getlength(joined) <= width or not line:
            line = joined
        else:
            lines.append(line)
            line = piece
        while font.getlength(line) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and font.getlength(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines
