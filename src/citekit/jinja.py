"""Jinja2 filters for site generators: ``cite`` and ``bibliography``.

The filters are for HTML templates and always return :class:`markupsafe.Markup`: citekit's
own HTML as it is, and any other format (``to='text'``, ``'markdown'``, ``'latex'``) escaped
as HTML. So whether or not the environment autoescapes, nothing from the data reaches the
page as markup, and nothing is escaped twice.

>>> from jinja2 import Environment
>>> import citekit
>>> env = Environment(autoescape=True)
>>> install(env)
>>> ref = citekit.load("examples/japanese-studies-2025-3.json")[0]
>>> print(env.from_string("{{ ref | cite('elpub') }}").render(ref=ref))  # doctest: +ELLIPSIS
Kistanov V.O. Japan&#39;s foreign policy ... <a href="https://doi.org/10.55105/2500-2872-2025-3-5-25">https://doi.org/10.55105/2500-2872-2025-3-5-25</a>
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

from citekit import api
from citekit.model.reference import Reference

__all__ = ["bibliography_filter", "cite_filter", "install"]


def _markup(text: str, to: str) -> Markup:
    """citekit's HTML as it is; any other format's text escaped for HTML."""
    return Markup(text) if to == "html" else escape(text)


def cite_filter(ref: Reference, style: str = "elpub", to: str = "html", **options: Any) -> Markup:
    """``{{ ref | cite('gost') }}``: one reference, as Markup (other formats escaped)."""
    return _markup(api.format(ref, style, to=to, **options), to)


def bibliography_filter(
    refs: Iterable[Reference], style: str = "gost", to: str = "html", **options: Any
) -> Markup:
    """``{{ refs | bibliography('gost') }}``: the list as an ``<ol>``/``<ul>``, as Markup."""
    return _markup(api.bibliography(refs, style, to=to, **options), to)


def install(env: Any) -> None:
    """Add the ``cite`` and ``bibliography`` filters to a Jinja2 ``Environment``."""
    env.filters["cite"] = cite_filter
    env.filters["bibliography"] = bibliography_filter
