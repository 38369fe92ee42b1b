"""The style registry: built-ins, register_style, and third-party styles by entry point."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import citekit
from citekit.errors import OptionError, StyleError
from citekit.render.tree import seq
from citekit.styles import BaseStyle, Style, get_style, register_style, registry
from plugin_dist import installed


class ShoutStyle(BaseStyle):
    def entry(self, ref, options):  # type: ignore[no-untyped-def]
        return seq(ref.id.upper(), "!")


def test_builtins_are_styles() -> None:
    for style_id in ("elpub", "elpub-ru", "references"):
        style = get_style(style_id)
        assert isinstance(style, Style)
        assert style.id == style_id


def test_unknown_style_lists_the_known_ones() -> None:
    with pytest.raises(StyleError, match=r"unknown style 'apa7'; known styles: .*elpub"):
        get_style("apa7")


def test_register_style(example_refs) -> None:  # type: ignore[no-untyped-def]
    style = ShoutStyle("test-shout", "shouts the id")
    register_style(style)
    try:
        assert citekit.format(example_refs[0], "test-shout") == "KISTANOV2025!"
        assert "test-shout" in citekit.style_ids()
        with pytest.raises(StyleError, match="exists already"):
            register_style(ShoutStyle("test-shout", "again"))
        with pytest.raises(StyleError, match="exists already"):
            register_style(ShoutStyle("elpub", "not a replacement"))
    finally:
        registry.PLUGINS.unregister("test-shout")


def test_register_refuses_non_styles() -> None:
    with pytest.raises(StyleError, match="does not implement"):
        register_style(object())  # type: ignore[arg-type]


def test_unknown_option_names_the_style_and_its_options(example_refs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OptionError, match="style 'elpub' has no option 'colour'"):
        citekit.format(example_refs[0], "elpub", colour="red")
    with pytest.raises(OptionError, match="unknown transliteration scheme"):
        citekit.format(example_refs[0], "elpub", translit="klingon")


@pytest.fixture
def plugin_on_path(tmp_path: Path) -> Iterator[None]:
    """A tiny installed distribution that declares two styles in the entry-point group."""
    source = """
        from citekit.render.tree import seq
        from citekit.styles import BaseStyle

        class Plugin(BaseStyle):
            def __init__(self):
                super().__init__("test-plugin", "a style from a plug-in")

            def entry(self, ref, options):
                return seq("plugin:", ref.id)

        BROKEN = object()
        """
    entries = {"test-plugin": "Plugin", "test-broken": "BROKEN"}
    with installed(
        tmp_path, "citekit_test_plugin", source, "citekit.styles", entries, registry.PLUGINS
    ):
        yield


@pytest.mark.usefixtures("plugin_on_path")
def test_entry_point_styles(example_refs) -> None:  # type: ignore[no-untyped-def]
    assert citekit.format(example_refs[0], "test-plugin") == "plugin:kistanov2025"
    described = dict(registry.describe_styles())
    assert described["test-plugin"] == "a style from a plug-in"
    assert described["test-broken"].startswith("(broken:")
    with pytest.raises(StyleError, match="does not give a citekit Style"):
        get_style("test-broken")


def test_one_name_for_one_thing() -> None:
    """``citekit.styles`` is the package of style engines; the ids are ``style_ids()``; the
    0.1 call ``citekit.styles()`` still answers, deprecated."""
    import citekit.styles

    assert citekit.styles.get_style is get_style
    with pytest.warns(DeprecationWarning, match="style_ids"):
        assert citekit.styles() == citekit.style_ids()
