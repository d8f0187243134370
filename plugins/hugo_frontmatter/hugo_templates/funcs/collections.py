"""Hugo's ``collections`` namespace (tpl/collections): ``dict``, ``slice``,
``where``, ``first``, ``index``, ``sort``, ``union`` ...

Values keep Hugo's Go types where they change a result: ``slice "a" "b"``
is a ``[]string`` (``govalues.GoSlice``), ``seq`` a ``[]int``, front matter
lists ``[]interface {}``; ``where``, ``first``, ``sort`` ... return the type
they were given. This module is the namespace and its short names; the
larger functions live beside it as Hugo keeps them in files of their own:
``_append`` (append), ``_index`` (index), ``_merge`` (merge), ``_sets``
(complement, symdiff, union, uniq), ``_seq`` (seq, shuffle), ``_sort``
(sort), ``_where`` (where, in, intersect) and ``_scratch`` (newScratch).
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

from ...gotemplate import MISSING
from ...gotemplate.gofmt import format_value, sprintf
from ...gotemplate.htmltemplate.content import HTML
from ..bindings import SiteBindings
from ..gocast import go_type, is_nil, is_number, is_slice, to_int, to_string
from ._append import append_values
from ._index import elements, index_value
from ._merge import merge
from ._scratch import Scratch
from ._seq import seq_kind, sequence, shuffle
from ._sets import complement, symdiff, union, uniq
from ._sort import sort
from ._where import contains, intersect, where
from .govalues import GoSlice, elem_type, make_slice, same_slice

logger = logging.getLogger(__name__)


class KeyValues:
    """Hugo's types.KeyValues, what ``keyVals`` makes."""

    GO_TYPE = "types.KeyValues"

    def __init__(self, key: Any, values: list[Any]):
        self.Key = key
        self.Values = values

    def KeyString(self) -> str:
        return to_string(self.Key)

    def String(self) -> str:
        return f"{self.KeyString()}: {format_value(self.Values)}"


def _part(value: Any, start: int, stop: int) -> Any:
    """value[start:stop], by bytes for a string, keeping a slice's type."""
    if isinstance(value, str):
        return value.encode("utf-8")[start:stop].decode("utf-8", errors="replace")
    return same_slice(value, list(value)[start:stop])


def _length(value: Any) -> int:
    return len(value.encode("utf-8")) if isinstance(value, str) else len(value)


