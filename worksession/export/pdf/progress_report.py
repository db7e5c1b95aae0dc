"""The progress report (voortgangsrapportage): the plan PDF of a follow-up session.

A follow-up session's plan names the signed plan it reviews (``origin``); its PDF is then a
report for the werkgroep and the financiers instead of a new collaboration plan: the signed plan's
title, version and fingerprint; per theme each agreement as signed with its status then → now,
the latest progress notes, the indicator verdict and the decision; a chart of the statuses then
and now (``status_chart``); what worked and what did not; the adjusted and the new agreements
(``progress_changes``); attendance. It is
still the follow-up's own plan version, frozen and signed off like any plan, so it closes with
the same sign-off, fingerprint and seal, and ``verify`` draws it again from its payload.

Names and themes of the reviewed agreements are the signed plan's (``PlanReview.signed``): a
trekker who left since is still the one who signed for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from worksession.domain.document_types import Agreement, PlanReview, ProgressEntry
from worksession.domain.plan import Snapshot
from worksession.domain.values import AgreementStatus, IndicatorSeen, ReviewDecision
from worksession.export.pdf import (
    agreements,
    feedback_appendix,
    progress_changes,
    sections,
    sign_off,
)
from worksession.export.pdf.blocks import CONTENT_WIDTH, Heading, table, with_first_row
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.status_chart import status_chart
from worksession.export.pdf.text import day, label_value, para
from worksession.i18n import _, ngettext

# How many progress notes each reviewed agreement shows: the latest, newest first.
LATEST_NOTES = 3
# The chart's column for an agreement whose status now nobody reported.
UNKNOWN = "unknown"


def is_progress_report(snapshot: Snapshot) -> bool:
    """Whether the plan is a follow-up's: it names the signed plan it reviews."""
    return "origin" in snapshot


def story(payload: PlanPayload) -> list[Flowable]:
    """Every page of the report, the contents list on the cover."""
    snapshot = payload.snapshot
    body = [
        *overview(snapshot),
        *reviewed(snapshot),
        *progress_changes.lessons(snapshot),
        *progress_changes.changed_and_new(snapshot),
        *agreements.follow_up(snapshot),
        *sign_off.attendance_and_sign_off(snapshot, payload),
        *feedback_appendix.evaluation_appendix(snapshot, after_appendix=False),
    ]
    return sections.with_contents(cover(snapshot, payload), body)


def cover(snapshot: Snapshot, payload: PlanPayload) -> list[Flowable]:
    origin = snapshot["origin"]
    return sign_off.cover(
        snapshot,
        payload,
        kind=_("Progress report"),
        subtitle=_("Follow-up of “{title}”, version {version}").format(
            title=origin["title"], version=origin["version"]
        ),
        extra=[(_("Signed plan"), _signed_plan(snapshot))],
    )


def _signed_plan(snapshot: Snapshot) -> str:
    origin = snapshot["origin"]
    return _("“{title}”, version {version}, fingerprint (SHA-256) {fingerprint}").format(
        title=origin["title"], version=origin["version"], fingerprint=origin["fingerprint"]
    )


# --- overview and chart ---------------------------------------------------------------------


def overview(snapshot: Snapshot) -> list[Flowable]:
    """The signed plan this follows, how far its agreements came, and the chart of it."""
    origin = snapshot["origin"]
    reviews = snapshot.get("reviews", [])
    flow: list[Flowable] = [
        Heading(_("Progress at a glance"), "progress"),
        label_value(_("Follow-up of"), origin["title"]),
        label_value(_("Signed version"), origin["version"]),
        label_value(
            _("Fingerprint (SHA-256) of version {n}").format(n=origin["version"]),
            origin["fingerprint"],
        ),
        Spacer(1, 3 * mm),
    ]
    if not reviews:
        return [
            *flow,
            para(_("No agreements of the signed plan were reviewed."), "Muted"),
            PageBreak(),
        ]
    # The chart compares the signed plan's agreements: a review of any other key has no "then".
    signed = [review for review in reviews if review["signed"] is not None]
    then = _counts(_status_then(review) for review in signed)
    log = ProgressLog(snapshot.get("progress", []))
    now = _counts(status_now(review, log) for review in signed)
    categories = [(status.value, status.label) for status in AgreementStatus]
    if now.get(UNKNOWN):
        categories.append((UNKNOWN, _("not known")))
    flow.append(para(_summary(len(signed), now, categories)))
    chart = status_chart(
        categories,
        then,
        now,
        then_label=_("At sign-off (version {n})").format(n=origin["version"]),
        now_label=_("Now (this follow-up)"),
        width=CONTENT_WIDTH,
    )
    flow += [
        Spacer(1, 2 * mm),
        KeepTogether([para(_("Status then and now"), "Heading2"), chart]),
        para(
            _(
                "Hatched bars: the status when the plan was signed. Solid bars: the status "
                "now. The number above each bar is the count of agreements."
            ),
            "Small",
        ),
        PageBreak(),
    ]
    return flow


