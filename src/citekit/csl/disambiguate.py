"""Disambiguation of cites that print the same: more names, given names, year-suffixes,
and the ``disambiguate`` condition, in the order CSL 1.0.2 gives.

>>> suffix_letters(27)
'aa'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.evaluate import NAME_VARIABLES, CiteState
from citekit.csl.names import name_parts
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
        self.disambiguate = 0
        self.et_al_use_first: int | None = None
        self.givenname_level: dict[int, int] = {}


def _key_text(proc: Processor, key: str, state: Disamb, suffix: str | None = None) -> str:
    """What a cite of the item prints, first and (when the style has its own et-al for
    them) subsequent, joined by NUL: two items are ambiguous when either part is the same."""
    texts = []
    for position in (0, 1) if proc.subsequent_matters else (0,):
        st = CiteState()
        st.position = position
        if position:  # the subsequent form points at the item's first note (supra note 1)
            st.first_note = proc.first_notes.get(key)
        st.citation_number = proc.numbers.get(key)
        st.disambiguate = state.disambiguate
        st.et_al_use_first = state.et_al_use_first
        st.givenname_level = dict(state.givenname_level)
        st.year_suffix = suffix
        proc.disamb_override = True
        try:
            texts.append(plain(proc.render_cite(key, st)))
        finally:
            proc.disamb_override = False
    return "\0".join(texts)


def _same(a: str, b: str) -> bool:
    return any(x == y for x, y in zip(a.split("\0"), b.split("\0"), strict=False))


def _name_count(proc: Processor, key: str, every_list: bool = False) -> int:
    """The length of the item's longest list of names (of all its lists together)."""
    item = proc.data[key]
    lengths = [len(v) for k, v in item.items() if k in NAME_VARIABLES and isinstance(v, list)]
    return sum(lengths) if every_list else max(lengths, default=0)


def _ambiguous(texts: dict[str, str], keys: list[str]) -> list[list[str]]:
    """Groups of items whose cites print the same (joined through any shared text)."""
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    seen: dict[str, str] = {}
    for k in keys:
        for part in texts[k].split("\0"):
            other = seen.setdefault(part, k)
            if other != k:
                parent[find(k)] = find(other)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(find(k), []).append(k)
    return [g for g in groups.values() if len(g) > 1]


def _clashes(k: str, group: list[str], texts: dict[str, str]) -> int:
    return sum(1 for other in group if other != k and _same(texts[other], texts[k]))


def _differs_from_others(k: str, group: list[str], texts: dict[str, str]) -> bool:
    return _clashes(k, group, texts) == 0


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
    cited = {str(c["id"]) for row in states for c, _ in row}
    keys = [k for k in order if k in cited] if states else list(order)
    result: dict[str, Disamb] = {k: Disamb() for k in keys}
    if len(keys) < 2 or not (add_names or add_given or add_suffix or proc.tests_disambiguate):
        return {}, result
    texts = {k: _key_text(proc, k, result[k]) for k in keys}
    groups = _ambiguous(texts, keys)
    if not groups and rule == "by-cite":
        return {}, result
    if add_given and rule != "by-cite":
        before = {k: dict(result[k].givenname_level) for k in keys}
        _givenname_global(proc, keys, result, rule)
        for k in keys:  # only the items whose given names changed print differently
            if result[k].givenname_level != before[k]:
                texts[k] = _key_text(proc, k, result[k])
        groups = _ambiguous(texts, keys)
    if add_names and add_given and rule == "by-cite":
        for group in groups:
            _names_and_givens(proc, group, result, texts)
        groups = _ambiguous(texts, keys)
    elif add_names:
        for group in groups:
            _add_names(proc, group, result, texts)
        groups = _ambiguous(texts, keys)
    if add_given and rule == "by-cite" and not add_names:
        for group in groups:
            _add_given(proc, group, result, texts)
        groups = _ambiguous(texts, keys)
    suffixes: dict[str, str] = {}
    if add_suffix:
        position = {k: i for i, k in enumerate(order)}
        for group in groups:
            ordered = sorted(group, key=lambda k: position.get(k, 0))
            for n, k in enumerate(ordered, start=1):
                suffixes[k] = suffix_letters(n)
        groups = []
    for group in groups:
        _add_disambiguate(proc, group, result, texts)
    return suffixes, result


