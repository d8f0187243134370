"""The function map a site's templates run with: Hugo 0.111's functions.

``hugo_functions(bindings)`` returns name -> callable for
``gotemplate.TemplateSet(funcs=...)``: Hugo's short names (``default``,
``trim``, ``relURL``) and its namespaces (``strings`` returns an object whose
``Trim`` is ``strings.Trim``). Each namespace lives in ``funcs/<name>.py``
and exposes ``functions(bindings) -> dict``; this module merges them.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from typing import Any

from . import funcs
from .bindings import SiteBindings

logger = logging.getLogger(__name__)


def hugo_functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """Every function of every namespace module in ``funcs/``."""
    merged: dict[str, Callable[..., Any]] = {}
    for module_info in sorted(
        pkgutil.iter_modules(funcs.__path__), key=lambda m: m.name
    ):
        module = importlib.import_module(f"{funcs.__name__}.{module_info.name}")
        make = getattr(module, "functions", None)
        if make is not None:
            merged.update(make(bindings))
    return merged
