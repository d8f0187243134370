"""Expand Hugo shortcodes in a page's Markdown body, as Hugo 0.111 does.

Shortcodes are found in the raw body before Markdown. The output of a
``{{% name %}}`` shortcode goes into the Markdown source and is rendered with
it; the output of a ``{{< name >}}`` shortcode is held back behind a
placeholder that ``Expanded.finish`` puts back after Markdown (dropping the
``<p>`` around a placeholder that stands alone, as Hugo does). Built-ins live
in ``shortcode_builtins``; a site's own shortcodes are Jinja ports of its Go
templates, ``NAME.html`` in the folder the site names.

What is safe: every parameter is text, escaped wherever a template puts it
(Jinja's autoescape), and an attribute of a port's HTML that a printed
value lands in gets the check Hugo's templates apply (``html_attributes``:
a URL's ``javascript:`` is ``#ZgotmplZ``, an ``on*`` handler is dropped);
what the port writes itself stands. ``inner`` is what the page's
author wrote between the tags, output as is, as Hugo outputs ``.Inner``: for
the ``<`` form it is raw HTML, for the ``%`` form it is Markdown that the
page's Markdown renderer reads with its own rules for raw HTML (a port's
output, ``inner`` in it, passes the attribute check all the same). Nothing
of it reaches the page unless the template outputs ``inner`` (or passes it
to ``markdownify``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import traceback
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup

from cameo_shared.paths import display_path

from .. import gotemplate
from ..config.settings import environment
from ..content.frontmatter import FrontMatterError
from ..content.params import Params
from ..hugo_templates import objects
from ..hugo_templates.bindings import OutputFiles, SiteBindings
from ..hugo_templates.loader import (
    Found,
    TemplateLoader,
    error_place,
    errorf_text,
    page_bound,
)
from .builtins import BUILTINS, BuiltinContext, lookup
from .html_attributes import dynamic, filter_attributes

logger = logging.getLogger(__name__)

_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")
_SPACE = re.compile(r"\s*")
# Where a tag starts; with the whole tag when it has no parameters
# ({{< name >}}, {{< /name >}}, most of a page's tags), read at once: any
# other goes through _read_tag.
_TAG_START = re.compile(
    r"\{\{([<%])(?:\s*(/?)\s*([A-Za-z0-9_][A-Za-z0-9_./-]*+)\s*([>%])\}\})?"
)
_END_OF = {"<": ">", "%": "%"}
# An opening tag whose parameters are all "quoted" without backslashes
# ({{< notice "info" "Title" >}}): read at once, as _read_tag reads it.
_QUOTED_TAG = re.compile(
    r'\{\{([<%])\s*([A-Za-z0-9_][A-Za-z0-9_./-]*+)((?:\s+"[^"\\]*")+)\s*([>%])\}\}'
)
_QUOTED = re.compile(r'"([^"\\]*)"')
_BARE = re.compile(r"""[^\s"`=]+?(?=\s|=|/?[>%]\}\}|$)""")
# Hugo's ValTyped: a bare parameter is an int (in int64's range, else text)
# or a float by these patterns (no exponent, digits after the point).
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_INT64 = range(-(2**63), 2**63)
_INLINE_SUFFIX = ".inline"
# Hugo's innerCleanupRegexp: one paragraph and its line end (Go's "." does
# not cross a line break).
_ONE_PARAGRAPH = re.compile(r"<p>(.*)</p>\n")


class ShortcodeError(FrontMatterError):
    """A shortcode that cannot be read or rendered, with its page's file:line."""


class Scratch:
    """Hugo's ``.Page.Scratch``: values one page's shortcodes share.

    The setters return an empty string, so that ``{{ page.scratch.set(...) }}``
    prints nothing, as in Go templates (``{% do ... %}`` works too).
    """

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def set(self, key: str, value: Any) -> str:
        self._values[key] = value
        return ""

    def get(self, key: str) -> Any:
        return self._values.get(key)

    def add(self, key: str, value: Any) -> str:
        """Add numbers, join strings, append to lists (Hugo's ``Scratch.Add``)."""
        current = self._values.get(key)
        if current is None:
            self._values[key] = list(value) if isinstance(value, list) else value
        elif isinstance(current, list):
            current.extend(value if isinstance(value, list) else [value])
        else:
            self._values[key] = current + value
        return ""

    def set_in_map(self, key: str, map_key: str, value: Any) -> str:
        self._values.setdefault(key, {})[map_key] = value
        return ""

    def get_sorted_map_values(self, key: str) -> list[Any] | None:
        values = self._values.get(key)
        if not isinstance(values, dict):
            return None
        return [values[k] for k in sorted(values)]

    def delete(self, key: str) -> str:
        self._values.pop(key, None)
        return ""

    def values(self) -> dict[str, Any]:
        return dict(self._values)


@dataclass
class PageInfo:
    """What a shortcode's ``page`` sees: Hugo's ``.Page``, in snake case.
    Its ``params`` are looked up in any case, a missing one None (Params)."""

    title: str = ""
    lang: str = ""
    rel_permalink: str = ""
    params: Mapping[str, Any] = field(default_factory=Params)
    pages: Sequence[Any] = ()
    scratch: Scratch = field(default_factory=Scratch)
    # What a Go template's .Page also has: the path in Hugo's content folder
    # (``posts/a.md``), the file on disk, Hugo's kind and section, the date,
    # and the bundle's folder (its resources) for index/_index files.
    path: str = ""
    filename: str = ""
    kind: str = "page"
    section: str = ""
    date: Any = None
    bundle_folder: str | None = None

    def __post_init__(self) -> None:
        self.params = Params(self.params)

    def param(self, name: str) -> Any:
        """A page param, dotted names walking into maps; None when unset."""
        return lookup(self.params, name)


