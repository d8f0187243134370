"""How Hugo's templates print a value, and Hugo's functions a site's Jinja
ports call as filters (``humanize``, ``chomp``, ``default``, the paragraph
``markdownify`` drops).

``go_str`` prints nil, booleans and lists as Go does; ``go_value`` is the
Jinja environment's ``finalize``, which also marks each printed value for
the attribute check (``html_attributes.dynamic``).
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from markupsafe import Markup

from ..content.params import param_text
from .html_attributes import dynamic


def go_str(value: Any) -> str:
    """A value as Go's templates print it (``true``, ``[a b]``, ``''`` for
    nil): a parameter's text (``param_text``), lists as Go prints them."""
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(go_str(v) for v in value) + "]"
    return param_text(value)


def go_value(value: Any) -> Any:
    """What ``{{ value }}`` prints: Go's forms for nil, booleans and lists,
    marked as printed (html_attributes.dynamic) for the attribute check."""
    if isinstance(value, (bool, list, tuple)) or value is None:
        value = go_str(value)
    return dynamic(value)


def trim_paragraph(html: str) -> str:
    """Hugo's markdownify: one paragraph comes back without its ``<p>``."""
    stripped = html.strip()
    if (
        stripped.startswith("<p>")
        and stripped.endswith("</p>")
        and stripped.count("<p>") == 1
    ):
        return stripped[3:-4]
    return html


def humanize(value: Any) -> str:
    """Hugo's humanize for words: ``my-first_post`` -> ``My first post``."""
    text = re.sub(r"[-_]+", " ", go_str(value)).strip()
    return text[:1].upper() + text[1:]


def chomp(value: Any) -> Any:
    """Hugo's chomp: trailing newlines removed, HTML kept as HTML."""
    if isinstance(value, Markup):
        return Markup(str(value).rstrip("\r\n"))
    return go_str(value).rstrip("\r\n")


def default(value: Any, default_value: Any = "", boolean: bool = True) -> Any:
    """Hugo's ``default``: any empty value (None, "", 0, false) takes the default."""
    if isinstance(value, jinja2.Undefined) or (boolean and not value):
        return default_value
    return value
