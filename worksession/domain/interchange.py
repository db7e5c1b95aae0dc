"""The interchange format ``worksession/1``: parse and check a document before anything is written.

Checks run in two passes: the JSON Schema in ``resources/schemas`` (types, required fields,
allowed values) and the links the schema cannot express (unique keys, known references).
The first problem in document order is reported with its JSON path, e.g.
``$.agreements[2].lead: unknown key 'p-x'``.

Before either pass, a hostile file is refused by what no file the app writes contains: nesting
deeper than ``MAX_DEPTH`` (the parser would exhaust the stack), integers of more digits than any
count has, half a surrogate pair (no character at all: the database could not store it), a
field given twice in one object (JSON would silently keep the last). The size limits (number of
participants, agreements…) are ``maxItems`` in the schema, far above any real session.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any, cast

from worksession.domain.conditions import conditions_problem
from worksession.domain.document_keys import theme_titles
from worksession.domain.document_types import InterchangeDocument
from worksession.domain.follow_up_check import follow_up_problem, stray_reviews
from worksession.domain.schema_check import PathPart, first_schema_problem
from worksession.domain.validation import FINGERPRINT_MARK, fingerprint_mark_in
from worksession.domain.voting import (
    ballot_problems,
    ballots_from_document,
    settings_from_document,
    settings_problem,
)
from worksession.i18n import _
from worksession.support.paths import resource_path

FORMAT = "worksession/1"
MAX_FILE_BYTES = 10 * 1024 * 1024  # a real session's file is well under 1 MB
MAX_DEPTH = 32  # a document nests 6 levels deep; Python's parser fails near 1000
MAX_DIGITS = 15  # every count fits; SQLite would overflow past 19
MAX_ENTRIES = 10_000  # above every maxItems of the schema; refused before walking them
MAX_VALUES = 500_000  # a session at every limit holds about 250,000 values
SCHEMA_FILE = ("schemas", "worksession-1.schema.json")
PEOPLE = ("participants", "stakeholders")
# The lists whose records carry a key, in one key space; nothing refers to a feedback form.
KEYED = ("participants", "stakeholders", "themes", "agreements", "feedback_forms")

Document = InterchangeDocument


class InterchangeError(ValueError):
    """A document that cannot be imported; ``path`` is the JSON path of the first problem."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


_SURROGATE = re.compile("[\ud800-\udfff]")
_PLAIN_NAME = re.compile(r"[^\s\"\[\]\ud800-\udfff]+")
# A JSON string (with its escapes) or a bracket: what counts for the depth of the nesting.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_NOT_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[^"\[\]{}]+')
_INNERMOST = re.compile(r"[\[{][\]}]")


def json_path(parts: Sequence[PathPart]) -> str:
    text = "$"
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_NAME.fullmatch(part) and part.isprintable():
            text += f".{part}"
        else:  # a hostile field name: escaped, so the one-line message stays one line
            text += f"[{json.dumps(part)}]"
    return text


class _LongNumber:
    """An integer too long to be a count, kept as its length until the check names its path."""

    def __init__(self, digits: str) -> None:
        self.digits = len(digits.lstrip("-"))


class _TwiceNamed(dict[str, Any]):
    """An object in which ``twice`` was given more than once (the parse keeps the last)."""

    twice = ""


def _integer(digits: str) -> int | _LongNumber:
    # Python refuses to convert more than 4300 digits: this hook sees them first.
    return _LongNumber(digits) if len(digits.lstrip("-")) > MAX_DIGITS else int(digits)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    named = _TwiceNamed(result)
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            named.twice = key
            break
        seen.add(key)
    return named