@dataclass
class GoSite:
    """What a site's Go templates need of it: where Hugo looks for them
    (``root``, then ``themes``), and per language its ``.Site``. ``get_page``
    finds a page for ``.Site.GetPage`` (path, calling file, language) and
    gives its facts as a PageInfo, or None. ``output`` collects the files
    templates publish (processed images)."""

    root: str
    themes: list[str] = field(default_factory=list)
    config: Mapping[str, Any] = field(default_factory=dict)  # keys lower-cased
    title: str = ""
    base_url: str = "/"
    params: Mapping[str, Any] = field(default_factory=dict)
    language_prefix: Callable[[str], str] = lambda language: ""
    get_page: Callable[[str, str, str], PageInfo | None] | None = None
    output: OutputFiles = field(default_factory=OutputFiles)
    cache: str | None = None


@dataclass
class Expanded:
    """A body with ``%`` outputs in place and placeholders for ``<`` outputs."""

    markdown: str
    frame_hosts: frozenset[str]
    outputs: dict[str, str] = field(default_factory=dict)
    nonce: str = ""

    def finish(self, html: str) -> str:
        """Put the held-back outputs into the rendered HTML: one pattern for
        every placeholder, each looked up, so that many shortcodes cost
        linear time (text that only looks like a placeholder stays)."""
        if not self.outputs:
            return html
        token = _placeholder(self.nonce, r"[0-9]+")
        alone = re.compile(rf"<p>\s*({token})\s*</p>")
        html = alone.sub(lambda m: self.outputs.get(m.group(1), m.group(0)), html)
        return re.sub(token, lambda m: self.outputs.get(m.group(0), m.group(0)), html)


@dataclass
class _Tag:
    kind: str  # "open", "close" or "text"
    pos: int
    end: int
    delim: str = "<"
    name: str = ""
    params: list[Any] | dict[str, Any] = field(default_factory=list)
    self_closing: bool = False
    text: str = ""


@dataclass
class _Node:
    tag: _Tag
    line: int
    children: list[_Node | str] = field(default_factory=list)
    closed: bool = False


_NO_INNER = Markup("")


class ShortcodeCall:
    """One shortcode in a page: what its template sees (Hugo's shortcode API)."""

    def __init__(
        self,
        name: str,
        params: list[Any] | dict[str, Any],
        ordinal: int,
        parent: ShortcodeCall | None,
        position: str,
        column: int = 1,
    ) -> None:
        self.name = name
        self.params = params
        self.is_named_params = isinstance(params, dict)
        self.ordinal = ordinal
        self.parent = parent
        self.position = position
        self.column = column
        self.indentation = ""  # the white space before the tag on its line
        self.inner: Markup = _NO_INNER  # set when its children are rendered
        self.go_dot: objects.Shortcode | None = None  # made when a Go template asks

    def get(self, key: int | str) -> Any:
        """A positional (int) or named (str) parameter; None when absent."""
        if isinstance(key, int):
            if isinstance(self.params, list) and 0 <= key < len(self.params):
                return self.params[key]
            return None
        if isinstance(self.params, dict):
            return self.params.get(key)
        return None


