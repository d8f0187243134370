"""`pelican-cameo new DIR`: write a new site that builds at once (the files of
site_template/ beside this module, filled in, and a placeholder avatar), or,
with ``--from-hugo``, a Hugo site's content, config and what its Go templates
need (shortcodes, render hooks, partials, data, i18n, assets: the site's and
its theme's, where Hugo has them) with cameo's settings (no path or link that
leads out of the Hugo site), built once and its pages and aliases compared
with the Hugo tree's, or each use of a shortcode nobody defines named
instead. Files are written by folder_writer, inside DIR only.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import posixpath
import re
import sys
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .folder_writer import FolderWriteError, FolderWriter

TEMPLATE = Path(__file__).with_name("site_template")
# Files that replace the template's for a site that came from Hugo.
HUGO_TEMPLATE = Path(__file__).with_name("site_template_hugo")
# The template's files where placeholders are filled; the rest are copied.
FILLED_SUFFIXES = (".py", ".md")
PLACEHOLDER = re.compile(r"\{(title|author|url|lang|hugo_config)\}")
AVATAR = PurePosixPath("content/images/avatar.png")
CONTENT = PurePosixPath("content")
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
# What the Go templates cameo runs read (shortcodes, render hooks, partials),
# under a layouts folder of the site or of its theme, and the folders beside
# them they read (config key, Hugo 0.111's default): copied as they are.
TEMPLATE_FOLDERS = (
    PurePosixPath("shortcodes"),
    PurePosixPath("_default", "_markup"),
    PurePosixPath("partials"),
)
TEMPLATE_INPUTS = (("dataDir", "data"), ("i18nDir", "i18n"), ("assetDir", "assets"))
# What --from-hugo leaves out of a Hugo site, and says so: Hugo's page
# layouts and its theme's look mean nothing to cameo, which is the theme.
HUGO_LEFT_OUT = ("archetypes",)
CONTENT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".html", ".htm")
# --force moves each file it replaces into a folder of this name and the
# time, beside the site's files (not in content/, so never published).
BACKUP_PREFIX = "pelican-cameo-backup-"
# Folders a --from-hugo build writes into the new site: refused as links too.
BUILT_FOLDERS = (PurePosixPath("output"), PurePosixPath("cache"))
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")


class NewSiteError(Exception):
    """The site was not written; the message says what to do."""


class SiteBuildError(NewSiteError):
    """The site was written, but its first build failed."""


@dataclass
class Parity:
    """The pages and aliases a Hugo tree implies, and those a build wrote."""

    pages: list[tuple[str, str]] = field(default_factory=list)  # (file, save_as)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)

    def table(self) -> str:
        def written(rows):
            return sum(1 for row in rows if row not in self.missing)

        lines = [
            f"{'':<8} {'in the Hugo site':>16} {'written':>8}",
            f"{'pages':<8} {len(self.pages):>16} {written(self.pages):>8}",
            f"{'aliases':<8} {len(self.aliases):>16} {written(self.aliases):>8}",
        ]
        lines += [
            f"missing: {save_as} (from {where})" for where, save_as in self.missing
        ]
        return "\n".join(lines)


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


def _checked(values: dict[str, str | None]) -> dict[str, str]:
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


def _theme_installed() -> bool:
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
    if not _theme_installed():
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


def _prepare(folder: Path, force: bool) -> None:
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
    _prepare(folder, force)
    writer = FolderWriter(folder, BACKUP_PREFIX)
    try:
        writer.check(files, folders)
        writer.write_all(files)
    except FolderWriteError as error:
        raise NewSiteError(str(error)) from None
    return writer


# --- a Hugo site -------------------------------------------------------------


@dataclass
class HugoCopy:
    """What --from-hugo copies from a Hugo site, and what it leaves out."""

    site: Path
    files: dict[PurePosixPath, Path] = field(default_factory=dict)  # new -> Hugo's
    hugo_config: str = "."  # HUGO_FRONTMATTER's value in the new site
    left_out: list[str] = field(default_factory=list)  # Hugo's page layouts ...
    links: list[str] = field(default_factory=list)  # one line each
    # Pelican's PATH: "content", or the site's root when the languages'
    # content folders are beside each other there (content.en, content.fr).
    path: str = "content"
    home_content: PurePosixPath = CONTENT  # the default language's
    # The folders Hugo looks in for a shortcode, in its order (the site's
    # layouts/shortcodes/, then each theme's), as copied into the new site.
    shortcodes: list[PurePosixPath] = field(default_factory=list)
    templates: list[PurePosixPath] = field(default_factory=list)  # copied for Go
    themes: list[PurePosixPath] = field(default_factory=list)  # themes/<theme>
    title: str = ""  # the config's
    content_roots: list[PurePosixPath] = field(default_factory=list)  # copied to


def read_hugo_config(site: Path) -> tuple[list[Path], dict]:
    """The Hugo site's config files and their merged config; a file that
    leads out of the site is refused before it is read."""
    from pelican.plugins.hugo_frontmatter.config.errors import HugoConfigError
    from pelican.plugins.hugo_frontmatter.config.files import find_files, read_config

    try:
        files = [Path(path) for path in find_files(os.curdir, str(site))]
        for path in files:
            _inside_the_site(site, path, "file")
        return files, read_config([str(path) for path in files])
    except HugoConfigError as error:
        raise NewSiteError(f"--from-hugo: {error}") from None


def _inside_the_site(site: Path, path: Path, kind: str) -> None:
    """Refuse ``path`` when it (or a link on its way) leads out of ``site``."""
    real = path.resolve()
    if not real.is_relative_to(site.resolve()):
        raise NewSiteError(
            f"--from-hugo: {path} leads to {real}, outside the Hugo site {site}; "
            f"copy that {kind} into the site in place of the link"
        )


def _config_location(files: list[Path], key: str, written: str) -> str:
    """``file:line`` of ``key`` in the config files (the last file that
    sets it wins, as when they are merged), or the files' names."""
    name = re.compile(rf"(?i)(?<![\w.])['\"]?{re.escape(key)}['\"]?\s*[:=]")
    for path in reversed(files):
        lines = path.read_text("utf-8", errors="replace").splitlines()
        found = [n for n, line in enumerate(lines, 1) if name.search(line)]
        if found:
            best = [n for n in found if written in lines[n - 1]] or found
            return f"{path}:{best[-1]}"
    return ", ".join(str(path) for path in files)


