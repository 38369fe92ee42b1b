"""The evaluator: one item (and one cite of it) through a layout, into an output tree.

Rendering elements (``text``, ``number``, ``label``, ``names``, ``date``, ``group``,
``choose``) are compiled once each into a function of the evaluator (``text``, ``group``
and ``choose`` wholly, the others through a method). Formatting, quotes, affixes, text
case, strip-periods and ``display`` are applied by :meth:`Evaluator.decorate` (compiled per
element by ``_decorator``). A group is left out when it calls variables and all of them are
empty; variables a ``<substitute>`` used are not printed
again in the same item.

>>> from citekit.csl.parse import parse_style
>>> from citekit.csl.locale import load_locale
>>> style = parse_style('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">'
...     '<citation><layout><text variable="title" font-style="italic"/></layout></citation>'
...     '</style>')
>>> ev = Evaluator(style, load_locale("en-US"), {"id": "a", "title": "Walden"})
>>> from citekit.csl.output import to_html
>>> to_html(ev.layout(style.citation.layout))
'<i>Walden</i>'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from citekit.csl.dates import DateValue, date_sort_key, read_date, render_date
from citekit.csl.locale import Locale
from citekit.csl.names import is_romanesque, name_parts, render_name
from citekit.csl.numbers import is_numeric, is_plural, page_range, roman, split_numbers
from citekit.csl.output import Out, Part, concat, is_empty, join, join_present, parse_markup
from citekit.csl.parse import Element, Style
from citekit.csl.text_case import apply_case

__all__ = [
    "DATE_VARIABLES",
    "NAME_VARIABLES",
    "NUMBER_VARIABLES",
    "CiteState",
    "Evaluator",
    "trigraph",
]

NAME_VARIABLES: Final = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "editor-translator",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)
DATE_VARIABLES: Final = frozenset(
    ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
)
NUMBER_VARIABLES: Final = frozenset(
    [
        "chapter-number",
        "citation-number",
        "collection-number",
        "edition",
        "first-reference-note-number",
        "issue",
        "locator",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "page",
        "part-number",
        "printing-number",
        "section",
        "supplement-number",
        "version",
        "volume",
    ]
)
FORMATTING: Final = (
    "font-style",
    "font-variant",
    "font-weight",
    "text-decoration",
    "vertical-align",
)
DECORATIONS: Final = frozenset(
    (*FORMATTING, "text-case", "strip-periods", "quotes", "prefix", "suffix", "display")
)
POSITIONS: Final = {"first": 0, "subsequent": 1, "ibid-with-locator": 2, "ibid": 3}


def _blank(value: object) -> bool:
    """Whether a variable's value is ``""`` or ``[]`` (an empty string or list: what
    ``value == "" or value == []`` says, with type tests where those comparisons were
    generic calls, compiled)."""
    return isinstance(value, (str, list)) and not value


class CiteState:
    """What a cite knows beyond its item: position, locator, numbers, disambiguation."""

    __slots__ = (
        "citation_number", "disambiguate", "et_al_use_first", "first_note", "givenname_level",
        "label", "locator", "near_note", "position", "year_suffix",
    )  # fmt: skip

    def __init__(self) -> None:
        self.position = 0  # 0 first, 1 subsequent, 2 ibid-with-locator, 3 ibid
        self.near_note = False
        self.locator: str | None = None
        self.label: str | None = None
        self.citation_number: int | None = None
        self.first_note: int | None = None
        self.year_suffix: str | None = None
        self.disambiguate = 0
        """How many ``disambiguate="true"`` tests pass (the first ones met): 0 none."""
        self.et_al_use_first: int | None = None
        self.givenname_level: dict[int, int] = {}  # name index → 0 none, 1 initials, 2 full


class Evaluator:
    """Renders one item under one style and locale."""

    def __init__(
        self,
        style: Style,
        locale: Locale,
        item: dict[str, Any],
        state: CiteState | None = None,
        mode: str = "citation",
        sort_mode: bool = False,
        name_overrides: dict[str, str] | None = None,
    ) -> None:
        self.style = style
        self.locale = locale
        self.item = item
        self.state = state or CiteState()
        self.mode = mode
        self.sort_mode = sort_mode
        self.name_overrides = name_overrides or {}
        self.suppressed: set[str] = set()
        self.type = str(item.get("type", ""))
        self.range_dash = locale.term("page-range-delimiter") or "\u2013"
        self.called = 0
        self.rendered = 0
        self.year_suffix_done = False
        self.disambiguate_used = 0
        self.name_counter = 0
        self.names_seen: list[Part] = []
        self.first_names: Part | None = None
        self.suppress_names = False
        self.names_substitute: tuple[str, str] | None = None
        """subsequent-author-substitute's text and rule, for an entry whose names repeat
        the entry before's."""
        self.substituting = 0
        self.dates: dict[str, DateValue | None] = {}
        inherited = style.inherited.get(mode)
        if inherited is None:
            section = style.citation if mode == "citation" else style.bibliography
            inherited = style.inherited[mode] = dict(style.attrs)
            if section is not None:
                inherited.update(section.attrs)
        self.inherited: dict[str, str] = inherited
        """The options names inherit (read-only: shared by every evaluator of the mode)."""

    # -- variables -------------------------------------------------------------------------

    def value(self, name: str) -> Any:
        """A variable's value for this item and cite (None when empty or suppressed)."""
        if self.suppressed and name in self.suppressed:  # mostly empty: no set look-up
            return None
        if name not in _COMPUTED:
            value = self.item.get(name)
            if value is None or _blank(value):
                return None
            return value
        st = self.state
        if name == "locator":
            return st.locator or None
        if name == "citation-number":
            return st.citation_number
        if name == "year-suffix":
            return st.year_suffix
        if name == "first-reference-note-number":
            return st.first_note if st.position else None
        if name == "citation-label" and not self.item.get("citation-label"):
            return trigraph(self.item)
        if name == "page-first":
            page = self.item.get("page-first") or self.item.get("page")
            if page is None:
                return None
            return split_numbers(str(page))[0] if str(page) else None
        value = self.item.get(name)
        if value is None or _blank(value):
            return None
        return value

    def date_of(self, name: str) -> DateValue | None:
        """A date variable read (once per evaluator: conditions ask again and again)."""
        if self.suppressed and name in self.suppressed:
            return None
        dates = self.dates
        if name in dates:
            return dates[name]
        date = dates[name] = read_date(self.value(name))
        return date

    # -- decoration ------------------------------------------------------------------------

    def decorate(
        self, part: Part | None, attrs: dict[str, str], case: bool = True, affixes: bool = True
    ) -> Part | None:
        """Text case, strip-periods, formatting, quotes, affixes and display of an element."""
        if part is None or is_empty(part):
            return None
        if DECORATIONS.isdisjoint(attrs):
            return part  # most elements carry nothing to apply
        if case and "text-case" in attrs:
            tc = attrs["text-case"]
            if tc != "title" or self._english():
                part = apply_case(part, tc, str(self.item.get("language") or ""))
        if attrs.get("strip-periods") == "true":
            part = _strip_periods(part)
        for key in FORMATTING:
            v = attrs.get(key)
            if v is not None:
                part = Out("fmt", [part], (key, v))
        if attrs.get("quotes") == "true":
            part = Out("quote", [part])
        if affixes:
            prefix, suffix = attrs.get("prefix", ""), attrs.get("suffix", "")
            if prefix or suffix:
                part = _affixed(prefix, part, suffix)
        display = attrs.get("display")
        if display:
            part = Out("display", [part], display)
        return part

    def decorate_as(self, el: Element, part: Part | None) -> Part | None:
        """:meth:`decorate` with ``el``'s attributes (text case included), its decisions
        taken once per element (:func:`_decorator`) rather than on every call."""
        decorate = el.decorator
        if decorate is None:
            decorate = el.decorator = _decorator(el.attrs)
        return decorate(self, part)  # type: ignore[no-any-return]

    def _english(self) -> bool:
        lang = str(self.item.get("language") or "")
        if not lang:
            return self.locale.lang.startswith("en")
        return lang.lower().startswith("en")

    # -- dispatch --------------------------------------------------------------------------

    def render(self, element: Element) -> Part | None:
        """Any rendering element (through its compiled form, made once per element)."""
        return run_of(element, self.style)(self)

    def children(self, element: Element, delimiter: str = "") -> Part | None:
        """An element's children, rendered and joined; the elements of a ``<choose>``'s
        branch count as the parent's children (the parent's delimiter goes between them)."""
        out: list[Part] = []
        items_of(element, self.style)(self, out)
        return join_present(out, delimiter)

    def rest(self, layout: Element) -> list[Part]:
        """The outputs of a layout's children after the first (second-field-align's second
        field; compiled once per layout, not per entry)."""
        fill = layout.compiled
        if fill is None:
            fill = layout.compiled = _compile_items(layout.children[1:], self.style)
        out: list[Part] = []
        fill(self, out)  # type: ignore[operator]
        return out

    def layout(self, layout: Element) -> Part | None:
        """A ``<layout>`` for this item (without the layout's own affixes)."""
        out: list[Part] = []
        items_of(layout, self.style)(self, out)
        return join_present(out, "")

    # -- text ------------------------------------------------------------------------------

    def text(self, el: Element) -> Part | None:
        """A ``<text>`` element (compiled: :func:`_compile_text`)."""
        return run_of(el, self.style)(self)

    def text_variable(self, name: str, form: str) -> Part | None:
        value = None
        if form == "short":
            value = self.value(f"{name}-short")
        if value is None:
            value = self.value(name)
        if value is None or isinstance(value, (dict, list, bool)):
            return None  # not text: a structured value in a text variable prints nothing
        if name == "year-suffix":
            self.year_suffix_done = True
            return str(value)
        if name == "citation-number":
            return str(value)
        if name == "citation-label":
            suffix = self.state.year_suffix
            if suffix and not self.year_suffix_done and not self.style_has_year_suffix:
                self.year_suffix_done = True
                return f"{value}{suffix}"
            return str(value)
        if name in ("page", "locator"):
            text = str(value)
            if name == "page" or (self.state.label or "page") == "page":
                text = page_range(text, self.style.attrs.get("page-range-format"), self.range_dash)
            else:
                text = page_range(text, None, self.range_dash)
            if " & " in text and is_numeric(text):
                text = text.replace(" & ", f" {self.locale.term('and', 'symbol') or '&'} ")
            return parse_markup(text) if name == "locator" else text
        if name in ("URL", "DOI", "PMID", "PMCID"):
            return str(value)
        if name in NUMBER_VARIABLES and is_numeric(str(value)):
            return page_range(str(value), None, self.range_dash)  # 3-4 → 3–4
        return parse_markup(str(value))

    # -- number ----------------------------------------------------------------------------

    def number(self, el: Element) -> Part | None:
        name = el.attrs.get("variable", "")
        self.called += 1
        value = self.value(name)
        if value is None:
            return None
        self.rendered += 1
        if self.substituting:
            self.suppressed.add(name)
        text = str(value)
        form = el.attrs.get("form", "numeric")
        if form == "numeric" and name != "page" and text.isdigit() and text.isascii():
            return self.decorate_as(el, str(int(text)))  # what the loop below makes of it
        if not is_numeric(text):
            return self.decorate_as(el, text)
        gender = self.locale.gender(name)
        out: list[str] = []
        for token in split_numbers(text):
            stripped = token.strip()
            digits = "".join(ch for ch in stripped if ch.isdigit())
            if digits and stripped.isalnum():
                n = int(digits)
                if not stripped.isdigit():
                    out.append(stripped)
                elif form == "ordinal":
                    out.append(f"{n}{self.locale.ordinal(n, gender)}")
                elif form == "long-ordinal":
                    word = (
                        self.locale.term(f"long-ordinal-{n:02d}", gender=gender)
                        if n <= 10
                        else None
                    )
                    out.append(word or f"{n}{self.locale.ordinal(n, gender)}")
                elif form == "roman":
                    out.append(roman(n))
                else:
                    out.append(str(n))
            elif stripped in ("-", "\u2013"):
                out.append(self.range_dash)
            elif stripped == ",":
                out.append(", ")
            elif stripped == "&":
                out.append(f" {self.locale.term('and', 'symbol') or '&'} ")
            elif stripped == "and":
                out.append(" and ")
            else:
                out.append(token)
        result = "".join(out)
        if name == "page":
            result = page_range(result, self.style.attrs.get("page-range-format"), self.range_dash)
        return self.decorate_as(el, result)

    # -- label -----------------------------------------------------------------------------

    def label(
        self,
        el: Element,
        variable: str | None = None,
        names_count: int = 0,
        term_name: str | None = None,
    ) -> Part | None:
        name = variable or el.attrs.get("variable", "")
        form = el.attrs.get("form", "long")
        plural_attr = el.attrs.get("plural", "contextual")
        if term_name is not None:
            plural = names_count > 1
            term = term_name
        else:
            value = self.value(name)
            if value is None:
                return None
            term = name
            if name == "locator":
                if _labelled(self.locale, str(value)):
                    return None
                term = self.state.label or "page"
            if name in ("number-of-pages", "number-of-volumes"):
                digits = "".join(ch for ch in str(value) if ch.isdigit())
                plural = (
                    bool(digits) and int(digits) > 1 if str(value).isdigit() else is_plural(value)
                )
            else:
                plural = is_plural(value)
        if plural_attr == "always":
            plural = True
        elif plural_attr == "never":
            plural = False
        text = self.locale.term(term, form, plural)
        if not text:
            return None
        return self.decorate_as(el, parse_markup(text))

    # -- group and choose ------------------------------------------------------------------

    def group(self, el: Element) -> Part | None:
        """A ``<group>`` (compiled: :func:`_compile_group`)."""
        return run_of(el, self.style)(self)

    def choose(self, el: Element) -> Part | None:
        """A ``<choose>``: its first branch that holds (compiled: :func:`_compile_choose`)."""
        return run_of(el, self.style)(self)

    def test(self, el: Element) -> bool:
        """Whether an ``<if>`` or ``<else-if>`` holds (its tests are compiled once)."""
        return _condition(el)(self)

    def _cond_type(self, v: str) -> bool:
        return str(self.item.get("type", "")) == v

    def _cond_variable(self, v: str) -> bool:
        if v in NAME_VARIABLES:
            return bool(_name_list(self.value(v)))
        if v in DATE_VARIABLES:
            return read_date(self.value(v)) is not None
        return self.value(v) is not None

    def _cond_numeric(self, v: str) -> bool:
        value = self.value(v)
        return value is not None and is_numeric(str(value) if not isinstance(value, int) else value)

    def _cond_uncertain(self, v: str) -> bool:
        date = self.date_of(v)
        return bool(date and date.circa)

    def _cond_locator(self, v: str) -> bool:
        if not self.state.locator:
            return False
        label = self.state.label or "page"
        return label == v or (v == "sub-verbo" and label == "sub verbo")

    def _cond_position(self, v: str) -> bool:
        if self.mode != "citation":
            return False
        pos = self.state.position
        if v == "first":
            return pos == 0
        if v == "subsequent":
            return pos >= 1
        if v == "ibid":
            return pos >= 2
        if v == "ibid-with-locator":
            return pos == 2
        if v == "near-note":
            return pos >= 1 and self.state.near_note
        return False

    def _cond_disambiguate(self, v: str) -> bool:
        # the tests are turned on one at a time, in the order they are met, as far as
        # disambiguation needed them (citeproc-js adds the least extra text that works)
        if v != "true":
            return not self.state.disambiguate
        if self.disambiguate_used < self.state.disambiguate:
            self.disambiguate_used += 1
            return True
        return False

    # -- date ------------------------------------------------------------------------------

    def date(self, el: Element) -> Part | None:
        name = el.attrs.get("variable", "")
        self.called += 1
        date = self.date_of(name)
        if date is None:
            return None
        if self.sort_mode:
            self.rendered += 1
            if "form" in el.attrs:
                shown = el.attrs.get("date-parts", "year-month-day")
            else:
                shown = "-".join(str(p.attrs.get("name")) for p in el.all("date-part"))
            return date_sort_key(date, shown)
        part = render_date(self, el, date)
        if part is None:
            return None
        self.rendered += 1
        if self.substituting:  # a date a substitute printed is not printed again
            self.suppressed.add(name)
        if self.state.year_suffix and not self.year_suffix_done and not self.style_has_year_suffix:
            self.year_suffix_done = True
            part = _append_after_year(part, self.state.year_suffix)
        return self.decorate_as(el, part)

    @property
    def style_has_year_suffix(self) -> bool:
        return self.style.uses_year_suffix

    # -- names -----------------------------------------------------------------------------

    def names(self, el: Element, inherited_from: Element | None = None) -> Part | None:
        key = (id(inherited_from), self.mode, tuple(self.name_overrides.items()))
        setups = el.compiled
        if setups is None:
            setups = el.compiled = {}
        setup = setups.get(key)  # type: ignore[attr-defined]
        if setup is None:
            setup = setups[key] = self._names_setup(el, inherited_from)  # type: ignore[index]
        variables, name_el, et_al_el, label_el, label_first, opts, names_delim = setup
        count_form = opts.get("form") == "count"
        present = [v for v in variables if _name_list(self.value(v))]
        self.called += len(variables) or 1
        if present:
            self.rendered += 1
        parts: list[Part | None] = []
        first_core: Part | None = None
        total = 0
        # editor + translator, the same people: one list with the editortranslator term
        if (
            "editor" in present
            and "translator" in present
            and self.value("editor") == self.value("translator")
            and (
                label_el is None
                or self.locale.term("editortranslator", label_el.attrs.get("form", "long"))
            )
        ):
            present = [v for v in present if v != "translator"]
            combined = "editor"
        else:
            combined = ""
        for var in present:
            names = _name_list(self.value(var))
            rendered, count = self.name_list(names, opts, name_el, et_al_el)
            total += count
            if rendered is None:
                continue
            if name_el is not None:
                decorate = name_el.decorator  # a <name>'s formatting and affixes, made once
                if decorate is None:
                    decorate = name_el.decorator = _decorator(_NAME_DECOR(name_el.attrs))
                rendered = decorate(self, rendered) or rendered
            if first_core is None:
                first_core = rendered
                if self.names_substitute is not None and self.first_names is None:
                    rendered = self._substituted(rendered, count)
            elif self.names_substitute is not None and self.first_names is None:
                rendered = None  # complete-all: one substitute for every list
            if label_el is not None and not count_form and not self.sort_mode:
                term = "editortranslator" if combined and var == "editor" else var
                lab = self.label(label_el, term_name=term, names_count=len(names))
                rendered = concat([lab, rendered] if label_first else [rendered, lab])
            parts.append(rendered)
        if count_form:
            if total == 0:
                return self._substitute(el)
            return self.decorate(str(total), el.attrs)
        out = join(parts, names_delim)
        if out is None:
            if first_core is not None:  # names blanked by subsequent-author-substitute=""
                self.first_names = first_core
                return None
            return self._substitute(el)
        if self.substituting:
            self.suppressed.update(present)
            if combined:
                self.suppressed.add("translator")
        if self.first_names is None:
            self.first_names = first_core if first_core is not None else out
            if self.suppress_names:
                return None
        return self.decorate_as(el, out)

    def _names_setup(
        self, el: Element, inherited_from: Element | None
    ) -> tuple[
        list[str],
        Element | None,
        Element | None,
        Element | None,
        bool,
        dict[str, str],
        str,
    ]:
        """What a ``<names>`` takes from the style (the same for every item: worked out once
        per element, mode and sort key): its variables, ``<name>``, ``<et-al>`` and
        ``<label>`` (a substitute's inherited), whether the label goes first, the name
        options and the delimiter between lists."""
        variables = el.attrs.get("variable", "").split()
        name_el = el.child("name")
        et_al_el = el.child("et-al")
        label_el = el.child("label")
        if inherited_from is not None:
            name_el = name_el or inherited_from.child("name")
            et_al_el = et_al_el or inherited_from.child("et-al")
            label_el = label_el or inherited_from.child("label")
        label_first = False
        for c in (
            el.children
            if el.child("label") is not None
            else (inherited_from.children if inherited_from is not None else ())
        ):
            if c.name == "label":
                label_first = True
                break
            if c.name == "name":
                break
        opts = dict(self.inherited)
        opts.pop("delimiter", None)
        if "name-form" in opts:
            opts["form"] = opts["name-form"]
        if name_el is not None:
            opts.update(name_el.attrs)
        opts.update(self.name_overrides)
        names_delim = el.attrs.get("delimiter", self.inherited.get("names-delimiter", ""))
        name_delim = (
            name_el.attrs.get("delimiter") if name_el is not None else None
        ) or self.inherited.get("name-delimiter", ", ")
        opts["delimiter"] = name_delim
        return variables, name_el, et_al_el, label_el, label_first, opts, names_delim

    def _substituted(self, names: Part, count: int) -> Part | None:
        """The names of an entry that repeat the entry before's, replaced as
        ``subsequent-author-substitute-rule`` says (``complete-all``: the whole list;
        ``complete-each``: each name; a label stays)."""
        text, rule = self.names_substitute or ("", "complete-all")
        if rule == "complete-each" and count > 1:
            return join([text] * count, ", ")
        return text or None

    def _substitute(self, el: Element) -> Part | None:
        sub = el.child("substitute")
        if sub is None:
            return None
        for child in sub.children:
            before = self.called
            self.substituting += 1
            try:
                if child.name == "names":
                    part = self.names(child, inherited_from=el)
                    used = child.attrs.get("variable", "").split()
                else:
                    part = self.render(child)
                    used = []
            finally:
                self.substituting -= 1
            self.called = before
            if part is None and child.name == "text" and "term" in child.attrs:
                form = child.attrs.get("form", "long")
                if self.locale.term(child.attrs["term"], form) is not None:
                    return None  # a term the locale has, even empty, is the substitute
            if part is not None and not is_empty(part):
                self.suppressed.update(used)
                self.rendered += 1
                if self.first_names is None:
                    self.first_names = part
                    if self.suppress_names:
                        return None
                    if self.names_substitute is not None:
                        part = self._substituted(part, 1)
                return self.decorate(
                    part, {k: v for k, v in el.attrs.items() if k not in ("delimiter",)}
                )
        return None

    def name_list(
        self,
        names: list[dict[str, Any]],
        opts: dict[str, str],
        name_el: Element | None,
        et_al_el: Element | None,
    ) -> tuple[Part | None, int]:
        """A list of names with et-al and "and"; also the number of names printed."""
        if not names:
            return None, 0
        st = self.state
        subsequent = self.mode == "citation" and st.position >= 1
        min_key = (
            "et-al-subsequent-min" if subsequent and "et-al-subsequent-min" in opts else "et-al-min"
        )
        use_key = (
            "et-al-subsequent-use-first"
            if subsequent and "et-al-subsequent-use-first" in opts
            else "et-al-use-first"
        )
        et_al_min = _int(opts.get(min_key))
        use_first = _int(opts.get(use_key))
        use_last = opts.get("et-al-use-last") == "true"
        n = len(names)
        shown = n
        truncated = False
        if et_al_min is not None and use_first is not None and n >= et_al_min and use_first < n:
            shown = max(use_first, 0)
            truncated = True
        if st.et_al_use_first is not None and truncated:
            shown = max(shown, min(st.et_al_use_first, n))
            truncated = shown < n
        if shown == 0:
            return None, 0
        if opts.get("form") == "count":
            return None, shown
        form = opts.get("form", "long")
        as_sort = opts.get("name-as-sort-order")
        if self.sort_mode:
            as_sort = "all"
        rendered: list[Part] = []
        inverted_flags: list[bool] = []
        for i, name in enumerate(names[:shown]):
            inverted = as_sort == "all" or (as_sort == "first" and i == 0)
            inverted_flags.append(inverted and not name.get("literal") and bool(name.get("family")))
            level = st.givenname_level.get(self.name_counter + i, 0)
            name_opts = opts
            name_form = form
            if level >= 1 and form == "short":
                name_form = "long"
                if level >= 2 or "initialize-with" not in opts:
                    name_opts = (
                        {k: v for k, v in opts.items() if k != "initialize-with"}
                        if level >= 2
                        else opts
                    )
            elif level >= 2 and "initialize-with" in opts:
                name_opts = {k: v for k, v in opts.items() if k != "initialize-with"}
            part = render_name(
                self, name, name_opts, name_el, inverted, form=name_form, sort=self.sort_mode
            )
            if part is not None:
                rendered.append(part)
        self.name_counter += n
        if not rendered:
            return None, 0
        delim = opts.get("delimiter", ", ")
        and_attr = opts.get("and")
        and_word = None
        if and_attr == "text":
            and_word = self.locale.term("and") or "and"
        elif and_attr == "symbol":
            and_word = "&"
        if self.sort_mode:
            if truncated and use_last and n - shown >= 2:
                last = render_name(self, names[-1], opts, name_el, True, form=form, sort=True)
                rendered.append(last or "")
            return join(rendered, "   "), len(rendered)
        if truncated and use_last and n - shown >= 2:
            body = join(rendered, delim)
            last = render_name(self, names[-1], opts, name_el, as_sort == "all", form=form)
            return concat([body, delim, "\u2026 ", last]), len(rendered) + 1
        if truncated:
            body = join(rendered, delim)
            et_al_term = "et-al"
            et_al_attrs: dict[str, str] = {}
            if et_al_el is not None:
                et_al_term = et_al_el.attrs.get("term", "et-al")
                et_al_attrs = et_al_el.attrs
            et_al_text = self.locale.term(et_al_term)
            if not et_al_text:
                return body, len(rendered)
            et_al = self.decorate(et_al_text, et_al_attrs) or et_al_text
            precedes = opts.get("delimiter-precedes-et-al", "contextual")
            use = (
                precedes == "always"
                or (precedes == "contextual" and len(rendered) >= 2)
                or (precedes == "after-inverted-name" and inverted_flags[len(rendered) - 1])
            )
            # a term in a script written without spaces (等) joins the names with no
            # space; a delimiter the style asks for stays (as citeproc-js does)
            space = " " if is_romanesque(et_al_text[:1]) else ""
            return concat([body, delim if use else space, et_al]), len(rendered)
        if len(rendered) == 1:
            return rendered[0], 1
        if and_word is None:
            return join(rendered, delim), len(rendered)
        precedes = opts.get("delimiter-precedes-last", "contextual")
        last_inverted = as_sort == "all" or (as_sort == "first" and len(rendered) == 2)
        use = (
            precedes == "always"
            or (precedes == "contextual" and len(rendered) >= 3)
            or (precedes == "after-inverted-name" and inverted_flags[len(rendered) - 2])
        )
        del last_inverted
        head = join(rendered[:-1], delim)
        if not _starts_spaced(and_word):
            # an "and" of a script that writes it joined to the name (Hebrew ו) takes
            # no spaces; only delimiter-precedes-last="always" puts the delimiter before
            # it, between two names (citeproc-js)
            two_always = precedes == "always" and len(rendered) == 2
            return concat([head, delim if two_always else "", and_word, rendered[-1]]), len(
                rendered
            )
        glue = delim + and_word + " " if use else " " + and_word + " "
        return concat([head, glue, rendered[-1]]), len(rendered)


