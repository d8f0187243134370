"""How fast cameo runs a Hugo site's own Go shortcodes, beside Hugo.

Run from the repository root:

    .venv/bin/python benchmarks/go_shortcodes.py [--calls 1000] [--repeat 5]

It prints, for the machine it runs on:

1. the parse time of each real Go shortcode of the shared sites
   (``/work/shared/hugo-sites/*/theme-shortcodes/*.html``, 19 files), each
   into a fresh ``gotemplate.TemplateSet`` with Hugo's functions
   (``hugo_templates.functions.hugo_functions``), html/template escaping on;
2. the time to render one page of ``--calls`` shortcode calls, a mix of real
   shortcodes (cupper's ``note``, ``warning``, ``cmd``, ``expandable``,
   coder's ``notice``): on the engine alone (each template parsed once, then
   executed with a shortcode dot made here), and through the cameo build's
   shortcode engine (a real Pelican build of a site holding that page twice,
   the time spent in ``ShortcodeEngine.expand`` for each: the first
   includes parsing the templates and loading Hugo's functions, the second
   is the page once they are); the goal of issue 23 is under 50 ms;
3. the same page built by Hugo, for reference: the wall time of ``hugo``
   with and without the page's calls, and Hugo's own ``--templateMetrics``
   sum for the shortcodes.

A Hugo function the engine does not have yet is given a stand-in (simple
Python, not Hugo's rules) so that the timing can run, and the table says
which: those numbers are then only indicative. The exit status is 0 (a
measurement); 2 when the arguments are wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SITES = REPO.parent / "shared" / "hugo-sites"  # ../shared, beside the checkout
GOAL_MS = 50.0
# The page: calls of real shortcodes, in turn: name, parameters (a list is
# positional, a dict named), the text between the tags.
MIX: tuple[tuple[str, list[str] | dict[str, str], str], ...] = (
    ("note", [], "A note with *Markdown* and a [link](/x/)."),
    ("warning", [], "Mind the **step**."),
    ("cmd", [], "ls -la\ncd /tmp && make\necho done"),
    (
        "expandable",
        {"label": "More about it", "level": "2"},
        "Some *hidden* text, with a list:\n\n- one\n- two",
    ),
    ("notice", ["info", "Good to know"], "A **tip**."),
)
SOURCES = {
    "note": "cupper-example",
    "warning": "cupper-example",
    "cmd": "cupper-example",
    "expandable": "cupper-example",
    "notice": "coder-example",
}
# Why hugo_functions could not be had (then every function is a stand-in).
FUNCTIONS_FAILED: list[str] = []
NOT_DEFINED = re.compile(r'function "([^"]+)" not defined')


def machine() -> str:
    """The machine's processor, cores and Python, for the table's header."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f" ({platform.system()} {platform.release()}); load average {load}"
        " (other work on the machine slows every number)"
    )


# Hugo's functions, with stand-ins for those not written yet ------------------


def _stand_ins() -> dict[str, Callable[..., Any]]:
    """Plain Python for the functions the benchmarked shortcodes call, used
    only where hugo_functions has none yet."""
    from pelican.plugins.hugo_frontmatter.gotemplate import HTML

    def default(fallback: Any, *given: Any) -> Any:
        value = given[0] if given else None
        return value if value not in (None, "", 0, False, [], {}) else fallback

    def dictionary(*pairs: Any) -> dict:
        return dict(zip(pairs[::2], pairs[1::2], strict=False))

    return {
        "trim": lambda text, cutset: str(text).strip(str(cutset)),
        "split": lambda text, sep: str(text).split(sep) if sep else list(str(text)),
        "delimit": lambda items, sep, *last: str(sep).join(map(str, items)),
        "shuffle": lambda items: list(items),
        "md5": lambda text: hashlib.md5(str(text).encode()).hexdigest(),
        "default": default,
        "dict": dictionary,
        "markdownify": lambda text: HTML(str(text)),
        "i18n": lambda key, *context: "",
        "T": lambda key, *context: "",
        "humanize": lambda text: str(text)[:1].upper() + str(text)[1:],
        "chomp": lambda text: HTML(str(text).rstrip("\r\n")),
        "lower": lambda text: str(text).lower(),
        "replace": lambda text, old, new, *limit: str(text).replace(old, new),
        "htmlEscape": lambda text: str(text),
        "errorf": lambda *args: "",
        "safeHTML": lambda text: HTML(str(text)),
        "partial": lambda name, *context: "",
    }


