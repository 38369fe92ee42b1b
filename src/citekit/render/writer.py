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
from citekit.render.tree import (
    NBSP,
    Block,
    Emph,
    Inline,
    Link,
    NoCase,
    Seq,
    SmallCaps,
    Strong,
    Sub,
    Sup,
    Upright,
    Verbatim,
    linkable,
)
from citekit.script import UNSAFE_CHARACTERS

__all__ = ["TEXT", "OutputFormat", "plain_block", "to_text", "write"]

_ENDS_SENTENCE = frozenset(".?!…")
_SPACES = " " + NBSP


class OutputFormat:
    """What an output format writes for each kind of node: the marks around emphasis, bold,
    small capitals, superscript, subscript and case-protected text (a format without a mark
    for one writes its text plain), the non-breaking space, and links.

    ``link(url, inner, bare)`` gets the escaped link text and whether that text is the
    URL itself; it is called only for ``http``/``https`` URLs (others show their text).
    """

    __slots__ = (
        "block",
        "emph",
        "escape",
        "link",
        "nbsp",
        "nocase",
        "smallcaps",
        "spaces_nbsp",
        "strong",
        "sub",
        "sup",
        "upright",
        "verbatim",
    )

    def __init__(
        self,
        *,
        escape: Callable[[str], str] | None = None,
        emph: tuple[str, str] = ("", ""),
        nocase: tuple[str, str] = ("", ""),
        nbsp: str = " ",
        link: Callable[[str, str, bool], str] | None = None,
        strong: tuple[str, str] = ("", ""),
        smallcaps: tuple[str, str] = ("", ""),
        sup: tuple[str, str] = ("", ""),
        sub: tuple[str, str] = ("", ""),
        verbatim: OutputFormat | None = None,
        upright: tuple[str, str] = ("", ""),
        block: Callable[[str], tuple[str, str]] | None = None,
    ) -> None:
        self.escape = escape
        self.emph = emph
        self.upright = upright
        self.block = block
        self.nocase = nocase
        self.strong = strong
        self.smallcaps = smallcaps
        self.sup = sup
        self.sub = sub
        self.verbatim = verbatim
        """How :class:`~citekit.render.tree.Verbatim` text is written (LaTeX: unescaped, as
        BibTeX); None: like any other text."""
        self.nbsp = nbsp
        self.link = link
        # Prints a non-breaking space as a plain one, unescaped: the writer can then swap
        # them as soon as it has checked the text.
        self.spaces_nbsp = nbsp == " " and escape is None


def plain_block(display: str) -> tuple[str, str]:
    """A CSL ``display`` block in a format without blocks: a space after a left margin
    (``[1] Title``) and around a block, nothing else."""
    if display == "left-margin":
        return "", " "
    if display == "block":
        return " ", ""
    return "", ""


TEXT = OutputFormat(block=plain_block)
"""Plain text: no escaping, no markup, a non-breaking space printed as a space."""


def _as_node(child: object) -> Inline:
    """A node of a subclass (a third-party style's) as its citekit kind; anything else is
    refused with a :class:`~citekit.errors.StyleError`."""
    if isinstance(child, str):
        return str(child)
    if isinstance(child, Link):
        return Link(child.url, child.children)
    if isinstance(child, Block):
        return Block(child.display, child.children)
    for kind in (Seq, Emph, NoCase, Strong, SmallCaps, Sup, Sub, Verbatim, Upright):
        if isinstance(child, kind):
            return kind(child.children)
    raise StyleError(f"a style returned {child!r}, which is not rich text (citekit.render.tree)")


def _clean_url(url: str) -> str:
    return url if url.isprintable() else url.translate(UNSAFE_CHARACTERS)


def write(node: Inline, markup: OutputFormat) -> str:
    """``node`` written in ``markup``, cleaned as the module describes."""
    out: list[str] = []
    # A sequence at the top (what styles return) is walked at once, and the walk starts as
    # if after a space, so that a leading space is dropped.
    top = node.children if node.__class__ is Seq else (node,)
    _walk(top, " ", out, markup)
    return "".join(out)


