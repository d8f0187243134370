"""Settings for the site: pelicanconf.py for `invoke build` and `invoke
livereload`, publishconf.py (which reads this file) for `invoke publish`.

Every setting of the theme and the plugin: see pelican-cameo's docs/theme.md
and docs/front-matter.md.
"""

import os

here = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "{author}"
SITENAME = "{title}"
SITEURL = ""
DEFAULT_LANG = "{lang}"
TIMEZONE = "UTC"

PATH = "content"
OUTPUT_PATH = "output"
CACHE_PATH = os.path.join(here, "cache")

THEME = "cameo"
# Hugo's URLs (content/about.md is /about/) and front matter.
HUGO_FRONTMATTER = {"hugo_urls": True}
# Links under the profile: ("Name", "https://...").
SOCIAL: list[tuple[str, str]] = []

# Hugo's folder layout: content/_index.md is the home page (the profile),
# content/posts/ a blog if you start one, content/images/ the pictures.
PAGE_PATHS = [""]
ARTICLE_PATHS = ["posts"]
ARTICLE_EXCLUDES: list[str] = []
STATIC_PATHS = ["images"]

# A one-page site: no blog index, archives or taxonomy pages; the 404 page is
# what the server answers for a missing path.
DIRECT_TEMPLATES = ["404"]
TAG_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
