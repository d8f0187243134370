"""The tooling's shared errors: PublishError for both publishers, and
MissingExtra for an optional dependency that is not installed."""

from __future__ import annotations

import importlib
from types import ModuleType


class PublishError(Exception):
    """Publishing stopped; the message says what happened and what to do."""


class MissingExtra(Exception):
    """A task needs a package of one of pelican-cameo's extras."""


def missing_extra(module: str, extra: str, purpose: str) -> str:
    """The one line that says which install brings ``module``."""
    return (
        f"{purpose} needs the Python package {module!r}, which is not installed; "
        f"install it with: pip install 'pelican-cameo[{extra}]'"
    )


def import_extra(
    module: str,
    extra: str,
    purpose: str,
    error: type[Exception] = MissingExtra,
) -> ModuleType:
    """``module``, or ``error`` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise error(missing_extra(module, extra, purpose)) from None
