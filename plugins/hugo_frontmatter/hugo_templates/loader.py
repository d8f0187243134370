"""Where Hugo 0.111 finds a site's templates, and the parsed set one build shares.

A shortcode ``NAME`` is any file ``layouts/shortcodes/NAME.*`` of the site
or of its theme (``themes/<theme>/layouts/shortcodes/``); among them Hugo
picks by variants, as ``tpl/tplimpl/shortcodes.go`` weighs them: the
file name's parts after ``NAME`` are language, output format and suffix
(``note.en.html.html``, ``note.en.html``, ``note.html``; a lone suffix counts
as the output format too), each part equal to the page's (its language,
``html``, ``html``) adds weight, the language most, and any other subtracts
one. So ``note.en.html`` in the theme beats ``note.html`` in the site, and
``note.md`` is used only where no ``note.html`` is. A file with the same
name in the site and the theme is the site's. A template whose suffix is an
HTML-like output (``html``, ``xml``) is escaped as ``html/template``; the
others (``md``, ``txt``, ``json``) are plain ``text/template``, as Hugo
runs them.

Partials are ``layouts/partials/NAME`` (site, then theme), as ``partial``
and ``partialCached`` call them; ``partial "x"`` finds ``x.html`` too.

Each template is parsed at most once a build, into one ``TemplateSet`` per
language (Hugo binds its functions to a language's site)."""

from __future__ import annotations

import contextvars
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from cameo_shared.paths import display_path

from ..config import files as config
from ..gotemplate import HTML, TemplateError, TemplateSet
from ..gotemplate.nodes import CommandNode, FieldNode, Node, TemplateNode, VariableNode
from .bindings import OutputFiles, SiteBindings
from .funcs.fmt import TemplateErrorf
from .functions import hugo_functions

logger = logging.getLogger(__name__)

SHORTCODES = "shortcodes"
PARTIALS = "partials"
# Output suffixes Hugo escapes as HTML (its HTML, AMP, RSS and sitemap
# formats); a template of any other suffix is plain text.
_HTML_SUFFIXES = frozenset({"html", "htm", "xml"})
_INNER = ("Inner", "InnerDeindent")
# The page-bound functions (ref, relref) of the template that runs now: the
# set's function of that name calls this run's (see page_bound), so that a
# partial it calls has them too, and no run copies the function map.
_RUN_FUNCS: contextvars.ContextVar[Mapping[str, Callable] | None] = (
    contextvars.ContextVar("hugo_run_funcs", default=None)
)


# What the templates of the build that runs publish (processed images):
# shared by the build's readers, written by the site generator at the end.
_PUBLISHED = OutputFiles()


def published() -> OutputFiles:
    """The files this build's templates publish."""
    return _PUBLISHED


def write_published(output: str) -> None:
    """Write the files the templates published under ``output`` (the
    folder the build writes), and forget them for the next build."""
    _PUBLISHED.write(output)
    _PUBLISHED.files.clear()


# How deep partials may call partials (Go's templates stop {{template}} at
# 100000; Python's stack is smaller).
MAX_PARTIAL_DEPTH = 100
_PARTIAL_DEPTH: contextvars.ContextVar[int] = contextvars.ContextVar(
    "hugo_partial_depth", default=0
)


class PartialNotFound(LookupError):
    """A partial no layouts folder has: Hugo's ``partial "x" not found``."""


class PartialError(Exception):
    """A partial that fails, worded as Hugo words it for the caller."""


class PartialTooDeep(PartialError):
    """Partials calling partials past MAX_PARTIAL_DEPTH."""


@dataclass(frozen=True)
class HugoSite:
    """Where a Hugo site is: its root, its themes' roots (each that
    exists), and its config as Hugo reads it (keys in lower case)."""

    root: str
    themes: list[str]
    config: Mapping[str, Any]


def find_site(settings: Mapping[str, Any]) -> HugoSite:
    """The Hugo site of a build's settings.

    The root is the folder of the Hugo config (HUGO_FRONTMATTER's
    ``hugo_config``), found by the config room's own ``find_site``, so that
    templates are looked for where the config was read; without one, the
    folder above PATH, as older settings have it."""
    content = os.path.abspath(settings["PATH"])
    options = settings.get("HUGO_FRONTMATTER") or {}
    given = options.get("hugo_config")
    above = os.path.dirname(content)
    if not given:
        return HugoSite(above, [], {})
    try:
        root, files = config.find_site(given, content)
        found = config.read_config(files)
    except config.HugoConfigError:
        return HugoSite(above, [], {})  # the config's reading said what is wrong
    themes = found.get("theme") or []
    if isinstance(themes, str):
        themes = [themes]
    themes_dir = os.path.join(root, str(found.get("themesdir") or "themes"))
    roots = [os.path.join(themes_dir, str(name)) for name in themes]
    return HugoSite(root, [path for path in roots if os.path.isdir(path)], found)


