"""A participant's status on the invite list: uitgenodigd, aangemeld, afgemeld or aanwezig.

Two stored facts make it: ``invitation`` (where they stand before the day) and ``present``
(whether they came). The coach sees and sets one status; ``attendance_status`` reads it and
``status_change`` says what setting it changes, so the two facts never disagree: present means
they were on the list (registered) too, and someone who declined or is only invited is not
ticked present.
"""

from __future__ import annotations

from collections.abc import Mapping

from worksession.domain.record_changes import ParticipantChanges
from worksession.domain.values import AttendanceStatus, Invitation


def attendance_status(participant: Mapping[str, object]) -> AttendanceStatus:
    """ "present" when they came, else their invitation ("registered" when a record has none,
    a file from before the invite list, or one this version does not know)."""
    if participant.get("present"):
        return AttendanceStatus.PRESENT
    invitation = str(participant.get("invitation") or "")
    if invitation not in Invitation.values():
        return AttendanceStatus.REGISTERED
    return AttendanceStatus(invitation)


def status_change(
    participant: Mapping[str, object], status: AttendanceStatus | str
) -> ParticipantChanges:
    """The fields to change for ``participant`` to have ``status``: only those that differ
    (nothing when it has it already), for one update and one undo step."""
    wanted = AttendanceStatus(status)
    target: ParticipantChanges
    if wanted == AttendanceStatus.PRESENT:
        # Whoever came was on the list: an invitation still open or declined becomes registered.
        target = {"present": True, "invitation": Invitation.REGISTERED.value}
    else:
        target = {"present": False, "invitation": wanted.value}
    current = {
        "present": bool(participant.get("present")),
        "invitation": str(participant.get("invitation") or Invitation.REGISTERED),
    }
    changes: ParticipantChanges = {}
    if target["present"] != current["present"]:
        changes["present"] = target["present"]
    if target["invitation"] != current["invitation"]:
        changes["invitation"] = target["invitation"]
    return changes