class ShortcodeEngine:
    """Finds and renders the shortcodes of one site's pages.

    ``site_folder`` holds the site's shortcodes (``NAME.html``, Jinja), or is
    None for the built-ins only. ``site`` is what templates see as ``site``
    (``title``, ``base_url``, ``params``, ``language``...; its params are
    looked up in any case, a missing one None, as Hugo's). ``resolve_ref``
    turns a ref target into the page's URL from the host's root, as Hugo's
    relref gives it (``ref`` joins it to ``base_url``); it raises ValueError,
    LookupError or a FrontMatterError whose message says what to fix, and
    the engine adds the shortcode's file:line. ``markdownify`` renders
    Markdown to HTML the way the page's own Markdown is rendered.
    ``go`` is where the site's own Go templates are (``layouts/shortcodes/``
    of the site and its theme, as Hugo looks): a shortcode with no Jinja
    port runs its Go template there, before a built-in of the same name
    (a site's ``figure.html`` replaces Hugo's, as in Hugo).
    One engine serves a whole build: it caches what it learns of templates.
    """

    def __init__(
        self,
        site_folder: str | None,
        site: Mapping[str, Any],
        resolve_ref: Callable[[Any, PageInfo, str, int, bool], str],
        markdownify: Callable[[str], str],
        go: GoSite | None = None,
    ) -> None:
        self.go = go
        self._go_languages: dict[str, tuple[TemplateLoader, objects.Site]] = {}
        self._go_files: dict[tuple[str, str], Found | None] = {}
        self.site_folder = site_folder
        self.site = {**site, "params": Params(site.get("params"))}
        self.resolve_ref = resolve_ref
        self.markdown = markdownify
        self._inner_use: dict[str, bool] = {}
        self._files: dict[str, Path | None] = {}
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(site_folder) if site_folder else None,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            extensions=["jinja2.ext.do"],
            finalize=_go_value,
        )
        self._env.filters.update(
            markdownify=self._markdownify,
            render_string=self._markdownify,
            humanize=_humanize,
            chomp=_chomp,
            default=_default,
        )

    # Rendering Markdown, as Hugo's markdownify and .Page.RenderString do.

    def _markdownify(self, text: Any, display: str = "inline") -> Markup:
        html = self.markdown(_go_str(text))
        if display == "inline":
            html = _trim_paragraph(html)
        return Markup(html)

    # The engine's one public job.

    def expand(
        self, body: str, page: PageInfo, shown_path: str, first_line: int = 1
    ) -> Expanded:
        """Expand every shortcode of ``body`` (which starts on ``first_line``)."""
        if "{{" not in body:
            return Expanded(body, frozenset())
        where = _Where(body, shown_path, first_line)
        tags = _tokenize(body, where)
        language = self._language(page)
        roots = self._tree(tags, where, language)
        nonce = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        run = _Run(page, where, nonce, language=language)
        parts = []
        ordinal = 0
        for item in roots:
            if isinstance(item, str):
                parts.append(item)
                continue
            output = self._render(item, None, ordinal, run)
            ordinal += 1
            if item.tag.delim == "<":
                token = _placeholder(nonce, str(len(run.outputs)))
                run.outputs[token] = output
                output = token
            parts.append(output)
        return Expanded("".join(parts), frozenset(run.hosts), run.outputs, nonce)

    # Parsing: tags -> tree (a shortcode takes a body only if it uses one).

    def _needs_inner(self, name: str, where: _Where, line: int, language: str) -> bool:
        if name.endswith(_INLINE_SUFFIX):
            return True  # its body is its template, even when ported
        if name in self._inner_use:
            return self._inner_use[name]
        template_file = self._template_file(name)
        go_file = None if template_file else self._go_file(name, language)
        if template_file is not None:
            try:
                source = template_file.read_text(encoding="utf-8")
                parsed = self._env.parse(source, f"{name}.html", str(template_file))
            except (jinja2.TemplateSyntaxError, UnicodeDecodeError, OSError) as error:
                raise _template_error(
                    error, template_file, name, where, line
                ) from error
            uses = "inner" in jinja2.meta.find_undeclared_variables(parsed)
        elif go_file is not None:
            loader = self._go_language(language)[0]
            try:
                uses = loader.uses_inner(go_file)
            except (gotemplate.TemplateError, UnicodeDecodeError, OSError) as error:
                raise self._go_error(
                    error, go_file, loader, name, where.path, line
                ) from error
            return uses  # per language: not kept with the Jinja answers
        elif name in BUILTINS:
            uses = BUILTINS[name].inner
        else:
            uses = False
        self._inner_use[name] = uses
        return uses

    def _tree(
        self, tags: list[_Tag | str], where: _Where, language: str = ""
    ) -> list[_Node | str]:
        roots: list[_Node | str] = []
        stack: list[_Node] = []
        inner_of: dict[str, bool] = {}  # a name checked once per page
        for tag in tags:
            into = stack[-1].children if stack else roots
            if isinstance(tag, str):
                into.append(tag)
            elif tag.kind == "text":
                into.append(tag.text)
            elif tag.kind == "open":
                node = _Node(tag, where.line(tag.pos))
                takes_inner = inner_of.get(tag.name)
                if takes_inner is None:
                    self._check_known(tag.name, where.path, node.line, language)
                    takes_inner = self._needs_inner(
                        tag.name, where, node.line, language
                    )
                    inner_of[tag.name] = takes_inner
                into.append(node)
                if (
                    tag.self_closing
                    and not takes_inner
                    and self._is_go(tag.name, language)
                ):
                    # Hugo 0.111 counts "/>" as a closing tag.
                    raise ShortcodeError(
                        where.path,
                        node.line,
                        f'shortcode "{tag.name}" does not evaluate .Inner or '
                        ".InnerDeindent, yet a closing tag was provided (Hugo "
                        f"counts {{{{{tag.delim} {tag.name} /{_end(tag)}}}}} as "
                        f"one); write {{{{{tag.delim} {tag.name} {_end(tag)}}}}}",
                    )
                if not tag.self_closing and takes_inner:
                    stack.append(node)
            else:
                if stack and stack[-1].tag.name == tag.name:
                    stack.pop().closed = True
                    continue
                line = where.line(tag.pos)
                opened = next((n for n in reversed(into) if isinstance(n, _Node)), None)
                if opened is not None and opened.tag.name == tag.name:
                    # Hugo's words, at the closing tag.
                    raise ShortcodeError(
                        where.path,
                        line,
                        f"closing tag {{{{{tag.delim} /{tag.name} {_end(tag)}}}}} "
                        f'has no opening tag to close: shortcode "{tag.name}" '
                        "does not evaluate .Inner or .InnerDeindent, yet a "
                        "closing tag was provided; remove the closing tag, or "
                        "print .Inner in its template",
                    )
                if not stack:
                    raise ShortcodeError(
                        where.path,
                        line,
                        f"closing tag {{{{< /{tag.name} >}}}} has no opening "
                        f'tag, or shortcode "{tag.name}" takes no inner text; '
                        "remove the closing tag",
                    )
                raise ShortcodeError(
                    where.path,
                    line,
                    f'closing tag for "{tag.name}" found where '
                    f'"{stack[-1].tag.name}" (line {stack[-1].line}) is still '
                    f'open; close "{stack[-1].tag.name}" first',
                )
        if stack:
            node = stack[-1]
            raise ShortcodeError(
                where.path,
                node.line,
                f'shortcode "{node.tag.name}" must be closed or self-closed; '
                f"add {{{{{node.tag.delim} /{node.tag.name} {_end(node.tag)}}}}} "
                f"after its inner text, or write {{{{{node.tag.delim} "
                f"{node.tag.name} /{_end(node.tag)}}}}}",
            )
        return roots

    # Rendering.

    def _render(
        self, node: _Node, parent: ShortcodeCall | None, ordinal: int, run: _Run
    ) -> str:
        tag = node.tag
        position = f"{run.where.path}:{node.line}"
        call = ShortcodeCall(
            tag.name, tag.params, ordinal, parent, position, run.where.column(tag.pos)
        )
        call.indentation = run.where.indentation(tag.pos)
        pieces = []
        child_ordinal = 0
        for child in node.children:
            if isinstance(child, str):
                pieces.append(child)
            else:
                pieces.append(self._render(child, call, child_ordinal, run))
                child_ordinal += 1
        inner = "".join(pieces)
        if tag.delim == "%" and parent is not None and node.closed:
            inner = _nested_markdown(inner, self.markdown)
        call.inner = Markup(inner)
        if call.go_dot is not None:  # made early, as a child's .Parent
            call.go_dot.Inner = gotemplate.HTML(call.inner)
        template_file = self._template_file(tag.name)
        if tag.name.endswith(_INLINE_SUFFIX) and template_file is None:
            if self.go is not None and self.go.config.get("enableinlineshortcodes"):
                return self._render_inline(node, call, run)
            folder = self.site_folder or "the site's shortcode folder"
            logger.warning(
                "%s: inline shortcode %r is a Go template and renders nothing "
                "(as Hugo with enableInlineShortcodes = false); port its body "
                "to Jinja in %s/%s.html (the page stays as it is), or in "
                "%s/%s.html and write {{< %s >}} instead",
                position,
                tag.name,
                folder,
                tag.name,
                folder,
                tag.name.removesuffix(_INLINE_SUFFIX),
                tag.name.removesuffix(_INLINE_SUFFIX),
            )
            return ""
        if template_file is not None:
            return self._render_template(template_file, call, run, node.line)
        go_file = self._go_file(tag.name, run.language or self._language(run.page))
        if go_file is not None:
            return self._render_go(go_file, call, run, node.line)
        builtin = BUILTINS.get(tag.name)
        if builtin is None:
            self._check_known(
                tag.name, run.where.path, node.line, self._language(run.page)
            )
        context = BuiltinContext(
            call=call,
            page=run.page,
            site=self.site,
            markdownify=self._markdownify,
            ref=lambda target, absolute: self._ref(target, absolute, run, node.line),
            hosts=run.hosts,
            error=lambda message: ShortcodeError(run.where.path, node.line, message),
        )
        return builtin.render(context)

    def _check_known(self, name: str, path: str, line: int, language: str = "") -> None:
        """An unknown shortcode stops here, at its first use, with where to
        put its template (an inline one renders nothing instead)."""
        known = (
            name in BUILTINS
            or name.endswith(_INLINE_SUFFIX)
            or self._template_file(name) is not None
            or self._go_file(name, language) is not None
        )
        if not known:
            if self.go is not None:
                where = display_path(
                    os.path.join(self.go.root, "layouts", "shortcodes")
                )
                fix = f"put its Go template in {where}/{name}.html"
            else:
                folder = self.site_folder or "the site's shortcode folder"
                fix = (
                    f"put its template in {folder}/{name}.html (a Jinja port "
                    "of its Go template)"
                )
            raise ShortcodeError(path, line, f'unknown shortcode "{name}"; {fix}')

    # The site's Go templates.

    def _language(self, page: PageInfo) -> str:
        return str(page.lang or self.site.get("language") or "en").lower()

    def _go_language(self, language: str) -> tuple[TemplateLoader, objects.Site]:
        """The templates and ``.Site`` of one language, made once."""
        if language not in self._go_languages:
            go = self.go
            assert go is not None
            # A language's own table in the config ([languages.fr]) wins.
            languages = go.config.get("languages")
            own = languages.get(language) if isinstance(languages, Mapping) else None
            own = own if isinstance(own, Mapping) else {}

            def setting(key: str, default: Any = "") -> Any:
                return own.get(key, go.config.get(key, default))

            prefix = go.language_prefix(language).strip("/")
            params = dict(go.params)
            if isinstance(own.get("params"), Mapping):
                params.update(own["params"])
            bindings = SiteBindings(
                base_url=go.base_url,
                language=language,
                language_prefix=prefix + "/" if prefix else "",
                site_root=go.root,
                theme_root=go.themes[0] if go.themes else None,
                params=Params(params),
                markdownify=self.markdown,
                output=go.output,
                cache=go.cache,
                default_language=str(self.site.get("language") or "en"),
                **_config_bindings(go.config),
            )
            hugo_info = objects.HugoInfo(environment())
            site = objects.Site(
                bindings,
                title=str(own.get("title") or go.title),
                language=objects.Language(
                    language,
                    str(own.get("languagename") or ""),
                    int(own.get("weight") or 0),
                ),
                language_code=str(setting("languagecode") or ""),
                copyright=str(setting("copyright") or ""),
            )
            loader = TemplateLoader(
                bindings,
                {
                    "site": lambda: site,
                    "hugo": lambda: hugo_info,
                    "page": page_bound("page"),
                    "ref": page_bound("ref"),
                    "relref": page_bound("relref"),
                },
                roots=[go.root, *go.themes],
            )
            self._go_languages[language] = (loader, site)
        return self._go_languages[language]

    def _is_go(self, name: str, language: str) -> bool:
        """Whether a shortcode runs a Go template (no Jinja port has its name)."""
        return (
            not name.endswith(_INLINE_SUFFIX)
            and self._template_file(name) is None
            and self._go_file(name, language) is not None
        )

    def _go_file(self, name: str, language: str) -> Found | None:
        """The Go template a shortcode runs on a page of ``language``."""
        key = (name, language)
        if key not in self._go_files:
            found = None
            if self.go is not None:
                loader = self._go_language(language or self._language(PageInfo()))[0]
                found = loader.shortcode(name)
            self._go_files[key] = found
        return self._go_files[key]

    def _go_page(self, page: PageInfo, site: objects.Site) -> objects.Page:
        """A page as Go templates see it."""
        file = None
        if page.path:
            file = objects.File(page.path, page.filename, page.lang)
        return objects.Page(
            site,
            title=page.title,
            params=page.params,
            rel_permalink=page.rel_permalink,
            kind=page.kind,
            file=file,
            section=page.section,
            date=page.date,
            lang=page.lang,
            folder=page.bundle_folder,
        )

    def _render_go(
        self, found: Found, call: ShortcodeCall, run: _Run, line: int
    ) -> str:
        language = run.language or self._language(run.page)
        loader, site = self._go_language(language)
        if run.go_page is None:
            run.go_page = self._go_page(run.page, site)
            if self.go is not None and self.go.get_page is not None:
                site.page_finder = self._page_finder(site, run)
        dot = self._go_dot(call, run)
        funcs = {
            "page": lambda: run.go_page,
            "ref": lambda page, target: self._go_ref(page, target, True, run, line),
            "relref": lambda page, target: self._go_ref(page, target, False, run, line),
        }
        try:
            return loader.execute(found, dot, funcs)
        except ShortcodeError:
            raise
        except Exception as error:  # any error of a template, located
            raise self._go_error(
                error, found, loader, call.name, run.where.path, line
            ) from error

    def _render_inline(self, node: _Node, call: ShortcodeCall, run: _Run) -> str:
        """An inline shortcode, with the config's enableInlineShortcodes on:
        its inner text is a Go template (text/template, as Hugo 0.111 runs
        it), defined for the page and run; ``{{< name.inline />}}`` runs
        the page's earlier definition again."""
        name = node.tag.name
        page_path = run.page.path or run.where.path
        found = Found(
            f"_inline_shortcode/{page_path}/{name}",
            run.page.filename or run.where.path,
        )
        loader = self._go_language(self._language(run.page))[0]
        if node.closed:
            if any(isinstance(child, _Node) for child in node.children):
                raise ShortcodeError(
                    run.where.path,
                    node.line,
                    f'inline shortcode "{name}" holds another shortcode; an '
                    "inline shortcode's inner text is its Go template, write "
                    "it without shortcodes",
                )
            text = "".join(str(child) for child in node.children)
            try:
                loader.define(found, text)
            except gotemplate.TemplateError as error:
                raise ShortcodeError(
                    run.where.path,
                    node.line,
                    f'inline shortcode "{name}": parse failed: {error}; fix the '
                    "template between its tags",
                ) from error
            run.inline.add(name)
        elif name not in run.inline:
            raise ShortcodeError(
                run.where.path,
                node.line,
                f'no earlier definition of shortcode "{name}" found (Hugo\'s '
                f"words); write {{{{< {name} >}}}}...{{{{< /{name} >}}}} "
                "before this one",
            )
        return self._render_go(found, call, run, node.line)

    def _go_ref(
        self, page: Any, target: Any, absolute: bool, run: _Run, line: int
    ) -> str:
        """A template's ``ref PAGE TARGET``/``relref``: from ``PAGE`` (a
        shortcode's dot stands for its page), as Hugo resolves it; what is
        wrong is said once, in the template's error, which names the
        page's line already."""
        if isinstance(page, objects.Shortcode):
            page = page.Page
        if isinstance(page, objects.Page) and page is not run.go_page and page.File:
            # Another page's (from GetPage): relative to its file.
            other = PageInfo(lang=page.Lang, path=page.File.Path)
            run = _Run(other, _Where("", page.File.Filename, 1), run.nonce)
        try:
            return self._ref(target, absolute, run, line)
        except ShortcodeError as error:
            raise ValueError(error.message) from None

    def _page_finder(self, site: objects.Site, run: _Run) -> Callable[[str], Any]:
        """``.Site.GetPage`` for the page that runs (a relative path is
        relative to it, as ref's)."""

        def find(path: str) -> Any:
            assert self.go is not None and self.go.get_page is not None
            info = self.go.get_page(path, run.where.path, self._language(run.page))
            return None if info is None else self._go_page(info, site)

        return find

    def _go_dot(self, call: ShortcodeCall, run: _Run) -> objects.Shortcode:
        """A shortcode's dot (its parent's too, made as they are asked for)."""
        if call.go_dot is None:
            parent = self._go_dot(call.parent, run) if call.parent else None
            filename = run.page.filename or run.where.path
            line = int(call.position.rsplit(":", 1)[1])
            # Hugo 0.111 gives a nested call without parameters nil params
            # (printed as nothing), a top-level one an empty list.
            params = call.params if call.params or parent is None else None
            call.go_dot = objects.Shortcode(
                call.name,
                params,
                str(call.inner),
                call.ordinal,
                parent,
                objects.Position(filename, line, call.column),
                run.go_page,
                call.indentation,
            )
        return call.go_dot

    def _go_error(
        self,
        error: Exception,
        found: Found,
        loader: TemplateLoader,
        name: str,
        path: str,
        line: int,
    ) -> ShortcodeError:
        """A Go template's error on one line: the page's file:line, then the
        template's file:line:col and Go's (or Hugo's) words."""
        said = errorf_text(error)
        if isinstance(error, gotemplate.TemplateError) and said is not None:
            # The template's own words (errorf), as Hugo logs them.
            message = f"{display_path(error_place(error, loader))}: errorf: {said}"
        elif isinstance(error, gotemplate.TemplateError):
            place = display_path(error_place(error, loader))
            kind = "parse failed" if error.col is None else "execute of template failed"
            message = f"{place}: {kind}: {error}"
        elif isinstance(error, UnicodeDecodeError):
            message = f"{display_path(found.path)}: is not UTF-8 text; save it as UTF-8"
        else:
            message = f"{display_path(found.path)}: {error}"
        return ShortcodeError(
            path,
            line,
            f'shortcode "{name}": {message}; fix the template or the '
            "shortcode's parameters",
        )

    def _template_file(self, name: str) -> Path | None:
        if name not in self._files:
            path = None
            if self.site_folder and ".." not in name.split("/"):
                path = Path(self.site_folder, f"{name}.html")
            self._files[name] = path if path and path.is_file() else None
        return self._files[name]

    def _ref(self, target: Any, absolute: bool, run: _Run, line: int) -> str:
        """Hugo's ``ref`` (``absolute``) or ``relref``: ``target`` is a path,
        ``[path, outputFormat]`` or a map (``path``, ``lang``, ``outputFormat``)."""
        try:
            return self.resolve_ref(target, run.page, run.where.path, line, absolute)
        except ShortcodeError:
            raise
        except FrontMatterError as error:
            raise ShortcodeError(run.where.path, line, error.message) from error
        except (LookupError, ValueError, OSError) as error:
            shown = target.get("path") if isinstance(target, Mapping) else target
            if isinstance(shown, (list, tuple)) and shown:
                shown = shown[0]
            # One line: what cannot be printed is shown escaped (\n, \x02).
            text = "".join(
                c if c.isprintable() else repr(c)[1:-1] for c in _go_str(shown)
            )
            message = f'ref "{text}": {error}'
            raise ShortcodeError(run.where.path, line, message) from error

    def _render_template(
        self, template_file: Path, call: ShortcodeCall, run: _Run, line: int
    ) -> str:
        name = f"{call.name}.html"
        try:
            template = self._env.get_template(name)
            rendered = template.render(
                get=call.get,
                inner=call.inner,
                params=call.params,
                is_named_params=call.is_named_params,
                ordinal=call.ordinal,
                parent=call.parent,
                name=call.name,
                position=call.position,
                page=_TemplatePage(run.page, self._markdownify, self.site["params"]),
                site=self.site,
                ref=lambda target: Markup(self._ref(target, True, run, line)),
                relref=lambda target: Markup(self._ref(target, False, run, line)),
            )
        except ShortcodeError:
            raise
        except Exception as error:  # any error a template raises, located
            raise _template_error(
                error, template_file, call.name, run.where, line
            ) from error
        # What html/template would do to the values in its attributes.
        return filter_attributes(rendered, marked_only=True)


