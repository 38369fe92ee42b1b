"""The CSL processor: items and citations in, citations and a bibliography out.

It registers the cited items, sorts the bibliography, numbers the items, works out each
cite's position (first, subsequent, ibid, near-note), disambiguates, collapses, and renders
through the :class:`~citekit.csl.evaluate.Evaluator`.

>>> from citekit.csl.parse import parse_style
>>> style = parse_style('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">'
...     '<citation><layout><text variable="title"/></layout></citation>'
...     '<bibliography><sort><key variable="title"/></sort>'
...     '<layout><text variable="title"/></layout></bibliography></style>')
>>> result = Processor(style).process([{"id": "1", "title": "B"}, {"id": "2", "title": "A"}])
>>> [plain(entry) for entry in result.bibliography]
['A', 'B']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from mypy_extensions import mypyc_attr

from citekit.csl.collapse import collapse_citation
from citekit.csl.disambiguate import Disamb, disambiguate
from citekit.csl.evaluate import DATE_VARIABLES, NAME_VARIABLES, CiteState, Evaluator
from citekit.csl.locale import Locale, load_locale
from citekit.csl.output import (
    Out,
    Part,
    concat,
    drop_last,
    is_empty,
    join,
    last_char,
    parse_markup,
    plain,
)
from citekit.csl.parse import Element, Style, walk
from citekit.csl.sort import SortValue, lazy_order, sort_value

__all__ = ["NO_PRINTED_FORM", "Processor", "Result", "normalize_item"]

NO_PRINTED_FORM: Final = "[CSL STYLE ERROR: reference with no printed form.]"
"""What stands for a reference the style prints nothing for (citeproc-js's words)."""

ALIASES: Final = {
    "shortTitle": "title-short",
    "journalAbbreviation": "container-title-short",
    "container-title-short": "container-title-short",
}


def normalize_item(item: Mapping[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item with its id a string and a few alias fields under CSL's names."""
    out = dict(item)
    out["id"] = str(out.get("id", ""))
    for alias, name in ALIASES.items():
        if alias in out and name not in out:
            out[name] = out[alias]
    note = out.get("note")
    if isinstance(note, str) and ":" in note:
        _note_fields(note, out)
    for key, value in list(out.items()):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key != "id":
            out[key] = str(value) if not isinstance(value, float) else str(int(value))
    return out


_NOTE_FIELD: Final = re.compile(r"^\s*\{?:?([a-z][a-z-]*[a-z]):\s*(.+?)\}?\s*$")


def _note_fields(note: str, out: dict[str, Any]) -> None:
    """Fields written into ``note`` as ``name: value`` lines, a convention of Zotero and
    citeproc-js (``event-date: 2004-10-01/2004-10-14``, ``reviewed-author: Hall || W.C.``);
    a field the item has already is kept."""
    kept = []
    for line in note.split("\n"):
        m = _NOTE_FIELD.match(line)
        if m is None:
            kept.append(line)
            continue
        name, value = m.group(1), m.group(2)
        if name in out:
            continue
        if name in NAME_VARIABLES:
            family, _, given = value.partition("||")
            out[name] = [{"family": family.strip(), "given": given.strip()}]
        elif name in DATE_VARIABLES:
            out[name] = {"raw": value}
        else:
            out[name] = value
    out["note"] = "\n".join(kept).strip()
    if not out["note"]:
        del out["note"]


class Result:
    """What :meth:`Processor.process` returns: bibliography entries, citations, the order,
    and each citation's cites as the processor saw them (item id and position, number,
    note numbers), which tell a caller what an edit of the document changed. ``listed``
    holds the id of each bibliography entry: an item the style prints nothing for has no
    entry (unless citations print numbers, whose entry keeps its place)."""

    __slots__ = ("bibliography", "citations", "cites", "ids", "listed")

    def __init__(
        self,
        bibliography: list[Part],
        citations: list[Part],
        ids: list[str],
        cites: list[list[tuple[str, CiteState]]] | None = None,
        listed: list[str] | None = None,
    ) -> None:
        self.bibliography = bibliography
        self.citations = citations
        self.ids = ids
        self.cites = cites if cites is not None else []
        self.listed = listed if listed is not None else []


@mypyc_attr(allow_interpreted_subclasses=True)  # compiled in the wheel, still subclassable
class Processor:
    """One style in one locale."""

    def __init__(self, style: Style, lang: str | None = None) -> None:
        self.style = style
        self.locale: Locale = load_locale(lang, style)
        self.disamb_override = False
        self.disamb: dict[str, Disamb] = {}
        self.year_suffixes: dict[str, str] = {}
        self.numbers: dict[str, int] = {}
        self.data: dict[str, dict[str, Any]] = {}
        self.first_notes: dict[str, int] = {}
        """The note each cited item is first cited in (0: the running text)."""
        citation = style.citation
        self.tests_disambiguate = any(
            "disambiguate" in e.attrs for e in walk(style.root) if e.name in ("if", "else-if")
        )
        # a later cite prints differently when the style has its own et-al for it or is a
        # note style testing positions (a short note: Doe, supra note 1); citeproc-js tells
        # cites apart by that later form (with the note of the first cite), so two items
        # are ambiguous when either form prints the same. (An author-date style's position
        # tests are for ibid: its later form is not rendered, which keeps its speed.)
        self.subsequent_matters = citation is not None and (
            any(k.startswith("et-al-subsequent") for k in citation.attrs)
            or (
                style.attrs.get("class") == "note"
                and any(
                    "position" in e.attrs for e in walk(style.root) if e.name in ("if", "else-if")
                )
            )
        )
        self.cites_by_number = citation is not None and _prints_number(style, citation.layout)
        """Whether citations print the citation number, which then points into the list."""

    def quotes(self) -> tuple[str, str, str, str]:
        """The locale's open, close, inner open and inner close quotes."""
        t = self.locale.term
        return (
            t("open-quote") or "\u201c",
            t("close-quote") or "\u201d",
            t("open-inner-quote") or "\u2018",
            t("close-inner-quote") or "\u2019",
        )

    # -- the public entry point --------------------------------------------------------------

    def process(
        self,
        items: Sequence[Mapping[str, Any]],
        citations: Sequence[Sequence[Mapping[str, Any]]] | None = None,
        notes: Sequence[int | None] | None = None,
        *,
        bibliography: bool = True,
        listed: Sequence[str] = (),
    ) -> Result:
        """Render ``citations`` (lists of cites: ``id``, ``locator``, ``label``, ``prefix``,
        ``suffix``) and the bibliography of the cited items (all items when no citations)."""
        data = {}
        for raw in items:
            item = normalize_item(raw)
            data[item["id"]] = item
        cited: list[str] = []
        for key in listed:
            if str(key) in data and str(key) not in cited:
                cited.append(str(key))
        given = [list(c) for c in citations] if citations is not None else None
        for citation in given or []:
            for cite in citation:
                key = str(cite.get("id"))
                if key in data and key not in cited:
                    cited.append(key)
        if given is None:
            cited += [k for k in data if k not in cited]
        self.data = data
        self.disamb = {}
        self.year_suffixes = {}
        order, numbers = self._order(cited)
        self.numbers = numbers
        states: list[list[tuple[dict[str, Any], CiteState]]] = []
        for citation in given or []:
            row = []
            for cite in citation:
                key = str(cite.get("id"))
                if key not in data:
                    continue
                row.append((dict(cite), self._state(key, cite)))
            states.append(row)
        self._positions(states, notes)
        for row in states:
            for cite, st in row:
                if "position" in cite:
                    _given_position(cite, st)
        suffixes, disamb = disambiguate(self, order, states)
        self.year_suffixes = suffixes
        self.disamb = disamb
        texts = [self._citation(row) for row in states]
        keyed: list[tuple[str, Part]] = []
        if bibliography and self.style.bibliography is not None:
            keyed = self._bibliography(order)
        cites = [[(str(c["id"]), st) for c, st in row] for row in states]
        entries = [entry for _, entry in keyed]
        return Result(entries, texts, order, cites, [key for key, _ in keyed])

    # -- order and numbers -------------------------------------------------------------------

    def _state(self, key: str, cite: Mapping[str, Any] | None = None) -> CiteState:
        st = CiteState()
        st.citation_number = self.numbers.get(key)
        if cite:
            loc = cite.get("locator")
            scalar = isinstance(loc, (str, int, float)) and not isinstance(loc, bool)
            st.locator = (str(loc).strip() or None) if scalar else None
            given = cite.get("label")
            label = (given if isinstance(given, str) and given else "page").replace(" ", "-")
            st.label = label if st.locator else None
        return st

    def _order(self, cited: list[str]) -> tuple[list[str], dict[str, int]]:
        bib = self.style.bibliography
        numbers = {key: i + 1 for i, key in enumerate(cited)}
        if bib is None or not bib.sort or len(cited) < 2:
            return cited, numbers
        keys = bib.sort
        plain_keys = tuple(k for k in keys if k.attrs.get("variable") != "citation-number")
        if plain_keys == keys:
            self.numbers = numbers
            order = self._sorted(cited, keys, "bibliography")
            self.numbers = {key: i + 1 for i, key in enumerate(order)}
            return order, self.numbers
        if plain_keys:
            self.numbers = numbers
            ranked = self._sorted(cited, plain_keys, "bibliography")
            numbers = {key: i + 1 for i, key in enumerate(ranked)}
        self.numbers = numbers
        order = self._sorted(cited, keys, "bibliography")
        return order, numbers

    def _sorted(self, keys_: list[str], keys: tuple[Any, ...], mode: str) -> list[str]:
        directions = [k.attrs.get("sort", "ascending") for k in keys]
        states: dict[str, CiteState] = {}

        def value(i: int, k: int) -> SortValue:
            key = keys_[i]
            st = states.get(key)
            if st is None:
                st = states[key] = CiteState()
                st.citation_number = self.numbers.get(key)
            return sort_value(self.style, self.locale, keys[k], self.data[key], st, mode)

        return [keys_[i] for i in lazy_order(len(keys_), value, directions)]

    # -- positions ---------------------------------------------------------------------------

    def _positions(
        self,
        states: list[list[tuple[dict[str, Any], CiteState]]],
        notes: Sequence[int | None] | None,
    ) -> None:
        distance = (
            int(self.style.citation.attrs.get("near-note-distance", "5"))
            if self.style.citation
            else 5
        )
        # citations in the running text (note number 0) and those in notes are two
        # sequences: a cite is first, subsequent or ibid within its own (citeproc-js
        # tracks them apart, so an in-text cite can be ibid to the in-text cite before it
        # across a footnote)
        in_text: list[tuple[int, list[tuple[dict[str, Any], CiteState]]]] = []
        in_notes: list[tuple[int, list[tuple[dict[str, Any], CiteState]]]] = []
        self.first_notes = {}
        for ci, row in enumerate(states):
            given_note = notes[ci] if notes is not None and ci < len(notes) else None
            note = given_note if given_note is not None else ci + 1
            (in_text if note == 0 else in_notes).append((note, row))
            for cite, _ in row:
                self.first_notes.setdefault(str(cite["id"]), note)
        if in_text:
            self._positions_of(in_text, distance, in_text=True)
        self._positions_of(in_notes, distance, in_text=False)

    @staticmethod
    def _positions_of(
        rows: list[tuple[int, list[tuple[dict[str, Any], CiteState]]]],
        distance: int,
        *,
        in_text: bool,
    ) -> None:
        last_note: dict[str, int] = {}
        first_note: dict[str, int] = {}
        seen: set[str] = set()
        # a cite is ibid to the citation before it in another note only when that note
        # is the one just before and holds no other cite (citeproc-js); in the same note
        # (or the running text) the last cite before it counts
        per_note: dict[int, int] = {}
        for note, row in rows:
            per_note[note] = per_note.get(note, 0) + len(row)
        prev_row: list[tuple[dict[str, Any], CiteState]] | None = None
        prev_note = 0
        for note, row in rows:
            for j, (cite, st) in enumerate(row):
                key = str(cite["id"])
                if key not in seen:
                    st.position = 0
                else:
                    previous: tuple[dict[str, Any], CiteState] | None = None
                    if j > 0:
                        previous = row[j - 1]
                    elif prev_row is None:
                        pass
                    elif prev_note == note:
                        previous = prev_row[-1]
                    elif prev_note >= note - 1 and (per_note[prev_note] == 1 or prev_note == 0):
                        previous = prev_row[0]
                    if previous is not None and str(previous[0]["id"]) == key:
                        mine = (st.locator, st.label) if st.locator else None
                        theirs = (
                            (previous[1].locator, previous[1].label)
                            if previous[1].locator
                            else None
                        )
                        if mine == theirs:
                            st.position = 3
                        elif mine is None:
                            st.position = 1
                        else:
                            st.position = 2
                    else:
                        st.position = 1
                    if in_text or (key in last_note and note - last_note[key] <= distance):
                        st.near_note = True
                    st.first_note = first_note.get(key)
                seen.add(key)
                first_note.setdefault(key, note)
                last_note[key] = note
            if row:
                prev_row = row
                prev_note = note

    # -- rendering ---------------------------------------------------------------------------

    def evaluator(self, key: str, st: CiteState, mode: str = "citation") -> Evaluator:
        """An evaluator for one item with the disambiguation state the processor found."""
        if not self.disamb_override:
            extra = self.disamb.get(key)
            if extra is not None:
                st.disambiguate = extra.disambiguate
                if mode == "citation":
                    st.et_al_use_first = extra.et_al_use_first
                    st.givenname_level = dict(extra.givenname_level)
            st.year_suffix = self.year_suffixes.get(key)
        return Evaluator(self.style, self.locale, self.data[key], st, mode)

    def render_cite(self, key: str, st: CiteState) -> Part | None:
        """One cite's rendering (without the cite's own prefix and suffix)."""
        citation = self.style.citation
        if citation is None:
            return None
        ev = self.evaluator(key, st)
        if self.disamb_override:
            # the text two cites are compared by leaves out the date the work was looked
            # at: it tells no two works apart (citeproc-js: "just looking" skips accessed)
            ev.dates["accessed"] = None
        return ev.layout(citation.layout)

    def render_without_names(self, key: str, st: CiteState) -> Part | None:
        """A cite without its first names (a later cite of the same author, collapsed)."""
        citation = self.style.citation
        if citation is None:
            return None
        ev = self.evaluator(key, st)
        ev.suppress_names = True
        return ev.layout(citation.layout)

    def _citation(self, row: list[tuple[dict[str, Any], CiteState]]) -> Part:
        citation = self.style.citation
        if citation is None or not row:
            return ""
        layout = citation.layout
        if citation.sort and len(row) > 1:
            directions = [k.attrs.get("sort", "ascending") for k in citation.sort]
            sort_keys = citation.sort

            def value(i: int, k: int) -> SortValue:
                cite, st = row[i]
                item = self.data[str(cite["id"])]
                return sort_value(self.style, self.locale, sort_keys[k], item, st, "citation")

            row = [row[i] for i in lazy_order(len(row), value, directions)]
        rendered: list[tuple[dict[str, Any], CiteState, Part | None, Evaluator]] = []
        note = self.style.attrs.get("class") == "note"
        for i, (cite, st) in enumerate(row):
            key = str(cite["id"])
            ev = self.evaluator(key, st)
            part = ev.layout(layout)
            prefix = str(cite.get("prefix") or "")
            if note and part is not None and ((i == 0 and not prefix) or _ends_sentence(prefix)):
                part = _capitalize_term(part)
            rendered.append((cite, st, part, ev))
        delimiter = layout.attrs.get("delimiter", "")
        pieces = collapse_citation(self, rendered, delimiter)
        body = concat(pieces) if pieces else None
        if body is None or is_empty(body):
            return ""
        ev0 = rendered[0][3]
        out = _layout_decorate(ev0, body, layout.attrs)
        return out if out is not None else ""

    def cite_affixes(self, cite: Mapping[str, Any], part: Part | None) -> Part | None:
        """A cite with its own prefix and suffix."""
        if part is None:
            return None
        prefix = cite.get("prefix") or ""
        suffix = cite.get("suffix") or ""
        if not prefix and not suffix:
            return part
        # a cite's own affixes are the writer's text: no punctuation moves into their quotes
        pre: Part | None = Out("verbatim", [parse_markup(str(prefix), False)]) if prefix else None
        suf: Part | None = Out("verbatim", [parse_markup(str(suffix), False)]) if suffix else None
        if pre is not None and plain(pre)[-1:].isalnum():
            pre = concat([pre, " "])
        if suf is not None and plain(suf)[:1].isalnum():
            suf = concat([" ", suf])
        return concat([pre, part, suf])

    def _entry(
        self,
        key: str,
        layout: Element,
        attrs: Mapping[str, str],
        second_field: str | None,
        substitute: tuple[str, str] | None,
    ) -> tuple[Evaluator, Part | None]:
        """One bibliography entry, and the evaluator that made it."""
        ev = self.evaluator(key, self._state(key), "bibliography")
        ev.names_substitute = substitute
        if second_field and layout.children:
            return ev, _second_field(ev, layout, attrs)
        return ev, _layout_decorate(ev, ev.layout(layout), attrs)

    def _bibliography(self, order: list[str]) -> list[tuple[str, Part]]:
        bib = self.style.bibliography
        if bib is None:
            return []
        layout = bib.layout
        attrs = dict(layout.attrs)
        attrs.pop("delimiter", None)
        entries: list[tuple[str, Part]] = []
        substitute = bib.attrs.get("subsequent-author-substitute")
        rule = bib.attrs.get("subsequent-author-substitute-rule", "complete-all")
        previous_names: str | None = None
        second_field = bib.attrs.get("second-field-align")
        for key in order:
            ev, part = self._entry(key, layout, attrs, second_field, None)
            if substitute is not None:
                names = plain(ev.first_names) if ev.first_names is not None else None
                if names and names == previous_names:
                    # the same names as the entry before: rendered again with the substitute
                    ev, part = self._entry(key, layout, attrs, second_field, (substitute, rule))
                previous_names = names
            if part is None and self.cites_by_number:
                # a cite's number points at this entry: the list keeps its place, saying
                # why it is empty, as citeproc-js does
                part = f"{len(entries) + 1}. {NO_PRINTED_FORM}"
            if part is None:
                continue
            entries.append((key, part))
        return entries


_GIVEN_POSITIONS: Final = {0: 0, 1: 1, 2: 3, 3: 2, 4: 1}
"""citeproc-js's position numbers (first, subsequent, ibid, ibid-with-locator, a later
cite of the container) as :class:`CiteState` numbers them."""


def _given_position(cite: Mapping[str, Any], st: CiteState) -> None:
    """A cite that says where it stands (``position``, ``near-note``,
    ``first-reference-note-number``, as a citation item for citeproc-js's
    ``makeCitationCluster`` does) is taken at its word instead of the document order."""
    position = cite.get("position")
    if isinstance(position, bool) or not isinstance(position, int):
        return
    if position not in _GIVEN_POSITIONS:
        return
    st.position = _GIVEN_POSITIONS[position]
    st.near_note = cite.get("near-note") is True
    note = cite.get("first-reference-note-number")
    st.first_note = note if isinstance(note, int) and not isinstance(note, bool) else None


def _prints_number(style: Style, layout: Element) -> bool:
    """Whether ``layout`` (or a macro it calls) prints ``citation-number``."""
    stack, seen = [layout], set()
    while stack:
        node = stack.pop()
        if node.name == "text":
            if node.attrs.get("variable") == "citation-number":
                return True
            macro = node.attrs.get("macro")
            if macro is not None and macro in style.macros and macro not in seen:
                seen.add(macro)
                stack.append(style.macros[macro])
        stack.extend(node.children)
    return False


def _ends_sentence(prefix: str) -> bool:
    """Whether a cite prefix is a sentence (``See the note.``), not one abbreviated word."""
    text = prefix.strip().rstrip("\u201d\u2019\"'")
    return " " in text and text.endswith((".", "!", "?"))


def _second_field(ev: Evaluator, layout: Element, attrs: Mapping[str, str]) -> Part | None:
    """An entry in two blocks: its first element in the margin, the rest beside it."""
    first = ev.render(layout.children[0])
    rest = join(ev.rest(layout), "")
    if first is None:
        return ev.decorate(rest, dict(attrs), case=False)
    margin = ev.decorate(concat([attrs.get("prefix", ""), first]), {}) or first
    rest_dec = ev.decorate(rest, {"suffix": attrs.get("suffix", "")}, case=False)
    trailing = ""
    while rest_dec is not None and last_char(rest_dec) == " ":
        rest_dec = drop_last(rest_dec)  # a trailing space goes after the block (citeproc-js)
        trailing += " "
    inline = Out("display", [rest_dec], "right-inline") if rest_dec is not None else None
    return concat([Out("display", [margin], "left-margin"), inline, trailing])


def _capitalize_term(part: Part) -> Part:
    """A note's citation that starts with a term starts with a capital (``Ibid.``)."""
    if isinstance(part, str):
        return part
    if part.kind == "term":
        from citekit.csl.text_case import apply_case

        return apply_case(part, "capitalize-first")
    for i, child in enumerate(part.children):
        if is_empty(child):
            continue
        if isinstance(child, str):
            return part
        if child.kind == "term":
            text = plain(child)
            if text[:1].islower():
                from citekit.csl.text_case import apply_case

                new = apply_case(child, "capitalize-first")
                return Out(
                    part.kind, [*part.children[:i], new, *part.children[i + 1 :]], part.value
                )
            return part
        new_child = _capitalize_term(child)
        return Out(part.kind, [*part.children[:i], new_child, *part.children[i + 1 :]], part.value)
    return part


def _into_last_display(part: Part, suffix: str) -> Part | None:
    """The entry with a layout's suffix at the end of the display block it ends with (its
    last ``right-inline``), where citeproc-js puts it; None when it ends otherwise."""
    if not isinstance(part, Out) or part.kind not in ("seq", "display"):
        return None
    if part.kind == "display":
        return Out("display", [*part.children, suffix], part.value)
    last = max((i for i, c in enumerate(part.children) if not is_empty(c)), default=None)
    if last is None:
        return None
    inner = _into_last_display(part.children[last], suffix)
    if inner is None:
        return None
    return Out(part.kind, [*part.children[:last], inner, *part.children[last + 1 :]], part.value)


def _layout_decorate(ev: Evaluator, body: Part | None, attrs: Mapping[str, str]) -> Part | None:
    """A layout's affixes go inside its formatting."""
    if body is None or is_empty(body):
        return None
    suffix = attrs.get("suffix", "")
    moved = _into_last_display(body, suffix) if suffix else None
    if moved is not None:
        body, suffix = moved, ""
    inner = concat([attrs.get("prefix", ""), body, suffix])
    rest = {k: v for k, v in attrs.items() if k not in ("prefix", "suffix", "delimiter")}
    return ev.decorate(inner, rest, case=False)