class Collections:
    """The ``collections`` namespace: Go-named methods."""

    GO_TYPE = "*collections.Namespace"

    def __init__(self, bindings: SiteBindings):
        self._bindings = bindings
        self._functions: dict[str, Callable[..., Any]] | None = None

    def After(self, index: Any, seq: Any) -> Any:
        if is_nil(index) or is_nil(seq):
            raise ValueError("both limit and seq must be provided")
        start = to_int(index)
        if start < 0:
            raise ValueError(f"sequence bounds out of range [{start}:]")
        seq_kind(seq)
        size = _length(seq)
        if start >= size:
            return _part(seq, 0, 0)
        return _part(seq, start, size)

    def First(self, limit: Any, seq: Any) -> Any:
        count = self._limit(limit, seq)
        return _part(seq, 0, min(count, _length(seq)))

    def Last(self, limit: Any, seq: Any) -> Any:
        count = self._limit(limit, seq)
        size = _length(seq)
        return _part(seq, size - min(count, size), size)

    @staticmethod
    def _limit(limit: Any, seq: Any) -> int:
        if is_nil(limit) or is_nil(seq):
            raise ValueError("both limit and seq must be provided")
        count = to_int(limit)
        if count < 0:
            raise ValueError("sequence length must be non-negative")
        seq_kind(seq)
        return count

    def Append(self, *args: Any) -> Any:
        if len(args) < 2:
            raise ValueError("need at least 2 arguments to append")
        return append_values(args[-1], args[:-1])

    def Apply(self, seq: Any, name: str, *args: Any) -> Any:
        """Call the function ``name`` once per element, ``"."`` standing
        for the element among ``args``."""
        if is_nil(seq):
            return []
        if name == "apply":
            raise ValueError("can't apply myself (no turtles allowed)")
        function = self._lookup(name)
        if function is None:
            raise ValueError("can't find function " + name)
        if not is_slice(seq):
            raise ValueError(f"can't apply over {format_value(seq)}")
        return [
            function(*(item if arg == "." else arg for arg in args)) for item in seq
        ]

    Apply.go_arg_types = (None, "string")  # type: ignore[attr-defined]

    def _lookup(self, name: str) -> Callable[..., Any] | None:
        if self._functions is None:
            from ...gotemplate.builtins import BUILTINS
            from ..functions import hugo_functions

            self._functions = {**BUILTINS, **hugo_functions(self._bindings)}
        namespace, _, method = name.partition(".")
        function = self._functions.get(namespace)
        if not method or function is None:
            return function
        found = getattr(function(), method, None)
        return found if callable(found) and not method.startswith("_") else None

    def Complement(self, *seqs: Any) -> Any:
        return complement(seqs)

    def SymDiff(self, second: Any, first: Any) -> Any:
        return symdiff(second, first)

    def Delimit(self, seq: Any, delimiter: Any, *last: Any) -> HTML:
        separator = to_string(delimiter)
        final: str | None = None
        if last:
            try:
                final = to_string(last[0])
            except ValueError:
                final = None
        if isinstance(seq, Mapping):
            seq = self.Sort(seq)
        elif not (isinstance(seq, str) or is_slice(seq)):
            raise ValueError(f"can't iterate over {format_value(seq)}")
        items = elements(seq)
        if final is None and all(type(item) is str for item in items):
            return HTML(separator.join(items))  # the common case, in one join
        out = []
        for i, item in enumerate(items):
            try:
                text = to_string(item)
            except ValueError:
                continue
            if i == len(items) - 2 and final is not None:
                out.append(text + final)
            elif i == len(items) - 1:
                out.append(text)
            else:
                out.append(text + separator)
        return HTML("".join(out))

    def Dictionary(self, *values: Any) -> dict[str, Any]:
        if len(values) % 2:
            raise ValueError("invalid dictionary call")
        root: dict[str, Any] = {}
        for key, value in zip(values[::2], values[1::2], strict=True):
            target = root
            if isinstance(key, str):
                name = key
            elif isinstance(key, GoSlice) and key.elem == "string" and key:
                for part in key[:-1]:
                    target = target.setdefault(part, {})
                name = key[-1]
            else:
                raise ValueError("invalid dictionary key")
            target[name] = value
        return root

    def EchoParam(self, seq: Any, key: Any) -> Any:
        """The value at ``key`` if it is a number or a string, else ""."""
        value: Any = MISSING
        if is_slice(seq):
            if isinstance(key, int) and not isinstance(key, bool) and key < len(seq):
                if key < 0:
                    raise ValueError("reflect: slice index out of range")
                value = seq[key]
        elif isinstance(seq, Mapping) and key is None:
            raise ValueError("reflect: call of reflect.Value.Type on zero Value")
        elif isinstance(seq, Mapping) and isinstance(key, str):
            value = (
                dict.get(seq, key, MISSING) if isinstance(seq, dict) else seq.get(key)
            )
        if is_number(value) or (isinstance(value, str) and value is not MISSING):
            return value
        return ""

    def Group(self, key: Any, items: Any) -> Any:
        if is_nil(key):
            raise ValueError("nil is not a valid key to group by")
        group = getattr(items, "Group", None)
        if callable(group):
            return group(key, items)
        element = "<nil>"
        if is_slice(items):
            element = "*" + elem_type(items)
        raise ValueError(f"grouping not supported for type {go_type(items)} {element}")

    def In(self, seq: Any, value: Any) -> bool:
        return contains(seq, value)

    def Index(self, item: Any, *indexes: Any) -> Any:
        return index_value(item, indexes)

    def Intersect(self, first: Any, second: Any) -> Any:
        return intersect(first, second)

    def IsSet(self, seq: Any, key: Any) -> bool:
        if is_slice(seq):
            try:
                index = to_int(key)
            except ValueError:
                raise ValueError(
                    f"isset unable to use key of type {go_type(key)} as index"
                ) from None
            return len(seq) > index
        if isinstance(seq, Mapping):
            if key is None:
                raise ValueError("reflect: call of reflect.Value.Type on zero Value")
            if isinstance(key, str):
                return (
                    dict.__contains__(seq, key)
                    if isinstance(seq, dict)
                    else (key in seq)
                )
            return False
        logger.warning(
            "calling IsSet with unsupported type %s will always return false.",
            go_type(seq),
        )
        return False

    def KeyVals(self, key: Any, *values: Any) -> KeyValues:
        return KeyValues(key, list(values))

    def Merge(self, *maps: Any) -> Any:
        return merge(maps)

    def NewScratch(self) -> Scratch:
        return Scratch()

    def Querify(self, *params: Any) -> str:
        pairs: list[tuple[str, str]] = []
        if len(params) == 1:
            only = params[0]
            if isinstance(only, GoSlice) and only.elem == "string":
                if len(only) % 2:
                    raise ValueError("invalid query")
                pairs = list(zip(only[::2], only[1::2], strict=True))
                return _encode(pairs)
            if not is_slice(only) or isinstance(only, GoSlice):
                raise ValueError("query keys must be strings")
            params = tuple(only)
        if len(params) % 2:
            raise ValueError("invalid query")
        for key, value in zip(params[::2], params[1::2], strict=True):
            if not isinstance(key, str):
                raise ValueError("query keys must be strings")
            pairs.append((key, sprintf("%v", value)))
        return _encode(pairs)

    def Reverse(self, seq: Any) -> Any:
        if is_nil(seq):
            return None
        if not is_slice(seq):
            raise ValueError("argument must be a slice")
        return same_slice(seq, list(reversed(seq)))

    def Seq(self, *args: Any) -> list[int]:
        return sequence(args)

    def Shuffle(self, seq: Any) -> Any:
        return shuffle(seq)

    def Slice(self, *args: Any) -> list:
        return make_slice(args)

    def Sort(self, seq: Any, *args: Any) -> Any:
        return sort(seq, args)

    def Union(self, first: Any, second: Any) -> Any:
        return union(first, second)

    def Where(self, seq: Any, key: Any, *args: Any) -> Any:
        return where(seq, key, *args)

    def Uniq(self, seq: Any) -> Any:
        return uniq(seq)


