r"""Render a rich-text tree as LaTeX (UTF-8 text; needs ``hyperref`` for links).

>>> from citekit.render.tree import seq, emph, link, nocase, NBSP
>>> to_latex(seq("50% & $5 ", emph("J"), " С.", NBSP, "5 ", nocase("USA"), " ", link("https://x.org/a%20b#c")))
'50\\% \\& \\$5 \\emph{J} С.~5 {USA} \\url{https://x.org/a\\%20b\\#c}'
"""

from __future__ import annotations

from citekit.render.tree import Emph, Inline, Link, Nbsp, NoCase, linkable

__all__ = ["to_latex"]

_ESCAPES = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "$": r"\$",
        "&": r"\&",
        "#": r"\#",
        "^": r"\textasciicircum{}",
        "_": r"\_",
        "%": r"\%",
        "~": r"\textasciitilde{}",
    }
)
_URL_ESCAPES = str.maketrans({"\\": "%5C", "{": "%7B", "}": "%7D", "%": r"\%", "#": r"\#"})


def to_latex(node: Inline) -> str:
    """LaTeX for ``node``; special characters are escaped."""
    if isinstance(node, str):
        return node.translate(_ESCAPES)
    if isinstance(node, Nbsp):
        return "~"
    inner = "".join(to_latex(child) for child in node.children)
    if isinstance(node, Emph):
        return f"\\emph{{{inner}}}"
    if isinstance(node, NoCase):
        return f"{{{inner}}}"
    if isinstance(node, Link):
        if not linkable(node.url):
            return inner
        url = node.url.translate(_URL_ESCAPES)
        if node.children == (node.url,):
            return f"\\url{{{url}}}"
        return f"\\href{{{url}}}{{{inner}}}"
    return inner
