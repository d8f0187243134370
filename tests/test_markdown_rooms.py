"""The Markdown room's modules and the cache's key: every module whose code
decides the HTML is in the key, so that an edited rule is never served from
the cache."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from pelican.plugins.hugo_frontmatter.markdown import cache, goldmark
from pelican.plugins.hugo_frontmatter.markdown.rules import tables

ROOM = Path(goldmark.__file__).parent
PACKAGE = goldmark.__name__.rpartition(".")[0]


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOM).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join([PACKAGE, *parts])


def test_every_module_of_the_room_but_the_cache_decides_the_html() -> None:
    on_disk = {_module_name(path) for path in ROOM.rglob("*.py")} - {PACKAGE}
    named = set(goldmark.rendering_modules())
    assert on_disk - named == {cache.__name__}
    assert {"markdown_it", "mdit_py_plugins", "pygments", "emoji"} <= named
    # Loaded, so that the key finds their files (a library may load late).
    assert all(name in sys.modules for name in named if name.startswith(PACKAGE))


def test_an_edited_rule_module_changes_the_cache_key(tmp_path, monkeypatch) -> None:
    # The rule's file copied, so that touching it leaves the tree alone.
    copy = tmp_path / "tables.py"
    shutil.copy2(tables.__file__, copy)
    monkeypatch.setattr(tables, "__file__", str(copy))
    modules = goldmark.rendering_modules()
    assert tables.__name__ in modules
    before = cache.renderer_key("options", modules)
    assert cache.renderer_key("options", modules) == before
    stamp = copy.stat().st_mtime_ns + 1_000_000_000
    os.utime(copy, ns=(stamp, stamp))
    assert cache.renderer_key("options", modules) != before
