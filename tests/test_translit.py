"""Transliteration: the BSI table, the other schemes, case, and properties over every letter."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit.errors import OptionError
from citekit.script import has_cyrillic
from citekit.translit import BSI_TABLE, SCHEMES, transliterate
from strategies import RUSSIAN


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("Россия в глобальной политике", "Rossiya v global'noi politike"),
        ("новый", "novyi"),
        ("США", "SShA"),
        ("Щука", "Shchuka"),
        ("ЩУКА", "SHCHUKA"),
        ("ВНЕШНЯЯ ПОЛИТИКА", "VNESHNYAYA POLITIKA"),
        ("ВЦИОМ сообщает", "VTsIOM soobshchaet"),
        ("хозрасчёт", "khozraschet"),
        ("объём", 'ob"em'),
        ("Юрий", "Yurii"),
        ("Трамп 2.0: Japan?", "Tramp 2.0: Japan?"),
    ],
)
def test_bsi(text: str, latin: str) -> None:
    assert transliterate(text) == latin


@pytest.mark.parametrize(
    ("scheme", "latin"),
    [
        ("bsi", "Yurii Shchukin, ezh"),
        ("bgn-pcgn", "Yuriy Shchukin, yëzh"),
        ("ala-lc", "I͡uriĭ Shchukin, ëzh"),
        ("ala-lc-alt", "Iurii Shchukin, ezh"),
        ("gost-7.79-b", "Yurij Shhukin, yozh"),
        ("iso-9", "Ûrij Ŝukin, ëž"),
        ("icao", "Iurii Shchukin, ezh"),
    ],
)
def test_schemes(scheme: str, latin: str) -> None:
    assert transliterate("Юрий Щукин, ёж", scheme) == latin


def test_unknown_scheme() -> None:
    with pytest.raises(OptionError, match="unknown transliteration scheme 'bs'; known: bsi"):
        transliterate("Щука", "bs")


def test_bsi_table_is_the_journals_table() -> None:
    assert set(BSI_TABLE) == set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    assert BSI_TABLE["й"] == "i"
    assert BSI_TABLE["ё"] == "e"


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("letter", list(RUSSIAN))
def test_every_scheme_maps_every_letter(scheme: str, letter: str) -> None:
    for text in (letter, f"а{letter}а", f"{letter}{letter}"):
        assert not has_cyrillic(transliterate(text, scheme)), (scheme, text)


@given(text=st.text(alphabet=RUSSIAN + " -,.!?0123456789"))
def test_bsi_output_is_ascii(text: str) -> None:
    assert transliterate(text).isascii()


@given(
    text=st.text(alphabet=string.printable + "’—–«»éü"),
    scheme=st.sampled_from(list(SCHEMES)),
)
def test_latin_text_is_left_alone(text: str, scheme: str) -> None:
    assert transliterate(text, scheme) == text


@given(word=st.text(alphabet=RUSSIAN[:33], min_size=1, max_size=15))
def test_case_follows_the_word(word: str) -> None:
    lower = transliterate(word)
    assert transliterate(word.capitalize()) == lower[:1].upper() + lower[1:]
    if len(word) > 3:
        assert transliterate(word.upper()) == lower.upper()


ALL_CYRILLIC_LETTERS = [chr(c) for c in range(0x0400, 0x0530) if chr(c).isalpha()]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_cyrillic_letter_comes_out_latin(scheme: str) -> None:
    # Ukrainian, Belarusian, Serbian, Kazakh … letters are outside the Russian tables.
    for letter in ALL_CYRILLIC_LETTERS:
        assert not has_cyrillic(transliterate(f"а{letter}", scheme)), (scheme, letter)


@pytest.mark.parametrize(
    ("text", "latin"),
    [("Ѐ", "È"), ("Ўладзімір", "Ŭladzimir"), ("Ігор", "Igor"), ("Євген", "Ievgen")],
)
def test_letters_outside_russian(text: str, latin: str) -> None:
    assert transliterate(text) == latin


@given(
    text=st.text(
        alphabet=RUSSIAN + RUSSIAN.upper() + " -,.ÀЀі\u0306—«»№\U0001f600", min_size=1
    ).filter(lambda t: not t.isupper())
)
def test_letter_by_letter_path_agrees_with_iuliia(text: str) -> None:
    # bsi translates mixed-case text with one str.translate call; iuliia's own translation,
    # word by word and letter by letter, must give the same result
    from citekit.translit import _finish, _schema

    schema = _schema("bsi")
    assert transliterate(text) == _finish(schema.translate(text), schema)