def _template_error(
    error: Exception, template_file: Path, name: str, where: _Where, line: int
) -> ShortcodeError:
    """A site template's error, naming the template's line and the page's."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        template_line, message = error.lineno, error.message
    else:
        template_line, message = _template_line(error, template_file), str(error)
    place = f"{template_file}:{template_line}" if template_line else str(template_file)
    return ShortcodeError(
        where.path,
        line,
        f'shortcode "{name}": {place}: {message.rstrip(".")}; fix the template or the '
        "shortcode's parameters",
    )


class _TemplatePage:
    """The page as a site template sees it, with ``render_string``, and
    ``param`` falling back to the site's params as Hugo's ``.Page.Param``."""

    def __init__(
        self,
        page: PageInfo,
        markdownify: Callable[..., Markup],
        site_params: Mapping[str, Any],
    ) -> None:
        self._page = page
        self._markdownify = markdownify
        self._site_params = site_params

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)

    def param(self, name: str) -> Any:
        value = self._page.param(name)
        return lookup(self._site_params, name) if value is None else value

    def render_string(self, text: Any, display: str = "inline") -> Markup:
        return self._markdownify(text, display)


@dataclass
class _Where:
    body: str
    path: str
    first_line: int

    @cached_property
    def _newlines(self) -> list[int]:
        """Where the body's newlines are, found once for all its shortcodes."""
        return [match.start() for match in re.finditer("\n", self.body)]

    def line(self, pos: int) -> int:
        return self.first_line + bisect_left(self._newlines, pos)

    def indentation(self, pos: int) -> str:
        """The white space between the start of the line and ``pos``, or
        "" when anything else comes before it."""
        index = bisect_left(self._newlines, pos)
        start = self._newlines[index - 1] + 1 if index else 0
        before = self.body[start:pos]
        return before if before.strip(" \t") == "" else ""

    def column(self, pos: int) -> int:
        """The 1-based column of ``pos`` on its line, as Hugo counts it."""
        index = bisect_left(self._newlines, pos)
        start = self._newlines[index - 1] + 1 if index else 0
        return pos - start + 1


