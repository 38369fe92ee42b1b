"""A griffe extension for the API reference: doctest examples in docstrings become code.

citekit's docstrings show examples as doctests (``>>>`` lines and their output), which the
test suite runs. Markdown would read ``>>>`` as nested quotes; this wraps each run of
doctest lines in a ``pycon`` code block when mkdocstrings loads the docstrings.
"""

from __future__ import annotations

import re
from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """``text`` with every doctest block (from a ``>>>`` line to the next blank line)
    between a ```` ```pycon```` line and a ```` ``` ```` line
    (``tests/test_docs_site.py`` shows it)."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if not inside and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


_ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|exc|obj):`~?([^`]+)`")


def plain_roles(text: str) -> str:
    """Sphinx cross-reference roles as code: ``:class:`~citekit.errors.OptionError```
    → ``OptionError`` in backticks (the full path when there is no ``~``).

    >>> plain_roles("raises :class:`~citekit.errors.OptionError`, see :func:`format`")
    'raises `OptionError`, see `format`'
    """
    return _ROLE.sub(
        lambda m: f"`{m.group(1).rsplit('.', 1)[-1] if m.group(0).count('~') else m.group(1)}`",
        text,
    )


class DoctestsAsCode(griffe.Extension):
    """Fence the doctests of every docstring griffe loads, and make Sphinx roles code."""

    def on_object(self, *, obj: griffe.Object, **_: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(fence_doctests(obj.docstring.value))
