"""The citekit under test is the build CI asked for: the sources, or the compiled wheel."""

from __future__ import annotations

import os
from pathlib import Path

import citekit
import citekit.render.writer

COMPILED = (".so", ".pyd")


def test_the_build_under_test_is_the_one_asked_for() -> None:
    # .ci/run runs the suite twice: on the editable sources, and on the wheel built with
    # CITEKIT_COMPILE=1, with CITEKIT_EXPECT_COMPILED=1 set; a wheel that fell back to pure
    # Python, or sources shadowing the wheel, would test the wrong code without this
    compiled = citekit.render.writer.__file__.endswith(COMPILED)
    expected = os.environ.get("CITEKIT_EXPECT_COMPILED") == "1"
    where = citekit.render.writer.__file__
    assert compiled == expected, (
        f"writer loaded from {where}; set CITEKIT_EXPECT_COMPILED=1 to test a compiled build"
    )


def test_a_compiled_build_compiles_every_module_it_lists() -> None:
    package = Path(citekit.__file__).parent
    built = {
        p.relative_to(package).as_posix().split(".")[0]
        for p in package.rglob("*")
        if p.suffix in COMPILED
    }
    if os.environ.get("CITEKIT_EXPECT_COMPILED") != "1":
        assert not built, f"extension modules in an editable install shadow the sources: {built}"
        return
    listed = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    for module in (
        "render/writer",
        "render/tree",
        "names",
        "translit",
        "styles/apa",
        "styles/elpub",
        "styles/gost",
        "styles/template",  # the built-in templates run on it
        "styles/parts",
        "csl/evaluate",  # the CSL processor (issue #19)
        "csl/output",
        "csl/processor",
        "model/csl_item",  # a reference as the CSL processor's item
        "io/csljson",  # reading, most of a whole job (issue #18)
        "model/checks",
    ):
        assert module in built, module
        assert f'"citekit/{module}.py"' in listed


def test_the_compiled_csl_processor_may_still_be_subclassed() -> None:
    # the wheel compiles citekit.csl (issue #19); its public Processor stays open to
    # subclasses, as the rich-text nodes do, whichever build runs
    from citekit.csl import Processor, parse_style

    class Guillemets(Processor):
        def quotes(self) -> tuple[str, str, str, str]:
            return ("\u00ab", "\u00bb", "\u201e", "\u201c")

    style = parse_style(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">'
        '<citation><layout><text variable="title"/></layout></citation></style>'
    )
    assert Guillemets(style).quotes()[0] == "\u00ab"
    assert Processor(style).quotes()[0] == "\u201c"
