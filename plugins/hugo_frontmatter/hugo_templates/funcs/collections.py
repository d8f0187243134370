"""Hugo's ``collections`` namespace (tpl/collections): ``dict``, ``slice``,
``where``, ``first``, ``index``, ``sort``, ``union`` ...

Values keep Hugo's Go types where they change a result: ``slice "a" "b"``
is a ``[]string`` (``govalues.GoSlice``), ``seq`` a ``[]int``, front matter
lists ``[]interface {}``; ``where``, ``first``, ``sort`` ... return the type
they were given. ``shuffle`` is reproducible here (Hugo's is random): the
order is drawn from a generator seeded with the list's printed text, so a
build gives the same page twice. ``where`` and the ``in``/``intersect``
tests it shares live in ``_where``.
"""

from __future__ import annotations

import hashlib
import logging
import random
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

from ...gotemplate import MISSING
from ...gotemplate.gofmt import format_value, sprint, sprintf
from ...gotemplate.htmltemplate.content import HTML
from ..bindings import SiteBindings
from ..gocast import (
    go_type,
    is_nil,
    is_number,
    is_slice,
    map_item,
    to_int,
    to_string,
)
from ._where import contains, get_nested, intersect, sub_element, where
from .compare import less
from .gosort import stable_sort
from .govalues import (
    GoSlice,
    comparable,
    elem_type,
    make_slice,
    normalize,
    same_slice,
)
from .math import arithmetic

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


class Scratch:
    """Hugo's maps.Scratch, what ``newScratch`` makes: a map to write to
    from a template (``.Set``, ``.Add``, ``.SetInMap``)."""

    GO_TYPE = "*maps.Scratch"

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def Add(self, key: str, addend: Any) -> str:
        existing = self.values.get(key, MISSING)
        if existing is MISSING:
            self.values[key] = addend
        elif is_slice(existing):
            self.values[key] = append_values(existing, (addend,))
        else:
            self.values[key] = arithmetic(existing, addend, "+")
        return ""

    def Set(self, key: str, value: Any) -> str:
        self.values[key] = value
        return ""

    def Delete(self, key: str) -> str:
        self.values.pop(key, None)
        return ""

    def Get(self, key: str) -> Any:
        return self.values.get(key)

    def Values(self) -> dict[str, Any]:
        return self.values

    def SetInMap(self, key: str, map_key: str, value: Any) -> str:
        target = self.values.setdefault(key, {})
        if isinstance(target, dict):
            target[map_key] = value
        return ""

    def DeleteInMap(self, key: str, map_key: str) -> str:
        target = self.values.get(key)
        if isinstance(target, dict):
            target.pop(map_key, None)
        return ""

    def GetSortedMapValues(self, key: str) -> Any:
        target = self.values.get(key)
        if not isinstance(target, Mapping):
            return None
        return [target[name] for name in sorted(target)]


def _seq_kind(value: Any, what: str = "") -> str:
    """Fail as Hugo's first/last/after do for what is not a list or string."""
    if is_nil(value):
        raise ValueError("can't iterate over a nil value")
    if not (isinstance(value, str) or is_slice(value)):
        raise ValueError("can't iterate over " + go_type(value))
    return "string" if isinstance(value, str) else "slice"


def _part(value: Any, start: int, stop: int) -> Any:
    """value[start:stop], by bytes for a string, keeping a slice's type."""
    if isinstance(value, str):
        return value.encode("utf-8")[start:stop].decode("utf-8", errors="replace")
    return same_slice(value, list(value)[start:stop])


def _length(value: Any) -> int:
    return len(value.encode("utf-8")) if isinstance(value, str) else len(value)


def _items(value: Any) -> list[Any]:
    """The elements Go's reflect sees: bytes of a string, items of a slice."""
    if isinstance(value, str):
        return list(value.encode("utf-8"))
    return list(value)


