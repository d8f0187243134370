"""Reading a site's settings file (pelicanconf.py, publishconf.py).

The file is Python, so anything can stop it: a syntax error, a name it
lacks, an import that fails. Whatever it is becomes one line naming the
file and line of the site's own Python where it stopped (not Pelican's or
Python's), with what to do: a SettingsError, which each task turns into
its own kind of error.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

# Where Python and the packages it runs live (a virtual environment's included).
_PYTHON = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}


class SettingsError(Exception):
    """A settings file Python could not run; the text is one line."""


def read_settings_file(
    settings_file: str | os.PathLike, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Pelican's settings from ``settings_file`` with ``overrides``, or a
    SettingsError naming the file and line."""
    # Pelican is imported here, not at module level: `invoke --list` and the
    # serve task do not need it (it is most of a small build's time).
    from pelican.settings import read_settings as pelican_settings

    path = Path(settings_file)
    try:
        return pelican_settings(str(path), override=dict(overrides or {}))
    except SyntaxError as error:
        where = _where(path, error.filename, error.lineno)
        line = f" ({error.text.strip()})" if error.text and error.text.strip() else ""
        raise SettingsError(
            f"{where}: {error.msg}{line}; correct the Python on that line"
        ) from None
    except Exception as error:  # the settings file is Python: anything can fail
        # The deepest line of the site's own Python: not Pelican's, nor Python's.
        frames = [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if not frame.filename.startswith("<")
            and not any(_inside(Path(frame.filename), Path(home)) for home in _PYTHON)
        ]
        where = _where(path, frames[-1].filename, frames[-1].lineno) if frames else path
        text = " ".join(str(error).split())
        raise SettingsError(
            f"{where}: {type(error).__name__}: {text}; correct the settings there"
        ) from None


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _where(settings_file: Path, filename: str | None, line: int | None) -> str:
    """``file:line`` as a person in the site's folder would name the file."""
    if not filename:
        return str(settings_file)
    found = Path(filename).resolve()
    if found == settings_file.resolve():
        name = str(settings_file)
    elif _inside(found, settings_file.resolve().parent):
        name = str(
            settings_file.parent / found.relative_to(settings_file.resolve().parent)
        )
    else:
        name = str(found)
    return f"{name}:{line}" if line else name
