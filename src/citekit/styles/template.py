"""Styles written as templates: a line is parts joined with punctuation, in the spirit of
pybtex's ``toplevel[...]``/``optional[...]`` and CSL's groups.

A *part* gives rich text for a reference, or None when the reference lacks what it prints; the
shared parts are in :mod:`citekit.styles.parts`. The combinators here put parts together, and a
part that is None leaves no punctuation behind:

* ``join(". ", a, b, c)``: the parts present, with ``". "`` between them (a CSL group with a
  delimiter); None when none is present. ``glued=True``: as one string where the parts are
  strings, as a group glues them (the writer does not tidy between them).
* ``group(a, " ", b)``: all or nothing (pybtex's ``optional``, CSL's group that vanishes when a
  variable in it is empty): None as soon as one part is None; a plain string is always present.
* ``optional(a)``: ``a``, or an empty string where it is None (inside a group).
* ``required(a)``: inside a join, the whole join is None when ``a`` is.
* ``first(a, b)``: the first part present (CSL's ``choose``, pybtex's ``first_of``).
* ``if_present(a, b, c)``: ``b`` where ``a`` is present, else ``c`` (CSL's ``if variable``).
* ``prefix(" // ", a)``: ``a`` after a text that stays a piece of its own (CSL's prefix).
* ``choose((Book, a), otherwise=b)``, ``when(Book, a)``: a part per kind of reference.
* ``emph(a)``: ``a`` in italics.
* ``term("page")``: a word from the style's term table; ``text("In:")``, or a plain string
  anywhere a part is expected.

A template is a tree of :class:`Node`; nothing in it is interpreted per reference. The first
time a style meets a class of reference, the tree is *compiled* for what is known then (the term table, whether the line is English, the reference's class): a ``choose``
becomes its branch, a term its word, a group of constants one string, a part that the class
never has disappears with its punctuation, and joins with the same separator nested in one
another (through a ``choose``) become one flat list of functions, the way a hand-written style
builds its line. What is left to run per reference is the parts themselves.

:class:`TemplateStyle` is a style whose entry is a template and a closing period.

>>> from citekit.model import Book
>>> from citekit.render import render
>>> from citekit.styles.parts import field, title, year
>>> style = TemplateStyle("demo", "a demonstration",
...                       join(". ", title(), group(field("place"), ": ", field("publisher")), year()))
>>> render(style.entry(Book(id="b", title="Мир", place="М.", publisher="Наука", issued=2020), style.options()))
'Mir. М.: Наука. 2020.'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mypy_extensions import mypyc_attr

from citekit.model.reference import Reference
from citekit.render.tree import Emph, Inline, Seq, join_into
from citekit.styles.base import BaseStyle
from citekit.styles.terms import EN, Terms

__all__ = [
    "Attached",
    "Built",
    "Context",
    "Node",
    "Part",
    "Static",
    "TemplateStyle",
    "choose",
    "emph",
    "first",
    "group",
    "if_present",
    "join",
    "optional",
    "part",
    "prefix",
    "required",
    "term",
    "text",
    "when",
]


@mypyc_attr(allow_interpreted_subclasses=True)
class Context:
    """What a part may read besides the reference: the options and the style's words."""

    def __init__(self, options: Any, terms: Terms, english: bool) -> None:
        self.options = options
        self.terms = terms
        self.english = english
        """Print the English (Latin-script) forms of names and titles."""
        self.year_suffix = ""
        """The letter an author-date list gives a work (``2025a``), set per entry."""
        self.lines: dict[type, Callable[[Reference, Context], Inline]] = {}
        """A style's lines compiled for :attr:`terms`, per class of reference."""


Part = Callable[[Reference, Context], Inline | None]
"""A function that is a piece of a template: rich text for a reference, or None."""

Built = Part | str | None
"""A node compiled: a function, a constant string, or None (never present)."""


@mypyc_attr(allow_interpreted_subclasses=True)
class Static:
    """What is known when a template is compiled: the words, the line's language, and the class
    of the references the compiled function will be given."""

    def __init__(self, terms: Terms, english: bool, kind: type) -> None:
        self.terms = terms
        self.english = english
        self.kind = kind


