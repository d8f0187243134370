"""Go's html/template: contextual escaping, as a pass over the trees the
text/template modules of ``gotemplate`` parse (see docs/gotemplate.md).

One module per source file of Go 1.20's html/template, in import order:
``content`` (trusted types), ``context`` (where an action prints),
``attr`` (an attribute's kind), ``css``, ``js``, ``url`` (their escapers
and filters), ``transition`` (how the template's text moves the context),
``html`` (HTML escapers, stripTags), ``escape`` (the pass and the escaper
map). It may import only the rest of ``gotemplate`` (``errors``,
``exec``, ``gofmt``, ``nodes``), never above it."""
