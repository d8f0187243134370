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
import re

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.generators import Generator

from . import images, sitemap, theme_support
from .images import (
    ImageError,
    image_size,
    is_local,
    local_image_path,
    shown_path,
    site_path,
)

logger = logging.getLogger(__name__)

# The ``icon`` key and a ``url`` key in YAML, TOML ([icon] too) or JSON.
_ICON_KEY = re.compile(r"""^\s*(\[\s*icon\s*\]|["']?icon["']?\s*[:=])""", re.I)
_URL_KEY = re.compile(r"""^\s*["']?url["']?\s*[:=]""", re.I)

# This package's Markdown extensions, wherever the package is installed.
OUTLINE_EXTENSION = f"{__package__}.outline"
LINKS_EXTENSION = f"{__package__}.links"

# Avatars seen in this run: (page, image file, its path in the site); reset
# per run.
_avatars: list[tuple[object, str, str]] = []


def on_initialized(pelican) -> None:
    _avatars.clear()
    _warn_of_a_second_sitemap(pelican)
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


def _warn_of_a_second_sitemap(pelican) -> None:
    """pelican-sitemap writes sitemap.xml too, with the build's time in it."""
    names = {getattr(plugin, "__name__", "") for plugin in pelican.plugins}
    if sitemap.settings_of(pelican.settings) is not None and any(
        name.startswith("pelican.plugins.sitemap") for name in names
    ):
        logger.warning(
            "pelican-sitemap is loaded, and cameo writes sitemap.xml itself: "
            "remove 'sitemap' from PLUGINS, or set CAMEO_SITEMAP = False"
        )


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
            shown_path(content.source_path),
            _url_line(content.source_path, url),
            url,
        )
        return
    if not is_local(url):
        logger.warning(
            "%s: icon.url %s is on another host; its size is unknown and "
            "visitors' browsers will contact that host",
            shown_path(content.source_path),
            url,
        )
        return
    try:
        # Only a file inside the content folder or the theme, after ".."
        # and symlinks, is read (and so resized beside the avatar's URL).
        path = local_image_path(
            url,
            content.settings["PATH"],
            os.path.dirname(content.source_path),
            roots=(content.settings["THEME"],),
        )
        width, height = image_size(path)
    except ImageError as error:
        logger.error(
            "%s:%d: icon.url %r %s",
            shown_path(content.source_path),
            _url_line(content.source_path, url),
            url,
            error,
        )
        return
    icon.setdefault("width", width)
    icon.setdefault("height", height)
    if url.startswith("/"):
        icon["sources"] = images.sources(url, width)
        _avatars.append((content, path, site_path(url)))


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
        for _, path, in_site in _avatars:
            if in_site not in done:
                cache = os.path.join(self.settings["CACHE_PATH"], "cameo-images")
                images.write_variants(path, in_site, self.output_path, cache)
                done.add(in_site)
        if self.favicon_source:
            images.write_favicons(self.favicon_source, self.output_path)
        site_url = self.settings.get("SITEURL", "")
        lines = ["User-agent: *", "Allow: /"]
        published = site_url.startswith(("http://", "https://"))
        if published and sitemap.settings_of(self.settings) is not None:
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


def _url_line(path: str, url: str) -> int:
    """The line of ``path`` where ``icon``'s ``url`` is written.

    hugo_frontmatter records the lines of top-level keys only, and does not
    pass on the one of ``icon``; so: the first line holding the URL as
    written, else the first ``url`` key after the ``icon`` key (a URL written
    with escapes), else the ``icon`` line, else 1."""
    with open(path, encoding="utf-8-sig") as handle:
        lines = handle.read().splitlines()
    for number, line in enumerate(lines, start=1):
        if url in line:
            return number
    icon = next((n for n, line in enumerate(lines, 1) if _ICON_KEY.match(line)), 0)
    if not icon:
        return 1
    after = (n for n, line in enumerate(lines[icon:], icon + 1) if _URL_KEY.match(line))
    return next(after, icon)


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(on_generator_init)
    signals.content_object_init.connect(on_content_object_init)
    signals.get_generators.connect(on_get_generators)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
