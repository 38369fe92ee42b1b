"""Render a rich-text tree as HTML, escaped with markupsafe.

Only ``http`` and ``https`` URLs become links; any other URL is shown as text.

>>> from citekit.render.tree import seq, emph, link
>>> to_html(seq('<b>"x"</b> ', emph("J"), " ", link("https://doi.org/10.1/a&b")))
'&lt;b&gt;&#34;x&#34;&lt;/b&gt; <i>J</i> <a href="https://doi.org/10.1/a&amp;b">https://doi.org/10.1/a&amp;b</a>'
"""

from __future__ import annotations

from markupsafe import escape

from citekit.render.tree import Inline
from citekit.render.writer import OutputFormat, write

__all__ = ["HTML", "to_html"]


def _escape(text: str) -> str:
    # markupsafe escapes exactly these five characters; most pieces of an entry have none of
    # them, and five substring tests cost a fifth of a call to escape().
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return str(escape(text))
    return text


def _link(url: str, inner: str, _bare: bool) -> str:
    return f'<a href="{escape(url)}">{inner}</a>'


_DISPLAYS = frozenset({"block", "left-margin", "right-inline", "indent"})


def _block(display: str) -> tuple[str, str]:
    name = display if display in _DISPLAYS else "block"
    return f'<div class="csl-{name}">', "</div>"


HTML = OutputFormat(
    escape=_escape,
    emph=("<i>", "</i>"),
    nbsp="&nbsp;",
    link=_link,
    strong=("<b>", "</b>"),
    smallcaps=('<span style="font-variant:small-caps;">', "</span>"),
    sup=("<sup>", "</sup>"),
    sub=("<sub>", "</sub>"),
    upright=('<span style="font-style:normal;">', "</span>"),
    block=_block,
)


def to_html(node: Inline) -> str:
    """HTML for ``node``; every piece of text is escaped."""
    return write(node, HTML)
