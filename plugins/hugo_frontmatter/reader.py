"""A Markdown reader that understands Hugo front matter and content layout.

Files that open with a front matter block are parsed here and rendered as
Hugo renders them: shortcodes expanded (``shortcodes``), then Markdown by the
Goldmark-compatible renderer (``goldmark``), with Hugo's ``<!--more-->``
summary. Any other Markdown file goes to Pelican's own reader and its
``MARKDOWN`` setting, unchanged (with Hugo's URLs when asked).

The reader finds a file's place (``content/source.py``), the sections and
cascades above it (``content/cascade.py``), maps its fields
(``content/fields.py``), chooses its template (``content/templates.py``),
sets up its renderer and render hooks, and notes its bundle for ``site``;
``prerender.py`` converts a large site's Markdown in several processes first.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import posixpath
from collections.abc import Callable, Iterator
from typing import Any

from pelican.readers import MarkdownReader

from cameo_shared.contract import HUGO_MARKDOWN_PLUGINS
from cameo_shared.math import WARNED as MATH_WARNED
from cameo_shared.math import warn_failures as warn_math_failures
from cameo_shared.paths import display_path

from .content import fields, frontmatter, locations, urls
from .content import files as content_files
from .content import source as content_source
from .content.cascade import cascade_into
from .content.front_cache import front_fields, read_front_matter
from .content.options import plugin_options
from .content.summary import add_summary
from .content.templates import check_template, choose_template
from .hugo_templates import hooks as go_hooks
from .hugo_templates import loader as go_loader
from .markdown import cache as markdown_cache
from .markdown import goldmark
from .markdown.rules.summary import cut_summary, mark_summary
from .prerender import convert_missing
from .shortcodes.calls import PageInfo
from .shortcodes.expand import ShortcodeEngine
from .shortcodes.go_shortcodes import GoSite
from .site import refs, state

logger = logging.getLogger(__name__)

# A site with render hooks: the modules that run them, in the cache's key too.
_HOOK_MODULES = [
    f"{__package__}.hugo_templates.hooks",
    f"{__package__}.hugo_templates.loader",
    f"{__package__}.hugo_templates.objects",
]
# The modules whose code decides a Hugo page's HTML (the Markdown cache's key).
_RENDERING_MODULES = goldmark.rendering_modules()


class HugoMarkdownReader(MarkdownReader):
    """Markdown with YAML, TOML or JSON front matter, mapped to Pelican metadata."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._unbuilt_sections: dict[str, bool] = {}
        self._index_folders: dict[str, bool] = {}
        self._renderer: goldmark.Renderer | None = None
        self._safe_renderer: goldmark.Renderer | None = None
        self._math_renderer: tuple[goldmark.Renderer, str] | None = None
        self._renderer_key = ""
        self._hooks: go_hooks.SiteHooks | None = None
        self._shortcodes: ShortcodeEngine | None = None
        self._refs: refs.RefResolver | None = None

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        shown_path = display_path(source_path)
        front = read_front_matter(source_path, shown_path)
        source = self._source(source_path, shown_path)
        if front is None:
            content, metadata = super().read(source_path)
            if plugin_options(self.settings)["hugo_urls"]:
                lower = self.settings.get("HUGO_PATH_TO_LOWER") is not False
                metadata.update(
                    urls.output_location(
                        locations.default_path(source, metadata.get("slug"), lower)
                    )
                )
            metadata.update(content_source.language_metadata(source))
            if source.is_bundle_resource or source.in_unbuilt_section:
                metadata["status"] = "skip"
            _note_bundle(source_path, source, metadata)
            return content, metadata
        return self._read_hugo(front, source_path, source)

    def _read_hugo(
        self,
        front: frontmatter.FrontMatter,
        source_path: str,
        source: content_source.Source,
    ) -> tuple[str, dict[str, Any]]:
        """A Hugo page: its front matter mapped to Pelican's metadata, its
        body rendered."""
        front = self._with_cascade(front, source_path)
        metadata = fields.to_pelican(
            front, source, self.settings, self.process_metadata, self._render_safely
        )
        content = self._render_body(front, source, metadata, source_path)
        template = choose_template(metadata, source, self.settings)
        if template:
            metadata["template"] = template
        elif "template" in metadata:
            check_template(metadata["template"], front, source, self.settings)
        _note_bundle(source_path, source, metadata)
        if not metadata.pop("hugo_unbuilt", None) and metadata.get("status") == "skip":
            metadata["hugo_unrendered"] = not source.is_bundle_resource and source_path
        return content, metadata

    def _source(self, source_path: str, shown_path: str) -> content_source.Source:
        """Where a file is in Hugo's content tree."""
        in_content, language = content_source.file_language(
            self._in_content(source_path), source_path, self.settings, shown_path
        )
        root = self._hugo_root(source_path)
        return content_source.Source(
            shown_path,
            in_content,
            is_bundle_resource=content_files.is_bundle_resource(
                source_path,
                root,
                posixpath.basename(in_content),
                self.settings.get("HUGO_LANGUAGES") or (),
            ),
            in_unbuilt_section=self._in_unbuilt_section(source_path),
            language=language,
            language_prefix=content_source.language_prefix(language, self.settings),
            sections=self._sections(in_content, root),
        )

    def _in_content(self, source_path: str) -> str:
        relative = os.path.relpath(source_path, self.settings["PATH"])
        return relative.replace(os.sep, "/")

    def _hugo_path(self, source_path: str) -> str:
        """The file's path in Hugo's content folder (its language's own)."""
        return content_source.hugo_path(self._in_content(source_path), self.settings)[0]

    def _hugo_root(self, source_path: str) -> str:
        """Hugo's content folder for a file: its language's own folder
        (contentDir), else Pelican's PATH."""
        folder = content_source.content_root(
            self._in_content(source_path), self.settings
        )
        root = self.settings["PATH"]
        return os.path.join(root, *folder.split("/")) if folder else root

    def _sections(self, in_content: str, root: str) -> tuple[str, ...]:
        """The folders above a file that Hugo counts as sections: the top
        one, and each below it with an ``_index`` file (only needed, so
        only looked for, when the site has permalinks)."""
        if not plugin_options(self.settings)["permalinks"]:
            return ()
        folders = in_content.split("/")[:-1]
        found = []
        for depth, name in enumerate(folders):
            folder = os.path.join(root, *folders[: depth + 1])
            if depth and not self._has_index(folder):
                break
            found.append(name)
        return tuple(found)

    def _has_index(self, folder: str) -> bool:
        """Whether a folder holds an ``_index`` file; looked at once per
        folder and build (a file added makes live reload build afresh)."""
        if folder not in self._index_folders:
            self._index_folders[folder] = any(
                entry.startswith("_index.") for entry in os.listdir(folder)
            )
        return self._index_folders[folder]

    # --- rendering ---------------------------------------------------------

    def _render_body(
        self,
        front: frontmatter.FrontMatter,
        source: content_source.Source,
        metadata: dict[str, Any],
        source_path: str,
    ) -> str:
        """The page's HTML: shortcodes, then Markdown; the Markdown before
        ``<!--more-->`` becomes its summary, else Hugo's automatic one (unless
        the front matter gives one), and the embed hosts its shortcodes use
        its ``frame_hosts``."""
        page = self._page_info(metadata, source_path)
        with self._page_hooks(page, metadata, source, front.body_line):
            expanded = self._shortcode_engine().expand(
                front.body, page, source.shown_path, front.body_line
            )
            if expanded.frame_hosts:
                metadata["frame_hosts"] = sorted(expanded.frame_hosts)
            text, divided = _text_to_render(expanded.markdown)
            html = expanded.finish(self._render(text, _math_on(front.fields)))
        if warn_math_failures(html, source_path, source.shown_path):
            metadata[MATH_WARNED] = True
        summary = None
        if divided:
            summary, html = cut_summary(html)
        if "summary" not in metadata:
            add_summary(metadata, summary, html, self.settings)
        return html

    def _page_info(self, metadata: dict[str, Any], source_path: str) -> PageInfo:
        """What a shortcode sees of a page (``.Page``)."""
        hugo_path = self._hugo_path(source_path)
        folder, name = posixpath.split(hugo_path)
        stem = name.rpartition(".")[0].split(".")[0]
        if stem == "_index":
            kind = "home" if not folder else "section"
        else:
            kind = "page"
        return PageInfo(
            title=str(metadata.get("title") or ""),
            lang=str(
                metadata.get("lang") or content_source.default_language(self.settings)
            ),
            rel_permalink="/" + str(metadata.get("url", "")),
            params=metadata.get("params") or {},
            path=hugo_path,
            filename=os.path.abspath(source_path),
            kind=kind,
            section=hugo_path.split("/")[0] if "/" in hugo_path else "",
            date=metadata.get("date"),
            bundle_folder=(
                os.path.dirname(os.path.abspath(source_path))
                if stem in ("index", "_index")
                else None
            ),
        )

    def _render(self, text: str, math_on: bool = False) -> str:
        """Markdown as Hugo's Goldmark renders it, with the options of the
        Hugo config (``markup``), kept in the Markdown cache; ``math_on``:
        the page turns math on (cameo's ``$...$``, ``\\(``, ``\\[``)."""
        renderer, key = self._renderer_for(math_on)
        cache = markdown_cache.current()
        hooked = self._hooks.page if self._hooks is not None else None
        if hooked is not None:
            # The hooks' output depends on the page too: its facts are
            # part of what the cache keeps the HTML under.
            return cache.convert(
                key,
                f"{hooked.facts}\0{text}",
                lambda _: renderer.render(text),
            )
        return cache.convert(key, text, renderer.render)

    def _renderer_for(self, math_on: bool) -> tuple[goldmark.Renderer, str]:
        """The site's renderer and its cache key, or for a page that turns
        math on where the site does not, one with math on."""
        renderer = self._ensure_renderer()
        if not math_on or renderer.options.math:
            return renderer, self._renderer_key
        if self._math_renderer is None:
            options = dataclasses.replace(renderer.options, math=True)
            self._math_renderer = self._make_renderer(options)
        return self._math_renderer

    def _ensure_renderer(self) -> goldmark.Renderer:
        if self._renderer is None:
            options = self._goldmark_options()
            if _math_on(self.settings.get("HUGO_PARAMS")):
                options = dataclasses.replace(options, math=True)
            self._renderer, self._renderer_key = self._make_renderer(options)
        return self._renderer

    def _make_renderer(
        self, options: goldmark.GoldmarkOptions
    ) -> tuple[goldmark.Renderer, str]:
        """A renderer with ``options`` and the site's plugins and render
        hooks, and its key in the Markdown cache."""
        plugins = list(self.settings.get(HUGO_MARKDOWN_PLUGINS) or [])
        site = go_loader.find_site(self.settings)
        roots = [site.root, *site.themes]
        hooks_key = ""
        if go_hooks.hook_files(roots):
            if self._hooks is None:
                self._hooks = go_hooks.SiteHooks()
            hooks_key = go_hooks.hooks_key(roots, self.settings["PATH"])
        renderer = goldmark.Renderer(options, plugins, self._hooks)
        modules = [*_RENDERING_MODULES, *(type(p).__module__ for p in plugins)]
        if self._hooks is not None:
            modules.extend(_HOOK_MODULES)
        description: tuple = (options, plugins)
        if hooks_key:  # and what a hook reads of the site (.Site)
            site_facts = [
                self.settings.get(name)
                for name in ("SITENAME", "SITEURL", "HUGO_PARAMS")
            ]
            description = (*description, hooks_key, site.config, site_facts)
        return renderer, markdown_cache.renderer_key(description, modules)

    @contextlib.contextmanager
    def _page_hooks(
        self,
        page: PageInfo,
        metadata: dict[str, Any],
        source: content_source.Source,
        body_line: int,
    ) -> Iterator[None]:
        """Render the page's Markdown with its render hooks, if the site has
        any (its shortcodes' ``markdownify`` too, as Hugo's)."""
        self._ensure_renderer()
        if self._hooks is None:
            yield
            return
        engine = self._shortcode_engine()
        language = engine.go_shortcodes.language(page)
        loader, site = engine.go_shortcodes.templates(language)
        go_page = engine.go_shortcodes.page(page, site)
        page_type = str(metadata.get("type") or page.section or "")
        facts = repr(
            (
                page.title,
                page.lang,
                page.rel_permalink,
                dict(page.params),
                page.path,
                page.filename,
                page.kind,
                page.section,
                str(page.date),
                page.bundle_folder,
                page_type,
                body_line,
            )
        )
        refs = self._refs
        assert refs is not None  # made with the shortcode engine

        def ref(absolute: bool) -> Callable[[Any, Any], str]:
            return lambda _page, target: refs.resolve(
                target, page, source.shown_path, body_line, absolute
            )

        def get_page(path: str) -> Any:
            found = self._page_at(str(path), source.shown_path, language)
            return None if found is None else engine.go_shortcodes.page(found, site)

        hook_page = go_hooks.HookPage(
            go_page,
            loader,
            page_type,
            source.shown_path,
            page.filename,
            body_line,
            {"page": lambda: go_page, "ref": ref(True), "relref": ref(False)},
            facts,
        )
        site.page_finder = get_page  # .Site.GetPage from this page
        with self._hooks.rendering(hook_page):
            yield

    def prerender(self, paths: list[str], workers: int) -> int:
        """Convert, in ``workers`` processes, the Markdown of the files in
        ``paths`` that the cache does not hold yet and that has no shortcode
        (whose output depends on the page), so that reading them finds it
        converted; the text and the renderer are the ones ``read`` uses, so
        the HTML is the same. The number of texts converted."""
        renderer = self._ensure_renderer()
        if self._hooks is not None:
            # A hook runs with its page and the site's templates: the pages
            # of a site with hooks are rendered in this process, as read.
            return 0
        texts = []
        for path in paths:
            try:
                front = read_front_matter(path)
            except (OSError, frontmatter.FrontMatterError):
                continue  # reported when the file is read
            if front is None or "{{" in front.body:
                continue
            texts.append(_text_to_render(front.body)[0])
        return convert_missing(texts, renderer, self._renderer_key, workers)

    def _render_safely(self, text: str) -> str:
        """A front matter ``summary``: Markdown with raw HTML omitted even
        where the site lets its pages' HTML through."""
        if self._safe_renderer is None:
            options = dataclasses.replace(self._goldmark_options(), unsafe=False)
            self._safe_renderer = goldmark.Renderer(options)
        return self._safe_renderer.render(text)

    def _goldmark_options(self) -> goldmark.GoldmarkOptions:
        options = plugin_options(self.settings)
        try:
            return goldmark.GoldmarkOptions.from_hugo_config(
                options["markup"], options["enable_emoji"]
            )
        except goldmark.GoldmarkConfigError as error:
            raise ValueError(f"HUGO_FRONTMATTER['markup']: {error}") from None

    def _shortcode_engine(self) -> ShortcodeEngine:
        if self._shortcodes is None:
            options = plugin_options(self.settings)
            folder = options["shortcodes"]
            if folder:
                folder = os.path.join(_site_root(self.settings), folder)
                if not os.path.isdir(folder):
                    raise ValueError(
                        f"HUGO_FRONTMATTER['shortcodes'] names {display_path(folder)},"
                        " which is not a folder; give the folder that holds the "
                        "site's shortcodes (NAME.html each), absolute or relative "
                        "to the folder above the content folder"
                    )
            site_url = self.settings.get("SITEURL", "")
            self._refs = refs.RefResolver(
                self.settings, self._ref_metadata, front_fields
            )
            self._shortcodes = ShortcodeEngine(
                folder,
                {
                    "title": self.settings.get("SITENAME", ""),
                    "base_url": f"{site_url}/",
                    "params": self.settings.get("HUGO_PARAMS") or {},
                    "language": content_source.default_language(self.settings),
                    # What the publications built-in reads (not Hugo's).
                    "author": self.settings.get("AUTHOR") or "",
                    "content_folder": self.settings["PATH"],
                },
                self._refs.resolve,
                self._render,
                self._go_site(f"{site_url}/"),
            )
        return self._shortcodes

    def _go_site(self, base_url: str) -> GoSite:
        """Where the site's Go templates are (the Hugo config's folder and
        its theme's), and what their ``.Site`` says."""
        site = go_loader.find_site(self.settings)
        return GoSite(
            root=site.root,
            themes=site.themes,
            config=site.config,
            title=str(self.settings.get("SITENAME", "")),
            base_url=base_url,
            params=self.settings.get("HUGO_PARAMS") or {},
            language_prefix=lambda language: content_source.language_prefix(
                language, self.settings
            ),
            get_page=self._page_at,
            output=go_loader.published(),
            cache=self.settings.get("CACHE_PATH"),
        )

    def _page_at(self, path: str, shown_path: str, language: str) -> PageInfo | None:
        """``.Site.GetPage``: the page ``path`` names (as ref finds it), or None."""
        assert self._refs is not None
        try:
            node = self._refs.find(path, shown_path, language)
        except LookupError:
            return None
        if node is None:
            return None
        if node.file is None:
            from .site.sections import section_title

            name = node.key.strip("/").rsplit("/", 1)[-1]
            return PageInfo(
                title=section_title(name, self.settings) if name else "",
                lang=language,
                rel_permalink=node.url,
                kind=node.kind,
                section=node.key.strip("/").split("/")[0],
            )
        metadata = self._ref_metadata(node.file)
        if metadata.get("hugo_unbuilt"):
            return None
        return self._page_info(metadata, node.file)

    def _ref_metadata(self, found: str) -> dict[str, Any]:
        """What ``refs`` needs of a content file: its ``url``, whether Hugo
        builds it (``hugo_unbuilt``) and renders it (``status``), its params."""
        shown = display_path(found)
        front = read_front_matter(found, shown)
        source = self._source(found, shown)
        if front is None:
            return {"url": locations.default_path(source).lstrip("/")}
        return fields.to_pelican(
            self._with_cascade(front, found), source, self.settings, lambda n, v: v
        )

    def _with_cascade(
        self, front: frontmatter.FrontMatter, source_path: str
    ) -> frontmatter.FrontMatter:
        """Add what the ``cascade`` of each ``_index.md`` above passes down.

        The page's own fields win, then the nearest ``_index.md``'s.
        """
        page_path = "/" + self._hugo_path(source_path)
        # An _index.md's own cascade applies to it too, as in Hugo 0.111.
        for index in self._section_indexes(source_path, include_own=True):
            parent = read_front_matter(index)
            if parent is not None:
                front = cascade_into(front, parent, page_path)
        return front

    def _section_indexes(self, source_path: str, include_own: bool) -> list[str]:
        """The ``_index.md`` files above a file, nearest first, up to its
        language's home (``_index.md`` at the top of its content folder)."""
        root = os.path.abspath(self._hugo_root(source_path))
        path = os.path.abspath(source_path)
        folder = os.path.dirname(path)
        found = []
        while folder == root or folder.startswith(root + os.sep):
            index = os.path.join(folder, "_index.md")
            if os.path.isfile(index) and (include_own or index != path):
                found.append(index)
            if folder == root:
                break
            folder = os.path.dirname(folder)
        return found

    def _in_unbuilt_section(self, source_path: str) -> bool:
        return any(
            self._section_is_unbuilt(index)
            for index in self._section_indexes(source_path, include_own=False)
        )

    def _section_is_unbuilt(self, index: str) -> bool:
        """Whether Hugo leaves out this section (and so all below it)."""
        known = self._unbuilt_sections
        if index not in known:
            known[index] = False  # guards against a cycle while computing
            front = read_front_matter(index)
            if front is not None:
                source = content_source.Source(
                    display_path(index), self._hugo_path(index)
                )
                try:
                    metadata = fields.to_pelican(
                        self._with_cascade(front, index),
                        source,
                        self.settings,
                        self.process_metadata,
                    )
                except (frontmatter.FrontMatterError, ValueError):
                    metadata = {}  # reported when the _index.md itself is read
                known[index] = bool(metadata.get("hugo_unbuilt"))
        return known[index]


