"""Styles written as templates: a line is parts joined with punctuation, in the spirit of
pybtex's ``toplevel[...]``/``optional[...]`` and CSL's groups.

A *part* is a function of (reference, context) that gives rich text or None when the reference
lacks what it prints; the shared parts are in :mod:`citekit.styles.parts`. The combinators here
put parts together, and a part that is None leaves no punctuation behind:

* ``join(". ", a, b, c)``: the parts present, with ``". "`` between them (a CSL group with a
  delimiter); None when none is present.
* ``group(a, " ", b)``: all or nothing (pybtex's ``optional``, CSL's group that vanishes when a
  variable in it is empty): None as soon as one part is None; a plain string is always present.
* ``first(a, b)``: the first part present (CSL's ``choose``, pybtex's ``first_of``).
* ``when(Book, a)``: ``a`` for a reference of that class (or classes), else None.
* ``text("In:")``, or a plain string anywhere a part is expected.

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

from collections.abc import Callable
from typing import Any

from mypy_extensions import mypyc_attr

from citekit.model.reference import Reference
from citekit.render.tree import Inline, Seq, join_into
from citekit.styles.base import BaseStyle
from citekit.styles.terms import EN, Terms

__all__ = [
    "Context",
    "Part",
    "TemplateStyle",
    "choose",
    "first",
    "group",
    "join",
    "optional",
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


Part = Callable[[Reference, Context], Inline | None]
"""A piece of a template: rich text for a reference, or None when it has nothing to print."""


def text(value: str) -> Part:
    """A literal, always present."""

    def part(ref: Reference, context: Context) -> Inline | None:
        return value

    return part


def term(name: str) -> Part:
    """A word from the template's term table (``term("in_")`` → ``In:`` / ``В кн.:``)."""

    def part(ref: Reference, context: Context) -> Inline | None:
        value: str = getattr(context.terms, name)
        return value

    return part


def _part(item: Part | str) -> Part:
    return text(item) if isinstance(item, str) else item


def join(separator: str, *items: Part | str) -> Part:
    """The parts present, ``separator`` between them; None when none is."""
    parts = tuple(_part(item) for item in items)

    def part(ref: Reference, context: Context) -> Inline | None:
        out = join_into([], [p(ref, context) for p in parts], separator)
        if not out:
            return None
        return out[0] if len(out) == 1 else Seq(tuple(out))

    return part


def group(*items: Part | str) -> Part:
    """Every part, side by side, or None when one of them is None."""
    parts = tuple(_part(item) for item in items)

    def part(ref: Reference, context: Context) -> Inline | None:
        out: list[Inline] = []
        for p in parts:
            value = p(ref, context)
            if value is None:
                return None
            out.append(value)
        if len(out) == 1:
            return out[0]
        if all(isinstance(value, str) for value in out):
            return "".join(out)  # type: ignore[arg-type]
        return Seq(tuple(out))

    return part


def first(*items: Part | str) -> Part:
    """The first part present, or None."""
    parts = tuple(_part(item) for item in items)

    def part(ref: Reference, context: Context) -> Inline | None:
        for p in parts:
            value = p(ref, context)
            if value:
                return value
        return None

    return part


def optional(item: Part | str) -> Part:
    """``item``, or nothing (an empty string) where it is None: inside a :func:`group`, a part
    that may be missing without taking the group with it."""
    inner = _part(item)

    def part(ref: Reference, context: Context) -> Inline | None:
        value = inner(ref, context)
        return "" if value is None else value

    return part


def choose(
    *cases: tuple[type[Reference] | tuple[type[Reference], ...], Part | str],
    otherwise: Part | str | None = None,
) -> Part:
    """The part of the first case whose classes ``ref`` is an instance of, else
    ``otherwise`` (CSL's ``choose``/``if type``): one template per kind of reference."""
    table = tuple((kinds, _part(item)) for kinds, item in cases)
    fallback = None if otherwise is None else _part(otherwise)

    def part(ref: Reference, context: Context) -> Inline | None:
        for kinds, inner in table:
            if isinstance(ref, kinds):
                return inner(ref, context)
        return fallback(ref, context) if fallback is not None else None

    return part


def when(kinds: type[Reference] | tuple[type[Reference], ...], item: Part | str) -> Part:
    """``item`` for a reference that is an instance of ``kinds``, else None."""
    inner = _part(item)

    def part(ref: Reference, context: Context) -> Inline | None:
        return inner(ref, context) if isinstance(ref, kinds) else None

    return part


@mypyc_attr(allow_interpreted_subclasses=True)
class TemplateStyle(BaseStyle):
    """A style that is a template: the entry is ``template`` followed by ``end``."""

    def __init__(
        self,
        id: str,
        description: str,
        template: Part,
        *,
        terms: Terms = EN,
        english: bool = True,
        end: str = ".",
        after: Part | None = None,
    ) -> None:
        super().__init__(id, description)
        self.template = template
        self.terms = terms
        self.english = english
        self.end = end
        self.after = after
        """What follows the closing period after a space (a language note, a link)."""
        self._context: Context | None = None  # the last options' (usually the defaults)

    def entry(self, ref: Reference, options: Any) -> Inline:
        """The template applied to ``ref``."""
        context = self._context
        if context is None or context.options is not options:
            context = self._context = Context(options, self.terms, self.english)
        body = self.template(ref, context)
        line: list[Inline] = [body, self.end] if body else [self.end]
        if self.after is not None:
            tail = self.after(ref, context)
            if tail:
                line += (" ", tail)
        return Seq(tuple(line))
