"""Hugo's ``ref`` and ``relref``: the page a target names, and its URL.

Hugo 0.111 looks a target up in its tree of pages (``getContentNode`` in
``hugolib/pagecollections.go``): beside the calling page, then from the
content root, then among the taxonomies, then, for a bare name, by the
last part of every page's path across the content (an error when two
pages share it). The tree is built here once per build from the content
folder's names (``ContentTree``); a page's URL and whether Hugo builds it
come from the reader, only for the pages a lookup meets.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from ..config import mounts as config
from ..content import urls
from ..content.frontmatter import FrontMatterError
from ..content.params import param_text
from ..content.source import default_language, file_language, language_prefix

logger = logging.getLogger(__name__)

# The file extensions Hugo reads as content (its content formats).
CONTENT_EXTENSIONS = frozenset(
    "md markdown mdown mkd mkdn html htm adoc asciidoc ad pandoc pdc rst org".split()
)
# Hugo's default taxonomies, when no Hugo config names any.
_DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What to do about a target that is no URL (Hugo's url.Parse refuses it).
_WRITE = "Hugo stops here too; write the page's path, e.g. 'posts/my-post.md'"
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


class RefError(LookupError):
    """A target Hugo finds no page for (or more than one): what is wrong,
    and what to do about it."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix

    def __str__(self) -> str:
        return (
            f"{self.what}; Hugo stops here too (REF_NOT_FOUND): {self.fix}, or "
            'set refLinksErrorLevel = "warning" in the Hugo config'
        )


@dataclass(frozen=True)
class Node:
    """A page of Hugo's tree: a content file's page, a section that has no
    ``_index`` file, a taxonomy or a term."""

    kind: str  # "page", "section", "taxonomy" or "term"
    key: str  # its key in the tree, e.g. "/posts/" or "/tags/python/"
    file: str | None = None  # the content file, when there is one
    url: str = ""  # the URL path of a page without a file
    # A section without a file: the files whose pages make Hugo make it.
    members: tuple[str, ...] = ()


@dataclass
class _LanguageTree:
    """One language's pages, keyed as Hugo 0.111 keys its content map."""

    sections: dict[str, Node] = field(default_factory=dict)
    pages: dict[tuple[str, str], Node] = field(default_factory=dict)
    taxonomies: dict[str, Node] = field(default_factory=dict)
    names: dict[str, list[Node]] = field(default_factory=dict)
    terms_read: bool = False

    def name(self, name: str, node: Node) -> None:
        self.names.setdefault(name.lower(), []).append(node)


@dataclass(frozen=True)
class _Entry:
    """A content file: its path in Hugo's content folder, its language."""

    path: str  # on disk
    hugo_path: str  # e.g. "posts/a.md" (language part of the name removed)
    language: str


