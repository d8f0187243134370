"""Images a page points to are read only from the site, and nothing is
written outside the output and cache folders (issue 13, point 1)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from PIL import Image

from cameo_tools.errors import BuildError
from pelican.plugins.cameo import images

from .conftest import ROOT, build_site, write_tree

AVATAR = ROOT / "content" / "images" / "avatar.png"
# The icon's url is on line 4 of every page written here.
PAGE = "---\ntitle: T\nicon:\n  url: '{url}'\n  alt: A face\n---\nHi\n"
URL_LINE = 4
VARIANTS = [
    f"images/avatar-{width}.{extension}"
    for width in (120, 240, 360)
    for extension in ("avif", "webp")
]


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (symlinks as where they point), with its bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


@pytest.fixture
def planted(tmp_path) -> Path:
    """A real PNG outside the content folder, with a file where a variant of it
    would go, as an attacker would find them: tmp/elsewhere/."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    shutil.copy(AVATAR, folder / "evil.png")
    (folder / "evil-120.webp").write_bytes(b"not to be overwritten")
    return folder


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    """tmp/content/ (beside tmp/elsewhere/), with the usual avatar; the
    working folder is tmp/, so messages say content/_index.md."""
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    shutil.copy(AVATAR, content / "images" / "avatar.png")
    return content


def _page(content: Path, url: str) -> None:
    write_tree(content, {"_index.md": PAGE.format(url=url)})


def _refused(content: Path, output: Path, url: str, expected: str) -> None:
    """The build fails, naming the page's file and the line of icon's url,
    with ``expected`` after the URL. hugo_frontmatter may refuse a URL that
    holds a backslash or a '//' (once decoded) before the cameo plugin sees
    it; its error names the line of ``icon``."""
    with pytest.raises(BuildError) as caught:
        build_site(content, output)
    message = str(caught.value)
    if f"content/_index.md:{URL_LINE}: icon.url {url!r} {expected}" in message:
        return
    decoded = unquote(url)
    assert "\\" in decoded or "//" in decoded, message
    assert "content/_index.md:3: 'icon' must be a mapping whose 'url' is" in message


OUTSIDE = (
    "points outside the content folder; "
    "put the image under content/images/ and use /images/evil.png"
)
HOSTILE_URLS = {
    "site_root_dot_dot": "/../elsewhere/evil.png",
    "page_relative_dot_dot": "../elsewhere/evil.png",
    "deep_dot_dot": "/images/../../elsewhere/evil.png",
    "percent_encoded_dot_dot": "/%2e%2e/elsewhere/evil.png",
    "percent_encoded_slashes": "/%2E%2E%2Felsewhere%2Fevil.png",
    "backslashes": "/..\\elsewhere\\evil.png",
    "encoded_backslashes": "/images%5C..%5C..%5Celsewhere%5Cevil.png",
}


@pytest.mark.parametrize("url", HOSTILE_URLS.values(), ids=HOSTILE_URLS.keys())
def test_avatar_outside_the_content_folder_stops_the_build(site, planted, url):
    before = _files(planted)
    _page(site, url)
    output = site.parent / "output"
    _refused(site, output, url, OUTSIDE)
    assert _files(planted) == before, "a file beside the planted image changed"
    assert not output.exists()
    assert sorted(p.name for p in site.parent.iterdir()) == [
        "content",
        "elsewhere",
    ], "the failed build left something beside the output"


@pytest.mark.parametrize("url", HOSTILE_URLS.values(), ids=HOSTILE_URLS.keys())
def test_plugin_itself_refuses_a_path_out_of_the_content_folder(site, planted, url):
    """The cameo plugin's own check, whatever a reader lets through."""
    with pytest.raises(images.ImageError) as caught:
        images.local_image_path(url, str(site), str(site), roots=(str(ROOT / "theme"),))
    assert str(caught.value) == OUTSIDE


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_symlink_in_content_pointing_outside_stops_the_build(site, planted, linked):
    if linked == "file":
        (site / "images" / "evil.png").symlink_to(planted / "evil.png")
        url = "/images/evil.png"
    else:
        (site / "photos").symlink_to(planted, target_is_directory=True)
        url = "/photos/evil.png"
    before = _files(planted)
    _page(site, url)
    output = site.parent / "output"
    _refused(site, output, url, OUTSIDE)
    assert _files(planted) == before
    assert not output.exists()


def test_symlink_into_the_theme_is_allowed(tmp_path):
    theme, content = tmp_path / "theme", tmp_path / "content"
    (theme / "static").mkdir(parents=True)
    shutil.copy(AVATAR, theme / "static" / "face.png")
    content.mkdir()
    (content / "face.png").symlink_to(theme / "static" / "face.png")
    found = images.local_image_path("/face.png", str(content), str(content), (theme,))
    assert found == str((theme / "static" / "face.png").resolve())


