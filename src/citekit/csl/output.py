"""The processor's output tree, how its parts are joined, and how it is written out.

A rendered element is a string or an :class:`Out` node: a sequence, a formatting
(``font-style`` and the others of CSL), quotes, text whose case is kept, a ``display``
block, or a tag the processor finds again later (the year-suffix). Parts are joined with
CSL's punctuation rules: ``Title.`` followed by ``.`` keeps one period, ``?`` swallows a
following ``.``, and so on. Writing out moves commas and periods inside closing quotes when
the locale asks for it, and flips nested italics and quotes.

>>> to_html(concat(["Title.", ". Next"]))
'Title. Next'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

__all__ = ["Out", "concat", "join", "parse_markup", "plain", "to_html"]


class Out:
    """A node of rendered output."""

    __slots__ = ("children", "empty", "kind", "value")

    def __init__(self, kind: str, children: list[Part], value: object = None) -> None:
        self.kind = kind
        self.children = children
        self.value = value
        self.empty: bool | None = None  # known once asked; children only ever gain text

    def __repr__(self) -> str:
        return f"Out({self.kind!r}, {self.children!r}, {self.value!r})"


Part = str | Out

PUNCT_RULES = {
    ("!", "."): 1, ("!", ":"): 1, ("?", "."): 1, ("?", ":"): 1, (":", "!"): 2, (":", "?"): 2,
    (":", "."): 1, (";", "!"): 2, (";", "?"): 2, (";", ":"): 1, (";", "."): 1, ("!", "!"): 1,
    ("?", "?"): 1, (".", "."): 1, (":", ":"): 1, (";", ";"): 1, (",", ","): 1, (" ", " "): 2,
    (" ", ","): 2, (" ", "."): 2,
}  # fmt: skip
"""Two punctuation marks meeting: 1 keeps the first, 2 keeps the second, absent keeps both."""

QUOTE_CHARS = "\"'\u201d\u2019\u00bb\u203a"


def plain(part: Part | None) -> str:
    """The text of a part without formatting."""
    if part is None:
        return ""
    if isinstance(part, str):
        return part
    return "".join(plain(c) for c in part.children)


def is_empty(part: Part | None) -> bool:
    """Whether a part prints nothing."""
    if part is None:
        return True
    if isinstance(part, str):
        return not part
    empty = part.empty
    if empty is None:
        empty = part.empty = all(is_empty(c) for c in part.children)
    return empty


def first_char(part: Part) -> str:
    """The first character printed."""
    if isinstance(part, str):
        return part[:1]
    for c in part.children:
        ch = first_char(c)
        if ch:
            return ch
    return ""


def last_char(part: Part, through_quotes: bool = False) -> str:
    """The last character printed; with ``through_quotes`` the one inside closing quotes."""
    if isinstance(part, str):
        if through_quotes:
            stripped = part.rstrip(" " + QUOTE_CHARS)
            return stripped[-1:] if stripped else ""
        return part[-1:]
    if part.kind == "quote" and not through_quotes:
        return "\u201d"
    for c in reversed(part.children):
        ch = last_char(c, through_quotes)
        if ch:
            return ch
    return ""


def drop_first(part: Part) -> Part:
    """The part without its first character."""
    if isinstance(part, str):
        return part[1:]
    children = list(part.children)
    for i, c in enumerate(children):
        if first_char(c):
            children[i] = drop_first(c)
            break
    return Out(part.kind, children, part.value)


def drop_last(part: Part) -> Part:
    """The part without its last character."""
    if isinstance(part, str):
        return part[:-1]
    children = list(part.children)
    for i in range(len(children) - 1, -1, -1):
        if last_char(children[i]):
            children[i] = drop_last(children[i])
            break
    return Out(part.kind, children, part.value)


def concat(parts: Iterable[Part | None], kind: str = "seq", value: object = None) -> Part:
    """The parts one after another, with the punctuation where they meet merged."""
    out: list[Part] = []
    for part in parts:
        if part is None or is_empty(part):
            continue
        if out:
            previous = out[-1]
            start = first_char(part)
            end = last_char(previous, through_quotes=start == ".")
            rule = PUNCT_RULES.get((end, start))
            if rule == 1:
                part = drop_first(part)
                if is_empty(part):
                    continue
            elif rule == 2 and end != "\u201d":
                out[-1] = drop_last(previous)
        out.append(part)
    if kind == "seq" and len(out) == 1:
        return out[0]
    return Out(kind, out, value)


def join(parts: Iterable[Part | None], delimiter: str) -> Part | None:
    """The non-empty parts with ``delimiter`` between them (None when there are none)."""
    present = [p for p in parts if p is not None and not is_empty(p)]
    if not present:
        return None
    if not delimiter or len(present) == 1:
        return concat(present)
    items: list[Part] = []
    for i, p in enumerate(present):
        if i:
            # a delimiter starting with punctuation the next part already starts with goes
            start = first_char(p)
            if not (start in ",;." and delimiter[:1] == start):
                items.append(delimiter)
        items.append(p)
    return concat(items)


# -- markup inside field values ---------------------------------------------------------------

_TAG = re.compile(
    r"(<i>|</i>|<b>|</b>|<sup>|</sup>|<sub>|</sub>|<sc>|</sc>"
    r"|<span\s+style=\"font-variant:\s*small-caps;?\">|<span\s+class=\"no(?:case|decor)\">"
    r"|</span>)"
)
_OPEN = {
    "<i>": ("fmt", ("font-style", "italic")),
    "<b>": ("fmt", ("font-weight", "bold")),
    "<sup>": ("fmt", ("vertical-align", "sup")),
    "<sub>": ("fmt", ("vertical-align", "sub")),
    "<sc>": ("fmt", ("font-variant", "small-caps")),
}
_CLOSE = {"</i>": "<i>", "</b>": "<b>", "</sup>": "<sup>", "</sub>": "<sub>", "</sc>": "<sc>"}


def parse_markup(text: str) -> Part:
    """A field's value with CSL's HTML-like markup (``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
    small caps, ``<span class="nocase">``) and its straight double quotes read."""
    if not any(ch in text for ch in "<\"'\u201c\u00ab\u00bb"):
        return text
    if "'" in text and "<" not in text and '"' not in text and not _SQ.search(text):
        return text.replace("'", "\u2019")  # an apostrophe (the usual case)
    pieces = _TAG.split(text)
    # find matching pairs; an unmatched tag is text
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            continue
        if piece.startswith("<span"):
            stack.append(("<span", i))
        elif piece == "</span>":
            for j in range(len(stack) - 1, -1, -1):
                if stack[j][0] == "<span":
                    pairs[stack[j][1]] = i
                    del stack[j:]
                    break
        elif piece in _CLOSE:
            opener = _CLOSE[piece]
            for j in range(len(stack) - 1, -1, -1):
                if stack[j][0] == opener:
                    pairs[stack[j][1]] = i
                    del stack[j:]
                    break
        else:
            stack.append((piece, i))

    def build(start: int, end: int) -> list[Part]:
        out: list[Part] = []
        i = start
        while i < end:
            piece = pieces[i]
            if i % 2 == 0:
                if piece:
                    out.extend(_quotes(piece))
                i += 1
                continue
            if i in pairs:
                close = pairs[i]
                inner = build(i + 1, close)
                if piece.startswith("<span") and "nocase" in piece:
                    out.append(Out("nocase", inner))
                elif piece.startswith("<span") and "nodecor" in piece:
                    out.append(Out("fmt", inner, ("font-style", "normal")))
                elif piece.startswith("<span"):
                    out.append(Out("fmt", [Out("nocase", inner)], ("font-variant", "small-caps")))
                else:
                    kind, value = _OPEN[piece]
                    if piece in ("<sup>", "<sub>", "<sc>"):
                        inner = [Out("nocase", inner)]  # text case leaves them alone
                    out.append(Out(kind, inner, value))
                i = close + 1
            else:
                out.append(piece)
                i += 1
        return out

    children = build(0, len(pieces))
    return children[0] if len(children) == 1 else Out("seq", children)


_DQ = re.compile(r'(?:(?<=^)|(?<=[\s(\[]))"(\S|\S.*?\S)"(?=$|[\s.,;:!?)\]])')


_CQ = re.compile("\u201c(.+?)\u201d")
_SQ = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))'(.+?)'(?=$|[\s.,;:!?)\]])")


def _quotes(text: str) -> list[Part]:
    if "\u00ab " in text or " \u00bb" in text:  # guillemets typed with plain spaces
        text = text.replace("\u00ab ", "\u00ab\u202f").replace(" \u00bb", "\u202f\u00bb")
    if '"' not in text and "'" not in text and "\u201c" not in text:
        return [text]
    out: list[Part] = []
    last = 0
    pattern = _DQ if '"' in text else _CQ if "\u201c" in text else _SQ
    for m in pattern.finditer(text):
        out.append(text[last : m.start()])
        out.append(Out("quote", [m.group(1).replace("'", "\u2019")]))
        last = m.end()
    out.append(text[last:])
    return [p.replace("'", "\u2019") if isinstance(p, str) else p for p in out if p != ""]


# -- writing out ------------------------------------------------------------------------------


def _tokens(part: Part) -> Iterator[tuple[str, object]]:
    if isinstance(part, str):
        if part:
            yield "text", part
        return
    yield "open", part
    for c in part.children:
        yield from _tokens(c)
    yield "close", part


def move_punctuation(part: Part) -> Part:
    """Commas and periods after closing quotes go inside them (punctuation-in-quote)."""
    if isinstance(part, str) or part.kind == "verbatim":
        return part
    children = [move_punctuation(c) for c in part.children]
    i = 0
    while i < len(children) - 1:
        left, right = children[i], children[i + 1]
        tail = _last_quote(left)
        while tail is not None:
            deeper = _last_quote(Out("seq", tail.children))
            if deeper is None:
                break
            tail = deeper
        start = first_char(right)
        if tail is not None and start in (".", ",", "!", "?"):
            inner_end = last_char(Out("seq", tail.children), through_quotes=True)
            if not ((start == "." and inner_end in ".!?") or start == inner_end):
                tail.children.append(start)
            children[i + 1] = drop_first(right)
            if start in "!?" and first_char(children[i + 1]) in (":", "."):
                children[i + 1] = drop_first(children[i + 1])  # ! and ? end the sentence
        i += 1
    return Out(part.kind, children, part.value)


def _last_quote(part: Part) -> Out | None:
    if isinstance(part, str) or part.kind == "verbatim":
        return None
    if part.kind == "quote":
        return part
    for c in reversed(part.children):
        if not is_empty(c):
            return _last_quote(c)
    return None


_HTML_ESCAPE = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})

_DISPLAY_SPACING = {
    "block": ("\n\n    ", "\n"),
    "left-margin": ("\n    ", ""),
    "right-inline": ("", "\n  "),
    "indent": ("", "\n  "),
}
"""The line breaks citeproc-js's HTML puts around display blocks (the suite expects them)."""

