"""Operations on verwijsafspraken: on which signal who refers to whom, the contact person there,
and whether (and how) the one referred to reports back to the one who referred."""

from __future__ import annotations

from typing import Unpack

from sqlmodel import Session

from worksession.domain.models import Referral, Theme
from worksession.domain.record_changes import ReferralChanges
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    PersonRef,
    check_belongs,
    fetch,
    list_records,
    next_position,
    person_columns,
    person_ref,
    remove_record,
    require_session,
    touch,
)

_UNSET: object = object()


def add_referral(
    *,
    db: Database,
    session_id: int,
    signal: str,
    source: PersonRef | None = None,
    target: PersonRef | None = None,
    contact: str = "",
    feedback: bool = False,
    feedback_how: str = "",
    theme_id: int | None = None,
) -> Referral:
    """Add a referral agreement: ``source`` refers to ``target`` when ``signal`` is seen."""
    fields = clean(
        "referral",
        {"signal": signal, "contact": contact, "feedback": feedback, "feedback_how": feedback_how},
    )
    _refuse_self_referral(source, target)
    with db.transaction() as s:
        require_session(s, session_id)
        _check_theme(s, session_id, theme_id)
        referral = Referral(
            session_id=session_id,
            position=next_position(s, Referral, session_id),
            theme_id=theme_id,
            **fields,
        )
        _set_people(s, session_id, referral, source=source, target=target)
        s.add(referral)
        s.flush()
        touch(s, session_id)
        return referral


def update_referral(
    *,
    db: Database,
    referral_id: int,
    source: PersonRef | object | None = _UNSET,
    target: PersonRef | object | None = _UNSET,
    theme_id: int | object | None = _UNSET,
    **changes: Unpack[ReferralChanges],
) -> Referral:
    """Change a referral; ``source``, ``target`` and ``theme_id`` change only when given."""
    fields = clean("referral", changes)
    with db.transaction() as s:
        referral = fetch(s, Referral, referral_id)
        session_id = referral.session_id
        for name, value in fields.items():
            setattr(referral, name, value)
        if theme_id is not _UNSET:
            assert theme_id is None or isinstance(theme_id, int)
            _check_theme(s, session_id, theme_id)
            referral.theme_id = theme_id
        new_source = referral_source(referral) if source is _UNSET else source
        new_target = referral_target(referral) if target is _UNSET else target
        assert new_source is None or isinstance(new_source, PersonRef)
        assert new_target is None or isinstance(new_target, PersonRef)
        _refuse_self_referral(new_source, new_target)
        _set_people(s, session_id, referral, source=new_source, target=new_target)
        touch(s, session_id)
        return referral


def remove_referral(*, db: Database, referral_id: int) -> Referral:
    return remove_record(db, Referral, referral_id)


def list_referrals(*, db: Database, session_id: int) -> list[Referral]:
    return list_records(db, Referral, session_id)


def referral_source(referral: Referral) -> PersonRef | None:
    """Who refers."""
    return person_ref(referral.source_participant_id, referral.source_stakeholder_id)


def referral_target(referral: Referral) -> PersonRef | None:
    """To whom."""
    return person_ref(referral.target_participant_id, referral.target_stakeholder_id)


def _refuse_self_referral(source: PersonRef | None, target: PersonRef | None) -> None:
    if source is not None and source == target:
        raise ValidationError("referral.target", _("cannot be the one who refers"))


def _set_people(
    s: Session,
    session_id: int,
    referral: Referral,
    *,
    source: PersonRef | None,
    target: PersonRef | None,
) -> None:
    referral.source_participant_id, referral.source_stakeholder_id = person_columns(
        s, session_id, source, "referral.source"
    )
    referral.target_participant_id, referral.target_stakeholder_id = person_columns(
        s, session_id, target, "referral.target"
    )


def _check_theme(s: Session, session_id: int, theme_id: int | None) -> None:
    if theme_id is not None:
        check_belongs(fetch(s, Theme, theme_id), session_id, "referral.theme")
