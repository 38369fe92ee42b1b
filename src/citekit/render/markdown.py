"""Render a rich-text tree as CommonMark.

Markdown punctuation in the text is backslash-escaped, so input cannot become
emphasis, a link or raw HTML.

>>> from citekit.render.tree import seq, emph, link
>>> to_markdown(seq("a_b *c* ", emph("J"), " ", link("https://doi.org/10.1/x")))
'a\\\\_b \\\\*c\\\\* *J* <https://doi.org/10.1/x>'
"""

from __future__ import annotations

from citekit.render.tree import Inline
from citekit.render.writer import OutputFormat, plain_block, write

__all__ = ["MARKDOWN", "to_markdown"]

_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|~&#!"})
_URL_ESCAPES = str.maketrans({"<": "%3C", ">": "%3E", " ": "%20", "(": "%28", ")": "%29"})


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _link(url: str, inner: str, bare: bool) -> str:
    url = url.translate(_URL_ESCAPES)
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
    return write(node, MARKDOWN)