_DISPLAY_CLASS = {
    "block": "csl-block",
    "left-margin": "csl-left-margin",
    "right-inline": "csl-right-inline",
    "indent": "csl-indent",
}


def to_html(
    part: Part | None,
    punctuation_in_quote: bool = False,
    quotes: tuple[str, str, str, str] = ("\u201c", "\u201d", "\u2018", "\u2019"),
) -> str:
    """The output as the CSL test suite's HTML (citeproc-js's conventions)."""
    if part is None:
        return ""
    if punctuation_in_quote:
        part = move_punctuation(part)
    out: list[str] = []
    _html(part, out, {"italic": False, "bold": False, "sc": False, "quote": 0}, quotes)
    return "".join(out)


def _html(
    part: Part, out: list[str], state: dict[str, object], quotes: tuple[str, str, str, str]
) -> None:
    if isinstance(part, str):
        text = part.translate(_HTML_ESCAPE)
        if any(ord(ch) > 0x7F for ch in text):
            text = "".join(_superscript(ch) for ch in text)
        out.append(text)
        return
    kind = part.kind
    if kind == "fmt":
        pair = part.value if isinstance(part.value, tuple) else ("", "")
        open_tag, close_tag, saved = _fmt_tags(str(pair[0]), str(pair[1]), state)
        out.append(open_tag)
        for c in part.children:
            _html(c, out, state, quotes)
        out.append(close_tag)
        state.update(saved)
        return
    if kind == "quote":
        depth = int(state["quote"])  # type: ignore[call-overload]
        o, c = (quotes[0], quotes[1]) if depth % 2 == 0 else (quotes[2], quotes[3])
        out.append(o)
        state["quote"] = depth + 1
        for child in part.children:
            _html(child, out, state, quotes)
        state["quote"] = depth
        out.append(c)
        return
    if kind == "display":
        if is_empty(part):
            return
        mode = str(part.value)
        before, after = _DISPLAY_SPACING.get(mode, ("", ""))
        out.append(f'{before}<div class="{_DISPLAY_CLASS.get(mode, "csl-block")}">')
        for c in part.children:
            _html(c, out, state, quotes)
        out.append(f"</div>{after}")
        return
    for c in part.children:
        _html(c, out, state, quotes)


