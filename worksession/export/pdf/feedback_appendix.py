"""The appendix *Evaluatie door de deelnemers*: how many paper forms were handed in, the mean
score (one decimal), how the scores spread, and the answers to the two open questions.

Only a plan (or progress report) with forms has it. The answers are anonymous, as the forms
are: each question's answers are listed in the order typed, apart from the other question's
and from the scores, so that no line can be put together into one person's form.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from worksession.domain.feedback import feedback_summary, summary_line
from worksession.domain.plan import Snapshot
from worksession.export.pdf.blocks import CONTENT_WIDTH, Heading, table, with_first_row
from worksession.export.pdf.text import para
from worksession.i18n import N_, _

QUESTIONS = (
    ("takeaway", N_("What do you take away from this work session?")),
    ("to_improve", N_("What could be better?")),
)


def evaluation_appendix(snapshot: Snapshot, *, after_appendix: bool) -> list[Flowable]:
    """The participants' evaluation; ``after_appendix``: it follows the appendix's schedule,
    so it is a part of that appendix rather than the start of one."""
    forms = snapshot.get("feedback_forms", [])
    if not forms:
        return []
    summary = feedback_summary(forms)
    opening: list[Flowable] = (
        [Spacer(1, 6 * mm)] if after_appendix else [PageBreak(), Heading(_("Appendix"), "appendix")]
    )
    heading = Heading(_("Evaluation by the participants"), "feedback", level=1)
    flow: list[Flowable] = [*opening, heading, para(summary_line(summary), "Lead")]
    distribution = summary.distribution()
    header = [_("Score"), *(str(score) for score in distribution)]
    counts = [_("Forms"), *(str(count) for count in distribution.values())]
    widths = [0.2 * CONTENT_WIDTH] + [0.08 * CONTENT_WIDTH] * len(distribution)
    flow += [table(header, [counts], widths), Spacer(1, 2 * mm)]
    if summary.scored < summary.count:
        flow.append(para(_("Forms without a score: {count}").format(
            count=summary.count - summary.scored), "Small"))  # fmt: skip
    flow.append(
        para(
            _("The forms are anonymous: the answers are given as written, without names."), "Small"
        )
    )
    for field, question in QUESTIONS:
        # Headed by its question, as on the paper form; each answer a row of its own.
        given = [text for form in forms if (text := str(form.get(field, "")).strip())]
        rows = [(f"{number}.", answer) for number, answer in enumerate(given, 1)]
        widths = [0.07 * CONTENT_WIDTH, 0.93 * CONTENT_WIDTH]
        answers = table(["", _(question)], rows or [("", _("No answers."))], widths)
        flow += [Spacer(1, 3 * mm), *with_first_row([], answers)]
    return flow
