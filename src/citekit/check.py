"""Checking reference files: every problem in them, and what a style needs but lacks.

>>> import citekit
>>> problems = citekit.check("examples/japanese-studies-2025-3.json", style="gost")
>>> print(problems[0])
warning: examples/japanese-studies-2025-3.json: kaspe2025: a URL without an access date: GOST asks for (дата обращения: …)
"""

from __future__ import annotations

import warnings
from typing import Any

import attrs

from citekit.errors import CitekitError, DataLossWarning, FieldWarning
from citekit.io import Source, load
from citekit.styles.base import Style
from citekit.styles.registry import get_style

__all__ = ["Problem", "check"]


@attrs.frozen(slots=True)
class Problem:
    """An error (the reference could not be read) or a warning (a style will print less)."""

    severity: str
    """``"error"`` or ``"warning"``."""
    error: CitekitError
    text: str | None = None
    """How a field-level warning reads (``ISBN: not read: …``), when it differs from ``error``."""

    def __str__(self) -> str:
        shown = self.text or str(self.error)
        return shown if self.severity == "error" else f"warning: {shown}"


def check(
    source: Source,
    format: str | None = None,
    *,
    style: str | Style | None = None,
    strict: bool = False,
    **options: Any,
) -> list[Problem]:
    """Every problem in ``source``, in file order; with ``style``, also a warning for each
    element the style prints that a reference lacks.

    A field the reader could not read (left out, the rest of the reference kept) and a field
    whose name the format does not know (kept as-is) are warnings; with ``strict=True`` they
    are errors. A syntax error that stops reading is the last problem listed.

    >>> import io
    >>> item = io.StringIO('[{"id": "a", "type": "book", "title": "T", "autor": []}]')
    >>> for problem in check(item, "csl-json"):
    ...     print(problem)
    warning: <stream>:1: a: autor: unknown field, kept as-is; did you mean 'author'?
    """
    problems: list[Problem] = []
    caught: list[warnings.WarningMessage] = []  # the record catch_warnings keeps, below

    def flush() -> None:  # the warnings met so far, before the error that follows them
        for warning in caught:
            message = warning.message
            if isinstance(message, FieldWarning):
                if strict:
                    problems.append(Problem("error", message.error))
                else:
                    problems.append(Problem("warning", message.error, str(message)))
            else:
                problems.append(Problem("warning", CitekitError(str(message))))
        caught.clear()

    def collect(error: CitekitError) -> None:
        flush()
        problems.append(Problem("error", error))

    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always", DataLossWarning)
        caught = log
        try:
            try:
                refs = load(source, format, on_error=collect)
            finally:
                flush()
        except CitekitError as exc:
            problems.append(Problem("error", exc))
            return problems
    if style is not None:
        engine = get_style(style) if isinstance(style, str) else style
        chosen = engine.options(**options)
        name = getattr(source, "name", None) or str(source)
        for ref in refs:
            for message in engine.warnings(ref, chosen):
                problems.append(Problem("warning", CitekitError(message, file=name, ref_id=ref.id)))
    return problems