def _superscript(ch: str) -> str:
    """A superscript character as ``<sup>`` and its plain form, as citeproc-js writes it."""
    if ord(ch) < 0xAA:
        return ch
    decomposition = unicodedata.decomposition(ch)
    if decomposition.startswith("<super>"):
        plain_form = "".join(chr(int(code, 16)) for code in decomposition.split()[1:])
        return f"<sup>{plain_form}</sup>"
    return ch


def _fmt_tags(key: str, value: str, state: dict[str, object]) -> tuple[str, str, dict[str, object]]:
    saved = dict(state)
    if key == "font-style":
        if value in ("italic", "oblique"):
            if state["italic"]:
                state["italic"] = False
                return '<span style="font-style:normal;">', "</span>", saved
            state["italic"] = True
            return "<i>", "</i>", saved
        if state["italic"]:
            state["italic"] = False
            return '<span style="font-style:normal;">', "</span>", saved
        return "", "", saved
    if key == "font-weight":
        if value == "bold":
            if state["bold"]:
                state["bold"] = False
                return '<span style="font-weight:normal;">', "</span>", saved
            state["bold"] = True
            return "<b>", "</b>", saved
        if value == "normal" and state["bold"]:
            state["bold"] = False
            return '<span style="font-weight:normal;">', "</span>", saved
        if value == "light":
            return '<span style="font-weight:light;">', "</span>", saved
        return "", "", saved
    if key == "font-variant":
        if value == "small-caps":
            if state["sc"]:
                state["sc"] = False
                return '<span style="font-variant:normal;">', "</span>", saved
            state["sc"] = True
            return '<span style="font-variant:small-caps;">', "</span>", saved
        if state["sc"]:
            state["sc"] = False
            return '<span style="font-variant:normal;">', "</span>", saved
        return "", "", saved
    if key == "text-decoration":
        if value == "underline":
            return '<span style="text-decoration:underline;">', "</span>", saved
        return "", "", saved
    if key == "vertical-align":
        if value == "sup":
            return "<sup>", "</sup>", saved
        if value == "sub":
            return "<sub>", "</sub>", saved
        if value == "baseline":
            return '<span style="baseline">', "</span>", saved
        return "", "", saved
    return "", "", saved
