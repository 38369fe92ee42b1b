"""The ``citekit`` command: a thin layer over the public API.

Contract (other tools and the tests rely on it):

* ``citekit format FILE... --style ID [--to FORMAT]``: each reference alone, one per line,
  in input order, without numbering.
* ``citekit bibliography FILE... --style ID [--to FORMAT]``: the list as the style sorts and
  numbers it.
* ``citekit cite FILE... --style apa [--id ID]... [--narrative] [--locator "p. 7"]``: one
  in-text citation of the given ids (year suffixes decided by all references read), or one
  citation per reference, one per line, when no id is given.
* ``citekit styles``: the style ids, each with a one-line description.
* ``citekit translit TEXT [--scheme NAME]``: a transliteration (of standard input without
  TEXT).
* ``-`` as FILE reads standard input; name its format with ``--from``.
* ``--keep-going``: bad references are reported and the good ones still formatted.
* A field a reader cannot read (a bad ISBN, a date that does not exist) is left out of its
  reference, and a field name the format does not know is kept as it is: each is a warning
  on standard error (``citekit: warning: FILE:LINE: id: field: …``) and the exit status stays
  0. ``--strict`` (``format``, ``bibliography``, ``cite``, ``convert``, ``check``) makes
  each an error of its reference.
* Exit status 0 on success; 1 on bad input, with ``FILE:LINE: message`` on standard error;
  2 on a usage error: an unknown command, option, style, format or id.
* ``python -m citekit`` is the same command; ``citekit --version`` prints the version.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["main"]

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _positive(text: str) -> int:
    """An argparse type: a whole number from 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a whole number from 1, not {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    from citekit import __version__
    from citekit.io import READERS, WRITERS
    from citekit.render import FORMATS
    from citekit.translit import DEFAULT_SCHEME, SCHEMES

    parser = argparse.ArgumentParser(
        prog="citekit",
        description="Format references: Elpub, References, GOST, APA, BibTeX and any CSL style.",
        epilog="'citekit COMMAND --help' describes a command. Exit status: 0 on success, "
        "1 on bad input, 2 on a usage error.",
    )
    parser.add_argument("--version", action="version", version=f"citekit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=help)

    def with_inputs(name: str, help: str, style: str = "elpub") -> argparse.ArgumentParser:
        sub = command(name, help)
        sub.add_argument("files", nargs="+", metavar="FILE", help="input files; - for stdin")
        sub.add_argument(
            "-s",
            "--style",
            default=style,
            help=f"style id, or csl:NAME / csl:PATH for a CSL style (default: {style}; "
            "'citekit styles' lists them)",
        )
        sub.add_argument("-t", "--to", default="text", choices=list(FORMATS), help="output format")
        sub.add_argument(
            "--from", dest="input_format", choices=list(READERS), help="input format (for stdin)"
        )
        sub.add_argument("--translit", choices=list(SCHEMES), help="transliteration scheme")
        sub.add_argument("--max-authors", type=_positive, help="list at most this many authors")
        sub.add_argument(
            "--csl-engine",
            choices=["citekit", "citeproc-py"],
            help="the engine of a csl: style (default: citekit's own processor)",
        )
        sub.add_argument(
            "--keep-going",
            action="store_true",
            help="report bad references and go on with the good ones (exit status still 1)",
        )
        strict(sub)
        return sub

    def strict(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--strict",
            action="store_true",
            help="a field that cannot be read or has an unknown name is an error of its "
            "reference, not a warning",
        )

    fmt = with_inputs("format", "Format each reference alone, one per line, in input order.")
    fmt.add_argument(
        "-j",
        "--workers",
        type=_positive,
        metavar="N",
        help="format over N processes (from 4,000 references; reading the file is not spread)",
    )
    with_inputs("bibliography", "Format the references as the style sorts and numbers its list.")
    cite = with_inputs(
        "cite", "In-text citations: of the --id references, or of each one.", style="apa"
    )
    cite.add_argument("--id", dest="ids", action="append", metavar="ID", help="a reference id")
    cite.add_argument("--narrative", action="store_true", help="Kistanov (2025), not (…)")
    cite.add_argument("--locator", help='a page or other locator, such as "p. 7"')
    check = command(
        "check", "List every problem in the files; with --style, what it will not print."
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="input files; - for stdin")
    check.add_argument("-s", "--style", help="also warn about what this style needs")
    check.add_argument(
        "--from", dest="input_format", choices=list(READERS), help="input format (for stdin)"
    )
    strict(check)
    convert = command("convert", "Write the references in another format; losses on stderr.")
    convert.add_argument("files", nargs="+", metavar="FILE", help="input files; - for stdin")
    convert.add_argument("-t", "--to", required=True, choices=list(WRITERS), help="output format")
    convert.add_argument(
        "--from", dest="input_format", choices=list(READERS), help="input format (for stdin)"
    )
    convert.add_argument("-o", "--output", help="write to this file instead of stdout")
    strict(convert)
    convert.add_argument(
        "-s",
        "--style",
        help="style of the formatted citations in jats (mixed-citation) and crossref-deposit "
        "(unstructured_citation); default: elpub",
    )
    command("styles", "List the styles: built-in, plug-ins, and how to name a CSL style.")
    translit = command("translit", "Transliterate Russian text to Latin script.")
    translit.add_argument("text", nargs="*", help="the text (default: standard input)")
    translit.add_argument(
        "--table", action="store_true", help="print every letter in every scheme (Markdown)"
    )
    translit.add_argument(
        "--scheme", default=DEFAULT_SCHEME, choices=list(SCHEMES), help="the scheme (default: bsi)"
    )
    return parser


class _UsageError(Exception):
    """A mistake in the command's words that only shows once the input is read."""


class _Problems:
    """With ``--keep-going``: errors are printed as they come and counted."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: Exception) -> None:
        sys.stderr.write(f"citekit: {error}\n")
        self.count += 1


def _read(
    files: Sequence[str],
    input_format: str | None,
    problems: _Problems | None = None,
    *,
    strict: bool = False,
) -> list[Any]:
    """The references in ``files``; a field-level problem is a warning on stderr, or with
    ``strict`` an error of its reference (the readers raise it when the warning is one)."""
    import warnings

    from citekit.errors import FieldWarning

    with warnings.catch_warnings():
        warnings.simplefilter("error" if strict else "always", FieldWarning)
        return _read_files(files, input_format, problems)


def _read_files(
    files: Sequence[str], input_format: str | None, problems: _Problems | None
) -> list[Any]:
    from citekit.errors import CitekitError
    from citekit.io import load, loads
    from citekit.io.duplicates import unique

    read: list[tuple[str, list[Any]]] = []
    for name in files:
        try:
            if name == "-":  # main() made sure its format is named
                assert input_format is not None
                text = sys.stdin.read()
                read.append(
                    ("<stdin>", loads(text, input_format, file="<stdin>", on_error=problems))
                )
            else:
                read.append((name, load(name, input_format, on_error=problems)))
        except CitekitError as exc:
            if problems is None:
                raise
            problems(exc)  # the file cannot be read past this point; the next one can
    return unique(read)  # a work given twice is listed and cited once (docs/robustness.md)


def _check(args: argparse.Namespace) -> int:
    """``citekit check``: problems on stdout, one per line; exit 1 when any is an error."""
    import io

    from citekit.checking import check

    errors = warnings = 0
    for name in args.files:
        source: Any = name
        if name == "-":
            source = io.StringIO(sys.stdin.read())
            source.name = "<stdin>"
        for problem in check(source, args.input_format, style=args.style, strict=args.strict):
            sys.stdout.write(f"{problem}\n")
            errors += problem.severity == "error"
            warnings += problem.severity == "warning"
    sys.stderr.write(f"citekit check: {errors} errors, {warnings} warnings\n")
    return EXIT_BAD_INPUT if errors else EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    """``citekit convert``: every value a format cannot hold is named on stderr."""
    import warnings

    from citekit.errors import DataLossWarning
    from citekit.io import dump

    refs = _read(args.files, args.input_format, strict=args.strict)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataLossWarning)
        options = {"style": args.style} if args.style else {}
        text = dump(refs, args.to, args.output, **options)
    for warning in caught:
        sys.stderr.write(f"citekit: warning: {warning.message}\n")
    if args.output is None:
        sys.stdout.write(text)
    return EXIT_OK


def _style_options(args: argparse.Namespace) -> dict[str, Any]:
    given = {
        "translit": args.translit,
        "max_authors": args.max_authors,
        "engine": getattr(args, "csl_engine", None),
    }
    return {name: value for name, value in given.items() if value is not None}


def _run(args: argparse.Namespace) -> int:
    from citekit import api

    out = sys.stdout
    if args.command == "styles":
        from citekit.styles.registry import describe_styles

        for style_id, description in describe_styles():
            out.write(f"{style_id:<14} {description}\n")
        out.write(
            f"{'csl:NAME':<14} any CSL style by name, e.g. csl:apa, csl:ieee, csl:vancouver\n"
        )
        out.write(f"{'csl:PATH':<14} a CSL style file, e.g. csl:csl-styles/my-journal.csl\n")
        return EXIT_OK
    if args.command == "translit":
        from citekit.translit import letter_table, transliterate

        if args.table:
            out.write(letter_table() + "\n")
        elif args.text and args.text != ["-"]:
            out.write(transliterate(" ".join(args.text), args.scheme) + "\n")
        elif not sys.stdin.isatty():
            for line in sys.stdin:  # line by line: a long text streams through
                out.write(transliterate(line.rstrip("\n"), args.scheme) + "\n")
        else:
            sys.stderr.write("citekit translit: give the text, pipe it in, or ask for --table\n")
            return EXIT_USAGE
        return EXIT_OK
    if args.command == "check":
        return _check(args)
    if args.command == "convert":
        return _convert(args)
    from citekit.progress import Progress
    from citekit.styles.base import CitingStyle

    problems = _Problems() if getattr(args, "keep_going", False) else None
    # Mistaken words are told before any reading: the style, an option it does not take,
    # a style without in-text citations given to cite.
    style = api.resolve_style(args.style)
    options = _style_options(args)
    style.options(**options)
    if args.command == "cite" and not isinstance(style, CitingStyle):
        raise _UsageError(f"style {style.id!r} makes no in-text citations; try apa or csl:NAME")
    files = f"{len(args.files)} files" if len(args.files) > 1 else args.files[0]
    with Progress(f"reading {files}") as progress:
        refs = _read(args.files, args.input_format, problems, strict=args.strict)
        progress.phase(f"formatting {len(refs):,} references in {style.id}")
        texts = _formatted(args, refs, style, options)
    for text in texts:  # written once the display is gone, so the two never mix
        out.write(text + "\n")
    return EXIT_BAD_INPUT if problems and problems.count else EXIT_OK


def _formatted(
    args: argparse.Namespace, refs: list[Any], style: Any, options: dict[str, Any]
) -> list[str]:
    """The lines ``format``, ``bibliography`` or ``cite`` writes."""
    from citekit import api

    if args.command == "format":
        return api.format_many(refs, style, to=args.to, workers=args.workers, **options)
    if args.command == "bibliography":
        return [api.bibliography(refs, style, to=args.to, **options)]
    how = {"narrative": args.narrative, "locator": args.locator, "to": args.to}
    if not args.ids:
        return [api.cite(ref, style, context=refs, **how, **options) for ref in refs]
    by_id = {ref.id: ref for ref in refs}
    missing = [i for i in args.ids if i not in by_id]
    if missing:
        raise _UsageError(f"no reference with id {', '.join(missing)} in the input")
    chosen = [by_id[i] for i in args.ids]
    return [api.cite(chosen, style, context=refs, **how, **options)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    if "-" in getattr(args, "files", ()) and args.input_format is None:
        sys.stderr.write(f"citekit {args.command}: name the format of standard input with --from\n")
        return EXIT_USAGE
    import warnings

    from citekit.errors import CitekitError, DataLossWarning, OptionError, UnknownStyleError

    def show(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
        label = "warning" if issubclass(category, DataLossWarning) else category.__name__
        sys.stderr.write(f"citekit: {label}: {message}\n")

    warnings.showwarning = show

    try:
        return _run(args)
    except (OptionError, UnknownStyleError, _UsageError) as exc:
        sys.stderr.write(f"citekit: {exc}\n")
        return EXIT_USAGE
    except CitekitError as exc:
        sys.stderr.write(f"citekit: {exc}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (``citekit format … | head -1``): that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
