"""Whether a plan snapshot is one the app can make: the check ``verify`` runs before it draws
anything from a file.

A snapshot is the interchange document (less the coach's notes) with the plan's own summaries
of the vote and the schedule. So it is checked as an import is — the JSON Schema (types, allowed
values, text lengths), unique keys and every reference — and the two summaries by their shape.
A follow-up's plan has two more: the reference to the signed plan (without the plan itself),
and per review the signed agreement, beside the review as the document holds it.
A file can carry any bytes; a snapshot that no version of the data the app accepts could give
(a participant "present": "nee", two people with one key, a lead who is nobody, a 900 kB
ambition that keeps the renderer busy for minutes) is not a plan the app made.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from worksession.domain.interchange import FORMAT, InterchangeError, check_document
from worksession.domain.plan import Snapshot
from worksession.domain.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from worksession.domain.values import AgreementStatus, VoteEntry, VoteMode

PLAN_ONLY = ("format", "version", "voting", "schedule", "origin", "reviews")
_TIME = re.compile(r"\d\d:\d\d")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_HEX = re.compile(r"[0-9a-f]{64}")
_SIGNED = {"what", "theme", "lead", "due", "indicator", "status"}


def snapshot_problem(snapshot: Snapshot) -> str:
    """What makes ``snapshot`` one the app cannot make, as ``path: problem``; '' when none."""
    document = {key: value for key, value in snapshot.items() if key not in PLAN_ONLY}
    document["format"] = FORMAT
    reviews = snapshot.get("reviews")
    if isinstance(reviews, list):
        # The review as the document held it: the plan only adds the signed agreement.
        document["reviews"] = [
            {k: v for k, v in review.items() if k != "signed"}
            if isinstance(review, dict)
            else review
            for review in reviews
        ]
    try:
        check_document(document)
    except InterchangeError as error:
        return f"snapshot{error.path[1:]}: {error.message}"
    themes = {theme["key"] for theme in snapshot.get("themes", [])}
    people = {person["key"] for person in snapshot.get("participants", [])}
    checks: list[tuple[str, Callable[[Any], str]]] = [
        ("voting", lambda value: _voting_problem(value, themes, people)),
        ("schedule", _schedule_problem),
        ("origin", _origin_problem),
        ("reviews", _reviews_problem),
    ]
    parts: Mapping[str, object] = snapshot  # the key is chosen at run time
    for key, check in checks:
        if key in parts:
            problem = check(parts[key])
            if problem:
                return f"snapshot.{key}{problem}"
    return ""


def _voting_problem(voting: object, themes: set[str], people: set[str]) -> str:
    required = {"mode", "entry", "per_person", "cap", "anonymous", "voters", "eligible"}
    required |= {"order", "ties", "unresolved"}
    if not isinstance(voting, dict) or not required <= set(voting) <= required | {"ballots"}:
        return ": not a vote summary"
    if voting["mode"] not in VoteMode.values() or voting["entry"] not in VoteEntry.values():
        return ": unknown vote method"
    if not isinstance(voting["anonymous"], bool):
        return ".anonymous: not yes/no"
    for name, optional in (("per_person", True), ("cap", True), ("voters", False)):
        if not _count(voting[name], optional):
            return f".{name}: not a count"
    if not _count(voting["eligible"], False):
        return ".eligible: not a count"
    if not _keys(voting["order"], themes):
        return ".order: not a list of themes"
    for name in ("ties", "unresolved"):
        groups = voting[name]
        if not isinstance(groups, list) or not all(_keys(group, themes) for group in groups):
            return f".{name}: not groups of themes"
    ballots = voting.get("ballots", [])
    if not isinstance(ballots, list) or len(ballots) > 10_000:
        return ".ballots: not a list of ballots"
    for index, ballot in enumerate(ballots):
        if not _ballot(ballot, themes, people):
            return f".ballots[{index}]: not a ballot"
    return ""


def _ballot(ballot: object, themes: set[str], people: set[str]) -> bool:
    shapes = ({"participant", "counts"}, {"participant", "ranking"})
    if not isinstance(ballot, dict) or set(ballot) not in shapes:
        return False
    if ballot["participant"] is not None and ballot["participant"] not in people:
        return False
    if "ranking" in ballot:
        return _keys(ballot["ranking"], themes)
    counts = ballot["counts"]
    return isinstance(counts, dict) and all(
        key in themes and _count(value, False) for key, value in counts.items()
    )


def _schedule_problem(schedule: object) -> str:
    if not isinstance(schedule, dict) or set(schedule) != {"start_time", "steps"}:
        return ": not a schedule"
    start = schedule["start_time"]
    if start is not None and not (isinstance(start, str) and _TIME.fullmatch(start)):
        return ".start_time: not a time of day"
    steps = schedule["steps"]
    if not isinstance(steps, list) or len(steps) > 200:
        return ".steps: not a list of steps"
    fields = {"step", "title", "planned_minutes", "extra_minutes", "actual_seconds"}
    for index, step in enumerate(steps):
        where = f".steps[{index}]"
        if not isinstance(step, dict) or set(step) != fields:
            return f"{where}: not a step"
        if not (_text(step["step"]) and _text(step["title"])):
            return f"{where}: not a named step"
        if not (_count(step["planned_minutes"], False, 24 * 60)
                and _count(step["extra_minutes"], False, 480)
                and _count(step["actual_seconds"], True, 24 * 60 * 60)):  # fmt: skip
            return f"{where}: not a duration"
    return ""


def _origin_problem(origin: object) -> str:
    if not isinstance(origin, dict) or set(origin) != {"title", "version", "fingerprint"}:
        return ": not a reference to a signed plan"
    if not _text(origin["title"]):
        return ".title: not a title"
    if not _count(origin["version"], False) or origin["version"] < 1:
        return ".version: not a version number"
    if not (isinstance(origin["fingerprint"], str) and _HEX.fullmatch(origin["fingerprint"])):
        return ".fingerprint: not a SHA-256 in lower-case hex"
    return ""


def _reviews_problem(reviews: object) -> str:
    """Each review's own fields were checked as the document's; here the signed agreement."""
    if not isinstance(reviews, list):
        return ": not a list of reviews"
    for index, review in enumerate(reviews):
        signed = review.get("signed", False) if isinstance(review, dict) else False
        if signed is not None and not _signed(signed):
            return f"[{index}].signed: not an agreement as signed"
    return ""


def _signed(signed: object) -> bool:
    if not isinstance(signed, dict) or set(signed) != _SIGNED:
        return False
    texts = (signed["what"], signed["indicator"], signed["theme"], signed["lead"])
    due = signed["due"]
    return (
        all(isinstance(text, str) and len(text) <= LONG_TEXT_MAX for text in texts)
        and (due is None or (isinstance(due, str) and _DATE.fullmatch(due) is not None))
        and signed["status"] in AgreementStatus.values()
    )


def _count(value: object, optional: bool, most: int = 10_000) -> bool:
    if value is None:
        return optional
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= most


def _keys(value: object, known: set[str]) -> bool:
    return isinstance(value, list) and all(isinstance(k, str) and k in known for k in value)


def _text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= SHORT_TEXT_MAX
