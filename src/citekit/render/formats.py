"""Output formats as one interface: how to write each node, and how to frame a list.

A :class:`Format` couples an :class:`~citekit.render.writer.OutputFormat` (what to write
around emphasis, bold, small capitals, superscript, subscript, case-protected text, links and
non-breaking spaces) with how a bibliography is framed (an ``<ol>``/``<ul>``, paragraphs,
lines) and whether its text is markup a web page may include as it is (``html``). The
built-in formats are ``text``, ``html``, ``markdown`` and ``latex``; third-party packages add
formats through the entry-point group ``citekit.formats`` (the entry point names a
:class:`Format`, or a class making one), and a notebook can call :func:`register_format`.

>>> from citekit.render.tree import seq, strong, sup
>>> get_format("html").render(seq("2", sup("nd"), " ", strong("ed.")))
'2<sup>nd</sup> <b>ed.</b>'
>>> get_format("latex").render(seq("2", sup("nd")))
'2\\\\textsuperscript{nd}'
>>> print(get_format("text").render_list([("1.", "A."), ("2.", "B.")]))
1. A.
2. B.
>>> print(get_format("latex").render_list([("[1]", "A."), ("[2]", "B.")]))
\\begin{enumerate}
\\item[{[1]}] A.
\\item[{[2]}] B.
\\end{enumerate}
>>> get_format("rtf")
Traceback (most recent call last):
...
citekit.errors.OptionError: unknown output format 'rtf'; choose one of: text, html, markdown, latex
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial

from citekit.errors import OptionError
from citekit.plugins import Plugins
from citekit.render.html import HTML, to_html
from citekit.render.latex import LATEX, to_latex
from citekit.render.markdown import MARKDOWN, markdown_label, to_markdown
from citekit.render.tree import Inline
from citekit.render.writer import TEXT, OutputFormat, to_text, write

__all__ = [
    "ENTRY_POINT_GROUP",
    "FORMATS",
    "LINES",
    "PLUGINS",
    "Format",
    "Frame",
    "get_format",
    "paragraphs",
    "register_format",
]

ENTRY_POINT_GROUP = "citekit.formats"

Frame = Callable[[Sequence[tuple[str | None, str]], bool], str]
"""How a format frames a list: given the rendered (label, entry) pairs and whether the list
is numbered (some entry has a label), the whole list as one string."""


def paragraphs(separator: str) -> Frame:
    """Entries one after another, ``separator`` between them, each after its label."""

    def frame(items: Sequence[tuple[str | None, str]], numbered: bool) -> str:
        return separator.join(f"{label} {entry}" if label else entry for label, entry in items)

    return frame


LINES = paragraphs("\n")
"""One entry per line (plain text)."""


def _html_list(items: Sequence[tuple[str | None, str]], numbered: bool) -> str:
    """``<ol>`` when the list is numbered (the browser numbers it), else ``<ul>``."""
    tag = "ol" if numbered else "ul"
    inner = "".join(f"<li>{entry}</li>" for _, entry in items)
    return f'<{tag} class="citekit-bibliography">{inner}</{tag}>'


def _latex_list(items: Sequence[tuple[str | None, str]], numbered: bool) -> str:
    """A numbered list as an ``enumerate`` whose items carry the style's own labels
    (``\\item[{[1]}]``: LaTeX's counter would give ``1.`` whatever the style prints); an
    unnumbered one as paragraphs, a blank line between them, as an author-date list is set."""
    if not numbered:
        return "\n\n".join(entry for _, entry in items)
    lines = ["\\begin{enumerate}"]
    lines += [
        f"\\item[{{{label}}}] {entry}" if label else f"\\item {entry}" for label, entry in items
    ]
    lines.append("\\end{enumerate}")
    return "\n".join(lines)


class Format:
    """An output format: its name, how it writes each node, how it frames a list."""

    def __init__(
        self,
        name: str,
        nodes: OutputFormat,
        *,
        frame: Frame = LINES,
        html: bool = False,
        description: str = "",
        render: Callable[[Inline], str] | None = None,
        label: Callable[[Inline], str] | None = None,
    ) -> None:
        self.name = name
        self.nodes = nodes
        # a built-in format renders with its module's function, as before this interface;
        # another writes its OutputFormat
        self.render: Callable[[Inline], str] = render or partial(write, markup=nodes)
        """``node`` in this format."""
        self.label: Callable[[Inline], str] = label or self.render
        """An entry's label (``1.``, ``[1]``) in this format: as any text unless the format
        writes list markers of its own (Markdown's ``1.``)."""
        self.frame = frame
        self.html = html
        """The output is HTML, safe to include in a page as it is (a Jinja filter marks it
        ``Markup``)."""
        self.description = description

    def __repr__(self) -> str:
        return f"<format {self.name!r}>"

    def render_list(self, entries: Sequence[tuple[str | None, Inline]]) -> str:
        """A bibliography: (label, entry) pairs; numbered when some entry has a label."""
        numbered = any(label for label, _ in entries)
        items = [
            (self.label(label) if label else None, self.render(entry)) for label, entry in entries
        ]
        return self.frame(items, numbered)


BUILTIN: dict[str, Format] = {
    "text": Format("text", TEXT, description="plain text", render=to_text),
    "html": Format(
        "html", HTML, frame=_html_list, html=True, description="HTML, escaped", render=to_html
    ),
    "markdown": Format(
        "markdown",
        MARKDOWN,
        frame=paragraphs("\n\n"),
        description="CommonMark",
        render=to_markdown,
        label=markdown_label,
    ),
    "latex": Format(
        "latex",
        LATEX,
        frame=_latex_list,
        description="LaTeX (hyperref)",
        render=to_latex,
    ),
}


def _given(fmt: Format) -> Format:
    return fmt


PLUGINS: Plugins[Format] = Plugins(
    "output format",
    ENTRY_POINT_GROUP,
    {name: partial(_given, fmt) for name, fmt in BUILTIN.items()},
    accepts=lambda made: isinstance(made, Format),
    error=OptionError,
    unknown_message=lambda name, known: (
        f"unknown output format {name!r}; choose one of: {', '.join(known)}"
    ),
    type_name="output Format",
)
"""Every output format by name: built in, registered, from ``citekit.formats`` entry points."""


def register_format(fmt: Format, *, replace: bool = False) -> None:
    """Make ``fmt`` available by its name (notebooks, tests)."""
    if not isinstance(fmt, Format):
        raise OptionError(f"{fmt!r} is not a citekit output Format")
    PLUGINS.register(fmt.name, fmt, replace=replace)


def get_format(name: str) -> Format:
    """The output format called ``name``; :class:`OptionError` listing the known ones."""
    return PLUGINS.get(name)


class _Renderers(Mapping[str, Callable[[Inline], str]]):
    """Every available format's render function by name, plug-ins included."""

    def __getitem__(self, name: str) -> Callable[[Inline], str]:
        try:
            return get_format(name).render
        except OptionError:
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(PLUGINS.names())

    def __len__(self) -> int:
        return len(PLUGINS.names())


FORMATS: Mapping[str, Callable[[Inline], str]] = _Renderers()
"""Each output format's name → the function rendering a tree in it (``citekit --to``)."""
