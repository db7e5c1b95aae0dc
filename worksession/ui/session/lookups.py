"""Keys in the document ↔ ids in the database, and people as choices for a lead or a member."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from worksession.domain.interchange import Document
from worksession.domain.validation import ValidationError
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.sociale_kaart import list_stakeholders
from worksession.storage.operations.themes import list_themes


@dataclass(frozen=True)
class Lookups:
    people: dict[str, PersonRef]  # key -> reference
    themes: dict[str, int]  # key -> theme id

    @classmethod
    def load(cls, db: Database, session_id: int) -> Lookups:
        people: dict[str, PersonRef] = {}
        for participant in list_participants(db=db, session_id=session_id):
            assert participant.id is not None
            people[participant.key] = PersonRef("participant", participant.id)
        for stakeholder in list_stakeholders(db=db, session_id=session_id):
            assert stakeholder.id is not None
            people[stakeholder.key] = PersonRef("stakeholder", stakeholder.id)
        themes = {t.key: int(t.id or 0) for t in list_themes(db=db, session_id=session_id)}
        return cls(people, themes)

    def person(self, key: str | None) -> PersonRef | None:
        return self.people.get(key) if key else None


def people_choices(document: Document) -> list[tuple[str, str]]:
    """(key, label) of everyone who can lead: participants, then stakeholders not in the room
    as a participant already."""
    choices = [
        (p["key"], f"{p['name']} ({p['role']})" if p["role"] else p["name"])
        for p in document["participants"]
    ]
    linked = {s["participant"] for s in document["stakeholders"] if s["participant"]}
    choices += [
        (s["key"], f"{s['name']} · {_('stakeholder')}")
        for s in document["stakeholders"]
        if s["key"] not in linked and not s["participant"]
    ]
    return choices


def parse_day(text: str) -> str | None:
    """``dd-mm-yyyy`` or ISO as typed by the coach → ISO, or None when empty; raises ValueError."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(text)


def parse_day_field(path: str, value: object) -> str | None:
    """``parse_day`` for a field: a value that is no date is refused naming ``path``."""
    try:
        return parse_day(str(value or ""))
    except ValueError:
        raise ValidationError(
            path, _("{value!r} is not a date (DD-MM-YYYY)").format(value=value)
        ) from None


def show_day(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y") if iso else ""
