"""A Hugo site's config turned into Pelican's settings.

Owns finding and reading the config files (``files``: hugo.toml, config
folders, the environment's folder; ``formats``: TOML, YAML, JSON), what each
key becomes in Pelican's settings (``keys``, one mapper a key; ``kinds``:
taxonomies and feeds; ``languages``; ``mounts``: the content folders), the
whole mapping (``settings.hugo_settings``), and the handoff to Pelican as
data (``handoff``: ``ConfigHandoff``, read from the site and applied at the
``initialized`` signal). Errors name the file and line (``errors``).

May import ``cameo_shared`` and the rooms below it in the plugin
(``gotemplate``, ``markdown``, ``content``); never ``hugo_templates``,
``shortcodes``, ``site`` or the modules at the top. Inside the room, bottom
to top: ``errors``; ``formats``, ``mounts``, ``kinds``, ``keys``; ``files``;
``languages``; ``settings``; ``handoff``.
"""
