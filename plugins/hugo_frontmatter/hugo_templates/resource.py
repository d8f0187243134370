"""One resource as Hugo's templates see it (resources/resource.go): a
file's ``.Name``, ``.RelPermalink``, ``.MediaType``, ``.Content`` ...,
published when its URL is first used; ``output_path`` says where a URL
path is written in the output."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..content.params import Params
from .bindings import SiteBindings
from .media_types import MediaType, media_type

logger = logging.getLogger(__name__)


class Resource:
    """One file as Hugo's templates see it. ``publish`` is called with the
    resource the first time its URL is used (Hugo publishes then)."""

    def __init__(
        self,
        name: str,
        rel_permalink: str,
        base_url: str,
        load: Callable[[], bytes],
        publish: Callable[[Resource], None] | None = None,
        media: MediaType | None = None,
    ) -> None:
        self._name = name
        self._title = name
        self._rel_permalink = rel_permalink
        self._base_url = base_url
        self._load = load
        self._publish = publish
        self._published = False
        self._media = media or media_type(name)
        self._params = Params()
        self.Data: dict[str, Any] = {}
        self.source = name  # the file, for messages (not a template field)

    @property
    def Name(self) -> str:
        return self._name

    @property
    def Title(self) -> str:
        return self._title

    @property
    def Params(self) -> Params:
        return self._params

    @property
    def MediaType(self) -> MediaType:
        return self._media

    @property
    def ResourceType(self) -> str:
        return self._media.MainType

    @property
    def RelPermalink(self) -> str:
        if self._publish and not self._published:
            self._published = True
            self._publish(self)
        return self._rel_permalink

    @property
    def Permalink(self) -> str:
        relative = self.RelPermalink
        parts = urlsplit(self._base_url)
        if not parts.netloc:
            return relative
        return f"{parts.scheme}://{parts.netloc}{relative}"

    @property
    def Content(self) -> str:
        return self.bytes().decode("utf-8", errors="replace")

    def target_path(self) -> str:
        """The URL path, without publishing (not a template method)."""
        return self._rel_permalink

    def bytes(self) -> bytes:
        """The file's bytes (not a template method: lower case)."""
        return self._load()

    def String(self) -> str:
        return self._rel_permalink


def output_path(link: str, bindings: SiteBindings) -> str:
    """Where the file at URL path ``link`` is written in the output: without
    the base URL's path (``/blog/css/a.css`` is ``css/a.css``), as in Hugo."""
    base = urlsplit(bindings.base_url).path.rstrip("/") + "/"
    return link[len(base) :] if link.startswith(base) else link.lstrip("/")
