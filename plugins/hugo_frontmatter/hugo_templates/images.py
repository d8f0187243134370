"""Hugo's image processing (resources/image.go): an ``ImageResource``'s
size, and its ``.Resize``, ``.Fit``, ``.Fill`` and ``.Crop`` made with
Pillow at Hugo's sizes, named and placed as Hugo 0.111 names them, kept in
the build's cache so a rebuild does not encode an image again."""

from __future__ import annotations

import hashlib
import io
import logging
import os
from collections.abc import Callable
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from .bindings import SiteBindings
from .image_config import (
    ANCHORS,
    DEFAULT_BACKGROUND,
    FILTERS,
    FORMATS,
    ImageConfig,
)
from .media_types import media_type
from .resource import Resource, output_path

logger = logging.getLogger(__name__)

_SUFFIX_OF_FORMAT = {
    "JPEG": "jpg",
    "PNG": "png",
    "GIF": "gif",
    "TIFF": "tif",
    "BMP": "bmp",
    "WEBP": "webp",
}
# Longer names than this get their spec as a hash (Hugo's md5Threshold).
_NAME_LIMIT = 100


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
        source_format = FORMATS.get(source_suffix)
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


def _long_color(color: str) -> str:
    return "".join(c * 2 for c in color) if len(color) == 3 else color


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
    resample = FILTERS[config.filter]
    width, height = image.size
    if config.action in ("resize", "fit"):
        image = image.resize(size, resample)
    elif config.action == "fill":
        anchor = (1, 1) if config.anchor == "smart" else ANCHORS[config.anchor]
        image = ImageOps.fit(
            image, size, resample, centering=(anchor[0] / 2, anchor[1] / 2)
        )
    else:
        anchor = (1, 1) if config.anchor == "smart" else ANCHORS[config.anchor]
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
