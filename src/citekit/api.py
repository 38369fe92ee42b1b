"""The public functions: load references, format them, list styles.

>>> import citekit
>>> ref = citekit.load("examples/japanese-studies-2025-3.json")[0]
>>> print(citekit.format(ref, "elpub-ru"))
Кистанов В.О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? Японские исследования. 2025;(3):5-25. https://doi.org/10.55105/2500-2872-2025-3-5-25
>>> print(citekit.format(ref, "elpub", to="html"))  # doctest: +ELLIPSIS
Kistanov V.O. Japan&#39;s foreign policy ... <a href="https://doi.org/10.55105/2500-2872-2025-3-5-25">https://doi.org/10.55105/2500-2872-2025-3-5-25</a>
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, cast

from citekit.collector import collector_paused
from citekit.errors import OptionError, UnsupportedError
from citekit.io import Source
from citekit.io import load as _load_file
from citekit.io import loads as _load_text
from citekit.io.duplicates import unique
from citekit.io.problems import ErrorHandler
from citekit.model.reference import Reference
from citekit.reference_list import ReferenceList
from citekit.render import render_list, renderer
from citekit.styles.base import CitingStyle, Style
from citekit.styles.registry import describe_styles, get_style

__all__ = [
    "bibliography",
    "cite",
    "format",
    "format_many",
    "load",
    "loads",
    "resolve_style",
    "style_ids",
]

ReferenceLike = Reference | Mapping[str, Any]
"""A :class:`Reference`, or one CSL-JSON item as a dict (read as ``citekit.load`` reads it)."""


def load(
    source: Source | Sequence[Source],
    format: str | None = None,
    *,
    on_error: ErrorHandler | None = None,
) -> ReferenceList:
    """The references in a file (a path or an open file), or in several given as a list; the
    format from each extension (``.json``, ``.bib``, ``.ris``, ``.yaml``) unless ``format``
    names it.

    Raises :class:`~citekit.errors.ParseError` or :class:`~citekit.errors.ValidationError`
    naming the file, line, reference and field of the first problem; with ``on_error``,
    each bad reference is passed to it instead and the others are still returned. A work
    given twice (the same id, or the same DOI) is kept once, the first copy, with a
    :class:`~citekit.io.duplicates.DuplicateReferenceWarning` (docs/robustness.md).

    >>> refs = load("examples/japanese-studies-2025-3.json")
    >>> refs
    <12 references: kistanov2025, kaspe2025, kistanov2024, …, smith2024>
    >>> len(load(["examples/japanese-studies-2025-3.json"]))
    12
    """
    many = isinstance(source, list | tuple)
    sources = cast("Sequence[Source]", source if many else [source])
    read = [(_name(s), _load_file(s, format, on_error=on_error)) for s in sources]
    return ReferenceList(unique(read))


def _name(source: Source) -> str | None:
    """The name messages give ``source``: a path, or an open file's name."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def loads(
    text: str, format: str, *, file: str | None = None, on_error: ErrorHandler | None = None
) -> ReferenceList:
    """The references in ``text``, which is in ``format`` (``"csl-json"``, ``"bibtex"``,
    ``"ris"``, ``"yaml"``, ``"citekit-json"``); ``file`` names it in messages.

    >>> [ref.id for ref in loads('@book{b1, title={T}, year={2020}}', "bibtex")]
    ['b1']
    """
    return ReferenceList(unique([(file, _load_text(text, format, file=file, on_error=on_error))]))


def _reference(ref: object) -> Reference:
    """``ref`` itself, or the reference a CSL-JSON item (a dict) describes."""
    if isinstance(ref, Reference):
        return ref
    if isinstance(ref, Mapping):
        from citekit.io.csljson import item_to_reference

        return item_to_reference(dict(ref))
    hint = (
        " (a file's name: read it with citekit.load)" if isinstance(ref, str | os.PathLike) else ""
    )
    raise OptionError(
        f"expected a citekit Reference or a CSL-JSON item (a dict), not {type(ref).__name__}{hint}"
    )


def resolve_style(style: str | Style) -> Style:
    """A style object from its id (or the object itself)."""
    return style if not isinstance(style, str) else get_style(style)


def style_ids() -> list[str]:
    """The ids of every available style, sorted: built-in, registered and from plug-ins.

    >>> "references" in style_ids()
    True
    """
    return [style_id for style_id, _ in describe_styles()]


def format(
    ref: ReferenceLike, style: str | Style = "elpub", *, to: str = "text", **options: Any
) -> str:
    """One reference formatted by ``style`` as ``to`` (``text``, ``html``, ``markdown``, ``latex``).

    ``ref`` is a :class:`Reference` or a CSL-JSON item (a dict). ``options`` are the
    style's (``translit="ala-lc"``, ``max_authors=6``); an unknown one raises
    :class:`~citekit.errors.OptionError`.

    >>> item = {"id": "a", "type": "book", "title": "Capital", "author": [{"family": "Marx", "given": "Karl"}], "issued": {"date-parts": [[1867]]}}
    >>> format(item, "apa")  # text: the italics show in html, markdown and latex
    'Marx, K. (1867). Capital.'
    """
    engine = resolve_style(style)
    to_format = renderer(to)
    return to_format(engine.entry(_reference(ref), engine.options(**options)))


