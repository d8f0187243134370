"""cameo_cached: a list entry rendered once per page object and key."""

from __future__ import annotations

import gc
import weakref

from jinja2 import DictLoader, Environment

from pelican.plugins.cameo.fragments import cached

TEMPLATE = (
    "{% for item in items %}"
    "{% call cameo_cached(item, 'entry', lang) %}"
    "[{{ item.title }} {{ lang }}]"
    "{% endcall %}"
    "{% endfor %}"
)


class Post:
    def __init__(self, title: str) -> None:
        self.title = title


def _render(items, lang="en") -> str:
    environment = Environment(loader=DictLoader({"list": TEMPLATE}), autoescape=True)
    environment.globals["cameo_cached"] = cached
    return environment.get_template("list").render(items=items, lang=lang)


def test_an_entry_is_rendered_once_per_object_and_key():
    post = Post("One")
    assert _render([post]) == "[One en]"
    post.title = "Changed in place"  # a page object is not changed after reading
    assert _render([post]) == "[One en]", "the kept entry"
    assert _render([post], lang="fr") == "[Changed in place fr]", "another key"
    # A new object (what a new read, or live reload after an edit, gives)
    # has no entry yet.
    assert _render([Post("One again")]) == "[One again en]"


def test_a_kept_entry_does_not_keep_its_object():
    post = Post("Gone")
    _render([post])
    alive = weakref.ref(post)
    del post
    gc.collect()
    assert alive() is None


def test_what_cannot_be_referred_to_weakly_is_rendered_each_time():
    assert _render([{"title": "A"}, {"title": "B"}]) == "[A en][B en]"
    # dicts: no weak references, so no entry kept for them
    assert _render([{"title": "C"}]) == "[C en]"


def test_text_is_escaped_once():
    assert _render([Post("<b>")]) == "[&lt;b&gt; en]"
    post = Post("<i>")
    assert _render([post, post]) == "[&lt;i&gt; en][&lt;i&gt; en]"
