"""The kinds table (model/kinds.py): every kind is read, written, checked and formatted."""

from __future__ import annotations

import ast
import json
import pickle
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citekit
from citekit.io import dump, loads
from citekit.meta import json_ld
from citekit.model import KINDS, Kind, Legislation, Manuscript, Patent, Person, Standard
from citekit.model.kinds import (
    BIBTEX_SUBTYPES,
    BIBTEX_TYPES,
    CSL_TYPES,
    KIND_BY_NAME,
    REFERENCE_TYPES,
    RIS_TYPES,
    kind_of,
)
from citekit.model.reference import Reference
from citekit.render import FORMATS, render, render_list
from citekit.styles import get_style
from citekit.styles.registry import BUILTIN
from strategies import of_kind

ROOT = Path(__file__).resolve().parent.parent
STYLES = sorted(set(BUILTIN) - {"gost-2018"})  # gost-2018 is gost by another name

# CSL 1.0.2's item types (schemas/input/csl-data.json of the CSL schema repository)
CSL_1_0_2 = [
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
]


def test_every_csl_type_is_a_kind() -> None:
    assert sorted(CSL_TYPES) == sorted(CSL_1_0_2)
    assert len({kind.name for kind in KINDS}) == len(KINDS)
    assert len({kind.csl for kind in KINDS}) == len(KINDS)


def test_a_kind_sharing_a_class_is_its_own_subclass() -> None:
    row = KIND_BY_NAME["map"]
    ref = row.cls(id="m", title="Карта")
    assert isinstance(ref, row.shape)
    assert ref.kind == "map"
    assert kind_of(ref) is row
    assert pickle.loads(pickle.dumps(ref)) == ref
    assert not hasattr(ref, "__dict__")  # slotted like its base
    assert row.fields == KIND_BY_NAME["book"].fields


def _one_of_each() -> list[Reference]:
    refs = []
    for kind in KINDS:
        refs.append(
            kind.cls(
                id=kind.name,
                title="Title",
                authors=[Person("Smith", "J.")],
                issued="2020-05-04",
                **({"number": "12"} if "number" in kind.fields else {}),
            )
        )
    return refs


@pytest.mark.parametrize("fmt", ["csl-json", "yaml", "citekit-json"])
def test_every_kind_comes_back_from_the_formats_that_name_it(fmt: str) -> None:
    refs = _one_of_each()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = loads(dump(refs, fmt), fmt)
    assert [r.kind for r in back] == [r.kind for r in refs]
    assert back == refs


@pytest.mark.parametrize(
    ("fmt", "claimed"),
    [
        (
            "bibtex",
            lambda k: (
                BIBTEX_SUBTYPES.get((k.bibtex, k.bibtex_subtype or "")) or BIBTEX_TYPES[k.bibtex]
            ),
        ),
        ("ris", lambda k: RIS_TYPES[k.ris]),
    ],
)
def test_bibtex_and_ris_read_back_the_kind_that_owns_the_type(fmt: str, claimed: object) -> None:
    """A format with fewer types than citekit reads a shared type as the first kind written
    with it; every other kind comes back as itself."""
    refs = _one_of_each()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = loads(dump(refs, fmt), fmt)
    for ref, read in zip(refs, back, strict=True):
        expected = claimed(kind_of(ref))  # type: ignore[operator]
        assert type(read) is expected, ref.kind
    own = {"standard", "patent", "legislation"}
    assert {r.kind for r in back} >= own