class ContentTree:
    """The content folder's pages by language, from the files' names alone."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.default = default_language(settings)
        self.entries: dict[str, _Entry] = {}
        self._trees: dict[str, _LanguageTree] = {}
        root = settings["PATH"]
        walked = (
            walk
            for top in config.content_folders(settings)  # not all PATH's root
            for walk in os.walk(top)
        )
        for folder, folders, files in walked:
            folders.sort()
            for name in sorted(files):
                if name.rpartition(".")[2].lower() not in CONTENT_EXTENSIONS:
                    continue
                path = os.path.join(folder, name)
                in_content = os.path.relpath(path, root).replace(os.sep, "/")
                try:
                    hugo, language = file_language(
                        in_content, path, settings, in_content
                    )
                except FrontMatterError:
                    continue  # reported when the file is read
                self.entries[os.path.abspath(path)] = _Entry(
                    path, hugo, language or self.default
                )

    def entry(self, path: str) -> _Entry | None:
        return self.entries.get(os.path.abspath(path))

    def tree(self, language: str) -> _LanguageTree:
        if language not in self._trees:
            self._trees[language] = self._build(language)
        return self._trees[language]

    def _build(self, language: str) -> _LanguageTree:
        tree = _LanguageTree()
        entries = [e for e in self.entries.values() if e.language == language]
        leaves, branch_folders = _bundle_folders(self.entries.values())
        plurals = set(self._taxonomies(language).values())
        prefix = language_prefix(language, self.settings)
        home = Node("section", "/", url=f"/{prefix}/" if prefix else "/")
        tree.sections["/"] = home
        branches, regular = [], []
        for entry in entries:
            folder = posixpath.dirname(entry.hugo_path)
            if _inside_leaf(folder, leaves, own=_stem(entry.hugo_path) == "index"):
                continue  # a bundle's resource
            if _stem(entry.hugo_path) == "_index":
                branches.append(entry)
            else:
                regular.append(entry)
        for entry in branches:
            folder = posixpath.dirname(entry.hugo_path)
            key = f"/{folder.lower()}/" if folder else "/"
            if folder.split("/")[0].lower() in plurals:
                continue  # a taxonomy's or term's own page: below
            tree.sections[key] = Node("section", key, entry.path)
        # Hugo makes a section of every top folder that holds a page it
        # builds (a bundle at the top is a page of the home section) or a
        # section: the files that would make it are kept, to ask when met.
        bundles = {
            entry.path: _bundle_path(entry.hugo_path, branch_folders)
            for entry in regular
        }
        tops: dict[str, list[str]] = {}
        for path, bundle in bundles.items():
            if bundle.count("/") > 1:
                tops.setdefault(bundle.split("/")[1], []).append(path)
        for entry in branches:
            top = posixpath.dirname(entry.hugo_path).split("/")[0]
            tops.setdefault(top, []).append(entry.path)
        tops.pop("", None)
        for top, members in sorted(tops.items()):
            key = f"/{top.lower()}/"
            if key not in tree.sections and top.lower() not in plurals:
                tree.sections[key] = Node(
                    "section", key, url=self._url(prefix, top), members=tuple(members)
                )
        for entry in regular:
            bundle = bundles[entry.path].lower()
            section = _longest(tree.sections, posixpath.dirname(bundle) + "/")
            name = bundle[len(section) :]
            node = Node("page", f"{section}{name}", entry.path)
            tree.pages[(section, name)] = node
            tree.name(posixpath.basename(bundle), node)
        for key, node in tree.sections.items():
            tree.name(_go_base(key), node)
        for plural in sorted(plurals):
            if "taxonomy" in self._disabled():
                break
            key = f"/{plural.lower()}/"
            node = Node("taxonomy", key, url=self._url(prefix, plural))
            tree.taxonomies[key] = node
            tree.name(plural, node)
        return tree

    def read_terms(
        self, language: str, front: Callable[[str], Mapping[str, Any] | None]
    ) -> None:
        """Add the terms that the pages of a language name in their front
        matter (Hugo's term pages), read once and only when a lookup
        reaches them. A term exists when a page naming it is built: its
        pages are kept, to ask when the term is met."""
        tree = self.tree(language)
        if tree.terms_read:
            return
        tree.terms_read = True
        if "term" in self._disabled():
            return
        prefix = language_prefix(language, self.settings)
        lower = self.settings.get("HUGO_PATH_TO_LOWER", True) is not False
        plurals = list(self._taxonomies(language).values())
        found: dict[str, tuple[str, str, list[str]]] = {}
        for node in [*tree.pages.values(), *tree.sections.values()]:
            try:
                given = front(node.file) if node.file else None
            except (FrontMatterError, OSError):
                given = None  # reported when the file itself is read
            params = {str(k).lower(): v for k, v in (given or {}).items()}
            for plural in plurals:
                for term in _term_names(params.get(plural.lower())):
                    slug = urls.sanitize(term, lower)
                    key = f"/{plural.lower()}/{slug.lower()}/"
                    if slug and key not in tree.taxonomies:
                        url = f"{self._url(prefix, plural)}{slug}/"
                        found.setdefault(key, (slug, url, []))[2].append(node.file)
        for key, (slug, url, members) in found.items():
            term = Node("term", key, url=url, members=tuple(members))
            tree.taxonomies[key] = term
            tree.name(slug, term)

    def _taxonomies(self, language: str) -> dict[str, str]:
        own = (self.settings.get("HUGO_LANGUAGE_TAXONOMIES") or {}).get(language)
        if own is not None:
            return dict(own)
        configured = self.settings.get("HUGO_TAXONOMIES")
        return dict(_DEFAULT_TAXONOMIES if configured is None else configured)

    def _disabled(self) -> set[str]:
        return set(self.settings.get("HUGO_DISABLED_KINDS") or [])

    def _url(self, prefix: str, folder: str) -> str:
        lower = self.settings.get("HUGO_PATH_TO_LOWER", True) is not False
        parts = [prefix] if prefix else []
        parts += [urls.sanitize(part, lower) for part in folder.split("/") if part]
        return "/" + "".join(f"{part}/" for part in parts)


class RefResolver:
    """Hugo's ``ref``/``relref`` for one build's pages.

    ``describe`` gives the metadata the reader makes of a content file
    (its ``url``, ``hugo_unbuilt``, ``status``, ``params``); ``front`` its
    front matter's fields alone (cheaper: read for every page when a name
    is looked up, to know the terms).
    """

    def __init__(
        self,
        settings: Mapping[str, Any],
        describe: Callable[[str], dict[str, Any]],
        front: Callable[[str], Mapping[str, Any] | None] | None = None,
    ) -> None:
        self.settings = settings
        self.describe = describe
        self.front = front or self._params
        self._tree: ContentTree | None = None
        self._described: dict[tuple[str, int], dict[str, Any] | None] = {}

    @property
    def tree(self) -> ContentTree:
        if self._tree is None:
            self._tree = ContentTree(self.settings)
        return self._tree

    def resolve(
        self, args: Any, page: Any, shown_path: str, line: int, absolute: bool
    ) -> str:
        """The URL Hugo's ``ref`` (``absolute``) or ``relref`` prints for
        ``args`` (a target, ``[target, outputFormat]`` or a map of ``path``,
        ``lang``, ``outputFormat``) on a line of the page of ``shown_path``.
        A target Hugo finds no page for is an error, or, with the Hugo
        config's ``refLinksErrorLevel = "warning"``, a warning and the
        config's ``refLinksNotFoundURL``, as in Hugo."""
        target, language, output_format = _ref_args(args)
        try:
            return self._resolve(
                target, language, output_format, page, shown_path, absolute
            )
        except RefError as error:
            not_found = str(self.settings.get("HUGO_REF_LINKS_NOT_FOUND_URL") or "")
            caller = self.tree.entry(shown_path)
            if caller is not None and self._describe(caller.path) is None:
                return not_found  # Hugo never renders that page (a draft...)
            level = str(self.settings.get("HUGO_REF_LINKS_ERROR_LEVEL") or "")
            if level.lower() != "warning":
                raise
            logger.warning(
                '%s:%d: ref "%s": %s (REF_NOT_FOUND); it links to %r',
                shown_path,
                line,
                target,
                error.what,
                not_found,
            )
            return not_found

    def _resolve(
        self,
        target: str,
        language: str,
        output_format: str,
        page: Any,
        shown_path: str,
        absolute: bool,
    ) -> str:
        default = self.tree.default
        own = str(page.lang or "").lower() or default
        known = self.settings.get("HUGO_LANGUAGES") or [default]
        if language and language != own and language not in known:
            raise RefError(
                f'no site found with lang "{language}"',
                "give a language of the Hugo config's [languages]",
            )
        if not target:
            return ""
        language = language or own
        path, fragment = _parse_target(target)
        link = ""
        if path:
            node = self.find(path, shown_path, language)
            if node is None:
                raise RefError(
                    "no page of the content is at that path or has that name",
                    "give the page's path from the content folder (e.g. "
                    "'posts/my-post.md') or from this page's folder, or add "
                    "the page",
                )
            link = self._link(node, output_format, absolute)
        if fragment:
            link = f"{link}#{fragment}"
        return link

    def find(self, ref: str, shown_path: str, language: str) -> Node | None:
        """Hugo 0.111's ``getContentNode`` for a ref from a page."""
        tree = self.tree.tree(language)
        ref = ref.strip().lower() or "/"
        in_ref = ref
        caller = self.tree.entry(os.path.abspath(shown_path))
        if caller is not None and not ref.startswith("/"):
            base = posixpath.dirname(caller.hugo_path)
            if _stem(caller.hugo_path) == "index" and not ref.startswith(".."):
                base = posixpath.dirname(base)  # a bundle looks beside itself
            ref = posixpath.normpath(posixpath.join("/", base.lower(), ref))
        if not ref.startswith("/"):
            ref = "/" + ref
        node, name = self._section_or_page(tree, ref, language)
        if node is not None:
            return node
        if not in_ref.startswith("/"):
            node, _ = self._section_or_page(tree, "/" + in_ref, language)
            if node is not None:
                return node
        pref = _with_slash(ref)
        # Only a name ("a", "/a"; not "./a", ".a") is looked up across the
        # content (Hugo's shouldDoSimpleLookup).
        by_name = not in_ref.startswith(".") and (
            in_ref.count("/") == 0
            or (in_ref.count("/") == 1 and in_ref.startswith("/"))
        )
        plurals = [key for key, n in tree.taxonomies.items() if n.kind == "taxonomy"]
        if by_name or any(pref.startswith(key) for key in plurals):
            # Terms come from every built page's front matter: read once,
            # and only for a target that may name one.
            self.tree.read_terms(language, self.front)
        candidates = {k: n for k in _prefixes(pref) if (n := tree.taxonomies.get(k))}
        key = next((k for k, n in candidates.items() if self._built(n)), None)
        if key is not None:
            return tree.taxonomies[key] if key.count("/") == pref.count("/") else None
        if not by_name:
            return None
        built = [n for n in tree.names.get(_go_base(name), []) if self._built(n)]
        if len(built) > 1:
            raise RefError(
                f'page reference "{ref}" is ambiguous: '
                + ", ".join(self._shown(n) for n in built)
                + " have that name",
                "give the page's path from the content folder "
                "(e.g. 'posts/my-post.md')",
            )
        return built[0] if built else None

    def _section_or_page(
        self, tree: _LanguageTree, ref: str, language: str
    ) -> tuple[Node | None, str]:
        pref = _with_slash(ref)
        section = _longest(tree.sections, pref)
        if section == pref:
            node = tree.sections[section]
            return (node if self._built(node) else None), ""
        filename = ref.removeprefix(section).removeprefix("/")
        name = _no_ext(filename).removesuffix(f".{language}")
        name = name.removesuffix("/index").removesuffix("/_index")
        node = tree.sections[section]
        if node.file and os.path.basename(node.file) == filename:
            return (node if self._built(node) else None), name
        found = tree.pages.get((section, name))
        return (found if found and self._built(found) else None), name

    def _link(self, node: Node, output_format: str, absolute: bool) -> str:
        location = node.url
        if node.file:
            metadata = self._describe(node.file) or {}
            if metadata.get("status") == "skip":
                location = ""  # built but not rendered: Hugo links nowhere
            else:
                location = "/" + str(metadata.get("url", ""))
        kind = node.kind
        fmt = output_format.lower()
        if fmt and fmt != "html":
            rss = "rss" not in set(self.settings.get("HUGO_DISABLED_KINDS") or [])
            if fmt == "rss" and rss and kind != "page" and location:
                location += "index.xml"
            else:
                raise RefError(
                    f'the page has no output format "{output_format}"',
                    "give html, or rss for a section, the home page or a term",
                )
        if not location:
            return ""
        site = str(self.settings.get("SITEURL", "") or "").rstrip("/")
        if absolute:
            return site + location
        return urlsplit(site).path.rstrip("/") + location

    def _built(self, node: Node) -> bool:
        """Whether Hugo builds a node's page (and so has it in its tree)."""
        if node.file is not None:
            return self._describe(node.file) is not None
        return not node.members or any(
            self._describe(path) is not None for path in node.members
        )

    def _describe(self, path: str) -> dict[str, Any] | None:
        """The reader's metadata of a file; None when Hugo does not build it.
        Kept per version of the file (live reload keeps the reader)."""
        key = (path, os.stat(path).st_mtime_ns)
        if key not in self._described:
            metadata = self.describe(path)
            self._described[key] = None if metadata.get("hugo_unbuilt") else metadata
        return self._described[key]

    def _params(self, path: str) -> Mapping[str, Any] | None:
        """A built page's params, where no ``front`` is given."""
        metadata = self._describe(path)
        return metadata.get("params") if metadata else None

    def _shown(self, node: Node) -> str:
        if node.file:
            return os.path.relpath(node.file, self.settings["PATH"]).replace(
                os.sep, "/"
            )
        return f"the {node.kind} {node.key}"