def _summary(total: int, now: dict[str, int], categories: Sequence[tuple[str, str]]) -> str:
    covered = ngettext(
        "The review covers {count} agreement of the signed plan.",
        "The review covers {count} agreements of the signed plan.",
        total,
    ).format(count=total)
    parts = [f"{name}: {now.get(key, 0)}" for key, name in categories]
    now_label = _("Now")
    return f"{covered} {now_label}: " + ", ".join(parts) + "."


def _counts(statuses: Iterable[str | None]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in statuses:
        key = status or UNKNOWN
        counts[key] = counts.get(key, 0) + 1
    return counts


def _status_then(review: PlanReview) -> str | None:
    signed = review["signed"]
    return signed["status"] if signed is not None else None


def status_now(review: PlanReview, log: ProgressLog) -> str | None:
    """The status the group found in the review; else the latest the log reported; else None."""
    if review["status_now"]:
        return review["status_now"]
    latest = log.latest(review["agreement"], 1)
    return latest[0]["status"] if latest else None


class ProgressLog:
    """The progress log by agreement, each agreement's reports newest first (by day, then by
    recording): sorted once, as a report asks for every agreement's latest."""

    def __init__(self, progress: Iterable[ProgressEntry]) -> None:
        self._by_agreement: dict[str, list[ProgressEntry]] = {}
        for entry in progress:
            self._by_agreement.setdefault(entry["agreement"], []).append(entry)
        for entries in self._by_agreement.values():
            entries.sort(key=lambda e: (e["date"], e.get("recorded_at", "")), reverse=True)

    def latest(self, agreement: str, count: int = LATEST_NOTES) -> list[ProgressEntry]:
        return self._by_agreement.get(agreement, [])[:count]


# --- the reviewed agreements per theme ------------------------------------------------------


def reviewed(snapshot: Snapshot) -> list[Flowable]:
    """Per theme of the signed plan: each agreement as signed, then → now, the latest notes, the
    indicator's verdict and the decision."""
    reviews = snapshot.get("reviews", [])
    if not reviews:
        return []
    current = {agreement["key"]: agreement for agreement in snapshot.get("agreements", [])}
    groups: dict[str, list[PlanReview]] = {}
    for review in reviews:
        signed = review["signed"]
        groups.setdefault(signed["theme"] if signed is not None else "", []).append(review)
    header = [
        _("Agreement as signed"),
        _("Status then → now"),
        _("Latest progress"),
        _("How we see it worked: verdict"),
        _("Decision"),
    ]
    widths = [w * CONTENT_WIDTH for w in (0.26, 0.14, 0.25, 0.23, 0.12)]
    log = ProgressLog(snapshot.get("progress", []))
    flow: list[Flowable] = [Heading(_("Agreements reviewed"), "reviewed")]
    # Themed groups in the order of the reviews, the agreements without a theme last.
    for index, theme in enumerate(sorted(groups, key=lambda title: title == "")):
        rows = [_review_row(review, current, log) for review in groups[theme]]
        heading = Heading(theme or _("Other agreements"), f"reviewed-{index}", level=1)
        flow += with_first_row([heading], table(header, rows, widths))
    return flow


def _review_row(
    review: PlanReview, current: dict[str, Agreement], log: ProgressLog
) -> tuple[str, ...]:
    signed = review["signed"]
    if signed is not None:
        what = signed["what"]
        details = [
            _("Lead: {name}").format(name=signed["lead"] or "–"),
            _("When: {day}").format(day=day(signed["due"])),
        ]
    else:  # a key the signed plan lacks: show what this session calls it
        what = current[review["agreement"]]["what"] if review["agreement"] in current else "–"
        details = [_("not in the signed plan")]
    then = _status_label(_status_then(review))
    now = _status_label(status_now(review, log))
    notes = [
        f"• {day(entry['date'])}"
        + (f", {entry['reported_by']}" if entry.get("reported_by") else "")
        + f" ({_status_label(entry['status'])})"
        + (f": {entry['note']}" if entry.get("note") else "")
        for entry in log.latest(review["agreement"])
    ]
    if review["what_happened"]:
        happened = _("What happened")
        notes.insert(0, f"{happened}: {review['what_happened']}\n")
    verdict = (
        IndicatorSeen(review["indicator_seen"]).label
        if review["indicator_seen"]
        else _("not judged")
    )
    indicator = signed["indicator"] if signed is not None else ""
    seen = (f"{indicator}\n" if indicator else "") + f"→ {verdict}"
    if review["evidence"]:
        seen += f": {review['evidence']}"
    decision = ReviewDecision(review["decision"]).label if review["decision"] else "–"
    return (
        what + "\n" + "\n".join(details),
        f"{then}\n→ {now}",
        "\n".join(notes) or "–",
        seen,
        decision,
    )


def _status_label(status: str | None) -> str:
    return AgreementStatus(status).label if status else _("not known")
