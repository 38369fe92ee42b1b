"""The style registry: built-in styles by a static table, third-party ones by entry point.

Nothing is imported until a style is asked for.  Third-party packages add
styles through the entry-point group ``citekit.styles`` (the entry point names
an object implementing :class:`~citekit.styles.base.Style`, or a class making
one); a notebook can call :func:`register_style`.  An unknown name is an error
that lists the known ones: citekit never falls back to another style.

>>> get_style("elpub").id
'elpub'
>>> get_style("vancuver")
Traceback (most recent call last):
...
citekit.errors.UnknownStyleError: unknown style 'vancuver'; known styles: apa, bibtex, elpub, elpub-ru, gost, gost-2008, gost-2018, references; any CSL style as csl:NAME or csl:PATH
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from importlib.metadata import entry_points
from types import MappingProxyType

from citekit.errors import StyleError, UnknownStyleError
from citekit.styles.base import Style

__all__ = ["BUILTIN", "ENTRY_POINT_GROUP", "describe_styles", "get_style", "register_style"]

ENTRY_POINT_GROUP = "citekit.styles"

BUILTIN: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "apa": (
            "citekit.styles.apa:APA",
            "APA 7 reference list and in-text citations",
        ),
        "bibtex": (
            "citekit.styles.bibtex:BIBTEX",
            "a BibTeX/BibLaTeX entry per reference, keyed family+year",
        ),
        "elpub": (
            "citekit.styles.elpub:ENGLISH",
            'the journal\'s "For citation" line in English (Elpub platform)',
        ),
        "elpub-ru": (
            "citekit.styles.elpub:RUSSIAN",
            'the journal\'s "For citation" line in Russian (Elpub platform)',
        ),
        "gost": (
            "citekit.styles.gost:GOST_2018",
            "GOST R 7.0.100-2018 (the current standard; same as gost-2018)",
        ),
        "gost-2018": (
            "citekit.styles.gost:GOST_2018",
            "GOST R 7.0.100-2018 bibliographic description (Russian lists)",
        ),
        "gost-2008": (
            "citekit.styles.gost:GOST_2008",
            "GOST R 7.0.5-2008 bibliographic references (Russian lists)",
        ),
        "references": (
            "citekit.styles.references:REFERENCES",
            "the journal's Latin-script References list (transliteration + [translation])",
        ),
    }
)
"""Built-in style ids → (``module:attribute``, one-line description)."""

_loaded: dict[str, Style] = {}
_registered: dict[str, Style] = {}
_plugins: dict[str, object] | None = None


def register_style(style: Style, *, replace: bool = False) -> None:
    """Make ``style`` available by its id (for notebooks and tests).

    Raises :class:`StyleError` when the id is taken, unless ``replace`` is true.
    """
    if not isinstance(style, Style):
        raise StyleError(f"{style!r} does not implement the Style protocol")
    if not replace and (style.id in BUILTIN or style.id in _registered):
        raise StyleError(f"a style {style.id!r} exists already; pass replace=True to replace it")
    _registered[style.id] = style
    _loaded.pop(style.id, None)


def _entry_points() -> dict[str, object]:
    global _plugins
    if _plugins is None:
        _plugins = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return _plugins


def _load_builtin(style_id: str) -> Style:
    module_name, _, attribute = BUILTIN[style_id][0].partition(":")
    style: Style = getattr(import_module(module_name), attribute)
    return style


def _load_plugin(style_id: str, entry_point: object) -> Style:
    try:
        loaded = entry_point.load()  # type: ignore[attr-defined]
        style = loaded() if isinstance(loaded, type) else loaded
    except Exception as exc:  # a broken plug-in must not look like a missing style
        raise StyleError(f"the style {style_id!r} failed to load: {exc}") from exc
    if not isinstance(style, Style):
        raise StyleError(f"the entry point {style_id!r} does not give a citekit Style")
    return style


def get_style(style_id: str) -> Style:
    """The style called ``style_id``; :class:`StyleError` listing the known ids if there is none."""
    style = _loaded.get(style_id)
    if style is not None:
        return style
    if style_id in _registered:
        style = _registered[style_id]
    elif style_id.startswith("csl:"):
        from citekit.styles.csl import csl_style

        style = csl_style(style_id)
    elif style_id in BUILTIN:
        style = _load_builtin(style_id)
    elif style_id in _entry_points():
        style = _load_plugin(style_id, _entry_points()[style_id])
    else:
        known = ", ".join(sorted({*BUILTIN, *_registered, *_entry_points()}))
        raise UnknownStyleError(
            f"unknown style {style_id!r}; known styles: {known}; any CSL style as csl:NAME or csl:PATH"
        )
    _loaded[style_id] = style
    return style


def describe_styles() -> list[tuple[str, str]]:
    """Every available style id with its one-line description, sorted by id."""
    rows = {style_id: description for style_id, (_, description) in BUILTIN.items()}
    rows.update({style_id: style.description for style_id, style in _registered.items()})
    for style_id in _entry_points():
        if style_id not in rows:
            try:
                rows[style_id] = get_style(style_id).description
            except StyleError as exc:
                rows[style_id] = f"(broken: {exc.message})"
    return sorted(rows.items())
