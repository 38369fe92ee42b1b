"""Author lists as APA 7 prints them (§9.8), shared by ``apa`` and ``references``.

>>> ampersand_list(["Kistanov, V. O."])
'Kistanov, V. O.'
>>> ampersand_list(["Smith, S. A.", "McClean, C."])
'Smith, S. A., & McClean, C.'
>>> ampersand_list([f"A{i}, B." for i in range(1, 23)])[-31:]
'A18, B., A19, B., . . . A22, B.'
"""

from __future__ import annotations

__all__ = ["ampersand_list"]


def ampersand_list(names: list[str], *, cap: int | None = None) -> str:
    """One to twenty names: commas, and ``, &`` before the last; twenty-one or more: the first
    nineteen, ``. . .``, the last. ``cap`` lists that many and ``et al.`` instead."""
    if cap is not None and len(names) > cap:
        return ", ".join(names[:cap]) + ", et al."
    if len(names) == 1:
        return names[0]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]