def append_values(to: Any, values: tuple) -> Any:
    """Hugo's collections.Append: ``values`` appended to the slice ``to``;
    one slice of the same type is appended item by item."""
    to_nil = is_nil(to)
    elem = "interface {}"
    if not to_nil:
        if not is_slice(to):
            raise ValueError(f"expected a slice, got {go_type(to)}")
        elem = elem_type(to)
        to_nil = len(to) == 0
        if len(values) == 1 and is_slice(values[0]):
            if to_nil:
                return values[0]
            from_elem = elem_type(values[0])
            if elem == from_elem:
                return same_slice(to, [*to, *values[0]])
            if not _assignable(from_elem, elem):
                return [*to, *values[0]]
    if to_nil:
        return make_slice(values)
    for value in values:
        if value is None:
            raise ValueError("reflect: call of reflect.Value.Type on zero Value")
        if not _assignable(go_type(value), elem):
            return [*to, *values]
    return same_slice(to, [*to, *values])


def _assignable(type_: str, to: str) -> bool:
    return to == "interface {}" or type_ == to


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
        _seq_kind(seq)
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
        _seq_kind(seq)
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
        if len(seqs) < 2:
            raise ValueError("complement needs at least two arguments")
        universe = seqs[-1]
        seen = _identities(seqs[:-1])
        if not is_slice(universe):
            raise ValueError("arguments to complement must be slices or arrays")
        kept = []
        for item in universe:
            if normalize(item) not in seen:
                kept.append(item)
        return same_slice(universe, kept)

    def SymDiff(self, second: Any, first: Any) -> Any:
        ids_first, ids_second = _identities([first]), _identities([second])
        result: list[Any] = []
        for seq in (first, second):
            if not is_slice(seq):
                raise ValueError("arguments to symdiff must be slices or arrays")
            for item in seq:
                key = normalize(item)
                if (key in ids_first) != (key in ids_second):
                    result.append(_convert(item, elem_type(first)))
        return same_slice(first, result)

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
        items = _items(seq)
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
        """Hugo's index: a missing map key or an index out of range is nil,
        not an error; one slice argument is the list of keys."""
        if is_nil(item):
            return None
        keys: Any = indexes
        if len(indexes) == 1 and is_slice(indexes[0]):
            keys = list(indexes[0])
        if type(item).__name__ == "Params":  # maps.Params: keys in any case
            if not keys:
                return None
            value = get_nested(item, [_string_or_empty(key) for key in keys])
            return None if value is MISSING else value
        try:
            return _index(item, keys)
        except ValueError as error:
            raise ValueError(
                f"index of type {go_type(item)} with args "
                f"{format_value(list(indexes))} failed: {error}"
            ) from None

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
        if len(maps) < 2:
            raise ValueError("merge requires at least two parameters")
        result = maps[-1]
        for source in reversed(maps[:-1]):
            result = _merge(source, result)
        return result

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
        if not 1 <= len(args) <= 3:
            raise ValueError("invalid number of arguments to Seq")
        try:
            numbers = [to_int(arg) for arg in args]
        except ValueError:
            raise ValueError("invalid arguments to Seq") from None
        step = 1
        first = numbers[0]
        if len(numbers) == 1:
            last = first
            if last == 0:
                return GoSlice([], "int")
            if last > 0:
                first = 1
            else:
                first, step = -1, -1
        elif len(numbers) == 2:
            last = numbers[1]
            if last < first:
                step = -1
        else:
            step, last = numbers[1], numbers[2]
            if step == 0:
                raise ValueError("'increment' must not be 0")
            if first < last and step < 0:
                raise ValueError("'increment' must be > 0")
            if first > last and step > 0:
                raise ValueError("'increment' must be < 0")
        if last < -100000:
            raise ValueError("size of result exceeds limit")
        difference = last - first
        size = abs(difference) // abs(step)  # Go divides towards zero
        size = (size if (difference < 0) == (step < 0) else -size) + 1
        if size <= 0 or size > 2000:
            raise ValueError("size of result exceeds limit")
        return GoSlice([first + i * step for i in range(size)], "int")

    def Shuffle(self, seq: Any) -> Any:
        """The list in an order drawn from its own text (reproducible)."""
        if is_nil(seq):
            raise ValueError("both count and seq must be provided")
        _seq_kind(seq)
        if isinstance(seq, str):
            raise ValueError("reflect.MakeSlice of non-slice type")
        items = list(seq)
        # Seeded by the list's text: strings joined (quick), else Go's print
        text = (
            "\x1f".join(items) if all(type(i) is str for i in items) else sprint(items)
        )
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        random.Random(digest).shuffle(items)
        return same_slice(seq, items)

    def Slice(self, *args: Any) -> list:
        return make_slice(args)

    def Sort(self, seq: Any, *args: Any) -> Any:
        if is_nil(seq):
            raise ValueError("sequence must be provided")
        field = ""
        descending = False
        for i, arg in enumerate(args[:2]):
            try:
                text = to_string(arg)
            except ValueError:
                text = None
            if i == 0:
                field = text or ""
            else:
                descending = text == "desc"
        path = field.strip(".").split(".")
        if is_slice(seq):
            elem = elem_type(seq)
            pairs = [
                (item if field in ("", "value") else _sort_key(item, path, elem), item)
                for item in seq
            ]
        elif isinstance(seq, Mapping):
            pairs = []
            for key in sorted(seq):
                value = seq[key]
                if field == "":
                    pairs.append((key, value))
                elif field == "value":
                    pairs.append((value, value))
                else:
                    pairs.append((_sort_key(value, path), value))
            elem = "interface {}"
        else:
            raise ValueError("can't sort " + go_type(seq))

        def before(a: tuple, b: tuple) -> bool:
            if descending:
                a, b = b, a
            return less(_plain(a[0]), _plain(b[0]), collate=True)

        stable_sort(pairs, before)
        values = [value for _, value in pairs]
        if is_slice(seq):
            return same_slice(seq, values)
        return GoSlice(values, elem) if elem != "interface {}" else values

    def Union(self, first: Any, second: Any) -> Any:
        if is_nil(first) and is_nil(second):
            return []
        if is_nil(first):
            return second
        if is_nil(second):
            return first
        for seq in (first, second):
            if not is_slice(seq):
                raise ValueError("can't iterate over " + go_type(seq))
        first_elem, second_elem = elem_type(first), elem_type(second)
        if (
            first_elem != second_elem
            and first_elem != "interface {}"
            and second_elem != "interface {}"
        ):
            return same_slice(first, [])
        seen: set = set()
        result: list[Any] = []

        def add(value: Any) -> None:
            key = normalize(value)
            if key not in seen:
                seen.add(key)
                result.append(value)

        kind = "none"
        for item in first:
            if not comparable(item):
                raise ValueError(
                    "union does not support slices or arrays of uncomparable types"
                )
            kind = _kind(item)
            if not is_nil(item):
                add(item)
        if not len(first) and len(second):  # the second's first item decides
            kind = _kind(second[0]) if elem_type(second) != "interface {}" else ""
        for item in second:
            if kind == "string":
                if isinstance(item, str):
                    add(item)
            elif kind == "int":
                if isinstance(item, int) and not isinstance(item, bool):
                    add(item)
            elif kind == "float64":
                if is_number(item):
                    add(float(item))
            elif kind == "" and not comparable(item):
                raise ValueError(
                    f"runtime error: hash of unhashable type {go_type(item)}"
                )
            elif kind == "" and first_elem != "interface {}":
                raise ValueError(
                    "reflect.Set: value of type interface {} is not assignable "
                    f"to type {first_elem}"
                )
            elif kind in ("", "other"):
                add(item)
        return same_slice(first, result)

    def Where(self, seq: Any, key: Any, *args: Any) -> Any:
        return where(seq, key, *args)

    def Uniq(self, seq: Any) -> Any:
        if is_nil(seq):
            return []
        if not is_slice(seq):
            raise ValueError(f"type {go_type(seq)} not supported")
        seen: set = set()
        result = []
        for item in seq:
            key = normalize(item)
            if key not in seen:
                seen.add(key)
                result.append(item)
        return same_slice(seq, result)


