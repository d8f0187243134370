"""Read a Hugo site's configuration and set Pelican's settings from it.

- Finding and reading: ``HUGO_FRONTMATTER["hugo_config"]`` names a file
  (TOML, YAML or JSON) or a folder, where Hugo's own files are looked for
  (``hugo.*`` or ``config.*``, and ``config/_default/``); a relative name
  is taken from the site's root, the folder above the content folder.
- Mapping: each Hugo key that has a Pelican counterpart becomes that setting
  (``baseURL`` is SITEURL, ``menus.main`` is MENUITEMS ...), and Hugo's
  layout and URLs are turned on. A setting the user gave (any value other
  than Pelican's default) is kept. Keys with no counterpart are named in one
  warning; a file that does not parse is a HugoConfigError naming its line.

Pelican has read its settings before plugins load; this runs at the
``initialized`` signal, when the generators have not yet read theirs.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import posixpath
import re
import tomllib
from collections.abc import Mapping
from typing import Any

import yaml
from pelican.contents import Article
from pelican.paginator import PaginationRule
from pelican.settings import DEFAULT_CONFIG

from cameo_shared.paths import display_path, is_inside

from ..content import urls
from ..content.frontmatter import _Yaml12Loader
from ..content.options import permalinks_problem
from ..content.source import TRANSLATION_KEY
from ..markdown import goldmark

logger = logging.getLogger(__name__)

# The file names Hugo 0.111 looks for, in its order; only the first found at
# the site's root is read. Then every file of the config folder's
# ``_default`` and of the environment's folder (config/production/ for a
# build, as ``hugo``), each later one winning (checked with ``hugo config``).
CONFIG_NAMES = tuple(
    f"{stem}.{extension}"
    for stem in ("hugo", "config")
    for extension in ("toml", "yaml", "yml", "json")
)
CONFIG_DIR = "config"
CONFIG_FOLDER = os.path.join(CONFIG_DIR, "_default")
# Hugo's environment when neither HUGO_ENVIRONMENT nor HUGO_ENV says one:
# ``hugo`` builds for production (``hugo server`` for development, but a
# cameo preview writes what the build writes).
DEFAULT_ENVIRONMENT = "production"
# In a config folder, these file names (in this case) hold top-level keys.
ROOT_STEMS = frozenset({"hugo", "config"})
# Keys that have no meaning for a Pelican build: the Hugo theme is replaced
# by this one, and Hugo's own error switches have no counterpart to miss.
IGNORED_KEYS = frozenset({"theme", "themesdir", "ignoreerrors"})
# Keys only the site's own Go templates read (shortcodes, partials, render
# hooks: shortcodes.py and hugo_templates read the config for them), so they
# are not named as unused.
TEMPLATE_KEYS = frozenset(
    {
        "enableinlineshortcodes",
        "enablemissingtranslationplaceholders",
        "imaging",
        "titlecasestyle",
    }
)
# Keys of a language's table that are about the language, not its site.
LANGUAGE_ONLY_KEYS = frozenset(
    {
        "languagename",
        "languagedirection",
        "weight",
        "disabled",
        "contentdir",
        "taxonomies",
    }
)
# The kinds of list pages that have an RSS feed unless ``outputs`` says
# otherwise (Hugo 0.111's default output formats).
FEED_KINDS = ("home", "section", "taxonomy", "term")
# The kinds' names before Hugo 0.73, which Hugo 0.111 still reads in
# disableKinds and outputs when taxonomyTerm is among them.
OLD_KIND_NAMES = {"taxonomy": "term", "taxonomyterm": "taxonomy"}
# Hugo 0.111's page size of a paginated list when the config gives none.
HUGO_PAGE_SIZE = 10
# Hugo's taxonomies when the config names none.
DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}
# The taxonomies Pelican has pages for: Hugo's singular -> the prefixes of
# Pelican's settings for a term's page and for the list of terms.
PELICAN_TAXONOMIES = {
    "tag": ("TAG", "TAGS"),
    "category": ("CATEGORY", "CATEGORIES"),
    "author": ("AUTHOR", "AUTHORS"),
}
# Pelican's slug substitutions that give a term Hugo's URL segment (as
# urls.sanitize): characters Hugo drops are dropped, a run of blanks (with
# hyphens after it) is one hyphen, blanks after a hyphen go. Pelican
# lower-cases the result.
HUGO_SLUG_SUBSTITUTIONS = [
    (r"%(?![0-9a-f]{2})", ""),
    (r"[^\w\s.\-#+~@\\%\u0300-\u036f]", ""),
    (r"(?<=-)\s+", ""),
    (r"\s[\s-]*", "-"),
]
# What Hugo's configuration reads as true (Go's strconv.ParseBool).
_TRUE = frozenset({"1", "t", "true"})
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_MISSING = object()


class ConfigYamlLoader(_Yaml12Loader):
    """YAML as Hugo 0.111 reads its config (go-yaml v2's rules, checked with
    ``hugo config``): ``yes``/``no``, ``on``/``off`` and ``y``/``n`` are
    booleans, keys too (``y:`` is the key ``true``); ``0777`` is octal;
    dates and ``12:30`` stay text; a key given twice is the last. The rest
    is the front matter's loader."""

    yaml_implicit_resolvers: dict = {}
    bool_values = {
        word: value
        for value, words in ((True, "y yes true on"), (False, "n no false off"))
        for word in words.split()
    }

    def construct_mapping(self, node, deep=False):
        # A key given twice: the last wins, as in Hugo's config.
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)

    def construct_yaml_int(self, node):
        text = self.construct_scalar(node).replace("_", "")
        if re.fullmatch(r"[-+]?0[0-7]+", text):  # Go's base-0 octal
            node = yaml.ScalarNode(
                node.tag, text.replace("0", "0o", 1), node.start_mark
            )
        return super().construct_yaml_int(node)


ConfigYamlLoader.add_constructor(
    "tag:yaml.org,2002:int", ConfigYamlLoader.construct_yaml_int
)
for _tag, _pattern, _first in (
    (
        "bool",
        r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
        r"|on|On|ON|off|Off|OFF)$",
        "yYnNtTfFoO",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (
        "int",
        r"^(?:[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+)$",
        "-+0123456789",
    ),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("merge", r"^(?:<<)$", "<"),
):
    ConfigYamlLoader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first)
    )


