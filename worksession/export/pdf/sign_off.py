"""The plan's cover and its last word: who was there, who agreed to which version and when,
the fingerprint and the seal, and what those prove, in plain words for a reader who is not
technical."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from worksession.domain.plan import Snapshot
from worksession.domain.values import Decision, DecisionMethod, Variant
from worksession.export.pdf.blocks import CONTENT_WIDTH, Heading, people, table
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.text import day, label_value, para
from worksession.export.pdf.when import local_day, local_minute
from worksession.i18n import _, ngettext


def cover(
    snapshot: Snapshot,
    payload: PlanPayload,
    *,
    kind: str = "",
    subtitle: str = "",
    extra: Sequence[tuple[str, str]] = (),
) -> list[Flowable]:
    """The first page: what the document is (``kind``, the plan by default), its title, the
    header and the version's state, then ``extra`` lines."""
    session = snapshot["session"]
    names = people(snapshot)
    variant = Variant(session["variant"]).label
    if session["accredited"]:
        variant += ", " + _("accredited")
    rows = [
        (_("Wijk"), session["wijk"]),
        (_("Gemeente"), session["gemeente"]),
        (_("Date"), day(session["date"])),
        (_("Location"), session["location"]),
        (_("Coach"), session["coach"]),
        (_("Kartrekker"), names.get(snapshot["follow_up"]["kartrekker"] or "", "–")),
        (_("Variant"), variant),
        (_("Version"), _("concept, not yet frozen") if payload.draft else str(snapshot["version"])),
        (_("Status"), status_text(payload)),
        (_("Sign-off"), sign_off_summary(payload)),
        *extra,
    ]
    return [
        Spacer(1, 30 * mm),
        para(kind or _("Collaboration plan"), "Muted"),
        para(session["title"], "Title"),
        para(subtitle or _("Samenwerken aan gezondheid in de wijk"), "Lead"),
        Spacer(1, 10 * mm),
        *[label_value(label, value) for label, value in rows],
        PageBreak(),
    ]


def status_text(payload: PlanPayload) -> str:
    if payload.signed_off:
        return _("signed off")
    if payload.draft:
        return _("concept, not yet frozen")
    return _("concept, for review")


def sign_off_summary(payload: PlanPayload) -> str:
    """One line for the cover: how many of those present agreed, and when the last one did."""
    if payload.draft:
        return _("not asked yet: the plan is not frozen as a version")
    count = payload.count
    if count.complete:
        last = max(d["decided_at"] for d in payload.decisions if d["decision"] == "agreed")
        return _("{agreed} of {needed} present agreed on {day}").format(
            agreed=count.agreed, needed=count.needed, day=local_day(last)
        )
    text = _("{agreed} of {needed} present agreed so far").format(
        agreed=count.agreed, needed=count.needed
    )
    changes = sum(1 for d in payload.decisions if d["decision"] == Decision.CHANGES.value)
    if changes:
        text += "; " + ngettext(
            "{count} asked for a change", "{count} asked for changes", changes
        ).format(count=changes)
    return text


def attendance_and_sign_off(snapshot: Snapshot, payload: PlanPayload) -> list[Flowable]:
    flow: list[Flowable] = [Heading(_("Attendance"), "attendance")]
    rows = [
        (
            p["name"],
            p["organisation"],
            p["role"],
            p["registration"],
            _("yes") if p["present"] else _("no"),
        )
        for p in snapshot["participants"]
    ]
    widths = [w * CONTENT_WIDTH for w in (0.23, 0.25, 0.22, 0.18, 0.12)]
    header = [_("Name"), _("Organisation"), _("Role"), _("Registration no."), _("Present")]
    flow.append(table(header, rows, widths))
    flow.append(Heading(_("Sign-off"), "sign-off"))
    flow.append(para(sign_off_summary(payload)))
    by_key = {d["participant_key"]: d for d in payload.decisions}
    sign_rows = []
    for person in snapshot["participants"]:
        if not person["present"] and person["key"] not in by_key:
            continue
        decision = by_key.get(person["key"])
        sign_rows.append(
            (
                person["name"],
                Decision(decision["decision"]).label if decision else _("not yet"),
                decision["comment"] if decision else "",
                local_minute(decision["decided_at"]) if decision else "",
                DecisionMethod(decision["method"]).label if decision else "",
            )
        )
    widths = [w * CONTENT_WIDTH for w in (0.22, 0.15, 0.28, 0.21, 0.14)]
    header = [_("Participant"), _("Decision"), _("Comment"), _("Date and time"), _("How")]
    flow.append(table(header, sign_rows, widths))
    flow.append(para(_("Times are Dutch time."), "Small"))
    what = (
        _("Fingerprint (SHA-256) of this concept")
        if payload.draft
        else _("Fingerprint (SHA-256) of version {n}").format(n=snapshot["version"])
    )
    flow += [
        Spacer(1, 6 * mm),
        label_value(what, payload.sha256),
        label_value(_("Seal (SHA-256) of this document"), payload.seal),
        para(_("What the fingerprint and the seal prove"), "Heading2"),
    ]
    for text in _what_the_fingerprints_prove():
        flow += [para(text, "Small"), Spacer(1, 1.5 * mm)]
    return flow


def _what_the_fingerprints_prove() -> list[str]:
    """The checks explained for a reader who is not technical: what they prove and what not."""
    return [
        _(
            "The fingerprint is a code computed from the text of the plan: the agreements, "
            "priorities, sociale kaart and attendance. Changing one letter gives another "
            "fingerprint. The seal is computed from that fingerprint together with everyone's "
            "decision, the status (concept or signed off), the language and the layout of this "
            "document: changing a decision or the status gives another seal."
        ),
        _(
            "The file carries the data it was made from. Run: worksession verify FILE.pdf — it "
            "draws the plan again and compares it with this file. It answers OK with the "
            "version, the fingerprint and the seal when nothing in the file was changed, and "
            "TAMPERED when something was."
        ),
        _(
            "What this does not prove: someone with the app on another computer can make a "
            "different plan that is just as complete, with its own fingerprint and seal. To know "
            "that this is the plan your group agreed to, compare both codes with the ones the "
            "coach recorded (worksession verify FILE.pdf --db, in the coach's archive) or check "
            "the coach's digital signature, when the file has one."
        ),
    ]
