"""The cameo plugin's signal receivers, which hand the theme what it needs:

- Markdown: the outline extension (body headings under the page's one ``h1``;
  ``CAMEO_OUTLINE``) and the links one (noopener, tabindex on code blocks);
  the same as markdown-it plugins in ``HUGO_MARKDOWN_PLUGINS``.
- Jinja: autoescaping, compiled templates kept in CACHE_PATH, the i18n
  extension with the theme's translations, the theme's filters and globals.
- Each page: its HTML fixed, reading time, ``is_home``, ``sharing``
  (page_data.py), and its avatar's real size and ``<source>`` sets.
- The whole site: the menu's pages and the sections' members, and a
  generator that writes the avatar sizes, favicons and robots.txt; the
  social cards (cards.py) planned once every page is read.
"""

from __future__ import annotations

import logging
import os

from jinja2 import FileSystemBytecodeCache, select_autoescape
from pelican import signals
from pelican.generators import Generator

from cameo_shared.contract import HUGO_MARKDOWN_PLUGINS, RESERVED_OUTPUTS
from cameo_shared.links import (
    WEB_SCHEMES,
    is_safe_link,
    safe_url,
)
from cameo_shared.math import WARNED as MATH_WARNED
from cameo_shared.math import warn_failures as warn_math_failures
from cameo_shared.paths import display_path

from . import (
    cards,
    fragments,
    images,
    page_data,
    sitemap,
    theme_support,
    translations,
)
from .images import ImageError, image_size, is_local, local_image_path, site_path
from .markdown_it_plugins import markdown_it_plugins

logger = logging.getLogger(__name__)

# This package's Markdown extensions, wherever the package is installed.
OUTLINE_EXTENSION = f"{__package__}.outline"
LINKS_EXTENSION = f"{__package__}.links"
MATH_EXTENSION = f"{__package__}.math"
# The theme's template of robots.txt, and the file it writes.
ROBOTS = "robots.txt"

# Avatars seen in this run: (page, image file, its path in the site); reset
# per run.
_avatars: list[tuple[object, str, str]] = []


def on_initialized(pelican) -> None:
    _avatars.clear()
    _warn_of_a_second_sitemap(pelican)
    settings = pelican.settings
    theme_support.check_social(settings)
    _reserve_outputs(settings)
    markdown = settings.setdefault("MARKDOWN", {})
    wanted = [LINKS_EXTENSION, MATH_EXTENSION]
    if settings.get("CAMEO_OUTLINE", True):
        wanted.append(OUTLINE_EXTENSION)
    extensions = list(markdown.get("extensions", []))
    extensions += [name for name in wanted if name not in extensions]
    markdown["extensions"] = extensions
    configs = dict(markdown.get("extension_configs", {}))
    configs[LINKS_EXTENSION] = {"site_url": settings.get("SITEURL", "")}
    configs[MATH_EXTENSION] = {"site_math": bool(settings.get("CAMEO_MATH"))}
    markdown["extension_configs"] = configs
    # The same for Hugo pages' markdown-it, after the user's own plugins.
    plugins = list(settings.get(HUGO_MARKDOWN_PLUGINS) or [])
    present = {repr(plugin) for plugin in plugins}
    plugins += [p for p in markdown_it_plugins(settings) if repr(p) not in present]
    settings[HUGO_MARKDOWN_PLUGINS] = plugins


def _reserve_outputs(settings: dict) -> None:
    """Name the files this plugin writes, for the Hugo plugin's clash check."""
    reserved = settings.setdefault(RESERVED_OUTPUTS, {})
    reserved["robots.txt"] = "the cameo plugin (robots.txt)"
    reserved.update(dict.fromkeys(images.FAVICONS, "the cameo plugin (a favicon)"))
    if sitemap.address(settings) is not None:
        reserved[sitemap.FILENAME] = "the sitemap"


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
    # mark the rendered Markdown (content, summary) |safe themselves;
    # robots.txt is plain text.
    env.autoescape = select_autoescape(disabled_extensions=("txt",), default=True)
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
    catalogue = translations.catalogue(settings["THEME"], language)
    if catalogue is not None:
        env.install_gettext_translations(catalogue, newstyle=True)
    elif "gettext" not in env.globals:
        env.install_null_translations(newstyle=True)
    script, digest = theme_support.scheme_script(env)
    env.globals.update(
        CAMEO_SCHEME_SCRIPT=script,
        CAMEO_SCRIPT_HASH=digest,
        language_links=page_data.language_links,
        alternates=page_data.alternates,
        language_code=lambda lang: page_data.language_code(settings, lang),
        cameo_cached=fragments.cached,
        site_header=lambda lang: page_data.site_header(settings, lang),
        # A page in another language than the site's gets the theme's texts
        # in its own (base.html sets `gettext` from it).
        language_gettext=lambda lang: translations.gettext_for(
            settings["THEME"], lang or language
        ),
    )
    # A section's entry that shows its date: ``item is cameo_dated``.
    env.tests["cameo_dated"] = page_data.shows_date
    env.filters.update(
        obfuscate_email=theme_support.obfuscate_email,
        mailto=theme_support.mailto,
        social_icon=theme_support.social_icon,
        csp_frame_sources=theme_support.frame_sources,
        # A URL from settings in an href: javascript: is #ZgotmplZ, as in Hugo.
        safe_url=safe_url,
    )


