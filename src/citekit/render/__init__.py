"""Rendering rich text to the output formats: ``text``, ``html``, ``markdown``, ``latex``.

>>> from citekit.render.tree import seq, emph
>>> render(seq("A ", emph("B")), "html")
'A <i>B</i>'
>>> render(seq("A ", emph("B")), "text")
'A B'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from citekit.errors import OptionError
from citekit.render.html import to_html
from citekit.render.latex import to_latex
from citekit.render.markdown import to_markdown
from citekit.render.tree import Inline
from citekit.render.writer import to_text

__all__ = ["FORMATS", "render", "render_list"]

FORMATS: Mapping[str, Callable[[Inline], str]] = MappingProxyType(
    {"text": to_text, "html": to_html, "markdown": to_markdown, "latex": to_latex}
)


def renderer(to: str) -> Callable[[Inline], str]:
    """The function that renders a tree to format ``to``."""
    try:
        return FORMATS[to]
    except KeyError:
        raise OptionError(
            f"unknown output format {to!r}; choose one of: {', '.join(FORMATS)}"
        ) from None


def render(node: Inline, to: str = "text") -> str:
    """``node`` rendered to format ``to``."""
    return renderer(to)(node)


def render_list(entries: Sequence[tuple[str | None, Inline]], to: str = "text") -> str:
    """A bibliography: ``(label, entry)`` pairs, one per line (a list element in HTML).

    Labels (``"1."``) are printed before their entries; HTML numbers with ``<ol>``.
    """
    one = renderer(to)
    numbered = any(label for label, _ in entries)
    if to == "html":
        tag = "ol" if numbered else "ul"
        items = "".join(f"<li>{one(entry)}</li>" for _, entry in entries)
        return f'<{tag} class="citekit-bibliography">{items}</{tag}>'
    lines = [f"{one(label)} {one(entry)}" if label else one(entry) for label, entry in entries]
    separator = "\n\n" if to in {"markdown", "latex"} else "\n"
    return separator.join(lines)
