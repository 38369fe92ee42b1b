"""The command line, run as users and other tools run it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE

EXPECTED_FIRST = (
    "Kistanov V.O. Japan's foreign policy in the era of Trump 2.0: Will there be changes? "
    "Japanese Studies in Russia. 2025;(3):5-25. (In Russ.) "
    "https://doi.org/10.55105/2500-2872-2025-3-5-25"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citekit.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_format_prints_one_line_per_reference_in_input_order() -> None:
    result = run("format", str(EXAMPLE), "--style", "elpub")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 12
    assert lines[0] == EXPECTED_FIRST
    assert lines[1].startswith("Kaspe S.I. Empire on Self-Financing")
    assert not any(line[:2] == "1." for line in lines)


def test_bibliography_is_numbered() -> None:
    result = run("bibliography", str(EXAMPLE), "--style", "elpub-ru")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1. Кистанов В.О. Внешняя политика")
    assert lines[11].startswith("12. Smith S.A., McClean C.")


def test_html_output() -> None:
    result = run("format", str(EXAMPLE), "--style", "elpub", "--to", "html")
    first = result.stdout.splitlines()[0]
    assert "Japan&#39;s foreign policy" in first
    assert first.endswith(
        '<a href="https://doi.org/10.55105/2500-2872-2025-3-5-25">'
        "https://doi.org/10.55105/2500-2872-2025-3-5-25</a>"
    )


def test_stdin_needs_and_takes_a_format() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    missing = run("format", "-", stdin=text)
    assert missing.returncode == 2
    assert missing.stderr == "citekit format: name the format of standard input with --from\n"
    ok = run("format", "-", "--from", "csl-json", stdin=text)
    assert ok.returncode == 0
    assert ok.stdout.splitlines()[0] == EXPECTED_FIRST


def test_styles_lists_ids_with_descriptions() -> None:
    result = run("styles")
    assert result.returncode == 0
    rows = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert {"elpub", "elpub-ru", "references", "csl:NAME", "csl:PATH"} <= rows.keys()
    assert "Russian" in rows["elpub-ru"]


def test_bad_input_exits_1_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[\n{"id": "x", "type": "novel",\n "issued": "2025"}\n]', encoding="utf-8")
    result = run("format", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith(f"citekit: {bad}:2: x: type: item type 'novel' is not")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    # a bad field is an error at its own line only under --strict (issue #17)
    bad.write_text('[\n{"id": "x", "type": "book",\n "issued": "2025-02-30"}\n]', encoding="utf-8")
    result = run("format", str(bad), "--strict")
    assert result.returncode == 1
    assert result.stderr == f"citekit: {bad}:3: x: issued.day: 2025-02 has no day 30\n"
    assert result.stdout == ""


def test_unknown_style_exits_2_and_lists_known() -> None:
    result = run("format", str(EXAMPLE), "--style", "vancuver")
    assert result.returncode == 2
    prefix = "citekit: unknown style 'vancuver'; known styles: "
    assert result.stderr.startswith(prefix)
    listed, csl = result.stderr.removeprefix(prefix).strip().split("; ")
    assert csl == "any CSL style as csl:NAME or csl:PATH"
    listed = listed.split(", ")
    assert listed == sorted(listed)
    assert {"elpub", "elpub-ru", "references", "gost", "apa", "bibtex"} <= set(listed)


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("format").returncode == 2
    assert run("format", str(EXAMPLE), "--to", "pdf").returncode == 2
    assert run("format", str(EXAMPLE), "--style", "csl:no-such-style").returncode == 2
    assert run("format", str(EXAMPLE), "--workers", "0").returncode == 2
    assert run("convert", str(EXAMPLE), "--from", "docx").returncode == 2
    option = run(
        "format", str(EXAMPLE), "--style", "apa", "--translit", "bsi", "--max-authors", "-1"
    )
    assert option.returncode == 2
    assert "--max-authors: a whole number from 1, not '-1'" in option.stderr


def test_usage_errors_are_told_before_the_input_is_read(tmp_path: Path) -> None:
    result = run("format", str(tmp_path / "none.json"), "--style", "nope")
    assert result.returncode == 2
    assert "unknown style 'nope'" in result.stderr


def test_version_and_python_dash_m() -> None:
    from citekit import __version__

    assert run("--version").stdout == f"citekit {__version__}\n"
    module = subprocess.run(
        [sys.executable, "-m", "citekit", "styles"], capture_output=True, text=True, check=False
    )
    assert module.returncode == 0
    assert module.stdout == run("styles").stdout


def test_every_command_describes_itself() -> None:
    listing = run("--help").stdout
    for command in ("format", "bibliography", "cite", "check", "convert", "styles", "translit"):
        assert command in listing
        help_text = run(command, "--help").stdout
        assert help_text.split("\n\n")[1].strip(), f"{command} --help has no description"
    assert "(default: apa;" in run("cite", "--help").stdout
    assert "(default: elpub;" in run("format", "--help").stdout
    convert = run("convert", "--help").stdout
    for writer in ("csl-json", "bibtex", "ris", "yaml", "citekit-json"):
        assert writer in convert


def test_missing_file_exits_1(tmp_path: Path) -> None:
    result = run("format", str(tmp_path / "none.json"))
    assert result.returncode == 1
    assert "none.json: cannot read the file" in result.stderr


def test_translit_command() -> None:
    result = run("translit", "Россия", "в", "глобальной", "политике")
    assert result.stdout == "Rossiya v global'noi politike\n"
    assert run("translit", "Юрий", "--scheme", "bgn-pcgn").stdout == "Yuriy\n"
    piped = run("translit", stdin="Проблемы Дальнего Востока\nЮрий\n")
    assert piped.stdout == "Problemy Dal'nego Vostoka\nYurii\n"
    assert run("translit", "-", "--scheme", "bgn-pcgn", stdin="Юрий").stdout == "Yuriy\n"


def test_ris_records_start_at_their_type_line() -> None:
    result = run("convert", str(EXAMPLE), "--to", "ris")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "TY  - JOUR"
    assert not [line for line in lines if line.rstrip(".").isdigit()]
    assert sum(line.startswith("TY  - ") for line in lines) == 12


def test_warnings_say_what_not_where_in_citekit() -> None:
    result = run("convert", str(EXAMPLE), "--to", "ris")
    assert "citekit: warning: kistanov2025: container_title: not written to ris" in result.stderr
    assert all(line.startswith("citekit: ") for line in result.stderr.splitlines())


def test_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    # Far more than a pipe buffer holds, so the writer really meets a closed pipe.
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    items = [{**item, "id": f"{item['id']}-{n}"} for n in range(400) for item in example]
    big = tmp_path / "big.json"
    big.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    script = f"{sys.executable} -m citekit.cli format {big} | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == EXPECTED_FIRST
    assert "Traceback" not in result.stderr
    assert result.returncode == 0


def test_cite_command() -> None:
    result = run(
        "cite", str(EXAMPLE), "--id", "kistanov2025", "--id", "smith2024", "--id", "kistanov2024"
    )
    assert result.stdout == "(Kistanov, 2024, 2025; Smith & McClean, 2024)\n"
    narrative = run("cite", str(EXAMPLE), "--id", "smith2024", "--narrative", "--locator", "p. 7")
    assert narrative.stdout == "Smith and McClean (2024, p. 7)\n"
    each = run("cite", str(EXAMPLE)).stdout.splitlines()
    assert len(each) == 12
    assert each[0] == "(Kistanov, 2025)"
    missing = run("cite", str(EXAMPLE), "--id", "nobody")
    assert missing.returncode == 2
    assert "no reference with id nobody" in missing.stderr
    gost = run("cite", str(EXAMPLE), "--style", "gost")
    assert gost.returncode == 2
    assert "makes no in-text citations" in gost.stderr


def test_keep_going_lists_the_good_references(tmp_path: Path) -> None:
    path = tmp_path / "partly.json"
    path.write_text(
        '[\n{"id": "a", "type": "book", "title": "Good"},\n'
        '{"id": "b", "type": "novel", "issued": "2025"},\n'
        '{"id": "c", "type": "book", "title": "Also good"}\n]',
        encoding="utf-8",
    )
    broken = tmp_path / "broken.bib"
    broken.write_text("@book{x,\n title = {unclosed\n", encoding="utf-8")
    result = run("format", str(path), str(broken), "--style", "apa", "--keep-going")
    assert result.returncode == 1
    assert result.stdout == "Good. (n.d.).\nAlso good. (n.d.).\n"
    first, second = result.stderr.splitlines()
    assert first.startswith(f"citekit: {path}:3: b: type: item type 'novel' is not supported")
    assert second == (
        f"citekit: {broken}:2: not valid BibTeX: a value's brace or quote is left open up to "
        "the next entry or the end of the file"
    )
    strict = run("format", str(path), "--style", "apa")
    assert strict.stdout == ""
    assert strict.returncode == 1
