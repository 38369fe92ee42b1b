"""Style engines behind one protocol and one registry.

The ids of the available styles are ``citekit.style_ids()``. Calling the package
(``citekit.styles()``, as citekit 0.1 named that function) still answers, with a
``DeprecationWarning``, until 0.3.

>>> import citekit
>>> from citekit.styles import get_style
>>> get_style("elpub-ru").description
'the journal\\'s "For citation" line in Russian (Elpub platform)'
>>> "elpub" in citekit.style_ids()
True
"""

import sys
import types
import warnings

from citekit.styles.base import BaseStyle, Entry, Options, Style
from citekit.styles.registry import describe_styles, get_style, register_style

__all__ = [
    "BaseStyle",
    "Entry",
    "Options",
    "Style",
    "describe_styles",
    "get_style",
    "register_style",
]


class _CallablePackage(types.ModuleType):
    def __call__(self) -> list[str]:
        """The ids of every available style: deprecated, ``citekit.style_ids()``."""
        warnings.warn(
            "citekit.styles() is now citekit.style_ids(); citekit.styles is the package of "
            "style engines",
            DeprecationWarning,
            stacklevel=2,
        )
        return [style_id for style_id, _ in describe_styles()]


sys.modules[__name__].__class__ = _CallablePackage
