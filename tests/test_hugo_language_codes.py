"""Each language's code and name reach the theme (issue 26): the ``code``
and ``language_name`` of its CAMEO_LANGUAGES entry are what Hugo 0.111
gives a theme as ``site.LanguageCode`` and ``site.Language.LanguageName``,
compared with Hugo on generated configs, but for a code the language
inherits from the top level that names another language (it would mark its
pages in a wrong language); the default language's entry keeps the site's
root as its home. A site's own Go shortcode sees both exactly as in Hugo."""

from __future__ import annotations

import html
import json
import tempfile
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from cameo_shared.contract import CAMEO_LANGUAGES
from pelican.plugins.hugo_frontmatter import hugo_frontmatter
from pelican.plugins.hugo_frontmatter.config.languages import site_per_language

from .conftest import (
    build_site,
    examples,
    hugo_build,
    migrated_settings,
    write_tree,
)
from .test_go_shortcodes import _content

SITE_URL = "https://example.org"
# What Hugo prints of each language, on its home page.
LAYOUTS = {
    "layouts/index.html": (
        "CAMEO|{{ site.Language.Lang }}|{{ site.LanguageCode }}"
        "|{{ site.Language.LanguageName }}|{{ site.Home.Permalink }}"
    ),
    "layouts/_default/single.html": "{{ .Title }}",
    "layouts/_default/list.html": "{{ .Title }}",
}
LANGUAGES = ["en", "zh", "pt-br", "fr", "de", "zh-hant"]
CODE_KEYS = st.sampled_from(["languageCode", "languagecode", "LanguageCode"])
NAME_KEYS = st.sampled_from(["languageName", "languagename", "LANGUAGENAME"])
# Text mostly; a number, a switch or a list is read as Go's cast reads text.
ODD = st.one_of(st.integers(0, 99), st.booleans(), st.just(["x"]))
CODES = st.sampled_from(["en-US", "zh-CN", "pt-BR", "fr-FR", "zh-Hant-TW", "", "DE"])
NAMES = st.sampled_from(["English", "中文", "Português (Brasil)", "Français", ""])


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


@st.composite
def configs(draw) -> str:
    """A hugo.toml of two or three languages, each key of a language's own
    (languageCode, languageName) and the top-level ones there or not, in
    any case; the language's name in the table in any case."""
    names = draw(st.lists(st.sampled_from(LANGUAGES), min_size=2, max_size=3))
    names = list(dict.fromkeys(names))
    if len(names) < 2:
        names.append("en" if names[0] != "en" else "fr")
    lines = [
        f'baseURL = "{SITE_URL}/"',
        'title = "Site"',
        f'defaultContentLanguage = "{draw(st.sampled_from(names))}"',
    ]
    if draw(st.booleans()):
        lines.append("defaultContentLanguageInSubdir = true")
    for key, values in ((CODE_KEYS, CODES), (NAME_KEYS, NAMES)):
        if draw(st.booleans()):
            lines.append(f"{draw(key)} = {_toml(draw(values | ODD))}")
    for weight, name in enumerate(names, 1):
        spelled = name.upper() if draw(st.booleans()) else name
        lines += ["", f"[languages.{spelled}]", f"weight = {weight}"]
        for key, values in ((CODE_KEYS, CODES), (NAME_KEYS, NAMES)):
            if draw(st.booleans()):
                lines.append(f"{draw(key)} = {_toml(draw(values | ODD))}")
    return "\n".join(lines) + "\n"


def _hugos(public: Path) -> dict[str, tuple[str, str, str]]:
    """Each language's (code, name, home) as Hugo printed them."""
    found = {}
    for page in public.rglob("index.html"):
        text = html.unescape(page.read_text("utf-8").strip())
        if text.startswith("CAMEO|"):
            _, lang, code, name, home = text.split("|")
            found[lang] = (code, name, home)
    return found


def _cameos(root: Path, **given) -> dict[str, dict]:
    """CAMEO_LANGUAGES after the plugin's ``initialized`` step read the
    site's config, as in a build (``given``: the site's own settings)."""
    found = read_settings(
        None,
        override={
            "PATH": str(root),
            "HUGO_FRONTMATTER": {"hugo_config": ".", "markdown_cache": False},
            **given,
        },
    )
    hugo_frontmatter.on_initialized(SimpleNamespace(settings=found))
    return found[CAMEO_LANGUAGES]


# The default language's own code is its alone: the others fall back on
# the top-level one, as Hugo's languages do (en is en-US).
OWN_CODE_AND_TOP = """\
baseURL = "https://example.org/"
languageCode = "en-US"
defaultContentLanguage = "fr"
[languages.fr]
languageCode = "fr-FR"
languageName = "Français"
[languages.en]
weight = 2
"""
# hugo-coder's example: the top-level code is the default language's, and
# pt-br has none of its own; Hugo gives it "en", cameo none (its lang).
INHERITED_OTHER = """\
baseURL = "https://example.org/"
languageCode = "en"
defaultContentLanguage = "en"
[languages.en]
languageName = ":uk:"
[languages.pt-br]
languageName = ":brazil:"
weight = 2
"""