def _NAME_DECOR(attrs: dict[str, str]) -> dict[str, str]:  # noqa: N802
    return {k: v for k, v in attrs.items() if k in FORMATTING or k in ("prefix", "suffix")}


# -- compiled elements -----------------------------------------------------------------------
#
# Each rendering element is compiled once, on first use, into a closure of the evaluator
# (``Element.run``), and each element's children into one closure that adds their printing
# outputs to a list (``Element.kids``): the decisions that depend only on the style (which
# variable, which form, which affixes and formatting, which macro, which tests) are taken
# at compile time, so rendering an entry is a chain of calls with no attribute look-ups.
# With the other steps of the same change (groups skipped for items without their
# variables, names and dates set up once per element, lazy sort keys), a bibliography of
# 1,000 generated items takes a third of the CPU time it took before on apa.csl, a quarter
# on chicago-author-date.csl and two thirds on ieee.csl (user time, A/B in one sitting:
# 499 → 1,505, 306 → 1,119 and 1,856 → 2,624 references a second).

Runner = Callable[[Evaluator], Part | None]
Items = Callable[[Evaluator, list[Part]], None]
"""Compiled children: they add their outputs that print to the list given."""
Decorator = Callable[[Evaluator, Part | None], Part | None]
Test = Callable[[Evaluator], bool]