def _config_folder(
    site: Path, files: list[Path], key: str, value: object
) -> PurePosixPath:
    """The folder a config ``key`` names, relative to the Hugo site; one
    outside it (``..``, an absolute path, a link) is refused."""
    written, name = str(value), key.rsplit(".", 1)[-1]
    where = _config_location(files, name, written)
    if os.path.isabs(written):
        raise NewSiteError(
            f"--from-hugo: {where}: {key} = {written!r} is an absolute path; "
            f'name a folder inside the Hugo site, relative to it ({name} = "...")'
        )
    relative = PurePosixPath(posixpath.normpath(written.replace("\\", "/")))
    if relative.parts[:1] == ("..",):
        raise NewSiteError(
            f"--from-hugo: {where}: {key} = {written!r} is outside the Hugo "
            f"site {site}; move that folder into the site and name it relative "
            "to the site's folder"
        )
    _inside_the_site(site, site / relative, "folder")
    return relative


def plan_hugo_copy(site: Path, files: list[Path], config: dict) -> HugoCopy:
    """What to copy from the Hugo site: its config files, content and static
    folders, as Hugo reads them, less any link that leads out of the site."""
    copy = HugoCopy(site)
    content = _config_folder(
        site, files, "contentDir", config.get("contentdir") or "content"
    )
    own = _language_content_folders(site, files, config)
    home = own.get(_default_language(config), content)
    folders = [path for path in (content, *own.values()) if (site / path).is_dir()]
    if not folders:
        raise NewSiteError(
            f"--from-hugo: {site / content} does not exist; give the folder of "
            "a Hugo site (the one holding hugo.toml and content/)"
        )
    if content == CONTENT and all(path.is_relative_to(content) for path in folders):
        copy.files.update(_hugo_folder(copy, site / content, PurePosixPath("content")))
        copy.content_roots = [PurePosixPath("content")]
        copy.home_content = PurePosixPath("content") / home.relative_to(content)
    else:  # content folders named otherwise, at the root: copied as they are
        distinct = set(folders)
        for folder in sorted(distinct):
            if not any(folder.is_relative_to(other) for other in distinct - {folder}):
                copy.files.update(_hugo_folder(copy, site / folder, folder))
                copy.content_roots.append(folder)
        copy.path, copy.home_content = ".", home
    _copy_templates(copy, files, config)
    copy.title = str(config.get("title") or "")
    statics = config.get("staticdir") or ["static"]
    for value in [statics] if isinstance(statics, str) else statics:
        static = _config_folder(site, files, "staticDir", value)
        if (site / static).is_dir():
            copy.files.update(_hugo_folder(copy, site / static, static, True))
    for path in files:
        copy.files[PurePosixPath(path.relative_to(site).as_posix())] = path
    copy.left_out[:0] = [f"{name}/" for name in HUGO_LEFT_OUT if (site / name).is_dir()]
    one_file = len(files) == 1 and files[0].parent == site
    copy.hugo_config = files[0].name if one_file else "."
    return copy


