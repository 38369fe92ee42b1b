"""APA 7: the reference list and in-text citations (style ``apa``).

Each rule, with its section of the APA Publication Manual (7th ed.), is in
docs/styles/apa.md.  Non-English works give the title in its language (Cyrillic
transliterated, BSI unless ``translit`` says otherwise) and its English translation in
brackets; the journal's title is not translated.

>>> import citekit
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> print(citekit.format(refs[0], "apa"))
Kistanov, V. O. (2025). Vneshnyaya politika Yaponii v epokhu Trampa 2.0: budut li peremeny? [Japan's foreign policy in the era of Trump 2.0: Will there be changes?]. Yaponskie issledovaniya, (3), 5–25. https://doi.org/10.55105/2500-2872-2025-3-5-25
>>> citekit.cite(refs[0], "apa"), citekit.cite(refs[11], "apa", narrative=True, locator="p. 7")
('(Kistanov, 2025)', 'Smith and McClean (2024, p. 7)')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from mypy_extensions import mypyc_attr

from citekit.collation import text_key
from citekit.model.person import Person
from citekit.model.reference import (
    IN_A_BOOK,
    Book,
    Chapter,
    ConferencePaper,
    JournalArticle,
    Legislation,
    MagazineArticle,
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
from citekit.names import NameForm, direct, inverted, latin_form
from citekit.render.tree import Inline, Link, Seq, emph, join, join_into, link, seq
from citekit.styles.base import ORIGINAL_KINDS, BaseStyle, Entry, Options
from citekit.styles.dates import english_date, original_year, parenthetical_date
from citekit.styles.editions import english_edition
from citekit.styles.forms import dashed, latin_text, latin_with_translation, missing_translation
from citekit.styles.namelists import ampersand_list
from citekit.styles.numbers import patent_or_standard
from citekit.styles.suffixes import letters
from citekit.translit import transliterate

__all__ = ["APA", "ApaStyle"]

DASH = "–"
_DATED = (MagazineArticle, NewspaperArticle, WebArticle)  # cited with month and day (§9.14)
_ARTICLES = ("a ", "an ", "the ")
_STANDS_ALONE = (Book, Report, Thesis, WebArticle, Standard, Patent)
"""Works that stand alone: their titles are italic (§9.19)."""
_NUMBERED = (Patent, Standard)  # "(U.S. Patent No. 9,430,767)" after the title (APA Style)


@mypyc_attr(allow_interpreted_subclasses=True)  # compiled, it may still be subclassed
class ApaStyle(BaseStyle):
    """APA 7 reference list entries, ordered and suffixed (2025a, 2025b), and citations."""

    numbered = False
    rules = ORIGINAL_KINDS | {"standard", "patent"}

    # -- names ---------------------------------------------------------------------------------

    def _forms(self, people: Sequence[Person], options: Options) -> list[NameForm]:
        return [latin_form(p, options.translit) for p in people]

    def _author_element(self, ref: Reference, options: Options) -> str | None:
        """The authors; an edited book without authors puts its editors there (§9.10)."""
        if ref.authors:
            scheme = options.translit
            names = [inverted(latin_form(p, scheme)) for p in ref.authors]
            return ampersand_list(names, cap=options.max_authors)
        if ref.editors and isinstance(ref, Book):
            names = [inverted(f) for f in self._forms(ref.editors, options)]
            return f"{ampersand_list(names)} ({'Eds.' if len(names) > 1 else 'Ed.'})"
        return None

    # -- titles --------------------------------------------------------------------------------

    def _title_element(self, ref: Reference, options: Options) -> Inline | None:
        """The title as given (Cyrillic transliterated) with its English translation in
        brackets for a non-English work (§9.38); italic, with what the work is, when it stands
        alone."""
        if ref.title is None:
            return None
        text, translation = latin_with_translation(ref.title, ref, options.translit)
        if not isinstance(ref, _STANDS_ALONE):
            about = self._about(ref, options)
            return join([f"{text} [{translation}]" if translation else text, about], " ")
        translation = f"[{translation}]" if translation else None
        description = None
        if isinstance(ref, Book):
            description = self._about(ref, options)
        elif isinstance(ref, Report) and ref.number:
            description = f"({ref.genre or 'Report'} No. {ref.number})"
        elif isinstance(ref, Thesis):
            institution = ref.publisher and transliterate(ref.publisher, options.translit)
            what = ", ".join(p for p in (ref.genre or "Thesis", institution) if p)
            description = f"[{what}]"
        elif isinstance(ref, _NUMBERED) and ref.number:
            description = f"({transliterate(patent_or_standard(ref), options.translit)})"
        return join([emph(text), translation, description], " ")

    def _people(self, people: Sequence[Person], options: Options, role: str) -> str | None:
        """``J. Smith, Ed.``, ``H. Weaver & J. Doe, Trans.`` (§9.39, §10.2)."""
        names = [direct(f) for f in self._forms(people, options)]
        if not names:
            return None
        shown = " & ".join(names) if len(names) == 2 else ampersand_list(names)
        return f"{shown}, {role}"

    def _about(self, ref: Reference, options: Options) -> str | None:
        """What follows the title in parentheses: the editors of an authored book and the
        translators (§9.39, §10.2 ex. 29), then a book's edition and volume (§9.40, §10.2):
        ``(J. Smith, Ed.; H. Weaver, Trans.; 2nd ed., Vol. 7)``."""
        groups: list[str] = []
        if isinstance(ref, Book) and ref.authors and ref.editors:
            editors = self._people(ref.editors, options, "Eds." if len(ref.editors) > 1 else "Ed.")
            groups.append(editors or "")
        if ref.translators:
            groups.append(self._people(ref.translators, options, "Trans.") or "")
        if isinstance(ref, Book):
            details = [english_edition(ref.edition) if ref.edition else None,
                       f"Vol. {ref.volume}" if ref.volume else None]  # fmt: skip
            detail = ", ".join(d for d in details if d)
            if detail:
                groups.append(detail)
        return f"({'; '.join(groups)})" if groups else None

    # -- sources -------------------------------------------------------------------------------

    def _periodical(self, ref: PeriodicalPart, options: Options) -> Inline | None:
        """``*Journal*, *23*(1), 10–34`` (§9.25); issue alone ``(3)``; ``Article e0123``."""
        if ref.container_title is None:
            return None
        container = emph(latin_text(ref.container_title, options.translit))
        issue = f"({ref.issue})" if ref.issue else None
        numbers = seq(emph(ref.volume), issue) if ref.volume else issue
        locator = dashed(ref.pages, DASH) if ref.pages else None
        if locator is None and isinstance(ref, JournalArticle) and ref.article_number:
            locator = f"Article {ref.article_number}"
        if isinstance(ref, NewspaperArticle) and not ref.volume:
            numbers = None  # a newspaper's issue number is not cited (§10.2)
        return join([container, numbers, locator], ", ")

    def _editors(self, people: Sequence[Person], options: Options) -> str | None:
        names = [direct(f) for f in self._forms(people, options)]
        if not names:
            return None
        shown = (
            " & ".join(names) if len(names) == 2 else ampersand_list(names).replace(", & ", ", & ")
        )
        return f"{shown} ({'Eds.' if len(names) > 1 else 'Ed.'})"

    def _host(self, ref: Chapter | ConferencePaper, options: Options) -> Inline | None:
        """``In E. E. Editor (Ed.), *Book* (2nd ed., pp. 5–25)`` (§10.3)."""
        if ref.container_title is None:
            return None
        book, translation = latin_with_translation(ref.container_title, ref, options.translit)
        details = ", ".join(
            p for p in (english_edition(ref.edition) if ref.edition else None,
                        f"Vol. {ref.volume}" if ref.volume else None,
                        f"pp. {dashed(ref.pages, DASH)}" if ref.pages else None) if p
        )  # fmt: skip
        editors = self._editors(ref.editors, options)
        return seq(
            "In ",
            f"{editors}, " if editors else None,
            emph(book),
            f" [{translation}]" if translation else None,
            f" ({details})" if details else None,
        )

    def _publisher(self, ref: Reference, author: str | None, options: Options) -> str | None:
        """The publisher (a web page's site), in Latin script, left out when it is the
        author (§9.29)."""
        publisher = None
        if isinstance(ref, Publication) and not isinstance(ref, Thesis):
            publisher = ref.publisher and transliterate(ref.publisher, options.translit)
        elif isinstance(ref, WebArticle) and ref.container_title:
            publisher = latin_text(ref.container_title, options.translit)
        if publisher and author and publisher.strip(".") == author.strip("."):
            return None
        return publisher

    def _link(self, ref: Reference) -> Inline | None:
        """``https://doi.org/…``, else the URL; a retrieval date only for content designed to
        change (§9.16)."""
        if ref.doi:
            url = f"https://doi.org/{ref.doi}"
            return Link(url, (url,))
        if not ref.url:
            return None
        undated = ref.issued is None  # an undated page is taken as changing, as apa.csl does
        if (ref.changing or undated) and ref.accessed is not None:
            return seq(f"Retrieved {english_date(ref.accessed)}, from ", link(ref.url))
        return link(ref.url)

    # -- the entry -----------------------------------------------------------------------------

    def _date(self, ref: Reference, suffix: str) -> str:
        """``(2025a)``; magazines, newspapers and web pages with month and day
        ``(2022, April 25)``; everything else the year only (§9.14)."""
        if ref.issued is None:
            return f"(n.d.{'-' + suffix if suffix else ''})"
        if not isinstance(ref, _DATED):
            return f"({ref.issued.year}{suffix})"
        text = parenthetical_date(ref.issued, dash=DASH)
        year, _, rest = text.partition(",")
        return f"({year}{suffix}{',' + rest if rest else ''})"

    def _entry(self, ref: Reference, options: Options, suffix: str) -> Inline:
        author = self._author_element(ref, options)
        title = self._title_element(ref, options)
        date = self._date(ref, suffix)
        # no author: the title moves into the author position (§9.12)
        parts = [author, date, title] if author else [title, date]
        if isinstance(ref, PeriodicalPart):
            parts.append(self._periodical(ref, options))
        elif isinstance(ref, IN_A_BOOK):
            parts.append(self._host(ref, options))
        elif isinstance(ref, Legislation) and ref.container_title:  # the general rule's host
            parts.append(emph(latin_text(ref.container_title, options.translit)))
        parts.append(self._publisher(ref, author, options))
        line = join_into([], parts, ". ")
        line.append(".")
        target = self._link(ref)
        if target:
            line += (" ", target)
        original = original_year(ref)
        if original:  # a reprint or a translation (§9.41)
            line.append(f" (Original work published {original})")
        return Seq(tuple(line))

    def entry(self, ref: Reference, options: Options) -> Inline:
        """The reference list entry of ``ref`` alone (no year suffix: that needs the list)."""
        return self._entry(ref, options, "")

    def warnings(self, ref: Reference, options: Options) -> list[str]:
        """No date (printed as n.d.), a non-English title without its translation (§9.38); a
        kind without a rule of its own."""
        found = []
        if ref.issued is None:
            found.append("no publication date: printed as (n.d.)")
        if warning := missing_translation(ref):
            found.append(warning)
        if ref.translators and isinstance(ref, _STANDS_ALONE) and not isinstance(ref, Book):
            found.append(
                "translators not printed: APA 7 §9.39 shows them for books and for parts, "
                f"citekit has no rule for a translated {ref.kind}"
            )
        return found + super().warnings(ref, options)

    # -- the list ------------------------------------------------------------------------------

    def _author_key(self, ref: Reference, options: Options) -> tuple[object, ...]:
        people = ref.authors or (ref.editors if isinstance(ref, Book) else ())
        if not people:
            title = latin_text(ref.title, options.translit) if ref.title else ""
            lowered = title.lower()
            for article in _ARTICLES:
                if lowered.startswith(article):
                    title = title[len(article) :]
                    break
            return ((text_key(title),),)
        return tuple(
            (text_key(f.family), text_key(" ".join(f.initials)))
            for f in self._forms(people, options)
        )

    def _title_key(self, ref: Reference, options: Options) -> tuple[object, ...]:
        title = latin_text(ref.title, options.translit) if ref.title else ""
        return (text_key(title), ref.id)

    def _sorted(
        self, refs: Sequence[Reference], options: Options
    ) -> list[tuple[tuple[object, ...], Reference]]:
        """Each reference with the head of its sort key (authors, year; n.d. first, §9.47),
        in list order: computed once, it serves the order and the year suffixes alike.

        The title, the key's last part, only orders works by the same authors in the same
        year, so it is worked out for those alone: most titles are distinct strings that
        would each need transliterating and a collation key. The order is that of sorting
        by (authors, year, title, id) at once. Sorting 50,000 generated references (CPU):
        1.5 → 0.7 s, of about 8 s for the whole ``citekit bibliography`` process."""
        keyed: list[tuple[tuple[object, ...], Reference]] = [
            ((self._author_key(ref, options), ref.issued.key()[0] if ref.issued else -10000), ref)
            for ref in refs
        ]
        keyed.sort(key=lambda pair: pair[0])
        start = 0
        while start < len(keyed):
            end = start + 1
            while end < len(keyed) and keyed[end][0] == keyed[start][0]:
                end += 1
            if end - start > 1:
                keyed[start:end] = sorted(
                    keyed[start:end], key=lambda pair: self._title_key(pair[1], options)
                )
            start = end
        return keyed

    def sort(self, refs: Sequence[Reference], options: Options) -> list[Reference]:
        """Author, then year (n.d. first), then title (§9.44–9.47)."""
        return [ref for _, ref in self._sorted(refs, options)]

    @staticmethod
    def _suffixes(keyed: list[tuple[tuple[object, ...], Reference]]) -> dict[str, str]:
        groups: dict[tuple[object, ...], list[Reference]] = defaultdict(list)
        for key, ref in keyed:
            year = ref.issued.year if ref.issued else None
            groups[(key[0], year)].append(ref)  # key[0]: the authors' part of the key
        result: dict[str, str] = {}
        for group in groups.values():
            if len(group) > 1:
                for i, ref in enumerate(group):
                    result[ref.id] = letters(i)
        return result

    def suffixes(self, refs: Sequence[Reference], options: Options) -> dict[str, str]:
        """``{id: "a"}`` for works by the same authors in the same year, in title order (§9.47)."""
        return self._suffixes(self._sorted(refs, options))

    def bibliography(self, refs: Sequence[Reference], options: Options) -> list[Entry]:
        """The sorted list with year suffixes; unnumbered."""
        keyed = self._sorted(refs, options)
        suffixes = self._suffixes(keyed)
        return [(None, self._entry(r, options, suffixes.get(r.id, ""))) for _, r in keyed]

    # -- citations -----------------------------------------------------------------------------

    def _cite_names(self, ref: Reference, options: Options, narrative: bool) -> Inline:
        people = ref.authors or (ref.editors if isinstance(ref, Book) else ())
        families = [f.family for f in self._forms(people, options)]
        if not families:
            if ref.title is None:
                return "Anonymous"
            title = latin_text(ref.title, options.translit)
            return emph(title) if isinstance(ref, _STANDS_ALONE) else f"“{title}”"
        if len(families) == 1:
            return families[0]
        if len(families) == 2:
            return f"{families[0]} {'and' if narrative else '&'} {families[1]}"
        return f"{families[0]} et al."

    def cite(
        self,
        refs: Sequence[Reference],
        options: Options,
        *,
        context: Sequence[Reference] | None = None,
        narrative: bool = False,
        locator: str | None = None,
    ) -> Inline:
        """``(Kistanov, 2025)``, ``(Smith & McClean, 2024, p. 7)``, narrative ``Kistanov (2025)``;
        several works in one parenthesis are ordered as in the list and share an author:
        ``(Kistanov, 2024, 2025; Smith & McClean, 2024)`` (§8.12, §8.17). ``context`` is the
        whole list, which decides the year suffixes."""
        suffixes = self.suffixes(context if context is not None else refs, options)
        ordered = refs if narrative else self.sort(refs, options)
        groups: list[tuple[Inline, list[str]]] = []
        for ref in ordered:
            names = self._cite_names(ref, options, narrative)
            year = f"{ref.issued.year}" if ref.issued else "n.d."
            if suffixes.get(ref.id):
                year += ("-" if ref.issued is None else "") + suffixes[ref.id]
            original = original_year(ref)
            if original:  # a republished work: (Piaget, 1966/1969) (§8.15)
                year = f"{original}/{year}"

            if groups and groups[-1][0] == names and not narrative:
                groups[-1][1].append(year)
            else:
                groups.append((names, [year]))
        if locator:
            groups[-1][1][-1] += f", {locator}"
        if narrative:
            return join([seq(names, f" ({', '.join(years)})") for names, years in groups], ", ")
        inner = join([seq(names, ", ", ", ".join(years)) for names, years in groups], "; ")
        return seq("(", inner, ")")


APA = ApaStyle("apa", "APA 7 reference list and in-text citations")
