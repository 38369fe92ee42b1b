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
from typing import Final

__all__ = ["Out", "concat", "join", "join_present", "parse_markup", "plain", "to_html"]


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

PUNCT_RULES: Final = {
    ("!", "."): 1, ("!", ":"): 1, ("?", "."): 1, ("?", ":"): 1, (":", "!"): 2, (":", "?"): 2,
    (":", "."): 1, (";", "!"): 2, (";", "?"): 2, (";", ":"): 1, (";", "."): 1, ("!", "!"): 1,
    ("?", "?"): 1, (".", "."): 1, (":", ":"): 1, (";", ";"): 1, (",", ","): 1, (" ", " "): 2,
    (" ", ","): 2,
}  # fmt: skip
"""Two punctuation marks meeting: 1 keeps the first, 2 keeps the second, absent keeps both.
A period after a space is kept whole (``(n.d.). .`` for an empty title): citeproc-js merges
punctuation only where the two marks touch."""

_MERGING: Final = frozenset(second for _, second in PUNCT_RULES)
"""The marks that merge with the one before them: any other part is added as it is, without
looking at what it follows (half the joins of a bibliography in ieee or apa: 13,653 of
25,829 and 19,595 of 37,581 for 1,000 generated items)."""

QUOTE_CHARS: Final = "\"'\u201d\u2019\u00bb\u203a"


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
    # isinstance, not `part.__class__ is str`, here and in the rest of the processor:
    # compiled, isinstance is a test of the type pointer, where reading __class__ is a
    # generic attribute look-up (those were 12% of the instructions of an ieee
    # bibliography, callgrind on the wheel)
    if isinstance(part, str):
        return not part
    empty = part.empty
    if empty is None:
        empty = True
        for c in part.children:
            if not is_empty(c):  # a loop, not all(…): no generator per node
                empty = False
                break
        part.empty = empty
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
            stripped = part.rstrip(QUOTE_CHARS)
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
    """The parts one after another, with the punctuation where they meet merged, as a node
    of ``kind`` (a sequence of one part is that part); the sequences among the parts are
    spliced into it."""
    out: list[Part] = []
    for part in parts:
        if part is None:
            continue
        # strings, most of the parts, take the short way: no call to is_empty, first_char
        # or last_char for them (concat runs some 40 times an apa entry)
        if isinstance(part, str):
            if not part:
                continue
            if not out:
                out.append(part)
                continue
            start = part[0]
        else:
            if is_empty(part):
                continue
            if not out:
                out.append(part)
                continue
            start = first_char(part)
        if start not in _MERGING:
            out.append(part)  # a letter or a digit: nothing to merge, whatever came before
            continue
        previous = out[-1]
        if isinstance(previous, str) and start != ".":
            end = previous[-1]
        else:
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
    # a sequence inside a node is spliced in (a sequence is transparent to every reader of
    # the tree): entries have a fifth to a quarter fewer nodes to walk later (apa 45 → 34,
    # ieee 58 → 50 on average); a second list is made only when there is one
    for p in out:
        if isinstance(p, Out) and p.kind == "seq":
            out = _spliced(out)
            break
    return Out(kind, out, value)


def _spliced(parts: list[Part]) -> list[Part]:
    flat: list[Part] = []
    for p in parts:
        if isinstance(p, Out) and p.kind == "seq":
            flat.extend(p.children)
        else:
            flat.append(p)
    return flat


def join(parts: Iterable[Part | None], delimiter: str) -> Part | None:
    """The non-empty parts with ``delimiter`` between them (None when there are none)."""
    return join_present(
        [p for p in parts if p and (isinstance(p, str) or not is_empty(p))], delimiter
    )


def join_present(present: list[Part], delimiter: str) -> Part | None:
    """:func:`join` of parts known to be non-empty."""
    if not present:
        return None
    if len(present) == 1:
        return present[0]
    if not delimiter:
        return concat(present)
    items: list[Part] = []
    # a delimiter starting with punctuation the next part already starts with goes (only
    # such a delimiter needs the part's first character)
    lead = delimiter[0]
    may_go = lead in ",;."
    for i, p in enumerate(present):
        if i and not (may_go and first_char(p) == lead):
            items.append(delimiter)
        items.append(p)
    return concat(items)


# -- markup inside field values ---------------------------------------------------------------

_OPEN: Final = {
    "<i>": ("fmt", ("font-style", "italic")),
    "<b>": ("fmt", ("font-weight", "bold")),
    "<sup>": ("fmt", ("vertical-align", "sup")),
    "<sub>": ("fmt", ("vertical-align", "sub")),
    "<sc>": ("fmt", ("font-variant", "small-caps")),
}
_CLOSE: Final = {
    "</i>": "<i>",
    "</b>": "<b>",
    "</sup>": "<sup>",
    "</sub>": "<sub>",
    "</sc>": "<sc>",
}


