"""Live reload's quick, lists and moves paths: a page whose text alone
changed is rendered alone, a post whose title, date or tags changed with its
lists, and the output is always what a clean build gives."""

from __future__ import annotations

import dataclasses
import filecmp
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from cameo_tools.build import BuildResult, build
from cameo_tools.incremental import LiveSite

from .conftest import HUGO_SETTINGS, write_tree

# A blog with lists that show titles, dates, tags and summaries.
OVERRIDES = {
    "DIRECT_TEMPLATES": ["index", "tags", "404"],
    "TAG_SAVE_AS": "tags/{slug}/index.html",
    "TAG_URL": "tags/{slug}/",
    "FEED_ALL_RSS": "index.xml",
    # Translations linked by Hugo's key (the file's path), as a Hugo site with
    # languages has them; by Pelican's default, the slug, a title change
    # would change the slug and need a full build.
    "ARTICLE_TRANSLATION_ID": "hugo_translation_key",
}
LONG = " ".join(["Words that keep the summary the same."] * 12)


@pytest.fixture(autouse=True)
def fixed_feed_time(monkeypatch):
    """A feed with no post (every post moved away) carries the time of its
    build, unless SOURCE_DATE_EPOCH gives one: two builds a second apart
    would differ."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _post(
    number: int, title: str, tags: list[str], body: str, summary: bool, day: int = 0
) -> str:
    lines = [
        "---",
        f"title: {title}",
        f"date: 2024-01-{day or number % 28 + 1:02d}",
        f"tags: {tags!r}",
    ]
    if summary:
        lines.append(f"summary: The summary of {title}.")
    return "\n".join([*lines, "---", body, ""])


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(compared: filecmp.dircmp, prefix: str) -> None:
        found.extend(
            prefix + name
            for name in compared.left_only + compared.right_only + compared.diff_files
        )
        for name, below in compared.subdirs.items():
            walk(below, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return sorted(found)


def _build(
    live: LiveSite, root: Path, changed=(), extra: dict | None = None
) -> int | BuildResult:
    overrides = {"PATH": str(root / "content"), "CACHE_PATH": str(root / "cache")}
    overrides = {**overrides, **OVERRIDES, **(extra or {})}
    return live.build(HUGO_SETTINGS, root / "out", overrides, changed=changed)


def _clean(root: Path, extra: dict | None = None) -> Path:
    clean = root / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    overrides = {"PATH": str(root / "content"), "CACHE_PATH": str(root / "cache2")}
    build(HUGO_SETTINGS, clean, {**overrides, **OVERRIDES, **(extra or {})})
    return clean


def test_a_text_edit_renders_one_page_and_a_title_edit_the_lists(tmp_path):
    post = tmp_path / "content/posts/one.md"
    write_tree(
        tmp_path,
        {
            "content/posts/one.md": _post(1, "One", ["a"], LONG, summary=True),
            "content/posts/two.md": _post(2, "Two", ["a", "b"], LONG, summary=False),
        },
    )
    live = LiveSite()
    assert isinstance(_build(live, tmp_path), BuildResult)
    post.write_text(_post(1, "One", ["a"], LONG + "\n\nA new paragraph.", True))
    assert _build(live, tmp_path, [post]) == 1  # the quick path: one file
    html = (tmp_path / "out/posts/one/index.html").read_text("utf-8")
    assert "A new paragraph." in html
    assert _differences(tmp_path / "out", _clean(tmp_path)) == []
    # A new title: the post's page, the lists and the feeds, no other post.
    post.write_text(_post(1, "One again", ["a"], LONG, True))
    written = _build(live, tmp_path, [post])
    assert isinstance(written, int) and written > 1
    assert "One again" in (tmp_path / "out/tags/a/index.html").read_text("utf-8")
    assert _differences(tmp_path / "out", _clean(tmp_path)) == []
    # A new date moves the post in every list: the lists are worked out
    # again, and no other post's page is rendered.
    other = tmp_path / "out/posts/two/index.html"
    untouched = other.stat().st_ino, other.stat().st_mtime_ns
    post.write_text(_post(3, "One again", ["a"], LONG, True))
    written = _build(live, tmp_path, [post])
    assert isinstance(written, int) and written > 1
    assert (other.stat().st_ino, other.stat().st_mtime_ns) == untouched
    assert _differences(tmp_path / "out", _clean(tmp_path)) == []
    # A post moving to a new tag, the old one keeping a post: the same.
    post.write_text(_post(3, "One again", ["b"], LONG, True))
    assert isinstance(_build(live, tmp_path, [post]), int)
    assert _differences(tmp_path / "out", _clean(tmp_path)) == []
    # A tag left with no post: its page goes, in a full build.
    two = tmp_path / "content/posts/two.md"
    two.write_text(_post(2, "Two", ["b"], LONG, summary=False))
    assert isinstance(_build(live, tmp_path, [two]), BuildResult)
    assert not (tmp_path / "out/tags/a").exists()
    assert _differences(tmp_path / "out", _clean(tmp_path)) == []
    # A new address: links to it anywhere may change, a full build.
    text = _post(3, "One again", ["b"], LONG, True)
    post.write_text(text.replace("---\n", "---\nslug: first\n", 1))
    assert isinstance(_build(live, tmp_path, [post]), BuildResult)
    assert _differences(tmp_path / "out", _clean(tmp_path)) == []


def test_a_title_among_posts_of_one_date_reorders_the_lists(tmp_path):
    """Hugo orders the posts of one date by title."""
    post = tmp_path / "content/posts/one.md"
    write_tree(
        tmp_path,
        {
            "content/posts/one.md": _post(1, "One", ["a"], LONG, summary=True),
            "content/posts/two.md": _post(1, "Two", ["a"], LONG, summary=True),
        },
    )
    live = LiveSite()
    _build(live, tmp_path)
    post.write_text(_post(1, "Zed", ["a"], LONG, True))
    assert isinstance(_build(live, tmp_path, [post]), int)  # the moves path
    assert _differences(tmp_path / "out", _clean(tmp_path)) == []


def test_a_paginated_list_that_gets_shorter_builds_all(tmp_path):
    """Its last page may go: a full build removes it."""
    one = tmp_path / "content/posts/one.md"
    write_tree(
        tmp_path,
        {
            "content/posts/one.md": _post(1, "One", ["a"], LONG, summary=True),
            "content/posts/two.md": _post(2, "Two", ["a"], LONG, summary=True),
            "content/posts/three.md": _post(3, "Three", ["b"], LONG, summary=True),
        },
    )
    paginated = {"DEFAULT_PAGINATION": 1}
    live = LiveSite()
    _build(live, tmp_path, extra=paginated)
    assert (tmp_path / "out/tags/a/index2.html").exists()
    one.write_text(_post(1, "One", ["b"], LONG, True))
    assert isinstance(_build(live, tmp_path, [one], paginated), BuildResult)
    assert not (tmp_path / "out/tags/a/index2.html").exists()
    assert _differences(tmp_path / "out", _clean(tmp_path, paginated)) == []
    # Back: the list of a only grows, so its lists are worked out again.
    one.write_text(_post(1, "One", ["a", "b"], LONG, True))
    assert isinstance(_build(live, tmp_path, [one], paginated), int)
    assert (tmp_path / "out/tags/a/index2.html").exists()
    assert _differences(tmp_path / "out", _clean(tmp_path, paginated)) == []


@dataclasses.dataclass
class Post:
    title: str
    tags: list[str]
    body: str
    summary: bool
    section: str = "posts"
    name: str = ""  # the file's name, without .md (default: post-N)
    draft: bool = False
    aliases: list[str] = dataclasses.field(default_factory=list)
    day: int = 0  # of its date in January (default: from its number)


class LiveEdits(RuleBasedStateMachine):
    """Random edits, each followed by a live rebuild: the output always
    equals a clean build of the same files."""

    # A Hugo config for the site (None: none), and the settings it needs.
    hugo_toml: str | None = None

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="cameo-live-"))
        self.extra: dict = {}
        if self.hugo_toml is not None:
            config = self.root / "hugo.toml"
            config.write_text(self.hugo_toml, "utf-8")
            self.extra = {
                "HUGO_FRONTMATTER": {"hugo_urls": True, "hugo_config": str(config)}
            }
        self.posts: dict[int, Post] = {
            number: Post(f"Post {number}", ["a"], LONG, number % 2 == 0)
            for number in range(4)
        }
        for number in self.posts:
            self._write(number)
        self.live = LiveSite()
        _build(self.live, self.root, extra=self.extra)
        self.quick = 0  # edits that took the quick path

    def _path(self, number: int) -> Path:
        post = self.posts[number]
        name = post.name or f"post-{number}"
        return self.root / "content" / post.section / f"{name}.md"

    def _write(self, number: int) -> Path:
        post = self.posts[number]
        path = self._path(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = _post(number, post.title, post.tags, post.body, post.summary, post.day)
        extra = "draft: true\n" if post.draft else ""
        if post.aliases:
            extra += f"aliases: {post.aliases!r}\n"
        if self.hugo_toml is not None:  # the config's own taxonomy
            extra += f"series: {post.tags!r}\n"
        path.write_text(text.replace("---\n", "---\n" + extra, 1), "utf-8")
        return path

    def _rebuild(self, changed: list[Path]) -> None:
        if isinstance(_build(self.live, self.root, changed, self.extra), int):
            self.quick += 1

    def _change(self, number: int, **changes) -> None:
        """Give post ``number`` ``changes`` and rebuild with the files that
        changed (a rename or a move: the old path and the new)."""
        before = self._path(number)
        self.posts[number] = dataclasses.replace(self.posts[number], **changes)
        after = self._path(number)
        if before != after:
            before.unlink()
        self._rebuild(sorted({before, self._write(number)}))

    numbers = st.integers(min_value=0, max_value=5)
    words = st.text("abc xyz", min_size=1, max_size=30)

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), words=words)
    def edit_end(self, data, words):
        """Past the summary: the quick path."""
        number = data.draw(st.sampled_from(sorted(self.posts)))
        body = f"{self.posts[number].body}\n\n{words.strip() or 'w'}"
        self._change(number, body=body)

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), words=words)
    def edit_opening(self, data, words):
        """The opening words, which a post without a written summary shows
        in the lists: the lists path."""
        number = data.draw(st.sampled_from(sorted(self.posts)))
        self._change(number, body=f"{words.strip() or 'w'} {self.posts[number].body}")

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), title=st.sampled_from(["Alpha", "Beta", "Gamma"]))
    def edit_title(self, data, title):
        number = data.draw(st.sampled_from(sorted(self.posts)))
        self._change(number, title=title)

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), day=st.integers(min_value=1, max_value=5))
    def edit_date(self, data, day):
        """A new date moves the post in every list."""
        number = data.draw(st.sampled_from(sorted(self.posts)))
        self._change(number, day=day)

    @rule(words=st.sampled_from(["", "Words from the section."]))
    def edit_cascade(self, words):
        """The section's ``cascade`` gives its posts a description, which
        the lists show for a post without a summary."""
        path = self.root / "content" / "posts" / "_index.md"
        cascade = f"cascade:\n  description: {words}\n" if words else ""
        path.write_text(f"---\ntitle: Posts\n{cascade}---\n", "utf-8")
        self._rebuild([path])

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), tags=st.lists(st.sampled_from("abc"), max_size=2))
    def edit_tags(self, data, tags):
        number = data.draw(st.sampled_from(sorted(self.posts)))
        self._change(number, tags=tags)

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), name=st.sampled_from(["renamed", "other"]))
    def rename(self, data, name):
        number = data.draw(st.sampled_from(sorted(self.posts)))
        taken = {post.name for key, post in self.posts.items() if key != number}
        if name not in taken:
            self._change(number, name=name)

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), section=st.sampled_from(["posts", "notes"]))
    def move(self, data, section):
        """To another section (its own list page and feed)."""
        number = data.draw(st.sampled_from(sorted(self.posts)))
        self._change(number, section=section)

    @precondition(lambda self: self.posts)
    @rule(data=st.data())
    def flip_draft(self, data):
        number = data.draw(st.sampled_from(sorted(self.posts)))
        self._change(number, draft=not self.posts[number].draft)

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), alias=st.sampled_from([[], ["/old/"], ["/older/"]]))
    def edit_aliases(self, data, alias):
        number = data.draw(st.sampled_from(sorted(self.posts)))
        taken = {
            a for key, post in self.posts.items() if key != number for a in post.aliases
        }
        if not taken & set(alias):
            self._change(number, aliases=alias)

    @rule(number=numbers)
    def add_or_remove(self, number):
        if number in self.posts:
            path = self._path(number)
            del self.posts[number]
            path.unlink()
            self._rebuild([path])
        else:
            self.posts[number] = Post(f"New {number}", ["b"], LONG, True)
            self._rebuild([self._write(number)])

    @invariant()
    def output_is_a_clean_builds(self):
        clean = _clean(self.root, self.extra)
        assert _differences(self.root / "out", clean) == []

    def teardown(self):
        shutil.rmtree(self.root, ignore_errors=True)


LiveEdits.TestCase.settings = settings(
    max_examples=10,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_live_edits_equal_a_clean_build = pytest.mark.slow(LiveEdits.TestCase)


class LiveEditsWithHugoConfig(LiveEdits):
    """The same, with a Hugo config whose taxonomies (one of the site's own)
    have their own term pages, lists of terms and feeds."""

    hugo_toml = """baseURL = "http://example.org/"
[taxonomies]
tag = "tags"
series = "series"
"""


LiveEditsWithHugoConfig.TestCase.settings = LiveEdits.TestCase.settings
test_live_edits_with_a_hugo_config = pytest.mark.slow(LiveEditsWithHugoConfig.TestCase)
