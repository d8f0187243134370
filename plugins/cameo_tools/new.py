"""The `pelican-cameo` command: `new DIR` writes a new site that builds at
once (new_site), or, with ``--from-hugo``, a Hugo site's content, config and
what its Go templates need with cameo's settings (hugo_copy), built once
and its pages and aliases compared with the Hugo tree's, or each use of a
shortcode nobody defines named instead (hugo_parity).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from .errors import BuildError, NewSiteError, SiteBuildError
from .folder_writer import FolderWriter
from .hugo_copy import plan_hugo_copy, read_hugo_config
from .hugo_parity import hugo_parity, unrunnable_shortcodes
from .new_site import (
    BACKUP_PREFIX,
    checked_options,
    prepare_folder,
    site_files,
    theme_installed,
    write_site,
)

# Folders a --from-hugo build writes into the new site: refused as links too.
BUILT_FOLDERS = (PurePosixPath("output"), PurePosixPath("cache"))


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
    """The `pelican-cameo` console script; exits 0, 1 when the site was
    written but its first build failed, 2 when nothing was written."""
    arguments = _parser().parse_args(argv)
    folder = arguments.dir
    given = {
        name: getattr(arguments, name) for name in ("title", "author", "url", "lang")
    }
    try:
        options = checked_options(given)
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
    prepare_folder(folder, force)
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


def _build(folder: Path) -> Path:
    """The new site's first build, into DIR/output; SiteBuildError, with
    what to run once it is mended, when it fails."""
    from .build import build, configure_logging

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
    if not theme_installed():
        print(
            "pelican-cameo is an editable install here, so pelicanconf.py names "
            'the theme by its path instead of THEME = "cameo"'
        )
    if hugo is None:
        print(
            f"Next: cd {folder} && invoke build, then invoke livereload and "
            "edit content/_index.md"
        )
