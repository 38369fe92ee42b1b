"""``Person`` and ``Title`` accept and refuse exactly what their validators did.

Their checks moved from attrs validators into one post-init call (``finish_person``,
``finish_title`` in ``model/checks.py``, compiled in the wheel; issue #18). The rules as the
validators had them are written out here once more, plainly, and hypothesis compares the two
on arbitrary text, None and values of other types: the same values accepted with the same
result, the same refused with the same message and field, in the same order when several
fields are wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citekit.errors import ValidationError
from citekit.model import Person, Title
from citekit.model.checks import canonical_tag, valid_lang
from citekit.model.person import initials_of
from citekit.script import folded, is_latin, printable

# Text the folding and the checks treat differently: blanks, control and bidi characters,
# line breaks, Cyrillic and Latin letters, dots and hyphens (initials), a particle.
_CHARS = "aZ яЖ.-\t\n\x00\u202e\u00a0"
text = st.text(alphabet=_CHARS, max_size=8)
other = st.one_of(
    st.integers(-3, 3),
    st.booleans(),
    st.floats(allow_nan=False),
    st.just(b"bytes"),
    st.lists(text, max_size=2),
    st.tuples(text),
)
value = st.one_of(st.none(), text, text, other)
tags = st.one_of(
    st.sampled_from(["en", "EN", "ru-Latn", "ru-latn", "ru-Latn-bsi", "ru-Latn-BSI"]),
    text,
    st.integers(0, 2),
)


def _outcome(build: Callable[[], Any]) -> tuple[Any, ...]:
    try:
        made = build()
    except ValidationError as exc:
        return ("refused", exc.args, exc.field)
    except (AttributeError, TypeError) as exc:  # not a mapping where a mapping belongs
        return ("error", type(exc).__name__, str(exc))
    return ("made", made)


# Person, as its validators and post-init had it


def _old_text(value: Any) -> Any:
    return (folded(value) or None) if isinstance(value, str) else value


def _old_forms(value: Any) -> Mapping[Any, Any]:
    if not value:
        return {}
    forms = {canonical_tag(k) if isinstance(k, str) else k: form for k, form in value.items()}
    if len(forms) < len(value):
        raise ValidationError("two forms under one language tag, spelt in different case")
    return forms


_PARTS = ("family", "given", "particle", "dropping_particle", "suffix", "literal")


def _old_person(parts: dict[str, Any], forms: Any) -> tuple[Any, ...]:
    """What the old Person made of these values: its fields, name as written and script."""
    values = {name: _old_text(parts[name]) for name in _PARTS}
    converted = _old_forms(forms)
    for name in _PARTS:
        if values[name] is not None and not isinstance(values[name], str):
            raise ValidationError("must be non-empty text or absent", field=name)
    for key, form in converted.items():
        if not isinstance(key, str) or not valid_lang(key):
            raise ValidationError(
                f"not a language tag: {key!r}; use BCP 47, such as 'ru-Latn'", field="forms"
            )
        if not isinstance(form, Person):
            raise ValidationError(f"the {key!r} form must be a Person", field="forms")
    family, given_, literal = values["family"], values["given"], values["literal"]
    if literal is None and family is None:
        raise ValidationError(
            "a name needs a family name, or a literal for an organisation", field="family"
        )
    if literal is not None and (family or given_):
        raise ValidationError(
            "a literal name stands alone; drop family and given, or drop literal",
            field="literal",
        )
    if literal is not None:
        shown = literal
    elif values["particle"] is None and values["dropping_particle"] is None:
        shown = family
    else:
        shown = " ".join(filter(None, (values["dropping_particle"], values["particle"], family)))
    letters = "".join(
        filter(None, (literal, family, given_, values["particle"], values["dropping_particle"]))
    )
    written = (
        shown,
        given_,
        initials_of(given_) if given_ else (),
        values["suffix"],
        literal is not None,
    )
    return (values, converted, written, is_latin(letters))


def _seen(person: Person) -> tuple[Any, ...]:
    values = {name: getattr(person, name) for name in _PARTS}
    return (values, dict(person.forms), tuple(person.as_written), person.is_latin)


_FORM = Person("Volkovoy", "A.")
forms = st.one_of(
    st.none(),
    st.dictionaries(tags, st.one_of(st.just(_FORM), text, st.none()), max_size=3),
    st.integers(0, 1),
)


@settings(max_examples=600)
@given(parts=st.fixed_dictionaries(dict.fromkeys(_PARTS, value)), forms=forms)
def test_person_accepts_and_refuses_as_its_validators_did(
    parts: dict[str, Any], forms: Any
) -> None:
    def new() -> tuple[Any, ...]:
        made = Person(
            parts["family"],
            parts["given"],
            particle=parts["particle"],
            dropping_particle=parts["dropping_particle"],
            suffix=parts["suffix"],
            literal=parts["literal"],
            forms=forms,
        )
        return _seen(made)

    assert _outcome(new) == _outcome(lambda: _old_person(parts, forms))


@settings(max_examples=300)
@given(part=st.sampled_from(_PARTS), bad=other)
def test_evolve_still_checks_a_person(part: str, bad: Any) -> None:
    person = Person("Кистанов", "Валерий Олегович")
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(person, **{part: bad})
    assert caught.value.field == part


# Title, as its validators had it, and with its language tag kept in BCP 47's case as the
# tags of its forms are (``EN`` is ``en``)


def _old_map(value: Any) -> Mapping[Any, Any]:
    if not value:
        return {}
    forms = {
        canonical_tag(k) if isinstance(k, str) else k: folded(t) if isinstance(t, str) else t
        for k, t in value.items()
    }
    if len(forms) < len(value):
        raise ValidationError("two forms under one language tag, spelt in different case")
    return forms


def _old_title(original: Any, lang: Any, transliterations: Any, translations: Any) -> Any:
    text = folded(original) if isinstance(original, str) else original
    maps = {"transliterations": _old_map(transliterations), "translations": _old_map(translations)}
    if not isinstance(text, str) or not printable(text):
        raise ValidationError("must be non-empty text", field="original")
    if lang is not None and (not isinstance(lang, str) or not valid_lang(lang)):
        raise ValidationError(
            f"not a language tag: {lang!r}; use BCP 47, such as 'ru' or 'en'", field="lang"
        )
    for field, forms_ in maps.items():
        for key, form in forms_.items():
            if not isinstance(key, str) or not valid_lang(key):
                raise ValidationError(
                    f"not a language tag: {key!r}; use BCP 47, such as 'en' or 'ru-Latn-bsi'",
                    field=field,
                )
            if not isinstance(form, str) or not printable(form):
                raise ValidationError(f"the {key!r} form must be non-empty text", field=field)
    tag = None if lang is None else canonical_tag(lang)  # BCP 47's case, as forms' tags
    return (text, tag, maps["transliterations"], maps["translations"])


text_maps = st.one_of(
    st.none(), st.dictionaries(tags, value, max_size=3), st.integers(0, 1), st.just({})
)


@settings(max_examples=600)
@example(original="Z", lang="EN", transliterations=None, translations=None)  # kept as "en"
@given(
    original=value,
    lang=st.one_of(value, tags),
    transliterations=text_maps,
    translations=text_maps,
)
def test_title_accepts_and_refuses_as_its_validators_did(
    original: Any, lang: Any, transliterations: Any, translations: Any
) -> None:
    def new() -> tuple[Any, ...]:
        made = Title(
            original, lang=lang, transliterations=transliterations, translations=translations
        )
        return (made.original, made.lang, dict(made.transliterations), dict(made.translations))

    old = _outcome(lambda: _old_title(original, lang, transliterations, translations))
    assert _outcome(new) == old


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"original": 5}, "original"),
        ({"original": " \u202e "}, "original"),
        ({"lang": "not a tag"}, "lang"),
        ({"translations": {"en": 5}}, "translations"),
        ({"transliterations": {"xx-": "Voina"}}, "transliterations"),
    ],
)
def test_evolve_still_checks_a_title(change: dict[str, Any], field: str) -> None:
    title = Title("Война и мир", lang="ru")
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(title, **change)
    assert caught.value.field == field
