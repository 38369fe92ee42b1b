"""Author lists as APA 7 prints them (§9.8), shared by ``apa`` and ``references``.

>>> ampersand_list(["Kistanov, V. O."])
'Kistanov, V. O.'
>>> ampersand_list(["Smith, S. A.", "McClean, C."])
'Smith, S. A., & McClean, C.'
>>> ampersand_list([f"A{i}, B." for i in range(1, 23)])[-31:]
'A18, B., A19, B., . . . A22, B.'
"""

from __future__ import annotations

from citekit.model.reference import Reference

__all__ = ["ampersand_list", "truncated"]


def truncated(ref: Reference, role: str = "author") -> bool:
    """Whether the source's list of ``role`` (``author``, ``editor``, ``translator``) ends
    in "and others" (BibTeX's ``author = {Smith, John and others}``, which the reader keeps
    as ``extra["others"] = ["author"]``): the printed list then ends in et al. too.

    >>> from citekit.model import Book
    >>> truncated(Book(id="b", extra={"others": ["author"]})), truncated(Book(id="c"))
    (True, False)
    """
    extra = ref.extra
    if not extra:
        return False
    others = extra.get("others")
    return isinstance(others, list | tuple) and role in others


def ampersand_list(names: list[str], *, cap: int | None = None, more: bool = False) -> str:
    """One to twenty names: commas, and ``, &`` before the last; twenty-one or more: the first
    nineteen, ``. . .``, the last. ``cap`` lists that many and ``et al.`` instead; ``more``
    (the source itself ends the list in "and others") lists them all and ``et al.``:
    ``Smith, J., et al.``."""
    if cap is not None and len(names) > cap:
        return ", ".join(names[:cap]) + ", et al."
    if more and names:
        return ", ".join(names[:20]) + ", et al."
    if len(names) == 1:
        return names[0]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]