_COMPUTED: Final = frozenset(
    ["locator", "citation-number", "year-suffix", "first-reference-note-number",
     "citation-label", "page-first"]
)  # fmt: skip
"""Variables :meth:`Evaluator.value` works out rather than reads from the item."""


def run_of(el: Element, style: Style) -> Runner:
    """The element compiled (once: an element belongs to one style)."""
    fn = el.run
    if fn is None:
        fn = el.run = _compile(el, style)
    return fn  # type: ignore[no-any-return]


def items_of(el: Element, style: Style) -> Items:
    """The element's children compiled (once)."""
    fn = el.kids
    if fn is None:
        fn = el.kids = _compile_items(el.children, style)
    return fn  # type: ignore[no-any-return]


def _compile(el: Element, style: Style) -> Runner:
    name = el.name
    if name == "text":
        return _compile_text(el, style)
    if name == "group":
        return _compile_group(el, style)
    if name == "choose":
        return _compile_choose(el, style)
    method = _DISPATCH.get(name)
    if method is None:
        return _nothing

    def other(ev: Evaluator) -> Part | None:
        return method(ev, el)

    return other


def _nothing(_ev: Evaluator) -> Part | None:
    return None


def _compile_items(children: tuple[Element, ...], style: Style) -> Items:
    """Children whose outputs are joined by the parent; a ``<choose>`` adds its branch's.
    Empty outputs are left out here rather than by :func:`join`, with the loops written
    out: no comprehension frames and no second list per group or macro (apa's bibliography
    of 1,000 generated items makes 3.40 million Python calls instead of 3.54)."""
    if not any(c.name == "choose" for c in children):
        runs = tuple(run_of(c, style) for c in children)

        def fill_plain(ev: Evaluator, out: list[Part]) -> None:
            for run in runs:
                part = run(ev)
                if part and (isinstance(part, str) or not is_empty(part)):
                    out.append(part)

        return fill_plain
    steps: tuple[tuple[Runner | None, Callable[[Evaluator], Items | None] | None], ...] = tuple(
        (None, _compile_branches(c, style)) if c.name == "choose" else (run_of(c, style), None)
        for c in children
    )

    def fill(ev: Evaluator, out: list[Part]) -> None:
        for run, pick in steps:
            if run is not None:
                part = run(ev)
                if part and (isinstance(part, str) or not is_empty(part)):
                    out.append(part)
            elif pick is not None:
                branch = pick(ev)
                if branch is not None:
                    branch(ev, out)

    return fill


