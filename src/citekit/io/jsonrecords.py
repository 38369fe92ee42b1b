"""What the Crossref and DataCite readers share: a JSON document read with its errors located,
the line each record starts on, and keys for records that carry none.

>>> lines = Lines('[{"DOI": "10.1/a"},' + chr(10) + '{"DOI": "10.1/b"}]')
>>> lines.of('"10.1/a"'), lines.of('"10.1/b"')
(1, 2)
"""

from __future__ import annotations

from typing import Any

from citekit.errors import ParseError
from citekit.model.reference import Reference

__all__ = ["Lines", "json_document", "keyed", "unique_ids"]


def keyed(ref: Reference) -> Reference:
    """``ref`` under a key made as citekit's BibTeX style makes them (``kistanov2025``): for a
    record that has no key of its own (an article's metadata, a Crossref or DataCite record)."""
    import attrs

    from citekit.styles.bibtex import citation_key
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
