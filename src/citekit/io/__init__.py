"""Readers (and, later, writers) of bibliographic files.

>>> refs = load("examples/japanese-studies-2025-3.json")  # doctest: +SKIP
>>> FORMAT_BY_EXTENSION[".json"]
'csl-json'
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import import_module
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, TypeVar

from citekit.collector import collector_paused
from citekit.errors import DataLossWarning, OptionError, ParseError
from citekit.io.problems import ErrorHandler
from citekit.model.reference import Reference

__all__ = ["FORMAT_BY_EXTENSION", "READERS", "WRITERS", "dump", "load", "loads"]

_F = TypeVar("_F")


class _OnFirstUse(Mapping[str, _F]):
    """Functions by format name, each imported from its module when first asked for: reading
    CSL-JSON need not load pybtex, rispy and PyYAML (80 ms of a process's start)."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where = where  # format -> "module:function"
        self._loaded: dict[str, _F] = {}

    def __getitem__(self, name: str) -> _F:
        found = self._loaded.get(name)
        if found is None:
            module, _, function = self._where[name].partition(":")
            found = self._loaded[name] = getattr(import_module(module), function)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


READERS: Mapping[str, Callable[..., list[Reference]]] = _OnFirstUse(
    {
        "csl-json": "citekit.io.csljson:read_csl_json",
        "bibtex": "citekit.io.bibtex:read_bibtex",
        "ris": "citekit.io.ris:read_ris",
        "yaml": "citekit.io.native:read_yaml",
        "citekit-json": "citekit.io.native:read_json",
        "jats": "citekit.io.jats:read_jats",
        "crossref": "citekit.io.crossref:read_crossref",
        "datacite": "citekit.io.datacite:read_datacite",
    }
)
"""Input formats by name; each reader takes the text and ``file=`` for messages."""

WRITERS: Mapping[str, Callable[..., str]] = _OnFirstUse(
    {
        "csl-json": "citekit.io.csljson:write_csl_json",
        "bibtex": "citekit.io.bibtex:write_bibtex",
        "ris": "citekit.io.ris:write_ris",
        "yaml": "citekit.io.native:write_yaml",
        "citekit-json": "citekit.io.native:write_json",
        "jats": "citekit.io.jats_writer:write_jats",
        "crossref-deposit": "citekit.io.crossref_deposit:write_citation_list",
    }
)
"""Output formats by name; each writer takes the references and ``lose=`` for what it drops."""

FORMAT_BY_EXTENSION: Mapping[str, str] = MappingProxyType(
    {
        ".json": "csl-json",
        ".bib": "bibtex",
        ".bibtex": "bibtex",
        ".ris": "ris",
        ".yaml": "yaml",
        ".yml": "yaml",
        ".xml": "jats",
        ".nxml": "jats",
        ".crossref.json": "crossref",
        ".datacite.json": "datacite",
    }
)

Source = str | os.PathLike[str] | IO[str] | IO[bytes]

MAX_BYTES = 256 * 2**20
"""The largest file citekit reads: a reference file larger than this is a mistake."""


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError(
            f"not UTF-8 text (byte {data[exc.start]:#04x}); save the file as UTF-8",
            file=name,
            line=line,
        ) from None


def _format_for(name: str | None, format: str | None) -> str:
    if format is not None:
        if format not in READERS:
            raise ParseError(
                f"unknown input format {format!r}; known: {', '.join(READERS)}", file=name
            )
        return format
    suffixes = [s.lower() for s in Path(name).suffixes] if name else []
    for suffix in ("".join(suffixes[-2:]), "".join(suffixes[-1:])):  # .crossref.json, .json
        if suffix in FORMAT_BY_EXTENSION:
            return FORMAT_BY_EXTENSION[suffix]
    known = ", ".join(f"{ext} ({fmt})" for ext, fmt in FORMAT_BY_EXTENSION.items())
    raise ParseError(
        f"cannot tell the format from the name; name it with format= (known: {known})",
        file=name,
    )


def loads(
    text: str, format: str, *, file: str | None = None, on_error: ErrorHandler | None = None
) -> list[Reference]:
    """The references in ``text``, which is in ``format`` (``"csl-json"``)."""
    reader = READERS[_format_for(file, format)]
    with collector_paused():
        return reader(text, file=file, on_error=on_error)


def load(
    source: Source, format: str | None = None, *, on_error: ErrorHandler | None = None
) -> list[Reference]:
    """The references in a file (a path or an open file), format from its extension unless given.

    Raises :class:`~citekit.errors.ParseError` or :class:`~citekit.errors.ValidationError`
    naming the file, line, reference and field of the first problem. With ``on_error``, each
    bad reference is passed to it instead and the others are still returned.
    """
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        fmt = _format_for(name, format)
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise ParseError(f"cannot read the file: {exc.strerror}", file=name) from None
    else:
        name = getattr(source, "name", None) or "<stream>"
        fmt = _format_for(name if format is None else None, format)
        data = source.read()  # type: ignore[assignment]
    if len(data) > MAX_BYTES:
        raise ParseError(
            f"the file has {len(data):,} bytes; citekit reads files of up to {MAX_BYTES:,}: split it",
            file=name,
        )
    text = data if isinstance(data, str) else _decode(data, name)
    with collector_paused():
        return READERS[fmt](text, file=name, on_error=on_error)


def dump(
    refs: Iterable[Reference],
    format: str,
    file: str | os.PathLike[str] | None = None,
    **options: Any,
) -> str:
    """The references written in ``format`` (``"csl-json"``); also saved to ``file`` if given.

    ``options`` go to the writer: ``style=`` for the formatted citations that ``jats`` and
    ``crossref-deposit`` hold, ``article=True`` for a whole JATS article.

    A value the format cannot hold is not dropped silently: a
    :class:`~citekit.errors.DataLossWarning` names the reference and the field.
    """
    if format not in WRITERS:
        raise OptionError(f"cannot write {format!r}; formats: {', '.join(WRITERS)}")
    if options:
        import inspect

        takes = inspect.signature(WRITERS[format]).parameters
        unknown = [name for name in options if name not in takes or name == "lose"]
        if unknown:
            raise OptionError(f"the {format} writer takes no option {', '.join(unknown)}")
    losses: list[str] = []

    def lose(ref: Reference, field: str, why: str) -> None:
        losses.append(f"{ref.id}: {field}: not written to {format}: {why}")

    text = WRITERS[format](list(refs), lose=lose, **options)
    # Warned here, once the writer is done, so that each warning points at the line that
    # called dump() rather than into a writer's source.
    for loss in losses:
        warnings.warn(DataLossWarning(loss), stacklevel=2)
    if file is not None:
        Path(file).write_text(text, encoding="utf-8")
    return text
