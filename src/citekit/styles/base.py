"""The style protocol: what every style engine offers, built-in or third-party.

A style is a pure function of (reference, options) → rich text.  It keeps no
state between calls, reads no files while formatting and can run in parallel.

>>> from citekit.styles import get_style
>>> style = get_style("elpub")
>>> options = style.options(max_authors=6)
>>> options.max_authors
6
>>> style.options(colour="red")
Traceback (most recent call last):
...
citekit.errors.OptionError: style 'elpub' has no option 'colour'; its options: translit, max_authors
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

import attrs

from citekit.errors import OptionError
from citekit.model.reference import Reference
from citekit.render.tree import Inline
from citekit.styles.options import Options

__all__ = ["ORIGINAL_KINDS", "BaseStyle", "CitingStyle", "Entry", "Options", "Style"]

ORIGINAL_KINDS = frozenset(
    {"journal-article", "magazine-article", "newspaper-article", "web-article", "book", "chapter",
     "report", "conference-paper", "thesis"}
)  # fmt: skip
"""The kinds every built-in style has had rules for from the start."""

Entry = tuple[str | None, Inline]
"""One bibliography entry: its label (``"1."``, or None) and its rich text."""


@runtime_checkable
class Style(Protocol):
    """What the registry hands out. Implement these to add a style."""

    id: str
    description: str

    def options(self, **values: Any) -> Any:
        """Checked options for this style; unknown names raise :class:`OptionError`."""
        ...

    def entry(self, ref: Reference, options: Any) -> Inline:
        """One reference as rich text."""
        ...

    def bibliography(self, refs: Sequence[Reference], options: Any) -> list[Entry]:
        """The references as a list: in the style's order, labelled as the style numbers them."""
        ...

    def warnings(self, ref: Reference, options: Any) -> list[str]:
        """What the style would print for ``ref`` but cannot, one message each (``check``)."""
        ...


@runtime_checkable
class CitingStyle(Style, Protocol):
    """A style that also makes in-text citations (APA)."""

    def cite(
        self,
        refs: Sequence[Reference],
        options: Any,
        *,
        context: Sequence[Reference] | None = None,
        narrative: bool = False,
        locator: str | None = None,
    ) -> Inline:
        """One citation of ``refs``; ``context`` is the whole list (for year suffixes)."""
        ...


class BaseStyle:
    """A convenient base: options from an attrs class, a numbered list in input order."""

    options_class: ClassVar[type[Any]] = Options
    numbered: ClassVar[bool] = True
    rules: ClassVar[frozenset[str]] = frozenset()
    """The kinds (model/kinds.py) the style has rules of its own for; any other kind is
    formatted by the rule of the kind whose fields it shares, else by the general rule. Empty:
    the style makes no claim, and ``check`` says nothing about kinds."""

    def __init__(self, id: str, description: str) -> None:
        self.id = id
        self.description = description
        self._known = frozenset(field.name for field in attrs.fields(self.options_class))
        self._defaults = self.options_class()  # built once: format() asks for it every call

    def __repr__(self) -> str:
        return f"<style {self.id!r}>"

    def options(self, **values: Any) -> Any:
        """Checked options; see :class:`Options` and the style's own subclass of it."""
        if not values:
            return self._defaults
        for name in values:
            if name not in self._known:
                known = ", ".join(field.name for field in attrs.fields(self.options_class))
                raise OptionError(f"style {self.id!r} has no option {name!r}; its options: {known}")
        return self.options_class(**values)

    def entry(self, ref: Reference, options: Any) -> Inline:
        """Override: one reference as rich text."""
        raise NotImplementedError

    def warnings(self, ref: Reference, options: Any) -> list[str]:
        """What this style would print for ``ref`` but cannot, one message each
        (``citekit check --style``); by default only :meth:`rule_warning`'s."""
        note = self.rule_warning(ref)
        return [note] if note else []

    def rule(self, ref: Reference) -> str:
        """The kind whose rule formats ``ref``: its own kind when :attr:`rules` has it, else
        the nearest kind it shares fields with that has one, else ``"general"``.

        >>> from citekit.model import KINDS
        >>> from citekit.styles import get_style
        >>> Map = next(kind.cls for kind in KINDS if kind.name == "map")
        >>> get_style("apa").rule(Map(id="m")), get_style("gost").rule(Map(id="m"))
        ('book', 'map')
        """
        for cls in type(ref).__mro__:
            kind = cls.__dict__.get("kind")
            if isinstance(kind, str) and kind in self.rules:
                return kind
        return "general"

    def rule_warning(self, ref: Reference) -> str | None:
        """``check``'s note that ``ref`` is formatted by another kind's rule or the general
        one, or None when the style has a rule for its kind, or declares no :attr:`rules` (a
        CSL style, a third-party one: they make no claim about kinds)."""
        if not self.rules:
            return None
        rule = self.rule(ref)
        if rule == ref.kind:
            return None
        how = "by its general rule" if rule == "general" else f"as a {rule!r}"
        return f"{self.id} has no rule of its own for the kind {ref.kind!r}: formatted {how}"

    def sort(self, refs: Sequence[Reference], options: Any) -> list[Reference]:
        """The order of the list; input (citation) order unless a style overrides it."""
        return list(refs)

    def bibliography(self, refs: Sequence[Reference], options: Any) -> list[Entry]:
        """The sorted references, labelled ``1.``, ``2.``, … when the style numbers its list."""
        ordered = self.sort(refs, options)
        if not self.numbered:
            return [(None, self.entry(ref, options)) for ref in ordered]
        return [(f"{i}.", self.entry(ref, options)) for i, ref in enumerate(ordered, 1)]
