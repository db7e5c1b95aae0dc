"""What goes along when a record is removed, in words the coach can check before saying yes.

The list is made from ``preview_removal``, which finds rows and links exactly as the removal
itself does: what the question lists is what the removal takes (a test compares the two).
Rows that go with the record (an improvement point of a theme) and links that are cleared (the
trekker of an agreement) are counted per kind and named where they have a name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlmodel import Session, SQLModel

from worksession.i18n import N_, _
from worksession.storage.database import Database
from worksession.storage.operations.removal import RemovalSnapshot, preview_removal

NAME_LENGTH = 60

# (table, cleared column or None when the row itself goes) → (singular, plural) message.
_MESSAGES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("agreement", "lead_participant_id"): (
        N_("{count} agreement loses its trekker"),
        N_("{count} agreements lose their trekker"),
    ),
    ("agreement", "lead_stakeholder_id"): (
        N_("{count} agreement loses its trekker"),
        N_("{count} agreements lose their trekker"),
    ),
    ("agreement", "theme_id"): (
        N_("{count} agreement loses its theme"),
        N_("{count} agreements lose their theme"),
    ),
    ("agreement_partner", None): (
        N_("{count} agreement loses this partner"),
        N_("{count} agreements lose this partner"),
    ),
    ("improvement", None): (
        N_("{count} improvement point is removed"),
        N_("{count} improvement points are removed"),
    ),
    ("werkgroep_member", None): (
        N_("the werkgroep loses this member"),
        N_("the werkgroep loses this member"),
    ),
    ("follow_up", "kartrekker_participant_id"): (
        N_("the plan loses its kartrekker"),
        N_("the plan loses its kartrekker"),
    ),
    ("follow_up", "kartrekker_stakeholder_id"): (
        N_("the plan loses its kartrekker"),
        N_("the plan loses its kartrekker"),
    ),
    ("relation", None): (
        N_("{count} relation on the sociale kaart is removed"),
        N_("{count} relations on the sociale kaart are removed"),
    ),
    ("stakeholder", "participant_id"): (
        N_("{count} stakeholder on the sociale kaart is no longer linked"),
        N_("{count} stakeholders on the sociale kaart are no longer linked"),
    ),
    ("vote_mark", None): (
        N_("{count} vote on a ballot is removed"),
        N_("{count} votes on ballots are removed"),
    ),
    ("vote_ballot", "participant_id"): (
        N_("{count} ballot stays, without a name"),
        N_("{count} ballots stay, without a name"),
    ),
    ("agreement_progress", "agreement_id"): (
        N_("{count} progress report on it stays, kept under the agreement's key"),
        N_("{count} progress reports on it stay, kept under the agreement's key"),
    ),
    ("agreement_progress", "reporter_participant_id"): (
        N_("{count} progress report stays, with the name as it was typed"),
        N_("{count} progress reports stay, with the name as it was typed"),
    ),
    ("agreement_review", None): (
        N_("its review in this follow-up session is removed"),
        N_("their reviews in this follow-up session are removed"),
    ),
    ("referral", "theme_id"): (
        N_("{count} referral agreement loses its theme"),
        N_("{count} referral agreements lose their theme"),
    ),
    ("referral", "source_participant_id"): (
        N_("{count} referral agreement loses who refers"),
        N_("{count} referral agreements lose who refers"),
    ),
    ("referral", "source_stakeholder_id"): (
        N_("{count} referral agreement loses who refers"),
        N_("{count} referral agreements lose who refers"),
    ),
    ("referral", "target_participant_id"): (
        N_("{count} referral agreement loses who is referred to"),
        N_("{count} referral agreements lose who is referred to"),
    ),
    ("referral", "target_stakeholder_id"): (
        N_("{count} referral agreement loses who is referred to"),
        N_("{count} referral agreements lose who is referred to"),
    ),
}
_OTHER = (N_("{count} linked record changes"), N_("{count} linked records change"))

# Which column names a row, per table; a partner is named by its agreement.
_NAME_COLUMNS = {
    "agreement": "what",
    "improvement": "text",
    "participant": "name",
    "stakeholder": "name",
    "theme": "title",
    "referral": "signal",
    "insight": "text",
    "key_figure": "label",
}

# Rows that are part of the record itself, not links to something else: an agreement's partner
# list goes with the agreement without a question (its partners stay in the session).
_OWN_PARTS = {
    "agreement": frozenset({"agreement_partner"}),
    "vote_ballot": frozenset({"vote_mark"}),
}

Link = tuple[str, tuple[Any, ...], str | None]  # table, primary key, cleared column (None: goes)


@dataclass(frozen=True)
class Consequence:
    """One kind of change a removal brings along: a translated sentence and the names."""

    message: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.message}: {', '.join(self.names)}" if self.names else self.message


@dataclass(frozen=True)
class RemovalEffects:
    """Everything a removal takes along besides the record itself: ``links`` all of it,
    ``consequences`` what the coach is told (not the record's own parts)."""

    consequences: tuple[Consequence, ...]
    links: frozenset[Link]

    def __bool__(self) -> bool:
        """True when something besides the record and its own parts changes: then ask."""
        return bool(self.consequences)


def snapshot_links(snapshot: RemovalSnapshot) -> frozenset[Link]:
    """The rows and links of ``snapshot`` other than the removed record itself (its first row)."""
    # The first row is the record the coach chose.
    gone: list[Link] = [(name, _key(name, values), None) for name, values in snapshot.rows[1:]]
    cleared: list[Link] = [
        (name, tuple(key.values()), column) for name, key, column, _v in snapshot.cleared
    ]
    return frozenset(gone + cleared)


def removal_effects(*, db: Database, model: type[SQLModel], row_id: int) -> RemovalEffects:
    """What removing this record changes elsewhere; empty when it has no links."""
    snapshot = preview_removal(db=db, model=model, row_id=row_id)
    own = _OWN_PARTS.get(str(model.__tablename__), frozenset())
    groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    with db.reading() as s:
        for name, values in snapshot.rows[1:]:
            if name in own:
                continue
            groups[(name, None)].append(_name_of(s, name, values))
        for table_name, key, cleared, _value in snapshot.cleared:
            table = SQLModel.metadata.tables[table_name]
            condition = [table.c[pk] == value for pk, value in key.items()]
            row = s.connection().execute(select(table).where(*condition)).mappings().one()
            groups[(table_name, cleared)].append(_name_of(s, table_name, dict(row)))
    consequences = []
    order = list(_MESSAGES)  # the most telling first: trekkers, themes, then the rest
    ranked = sorted(groups.items(), key=lambda item: _rank(order, item[0]))
    for (name, column), names in ranked:
        singular, plural = _MESSAGES.get((name, column), _OTHER)
        # Both forms are plain catalogue entries; Dutch, like English, has one singular.
        message = _(singular if len(names) == 1 else plural).format(count=len(names))
        consequences.append(Consequence(message, tuple(sorted({n for n in names if n}))))
    return RemovalEffects(tuple(consequences), snapshot_links(snapshot))


def _rank(order: list[tuple[str, str | None]], kind: tuple[str, str | None]) -> int:
    return order.index(kind) if kind in order else len(order)


def _key(name: str, values: dict[str, Any]) -> tuple[Any, ...]:
    table: Table = SQLModel.metadata.tables[name]
    return tuple(values[column.name] for column in table.primary_key.columns)


def _name_of(s: Session, name: str, values: dict[str, Any]) -> str:
    if name == "agreement_partner":
        agreements = SQLModel.metadata.tables["agreement"]
        query = select(agreements.c.what).where(agreements.c.id == values["agreement_id"])
        return _short(str(s.connection().execute(query).scalar_one_or_none() or ""))
    column = _NAME_COLUMNS.get(name)
    return _short(str(values.get(column, "") or "")) if column else ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NAME_LENGTH else text[: NAME_LENGTH - 1].rstrip() + "…"
