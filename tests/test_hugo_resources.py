"""Hugo's resources, images, ``.Site.Data`` and ``i18n`` on the gotemplate
engine, with Hugo 0.111 as the oracle: each test builds one small site with
page bundles (images made with Pillow) with Hugo, runs the same layout on
the engine with ``hugo_templates``, and compares the pages."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from pelican.plugins.hugo_frontmatter.gotemplate import TemplateError, TemplateSet
from pelican.plugins.hugo_frontmatter.hugo_templates.bindings import SiteBindings
from pelican.plugins.hugo_frontmatter.hugo_templates.data import (
    DataFileError,
    site_data,
    translation_tables,
)
from pelican.plugins.hugo_frontmatter.hugo_templates.funcs import (
    collections,
    lang,
    resources,
)
from pelican.plugins.hugo_frontmatter.hugo_templates.resources import page_resources

from .conftest import examples, hugo_build, write_tree
from .hugo_functions_oracle import hugo_outputs

pytestmark = pytest.mark.hugo

BASE_URL = "http://example.org/"
# The shared sites' real shortcodes and data, copied with their licences.
REAL = Path(__file__).parent / "fixtures" / "go_shortcodes"
CONFIG = f"""
baseURL = "{BASE_URL}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]
"""
PROPERTY = settings(
    deadline=None,
    max_examples=examples(4),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def image_bytes(size: tuple[int, int], suffix: str, alpha: bool = False) -> bytes:
    """A small image with some detail, in the format of ``suffix``."""
    image = Image.new("RGBA" if alpha else "RGB", size, (200, 40, 30))
    for x in range(0, size[0], 7):
        for y in range(0, size[1], 5):
            image.putpixel((x, y), (10, 160, 90, 120) if alpha else (10, 160, 90))
    out = io.BytesIO()
    kind = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}[suffix]
    if kind in ("JPEG",):
        image = image.convert("RGB")
    image.save(out, format=kind)
    return out.getvalue()


def bundles_both_ways(
    hugo: str,
    root: Path,
    bundles: list[tuple[str, dict[str, bytes | str]]],
    imaging: dict[str, Any] | None = None,
    files: dict[str, str] | None = None,
    fronts: list[dict[str, Any]] | None = None,
    base_url: str = BASE_URL,
) -> list[tuple[str, str, SiteBindings]]:
    """Each bundle (a layout, and the files beside its index.md) as a page
    of one Hugo build, and the same layout run on the engine with the
    bundle's ``.Resources``: ``(hugo's page, cameo's, cameo's bindings)``."""
    table = "".join(f"{k} = {json.dumps(v)}\n" for k, v in (imaging or {}).items())
    tree: dict[str, str | bytes] = {
        "config.toml": CONFIG.replace(BASE_URL, base_url) + f"\n[imaging]\n{table}",
        **(files or {}),
    }
    for n, (layout, bundle) in enumerate(bundles):
        tree[f"layouts/_default/b{n}.html"] = layout
        front = {"layout": f"b{n}", "title": f"B{n}", **(fronts[n] if fronts else {})}
        tree[f"content/b{n}/index.md"] = f"---\n{json.dumps(front)}\n---\n"
        for name, data in bundle.items():
            tree[f"content/b{n}/{name}"] = data
    site = root / "site"
    write_tree(site, tree)
    try:
        public = hugo_build(hugo, site, {}, layouts={})
    except subprocess.CalledProcessError as error:
        raise AssertionError(error.stderr.decode("utf-8", "replace")) from None
    results = []
    for n, (layout, _) in enumerate(bundles):
        page = public / f"b{n}" / "index.html"
        hugo_page = page.read_text(encoding="utf-8") if page.exists() else ""
        bindings = SiteBindings(
            base_url=base_url, site_root=str(site), imaging=imaging or {}
        )
        resources = page_resources(
            str(site / "content" / f"b{n}"),
            urlsplit(base_url).path + f"b{n}/",
            bindings,
            (fronts[n] if fronts else {}).get("resources"),
        )
        templates = TemplateSet(funcs=own_functions(bindings), html=True)
        dot = {"Resources": resources, "Site": {}}
        cameo_page = templates.parse(f"b{n}", layout).execute(dot)
        results.append((hugo_page, cameo_page, bindings))
    return results


def own_functions(bindings: SiteBindings) -> dict[str, Any]:
    """The namespaces under test, without the others (which other tests
    check), so that these tests see only the code they are about."""
    collection = collections.functions(bindings)
    return {
        **lang.functions(bindings),
        **resources.functions(bindings),
        "dict": collection["dict"],
    }


# Image processing ------------------------------------------------------------

SOURCE_FORMATS = ["jpg", "png", "gif", "webp"]
ACTIONS = ["Resize", "Fit", "Fill", "Crop"]
ANCHORS = ["", "center", "TopLeft", "top", "topright", "left", "right", "bottomleft"]
ANCHORS += ["bottom", "BottomRight", "smart"]


@st.composite
def image_operations(draw) -> dict[str, Any]:
    """A source image and one processing spec for it."""
    # Sizes whose result is never 0 pixels wide (Hugo stops the build then).
    size = (draw(st.integers(20, 300)), draw(st.integers(20, 300)))
    action = draw(st.sampled_from(ACTIONS))
    width = draw(st.integers(20, 400))
    height = draw(st.integers(20, 400))
    if action == "Resize":
        width, height = draw(
            st.sampled_from([(width, 0), (0, height), (width, height)])
        )
    words = [f"{width or ''}x{height or ''}"]
    words.append(draw(st.sampled_from(ANCHORS)))
    words.append(draw(st.sampled_from(["", "r90", "r180", "r270", "r-90"])))
    words.append(draw(st.sampled_from(["", "png", "jpg", "gif", "webp", "JPEG"])))
    words.append(draw(st.sampled_from(["", "q10", "q90", "lanczos", "#336699"])))
    if action in ("Fill", "Crop") and words[1] in ("", "smart"):
        # Hugo finds the smart crop on the image before it turns it: what
        # it keeps then depends on where smartcrop looks (left out).
        words[2] = ""
    draw(st.randoms()).shuffle(words)
    return {
        "size": size,
        "format": draw(st.sampled_from(SOURCE_FORMATS)),
        "alpha": draw(st.booleans()),
        "action": action,
        "spec": " ".join(w for w in words if w),
    }


IMAGING = st.fixed_dictionaries(
    {},
    optional={
        "quality": st.integers(1, 100),
        "resampleFilter": st.sampled_from(["Lanczos", "box", "CatmullRom"]),
        "anchor": st.sampled_from(["Smart", "center", "TopLeft", "bottomright"]),
    },
)


@settings(PROPERTY)
@given(
    operations=st.lists(image_operations(), min_size=12, max_size=12),
    imaging=IMAGING,
)
def test_processed_images_have_hugos_sizes_names_and_types(
    hugo, tmp_path_factory, operations, imaging
):
    bundles = []
    for n, op in enumerate(operations):
        name = f"img{n}.{op['format']}"
        layout = (
            f'{{{{ with .Resources.Get "{name}" }}}}{{{{ .Width }}}}x{{{{ .Height }}}} '
            f'{{{{ $r := .{op["action"]} "{op["spec"]}" }}}}'
            "{{ $r.Width }}x{{ $r.Height }} {{ $r.MediaType }} {{ $r.Name }} "
            "{{ $r.ResourceType }}\n"
            # An image of no pixels (Fit of 1x3 into 1x1 is 0x1) cannot be
            # written by Pillow.
            "{{ if and $r.Width $r.Height }}{{ $r.RelPermalink }}{{ end }}{{ end }}"
        )
        bundles.append(
            (layout, {name: image_bytes(op["size"], op["format"], op["alpha"])})
        )
    root = tmp_path_factory.mktemp("images")
    results = bundles_both_ways(hugo, root, bundles, imaging)
    for (hugo_page, cameo_page, bindings), op in zip(results, operations, strict=True):
        hugo_text, hugo_link = hugo_page.split("\n")
        cameo_text, cameo_link = cameo_page.split("\n")
        assert cameo_text == hugo_text, op
        if not hugo_link:
            continue
        # The published file is what its .Width and .Height say, in both.
        size = hugo_text.split()[1]
        with Image.open(root / "site" / "hugo" / hugo_link.lstrip("/")) as image:
            assert "{}x{}".format(*image.size) == size, op
        with Image.open(
            io.BytesIO(bindings.output.files[cameo_link.lstrip("/")])
        ) as image:
            assert "{}x{}".format(*image.size) == size, op
        # Named as Hugo names it.
        assert cameo_link == hugo_link, op


# A bundle's files: their order, names, types, URLs, and globs ---------------

SUFFIXES = ["jpg", "PNG", "txt", "json", "css", "pdf", "svg", "mp4", "weird", "js"]
GLOB_PARTS = ["*", "**", "?", "a", "B", ".", "/", "sub/", "[ab]", "[!a]", "[a-c]"]
GLOB_PARTS += ["{a,b*}", "{sub/,}", "jpg", "*.png", "\\*", "c"]


@st.composite
def bundle_files(draw) -> tuple[list[str], list[str]]:
    """A bundle's file names (some in a folder, in mixed case) and globs."""
    stems = st.text(alphabet="aAbBc_-", min_size=1, max_size=4)
    names = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["", "sub/", "sub/deep/", "Img/"]),
                stems,
                st.sampled_from([*SUFFIXES, ""]),
            ).map(lambda t: f"{t[0]}{t[1]}{'.' if t[2] else ''}{t[2]}"),
            min_size=1,
            max_size=8,
            unique_by=str.lower,
        ).filter(lambda names: not {"sub", "img"} & {n.lower() for n in names})
    )
    patterns = draw(
        st.lists(
            st.lists(st.sampled_from(GLOB_PARTS), min_size=1, max_size=4).map("".join),
            min_size=6,
            max_size=6,
        )
    )
    return names, patterns


