"""Prepare the follow-up session (*Vervolgbijeenkomst voorbereiden*) of a signed-off session.

The follow-up is a new session on the follow-up programme that starts from the first one (see
``domain.carry_over`` for what it carries), linked by a ``SessionOrigin`` row to the signed
version it reviews: its number, fingerprint and snapshot text exactly as stored, so the
follow-up can show what was signed even where the first session is not. Every carried
agreement gets an empty ``AgreementReview``, and the progress log of the first session comes
along, each entry on the copy of its agreement.

It is made as a follow-up document and imported, as a follow-up made on another laptop would
be: the same checks (the signed plan against its fingerprint) and the same writing. Everything
is written in one transaction: a refusal or a failure writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from worksession.domain import document_types as typed
from worksession.domain.carry_over import follow_up_document
from worksession.domain.interchange import InterchangeError, check_document
from worksession.domain.models import PlanVersion, SessionOrigin
from worksession.domain.plan import present_participants
from worksession.domain.values import Decision
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.document import import_document_in, read_document_in
from worksession.storage.errors import StorageError
from worksession.storage.operations._rows import fetch_session
from worksession.storage.operations.plan import latest_decisions, list_versions, snapshot_of
from worksession.storage.teams import same_team_as


class FollowUpRefused(StorageError):
    """The session cannot have a follow-up yet: its plan is not signed off."""


def create_follow_up(
    *,
    db: Database,
    session_id: int,
    steps: Sequence[typed.ProgrammeStep],
    programme_id: str,
) -> int:
    """Make the follow-up session of ``session_id`` on the programme ``programme_id`` (whose
    ``steps`` it keeps a copy of) and return its id.

    Refused (``FollowUpRefused``) unless a version of the plan was signed off: frozen, and
    everyone present agreed to it. The follow-up reviews the latest such version.
    """
    with db.transaction() as s:
        fetch_session(s, session_id)  # a wrong id is NotFound, as elsewhere
        # Read beside this transaction, which holds the write lock: nobody changes it meanwhile.
        signed = signed_version(db=db, session_id=session_id)
        document = follow_up_document(
            read_document_in(s, session_id),
            snapshot_of(signed),
            fingerprint=signed.sha256,
            programme_id=programme_id,
            steps=list(steps),
        )
        try:
            check_document(document)  # what the import trusts, as for a file
        except InterchangeError as error:
            # A plan signed by an older version that today's checks do not pass.
            raise FollowUpRefused(
                _("the signed plan of session {id} cannot be carried over: {problem}").format(
                    id=session_id, problem=error
                )
            ) from error
        same_team_as(s, session_id)  # on a server the follow-up is the same team's
        created = import_document_in(s, document)
        follow_up_id = created.id
        assert follow_up_id is not None
        s.flush()
        origin = s.get(SessionOrigin, follow_up_id)
        assert origin is not None
        # The link to the first session holds while it is on this laptop; the text is the
        # stored one, not a re-serialisation (they are the same canonical bytes).
        origin.origin_session_id = session_id
        origin.snapshot = signed.snapshot
        return follow_up_id


def signed_version(*, db: Database, session_id: int) -> PlanVersion:
    """The latest version of the plan that everyone present agreed to.

    The session may have changed since (it is a draft again): the follow-up reviews what was
    signed, not what is being worked on.
    """
    versions = list_versions(db=db, session_id=session_id)
    if not versions:
        raise FollowUpRefused(
            _(
                "session {id} has no frozen plan yet: freeze the plan and let everyone "
                "present agree to it first"
            ).format(id=session_id)
        )
    for version in reversed(versions):
        if not _waiting_for(db, version):
            return version
    latest = versions[-1]
    raise FollowUpRefused(
        _(
            "not everyone present agreed to version {number} of session {id} yet "
            "(still to agree: {names})"
        ).format(number=latest.number, id=session_id, names=", ".join(_waiting_for(db, latest)))
    )


def _waiting_for(db: Database, version: PlanVersion) -> list[str]:
    """The names of the people present who have not agreed to ``version`` (last word counts)."""
    assert version.id is not None
    decided = latest_decisions(db=db, version_id=version.id)
    return [
        person["name"]
        for person in present_participants(snapshot_of(version))
        if person["key"] not in decided or decided[person["key"]].decision != Decision.AGREED
    ]
