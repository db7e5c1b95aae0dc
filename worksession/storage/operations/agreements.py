"""Operations on samenwerkingsafspraken: what, one lead, partners, when, resources, indicator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Unpack

from sqlmodel import Session

from worksession.domain.models import Agreement, AgreementPartner, Theme
from worksession.domain.offer_types import BuildsOn
from worksession.domain.record_changes import AgreementChanges
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    PersonRef,
    check_belongs,
    fetch,
    list_records,
    new_key,
    next_position,
    people_of,
    person_columns,
    person_ref,
    remove_record,
    replace_people,
    require_session,
    touch,
)


def add_agreement(
    *,
    db: Database,
    session_id: int,
    what: str,
    theme_id: int | None = None,
    kind: str = "agreement",
    lead: PersonRef | None = None,
    partners: Sequence[PersonRef] = (),
    due: dt.date | str | None = None,
    resources: str = "",
    indicator: str = "",
    status: str = "open",
    builds_on: BuildsOn | None = None,
) -> Agreement:
    fields = clean(
        "agreement",
        {
            "what": what,
            "kind": kind,
            "due": due,
            "resources": resources,
            "indicator": indicator,
            "status": status,
            "builds_on": builds_on,
        },
    )
    with db.transaction() as s:
        require_session(s, session_id)
        _check_theme(s, session_id, theme_id)
        lead_participant, lead_stakeholder = person_columns(s, session_id, lead, "agreement.lead")
        agreement = Agreement(
            session_id=session_id,
            key=new_key(s, session_id, "a", str(fields["what"])),
            position=next_position(s, Agreement, session_id),
            theme_id=theme_id,
            lead_participant_id=lead_participant,
            lead_stakeholder_id=lead_stakeholder,
            **fields,
        )
        s.add(agreement)
        s.flush()
        assert agreement.id is not None
        if partners:
            _replace_partners(s, session_id, agreement.id, partners)
        touch(s, session_id)
        return agreement


_UNSET: object = object()


def update_agreement(
    *,
    db: Database,
    agreement_id: int,
    theme_id: int | object | None = _UNSET,
    lead: PersonRef | object | None = _UNSET,
    partners: Sequence[PersonRef] | object = _UNSET,
    **changes: Unpack[AgreementChanges],
) -> Agreement:
    """Change an agreement; ``theme_id``, ``lead`` and ``partners`` change only when given."""
    fields = clean("agreement", changes)
    with db.transaction() as s:
        agreement = fetch(s, Agreement, agreement_id)
        session_id = agreement.session_id
        for name, value in fields.items():
            setattr(agreement, name, value)
        if theme_id is not _UNSET:
            assert theme_id is None or isinstance(theme_id, int)
            _check_theme(s, session_id, theme_id)
            agreement.theme_id = theme_id
        if lead is not _UNSET:
            assert lead is None or isinstance(lead, PersonRef)
            agreement.lead_participant_id, agreement.lead_stakeholder_id = person_columns(
                s, session_id, lead, "agreement.lead"
            )
        if partners is not _UNSET:
            assert isinstance(partners, Sequence)
            _replace_partners(s, session_id, agreement_id, partners)
        touch(s, session_id)
        return agreement


def remove_agreement(*, db: Database, agreement_id: int) -> Agreement:
    return remove_record(db, Agreement, agreement_id)


def list_agreements(*, db: Database, session_id: int) -> list[Agreement]:
    return list_records(db, Agreement, session_id)


def agreement_lead(agreement: Agreement) -> PersonRef | None:
    return person_ref(agreement.lead_participant_id, agreement.lead_stakeholder_id)


def agreement_partners(*, db: Database, agreement_id: int) -> list[PersonRef]:
    return people_of(db, AgreementPartner, agreement_id=agreement_id)


def _check_theme(s: Session, session_id: int, theme_id: int | None) -> None:
    if theme_id is not None:
        check_belongs(fetch(s, Theme, theme_id), session_id, "agreement.theme")


def _replace_partners(
    s: Session, session_id: int, agreement_id: int, partners: Sequence[PersonRef]
) -> None:
    replace_people(
        s, AgreementPartner, session_id, partners, "agreement.partners", agreement_id=agreement_id
    )
