"""One pass from a rich-text tree to marked-up text, cleaning the text on the way.

Every output format is an :class:`OutputFormat`: how to escape text and what to write around
emphasis, case-protected text, links and non-breaking spaces. :func:`write` walks the
tree once, depth first, and applies the clean-up every style gets, whoever wrote it:

- a period that would follow ``.``, ``?``, ``!`` or ``…`` is dropped, across node
  boundaries (``changes?`` + ``. `` → ``changes? ``), but an ellipsis ``...`` is kept;
- a space that would follow a space is dropped;
- control characters and bidi overrides, which could disguise text, are removed
  (from URLs too); a line break becomes a space;
- emphasis or a link left with no text is not written at all.

The rules see the raw text, before escaping, so they mean the same in every format.

>>> from citekit.render.tree import seq, emph
>>> write(seq(emph("Will there be changes?"), ". ", " Next\\u202e"), TEXT)
'Will there be changes? Next'
"""

from __future__ import annotations

from collections.abc import Callable

from citekit.errors import StyleError
from citekit.render.tree import NBSP, Emph, Inline, Link, NoCase, Seq, linkable
from citekit.script import UNSAFE_CHARACTERS

__all__ = ["TEXT", "OutputFormat", "to_text", "write"]

_ENDS_SENTENCE = frozenset(".?!…")
_SPACES = " " + NBSP


class OutputFormat:
    """What an output format writes for each kind of node.

    ``link(url, inner, bare)`` gets the escaped link text and whether that text is the
    URL itself; it is called only for ``http``/``https`` URLs (others show their text).
    """

    __slots__ = ("emph", "escape", "link", "nbsp", "nocase")

    def __init__(
        self,
        *,
        escape: Callable[[str], str] | None = None,
        emph: tuple[str, str] = ("", ""),
        nocase: tuple[str, str] = ("", ""),
        nbsp: str = " ",
        link: Callable[[str, str, bool], str] | None = None,
    ) -> None:
        self.escape = escape
        self.emph = emph
        self.nocase = nocase
        self.nbsp = nbsp
        self.link = link


TEXT = OutputFormat()
"""Plain text: no escaping, no markup, a non-breaking space printed as a space."""


def _as_node(child: object) -> Inline:
    """A node of a subclass (a third-party style's) as its citekit kind; anything else is
    refused with a :class:`~citekit.errors.StyleError`."""
    if isinstance(child, str):
        return str(child)
    if isinstance(child, Link):
        return Link(child.url, child.children)
    for kind in (Seq, Emph, NoCase):
        if isinstance(child, kind):
            return kind(child.children)
    raise StyleError(f"a style returned {child!r}, which is not rich text (citekit.render.tree)")


def _clean_url(url: str) -> str:
    return url if url.isprintable() else url.translate(UNSAFE_CHARACTERS)


def write(node: Inline, markup: OutputFormat) -> str:
    """``node`` written in ``markup``, cleaned as the module describes."""
    writer = _Writer(markup)
    writer.walk((node,), " ")  # as if after a space, so that a leading space is dropped
    return "".join(writer.out)


class _Writer:
    """One write: the text so far. A class, not nested functions, because recursive
    closures form a reference cycle per call, which only the cyclic collector frees (and
    batches run with it paused). Each walk takes the last raw character written before it
    and returns the last one written after it."""

    __slots__ = ("markup", "out")

    def __init__(self, markup: OutputFormat) -> None:
        self.markup = markup
        self.out: list[str] = []

    def walk(self, children: tuple[Inline, ...], last: str) -> str:
        out = self.out
        escape = self.markup.escape
        for child in children:
            kind = child.__class__
            if kind is str:
                piece: str = child  # type: ignore[assignment]
                if not piece:
                    continue
                # Controls and bidi marks are exactly the unprintable characters, with the
                # style's non-breaking spaces: only such text needs a second look.
                unusual = not piece.isprintable()
                if unusual and not piece.replace(NBSP, " ").isprintable():
                    piece = piece.translate(UNSAFE_CHARACTERS)
                    if not piece:
                        continue
                first = piece[0]
                if first == "." and last in _ENDS_SENTENCE and not piece.startswith(".."):
                    piece = piece[1:]
                    if not piece:
                        continue
                elif first == " " and last in _SPACES:
                    piece = piece.lstrip(" ")
                    if not piece:
                        continue
                last = piece[-1]
                if escape is not None:
                    piece = escape(piece)
                if unusual and NBSP in piece:
                    piece = piece.replace(NBSP, self.markup.nbsp)
                out.append(piece)
            elif kind is Seq:
                last = self.walk(child.children, last)  # type: ignore[union-attr]
            elif kind is Emph:
                last = self.wrap(child.children, self.markup.emph, last)  # type: ignore[union-attr]
            elif kind is Link:
                last = self.link(child, last)  # type: ignore[arg-type]
            elif kind is NoCase:
                last = self.wrap(child.children, self.markup.nocase, last)  # type: ignore[union-attr]
            else:
                last = self.walk((_as_node(child),), last)
        return last

    def wrap(self, children: tuple[Inline, ...], marks: tuple[str, str], last: str) -> str:
        out = self.out
        mark = len(out)
        out.append(marks[0])
        last = self.walk(children, last)
        if len(out) == mark + 1:
            out.pop()  # nothing inside: no empty <i></i>
        else:
            out.append(marks[1])
        return last

    def link(self, node: Link, last: str) -> str:
        out = self.out
        mark = len(out)
        last = self.walk(node.children, last)
        make = self.markup.link
        if len(out) == mark or make is None:
            return last
        url = _clean_url(node.url)
        if not linkable(url):
            return last  # javascript:, data:, … stay text
        inner = "".join(out[mark:])
        del out[mark:]
        out.append(make(url, inner, node.children == (node.url,)))
        return last


def to_text(node: Inline) -> str:
    """Plain text for ``node``, cleaned.

    >>> from citekit.render.tree import seq, NBSP
    >>> to_text(seq("С.", NBSP, "5", "."))
    'С. 5.'
    """
    return write(node, TEXT)
