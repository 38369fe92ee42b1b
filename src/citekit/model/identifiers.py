"""Identifiers: DOI, URL, ISBN, ISSN, normalised and checked when a reference is built.

>>> normalize_doi("https://doi.org/10.55105/2500-2872-2025-3-5-25")
'10.55105/2500-2872-2025-3-5-25'
>>> normalize_doi("doi:10.1111/JPC.13023")
'10.1111/JPC.13023'
>>> check_isbn("978-3-16-148410-0")
'978-3-16-148410-0'
>>> check_issn("2500-2872")
'2500-2872'
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from citekit.errors import ValidationError

__all__ = ["check_isbn", "check_issn", "check_url", "normalize_doi"]

_DOI_PREFIXES = (
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi.org/",
    "doi:",
)


def normalize_doi(value: object) -> str:
    """The bare DOI (``10.prefix/suffix``) from any of the ways people write it.

    A DOI is case-insensitive, so its case is kept as given.
    """
    if not isinstance(value, str):
        raise ValidationError(f"not a DOI: {value!r}", field="doi")
    doi = value.strip()
    lowered = doi.lower()
    for prefix in _DOI_PREFIXES:
        if lowered.startswith(prefix):
            doi = doi[len(prefix) :].strip()
            if prefix.startswith("http"):
                doi = unquote(doi)
            break
    prefix, slash, suffix = doi.partition("/")
    registrant = prefix[3:]
    if (
        not prefix.startswith("10.")
        or not slash
        or not suffix
        or not registrant
        or not all(part.isdigit() for part in registrant.split("."))
        or " " in doi
        or not doi.isprintable()  # other white space, controls, invisible characters
    ):
        raise ValidationError(
            f"not a DOI: {value!r}; a DOI looks like 10.1234/abc (with or without https://doi.org/)",
            field="doi",
        )
    return doi


_NEVER_IN_URLS = frozenset('"<>{}|\\^`')
"""Characters RFC 3986 never allows unencoded in a URL; they must be written as %XX."""


def check_url(value: object) -> str:
    """An absolute URL with a scheme and a host, without spaces or characters that must be
    percent-encoded (``"<>{}|\\^```)."""
    if not isinstance(value, str):
        raise ValidationError(f"not a URL: {value!r}", field="url")
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # urllib refuses some malformed hosts ("http://[x") outright
        parts = None
    if (
        parts is None
        or parts.scheme not in {"http", "https", "ftp"}
        or not parts.netloc
        or any(ch.isspace() or ord(ch) < 32 or ch == "\x7f" or ch in _NEVER_IN_URLS for ch in url)
    ):
        raise ValidationError(
            f"not a web address: {value!r}; give a full http:// or https:// URL, "
            'with spaces and "<>{}|\\^` written as %XX',
            field="url",
        )
    return url


def _digits(value: str, field: str) -> str:
    compact = value.replace("-", "").replace(" ", "").upper()
    if compact.startswith(field.upper()):
        compact = compact[len(field) :].lstrip(":")
    return compact


def check_isbn(value: object) -> str:
    """An ISBN-10 or ISBN-13 whose check digit is right; returned as written (hyphens kept)."""
    if not isinstance(value, str):
        raise ValidationError(f"not an ISBN: {value!r}", field="isbn")
    digits = _digits(value, "isbn")
    ok = False
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * int(d) for i, d in enumerate(digits[:9]))
        total += 10 if digits[9] == "X" else int(digits[9])
        ok = total % 11 == 0
    elif len(digits) == 13 and digits.isdigit():
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
        ok = total % 10 == 0
    if not ok:
        raise ValidationError(
            f"not a valid ISBN: {value!r}; check the digits (the last one is a checksum)",
            field="isbn",
        )
    return value.strip()


def check_issn(value: object) -> str:
    """An ISSN (``NNNN-NNNC``) whose check digit is right; returned as written."""
    if not isinstance(value, str):
        raise ValidationError(f"not an ISSN: {value!r}", field="issn")
    digits = _digits(value, "issn")
    ok = len(digits) == 8 and digits[:7].isdigit() and (digits[7].isdigit() or digits[7] == "X")
    if ok:
        total = sum((8 - i) * int(d) for i, d in enumerate(digits[:7]))
        check = (11 - total % 11) % 11
        ok = digits[7] == ("X" if check == 10 else str(check))
    if not ok:
        raise ValidationError(
            f"not a valid ISSN: {value!r}; check the digits (the last one is a checksum)",
            field="issn",
        )
    return value.strip()
