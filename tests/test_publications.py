"""Publications from a BibTeX file, in real builds: CAMEO_PUBLICATIONS under
the profile's text and the ``publications`` shortcode on a Hugo page. Years
newest first, the owner (AUTHOR) in bold, links from doi, url, pdf and code
(an unsafe one dropped with a warning), the abstract behind a ``<details>``,
LaTeX read as text, ScholarlyArticle JSON-LD and an h-cite for each entry; a
bad or missing file stops the build at its file:line. The owner's site,
which sets no CAMEO_PUBLICATIONS, shows none."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from cameo_shared.bibtex import BibliographyError, read_bibliography
from cameo_shared.links import is_safe_link
from cameo_shared.publications import publications_html
from cameo_tools.errors import BuildError

from .conftest import build_site, examples, screenshot, write_tree

BIB = r"""
@article{smith2021,
  author = {Sm{\"o}rgrav, Zo{\"e} and Lovelace, Ada and Bob Builder},
  title = {On {T}ransformers in {G}\"odel's Theory: pages 10--20},
  journal = {Journal of Things},
  year = 2021,
  month = mar,
  doi = {10.1000/xyz.123},
  url = {javascript:alert(1)},
  pdf = {/papers/smith2021.pdf},
  abstract = {We show that {\'e}tudes help.},
}

@inproceedings{later2021,
  author = {Ada Lovelace},
  title = {A Later Paper},
  booktitle = {Proceedings of a Conference},
  year = {2021},
  month = {11},
  url = {https://example.org/later},
  code = {https://github.com/ada/later},
}

@misc{early2023,
  author = {Lovelace, A. and Doe, John},
  title = {Newest Note},
  year = {2023},
}

@book{old2019,
  author = {Lovelace, Ada},
  title = {An Old Book},
  publisher = {Press},
  year = {2019},
}
"""
HOME = """
    ---
    supertitle: Ada Lovelace
    title: Hello, I'm Ada.
    url: /
    ---
    Some words about me.
    """


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _build(root: Path, files: dict[str, str], **settings) -> Path:
    content = write_tree(root / "content", files)
    output = root / "output"
    build_site(content, output, **{"AUTHOR": "Ada Lovelace", **settings})
    return output


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("publications")
    output = _build(
        root,
        {"_index.md": HOME, "papers.bib": BIB},
        CAMEO_PUBLICATIONS="papers.bib",
    )
    return output / "index.html"


def _titles(section: Tag) -> list[str]:
    return [cite.get_text() for cite in section.select(".h-cite > cite.p-name")]


def test_the_profile_lists_publications_by_year_newest_first(profile):
    soup = _soup(profile)
    (section,) = soup.select("main > section.publications")
    assert section.find_previous_sibling("article").select(".prose")
    assert section.h2.get_text() == "Publications"
    years = [h3.get_text() for h3 in section.select("h3.publications-year")]
    assert years == ["2023", "2021", "2019"]
    # Within 2021 the later month first.
    assert _titles(section) == [
        "Newest Note",
        "A Later Paper",
        "On Transformers in Gödel's Theory: pages 10–20",
        "An Old Book",
    ]
    stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert "/theme/css/publications.css" in stylesheets
    assert (profile.parent / "theme" / "css" / "publications.css").is_file()


def test_the_owner_is_bold_in_every_form_of_the_name(profile):
    soup = _soup(profile)
    bold = [strong.get_text() for strong in soup.select(".h-cite strong.p-author")]
    # "Lovelace, Ada", "Ada Lovelace" and "Lovelace, A." are all the owner.
    assert bold == ["A. Lovelace", "Ada Lovelace", "Ada Lovelace", "Ada Lovelace"]
    others = [span.get_text() for span in soup.select(".h-cite span.p-author")]
    assert others == ["John Doe", "Zoë Smörgrav", "Bob Builder"]


def test_an_owner_written_last_name_first_with_accents(tmp_path):
    output = _build(
        tmp_path,
        {"_index.md": HOME, "papers.bib": BIB},
        CAMEO_PUBLICATIONS="papers.bib",
        AUTHOR="Smörgrav, Zoë",
    )
    soup = _soup(output / "index.html")
    assert [s.get_text() for s in soup.select("strong.p-author")] == ["Zoë Smörgrav"]


def test_links_come_from_doi_url_pdf_and_code(profile):
    soup = _soup(profile)
    links = {
        cite.get_text(): [
            (a.get_text(), a["href"], a.get("rel"))
            for a in cite.parent.select(".publication-links a")
        ]
        for cite in soup.select(".h-cite > cite")
    }
    assert links["On Transformers in Gödel's Theory: pages 10–20"] == [
        ("DOI", "https://doi.org/10.1000/xyz.123", ["noopener"]),
        ("PDF", "/papers/smith2021.pdf", None),
    ]
    assert links["A Later Paper"] == [
        ("Link", "https://example.org/later", ["noopener"]),
        ("Code", "https://github.com/ada/later", ["noopener"]),
    ]
    assert links["Newest Note"] == []
    assert "javascript" not in profile.read_text("utf-8")


def test_an_unsafe_link_is_dropped_with_a_warning_at_its_line(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    _build(
        tmp_path,
        {"_index.md": HOME, "papers.bib": BIB},
        CAMEO_PUBLICATIONS="papers.bib",
    )
    warnings = [r.getMessage() for r in caplog.records if "left out" in r.message]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{_shown(tmp_path / 'content/papers.bib')}:8: ")
    assert "url 'javascript:alert(1)'" in warnings[0]


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith(os.pardir) else relative


def test_an_abstract_is_behind_details(profile):
    soup = _soup(profile)
    (details,) = soup.select(".h-cite details")
    assert details.summary.get_text() == "Abstract"
    assert details.p.get_text() == "We show that études help."
    assert not details.has_attr("open")


def test_latex_is_read_as_text(profile):
    text = _soup(profile).select_one(".publications").get_text()
    assert "Gödel's" in text and "10–20" in text and "Zoë Smörgrav" in text
    assert not any(mark in text for mark in ("{", "}", "\\", "--"))


def test_each_entry_is_a_scholarly_article_in_json_ld(profile):
    soup = _soup(profile)
    scripts = [
        json.loads(s.string)
        for s in soup.select("script[type]")
        if s["type"] == "application/ld+json"
    ]
    assert [data.get("@type") for data in scripts] == ["Person", None]
    graph = scripts[1]["@graph"]
    assert scripts[1]["@context"] == "https://schema.org"
    assert [item["@type"] for item in graph] == ["ScholarlyArticle"] * 4
    first = graph[2]
    assert first["name"] == "On Transformers in Gödel's Theory: pages 10–20"
    assert first["datePublished"] == "2021-03"
    assert first["sameAs"] == first["url"] == "https://doi.org/10.1000/xyz.123"
    assert [a["name"] for a in first["author"]] == [
        "Zoë Smörgrav",
        "Ada Lovelace",
        "Bob Builder",
    ]
    assert first["isPartOf"]["name"] == "Journal of Things"
    assert first["abstract"] == "We show that études help."
    # A data block, not a script: the CSP's one hash stays the only one.
    csp = soup.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    assert csp.count("sha256-") == 1


def _h_cites(html: str, url: str) -> list[dict]:
    """Each h-cite's properties: by mf2py where it is installed, else read
    from the classes (the same rules, for the properties used here)."""
    if importlib.util.find_spec("mf2py"):
        import mf2py

        items = mf2py.parse(doc=html, url=url)["items"]
        found = []
        for item in items:
            found += [c for c in item.get("children", []) if "h-cite" in c["type"]]
            if "h-cite" in item["type"]:
                found.append(item)
        return [c["properties"] for c in found]
    soup = BeautifulSoup(html, "html.parser")
    cites = []
    for cite in soup.select(".h-cite"):
        cites.append(
            {
                "name": [e.get_text() for e in cite.select(".p-name")],
                "author": [e.get_text() for e in cite.select(".p-author")],
                "published": [e["datetime"] for e in cite.select(".dt-published")],
                "url": [e["href"] for e in cite.select(".u-url")],
            }
        )
    return cites


def test_each_entry_is_an_h_cite(profile):
    cites = _h_cites(profile.read_text("utf-8"), "https://me.example.org/")
    assert len(cites) == 4
    by_name = {c["name"][0]: c for c in cites}
    first = by_name["On Transformers in Gödel's Theory: pages 10–20"]
    authors = [a if isinstance(a, str) else a["value"] for a in first["author"]]
    assert authors == ["Zoë Smörgrav", "Ada Lovelace", "Bob Builder"]
    assert first["published"] == ["2021-03"]
    assert first["url"] == ["https://doi.org/10.1000/xyz.123"]
    assert by_name["A Later Paper"]["url"] == ["https://example.org/later"]


PAGE = """
    ---
    title: My papers
    ---
    What I wrote.

    {{< publications file="bib/papers.bib" >}}
    """


def test_the_shortcode_lists_publications_on_a_hugo_page(tmp_path):
    output = _build(
        tmp_path,
        {"_index.md": HOME, "papers.md": PAGE, "bib/papers.bib": BIB},
    )
    soup = _soup(output / "my-papers" / "index.html")
    body = soup.select_one(".e-content")
    (listed,) = body.select(".cameo-publications")
    years = [h.get_text() for h in listed.select("h2.publications-year")]
    assert years == ["2023", "2021", "2019"]
    assert len(listed.select("li.h-cite")) == 4
    assert len(listed.select("strong.p-author")) == 4
    scripts = listed.select("script")
    assert [s["type"] for s in scripts] == ["application/ld+json"]
    assert len(json.loads(scripts[0].string)["@graph"]) == 4
    assert "/theme/css/publications.css" in [
        link["href"] for link in soup.select("link[rel=stylesheet]")
    ]
    # The profile, without CAMEO_PUBLICATIONS, shows none and loads no sheet.
    home = (output / "index.html").read_text("utf-8")
    assert "cameo-publications" not in home and "publications.css" not in home


def test_the_shortcode_takes_a_heading_level(tmp_path):
    page = PAGE.replace('"bib/papers.bib"', '"bib/papers.bib" level=3')
    assert page != PAGE
    output = _build(tmp_path, {"papers.md": page, "bib/papers.bib": BIB})
    soup = _soup(output / "my-papers" / "index.html")
    assert [h.name for h in soup.select(".publications-year")] == ["h3"] * 3


BROKEN = """@article{fine,
  title = {Fine},
  year = 2020,
}

@article{broken,
  title = {Broken},
  year = 2021
  author = {Someone},
}
"""


def _failure(root: Path, files: dict[str, str], **settings) -> str:
    previous = write_tree(root / "output", {"index.html": "previous build\n"})
    content = write_tree(root / "content", files)
    with pytest.raises(BuildError) as caught:
        build_site(content, previous, AUTHOR="Ada Lovelace", **settings)
    assert (previous / "index.html").read_text() == "previous build\n"
    return str(caught.value)


def test_a_bad_bib_file_stops_the_build_at_its_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = _failure(
        tmp_path,
        {"_index.md": HOME, "papers.bib": BROKEN},
        CAMEO_PUBLICATIONS="papers.bib",
    )
    assert "content/papers.bib:9: '}' expected; check this entry's commas" in message
    assert "Traceback" not in message and "PybtexSyntaxError" not in message


def test_a_bib_file_that_is_not_there_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = _failure(tmp_path, {"_index.md": HOME}, CAMEO_PUBLICATIONS="papers.bib")
    assert (
        "CAMEO_PUBLICATIONS: content/papers.bib is not a file; put the BibTeX "
        "file there, or give its path in the content folder (content)"
    ) in message


def test_a_bad_bib_file_of_a_shortcode_names_both_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = _failure(
        tmp_path,
        {"_index.md": HOME, "papers.md": PAGE, "bib/papers.bib": BROKEN},
    )
    assert (
        "content/papers.md:6: publications: content/bib/papers.bib:9: '}' expected"
    ) in message
    message = _failure(
        tmp_path / "missing", {"papers.md": PAGE.replace("bib/", "nowhere/")}
    )
    assert (
        "missing/content/papers.md:6: publications: missing/content/nowhere/"
        "papers.bib is not a file"
    ) in message


@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "@article{a,\n title={x},\n year=2020,\n}\n@article{A,\n title={y}}\n",
            5,
            "entry key 'A' is given twice; rename or remove one of them",
        ),
        (
            "@article{a,\n title={x},\n month = foo,\n year=2020}\n",
            3,
            "undefined string foo; write the value in braces",
        ),
        (
            "\n@misc{nodate,\n title = {Undated}\n}\n",
            2,
            "entry 'nodate' has no year; add year = {2024}",
        ),
        (
            "@misc{a,\n title = {Open,\n year = 2020}\n",
            1,
            "the file ends inside this entry; close its braces and quotes",
        ),
    ],
)
def test_each_kind_of_bad_bib_file_says_what_to_do(tmp_path, text, line, message):
    path = tmp_path / "bad.bib"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BibliographyError) as caught:
        read_bibliography(str(path))
    assert caught.value.line == line
    assert message in caught.value.message


def test_the_owners_site_shows_no_publications(seed_site):
    home = (seed_site / "index.html").read_text("utf-8")
    assert "cameo-publications" not in home and "publications.css" not in home
    assert "h-cite" not in home


PIECES = [
    "@article{",
    "@misc(",
    "k1",
    "k2",
    ",",
    " title = ",
    " year = ",
    " author = ",
    " url = ",
    " doi = ",
    " pdf = ",
    " month = ",
    "{",
    "}",
    '"',
    ")",
    "2020",
    "jan",
    "#",
    "x",
    " and ",
    '\\"o',
    "\n",
    '@string{s = "v"}',
    "s",
    "%",
    "=",
    "\\",
    "javascript:x",
    "https://a.example/p",
    "/p.pdf",
    "data:x",
    "--",
    "é",
]


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_bib_text_is_listed_or_refused_with_its_line(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("bib") / "any.bib"
    path.write_text(text, encoding="utf-8")
    try:
        entries = read_bibliography(str(path))
    except BibliographyError as error:
        assert str(error).startswith(f"{error.path}:{error.line}: ")
        assert 1 <= error.line <= text.count("\n") + 1
        return
    soup = BeautifulSoup(publications_html(entries, "x Lovelace"), "html.parser")
    assert len(soup.select("li.h-cite")) == len(entries)
    for link in soup.select("a[href]"):
        assert is_safe_link(link["href"]) and urlsplit(link["href"]).scheme in (
            "",
            "http",
            "https",
        )
    (script,) = soup.select("script")
    assert len(json.loads(script.string)["@graph"]) == len(entries)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_profile_with_publications_passes_axe(
    browser, serve_dir, artifacts, profile, scheme
):
    from axe_playwright_python.sync_playwright import Axe

    from .test_theme_budgets import AXE_TAGS

    base = serve_dir(profile.parent)
    context = browser.new_context(
        viewport={"width": 375, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    problems, hosts = [], set()
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: hosts.add(urlsplit(r.url).hostname))
    try:
        page.goto(base + "/", wait_until="networkidle")
        page.click(".publication-abstract summary")  # the abstract open too
        assert page.is_visible(".publication-abstract p")
        results = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
        )
        assert results.violations_count == 0, results.generate_report()
        assert problems == [] and hosts == {"127.0.0.1"}
        screenshot(page, artifacts / f"publications-{scheme}.png", 375)
    finally:
        context.close()


def test_the_publications_pass_the_nu_html_checker(vnu, profile, tmp_path):
    output = _build(
        tmp_path, {"papers.md": PAGE, "bib/papers.bib": BIB}, AUTHOR="Ada Lovelace"
    )
    files = [str(profile), str(output / "my-papers" / "index.html")]
    run = subprocess.run(
        [*vnu, "--errors-only", *files], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
