"""The processor's output as citekit's rich text (:mod:`citekit.render.tree`).

Italics inside italics turn upright, quotes inside quotes take the locale's inner quotes,
commas and periods move inside closing quotes when the locale asks, and a web address in
the text becomes a link.

>>> from citekit.csl.output import Out
>>> to_tree(Out("fmt", ["Walden"], ("font-style", "italic")))
Seq(Emph('Walden',),)
"""

from __future__ import annotations

import re
from typing import Final

from citekit.csl.output import Part, move_punctuation
from citekit.render.tree import (
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
)

__all__ = ["to_tree"]

QUOTES: Final = ("\u201c", "\u201d", "\u2018", "\u2019")
_URL: Final = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")


def to_tree(
    part: Part | None,
    punctuation_in_quote: bool = False,
    quotes: tuple[str, str, str, str] = QUOTES,
) -> Inline:
    """``part`` as rich text."""
    if part is None:
        return Seq(())
    if punctuation_in_quote:
        part = move_punctuation(part)
    node = _convert(part, False, 0, quotes)
    children = node.children if isinstance(node, Seq) else (node,)
    if children and isinstance(children[-1], str) and children[-1] != children[-1].rstrip():
        children = (*children[:-1], children[-1].rstrip())  # no space at the end of an entry
    return Seq(tuple(c for c in children if c != ""))


def _convert(part: Part, italic: bool, depth: int, quotes: tuple[str, str, str, str]) -> Inline:
    if isinstance(part, str):
        return _linked(part)
    kind = part.kind
    if kind == "fmt" and isinstance(part.value, tuple):
        key, value = str(part.value[0]), str(part.value[1])
        if key == "font-style":
            slanted = value in ("italic", "oblique")
            if italic and (slanted or value == "normal"):
                return Upright(_children(part.children, False, depth, quotes))
            if slanted:
                return Emph(_children(part.children, True, depth, quotes))
            return Seq(_children(part.children, italic, depth, quotes))
        inner = _children(part.children, italic, depth, quotes)
        if key == "font-weight" and value == "bold":
            return Strong(inner)
        if key == "font-variant" and value == "small-caps":
            return SmallCaps(inner)
        if key == "vertical-align" and value == "sup":
            return Sup(inner)
        if key == "vertical-align" and value == "sub":
            return Sub(inner)
        return Seq(inner)
    if kind == "quote":
        opening, closing = (quotes[0], quotes[1]) if depth % 2 == 0 else (quotes[2], quotes[3])
        inner = _children(part.children, italic, depth + 1, quotes)
        return Seq((opening, *inner, closing))
    if kind == "nodecor":
        plain_inner = _children(part.children, False, depth, quotes)
        return Upright(plain_inner) if italic else Seq(plain_inner)
    inner = _children(part.children, italic, depth, quotes)
    if kind == "nocase":
        return NoCase(inner)
    if kind == "display":
        return Block(str(part.value), inner) if inner else Seq(())
    return Seq(inner)


def _children(
    children: list[Part], italic: bool, depth: int, quotes: tuple[str, str, str, str]
) -> tuple[Inline, ...]:
    """The children converted, with neighbouring strings merged first (so that a URL split
    between an affix and a variable is found whole)."""
    out: list[Inline] = []
    _add_children(children, italic, depth, quotes, out)
    return tuple(out)


_OWN_NODES: Final = frozenset(["fmt", "quote", "nodecor", "nocase", "display"])
"""The kinds :func:`_convert` makes a node of their own, or a sequence with more than their
children; any other kind is a sequence of its children, spliced into its parent's."""


def _add_children(
    children: list[Part],
    italic: bool,
    depth: int,
    quotes: tuple[str, str, str, str],
    out: list[Inline],
) -> None:
    """:func:`_children` into ``out``, in one pass: neighbouring strings are merged as they
    come, and the children of a plain sequence (an affixed element, a term) are added in
    place, with no sequence made to be spliced (no Seq nor tuple for some eight nodes an
    ieee entry)."""
    text = ""  # the strings since the last node, merged
    for child in children:
        if isinstance(child, str):
            text += child
            continue
        if text:
            _add_text(text, out)
            text = ""
        if child.kind not in _OWN_NODES:
            _add_children(child.children, italic, depth, quotes, out)
            continue
        node = _convert(child, italic, depth, quotes)
        if type(node) is Seq:
            out.extend(node.children)
        else:
            out.append(node)
    if text:
        _add_text(text, out)


def _add_text(text: str, out: list[Inline]) -> None:
    if "://" not in text:
        out.append(text)  # most leaves: text without a web address, kept as it is
        return
    node = _linked(text)
    if isinstance(node, Seq):
        out.extend(node.children)
    else:
        out.append(node)


def _linked(text: str) -> Inline:
    if "://" not in text:
        return text
    pieces: list[Inline] = []
    last = 0
    for m in _URL.finditer(text):
        pieces.append(text[last : m.start()])
        pieces.append(Link(m.group(), (m.group(),)))
        last = m.end()
    pieces.append(text[last:])
    present = tuple(p for p in pieces if p != "")
    return present[0] if len(present) == 1 else Seq(present)
