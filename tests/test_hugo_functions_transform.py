"""Hugo's transform, urls, time, path and os template functions, checked
against Hugo 0.111: each example is rendered by one Hugo build (many
layouts to a build) and by the gotemplate engine with ``hugo_functions``,
and the pages must be equal byte for byte.

Fixed examples include every one that once differed (kept so that it stays
fixed); Hypothesis draws URLs, paths and text for the URL, path and text
functions, a batch per Hugo build.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelican.plugins.hugo_frontmatter.gotemplate import TemplateError
from pelican.plugins.hugo_frontmatter.hugo_templates import go_url
from pelican.plugins.hugo_frontmatter.hugo_templates.bindings import SiteBindings
from pelican.plugins.hugo_frontmatter.hugo_templates.resource import Resource
from pelican.plugins.hugo_frontmatter.markdown.goldmark import Renderer

from .conftest import examples as how_many
from .conftest import hugo_build, write_tree
from .hugo_functions_oracle import cameo_output

pytestmark = pytest.mark.hugo

KINDS = (
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]\n'
)
BASES = ["http://example.org/", "https://x.org/sub/", "http://example.org/sub/deep/"]
# Two languages, the default one in its folder: relLangURL adds "en".
LANGUAGES = (
    'defaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n'
    + KINDS
    + "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
)

Example = tuple[str, dict[str, Any]]


def hugo_pages(
    hugo: str,
    root: Path,
    examples: list[Example],
    base_url: str = BASES[0],
    languages: bool = False,
    files: dict[str, str] | None = None,
) -> list[str]:
    """Hugo's page for each example, in one build of a site at ``base_url``
    (in English, one of two languages, when ``languages``)."""
    config = f'baseURL = "{base_url}"\n' + (LANGUAGES if languages else KINDS)
    tree = {"config.toml": config, **(files or {})}
    for n, (template, params) in enumerate(examples):
        tree[f"layouts/_default/e{n}.html"] = template
        tree[f"content/e{n}.md"] = (
            "---\n" + json.dumps({"layout": f"e{n}", **params}) + "\n---\n"
        )
    public = hugo_build(hugo, root, tree, layouts={})
    folder = public / "en" if languages else public
    pages = [folder / f"e{n}" / "index.html" for n in range(len(examples))]
    # Go writes bytes: a URL's %90 is a lone byte, read back as Python does.
    return [
        p.read_bytes().decode("utf-8", "surrogateescape") if p.exists() else ""
        for p in pages
    ]


def assert_like_hugo(
    hugo: str,
    root: Path,
    examples: list[Example],
    bindings: SiteBindings,
    **site: Any,
) -> None:
    """Every example renders as Hugo renders it; the message lists all that
    differ."""
    expected = hugo_pages(hugo, root, examples, **site)
    differ = []
    for (template, params), want in zip(examples, expected, strict=True):
        got = cameo_output(template, params, bindings)
        if got != want:
            differ.append(
                f"{template!r} {params!r}\n  hugo:  {want!r}\n  cameo: {got!r}"
            )
    assert not differ, f"{len(differ)} of {len(examples)} differ:\n" + "\n".join(differ)


# -- urls ----------------------------------------------------------------------

URL_INPUTS = [
    "",
    "/",
    "a",
    "/a",  # differed: a leading slash takes no base path in relURL
    "a/",
    "/a/b/",
    "en",
    "/en",
    "en/",
    "/en/x",
    "enx",
    "mystyle.css",
    "http://gohugo.io/",
    "https://x.org/a",
    "//cdn.x/a",
    "a?b=1#c",
    "/a?b=1#frag",
    "../x",
    "./x",
    "a b",
    "é/ü",
    "http://example.org/sub/x",
    "httpx",
    "#top",
    "?q",
    "sub/x",
    "/sub/x",
    42,
]
URL_FUNCTIONS = ["relURL", "absURL", "relLangURL", "absLangURL"]


def _url_examples(inputs: list[Any]) -> list[Example]:
    return [
        (f"[{{{{ {name} .Params.v }}}}]", {"v": value})
        for name in URL_FUNCTIONS
        for value in inputs
    ]


@pytest.mark.parametrize("languages", [False, True], ids=["one-language", "en-fr"])
@pytest.mark.parametrize("base_url", BASES)
def test_url_functions_follow_the_base_url_as_hugo(hugo, tmp_path, base_url, languages):
    bindings = SiteBindings(
        base_url=base_url, language_prefix="en/" if languages else ""
    )
    examples = _url_examples(URL_INPUTS) + [
        ('[{{ "index.html" | absLangURL }}|{{ mul 2 21 | relURL }}]', {}),
        ('[{{ urls.RelURL "x" }}|{{ urls.AbsURL "/y" }}]', {}),
    ]
    assert_like_hugo(
        hugo, tmp_path, examples, bindings, base_url=base_url, languages=languages
    )


URLIZE_INPUTS = [
    "Bat Man",
    "Vim (text editor)",
    "Hello, World!",
    "a/b c#d",
    "É tête",
    "100%",
    "50%25 off",
    "a  --  b",
    " lead",
    "x:y",
    "C++ & C#",
    "über-Straße",
    "İstanbul",
    "tab\there",
    "a\u00a0b",
    "日本語 テスト",
    "a?b=c",
    "//host/x",
    "-x-",
    "ﬁ",
]
PARSE_TEMPLATE = (
    "[{{ with urls.Parse .Params.v }}{{ .Scheme }}|{{ .Host }}|{{ .Path }}|"
    "{{ .RawPath }}|{{ .RawQuery }}|{{ .Fragment }}|{{ .Opaque }}|"
    "{{ .Hostname }}|{{ .Port }}|{{ .User }}|{{ .Query }}|"
    '{{ .Query.Get "x" }}|{{ .IsAbs }}|{{ .String }}|{{ . }}|'
    "{{ .RequestURI }}{{ end }}]"
)
PARSE_INPUTS = [
    "https://user:pa%20ss@example.org:8080/a%20b/c?x=1&y=2&x=3#frag%21",
    "/rel/path?q",
    "mailto:a@b.c",
    "//cdn.x/y",
    "a b",
    "http://[::1]:80/x",
    "?x=1;y=2",
    "#only",
    "HTTP://X.org/É?é=1",
    "%90",  # differed: a lone byte, not UTF-8
]
PATH_INPUTS = [
    "",
    "/",
    "a/b/c.txt",
    "a//b/../c/",
    "//x",
    "/a/b/",
    "a.b.c",
    ".hidden",
    "a/.b",
    "..",
    "../../a",
    "x/",
    "a/b.tar.gz",
]
PATH_FUNCTIONS = ["Base", "Dir", "Ext", "Clean", "Split", "BaseName"]


def _text_examples(
    urlize: list[str], paths: list[str], plain: list[str]
) -> list[Example]:
    examples: list[Example] = []
    for value in urlize:
        examples.append(("[{{ urlize .Params.v }}]", {"v": value}))
        examples.append(("[{{ anchorize .Params.v }}]", {"v": value}))
    for value in paths:
        for name in PATH_FUNCTIONS:
            examples.append((f"[{{{{ path.{name} .Params.v }}}}]", {"v": value}))
        examples.append(
            (
                "[{{ (path.Split .Params.v).Dir }}|{{ (path.Split .Params.v).File }}"
                '|{{ path.Join .Params.v "x" }}]',
                {"v": value},
            )
        )
    for value in plain:
        examples.append(("[{{ plainify .Params.v }}]", {"v": value}))
        examples.append(("[{{ htmlEscape .Params.v }}]", {"v": value}))
        examples.append(("[{{ htmlUnescape .Params.v }}]", {"v": value}))
    return examples


PLAIN_INPUTS = [
    "Hello <strong>world</strong>, gophers!",
    "<p>a</p><p>b</p>",
    "a<br>b<br />c\nd",
    "a  <b> </b>  b",  # differed: white space runs across tags are one
    "no tags",
    "<",  # differed: a lone < is text (html/template's stripTags)
    "a > b",
    "<!-- c --> x",
    "  x  ",
    "\n<p>x</p>\n",
    '<a href="x>y">t</a>',
    "<title>a<b</title>c",
    "<script>x</script>y<style>z</style>",
    "<b=>1",  # differed: "=" for a name ends html/template's reading
    "<b x = 'y'>2",
    "&#1",  # differed: Go reads one digit without ";" as no reference
    "&#1;&#x;&#x41g&#150&#0;&amp&lt&notit",
    # differed: an earlier İ (two characters once lower-cased) moved where
    # the end tag was looked for
    "어<script>İ/'</script>+<<br />&",
    '0<a =!한<b>"cᾳ<textarea></b>',  # "=" for a name ends the text, as in Go
]


def test_urlize_anchorize_parse_path_and_plainify_as_hugo(hugo, tmp_path):
    examples = _text_examples(URLIZE_INPUTS, PATH_INPUTS, PLAIN_INPUTS) + [
        (PARSE_TEMPLATE, {"v": value}) for value in PARSE_INPUTS
    ]
    examples += [
        ('[{{ "Bat Man" | urlize }}|{{ urlize 42 }}|{{ anchorize 4.5 }}]', {}),
        ('[{{ path.Join "a" "" "/b/" "../c" }}|{{ path.Join "" "" }}]', {}),
        ('[{{ path.Join (slice "a" "b") "c" }}|{{ path.Split "a/b" }}]', {}),
        ('[{{ htmlUnescape "&amp;amp; &lt;x&gt; &#39; &copy &#x1F600;" }}]', {}),
        ('[{{ htmlEscape "Cathal & <c@f.b> \\"q\\" \'s\'" | safeHTML }}]', {}),
        ('[{{ urls.URLize "A B" }}|{{ urls.Anchorize "A B" }}]', {}),
    ]
    assert_like_hugo(hugo, tmp_path, examples, SiteBindings(base_url=BASES[0]))


# -- transform -------------------------------------------------------------------

UNMARSHAL_INPUTS = [
    '{"a": 1, "b": [1, 2.5, "x"], "c": {"d": null, "e": true}}',
    "[1, 2, 3]",  # a comma comes first: CSV, a [][]string
    'title = "Hello"\nn = 3\nf = 1.5\n[t]\nx = [1, 2]',
    'a: 1\nb: yes\nc: [x, y]\nd: 2020-01-02\ne: 0777\n"y": n\nf: 1.5e3\ng: ~',
    'a,b,c\n1,2,3\n"x,y",z,w',
    "name: x\nlist:\n  - 1\n  - two",
    "k = 2020-01-02T03:04:05Z",
]
MARKDOWN_INPUTS = [
    "**BatMan**",
    "a *b* c",
    "para 1\n\npara 2",
    "# Head",
    "- a\n- b",
    "<div>x</div>",
    "text <p>inner</p>",
    "`code`",
    "a\nb",
    "",
    "a\u3000",  # differed: TrimShortHTML trims Unicode's spaces, as Go's
    "\u2003a",
]


def test_transform_functions_as_hugo(hugo, tmp_path):
    examples: list[Example] = []
    for value in UNMARSHAL_INPUTS:
        examples.append(("[{{ transform.Unmarshal .Params.v }}]", {"v": value}))
        examples.append(
            (
                '[{{ printf "%v %T" (unmarshal .Params.v) (unmarshal .Params.v) }}]',
                {"v": value},
            )
        )
    examples += [
        (
            '[{{ transform.Unmarshal (dict "delimiter" ";") .Params.v }}]',
            {"v": "a;b\n1;2"},
        ),
        (
            '[{{ unmarshal (dict "Delimiter" ";" "comment" "#") .Params.v }}]',
            {"v": "#c\na;b\n1;2"},
        ),
        (
            "[{{ range $k, $v := unmarshal .Params.v }}{{ $k }}={{ $v.y }}{{ end }}]",
            {"v": '{"x": {"y": 2}}'},
        ),
    ]
    for value in MARKDOWN_INPUTS:
        examples.append(("[{{ markdownify .Params.v }}]", {"v": value}))
    for value in [
        "I :heart: Hugo",
        ":smile: :not_an_emoji: :+1:",
        "a:b:c",
        ":smile::smile:",  # differed: Hugo's scan skips the second code
    ]:
        examples.append(("[{{ emojify .Params.v }}]", {"v": value}))
    bindings = SiteBindings(base_url=BASES[0], markdownify=Renderer().render)
    assert_like_hugo(hugo, tmp_path, examples, bindings)


RESOURCE_FILES = {
    "assets/d.json": '{"a": [1, "x"]}',
    "assets/d.yaml": "a: yes\n",
    "assets/d.csv": "a,b\n1,2\n",
    "assets/s.csv": "a;b\n",
    "assets/d.toml": "[t]\nx = 3\n",
}
RESOURCE_TEMPLATE = (
    "[{{ %(json)s | transform.Unmarshal }}|{{ (%(yaml)s | unmarshal).a }}|"
    '{{ %(csv)s | unmarshal }}|{{ unmarshal (dict "delimiter" ";") %(scsv)s }}|'
    "{{ (%(toml)s | unmarshal).t.x }}]"
)


def test_unmarshal_reads_a_resource_by_its_suffix_as_hugo(hugo, tmp_path):
    names = {"json": "d.json", "yaml": "d.yaml", "csv": "d.csv", "scsv": "s.csv"}
    names["toml"] = "d.toml"
    hugo_template = RESOURCE_TEMPLATE % {
        key: f'(resources.Get "{name}")' for key, name in names.items()
    }
    (want,) = hugo_pages(hugo, tmp_path, [(hugo_template, {})], files=RESOURCE_FILES)
    dot = {
        key: Resource(
            name,
            "/" + name,
            BASES[0],
            load=lambda name=name: RESOURCE_FILES["assets/" + name].encode(),
        )
        for key, name in names.items()
    }
    ours = RESOURCE_TEMPLATE % {key: f".{key}" for key in names}
    assert cameo_output(ours, {}, SiteBindings(base_url=BASES[0]), dot=dot) == want


# -- time --------------------------------------------------------------------------

DATES = [
    "2015-01-21",
    "2015-01-21T15:04:05",
    "2015-01-21T15:04:05Z",
    "2015-01-21T15:04:05+02:00",  # differed: an unnamed zone prints +0200
    "2015-01-21T15:04:05.123456789-07:30",
    "2015-01-21 15:04:05",
    "2015-01-21 15:04:05 +0200",
    "2015-01-21 15:04:05 -07:00",
    "02 Jan 2006",
    "Mon, 02 Jan 2006 15:04:05 -0700",
    "Mon, 02 Jan 2006 15:04:05 MST",
    "2006-01-02 15:04:05.999 -0700 MST",
    "2015-01-21T15:04:05.5Z",
    "2015-01-21 15:04:05Z",
    "2006-01-02T15:04:05-0700",
    "2020-02-29T23:59:59+14:00",
    "1999-12-31T00:00:00-12:00",
    "2021-06-01T12:30:00Z",
    1500000000,
    # every layout spf13/cast tries (Go's time.Parse on each)
    "2015-01-21T15:04:05+00:00",
    "2015-01-21 15:04:05 +0000 UTC",
    "2015-01-21 15:04:05.5 +0100 CET",
    "02 Jan 06 15:04 -0700",
    "02 Jan 06 15:04 MST",
    "Monday, 02-Jan-06 15:04:05 MST",
    "Mon Jan  2 15:04:05 2006",
    "Mon Jan 2 15:04:05 2006",
    "Mon Jan  2 15:04:05 MST 2006",
    "Mon Jan 02 15:04:05 -0700 2006",
    "2015-01-21 15:04:05,25",
    "2015-01-21T15:04:05+0200",
    "2015-01-21  15:04:05",
    "Mon, 02 Jan 2006 15:04:05 GMT+2",  # differed: Go moves the clock
    "Tue, 02 Jan 2006 15:04:05 -0700",
    "2016-02-29",
    "2015-01-21T15:04:05.999999999999Z",
    "Mon, 02 Jan 2006 15:04:05 +02",
]
LAYOUTS = [
    "Jan 2, 2006",
    "Monday, January 2, 2006 3:04 PM",
    "2006-01-02T15:04:05Z07:00",
    "02/01/06 _2 __2 002",
    ":date_long",
    ":date_full",
    ":date_medium",
    ":date_short",
    ":time_full",  # differed: go-locales' hour is 0 at midnight
    ":time_long",
    ":time_medium",
    ":time_short",
    "15:04:05.000 .999 ,000000 pm MST -0700 -07 Z07:00 Z0700",
    "Janx Monx Jan Mondays",
    "_2006 2006_2",
]
TIME_FIELDS = (
    "[{{ with time .Params.v }}{{ .Year }} {{ .Month }} {{ .Day }} {{ .Weekday }} "
    "{{ .YearDay }} {{ .Unix }} {{ .Hour }}:{{ .Minute }}:{{ .Second }} "
    "{{ .Nanosecond }} {{ .UTC }} {{ .Location }} {{ .IsZero }} "
    '{{ printf "%d" .Month }}'
    "{{ end }}]"
)


def test_time_functions_as_hugo(hugo, tmp_path):
    examples: list[Example] = []
    for date in DATES:
        examples.append(("[{{ time .Params.v }}]", {"v": date}))
        examples.append((TIME_FIELDS, {"v": date}))
        for layout in LAYOUTS:
            examples.append(
                ("[{{ dateFormat .Params.l .Params.v }}]", {"v": date, "l": layout})
            )
    examples += [
        ('[{{ time.AsTime "2015-01-21T15:04:05" "Europe/Oslo" }}]', {}),
        ('[{{ time "2015-07-21 15:04:05" "America/New_York" }}]', {}),
        ('[{{ (time "2015-07-21T15:04:05Z").Format "Jan 2 MST" }}]', {}),
        ('[{{ time.Format "Jan 2" "2015-07-21" }}]', {}),
        (
            '[{{ (time "2015-01-31").AddDate 0 1 0 }}|'
            '{{ (time "2015-01-31").Add (duration "h" 25) }}|'
            '{{ (time "2015-03-01").Sub (time "2015-01-01") }}]',
            {},
        ),
        (
            '[{{ (time "2015-01-31").Before (time "2016-01-01") }}'
            '{{ (time "2015-01-31").After (time "2016-01-01") }}]',
            {},
        ),
    ]
    for text in [
        "1h12m10s",
        "300ms",
        "-1.5h",
        "2h45m",
        "1us",
        "1µs",
        "0",
        "1.000000001s",
        "100h",
        "+5m",
        ".5s",
        "1h1.5m",
        "1592.000001ms",  # differed: Seconds splits whole seconds first, as Go
        "1ns1446.25ms",
    ]:
        examples.append(
            (
                "[{{ time.ParseDuration .Params.v }}|"
                "{{ (time.ParseDuration .Params.v).Seconds }}|"
                "{{ (time.ParseDuration .Params.v).Milliseconds }}]",
                {"v": text},
            )
        )
    for unit, number in [
        ("second", 3600),
        ("hour", 2),
        ("ms", 1500),
        ("ns", 999),
        ("minute", 90),
        ("us", 1234567),
        ("µs", 5),
        ("millisecond", "42"),
        ("h", 0),
        ("s", -61),
        ("s", "1.0"),  # differed: cast's trimZeroDecimal, as ToInt64E reads it
        ("s", "0x1_0"),
    ]:
        examples.append(
            (
                "[{{ duration .Params.u .Params.n }}|"
                "{{ time.Duration .Params.u .Params.n }}|"
                "{{ (duration .Params.u .Params.n).Hours }}]",
                {"u": unit, "n": number},
            )
        )
    assert_like_hugo(hugo, tmp_path, examples, SiteBindings(base_url=BASES[0]))


def test_now_is_the_build_time_or_source_date_epoch(monkeypatch):
    """Hugo reads the clock at every ``now``; cameo reads it once a build,
    or takes SOURCE_DATE_EPOCH, so two builds of one source are equal."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    template = (
        '{{ now }}|{{ now.Year }}|{{ now.Unix }}|{{ dateFormat ":date_long" now }}|'
        "{{ eq (now.Unix) (time.Now.Unix) }}"
    )
    out = cameo_output(template, {})
    assert (
        out
        == "2023-11-14 22:13:20 &#43;0000 UTC|2023|1700000000|November 14, 2023|true"
    )
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    first, second = cameo_output("{{ now.UnixNano }}|{{ now.UnixNano }}", {}).split("|")
    assert first == second


