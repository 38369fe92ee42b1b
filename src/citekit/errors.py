"""The one error hierarchy of citekit.

Every problem with input data, a style or an option is a :class:`CitekitError`
carrying where it happened (file, line, reference id, field), so that the CLI
can print ``FILE:LINE: message`` and a program can react to the exact place.

>>> err = ValidationError("not a DOI: 'x'", field="DOI", ref_id="kistanov2025")
>>> str(err)
"kistanov2025: DOI: not a DOI: 'x'"
"""

from __future__ import annotations

__all__ = [
    "CitekitError",
    "DataLossWarning",
    "FieldWarning",
    "OptionError",
    "ParseError",
    "StyleError",
    "UnknownFieldWarning",
    "UnknownStyleError",
    "UnsupportedError",
    "ValidationError",
]


class CitekitError(Exception):
    """Base class of every error citekit raises on purpose.

    ``message`` says what is wrong and what to do; ``file``, ``line``,
    ``ref_id`` and ``field`` say where, as far as they are known.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        ref_id: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.ref_id = ref_id
        self.field = field

    def located(
        self,
        *,
        file: str | None = None,
        line: int | None = None,
        ref_id: str | None = None,
        field: str | None = None,
    ) -> CitekitError:
        """Fill in the parts of the location that are still unknown; return self.

        Readers call this as an error travels up, so the innermost, most exact
        location wins.
        """
        self.file = self.file or file
        self.line = self.line or line
        self.ref_id = self.ref_id or ref_id
        if field and self.field and not self.field.startswith(field):
            self.field = f"{field}.{self.field}"
        else:
            self.field = self.field or field
        return self

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        elif self.line:
            where = f"line {self.line}: "
        what = ": ".join(part for part in (self.ref_id, self.field) if part)
        return f"{where}{what}: {self.message}" if what else f"{where}{self.message}"


class ParseError(CitekitError):
    """A file could not be read: bad syntax, wrong encoding, unknown format."""


class ValidationError(CitekitError, ValueError):
    """A value was refused when a reference was built (a date that does not exist, a bad DOI)."""


class StyleError(CitekitError, LookupError):
    """An unknown style, or a style that cannot be loaded."""


class UnknownStyleError(StyleError):
    """A style id, or a CSL style name, that names no style: the caller's mistake, not the
    data's (the command line exits with 2 for it)."""


class OptionError(CitekitError, TypeError):
    """An option a style does not know, or a value it cannot take."""


class UnsupportedError(CitekitError):
    """The data is valid but the chosen style or writer cannot represent it."""


class DataLossWarning(UserWarning):
    """A writer could not represent a field; the message names the reference and the field."""


class FieldWarning(DataLossWarning):
    """One field of a reference could not be read: the reader left that field out and kept
    the rest of the reference. ``error`` is the :class:`ValidationError` (with file, line,
    reference id and field) that the field would be under ``--strict``, or under
    ``warnings.simplefilter("error", FieldWarning)``, which makes the reader refuse the
    reference as it refuses a structural problem.

    >>> warning = FieldWarning(ValidationError("not a valid ISBN", file="a.json", line=4,
    ...                                        ref_id="a", field="ISBN"), "not read: ")
    >>> str(warning)
    'a.json:4: a: ISBN: not read: not a valid ISBN'
    """

    def __init__(self, error: CitekitError, prefix: str = "") -> None:
        shown = CitekitError(
            prefix + error.message,
            file=error.file,
            line=error.line,
            ref_id=error.ref_id,
            field=error.field,
        )
        super().__init__(str(shown))
        self.error = error


class UnknownFieldWarning(FieldWarning):
    """A field whose name the format does not know (``autor``): kept as it is in
    ``Reference.extra``, and named, with the nearest known name when one is close."""
