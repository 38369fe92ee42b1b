"""Style engines behind one protocol and one registry.

>>> from citekit.styles import get_style
>>> get_style("elpub-ru").description
'the journal\\'s "For citation" line in Russian (Elpub platform)'
"""

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
