"""Hugo's media types (media/mediaType.go): ``media_type`` gives a file's
``MediaType`` by its suffix, from Hugo's own table, then the system's."""

from __future__ import annotations

import logging
import mimetypes

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
