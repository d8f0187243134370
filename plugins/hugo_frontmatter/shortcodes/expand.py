"""Expand Hugo shortcodes in a page's Markdown body, as Hugo 0.111 does.

The driver of the room: ``ShortcodeEngine.expand`` finds the calls
(``lexer``, ``parser``) and renders each with what has its name: a site's
Jinja port (``jinja_ports``), else its Go template (``go_shortcodes``), else
a built-in (``builtins``). The output of a ``{{% name %}}`` shortcode goes
into the Markdown source and is rendered with it; the output of a
``{{< name >}}`` shortcode is held back behind a placeholder that
``Expanded.finish`` puts back after Markdown (dropping the ``<p>`` around a
placeholder that stands alone, as Hugo does).

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from cameo_shared.paths import display_path

from .. import gotemplate
from ..content.frontmatter import FrontMatterError
from ..content.params import Params
from .builtins import BUILTINS, BuiltinContext
from .calls import (
    INLINE_SUFFIX,
    PageInfo,
    Run,
    ShortcodeCall,
    ShortcodeError,
    Where,
)
from .filters import go_str, trim_paragraph
from .go_shortcodes import GoShortcodes, GoSite
from .jinja_ports import JinjaPorts
from .lexer import tokenize
from .parser import Node, parse

logger = logging.getLogger(__name__)

# Hugo's innerCleanupRegexp: one paragraph and its line end (Go's "." does
# not cross a line break).
_ONE_PARAGRAPH = re.compile(r"<p>(.*)</p>\n")


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
        self.site_folder = site_folder
        self.site = {**site, "params": Params(site.get("params"))}
        self.resolve_ref = resolve_ref
        self.markdown = markdownify
        self._inner_use: dict[str, bool] = {}
        self.ports = JinjaPorts(site_folder, self._markdownify)
        self.go_shortcodes = GoShortcodes(
            go, str(self.site.get("language") or "en"), markdownify, self._ref
        )

    # Rendering Markdown, as Hugo's markdownify and .Page.RenderString do.

    def _markdownify(self, text: Any, display: str = "inline") -> Markup:
        html = self.markdown(go_str(text))
        if display == "inline":
            html = trim_paragraph(html)
        return Markup(html)

    # The engine's one public job.

    def expand(
        self, body: str, page: PageInfo, shown_path: str, first_line: int = 1
    ) -> Expanded:
        """Expand every shortcode of ``body`` (which starts on ``first_line``)."""
        if "{{" not in body:
            return Expanded(body, frozenset())
        where = Where(body, shown_path, first_line)
        tags = tokenize(body, where)
        language = self.go_shortcodes.language(page)
        roots = parse(
            tags,
            where,
            lambda name, line: self._takes_inner(name, where, line, language),
            lambda name: self._is_go(name, language),
        )
        nonce = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        run = Run(page, where, nonce, language=language)
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

    # Which template a name runs, and whether it takes inner text.

    def _takes_inner(self, name: str, where: Where, line: int, language: str) -> bool:
        """A name's first call on a page: known, or stop here; then whether
        its template uses its inner text."""
        self._check_known(name, where.path, line, language)
        return self._needs_inner(name, where, line, language)

    def _needs_inner(self, name: str, where: Where, line: int, language: str) -> bool:
        if name.endswith(INLINE_SUFFIX):
            return True  # its body is its template, even when ported
        if name in self._inner_use:
            return self._inner_use[name]
        template_file = self.ports.file(name)
        go_file = None if template_file else self.go_shortcodes.file(name, language)
        if template_file is not None:
            uses = self.ports.uses_inner(template_file, name, where, line)
        elif go_file is not None:
            # Per language: not kept with the Jinja answers.
            return self.go_shortcodes.uses_inner(
                go_file, name, where.path, line, language
            )
        elif name in BUILTINS:
            uses = BUILTINS[name].inner
        else:
            uses = False
        self._inner_use[name] = uses
        return uses

    def _check_known(self, name: str, path: str, line: int, language: str = "") -> None:
        """An unknown shortcode stops here, at its first use, with where to
        put its template (an inline one renders nothing instead)."""
        known = (
            name in BUILTINS
            or name.endswith(INLINE_SUFFIX)
            or self.ports.file(name) is not None
            or self.go_shortcodes.file(name, language) is not None
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

    def _is_go(self, name: str, language: str) -> bool:
        """Whether a shortcode runs a Go template (no Jinja port has its name)."""
        return (
            not name.endswith(INLINE_SUFFIX)
            and self.ports.file(name) is None
            and self.go_shortcodes.file(name, language) is not None
        )

    # Rendering.

    def _render(
        self, node: Node, parent: ShortcodeCall | None, ordinal: int, run: Run
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
        return self._render_call(node, call, run)

    def _render_call(self, node: Node, call: ShortcodeCall, run: Run) -> str:
        """A call whose inner text is rendered, by what has its name: a
        Jinja port, else a Go template, else a built-in."""
        name, line = call.name, node.line
        template_file = self.ports.file(name)
        if name.endswith(INLINE_SUFFIX) and template_file is None:
            if self.go is not None and self.go.config.get("enableinlineshortcodes"):
                return self.go_shortcodes.render_inline(node, call, run)
            self._warn_inline(name, call.position)
            return ""

        def ref(target: Any, absolute: bool) -> str:
            return self._ref(target, absolute, run, line)

        if template_file is not None:
            return self.ports.render(template_file, call, run, self.site, ref, line)
        go_file = self.go_shortcodes.file(
            name, run.language or self.go_shortcodes.language(run.page)
        )
        if go_file is not None:
            return self.go_shortcodes.render(go_file, call, run, line)
        builtin = BUILTINS.get(name)
        if builtin is None:
            self._check_known(
                name, run.where.path, line, self.go_shortcodes.language(run.page)
            )
        context = BuiltinContext(
            call=call,
            page=run.page,
            site=self.site,
            markdownify=self._markdownify,
            ref=ref,
            hosts=run.hosts,
            error=lambda message: ShortcodeError(run.where.path, line, message),
        )
        return builtin.render(context)

    def _warn_inline(self, name: str, position: str) -> None:
        """An inline shortcode without enableInlineShortcodes renders
        nothing, as in Hugo; say how to keep it."""
        folder = self.site_folder or "the site's shortcode folder"
        logger.warning(
            "%s: inline shortcode %r is a Go template and renders nothing "
            "(as Hugo with enableInlineShortcodes = false); port its body "
            "to Jinja in %s/%s.html (the page stays as it is), or in "
            "%s/%s.html and write {{< %s >}} instead",
            position,
            name,
            folder,
            name,
            folder,
            name.removesuffix(INLINE_SUFFIX),
            name.removesuffix(INLINE_SUFFIX),
        )

    def _ref(self, target: Any, absolute: bool, run: Run, line: int) -> str:
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
                c if c.isprintable() else repr(c)[1:-1] for c in go_str(shown)
            )
            message = f'ref "{text}": {error}'
            raise ShortcodeError(run.where.path, line, message) from error


def _placeholder(nonce: str, number: str) -> str:
    """What stands in the Markdown for the output of a ``<`` shortcode."""
    return f"hugoshortcode{nonce}n{number}end"


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
