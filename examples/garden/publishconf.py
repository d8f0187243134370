"""The published settings: the site's address and where `invoke publish` goes."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://ann.example.org"
PLUGINS = ["hugo_frontmatter", "cameo"]
CAMEO_PUBLISH = {
    "target": "s3",
    "s3": {"bucket": "ann-example-site", "region": "eu-west-1"},
    "pages": {"cname": "ann.example.org"},
}