@dataclass(frozen=True)
class Found:
    """A template file: Hugo's name for it (``shortcodes/note.html``, the
    name its errors give) and its path on disk."""

    name: str
    path: str

    @property
    def is_html(self) -> bool:
        return self.name.rpartition(".")[2].lower() in _HTML_SUFFIXES


def shortcode_variants(file_name: str) -> tuple[str, list[str]]:
    """A shortcode file's name and its variants [language, output format,
    suffix], as Hugo's ``templateNameAndVariants`` splits them."""
    parts = file_name.split(".")
    variants = ["", "", ""]
    if len(parts) <= 1:
        return file_name, variants
    name, rest = parts[0], parts[1:]
    count = len(rest)
    start = len(variants) - count
    for i, j in zip(range(start, len(variants)), range(count), strict=False):
        if i >= 0:
            variants[i] = rest[j]
    if 1 < count < len(variants):
        for i in range(count - 1, 0, -1):
            variants[i - 1] = variants[i]
    if count == 1:
        variants[1] = variants[2]  # a suffix alone stands for the format too
    return name, variants


def variant_weight(wanted: list[str], variants: list[str]) -> int:
    """Hugo's ``compareVariants``: more weight to a match on the left."""
    weight = 0
    for i, (want, have) in enumerate(zip(wanted, variants, strict=True)):
        weight = weight + len(wanted) - i if want == have else weight - 1
    return weight