def _string_or_empty(value: Any) -> str:
    """cast.ToString: the text, or "" where there is none."""
    try:
        return to_string(value)
    except ValueError:
        return ""


def _index(value: Any, keys: list[Any]) -> Any:
    for key in keys:
        if is_nil(value):
            return None
        if isinstance(value, str) or is_slice(value):
            if key is None:
                raise ValueError("cannot index slice/array with nil")
            if not isinstance(key, int) or isinstance(key, bool):
                raise ValueError(f"cannot index slice/array with type {go_type(key)}")
            items = _items(value)
            if key < 0 or key >= len(items):
                return None
            value = items[key]
        elif isinstance(value, Mapping):
            if key is None:
                raise ValueError("value is nil; should be of type string")
            if not isinstance(key, str):
                raise ValueError(f"value has type {go_type(key)}; should be string")
            value = dict.get(value, key) if isinstance(value, dict) else value.get(key)
        else:
            raise ValueError(f"can't index item of type {go_type(value)}")
    return value


def _plain(value: Any) -> Any:
    return None if value is MISSING else value


def _sort_key(item: Any, path: list[str], static: str = "interface {}") -> Any:
    """The value ``sort`` orders ``item`` by; an error as Hugo's."""
    value = item
    for i, name in enumerate(path):
        value = sub_element(value, name, static if i == 0 else "interface {}")
        if value is MISSING:
            continue
        if type(value).__name__ == "Params":
            return get_nested(value, path[i + 1 :])
    return value


