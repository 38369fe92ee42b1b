"""Checking reference files: every problem in them, and what a style needs but lacks.

>>> import citekit
>>> problems = citekit.check("examples/japanese-studies-2025-3.json", style="gost")
>>> print(problems[0])
warning: examples/japanese-studies-2025-3.json: kaspe2025: a URL without an access date: GOST asks for (дата обращения: …)
"""

from __future__ import annotations

from typing import Any

import attrs

from citekit.errors import CitekitError
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

    def __str__(self) -> str:
        return str(self.error) if self.severity == "error" else f"warning: {self.error}"


def check(
    source: Source, format: str | None = None, *, style: str | Style | None = None, **options: Any
) -> list[Problem]:
    """Every problem in ``source``, in file order; with ``style``, also a warning for each
    element the style prints that a reference lacks.

    A syntax error that stops reading is the last problem listed.
    """
    problems: list[Problem] = []

    def collect(error: CitekitError) -> None:
        problems.append(Problem("error", error))

    try:
        refs = load(source, format, on_error=collect)
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
