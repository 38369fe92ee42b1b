"""Reading and writing BibTeX and BibLaTeX through pybtex.

LaTeX in field values is decoded on reading (accents through latexcodec, ``{}``
protection removed) and encoded on writing (the ten special characters escaped, TeX
ligatures such as ``--`` broken, capitals in titles protected with braces); Cyrillic and
other Unicode stay UTF-8. BibLaTeX fields are read and written: ``date``, ``urldate``,
``journaltitle``, ``location``, ``langid``. Other forms of titles use citekit's fields
``title-en``, ``title-ru-latn-bsi`` (the BCP 47 tag after the field's name).

>>> refs = read_bibtex(r'''@article{k, author = {Kistanov, Valerii O.}, year = 2025,
...   title = {Japan's {USA} policy, 5--25 caf\\'e}, journal = {Japanese Studies in Russia},
...   number = {3}, pages = {5--25}, langid = {russian}, title-en = {English}}''')
>>> refs[0].title.original, refs[0].pages, refs[0].language, refs[0].title.translation("en")
("Japan's USA policy, 5–25 café", '5-25', 'ru', 'English')
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NoReturn
from urllib.parse import unquote

import attrs
import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Entry
from pybtex.database import Person as BibPerson
from pybtex.database.input.bibtex import NAME_CHARS, month_names
from pybtex.exceptions import PybtexError

from citekit.errors import CitekitError, DataLossWarning, ParseError, ValidationError
from citekit.io.limits import check_text_size, check_value, macro_budget
from citekit.io.problems import (
    ErrorHandler,
    LineIndex,
    Losses,
    construct,
    deliver,
    rescue,
    warn_unknown,
)
from citekit.model.csl_item import CSL_KNOWN, Loss
from citekit.model.date import PartialDate
from citekit.model.date_text import parse_date_text
from citekit.model.kinds import BIBTEX_SUBTYPES, BIBTEX_TYPES, KINDS
from citekit.model.person import Person
from citekit.model.reference import (
    IN_A_BOOK,
    PeriodicalPart,
    Reference,
    Report,
    Thesis,
    WebArticle,
)
from citekit.model.title import Title, canonical_tag, latn_scheme, valid_lang
from citekit.render.latex import escape_latex

__all__ = ["bibtex_key", "entry_text", "read_bibtex", "write_bibtex"]

_TYPES: Mapping[str, type[Reference]] = BIBTEX_TYPES  # from the kinds table (model/kinds.py)
_WRITE_TYPE = {kind.cls: kind.bibtex for kind in KINDS}
_SUBTYPES = {kind.cls: kind.bibtex_subtype for kind in KINDS if kind.bibtex_subtype}
_BY_SUBTYPE = BIBTEX_SUBTYPES

# BibTeX field → model attribute (text values). Container titles depend on the type.
_TEXT = {
    "volume": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "address": "place",
    "location": "place",
    "edition": "edition",
    "isbn": "isbn",
    "issn": "issn",
    "doi": "doi",
    "url": "url",
    "note": "note",
    "pagetotal": "number_of_pages",
    "volumes": "number_of_volumes",
    "eventtitle": "event_title",
    "venue": "event_place",
    "eid": "article_number",
    "seriesnumber": "collection_number",
    # BibLaTeX has no field for the medium (``Audiobook``): one of this name is ignored by
    # BibTeX and BibLaTeX, and citekit reads it back
    "medium": "medium",
}
_TITLES = {"title": "title", "series": "collection_title"}
_PEOPLE = {"author": "authors", "editor": "editors", "translator": "translators"}
_LANGUAGES = {
    "russian": "ru", "english": "en", "american": "en", "british": "en", "ukrainian": "uk",
    "belarusian": "be", "kazakh": "kk", "german": "de", "ngerman": "de", "french": "fr",
    "spanish": "es", "italian": "it", "polish": "pl", "japanese": "ja", "chinese": "zh",
}  # fmt: skip
_LANGUAGE_NAMES = {code: name for name, code in reversed(_LANGUAGES.items())}

_VERBATIM = frozenset({"url", "doi", "eprint"})  # BibLaTeX verbatim fields: no LaTeX in them
_HELD = {
    # as citekit writes them, braced as BibTeX's special characters (see _encode)
    "{\\textbackslash}": "\\",
    "{\\textbraceleft}": "{",
    "{\\textbraceright}": "}",
    "{\\textasciicircum}": "^",
    "{\\$}": "$",
    # as LaTeX writes them
    "\\textbackslash{}": "\\",
    "\\textbraceleft{}": "{",
    "\\textbraceright{}": "}",
    "\\{": "{",
    "\\}": "}",
    "\\$": "$",
    "\\textasciicircum{}": "^",
}
_CODED = re.compile(r"[$%\\~]|--|''|``|,,|!`|\?`")
"""What latexcodec changes: a command, a comment, a tie, a ligature (found character by
character and pair by pair); text without any of them is decoded as it is."""
_CODED_BUT_DASHES = re.compile(r"[$%\\~]|-{4,}|''|``|,,|!`|\?`")
_COMMAND = re.compile(r"\\[A-Za-z]+|\\.")
_LIGATURES = ("--", "``", "''", "?`", "!`", ",,", "<<", ">>")
# What may pass into the parts of an entry that are not LaTeX text (docs/robustness.md):
_KEY_UNSAFE = re.compile(r"[^\w.:+/-]")  # a key: letters, digits and a few marks, no {}(),=#%"
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_.:+/-]*\Z")  # a field name: what BibTeX takes for one
_ENTRY_TYPE = re.compile(r"[a-z]+\Z")
_DOI_UNSAFE = re.compile(r"[^!$&-;=?-Z_a-z|\x80-\U0010ffff]")
"""In a DOI: white space, controls and ``"#%<>[\\]^`{}~`` are percent-encoded, so that neither
BibTeX (braces) nor LaTeX (``\\``, ``^^``, ``%``, ``#``, ``~``) sees anything but text; the
reader decodes them again."""
_URL_UNSAFE = re.compile(r'[\x00-\x20\x7f"<>\\^`{|}]')
"""In a URL, which is percent-encoded already (``%``, ``#``, ``~`` keep their meaning): the
characters a URL cannot hold (``"<>\\^`{|}``, white space), which the model refuses anyway."""


def _decode(value: str) -> str:
    """LaTeX to Unicode: accents and escapes decoded, protective braces dropped."""
    if _CODED.search(value) is None:  # most values: nothing for latexcodec to do
        return " ".join(value.replace("{", "").replace("}", "").split())
    if _CODED_BUT_DASHES.search(value) is None:  # page ranges: only -- and --- to decode
        value = value.replace("---", "—").replace("--", "–")
        return " ".join(value.replace("{", "").replace("}", "").split())
    for i, escaped in enumerate(_HELD):
        value = value.replace(escaped, chr(0xE000 + i))
    # typeshed knows only the standard str→str codecs; latexcodec's "ulatex" is one too
    try:
        decoded: str = codecs.decode(value, "ulatex")  # type: ignore[call-overload]
    except UnicodeDecodeError as exc:  # a lone backslash at the end
        raise ValidationError(f"not valid LaTeX: {exc.reason}") from None
    value = decoded.replace("{", "").replace("}", "")
    if "\\" in value:
        command = _COMMAND.search(value)
        if command:
            _unknown_commands().append(
                f"the LaTeX command {command[0]} is unknown and kept as text: {value[:60]!r}"
            )
    for i, plain in enumerate(_HELD.values()):
        value = value.replace(chr(0xE000 + i), plain)
    return " ".join(value.split())


def _plain(value: str) -> str:
    """A date as EDTF text: braces dropped, nothing decoded (``2020~`` is circa 2020, where
    LaTeX would read a non-breaking space)."""
    return value.replace("{", "").replace("}", "").strip()


_SPECIAL = re.compile(r"\\(text[a-z]+)\{\}|\\([&%$#_])")


def _encode(value: str, *, protect: bool = False) -> str:
    """Unicode to LaTeX: specials escaped, ligatures broken; ``protect`` braces words with
    capitals after their first letter (``{USA}``, ``{McClean}``) so styles keep their case."""
    # BibTeX counts braces even when escaped, so a lone brace is written as a command. Each
    # command is braced as BibTeX's "special character", {\textasciicircum}: bibtex's styles
    # count, cut (text.prefix$) and case-change such a group as one letter, where they would
    # cut "\textasciicircum{}" into an undefined "\textasc". A square bracket is braced too,
    # since bibtex copies names into \bibitem[label], where a bare "]" ends the label.
    text = _SPECIAL.sub(
        lambda match: "{\\" + (match[1] or match[2]) + "}",
        escape_latex(value)
        .replace("\\{", "\\textbraceleft{}")
        .replace("\\}", "\\textbraceright{}"),
    )
    text = text.replace("[", "{[}").replace("]", "{]}")
    for ligature in _LIGATURES:
        while ligature in text:
            text = text.replace(ligature, ligature[0] + "{}" + ligature[1])
    if protect:
        text = " ".join(
            f"{{{word}}}" if any(ch.isupper() for ch in word[1:]) and "\\" not in word else word
            for word in text.split(" ")
        )
    return text


def _person(person: BibPerson | _Name) -> Person:
    last = " ".join(person.last_names)
    if not person.first_names and not person.middle_names and _one_group(last):
        return Person(literal=_decode(last))
    given = " ".join([*person.first_names, *person.middle_names])
    return Person(
        _decode(last) or None,
        _decode(given) or None,
        particle=_decode(" ".join(person.prelast_names)) or None,
        suffix=_decode(" ".join(person.lineage_names)) or None,
    )


def _date(fields: Mapping[str, str], losses: Losses | None) -> PartialDate | None:
    if "date" in fields:
        return parse_date_text(_plain(fields["date"]), lost=losses.of("date") if losses else None)
    if "year" not in fields:
        return None
    year = _decode(fields["year"])
    if not (year.isascii() and year.isdigit() and len(year) <= 9):
        if "month" not in fields and len(year) <= 40:  # n.d., ca. 2020, Spring 2020
            try:
                return parse_date_text(
                    _plain(fields["year"]), lost=losses.of("year") if losses else None
                )
            except ValidationError:
                pass
        raise ValidationError(f"not a year: {year[:20]!r}", field="year")
    month = fields.get("month")
    number = None
    if month:
        names = ["january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"]  # fmt: skip
        text = _decode(month).lower()
        number = (
            int(text)
            if text.isascii() and text.isdigit()
            else next((i for i, name in enumerate(names, 1) if name.startswith(text[:3])), None)
        )
        if number is None:
            raise ValidationError(f"not a month: {month!r}", field="month")
    day = fields.get("day")
    if day and not (day.isascii() and day.isdigit()):
        raise ValidationError(f"not a day: {day!r}", field="day")
    return PartialDate(int(year), number, int(day) if day else None)


def _entry_to_reference(
    key: str, entry: Entry, skip: Sequence[str] = (), losses: Losses | None = None
) -> Reference:
    """The reference an entry describes, without the fields (``isbn``) or names
    (``author[2]``) in ``skip``: the ones found bad (io/problems.py)."""
    kind = entry.type.lower()
    cls = _TYPES.get(kind)
    if cls is None:
        known = ", ".join(_TYPES)
        raise ValidationError(
            f"entry type @{kind} is not supported; use one of: {known}", field="type"
        )
    fields = {name.lower(): value for name, value in entry.fields.items()}
    if skip:
        fields = {name: value for name, value in fields.items() if name not in skip}
    spelled = {name.lower(): name for name in entry.fields}  # extras keep their spelling
    _join_subtitles(fields)
    subtype = fields.pop("entrysubtype", "").lower()
    cls = _BY_SUBTYPE.get((kind, subtype), cls)
    accepted = {f.name for f in attrs.fields(cls)}
    values: dict[str, Any] = {"id": key}
    extra: dict[str, Any] = {}
    if kind != _WRITE_TYPE[cls]:
        extra["bibtex-type"] = kind  # several entry types share this reference type
    language = fields.pop("langid", None) or fields.pop("language", None)
    if language:
        code = _decode(language).lower()
        values["language"] = _LANGUAGES.get(code, code)
    container = "journaltitle" if "journaltitle" in fields else "journal"
    if issubclass(cls, IN_A_BOOK):
        container = "booktitle"
    titles = {**_TITLES, container: "container_title"}
    if cls is WebArticle:
        titles["organization"] = "container_title"
    forms: dict[str, dict[str, str]] = {}
    for name in list(fields):
        base, dash, tag = name.partition("-")
        if dash and base in titles and valid_lang(canonical_tag(tag)):
            forms.setdefault(base, {})[canonical_tag(tag)] = _decode(fields.pop(name))
    try:
        values["issued"] = _date(fields, losses)
    except CitekitError as exc:
        raise exc.located(field="date" if "date" in fields else None) from None
    for name in ("date", "year", "month", "day"):
        fields.pop(name, None)
    if "urldate" in fields:
        try:
            lost = losses.of("urldate") if losses else None
            values["accessed"] = parse_date_text(_plain(fields.pop("urldate")), lost=lost)
        except CitekitError as exc:
            raise exc.located(field="urldate") from None
    text = _text_fields(cls, accepted)
    for name, raw in fields.items():
        try:
            if name in titles and titles[name] in accepted:
                found = forms.get(name, {})
                values[titles[name]] = Title(
                    _decode(raw),
                    lang=values.get("language"),
                    transliterations={t: v for t, v in found.items() if latn_scheme(t) is not None},
                    translations={t: v for t, v in found.items() if latn_scheme(t) is None},
                )
            elif name == "doi":
                values["doi"] = unquote(raw.strip()) if "%" in raw else raw.strip()
            elif name in _VERBATIM and name in text:
                values[text[name]] = raw.strip()
            elif name in text and text[name] in accepted:
                values[text[name]] = (
                    _decode(raw).replace("–", "-") if name == "pages" else _decode(raw)
                )
            elif name == "changing":
                values["changing"] = _decode(raw).lower() == "true"
            else:
                extra[spelled[name]] = _decode(raw)
        except CitekitError as exc:
            raise exc.located(field=name) from None
    others = []
    for role, attribute in _PEOPLE.items():
        if role in entry.persons:
            people = list(entry.persons[role])
            if people and str(people[-1]) == "others":  # BibTeX's "and others": et al.
                people.pop()
                others.append(role)
            named = []
            for i, person in enumerate(people):
                if f"{role}[{i}]" in skip:
                    continue
                try:
                    named.append(_person(person))
                except CitekitError as exc:
                    raise exc.located(field=f"{role}[{i}]") from None
            values[attribute] = named
    if others:
        extra["others"] = others
    return construct(cls, values, extra)


_SUBTITLES = {"subtitle": "title", "booksubtitle": "booktitle", "journalsubtitle": "journaltitle"}


def _join_subtitles(fields: dict[str, str]) -> None:
    """BibLaTeX's ``subtitle`` (``booksubtitle``, ``journalsubtitle``) joined to its title as
    the other formats hold it, ``Title: Subtitle``, so every style prints it; without its
    title it stays an extra field."""
    for subtitle, title in _SUBTITLES.items():
        if subtitle in fields and fields.get(title, "").strip():
            head = fields[title].rstrip()
            joint = " " if head.endswith(("?", "!", ":", ".")) else ": "
            fields[title] = head + joint + fields.pop(subtitle).strip()


def read_bibtex(
    text: str,
    *,
    file: str | None = None,
    on_error: ErrorHandler | None = None,
) -> list[Reference]:
    """The references in a BibTeX or BibLaTeX file; errors name the file, line, key and field.

    The file is cut at each ``@`` that starts a line into pieces read one by one, so the cost
    is proportional to the file, and a syntax error costs only its own entry: with
    ``on_error`` reading goes on at the next entry. ``@string`` macros may add at most
    :func:`~citekit.io.limits.macro_budget` characters to the file.
    """
    macros: dict[str, str] = {}
    budget = _Budget(macro_budget(text))
    seen: dict[str, int] = {}

    refs = []
    lines = LineIndex(text)

    def fields_of(entry_line: int) -> Callable[[str], int]:  # the line of an entry's field
        return lambda name: _field_line(lines, entry_line, name)

    for line, piece in _pieces(text):
        try:
            check_text_size(piece)
            parsed = _parse_piece(piece, line, macros, budget)
        except CitekitError as exc:
            exc.located(file=file, line=line)
            deliver(exc, on_error)
            continue
        for entry_line, key, entry in parsed:
            try:
                if key.lower() in seen:
                    raise ParseError(
                        f"the key {key!r} is used again (first at line {seen[key.lower()]}); "
                        "keys must be unique"
                    )
                seen[key.lower()] = entry_line
                found = _unknown_commands()
                found.clear()
                losses = Losses()
                try:
                    ref = _entry_to_reference(key, entry, losses=losses)
                except ValidationError as exc:  # one bad field costs that field
                    ref = _rescue(exc, key, entry, file, lines, entry_line, losses)
                losses.say(file=file, ref_id=key, line_of=fields_of(entry_line))
                if ref.extra:
                    _warn_unknown(ref, file, lines, entry_line)
                refs.append(ref)
                for message in found:
                    where = f"{file}:{entry_line}: " if file else f"line {entry_line}: "
                    warnings.warn(UnknownCommandWarning(f"{where}{key}: {message}"), stacklevel=3)
            except CitekitError as exc:
                ref_id = None if isinstance(exc, ParseError) else key
                exc.located(file=file, line=entry_line, ref_id=ref_id)
                deliver(exc, on_error)
            except ValueError as exc:  # a value the model could not convert
                error = ValidationError(f"a value citekit cannot take: {exc}")
                deliver(error.located(file=file, line=entry_line, ref_id=key), on_error)
    return refs


def _field_line(lines: LineIndex, entry_line: int, name: str) -> int:
    """The line of the field ``name`` (``author[2]``: of ``author``) in the entry."""
    name = name.partition("[")[0]
    pattern = re.compile(rf"(?<![\w.:+/-]){re.escape(name)}\s*=", re.IGNORECASE)
    return lines.find(pattern, entry_line) or entry_line


def _rescue(
    error: ValidationError,
    key: str,
    entry: Entry,
    file: str | None,
    lines: LineIndex,
    entry_line: int,
    losses: Losses,
) -> Reference:
    """The entry's reference without the fields the model refuses, each left out with a
    warning at its line."""
    present = {name.lower() for name in entry.fields} | set(entry.persons)

    def field_of(field: str | None, dropped: list[str]) -> str | None:
        top = (field or "").partition(".")[0]
        base = top.partition("[")[0]
        if base in present and base not in ("type", "entrysubtype"):
            return top
        for name in _BIBTEX_NAMES.get(base, ()):  # an attribute the model named: its field
            if name in present:
                return name
        return None

    def build(dropped: list[str]) -> Reference:
        return _entry_to_reference(key, entry, dropped, losses)

    def line_of(name: str) -> int:
        return _field_line(lines, entry_line, name)

    return rescue(error, build, field_of=field_of, line_of=line_of, file=file, ref_id=key)


def _warn_unknown(ref: Reference, file: str | None, lines: LineIndex, entry_line: int) -> None:
    names = [
        name for name in ref.extra if name.lower() not in BIBTEX_KNOWN and name not in _OWN_EXTRAS
    ]
    if names:
        warn_unknown(
            names,
            BIBTEX_KNOWN,
            file=file,
            ref_id=ref.id,
            line_of=lambda name: _field_line(lines, entry_line, name),
        )


_OWN_EXTRAS = frozenset({"bibtex-type", "others"})
"""What the reader itself keeps in ``extra``: the entry type, the roles ending ``and others``."""


class UnknownCommandWarning(DataLossWarning):
    """A LaTeX command latexcodec does not know (``\\cyra``) was kept as text."""


_SEEN = threading.local()


def _unknown_commands() -> list[str]:
    """The unknown commands :func:`_decode` met in this thread's entry: the reader warns of
    them with the entry's file, line and key (catching warnings per entry cost seconds)."""
    found: list[str] | None = getattr(_SEEN, "commands", None)
    if found is None:
        found = _SEEN.commands = []
    return found


_PIECE_START = re.compile(r"^[ \t]*@", re.MULTILINE)


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """The file cut before each ``@`` that starts a line, with the line each piece starts on.
    A piece that leaves a brace open is joined with the pieces after it while that closes
    it, so an ``@`` that starts a line inside a value stays there; when the next piece has no
    closing brace to spare the open one is an error of its own piece alone."""
    starts = [m.start() for m in _PIECE_START.finditer(text)]
    if not starts:
        return
    bounds = [*starts, len(text)]
    line = text.count("\n", 0, starts[0]) + 1
    i = 0
    while i < len(starts):
        begin, end = bounds[i], bounds[i + 1]
        depth = _depth(text, begin, end)
        j = i + 1
        while depth > 0 and j < len(starts):
            more = _depth(text, bounds[j], bounds[j + 1])
            if more >= 0:
                break  # the next piece is an entry of its own: the open brace is this one's
            depth += more
            end = bounds[j + 1]
            j += 1
        yield line, text[begin:end]
        line += text.count("\n", begin, end)
        i = j


def _depth(text: str, begin: int, end: int) -> int:
    return text.count("{", begin, end) - text.count("}", begin, end)


class _Budget:
    """What ``@string`` macros may still add to the file."""

    __slots__ = ("left", "total")

    def __init__(self, total: int) -> None:
        self.left = self.total = total


_NAME = re.compile(
    "[{0}][{0}0-9]*".format(re.escape("".join(sorted(set(NAME_CHARS) - {"@"}))) + "@")
)
"""A command, field or macro name, with the characters BibTeX (and pybtex) allow in one."""
_SPACE = re.compile(r"\s*")
_FIELD = re.compile(rf"\s*,\s*({_NAME.pattern})\s*=")
_KEY = {"}": re.compile(r"[^\s,}]+"), ")": re.compile(r"[^\s,]+")}
_NUMBER = re.compile(r"[0-9]+")
_BRACES = re.compile(r"[{}]")
_QUOTE_OR_BRACES = re.compile(r'["{}]')
_MAX_BRACES = 100


class _Scanner:
    """BibTeX's syntax, read from one piece of a file in one pass: ``@type{key, name = value
    # value, …}``, ``@string{name = value}``, ``@preamble{…}``, ``@comment``; values in braces,
    in quotes, numbers and macros. pybtex reads names; this replaces its scanner, which cost
    most of the time of reading a file."""

    __slots__ = ("budget", "macros", "pos", "text")

    def __init__(self, text: str, macros: dict[str, str], budget: _Budget) -> None:
        self.text = text
        self.macros = macros
        self.budget = budget
        self.pos = 0

    def fail(self, what: str) -> NoReturn:
        found = self.text[self.pos : self.pos + 20].split("\n")[0]
        shown = f"{found!r}" if found else "the end of the entry"
        raise _SyntaxError(f"not valid BibTeX: expected {what}, found {shown}", self.pos)

    def skip(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def token(self, pattern: re.Pattern[str], what: str) -> str:
        self.skip()
        match = pattern.match(self.text, self.pos)
        if match is None:
            self.fail(what)
        self.pos = match.end()
        return match[0]

    def literal(self, chars: str) -> str | None:
        self.skip()
        ch = self.text[self.pos : self.pos + 1]
        if ch and ch in chars:
            self.pos += 1
            return ch
        return None

    def commands(self) -> Iterator[tuple[int, str, str | None, list[tuple[str, str]]]]:
        """Each command in the piece: where it starts, its name, key and fields."""
        while True:
            at = self.text.find("@", self.pos)
            if at < 0:
                return
            self.pos = at + 1
            command = self.token(_NAME, "an entry type after @")
            kind = command.lower()
            if kind == "comment":
                continue  # the rest is skipped as BibTeX does, up to the next @
            opening = self.literal("{(")
            if opening is None:
                self.fail("{ or ( after @" + command)
            closing = "}" if opening == "{" else ")"
            key: str | None = None
            fields: list[tuple[str, str]] = []
            if kind == "string":
                name = self.token(_NAME, "a macro name")
                if self.literal("=") is None:
                    self.fail("=")
                value = self.value()
                check_value(value, f"@string {name}")
                self.macros[name.lower()] = value
            elif kind == "preamble":
                self.value()
            else:
                key = self.token(_KEY[closing], "an entry key")
                while True:
                    field = _FIELD.match(self.text, self.pos)  # the common case at once
                    if field is not None:
                        self.pos = field.end()
                        fields.append((field[1], self.value()))
                        continue
                    if not self.literal(","):
                        break
                    self.skip()
                    if _NAME.match(self.text, self.pos) is None:
                        continue  # a comma before the end, or two commas
                    name = self.token(_NAME, "a field name")
                    if self.literal("=") is None:
                        self.fail(f"= after {name}")
                    fields.append((name, self.value()))
            if self.literal(closing) is None:
                self.fail(f"a comma or {closing}")
            yield at, command, key, fields

    def value(self) -> str:
        parts = [self.part()]
        while self.literal("#"):
            parts.append(self.part())
        return "".join(parts)

    def part(self) -> str:
        self.skip()
        ch = self.text[self.pos : self.pos + 1]
        if ch == "{":
            return self.group(_BRACES)
        if ch == '"':
            return self.group(_QUOTE_OR_BRACES)
        if ch.isdigit():
            return self.token(_NUMBER, "a number")
        name = self.token(_NAME, 'a value: {…}, "…", a number or a macro')
        value = self.macros.get(name.lower())
        if value is None:
            raise _SyntaxError(
                f"the macro {name!r} is not defined (by @string) before its use", self.pos
            )
        self.budget.left -= len(value)
        if self.budget.left < 0:
            raise _SyntaxError(
                f"@string macros expand to more text than the file can mean (over "
                f"{self.budget.total:,} characters at {name!r}); "
                "a macro that doubles another is a bomb",
                self.pos,
            )
        return value

    def group(self, special: re.Pattern[str]) -> str:
        """The text of a ``{…}`` or ``"…"`` value, without its delimiters; braces inside must
        balance (a quote inside braces is text)."""
        start = self.pos + 1
        depth = 0
        quoted = special is _QUOTE_OR_BRACES
        for match in special.finditer(self.text, start):
            ch = match[0]
            if ch == "{":
                depth += 1
                if depth > _MAX_BRACES:
                    self.pos = match.start()
                    self.fail(f"at most {_MAX_BRACES} levels of braces")
            elif ch == "}":
                if depth == 0:
                    if quoted:
                        self.pos = match.start()
                        self.fail('a closing " before an unbalanced }')
                    self.pos = match.end()
                    return self.text[start : match.start()]
                depth -= 1
            elif depth == 0:  # a quote outside braces ends a quoted value
                self.pos = match.end()
                return self.text[start : match.start()]
        raise _SyntaxError(
            "not valid BibTeX: a value's brace or quote is left open up to the next entry or "
            "the end of the file",
            start - 1,
        )


class _SyntaxError(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.pos = pos


_MONTHS = dict(month_names)


def _parse_piece(
    piece: str, line: int, macros: dict[str, str], budget: _Budget
) -> list[tuple[int, str, Entry]]:
    """The entries in one piece of a file, with the line each starts on."""
    if not macros:
        macros.update(_MONTHS)
    scanner = _Scanner(piece, macros, budget)
    found = []
    try:
        for start, command, key, fields in scanner.commands():
            if key is not None:
                where = line + piece.count("\n", 0, start) if start else line
                found.append((where, key, _entry(command, key, fields)))
    except _SyntaxError as exc:
        last = line + piece.rstrip().count("\n")  # not the next entry's line, after the end
        where = min(line + piece.count("\n", 0, exc.pos), last)
        raise ParseError(str(exc), line=where) from None
    return found


class _Name:
    """The parts of a name as pybtex's ``Person`` holds them, for the names read without it."""

    __slots__ = ("first_names", "last_names", "lineage_names", "middle_names", "prelast_names")

    def __init__(self, last: list[str], first: list[str]) -> None:
        self.last_names = last
        self.first_names = first[:1]
        self.middle_names = first[1:]
        self.prelast_names: list[str] = []
        self.lineage_names: list[str] = []

    def __str__(self) -> str:
        return f"{' '.join(self.last_names)}, {' '.join(self.first_names + self.middle_names)}"


@functools.lru_cache(maxsize=4096)
def _bib_name(text: str) -> BibPerson | _Name:
    """pybtex's reading of a name (only read from, so one object serves every use). The
    commonest form, ``Family, Given`` without braces, backslashes or ties and with every
    word of the family name capitalised (so no ``von`` part), is split here: the same parts
    as pybtex finds, at a fraction of its cost."""
    if _SIMPLE_NAME.fullmatch(text):
        family, given = text.split(",")
        last = family.split()
        first = given.split()
        if last and first and all(word[0].isupper() for word in last):
            return _Name(last, first)
    return BibPerson(text)


_SIMPLE_NAME = re.compile(r"[^{}\\~,]+,[^{}\\~,]+")


def _entry(command: str, key: str, fields: list[tuple[str, str]]) -> Entry:
    entry = Entry(command)
    seen: set[str] = set()
    for name, raw in fields:
        if name.lower() in seen:
            raise ValidationError(f"the field {name!r} is given twice; keep one", field=name)
        seen.add(name.lower())
        value = " ".join(raw.split())
        try:
            check_value(value, name.lower())
            if name.lower() in _PEOPLE:
                names = split_name_list(value)
                check_value(names, name.lower())
                for one in names:
                    entry.add_person(_bib_name(one), name.lower())
            else:
                entry.fields[name] = value
        except CitekitError as exc:
            raise exc.located(ref_id=key) from None
        except PybtexError as exc:
            raise ValidationError(f"not a list of names: {exc}", field=name, ref_id=key) from None
    return entry


# -- writing ------------------------------------------------------------------------------------


def _bib_person(person: Person, ref: Reference, role: str, lose: Loss) -> BibPerson:
    if person.forms:
        lose(ref, role, "BibTeX has no place for other forms of a name")
    if person.dropping_particle:
        lose(ref, role, "BibTeX has no dropping particle")
    if person.literal is not None:
        return BibPerson(last=f"{{{_name_part(person.literal)}}}")
    return BibPerson(
        first=_name_part(person.given) if person.given else "",
        prelast=_name_part(person.particle) if person.particle else "",
        last=_family(person.family or ""),
        lineage=_name_part(person.suffix) if person.suffix else "",
    )


_NAME_SPLITTERS = re.compile(r"[,()]|(?<=\s)and(?=\s)", re.IGNORECASE)


def _name_part(text: str) -> str:
    """A part of a name for BibTeX: a comma or a word ``and`` is braced, where BibTeX would
    split the name or the list at it, and a parenthesis, where natbib would split the label
    ``Author(Year)`` that bibtex builds from names."""
    return _NAME_SPLITTERS.sub(lambda m: "{" + m[0] + "}", _encode(text))


def _name_text(person: BibPerson) -> str:
    """A name as BibTeX reads it back: a family name of several words without a given name
    ends in a comma (``Gchard J.,``), since ``Gchard J.`` would be read as given ``Gchard``,
    family ``J.``."""
    text = str(person)
    if len(person.last_names) > 1 and not person.first_names and not person.middle_names:
        return text + ","
    return text


def _family(text: str) -> str:
    """A family name for BibTeX: its words that begin in lower case are braced (``South Korea
    {in} {the} Age {of}``), where BibTeX would take them for a particle ("von")."""
    words = _name_part(text).split(" ")
    return " ".join(f"{{{w}}}" if w[:1].islower() and len(words) > 1 else w for w in words)


def _one_group(text: str) -> bool:
    """``{…}`` as a whole: an organisation's name as the writer braces it."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "{") - (ch == "}")
        if depth == 0:
            return i == len(text) - 1
    return False


def _reference_to_entry(ref: Reference, lose: Loss) -> Entry:
    cls = type(ref)
    kind = _entry_type(ref, lose)
    fields: dict[str, str] = {}
    if cls in _SUBTYPES:
        fields["entrysubtype"] = _SUBTYPES[cls]
    container = "booktitle" if issubclass(cls, IN_A_BOOK) else "journal"
    if cls is WebArticle:
        container = "organization"
    titles = {"title": "title", "collection_title": "series", "container_title": container}
    text = {
        attribute: name for name, attribute in _TEXT.items() if name not in ("location", "venue")
    }
    text.update(
        {"issue": "number" if issubclass(cls, PeriodicalPart) else "issue",
         "collection_number": "number", "genre": "type",
         "event_place": "venue"}
    )  # fmt: skip
    if issubclass(cls, Report):
        text.update(
            {"publisher": "institution", "number": "number", "collection_number": "seriesnumber"}
        )
    elif any(field.name == "number" for field in attrs.fields(cls)):
        text.update({"number": "number", "collection_number": "seriesnumber"})
    if issubclass(cls, Thesis):
        text["publisher"] = "school"
    if ref.language:
        fields["langid"] = _LANGUAGE_NAMES.get(ref.language, ref.language)
    persons: dict[str, list[BibPerson]] = {}
    others = ref.extra.get("others") or ()
    for field in attrs.fields(cls):
        value = getattr(ref, field.name)
        if (
            value is None
            or value == ()
            or value is False
            or field.name in ("id", "extra", "language")
        ):
            continue
        if field.name in _PEOPLE.values():
            role = next(r for r, a in _PEOPLE.items() if a == field.name)
            persons[role] = [_bib_person(p, ref, role, lose) for p in value]
            if role in others:
                persons[role].append(BibPerson("others"))
        elif isinstance(value, Title):
            name = titles[field.name]
            fields[name] = _encode(value.original, protect=True)
            for tag, form in {**value.transliterations, **value.translations}.items():
                if _FIELD_NAME.match(f"{name}-{tag.lower()}"):
                    fields[f"{name}-{tag.lower()}"] = _encode(form, protect=True)
                else:
                    lose(ref, field.name, f"the form tagged {tag!r} cannot be a BibTeX field")
            if value.lang is not None and value.lang != ref.language:
                lose(ref, field.name, f"its language ({value.lang}) differs from the entry's")
        elif field.name == "issued":
            fields["date"] = value.iso()
            fields["year"] = str(value.year)
        elif field.name == "accessed":
            fields["urldate"] = value.iso()
        elif field.name == "changing":
            fields["changing"] = "true"
        elif field.name == "pages":
            fields["pages"] = "--".join(_encode(part) for part in value.split("-"))
        elif field.name == "doi":
            fields["doi"] = _percent_encoded(value, _DOI_UNSAFE)
        elif field.name == "url":
            fields["url"] = _percent_encoded(value, _URL_UNSAFE)
        elif field.name in text:
            fields[text[field.name]] = _encode(value)
        else:
            lose(ref, field.name, "BibTeX has no field for it")
    for key, value in ref.extra.items():
        if key == "bibtex-type" or (key == "others" and isinstance(value, list | tuple)):
            continue
        if not isinstance(value, str):
            lose(ref, key, "only text can be written to BibTeX")
        elif not _FIELD_NAME.match(key.lower()):
            lose(ref, key, "not a BibTeX field name (a letter, then letters, digits or _.:+/-)")
        elif key.lower() in (name.lower() for name in fields) or _read_as_field(cls, key.lower()):
            lose(ref, key, "BibTeX would read it as the reference's own field")
        else:
            if " ".join(value.split()) != value:
                lose(ref, key, "BibTeX folds white space: written with single spaces")
            fields[key] = _encode(value)  # as spelled: BibTeX ignores the case, CSL does not
    return Entry(kind, fields=fields, persons=persons)


_ALWAYS_READ = frozenset(
    {*_PEOPLE, "date", "year", "month", "day", "urldate", "langid", "language", "entrysubtype",
     "changing"}
)  # fmt: skip


def _own_fields(cls: type[Reference]) -> frozenset[str]:
    """The field names the reader takes for one of a ``cls`` reference's own fields."""
    known = _OWN.get(cls)
    if known is None:
        known = _OWN[cls] = _find_own_fields(cls)
    return known


_OWN: dict[type[Reference], frozenset[str]] = {}


def _text_fields(cls: type[Reference], accepted: set[str]) -> dict[str, str]:
    """The attribute each plain-text BibTeX field is read into, for a ``cls`` reference that
    has the attributes ``accepted``."""
    number = (
        "issue" if issubclass(cls, PeriodicalPart)
        else "number" if "number" in accepted  # a report's, a standard's, a patent's own number
        else "collection_number"
    )  # fmt: skip
    return {**_TEXT, "number": number, "issue": "issue", "type": "genre",
            "institution": "publisher", "school": "publisher"}  # fmt: skip


def _find_own_fields(cls: type[Reference]) -> frozenset[str]:
    accepted = {f.name for f in attrs.fields(cls)}
    text = _text_fields(cls, accepted)
    titles = {**_TITLES, "journal": "container_title", "journaltitle": "container_title",
              "booktitle": "container_title", "organization": "container_title"}  # fmt: skip
    return frozenset(
        {*_ALWAYS_READ, *(n for n, a in {**text, **titles}.items() if a in accepted), "doi"}
    )


def _read_as_field(cls: type[Reference], name: str) -> bool:
    """Whether the reader would take a field ``name`` (lower case) for one of a ``cls``
    reference's own: an extra field of that name would not come back as an extra field."""
    base, dash, tag = name.partition("-")
    own = _own_fields(cls)
    return name in own or bool(dash and base in own and valid_lang(canonical_tag(tag)))


def _percent_encoded(value: str, unsafe: re.Pattern[str]) -> str:
    """A DOI or URL for a BibTeX field: its ``unsafe`` characters percent-encoded."""
    return unsafe.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), value)


def _entry_type(ref: Reference, lose: Loss) -> str:
    kind = ref.extra.get("bibtex-type")
    if kind is None:
        return _WRITE_TYPE[type(ref)]
    if not isinstance(kind, str) or not _ENTRY_TYPE.match(kind.lower()):
        lose(ref, "bibtex-type", f"{kind!r} is not a BibTeX entry type")
        return _WRITE_TYPE[type(ref)]
    return kind.lower()


def bibtex_key(ref: Reference, lose: Loss, key: str | None = None) -> str:
    """``key`` or the reference's id as a BibTeX key: characters that end a key or a field
    (white space, ``{}(),=#%"``, backslashes) become ``-``, with a loss reported."""
    wanted = key or ref.id
    safe = _KEY_UNSAFE.sub("-", wanted)
    if safe != wanted:
        lose(ref, "id", f"written as the key {safe!r}: a BibTeX key cannot hold {wanted!r}")
    return safe


def entry_text(
    ref: Reference, lose: Loss, *, key: str | None = None, one_line: bool = False
) -> str:
    """``@type{key, field = {value}, …}``, keyed by ``key`` or the reference's id. Values are
    already LaTeX with balanced braces and are braced as they are (pybtex's own writer would
    escape them a second time); ``one_line`` puts the whole entry on one line."""
    entry = _reference_to_entry(ref, lose)
    parts = [f"{role} = {{{' and '.join(_name_text(p) for p in people)}}}"
             for role, people in entry.persons.items()]  # fmt: skip
    parts += [f"{name} = {{{value}}}" for name, value in entry.fields.items()]
    head = f"@{entry.type}{{{bibtex_key(ref, lose, key)},"
    if one_line:
        return f"{head} {', '.join(parts)}}}"
    return head + "".join(f"\n  {part}," for part in parts) + "\n}\n"


def write_bibtex(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as BibTeX/BibLaTeX (UTF-8), one entry per reference, keyed by id."""
    return "\n".join(entry_text(ref, lose) for ref in refs)


_BIBLATEX = frozenset(
    {"abstract", "addendum", "afterword", "annotation", "annotator", "annote", "authortype",
     "bookauthor", "bookpagination", "booksubtitle", "booktitleaddon", "chapter",
     "commentator", "crossref", "editora", "editorb", "editorc", "editortype", "editoratype",
     "editorbtype", "editorctype", "eprint", "eprintclass", "eprinttype", "eventdate",
     "execute", "file", "foreword", "gender", "holder", "howpublished", "hyphenation", "ids",
     "indexsorttitle", "indextitle", "introduction", "isan", "ismn", "isrc", "issuesubtitle",
     "issuetitle", "iswc", "journalsubtitle", "key", "keywords", "label", "langidopts",
     "library", "mainsubtitle", "maintitle", "maintitleaddon", "nameaddon", "options",
     "origdate", "origlanguage", "origlocation", "origpublisher", "origtitle", "pagination",
     "part", "presort", "primaryclass", "pubstate", "related", "relatedoptions",
     "relatedstring", "relatedtype", "reprinttitle", "shortauthor", "shorteditor",
     "shorthand", "shorthandintro", "shortjournal", "shortseries", "shorttitle", "sortkey",
     "sortname", "sortshorthand", "sorttitle", "sortyear", "subtitle", "titleaddon",
     "version", "xdata", "xref", "archiveprefix", "entryset", "month", "day", "endyear",
     "endmonth", "endday", "origyear", "eventyear", "urlyear", "urlmonth", "urlday",
     "mrnumber", "zmath", "pmid", "pmcid", "lccn", "copyright", "timestamp", "owner",
     "groups", "ranking", "priority", "readstatus", "mendeley-tags", "mendeley-groups",
     "bdsk-url-1", "bdsk-url-2", "bdsk-file-1"}
)  # fmt: skip
"""BibTeX's and BibLaTeX's standard fields that citekit keeps in ``extra`` rather than
models (the BibLaTeX manual, section 2.2), and the bookkeeping fields reference managers
write (JabRef's ``owner``, ``timestamp``; Mendeley's tags; BibDesk's links)."""
BIBTEX_KNOWN = frozenset(
    {
        *_BIBLATEX,
        *(name for kind in KINDS for name in _own_fields(kind.cls)),
        "pages",
        "journal",
        "journaltitle",
        "booktitle",
        "organization",
        "series",
        *(name.lower() for name in CSL_KNOWN),
    }
)
"""Every field name the BibTeX reader knows: the ones it reads into a reference of some kind
(the tables above), the standard ones it keeps, and CSL's variables (the writer writes a CSL
extra such as ``title-short`` as a field of its name). Another name is kept in ``extra`` and
named as unknown, with the nearest of these."""
_BIBTEX_NAMES: dict[str, tuple[str, ...]] = {
    "accessed": ("urldate",),
    "language": ("langid", "language"),
    "container_title": ("journaltitle", "journal", "booktitle", "organization"),
    "genre": ("type",),
    "publisher": ("publisher", "institution", "school"),
    "issued": ("date", "year"),
}
"""The BibTeX fields a model attribute is read from, where its name is not theirs."""
for _name, _attribute in {**_TEXT, **_TITLES, **_PEOPLE}.items():
    _BIBTEX_NAMES[_attribute] = (*_BIBTEX_NAMES.get(_attribute, ()), _name)
