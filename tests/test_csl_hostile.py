"""Hostile CSL files: each is a StyleError naming the file and the line, never a traceback,
a hang or a network access."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

import citekit
from citekit.csl.parse import parse_style_file
from citekit.errors import CitekitError, StyleError

NS = 'xmlns="http://purl.org/net/xbiblio/csl" version="1.0"'


def _write(tmp_path: Path, body: str, *, head: str = "", extra: str = "") -> Path:
    path = tmp_path / "hostile.csl"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n{head}<style {NS} class="in-text">\n'
        f"{extra}\n<citation><layout>{body}</layout></citation>\n"
        f"<bibliography><layout>{body}</layout></bibliography>\n</style>\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the CSL parser tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _refused(path: Path, match: str) -> StyleError:
    with pytest.raises(StyleError, match=match) as caught:
        parse_style_file(path)
    error = caught.value
    assert isinstance(error, CitekitError)
    assert error.file == str(path)
    assert isinstance(error.line, int)
    assert error.line > 0
    assert str(error).startswith(f"{path}:{error.line}: ")
    return error


def test_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "hostile.csl"
    path.write_text(f"<style {NS}>\n<citation>\n<layout>\n</citation>\n</style>\n", "utf-8")
    assert _refused(path, "malformed XML").line == 4


def test_unknown_element(tmp_path: Path) -> None:
    path = _write(tmp_path, '<text value="a"/><marquee/>')
    assert _refused(path, "unknown CSL element <marquee>").line == 4


def test_external_entity_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    head = f'<!DOCTYPE style [<!ENTITY x SYSTEM "file://{secret}">]>\n'
    path = _write(tmp_path, '<text value="a"/>&x;', head=head)
    error = _refused(path, "DTD|entit")
    assert "SECRET" not in str(error)


def test_external_entity_over_the_network_is_refused(tmp_path: Path) -> None:
    head = '<!DOCTYPE style [<!ENTITY x SYSTEM "http://192.0.2.1/x.xml">]>\n'
    _refused(_write(tmp_path, '<text value="a"/>&x;', head=head), "DTD|entit")


def test_billion_laughs(tmp_path: Path) -> None:
    lines = ['<!ENTITY l0 "ha">']
    lines += [f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    head = "<!DOCTYPE style [\n" + "\n".join(lines) + "\n]>\n"
    _refused(_write(tmp_path, '<text value="&l9;"/>', head=head), "DTD|entit")


def test_macro_that_calls_itself_directly(tmp_path: Path) -> None:
    extra = '<macro name="a">\n<group><text macro="a"/></group></macro>'
    path = _write(tmp_path, '<text macro="a"/>', extra=extra)
    assert _refused(path, "macro 'a' calls itself").line == 4


def test_macro_that_calls_itself_through_another(tmp_path: Path) -> None:
    extra = '<macro name="a"><text macro="b"/></macro>\n<macro name="b"><text macro="a"/></macro>'
    _refused(_write(tmp_path, '<text macro="a"/>', extra=extra), "calls itself")


def test_macro_in_a_sort_key_that_calls_itself(tmp_path: Path) -> None:
    path = tmp_path / "hostile.csl"
    path.write_text(
        f'<style {NS}>\n<macro name="k"><text macro="k"/></macro>\n<citation>'
        '<sort><key macro="k"/></sort><layout><text value="a"/></layout></citation>\n</style>',
        encoding="utf-8",
    )
    _refused(path, "calls itself")


def test_missing_macro(tmp_path: Path) -> None:
    assert _refused(_write(tmp_path, '<text macro="nope"/>'), "no macro called 'nope'").line == 4


def test_huge_nesting_depth(tmp_path: Path) -> None:
    depth = 50_000
    body = "<group>" * depth + '<text value="a"/>' + "</group>" * depth
    _refused(_write(tmp_path, body), "nest")


def test_a_deep_but_reasonable_style_is_read(tmp_path: Path) -> None:
    body = "<group>" * 50 + '<text value="deep"/>' + "</group>" * 50
    path = _write(tmp_path, body)
    ref = {"id": "x", "type": "book", "title": "T"}
    assert citekit.format(ref, f"csl:{path}") == "deep"


def test_the_public_api_says_style_error(tmp_path: Path) -> None:
    ref = {"id": "x", "type": "book", "title": "T"}
    path = _write(tmp_path, '<text macro="a"/>', extra='<macro name="a"><text macro="a"/></macro>')
    with pytest.raises(StyleError, match="calls itself"):
        citekit.format(ref, f"csl:{path}")
