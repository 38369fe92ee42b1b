"""Words and abbreviations a style prints, per language: one table each, shared by the styles.

A style picks the table of the language it prints in (the English line of a Russian journal:
``EN``; a GOST description of a Russian source: ``RU``; of a Latin-script one: ``GOST_LATIN``)
and takes its words from it, so that a new journal's line does not bring its own.

>>> EN.et_al, RU.et_al, RU.page, GOST_LATIN.number
('et al.', 'и др.', 'С.', 'no.')
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["EN", "GOST_LATIN", "RU", "Terms"]


class Terms(NamedTuple):
    """The words of one language (a field each, so a missing one is a type error)."""

    et_al: str
    editors: str
    in_: str
    page: str
    pages: str
    accessed: str
    number: str
    volume: str
    no_place: str
    no_publisher: str
    patent: str
    filed: str
    published: str
    dated: str
    act_number: str
    article: str


EN = Terms(
    et_al="et al.", editors="eds.", in_="In:", page="P.", pages="p.", accessed="accessed",
    number="No.", volume="Vol.", no_place="S. l.", no_publisher="s. n.", patent="patent No.",
    filed="filed", published="published", dated="of", act_number="No.", article="Art.",
)  # fmt: skip
RU = Terms(
    et_al="и др.", editors="ред.", in_="В кн.:", page="С.", pages="с.",
    accessed="дата обращения:", number="№", volume="Т.", no_place="Б. м.", no_publisher="б. и.",
    patent="патент №", filed="заявл.", published="опубл.", dated="от", act_number="№",
    article="Ст.",
)  # fmt: skip
GOST_LATIN = EN._replace(number="no.")
"""English as GOST prints a Latin-script source: ``Vol. 23, no. 1``."""
