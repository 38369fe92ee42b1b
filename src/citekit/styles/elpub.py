"""The "For citation" line of journals on the Elpub platform (``elpub``, ``elpub-ru``).

Rules (docs/styles/elpub.md, from ../shared/spec/formats.md §1): ``Family I.O.``
names joined by commas; the title (English line: its English translation;
Russian line: the original) and the journal (English line: its official
English title) each followed by a period unless the title ends in ``?``/``!``;
``YYYY;V(I):P-P.``; ``(In Russ.)`` on the English line of a Russian work;
the DOI link last, with no period after it. The line is a template over the shared parts
(:mod:`citekit.styles.template`, :mod:`citekit.styles.parts`): the same declaration prints the
English line with the ``EN`` words and the Russian one with the ``RU`` words.

>>> from citekit.model import JournalArticle, Person, Title
>>> ref = JournalArticle(
...     id="v2011", language="ru",
...     title=Title("Терапия глибенкламидом: за или против?",
...                 translations={"en": "Glibenclamide therapy: pros and cons"}),
...     authors=[Person("Викулова", "О. К."), Person("Шестакова", "М. В.")],
...     container_title=Title("Сахарный диабет", translations={"en": "Diabetes mellitus"}),
...     volume="14", issue="3", pages="92-96", issued=2011, doi="10.14341/2072-0351-6231")
>>> from citekit.render import render
>>> render(ENGLISH.entry(ref, ENGLISH.options()))
'Vikulova O.K., Shestakova M.V. Glibenclamide therapy: pros and cons. Diabetes mellitus. 2011;14(3):92-96. (In Russ.) https://doi.org/10.14341/2072-0351-6231'
>>> render(RUSSIAN.entry(ref, RUSSIAN.options()))
'Викулова О.К., Шестакова М.В. Терапия глибенкламидом: за или против? Сахарный диабет. 2011;14(3):92-96. https://doi.org/10.14341/2072-0351-6231'
"""

from __future__ import annotations

from typing import Any

from mypy_extensions import mypyc_attr

from citekit.model.reference import (
    IN_A_BOOK,
    JournalArticle,
    PeriodicalPart,
    Publication,
    Reference,
    Thesis,
    WebArticle,
)
from citekit.styles.base import ORIGINAL_KINDS
from citekit.styles.forms import missing_translation
from citekit.styles.parts import (
    doi_or_url,
    edition,
    extent,
    field,
    imprint,
    language_note_part,
    names,
    numbered,
    serial_numbers,
    series,
    title,
    year,
)
from citekit.styles.template import TemplateStyle, choose, group, join, optional, term, when
from citekit.styles.terms import EN, RU
from citekit.styles.unprinted import unprinted

__all__ = ["ENGLISH", "LINE", "RUSSIAN", "ElpubStyle"]

# "In: Editor A.B., eds. Book" / "В кн.: Редактор А.Б., ред. Книга"
IN_BOOK = group(
    term("in_"),
    " ",
    optional(group(names("editors"), ", ", term("editors"), " ")),
    title("container_title"),
)
# a journal, newspaper or site, not a publisher: "Journal. 2025;23(1):10-34" / "Site. 2025"
SERIAL = join(
    ". ", title("container_title"), choose((WebArticle, year()), otherwise=serial_numbers())
)
# Vancouver: host, [genre], edition, number, imprint, extent, (series; number)
PUBLICATION = join(
    ". ",
    choose((IN_A_BOOK, IN_BOOK), otherwise=title("container_title")),  # a law: its gazette
    when(Thesis, group("[", field("genre"), "]")),
    edition(),
    numbered(),
    imprint(),
    extent(),
    series(),
)
LINE = join(
    ". ",
    names(),
    title(),
    choose(((PeriodicalPart, WebArticle), SERIAL), (Publication, PUBLICATION), otherwise=year()),
)
"""The line up to its closing period; then "(In Russ.)" on the English line, and the link."""
AFTER = join(" ", language_note_part(), doi_or_url())


@mypyc_attr(allow_interpreted_subclasses=True)  # compiled, it may still be subclassed
class ElpubStyle(TemplateStyle):
    """One Elpub "For citation" line per reference, in English or in Russian."""

    rules = ORIGINAL_KINDS

    def __init__(self, id: str, description: str, *, english: bool) -> None:
        super().__init__(
            id, description, LINE, terms=EN if english else RU, english=english, after=AFTER
        )

    def warnings(self, ref: Reference, options: Any) -> list[str]:
        """Missing journal, DOI, or (English line) English title; a kind without a rule of
        its own."""
        found = super().warnings(ref, options)
        if isinstance(ref, JournalArticle) and ref.container_title is None:
            found.append("no journal title")
        if ref.doi is None:
            found.append("no DOI: the line ends with the URL, or with nothing")
        if self.english and (warning := missing_translation(ref)):
            found.append(warning)
        found += unprinted(
            ref,
            translators="the Elpub line names the authors only",
            editors="the Elpub line names the authors of an authored book only",
            volume="the Elpub line of a book has no place for a volume",
            original_date="the Elpub line has no place for it",
            genre=None
            if isinstance(ref, Thesis)
            else "the Elpub line describes no kind of work but a thesis's degree",
            medium="the Elpub line names no medium",
        )
        return found


ENGLISH = ElpubStyle(
    "elpub", 'the journal\'s "For citation" line in English (Elpub platform)', english=True
)
RUSSIAN = ElpubStyle(
    "elpub-ru", 'the journal\'s "For citation" line in Russian (Elpub platform)', english=False
)
