"""The documentation says what the code does."""

from __future__ import annotations

from pathlib import Path

from citekit.translit import letter_table

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_transliteration_table_is_current() -> None:
    text = (DOCS / "transliteration.md").read_text(encoding="utf-8")
    start = text.index("<!-- letter-table:start -->\n") + len("<!-- letter-table:start -->\n")
    end = text.index("<!-- letter-table:end -->")
    assert text[start:end].rstrip("\n") == letter_table()