def _ref_args(args: Any) -> tuple[str, str, str]:
    """Hugo's ``refArgsToMap``: the target, its language, its output format."""
    if isinstance(args, Mapping):
        given = {str(k).lower(): v for k, v in args.items()}
        return (
            param_text(given.get("path")),
            param_text(given.get("lang")),
            param_text(given.get("outputformat")),
        )
    if isinstance(args, (list, tuple)):
        if not args or len(args) > 2:
            raise ValueError("invalid number of arguments to ref")
        return param_text(args[0]), "", param_text(args[1]) if len(args) == 2 else ""
    return param_text(args), "", ""


def _parse_target(target: str) -> tuple[str, str]:
    """The path and fragment of a target, as Go's ``url.Parse`` splits them."""
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in target):
        raise ValueError(f"is not a valid URL (a control character); {_WRITE}")
    rest, _, fragment = target.partition("#")
    rest = rest.partition("?")[0]
    if _BAD_ESCAPE.search(rest) or _BAD_ESCAPE.search(fragment):
        raise ValueError(f"is not a valid URL (a % without two hex digits); {_WRITE}")
    scheme = _SCHEME.match(rest)
    if scheme:
        rest = rest[scheme.end() :]
        if not rest.startswith("/"):
            rest = ""  # opaque: no path
    elif ":" in rest.partition("/")[0]:
        raise ValueError(f"is not a valid URL (a ':' in its first part); {_WRITE}")
    if rest.startswith("//") and (scheme or not rest.startswith("///")):
        _host, slash, path = rest[2:].partition("/")
        rest = slash + path  # the host is no part of the path
    return unquote(rest), unquote(fragment)