# -- os ------------------------------------------------------------------------------

OS_FILES = {"data/x.txt": "hello\nworld", "data/sub/y.txt": "yy"}


def test_os_functions_read_the_site_as_hugo(hugo, tmp_path, monkeypatch):
    monkeypatch.setenv("HUGO_TESTVAR", "val")
    examples: list[Example] = [
        (
            '[{{ readFile "data/x.txt" }}|{{ os.ReadFile "/data/x.txt" }}|'
            '{{ fileExists "data/x.txt" }}|{{ fileExists "nope" }}|'
            '{{ os.FileExists "data" }}|'
            '{{ range readDir "data" }}{{ .Name }}:{{ .IsDir }}:{{ .Size }} {{ end }}|'
            '{{ range os.ReadDir "/data" }}{{ .Name }} {{ end }}]',
            {},
        ),
        # differed: a file that does not exist reads as ""
        ('[{{ readFile "missing.txt" }}|{{ readFile "content/e1.md" | len }}]', {}),
        ('[{{ getenv "HUGO_TESTVAR" }}|{{ os.Getenv "HUGO_NOT_SET" }}]', {}),
        (
            '[{{ with os.Stat "data/x.txt" }}{{ .Name }}|{{ .Size }}|{{ .IsDir }}'
            '{{ end }}|{{ (os.Stat "data/sub").IsDir }}]',
            {},
        ),
    ]
    bindings = SiteBindings(base_url=BASES[0], site_root=str(tmp_path))
    assert_like_hugo(hugo, tmp_path, examples, bindings, files=OS_FILES)


