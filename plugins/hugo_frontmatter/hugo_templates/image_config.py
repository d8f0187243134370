"""Hugo's image spec (resources/images/config.go): ``ImageConfig`` reads
``"600x400 center q80 webp r90 #fff"`` with the site's ``imaging``
defaults, names the result as Hugo 0.111 does (``key``) and sizes it by
gift's rules (``size``); the formats, anchors and filters Hugo knows."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from typing import Any

from PIL import Image

logger = logging.getLogger(__name__)

# Image formats Hugo 0.111 can process, by the suffix it writes.
FORMATS = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "jpe": "JPEG",
    "jif": "JPEG",
    "jfif": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "tif": "TIFF",
    "tiff": "TIFF",
    "bmp": "BMP",
    "webp": "WEBP",
}
# Hugo's anchors: where the kept part sits, as (x, y) in halves.
ANCHORS = {
    "center": (1, 1),
    "topleft": (0, 0),
    "top": (1, 0),
    "topright": (2, 0),
    "left": (0, 1),
    "right": (2, 1),
    "bottomleft": (0, 2),
    "bottom": (1, 2),
    "bottomright": (2, 2),
}
# Hugo's resampling filters as Pillow's nearest kin (the sizes are Hugo's).
FILTERS = {
    "nearestneighbor": Image.Resampling.NEAREST,
    "box": Image.Resampling.BOX,
    "linear": Image.Resampling.BILINEAR,
    "hermite": Image.Resampling.BICUBIC,
    "mitchellnetravali": Image.Resampling.BICUBIC,
    "catmullrom": Image.Resampling.BICUBIC,
    "bspline": Image.Resampling.BICUBIC,
    "gaussian": Image.Resampling.BICUBIC,
    "lanczos": Image.Resampling.LANCZOS,
    "hann": Image.Resampling.HAMMING,
    "hamming": Image.Resampling.HAMMING,
    "blackman": Image.Resampling.LANCZOS,
    "bartlett": Image.Resampling.BILINEAR,
    "welch": Image.Resampling.LANCZOS,
    "cosine": Image.Resampling.LANCZOS,
}
# WebP hints, in the order of their number in file names (h1 ...).
HINTS = ["picture", "photo", "drawing", "icon", "text"]
# Hugo's version of its processing of a source format, in file names.
_FORMAT_VERSIONS = {"PNG": 3, "WEBP": 2, "GIF": 1}

# Hugo's imaging defaults (config ``imaging``).
DEFAULT_QUALITY = 75
DEFAULT_FILTER = "box"
DEFAULT_ANCHOR = "smart"
DEFAULT_BACKGROUND = "ffffff"


class ImageConfig:
    """Hugo's image spec (``"600x400 center q80 webp r90 #fff"``), read by
    Hugo's rules: words in any case and order; for ``fit``, ``fill`` and
    ``crop`` both sizes are required."""

    def __init__(self, action: str, imaging: Mapping[str, Any]) -> None:
        defaults = {str(k).lower(): v for k, v in imaging.items()}
        self.action = action
        self.width = 0
        self.height = 0
        self.quality = int(defaults.get("quality") or DEFAULT_QUALITY)
        self.quality_given = False
        self.background_given = ""
        self.rotate = 0
        self.format: str | None = None
        self.filter = str(defaults.get("resamplefilter") or DEFAULT_FILTER).lower()
        self.anchor = str(defaults.get("anchor") or DEFAULT_ANCHOR).lower()
        background = str(defaults.get("bgcolor") or "").lower().lstrip("#")
        self.background: str | None = background or None
        self.hint = str(defaults.get("hint") or "photo").lower()
        if self.filter not in FILTERS or self.anchor not in {*ANCHORS, "smart"}:
            raise ValueError(
                f"the config's imaging.resampleFilter {self.filter!r} or "
                f"imaging.anchor {self.anchor!r} is not one Hugo knows"
            )

    @classmethod
    def parse(cls, action: str, spec: str, imaging: Mapping[str, Any]) -> ImageConfig:
        """``spec`` read, or ValueError with Hugo's message."""
        config = cls(action, imaging)
        for word in spec.split():
            part = word.lower()
            if part in HINTS:
                config.hint = part
            elif part.startswith("#"):
                _check_color(part[1:])
                config.background = config.background_given = part[1:]
            elif part in ANCHORS or part == "smart":
                config.anchor = part
            elif part in FILTERS:
                config.filter = part
            elif part in FORMATS:
                config.format = FORMATS[part]
            elif part.startswith("q"):
                config.quality = _integer(part[1:], word)
                config.quality_given = True
                if not 1 <= config.quality <= 100:
                    raise ValueError("quality ranges from 1 to 100 inclusive")
            elif part.startswith("r"):
                config.rotate = _integer(part[1:], word)
            elif "x" in part:
                sizes = part.split("x")
                if len(sizes) != 2:
                    raise ValueError("invalid image dimensions")
                config.width = _integer(sizes[0], word) if sizes[0] else 0
                config.height = _integer(sizes[1], word) if sizes[1] else 0
            # Any other word is left out, as Hugo does.
        if action != "resize" and (config.width <= 0 or config.height <= 0):
            raise ValueError("must provide Width and Height")
        if config.width <= 0 and config.height <= 0:
            raise ValueError("must provide Width or Height")
        return config

    def key(self, source: str, target: str) -> str:
        """The spec's part of the output name, as Hugo 0.111 makes it
        (ImageConfig.GetKey)."""
        parts = [f"{self.width}x{self.height}", self.action]
        if self.quality_given or target in ("JPEG", "WEBP"):
            parts.append(f"q{self.quality}")
        if self.rotate:
            parts.append(f"r{self.rotate}")
        if self.background_given:
            parts.append(f"bg{self.background_given}")
        elif source != "JPEG" and target == "JPEG":
            parts.append(f"bg{self.background or DEFAULT_BACKGROUND}")
        if target == "WEBP":
            parts.append(f"h{HINTS.index(self.hint) + 1}")
        parts.append(self.filter)
        if self.action in ("fill", "crop"):
            parts.append("smart1" if self.anchor == "smart" else self.anchor)
        if source in _FORMAT_VERSIONS:
            parts.append(str(_FORMAT_VERSIONS[source]))
        return "_".join(parts)

    def size(self, source: tuple[int, int]) -> tuple[int, int]:
        """The processed image's size, by gift's rules as Hugo uses them."""
        width, height = _rotated_size(source, self.rotate)
        w, h = self.width, self.height
        if self.action == "resize":
            if w == 0:
                return max(1, math.floor(h * width / height + 0.5)), h
            if h == 0:
                return w, max(1, math.floor(w * height / width + 0.5))
            return w, h
        if self.action == "fit":
            if width <= w and height <= h:
                return width, height
            w_ratio, h_ratio = width / w, height / h
            if w_ratio > h_ratio:
                return w, min(h, int(height / w_ratio + 0.5))
            return min(w, int(width / h_ratio + 0.5)), h
        if self.action == "fill":
            return w, h
        if self.anchor == "smart":
            scale = min(width / w, height / h)
            kept = int(w * scale), int(h * scale)
            if all(kept):  # else smartcrop finds nothing: all of it is kept
                width, height = kept
        return min(w, width), min(h, height)


def _integer(text: str, word: str) -> int:
    """Go's strconv.Atoi, with its message."""
    if not re.fullmatch(r"[-+]?[0-9]+", text, re.ASCII):
        raise ValueError(f"strconv.Atoi: parsing {_go_quote(text)}: invalid syntax")
    return int(text)


def _go_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check_color(code: str) -> None:
    """Hugo's hexStringToColor: 3 or 6 hex digits, else its message."""
    if len(code.encode("utf-8")) not in (3, 6):
        raise ValueError(f"invalid color code: {_go_quote(code)}")
    for byte in code.encode("utf-8"):
        if chr(byte) not in "0123456789abcdefABCDEF":
            raise ValueError(f"encoding/hex: invalid byte: U+{byte:04X} {chr(byte)!r}")


def _rotated_size(size: tuple[int, int], degrees: int) -> tuple[int, int]:
    if degrees % 180 == 0:
        return size
    if degrees % 90 == 0:
        return size[1], size[0]
    angle = math.radians(degrees)
    width, height = size
    return (
        math.ceil(abs(width * math.cos(angle)) + abs(height * math.sin(angle))),
        math.ceil(abs(width * math.sin(angle)) + abs(height * math.cos(angle))),
    )
