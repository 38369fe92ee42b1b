"""The CSL test suite through citekit's CSL engine, against the recorded pass-list.

The fixtures are read from ``../shared/csl-test-suite/`` next to the repository; without
them the suite is skipped, and the runner's own parsing is still tested.
A fixture that stops passing fails here, and so does one that starts passing unrecorded
(record it with ``python tools/csl_suite.py run --update``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import csl_suite

STYLE = """\
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
       default-locale="ru-RU">
  <info><id/><title/><updated>2026-11-25T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <sort><key variable="title"/></sort>
    <layout><text variable="title"/></layout>
  </bibliography>
</style>"""

INPUT = '[{"id": "z", "title": "Жуков"}, {"title": "Adams and Co"}, {"id": "e", "title": "Ёлкин"}]'


def _fixture(*entries: str) -> str:
    body = "".join(f'  <div class="csl-entry">{entry}</div>\n' for entry in entries)
    return (
        ">>===== MODE =====>>\nbibliography\n<<===== MODE =====<<\n\n"
        f'>>===== RESULT =====>>\n<div class="csl-bib-body">\n{body}</div>\n'
        "<<===== RESULT =====<<\n\n"
        f">>===== CSL =====>>\n{STYLE}\n<<===== CSL =====<<\n\n"
        f">>===== INPUT =====>>\n{INPUT}\n<<===== INPUT =====<<\n"
    )


def test_runner_reads_a_fixture(tmp_path: Path) -> None:
    path = tmp_path / "sort_Cyrillic.txt"
    path.write_text(_fixture("x"), encoding="utf-8")
    fixture = csl_suite.parse(path)
    assert fixture["mode"] == "bibliography"
    assert (
        fixture["result"] == '<div class="csl-bib-body">\n  <div class="csl-entry">x</div>\n</div>'
    )
    assert [item["id"] for item in fixture["input"]] == ["z", "1", "e"]  # ids as the runner gives
    assert all("type" not in item for item in fixture["input"])  # left as the fixture has it


def test_citekit_puts_cyrillic_first_where_citeproc_py_does_not(tmp_path: Path) -> None:
    path = tmp_path / "sort_Cyrillic.txt"
    path.write_text(_fixture("Ёлкин", "Жуков", "Adams and Co"), encoding="utf-8")
    assert csl_suite.run_fixture(path, csl_suite.citekit_engine) == ("pass", "")
    status, output = csl_suite.run_fixture(path, csl_suite.citeproc_py_engine)
    assert status == "fail"
    assert output.index("Adams") < output.index("Жуков") < output.index("Ёлкин")


@pytest.mark.skipif(
    not csl_suite.FIXTURES.is_dir(), reason="no CSL test suite in ../shared/csl-test-suite"
)
def test_pass_list_holds() -> None:
    results = csl_suite.run_all("citekit")
    passing = {name for name, (status, _) in results.items() if status == "pass"}
    recorded = set(csl_suite.PASS_LIST.read_text(encoding="utf-8").split())
    assert not recorded - passing, f"regressions: {sorted(recorded - passing)}"
    assert not passing - recorded, (
        f"new passes, record them (tools/csl_suite.py run --update): {sorted(passing - recorded)}"
    )
