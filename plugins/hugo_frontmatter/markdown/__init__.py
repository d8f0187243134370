"""Hugo's Markdown: Goldmark as Hugo 0.111 sets it up, on markdown-it-py.

``goldmark`` is the entry (``GoldmarkOptions`` from Hugo's ``markup``
config, ``Renderer``, and ``rendering_modules`` for the cache's key); each
rule or Goldmark extension it uses is a module of ``rules/``; beside them
``heading_ids`` (the three id rules), ``line_ranges`` (``hl_lines``),
``fence_info`` (a fence's language, attributes and options) and ``cache``
(converted Markdown kept between builds).

It imports nothing of the plugin nor ``cameo_shared``: only markdown-it-py,
mdit-py-plugins, Pygments and emoji. Inside the room, from the bottom:
``heading_ids``, ``line_ranges``, ``cache``; ``fence_info``; ``rules/``;
``goldmark``.
"""
