"""Hugo as the oracle for template functions: one Hugo build renders many
small layouts, and the same text runs on the gotemplate engine with Hugo's
functions (``hugo_templates``).

An example is ``(template, params)``: the template is a layout of its own
page, whose front matter gives ``.Params``. Compare ``hugo_outputs`` with
``cameo_output`` for each. Hugo writes no file for a page that renders
empty, which reads here as ``""``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pelican.plugins.hugo_frontmatter.content.params import Params
from pelican.plugins.hugo_frontmatter.gotemplate import TemplateSet
from pelican.plugins.hugo_frontmatter.hugo_templates.bindings import SiteBindings
from pelican.plugins.hugo_frontmatter.hugo_templates.functions import hugo_functions

from .conftest import hugo_build

BASE_URL = "http://example.org/"

CONFIG = f"""
baseURL = "{BASE_URL}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]
"""


def hugo_outputs(
    hugo: str,
    root: Path,
    examples: list[tuple[str, dict[str, Any]]],
    config: str = "",
    files: dict[str, str] | None = None,
) -> list[str]:
    """Hugo's page for each example, in one build. ``config`` is added to the
    site's config.toml (TOML, before any table); ``files`` are more files of
    the site (``data/x.json``, ``i18n/en.toml``, ``assets/...``)."""
    tree = {"config.toml": config + "\n" + CONFIG, **(files or {})}
    for n, (template, params) in enumerate(examples):
        tree[f"layouts/_default/e{n}.html"] = template
        # YAML front matter written as JSON, which YAML reads as it is.
        tree[f"content/e{n}.md"] = (
            "---\n" + json.dumps({"layout": f"e{n}", **params}) + "\n---\n"
        )
    public = hugo_build(hugo, root, tree, layouts={})
    pages = [public / f"e{n}" / "index.html" for n in range(len(examples))]
    return [p.read_text(encoding="utf-8") if p.exists() else "" for p in pages]


def cameo_output(
    template: str,
    params: dict[str, Any],
    bindings: SiteBindings | None = None,
    dot: Any = None,
) -> str:
    """The engine's output for one example, escaping as html/template does.
    ``dot`` replaces the default dot (a map with the page's ``Params``)."""
    bindings = bindings or SiteBindings(base_url=BASE_URL)
    templates = TemplateSet(funcs=hugo_functions(bindings), html=True)
    data = dot if dot is not None else {"Params": Params(params)}
    return templates.parse("t", template).execute(data)
