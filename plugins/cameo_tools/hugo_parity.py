"""A site that came from Hugo against its Hugo tree: before its first
build, each use of a shortcode nobody defines (Hugo stops on it too); after
it, the pages and aliases the content implies at Hugo's URLs, and which of
them the build wrote (the parity table `pelican-cameo new --from-hugo`
prints).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .hugo_copy import CONTENT, HugoCopy

CONTENT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".html", ".htm")
# An opening shortcode tag: {{< name or {{% name, not a closing one and not
# Hugo's escaped {{</* name */>}}.
NEWLINE = "\n"
SHORTCODE_TAG = re.compile(r"\{\{([<%])\s*(/\*)?\s*(/)?\s*([\w.\-]+(?:/[\w.\-]+)*)")


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
