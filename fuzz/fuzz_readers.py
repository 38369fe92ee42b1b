"""Coverage-guided fuzzing of the readers and every style with atheris (not part of CI).

    pip install atheris
    python fuzz/fuzz_readers.py -max_total_time=300 fuzz/corpus

Any exception other than CitekitError is a bug: the fuzzer stops and writes the input that
caused it. The seed corpus is the example file and the broken-input matrix.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import citekit
    from citekit.errors import CitekitError
    from citekit.io.bibtex import read_bibtex
    from citekit.io.csljson import read_csl_json
    from citekit.io.ris import read_ris

STYLES = ("elpub", "elpub-ru", "references", "gost", "gost-2008", "apa", "bibtex")


def one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    start = text.lstrip()
    reader = (
        read_bibtex
        if start.startswith("@")
        else read_ris
        if start.startswith("TY")
        else read_csl_json
    )
    try:
        refs = reader(text, file="<fuzz>")
    except CitekitError:
        return
    for ref in refs[:5]:
        for style in STYLES:
            for to in ("text", "html"):
                with contextlib.suppress(CitekitError):
                    citekit.format(ref, style, to=to)
    if refs:
        citekit.bibliography(refs[:5], "gost")
        citekit.cite(refs[:5], "apa")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