def _compile_branches(el: Element, style: Style) -> Callable[[Evaluator], Items | None]:
    """A ``<choose>``: the compiled children of its first branch that holds."""
    branches = tuple(
        (None if b.name == "else" else _condition(b), items_of(b, style)) for b in el.children
    )

    def pick(ev: Evaluator) -> Items | None:
        for test, items in branches:
            if test is None or test(ev):
                return items
        return None

    return pick


def _compile_choose(el: Element, style: Style) -> Runner:
    pick = _compile_branches(el, style)

    def choose(ev: Evaluator) -> Part | None:
        items = pick(ev)
        if items is None:
            return None
        out: list[Part] = []
        items(ev, out)
        return join_present(out, "")

    return choose


Static = tuple[frozenset[str], bool, bool, bool]
"""What an element does for an item that has none of its variables: the variables it
renders from, whether it always calls one (every path through its branches does), whether
it may count as printed for the group around it (``loose``), and whether it may print."""


def _static(el: Element, style: Style) -> Static:
    """:data:`Static` of an element (worked out once)."""
    found = el.static
    if found is None:
        found = el.static = _find_static(el, style)
    return found  # type: ignore[no-any-return]


def _find_static(el: Element, style: Style) -> Static:
    name, attrs = el.name, el.attrs
    if name == "text":
        if "variable" in attrs:
            var = attrs["variable"]
            counts = var != "year-suffix"  # never counts as called
            if attrs.get("form") == "short":
                return frozenset([var, f"{var}-short"]), counts, False, False
            return frozenset([var]), counts, False, False
        if "macro" in attrs:
            return _container(_static_items(style.macros[attrs["macro"]].children, style))
        if "term" in attrs or "value" in attrs:
            return frozenset(), False, False, True
        return frozenset(), False, False, False
    if name in ("number", "date"):
        return frozenset([attrs.get("variable", "")]), True, False, False
    if name == "label":
        return frozenset([attrs.get("variable", "")]), False, False, False
    variables: frozenset[str]
    if name == "names":
        variables = frozenset(attrs.get("variable", "").split())
        loose = False
        sub = el.child("substitute")
        if sub is not None:
            for child in sub.children:
                inner, _, child_loose, prints = _static(child, style)
                variables |= inner
                loose = loose or child_loose or prints  # a substitute that prints counts
        return variables, True, loose, loose
    if name == "group":
        return _container(_static_items(el.children, style))
    if name == "choose":
        variables = frozenset()
        calls = any(b.name == "else" for b in el.children)
        loose = prints = False
        for branch in el.children:
            inner, branch_calls, branch_loose, branch_prints = _static_items(branch.children, style)
            variables |= inner
            calls = calls and branch_calls
            loose = loose or branch_loose
            prints = prints or branch_prints
        return variables, calls, loose, prints
    return frozenset(), False, False, False