def _convert(item: Any, elem: str) -> Any:
    """Hugo's convertValue: ``item`` as an element of a ``[]elem``."""
    if elem == "interface {}" or (item is not None and go_type(item) == elem):
        return item
    message = f"{go_type(item)} is not assignable to {elem}"
    if elem == "string":
        if isinstance(item, str):
            return item
        message = "unable to convert value to string"
    elif elem == "float64":
        if is_number(item):
            return float(item)
        message = "unable to convert value to float"
    elif elem == "int":
        if is_number(item) and isinstance(item, int):
            return item
        message = "unable to convert value to int"
    raise ValueError(f"symdiff: failed to convert value: {message}")


def _kind(value: Any) -> str:
    """The kind Union converts the second list's items to, from the first
    list's last item ("" for nil: any item goes)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, str):
        return "string"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float64"
    if is_slice(value) or isinstance(value, Mapping):
        return "none"
    return "other"


def _identities(seqs: Any) -> set:
    """Hugo's collectIdentities: every element's normalised value (a list
    or map fails here, though complement's last list may hold them)."""
    seen = set()
    for seq in seqs:
        if not is_slice(seq):
            raise ValueError("arguments must be slices or arrays")
        for item in seq:
            if not comparable(item):
                raise ValueError("elements must be comparable")
            seen.add(normalize(item))
    return seen


def _encode(pairs: list[tuple[str, str]]) -> str:
    """Go's url.Values.Encode: sorted by key, values in their order."""
    ordered = sorted(enumerate(pairs), key=lambda p: (p[1][0].encode(), p[0]))
    return "&".join(
        urllib.parse.quote_plus(key, safe="-_.~")
        + "="
        + urllib.parse.quote_plus(value, safe="-_.~")
        for _, (key, value) in ordered
    )


def _merge(source: Any, target: Any) -> Any:
    """Hugo's merge: a copy of ``target`` with the keys of ``source`` it
    lacks (in any case), maps within both merged the same way."""
    if not isinstance(target, Mapping):
        raise ValueError(f"destination must be a map, got {go_type(target)}")
    if is_nil(source) or (isinstance(source, Mapping) and not source):
        return target
    if not isinstance(source, Mapping):
        raise ValueError(f"source must be a map, got {go_type(source)}")
    lower = type(target).__name__ == "Params"
    out = type(target)() if lower else {}
    for name in target:
        if lower:
            dict.__setitem__(out, name, map_item(target, name))
        else:
            out[name] = target[name]
    for name in source:
        value = map_item(source, name)
        found = _lookup_any_case(target, name)
        if found is not MISSING:
            if isinstance(found[1], Mapping) and isinstance(value, Mapping):
                merged = _merge(value, found[1])
                if lower:
                    dict.__setitem__(out, found[0], merged)
                else:
                    out[found[0]] = merged
            continue
        if lower:
            dict.__setitem__(out, str(name).lower(), value)
        else:
            out[name] = value
    return out


def _lookup_any_case(mapping: Mapping, name: Any) -> Any:
    keys = dict.keys(mapping) if isinstance(mapping, dict) else mapping.keys()
    if name in keys:
        return (name, map_item(mapping, name))
    for key in keys:
        if isinstance(key, str) and str(name).lower() == key.lower():
            return (key, map_item(mapping, key))
    return MISSING


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
