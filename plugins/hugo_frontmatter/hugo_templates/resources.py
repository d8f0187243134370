"""Hugo 0.111's resources: a page bundle's files, an asset, a processed image.

- ``page_resources``: ``.Page.Resources``, listed in Hugo's order.
- ``Resources``: ``.Get``, ``.GetMatch``, ``.Match`` (Hugo's globs),
  ``.ByType``.
- ``Resource`` / ``ImageResource``: ``.Name``, ``.RelPermalink``,
  ``.MediaType`` ...; an image adds ``.Width``, ``.Height`` and
  ``.Resize``/``.Fit``/``.Fill``/``.Crop``, made with Pillow at Hugo's sizes.

Nothing is written here: a file to publish goes to ``bindings.output``.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import math
import mimetypes
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from PIL import Image, ImageOps, UnidentifiedImageError

from cameo_shared.paths import display_path

from ..content.params import Params
from .bindings import SiteBindings
from .funcs.gosort import stable_sort

logger = logging.getLogger(__name__)

# Hugo's own media types (media/mediaType.go); other suffixes are looked up
# in the system's table, as Go's mime package does.
_HUGO_TYPES = {
    "image/jpeg": ["jpg", "jpeg", "jpe", "jif", "jfif"],
    "text/javascript": ["js", "jsm", "mjs"],
    "application/rss+xml": ["xml", "rss"],
    "application/xml": ["xml"],
    "application/yaml": ["yaml", "yml"],
    "video/3gpp": ["3gpp", "3gp"],
    "video/mpeg": ["mpg", "mpeg"],
    "text/calendar": ["ics"],
    "text/css": ["css"],
    "text/x-scss": ["scss"],
    "text/x-sass": ["sass"],
    "text/csv": ["csv"],
    "text/html": ["html"],
    "text/typescript": ["ts"],
    "text/tsx": ["tsx"],
    "text/jsx": ["jsx"],
    "application/json": ["json"],
    "application/manifest+json": ["webmanifest"],
    "image/svg+xml": ["svg"],
    "text/plain": ["txt"],
    "application/toml": ["toml"],
    "image/png": ["png"],
    "image/gif": ["gif"],
    "image/bmp": ["bmp"],
    "image/webp": ["webp"],
    "font/ttf": ["ttf"],
    "font/otf": ["otf"],
    "application/pdf": ["pdf"],
    "text/markdown": ["md", "markdown"],
    "video/mp4": ["mp4"],
    "video/ogg": ["ogv"],
    "video/webm": ["webm"],
    "video/x-msvideo": ["avi"],
    "audio/mpeg": ["mp3"],
    "audio/ogg": ["ogg"],
    "audio/x-wav": ["wav"],
}
_BY_SUFFIX: dict[str, str] = {}
for _type, _suffixes in reversed(_HUGO_TYPES.items()):
    for _suffix in _suffixes:
        _BY_SUFFIX[_suffix] = _type
_BY_SUFFIX["xml"] = "application/xml"
# Content files: pages, never resources.
CONTENT_SUFFIXES = frozenset(
    "md markdown mdown html htm adoc asciidoc ad pdc pandoc rst org".split()
)
# Image formats Hugo 0.111 can process, by the suffix it writes.
_FORMATS = {
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
_SUFFIX_OF_FORMAT = {
    "JPEG": "jpg",
    "PNG": "png",
    "GIF": "gif",
    "TIFF": "tif",
    "BMP": "bmp",
    "WEBP": "webp",
}
# Hugo's anchors: where the kept part sits, as (x, y) in halves.
_ANCHORS = {
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
_FILTERS = {
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
_HINTS = ["picture", "photo", "drawing", "icon", "text"]
# Hugo's version of its processing of a source format, in file names.
_FORMAT_VERSIONS = {"PNG": 3, "WEBP": 2, "GIF": 1}
# Longer names than this get their spec as a hash (Hugo's md5Threshold).
_NAME_LIMIT = 100
# Hugo's imaging defaults (config ``imaging``).
DEFAULT_QUALITY = 75
DEFAULT_FILTER = "box"
DEFAULT_ANCHOR = "smart"
DEFAULT_BACKGROUND = "ffffff"


class MediaType:
    """Hugo's ``media.Type``: prints as ``image/jpeg``."""

    def __init__(self, main: str, sub: str, suffixes: list[str]) -> None:
        self.Type = f"{main}/{sub}"
        self.MainType = main
        self.SubType = sub.split("+")[0]  # svg of image/svg+xml
        self.Suffixes = suffixes

    def String(self) -> str:
        return self.Type

    @property
    def FirstSuffix(self) -> dict[str, str]:
        suffix = self.Suffixes[0] if self.Suffixes else ""
        return {"Suffix": suffix, "FullSuffix": f".{suffix}" if suffix else ""}


