from cameo_tools.tasks import *  # noqa: F403