@pytest.mark.parametrize(
    "url",
    ["{absolute}", "%2F{absolute}", "{absolute_backslashes}"],
    ids=["absolute", "percent_encoded_absolute", "windows_style"],
)
def test_absolute_file_path_is_a_path_in_the_site_not_on_disk(site, planted, url):
    """A path written as the image's place on disk names a file under the
    content folder, which is not there: the planted file is never read."""
    absolute = (planted / "evil.png").as_posix()
    url = url.format(
        absolute=absolute, absolute_backslashes=absolute.replace("/", "\\")
    )
    before = _files(planted)
    _page(site, url)
    output = site.parent / "output"
    inside = "content" + absolute  # e.g. content/tmp/.../elsewhere/evil.png
    expected = (
        f"names {inside}, which does not exist; put the image there or correct "
        "the path (a file under content/images/ is /images/evil.png)"
    )
    _refused(site, output, url, expected)
    assert _files(planted) == before
    assert not output.exists()
    with pytest.raises(images.ImageError) as caught:
        images.local_image_path(url, "content", "content")
    assert str(caught.value) == expected


def test_failed_rebuild_leaves_the_output_and_the_planted_folder_alone(site, planted):
    _page(site, "/images/avatar.png")
    output = site.parent / "output"
    build_site(site, output)
    built = _files(output)
    before = _files(planted)
    _page(site, "/../elsewhere/evil.png")
    _refused(site, output, "/../elsewhere/evil.png", OUTSIDE)
    assert _files(output) == built
    assert _files(planted) == before


def test_missing_avatar_names_the_file_and_line(site):
    _page(site, "/images/nobody.png")
    output = site.parent / "output"
    _refused(
        site,
        output,
        "/images/nobody.png",
        "names content/images/nobody.png, which does not exist; put the image "
        "there or correct the path (a file under content/images/ is "
        "/images/nobody.png)",
    )
    assert not output.exists()


def test_line_is_found_when_the_url_is_written_with_yaml_escapes(site, planted):
    """The url's text is not in the file as written: the line of ``icon``'s
    ``url`` key is named instead."""
    escaped = '"/\\x2e\\x2e/elsewhere/evil.png"'  # YAML's \x escapes
    write_tree(
        site, {"_index.md": f"---\ntitle: T\nicon:\n  url: {escaped}\n---\nHi\n"}
    )
    with pytest.raises(BuildError) as caught:
        build_site(site, site.parent / "output")
    assert "content/_index.md:4: icon.url '/../elsewhere/evil.png' points outside" in (
        str(caught.value)
    )


def test_avatar_in_content_images_builds_with_its_variants(site):
    _page(site, "/images/avatar.png")
    output = site.parent / "output"
    build_site(site, output)
    for name in VARIANTS:
        with Image.open(output / name) as image:
            assert image.format in ("AVIF", "WEBP")
            assert image.width == int(re.search(r"-(\d+)\.", name)[1])
    for name in ("favicon.ico", "favicon-32.png", "apple-touch-icon.png"):
        assert (output / name).is_file()
    html = (output / "index.html").read_text("utf-8")
    assert "/images/avatar-240.avif 240w" in html


def test_percent_encoded_name_in_the_site_is_the_file_it_names(site):
    """/images/my%20face.png is content/images/my face.png, and its variants
    are where the browser asks for them."""
    shutil.copy(AVATAR, site / "images" / "my face.png")
    _page(site, "/images/my%20face.png")
    output = site.parent / "output"
    build_site(site, output)
    assert (output / "images" / "my face-120.webp").is_file()
    html = (output / "index.html").read_text("utf-8")
    assert "/images/my%20face-120.webp 120w" in html


def test_variants_are_never_written_outside_the_output(tmp_path, planted):
    """Whatever URL reaches write_variants, it writes inside ``output``."""
    before = _files(planted)
    output, cache = tmp_path / "site" / "output", tmp_path / "cache"
    output.mkdir(parents=True)
    with pytest.raises(images.ImageError, match="refused to write .* outside"):
        images.write_variants(
            str(planted / "evil.png"), "/../../elsewhere/evil.png", output, cache
        )
    assert _files(planted) == before
    assert _files(output) == {}


def test_favicons_are_never_written_through_a_symlink(tmp_path, planted):
    output = tmp_path / "output"
    output.mkdir()
    (output / "favicon.ico").symlink_to(planted / "evil-120.webp")
    before = _files(planted)
    with pytest.raises(images.ImageError, match="refused to write .* outside"):
        images.write_favicons(str(AVATAR), output)
    assert _files(planted) == before