def _constant(value: str) -> Part:
    def part(ref: Reference, context: Context) -> Inline | None:
        return value

    return part


def _never(ref: Reference, context: Context) -> Inline | None:
    return None


def as_function(built: Built) -> Part:
    """A compiled node as a function, whatever it compiled to."""
    if built is None:
        return _never
    if isinstance(built, str):
        return _constant(built)
    return built


@mypyc_attr(allow_interpreted_subclasses=True)
class Node:
    """A piece of a template. Call it as a part (``node(ref, context)``), or compile it."""

    def __init__(self) -> None:
        self._called: dict[tuple[Terms, bool, type], Part] = {}

    def build(self, static: Static) -> Built:
        """This node for ``static``: a function, a constant string, or None."""
        raise NotImplementedError

    def pieces(self, static: Static, separator: str) -> list[Built]:
        """What this node adds to a join with ``separator``: a join with the same separator
        gives its own pieces (flattened), anything else itself."""
        return [self.build(static)]

    def __call__(self, ref: Reference, context: Context) -> Inline | None:
        """The node applied to one reference (compiled for its class, and kept)."""
        cache = self._called
        key = (context.terms, context.english, ref.__class__)
        function = cache.get(key)
        if function is None:
            function = as_function(self.build(Static(context.terms, context.english, key[2])))
            cache[key] = function
        return function(ref, context)


@mypyc_attr(allow_interpreted_subclasses=True)
class _Text(Node):
    def __init__(self, value: str) -> None:
        super().__init__()
        self.value = value

    def build(self, static: Static) -> Built:
        return self.value


@mypyc_attr(allow_interpreted_subclasses=True)
class _Term(Node):
    def __init__(self, name: str) -> None:
        super().__init__()
        getattr(EN, name)  # a word the tables lack is an error when the template is written
        self.name = name

    def build(self, static: Static) -> Built:
        value: str = getattr(static.terms, self.name)
        return value


@mypyc_attr(allow_interpreted_subclasses=True)
class _Part(Node):
    """A part: ``make(static)`` gives its function (or a constant, or None)."""

    def __init__(self, make: Callable[[Static], Built]) -> None:
        super().__init__()
        self.make = make

    def build(self, static: Static) -> Built:
        return self.make(static)


def text(value: str) -> Node:
    """A literal, always present."""
    return _Text(value)


def term(name: str) -> Node:
    """A word from the template's term table (``term("in_")`` → ``In:`` / ``В кн.:``)."""
    return _Term(name)


def part(make: Callable[[Static], Built]) -> Node:
    """A part written for the compiler: ``make(static)`` is called once per class of reference
    and gives the function to run (or a constant string, or None when the class never has
    what the part prints). The shared parts are written so (:mod:`citekit.styles.parts`).

    >>> from citekit.model import JournalArticle
    >>> from citekit.render import render
    >>> def make(static: Static) -> Built:  # the volume, for the classes that have one
    ...     if not hasattr(static.kind, "volume"):
    ...         return None  # never printed for this class: its punctuation goes with it
    ...     return lambda ref, context: ref.volume
    >>> style = TemplateStyle("demo", "a demonstration", join(", ", "T", group("vol. ", part(make))))
    >>> render(style.entry(JournalArticle(id="a", title="T", volume="7"), style.options()))
    'T, vol. 7.'
    """
    return _Part(make)


@mypyc_attr(allow_interpreted_subclasses=True)
class _Nothing(Node):
    def build(self, static: Static) -> Built:
        return None


def _node(item: Node | Part | str | None) -> Node:
    if isinstance(item, Node):
        return item
    if isinstance(item, str):
        return _Text(item)
    if item is None:
        return _Nothing()
    function = item
    return _Part(lambda static: function)