def functions(root: Path) -> tuple[dict[str, Callable[..., Any]], set[str]]:
    """Hugo's functions for a site at ``root``, and the names given a
    stand-in because the engine does not have them yet."""
    from pelican.plugins.hugo_frontmatter.hugo_templates.bindings import (
        SiteBindings,
    )
    from pelican.plugins.hugo_frontmatter.hugo_templates.functions import (
        hugo_functions,
    )

    try:
        funcs = hugo_functions(SiteBindings(site_root=str(root), base_url="/"))
    except Exception as error:  # a namespace module mid-change: say so, go on
        if not FUNCTIONS_FAILED:
            FUNCTIONS_FAILED.append(f"{type(error).__name__}: {error}")
        funcs = {}
    standing = {name for name in _stand_ins() if name not in funcs}
    return {**_stand_ins(), **funcs}, standing


# 1. parse times --------------------------------------------------------------


def parse_times(repeat: int) -> list[tuple[str, str, int, float, str]]:
    """(site, shortcode, lines, best parse ms, note) for every real Go
    shortcode; a function still unknown is named in the note."""
    from pelican.plugins.hugo_frontmatter.gotemplate import TemplateError, TemplateSet

    rows = []
    for path in sorted(SITES.glob("*/theme-shortcodes/*.html")):
        text = path.read_text("utf-8")
        funcs, standing = functions(path.parent.parent)
        note, best = "", float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            try:
                TemplateSet(funcs=funcs, html=True).parse(
                    f"shortcodes/{path.name}", text
                )
            except TemplateError as error:
                missing = NOT_DEFINED.search(str(error))
                note = (
                    f"needs {missing[1]} (not written yet)"
                    if missing
                    else f"does not parse: {error}"
                )
                break
            best = min(best, time.perf_counter() - started)
        used = sorted(name for name in standing if re.search(rf"\b{name}\b", text))
        if used and not note:
            note = "stand-in: " + ", ".join(used)
        site = path.parent.parent.name
        rows.append((site, path.stem, text.count("\n") + 1, best * 1000, note))
    return rows


# 2a. the engine alone --------------------------------------------------------


class _Page:
    """The page a shortcode's ``.Page`` stands for, as far as the mix needs."""

    def __init__(self, markdownify: Callable[[str], str]) -> None:
        self.Params: dict[str, Any] = {}
        self.Title = "A page of shortcodes"
        self._markdownify = markdownify

    def RenderString(self, text: Any, *options: Any) -> Any:  # noqa: N802 (Go's)
        return self._markdownify(str(text))


class _Dot:
    """A shortcode's dot (``.Get``, ``.Inner``, ``.Page``, ...)."""

    def __init__(self, name: str, params: Any, inner: str, ordinal: int, page) -> None:
        self.Name = name
        self.Params = params
        self.IsNamedParams = isinstance(params, dict)
        self.Inner = inner
        self.InnerDeindent = inner
        self.Ordinal = ordinal
        self.Page = page
        self.Site = {"Params": {}, "Data": {}}
        self.Parent = None

    def Get(self, key: Any) -> Any:  # noqa: N802 (Go's name)
        params = self.Params
        if isinstance(key, int):
            return params[key] if isinstance(params, list) and key < len(params) else ""
        return params.get(key, "") if isinstance(params, dict) else ""


def call_text(name: str, params: list[str] | dict[str, str], inner: str) -> str:
    """A call as a page's author writes it."""
    if isinstance(params, dict):
        given = "".join(f' {key}="{value}"' for key, value in params.items())
    else:
        given = "".join(f' "{value}"' for value in params)
    return f"{{{{< {name}{given} >}}}}\n{inner}\n{{{{< /{name} >}}}}"


