"""`invoke publish`: build the published site afresh, then deploy it.

The build goes into a new temporary folder with publishconf.py; a build that
fails or logs an error deploys nothing. The target and its options come from
``CAMEO_PUBLISH`` in publishconf.py, and each can be overridden by a flag;
every option is checked (a flag's text or a setting's value, of any type)
before the build, and a settings file Python cannot run is one line too.
"""

from __future__ import annotations

import copy
import math
import reprlib
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import pages, s3
from .build import BuildError, build
from .errors import PublishError, import_extra
from .git_names import is_git_path
from .progress import Progress
from .settings import SettingsError, read_settings_file

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


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text_or_none(value: Any) -> bool:
    return value is None or _text(value)


def _texts(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(map(_text, value))


def _rules(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(
        isinstance(rule, (list, tuple))
        and len(rule) == 2
        and _text(rule[0])
        and isinstance(rule[1], str)
        for rule in value
    )


def _yes_or_no(value: Any) -> bool:
    return isinstance(value, bool)


# Every option that is not a number: its test, and what to write instead.
KINDS: dict[str, dict[str, tuple[Callable[[Any], bool], str]]] = {
    "s3": {
        "bucket": (_text_or_none, "a bucket's name in quotes, e.g. 'my-site'"),
        "prefix": (
            lambda value: value is None or isinstance(value, str),
            "a folder in quotes, e.g. 'site' ('' for the bucket's root)",
        ),
        "region": (_text_or_none, "a region in quotes, e.g. 'eu-west-1', or None"),
        "force": (_yes_or_no, "True or False"),
        "gzip": (_yes_or_no, "True or False"),
        "gzip_types": (
            _texts,
            "a list of media types, e.g. ['text/*', 'image/svg+xml']",
        ),
        "cloudfront_distribution": (
            _text_or_none,
            "a distribution id in quotes, e.g. 'E2ABC123', or None",
        ),
        "cache_control": (
            _rules,
            "a list of [pattern, Cache-Control] pairs, e.g. "
            "[['*.html', 'no-cache'], ['*', 'public, max-age=3600']]",
        ),
    },
    "pages": {
        "remote": (_text, "a git remote's name in quotes, e.g. 'origin'"),
        "branch": (_text, "a branch name in quotes, e.g. 'gh-pages'"),
        "cname": (
            lambda value: value is None or isinstance(value, str),
            "a domain in quotes, e.g. 'www.example.org', or None",
        ),
        "committer_name": (_text, "a name in quotes, e.g. 'pelican-cameo'"),
        "committer_email": (
            _text,
            "an e-mail address in quotes, e.g. 'me@example.org'",
        ),
        "force_branch": (_yes_or_no, "True or False"),
    },
}
EXAMPLES = {"s3": "{'bucket': 'my-site'}", "pages": "{'branch': 'gh-pages'}"}
FLAGS = {"cloudfront_distribution": "--cloudfront"}  # the others: --the-name
FLAG_WANTED = {"gzip_types": "media types and commas, e.g. 'text/*,image/svg+xml'"}


def _shown(value: Any) -> str:
    """A wrong value as Python would write it, cut short to fit one line."""
    return reprlib.repr(value)


def _flag(name: str) -> str:
    return FLAGS.get(name, "--" + name.replace("_", "-"))


def read_publish_settings(settings_file: str | Path) -> dict[str, Any]:
    """Pelican's settings from ``settings_file``; anything that stops Python
    running it (a syntax error, a name it lacks) is one line with the file and
    line, not a traceback."""
    if not Path(settings_file).is_file():
        raise PublishError(
            f"{settings_file} does not exist; run publish in the site's folder "
            "or pass --settings"
        )
    try:
        return read_settings_file(settings_file)
    except SettingsError as error:
        raise PublishError(str(error)) from None


def publish_options(
    settings_file: str | Path, flags: dict[str, Any] | None = None
) -> dict[str, Any]:
    """CAMEO_PUBLISH from the settings file over the defaults, then the flags
    that were given (None means "not given"). Every value is checked, whatever
    its type, and a wrong one is a PublishError naming the key or the flag."""
    settings = read_publish_settings(settings_file)
    name = Path(settings_file).name
    given = settings.get("CAMEO_PUBLISH")
    if given is None:
        given = {}
    if not isinstance(given, dict):
        raise PublishError(
            f"CAMEO_PUBLISH in {name} must be a dict, e.g. "
            f"CAMEO_PUBLISH = {{'target': 'pages'}}, got {_shown(given)}"
        )
    given_flags = {
        key: value for key, value in (flags or {}).items() if value is not None
    }
    options = copy.deepcopy(DEFAULT_PUBLISH)
    unknown = set(given) - set(options)
    if unknown:
        raise PublishError(
            f"CAMEO_PUBLISH in {name} has unknown key(s) "
            f"{', '.join(sorted(map(repr, unknown)))}; known keys are "
            f"{', '.join(sorted(options))}"
        )
    options["target"] = given.get("target")
    if options["target"] is not None:
        _check_target(f"CAMEO_PUBLISH['target'] in {name}", options["target"])
    for target in TARGETS:
        section = given.get(target)
        if section is None:
            section = {}
        label = f"CAMEO_PUBLISH[{target!r}]"
        if not isinstance(section, dict):
            raise PublishError(
                f"{label} in {name} must be a dict of its options, e.g. "
                f"{EXAMPLES[target]}, got {_shown(section)}"
            )
        unknown = set(section) - set(options[target])
        if unknown:
            raise PublishError(
                f"{label} in {name} has unknown key(s) "
                f"{', '.join(sorted(map(repr, unknown)))}; known keys are "
                f"{', '.join(sorted(options[target]))} (see docs/publishing.md)"
            )
        for key, value in section.items():
            if key not in given_flags:  # a flag replaces it, and is checked instead
                where = f"{label}[{key!r}] in {name}"
                options[target][key] = _checked(target, key, value, where)
    for key, value in given_flags.items():
        if key == "target":
            options["target"] = _check_target("--target", value)
            continue
        for target in TARGETS:
            if key in options[target]:
                options[target][key] = _checked(target, key, value, _flag(key))
    if options["target"] not in TARGETS:
        raise PublishError(
            f"no publishing target: set CAMEO_PUBLISH['target'] in {name} "
            "to 's3' or 'pages', or pass --target s3 / --target pages"
        )
    return options


def _check_target(label: str, value: Any) -> str:
    if value not in TARGETS:
        raise PublishError(f"{label} must be 's3' or 'pages', got {_shown(value)}")
    return value


def _checked(target: str, key: str, value: Any, label: str) -> Any:
    """``value`` for option ``key`` of ``target``, or a PublishError naming
    ``label`` and what to write instead."""
    if key in NUMBERS:
        return check_number(label, value, key)
    test, wanted = KINDS[target][key]
    if not test(value):
        if label.startswith("--"):  # a flag's text, not Python
            wanted = FLAG_WANTED.get(key, wanted.replace(" in quotes", ""))
        raise PublishError(f"{label} must be {wanted}, got {_shown(value)}")
    return value


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


def git_paths(site: Path) -> list[str]:
    """The files of the built site with a path segment git takes for its own."""
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_dir() and is_git_path(relative):
            found.append(relative)
    return found


def refuse_git_paths(site: Path) -> None:
    """Publish no path into a ``.git`` folder, to either target: git refuses
    such a tree on a Pages branch (fsck's hasDotgit, so GitHub refuses the
    push), and a copy of the site into a working tree (a bucket synced down,
    a mirror) would write into that repository, its config included."""
    found = git_paths(site)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise PublishError(
            f"nothing was published: the built site has {found[0]}{more}, a "
            "path into a folder git takes for its own repository (.git, in any "
            "case); change the url, slug or aliases of the page that writes it, "
            "or rename the file, so that no part of the path is .git"
        )


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
        refuse_git_paths(site)
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
