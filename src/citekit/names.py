"""The forms of a name that styles print: as written, or in Latin script.

A Latin form comes from the person's own Latin spelling when one is known,
else from transliteration.  Initials of a transliterated name come from the
Cyrillic initials, so a Cyrillic digraph letter stays whole (``Ю.`` →
``Yu.``, ``Ж.`` → ``Zh.``), and the same holds for an own spelling that
begins with that digraph (``Юрий`` spelt ``Yury`` → ``Yu.``).

>>> from citekit.model import Person
>>> form = latin_form(Person("Белая", "Жанна Евгеньевна"))
>>> form.family, form.initials
('Belaya', ('Zh.', 'E.'))
>>> own = Person("Воловой", "Юрий", forms={"ru-Latn": Person("Volkovoy", "Yury")})
>>> latin_form(own).family, latin_form(own).initials
('Volkovoy', ('Yu.',))
"""

from __future__ import annotations

from functools import lru_cache

from citekit.model.name_form import NameForm
from citekit.model.person import Person, split_given
from citekit.script import has_cyrillic
from citekit.translit import DEFAULT_SCHEME, SCHEMES, transliterate

__all__ = ["NameForm", "direct", "inverted", "latin_form", "original_form"]


# The form as written is built once, with the person; a Latin form is built each time it
# is asked for. A site's list names tens of thousands of people, few of them twice in a row,
# and a cache that mostly misses costs more (hashing the person, evicting) than building the
# form again. Transliterations of single names are cached (translit.py).

_new = tuple.__new__
"""Builds a form from a tuple without the Python-level ``__new__`` of a named tuple, which
took half the time of building one."""


def original_form(person: Person) -> NameForm:
    """The name as written in the reference."""
    return person.as_written


def latin_form(person: Person, scheme: str = DEFAULT_SCHEME) -> NameForm:
    """The name in Latin script: the person's own spelling if known, else transliterated."""
    if person.is_latin:
        return person.as_written
    own = person.latin if person.forms else None
    if own is not None:
        return _own_spelling(person, own)
    family, given, initials, suffix, is_organisation = person.as_written
    return _new(
        NameForm,
        (
            _latin_name(family, scheme),
            _latin_name(given, scheme) if given else None,
            _latin_initials(initials, scheme),
            transliterate(suffix, scheme) if suffix else None,
            is_organisation,
        ),
    )


@lru_cache(maxsize=4096)
def _latin_name(name: str, scheme: str) -> str:
    """A family or given name in Latin script. Names recur (Иванов, Александр), and a hit
    here skips the script check that :func:`~citekit.translit.transliterate` makes first."""
    return transliterate(name, scheme)


@lru_cache(maxsize=4096)  # initials repeat far more than names: ('В.', 'О.') is everywhere
def _latin_initials(initials: tuple[str, ...], scheme: str) -> tuple[str, ...]:
    return tuple([transliterate(initial, scheme) for initial in initials])


def _own_spelling(person: Person, own: Person) -> NameForm:
    """The Latin spelling ``own`` of a Cyrillic name, its initials' digraphs kept whole."""
    cyrillic_initials = person.initials if has_cyrillic(person.given or "") else ()
    initials = own.initials
    own_names = split_given(own.given or "")
    if len(own_names) == len(cyrillic_initials) == len(initials):
        initials = tuple(
            _keep_digraph(name, mine, theirs)
            for name, mine, theirs in zip(own_names, initials, cyrillic_initials, strict=True)
        )
    return own.as_written._replace(initials=initials)


def _keep_digraph(name: str, initial: str, cyrillic_initial: str) -> str:
    """The initial ``Y.`` of an own spelling ``Yury`` becomes ``Yu.``, because ``Ю.`` is
    spelt ``Yu`` in some scheme and the name starts that way (``Youri`` keeps ``Y.``).
    Own spellings follow no one scheme, so every scheme's spelling of the letter counts;
    hyphenated names are matched part by part."""
    names, mine, theirs = name.split("-"), initial.split("-"), cyrillic_initial.split("-")
    if not len(names) == len(mine) == len(theirs):
        return initial
    kept = []
    for part, own, cyr in zip(names, mine, theirs, strict=True):
        spellings = sorted(_spellings(cyr.rstrip(".")), key=len, reverse=True)
        match = next(
            (s for s in spellings if len(s) > 1 and part.lower().startswith(s.lower())), None
        )
        kept.append(part[: len(match)] + "." if match and not part.endswith(".") else own)
    return "-".join(kept)


@lru_cache(maxsize=256)
def _spellings(letter: str) -> frozenset[str]:
    """Every scheme's Latin spelling of a Cyrillic letter (``Ю`` → Yu, Iu, Ju, Û, …)."""
    return frozenset(transliterate(letter, scheme) for scheme in SCHEMES)


def inverted(
    form: NameForm,
    *,
    comma: bool = True,
    spaced: bool = True,
    space: str = " ",
    suffix: bool = True,
) -> str:
    """The name family first: ``Caldwell, P. H.`` (APA), ``Kaspe, S.I.`` (``spaced=False``),
    ``Kistanov V.O.`` (``comma=False, spaced=False``); an organisation as it is. ``space``
    is the space between the words (a non-breaking one in typeset Russian); ``suffix=False``
    leaves a suffix (``Jr.``) out.

    >>> inverted(NameForm("Caldwell", "Patrina H.", ("P.", "H.")), spaced=False)
    'Caldwell, P.H.'
    """
    family, _, initials, name_suffix, is_organisation = form
    if is_organisation or not initials:
        return family
    name = f"{family}{',' if comma else ''}{space}{(space if spaced else '').join(initials)}"
    return f"{name}, {name_suffix}" if name_suffix and suffix else name


def direct(form: NameForm, *, spaced: bool = True, space: str = " ") -> str:
    """The name initials first: ``E. E. Editor`` (``E.E. Editor`` unspaced); ``space`` between
    the words."""
    family, _, initials, _, is_organisation = form
    if is_organisation or not initials:
        return family
    return f"{(space if spaced else '').join(initials)}{space}{family}"
