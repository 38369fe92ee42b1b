"""The list ``citekit.load`` returns: a plain ``list`` of references that shows itself briefly.

A notebook that ends a cell with ``refs = citekit.load(…); refs`` shows the numbered list in
the default style instead of every field of every reference; ``repr()`` names the ids.

>>> import citekit
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> refs
<12 references: kistanov2025, kaspe2025, kistanov2024, …, smith2024>
>>> refs._repr_html_()[:37]
'<ol class="citekit-bibliography"><li>'
"""

from __future__ import annotations

from citekit.model.reference import Reference

__all__ = ["ReferenceList"]

_SHOWN = 3
"""Ids a repr names before it elides the middle of a long list."""


class ReferenceList(list[Reference]):
    """A ``list`` of references with short displays; everything else is ``list``'s (a slice
    is a plain list)."""

    def __repr__(self) -> str:
        ids = [ref.id for ref in self]
        if len(ids) > _SHOWN + 1:
            ids = [*ids[:_SHOWN], "…", ids[-1]]
        count = f"{len(self)} reference" + ("" if len(self) == 1 else "s")
        return f"<{count}: {', '.join(ids)}>" if ids else f"<{count}>"

    def _repr_html_(self) -> str:
        """The list in the notebook's default style (``citekit.notebook``)."""
        from citekit.notebook import DEFAULT_STYLE, Bibliography

        return Bibliography(self, DEFAULT_STYLE)._repr_html_()
