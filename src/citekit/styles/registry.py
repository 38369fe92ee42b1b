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

from collections.abc import Callable, Mapping
from importlib import import_module
from types import MappingProxyType

from citekit.errors import StyleError, UnknownStyleError
from citekit.plugins import Plugins
from citekit.styles.base import Style

__all__ = [
    "BUILTIN",
    "ENTRY_POINT_GROUP",
    "PLUGINS",
    "describe_styles",
    "get_style",
    "register_style",
]

ENTRY_POINT_GROUP = "citekit.styles"

BUILTIN: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "apa": (
            "citekit.styles.apa:APA",
            "APA 7 reference list and in-text citations",
        ),
        "bibtex": (
            "citekit.io.bibtex_style:BIBTEX",
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


def _builtin(path: str) -> Callable[[], Style]:
    def make() -> Style:
        module_name, _, attribute = path.partition(":")
        style: Style = getattr(import_module(module_name), attribute)
        return style

    return make


def _unknown(style_id: str, known: list[str]) -> str:
    return (
        f"unknown style {style_id!r}; known styles: {', '.join(sorted(known))}; "
        "any CSL style as csl:NAME or csl:PATH"
    )


PLUGINS: Plugins[Style] = Plugins(
    "style",
    ENTRY_POINT_GROUP,
    {style_id: _builtin(path) for style_id, (path, _) in BUILTIN.items()},
    accepts=lambda made: isinstance(made, Style),
    error=StyleError,
    unknown=UnknownStyleError,
    unknown_message=_unknown,
    type_name="Style",
)
"""Every style by id: built in, registered, from the ``citekit.styles`` entry points."""

_csl: dict[str, Style] = {}


def register_style(style: Style, *, replace: bool = False) -> None:
    """Make ``style`` available by its id (for notebooks and tests).

    Raises :class:`StyleError` when the id is taken, unless ``replace`` is true.
    """
    if not isinstance(style, Style):
        raise StyleError(f"{style!r} does not implement the Style protocol")
    PLUGINS.register(style.id, style, replace=replace)


def get_style(style_id: str) -> Style:
    """The style called ``style_id``; :class:`StyleError` listing the known ids if there is none."""
    if style_id.startswith("csl:") and style_id not in PLUGINS.registered:
        style = _csl.get(style_id)
        if style is None:
            from citekit.styles.csl import csl_style

            style = _csl[style_id] = csl_style(style_id)
        return style
    return PLUGINS.get(style_id)


def describe_styles() -> list[tuple[str, str]]:
    """Every available style id with its one-line description, sorted by id."""
    rows = {style_id: description for style_id, (_, description) in BUILTIN.items()}
    rows.update({style_id: style.description for style_id, style in PLUGINS.registered.items()})
    for style_id in PLUGINS.entry_points():
        if style_id not in rows:
            try:
                rows[style_id] = get_style(style_id).description
            except StyleError as exc:
                rows[style_id] = f"(broken: {exc.message})"
    return sorted(rows.items())
