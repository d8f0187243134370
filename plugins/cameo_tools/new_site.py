"""A new site's files: the options (title, author, url, lang) checked,
site_template/ beside this module with its placeholders filled in (each
value escaped for where it lands), the settings and README of a site that
came from Hugo (site_template_hugo/ over it), a placeholder avatar, and the
writing of them inside DIR only (folder_writer).
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from .errors import NewSiteError
from .folder_writer import FolderWriteError, FolderWriter
from .hugo_copy import HugoCopy

TEMPLATE = Path(__file__).with_name("site_template")
# Files that replace the template's for a site that came from Hugo.
HUGO_TEMPLATE = Path(__file__).with_name("site_template_hugo")
# The template's files where placeholders are filled; the rest are copied.
FILLED_SUFFIXES = (".py", ".md")
PLACEHOLDER = re.compile(r"\{(title|author|url|lang|hugo_config)\}")
AVATAR = PurePosixPath("content/images/avatar.png")
AVATAR_SIDE = 400  # pixels: enough for the theme's 120, 240 and 360 px sizes
DEFAULTS = {
    "title": "Your Name",
    "url": "https://example.org",
    "lang": "en",
}
# An editable install (pip install -e) puts no theme where THEME = "cameo"
# looks, and no plugins where Pelican discovers them (docs/reuse.md).
INSTALLED_THEME_LINE = 'THEME = "cameo"\n'
EDITABLE_THEME_LINES = """\
from pelican.plugins.cameo import theme_path  # noqa: E402 (an editable install)

THEME = theme_path()
PLUGINS = ["pelican.plugins.hugo_frontmatter", "pelican.plugins.cameo"]
"""
# --force moves each file it replaces into a folder of this name and the
# time, beside the site's files (not in content/, so never published).
BACKUP_PREFIX = "pelican-cameo-backup-"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")

# --- filling the template ----------------------------------------------------


def _quoted(value: str) -> str:
    """``value`` for inside a double-quoted string of Python or YAML (JSON's
    escapes are valid in both)."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _markdown(value: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", value)


def fill(text: str, values: dict[str, str], suffix: str) -> str:
    """The template ``text`` with its placeholders replaced, each value
    escaped for where it lands: a Python string, YAML front matter (double
    quoted) or Markdown text."""

    def replace(escape):
        return lambda match: escape(values[match.group(1)])

    if suffix == ".py":
        return PLACEHOLDER.sub(replace(_quoted), text)
    parts = re.split(r"(?m)^(---[ \t]*\n)", text, maxsplit=2)
    if len(parts) == 5 and parts[0] == "":  # "", ---, front matter, ---, body
        parts[2] = PLACEHOLDER.sub(replace(_quoted), parts[2])
        parts[4] = PLACEHOLDER.sub(replace(_markdown), parts[4])
        return "".join(parts)
    return PLACEHOLDER.sub(replace(_markdown), text)


def checked_options(values: dict[str, str | None]) -> dict[str, str]:
    """The options, with their defaults, refused where they cannot be used."""
    checked = {name: value for name, value in values.items() if value is not None}
    for name, value in checked.items():
        if not value.strip() or not value.isprintable():
            raise NewSiteError(
                f"--{name} {value!r} is empty or holds a control character; "
                "give printable text"
            )
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise NewSiteError(f"--{name} is not valid text; retype it") from None
        checked[name] = value.strip()
    if "url" in checked:
        url = checked["url"].rstrip("/")
        if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
            raise NewSiteError(
                f"--url {checked['url']!r} is not an http(s) address; give the "
                "site's public address, such as https://ada.example.org"
            )
        checked["url"] = url
    if "lang" in checked and not LANGUAGE_TAG.match(checked["lang"]):
        raise NewSiteError(
            f"--lang {checked['lang']!r} is not a language code; give one such "
            "as en, zh-CN or pt_BR"
        )
    return checked


def theme_installed() -> bool:
    """Whether the cameo theme is where ``THEME = "cameo"`` finds it (an
    installed wheel); an editable install names it by its path instead."""
    import pelican

    from pelican.plugins.cameo import theme_path

    installed = os.path.join(os.path.dirname(pelican.__file__), "themes", "cameo")
    return theme_path() == installed


# --- the site's files --------------------------------------------------------


