"""Check data against a JSON Schema and explain the first problem in plain words.

Shared by the interchange import and the toolkit files: both name the problem by its place in
the data (a list of keys and indexes) and say what is wrong in a sentence a user understands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from worksession.i18n import N_, _

PathPart = str | int


@dataclass(frozen=True)
class SchemaProblem:
    parts: tuple[PathPart, ...]
    message: str


def first_schema_problem(schema: dict[str, Any], data: object) -> SchemaProblem | None:
    """The problem a reader meets first in ``data``, or None when it fits ``schema``."""
    from jsonschema import Draft202012Validator  # loaded only when a file is checked

    overfull = _first_overfull(schema, schema, data, ())
    if overfull is not None:
        return overfull
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(data))
    if not errors:
        return None
    first = min(errors, key=lambda error: _document_order(data, list(error.absolute_path)))
    return _describe(first)


def _first_overfull(
    root: dict[str, Any], node: dict[str, Any], data: object, parts: tuple[PathPart, ...]
) -> SchemaProblem | None:
    """A list or object longer than its ``maxItems``/``maxProperties``, found before the full
    validation: that would check (and report on) every one of 100,000 entries first."""
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        node = {**root["$defs"][reference.removeprefix("#/$defs/")], **node}
        del node["$ref"]
    if isinstance(data, list):
        limit, inner = node.get("maxItems"), node.get("items")
        if limit is not None and len(data) > limit:
            return SchemaProblem(parts, _too_many(len(data), limit))
        children: list[tuple[PathPart, object, object]] = [
            (index, item, inner) for index, item in enumerate(data)
        ]
    elif isinstance(data, dict):
        limit, fields = node.get("maxProperties"), node.get("properties", {})
        if limit is not None and len(data) > limit:
            return SchemaProblem(parts, _too_many(len(data), limit))
        children = [
            (key, value, fields.get(key, node.get("additionalProperties")))
            for key, value in data.items()
        ]
    else:
        return None
    for part, child, child_schema in children:
        if isinstance(child_schema, dict) and isinstance(child, (list, dict)):
            found = _first_overfull(root, child_schema, child, (*parts, part))
            if found is not None:
                return found
    return None


def _too_many(count: int, limit: int) -> str:
    return _("has {count} entries; at most {limit} fit").format(count=count, limit=limit)


def _document_order(data: Any, parts: list[PathPart]) -> list[int]:
    """Where a path stands in the document, so the first problem is the one a reader meets first."""
    order = []
    node = data
    for part in parts:
        if isinstance(node, dict):
            order.append(list(node).index(part) if part in node else len(node))
        elif isinstance(node, list) and isinstance(part, int):
            order.append(part)
        node = node[part]
    return order


_TYPE_NAMES = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("an object"),
    "null": N_("null"),
}


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)[:60]


def _describe(error: Any) -> SchemaProblem:
    if error.validator in ("anyOf", "oneOf") and error.context:
        # "a date or null": explain the alternative the value was meant for, not the null.
        meant = [e for e in error.context if e.validator_value != "null"] or error.context
        return _describe(meant[0])
    parts = tuple(error.absolute_path)
    value = error.instance
    validator, expected = error.validator, error.validator_value
    message = str(error.message)
    match validator:
        case "required":
            missing = next(name for name in expected if name not in value)
            return SchemaProblem((*parts, missing), _("required field is missing"))
        case "additionalProperties":
            allowed = error.schema.get("properties", {})
            extra = next(name for name in value if name not in allowed)
            return SchemaProblem((*parts, extra), _("unknown field"))
        case "type":
            names = [expected] if isinstance(expected, str) else list(expected)
            wanted = _(" or ").join(_(_TYPE_NAMES.get(name, name)) for name in names)
            message = _("expected {wanted}, got {value}").format(wanted=wanted, value=_shown(value))
        case "enum":
            message = _("{value} is not one of: {choices}").format(
                value=_shown(value), choices=", ".join(json.dumps(c) for c in expected)
            )
        case "const":
            message = _("must be {expected}, got {value}").format(
                expected=_shown(expected), value=_shown(value)
            )
        case "minLength" if expected == 1:
            message = _("must not be empty")
        case "maxLength":
            message = _("is {length} characters long; at most {limit} fit").format(
                length=len(value), limit=expected
            )
        case "minimum":
            message = _("must be at least {minimum}, got {value}").format(
                minimum=expected, value=value
            )
        case "maximum":
            message = _("must be at most {maximum}, got {value}").format(
                maximum=expected, value=value
            )
        case "pattern" if error.schema.get("title") == "Time of day":
            message = _("{value!r} is not a time of day (HH:MM)").format(value=value)
        case "pattern" if error.schema.get("title") == "BIG number":
            message = _("{value!r} is not a BIG number (11 digits)").format(value=value)
        case "pattern" if error.schema.get("title") == "Moment":
            message = _("{value!r} is not a date and time (YYYY-MM-DDTHH:MM:SS+00:00)").format(
                value=value
            )
        case "format" | "pattern" if isinstance(value, str) and "date" in str(error.schema):
            message = _("{value!r} is not a date (YYYY-MM-DD)").format(value=value)
        case "pattern":
            message = _("{value!r} is not a valid key (letters, digits, '.', '_' and '-')").format(
                value=value
            )
        case "uniqueItems":
            message = _("an entry is listed twice")
        case "minItems":
            message = _("needs at least {count} entries").format(count=expected)
        case "maxItems" | "maxProperties":
            message = _too_many(len(value), expected)
    return SchemaProblem(parts, message)
