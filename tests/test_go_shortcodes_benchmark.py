"""benchmarks/go_shortcodes.py: the table a person reads, on a small page."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "go_shortcodes.py"
# The benchmark reads the shared sites beside the checkout (../shared);
# without them this one test of it has nothing to run on.
SITES = ROOT.parent / "shared" / "hugo-sites"


def _load_script():
    spec = importlib.util.spec_from_file_location("go_shortcodes_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_go_durations_in_hugos_metrics_read_as_milliseconds():
    bench = _load_script()
    assert bench._duration("1.266594ms") == pytest.approx(1.266594)
    assert bench._duration("421.051µs") == pytest.approx(0.421051)
    assert bench._duration("2m3.5s") == pytest.approx(123500)
    table = (
        "     1.2ms     1.2ms     1.2ms      1  _default/single.html\n"
        "     500µs     250µs     300µs      2  shortcodes/note.html\n"
        "     1.5ms     1.5ms     1.5ms      1  shortcodes/cmd.html\n"
    )
    assert bench._shortcode_metrics(table) == pytest.approx(2.0)


def test_a_call_is_written_as_an_author_writes_it():
    bench = _load_script()
    assert bench.call_text("notice", ["info", "Tip"], "A *tip*.") == (
        '{{< notice "info" "Tip" >}}\nA *tip*.\n{{< /notice >}}'
    )
    assert bench.call_text("expandable", {"label": "More"}, "x") == (
        '{{< expandable label="More" >}}\nx\n{{< /expandable >}}'
    )


@pytest.mark.hugo
@pytest.mark.skipif(not SITES.is_dir(), reason="the shared Hugo sites are needed")
def test_the_table_names_each_real_shortcode_and_the_three_timings():
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--calls", "25", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("# Go shortcodes: ") and " cores, Python 3." in out
    rows = [
        line
        for line in out.splitlines()
        if line.startswith("| ") and "-example" in line
    ]
    assert len(rows) == 19
    assert {row.split(" | ")[1] for row in rows} >= {"note", "cmd", "dynamic-img"}
    assert "## One page of 25 calls (note, warning, cmd, expandable, notice" in out
    assert "- engine alone (gotemplate + hugo_functions): " in out
    assert "- through the cameo build" in out
    assert "- Hugo v0.111" in out and "templateMetrics for the shortcodes" in out