@pytest.mark.parametrize(
    "template",
    [
        '{{ readFile "../secret.txt" }}',
        '{{ fileExists "../../etc/passwd" }}',
        '{{ readDir "/../" }}',
    ],
)
def test_os_functions_refuse_files_outside_the_site(tmp_path, template):
    """Hugo reads such a path as missing; cameo says why it will not."""
    site = tmp_path / "site"
    write_tree(tmp_path, {"secret.txt": "s", "site/config.toml": ""})
    with pytest.raises(TemplateError) as error:
        cameo_output(template, {}, SiteBindings(site_root=str(site)))
    message = str(error.value)
    assert "\n" not in message
    assert re.search(
        r'error calling \w+: "[./a-z]+" is outside the site\'s folder; a template '
        r"reads only the site's own files$",
        message,
    )


# -- errors --------------------------------------------------------------------------

ERRORS = [
    '{{ urls.Parse "http://x/%zz" }}',
    '{{ urls.Parse "http://x y/" }}',
    '{{ urls.Parse ":x" }}',
    '{{ urls.Parse "1a:b" }}',
    '{{ urls.Parse "http://x:port/" }}',
    '{{ readFile "" }}',
    '{{ fileExists "" }}',
    '{{ os.Stat "nope" }}',
    '{{ time "not a date" }}',
    '{{ time "2020-13-01" }}',
    '{{ time "2015-1-21" }}',
    '{{ time "2015-02-29" }}',
    '{{ time "2020-01-01" "Mars/Base" }}',
    '{{ time "2020-01-01" "UTC" "x" }}',
    '{{ time.ParseDuration "1x" }}',
    '{{ time.ParseDuration "1" }}',
    '{{ duration "week" 1 }}',
    '{{ duration "s" "x" }}',
    '{{ duration "s" " 1" }}',  # differed: Python's int reads spaces, Go's not
    '{{ duration "s" (slice 1) }}',
    "{{ time (slice 1) }}",
    '{{ unmarshal "  " }}',
    '{{ unmarshal "a,b\\n1" }}',
    '{{ unmarshal "x" "a=1" }}',
    "{{ htmlEscape (slice 1) }}",
    "{{ relLangURL (slice 1) }}",
    "{{ path.Base (slice 1) }}",
]
_CALL_ERROR = re.compile(r"error calling \w+: [^\n]*")