class TemplateLoader:
    """One language's templates for one build: found where Hugo looks,
    parsed once, run with Hugo's functions and ``partial``/``partialCached``."""

    def __init__(
        self,
        bindings: SiteBindings,
        extra_funcs: Mapping[str, Callable] | None = None,
        roots: list[str] | None = None,
    ) -> None:
        self.bindings = bindings
        self.roots = roots if roots is not None else bindings.roots()
        self._extra_funcs = dict(extra_funcs or {})
        # Made with the first template parsed: a site whose shortcodes are
        # all built-ins or ports never loads Hugo's functions.
        self._funcs: dict[str, Callable] | None = None
        self._sets: dict[bool, TemplateSet] = {}
        self._parsed: dict[str, Found] = {}
        self._paths: dict[str, str] = {}  # template name -> file, for errors
        self._shortcodes: dict[str, Found | None] = {}
        self._partials: dict[str, Found | None] = {}
        self._hooks: dict[tuple[str, str], Found | None] = {}
        self._cached: dict[tuple, Any] = {}
        self._inner: dict[str, bool] = {}

    # Finding.

    def shortcode(self, name: str) -> Found | None:
        """The file Hugo runs for shortcode ``name`` on a page of this
        language's HTML, or None."""
        if name not in self._shortcodes:
            self._shortcodes[name] = self._find_shortcode(name)
        return self._shortcodes[name]

    def _find_shortcode(self, name: str) -> Found | None:
        if ".." in name.split("/") or name.startswith("/"):
            return None
        folder, _, base = name.rpartition("/")
        wanted = [self.bindings.language.lower(), "html", "html"]
        seen: set[str] = set()
        best: Found | None = None
        best_weight = 0
        for root in self.roots:
            where = os.path.join(root, "layouts", SHORTCODES, *folder.split("/"))
            try:
                entries = sorted(os.listdir(where))
            except OSError:
                continue
            for entry in entries:
                stem, variants = shortcode_variants(entry)
                if stem != base or entry in seen:
                    continue
                if not os.path.isfile(os.path.join(where, entry)):
                    continue
                seen.add(entry)  # the site's file hides the theme's
                weight = variant_weight(wanted, variants)
                if best is None or best_weight == 0 or weight > best_weight:
                    relative = f"{folder}/{entry}" if folder else entry
                    best = Found(f"{SHORTCODES}/{relative}", os.path.join(where, entry))
                    best_weight = weight
        return best

    def partial_file(self, name: str) -> Found | None:
        """Partial ``name`` (``x.html``, or ``x`` for ``x.html``), site first."""
        name = name.removeprefix(f"{PARTIALS}/")
        if name not in self._partials:
            found = None
            if ".." not in name.split("/") and not name.startswith("/"):
                for candidate in (name, f"{name}.html"):
                    for root in self.roots:
                        path = os.path.join(
                            root, "layouts", PARTIALS, *candidate.split("/")
                        )
                        if os.path.isfile(path):
                            found = Found(f"{PARTIALS}/{candidate}", path)
                            break
                    if found:
                        break
            self._partials[name] = found
        return self._partials[name]

    def render_hook(self, kind: str, page_type: str = "") -> Found | None:
        """The Markdown render hook ``render-KIND`` of a page of ``page_type``
        in this language's HTML, or None: in ``layouts/<type>/_markup/``,
        then ``layouts/_default/_markup/``; in each, the language and output
        format variants first (``render-link.en.html.html``,
        ``render-link.html.html``, ``render-link.en.html``,
        ``render-link.html``); each name the site's, then the theme's."""
        key = (kind, page_type)
        if key not in self._hooks:
            language = self.bindings.language.lower()
            base = f"render-{kind}"
            names = [
                f"{base}.{language}.html.html",
                f"{base}.html.html",
                f"{base}.{language}.html",
                f"{base}.html",
            ]
            folders = [page_type] if page_type and page_type != "_default" else []
            found = None
            for folder in [*folders, "_default"]:
                if ".." in folder.split("/") or folder.startswith("/"):
                    continue
                for name in names:
                    relative = f"{folder}/_markup/{name}"
                    for root in self.roots:
                        path = os.path.join(root, "layouts", *relative.split("/"))
                        if os.path.isfile(path):
                            found = Found(relative, path)
                            break
                    if found:
                        break
                if found:
                    break
            self._hooks[key] = found
        return self._hooks[key]

    # Parsing and running.

    def parse(self, found: Found) -> None:
        """Parse a template file into its set, once; TemplateError if it
        does not parse (OSError, UnicodeDecodeError if it cannot be read)."""
        if found.name in self._parsed:
            return
        self._paths[found.name] = found.path
        with open(found.path, encoding="utf-8") as handle:
            text = handle.read()
        self._set(found.is_html).parse(found.name, text)
        self._parsed[found.name] = found

    def define(self, found: Found, text: str) -> None:
        """Parse ``text`` as template ``found.name`` (an inline shortcode,
        written in the page ``found.path``), replacing an earlier one."""
        self._paths[found.name] = found.path
        self._set(found.is_html).parse(found.name, text)
        self._parsed[found.name] = found

    def _set(self, html: bool) -> TemplateSet:
        if self._funcs is None:
            self._funcs = {
                **hugo_functions(self.bindings),
                "partial": self.partial,
                "partialCached": self.partial_cached,
                **self._extra_funcs,
            }
        if html not in self._sets:
            self._sets[html] = TemplateSet(funcs=self._funcs, html=html)
        return self._sets[html]

    def uses_inner(self, found: Found) -> bool:
        """Whether a shortcode's template reads ``.Inner`` or
        ``.InnerDeindent`` (in any field chain, its own defines and the
        templates it calls): Hugo's test of whether it takes inner text."""
        if found.name not in self._inner:
            self.parse(found)
            trees = self._set(found.is_html).trees
            todo, seen, uses = [found.name], set(), False
            while todo and not uses:
                name = todo.pop()
                if name in seen or name not in trees:
                    continue
                seen.add(name)
                for node in _walk(trees[name].root):
                    if isinstance(node, TemplateNode):
                        todo.append(node.name)
                    elif isinstance(node, CommandNode) and _reads_inner(node):
                        uses = True
                        break
            self._inner[found.name] = uses
        return self._inner[found.name]

    def execute(
        self, found: Found, data: Any, funcs: Mapping[str, Callable] | None = None
    ) -> str:
        """Run a template with ``data`` as dot; ``funcs`` are this run's
        page-bound functions (the set's ``page_bound`` ones call them), for
        the partials it calls too."""
        self.parse(found)
        token = _RUN_FUNCS.set(funcs)
        try:
            return self._set(found.is_html).execute(found.name, data)
        finally:
            _RUN_FUNCS.reset(token)

    def path_of(self, name: str) -> str | None:
        """The file of a parsed template name, for an error's place."""
        return self._paths.get(name)

    # Hugo's partial functions.

    def partial(self, name: Any, *context: Any) -> Any:
        """Hugo's ``partial NAME [CONTEXT]``: the partial's output (HTML)."""
        found = self.partial_file(str(name))
        if found is None:
            raise PartialNotFound(f'partial "{name}" not found')
        dot = context[0] if context else None
        depth = _PARTIAL_DEPTH.get()
        if depth >= MAX_PARTIAL_DEPTH:
            raise PartialTooDeep(
                f'partial "{name}" is called {depth} partials deep; a partial '
                "that calls itself must stop somewhere"
            )
        depth_token = _PARTIAL_DEPTH.set(depth + 1)
        try:
            output = self.execute(found, dot, _RUN_FUNCS.get())
        except TemplateError as error:
            said = errorf_text(error)
            if said is not None:  # the partial's errorf: its words go up
                raise TemplateErrorf(said) from None
            too_deep = _too_deep(error)
            if too_deep is not None:  # said once, not once a level
                raise too_deep from None
            # Hugo's chain: the caller's error names the partial's place.
            kind = "parse failed" if error.col is None else "execute of template failed"
            raise PartialError(
                f'"{error_place(error, self)}": {kind}: {error}'
            ) from None
        finally:
            _PARTIAL_DEPTH.reset(depth_token)
        return HTML(output) if found.is_html else output

    def partial_cached(self, name: Any, *context_and_variants: Any) -> Any:
        """Hugo's ``partialCached NAME [CONTEXT [VARIANT...]]``: run once per
        name and variants a build, whatever the context."""
        variants = context_and_variants[1:]
        key = (str(name), *(repr(v) for v in variants))
        if key not in self._cached:
            self._cached[key] = self.partial(name, *context_and_variants[:1])
        return self._cached[key]


