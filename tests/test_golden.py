"""Golden files: the corpus lines from ../shared/corpus and the cases in tests/golden/."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.*.txt"))


def _case_id(path: Path) -> str:
    return path.name.removesuffix(".txt")


@pytest.mark.parametrize("expected_file", CASES, ids=_case_id)
def test_golden_case(expected_file: Path) -> None:
    stem, style = expected_file.name.removesuffix(".txt").rsplit(".", 1)
    (ref,) = citekit.load(GOLDEN / f"{stem}.json")
    expected = expected_file.read_text(encoding="utf-8").rstrip("\n")
    assert citekit.format(ref, style) == expected


def test_every_golden_input_has_an_expectation() -> None:
    inputs = {p.stem for p in GOLDEN.glob("*.json")}
    covered = {p.name.split(".", 1)[0] for p in CASES}
    assert inputs == covered


def test_corpus_elpub_line(corpus: Path) -> None:
    refs = citekit.load(corpus / "japanese-studies-2025-3.json")
    expected = (corpus / "japanese-studies-2025-3.elpub.expected").read_text(encoding="utf-8")
    assert citekit.format(refs[0], "elpub") == expected.rstrip("\n")


def test_corpus_elpub_russian_line(corpus: Path) -> None:
    refs = citekit.load(corpus / "japanese-studies-2025-3.json")
    assert citekit.format(refs[0], "elpub-ru") == (
        "Кистанов В.О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? "
        "Японские исследования. 2025;(3):5-25. https://doi.org/10.55105/2500-2872-2025-3-5-25"
    )


def test_corpus_references_list(corpus: Path) -> None:
    refs = citekit.load(corpus / "japanese-studies-2025-3.json")
    expected = (corpus / "japanese-studies-2025-3.references.expected").read_text(encoding="utf-8")
    got = [citekit.format(ref, "references") for ref in refs[1:]]
    assert got == expected.splitlines()


def test_references_bibliography_follows_the_russian_list(corpus: Path) -> None:
    refs = citekit.load(corpus / "japanese-studies-2025-3.json")
    numbered = citekit.bibliography(reversed(refs), "references").splitlines()
    assert [line.split(" ", 1)[0] for line in numbered] == [f"{n}." for n in range(1, 13)]
    lines = [line.split(" ", 1)[1] for line in numbered]
    firsts = [line.split(" (", 1)[0] for line in lines]
    assert firsts[:4] == ["Kaspe, S.I.", "Kistanov, V.O.", "Kistanov, V.O.", "Trenin, D.V."]
    assert lines[1].startswith("Kistanov, V.O. (2024)")  # the same author: the older first
    assert firsts[4:] == sorted(firsts[4:])
    assert not lines[0][0].isdigit()  # an author-date list is not numbered
