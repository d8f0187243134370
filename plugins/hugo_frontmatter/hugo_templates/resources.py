"""Hugo 0.111's resources as a template lists them: a page bundle's files
(``page_resources``: ``.Page.Resources`` in Hugo's order, with the front
matter's ``resources`` metadata) and the file of an asset
(``make_resource``), in ``Resources`` with Hugo's finders (``.Get``,
``.GetMatch``, ``.Match`` by Hugo's globs (``glob``), ``.ByType``); ``integrity``
for ``fingerprint``.

One resource is ``resource.Resource`` (its media type from
``media_types``); an image Hugo can process is ``images.ImageResource``.
Nothing is written here: a file to publish goes to ``bindings.output``.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from cameo_shared.paths import display_path

from ..content.params import Params
from .bindings import SiteBindings
from .funcs.gosort import stable_sort
from .glob import glob_matcher
from .image_config import FORMATS
from .images import ImageResource
from .resource import Resource

logger = logging.getLogger(__name__)

# Content files: pages, never resources.
CONTENT_SUFFIXES = frozenset(
    "md markdown mdown html htm adoc asciidoc ad pdc pandoc rst org".split()
)


class Resources(Sequence):
    """Hugo's ``resource.Resources``: a slice with Hugo's finders (a Sequence
    rather than a list, which the engine takes for a plain slice)."""

    def __init__(self, items: Iterable[Resource] = ()) -> None:
        self._items = list(items)

    def __getitem__(self, index: Any) -> Any:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def ByType(self, kind: Any) -> Resources:
        return Resources(r for r in self if r.ResourceType == str(kind))

    def Get(self, name: Any) -> Resource | None:
        wanted = str(name).lower()
        return next((r for r in self if r.Name.lower() == wanted), None)

    def GetMatch(self, pattern: Any) -> Resource | None:
        matches = glob_matcher(str(pattern))
        return next((r for r in self if matches(r.Name)), None)

    def Match(self, pattern: Any) -> Resources:
        matches = glob_matcher(str(pattern))
        return Resources(r for r in self if matches(r.Name))


def page_resources(
    folder: str,
    rel_permalink: str,
    bindings: SiteBindings,
    metadata: Any = None,
) -> Resources:
    """``.Page.Resources`` of the page whose bundle is ``folder``: every file
    that is not content, in the folder and below for a leaf bundle
    (``index.md``), in the folder only for a branch bundle (``_index.md``),
    in Hugo's order. ``metadata`` is the page's front matter ``resources``
    (``src`` globs giving ``name``, ``title``, ``params``). Hugo's own copy
    of each file is published by the site."""
    branch = any(name.startswith("_index.") for name in _listing(folder))
    base = rel_permalink if rel_permalink.endswith("/") else rel_permalink + "/"
    found: list[Resource] = []
    for relative, path in walk_files(folder, "", not branch):
        if _is_content(relative) and re.match(r"_?index\.", relative):
            continue  # the page itself
        if _is_content(relative):
            # A page in the bundle: Hugo lists it too, and it takes part in
            # the order of the others (below); not listed here.
            found.append(_PageInBundle(relative, bindings))
        else:
            found.append(make_resource(relative, base + relative, path, bindings))
    stable_sort(found, _hugo_resource_less)
    if metadata:  # sorted again by the names given, as Hugo 0.111 does
        _assign_metadata(metadata, found)
        stable_sort(found, _hugo_resource_less)
    return Resources(r for r in found if not isinstance(r, _PageInBundle))


def _assign_metadata(metadata: Any, found: list[Resource]) -> None:
    """Hugo's AssignMetadata: for each resource, the first entry whose ``src``
    glob matches gives its name and title (``:counter`` numbers the matches
    of that glob), and every matching entry adds the params it lacks."""
    if not isinstance(metadata, list) or not all(
        isinstance(entry, Mapping) for entry in metadata
    ):
        raise ValueError("the front matter's resources must be a list of maps")
    entries = []
    for entry in metadata:
        fields = {str(k).lower(): v for k, v in entry.items()}
        if "src" not in fields:
            raise ValueError("missing 'src' in metadata for resource")
        source = str(fields["src"]).lower()
        entries.append((source, glob_matcher(source), fields))
    counters: dict[str, int] = {}
    for resource in found:
        if isinstance(resource, _PageInBundle):
            continue
        name = resource._name.lower()
        assigned: dict[str, int] = {}
        for source, matches, fields in entries:
            if not matches(name):
                continue
            for field in ("name", "title"):
                if field in assigned or field not in fields:
                    continue
                text = str(fields[field])
                number = 0
                if ":counter" in text:
                    key = f"{field}_{source}"
                    number = counters[key] = counters.get(key, 0) + 1
                assigned[field] = number
                text = text.replace(":counter", str(number))
                if field == "name":
                    resource._name = text
                else:
                    resource._title = text
            if isinstance(fields.get("params"), Mapping):
                for key, value in Params(fields["params"]).items():
                    if key not in resource._params:
                        resource._params[key] = value


class _PageInBundle(Resource):
    def __init__(self, name: str, bindings: SiteBindings) -> None:
        super().__init__(name, "", bindings.base_url, bytes)

    @property
    def ResourceType(self) -> str:
        return "page"


def _is_content(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return "." in base and base.rsplit(".", 1)[1].lower() in CONTENT_SUFFIXES


def walk_files(
    folder: str, prefix: str = "", below: bool = True
) -> Iterable[tuple[str, str]]:
    """Files under ``folder`` in Hugo's order: names sorted in any case,
    a folder's files in its place; ``below`` false: this folder's only."""
    for name in sorted(_listing(folder), key=str.lower):
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if below:
                yield from walk_files(path, f"{prefix}{name}/", below)
        else:
            yield f"{prefix}{name}", path


def _listing(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def make_resource(
    name: str,
    rel_permalink: str,
    path: str,
    bindings: SiteBindings,
    publish: Callable[[Resource], None] | None = None,
) -> Resource:
    """The resource for the file at ``path``: an image Hugo can process is an
    ``ImageResource``."""

    def load() -> bytes:
        with open(path, "rb") as handle:
            return handle.read()

    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in FORMATS:
        resource: Resource = ImageResource(
            name, rel_permalink, bindings.base_url, load, publish, bindings=bindings
        )
    else:
        resource = Resource(name, rel_permalink, bindings.base_url, load, publish)
    resource.source = display_path(path)
    return resource


def _hugo_resource_less(a: Resource, b: Resource) -> bool:
    # Hugo's comparison, which is not a strict order: its result depends on
    # the sort that uses it (Go's sort.SliceStable, done as Go does it).
    if a.ResourceType < b.ResourceType:
        return True
    a_page, b_page = isinstance(a, _PageInBundle), isinstance(b, _PageInBundle)
    if a_page or b_page:
        return b_page and (not a_page or a._name < b._name)
    return a._name < b._name


def integrity(data: bytes, algorithm: str = "sha256") -> tuple[str, str]:
    """The hex digest and the ``integrity`` attribute's value (SRI)."""
    digest = hashlib.new(algorithm, data)
    return digest.hexdigest(), f"{algorithm}-" + base64.b64encode(
        digest.digest()
    ).decode("ascii")
