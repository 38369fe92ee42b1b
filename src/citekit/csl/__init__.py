"""citekit's own CSL 1.0.2 processor.

Styles are parsed once into compact nodes (:mod:`citekit.csl.parse`), locales come with
their fallbacks (:mod:`citekit.csl.locale`), and one evaluator (:mod:`citekit.csl.evaluate`)
renders an item into an output tree (:mod:`citekit.csl.output`) that is written out as the
CSL test suite's HTML or turned into citekit's rich text.

>>> from citekit.csl import Processor, parse_style
>>> style = parse_style('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">'
...     '<citation><layout><text variable="title" prefix="(" suffix=")"/></layout></citation>'
...     '</style>')
>>> from citekit.csl.output import plain
>>> result = Processor(style).process([{"id": "a", "title": "Walden"}], [[{"id": "a"}]])
>>> plain(result.citations[0])
'(Walden)'
"""

from __future__ import annotations

from citekit.csl.parse import Style, parse_style, parse_style_file
from citekit.csl.processor import Processor, Result

__all__ = ["Processor", "Result", "Style", "parse_style", "parse_style_file"]
