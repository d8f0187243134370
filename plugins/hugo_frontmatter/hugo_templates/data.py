"""``.Site.Data``: the files under ``data/`` of the site and its theme, read
as Hugo 0.111 reads them; and the ``i18n/`` tables (``translation_tables``).

- A file's name (without suffix) is its key, its folders nested maps;
  keys keep their case.
- JSON (numbers are Go's float64), YAML (go-yaml v2's rules, as the config
  is read), TOML and XML (the root element's content, attributes as
  ``-name``, text as ``#text``, every value text). Hugo 0.111 stops at a
  CSV file in ``data/``; so does this, saying so.
- The site's files come first and win: a later file with the same key adds
  only the top-level keys its map has and the earlier one does not (the
  theme's ``data/x.json`` fills in what the site's leaves out).
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from typing import Any

from cameo_shared.paths import display_path

from ..config.formats import TextError, parse_text, read_text

logger = logging.getLogger(__name__)

DATA_SUFFIXES = ("json", "yaml", "yml", "toml", "xml")


class DataFileError(Exception):
    """A data file that cannot be read: names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def site_data(roots: list[str]) -> dict[str, Any]:
    """``.Site.Data`` from ``<root>/data`` of each root, the first root's
    (the site's) winning over the next (its theme's)."""
    data: dict[str, Any] = {}
    for root in roots:
        folder = os.path.join(root, "data")
        for relative, path in _data_files(folder):
            *folders, name = relative.split("/")
            current = data
            for part in folders:
                found = current.get(part)
                if not isinstance(found, dict):
                    if part in current:
                        break  # a file's data already holds this key
                    found = current[part] = {}
                current = found
            else:
                _add(current, name.rsplit(".", 1)[0], read_data_file(path))
    return data


def _add(current: dict[str, Any], key: str, value: Any) -> None:
    """Hugo's rule: what is there first stays; a map gains missing keys."""
    if key not in current:
        current[key] = value
        return
    existing = current[key]
    if isinstance(existing, dict) and isinstance(value, dict):
        for inner, item in value.items():
            existing.setdefault(inner, item)
    else:
        logger.warning(
            "the data for %r is overridden by data read before it (the site's "
            "over its theme's)",
            key,
        )


def _xml_value(element: ElementTree.Element) -> Any:
    """An element as Hugo's XML reader (mxj) makes it: attributes as
    ``-name``, text as ``#text`` beside them, a repeated child as a list,
    an element with text only as its text."""
    value: dict[str, Any] = {f"-{k}": v for k, v in element.attrib.items()}
    for child in element:
        item = _xml_value(child)
        if child.tag not in value:
            value[child.tag] = item
        elif isinstance(value[child.tag], list):
            value[child.tag].append(item)
        else:
            value[child.tag] = [value[child.tag], item]
    text = (element.text or "").strip()
    if not value:
        return text
    if text:
        value["#text"] = text
    return value


def _string_keys(value: Any) -> Any:
    """YAML's keys as Hugo makes them: text (``n:`` is go-yaml's false)."""
    if isinstance(value, dict):
        return {_go_key(key): _string_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_string_keys(item) for item in value]
    return value


def _go_key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "<nil>"
    return str(key)


def _walked(folder: str) -> Iterable[tuple[str, str]]:
    """Every file under ``folder``, by its ``/``-path, in name order."""
    for top, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(top, name)
            yield os.path.relpath(path, folder).replace(os.sep, "/"), path


def _data_files(folder: str) -> Iterable[tuple[str, str]]:
    """Every data file under ``folder``, by its ``/``-path, in name order."""
    for relative, path in _walked(folder):
        name = relative.rsplit("/", 1)[-1]
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix == "csv":
            raise DataFileError(
                display_path(path),
                None,
                "Hugo 0.111 cannot read CSV in data/ (its build stops at "
                "it); move it to assets/ or convert it to JSON, YAML or TOML",
            )
        if suffix in DATA_SUFFIXES:
            yield relative, path


def read_data_file(path: str) -> Any:
    """One data file's value, by its suffix; a DataFileError if it does not
    parse. TOML, YAML and JSON are read as the config is (config.formats),
    but JSON's numbers are Go's float64 and an empty JSON file is nil;
    YAML's keys are text, as Hugo makes them."""
    shown = display_path(path)
    kind = path.rsplit(".", 1)[-1].lower()
    kind = "yaml" if kind == "yml" else kind
    fix = f"fix the {kind.upper()} and build again"
    try:
        text = read_text(path)
        if kind == "json" and not text.strip():
            return None
        if kind == "xml":
            return _xml_value(ElementTree.fromstring(text)) if text.strip() else {}
        value = parse_text(text, kind, json_int=float)
        return _string_keys(value) if kind == "yaml" else value
    except TextError as error:
        raise DataFileError(shown, error.line, error.message) from None
    except ElementTree.ParseError as error:
        problem = str(error).split(":")[0]
        raise DataFileError(
            shown, error.position[0], f"is not valid XML: {problem}; {fix}"
        ) from None
    except (RecursionError, ValueError) as error:  # XML's, or too deep
        raise DataFileError(shown, None, f"cannot be read: {error}; {fix}") from None


# Words of a go-i18n message that are not part of its id (go-i18n v2).
_MESSAGE_KEYS = frozenset(
    "id description hash leftdelim rightdelim translation "
    "zero one two few many other".split()
)
I18N_SUFFIXES = ("toml", "yaml", "yml", "json")


def translation_tables(roots: list[str]) -> dict[str, dict[str, dict[str, str]]]:
    """The ``i18n/`` files of each root as ``{language: {id: {form: text}}}``
    (forms ``zero`` ... ``other``); the first root's (the site's) message
    for an id wins over the next (its theme's). Both of go-i18n's shapes are
    read: ``id = "text"`` / ``[id] one = ... other = ...`` (nested tables make
    ``a.b`` ids) and the older list of ``{id, translation}``."""
    tables: dict[str, dict[str, dict[str, str]]] = {}
    for root in roots:
        folder = os.path.join(root, "i18n")
        for relative, path in _files(folder, I18N_SUFFIXES):
            language = relative.rsplit(".", 1)[0].lower()
            table = tables.setdefault(language, {})
            for message_id, forms in _messages(read_data_file(path)):
                table.setdefault(message_id, forms)
    return tables


def _files(folder: str, suffixes: tuple[str, ...]) -> Iterable[tuple[str, str]]:
    for relative, path in _walked(folder):
        if relative.rsplit(".", 1)[-1].lower() in suffixes:
            yield relative, path


def _messages(value: Any, prefix: str = "") -> Iterable[tuple[str, dict[str, str]]]:
    if isinstance(value, list):  # [{id: ..., translation: ...}]
        for item in value:
            if isinstance(item, dict) and "id" in item:
                yield from _messages({str(item["id"]): item.get("translation")})
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        message_id = f"{prefix}{key}"
        if isinstance(item, dict):
            if _MESSAGE_KEYS & set(map(str.lower, item)):
                forms = {k.lower(): _go_text(v) for k, v in item.items()}
                if "translation" in forms and "other" not in forms:
                    forms["other"] = forms["translation"]
                yield message_id, forms
            else:
                yield from _messages(item, f"{message_id}.")
        elif item is not None:
            yield message_id, {"other": _go_text(item)}


def _go_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
