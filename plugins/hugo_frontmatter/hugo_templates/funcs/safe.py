"""Hugo 0.111's ``safe`` namespace (``tpl/safe``): a value marked trusted
for one place of the page, which html/template then prints as it is there
(``safeHTML`` in text, ``safeURL`` in ``href``, ``safeCSS`` in ``style``).

``safeJS`` and ``safeJSStr`` make Go's JS and JSStr values; the engine does
not write in ``<script>`` yet, so elsewhere they print escaped as any text,
as in Go. ``sanitizeURL`` is not here (Hugo's purell normalising).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ...gotemplate.htmltemplate.content import CSS, HTML, JS, URL, HTMLAttr, JSStr
from ..bindings import SiteBindings
from ..gocast import to_string

logger = logging.getLogger(__name__)


class Safe:
    """The ``safe`` namespace."""

    GO_TYPE = "*safe.Namespace"

    def CSS(self, a: Any) -> CSS:
        return CSS(to_string(a))

    def HTML(self, a: Any) -> HTML:
        return HTML(to_string(a))

    def HTMLAttr(self, a: Any) -> HTMLAttr:
        return HTMLAttr(to_string(a))

    def JS(self, a: Any) -> JS:
        return JS(to_string(a))

    def JSStr(self, a: Any) -> JSStr:
        return JSStr(to_string(a))

    def URL(self, a: Any) -> URL:
        return URL(to_string(a))


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and the short names Hugo 0.111 registers for it."""
    ns = Safe()
    return {
        "safe": lambda: ns,
        "safeCSS": ns.CSS,
        "safeHTML": ns.HTML,
        "safeHTMLAttr": ns.HTMLAttr,
        "safeJS": ns.JS,
        "safeJSStr": ns.JSStr,
        "safeURL": ns.URL,
    }