@dataclass
class _Run:
    page: PageInfo
    where: _Where
    nonce: str
    outputs: dict[str, str] = field(default_factory=dict)
    hosts: set[str] = field(default_factory=set)
    go_page: Any = None  # the page as Go templates see it, made once
    inline: set[str] = field(default_factory=set)  # inline shortcodes defined
    language: str = ""  # the page's (ShortcodeEngine._language), found once


def _placeholder(nonce: str, number: str) -> str:
    """What stands in the Markdown for the output of a ``<`` shortcode."""
    return f"hugoshortcode{nonce}n{number}end"


def _config_bindings(hugo_config: Mapping[str, Any]) -> dict[str, Any]:
    """What SiteBindings takes from the Hugo config (keys in lower case):
    titleCaseStyle, imaging, enableMissingTranslationPlaceholders."""
    imaging = hugo_config.get("imaging")
    return {
        "title_case_style": str(hugo_config.get("titlecasestyle") or ""),
        "imaging": imaging if isinstance(imaging, Mapping) else {},
        "missing_translation_placeholders": bool(
            hugo_config.get("enablemissingtranslationplaceholders")
        ),
    }


def _nested_markdown(inner: str, markdown: Callable[[str], str]) -> str:
    """The inner text of a ``{{% %}}`` call inside another, as Hugo 0.111
    gives it to ``.Inner``: rendered as Markdown, and, when it has no line
    break, without the paragraph around it."""
    html = markdown(inner)
    if "\n" not in inner:
        alone = _ONE_PARAGRAPH.fullmatch(html)
        if alone:
            return alone.group(1)
    return html