def _default_language(config: dict) -> str:
    return str(config.get("defaultcontentlanguage") or "en").lower()


def _language_content_folders(
    site: Path, files: list[Path], config: dict
) -> dict[str, PurePosixPath]:
    """Each language's own ``contentDir`` (lower-case code -> folder)."""
    languages = config.get("languages")
    folders = {}
    for name, values in (languages if isinstance(languages, dict) else {}).items():
        if isinstance(values, dict) and values.get("contentdir"):
            key = f"languages.{name}.contentDir"
            folders[str(name).lower()] = _config_folder(
                site, files, key, values["contentdir"]
            )
    return folders


def _copy_templates(copy: HugoCopy, files: list[Path], config: dict) -> None:
    """What the site's Go templates read, where Hugo 0.111 reads it: the
    site's ``layouts/shortcodes/``, ``layouts/_default/_markup/`` and
    ``layouts/partials/``, and ``data/``, ``i18n/``, ``assets/`` (or the
    folders the config names), then the same under ``themes/<theme>/`` for
    each theme the config names. The theme's stay in the theme's folder,
    as the config still names it: Hugo looks a template up in the site's
    folder, then the theme's, and merges their data and i18n tables key by
    key, which one folder of files could not say. The theme's page layouts,
    static files and config are left out, each noted: cameo is the theme."""
    site = copy.site
    layouts = _config_folder(
        site, files, "layoutDir", config.get("layoutdir") or "layouts"
    )
    roots = [(PurePosixPath(), layouts)]
    themes = config.get("theme") or []
    if themes:
        themes_dir = _config_folder(
            site, files, "themesDir", config.get("themesdir") or "themes"
        )
        for theme in [themes] if isinstance(themes, str) else themes:
            root = themes_dir / str(theme)
            roots.append((root, root / "layouts"))
            copy.themes.append(root)
    inputs = [
        _config_folder(site, files, key, config.get(key.lower()) or default)
        for key, default in TEMPLATE_INPUTS
    ]
    for root, layout in roots:
        wanted = [layout / folder for folder in TEMPLATE_FOLDERS]
        # A theme's own folders have Hugo's default names.
        defaults = [root / default for _, default in TEMPLATE_INPUTS]
        wanted += defaults if root.parts else inputs
        for folder in wanted:  # a link on the way is refused, as for contentDir
            _inside_the_site(site, site / folder, "folder")
            if (site / folder).is_dir():
                copy.files.update(_hugo_folder(copy, site / folder, folder))
                copy.templates.append(folder)
        if (site / layout / "shortcodes").is_dir():
            copy.shortcodes.append(layout / "shortcodes")
        copy.left_out += _left_out(site, root, layout, wanted)


def _left_out(
    site: Path, root: PurePosixPath, layout: PurePosixPath, copied: list[PurePosixPath]
) -> list[str]:
    """What of the site's layouts folder, or of a theme's folder, is not
    copied: Hugo's page layouts, and the theme's static files and config."""
    left = []
    kept = [site / folder for folder in copied]
    if (site / layout).is_dir() and any(
        path.is_file() and not any(path.is_relative_to(folder) for folder in kept)
        for path in (site / layout).rglob("*")
    ):
        left.append(f"{layout}/ (its page layouts)")
    if root.parts:
        names = {folder.parts[len(root.parts)] for folder in copied}
        left += [
            f"{root / entry.name}" + ("/" if entry.is_dir() else "")
            for entry in _entries(site / root)
            if entry.name not in names
        ]
    return left