def listing_layout(names: list[str], patterns: list[str]) -> str:
    """A layout printing the bundle as Hugo lists it and what each glob finds."""
    layout = (
        "{{ range .Resources }}{{ .Name }}|{{ .Title }}|{{ .ResourceType }}|"
        "{{ .MediaType }}|{{ .MediaType.MainType }}|{{ .MediaType.SubType }}|"
        "{{ .MediaType.Suffixes }}|{{ .RelPermalink }}|{{ .Permalink }}\n{{ end }}"
        '{{ len (.Resources.ByType "image") }} {{ len (.Resources.ByType "text") }}\n'
    )
    for pattern in patterns:
        layout += (
            f"{pattern}: {{{{ range .Resources.Match `{pattern}` }}}}{{{{ .Name }}}},"
            f"{{{{ end }}}} {{{{ with .Resources.GetMatch `{pattern}` }}}}"
            "{{ .Name }}{{ end }}\n"
        )
    for name in names[:3]:
        get = f'.Resources.Get "{name.upper()}"'
        layout += f"{{{{ with {get} }}}}{{{{ .Name }}}}{{{{ end }}}}\n"
    return layout


@settings(PROPERTY)
@given(bundles=st.lists(bundle_files(), min_size=6, max_size=6))
# Hugo's globs are gobwas/glob's, quirks and all: a ** then a * never
# matches an empty run, a lone ? or [!a] takes one character, [!a][!a]*.
@example(bundles=[(["A.PNG"], ["?***.png"])])
@example(
    bundles=[
        (
            ["A.PNG", "ab.png", "b.png", "sub/a.png", "Bc_-.weird", "c"],
            ["?***.png", "a***.png", "[!a][!a]*", "?", "[!a]", "{b*,a}.png"],
        )
    ]
)
def test_bundle_lists_names_types_urls_and_globs_as_hugo(
    hugo, tmp_path_factory, bundles
):
    site_bundles = [
        (listing_layout(names, patterns), {name: "x" for name in names})
        for names, patterns in bundles
    ]
    root = tmp_path_factory.mktemp("globs")
    for (hugo_page, cameo_page, _), bundle in zip(
        bundles_both_ways(hugo, root, site_bundles), bundles, strict=True
    ):
        assert cameo_page == hugo_page, bundle


