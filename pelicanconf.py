"""Settings for the owner's profile site. Settings only: logic lives in plugins/."""

import os

# This repository's own theme and plugins, used in place (absolute, so that a
# settings file elsewhere can `from pelicanconf import *`).
here = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "Tianyu Zhang"
SITENAME = "Tianyu Zhang"
SITEURL = ""
DEFAULT_LANG = "en"
TIMEZONE = "America/New_York"

# The page in Chinese: content/_index.zh.md is content/_index.md's Chinese
# version (Hugo's way of naming a translation), written to /zh/. Each other
# language: its BCP 47 code (<html lang>, hreflang) and the site's name in it.
HUGO_LANGUAGES = ["en", "zh"]
CAMEO_LANGUAGES = {"zh": {"code": "zh-Hans", "name": "张天宇"}}

PATH = "content"
OUTPUT_PATH = "output"
# Compiled templates, converted Markdown and the staging folder: beside this
# file, wherever `invoke` is run from (Pelican's default is the working folder).
CACHE_PATH = os.path.join(here, "cache")
THEME = os.path.join(here, "theme")

PLUGIN_PATHS = [os.path.join(here, "plugins")]
PLUGINS = ["hugo_frontmatter", "cameo"]

# Hugo's layout: content/_index.md is the home page. Everything else in
# content/ is a page; a blog, if the owner starts one, lives in content/posts/.
PAGE_PATHS = [""]
ARTICLE_PATHS = ["posts"]
ARTICLE_EXCLUDES: list[str] = []
STATIC_PATHS = ["images"]
# Pretty URLs, as Hugo makes them: content/about.md -> /about/
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

# A one-page site needs no blog index, archives or taxonomy pages; the 404
# page is what the server answers for a missing path.
DIRECT_TEMPLATES = ["404"]
TAG_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

RELATIVE_URLS = False
