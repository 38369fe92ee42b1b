"""Names in CSL: one name's parts in display or sort order, initials, and name lists with
et-al and "and".

>>> initialize("Jean-Paul", ". ")
'J.-P.'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from citekit.csl.output import Out, Part, concat, parse_markup

if TYPE_CHECKING:
    from citekit.csl.evaluate import Evaluator
    from citekit.csl.parse import Element

__all__ = ["initialize", "is_romanesque", "name_parts", "render_name"]


_FROM_HANGUL: Final = re.compile("[\u1100-\U0010ffff]")
"""A character from Hangul Jamo up (a search finds one without making a string of each
character, as max(text) did: 3.5% of an ieee bibliography's instructions, compiled)."""


def is_romanesque(text: str) -> bool:
    """Whether a name is written in a script that puts spaces between its parts."""
    if text.isascii() or _FROM_HANGUL.search(text) is None:
        return True  # all below Hangul Jamo: Latin, Cyrillic, Greek …
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
                return False
    return True


@lru_cache(maxsize=4096)
def initialize(given: str, with_: str, hyphen: bool = True, full: bool = True) -> str:
    """Given names as initials (``John Paul`` → ``J. P.``); with ``full`` False only names
    that are initials already are normalised. (Cached: given names repeat in a list.)"""
    out: list[str] = []
    for m in re.finditer(r"([^\s.]+)(\.?)", given):
        token, period = m.group(1), m.group(2)
        if full and out and not period and token.isalpha() and token.islower():
            out.append(" " + token + " ")  # a particle among the given names stays: J. B. de C. M.
            continue
        pieces: list[str] = []
        for n, sub in enumerate(token.split("-")):
            if not sub or (n and full and sub[0].islower()):
                continue  # Guo-ping → G.: a lower-case part after a hyphen has no initial
            if len(sub) == 1 or (full and not (period and len(sub) > 1)):
                head = sub[0].upper()
                if len(sub) > 2 and sub[1].isupper() and sub[2].islower():
                    head += sub[1].lower()  # TSerendorjiin → Ts. (a two-letter initial)
                pieces.append(head + with_ if sub[0].isalpha() else sub + with_)
            else:
                pieces.append(sub + (with_ if period else " "))
        if not pieces:
            continue
        if hyphen:
            word = "-".join(p.rstrip() if i < len(pieces) - 1 else p for i, p in enumerate(pieces))
        else:
            word = "".join(pieces)
        out.append(word)
    result = ""
    for word in out:
        if result and not result.endswith((" ", "-")) and with_.endswith(" "):
            result += " "
        result += word.lstrip() if result.endswith(" ") else word
    return result.rstrip()


_GLUED_PARTICLE: Final = re.compile(r"^([a-z\u00e0-\u00ff]{1,3}[-'\u2019])(\w.*)$")


def name_parts(name: dict[str, Any]) -> dict[str, str]:
    """A CSL-JSON name's parts, with particles split off the family and given names when
    the data does not give them."""
    family = str(name.get("family") or "")
    given = str(name.get("given") or "")
    ndp = str(name.get("non-dropping-particle") or "")
    dp = str(name.get("dropping-particle") or "")
    suffix = str(name.get("suffix") or "")
    if not ndp and family and not name.get("static-ordering") and " " in family:
        words = family.split(" ")
        k = 0
        while k < len(words) - 1 and words[k].lstrip("'\u2019")[:1].islower():
            k += 1
        if k:
            ndp = " ".join(words[:k])
            family = " ".join(words[k:])
    if not ndp and family and not name.get("static-ordering"):
        m = _GLUED_PARTICLE.match(family)
        if m:  # al-One, d'Aubignac: a particle written onto the name
            ndp, family = m.group(1), m.group(2)
    if family.startswith('"') and family.endswith('"') and len(family) > 1:
        family = family[1:-1]
    if not dp and given and " " in given:
        words = given.split(" ")
        k = len(words)
        while k > 1 and words[k - 1][:1].islower() and words[k - 1][:1].isalpha():
            k -= 1
        if k < len(words):
            dp = " ".join(words[k:])
            given = " ".join(words[:k])
    comma_suffix = bool(name.get("comma-suffix"))
    if not suffix and "," in given:
        head, _, tail = given.partition(",")
        tail = tail.strip()
        if tail.startswith("!"):
            comma_suffix = True
            tail = tail.lstrip("!").strip()
        if tail:
            given, suffix = head.strip(), tail
    return {
        "family": family,
        "given": given,
        "non-dropping-particle": ndp,
        "dropping-particle": dp,
        "suffix": suffix,
        "comma-suffix": "1" if comma_suffix else "",
    }


_TAG: Final = re.compile(r"(</?(?:b|i|sc|span|sup|sub)\b[^>]*>)")


def _initialize_marked(given: str, with_: str, hyphen: bool, full: bool) -> str:
    """:func:`initialize` for given names with markup (``<b>John</b> Quiggly``): the text
    between tags is initialised piece by piece and the tags stay round their initials
    (``<b>J.</b> Q.``), as citeproc-js keeps them."""
    out: list[str] = []
    for piece in _TAG.split(given):
        if _TAG.fullmatch(piece):
            out.append(piece)
            continue
        m = re.fullmatch(r"([\s-]*)(.*?)([\s-]*)", piece, re.S)
        if m is None:  # never: the pattern matches any text
            continue
        lead, core, trail = m.groups()
        glue = [
            ("-" if "-" in g else " " if with_.endswith(" ") else "") if g else ""
            for g in (lead, trail)
        ]
        out.append(glue[0] + (initialize(core, with_, hyphen, full) if core else "") + glue[1])
    return "".join(out).strip()


def _display_parts(name: dict[str, Any]) -> dict[str, str]:
    """:func:`name_parts` with apostrophes typographic, as a name prints (read-only: shared
    by the renderings of the same name)."""
    family, given = name.get("family"), name.get("given")
    if len(name) == 2 and type(family) is str and type(given) is str:
        # a family and given names, nothing else (most names): the other five are None
        return _parts_cache((family, given, None, None, None, None, None))
    key = (
        family, given, name.get("non-dropping-particle"),
        name.get("dropping-particle"), name.get("suffix"), name.get("static-ordering"),
        name.get("comma-suffix"),
    )  # fmt: skip
    for v in key:
        if v is not None and type(v) is not str:  # True, 1, a list: not cached
            return _typographic(name_parts(name))
    return _parts_cache(key)


@lru_cache(maxsize=8192)
def _parts_cache(key: tuple[Any, ...]) -> dict[str, str]:
    family, given, ndp, dp, suffix, static, comma = key
    name = {
        "family": family, "given": given, "non-dropping-particle": ndp,
        "dropping-particle": dp, "suffix": suffix, "static-ordering": static,
        "comma-suffix": comma,
    }  # fmt: skip
    return _typographic(name_parts(name))


def _typographic(parts: dict[str, str]) -> dict[str, str]:
    return {k: v.replace("'", "\u2019") for k, v in parts.items()}


def _space(a: str, b: str) -> str:
    """The glue between two name parts: none after an apostrophe or a hyphen."""
    if a.endswith(("'", "\u2019", "-")) or a[-1:].isspace():
        return ""
    return " "


def _join_words(*words: Part | None) -> Part | None:
    items: list[Part] = []
    prev = ""
    from citekit.csl.output import plain

    for w in words:
        if w is None:
            continue
        text = plain(w)
        if not text:
            continue
        if items:
            items.append(_space(prev, text))
        items.append(w)
        prev = text
    if not items:
        return None
    return Out("seq", items)


def render_name(
    ev: Evaluator,
    name: dict[str, Any],
    opts: dict[str, str],
    name_el: Element | None,
    inverted: bool,
    initialize_given: bool | None = None,
    form: str | None = None,
    sort: bool = False,
) -> Part | None:
    """One name as the ``<name>`` options ask (``inverted``: family first)."""
    if name.get("literal"):
        return _wrap(
            ev, name_el, "family", _fmt(ev, name_el, "family", parse_markup(str(name["literal"])))
        )
    p = _display_parts(name)
    family, given = p["family"], p["given"]
    if not family and not given:
        return None
    if not family:
        return _wrap(ev, name_el, "given", _fmt(ev, name_el, "given", given))
    form = form or opts.get("form", "long")
    roman = is_romanesque(family + given)
    with_ = opts.get("initialize-with")
    if with_ is not None and given and roman:
        full = opts.get("initialize", "true") != "false"
        hyphen = opts.get("initialize-with-hyphen", "true") != "false"
        if "<" in given:
            given = _initialize_marked(given, with_, hyphen, full)
        else:
            given = initialize(given, with_, hyphen, full)
    demote = opts.get("demote-non-dropping-particle", "display-and-sort")
    ndp, dp, suffix = p["non-dropping-particle"], p["dropping-particle"], p["suffix"]
    if (
        not sort
        and roman
        and not (ndp or dp or suffix)
        and (name_el is None or not name_el.children)  # no <name-part> to format or affix
        and "<" not in family
        and "<" not in given
    ):
        # most names: a family and given names, nothing to format; what the general way
        # below prints, as strings, without its nodes (ieee, 1,000 entries, compiled: half
        # the time in render_name, py-spy samples)
        if form == "short":
            return family
        if not inverted:
            return f"{given}{_space(given, family)}{family}" if given else family
        return concat([family, opts.get("sort-separator", ", "), given]) if given else family
    fam = _fmt(ev, name_el, "family", parse_markup(family) if "<" in family else family)
    ndp_f = _fmt(ev, name_el, "family", ndp) if ndp else None
    if form == "short":
        if not roman:
            return _wrap(ev, name_el, "family", fam)
        return _wrap(ev, name_el, "family", _join_words(ndp_f, fam))
    giv = (
        _fmt(ev, name_el, "given", parse_markup(given) if "<" in given else given)
        if given
        else None
    )
    dp_f = _fmt(ev, name_el, "given", dp) if dp else None
    if not roman:
        return concat([_wrap(ev, name_el, "family", fam), _wrap(ev, name_el, "given", giv)])
    if sort:
        if demote in ("display-and-sort", "sort-only"):
            return concat([_join_words(fam), " ", _join_words(giv, dp, ndp), " ", suffix])
        return concat([_join_words(ndp, fam), " ", _join_words(giv, dp), " ", suffix])
    if not inverted:
        comma = ", " if p["comma-suffix"] else " "
        family_block = _join_words(dp_f, ndp_f, fam)
        if suffix:
            family_block = concat([family_block, comma, suffix])
        return _join_words(
            _wrap(ev, name_el, "given", giv), _wrap(ev, name_el, "family", family_block)
        )
    sep = opts.get("sort-separator", ", ")
    if demote == "display-and-sort":
        family_block = fam
        given_block = _join_words(giv, dp_f, ndp_f)
    else:
        family_block = _join_words(ndp_f, fam)
        given_block = _join_words(giv, dp_f)
    pieces: list[Part | None] = [_wrap(ev, name_el, "family", family_block)]
    if given_block is not None:
        pieces += [sep, _wrap(ev, name_el, "given", given_block)]
    if suffix:
        pieces += [sep, suffix]
    return concat(pieces)


def _name_part(name_el: Element | None, which: str) -> Element | None:
    if name_el is None:
        return None
    for part in name_el.children:
        if part.name == "name-part" and part.attrs.get("name") == which:
            return part
    return None


def _fmt(ev: Evaluator, name_el: Element | None, which: str, text: Part) -> Part:
    """A name part with its ``<name-part>``'s text case and formatting (no affixes)."""
    part = _name_part(name_el, which)
    if part is None or not text:
        return text
    attrs = {k: v for k, v in part.attrs.items() if k not in ("prefix", "suffix")}
    return ev.decorate(text, attrs, case=True) or text


def _wrap(ev: Evaluator, name_el: Element | None, which: str, text: Part | None) -> Part | None:
    """A block of name parts with its ``<name-part>``'s affixes."""
    part = _name_part(name_el, which)
    if part is None or text is None:
        return text
    attrs = {k: v for k, v in part.attrs.items() if k in ("prefix", "suffix")}
    return ev.decorate(text, attrs, case=False) if attrs else text
