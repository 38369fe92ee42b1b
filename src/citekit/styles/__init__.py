"""Style engines behind one protocol and one registry.

``citekit.styles()`` is also the public function listing the style ids: once this
package is imported, Python binds ``citekit.styles`` to it, so the package itself
answers the call.

>>> import citekit
>>> from citekit.styles import get_style
>>> get_style("elpub-ru").description
'the journal\\'s "For citation" line in Russian (Elpub platform)'
>>> "elpub" in citekit.styles()
True
"""

import sys
import types

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
        """The ids of every available style (``citekit.styles()``)."""
        return [style_id for style_id, _ in describe_styles()]


sys.modules[__name__].__class__ = _CallablePackage
