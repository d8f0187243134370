"""The site: Hugo's site-wide rules, applied once Pelican has read the files.

Owns what no single content file decides: sections and their list pages,
Hugo's order, output paths and their clashes, alias and ``page/1/``
redirects, bundle files, paged lists, taxonomies and their feeds, ``ref``
and ``relref``, and what one run learns (``state``). ``rules.py`` (the
receivers Pelican calls while reading, and the site's generator) and
``taxonomies.py`` (the taxonomies' generator) sit on the modules that do
each job.

May import ``cameo_shared`` and the rooms below it in the plugin
(``gotemplate``, ``markdown``, ``content``, ``config``, ``hugo_templates``,
``shortcodes``); never ``reader.py``, ``html_reader.py`` or
``hugo_frontmatter.py`` above it. Inside the room, bottom to top: ``state``,
``outputs``, ``order``, ``context``, ``terms``, ``feed_text``; ``clashes``,
``static_links``, ``pagination``, ``feeds``, ``sections``, ``refs``;
``pelican_lists``, ``nameless_terms``, ``aliases``, ``bundles``,
``paged_lists``; ``taxonomies``; ``rules``.
"""
