"""Settings for the published site: pelicanconf.py, with the public address."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# The public address, without a trailing slash. CAMEO_SITEURL overrides it.
SITEURL = os.environ.get("CAMEO_SITEURL", "https://tianyuzhang.example")
RELATIVE_URLS = False

# Where `invoke publish` deploys; docs/publishing.md documents every key.
# Flags override them: `invoke publish --target s3 --bucket my-site`.
CAMEO_PUBLISH = {
    "target": "pages",
    "pages": {"remote": "origin", "branch": "gh-pages", "cname": None},
    "s3": {"bucket": None, "prefix": ""},
}