def engine_alone(count: int, repeat: int) -> tuple[float, float, set[str]]:
    """(best ms to render the page's calls, ms to parse the five templates,
    the stand-ins used) on gotemplate with Hugo's functions."""
    from pelican.plugins.hugo_frontmatter.gotemplate import HTML, TemplateSet

    funcs, standing = functions(SITES / "cupper-example")
    markdownify = funcs["markdownify"]
    started = time.perf_counter()
    templates = TemplateSet(funcs=funcs, html=True)
    parsed = {
        name: templates.parse(
            f"shortcodes/{name}.html",
            (SITES / SOURCES[name] / "theme-shortcodes" / f"{name}.html").read_text(
                "utf-8"
            ),
        )
        for name, _, _ in MIX
    }
    parse_ms = (time.perf_counter() - started) * 1000
    texts = [
        (SITES / SOURCES[name] / "theme-shortcodes" / f"{name}.html").read_text("utf-8")
        for name in SOURCES
    ]
    standing = {
        name
        for name in standing
        if any(re.search(rf"\b{name}\b", text) for text in texts)
    }
    page = _Page(markdownify)
    calls = [MIX[number % len(MIX)] for number in range(count)]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        out = [
            parsed[name].execute(_Dot(name, params, HTML(inner), number, page))
            for number, (name, params, inner) in enumerate(calls)
        ]
        best = min(best, time.perf_counter() - started)
    if len(out) != count:
        raise RuntimeError("the page's calls did not all run")
    return best * 1000, parse_ms, standing


# 2b. through the cameo build -------------------------------------------------

SETTINGS = """\
from pelican.plugins.cameo import theme_path

THEME = theme_path()
PLUGINS = ["pelican.plugins.hugo_frontmatter", "pelican.plugins.cameo"]
PATH = {path!r}
SITEURL = "https://example.org"
CACHE_PATH = {cache!r}
HUGO_FRONTMATTER = {{"hugo_config": {config!r}, "hugo_urls": True}}
"""
CONFIG = 'baseURL = "https://example.org/"\ntitle = "Shortcodes"\n'


def page_text(count: int, mix: tuple = MIX) -> str:
    calls = [call_text(*mix[number % len(mix)]) for number in range(count)]
    return "---\ntitle: Calls\n---\n\n" + "\n\n".join(calls) + "\n"


def write_site(root: Path, count: int, mix: tuple = MIX, twice: bool = True) -> None:
    """A Hugo site: the page (``twice``: a cold page and a warm one), the
    mix's shortcodes in layouts/shortcodes/ and cupper's data/, as a
    migrated site has them."""
    (root / "content" / "posts").mkdir(parents=True, exist_ok=True)
    for name in ("calls.md", "calls-again.md")[: 2 if twice else 1]:
        page = root / "content" / "posts" / name
        page.write_text(page_text(count, mix), "utf-8")
    if (root / "hugo.toml").exists():
        return
    (root / "hugo.toml").write_text(CONFIG, "utf-8")
    shortcodes = root / "layouts" / "shortcodes"
    shortcodes.mkdir(parents=True)
    for name, site in SOURCES.items():
        shutil.copy2(SITES / site / "theme-shortcodes" / f"{name}.html", shortcodes)
    shutil.copytree(SITES / "cupper-example" / "data", root / "data")


def child(settings: str, output: str) -> None:
    """In a child process: build, timing ShortcodeEngine.expand; print one
    JSON line with the outcome."""
    outcome: dict[str, Any] = {"ok": False, "expand_ms": []}
    try:
        from cameo_tools.build import build
        from cameo_tools.errors import BuildError
        from pelican.plugins.hugo_frontmatter.shortcodes import expand as shortcodes

        expand = shortcodes.ShortcodeEngine.expand

        def timed(self, body, *args, **kwargs):
            started = time.perf_counter()
            try:
                return expand(self, body, *args, **kwargs)
            finally:
                if body.count("{{<") > 10:  # the page of calls
                    spent = (time.perf_counter() - started) * 1000
                    outcome["expand_ms"].append(spent)

        shortcodes.ShortcodeEngine.expand = timed
        started = time.perf_counter()
        try:
            build(settings, output)
            outcome["ok"] = True
        except BuildError as error:
            outcome["summary"] = error.summary
            outcome["problems"] = list(error.problems)[:5]
        outcome["build_s"] = time.perf_counter() - started
    except BaseException as error:  # a crash is a result too
        outcome["summary"] = f"{type(error).__name__}: {error}"
    print("GO-SHORTCODES " + json.dumps(outcome), flush=True)


