"""How a table's fields travel between its rows and the ``worksession/1`` document.

A table declares its fields once (``records.py``) as a ``RecordFields``: the document's keys in
the document's order, each with the model attribute it is stored in and, where the two differ,
how the value is converted (a date as ISO text, a moment in UTC, a JSON list) or which record it
links to (a theme, a participant or stakeholder, by key in the document and by id in the
database). Reading a row and writing a record both walk that one declaration, so a field added
to it is read and imported alike, and neither side can forget it.

Lists of other records inside a record (an agreement's partners, the casus's figures) are
``Extra`` fields: the declaration keeps their place in the document, the reader and the writer
supply them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any, Generic, Literal, TypeVar, cast

from sqlalchemy import Row
from sqlmodel import SQLModel

Target = Literal["participant", "stakeholder", "theme", "agreement"]

D = TypeVar("D")  # the record's TypedDict in the document
M = TypeVar("M", bound=SQLModel)  # the table's model
Reader = Callable[[Mapping[str, Any], "KeysById"], Any]
Getter = Callable[[Mapping[str, Any]], tuple[Any, ...]]


class KeysById:
    """What reading needs to link records: each participant's, stakeholder's, theme's and
    agreement's key by its database id.

    Each map is loaded when a record first needs it: the window reads only the parts a save
    changed, and a stakeholder's re-read should not read the themes and agreements too.
    """

    def __init__(self, load: Callable[[Target], dict[int, str]]) -> None:
        self._load = load

    @cached_property
    def participant(self) -> dict[int, str]:
        return self._load("participant")

    @cached_property
    def stakeholder(self) -> dict[int, str]:
        return self._load("stakeholder")

    @cached_property
    def theme(self) -> dict[int, str]:
        return self._load("theme")

    @cached_property
    def agreement(self) -> dict[int, str]:
        return self._load("agreement")

    def person(self, participant_id: int | None, stakeholder_id: int | None) -> str | None:
        """The key of the participant or stakeholder a pair of columns points at, if any."""
        if participant_id is not None:
            return self.participant[participant_id]
        if stakeholder_id is not None:
            return self.stakeholder[stakeholder_id]
        return None

    def people(self, rows: Iterable[Any]) -> list[str]:
        """The keys of member rows (partners, werkgroep) that each hold one person."""
        return [
            key
            for row in rows
            if (key := self.person(row.participant_id, row.stakeholder_id)) is not None
        ]


@dataclass
class IdsByKey:
    """What writing needs to link records: the database id of each record written so far, by
    its key in the document. Filled as the participants, stakeholders and themes are written."""

    participant: dict[str, int] = field(default_factory=dict)
    stakeholder: dict[str, int] = field(default_factory=dict)
    theme: dict[str, int] = field(default_factory=dict)
    agreement: dict[str, int] = field(default_factory=dict)

    def person(self, key: str | None) -> tuple[int | None, int | None]:
        """The (participant id, stakeholder id) pair for a person's key; a key names either."""
        if key is None:
            return None, None
        if key in self.participant:
            return self.participant[key], None
        return None, self.stakeholder[key]


