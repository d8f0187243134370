"""The tasks' old name, kept for one release: use ``cameo_tools.tasks``."""

import warnings

warnings.warn(
    "pelican.plugins.cameo.tasks is now cameo_tools.tasks; write "
    "`from cameo_tools.tasks import *` in tasks.py (the old name goes in 0.3)",
    FutureWarning,
    stacklevel=2,
)

from cameo_tools.tasks import *  # noqa: E402, F403
from cameo_tools.tasks import __all__  # noqa: E402, F401
