"""Hugo's template functions, one module per namespace of Hugo's ``tpl/``.

Each module has ``functions(bindings) -> dict[str, callable]`` with the
namespace's short names and aliases, and the namespace itself as a function
returning an object with Go-named methods (``strings.Trim``)."""