def _end(tag: _Tag) -> str:
    return ">" if tag.delim == "<" else "%"


def _tokenize(body: str, where: _Where) -> list[_Tag | str]:
    """Split ``body`` into text (a str, or a text tag for an escaped one),
    opening and closing tags."""
    tags: list[_Tag | str] = []
    pos = 0
    text_start = 0
    while True:
        match = _TAG_START.search(body, pos)
        if match is None:
            break
        start = match.start()
        delim = match[1]
        if match[4] == _END_OF[delim]:  # a tag without parameters
            kind = "close" if match[2] else "open"
            tag = _Tag(kind, start, match.end(), delim, match[3])
        else:
            tag = _read_tag(body, start, delim, where)
        if start > text_start:
            tags.append(body[text_start:start])
        tags.append(tag)
        pos = text_start = tag.end
    if text_start < len(body):
        tags.append(body[text_start:])
    return tags


def _read_tag(body: str, start: int, delim: str, where: _Where) -> _Tag:
    quoted = _QUOTED_TAG.match(body, start)
    if quoted is not None and quoted[4] == _END_OF[delim]:
        params = _QUOTED.findall(quoted[3])
        return _Tag("open", start, quoted.end(), delim, quoted[2], params)
    end_mark = ">}}" if delim == "<" else "%}}"
    pos = start + 3
    if body.startswith("/*", _SPACE.match(body, pos).end()):
        comment = _SPACE.match(body, pos).end() + 2
        close = re.compile(r"\*/\s*" + re.escape(end_mark))
        found = close.search(body, comment)
        if found is None:
            raise ShortcodeError(
                where.path,
                where.line(start),
                f"escaped shortcode opens with {{{{{delim}/* here but never "
                f"closes; end it with */{end_mark}",
            )
        literal = "{{" + delim + body[comment : found.start()] + end_mark
        return _Tag("text", start, found.end(), text=literal)
    pos = _SPACE.match(body, pos).end()
    closing = body.startswith("/", pos)
    if closing:
        pos = _SPACE.match(body, pos + 1).end()
    name = _NAME.match(body, pos)
    if name is None:
        raise ShortcodeError(
            where.path,
            where.line(start),
            f"{{{{{delim} is not followed by a shortcode name; write "
            f"{{{{{delim} name {end_mark} or escape it as "
            f"{{{{{delim}/* ... */{end_mark}",
        )
    tag = _Tag("close" if closing else "open", start, 0, delim, name.group(0))
    pos = name.end()
    positional: list[Any] = []
    named: dict[str, Any] = {}
    while True:
        pos = _SPACE.match(body, pos).end()
        if body.startswith(end_mark, pos):
            tag.end = pos + 3
            break
        if body.startswith("/" + end_mark, pos):
            tag.self_closing = True
            tag.end = pos + 4
            break
        if pos >= len(body) or body.startswith("{{", pos):
            raise ShortcodeError(
                where.path,
                where.line(start),
                f'shortcode "{tag.name}" opens here but is never closed with '
                f"{end_mark}; add {end_mark} after its parameters",
            )
        if closing:
            raise ShortcodeError(
                where.path,
                where.line(pos),
                f'closing tag of "{tag.name}" has parameters; write '
                f"{{{{{delim} /{tag.name} {end_mark}",
            )
        value_start = pos
        value, pos = _read_value(body, pos, tag.name, where)
        if body.startswith("=", pos) and isinstance(value, str):
            key = value
            value, pos = _read_value(body, pos + 1, tag.name, where)
            named[key] = value
        else:
            if body[value_start] not in '"`':
                _check_bare(body, value_start, pos, where)
            positional.append(value)
        if named and positional:
            raise ShortcodeError(
                where.path,
                where.line(start),
                f'shortcode "{tag.name}" mixes named and positional '
                "parameters; use one kind",
            )
    tag.params = named if named else positional
    return tag


