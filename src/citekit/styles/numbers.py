"""What an APA-like list prints in parentheses after the title of a patent or a standard.

>>> from citekit.model import Patent, Standard
>>> patent_or_standard(Patent(id="p", number="2637215", jurisdiction="RU"))
'RU Patent No. 2637215'
>>> patent_or_standard(Standard(id="s", number="ISO 690:2021"))
'ISO 690:2021'
"""

from __future__ import annotations

from citekit.model.reference import Patent, Standard

__all__ = ["patent_or_standard"]


def patent_or_standard(ref: Patent | Standard) -> str:
    """``RU Patent No. 2637215`` (APA's ``U.S. Patent No. 9,430,767``); a standard's
    designation as it is (``ISO 690:2021``). A list in Latin script transliterates it."""
    number = ref.number or ""
    if isinstance(ref, Patent):
        where = f"{ref.jurisdiction} " if ref.jurisdiction else ""
        return f"{where}Patent No. {number}"
    return number
