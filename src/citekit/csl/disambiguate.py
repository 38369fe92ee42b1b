"""Disambiguation of cites that print the same: more names, given names, year-suffixes,
and the ``disambiguate`` condition, in the order CSL 1.0.2 gives.

>>> suffix_letters(27)
'aa'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.evaluate import NAME_VARIABLES, CiteState
from citekit.csl.output import plain

if TYPE_CHECKING:
    from citekit.csl.processor import Processor

__all__ = ["Disamb", "disambiguate", "suffix_letters"]


def suffix_letters(n: int) -> str:
    """The n-th year-suffix, from 1: ``a`` … ``z``, ``aa``, ``ab`` …"""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


class Disamb:
    """The disambiguation state of one item."""

    __slots__ = ("disambiguate", "et_al_use_first", "givenname_level")

    def __init__(self) -> None:
        self.disambiguate = False
        self.et_al_use_first: int | None = None
        self.givenname_level: dict[int, int] = {}


def _key_text(proc: Processor, key: str, state: Disamb, suffix: str | None = None) -> str:
    st = CiteState()
    st.citation_number = proc.numbers.get(key)
    st.disambiguate = state.disambiguate
    st.et_al_use_first = state.et_al_use_first
    st.givenname_level = dict(state.givenname_level)
    st.year_suffix = suffix
    proc.disamb_override = True
    try:
        return plain(proc.render_cite(key, st))
    finally:
        proc.disamb_override = False


def _name_count(proc: Processor, key: str) -> int:
    item = proc.data[key]
    return max(
        (len(v) for k, v in item.items() if k in NAME_VARIABLES and isinstance(v, list)), default=0
    )


def _ambiguous(texts: dict[str, str], keys: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(texts[k], []).append(k)
    return [g for g in groups.values() if len(g) > 1]


def disambiguate(
    proc: Processor, order: list[str], states: list[list[tuple[dict[str, Any], CiteState]]]
) -> tuple[dict[str, str], dict[str, Disamb]]:
    """Year-suffixes and disambiguation states for the cited items."""
    citation = proc.style.citation
    if citation is None:
        return {}, {}
    attrs = citation.attrs
    add_names = attrs.get("disambiguate-add-names") == "true"
    add_given = attrs.get("disambiguate-add-givenname") == "true"
    add_suffix = attrs.get("disambiguate-add-year-suffix") == "true"
    rule = attrs.get("givenname-disambiguation-rule", "by-cite")
    cited = [str(c["id"]) for row in states for c, _ in row]
    keys = [k for k in order if k in set(cited)] if states else list(order)
    result: dict[str, Disamb] = {k: Disamb() for k in keys}
    texts = {k: _key_text(proc, k, result[k]) for k in keys}
    groups = _ambiguous(texts, keys)
    if add_given and rule != "by-cite":
        _givenname_global(proc, keys, result, rule)
        texts = {k: _key_text(proc, k, result[k]) for k in keys}
        groups = _ambiguous(texts, keys)
    if add_names:
        for group in groups:
            _add_names(proc, group, result, texts)
        groups = _ambiguous(texts, keys)
    if add_given and rule == "by-cite":
        for group in groups:
            _add_given(proc, group, result, texts)
        groups = _ambiguous(texts, keys)
    suffixes: dict[str, str] = {}
    if add_suffix:
        position = {k: i for i, k in enumerate(order)}
        for group in groups:
            for n, k in enumerate(sorted(group, key=lambda k: position.get(k, 0)), start=1):
                suffixes[k] = suffix_letters(n)
        groups = []
    for group in groups:
        for k in group:
            result[k].disambiguate = True
    return suffixes, result


def _add_names(
    proc: Processor, group: list[str], result: dict[str, Disamb], texts: dict[str, str]
) -> None:
    most = max(_name_count(proc, k) for k in group)
    pending = list(group)
    saved = {k: result[k].et_al_use_first for k in group}
    for n in range(1, most + 1):
        for k in pending:
            result[k].et_al_use_first = n
        for k in group:
            texts[k] = _key_text(proc, k, result[k])
        values = [texts[k] for k in group]
        pending = [k for k in pending if values.count(texts[k]) > 1]
        if not pending:
            break
    failed = [k for k in pending if not _differs_from_others(k, group, texts)]
    for k in failed:
        result[k].et_al_use_first = saved[k]
    for k in failed:
        texts[k] = _key_text(proc, k, result[k])


def _differs_from_others(k: str, group: list[str], texts: dict[str, str]) -> bool:
    return sum(1 for other in group if texts[other] == texts[k]) == 1


def _add_given(
    proc: Processor, group: list[str], result: dict[str, Disamb], texts: dict[str, str]
) -> None:
    most = max(_name_count(proc, k) for k in group)
    saved = {k: dict(result[k].givenname_level) for k in group}
    for index in range(most):
        for level in (1, 2):
            todo = [k for k in group if not _differs_from_others(k, group, texts)]
            if not todo:
                return
            for k in todo:
                previous = result[k].givenname_level.get(index, 0)
                if previous >= level:
                    continue
                result[k].givenname_level[index] = level
                before = texts[k]
                texts[k] = _key_text(proc, k, result[k])
                if texts[k] == before:
                    if previous:
                        result[k].givenname_level[index] = previous
                    else:
                        result[k].givenname_level.pop(index, None)
    failed = [k for k in group if not _differs_from_others(k, group, texts)]
    for k in failed:
        result[k].givenname_level = saved[k]
    for k in failed:
        texts[k] = _key_text(proc, k, result[k])


def _givenname_global(
    proc: Processor, keys: list[str], result: dict[str, Disamb], rule: str
) -> None:
    """``all-names``, ``primary-name`` and their ``with-initials`` forms: every name that
    is ambiguous with another in the document gets its given name (or initials)."""
    initials_only = rule.endswith("with-initials")
    primary = rule.startswith("primary")
    people: dict[str, set[tuple[str, str]]] = {}
    per_item: dict[str, list[tuple[str, str]]] = {}
    for k in keys:
        item = proc.data[k]
        names: list[tuple[str, str]] = []
        for var, value in item.items():
            if var in NAME_VARIABLES and isinstance(value, list):
                for n in value:
                    if isinstance(n, dict):
                        names.append(
                            (
                                str(n.get("family") or n.get("literal") or ""),
                                str(n.get("given") or ""),
                            )
                        )
        per_item[k] = names
        for family, given in names:
            people.setdefault(family, set()).add((family, given))
    for k in keys:
        for index, (family, given) in enumerate(per_item[k]):
            if primary and index > 0:
                break
            variants = set()
            for other in keys:
                if other != k:
                    variants |= {n for n in per_item[other] if n[0] == family}
            variants.add((family, given))
            if len(variants) > 1:
                initials = {g[:1] for _, g in variants}
                level = 1 if (initials_only or len(initials) == len(variants)) else 2
                result[k].givenname_level[index] = level