def _joined(functions: list[Part], separator: str) -> Part:
    """One function joining what ``functions`` give with ``separator``: None when none gives
    anything, the one piece alone, else a sequence (sizes up to four written out).

    Speed: this, a group of one part between constants (``around``) and a first of two
    (``first_of_two``) written out, against the generic loops, make the ``references``
    entry about 10 % faster (entries/s, median of paired runs: -9 % against the hand-written
    style with them, -20 % without; ``apa`` -11 % against -16 %; docs/architecture.md)."""

    def finish(out: list[Inline]) -> Inline | None:
        if not out:
            return None
        return out[0] if len(out) == 1 else Seq(tuple(out))

    if len(functions) == 1:
        (a,) = functions

        def join1(ref: Reference, context: Context) -> Inline | None:
            return a(ref, context) or None

        return join1
    if len(functions) == 2:
        a, b = functions

        def join2(ref: Reference, context: Context) -> Inline | None:
            return finish(join_into([], (a(ref, context), b(ref, context)), separator))

        return join2
    if len(functions) == 3:
        a, b, c = functions

        def join3(ref: Reference, context: Context) -> Inline | None:
            items = (a(ref, context), b(ref, context), c(ref, context))
            return finish(join_into([], items, separator))

        return join3
    if len(functions) == 4:
        a, b, c, d = functions

        def join4(ref: Reference, context: Context) -> Inline | None:
            items = (a(ref, context), b(ref, context), c(ref, context), d(ref, context))
            return finish(join_into([], items, separator))

        return join4
    every = tuple(functions)

    def join_n(ref: Reference, context: Context) -> Inline | None:
        return finish(join_into([], [f(ref, context) for f in every], separator))

    return join_n


def _glued(functions: list[Part], separator: str) -> Part:
    """One function joining what ``functions`` give with ``separator`` into one string (a
    sequence only where a piece is not a string); None when none gives anything."""
    if len(functions) == 2:
        a, b = functions

        def glued2(ref: Reference, context: Context) -> Inline | None:
            x = a(ref, context)
            y = b(ref, context)
            if not x:
                return y or None
            if not y:
                return x
            if x.__class__ is str and y.__class__ is str:
                return f"{x}{separator}{y}"
            return Seq((x, separator, y))

        return glued2
    every = tuple(functions)

    def glued_n(ref: Reference, context: Context) -> Inline | None:
        values = []
        plain = True
        for f in every:
            value = f(ref, context)
            if value:
                values.append(value)
                if value.__class__ is not str:
                    plain = False
        if not values:
            return None
        if plain:
            return separator.join(values)  # type: ignore[arg-type]  # plain: strings only
        return Seq(tuple(join_into([], values, separator)))

    return glued_n


def _attached(functions: list[Part], separator: str) -> Part:
    """:func:`_joined` where some of ``functions`` are :class:`Attached`: their text stands
    before them instead of the separator."""
    every = _prefixed(functions)

    def join_attached(ref: Reference, context: Context) -> Inline | None:
        out = _join_prefixed([], every, separator, ref, context)
        if not out:
            return None
        return out[0] if len(out) == 1 else Seq(tuple(out))

    return join_attached


def _join_prefixed(
    out: list[Inline],
    every: tuple[tuple[Part, str | None], ...],
    separator: str,
    ref: Reference,
    context: Context,
) -> list[Inline]:
    """What ``every`` gives for ``ref``, onto ``out``: ``separator`` between the pieces present,
    or the piece's own text (a prefix) before it. Returns ``out``."""
    for f, text in every:
        value = f(ref, context)
        if value:
            if text is not None:
                out.append(text)
            elif out:
                out.append(separator)
            if value.__class__ is Seq:
                out += value.children
            else:
                out.append(value)
    return out


def _prefixed(functions: Sequence[Part]) -> tuple[tuple[Part, str | None], ...]:
    """Each function with the text that stands before it instead of a separator (an
    :class:`Attached` one's: the function it wraps is called), or None."""
    return tuple((f.inner, f.text) if isinstance(f, Attached) else (f, None) for f in functions)


def _adjacent(functions: list[Part]) -> Part:
    """One function giving what ``functions`` give side by side, each kept a piece of its own."""
    every = tuple(functions)

    def adjacent(ref: Reference, context: Context) -> Inline | None:
        out: list[Inline] = []
        for f in every:
            value = f(ref, context)
            if value:
                if value.__class__ is Seq:
                    out += value.children
                else:
                    out.append(value)
        if not out:
            return None
        return out[0] if len(out) == 1 else Seq(tuple(out))

    return adjacent


