"""Finding and reading a Hugo site's config files.

``HUGO_FRONTMATTER["hugo_config"]`` names a file (TOML, YAML or JSON) or a
folder, where Hugo's own files are looked for (``hugo.*`` or ``config.*``,
then ``config/_default/`` and the environment's folder, ``config/production/``
for a build); a relative name is taken from PATH, then from the folder above
it. The files are merged as Hugo merges them, keys lower-cased.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from cameo_shared.paths import display_path, is_inside

from .errors import HugoConfigError
from .formats import format_of, parse_file

# The file names Hugo 0.111 looks for, in its order; only the first found at
# the site's root is read. Then every file of the config folder's
# ``_default`` and of the environment's folder (config/production/ for a
# build, as ``hugo``), each later one winning (checked with ``hugo config``).
CONFIG_NAMES = tuple(
    f"{stem}.{extension}"
    for stem in ("hugo", "config")
    for extension in ("toml", "yaml", "yml", "json")
)
CONFIG_DIR = "config"
CONFIG_FOLDER = os.path.join(CONFIG_DIR, "_default")
# Hugo's environment when neither HUGO_ENVIRONMENT nor HUGO_ENV says one:
# ``hugo`` builds for production (``hugo server`` for development, but a
# cameo preview writes what the build writes).
DEFAULT_ENVIRONMENT = "production"
# In a config folder, these file names (in this case) hold top-level keys.
ROOT_STEMS = frozenset({"hugo", "config"})


def find_site(given: str, content: str) -> tuple[str, list[str]]:
    """The Hugo site's root and its config files. PATH is the site's root
    when the config is in it (PATH left out, or PATH = "."); else PATH is
    Hugo's content folder and the root is the folder above it. A relative
    ``given`` is looked for in PATH first, then in the folder above."""
    above = os.path.dirname(content)
    if os.path.isabs(given):
        files = find_files(given, above)
        return (content if is_inside(given, [content]) else above), files
    try:
        return content, find_files(given, content)
    except HugoConfigError:
        if os.path.isfile(os.path.join(content, given)):
            raise  # found, but not a config: say why, not "does not exist"
        return above, find_files(given, above)


def find_files(given: str, site_root: str) -> list[str]:
    """The config files for ``given`` (a file, or a folder Hugo would read),
    in the order they are merged: each later one wins."""
    path = given if os.path.isabs(given) else os.path.join(site_root, given)
    path = os.path.normpath(path)
    if os.path.isfile(path):
        if not format_of(path):
            raise HugoConfigError(
                display_path(path),
                None,
                "is not a config file cameo can read: Hugo 0.111 looks for "
                f"{', '.join(CONFIG_NAMES)}, and a file named here must end "
                ".toml, .yaml, .yml or .json (Hugo's --config says 'is not a "
                "valid configuration format'); rename it to its format's "
                "extension (site.toml for TOML), or name the Hugo site's folder in "
                "HUGO_FRONTMATTER['hugo_config']",
            )
        return [path]
    if not os.path.isdir(path):
        raise HugoConfigError(
            display_path(path),
            None,
            "the Hugo config named by HUGO_FRONTMATTER['hugo_config'] does not "
            "exist; give the path of hugo.toml (or of the Hugo site's folder), "
            "absolute, or relative to PATH (the Hugo site's folder, when PATH is "
            "left out) or to the folder above it",
        )
    found = []
    root_file = next(
        (
            os.path.join(path, name)
            for name in CONFIG_NAMES
            if os.path.isfile(os.path.join(path, name))
        ),
        None,
    )
    if root_file:
        found.append(root_file)
    for name in ("_default", environment()):
        found.extend(_folder_files(os.path.join(path, CONFIG_DIR, name)))
    if not found:
        raise HugoConfigError(
            display_path(path),
            None,
            f"holds no Hugo config ({', '.join(CONFIG_NAMES)} or "
            f"{CONFIG_FOLDER}/); name the config file itself",
        )
    return found


def environment() -> str:
    """Hugo's build environment: HUGO_ENVIRONMENT, else HUGO_ENV (as Hugo
    0.111 reads them), else production."""
    for name in ("HUGO_ENVIRONMENT", "HUGO_ENV"):
        if os.environ.get(name):
            return os.environ[name]
    return DEFAULT_ENVIRONMENT


def _folder_files(folder: str) -> list[str]:
    """The config files anywhere under one folder of config/, by path (Hugo
    walks the folder in lexical order)."""
    found = []
    for parent, folders, files in os.walk(folder):
        folders.sort()
        found.extend(
            os.path.join(parent, name)
            for name in sorted(files)
            if format_of(name) and os.path.isfile(os.path.join(parent, name))
        )
    return found


def read_config(files: list[str]) -> dict[str, Any]:
    """The merged config of ``files``, keys lower-cased as Hugo reads them.

    A file in a config folder (``config/<environment>/``) holds the key its
    name says, as Hugo 0.111 reads it: ``hugo.*`` and ``config.*`` the top
    level, ``params.toml`` the params, ``languages.toml`` the languages;
    with a language after a dot, that language's: ``menus.en.toml`` and
    ``params.en.toml`` its menus and params, any other (``languages.en.toml``)
    its whole table."""
    merged: dict[str, Any] = {}
    for path in files:
        data = _lower_keys(parse_file(path))
        if _in_config_folder(path):
            data = _under_key(os.path.basename(path).rsplit(".", 1)[0], data)
        merge(merged, data)
    return merged


def _in_config_folder(path: str) -> bool:
    """Whether a config file is in a folder of ``config/`` (an environment's,
    or one below it), where its name is its key."""
    folder = os.path.dirname(os.path.abspath(path))
    while os.path.dirname(folder) != folder:
        if os.path.basename(os.path.dirname(folder)) == CONFIG_DIR:
            return True
        folder = os.path.dirname(folder)
    return False


def _under_key(stem: str, data: dict[str, Any]) -> dict[str, Any]:
    """A config folder's file as the keys its name gives, by Hugo's rule:
    the name's last dot parts a language off, and the names Hugo knows
    (``hugo``, ``config``, ``menu(s)`` and ``params`` before a language)
    count only in lower case, as Hugo compares them; ``menu`` is ``menus``."""
    if stem in ROOT_STEMS:
        return data
    name, dot, language = stem.rpartition(".")
    if not dot:
        key = stem.lower()
        return {"menus" if key == "menu" else key: data}
    if name in ("menu", "menus", "params"):
        data = {"params" if name == "params" else "menus": data}
    return {"languages": {language.lower(): data}}


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key).lower(): _lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower_keys(item) for item in value]
    return value


def merge(into: dict[str, Any], data: Mapping[str, Any]) -> None:
    """Merge ``data`` into ``into`` as Hugo merges configs: a table's keys
    one by one, any other value replaced."""
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = value