def test_the_json_schema_lists_every_kind() -> None:
    schema = json.loads((ROOT / "docs/citekit.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["reference"]["properties"]["type"]["enum"] == sorted(REFERENCE_TYPES)
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/schema.py"), "--check"], check=False, timeout=60
    )
    assert result.returncode == 0, "docs/citekit.schema.json is out of date: tools/schema.py"


def test_json_ld_types_come_from_the_rows() -> None:
    for ref in _one_of_each():
        assert json_ld(ref)["@type"] == kind_of(ref).schema_org


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_kind_formats_in_every_style_and_format(kind: Kind, data: st.DataObject) -> None:
    ref = data.draw(of_kind(kind))
    for style_id in STYLES:
        style = get_style(style_id)
        options = style.options()
        node = style.entry(ref, options)
        for to in FORMATS:
            assert isinstance(render(node, to), str)
        assert isinstance(style.warnings(ref, options), list)
        render_list(style.bibliography([ref], options), "html")


def test_standard_patent_and_law_by_gost() -> None:
    standard = Standard(
        id="s", number="ГОСТ Р 7.0.100–2018", title="Библиографическая запись",
        genre="национальный стандарт Российской Федерации", place="Москва",
        publisher="Стандартинформ", issued=2018, number_of_pages="124",
    )  # fmt: skip
    patent = Patent(
        id="p", title="Вибрационная мельница", number="2637215",
        jurisdiction="Российская Федерация", authors=[Person("Артеменко", "К. И.")],
        submitted="2017-02-15", issued="2017-12-01", number_of_pages="4",
    )  # fmt: skip
    law = Legislation(
        id="l", title="Об образовании в Российской Федерации", genre="Федеральный закон",
        number="273-ФЗ", issued="2012-12-29", issue="53", section="7598",
        container_title="Собрание законодательства Российской Федерации",
    )  # fmt: skip
    nbsp = "\u00a0"
    assert citekit.format(standard, "gost").replace(nbsp, " ") == (
        "ГОСТ Р 7.0.100–2018. Библиографическая запись : национальный стандарт Российской "
        "Федерации. – Москва : Стандартинформ, 2018. – 124 с. – Текст : непосредственный."
    )
    assert citekit.format(patent, "gost").replace(nbsp, " ") == (
        "Вибрационная мельница : патент № 2637215 Российская Федерация / К. И. Артеменко. – "
        "заявл. 15.02.2017 ; опубл. 01.12.2017. – 4 с. – Текст : непосредственный."
    )
    assert citekit.format(law, "gost-2008").replace(nbsp, " ") == (
        "Об образовании в Российской Федерации : Федеральный закон от 29.12.2012 № 273-ФЗ // "
        "Собрание законодательства Российской Федерации. 2012. № 53. Ст. 7598."
    )
    archival = Manuscript(
        id="a", title="Докладная записка", authors=[Person("Иванов", "И. И.")],
        issued="1945-05-12", archive="ГАРФ", archive_location="Ф. Р-5446. Оп. 1. Д. 123. Л. 5",
    )  # fmt: skip
    assert citekit.format(archival, "gost-2008").replace(nbsp, " ") == (
        "Иванов И. И. Докладная записка. 12.05.1945 // ГАРФ. Ф. Р-5446. Оп. 1. Д. 123. Л. 5."
    )
    assert "(RF Patent No. 2637215)" in citekit.format(
        Patent(id="p", title="Mill", number="2637215", jurisdiction="RF"), "apa"
    )


def test_check_says_which_rule_formatted_a_kind(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(
        '[{"id": "m", "type": "map", "title": "Карта", "issued": {"date-parts": [[2020]]}},'
        ' {"id": "p", "type": "patent", "title": "Мельница", "issued": {"date-parts": [[2017]]}}]',
        encoding="utf-8",
    )
    elpub = [str(p) for p in citekit.check(path, style="elpub-ru")]
    assert any("m: elpub-ru has no rule of its own for the kind 'map': formatted as a 'book'" in p
               for p in elpub)  # fmt: skip
    assert any("kind 'patent': formatted by its general rule" in p for p in elpub)
    gost = [str(p) for p in citekit.check(path, style="gost")]
    assert not any("no rule of its own" in p for p in gost)
    csl = [str(p) for p in citekit.check(path, style="csl:apa")]  # no claim about kinds
    assert not any("no rule of its own" in p for p in csl)


def test_no_style_asserts_a_kind() -> None:
    for path in (ROOT / "src/citekit/styles").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        asserts = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)]
        assert not asserts, f"{path.name}: assert at lines {asserts}"
