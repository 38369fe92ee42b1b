"""Sort keys of CSL's ``<sort>``: variables and macros, ascending or descending, empty
values last, text compared by citekit's collation (UCA; in a Russian locale, Cyrillic
before Latin, as Russian lists are ordered).

>>> compare_keys([(False, "b")], [(False, "a")], ["ascending"]) > 0
True
"""

from __future__ import annotations

import re
from typing import Any

from citekit.collation import text_key
from citekit.csl.dates import date_sort_key, read_date
from citekit.csl.evaluate import (
    DATE_VARIABLES,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    CiteState,
    Evaluator,
    trigraph,
)
from citekit.csl.locale import Locale
from citekit.csl.output import plain
from citekit.csl.parse import Element, Style

__all__ = ["compare_keys", "sort_values"]

SortValue = tuple[bool, Any]


def _text(value: str, russian: bool = False) -> Any:
    value = re.sub(r"<[^>]+>", "", value)
    value = re.sub(r"[^\w\s]", "", value)
    value = re.sub(r"\s+", " ", value).strip()
    if not value:
        return ""
    group, collation = text_key(value.lower())
    return (group if russian else 0, collation, value)


def _padded(text: str) -> str:
    return re.sub(r"\d+", lambda m: m.group().zfill(10), text)


def sort_values(
    style: Style,
    locale: Locale,
    keys: tuple[Element, ...],
    item: dict[str, Any],
    state: CiteState,
    mode: str,
) -> list[SortValue]:
    """The values of every sort key for one item: ``(empty, comparable)``."""
    out: list[SortValue] = []
    russian = locale.lang.lower().startswith("ru")
    for key in keys:
        var = key.attrs.get("variable")
        overrides: dict[str, str] = {}
        if "names-min" in key.attrs:
            overrides["et-al-min"] = key.attrs["names-min"]
        if "names-use-first" in key.attrs:
            overrides["et-al-use-first"] = key.attrs["names-use-first"]
        if "names-use-last" in key.attrs:
            overrides["et-al-use-last"] = key.attrs["names-use-last"]
        if var:
            value = item.get(var)
            if var == "citation-label" and not value:
                value = trigraph(item)
            if var == "citation-number":
                out.append((False, state.citation_number or 0))
                continue
            if value in (None, "", []):
                out.append((True, ""))
                continue
            if var in NAME_VARIABLES:
                ev = Evaluator(
                    style, locale, item, state, mode, sort_mode=True, name_overrides=overrides
                )
                names = [n for n in value if isinstance(n, dict)] if isinstance(value, list) else []
                opts = dict(ev.inherited)
                opts.update(overrides)
                part, _ = ev.name_list(names, opts, None, None)
                text = plain(part)
                out.append((not text, _text(text, russian)))
            elif var in DATE_VARIABLES:
                d = date_sort_key(read_date(value))
                out.append((not d, d))
            elif var in NUMBER_VARIABLES:
                out.append((False, _padded(str(value))))
            else:
                out.append((False, _text(str(value), russian)))
        else:
            macro = style.macros.get(key.attrs.get("macro", ""))
            if macro is None:
                out.append((True, ""))
                continue
            ev = Evaluator(
                style, locale, item, state, mode, sort_mode=True, name_overrides=overrides
            )
            text = plain(ev.children(macro))
            out.append((not text, _text(_padded(text), russian)))
    return out


def compare_keys(a: list[SortValue], b: list[SortValue], directions: list[str]) -> int:
    """-1, 0 or 1: ``a`` before, with or after ``b``."""
    for (ea, va), (eb, vb), direction in zip(a, b, directions, strict=False):
        if ea and eb:
            continue
        if ea != eb:
            return 1 if ea else -1
        if type(va) is not type(vb):
            va, vb = str(va), str(vb)
        if va == vb:
            continue
        less = va < vb
        result = -1 if less else 1
        return -result if direction == "descending" else result
    return 0
