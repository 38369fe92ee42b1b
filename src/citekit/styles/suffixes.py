"""Letters that tell apart works that would otherwise look the same: 2025a, kistanov2025b.

>>> [letters(i) for i in (0, 1, 25, 26, 27)]
['a', 'b', 'z', 'aa', 'ab']
"""

from __future__ import annotations

from string import ascii_lowercase

__all__ = ["letters"]


def letters(index: int) -> str:
    """0 → ``a``, 25 → ``z``, 26 → ``aa``."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = ascii_lowercase[rest] + text
    return text
