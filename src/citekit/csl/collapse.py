"""Collapsing and grouping of the cites in a citation: citation-number ranges
(``[1–3]``), years under one author (``Doe 2000, 2001``) and year-suffixes (``2000a, b``).

>>> number_ranges([1, 2, 3, 5])
[(1, 3), (5, 5)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.output import Part, concat, is_empty

if TYPE_CHECKING:
    from citekit.csl.evaluate import CiteState, Evaluator
    from citekit.csl.processor import Processor

__all__ = ["collapse_citation", "number_ranges"]


def number_ranges(numbers: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def collapse_citation(
    proc: Processor,
    rendered: list[tuple[dict[str, Any], CiteState, Part | None, Evaluator]],
    delimiter: str,
) -> list[Part]:
    """The cites of a citation with their delimiters, collapsed as the style asks."""
    citation = proc.style.citation
    attrs = citation.attrs if citation is not None else {}
    collapse = attrs.get("collapse", "")
    after = attrs.get("after-collapse-delimiter", delimiter)
    if collapse == "citation-number":
        return _numbers(proc, rendered, delimiter, after)
    group_delim = attrs.get("cite-group-delimiter")
    if collapse.startswith("year") or group_delim is not None:
        return _years(
            proc,
            rendered,
            delimiter,
            after,
            collapse,
            group_delim or _default_group_delimiter(proc, delimiter),
            attrs.get("year-suffix-delimiter", group_delim or delimiter),
            "after-collapse-delimiter" in attrs,
        )
    out: list[Part] = []
    previous_suffix = ""
    for cite, _st, part, _ev in rendered:
        piece = proc.cite_affixes(cite, part)
        if piece is None:
            continue
        if out and delimiter:
            prefix = str(cite.get("prefix") or "")
            if prefix[:1] in (",", ";", ":", "."):
                pass  # the prefix brings its own punctuation
            elif previous_suffix.rstrip()[-1:] in (",", ";", ":"):
                out.append(" ")
            else:
                out.append(delimiter)
        out.append(piece)
        previous_suffix = str(cite.get("suffix") or "")
    return out


def _default_group_delimiter(proc: Processor, delimiter: str) -> str:
    """The delimiter between one author's cites when the style sets no
    ``cite-group-delimiter``: ``, `` in an in-text style; a note style keeps its layout's
    delimiter (citeproc-js: ``(Smith 2000a; 2000b)`` in a note)."""
    return delimiter if proc.style.attrs.get("class") == "note" else ", "


def _plain_cite(cite: dict[str, Any]) -> bool:
    return not (cite.get("prefix") or cite.get("suffix") or cite.get("locator"))


def _numbers(
    proc: Processor,
    rendered: list[tuple[dict[str, Any], CiteState, Part | None, Evaluator]],
    delimiter: str,
    after: str,
) -> list[Part]:
    runs: list[list[tuple[dict[str, Any], CiteState, Part | None, Evaluator]]] = []
    for entry in rendered:
        cite, st, _part, _ev = entry
        number = st.citation_number
        if (
            runs
            and _plain_cite(cite)
            and _plain_cite(runs[-1][-1][0])
            and number is not None
            and runs[-1][-1][1].citation_number == number - 1
        ):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    out: list[Part] = []
    previous_collapsed = False
    for run in runs:
        if out:
            out.append(after if previous_collapsed else delimiter)
        if len(run) >= 3:
            first = proc.cite_affixes(run[0][0], run[0][2])
            last = proc.cite_affixes(run[-1][0], run[-1][2])
            out.append(concat([first, "\u2013", last]))
            previous_collapsed = True
        else:
            pieces = [proc.cite_affixes(c, p) for c, _s, p, _e in run]
            present = [p for p in pieces if p is not None]
            for i, p in enumerate(present):
                if i:
                    out.append(delimiter)
                out.append(p)
            previous_collapsed = False
    return out


def _years(
    proc: Processor,
    rendered: list[tuple[dict[str, Any], CiteState, Part | None, Evaluator]],
    delimiter: str,
    after: str,
    collapse: str,
    group_delim: str,
    suffix_delim: str,
    after_given: bool = False,
) -> list[Part]:
    """Cites grouped by author. When the style sets ``after-collapse-delimiter`` it also
    goes after a cite with a locator (``Wong 1999, 328; 2000, 475``) and, but for
    ``collapse="year-suffix"``, between authors' groups even when none collapsed (what
    citeproc-js does; the CSL text names only the cites after a collapsed group)."""
    from citekit.csl.output import plain

    groups: list[list[tuple[dict[str, Any], CiteState, Part | None, Evaluator]]] = []
    index: dict[str, int] = {}
    # a sorted citation gathers each author's cites; an unsorted one only those side by side
    citation = proc.style.citation
    adjacent_only = citation is None or not citation.sort
    for entry in rendered:
        names = plain(entry[3].first_names) if entry[3].first_names is not None else ""
        if adjacent_only and groups and index.get(names) == len(groups) - 1:
            groups[-1].append(entry)
        elif not adjacent_only and names in index:
            groups[index[names]].append(entry)
        else:
            index[names] = len(groups)
            groups.append([entry])
    out: list[Part] = []
    previous_collapsed = False
    previous_cite: dict[str, Any] | None = None
    for group in groups:
        if out:
            between = after if previous_collapsed else delimiter
            if after_given and (
                (previous_cite is not None and previous_cite.get("locator"))
                or collapse != "year-suffix"
            ):
                between = after
            out.append(between)
        previous_cite = group[-1][0]
        if len(group) == 1:
            out.append(proc.cite_affixes(group[0][0], group[0][2]) or "")
            previous_collapsed = False
            continue
        previous_collapsed = True
        first_cite, first_st, first_part, _ = group[0]
        out.append(proc.cite_affixes(first_cite, first_part) or "")
        last_year_text = _year_text(
            proc.render_without_names(str(first_cite["id"]), first_st), first_st
        )
        suffix_run: list[str] = [first_st.year_suffix] if first_st.year_suffix else []
        before = first_cite
        for cite, st, full, _ev in group[1:]:
            if not collapse:  # grouped, not collapsed: every cite whole
                out.append(group_delim)
                out.append(proc.cite_affixes(cite, full) or "")
                continue
            short = proc.render_without_names(str(cite["id"]), st)
            if short is None or is_empty(short):
                continue
            year_text = _year_text(short, st)
            if (
                collapse.startswith("year-suffix")
                and st.year_suffix
                and _plain_cite(cite)
                and year_text == last_year_text
                and last_year_text is not None
                and suffix_run
            ):
                suffix_run.append(st.year_suffix)
                continue
            collapsed = len(suffix_run) > 1 or bool(after_given and before.get("locator"))
            _flush_range(out, suffix_run, suffix_delim, collapse)
            suffix_run = [st.year_suffix] if st.year_suffix and _plain_cite(cite) else []
            out.append(after if collapsed else group_delim)
            out.append(proc.cite_affixes(cite, short) or "")
            last_year_text = year_text
            before = cite
        _flush_range(out, suffix_run, suffix_delim, collapse)
    return out


def _flush_range(out: list[Part], run: list[str], delim: str, collapse: str) -> None:
    """The year-suffixes after the first of a run (already written with its year)."""
    if len(run) < 2:
        return
    pieces: list[str] = []
    i = 0
    while i < len(run):
        j = i
        if collapse == "year-suffix-ranged":
            while j + 1 < len(run) and ord(run[j + 1][-1]) == ord(run[j][-1]) + 1:
                j += 1
        if j - i >= 2:
            pieces.append(f"{run[i]}\u2013{run[j]}")
        else:
            pieces.extend(run[i : j + 1])
        i = j + 1
    first = pieces[0]
    if "\u2013" in first:
        out.append(first[len(run[0]) :])
    for p in pieces[1:]:
        out.append(delim)
        out.append(p)


def _year_text(part: Part | None, st: CiteState) -> str | None:
    from citekit.csl.output import plain

    text = plain(part)
    if st.year_suffix and st.year_suffix in text:
        return text.replace(st.year_suffix, "", 1)
    return text
