"""Collapsing and grouping of the cites in a citation: citation-number ranges
(``[1–3]``), years under one author (``Doe 2000, 2001``) and year-suffixes (``2000a, b``).

>>> number_ranges([1, 2, 3, 5])
[(1, 3), (5, 5)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.output import Part, concat

if TYPE_CHECKING:
    from citekit.csl.evaluate import CiteState, Evaluator
    from citekit.csl.processor import Processor

__all__ = ["collapse_citation", "number_ranges"]


def number_ranges(numbers: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def collapse_citation(
    proc: Processor,
    rendered: list[tuple[dict[str, Any], CiteState, Part | None, Evaluator]],
    delimiter: str,
) -> list[Part]:
    """The cites of a citation with their delimiters, collapsed as the style asks."""
    out: list[Part] = []
    for cite, _st, part, _ev in rendered:
        piece = proc.cite_affixes(cite, part)
        if piece is None:
            continue
        if out and delimiter:
            out.append(delimiter)
        out.append(piece)
    return out