def _check_bare(body: str, start: int, end: int, where: _Where) -> None:
    """Hugo's lexer takes an unquoted positional parameter of letters,
    digits, ``_``, ``-`` and ``.`` (not first); on any other character it
    stops the build (a ``/`` it reads as a closing mark, left alone here)."""
    for index in range(start, end):
        char = body[index]
        if char.isalnum() or char in "_-/" or (char == "." and index > start):
            continue
        raise ShortcodeError(
            where.path,
            where.line(index),
            f"unrecognized character in shortcode action: U+{ord(char):04X} "
            f"'{char}'. Note: Parameters with non-alphanumeric args must be "
            f'quoted (Hugo\'s words); write "{body[start:end]}"',
        )


def _read_value(body: str, pos: int, name: str, where: _Where) -> tuple[Any, int]:
    """One parameter: "quoted" (with \\" escapes), `raw`, or a bare word
    (bare numbers and true/false are typed, as in Hugo)."""
    quote = body[pos] if pos < len(body) else ""
    if quote == '"':
        close = body.find('"', pos + 1)
        if close >= 0 and "\\" not in body[pos + 1 : close]:
            return body[pos + 1 : close], close + 1  # no escapes: as it is
        out = []
        i = pos + 1
        while i < len(body) and body[i] != '"':
            if body[i] == "\\" and i + 1 < len(body) and body[i + 1] == '"':
                i += 1
            out.append(body[i])
            i += 1
        if i >= len(body):
            raise ShortcodeError(
                where.path,
                where.line(pos),
                f'a parameter of shortcode "{name}" opens a quote (") that '
                "never closes; close it",
            )
        return "".join(out), i + 1
    if quote == "`":
        close = body.find("`", pos + 1)
        if close < 0:
            raise ShortcodeError(
                where.path,
                where.line(pos),
                f'a parameter of shortcode "{name}" opens a raw string (`) '
                "that never closes; close it",
            )
        return body[pos + 1 : close], close + 1
    word = _BARE.match(body, pos)
    if word is None or not word.group(0):
        raise ShortcodeError(
            where.path,
            where.line(pos),
            f'cannot read a parameter of shortcode "{name}" here; quote it '
            'with "..." or `...`',
        )
    text = word.group(0)
    if text in ("true", "false"):
        return text == "true", word.end()
    if _INT.fullmatch(text) and int(text) in _INT64:
        return int(text), word.end()
    if _FLOAT.fullmatch(text):
        return float(text), word.end()
    return text, word.end()


