r"""Render a rich-text tree as LaTeX (UTF-8 text; needs ``hyperref`` for links).

What may pass, and how everything else is escaped (docs/robustness.md):

- text: every character but LaTeX's ten special ones passes; those are written as commands
  (``\&``, ``\textbackslash{}``, ``\textasciicircum{}``, …), so no text can start a command,
  a group, math, a comment, a parameter or TeX's ``^^`` notation;
- a URL (``\url{…}``, ``\href{…}{…}``): ASCII letters, digits and ``-._~:/?=&,;@+!*'()[]``
  pass; ``%`` and ``#`` are written ``\%`` and ``\#``; every other character, ``^``
  included (``^^5c`` would be a backslash to TeX even there), is percent-encoded as the
  UTF-8 bytes of the character, which names the same address.

>>> from citekit.render.tree import seq, emph, link, nocase, NBSP
>>> to_latex(seq("50% & $5 ", emph("J"), " С.", NBSP, "5 ", nocase("USA"), " ", link("https://x.org/a%20b#c")))
'50\\% \\& \\$5 \\emph{J} С.~5 {USA} \\url{https://x.org/a\\%20b\\#c}'
>>> latex_url("https://doi.org/10.1234/^^5cinput")
'https://doi.org/10.1234/\\%5E\\%5E5cinput'
"""

from __future__ import annotations

from citekit.render.tree import Inline
from citekit.render.writer import TEXT, OutputFormat, plain_block, write

__all__ = ["LATEX", "escape_latex", "latex_url", "to_latex"]

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

_URL_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?=&,;@+!*'()[]"
)


def escape_latex(text: str) -> str:
    r"""``text`` with LaTeX's special characters escaped: ``50% & $5`` → ``50\% \& \$5``."""
    return text.translate(_ESCAPES)


def _url_character(ch: str) -> str:
    if ch in _URL_SAFE:
        return ch
    if ch == "%":
        return r"\%"
    if ch == "#":
        return r"\#"
    return "".join(f"\\%{byte:02X}" for byte in ch.encode("utf-8"))


def latex_url(url: str) -> str:
    """``url`` as the argument of ``\\url`` or ``\\href``: only characters that mean nothing
    to TeX there are left as they are (see the module's rule)."""
    if all(ch in _URL_SAFE for ch in url):
        return url
    return "".join(_url_character(ch) for ch in url)


def _link(url: str, inner: str, bare: bool) -> str:
    url = latex_url(url)
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
    verbatim=TEXT,  # a BibTeX entry stays BibTeX: its writer has escaped it for LaTeX already
    upright=("\\textup{", "}"),
    block=plain_block,
)


def to_latex(node: Inline) -> str:
    """LaTeX for ``node``; special characters are escaped."""
    return write(node, LATEX)