def _static_items(children: tuple[Element, ...], style: Style) -> Static:
    variables: frozenset[str] = frozenset()
    calls = loose = prints = False
    for child in children:
        inner, child_calls, child_loose, child_prints = _static(child, style)
        variables |= inner
        calls = calls or child_calls
        loose = loose or child_loose
        prints = prints or child_prints
    return variables, calls, loose, prints


def _container(items: Static) -> Static:
    """A group or macro of these children: printed nothing when they call a variable and
    none counts as printed; printed (and counted) when they may call none and print."""
    variables, calls, loose, prints = items
    loose = loose or (not calls and prints)
    return variables, calls, loose, loose


def _skippable(el: Element, style: Style) -> tuple[str, ...] | None:
    """The variables of a group or macro that prints nothing for an item without them (it
    always calls one and nothing in it counts as printed): for such an item, all that
    rendering it would do is tell the group around it that a variable was called. Checking
    first spares the walk through branches of kinds of work the item is not (on 1,000
    generated items, apa skips 9,000 of the 28,000 it checks, chicago 10,000 of 29,000)."""
    variables, calls, loose, _ = _static(el, style)
    if not calls or loose:
        return None
    return tuple(sorted(variables))


def _absent(ev: Evaluator, variables: tuple[str, ...]) -> bool:
    """Whether the item has none of ``variables`` (read from the item itself, except the
    ones the evaluator works out; a suppressed variable counts as there: the element is
    then rendered, as it would be without the check)."""
    item = ev.item
    for v in variables:
        if v in _COMPUTED:
            if ev.value(v) is not None:
                return False
        else:
            x = item.get(v)
            if not (x is None or _blank(x)):
                return False
    return True