def _add_disambiguate(
    proc: Processor, group: list[str], result: dict[str, Disamb], texts: dict[str, str]
) -> None:
    """Turn on the style's ``disambiguate="true"`` tests one more at a time for the items
    still ambiguous, until they print apart or one more test changes nothing."""
    todo = list(group)
    level = 0
    while todo and level < 20:
        level += 1
        changed = False
        for k in todo:
            result[k].disambiguate = level
            text = _key_text(proc, k, result[k])
            changed = changed or text != texts[k]
            texts[k] = text
        if not changed:
            break
        todo = [k for k in todo if not _differs_from_others(k, group, texts)]


def _names_and_givens(
    proc: Processor, group: list[str], result: dict[str, Disamb], texts: dict[str, str]
) -> None:
    """Names and given names added together, step by step, as citeproc-js does (by-cite):
    one step shows the current name's given name more fully (initials, then whole) or,
    when it is whole, one more name. The steps go forward only, for the whole group; a
    step that tells the first item apart from others is kept (for the items still
    ambiguous too), and an item is settled with the steps kept when it prints apart."""
    counts = {k: _name_count(proc, k) for k in group}
    lists = [sorted(group, key=lambda k: (counts[k], k))]
    names_max = counts[lists[0][0]]
    names, levels = 1, dict.fromkeys(range(names_max), 0)  # the step reached
    kept_names = result[lists[0][0]].et_al_use_first  # the steps kept
    kept_levels: dict[int, int] = {}
    settled: dict[str, tuple[int | None, dict[int, int]]] = {}

    rendered: dict[tuple[str, int, tuple[int, ...]], str] = {}

    every = {k: _name_count(proc, k, every_list=True) for k in group}

    def text(k: str) -> str:
        # a step past an item's own names changes nothing for it: rendered once
        key = (k, min(names, counts[k]), tuple(levels.get(i, 0) for i in range(every[k])))
        if key not in rendered:
            state = Disamb()
            state.et_al_use_first = names
            state.givenname_level = {i: v for i, v in levels.items() if v}
            rendered[key] = _key_text(proc, k, state)
        return rendered[key]

    def settle(k: str) -> None:
        settled[k] = (kept_names, dict(kept_levels))

    def keep(g: int) -> None:
        nonlocal kept_names
        kept_names = names
        if g in levels:
            kept_levels[g] = levels[g]

    fresh = True  # the group is first scanned as it stands, and so are the items left
    maxed = False  # every name shown, given name whole: the last step
    while lists and not maxed:
        items = lists.pop(0)
        g = 0
        clashes = [1, 0]
        while items and not maxed:
            maxed = False
            if not fresh:
                if levels.get(g, 2) < 2:
                    levels[g] += 1
                elif g < names_max:
                    names += 1
                    g += 1
                maxed = g == names_max
            fresh = False
            trial = {k: text(k) for k in items}
            first = trial[items[0]]
            partners = [k for k in items if k == items[0] or _same(trial[k], first)]
            others = [k for k in items if k not in partners]
            clashes = [clashes[1], len(partners) - 1]
            if clashes[1] == 0 and len(others) == 1:
                keep(g)
                settle(others[0])
                settle(partners[0])
                items = []
            elif clashes[1] == 0:
                keep(g)
                settle(partners[0])
                items = others
                fresh = bool(others)
            elif len(others) == 1:
                keep(g)
                settle(others[0])
                items = partners
            elif clashes[1] < clashes[0]:
                keep(g)
                items = partners
                lists.append(others)
    # the items no step told apart keep the steps that helped the others
    for k in group:
        n, given = settled.get(k, (kept_names, kept_levels))
        result[k].et_al_use_first = n
        result[k].givenname_level = dict(given)
        texts[k] = _key_text(proc, k, result[k])


