"""`pelican-cameo new DIR`: write a new site that builds at once (the files of
site_template/ beside this module, filled in, and a placeholder avatar), or,
with ``--from-hugo``, a Hugo site's content and config with cameo's settings,
built once and its pages and aliases compared with the Hugo tree's.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TEMPLATE = Path(__file__).with_name("site_template")
# Files that replace the template's for a site that came from Hugo.
HUGO_TEMPLATE = Path(__file__).with_name("site_template_hugo")
# The template's files where placeholders are filled; the rest are copied.
FILLED_SUFFIXES = (".py", ".md")
PLACEHOLDER = re.compile(r"\{(title|author|url|lang|hugo_config)\}")
AVATAR = Path("content", "images", "avatar.png")
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
# What --from-hugo leaves out of a Hugo site, and says so: Hugo's templates
# and their inputs mean nothing to cameo.
HUGO_LEFT_OUT = ("layouts", "themes", "assets", "archetypes", "data", "i18n")
CONTENT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".html", ".htm")
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


# --- writing -----------------------------------------------------------------


def _template_files(hugo: bool) -> dict[Path, Path]:
    """Relative path in the new site -> the template file it comes from."""
    files = {
        path.relative_to(TEMPLATE): path
        for path in sorted(TEMPLATE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    if hugo:
        files = {rel: path for rel, path in files.items() if rel.parts[0] != "content"}
        files.update(
            (path.relative_to(HUGO_TEMPLATE), path)
            for path in sorted(HUGO_TEMPLATE.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        )
    return files


def _prepare(folder: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise NewSiteError(f"{folder} is a file; choose a folder for the new site")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise NewSiteError(
            f"{folder} is not empty; choose a new folder, or add --force to "
            "write the site into it (its files of the same names are replaced)"
        )


def write_site(
    folder: Path,
    options: dict[str, str],
    force: bool = False,
    hugo_config: str | None = None,
) -> list[Path]:
    """Write the site's files into ``folder``, filled in with ``options``
    (title, author, url, lang; checked); returns the files, relative."""
    _prepare(folder, force)
    hugo = hugo_config is not None
    values = {**DEFAULTS, **options}
    values.setdefault("author", values["title"])
    if hugo:
        values["hugo_config"] = hugo_config
    written = []
    for relative, source in _template_files(hugo).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in FILLED_SUFFIXES:
            text = fill(source.read_text("utf-8"), values, source.suffix)
            if relative.name == "pelicanconf.py":
                text = _settings_text(text, options, hugo)
            target.write_text(text, "utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(relative)
    if not hugo:
        write_avatar(folder / AVATAR)
        written.append(AVATAR)
    return written


def _settings_text(text: str, options: dict[str, str], hugo: bool) -> str:
    if hugo:  # the config stands in for these, unless given here
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


def write_avatar(path: Path) -> None:
    """A neutral placeholder: a head and shoulders on a soft background."""
    from PIL import Image, ImageDraw

    side = AVATAR_SIDE
    image = Image.new("RGB", (side, side), (214, 222, 230))
    draw = ImageDraw.Draw(image)
    figure = (150, 163, 176)
    draw.ellipse((side * 0.32, side * 0.18, side * 0.68, side * 0.54), fill=figure)
    draw.ellipse((side * 0.14, side * 0.6, side * 0.86, side * 1.3), fill=figure)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, optimize=True)


# --- a Hugo site -------------------------------------------------------------


def _hugo_config(site: Path) -> tuple[list[Path], dict]:
    from pelican.plugins.hugo_frontmatter.config import (
        HugoConfigError,
        find_files,
        read_config,
    )

    try:
        files = [Path(path) for path in find_files(str(site), str(site))]
        return files, read_config([str(path) for path in files])
    except HugoConfigError as error:
        raise NewSiteError(f"--from-hugo: {error}") from None


def copy_hugo_site(site: Path, folder: Path) -> tuple[str, list[str]]:
    """Copy the Hugo site's config, content and static folders into
    ``folder``; returns the ``hugo_config`` value and what was left out."""
    files, config = _hugo_config(site)
    content = site / str(config.get("contentdir") or "content")
    if not content.is_dir():
        raise NewSiteError(
            f"--from-hugo: {content} does not exist; give the folder of a Hugo "
            "site (the one holding hugo.toml and content/)"
        )
    shutil.copytree(content, folder / "content", dirs_exist_ok=True)
    statics = config.get("staticdir") or ["static"]
    for name in [statics] if isinstance(statics, str) else statics:
        if (site / str(name)).is_dir():
            shutil.copytree(site / str(name), folder / str(name), dirs_exist_ok=True)
    for path in files:
        relative = path.relative_to(site)
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / relative)
    left_out = [f"{name}/" for name in HUGO_LEFT_OUT if (site / name).is_dir()]
    one_file = len(files) == 1 and files[0].parent == site
    return (files[0].name if one_file else "."), left_out


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
) -> Parity:
    """The pages and aliases the content files imply at Hugo's URLs (their
    ``url``, else their section's pattern in ``permalinks``, else Hugo's
    default), and which of them the build wrote to ``output``.

    Files of the other ``languages`` (``about.fr.md``) are not counted.
    """
    from pelican.plugins.hugo_frontmatter import frontmatter, urls

    content = site / "content"
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
        where = f"content/{relative}"
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
    from pelican.plugins.hugo_frontmatter import urls
    from pelican.plugins.hugo_frontmatter.fields import parse_date

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


def _build(folder: Path) -> Path:
    from .build import BuildError, build, configure_logging

    configure_logging()
    output = folder / "output"
    try:
        result = build(folder / "pelicanconf.py", output)
    except BuildError as error:
        raise SiteBuildError(
            f"the site was written to {folder}, but its build failed: {error}\n"
            f"fix what it names, then run: cd {folder} && invoke build"
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
        help="write into DIR even if it is not empty, replacing files of the "
        "same names",
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
            written = write_site(folder, options, arguments.force)
            _report(folder, written)
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
    _, config = _hugo_config(site)
    if "url" not in options and isinstance(config.get("baseurl"), str):
        base = config["baseurl"].rstrip("/")
        if re.fullmatch(r"https?://\S+", base):  # publishconf.py's SITEURL
            options = {**options, "url": base}
    folder.mkdir(parents=True, exist_ok=True)
    hugo_config, left_out = copy_hugo_site(site, folder)
    written = write_site(folder, options, force=True, hugo_config=hugo_config)
    _report(folder, written, hugo=site)
    if left_out:
        print(
            f"Not copied (Hugo's templates and data; cameo is the theme): "
            f"{', '.join(left_out)}"
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
    )
    print(parity.table())
    return 0


def _report(folder: Path, written: list[Path], hugo: Path | None = None) -> None:
    names = ", ".join(sorted(path.as_posix() for path in written))
    if hugo is not None:
        print(f"Copied {hugo}'s content, static files and config into {folder}")
    print(f"Wrote {folder}: {names}")
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