def through_cameo(folder: Path, count: int, repeat: int) -> dict[str, Any]:
    """The best expand time of the page over ``repeat`` builds, or the
    failure. A shortcode whose template calls a function the build does
    not have yet is left out of the mix (``left_out``: name -> function)."""
    mix, left_out = MIX, {}
    while True:
        outcome = _cameo_runs(folder, count, repeat, mix)
        said = " ".join([outcome.get("summary") or "", *outcome.get("problems", [])])
        missing = NOT_DEFINED.search(said)
        if outcome.get("ok") or missing is None:
            return {**outcome, "left_out": left_out}
        kept = tuple(
            call
            for call in mix
            if not re.search(rf"\b{missing[1]}\b", _template(call[0]))
        )
        if not kept or kept == mix:
            return {**outcome, "left_out": left_out}
        left_out.update({call[0]: missing[1] for call in mix if call not in kept})
        mix = kept


def _template(name: str) -> str:
    return (SITES / SOURCES[name] / "theme-shortcodes" / f"{name}.html").read_text(
        "utf-8"
    )


def _cameo_runs(folder: Path, count: int, repeat: int, mix: tuple) -> dict[str, Any]:
    """``repeat`` builds of the page of ``mix`` (each a new process and a
    new cache: parsing included); the best."""
    root = folder / "cameo-site"
    write_site(root, count, mix)
    best: dict[str, Any] = {}
    for run in range(repeat):
        settings = folder / "settings.py"
        settings.write_text(
            SETTINGS.format(
                path=str(root / "content"),
                cache=str(folder / f"cache-{run}"),
                config=str(root / "hugo.toml"),
            ),
            "utf-8",
        )
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(settings), str(folder / "out")],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=folder,
        )
        lines = [
            line
            for line in done.stdout.splitlines()
            if line.startswith("GO-SHORTCODES ")
        ]
        if not lines:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return {"ok": False, "summary": " / ".join(tail)}
        outcome = json.loads(lines[-1].removeprefix("GO-SHORTCODES "))
        if not outcome["ok"] or not outcome["expand_ms"]:
            return outcome
        if not best or outcome["expand_ms"][-1] < best["expand_ms"][-1]:
            best = outcome
    return best


# 3. Hugo ---------------------------------------------------------------------

HUGO_LAYOUT = "<main>{{ .Content }}</main>"


def hugo_times(hugo: str, folder: Path, count: int, repeat: int) -> dict[str, float]:
    """Hugo's best wall time with the page and with the page emptied of its
    calls, and its templateMetrics sum for the shortcodes (ms)."""
    times: dict[str, float] = {}
    for label, calls in (("with", count), ("without", 0)):
        root = folder / f"hugo-{label}"
        write_site(root, calls, twice=False)
        for name in ("_default/single.html", "_default/list.html", "index.html"):
            (root / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "layouts" / name).write_text(HUGO_LAYOUT, "utf-8")
        best, metrics = float("inf"), float("inf")
        for _ in range(repeat):
            shutil.rmtree(root / "public", ignore_errors=True)
            started = time.perf_counter()
            done = subprocess.run(
                [hugo, "--templateMetrics", "-s", str(root)],  # not --quiet
                capture_output=True,
                text=True,
                timeout=300,
            )
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                times["error"] = done.stderr.strip().splitlines()[-1:]
                return times
            best = min(best, elapsed)
            metrics = min(metrics, _shortcode_metrics(done.stdout))
        times[f"{label}_ms"] = best * 1000
        if label == "with":
            times["metrics_ms"] = metrics
    return times


METRIC = re.compile(r"^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\d+)\s+(shortcodes/\S+)", re.M)
UNITS = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def _shortcode_metrics(text: str) -> float:
    """The cumulative duration of the shortcode templates in Hugo's
    --templateMetrics table (ms)."""
    total = 0.0
    for match in METRIC.finditer(text):
        total += _duration(match[1])
    return total


def _duration(text: str) -> float:
    """A Go duration (``1.5ms``, ``2m3.4s``, ``850µs``) in ms."""
    total = 0.0
    for number, unit in re.findall(r"([\d.]+)(ns|µs|us|ms|s|m|h)", text):
        scale = {"m": 60000.0, "h": 3600000.0}.get(unit, UNITS.get(unit, 0.0))
        total += float(number) * scale
    return total