def _note_bundle(
    source_path: str, source: content_source.Source, metadata: dict
) -> None:
    # An index.md or _index.md inside a leaf bundle is one of its files.
    if source.name not in ("index.md", "_index.md") or source.is_bundle_resource:
        return
    state.add_bundle(
        state.Bundle(
            folder=os.path.dirname(os.path.abspath(source_path)),
            is_leaf=source.name == "index.md",
            publish=metadata.pop("hugo_publish_resources", True),
            save_as=metadata.get("save_as"),
        )
    )


def _math_on(params: Any) -> bool:
    """Whether front matter or the site's params turn math on (``math``, in
    any case, true as Go's templates judge it: ``{{ if .Params.math }}``)."""
    if not isinstance(params, dict):
        return False
    return any(bool(v) for k, v in params.items() if str(k).lower() == "math")


def _text_to_render(markdown: str) -> tuple[str, bool]:
    """The Markdown the renderer gets for a page's body (the text the
    Markdown cache keys), and whether it holds a summary divider."""
    marked = mark_summary(markdown)
    return (markdown, False) if marked is None else (marked, True)


def _site_root(settings: dict[str, Any]) -> str:
    """The folder above the content folder: a Hugo site's root."""
    return os.path.dirname(os.path.normpath(os.path.abspath(settings["PATH"])))
