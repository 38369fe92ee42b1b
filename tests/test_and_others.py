"""Nothing lost in silence (issue #15): BibTeX's "and others" printed by every style as et al.,
and the YAML reader's original-author / original-date checked as the CSL-JSON reader checks them."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import citekit
from citekit.errors import DataLossWarning, FieldWarning, ValidationError
from citekit.io import loads

_LATIN = "@book{s, author={Smith, John and others}, title={Title}, publisher={Pub}, year={2020}}"
_RUSSIAN = (
    "@book{r, author={Иванов, Иван and others}, title={Заглавие}, publisher={Наука},"
    " year={2020}, langid={russian}}"
)
_THREE = (
    "@article{a, author={Smith, John and Doe, Ann and Roe, R. and others}, title={Title},"
    " journal={J}, volume={1}, year={2020}}"
)


def _one(text: str) -> citekit.Reference:
    (ref,) = loads(text, "bibtex")
    return ref


@pytest.mark.parametrize(
    ("style", "source", "printed"),
    [
        ("apa", _LATIN, "Smith, J., et al. (2020)."),
        ("apa", _THREE, "Smith, J., Doe, A., Roe, R., et al. (2020)."),
        ("references", _LATIN, "Smith, J., et al. (2020)."),
        ("gost", _LATIN, "/ J. Smith [et al.]."),
        ("gost", _RUSSIAN, "/ И. Иванов [и др.]."),
        ("gost", _THREE, "Title / J. Smith, A. Doe, R. Roe [et al.]."),
        ("elpub", _LATIN, "Smith J., et al. Title."),
        ("elpub-ru", _RUSSIAN, "Иванов И., и др. Заглавие."),
        ("bibtex", _LATIN, "author = {Smith, John and others}"),
    ],
)
def test_every_style_prints_the_sources_et_al(style: str, source: str, printed: str) -> None:
    assert printed in citekit.format(_one(source), style)


def test_without_others_nothing_changes() -> None:
    ref = _one("@book{s, author={Smith, John}, title={Title}, publisher={Pub}, year={2020}}")
    assert citekit.format(ref, "apa") == "Smith, J. (2020). Title. Pub."
    assert citekit.cite(ref, "apa") == "(Smith, 2020)"


def test_apa_cites_a_truncated_list_with_et_al() -> None:
    assert citekit.cite(_one(_LATIN), "apa") == "(Smith et al., 2020)"


def test_the_csl_path_says_what_it_cannot_print() -> None:
    with pytest.warns(DataLossWarning, match=r'"and others" cannot reach a CSL style'):
        text = citekit.format(_one(_LATIN), "csl:apa")
    assert text.startswith("Smith, J. (2020).")


def test_bibtex_round_trips_and_others() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        again = loads(citekit.dump([_one(_THREE)], "bibtex"), "bibtex")
    assert again[0].extra["others"] == ["author"]
    assert len(again[0].authors) == 3


# -- the YAML reader's original-author and original-date ---------------------------------------


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("  original-author: Jean Piaget\n", "t.yaml:4: p: original-author: expected a list"),
        ("  original-date: nonsense\n", "t.yaml:4: p: original-date: not a date: 'nonsense'"),
        ("  extra:\n    original-author: J. P.\n", "t.yaml:4: p: extra.original-author:"),
    ],
)
def test_yaml_strings_where_names_or_a_date_belong(lines: str, message: str) -> None:
    """A field-level problem: the reference is kept without the field, with a warning that
    names it; strict (warnings as errors), the reference's error."""
    text = f"- id: p\n  type: book\n  title: T\n{lines}"
    with pytest.warns(FieldWarning) as caught:
        (ref,) = loads(text, "yaml", file="t.yaml")
    assert any(message.split(": ", 3)[-1][:20] in str(w.message) for w in caught)
    assert "original-author" not in ref.extra
    assert "original-date" not in ref.extra
    with warnings.catch_warnings():
        warnings.simplefilter("error", FieldWarning)
        with pytest.raises(ValidationError) as strict:
            loads(text, "yaml", file="t.yaml")
    assert str(strict.value).startswith(message)


def test_yaml_original_date_as_yaml_writes_it() -> None:
    text = "- id: p\n  type: book\n  title: T\n  original-date: 1966\n- id: q\n  type: book\n  original-date: 1966-05-01\n"
    first, second = loads(text, "yaml")
    assert first.extra["original-date"] == {"date-parts": [[1966]]}
    assert second.extra["original-date"] == {"date-parts": [[1966, 5, 1]]}
    assert "(Original work published 1966)" in citekit.format(first, "apa")


def test_yaml_bad_original_author_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("- id: p\n  type: book\n  title: T\n  original-author: Jean Piaget\n")
    for strict, code in (([], 0), (["--strict"], 1)):  # a field-level problem: warned, or refused
        run = subprocess.run(
            [sys.executable, "-m", "citekit", "format", "--style", "apa", *strict, str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == code, run.stderr
        assert "Traceback" not in run.stderr
        assert f"{path}:4: p: original-author: " in run.stderr
        assert "expected a list of names" in run.stderr
        assert "unknown field" not in run.stderr
