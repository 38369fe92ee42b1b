"""Coverage-guided fuzzing of every reader and writer, and every style, with atheris (not
part of CI).

    pip install atheris
    python fuzz/fuzz_readers.py -max_total_time=300 fuzz/corpus   # seeds: examples/, tests/broken/

The first byte picks the reader (CSL-JSON, BibTeX, RIS, YAML); the rest is the file. Any
exception other than CitekitError is a bug, and so is a writer's output that its own reader
refuses, or that reads back different from what was written when no loss was reported: the
fuzzer stops and writes the input that caused it.
"""

from __future__ import annotations

import contextlib
import sys
import warnings

import atheris

with atheris.instrument_imports():
    import citekit
    from citekit.errors import CitekitError
    from citekit.io import WRITERS as WRITE
    from citekit.io import loads

READERS = ("csl-json", "bibtex", "ris", "yaml")
WRITERS = ("csl-json", "yaml", "bibtex", "ris")
STYLES = ("elpub", "elpub-ru", "references", "gost", "gost-2008", "apa", "bibtex")


def _round_trip(refs: list[object], fmt: str) -> None:
    lost: set[str] = set()
    text = WRITE[fmt](refs, lose=lambda ref, _field, _why: lost.add(ref.id))
    back = loads(text, fmt)  # must not raise: the writer wrote it
    assert len(back) == len(refs), (fmt, text)
    for ref, read in zip(refs, back, strict=True):
        if ref.id not in lost:  # type: ignore[attr-defined]
            assert read == ref, (fmt, ref, read, text)


def one_input(data: bytes) -> None:
    if not data:
        return
    fmt = READERS[data[0] % len(READERS)]
    try:
        text = data[1:].decode("utf-8")
    except UnicodeDecodeError:
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            refs = loads(text, fmt, file="<fuzz>", on_error=lambda _error: None)
    except CitekitError:
        return
    refs = refs[:5]
    for ref in refs:
        for style in STYLES:
            for to in ("text", "html", "latex", "markdown"):
                with contextlib.suppress(CitekitError):
                    citekit.format(ref, style, to=to)
    if refs and len({r.id for r in refs}) == len(refs):
        for writer in WRITERS:
            _round_trip(list(refs), writer)
        citekit.bibliography(refs, "gost")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
