"""How a notebook shows a reference: display functions by MIME type, wired from above.

The model may import nothing above it, yet a reference in Jupyter shows itself formatted,
which takes a style. So :class:`~citekit.model.reference.Reference` asks this registry, and
the ``citekit`` package (the application layer) registers the notebook's functions by name
when it is imported; they are imported only when a notebook first displays a reference.

>>> register("text/x-example", "citekit.script:folded")
>>> show(" a  b ", "text/x-example")
'a b'
>>> show(" a ", "text/x-none") is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

__all__ = ["register", "show"]

_TARGETS: dict[str, str] = {}
_LOADED: dict[str, Callable[[object], str]] = {}


def register(mime: str, target: str) -> None:
    """Show objects as ``mime`` with the function ``target`` (``"module:function"``)."""
    _TARGETS[mime] = target
    _LOADED.pop(mime, None)


def show(obj: object, mime: str) -> str | None:
    """``obj`` as ``mime``, or None when nothing is registered for it (the notebook then
    shows the plain repr)."""
    function = _LOADED.get(mime)
    if function is None:
        target = _TARGETS.get(mime)
        if target is None:
            return None
        module, _, name = target.partition(":")
        function = getattr(import_module(module), name)
        _LOADED[mime] = function
    return function(obj)