@cache
def schema() -> dict[str, Any]:
    with resource_path(*SCHEMA_FILE).open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def parse_document(text: str | bytes, *, schema_passed: bool = False) -> Document:
    """Decode and check a document; raise ``InterchangeError`` naming the first problem.
    ``schema_passed``: see ``check_document``."""
    if len(text) > MAX_FILE_BYTES:
        raise InterchangeError(
            "$",
            _("the file is larger than {limit}; no session needs that much").format(
                limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
            ),
        )
    try:
        # The format is UTF-8 (a BOM is tolerated); json would guess UTF-16/32 from the bytes.
        decoded = text.decode("utf-8-sig") if isinstance(text, bytes) else text
        _check_depth(decoded)
        data = json.loads(decoded, object_pairs_hook=_object, parse_int=_integer)
    except UnicodeDecodeError as error:
        raise InterchangeError("$", _("the file is not UTF-8 text")) from error
    except json.JSONDecodeError as error:
        raise InterchangeError(
            "$",
            _("not valid JSON (line {line}, column {column}: {reason})").format(
                line=error.lineno, column=error.colno, reason=error.msg
            ),
        ) from error
    check_document(data, schema_passed=schema_passed)
    assert isinstance(data, dict)
    document = cast(Document, data)  # its shape is what the schema check just established
    stray = stray_reviews(document)
    if stray is not None:
        raise InterchangeError(json_path(stray[0]), stray[1])
    return document


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` before the parser recurses into it."""
    # Fast in C for a 10 MB file: drop the strings and all but brackets, then peel off the
    # innermost pairs MAX_DEPTH times; a pair left means deeper nesting (or broken JSON, which
    # the parser reports). Only then the slow scan for where it happens.
    brackets = _NOT_BRACKET.sub("", text)
    for _level in range(MAX_DEPTH):
        brackets = _INNERMOST.sub("", brackets)
        if not brackets:
            return
    if not _INNERMOST.search(brackets):
        return
    depth = 0
    for token in _TOKEN.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                column = token.start() - text.rfind("\n", 0, token.start())
                raise InterchangeError(
                    "$",
                    _(
                        "lists and objects nested more than {limit} deep "
                        "(line {line}, column {column})"
                    ).format(limit=MAX_DEPTH, line=line, column=column),
                )
        elif bracket in "]}":
            depth -= 1


def _check_values(data: object) -> None:
    """Refuse, in document order, what no file the app writes holds: a field given twice, an
    integer longer than any count, text with half a surrogate pair, nesting past ``MAX_DEPTH``.

    Walked with a stack of its own: a deep document must not exhaust Python's."""
    stack: list[tuple[tuple[PathPart, ...], object]] = [((), data)]
    walked = 0
    while stack:
        parts, node = stack.pop()
        walked += 1
        if walked > MAX_VALUES:
            raise InterchangeError(
                "$", _("holds more than {limit} values").format(limit=f"{MAX_VALUES:,}")
            )
        if len(parts) > MAX_DEPTH:
            raise InterchangeError(
                json_path(parts), _("nested more than {limit} deep").format(limit=MAX_DEPTH)
            )
        if isinstance(node, _LongNumber):
            raise InterchangeError(
                json_path(parts),
                _("a number of {count} digits; at most {limit} fit").format(
                    count=node.digits, limit=MAX_DIGITS
                ),
            )
        if isinstance(node, str):
            _check_text(parts, node)
            continue
        if isinstance(node, (dict, list)) and len(node) > MAX_ENTRIES:
            raise InterchangeError(
                json_path(parts),
                _("has {count} entries; at most {limit} fit").format(
                    count=len(node), limit=MAX_ENTRIES
                ),
            )
        if isinstance(node, dict):
            if isinstance(node, _TwiceNamed):
                raise InterchangeError(
                    json_path([*parts, node.twice]), _("this field is given twice in one object")
                )
            for key in node:
                _check_text((*parts, key), key)
            stack.extend(reversed([((*parts, key), value) for key, value in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([((*parts, index), item) for index, item in enumerate(node)]))


def _check_text(parts: tuple[PathPart, ...], text: str) -> None:
    found = _SURROGATE.search(text)
    if found is not None:
        raise InterchangeError(
            json_path(parts),
            _("contains {code}, half of a character pair: the text is damaged").format(
                code=f"\\u{ord(found.group()):04x}"
            ),
        )


def check_document(data: object, *, schema_passed: bool = False) -> None:
    """Raise ``InterchangeError`` for the first problem of ``data`` in document order.

    ``schema_passed``: ``data`` is made only of shipped files known to pass the schema
    (``support.checked_files``), so the schema check is left out; every other check is made."""
    _check_values(data)
    if not isinstance(data, dict):
        raise InterchangeError("$", _("expected a JSON object"))
    if "format" in data and data["format"] != FORMAT:
        raise InterchangeError(
            "$.format",
            _("unknown format version {value!r}; this version reads {expected!r}").format(
                value=data["format"], expected=FORMAT
            ),
        )
    if not schema_passed:
        _check_schema(data)
    if fingerprint_mark_in(data["session"]["title"]):
        raise InterchangeError(
            "$.session.title",
            _(
                "must not contain {mark!r}: the plan's check prints its codes after the title"
            ).format(mark=FINGERPRINT_MARK),
        )
    _check_links(cast(Document, data))  # the schema check has established its shape


def _check_schema(data: dict[str, Any]) -> None:
    problem = first_schema_problem(schema(), data)
    if problem is not None:
        raise InterchangeError(json_path(problem.parts), problem.message)


def _check_links(data: Document) -> None:
    kinds: dict[str, str] = {}  # key -> the list it is defined in
    sections = cast(Mapping[str, Sequence[Mapping[str, Any]]], data)
    keyed = {section: sections.get(section, []) for section in KEYED}
    for section, records in keyed.items():
        for index, record in enumerate(records):
            key = record["key"]
            if key in kinds:
                raise InterchangeError(
                    json_path([section, index, "key"]),
                    _("duplicate key {key!r}").format(key=key),
                )
            kinds[key] = section
    for path, key, allowed in _references(data):
        if key is not None and kinds.get(key) not in allowed:
            raise InterchangeError(json_path(path), _("unknown key {key!r}").format(key=key))
    seen: set[tuple[str, str, str]] = set()
    for index, relation in enumerate(data.get("relations", [])):
        triple = (relation["from"], relation["to"], relation["kind"])
        if relation["from"] == relation["to"]:
            raise InterchangeError(
                json_path(["relations", index, "to"]),
                _("a stakeholder cannot relate to itself"),
            )
        if triple in seen:
            raise InterchangeError(json_path(["relations", index]), _("duplicate relation"))
        seen.add(triple)
    for index, referral in enumerate(data.get("referrals", [])):
        if referral.get("from") is not None and referral.get("from") == referral.get("to"):
            raise InterchangeError(
                json_path(["referrals", index, "to"]),
                _("a referral cannot go to the one who refers"),
            )
    _check_voting(data)
    _check_schedule(data)
    problem = follow_up_problem(data, schema()) or conditions_problem(data, kinds)
    if problem is not None:
        raise InterchangeError(json_path(problem[0]), problem[1])


def _check_voting(data: Document) -> None:
    """The method fits its entry, one ballot per participant, ballots of the method's shape and
    within its budget and cap (the messages name the participant and the value)."""
    voting = data.get("voting")
    if voting is None:
        return
    settings = settings_from_document(voting)
    problem = settings_problem(settings)
    if problem is not None:
        raise InterchangeError(json_path(["voting", "entry"]), problem)
    themes = theme_titles(data)
    names = {person["key"]: person["name"] for person in data.get("participants", [])}
    voted: set[str] = set()
    ballots = ballots_from_document(voting, names)
    for index, (record, ballot) in enumerate(zip(voting.get("ballots", []), ballots, strict=True)):
        path: list[PathPart] = ["voting", "ballots", index]
        participant = record.get("participant")
        if participant is not None:
            if participant in voted:
                raise InterchangeError(
                    json_path([*path, "participant"]),
                    _("{key!r} has a ballot already").format(key=participant),
                )
            voted.add(participant)
        problems = ballot_problems(settings, themes, ballot, number=index + 1)
        if problems:
            field = "counts" if settings.counting else "ranking"
            raise InterchangeError(json_path([*path, field]), problems[0])


def _check_schedule(data: Document) -> None:
    """Every timed step is a step of the session's programme, and is timed once."""
    schedule = data.get("schedule")
    if schedule is None:
        return
    steps = {step["id"] for step in data["session"].get("programme_steps", [])}
    timed: set[str] = set()
    for index, record in enumerate(schedule.get("steps", [])):
        path = json_path(["schedule", "steps", index, "step"])
        step = record["step"]
        if step not in steps:
            raise InterchangeError(
                path, _("{step!r} is not a step of session.programme_steps").format(step=step)
            )
        if step in timed:
            raise InterchangeError(path, _("step {step!r} is listed twice").format(step=step))
        timed.add(step)


def _references(data: Document) -> Iterator[tuple[list[PathPart], str | None, tuple[str, ...]]]:
    """Every key reference in document order: (path, key, the lists it may point into)."""
    for index, stakeholder in enumerate(data.get("stakeholders", [])):
        yield (
            ["stakeholders", index, "participant"],
            stakeholder.get("participant"),
            ("participants",),
        )
    for index, relation in enumerate(data.get("relations", [])):
        yield ["relations", index, "from"], relation["from"], ("stakeholders",)
        yield ["relations", index, "to"], relation["to"], ("stakeholders",)
    for index, improvement in enumerate(data.get("improvements", [])):
        yield ["improvements", index, "theme"], improvement["theme"], ("themes",)
    for index, agreement in enumerate(data.get("agreements", [])):
        yield ["agreements", index, "theme"], agreement.get("theme"), ("themes",)
        yield ["agreements", index, "lead"], agreement.get("lead"), PEOPLE
        for position, key in enumerate(agreement.get("partners", [])):
            yield ["agreements", index, "partners", position], key, PEOPLE
    for index, referral in enumerate(data.get("referrals", [])):
        yield ["referrals", index, "theme"], referral.get("theme"), ("themes",)
        yield ["referrals", index, "from"], referral.get("from"), PEOPLE
        yield ["referrals", index, "to"], referral.get("to"), PEOPLE
    follow_up = data.get("follow_up", {})
    yield ["follow_up", "kartrekker"], follow_up.get("kartrekker"), PEOPLE
    for position, key in enumerate(follow_up.get("werkgroep", [])):
        yield ["follow_up", "werkgroep", position], key, PEOPLE
    voting = data.get("voting", {})
    for position, key in enumerate(voting.get("tie_break", [])):
        yield ["voting", "tie_break", position], key, ("themes",)
    for index, ballot in enumerate(voting.get("ballots", [])):
        path: list[PathPart] = ["voting", "ballots", index]
        yield [*path, "participant"], ballot.get("participant"), ("participants",)
        for key in ballot.get("counts", {}):
            yield [*path, "counts", key], key, ("themes",)
        for position, key in enumerate(ballot.get("ranking", [])):
            yield [*path, "ranking", position], key, ("themes",)