def test_errors_say_what_hugo_says(hugo, tmp_path):
    """One build per error (Hugo stops at the first): the words after
    ``error calling NAME:`` are Hugo's."""
    for n, template in enumerate(ERRORS):
        root = tmp_path / f"s{n}"
        write_tree(
            root,
            {
                "config.toml": f'baseURL = "{BASES[0]}"\n' + KINDS,
                "layouts/_default/e0.html": template,
                "content/e0.md": '---\n{"layout": "e0"}\n---\n',
            },
        )
        built = subprocess.run(
            [hugo, "--quiet", "--source", str(root), "-d", str(root / "public")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert built.returncode != 0, template
        want = _CALL_ERROR.search(built.stderr).group(0)
        with pytest.raises(TemplateError) as error:
            cameo_output(template, {}, SiteBindings(site_root=str(root)))
        assert _CALL_ERROR.search(str(error.value)).group(0) == want, template


# -- generated -----------------------------------------------------------------------

_URL_CHARS = "abcAZ019 \t-_./\\:?#%&=+~@!*'()[]éüİß日"
_PLAIN_CHARS = "<>/pbr !-=\"'a\n\tx&;#1lgt"
_texts = st.text(alphabet=_URL_CHARS, max_size=16)
_urls = st.one_of(
    _texts,
    st.builds(
        lambda scheme, rest: scheme + rest,
        st.sampled_from(["http://", "https://", "//", "/", "mailto:", "http"]),
        _texts,
    ),
)


def _parses(url: str) -> bool:
    try:
        go_url.parse(url)
    except ValueError:
        return False
    return True


_SETTINGS = settings(
    max_examples=how_many(12),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_SETTINGS
@given(
    base_url=st.sampled_from(BASES),
    urls=st.lists(_urls, min_size=1, max_size=4),
    texts=st.lists(_texts, min_size=1, max_size=4),
    plain=st.lists(st.text(alphabet=_PLAIN_CHARS, max_size=20), min_size=1, max_size=4),
)
def test_generated_urls_paths_and_text_as_hugo(
    hugo, tmp_path_factory, base_url, urls, texts, plain
):
    examples = _url_examples(urls) + _text_examples(texts, urls, plain)
    # urls.Parse on those Go parses (an error would stop Hugo's build)
    examples += [(PARSE_TEMPLATE, {"v": url}) for url in urls if _parses(url)]
    root = tmp_path_factory.mktemp("generated")
    assert_like_hugo(
        hugo, root, examples, SiteBindings(base_url=base_url), base_url=base_url
    )


# Go layout elements and literal text between them.
_LAYOUT_PARTS = [
    "January",
    "Jan",
    "Monday",
    "Mon",
    "MST",
    "2006",
    "06",
    "01",
    "1",
    "02",
    "2",
    "_2",
    "002",
    "__2",
    "15",
    "03",
    "3",
    "04",
    "4",
    "05",
    "5",
    "PM",
    "pm",
    "-0700",
    "-07:00",
    "-07",
    "-070000",
    "Z0700",
    "Z07:00",
    "Z07",
    ".000",
    ".999",
    ",000000",
    ".9",
    " ",
    "-",
    "/",
    ":",
    "T",
    "x",
    "at",
]
_OFFSETS = ["Z", "+02:00", "-07:30", "+14:00", "-12:00", "+00:00"]


@st.composite
def _dates(draw) -> str:
    """A date in one of the forms Hugo reads, with or without a zone."""
    moment = draw(
        st.datetimes(
            min_value=datetime.datetime(1, 1, 2),
            max_value=datetime.datetime(9999, 12, 30),
        )
    )
    fraction = draw(st.sampled_from(["", ".5", ".123456789", ".000001"]))
    form = draw(
        st.sampled_from(
            ["date", "iso", "iso-zone", "space", "space-zone", "rfc1123", "ruby"]
            + ["rfc822", "ansic", "unix", "string"]
        )
    )
    named = draw(st.sampled_from(["MST", "UTC", "CET", "GMT", "EST", "GMT+3"]))
    week = moment.strftime("%a")
    month = moment.strftime("%b")
    zone = draw(st.sampled_from(_OFFSETS))
    numeric = zone.replace(":", "").replace("Z", "+0000")
    clock = moment.strftime("%H:%M:%S") + fraction
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    return {
        "date": day,
        "iso": f"{day}T{clock}",
        "iso-zone": f"{day}T{clock}{zone}",
        "space": f"{day} {clock}",
        "space-zone": f"{day} {clock} {numeric}",
        "rfc1123": f"{week}, {moment.day:02d} {month} {moment.year:04d} {clock} "
        + named,
        "ruby": f"{week} {month} {moment.day:02d} {clock} {numeric} {moment.year:04d}",
        "rfc822": f"{moment.day:02d} {month} {moment.year % 100:02d} "
        f"{moment.hour:02d}:{moment.minute:02d} {named}",
        "ansic": f"{week} {month} {moment.day:>2d} {clock} {moment.year:04d}",
        "unix": f"{week} {month} {moment.day:>2d} {clock} {named} {moment.year:04d}",
        "string": f"{day} {clock} {numeric} {named}",
    }[form]


_durations = st.builds(
    lambda sign, parts: sign + "".join(parts),
    st.sampled_from(["", "-", "+"]),
    st.lists(
        st.builds(
            lambda whole, fraction, unit: whole + fraction + unit,
            st.integers(0, 9999).map(str),
            st.sampled_from(["", ".5", ".25", ".000001", ".999999999", "."]),
            st.sampled_from(["ns", "us", "µs", "μs", "ms", "s", "m", "h"]),
        ),
        min_size=1,
        max_size=3,
    ),
)


@_SETTINGS
@given(
    durations=st.lists(_durations, min_size=1, max_size=5),
    dates=st.lists(_dates(), min_size=1, max_size=5),
    layouts=st.lists(
        st.lists(st.sampled_from(_LAYOUT_PARTS), min_size=1, max_size=6).map("".join),
        min_size=1,
        max_size=5,
    ),
)
def test_generated_dates_layouts_and_durations_as_hugo(
    hugo, tmp_path_factory, durations, dates, layouts
):
    examples: list[Example] = [
        ("[{{ time .Params.v }}]", {"v": date}) for date in dates
    ]
    examples += [
        (
            "[{{ time.ParseDuration .Params.v }}|"
            "{{ (time.ParseDuration .Params.v).Seconds }}]",
            {"v": text},
        )
        for text in durations
    ]
    examples += [
        ("[{{ dateFormat .Params.l .Params.v }}]", {"v": date, "l": layout})
        for date in dates
        for layout in layouts
    ]
    root = tmp_path_factory.mktemp("dates")
    assert_like_hugo(hugo, root, examples, SiteBindings(base_url=BASES[0]))
