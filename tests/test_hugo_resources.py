"""Hugo's resources, images, ``.Site.Data`` and ``i18n`` on the gotemplate
engine, with Hugo 0.111 as the oracle: each test builds one small site with
page bundles (images made with Pillow) with Hugo, runs the same layout on
the engine with ``hugo_templates``, and compares the pages."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from pelican.plugins.hugo_frontmatter.gotemplate import TemplateSet
from pelican.plugins.hugo_frontmatter.hugo_templates.bindings import SiteBindings
from pelican.plugins.hugo_frontmatter.hugo_templates.data import site_data
from pelican.plugins.hugo_frontmatter.hugo_templates.resources import page_resources

from .conftest import examples, hugo_build, write_tree
from .hugo_functions_oracle import hugo_outputs

pytestmark = pytest.mark.hugo

BASE_URL = "http://example.org/"
CUPPER = "/work/shared/hugo-sites/cupper-example"
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
    files: dict[str, str] | None = None,
    config: str = "",
) -> list[tuple[str, str, SiteBindings]]:
    """Each bundle (a layout, and the files beside its index.md) as a page
    of one Hugo build, and the same layout run on the engine with the
    bundle's ``.Resources``: ``(hugo's page, cameo's, cameo's bindings)``."""
    tree: dict[str, str | bytes] = {
        "config.toml": config + "\n" + CONFIG,
        **(files or {}),
    }
    for n, (layout, bundle) in enumerate(bundles):
        tree[f"layouts/_default/b{n}.html"] = layout
        tree[f"content/b{n}/index.md"] = f"---\nlayout: b{n}\ntitle: B{n}\n---\n"
        for name, data in bundle.items():
            tree[f"content/b{n}/{name}"] = data
    site = root / "site"
    write_tree(site, tree)
    public = hugo_build(hugo, site, {}, layouts={})
    results = []
    for n, (layout, _) in enumerate(bundles):
        page = public / f"b{n}" / "index.html"
        hugo_page = page.read_text(encoding="utf-8") if page.exists() else ""
        bindings = SiteBindings(base_url=BASE_URL, site_root=str(site))
        resources = page_resources(str(site / "content" / f"b{n}"), f"/b{n}/", bindings)
        templates = TemplateSet(funcs=own_functions(bindings), html=True)
        dot = {"Resources": resources, "Site": {}}
        cameo_page = templates.parse(f"b{n}", layout).execute(dot)
        results.append((hugo_page, cameo_page, bindings))
    return results


def own_functions(bindings: SiteBindings) -> dict[str, Any]:
    """The namespaces under test, without the others (which other tests
    check), so that these tests see only the code they are about."""
    return {}


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
    if "smart" in words or (action == "Crop" and not words[1]):
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


@settings(PROPERTY)
@given(operations=st.lists(image_operations(), min_size=12, max_size=12))
def test_processed_images_have_hugos_sizes_names_and_types(
    hugo, tmp_path_factory, operations
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
    results = bundles_both_ways(hugo, root, bundles)
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
        # Named as Hugo names it, up to the spec's part.
        assert cameo_link.split("_hu")[0] == hugo_link.split("_hu")[0]
        assert cameo_link.rsplit(".")[-1] == hugo_link.rsplit(".")[-1]


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
        "data/Cupper.json": (Path(CUPPER) / "data" / "wcag.json").read_text(),
    }
    layout = "{{ .Site.Data }}"
    (hugo_page,) = hugo_outputs(hugo, tmp_path / "hugo", [(layout, {})], "", files)
    write_tree(tmp_path / "site", files)
    data = site_data([str(tmp_path / "site")])
    assert (
        TemplateSet(html=True).parse("t", layout).execute({"Site": {"Data": data}})
        == hugo_page
    )
