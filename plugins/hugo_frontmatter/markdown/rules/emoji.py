"""Hugo's ``enableEmoji``: ``:smile:`` codes replaced in the Markdown itself,
before it is parsed (in code too; heading ids are made from the result)."""

from __future__ import annotations

import functools


@functools.cache
def emoji_codes() -> dict[str, str]:
    """``:smile:`` -> 😄, from the ``emoji`` package's GitHub aliases."""
    import emoji

    codes: dict[str, str] = {}
    for char, data in emoji.EMOJI_DATA.items():
        for alias in data.get("alias", ()):
            codes.setdefault(alias, char)
    for char, data in emoji.EMOJI_DATA.items():
        codes.setdefault(data["en"], char)
    return codes


def emojify(text: str) -> str:
    """Replace each known ``:code:``, anywhere in the text, as Hugo does."""
    if ":" not in text:
        return text
    codes = emoji_codes()
    out: list[str] = []
    done = 0
    start = text.find(":")
    while start >= 0:
        end = text.find(":", start + 1)
        if end < 0:
            break
        char = codes.get(text[start : end + 1])
        if char is None:
            start = end
            continue
        out.append(text[done:start])
        out.append(char)
        done = end + 1
        start = text.find(":", done)
    out.append(text[done:])
    return "".join(out)
