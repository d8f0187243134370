"""Facts about the site's own images that templates need (width and height)."""

from __future__ import annotations

import os
from functools import lru_cache
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError


class ImageError(Exception):
    """An image a page points to is missing or unreadable."""


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def local_image_path(url: str, content_path: str, page_dir: str) -> str:
    """Where a site-relative (``/images/a.png``) or page-relative URL's file is."""
    path = urlsplit(url).path
    if path.startswith("/"):
        return os.path.join(content_path, path.lstrip("/"))
    return os.path.join(page_dir, path)


@lru_cache(maxsize=256)
def _size(path: str, stamp: float) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def image_size(path: str) -> tuple[int, int]:
    """Width and height of the image at ``path`` (read from its header only)."""
    try:
        return _size(path, os.stat(path).st_mtime)
    except FileNotFoundError:
        raise ImageError(f"there is no file at {path}") from None
    except (UnidentifiedImageError, OSError) as error:
        raise ImageError(f"{path} is not an image Pillow can read: {error}") from None
