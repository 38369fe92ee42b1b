"""Pausing Python's cyclic garbage collector around batch work.

Reading a file builds tens of thousands of references, and formatting a batch builds a
rich-text tree per entry; none of them holds a reference cycle, so reference counting frees
everything the collector could. Yet the collector, triggered by the allocations, walks every
live object again and again: measured on 50,000 references, 40% of reading and 40% of
formatting them. :func:`collector_paused` switches it off for such a batch and back on after,
even when the batch fails; when the caller had it off, it is left off.

>>> import gc
>>> with collector_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block, as it was after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
