"""docs/development.md's code map and test table name every module there is:
a new module or test module without its line there fails here."""

from __future__ import annotations

import re

from .conftest import ROOT

DOC = (ROOT / "docs" / "development.md").read_text("utf-8")
NAMED = set(re.findall(r"`([^`]*?)`", DOC))


def _named(relative: str) -> bool:
    """A module is named by its file name or its path, in backticks; one
    of a folder the map names (`funcs/`) may be named by its stem (the
    namespaces: `strings`)."""
    folder, _, name = relative.rpartition("/")
    if any(text == name or text.endswith("/" + name) for text in NAMED):
        return True
    parent = folder.rsplit("/", 1)[-1]
    return f"{parent}/" in NAMED and name.removesuffix(".py") in NAMED


def test_every_module_of_the_plugins_is_in_the_code_map():
    modules = sorted(
        path.relative_to(ROOT / "plugins").as_posix()
        for path in (ROOT / "plugins").rglob("*.py")
        if path.name != "__init__.py"
        and "site_template" not in path.parts
        and "site_template_hugo" not in path.parts
        and "__pycache__" not in path.parts
    )
    assert modules
    assert [module for module in modules if not _named(module)] == []


def test_every_test_module_is_in_the_test_table():
    modules = sorted(path.name for path in (ROOT / "tests").glob("test_*.py"))
    assert [name for name in modules if name not in DOC] == []