@mypyc_attr(allow_interpreted_subclasses=True)
class _Join(Node):
    def __init__(self, separator: str, items: tuple[Node, ...], glued: bool = False) -> None:
        super().__init__()
        self.separator = separator
        self.items = items
        self.glued = glued

    def pieces(self, static: Static, separator: str) -> list[Built]:
        if (
            separator != self.separator
            or self.glued
            or any(isinstance(i, _Required) for i in self.items)
        ):
            return [self.build(static)]  # (a join that may vanish whole stays one piece)
        found: list[Built] = []
        for item in self.items:
            found += item.pieces(static, separator)
        return found

    def build(self, static: Static) -> Built:
        if any(isinstance(item, _Required) for item in self.items):
            return self._build_required(static)
        found: list[Built] = []
        whole: Built = None  # a nested join that is one piece: None or text already
        for item in self.items:
            got = item.pieces(static, self.separator)
            found += got
            if isinstance(item, _Join) and len(got) == 1 and got[0]:
                whole = got[0]
        present = [p for p in found if p]  # None and "" add nothing
        if len(present) == 1 and present[0] is whole and not isinstance(whole, str):
            return whole  # (not wrapped again)
        if not present:
            return None
        if all(isinstance(p, str) for p in present):
            return self.separator.join([p for p in present if isinstance(p, str)])
        functions = [as_function(p) for p in present]
        if len(functions) == 1:
            return _joined(functions, self.separator)
        if self.glued:
            return _glued(functions, self.separator)
        if not self.separator:
            return _adjacent(functions)
        if any(isinstance(f, Attached) for f in functions):
            return _attached(functions, self.separator)
        return _joined(functions, self.separator)

    def _build_required(self, static: Static) -> Built:
        """The join, or None when a part marked :func:`required` is missing."""
        every: list[tuple[Part, bool]] = []
        for item in self.items:
            needed = isinstance(item, _Required)
            built = item.build(static)
            if not built:
                if needed:
                    return None  # never present for this class
                continue
            every.append((as_function(built), needed))
        separator = self.separator
        table = tuple(every)

        def join_required(ref: Reference, context: Context) -> Inline | None:
            values: list[Inline | None] = []
            for f, needed in table:
                value = f(ref, context)
                if needed and not value:
                    return None
                values.append(value)
            out = join_into([], values, separator)
            return out[0] if len(out) == 1 else Seq(tuple(out))

        return join_required


@mypyc_attr(allow_interpreted_subclasses=True)
class _Required(Node):
    def __init__(self, item: Node) -> None:
        super().__init__()
        self.item = item

    def build(self, static: Static) -> Built:
        return self.item.build(static)


def required(item: Node | Part | str) -> Node:
    """Inside a :func:`join`: the join is None when ``item`` is missing (the others are
    joined as usual). ``first(join(". ", required(names()), date, title), join(". ", title,
    date))``: an author-date line whose title moves forward when there is no author.

    >>> from citekit.model import Book, Person
    >>> from citekit.render import render
    >>> from citekit.styles.parts import names, title, year
    >>> line = first(join(". ", required(names()), year(), title()), join(". ", title(), year()))
    >>> style = TemplateStyle("demo", "a demonstration", line)
    >>> book = Book(id="b", title="Capital", issued=1867)
    >>> render(style.entry(book, style.options()))
    'Capital. 1867.'
    >>> render(style.entry(Book(id="m", title="Capital", issued=1867, authors=[Person("Marx", "Karl")]), style.options()))
    'Marx K. 1867. Capital.'
    """
    return _Required(_node(item))


