"""Hypothesis strategies for small Hugo sites, for the differential test
against Hugo (tests/test_hugo_generated_sites.py).

``sites()`` draws a whole site: its config (a TOML, YAML or JSON file, or a
config folder), one or two languages (by file name, or a content folder per
language), sections, leaf, branch and headless bundles, ``_index.md`` files,
front matter of Hugo's fields in odd shapes and mixed-case keys, and bodies
with ``ref``/``relref`` links by path and by name.

Each dimension cameo does not yet build as Hugo does is behind a module
constant below, off, with the point of issue 22 that turns it on.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field

import yaml
from hypothesis import strategies as st

# -- switches ---------------------------------------------------------------
# Each is a part of Hugo's input space. On: the generator draws it, and the
# test holds cameo to Hugo on it. Off: cameo differs there today (see
# /work/notes/diff-findings.md); the point named turns it on.

# Language content folders at the site's root (contentDir = "content.en"),
# no content/ folder. Issue 22 point 1 (H1).
ROOT_LANGUAGE_FOLDERS = True
# config/_default/languages.<lang>.toml files. Point 6 (H1).
CONFIG_LANGUAGE_FILES = True
# Capitals in taxonomy names, terms and section/file names: Hugo writes
# their paths lower-cased. Point 7 (H2).
PATH_CAPITALS = True
# Hugo fields in shapes Hugo takes but does not interpret (images as maps,
# a number as title, a word as weight), params in mixed case. Point 2/3 (H3).
ODD_FIELD_SHAPES = True
# Values Hugo may refuse or read its own way: a list as title, dates in
# other layouts or none, words as weight or draft, a number as tags,
# capitals and blanks in slug, url and aliases. Points 2/3 (H3).
ODDER_FIELD_SHAPES = True
# Links made with the param shortcode: page and site params by keys in any
# case, a missing one (Hugo stops). Point 3 (H3).
PARAM_LINKS = True
# A capital in a section's url (Hugo lower-cases it, not a page's). Finding
# F13 (H2/H3).
LIST_URL_CAPITALS = False
# A url with no leading slash on another language's page (Hugo puts it
# under /fr/). Finding F14 (H1).
RELATIVE_URLS = True
# The param shortcode naming a key of the front matter's params: map (not
# a page param in Hugo 0.111: it stops). Finding F12 (H3).
PARAMS_MAP_LINKS = False
# ref/relref by a page's name, "/" and "#fragment", and to a draft's path
# (where Hugo falls back to the name, finding F11). Point 4 (H4).
REF_BY_NAME = True
# layout: in front matter. Point 10 (H5).
LAYOUT_FIELD = True
# A relative alias (no leading slash) on the home page: Hugo stops, it
# climbs above the site's root. Finding F4 (H3).
HOME_RELATIVE_ALIASES = True
# url on the home page (Hugo ignores it). Finding F5 (H5).
HOME_URL = True
# headless: true on a leaf bundle. Finding F7.
HEADLESS_BUNDLES = False
# _build options (render, list). Finding F9 (H2).
BUILD_OPTIONS = False
# build: (Hugo 0.123's name) beside _build: (0.111's). Finding F8 (H3).
BUILD_WITHOUT_UNDERSCORE = False
# A section named in the singular (blog): Hugo titles it in the plural.
# Finding F10.
SINGULAR_SECTIONS = True
# A leaf bundle's page in another language by file name (index.fr.md).
# Finding F16 (H1).
TRANSLATED_LEAF_BUNDLES = True
# defaultContentLanguageInSubdir = true (the default language under /en/).
# Finding F17 (H1).
DEFAULT_IN_SUBDIR = True
# disablePathToLower = true: paths keep their capitals.
DISABLE_PATH_TO_LOWER = True
# A draft, future or expired _index.md (a section, or the home page, that
# Hugo leaves out with all below it). Findings F2 (H2), F3.
UNPUBLISHED_LISTS = False
# ref/relref in a page Hugo does not render (draft, future, expired): Hugo
# never resolves them. Finding F1 (H4).
REFS_IN_UNPUBLISHED = True

LANGUAGES = ("en", "fr")
SECTION_NAMES = ("posts", "docs", "notes")
CAPITAL_SECTION_NAMES = ("Articles", "My Notes")
SINGULAR_SECTION_NAMES = ("blog", "Guide")
PAGE_NAMES = ("first", "second", "hello-world", "trip", "about")
CAPITAL_PAGE_NAMES = ("Trip", "Read Me")
WORDS = ("Go", "python", "Hugo Tips", "C++", "web", "Rust")
CAPITAL_TERMS = ("Go Lang", "GoLang", "FAQ")
FORMATS = ("yaml", "toml", "json")


@dataclass
class Page:
    """One content file, before it is written."""

    path: str  # within its language's content root: "posts/first.md"
    lang: str
    front: dict = field(default_factory=dict)
    body: str = ""
    format: str = "yaml"

    @property
    def is_list(self) -> bool:
        return self.path.rsplit("/", 1)[-1].startswith("_index.")

    @property
    def name(self) -> str:
        """What a ref by name finds: the file's name, or a bundle's folder."""
        parts = self.path.split("/")
        if parts[-1].startswith(("index.", "_index.")):
            return parts[-2] if len(parts) > 1 else ""
        return parts[-1].rsplit(".", 1)[0]


@dataclass
class Site:
    """The files of one generated site, and where its config and content are."""

    files: dict[str, str]
    config: str  # hugo_config, from the site's root: a file, or "." (a folder)
    path: str | None  # the settings' PATH ("content"), or None: left out

    def listing(self) -> str:
        """Every file, for a failing example's report."""
        return "\n".join(
            f"--- {name}\n{text}" for name, text in sorted(self.files.items())
        )