def _compile_group(el: Element, style: Style) -> Runner:
    items = items_of(el, style)
    delimiter = el.attrs.get("delimiter", "")
    decorate = _decorator(el.attrs)
    needs = _skippable(el, style)

    def group(ev: Evaluator) -> Part | None:
        if needs is not None and _absent(ev, needs):
            ev.called += 1
            return None
        before_called, before_rendered = ev.called, ev.rendered
        out: list[Part] = []
        items(ev, out)
        part = join_present(out, delimiter)
        if part is None:
            return None
        if ev.called > before_called and ev.rendered == before_rendered:
            return None
        if ev.called == before_called:
            ev.rendered += 1  # a group that prints keeps the group around it
            ev.called += 1
        return decorate(ev, part)

    return group


def _compile_text(el: Element, style: Style) -> Runner:
    attrs = el.attrs
    decorate = _decorator(attrs)
    if "variable" in attrs:
        name = attrs["variable"]
        form = attrs.get("form", "long")
        counts = name != "year-suffix"  # filled later by disambiguation: never empties a group
        if name not in _SPECIAL_TEXT and name not in NUMBER_VARIABLES:
            return _compile_plain_variable(name, form, decorate)

        def text_variable(ev: Evaluator) -> Part | None:
            if counts:
                ev.called += 1
            part = ev.text_variable(name, form)
            if part is None:
                return None
            ev.rendered += 1
            if ev.substituting:
                ev.suppressed.add(name)
            return decorate(ev, part)

        return text_variable
    if "macro" in attrs:
        macro = items_of(style.macros[attrs["macro"]], style)
        needs = _skippable(el, style)

        def text_macro(ev: Evaluator) -> Part | None:
            if needs is not None and _absent(ev, needs):
                ev.called += 1
                return None
            before_called, before_rendered = ev.called, ev.rendered
            out: list[Part] = []
            macro(ev, out)
            part = join_present(out, "")
            if part is None:
                return None
            # a macro whose variables are all empty prints nothing, as a group would; one
            # that prints counts as a printed variable for the group around it
            if ev.called > before_called and ev.rendered == before_rendered:
                return None
            if ev.called == before_called:
                ev.rendered += 1
                ev.called += 1
            return decorate(ev, part)

        return text_macro
    if "term" in attrs:
        term_name = attrs["term"]
        form = attrs.get("form", "long")
        plural = attrs.get("plural") == "true"

        def text_term(ev: Evaluator) -> Part | None:
            term = ev.locale.term(term_name, form, plural)
            if not term:
                return None
            return decorate(ev, Out("term", [parse_markup(term) if "<" in term else term]))

        return text_term
    if "value" in attrs:
        raw = attrs["value"]
        fixed = parse_markup(raw)
        if isinstance(fixed, str):  # a string is never changed in place: made once

            def text_value(ev: Evaluator) -> Part | None:
                return decorate(ev, fixed)

            return text_value

        def text_markup(ev: Evaluator) -> Part | None:
            return decorate(ev, parse_markup(raw))

        return text_markup
    return _nothing


