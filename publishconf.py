"""Settings for the published site: pelicanconf.py, with the public address."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# The public address, without a trailing slash. CAMEO_SITEURL overrides it.
SITEURL = os.environ.get("CAMEO_SITEURL", "https://tianyuzhang.example")
RELATIVE_URLS = False
