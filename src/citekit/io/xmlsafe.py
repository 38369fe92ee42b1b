"""Parsing XML that may be hostile: no DTD loaded, no entity expanded, no network, bounded depth.

A JATS or Crossref file names its DTD or schema, and a hostile one declares entities that
read local files (XXE) or expand into gigabytes (billion laughs). citekit reads the elements
only: it never loads a DTD, refuses a document that declares entities, and lets libxml2's
depth limit stop a document nested thousands deep. Every refusal is a
:class:`~citekit.errors.ParseError` with the line.

>>> root = parse_xml('<ref-list><ref id="a"/></ref-list>', file="refs.xml")
>>> root.tag
'ref-list'
>>> parse_xml('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')
Traceback (most recent call last):
citekit.errors.ParseError: line 1: the document declares entities (x); citekit expands none: remove the <!ENTITY …> declarations
"""

from __future__ import annotations

import html.entities
import re
from typing import Any

from lxml import etree

from citekit.errors import ParseError

__all__ = ["indent", "local_name", "parse_xml", "text_of"]

_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")

_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,  # keeps libxml2's limits: 256 levels deep, 10 MB in one text node
    "remove_comments": True,
    "remove_pis": True,
    "recover": False,
}


def parse_xml(text: str, *, file: str | None = None) -> Any:
    """The root element of ``text``, read safely; :class:`ParseError` naming the line otherwise.

    The text is already decoded, so an XML declaration's ``encoding`` is dropped (its line
    kept, so that line numbers stay right).
    """
    if not text.strip():
        raise ParseError("the file is empty; expected an XML document", file=file, line=1)
    text = _DECLARATION.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(text, parser)
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc).split(", line ")[0]
        raise ParseError(f"not well-formed XML: {message}", file=file, line=exc.lineno) from None
    except (ValueError, RecursionError) as exc:  # NUL characters, unusable text
        raise ParseError(f"not XML text: {exc}", file=file) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        names = [entity.name for entity in dtd.iterentities()]
        if names:
            shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
            raise ParseError(
                f"the document declares entities ({shown}); citekit expands none: "
                "remove the <!ENTITY …> declarations",
                file=file,
                line=1,
            )
    for entity in root.iter(etree.Entity):
        if entity.name not in html.entities.name2codepoint:
            raise ParseError(
                f"the entity &{entity.name}; is not one citekit knows (it loads no DTD to "
                "define it): write the character itself",
                file=file,
                line=entity.sourceline,
            )
    return root


def local_name(element: Any) -> str:
    """The element's name without its namespace (``{http://…}citation`` → ``citation``);
    ``""`` for comments, entities and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def text_of(element: Any) -> str:
    """All the text inside ``element``, with HTML's named entities (``&nbsp;``, which a JATS
    DTD would define) as their characters and whitespace runs made single spaces."""
    parts: list[str] = []
    _gather(element, parts)
    return " ".join("".join(parts).split())


def _gather(element: Any, parts: list[str]) -> None:
    if element.text and isinstance(element.tag, str):
        parts.append(element.text)
    for child in element:
        if child.tag is etree.Entity:
            code = html.entities.name2codepoint.get(child.name)
            parts.append(chr(code) if code is not None else "")
        elif isinstance(child.tag, str):
            _gather(child, parts)
        if child.tail:
            parts.append(child.tail)


def indent(root: Any, *, keep: str) -> None:
    """Indent the element structure of ``root`` for reading, leaving the mixed content of
    each ``keep`` element (a formatted citation with its ``<italic>``) exactly as it is."""
    kept = [(e, list(e), e.text, [c.tail for c in e]) for e in root.iter() if local_name(e) == keep]
    for element, children, _, _ in kept:
        for child in children:
            element.remove(child)
    etree.indent(root, space="  ")
    for element, children, text, tails in kept:
        element.text = text
        for child, tail in zip(children, tails, strict=True):
            element.append(child)
            child.tail = tail
