"""Generated CSL-JSON corpora for the benchmarks: every type, a third of them Russian.

The generator is seeded, so the same size always gives the same items. Names are built from
syllables, so that, as on a real journal site, most people appear once or a few times and
caches keyed by a person or a title rarely help; a few well-known names recur.
"""

from __future__ import annotations

import random
from typing import Any

RUSSIAN_FAMILIES = ["Кистанов", "Каспе", "Тренин", "Стрельцов", "Белая", "Шестакова", "Юдин"]
RUSSIAN_GIVEN = ["Валерий Олегович", "Святослав Игоревич", "Дмитрий", "Жанна Евгеньевна", "Юрий"]
# fmt: off
RUSSIAN_ROOTS = ["Бел", "Вор", "Гал", "Дуб", "Жук", "Зай", "Крас", "Лаз", "Мор", "Нес", "Орл",
                 "Пет", "Род", "Сем", "Тих", "Уш", "Фед", "Хол", "Чер", "Шил", "Щег", "Юр", "Яков"]
RUSSIAN_MIDDLES = ["", "ан", "ен", "ор", "уш", "ил", "ят", "ов", "ич", "ён"]
RUSSIAN_ENDINGS = ["ов", "ев", "ин", "ский", "енко", "ова", "ина"]
RUSSIAN_FIRST = ["Александр", "Мария", "Юрий", "Жанна", "Щеслав", "Ольга", "Эдуард", "Яна",
                 "Фёдор", "Ксения", "Григорий", "Елена"]
RUSSIAN_PATRONYMICS = ["Олегович", "Игоревна", "Юрьевич", "Евгеньевна", "Петрович", "Ильинична",
                       "", "Щедрович"]
LATIN_ROOTS = ["Ash", "Brad", "Cal", "Dun", "Ell", "Fair", "Gold", "Hart", "Kings", "Lang",
               "Mor", "North", "Old", "Pen", "Ros", "Stan", "Thorn", "West", "Yama", "Naka"]
LATIN_MIDDLES = ["", "er", "in", "ow", "ash", "ley", "ford", "mura"]
LATIN_ENDINGS = ["", "s", "ton", "son", "ham", "i", "by"]
LATIN_FIRST = ["Anna", "Brian", "Chloe", "Daisuke", "Erik", "Fiona", "Hiro", "Ivan", "Julia",
               "Kenji", "Laura", "Mieko", "Sheila A.", "C.", "Victor"]
# fmt: on
RUSSIAN_WORDS = [
    "внешняя",
    "политика",
    "японии",
    "эпоха",
    "перемен",
    "треугольник",
    "союз",
    "безопасность",
]
LATIN_FAMILIES = ["Akimoto", "Cha", "Gammon", "Ichihara", "Kausikan", "Smith", "McClean"]
LATIN_GIVEN = ["Daisuke", "Victor", "Lee", "Mieko", "Bilahari", "Sheila A.", "C."]
LATIN_WORDS = [
    "japan",
    "foreign",
    "policy",
    "trump",
    "alliance",
    "security",
    "pacific",
    "change",
    "era",
]
RUSSIAN_JOURNALS = [("Японские исследования", "Japanese Studies in Russia"),
                    ("Россия в глобальной политике", None)]  # fmt: skip
LATIN_JOURNALS = ["The Diplomat", "Foreign Affairs", "Asian Survey", "East Asia Forum"]
TYPES = [
    ("article-journal", 10),
    ("article-magazine", 3),
    ("article-newspaper", 1),
    ("webpage", 2),
    ("book", 2),
    ("chapter", 2),
    ("report", 1),
    ("paper-conference", 1),
    ("thesis", 1),
]


def _title(rng: random.Random, words: list[str]) -> str:
    text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 9)))
    return text[0].upper() + text[1:] + rng.choice(["", "?", ": a case study"])


def _person(rng: random.Random, russian: bool) -> dict[str, str]:
    """A name: one in ten from a few well-known authors, the rest built from syllables."""
    if rng.random() < 0.1:
        if russian:
            return {"family": rng.choice(RUSSIAN_FAMILIES), "given": rng.choice(RUSSIAN_GIVEN)}
        return {"family": rng.choice(LATIN_FAMILIES), "given": rng.choice(LATIN_GIVEN)}
    if russian:
        family = (
            rng.choice(RUSSIAN_ROOTS) + rng.choice(RUSSIAN_MIDDLES) + rng.choice(RUSSIAN_ENDINGS)
        )
        given = f"{rng.choice(RUSSIAN_FIRST)} {rng.choice(RUSSIAN_PATRONYMICS)}".strip()
        return {"family": family, "given": given}
    family = rng.choice(LATIN_ROOTS) + rng.choice(LATIN_MIDDLES) + rng.choice(LATIN_ENDINGS)
    return {"family": family, "given": rng.choice(LATIN_FIRST)}


def _item(rng: random.Random, number: int) -> dict[str, Any]:
    kind = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
    russian = number % 3 == 0
    words = RUSSIAN_WORDS if russian else LATIN_WORDS
    item: dict[str, Any] = {
        "id": f"item{number}",
        "type": kind,
        "language": "ru" if russian else "en",
        "title": _title(rng, words),
        "author": [_person(rng, russian) for _ in range(rng.choice([1, 1, 2, 3, 4]))],
        "issued": {"date-parts": [[rng.randint(1995, 2025), rng.randint(1, 12)]]},
    }
    if russian:
        item["multi"] = {"_keys": {"title": {"en": _title(rng, LATIN_WORDS)}}}
    if kind.startswith("article"):
        if russian:
            journal, english = rng.choice(RUSSIAN_JOURNALS)
            item["container-title"] = journal
            if english:
                item["multi"]["_keys"]["container-title"] = {"en": english}
        else:
            item["container-title"] = rng.choice(LATIN_JOURNALS)
        first = rng.randint(1, 300)
        item.update(volume=str(rng.randint(1, 40)), issue=str(rng.randint(1, 6)))
        item["page"] = f"{first}-{first + rng.randint(1, 30)}"
        item["DOI"] = f"10.{rng.randint(1000, 99999)}/bench.{number}"
    elif kind == "webpage":
        item["container-title"] = rng.choice(LATIN_JOURNALS)
        item["URL"] = f"https://example.org/{number}"
        item["accessed"] = {"date-parts": [[2026, 1, rng.randint(1, 28)]]}
    else:
        item["publisher"] = "Наука" if russian else "Routledge"
        item["publisher-place"] = "Москва" if russian else "London"
        if kind in ("chapter", "paper-conference"):
            item["container-title"] = _title(rng, words)
            item["page"] = "5-25"
        if kind == "report":
            item["number"] = str(number)
        if kind == "thesis":
            item["genre"] = "PhD thesis"
    return item


def generate(size: int, seed: int = 2025) -> list[dict[str, Any]]:
    """``size`` CSL-JSON items, the same ones for the same size and seed."""
    rng = random.Random(seed)
    return [_item(rng, number) for number in range(size)]
