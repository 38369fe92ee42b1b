"""Checking reference files: every problem in them, and what a style needs but lacks.

>>> import citekit
>>> problems = citekit.check("examples/japanese-studies-2025-3.json", style="gost")
>>> print(problems[0])
warning: examples/japanese-studies-2025-3.json: kaspe2025: a URL without an access date: GOST asks for (дата обращения: …)
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from typing import Any

import attrs

from citekit.errors import CitekitError, DataLossWarning, FieldWarning
from citekit.io import Source, load
from citekit.styles.base import Style
from citekit.styles.registry import get_style

__all__ = ["Problem", "check", "unprinted_fields"]


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
        if isinstance(source, str | os.PathLike):
            name = os.fspath(source)  # as the readers name it (a Path's .name is its last part)
        else:
            name = getattr(source, "name", None) or str(source)
        for ref in refs:
            messages = engine.warnings(ref, chosen)
            messages += unprinted_fields(ref, engine, chosen, messages)
            for message in messages:
                problems.append(Problem("warning", CitekitError(message, file=name, ref_id=ref.id)))
    return problems


_SHOWN_FIELDS = (
    "container_title", "collection_title", "editors", "translators", "publisher", "place",
    "edition", "volume", "number_of_volumes", "issue", "pages", "number", "article_number",
    "collection_number", "number_of_pages", "isbn", "issn", "doi", "url", "note", "genre",
    "section", "event_title", "event_place", "authority", "jurisdiction", "archive",
    "archive_location",
)  # fmt: skip
"""The fields whose value a style that prints them shows as it is (or transliterated): the
ones :func:`unprinted_fields` looks for in the formatted entry."""


def unprinted_fields(ref: Any, style: Style, options: Any, said: Sequence[str] = ()) -> list[str]:
    """A message for each field ``ref`` holds whose value is nowhere in ``style``'s entry
    for it, unless one of the style's own messages (``said``) already names the field: what
    ``check --style`` adds to the style's own warnings, so no field goes unprinted in silence.

    >>> from citekit.model import Book
    >>> from citekit.styles import get_style
    >>> apa = get_style("apa")
    >>> unprinted_fields(Book(id="b", title="T", isbn="978-3-16-148410-0"), apa, apa.options())
    ["isbn (978-3-16-148410-0) not printed: the apa style has no place for it in a 'book'"]
    """
    from citekit.render import renderer
    from citekit.styles.terms import english_place
    from citekit.translit import transliterate

    entry = _plain(renderer("text")(style.entry(ref, options)))
    found = []
    for field in _SHOWN_FIELDS:
        value = getattr(ref, field, None)
        if not value or any(message.startswith(field) for message in said):
            continue
        if isinstance(value, tuple):  # names: printed when a family name is
            forms = [p.family or p.literal or "" for p in value]
            shown = ", ".join(f for f in forms if f)
        else:
            forms = [str(getattr(value, "original", value))]
            forms += list(getattr(value, "translations", {}).values())
            forms += list(getattr(value, "transliterations", {}).values())
            if field == "place":  # an English line names the place in English (Moscow)
                forms.append(english_place(value))
            shown = forms[0]
        if not any(_plain(form) in entry or _plain(transliterate(form)) in entry for form in forms):
            why = f"the {style.id} style has no place for it in a {ref.kind!r}"
            if field == "url" and ref.doi and _plain(ref.doi) in entry:
                why = f"the {style.id} style gives the DOI instead"
            found.append(f"{field} ({shown[:40]}) not printed: {why}")
    return found


def _plain(text: str) -> str:
    """Text compared without case, spaces or the kind of dash."""
    text = text.casefold().replace("\u2013", "-").replace("\u2014", "-").replace("--", "-")
    return "".join(text.split())
