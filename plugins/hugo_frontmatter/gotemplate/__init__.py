"""A Go template engine (text/template as in Go 1.20, Hugo 0.111).

    from pelican.plugins.hugo_frontmatter.gotemplate import Template
    Template("t").parse("{{ range . }}{{ . }} {{ end }}").execute([1, 2])

Errors, parse or execution, are one ``TemplateError`` worded as Go words
them (``template: t:1:3: executing "t" at <.Foo>: ...``). See
docs/gotemplate.md for what is supported.

The room, as Go splits text/template: ``lexer``, ``nodes``, ``parse``
(text/template/parse), ``exec`` (evaluation), ``builtins`` (funcs.go),
``gofmt`` (fmt's printing), ``gojson`` (encoding/json), ``errors``,
``template`` (sets of named templates), and ``htmltemplate/``, the
escaping pass html/template adds on top. It imports nothing else of the
plugin, nor ``cameo_shared``: the standard library only."""

from .errors import TemplateError
from .exec import MISSING
from .htmltemplate.content import CSS, HTML, JS, URL, HTMLAttr, JSStr
from .template import Template, TemplateSet

__all__ = [
    "CSS",
    "HTML",
    "JS",
    "JSStr",
    "MISSING",
    "URL",
    "HTMLAttr",
    "Template",
    "TemplateError",
    "TemplateSet",
]
