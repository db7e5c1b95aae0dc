"""What a publish or a fetch did, in one line for the window's status bar."""

from __future__ import annotations

from collections import Counter

from worksession.i18n import _, ngettext
from worksession.ui.archive.running import RunReport


def publish_line(report: RunReport) -> str:
    """The session window's publish: what happened, or why nothing did. Short and without the
    session's title (the window names it): the status bar shares its width with the saving
    state and the waiting mark on a 1280-pixel laptop."""
    if report.unreachable:
        return _("Team archive out of reach ({reason}): this session waits.").format(
            reason=report.unreachable
        )
    if report.failed:
        return _("Not published: {reason}").format(reason="; ".join(report.failed))
    if report.cancelled:
        return _("Nothing published: changed here and in the team archive.")
    if not report.outcomes:
        return _("Nothing published.")
    outcome = report.outcomes[0]
    if outcome.action == "unchanged":
        return _("The team archive has this session as it is here: nothing to publish.")
    if outcome.action == "waiting":
        return _("Team archive out of reach: this session waits and is published later.")
    if outcome.action == "copied":
        return _("Published as a copy beside the team archive's version.")
    if outcome.action == "overwritten":
        return _("Published over the team archive's version.") + _backup_note(outcome.backup)
    return _("Published to the team archive.")


def fetch_line(report: RunReport) -> str:
    """A fetch of one or more sessions: how many of each outcome, and what stopped it."""
    counts = Counter(outcome.action for outcome in report.outcomes)
    parts = []
    if counts["fetched"]:
        parts.append(
            ngettext("{n} session new or updated", "{n} sessions new or updated", counts["fetched"])
        .format(n=counts["fetched"]))  # fmt: skip
    if counts["copied"]:
        parts.append(
            ngettext("{n} kept as a copy", "{n} kept as copies", counts["copied"]).format(
                n=counts["copied"]
            )
        )
    if counts["overwritten"]:
        parts.append(
            ngettext("{n} overwritten", "{n} overwritten", counts["overwritten"]).format(
                n=counts["overwritten"]
            )
        )
    if counts["unchanged"]:
        parts.append(
            ngettext("{n} unchanged", "{n} unchanged", counts["unchanged"]).format(
                n=counts["unchanged"]
            )
        )
    if report.cancelled:
        parts.append(
            _("not fetched (changed on both sides): {titles}").format(
                titles=", ".join(f"“{title}”" for title in report.cancelled)
            )
        )
    line = _("Fetched from the team archive: {parts}.").format(
        parts=", ".join(parts) if parts else _("nothing")
    )
    backups = [outcome.backup for outcome in report.outcomes if outcome.backup is not None]
    if backups:
        line += _backup_note(backups[-1])
    if report.unreachable:
        line += " " + _("The team archive cannot be reached: {reason}").format(
            reason=report.unreachable
        )
    if report.failed:
        line += " " + _("Not fetched: {reason}").format(reason="; ".join(report.failed))
    return line


def _backup_note(backup: object) -> str:
    if backup is None:
        return ""
    return " " + _("The version overwritten is in the backup {path}.").format(path=backup)
