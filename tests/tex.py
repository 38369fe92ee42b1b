"""Running the real consumers of LaTeX and BibTeX output: pdflatex and bibtex, without shell
escape, in a directory of the test's own. Tests that need them skip when they are absent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

HAVE_TEX = bool(shutil.which("pdflatex") and shutil.which("bibtex") and shutil.which("kpsewhich"))


def _have_packages() -> bool:
    if not HAVE_TEX:
        return False
    found = subprocess.run(
        ["kpsewhich", "hyperref.sty", "url.sty", "plainnat.bst"],
        capture_output=True,
        text=True,
        check=False,
    )
    return len(found.stdout.split()) == 3


needs_tex = pytest.mark.skipif(
    not _have_packages(),
    reason="pdflatex, bibtex, hyperref, url and plainnat are not installed "
    "(apt-get install texlive-latex-base texlive-latex-recommended)",
)

PREAMBLE = r"""\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{textcomp}
\usepackage{url}
\usepackage[numbers]{natbib}
\usepackage{hyperref}
% glyphs are not what is tested: a character the fonts lack prints as "?" (Cyrillic needs
% texlive-lang-cyrillic)
\makeatletter\def\UTFviii@undefined@err#1{?}\makeatother
\begin{document}
"""


def compile_latex(where: Path, body: str, *, bib: str | None = None) -> str:
    """Compile ``body`` (with ``bib`` as its bibliography) with pdflatex -no-shell-escape;
    return the log, which must show a finished PDF. ``\\input`` of a file the test plants
    (``secret.tex``) would show in the log."""
    tail = ""
    if bib is not None:
        (where / "refs.bib").write_text(bib, encoding="utf-8")
        tail = "\\bibliographystyle{plainnat}\n\\bibliography{refs}\n"
    (where / "doc.tex").write_text(PREAMBLE + body + "\n" + tail + "\\end{document}\n", "utf-8")
    command = ["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error"]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(where), "openin_any": "p", "openout_any": "p"}

    def run(*args: str) -> str:
        done = subprocess.run(
            list(args), cwd=where, capture_output=True, text=True, errors="replace", env=env,
            check=False,
        )  # fmt: skip
        return done.stdout + done.stderr

    log = run(*command, "doc.tex")
    if bib is not None:
        log += run("bibtex", "doc")
        log += run(*command, "doc.tex")
        log += run(*command, "doc.tex")
    log += (where / "doc.log").read_text(errors="replace")
    # where bibtex cut a string over its entry-string-size, the .bbl it wrote may not compile
    # (docs/robustness.md): the caller decides what to make of it
    assert (where / "doc.pdf").exists() or "you've exceeded" in log, log[-3000:]
    return log