# -- writing values ---------------------------------------------------------


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(
            f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()
        )
        return "{" + inner + "}"
    raise TypeError(value)


def toml_text(mapping: dict, prefix: tuple[str, ...] = ()) -> str:
    """A TOML document: scalars first, maps as [tables]."""
    lines, tables = [], []
    for key, value in mapping.items():
        if isinstance(value, dict) and value:
            tables.append((key, value))
        else:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in tables:
        name = ".".join(_toml_key(part) for part in (*prefix, key))
        lines.append(f"[{name}]")
        lines.append(toml_text(value, (*prefix, key)).rstrip("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def _json_ready(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    return value


def document(mapping: dict, format: str) -> str:
    """A config file's text in ``format``."""
    if format == "toml":
        return toml_text(mapping)
    if format == "yaml":
        return yaml.safe_dump(mapping, sort_keys=False, allow_unicode=True)
    return json.dumps(_json_ready(mapping), indent=2, ensure_ascii=False) + "\n"


def page_text(page: Page) -> str:
    """A content file: front matter in its format, then the body."""
    if page.format == "toml":
        head = f"+++\n{toml_text(page.front) if page.front else ''}+++\n"
    elif page.format == "yaml":
        text = yaml.safe_dump(page.front, sort_keys=False) if page.front else ""
        head = f"---\n{text}---\n"
    else:
        head = json.dumps(_json_ready(page.front), indent=2) + "\n"
    return head + page.body


# -- drawing ----------------------------------------------------------------


def _cased(draw, key: str) -> str:
    """A front matter or config key as a person might type it."""
    return draw(st.sampled_from([key, key, key.lower(), key[:1].upper() + key[1:]]))


_DATES = st.sampled_from(
    [
        datetime.date(2024, 1, 2),
        datetime.datetime(2024, 3, 4, 5, 6, 7, tzinfo=datetime.UTC),
        datetime.datetime(
            2023, 5, 6, 7, 8, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
        ),
        "2022-07-08",
        "2022-07-08T09:10:11Z",
    ]
)
# Hugo's fields in shapes Hugo may refuse or read its own way ({} is the
# page's number, keeping paths apart).
_ODDER_VALUES = [
    ("title", ["A", "List"]),
    ("date", "2024-01-02 03:04"),
    ("date", "Jan 2, 2024"),
    ("date", "not a date"),
    ("date", 20240102),
    ("weight", "heavy"),
    ("draft", "yes"),
    ("draft", "true"),
    ("tags", 42),
    ("tags", "Go, Rust"),
    ("slug", "My Slug! {}"),
    ("url", "/Custom/Place-{}/"),
    ("url", "relative-{}"),  # in another language: F14
    ("images", "/img/single.png"),
    ("aliases", "/Old-{}/"),
    ("aliases", {"not": "a list"}),
]
_PAST = datetime.date(2001, 2, 3)
_FUTURE = datetime.date(2999, 1, 1)


@st.composite
def _tree(draw, capitals: bool) -> list[str]:
    """The content files of one language: paths from its content root."""
    sections = list(SECTION_NAMES) + (list(CAPITAL_SECTION_NAMES) if capitals else [])
    if SINGULAR_SECTIONS:
        sections += SINGULAR_SECTION_NAMES
    names = list(PAGE_NAMES) + (list(CAPITAL_PAGE_NAMES) if capitals else [])
    paths = []
    if draw(st.booleans()):
        paths.append("_index.md")
    # names apart in any case: Hugo's paths are lower-cased (Trip.md, trip.md)
    for name in draw(st.lists(st.sampled_from(names), max_size=2, unique_by=str.lower)):
        paths.append(f"{name}.md")
    for section in draw(
        st.lists(st.sampled_from(sections), min_size=1, max_size=2, unique=True)
    ):
        if draw(st.booleans()):
            paths.append(f"{section}/_index.md")
        members = draw(
            st.lists(
                st.sampled_from(names), min_size=1, max_size=3, unique_by=str.lower
            )
        )
        for name in members:
            shape = draw(st.sampled_from(["page", "page", "leaf", "branch"]))
            if shape == "page":
                paths.append(f"{section}/{name}.md")
            elif shape == "leaf":
                paths.append(f"{section}/{name}/index.md")
            else:
                paths.append(f"{section}/{name}/_index.md")
                paths.append(f"{section}/{name}/inner.md")
    return paths


def _place(path: str) -> str:
    """Where a content file's page is: ``posts/a.md``, ``posts/a/index.md``
    and ``posts/a/_index.md`` are all ``posts/a``."""
    stem = path.rsplit(".", 1)[0].lower()
    for index in ("/index", "/_index"):
        stem = stem.removesuffix(index)
    return stem


def _ref_targets(page: Page, pages: list[Page], drafts: bool) -> list[str]:
    """How a page's body may name another page of its language."""
    targets = []
    for other in pages:
        if other.lang != page.lang or other is page:
            continue
        if unpublished(other.front) and not (REF_BY_NAME and drafts):
            continue  # Hugo may find another page by its name (F11)
        targets.append(other.path)
        targets.append("/" + other.path)
        if other.path.endswith(("/index.md", "/_index.md")):
            targets.append(other.path.rsplit("/", 1)[0])
        if REF_BY_NAME and other.name:
            targets.append(other.name)
    if REF_BY_NAME:
        targets += ["/", "#a-heading"]
    return targets


@st.composite
def _front(
    draw, page: Page, taxonomies: list[str], section_page: bool, number: int
) -> dict:
    """The front matter of one page: Hugo's fields, some left out. Slugs,
    urls and aliases name the page's ``number``: two pages at one path are
    a clash cameo stops on, where Hugo writes one over the other."""
    front: dict = {}
    odd = ODD_FIELD_SHAPES

    def maybe(chance: float) -> bool:
        # shrinks to False: a smaller example has fewer fields
        return draw(st.integers(0, 99)) >= 100 - round(chance * 100)

    title_words = draw(st.sampled_from(["Hello", "A Title", "Notes on Go", "Über"]))
    if maybe(0.9):
        front[_cased(draw, "title")] = (
            draw(st.sampled_from([title_words, 42])) if odd else title_words
        )
    if maybe(0.7 if section_page else 0.3):
        front[_cased(draw, "date")] = draw(_DATES)
    hidden = UNPUBLISHED_LISTS or not page.is_list  # may it be left out?
    if maybe(0.1):
        front[_cased(draw, "publishDate")] = _FUTURE if hidden and maybe(0.5) else _PAST
    if maybe(0.1):
        front[_cased(draw, "expiryDate")] = _PAST if hidden and maybe(0.5) else _FUTURE
    if maybe(0.1):
        front[_cased(draw, "draft")] = hidden and maybe(0.5)
    if not page.is_list and maybe(0.15):
        front[_cased(draw, "slug")] = f"my-slug-{number}"
    if maybe(0.08) and (HOME_URL or page.path != "_index.md"):
        front[_cased(draw, "url")] = draw(
            st.sampled_from([f"/custom/place-{number}/", f"/elsewhere-{number}/"])
        )
    if maybe(0.2):
        aliases = draw(
            st.lists(
                st.sampled_from(
                    [
                        f"/old-{number}/",
                        f"/old/path-{number}/",
                        f"former-{number}",
                        f"/was-{number}.html",
                    ]
                ),
                min_size=1,
                max_size=2,
                unique=True,
            )
        )
        if page.path == "_index.md" and not HOME_RELATIVE_ALIASES:
            aliases = [alias for alias in aliases if alias.startswith("/")]
        if aliases:
            one = odd and maybe(0.3)  # a single alias as a word, not a list
            front[_cased(draw, "aliases")] = aliases[0] if one else aliases
    terms = list(WORDS) + (list(CAPITAL_TERMS) if PATH_CAPITALS else [])
    for taxonomy in taxonomies:
        if maybe(0.3):
            chosen = draw(
                st.lists(st.sampled_from(terms), min_size=1, max_size=2, unique=True)
            )
            front[_cased(draw, taxonomy)] = chosen[0] if odd and maybe(0.3) else chosen
    if maybe(0.15):
        weight = draw(st.integers(-2, 5))
        front[_cased(draw, "weight")] = str(weight) if odd and maybe(0.3) else weight
    if maybe(0.05):
        front[_cased(draw, "type")] = "special"
    if LAYOUT_FIELD and maybe(0.05):
        front[_cased(draw, "layout")] = draw(st.sampled_from(["archives", "wide"]))
    if odd and maybe(0.2):
        front[_cased(draw, "params")] = {"Subtitle": "Sub", "mixedCase": {"Inner": 1}}
    if maybe(0.15):
        images = ["/img/a.png", "/img/b.png"][: draw(st.integers(1, 2))]
        if odd and maybe(0.5):
            images = [{"src": image, "alt": "An image"} for image in images]
        front[_cased(draw, "images")] = images
    if odd and maybe(0.1):
        front[_cased(draw, "Description")] = "Said of it."
    if odd and maybe(0.1):
        front[_cased(draw, "Subtitle")] = "Below"
    if page.is_list and maybe(0.2):
        front[_cased(draw, "cascade")] = draw(
            st.sampled_from(
                [{"banner": "from above"}, {"type": "cascaded"}, {"draft": False}]
            )
        )
    if HEADLESS_BUNDLES and page.path.endswith("/index.md") and maybe(0.15):
        front[_cased(draw, "headless")] = True
    elif BUILD_OPTIONS and maybe(0.08):
        names = ["_build", "build"] if BUILD_WITHOUT_UNDERSCORE else ["_build"]
        front[draw(st.sampled_from(names))] = draw(
            st.sampled_from(
                [
                    {"render": "never"},
                    {"list": "never"},
                    {"render": "always", "list": "local"},
                    {"render": False},
                ]
            )
        )
    if ODDER_FIELD_SHAPES and maybe(0.3):
        key, value = draw(st.sampled_from(_ODDER_VALUES))
        if isinstance(value, str):
            value = value.format(number)
        # one key in any case: Hugo keeps one of Title and title, at random
        same = [name for name in front if name.lower() == key.lower()]
        if key == "draft" and page.is_list and not UNPUBLISHED_LISTS:
            pass
        elif key == "url" and page.is_list and not LIST_URL_CAPITALS:
            pass
        elif value == f"relative-{number}" and not RELATIVE_URLS and page.lang != "en":
            pass
        elif key != "url" or HOME_URL or page.path != "_index.md":
            front[same[0] if same else _cased(draw, key)] = value
    return front


# Keys of the param shortcode: the site's params (codePenUser, Description)
# and a page's (Subtitle, a nested mixedCase.Inner), in other cases.
_PARAM_KEYS = [
    "codePenUser",
    "codepenuser",
    "CODEPENUSER",
    "description",
    "Description",
]


def unpublished(front: dict) -> bool:
    """Whether Hugo leaves the page out: a draft, future or expired."""
    fields = {key.lower(): value for key, value in front.items()}
    return (
        fields.get("draft") in (True, "true")
        or fields.get("publishdate") == _FUTURE
        or fields.get("expirydate") == _PAST
    )


@st.composite
def _body(draw, page: Page, pages: list[Page], number: int, drafts: bool) -> str:
    """Text, maybe a heading, and links made by ref or relref; each link's
    text names its page (``link 0 of p3``), so a list page that shows
    another page's summary does not mix them up."""
    lines = [f"Some text of {page.path}.", ""]
    if draw(st.booleans()):
        lines += ["## A heading", "", "More text.", ""]
    if not REFS_IN_UNPUBLISHED and unpublished(page.front):
        return "\n".join(lines)
    targets = _ref_targets(page, pages, drafts)
    refs = draw(st.lists(st.sampled_from(targets), max_size=2)) if targets else []
    calls = [
        f'{{{{< {draw(st.sampled_from(["ref", "relref"]))} "{target}" >}}}}'
        for target in refs
    ]
    if PARAM_LINKS:
        own = {key.lower() for key in page.front}
        choices = list(_PARAM_KEYS)
        if "subtitle" in own or (PARAMS_MAP_LINKS and "params" in own):
            choices += ["Subtitle", "subtitle"]
        keys = draw(st.lists(st.sampled_from(choices), max_size=2))
        calls += [f'/p/{{{{< param "{key}" >}}}}/' for key in keys]
    for index, call in enumerate(calls):
        lines.append(f"[link {index} of p{number}]({call})")
        lines.append("")
    return "\n".join(lines)


def _file_name(page: Page, layout: str, default: str) -> str:
    """Where a page's file lies in the site."""
    if layout == "suffix":
        if page.lang == default:
            return f"content/{page.path}"
        stem, ext = page.path.rsplit(".", 1)
        return f"content/{stem}.{page.lang}.{ext}"
    if layout == "content_folders":
        return f"content/{page.lang}/{page.path}"
    return f"content.{page.lang}/{page.path}"


@st.composite
def sites(draw) -> Site:
    """A whole small Hugo site."""
    languages = draw(st.sampled_from([("en",), ("en",), ("en", "fr")]))
    layouts = ["suffix", "content_folders"]
    if ROOT_LANGUAGE_FOLDERS:
        layouts.append("root_folders")
    layout = draw(st.sampled_from(layouts)) if len(languages) > 1 else "suffix"
    default = languages[0]

    if PATH_CAPITALS:
        taxonomy_choices = [None, {"tag": "tags"}, {"tag": "tags", "Serie": "Series"}]
    else:
        taxonomy_choices = [None, {"tag": "tags", "category": "categories"}]
    taxonomy_choices.append({"tag": "tags", "serie": "series"})
    taxonomy_config = draw(st.sampled_from(taxonomy_choices))
    plurals = (
        ["tags", "categories"]
        if taxonomy_config is None
        else list(taxonomy_config.values())
    )

    pages: list[Page] = []
    for lang in languages:
        paths = draw(_tree(PATH_CAPITALS))
        if lang != default:  # translations of some pages, and its own
            kept = draw(st.lists(st.sampled_from(paths), unique=True)) if paths else []
            taken = {_place(path) for path in kept}
            own = [p for p in draw(_tree(PATH_CAPITALS)) if _place(p) not in taken]
            paths = kept + own[:2]
            if layout == "suffix" and not TRANSLATED_LEAF_BUNDLES:
                paths = [path for path in paths if not path.endswith("/index.md")]
        pages += [
            Page(path, lang, format=draw(st.sampled_from(FORMATS))) for path in paths
        ]
    for number, page in enumerate(pages):
        in_section = "/" in page.path and not page.is_list
        page.front = draw(_front(page, plurals, in_section, number))
    # In one site of four, refs may name an unpublished page: Hugo stops,
    # unless it finds another page of that name.
    drafts = draw(st.integers(0, 3)) == 0
    for number, page in enumerate(pages):
        page.body = draw(_body(page, pages, number, drafts))
    # Now and then a ref to no page, or a param set nowhere: both must stop.
    troubles = ["ref", "param"] if PARAM_LINKS else ["ref"]
    trouble = draw(st.sampled_from([None] * 12 + troubles))
    published = [page for page in pages if not unpublished(page.front)]
    if trouble and published:
        page = draw(st.sampled_from(published))
        call = {
            "ref": '{{< ref "missing-page.md" >}}',
            "param": '/p/{{< param "noSuchParam" >}}/',
        }[trouble]
        page.body += f"\n[link 9 of p{pages.index(page)}]({call})\n"

    config: dict = {
        _cased(draw, "baseURL"): "https://example.org/",
        _cased(draw, "title"): "Generated",
    }
    if taxonomy_config is not None:
        config["taxonomies"] = taxonomy_config
    if DISABLE_PATH_TO_LOWER and draw(st.integers(0, 3)) == 0:
        config[_cased(draw, "disablePathToLower")] = True
    params = {"Description": "A site", "codePenUser": "someone"}
    language_table: dict = {}
    if len(languages) > 1:
        config["defaultContentLanguage"] = default
        if DEFAULT_IN_SUBDIR and draw(st.booleans()):
            config["defaultContentLanguageInSubdir"] = True
        for weight, lang in enumerate(languages, start=1):
            entry: dict = {"weight": weight, "title": f"Generated {lang}"}
            if layout == "content_folders":
                entry["contentDir"] = f"content/{lang}"
            elif layout == "root_folders":
                entry["contentDir"] = f"content.{lang}"
            language_table[lang] = entry

    files: dict[str, str] = {}
    place = draw(st.sampled_from(["file", "file", "folder"]))
    format = draw(st.sampled_from(FORMATS))
    if place == "file":
        config["params"] = params
        if language_table:
            config["languages"] = language_table
        name = draw(st.sampled_from(["hugo", "config"])) + "." + format
        files[name] = document(config, format)
        config_path = name
    else:
        folder = "config/_default/"
        files[f"{folder}hugo.{format}"] = document(config, format)
        files[f"{folder}params.{format}"] = document(params, format)
        if language_table:
            if CONFIG_LANGUAGE_FILES and draw(st.booleans()):
                for lang, entry in language_table.items():
                    files[f"{folder}languages.{lang}.{format}"] = document(
                        entry, format
                    )
            else:
                files[f"{folder}languages.{format}"] = document(language_table, format)
        config_path = "."
    for page in pages:
        files[_file_name(page, layout, default)] = page_text(page)
    # PATH: content/, or left out (the site's root, where `invoke build` runs);
    # with no content/ folder, only left out.
    path = (
        None if layout == "root_folders" else draw(st.sampled_from(["content", None]))
    )
    return Site(files=files, config=config_path, path=path)
