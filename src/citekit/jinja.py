"""Jinja2 filters for site generators, named as the API's functions are named:

* ``reference``: one whole reference, as :func:`citekit.format` writes it (the "For
  citation" line of an article page);
* ``cite``: an in-text citation, as :func:`citekit.cite` writes it (``(Kistanov, 2025)``);
* ``bibliography``: a list, as :func:`citekit.bibliography` writes it (an ``<ol>``/``<ul>``).

The filters are for HTML templates and always return :class:`markupsafe.Markup`: citekit's own
HTML as it is, any other format (``to='text'``, ``'markdown'``, ``'latex'``) escaped as HTML. So
whether or not the environment autoescapes, nothing from the data reaches the page as markup,
and nothing is escaped twice.

>>> from jinja2 import Environment
>>> import citekit
>>> env = Environment(autoescape=True)
>>> install(env)
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> print(env.from_string("{{ ref | reference('elpub') }}").render(ref=refs[0]))  # doctest: +ELLIPSIS
Kistanov V.O. Japan&#39;s foreign policy ... <a href="https://doi.org/10.55105/2500-2872-2025-3-5-25">https://doi.org/10.55105/2500-2872-2025-3-5-25</a>
>>> print(env.from_string("{{ [refs[2], refs[0]] | cite }}").render(refs=refs))
(Kistanov, 2024, 2025)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

from citekit import api
from citekit.errors import UnsupportedError
from citekit.render.formats import get_format
from citekit.styles.base import CitingStyle

__all__ = ["bibliography_filter", "cite_filter", "install", "reference_filter"]


def _markup(text: str, to: str) -> Markup:
    """citekit's HTML as it is; any other format's text escaped for HTML."""
    return Markup(text) if get_format(to).html else escape(text)


def reference_filter(
    ref: api.ReferenceLike, style: str = "elpub", to: str = "html", **options: Any
) -> Markup:
    """``{{ ref | reference('gost') }}``: one whole reference (:func:`citekit.format`)."""
    return _markup(api.format(ref, style, to=to, **options), to)


def cite_filter(
    refs: api.ReferenceLike | Iterable[api.ReferenceLike],
    style: str = "apa",
    to: str = "html",
    **options: Any,
) -> Markup:
    """``{{ refs | cite('apa', locator='p. 7') }}``: an in-text citation (:func:`citekit.cite`);
    ``narrative``, ``locator`` and ``context`` as there."""
    engine = api.resolve_style(style)
    if not isinstance(engine, CitingStyle):
        raise UnsupportedError(
            f"style {engine.id!r} makes no in-text citations; the whole reference is written "
            "by the 'reference' filter (before citekit 0.2.0, 'cite' wrote it)"
        )
    return _markup(api.cite(refs, engine, to=to, **options), to)


def bibliography_filter(
    refs: Iterable[api.ReferenceLike], style: str = "gost", to: str = "html", **options: Any
) -> Markup:
    """``{{ refs | bibliography('gost') }}``: the list as an ``<ol>``/``<ul>``
    (:func:`citekit.bibliography`)."""
    return _markup(api.bibliography(refs, style, to=to, **options), to)


def install(env: Any) -> None:
    """Add the ``reference``, ``cite`` and ``bibliography`` filters to a Jinja2 ``Environment``."""
    env.filters["reference"] = reference_filter
    env.filters["cite"] = cite_filter
    env.filters["bibliography"] = bibliography_filter