def _entries(folder: Path) -> list[os.DirEntry]:
    if not folder.is_dir():
        return []
    return sorted(os.scandir(folder), key=lambda entry: entry.name)


def _hugo_folder(
    copy: HugoCopy,
    folder: Path,
    into: PurePosixPath,
    static: bool = False,
    walked: tuple[Path, ...] = (),
) -> Iterator[tuple[PurePosixPath, Path]]:
    """The files under ``folder`` (each with its place under ``into``) as
    Hugo 0.111 reads them: a linked file is read, a linked folder is
    followed in the content, and stops Hugo in a static folder. A link that
    leads out of the Hugo site, a broken one, one to a folder that holds it
    and a linked folder in a static folder are left out, each noted."""
    walked = (*walked, folder.resolve())
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        path, target = Path(entry.path), into / entry.name
        if entry.is_symlink():
            real = path.resolve()
            why = _link_left_out(copy.site, real, static, walked)
            if why:
                shown = path.relative_to(copy.site).as_posix()
                copy.links.append(f"{shown}: {why}")
            elif real.is_dir():
                yield from _hugo_folder(copy, path, target, static, walked)
            else:
                yield target, real
        elif entry.is_dir(follow_symlinks=False):
            yield from _hugo_folder(copy, path, target, static, walked)
        elif entry.is_file(follow_symlinks=False):
            yield target, path


def _link_left_out(
    site: Path, real: Path, static: bool, walked: tuple[Path, ...]
) -> str | None:
    """Why a link to ``real`` is not copied, or None."""
    if not real.is_relative_to(site.resolve()):
        return f"a link to {real}, outside the Hugo site"
    if not real.exists():
        return "a broken link"
    if real.is_dir() and static:
        return (
            "a link to a folder in a static folder, on which Hugo stops "
            "('symlinks not allowed in this filesystem')"
        )
    if real.is_dir() and any(folder.is_relative_to(real) for folder in walked):
        return "a link to a folder that holds it"
    return None


def _published(fields: dict) -> bool:
    """Whether Hugo publishes a page with these front matter fields."""
    build = fields.get("build") or fields.get("_build") or {}
    render = (
        str(build.get("render", "always")).lower() if isinstance(build, dict) else ""
    )
    return not (
        fields.get("draft") is True
        or fields.get("headless") is True
        or render in ("never", "false")
    )