def join(separator: str, *items: Node | Part | str | None, glued: bool = False) -> Node:
    """The parts present, ``separator`` between them; None when none is (an item None is never
    present: a part one variant of a template lacks). ``glued``: one
    string, as a :func:`group` is (``Title : other title information``), where the writer must
    not tidy between the pieces (nor drop a period after a title's ``?``).

    >>> from citekit.model import Book
    >>> from citekit.styles.parts import field
    >>> line = join(" : ", field("place"), field("publisher"), glued=True)
    >>> line(Book(id="b", place="М.", publisher="Наука"), Context(None, EN, False))
    'М. : Наука'
    """
    return _Join(separator, tuple(_node(item) for item in items), glued)


def _grouped(pieces: list[Part | str], missing: str | None) -> Part:
    """All of ``pieces`` side by side, or ``missing`` when a function among them gives None."""
    if len(pieces) <= 3 and sum(1 for p in pieces if not isinstance(p, str)) == 1:
        # one part between constants: "[" genre "]", "In: " host, " // " journal
        index = next(n for n, p in enumerate(pieces) if not isinstance(p, str))
        before = "".join(p for p in pieces[:index] if isinstance(p, str))
        after = "".join(p for p in pieces[index + 1 :] if isinstance(p, str))
        inner = as_function(pieces[index])

        def around(ref: Reference, context: Context) -> Inline | None:
            value = inner(ref, context)
            if value is None:
                return missing
            if value.__class__ is str:
                return f"{before}{value}{after}"
            if before and after:
                return Seq((before, value, after))
            if before or after:
                return Seq((before, value) if before else (value, after))
            return value

        return around
    functions = [p for p in pieces if not isinstance(p, str)]
    if len(functions) == 2 and (
        len(pieces) == 2 or (len(pieces) == 3 and isinstance(pieces[1], str))
    ):
        # two parts side by side (a heading, a title), or around a constant (a word, a
        # space, the names: "переводчик А. С. Смирнова")
        a, b = functions
        middle = pieces[1] if isinstance(pieces[1], str) else ""

        def between(ref: Reference, context: Context) -> Inline | None:
            x = a(ref, context)
            if x is None:
                return missing
            y = b(ref, context)
            if y is None:
                return missing
            if x.__class__ is str and y.__class__ is str:
                return f"{x}{middle}{y}"
            return Seq((x, middle, y)) if middle else Seq((x, y))

        return between
    every = tuple(pieces)

    def group_n(ref: Reference, context: Context) -> Inline | None:
        out: list[Any] = []
        plain = True
        for p in every:
            if p.__class__ is str:
                out.append(p)
                continue
            value = p(ref, context)  # type: ignore[operator]  # not a str: a function
            if value is None:
                return missing
            if value.__class__ is not str:
                plain = False
            out.append(value)
        return "".join(out) if plain else Seq(tuple(out))

    return group_n


@mypyc_attr(allow_interpreted_subclasses=True)
class _Group(Node):
    def __init__(self, items: tuple[Node, ...]) -> None:
        super().__init__()
        self.items = items

    def collect(self, static: Static) -> list[Part | str] | None:
        """The group's pieces for ``static``, a group inside it spliced in (all or nothing
        either way), constants side by side made one; None when it never appears."""
        pieces: list[Part | str] = []
        for item in self.items:
            if isinstance(item, _Group):
                inner = item.collect(static)
                if inner is None:
                    return None
                more: list[Part | str] = inner
            else:
                built = item.build(static)
                if built is None:
                    return None  # a part this class never has: the group never appears
                more = [built]
            for piece in more:
                if piece == "":
                    continue  # (an optional part this class never has)
                if isinstance(piece, str) and pieces and isinstance(pieces[-1], str):
                    pieces[-1] += piece
                else:
                    pieces.append(piece)
        return pieces

    def compiled(self, static: Static, missing: str | None) -> Built:
        """The group, giving ``missing`` where a part in it is None (``optional``: "")."""
        pieces = self.collect(static)
        if pieces is None:
            return missing
        if not pieces:
            return ""
        if len(pieces) == 1 and (missing is None or isinstance(pieces[0], str)):
            return pieces[0]
        return _grouped(pieces, missing)

    def build(self, static: Static) -> Built:
        return self.compiled(static, None)


def group(*items: Node | Part | str) -> Node:
    """Every part, side by side, or None when one of them is None."""
    return _Group(tuple(_node(item) for item in items))


