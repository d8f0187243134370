"""Facts about the site's own images that templates need (width and height)."""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import lru_cache
from urllib.parse import urlsplit

# Pillow is imported where it is used: a site with no avatar never needs it.


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
    from PIL import Image

    with Image.open(path) as image:
        return image.size


def image_size(path: str) -> tuple[int, int]:
    """Width and height of the image at ``path`` (read from its header only)."""
    from PIL import UnidentifiedImageError

    try:
        return _size(path, os.stat(path).st_mtime)
    except FileNotFoundError:
        raise ImageError(f"there is no file at {path}") from None
    except (UnidentifiedImageError, OSError) as error:
        raise ImageError(f"{path} is not an image Pillow can read: {error}") from None


# Widths (CSS px x 1, 2, 3) of the avatar as the theme shows it (7.5rem).
AVATAR_WIDTHS = (120, 240, 360)
AVATAR_SIZES = "7.5rem"
# Modern formats first: a browser takes the first <source> it can show.
VARIANT_FORMATS = (("avif", "image/avif", 55), ("webp", "image/webp", 80))
FAVICONS = {"favicon.ico": None, "favicon-32.png": 32, "apple-touch-icon.png": 180}


def variant_url(url: str, width: int, extension: str) -> str:
    stem = url.rsplit(".", 1)[0]
    return f"{stem}-{width}.{extension}"


def variant_widths(width: int) -> list[int]:
    """The avatar widths worth making from an image ``width`` pixels wide."""
    return [size for size in AVATAR_WIDTHS if size <= width] or [width]


def sources(url: str, width: int) -> list[dict[str, str]]:
    """``<source>`` attributes (type, srcset, sizes) for a site-root image URL."""
    return [
        {
            "type": media_type,
            "srcset": ", ".join(
                f"{variant_url(url, size, extension)} {size}w"
                for size in variant_widths(width)
            ),
            "sizes": AVATAR_SIZES,
        }
        for extension, media_type, _ in VARIANT_FORMATS
    ]


def write_variants(source: str, url: str, output: str, cache: str) -> list[str]:
    """Write the avatar's resized AVIF and WebP files; returns their paths.

    Encoding AVIF is most of a small site's build, so each file is kept in
    ``cache`` under the source's content hash and copied from there next time.
    """
    with open(source, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()[:20]
    from PIL import Image

    written = []
    with Image.open(source) as image:
        for size in variant_widths(image.width):
            resized = None
            for extension, _, quality in VARIANT_FORMATS:
                name = variant_url(url, size, extension).lstrip("/")
                target = os.path.join(output, name)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                cached = os.path.join(cache, f"{digest}-{size}.{extension}")
                if not os.path.isfile(cached):
                    if resized is None:
                        height = round(image.height * size / image.width)
                        resized = image.resize((size, height), Image.Resampling.LANCZOS)
                    os.makedirs(cache, exist_ok=True)
                    resized.save(cached + ".part", format=extension, quality=quality)
                    os.replace(cached + ".part", cached)
                shutil.copyfile(cached, target)
                written.append(target)
    return written


def write_favicons(source: str, output: str) -> list[str]:
    """favicon.ico (16, 32, 48 px), a 32 px PNG and the 180 px apple-touch
    icon, from the middle square of ``source``."""
    from PIL import Image

    with Image.open(source) as image:
        image = image.convert("RGBA")
        side = min(image.size)
        left, top = (image.width - side) // 2, (image.height - side) // 2
        square = image.crop((left, top, left + side, top + side))
    written = []
    for name, size in FAVICONS.items():
        target = os.path.join(output, name)
        if size is None:
            square.save(target, sizes=[(16, 16), (32, 32), (48, 48)])
        else:
            icon = square.resize((size, size), Image.Resampling.LANCZOS)
            (icon.convert("RGB") if size == 180 else icon).save(target)
        written.append(target)
    return written
