"""`pelican-cameo new --from-hugo`: what of a Hugo site is copied, as Hugo
0.111 reads it: its config files, the content and static folders the config
names (each language's too), and what its Go templates read (shortcodes,
render hooks, partials, data, i18n, assets: the site's and its theme's).
A path or link that leads out of the Hugo site is refused or left out, and
what is left out (Hugo's page layouts, the theme's look) is noted.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import NewSiteError

CONTENT = PurePosixPath("content")
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
