"""Numbers as styles print them: a periodical's ``2025;23(1):10-34`` (Vancouver, the
journal's "For citation" line), and what an APA-like list prints in parentheses after the
title of a patent or a standard.

>>> from citekit.model import JournalArticle, PartialDate, Patent, Standard
>>> periodical_numbers(JournalArticle(id="a", issued=PartialDate(2025), volume="23", issue="1", pages="10-34"))
'2025;23(1):10-34'
>>> patent_or_standard(Patent(id="p", number="2637215", jurisdiction="RU"))
'RU Patent No. 2637215'
>>> patent_or_standard(Standard(id="s", number="ISO 690:2021"))
'ISO 690:2021'
"""

from __future__ import annotations

from citekit.model.reference import JournalArticle, Patent, PeriodicalPart, Standard
from citekit.styles.dates import year_text

__all__ = ["patent_or_standard", "periodical_numbers"]


def periodical_numbers(ref: PeriodicalPart) -> str | None:
    """``2025;23(1):10-34``: year; volume(issue): pages or article number."""
    text = year_text(ref.issued, dash="-") or ""
    volume_issue = (ref.volume or "") + (f"({ref.issue})" if ref.issue else "")
    if volume_issue:
        text += f";{volume_issue}" if text else volume_issue
    locator = ref.pages or (ref.article_number if isinstance(ref, JournalArticle) else None)
    if locator:
        text += f":{locator}" if text else locator
    return text or None


def patent_or_standard(ref: Patent | Standard) -> str:
    """``RU Patent No. 2637215`` (APA's ``U.S. Patent No. 9,430,767``); a standard's
    designation as it is (``ISO 690:2021``). A list in Latin script transliterates it."""
    number = ref.number or ""
    if isinstance(ref, Patent):
        where = f"{ref.jurisdiction} " if ref.jurisdiction else ""
        return f"{where}Patent No. {number}"
    return number
