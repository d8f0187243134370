"""``.html`` and ``.htm`` content read as Hugo 0.111 reads them (with Hugo's
URLs): a file that opens with a tag is no page but a file copied as it is
(``site/bundles.py`` copies it, ``content/files.py`` says which); any other is a page
whose body is HTML, kept as written (Hugo expands no shortcode in it and
converts no Markdown), its summary the HTML before ``<!--more-->``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from cameo_shared.paths import display_path

from .content import files as content_files
from .content import frontmatter
from .content.source import Source
from .content.summary import add_summary
from .markdown.rules.summary import SUMMARY_DIVIDER
from .reader import HugoMarkdownReader

_COMMENT_START, _COMMENT_END = "<!--", "-->"


class HugoHTMLReader(HugoMarkdownReader):
    """Hugo's HTML content files."""

    file_extensions = sorted(content_files.HTML_EXTENSIONS)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        if content_files.is_plain_html(source_path):
            return "", {"status": "skip"}  # copied as it is, not read
        shown_path = display_path(source_path)
        with open(source_path, "rb") as handle:
            text = frontmatter.decode(handle.read(), shown_path)
        front = _front_matter(text, shown_path)
        return self._read_hugo(
            front, source_path, self._source(source_path, shown_path)
        )

    def _render_body(
        self,
        front: frontmatter.FrontMatter,
        source: Source,
        metadata: dict[str, Any],
        source_path: str,
    ) -> str:
        """The body as written; with ``<!--more-->``, Hugo 0.111's summary
        is the HTML before it and its content the HTML after it."""
        before, divider, after = front.body.partition(SUMMARY_DIVIDER)
        summary, html = (before, after.lstrip()) if divider else (None, front.body)
        if "summary" not in metadata:
            add_summary(metadata, summary, html, self.settings)
        return html


def _front_matter(text: str, shown_path: str) -> frontmatter.FrontMatter:
    """The page's front matter and body as Hugo's page lexer reads an HTML
    file that is no plain file: front matter first, or after a line that
    opens a comment, in which case the body starts after the comment's end
    (``-->``); plain text without front matter is a page with none."""
    stripped = text.lstrip()
    if not stripped.startswith(_COMMENT_START):
        front = frontmatter.split(text, shown_path)
        return front or frontmatter.FrontMatter({}, text, path=shown_path)
    skipped = text[: len(text) - len(stripped)].count("\n") + 1
    rest = stripped.partition("\n")[2]
    blank = rest[: len(rest) - len(rest.lstrip())].count("\n")
    front = frontmatter.split(rest.lstrip(), shown_path)
    if front is None:
        raise frontmatter.FrontMatterError(
            shown_path,
            1,
            "an HTML file that opens with a comment and has no front matter "
            "is a plain HTML document, which Hugo refuses too; add front "
            "matter (a '---' block after the comment's first line, or at the "
            "top) to make it a page, or start the file with its first tag to "
            "have it copied as it is",
        )
    body = front.body
    if body:
        end = body.find(_COMMENT_END)
        if end < 0:
            raise frontmatter.FrontMatterError(
                shown_path,
                1,
                "the comment that opens the file never ends after its front "
                f"matter, as Hugo requires; add {_COMMENT_END!r} after the "
                "front matter's closing line",
            )
        body = body[end + len(_COMMENT_END) :]
    offset = skipped + blank
    return dataclasses.replace(
        front,
        body=body,
        key_lines={key: line + offset for key, line in front.key_lines.items()},
        start_line=front.start_line + offset,
        body_line=front.body_line + offset,
    )
