"""`invoke publish`: build the published site afresh, then deploy it.

The build goes into a new temporary folder with publishconf.py; a build that
fails or logs an error deploys nothing. The target and its options come from
``CAMEO_PUBLISH`` in publishconf.py, and each can be overridden by a flag;
every number is checked (a flag's text or a setting's value) before the build.
"""

from __future__ import annotations

import copy
import math
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import pages, s3
from .build import BuildError, build
from .errors import PublishError, import_extra
from .progress import Progress

TARGETS = ("s3", "pages")
# What each target imports, and the extra that installs it.
TARGET_NEEDS = {
    "s3": ("boto3", "s3", "publishing to S3"),
    "pages": ("ghp_import", "tasks", "publishing to GitHub Pages"),
}
DEFAULT_PUBLISH: dict[str, Any] = {
    "target": None,  # "s3" or "pages"
    "s3": s3.DEFAULT_S3_OPTIONS,
    "pages": pages.DEFAULT_PAGES_OPTIONS,
}
# The numeric S3 options: name -> (whole number?, lowest, highest).
NUMBERS: dict[str, tuple[bool, float, float | None]] = {
    "max_deletes": (True, 0, None),
    "workers": (True, 1, 64),
    "retries": (True, 1, 10),
    "connect_timeout": (False, 0.1, 600),
    "read_timeout": (False, 0.1, 600),
}


def check_number(label: str, value: Any, name: str) -> int | float:
    """``value`` (a flag's text or a setting's number) as the number option
    ``name`` takes, or a PublishError naming ``label`` and the allowed range."""
    whole, low, high = NUMBERS[name]
    number = _as_number(value, whole)
    if number is None or number < low or (high is not None and number > high):
        if not whole:
            wanted = f"a number of seconds from {low:g} to {high:g}"
        elif high is None:
            wanted = f"a whole number, {low} or more"
        else:
            wanted = f"a whole number from {low} to {high}"
        raise PublishError(f"{label} must be {wanted}, got {value}")
    return int(number) if number == int(number) else number


def _as_number(value: Any, whole: bool) -> int | float | None:
    """``value`` as a finite number (a whole one when ``whole``), else None."""
    if isinstance(value, str):
        try:
            value = int(value.strip()) if whole else float(value.strip())
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or (whole and value != int(value)):
        return None
    return value


def publish_options(
    settings_file: str | Path, flags: dict[str, Any] | None = None
) -> dict[str, Any]:
    """CAMEO_PUBLISH from the settings file over the defaults, then the flags
    that were given (None means "not given")."""
    from pelican.settings import read_settings

    if not Path(settings_file).is_file():
        raise PublishError(
            f"{settings_file} does not exist; run publish in the site's folder "
            "or pass --settings"
        )
    given = read_settings(str(settings_file)).get("CAMEO_PUBLISH") or {}
    options = copy.deepcopy(DEFAULT_PUBLISH)
    unknown = set(given) - set(options)
    if unknown:
        raise PublishError(
            f"CAMEO_PUBLISH has unknown key(s) {', '.join(sorted(unknown))}; "
            f"known keys are {', '.join(sorted(options))}"
        )
    options["target"] = given.get("target")
    for target in TARGETS:
        section = given.get(target) or {}
        unknown = set(section) - set(options[target])
        if unknown:
            raise PublishError(
                f"CAMEO_PUBLISH[{target!r}] has unknown key(s) "
                f"{', '.join(sorted(unknown))}; see docs/publishing.md"
            )
        options[target].update(section)
    flags = {name: value for name, value in (flags or {}).items() if value is not None}
    for name in NUMBERS:
        if name in flags:
            flags[name] = check_number("--" + name.replace("_", "-"), flags[name], name)
        else:
            label = f"CAMEO_PUBLISH['s3'][{name!r}] in {Path(settings_file).name}"
            options["s3"][name] = check_number(label, options["s3"][name], name)
    for name, value in flags.items():
        if name == "target":
            options["target"] = value
        else:
            for target in TARGETS:
                if name in options[target]:
                    options[target][name] = value
    if options["target"] not in TARGETS:
        raise PublishError(
            "no publishing target: set CAMEO_PUBLISH['target'] in publishconf.py "
            "to 's3' or 'pages', or pass --target s3 / --target pages"
        )
    return options


def parse_rules(text: str | None) -> list[list[str]] | None:
    """``'*.html=public, max-age=60;*=public, max-age=3600'`` as Cache-Control
    rules (None stays None: the flag was not given)."""
    if text is None:
        return None
    rules = []
    for part in text.split(";"):
        pattern, separator, value = part.partition("=")
        if not separator or not pattern.strip():
            raise PublishError(
                f"--cache-control part {part!r} is not PATTERN=VALUE, e.g. "
                "'*.html=public, max-age=300'"
            )
        rules.append([pattern.strip(), value.strip()])
    return rules


def build_fresh(settings_file: str | Path) -> Path:
    """Build into a new temporary folder; the caller removes it."""
    folder = Path(tempfile.mkdtemp(prefix="cameo-publish-"))
    try:
        build(settings_file, folder / "site")
    except BuildError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise PublishError(f"nothing was published: {error.summary}") from None
    return folder / "site"


def publish(
    settings_file: str | Path,
    flags: dict[str, Any] | None = None,
    dry_run: bool = False,
    repo: str | Path = ".",
    progress: Progress | None = None,
) -> str:
    """Build with ``settings_file`` and deploy; returns a report for a person.
    The deployment's progress goes to ``progress`` (default: stdout, with the
    report; stderr keeps to the one line of an error)."""
    if progress is None:
        progress = Progress(sys.stdout)
    options = publish_options(settings_file, flags)
    # Before a build, which would otherwise be wasted.
    import_extra(*TARGET_NEEDS[options["target"]], error=PublishError)
    if options["target"] == "pages":
        pages.check_branch(options["pages"], Path(repo))  # before a build
    site = build_fresh(settings_file)
    try:
        if options["target"] == "s3":
            plan = s3.publish(site, options["s3"], dry_run, progress)
            return _s3_report(plan, options["s3"], dry_run)
        result = pages.publish(site, options["pages"], Path(repo), dry_run, progress)
        return result.message
    finally:
        shutil.rmtree(site.parent, ignore_errors=True)


def _s3_report(plan: s3.Plan, options: dict[str, Any], dry_run: bool) -> str:
    where = f"s3://{options['bucket']}/{s3.key_prefix(options['prefix'])}"
    lines = []
    if dry_run:
        lines.append(f"Dry run, nothing changed. Plan for {where}:")
        for step in plan.steps:
            lines.append(f"  {step.action:<6} {step.key}  ({step.reason})")
        lines.append(f"Would: {plan.summary()}")
    else:
        lines.append(f"Published to {where}: {plan.summary()}")
    return "\n".join(lines)
