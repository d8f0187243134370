"""Hugo's side of Go templates: what a site's own shortcodes, partials and
render hooks see when they run on the ``gotemplate`` engine.

The engine (``..gotemplate``) knows only Go's ``text/template`` and
``html/template``; this package adds what Hugo 0.111 adds, and nothing of
Pelican:

- ``bindings``: what the functions need of the site being built (one
  ``SiteBindings`` per language), and the files they make for the output.
- ``functions``: the function map given to the engine, assembled from the
  namespace modules in ``funcs/`` (``strings``, ``collections``, ``math``,
  ``crypto``, ``transform`` ...), one module per Hugo namespace as in Hugo's
  ``tpl/``.
- ``objects``: ``.Site``, ``.Page`` and a shortcode's own dot (``.Get``,
  ``.Inner`` ...), as Go values the engine can walk.
- ``resources``: a page bundle's files and an asset as templates list them
  (Hugo's finders), over ``resource`` (one file), ``media_types`` (a
  file's media type), ``images`` (an image processed with Pillow),
  ``image_config`` (Hugo's image spec) and ``glob`` (Hugo's globs as
  gobwas/glob compiles them, into ``glob_matchers``).
- ``data``: ``.Site.Data`` from ``data/``, and the ``i18n/`` tables.
- ``loader``: where Hugo looks for a template (the site's ``layouts/``, then
  its theme's, with Hugo's variant weights), the set of parsed templates one
  language shares for a build, ``partial``/``partialCached``, whether a
  shortcode takes inner text, and the files templates publish.
- ``hooks``: Markdown render hooks run on the engine.
- Go's and Hugo's rules the functions share, each in one module that
  imports no ``funcs/`` module: ``gocast`` (spf13/cast, strconv),
  ``go_text`` (Go's case and spaces, ``html.EscapeString``), ``hugo_text``
  (``StripHTML``, ``TrimShortHTML``, ``Emojify``), ``go_time`` and
  ``go_timeparse`` (``time.Time``, ``time.Parse``), ``go_url``
  (``net/url``).

The shortcode engine (``..shortcodes``) makes one ``TemplateLoader`` and one
``objects.Site`` per language, and for each page one ``objects.Page`` whose
shortcodes share its ``Scratch``.

Imports go down only: this room may import ``gotemplate``, ``markdown``,
``content``, ``config`` and ``cameo_shared``, never ``shortcodes``,
``site`` or the readers, which use it.
"""