def _template_line(error: BaseException, template_file: Path) -> int | None:
    """The line of the site template where ``error`` was raised, if any."""
    wanted = str(template_file)
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == wanted or frame.filename.endswith(template_file.name):
            line = frame.lineno
    return line


def _go_str(value: Any) -> str:
    """A value as Go's templates print it (``true``, ``[a b]``, ``''`` for nil)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(_go_str(v) for v in value) + "]"
    return str(value)


def _go_value(value: Any) -> Any:
    """What ``{{ value }}`` prints: Go's forms for nil, booleans and lists,
    marked as printed (html_attributes.dynamic) for the attribute check."""
    if isinstance(value, (bool, list, tuple)) or value is None:
        value = _go_str(value)
    return dynamic(value)


def _trim_paragraph(html: str) -> str:
    """Hugo's markdownify: one paragraph comes back without its ``<p>``."""
    stripped = html.strip()
    if (
        stripped.startswith("<p>")
        and stripped.endswith("</p>")
        and stripped.count("<p>") == 1
    ):
        return stripped[3:-4]
    return html


def _humanize(value: Any) -> str:
    """Hugo's humanize for words: ``my-first_post`` -> ``My first post``."""
    text = re.sub(r"[-_]+", " ", _go_str(value)).strip()
    return text[:1].upper() + text[1:]


def _chomp(value: Any) -> Any:
    """Hugo's chomp: trailing newlines removed, HTML kept as HTML."""
    if isinstance(value, Markup):
        return Markup(str(value).rstrip("\r\n"))
    return _go_str(value).rstrip("\r\n")


def _default(value: Any, default_value: Any = "", boolean: bool = True) -> Any:
    """Hugo's ``default``: any empty value (None, "", 0, false) takes the default."""
    if isinstance(value, jinja2.Undefined) or (boolean and not value):
        return default_value
    return value
