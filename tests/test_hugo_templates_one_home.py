"""Rules that had two homes in ``hugo_templates`` and now have one, checked
where the copies differed: against Hugo's own pages."""

from pathlib import Path

import pytest

from .hugo_functions_oracle import cameo_output, hugo_outputs
from .test_go_shortcodes import CONFIG, _cameo_bodies, _hugo_bodies

# Markdown as .Page.RenderString renders it inline, raw HTML allowed. Hugo's
# TrimShortHTML (hugo_text.trim_short_html) drops the "<p>" when the text
# has one "<p" and its last end tag is "</p>", even with more after it; the
# shortcode objects' own copy wanted the text to end in "</p>".
CONFIG_UNSAFE = CONFIG + "[markup.goldmark.renderer]\nunsafe = true\n"
RENDER_STRING_INPUTS = [
    "<p>a</p>\n<!-- c -->",  # differed: the <p> stayed
    "<p>a</p>\n<hr>",  # differed: the same
    "<!-- x -->",
    "*md*",
    "  a  \n",
    "a\n\nb",
    "1. x",
    "<p>x</p>",
    "text\n\n<p>y</p><i>z</i>",
]


@pytest.mark.hugo
def test_render_string_inline_trims_as_hugo(hugo, tmp_path: Path):
    files = {
        "themes/t/layouts/shortcodes/themed.html": "",
        "layouts/shortcodes/rs.html": "[{{ .Inner | .Page.RenderString }}]",
    }
    for n, text in enumerate(RENDER_STRING_INPUTS):
        files[f"content/posts/p{n}.md"] = (
            "---\ntitle: P\n---\n{{< rs >}}" + text + "{{< /rs >}}\n"
        )
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files, CONFIG_UNSAFE)
    # A cache of its own: the shared one may hold pages an older rule made.
    ours = _cameo_bodies(
        tmp_path / "cameo",
        files,
        config=CONFIG_UNSAFE,
        CACHE_PATH=str(tmp_path / "cache"),
    )
    assert ours == theirs
    assert ours["content/posts/p0.md"] == "[a</p>\n<!-- c -->]"


# Each namespace written by a different hand named its Go type its own way
# (``*transform.Namespace``, ``Strings``): Hugo's are all ``*NAME.Namespace``.
NAMESPACES = (
    "cast collections compare crypto encoding fmt inflect lang math os path safe "
    "strings time transform urls"
)


@pytest.mark.hugo
def test_every_namespace_has_hugos_type(hugo, tmp_path: Path):
    template = "{{ range slice " + NAMESPACES + ' }}{{ printf "%T" . }}|{{ end }}'
    (want,) = hugo_outputs(hugo, tmp_path, [(template, {})])
    assert cameo_output(template, {}) == want
    assert want.startswith("*cast.Namespace|*collections.Namespace|")
