"""Render a rich-text tree as HTML, escaped with markupsafe.

Only ``http`` and ``https`` URLs become links; any other URL is shown as text.

>>> from citekit.render.tree import seq, emph, link
>>> to_html(seq('<b>"x"</b> ', emph("J"), " ", link("https://doi.org/10.1/a&b")))
'&lt;b&gt;&#34;x&#34;&lt;/b&gt; <i>J</i> <a href="https://doi.org/10.1/a&amp;b">https://doi.org/10.1/a&amp;b</a>'
"""

from __future__ import annotations

from markupsafe import escape

from citekit.render.tree import Emph, Inline, Link, Nbsp, Seq, linkable

__all__ = ["to_html"]


def to_html(node: Inline) -> str:
    """HTML for ``node``; every piece of text is escaped."""
    if isinstance(node, str):
        return str(escape(node))
    if isinstance(node, Nbsp):
        return "&nbsp;"
    inner = "".join(to_html(child) for child in node.children)
    if isinstance(node, Seq):
        return inner
    if isinstance(node, Link):
        if linkable(node.url):
            return f'<a href="{escape(node.url)}">{inner}</a>'
        return inner
    if isinstance(node, Emph):
        return f"<i>{inner}</i>"
    return inner  # NoCase: case protection means nothing in HTML
