"""A Markdown reader that understands Hugo front matter and content layout.

Files that open with a front matter block are parsed here; any other Markdown
file goes to Pelican's own reader unchanged (with Hugo's URLs when asked).
A ``summary`` is Markdown without raw HTML, as Hugo's Goldmark renders it.
"""

from __future__ import annotations

import copy
import fnmatch
import os
import posixpath
from functools import lru_cache
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import HtmlBlockPreprocessor
from pelican.readers import MarkdownReader

from . import fields, frontmatter, markdown_cache, state, urls
from .paths import display_path

_META_EXTENSION = "markdown.extensions.meta"
# What Goldmark (Hugo's Markdown, unsafe: false) writes for raw HTML.
RAW_HTML_OMITTED = "<!-- raw HTML omitted -->"


class HugoMarkdownReader(MarkdownReader):
    """Markdown with YAML, TOML or JSON front matter, mapped to Pelican metadata."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._unbuilt_sections: dict[str, bool] = {}
        self._hugo_md: Markdown | None = None
        self._summary_md: Markdown | None = None
        self._markdown_key = ""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        shown_path = display_path(source_path)
        front = _read_front_matter(source_path, shown_path, _stamp(source_path))
        in_content, language = fields.file_language(
            self._in_content(source_path), source_path, self.settings, shown_path
        )
        source = fields.Source(
            shown_path,
            in_content,
            is_bundle_resource=is_bundle_resource(source_path, self.settings["PATH"]),
            in_unbuilt_section=self._in_unbuilt_section(source_path),
            language=language,
            language_prefix=fields.language_prefix(language, self.settings),
            sections=self._sections(in_content),
        )
        if front is None:
            content, metadata = super().read(source_path)
            if fields.plugin_options(self.settings)["hugo_urls"]:
                metadata.update(
                    urls.output_location(
                        fields.default_path(source, metadata.get("slug"))
                    )
                )
            metadata.update(fields.language_metadata(source))
            if source.is_bundle_resource or source.in_unbuilt_section:
                metadata["status"] = "skip"
            _note_bundle(source_path, source, metadata)
            return content, metadata

        front = self._with_cascade(front, source_path)
        content = self._render(front.body)
        metadata = fields.to_pelican(
            front, source, self.settings, self.process_metadata, self._render_summary
        )
        template = choose_template(metadata, source, self.settings)
        if template:
            metadata["template"] = template
        elif "template" in metadata:
            _check_template(metadata["template"], front, source, self.settings)
        _note_bundle(source_path, source, metadata)
        metadata.pop("hugo_unbuilt", None)
        return content, metadata

    def _in_content(self, source_path: str) -> str:
        relative = os.path.relpath(source_path, self.settings["PATH"])
        return relative.replace(os.sep, "/")

    def _sections(self, in_content: str) -> tuple[str, ...]:
        """The folders above a file that Hugo counts as sections: the top
        one, and each below it with an ``_index`` file (only needed, so
        only looked for, when the site has permalinks)."""
        if not fields.plugin_options(self.settings)["permalinks"]:
            return ()
        folders = in_content.split("/")[:-1]
        found = []
        for depth, name in enumerate(folders):
            folder = os.path.join(self.settings["PATH"], *folders[: depth + 1])
            if depth and not any(
                entry.startswith("_index.") for entry in os.listdir(folder)
            ):
                break
            found.append(name)
        return tuple(found)

    def _render(self, text: str) -> str:
        # One Markdown instance for all files, reset before each text: setting
        # up the extensions again for every file cost more than converting
        # a short page.
        if self._hugo_md is None:
            settings = self._markdown_settings()
            self._hugo_md = Markdown(**settings)
            self._markdown_key = markdown_cache.settings_key(settings)
        return markdown_cache.current().convert(self._markdown_key, text, self._convert)

    def _convert(self, text: str) -> str:
        self._hugo_md.reset()
        return self._hugo_md.convert(text)

    def _render_summary(self, text: str) -> str:
        """Markdown with each piece of raw HTML replaced by a comment."""
        if self._summary_md is None:
            settings = self._markdown_settings()
            settings["extensions"] = [*settings["extensions"], _OmitRawHtml()]
            self._summary_md = Markdown(**settings)
            self._render("")  # sets the cache key of the MARKDOWN setting
        return markdown_cache.current().convert(
            self._markdown_key + ":summary", text, self._convert_summary
        )

    def _convert_summary(self, text: str) -> str:
        self._summary_md.reset()
        return self._summary_md.convert(text)

    def _markdown_settings(self) -> dict[str, Any]:
        # The front matter is already parsed: Python-Markdown's meta extension
        # would read a body line such as "Note: ..." as one more field.
        settings = copy.copy(self.settings["MARKDOWN"])
        settings["extensions"] = [
            ext for ext in settings.get("extensions", []) if ext != _META_EXTENSION
        ]
        settings["extension_configs"] = {
            name: config
            for name, config in settings.get("extension_configs", {}).items()
            if name != _META_EXTENSION
        }
        return settings

    def _with_cascade(
        self, front: frontmatter.FrontMatter, source_path: str
    ) -> frontmatter.FrontMatter:
        """Add what the ``cascade`` of each ``_index.md`` above passes down.

        The page's own fields win, then the nearest ``_index.md``'s.
        """
        page_path = "/" + self._in_content(source_path)
        # An _index.md's own cascade applies to it too, as in Hugo 0.111.
        for index in self._section_indexes(source_path, include_own=True):
            parent = _read_front_matter(index, display_path(index), _stamp(index))
            if parent is not None:
                front = _cascade_into(front, parent, page_path)
        return front

    def _section_indexes(self, source_path: str, include_own: bool) -> list[str]:
        """The ``_index.md`` files above a file, nearest first."""
        root = os.path.abspath(self.settings["PATH"])
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
            front = _read_front_matter(index, display_path(index), _stamp(index))
            if front is not None:
                source = fields.Source(display_path(index), self._in_content(index))
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


class _OmitRawHtml(Extension):
    """Raw HTML, as a block or inline, becomes RAW_HTML_OMITTED; Markdown's
    own HTML (emphasis, links, code) is kept."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        omitting = _OmittingMarkdown(md)
        md.preprocessors.register(HtmlBlockPreprocessor(omitting), "html_block", 20)
        md.inlinePatterns.register(HtmlInlineProcessor(HTML_RE, omitting), "html", 90)


