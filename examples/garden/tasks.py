from pelican.plugins.cameo.tasks import *  # noqa: F403