def media_type(name: str) -> MediaType:
    """The media type Hugo gives a file by its suffix: its own table, then
    the system's; no suffix is ``application/octet-stream``, an unknown one
    the empty type (``/``)."""
    suffix = name.rsplit(".", 1)[1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if not suffix:
        return MediaType("application", "octet-stream", [])
    known = _BY_SUFFIX.get(suffix)
    if known:
        main, sub = known.split("/")
        return MediaType(main, sub, _HUGO_TYPES[known])
    guessed, _ = mimetypes.guess_type(f"x.{suffix}", strict=False)
    if guessed:
        main, sub = guessed.split(";")[0].split("/")
        return MediaType(main, sub, [suffix])
    return MediaType("", "", [])


class Resource:
    """One file as Hugo's templates see it. ``publish`` is called with the
    resource the first time its URL is used (Hugo publishes then)."""

    def __init__(
        self,
        name: str,
        rel_permalink: str,
        base_url: str,
        load: Callable[[], bytes],
        publish: Callable[[Resource], None] | None = None,
        media: MediaType | None = None,
    ) -> None:
        self._name = name
        self._title = name
        self._rel_permalink = rel_permalink
        self._base_url = base_url
        self._load = load
        self._publish = publish
        self._published = False
        self._media = media or media_type(name)
        self._params = Params()
        self.Data: dict[str, Any] = {}
        self.source = name  # the file, for messages (not a template field)

    @property
    def Name(self) -> str:
        return self._name

    @property
    def Title(self) -> str:
        return self._title

    @property
    def Params(self) -> Params:
        return self._params

    @property
    def MediaType(self) -> MediaType:
        return self._media

    @property
    def ResourceType(self) -> str:
        return self._media.MainType

    @property
    def RelPermalink(self) -> str:
        if self._publish and not self._published:
            self._published = True
            self._publish(self)
        return self._rel_permalink

    @property
    def Permalink(self) -> str:
        relative = self.RelPermalink
        parts = urlsplit(self._base_url)
        if not parts.netloc:
            return relative
        return f"{parts.scheme}://{parts.netloc}{relative}"

    @property
    def Content(self) -> str:
        return self.bytes().decode("utf-8", errors="replace")

    def target_path(self) -> str:
        """The URL path, without publishing (not a template method)."""
        return self._rel_permalink

    def bytes(self) -> bytes:
        """The file's bytes (not a template method: lower case)."""
        return self._load()

    def String(self) -> str:
        return self._rel_permalink


class ImageResource(Resource):
    """An image Hugo can process: its size, and Hugo's four methods."""

    def __init__(self, *args: Any, bindings: SiteBindings, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bindings = bindings
        self._size: tuple[int, int] | None = None

    def _open(self) -> Image.Image:
        image = Image.open(io.BytesIO(self.bytes()))
        image.load()
        return image

    @property
    def Width(self) -> int:
        return self._dimensions()[0]

    @property
    def Height(self) -> int:
        return self._dimensions()[1]

    def _dimensions(self) -> tuple[int, int]:
        """The size; an image that cannot be decoded is 0x0, as in Hugo."""
        if self._size is None:
            try:
                with Image.open(io.BytesIO(self.bytes())) as image:
                    self._size = image.size
            except (UnidentifiedImageError, OSError) as error:
                logger.warning("image %s cannot be read: %s", self.source, error)
                self._size = (0, 0)
        return self._size

    def Resize(self, spec: str) -> ImageResource:
        return self._process("resize", spec)

    def Fit(self, spec: str) -> ImageResource:
        return self._process("fit", spec)

    def Fill(self, spec: str) -> ImageResource:
        return self._process("fill", spec)

    def Crop(self, spec: str) -> ImageResource:
        return self._process("crop", spec)

    def _process(self, action: str, spec: Any) -> ImageResource:
        config = ImageConfig.parse(action, str(spec), self._bindings.imaging)
        source_suffix = self._name.rsplit(".", 1)[-1].lower()
        source_format = _FORMATS.get(source_suffix)
        if source_format is None:
            raise ValueError(f"image format of {self._name!r} cannot be processed")
        target = config.format or source_format
        if self._dimensions() == (0, 0):
            raise ValueError(f'image "{self.source}": {action} : image: unknown format')
        data = self.bytes()
        relative = _processed_path(
            self._rel_permalink,
            _md5_fast(data),
            len(data),
            config.key(source_format, target),
            None if target == source_format else _SUFFIX_OF_FORMAT[target],
        )
        size = config.size(self._dimensions())
        bindings = self._bindings
        cache: dict[str, bytes] = {}

        def load() -> bytes:
            if "bytes" not in cache:
                cache["bytes"] = _cached(
                    bindings.cache,
                    # The whole source's hash: Hugo's name hashes only parts.
                    f"{hashlib.sha256(data).hexdigest()}_{relative.rsplit('/')[-1]}",
                    lambda: _encode(config, self._open(), size, target),
                )
            return cache["bytes"]

        def publish(resource: Resource) -> None:
            bindings.output.add(output_path(relative, bindings), resource.bytes())

        processed = ImageResource(
            self._name,
            relative,
            self._base_url,
            load,
            publish,
            media_type(relative),
            bindings=bindings,
        )
        processed._size = size
        processed._title = self._title
        processed.source = self.source
        processed._params = self._params
        return processed


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
        if self.filter not in _FILTERS or self.anchor not in {*_ANCHORS, "smart"}:
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
            if part in _HINTS:
                config.hint = part
            elif part.startswith("#"):
                _check_color(part[1:])
                config.background = config.background_given = part[1:]
            elif part in _ANCHORS or part == "smart":
                config.anchor = part
            elif part in _FILTERS:
                config.filter = part
            elif part in _FORMATS:
                config.format = _FORMATS[part]
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
            parts.append(f"h{_HINTS.index(self.hint) + 1}")
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


def output_path(link: str, bindings: SiteBindings) -> str:
    """Where the file at URL path ``link`` is written in the output: without
    the base URL's path (``/blog/css/a.css`` is ``css/a.css``), as in Hugo."""
    base = urlsplit(bindings.base_url).path.rstrip("/") + "/"
    return link[len(base) :] if link.startswith(base) else link.lstrip("/")


def _md5_fast(data: bytes) -> str:
    """Hugo's MD5FromFileFast: 64 bytes at 0, then at 2048 (seven times, as
    its seek is absolute), a short read hashing the whole buffer."""
    digest = hashlib.md5(usedforsecurity=False)
    buffer = bytearray(64)
    for chunk in range(8):
        start = 0 if chunk == 0 else 2048
        read = data[start : start + 64]
        buffer[: len(read)] = read
        digest.update(buffer)
        if len(read) < 64:
            break
    return digest.hexdigest()


def _processed_path(
    link: str, digest: str, size: int, key: str, suffix: str | None
) -> str:
    """Where Hugo 0.111 writes a processed image (relTargetPathFromConfig):
    ``NAME_huHASH_SIZE_KEY.EXT`` beside the original."""
    folder, _, base = link.rpartition("/")
    name, dot, extension = base.rpartition(".")
    if not dot:
        name, extension = base, ""
    extension = f".{suffix}" if suffix else (f".{extension}" if dot else "")
    id_part = f"_hu{digest}_{size}"
    if len(name) + len(id_part) + len(extension) > _NAME_LIMIT:
        key = hashlib.md5(
            (name + key + extension).encode("utf-8"), usedforsecurity=False
        ).hexdigest()
        name = name[: name.index("_hu")] if "_hu" in name else ""
    elif id_part in name:
        id_part = ""
    return f"{folder}/{name}{id_part}_{key}{extension}"


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


def _long_color(color: str) -> str:
    return "".join(c * 2 for c in color) if len(color) == 3 else color


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


def _encode(
    config: ImageConfig, image: Image.Image, size: tuple[int, int], target: str
) -> bytes:
    """The processed image's bytes in ``target`` format."""
    if not all(size):
        raise ValueError(
            f"the processed image would be {size[0]}x{size[1]} pixels; "
            "give a larger size"
        )
    image = image.convert("RGBA")
    if config.rotate:
        image = image.rotate(config.rotate, expand=True)
    resample = _FILTERS[config.filter]
    width, height = image.size
    if config.action in ("resize", "fit"):
        image = image.resize(size, resample)
    elif config.action == "fill":
        anchor = (1, 1) if config.anchor == "smart" else _ANCHORS[config.anchor]
        image = ImageOps.fit(
            image, size, resample, centering=(anchor[0] / 2, anchor[1] / 2)
        )
    else:
        anchor = (1, 1) if config.anchor == "smart" else _ANCHORS[config.anchor]
        left = (width - size[0]) * anchor[0] // 2
        top = (height - size[1]) * anchor[1] // 2
        image = image.crop((left, top, left + size[0], top + size[1]))
    if target in ("JPEG", "BMP", "GIF") or config.background_given:
        color = "#" + _long_color(config.background or DEFAULT_BACKGROUND)
        flat = Image.new("RGB", image.size, color)
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    options: dict[str, Any] = {}
    if target in ("JPEG", "WEBP"):
        options["quality"] = config.quality
    image.save(out, format=target, **options)
    return out.getvalue()


def _cached(cache: str | None, name: str, make: Callable[[], bytes]) -> bytes:
    """``make()``, kept in ``cache`` under ``name`` (the source's hash and
    the spec) so that a rebuild does not encode the image again."""
    if not cache:
        return make()
    path = os.path.join(cache, "hugo-images", name)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        pass
    data = make()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.part"
    with open(partial, "wb") as handle:
        handle.write(data)
    os.replace(partial, path)
    return data


class Resources(Sequence):
    """Hugo's ``resource.Resources``: a slice with Hugo's finders (a Sequence
    rather than a list, which the engine takes for a plain slice)."""

    def __init__(self, items: Iterable[Resource] = ()) -> None:
        self._items = list(items)

    def __getitem__(self, index: Any) -> Any:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def ByType(self, kind: Any) -> Resources:
        return Resources(r for r in self if r.ResourceType == str(kind))

    def Get(self, name: Any) -> Resource | None:
        wanted = str(name).lower()
        return next((r for r in self if r.Name.lower() == wanted), None)

    def GetMatch(self, pattern: Any) -> Resource | None:
        matches = glob_matcher(str(pattern))
        return next((r for r in self if matches(r.Name)), None)

    def Match(self, pattern: Any) -> Resources:
        matches = glob_matcher(str(pattern))
        return Resources(r for r in self if matches(r.Name))


def glob_matcher(pattern: str) -> Callable[[str], bool]:
    """Hugo's glob (gobwas/glob with ``/`` as the separator), case-insensitive:
    ``*`` and ``?`` stay within a folder, ``**`` does not, ``[a-z]``,
    ``[!a]``, ``{a,b}``, ``\\`` escapes. A bad pattern is a ValueError."""
    regex = re.compile(_glob_regex(pattern.lower(), 0, False)[0] + r"\Z", re.DOTALL)
    return lambda name: regex.match(name.lower()) is not None


def _glob_regex(pattern: str, at: int, in_braces: bool) -> tuple[str, int]:
    out: list[str] = []
    while at < len(pattern):
        char = pattern[at]
        if in_braces and char in ",}":
            return "".join(out), at
        if char == "*":
            if pattern.startswith("**", at):
                out.append(".*")
                at += 2
            else:
                out.append("[^/]*")
                at += 1
            continue
        if char == "?":
            out.append("[^/]")
        elif char == "\\":
            at += 1
            if at >= len(pattern):
                raise ValueError(f"bad glob pattern {pattern!r}: unexpected end")
            out.append(re.escape(pattern[at]))
        elif char == "[":
            end = pattern.find("]", at + 1)
            if end < 0:
                raise ValueError(f"bad glob pattern {pattern!r}: unclosed '['")
            body = pattern[at + 1 : end]
            negate = body.startswith("!")
            body = body[1:] if negate else body
            if not body:
                raise ValueError(f"bad glob pattern {pattern!r}: empty '[]'")
            out.append(_glob_class(body, negate, pattern))
            at = end
        elif char == "{":
            choices = []
            at += 1
            while True:
                choice, at = _glob_regex(pattern, at, True)
                choices.append(choice)
                if at >= len(pattern):
                    raise ValueError(f"bad glob pattern {pattern!r}: unclosed '{{'")
                if pattern[at] == "}":
                    break
                at += 1
            out.append("(?:" + "|".join(choices) + ")")
        else:
            out.append(re.escape(char))
        at += 1
    if in_braces:
        return "".join(out), at
    return "".join(out), at


def _glob_class(body: str, negate: bool, pattern: str) -> str:
    if len(body) == 3 and body[1] == "-":
        if body[0] > body[2]:
            raise ValueError(f"bad glob pattern {pattern!r}: bad range")
        inside = f"{re.escape(body[0])}-{re.escape(body[2])}"
    else:
        inside = "".join(re.escape(c) for c in body)
    return f"[{'^' if negate else ''}{inside}]"


def page_resources(
    folder: str,
    rel_permalink: str,
    bindings: SiteBindings,
    metadata: Any = None,
) -> Resources:
    """``.Page.Resources`` of the page whose bundle is ``folder``: every file
    that is not content, in the folder and below for a leaf bundle
    (``index.md``), in the folder only for a branch bundle (``_index.md``),
    in Hugo's order. ``metadata`` is the page's front matter ``resources``
    (``src`` globs giving ``name``, ``title``, ``params``). Hugo's own copy
    of each file is published by the site."""
    branch = any(name.startswith("_index.") for name in _listing(folder))
    base = rel_permalink if rel_permalink.endswith("/") else rel_permalink + "/"
    found: list[Resource] = []
    for relative, path in walk_files(folder, "", not branch):
        if _is_content(relative) and re.match(r"_?index\.", relative):
            continue  # the page itself
        if _is_content(relative):
            # A page in the bundle: Hugo lists it too, and it takes part in
            # the order of the others (below); not listed here.
            found.append(_PageInBundle(relative, bindings))
        else:
            found.append(make_resource(relative, base + relative, path, bindings))
    stable_sort(found, _hugo_resource_less)
    if metadata:  # sorted again by the names given, as Hugo 0.111 does
        _assign_metadata(metadata, found)
        stable_sort(found, _hugo_resource_less)
    return Resources(r for r in found if not isinstance(r, _PageInBundle))


def _assign_metadata(metadata: Any, found: list[Resource]) -> None:
    """Hugo's AssignMetadata: for each resource, the first entry whose ``src``
    glob matches gives its name and title (``:counter`` numbers the matches
    of that glob), and every matching entry adds the params it lacks."""
    if not isinstance(metadata, list) or not all(
        isinstance(entry, Mapping) for entry in metadata
    ):
        raise ValueError("the front matter's resources must be a list of maps")
    entries = []
    for entry in metadata:
        fields = {str(k).lower(): v for k, v in entry.items()}
        if "src" not in fields:
            raise ValueError("missing 'src' in metadata for resource")
        source = str(fields["src"]).lower()
        entries.append((source, glob_matcher(source), fields))
    counters: dict[str, int] = {}
    for resource in found:
        if isinstance(resource, _PageInBundle):
            continue
        name = resource._name.lower()
        assigned: dict[str, int] = {}
        for source, matches, fields in entries:
            if not matches(name):
                continue
            for field in ("name", "title"):
                if field in assigned or field not in fields:
                    continue
                text = str(fields[field])
                number = 0
                if ":counter" in text:
                    key = f"{field}_{source}"
                    number = counters[key] = counters.get(key, 0) + 1
                assigned[field] = number
                text = text.replace(":counter", str(number))
                if field == "name":
                    resource._name = text
                else:
                    resource._title = text
            if isinstance(fields.get("params"), Mapping):
                for key, value in Params(fields["params"]).items():
                    if key not in resource._params:
                        resource._params[key] = value


class _PageInBundle(Resource):
    def __init__(self, name: str, bindings: SiteBindings) -> None:
        super().__init__(name, "", bindings.base_url, bytes)

    @property
    def ResourceType(self) -> str:
        return "page"


def _is_content(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return "." in base and base.rsplit(".", 1)[1].lower() in CONTENT_SUFFIXES


def walk_files(
    folder: str, prefix: str = "", below: bool = True
) -> Iterable[tuple[str, str]]:
    """Files under ``folder`` in Hugo's order: names sorted in any case,
    a folder's files in its place; ``below`` false: this folder's only."""
    for name in sorted(_listing(folder), key=str.lower):
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if below:
                yield from walk_files(path, f"{prefix}{name}/", below)
        else:
            yield f"{prefix}{name}", path


def _listing(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def make_resource(
    name: str,
    rel_permalink: str,
    path: str,
    bindings: SiteBindings,
    publish: Callable[[Resource], None] | None = None,
) -> Resource:
    """The resource for the file at ``path``: an image Hugo can process is an
    ``ImageResource``."""

    def load() -> bytes:
        with open(path, "rb") as handle:
            return handle.read()

    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in _FORMATS:
        resource: Resource = ImageResource(
            name, rel_permalink, bindings.base_url, load, publish, bindings=bindings
        )
    else:
        resource = Resource(name, rel_permalink, bindings.base_url, load, publish)
    resource.source = display_path(path)
    return resource


def _hugo_resource_less(a: Resource, b: Resource) -> bool:
    # Hugo's comparison, which is not a strict order: its result depends on
    # the sort that uses it (Go's sort.SliceStable, done as Go does it).
    if a.ResourceType < b.ResourceType:
        return True
    a_page, b_page = isinstance(a, _PageInBundle), isinstance(b, _PageInBundle)
    if a_page or b_page:
        return b_page and (not a_page or a._name < b._name)
    return a._name < b._name


def integrity(data: bytes, algorithm: str = "sha256") -> tuple[str, str]:
    """The hex digest and the ``integrity`` attribute's value (SRI)."""
    digest = hashlib.new(algorithm, data)
    return digest.hexdigest(), f"{algorithm}-" + base64.b64encode(
        digest.digest()
    ).decode("ascii")