_TOKEN: Final = re.compile(
    r"(<i>|</i>|<b>|</b>|<sup>|</sup>|<sub>|</sub>|<sc>|</sc>"
    r"|<span\s+style=\"font-variant:\s*small-caps;?\">|<span\s+class=\"no(?:case|decor)\">"
    r"|</span>|[\"\u201c\u201d\u2018\u2019'])"
)
_MARKUP_START: Final = re.compile("[<\"'\u201c\u201d\u2018\u2019]")
"""What a field's value holds when it has markup or quotes to read: one search, where a
test of each character was a scan of the text each (and a generator)."""
_OPENS_AFTER: Final = " \t\n([{\u00a0-\u2013\u2014/\"'\u201c\u2018"
_CLOSES_BEFORE: Final = " \t\n)]}.,;:!?\u00a0-\u2013\u2014/\"'\u201d\u2019"


class _Frame:
    __slots__ = ("children", "kind", "opener")

    def __init__(self, kind: str, opener: str) -> None:
        self.kind = kind  # "tag" name, or "q\"" / "q'" for quotes
        self.opener = opener
        self.children: list[Part] = []


def _close(frame: _Frame) -> Part:
    inner = frame.children
    opener = frame.opener
    if frame.kind.startswith("q"):
        return Out("quote", inner)
    if opener.startswith("<span") and "nocase" in opener:
        return Out("nocase", inner)
    if opener.startswith("<span") and "nodecor" in opener:
        return Out("nodecor", [Out("nocase", inner)])
    if opener.startswith("<span"):
        return Out("fmt", [Out("nocase", inner)], ("font-variant", "small-caps"))
    kind, value = _OPEN[opener]
    if opener in ("<sup>", "<sub>", "<sc>"):
        inner = [Out("nocase", inner)]  # text case leaves them alone
    return Out(kind, inner, value)


def _merge_curly(pieces: list[str]) -> list[str]:
    """Token list with curly quote tokens folded into the text around them."""
    out: list[str] = [pieces[0]]
    for k in range(1, len(pieces), 2):
        token, text = pieces[k], pieces[k + 1]
        if token in ("\u201c", "\u201d", "\u2018", "\u2019"):
            out[-1] += token + text
        else:
            out += [token, text]
    return out


def _apostrophes(part: Part) -> Part:
    """Straight single quotes left over (not paired as quotes) are apostrophes."""
    if isinstance(part, str):
        return part.replace("'", "\u2019")
    part.children = [_apostrophes(c) for c in part.children]
    return part


def _neighbour(pieces: list[str], i: int, step: int) -> str:
    """The character next to token ``i`` (a tag counts as a letter; "" at either end)."""
    j = i + step
    while 0 <= j < len(pieces):
        piece = pieces[j]
        if piece:
            if j % 2 and piece.startswith("<"):
                return "x"
            return piece[-1] if step < 0 else piece[0]
        j += step
    return ""


def parse_markup(text: str, curly: bool = True) -> Part:
    """A field's value with CSL's HTML-like markup (``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
    small caps, ``<span class="nocase">``) and its quotes (straight or curly, double or
    single) read; a tag or quote without its partner is text, and a lone ``'`` is an
    apostrophe (``’``)."""
    if "\u00ab " in text or " \u00bb" in text:  # guillemets typed with plain spaces
        text = text.replace("\u00ab ", "\u00ab\u202f").replace(" \u00bb", "\u202f\u00bb")
    if _MARKUP_START.search(text) is None:
        return text
    pieces = _TOKEN.split(text)
    if not curly:  # curly quotes are the writer's own: left as they are
        pieces = _merge_curly(pieces)
    stack = [_Frame("root", "")]

    def add(part: Part) -> None:
        children = stack[-1].children
        if isinstance(part, str) and children and isinstance(children[-1], str):
            children[-1] += part
        elif part != "":
            children.append(part)

    def find(kind: str) -> int:
        for j in range(len(stack) - 1, 0, -1):
            if stack[j].kind == kind:
                return j
        return 0

    def unwind(to: int) -> None:
        while len(stack) - 1 > to:  # frames left open inside are text again
            frame = stack.pop()
            add(frame.opener)
            for child in frame.children:
                add(child)

    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            add(piece)
            continue
        before = _neighbour(pieces, i, -1)
        after = _neighbour(pieces, i, 1)
        opens = (not before or before in _OPENS_AFTER) and after.strip() != ""
        closes = (not after or after in _CLOSES_BEFORE) and before.strip() != ""
        if piece in _OPEN or piece.startswith("<span"):
            stack.append(_Frame(piece if piece in _OPEN else "span", piece))
        elif piece in _CLOSE or piece == "</span>":
            j = find(_CLOSE.get(piece, "span"))
            if j:
                unwind(j)
                add(_close(stack.pop()))
            else:
                add(piece)
        elif piece in ('"', "\u201c", "\u201d"):
            j = find('q"')
            if piece != "\u201c" and j and (closes or piece == "\u201d"):
                unwind(j)
                add(_close(stack.pop()))
            elif piece != "\u201d" and (opens or piece == "\u201c"):
                stack.append(_Frame('q"', piece))
            else:
                add(piece)
        else:  # ' ‘ ’
            j = find("q'")
            if piece != "\u2018" and j and closes:
                unwind(j)
                add(_close(stack.pop()))
            elif piece != "\u2019" and opens and (piece == "\u2018" or not before.isalpha()):
                stack.append(_Frame("q'", piece))
            else:
                add("\u2019" if piece == "'" else piece)
    unwind(0)
    children = [_apostrophes(child) for child in stack[0].children]
    if len(children) == 1:
        return children[0]
    return Out("seq", children)


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
    return _move(part)[0]


