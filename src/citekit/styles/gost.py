"""GOST styles: GOST R 7.0.100-2018 (``gost-2018``, also ``gost``) and GOST R 7.0.5-2008
(``gost-2008``).

Every rule, with the clause it comes from, is in docs/styles/gost.md. In short:

* 2018: areas separated by ``. – ``; a heading ``Фамилия, И. О.`` (the first author) when there
  are one to three authors, all of them in the statement of responsibility after ``/``; four
  or more: no heading, three names and ``[и др.]``; the content type ``Текст : электронный``
  (online) or ``Текст : непосредственный`` (print) before ``//`` in a part of a publication and
  last in a whole one.
* 2008: areas separated by ``. `` (or ``. – `` with ``dashes=True``); a heading with one to
  three authors ``Фамилия И. О., Фамилия И. О.``; four or more: title first and
  ``/ И. О. Фамилия [и др.]``.
* Latin-script sources keep their language: ``Vol. 23, no. 1. – P. 10–34``, ``[et al.]``.
* Non-breaking spaces in initials, after ``С.``, ``№``, ``Т.``: ``&nbsp;`` in HTML.

The description is a template over the shared parts (:mod:`citekit.styles.template`,
:mod:`citekit.styles.parts`), in the words of the work's script (``GOST_RU``,
``GOST_LATIN`` in :mod:`citekit.styles.terms`): which areas, in which order, with which
punctuation, per kind of reference where GOST has rules of its own.

>>> import citekit
>>> ref = citekit.load("examples/japanese-studies-2025-3.json")[0]
>>> print(citekit.format(ref, "gost"))
Кистанов, В. О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? / В. О. Кистанов. – Текст : электронный // Японские исследования. – 2025. – № 3. – С. 5–25. – DOI 10.55105/2500-2872-2025-3-5-25.
>>> print(citekit.format(ref, "gost-2008"))
Кистанов В. О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? // Японские исследования. 2025. № 3. С. 5–25. DOI: 10.55105/2500-2872-2025-3-5-25.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mypy_extensions import mypyc_attr

from citekit.model.reference import (
    IN_A_BOOK,
    JournalArticle,
    Legislation,
    Manuscript,
    NewspaperArticle,
    Patent,
    PeriodicalPart,
    Publication,
    Reference,
    Report,
    Standard,
    Thesis,
    WebArticle,
)
from citekit.render.tree import NBSP, Inline
from citekit.styles.base import ORIGINAL_KINDS
from citekit.styles.options import GostOptions
from citekit.styles.ordering import russian_list_key
from citekit.styles.parts import (
    archive,
    content_type,
    day_and_month,
    doi_labelled,
    edition,
    field,
    heading,
    imprint,
    labelled,
    names_direct,
    numeric_date_of,
    role_word,
    series,
    title,
    url_accessed,
    year,
)
from citekit.styles.template import (
    Node,
    TemplateStyle,
    choose,
    first,
    group,
    if_present,
    join,
    optional,
    prefix,
    term,
    when,
)
from citekit.styles.terms import CONTENT_TYPES, GOST_LATIN, GOST_RU, by_title_script, gost_medium
from citekit.styles.unprinted import unprinted

__all__ = ["GOST_2008", "GOST_2018", "GostOptions", "GostStyle", "template"]

EN_DASH = "–"
AREA = f".{NBSP}{EN_DASH} "  # ". – " between areas; GOST R 7.0.5-2008 may have ". "
_PARTS = (PeriodicalPart, WebArticle, *IN_A_BOOK)  # described with their host after "//"
_NO_HEADING = (Standard, Patent, Legislation)  # described under their title (or designation)


def template(version: int, area: str) -> Node:
    """The description of GOST R 7.0.100-2018 (``version=2018``) or GOST R 7.0.5-2008, with
    ``area`` between its areas: heading, title and statement of responsibility, then a part's
    own areas and its host after ``//``, or a whole publication's areas; the identifiers; the
    content type (2018)."""
    since_2018 = version == 2018
    year_ = year(EN_DASH)
    pages = labelled("page", "pages", dash=EN_DASH)
    numbers = join(", ", labelled("volume", "volume"), labelled("number", "issue"), glued=True)
    extent = group(field("number_of_pages"), " ", term("pages"))
    content = content_type() if since_2018 else None

    # -- heading, title and statement of responsibility: one string (5.2) -------------------
    names_heading = choose(
        (_NO_HEADING, None), otherwise=heading(comma=since_2018, first_only=since_2018)
    )

    def responsibility(authors: bool) -> Node:
        """``В. О. Кистанов ; переводчик … ; редактор …`` (the authors unless ``authors`` is
        false), then a thesis's institution."""
        return join(
            " ; ",
            names_direct(abridge=(3, 3 if since_2018 else 1)) if authors else None,
            group(
                role_word("translators", "translator", "translators"),
                " ",
                names_direct("translators"),
            ),
            choose(  # a part's editors are its book's, after "//"
                (IN_A_BOOK, None),
                otherwise=group(
                    role_word("editors", "editor", "editors_role"), " ", names_direct("editors")
                ),
            ),
            when(Thesis, field("publisher")),  # the institution: "/ И. Ю. Иванов ; МГИМО"
            glued=True,
        )

    other_title = choose(
        (
            Patent,
            join(
                " ", group(term("patent"), NBSP, field("number")), field("jurisdiction"), glued=True
            ),
        ),
        (
            Legislation,  # "Федеральный закон от 29.12.2012 № 273-ФЗ"
            join(
                " ",
                field("genre"),
                group(term("dated"), " ", numeric_date_of(with_day=True)),
                group(term("act_number"), NBSP, field("number")),
                glued=True,
            ),
        ),
        (Publication, field("genre")),  # "учебник для вузов", "дис. … канд. наук"
    )

    def title_area(volume: Node | None) -> Node:
        """``Иванов, И. И. Title : other title information. Т. 3 / И. И. Иванов ; …``"""
        titled = join(". ", join(" : ", title(), other_title, glued=True), volume, glued=True)

        def body(authors: bool) -> Node:
            return group(optional(titled), optional(group(" / ", responsibility(authors))))

        designation = when(Standard, field("number", end="."))  # "ГОСТ Р 7.32–2017."
        if since_2018:  # the heading's author is named again after "/"
            return group(optional(group(first(designation, names_heading), " ")), body(True))
        return first(  # 2008: the authors in the heading are not named again
            group(names_heading, " ", body(False)),
            group(optional(group(designation, " ")), body(True)),
        )

    titled = title_area(choose((IN_A_BOOK, None), (Publication, labelled("volume", "volume"))))
    links = (
        url_accessed(),  # notes area
        doi_labelled("DOI " if since_2018 else "DOI: "),  # identifier area
        group("ISBN ", field("isbn")),
    )

    # -- a part of a publication: its own areas, "//" and the host's, then the links (7.3) ----
    def hosted(own: tuple[Node | None, ...], host: Node) -> Node:
        return join(area, *own, prefix(" // ", host), *links)

    host = choose(
        (
            PeriodicalPart,  # "// Журнал. – 2025. – Т. 23, № 1. – С. 10–34"
            join(
                area,
                title("container_title"),
                year_,
                choose(
                    (NewspaperArticle, day_and_month()),
                    otherwise=if_present(
                        first(field("volume"), field("issue")), None, day_and_month()
                    ),
                ),
                numbers,
                first(pages, when(JournalArticle, labelled("article", "article_number"))),
            ),
        ),
        (
            WebArticle,
            join(
                area,
                group(title("container_title"), " : [", term("site"), "]"),
                year_,
                day_and_month(),
            ),
        ),
        (
            IN_A_BOOK,  # the book with its own areas
            join(
                area,
                first(
                    group(
                        optional(title("container_title")),
                        " / ",
                        term("edited_by"),
                        " ",
                        names_direct("editors"),
                    ),
                    title("container_title"),
                ),
                edition(by_table=True),  # 5.3
                imprint(" : ", ", ", dash=EN_DASH, unknown_place=True),
                series(" ; "),
                labelled("volume", "volume"),
                pages,
            ),
        ),
        (
            Legislation,
            join(
                area,
                title("container_title"),
                year_,
                numbers,
                first(labelled("article", "section"), pages),
            ),
        ),
        (Manuscript, archive()),  # "// ГАРФ. Ф. Р-5446. Оп. 1. Д. 123. Л. 5": one area
    )

    # -- a whole publication: edition, imprint, extent, series, number; a patent's dates ------
    whole = join(
        area,
        titled,
        choose(
            (
                Patent,
                join(
                    area,
                    join(
                        " ; ",
                        group(term("filed"), " ", numeric_date_of("submitted")),
                        group(term("published"), " ", numeric_date_of("issued")),
                        glued=True,
                    ),
                    extent,
                ),
            ),
            (
                Publication,
                join(
                    area,
                    edition(by_table=True),
                    choose(
                        (Thesis, join(", ", field("place"), year_, glued=True)),  # publisher: above
                        otherwise=imprint(" : ", ", ", dash=EN_DASH, unknown_place=True),
                    ),
                    extent,
                    series(" ; "),
                    when(Report, labelled("number", "number")),
                ),
            ),
            otherwise=year_,  # the general rule for a kind that is neither
        ),
        *links,
        content,
    )
    archival_date = first(numeric_date_of(with_day=True), year_)
    return join(
        area,
        choose(
            (_PARTS, hosted((titled, content), host)),
            (
                Legislation,  # in a gazette: after "//"; else as a publication
                if_present(
                    title("container_title"), hosted((title_area(None), content), host), whole
                ),
            ),
            (
                Manuscript,  # in an archive: its date one of its own areas
                if_present(field("archive"), hosted((titled, archival_date, content), host), whole),
            ),
            otherwise=whole,
        ),
    )


