"""JSON Schema (draft 2020-12) of the output, generated from the record dataclasses.

Generated, not hand-copied: a field added to a record shows up here at once,
and tests validate real outputs against it.
"""
from __future__ import annotations

import dataclasses
import typing
from typing import Any

from .records import (
    CASUALTY_CATEGORIES, DATE_KINDS, ERROR_CODES, EVENT_TYPES, FIGURE_CATEGORIES, PLACE_KINDS,
    SCHEMA_VERSION, ArticleFacts, Record,
)

SCHEMA_ID = "https://karabakh-extract.invalid/schema/v1/article-facts.json"

# Closed vocabularies the contract fixes, by (record, field).
ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Place", "kind"): PLACE_KINDS,
    ("DateFact", "kind"): DATE_KINDS,
    ("Figure", "category"): FIGURE_CATEGORIES,
    ("Event", "type"): EVENT_TYPES,
    ("ErrorDetail", "code"): ERROR_CODES,
}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        schema = _type_schema(inner[0], defs)
        if "$ref" in schema:
            return {"anyOf": [schema, {"type": "null"}]}
        types = schema.get("type")
        schema["type"] = [types, "null"] if isinstance(types, str) else list(types) + ["null"]
        if "enum" in schema:
            schema["enum"] = list(schema["enum"]) + [None]
        return schema
    if origin in (list, tuple):
        return {"type": "array", "items": _type_schema(args[0], defs) if args else {}}
    if isinstance(hint, type) and issubclass(hint, Record):
        _record_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    return {}


def _record_schema(cls: type[Record], defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ in defs:
        return defs[cls.__name__]
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    properties = {}
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints[f.name], defs)
        enum = ENUMS.get((cls.__name__, f.name))
        if enum:
            prop["enum"] = list(enum) + ([None] if "null" in prop.get("type", []) else [])
        if f.metadata.get("description"):
            prop["description"] = f.metadata["description"]
        properties[f.name] = prop
    schema = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "(") else cls.__name__,
        "properties": properties,
        "required": [f.name for f in dataclasses.fields(cls)],
    }
    defs[cls.__name__] = schema
    return schema


def output_schema() -> dict[str, Any]:
    """The JSON Schema every `extract`/`batch` output line validates against."""
    defs: dict[str, Any] = {}
    root = dict(_record_schema(ArticleFacts, defs))
    defs.pop("ArticleFacts")
    root["properties"] = dict(root["properties"])
    root["properties"]["schema_version"] = {"const": SCHEMA_VERSION, "description": "output contract version"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "karabakh-extract article facts (schema version 1)",
        **root,
        "$defs": defs,
        "x-casualty-categories": list(CASUALTY_CATEGORIES),
    }
