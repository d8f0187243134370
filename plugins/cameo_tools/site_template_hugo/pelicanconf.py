"""Settings for a site that came from Hugo: the Hugo config beside this file
(baseURL, title, menus, params, static folders, ...) stands in for most of
Pelican's settings (pelican-cameo's docs/hugo-config.md); a setting written
here wins over the config's.
"""

import os

here = os.path.dirname(os.path.abspath(__file__))

PATH = "content"
OUTPUT_PATH = "output"
CACHE_PATH = os.path.join(here, "cache")
TIMEZONE = "UTC"  # as Hugo reads dates without a zone

THEME = "cameo"
HUGO_FRONTMATTER = {"hugo_config": "{hugo_config}"}