def _term_names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [
        str(v).strip()
        for v in values
        if isinstance(v, (str, int, float)) and not isinstance(v, bool)
    ]


def _bundle_folders(entries: Iterable[_Entry]) -> tuple[set[str], set[str]]:
    """The folders that are leaf bundles and those that are branches. Hugo
    reads every language's folders as one (``contentDir`` per language
    too), so a file of any language decides; a folder with both an
    ``_index`` and an ``index`` file is a branch (Hugo warns), its
    ``index`` files plain pages."""
    leaves: set[str] = set()
    branches: set[str] = set()
    for entry in entries:
        stem = _stem(entry.hugo_path)
        if stem in ("index", "_index"):
            kind = leaves if stem == "index" else branches
            kind.add(posixpath.dirname(entry.hugo_path))
    return leaves - branches, branches


def _bundle_path(hugo_path: str, branches: set[str]) -> str:
    """A page's path in Hugo's tree: its bundle's folder, or its file
    without extension (``/posts/a``; an ``index`` file in a branch's folder
    too: ``/posts/index``)."""
    folder, stem = posixpath.dirname(hugo_path), _stem(hugo_path)
    own = stem == "index" and folder not in branches
    path = folder if own else posixpath.join(folder, stem)
    return posixpath.normpath("/" + path)