def _encode(pairs: list[tuple[str, str]]) -> str:
    """Go's url.Values.Encode: sorted by key, values in their order."""
    ordered = sorted(enumerate(pairs), key=lambda p: (p[1][0].encode(), p[0]))
    return "&".join(
        urllib.parse.quote_plus(key, safe="-_.~")
        + "="
        + urllib.parse.quote_plus(value, safe="-_.~")
        for _, (key, value) in ordered
    )


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and its short names, as tpl/collections/init.go
    registers them."""
    namespace = Collections(bindings)
    return {
        "collections": lambda: namespace,
        "after": namespace.After,
        "append": namespace.Append,
        "apply": namespace.Apply,
        "complement": namespace.Complement,
        "delimit": namespace.Delimit,
        "dict": namespace.Dictionary,
        "echoParam": namespace.EchoParam,
        "first": namespace.First,
        "group": namespace.Group,
        "in": namespace.In,
        "index": namespace.Index,
        "intersect": namespace.Intersect,
        "isSet": namespace.IsSet,
        "isset": namespace.IsSet,
        "keyVals": namespace.KeyVals,
        "last": namespace.Last,
        "merge": namespace.Merge,
        "newScratch": namespace.NewScratch,
        "querify": namespace.Querify,
        "seq": namespace.Seq,
        "shuffle": namespace.Shuffle,
        "slice": namespace.Slice,
        "sort": namespace.Sort,
        "symdiff": namespace.SymDiff,
        "union": namespace.Union,
        "uniq": namespace.Uniq,
        "where": namespace.Where,
    }