class HugoConfigError(Exception):
    """A Hugo config that cannot be used, located so that the user can fix it."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


# --- finding and reading ----------------------------------------------------


def find_files(given: str, site_root: str) -> list[str]:
    """The config files for ``given`` (a file, or a folder Hugo would read),
    in the order they are merged: each later one wins."""
    path = given if os.path.isabs(given) else os.path.join(site_root, given)
    path = os.path.normpath(path)
    if os.path.isfile(path):
        return [path]
    if not os.path.isdir(path):
        raise HugoConfigError(
            display_path(path),
            None,
            "the Hugo config named by HUGO_FRONTMATTER['hugo_config'] does not "
            "exist; give the path of hugo.toml (or of the Hugo site's folder), "
            "absolute, or relative to PATH (the Hugo site's folder, when PATH is "
            "left out) or to the folder above it",
        )
    found = []
    root_file = next(
        (
            os.path.join(path, name)
            for name in CONFIG_NAMES
            if os.path.isfile(os.path.join(path, name))
        ),
        None,
    )
    if root_file:
        found.append(root_file)
    for name in ("_default", environment()):
        found.extend(_folder_files(os.path.join(path, CONFIG_DIR, name)))
    if not found:
        raise HugoConfigError(
            display_path(path),
            None,
            f"holds no Hugo config ({', '.join(CONFIG_NAMES)} or "
            f"{CONFIG_FOLDER}/); name the config file itself",
        )
    return found


def environment() -> str:
    """Hugo's build environment: HUGO_ENVIRONMENT, else HUGO_ENV (as Hugo
    0.111 reads them), else production."""
    for name in ("HUGO_ENVIRONMENT", "HUGO_ENV"):
        if os.environ.get(name):
            return os.environ[name]
    return DEFAULT_ENVIRONMENT


def _folder_files(folder: str) -> list[str]:
    """The config files anywhere under one folder of config/, by path (Hugo
    walks the folder in lexical order)."""
    found = []
    for parent, folders, files in os.walk(folder):
        folders.sort()
        found.extend(
            os.path.join(parent, name)
            for name in sorted(files)
            if _format_of(name) and os.path.isfile(os.path.join(parent, name))
        )
    return found


def read_config(files: list[str]) -> dict[str, Any]:
    """The merged config of ``files``, keys lower-cased as Hugo reads them.

    A file in a config folder (``config/<environment>/``) holds the key its
    name says, as Hugo 0.111 reads it: ``hugo.*`` and ``config.*`` the top
    level, ``params.toml`` the params, ``languages.toml`` the languages;
    with a language after a dot, that language's: ``menus.en.toml`` and
    ``params.en.toml`` its menus and params, any other (``languages.en.toml``)
    its whole table."""
    merged: dict[str, Any] = {}
    for path in files:
        data = _lower_keys(parse_file(path))
        if _in_config_folder(path):
            data = _under_key(os.path.basename(path).rsplit(".", 1)[0], data)
        _merge(merged, data)
    return merged


def _in_config_folder(path: str) -> bool:
    """Whether a config file is in a folder of ``config/`` (an environment's,
    or one below it), where its name is its key."""
    folder = os.path.dirname(os.path.abspath(path))
    while os.path.dirname(folder) != folder:
        if os.path.basename(os.path.dirname(folder)) == CONFIG_DIR:
            return True
        folder = os.path.dirname(folder)
    return False


def _under_key(stem: str, data: dict[str, Any]) -> dict[str, Any]:
    """A config folder's file as the keys its name gives, by Hugo's rule:
    the name's last dot parts a language off, and the names Hugo knows
    (``hugo``, ``config``, ``menu(s)`` and ``params`` before a language)
    count only in lower case, as Hugo compares them; ``menu`` is ``menus``."""
    if stem in ROOT_STEMS:
        return data
    name, dot, language = stem.rpartition(".")
    if not dot:
        key = stem.lower()
        return {"menus" if key == "menu" else key: data}
    if name in ("menu", "menus", "params"):
        data = {"params" if name == "params" else "menus": data}
    return {"languages": {language.lower(): data}}


def parse_file(path: str) -> dict[str, Any]:
    """One config file, by its extension; an error names the file and line."""
    shown = display_path(path)
    kind = _format_of(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except UnicodeDecodeError as error:
        raise HugoConfigError(
            shown, None, f"is not UTF-8 text ({error.reason}); save it as UTF-8"
        ) from None
    fix = f"fix the {kind.upper()} and build again"
    try:
        if kind == "toml":
            data = tomllib.loads(text.replace("\r\n", "\n"))
        elif kind == "json":
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=ConfigYamlLoader)  # noqa: S506 (a safe loader)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        problem = _TOML_POSITION.sub("", str(error)).strip()
        line = int(position[1]) if position else None
        raise HugoConfigError(
            shown, line, f"is not valid TOML: {problem}; {fix}"
        ) from None
    except json.JSONDecodeError as error:
        raise HugoConfigError(
            shown, error.lineno, f"is not valid JSON: {error.msg}; {fix}"
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "unreadable YAML"
        line = mark.line + 1 if mark else None
        raise HugoConfigError(
            shown, line, f"is not valid YAML: {problem}; {fix}"
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        raise HugoConfigError(shown, None, f"cannot be read: {error}; {fix}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise HugoConfigError(
            shown, 1, "must hold a mapping of keys such as 'title', not a list or text"
        )
    return data


def _format_of(name: str) -> str | None:
    extension = name.rsplit(".", 1)[-1].lower()
    return {"toml": "toml", "yaml": "yaml", "yml": "yaml", "json": "json"}.get(
        extension
    )


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key).lower(): _lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower_keys(item) for item in value]
    return value


def _merge(into: dict[str, Any], data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


# --- mapping ----------------------------------------------------------------


def hugo_settings(config: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Pelican settings for a Hugo ``config`` (keys lower-cased), and the
    config's keys that have no counterpart (dotted: ``params.info``)."""
    config = copy.deepcopy(dict(config))
    unused: list[str] = []
    language = str(
        config.get("defaultcontentlanguage") or config.get("languagecode") or "en"
    )
    # The default language's own keys (title, params, menus, mainSections,
    # author ...) win over the top's, as in Hugo's site of that language.
    # Each other language's title, menu and taxonomies are kept for its own
    # pages (its params are not used yet).
    languages = config.pop("languages", {}) or {}
    if not isinstance(languages, dict):
        unused.append("languages")
        languages = {}
    if languages:
        language = str(config.get("defaultcontentlanguage") or "en")
    language_taxonomies: dict[str, dict[str, str]] = {}
    language_titles: dict[str, str] = {}
    language_menus: dict[str, list[tuple[str, str]]] = {}
    for name, values in languages.items():
        is_default = name.lower() == language.lower()
        for key, value in (values if isinstance(values, dict) else {}).items():
            if is_default and key not in LANGUAGE_ONLY_KEYS:
                _merge(config, {key: value})  # as Hugo's site of that language
            elif key == "taxonomies" and isinstance(value, dict):
                # That language's own taxonomies (its taxonomy and term pages).
                language_taxonomies[str(name).lower()] = {
                    str(one): str(many) for one, many in value.items() if many
                }
            elif key == "title" and value:
                language_titles[str(name).lower()] = str(value)  # its home page
            elif key in ("menus", "menu") and isinstance(value, dict):
                language_menus[str(name).lower()] = _menus(value, unused)["MENUITEMS"]
            elif key not in (*LANGUAGE_ONLY_KEYS, "languagecode"):
                unused.append(f"languages.{name}.{key}")

    settings: dict[str, Any] = {}
    params = dict(config.pop("params", {}) or {})
    taxonomies = config.pop("taxonomies", DEFAULT_TAXONOMIES) or {}
    disabled = set(_new_kind_names(config.pop("disablekinds", []) or []))
    # Hugo lower-cases the paths it makes (taxonomies, terms, file names)
    # unless disablePathToLower.
    lower = str(config.pop("disablepathtolower", False)).lower() not in _TRUE
    settings["HUGO_PATH_TO_LOWER"] = lower
    if not lower:
        settings["SLUGIFY_PRESERVE_CASE"] = True
    settings.update(_paginate(config.pop("paginate", HUGO_PAGE_SIZE), unused))
    for key, value in config.items():
        mapper = _KEY_MAPPERS.get(key)
        if mapper:
            settings.update(mapper(value, unused))
        elif key not in IGNORED_KEYS | TEMPLATE_KEYS:
            unused.append(key)

    # Every param is what a site's shortcodes see as site.params.
    settings["HUGO_PARAMS"] = dict(params)
    for key in ("author", "description", "social"):
        if key in params:
            settings.update(_PARAM_MAPPERS[key](params.pop(key), unused))
    unused.extend(f"params.{key}" for key in params)

    settings.update(_feed_settings(disabled, config.pop("outputs", None), unused))
    # Pelican's term pages are the default language's: its own taxonomies
    # table, if it has one, replaces the site's (as in Hugo).
    own = language_taxonomies.get(language.lower())
    pelican_taxonomies = taxonomies if own is None else own
    # With defaultContentLanguageInSubdir the default language's pages are
    # under its folder (/en/tags/), as every other language's are.
    prefix = (
        f"{language.lower()}/"
        if len(languages) > 1 and config.get("defaultcontentlanguageinsubdir")
        else ""
    )
    settings.update(
        _taxonomy_settings(pelican_taxonomies, disabled, unused, lower, prefix)
    )
    if isinstance(taxonomies, dict):
        settings["HUGO_TAXONOMY_FOLDERS"] = [
            str(plural).strip("/") for plural in taxonomies.values() if plural
        ]
        # Read by taxonomies.HugoTaxonomyGenerator: the site's own
        # taxonomies, and the other languages' pages.
        settings["HUGO_TAXONOMIES"] = {
            str(one): str(many) for one, many in taxonomies.items() if many
        }
    else:
        settings["HUGO_TAXONOMIES"] = {}
    for own in language_taxonomies.values():
        settings["HUGO_TAXONOMY_FOLDERS"] = sorted(
            {*settings.get("HUGO_TAXONOMY_FOLDERS", []), *own.values()}
        )
    # A taxonomy's folder in the content, as written or in lower case (Hugo's
    # content tree is in lower case: content/faseries/ for FAseries).
    settings["HUGO_TAXONOMY_FOLDERS"] = sorted(
        {
            name
            for folder in settings.get("HUGO_TAXONOMY_FOLDERS", [])
            for name in (folder, folder.lower())
        }
    )
    settings["HUGO_LANGUAGE_TAXONOMIES"] = language_taxonomies
    settings["HUGO_LANGUAGE_TITLES"] = language_titles
    settings["HUGO_LANGUAGE_MENUS"] = language_menus
    settings["HUGO_DISABLED_KINDS"] = sorted(disabled)
    unused.extend(
        f"disableKinds.{kind}"
        for kind in sorted(disabled - {"taxonomy", "term", "rss", "sitemap", "404"})
    )
    settings["DEFAULT_LANG"] = language.lower()
    # Each language's content folder, relative to the site's root (made
    # relative to Pelican's PATH in ``apply``).
    settings["HUGO_CONTENT_DIRS"] = content_mounts(config, languages)
    if "404" in disabled or (
        languages and bool(config.get("defaultcontentlanguageinsubdir", False))
    ):
        # No 404 page, or each language's in its folder (taxonomies.py).
        settings["DIRECT_TEMPLATES"] = [
            name for name in settings["DIRECT_TEMPLATES"] if name != "404"
        ]
    # Hugo's languages: the table's, else the default one alone (whose name
    # in a file, about.en.md, is the language's as in Hugo).
    settings["HUGO_LANGUAGES"] = sorted(
        {str(name).lower() for name in languages} | {language.lower()}
    )
    settings["HUGO_DEFAULT_IN_SUBDIR"] = bool(languages) and bool(
        config.get("defaultcontentlanguageinsubdir", False)
    )
    return settings, sorted(set(unused))


