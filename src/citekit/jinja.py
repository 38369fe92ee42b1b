"""Jinja2 filters for site generators: ``cite`` and ``bibliography``.

The filters return :class:`markupsafe.Markup`, so an autoescaping environment neither
escapes citekit's HTML a second time nor lets anything from the data through unescaped.

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

from markupsafe import Markup

from citekit import api
from citekit.model.reference import Reference
from citekit.render.formats import get_format

__all__ = ["bibliography_filter", "cite_filter", "install"]


def cite_filter(
    ref: Reference, style: str = "elpub", to: str = "html", **options: Any
) -> Markup | str:
    """``{{ ref | cite('gost') }}``: one reference; HTML comes back as Markup."""
    text = api.format(ref, style, to=to, **options)
    return Markup(text) if get_format(to).html else text


def bibliography_filter(
    refs: Iterable[Reference], style: str = "gost", to: str = "html", **options: Any
) -> Markup | str:
    """``{{ refs | bibliography('gost') }}``: the list as an ``<ol>``/``<ul>``."""
    text = api.bibliography(refs, style, to=to, **options)
    return Markup(text) if get_format(to).html else text


def install(env: Any) -> None:
    """Add the ``cite`` and ``bibliography`` filters to a Jinja2 ``Environment``."""
    env.filters["cite"] = cite_filter
    env.filters["bibliography"] = bibliography_filter
