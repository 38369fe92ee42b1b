"""citekit: one reference, formatted every way a Russian journal and its readers need.

>>> import citekit
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> print(citekit.format(refs[0], "elpub"))
Kistanov V.O. Japan's foreign policy in the era of Trump 2.0: Will there be changes? Japanese Studies in Russia. 2025;(3):5-25. (In Russ.) https://doi.org/10.55105/2500-2872-2025-3-5-25

Names are imported when first used, so ``import citekit`` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from citekit import display as _display  # no imports of its own: "import citekit" stays light

__version__ = "0.2.0"

# the model shows itself in a notebook through citekit.display; the notebook module is
# imported when a reference is first displayed
_display.register("text/html", "citekit.notebook:reference_html")
_display.register("text/markdown", "citekit.notebook:reference_markdown")

_EXPORTS = {
    "load": "citekit.api",
    "loads": "citekit.api",
    "ReferenceList": "citekit.reference_list",
    "dump": "citekit.io",
    "format": "citekit.api",
    "format_many": "citekit.api",
    "bibliography": "citekit.api",
    "cite": "citekit.api",
    "check": "citekit.checking",
    "compare": "citekit.notebook",
    "Bibliography": "citekit.notebook",
    "meta_tags": "citekit.meta",
    "json_ld": "citekit.meta",
    "style_ids": "citekit.api",
    "get_style": "citekit.styles.registry",
    "register_style": "citekit.styles.registry",
    "transliterate": "citekit.translit",
    "Book": "citekit.model",
    "Chapter": "citekit.model",
    "ConferencePaper": "citekit.model",
    "JournalArticle": "citekit.model",
    "MagazineArticle": "citekit.model",
    "NewspaperArticle": "citekit.model",
    "PartialDate": "citekit.model",
    "Person": "citekit.model",
    "Reference": "citekit.model",
    "Report": "citekit.model",
    "Thesis": "citekit.model",
    "Title": "citekit.model",
    "WebArticle": "citekit.model",
    "CitekitError": "citekit.errors",
    "OptionError": "citekit.errors",
    "ParseError": "citekit.errors",
    "StyleError": "citekit.errors",
    "UnsupportedError": "citekit.errors",
    "ValidationError": "citekit.errors",
}

__all__ = [
    "Bibliography",
    "Book",
    "Chapter",
    "CitekitError",
    "ConferencePaper",
    "JournalArticle",
    "MagazineArticle",
    "NewspaperArticle",
    "OptionError",
    "ParseError",
    "PartialDate",
    "Person",
    "Reference",
    "ReferenceList",
    "Report",
    "StyleError",
    "Thesis",
    "Title",
    "UnsupportedError",
    "ValidationError",
    "WebArticle",
    "__version__",
    "bibliography",
    "check",
    "cite",
    "compare",
    "dump",
    "format",
    "format_many",
    "get_style",
    "json_ld",
    "load",
    "loads",
    "meta_tags",
    "register_style",
    "style_ids",
    "transliterate",
]

if TYPE_CHECKING:
    from citekit.api import bibliography, cite, format, format_many, load, loads, style_ids
    from citekit.checking import check
    from citekit.errors import (
        CitekitError,
        OptionError,
        ParseError,
        StyleError,
        UnsupportedError,
        ValidationError,
    )
    from citekit.io import dump
    from citekit.meta import json_ld, meta_tags
    from citekit.model import (
        Book,
        Chapter,
        ConferencePaper,
        JournalArticle,
        MagazineArticle,
        NewspaperArticle,
        PartialDate,
        Person,
        Reference,
        Report,
        Thesis,
        Title,
        WebArticle,
    )
    from citekit.notebook import Bibliography, compare
    from citekit.reference_list import ReferenceList
    from citekit.styles.registry import get_style, register_style
    from citekit.translit import transliterate


def __getattr__(name: str) -> Any:
    if name == "styles":  # the package of style engines, even before anything imported it
        return import_module("citekit.styles")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'citekit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
