"""Render a rich-text tree as CommonMark.

Markdown punctuation in the text is backslash-escaped, so input cannot become
emphasis, a link or raw HTML.

>>> from citekit.render.tree import seq, emph, link
>>> to_markdown(seq("a_b *c* ", emph("J"), " ", link("https://doi.org/10.1/x")))
'a\\\\_b \\\\*c\\\\* *J* <https://doi.org/10.1/x>'
"""

from __future__ import annotations

from citekit.render.tree import Emph, Inline, Link, Nbsp, linkable

__all__ = ["to_markdown"]

_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|~&#!"})
_URL_ESCAPES = str.maketrans({"<": "%3C", ">": "%3E", " ": "%20", "(": "%28", ")": "%29"})


def to_markdown(node: Inline) -> str:
    """CommonMark for ``node``."""
    if isinstance(node, str):
        return node.translate(_ESCAPES)
    if isinstance(node, Nbsp):
        return "&nbsp;"
    inner = "".join(to_markdown(child) for child in node.children)
    if isinstance(node, Emph):
        return f"*{inner}*" if inner else ""
    if isinstance(node, Link):
        if not linkable(node.url):
            return inner
        url = node.url.translate(_URL_ESCAPES)
        if node.children == (node.url,):
            return f"<{url}>"
        return f"[{inner}]({url})"
    return inner