# The walk is plain functions that pass the output list along, not an object (one more
# allocation per entry) nor nested functions (recursive closures form a reference cycle per
# call, which only the cyclic collector frees, and batches run with it paused). Each walk
# takes the last raw character written before it and returns the last one written after it.


def _walk(children: tuple[object, ...], last: str, out: list[str], markup: OutputFormat) -> str:
    # Children are taken as any object and named as their kind once it is known (an
    # annotation, free at run time, where cast() would be a call per piece), so that whatever
    # a third-party style put in the tree reaches the refusal at the end.
    escape = markup.escape
    for child in children:
        kind = type(child)
        if kind is str:
            piece: str = child  # type: ignore[assignment]
            if not piece:
                continue
            # Controls and bidi marks are exactly the unprintable characters, with the
            # style's non-breaking spaces: only such text needs a second look.
            unusual = not piece.isprintable()
            if unusual:
                spaced = piece.replace(NBSP, " ")
                if not spaced.isprintable():
                    piece = piece.translate(UNSAFE_CHARACTERS)
                    if not piece:
                        continue
                elif markup.spaces_nbsp and piece[0] not in _SPACES:
                    # The same text either way, for the rules below: they look at a leading
                    # space and take a trailing space and a trailing U+00A0 alike.
                    piece, unusual = spaced, False
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
                piece = piece.replace(NBSP, markup.nbsp)
            out.append(piece)
        elif kind is Seq:
            sequence: Seq = child  # type: ignore[assignment]
            last = _walk(sequence.children, last, out, markup)
        elif kind is Emph:
            emphasis: Emph = child  # type: ignore[assignment]
            last = _wrap(emphasis.children, markup.emph, last, out, markup)
        elif kind is Link:
            target: Link = child  # type: ignore[assignment]
            last = _link(target, last, out, markup)
        elif kind is NoCase:
            kept: NoCase = child  # type: ignore[assignment]
            last = _wrap(kept.children, markup.nocase, last, out, markup)
        elif kind is Strong:
            bold: Strong = child  # type: ignore[assignment]
            last = _wrap(bold.children, markup.strong, last, out, markup)
        elif kind is SmallCaps:
            small: SmallCaps = child  # type: ignore[assignment]
            last = _wrap(small.children, markup.smallcaps, last, out, markup)
        elif kind is Sup:
            raised: Sup = child  # type: ignore[assignment]
            last = _wrap(raised.children, markup.sup, last, out, markup)
        elif kind is Sub:
            lowered: Sub = child  # type: ignore[assignment]
            last = _wrap(lowered.children, markup.sub, last, out, markup)
        elif kind is Verbatim:
            source: Verbatim = child  # type: ignore[assignment]
            last = _walk(source.children, last, out, markup.verbatim or markup)
        elif kind is Upright:
            upright: Upright = child  # type: ignore[assignment]
            last = _wrap(upright.children, markup.upright, last, out, markup)
        elif kind is Block:
            block: Block = child  # type: ignore[assignment]
            marks = markup.block(block.display) if markup.block is not None else ("", "")
            last = _wrap(block.children, marks, last, out, markup)
        else:
            last = _walk((_as_node(child),), last, out, markup)
    return last


def _wrap(
    children: tuple[Inline, ...],
    marks: tuple[str, str],
    last: str,
    out: list[str],
    markup: OutputFormat,
) -> str:
    opening, closing = marks
    if not (opening or closing):  # plain text marks nothing
        return _walk(children, last, out, markup)
    mark = len(out)
    out.append(opening)
    last = _walk(children, last, out, markup)
    if len(out) == mark + 1:
        out.pop()  # nothing inside: no empty <i></i>
    else:
        out.append(closing)
    return last


def _link(node: Link, last: str, out: list[str], markup: OutputFormat) -> str:
    mark = len(out)
    last = _walk(node.children, last, out, markup)
    make = markup.link
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