def hugo_parity(
    site: Path,
    output: Path,
    permalinks: dict | None = None,
    languages: Collection[str] = (),
    content_folder: PurePosixPath = CONTENT,
) -> Parity:
    """The pages and aliases the content files imply at Hugo's URLs (their
    ``url``, else their section's pattern in ``permalinks``, else Hugo's
    default), and which of them the build wrote to ``output``.

    Files of the other ``languages`` (``about.fr.md``, or their own content
    folders: ``content_folder`` is the default language's) are not counted.
    """
    from pelican.plugins.hugo_frontmatter.content import frontmatter, urls

    content = site / content_folder
    parity = Parity()
    bundles = {path.parent for path in content.rglob("index.*")} - {content}
    for path in sorted(content.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in CONTENT_SUFFIXES:
            continue
        if any(folder in bundles for folder in path.parents) and path.stem != "index":
            continue  # a resource of a page bundle, not a page
        relative = path.relative_to(content).as_posix()
        if path.suffixes[-2:-1] and path.suffixes[-2][1:].lower() in languages:
            continue
        front = frontmatter.split(path.read_text("utf-8"), str(path))
        fields = {str(k).lower(): v for k, v in (front.fields if front else {}).items()}
        if not _published(fields):
            continue
        slug = fields.get("slug") if isinstance(fields.get("slug"), str) else None
        pattern = _permalink_of(relative, permalinks or {})
        if isinstance(fields.get("url"), str):
            url = fields["url"]
        elif pattern:
            url = urls.expand_permalink(pattern, _permalink_parts(relative, fields))
        else:
            url = urls.default_path(relative, slug)
        where = f"{content_folder}/{relative}"
        location = urls.output_location(url)
        parity.pages.append((where, location["save_as"]))
        aliases = fields.get("aliases") or []
        for alias in [aliases] if isinstance(aliases, str) else aliases:
            saved = urls.alias_location(str(alias).strip(), location["url"])
            parity.aliases.append((where, saved))
    parity.missing = [
        row for row in parity.pages + parity.aliases if not (output / row[1]).is_file()
    ]
    return parity


def _permalink_of(relative: str, permalinks: dict) -> str | None:
    """The section's permalink pattern for a regular page (not a list page)."""
    folders = relative.split("/")[:-1]
    if not folders or relative.rsplit("/", 1)[-1].startswith("_index."):
        return None
    pattern = permalinks.get(folders[0])
    return pattern if isinstance(pattern, str) else None


def _permalink_parts(relative: str, fields: dict):
    from pelican.plugins.hugo_frontmatter.content import urls
    from pelican.plugins.hugo_frontmatter.content.dates import parse_date

    *folders, name = relative.split("/")
    stem = name.rsplit(".", 1)[0]
    if stem == "index":  # a leaf bundle: its folder names it
        stem = folders.pop()
    date = fields.get("date")
    if isinstance(date, str):
        date = parse_date(date)
    if isinstance(date, datetime.date) and not isinstance(date, datetime.datetime):
        date = datetime.datetime(date.year, date.month, date.day)
    slug = fields.get("slug")
    return urls.PermalinkParts(
        date=date if isinstance(date, datetime.datetime) else None,
        sections=tuple(folders),
        title=str(fields.get("title") or ""),
        slug=slug if isinstance(slug, str) else None,
        filename=stem,
    )


# An opening shortcode tag: {{< name or {{% name, not a closing one and not
# Hugo's escaped {{</* name */>}}.
NEWLINE = "\n"
SHORTCODE_TAG = re.compile(r"\{\{([<%])\s*(/\*)?\s*(/)?\s*([\w.\-]+(?:/[\w.\-]+)*)")


def unrunnable_shortcodes(folder: Path, copy: HugoCopy) -> list[str]:
    """One line, ``file:line: ...``, for every use in the copied content of
    a shortcode that no template of the site or its theme (``NAME.html``,
    ``NAME.md`` or a language or output format variant, ``NAME.en.html``)
    and no built-in gives: Hugo stops on it too. The build would stop at the
    first of a file; these are all of them."""
    from pelican.plugins.hugo_frontmatter.shortcodes.builtins import BUILTINS

    problems = []
    for relative in sorted(copy.files):
        if relative.suffix.lower() not in CONTENT_SUFFIXES or not any(
            relative.is_relative_to(root) for root in copy.content_roots
        ):
            continue
        path = folder / relative
        text = path.read_text("utf-8", errors="replace")
        for match in SHORTCODE_TAG.finditer(text):
            name = match[4]
            if match[2] or match[3] or name.endswith(".inline"):
                continue
            if name in BUILTINS or _has_template(folder, copy.shortcodes, name):
                continue
            where = f"{path}:{text.count(NEWLINE, 0, match.start()) + 1}"
            problems.append(
                f'{where}: unknown shortcode "{name}": neither the Hugo site '
                "nor its theme has a template for it, and Hugo stops on it "
                f"too; write one as layouts/shortcodes/{name}.html (a Go "
                "template, as in Hugo), or take the shortcode out"
            )
    return problems


def _has_template(folder: Path, shortcodes: list[PurePosixPath], name: str) -> bool:
    for shortcodes_folder in shortcodes:
        place = folder / shortcodes_folder / name
        if place.parent.is_dir() and any(
            path.is_file() for path in place.parent.glob(f"{place.name}.*")
        ):
            return True
    return False


def _build(folder: Path) -> Path:
    from .build import BuildError, build, configure_logging

    configure_logging()
    output = folder / "output"
    try:
        result = build(folder / "pelicanconf.py", output)
    except BuildError as error:
        # The errors it logged are above already: only its summary here.
        raise SiteBuildError(
            f"the site was written to {folder}, but its build failed: "
            f"{error.summary}; fix what the errors above name, then run: "
            f"cd {folder} && invoke build"
        ) from None
    print(f"Built {result.files} files into {result.output} in {result.seconds:.2f} s")
    return output


# --- the command -------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pelican-cameo",
        description="Start a site with the cameo theme.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser(
        "new",
        help="write a new site into DIR",
        description="Write a new site into DIR: settings, tasks.py, a profile "
        "page (content/_index.md), a placeholder avatar and GitHub Actions "
        "workflows. Then: cd DIR && invoke build",
    )
    new.add_argument("dir", metavar="DIR", type=Path, help="folder for the site")
    new.add_argument("--title", help="your name: the site's and the page's title")
    new.add_argument("--author", help="the author's name (default: the title)")
    new.add_argument("--url", help="the public address (default https://example.org)")
    new.add_argument("--lang", help="the page's language code (default en)")
    new.add_argument(
        "--from-hugo",
        metavar="HUGO_SITE",
        type=Path,
        help="copy this Hugo site's content, static files and config, build "
        "once and compare the pages and aliases with the Hugo tree's",
    )
    new.add_argument(
        "--force",
        action="store_true",
        help="write into DIR even if it is not empty; each file it replaces "
        f"is kept in DIR/{BACKUP_PREFIX}<time>/",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    folder = arguments.dir
    given = {
        name: getattr(arguments, name) for name in ("title", "author", "url", "lang")
    }
    try:
        options = _checked(given)
        if arguments.from_hugo is None:
            files = site_files(options)
            _report(write_site(folder, files, arguments.force), sorted(files))
            return 0
        return _from_hugo(arguments.from_hugo, folder, options, arguments.force)
    except NewSiteError as error:
        print(f"pelican-cameo new: error: {error}", file=sys.stderr)
        return 1 if isinstance(error, SiteBuildError) else 2


def _from_hugo(site: Path, folder: Path, options: dict[str, str], force: bool) -> int:
    if not site.is_dir():
        raise NewSiteError(
            f"--from-hugo: {site} is not a folder; give the Hugo site's folder"
        )
    mine, theirs = folder.resolve(), site.resolve()
    if mine == theirs or theirs in mine.parents or mine in theirs.parents:
        raise NewSiteError(
            f"{folder} and the Hugo site {site} overlap; write the new site to "
            "a folder outside the Hugo site"
        )
    _prepare(folder, force)
    config_files, config = read_hugo_config(site)
    copy = plan_hugo_copy(site, config_files, config)
    if "url" not in options and isinstance(config.get("baseurl"), str):
        base = config["baseurl"].rstrip("/")
        if re.fullmatch(r"https?://\S+", base):  # publishconf.py's SITEURL
            options = {**options, "url": base}
    own = site_files(options, copy)
    writer = write_site(folder, {**copy.files, **own}, force, BUILT_FOLDERS)
    _report(writer, sorted(own), hugo=site)
    for line in copy.links:
        print(f"Not copied: {line}")
    if copy.templates:
        print(
            "Copied for the Go templates, which run as they are: "
            + ", ".join(f"{folder}/" for folder in copy.templates)
        )
    if copy.left_out:
        print(f"Not copied (cameo is the theme): {', '.join(copy.left_out)}")
    problems = unrunnable_shortcodes(folder, copy)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        raise SiteBuildError(
            f"the site was written to {folder}, but it cannot be built yet: "
            f"{len(problems)} use(s) of shortcodes, listed above, stop the build; "
            f"write or remove them, then run: cd {folder} && invoke build"
        )
    output = _build(folder)
    permalinks = config.get("permalinks")
    languages = config.get("languages")
    parity = hugo_parity(
        folder,
        output,
        permalinks if isinstance(permalinks, dict) else None,
        [str(name).lower() for name in languages or {}]
        if isinstance(languages, dict)
        else (),
        copy.home_content,
    )
    print(parity.table())
    return 0


def _report(
    writer: FolderWriter, names: list[PurePosixPath], hugo: Path | None = None
) -> None:
    folder = writer.root
    if hugo is not None:
        print(f"Copied {hugo}'s content, static files and config into {folder}")
    print(f"Wrote {folder}: {', '.join(name.as_posix() for name in names)}")
    if writer.backup is not None:
        kept = ", ".join(sorted(name.as_posix() for name in writer.replaced))
        print(f"Kept the files it replaced, as they were, in {writer.backup}/: {kept}")
    if not _theme_installed():
        print(
            "pelican-cameo is an editable install here, so pelicanconf.py names "
            'the theme by its path instead of THEME = "cameo"'
        )
    if hugo is None:
        print(
            f"Next: cd {folder} && invoke build, then invoke livereload and "
            "edit content/_index.md"
        )