def format_many(
    refs: Iterable[ReferenceLike],
    style: str | Style = "elpub",
    *,
    to: str = "text",
    workers: int | None = None,
    **options: Any,
) -> list[str]:
    """Each reference formatted by ``style``, in the order given: :func:`format` for a batch.

    The style, its options and the output format are resolved once for the whole batch.
    ``workers=N`` (N > 1) spreads the work over N processes, in chunks, and still returns
    the entries in input order; it pays off from a few thousand references (smaller batches
    run in-process). Where the platform can fork, the workers inherit the batch; elsewhere
    each gets it pickled, and a style passed as an object must then be picklable.
    A numbered CSL style (``csl:ieee``) numbers the entries as its bibliography of the
    batch would (in-process, whatever ``workers`` says).

    >>> import citekit
    >>> refs = citekit.load("examples/japanese-studies-2025-3.json")
    >>> format_many(refs[:2], "gost", to="html") == [format(r, "gost", to="html") for r in refs[:2]]
    True
    """
    engine = resolve_style(style)
    to_format = renderer(to)
    checked = engine.options(**options)
    given = refs if isinstance(refs, Sequence) else list(refs)
    if all(isinstance(ref, Reference) for ref in given):
        items: Sequence[Reference] = given  # type: ignore[assignment]
    else:
        items = [_reference(ref) for ref in given]
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)):
        raise OptionError(f"workers must be a whole number of processes, not {workers!r}")
    numbered = getattr(engine, "numbered_entries", None)
    if numbered is not None:  # a numbered CSL style: each entry's number depends on the list
        with collector_paused():
            entries = numbered(items, checked)
        if entries is not None:
            return [to_format(entry) for entry in entries]
    if workers is None or workers <= 1 or len(items) < 2 * _CHUNK:
        entry = engine.entry
        with collector_paused():  # entries are acyclic; see citekit.collector
            return [to_format(entry(ref, checked)) for ref in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers inherit the batch instead of receiving it pickled, chunk by chunk,
    # which would cost more than the formatting; where fork is missing, each worker gets
    # the batch pickled once.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    job = _Job(items, engine.id if isinstance(style, str) else engine, to, options)
    starts = range(0, len(items), _CHUNK)
    with ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(job,)) as pool:
        return [text for part in pool.map(_format_range, starts) for text in part]


_CHUNK = 2000
"""References per task in a worker process: large enough that the round trip is small
beside the formatting, small enough to keep every worker busy to the end."""


class _Job(NamedTuple):
    refs: Sequence[Reference]
    style: str | Style
    to: str
    options: dict[str, Any]


_job: _Job | None = None
"""The batch of the format_many call a worker process serves (set in workers only)."""


def _start_worker(job: _Job) -> None:
    global _job
    _job = job


def _format_range(start: int) -> list[str]:
    assert _job is not None, "only called in a worker started by format_many"
    refs, style, to, options = _job
    return format_many(refs[start : start + _CHUNK], style, to=to, **options)


def bibliography(
    refs: Iterable[ReferenceLike], style: str | Style = "elpub", *, to: str = "text", **options: Any
) -> str:
    """A reference list: sorted and labelled as ``style`` does it, one entry per line
    (an ``<ol>``/``<ul>`` in HTML)."""
    engine = resolve_style(style)
    renderer(to)  # an unknown format fails before any work is done
    with collector_paused():  # entries are acyclic; see citekit.collector
        entries = engine.bibliography([_reference(r) for r in refs], engine.options(**options))
        return render_list(entries, to)


def cite(
    refs: ReferenceLike | Iterable[ReferenceLike],
    style: str | Style = "apa",
    *,
    narrative: bool = False,
    locator: str | None = None,
    context: Iterable[ReferenceLike] | None = None,
    to: str = "text",
    **options: Any,
) -> str:
    """An in-text citation of one or several references: ``(Kistanov, 2025)``.

    ``narrative=True`` gives ``Kistanov (2025)``; ``locator="p. 7"`` adds a page;
    ``context`` is the document's whole reference list, which decides year suffixes
    (``2025a``). Raises :class:`~citekit.errors.UnsupportedError` for a style without
    in-text citations.

    >>> import citekit
    >>> refs = citekit.load("examples/japanese-studies-2025-3.json")
    >>> cite([refs[2], refs[0]], "apa")
    '(Kistanov, 2024, 2025)'
    """
    engine = resolve_style(style)
    if not isinstance(engine, CitingStyle):
        raise UnsupportedError(f"style {engine.id!r} makes no in-text citations; try 'apa'")
    to_format = renderer(to)
    one = isinstance(refs, Reference | Mapping)
    items = [_reference(refs)] if one else [_reference(r) for r in refs]  # type: ignore[union-attr]
    if not items:
        raise UnsupportedError("a citation needs at least one reference")
    whole = [_reference(r) for r in context] if context is not None else None
    tree = engine.cite(
        items, engine.options(**options), context=whole, narrative=narrative, locator=locator
    )
    return to_format(tree)