# .Site.Data ------------------------------------------------------------------

DATA_KEYS = st.sampled_from(["a", "A", "b", "Key", "key", "x_1", "n", "yes"])
SCALARS = (
    st.integers(-(10**9), 10**9)
    | st.booleans()
    | st.text(alphabet="abyn01 .", max_size=5)
    | st.sampled_from([0.5, -3.0, 1e21, 2.25])
)
DATA_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(DATA_KEYS, inner, max_size=3)
    ),
    max_leaves=8,
)


def toml_text(value: Any) -> str:
    """TOML for a map (no TOML writer is installed): inline tables."""
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {toml_text(v)}" for k, v in value.items())
        return "{ " + inner + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_text(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def data_file(kind: str, value: dict[str, Any]) -> str:
    if kind == "json":
        return json.dumps(value)
    if kind == "yaml":
        return yaml.safe_dump(value)
    return "".join(f"{k} = {toml_text(v)}\n" for k, v in value.items())


DATA_FILES = st.lists(
    st.tuples(
        st.sampled_from(["data/", "themes/t/data/"]),
        st.sampled_from(["", "sub/", "Sub/deep/"]),
        st.sampled_from(["one", "One", "two"]),
        st.sampled_from(["json", "yaml", "toml"]),
        st.dictionaries(DATA_KEYS, DATA_VALUES, min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=8,
)


@settings(PROPERTY)
@given(files=st.lists(DATA_FILES, min_size=5, max_size=5))
def test_site_data_merges_site_and_theme_files_as_hugo(hugo, tmp_path_factory, files):
    # Each list of files in a folder of its own (s0/, s1/ ...): one build.
    tree = {"themes/t/theme.toml": ""}
    for n, listed in enumerate(files):
        for where, folder, name, kind, value in listed:
            tree[f"{where}s{n}/{folder}{name}.{kind}"] = data_file(kind, value)
    layouts = [
        (f"{{{{ .Site.Data.s{n} }}}}|{{{{ .Site.Data.s{n}.one }}}}", {})
        for n in range(len(files))
    ]
    root = tmp_path_factory.mktemp("data")
    hugo_pages = hugo_outputs(hugo, root / "hugo", layouts, 'theme = "t"', tree)
    write_tree(root / "site", tree)
    data = site_data([str(root / "site"), str(root / "site" / "themes" / "t")])
    for (layout, _), hugo_page, listed in zip(layouts, hugo_pages, files, strict=True):
        cameo_page = (
            TemplateSet(html=True).parse("t", layout).execute({"Site": {"Data": data}})
        )
        assert cameo_page == hugo_page, listed


def test_site_data_reads_xml_as_hugo(hugo, tmp_path):
    files = {
        "data/x.xml": '<root a="1"><b>t</b><c x="2">u</c><c>v</c><d/></root>',
        "data/Cupper.json": (REAL / "data" / "wcag.json").read_text(),
    }
    layout = "{{ .Site.Data }}"
    (hugo_page,) = hugo_outputs(hugo, tmp_path / "hugo", [(layout, {})], "", files)
    write_tree(tmp_path / "site", files)
    data = site_data([str(tmp_path / "site")])
    assert (
        TemplateSet(html=True).parse("t", layout).execute({"Site": {"Data": data}})
        == hugo_page
    )


# i18n ------------------------------------------------------------------------

LANGUAGES = ["en", "fr", "ru", "ar", "ja", "pt-br"]


def i18n_site(
    hugo: str,
    root: Path,
    files: dict[str, str],
    layout: str,
    default: str = "en",
    placeholders: bool = False,
) -> list[tuple[str, str]]:
    """``layout`` as the home page of each language, by Hugo and by the
    engine: ``(hugo's page, cameo's)`` per language of LANGUAGES."""
    config = [
        'baseURL = "http://example.org/"',
        'theme = "t"',
        f'defaultContentLanguage = "{default}"',
        f"enableMissingTranslationPlaceholders = {str(placeholders).lower()}",
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404", "section"]',
    ]
    for weight, language in enumerate(LANGUAGES, 1):
        config.append(f"[languages.{language}]\nweight = {weight}")
    tree = {
        "config.toml": "\n".join(config) + "\n",
        "themes/t/theme.toml": "",
        "layouts/index.html": layout,
        **files,
    }
    for language in LANGUAGES:
        tree[f"content/_index.{language}.md"] = "---\ntitle: Home\n---\n"
    site = root / "site"
    write_tree(site, tree)
    public = hugo_build(hugo, site, {}, layouts={})
    pages = []
    for language in LANGUAGES:
        folder = public if language == default else public / language
        bindings = SiteBindings(
            base_url=BASE_URL,
            language=language,
            default_language=default,
            missing_translation_placeholders=placeholders,
            site_root=str(site),
            theme_root=str(site / "themes" / "t"),
        )
        templates = TemplateSet(funcs=own_functions(bindings), html=True)
        cameo_page = templates.parse("index", layout).execute({})
        page = folder / "index.html"  # none when the page is empty
        hugo_page = page.read_text(encoding="utf-8") if page.exists() else ""
        pages.append((hugo_page, cameo_page))
    return pages


I18N_FIXED = {
    "i18n/en.toml": """
        simple = "Simple <b>"
        [apples]
        one = "One apple"
        other = "{{ .Count }} apples"
        zero = "No apples"
        [onlyother]
        other = "only other {{ .Count }}"
        [named]
        other = "Hi {{ .Name }} ({{ .Count }})"
        [onlyone]
        one = "only one"
        [site_and_theme]
        other = "site"
        [nested.inner]
        other = "nested"
        """,
    "i18n/fr.yaml": """
        apples:
          one: "Une pomme {{ .Count }}"
          other: "{{ .Count }} pommes"
        frsimple: "Simple fr"
        """,
    "themes/t/i18n/en.toml": """
        site_and_theme = "theme"
        themeonly = "from theme"
        """,
    "themes/t/i18n/fr.json": '[{"id": "legacy", "translation": "Legacy text"}]',
}
I18N_FIXED_LAYOUT = """\
{{ T "simple" }}|{{ i18n "apples" 0 }}|{{ T "apples" 1 }}|{{ T "apples" 2 }}|
{{ T "apples" 1.0 }}|{{ T "apples" 1.5 }}|{{ T "apples" "1" }}|{{ T "apples" "x" }}|
{{ T "apples" }}|{{ T "onlyother" 1 }}|{{ T "onlyother" 3 }}|{{ T "onlyone" 1 }}|
{{ T "onlyone" 3 }}|{{ T "named" (dict "Name" "Bo" "Count" 1) }}|
{{ T "named" (dict "name" "lo" "count" 5) }}|{{ T "site_and_theme" }}|
{{ T "themeonly" }}|{{ T "frsimple" }}|{{ T "legacy" }}|{{ T "missing" }}|
{{ lang.Translate "simple" }}|{{ T "apples" -1 }}|{{ T "apples" 21 }}|
{{ T "nested.inner" }}
"""


@pytest.mark.parametrize("placeholders", [False, True])
def test_translations_fall_back_count_and_fill_in_as_hugo(hugo, tmp_path, placeholders):
    pages = i18n_site(
        hugo, tmp_path, I18N_FIXED, I18N_FIXED_LAYOUT, placeholders=placeholders
    )
    for hugo_page, cameo_page in pages:
        assert cameo_page == hugo_page
    # What a reader of the French page sees, as Hugo makes it.
    assert "Une pomme 1|2 pommes|" in pages[1][0]


FORMS = ["zero", "one", "two", "few", "many", "other"]
COUNTS = st.integers(-3, 120).map(str) | st.sampled_from(
    ["1.0", "1.5", "0.0", "2.25", '"1"', '"3.50"', '"x"', ""]
)


@st.composite
def message_tables(draw) -> dict[str, str]:
    """i18n files of the site and theme for a few languages and formats."""
    files = {}
    for where in ("i18n/", "themes/t/i18n/"):
        for language in draw(st.sets(st.sampled_from(LANGUAGES), max_size=4)):
            messages: dict[str, Any] = {}
            for message_id in draw(st.sets(st.sampled_from(["a", "b", "c"]))):
                forms = draw(st.sets(st.sampled_from(FORMS), min_size=1))
                counted = draw(st.booleans())
                texts = {
                    form: f"{where[0]}-{language}-{form}-{message_id}"
                    + (" {{ .Count }}" if counted else "")
                    for form in forms
                }
                simple = forms == {"other"} and draw(st.booleans())
                messages[message_id] = texts["other"] if simple else texts
            kind = draw(st.sampled_from(["json", "yaml", "toml"]))
            files[f"{where}{language}.{kind}"] = data_file(kind, messages)
    return files


@settings(PROPERTY)
@given(
    files=message_tables(),
    calls=st.lists(
        st.tuples(st.sampled_from(["a", "b", "c", "d"]), COUNTS),
        min_size=10,
        max_size=10,
    ),
    default=st.sampled_from(LANGUAGES),
    placeholders=st.booleans(),
)
def test_translations_pick_hugos_message_and_plural_form(
    hugo, tmp_path_factory, files, calls, default, placeholders
):
    layout = "".join(f'{{{{ T "{i}" {count} }}}}|' for i, count in calls)
    root = tmp_path_factory.mktemp("i18n")
    pages = i18n_site(hugo, root, files, layout, default, placeholders)
    for language, (hugo_page, cameo_page) in zip(LANGUAGES, pages, strict=True):
        assert cameo_page == hugo_page, (language, files)


# The resources namespace over assets/ ----------------------------------------

ASSETS_LAYOUT = """\
{{ with resources.Get "css/a.css" }}{{ .Name }}|{{ .RelPermalink }}|{{ .Permalink }}|\
{{ .MediaType }}|{{ .ResourceType }}|{{ .Content }}{{ end }}
{{ with resources.Get "nope.css" }}found{{ else }}none{{ end }}
{{ range resources.Match "**.png" }}{{ .Name }},{{ end }}
{{ range resources.Match "*" }}{{ .Name }},{{ end }}
{{ with resources.GetMatch "images/*" }}{{ .Name }}{{ end }}
{{ with resources.Get "themed.txt" }}{{ .Content }}{{ end }}
{{ $s := resources.FromString "x/y.txt" "hello <b>" }}\
{{ $s.Name }}|{{ $s.RelPermalink }}|{{ $s.Content }}|{{ $s.MediaType }}
{{ $f := resources.Fingerprint (resources.Get "js/app.js") }}\
{{ $f.RelPermalink }}|{{ $f.Data.Integrity }}|{{ $f.Name }}
{{ $f := resources.Get "css/b.css" | fingerprint "md5" }}{{ $f.RelPermalink }}|\
{{ $f.Data.Integrity }}
{{ with resources.Get "images/p.png" }}{{ .Width }}x{{ .Height }} \
{{ $r := .Fit "40x40" }}{{ $r.Width }}x{{ $r.Height }}{{ end }}
"""


def test_assets_are_found_published_and_fingerprinted_as_hugo(hugo, tmp_path):
    files: dict[str, str | bytes] = {
        "assets/css/a.css": "a { color: red }",
        "assets/css/b.css": "b {}",
        "assets/js/app.js": "let x = 1;",
        "assets/images/p.png": image_bytes((90, 60), "png"),
        "assets/images/q.PNG": image_bytes((9, 6), "png"),
        "assets/themed.txt": "the site's",
        "themes/t/assets/themed.txt": "the theme's",
        "themes/t/assets/images/t.png": image_bytes((5, 5), "png"),
        "themes/t/theme.toml": "",
    }
    hugo_page, *_ = hugo_outputs(
        hugo, tmp_path / "hugo", [(ASSETS_LAYOUT, {})], 'theme = "t"', files
    )
    site = write_tree(tmp_path / "site", files)
    bindings = SiteBindings(
        base_url=BASE_URL, site_root=str(site), theme_root=str(site / "themes" / "t")
    )
    templates = TemplateSet(funcs=own_functions(bindings), html=True)
    cameo_page = templates.parse("t", ASSETS_LAYOUT).execute({})
    assert cameo_page == hugo_page
    # What is published: the assets whose link was used, with their bytes.
    public = tmp_path / "hugo" / "hugo"
    hugo_files = {
        str(p.relative_to(public))
        for p in public.rglob("*")
        if p.is_file() and not p.name.endswith(".html") and "_hu" not in p.name
    }
    cameo_files = {name for name in bindings.output.files if "_hu" not in name}
    assert cameo_files == hugo_files
    for name in cameo_files:
        content = bindings.output.files[name]
        if isinstance(content, str):
            content = Path(content).read_bytes()
        assert content == (public / name).read_bytes(), name


# The real shortcodes that use resources and data -----------------------------

REAL_SHORTCODES = {
    name: REAL / f"{name}.html"
    for name in ("figureCupper", "colors", "principles", "wcag", "tested")
    + ("dynamic-img",)
}
# (shortcode, its named or positional params), one page each.
REAL_CALLS = [
    ("figureCupper", {"img": "sun", "caption": "The Sun", "command": "Resize"}),
    ("figureCupper", {"img": "sun", "caption": "Fit", "command": "Fit"}),
    ("figureCupper", {"img": "SUN.j", "caption": "Fill", "command": "Fill"}),
    ("figureCupper", {"img": "sun", "caption": "Original", "command": "Original"}),
    ("colors", ["#111111, #cccccc, #ffffff"]),
    ("principles", {"include": "Add value, Be consistent", "descriptions": "true"}),
    ("principles", {"include": "Give control"}),
    ("wcag", {"include": "1.2.1, 1.3.1, 4.1.2"}),
    ("wcag", {"include": "1.4.3", "descriptions": "true"}),
    ("tested", {"using": "Firefox + JAWS, Chrome, Safari iOS + Voiceover, Edge"}),
    ("dynamic-img", {"src": "/v1/x.jpg", "title": "A <title>", "width": "w_300"}),
]
OPTIONS = {"Resize": "700x", "Fit": "300x200", "Fill": "200x200 q60", "Original": ""}


def _photo(width: int, height: int) -> bytes:
    """A JPEG with detail in it (a gradient and noise), as a photo has."""
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 60)
    image = Image.merge(
        "RGB", (gradient, noise, gradient.transpose(Image.FLIP_LEFT_RIGHT))
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def shortcode_call(name: str, params: dict[str, str] | list[str]) -> str:
    if isinstance(params, list):
        given = " ".join(json.dumps(p) for p in params)
    else:
        given = " ".join(f"{k}={json.dumps(v)}" for k, v in params.items())
    return f"{{{{< {name} {given} >}}}}"


def test_real_shortcodes_with_resources_and_data_render_as_hugo(hugo, tmp_path):
    """Cupper's figureCupper, colors, principles, wcag and tested and the
    profile theme's dynamic-img, run by Hugo and on the engine with the
    real page and site objects, over the cupper site's data and image."""
    from pelican.plugins.hugo_frontmatter.hugo_templates.functions import (
        hugo_functions,
    )
    from pelican.plugins.hugo_frontmatter.hugo_templates.objects import (
        Page,
        Position,
        Shortcode,
        Site,
    )

    sun = _photo(1800, 1685)  # the size of cupper's sun.jpg
    files: dict[str, str | bytes] = {
        "config.toml": (
            f'baseURL = "{BASE_URL}"\n'
            'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", '
            '"section", "404"]\n'
            "[params]\ncloudinary_cloud_name = 'cloud'\n"
            "[imaging]\nquality = 99\n"
        ),
        "layouts/_default/single.html": "{{ .Content }}",
        "data/principles.json": (REAL / "data" / "principles.json").read_text(),
        "data/wcag.json": (REAL / "data" / "wcag.json").read_text(),
    }
    for name, path in REAL_SHORTCODES.items():
        files[f"layouts/shortcodes/{name}.html"] = Path(path).read_text()
    calls = []
    for n, (name, params) in enumerate(REAL_CALLS):
        if name == "figureCupper":
            params = {**params, "options": OPTIONS[params["command"]]}
            files[f"content/p{n}/sun.jpg"] = sun
        files[f"content/p{n}/index.md"] = "---\ntitle: P\n---\n" + shortcode_call(
            name, params
        )
        calls.append((name, params))
    site_root = write_tree(tmp_path / "site", files)
    subprocess.run(
        [hugo, "--quiet", "--source", str(site_root), "-d", str(tmp_path / "hugo")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    bindings = SiteBindings(
        base_url=BASE_URL,
        site_root=str(site_root),
        params={"cloudinary_cloud_name": "cloud"},
        imaging={"quality": 99},
    )
    templates = TemplateSet(funcs=hugo_functions(bindings), html=True)
    for name, path in REAL_SHORTCODES.items():
        templates.parse(f"shortcodes/{name}.html", Path(path).read_text())
    site = Site(bindings)
    for n, (name, params) in enumerate(calls):
        page = Page(
            site, rel_permalink=f"/p{n}/", folder=str(site_root / f"content/p{n}")
        )
        dot = Shortcode(name, params, "", 0, None, Position("p.md", 4, 1), page)
        cameo = templates.execute(f"shortcodes/{name}.html", dot)
        hugo_page = (tmp_path / "hugo" / f"p{n}" / "index.html").read_text()
        assert cameo.strip() == hugo_page.strip(), (name, params)
    # The processed images are published where Hugo writes them, at its sizes.
    assert len(bindings.output.files) == 3
    for name, content in bindings.output.files.items():
        with (
            Image.open(io.BytesIO(content)) as ours,
            Image.open(tmp_path / "hugo" / name) as hugos,
        ):
            assert ours.size == hugos.size, name


BAD_SPECS = [
    ("Fill", "abc"),
    ("Fit", "600x"),
    ("Crop", "x400"),
    ("Resize", "q50"),
    ("Resize", "10x q0"),
    ("Resize", "10x q101"),
    ("Fill", "10x10x10"),
    ("Resize", "#zzz 10x"),
    ("Resize", "#ff 10x"),
    ("Resize", "r9x 10x"),
    ("Resize", "ax10"),
]


@pytest.mark.parametrize(("action", "spec"), BAD_SPECS)
def test_bad_image_spec_stops_with_hugos_message(hugo, tmp_path, action, spec):
    call = f'.{action} "{spec}"'
    layout = f'{{{{ with .Resources.Get "a.png" }}}}{{{{ {call} }}}}{{{{ end }}}}'
    bundle = {"a.png": image_bytes((30, 20), "png")}
    with pytest.raises(AssertionError) as hugo_error:
        bundles_both_ways(hugo, tmp_path / "hugo", [(layout, bundle)])
    hugo_message = str(hugo_error.value).split("error calling ")[1].splitlines()[0]
    write_tree(tmp_path / "site", {f"content/b0/{k}": v for k, v in bundle.items()})
    bindings = SiteBindings(base_url=BASE_URL)
    resources_ = page_resources(str(tmp_path / "site/content/b0"), "/b0/", bindings)
    with pytest.raises(TemplateError) as error:
        TemplateSet(html=True).parse("t", layout).execute({"Resources": resources_})
    assert str(error.value).split("error calling ")[1] == hugo_message
    assert "\n" not in str(error.value)


BAD_DATA = [
    ("data/bad.json", '{\n  "a": 1,\n  "b": \n}\n', 4),
    ("data/bad.yaml", "a: 1\nb: [1, 2\nc: 3\n", 3),
    ("data/bad.toml", 'a = 1\nb = "x\n', 2),
    ("data/bad.xml", "<a>\n<b></a>\n", 2),
    ("i18n/en.toml", "[a]\nother = \n", 2),
]


@pytest.mark.parametrize(("name", "text", "line"), BAD_DATA)
def test_a_data_or_i18n_file_that_does_not_parse_is_named_with_its_line(
    hugo, tmp_path, name, text, line
):
    # Hugo stops at it too.
    with pytest.raises(AssertionError):
        bundles_both_ways(
            hugo,
            tmp_path / "hugo",
            [("{{ .Site.Data }}{{ T `a` }}", {})],
            files={name: text},
        )
    site = write_tree(tmp_path / "site", {name: text})
    tables = translation_tables if name.startswith("i18n") else site_data
    with pytest.raises(DataFileError) as error:
        tables([str(site)])
    message = str(error.value)
    assert message.startswith(f"{site / name}:{line}: is not valid "), message
    assert message.endswith("and build again")
    assert "\n" not in message


def test_csv_in_data_stops_as_in_hugo(hugo, tmp_path):
    files = {"data/table.csv": "a,b\n1,2\n"}
    with pytest.raises(AssertionError) as hugo_error:
        bundles_both_ways(
            hugo, tmp_path / "hugo", [("{{ .Site.Data }}", {})], files=files
        )
    assert "logged 1 error" in str(hugo_error.value)
    site = write_tree(tmp_path / "site", files)
    with pytest.raises(DataFileError, match=r"table\.csv: Hugo 0\.111 cannot read CSV"):
        site_data([str(site)])


def test_processed_images_keep_their_names_and_come_from_the_cache_on_rebuild(
    tmp_path,
):
    site = write_tree(
        tmp_path / "site", {"content/p/big.jpg": image_bytes((400, 300), "jpg")}
    )
    layout = (
        '{{ with .Resources.Get "big.jpg" }}{{ (.Resize "120x").RelPermalink }}'
        "{{ end }}"
    )

    def build() -> SiteBindings:
        bindings = SiteBindings(base_url=BASE_URL, cache=str(tmp_path / "cache"))
        dot = {"Resources": page_resources(str(site / "content/p"), "/p/", bindings)}
        TemplateSet(html=True).parse("t", layout).execute(dot)
        return bindings

    first = build()
    (name, content), *others = first.output.files.items()
    assert not others
    with Image.open(io.BytesIO(content)) as image:
        assert image.size == (120, 90)
    (cached,) = (tmp_path / "cache" / "hugo-images").iterdir()
    assert cached.read_bytes() == content
    # A rebuild takes the image from the cache (this mark shows it) under the
    # same name, rather than encoding it again.
    cached.write_bytes(b"from the cache")
    assert build().output.files == {name: b"from the cache"}
    # A changed image is encoded again, even where Hugo's name for it (which
    # hashes only parts of the file) stays the same.
    changed = bytearray((site / "content/p/big.jpg").read_bytes())
    changed[-1000] ^= 1
    (site / "content/p/big.jpg").write_bytes(bytes(changed))
    assert build().output.files[name] != b"from the cache"


@st.composite
def bundle_metadata(draw) -> dict[str, Any]:
    """Front matter ``resources`` for a bundle: globs giving names, titles
    (with ``:counter``) and params."""
    entries = []
    for n in range(draw(st.integers(1, 4))):
        entry: dict[str, Any] = {
            "src": draw(
                st.lists(st.sampled_from(GLOB_PARTS), min_size=1, max_size=3).map(
                    "".join
                )
            )
        }
        if draw(st.booleans()):
            entry["name"] = draw(st.sampled_from([f"n{n}", f"n{n}-:counter"]))
        if draw(st.booleans()):
            entry["title"] = draw(st.sampled_from([f"T{n}", f"T{n} :counter"]))
        if draw(st.booleans()):
            entry["params"] = {draw(st.sampled_from(["Kind", "kind", "x"])): n}
        entries.append(entry)
    return {"resources": entries}


METADATA_LAYOUT = (
    "{{ range .Resources }}{{ .Name }}|{{ .Title }}|{{ .RelPermalink }}|"
    "{{ .Params }}|{{ .Params.kind }}\n{{ end }}"
    "{{ range .Resources.Match `n*` }}{{ .Name }},{{ end }}"
)


@settings(PROPERTY)
@given(
    bundles=st.lists(
        st.tuples(bundle_files(), bundle_metadata()), min_size=6, max_size=6
    )
)
def test_front_matter_resources_name_title_and_params_as_hugo(
    hugo, tmp_path_factory, bundles
):
    site_bundles = [
        (METADATA_LAYOUT, {name: "x" for name in names}) for (names, _), _ in bundles
    ]
    fronts = [front for _, front in bundles]
    root = tmp_path_factory.mktemp("metadata")
    results = bundles_both_ways(hugo, root, site_bundles, fronts=fronts)
    for (hugo_page, cameo_page, _), bundle in zip(results, bundles, strict=True):
        assert cameo_page == hugo_page, bundle


def test_files_are_published_without_the_base_urls_path(hugo, tmp_path):
    layout = (
        '{{ (resources.Get "css/a.css").RelPermalink }} '
        '{{ ((.Resources.Get "s.png").Resize "10x").RelPermalink }} '
        '{{ (.Resources.Get "s.png").Permalink }}'
    )
    bundle = {"s.png": image_bytes((30, 20), "png")}
    files = {"assets/css/a.css": "a {}"}
    base_url = "http://example.org/blog/"
    ((hugo_page, cameo_page, bindings),) = bundles_both_ways(
        hugo, tmp_path, [(layout, bundle)], files=files, base_url=base_url
    )
    assert cameo_page == hugo_page
    public = tmp_path / "site" / "hugo"
    for name in bindings.output.files:
        assert (public / name).is_file(), name
    assert "css/a.css" in bindings.output.files


def test_a_file_that_is_not_an_image_is_0x0_and_cannot_be_processed(hugo, tmp_path):
    bundle = {"x.jpg": "not an image"}
    ((hugo_page, cameo_page, _),) = bundles_both_ways(
        hugo, tmp_path / "size", [('[{{ (.Resources.Get "x.jpg").Width }}]', bundle)]
    )
    assert cameo_page == hugo_page == "[0]"
    layout = '{{ ((.Resources.Get "x.jpg").Resize "10x").Width }}'
    with pytest.raises(AssertionError) as hugo_error:
        bundles_both_ways(hugo, tmp_path / "resize", [(layout, bundle)])
    site = write_tree(tmp_path / "site", {"content/b0/x.jpg": "not an image"})
    bindings = SiteBindings(base_url=BASE_URL)
    found = page_resources(str(site / "content/b0"), "/b0/", bindings)
    with pytest.raises(TemplateError) as error:
        TemplateSet(html=True).parse("t", layout).execute({"Resources": found})
    # Hugo names the file by its absolute path, cameo as the build shows it.
    hugo_message = str(hugo_error.value).splitlines()[0].split('x.jpg"')[-1]
    assert str(error.value).endswith('x.jpg"' + hugo_message)
    assert "content/b0/x.jpg" in str(error.value)
