"""The house rules of docs/development.md ("How the three packages talk"),
read from the code: imports go down only, between packages and between the
Hugo plugin's rooms; no import cycle inside a room; no module of the plugins
over 700 lines, no function over 80; each room says what it owns."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

from .conftest import ROOT

PLUGINS = ROOT / "plugins"
HUGO = "pelican.plugins.hugo_frontmatter"

# Bottom to top: a module may import from its own layer and those below.
LAYERS = [
    "cameo_shared",
    f"{HUGO}.gotemplate",
    f"{HUGO}.markdown",
    f"{HUGO}.content",
    f"{HUGO}.config",
    f"{HUGO}.hugo_templates",
    f"{HUGO}.shortcodes",
    f"{HUGO}.site",
    HUGO,  # the readers and register(), at the top of the plugin
    "pelican.plugins.cameo",
    "cameo_tools",
]
# What each package may import of the others, beyond the layer order: the
# theme plugin stands beside the Hugo plugin, not on it.
FORBIDDEN = {"pelican.plugins.cameo": [HUGO]}
# The one import that goes up, on purpose: the theme plugin's old name for
# the tasks (pelican.plugins.cameo.tasks), kept until 0.3 with a warning.
EXCEPTIONS = {("pelican.plugins.cameo.tasks", "cameo_tools.tasks")}
PACKAGE_DIRS = {
    HUGO: PLUGINS / "hugo_frontmatter",
    "pelican.plugins.cameo": PLUGINS / "cameo",
    "cameo_tools": PLUGINS / "cameo_tools",
    "cameo_shared": PLUGINS / "cameo_shared",
}
MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGE_DIRS.items():
        for path in sorted(folder.rglob("*.py")):
            if "site_template" in str(path) or "__pycache__" in path.parts:
                continue
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


@functools.cache
def _imports(name: str, path: Path) -> list[tuple[str, bool]]:
    """(module imported, at module level) for each import of ours in
    ``path``, relative ones resolved."""
    tree = ast.parse(path.read_text("utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    for node in tree.body:  # `if TYPE_CHECKING:` blocks count as top level
        if isinstance(node, ast.If):
            top_level.update(id(child) for child in node.body)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import x` imports module x
                full = f"{target}.{alias.name}"
                found.append((full if full in MODULES else target, id(node)))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, id(node)) for alias in node.names)
    return [
        (target, where in top_level)
        for target, where in found
        if target in MODULES or any(target.startswith(p) for p in PACKAGE_DIRS)
    ]


@functools.cache
def _layer(module: str) -> int:
    best = max(
        (
            prefix
            for prefix in LAYERS
            if module == prefix or module.startswith(prefix + ".")
        ),
        key=len,
    )
    return LAYERS.index(best)


def _room(module: str) -> str:
    return LAYERS[_layer(module)]


def test_imports_go_down_only():
    up = []
    for name, path in MODULES.items():
        for target, _ in _imports(name, path):
            if (name, target) in EXCEPTIONS:
                continue
            forbidden = FORBIDDEN.get(_room(name), [])
            if _layer(target) > _layer(name) or any(
                target == f or target.startswith(f + ".") for f in forbidden
            ):
                up.append(f"{name} imports {target}")
    assert up == []


def test_no_import_cycle_inside_a_room():
    graph = {
        name: {
            target
            for target, top in _imports(name, path)
            if top
            and target in MODULES
            and target != name
            and _room(target) == _room(name)
            and not name.startswith(target + ".")  # a module's own package
        }
        for name, path in MODULES.items()
    }
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_module_or_function_too_long():
    long = []
    for name, path in MODULES.items():
        text = path.read_text("utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert long == []


@pytest.mark.parametrize(
    "room", [room for room in LAYERS if room.startswith(HUGO + ".")]
)
def test_each_room_says_what_it_owns(room):
    docstring = ast.get_docstring(ast.parse(MODULES[room].read_text("utf-8")))
    assert docstring and "import" in docstring, f"{room}/__init__.py"


def test_the_checks_see_an_import_that_goes_up(tmp_path):
    """The rule above is not vacuous: the plugin's own site room imports
    from the layers below it, and a reader's import of the site room would
    be caught the other way round."""
    site = f"{HUGO}.site.rules"
    below = {t for t, _ in _imports(site, MODULES[site])}
    assert any(_layer(t) < _layer(site) for t in below)
    assert _layer(f"{HUGO}.reader") > _layer(site) > _layer(f"{HUGO}.content.fields")
