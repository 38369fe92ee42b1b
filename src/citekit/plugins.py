"""One kind of plug-in by name: built in, registered at run time, or from an entry point.

Styles (``citekit.styles``) and output formats (``citekit.formats``) are both found the same
way, so both are a :class:`Plugins`: its built-in table (each made only when first asked
for), what a program registers, and what installed packages declare in an entry-point
group. A name is looked up in that order, what is made is kept, and an unknown name is an
error that lists the known ones.

>>> from citekit.errors import OptionError
>>> colours = Plugins("colour", "citekit.colours", {"red": lambda: "#f00"},
...                   accepts=lambda made: isinstance(made, str), error=OptionError)
>>> colours.get("red")
'#f00'
>>> colours.register("green", "#0f0")
>>> colours.names()
['red', 'green']
>>> colours.get("blue")
Traceback (most recent call last):
...
citekit.errors.OptionError: unknown colour 'blue'; known: red, green
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from citekit.errors import CitekitError

__all__ = ["Plugins"]

T = TypeVar("T")


class Plugins(Generic[T]):
    """The plug-ins of one kind (``what``: "style", "output format")."""

    def __init__(
        self,
        what: str,
        group: str,
        builtin: Mapping[str, Callable[[], T]],
        *,
        accepts: Callable[[object], bool],
        error: type[CitekitError],
        unknown: type[CitekitError] | None = None,
        unknown_message: Callable[[str, list[str]], str] | None = None,
        type_name: str | None = None,
    ) -> None:
        self.what = what
        self._type_name = type_name or what
        self.group = group
        """The entry-point group third-party packages declare plug-ins in."""
        self.builtin = builtin
        """Built-in names → a function making the plug-in (importing its module late)."""
        self._accepts = accepts
        self._error = error
        self._unknown = unknown or error
        self._unknown_message = unknown_message or (
            lambda name, known: f"unknown {what} {name!r}; known: {', '.join(known)}"
        )
        self.registered: dict[str, T] = {}
        """What the program registered at run time, by name."""
        self._made: dict[str, T] = {}
        self._entry_points: dict[str, object] | None = None

    def register(self, name: str, item: T, *, replace: bool = False) -> None:
        """Make ``item`` available as ``name``; an error when the name is taken, unless
        ``replace``."""
        if not replace and (name in self.builtin or name in self.registered):
            article = "an" if self.what[:1] in "aeiou" else "a"
            raise self._error(f"{article} {self.what} {name!r} exists already; pass replace=True")
        self.registered[name] = item
        self._made.pop(name, None)

    def unregister(self, name: str) -> None:
        """Forget what was registered or made as ``name`` (tests, notebooks)."""
        self.registered.pop(name, None)
        self._made.pop(name, None)

    def entry_points(self) -> dict[str, object]:
        """The installed packages' entry points of this group, by name (read once)."""
        if self._entry_points is None:
            self._entry_points = {ep.name: ep for ep in entry_points(group=self.group)}
        return self._entry_points

    def rescan(self) -> None:
        """Read the entry points again and forget what was made from them (after a package
        is installed into the running interpreter, or in tests)."""
        for name in self._entry_points or ():
            self._made.pop(name, None)
        self._entry_points = None

    def names(self) -> list[str]:
        """Every name: built in, registered, then from entry points."""
        names = [*self.builtin, *self.registered]
        return names + [name for name in self.entry_points() if name not in names]

    def find(self, name: str) -> T | None:
        """The plug-in called ``name``, or None when there is none (a broken plug-in is an
        error, not None)."""
        made = self._made.get(name)
        if made is not None:
            return made
        if name in self.registered:
            made = self.registered[name]
        elif name in self.builtin:
            made = self.builtin[name]()
        elif name in self.entry_points():
            made = self._load(name, self.entry_points()[name])
        else:
            return None
        self._made[name] = made
        return made

    def get(self, name: str) -> T:
        """The plug-in called ``name``; the kind's error listing the known names otherwise."""
        made = self.find(name)
        if made is None:
            raise self._unknown(self._unknown_message(name, self.names()))
        return made

    def _load(self, name: str, entry_point: object) -> T:
        try:
            loaded = entry_point.load()  # type: ignore[attr-defined]
            made = loaded() if isinstance(loaded, type) else loaded
        except Exception as exc:  # a broken plug-in must not look like a missing one
            raise self._error(f"the {self.what} {name!r} failed to load: {exc}") from exc
        if not self._accepts(made):
            raise self._error(f"the entry point {name!r} does not give a citekit {self._type_name}")
        return made  # type: ignore[no-any-return]
