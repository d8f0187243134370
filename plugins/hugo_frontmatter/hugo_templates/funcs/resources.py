"""Hugo's ``resources`` namespace: ``resources.Get``, ``.GetMatch`` and
``.Match`` over the site's ``assets/`` then its theme's, ``resources.FromString``
and ``resources.Fingerprint`` (short name ``fingerprint``). An asset is
published when its ``.RelPermalink`` or ``.Permalink`` is used, as in Hugo.

Not here: Hugo Pipes' ``minify``, ``toCSS`` (SCSS), ``js.Build``,
``resources.Concat``, ``ExecuteAsTemplate``, ``PostCSS`` and remote
``resources.GetRemote``: a template calling one stops with Go's "not a
defined function" message.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..bindings import SiteBindings
from ..gocast import to_string
from ..media_types import media_type
from ..resource import Resource, output_path
from ..resources import (
    Resources,
    glob_matcher,
    integrity,
    make_resource,
    walk_files,
)

logger = logging.getLogger(__name__)

_ALGORITHMS = ("md5", "sha256", "sha384", "sha512")


class ResourcesNamespace:
    """``resources``: the assets of one language's site."""

    def __init__(self, bindings: SiteBindings) -> None:
        self._bindings = bindings
        self._assets: Resources | None = None

    def _all(self) -> Resources:
        if self._assets is None:
            found: dict[str, str] = {}
            for root in self._bindings.roots():
                for relative, path in walk_files(os.path.join(root, "assets")):
                    found.setdefault(relative, path)
            names = sorted(found, key=lambda name: name.lower().split("/"))
            self._assets = Resources(
                make_resource(
                    name,
                    self._link(name),
                    found[name],
                    self._bindings,
                    publish=self._publish_file(found[name]),
                )
                for name in names
            )
        return self._assets

    def _link(self, name: str) -> str:
        return urlsplit(self._bindings.base_url).path.rstrip("/") + "/" + name

    def _publish_file(self, path: str) -> Callable[[Resource], None]:
        def publish(resource: Resource) -> None:
            bindings = self._bindings
            bindings.output.add(output_path(resource.RelPermalink, bindings), path)

        return publish

    def _publish_bytes(self, resource: Resource) -> None:
        bindings = self._bindings
        bindings.output.add(
            output_path(resource.RelPermalink, bindings), resource.bytes()
        )

    def Get(self, name: Any) -> Resource | None:
        """The asset at ``name`` (``images/logo.png``), or nil."""
        wanted = to_string(name).strip("/")
        return next((r for r in self._all() if r.Name == wanted), None)

    def GetMatch(self, pattern: Any) -> Resource | None:
        matches = glob_matcher(to_string(pattern))
        return next((r for r in self._all() if matches(r.Name)), None)

    def Match(self, pattern: Any) -> Resources:
        matches = glob_matcher(to_string(pattern))
        return Resources(r for r in self._all() if matches(r.Name))

    def FromString(self, name: Any, content: Any) -> Resource:
        """A resource made of ``content``, published at ``name``."""
        target = to_string(name).lstrip("/")
        data = to_string(content).encode("utf-8")
        return Resource(
            target,
            self._link(target),
            self._bindings.base_url,
            lambda: data,
            self._publish_bytes,
        )

    def Fingerprint(self, *args: Any) -> Resource:
        """``resources.Fingerprint [algorithm] resource``: the resource at a
        name holding its hash, with ``.Data.Integrity`` for ``integrity=``."""
        if not 1 <= len(args) <= 2:
            raise ValueError("must provide a Resource and (optional) crypto algo")
        algorithm = to_string(args[0]) if len(args) == 2 else "sha256"
        source = args[-1]
        if algorithm not in _ALGORITHMS:
            raise ValueError(
                f"unsupported crypto algo: {algorithm!r}, use either md5, sha256, "
                "sha384 or sha512"
            )
        if not isinstance(source, Resource):
            raise ValueError(f"{type(source).__name__} can not be transformed")
        data = source.bytes()
        digest, sri = integrity(data, algorithm)
        link = source.target_path()
        folder, _, base = link.rpartition("/")
        stem, dot, suffix = base.rpartition(".")
        base = f"{stem}.{digest}.{suffix}" if dot else f"{base}.{digest}"
        fingerprinted = Resource(
            source.Name,
            f"{folder}/{base}",
            self._bindings.base_url,
            lambda: data,
            self._publish_bytes,
            media_type(source.Name),
        )
        fingerprinted.Data = {"Integrity": sri}
        return fingerprinted


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """``resources`` and ``fingerprint``, as in Hugo's tpl/resources/init.go."""
    namespace = ResourcesNamespace(bindings)
    return {"resources": lambda: namespace, "fingerprint": namespace.Fingerprint}
