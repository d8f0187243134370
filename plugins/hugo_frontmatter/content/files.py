"""Hugo's rule for the files of the content folder: which are pages and
which are copied as they are (Hugo 0.111, ``hugofs/files/classifier.go``),
and where a file outside any bundle goes.

- A file is a page when its extension is one of Hugo's content formats;
  an ``.html``/``.htm`` file is one only when it does not open (after white
  space) with a tag: ``<p>...`` or an empty file is copied as it is, while
  ``---``-front matter, plain text or an opening HTML comment is a page
  (the comment without front matter stops Hugo's build).
- A Markdown file inside a leaf bundle is one of the bundle's resources,
  not a page of its own (``is_bundle_resource``).
- Names starting with ``.`` or ``#``, or ending with ``~``, are ignored.
- A file in a leaf bundle goes beside its page, one directly in a branch
  bundle's folder (``_index.md``, the home page's too) beside its list page
  (``site/bundles.py`` places both); any other goes to its own path in the content.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable

# Hugo's content formats (files.contentFileExtensions).
CONTENT_EXTENSIONS = frozenset(
    {
        *("html", "htm", "mdown", "markdown", "md", "asciidoc", "adoc", "ad"),
        *("rest", "rst", "org", "pandoc", "pdc"),
    }
)
HTML_EXTENSIONS = frozenset({"html", "htm"})
_COMMENT = "<!--"


def is_ignored(name: str) -> bool:
    """Whether Hugo leaves out a file or folder of this name."""
    return name.startswith((".", "#")) or name.endswith("~")


def extension(path: str) -> str:
    return os.path.splitext(path)[1].lstrip(".").lower()


def is_plain_html(path: str) -> bool:
    """An ``.html``/``.htm`` file that Hugo copies as it is: its first
    character past white space is ``<`` and it opens no comment (or it
    is empty). A byte order mark is not white space to Hugo: such a file
    is a page."""
    with open(path, "rb") as handle:
        data = handle.read()
    text = data.decode("utf-8", errors="replace").lstrip()
    opens_comment = text.startswith(_COMMENT) and len(text) > len(_COMMENT)
    return not text or (text.startswith("<") and not opens_comment)


def is_leaf_folder(folder: str, languages: Iterable[str] = ()) -> bool:
    """A leaf bundle's folder: ``index.md`` and no ``_index.md`` (with
    both, Hugo 0.111 makes it a branch and ignores the ``index.md``). In
    one of the site's ``languages``, ``index.fr.md`` (``_index.fr.md``)
    counts as well: Hugo reads the name without its language."""
    suffixes = [".md", *(f".{language}.md" for language in languages)]

    def has(stem: str) -> bool:
        return any(os.path.isfile(os.path.join(folder, stem + s)) for s in suffixes)

    return has("index") and not has("_index")


def is_bundle_resource(
    source_path: str,
    content_root: str,
    name: str | None = None,
    languages: Iterable[str] = (),
) -> bool:
    """A Markdown file inside a leaf bundle (a folder with ``index.md`` and
    no ``_index.md``) is one of that bundle's resources, not a page of its
    own, as in Hugo; so is, for Hugo 0.111 ignores it, an ``index.md``
    beside an ``_index.md``. ``name`` is the file's name as Hugo reads it,
    without its language: ``index.fr.md`` is the bundle's page in French,
    and makes its folder a leaf bundle (one of the site's ``languages``)."""
    root = os.path.abspath(content_root)
    path = os.path.abspath(source_path)
    folder = os.path.dirname(path)
    if (name or os.path.basename(path)) == "index.md":
        if os.path.isfile(os.path.join(folder, "_index.md")):
            return True
        folder = os.path.dirname(folder)
    while folder.startswith(root) and folder != root:
        if is_leaf_folder(folder, languages):
            return True
        folder = os.path.dirname(folder)
    return False


def is_page_file(path: str) -> bool:
    """Whether Hugo reads the file as a page (not a file to copy)."""
    ext = extension(path)
    if ext not in CONTENT_EXTENSIONS:
        return False
    return not (ext in HTML_EXTENSIONS and is_plain_html(path))


def loose_files(root: str, left_out: Iterable[str]) -> Iterable[tuple[str, str]]:
    """The files under ``root`` (a content folder) that are in no bundle:
    (path on disk, posix path below ``root``). Leaf bundles are left out
    whole, the files directly beside an ``_index.md`` too
    (its bundle's), and the folders of ``left_out`` (absolute paths, such
    as Pelican's static folders). A link is listed, not followed."""
    skipped = {os.path.abspath(folder) for folder in left_out}
    for parent, folders, files in os.walk(root):
        folders[:] = sorted(
            name
            for name in folders
            if not is_ignored(name)
            and os.path.abspath(os.path.join(parent, name)) not in skipped
            and not is_leaf_folder(os.path.join(parent, name))
        )
        if "index.md" in files or "_index.md" in files:
            continue  # a bundle's own files
        relative = os.path.relpath(parent, root).replace(os.sep, "/")
        for name in sorted(files):
            full = os.path.join(parent, name)
            if is_ignored(name) or (os.path.isfile(full) and is_page_file(full)):
                continue
            yield full, posixpath.normpath(posixpath.join(relative, name))
