"""Jupyter: rich displays of references and lists, and every style side by side.

>>> import citekit
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> Bibliography(refs[:2], "gost")._repr_html_()[:37]
'<ol class="citekit-bibliography"><li>'
>>> "<table" in compare(refs[0])._repr_html_()
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

from citekit import api
from citekit.model.reference import Reference
from citekit.styles.registry import describe_styles

__all__ = ["Bibliography", "Comparison", "compare", "reference_html", "reference_markdown"]

DEFAULT_STYLE = "elpub"


def reference_html(ref: Reference) -> str:
    """What a notebook shows for a reference: its line in the default style, as HTML."""
    return api.format(ref, DEFAULT_STYLE, to="html")


def reference_markdown(ref: Reference) -> str:
    """The same as Markdown."""
    return api.format(ref, DEFAULT_STYLE, to="markdown")


class Bibliography:
    """A formatted list that displays itself in a notebook; ``str()`` is its text form.

    ``options`` are the style's (``translit=``, ``content_type=`` …).
    """

    def __init__(self, refs: Iterable[Reference], style: str = "gost", **options: Any) -> None:
        self.refs = list(refs)
        self.style = style
        self.options = options

    def render(self, to: str = "text") -> str:
        """The list in format ``to``."""
        return api.bibliography(self.refs, self.style, to=to, **self.options)

    def __str__(self) -> str:
        return self.render("text")

    def __repr__(self) -> str:
        return f"<Bibliography of {len(self.refs)} references in {self.style!r}>"

    def _repr_html_(self) -> str:
        return self.render("html")

    def _repr_markdown_(self) -> str:
        return self.render("markdown")


class Comparison:
    """One reference in several styles, shown as an HTML table."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.rows = rows
        """(style id, HTML of the reference in it)"""

    def _repr_html_(self) -> str:
        body = "".join(
            f"<tr><th>{escape(style)}</th><td>{html}</td></tr>" for style, html in self.rows
        )
        return Markup(f'<table class="citekit-compare">{body}</table>')


def compare(ref: Reference, styles: Iterable[str] | None = None) -> Comparison:
    """``ref`` in every built-in (and registered) style, side by side; a style that cannot
    format it shows its error instead."""
    from citekit.errors import CitekitError

    rows = []
    for style in styles if styles is not None else [s for s, _ in describe_styles()]:
        try:
            rows.append((style, api.format(ref, style, to="html")))
        except CitekitError as exc:
            rows.append((style, f"<em>{escape(str(exc))}</em>"))
    return Comparison(rows)