def page_bound(name: str) -> Callable[..., Any]:
    """A function of the set that calls the running template's own ``name``
    (given to ``TemplateLoader.execute``): ``ref`` and ``relref`` resolve
    from the page that runs."""

    def call(*args: Any) -> Any:
        bound = (_RUN_FUNCS.get() or {}).get(name)
        if bound is None:
            raise ValueError(f"{name} needs a page")
        return bound(*args)

    call.__name__ = name
    return call


def _walk(node: Any):
    """Every node under ``node`` (the parse tree's dataclasses)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Node):
            yield current
        if is_dataclass(current):
            for item in fields(current):
                value = getattr(current, item.name)
                if isinstance(value, list):
                    stack.extend(value)
                elif is_dataclass(value):
                    stack.append(value)


def _reads_inner(node: CommandNode) -> bool:
    """Hugo's ``collectInner``: an argument that is a field or variable
    chain naming Inner or InnerDeindent."""
    for argument in node.args:
        if isinstance(argument, (FieldNode, VariableNode)) and any(
            ident in _INNER for ident in argument.ident
        ):
            return True
    return False


def _too_deep(error: BaseException) -> PartialTooDeep | None:
    """The PartialTooDeep a template error comes from, if any."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, PartialTooDeep):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def errorf_text(error: BaseException) -> str | None:
    """The text a template's ``errorf`` gave, if that is what ``error``
    (the engine's error calling it) comes from."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, TemplateErrorf):
            return str(seen)
        seen = seen.__cause__ or seen.__context__
    return None


def error_place(error: TemplateError, loader: TemplateLoader) -> str:
    """``file:line:col`` of a template error, the column as Go's message
    and Hugo give it."""
    path = loader.path_of(error.name) or error.name
    if error.col is None:
        return f"{path}:{error.line}"
    return f"{path}:{error.line}:{error.col}"


def error_words(error: Exception, found: Found, loader: TemplateLoader) -> str:
    """What a shortcode's or a render hook's error says after the page's
    file:line: the template's file:line:col and Go's (or Hugo's) words, or
    ``errorf``'s own text, or what is wrong with the template's file."""
    if isinstance(error, TemplateError):
        place = display_path(error_place(error, loader))
        said = errorf_text(error)
        if said is not None:  # the template's own words, as Hugo logs them
            return f"{place}: errorf: {said}"
        kind = "parse failed" if error.col is None else "execute of template failed"
        return f"{place}: {kind}: {error}"
    if isinstance(error, UnicodeDecodeError):
        return f"{display_path(found.path)}: is not UTF-8 text; save it as UTF-8"
    return f"{display_path(found.path)}: {error}"