@mypyc_attr(allow_interpreted_subclasses=True)
class _First(Node):
    def __init__(self, items: tuple[Node, ...]) -> None:
        super().__init__()
        self.items = items

    def build(self, static: Static) -> Built:
        functions: list[Part] = []
        for item in self.items:
            built = item.build(static)
            if isinstance(built, str):
                if built:
                    if not functions:
                        return built
                    functions.append(_constant(built))
                    break  # nothing after a constant is reached
            elif built is not None:
                functions.append(built)
        if not functions:
            return None
        if len(functions) == 1:
            return functions[0]
        if len(functions) == 2:
            a, b = functions

            def first_of_two(ref: Reference, context: Context) -> Inline | None:
                return a(ref, context) or b(ref, context) or None

            return first_of_two
        every = tuple(functions)

        def first_present(ref: Reference, context: Context) -> Inline | None:
            for f in every:
                value = f(ref, context)
                if value:
                    return value
            return None

        return first_present


def first(*items: Node | Part | str) -> Node:
    """The first part present, or None."""
    return _First(tuple(_node(item) for item in items))


@mypyc_attr(allow_interpreted_subclasses=True)
class _IfPresent(Node):
    def __init__(self, condition: Node, then: Node, otherwise: Node) -> None:
        super().__init__()
        self.condition = condition
        self.then = then
        self.otherwise = otherwise

    def build(self, static: Static) -> Built:
        condition = self.condition.build(static)
        then = self.then.build(static)
        otherwise = self.otherwise.build(static)
        if condition is None or isinstance(condition, str):  # known now
            return then if condition else otherwise
        test = condition
        if then is None and otherwise is None:
            return None
        if then is None:  # only where the condition is missing
            no = as_function(otherwise)

            def unless(ref: Reference, context: Context) -> Inline | None:
                return None if test(ref, context) else no(ref, context)

            return unless
        yes, no = as_function(then), as_function(otherwise)

        def if_present(ref: Reference, context: Context) -> Inline | None:
            return yes(ref, context) if test(ref, context) else no(ref, context)

        return if_present


def if_present(
    condition: Node | Part | str,
    then: Node | Part | str | None,
    otherwise: Node | Part | str | None = None,
) -> Node:
    """``then`` where ``condition`` gives something, else ``otherwise`` (either may be None:
    nothing), as CSL's ``<if variable="...">``: ``if_present(field("archive"), ARCHIVED,
    PUBLISHED)``; the statement of responsibility unless a heading names the authors,
    ``if_present(heading, None, names)``.

    >>> from citekit.model import Book
    >>> from citekit.styles.parts import field
    >>> placed = if_present(field("place"), "placed", "unplaced")
    >>> placed(Book(id="b", place="М."), Context(None, EN, False)), placed(Book(id="c"), Context(None, EN, False))
    ('placed', 'unplaced')
    """
    return _IfPresent(_node(condition), _node(then), _node(otherwise))


@mypyc_attr(allow_interpreted_subclasses=True)
class Attached:
    """A compiled :func:`prefix`: the part after its text (a sequence), or None. A join that
    has it among its pieces writes the text instead of its separator before it."""

    def __init__(self, text: str, inner: Part) -> None:
        self.text = text
        self.inner = inner

    def __call__(self, ref: Reference, context: Context) -> Inline | None:
        value = self.inner(ref, context)
        if not value:
            return None
        if value.__class__ is Seq:
            return Seq((self.text, *value.children))
        return Seq((self.text, value))


@mypyc_attr(allow_interpreted_subclasses=True)
class _Prefix(Node):
    def __init__(self, text: str, item: Node) -> None:
        super().__init__()
        self.text = text
        self.item = item

    def build(self, static: Static) -> Built:
        built = self.item.build(static)
        if not built:
            return None
        return Attached(self.text, as_function(built))


