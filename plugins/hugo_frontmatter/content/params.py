"""Hugo's ``.Params``: a map looked up in any case (``Params``), and a
parameter's value printed as the shortcode code prints it (``param_text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Params(dict):
    """Hugo's ``maps.Params``: keys in lower case and looked up in any case,
    nested maps too, and a missing key is None, which a template prints as
    nothing (``site.params.codePenUser`` as Hugo's ``.Site.Params.codePenUser``).
    A key named as a method of dict (``items``) is read with ``params["items"]``.
    """

    def __init__(self, values: Mapping[Any, Any] | None = None) -> None:
        super().__init__(
            (str(key).lower(), _as_params(value))
            for key, value in (values or {}).items()
        )

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(str(key).lower())

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(str(key).lower(), value)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(str(key).lower())

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(str(key).lower(), default)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # pickle and copy ask for these
            raise AttributeError(name)
        return self.get(name)


def _as_params(value: Any) -> Any:
    """Maps within a value as Params, also inside lists, as Hugo prepares them."""
    if isinstance(value, Params):
        return value
    if isinstance(value, Mapping):
        return Params(value)
    if isinstance(value, list):
        return [_as_params(item) for item in value]
    return value


def param_text(value: Any) -> str:
    """A value as the shortcode code prints a parameter: nil as ``""``,
    booleans as Go writes them, anything else as Python's ``str`` (a float
    as Python writes it, where ``as_text`` writes Go's)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