def _add_names(
    proc: Processor,
    group: list[str],
    result: dict[str, Disamb],
    texts: dict[str, str],
) -> None:
    """Each item shows the fewest names that set it apart from as many of the others as
    any number of names would."""
    most = max(_name_count(proc, k) for k in group)
    if most == 0:
        return
    base = {k: result[k].et_al_use_first for k in group}
    scores: dict[str, list[int]] = {k: [] for k in group}
    for n in range(1, most + 1):
        trial: dict[str, str] = {}
        for k in group:
            state = Disamb()
            state.et_al_use_first = n
            state.givenname_level = dict(result[k].givenname_level)
            trial[k] = _key_text(proc, k, state)
        for k in group:
            scores[k].append(len(group) - 1 - _clashes(k, group, trial))
    for k in group:
        best = max(scores[k])
        if best == scores[k][0] and best == 0:
            result[k].et_al_use_first = base[k]
            continue
        n = scores[k].index(best) + 1
        result[k].et_al_use_first = n if best > scores[k][0] or n > 1 else base[k]
    for k in group:
        texts[k] = _key_text(proc, k, result[k])


def _add_given(
    proc: Processor, group: list[str], result: dict[str, Disamb], texts: dict[str, str]
) -> None:
    """Given names (initials first, then whole) for the names shown, name by name; a step
    that does not reduce the clashes is taken back, and so is everything done for an item
    that clashes with as many others at the end as at the start."""
    most = max(_name_count(proc, k) for k in group)
    saved = {k: dict(result[k].givenname_level) for k in group}
    start = {k: _clashes(k, group, texts) for k in group}
    for index in range(most):
        for level in (1, 2):
            todo = [k for k in group if not _differs_from_others(k, group, texts)]
            if not todo:
                break
            before_levels = {k: dict(result[k].givenname_level) for k in todo}
            before_texts = {k: texts[k] for k in todo}
            total = sum(_clashes(k, group, texts) for k in group)
            for k in todo:
                if result[k].givenname_level.get(index, 0) < level:
                    result[k].givenname_level[index] = level
                    texts[k] = _key_text(proc, k, result[k])
            if sum(_clashes(k, group, texts) for k in group) >= total:
                for k in todo:
                    result[k].givenname_level = before_levels[k]
                    texts[k] = before_texts[k]
    failed = [k for k in group if _clashes(k, group, texts) >= start[k] > 0]
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
    per_item: dict[str, list[tuple[str, str]]] = {}
    for k in keys:
        item = proc.data[k]
        names: list[tuple[str, str]] = []
        for var, value in item.items():
            if var in NAME_VARIABLES and isinstance(value, list):
                for n in value:
                    if isinstance(n, dict):
                        parts = name_parts(n)
                        family = " ".join(
                            p for p in (parts["non-dropping-particle"], parts["family"]) if p
                        ) or str(n.get("literal") or "")
                        # "J. J." and "J.J." are one given name spaced two ways
                        given = " ".join(str(n.get("given") or "").split())
                        names.append((family, given.replace(". ", ".")))
        per_item[k] = names
    # who else has each family name: looked up once per name, not by a pass over every
    # other item (that pass was quadratic: 1.7 s of chicago's 17 s on 1,000 items, profiled)
    by_family: dict[str, dict[tuple[str, str], set[str]]] = {}
    for k in keys:
        for name in per_item[k]:
            by_family.setdefault(name[0], {}).setdefault(name, set()).add(k)
    for k in keys:
        for index, (family, given) in enumerate(per_item[k]):
            if primary and index > 0:
                break
            variants = {(family, given)}
            for name, holders in by_family[family].items():
                if holders - {k}:
                    variants.add(name)
            if len(variants) > 1:
                initials = {g[:1] for _, g in variants}
                if initials_only and len(initials) == 1:
                    continue
                level = 1 if (initials_only or len(initials) == len(variants)) else 2
                result[k].givenname_level[index] = level
