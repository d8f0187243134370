"""`invoke publish`: build the published site afresh, then deploy it.

The build goes into a new temporary folder with publishconf.py; a build that
fails or logs an error deploys nothing. The target and its options come from
``CAMEO_PUBLISH`` in publishconf.py, and each can be overridden by a flag;
every option is checked (a flag's text or a setting's value, of any type)
before the build, and a settings file Python cannot run is one line too.
"""

from __future__ import annotations

import copy
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import github_pages, s3
from .build import build
from .errors import BuildError, PublishError, import_extra
from .git_names import is_git_path
from .progress import Progress
from .settings import SettingsError, read_settings_file
from .targets import Target, shown

# Every place `invoke publish` deploys to, by the name CAMEO_PUBLISH['target']
# and --target give it (targets.py says what a target is).
TARGETS: dict[str, Target] = {
    target.name: target for target in (s3.TARGET, github_pages.TARGET)
}
DEFAULT_PUBLISH: dict[str, Any] = {
    "target": None,  # one of TARGETS
    **{name: target.defaults for name, target in TARGETS.items()},
}


def _names() -> str:
    return " or ".join(repr(name) for name in TARGETS)


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
            f"CAMEO_PUBLISH = {{'target': 'pages'}}, got {shown(given)}"
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
    for target, spec in TARGETS.items():
        section = given.get(target)
        if section is None:
            section = {}
        label = f"CAMEO_PUBLISH[{target!r}]"
        if not isinstance(section, dict):
            raise PublishError(
                f"{label} in {name} must be a dict of its options, e.g. "
                f"{spec.example}, got {shown(section)}"
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
                options[target][key] = spec.check(key, value, where)
    for key, value in given_flags.items():
        if key == "target":
            options["target"] = _check_target("--target", value)
            continue
        for target, spec in TARGETS.items():
            if key in options[target]:
                options[target][key] = spec.check(key, value, spec.flag(key))
    if options["target"] not in TARGETS:
        flags = " / ".join(f"--target {target}" for target in TARGETS)
        raise PublishError(
            f"no publishing target: set CAMEO_PUBLISH['target'] in {name} "
            f"to {_names()}, or pass {flags}"
        )
    return options


def _check_target(label: str, value: Any) -> str:
    if not isinstance(value, str) or value not in TARGETS:
        raise PublishError(f"{label} must be {_names()}, got {shown(value)}")
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
    target = TARGETS[options["target"]]
    # Before a build, which would otherwise be wasted.
    import_extra(*target.needs, error=PublishError)
    target.preflight(options[target.name], Path(repo))
    site = build_fresh(settings_file)
    try:
        refuse_git_paths(site)
        report = target.deploy(
            site, options[target.name], Path(repo), dry_run, progress
        )
        return report.message
    finally:
        shutil.rmtree(site.parent, ignore_errors=True)