@mypyc_attr(allow_interpreted_subclasses=True)  # compiled, it may still be subclassed
class GostStyle(TemplateStyle):
    """A GOST reference list entry: GOST R 7.0.100-2018 or GOST R 7.0.5-2008."""

    options_class = GostOptions
    rules = ORIGINAL_KINDS | {"standard", "patent", "legislation", "manuscript", *CONTENT_TYPES}

    def __init__(self, id: str, description: str, *, edition: int) -> None:
        words = by_title_script(GOST_RU, GOST_LATIN)  # described in the work's own language
        area = AREA if edition == 2018 else ". "
        super().__init__(
            id, description, template(edition, area), terms=GOST_RU, english=False, words=words
        )
        self.edition = edition
        self.dashed: TemplateStyle | None = None
        """2008 with ``dashes=True``: the same description with ``. – `` between the areas."""
        if edition != 2018:
            self.dashed = TemplateStyle(
                id,
                description,
                template(edition, AREA),
                terms=GOST_RU,
                english=False,
                words=words,
            )

    def entry(self, ref: Reference, options: Any) -> Inline:
        """The GOST description of ``ref``."""
        dashed = self.dashed
        if dashed is not None and options.dashes:
            return dashed.entry(ref, options)
        return TemplateStyle.entry(self, ref, options)

    def warnings(self, ref: Reference, options: Any) -> list[str]:
        """An access date needs a URL, and a URL wants its access date; a kind without a rule
        of its own."""
        found = super().warnings(ref, options)
        if ref.accessed is not None and ref.url is None:
            found.append("no URL, so no access date is printed")
        if ref.url is not None and ref.accessed is None:
            found.append("a URL without an access date: GOST asks for (дата обращения: …)")
        if ref.issued is None:
            found.append("no year of publication")
        found += unprinted(
            ref,
            original_date="GOST R 7.0.100-2018 describes the edition in hand; the original's "
            "year belongs in a note, which citekit does not write",
            genre="GOST describes a patent as 'патент № …' and its country"
            if isinstance(ref, Patent)
            else None,
            medium=None
            if self.edition == 2018 and gost_medium(getattr(ref, "medium", None))
            else "GOST's content type and means of access are printed in its own words "
            "(Текст : электронный) only",
        )
        return found

    def sort(self, refs: Sequence[Reference], options: Any) -> list[Reference]:
        """Cyrillic descriptions first, then Latin, each alphabetical (ё with е)."""
        return sorted(refs, key=russian_list_key)


GOST_2018 = GostStyle(
    "gost-2018", "GOST R 7.0.100-2018 bibliographic description (Russian lists)", edition=2018
)
GOST_2008 = GostStyle(
    "gost-2008", "GOST R 7.0.5-2008 bibliographic references (Russian lists)", edition=2008
)
