"""Ann's site: a profile home page and a small blog, written for Hugo.

pelican-cameo is the only addition: `pip install 'pelican-cameo[tasks,s3]'`
gives the theme (THEME = "cameo"), the plugins (found by Pelican's
auto-discovery, as PLUGINS is not set) and the invoke tasks (see tasks.py).
"""

SITENAME = "Ann's corner"
AUTHOR = "Ann Example"
PATH = "content"
TIMEZONE = "UTC"

# What pelican-cameo asks for (docs/reuse.md shows the same lines):
THEME = "cameo"
HUGO_FRONTMATTER = {"hugo_urls": True}  # Hugo's URLs: /posts/first/
SOCIAL = [("Mastodon", "https://social.example/@ann")]

# Hugo's folder layout: content/_index.md is the home page, posts/ the blog.
ARTICLE_PATHS = ["posts"]
ARTICLE_EXCLUDES: list[str] = []
PAGE_PATHS = [""]
STATIC_PATHS = ["images"]
# Pelican's blog index would be index.html too; leave "index" out (kept,
# the plugin moves it to blog_index.html by itself).
DIRECT_TEMPLATES = ["tags", "404"]

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
