"""Ann's site: a profile home page and a small blog, written for Hugo.

pelican-cameo is the only addition: `pip install pelican-cameo` gives the
theme (THEME = "cameo"), the plugins (found by Pelican's auto-discovery, as
PLUGINS is not set) and the invoke tasks (see tasks.py).
"""

SITENAME = "Ann's corner"
AUTHOR = "Ann Example"
PATH = "content"
TIMEZONE = "UTC"

# The three lines pelican-cameo asks for:
THEME = "cameo"
HUGO_FRONTMATTER = {"hugo_urls": True}  # Hugo's URLs: /posts/first/
SOCIAL = [("Mastodon", "https://social.example/@ann")]

# Hugo's layout: content/_index.md is the home page, posts/ holds articles.
ARTICLE_PATHS = ["posts"]
ARTICLE_EXCLUDES: list[str] = []
PAGE_PATHS = [""]
STATIC_PATHS = ["images"]
DIRECT_TEMPLATES = ["tags", "404"]

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
