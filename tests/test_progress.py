"""The command line's progress display: on a terminal past its delay, never on a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from conftest import EXAMPLE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

SLOW_JOB = """
import time
from citekit.progress import Progress
with Progress("reading", delay={delay}) as progress:
    progress.phase("formatting 5 references in csl:apa")
    time.sleep({seconds})
print("shown" if progress.shown else "not shown")
"""


def _run(args: list[str], *, terminal: bool) -> tuple[str, str]:
    """Standard output and error of a command whose standard error is a terminal or a pipe."""
    if not terminal:
        done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
        return done.stdout, done.stderr
    main, side = pty.openpty()
    try:
        done = subprocess.run(
            args, stdout=subprocess.PIPE, stderr=side, text=True, timeout=120, check=True
        )
    finally:
        os.close(side)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the terminal's other side is closed and everything was read
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    return done.stdout, seen.decode("utf-8", "replace")


def test_a_long_job_on_a_terminal_shows_what_it_does() -> None:
    out, err = _run([sys.executable, "-c", SLOW_JOB.format(delay=0.2, seconds=1.5)], terminal=True)
    assert out == "shown\n"
    assert "citekit: formatting 5 references in csl:apa" in err
    assert "0:00:01" in err  # the elapsed time


def test_a_quick_job_shows_nothing() -> None:
    out, err = _run([sys.executable, "-c", SLOW_JOB.format(delay=30, seconds=0)], terminal=True)
    assert out == "not shown\n"
    assert "citekit:" not in err


def test_a_pipe_never_shows_it() -> None:
    out, err = _run([sys.executable, "-c", SLOW_JOB.format(delay=0, seconds=0.5)], terminal=False)
    assert (out, err) == ("not shown\n", "")


def test_format_on_a_terminal_writes_the_same_lines_as_on_a_pipe() -> None:
    args = [sys.executable, "-m", "citekit.cli", "format", str(EXAMPLE), "--style", "elpub"]
    on_terminal, _ = _run(args, terminal=True)
    on_pipe, err = _run(args, terminal=False)
    assert on_terminal == on_pipe
    assert len(on_pipe.splitlines()) == 12
    assert err == ""
