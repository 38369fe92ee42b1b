"""What the Crossref and DataCite readers share: a JSON document read with its errors located,
the line each record starts on, and keys for records that carry none.

>>> lines = Lines('[{"DOI": "10.1/a"},' + chr(10) + '{"DOI": "10.1/b"}]')
>>> lines.of('"10.1/a"'), lines.of('"10.1/b"')
(1, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from citekit.errors import CitekitError, ParseError
from citekit.io.problems import ErrorHandler, deliver
from citekit.io.salvage import Warn, salvage, warn_loss
from citekit.model.reference import Reference

__all__ = ["Lines", "json_document", "keyed", "read_records", "unique_ids"]


def read_records(
    text: str,
    records: Sequence[Any],
    to_item: Callable[[dict[str, Any], str, Warn], dict[str, Any]],
    *,
    doi_key: str,
    noun: str,
    source: str,
    file: str | None,
    on_error: ErrorHandler | None,
    fallback_type: str | None = None,
) -> list[Reference]:
    """Each JSON record (a Crossref work, a DataCite record) as a reference, through the
    CSL-JSON item ``to_item`` makes of it: located by the line of its DOI, keyed as citekit
    keys a record without a key, a bad field costing only that field, a bad record reported
    to ``on_error`` (or raised) and the others kept."""
    references = []
    lines = Lines(text)
    for number, record in enumerate(records, 1):
        doi = record.get(doi_key) if isinstance(record, dict) else None
        line = lines.of(f'"{doi}"' if isinstance(doi, str) else None)
        name = file or f"<{source}>"
        where = f"{name}:{line}" if line else name
        try:
            if not isinstance(record, dict):
                raise ParseError(f"{noun} {number} is not a JSON object", line=line)
            item = to_item(record, f"{noun}-{number}", warn_loss(where))
            references.append(keyed(salvage(item, where=where, fallback_type=fallback_type)))
        except CitekitError as exc:
            deliver(exc.located(file=file, line=line), on_error)
    return unique_ids(references)


def keyed(ref: Reference) -> Reference:
    """``ref`` under a key made as citekit's BibTeX style makes them (``kistanov2025``): for a
    record that has no key of its own (an article's metadata, a Crossref or DataCite record)."""
    import attrs

    from citekit.io.bibtex_style import citation_key
    from citekit.styles.registry import get_style

    return attrs.evolve(ref, id=citation_key(ref, get_style("bibtex").options()))


def json_document(text: str, file: str | None) -> Any:
    """``text`` parsed as JSON, or :class:`~citekit.errors.ParseError` naming the line."""
    import json

    if not text.strip():
        raise ParseError("the file is empty; expected a JSON document", file=file, line=1)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", file=file, line=exc.lineno) from None
    except RecursionError:
        raise ParseError("the JSON is nested too deeply to be a record", file=file) from None


class Lines:
    """Finds where records start in a JSON text, in order: each search goes on from the last
    match and counts only the newlines in between, so a long list stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 1

    def of(self, needle: str | None) -> int | None:
        """The line of ``needle``'s next appearance, if it appears."""
        if not needle:
            return None
        at = self.text.find(needle, self.offset)
        if at < 0:
            return None
        self.line += self.text.count("\n", self.offset, at)
        self.offset = at
        return self.line


def unique_ids(refs: list[Reference]) -> list[Reference]:
    """``refs`` with ids made unique: a second ``smith2020`` becomes ``smith2020-2``."""
    import attrs

    seen: dict[str, int] = {}
    result = []
    for ref in refs:
        count = seen[ref.id] = seen.get(ref.id, 0) + 1
        result.append(ref if count == 1 else attrs.evolve(ref, id=f"{ref.id}-{count}"))
    return result
