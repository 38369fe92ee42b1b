"""Keep docs/citekit.schema.json in step with the kinds table (src/citekit/model/kinds.py).

The schema's hand-written parts (how a title, a person, a date is written) stay as they are;
the list of types and the properties each kind's fields take are derived:

    python tools/schema.py          # rewrite the file
    python tools/schema.py --check  # exit 1 when the file is out of date (the tests do this)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import attrs

from citekit.model.kinds import KINDS

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "citekit.schema.json"

# fields whose shape the schema spells out; any other field is free text (additionalProperties)
_FIXED = {
    "id": {"type": "string", "minLength": 1},
    "language": {"$ref": "#/$defs/lang"},
    "doi": {"type": "string", "minLength": 1},
    "url": {"type": "string", "format": "uri"},
    "changing": {"type": "boolean"},
    "extra": {"type": "object"},
}


def _property(field: attrs.Attribute[Any]) -> dict[str, Any] | None:
    if field.name in _FIXED:
        return _FIXED[field.name]
    kind = str(field.type)
    if "Title" in kind:
        return {"$ref": "#/$defs/title"}
    if "Person" in kind:
        return {"$ref": "#/$defs/people"}
    if "PartialDate" in kind:
        return {"$ref": "#/$defs/date"}
    return None


def derived(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with its list of types and its typed properties taken from the kinds."""
    reference = schema["$defs"]["reference"]
    properties: dict[str, Any] = {
        "id": _FIXED["id"],
        "type": {"enum": sorted(k.name for k in KINDS)},
    }
    for kind in KINDS:
        for field in attrs.fields(kind.shape):
            shape = _property(field)
            if shape is not None and field.name not in properties:
                properties[field.name] = shape
    reference["properties"] = properties
    return schema


def text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    current = SCHEMA.read_text(encoding="utf-8")
    wanted = text(derived(json.loads(current)))
    if "--check" in sys.argv:
        return 0 if wanted == current else 1
    SCHEMA.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
