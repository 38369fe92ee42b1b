"""The command line's progress display for long jobs (rich), on standard error.

It shows only on a terminal, and only once a job has run for two seconds, so a quick job or
one whose standard error is a pipe or a file prints nothing extra. It is removed when the job
ends, leaving the terminal as the job's own output left it.

>>> import io
>>> with Progress("formatting", stream=io.StringIO()) as progress:  # not a terminal: silent
...     progress.phase("formatting 12 references")
>>> progress.shown
False
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import IO, Any

__all__ = ["DELAY", "Progress"]

DELAY = 2.0
"""Seconds of work before the display appears."""


class Progress:
    """A context manager: ``with Progress("reading") as p: …; p.phase("formatting")``.

    The bar pulses rather than counts: what takes the time (reading a file, a CSL style
    disambiguating the whole list) happens inside single calls, so the elapsed time and the
    current phase are what it can honestly show.
    """

    def __init__(self, what: str, *, stream: IO[str] | None = None, delay: float = DELAY) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._what = what
        self._delay = delay
        self._bar: Any = None
        self._task: Any = None
        self._timer: threading.Timer | None = None
        self.shown = False
        """Whether the display appeared (for tests and callers that care)."""

    def __enter__(self) -> Progress:
        isatty = getattr(self._stream, "isatty", None)
        if isatty is None or not isatty():
            return self
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=self._stream, stderr=self._stream is sys.stderr)
        self._bar = Progress(
            TextColumn("citekit: {task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task(self._what, total=None)
        self._timer = threading.Timer(self._delay, self._show)
        self._timer.daemon = True
        self._timer.start()
        return self

    def _show(self) -> None:
        self.shown = True
        self._bar.start()

    def phase(self, what: str) -> None:
        """Say what the job is doing now (``"formatting 24,000 references"``)."""
        if self._bar is not None:
            self._bar.update(self._task, description=what)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer.join()  # a display that is just starting has started before it stops
            self._bar.stop()
