"""``fits``, the cheap check of the CSL-JSON reader, agrees with ``check_value``."""

from __future__ import annotations

import pytest

from citekit.errors import ValidationError
from citekit.io.limits import MAX_DEPTH, MAX_FIELD_CHARS, MAX_NAMES, check_value, fits


def _nested(levels: int) -> object:
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


GOOD = [
    {"title": "x" * MAX_FIELD_CHARS, "author": [{"family": "A"}] * MAX_NAMES},
    {"issued": {"date-parts": [[2025, 3]]}, "volume": 3, "x": None, "y": 1.5, "z": True},
    {"deep": _nested(MAX_DEPTH - 1)},
]
BAD = [
    {"title": "x" * (MAX_FIELD_CHARS + 1)},
    {"author": [{"family": "A"}] * (MAX_NAMES + 1)},
    {"deep": _nested(MAX_DEPTH)},
    {"x" * (MAX_FIELD_CHARS + 1): 1},
]


@pytest.mark.parametrize("value", GOOD)
def test_values_within_bounds_fit(value: object) -> None:
    assert fits(value)
    check_value(value, "item")


@pytest.mark.parametrize("value", BAD)
def test_values_beyond_a_bound_do_not_fit_and_are_refused(value: object) -> None:
    assert not fits(value)
    with pytest.raises(ValidationError):
        check_value(value, "item")


def test_types_json_does_not_make_go_to_the_full_check() -> None:
    value = {"tuple": ("a", "b")}
    assert not fits(value)
    check_value(value, "item")  # within bounds: the full check accepts it
