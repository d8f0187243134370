"""The rules Hugo's Goldmark adds to markdown-it or changes in it, one rule
or Goldmark extension to a module, each with a ``use(md, ...)`` that
``goldmark.Renderer`` calls when the options turn it on.

Inline: ``text_runs``, ``code_spans``, ``typographer``, ``linkify`` (with
``inline_state``, what they keep while a run is parsed); ``math``, cameo's
addition (MathML, with ``cameo_shared.math``). Blocks:
``tables``, ``strikethrough``, ``footnotes``, ``definition_lists``,
``task_lists``, ``attributes``, ``headings``, ``raw_html``,
``code_fences``, ``standalone_images``, ``whitespace`` (with
``tight_items``, a block after a tight item's text). After parsing:
``dangerous_urls``; the render hooks (``render_hooks``, ``hook_tokens``).
Before and around it: ``emoji``, ``summary``; the HTML's attribute filter,
``allowed_attributes``.

The rules import only each other and the modules of ``markdown/`` beside
``goldmark`` (``heading_ids``, ``line_ranges``, ``fence_info``); never
``goldmark`` itself. Inside, from the bottom: ``inline_state``,
``tight_items``, ``attributes`` and the rules that need nothing; then
``linkify``, ``typographer``; ``text_runs`` (needs ``linkify``),
``headings`` (``attributes``), ``raw_html``, ``code_fences``
(``tight_items``); ``hook_tokens`` (``typographer``); ``render_hooks``.
"""
