"""A site's own shortcodes as Jinja ports of its Go templates.

``NAME.html`` in the folder the site names, rendered with Hugo's shortcode
API (``get``, ``inner``, ``params``, ``page``, ``site``, ``ref``...), Jinja's
autoescape and Go's printing (``filters``), then the attribute check Go's
html/template does (``html_attributes``). A template's error names the
template's line and the page's.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup

from .calls import PageInfo, Run, ShortcodeCall, ShortcodeError, Where, lookup
from .filters import chomp, default, go_value, humanize
from .html_attributes import filter_attributes


class JinjaPorts:
    """The ports in ``folder`` (None: there are none). ``markdownify`` is
    Hugo's, as the engine renders Markdown; what is learnt of the folder's
    files and templates is kept for the whole build."""

    def __init__(self, folder: str | None, markdownify: Callable[..., Markup]) -> None:
        self.folder = folder
        self._markdownify = markdownify
        self._files: dict[str, Path | None] = {}
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder) if folder else None,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            extensions=["jinja2.ext.do"],
            finalize=go_value,
        )
        self._env.filters.update(
            markdownify=markdownify,
            render_string=markdownify,
            humanize=humanize,
            chomp=chomp,
            default=default,
        )

    def file(self, name: str) -> Path | None:
        """The port of shortcode ``name``, or None (none, or a name that
        would leave the folder)."""
        if name not in self._files:
            path = None
            if self.folder and ".." not in name.split("/"):
                path = Path(self.folder, f"{name}.html")
            self._files[name] = path if path and path.is_file() else None
        return self._files[name]

    def uses_inner(
        self, template_file: Path, name: str, where: Where, line: int
    ) -> bool:
        """Whether the port prints ``inner`` (so its call takes a body)."""
        try:
            source = template_file.read_text(encoding="utf-8")
            parsed = self._env.parse(source, f"{name}.html", str(template_file))
        except (jinja2.TemplateSyntaxError, UnicodeDecodeError, OSError) as error:
            raise _template_error(error, template_file, name, where, line) from error
        return "inner" in jinja2.meta.find_undeclared_variables(parsed)

    def render(
        self,
        template_file: Path,
        call: ShortcodeCall,
        run: Run,
        site: Mapping[str, Any],
        ref: Callable[[Any, bool], str],
        line: int,
    ) -> str:
        """One call of a port; ``ref(target, absolute)`` is Hugo's ref."""
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
                page=_TemplatePage(run.page, self._markdownify, site["params"]),
                site=site,
                ref=lambda target: Markup(ref(target, True)),
                relref=lambda target: Markup(ref(target, False)),
            )
        except ShortcodeError:
            raise
        except Exception as error:  # any error a template raises, located
            raise _template_error(
                error, template_file, call.name, run.where, line
            ) from error
        # What html/template would do to the values in its attributes.
        return filter_attributes(rendered, marked_only=True)


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


def _template_error(
    error: Exception, template_file: Path, name: str, where: Where, line: int
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


def _template_line(error: BaseException, template_file: Path) -> int | None:
    """The line of the site template where ``error`` was raised, if any."""
    wanted = str(template_file)
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == wanted or frame.filename.endswith(template_file.name):
            line = frame.lineno
    return line
