r"""Render a rich-text tree as LaTeX (UTF-8 text; needs ``hyperref`` for links).

>>> from citekit.render.tree import seq, emph, link, nocase, NBSP
>>> to_latex(seq("50% & $5 ", emph("J"), " С.", NBSP, "5 ", nocase("USA"), " ", link("https://x.org/a%20b#c")))
'50\\% \\& \\$5 \\emph{J} С.~5 {USA} \\url{https://x.org/a\\%20b\\#c}'
"""

from __future__ import annotations

from citekit.render.tree import Inline
from citekit.render.writer import OutputFormat, plain_block, write

__all__ = ["LATEX", "escape_latex", "to_latex"]

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


def escape_latex(text: str) -> str:
    r"""``text`` with LaTeX's special characters escaped: ``50% & $5`` → ``50\% \& \$5``."""
    return text.translate(_ESCAPES)


def _link(url: str, inner: str, bare: bool) -> str:
    url = url.translate(_URL_ESCAPES)
    return f"\\url{{{url}}}" if bare else f"\\href{{{url}}}{{{inner}}}"


LATEX = OutputFormat(
    escape=escape_latex,
    emph=("\\emph{", "}"),
    nocase=("{", "}"),
    nbsp="~",
    link=_link,
    strong=("\\textbf{", "}"),
    smallcaps=("\\textsc{", "}"),
    sup=("\\textsuperscript{", "}"),
    sub=("\\textsubscript{", "}"),
    upright=("\\textup{", "}"),
    block=plain_block,
)


def to_latex(node: Inline) -> str:
    """LaTeX for ``node``; special characters are escaped."""
    return write(node, LATEX)