def _stem(hugo_path: str) -> str:
    return posixpath.splitext(posixpath.basename(hugo_path))[0]


def _inside_leaf(folder: str, leaves: set[str], own: bool) -> bool:
    """Whether a file in ``folder`` is a resource of a leaf bundle (the
    bundle's own ``index`` file is not)."""
    parts = folder.split("/") if folder else []
    for depth in range(len(parts), -1, -1):
        above = "/".join(parts[:depth])
        if above in leaves and not (own and depth == len(parts)):
            return True
    return False


def _longest(keys: Mapping[str, Any], text: str, default: str | None = "/") -> Any:
    """The longest key that ``text`` starts with (a radix tree's
    LongestPrefix): every key ends with "/", so only ``text`` up to each of
    its slashes can be one."""
    end = len(text)
    while end > 0:
        end = text.rfind("/", 0, end)
        if end < 0:
            break
        if text[: end + 1] in keys:
            return text[: end + 1]
    return default


def _prefixes(text: str) -> list[str]:
    """``text`` up to each of its slashes, longest first."""
    return [text[: i + 1] for i in range(len(text) - 1, -1, -1) if text[i] == "/"]


def _with_slash(text: str) -> str:
    return text if text.endswith("/") else text + "/"


def _no_ext(path: str) -> str:
    """Go's ``paths.PathNoExt``: without the extension of its last part."""
    last = path.rpartition("/")[2]
    dot = last.rfind(".")
    return path[: len(path) - len(last) + dot] if dot >= 0 else path


def _go_base(path: str) -> str:
    """Go's ``path.Base``: the last element, trailing slashes removed."""
    stripped = path.rstrip("/")
    if not stripped:
        return "/" if path else "."
    return stripped.rpartition("/")[2]