def content_mounts(
    config: Mapping[str, Any], languages: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """Each language's content folder, relative to the site's root, in
    Hugo 0.111's order (``hugo config mounts``): the default language
    first, then by weight (unweighted last), then by name. A language's
    folder is its own ``contentDir``, else the top-level ``contentDir``
    (``content``); a folder an earlier language has is not that language's
    too: it then has only the files whose name says it (``about.fr.md``)."""
    if languages is None:
        languages = config.get("languages") or {}
    top = _clean_folder(config.get("contentdir")) or "content"
    default = str(config.get("defaultcontentlanguage") or "")
    if not isinstance(languages, dict) or not languages:
        language = default or str(config.get("languagecode") or "en")
        return {language.lower(): top}
    default = (default or "en").lower()

    def order(item: tuple[str, Any]) -> tuple:
        name, values = item
        weight = values.get("weight") if isinstance(values, dict) else None
        if isinstance(weight, bool) or not isinstance(weight, int):
            weight = 0
        return (str(name).lower() != default, weight == 0, weight, str(name))

    mounts: dict[str, str] = {}
    for name, values in sorted(languages.items(), key=order):
        own = values.get("contentdir") if isinstance(values, dict) else None
        folder = _clean_folder(own) or top
        if folder not in mounts.values():
            mounts[str(name).lower()] = folder
    return mounts


def _clean_folder(value: Any) -> str:
    """A folder as Hugo cleans it (Go's filepath.Clean): ``./content.en/``
    is ``content.en``; '' for none."""
    if not isinstance(value, str) or not value.strip():
        return ""
    return posixpath.normpath(value.strip().replace("\\", "/"))


def _base_url(value: Any, unused: list[str]) -> dict[str, Any]:
    return {"SITEURL": str(value).rstrip("/")}


def _title(value: Any, unused: list[str]) -> dict[str, Any]:
    return {"SITENAME": str(value)}


def _author(value: Any, unused: list[str]) -> dict[str, Any]:
    if isinstance(value, dict):
        value = value.get("name")
    return {"AUTHOR": str(value)} if value else {}


def _description(value: Any, unused: list[str]) -> dict[str, Any]:
    return {"CAMEO_DESCRIPTION": str(value)} if value else {}


def _social(value: Any, unused: list[str]) -> dict[str, Any]:
    """``params.social`` as a list of {name, url, weight} (hugo-coder and kin),
    each URL as a Hugo theme prints it (``_social_link``: ``javascript:`` is
    ``#ZgotmplZ``)."""
    entries = value if isinstance(value, list) else []
    links = [
        entry
        for entry in entries
        if isinstance(entry, dict) and entry.get("name") and entry.get("url")
    ]
    if len(links) != len(entries) or not links:
        unused.append("params.social")
        return {}
    links.sort(key=lambda entry: _weight(entry.get("weight")))
    return {
        "SOCIAL": [(str(entry["name"]), _social_link(entry["url"])) for entry in links]
    }


def _social_link(url: Any) -> str:
    """A social URL as a Hugo theme prints it (``urls.safe_url``), and
    ``#ZgotmplZ`` too where the theme's stricter rule for ``SOCIAL``
    (``urls.is_safe_link``, which also reads ``%5c`` as a backslash) would
    stop the build over a value of the Hugo config."""
    link = urls.safe_url(url)
    return link if urls.is_safe_link(link) else urls.FILTERED_URL


def _menus(value: Any, unused: list[str]) -> dict[str, Any]:
    """``menus.main`` (or ``menu.main``): the header menu, lightest first.
    Other menus, and entries under a ``parent``, are left out."""
    menus = value if isinstance(value, dict) else {}
    for name in menus:
        if name != "main":
            unused.append(f"menus.{name}")
    entries = menus.get("main") or []
    if isinstance(entries, dict):
        entries = [entries]
    items = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("parent"):
            unused.append("menus.main (entries with a parent)")
            continue
        link = _menu_link(entry)
        if link is None:
            unused.append("menus.main (entries without url or pageRef)")
            continue
        title = entry.get("name") or entry.get("identifier") or link
        items.append((_weight(entry.get("weight")), str(title), link))
    items.sort(key=lambda item: item[0])
    return {"MENUITEMS": [(title, link) for _, title, link in items]}


def _menu_link(entry: Mapping[str, Any]) -> str | None:
    """A menu entry's link as the site's path (SITEURL is put in front when
    the settings are applied), a ``url`` from ``/`` made as Hugo makes it
    (``urls.menu_path``); a ``pageRef`` as Hugo's default URL of that file
    (a page's own ``url`` or ``slug`` is not looked at)."""
    if entry.get("url"):
        link = str(entry["url"])
        return urls.menu_path(link) if link.startswith("/") else link
    reference = str(entry.get("pageref") or "").strip().strip("/")
    if not entry.get("pageref"):
        return None
    stem, extension = os.path.splitext(reference)
    if extension.lower() in (".md", ".markdown", ".html"):
        reference = stem
    parts = [part for part in reference.split("/") if part]
    if parts and parts[-1] in ("_index", "index"):
        parts.pop()
    return "/" + "".join(f"{urls.sanitize(part)}/" for part in parts)


def _main_sections(value: Any, unused: list[str]) -> dict[str, Any]:
    sections = [value] if isinstance(value, str) else list(value or [])
    paths = [str(section).strip("/") for section in sections]
    # HUGO_MAIN_SECTIONS: given (else Hugo takes each language's busiest)
    return {"ARTICLE_PATHS": paths, "HUGO_MAIN_SECTIONS": paths}


def _paginate(value: Any, unused: list[str]) -> dict[str, Any]:
    """Hugo 0.111's ``paginate`` (10 when the config has none): a list's
    page size, for a theme that pages its lists. The ``pagination`` table of
    Hugo 0.128 and later is not read by 0.111, so it is not read here (it is
    named with the keys this build does not use)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return {}
    return {
        "DEFAULT_PAGINATION": value,
        "PAGINATION_PATTERNS": [
            PaginationRule(1, "{url}", "{save_as}"),
            PaginationRule(
                2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"
            ),
        ],
    }


def _summary_length(value: Any, unused: list[str]) -> dict[str, Any]:
    if isinstance(value, bool) or not isinstance(value, int):
        unused.append("summaryLength")
        return {}
    return {"SUMMARY_MAX_LENGTH": value}


def _permalinks(value: Any, unused: list[str]) -> dict[str, Any]:
    """``[permalinks]``: a section's name -> the pattern of its pages' paths
    (checked in ``apply``, where the config's file is known)."""
    if not isinstance(value, dict):
        unused.append("permalinks")
        return {}
    kept = {}
    for section, pattern in value.items():
        if isinstance(pattern, dict):
            # Hugo 0.112+: [permalinks.page] / [permalinks.section].
            unused.append(f"permalinks.{section}")
        else:
            kept[str(section).strip("/")] = pattern
    return {"HUGO_PERMALINKS": kept}


def _static_dir(value: Any, unused: list[str]) -> dict[str, Any]:
    folders = [value] if isinstance(value, str) else list(value or [])
    return {"HUGO_STATIC_DIRS": [str(folder) for folder in folders]}


def pelican_serves(singular: str, plural: str) -> bool:
    """Whether Pelican's own pages can be Hugo's taxonomy ``singular =
    plural``: Pelican files posts by the fields ``tags``, ``categories`` and
    ``authors``, so only that plural (in any case) can be them; any other
    taxonomy is the plugin's own (taxonomies.py)."""
    pelican = PELICAN_TAXONOMIES.get(singular)
    return bool(pelican) and plural.strip("/").lower() == pelican[1].lower()


def _taxonomy_settings(
    taxonomies: Any,
    disabled: set[str],
    unused: list[str],
    lower: bool = True,
    prefix: str = "",
) -> dict[str, Any]:
    """Tag, category and author pages at Hugo's paths (``tags/<term>/``,
    ``tags/``, and each term's ``index.xml``, lower-cased unless
    disablePathToLower); a taxonomy the config leaves out (authors too: Hugo
    has none by default), or a disabled kind, has no pages."""
    if not isinstance(taxonomies, dict):
        unused.append("taxonomies")
        taxonomies = {}
    settings: dict[str, Any] = {"DIRECT_TEMPLATES": ["404"]}
    for singular, (one, many) in PELICAN_TAXONOMIES.items():
        plural = str(taxonomies.get(singular) or "").strip("/")
        if not pelican_serves(singular, plural):
            plural = ""  # none, or the plugin's own (taxonomies.py)
        plural = plural.lower() if lower else plural
        terms = bool(plural) and "term" not in disabled
        listing = bool(plural) and "taxonomy" not in disabled
        settings.update(
            {
                f"{one}_URL": f"{prefix}{plural}/{{slug}}/" if terms else "",
                f"{one}_SAVE_AS": (
                    f"{prefix}{plural}/{{slug}}/index.html" if terms else ""
                ),
                # Each term's feed is the plugin's (taxonomies.py), as Hugo's:
                # of the term's pages and posts, in its own language only.
                f"{one}_FEED_RSS": None,
                f"{one}_REGEX_SUBSTITUTIONS": HUGO_SLUG_SUBSTITUTIONS,
                f"{many}_URL": f"{prefix}{plural}/" if listing else "",
                f"{many}_SAVE_AS": f"{prefix}{plural}/index.html" if listing else "",
            }
        )
        if listing:
            settings["DIRECT_TEMPLATES"].append(many.lower())
    settings["SLUGIFY_USE_UNICODE"] = True
    return settings


def _feed_settings(
    disabled: set[str], outputs: Any, unused: list[str]
) -> dict[str, Any]:
    """Hugo's RSS feeds: for each kind of list (``FEED_KINDS``) whose output
    formats have RSS (``outputs``, a kind's list replacing its default),
    none with ``disableKinds = ["RSS"]``. The home page's is Pelican's
    ``index.xml``; the others are written by taxonomies.py, which reads
    ``HUGO_FEED_KINDS``."""
    kinds = set() if "rss" in disabled else set(FEED_KINDS)
    outputs = outputs if isinstance(outputs, dict) else {}
    for kind, formats in zip(_new_kind_names(outputs), outputs.values(), strict=True):
        names = [formats] if isinstance(formats, str) else formats
        if not isinstance(names, list) or kind not in (*FEED_KINDS, "page"):
            unused.append(f"outputs.{kind}")
            continue
        names = {str(name).lower() for name in names}
        if not names:
            continue  # Hugo keeps the kind's default
        if names - {"html", "rss"} or "html" not in names:
            unused.append(f"outputs.{kind}")  # other formats, or no HTML page
        if "rss" not in names:
            kinds.discard(kind)
    return {
        "FEED_ALL_ATOM": None,
        "FEED_ALL_RSS": "index.xml" if "home" in kinds else None,
        "CATEGORY_FEED_ATOM": None,
        "TAG_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "HUGO_FEED_KINDS": sorted(kinds),
    }


def _new_kind_names(kinds: Any) -> list[str]:
    """Kinds of pages (disableKinds, outputs' keys) by Hugo 0.111's names,
    lower-cased: with ``taxonomyTerm`` among them, the names are read as
    before Hugo 0.73 (``taxonomy`` was a term's page)."""
    kinds = [
        str(kind).lower() for kind in ([kinds] if isinstance(kinds, str) else kinds)
    ]
    if "taxonomyterm" in kinds:
        return [OLD_KIND_NAMES.get(kind, kind) for kind in kinds]
    return kinds


def _weight(value: Any) -> float:
    """Hugo's menu order: weighted entries first, lightest first."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value:
        return value
    return float("inf")


_KEY_MAPPERS = {
    "baseurl": _base_url,
    "title": _title,
    "author": _author,
    "menus": _menus,
    "menu": _menus,
    "mainsections": _main_sections,
    "summarylength": _summary_length,
    "staticdir": _static_dir,
    "permalinks": _permalinks,
    "markup": lambda value, unused: {"HUGO_MARKUP": value},
    "enableemoji": lambda value, unused: {"HUGO_ENABLE_EMOJI": bool(value)},
    # Read by refs: what a ref to no page does (error, or warning and URL).
    "reflinkserrorlevel": lambda v, unused: {"HUGO_REF_LINKS_ERROR_LEVEL": v},
    "reflinksnotfoundurl": lambda v, unused: {"HUGO_REF_LINKS_NOT_FOUND_URL": v},
    "pluralizelisttitles": lambda v, unused: {"HUGO_PLURALIZE_LIST_TITLES": bool(v)},
    # Read in hugo_settings itself.
    "contentdir": lambda value, unused: {},
    "languagecode": lambda value, unused: {},
    "defaultcontentlanguage": lambda value, unused: {},
    "defaultcontentlanguageinsubdir": lambda value, unused: {},
}
_PARAM_MAPPERS = {"author": _author, "description": _description, "social": _social}


# --- applying ---------------------------------------------------------------


def apply(settings: dict[str, Any], given: str) -> None:
    """Set Pelican's ``settings`` from the Hugo config ``given`` names, where
    the user has not set them; turn on Hugo's URLs and layout."""
    content = os.path.abspath(settings["PATH"])
    site_root, files = _find_site(given, content)
    config = read_config(files)
    found, unused = hugo_settings(config)
    folders = _content_dirs(
        found["HUGO_CONTENT_DIRS"], content, site_root, files, config
    )
    found["HUGO_CONTENT_DIRS"] = folders
    # The default language's content: its own folder, or the whole.
    home_root = os.path.join(content, folders.get(found["DEFAULT_LANG"], ""))
    found.setdefault("HUGO_STATIC_DIRS", ["static"])
    found.setdefault("ARTICLE_PATHS", [_busiest_section(home_root)])
    # PATH itself is a content folder (it is, or holds, Hugo's content/),
    # or only the languages' folders in it are (PATH is the site's root).
    whole = not folders or "" in folders.values()
    found["HUGO_TAXONOMY_FOLDERS"] = _in_language_folders(
        found.get("HUGO_TAXONOMY_FOLDERS", []), folders, True
    )
    found.update(_hugo_layout(found))
    if not whole:
        # Hugo reads nothing outside its content folders.
        found["PAGE_PATHS"] = sorted(set(folders.values()))
    if not os.path.isfile(os.path.join(home_root, "_index.md")):
        # No home page of the site's own: Pelican's index lists the posts.
        found["DIRECT_TEMPLATES"] = ["index", *found["DIRECT_TEMPLATES"]]

    _refuse_taxonomy_outputs(config, files)
    explicit = {name for name in settings if _is_explicit(settings, name)}
    site_url = found.get("SITEURL")
    if site_url and "SITEURL" not in explicit and not _is_site_url(site_url):
        path, line = _where(files, site_url)  # as written, or the key
        raise HugoConfigError(
            *((path, line) if line else _where(files, "baseURL")),
            f"baseURL {site_url!r} is neither an http(s) URL nor a "
            "path, and every link of every page starts with it; write the "
            'address the site is served at, e.g. baseURL = "https://example.org/"',
        )
    old_siteurl = settings.get("SITEURL", "")
    for name, value in found.items():
        if name.startswith("HUGO_"):
            continue  # read below
        if name not in explicit:
            settings[name] = value
    # mainSections (or the user's ARTICLE_PATHS) name Hugo's sections, which
    # are in each language's folder.
    settings["ARTICLE_PATHS"] = _in_language_folders(
        settings["ARTICLE_PATHS"], folders, whole
    )
    settings["HUGO_CONTENT_DIRS"] = folders
    if settings.get("FEED_DOMAIN") == old_siteurl:
        settings["FEED_DOMAIN"] = settings.get("SITEURL", "")
    for name in (
        "HUGO_TAXONOMIES",
        "HUGO_LANGUAGE_TAXONOMIES",
        "HUGO_LANGUAGE_TITLES",
        "HUGO_DISABLED_KINDS",
        "HUGO_FEED_KINDS",
        "HUGO_PATH_TO_LOWER",
        "HUGO_REF_LINKS_ERROR_LEVEL",
        "HUGO_REF_LINKS_NOT_FOUND_URL",
        "HUGO_PLURALIZE_LIST_TITLES",
        "HUGO_MAIN_SECTIONS",
    ):
        settings[name] = found.get(name)
    if found.get("HUGO_LANGUAGES"):
        # Files named name.<lang>.md (source.file_language); translations
        # are linked by Hugo's key, the path without the language.
        settings["HUGO_LANGUAGES"] = found["HUGO_LANGUAGES"]
        settings["HUGO_DEFAULT_IN_SUBDIR"] = found["HUGO_DEFAULT_IN_SUBDIR"]
        for name in ("ARTICLE_TRANSLATION_ID", "PAGE_TRANSLATION_ID"):
            if name not in explicit:
                settings[name] = TRANSLATION_KEY
    if "MENUITEMS" in found and "MENUITEMS" not in explicit:
        settings["MENUITEMS"] = [
            (title, _site_link(link, settings.get("SITEURL", "")))
            for title, link in found["MENUITEMS"]
        ]
    if "CAMEO_LANGUAGES" not in explicit:
        settings["CAMEO_LANGUAGES"] = _site_per_language(found, settings)
    if "DEFAULT_CATEGORY" not in explicit and "category" not in getattr(
        Article, "mandatory_properties", ()
    ):
        # Hugo leaves a post without categories out of every category;
        # Pelican files it under DEFAULT_CATEGORY only when that is set.
        # Pelican 4.11 skips an article with no category at all, so there
        # the default category stays.
        settings.pop("DEFAULT_CATEGORY", None)
    _settle_excludes(settings, explicit, found.get("HUGO_TAXONOMY_FOLDERS", []))
    if "STATIC_PATHS" not in explicit:
        _static_files(settings, site_root, found["HUGO_STATIC_DIRS"])
    options = dict(settings.get("HUGO_FRONTMATTER") or {})
    options.setdefault("hugo_urls", True)
    if isinstance(options.get("shortcodes"), str) and options["shortcodes"]:
        # Relative to the Hugo site's root, which PATH may be (the reader
        # takes it from the folder above PATH).
        options["shortcodes"] = os.path.join(site_root, options["shortcodes"])
    if found.get("HUGO_PERMALINKS"):
        problem = permalinks_problem(found["HUGO_PERMALINKS"])
        if problem:
            bad = next(
                pattern
                for pattern in found["HUGO_PERMALINKS"].values()
                if not isinstance(pattern, str) or urls.permalink_problem(pattern)
            )
            raise HugoConfigError(
                *_where(files, str(bad)),
                f"permalinks{problem} (Hugo stops here too: 'permalink ill-formed')",
            )
        options.setdefault("permalinks", found["HUGO_PERMALINKS"])
    if isinstance(found.get("HUGO_MARKUP"), dict):
        try:
            goldmark.GoldmarkOptions.from_hugo_config(found["HUGO_MARKUP"])
        except goldmark.GoldmarkConfigError as error:
            raise HugoConfigError(*_where(files, error.key), str(error)) from None
        options.setdefault("markup", found["HUGO_MARKUP"])
    options.setdefault("enable_emoji", found.get("HUGO_ENABLE_EMOJI", False))
    settings["HUGO_PARAMS"] = found.get("HUGO_PARAMS") or {}
    settings["HUGO_FRONTMATTER"] = options
    shown = ", ".join(display_path(path) for path in files)
    logger.info("Hugo config %s read", shown)
    if unused:
        logger.warning(
            "%s: these keys are not used by this build (no Pelican counterpart "
            "yet): %s",
            shown,
            ", ".join(unused),
        )


def _refuse_taxonomy_outputs(config: Mapping[str, Any], files: list[str]) -> None:
    """Hugo 0.111 stops where ``taxonomy`` may mean the list of terms or,
    as before Hugo 0.73, a term: in ``outputs`` or ``disableKinds`` (as
    written) without ``term`` (or ``taxonomyTerm``) beside it, unless
    ``ignoreErrors`` holds that error's name."""
    ignored = config.get("ignoreerrors") or []
    ignored = {
        str(name).lower()
        for name in ([ignored] if isinstance(ignored, str) else ignored)
    }
    outputs = config.get("outputs")
    kinds = config.get("disablekinds") or []
    kinds = [str(kind) for kind in ([kinds] if isinstance(kinds, str) else kinds)]
    found = []
    if isinstance(outputs, dict) and "taxonomy" in outputs:
        if not {"term", "taxonomyterm"} & set(outputs):
            found.append(("outputs", "taxonomy", "error-output-taxonomy"))
    if "taxonomy" in kinds and not {"term", "taxonomyTerm"} & set(kinds):
        found.append(("disableKinds", "disableKinds", "error-disable-taxonomy"))
    for key, written, error in found:
        if error in ignored:
            continue
        path, line = _where_key(files, written)
        raise HugoConfigError(
            path,
            line,
            f"{key} names 'taxonomy' without 'term': Hugo 0.111 stops here "
            "(since Hugo 0.73 'taxonomy' is the list of terms, 'term' a term's "
            f'page); name both, or add ignoreErrors = ["{error}"] to the '
            "config to keep it as it is, as Hugo says",
        )


def _where_key(files: list[str], key: str) -> tuple[str, int | None]:
    """The config file and line where ``key`` is set (in any case, as a
    TOML, YAML or JSON key), the last file first."""
    pattern = re.compile(rf"""(?i)^\s*["']?{re.escape(key)}["']?\s*[:=]""")
    for path in reversed(files):
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if pattern.search(line):
                    return display_path(path), number
    return ", ".join(display_path(path) for path in files), None


def _is_site_url(site_url: str) -> bool:
    """Whether a baseURL is one a page's links may start with: an http(s)
    URL with a host, or a path in the site (``urls.is_safe_link``); Pelican
    puts it in front of every link, where Hugo filters its permalinks."""
    return urls.is_safe_link(site_url + "/", urls.WEB_SCHEMES)


def _where(files: list[str], text: str) -> tuple[str, int | None]:
    """The config file and line where ``text`` is written (the last file
    holding it wins, as it does when they are merged)."""
    for path in reversed(files):
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if text in line:
                    return display_path(path), number
    return ", ".join(display_path(path) for path in files), None


def content_folders(settings: Mapping[str, Any]) -> list[str]:
    """The folders Hugo reads content from, for plugins that walk the
    content: PATH itself, or (PATH being the Hugo site's root) each
    language's content folder in it, none twice."""
    root = os.path.abspath(settings["PATH"])
    folders = sorted(set((settings.get("HUGO_CONTENT_DIRS") or {}).values()))
    if not folders or "" in folders:
        return [root]
    found: list[str] = []
    for folder in folders:  # content/en before content/en/x
        if not any(folder.startswith(f"{kept}/") for kept in found):
            found.append(folder)
    return [os.path.join(root, *folder.split("/")) for folder in found]


def _find_site(given: str, content: str) -> tuple[str, list[str]]:
    """The Hugo site's root and its config files. PATH is the site's root
    when the config is in it (PATH left out, or PATH = "."); else PATH is
    Hugo's content folder and the root is the folder above it. A relative
    ``given`` is looked for in PATH first, then in the folder above."""
    above = os.path.dirname(content)
    if os.path.isabs(given):
        files = find_files(given, above)
        return (content if is_inside(given, [content]) else above), files
    try:
        return content, find_files(given, content)
    except HugoConfigError:
        return above, find_files(given, above)


def _content_dirs(
    mounts: Mapping[str, str],
    content: str,
    site_root: str,
    files: list[str],
    config: Mapping[str, Any],
) -> dict[str, str]:
    """Each language's content folder (``content_mounts``) as a folder of
    Pelican's PATH (posix, '' for PATH itself); {} when PATH is all of one
    language's content. Pelican reads one folder, PATH, so a content
    folder outside it stops the build."""
    folders = {}
    for language, written in mounts.items():
        path = os.path.abspath(os.path.join(site_root, written))
        relative = os.path.relpath(path, content)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            name = os.path.basename(path) or language
            example = os.path.relpath(os.path.join(content, name), site_root)
            languages = config.get("languages") or {}
            values = languages.get(language)
            own = isinstance(values, dict) and values.get("contentdir")
            key = f"languages.{language}.contentDir" if own else "contentDir"
            raise HugoConfigError(
                *_where(files, written),
                f"{key} = {written!r} is {display_path(path)}, outside the "
                f"content folder {display_path(content)} (Pelican's PATH), and "
                "Pelican reads one folder; leave PATH out of the settings (or "
                "set it to the Hugo site's folder), or move that language's "
                "folder under PATH and point contentDir there (contentDir = "
                f'"{example.replace(os.sep, "/")}")',
            )
        folders[language] = (
            "" if relative == os.curdir else relative.replace(os.sep, "/")
        )
    if all(not folder for folder in folders.values()):
        return {}
    return folders


def _in_language_folders(
    paths: list[str], folders: Mapping[str, str], keep_top: bool
) -> list[str]:
    """Folders of Hugo's content (a section, a taxonomy's terms) in each
    language's content folder: ``posts`` is ``english/posts`` and
    ``french/posts``; ``posts`` stays too when ``keep_top`` (a language
    reads the whole content folder). A path already in a language's folder
    is kept as it is."""
    own = sorted({folder for folder in folders.values() if folder})
    found: list[str] = []
    for path in paths:
        path = str(path).strip("/")
        if not own or any(path == f or path.startswith(f"{f}/") for f in own):
            candidates = [path]
        else:
            candidates = [f"{folder}/{path}" if path else folder for folder in own]
            if keep_top:
                candidates.insert(0, path)
        found.extend(item for item in candidates if item not in found)
    return found


def _busiest_section(content: str) -> str:
    """Hugo's default mainSections: the top folder of the content that holds
    the most pages (the first by name of those that tie); else ``posts``.
    A list page (``_index.md``, ``_index.pt-br.md``) is no page here."""
    counts = {}
    names = os.listdir(content) if os.path.isdir(content) else []
    for name in sorted(names):
        folder = os.path.join(content, name)
        if os.path.isdir(folder) and not name.startswith("."):
            counts[name] = sum(
                file.endswith(".md") and not file.startswith("_index.")
                for _, _, files in os.walk(folder)
                for file in files
            )
    busiest = max(counts, key=lambda name: counts[name], default=None)
    return busiest if busiest and counts[busiest] else "posts"


def _hugo_layout(found: Mapping[str, Any]) -> dict[str, Any]:
    """Hugo's folders: mainSections are articles, the rest pages,
    content/_index.md the home page; no folder is a category."""
    return {
        "ARTICLE_PATHS": found["ARTICLE_PATHS"],
        "PAGE_PATHS": [""],
        "USE_FOLDER_AS_CATEGORY": False,
        "DISPLAY_CATEGORIES_ON_MENU": False,
        "DISPLAY_PAGES_ON_MENU": "MENUITEMS" not in found,
    }


def _is_explicit(settings: Mapping[str, Any], name: str) -> bool:
    """Whether the user set ``name``: a value other than Pelican's default."""
    return settings.get(name, _MISSING) is not _MISSING and settings[
        name
    ] != DEFAULT_CONFIG.get(name, _MISSING)


def _site_per_language(
    found: Mapping[str, Any], settings: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    """The theme's header for each other language (CAMEO_LANGUAGES): its
    site name, its home page and its menu, whose relative links are within
    the language's folder, as Hugo makes them."""
    site_url = settings.get("SITEURL", "")
    titles = found.get("HUGO_LANGUAGE_TITLES") or {}
    menus = found.get("HUGO_LANGUAGE_MENUS") or {}
    header: dict[str, dict[str, Any]] = {}
    for language in sorted({*titles, *menus}):
        within = f"{language}/"
        header[language] = {
            "name": titles.get(language),
            "home": f"{site_url}/{within}",
            "menu": [
                (title, _site_link(link, site_url, within))
                for title, link in menus.get(language, [])
            ],
        }
    return header


def _site_link(link: str, site_url: str, within: str = "") -> str:
    """A menu link as a page prints it: a path in the site gets SITEURL; a
    relative one (``about/``) is taken from ``within``, a language's folder.
    The theme's header prints every menu link through the one check of a
    URL a page shows (``safe_url``: ``javascript:`` is ``#ZgotmplZ``)."""
    if link.startswith("/"):
        return f"{site_url}/{link.lstrip('/')}"
    if ":" in link.split("/")[0]:
        return link  # https://..., mailto:...
    return f"{site_url}/{within}{link}"


def _settle_excludes(
    settings: dict[str, Any], explicit: set[str], taxonomy_folders: list[str]
) -> None:
    """What Pelican's configure_settings did with the paths it read: each
    kind's folders are left out of the other kind; done again for the new
    ones. A taxonomy's folder (content/tags/) holds the content of its term
    pages, not pages: left out of both."""
    for kind, other in (("ARTICLE", "PAGE"), ("PAGE", "ARTICLE")):
        old = DEFAULT_CONFIG[f"{other}_PATHS"]
        excludes = [
            path
            for path in settings.get(f"{kind}_EXCLUDES", [])
            if f"{other}_PATHS" in explicit or path not in old
        ]
        for path in [*settings[f"{other}_PATHS"], *taxonomy_folders]:
            if path not in excludes:
                excludes.append(path)
        settings[f"{kind}_EXCLUDES"] = excludes


def _static_files(settings: dict[str, Any], site_root: str, folders: list[str]) -> None:
    """Hugo copies its static folders to the site's root: each file becomes a
    static path with its save_as at the root (Pelican's static paths are in
    the content folder; these are beside it)."""
    content = settings["PATH"]
    paths = []
    extra = dict(settings.get("EXTRA_PATH_METADATA") or {})
    for folder in folders:
        root = os.path.normpath(os.path.join(site_root, folder))
        if not os.path.isdir(root):
            continue
        relative_root = os.path.relpath(root, content).replace(os.sep, "/")
        paths.append(relative_root)
        for parent, _, files in os.walk(root):
            for name in files:
                full = os.path.join(parent, name)
                in_static = os.path.relpath(full, root).replace(os.sep, "/")
                key = f"{relative_root}/{in_static}"
                extra.setdefault(key, {"save_as": in_static, "url": in_static})
    settings["STATIC_PATHS"] = paths
    settings["EXTRA_PATH_METADATA"] = extra
