"""A small format-neutral rich-text tree.

Styles build trees of plain strings and a few node kinds; renderers turn a
tree into text, HTML, Markdown or LaTeX.  Style code never writes markup.

>>> from citekit.render import render
>>> tree = seq("Kistanov V.O. ", emph("Japanese Studies"), ". ", link("https://doi.org/10.1/x"))
>>> render(tree, "html")
'Kistanov V.O. <i>Japanese Studies</i>. <a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a>'

The renderers (:mod:`citekit.render.writer`) clean the text as they write it:
``changes?`` + ``. `` gives ``changes? ``, whatever the style.
"""

from __future__ import annotations

from collections.abc import Iterable

from mypy_extensions import mypyc_attr

__all__ = [
    "NBSP",
    "Block",
    "Emph",
    "Inline",
    "Link",
    "NoCase",
    "Seq",
    "SmallCaps",
    "Strong",
    "Sub",
    "Sup",
    "Upright",
    "emph",
    "join",
    "join_into",
    "link",
    "linkable",
    "nocase",
    "seq",
]


NBSP = "\u00a0"
"""A space that must not break a line (``С.&nbsp;5``): the character U+00A0, so styles can
write it inside their strings (``f"С.{NBSP}{pages}"``). The model folds every space in the
data to a plain one, so each U+00A0 a renderer meets is a style's: HTML and Markdown write
``&nbsp;``, LaTeX ``~``, plain text a space."""


@mypyc_attr(allow_interpreted_subclasses=True)  # compiled, styles may still subclass
class _Container:
    __slots__ = ("children",)

    def __init__(self, children: tuple[Inline, ...]) -> None:
        self.children = children

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Container)
            and type(other) is type(self)
            and other.children == self.children
        )

    def __hash__(self) -> int:
        return hash((type(self), self.children))

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self.children!r}"


@mypyc_attr(allow_interpreted_subclasses=True)
class Seq(_Container):
    """Children one after another."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class Emph(_Container):
    """Italic (journal titles in APA, book titles)."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class NoCase(_Container):
    """Text whose case must be kept (an acronym in a BibTeX title); renders as its children."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class Link(_Container):
    """A link to ``url`` showing its children (the URL itself when there are none)."""

    __slots__ = ("url",)

    def __init__(self, url: str, children: tuple[Inline, ...]) -> None:
        self.children = children  # not super().__init__(): one call less per link
        self.url = url

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Link) and other.url == self.url and other.children == self.children

    def __hash__(self) -> int:
        return hash((Link, self.url, self.children))

    def __repr__(self) -> str:
        return f"Link({self.url!r}, {self.children!r})"


@mypyc_attr(allow_interpreted_subclasses=True)
class Strong(_Container):
    """Bold (CSL ``font-weight="bold"``)."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class SmallCaps(_Container):
    """Small capitals (CSL ``font-variant="small-caps"``)."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class Sup(_Container):
    """Superscript (CSL ``vertical-align="sup"``)."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class Sub(_Container):
    """Subscript (CSL ``vertical-align="sub"``)."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class Upright(_Container):
    """Upright text inside italics (CSL ``font-style="normal"``, and italics flip-flopped
    inside italics)."""

    __slots__ = ()


@mypyc_attr(allow_interpreted_subclasses=True)
class Block(_Container):
    """A CSL ``display`` block: ``block``, ``left-margin``, ``right-inline`` or ``indent``."""

    __slots__ = ("display",)

    def __init__(self, display: str, children: tuple[Inline, ...]) -> None:
        self.children = children
        self.display = display

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Block)
            and other.display == self.display
            and other.children == self.children
        )

    def __hash__(self) -> int:
        return hash((Block, self.display, self.children))

    def __repr__(self) -> str:
        return f"Block({self.display!r}, {self.children!r})"


Inline = str | Seq | Emph | NoCase | Link | Strong | SmallCaps | Sup | Sub | Upright | Block


def _present(children: tuple[Inline | None, ...]) -> tuple[Inline, ...]:
    """The children without ``None`` and empty strings: the only falsy children, since nodes
    define no ``__len__`` or ``__bool__`` (testing truth runs in C, on the hot path). Most
    calls have every child present, and get their own tuple back without a copy."""
    if all(children):
        return children  # type: ignore[return-value]  # all() has ruled None out
    return tuple(filter(None, children))


def seq(*children: Inline | None) -> Seq:
    """A sequence; ``None`` and empty strings are left out, so optional parts can be passed as is."""
    return Seq(_present(children))


def emph(*children: Inline | None) -> Emph:
    """Italic children."""
    return Emph(_present(children))


def nocase(*children: Inline | None) -> NoCase:
    """Children whose case is protected."""
    return NoCase(_present(children))


def link(url: str, *children: Inline | None) -> Link:
    """A link; with no children it shows the URL."""
    return Link(url, _present(children) or (url,))


def join(parts: Iterable[Inline | None], separator: Inline) -> Seq:
    """The parts that are present, with ``separator`` between them. A part that is a
    sequence is spliced in (it would render the same), which keeps trees shallow.

    >>> join(["a", None, seq("b", "c"), ""], ", ")
    Seq('a', ', ', 'b', 'c')
    """
    return Seq(tuple(join_into([], parts, separator)))


def join_into(out: list[Inline], parts: Iterable[Inline | None], separator: Inline) -> list[Inline]:
    """:func:`join` onto the end of ``out``, for a style that builds its entry as one list:
    ``separator`` goes before each part present, and before the first too when ``out`` has
    pieces already. Returns ``out``.

    >>> join_into(["Title"], ["Journal", None, "2025"], ". ")
    ['Title', '. ', 'Journal', '. ', '2025']
    """
    for part in parts:
        if not part:
            continue
        if out:
            out.append(separator)
        if part.__class__ is Seq:
            out.extend(part.children)
        else:
            out.append(part)
    return out


def linkable(url: str) -> bool:
    """True for a URL a renderer may turn into a link: ``http`` and ``https`` only.

    >>> linkable("https://doi.org/10.1/x"), linkable("javascript:alert(1)")
    (True, False)
    """
    scheme, colon, rest = url.partition(":")
    return bool(colon) and scheme.lower() in {"http", "https"} and rest.startswith("//")