def prefix(text: str, item: Node | Part | str) -> Node:
    """``item`` after ``text``, or None without ``item``; unlike a :func:`group`, ``text`` stays
    a piece of its own, so the writer tidies between them as between a join's parts (a space
    after a space is dropped): CSL's ``prefix``. In a :func:`join`, ``text`` stands instead of
    the separator before it, and leads where nothing precedes: ``join(". – ", title, content,
    prefix(" // ", host), url)`` stands a part's host after its own areas.

    >>> from citekit.model import Book
    >>> from citekit.render import render
    >>> from citekit.styles.parts import field, title
    >>> style = TemplateStyle("demo", "a demonstration", join(". ", title(), prefix(" // ", field("publisher"))))
    >>> render(style.entry(Book(id="b", title="Peace", publisher="Nauka"), style.options()))
    'Peace // Nauka.'
    """
    return _Prefix(text, _node(item))


@mypyc_attr(allow_interpreted_subclasses=True)
class _Optional(Node):
    def __init__(self, item: Node) -> None:
        super().__init__()
        self.item = item

    def build(self, static: Static) -> Built:
        if isinstance(self.item, _Group):  # one function for both
            return self.item.compiled(static, "")
        built = self.item.build(static)
        if built is None or isinstance(built, str):
            return built or ""
        inner = built

        def or_empty(ref: Reference, context: Context) -> Inline | None:
            value = inner(ref, context)
            return "" if value is None else value

        return or_empty


def optional(item: Node | Part | str) -> Node:
    """``item``, or nothing (an empty string) where it is None: inside a :func:`group`, a part
    that may be missing without taking the group with it."""
    return _Optional(_node(item))


@mypyc_attr(allow_interpreted_subclasses=True)
class _Emph(Node):
    def __init__(self, item: Node) -> None:
        super().__init__()
        self.item = item

    def build(self, static: Static) -> Built:
        built = self.item.build(static)
        if not built:
            return None if built is None else ""
        if isinstance(built, str):
            constant = Emph((built,))
            return lambda ref, context: constant
        inner = built

        def italic(ref: Reference, context: Context) -> Inline | None:
            value = inner(ref, context)
            if value is None:
                return None
            return Emph((value,)) if value else ""

        return italic


def emph(item: Node | Part | str) -> Node:
    """``item`` in italics (``emph(title("container_title"))``), or None."""
    return _Emph(_node(item))


Kinds = type[Reference] | tuple[type[Reference], ...]


@mypyc_attr(allow_interpreted_subclasses=True)
class _Choose(Node):
    def __init__(self, cases: tuple[tuple[Kinds, Node], ...], otherwise: Node | None) -> None:
        super().__init__()
        self.cases = cases
        self.otherwise = otherwise

    def branch(self, static: Static) -> Node | None:
        """The branch for the class being compiled for (known then, so chosen then)."""
        for kinds, inner in self.cases:
            if issubclass(static.kind, kinds):
                return inner
        return self.otherwise

    def build(self, static: Static) -> Built:
        inner = self.branch(static)
        return None if inner is None else inner.build(static)

    def pieces(self, static: Static, separator: str) -> list[Built]:
        inner = self.branch(static)
        return [] if inner is None else inner.pieces(static, separator)


def choose(
    *cases: tuple[Kinds, Node | Part | str | None],
    otherwise: Node | Part | str | None = None,
) -> Node:
    """The part of the first case whose classes ``ref`` is an instance of, else
    ``otherwise`` (CSL's ``choose``/``if type``): one template per kind of reference. A case
    of None prints nothing for its kinds."""
    table = tuple((kinds, _node(item)) for kinds, item in cases)
    return _Choose(table, None if otherwise is None else _node(otherwise))


def when(kinds: Kinds, item: Node | Part | str) -> Node:
    """``item`` for a reference that is an instance of ``kinds``, else None."""
    return _Choose(((kinds, _node(item)),), None)


Line = Callable[[Reference, Context], Inline]