# the table -------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000, help="calls on the page")
    parser.add_argument("--repeat", type=int, default=5, help="runs; the best counts")
    parser.add_argument("--hugo", default="hugo", help="the hugo command")
    options = parser.parse_args()
    if options.calls < 1 or options.repeat < 1:
        parser.error("--calls and --repeat must be at least 1")
    if not SITES.is_dir():
        parser.error(f"{SITES} does not exist: the shared Hugo sites are needed")
    print(f"# Go shortcodes: {machine()}\n")

    rows = parse_times(options.repeat)
    print(f"## Parse time of the {len(rows)} real Go shortcodes (best of runs)\n")
    print("| site | shortcode | lines | parse ms | note |")
    print("| --- | --- | ---: | ---: | --- |")
    for site, name, lines, ms, note in rows:
        shown = f"{ms:.2f}" if ms != float("inf") else "-"
        print(f"| {site} | {name} | {lines} | {shown} | {note} |")

    if FUNCTIONS_FAILED:
        print(f"\nhugo_functions failed ({FUNCTIONS_FAILED[0]}): stand-ins only")
    names = ", ".join(name for name, _, _ in MIX)
    print(f"\n## One page of {options.calls} calls ({names}, in turn)\n")
    alone, parse_ms, standing = engine_alone(options.calls, options.repeat)
    verdict = "under" if alone < GOAL_MS else "OVER"
    stand = f"; stand-ins: {', '.join(sorted(standing))}" if standing else ""
    print(
        f"- engine alone (gotemplate + hugo_functions): {alone:.1f} ms to run the"
        f" calls ({verdict} the {GOAL_MS:.0f} ms goal), {parse_ms:.1f} ms to parse"
        f" the five templates once{stand}"
    )
    with tempfile.TemporaryDirectory(prefix="go-shortcodes-") as temp:
        folder = Path(temp)
        cameo = through_cameo(folder, options.calls, options.repeat)
        left = cameo.get("left_out") or {}
        without = (
            " without "
            + ", ".join(f"{name} (needs {func})" for name, func in left.items())
            + ", whose functions the build lacks: the other shortcodes in turn"
            if left
            else ""
        )
        if cameo.get("ok") and len(cameo.get("expand_ms") or []) == 2:
            cold, warm = cameo["expand_ms"]
            verdict = "under" if warm < GOAL_MS else "OVER"
            print(
                f"- through the cameo build (ShortcodeEngine.expand){without}:"
                f" {warm:.1f} ms for a page once the templates are parsed"
                f" ({verdict} the {GOAL_MS:.0f} ms goal), {cold:.1f} ms for the"
                f" build's first such page (parsing and loading Hugo's functions"
                f" included); the whole build of the two pages"
                f" {cameo['build_s']:.2f} s"
            )
        else:
            problems = "; ".join(cameo.get("problems") or [])
            print(
                "- through the cameo build: the build failed:"
                f" {cameo.get('summary')} {problems}".rstrip()
            )
        hugo = shutil.which(options.hugo)
        if hugo is None:
            print(f"- Hugo: {options.hugo} not found (apt-get install hugo)")
            return 0
        times = hugo_times(hugo, folder, options.calls, options.repeat)
        if "error" in times:
            print(f"- Hugo failed: {times['error']}")
        else:
            version = subprocess.run(
                [hugo, "version"], capture_output=True, text=True
            ).stdout.split()[1:2]
            print(
                f"- Hugo {' '.join(version)}: the build {times['with_ms']:.0f} ms with"
                f" the calls, {times['without_ms']:.0f} ms without them (a difference"
                f" of {times['with_ms'] - times['without_ms']:.0f} ms); its"
                f" templateMetrics for the shortcodes: {times['metrics_ms']:.1f} ms"
            )
            warm = (cameo.get("expand_ms") or [0.0])[-1]
            if cameo.get("ok") and warm and times["metrics_ms"]:
                print(
                    f"- cameo's page once parsed takes {warm / times['metrics_ms']:.1f}"
                    " times Hugo's shortcode time, measured at the same moment (a"
                    " ratio that other work on the machine changes less)"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