@pytest.mark.hugo
@pytest.mark.slow
@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(config=configs())
@example(config=OWN_CODE_AND_TOP)
@example(config=INHERITED_OTHER)
def test_each_languages_code_and_name_are_hugos(hugo, config):
    files = {"hugo.toml": config, "content/_index.md": "---\ntitle: Home\n---\n"}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        theirs = _hugos(hugo_build(hugo, root / "hugo-site", files, LAYOUTS))
        ours = _cameos(write_tree(root / "site", files))
    assert len(theirs) >= 2
    tables = {
        name.lower(): {key.lower() for key in table}
        for name, table in tomllib.loads(config)["languages"].items()
    }
    for lang, (code, name, home) in theirs.items():
        primary = code.replace("_", "-").split("-")[0].lower()
        if "languagecode" not in tables[lang] and primary != lang.split("-")[0]:
            code = ""  # another language's code, inherited: not kept
        entry = ours.get(lang, {})
        assert (entry.get("code", ""), entry.get("language_name", "")) == (
            code,
            name,
        ), lang
        if code or name:
            assert entry["home"] == home, lang


# Values Go's cast prints its own way: a switch as "true", a list as "".
ODD_VALUES = """\
baseURL = "https://example.org/"
defaultContentLanguage = "en"
[languages.en]
languageCode = true
languageName = ["x"]
[languages.fr]
languageCode = 12
weight = 2
"""
# A site's own Go shortcode prints what Hugo gives it, with no difference:
# it is the site's template, not the theme's markup.
SHORTCODE = "{{ site.LanguageCode }}|{{ site.Language.LanguageName }}"


def _shortcode_outputs(output: Path, body) -> dict[str, str]:
    """Each language's post (``.../posts/p/index.html``): what it shows."""
    return {
        page.relative_to(output).as_posix(): body(page.read_text("utf-8")).strip()
        for page in output.rglob("posts/p/index.html")
    }


def _post_files(config: str) -> dict[str, str]:
    """The post in each of the config's languages, calling the shortcode."""
    found = tomllib.loads(config)
    default = found["defaultContentLanguage"].lower()
    files = {"layouts/shortcodes/lang.html": SHORTCODE}
    for name in found["languages"]:
        lang = name.lower()
        file = "p.md" if lang == default else f"p.{lang}.md"
        files[f"content/posts/{file}"] = "---\ntitle: P\n---\n{{< lang >}}\n"
    return files


@pytest.mark.hugo
@pytest.mark.slow
@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(config=configs())
@example(config=INHERITED_OTHER)
@example(config=ODD_VALUES)
def test_a_go_shortcode_sees_each_languages_code_and_name_as_in_hugo(hugo, config):
    files = {"hugo.toml": config, **_post_files(config)}
    layouts = {**LAYOUTS, "layouts/_default/single.html": "{{ .Content }}"}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        public = hugo_build(hugo, root / "hugo-site", files, layouts)
        theirs = _shortcode_outputs(public, lambda html: html)
        site = write_tree(
            root / "site", {**files, "cameoconf.py": migrated_settings(".")}
        )
        build_site(site, root / "out", site / "cameoconf.py")
        ours = _shortcode_outputs(root / "out", _content)
    assert len(theirs) >= 2
    assert ours == theirs


def test_the_default_languages_home_is_the_sites_root():
    plugin = {
        "HUGO_LANGUAGE_TITLES": {"fr": "Le site"},
        "HUGO_LANGUAGE_MENUS": {"fr": [("Notes", "notes/")]},
        "HUGO_LANGUAGE_CODES": {"en": "en-US", "zh": "zh-CN"},
        "HUGO_LANGUAGE_NAMES": {"en": "English"},
        "HUGO_LANGUAGES": ["de", "en", "fr", "zh"],
    }
    header = site_per_language(plugin, SITE_URL, "EN")
    assert header == {
        "en": {
            "name": None,
            "home": f"{SITE_URL}/",
            "menu": [],
            "code": "en-US",
            "language_name": "English",
        },
        # A title and a menu: the entry it had, with nothing added.
        "fr": {
            "name": "Le site",
            "home": f"{SITE_URL}/fr/",
            "menu": [("Notes", f"{SITE_URL}/fr/notes/")],
        },
        "zh": {"name": None, "home": f"{SITE_URL}/zh/", "menu": [], "code": "zh-CN"},
    }
    in_subdir = site_per_language(
        {**plugin, "HUGO_DEFAULT_IN_SUBDIR": True}, SITE_URL, "en"
    )
    assert in_subdir["en"]["home"] == f"{SITE_URL}/en/"
    assert in_subdir["fr"] == header["fr"]


def test_the_sites_own_entries_win_key_by_key(tmp_path):
    """A site that names one language's code in its settings keeps the
    config's other languages, and the rest of that language's entry."""
    config = OWN_CODE_AND_TOP + '[languages.de]\ntitle = "Die Seite"\n'
    root = write_tree(tmp_path, {"hugo.toml": config})
    own = {"de": {"code": "de-AT"}, "zh": {"code": "zh-Hans", "name": "网站"}}
    assert _cameos(root, CAMEO_LANGUAGES=own) == {
        "fr": {
            "name": None,
            "home": f"{SITE_URL}/",
            "menu": [],
            "code": "fr-FR",
            "language_name": "Français",
        },
        "en": {"name": None, "home": f"{SITE_URL}/en/", "menu": [], "code": "en-US"},
        "de": {
            "name": "Die Seite",
            "home": f"{SITE_URL}/de/",
            "menu": [],
            "code": "de-AT",
        },
        "zh": {"code": "zh-Hans", "name": "网站"},
    }