@dataclass(frozen=True)
class Convert:
    """How a stored value becomes the document's value and back."""

    to_document: Callable[[Any], Any]
    from_document: Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _moment(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


def _utc(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC) if text else None


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


AS_IS = Convert(_same, _same)
DATE = Convert(_iso, _day)  # a day: ISO text in the document, a date in the database
MOMENT = Convert(_moment, _utc)  # a moment: ISO text in UTC, an aware datetime
JSON = Convert(json.loads, _json_text)  # a list stored as JSON text


def _canonical_text(plan: Any) -> str:
    # The form a frozen version is stored in, so the stored text is what the fingerprint is of.
    return json.dumps(plan, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


CANONICAL = Convert(json.loads, _canonical_text)  # a frozen plan snapshot, as canonical JSON


@dataclass(frozen=True)
class DocumentField:
    """One key of a record in the document."""

    key: str

    def attributes(self) -> tuple[str, ...]:
        """The model's attributes this key is stored in."""
        raise NotImplementedError

    def read(self, values: Mapping[str, Any], keys: KeysById) -> Any:
        """The document's value, from the row's values by column."""
        raise NotImplementedError

    def write(self, record: Mapping[str, Any], ids: IdsByKey) -> dict[str, Any]:
        """The model's attributes for the record's value; nothing when the record leaves it
        out, so the model's default applies (what an older file without the field gets)."""
        raise NotImplementedError


@dataclass(frozen=True)
class Plain(DocumentField):
    """A value stored in one column: ``attribute`` (the key when empty), converted if needed."""

    attribute: str = ""
    convert: Convert = AS_IS

    @property
    def column(self) -> str:
        return self.attribute or self.key

    def attributes(self) -> tuple[str, ...]:
        return (self.column,)

    def read(self, values: Mapping[str, Any], keys: KeysById) -> Any:
        return self.convert.to_document(values[self.column])

    def write(self, record: Mapping[str, Any], ids: IdsByKey) -> dict[str, Any]:
        if self.key not in record:
            return {}
        return {self.column: self.convert.from_document(record[self.key])}


@dataclass(frozen=True)
class Link(DocumentField):
    """Another record, by its key in the document and by its id in the ``attribute`` column."""

    attribute: str
    target: Target

    def attributes(self) -> tuple[str, ...]:
        return (self.attribute,)

    def read(self, values: Mapping[str, Any], keys: KeysById) -> str | None:
        linked = values[self.attribute]
        return getattr(keys, self.target)[linked] if linked is not None else None

    def write(self, record: Mapping[str, Any], ids: IdsByKey) -> dict[str, Any]:
        key = record.get(self.key)
        return {self.attribute: getattr(ids, self.target)[key] if key else None}


@dataclass(frozen=True)
class Person(DocumentField):
    """A participant or a stakeholder, by key; stored as ``<prefix>_participant_id`` and
    ``<prefix>_stakeholder_id``, of which at most one is set."""

    prefix: str

    def attributes(self) -> tuple[str, ...]:
        return (f"{self.prefix}_participant_id", f"{self.prefix}_stakeholder_id")

    def read(self, values: Mapping[str, Any], keys: KeysById) -> str | None:
        return keys.person(
            values[f"{self.prefix}_participant_id"], values[f"{self.prefix}_stakeholder_id"]
        )

    def write(self, record: Mapping[str, Any], ids: IdsByKey) -> dict[str, Any]:
        participant_id, stakeholder_id = ids.person(record.get(self.key))
        return {
            f"{self.prefix}_participant_id": participant_id,
            f"{self.prefix}_stakeholder_id": stakeholder_id,
        }


@dataclass(frozen=True)
class Extra(DocumentField):
    """A key the reader and the writer fill in themselves: a list of other rows."""

    def attributes(self) -> tuple[str, ...]:
        return ()

    def read(self, values: Mapping[str, Any], keys: KeysById) -> Any:
        raise LookupError(f"{self.key!r} is given by the reader")

    def write(self, record: Mapping[str, Any], ids: IdsByKey) -> dict[str, Any]:
        return {}


def _one_or_none(columns: list[str]) -> Getter:
    """A getter of one column or of none as a tuple (``itemgetter`` gives a tuple for two up)."""
    if not columns:
        return lambda values: ()
    (column,) = columns
    return lambda values: (values[column],)


@dataclass(frozen=True)
class RecordFields(Generic[D, M]):
    """A table's fields in the document, declared once: read and write both use it."""

    model: type[M]
    fields: tuple[DocumentField, ...]

    def keys(self) -> list[str]:
        return [item.key for item in self.fields]

    @cached_property
    def _plain(self) -> tuple[tuple[str, ...], Getter]:
        """The keys whose value is their column's as it is, and one getter for those columns.

        The window reads the whole session after every save: taking those columns in one call
        keeps the read as fast as a record written out by hand.
        """
        plain = [item for item in self.fields if isinstance(item, Plain) and item.convert is AS_IS]
        columns = [item.column for item in plain]
        getter = itemgetter(*columns) if len(columns) > 1 else _one_or_none(columns)
        return tuple(item.key for item in plain), getter

    @cached_property
    def _read_by_field(self) -> tuple[tuple[str, Reader], ...]:
        return tuple(
            (item.key, item.read)
            for item in self.fields
            if not isinstance(item, Extra)
            and not (isinstance(item, Plain) and item.convert is AS_IS)
        )

    @cached_property
    def _order(self) -> tuple[str, ...]:
        return tuple(self.keys())

    @cached_property
    def _given(self) -> frozenset[str]:
        return frozenset(item.key for item in self.fields if isinstance(item, Extra))

    def read(self, row: Any, keys: KeysById, **extra: Any) -> D:
        """The row as the document carries it, its keys in the declared order; ``extra``
        gives the ``Extra`` fields."""
        assert extra.keys() == self._given, f"{self.model.__name__}: give {sorted(self._given)}"
        # By column name: a plain query's row through its mapping (one lookup per column costs
        # less than an attribute per column), or a model's own values (a default record).
        values = cast(Mapping[str, Any], row._mapping) if isinstance(row, Row) else vars(row)
        record: dict[str, Any] = dict.fromkeys(self._order)
        plain_keys, plain_values = self._plain
        record.update(zip(plain_keys, plain_values(values), strict=True))
        for key, read in self._read_by_field:
            record[key] = read(values, keys)
        record.update(extra)
        return cast(D, record)

    def write(self, record: Mapping[str, Any], ids: IdsByKey, **columns: Any) -> M:
        """A new row for the record; ``columns`` are what the document does not say (the
        session, the position)."""
        values: dict[str, Any] = {}
        for item in self.fields:
            values.update(item.write(record, ids))
        return self.model(**values, **columns)
