"""The theme's translations: the catalogue for a language, each messages.po
read and compiled once per process (and again only after it changes), and
a page's own ``gettext`` when its language is not the site's."""

from __future__ import annotations

import io
import os
from functools import lru_cache

from jinja2 import pass_context
from markupsafe import Markup


def catalogue(theme: str, language: str):
    """The theme's translations for ``language`` (``zh``, ``zh-CN``, ``zh_CN``
    ...), from ``translations/<locale>/LC_MESSAGES/messages.po``; None for
    English or a language the theme has no catalogue for."""
    path = po_file(theme, language)
    if path is None:
        return None
    return compiled(path, os.stat(path).st_mtime_ns)


def po_file(theme: str, language: str) -> str | None:
    folder = os.path.join(theme, "translations")
    if not language or not os.path.isdir(folder):
        return None
    wanted = language.replace("-", "_").lower()
    for locale in sorted(os.listdir(folder)):
        if locale.lower() == wanted or locale.lower().split("_")[0] == wanted:
            path = os.path.join(folder, locale, "LC_MESSAGES", "messages.po")
            return path if os.path.isfile(path) else None
    return None


@lru_cache(maxsize=16)
def compiled(path: str, mtime_ns: int):
    """``path`` parsed and compiled. Each of a build's generators asks for
    the catalogue; the file's time is in the key, so an edit is read again."""
    # Babel is imported only for a language the theme translates.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    locale = os.path.basename(os.path.dirname(os.path.dirname(path)))
    with open(path, "rb") as handle:
        messages = read_po(handle, locale=locale)
    binary = io.BytesIO()
    write_mo(binary, messages)
    binary.seek(0)
    return Translations(fp=binary)


def gettext_for(theme: str, language: str):
    """A newstyle ``gettext`` for templates (what ``_()`` calls) in
    ``language``: the theme's catalogue for it, or the texts as written."""
    found = catalogue(theme, language)
    translate = found.gettext if found is not None else str

    @pass_context
    def gettext(context, text: str, **variables) -> str:
        translated = translate(text)
        if context.eval_ctx.autoescape:
            translated = Markup(translated)  # the variables get escaped
        return translated % variables if variables else translated

    return gettext