def on_content_object_init(content) -> None:
    content.is_home = page_data.is_home(content)
    content.sharing = page_data.Sharing(content)
    if getattr(content, "_content", None):
        source = getattr(content, "source_path", None) or ""
        if not getattr(content, MATH_WARNED, False):
            warn_math_failures(content._content, source, display_path(source))
        content._content = theme_support.improve_content(
            content._content, content.settings.get("SITEURL", "")
        )
        # Once here, not in every list that shows the page.
        content.reading_time = theme_support.reading_minutes(content._content)
    icon = getattr(content, "icon", None)
    if not isinstance(icon, dict) or not icon.get("url"):
        return
    url = icon["url"]
    site_url = content.settings.get("SITEURL", "")
    site_root = is_local(url) and url.startswith("/")
    # The address the <img> shows: a site-root path under SITEURL.
    icon["src"] = site_url + url if site_root else url
    if not is_safe_link(url, WEB_SCHEMES):
        logger.error(
            "%s: icon.url %r is neither a path in the site nor an http(s) URL; "
            "use a path such as /images/me.png or an https:// URL",
            _icon_url_place(content),
            url,
        )
        return
    if not is_local(url):
        logger.warning(
            "%s: icon.url %s is on another host; its size is unknown and "
            "visitors' browsers will contact that host",
            _icon_url_place(content),
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
            "%s: icon.url %r %s",
            _icon_url_place(content),
            url,
            error,
        )
        return
    icon.setdefault("width", width)
    icon.setdefault("height", height)
    if site_root:
        icon["sources"] = page_data.avatar_sources(url, width, site_url)
        _avatars.append((content, path, site_path(url)))


class CameoAssetsGenerator(Generator):
    """Writes the avatars' AVIF and WebP sizes, the favicons made from the
    profile's avatar, and robots.txt."""

    def generate_context(self) -> None:
        self.favicon_source = None
        for content, path, _ in _avatars:
            if content.is_home or self.favicon_source is None:
                self.favicon_source = path
        self.context["CAMEO_FAVICONS"] = self.favicon_source is not None
        self.context["CAMEO_SITEMAP_URL"] = sitemap.address(self.settings)

    def generate_output(self, writer) -> None:
        done = set()
        for _, path, in_site in _avatars:
            if in_site not in done:
                cache = os.path.join(self.settings["CACHE_PATH"], "cameo-images")
                images.write_variants(path, in_site, self.output_path, cache)
                done.add(in_site)
        if self.favicon_source:
            images.write_favicons(self.favicon_source, self.output_path)
        robots = self.env.get_template(ROBOTS)
        writer.write_file(ROBOTS, robots, self.context)


def on_all_generators_finalized(generators) -> None:
    generator = generators[0]
    context = generator.context  # one dict, shared by all generators
    pages, articles = context.get("pages", []), context.get("articles", [])
    context["CAMEO_MENU_PAGES"] = page_data.menu_pages(
        pages, articles, generator.settings
    )
    context["CAMEO_SECTION_MEMBERS"] = page_data.section_members(articles, pages)
    homes = [path for content, path, _ in _avatars if content.is_home]
    cards.plan(generators, (homes or [_profile_image(generator.settings)])[0])


def on_get_generators(pelican):
    return CameoAssetsGenerator, cards.SocialCardsGenerator


def _profile_image(settings) -> str | None:
    """The file of a local CAMEO_IMAGE, for the cards of a site whose home
    page has no avatar."""
    url = settings.get("CAMEO_IMAGE")
    if not url or not is_local(str(url)) or not str(url).startswith("/"):
        return None
    try:
        return local_image_path(str(url), settings["PATH"], settings["PATH"])
    except ImageError:
        return None


def _icon_url_place(content) -> str:
    """``file:line`` of a page's ``icon.url`` for a message: the line its
    reader recorded (hugo_frontmatter's ``hugo_lines``, from the parser),
    else that of ``icon``, else 1."""
    lines = getattr(content, "hugo_lines", None) or {}
    line = lines.get("icon.url") or lines.get("icon") or 1
    return f"{display_path(content.source_path)}:{line}"


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(on_generator_init)
    signals.content_object_init.connect(on_content_object_init)
    signals.get_generators.connect(on_get_generators)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
