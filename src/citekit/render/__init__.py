"""Rendering rich text to the output formats: ``text``, ``html``, ``markdown``, ``latex``.

>>> from citekit.render.tree import seq, emph
>>> render(seq("A ", emph("B")), "html")
'A <i>B</i>'
>>> render(seq("A ", emph("B")), "text")
'A B'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citekit.render.formats import FORMATS, Format, get_format, register_format
from citekit.render.tree import Inline

__all__ = ["FORMATS", "Format", "get_format", "register_format", "render", "render_list"]


def renderer(to: str) -> Callable[[Inline], str]:
    """The function that renders a tree to format ``to``."""
    return get_format(to).render


def render(node: Inline, to: str = "text") -> str:
    """``node`` rendered to format ``to``."""
    return get_format(to).render(node)


def render_list(entries: Sequence[tuple[str | None, Inline]], to: str = "text") -> str:
    """A bibliography: ``(label, entry)`` pairs, one per line (a list element in HTML).

    Labels (``"1."``) are printed before their entries; HTML numbers with ``<ol>``. Each
    format frames the list its own way (:class:`~citekit.render.formats.Format`).
    """
    return get_format(to).render_list(entries)
