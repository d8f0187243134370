"""Hugo's ``lang`` namespace: ``lang.Translate`` and its short names
``i18n`` and ``T``, from the site's and theme's ``i18n/`` files, as Hugo
0.111 (go-i18n v2) translates.

- The language: the page's if it has an ``i18n/`` file (even an empty
  one) or is English (always in go-i18n's bundle), else the default
  language's (``defaultContentLanguage``) if it has one, else none (``""``,
  even with placeholders).
- Its message, else English's (go-i18n's bundle language, whatever the
  default language is); none: ``""``, or ``[i18n] ID`` when
  ``enableMissingTranslationPlaceholders`` is on (also for a message found
  only in English, as in Hugo).
- The plural form by CLDR's rules (Babel's) for the count: an integer
  argument, a map's ``Count`` (any case), a number in a string; a float
  counts with its decimals (``1.0`` is ``other`` in English). A form the
  message lacks is ``other``; no ``other`` either: ``""``.
- The text is a Go template run with the argument (an integer as
  ``.Count``); one that fails gives ``""``, as in Hugo.
"""

from __future__ import annotations

import decimal
import logging
from collections.abc import Callable, Mapping
from typing import Any

from babel import Locale, UnknownLocaleError

from ...gotemplate import MISSING, Template, TemplateError
from ..bindings import SiteBindings
from ..data import translation_tables
from ..gocast import to_string

logger = logging.getLogger(__name__)

# Hugo's go-i18n bundle falls back on English, whatever the default
# content language is (checked with hugo 0.111).
_BUNDLE_LANGUAGE = "en"


class _IntCount:
    """Hugo's ``intCount``: an integer argument as ``.Count``."""

    def __init__(self, count: int) -> None:
        self.Count = count


class LangNamespace:
    """``lang``: translations for one language's site."""

    GO_TYPE = "*lang.Namespace"

    def __init__(self, bindings: SiteBindings) -> None:
        self._bindings = bindings
        self._tables: dict[str, dict[str, dict[str, str]]] | None = None
        self._templates: dict[str, Template] = {}

    def Translate(self, message_id: Any, *data: Any) -> str:
        """Hugo's ``T "id" [data]``."""
        if len(data) > 1:
            raise ValueError("wrong number of arguments, expecting at most 2")
        bindings = self._bindings
        if self._tables is None:
            self._tables = translation_tables(bindings.roots())
        wanted = to_string(message_id)
        argument = data[0] if data else None
        count = _plural_count(argument)
        if isinstance(argument, int) and not isinstance(argument, bool):
            argument = _IntCount(argument)
        current = bindings.language.lower()
        default = bindings.default_language.lower()
        known = self._tables.keys() | {_BUNDLE_LANGUAGE}
        if current not in known:
            # Hugo: a language without i18n files translates as the default
            # language does; neither has any: nothing, even a placeholder.
            if default not in known:
                return ""
            current = default
        for language in dict.fromkeys([current, _BUNDLE_LANGUAGE]):
            forms = self._tables.get(language, {}).get(wanted)
            if forms is not None:
                break
        else:
            return self._missing(wanted, "")
        text = self._render(wanted, forms, language, count, argument)
        if language == current and text is not None:
            return text
        return self._missing(wanted, text or "")

    def _missing(self, message_id: str, text: str) -> str:
        if self._bindings.missing_translation_placeholders:
            return f"[i18n] {message_id}"
        return text

    def _render(
        self,
        message_id: str,
        forms: Mapping[str, str],
        language: str,
        count: Any,
        argument: Any,
    ) -> str | None:
        form = "other" if count is None else _plural_form(language, count)
        text = forms.get(form, forms.get("other"))
        if text is None:
            logger.warning(
                "i18n: message %r of %r has no plural form %r",
                message_id,
                language,
                form,
            )
            return None
        if "{{" not in text:
            return text
        template = self._templates.get(text)
        try:
            if template is None:
                template = self._templates[text] = Template("").parse(text)
            return template.execute(MISSING if argument is None else argument)
        except TemplateError as error:
            logger.warning(
                "i18n: message %r of %r cannot be made: %s", message_id, language, error
            )
            return None


def _plural_count(value: Any) -> Any:
    """Hugo's getPluralCount: the number that picks the plural form, or None."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if str(key).lower() == "count":
                return _count_value(item)
        return None
    count = getattr(value, "Count", None)
    if count is not None and not isinstance(value, (str, int, float)):
        return _count_value(count() if callable(count) else count)
    return _count_value(value)


def _count_value(value: Any) -> Any:
    if isinstance(value, float):  # Go's FormatFloat(f, 'f', -1), and ".0"
        text = format(decimal.Decimal(repr(value)), "f") if value == value else "NaN"
        return text if "." in text else text + ".0"
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return None
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    return None


def _plural_form(language: str, count: Any) -> str:
    """CLDR's plural category of ``count`` (its visible decimals count)."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            locale = Locale.parse(language.split("-")[0])
        except (UnknownLocaleError, ValueError):
            return "other"
    try:
        return locale.plural_form(decimal.Decimal(str(count)))
    except (decimal.InvalidOperation, ValueError):
        return "other"


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """``lang`` and Translate's short names, as in Hugo's tpl/lang/init.go."""
    lang = LangNamespace(bindings)
    return {"lang": lambda: lang, "i18n": lang.Translate, "T": lang.Translate}
