"""Style ``bibtex``: each reference as a one-line BibTeX/BibLaTeX entry with a readable key.

Keys are the first author's family name in Latin letters and the year
(``kistanov2025``); in a list, works that would share a key get ``a``, ``b``
(``kistanov2025a``, ``kistanov2025b``). Without author the title's first word stands in.
``citekit convert --to bibtex`` writes a file with one field per line instead. The entry is
:class:`~citekit.render.tree.Verbatim` text: ``to="latex"`` gives BibTeX as it is (its writer
has escaped it for LaTeX), HTML and Markdown escape it for display.

>>> import citekit
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> citekit.format(refs[0], "bibtex")[:61]
'@article{kistanov2025, author = {Кистанов, Валерий Олегович},'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from anyascii import anyascii

from citekit.io.bibtex import entry_text
from citekit.model.kinds import REFERENCE_TYPES
from citekit.model.reference import Reference
from citekit.names import latin_form
from citekit.render.tree import Inline, Verbatim
from citekit.styles.base import BaseStyle, Entry, Options
from citekit.styles.suffixes import letters

__all__ = ["BIBTEX", "BibtexStyle", "citation_key"]


def citation_key(ref: Reference, options: Options) -> str:
    """``kistanov2025``: the ASCII letters of the first author's Latin family name (else of
    the title's first word), then the year."""
    if ref.authors:
        base = latin_form(ref.authors[0], options.translit).family
    elif ref.title is not None:
        base = ref.title.original.split()[0]
    else:
        base = ref.id
    word = "".join(ch for ch in anyascii(base).lower() if ch.isascii() and ch.isalnum())
    return (word or "ref") + (str(ref.issued.year) if ref.issued else "")


def _keep_all(_ref: Reference, _field: str, _why: str) -> None:
    """A style prints what BibTeX holds; ``citekit convert`` is where losses are reported."""


class BibtexStyle(BaseStyle):
    """BibTeX entries; the list keeps input order and makes keys unique."""

    numbered = False
    rules = frozenset(REFERENCE_TYPES)  # the writer's table has a row for every kind

    def entry(self, ref: Reference, options: Options) -> Inline:
        """One entry on one line, keyed family + year."""
        return Verbatim(
            (entry_text(ref, _keep_all, key=citation_key(ref, options), one_line=True),)
        )

    def bibliography(self, refs: Sequence[Reference], options: Options) -> list[Entry]:
        """Every entry in input order, with ``a``, ``b``, … where keys would collide."""
        keys = [citation_key(ref, options) for ref in refs]
        shared = {key for key, count in Counter(keys).items() if count > 1}
        used: Counter[str] = Counter()
        entries: list[Entry] = []
        for ref, key in zip(refs, keys, strict=True):
            if key in shared:
                suffix = letters(used[key])
                used[key] += 1
                key += suffix
            entries.append((None, Verbatim((entry_text(ref, _keep_all, key=key, one_line=True),))))
        return entries


BIBTEX = BibtexStyle("bibtex", "a BibTeX/BibLaTeX entry per reference, keyed family+year")
