"""The site's own images: the file an image URL names (read only from inside
the content folder or the theme), its width and height, the avatar's
``<source>`` sizes, and its resized copies and favicons (written only inside
the output or cache folder, through a cache of encoded files)."""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from cameo_shared.paths import display_path, is_inside, path_in

# Pillow is imported where it is used: a site with no avatar never needs it.


class ImageError(Exception):
    """An image a page points to is missing, unreadable or outside the site,
    or a file would be written outside the output."""


def is_local(url: str) -> bool:
    """Whether ``url`` is a path in the site (as a browser reads it: a
    backslash is a slash, so ``\\\\host\\a.png`` is on another host)."""
    parts = urlsplit(_browser_form(url))
    return not parts.scheme and not parts.netloc


def site_path(url: str) -> str:
    """The path of a local ``url`` as the server looks it up: percent-decoded,
    backslashes as slashes, query and fragment dropped (``/images/a%20b.png``
    is ``/images/a b.png``). ``..`` is left in for the caller to judge."""
    path = unquote(urlsplit(_browser_form(url)).path)
    return path.replace("\\", "/")


def _browser_form(url: str) -> str:
    return str(url).strip().replace("\\", "/")


def local_image_path(
    url: str, content_path: str, page_dir: str, roots: tuple[str, ...] = ()
) -> str:
    """The real file a site-relative (``/images/a.png``) or page-relative
    local ``url`` names, after ``..`` and symlinks.

    Raises ImageError when that file is outside ``content_path`` (and the
    other ``roots``, such as the theme) or is not there. The message follows
    "icon.url '...'" and says what to do.
    """
    path = site_path(url)
    if "\x00" in path:
        raise ImageError("holds a NUL character; correct the path")
    base = content_path if _browser_form(url).startswith("/") else page_dir
    # Joined part by part: a part never starts over from the disk's root.
    candidate = os.path.join(base, *path.split("/"))
    if not is_inside(candidate, (content_path, *roots)):
        raise ImageError(
            "points outside the content folder; put the image under "
            f"{_images_folder(content_path)}/ and use /images/{_name(path)}"
        )
    real = os.path.realpath(candidate)
    if not os.path.isfile(real):
        shown = os.path.normpath(os.path.join(display_path(base), *path.split("/")))
        raise ImageError(
            f"names {shown}, which does not exist; put the image there or correct "
            f"the path (a file under {_images_folder(content_path)}/ is "
            f"/images/{_name(path)})"
        )
    return real


def _images_folder(content_path: str) -> str:
    return os.path.join(display_path(content_path), "images")


def _name(path: str) -> str:
    return posixpath.basename(path.rstrip("/")) or "me.png"


def checked_target(folder: str, relative: str) -> str:
    """Where to write ``relative`` (slash-separated) in ``folder``; refused
    when ``..`` or a symlink on the way would put the file anywhere else."""
    target = path_in(folder, relative)
    if target is None:
        landing = os.path.realpath(os.path.join(folder, *relative.split("/")))
        raise ImageError(
            f"refused to write {relative}: it would land at {landing}, outside "
            f"{folder} (the build's output or cache folder)"
        )
    return target


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
        raise ImageError(f"names {display_path(path)}, which does not exist") from None
    except (UnidentifiedImageError, OSError) as error:
        raise ImageError(
            f"names {display_path(path)}, which is not an image Pillow can read "
            f"({error}); save it as PNG, JPEG or WebP"
        ) from None


# Widths (CSS px x 1, 2, 3) of the avatar as the theme shows it (7.5rem in
# profile.css; tests/test_theme_data.py keeps the two the same).
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


def write_variants(source: str, path: str, output: str, cache: str) -> list[str]:
    """Write the avatar's resized AVIF and WebP files; returns their paths.

    ``path`` is the avatar's place in the site (``site_path`` of its URL);
    the files go beside it in ``output``, and never outside ``output``.
    Encoding AVIF is most of a small site's build, so each file is kept in
    ``cache`` under the source's content hash and copied from there next time.
    """
    stem = path.lstrip("/")
    with open(source, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()[:20]
    from PIL import Image

    written = []
    with Image.open(source) as image:
        for size in variant_widths(image.width):
            resized = None
            for extension, _, quality in VARIANT_FORMATS:
                target = checked_target(output, variant_url(stem, size, extension))
                cached = checked_target(cache, f"{digest}-{size}.{extension}")
                if not os.path.isfile(cached):
                    if resized is None:
                        height = round(image.height * size / image.width)
                        resized = image.resize((size, height), Image.Resampling.LANCZOS)
                    os.makedirs(cache, exist_ok=True)
                    resized.save(cached + ".part", format=extension, quality=quality)
                    os.replace(cached + ".part", cached)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(cached, target)
                written.append(target)
    return written


def write_favicons(source: str, output: str) -> list[str]:
    """favicon.ico (16, 32, 48 px), a 32 px PNG and the 180 px apple-touch
    icon, from the middle square of ``source``, in ``output`` and nowhere
    else."""
    from PIL import Image

    with Image.open(source) as image:
        image = image.convert("RGBA")
        side = min(image.size)
        left, top = (image.width - side) // 2, (image.height - side) // 2
        square = image.crop((left, top, left + side, top + side))
    written = []
    for name, size in FAVICONS.items():
        target = checked_target(output, name)
        if size is None:
            square.save(target, sizes=[(16, 16), (32, 32), (48, 48)])
        else:
            icon = square.resize((size, size), Image.Resampling.LANCZOS)
            (icon.convert("RGB") if size == 180 else icon).save(target)
        written.append(target)
    return written