def _template_files(hugo: bool) -> dict[PurePosixPath, Path]:
    """Relative path in the new site -> the template file it comes from."""
    files = {
        PurePosixPath(path.relative_to(TEMPLATE).as_posix()): path
        for path in sorted(TEMPLATE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    if hugo:
        files = {rel: path for rel, path in files.items() if rel.parts[0] != "content"}
        files.update(
            (PurePosixPath(path.relative_to(HUGO_TEMPLATE).as_posix()), path)
            for path in sorted(HUGO_TEMPLATE.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        )
    return files


def site_files(
    options: dict[str, str], hugo: HugoCopy | None = None
) -> dict[PurePosixPath, bytes]:
    """The site's files, relative, filled in with ``options`` (title,
    author, url, lang; checked); with ``hugo``, those of a site whose Hugo
    config stands in for the settings and the profile page."""
    values = {**DEFAULTS, **options}
    values.setdefault("author", values["title"])
    if hugo is not None:
        values["hugo_config"] = hugo.hugo_config
    files = {}
    for relative, source in _template_files(hugo is not None).items():
        if source.suffix in FILLED_SUFFIXES:
            text = fill(source.read_text("utf-8"), values, source.suffix)
            if relative.name == "pelicanconf.py":
                text = _settings_text(text, options, hugo)
            elif relative.name == "README.md" and hugo is not None:
                text = _readme_text(text, hugo)
            files[relative] = text.encode("utf-8")
        else:
            files[relative] = source.read_bytes()
    if hugo is None:
        files[AVATAR] = avatar_png()
    return files


def _readme_text(text: str, hugo: HugoCopy) -> str:
    """The migrated site's README, with the lines that fit what came over."""
    themes = [
        root
        for root in hugo.themes
        if any(folder.is_relative_to(root) for folder in hugo.templates)
    ]
    config = (
        f"`{hugo.hugo_config}`"
        if hugo.hugo_config != "."
        else "The config files (`hugo.*`, `config.*`, `config/`)"
    )
    lines = {
        "config": f"- {config}: the Hugo config, read as Hugo reads it: the site's "
        "title, menus, params, permalinks, languages, taxonomies and Markdown "
        "options.",
        "content": (
            "- `content/`: the pages, as in the Hugo site."
            if hugo.path == "content"
            else f"- {', '.join(f'`{root}/`' for root in hugo.content_roots)}: "
            "the pages, as in the Hugo site (its `contentDir`); `PATH` in "
            "`pelicanconf.py` is the site's folder, where the plugin reads them "
            "as Hugo does."
        ),
        "shortcodes": _readme_shortcodes(hugo),
        "theme": (
            "The Hugo config still names its theme: the theme's shortcodes, "
            "partials, data, i18n and assets stay in its folder ("
            + ", ".join(f"`{root}/`" for root in themes)
            + "), where they are read as Hugo reads them, after the site's own."
            if themes
            else ""
        ),
    }
    text = re.sub(r"(?m)^\{(\w+)\}$", lambda m: lines[m[1]], text)
    title = _markdown(hugo.title or hugo.site.name)
    return text.replace("{site_title}", title, 1)


def _readme_shortcodes(hugo: HugoCopy) -> str:
    """The README's line on the Go templates that came over."""
    port = (
        "To replace one with a Jinja port, write `shortcodes/NAME.html` and add "
        '`"shortcodes": "shortcodes"` to `HUGO_FRONTMATTER` in `pelicanconf.py`: '
        "a Jinja port wins over the Go template of the same name "
        "(pelican-cameo's docs/hugo-markdown.md)."
    )
    if not hugo.templates:
        return (
            "- No shortcodes came over: Hugo's built-in ones (figure, highlight, "
            "youtube, ...) work as they are; a site's own go in "
            "`layouts/shortcodes/NAME.html`, Go templates as in Hugo. " + port
        )
    folders = ", ".join(f"`{folder}/`" for folder in hugo.templates)
    return (
        f"- {folders}: what the Hugo site's Go templates (shortcodes, partials, "
        "Markdown render hooks) are and read, as they were: they run as they "
        "are, the site's own over its theme's, as in Hugo. Hugo's built-in "
        "shortcodes (figure, highlight, youtube, ...) work as they are. " + port
    )


def _settings_text(text: str, options: dict[str, str], hugo: HugoCopy | None) -> str:
    if hugo is not None:
        text = text.replace('PATH = "content"\n', f'PATH = "{hugo.path}"\n', 1)
    if hugo is not None and hugo.shortcodes:
        text = text.replace(
            "HUGO_FRONTMATTER = {",
            f"# The Hugo site's shortcodes ({', '.join(map(str, hugo.shortcodes))})\n"
            "# are Go templates and run as they are. A Jinja port wins over one\n"
            '# of the same name: add "shortcodes": "shortcodes" below and write\n'
            "# shortcodes/NAME.html.\n"
            "HUGO_FRONTMATTER = {",
            1,
        )
    if hugo is not None:  # the config stands in for these, unless given here
        names = {"title": "SITENAME", "author": "AUTHOR", "lang": "DEFAULT_LANG"}
        given = [
            f'{setting} = "{_quoted(options[name])}"\n'
            for name, setting in names.items()
            if name in options
        ]
        if given:
            text += "\n# Given to pelican-cameo new; these win over the config's.\n"
            text += "".join(given)
    if not theme_installed():
        text = text.replace(INSTALLED_THEME_LINE, EDITABLE_THEME_LINES)
    return text


def avatar_png() -> bytes:
    """A neutral placeholder: a head and shoulders on a soft background."""
    from PIL import Image, ImageDraw

    side = AVATAR_SIDE
    image = Image.new("RGB", (side, side), (214, 222, 230))
    draw = ImageDraw.Draw(image)
    figure = (150, 163, 176)
    draw.ellipse((side * 0.32, side * 0.18, side * 0.68, side * 0.54), fill=figure)
    draw.ellipse((side * 0.14, side * 0.6, side * 0.86, side * 1.3), fill=figure)
    png = io.BytesIO()
    image.save(png, format="PNG", optimize=True)
    return png.getvalue()


# --- writing inside the folder, and nowhere else ------------------------------


def prepare_folder(folder: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise NewSiteError(f"{folder} is a file; choose a folder for the new site")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise NewSiteError(
            f"{folder} is not empty; choose a new folder, or add --force to "
            "write the site into it (the files it replaces are kept in a "
            f"{BACKUP_PREFIX}* folder)"
        )


def write_site(
    folder: Path,
    files: dict[PurePosixPath, bytes | Path],
    force: bool = False,
    folders: Iterable[PurePosixPath] = (),
) -> FolderWriter:
    """Write ``files`` into ``folder``, having refused a link on the way to
    any of them or to ``folders`` (which a build will write into)."""
    prepare_folder(folder, force)
    writer = FolderWriter(folder, BACKUP_PREFIX)
    try:
        writer.check(files, folders)
        writer.write_all(files)
    except FolderWriteError as error:
        raise NewSiteError(str(error)) from None
    return writer
