"""The least any CSL-JSON reader must do to return citekit's model: the same objects, with
every slot filled, and nothing checked, normalised or looked up (issue #18).

Each decoded item becomes what ``citekit.load`` makes of it: a reference of its class, a
:class:`~citekit.model.Title` per title (its translations as a read-only map), a
:class:`~citekit.model.Person` per name (with the :class:`~citekit.model.name_form.NameForm`
a person carries), a :class:`~citekit.model.PartialDate` per date, and equal names, titles
and dates built once per file, as the reader shares them. Objects are made with
``object.__new__`` and their slots filled with ``object.__setattr__``, which is how attrs'
own ``__init__`` fills a frozen class's slots, without the calls that check each value.

``benchmarks/model_floor.py`` runs this interpreted and, where mypyc is installed, compiled:
a reader that takes longer than the compiled floor is paying for its checks; no reader of
this model can take less. It is a measuring instrument, not a reader: the values it stores
are unchecked and it only knows the shapes of the generated items (``corpus.py``).
"""

from __future__ import annotations

from typing import Any

import attrs

from citekit.model.csl_item import ATTRIBUTES_OF, DATE_ATTRIBUTE, NAME_ATTRIBUTE, TITLE_ATTRIBUTE
from citekit.model.date import PartialDate
from citekit.model.frozen import NOTHING, read_only
from citekit.model.kinds import CSL_TYPES
from citekit.model.name_form import NameForm
from citekit.model.person import Person
from citekit.model.title import Title
from citekit.script import folded

_new = object.__new__
_set = object.__setattr__
_SLOTS: dict[Any, list[str]] = {}


def _make(cls: Any, values: dict[str, Any]) -> Any:
    """An instance of the attrs class ``cls`` with each slot set from ``values`` (None
    where absent), as its ``__init__`` would leave it, minus the checks."""
    names = _SLOTS.get(cls)
    if names is None:
        names = _SLOTS[cls] = [field.name for field in attrs.fields(cls)]
    instance: Any = _new(cls)
    for name in names:
        _set(instance, name, values.get(name))
    return instance


def _text(value: Any, fold: bool) -> Any:
    return folded(value) if fold and isinstance(value, str) else value


def _person(name: dict[str, Any], shared: dict[Any, Any], fold: bool) -> Any:
    key = ("name", *name.items())
    person = shared.get(key)
    if person is None:
        family, given = _text(name.get("family"), fold), _text(name.get("given"), fold)
        form = NameForm(family or "", given, (), None, False)
        values = {"family": family, "given": given, "forms": NOTHING, "as_written": form}
        person = shared[key] = _make(Person, values)
    return person


def _title(text: str, lang: Any, forms: dict[str, Any], shared: dict[Any, Any], fold: bool) -> Any:
    key = ("title", text, lang, *forms.items())
    title = shared.get(key)
    if title is None:
        values = {"original": _text(text, fold), "lang": lang, "transliterations": NOTHING}
        values["translations"] = read_only({tag: _text(form, fold) for tag, form in forms.items()})
        title = shared[key] = _make(Title, values)
    return title


def _date(value: dict[str, Any], shared: dict[Any, Any]) -> Any:
    parts = value["date-parts"][0]
    key = ("date", *parts)
    date = shared.get(key)
    if date is None:
        names = ("year", "month", "day")
        date = shared[key] = _make(PartialDate, dict(zip(names, parts, strict=False)))
    return date


def build(items: list[Any], fold: bool = False) -> list[Any]:
    """The references of ``items`` (decoded CSL-JSON), unchecked; with ``fold``, each text
    is only folded as the model stores text (:func:`~citekit.script.folded`: control and
    bidi characters dropped, white space folded), the least check the model makes of it."""
    shared: dict[Any, Any] = {}
    references: list[Any] = []
    for item in items:
        cls = CSL_TYPES[item["type"]]
        plan = ATTRIBUTES_OF[cls]
        keys = (item.get("multi") or {}).get("_keys") or {}
        lang = item.get("language")
        values: dict[str, Any] = {"authors": (), "editors": (), "translators": ()}
        values["extra"] = NOTHING
        for key, value in item.items():
            attribute = plan.get(key)
            if attribute is None:
                continue
            if key in TITLE_ATTRIBUTE:
                values[attribute] = _title(value, lang, keys.get(key) or {}, shared, fold)
            elif key in NAME_ATTRIBUTE:
                values[attribute] = tuple([_person(name, shared, fold) for name in value])
            elif key in DATE_ATTRIBUTE:
                values[attribute] = _date(value, shared)
            else:
                values[attribute] = _text(value, fold)
        values["id"] = item["id"]
        references.append(_make(cls, values))
    return references
