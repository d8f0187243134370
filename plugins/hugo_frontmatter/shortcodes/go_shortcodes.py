"""A site's shortcodes as its own Go templates, run as Hugo 0.111 runs them.

The bridge to ``hugo_templates``: ``layouts/shortcodes/NAME.html`` of the
site and its theme, found per language (``GoSite``: where they are and what
``.Site`` says), run with Hugo's shortcode dot (``.Get``, ``.Inner``,
``.Parent``, ``.Position``...), ``.Page``, ``.Site.GetPage``, ``ref`` and
``relref``; inline shortcodes (``enableInlineShortcodes``) defined and run
for their page. An error names the page's file:line, then the template's
file:line:col and Go's (or Hugo's) words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import gotemplate
from ..config.files import environment
from ..content.gocast import go_text
from ..content.params import Params
from ..hugo_templates import objects
from ..hugo_templates.bindings import OutputFiles, SiteBindings
from ..hugo_templates.loader import (
    Found,
    TemplateLoader,
    error_words,
    page_bound,
)
from .calls import PageInfo, Run, ShortcodeCall, ShortcodeError, Where
from .parser import Node


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


class GoShortcodes:
    """The Go templates of ``go`` (None: the site has none), for a whole
    build: each language's loader and ``.Site`` made once, each name's
    template looked up once. ``site_language`` is the site's default
    language; ``markdown`` renders Markdown as the page's own; ``ref(target,
    absolute, run, line)`` is the engine's ref, which says what is wrong
    with the page's file:line."""

    def __init__(
        self,
        go: GoSite | None,
        site_language: str,
        markdown: Callable[[str], str],
        ref: Callable[[Any, bool, Run, int], str],
    ) -> None:
        self.go = go
        self.site_language = site_language
        self.markdown = markdown
        self._ref = ref
        self._languages: dict[str, tuple[TemplateLoader, objects.Site]] = {}
        self._files: dict[tuple[str, str], Found | None] = {}

    def language(self, page: PageInfo) -> str:
        """The page's language, else the site's, in lower case."""
        return str(page.lang or self.site_language or "en").lower()

    def templates(self, language: str) -> tuple[TemplateLoader, objects.Site]:
        """The templates and ``.Site`` of one language, made once."""
        if language not in self._languages:
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
                default_language=str(self.site_language or "en"),
                **_config_bindings(go.config),
            )
            hugo_info = objects.HugoInfo(environment())
            site = objects.Site(
                bindings,
                title=str(own.get("title") or go.title),
                language=objects.Language(
                    language,
                    go_text(own.get("languagename")) or "",
                    int(own.get("weight") or 0),
                ),
                # As Hugo's cast prints them: a switch is "true", a list "".
                language_code=go_text(setting("languagecode")) or "",
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
            self._languages[language] = (loader, site)
        return self._languages[language]

    def file(self, name: str, language: str) -> Found | None:
        """The Go template a shortcode runs on a page of ``language``."""
        key = (name, language)
        if key not in self._files:
            found = None
            if self.go is not None:
                loader = self.templates(language or self.language(PageInfo()))[0]
                found = loader.shortcode(name)
            self._files[key] = found
        return self._files[key]

    def page(self, page: PageInfo, site: objects.Site) -> objects.Page:
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

    def uses_inner(
        self, found: Found, name: str, path: str, line: int, language: str
    ) -> bool:
        """Whether the template evaluates ``.Inner`` (so its call takes a body)."""
        loader = self.templates(language)[0]
        try:
            return loader.uses_inner(found)
        except (gotemplate.TemplateError, UnicodeDecodeError, OSError) as error:
            raise self._error(error, found, loader, name, path, line) from error

    def render(self, found: Found, call: ShortcodeCall, run: Run, line: int) -> str:
        """One call of a Go template, on the page ``run`` expands."""
        language = run.language or self.language(run.page)
        loader, site = self.templates(language)
        if run.go_page is None:
            run.go_page = self.page(run.page, site)
            if self.go is not None and self.go.get_page is not None:
                site.page_finder = self._page_finder(site, run)
        dot = self._dot(call, run)
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
            raise self._error(
                error, found, loader, call.name, run.where.path, line
            ) from error

    def render_inline(self, node: Node, call: ShortcodeCall, run: Run) -> str:
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
        loader = self.templates(self.language(run.page))[0]
        if node.closed:
            if any(isinstance(child, Node) for child in node.children):
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
        return self.render(found, call, run, node.line)

    def _go_ref(
        self, page: Any, target: Any, absolute: bool, run: Run, line: int
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
            run = Run(other, Where("", page.File.Filename, 1), run.nonce)
        try:
            return self._ref(target, absolute, run, line)
        except ShortcodeError as error:
            raise ValueError(error.message) from None

    def _page_finder(self, site: objects.Site, run: Run) -> Callable[[str], Any]:
        """``.Site.GetPage`` for the page that runs (a relative path is
        relative to it, as ref's)."""

        def find(path: str) -> Any:
            assert self.go is not None and self.go.get_page is not None
            info = self.go.get_page(path, run.where.path, self.language(run.page))
            return None if info is None else self.page(info, site)

        return find

    def _dot(self, call: ShortcodeCall, run: Run) -> objects.Shortcode:
        """A shortcode's dot (its parent's too, made as they are asked for)."""
        if call.go_dot is None:
            parent = self._dot(call.parent, run) if call.parent else None
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

    def _error(
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
        message = error_words(error, found, loader)
        return ShortcodeError(
            path,
            line,
            f'shortcode "{name}": {message}; fix the template or the '
            "shortcode's parameters",
        )


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
