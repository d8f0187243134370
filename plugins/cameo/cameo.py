"""Pelican plugin that the cameo theme relies on.

- Adds the outline Markdown extension, so body headings sit under the page's
  one ``h1`` (setting ``CAMEO_OUTLINE``, default True), and the links one:
  ``rel="noopener"`` on links to other sites, ``tabindex`` on code blocks.
- Installs Jinja's i18n extension, so every visitor-facing text in the theme
  goes through ``_()`` (English until a site adds translations).
- Gives a page's ``icon`` (its avatar) the image's real ``width`` and ``height``,
  so the browser reserves its space before the image arrives.
"""

from __future__ import annotations

import logging
import os
import sys

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.generators import Generator

from . import images, theme_support
from .images import ImageError, image_size, is_local, local_image_path

logger = logging.getLogger(__name__)

# This package's Markdown extensions, wherever the package is installed.
OUTLINE_EXTENSION = f"{__package__}.outline"
LINKS_EXTENSION = f"{__package__}.links"

# Avatars seen in this run: (page, image file, site-root URL); reset per run.
_avatars: list[tuple[object, str, str]] = []


def on_initialized(pelican) -> None:
    _avatars.clear()
    _reset_sitemap_plugin()
    settings = pelican.settings
    theme_support.check_social(settings)
    markdown = settings.setdefault("MARKDOWN", {})
    wanted = [LINKS_EXTENSION]
    if settings.get("CAMEO_OUTLINE", True):
        wanted.append(OUTLINE_EXTENSION)
    extensions = list(markdown.get("extensions", []))
    extensions += [name for name in wanted if name not in extensions]
    markdown["extensions"] = extensions
    configs = dict(markdown.get("extension_configs", {}))
    configs[LINKS_EXTENSION] = {"site_url": settings.get("SITEURL", "")}
    markdown["extension_configs"] = configs


def _reset_sitemap_plugin() -> None:
    """pelican-sitemap (1.2) remembers the run that started it and forgets it
    only when that run finishes; after a failed build it writes no sitemap in
    that process again (livereload, tests). Forget the failed run."""
    module = sys.modules.get("pelican.plugins.sitemap.sitemap")
    generator = getattr(module, "generator", None)
    if generator is not None and hasattr(generator, "_main_pelican"):
        generator._main_pelican = None
        generator.page_queue = []


def on_generator_init(generator) -> None:
    env = generator.env
    # Metadata is text: a title holding "<script>" shows as text. Templates
    # mark the rendered Markdown (content, summary) |safe themselves.
    env.autoescape = True
    # Compiling the theme's templates is most of a one-page build; Jinja's
    # bytecode cache keeps them compiled between builds (checked against
    # each template's modification time).
    folder = os.path.join(generator.settings["CACHE_PATH"], "cameo-jinja")
    os.makedirs(folder, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(folder)
    # A generator's environment lives for one build: templates cannot change
    # under it, so the check of each file before each include can go.
    env.auto_reload = False
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    settings = generator.settings
    language = settings.get("CAMEO_LANGUAGE") or settings.get("DEFAULT_LANG", "en")
    catalogue = theme_support.translations(settings["THEME"], language)
    if catalogue is not None:
        env.install_gettext_translations(catalogue, newstyle=True)
    elif "gettext" not in env.globals:
        env.install_null_translations(newstyle=True)
    script, digest = theme_support.scheme_script(env)
    env.globals.update(CAMEO_SCHEME_SCRIPT=script, CAMEO_SCRIPT_HASH=digest)
    env.filters.update(
        obfuscate_email=theme_support.obfuscate_email,
        mailto=theme_support.mailto,
        social_icon=theme_support.social_icon,
    )


def on_content_object_init(content) -> None:
    if getattr(content, "_content", None):
        content._content = theme_support.improve_content(
            content._content, content.settings.get("SITEURL", "")
        )
        # Once here, not in every list that shows the page.
        content.reading_time = theme_support.reading_minutes(content._content)
    icon = getattr(content, "icon", None)
    if not isinstance(icon, dict) or not icon.get("url"):
        return
    url = icon["url"]
    if not theme_support.is_safe_url(url):
        logger.error(
            "%s:%d: icon.url %r has a scheme browsers would run; use a path such "
            "as /images/me.png or an https:// URL",
            _shown(content.source_path),
            _line_containing(content.source_path, url),
            url,
        )
        return
    if not is_local(url):
        logger.warning(
            "%s: icon.url %s is on another host; its size is unknown and "
            "visitors' browsers will contact that host",
            _shown(content.source_path),
            url,
        )
        return
    path = local_image_path(
        url, content.settings["PATH"], os.path.dirname(content.source_path)
    )
    try:
        width, height = image_size(path)
    except ImageError as error:
        logger.error(
            "%s:%d: icon.url %r: %s; put the image there or correct the path",
            _shown(content.source_path),
            _line_containing(content.source_path, url),
            url,
            error,
        )
        return
    icon.setdefault("width", width)
    icon.setdefault("height", height)
    if url.startswith("/"):
        icon["sources"] = images.sources(url, width)
        _avatars.append((content, path, url))


class CameoAssetsGenerator(Generator):
    """Writes the avatars' AVIF and WebP sizes, the favicons made from the
    profile's avatar, and robots.txt."""

    def generate_context(self) -> None:
        self.favicon_source = None
        for content, path, _ in _avatars:
            if getattr(content, "url", None) == "" or self.favicon_source is None:
                self.favicon_source = path
        self.context["CAMEO_FAVICONS"] = self.favicon_source is not None

    def generate_output(self, writer) -> None:
        done = set()
        for _, path, url in _avatars:
            if url not in done:
                cache = os.path.join(self.settings["CACHE_PATH"], "cameo-images")
                images.write_variants(path, url, self.output_path, cache)
                done.add(url)
        if self.favicon_source:
            images.write_favicons(self.favicon_source, self.output_path)
        site_url = self.settings.get("SITEURL", "")
        lines = ["User-agent: *", "Allow: /"]
        if site_url.startswith(("http://", "https://")) and "sitemap" in str(
            self.settings.get("PLUGINS", "")
        ):
            lines.append(f"Sitemap: {site_url}/sitemap.xml")
        with open(os.path.join(self.output_path, "robots.txt"), "w") as handle:
            handle.write("\n".join(lines) + "\n")


def on_all_generators_finalized(generators) -> None:
    context = generators[0].context  # one dict, shared by all generators
    context["CAMEO_MENU_PAGES"] = theme_support.menu_pages(
        context.get("pages", []), context.get("articles", []), context
    )


def on_get_generators(pelican):
    return CameoAssetsGenerator


def _shown(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def _line_containing(path: str, text: str) -> int:
    """The first line of ``path`` holding ``text`` (1 when none does)."""
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if text in line:
                return number
    return 1


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(on_generator_init)
    signals.content_object_init.connect(on_content_object_init)
    signals.get_generators.connect(on_get_generators)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
