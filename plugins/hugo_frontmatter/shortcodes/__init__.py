"""Hugo's shortcodes in a page's body: found, nested and rendered, as Hugo 0.111.

The room, bottom to top (each module imports only those before it):
``html_attributes`` (html/template's check of the attributes a value is
printed into), ``calls`` (a call, its page, its position, its error),
``builtins`` (Hugo's built-in shortcodes in Python), ``lexer`` (tags and
parameters in the raw body), ``parser`` (tags into nested calls),
``filters`` (Go's printing and Hugo's functions as Jinja filters),
``jinja_ports`` (a site's shortcodes ported to Jinja), ``go_shortcodes``
(a site's own Go templates, through ``hugo_templates``) and ``expand`` (the
engine: a body in, Markdown with outputs and placeholders out).

It may import ``cameo_shared`` and the rooms below it: ``gotemplate``,
``markdown``, ``content``, ``config`` and ``hugo_templates``; never
``site`` or the readers above. Import a name from the module that defines
it; this file imports nothing.
"""
