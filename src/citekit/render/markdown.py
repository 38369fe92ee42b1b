r"""Render a rich-text tree as CommonMark.

What may pass, and how everything else is escaped (docs/robustness.md):

- text: every character but CommonMark's punctuation that can start markup passes; ``\ ` * _
  [ ] < > | ~ & # !`` are backslash-escaped, and so are a list marker that would start the
  output (``1.``, ``-``, ``+``), so input cannot become emphasis, a link, an image, raw HTML,
  an entity, a heading or a list;
- a URL (``<…>``, ``[…](…)``): ASCII letters, digits and ``-._~:/?#@!$&'*+,;=%`` pass;
  every other character (``()<>\ ^{}`` and spaces, non-ASCII letters) is percent-encoded as
  the UTF-8 bytes of the character, which names the same address.

>>> from citekit.render.tree import seq, emph, link
>>> to_markdown(seq("a_b *c* ", emph("J"), " ", link("https://doi.org/10.1/x")))
'a\\_b \\*c\\* *J* <https://doi.org/10.1/x>'
>>> to_markdown(seq("1. Not a list"))
'1\\. Not a list'
"""

from __future__ import annotations

import re

from citekit.render.tree import Inline
from citekit.render.writer import OutputFormat, plain_block, write

__all__ = ["MARKDOWN", "markdown_label", "to_markdown"]

_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|~&#!"})
_URL_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'*+,;=%"
)
_LIST_MARKER = re.compile(r"(\d{1,9})([.)])(?=\s|$)|([-+])(?=\s|$)")


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _url(url: str) -> str:
    if all(ch in _URL_SAFE for ch in url):
        return url
    return "".join(
        ch if ch in _URL_SAFE else "".join(f"%{byte:02X}" for byte in ch.encode("utf-8"))
        for ch in url
    )


def _link(url: str, inner: str, bare: bool) -> str:
    url = _url(url)
    return f"<{url}>" if bare else f"[{inner}]({url})"


MARKDOWN = OutputFormat(
    escape=_escape,
    emph=("*", "*"),
    nbsp="&nbsp;",
    link=_link,
    strong=("**", "**"),
    sup=("<sup>", "</sup>"),  # CommonMark has no superscript; inline HTML is allowed
    sub=("<sub>", "</sub>"),
    block=plain_block,
)


def to_markdown(node: Inline) -> str:
    """CommonMark for ``node``."""
    text = write(node, MARKDOWN)
    marker = _LIST_MARKER.match(text)
    if marker is None:
        return text
    if marker[3]:
        return "\\" + text
    return f"{marker[1]}\\{text[len(marker[1]) :]}"


_NUMBER_LABEL = re.compile(r"\d{1,9}[.)]")


def markdown_label(label: Inline) -> str:
    r"""An entry's label: a number (``1.``) as the marker of an ordered list, so a numbered
    bibliography is a CommonMark list; any other label escaped as text.

    >>> print(markdown_label("1."), markdown_label("[1]"))
    1. \[1\]
    """
    if isinstance(label, str) and _NUMBER_LABEL.fullmatch(label):
        return label
    return to_markdown(label)