class _OmittingMarkdown:
    """A Markdown instance whose raw HTML store keeps only RAW_HTML_OMITTED;
    given to the two processors that store raw HTML."""

    def __init__(self, md: Markdown) -> None:
        self._md = md

    def __getattr__(self, name: str) -> Any:
        return getattr(self._md, name)

    @property
    def htmlStash(self) -> _OmittingStash:  # noqa: N802 (Markdown's name)
        return _OmittingStash(self._md.htmlStash)


class _OmittingStash:
    def __init__(self, stash) -> None:
        self._stash = stash

    def store(self, html: str) -> str:
        return self._stash.store(RAW_HTML_OMITTED)


def _note_bundle(source_path: str, source: fields.Source, metadata: dict) -> None:
    if source.name not in ("index.md", "_index.md") or source.kind == "home":
        return
    state.add_bundle(
        state.Bundle(
            folder=os.path.dirname(os.path.abspath(source_path)),
            is_leaf=source.name == "index.md",
            publish=metadata.pop("hugo_publish_resources", True),
            save_as=metadata.get("save_as"),
        )
    )


def _cascade_into(
    front: frontmatter.FrontMatter, parent: frontmatter.FrontMatter, page_path: str
) -> frontmatter.FrontMatter:
    cascade = {str(k).lower(): v for k, v in parent.fields.items()}.get("cascade")
    if cascade is None:
        return front
    entries = cascade if isinstance(cascade, list) else [cascade]
    own = {str(key).lower() for key in front.fields}
    added: dict[str, Any] = {}
    origins = dict(front.origins)
    for entry in entries:
        if not isinstance(entry, dict):
            continue  # the _index.md's own read reports the wrong type
        target = entry.get("_target") or {}
        pattern = target.get("path") if isinstance(target, dict) else None
        if pattern and not fnmatch.fnmatch(page_path, pattern):
            continue
        for key, value in entry.items():
            name = str(key).lower()
            if name == "_target" or name in own or name in added:
                continue
            added[name] = value
            origins[name] = (parent.path, parent.line_of("cascade"))
    if not added:
        return front
    return frontmatter.FrontMatter(
        {**added, **front.fields},
        front.body,
        front.key_lines,
        front.start_line,
        front.format,
        front.path,
        origins,
    )


