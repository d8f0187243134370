"""A list entry rendered once per page object, not once per list.

A post shows in several lists (the home page, its section, each of its
tags), and the same entry is rendered for each. The theme's list wraps
each entry in ``{% call cameo_cached(article, ...) %}``: the first render
of the entry is kept with the page object, under the other values the
entry depends on (the site's address for relative URLs, the page's
language), and later lists reuse it.

The entries live as long as their page object does (a weak reference):
a build reads new objects, and live reload puts a new object in place of
an edited page, so an entry can never outlive what it shows. Only what
an entry shows of the page object itself may be cached this way.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any

_ENTRIES: weakref.WeakKeyDictionary[Any, dict[tuple, Any]] = weakref.WeakKeyDictionary()


def cached(content: Any, *key: Hashable, caller: Callable[[], Any]) -> Any:
    """The body of the ``call`` block for ``content`` under ``key``, rendered
    the first time and reused after."""
    try:
        entries = _ENTRIES.setdefault(content, {})
    except TypeError:  # an object that cannot be weakly referred to
        return caller()
    found = entries.get(key)
    if found is None:
        found = entries[key] = caller()
    return found
