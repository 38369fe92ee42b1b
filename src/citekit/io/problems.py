"""What a reader does with a bad reference: raise it, or report it and go on.

>>> from citekit.errors import ValidationError
>>> seen = []
>>> deliver(ValidationError("bad"), seen.append)
>>> len(seen)
1
"""

from __future__ import annotations

from collections.abc import Callable

from citekit.errors import CitekitError

__all__ = ["ErrorHandler", "deliver"]

ErrorHandler = Callable[[CitekitError], None]
"""Receives each bad reference's error when a reader is asked to keep going."""


def deliver(error: CitekitError, on_error: ErrorHandler | None) -> None:
    """Raise ``error`` (its location already filled in), or pass it to ``on_error``."""
    if on_error is None:
        raise error from None
    on_error(error)
