"""The invite list's one status, read from and written to ``present`` and ``invitation``."""

from __future__ import annotations

import pytest

from worksession.domain.attendance import attendance_status, status_change
from worksession.domain.values import AttendanceStatus
from worksession.i18n import set_language


@pytest.mark.parametrize(
    ("record", "status"),
    [
        ({"present": True, "invitation": "invited"}, "present"),
        ({"present": True, "invitation": "declined"}, "present"),
        ({"present": False, "invitation": "invited"}, "invited"),
        ({"present": False, "invitation": "declined"}, "declined"),
        ({"present": False, "invitation": "registered"}, "registered"),
        ({"key": "p1", "name": "An"}, "registered"),  # a file from before the invite list
        ({"present": False, "invitation": "waitlisted"}, "registered"),  # a newer version's
    ],
)
def test_the_status_is_present_else_the_invitation(record: dict[str, object], status: str) -> None:
    assert attendance_status(record) == status


def test_setting_a_status_changes_both_facts_consistently() -> None:
    invited = {"present": False, "invitation": "invited"}
    assert status_change(invited, "present") == {"present": True, "invitation": "registered"}
    assert status_change(invited, "declined") == {"invitation": "declined"}
    assert status_change(invited, "invited") == {}
    came = {"present": True, "invitation": "registered"}
    assert status_change(came, "declined") == {"present": False, "invitation": "declined"}
    assert status_change(came, "registered") == {"present": False}
    for status in AttendanceStatus:
        for record in (invited, came):
            assert attendance_status({**record, **status_change(record, status)}) == status


def test_the_statuses_read_in_dutch() -> None:
    set_language("nl")  # the default, as every test starts
    assert [status.label for status in AttendanceStatus] == [
        "uitgenodigd",
        "aangemeld",
        "afgemeld",
        "aanwezig",
    ]