@lru_cache(maxsize=16384)  # live reload keeps every page of a large site
def _read_front_matter(
    source_path: str, shown_path: str, stamp: float
) -> frontmatter.FrontMatter | None:
    """A file's front matter, read once per version of the file."""
    with open(source_path, "rb") as handle:
        text = frontmatter.decode(handle.read(), shown_path)
    return frontmatter.split(text, shown_path)


def _stamp(path: str) -> float:
    return os.stat(path).st_mtime_ns


def is_bundle_resource(source_path: str, content_root: str) -> bool:
    """A Markdown file inside a leaf bundle (a folder with ``index.md``) is one
    of that bundle's resources, not a page of its own, as in Hugo."""
    root = os.path.abspath(content_root)
    path = os.path.abspath(source_path)
    folder = os.path.dirname(path)
    if os.path.basename(path) == "index.md":
        folder = os.path.dirname(folder)
    while folder.startswith(root) and folder != root:
        if os.path.isfile(os.path.join(folder, "index.md")):
            return True
        folder = os.path.dirname(folder)
    return False


def choose_template(
    metadata: dict[str, Any], source: fields.Source, settings: dict[str, Any]
) -> str | None:
    """The theme template for Hugo's ``type`` and ``layout``, or for a section.

    Hugo looks for ``<type>/<layout>``, then ``<type>/single``, then
    ``<layout>``; a section's ``_index.md`` uses ``section`` when the theme
    has one. None keeps Pelican's default (page or article).
    """
    kind, layout = metadata.get("type"), metadata.get("layout")
    candidates = []
    if kind and layout:
        candidates.append(f"{kind}/{layout}")
    if kind:
        candidates.append(f"{kind}/single")
    if layout:
        candidates.append(layout)
    if source.name == "_index.md" and source.in_content != urls.HOME_PAGE_SOURCE:
        candidates.append("section")
    if not candidates:
        return None
    available = theme_templates(_template_folders(settings))
    return next((name for name in candidates if name in available), None)


def _check_template(
    name: str,
    front: frontmatter.FrontMatter,
    source: fields.Source,
    settings: dict[str, Any],
) -> None:
    """Pelican's own ``template`` field must name a template of the theme;
    Pelican would stop at writing time without naming the file."""
    if name not in theme_templates(_template_folders(settings)):
        raise frontmatter.FrontMatterError(
            *front.origin_of("template", source.shown_path),
            f"'template' must be a template of the theme such as 'page', not "
            f"{name!r}; correct the field or remove it",
        )


def _template_folders(settings: dict[str, Any]) -> list[str]:
    folders = [os.path.join(settings["THEME"], "templates")]
    return folders + settings.get("THEME_TEMPLATES_OVERRIDES", [])


def theme_templates(folders: list[str]) -> frozenset[str]:
    """Template names (``page``, ``docs/single``) found in the theme folders."""
    names = set()
    for folder in folders:
        for parent, _, files in os.walk(folder):
            for name in files:
                if name.endswith(".html"):
                    relative = os.path.relpath(os.path.join(parent, name), folder)
                    names.add(posixpath.splitext(relative.replace(os.sep, "/"))[0])
    return frozenset(names)