def _move(part: Part) -> tuple[Part, bool]:
    """:func:`move_punctuation` and whether the part holds quotes, found in the same walk
    (asking each node again walked the tree once a level: 1.4 s of ieee's 7.5 s on 1,000
    entries under the profiler)."""
    if isinstance(part, str):
        return part, False
    if part.kind == "verbatim":
        return part, _has_quote(part)
    # strings are passed over without a call, and no list of pairs is made: most nodes
    # hold no quote and are returned as they are (apa, 3,000 generated entries: 27,492
    # calls instead of 102,592, 0.40 instead of 0.93 s under cProfile); nor is a list of
    # their children made, and punctuation is looked for only after a child that holds a
    # quote (no other child has closing quotes to move it into)
    quoted: list[int] | None = None  # the children that hold a quote
    children = part.children
    for i, child in enumerate(part.children):
        if not isinstance(child, str):
            moved, has = _move(child)
            if has:
                if quoted is None:
                    quoted = []
                    children = list(children)  # a new list: its quotes may gain a mark
                quoted.append(i)
                children[i] = moved
    if quoted is None:
        if part.kind != "quote":
            return part, False
        quoted = []
        children = list(children)
    last = len(children) - 1
    for i in quoted:
        if i == last:
            break
        left, right = children[i], children[i + 1]
        start = first_char(right)
        if start not in (".", ",", "!", "?"):
            continue  # the quotes before are looked for only where punctuation follows
        tail = _last_quote(left)
        while tail is not None:
            deeper = _last_quote(Out("seq", tail.children))
            if deeper is None:
                break
            tail = deeper
        if tail is not None:
            inner_end = last_char(Out("seq", tail.children), through_quotes=True)
            if not ((start == "." and inner_end in ".!?") or start == inner_end):
                tail.children.append(start)
            children[i + 1] = drop_first(right)
            if start in "!?" and first_char(children[i + 1]) in (":", "."):
                children[i + 1] = drop_first(children[i + 1])  # ! and ? end the sentence
    return Out(part.kind, children, part.value), True


def _has_quote(part: Part) -> bool:
    if isinstance(part, str):
        return False
    return part.kind == "quote" or any(_has_quote(c) for c in part.children)


def _last_quote(part: Part) -> Out | None:
    if isinstance(part, str) or part.kind == "verbatim":
        return None
    if part.kind == "quote":
        return part
    for c in reversed(part.children):
        if not is_empty(c):
            return _last_quote(c)
    return None


_HTML_ESCAPE: Final = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})

_DISPLAY_SPACING: Final = {
    "block": ("\n\n    ", "\n"),
    "left-margin": ("\n    ", ""),
    "right-inline": ("", "\n  "),
    "indent": ("", "\n  "),
}
"""The line breaks citeproc-js's HTML puts around display blocks (the suite expects them)."""

_DISPLAY_CLASS: Final = {
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
    if kind == "nodecor":  # every decoration in force is undone
        resets = [
            ('<span style="font-style:normal;">', "italic"),
            ('<span style="font-variant:normal;">', "sc"),
            ('<span style="font-weight:normal;">', "bold"),
        ]
        active = [tag for tag, key in resets if state[key]]
        saved = dict(state)
        state.update(italic=False, sc=False, bold=False)
        out.append("".join(active))
        for c in part.children:
            _html(c, out, state, quotes)
        out.append("</span>" * len(active))
        state.update(saved)
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


_SUPERSCRIPT_EXTRA: Final = {
    "\u02c0": "\u0294",
    "\u02c1": "\u0295",
    "\u06e5": "\u0648",
    "\u06e6": "\u064a",
}
"""Modifier letters used as superscripts that Unicode does not decompose as such."""


def _superscript(ch: str) -> str:
    """A superscript character as ``<sup>`` and its plain form, as citeproc-js writes it."""
    if ord(ch) < 0xAA:
        return ch
    if ch in _SUPERSCRIPT_EXTRA:
        return f"<sup>{_SUPERSCRIPT_EXTRA[ch]}</sup>"
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
