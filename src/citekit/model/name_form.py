"""A name ready to print: the parts styles read, in the one shape every style shares.

>>> form = NameForm("Caldwell", "Patrina H.", ("P.", "H."))
>>> form.family, form.initials
('Caldwell', ('P.', 'H.'))
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["NameForm"]


class NameForm(NamedTuple):
    """``family`` (with particles, or an organisation's name), the given names, their
    initials and the suffix, in one script. A person carries its form as written
    (:attr:`~citekit.model.Person.as_written`); :mod:`citekit.names` builds Latin ones."""

    family: str
    given: str | None = None
    initials: tuple[str, ...] = ()
    suffix: str | None = None
    is_organisation: bool = False