@mypyc_attr(allow_interpreted_subclasses=True)
class TemplateStyle(BaseStyle):
    """A style that is a template: the entry is ``template`` followed by ``end``, then ``after``
    (a space before it) when present."""

    def __init__(
        self,
        id: str,
        description: str,
        template: Node | Part,
        *,
        terms: Terms = EN,
        english: bool = True,
        end: Node | Part | str = ".",
        after: Node | Part | None = None,
        words: Callable[[Reference], Terms] | None = None,
    ) -> None:
        super().__init__(id, description)
        self.template = _node(template)
        self.terms = terms
        self.english = english
        self.end = _node(end)
        """What closes the line: a period, or a part (nothing after a link, say)."""
        self.after = None if after is None else _node(after)
        """What follows the closing period after a space (a language note, a link)."""
        self.words = words
        """The term table per reference (a line in the work's own language), or None: always
        :attr:`terms`."""
        self._context: Context | None = None  # the last options' (usually the defaults)
        self._contexts: dict[int, Context] = {}  # the last options' per term table
        self._lines: dict[type, Line] = {}  # the compiled line per class of reference
        self._tables: dict[Terms, dict[type, Line]] = {terms: self._lines}  # another table's

    def compile(self, kind: type, terms: Terms | None = None) -> Line:
        """The whole line compiled for references of class ``kind`` (in the words of
        ``terms``, by default the style's): the template's pieces joined as one list, the
        closing period, and what comes after it."""
        static = Static(self.terms if terms is None else terms, self.english, kind)
        template = self.template
        separator = template.separator if isinstance(template, _Join) else ""
        pieces = [p for p in template.pieces(static, separator) if p]
        functions = tuple(as_function(p) for p in pieces)
        attached = _prefixed(functions)
        closed = self.end.build(static)
        end_text = closed if isinstance(closed, str) else ""  # a period: no call for it
        end = None if closed is None or isinstance(closed, str) else closed
        after: tuple[Part, ...] = ()
        joiner = ""
        if self.after is not None:  # its pieces, joined onto the line (no sequence in it)
            joiner = self.after.separator if isinstance(self.after, _Join) else ""
            after = tuple(as_function(p) for p in self.after.pieces(static, joiner) if p)

        def line(ref: Reference, context: Context) -> Inline:
            # join_into written out (_join_prefixed): a list fewer per entry (the line is most
            # of what a template runs besides its parts). Speed: elpub and elpub-ru entries/s
            # -8 % and -3 % against the hand-written style with the loop written in the line,
            # -15 % and -19 % with join_into (median of paired runs, pure Python); the call
            # to _join_prefixed (one loop for lines with and without a prefix) is within the
            # noise (entries/s against the tree before it, best of eleven alternating rounds:
            # elpub +6 %, elpub-ru -7 %, references +3 %, apa -4 %)
            return close(ref, context, _join_prefixed([], attached, separator, ref, context))

        def close(ref: Reference, context: Context, out: list[Inline]) -> Inline:
            if end is None:
                if end_text:
                    out.append(end_text)
            else:
                closing = end(ref, context)
                if closing:
                    out.append(closing)
            tail = False
            for f in after:
                value = f(ref, context)
                if value:
                    out.append(joiner if tail else " ")
                    tail = True
                    if value.__class__ is Seq:
                        out += value.children
                    else:
                        out.append(value)
            return Seq(tuple(out))

        return line

    def entry(self, ref: Reference, options: Any) -> Inline:
        """The template applied to ``ref``."""
        context = self._context
        if self.words is not None:
            terms = self.words(ref)
            if context is None or context.terms is not terms:
                context = self._contexts.get(id(terms))
            if context is None or context.options is not options:
                context = self._context_for(options, terms)
            self._context = context
        elif context is None or context.options is not options:
            context = self._context = self._context_for(options, self.terms)
        lines = context.lines
        line = lines.get(ref.__class__)
        if line is None:
            line = lines[ref.__class__] = self.compile(ref.__class__, context.terms)
        return line(ref, context)

    def _context_for(self, options: Any, terms: Terms) -> Context:
        """The context of ``options`` in the words of ``terms``, with the lines compiled for
        that table (kept across options)."""
        context = self._contexts.get(id(terms))
        if context is None or context.options is not options:
            context = self._contexts[id(terms)] = Context(options, terms, self.english)
            context.lines = self._tables.setdefault(terms, {})
        return context