_SPECIAL_TEXT: Final = _COMPUTED | {"page", "URL", "DOI", "PMID", "PMCID"}
"""Text variables :meth:`Evaluator.text_variable` treats in a way of their own."""


def _compile_plain_variable(name: str, form: str, decorate: Decorator) -> Runner:
    """A ``<text variable>`` of a plain text variable (a title, a publisher): what
    :meth:`Evaluator.text_variable` does for it, without its tests for the special ones."""
    short = f"{name}-short" if form == "short" else None

    def text_plain(ev: Evaluator) -> Part | None:
        ev.called += 1
        value = ev.value(short) if short is not None else None
        if value is None:
            value = ev.value(name)
        if value is None or isinstance(value, (dict, list, bool)):
            return None  # not text: a structured value in a text variable prints nothing
        ev.rendered += 1
        if ev.substituting:
            ev.suppressed.add(name)
        return decorate(ev, parse_markup(str(value)))

    return text_plain


def _undecorated(_ev: Evaluator, part: Part | None) -> Part | None:
    return None if part is None or is_empty(part) else part


def _decorator(attrs: dict[str, str]) -> Decorator:
    """:meth:`Evaluator.decorate` for one element's attributes, its decisions taken once."""
    if DECORATIONS.isdisjoint(attrs):
        return _undecorated  # most elements carry nothing to apply
    case = attrs.get("text-case")
    strip = attrs.get("strip-periods") == "true"
    formats = tuple((key, attrs[key]) for key in FORMATTING if key in attrs)
    quotes = attrs.get("quotes") == "true"
    prefix, suffix = attrs.get("prefix", ""), attrs.get("suffix", "")
    display = attrs.get("display")

    def decorate(ev: Evaluator, part: Part | None) -> Part | None:
        if part is None or is_empty(part):
            return None
        if case is not None and (case != "title" or ev._english()):
            part = apply_case(part, case, str(ev.item.get("language") or ""))
        if strip:
            part = _strip_periods(part)
        for value in formats:
            part = Out("fmt", [part], value)
        if quotes:
            part = Out("quote", [part])
        if prefix or suffix:
            part = _affixed(prefix, part, suffix)
        if display:
            part = Out("display", [part], display)
        return part

    return decorate


def _affixed(prefix: str, part: Part, suffix: str) -> Part:
    """``part`` between its affixes, as one node: the parts of a sequence among them are
    its children, with no node of the sequence inside it (one node fewer to make and to
    walk per affixed element, some four an ieee entry)."""
    return concat([prefix, part, suffix], "affixed")


def _condition(el: Element) -> Test:
    """An ``<if>``'s or ``<else-if>``'s tests as one function (made once)."""
    test = el.compiled
    if test is None:
        test = el.compiled = _compile_condition(el)
    return test  # type: ignore[return-value]


