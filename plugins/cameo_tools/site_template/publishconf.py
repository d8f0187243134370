"""The published site's settings: pelicanconf.py, with the public address and
where `invoke publish` deploys (pelican-cameo's docs/publishing.md)."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# The public address, without a trailing slash.
SITEURL = "{url}"
# CAMEO_SITEURL, when set, wins: the GitHub Pages workflow sets it to the
# address Pages gives the site.
SITEURL = os.environ.get("CAMEO_SITEURL", SITEURL).rstrip("/")
RELATIVE_URLS = False

CAMEO_PUBLISH = {
    "target": "pages",
    "pages": {"remote": "origin", "branch": "gh-pages", "cname": None},
    "s3": {"bucket": None, "prefix": ""},
}