def _compile_condition(el: Element) -> Test:
    types = frozenset(el.attrs.get("type", "").split())
    checks = tuple(
        _check(key, v)
        for key, raw in el.attrs.items()
        if key != "type" and key in _CONDITIONS
        for v in raw.split()
    )
    match = el.attrs.get("match", "all")
    if match in ("any", "none"):
        wanted = match == "any"
        if not checks:
            return lambda ev: (ev.type in types) is wanted
        if len(checks) == 1 and not types:
            (check,) = checks
            return check if wanted else lambda ev: not check(ev)

        def any_of(ev: Evaluator) -> bool:
            if ev.type in types:
                return wanted
            for check in checks:
                if check(ev):
                    return wanted
            return not wanted

        return any_of
    if (not types and not checks) or len(types) > 1:
        return lambda ev: False
    if types:
        (only,) = types
        if not checks:
            return lambda ev: ev.type == only
        return lambda ev: ev.type == only and all(check(ev) for check in checks)
    if len(checks) == 1:
        return checks[0]

    def all_of(ev: Evaluator) -> bool:
        return all(check(ev) for check in checks)  # rare: two tests or more

    return all_of


def _check(key: str, v: str) -> Test:
    """One test of a condition; ``variable`` tests know their kind of variable at once."""
    if key == "variable":
        if v in NAME_VARIABLES:
            return lambda ev: bool(_name_list(ev.value(v)))
        if v in DATE_VARIABLES:
            return lambda ev: ev.date_of(v) is not None
        return lambda ev: ev.value(v) is not None
    fn = _CONDITIONS[key]
    return lambda ev: fn(ev, v)


_SPACED_RANGES: Final = (
    (0x0E01, 0x0E5B), (0x00C0, 0x017F), (0x0370, 0x03FF), (0x0400, 0x052F), (0x0590, 0x05D4),
    (0x05D6, 0x05FF), (0x1F00, 0x1FFF), (0x0600, 0x06FF), (0x200C, 0x200E), (0x0218, 0x021B),
    (0x202A, 0x202E),
)  # fmt: skip


def _starts_spaced(word: str) -> bool:
    """Whether a term starts with a letter of the scripts citeproc-js sets apart with
    spaces (Latin, Greek, Cyrillic, Arabic, Hebrew but its prefix ו, Thai), or ``&``."""
    if not word:
        return True
    ch = word[0]
    if ch == "&" or ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
        return True
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _SPACED_RANGES)


_LOCATOR_TERMS: Final = (
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
    "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph",
    "part", "rule", "scene", "section", "sub-verbo", "supplement", "table", "timestamp",
    "title-locator", "verse", "volume",
)  # fmt: skip


def _labelled(locale: Locale, value: str) -> bool:
    """Whether a locator starts with a label of its own (``vol. 1, fol. 186``): the
    locator label is then left out, as citeproc-js does, not printed before it."""
    head = value.split(None, 1)
    if len(head) < 2 or not head[1][:1].isdigit():
        return False
    word = head[0]
    for name in _LOCATOR_TERMS:
        for plural in (False, True):
            if locale.term(name, "short", plural) == word:
                return True
    return False


def trigraph(item: dict[str, Any]) -> str | None:
    """CSL's default citation label: ``Doe65``, ``RoNo78``, ``ABC99`` (the first letters of
    up to four authors' family names and the year's last two digits)."""
    names = []
    for var in ("author", "editor", "translator"):
        value = item.get(var)
        if isinstance(value, list) and value:
            names = _name_list(value)
            break
    families = [name_parts(n)["family"] or str(n.get("literal") or "") for n in names]
    if len(families) == 1:
        head = families[0][:4]
    elif len(families) in (2, 3):
        head = "".join(f[:2] if len(families) == 2 else f[:1] for f in families)
    else:
        head = "".join(f[:1] for f in families[:4])
    date = read_date(item.get("issued"))
    year = f"{date.parts[0][0] % 100:02d}" if date and date.parts else ""
    label = head + year
    return label or None


def _name_list(value: object) -> list[dict[str, Any]]:
    """The names of a name variable (anything that is not a list of names is none)."""
    if not isinstance(value, list):
        return []
    return [n for n in value if isinstance(n, dict)]


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _strip_periods(part: Part) -> Part:
    if isinstance(part, str):
        return part.replace(".", "")
    return Out(part.kind, [_strip_periods(c) for c in part.children], part.value)


def _append_after_year(part: Part, suffix: str) -> Part:
    """The year-suffix after the first year printed in a date."""
    done = [False]

    def walk(p: Part) -> Part:
        if done[0]:
            return p
        if isinstance(p, str):
            import re

            m = re.search(r"\d{2,4}(?!.*\d{2,4})", p) if re.search(r"\d{2}", p) else None
            if m:
                done[0] = True
                return p[: m.end()] + suffix + p[m.end() :]
            return p
        return Out(p.kind, [walk(c) for c in p.children], p.value)

    out = walk(part)
    if not done[0]:
        return concat([part, suffix])
    return out


def _variables_of(el: Element, style: Style) -> list[str]:
    out: list[str] = []
    stack = [el]
    seen: set[str] = set()
    while stack:
        node = stack.pop()
        var = node.attrs.get("variable")
        if var and node.name in ("text", "number", "date", "names", "label"):
            out.extend(var.split())
        macro = node.attrs.get("macro")
        if macro and macro not in seen and node.name == "text":
            seen.add(macro)
            stack.append(style.macros[macro])
        stack.extend(node.children)
    return out


_DISPATCH: Final[dict[str, Callable[[Evaluator, Element], Part | None]]] = {
    "number": Evaluator.number,
    "label": Evaluator.label,
    "date": Evaluator.date,
    "names": Evaluator.names,
}

_CONDITIONS: Final[dict[str, Callable[[Evaluator, str], bool]]] = {
    "type": Evaluator._cond_type,
    "variable": Evaluator._cond_variable,
    "is-numeric": Evaluator._cond_numeric,
    "is-uncertain-date": Evaluator._cond_uncertain,
    "locator": Evaluator._cond_locator,
    "position": Evaluator._cond_position,
    "disambiguate": Evaluator._cond_disambiguate,
}
